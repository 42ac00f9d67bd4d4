"""One comparison of a printed figure with the computed one, at the precision the document
printed, for every document type (issue 15 item 4). A rule with a fixed tolerance (both sides
rounded to 2 decimals, or an absolute 0,01) fails these tests: 201,6 printed for 201,62 is not a
slip; 201,5 and 201,60 are."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from laporgen.build import check
from laporgen.check.findings import desimal_of, differs

ROOT = Path(__file__).resolve().parents[2]
BLITAR = ROOT / "content" / "blitar-dinsos" / "renstra-2021-2026"


@pytest.mark.parametrize(
    "printed, computed, expected",
    [
        (D("201.6"), D("201.62"), False),  # issue 15: one decimal printed, agrees
        (D("201.5"), D("201.62"), True),
        (D("201.60"), D("201.62"), True),  # two decimals printed: 201,62 is another number
        (D(88), D("88.8"), True),  # B-1: truncated, not rounded
        (D("86.4"), D("86.44"), False),
        (D(96), D("95.00"), True),  # L-2
        (D("92.5"), D("92.54"), False),
        (D("9.41"), D("9.4153"), True),  # L-3: truncated at the second decimal
        (D("99.38"), D("99.375"), False),  # half-up, not half-even
        (D("-0.39"), D("-0.3894"), False),
        (None, D(1), False),
        (D(1), None, True),
    ],
    ids=str,
)
def test_differs_at_the_printed_precision(printed, computed, expected):
    assert differs(printed, computed) is expected


def test_decimals_as_printed():
    assert [desimal_of(D(x)) for x in ("201.6", "96", "99.50", "1E+2")] == [1, 0, 2, 0]


def _lkjip_capaian(example_copy: Path, printed: str) -> list[str]:
    path = example_copy / "kinerja.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "    sumber_data: LHE SAKIP Tahun 2024\n",
        f"    sumber_data: LHE SAKIP Tahun 2024\n    tercetak: {{capaian: {printed}}}\n",
    )
    path.write_text(text, encoding="utf-8")
    return [
        f.problem.message
        for f in check(example_copy)
        if f.problem.field == "realisasi.IS5.1.tercetak.capaian"
    ]


@pytest.mark.parametrize(
    "printed, reported", [("108.6", False), ("108.62", False), ("108.60", True), ("108.5", True)]
)
def test_lkjip_compares_at_the_printed_precision(example_copy, printed, reported):
    """IS5.1: 92,33 / 85 x 100 = 108,6235…"""
    messages = _lkjip_capaian(example_copy, printed)
    assert bool(messages) is reported
    if reported:
        assert messages == [
            f"printed {printed.replace('.', ',')}, computed 108,62 (92,33 / 85 x 100)"
        ]


@pytest.mark.parametrize(
    "printed, reported", [("91.3", False), ("91.31", False), ("91.30", True), ("91.1", True)]
)
def test_renstra_compares_at_the_printed_precision(tmp_path, printed, reported):
    """B-2: 8.836.871.162 / 9.677.403.097 x 100 = 91,3146…; the seed printed 91.1."""
    agency = tmp_path / "blitar-dinsos"
    shutil.copytree(BLITAR.parent, agency)
    path = agency / BLITAR.name / "evaluasi.yaml"
    text = path.read_text(encoding="utf-8")
    assert "rasio: {2019: 91.1}" in text
    path.write_text(
        text.replace("rasio: {2019: 91.1}", f"rasio: {{2019: {printed}}}"), encoding="utf-8"
    )
    found = [
        f
        for f in check(agency / BLITAR.name)
        if f.problem.code == "rasio"
        and f.problem.field.endswith("rasio.2019")
        and "T-C.24" in f.problem.message
    ]
    assert bool(found) is reported
