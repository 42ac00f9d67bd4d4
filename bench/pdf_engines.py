"""Time the three PDF routes on the same document, in one run:

  typst:        document tree → PDF (render_typst_pdf: Typst markup compiled in-process)
  weasyprint:   document tree → HTML (render_html) → PDF (WeasyPrint)
  libreoffice:  document tree → DOCX (render_docx) → PDF (headless LibreOffice, soffice)

    python bench/pdf_engines.py                       # the Magetan LKjIP, 3 rounds
    python bench/pdf_engines.py --rounds 5 content/blitar-dinsos/renstra-2021-2026

Loading and computing the document are done once, outside the timings. Each round times every
stage; the table shows the fastest and the median round. LibreOffice starts a fresh process with
a fresh private profile per conversion (as `--pdf-engine libreoffice` does), so its time includes
start-up. Writes the numbers to bench/results/pdf_engines.json.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"
RESULTS = ROOT / "bench" / "results" / "pdf_engines.json"


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def soffice_version() -> str | None:
    exe = shutil.which("soffice")
    if exe is None:
        return None
    done = subprocess.run(
        [exe, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    return done.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    from laporgen.build import TEMPLATES, document_for
    from laporgen.jenis import load_document
    from laporgen.render.docx import render_docx
    from laporgen.render.html import render_html
    from laporgen.render.libreoffice import docx_to_pdf
    from laporgen.render.pdf import pdf_from_html
    from laporgen.render.typst import render_typst_pdf

    with warnings.catch_warnings():  # the "install libharfbuzz-subset" notice, on import
        warnings.simplefilter("ignore", DeprecationWarning)
        import_seconds, weasyprint = timed(lambda: __import__("weasyprint"))
    document = document_for(load_document(args.folder))
    template = TEMPLATES / "laporgen.docx"

    def docx_bytes() -> bytes:
        buffer = io.BytesIO()
        render_docx(document, template, buffer)
        return buffer.getvalue()

    def html_to_pdf(html: str) -> bytes:
        return pdf_from_html(html, document.date_iso)

    has_soffice = shutil.which("soffice") is not None
    stages: dict[str, list[float]] = {
        "typst": [],
        "html": [],
        "html→pdf": [],
        "docx": [],
        "docx→pdf": [],
    }
    page_counts: dict[str, int] = {}
    for _ in range(args.rounds):
        seconds, pdf = timed(lambda: render_typst_pdf(document))
        stages["typst"].append(seconds)
        page_counts["typst"] = pages(pdf)
        seconds, html = timed(lambda: render_html(document))
        stages["html"].append(seconds)
        seconds, pdf = timed(lambda: html_to_pdf(html))  # noqa: B023
        stages["html→pdf"].append(seconds)
        page_counts["weasyprint"] = pages(pdf)
        seconds, docx = timed(docx_bytes)
        stages["docx"].append(seconds)
        if has_soffice:
            seconds, pdf = timed(lambda: docx_to_pdf(docx))  # noqa: B023
            stages["docx→pdf"].append(seconds)
            page_counts["libreoffice"] = pages(pdf)

    def summary(values: list[float]) -> dict[str, float] | None:
        if not values:
            return None
        return {"min": round(min(values), 3), "median": round(statistics.median(values), 3)}

    routes = {
        "typst": stages["typst"],
        "weasyprint": [a + b for a, b in zip(stages["html"], stages["html→pdf"])],
        "libreoffice": [a + b for a, b in zip(stages["docx"], stages["docx→pdf"])],
    }
    result = {
        "document": str(args.folder.resolve().relative_to(ROOT))
        if args.folder.resolve().is_relative_to(ROOT)
        else str(args.folder),
        "rounds": args.rounds,
        "seconds": {name: summary(values) for name, values in stages.items()},
        "routes": {name: summary(values) for name, values in routes.items()},
        "weasyprint_import_seconds": round(import_seconds, 3),
        "pages": page_counts,
        "versions": {
            "python": platform.python_version(),
            "weasyprint": weasyprint.__version__,  # type: ignore[attr-defined]
            "libreoffice": soffice_version() if has_soffice else None,
        },
        "machine": f"{platform.system()} {platform.machine()}",
    }

    print(f"{result['document']}: {args.rounds} rounds (seconds; min / median)")
    print(f"  {'stage':<28}{'min':>8}{'median':>9}")
    rows = [
        ("tree → PDF (Typst)", "typst"),
        ("tree → HTML", "html"),
        ("HTML → PDF (WeasyPrint)", "html→pdf"),
        ("tree → DOCX", "docx"),
        ("DOCX → PDF (LibreOffice)", "docx→pdf"),
    ]
    for label, key in rows:
        s = result["seconds"][key]
        print(
            f"  {label:<28}"
            + (f"{s['min']:>8.2f}{s['median']:>9.2f}" if s else "   (soffice not installed)")
        )
    for name, s in result["routes"].items():
        if s:
            print(
                f"  {'route: ' + name:<28}{s['min']:>8.2f}{s['median']:>9.2f}  ({page_counts.get(name)} pages)"
            )
    print(f"  {'import weasyprint':<28}{import_seconds:>8.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
