"""`evaluasi.yaml` of a Renstra: how the agency performed in the previous period (BAB II.3):
T-C.23 kinerja pelayanan, realisasi against the end target, detail grids, and T-C.24 anggaran
and realisasi. Facts only; rasio, totals and growth are computed."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Angka, Model, Rupiah, Tahun
from .nilai import Isian


class TercetakRasio(Model):
    rasio: dict[Tahun, Angka] = Field({}, description="Rasio as printed, per year")


class IndikatorPelayanan(Model):
    """One T-C.23 row."""

    nama: str
    satuan: str = "%"
    arah: Literal["positif", "negatif"] = "positif"
    target_nspk: Isian | None = None
    target_ikk: Isian | None = None
    target_lain: Isian | None = None
    target: dict[Tahun, Isian | None] = {}
    realisasi: dict[Tahun, Isian | None] = {}
    tercetak: TercetakRasio = Field(default_factory=TercetakRasio)


class KinerjaPelayanan(Model):
    tahun: list[Tahun] = Field(min_length=1, description="The years shown (may be fewer than five)")
    desimal: int = Field(2, ge=0, le=4, description="Decimals of the rasio column")
    indikator: list[IndikatorPelayanan] = Field(min_length=1)


class TercetakKemajuan(Model):
    kemajuan: Angka | None = None


class IndikatorAkhir(Model):
    nama: str
    satuan: str
    target: Isian | None
    realisasi: Isian | None
    tercetak: TercetakKemajuan = Field(default_factory=TercetakKemajuan)


class AkhirPeriode(Model):
    """Realisasi against the end target of the previous plan (Blitar Tabel 2.7)."""

    tahun: Tahun
    desimal: int = Field(0, ge=0, le=4)
    indikator: list[IndikatorAkhir] = Field(min_length=1)


class BarisRincian(Model):
    nama: str
    target: dict[Tahun, Isian | None] = {}
    realisasi: dict[Tahun, Isian | None] = {}


class Rincian(Model):
    """A detail grid of targets and realisasi per year (Blitar Tabel 2.8, 2.9)."""

    judul: str
    satuan: str
    tahun: list[Tahun] = Field(min_length=1)
    baris: list[BarisRincian] = Field(min_length=1)
    catatan: list[str] = []


class TercetakAnggaran(Model):
    anggaran: dict[Tahun, Rupiah] = {}
    realisasi: dict[Tahun, Rupiah] = {}
    rasio: dict[Tahun, Angka] = {}
    pertumbuhan_anggaran: Angka | None = None
    pertumbuhan_realisasi: Angka | None = None


class UraianAnggaran(Model):
    """A T-C.24 row: a leaf with yearly anggaran and realisasi, or a parent of other rows."""

    nama: str
    anggaran: dict[Tahun, Rupiah] = {}
    realisasi: dict[Tahun, Rupiah] = {}
    anak: list["UraianAnggaran"] = []
    tercetak: TercetakAnggaran = Field(default_factory=TercetakAnggaran)


class AnggaranRealisasi(Model):
    tahun: list[Tahun] = Field(min_length=1)
    uraian: list[UraianAnggaran] = Field(min_length=1)
    tercetak_total: TercetakAnggaran = Field(default_factory=TercetakAnggaran)


class Evaluasi(Model):
    kinerja_pelayanan: KinerjaPelayanan | None = None
    akhir_periode: AkhirPeriode | None = None
    rincian: list[Rincian] = []
    anggaran_realisasi: AnggaranRealisasi | None = None
