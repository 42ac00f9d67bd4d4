"""`laporgen import FILE.docx --into PATH`: the narrative a bidang writes in Word, into the
document's narrative files (`narasi/<id>.md`).

mammoth reads the Word file (headings by their style, paragraphs, bold and italic, lists, simple
tables, images) as plain HTML; each heading is matched to a section of the document's outline,
by its number ("BAB III", "3.1", "A." within the chapter above it) when the title agrees, else by
its title; a heading that names none stops the import (its text would be lost); the text under it is
written as Markdown by markdownify. Pictures go to `narasi/gambar/`. A figure typed in the text
that equals a computed one ("99,37%") is listed, and with `placeholders=True` replaced by its
placeholder (`{{ rata_rata }}`), so it cannot go stale.

Nothing is written unless the whole file converts; an existing narrative file that would change
is replaced only with `overwrite=True` (it may hold placeholders the Word file lacks).
"""

from __future__ import annotations

import difflib
import html
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LaporgenError, Problem, display_path
from ..i18n import _
from ..output import write_all_atomic

MAX_DOCX_BYTES = 50 * 1024 * 1024
"""A narrative Word file of a bidang is a few MB with pictures; a larger one is not one."""

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""What the Word file may unpack to: a zip bomb is refused before mammoth reads it."""

TITLE_LIKENESS = 0.8
"""How alike (difflib ratio) a heading and a section title must be to match by title alone."""


@dataclass(frozen=True)
class Bagian:
    """A section of the built document a heading can be matched to."""

    id: str
    number: str
    title: str
    chapter: str = ""
    """The id of the chapter (BAB) it stands in: "A." names a section only within one."""


@dataclass(frozen=True)
class Imported:
    """What an import did: the files it writes, the lines to show the user."""

    files: dict[Path, bytes]
    report: list[str]


def import_narasi(
    docx: Path,
    folder: Path,
    sections: list[Bagian],
    context: Mapping[str, Any],
    placeholders: bool = False,
    overwrite: bool = False,
) -> Imported:
    """The narrative files `docx` gives the document in `folder`, and what to tell the user;
    raises LaporgenError when the file cannot be read or would replace narrative unasked."""
    images: dict[str, bytes] = {}
    body = _html_of(docx, images)
    parts = _split(body, sections, docx)
    figures = _figures(context)
    narasi = folder / "narasi"
    files: dict[Path, bytes] = {}
    report: list[str] = []
    replaced: list[Path] = []
    matched = False
    said = (
        _("{file}: {figure} replaced by {placeholder}")
        if placeholders
        else _("{file}: {figure} matches {placeholder}")
    )
    for bagian, chunk in parts.items():
        text = _markdown(chunk)
        text, found = _placed_figures(text, figures, placeholders)
        matched = matched or bool(found)
        report += [
            said.format(file=f"{bagian.id}.md", figure=shown, placeholder=f"{{{{ {name} }}}}")
            for shown, name in found
        ]
        path = narasi / f"{bagian.id}.md"
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() != data and not _only_prompt(path):
            replaced.append(path)
        files[path] = data
        report.append(f"{display_path(path)} <- {bagian.number} {bagian.title}".replace("  ", " "))
    if replaced and not overwrite:
        raise LaporgenError(
            [
                Problem(
                    display_path(p),
                    _("this narrative file exists and the Word file would change it"),
                    hint=_(
                        "rerun with --overwrite to replace it (its placeholders are lost), "
                        "or delete it first"
                    ),
                    code="import.exists",
                )
                for p in replaced
            ]
        )
    for name, data in images.items():
        files[narasi / "gambar" / name] = data
    if not placeholders and matched:
        report.append(_("rerun with --placeholders to write these figures as placeholders"))
    return Imported(files, report)


_PROMPT = re.compile(r"\[ISI\][^\n]*|<!--[^\n]*-->")
"""What `laporgen init` writes in a narrative file: one [ISI] line, or one comment."""


def _only_prompt(path: Path) -> bool:
    """The file holds nothing but the prompt `laporgen init` wrote: the Word text fills it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return _PROMPT.fullmatch(text.strip()) is not None


def write(imported: Imported) -> None:
    write_all_atomic(imported.files)


def sections_of(blocks, chapter: str = "") -> list[Bagian]:
    """Every section of a built document (front matter and body), depth first."""
    from ..document.nodes import Landscape, Section

    out: list[Bagian] = []
    for block in blocks:
        if isinstance(block, Section):
            top = chapter or block.id
            out.append(Bagian(block.id, block.number, block.title, top))
            out += sections_of(block.children, top)
        elif isinstance(block, Landscape):
            out += sections_of(block.children, chapter)
    return out


# ----------------------------------------------------------------------------- Word → HTML
def _html_of(docx: Path, images: dict[str, bytes]) -> str:
    """The Word file's body as mammoth's HTML; its pictures collected into `images`."""
    import mammoth

    _require_docx(docx)

    def save(image) -> dict[str, str]:
        ext = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}.get(image.content_type)
        if ext is None:
            return {"alt": image.alt_text or "", "src": ""}
        with image.open() as stream:
            data = stream.read()
        name = f"{docx.stem}-{len(images) + 1}.{ext}"
        images[_safe_name(name)] = data
        return {"src": f"gambar/{_safe_name(name)}", "alt": image.alt_text or ""}

    try:
        with docx.open("rb") as stream:
            result = mammoth.convert_to_html(stream, convert_image=mammoth.images.img_element(save))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise LaporgenError(
            [
                Problem(
                    display_path(docx),
                    _("cannot read the Word file: {error}").format(error=exc),
                    hint=_("save it again in Word or LibreOffice as .docx"),
                    code="import.file",
                )
            ]
        ) from exc
    return result.value


def _require_docx(docx: Path) -> None:
    def refuse(message: str, hint: str) -> LaporgenError:
        return LaporgenError([Problem(display_path(docx), message, hint=hint, code="import.file")])

    if not docx.is_file():
        raise refuse(_("no such file"), _("give the path of the Word file (.docx)"))
    if docx.stat().st_size > MAX_DOCX_BYTES:
        raise refuse(
            _("the file is larger than {size} MB").format(size=MAX_DOCX_BYTES // 2**20),
            _("make the pictures smaller (Word: Compress Pictures) or split the file"),
        )
    try:
        with zipfile.ZipFile(docx) as z:
            names = set(z.namelist())
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise refuse(
            _("not a Word file (.docx)"),
            _("save it in Word or LibreOffice as .docx (not .doc or .rtf)"),
        ) from exc
    if "word/document.xml" not in names:
        raise refuse(
            _("not a Word document (.docx)"),
            _("save it in Word or LibreOffice as a Word document (.docx)"),
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise refuse(
            _("the file unpacks to more than {size} MB").format(size=MAX_UNPACKED_BYTES // 2**20),
            _("save it again in Word"),
        )


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "gambar"


# ------------------------------------------------------------------------ headings → sections
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)


def _split(body: str, sections: list[Bagian], docx: Path) -> dict[Bagian, str]:
    """The HTML under each heading, by the section it names; a heading that names none, or
    text before the first heading, is an error (its text would be lost)."""
    parts: dict[Bagian, str] = {}
    problems: list[Problem] = []
    pieces = _HEADING.split(body)
    name = display_path(docx)
    if len(pieces) == 1:
        raise LaporgenError(
            [
                Problem(
                    name,
                    _("the Word file has no headings in Word's heading styles"),
                    hint=_(
                        "give each chapter and section title the style Heading 1, 2 or 3 "
                        "(Judul 1, 2, 3), with the numbers and titles `laporgen outline PATH` prints"
                    ),
                    code="import.heading",
                )
            ]
        )
    if _text(pieces[0]):
        problems.append(
            Problem(
                name,
                _("text before the first heading: {text}").format(text=repr(_text(pieces[0])[:60])),
                hint=_(
                    "start the file with a chapter or section heading (style Heading 1, 2 or 3)"
                ),
                code="import.heading",
            )
        )
    chapter = ""
    for i in range(1, len(pieces), 3):
        heading, chunk = _text(pieces[i + 1]), pieces[i + 2]
        bagian = match_heading(heading, sections, chapter)
        if bagian is None:
            if _text(chunk) or heading:
                problems.append(
                    Problem(
                        name,
                        _("the heading {heading} matches no section of the document").format(
                            heading=repr(heading)
                        ),
                        hint=_(
                            "write its number or title as `laporgen outline PATH` prints them, "
                            "or add the section to document.toml's [outline]"
                        ),
                        code="import.heading",
                    )
                )
            continue
        chapter = bagian.chapter
        if _text(chunk):
            parts[bagian] = parts.get(bagian, "") + chunk
    if problems:
        raise LaporgenError(problems)
    return parts


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


_NUMBER = re.compile(
    r"^(BAB\s+[IVXLC]+\b|(?:BAB\s+)?\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)\s*(.*)$", re.I
)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s/]", " ", text.casefold()).split())


def _number(text: str) -> str:
    """A heading number as the document prints it: "Bab 2.3" is "2.3", "bab iii" "BAB III"."""
    text = _normal(text)
    return re.sub(r"^bab (?=\d)", "", text)


def match_heading(heading: str, sections: list[Bagian], chapter: str = "") -> Bagian | None:
    """The section a Word heading stands for: within the chapter of the heading before it
    first (every chapter has its "A."), then anywhere; by its number when the titles agree (or
    the heading has no title), else by the same or a very alike title."""
    if chapter:
        inside = [s for s in sections if s.chapter == chapter]
        found = _match(heading, inside)
        if found is not None:
            return found
    return _match(heading, sections)


def _match(heading: str, sections: list[Bagian]) -> Bagian | None:
    m = _NUMBER.match(heading.strip())
    number, title = (m.group(1), m.group(2)) if m else ("", heading)
    want = _normal(title)
    if number:
        numbered = [
            s
            for s in sections
            if _number(s.number) == _number(number) and (not want or _alike(want, _normal(s.title)))
        ]
        if len(numbered) == 1:  # "A." stands in every chapter: alone, it names none
            return numbered[0]
        if not want:
            return None
    exact = [s for s in sections if _normal(s.title) == want]
    if len(exact) == 1:
        return exact[0]
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, want, _normal(s.title)).ratio(), i)
            for i, s in enumerate(sections)
        ),
        reverse=True,
    )
    if (
        scored
        and scored[0][0] >= TITLE_LIKENESS
        and (len(scored) == 1 or scored[1][0] < scored[0][0])
    ):
        return sections[scored[0][1]]
    return None


def _alike(a: str, b: str) -> bool:
    """Two titles alike enough when the number agrees too: the same, a shortened form ("Tugas dan
    Fungsi" of "Tugas dan Fungsi Organisasi"), or a few letters apart."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(shorter) >= 2 and longer[: len(shorter)] == shorter:
        return True
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= TITLE_LIKENESS


# ------------------------------------------------------------------------------ HTML → Markdown
def _markdown(chunk: str) -> str:
    """One section's HTML as narrative Markdown: Jinja's delimiters in the text kept as text."""
    from markdownify import markdownify

    text = markdownify(
        chunk,
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        escape_underscores=False,
        table_infer_header=True,
    )
    text = re.sub(r"\{([{%#])", lambda m: "{{ '{" + m.group(1) + "' }}", text)
    text = _captioned(re.sub(r"\n{3,}", "\n\n", text).strip())
    return _table_captions(text) + "\n"


TABLE_CAPTION_TO_WRITE = "Tabel: [ISI] judul tabel"
"""The caption of a table the Word file gives none above it: `check` lists it to fill in."""
_CAPTION_LINE = re.compile(r"(?i)\**tabel(\s*:|\s+\d)")


def _table_captions(text: str) -> str:
    """Every table with a caption paragraph above it (a narrative table needs one): Word's
    "Tabel 3.1 …" paragraph as it is (laporgen numbers the table itself), else a marked one."""
    lines, out = text.split("\n"), list[str]()
    for n, line in enumerate(lines):
        starts = line.lstrip().startswith("|") and not (n and lines[n - 1].lstrip().startswith("|"))
        if starts:
            above = next((x for x in reversed(out) if x.strip()), "")
            if not _CAPTION_LINE.match(above.strip()):
                out += [TABLE_CAPTION_TO_WRITE, ""]
            elif out and out[-1].strip():
                out.append("")  # the caption is its own paragraph
        out.append(line)
    return "\n".join(out)


_PICTURE = re.compile(
    r"!\[\]\(([^)\s]+)\)(?:\n\n(?:Gambar|Figure)\s+[\dA-Z][\d.]*\.?\s+(\S[^\n]*))?"
)
CAPTION_TO_WRITE = "[ISI] judul gambar"
"""The caption of a picture the Word file gives none: `check` lists it as still to fill in."""


def _captioned(text: str) -> str:
    """Every picture with a caption (a narrative picture needs one): Word's alt text as mammoth
    gave it, else the "Gambar 1.1 …" paragraph under it (laporgen numbers the picture itself),
    else a marked caption to write."""
    return _PICTURE.sub(
        lambda m: f"![{(m.group(2) or CAPTION_TO_WRITE).strip()}]({m.group(1)})", text
    )


# ------------------------------------------------------------------------ figures → placeholders
def _figures(context: Mapping[str, Any]) -> dict[str, str]:
    """Each computed figure of the narrative context as the text it prints, to the placeholder
    that prints it; a text two placeholders print, or one too short to be told from an ordinary
    number, is left out (it cannot be replaced safely)."""
    seen: dict[str, set[str]] = {}
    for name, value in _leaves(context, ""):
        shown = str(value)
        if _YEAR.fullmatch(shown):  # "Tahun 2024" may be a regulation's year, not the report's
            continue
        if re.search(r"\d", shown) and (
            len(re.sub(r"\D", "", shown)) >= 3 or re.search(r"[,%]", shown)
        ):
            seen.setdefault(shown, set()).add(name)
    return {shown: names.pop() for shown, names in seen.items() if len(names) == 1}


_YEAR = re.compile(r"(19|20)\d\d")


def _leaves(value: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if isinstance(key, str) and key.isidentifier():
                yield from _leaves(inner, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, (str, int)) and not isinstance(value, bool) and prefix:
        yield prefix, value


def _placed_figures(
    text: str, figures: Mapping[str, str], replace: bool
) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each computed figure it types found (and replaced when `replace`)."""
    found: list[tuple[str, str]] = []
    for shown in sorted(figures, key=len, reverse=True):
        pattern = re.compile(r"(?<![\w.,])" + re.escape(shown) + r"(?![\w]|[.,]\d)")
        if pattern.search(text):
            found.append((shown, figures[shown]))
            if replace:
                text = pattern.sub("{{ " + figures[shown] + " }}", text)
    return text, found
