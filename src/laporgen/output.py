"""Writing outputs atomically: a temp file in the target folder, then `os.replace`, so a failed
build never leaves a half-written file nor destroys the previous good one."""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import LaporgenError, Problem, display_path
from .i18n import N_, _

_HINTS = {
    errno.ENOSPC: N_("free some disk space and build again"),
    getattr(errno, "EDQUOT", errno.ENOSPC): N_(
        "free some disk space (or raise your quota) and build again"
    ),
    errno.EACCES: N_(
        "close the file if it is open in Word or another program, and check that the folder is "
        "writable"
    ),
    errno.EPERM: N_(
        "close the file if it is open in Word or another program, and check that the folder is "
        "writable"
    ),
    errno.EROFS: N_("the folder is read-only: choose another --out folder"),
    errno.EEXIST: N_("--out must be a folder, not a file"),
    errno.ENOTDIR: N_("--out must be a folder, not a file"),
    errno.EISDIR: N_("a folder has the output file's name: rename or remove it"),
}
_DEFAULT_HINT = N_(
    "check that the folder exists and is writable, the disk is not full, and the file is not open "
    "in another program"
)


def write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Create `path` by calling `write(stream)`; on any failure the old file stays as it was and
    no temp file is left behind."""
    finish_interrupted([path])
    temps: dict[Path, str] = {}
    try:
        temps[path] = _write_temp(path, write)
        _replace_all(temps)
    finally:
        _remove(temps.values())


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Write several outputs (one build's DOCX, HTML, PDF) all or nothing, as far as the file
    system allows: every temp file is written first; then a marker listing the renames is put
    beside them and the files are moved into place. A failure while moving puts the previous
    files back; a build killed while moving leaves the marker, and the next write of the same
    outputs finishes the set before anything else (`finish_interrupted`)."""
    if not files:
        return
    finish_interrupted(list(files))
    temps: dict[Path, str] = {}
    backups: dict[Path, str] = {}
    marker = _marker(list(files))
    try:
        for path, data in files.items():
            temps[path] = _write_temp(path, _bytes_writer(data))
        for path in files:
            backup = _backup(path)
            if backup is not None:
                backups[path] = backup
        _write_marker(marker, temps, backups, shown=next(iter(files)))
        _commit(temps, backups)
    finally:  # done, or rolled back: the marker is needed only by a write killed while moving
        _remove([str(marker)])
        _remove(temps.values())
        _remove(backups.values())
        _sync_folders(files)


MARKER_SUFFIX = ".laporgen-set"
"""The marker of a set being moved into place: `.<stem>.laporgen-set`, JSON of its renames."""


def finish_interrupted(paths: list[Path]) -> None:
    """Finish the set of outputs an earlier write of `paths` (same folder, same stem) left
    half-moved, and remove the temp files of any earlier write that died before its marker
    (so its previous set stays whole). Does nothing when there is nothing left over."""
    for marker in sorted({_marker([p]) for p in paths} | {_marker(paths)}):
        if marker.is_file():
            _roll_forward(marker)
    for folder, stem in sorted({(p.parent, _stem(p)) for p in paths}):
        if folder.is_dir():
            for stray in folder.glob(f".{glob.escape(stem)}.*.tmp"):
                with contextlib.suppress(OSError):
                    stray.unlink()


def _stem(path: Path) -> str:
    """What the outputs of one set share: "lkjip-2024-dinas-sosial" of its .docx, .html, .pdf."""
    return path.name.split(".", 1)[0]


def _marker(paths: list[Path]) -> Path:
    first = min(paths)
    return first.parent / f".{_stem(first)}{MARKER_SUFFIX}"


def _backup(path: Path) -> str | None:
    """A second name (hard link) for the file `path` is about to replace, to put it back if
    the set cannot be completed; None when there is no such file or links are not possible."""
    if not path.is_file():
        return None
    fd, backup = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".old.tmp", dir=path.parent)
    os.close(fd)
    try:
        os.unlink(backup)  # a unique name, now free for the link
        os.link(path, backup)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(backup)
        return None
    return backup


def _write_marker(
    marker: Path, temps: dict[Path, str], backups: dict[Path, str], shown: Path
) -> None:
    """The marker, itself written whole or not at all; a failure is reported on `shown`, the
    output the user knows."""
    folder = marker.parent
    record = {
        "moves": [
            [os.path.relpath(temp, folder), os.path.relpath(path, folder)]
            for path, temp in temps.items()
        ],
        "backups": [os.path.relpath(b, folder) for b in backups.values()],
    }
    try:
        # named as the outputs' temp files are (".<stem>.….tmp"), so a stray one is cleaned with them
        temp = _write_temp(
            marker.with_name(marker.name[1:]),
            lambda stream: stream.write(json.dumps(record).encode()),
        )
    except LaporgenError as exc:
        raise LaporgenError(
            [
                Problem(display_path(shown), p.message, hint=p.hint, code=p.code)
                for p in exc.problems
            ]
        ) from exc
    try:
        os.replace(temp, marker)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _problem(shown, exc) from exc


def _commit(temps: dict[Path, str], backups: dict[Path, str]) -> None:
    """Move every temp file into place; if one cannot be moved, put back what was moved."""
    moved: list[Path] = []
    for path in list(temps):
        try:
            os.replace(temps[path], path)
        except BaseException as exc:  # an interrupt too: put back what was moved
            for done in moved:
                with contextlib.suppress(OSError):
                    if done in backups:
                        os.replace(backups.pop(done), done)
                    else:
                        os.unlink(done)
            if isinstance(exc, OSError):
                raise _problem(path, exc) from exc
            raise
        moved.append(path)
        del temps[path]


def _roll_forward(marker: Path) -> None:
    """Complete the renames a marker lists (those whose temp file is still there), then drop
    its backups and the marker."""
    folder = marker.parent
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
        moves = [(folder / temp, folder / final) for temp, final in record["moves"]]
        backups = [folder / b for b in record.get("backups", [])]
    except (OSError, ValueError, KeyError, TypeError):  # not ours, or unreadable: only remove it
        moves, backups = [], []
    for temp, final in moves:
        if temp.is_file():
            try:
                os.replace(temp, final)
            except OSError as exc:
                raise _problem(final, exc) from exc
    _remove([str(b) for b in backups] + [str(marker)])


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


def _remove(paths) -> None:
    for temp in list(paths):
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _sync_folders(files) -> None:
    """The renames on disk before the command says it is done (best effort)."""
    for folder in {Path(p).parent for p in files}:
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _problem(path: Path, exc: OSError) -> LaporgenError:
    advice = _HINTS.get(exc.errno, _DEFAULT_HINT)
    hint = _(advice)
    return LaporgenError(
        [
            Problem(
                display_path(path),
                _("cannot write the output ({reason})").format(reason=exc.strerror or exc),
                hint=_("{hint}; the previous file, if any, is unchanged").format(hint=hint),
                code="output.write",
            )
        ]
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
