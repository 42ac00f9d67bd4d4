"""`check` of the SPM (`spm.yaml`), for every document type that takes one: a capaian or a
breakdown total the content wrote as the source printed it, against the computed one
(terlayani / sasaran x 100, or realisasi / target x 100) at the printed precision; and each breakdown's total against the value of the indicator it breaks
down, year by year (the two tables of one document must agree). `angka_spm` offers the SPM's
figures to the narrative check (check/prosa.py): a sentence quoting a capaian, a target, a
jumlah terlayani or a realisasi that disagrees with them is reported."""

from __future__ import annotations

from decimal import Decimal

from ..compute.spm import banding, banding_of, number, spm_figures
from ..i18n import _
from ..model.content import Content
from ..model.source import FieldPath, Source
from ..numbers import angka
from .findings import Finding, desimal_of, differs, pendek
from .prosa import Angka


def check_spm(c: Content) -> list[Finding]:
    spm, source = getattr(c, "spm", None), c.sources.get("spm")
    if spm is None or source is None:
        return []
    f = spm_figures(spm)
    out: list[Finding] = []
    for j, jenis in enumerate(f.jenis):
        for k, ind in enumerate(jenis.indikator):
            for year, t in ind.tahun.items():
                printed = ind.indikator.tahun[year].capaian
                if printed is not None and differs(printed, t.capaian):
                    out.append(
                        _error(
                            source,
                            ("jenis", j, "indikator", k, "tahun", str(year), "capaian"),
                            _(
                                "SPM {year}, {name}: capaian printed {printed}, computed {computed} "
                                "({formula} x 100, rounded half-up)"
                            ).format(
                                year=year,
                                name=pendek(ind.indikator.nama),
                                printed=angka(printed),
                                computed=_shown(t.capaian, printed),
                                formula="terlayani / sasaran"
                                if t.dilayani
                                else "realisasi / target",
                            ),
                            "spm.capaian",
                        )
                    )
        for r, rincian in enumerate(jenis.rincian):
            d = rincian.rincian
            for year, printed in d.jumlah.items():
                computed = rincian.jumlah.get(year)
                if differs(printed, computed):
                    out.append(
                        _error(
                            source,
                            ("jenis", j, "rincian", r, "jumlah", str(year)),
                            _(
                                "{id} {year}: the total printed {printed}, the rows add up to {computed}"
                            ).format(
                                id=d.id,
                                year=year,
                                printed=angka(printed),
                                computed=_shown(computed, printed),
                            ),
                            "spm.jumlah",
                        )
                    )
            for year in rincian.tahun:
                total, expected = rincian.jumlah.get(year), banding(f, d, year)
                if total is not None and expected is not None and total != expected:
                    out.append(
                        _error(
                            source,
                            ("jenis", j, "rincian", r, "indikator"),
                            _(
                                "{id} {year}: the rows add up to {total}, but the SPM table gives "
                                "{indikator} a {value} of {expected}"
                            ).format(
                                id=d.id,
                                year=year,
                                total=angka(total),
                                indikator=d.indikator,
                                value=banding_of(f, d),
                                expected=angka(expected),
                            ),
                            "spm.rincian",
                        )
                    )
    return out


def _error(source: Source, loc: FieldPath, message: str, code: str) -> Finding:
    hint = {
        "spm.capaian": _("write the computed capaian, or correct the figures it is computed from"),
        "spm.jumlah": _("correct the total or the rows"),
        "spm.rincian": _("correct the breakdown's rows or the indicator's value for that year"),
    }[code]
    return Finding("E", source.problem(loc, message, hint, code))


def _shown(computed: Decimal | None, printed: Decimal) -> str:
    if number(computed) is None:
        return _("no number (a value it needs is a note, or empty)")
    return angka(computed, desimal_of(printed))


def angka_spm(c: Content) -> list[Angka]:
    """The SPM's figures a narrative sentence may state, per indicator and year: the capaian
    (with the placeholder that prints it), the target, the jumlah sasaran and terlayani or the
    realisasi; called by the indicator's name, its jenis pelayanan dasar or its id."""
    spm = getattr(c, "spm", None)
    if spm is None:
        return []
    out: list[Angka] = []
    for j in spm_figures(spm).jenis:
        for i in j.indikator:
            ind = i.indikator
            names = (ind.nama, j.jenis.nama, *((ind.id,) if ind.id else ()))
            unit = "persen" if (ind.satuan or "").strip().lower() in ("%", "persen") else "angka"
            for year, t in i.tahun.items():
                for ukuran, value, jenis in (
                    ("capaian", t.capaian, "persen"),
                    ("target", number(t.target), "persen" if t.dilayani else unit),
                    ("sasaran", number(t.sasaran), unit),
                    ("terlayani", number(t.terlayani), unit),
                    ("realisasi", number(t.realisasi), unit),
                ):
                    if value is None:
                        continue
                    placeholder = (
                        f'spm["{ind.id}"][{year}].{ukuran}' if ind.id is not None else None
                    )
                    out.append(
                        Angka(
                            ukuran,
                            value,
                            jenis,
                            _("SPM {measure} {year} of '{name}'").format(
                                measure=ukuran, year=year, name=pendek(ind.nama)
                            ),
                            placeholder,
                            names,
                            year,
                        )
                    )
    return out
