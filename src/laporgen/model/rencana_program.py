"""`program.yaml` of a Renstra: program → kegiatan → sub-kegiatan with indicators, yearly
targets and pagu indikatif (T-C.27). Money only on the leaves; every parent, the TOTAL and the
five-year pagu are computed. `tercetak` holds what a signed document printed, for `check`."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from ..i18n import _
from .fields import Angka, Id, Model, Rupiah, Tahun, both
from .nilai import NilaiTarget
from .penunjang import Dasar, dasar_penunjang


class TercetakIndikatorRencana(Model):
    akhir: NilaiTarget = None
    kondisi_awal: NilaiTarget = None


class IndikatorRencana(Model):
    nama: str
    satuan: str
    kondisi_awal: NilaiTarget = None
    target: dict[Tahun, NilaiTarget] = {}
    akhir: Literal["last", "sum", "max"] | Angka = Field(
        "last", description="Kondisi akhir: last year's target, the sum, the max, or a given value"
    )
    tercetak: TercetakIndikatorRencana = Field(default_factory=TercetakIndikatorRencana)


class TercetakPagu(Model):
    pagu: dict[Tahun, Rupiah] = Field({}, description="Pagu per year as printed")
    pagu_akhir: Rupiah | None = Field(None, description="Pagu at the end of the period as printed")


class SubKegiatanRencana(Model):
    id: Id
    kode: str | None = None
    nama: str
    indikator: list[IndikatorRencana] = []
    pagu: dict[Tahun, Rupiah] = Field(description="Pagu indikatif per year")
    unit_kerja: str | None = None
    lokasi: str | None = None
    tercetak: TercetakPagu = Field(default_factory=TercetakPagu)


class KegiatanRencana(Model):
    id: Id
    kode: str | None = None
    nama: str
    indikator: list[IndikatorRencana] = []
    pagu: dict[Tahun, Rupiah] = Field({}, description="Only for a kegiatan without sub_kegiatan")
    sub_kegiatan: list[SubKegiatanRencana] = []
    target_dari_sub: Literal["sum"] | None = Field(
        None, description="sum: the kegiatan's count target is Σ sub targets"
    )
    unit_kerja: str | None = None
    lokasi: str | None = None
    tercetak: TercetakPagu = Field(default_factory=TercetakPagu)

    # the rule of `_money_at_leaves`, for the editor
    model_config = ConfigDict(json_schema_extra={"not": both("pagu", "sub_kegiatan")})

    @model_validator(mode="after")
    def _money_at_leaves(self) -> "KegiatanRencana":
        if self.sub_kegiatan and self.pagu:
            raise ValueError(
                _("a kegiatan with sub_kegiatan takes its pagu from them; remove pagu")
            )
        return self


class ProgramRencana(Model):
    id: Id
    kode: str | None = None
    nama: str
    nomenklatur: Literal["lama", "baru"] = Field(
        "baru", description="lama: Permendagri 13/2006 programs; baru: 90/2019"
    )
    penunjang: bool | None = Field(
        None,
        description="The program penunjang (the agency's administration, not counted in BAB VI). "
        'Without it, known by a code ending in .01 ("1.06.01") or a name beginning "PROGRAM '
        'PENUNJANG URUSAN PEMERINTAHAN DAERAH"; false says a program so coded or named is not',
    )
    tujuan: Id | None = None
    sasaran: Id | None = None
    indikator: list[IndikatorRencana] = []
    kegiatan: list[KegiatanRencana] = Field(min_length=1)
    unit_kerja: str | None = None
    lokasi: str | None = None
    tercetak: TercetakPagu = Field(default_factory=TercetakPagu)

    @property
    def dasar_penunjang(self) -> Dasar | None:
        """Why this is the program penunjang (its flag, code or name); None if it is not."""
        return dasar_penunjang(self.penunjang, self.kode, self.nama, self.nomenklatur == "baru")

    @property
    def is_penunjang(self) -> bool:
        return self.dasar_penunjang is not None


class Matriks(Model):
    """One printed matrix of T-C.27: a view of the program tree by year span and nomenclature
    (Blitar prints 2021 and 2022–2026 apart; Magetan one matrix with "program lama" and
    "program baru" rows). Without `nomenklatur` it shows both, each run under a group row."""

    judul: str
    tahun: list[Tahun] = Field(min_length=1)
    nomenklatur: Literal["lama", "baru"] | None = None
    tahun_awal: Tahun | None = Field(
        None, description="Show a 'data capaian pada tahun awal' column for this year"
    )
    kolom_akhir: bool = Field(True, description="Show the kondisi akhir (target, pagu) columns")
    tujuan_sasaran: Literal["baris", "kolom", "tidak"] = Field(
        "baris",
        description="baris: tujuan and sasaran rows with their indicators, programs under them (the form, "
        "Permendagri 86/2017); kolom: a No column and the tujuan and sasaran named on each program row (Blitar's "
        "2021 matrix); tidak: neither",
    )
    kolom_unit_kerja: bool = Field(
        True, description="Show the Unit Kerja column (the agency unless a node names one)"
    )
    kolom_lokasi: bool = Field(
        True, description="Show the Lokasi column when a node names a lokasi"
    )
    total: bool = True
    tercetak_total: dict[Tahun, Rupiah] = Field({}, description="TOTAL row as printed, per year")
    tercetak_total_akhir: Rupiah | None = None


class RencanaProgram(Model):
    program: list[ProgramRencana] = Field(min_length=1)
    matriks: list[Matriks] = Field(min_length=1)
