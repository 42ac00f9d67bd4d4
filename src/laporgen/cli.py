"""`laporgen init|build|check|serve|diff|export|import|schema`: arguments in, exit codes out.
The only module that prints or exits.

Exit codes: 0 done/clean, 1 `check` findings, 2 invalid input (one line per problem), 3 a bug
(rerun with --debug for the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import sys
import time
from pathlib import Path
from typing import BinaryIO

from . import collector, i18n
from .errors import LaporgenError, Problem, display_path
from .i18n import N_, _, ngettext

EXAMPLES = (
    ("laporgen init content/dinsos-contoh/lkjip-2025 --type lkjip", None),
    (
        "laporgen init content/magetan-dinsos/lkjip-2025 --from content/magetan-dinsos/lkjip-2024",
        None,
    ),
    ("laporgen build content/magetan-dinsos/lkjip-2024 --out output/", None),
    ("laporgen build content/ --out output/", N_("(every document, in parallel)")),
    ("laporgen serve content/magetan-dinsos/lkjip-2024", N_("(live preview in the browser)")),
    ("laporgen build content/magetan-dinsos/lkjip-2024 --format docx,html,pdf", None),
    ("laporgen check content/magetan-dinsos/lkjip-2024", None),
    ("laporgen export content/magetan-dinsos/lkjip-2024 --format xlsx", None),
    ("laporgen export content/magetan-dinsos/lkjip-2024 --template realisasi", None),
    (
        "laporgen import output/lkjip-2024-dinas-sosial-kabupaten-magetan-realisasi.xlsx "
        "--into content/magetan-dinsos/lkjip-2024",
        None,
    ),
)
"""The main --help's examples: the command line, and what it does when the command alone does
not say (translated where shown)."""


def _examples(*lines: str | tuple[str, str | None]) -> str:
    """An epilog of example command lines, under a translated title; a line given with a note
    has the note after it, the notes aligned."""
    pairs = [line if isinstance(line, tuple) else (line, None) for line in lines]
    width = max((len(command) for command, note in pairs if note), default=0) + 6
    shown = [
        f"  {command.ljust(width)}{_(note)}" if note else f"  {command}" for command, note in pairs
    ]
    return "\n".join([ngettext("example:", "examples:", len(pairs)), *shown])


def _version() -> str:
    from importlib.metadata import (
        PackageNotFoundError,
        version,
    )  # 20 ms to import: only for --version

    try:
        return version("laporgen")
    except PackageNotFoundError:
        return _("unknown")


class _VersionAction(argparse.Action):
    """`--version`, the installed version looked up when asked, not on every command."""

    def __init__(
        self,
        option_strings,
        dest=argparse.SUPPRESS,
        default=argparse.SUPPRESS,
        help=None,
    ):
        # translated here, not as the default: the language is chosen after this module loads
        help = help or _("show laporgen's version and exit")
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(_("laporgen {version}").format(version=_version()))
        parser.exit()


def folder_path(text: str) -> Path:
    """A folder argument whose own name is known: "." or ".." (typed inside a document folder)
    becomes the absolute path, since the agency file, the output names and the document type
    come from the folder's name and its parent."""
    path = Path(text)
    return Path(os.path.abspath(text)) if path.name in ("", "..") else path


def _global_options(p: argparse.ArgumentParser, default: object) -> None:
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=default if default is argparse.SUPPRESS else None,
        help=_(
            "the language of messages: id (Bahasa Indonesia, the default) or en; "
            "also LAPORGEN_LANG, or an English locale"
        ),
    )
    p.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help=_("show the Python traceback of an internal error"),
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default,
        help=_("print only errors and findings"),
    )
    p.add_argument(
        "--verbose",
        action="store_true",
        default=default,
        help=_("print what is done, step by step"),
    )


def parser() -> argparse.ArgumentParser:
    """The command line, its texts in the language chosen (`_speak` runs first)."""
    p = argparse.ArgumentParser(
        prog="laporgen",
        description=_(
            "Renders LKjIP, Renstra and Perjanjian Kinerja documents from content files, with every figure computed."
        ),
        epilog=_examples(*EXAMPLES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action=_VersionAction)
    _global_options(p, False)
    sub = p.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    # the same options after the command (`laporgen build X -q`); SUPPRESS keeps a subcommand
    # from resetting what was given before it (`laporgen -q build X`)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, argparse.SUPPRESS)
    command = functools.partial(sub.add_parser, parents=[common])

    b = command(
        "build",
        help=_("render a document folder into output files"),
        description=_("Render a document folder (content/<agency>/<document>) into DOCX."),
        epilog=_examples(
            "laporgen build content/magetan-dinsos/lkjip-2024 --out output/",
            "laporgen build content/magetan-dinsos/lkjip-2024 --format docx,html,pdf",
            "laporgen build content/magetan-dinsos/lkjip-2024 --format pdf --pdf-engine libreoffice",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument(
        "path",
        type=folder_path,
        help=_("the document folder, or a folder of documents (all are built, in parallel)"),
    )
    b.add_argument(
        "--out", type=Path, default=Path("output"), help=_("output folder (default: output/)")
    )
    b.add_argument(
        "--jobs",
        type=int,
        help=_("documents built at once when PATH holds several (default: one per core)"),
    )
    b.add_argument(
        "--template",
        type=Path,
        help=_("a Word template to use instead of the bundled laporgen.docx"),
    )
    b.add_argument(
        "--format",
        default="docx",
        help=_("comma-separated output formats: docx, html, pdf (default: docx)"),
    )
    b.add_argument(
        "--pdf-engine",
        default="typst",
        choices=("typst", "weasyprint", "libreoffice"),
        help=_(
            "typst: laid out by Typst, fastest (default); weasyprint: the HTML printed; "
            "libreoffice: the DOCX converted, with Word's line and page breaks"
        ),
    )
    b.add_argument(
        "--pdf-standard",
        choices=("a-2b", "a-3b"),
        help=_("make the PDF an archival PDF/A file of this level (typst engine only), e.g. a-2b"),
    )
    b.add_argument(
        "--no-page-numbers",
        action="store_true",
        help=_(
            "skip the LibreOffice layout that writes page numbers into the DOCX's contents lists "
            "(faster; Word then fills them in when the file is opened)"
        ),
    )

    c = command(
        "check",
        help=_("report input values that disagree with the computed figures"),
        description=_(
            "List every inconsistency of the input: printed values that differ from the "
            "computed ones, quarterly totals off the plan, missing strategi. Exit 1 when any."
        ),
        epilog=_examples("laporgen check content/magetan-dinsos/lkjip-2024"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("path", type=folder_path, help=_("the document folder"))
    c.add_argument(
        "--format",
        dest="check_format",
        default="text",
        choices=("text", "json"),
        help=_(
            "text: one line per finding (default); json: a list of findings (severity, code, "
            "file, line, field, message, hint) for other tools"
        ),
    )

    i = command(
        "init",
        help=_("start a new document folder, or next year's LKjIP from this year's"),
        description=_(
            "Write a new document folder with every file commented and [ISI] marking what to "
            "fill in (it builds as it is; `laporgen check` lists the markers), or, with --from, "
            "next year's LKjIP from this year's: the year moved on, this year's realisasi moved "
            "into riwayat and emptied, narrative kept as a draft."
        ),
        epilog=_examples(
            "laporgen init content/dinsos-contoh/lkjip-2025 --type lkjip",
            "laporgen init content/dinsos-contoh/renstra-2025-2030 --type renstra --tahun 2026",
            "laporgen init content/magetan-dinsos/lkjip-2025 --from content/magetan-dinsos/lkjip-2024",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    i.add_argument(
        "path", type=folder_path, help=_("the new document folder (content/<agency>/<document>)")
    )
    i.add_argument(
        "--type",
        help=_(
            "the document type: lkjip, renstra or pk (default: from the folder name, "
            "renstra-2025-2029 → renstra; else lkjip)"
        ),
    )
    i.add_argument(
        "--tahun",
        type=int,
        help=_(
            "the report year (LKjIP) or first plan year (Renstra); default: from the folder name"
        ),
    )
    i.add_argument(
        "--from", dest="previous", type=folder_path, help=_("start from this year's LKjIP folder")
    )
    i.add_argument(
        "--schemas",
        type=Path,
        default=Path("schemas"),
        help=_("where the JSON Schemas go (default: schemas/)"),
    )

    sv = command(
        "serve",
        help=_("preview a document in the browser, refreshed on every save"),
        description=_(
            "Serve the document's HTML on a local address and refresh the browser when a content "
            "or template file changes; a content error shows on the page with the same message "
            "as the CLI."
        ),
        epilog=_examples("laporgen serve content/magetan-dinsos/lkjip-2024 --port 8000"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sv.add_argument("path", type=folder_path, help=_("the document folder"))
    sv.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("address to listen on (default: 127.0.0.1, this computer only)"),
    )
    sv.add_argument(
        "--port", type=int, default=8000, help=_("port (default: 8000; 0 picks a free one)")
    )

    o = command(
        "outline",
        help=_("list the document's sections with their numbers and ids"),
        description=_(
            "Print the document's sections as they will be built (after the renames, drops "
            "and additions of document.toml's [outline]), each with its number, title and id: the "
            "id names its narrative file (narasi/<id>.md) and is what [outline] refers to."
        ),
        epilog=_examples("laporgen outline content/magetan-dinsos/lkjip-2024"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    o.add_argument("path", type=folder_path, help=_("the document folder"))

    sc = command(
        "schema",
        help=_("write JSON Schema for every content file kind (editor validation)"),
        description=_(
            "Write one JSON Schema per content file kind, from the same models laporgen "
            "validates with. Files made by `laporgen init` point to them in their first line "
            "(# yaml-language-server: $schema=...), so VS Code's YAML extension checks and "
            "completes as you type."
        ),
        epilog=_examples("laporgen schema --out schemas/"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sc.add_argument(
        "--out", type=Path, default=Path("schemas"), help=_("output folder (default: schemas/)")
    )

    d = command(
        "diff",
        help=_("show what changed between two versions of a document"),
        description=_(
            "Compare two versions of a document's content: every tujuan, sasaran, indicator, "
            "target, program/kegiatan and pagu added, removed or changed (per year), and the "
            "narrative sections that changed. A version is a folder, or REV:FOLDER for the folder "
            "at a git revision. Exit 0: no changes; 1: changes."
        ),
        epilog=_examples(
            "laporgen diff content/old/renstra-2018-2023 content/magetan-dinsos/renstra-2018-2023",
            "laporgen diff HEAD~3:content/magetan-dinsos/renstra-2018-2023 "
            "content/magetan-dinsos/renstra-2018-2023",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    d.add_argument("old", help=_("the earlier version: a folder or REV:FOLDER"))
    d.add_argument("new", help=_("the later version: a folder or REV:FOLDER"))

    e = command(
        "export",
        help=_(
            "write the document's tables, its data, or a realisasi template, as an Excel workbook"
        ),
        description=_(
            "Write every table of the document as an Excel workbook, one sheet per table "
            "(numbers as numbers, header rows frozen, merged group headers). With --template data, "
            "write instead the whole content as a workbook to edit (tujuan, sasaran, indicators and "
            "targets per year, the program tree with its pagu, realisasi, SDM, aset; an LKjIP's plan "
            "sheets are its Renstra's), read back with `laporgen import`. With --template realisasi, "
            "write the template of an LKjIP's realisasi (indicators and budget), to fill in and "
            "read back with `laporgen import`."
        ),
        epilog=_examples(
            "laporgen export content/magetan-dinsos/lkjip-2024 --format xlsx",
            "laporgen export content/blitar-dinsos/renstra-2021-2026 --out output/",
            "laporgen export content/magetan-dinsos/lkjip-2024 --template realisasi",
            "laporgen export content/blitar-dinsos/renstra-2021-2026 --template data",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("path", type=folder_path, help=_("the document folder"))
    e.add_argument(
        "--format",
        default="xlsx",
        choices=("xlsx",),
        help=_("the workbook format (default: xlsx)"),
    )
    e.add_argument(
        "--out", type=Path, default=Path("output"), help=_("output folder (default: output/)")
    )
    e.add_argument(
        "--template",
        choices=("data", "realisasi"),
        help=_(
            "data: the whole content to edit (<name>-data.xlsx); realisasi: the LKjIP's realisasi "
            "template (<name>-realisasi.xlsx); instead of the tables"
        ),
    )

    i = command(
        "import",
        help=_(
            "read a data workbook or filled realisasi template (.xlsx), or a Word narrative "
            "(.docx), into content"
        ),
        description=_(
            "FILE.xlsx made by `laporgen export PATH --template data`: write every changed cell "
            "into the content files (a row added becomes a new node, a row removed is deleted), "
            "keeping their comments and order; a workbook imported unchanged changes nothing. "
            "FILE.xlsx made by `--template realisasi`: read the realisasi (indicators, program and "
            "kegiatan indicators, budget and its shares per sasaran) and quarterly targets of a "
            "filled template (made by `laporgen export PATH --template realisasi`) into the "
            "LKjIP's kinerja and program files, keeping their comments and order and removing the "
            "[ISI] marker of each value filled. Decimals may be typed with a comma or a dot. "
            "Every cell is checked first: on any problem nothing is written (exit 2).\n"
            "FILE.docx: write the narrative of a Word file into narasi/<section>.md: each heading "
            "is matched to a section of the document by its number (BAB III, 3.1) or title; bold, "
            "italic, lists, tables and pictures are kept; headings that match no section are "
            "listed."
        ),
        epilog=_examples(
            "laporgen import realisasi.xlsx --into content/magetan-dinsos/lkjip-2024",
            "laporgen import data.xlsx --into content/blitar-dinsos/renstra-2021-2026",
            "laporgen import narasi-bab3.docx --into content/magetan-dinsos/lkjip-2024 "
            "--placeholders",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    i.add_argument("file", type=Path, help=_("the filled .xlsx template, or a .docx of narrative"))
    i.add_argument(
        "--into", type=folder_path, required=True, metavar="PATH", help=_("the document folder")
    )
    i.add_argument(
        "--placeholders",
        action="store_true",
        help=_(".docx: write figures that equal a computed one as placeholders ({{ rata_rata }})"),
    )
    i.add_argument(
        "--overwrite", action="store_true", help=_(".docx: replace narrative files that exist")
    )
    return p


def _asked_language(argv: list[str]) -> str | None:
    """`--lang X` / `--lang=X` anywhere on the line, read before the parser is built: its help
    texts are already in the chosen language."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _speak(argv: list[str]) -> None:
    i18n.use(i18n.choose(_asked_language(argv)))
    # argparse looks up its own words ("usage:", its errors) through these module names
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """The `laporgen` command (`argv` None: this process's own arguments, and the process
    ends when this returns), or the command with `argv`, as the tests run it."""
    # laporgen's content models are its own: no pydantic plugin installed beside it (a tracing
    # tool's) is to instrument them, and looking for one scans the entry points of every
    # installed package (4 ms of a `laporgen check`). `PYDANTIC_DISABLE_PLUGINS=` lets them in.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _speak(sys.argv[1:] if argv is None else [str(a) for a in argv])
    args = parser().parse_args(argv)
    # A command is one short process (serve aside): the cyclic collector would only re-scan
    # what the imports create, some 70 times in a `laporgen check`, a tenth of its time.
    pause = contextlib.nullcontext() if args.command == "serve" else collector.paused()
    try:
        with pause:
            try:
                return _run(args)
            finally:
                if argv is None:
                    # The process ends next. Switched back on, the collector would scan every
                    # object the command made, and Python's exit scans them again: a tenth of
                    # a second after an LKjIP build, to free what the exit frees anyway. Frozen,
                    # they are left out (atexit handlers and module teardown still run).
                    gc.freeze()
    except LaporgenError as exc:
        label = _red(_("error:"))  # not inside the f-string: Babel would not find it there
        for problem in exc.problems:
            print(f"{label} {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `laporgen outline X | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # anything else is a bug in laporgen, not the user's input
        if args.debug:
            raise
        print(
            _("internal error: {error}; rerun with --debug and report it").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            file=sys.stderr,
        )
        return 3


def _write_text(stream: BinaryIO, text: str) -> None:
    stream.write(text.encode("utf-8"))


def _red(text: str) -> str:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
        return f"\033[31m{text}\033[0m"
    return text


def _check_options(args: argparse.Namespace) -> None:
    """Every option value a command was given, checked before anything runs: argparse checks
    the type only (`--format ""` is a string, `--port 99999` an int)."""
    problems: list[Problem] = []

    def bad(option: str, value: object, message: str, hint: str) -> None:
        problems.append(
            Problem(
                _("command line"),
                _("{option} {value}: {message}").format(
                    option=option, value=repr(value), message=message
                ),
                hint=hint,
                code="usage",
            )
        )

    if args.command == "build":
        from .build import FORMATS

        formats = [f.strip() for f in args.format.split(",")]
        unknown = [f for f in formats if f and f not in FORMATS]
        if not any(formats) or unknown or "" in formats:
            what = (
                _("unknown format {formats}").format(formats=", ".join(unknown))
                if unknown
                else _("a format is empty")
            )
            bad(
                "--format",
                args.format,
                what,
                _(
                    "give one or more of {formats}, separated by commas, e.g. --format docx,pdf"
                ).format(formats=", ".join(FORMATS)),
            )
        if args.jobs is not None and args.jobs < 1:
            bad(
                "--jobs",
                args.jobs,
                _("needs at least one job"),
                _("give a number from 1, or leave --jobs out"),
            )
    if args.command == "serve" and not 0 <= args.port <= 65535:
        bad(
            "--port",
            args.port,
            _("not a port number"),
            _("give a port from 1024 to 65535, or 0 for any free one"),
        )
    if (
        args.command == "init"
        and args.tahun is not None
        and not MIN_TAHUN <= args.tahun <= MAX_TAHUN
    ):
        bad(
            "--tahun",
            args.tahun,
            _("not a year laporgen reports on"),
            _(
                "give the report year (LKjIP) or first plan year (Renstra), {first}-{last}, "
                "e.g. --tahun 2025"
            ).format(first=MIN_TAHUN, last=MAX_TAHUN),
        )
    if problems:
        raise LaporgenError(problems)


MIN_TAHUN, MAX_TAHUN = 1900, 2200
"""The years the content models accept (model/fields.py `Tahun`)."""


def _run(args: argparse.Namespace) -> int:
    from . import build as pipeline

    _check_options(args)
    if args.command == "build":
        _check_source_date_epoch()
        formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
        from .commands.batch import find_documents, is_document

        if args.path.is_dir() and not is_document(args.path) and find_documents(args.path):
            return _build_all(
                args.path, args.out, formats, args.jobs, args.quiet, not args.no_page_numbers
            )
        if args.verbose:
            print(
                _("building {folder} as {formats}").format(
                    folder=display_path(args.path), formats=", ".join(formats)
                ),
                flush=True,
            )
        started = time.perf_counter()
        built = pipeline.build(
            args.path,
            args.out,
            formats,
            template=args.template,
            pdf_engine=args.pdf_engine,
            pdf_standard=args.pdf_standard,
            page_numbers=not args.no_page_numbers,
        )
        for note in built.notes:
            _warn(note)
        if not args.quiet:
            for path in built.outputs:
                if args.verbose:
                    print(
                        _("wrote {file} ({size} bytes)").format(
                            file=display_path(path),
                            size=f"{path.stat().st_size:,}".replace(",", "."),
                        )
                    )
                else:
                    print(_("wrote {file}").format(file=display_path(path)))
        if args.verbose:
            print(_("done in {seconds} s").format(seconds=f"{time.perf_counter() - started:.1f}"))
        return 0
    if args.command == "init":
        return _init(args.path, args.type, args.tahun, args.previous, args.schemas, args.quiet)
    if args.command == "serve":
        from .commands.serve import serve

        serve(
            args.path,
            host=args.host,
            port=args.port,
            ready=lambda url: print(
                _("serving {folder} at {url}  (Ctrl-C to stop)").format(
                    folder=display_path(args.path), url=url
                ),
                flush=True,
            ),
        )
        return 0
    if args.command == "outline":
        return _outline(args.path)
    if args.command == "schema":
        return _schema(args.out, args.quiet)
    if args.command == "diff":
        return _diff(args.old, args.new)
    if args.command == "export":
        return _export(args.path, args.out, args.template)
    if args.command == "import":
        if args.file.suffix.lower() == ".docx":
            return _import_narasi(args.file, args.into, args.placeholders, args.overwrite)
        return _import(args.file, args.into)
    findings = pipeline.check(args.path)
    failing = [
        f for f in findings if f.severity != "I"
    ]  # [ISI] notes inform, they don't fail check
    if args.check_format == "json":
        import json

        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
        return 1 if failing else 0
    for finding in findings:
        print(finding)
    if failing:
        print(
            _("{n} finding(s) in {folder}").format(n=len(failing), folder=display_path(args.path)),
            file=sys.stderr,
        )
        return 1
    if not args.quiet:
        folder = display_path(args.path)
        if findings:
            print(
                _("{folder}: no findings ({n} value(s) still to fill in)").format(
                    folder=folder, n=len(findings)
                )
            )
        else:
            print(_("{folder}: no findings").format(folder=folder))
    return 0


def _warn(note: str) -> None:
    """A note on the outputs, which did get written (build goes on; exit 0)."""
    print(_("warning: {note}").format(note=note), file=sys.stderr)


def _build_all(
    root: Path,
    out: Path,
    formats: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
    page_numbers: bool = True,
) -> int:
    """Every document under `root`, in parallel: a progress bar on a terminal, plain lines
    otherwise (CI logs); a failing document doesn't stop the others; exit 2 if any failed."""
    from .commands.batch import build_all, find_documents

    folders = find_documents(root)
    with _progress(len(folders), quiet) as done:
        results = build_all(folders, out, formats, jobs, on_done=done, page_numbers=page_numbers)
    for note in dict.fromkeys(
        note for r in results for note in r.notes
    ):  # each once, not once a document
        _warn(note)
    failed = [r for r in results if not r.ok]
    if not quiet or failed:
        print(
            _("{built} of {n} document(s) built into {folder}").format(
                built=len(results) - len(failed), n=len(results), folder=display_path(out)
            )
        )
    for r in failed:
        print(_("failed: {folder}").format(folder=display_path(r.folder)), file=sys.stderr)
        for line in r.errors:
            print("  " + _("error: {problem}").format(problem=line), file=sys.stderr)
    return 2 if failed else 0


def _progress(total: int, quiet: bool):
    """A context giving `done(result)`: Rich's progress bar on a terminal, a plain line per
    document otherwise."""
    import contextlib

    if quiet:
        return contextlib.nullcontext(lambda result: None)
    if not sys.stdout.isatty():

        def line(result) -> None:
            status = _("ok") if result.ok else _("FAILED")
            print(f"{status}  {display_path(result.folder)}", flush=True)

        return contextlib.nullcontext(line)
    from rich.progress import Progress

    @contextlib.contextmanager
    def bar():
        with Progress(transient=True) as progress:
            task = progress.add_task(_("building"), total=total)
            yield lambda result: progress.advance(task)

    return bar()


def _init(
    folder: Path,
    given: str | None,
    tahun: int | None,
    previous: Path | None,
    schemas: Path,
    quiet: bool,
) -> int:
    import re

    from .output import write_all_atomic
    from .commands.scaffold import new_document, next_lkjip, type_for
    from .commands.schema import schema_files

    if folder.exists() and any(folder.iterdir()):
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _("the folder exists and is not empty"),
                    hint=_("choose a new folder; init never overwrites content"),
                    code="usage",
                )
            ]
        )
    jenis, said, warned = type_for(folder, given)
    if previous is None and warned:
        print(_("warning: {note}").format(note=warned), file=sys.stderr)
    if previous is None and said and not quiet:
        print(said)
    if previous is not None:
        from .jenis import jenis_of

        if jenis_of(previous).nama != "lkjip":
            raise LaporgenError(
                [
                    Problem(
                        display_path(previous),
                        _("--from takes an LKjIP folder"),
                        hint=_("give this year's LKjIP, e.g. --from content/<agency>/lkjip-2024"),
                        code="usage",
                    )
                ]
            )
        files = next_lkjip(previous, folder)
    else:
        named = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", folder.name)]
        year = tahun or (named[0] if named else None)
        if year is None:
            raise LaporgenError(
                [
                    Problem(
                        display_path(folder),
                        _("cannot tell the year from the folder name"),
                        hint=_("pass --tahun, e.g. --tahun 2025"),
                        code="usage",
                    )
                ]
            )
        # a period in the name ("renstra-2025-2030") is the plan's: its last year ends the plan
        last = named[1] if len(named) > 1 and named[1] > year else None
        files = dict(new_document(folder, jenis, year, schemas, last))
        files |= {
            schemas / name: data.decode()
            for name, data in schema_files().items()
            if not (schemas / name).exists()
        }
    # all, or none on a failure; pictures (init --from) are copied as they are
    write_all_atomic(
        {
            path: text if isinstance(text, bytes) else text.encode("utf-8")
            for path, text in files.items()
        }
    )
    if not quiet:
        for path in files:
            print(_("wrote {file}").format(file=display_path(path)))
    return 0


def _schema(out: Path, quiet: bool) -> int:
    from .output import write_all_atomic
    from .commands.schema import schema_files

    files = {out / name: data for name, data in schema_files().items()}
    write_all_atomic(files)
    if not quiet:
        for path in files:
            print(_("wrote {file}").format(file=display_path(path)))
    return 0


def _export(folder: Path, out: Path, template: str | None) -> int:
    from .build import document_for, output_name
    from .model.content import LkjipContent
    from .jenis import load_document
    from .output import write_atomic

    content = load_document(folder)
    if template == "realisasi":
        if not isinstance(content, LkjipContent):
            raise LaporgenError(
                [
                    Problem(
                        display_path(folder),
                        _("the realisasi template is made for an LKjIP"),
                        hint=_("give an LKjIP folder, e.g. content/<agency>/lkjip-2024"),
                        code="usage",
                    )
                ]
            )
        from .commands.realisasi_template import realisasi_workbook

        data, path = realisasi_workbook(content), out / f"{output_name(content)}-realisasi.xlsx"
    elif template == "data":
        from .commands.data_workbook import data_workbook

        data, path = data_workbook(content), out / f"{output_name(content)}-data.xlsx"
    else:
        from .render.xlsx import render_xlsx

        data, path = render_xlsx(document_for(content)), out / f"{output_name(content)}.xlsx"
    write_atomic(path, lambda stream: stream.write(data))
    print(_("wrote {file}").format(file=display_path(path)))
    return 0


def _import(file: Path, folder: Path) -> int:
    from .commands.data_import import import_data, is_data_workbook
    from .commands.realisasi_import import import_realisasi
    from .commands.xlsx_cells import sheet_names

    try:
        data = is_data_workbook(sheet_names(file))
    except LaporgenError:  # not a workbook: the import reports it after the content's own problems
        data = False
    changes = (import_data if data else import_realisasi)(file, folder)
    for line in changes:
        print(line)
    if changes:
        print(
            _("{n} value(s) changed in {folder}").format(
                n=len(changes), folder=display_path(folder)
            )
        )
    else:
        print(_("no changes"))
    return 0


def _outline(folder: Path) -> int:
    from .build import document_for
    from .commands.outline import outline_lines
    from .jenis import load_document

    document = document_for(load_document(folder), charts=False)
    for line in outline_lines(document.front + document.body):
        print(line)
    return 0


def _import_narasi(file: Path, folder: Path, placeholders: bool, overwrite: bool) -> int:
    from .build import document_for, narrative_context_for
    from .commands.narasi_import import import_narasi, sections_of, write
    from .jenis import load_document

    content = load_document(folder)
    document = document_for(content, charts=False)
    imported = import_narasi(
        file,
        folder,
        sections_of(document.front + document.body),
        narrative_context_for(content),
        placeholders,
        overwrite,
    )
    write(imported)
    for line in imported.report:
        print(line)
    return 0


def _check_source_date_epoch() -> None:
    """`SOURCE_DATE_EPOCH` (reproducible builds) dates the DOCX package: it must be a whole
    number of seconds since 1970, or the build would fail half-way."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return
    if not value.strip().isdigit() or int(value) > 253402300799:  # 9999-12-31T23:59:59Z
        raise LaporgenError(
            [
                Problem(
                    "SOURCE_DATE_EPOCH",
                    _("expected a whole number of seconds since 1970-01-01, got {value}").format(
                        value=repr(value)
                    ),
                    hint=_(
                        "unset it, or set it to e.g. the last commit's time: "
                        "git log -1 --format=%ct"
                    ),
                    code="usage",
                )
            ]
        )


def _diff(old: str, new: str) -> int:
    from .compute.perubahan import perubahan
    from .jenis import load_document
    from .numbers import angka
    from .commands.revisi import folder_at

    with folder_at(old) as before, folder_at(new) as after:
        changes = perubahan(load_document(before), load_document(after))
    for ch in changes:
        year = f" {ch.tahun}" if ch.tahun else ""
        values = ""
        if ch.sebelum is not None or ch.sesudah is not None:
            show = [
                angka(v) if not isinstance(v, str) and v is not None else (v or "-")
                for v in (ch.sebelum, ch.sesudah)
            ]
            values = f": {show[0]} -> {show[1]}"
        print(f"{ch.jenis:8} {ch.bagian:13} {ch.id}{year}{values}  ({ch.uraian})")
    if not changes:
        print(_("no changes"))
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main())
