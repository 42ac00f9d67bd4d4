"""The formula of a declared column: numbers, column ids, + - * / and parentheses, in Decimal;
anything else refused when loaded, never evaluated."""

from decimal import Decimal

import pytest

from laporgen.compute.rumus import hitung
from laporgen.model.rumus import RumusError, names_in, parse_rumus


def test_formulas_compute_in_decimal():
    values = {
        "realisasi": Decimal("87.45"),
        "target": Decimal("88"),
        "a": Decimal("0.1"),
        "b": Decimal("0.2"),
    }
    assert hitung("realisasi / target * 100", values) == Decimal("99.375")
    assert hitung("a + b", values) == Decimal("0.3")  # not 0.30000000000000004
    assert hitung("-(a - b) * 2.5", values) == Decimal("0.25")
    assert hitung("(2 * target - realisasi) / target * 100", values) == Decimal("100.625")


def test_text_a_missing_cell_or_division_by_zero_give_no_number():
    assert hitung("r / t * 100", {"r": Decimal(5), "t": Decimal(0)}) is None
    assert hitung("r / t", {"r": Decimal(5), "t": "N.a"}) is None
    assert hitung("r + t", {"r": Decimal(5)}) is None
    assert hitung("r + t", {"r": Decimal(5), "t": True}) is None


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('x')",
        "a ** 2",
        "a // 2",
        "a % 2",
        "f(a)",
        "a.b",
        "a if b else c",
        "[a]",
        "'text'",
        "a and b",
        "a < b",
        "True + 1",
        "a +",
        "lambda: 1",
    ],
)
def test_anything_else_is_refused(text):
    with pytest.raises(RumusError):
        parse_rumus(text)


def test_names_in_a_formula():
    assert sorted(set(names_in("(realisasi23 - target23) / target23 * 100"))) == [
        "realisasi23",
        "target23",
    ]
