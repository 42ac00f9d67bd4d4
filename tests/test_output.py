"""One build, one consistent set of outputs (output.py): the formats of a build replace the
previous ones together or not at all. A build killed at any rename leaves a set the next build
completes (or never started moving, so the previous set stays); a rename that fails puts the
previous files back; the temp files of an interrupted build are removed by the next one."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from laporgen import output
from laporgen.errors import LaporgenError

NAMES = ("doc.docx", "doc.html", "doc.pdf")
OLD = {name: b"old " + name.encode() for name in NAMES}
NEW = {name: b"new " + name.encode() for name in NAMES}
RENAMES = 1 + len(NAMES)
"""os.replace calls of a write: the marker, then each output."""

KILLED_AT_RENAME = """
import os, sys
from pathlib import Path
from laporgen import output

out, k, calls, real = Path(sys.argv[1]), int(sys.argv[2]), [0], os.replace

def replace(src, dst):
    calls[0] += 1
    if calls[0] == k:
        os._exit(9)  # killed: no finally, no cleanup
    return real(src, dst)

os.replace = replace
output.write_all_atomic({out / name: b"new " + name.encode() for name in sys.argv[3:]})
"""


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def previous_set(folder: Path) -> Path:
    folder.mkdir()
    for name, data in OLD.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("k", range(1, RENAMES + 2), ids=lambda k: f"killed at rename {k}")
def test_a_build_killed_at_any_rename_is_finished_or_rolled_back_by_the_next(tmp_path, k):
    out = previous_set(tmp_path / "out")
    env = {**os.environ, "PYTHONPATH": str(Path(output.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AT_RENAME, str(out), str(k), *NAMES],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == (9 if k <= RENAMES else 0), done.stderr
    output.finish_interrupted([out / name for name in NAMES])
    # killed before the marker was in place: the previous set; after: the new one, whole
    assert contents(out) == (OLD if k == 1 else NEW)
    output.write_all_atomic({out / "doc.docx": b"next docx", out / "doc.html": b"next html"})
    assert contents(out) == {
        "doc.docx": b"next docx",
        "doc.html": b"next html",
        "doc.pdf": contents(out)["doc.pdf"],
    }


@pytest.mark.parametrize("k", range(1, RENAMES + 1), ids=lambda k: f"rename {k} fails")
def test_a_failing_rename_puts_the_previous_set_back(tmp_path, monkeypatch, k):
    out = previous_set(tmp_path / "out")
    calls, real = [0], os.replace

    def replace(src, dst):
        calls[0] += 1
        if calls[0] == k:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(LaporgenError) as failed:
        output.write_all_atomic({out / name: NEW[name] for name in NAMES})
    assert [p.code for p in failed.value.problems] == ["output.write"]
    monkeypatch.setattr(os, "replace", real)
    assert contents(out) == OLD  # nothing new, nothing left over


def test_a_first_build_that_fails_at_a_rename_leaves_no_output(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    calls, real = [0], os.replace

    def replace(src, dst):
        calls[0] += 1
        if calls[0] == 3:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(LaporgenError):
        output.write_all_atomic({out / name: NEW[name] for name in NAMES})
    assert contents(out) == {}


def test_stray_temp_files_of_an_interrupted_build_are_removed_by_the_next(tmp_path):
    out = previous_set(tmp_path / "out")
    strays = [".doc.docx.k2j3h4.tmp", ".doc.pdf.a1b2c3.old.tmp", ".doc.laporgen-set.x9y8z7.tmp"]
    for name in strays:
        (out / name).write_bytes(b"half")
    (out / ".other.docx.k2j3h4.tmp").write_bytes(b"another document's build, still running")
    output.write_all_atomic({out / "doc.docx": b"next"})
    assert contents(out) == {
        **OLD,
        "doc.docx": b"next",
        ".other.docx.k2j3h4.tmp": b"another document's build, still running",
    }


def test_a_marker_that_is_not_ours_is_only_removed(tmp_path):
    out = previous_set(tmp_path / "out")
    (out / ".doc.laporgen-set").write_text("not json", encoding="utf-8")
    output.write_all_atomic({out / "doc.docx": b"next"})
    assert contents(out) == {**OLD, "doc.docx": b"next"}


def test_build_removes_the_temp_files_a_killed_build_left(tmp_path, monkeypatch):
    from conftest import EXAMPLE_AGENCY, invoke_cli

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    name = "lkjip-2024-dinas-sosial-kabupaten-magetan"
    (out / f".{name}.docx.q1w2e3r4.tmp").write_bytes(b"PK half")
    (out / f".{name}.html.a9s8d7f6.tmp").write_bytes(b"<html")
    code, _, err = invoke_cli("build", EXAMPLE_AGENCY / "lkjip-2024", "--out", out)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.docx"]
