"""bench/run.py keeps running (issue 9): its quick floor and scale sections, in a new process,
write a complete result file. Only the shape is asserted — timings belong to the bench, not
to the tests."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_the_quick_bench_runs_and_writes_its_results(tmp_path):
    results = tmp_path / "quick.json"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--only",
            "floor,scale",
            "--work",
            str(tmp_path / "work"),
            "--results",
            str(results),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    data = json.loads(results.read_text(encoding="utf-8"))
    floor = data["floor"]["magetan_lkjip"]
    assert floor["cells"] > 1000 and floor["laporgen_render_s"] > 0 and floor["ratio"] > 0
    sizes = data["scale"]["sizes"]
    assert sorted(sizes, key=int) == ["10", "100", "500"]
    for size in sizes.values():
        assert (
            size["cold_cli"]["wall_min"] > 0
            and size["peak_mb"] > 0
            and size["pdf_cold_cli"]["cpu_min"] > 0
        )
        assert {"load", "compute_and_tree", "render_docx"} <= set(size["stages"])
    assert isinstance(data["scale"]["fit"]["exponent_work_largest_sizes"], float)
    assert isinstance(data["scale"]["fit"]["exponent_pdf_cpu_largest_sizes"], float)
    targets = data["targets"]
    assert set(targets) == {
        "lkjip_docx_cold",
        "lkjip_docx_vs_import_floor",
        "check_cold",
        "pdf_vs_libreoffice",
        "pdf_vs_weasyprint",
        "renstra_2000_rows",
        "renstra_2000_rows_pdf",
        "pdf_exponent_to_largest",
        "docx_peak_mb_20000_rows",
        "batch_80_documents",
    }
    assert all(
        t["met"] is None for t in targets.values()
    )  # none of them measured by these sections
    assert "targets" in run.stdout and str(results) in run.stdout
