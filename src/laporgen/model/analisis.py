"""`analisis.yaml` of a Renstra: SWOT, problems, strategic issues, reviews of other plans, the
policy table and the T-C.28 indicator rows (BAB II.4, III, V, VII)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from ..i18n import _
from .fields import Id, Model, Tahun, both, given
from .nilai import Isian


class StrategiSwot(Model):
    uraian: str
    kuadran: Literal["S-O", "W-O", "S-T", "W-T"]


class Swot(Model):
    kekuatan: list[str] = []
    kelemahan: list[str] = []
    peluang: list[str] = []
    ancaman: list[str] = []
    strategi: list[StrategiSwot] = []


class Masalah(Model):
    """A masalah under a pokok masalah, with its akar masalah (causes)."""

    uraian: str
    akar_masalah: list[str] = []


class Permasalahan(Model):
    """A problem of 3.1: a title with a paragraph (printed as a numbered list), or a pokok masalah
    (`judul`) with its `masalah` and their akar masalah (printed as the three-column table other
    agencies use)."""

    judul: str
    uraian: str = ""
    masalah: list[Masalah] = []

    # the rule of `_one_form`, for the editor
    model_config = ConfigDict(json_schema_extra={"not": both("uraian", "masalah")})

    @model_validator(mode="after")
    def _one_form(self) -> "Permasalahan":
        if self.uraian and self.masalah:
            raise ValueError(
                _(
                    "a pokok masalah with `masalah` is printed as a table row, where its `uraian` "
                    "would not appear; move the uraian to narasi/identifikasi-permasalahan.md"
                )
            )
        return self


class TelaahProvinsi(Model):
    """A row of the review of the provincial Renstra (Blitar Tabel 3.1)."""

    sasaran: str
    permasalahan: list[str] = []
    penghambat: list[str] = []
    pendorong: list[str] = []


class Kebijakan(Model):
    """A row of the policy table by Balanced Scorecard perspective (Blitar Tabel 5.2)."""

    perspektif: str
    strategi: str
    kebijakan: str
    program: list[str] = Field(
        [],
        description="The programs serving this policy: a program id of program.yaml "
        "(printed as the program's name) or a name written as it is to print",
    )


class BarisUrusan(Model):
    """A T-C.28 row: a plan indicator (`indikator`), a program's first indicator (`program`),
    or an indicator written inline."""

    indikator: Id | None = None
    program: Id | None = None
    nama: str | None = None
    satuan: str | None = None
    kondisi_awal: Isian | None = None
    target: dict[Tahun, Isian | None] = {}
    sumber_data: str | None = None
    tercetak_akhir: Isian | None = Field(None, description="Kondisi akhir as printed")

    # the rule of `_one_source`, for the editor
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [given(f, empty=False) for f in ("indikator", "program", "nama")]
        }
    )

    @model_validator(mode="after")
    def _one_source(self) -> "BarisUrusan":
        named = [x for x in (self.indikator, self.program, self.nama) if x is not None]
        if len(named) != 1:
            raise ValueError(
                _(
                    "give exactly one of indikator (a plan indicator id), program (a program id) "
                    "or nama"
                )
            )
        return self


class IndikatorUrusan(Model):
    kelompok: str | None = Field(None, description='Group row, e.g. "SOSIAL"')
    sumber_data: str | None = None
    baris: list[BarisUrusan] = Field(min_length=1)


class Analisis(Model):
    swot: Swot | None = None
    tantangan: list[str] = []
    peluang: list[str] = []
    permasalahan: list[Permasalahan] = []
    faktor_pendorong: list[str] = []
    faktor_penghambat: list[str] = []
    telaah_provinsi: list[TelaahProvinsi] = []
    isu_strategis: list[str] = []
    kebijakan: list[Kebijakan] = []
    indikator_urusan: IndikatorUrusan | None = None
    kaidah_pelaksanaan: list[str] = []
