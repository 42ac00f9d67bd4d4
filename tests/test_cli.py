"""`laporgen build|check` end to end, in-process, on mutated copies of the example: each bad input
prints one `error: <file>:<line>: <field>: <message>; <hint> [<code>]` line per problem on
stderr, exits 2 without a traceback and leaves the output folder untouched; a name full of
markup characters builds; exit codes 0/1/2/3 and the help text."""

from __future__ import annotations

import posixpath
from pathlib import Path

import docx
import pytest

from laporgen.cli import main, parser

DOC = "magetan-dinsos/lkjip-2024"
"""The copied document folder as `display_path` prints it (tests run with cwd = tmp_path)."""
OUTPUT_NAME = "lkjip-2024-dinas-sosial-kabupaten-magetan.docx"


@pytest.fixture(autouse=True)
def _cwd(tmp_path, monkeypatch):
    """Run from tmp_path so that file names print relative (`magetan-dinsos/lkjip-2024/...`)."""
    monkeypatch.chdir(tmp_path)


def mutate(path, old: str, new: str) -> int:
    """Replace the first `old` in the file by `new` (same line); returns that line's number."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text[:at].count("\n") + 1


def error_lines(err: str) -> list[str]:
    lines = err.splitlines()
    assert lines, "nothing on stderr"
    assert all(line.startswith("error: ") for line in lines), err
    return lines


def assert_clean_failure(code: int, out: str, err: str) -> list[str]:
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    assert "internal error" not in err
    return error_lines(err)


def one_line_starting(lines: list[str], prefix: str) -> str:
    found = [line for line in lines if line.startswith(prefix)]
    assert len(found) == 1, f"no single line starting {prefix!r} in:\n" + "\n".join(lines)
    return found[0]


# ---------------------------------------------------------------- input problems (no render)
PLAN = "../renstra-2024-2026/rencana.yaml"
"""The plan the LKjIP reads: the agency's Renstra (document.toml: renstra = ...)."""

CASES = [
    pytest.param(
        "kinerja.yaml",
        "nilai: 92.33",
        'nilai: "92,5"',
        "realisasi.IS5.1.nilai",
        'expected a number, a predikat or n.a, got "92,5"; write 92.5 ',
        "input.type",
        id="realisasi typed 92,5",
    ),
    pytest.param(
        "kinerja.yaml",
        "nilai: 92.33",
        "nilai: 92,5",
        "realisasi.IS5.1.nilai",
        'expected a number, a predikat or n.a, got "92,5"; write 92.5 ',
        "input.type",
        id="realisasi typed 92,5 unquoted",
    ),
    pytest.param(
        "kinerja.yaml",
        "2023: {target: 100, realisasi: 98.1}",
        '2023: {target: 100, realisasi: "98,1"}',
        "riwayat[5].tahun.2023.realisasi",
        'expected a number, a predikat or n.a, got "98,1"; write 98.1 ',
        "input.type",
        id="riwayat realisasi of a year typed 98,1",
    ),
    pytest.param(
        "kinerja.yaml",
        "K2.1: {pagu: 145000000, realisasi: 138280100}",
        "K2.1: {pagu: 145000000, realiasi: 138280100}",
        "dukungan.S3.alokasi.K2.1.realiasi",
        "unknown field 'realiasi'; did you mean 'realisasi'?",
        "input.unknown",
        id="typo realiasi",
    ),
    pytest.param(
        "kinerja.yaml",
        "program_kegiatan: [P4,",
        "program_kegiatan: [P9,",
        "dukungan.S1.program_kegiatan[0]",
        "'P9' is not a program or kegiatan in program.yaml; known: ",
        "ref.unknown",
        id="dangling program id in dukungan",
    ),
    pytest.param(
        PLAN,
        "- id: IS2.1",
        "- id: IS1.1",
        "tujuan[0].sasaran[1].indikator[0].id",
        "id 'IS1.1' is defined twice; ids must be unique in the plan",
        "ref.duplicate",
        id="duplicate indicator id",
    ),
    pytest.param(
        "document.toml",
        "tahun = 2024",
        "tahun = 2030",
        "tahun",
        "report year 2030 is outside the plan period 2024-2026",
        "ref.year",
        id="report year outside the plan period",
    ),
    pytest.param(
        PLAN,
        "target: {2024: 99.88, 2025: 99.89, 2026: 99.90}",
        "target: {2024: 99.88, 2025: 99.89, 2027: 99.90}",
        "tujuan[0].sasaran[0].indikator[0].target.2027",
        "year 2027 is outside the plan period 2024-2026",
        "ref.year",
        id="target year outside the plan period",
    ),
    pytest.param(
        PLAN,
        "arah: positif",
        "arah: naik",
        "tujuan[0].indikator[0].arah",
        "expected one of 'positif' or 'negatif', got \"naik\"",
        "input.value",
        id="wrong literal",
    ),
]


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("name, old, new, field, message, code", CASES)
def test_bad_input_names_file_line_and_field(
    example_copy, tmp_path, run_cli, command, name, old, new, field, message, code
):
    line = mutate(example_copy / name, old, new)
    out_dir = tmp_path / "out"
    args = [command, example_copy] + (["--out", out_dir] if command == "build" else [])
    lines = assert_clean_failure(*run_cli(*args))
    shown = posixpath.normpath(f"{DOC}/{name}")
    found = one_line_starting(lines, f"error: {shown}:{line}: {field}: ")
    assert message in found
    assert found.endswith(f" [{code}]")
    assert not out_dir.exists()


def test_missing_data_file_names_the_file(example_copy, tmp_path, run_cli):
    (example_copy / "program.yaml").unlink()
    lines = assert_clean_failure(*run_cli("build", example_copy, "--out", tmp_path / "out"))
    assert lines == [
        f"error: {DOC}/program.yaml: file is missing; create program.yaml (or .toml) in {DOC} [input.file]"
    ]
    assert not (tmp_path / "out").exists()


def test_every_problem_is_reported_not_just_the_first(example_copy, run_cli):
    a = mutate(example_copy / "kinerja.yaml", "nilai: 92.33", 'nilai: "92,5"')
    b = mutate(example_copy / "document.toml", 'kertas = "A4"', 'kertas = "A5"')
    lines = assert_clean_failure(*run_cli("check", example_copy))
    one_line_starting(lines, f"error: {DOC}/kinerja.yaml:{a}: realisasi.IS5.1.nilai: ")
    one_line_starting(lines, f"error: {DOC}/document.toml:{b}: kertas: ")


# ------------------------------------------------------------------------------ narrative
def test_unknown_placeholder_names_the_md_file_and_line(example_copy, tmp_path, run_cli):
    line = mutate(
        example_copy / "narasi" / "penutup.md",
        "Laporan ini menggambarkan",
        "Laporan ini {{ nope }} menggambarkan",
    )
    assert line > 1
    lines = assert_clean_failure(*run_cli("build", example_copy, "--out", tmp_path / "out"))
    prefix = f"error: {DOC}/narasi/penutup.md:{line}: unknown placeholder: "
    assert lines == [one_line_starting(lines, prefix)]
    assert "'nope' is undefined" in lines[0]
    assert lines[0].endswith("[narrative.placeholder]")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "payload",
    [
        "{{ opd.__class__ }}",
        "{{ ().__class__.__base__.__subclasses__() }}",
        "{{ lipsum.__globals__ }}",
        "{{ opd|attr('__class__') }}",
    ],
)
def test_sandbox_refuses_python_internals(example_copy, tmp_path, payload, run_cli):
    line = mutate(
        example_copy / "narasi" / "penutup.md",
        "Laporan ini menggambarkan",
        payload + " Laporan ini",
    )
    lines = assert_clean_failure(*run_cli("build", example_copy, "--out", tmp_path / "out"))
    found = one_line_starting(lines, f"error: {DOC}/narasi/penutup.md:{line}: ")
    assert "unsafe" in found
    assert found.endswith("[narrative.template]")
    assert not (tmp_path / "out").exists()


def test_failed_build_leaves_the_previous_output_byte_identical(example_copy, tmp_path, run_cli):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    previous = out_dir / OUTPUT_NAME
    previous.write_bytes(b"PK\x03\x04 previous good build \x00\xff")
    other = out_dir / "notes.txt"
    other.write_text("keep me", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    # fails late: after loading and computing, while filling the narrative
    line = mutate(
        example_copy / "narasi" / "penutup.md",
        "Laporan ini menggambarkan",
        "Laporan ini {{ nope }} menggambarkan",
    )
    lines = assert_clean_failure(*run_cli("build", example_copy, "--out", out_dir))
    one_line_starting(lines, f"error: {DOC}/narasi/penutup.md:{line}: ")
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before  # no temp file left either


# ----------------------------------------------------------------------- builds (2 renders)
NASTY_NAME = "Dinas <Sosial> & \"Rakyat\" 'Kita' \U0001f600"


def test_markup_characters_and_emoji_in_the_agency_name_build(example_copy, tmp_path, run_cli):
    agency = example_copy.parent / "agency.yaml"
    mutate(
        agency, "nama: Dinas Sosial", 'nama: "Dinas <Sosial> & \\"Rakyat\\" \'Kita\' \U0001f600"'
    )
    out_dir = tmp_path / "out"
    code, out, err = run_cli("build", example_copy, "--out", out_dir)
    assert (code, err) == (0, "")
    written = sorted(out_dir.glob("*.docx"))
    assert len(written) == 1
    assert out.startswith("wrote ")
    document = docx.Document(str(written[0]))
    full = f"{NASTY_NAME} Kabupaten Magetan"
    paragraphs = [p.text for p in document.paragraphs]
    assert any(
        f"Laporan Kinerja {full} Tahun 2024 dapat diselesaikan" in t for t in paragraphs
    )  # narasi
    assert (
        f"{NASTY_NAME}".upper() in paragraphs and "PEMERINTAH KABUPATEN MAGETAN" in paragraphs
    )  # cover
    assert document.core_properties.title == f"Laporan Kinerja {full} Tahun 2024"
    assert document.core_properties.author == full
    headers = [p.text for s in document.sections for p in s.header.paragraphs]
    assert f"LKjIP {full} Tahun 2024" in headers


def test_unwritable_output_is_an_output_write_error(example_copy, tmp_path, run_cli):
    blocker = tmp_path / "some_file.txt"  # an existing file where the output folder should be
    blocker.write_bytes(b"not a folder")
    lines = assert_clean_failure(*run_cli("build", example_copy, "--out", "some_file.txt"))
    assert len(lines) == 1
    assert lines[0].startswith(f"error: some_file.txt/{OUTPUT_NAME}: cannot write the output (")
    assert lines[0].endswith("[output.write]")
    assert blocker.read_bytes() == b"not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["magetan-dinsos", "some_file.txt"]


# ----------------------------------------------------------------------- commands, codes
def test_check_on_the_example_reports_findings_exit_1(example_copy, run_cli):
    code, out, err = run_cli("check", example_copy)
    assert code == 1
    assert "Traceback" not in err and "error:" not in err
    assert out.strip()
    assert err.strip().endswith(f"finding(s) in {DOC}")
    assert f"{DOC}/program.yaml:" in out  # findings are located as errors are


def test_check_on_a_missing_folder_is_invalid_input(tmp_path, run_cli):
    lines = assert_clean_failure(*run_cli("check", tmp_path / "nope"))
    assert lines == [
        "error: nope: not a folder; give a document folder such as content/<agency>/lkjip-2024 [input.file]"
    ]


def test_version_exits_0(run_cli):
    code, out, err = run_cli("--version")
    assert (code, err) == (0, "")
    assert out.startswith("laporgen ")


def test_build_help_lists_an_example(run_cli):
    code, out, _ = run_cli("build", "--help")
    assert code == 0
    assert "laporgen build content/magetan-dinsos/lkjip-2024 --out output/" in out


def test_unexpected_exception_is_exit_3_without_traceback(example_copy, monkeypatch, run_cli):
    import laporgen.build

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(laporgen.build, "check", boom)
    code, out, err = run_cli("check", example_copy)
    assert (code, out) == (3, "")
    assert "Traceback" not in err
    assert err.strip() == "internal error: RuntimeError: boom; rerun with --debug and report it"
    with pytest.raises(RuntimeError, match="boom"):
        run_cli("--debug", "check", example_copy)


@pytest.mark.parametrize(
    "argv",
    [
        ["-q", "build", "{doc}", "--out", "{out}"],
        ["build", "{doc}", "--out", "{out}", "-q"],
        ["build", "-q", "{doc}", "--out", "{out}"],
    ],
    ids=["before the command", "at the end", "after the command"],
)
def test_global_options_are_read_anywhere_on_the_line(argv, tmp_path, capsys):
    doc = str(Path(__file__).resolve().parents[1] / "content/magetan-dinsos/lkjip-2024")
    assert main([a.format(doc=doc, out=tmp_path) for a in argv]) == 0
    assert capsys.readouterr().out == ""  # quiet: no "wrote …" line
    assert list(tmp_path.glob("*.docx"))


def test_an_option_before_the_command_is_not_reset_by_the_command():
    args = parser().parse_args(["--verbose", "check", "x"])
    assert args.verbose is True and args.quiet is False and args.debug is False


@pytest.mark.parametrize(
    ("inside", "typed"), [("", "."), ("narasi", ".."), ("", "./")], ids=["dot", "dotdot", "dot/"]
)
def test_a_document_folder_typed_from_inside_it(run_cli, example_copy, monkeypatch, inside, typed):
    """`laporgen check .` inside the folder finds agency.yaml one level up and names the outputs
    after the folder, as the path typed from outside does."""
    monkeypatch.chdir(example_copy / inside)
    code, stdout, stderr = run_cli("check", typed)
    assert code == 1 and "agency.yaml" not in stderr, stderr
    assert "program.yaml:199: " in stdout  # the example's own finding: the whole check ran
    code, stdout, stderr = run_cli("build", typed, "--out", example_copy.parent / "out")
    assert code == 0, stderr
    assert (
        example_copy.parent / "out" / "lkjip-2024-dinas-sosial-kabupaten-magetan.docx"
    ).is_file()
