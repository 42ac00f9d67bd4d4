"""The parts of the machine some tests need besides Python packages, and what to install on
Debian when one is missing (`.ci/run` installs them all). A test that needs a missing part
fails with one line naming it and its package (`require`); the run ends with the same list
(conftest.py), so a fresh machine shows what to install, never an error without a cause."""

from __future__ import annotations

import glob
import os
import shutil

import pytest

PARTS: dict[str, tuple[str, str]] = {
    # part: (what it is, the Debian packages that provide it)
    "soffice": ("LibreOffice (soffice)", "libreoffice-writer-nogui"),
    "calc": ("LibreOffice Calc (opens the .xlsx exports)", "libreoffice-calc-nogui"),
    "pdftoppm": ("poppler (pdftoppm, pdftotext)", "poppler-utils"),
    "fonts": ("the Liberation and DejaVu fonts", "fonts-liberation2 fonts-dejavu-core"),
    "chromium": ("Chromium", "chromium"),
    "chromedriver": ("chromedriver", "chromium-driver"),
}


def _present(part: str) -> bool:
    if part == "calc":
        return bool(glob.glob("/usr/lib/libreoffice/program/libsclo.so")) or not shutil.which(
            "soffice"
        )
    if part == "fonts":
        return bool(glob.glob("/usr/share/fonts/**/Liberation*", recursive=True)) and bool(
            glob.glob("/usr/share/fonts/**/DejaVu*", recursive=True)
        )
    if part in ("chromium", "chromedriver"):
        return os.access(f"/usr/bin/{part}", os.X_OK)
    return shutil.which(part) is not None


def missing() -> list[str]:
    """The parts this machine lacks."""
    return [part for part in PARTS if not _present(part)]


def install_line(parts: list[str]) -> str:
    packages = " ".join(dict.fromkeys(PARTS[p][1] for p in parts))
    return f"apt-get install --no-install-recommends {packages}"


def require(*parts: str, skip_variable: str | None = None) -> None:
    """Fail the calling test in one line when a part is missing (skip it instead when
    `skip_variable` is set to 1 in the environment: a machine that says it has none)."""
    lacking = [p for p in parts if not _present(p)]
    if not lacking:
        return
    what = ", ".join(PARTS[p][0] for p in lacking)
    if skip_variable and os.environ.get(skip_variable) == "1":
        pytest.skip(f"{what} not installed; {skip_variable}=1")
    hint = f" (or set {skip_variable}=1 to skip)" if skip_variable else ""
    pytest.fail(
        f"missing system part: {what}; install it: {install_line(lacking)}{hint}", pytrace=False
    )
