"""A document folder loaded whole: settings, the agency, the plan, the program tree, the year's
facts and the narrative files, each validated, with every problem reported at once."""

from __future__ import annotations

import errno
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import LaporgenError, Problem, display_path
from ..i18n import _
from .anggaran import ProgramTree
from .content import LkjipContent, Narasi, RenstraContent
from .lkjip import Kinerja
from .nilai import predikat_problems
from .organisasi import Agency
from .read import find_data_file, read_data, read_text
from .source import Source
from .refs import check_references, check_renstra_references
from .renstra import Rencana
from .settings import DocumentSettings, RenstraSettings
from .sumber_daya import SumberDaya, SumberDayaRenstra
from .spm import Spm, spm_problems
from .tabel import DeclaredTables, tabel_problems
from .validate import load

COMMON_FILES: dict[str, type[BaseModel]] = {"tabel": DeclaredTables}
"""Optional files every document type may hold: `tabel.yaml`, the tables declared in content."""

LKJIP_FILES: dict[str, type[BaseModel]] = {
    "rencana": Rencana,
    "program": ProgramTree,
    "kinerja": Kinerja,
    "sumber_daya": SumberDaya,
    "spm": Spm,
}
"""The data files of an LKjIP folder beside `document.toml`, by stem (.yaml, .yml or .toml)."""


def renstra_files() -> dict[str, type[BaseModel]]:
    """The data files of a Renstra folder. Its own models are imported here, when a Renstra is
    loaded: an LKjIP build or check need not define them (20 ms of a 0,5 s `check`)."""
    from .analisis import Analisis
    from .evaluasi import Evaluasi
    from .rencana_program import RencanaProgram

    return {
        "rencana": Rencana,
        "program": RencanaProgram,
        "evaluasi": Evaluasi,
        "sumber_daya": SumberDayaRenstra,
        "analisis": Analisis,
        "spm": Spm,
    }


RENSTRA_OPTIONAL = {"program", "evaluasi", "sumber_daya", "analisis", "spm"}
"""A data-only Renstra (the plan an LKjIP reports against) may hold just `rencana.yaml`."""

LKJIP_OPTIONAL = {"spm"}
"""`spm.yaml`, the Standar Pelayanan Minimal, only where the agency reports one."""


def read_jenis(folder: Path) -> tuple[object, Source] | None:
    """The `jenis` written in the document.toml of `folder`, unchecked (the registry of
    document types, `laporgen.jenis`, knows which exist), and where it was read; None when
    the folder has no document.toml."""
    _require_folder(folder)
    path = find_data_file(folder, "document")
    if path is None:
        return None
    data, source = read_data(path)
    return (data.get("jenis") if isinstance(data, dict) else None), source


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _("not a folder"),
                    hint=_("give a document folder such as content/<agency>/lkjip-2024"),
                    code="input.file",
                )
            ]
        )


def load_renstra(folder: Path) -> RenstraContent:
    """Load and validate a Renstra document folder."""
    from .analisis import Analisis
    from .evaluasi import Evaluasi

    parts, sources, narasi = load_parts(folder, RenstraSettings, renstra_files(), RENSTRA_OPTIONAL)
    # A file left out is its model's defaults, made without validating anything
    # (`model_construct`): calling the model would build its validator (`defer_build`), a few
    # milliseconds a model, for a value with nothing in it to check. (`tabel=[]` is given:
    # pydantic reads `default_factory=list`'s signature by tokenizing its text, costlier still.)
    content = RenstraContent(
        folder=folder,
        settings=parts["document"],
        agency=parts["agency"],
        rencana=parts["rencana"],
        program=parts.get("program"),
        evaluasi=parts.get("evaluasi") or Evaluasi.model_construct(),
        sumber_daya=parts.get("sumber_daya") or SumberDayaRenstra.model_construct(),
        analisis=parts.get("analisis") or Analisis.model_construct(),
        narasi=narasi,
        sources=sources,
        tabel=parts.get("tabel") or DeclaredTables.model_construct(tabel=[]),
        spm=parts.get("spm"),
    )
    problems = check_renstra_references(content)
    problems += predikat_problems(_loaded(parts, sources), content.settings.predikat)
    if problems:
        raise LaporgenError(problems)
    return content


def load_lkjip(folder: Path) -> LkjipContent:
    """Load and validate an LKjIP document folder (`content/<agency>/<document>/`)."""
    parts, sources, narasi = load_parts(folder, DocumentSettings, LKJIP_FILES, LKJIP_OPTIONAL)
    content = LkjipContent(  # a file left out: its model's defaults, as in load_renstra
        folder=folder,
        settings=parts["document"],
        agency=parts["agency"],
        rencana=parts["rencana"],
        program=parts["program"],
        kinerja=parts["kinerja"],
        sumber_daya=parts["sumber_daya"],
        narasi=narasi,
        sources=sources,
        tabel=parts.get("tabel") or DeclaredTables.model_construct(tabel=[]),
        spm=parts.get("spm"),
    )
    problems = check_references(content)
    problems += predikat_problems(_loaded(parts, sources), content.settings.predikat)
    if problems:
        raise LaporgenError(problems)
    return content


def _loaded(
    parts: dict[str, Any], sources: dict[str, Source]
) -> dict[str, tuple[BaseModel | None, Source]]:
    """Each loaded file's model with its source, for rules that walk every file."""
    return {
        name: (model if isinstance(model, BaseModel) else None, sources[name])
        for name, model in parts.items()
        if name in sources
    }


def load_parts(
    folder: Path,
    settings: type[BaseModel],
    files: dict[str, type[BaseModel]],
    optional: Collection[str] = frozenset(),
) -> tuple[dict[str, Any], dict[str, Source], dict[str, Narasi]]:
    """Every file of a document folder validated, with all problems reported at once. An LKjIP
    whose document.toml names a `renstra` folder takes the plan (`rencana`) from there: one
    plan per agency, shared by the Renstra and every year's LKjIP."""
    _require_folder(folder)
    problems: list[Problem] = []
    parts: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    wanted: dict[str, tuple[Path, type[BaseModel]]] = {
        "document": (folder, settings),
        "agency": (folder.parent, Agency),
    }
    for stem, (where, model) in wanted.items():
        _load_one(stem, where, model, parts, sources, problems)
    if "document" in parts and "agency" in parts:
        parts["document"] = _with_agency_predikat(parts["document"], parts["agency"])
    shared = _shared_plan(folder, parts.get("document"), sources.get("document"), problems)
    for stem, model in files.items():
        where = shared if stem == "rencana" and shared is not None else folder
        # with no valid document.toml the plan's folder is unknown: don't report it missing as well
        unknown_plan = stem == "rencana" and "document" not in parts
        _load_one(
            stem, where, model, parts, sources, problems, optional=stem in optional or unknown_plan
        )
    for stem, model in COMMON_FILES.items():
        _load_one(stem, folder, model, parts, sources, problems, optional=True)
    if "tabel" in parts:
        problems += tabel_problems(parts["tabel"], sources["tabel"])
    if "spm" in parts:
        problems += spm_problems(parts["spm"], sources["spm"])
    narasi = _load_narasi(folder / "narasi", problems)
    if problems:
        raise LaporgenError(problems)
    return parts, sources, narasi


def _with_agency_predikat(settings: BaseModel, agency: Agency) -> BaseModel:
    """The document's settings with the agency's predikat scales (agency.yaml) where its
    document.toml declares none: an agency with several documents declares its scales once,
    and a document that declares its own keeps them."""
    if (
        agency.predikat is None
        or "predikat" not in type(settings).model_fields
        or "predikat" in settings.model_fields_set
    ):
        return settings
    return settings.model_copy(update={"predikat": agency.predikat})


def _shared_plan(
    folder: Path, settings: Any, source: Source | None, problems: list[Problem]
) -> Path | None:
    """The Renstra folder an LKjIP names in `renstra = "../renstra-2024-2026"`, checked."""
    name = getattr(settings, "renstra", None)
    if name is None or source is None:
        return None
    shared = (folder / name).resolve()
    if find_data_file(shared, "rencana") is None:
        problems.append(
            source.problem(
                ("renstra",),
                _("{shared} has no rencana.yaml").format(shared=display_path(shared)),
                _("name the folder of the agency's Renstra, relative to this document"),
                "ref.renstra",
            )
        )
        return None
    own = find_data_file(folder, "rencana")
    if own is not None:
        problems.append(
            Problem(
                display_path(own),
                _("this document takes its plan from the Renstra named in document.toml"),
                hint=_("delete this file, or remove `renstra` from document.toml"),
                code="ref.renstra",
            )
        )
    return shared


def _load_one(
    stem: str,
    where: Path,
    model: type[BaseModel],
    parts: dict,
    sources: dict,
    problems: list[Problem],
    optional: bool = False,
) -> None:
    try:
        path = find_data_file(where, stem)
        if path is None:
            if not optional:
                problems.append(
                    Problem(
                        display_path(where / f"{stem}.yaml"),
                        _("file is missing"),
                        hint=_("create {stem}.yaml (or .toml) in {where}").format(
                            stem=stem, where=display_path(where)
                        ),
                        code="input.file",
                    )
                )
            return
        parts[stem], sources[stem] = load(model, path, _Names(list(parts.values())))
    except LaporgenError as exc:
        problems.extend(exc.problems)


class _Names(Mapping[str, str]):
    """`names_in(parts)`, worked out when a message first asks (a file with a mistake): walking
    every file loaded before, for each file read, was a hundredth of a `laporgen check`."""

    def __init__(self, parts: list[object]):
        self._parts = parts
        self._found: dict[str, str] | None = None

    def _names(self) -> dict[str, str]:
        if self._found is None:
            self._found = names_in(self._parts)
        return self._found

    def __getitem__(self, name: str) -> str:
        return self._names()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


def names_in(parts: Iterable[object]) -> dict[str, str]:
    """The names (`nama`, `uraian`) of everything with an id in loaded content parts, with the
    id: what a later file's id field may have been given instead of the id."""
    out: dict[str, str] = {}
    pending = [p for p in parts if isinstance(p, BaseModel)]
    while pending:
        node = pending.pop()
        id_ = getattr(node, "id", None)
        name = getattr(node, "nama", None) or getattr(node, "uraian", None)
        if isinstance(id_, str) and isinstance(name, str):
            out.setdefault(name, id_)
        for field in type(node).model_fields:
            value = getattr(node, field)
            items = value.values() if isinstance(value, dict) else value
            if isinstance(items, list | tuple) or isinstance(value, dict):
                pending += [v for v in items if isinstance(v, BaseModel)]
            elif isinstance(value, BaseModel):
                pending.append(value)
    return out


def _load_narasi(folder: Path, problems: list[Problem]) -> dict[str, Narasi]:
    narasi: dict[str, Narasi] = {}
    for path in _narasi_files(folder, problems):
        key = path.relative_to(folder).with_suffix("").as_posix()
        try:
            narasi[key] = Narasi(key, read_text(path), path)
        except LaporgenError as exc:
            problems.extend(exc.problems)
    return narasi


MAX_NARASI_FILES = 500
"""Narrative files of one document: a document has a few dozen sections. Bounds the walk of a
folder that is not what it should be (a link to a large tree)."""


def _narasi_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The `.md` files under `narasi/`, sorted. A link (the folder itself, a subfolder or a
    file) that leads outside the document folder, or in a loop, is a problem, never followed:
    `narasi` linked to `/` would otherwise walk the whole disk."""
    if not folder.is_dir() and not folder.is_symlink():
        return []
    inside = folder.parent.resolve()
    found: list[Path] = []
    visited: set[Path] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            target = current.resolve(strict=True)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (up to Python 3.12)
            loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
            problems.append(
                _link_problem(
                    current,
                    _("is a link that leads back to itself")
                    if loop
                    else _("is a link to a file that does not exist"),
                    _("replace the link with the file"),
                )
            )
            continue
        if current.is_symlink() and not target.is_relative_to(inside):
            problems.append(
                _link_problem(
                    current,
                    _("is a link to {target}, outside the document folder").format(target=target),
                    _("copy the file into the document folder instead of linking to it"),
                )
            )
            continue
        if not target.is_dir() or current.suffix == ".md":  # a folder named x.md: read_text says so
            if current.suffix == ".md":
                found.append(current)
            continue
        if target in visited or any(
            v.is_relative_to(target) for v in visited if current.is_symlink()
        ):
            problems.append(
                _link_problem(
                    current,
                    _("is a link to a folder that contains it"),
                    _("replace the link with the files"),
                )
            )
            continue
        visited.add(target)
        try:
            children = sorted(current.iterdir(), reverse=True)
        except OSError as exc:
            problems.append(
                Problem(
                    display_path(current),
                    _("cannot read the folder ({strerror})").format(strerror=exc.strerror),
                    hint=_("check that you may read it"),
                    code="input.file",
                )
            )
            continue
        pending.extend(children)
        if len(found) + len(pending) > MAX_NARASI_FILES:
            problems.append(
                Problem(
                    display_path(folder),
                    _("holds more than {count} files").format(count=MAX_NARASI_FILES),
                    hint=_("keep one .md file per section in narasi/"),
                    code="input.limit",
                )
            )
            return []
    return sorted(found)


def _link_problem(path: Path, what: str, hint: str) -> Problem:
    shown = f"{display_path(path.parent)}/{path.name}"  # the link itself, not where it leads
    return Problem(
        shown, _("the narrative path {what}").format(what=what), hint=hint, code="input.link"
    )
