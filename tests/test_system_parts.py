"""A machine without a system part the tests need (here: chromedriver, as a fresh machine
lacks it) gets one clear line per part and test, never an error without a cause."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

NEEDS_CHROMEDRIVER = """
import system_parts

system_parts._present = lambda part: part != "chromedriver"  # this machine lacks chromedriver

def test_needs_the_browser():
    system_parts.require("chromium", "chromedriver")
"""


def test_a_missing_system_part_fails_in_one_line_naming_the_package(tmp_path):
    (tmp_path / "test_needs.py").write_text(NEEDS_CHROMEDRIVER, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            "-o",
            "pythonpath=" + str(TESTS),
            str(tmp_path / "test_needs.py"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
        # under CI=true pytest prints the summary's messages whole, so the line would show twice
        env={k: v for k, v in os.environ.items() if k not in ("CI", "BUILD_NUMBER")},
    )
    assert run.returncode == 1, run.stdout
    line = "missing system part: chromedriver; install it: apt-get install --no-install-recommends chromium-driver"
    assert run.stdout.count(line) == 1, run.stdout
    assert "Traceback" not in run.stdout and "def test_needs_the_browser" not in run.stdout, (
        run.stdout
    )
