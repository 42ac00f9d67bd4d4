"""laporgen installs without its source tree: a wheel built from a copy of the project, installed
into a fresh virtual environment, renders the example from a folder outside the checkout, with
the Word template, the HTML stylesheets and the `init` scaffolds read from the installed package.

The venv sees the system site-packages (laporgen's dependencies, not downloaded again); laporgen
itself must be the wheel's copy, which the test asserts. Building the wheel needs the build
backend named in pyproject.toml, from the pip cache or PyPI, as `pip install -e` in .ci/run does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(the venv's python, an environment without PYTHONPATH) with laporgen from a fresh wheel."""
    tmp = tmp_path_factory.mktemp("install")
    project = tmp / "project"  # a copy: the build writes build/ and *.egg-info beside the sources
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(
        ROOT / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        tmp / "dist",
        project,
        cwd=tmp,
        env=env,
    )
    (wheel,) = (tmp / "dist").glob("laporgen-*.whl")
    venv.create(tmp / "venv", system_site_packages=True, with_pip=True)
    python = tmp / "venv" / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel, cwd=tmp, env=env)
    shutil.rmtree(project)  # nothing may be read from the sources once installed
    return python, env


def test_laporgen_comes_from_the_wheel(installed, tmp_path):
    python, env = installed
    where = _run(
        python,
        "-c",
        "import laporgen, pathlib; print(pathlib.Path(laporgen.__file__).resolve())",
        cwd=tmp_path,
        env=env,
    )
    assert Path(where.strip()).is_relative_to(python.parent.parent)  # the venv's site-packages
    assert not Path(where.strip()).is_relative_to(ROOT)


def test_the_installed_package_renders_the_example_outside_the_checkout(installed, tmp_path):
    python, env = installed
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "magetan-dinsos", content / "magetan-dinsos")
    out = _run(
        python,
        "-m",
        "laporgen.cli",
        "build",
        content / "magetan-dinsos" / "lkjip-2024",
        "--format",
        "docx,html",
        "--out",
        tmp_path / "out",
        cwd=tmp_path,
        env=env,
    )
    assert out.split() == [
        "wrote",
        "out/lkjip-2024-dinas-sosial-kabupaten-magetan.docx",
        "wrote",
        "out/lkjip-2024-dinas-sosial-kabupaten-magetan.html",
    ]
    html = (tmp_path / "out" / "lkjip-2024-dinas-sosial-kabupaten-magetan.html").read_text(
        encoding="utf-8"
    )
    assert "Tabel 3.2" in html and ".signature" in html  # the package's stylesheet, inlined


def test_the_installed_package_scaffolds_every_type(installed, tmp_path):
    python, env = installed
    for jenis in ("lkjip", "renstra", "pk"):
        folder = tmp_path / "content" / "dinas-contoh" / f"{jenis}-2026"
        _run(
            python,
            "-m",
            "laporgen.cli",
            "-q",
            "init",
            folder,
            "--type",
            jenis,
            cwd=tmp_path,
            env=env,
        )
        _run(
            python,
            "-m",
            "laporgen.cli",
            "-q",
            "build",
            folder,
            "--out",
            tmp_path / "out",
            cwd=tmp_path,
            env=env,
        )
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "out").iterdir()) == [
        "lkjip",
        "pk",
        "renstra",
    ]
