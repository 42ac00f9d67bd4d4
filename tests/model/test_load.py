"""`model/load.py` on tiny files: numbers from their literal text, syntax and encoding errors with
their line, and pydantic errors translated into one `Problem` per mistake (file, line, field,
message, hint, code)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from laporgen.errors import LaporgenError, Problem
from laporgen.model.anggaran import IndikatorProgram
from laporgen.model.lkjip import Alokasi, Dukungan, Kinerja, NilaiTahun, Realisasi, Riwayat
from laporgen.model.read import read_data
from laporgen.model.validate import validate
from laporgen.model.renstra import Indikator, Sasaran


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read_problems(path: Path) -> list[Problem]:
    with pytest.raises(LaporgenError) as info:
        read_data(path)
    return info.value.problems


def validate_problems(model, path: Path) -> list[Problem]:
    data, source = read_data(path)
    with pytest.raises(LaporgenError) as info:
        validate(model, data, source)
    return info.value.problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# ------------------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    "name, text",
    [
        ("plain.yaml", "a: 0.259\nb: 5.30\nc: 7\n"),
        ("plain.toml", "a = 0.259\nb = 5.30\nc = 7\n"),
    ],
)
def test_read_data_numbers_are_decimal_from_their_literal_text(tmp_path, name, text):
    data, _ = read_data(write(tmp_path, name, text))
    assert data == {"a": Decimal("0.259"), "b": Decimal("5.30"), "c": 7}
    assert type(data["a"]) is Decimal and type(data["b"]) is Decimal
    assert str(data["a"]) == "0.259"
    assert str(data["b"]) == "5.30"  # the trailing zero is kept for display


def test_validate_keeps_the_literal_decimal_through_the_model(tmp_path):
    path = write(tmp_path, "r.yaml", "nilai: 5.30\n")
    data, source = read_data(path)
    assert str(validate(Realisasi, data, source).nilai) == "5.30"


def test_read_data_records_the_line_of_each_field(tmp_path):
    _, source = read_data(write(tmp_path, "l.yaml", "a: 1\nb:\n  c:\n    - x\n    - y\n"))
    assert source.line_of(("a",)) == 1
    assert source.line_of(("b", "c")) == 3
    assert source.line_of(("b", "c", 1)) == 5
    assert source.line_of(("b", "c", 1, "deeper")) == 5  # longest known prefix


# ----------------------------------------------------------------------- reading problems
def test_yaml_duplicate_key_is_reported_at_the_second_key(tmp_path):
    path = write(tmp_path, "dup.yaml", "a: 1\nb: 2\na: 3\n")
    problem = only(read_problems(path))
    assert problem.line == 3
    assert problem.code == "input.duplicate"
    assert "duplicate key 'a'" in problem.message
    assert problem.file.endswith("dup.yaml")


def test_yaml_duplicate_nested_key_is_reported_at_the_second_key(tmp_path):
    path = write(tmp_path, "dup.yaml", "a:\n  b: 1\n  c: 2\n  b: 3\n")
    problem = only(read_problems(path))
    assert (problem.line, problem.code) == (4, "input.duplicate")
    assert "duplicate key 'b'" in problem.message


def test_toml_duplicate_key_is_reported_at_the_second_key(tmp_path):
    problem = only(read_problems(write(tmp_path, "dup.toml", "a = 1\nb = 2\na = 3\n")))
    assert (problem.line, problem.code) == (3, "input.syntax")


@pytest.mark.parametrize(
    "text, line",
    [
        ("a:\n\tb: 1\n", 2),
        ("a:\n  b: 1\n  c:\n\t  d: 2\n", 4),
        ("items:\n\t- x\n", 2),
    ],
    ids=["mapping", "nested", "list"],
)
def test_yaml_tab_indentation_names_tabs_and_the_line(tmp_path, text, line):
    problem = only(read_problems(write(tmp_path, "tab.yaml", text)))
    assert problem.line == line
    assert problem.code == "input.syntax"
    assert "tabs" in str(problem)


def test_yaml_unclosed_quote_points_at_the_line_where_the_quote_opens(tmp_path):
    """PyYAML reports the end of the file as the problem and the opening quote as the context;
    the line the user must fix is the one with the opening quote."""
    path = write(tmp_path, "q.yaml", 'a: 1\nb: "abc\nc: 2\nd: 3\n')
    problem = only(read_problems(path))
    assert problem.code == "input.syntax"
    assert problem.line == 2, str(problem)


def test_toml_syntax_error_names_its_line(tmp_path):
    problem = only(read_problems(write(tmp_path, "s.toml", 'a = 1\nb = "x\nc = 2\n')))
    assert problem.line == 2
    assert problem.code == "input.syntax"
    assert problem.message.startswith("TOML syntax error:")
    assert "line" not in problem.message  # the line is in the location, not repeated


def test_toml_syntax_error_in_a_table_names_its_line(tmp_path):
    problem = only(read_problems(write(tmp_path, "s.toml", "a = 1\n[t]\nb = = 2\n")))
    assert (problem.line, problem.code) == (3, "input.syntax")


@pytest.mark.parametrize(
    "name, raw",
    [
        ("bom-crlf.yaml", b"\xef\xbb\xbfa: 1\r\nb: 2.50\r\n"),
        ("bom-crlf.toml", b"\xef\xbb\xbfa = 1\r\nb = 2.50\r\n"),
        ("cr.yaml", b"a: 1\rb: 2.50\r"),
    ],
)
def test_bom_and_crlf_are_accepted(tmp_path, name, raw):
    data, source = read_data(write(tmp_path, name, raw))
    assert data == {"a": 1, "b": Decimal("2.50")}
    assert str(data["b"]) == "2.50"
    assert source.line_of(("b",)) == 2


@pytest.mark.parametrize("name", ["latin1.yaml", "latin1.toml"])
def test_non_utf8_bytes_are_an_encoding_problem_with_the_line(tmp_path, name):
    sep = ": " if name.endswith(".yaml") else " = "
    raw = f"a{sep}1\nb{sep}'caf".encode() + b"\xe9'\n"
    problem = only(read_problems(write(tmp_path, name, raw)))
    assert problem.code == "input.encoding"
    assert problem.line == 2
    assert "0xe9" in problem.message
    assert "UTF-8" in (problem.hint or "")


def test_missing_file_is_an_input_file_problem(tmp_path):
    problem = only(read_problems(tmp_path / "nope.yaml"))
    assert problem.code == "input.file"


# ------------------------------------------------------------------------ numbers refused
@pytest.mark.parametrize(
    "literal, fix",
    [
        ('"92,5"', "write 92.5"),
        ("92,5", "write 92.5"),
        ('"92,5%"', "write 92.5"),
        ('"92,5 persen"', "write 92.5"),
    ],
    ids=["quoted", "plain", "percent", "persen"],
)
def test_decimal_comma_gets_a_write_hint(tmp_path, literal, fix):
    path = write(tmp_path, "n.yaml", f"target: 1\nrealisasi: {literal}\n")
    problem = only(validate_problems(NilaiTahun, path))
    assert (problem.line, problem.field, problem.code) == (2, "realisasi", "input.type")
    assert "expected a number" in problem.message
    assert f"; {fix} " in str(problem)


@pytest.mark.parametrize(
    "literal, fix",
    [
        ('"Rp 1.000"', "write 1000 "),
        ('"Rp. 1.000.000"', "write 1000000 "),
        ("Rp 1.000.000,50", "write 1000000.50 "),
        ('"1.250.000"', "write 1250000 "),
    ],
)
def test_rupiah_with_thousands_dots_gets_a_write_hint(tmp_path, literal, fix):
    path = write(tmp_path, "rp.yaml", f"pagu: {literal}\nrealisasi: 5\n")
    problem = only(validate_problems(Alokasi, path))
    assert (problem.line, problem.field, problem.code) == (1, "pagu", "input.type")
    assert fix in str(problem)


def test_text_in_a_number_field_gets_a_generic_hint(tmp_path):
    # (a history year's target and realisasi may be a predikat; a program indicator's are numbers)
    text = "nama: Jumlah dokumen\nsatuan: dokumen\ntarget: 4\nrealisasi: sembilan puluh\n"
    problem = only(validate_problems(IndikatorProgram, write(tmp_path, "n.yaml", text)))
    assert (problem.line, problem.field) == (4, "realisasi")
    assert "e.g. 92.5" in str(problem)


def test_negative_rupiah_is_refused(tmp_path):
    path = write(tmp_path, "rp.yaml", "pagu: -5\nrealisasi: 5\n")
    problem = only(validate_problems(Alokasi, path))
    assert (problem.line, problem.field) == (1, "pagu")
    assert "negative" in problem.message


# ------------------------------------------------------------------- validation problems
def test_unknown_field_typo_suggests_the_close_name(tmp_path):
    path = write(tmp_path, "u.yaml", "target: 1\nrealiasi: 2\n")
    problem = only(validate_problems(NilaiTahun, path))
    assert (problem.line, problem.field, problem.code) == (2, "realiasi", "input.unknown")
    assert problem.message == "unknown field 'realiasi'"
    assert problem.hint == "did you mean 'realisasi'?"


@pytest.mark.parametrize(
    "model, text, key",
    [
        (Realisasi, "nilai: 1\ncapaian: 96\n", "capaian"),
        (Kinerja, "dukungan: {}\nrealisasi:\n  IS1.1:\n    realiasi: 92.33\n", "realiasi"),
    ],
    ids=[
        "a field of tercetak written one level up",
        "typo of nilai inside realisasi.<id>",
    ],
)
def test_unknown_field_suggestion_names_a_field_accepted_at_that_place(tmp_path, model, text, key):
    """`capaian` belongs under `tercetak:`; answering "did you mean 'capaian'?" for `capaian`
    sends the user in a circle. Likewise under `realisasi.IS1.1` the accepted keys are nilai,
    sumber_data, tercetak: suggesting 'realisasi' (a key of other mappings) leads to a second
    unknown-field error."""
    path = write(tmp_path, "u.yaml", text)
    problems = [p for p in validate_problems(model, path) if p.code == "input.unknown"]
    problem = only(problems)
    assert problem.line == text.count("\n")
    assert problem.field.endswith(key)
    assert problem.hint != f"did you mean '{key}'?"
    if problem.hint and problem.hint.startswith("did you mean"):
        suggested = problem.hint.split("'")[1]
        assert suggested in Realisasi.model_fields, problem.hint


def test_missing_required_field_names_it_at_its_parent_line(tmp_path):
    text = "program_kegiatan: [P1]\nalokasi:\n  K1.1:\n    pagu: 5\n"
    problem = only(validate_problems(Dukungan, write(tmp_path, "d.yaml", text)))
    assert (problem.line, problem.field, problem.code) == (
        3,
        "alokasi.K1.1.realisasi",
        "input.missing",
    )
    assert problem.message == "required field is missing"
    assert problem.hint == "add `realisasi:`"


def test_missing_required_field_at_the_top(tmp_path):
    problem = only(validate_problems(Alokasi, write(tmp_path, "m.yaml", "pagu: 145000000\n")))
    assert (problem.line, problem.field, problem.code) == (1, "realisasi", "input.missing")


def test_realisasi_left_out_is_not_measured(tmp_path):
    """A TOML file has no null: leaving `nilai` out says "not measured" (as `nilai: null`)."""
    data, _ = read_data(write(tmp_path, "r.toml", 'sumber_data = "Dinas Sosial"\n'))
    assert Realisasi.model_validate(data).nilai is None


def test_a_list_where_a_mapping_is_expected(tmp_path):
    path = write(tmp_path, "l.yaml", "nilai: 1\ntercetak:\n  - capaian: 96\n")
    problem = only(validate_problems(Realisasi, path))
    assert (problem.line, problem.field, problem.code) == (2, "tercetak", "input.type")
    assert problem.message == "expected a mapping (key: value lines), got a list"


def test_a_mapping_where_a_list_is_expected(tmp_path):
    text = "id: A\nuraian: u\nindikator:\n  id: I\n"
    path = write(tmp_path, "s.yaml", text)
    problem = only(validate_problems(Sasaran, path))
    assert (problem.line, problem.field, problem.code) == (3, "indikator", "input.type")
    assert problem.message.startswith("expected a list")


def test_wrong_literal_lists_the_allowed_values(tmp_path):
    text = "id: A\nnama: x\nsatuan: persen\narah: naik\ntarget: {2024: 1}\n"
    problem = only(validate_problems(Indikator, write(tmp_path, "i.yaml", text)))
    assert (problem.line, problem.field, problem.code) == (4, "arah", "input.value")
    assert problem.message == "expected one of 'positif' or 'negatif', got \"naik\""


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    text = 'id: A\nnama: x\nsatuan: persen\narah: naik\ntarget: {2024: "1,5"}\nwarna: merah\n'
    problems = validate_problems(Indikator, write(tmp_path, "i.yaml", text))
    assert sorted((p.line, p.code) for p in problems) == [
        (4, "input.value"),
        (5, "input.type"),
        (6, "input.unknown"),
    ]


def test_year_keyed_field_is_located_at_the_year_line_and_shown_with_a_dot(tmp_path):
    """Year keys (`dict[Tahun, …]`) come back from pydantic as ints: the problem must still be
    located at the year's own line and printed `tahun.2023.target` (STYLE §4:
    `indikator[3].realisasi.2024`), not `tahun[2023]`, which reads as a list index."""
    text = 'sasaran: s\nindikator: i\ntahun:\n  2022: {target: 1}\n  2023:\n    target: "98,1"\n'
    problem = only(validate_problems(Riwayat, write(tmp_path, "y.yaml", text)))
    assert problem.field == "tahun.2023.target"
    assert problem.line == 6


# ------------------------------------------------------------------ issue 6: what the fixes keep
def test_number_problem_carries_its_fix_as_the_hint(tmp_path):
    problem = only(
        validate_problems(NilaiTahun, write(tmp_path, "n.yaml", 'target: 1\nrealisasi: "92,5"\n'))
    )
    # a history realisasi may be a predikat or N.a: the message says so, the fix is the number
    assert problem.message == 'expected a number, a predikat or n.a, got "92,5"'
    assert problem.hint == "write 92.5 (a dot for decimals, no thousands separators, no unit)"


def test_duplicate_key_field_path_names_the_key_itself(tmp_path):
    problem = only(read_problems(write(tmp_path, "dup.yaml", "a:\n  b: 1\n  b: 2\n")))
    assert (problem.line, problem.field) == (3, "a.b")


@pytest.mark.parametrize(
    "text, field, fix",
    [
        ("x: {target: 100, realisasi: 98,1}\n", "x.realisasi", "write 98.1 (a dot for decimals)"),
        ("x: [24.72, 24,72, 24.73]\n", "x[1]", "write 24.72 (a dot for decimals)"),
    ],
    ids=["mapping", "list"],
)
def test_decimal_comma_inside_a_flow_collection_is_refused_with_the_fix(tmp_path, text, field, fix):
    problem = only(read_problems(write(tmp_path, "f.yaml", text)))
    assert (problem.line, problem.field, problem.hint, problem.code) == (
        1,
        field,
        fix,
        "input.type",
    )


@pytest.mark.parametrize(
    "text, data",
    [
        ("x: [2024,2026]\n", {"x": [2024, 2026]}),
        ("x: [1, 2, 3]\n", {"x": [1, 2, 3]}),
        ("x: {a: 1, b: 2}\n", {"x": {"a": 1, "b": 2}}),
        ("x: [P1,K1.1, P2]\n", {"x": ["P1", "K1.1", "P2"]}),
    ],
)
def test_commas_that_separate_values_are_not_decimal_commas(tmp_path, text, data):
    assert read_data(write(tmp_path, "f.yaml", text))[0] == data


def test_toml_decimal_comma_names_the_number(tmp_path):
    problem = only(read_problems(write(tmp_path, "f.toml", "a = 1\nb = {min = 92,5}\n")))
    assert (problem.line, problem.message) == (2, 'TOML syntax error: "92,5" is not a number')
    assert problem.hint.startswith("write 92.5")


def test_unclosed_quote_is_found_where_it_opens_even_far_above_the_error(tmp_path):
    text = 'a: 1\nb: "open\nc: 2\nd: 3\ne: [x, y]\n'
    problem = only(read_problems(write(tmp_path, "q.yaml", text)))
    assert (problem.line, problem.message) == (
        2,
        "YAML syntax error: a quote opened here is never closed",
    )


def test_a_quoted_text_over_two_lines_is_not_blamed_for_a_later_error(tmp_path):
    problem = only(read_problems(write(tmp_path, "q.yaml", 'a: "one\n  two"\nb: [1, 2\nc: 3\n')))
    assert problem.line != 1
    assert "never closed" not in problem.message


@pytest.mark.parametrize(
    "text",
    ["a: !!python/object/apply:os.system [ls]\n", "a: !!python/name:os.system x\n", "a: !x 1\n"],
)
def test_yaml_tags_are_refused_never_constructed(tmp_path, text):
    problem = only(read_problems(write(tmp_path, "t.yaml", text)))
    assert (problem.line, problem.field, problem.code) == (1, "a", "input.syntax")
    assert problem.message.startswith("unknown YAML tag")


def test_impossible_date_is_a_problem_not_a_crash(tmp_path):
    problem = only(read_problems(write(tmp_path, "d.yaml", "a: 1\nb: 2024-02-30\n")))
    assert (problem.line, problem.field, problem.code) == (2, "b", "input.value")


def test_recursive_alias_is_a_problem_not_a_crash(tmp_path):
    problem = only(read_problems(write(tmp_path, "r.yaml", "a: &x [1, *x]\n")))
    assert (problem.line, problem.field) == (1, "a[1]")


@pytest.mark.parametrize(
    "raw, code",
    [(b"a: x\x00y\n", "U+0000"), (b'a: "x\\x0cy"\n', "U+000C"), (b"a: x\xc2\x9ay\n", "U+009A")],
)
def test_control_characters_no_docx_can_hold_are_refused(tmp_path, raw, code):
    problem = only(read_problems(write(tmp_path, "c.yaml", raw)))
    assert (problem.line, problem.code) == (1, "input.encoding")
    assert code in problem.message


def test_union_alternatives_are_one_problem(tmp_path):
    text = "id: A\nnama: x\nsatuan: persen\ntarget: {2024: 1}\nakhir: terakhir\n"
    problem = only(validate_problems(Indikator, write(tmp_path, "i.yaml", text)))
    assert (problem.line, problem.field) == (5, "akhir")
    assert (
        problem.message == "expected one of 'last', 'sum' or 'max', or a number, got \"terakhir\""
    )


def test_a_misspelt_required_field_is_one_problem(tmp_path):
    text = "sasaran: s\nindikatr: i\n"
    problem = only(validate_problems(Riwayat, write(tmp_path, "r.yaml", text)))
    assert (problem.line, problem.field, problem.hint) == (
        2,
        "indikatr",
        "did you mean 'indikator'?",
    )


@pytest.mark.parametrize("literal, fix", [("1.500", "write 1500"), ("1.5", None)])
def test_rupiah_with_three_decimals_is_a_thousands_dot(tmp_path, literal, fix):
    path = write(tmp_path, "rp.yaml", f"pagu: {literal}\nrealisasi: 5\n")
    if fix is None:
        data, source = read_data(path)
        assert str(validate(Alokasi, data, source).pagu) == literal
        return
    problem = only(validate_problems(Alokasi, path))
    assert problem.field == "pagu" and problem.hint.startswith(
        f"if the dot separates thousands, {fix}"
    )


def test_a_comma_inside_braces_is_named_as_the_cause_with_the_quoted_text(tmp_path):
    """In `{uraian: Fungsional (Penyuluh, Medik), …}` YAML reads "Medik)" as a field: the
    message says a comma cut the text, and gives it back in quotes (a new user's finding)."""
    path = write(
        tmp_path, "p.yaml", "{nilai: 5.30, sumber_data: Dinas Sosial (Bidang A, Bidang B)}\n"
    )
    data, source = read_data(path)
    with pytest.raises(LaporgenError) as raised:
        validate(Realisasi, data, source)
    (problem,) = raised.value.problems
    assert problem.message == "a comma inside { } ended the text before 'Bidang B)'"
    assert problem.hint == 'put the whole text in quotes: "Dinas Sosial (Bidang A, Bidang B)"'
    assert (problem.line, problem.code) == (1, "input.syntax")


def test_an_unknown_field_of_its_own_keeps_the_spelling_hint(tmp_path):
    path = write(tmp_path, "p.yaml", "{nilai: 5.30, sumbr_data: Dinas}\n")
    data, source = read_data(path)
    with pytest.raises(LaporgenError) as raised:
        validate(Realisasi, data, source)
    (problem,) = raised.value.problems
    assert (problem.message, problem.code) == ("unknown field 'sumbr_data'", "input.unknown")
