"""Writing outputs atomically: a temp file in the target folder, then `os.replace`, so a failed
build never leaves a half-written file nor destroys the previous good one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import LaporgenError, Problem, display_path

_HINTS = {
    errno.ENOSPC: "free some disk space and build again",
    getattr(errno, "EDQUOT", errno.ENOSPC): "free some disk space (or raise your quota) and build again",
    errno.EACCES: "close the file if it is open in Word or another program, and check that the folder is writable",
    errno.EPERM: "close the file if it is open in Word or another program, and check that the folder is writable",
    errno.EROFS: "the folder is read-only: choose another --out folder",
    errno.EEXIST: "--out must be a folder, not a file",
    errno.ENOTDIR: "--out must be a folder, not a file",
    errno.EISDIR: "a folder has the output file's name: rename or remove it",
}
_DEFAULT_HINT = ("check that the folder exists and is writable, the disk is not full, and the file is not open "
                 "in another program")


def write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Create `path` by calling `write(stream)`; on any failure the old file stays as it was and
    no temp file is left behind."""
    temps: dict[Path, str] = {}
    try:
        temps[path] = _write_temp(path, write)
        _replace_all(temps)
    finally:
        _remove(temps)


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Write several outputs (one build's DOCX, HTML, PDF) all or nothing: every temp file is
    written first, then all are moved into place, so a failure while writing the second format
    does not leave the first one already replaced."""
    temps: dict[Path, str] = {}
    try:
        for path, data in files.items():
            temps[path] = _write_temp(path, _bytes_writer(data))
        _replace_all(temps)
    finally:
        _remove(temps)


def _bytes_writer(data: bytes) -> Callable[[BinaryIO], object]:
    """A writer of `data` to a stream (one per file: a lambda in a loop would share the last)."""
    return lambda stream: stream.write(data)


def _write_temp(path: Path, write: Callable[[BinaryIO], object]) -> str:
    """A complete, synced temp file beside `path`, with the usual file mode."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        return temp
    except BaseException as exc:  # even a crash must not leave a half-written temp file behind
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(exc, OSError):
            raise _problem(path, exc) from exc
        raise


def _replace_all(temps: dict[Path, str]) -> None:
    for path in list(temps):
        try:
            os.replace(temps[path], path)
        except OSError as exc:
            raise _problem(path, exc) from exc
        del temps[path]


def _remove(temps: dict[Path, str]) -> None:
    for temp in temps.values():
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _problem(path: Path, exc: OSError) -> LaporgenError:
    hint = _HINTS.get(exc.errno, _DEFAULT_HINT)
    return LaporgenError([Problem(
        display_path(path), f"cannot write the output ({exc.strerror or exc})",
        hint=f"{hint}; the previous file, if any, is unchanged", code="output.write",
    )])


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
