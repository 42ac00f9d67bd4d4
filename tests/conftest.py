"""Shared fixtures: a writable copy of the bundled example, and the CLI run in-process.

`example_copy` copies the whole agency folder (`content/magetan-dinsos`, holding `agency.yaml`
and `lkjip-2024/`) into the test's `tmp_path`, so a test may edit any file of it freely.
The `run_cli` fixture is a function: `run_cli(*args)` calls `laporgen.cli.main` in this process
and returns `(code, stdout, stderr)`; an argparse exit (`--version`, `--help`, a usage error) is
returned as its exit code. `invoke_cli` is the same function, for use outside a test function
(e.g. in a module-scoped fixture).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest

# The tests read laporgen's messages as written, in English (`LAPORGEN_LANG`, which CLI runs in
# new processes inherit too); tests/test_i18n.py reads the Indonesian ones, the default.
os.environ["LAPORGEN_LANG"] = "en"

from laporgen.cli import main  # noqa: E402  (after the language is set)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_AGENCY = ROOT / "content" / "magetan-dinsos"
"""The bundled agency folder: `agency.yaml` and the document folder `lkjip-2024/`."""
EXAMPLE_DOCUMENT = "lkjip-2024"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """One line per system part this machine lacks, with the Debian package to install: the
    tests that need it failed with the same line."""
    from system_parts import PARTS, install_line, missing

    lacking = missing()
    if lacking:
        terminalreporter.section("missing system parts")
        for part in lacking:
            terminalreporter.write_line(f"{PARTS[part][0]}: {install_line([part])}")


@pytest.fixture(scope="session", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory):
    """laporgen's cache (compiled narrative templates) in a folder of this test run, not the
    user's ~/.cache; set in the environment, so CLI runs in new processes use it too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("LAPORGEN_NO_CACHE", raising=False)
        yield


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A fresh copy of the example: `tmp_path/magetan-dinsos/lkjip-2024` (the document folder,
    the one `laporgen build|check` takes); its parent holds the copied `agency.yaml`."""
    agency = tmp_path / EXAMPLE_AGENCY.name
    shutil.copytree(EXAMPLE_AGENCY, agency)
    return agency / EXAMPLE_DOCUMENT


def invoke_cli(*args: str | Path) -> tuple[int, str, str]:
    """Run `laporgen <args>` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --version, --help, usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run_cli():
    """`run_cli(*args) -> (code, stdout, stderr)`: `laporgen <args>` run in-process."""
    return invoke_cli
