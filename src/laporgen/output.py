"""Writing outputs atomically: a temp file in the target folder, then `os.replace`, so a failed
build never leaves a half-written file nor destroys the previous good one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import LaporgenError, Problem, display_path


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Create `path` by calling `write(stream)`; on any failure the old file stays as it was."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _temp_beside(path) as (stream, temp):
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(temp, path)
    except OSError as exc:
        raise LaporgenError([Problem(
            display_path(path), f"cannot write the output ({exc.strerror or exc})",
            hint="check that the folder exists and is writable, the disk is not full, and the file is not open in another program",
            code="output.write",
        )]) from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _temp_beside(path: Path) -> Iterator[tuple[BinaryIO, str]]:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream, temp
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
