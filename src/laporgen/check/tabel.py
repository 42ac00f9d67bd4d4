"""`check` of the declared tables (`tabel.yaml`), for every document type: a formula value or a
total the content wrote (as the source document printed it) is compared with what laporgen
computes from the row, at the printed value's precision; a row's `rincian` columns with the sum
of the rows under it (LM-2); a number column's cell typed as a malformed figure (LM-4). The
tables' figures are also figures a narrative sentence may state (`angka_tabel`, LM-3)."""

from __future__ import annotations

from decimal import Decimal

from ..compute.tabel import BarisDihitung, TabelDihitung, hitung_tabel, rincian
from ..i18n import _
from ..model.content import Content
from ..model.tabel import Tabel
from ..numbers import angka, bulatkan
from .bentuk import cacat, ditulis
from .findings import Finding, pendek
from .prosa import Angka, istilah_of


def check_tabel(c: Content) -> list[Finding]:
    source, declared = c.sources.get("tabel"), getattr(c, "tabel", None)
    if source is None or declared is None:  # no tabel.yaml in the folder
        return []
    out: list[Finding] = []
    for i, tabel in enumerate(declared.tabel):
        d = hitung_tabel(tabel)
        for r in d.baris:
            malformed = _malformed(c, i, tabel, r)
            out += malformed
            for cid, printed in r.tercetak.items():
                computed = r.nilai.get(cid)
                if computed is None and malformed:
                    continue  # the malformed cell it needs is the finding
                if not _agrees(printed, computed):
                    out.append(
                        Finding(
                            "E",
                            source.problem(
                                ("tabel", i, "baris", r.indeks, cid),
                                f"{tabel.id}: {cid} printed {angka(printed)}, its formula gives {_shown(computed, printed)}",
                                f"write {_shown(computed, printed)}, or correct the values it is computed from",
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
                                f"{tabel.id}: the total of {cid} printed {angka(printed)}, the rows add up to {_shown(computed, printed)}",
                                "correct the total or the rows",
                                "tabel.jumlah",
                            ),
                        )
                    )
        out += _rincian(c, i, d)
    return out


def _rincian(c: Content, i: int, d: TabelDihitung) -> list[Finding]:
    """Each `rincian` column of a row with rows under it: its value against their sum (LM-2)."""
    out = []
    for r in d.baris:
        under = rincian(d, r)
        if r.grup is not None or not under:
            continue
        for cid in d.tabel.rincian:
            value = r.nilai.get(cid)
            parts = [p for x in under if isinstance(p := x.nilai.get(cid), Decimal)]
            if not isinstance(value, Decimal) or len(parts) < len(under):
                continue  # a row, or one under it, without a number: nothing to compare
            total = sum(parts, Decimal(0))
            if _agrees(value, total):
                continue
            out.append(
                Finding(
                    "E",
                    c.sources["tabel"].problem(
                        ("tabel", i, "baris", r.indeks, cid),
                        _(
                            "{table}: {column} of {row} is {value}, the {n} rows under it add up to {total}"
                        ).format(
                            table=d.tabel.id,
                            column=cid,
                            row=_row_name(d.tabel, r),
                            value=angka(value),
                            n=len(under),
                            total=angka(total),
                        ),
                        _("correct the row or the rows under it (a difference of {diff})").format(
                            diff=angka(abs(value - total))
                        ),
                        "tabel.rincian",
                    ),
                )
            )
    return out


def _malformed(c: Content, i: int, tabel: Tabel, r: BarisDihitung) -> list[Finding]:
    """A number column's cell written as text that reads as a figure (LM-4: "2.421.000.000,000",
    three decimals on Rupiah): it is printed as typed and computes nothing, so it is reported
    with the number to write."""
    if r.grup is not None:
        return []
    out = []
    for k in tabel.leaves():
        text = tabel.baris[r.indeks].get(k.id or "")
        if k.format not in ("angka", "rupiah", "persen") or not isinstance(text, str):
            continue
        why = cacat(text, k.format)
        if why is None:
            continue  # a note ("N.a"), printed as written
        out.append(
            Finding(
                "W",
                c.sources["tabel"].problem(
                    ("tabel", i, "baris", r.indeks, k.id or ""),
                    _('{table}: malformed figure "{text}" in {column}: {why}').format(
                        table=tabel.id, text=text, column=k.id, why=why
                    ),
                    _("write {number} (a dot for decimals, no thousands separators)").format(
                        number=ditulis(text)
                    ),
                    "tabel.format",
                ),
            )
        )
    return out


def _row_name(tabel: Tabel, r: BarisDihitung) -> str:
    """A row as a message names it: its first text cell, else its number."""
    for k in tabel.leaves():
        value = r.nilai.get(k.id or "")
        if k.format == "teks" and isinstance(value, str) and value.strip():
            return "\u201c" + pendek(value, 50) + "\u201d"
    return _("row {n}").format(n=r.indeks + 1)


def angka_tabel(c: Content) -> list[Angka]:
    """The figures of the declared tables a narrative sentence may state: each number cell of a
    column whose header names a measure (capaian, realisasi, pagu …), called by the row's text
    cells; a percentage under an "anggaran" header is the budget's capaian (serapan)."""
    declared = getattr(c, "tabel", None)
    if declared is None:
        return []
    out = []
    for tabel in declared.tabel:
        d = hitung_tabel(tabel)
        for path, k in _header_paths(tabel):
            ukuran = _ukuran(path, k.format)
            if ukuran is None or k.id is None:
                continue
            for r in d.baris:
                value = r.nilai.get(k.id)
                if r.grup is not None or not isinstance(value, Decimal):
                    continue
                names = tuple(
                    v
                    for x in tabel.leaves()
                    if x.format == "teks" and isinstance(v := r.nilai.get(x.id or ""), str)
                )
                out.append(
                    Angka(
                        ukuran,
                        value,
                        "rupiah"
                        if k.format == "rupiah"
                        else "persen"
                        if k.format == "persen"
                        else "angka",
                        _("{measure} of {row} in {table}").format(
                            measure=ukuran.replace("_", " "),
                            row=_row_name(tabel, r),
                            table=tabel.id,
                        ),
                        None,
                        names,
                    )
                )
    return out


def _header_paths(tabel: Tabel):
    """(the headers above a column joined with its own, the column) for each column."""

    def walk(kolom, above):
        for k in kolom:
            path = f"{above} {k.judul}".strip()
            if k.kolom:
                yield from walk(k.kolom, path)
            else:
                yield path.lower(), k

    return list(walk(tabel.kolom, ""))


def _ukuran(path: str, format: str) -> str | None:
    """The measure a column's headers name, the term nearest the column's own header."""
    measures = istilah_of(path)
    if not measures:
        return None
    ukuran = measures[0]
    if "anggaran" in path and ukuran == "capaian":
        return "serapan"
    if format == "rupiah" and ukuran == "realisasi":
        return "realisasi_anggaran"
    return ukuran


def _places(printed: Decimal) -> int:
    return max(0, -int(printed.as_tuple().exponent))


def _agrees(printed: Decimal, computed: object) -> bool:
    """A printed figure agrees when the computed one rounds to it (half up, as documents round)."""
    if not isinstance(computed, Decimal):
        return False
    return bulatkan(computed, _places(printed)) == printed


def _shown(computed: object, printed: Decimal) -> str:
    if not isinstance(computed, Decimal):
        return "no number (a cell it needs is text or empty, or it divides by zero)"
    return angka(computed, _places(printed))
