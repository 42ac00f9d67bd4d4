"""Building every document under a folder (a Bappeda's whole kabupaten), in parallel across
cores; one failing document does not stop the others. Progress goes to a callback: the CLI
decides how to show it."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..errors import LaporgenError

DOCUMENT_FILES = ("document.toml", "document.yaml", "document.yml")


@dataclass(frozen=True)
class Hasil:
    """The outcome of one document: what it wrote, or why it failed (one line per problem)."""

    folder: Path
    outputs: tuple[Path, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def is_document(folder: Path) -> bool:
    return any((folder / name).is_file() for name in DOCUMENT_FILES)


def find_documents(root: Path) -> list[Path]:
    """Every document folder under `root` (itself included), sorted."""
    if is_document(root):
        return [root]
    return sorted({p.parent for name in DOCUMENT_FILES for p in root.rglob(name)})


def build_all(folders: list[Path], out: Path, formats: tuple[str, ...], workers: int | None = None,
              on_done: Callable[[Hasil], None] | None = None) -> list[Hasil]:
    """Build each folder into `out`; returns the outcomes in the order of `folders`."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(folders)))
    results: dict[Path, Hasil] = {}
    if workers == 1:
        for folder in folders:
            results[folder] = _build_one(folder, out, formats)
            if on_done:
                on_done(results[folder])
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_build_one, folder, out, formats): folder for folder in folders}
            for future in as_completed(futures):
                result = future.result()
                results[futures[future]] = result
                if on_done:
                    on_done(result)
    return [results[f] for f in folders]


def _build_one(folder: Path, out: Path, formats: tuple[str, ...]) -> Hasil:
    from ..build import build

    try:
        return Hasil(folder, build(folder, out, formats).outputs)
    except LaporgenError as exc:
        return Hasil(folder, errors=tuple(str(p) for p in exc.problems))
    except Exception as exc:  # a bug in one document must not stop the others
        return Hasil(folder, errors=(f"internal error: {type(exc).__name__}: {exc}",))
