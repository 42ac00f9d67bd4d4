"""Keep the message catalogues in step with the code: extract every `_()`, `N_()` and `ngettext()`
message from `src/laporgen` and every description of the JSON Schemas (the models' field
descriptions and docstrings, which `laporgen schema` translates) and every comment of the files
`laporgen init` writes (`templates/init/`), merge it into each language's `.po` (new messages untranslated, gone
ones dropped) and compile the `.mo` laporgen reads.

    python scripts/catalogue.py            # extract, update, compile
    python scripts/catalogue.py --check    # exit 1 when a message lacks a translation

Babel does the work (`pybabel extract/update/compile` as a library); translations are written in
the `.po` files by hand.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "laporgen"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("id",)
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extracted() -> Catalog:
    """Every message the code marks, with where it is."""
    # a fixed date, so a catalogue file changes only when its messages do
    template = Catalog(project="laporgen", charset="utf-8", creation_date=FIXED_DATE)
    for filename, lineno, message, comments, _context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        template.add(message, None, [(f"src/laporgen/{filename}", lineno)], auto_comments=comments)
    for message, names in schema_messages().items():
        template.add(message, None, [(f"schemas/{name}.schema.json", 0) for name in names])
    for message, files in scaffold_messages().items():
        template.add(message, None, [(f"src/laporgen/templates/init/{f}", 0) for f in files])
    return template


def schema_messages() -> dict[str, list[str]]:
    """The descriptions of the JSON Schemas (`laporgen schema`), as the models write them: the
    command shows them in the chosen language."""
    sys.path.insert(0, str(ROOT / "src"))
    from laporgen.commands.schema import messages

    return messages()


def scaffold_messages() -> dict[str, list[str]]:
    """The comments of the files `laporgen init` writes, a paragraph or an end-of-line comment
    each: written in the chosen language."""
    sys.path.insert(0, str(ROOT / "src"))
    from laporgen.commands.scaffold import template_messages

    return template_messages()


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "laporgen.po"


def updated(language: str, template: Catalog) -> Catalog:
    path = po_path(language)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=language)
    else:
        catalog = Catalog(
            locale=language, project="laporgen", charset="utf-8", creation_date=FIXED_DATE
        )
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = FIXED_DATE
    catalog.copyright_holder = catalog.last_translator = "laporgen contributors"
    catalog.language_team = "laporgen contributors"
    catalog.msgid_bugs_address = ""
    catalog.fuzzy = False
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--check", action="store_true", help="only report untranslated messages")
    check = args.parse_args().check
    template = extracted()
    status = 0
    for language in LANGUAGES:
        catalog = updated(language, template)
        missing = untranslated(catalog)
        for message in missing:
            print(f"{language}: untranslated: {message!r}", file=sys.stderr)
        status |= bool(missing)
        if check:
            continue
        po = po_path(language)
        po.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
        po.write_bytes(buffer.getvalue())
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog)
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
