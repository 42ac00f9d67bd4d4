"""laporgen speaks Bahasa Indonesia by default and English on request, from gettext catalogues:
every marked message has its translation, the compiled catalogue is the one in the `.po`, and the
language is chosen as the README says."""

from __future__ import annotations

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
