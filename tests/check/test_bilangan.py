"""Figures typed with a decimal dot, as staff paste them from Excel ("5.90%", "92.5 persen",
seed 003 line 571 "sebesar 5.90 %"), read by the narrative checks like "5,90%" and compared at
the precision typed (`check/bilangan.py`); "1.234" stays the Indonesian thousands dot, and an
ambiguous "1.234%" is not read, so it never gives a false finding. And the plan's targets that
BAB IV and BAB VI print, checked where a sentence names the indicator and the year."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from laporgen.build import check
from laporgen.check.bilangan import bilangan

ROOT = Path(__file__).resolve().parents[2]
BLITAR = ROOT / "content" / "blitar-dinsos" / "renstra-2021-2026"
LKJIP = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"
REKAAN = ROOT / "content" / "rekaan-dinsos" / "renstra-2025-2029"


@pytest.mark.parametrize(
    ("typed", "persen", "value"),
    [
        ("5.90", True, Decimal("5.90")),  # Excel's decimal dot, kept at two decimals
        ("92.5", True, Decimal("92.5")),
        ("92,50", True, Decimal("92.50")),
        ("1.234", False, Decimal("1234")),  # the Indonesian thousands dot
        ("1.234.567", False, Decimal("1234567")),
        ("1.234", True, None),  # 1.234% or 1234%: not read
        ("3.1", False, None),  # a section number as likely as a decimal
        ("1.234,56", False, Decimal("1234.56")),
        ("1,234.56", False, Decimal("1234.56")),  # both marks: the last is the decimal
        ("24,175,862,284", False, Decimal("24175862284")),
        ("1.06.02.2.01", False, None),  # a nomenclature code
        ("-1.5", True, Decimal("-1.5")),
    ],
)
def test_bilangan(typed, persen, value):
    read = bilangan(typed, persen)
    assert read == value and (read is None or str(read) == str(value))


def _found(tmp_path: Path, folder: Path, name: str, text: str, codes: tuple[str, ...]) -> list:
    shutil.copytree(folder.parent, tmp_path / folder.parent.name)
    doc = tmp_path / folder.parent.name / folder.name
    path = doc / "narasi" / f"{name}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + text + "\n", encoding="utf-8")
    return [f.problem.message for f in check(doc) if f.problem.code in codes]


# Blitar's narrative (kinerja-pelayanan.akhir.md) as seed 003 typed it, line 571/574
KENAIKAN = "Pada tahun 2020 persentase PMKS yang dibantu dan ditangani meningkat menjadi {value}."


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("5.90%", []),
        ("5.9 persen", []),
        (
            "5.99%",
            [
                "the text says the realisasi of Persentase PMKS yang dibantu dan ditangani rose "
                "from 2019 to 2020, but realisasi 2020 is 5,90, not 5.99"
            ],
        ),
        ("5.900%", []),  # ambiguous: not read
    ],
)
def test_a_dotted_figure_is_read_in_a_claim(tmp_path, value, found):
    messages = _found(
        tmp_path,
        BLITAR,
        "kinerja-pelayanan.akhir",
        KENAIKAN.format(value=value),
        ("narasi.kenaikan",),
    )
    assert [m.split(": \u201c")[0] for m in messages] == found


@pytest.mark.parametrize(
    ("typed", "reported"),
    [("1.93%", True), ("3.31%", False), ("3.3%", False), ("3.30%", True), ("1.930%", False)],
)
def test_a_dotted_figure_is_read_after_a_term(tmp_path, typed, reported):
    """L-5 typed with the dot: efisiensi total is 3,31; "3.3%" agrees at one decimal."""
    messages = _found(
        tmp_path,
        LKJIP,
        "penutup",
        f"Pengukuran mencapai efisiensi kinerja sebesar {typed}.",
        ("narasi.angka",),
    )
    assert bool(messages) == reported, messages
    if reported:
        assert messages[0].startswith(f"the text states {typed}, the data give 3,31")


TARGET = "Target {name} pada tahun {year} sebesar {value}."
IS11 = "persentase PPKS yang terlayani rehabilitasi sosial dasar"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (TARGET.format(name=IS11, year=2026, value="85%"), []),
        (TARGET.format(name=IS11, year=2026, value="85.0%"), []),
        (
            TARGET.format(name=IS11, year=2026, value="86%"),
            [
                "the text states 86%, the data give 85,00 (Renstra target 2026 of 'Persentase "
                "PPKS yang terlayani rehabilitasi sosial dasar')"
            ],
        ),
        (
            TARGET.format(
                name="indeks kepuasan korban bencana atas layanan logistik", year=2027, value="3,4"
            ),
            [
                "the text states 3,4, the data give 3,30 (Renstra target 2027 of 'Indeks "
                "kepuasan korban bencana atas layanan logistik'); 3,4 is another figure's: the "
                "Renstra target 2028 of 'Indeks kepuasan korban bencana atas layanan logistik'"
            ],
        ),
        # no indicator named, or no year: not held to any target
        (TARGET.format(name="kinerja", year=2026, value="86%"), []),
        (f"Target {IS11} sebesar 86%.", []),
    ],
)
def test_a_target_the_plan_prints_is_checked_where_indicator_and_year_are_named(
    tmp_path, sentence, found
):
    messages = _found(tmp_path, REKAAN, "kinerja-urusan", sentence, ("narasi.angka",))
    assert [m.split(": \u201c")[0] for m in messages] == found
