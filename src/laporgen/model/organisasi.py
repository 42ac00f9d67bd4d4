"""`agency.yaml`: the agency (perangkat daerah) shared by all its documents."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .fields import Model


class Pemda(Model):
    jenis: Literal["Kabupaten", "Kota", "Provinsi"]
    nama: str

    @property
    def lengkap(self) -> str:
        """"Kabupaten Magetan"."""
        return f"{self.jenis} {self.nama}"


class Kepala(Model):
    """The head of the agency, who signs. One record renders every signature block (LKJIP-SPEC L-14)."""

    nama: str
    gelar: str = ""
    pangkat: str
    golongan: str
    nip: Annotated[str, Field(pattern=r"^\d{18}$")]
    jabatan: list[str] = Field(min_length=1)

    @property
    def nama_gelar(self) -> str:
        return f"{self.nama}, {self.gelar}" if self.gelar else self.nama


class Agency(Model):
    pemda: Pemda
    nama: str = Field(description='The agency\'s name without the region, e.g. "Dinas Sosial"')
    alamat: str | None = None
    dasar_hukum: str = Field(description="The regulation that sets up the organisation (Perbup/Perwali)")
    unit: list[str] = Field(min_length=1, description="Organisational units (Sekretariat, Bidang ...)")
    tugas: str
    fungsi: list[str] = Field(min_length=1)
    kepala: Kepala

    @property
    def nama_lengkap(self) -> str:
        """"Dinas Sosial Kabupaten Magetan"."""
        return f"{self.nama} {self.pemda.lengkap}"
