"""laporgen's speed and scale, measured side by side in one run on one machine.

    python bench/run.py                 # everything (a few minutes on a 2-core machine)
    python bench/run.py --quick         # small sizes, fewer repeats: under a minute (for CI)
    python bench/run.py --only cold,scale

Sections (see bench/README.md for what each row means):

  cold   a new `laporgen` process per run: build the Magetan LKjIP as DOCX, `check` it, build
         HTML, PDF by WeasyPrint and PDF by LibreOffice (converting laporgen's DOCX); plus
         Python's own start-up and the import of laporgen's CLI and pipeline
  floor  laporgen's DOCX renderer against a bare docxtpl/python-docx render of the same tables
  scale  synthetic Renstra agencies with 10 to 5 000 rows in T-C.27: cold DOCX build time, a
         stage breakdown and peak memory per size, each in a fresh process; the fitted exponent
  batch  synthetic agencies × (Renstra + LKjIP) DOCX, 1 worker against all cores

Prints a table with the targets met or missed, and writes the numbers to
bench/results/latest.json (--quick: bench/results/quick.json). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"
RESULTS = ROOT / "bench" / "results"
SECTIONS = ("cold", "floor", "scale", "batch")

# T-C.27 rows = programs × (1 + kegiatan × (1 + sub kegiatan)); (programs, kegiatan, sub) per size.
SHAPES = {
    10: (1, 3, 2),
    100: (4, 4, 5),
    500: (20, 4, 5),
    1000: (40, 4, 5),
    2000: (80, 4, 5),
    5000: (200, 4, 5),
    10000: (400, 4, 5),
    20000: (800, 4, 5),
}
BATCH_RENSTRA = (8, 4, 5)  # 200 rows: an ordinary agency's Renstra
LINEAR_EXPONENT = 1.2  # "close to linear": the per-row time grows at most as rows^0.2

# The 20 000-row Renstra DOCX's peak memory before issue 19 (MB, cold CLI, this bench's synthetic
# agency): the target is half of it.
DOCX_PEAK_MB_20000_BEFORE = 1620.0
# Libraries every DOCX build imports: the floor a cold `laporgen build` cannot go under.
IMPORT_FLOOR = "import docx, jinja2, yaml, pydantic"

TARGETS = {  # name: (limit, unit, what)
    "lkjip_docx_cold": (1.0, "s", "Magetan LKjIP DOCX (--no-page-numbers), cold CLI"),
    "lkjip_docx_vs_import_floor": (
        3.0,
        "×",
        "Magetan LKjIP DOCX (--no-page-numbers) cold / import of its libraries, CPU",
    ),
    "check_cold": (0.3, "s", "laporgen check, cold CLI, CPU"),
    "pdf_vs_libreoffice": (0.5, "×", "PDF by Typst (default) / PDF by LibreOffice from the DOCX"),
    "pdf_vs_weasyprint": (0.25, "×", "PDF by Typst (default) / PDF by WeasyPrint"),
    "renstra_2000_rows": (2.0, "s", "2 000-row Renstra DOCX, cold CLI"),
    "renstra_2000_rows_pdf": (8.0, "s", "2 000-row Renstra PDF (Typst), cold CLI"),
    "pdf_exponent_to_largest": (
        LINEAR_EXPONENT,
        "",
        "PDF CPU time against rows, 3 largest sizes (1 = linear)",
    ),
    "docx_peak_mb_20000_rows": (
        DOCX_PEAK_MB_20000_BEFORE / 2,
        "MB",
        "20 000-row Renstra DOCX peak memory",
    ),
    "batch_80_documents": (60.0, "s", "80 documents (40 agencies × Renstra + LKjIP), all cores"),
}


# ------------------------------------------------------------------------------ measuring
@dataclass(frozen=True)
class Run:
    """One child process: wall-clock and CPU seconds (its own and its waited-for children's,
    so LibreOffice and pool workers count), peak resident memory, exit code."""

    wall: float
    cpu: float
    peak_mb: float
    code: int


def run_child(command: Sequence[str], cwd: Path = ROOT, ok: tuple[int, ...] = (0,)) -> Run:
    """Run `command` in a new process and measure it (`os.wait4` gives this child's own
    resource usage, so sizes measured one after another don't mix)."""
    # PYTHONDONTWRITEBYTECODE (set on some CI machines) would recompile laporgen's modules in
    # every run (0,1 s): an installed laporgen has its .pyc files, so the bench lets them be written
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SOURCE_DATE_EPOCH", "PYTHONDONTWRITEBYTECODE")
    }
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            err.seek(0)
            raise RuntimeError(
                f"{' '.join(command)} exited {code}: {err.read().decode(errors='replace')[-2000:]}"
            )
    peak = usage.ru_maxrss / (
        1024 * 1024 if sys.platform == "darwin" else 1024
    )  # bytes on macOS, KiB on Linux
    return Run(round(wall, 3), round(usage.ru_utime + usage.ru_stime, 3), round(peak, 1), code)


def summary(runs: Sequence[Run]) -> dict[str, object]:
    walls = [r.wall for r in runs]
    return {
        "runs": len(runs),
        "wall_min": min(walls),
        "wall_median": round(statistics.median(walls), 3),
        "cpu_min": min(r.cpu for r in runs),
        "cpu_median": round(statistics.median(r.cpu for r in runs), 3),
        "peak_mb": max(r.peak_mb for r in runs),
    }


def repeat(
    command: Sequence[str], times: int, warm_up: bool, ok: tuple[int, ...] = (0,)
) -> dict[str, object]:
    if warm_up:  # files in the OS cache, .pyc compiled: "cold" is a new process, not a cold disk
        run_child(command, ok=ok)
    return summary([run_child(command, ok=ok) for _ in range(times)])


def laporgen_command() -> list[str]:
    """The `laporgen` script installed beside this Python (a version manager's shim on the PATH,
    such as pyenv's, is a shell script that adds 0,1 s to every run), else the one on the PATH."""
    beside = Path(sys.executable).with_name("laporgen")
    script = str(beside) if beside.is_file() else shutil.which("laporgen")
    return [script] if script else [sys.executable, "-m", "laporgen.cli"]


def best_of(times: int, action: Callable[[], object]) -> float:
    best = math.inf
    for _ in range(times):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return round(best, 4)


# ----------------------------------------------------------------------------------- cold
def bench_cold(quick: bool, work: Path) -> dict[str, object]:
    laporgen, python = laporgen_command(), sys.executable
    out = str(work / "cold")
    times = 2 if quick else 5  # the rows with a target
    other_times = 1 if quick else 5
    pdf_times = 1 if quick else 3
    lkjip = str(EXAMPLE.relative_to(ROOT))
    cases: list[tuple[str, list[str], int, tuple[int, ...]]] = [
        ("python_startup", [python, "-c", "pass"], other_times, (0,)),
        ("import_laporgen_cli", [python, "-c", "import laporgen.cli"], other_times, (0,)),
        ("import_laporgen_build", [python, "-c", "import laporgen.build"], other_times, (0,)),
        ("import_floor", [python, "-c", IMPORT_FLOOR], times, (0,)),
        ("build_docx", [*laporgen, "build", lkjip, "--out", out], times, (0,)),
        (  # without the LibreOffice layout that fills the contents lists' page numbers
            "build_docx_no_page_numbers",
            [*laporgen, "build", lkjip, "--out", out, "--no-page-numbers"],
            times,
            (0,),
        ),
        ("check", [*laporgen, "check", lkjip], times, (0, 1)),  # 1: findings (the example has some)
        (
            "build_html",
            [*laporgen, "build", lkjip, "--out", out, "--format", "html"],
            other_times,
            (0,),
        ),
        (
            "build_pdf_typst",
            [*laporgen, "build", lkjip, "--out", out, "--format", "pdf"],
            pdf_times,
            (0,),
        ),
        (
            "build_pdf_weasyprint",
            [
                *laporgen,
                "build",
                lkjip,
                "--out",
                out,
                "--format",
                "pdf",
                "--pdf-engine",
                "weasyprint",
            ],
            pdf_times,
            (0,),
        ),
    ]
    if shutil.which("soffice") or shutil.which("libreoffice"):
        cases.append(
            (
                "build_pdf_libreoffice",
                [
                    *laporgen,
                    "build",
                    lkjip,
                    "--out",
                    out,
                    "--format",
                    "pdf",
                    "--pdf-engine",
                    "libreoffice",
                ],
                pdf_times,
                (0,),
            )
        )
    results: dict[str, object] = {}
    for name, command, n, ok in cases:
        try:
            # --quick warms up once, with the first build (files in the OS cache, .pyc compiled)
            results[name] = repeat(command, n, warm_up=not quick or name == "build_docx", ok=ok)
        except RuntimeError as exc:  # e.g. a renderer not written yet: measure what exists
            results[name] = {"error": str(exc).splitlines()[0][:300]}
        print(f"  cold {name}: {_short(results[name])}", file=sys.stderr)
    return results


def _short(result: object) -> str:
    if isinstance(result, dict) and "wall_min" in result:
        return f"{result['wall_min']:.2f} s wall, {result['cpu_min']:.2f} s CPU, {result['peak_mb']:.0f} MB"
    return str(result)


# ---------------------------------------------------------------------------------- floor
def bare_render(tables: Sequence[object], template: Path) -> bytes:
    """The same tables poured into the same template the plain way: python-docx `add_table`,
    `merge` and `cell.text`, in a docxtpl subdocument. No captions, styles per paragraph,
    fields or section setup: the floor any renderer of these tables pays."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(template)
    sub = tpl.new_subdoc()
    for node in tables:
        rows = (*node.head, *node.body, *node.foot)
        table = sub.add_table(len(rows), len(node.columns))
        table.style = "Table Grid"
        grid = [list(row.cells) for row in table.rows]
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                taken.update(
                    (r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)
                )
                target = grid[r][c]
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(grid[r + cell.rowspan - 1][c + cell.colspan - 1])
                target.text = "\n".join(
                    "".join(getattr(inline, "text", "\n") for inline in block.inlines)
                    for block in cell.blocks
                    if hasattr(block, "inlines")
                )
                c += cell.colspan
    tpl.render({"body": sub}, autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def bench_floor(quick: bool, work: Path) -> dict[str, object]:
    """Run in a child process (`--floor`): this process stays small, so the peak memory of the
    processes it starts is theirs (Linux counts a child's memory before `exec` in its peak)."""
    out = subprocess.run(
        [sys.executable, __file__, "--floor", str(work)] + (["--quick"] if quick else []),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    results = json.loads(out.stdout)
    for name, value in results.items():
        print(f"  floor {name}: {value}", file=sys.stderr)
    return results


def floor_child(quick: bool, work: Path) -> dict[str, object]:
    from laporgen.build import TEMPLATES, document_for
    from laporgen.document.nodes import Table
    from laporgen.document.numbering import walk
    from laporgen.jenis import load_document
    from laporgen.render.docx import render_docx

    template = TEMPLATES / "laporgen.docx"
    subjects = {"magetan_lkjip": EXAMPLE}
    if not quick:
        subjects["synthetic_1000_rows"] = _synthetic(work / "floor", 1000)
    results: dict[str, object] = {}
    for name, folder in subjects.items():
        document = document_for(load_document(folder))
        tables = [node for node in walk(document.body) if isinstance(node, Table)]
        times = 3 if quick else 5
        laporgen = best_of(times, lambda: render_docx(document, template, io.BytesIO()))  # noqa: B023
        bare = best_of(times, lambda: bare_render(tables, template))  # noqa: B023
        results[name] = {
            "tables": len(tables),
            "cells": sum(len(row) for t in tables for row in (*t.head, *t.body, *t.foot)),
            "laporgen_render_s": laporgen,
            "bare_docxtpl_python_docx_s": bare,
            "ratio": round(laporgen / bare, 2),
        }
    return results


# ---------------------------------------------------------------------------------- scale
def write_renstra(folder: Path, programs: int, kegiatan: int, sub: int, seed: int = 1) -> None:
    """The synthetic Renstra of the scale tests (tests/synthetic.py), imported when needed so
    the measuring child processes don't load it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from synthetic import write_renstra as write

    write(folder, programs, kegiatan, sub, seed)


def _synthetic(base: Path, rows: int) -> Path:
    folder = base / f"sintetis-{rows}" / "renstra-2021-2026"
    if not folder.exists():
        write_renstra(folder, *SHAPES[rows])
    return folder


def stages(folder: Path) -> dict[str, float]:
    """`--stages`: one build in this (fresh) process, timed stage by stage."""
    import resource

    start = time.perf_counter()
    from laporgen.build import TEMPLATES, document_for
    from laporgen.jenis import load_document
    from laporgen.render.docx import render_docx

    imported = time.perf_counter()
    content = load_document(folder)
    loaded = time.perf_counter()
    document = document_for(content)
    built = time.perf_counter()
    render_docx(document, TEMPLATES / "laporgen.docx", io.BytesIO())
    rendered = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1024 * 1024 if sys.platform == "darwin" else 1024
    )
    return {
        "import": imported - start,
        "load": loaded - imported,
        "compute_and_tree": built - loaded,
        "render_docx": rendered - built,
        "total": rendered - start,
        "peak_mb": peak,
    }


def exponent(points: Sequence[tuple[float, float]]) -> float | None:
    """The least-squares slope of log(y) against log(x): 1 is linear, 2 quadratic."""
    points = [(x, y) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    xs, ys = [math.log(x) for x, _ in points], [math.log(y) for _, y in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return round(
        sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs), 3
    )


def bench_scale(quick: bool, work: Path) -> dict[str, object]:
    sizes = [10, 100, 500] if quick else [10, 100, 1000, 2000, 5000, 10000, 20000]
    laporgen = laporgen_command()
    per_size: dict[str, object] = {}
    for rows in sizes:
        folder = _synthetic(work / "scale", rows)
        # laporgen's own growth: LibreOffice's layout pass (page numbers) is timed by build_docx
        cold = repeat(
            [
                *laporgen,
                "build",
                str(folder),
                "--out",
                str(work / "scale-out"),
                "--no-page-numbers",
            ],
            1 if quick else 2,
            warm_up=False,
        )
        pdf = repeat(
            [*laporgen, "build", str(folder), "--out", str(work / "scale-out"), "--format", "pdf"],
            1,
            warm_up=False,
        )
        out = subprocess.run(
            [sys.executable, __file__, "--stages", str(folder)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        split = {k: round(v, 3) for k, v in json.loads(out.stdout).items()}
        work_s = split["load"] + split["compute_and_tree"] + split["render_docx"]
        per_size[str(rows)] = {
            "cold_cli": cold,
            "stages": split,
            "ms_per_row": round(1000 * work_s / rows, 3),
            "peak_mb": cold["peak_mb"],
            "pdf_cold_cli": pdf,
        }
        print(
            f"  scale {rows} rows: {_short(cold)}; PDF {_short(pdf)}; stages {split}",
            file=sys.stderr,
        )
    base = sizes[0]
    work_of = {
        int(k): v["stages"]["load"] + v["stages"]["compute_and_tree"] + v["stages"]["render_docx"]
        for k, v in per_size.items()
    }
    wall_of = {int(k): v["cold_cli"]["wall_min"] for k, v in per_size.items()}
    mem_of = {int(k): v["peak_mb"] for k, v in per_size.items()}
    # The verdict: the work (load, tree, render; no start-up or imports) over the three largest
    # sizes, where the rows outweigh the fixed parts of the document. For information: the part
    # beyond the smallest size's (time or memory), and the cold wall time over all sizes, which
    # fixed costs flatten.
    largest = sorted(work_of)[-3:]
    work_exponent = exponent([(n, work_of[n]) for n in largest])
    fit = {
        "exponent_work_largest_sizes": work_exponent,
        "largest_sizes": largest,
        "exponent_marginal_time": exponent(
            [(n, t - work_of[base]) for n, t in work_of.items() if n > base]
        ),
        "exponent_marginal_memory": exponent(
            [(n, m - mem_of[base]) for n, m in mem_of.items() if n > base]
        ),
        "exponent_cold_wall_all_sizes": exponent(list(wall_of.items())),
        "close_to_linear": work_exponent is not None and work_exponent <= LINEAR_EXPONENT,
        # the PDF's CPU time (not wall: on a shared machine the wall time waits for the cores)
        "exponent_pdf_cpu_largest_sizes": exponent(
            [(n, per_size[str(n)]["pdf_cold_cli"]["cpu_min"]) for n in largest]
        ),
    }
    return {"sizes": per_size, "fit": fit}


# ---------------------------------------------------------------------------------- batch
def _build_one(folder: str, out: str) -> int:
    from laporgen.build import build

    return len(build(Path(folder), Path(out)).outputs)


def batch_child(root: Path, workers: int) -> dict[str, object]:
    """`--batch`: build every document under `root` with `workers` processes (in a fresh
    process, so imports count, as they would for a batch command)."""
    folders = sorted(
        p.parent for p in root.rglob("document.toml") if p.parent.name != "renstra-2024-2026"
    )
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        written = sum(
            pool.map(
                _build_one, map(str, folders), [str(root / "_out" / f.parent.name) for f in folders]
            )
        )
    return {"documents": len(folders), "written": written, "seconds": time.perf_counter() - start}


def make_agencies(root: Path, count: int) -> None:
    """`count` agency folders, each a synthetic Renstra plus a copy of the Magetan LKjIP (with
    the data-only Renstra 2024-2026 it reads its plan from and the agency file)."""
    magetan = EXAMPLE.parent
    for n in range(1, count + 1):
        agency = root / f"agency-{n:02d}"
        if agency.exists():
            continue
        write_renstra(agency / "renstra-2021-2026", *BATCH_RENSTRA, seed=n)
        shutil.copy(magetan / "agency.yaml", agency / "agency.yaml")
        for name in ("lkjip-2024", "renstra-2024-2026"):
            shutil.copytree(magetan / name, agency / name)


def bench_batch(quick: bool, work: Path) -> dict[str, object]:
    agencies = 2 if quick else 40
    root = work / f"batch-{agencies}"
    make_agencies(root, agencies)
    cores = os.cpu_count() or 1
    results: dict[str, object] = {"agencies": agencies, "documents": 2 * agencies, "cores": cores}
    for workers in sorted({1, cores}):
        shutil.rmtree(root / "_out", ignore_errors=True)
        run = run_child([sys.executable, __file__, "--batch", str(root), str(workers)])
        results[f"workers_{workers}"] = asdict(run)
        print(
            f"  batch {2 * agencies} documents, {workers} worker(s): {_short(summary([run]))}",
            file=sys.stderr,
        )
    one, many = results["workers_1"], results[f"workers_{cores}"]
    results["speedup"] = round(one["wall"] / many["wall"], 2)  # type: ignore[index]
    return results


# ------------------------------------------------------------------------------- targets
def targets(results: dict[str, dict]) -> dict[str, dict[str, object]]:
    cold, scale, batch = results.get("cold", {}), results.get("scale", {}), results.get("batch", {})

    def wall(case: str) -> float | None:
        value = cold.get(case, {})
        return value.get("wall_min") if isinstance(value, dict) else None

    def cpu(case: str) -> float | None:  # on a shared machine the fairer measure (README)
        value = cold.get(case, {})
        return value.get("cpu_median") if isinstance(value, dict) else None

    typst, weasy, office = (
        wall("build_pdf_typst"),
        wall("build_pdf_weasyprint"),
        wall("build_pdf_libreoffice"),
    )
    docx, floor = cpu("build_docx_no_page_numbers"), cpu("import_floor")
    sizes = scale.get("sizes", {})
    size_2000, size_20000 = sizes.get("2000"), sizes.get("20000")
    largest = scale.get("fit", {}).get("largest_sizes", [])
    measured = {
        "lkjip_docx_cold": wall("build_docx_no_page_numbers"),
        "lkjip_docx_vs_import_floor": round(docx / floor, 2) if docx and floor else None,
        "check_cold": cpu("check"),
        "pdf_vs_libreoffice": round(typst / office, 2) if typst and office else None,
        "pdf_vs_weasyprint": round(typst / weasy, 2) if typst and weasy else None,
        "renstra_2000_rows": size_2000["cold_cli"]["wall_min"] if size_2000 else None,
        "renstra_2000_rows_pdf": size_2000["pdf_cold_cli"]["wall_min"] if size_2000 else None,
        "pdf_exponent_to_largest": scale["fit"]["exponent_pdf_cpu_largest_sizes"]
        if largest and largest[-1] >= 20000
        else None,
        "docx_peak_mb_20000_rows": size_20000["peak_mb"] if size_20000 else None,
        "batch_80_documents": batch[f"workers_{batch['cores']}"]["wall"]
        if batch.get("documents") == 80
        else None,
    }
    return {
        name: {
            "what": what,
            "limit": limit,
            "unit": unit,
            "measured": measured[name],
            "met": None if measured[name] is None else measured[name] <= limit,
        }
        for name, (limit, unit, what) in TARGETS.items()
    }


# --------------------------------------------------------------------------------- report
def print_report(results: dict[str, dict], out: Path) -> None:
    line = "-" * 96
    print(line)
    print(
        f"laporgen bench ({'quick' if results['meta']['quick'] else 'full'}) on {results['meta']['machine']}"
    )
    print(line)
    if "cold" in results:
        print(
            f"{'cold CLI (new process)':44} {'wall min':>9} {'median':>9} {'CPU':>8} {'peak MB':>8}"
        )
        for name, value in results["cold"].items():
            if "wall_min" in value:
                print(
                    f"  {name:42} {value['wall_min']:9.2f} {value['wall_median']:9.2f} "
                    f"{value['cpu_min']:8.2f} {value['peak_mb']:8.0f}"
                )
            else:
                print(f"  {name:42} {value}")
    if "floor" in results:
        print(
            f"{'DOCX render vs bare docxtpl/python-docx':44} {'laporgen':>9} {'bare':>9} {'ratio':>8} {'cells':>8}"
        )
        for name, value in results["floor"].items():
            print(
                f"  {name:42} {value['laporgen_render_s']:9.3f} {value['bare_docxtpl_python_docx_s']:9.3f} "
                f"{value['ratio']:8.2f} {value['cells']:8}"
            )
    if "scale" in results:
        print(
            f"{'scale: T-C.27 rows → DOCX':44} {'cold wall':>9} {'work s':>9} {'ms/row':>8} {'peak MB':>8}"
        )
        for rows, value in results["scale"]["sizes"].items():
            s = value["stages"]
            work = s["load"] + s["compute_and_tree"] + s["render_docx"]
            print(
                f"  {rows:>6} rows (load {s['load']:.2f} tree {s['compute_and_tree']:.2f} "
                f"render {s['render_docx']:.2f}) {value['cold_cli']['wall_min']:6.2f} {work:9.2f} "
                f"{value['ms_per_row']:8.2f} {value['peak_mb']:8.0f}"
            )
        fit = results["scale"]["fit"]
        verdict = "close to linear" if fit["close_to_linear"] else "NOT close to linear"
        print(
            f"  exponent of the work over {fit['largest_sizes']} rows: {fit['exponent_work_largest_sizes']} "
            f"(≤ {LINEAR_EXPONENT}: {verdict})"
        )
        print(
            f"  beyond the smallest size: time {fit['exponent_marginal_time']}, memory "
            f"{fit['exponent_marginal_memory']}; cold wall, all sizes: {fit['exponent_cold_wall_all_sizes']}"
        )
    if "batch" in results:
        b = results["batch"]
        print(
            f"{'batch: ' + str(b['documents']) + ' DOCX (Renstra + LKjIP per agency)':44} {'wall':>9} {'CPU':>9}"
        )
        for key in (k for k in b if k.startswith("workers_")):
            print(f"  {key.replace('_', ' '):42} {b[key]['wall']:9.2f} {b[key]['cpu']:9.2f}")
        print(f"  speed-up with {b['cores']} cores: {b['speedup']}×")
    print(f"{'targets':44} {'limit':>9} {'measured':>9} {'':8}")
    for value in results["targets"].values():
        status = "n/a" if value["met"] is None else "met" if value["met"] else "MISSED"
        measured = "-" if value["measured"] is None else f"{value['measured']:.2f}"
        print(
            f"  {value['what'][:42]:42} {str(value['limit']) + ' ' + value['unit']:>9} {measured:>9} {status:>8}"
        )
    load = results["meta"]["load_average"]
    busy = max(load["before"][0], load["after"][0]) > (os.cpu_count() or 1)
    print(
        f"load average before/after: {load['before']} / {load['after']}"
        + (
            " (above the core count: other work competed for the CPU; compare the CPU column)"
            if busy
            else ""
        )
    )
    print(f"wrote {out.resolve().relative_to(ROOT) if out.resolve().is_relative_to(ROOT) else out}")


def versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in (
        "laporgen",
        "python-docx",
        "docxtpl",
        "lxml",
        "pydantic",
        "PyYAML",
        "weasyprint",
        "jinja2",
    ):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, fewer repeats (under a minute)"
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections: {', '.join(SECTIONS)}",
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="folder for generated agencies and outputs (default: a temporary one)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        help="the JSON file to write (default: bench/results/latest.json, quick.json with --quick)",
    )
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--batch", nargs=2, metavar=("ROOT", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--floor", type=Path, metavar="WORK", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:  # a child process of the floor section
        print(json.dumps(floor_child(args.quick, args.floor)))
        return 0
    if args.stages:  # a child process of the scale section
        print(json.dumps(stages(args.stages)))
        return 0
    if args.batch:  # a child process of the batch section
        print(json.dumps(batch_child(Path(args.batch[0]), int(args.batch[1]))))
        return 0

    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    results: dict[str, dict] = {
        "meta": {
            "quick": args.quick,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}",
            "cores": os.cpu_count(),
            "versions": versions(),
            "load_average": {"before": [round(x, 2) for x in os.getloadavg()]},
        }
    }
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="laporgen-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for section, bench in (
            ("cold", bench_cold),
            ("floor", bench_floor),
            ("scale", bench_scale),
            ("batch", bench_batch),
        ):
            if section in chosen:
                print(f"{section}...", file=sys.stderr)
                results[section] = bench(args.quick, work)
    results["meta"]["load_average"]["after"] = [round(x, 2) for x in os.getloadavg()]
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    results["targets"] = targets(results)
    out = args.results or RESULTS / ("quick.json" if args.quick else "latest.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print_report(results, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
