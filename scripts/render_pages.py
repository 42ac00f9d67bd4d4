"""Render pages of a document's PDF to PNG, for a person to look at (pdftoppm, from poppler-utils).

    python scripts/render_pages.py                                # the bundled example, key pages
    python scripts/render_pages.py content/magetan-dinsos/lkjip-2024 --pages 1,3-4 --dpi 80
    python scripts/render_pages.py --paper F4 --engine libreoffice --out /tmp/pages

`--pages auto` (the default) picks the pages worth a look: the cover, the first Daftar Isi and
Daftar Tabel pages, the first portrait page with a table, the first landscape page and the last
page (the signature). Prints one line per PNG written: page number, what it is, path.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"


def build_pdf(folder: Path, paper: str | None, engine: str) -> bytes:
    """Return the PDF of the document in `folder`, on `paper` if given, by `engine`."""
    from laporgen.build import document_for
    from laporgen.jenis import load_document

    document = document_for(load_document(folder))
    if paper:
        document = dataclasses.replace(document, paper=paper)
    if engine == "libreoffice":
        from laporgen.build import TEMPLATES, laid_out_docx
        from laporgen.render.libreoffice import docx_to_pdf

        # the DOCX as `laporgen build` writes it: short pages carried, the lists filled
        return docx_to_pdf(laid_out_docx(document, TEMPLATES / "laporgen.docx").docx)
    from laporgen.render.pdf import render_pdf

    return render_pdf(document)


def auto_pages(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    """(1-based page, label) of the pages worth a look, in page order, without repeats."""
    texts = [page.extract_text() or "" for page in reader.pages]
    landscape = [
        i for i, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height
    ]
    picks: dict[int, str] = {0: "cover"}

    def first(label: str, found: list[int]) -> None:
        if found and found[0] not in picks:
            picks[found[0]] = label

    first("daftar-isi", [i for i, t in enumerate(texts) if "DAFTAR ISI" in t])
    first("daftar-tabel", [i for i, t in enumerate(texts) if "DAFTAR TABEL" in t])
    first(
        "table",
        [
            i
            for i, t in enumerate(texts)
            if i not in landscape and "Tabel " in t and "DAFTAR" not in t
        ],
    )
    first("landscape", landscape)
    picks.setdefault(len(texts) - 1, "last-signature")
    return sorted((i + 1, label) for i, label in picks.items())


def parse_pages(spec: str, count: int) -> list[tuple[int, str]]:
    """ "1,3-5" → [(1, "page"), (3, "page"), (4, "page"), (5, "page")], within 1..count."""
    pages: list[int] = []
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        pages.extend(range(int(low), int(high or low) + 1))
    return [(p, "page") for p in pages if 1 <= p <= count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=EXAMPLE, help="document folder")
    parser.add_argument("--pages", default="auto", help='"auto" or e.g. "1,3-5" (1-based)')
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "pages", help="PNG folder")
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--paper", choices=("A4", "F4"), help="override the document's paper")
    parser.add_argument("--engine", choices=("weasyprint", "libreoffice"), default="weasyprint")
    args = parser.parse_args(argv)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 2

    args.out.mkdir(parents=True, exist_ok=True)
    pdf_path = args.out / f"{args.folder.name}-{args.engine}.pdf"
    pdf_path.write_bytes(build_pdf(args.folder, args.paper, args.engine))
    reader = pypdf.PdfReader(pdf_path)
    pages = (
        auto_pages(reader) if args.pages == "auto" else parse_pages(args.pages, len(reader.pages))
    )
    for number, label in pages:
        stem = args.out / f"{args.engine}-p{number:03d}-{label}"
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                str(args.dpi),
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(pdf_path),
                str(stem),
            ],
            check=True,
        )
        print(f"{number:4d}  {label:15s} {stem}.png")
    print(f"{len(reader.pages)} pages in {pdf_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
