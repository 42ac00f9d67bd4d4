"""A document folder loaded whole: settings, the agency, the plan, the program tree, the year's
facts and the narrative files, each validated, with every problem reported at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import LaporgenError, Problem, display_path
from .anggaran import ProgramTree
from .lkjip import Kinerja, SumberDaya
from .load import Source, find_data_file, load, read_text
from .organisasi import Agency
from .refs import check_references
from .renstra import Rencana
from .settings import DocumentSettings

LKJIP_FILES: dict[str, type[BaseModel]] = {
    "rencana": Rencana,
    "program": ProgramTree,
    "kinerja": Kinerja,
    "sumber_daya": SumberDaya,
}
"""The data files of an LKjIP folder beside `document.toml`, by stem (.yaml, .yml or .toml)."""


@dataclass(frozen=True)
class Narasi:
    """A narrative Markdown file (`narasi/<id>.md`), not yet rendered."""

    id: str
    text: str
    path: Path


@dataclass(frozen=True)
class LkjipContent:
    folder: Path
    settings: DocumentSettings
    agency: Agency
    rencana: Rencana
    program: ProgramTree
    kinerja: Kinerja
    sumber_daya: SumberDaya
    narasi: dict[str, Narasi]
    sources: dict[str, Source]
    """Where each part came from, by part name ("document", "agency", "rencana", …)."""


def load_lkjip(folder: Path) -> LkjipContent:
    """Load and validate an LKjIP document folder (`content/<agency>/<document>/`)."""
    if not folder.is_dir():
        raise LaporgenError([Problem(display_path(folder), "not a folder", hint="give a document folder such as content/<agency>/lkjip-2024", code="input.file")])
    problems: list[Problem] = []
    parts: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    wanted = {"document": (folder, DocumentSettings), "agency": (folder.parent, Agency)}
    wanted |= {stem: (folder, model) for stem, model in LKJIP_FILES.items()}
    for stem, (where, model) in wanted.items():
        try:
            path = find_data_file(where, stem)
            if path is None:
                problems.append(Problem(
                    display_path(where / f"{stem}.yaml"), "file is missing",
                    hint=f"create {stem}.yaml (or .toml) in {display_path(where)}", code="input.file",
                ))
                continue
            parts[stem], sources[stem] = load(model, path)
        except LaporgenError as exc:
            problems.extend(exc.problems)
    narasi = _load_narasi(folder / "narasi", problems)
    if problems:
        raise LaporgenError(problems)
    content = LkjipContent(
        folder=folder, settings=parts["document"], agency=parts["agency"], rencana=parts["rencana"],
        program=parts["program"], kinerja=parts["kinerja"], sumber_daya=parts["sumber_daya"],
        narasi=narasi, sources=sources,
    )
    problems = check_references(content)
    if problems:
        raise LaporgenError(problems)
    return content


def _load_narasi(folder: Path, problems: list[Problem]) -> dict[str, Narasi]:
    narasi: dict[str, Narasi] = {}
    if not folder.is_dir():
        return narasi
    for path in sorted(folder.rglob("*.md")):
        key = path.relative_to(folder).with_suffix("").as_posix()
        try:
            narasi[key] = Narasi(key, read_text(path), path)
        except LaporgenError as exc:
            problems.extend(exc.problems)
    return narasi
