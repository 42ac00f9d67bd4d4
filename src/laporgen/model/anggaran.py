"""`program.yaml`: program → kegiatan → sub-kegiatan with their indicators and budget.

Only leaves carry money: a program's pagu and realisasi are always the sum of its kegiatan
(and a kegiatan's of its sub-kegiatan when it has any). What a signed document printed for a
parent goes in `tercetak`, which `laporgen check` compares with the computed sum.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from ..i18n import _
from .fields import Angka, Id, Model, Rupiah, both, given
from .penunjang import dasar_penunjang


class TercetakIndikatorProgram(Model):
    target: dict[str, Angka] = Field(
        {}, description='Target as printed in a table, by table: {"Tabel 1.5": 12}'
    )
    capaian: Angka | None = Field(None, description="This indicator's capaian as printed")


class IndikatorProgram(Model):
    nama: str
    satuan: str
    target: Angka = Field(description="Target of the (last) Perjanjian Kinerja, the one measured")
    target_murni: Angka | None = Field(
        None, description="Target of the original DPA/PK when it differs"
    )
    realisasi: Angka | None = None
    realisasi_dari: Literal["serapan_total"] | None = Field(
        None, description="Take the realisasi from a computed figure (the agency's total serapan)"
    )
    arah: Literal["positif", "negatif"] = "positif"
    tercetak: TercetakIndikatorProgram = Field(default_factory=TercetakIndikatorProgram)

    # the rule of `_one_realisasi`, for the editor
    model_config = ConfigDict(json_schema_extra={"not": both("realisasi", "realisasi_dari")})

    @model_validator(mode="after")
    def _one_realisasi(self) -> "IndikatorProgram":
        if self.realisasi is not None and self.realisasi_dari is not None:
            raise ValueError(_("give either realisasi or realisasi_dari, not both"))
        return self


class Anggaran(Model):
    pagu: Rupiah = Field(description="Pagu after the budget revision (DPA perubahan)")
    pagu_murni: Rupiah | None = Field(None, description="Pagu of the original DPA, when it differs")
    realisasi: Rupiah = Field(description="Realisasi anggaran at 31 December")


class TercetakNode(Model):
    pagu: dict[str, Rupiah] = Field(
        {}, description='Pagu as printed, by table: {"Tabel 1.5": 75000000}'
    )
    pagu_murni: dict[str, Rupiah] = {}
    realisasi: dict[str, Rupiah] = {}
    efisiensi: Angka | None = Field(None, description="Tingkat efisiensi as printed")
    capaian: Angka | None = Field(
        None,
        description="The capaian its efisiensi weighs, as printed (with several indicators: their mean)",
    )


class SubKegiatan(Model):
    id: Id
    kode: str | None = None
    nama: str
    indikator: list[IndikatorProgram] = []
    anggaran: Anggaran
    tercetak: TercetakNode = Field(default_factory=TercetakNode)


class Kegiatan(Model):
    id: Id
    kode: str | None = None
    nama: str
    bidang: str | None = None
    indikator: list[IndikatorProgram] = []
    anggaran: Anggaran | None = None
    sub_kegiatan: list[SubKegiatan] = []
    tercetak: TercetakNode = Field(default_factory=TercetakNode)

    # the rule of `_money_at_leaves`, for the editor: anggaran or sub_kegiatan, not both
    model_config = ConfigDict(
        json_schema_extra={
            "not": both("anggaran", "sub_kegiatan"),
            "anyOf": [given("anggaran"), given("sub_kegiatan")],
        }
    )

    @model_validator(mode="after")
    def _money_at_leaves(self) -> "Kegiatan":
        if self.sub_kegiatan and self.anggaran is not None:
            raise ValueError(
                _("a kegiatan with sub_kegiatan takes its anggaran from them; remove anggaran")
            )
        if not self.sub_kegiatan and self.anggaran is None:
            raise ValueError(_("a kegiatan without sub_kegiatan needs anggaran: {pagu, realisasi}"))
        return self


class Program(Model):
    id: Id
    kode: str | None = None
    nama: str
    bidang: str | None = Field(None, description="Bidang pengampu (the unit in charge)")
    penunjang: bool | None = Field(
        None,
        description="The program penunjang (the agency's administration). Without it, known by a "
        'code ending in .01 ("1.06.01") or a name beginning "PROGRAM PENUNJANG URUSAN '
        'PEMERINTAHAN DAERAH"; false says a program so coded or named is not',
    )
    indikator: list[IndikatorProgram] = []
    kegiatan: list[Kegiatan] = Field(min_length=1)
    tercetak: TercetakNode = Field(default_factory=TercetakNode)

    @property
    def is_penunjang(self) -> bool:
        """Whether this is the program penunjang: its flag, else its code or name."""
        return dasar_penunjang(self.penunjang, self.kode, self.nama) is not None


class ProgramTree(Model):
    program: list[Program] = Field(min_length=1)
