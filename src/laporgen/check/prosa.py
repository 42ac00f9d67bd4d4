"""Numbers typed in the narrative (`narasi.angka`, `narasi.terbilang`; LKJIP-SPEC C11/C12,
RENSTRA-SPEC C9).

A literal number in a narrative file, close after a known term (capaian, realisasi, pagu,
serapan, anggaran, rata-rata, efisiensi, kemajuan, rasio, target, terlayani), states a computed figure:
the figures of that measure, of the indicator, program or sasaran the sentence names where it
names one, of the year it names where it names one. When none of them agrees at the precision
the text printed (the one rule of `findings.differs`), the sentence is reported with the
closest figure and the placeholder that prints it. Numbers produced by placeholders are
computed and never read here; a number no term introduces is left alone (it may count anything).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..errors import Problem, display_path
from ..i18n import _
from ..model.nilai import angka_of
from ..numbers import angka, persen, rupiah, terbilang
from .bilangan import ANGKA, bilangan
from .findings import Finding, differs, pendek

Jenis = str  # "persen" | "rupiah" | "angka"


@dataclass(frozen=True)
class Angka:
    """A computed figure a sentence may state."""

    ukuran: str
    """The measure: capaian, realisasi, target, kemajuan, efisiensi, rata_rata, serapan, pagu,
    realisasi_anggaran, rasio."""
    nilai: Decimal
    jenis: Jenis
    label: str
    placeholder: str | None = None
    entitas: tuple[str, ...] = ()
    """Names a sentence may call it by (indicator, sasaran, program); empty: agency-wide."""
    tahun: int | None = None
    disebut: bool = False
    """Read only in a sentence that names its entity and a year: a plan's target of one year
    among many indicators and years ("target … pada tahun 2026 sebesar 85%"), which a sentence
    about something else must not be held to."""


ISTILAH = (
    ("pertumbuhan realisasi anggaran", ("pertumbuhan_realisasi",)),
    ("pertumbuhan realisasi", ("pertumbuhan_realisasi",)),
    ("pertumbuhan anggaran", ("pertumbuhan_anggaran",)),
    ("rata-rata pertumbuhan", ("pertumbuhan_anggaran", "pertumbuhan_realisasi")),
    ("pertumbuhan", ("pertumbuhan_anggaran", "pertumbuhan_realisasi")),
    ("realisasi anggaran", ("realisasi_anggaran",)),
    ("serapan anggaran", ("serapan",)),
    ("penyerapan anggaran", ("serapan",)),
    ("capaian kinerja rata-rata", ("rata_rata",)),
    ("rata-rata capaian", ("rata_rata",)),
    ("efisiensi total", ("efisiensi_total",)),
    ("tingkat kemajuan", ("kemajuan",)),
    ("tingkat efisiensi", ("efisiensi", "efisiensi_total")),
    ("efisiensi kinerja", ("efisiensi_total", "efisiensi")),
    ("rata-rata", ("rata_rata", "efisiensi_total", "rata_anggaran", "rata_rasio")),
    ("capaian", ("capaian", "rata_rata", "rasio")),
    ("realisasi", ("realisasi", "realisasi_anggaran", "rasio")),
    ("serapan", ("serapan",)),
    ("pagu", ("pagu",)),
    ("anggaran", ("pagu", "rata_anggaran")),
    ("alokasi", ("pagu",)),
    ("efisiensi", ("efisiensi", "efisiensi_total")),
    ("kemajuan", ("kemajuan",)),
    ("rasio", ("rasio", "rata_rasio")),
    ("target", ("target",)),
    ("terlayani", ("terlayani", "sasaran")),
)
"""Terms and the measures they introduce, the longer first ("realisasi anggaran" before
"anggaran")."""

WINDOW = 16
"""How many words before a number a term may stand and still introduce it."""

_NUMBER = re.compile(
    r"(?<![\w.,/-])(Rp\.?\s?)?("
    + ANGKA
    + r")(\s?%|\s?persen\b|\s(?:milyar|miliar|juta)\b)?(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
"""A typed number: Rp before it, its digits with dots and commas (read by `bilangan.bilangan`:
"92,50", "1.234.567", "5.90%" pasted from Excel), %, "persen" or a word of scale after it."""
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_REFERENCE = re.compile(
    r"(nomor|no\.?|tahun|pasal|ayat|huruf|angka|ke-|bab|tabel|gambar|lampiran|perbup|perda|pp|uu)\s*$",
    re.IGNORECASE,
)
_PERUBAHAN = re.compile(
    r"\b(?:kenaikan|penurunan|peningkatan|naik|turun|meningkat|menurun)\b(?:\s+\S+){0,6}?\s+"
    r"sebesar\s*$",
    re.IGNORECASE,
)
"""A number that states a change ("kenaikan persentase realisasi sebesar 24,30%", M-4) is an
amount, not the level of the term before it: check/klaim_renstra.py reads it against the change."""
_TERBILANG = re.compile(r"\b(\d+)\s*\(([a-z ]+)\)", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def is_persen(suffix: str | None) -> bool:
    """Whether the unit after a typed number makes it a percentage."""
    return (suffix or "").strip().lower() in ("%", "persen")


def _blank(match: re.Match) -> str:
    """A placeholder's text replaced by blanks of the same lines, so positions keep their line."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _sentences(text: str) -> Iterable[tuple[int, str]]:
    """(line, sentence) of a Markdown text whose placeholders were blanked."""
    for n, line in enumerate(text.split("\n"), 1):
        for sentence in re.split(r"(?<=[.!?;:])\s+(?=[A-Z\"“(])", line):
            if sentence.strip():
                yield n, sentence.strip()


def kalimat(text: str) -> Iterable[tuple[int, str]]:
    """(line, sentence) of a narrative file's text as typed: what placeholders print is computed,
    so it is blanked first (check/klaim.py reads claims in the same sentences)."""
    return _sentences(_JINJA.sub(_blank, text))


def _words_before(sentence: str, end: int) -> str:
    return " ".join(sentence[:end].split()[-WINDOW:]).lower()


def _measures(before: str) -> tuple[str, ...]:
    """The measures of the term nearest before a number ("realisasi anggaran" over "anggaran"
    when both end there); () without a term."""
    best: tuple[int, tuple[str, ...]] | None = None
    for term, measures in ISTILAH:
        at = before.rfind(term)
        if at >= 0 and (best is None or at + len(term) > best[0]):
            best = (at + len(term), measures)
    return best[1] if best else ()


def istilah_of(text: str) -> tuple[str, ...]:
    """The measures the term nearest the end of `text` introduces: the words before a number, or
    a declared table's column headers ("Kinerja Anggaran Realisasi" → realisasi)."""
    return _measures(text.lower())


SKALA = {"milyar": Decimal(10) ** 9, "miliar": Decimal(10) ** 9, "juta": Decimal(10) ** 6}
"""Amounts written in words of scale: "7 Milyar Rupiah" (M-3) states 7 at the precision of a milyar."""


def _jenis(prefix: str | None, suffix: str | None) -> tuple[Jenis, Decimal]:
    """The kind of a typed number and the scale its digits are in."""
    word = (suffix or "").strip().lower()
    if word in SKALA:
        return "rupiah", SKALA[word]
    if prefix:
        return "rupiah", Decimal(1)
    return ("persen" if suffix else "angka"), Decimal(1)


def _shown(a: Angka) -> str:
    if a.jenis == "rupiah":
        return rupiah(a.nilai)
    if a.jenis == "persen":
        return persen(a.nilai)
    # a count as a count ("46"), a measured value at two decimals
    return angka(a.nilai, 0 if a.nilai == a.nilai.to_integral_value() else 2)


def prosa_findings(narasi: dict, figures: list[Angka]) -> list[Finding]:
    """The findings of every narrative file against the computed figures."""
    names = sorted(
        {e.lower() for a in figures for e in a.entitas if len(e) > 3}, key=len, reverse=True
    )
    out: list[Finding] = []
    for _key, n in sorted(narasi.items()):
        text = _JINJA.sub(_blank, n.text)
        for line, sentence in _sentences(text):
            out += _terbilang(n.path, line, sentence)
            low = sentence.lower()
            named = {x for x in names if x in low}
            for m in _NUMBER.finditer(sentence):
                finding = _one(n.path, line, sentence, m, figures, named)
                if finding is not None:
                    out.append(finding)
    return out


def _one(
    path, line: int, sentence: str, m: re.Match, figures: list[Angka], named: set[str]
) -> Finding | None:
    prefix, digits, suffix = m.group(1), m.group(2), m.group(3)
    value = bilangan(digits, is_persen(suffix))
    if (
        value is None
        or (_YEAR.fullmatch(digits) and not suffix)
        or _REFERENCE.search(sentence[: m.start()])
        or _PERUBAHAN.search(sentence[: m.start()])
    ):
        return None
    if re.match(r"\s*\(", sentence[m.end() :]):  # "6 (enam)": a count, read by the terbilang rule
        return None
    # a term inside a name the sentence gives ("… yang terlayani rehabilitasi …") is part of
    # the name, not the measure the number states
    plain = sentence.lower()
    for name in sorted(named, key=len, reverse=True):  # the longest first: it holds the others
        plain = plain.replace(name, " " * len(name))
    before = _words_before(plain, m.start())
    measures = _measures(before)
    if not measures:
        return None
    jenis, skala = _jenis(prefix, suffix)
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", sentence)}
    candidates = [
        a
        for a in figures
        if a.ukuran in measures
        and _fits(a.jenis, jenis)
        and (not a.disebut or (years and named & {e.lower() for e in a.entitas}))
    ]
    if named:
        candidates = [
            a for a in candidates if not a.entitas or named & {e.lower() for e in a.entitas}
        ]
    if years:
        candidates = [a for a in candidates if a.tahun is None or a.tahun in years]
    if not candidates or any(not differs(value, a.nilai / skala) for a in candidates):
        return None
    # reported against the term's first measure that has figures: "efisiensi kinerja" is the total
    first = next(u for u in measures if any(a.ukuran == u for a in candidates))
    closest = min(
        (a for a in candidates if a.ukuran == first), key=lambda a: abs(a.nilai / skala - value)
    )
    # the typed number may be another figure's (LM-3: the tujuan's capaian quoted as IKU 1's)
    elsewhere = next(
        (
            a
            for a in figures
            if a.ukuran in measures
            and _fits(a.jenis, jenis)
            and not differs(value, a.nilai / skala)
        ),
        None,
    )
    fix = (
        _("write {{{{ {placeholder} }}}} instead of the typed number").format(
            placeholder=closest.placeholder
        )
        if closest.placeholder
        else _("take the figure from the table, or say where it comes from")
    )
    return Finding(
        "W",
        Problem(
            display_path(path),
            _(
                "the text states {value}, the data give {closest} ({label}){other}: \u201c{sentence}\u201d"
            ).format(
                value=m.group(0).strip(),
                closest=_shown(closest),
                label=closest.label,
                other=_("; {typed} is another figure's: the {label}").format(
                    typed=m.group(0).strip(), label=elsewhere.label
                )
                if elsewhere is not None
                else "",
                sentence=sentence[:160],
            ),
            line,
            None,
            fix,
            "narasi.angka",
        ),
    )


def _fits(figure: Jenis, typed: Jenis) -> bool:
    """A typed number may state a figure of its kind; a bare number, a percentage or count."""
    return (
        figure == typed
        or (typed == "angka" and figure != "rupiah")
        or (typed == "rupiah" and figure == "rupiah")
    )


def _terbilang(path, line: int, sentence: str) -> list[Finding]:
    """ "2 (satu)": the figure and its words disagree (L-12)."""
    out = []
    for m in _TERBILANG.finditer(sentence):
        n, words = int(m.group(1)), m.group(2).strip().lower()
        if n < 10**6 and words != terbilang(n) and words.split()[0] in _NUMBER_WORDS:
            out.append(
                Finding(
                    "W",
                    Problem(
                        display_path(path),
                        _("\u201c{typed}\u201d: {number} is \u201c{words}\u201d").format(
                            typed=m.group(0), number=n, words=terbilang(n)
                        ),
                        line,
                        None,
                        _("write {{ n|terbilang }} from a count, or correct the words"),
                        "narasi.terbilang",
                    ),
                )
            )
    return out


_NUMBER_WORDS = frozenset(
    [
        "nol",
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "enam",
        "tujuh",
        "delapan",
        "sembilan",
        "sepuluh",
        "sebelas",
        "seratus",
        "seribu",
    ]
)


# ------------------------------------------------------------------------------- the figures
def angka_lkjip(c, f) -> list[Angka]:
    """Every figure of an LKjIP a sentence may state, with the placeholder that prints it
    (`narrative_context` of document/lkjip.py)."""
    out = [
        Angka("rata_rata", f.rata_rata, "persen", "capaian rata-rata", "rata_rata"),
        Angka("efisiensi_total", f.efisiensi_total, "persen", "efisiensi total", "efisiensi_total"),
        Angka("serapan", f.serapan, "persen", "serapan anggaran", "anggaran.serapan"),
        Angka("pagu", f.pagu, "rupiah", "pagu", "anggaran.pagu"),
        Angka("pagu", f.pagu_murni, "rupiah", "pagu murni", "anggaran.pagu_murni"),
        Angka(
            "realisasi_anggaran",
            f.realisasi_anggaran,
            "rupiah",
            "realisasi anggaran",
            "anggaran.realisasi",
        ),
    ]
    for i in f.semua_indikator:
        iid = i.indikator.id
        names = (i.indikator.nama, *((i.sasaran.uraian,) if i.sasaran else ()))
        unit = "persen" if i.indikator.satuan.strip().lower() in ("%", "persen") else "angka"
        for ukuran, value, jenis in (
            ("capaian", i.capaian, "persen"),
            ("kemajuan", i.kemajuan, "persen"),
            ("efisiensi", i.efisiensi, "persen"),
            ("target", angka_of(i.target), unit),
            ("realisasi", i.realisasi, unit),
        ):
            if value is None:
                continue
            out.append(
                Angka(
                    ukuran,
                    value,
                    jenis,
                    _("{value} of {id}").format(value=ukuran, id=iid),
                    f'indikator["{iid}"].{ukuran}',
                    names,
                    f.tahun,
                )
            )
    for p in f.program:
        for n in p.walk():
            for ukuran, value, jenis in (
                ("pagu", n.pagu, "rupiah"),
                ("realisasi_anggaran", n.realisasi, "rupiah"),
                ("serapan", n.serapan, "persen"),
                ("capaian", n.capaian, "persen"),
                ("efisiensi", n.efisiensi, "persen"),
            ):
                field = {"realisasi_anggaran": "realisasi"}.get(ukuran, ukuran)
                out.append(
                    Angka(
                        ukuran,
                        value,
                        jenis,
                        _("{value} of {id}").format(value=ukuran.replace("_", " "), id=n.id),
                        f'program["{n.id}"].{field}',
                        (n.node.nama,),
                        f.tahun,
                    )
                )
    for s in f.sasaran:
        for ukuran, value, jenis in (
            ("pagu", s.pagu, "rupiah"),
            ("realisasi_anggaran", s.realisasi_anggaran, "rupiah"),
            ("serapan", s.serapan, "persen"),
        ):
            out.append(
                Angka(
                    ukuran,
                    value,
                    jenis,
                    _("{value} of sasaran {id}").format(
                        value=ukuran.replace("_", " "), id=s.sasaran.id
                    ),
                    None,
                    (s.sasaran.uraian,),
                    f.tahun,
                )
            )
    return [a for a in out if a.nilai is not None]


def angka_renstra(c, f) -> list[Angka]:
    """Every figure of a Renstra a sentence may state: T-C.23 rows, T-C.24 totals and their
    means, T-C.27 pagu, and the plan's targets (BAB IV's tujuan and sasaran indicators, BAB VI's
    program, kegiatan and sub kegiatan indicators), these read only where a sentence names the
    indicator and the year."""
    from ..compute.capaian import rata_rata

    out: list[Angka] = _target_rencana(c)
    for row in f.pelayanan:
        i = row.indikator
        unit = "persen" if i.satuan.strip().lower() in ("%", "persen") else "angka"
        for year in set(i.target) | set(i.realisasi) | set(row.rasio):
            for ukuran, value, jenis in (
                ("target", angka_of(i.target.get(year)), unit),
                ("realisasi", angka_of(i.realisasi.get(year)), unit),
                ("rasio", row.rasio.get(year), "persen"),
            ):
                if value is not None:
                    out.append(
                        Angka(
                            ukuran,
                            value,
                            jenis,
                            _("T-C.23 {value} {year} of '{name}'").format(
                                value=ukuran, year=year, name=pendek(i.nama)
                            ),
                            None,
                            (i.nama,),
                            year,
                        )
                    )
    t = f.anggaran_total
    if t is not None:
        for year in t.anggaran:
            for ukuran, value, jenis in (
                ("pagu", t.anggaran.get(year), "rupiah"),
                ("realisasi_anggaran", t.realisasi.get(year), "rupiah"),
                ("rasio", t.rasio.get(year), "persen"),
            ):
                if value is not None:
                    out.append(
                        Angka(
                            ukuran,
                            value,
                            jenis,
                            _("T-C.24 total {value} {year}").format(
                                value=ukuran.replace("_", " "), year=year
                            ),
                            None,
                            (),
                            year,
                        )
                    )
        mean = rata_rata(t.anggaran.values())
        if mean is not None:
            out.append(
                Angka(
                    "rata_anggaran",
                    mean,
                    "rupiah",
                    _("T-C.24 mean anggaran a year"),
                    "tc24.rata_anggaran",
                )
            )
        mean = rata_rata(t.rasio.values())
        if mean is not None:
            out.append(
                Angka("rata_rasio", mean, "persen", _("T-C.24 mean rasio"), "tc24.rata_rasio")
            )
        for ukuran, value, label in (
            ("pertumbuhan_anggaran", t.pertumbuhan_anggaran, _("T-C.24 mean growth of anggaran")),
            (
                "pertumbuhan_realisasi",
                t.pertumbuhan_realisasi,
                _("T-C.24 mean growth of realisasi"),
            ),
        ):
            if value is not None:
                out.append(Angka(ukuran, value, "persen", label, f"tc24.{ukuran}"))
    for node in f.program:
        for year, value in node.pagu.items():
            if value is not None:
                out.append(
                    Angka(
                        "pagu",
                        value,
                        "rupiah",
                        _("T-C.27 pagu {year} of {id}").format(year=year, id=node.id),
                        None,
                        (node.node.nama,),
                        year,
                    )
                )
    return out


def _target_rencana(c) -> list[Angka]:
    """Each numeric target of a year of the plan's indicators (rencana.yaml, program.yaml), as
    BAB IV (T-C.25) and BAB VI (T-C.27) print them; text targets (a predikat) are not numbers."""
    indikator = [i for _loc, i in c.rencana.located_indikator()]
    for p in c.program.program if c.program else []:
        indikator += p.indikator
        for k in p.kegiatan:
            indikator += k.indikator + [i for s in k.sub_kegiatan for i in s.indikator]
    out = []
    for i in indikator:
        unit = "persen" if i.satuan.strip().lower() in ("%", "persen") else "angka"
        for year, target in i.target.items():
            value = angka_of(target)
            if value is not None:
                out.append(
                    Angka(
                        "target",
                        value,
                        unit,
                        _("Renstra target {year} of '{name}'").format(
                            year=year, name=pendek(i.nama)
                        ),
                        None,
                        (i.nama,),
                        year,
                        disebut=True,
                    )
                )
    return out
