"""The pipeline in one place: load → compute → document tree → render → write.

Everything is loaded, validated and rendered in memory before anything is written, so bad input
never touches `output/`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from .check import Finding, check_lkjip
from .compute.lkjip import figures_for
from .document.lkjip import lkjip_document
from .document.nodes import Document
from .model.content import LkjipContent, load_lkjip
from .output import write_atomic

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FORMATS = ("docx",)


@dataclass(frozen=True)
class Built:
    document: Document
    outputs: tuple[Path, ...]


def output_name(c: LkjipContent) -> str:
    """"lkjip-2024-dinas-sosial-kabupaten-magetan": the stem of every output file."""
    slug = re.sub(r"[^a-z0-9]+", "-", c.agency.nama_lengkap.lower()).strip("-")
    return f"lkjip-{c.settings.tahun}-{slug}"  # ASCII only: a valid file name on every system


def build(folder: Path, out: Path, formats: tuple[str, ...] = FORMATS, template: Path | None = None) -> Built:
    """Render the document in `folder` into `out` in each format; returns what was written."""
    from .render.docx import render_docx

    content = load_lkjip(folder)
    document = lkjip_document(content, figures_for(content))
    rendered: dict[str, bytes] = {}
    for fmt in formats:
        buffer = io.BytesIO()
        render_docx(document, template or TEMPLATES / "laporgen.docx", buffer)
        rendered[fmt] = buffer.getvalue()
    written = []
    for fmt, data in rendered.items():
        path = out / f"{output_name(content)}.{fmt}"
        write_atomic(path, lambda stream, data=data: stream.write(data))
        written.append(path)
    return Built(document, tuple(written))


def check(folder: Path) -> list[Finding]:
    """The findings of `laporgen check` for the document in `folder`."""
    content = load_lkjip(folder)
    return check_lkjip(content, figures_for(content))
