"""Claims the narrative of a Renstra makes in words, tested against its figures (RENSTRA-SPEC C9:
M-4, M-5, M-6, B-23; the claim kinds of check/klaim.py read in BAB II, IV and VII).

A Renstra speaks of the previous period's T-C.23 rows (realisasi, and the rasio as capaian) and
T-C.24 totals (anggaran, realisasi anggaran, rasio), and counts its own tujuan and sasaran:

- `narasi.tren`: "… meningkat setiap tahun" while a step of the series it names falls or stays;
  "capaian … mencapai 100% setiap tahunnya" while a year is another value;
- `narasi.kenaikan`: "terdapat kenaikan … sebesar 24,30%" between two years (M-4) while the
  series rose by another amount, in points or relative to the first year; "meningkat menjadi
  71,7%" (M-5) while the year's value is another; a rise that was a fall;
- `narasi.nilai`: "Pada tahun 2019 lanjut usia terlantar … hanya sebesar 32%" (M-5) while the
  realisasi of the indicator the sentence names, that year, is another (no term such as
  "realisasi" introduces the number, so `narasi.angka` does not read it);
- `narasi.target`: "selalu mencapai targetnya setiap tahun" while a year's rasio is below 100;
- `narasi.kisaran`: "anggaran … berada dalam kisaran 6M hingga 8M" (B-23) while a year's total
  lies outside, at the precision printed;
- `narasi.jumlah` (klaim.jumlah_findings): "telah ditetapkan 1 tujuan dan 1 sasaran" (M-6) while
  the plan has another number.

A sentence names a T-C.23 indicator by the first words of its name, with or without its leading
measure word ("lanjut usia terlantar …" for "Persentase lanjut usia terlantar …"); a sentence that
names none speaks of the one its paragraph last named (the seeds name the indicator in a list
item's first sentence and say "indikator ini" after). Only typed words are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ..compute.renstra import RenstraFigures
from ..compute.tren import KATA, tren
from ..errors import display_path
from ..i18n import _
from ..model.nilai import angka_of
from ..numbers import angka, persen, rupiah
from .findings import Finding, differs, pendek
from .klaim import (
    TARGET,
    TREN,
    _TREN,
    Deret,
    Disebut,
    _finding,
    _named,
    jumlah_findings,
    nama_pendek,
    tren_finding,
    ukuran_of,
)
from .bilangan import ANGKA, bilangan
from .prosa import _NUMBER, _measures, kalimat

KENAIKAN = "narasi.kenaikan"
NILAI = "narasi.nilai"
KISARAN = "narasi.kisaran"

_UKURAN_AWAL = re.compile(
    r"^(persentase|jumlah|rasio|indeks|tingkat|angka|cakupan|nilai|proporsi)\s+", re.IGNORECASE
)


def deret_renstra(f: RenstraFigures) -> list[Deret]:
    """The T-C.23 rows as series: realisasi and rasio (capaian) of the years shown."""
    out = []
    for row in f.pelayanan:
        i = row.indikator
        years = sorted(set(i.realisasi) | set(row.rasio))
        realisasi = tuple((y, v) for y in years if (v := angka_of(i.realisasi.get(y))) is not None)
        capaian = tuple((y, v) for y in years if (v := row.rasio.get(y)) is not None)
        out.append(Deret(i.nama, realisasi, capaian))
    return out


def _names(rows: Sequence[Deret]) -> list[Disebut]:
    """Each row by its shortest telling prefix, and again without its leading measure word."""
    full = nama_pendek([(r.nama, str(k)) for k, r in enumerate(rows)])
    bare = nama_pendek(
        [
            (_UKURAN_AWAL.sub("", r.nama), str(k))
            for k, r in enumerate(rows)
            if _UKURAN_AWAL.match(r.nama)
        ]
    )
    return full + bare


def klaim_renstra(c, f: RenstraFigures) -> list[Finding]:
    """Every claim finding of the narrative of a Renstra."""
    rows = deret_renstra(f)
    names = _names(rows)
    counts = {k: f.counts[k] for k in ("tujuan", "sasaran")}
    # "Meningkatnya kesejahteraan PMKS" names a sasaran; it says nothing rose
    plan = [t.uraian for t in c.rencana.tujuan] + [
        s.uraian for t in c.rencana.tujuan for s in t.sasaran
    ]
    out: list[Finding] = []
    for _key, n in sorted(c.narasi.items()):
        path = display_path(n.path)
        lines = n.text.split("\n")
        subject: list[Deret] = []
        last = 0
        for line, sentence in kalimat(n.text):
            if _new_paragraph(lines, last, line):
                subject = []
            last = line
            named = [rows[int(d.kunci)] for d in _named(sentence, names)]
            subject = named or subject
            where = (path, line, sentence)
            out += _tren(where, subject)
            out += _setiap_tahun(where, subject)
            out += _kenaikan(where, subject, _blanked(sentence, plan))
            out += _nilai(where, named, _blanked(sentence, plan))
            out += _target(where, subject)
            out += _kisaran(where, f)
            out += jumlah_findings(where, counts)
    return out


def _new_paragraph(lines: list[str], last: int, line: int) -> bool:
    """Whether `line` starts a paragraph after `last` (1-based): the first, one after a blank
    line, or a heading. A list item goes on with the paragraph that leads into it (003 line
    571: the indicator is named, then "Hal ini terjadi karena:" and the items)."""
    if line == last:
        return False
    between = lines[last : line - 1] if last else []
    return (
        not last or any(not x.strip() for x in between) or lines[line - 1].lstrip().startswith("#")
    )


# ------------------------------------------------------------------------------------ tren
def _tren(where, subject: Sequence[Deret]) -> list[Finding]:
    m = _TREN.search(where[2])
    return tren_finding(where, m, subject) if m else []


_SETIAP_TAHUN = re.compile(
    r"\bmencapai\s+(" + ANGKA + r")\s*(?:%|persen)\s+(?:di\s+)?(?:setiap|tiap)\s+tahun(?:nya)?\b",
    re.IGNORECASE,
)


def _setiap_tahun(where, subject: Sequence[Deret]) -> list[Finding]:
    """ "capaian kinerja mencapai 100% setiap tahunnya" (003 line 585): every year's value."""
    m = _SETIAP_TAHUN.search(where[2])
    if not m or not subject:
        return []
    claimed = bilangan(m.group(1), True)
    if claimed is None:
        return []
    ukuran = ukuran_of(where[2][: m.start()])
    wrong = [(row, y, v) for row in subject for y, v in row.of(ukuran) if differs(claimed, v)]
    if not wrong:
        return []
    row = wrong[0][0]
    return [
        _finding(
            where,
            _("the text says {measure} is {claimed}% every year, but {wrong}").format(
                measure=ukuran,
                claimed=angka(claimed),
                wrong="; ".join(f"{pendek(r.nama, 50)} {y}: {angka(v, 2)}" for r, y, v in wrong),
            ),
            _("write what the series does: \u201c{measure} {name} {said}\u201d").format(
                measure=ukuran.capitalize(), name=row.nama, said=_said(row.of(ukuran))
            ),
            TREN,
        )
    ]


def _said(series: list[tuple[int, Decimal]]) -> str:
    direction = tren([v for _y, v in series])
    values = "; ".join(angka(v, 2) for _y, v in series)
    return f"{KATA[direction]} ({values})" if direction else values


# -------------------------------------------------------------------------------- kenaikan
_ARAH = re.compile(
    r"\b(kenaikan|peningkatan|meningkatnya|meningkat|naik|penurunan|menurunnya|menurun|turun)\b",
    re.IGNORECASE,
)
_TAHUN = re.compile(r"\b((?:19|20)\d{2})\b")
_NAMA_SASARAN = re.compile(
    r"\b(?:sasaran|tujuan)(?:\s+strategis)?(?:\s+(?:yaitu|yakni|adalah))?\s*[\"\u201c]?\s*$",
    re.IGNORECASE,
)
_SEBESAR = re.compile(r"^\D{0,40}?\bsebesar\s+(" + ANGKA + r")\s*(%|persen|poin)?", re.IGNORECASE)
_MENJADI = re.compile(r"^\D{0,40}?\bmenjadi\s+(" + ANGKA + r")\s*(%|persen)?", re.IGNORECASE)


def _blanked(sentence: str, names: Sequence[str]) -> str:
    """`sentence` with the names in it blanked, case aside (positions kept)."""
    low = sentence.lower()
    for name in names:
        at = low.find(name.lower())
        while name and at >= 0:
            sentence = sentence[:at] + " " * len(name) + sentence[at + len(name) :]
            at = low.find(name.lower(), at + len(name))
    return sentence


def _kenaikan(where, subject: Sequence[Deret], plain: str) -> list[Finding]:
    """A change between two years said of one T-C.23 series: its direction, the amount it says
    ("sebesar"), the value it reaches ("menjadi"). With one year named, from the year before.
    `plain` is the sentence with the plan's tujuan and sasaran blanked."""
    sentence = where[2]
    # "sasaran strategis meningkatnya kesejahteraan …" names a sasaran, in other words than the plan's
    m = next(
        (x for x in _ARAH.finditer(plain) if not _NAMA_SASARAN.search(plain[: x.start()])), None
    )
    if not m or len(subject) != 1 or _TREN.search(sentence) or _SETIAP_TAHUN.search(sentence):
        return []
    row = subject[0]
    ukuran = (
        ukuran_of(sentence[: m.start()])
        if re.search(r"capaian|rasio|realisasi", sentence[: m.end() + 40], re.IGNORECASE)
        else "realisasi"
    )
    if re.search(r"\b(capaian|rasio)\b", sentence[m.end() : m.end() + 30], re.IGNORECASE):
        ukuran = "capaian"
    series = dict(row.of(ukuran))
    # the years after the word when it names two ("meningkat dari 4,83% pada 2019 menjadi
    # 5,90% pada 2020", after "berfluktuasi selama 2016-2020"), else the sentence's
    years = sorted({int(y) for y in _TAHUN.findall(sentence[m.end() :])})
    if len(years) != 2:
        years = sorted({int(y) for y in _TAHUN.findall(sentence)})
    if len(years) == 1:
        earlier = [y for y in series if y < years[0]]
        years = [max(earlier), years[0]] if earlier else []
    if len(years) != 2 or any(y not in series for y in years):
        return []
    y1, y2 = years
    a, b = series[y1], series[y2]
    naik = m.group(1).lower() in ("kenaikan", "peningkatan", "meningkatnya", "meningkat", "naik")
    after = sentence[m.end() :]
    # an amount said right after the word, with no year between ("kenaikan … sebesar 24,30%")
    amount = _SEBESAR.match(after)
    if amount and _TAHUN.search(after[: amount.start(1)]):
        amount = None
    reached = _MENJADI.match(after)
    # a unit after the amount makes a dotted figure a decimal ("sebesar 5.90%", bilangan.py)
    said_amount = bilangan(amount.group(1), amount.group(2) is not None) if amount else None
    said_reached = bilangan(reached.group(1), reached.group(2) is not None) if reached else None
    wrong = []
    if (b <= a) if naik else (b >= a):
        wrong.append(
            _("{measure} {goes} {a} ({y1}) \u2192 {b} ({y2})").format(
                measure=ukuran,
                goes=_("falls") if b < a else (_("stays") if b == a else _("rises")),
                a=angka(a, 2),
                y1=y1,
                b=angka(b, 2),
                y2=y2,
            )
        )
    elif amount and said_amount is not None:
        points = abs(b - a)
        relative = abs(b - a) / a * 100 if a else None
        if differs(said_amount, points) and (relative is None or differs(said_amount, relative)):
            wrong.append(
                _(
                    "{measure} {goes} by {points} points ({a} \u2192 {b}){relative}, not {said}"
                ).format(
                    measure=ukuran,
                    goes=_("rose") if naik else _("fell"),
                    points=angka(points, 2),
                    a=angka(a, 2),
                    b=angka(b, 2),
                    relative=_(", {value}% of the {year} value").format(
                        value=angka(relative, 2), year=y1
                    )
                    if relative is not None
                    else "",
                    said=amount.group(1),
                )
            )
    if reached and said_reached is not None and not wrong and differs(said_reached, b):
        wrong.append(
            _("{measure} {year} is {value}, not {said}").format(
                measure=ukuran, year=y2, value=angka(b, 2), said=reached.group(1)
            )
        )
    if not wrong:
        return []
    # the sentence the table makes true, in the document's Indonesian
    if b == a:
        true = f"{ukuran.capitalize()} {row.nama} tetap {angka(a, 2)} pada tahun {y1} dan {y2}"
    else:
        true = (
            f"{ukuran.capitalize()} {row.nama} {'naik' if b > a else 'turun'} "
            f"{angka(abs(b - a), 2)} poin dari {angka(a, 2)} pada tahun {y1} menjadi "
            f"{angka(b, 2)} pada tahun {y2}"
        )
    return [
        _finding(
            where,
            _("the text says the {measure} of {name} {goes} from {y1} to {y2}, but {wrong}").format(
                measure=ukuran,
                name=pendek(row.nama, 50),
                goes=_("rose") if naik else _("fell"),
                y1=y1,
                y2=y2,
                wrong="; ".join(wrong),
            ),
            _("write the change from the table: \u201c{sentence}\u201d").format(sentence=true),
            KENAIKAN,
        )
    ]


# ----------------------------------------------------------------------------------- nilai
_MENYEBUT = re.compile(r"\b(?:sebesar|mencapai|hanya|yaitu|adalah)\s*$", re.IGNORECASE)


def _nilai(where, named: Sequence[Deret], plain: str) -> list[Finding]:
    """ "Pada tahun 2019 lanjut usia terlantar yang mendapat rehabilitasi hanya sebesar 32%"
    (M-5): a percentage said of the one T-C.23 indicator the sentence itself names, in the one
    year it names, with no term before it (a term's number is narasi.angka's) and no change
    (narasi.kenaikan's): its realisasi that year, at the precision printed."""
    sentence = where[2]
    years = {int(y) for y in _TAHUN.findall(sentence)}
    if len(named) != 1 or len(years) != 1 or _ARAH.search(plain):
        return []
    (year,) = years
    value = dict(named[0].realisasi).get(year)
    if value is None:
        return []
    for m in _NUMBER.finditer(sentence):
        before = sentence[: m.start()]
        if (
            m.group(1)
            or (m.group(3) or "").strip().lower() not in ("%", "persen")
            or not _MENYEBUT.search(before)
            or _measures(" ".join(before.lower().split()[-16:]))
        ):
            continue
        said = bilangan(m.group(2), True)
        if said is None or not differs(said, value):
            continue
        row = named[0]
        return [
            _finding(
                where,
                _(
                    "the text says {name} was {said} in {year}, but its T-C.23 realisasi is {value}"
                ).format(
                    name=pendek(row.nama, 50),
                    said=m.group(0).strip(),
                    year=year,
                    value=angka(value, 2),
                ),
                _(
                    "quote the table: \u201cpada tahun {year} realisasi {name} sebesar {value}%\u201d"
                ).format(year=year, name=row.nama, value=angka(value, 2)),
                NILAI,
            )
        ]
    return []


# ---------------------------------------------------------------------------------- target
_MENCAPAI_TARGET = re.compile(
    r"\b(belum|tidak|tak)?\s*(?:selalu\s+|telah\s+|sudah\s+|berhasil\s+)?(?:dapat\s+)?"
    r"mencapai\s+target(?:nya)?\b",
    re.IGNORECASE,
)


def _target(where, subject: Sequence[Deret]) -> list[Finding]:
    """ "… selalu mencapai targetnya setiap tahun": the rasio of every year (or of the years the
    sentence names) is at least 100."""
    sentence = where[2]
    m = _MENCAPAI_TARGET.search(sentence)
    if not m or m.group(1) or not subject:
        return []
    years = {int(y) for y in _TAHUN.findall(sentence)}
    missed = [
        (row, y, v)
        for row in subject
        for y, v in row.capaian
        if (not years or y in years) and v < 100
    ]
    if not missed:
        return []
    return [
        _finding(
            where,
            _("the text says the target was reached, but {missed}").format(
                missed="; ".join(
                    _("the rasio {year} of {name} is {value}").format(
                        year=y, name=pendek(r.nama, 50), value=persen(v)
                    )
                    for r, y, v in missed
                )
            ),
            _("name the years that reached it: \u201ccapaian {name} {said}\u201d").format(
                name=missed[0][0].nama, said=_said(missed[0][0].of("capaian"))
            ),
            TARGET,
        )
    ]


# --------------------------------------------------------------------------------- kisaran
_KISARAN = re.compile(
    r"\bkisaran\s+(?:Rp\.?\s*)?(\d+(?:,\d+)?)\s*(M|milyar|miliar|juta|jt)?\s*"
    r"(?:hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|-|\u2013)\s*(?:Rp\.?\s*)?(\d+(?:,\d+)?)\s*"
    r"(M|milyar|miliar|juta|jt)\b",
    re.IGNORECASE,
)
_SKALA = {"m": 9, "milyar": 9, "miliar": 9, "juta": 6, "jt": 6}


def _kisaran(where, f: RenstraFigures) -> list[Finding]:
    """ "anggaran … berada dalam kisaran 6M hingga 8M" (B-23): every year's T-C.24 total within
    the range, each rounded to the printed precision first."""
    sentence = where[2]
    m = _KISARAN.search(sentence)
    t = f.anggaran_total
    if not m or t is None:
        return []
    before = sentence[: m.start()].lower()
    if "anggaran" not in before:
        return []
    field = "realisasi" if "realisasi" in before else "anggaran"
    series = [(y, v) for y, v in sorted(getattr(t, field).items()) if v is not None]
    if not series:
        return []
    scale = Decimal(10) ** _SKALA[(m.group(4) or "").lower()]
    low, high = (Decimal(m.group(k).replace(",", ".")) for k in (1, 3))
    places = max(len(m.group(k).partition(",")[2]) for k in (1, 3))
    step = Decimal(1).scaleb(-places)
    outside = [(y, v) for y, v in series if not low <= (v / scale).quantize(step) <= high]
    if not outside:
        return []
    (ymin, vmin), (ymax, vmax) = min(series, key=lambda x: x[1]), max(series, key=lambda x: x[1])
    word = m.group(4)
    return [
        _finding(
            where,
            _(
                "the text says the {field} lies between {low} and {high}, but T-C.24 gives {outside}"
            ).format(
                field=_("realisasi anggaran") if field == "realisasi" else "anggaran",
                low=m.group(1) + word,
                high=m.group(3) + word,
                outside="; ".join(f"{rupiah(v)} ({y})" for y, v in outside),
            ),
            _(
                "write the range of the table: \u201cberada dalam kisaran {low}{word} ({ymin}) hingga "
                "{high}{word} ({ymax})\u201d"
            ).format(
                low=angka(vmin / scale, 2),
                high=angka(vmax / scale, 2),
                word=word if len(word) > 1 else " " + word,
                ymin=ymin,
                ymax=ymax,
            ),
            KISARAN,
        )
    ]
