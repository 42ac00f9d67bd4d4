"""`spm.yaml` of a Renstra or an LKjIP: the Standar Pelayanan Minimal the agency reports (issue 14).

Every SPM bidang of PP 2/2018 (pendidikan, kesehatan, pekerjaan umum, perumahan rakyat,
trantibumlinmas, sosial) has this shape: each jenis pelayanan dasar has one or more indicators,
each with, per year, either
- `sasaran` and `terlayani`: the jumlah warga negara yang harus dilayani and the number served, as
  SPM capaian tables print them (Permendagri 59/2021 reports the capaian of an SPM as
  terlayani / sasaran x 100, against a target of 100 %); or
- a `target` and a `realisasi` (a table that prints only those), capaian = realisasi / target x 100.
laporgen computes the capaian; a `target` may stand beside `sasaran`/`terlayani` (the 100 % the
table prints), a `realisasi` may not (the capaian would have two sources). A jenis may carry
breakdown tables (`rincian`: counts by category per year, e.g.
the recipients by kind of disability), whose totals laporgen computes and `check` compares with
the indicator's value for that year.

A value is a number, or text printed as it is ("N.a", "belum dihitung"); text never enters a sum
or a capaian. A number typed the Indonesian way ("92,5") is refused with its fix, never kept as text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..errors import Problem
from ..i18n import _
from .fields import Angka, Id, Model, Tahun
from .nilai import Isian
from .source import Source

NilaiSpm = Isian | None
"""A value as written (model/nilai.py): a number, or text printed as it is ("N.a", a note
`{teks: …}`); text never enters arithmetic."""


class TahunSpm(Model):
    """One year of an SPM indicator: sasaran and terlayani, or target and realisasi."""

    target: NilaiSpm = Field(
        None,
        description="The target of the year (a number, or a note); beside sasaran/terlayani the percentage "
        "to be served, e.g. 100",
    )
    sasaran: NilaiSpm = Field(
        None,
        description="Jumlah sasaran: the warga negara (or units) that must be served that year; with "
        "`terlayani` the capaian is terlayani / sasaran x 100",
    )
    terlayani: NilaiSpm = Field(
        None, description="Jumlah terlayani: how many of the sasaran were served that year"
    )
    realisasi: NilaiSpm = Field(
        None,
        description="The realisasi of the year (a number, or a note), where the table prints target and "
        "realisasi instead of sasaran and terlayani",
    )
    capaian: Angka | None = Field(
        None,
        description=(
            "The capaian as the source document printed it; `check` compares it with the computed one "
            "(terlayani / sasaran x 100, else realisasi / target x 100)"
        ),
    )

    @property
    def dilayani(self) -> bool:
        """Whether the year is given as sasaran and terlayani (the SPM's own measure)."""
        return self.sasaran is not None or self.terlayani is not None


class IndikatorSpm(Model):
    id: Id | None = Field(
        None, description="What a breakdown table (`rincian.indikator`) names this indicator by"
    )
    nama: str = Field(description="The indicator as the SPM states it")
    satuan: str | None = Field(
        None,
        description="Unit of its counts (sasaran and terlayani, or target and realisasi) as printed: "
        '"orang", "ibu hamil", "rumah tangga", "%"',
    )
    tahun: dict[Tahun, TahunSpm] = Field(
        min_length=1,
        description="Per year, e.g. {2024: {target: 100, sasaran: 48, terlayani: 46}} or "
        "{2024: {target: 100, realisasi: 98}}",
    )

    @property
    def dilayani(self) -> bool:
        """Whether any year is given as sasaran and terlayani."""
        return any(t.dilayani for t in self.tahun.values())


class BarisRincian(Model):
    kategori: str = Field(description='The category the row counts, e.g. "Disabilitas fisik"')
    nilai: dict[Tahun, NilaiSpm] = Field(description="The count per year, e.g. {2023: 12, 2024: 9}")


class Rincian(Model):
    """A breakdown of a jenis pelayanan dasar: counts by category per year, with their total row."""

    id: Id
    judul: str = Field(description="The caption after 'Tabel N.N'")
    kategori: str = Field("Kategori", description="The header of the category column")
    satuan: str | None = Field(None, description='The unit of the counts, e.g. "orang"')
    indikator: Id | None = Field(
        None,
        description=(
            "The SPM indicator (its `id`) whose value each year's total must equal; `check` compares them"
        ),
    )
    banding: Literal["terlayani", "sasaran", "realisasi", "target"] | None = Field(
        None,
        description="Which value of that indicator the totals equal; by default the number served: "
        "terlayani where the indicator gives sasaran/terlayani, else realisasi",
    )
    baris: list[BarisRincian] = Field(min_length=1)
    jumlah: dict[Tahun, Angka] = Field(
        default_factory=dict,
        description="The totals as the source document printed them; `check` compares them with the sums",
    )
    sumber: str | None = None


class JenisPelayanan(Model):
    nama: str = Field(
        description='The jenis pelayanan dasar, e.g. "Rehabilitasi sosial dasar penyandang disabilitas terlantar"'
    )
    kelompok: str | None = Field(
        None,
        description=(
            'A group row printed above it when it changes, e.g. "A. Rehabilitasi sosial dasar di dalam panti"'
        ),
    )
    indikator: list[IndikatorSpm] = Field(min_length=1)
    rincian: list[Rincian] = Field(
        default_factory=list, description="Its breakdown tables, printed after the SPM table"
    )


class Spm(Model):
    """`spm.yaml` (optional, Renstra and LKjIP): the Standar Pelayanan Minimal table."""

    judul: str | None = Field(
        None,
        description=(
            'The caption; by default "Capaian Standar Pelayanan Minimal Bidang <bidang> Tahun <first>-<last>"'
        ),
    )
    bidang: str | None = Field(
        None,
        description='The bidang of the SPM (PP 2/2018): "Pendidikan", "Kesehatan", "Pekerjaan Umum", '
        '"Perumahan Rakyat", "Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat", "Sosial"',
    )
    bagian: Id | None = Field(
        None,
        description=(
            "The outline section that prints it (`laporgen outline` lists the ids); by default the Renstra's "
            "Kinerja Pelayanan (BAB II) or the LKjIP's comparison with national standards (BAB III)"
        ),
    )
    letak: Literal["awal", "akhir"] = Field(
        "akhir", description="awal: before the section's narrative; akhir: after it"
    )
    sumber: str | None = Field(None, description='The "Sumber :" line under the table')
    jenis: list[JenisPelayanan] = Field(
        default_factory=list,
        description="The jenis pelayanan dasar; none (as `laporgen init` writes it): no SPM table",
    )

    def indikator_by_id(self) -> dict[str, IndikatorSpm]:
        return {i.id: i for j in self.jenis for i in j.indikator if i.id}


def spm_problems(spm: Spm, source: Source) -> list[Problem]:
    """Cross-field rules at their line: a year given both as sasaran/terlayani and as a
    realisasi, an indicator id used twice, a breakdown naming an indicator that does not exist."""
    problems: list[Problem] = []
    seen: set[str] = set()
    rincian_ids: set[str] = set()
    for j, jenis in enumerate(spm.jenis):
        for k, ind in enumerate(jenis.indikator):
            for year, t in ind.tahun.items():
                if t.dilayani and t.realisasi is not None:
                    problems.append(
                        source.problem(
                            ("jenis", j, "indikator", k, "tahun", str(year), "realisasi"),
                            _(
                                "{year} gives both sasaran/terlayani and a realisasi: the capaian "
                                "would have two sources"
                            ).format(year=year),
                            _(
                                "keep sasaran and terlayani (capaian = terlayani / sasaran x 100) "
                                "and drop the realisasi, or give target and realisasi only"
                            ),
                            "spm.realisasi",
                        )
                    )
            if ind.id is None:
                continue
            if ind.id in seen:
                problems.append(
                    source.problem(
                        ("jenis", j, "indikator", k, "id"),
                        _("the indicator id {id} is used twice").format(id=ind.id),
                        _("give each indicator its own id"),
                        "spm.id",
                    )
                )
            seen.add(ind.id)
    known = spm.indikator_by_id()
    for j, jenis in enumerate(spm.jenis):
        for r, rincian in enumerate(jenis.rincian):
            if rincian.id in rincian_ids:
                problems.append(
                    source.problem(
                        ("jenis", j, "rincian", r, "id"),
                        _("the breakdown id {id} is used twice").format(id=rincian.id),
                        _("give each breakdown table its own id"),
                        "spm.id",
                    )
                )
            rincian_ids.add(rincian.id)
            if rincian.indikator is not None and rincian.indikator not in known:
                names = ", ".join(sorted(known)) or _("none has an id yet")
                problems.append(
                    source.problem(
                        ("jenis", j, "rincian", r, "indikator"),
                        _("no SPM indicator has the id {id}").format(id=rincian.indikator),
                        _("name one of the indicators' ids ({names})").format(names=names),
                        "ref.spm",
                    )
                )
    return problems
