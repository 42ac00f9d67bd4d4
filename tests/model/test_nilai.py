"""Value cells (`model/nilai.py`): a number, a predikat, n.a or `{teks: …}`; text prints as
written and is never computed; the JSON Schema and the loader accept exactly the same values."""

from __future__ import annotations

from decimal import Decimal

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError

from laporgen.compute.kemajuan import Akhir, kondisi_akhir
from laporgen.model.nilai import Isian, Nilai, NilaiTarget, Tertulis, angka_of, nilai_of

VALUES = [
    99.88,
    0,
    -3,
    "92.5",
    " 7 ",
    "BB",
    "A-",
    "Sangat Baik",
    "N.a",
    "n.a",
    "n/a",
    "N/A",
    "n/a*",
    "NA",
    "-",
    "–",
    {"teks": "1.500 KK / 4.500 jiwa"},
    # refused by both
    "92,5",
    "1.000",
    "Rp 1.000",
    "92.5%",
    "17 orang",
    "1.500 KK / 4.500 jiwa",
    "BB1",
    "",
    "   ",
    True,
    None,
    [1],
    {"teks": ""},
    {"teks": "x" * 121},
    {"teks": "a", "x": 1},
    {"nilai": 3},
    1e17,
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_schema_and_the_loader_agree_on_a_value(value):
    adapter = TypeAdapter(Isian)
    try:
        adapter.validate_python(value)
        loader = True
    except ValidationError:
        loader = False
    schema = jsonschema.Draft202012Validator(adapter.json_schema()).is_valid(value)
    assert loader == schema


@pytest.mark.parametrize("value", [*VALUES, {"nilai": 336, "satuan": "Orang/Bulan"}, {"satuan": 3}])
def test_the_schema_and_the_loader_agree_on_a_target(value):
    adapter = TypeAdapter(NilaiTarget)
    try:
        adapter.validate_python(value)
        loader = True
    except ValidationError:
        loader = False
    schema = jsonschema.Draft202012Validator(adapter.json_schema()).is_valid(value)
    assert loader == schema


def test_what_each_value_becomes():
    read = TypeAdapter(NilaiTarget).validate_python
    assert read(99.88) == Decimal("99.88")
    assert read("BB") == Tertulis("BB", "predikat")
    assert read(" n/a* ") == Tertulis("n/a*", "na")
    assert read({"teks": " 1.500 KK / 4.500 jiwa "}) == Tertulis("1.500 KK / 4.500 jiwa", "catatan")
    assert read({"nilai": 336, "satuan": "Orang/Bulan"}) == Nilai(
        nilai=Decimal(336), satuan="Orang/Bulan"
    )
    assert nilai_of(read("BB")) is None and angka_of(read("7")) == Decimal(7)


def test_a_number_typed_wrongly_is_refused_with_its_fix():
    with pytest.raises(ValidationError) as e:
        TypeAdapter(Isian).validate_python("92,5")
    assert "write 92.5" in str(e.value)
    with pytest.raises(ValidationError) as e:
        TypeAdapter(Isian).validate_python("17 orang")
    assert 'write 17 (the indicator\'s satuan applies), or {teks: "17 orang"}' in str(e.value)


def test_text_is_never_computed_but_the_last_target_prints_as_written():
    bb, a = Tertulis("BB", "predikat"), Tertulis("A", "predikat")

    def akhir(target, aturan="last", tahun=None):
        return kondisi_akhir(target, aturan, "persen", tahun).nilai

    assert akhir({2025: bb, 2029: a}) == a
    assert akhir({2025: Decimal(3), 2029: a}, "sum") is None
    assert akhir({2025: Decimal(3), 2029: Decimal(4)}, "sum") == Decimal(7)
    assert akhir({2025: a, 2029: Decimal(4)}, "max") is None
    assert akhir({2025: a, 2029: Decimal(4)}) == Decimal(4)
    # the years are read in order, whatever order the file wrote them in
    assert akhir({2029: a, 2025: Decimal(4)}) == a
    # over a matrix's years: a year without a target is skipped, a later text one is the end
    assert akhir({2025: Decimal(3), 2027: a, 2028: None}, tahun=[2025, 2026, 2027, 2028]) == a
    assert akhir({2025: Decimal(3), 2029: a}, tahun=[2025, 2026]) == Decimal(3)
    # a given value is the kondisi akhir whatever the targets hold
    assert akhir({2025: a}, Decimal(9)) == Decimal(9)
    # a target with its own unit: the last year's number and that year's unit
    assert kondisi_akhir(
        {2025: Decimal(12), 2026: Nilai(nilai=Decimal(336), satuan="Orang/Bulan")}, "last", "bulan"
    ) == Akhir(Decimal(336), "Orang/Bulan")


def test_a_number_with_its_predikat_is_refused_naming_the_forms_that_work():
    """The trial's index printed "76,20 (BB)": `{nilai: 76.2, predikat: BB}` was refused with
    "expected a number, got a mapping; write the number alone", naming neither the predikat nor
    `{teks: …}`. A value is one thing (a number is computed, text is printed as written): the
    message says so and gives each form that works, the note with both written out."""
    both = {"nilai": 76.2, "predikat": "BB"}
    for model in (Isian, NilaiTarget):
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(model).validate_python(both)
        message = caught.value.errors()[0]["msg"]
        assert message.endswith(
            "a value is a number or a predikat, not both: write 76.2 to compute with the number, "
            'BB for the predikat alone, or {teks: "76,2 (BB)"} to print both as written (never '
            "computed)"
        ), message
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Isian).validate_python({"angka": 3})
    assert caught.value.errors()[0]["msg"] == (
        "expected a number, a predikat, n.a or {teks: …}, got a mapping; write the number alone "
        '(92.5), a predikat ("BB"), n.a, or {teks: "…"}'
    )
