"""Each content file's validated model kept between runs, as the narrative's compiled templates
and HTML are (`document/template_cache.py`, `document/markdown_cache.py`): the first validation
of a model makes pydantic build its validators, a tenth of a `laporgen check`, and most runs
while editing change one file or none.

One cache file per content file and model (named by its absolute path, the model and the code's
fingerprint), holding the hash of the bytes it was read from: an edited file is read and
validated again and replaces it. Only a file that loaded without a problem is kept, so every
mistake is found and reported by the same code as without the cache. Validation reads nothing
but the file (the models read no other file, no clock, no setting), which is what makes the
file's bytes a sufficient key. The fingerprint covers laporgen's own code, the libraries that
read and validate (PyYAML, pydantic) and the message language.
`LAPORGEN_NO_CACHE=1` turns it off, as every cache."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import stat
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from ..cache import cache_dir, read_entry, write_entry
from ..i18n import current
from .source import MAX_FILE_BYTES, Source

VERSION = 1  # raise when what is kept changes in a way the fingerprint does not show

M = TypeVar("M")


def cached_load(
    model: type[M], path: Path, load: Callable[[], tuple[M, Source]]
) -> tuple[M, Source]:
    """`load()` (read and validate `path` as `model`), or what it gave for the same bytes
    before."""
    folder = cache_dir("model")
    raw = _bytes(path) if folder is not None else None
    if folder is None or raw is None:
        return load()
    key = f"{os.path.abspath(path)}\0{model.__module__}.{model.__qualname__}\0{_fingerprint()}"
    entry = folder / (hashlib.sha256(f"{key}\0{current()}".encode()).hexdigest() + ".pickle")
    head = hashlib.sha256(raw).digest()
    body = read_entry(entry, head)
    if body is not None:
        kept = _unpickled(body, model)
        if kept is not None:
            return kept[0], replace(kept[1], path=path)  # named as this run names it
    loaded = load()
    if _bytes(path) == raw:  # not changed while it was read: the entry is what these bytes give
        try:
            body = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return loaded  # a value pickle cannot keep: validated again next time
        write_entry(entry, head, body)
    return loaded


def _bytes(path: Path) -> bytes | None:
    """The file's bytes when it is a regular file `read_text` would read whole; else None (the
    loader then reads it and reports what is wrong)."""
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _unpickled(body: bytes, model: type[M]) -> tuple[M, Source] | None:
    try:
        kept = pickle.loads(body)
    except Exception:  # noqa: BLE001 - a damaged or foreign entry is made again
        return None
    if (
        isinstance(kept, tuple)
        and len(kept) == 2
        and isinstance(kept[0], model)
        and isinstance(kept[1], Source)
    ):
        return kept
    return None


@functools.cache
def _fingerprint() -> str:
    """laporgen's code (every module's size and time: the package is small, and an edit to any
    of them may change what a file validates to), Python's and pydantic's versions, and PyYAML's
    files (found, not imported: not importing it is much of what the cache saves)."""
    import pydantic
    import pydantic_core

    digest = hashlib.sha256(
        f"laporgen-model-{VERSION}|{sys.version}|{pydantic.VERSION}|"
        f"{pydantic_core.__version__}".encode()
    )
    package = Path(__file__).resolve().parent.parent
    folders = [package]
    spec = importlib.util.find_spec("yaml")
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent)
    for top in folders:
        for folder, _dirs, files in sorted(os.walk(top)):
            for name in sorted(files):
                if name.endswith((".py", ".so")):
                    try:
                        found = os.stat(os.path.join(folder, name))
                    except OSError:
                        continue
                    digest.update(f"{folder}/{name}:{found.st_size}:{found.st_mtime_ns}\n".encode())
    return digest.hexdigest()
