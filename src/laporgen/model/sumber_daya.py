"""`sumber_daya.yaml`: staff and assets, as the LKjIP (formasi, golongan, pendidikan, jenis
kelamin, aset tetap in Rupiah) and the Renstra (counts by golongan, jabatan, pendidikan, status;
an inventory of assets by unit) report them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import ConfigDict, Field, field_validator, model_validator

from ..i18n import _
from .fields import Angka, Jumlah, Model, Rupiah, given


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


class Pendidikan(Model):
    """Employees of one education level: a count, or their share in percent where the source
    gives only shares (every row of the table then in percent)."""

    uraian: str
    jumlah: Jumlah | None = None
    persen: Angka | None = Field(
        None, description="The share of the staff at this level, in percent, instead of a count"
    )
    keterangan: str | None = None

    # the rule of `_count_or_share`, for the editor
    model_config = ConfigDict(
        json_schema_extra={"oneOf": [given("jumlah", empty=False), given("persen", empty=False)]}
    )

    @model_validator(mode="after")
    def _count_or_share(self) -> "Pendidikan":
        if (self.jumlah is None) == (self.persen is None):
            raise ValueError(
                _("give jumlah (a count of staff) or persen (their share in percent), one of them")
            )
        return self


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
    pendidikan: list[Pendidikan] = Field(
        [],
        description="Staff by education level: every row a count (jumlah) or every row a share (persen)",
        # the rule of `_one_measure`, for the editor
        json_schema_extra={
            "anyOf": [
                {"items": given("jumlah", empty=False)},
                {"items": given("persen", empty=False)},
            ]
        },
    )
    status: list[Status] = []
    aset: list[Barang] = []
    sumber_aset: str | None = None

    @field_validator("pendidikan")
    @classmethod
    def _one_measure(cls, rows: list[Pendidikan]) -> list[Pendidikan]:
        if len({r.persen is None for r in rows}) > 1:
            raise ValueError(
                _(
                    "write every row of pendidikan as a count (jumlah) or every row as a share "
                    "(persen): one table cannot add both"
                )
            )
        return rows

    @property
    def pendidikan_persen(self) -> bool:
        """Whether the education table is given in percent."""
        return any(r.persen is not None for r in self.pendidikan)
