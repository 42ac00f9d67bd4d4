"""A document folder as it is on disk, or as it was at a git revision ("HEAD~1:content/x/doc"),
for `laporgen diff`. The revision's agency folder is extracted into a temporary folder."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import LaporgenError, Problem
from ..i18n import _


@contextlib.contextmanager
def folder_at(spec: str) -> Iterator[Path]:
    """Yield the document folder `spec` names: a path, or `REV:PATH` for PATH at git revision REV."""
    path = Path(spec)
    if path.exists() or ":" not in spec:
        yield path
        return
    rev, _colon, rel = spec.partition(":")
    with tempfile.TemporaryDirectory(prefix="laporgen-rev-") as tmp:
        yield _extract(rev, Path(rel), Path(tmp))


def _git(*args: str, cwd: Path) -> bytes:
    try:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout
    except FileNotFoundError as exc:
        raise LaporgenError(
            [
                Problem(
                    "git",
                    _("git is not installed"),
                    hint=_("install git, or compare two folders"),
                    code="diff.git",
                )
            ]
        ) from exc
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [_("failed")]
        raise LaporgenError(
            [
                Problem(
                    "git",
                    _("git {command}: {error}").format(
                        command=" ".join(args[:2]), error=message[0]
                    ),
                    hint=_("check the revision name (e.g. HEAD~1, a tag, a commit)"),
                    code="diff.git",
                )
            ]
        ) from exc


def _extract(rev: str, document: Path, into: Path) -> Path:
    """Extract the agency folder of `document` (its parent: agency.yaml and sibling documents)
    at `rev` into `into`; return the document folder inside it."""
    top = Path(_git("rev-parse", "--show-toplevel", cwd=Path.cwd()).decode().strip())
    rel = Path(os.path.relpath(document.absolute(), top))
    agency = rel.parent
    archive = _git("archive", "--format=tar", rev, "--", agency.as_posix(), cwd=top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    found = into / rel
    if not found.is_dir():
        raise LaporgenError(
            [
                Problem(
                    f"{rev}:{rel.as_posix()}",
                    _("no such document folder at that revision"),
                    code="diff.git",
                )
            ]
        )
    return found
