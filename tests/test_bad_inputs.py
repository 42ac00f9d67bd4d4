"""The bad-input contract, asserted over the corpus in `tests/bad_inputs/` (STYLE §4-5).

Each case is a folder `tests/bad_inputs/<category>-<name>/` whose `case.yaml` says how to make
the input from the example (`mutate:`, and files under `files/` copied over the example's agency
folder) and what `laporgen` must answer (`expect:`). README.md there lists the keys.

For every case the example agency folder is copied into `tmp_path`, the test runs from there (so
printed paths are `magetan-dinsos/lkjip-2024/...`), a previous good build is put in `out/`, the
case is applied and `laporgen.cli.main` runs in-process. Then:

- the exit code is the expected one: 2 for invalid input, 1 for `check` findings, 0 for a valid
  special case;
- stderr holds the expected lines verbatim: one `error: file[:line]: [field: ]message; fix [code]`
  line per problem, each naming a file, a line where the parser knows it, and a fix; never a
  Python traceback nor "internal error";
- a failure leaves `out/` exactly as it was: the previous DOCX byte-identical, no temp file;
- a valid case's DOCX opens (python-docx) and holds the expected texts.

Output-side failures (disk full, a locked file, an unwritable folder) need a patched `os`, so they
are separate tests below; they stub the renderer, since what they test is the write.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE_AGENCY, invoke_cli
from docx_reading import docx_text, open_docx

CASES_DIR = Path(__file__).parent / "bad_inputs"
TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "laporgen" / "templates" / "laporgen.docx"
DOC = "magetan-dinsos/lkjip-2024"
OUTPUT_NAME = "lkjip-2024-dinas-sosial-kabupaten-magetan.docx"
ERROR_LINE = re.compile(
    r"^error: (?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<rest>.+) \[(?P<code>[a-z][a-z._]*)\]$"
)
PSEUDO_FILES = {"command line", "SOURCE_DATE_EPOCH"}
"""Problems not about a file: the arguments, the environment."""
WHOLE_FILE = {"input.file", "input.limit", "input.link", "usage"}
"""Problems about a whole file (missing, too large, a link, the wrong kind): no line to point at."""


def case_folders() -> list[Path]:
    return sorted(p for p in CASES_DIR.iterdir() if (p / "case.yaml").is_file())


PICTURES = {".png", ".jpg", ".jpeg"}


def known_bug(folder: Path) -> str | None:
    """The bug (outside the input layer) that makes this case fail the contract today."""
    return read_case(folder).get("known_bug")


def read_case(folder: Path) -> dict:
    case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    assert isinstance(case, dict) and "expect" in case, f"{folder.name}/case.yaml needs expect:"
    return case


# ------------------------------------------------------------------------------- making input
def apply_mutation(doc: Path, m: dict) -> list[str]:
    """One edit of the copied example (paths relative to the document folder); returns the texts
    a `suffix` edit wrote."""
    if "nest" in m:  # a value nested `nest` levels deep, as YAML or TOML flow lists
        key = "nested = " if m["file"].endswith(".toml") else "nested: "
        with (doc / m["file"]).open("a", encoding="utf-8") as stream:
            stream.write("\n" + key + "[" * m["nest"] + "1" + "]" * m["nest"] + "\n")
        return []
    # a glob edits the text files it matches: the pictures (logo, bagan) are not text
    targets = (
        sorted(p for p in doc.glob(m["glob"]) if p.is_file() and p.suffix not in PICTURES)
        if "glob" in m
        else [doc / m["file"]]
    )
    assert targets, f"no file matches {m}"
    written: list[str] = []
    for path in targets:
        if "suffix" in m:
            written += suffix_texts(path, set(m["keys"]), m["suffix"])
        elif "block" in m:
            path.write_text(
                replace_block(path.read_text(encoding="utf-8"), m["block"], m["with"]),
                encoding="utf-8",
            )
        elif "replace" in m:
            text = path.read_text(encoding="utf-8")
            assert m["replace"] in text, f"{m['replace']!r} not in {path.name}"
            count = -1 if m.get("all") else 1
            path.write_text(text.replace(m["replace"], m["with"], count), encoding="utf-8")
        elif "write" in m:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(m["write"], encoding="utf-8")
        elif "append" in m:
            with path.open("a", encoding="utf-8") as stream:
                stream.write(m["append"])
        elif m.get("delete"):
            path.unlink()
        elif (
            "symlink" in m
        ):  # the path becomes a link to `symlink` (a folder there is removed first)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
            path.symlink_to(m["symlink"])
        elif "pad_to" in m:  # comment lines appended until the file has `pad_to` bytes
            with path.open("a", encoding="utf-8") as stream:
                line = "# " + "x" * 97 + "\n"
                stream.write(line * (int(m["pad_to"]) // len(line) + 1))
        elif "encode" in m or "newline" in m or "bom" in m:
            text = path.read_bytes().decode("utf-8")
            if "newline" in m:
                text = text.replace("\n", m["newline"])
            data = text.encode(m.get("encode", "utf-8"))
            path.write_bytes((codecs.BOM_UTF8 if m.get("bom") else b"") + data)
        else:
            raise AssertionError(f"unknown mutation {m}")
    return written


def replace_block(text: str, key: str, new: str) -> str:
    """`text` with the first `key:` line and everything indented under it replaced by `new`."""
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if re.match(rf"\s*{re.escape(key)}:", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    return "\n".join(lines[:start] + [" " * indent + new] + lines[end:])


KEY_VALUE = re.compile(
    r"^(?P<lead>\s*(?:- )?)(?P<key>[\w.]+):(?P<gap>\s+)(?P<value>[^#\s>|\[{&*!][^#]*?)(?P<tail>\s+#.*)?$"
)
OPENER = re.compile(r"^(?P<indent>\s*)(?:- )?(?P<key>[\w.]+):\s*(?:#.*)?$")
ITEM = re.compile(r"^(?P<indent>\s*)- (?P<value>[^#\s\[{&*!][^#]*?)(?P<tail>\s+#.*)?$")


def suffix_texts(path: Path, keys: set[str], suffix: str) -> list[str]:
    """Append `suffix` to every single-line text value of `keys` in a YAML file (`key: text`, and
    `- text` items of a `key:` list); returns the new texts."""
    lines = path.read_text(encoding="utf-8").split("\n")
    written: list[str] = []
    parent: tuple[str, int] | None = None

    def suffixed(value: str) -> str | None:
        try:
            old = yaml.safe_load(value)
        except yaml.YAMLError:
            return None
        if not isinstance(old, str):
            return None
        written.append(old + suffix)
        return json.dumps(old + suffix, ensure_ascii=False)

    for n, line in enumerate(lines):
        opener, pair, item = OPENER.match(line), KEY_VALUE.match(line), ITEM.match(line)
        if opener:
            parent = (opener["key"], len(opener["indent"]))
        elif item and parent and parent[0] in keys and len(item["indent"]) >= parent[1]:
            new = suffixed(item["value"])
            if new is not None:
                lines[n] = f"{item['indent']}- {new}{item['tail'] or ''}"
        elif pair and pair["key"] in keys:
            new = suffixed(pair["value"])
            if new is not None:
                lines[n] = f"{pair['lead']}{pair['key']}:{pair['gap']}{new}{pair['tail'] or ''}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return written


def make_input(case: dict, folder: Path, root: Path) -> tuple[Path, list[str]]:
    """The case's agency folder under `root`; returns its document folder and the texts the
    mutations wrote."""
    agency = root / EXAMPLE_AGENCY.name
    if case.get("base", "example") == "example":
        shutil.copytree(EXAMPLE_AGENCY, agency)
    else:
        agency.mkdir()
    doc = agency / "lkjip-2024"
    written: list[str] = []
    for mutation in case.get("mutate", []):
        written += apply_mutation(doc, mutation)
    if (folder / "files").is_dir():
        shutil.copytree(folder / "files", agency, dirs_exist_ok=True)
    if "template" in case:
        patch_template(case["template"], root / "template.docx")
    return doc, written


def patch_template(edit: dict, path: Path) -> None:
    """templates/laporgen.docx with one text of its document.xml replaced."""
    with (
        zipfile.ZipFile(TEMPLATE) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert edit["replace"] in text, edit
                data = text.replace(edit["replace"], edit["with"], 1).encode("utf-8")
            target.writestr(info, data)


def arguments(case: dict) -> list[str]:
    command = case.get("command", "build")
    args = [command, case.get("path", DOC)]
    if command == "build":
        args += ["--out", "out"]
    if "template" in case:
        args += ["--template", "template.docx"]
    return args + [str(a) for a in case.get("args", [])]


@pytest.fixture(scope="session")
def previous_output(tmp_path_factory) -> bytes:
    """The bytes of a good build of the example: the "last good DOCX" every case must keep."""
    root = tmp_path_factory.mktemp("previous")
    code, _, err = invoke_cli("build", EXAMPLE_AGENCY / "lkjip-2024", "--out", root)
    assert code == 0, err
    return (root / OUTPUT_NAME).read_bytes()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ----------------------------------------------------------------------------- the contract
def assert_error_lines(lines: list[str], root: Path, fix_in_message: bool = False) -> None:
    """Each line is one problem: a file (that exists, or the arguments), a line number where the
    file has lines to point at, a message and a fix."""
    for text in lines:
        found = ERROR_LINE.match(text)
        assert found, f"not an error line: {text!r}"
        name = found["file"]
        assert (
            name in PSEUDO_FILES
            or (root / name).exists()
            or found["code"] in ("input.file", "input.link", "template")
        ), text
        path = root / name
        if (
            path.suffix in (".yaml", ".yml", ".toml", ".md")
            and path.is_file()
            and found["code"] not in WHOLE_FILE
            and not found["rest"].startswith("the file is empty")
        ):
            assert found["line"], f"no line number: {text}"
        assert fix_in_message or "; " in found["rest"], f"no fix after '; ': {text}"


@dataclass
class Run:
    case: dict
    code: int
    stdout: str
    stderr: str
    out: Path
    written: list[str]


def run_case(folder: Path, root: Path, previous: bytes, monkeypatch, *extra: str) -> Run:
    """Make the case's input under `root`, put the previous output in `root/out`, run laporgen
    (with `extra` arguments added)."""
    case = read_case(folder)
    root.mkdir(parents=True)
    monkeypatch.chdir(root)
    for name, value in (case.get("env") or {}).items():
        monkeypatch.setenv(name, str(value))
    _, written = make_input(case, folder, root)
    out = root / "out"
    out.mkdir()
    (out / OUTPUT_NAME).write_bytes(previous)
    code, stdout, stderr = invoke_cli(*arguments(case), *extra)
    return Run(case, code, stdout, stderr, out, written)


def example_check(root: Path, monkeypatch) -> tuple[int, str, str]:
    """`laporgen check` on an unchanged copy of the example, from `root` (same printed paths)."""
    root.mkdir()
    shutil.copytree(EXAMPLE_AGENCY, root / EXAMPLE_AGENCY.name)
    monkeypatch.chdir(root)
    return invoke_cli("check", DOC)


@pytest.mark.parametrize(
    "folder", [f for f in case_folders() if not known_bug(f)], ids=lambda p: p.name
)
def test_bad_input(folder: Path, tmp_path: Path, previous_output: bytes, monkeypatch) -> None:
    assert_contract(folder, tmp_path, previous_output, monkeypatch)


def test_no_case_is_parked_as_a_known_bug() -> None:
    """Every case holds the contract: a `known_bug:` line in a case.yaml parks a failing case
    out of the parametrized test above, so none may stay."""
    assert [f.name for f in case_folders() if known_bug(f)] == []


def assert_contract(folder: Path, tmp_path: Path, previous_output: bytes, monkeypatch) -> None:
    run = run_case(folder, tmp_path / "case", previous_output, monkeypatch)
    case, code, stdout, stderr, out = run.case, run.code, run.stdout, run.stderr, run.out
    expect = case["expect"]
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert code == expect["exit"], (code, stdout, stderr)
    lines = stderr.splitlines()
    if "stderr" in expect:
        assert lines == expect["stderr"], "\n".join(lines)
    for part in expect.get("stderr_contains", []):
        assert part in stderr, stderr
    for line in expect.get("stdout", []):
        assert line in stdout.splitlines(), stdout
    for part in expect.get("stdout_contains", []):
        assert part in stdout, stdout
    if expect.get("same_as_example"):
        assert (code, stdout, stderr) == example_check(tmp_path / "example", monkeypatch)
    if code == 2:
        assert_error_lines(lines, tmp_path / "case", expect.get("fix_in_message", False))
        assert snapshot(out) == {OUTPUT_NAME: previous_output}, (
            "the previous output changed or a temp file was left"
        )
    elif code == 1:
        assert snapshot(out) == {OUTPUT_NAME: previous_output}
    else:
        assert stderr == ""
        assert_valid_build(expect, stdout, out, run.written)


def assert_valid_build(expect: dict, stdout: str, out: Path, written: list[str]) -> None:
    """A valid special input builds a DOCX that opens and shows its text as typed (and no
    "NaN" or "None" where a division had no number)."""
    built = [
        Path(line.removeprefix("wrote ")).name
        for line in stdout.splitlines()
        if line.startswith("wrote ")
    ]
    assert len(built) == 1 and built[0].endswith(".docx"), stdout
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "a temp file was left"
    path = out / built[0]
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
    document = open_docx(path)  # parses every part: a broken XML would raise here
    text = (
        docx_text(path)
        + "\n"
        + "\n".join(p.text for s in document.sections for p in s.header.paragraphs)
        + "\n"
        + document.core_properties.title
    )
    flat = " ".join(text.split())
    for part in expect.get("docx_contains", []) + written:
        part = " ".join(part.split())
        assert part in flat or part.upper() in flat, f"not in the DOCX: {part!r}"
    for part in ("&amp;", "&lt;", "&gt;", "&quot;", "&#", "\ufffd", "NaN", "Infinity", "None"):
        assert part not in text, f"{part!r} in the DOCX text"


SPECIAL = CASES_DIR / "special-markup-and-emoji"


def test_markup_and_emoji_render_in_html(tmp_path, monkeypatch):
    """The same texts as in the DOCX case, in the HTML: escaped once, shown as typed."""
    from lxml import html as lxml_html

    run = run_case(SPECIAL, tmp_path / "case", b"", monkeypatch, "--format", "html")
    assert (run.code, run.stderr) == (0, ""), run.stderr
    source = (run.out / run.stdout.split()[-1].split("/")[-1]).read_text(encoding="utf-8")
    for double in ("&amp;amp;", "&amp;lt;", "&amp;gt;", "&amp;quot;"):
        assert double not in source, f"escaped twice: {double}"
    assert '<&> "kutip"' not in source, "markup characters written unescaped"
    text = " ".join(lxml_html.fromstring(source).text_content().split())
    missing = [
        w
        for w in run.written
        if " ".join(w.split()) not in text and " ".join(w.split()).upper() not in text
    ]
    assert not missing, missing[:5]


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset will be required:DeprecationWarning")
def test_markup_and_emoji_render_in_pdf(tmp_path, monkeypatch):
    """The same input as a PDF opens and its text holds the characters as typed. Only the cover
    and BAB I are laid out (WeasyPrint takes 20 s for the whole report); the emoji may come out
    as any glyph, fonts differ."""
    from dataclasses import replace

    from pypdf import PdfReader

    from laporgen.compute.lkjip import lkjip_figures
    from laporgen.document.lkjip import lkjip_document
    from laporgen.model.folder import load_lkjip
    from laporgen.render import pdf as render

    monkeypatch.chdir(tmp_path)
    doc, _ = make_input(read_case(SPECIAL), SPECIAL, tmp_path)
    content = load_lkjip(doc)
    document = lkjip_document(content, lkjip_figures(content))
    pdf = tmp_path / "special.pdf"
    pdf.write_bytes(render.render_pdf(replace(document, front=(), body=document.body[:1])))
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())
    typed = "<&> \"kutip\" 'apos'"
    assert text.count(typed) + text.count(typed.upper()) >= 10, text[:2000]
    for double in ("&amp;", "&lt;", "&gt;", "&quot;", "&#"):
        assert double not in text


def test_corpus_is_large_and_covers_the_categories() -> None:
    """Issue 6: 60 or more cases; every category the issue names has at least one."""
    names = [f.name for f in case_folders()]
    assert len(names) >= 60
    categories = {name.split("-", 1)[0] for name in names}
    assert categories >= {
        "syntax",
        "type",
        "missing",
        "unknown",
        "ref",
        "value",
        "narrative",
        "template",
        "encoding",
        "special",
        "usage",
    }


# ------------------------------------------------------------------------------ output side
@pytest.fixture
def quick_render(monkeypatch):
    """Stub the DOCX renderer and its layout pass: these tests are about writing, not rendering."""
    import laporgen.build
    import laporgen.render.contents
    import laporgen.render.docx

    def render(document, template, out):
        out.write(b"PK new build")

    monkeypatch.setattr(laporgen.render.docx, "render_docx", render)
    monkeypatch.setattr(
        laporgen.build,
        "laid_out_docx",
        lambda document, template: laporgen.render.contents.Filled(b"PK new build", 0),
    )


@pytest.fixture
def with_previous(example_copy, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / OUTPUT_NAME).write_bytes(b"PK previous good build")
    return out


def assert_write_failure(code: int, err: str, reason: str, fix: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert err.splitlines() == [
        (
            f"error: out/{OUTPUT_NAME}: cannot write the output ({reason}); {fix}; the previous file, if any, is unchanged "
            "[output.write]"
        )
    ]


def test_disk_full_keeps_the_previous_output(quick_render, with_previous, monkeypatch):
    real_fsync = os.fsync

    def fsync(fd):
        real_fsync(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert_write_failure(
        code, err, os.strerror(errno.ENOSPC), "free some disk space and build again"
    )
    assert snapshot(with_previous) == {OUTPUT_NAME: b"PK previous good build"}


def failing_half_way(error: BaseException):
    """A `write_all_atomic` whose writing dies after part of the first file, as a full disk or a
    crash would."""
    from laporgen import output

    def write_all_atomic(files):
        def half(stream):
            stream.write(b"PK half")
            raise error

        for path in files:
            output.write_atomic(path, half)

    return write_all_atomic


def test_write_failing_half_way_leaves_no_half_written_file(
    quick_render, with_previous, monkeypatch
):
    monkeypatch.setattr(
        "laporgen.build.write_all_atomic",
        failing_half_way(OSError(errno.EIO, os.strerror(errno.EIO))),
    )
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert code == 2 and err.endswith("[output.write]\n") and "Traceback" not in err, err
    assert snapshot(with_previous) == {OUTPUT_NAME: b"PK previous good build"}


def test_crash_while_writing_leaves_no_half_written_file(quick_render, with_previous, monkeypatch):
    """Even a bug (exit 3) removes the temp file and keeps the previous output."""
    monkeypatch.setattr("laporgen.build.write_all_atomic", failing_half_way(RuntimeError("boom")))
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert (code, err) == (
        3,
        "internal error: RuntimeError: boom; rerun with --debug and report it\n",
    )
    assert snapshot(with_previous) == {OUTPUT_NAME: b"PK previous good build"}


def test_locked_output_file_keeps_the_previous_output(quick_render, with_previous, monkeypatch):
    """Word on Windows holds the open file: replacing it fails with a permission error."""

    def replace(src, dst):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dst))

    monkeypatch.setattr(os, "replace", replace)
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert_write_failure(
        code,
        err,
        os.strerror(errno.EACCES),
        "close the file if it is open in Word or another program, and check that the folder is writable",
    )
    assert snapshot(with_previous) == {OUTPUT_NAME: b"PK previous good build"}


def test_output_folder_that_is_a_file(quick_render, example_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").write_bytes(b"a file, not a folder")
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert code == 2 and "Traceback" not in err
    assert err.splitlines() == [
        (
            f"error: out/{OUTPUT_NAME}: cannot write the output ({os.strerror(errno.EEXIST)}); --out must be a folder, "
            "not a file; the previous file, if any, is unchanged [output.write]"
        )
    ]
    assert (tmp_path / "out").read_bytes() == b"a file, not a folder"


def test_output_name_taken_by_a_folder_leaves_no_temp_file(quick_render, with_previous):
    (with_previous / OUTPUT_NAME).unlink()
    (with_previous / OUTPUT_NAME).mkdir()
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert_write_failure(
        code,
        err,
        os.strerror(errno.EISDIR),
        "a folder has the output file's name: rename or remove it",
    )
    assert sorted(p.name for p in with_previous.iterdir()) == [OUTPUT_NAME]


def test_read_only_output_folder(quick_render, with_previous, monkeypatch):
    """Tests run as root, so chmod does not stop a write: the refusal is simulated."""
    import tempfile

    def mkstemp(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert_write_failure(
        code, err, os.strerror(errno.EROFS), "the folder is read-only: choose another --out folder"
    )
    assert snapshot(with_previous) == {OUTPUT_NAME: b"PK previous good build"}


def test_successful_write_replaces_the_file_with_the_usual_mode(quick_render, with_previous):
    code, _, err = invoke_cli("build", DOC, "--out", "out")
    assert (code, err) == (0, "")
    assert snapshot(with_previous) == {OUTPUT_NAME: b"PK new build"}
    mask = os.umask(0)
    os.umask(mask)
    assert (with_previous / OUTPUT_NAME).stat().st_mode & 0o777 == 0o666 & ~mask


# ------------------------------------------------------------------------- bounded resources
BOUNDED_SECONDS = 5
BOUNDED_MEGABYTES = 300
HANG_SECONDS = 60
"""A run still going after this is killed: the case failed (before the limits, an alias bomb
passed 6 GB and 88 s, nested loops never ended)."""


def bounded_cases() -> list[Path]:
    return [f for f in case_folders() if read_case(f).get("bounded")]


@pytest.mark.parametrize("folder", bounded_cases(), ids=lambda p: p.name)
def test_input_past_a_limit_costs_little_time_and_memory(folder: Path, tmp_path: Path) -> None:
    """Measured in a subprocess of its own (its peak memory, not the test run's): the input
    past a limit ends in exit 2 within BOUNDED_SECONDS and BOUNDED_MEGABYTES."""
    import subprocess
    import sys
    import time

    case = read_case(folder)
    root = tmp_path / "case"
    root.mkdir()
    make_input(case, folder, root)
    (root / "out").mkdir()
    env = {
        **os.environ,
        **{k: str(v) for k, v in (case.get("env") or {}).items()},
        "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
    }
    # Measured through a small launcher: a child of this (large) test process would inherit its
    # peak memory across exec (Linux carries the old image's high-water mark), the launcher's
    # child starts from the launcher's few MB.
    launcher = (
        "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
    )
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", launcher, sys.executable, "-m", "laporgen.cli", *arguments(case)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, _ = process.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        out, _ = process.communicate()
    seconds = time.monotonic() - started
    status = process.returncode
    megabytes = int(out.split()[-1]) / 1024 if out.split() else float("inf")
    assert status == case["expect"]["exit"], (seconds, megabytes)
    assert seconds < BOUNDED_SECONDS, f"took {seconds:.1f} s"
    assert megabytes < BOUNDED_MEGABYTES, f"used {megabytes:.0f} MB"
