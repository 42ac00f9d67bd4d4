"""JSON Schema for every kind of content file, from the pydantic models, so an editor (VS Code
with the YAML extension) validates and completes as the user types."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..model.analisis import Analisis
from ..model.anggaran import ProgramTree
from ..model.evaluasi import Evaluasi
from ..model.lkjip import Kinerja
from ..model.organisasi import Agency
from ..model.rencana_program import RencanaProgram
from ..model.renstra import Rencana
from ..model.settings import DocumentSettings, RenstraSettings
from ..model.sumber_daya import SumberDaya, SumberDayaRenstra

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "agency": (Agency, "agency.yaml: the agency shared by its documents"),
    "lkjip-document": (DocumentSettings, "document.toml of an LKjIP"),
    "renstra-document": (RenstraSettings, "document.toml of a Renstra"),
    "rencana": (Rencana, "rencana.yaml: the plan (tujuan, sasaran, indikator, targets)"),
    "lkjip-program": (ProgramTree, "program.yaml of an LKjIP: the year's programs, pagu and realisasi"),
    "lkjip-kinerja": (Kinerja, "kinerja.yaml of an LKjIP: realisasi, PK, analysis, next year's plan"),
    "lkjip-sumber-daya": (SumberDaya, "sumber_daya.yaml of an LKjIP: pegawai and aset"),
    "renstra-program": (RencanaProgram, "program.yaml of a Renstra: T-C.27 program tree with yearly targets and pagu"),
    "renstra-evaluasi": (Evaluasi, "evaluasi.yaml of a Renstra: T-C.23 and T-C.24"),
    "renstra-sumber-daya": (SumberDayaRenstra, "sumber_daya.yaml of a Renstra"),
    "renstra-analisis": (Analisis, "analisis.yaml of a Renstra: SWOT, isu, telaah, T-C.28"),
}
"""Schema name → (model, what file it describes)."""

FILE_SCHEMA: dict[tuple[str, str], str] = {
    ("lkjip", "document"): "lkjip-document", ("lkjip", "rencana"): "rencana", ("lkjip", "program"): "lkjip-program",
    ("lkjip", "kinerja"): "lkjip-kinerja", ("lkjip", "sumber_daya"): "lkjip-sumber-daya",
    ("renstra", "document"): "renstra-document", ("renstra", "rencana"): "rencana", ("renstra", "program"): "renstra-program",
    ("renstra", "evaluasi"): "renstra-evaluasi", ("renstra", "sumber_daya"): "renstra-sumber-daya",
    ("renstra", "analisis"): "renstra-analisis",
}
"""(document type, file stem) → the schema that validates it."""


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one content file kind."""
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def schema_files() -> dict[str, bytes]:
    """Every schema as `<name>.schema.json` bytes, stable (sorted keys)."""
    return {f"{name}.schema.json": (json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
            for name in SCHEMAS}
