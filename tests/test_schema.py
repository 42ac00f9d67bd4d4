"""Every example file validates against the JSON Schema generated for its kind, as an editor
would check it (YAML read with dates as text, mapping keys as text)."""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from laporgen.commands.schema import file_schema, json_schema, schema_files

CONTENT = Path(__file__).resolve().parents[1] / "content"


class EditorLoader(yaml.SafeLoader):
    """YAML as a language server sees it: timestamps stay text."""


EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_json(data):
    """Data as JSON sees it: mapping keys and dates as text (TOML dates are typed)."""
    if isinstance(data, (datetime.date, datetime.datetime)):
        return data.isoformat()
    if isinstance(data, dict):
        return {str(k): as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    return data


def example_files():
    for document in sorted(p.parent for p in CONTENT.rglob("document.toml")):
        jenis = tomllib.loads((document / "document.toml").read_text(encoding="utf-8"))["jenis"]
        for path in sorted(document.glob("*.*")):
            name = file_schema(jenis, path.stem)
            if name is not None:
                yield pytest.param(path, name, id=str(path.relative_to(CONTENT)))
    for agency in sorted(CONTENT.glob("*/agency.yaml")):
        yield pytest.param(agency, "agency", id=str(agency.relative_to(CONTENT)))


@pytest.mark.parametrize("path, name", list(example_files()))
def test_example_file_validates_against_its_schema(path, name):
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text) if path.suffix == ".toml" else yaml.load(text, Loader=EditorLoader)
    jsonschema.validate(as_json(data), json_schema(name))


def test_a_typo_fails_the_schema():
    schema = json_schema("lkjip-kinerja")
    bad = {
        "realisasi": {"IS1.1": {"nilai": 1, "realiasi": 2}},
        "perjanjian_kinerja": [{"versi": "murni", "tanggal": "2024-01-02"}],
        "dukungan": {},
    }
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert len(errors) == 1 and "'realiasi' was unexpected" in errors[0].message


def test_schema_files_are_stable_json():
    files = schema_files()
    assert set(files) == {
        f"{n}.schema.json"
        for n in (
            "agency",
            "lkjip-document",
            "renstra-document",
            "rencana",
            "lkjip-program",
            "lkjip-kinerja",
            "lkjip-sumber-daya",
            "renstra-program",
            "renstra-evaluasi",
            "renstra-sumber-daya",
            "renstra-analisis",
            "pk-document",
            "pk-anggaran",
            "pk-perjanjian",
            "tabel",
            "spm",
        )
    }
    # stable: each file is exactly its JSON with sorted keys and 2-space indent, so two runs (or
    # two machines) write the same bytes and a diff shows only real schema changes
    for name, data in files.items():
        assert (
            data
            == (
                json.dumps(json.loads(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            ).encode()
        ), name
    assert json.loads(files["rencana.schema.json"])["title"].startswith("rencana.yaml")
    assert json.loads(files["lkjip-kinerja.schema.json"])["title"].startswith(
        "kinerja.yaml of an LKjIP"
    )


def test_every_registered_file_has_a_schema():
    """A content file of a registered type that no schema validates would get no editor help."""
    from laporgen.jenis import JENIS

    for entry in JENIS.values():
        for b in entry.berkas:
            assert file_schema(entry.nama, b.stem) in {
                n.removesuffix(".schema.json") for n in schema_files()
            }
    assert file_schema("lkjip", "analisis") is None and file_schema("nope", "rencana") is None


def test_the_cover_and_front_matter_fields_are_in_the_schemas():
    """Issue 13: the agency's contact lines and logo, the cover layout and what becomes of a
    section without text, offered to the editor with their descriptions."""
    agency = json_schema("agency")["properties"]
    assert {"alamat", "telepon", "email", "website", "logo"} <= set(agency)
    assert "agency folder" in agency["logo"]["description"]
    for name in ("lkjip-document", "renstra-document"):
        settings = json_schema(name)["properties"]
        assert (
            settings["sampul"]["enum"] == ["standar", "kop"]
            and settings["sampul"]["default"] == "standar"
        )
        assert (
            settings["bagian_kosong"]["enum"] == ["draf", "hilangkan"]
            and settings["bagian_kosong"]["default"] == "draf"
        )
    penetapan = json_schema("renstra-document")["$defs"]["Penetapan"]["properties"]
    assert set(penetapan) == {"judul", "nomor", "tanggal", "tentang"}


def _in(language: str, make):
    from laporgen import i18n

    i18n.use(language)
    try:
        return make()
    finally:
        i18n.use("en")  # the suite's language (tests/conftest.py)


def test_descriptions_follow_the_language_indonesian_by_default():
    """`laporgen schema` speaks as the rest of laporgen: the editor shows a field's description
    in Indonesian, in English with --lang en; the catalogue holds the Indonesian."""
    english = json_schema("pk-document")
    indonesian = _in("id", lambda: json_schema("pk-document"))
    assert english["properties"]["tahun"]["description"] == "The year the agreement is for"
    assert indonesian["properties"]["tahun"]["description"] == "Tahun berlakunya perjanjian"
    assert indonesian["title"] == "document.toml sebuah Perjanjian Kinerja"
    assert indonesian["$defs"]["PihakKedua"]["description"] == (
        "Atasan yang menandatangani bersama kepala perangkat daerah: Bupati atau Wali Kota."
    )
    # the field names and titles are the content's words: the same in both
    assert indonesian["properties"].keys() == english["properties"].keys()
    assert indonesian["properties"]["tahun"]["title"] == english["properties"]["tahun"]["title"]

    def descriptions(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "description":
                    yield v
                else:
                    yield from descriptions(v)
        elif isinstance(node, list):
            for v in node:
                yield from descriptions(v)

    for name in schema_files():
        stem = name.removesuffix(".schema.json")
        en = list(descriptions(json_schema(stem)))
        id_ = list(descriptions(_in("id", lambda stem=stem: json_schema(stem))))
        # every description is translated (a few are formulas or quotes alike in both)
        same = [d for d, e in zip(id_, en, strict=True) if d == e]
        assert len(same) <= 3, (name, same)


def test_the_committed_schemas_are_what_laporgen_schema_writes():
    """schemas/ in the repository is `laporgen schema --out schemas/` in the default language:
    regenerate it (`laporgen schema --out schemas`) when a model or its catalogue entry changes."""
    files = _in("id", schema_files)
    committed = CONTENT.parent / "schemas"
    assert sorted(p.name for p in committed.glob("*.json")) == sorted(files)
    for name, data in files.items():
        assert (committed / name).read_bytes() == data, f"regenerate schemas/{name}"
