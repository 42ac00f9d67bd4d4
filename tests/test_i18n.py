"""laporgen speaks Bahasa Indonesia by default and English on request, from gettext catalogues:
every marked message has its translation, the compiled catalogue is the one in the `.po`, and the
language is chosen as the README says."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from laporgen import i18n

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
    Babel could not read (an f-string or a name inside `_()`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
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
    ]
