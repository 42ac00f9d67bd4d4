"""Building every document under a folder (a Bappeda's whole kabupaten), in parallel across
cores; one failing document does not stop the others. Progress goes to a callback: the CLI
decides how to show it."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import i18n
from ..errors import LaporgenError, Problem, display_path
from ..i18n import _

DOCUMENT_FILES = ("document.toml", "document.yaml", "document.yml")


@dataclass(frozen=True)
class Hasil:
    """The outcome of one document: what it wrote, or why it failed (one line per problem)."""

    folder: Path
    outputs: tuple[Path, ...] = ()
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # warnings about the outputs (`Built.notes`)

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


def build_all(
    folders: list[Path],
    out: Path,
    formats: tuple[str, ...],
    workers: int | None = None,
    on_done: Callable[[Hasil], None] | None = None,
    page_numbers: bool = True,
) -> list[Hasil]:
    """Build each folder into `out`; returns the outcomes in the order of `folders`
    (`page_numbers` as for `build`). Two documents that would write the same files are refused
    before anything is built (a LaporgenError naming both): one would silently replace the
    other."""
    clashing = clashes(folders)
    if clashing:
        raise LaporgenError(clashing)
    workers = max(1, min(workers or os.cpu_count() or 1, len(folders)))
    results: dict[Path, Hasil] = {}
    if workers == 1:
        for folder in folders:
            results[folder] = _build_one(folder, out, formats, page_numbers, i18n.current())
            if on_done:
                on_done(results[folder])
    else:
        # imported here: the process pool loads multiprocessing, which a one-document build,
        # asking only `is_document`, does without
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {
                # the language too: a worker that is started anew (not forked) chooses again
                pool.submit(_build_one, folder, out, formats, page_numbers, i18n.current()): folder
                for folder in folders
            }
            for future in as_completed(futures):
                result = future.result()
                results[futures[future]] = result
                if on_done:
                    on_done(result)
    return [results[f] for f in folders]


def clashes(folders: list[Path]) -> list[Problem]:
    """One problem for each pair of documents whose output files have the same name (two
    versions of one Renstra both saying varian = "awal"). A folder whose name cannot be read is
    left to its own build, which reports why."""
    from ..jenis import output_name_of

    first: dict[str, Path] = {}
    problems = []
    for folder in folders:
        try:
            name = output_name_of(folder)
        except LaporgenError:
            continue
        if name not in first:
            first[name] = folder
            continue
        problems.append(
            Problem(
                display_path(folder / "document.toml"),
                _(
                    "{other} and {folder} would write the same files ({name}.*): one would "
                    "replace the other"
                ).format(folder=display_path(folder), other=display_path(first[name]), name=name),
                hint=_(
                    "give each document its own name: a Perubahan or Review Renstra says varian = "
                    '"perubahan" or "review" (and perubahan_dari), an amended PK versi = '
                    '"perubahan", in document.toml; or build one of them apart, into another '
                    "--out folder"
                ),
                code="output.clash",
            )
        )
    return problems


def _build_one(
    folder: Path,
    out: Path,
    formats: tuple[str, ...],
    page_numbers: bool = True,
    language: str | None = None,
) -> Hasil:
    from ..build import build

    if language is not None and language != i18n.current():
        i18n.use(language)
    try:
        built = build(folder, out, formats, page_numbers=page_numbers)
        return Hasil(folder, built.outputs, notes=built.notes)
    except LaporgenError as exc:
        return Hasil(folder, errors=tuple(str(p) for p in exc.problems))
    except Exception as exc:  # a bug in one document must not stop the others
        return Hasil(
            folder,
            errors=(_("internal error: {error}").format(error=f"{type(exc).__name__}: {exc}"),),
        )
