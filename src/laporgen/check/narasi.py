"""The narrative as a reviewer reads it: a section left without text (`narasi.missing`).

Shared with the build: a document that leaves out or marks an empty section (issue 13 item 3)
asks the same question with the same code, so `check` and `build` never disagree on which
sections are missing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import Problem, display_path
from ..i18n import _
from ..model.content import Narasi
from .findings import Finding

MISSING = "narasi.missing"

_COMMENT = re.compile(r"<!--.*?-->|\{#.*?#\}", re.DOTALL)


def is_blank(text: str) -> bool:
    """Whether a narrative file says nothing a reader would see: only blanks, HTML comments
    (`<!-- … -->`) or Jinja comments (`{# … #}`)."""
    return not _COMMENT.sub("", text).strip()


def narasi_missing(c, section_ids: Iterable[str]) -> list[Finding]:
    """A W finding for each of `section_ids` (sections with nothing under their heading, which
    the build marks DRAF or leaves out by `bagian_kosong`: `Document.kosong`)
    whose `narasi/<id>.md` in the content `c` (any document type) is missing or blank."""
    folder: Path = c.folder
    narasi: Mapping[str, Narasi] = c.narasi
    out = []
    for sid in section_ids:
        found = narasi.get(sid)
        if found is None:
            path, message = (
                folder / "narasi" / f"{sid}.md",
                _(
                    "section '{sid}' has no narrative: the document marks it DRAF (or leaves it "
                    "out: bagian_kosong)"
                ).format(sid=sid),
            )
        elif is_blank(found.text):
            path, message = (
                found.path,
                _("section '{sid}': the narrative file is empty").format(sid=sid),
            )
        else:
            continue
        out.append(
            Finding(
                "W",
                Problem(
                    display_path(path),
                    message,
                    None,
                    None,
                    _(
                        "write narasi/{sid}.md, or drop the section (outline.hapus in document.toml)"
                    ).format(sid=sid),
                    MISSING,
                ),
            )
        )
    return out


def empty_sections(blocks: Iterable[object]) -> list[str]:
    """The ids of the sections of a document tree with nothing under their heading."""
    from ..document.nodes import Section

    out: list[str] = []
    for b in blocks:
        if isinstance(b, Section):
            if not b.children:
                out.append(b.id)
            out += empty_sections(b.children)
    return out
