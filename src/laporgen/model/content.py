"""A document folder's content, loaded whole: settings, the agency, the plan, the program tree,
the year's facts and the narrative files (loaded by `folder.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .anggaran import ProgramTree
from .lkjip import Kinerja
from .organisasi import Agency
from .read import Source
from .renstra import Rencana
from .settings import DocumentSettings, RenstraSettings
from .sumber_daya import SumberDaya, SumberDayaRenstra

if TYPE_CHECKING:
    from .analisis import Analisis
    from .evaluasi import Evaluasi
    from .rencana_program import RencanaProgram


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
    program: RencanaProgram | None
    evaluasi: Evaluasi
    sumber_daya: SumberDayaRenstra
    analisis: Analisis
    narasi: dict[str, Narasi]
    sources: dict[str, Source]


Content = LkjipContent | RenstraContent


