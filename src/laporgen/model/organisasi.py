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
        """ "Kabupaten Magetan"."""
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
    alamat: str | None = Field(
        None, description="Street address, printed on the cover (and the kop)"
    )
    telepon: str | None = Field(None, description='Telephone (and fax) as printed: "(0342) 801357"')
    email: str | None = Field(None, description="E-mail address printed on the cover")
    website: str | None = Field(
        None, description='Website printed on the cover: "www.dinsos.blitarkab.go.id"'
    )
    logo: str | None = Field(
        None,
        description="The logo on every cover of the agency's documents: a PNG or JPEG file, relative to the "
        "agency folder (beside agency.yaml); a document's own `logo` in document.toml replaces it",
    )
    dasar_hukum: str = Field(
        description="The regulation that sets up the organisation (Perbup/Perwali)"
    )
    unit: list[str] = Field(
        min_length=1, description="Organisational units (Sekretariat, Bidang ...)"
    )
    tugas: str
    fungsi: list[str] = Field(min_length=1)
    kepala: Kepala
    predikat: dict[str, list[str]] | None = Field(
        None,
        description="The predikat scales a value cell may hold in every document of the agency, best "
        'first, by name: {SAKIP: [AA, A, BB, B, CC, C, D], Pelayanan: ["Sangat Baik", "Baik"]}. A '
        "document's own `predikat` in document.toml replaces it; neither given: the SAKIP scale",
    )

    @property
    def kontak(self) -> tuple[str, ...]:
        """The contact lines of the cover and kop, as the signed covers print them: the address
        with the telephone, then e-mail and website ("" parts left out)."""
        first = "  ".join(
            x for x in (self.alamat, f"Telp. {self.telepon}" if self.telepon else None) if x
        )
        second = "  ".join(
            x
            for x in (
                f"Email: {self.email}" if self.email else None,
                f"Website: {self.website}" if self.website else None,
            )
            if x
        )
        return tuple(x for x in (first, second) if x)

    @property
    def nama_lengkap(self) -> str:
        """ "Dinas Sosial Kabupaten Magetan"."""
        return f"{self.nama} {self.pemda.lengkap}"
