"""A document folder loaded whole: settings, the agency, the plan, the program tree, the year's
facts and the narrative files, each validated, with every problem reported at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import LaporgenError, Problem, display_path
from .anggaran import ProgramTree
from .analisis import Analisis
from .evaluasi import Evaluasi
from .lkjip import Kinerja
from .load import Source, find_data_file, load, read_data, read_text
from .organisasi import Agency
from .refs import check_references, check_renstra_references
from .rencana_program import RencanaProgram
from .renstra import Rencana
from .settings import DocumentSettings, RenstraSettings
from .sumber_daya import SumberDaya, SumberDayaRenstra

LKJIP_FILES: dict[str, type[BaseModel]] = {
    "rencana": Rencana,
    "program": ProgramTree,
    "kinerja": Kinerja,
    "sumber_daya": SumberDaya,
}
"""The data files of an LKjIP folder beside `document.toml`, by stem (.yaml, .yml or .toml)."""

RENSTRA_FILES: dict[str, type[BaseModel]] = {
    "rencana": Rencana,
    "program": RencanaProgram,
    "evaluasi": Evaluasi,
    "sumber_daya": SumberDayaRenstra,
    "analisis": Analisis,
}
"""The data files of a Renstra folder."""

SETTINGS: dict[str, type[BaseModel]] = {"lkjip": DocumentSettings, "renstra": RenstraSettings}


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


@dataclass(frozen=True)
class RenstraContent:
    folder: Path
    settings: RenstraSettings
    agency: Agency
    rencana: Rencana
    program: RencanaProgram
    evaluasi: Evaluasi
    sumber_daya: SumberDayaRenstra
    analisis: Analisis
    narasi: dict[str, Narasi]
    sources: dict[str, Source]


Content = LkjipContent | RenstraContent


def document_type(folder: Path) -> str:
    """The `jenis` of the document in `folder` ("lkjip", "renstra")."""
    _require_folder(folder)
    path = find_data_file(folder, "document")
    if path is None:
        raise LaporgenError([Problem(display_path(folder / "document.toml"), "file is missing",
                                     hint='create document.toml with jenis = "lkjip" or "renstra"', code="input.file")])
    data, source = read_data(path)
    jenis = data.get("jenis") if isinstance(data, dict) else None
    if jenis not in SETTINGS:
        raise LaporgenError([source.problem(("jenis",), f"unknown document type {jenis!r}",
                                            'write jenis = "lkjip" or jenis = "renstra"', "input.value")])
    return jenis


def load_document(folder: Path) -> Content:
    """Load and validate any document folder, by its `jenis`."""
    return load_lkjip(folder) if document_type(folder) == "lkjip" else load_renstra(folder)


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise LaporgenError([Problem(display_path(folder), "not a folder",
                                     hint="give a document folder such as content/<agency>/lkjip-2024", code="input.file")])


def load_renstra(folder: Path) -> RenstraContent:
    """Load and validate a Renstra document folder."""
    parts, sources, narasi = _load_parts(folder, RenstraSettings, RENSTRA_FILES)
    content = RenstraContent(
        folder=folder, settings=parts["document"], agency=parts["agency"], rencana=parts["rencana"],
        program=parts["program"], evaluasi=parts["evaluasi"], sumber_daya=parts["sumber_daya"],
        analisis=parts["analisis"], narasi=narasi, sources=sources,
    )
    problems = check_renstra_references(content)
    if problems:
        raise LaporgenError(problems)
    return content


def load_lkjip(folder: Path) -> LkjipContent:
    """Load and validate an LKjIP document folder (`content/<agency>/<document>/`)."""
    parts, sources, narasi = _load_parts(folder, DocumentSettings, LKJIP_FILES)
    content = LkjipContent(
        folder=folder, settings=parts["document"], agency=parts["agency"], rencana=parts["rencana"],
        program=parts["program"], kinerja=parts["kinerja"], sumber_daya=parts["sumber_daya"],
        narasi=narasi, sources=sources,
    )
    problems = check_references(content)
    if problems:
        raise LaporgenError(problems)
    return content


def _load_parts(folder: Path, settings: type[BaseModel], files: dict[str, type[BaseModel]]):
    """Every file of a document folder validated, with all problems reported at once."""
    _require_folder(folder)
    problems: list[Problem] = []
    parts: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    wanted = {"document": (folder, settings), "agency": (folder.parent, Agency)}
    wanted |= {stem: (folder, model) for stem, model in files.items()}
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
    return parts, sources, narasi


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
