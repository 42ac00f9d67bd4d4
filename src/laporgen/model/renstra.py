"""The plan: tujuan → sasaran → indikator with yearly targets (shared by Renstra and LKjIP)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from .fields import Angka, Id, Model, Tahun
from .nilai import Isian


class Formula(Model):
    """An indicator's formula as a fraction (Tabel 2.4): pembilang / penyebut × kali."""

    pembilang: str
    penyebut: str
    kali: Angka | None = None


class Indikator(Model):
    id: Id
    nama: str
    satuan: str = Field(description='Unit as printed: "persen", "Angka", "Indeks", "Orang"')
    arah: Literal["positif", "negatif"] = Field(
        "positif",
        description="positif: higher is better (rumus 1); negatif: lower is better (rumus 2)",
    )
    rumus_negatif: Literal["lan", "inverse"] = Field(
        "lan", description="lan: (2T-R)/T x 100 floored at 0; inverse: T/R x 100"
    )
    iku: bool = Field(False, description="An Indikator Kinerja Utama (listed in the IKU table)")
    kondisi_awal: Isian | None = Field(
        None,
        description='The value before the plan period (baseline); a number, a predikat ("BB"), "n.a" '
        'or {teks: "…"}',
    )
    target: dict[Tahun, Isian] = Field(
        description='Target per plan year, e.g. {2024: 99.88}; a predikat ("BB"), "n.a" or {teks: "…"} '
        "prints as written and is never computed"
    )
    akhir: Literal["last", "sum", "max"] | Angka = Field(
        "last",
        description="Target at the end of the plan: last year's, the sum, the max, or a value",
    )
    agregasi_triwulan: Literal["jumlah", "akhir", "rata"] = Field(
        "jumlah", description="How quarterly targets make the annual one: sum, TW IV value, mean"
    )
    definisi: str | None = None
    formula: Formula | None = None
    sumber_data: str | None = None


class Strategi(Model):
    uraian: str
    arah_kebijakan: list[str] = []
    tahun: list[Tahun] = Field(
        [],
        description=(
            "The plan years the strategy and its arah kebijakan run in: a Renstra then prints a table of the "
            "strategies per sasaran with a ✓ per year of the period"
        ),
    )


class Sasaran(Model):
    id: Id
    uraian: str
    indikator: list[Indikator] = Field(min_length=1)
    strategi: list[Strategi] = []
    urusan: str | None = Field(
        None,
        description='The urusan pemerintahan the sasaran serves, as T-C.26 prints it ("Urusan Sosial")',
    )


class Tujuan(Model):
    id: Id
    uraian: str
    misi: int | None = Field(None, description="The number of the misi this tujuan supports")
    indikator: list[Indikator] = []
    sasaran: list[Sasaran] = Field(min_length=1)


class Keterkaitan(Model):
    """One level of the cascade RPJPD → RPD → OPD (LKjIP Tabel 2.1)."""

    jenjang: str
    uraian: list[str] = Field(min_length=1)
    indikator: list[str] = []


class Rencana(Model):
    """`rencana.yaml`: the strategic plan the document reports against."""

    nama: str = Field(
        description='e.g. "Rencana Strategis Dinas Sosial Kabupaten Magetan Tahun 2024-2026"'
    )
    periode: tuple[Tahun, Tahun]
    dasar: str | None = Field(None, description="The regulation that set the plan")
    visi: str | None = None
    misi: list[str] = []
    keterkaitan: list[Keterkaitan] = []
    isu_strategis: list[str] = []
    tujuan: list[Tujuan] = Field(min_length=1)

    @property
    def tahun(self) -> list[int]:
        return list(range(self.periode[0], self.periode[1] + 1))

    def located_indikator(self) -> Iterator[tuple[tuple[str | int, ...], Indikator]]:
        """Every indicator of the plan (tujuan's, then each sasaran's) with its field path in
        rencana.yaml, for messages that point at it."""
        for t_no, t in enumerate(self.tujuan):
            for k, ind in enumerate(t.indikator):
                yield ("tujuan", t_no, "indikator", k), ind
            for s_no, s in enumerate(t.sasaran):
                for k, ind in enumerate(s.indikator):
                    yield ("tujuan", t_no, "sasaran", s_no, "indikator", k), ind
