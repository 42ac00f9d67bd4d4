"""Indonesian display of numbers (DOMAIN.md §4 "Numbers in text", LKJIP-SPEC §3.0, §6)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laporgen.numbers import (
    KOSONG,
    angka,
    angka_terbilang,
    bulatkan,
    nilai,
    ordinal,
    ordinal_kata,
    parse_angka,
    persen,
    rupiah,
    tanggal,
    terbilang,
)

# Any sign, any scale (including positive exponents such as 1.2E+4) within a sane range.
DECIMALS = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=-8, max_value=4),
)
INDONESIAN_NUMBER = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?")


# ------------------------------------------------------------------------------------ angka
@pytest.mark.parametrize(
    ("value", "desimal", "expected"),
    [
        pytest.param(Decimal("1234567"), None, "1.234.567", id="thousands dot"),
        pytest.param(Decimal("1234567.89"), None, "1.234.567,89", id="thousands dot decimal comma"),
        pytest.param(Decimal("92.5"), 2, "92,50", id="LKjIP Magetan 2024 Tabel 4.1 IS2.1 92,50"),
        pytest.param(
            Decimal("0.259"),
            None,
            "0,259",
            id="LKjIP Magetan 2024 Tabel 3.2 IS2.1 input keeps 0,259",
        ),
        pytest.param(
            Decimal("0.038"),
            None,
            "0,038",
            id="LKjIP Magetan 2024 Tabel 3.2 IS3.1 input keeps 0,038",
        ),
        pytest.param(
            Decimal("5.30"),
            None,
            "5,30",
            id="LKjIP Magetan 2024 Tabel 3.2 IS4.1 trailing zero kept",
        ),
        pytest.param(
            Decimal("-0.3894736842"),
            2,
            "-0,39",
            id="LKjIP Magetan 2024 F10.S3fix negative efisiensi",
        ),
        pytest.param(-12, None, "-12", id="LKjIP Magetan 2024 Tabel 1.1 kekurangan -12"),
        pytest.param(-43, None, "-43", id="LKjIP Magetan 2024 Tabel 1.1 Jumlah -43"),
        pytest.param(Decimal("-1234567.891"), None, "-1.234.567,891", id="negative with groups"),
        pytest.param(Decimal("999"), None, "999", id="three digits no separator"),
        pytest.param(Decimal("1000"), None, "1.000", id="four digits one separator"),
        pytest.param(Decimal("1E+3"), None, "1.000", id="positive exponent written out"),
        pytest.param(0, None, "0", id="zero"),
        pytest.param(Decimal("100"), 2, "100,00", id="computed value fixed two decimals"),
        pytest.param(
            Decimal("2877939319"), 0, "2.877.939.319", id="LKjIP Magetan 2024 Tabel 1.4 Peralatan"
        ),
    ],
)
def test_angka_uses_dot_thousands_and_comma_decimals(value, desimal, expected):
    assert angka(value, desimal) == expected


def test_angka_of_none_is_a_dash():
    assert angka(None) == "-"
    assert KOSONG == "-"


@pytest.mark.parametrize(
    "value",
    [Decimal("-0.001"), Decimal("-0.004999"), Decimal("-0.0049")],
    ids=["-0,001", "-0,004999", "-0,0049"],
)
def test_angka_never_prints_minus_zero(value):
    assert angka(value, 2) == "0,00"


# ------------------------------------------------------------------------- bulatkan / ties
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(Decimal("0.125"), Decimal("0.13"), id="0,125 half-even gives 0,12"),
        pytest.param(Decimal("-0.125"), Decimal("-0.13"), id="-0,125 half-even gives -0,12"),
        pytest.param(Decimal("0.005"), Decimal("0.01"), id="0,005 half-even gives 0,00"),
        pytest.param(Decimal("2.665"), Decimal("2.67"), id="2,665 half-even gives 2,66"),
        pytest.param(Decimal("99.365"), Decimal("99.37"), id="99,365 half-even gives 99,36"),
        pytest.param(Decimal("100.105"), Decimal("100.11"), id="100,105 half-even gives 100,10"),
    ],
)
def test_bulatkan_rounds_ties_half_up_where_half_even_differs(value, expected):
    assert bulatkan(value) == expected
    # the case is a real discriminator: banker's rounding would print something else
    assert value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) != expected


def test_bulatkan_rounds_the_exact_decimal_not_a_float():
    # float(2.675) is 2.67499999…, so round(2.675, 2) == 2.67; the exact Decimal is a tie.
    assert round(2.675, 2) == 2.67
    assert bulatkan(Decimal("2.675")) == Decimal("2.68")
    assert angka(Decimal("2.675"), 2) == "2,68"


def test_persen_rounds_the_tingkat_kemajuan_tie_half_up():
    """LKJIP-SPEC F7.tie: 87,45 / 88 × 100 = 99,375 exactly, printed 99,38."""
    value = Decimal("87.45") / Decimal("88") * 100
    assert value == Decimal("99.375")
    assert persen(value) == "99,38"


@pytest.mark.parametrize(
    ("value", "desimal", "expected"),
    [
        pytest.param(Decimal("99.375"), 2, Decimal("99.38"), id="2 dp"),
        pytest.param(Decimal("0.2585"), 3, Decimal("0.259"), id="3 dp"),
        pytest.param(Decimal("92.5"), 0, Decimal("93"), id="0 dp"),
        pytest.param(
            Decimal("108.6235294"), 2, Decimal("108.62"), id="LKjIP Magetan 2024 F3.5.1 108,62"
        ),
    ],
)
def test_bulatkan_rounds_to_the_given_places(value, desimal, expected):
    result = bulatkan(value, desimal)
    assert result == expected
    assert result.as_tuple().exponent == -desimal


# ------------------------------------------------------------------------ persen / rupiah
@pytest.mark.parametrize(
    ("value", "tanda", "expected"),
    [
        pytest.param(Decimal("92.5"), False, "92,50", id="LKjIP Magetan 2024 Tabel 3.6 IS2.1"),
        pytest.param(Decimal("92.5"), True, "92,50%", id="with sign, no space"),
        pytest.param(Decimal("100"), False, "100,00", id="fixed two decimals"),
        pytest.param(
            Decimal("97.59683"), True, "97,60%", id="LKjIP Magetan 2024 F8.T2 serapan 97,60%"
        ),
        pytest.param(None, False, "-", id="no number"),
        pytest.param(None, True, "-", id="no number, no percent sign"),
    ],
)
def test_persen_prints_two_decimals(value, tanda, expected):
    assert persen(value, tanda) == expected


@pytest.mark.parametrize(
    ("value", "awalan", "expected"),
    [
        pytest.param(
            Decimal("24175862284"),
            True,
            "Rp 24.175.862.284",
            id="LKjIP Magetan 2024 line 244 alokasi",
        ),
        pytest.param(23594861370, True, "Rp 23.594.861.370", id="LKjIP Magetan 2024 line 1072 int"),
        pytest.param(
            Decimal("24175862284.00"), True, "Rp 24.175.862.284", id="zero sen not printed"
        ),
        pytest.param(
            Decimal("5215862284"), False, "5.215.862.284", id="bare figure for an (Rp) column"
        ),
        pytest.param(
            Decimal("1500.5"), True, "Rp 1.500,50", id="decimals where the amount has them"
        ),
        pytest.param(Decimal("1000"), True, "Rp 1.000", id="round thousand keeps its zeros"),
        pytest.param(None, True, "-", id="no amount"),
    ],
)
def test_rupiah_format(value, awalan, expected):
    assert rupiah(value, awalan) == expected


# ------------------------------------------------------------------------------ nilai
@pytest.mark.parametrize(
    ("value", "satuan", "expected"),
    [
        pytest.param(Decimal("99.88"), "persen", "99,88%", id="LKjIP Magetan 2024 IS1.1 persen"),
        pytest.param(
            Decimal("0.259"), "Persen", "0,259%", id="LKjIP Magetan 2024 IS2.1 keeps 0,259"
        ),
        pytest.param(Decimal("7.28"), "%", "7,28%", id="LKjIP Magetan 2024 Tabel 2.6 % unit"),
        pytest.param(Decimal("92.33"), "Nilai", "92,33", id="LKjIP Magetan 2024 IS5.1 Nilai SAKIP"),
        pytest.param(Decimal("87.45"), "Indeks", "87,45", id="LKjIP Magetan 2024 IS5.2 IKM"),
        pytest.param(
            Decimal("54"), "Dokumen", "54 Dokumen", id="LKjIP Magetan 2024 Tabel 3.10 54 Dokumen"
        ),
        pytest.param(Decimal("25"), " Orang ", "25 Orang", id="unit stripped"),
        pytest.param(None, "persen", "-", id="no value"),
    ],
)
def test_nilai_prints_value_with_its_unit(value, satuan, expected):
    assert nilai(value, satuan) == expected


# -------------------------------------------------------------------------- terbilang
@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "satu"),
        (2, "dua"),
        (3, "tiga"),
        (5, "lima"),
        (6, "enam"),
        (7, "tujuh"),
        (9, "sembilan"),
        (11, "sebelas"),
        (19, "sembilan belas"),
        (43, "empat puluh tiga"),
        (67, "enam puluh tujuh"),
        (100, "seratus"),
        (1000, "seribu"),
    ],
    ids=lambda v: f"LKJIP-SPEC 6.2 {v}" if isinstance(v, int) else v,
)
def test_terbilang_in_indonesian_words(n, words):
    assert terbilang(n) == words


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        pytest.param(6, "6 (enam)", id="LKjIP Magetan 2024 line 1023 6 (enam) indikator"),
        pytest.param(5, "5 (lima)", id="LKjIP Magetan 2024 line 1023 5 (lima) sasaran"),
        pytest.param(67, "67 (enam puluh tujuh)", id="DOMAIN 4 67 orang"),
        pytest.param(1000, "1.000 (seribu)", id="figure grouped"),
    ],
)
def test_angka_terbilang_figure_then_words_in_brackets(n, expected):
    assert angka_terbilang(n) == expected


@settings(max_examples=3000, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**18 - 1) | st.integers(min_value=0, max_value=2_000_000)
)
def test_terbilang_writes_what_num2words_writes(n):
    """laporgen's own words (num2words is not imported at run time: it loads every language)
    against the library it replaced, word for word."""
    from num2words import num2words

    assert terbilang(n) == num2words(n, lang="id")


def test_terbilang_negative_is_minus_words():
    assert terbilang(-12) == "minus dua belas"


# --------------------------------------------------------------------------- ordinals
@pytest.mark.parametrize(("n", "expected"), [(1, "ke-1"), (3, "ke-3"), (11, "ke-11")])
def test_ordinal_is_ke_hyphen_number(n, expected):
    assert ordinal(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "pertama"), (2, "kedua"), (5, "kelima"), (10, "kesepuluh"), (11, "ke-11")],
)
def test_ordinal_kata_words_up_to_ten_then_ke_number(n, expected):
    assert ordinal_kata(n) == expected


# ------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    ("date", "gaya", "expected"),
    [
        pytest.param(
            dt.date(2024, 12, 31),
            "panjang",
            "31 Desember 2024",
            id="LKjIP Magetan 2024 Per 31 Desember 2024",
        ),
        pytest.param(
            dt.date(2025, 2, 14),
            "bulan_tahun",
            "Februari 2025",
            id="LKjIP Magetan 2024 Magetan, Februari 2025",
        ),
        pytest.param(
            dt.date(2024, 1, 4), "panjang", "4 Januari 2024", id="day without leading zero"
        ),
        pytest.param(dt.date(2024, 8, 17), "panjang", "17 Agustus 2024", id="Agustus"),
    ],
)
def test_tanggal_uses_indonesian_month_names(date, gaya, expected):
    assert tanggal(date, gaya) == expected


def test_tanggal_default_style_is_panjang():
    assert tanggal(dt.date(2024, 5, 1)) == "1 Mei 2024"


# -------------------------------------------------------------------------- parse_angka
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1.234.567,89", Decimal("1234567.89"), id="groups and decimals"),
        pytest.param(
            "24.175.862.284", Decimal("24175862284"), id="LKjIP Magetan 2024 TOTAL anggaran"
        ),
        pytest.param("-0,39", Decimal("-0.39"), id="negative"),
        pytest.param(" 0,259 ", Decimal("0.259"), id="surrounding space"),
    ],
)
def test_parse_angka_reads_indonesian_numbers(text, expected):
    assert parse_angka(text) == expected


# ----------------------------------------------------------------------------- properties
@given(DECIMALS)
def test_angka_then_parse_angka_round_trips(x):
    assert parse_angka(angka(x)) == x


@given(DECIMALS)
def test_angka_with_two_decimals_has_exactly_two_after_the_comma(x):
    text = angka(x, 2)
    _, sep, frac = text.partition(",")
    assert sep == ","
    assert re.fullmatch(r"\d{2}", frac)
    assert "," not in frac


@given(DECIMALS, st.sampled_from([None, 0, 2]))
def test_angka_thousands_groups_are_three_digits(x, desimal):
    assert INDONESIAN_NUMBER.fullmatch(angka(x, desimal))


@given(DECIMALS)
def test_angka_two_decimals_parses_back_to_the_half_up_rounding(x):
    assert parse_angka(angka(x, 2)) == bulatkan(x)
