"""`document.toml`: what the document is and the choices where agencies differ
(DOMAIN.md §4: kategori scale, rounding basis, efisiensi method, paper)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from ..i18n import _
from .fields import Angka, Id, Model, Tahun, given
from .nilai import SAKIP

Sampul = Literal["standar", "kop"]
SAMPUL = (
    "standar: title at the top, the logo in the middle, the Pemerintah line, agency, address and year at the "
    "foot (the LKjIP's cover); kop: the Pemerintah line, agency and address at the top as a letterhead, "
    "then the title and the logo (the Blitar Renstra's cover)"
)
BagianKosong = Literal["draf", "hilangkan"]
BAGIAN_KOSONG = (
    "A section with nothing in it (its narasi/<id>.md missing and nothing generated): draf prints its "
    "heading and a visible DRAF note naming the file to write; hilangkan leaves the section out. "
    "`laporgen check` lists such sections either way [narasi.missing]"
)


class Tingkat(Model):
    """One level of a kategori scale: `min` ≤ capaian ≤ `max` gets `label` (a range, as
    "Baik 86–100, Sedang 71–85"; without `max`, up to the next level's min)."""

    min: Angka | None = Field(None, description="Lower bound, inclusive; omit for the lowest level")
    max: Angka | None = Field(
        None,
        description="Upper bound, inclusive; omit for 'up to the next level' "
        "(or, on the highest level, no upper bound)",
    )
    label: str


LKJIP4 = (
    Tingkat.model_construct(min=Decimal(100), max=None, label="Sangat Berhasil"),
    Tingkat.model_construct(min=Decimal(75), max=None, label="Berhasil"),
    Tingkat.model_construct(min=Decimal(55), max=None, label="Cukup Berhasil"),
    Tingkat.model_construct(min=None, max=None, label="Kurang Berhasil"),
)
"""The default four-level scale of the Magetan LKjIP (Tabel 3.1). Made, not validated (a
constant of the code): validating at import built pydantic's validator for a scale in every
run, a thirtieth of a `laporgen check` with what it imports."""


class Kategori(Model):
    skala: tuple[Tingkat, ...] = LKJIP4

    @field_validator("skala")
    @classmethod
    def _descending(cls, skala: tuple[Tingkat, ...]) -> tuple[Tingkat, ...]:
        bounds = [t.min for t in skala]
        if len(skala) < 2 or None in bounds[:-1]:
            raise ValueError(
                _(
                    "needs two or more levels, every one with a min except possibly the last (min "
                    "= null)"
                )
            )
        if any(
            a is not None and a <= b for a, b in zip(bounds[:-1], bounds[1:]) if b is not None
        ):  # a: checked above
            raise ValueError(_("levels must be listed from the highest min to the lowest"))
        if any(t.max is not None and t.min is not None and t.max < t.min for t in skala):
            raise ValueError(_("a level's max must not be below its min"))
        return skala


class Perhitungan(Model):
    basis: Literal["tampil", "mentah"] = Field(
        "tampil",
        description="tampil: second-level figures (efisiensi, rata-rata) from the printed 2-decimal "
        "percentages, so a reader can recompute them; mentah: from unrounded values",
    )
    efisiensi: Literal["pmk214", "sisa_anggaran"] = Field(
        "pmk214", description="pmk214: (1 - serapan/capaian) x 100; sisa_anggaran: 100 - serapan"
    )
    # 100 and 120 are accepted unquoted too (`batas_capaian = 100`), and read as the text "100":
    # the JSON Schema lists both spellings, so the editor and the loader agree.
    batas_capaian: Literal["none", "100", "120", 100, 120] = Field(
        "none", description="Cap capaian at this value when averaging and computing efisiensi"
    )

    @field_validator("batas_capaian", mode="after")
    @classmethod
    def _batas_text(cls, value: str | int) -> str:
        return str(value)


class Penandatangan(Model):
    tempat: str
    tanggal: dt.date
    gaya_tanggal: Literal["bulan_tahun", "panjang"] = Field(
        "panjang", description='bulan_tahun: "Februari 2025"; panjang: "20 Februari 2025"'
    )


class Tempat(Model):
    """Where a section goes: after or before a section (same level), or under one (as its last
    subsection, also under a section that has none). Exactly one of the three."""

    setelah: str | None = Field(None, description="The id of the section it follows (same level)")
    sebelum: str | None = Field(None, description="The id of the section it precedes (same level)")
    di_bawah: str | None = Field(
        None, description="The id of the section it goes under, as the last subsection"
    )

    @model_validator(mode="after")
    def _one_place(self) -> "Tempat":
        given = [k for k in ("setelah", "sebelum", "di_bawah") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                _("give exactly one of setelah, sebelum or di_bawah (the id of another section)")
            )
        return self


class TambahBagian(Tempat):
    id: Id
    judul: str


class PindahBagian(Tempat):
    id: str = Field(description="The id of the section to move (with its subsections)")


class Outline(Model):
    """Changes to the document type's default outline, applied in this order: drop, move, add,
    rename. `laporgen outline PATH` prints the result with every id."""

    judul: dict[str, str] = Field({}, description="New titles by section id")
    hapus: list[str] = Field([], description="Section ids to leave out (with their subsections)")
    pindah: list[PindahBagian] = Field([], description="Sections moved elsewhere, in order")
    tambah: list[TambahBagian] = Field(
        [], description="New sections, in order (one may go under another added before it)"
    )


class TabelIku(Model):
    """The IKU table (`[iku]`): the indicators marked `iku: true` in the plan, the tujuan's
    before the sasaran's."""

    kelompok: bool = Field(
        False,
        description="Rows grouped by level under a group row each: the tujuan's IKU, then the sasaran's",
    )
    kelompok_tujuan: str = Field(
        "A. Indikator Kinerja Tujuan", description="The group row above the tujuan's IKU"
    )
    kelompok_sasaran: str = Field(
        "B. Indikator Kinerja Sasaran", description="The group row above the sasaran's IKU"
    )


KolomIku = Literal["definisi", "formula", "sumber_data"]


class TabelIkuRenstra(TabelIku):
    bagian: Id | None = Field(
        None,
        description='The section that prints the IKU table, e.g. "kinerja-urusan" (`laporgen outline` '
        "lists the ids); none: the Renstra prints no IKU table",
    )
    bentuk: Literal["definisi", "target"] = Field(
        "definisi",
        description="definisi: each IKU's tujuan/sasaran, Definisi Operasional, Formulasi and Sumber "
        "Data; target: No, Indikator Kinerja Utama, Satuan, Kondisi Awal (tahun_awal), a target per "
        "plan year and the Kondisi Akhir, as Renstras print it in BAB VII/VIII or a Lampiran",
    )
    kolom: list[KolomIku] = Field(
        [],
        description='Columns the target form adds: "definisi" (Definisi Operasional) and "formula" '
        '(Formulasi) after the indicator, "sumber_data" (Sumber Data) last',
    )

    # the rule of `_kolom_of_target`, for the editor
    model_config = ConfigDict(
        json_schema_extra={
            "if": given("kolom"),
            "then": {"required": ["bentuk"], "properties": {"bentuk": {"const": "target"}}},
        }
    )

    @model_validator(mode="after")
    def _printed(self) -> "TabelIkuRenstra":
        # a setting of a table the Renstra does not print would be dropped without a word
        if self.bagian is None and self.model_fields_set - {"bagian"}:
            raise ValueError(
                _(
                    "a Renstra prints the IKU table only in the section `bagian` names; "
                    'add bagian = "<id>" (`laporgen outline` lists the ids)'
                )
            )
        return self

    @model_validator(mode="after")
    def _kolom_of_target(self) -> "TabelIkuRenstra":
        # the definisi form prints its own columns: columns named for it would not appear
        if self.kolom and self.bentuk != "target":
            raise ValueError(
                _(
                    "`kolom` adds columns to the target form of the IKU table; the definisi form "
                    'prints its own; add bentuk = "target" or remove kolom'
                )
            )
        return self


class DocumentSettings(Model):
    jenis: Literal["lkjip"]
    tahun: Tahun = Field(description="The report year (tahun anggaran)")
    renstra: str | None = Field(
        None,
        description='The agency\'s Renstra folder, relative to this one ("../renstra-2024-2026"): '
        "the plan (tujuan, sasaran, indikator, targets) is read from its rencana.yaml",
    )
    kertas: Literal["A4", "F4"] = "A4"
    huruf: Literal["Arial", "Times New Roman", "Bookman Old Style"] = Field(
        "Arial",
        description="Typeface of the DOCX and the PDF (the PDF draws the metric-compatible "
        "open font: Liberation Sans, Liberation Serif, TeX Gyre Bonum)",
    )
    tanda_tangan: Penandatangan
    kategori: Kategori = Field(default_factory=Kategori)
    predikat: dict[str, list[str]] = Field(
        {"SAKIP": list(SAKIP)},
        description="The predikat scales a value cell may hold, best first, by name: a target or "
        'kondisi awal written "BB" must be one of them. Default: agency.yaml\'s `predikat`, else the '
        "SAKIP scale (PermenPAN-RB 88/2021: AA, A, BB, B, CC, C, D); written here, it replaces the "
        "agency's. Text is printed as written and never computed",
    )
    perhitungan: Perhitungan = Field(default_factory=Perhitungan)
    outline: Outline = Field(default_factory=Outline)
    logo: str | None = Field(
        None,
        description="Image file for the cover, relative to this folder (replaces the agency's logo)",
    )
    sampul: Sampul = Field("standar", description=SAMPUL)
    bagian_kosong: BagianKosong = Field("draf", description=BAGIAN_KOSONG)
    grafik: bool = Field(
        True,
        description="Charts in BAB III: capaian against target, serapan per program, the trend",
    )
    iku: TabelIku = Field(default_factory=TabelIku, description="The IKU table")
    disengaja: list[str] = Field(
        [],
        description='Warnings the agency confirms as intended, by code ("wajar.pagu_nol", "silang.sdm") or '
        'code@field ("wajar.serapan@program[0].kegiatan[1].anggaran.realisasi"): `check` no longer reports them; '
        "an error (E) cannot be confirmed away",
    )


class Penetapan(Model):
    """The decree block printed above BAB I of a Renstra that is the attachment of a decree
    ("Lampiran : KEPUTUSAN … / NOMOR … / TANGGAL … / TENTANG …"); a blank nomor or tanggal
    leaves a slot to fill in by hand."""

    judul: str = Field(description='The decree: "KEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN MAGETAN"')
    nomor: str = ""
    tanggal: dt.date | str = Field(
        "",
        description='The decree\'s date, printed "17 Agustus 2026" (a date, as [tanda_tangan] '
        'tanggal); a text is printed as written ("      2022" leaves the day and month to fill '
        "in by hand); blank: a slot to fill in",
    )
    tentang: str = Field(
        "", description="What the decree is about; blank: the document's title in capitals"
    )

    @field_validator("tanggal", mode="after")
    @classmethod
    def _iso_text_is_a_date(cls, value: dt.date | str) -> dt.date | str:
        # "2026-08-17" quoted is a date all the same: printed the Indonesian way, not as typed
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(
                    _("{value} is not a date; write it as YYYY-MM-DD").format(value=repr(value))
                ) from None
        return value


class RenstraSettings(Model):
    jenis: Literal["renstra"]
    varian: Literal["awal", "perubahan", "review"] = Field(
        "awal", description="awal: Renstra; perubahan: Perubahan Renstra; review: Review Renstra"
    )
    periode: str = Field(description='The period as titled, e.g. "2021-2026"')
    tahun_awal: Tahun = Field(description="The baseline year (kondisi awal, 'Tahun 0')")
    kertas: Literal["A4", "F4"] = "A4"
    huruf: Literal["Arial", "Times New Roman", "Bookman Old Style"] = Field(
        "Arial",
        description="Typeface of the DOCX and the PDF (the PDF draws the metric-compatible "
        "open font: Liberation Sans, Liberation Serif, TeX Gyre Bonum)",
    )
    tanda_tangan: Penandatangan | None = None
    pertumbuhan: Literal["relatif_akhir", "yoy_mean", "cagr", "relatif_awal"] = Field(
        "yoy_mean",
        description="How T-C.24's rata-rata pertumbuhan is computed (named in a table note)",
    )
    penetapan: Penetapan | None = None
    penomoran_tabel: Literal["permendagri", "bab"] = Field(
        "permendagri",
        description='permendagri: the standard forms numbered by their code, "Tabel T-C.23" '
        '(Permendagri 86/2017), the other tables "Tabel 2.1" by BAB; bab: every table by BAB, "Tabel 2.5"',
    )
    predikat: dict[str, list[str]] = Field(
        {"SAKIP": list(SAKIP)},
        description="The predikat scales a value cell may hold, best first, by name: a target or "
        'kondisi awal written "BB" must be one of them. Default: agency.yaml\'s `predikat`, else the '
        "SAKIP scale (PermenPAN-RB 88/2021: AA, A, BB, B, CC, C, D); written here, it replaces the "
        "agency's. Text is printed as written and never computed",
    )
    kolom_tc25: list[Literal["satuan", "kondisi_awal"]] | None = Field(
        None,
        description='Columns many documents add to T-C.25 (the form has neither): "satuan", "kondisi_awal" '
        "(the indicator's value in tahun_awal). Not given: a Satuan column when an indicator has a "
        "unit, each row its own; [] for the form's columns with the unit in every cell",
    )
    iku: TabelIkuRenstra = Field(
        default_factory=TabelIkuRenstra, description="The IKU table, where the Renstra prints one"
    )
    outline: Outline = Field(default_factory=Outline)
    logo: str | None = Field(
        None,
        description="Image file for the cover, relative to this folder (replaces the agency's logo)",
    )
    sampul: Sampul = Field("standar", description=SAMPUL)
    bagian_kosong: BagianKosong = Field("draf", description=BAGIAN_KOSONG)
    perubahan_dari: str | None = Field(
        None,
        description="The folder of the version this Perubahan/Review revises, relative to this one: "
        "a table of what changed is printed in BAB I",
    )
    alasan: dict[str, str] = Field(
        {},
        description="Why each change was made, by the id `laporgen diff` prints for it (an "
        'indicator\'s, a program\'s, a section\'s "latar-belakang", "total_pagu" for the total pagu '
        "indikatif): printed in an Alasan column of the table of changes (needs perubahan_dari)",
    )

    def ditetapkan(self) -> dt.date | None:
        """The day the Renstra took effect: its decree's date ([penetapan] tanggal, when a date),
        else the day it was signed; None when neither is known."""
        if self.penetapan is not None and isinstance(self.penetapan.tanggal, dt.date):
            return self.penetapan.tanggal
        return self.tanda_tangan.tanggal if self.tanda_tangan else None

    @model_validator(mode="after")
    def _alasan_of_a_revision(self) -> "RenstraSettings":
        # reasons of changes with no table of changes to print them in would vanish
        if self.alasan and not self.perubahan_dari:
            raise ValueError(
                _(
                    "`alasan` gives the reasons of a revision's changes: add perubahan_dari "
                    '= "../<folder of the version it revises>", or remove alasan'
                )
            )
        return self

    disengaja: list[str] = Field(
        [],
        description='Warnings the agency confirms as intended, by code ("wajar.pagu_nol", "silang.sdm") or '
        'code@field ("wajar.serapan@program[0].kegiatan[1].anggaran.realisasi"): `check` no longer reports them; '
        "an error (E) cannot be confirmed away",
    )
