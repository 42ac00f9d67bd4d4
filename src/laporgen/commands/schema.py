"""JSON Schema for every kind of content file, from the pydantic models, so an editor (VS Code
with the YAML extension) validates and completes as the user types."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..i18n import _
from ..jenis import JENIS
from ..model.organisasi import Agency


def _schema_name(jenis: str, stem: str) -> str:
    """ "lkjip-kinerja", "renstra-sumber-daya"; the plan, the declared tables and the SPM are one
    schema for every type."""
    return stem if stem in ("rencana", "tabel", "spm") else f"{jenis}-{stem.replace('_', '-')}"


def schemas() -> dict[str, tuple[type[BaseModel], str]]:
    """Schema name → (model, what file it describes), for agency.yaml and every file of every
    registered document type."""
    out: dict[str, tuple[type[BaseModel], str]] = {
        "agency": (Agency, "agency.yaml: the agency shared by its documents")
    }
    for entry in JENIS.values():
        for b in entry.berkas:
            out.setdefault(_schema_name(entry.nama, b.stem), (entry.model(b.stem), b.uraian))
    return out


def file_schema(jenis: str, stem: str) -> str | None:
    """The schema that validates file `stem` of a `jenis` document, if it has one."""
    entry = JENIS.get(jenis)
    if entry is None or not any(b.stem == stem for b in entry.berkas):
        return None
    return _schema_name(jenis, stem)


YEAR_KEY = r"^(19\d\d|2[01]\d\d|2200)$"
"""A year as a mapping key (`Tahun`: 1900-2200), as JSON sees it: text."""
DATE = r"^\d{4}-\d{2}-\d{2}$"
"""A date as the loader reads it: year-month-day (editors do not check `format: date`)."""


class _Generator(GenerateJsonSchema):
    """Pydantic's schema, stating in JSON Schema's own words what the loader checks on keys and
    dates: an id key's pattern and a year key's range as `propertyNames` (pydantic states the
    one as `patternProperties`, which lets any other key through, and the other not at all),
    and a date's form as a pattern."""

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        out = super().dict_schema(schema)
        keys = schema.get("keys_schema", {})
        if keys.get("type") == "int" and keys.get("ge") == 1900:
            out["propertyNames"] = {"pattern": YEAR_KEY}
        patterns = out.pop("patternProperties", None)
        if patterns:
            ((pattern, values),) = patterns.items()
            out["propertyNames"] = {**out.get("propertyNames", {}), "pattern": pattern}
            out["additionalProperties"] = values
        return out

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {**super().date_schema(schema), "pattern": DATE}

    def encode_default(self, dft: Any) -> Any:
        """A default made of models (the kategori scale, made without validating at import:
        `model/settings.py`) is written by their serializers, built first."""
        for item in dft if isinstance(dft, tuple | list) else (dft,):
            if isinstance(item, BaseModel) and not type(item).__pydantic_complete__:
                type(item).model_rebuild()
        return super().encode_default(dft)


def json_schema(name: str, translate: bool = True) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one content file kind, its descriptions and title in
    the chosen language (`translate=False`: as the models write them, in English: what the
    catalogue takes its messages from, `scripts/catalogue.py`)."""
    model, title = schemas()[name]
    schema = model.model_json_schema(mode="validation", schema_generator=_Generator)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if not translate:
        return {**schema, "title": title}
    return {**_translated(schema), "title": _(title)}


def _translated(node: Any) -> Any:
    """The schema with every description (a field's `description`, a model's docstring) in
    the chosen language: an editor shows them as the user types. Titles are the content's own
    words (a field's name, a model's), except the file's, translated by the caller."""
    if isinstance(node, dict):
        return {
            k: _(v) if k == "description" and isinstance(v, str) else _translated(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_translated(v) for v in node]
    return node


def messages() -> dict[str, list[str]]:
    """Every description and title of every schema as written (English), with the schemas it
    is in: the catalogue's messages for `laporgen schema`."""
    out: dict[str, list[str]] = {}

    def walk(node: Any, name: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "description" and isinstance(v, str):
                    out.setdefault(v, []).append(name)
                else:
                    walk(v, name)
        elif isinstance(node, list):
            for v in node:
                walk(v, name)

    for name, (_model, title) in schemas().items():
        out.setdefault(title, []).append(name)
        walk(json_schema(name, translate=False), name)
    return out


def schema_files() -> dict[str, bytes]:
    """Every schema as `<name>.schema.json` bytes, stable (sorted keys)."""
    return {
        f"{name}.schema.json": (
            json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode()
        for name in schemas()
    }
