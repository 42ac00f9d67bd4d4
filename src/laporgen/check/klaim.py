"""Claims the narrative makes in words, tested against the computed figures (LKJIP-SPEC C11:
L-11, L-18, L-31, L-32; the sentences of §5 that laporgen generates true by construction).

A reviewer reads "mengalami kenaikan setiap tahun" and looks at the series; laporgen does the
same for four kinds of sentence the signed seeds got wrong:

- `narasi.keseluruhan`: "keseluruhan indikator sebesar 100%" while one indicator in its scope
  (the sasaran it names, else every sasaran; the kegiatan or programs supporting it when it says
  so) is another value at the printed precision;
- `narasi.tren`: "naik/turun setiap tahun" while the series it names (capaian or realisasi of the
  indicators it names, Tabel 3.3) falls/rises somewhere or has one year only;
- `narasi.target`: "telah mencapai target" while the capaian rata-rata is below 100 or a sasaran
  in its scope missed its target; `narasi.tercapai`: "3 sasaran mencapai target" while another
  number of sasaran did (F14.3);
- `narasi.banding`: "lebih rendah/tinggi dibandingkan tahun N" false against the figure the
  sentence compares (the same measure of year N), with a note when it holds against the other one
  (a target against last year's realisasi).

Only typed words are read: text a placeholder prints is computed and blanked first. A trend or
comparison that names no indicator is left alone, as is a count of indicators (the Simpulan counts
them per sasaran in bullets that do not name it). Each finding
names the sentence, the figures and the sentence the data would make true.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..compute.capaian import rata_rata
from ..compute.lkjip import LkjipFigures
from ..compute.tren import KATA, tren
from ..errors import Problem, display_path
from ..i18n import _
from ..numbers import angka, persen
from .bilangan import ANGKA, bilangan
from .findings import Finding, differs, pendek
from .prosa import kalimat

KESELURUHAN = "narasi.keseluruhan"
TREN = "narasi.tren"
TARGET = "narasi.target"
BANDING = "narasi.banding"
TERCAPAI = "narasi.tercapai"
JUMLAH = "narasi.jumlah"


@dataclass(frozen=True)
class Disebut:
    """Something a sentence may name: its name, the shortest run of its first words that tells it
    apart from the others (how prose shortens "Indeks Kepuasan Masyarakat Dinas Sosial"), and
    its key in the figures."""

    nama: str
    awalan: str
    kunci: str


def nama_pendek(names: Sequence[tuple[str, str]]) -> list[Disebut]:
    """Each (name, key) with the shortest prefix of two or more words no other name starts with."""
    out = []
    folded = [" ".join(n.lower().split()) for n, _k in names]
    for (nama, kunci), full in zip(names, folded, strict=True):
        words = full.split()
        prefix = full
        for n in range(2, len(words) + 1):
            candidate = " ".join(words[:n])
            if not any(o != full and o.startswith(candidate) for o in folded):
                prefix = candidate
                break
        out.append(Disebut(nama, prefix, kunci))
    return out


def _named(sentence: str, names: Iterable[Disebut]) -> list[Disebut]:
    low = " ".join(sentence.lower().split())
    found = [d for d in names if d.awalan in low]
    # once per key, in the sentence's order
    seen: dict[str, Disebut] = {}
    for d in sorted(found, key=lambda d: low.index(d.awalan)):
        seen.setdefault(d.kunci, d)
    return list(seen.values())


def klaim_lkjip(c, f: LkjipFigures) -> list[Finding]:
    """Every claim finding of the narrative of an LKjIP."""
    out: list[Finding] = []
    counts = {"tujuan": len(c.rencana.tujuan), "sasaran": len(f.sasaran)}
    for _key, n in sorted(c.narasi.items()):
        shown = display_path(n.path)  # once a file: it resolves the path on disk
        for line, sentence in kalimat(n.text):
            where = (shown, line, sentence)
            out += _keseluruhan(c, f, where)
            out += _tren(f, where)
            out += _target(f, where)
            out += _jumlah_tercapai(f, where)
            out += _banding(f, where)
            out += _rata_sasaran(f, where)
            out += jumlah_findings(where, counts)
    return out


def _finding(where: tuple[str, int, str], message: str, hint: str, code: str) -> Finding:
    path, line, sentence = where
    quoted = "\u201c" + pendek(sentence, 160) + "\u201d"
    return Finding("W", Problem(path, f"{message}: {quoted}", line, None, hint, code))


# --------------------------------------------------------------------- keseluruhan (L-11)
_KESELURUHAN = re.compile(
    r"\b(?:ke)?(?:seluruh|semua)(?:an)?\s+indikator(?:nya)?\b\D{0,40}?("
    + ANGKA
    + r")\s*(?:%|persen)",
    re.IGNORECASE,
)
_SASARAN_KE = re.compile(r"\bsasaran\s+(?:strategis\s+)?(?:ke-?\s*)?(\d+)\b", re.IGNORECASE)


def _keseluruhan(c, f: LkjipFigures, where) -> list[Finding]:
    sentence = where[2]
    m = _KESELURUHAN.search(sentence)
    if not m:
        return []
    claimed = bilangan(m.group(1), True)
    if claimed is None:
        return []
    label, rows = _scope(c, f, sentence[: m.start()])
    other = [(nama, v) for nama, v in rows if v is not None and differs(claimed, v)]
    if not other:
        return []
    listed = "; ".join(f"{pendek(nama, 50)} {persen(v)}" for nama, v in other)
    same = len(rows) - len(other)
    return [
        _finding(
            where,
            _("the text says every indicator of {scope} is {claimed}%, but {listed}").format(
                scope=label, claimed=angka(claimed), listed=listed
            ),
            _(
                "name the indicators apart, e.g. \u201ccapaian {same} indikator sebesar {claimed}% "
                "dan {first} sebesar {value}%\u201d, or quote each with its placeholder"
            ).format(
                same=same,
                claimed=angka(claimed),
                first=pendek(other[0][0], 50),
                value=persen(other[0][1]),
            ),
            KESELURUHAN,
        )
    ]


def _scope(c, f: LkjipFigures, before: str) -> tuple[str, list[tuple[str, Decimal | None]]]:
    """What "keseluruhan indikator" covers: the sasaran a sentence names (by number), else every
    sasaran; narrowed to the kegiatan or programs that support it when the sentence says so
    (Simpulan, 001 lines 1029-1054)."""
    m = _SASARAN_KE.search(before)
    sasaran = (
        [f.sasaran[int(m.group(1)) - 1]]
        if m and 1 <= int(m.group(1)) <= len(f.sasaran)
        else list(f.sasaran)
    )
    one = len(sasaran) == 1 and m is not None
    low = before.lower()
    level = "kegiatan" if "kegiatan" in low else "program" if "program" in low else None
    if level is None:
        label = _("sasaran {id}").format(id=sasaran[0].sasaran.id) if one else _("the LKjIP")
        return label, [(i.indikator.nama, i.capaian) for s in sasaran for i in s.indikator]
    ids: set[str] = set()
    for s in sasaran:
        dukungan = c.kinerja.dukungan.get(s.sasaran.id)
        ids |= set(dukungan.program_kegiatan) if dukungan else set()
    if not one:  # every program or kegiatan of the year, supporting a sasaran or not
        ids = {n.id for p in f.program for n in p.walk()}
    rows = [
        (f"{n.id} {i.indikator.nama}", i.capaian)
        for p in f.program
        for n in p.walk()
        if n.jenis == level and n.id in ids
        for i in n.indikator
    ]
    label = (
        _("the {level} of sasaran {id}").format(level=level, id=sasaran[0].sasaran.id)
        if one
        else _("every {level}").format(level=level)
    )
    return label, rows


# ---------------------------------------------------------------------------- tren (L-18)
_TREN = re.compile(
    r"\b(?:mengalami\s+)?(kenaikan|peningkatan|naik|meningkat|penurunan|turun|menurun)"
    r"\s+(?:di\s+)?(?:setiap|tiap)\s+tahun(?:nya)?\b",
    re.IGNORECASE,
)
_NAIK = ("kenaikan", "peningkatan", "naik", "meningkat", "meningkatnya")


@dataclass(frozen=True)
class Deret:
    """An indicator's yearly realisasi and capaian, as a trend sentence speaks of them: an
    LKjIP's Tabel 3.3 history, a Renstra's T-C.23 row (its rasio is the capaian)."""

    nama: str
    realisasi: tuple[tuple[int, Decimal], ...]
    capaian: tuple[tuple[int, Decimal], ...]

    def of(self, ukuran: str) -> list[tuple[int, Decimal]]:
        return list(self.capaian if ukuran == "capaian" else self.realisasi)


def deret_lkjip(f: LkjipFigures) -> list[Deret]:
    """The history rows of an LKjIP (Tabel 3.3), years with no value left out."""
    return [
        Deret(
            r.indikator,
            *(
                tuple(
                    (y, v)
                    for y, t in sorted(r.tahun.items())
                    if isinstance(v := getattr(t, ukuran), Decimal)
                )
                for ukuran in ("realisasi", "capaian")
            ),
        )
        for r in f.riwayat
    ]


def ukuran_of(before: str) -> str:
    """capaian when the last of the two words before a claim is "capaian" (or "rasio"), else
    realisasi: what a trend or change of an indicator is said of."""
    low = before.lower()
    capaian = max(low.rfind("capaian"), low.rfind("rasio"))
    return "capaian" if capaian > low.rfind("realisasi") else "realisasi"


def _tren(f: LkjipFigures, where) -> list[Finding]:
    m = _TREN.search(where[2])
    if not m:
        return []
    rows = deret_lkjip(f)
    before = where[2][: m.start()]
    names = nama_pendek([(r.nama, str(k)) for k, r in enumerate(rows)])
    return tren_finding(where, m, [rows[int(d.kunci)] for d in _named(before, names)])


def tren_finding(where, m: re.Match, named: Sequence[Deret]) -> list[Finding]:
    """ "… naik/turun setiap tahun" (`m`, a `_TREN` match) said of the series `named`: each that
    does not go so every year, or has one year only, with the sentence its data make true."""
    if not named:
        return []
    ukuran = ukuran_of(where[2][: m.start()])
    other = "realisasi" if ukuran == "capaian" else "capaian"
    claimed = "naik" if m.group(1).lower() in _NAIK else "turun"
    wrong = []
    for row in named:
        series = row.of(ukuran)
        if len(series) < 2:
            wrong.append(
                _("{name} has {measure} for {years} only").format(
                    name=pendek(row.nama, 50),
                    measure=ukuran,
                    years=", ".join(str(y) for y, _v in series) or _("no year"),
                )
            )
            continue
        step = _against(series, claimed == "naik")
        if step is None:
            continue
        wrong.append(
            _("{measure} of {name} {goes} {a} ({ya}) \u2192 {b} ({yb})").format(
                measure=ukuran,
                name=pendek(row.nama, 50),
                goes=(_("falls") if step[1][1] < step[0][1] else _("stays"))
                if claimed == "naik"
                else (_("rises") if step[1][1] > step[0][1] else _("stays")),
                a=angka(step[0][1], 2),
                ya=step[0][0],
                b=angka(step[1][1], 2),
                yb=step[1][0],
            )
        )
        if tren([v for _y, v in row.of(other)]) == claimed:
            wrong[-1] += _(" (its {other} does {goes} every year)").format(
                other=other, goes=_("rise") if claimed == "naik" else _("fall")
            )
    if not wrong:
        return []
    return [
        _finding(
            where,
            _("the text says {measure} {goes} every year, but {wrong}").format(
                measure=ukuran,
                goes=_("rises") if claimed == "naik" else _("falls"),
                wrong="; ".join(wrong),
            ),
            _("write what the series do: \u201c{sentence}\u201d").format(
                sentence=" ".join(_kalimat_tren(row) for row in named)
            ),
            TREN,
        )
    ]


def _against(series: list[tuple[int, Decimal]], naik: bool) -> tuple | None:
    """The first step of `series` that goes against the claimed direction; None when every step
    goes with it (a flat step is not a rise)."""
    for a, b in zip(series, series[1:], strict=False):
        if (b[1] <= a[1]) if naik else (b[1] >= a[1]):
            return a, b
    return None


def _kalimat_tren(row: Deret) -> str:
    """The sentence the data make true (LKJIP-SPEC §5.2), realisasi and capaian apart:
    "Realisasi Indeks Kepuasan Masyarakat Dinas Sosial naik setiap tahun (84,47; 87,33; 87,45),
    sedangkan capaiannya berfluktuasi (100,56; 103,96; 100,11)." The document's Indonesian."""

    def said(ukuran: str) -> str:
        series = row.of(ukuran)
        direction = tren([v for _y, v in series])
        values = "; ".join(angka(v, 2) for _y, v in series)
        if direction is None:
            years = ", ".join(str(y) for y, _v in series)
            return f"hanya tersedia untuk tahun {years}" if series else "tidak tersedia"
        return f"{KATA[direction]} ({values})"

    return f"Realisasi {row.nama} {said('realisasi')}, sedangkan capaiannya {said('capaian')}."


# -------------------------------------------------------------------------- target (L-31)
_TERCAPAI = re.compile(
    r"\b(?:telah|sudah|berhasil)\s+(?:dapat\s+)?mencapai\s+(?:seluruh\s+)?target\b", re.IGNORECASE
)
_BILANGAN = re.compile(r"\b(\d+)\s*(?:\([a-z ]+\)\s*)?(sasaran|indikator)\b", re.IGNORECASE)


def _target(f: LkjipFigures, where) -> list[Finding]:
    sentence = where[2]
    m = _TERCAPAI.search(sentence)
    if not m:
        return []
    before = sentence[: m.start()].lower()
    if re.search(r"\b(belum|tidak|tak)\s*$", before):
        return []  # a denial
    totals = {"sasaran": len(f.sasaran), "indikator": len(f.indikator)}
    for count in _BILANGAN.finditer(sentence[: m.start()]):
        if int(count.group(1)) != totals[count.group(2).lower()]:
            return []  # a count ("3 sasaran mencapai target"), not a claim about all
    s_ke = _SASARAN_KE.search(sentence[: m.start()])
    sasaran = (
        [f.sasaran[int(s_ke.group(1)) - 1]]
        if s_ke and 1 <= int(s_ke.group(1)) <= len(f.sasaran)
        else list(f.sasaran)
    )
    missed = [
        (
            s.sasaran.id,
            i.indikator.id,
            persen(i.capaian) if i.capaian is not None else str(i.realisasi),
        )
        for s in sasaran
        for i in s.indikator
        if i.terukur and not i.tercapai
    ]
    whole = len(sasaran) == len(f.sasaran)
    mean_short = whole and f.rata_rata is not None and f.rata_rata < 100
    if not missed and not mean_short:
        return []
    parts = []
    if mean_short:
        parts.append(_("the capaian rata-rata is {mean}").format(mean=persen(f.rata_rata)))
    if missed:
        parts.append(
            _("{n} of {total} sasaran missed it ({rows})").format(
                n=len({s for s, _i, _v in missed}),
                total=len(sasaran),
                rows=", ".join(f"{s} {i} {v}" for s, i, v in missed),
            )
        )
    tercapai = len(sasaran) - len({s for s, _i, _v in missed})
    return [
        _finding(
            where,
            _("the text says the target was reached, but {why}").format(why="; ".join(parts)),
            _(
                "state what the data give: \u201c{n} dari {total} sasaran mencapai target, capaian "
                "kinerja rata-rata sebesar {{{{ rata_rata }}}}\u201d"
            ).format(n=tercapai, total=len(sasaran)),
            TARGET,
        )
    ]


_JUMLAH_TERCAPAI = re.compile(
    r"\b(\d+)\s*(?:\([a-z ]+\)\s*)?sasaran\s+(?:yang\s+)?(belum|tidak)?\s*(?:bisa\s+|dapat\s+)?"
    r"(?:telah\s+|sudah\s+|berhasil\s+)?(?:bisa\s+|dapat\s+)?mencapai\s+target\b",
    re.IGNORECASE,
)


def _jumlah_tercapai(f: LkjipFigures, where) -> list[Finding]:
    """ "terdapat 3 sasaran mencapai target … dan 2 sasaran belum bisa mencapai target" (F14.3,
    F14.4): each count against the sasaran whose indicators all reached their target. Counts of
    indicators are left alone: the Simpulan counts them per sasaran, in a bullet that does not
    name it."""
    counts = list(_JUMLAH_TERCAPAI.finditer(where[2]))
    if not counts:  # most sentences: the sasaran are sorted only for one that counts them
        return []
    # the rule the sentences use (SasaranKinerja.tercapai): a predikat by its scale's order
    tercapai = [s for s in f.sasaran if s.tercapai]
    belum = [s for s in f.sasaran if s not in tercapai]
    wrong = []
    for m in counts:
        said, negated = int(m.group(1)), m.group(2) is not None
        group = belum if negated else tercapai
        if said != len(group):
            wrong.append(
                _("{said} sasaran {reached}, the data give {n} ({ids})").format(
                    said=said,
                    reached=_("missed the target") if negated else _("reached the target"),
                    n=len(group),
                    ids=", ".join(s.sasaran.id for s in group) or "-",
                )
            )
    if not wrong:
        return []
    return [
        _finding(
            where,
            _("the text counts {wrong}").format(wrong="; ".join(wrong)),
            _(
                "write the counts from the data: \u201c{n} sasaran mencapai target yang telah "
                "ditentukan dan {m} sasaran belum\u201d"
            ).format(n=len(tercapai), m=len(belum)),
            TERCAPAI,
        )
    ]


# ------------------------------------------------------------------ jumlah (M-6, L-31)
_JUMLAH_PEMICU = re.compile(
    r"\b(?:ditetapkan|memiliki|mempunyai|terdiri\s+(?:atas|dari)|ditopang\s+oleh|"
    r"dicapai\s+melalui|dijabarkan\s+(?:dalam|ke\s*dalam))\s+",
    re.IGNORECASE,
)
_JUMLAH = re.compile(
    r"(?:\s*(?:,|dan|serta)\s*)?(\d+)\s*(?:\([a-z ]+\)\s*)?(tujuan|sasaran)\b"
    r"(?!\s+(?:yang\s+)?(?:telah\s+|sudah\s+|belum\s+|tidak\s+)?(?:mencapai|tercapai|berhasil))",
    re.IGNORECASE,
)


def jumlah_findings(where, counts: dict[str, int]) -> list[Finding]:
    """ "telah ditetapkan 1 tujuan dan 1 sasaran" (M-6): a count of the plan's tujuan or sasaran,
    said as what the agency has, against the data. Counts of some of them ("3 sasaran mencapai
    target", `narasi.tercapai`), of programs and kegiatan (a Renstra also counts the previous
    period's) and of indicators (the Simpulan counts them per sasaran) are left alone."""
    wrong = []
    for trigger in _JUMLAH_PEMICU.finditer(where[2]):
        at = trigger.end()
        while m := _JUMLAH.match(where[2], at):
            said, noun = int(m.group(1)), m.group(2).lower()
            if said != counts[noun]:
                wrong.append((said, noun, counts[noun]))
            at = m.end()
    if not wrong:
        return []
    return [
        _finding(
            where,
            _("the text counts {wrong}").format(
                wrong="; ".join(
                    _("{said} {noun}, the plan has {n}").format(said=said, noun=noun, n=n)
                    for said, noun, n in wrong
                )
            ),
            _("write the count from the data: {placeholders}").format(
                placeholders=", ".join(
                    f"\u201c{{{{ n_{noun}|terbilang }}}} {noun}\u201d" for _said, noun, _n in wrong
                )
            ),
            JUMLAH,
        )
    ]


def _rata_sasaran(f: LkjipFigures, where) -> list[Finding]:
    """ "pencapaian kinerja 5 (lima) sasaran tersebut … capaian kinerja rata-rata" (L-31): the
    rata-rata is the mean of the sasaran's indicators; when they are more than the sasaran it
    is not the sasaran's mean, which the sentence leads a reader to take it for."""
    sentence = where[2]
    m = re.search(r"\b(\d+)\s*(?:\([a-z ]+\)\s*)?sasaran\b", sentence, re.IGNORECASE)
    if (
        not m
        or not re.search(r"\brata-rata\b", sentence[m.end() :], re.IGNORECASE)
        or len(f.indikator) == len(f.sasaran)
        or int(m.group(1)) != len(f.sasaran)
        or re.search(
            rf"\b{len(f.indikator)}\s*(?:\([a-z ]+\)\s*)?indikator\b", sentence, re.IGNORECASE
        )  # "rata-rata 6 indikator dari 5 sasaran" says what it runs over
    ):
        return []
    means = [rata_rata(i.capaian for i in s.indikator) for s in f.sasaran]
    known = [v for v in means if v is not None]
    mean = rata_rata(known) if known else None
    return [
        _finding(
            where,
            _(
                "the text gives the capaian rata-rata of {n} sasaran, but it is the mean of "
                "{m} indicators{of_sasaran}"
            ).format(
                n=len(f.sasaran),
                m=len(f.indikator),
                of_sasaran=_(" (the mean of the {n} sasaran's capaian is {mean})").format(
                    n=len(f.sasaran), mean=persen(mean)
                )
                if mean is not None
                else "",
            ),
            _(
                "say what the mean runs over: \u201ccapaian kinerja rata-rata {m} indikator "
                "dari {n} sasaran sebesar {{{{ rata_rata }}}}\u201d"
            ).format(m=len(f.indikator), n=len(f.sasaran)),
            JUMLAH,
        )
    ]


# ------------------------------------------------------------------------- banding (L-32)
_BANDING = re.compile(
    r"\blebih\s+(rendah|kecil|tinggi|besar)\s+(?:(?:di)?banding(?:kan)?(?:\s+dengan)?|daripada|dari)\s+"
    r"(?:(target|realisasi|capaian)\s+)?(?:(?:pada|di)\s+)?(?:tahun\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_UKURAN = re.compile(r"\b(target|penargetan|realisasi|capaian)\b", re.IGNORECASE)
_TAHUN = re.compile(r"\b((?:19|20)\d{2})\b")


def _banding(f: LkjipFigures, where) -> list[Finding]:
    sentence = where[2]
    m = _BANDING.search(sentence)
    if not m:
        return []
    before = sentence[: m.start()]
    years = _TAHUN.findall(before)
    measures = _UKURAN.findall(before)
    indikator = list(f.indikator)
    named = _named(before, nama_pendek([(i.indikator.nama, i.indikator.id) for i in indikator]))
    if not years or not measures or not named:
        return []
    i = next(x for x in indikator if x.indikator.id == named[-1].kunci)
    subject = "target" if measures[-1].lower() in ("target", "penargetan") else measures[-1].lower()
    year, base_year = int(years[-1]), int(m.group(3))
    base_measure = (m.group(2) or subject).lower()
    value = _nilai(f, i, subject, year)
    base = _nilai(f, i, base_measure, base_year)
    if value is None or base is None:
        return []
    lower = m.group(1).lower() in ("rendah", "kecil")
    if (value < base) if lower else (value > base):
        return []
    alt_measure = "realisasi" if base_measure == "target" else "target"
    alt = _nilai(f, i, alt_measure, base_year)
    holds_alt = alt is not None and ((value < alt) if lower else (value > alt))
    message = _(
        "the text says the {measure} {year} of {name} ({value}) is {cmp} than {year2}, but the "
        "{measure2} {year2} is {base}"
    ).format(
        measure=subject,
        year=year,
        name=pendek(i.indikator.nama, 50),
        value=angka(value),
        cmp=_("lower") if lower else _("higher"),
        year2=base_year,
        measure2=base_measure,
        base=angka(base),
    )
    if holds_alt:
        message += _("; it holds only against the {alt} {year2} ({value})").format(
            alt=alt_measure, year2=base_year, value=angka(alt)
        )
    hint = _(
        "name both sides: \u201c{measure} tahun {year} ({value}) lebih {cmp} dari {alt} tahun {year2} ({base})\u201d"
    ).format(
        measure=subject,
        year=year,
        value=angka(value),
        cmp=m.group(1).lower(),
        alt=alt_measure if holds_alt else base_measure,
        year2=base_year,
        base=angka(alt if holds_alt else base),
    )
    return [_finding(where, message, hint, BANDING)]


def _nilai(f: LkjipFigures, i, ukuran: str, year: int) -> Decimal | None:
    """An indicator's target, realisasi or capaian of a year: the plan's targets, the report
    year's measurement, earlier years from the history (Tabel 3.3)."""
    if ukuran == "target" and year in i.indikator.target:
        return i.indikator.target[year]
    if year == f.tahun:
        return getattr(i, ukuran, None)
    for row in f.riwayat:
        if row.indikator == i.indikator.nama and year in row.tahun:
            return getattr(row.tahun[year], ukuran, None)
    return None
