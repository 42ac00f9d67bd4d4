"""`check` of the declared tables (`tabel.yaml`), for every document type: a formula value or a
total the content wrote (as the source document printed it) is compared with what laporgen
computes from the row, at the printed value's precision."""

from __future__ import annotations

from decimal import Decimal

from ..compute.tabel import hitung_tabel
from ..i18n import _
from ..model.content import Content
from ..numbers import angka, bulatkan
from .findings import Finding


def check_tabel(c: Content) -> list[Finding]:
    source, declared = c.sources.get("tabel"), getattr(c, "tabel", None)
    if source is None or declared is None:  # a type whose content takes no tabel.yaml (the PK)
        return []
    out: list[Finding] = []
    for i, tabel in enumerate(declared.tabel):
        d = hitung_tabel(tabel)
        for r in d.baris:
            for cid, printed in r.tercetak.items():
                computed = r.nilai.get(cid)
                if not _agrees(printed, computed):
                    out.append(
                        Finding(
                            "E",
                            source.problem(
                                ("tabel", i, "baris", r.indeks, cid),
                                _(
                                    "{id}: {cid} printed {printed}, its formula gives {computed}"
                                ).format(
                                    id=tabel.id,
                                    cid=cid,
                                    printed=angka(printed),
                                    computed=_shown(computed, printed),
                                ),
                                _(
                                    "write {computed}, or correct the values it is computed from"
                                ).format(computed=_shown(computed, printed)),
                                "tabel.rumus",
                            ),
                        )
                    )
        if tabel.jumlah and d.jumlah is not None:
            for cid, printed in tabel.jumlah.tercetak.items():
                computed = d.jumlah.get(cid)
                if not _agrees(printed, computed):
                    out.append(
                        Finding(
                            "E",
                            source.problem(
                                ("tabel", i, "jumlah", "tercetak", cid),
                                _(
                                    "{id}: the total of {cid} printed {printed}, the rows add up to {computed}"
                                ).format(
                                    id=tabel.id,
                                    cid=cid,
                                    printed=angka(printed),
                                    computed=_shown(computed, printed),
                                ),
                                _("correct the total or the rows"),
                                "tabel.jumlah",
                            ),
                        )
                    )
    return out


def _places(printed: Decimal) -> int:
    return max(0, -int(printed.as_tuple().exponent))


def _agrees(printed: Decimal, computed: object) -> bool:
    """A printed figure agrees when the computed one rounds to it (half up, as documents round)."""
    if not isinstance(computed, Decimal):
        return False
    return bulatkan(computed, _places(printed)) == printed


def _shown(computed: object, printed: Decimal) -> str:
    if not isinstance(computed, Decimal):
        return _("no number (a cell it needs is text or empty, or it divides by zero)")
    return angka(computed, _places(printed))
