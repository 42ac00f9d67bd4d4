"""The LKjIP's own facts: `kinerja.yaml` (realisasi, history, Perjanjian Kinerja, budget
attribution, analysis, next year's plan)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .fields import Angka, Id, Model, Rupiah, Tahun
from .nilai import Isian


# ---------------------------------------------------------------------------------- kinerja
class TercetakCapaian(Model):
    capaian: Angka | None = None
    kategori: str | None = None
    kemajuan: Angka | None = None
    efisiensi: Angka | None = Field(
        None, description="Efisiensi of this indicator's row, as printed"
    )


class Realisasi(Model):
    # a default, so a TOML file (which has no null) can say "not measured" by leaving it out
    nilai: Isian | None = Field(
        None,
        description='Realisasi of the report year; null (or left out) when not measured; a predikat ("A") '
        "or n.a prints as written and is never computed",
    )
    sumber_data: str | None = None
    tercetak: TercetakCapaian = Field(default_factory=TercetakCapaian)


class TercetakNilai(Model):
    capaian: Angka | None = Field(
        None, description="Capaian as a signed document printed it; `laporgen check` compares"
    )


class NilaiTahun(Model):
    target: Isian | None = Field(
        None, description='A number, or a predikat ("BB") or "n.a" printed as written'
    )
    realisasi: Isian | None = Field(
        None, description='A number, or a predikat ("B") or "n.a" printed as written, as the target'
    )
    tercetak: TercetakNilai = Field(default_factory=TercetakNilai)


class Riwayat(Model):
    """A row of the comparison with earlier years (Tabel 3.3). `id` links it to a current
    indicator, whose report-year figures then fill the last columns."""

    sasaran: str
    indikator: str
    satuan: str = ""
    id: Id | None = None
    arah: Literal["positif", "negatif"] | None = Field(
        None,
        description="How the capaian of these years is measured; by default the arah of the plan "
        "indicator the row names (by id, else by name and satuan), else positif",
    )
    tahun: dict[Tahun, NilaiTahun] = {}

    def tentang(self, id_: str, nama: str, satuan: str) -> bool:
        """Whether this row is the indicator `id_` (named `nama`, in `satuan`): by its id, else,
        for a row written by name (as a transcribed report's are), by name and satuan, case and
        spacing aside."""
        if self.id is not None:
            return self.id == id_
        return _sama(self.indikator, nama) and _sama(self.satuan, satuan)


def _sama(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class BarisPK(Model):
    """A Perjanjian Kinerja row outside the plan (an indicator the plan does not define)."""

    sasaran: str
    indikator: str
    satuan: str
    target: Isian


class PerjanjianKinerja(Model):
    versi: Literal["murni", "perubahan"]
    tanggal: dt.date
    alasan: str | None = None
    indikator: list[Id] = Field(
        [], description="Plan indicators; target = the plan's target of the year"
    )
    target: dict[Id, Isian] = Field(
        {}, description="Targets that differ from the plan, by indicator id"
    )
    baris: list[BarisPK] = []


class Alokasi(Model):
    pagu: Rupiah
    realisasi: Rupiah


class Dukungan(Model):
    """Which programs/kegiatan support a sasaran (Tabel 3.8) and what of their budget is
    attributed to it (Tabel Efisiensi Kinerja Sasaran)."""

    program_kegiatan: list[Id] = Field(min_length=1)
    alokasi: dict[Id, Alokasi] = Field(
        {}, description="Share of a program/kegiatan's budget attributed to this sasaran"
    )
    tidak_menunjang: list[Id] = []


class AnalisisSasaran(Model):
    penyebab: list[str] = Field(
        [],
        description="What brought the sasaran's result (Tabel 3.7's one column, as the seed): "
        "read as the causes of success when every indicator reached its target, of failure when "
        "none did; a sasaran with both is worded neutrally: give pendukung and penghambat instead",
    )
    pendukung: list[str] = Field(
        [], description="Factors that supported the result (faktor pendukung keberhasilan)"
    )
    penghambat: list[str] = Field(
        [], description="Factors that held the result back (faktor penghambat, causes of failure)"
    )
    permasalahan: list[str] = []
    solusi: list[str] = []


class Standar(Model):
    indikator: Id
    standar: Angka
    sumber: str
    tercetak: TercetakNilai = Field(default_factory=TercetakNilai)


class Inovasi(Model):
    nama: str
    uraian: str
    gambar: str | None = None


class Prestasi(Model):
    nama: str
    pemberi: str
    uraian: str = ""
    gambar: str | None = None


class TercetakDokumen(Model):
    rata_rata_capaian: Angka | None = None
    efisiensi_total: Angka | None = None
    efisiensi_kinerja: Angka | None = Field(
        None, description="The efisiensi quoted in the Simpulan (BAB IV)"
    )


class RingkasanTahunLalu(Model):
    capaian_rata_rata: Angka | None = None
    serapan: Angka | None = None


class Kinerja(Model):
    realisasi: dict[Id, Realisasi]
    riwayat: list[Riwayat] = []
    perjanjian_kinerja: list[PerjanjianKinerja] = Field(min_length=1)
    renja: list[Id] = Field(
        [], description="Indicators of the Rencana Kerja (targets from the plan)"
    )
    dukungan: dict[Id, Dukungan] = Field(
        description="By sasaran id (or tujuan id, for a tujuan measured by its own indicators; "
        "by default a tujuan is attributed its sasaran's programs/kegiatan together)"
    )
    analisis: dict[Id, AnalisisSasaran] = Field({}, description="By sasaran (or tujuan) id")
    standar: list[Standar] = []
    rencana_aksi: dict[Id, list[str]] = Field(
        {}, description="Next year's actions, by indicator id"
    )
    target_triwulan: dict[Id, tuple[Angka | None, Angka | None, Angka | None, Angka | None]] = (
        Field(
            {},
            description="Next year's TW I-IV targets, by indicator id (null: no target that quarter)",
        )
    )
    inovasi: list[Inovasi] = []
    prestasi: list[Prestasi] = []
    tahun_lalu: RingkasanTahunLalu = Field(default_factory=RingkasanTahunLalu)
    tercetak: TercetakDokumen = Field(default_factory=TercetakDokumen)
