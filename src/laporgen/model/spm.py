"""`spm.yaml` of a Renstra or an LKjIP: the Standar Pelayanan Minimal the agency reports (issue 14).

A Dinas Sosial reports the SPM bidang sosial (PP 2/2018, Permensos 9/2018): each jenis pelayanan
dasar has one or more indicators, each with a target and a realisasi per year; laporgen computes
the capaian. A jenis may carry breakdown tables (`rincian`: counts by category per year, e.g.
the recipients by kind of disability), whose totals laporgen computes and `check` compares with
the indicator's value for that year. Any agency's SPM has this shape (jenis pelayanan dasar ×
indikator × year), whatever its bidang.

A value is a number, or text printed as it is ("N.a", "belum dihitung"); text never enters a sum
or a capaian. A number typed the Indonesian way ("92,5") is refused with its fix, never kept as text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..errors import Problem
from ..i18n import _
from .fields import Angka, Id, Model, Tahun
from .nilai import Isian
from .read import Source

NilaiSpm = Isian | None
"""A value as written (model/nilai.py): a number, or text printed as it is ("N.a", a note
`{teks: …}`); text never enters arithmetic."""


class TahunSpm(Model):
    """One year of an SPM indicator."""

    target: NilaiSpm = Field(None, description="The target of the year (a number, or a note)")
    realisasi: NilaiSpm = Field(None, description="The realisasi of the year (a number, or a note)")
    capaian: Angka | None = Field(
        None,
        description=(
            "The capaian as the source document printed it; `check` compares it with realisasi / target x 100"
        ),
    )


class IndikatorSpm(Model):
    id: Id | None = Field(
        None, description="What a breakdown table (`rincian.indikator`) names this indicator by"
    )
    nama: str = Field(description="The indicator as the SPM states it")
    satuan: str | None = Field(None, description='Unit as printed: "%", "orang", "jiwa"')
    tahun: dict[Tahun, TahunSpm] = Field(
        min_length=1,
        description="Target and realisasi per year, e.g. {2024: {target: 100, realisasi: 98}}",
    )


class BarisRincian(Model):
    kategori: str = Field(description='The category the row counts, e.g. "Disabilitas fisik"')
    nilai: dict[Tahun, NilaiSpm] = Field(description="The count per year, e.g. {2023: 12, 2024: 9}")


class Rincian(Model):
    """A breakdown of a jenis pelayanan dasar: counts by category per year, with their total row."""

    id: Id
    judul: str = Field(description="The caption after 'Tabel N.N'")
    kategori: str = Field("Kategori", description="The header of the category column")
    satuan: str | None = Field(None, description='The unit of the counts, e.g. "orang"')
    indikator: Id | None = Field(
        None,
        description=(
            "The SPM indicator (its `id`) whose value each year's total must equal; `check` compares them"
        ),
    )
    banding: Literal["realisasi", "target"] = Field(
        "realisasi", description="Which value of that indicator the totals equal"
    )
    baris: list[BarisRincian] = Field(min_length=1)
    jumlah: dict[Tahun, Angka] = Field(
        default_factory=dict,
        description="The totals as the source document printed them; `check` compares them with the sums",
    )
    sumber: str | None = None


class JenisPelayanan(Model):
    nama: str = Field(
        description='The jenis pelayanan dasar, e.g. "Rehabilitasi sosial dasar penyandang disabilitas terlantar"'
    )
    kelompok: str | None = Field(
        None,
        description=(
            'A group row printed above it when it changes, e.g. "A. Rehabilitasi sosial dasar di dalam panti"'
        ),
    )
    indikator: list[IndikatorSpm] = Field(min_length=1)
    rincian: list[Rincian] = Field(
        default_factory=list, description="Its breakdown tables, printed after the SPM table"
    )


class Spm(Model):
    """`spm.yaml` (optional, Renstra and LKjIP): the Standar Pelayanan Minimal table."""

    judul: str | None = Field(
        None,
        description=(
            'The caption; by default "Capaian Standar Pelayanan Minimal Bidang <bidang> Tahun <first>-<last>"'
        ),
    )
    bidang: str | None = Field(None, description='The bidang of the SPM, e.g. "Sosial"')
    bagian: Id | None = Field(
        None,
        description=(
            "The outline section that prints it (`laporgen outline` lists the ids); by default the Renstra's "
            "Kinerja Pelayanan (BAB II) or the LKjIP's comparison with national standards (BAB III)"
        ),
    )
    letak: Literal["awal", "akhir"] = Field(
        "akhir", description="awal: before the section's narrative; akhir: after it"
    )
    sumber: str | None = Field(None, description='The "Sumber :" line under the table')
    jenis: list[JenisPelayanan] = Field(
        default_factory=list,
        description="The jenis pelayanan dasar; none (as `laporgen init` writes it): no SPM table",
    )

    def indikator_by_id(self) -> dict[str, IndikatorSpm]:
        return {i.id: i for j in self.jenis for i in j.indikator if i.id}


def spm_problems(spm: Spm, source: Source) -> list[Problem]:
    """Cross-field rules at their line: an indicator id used twice, a breakdown naming an
    indicator that does not exist."""
    problems: list[Problem] = []
    seen: set[str] = set()
    rincian_ids: set[str] = set()
    for j, jenis in enumerate(spm.jenis):
        for k, ind in enumerate(jenis.indikator):
            if ind.id is None:
                continue
            if ind.id in seen:
                problems.append(
                    source.problem(
                        ("jenis", j, "indikator", k, "id"),
                        _("the indicator id {id} is used twice").format(id=ind.id),
                        _("give each indicator its own id"),
                        "spm.id",
                    )
                )
            seen.add(ind.id)
    known = spm.indikator_by_id()
    for j, jenis in enumerate(spm.jenis):
        for r, rincian in enumerate(jenis.rincian):
            if rincian.id in rincian_ids:
                problems.append(
                    source.problem(
                        ("jenis", j, "rincian", r, "id"),
                        _("the breakdown id {id} is used twice").format(id=rincian.id),
                        _("give each breakdown table its own id"),
                        "spm.id",
                    )
                )
            rincian_ids.add(rincian.id)
            if rincian.indikator is not None and rincian.indikator not in known:
                names = ", ".join(sorted(known)) or _("none has an id yet")
                problems.append(
                    source.problem(
                        ("jenis", j, "rincian", r, "indikator"),
                        _("no SPM indicator has the id {id}").format(id=rincian.indikator),
                        _("name one of the indicators' ids ({names})").format(names=names),
                        "ref.spm",
                    )
                )
    return problems
