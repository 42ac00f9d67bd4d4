"""The language laporgen speaks to its user: Bahasa Indonesia by default, English on request.

Messages are written in English in the code and marked `_("…")` (or `N_("…")` where the text is
kept in a constant and translated where it is shown); gettext catalogues translate them
(`locale/<lang>/LC_MESSAGES/laporgen.po`, compiled to `.mo` by `scripts/catalogue.py` with Babel).
A message with values names them — `_("{file} is not a folder").format(file=…)` — so a translation
may put them in its own order.

The language is chosen once per run, before any message is built: `--lang`, else `LAPORGEN_LANG`,
else the environment's locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`) when it names English,
else Indonesian. The documents laporgen writes are Indonesian whatever the language of its messages.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "laporgen"
LANGUAGES = ("id", "en")
DEFAULT = "id"
ENV = "LAPORGEN_LANG"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it yet (module constants, which are
    built before the language is chosen); `_()` translates it where it is shown."""
    return message


def _(message: str) -> str:
    """`message` in the chosen language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural `message` for `n`, in the chosen language (Indonesian has one form)."""
    return _translation.ngettext(singular, plural, n)


def choose(asked: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of this run: `asked` (from `--lang`), else `LAPORGEN_LANG`, else English when
    the locale names it, else Indonesian."""
    env = os.environ if environ is None else environ
    for value in (asked, env.get(ENV)):
        if value:
            return value if value in LANGUAGES else DEFAULT
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:  # the first one set decides, as in gettext (LANGUAGE may list several)
            first = value.split(":")[0]
            return "en" if first.lower().startswith("en") else DEFAULT
    return DEFAULT


def use(language: str) -> None:
    """Speak `language` from now on (`en` is the messages as written, no catalogue)."""
    global _translation, _language
    if language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    _language = language


def current() -> str:
    return _language


# argparse's own words (usage, section titles, its errors), translated through this catalogue:
# cli.py hands `_`/`ngettext` to argparse, which looks its messages up by these exact texts
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("can't open '%(filename)s': %(error)s"),
)

use(choose())
