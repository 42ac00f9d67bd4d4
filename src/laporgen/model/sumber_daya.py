"""`sumber_daya.yaml`: staff and assets, as the LKjIP (formasi, golongan, pendidikan, jenis
kelamin, aset tetap in Rupiah) and the Renstra (counts by golongan, jabatan, pendidikan, status;
an inventory of assets by unit) report them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field

from .fields import Angka, Jumlah, Model, Rupiah


class Formasi(Model):
    jabatan: str
    kebutuhan: Jumlah
    realisasi: Jumlah


class Golongan(Model):
    pangkat: str
    golongan: str
    jumlah: Jumlah


class Kelompok(Model):
    """A count of employees in one group (pendidikan, jenis kelamin)."""

    uraian: str
    jumlah: Jumlah


class Pegawai(Model):
    per_tanggal: dt.date
    formasi: list[Formasi] = Field(min_length=1)
    golongan: list[Golongan] = []
    pendidikan: list[Kelompok] = []
    jenis_kelamin: list[Kelompok] = []


class Aset(Model):
    nama: str
    saldo_awal: Rupiah
    bertambah: Rupiah = Decimal(0)
    berkurang: Rupiah = Decimal(0)


class DaftarAset(Model):
    per_tanggal: dt.date
    keterangan: str | None = Field(None, description='e.g. "Sebelum Penyusutan"')
    item: list[Aset] = Field(min_length=1)


class SumberDaya(Model):
    pegawai: Pegawai
    aset: DaftarAset


# --------------------------------------------------------------------------------- Renstra
class Jumlahan(Model):
    """A count of employees in one group; `keterangan` for a second column (eselon)."""

    uraian: str
    jumlah: Jumlah
    keterangan: str | None = None


class Status(Model):
    """Employees of one status (PNS, tenaga kontrak) by gender."""

    status: str
    laki_laki: Jumlah
    perempuan: Jumlah


class Barang(Model):
    """One line of an asset inventory: a name, a count and its unit."""

    nama: str
    jumlah: Angka
    satuan: str


class SumberDayaRenstra(Model):
    sumber: str | None = Field(
        None, description="Where the staff figures come from (printed under the tables)"
    )
    golongan: list[Jumlahan] = []
    jabatan: list[Jumlahan] = []
    pendidikan: list[Jumlahan] = []
    status: list[Status] = []
    aset: list[Barang] = []
    sumber_aset: str | None = None
