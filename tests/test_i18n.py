"""laporgen speaks Bahasa Indonesia by default and English on request, from gettext catalogues:
every marked message has its translation, the compiled catalogue is the one in the `.po`, and the
language is chosen as the README says."""

from __future__ import annotations

import argparse
import ast
import gettext
import importlib.util
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import invoke_cli
from test_bad_inputs import (  # the corpus' own helpers
    DOC,
    EXAMPLE_AGENCY,
    case_folders,
    previous_output,  # noqa: F401  (a fixture, used by name)
    run_case,
)

from laporgen import i18n
from laporgen.errors import display_path
from test_serve import chromium  # noqa: F401  (the fixture: a headless Chromium)

ROOT = Path(__file__).resolve().parents[1]


def _catalogue_script():
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "scripts" / "catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_in_the_code_has_its_indonesian_translation():
    script = _catalogue_script()
    catalog = script.updated("id", script.extracted())
    assert len(catalog) > 10
    assert script.untranslated(catalog) == []


def test_the_compiled_catalogue_is_the_po_file():
    from babel.messages.pofile import read_po

    po = i18n.LOCALE_DIR / "id" / "LC_MESSAGES" / "laporgen.po"
    with po.open("rb") as f:
        written = {m.id: m.string for m in read_po(f, locale="id") if m.id}
    with po.with_suffix(".mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for msgid, msgstr in written.items():
        if isinstance(msgid, tuple):
            assert compiled.ngettext(msgid[0], msgid[1], 1) == msgstr[0]
        else:
            assert compiled.gettext(msgid) == msgstr, "run python scripts/catalogue.py"


@pytest.mark.parametrize(
    ("asked", "environ", "language"),
    [
        (None, {}, "id"),
        (None, {"LANG": "C.UTF-8"}, "id"),
        (None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANGUAGE": "id:en", "LANG": "en_GB.UTF-8"}, "id"),
        (None, {"LC_ALL": "en_AU.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        (None, {"LAPORGEN_LANG": "id", "LANG": "en_US.UTF-8"}, "id"),
        ("en", {"LAPORGEN_LANG": "id"}, "en"),
        ("id", {"LANG": "en_US.UTF-8"}, "id"),
    ],
)
def test_the_language_is_asked_then_laporgen_lang_then_the_locale_else_indonesian(
    asked, environ, language
):
    assert i18n.choose(asked, environ) == language


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "laporgen.cli", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"), **env},
        timeout=60,
    )


def test_a_fresh_shell_gets_indonesian_and_an_english_locale_gets_english():
    indonesian = _cli("build", env={})
    english = _cli("build", env={"LANG": "en_US.UTF-8"})
    assert indonesian.returncode == english.returncode == 2
    assert "laporgen build: kesalahan: argumen berikut wajib diisi: path" in indonesian.stderr
    assert "penggunaan: laporgen build" in indonesian.stderr
    assert "laporgen build: error: the following arguments are required: path" in english.stderr


def test_lang_anywhere_on_the_line_beats_the_environment():
    after = _cli("build", "--lang", "id", env={"LANG": "en_US.UTF-8"})
    before = _cli("--lang=en", "build", env={"LAPORGEN_LANG": "id"})
    assert "kesalahan: argumen berikut wajib diisi" in after.stderr
    assert "error: the following arguments are required" in before.stderr


# --------------------------------------------------------------- no message left as bare text
# Where a module hands text to its user, the text must come from the catalogue: a `_()` or
# `ngettext()` call (or a name holding one), never a string literal or an f-string. Read with
# `ast`, so a message written bare in a new line of code fails here, not in front of a user.

SOURCE = ROOT / "src" / "laporgen"
MESSAGE_MODULES = [
    SOURCE / "cli.py",
    SOURCE / "build.py",
    SOURCE / "jenis.py",
    SOURCE / "output.py",
    SOURCE / "errors.py",
    *sorted((SOURCE / "render").glob("*.py")),
    *sorted((SOURCE / "commands").glob("*.py")),
]
"""The modules whose messages are checked (extend with a package's modules once its messages
are wrapped)."""

MESSAGE_KEYWORDS = ("help", "description", "epilog")
"""argparse's texts, a keyword of whichever call takes them."""
MESSAGE_ARGUMENTS: dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]] = {
    "Problem": ((1, 4), ("message", "hint")),
    "print": (None, ()),  # None: every positional argument
    "warn": ((0,), ("message",)),
    "warning": ((0,), ("msg",)),
    # the modules' own helpers that build a Problem from a message (and hint)
    "bad": ((2, 3), ()),
    "_template_error": ((1, 2), ("message", "hint")),
    "_engine_error": ((0,), ("message",)),
    "problem": ((1, 2), ("message", "hint")),  # a collector's or a source map's
    "refuse": ((0, 1), ()),
    "CellError": ((0, 1), ()),
}
"""Calls by name (a function or a method) → the positions and keywords of their message
arguments."""
TRANSLATING = ("_", "N_", "ngettext")
"""The calls that mark a message; their arguments must be literals Babel can read (or, in
`_()`, the name of an `N_()` constant)."""


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _bare(node: ast.expr) -> bool:
    """Whether `node` is text written in the code: a literal or f-string with words in it, or
    one concatenated, chosen (a if c else b) or formatted (`"…{x}".format()`, `"…%s" % x`)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and _has_words(str(part.value)) for part in node.values
        )
    if isinstance(node, ast.BinOp):
        return _bare(node.left) or _bare(node.right)
    if isinstance(node, ast.IfExp):
        return _bare(node.body) or _bare(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _bare(node.func.value)  # "… {x}".format(x=…), "; ".join(…) has no words
    return False


def _called(node: ast.Call) -> str:
    func = node.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )


def untranslated_texts(source: str) -> list[tuple[int, str]]:
    """(line, what) of every message in `source` written as bare text, and every marked message
    Babel could not read (an f-string or a call inside `_()`, a `_("…")` inside an f-string)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):  # Babel reads no message inside an f-string
            found += [
                (inner.lineno, f"{_called(inner)}() inside an f-string")
                for inner in ast.walk(node)
                if isinstance(inner, ast.Call)
                and _called(inner) in TRANSLATING
                and any(isinstance(a, ast.Constant) for a in inner.args)
            ]
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        if name in TRANSLATING:
            texts = node.args[:2] if name == "ngettext" else node.args[:1]
            # a constant of N_() messages is translated by name: `_(NOTE)`
            readable = (ast.Constant,) if name == "N_" else (ast.Constant, ast.Name, ast.Attribute)
            if not texts or not all(isinstance(t, readable) for t in texts):
                found.append((node.lineno, f"{name}() of something other than a literal"))
            continue
        checked = [kw.value for kw in node.keywords if kw.arg in MESSAGE_KEYWORDS]
        positions, keywords = MESSAGE_ARGUMENTS.get(name, ((), ()))
        checked += [
            arg
            for n, arg in enumerate(node.args)
            if positions is None or n in positions
            if not isinstance(arg, ast.Starred)
        ]
        checked += [kw.value for kw in node.keywords if kw.arg in keywords]
        found += [(arg.lineno, f"bare text in {name}()") for arg in checked if _bare(arg)]
    return sorted(found)


@pytest.mark.parametrize("module", MESSAGE_MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_message_is_written_as_bare_text(module):
    found = untranslated_texts(module.read_text(encoding="utf-8"))
    assert found == [], f"{module.name}: wrap these messages in _() (named .format() fields)"


def test_the_bare_text_test_finds_what_it_must():
    source = """
p.add_argument("--out", help="output folder")
p.add_argument("--out", help=_("output folder"))
print(f"wrote {path}")
print(_("wrote {file}").format(file=path), file=sys.stderr)
print(line)
print(f"{status}  {folder}")
Problem(file, f"cannot read {x}", 3, "field", "fix it")
Problem(file, _("cannot read {x}").format(x=x), hint=_("fix it"))
Problem(file, message="bad " + x)
warnings.warn("{n} entries".format(n=2))
_(f"no {x}")
ngettext("one", f"{n} more", n)
N_(NOTE)
_(NOTE) + _(module.NOTE)
log.warning(_("careful") if x else "take care")
print(f"{_('error:')} {problem}")
"""
    assert untranslated_texts(source) == [
        (2, "bare text in add_argument()"),
        (4, "bare text in print()"),
        (8, "bare text in Problem()"),
        (8, "bare text in Problem()"),
        (10, "bare text in Problem()"),
        (11, "bare text in warn()"),
        (12, "_() of something other than a literal"),
        (13, "ngettext() of something other than a literal"),
        (14, "N_() of something other than a literal"),
        (16, "bare text in warning()"),
        (17, "_() inside an f-string"),
    ]


# ------------------------------------------------------------------- the CLI in both languages
@pytest.fixture(autouse=True)
def _english_afterwards():
    """A test here may switch laporgen to Indonesian in this process; the tests after it read
    English (conftest)."""


# ----------------------------------------------------------- every message of the input layer
# The bad-input corpus (tests/bad_inputs, made and run as tests/test_bad_inputs.py does) run once
# in each language: the same problems, each line translated, its place and code unchanged.

REPORT_LINE = re.compile(
    r"^(?:(?P<severity>[EWI]) |(?P<prefix>\S+: ))(?P<where>[^:]+?(?::\d+)?): (?P<rest>.*) "
    r"\[(?P<code>[a-z][a-z._]*)\]$"
)
"""A problem (`error: file:line: …; fix [code]`, stderr) or a finding (`E file:line: … [code]`,
stdout); the prefix `error:` is the CLI's own word, translated too."""


@pytest.fixture
def english_after():
    """In-process CLI runs switch the language; the tests after this one read English again."""
    yield
    i18n.use("en")


COMMANDS = ("build", "check", "init", "serve", "outline", "schema", "diff", "export", "import")


def _help_texts(language: str) -> dict[str, list[str]]:
    """Every help text, description and epilog of the command line built in `language`: the
    main parser's under "", each command's under its name."""
    from laporgen import cli

    cli._speak(["--lang", language])  # as `main` does, argparse's own words too
    main = cli.parser()
    texts: dict[str, list[str]] = {"": [main.description, main.epilog]}
    for action in main._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts[""] += [choice.help for choice in action._choices_actions]
            for name, sub in action.choices.items():
                texts[name] = [sub.description, sub.epilog] + [a.help for a in sub._actions]
        else:
            texts[""].append(action.help)
    return {
        name: [t for t in found if t and t != argparse.SUPPRESS] for name, found in texts.items()
    }


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_help_text_is_translated():
    english, indonesian = _help_texts("en"), _help_texts("id")
    assert sorted(english) == sorted(indonesian) == sorted(("", *COMMANDS))
    for name in english:
        assert len(english[name]) == len(indonesian[name]) >= 3
        for en, id_ in zip(english[name], indonesian[name], strict=True):
            assert en != id_, f"{name or 'laporgen'}: not translated: {en!r}"


@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_help_speaks_indonesian_by_default_and_english_with_lang_en(command, run_cli):
    args = [command, "--help"] if command else ["--help"]
    code_id, indonesian, _err = run_cli("--lang", "id", *args)
    code_en, english, _err = run_cli("--lang", "en", *args)
    assert code_id == code_en == 0
    assert indonesian.startswith("penggunaan: laporgen") and english.startswith("usage: laporgen")
    shown_id, shown_en = _flat(indonesian), _flat(english)
    texts_en, texts_id = _help_texts("en")[command], _help_texts("id")[command]
    for en, id_ in zip(texts_en, texts_id, strict=True):
        assert _flat(id_) in shown_id and _flat(en) in shown_en
        if len(en.split()) >= 3:  # a sentence, not a word both languages share
            assert _flat(en) not in shown_id
    # words written for the Indonesian help, a few for every command
    assert "tampilkan bantuan ini lalu keluar" in shown_id
    assert ("contoh:" in shown_id) and ("example" not in shown_id)
    known = {
        "": ["Menyusun dokumen LKjIP, Renstra dan Perjanjian Kinerja dari berkas isi", "PERINTAH"],
        "build": ["folder keluaran (bawaan: output/)", "format keluaran, dipisah koma"],
        "check": ["satu baris per temuan (bawaan)", "Keluar dengan kode 1 bila ada temuan"],
        "init": ["jenis dokumen: lkjip, renstra atau pk (bawaan: dari nama folder"],
        "serve": ["Menyajikan HTML dokumen pada alamat lokal", "hanya komputer ini"],
        "outline": ["Menampilkan bagian-bagian dokumen"],
        "schema": ["sehingga ekstensi YAML di VS Code"],
        "diff": ["versi yang lebih dahulu: folder atau REV:FOLDER"],
        "export": ["format buku kerja (bawaan: xlsx)"],
        "import": ["berkas .docx berisi narasi", "timpa berkas narasi yang sudah ada"],
    }[command]
    for words in known:
        assert words in shown_id, words


# ------------------------------------------------------------------------ serve, in Indonesian
def test_the_serve_error_page_speaks_indonesian(example_copy):
    import urllib.error
    import urllib.request

    from laporgen.commands.serve import make_server

    def fetch(url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, exc.read().decode("utf-8")

    i18n.use("id")
    (example_copy / "document.toml").unlink()
    server = make_server(example_copy, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, page = fetch(server.url)
        missing, answer = fetch(server.url + "nothing-here")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert status == 500 and '<html lang="id">' in page
    assert "<title>laporgen: isi dokumen mengandung kesalahan</title>" in page
    assert (
        '<div id="laporgen-error" role="alert">laporgen: isi dokumen mengandung kesalahan</div>'
        in page
    )
    where = display_path(example_copy / "document.toml")
    assert (
        f"<li>kesalahan: {where}: berkas tidak ada; buat document.toml berisi jenis = "
        "&quot;lkjip&quot;, &quot;renstra&quot; atau &quot;pk&quot; [input.file]</li>" in page
    )
    assert "Halaman dimuat ulang dengan sendirinya setiap kali berkas disimpan." in page
    # the banner the page's script shows when `laporgen serve` stops answering
    assert (
        'stopped.textContent = "laporgen serve tidak menjawab: halaman ini mungkin sudah tidak '
        'mutakhir.";' in page
    )
    for english in ("error:", "content has errors", "reloads by itself", "not answering"):
        assert english not in page
    assert (missing, answer) == (404, "tidak ditemukan\n")


# ------------------------------------------------------------------- a whole build, both ways
def test_a_build_writes_the_same_files_and_tells_of_them_in_each_language(example_copy, run_cli):
    outputs, told = {}, {}
    for language in ("id", "en"):
        out = example_copy.parent / f"output-{language}"
        code, stdout, stderr = run_cli(
            "--lang", language, "build", example_copy, "--out", out, "--format", "docx,html",
            "--no-page-numbers", "--verbose",
        )  # fmt: skip
        assert (code, stderr) == (0, "")
        outputs[language] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        told[language] = [line.replace(str(out), "OUT") for line in stdout.splitlines()]
    assert outputs["id"] == outputs["en"] and len(outputs["id"]) == 2  # the documents: Indonesian
    name = next(iter(outputs["id"])).rsplit(".", 1)[0]
    where = display_path(example_copy)
    assert told["id"][0] == f"menyusun {where} sebagai docx, html"
    assert told["en"][0] == f"building {where} as docx, html"
    for fmt in ("docx", "html"):
        size = f"{len(outputs['id'][f'{name}.{fmt}']):,}".replace(",", ".")
        assert f"ditulis: OUT/{name}.{fmt} ({size} bita)" in told["id"]
        assert f"wrote OUT/{name}.{fmt} ({size} bytes)" in told["en"]
    assert re.fullmatch(r"selesai dalam \d+\.\d detik", told["id"][-1])
    assert re.fullmatch(r"done in \d+\.\d s", told["en"][-1])


def test_check_and_its_count_in_each_language(example_copy, run_cli):
    code_id, out_id, err_id = run_cli("--lang", "id", "check", example_copy)
    code_en, out_en, err_en = run_cli("--lang", "en", "check", example_copy)
    assert code_id == code_en == 1
    assert out_id.count("\n") == out_en.count("\n") > 0  # the same findings, one a line
    n = out_en.count("\n")
    where = display_path(example_copy)
    assert err_id == f"{n} temuan di {where}\n" and err_en == f"{n} finding(s) in {where}\n"


def test_a_usage_problem_in_each_language(example_copy, run_cli):
    code, _out, err = run_cli("build", example_copy, "--format", "docx,odt", "--lang", "id")
    assert code == 2
    assert err == (
        "kesalahan: baris perintah: --format 'docx,odt': format odt tidak dikenal; isikan satu "
        "atau lebih dari docx, html, pdf, dipisah koma, mis. --format docx,pdf [usage]\n"
    )
    code, _out, err = run_cli("build", example_copy, "--format", "docx,odt", "--lang", "en")
    assert err == (
        "error: command line: --format 'docx,odt': unknown format odt; give one or more of "
        "docx, html, pdf, separated by commas, e.g. --format docx,pdf [usage]\n"
    )


@pytest.mark.browser
def test_a_browser_shows_the_error_page_and_the_stopped_banner_in_indonesian(
    example_copy,
    chromium,  # noqa: F811  (the fixture imported from test_serve)
):
    """What the page's own script writes (the banner when `serve` stops answering) is read in
    Chromium, as the user sees it."""
    from selenium.webdriver.support.ui import WebDriverWait

    from laporgen.commands.serve import make_server

    i18n.use("id")
    (example_copy / "document.toml").unlink()
    server = make_server(example_copy, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        chromium.get(server.url)
        banner = chromium.execute_script(
            'return document.getElementById("laporgen-error").textContent'
        )
        problems = chromium.execute_script(
            'return document.getElementById("laporgen-problems").textContent'
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert banner == "laporgen: isi dokumen mengandung kesalahan"
    assert problems.strip().startswith("kesalahan: ") and "berkas tidak ada" in problems
    stopped = WebDriverWait(chromium, 30, poll_frequency=0.2).until(
        lambda d: d.execute_script(
            'const s = document.getElementById("laporgen-stopped"); return s && s.textContent'
        ),
        message="no banner within 30 s of the server stopping",
    )
    assert stopped == "laporgen serve tidak menjawab: halaman ini mungkin sudah tidak mutakhir."


def report_lines(text: str) -> list[re.Match]:
    return [m for line in text.splitlines() if (m := REPORT_LINE.match(line))]


def assert_translated(english: str, indonesian: str) -> None:
    """Line by line: the same place and code, different words."""
    en, id_ = report_lines(english), report_lines(indonesian)
    assert len(en) == len(id_), (english, indonesian)
    # a file's path stays as it is; a place that is a word ("command line") is translated
    catalogue = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["id"])
    for e, i in zip(en, id_, strict=True):
        assert (e["severity"], catalogue.gettext(e["where"]), e["code"]) == (
            i["severity"],
            i["where"],
            i["code"],
        )
        assert e["rest"] != i["rest"], f"not translated: {e.string}"


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_every_bad_input_is_reported_in_both_languages(
    folder,
    tmp_path,
    previous_output,  # noqa: F811  (the fixture imported above)
    monkeypatch,
    english_after,
):
    en = run_case(folder, tmp_path / "en", previous_output, monkeypatch, "--lang", "en")
    id_ = run_case(folder, tmp_path / "id", previous_output, monkeypatch, "--lang", "id")
    assert en.code == id_.code
    assert len(en.stderr.splitlines()) == len(id_.stderr.splitlines()), (en.stderr, id_.stderr)
    assert "Traceback" not in id_.stderr, id_.stderr
    assert_translated(en.stderr, id_.stderr)
    if en.code == 1:
        assert_translated(en.stdout, id_.stdout)
    if en.code == 2:
        assert report_lines(en.stderr), en.stderr


EXAMPLES = ROOT / "content"


@pytest.mark.parametrize(
    ("document", "slip"),
    [
        # a printed capaian that is not the computed one, and a value still to fill in
        ("magetan-dinsos/lkjip-2024", ("kinerja.yaml", r"capaian: [0-9.]+", "capaian: 1.5")),
        # a PK pagu that is not the one the LKjIP holds
        ("magetan-dinsos/pk-2024", ("anggaran.yaml", r"pagu: 39845000", "pagu: 39845001")),
        # the Renstra as signed: their findings are the documents' own (RENSTRA-SPEC)
        ("magetan-dinsos/renstra-2018-2023", None),
        ("magetan-dinsos/renstra-2024-2026", None),
        ("blitar-dinsos/renstra-2021-2026", None),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_check_findings_are_translated(document, slip, tmp_path, monkeypatch, english_after):
    """`laporgen check` of a copy of each example, with a slip where the example has no finding:
    every finding in both languages, at the same place with the same code."""
    agency, folder = document.split("/")
    shutil.copytree(EXAMPLES / agency, tmp_path / agency)
    monkeypatch.chdir(tmp_path)
    if slip:
        name, pattern, replacement = slip
        path = tmp_path / document / name
        text = path.read_text(encoding="utf-8")
        assert re.search(pattern, text), pattern
        path.write_text(
            re.sub(pattern, replacement, text, count=1) + "\n# [ISI] still to fill\n",
            encoding="utf-8",
        )
    en = invoke_cli("check", document, "--lang", "en")
    id_ = invoke_cli("check", document, "--lang", "id")
    assert en[0] == id_[0] == 1, en
    assert report_lines(en[1]), en[1]
    assert_translated(en[1], id_[1])


def test_a_finding_reads_in_indonesian(tmp_path, monkeypatch, english_after):
    shutil.copytree(EXAMPLE_AGENCY, tmp_path / EXAMPLE_AGENCY.name)
    monkeypatch.chdir(tmp_path)
    kinerja = tmp_path / DOC / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    kinerja.write_text(re.sub(r"capaian: [0-9.]+", "capaian: 1.5", text, count=1), encoding="utf-8")
    _, out, _ = invoke_cli("check", DOC, "--lang", "id")
    assert (
        "E magetan-dinsos/lkjip-2024/kinerja.yaml:24: realisasi.IS3.1.tercetak.capaian: "
        "tercetak 1,5, hasil hitung 95,00 (0,038 / 0,04 x 100) [capaian]"
    ) in out.splitlines(), out


# ------------------------------------------------------ no message written outside a catalogue
SOURCE = ROOT / "src" / "laporgen"
CORE_PACKAGES = ("model", "compute", "document", "check")
MESSAGE_CALLS = {
    "Problem",  # Problem(file, message, line, field, hint, code)
    "problem",  # Source.problem(loc, message, hint, code) and the YAML reader's
    "Finding",
    "LaporgenError",
    "_finding",  # the check modules' Finding makers
    "_link_problem",
    "OutlineProblem",
    "SecurityError",  # a narrative's sandbox refusing: the text follows "template error:"
    "_LimitError",
    "_OutputLimitError",
    "PydanticCustomError",
    "warn",
}
VALIDATOR_ERRORS = {"ValueError", "RumusError"}
"""Raised in a pydantic validator (model/), their text is the problem's message; elsewhere a
ValueError is a bug laporgen reports as one, in English."""


def _untranslated(node: ast.AST) -> list[ast.AST]:
    """The bare texts in an argument: a literal with words, an f-string with words around its
    values; the branches of `a if c else b` and both sides of `+` are looked into."""
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) + _untranslated(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _untranslated(node.left) + _untranslated(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node] if re.search(r"[A-Za-z]{2,}\S*\s+\S*[A-Za-z]{2,}", node.value) else []
    if isinstance(node, ast.JoinedStr):
        words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [node] if re.search(r"[A-Za-z]{2,}", words) and " " in words else []
    return []


def untranslated_messages(source: str, validators: bool = True) -> list[str]:
    """`line: text` of every message literal handed to a Problem/Finding/error without `_()`
    (and to a ValueError, when `validators`: in model/)."""
    calls = MESSAGE_CALLS | VALIDATOR_ERRORS if validators else MESSAGE_CALLS
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in calls:
            continue
        # the first argument of PydanticCustomError is its type, a word: its template follows
        args = node.args[1:] if name == "PydanticCustomError" else node.args
        for arg in [*args, *(k.value for k in node.keywords if k.arg != "code")]:
            found += [f"{bare.lineno}: {ast.unparse(bare)}" for bare in _untranslated(arg)]
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for package in CORE_PACKAGES for p in (SOURCE / package).rglob("*.py")),
    ids=lambda p: p.relative_to(SOURCE).as_posix(),
)
def test_no_untranslated_message_literal(path):
    """Every message and hint of the input layer, the checks and the document builders is
    marked for the catalogue: `_("…{name}…").format(name=…)`, never a bare text or f-string."""
    validators = path.parent.name == "model"
    assert untranslated_messages(path.read_text(encoding="utf-8"), validators) == []


@pytest.mark.parametrize(
    "source",
    [
        'Problem(name, f"both {names} exist", hint="keep one", code="input.file")',
        'source.problem(loc, _("a"), "write it out" if x else _("b"), "input.value")',
        'raise ValueError("give either realisasi or realisasi_dari, not both")',
        'PydanticCustomError("number", "expected a number, got {got}", {})',
        'Finding("W", c.sources[p].problem(loc, "the unit " + why, None, "satuan"))',
    ],
)
def test_the_literal_check_finds_a_bare_message(source):
    assert untranslated_messages(source)


def test_the_literal_check_passes_a_marked_message():
    marked = (
        'Problem(name, _("both {names} exist").format(names=n), hint=_("keep one"), '
        'code="input.file")'
    )
    assert untranslated_messages(marked) == []
