"""The JSON Schema (`laporgen schema`, what an editor checks) and the loader judge the same
files the same way (issue 14): every file of every example and of every bad-input case is read
by both, and where one accepts what the other refuses, the case is named here.

`LOOSER` lists the cases where the schema still accepts what the loader refuses, each a rule
JSON Schema cannot state in a way an editor checks:
- a kategori scale listed from the highest `min` down (an order between items of an array);
- a NaN (`.nan`): the bounds every number carries are written as "fail when ≥ max", which a NaN
  never is, and JSON itself has no NaN to refuse;
- at most 6 decimals, and Rupiah at most 2: `multipleOf: 0.000001` or `0.01` fails on exact
  values in binary floating point (0.07 / 0.01 = 7.000000000000001), as editors compute it.
What JSON Schema can state is stated (`commands/schema.py`, the models' `json_schema_extra`): id
and year keys as `propertyNames`, counts' minimum, a date's form, the either/or rules of the
models (`not` both / `anyOf` / `oneOf`), a formula's tokens, and the value cells (a number, a
predikat, n.a, `{teks: …}`) from the same patterns the loader uses. The test fails on any
disagreement not listed, and on a listed one that is gone, so the list only shrinks. The loader never refuses
less than the schema: the editor saying no where the build says yes fails outright."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import jsonschema
import yaml
from test_bad_inputs import case_folders, make_input, read_case
from test_schema import CONTENT, EditorLoader, as_json

from laporgen.commands.schema import file_schema, json_schema, schemas
from laporgen.errors import LaporgenError
from laporgen.model.read import read_data
from laporgen.model.validate import validate

LOOSER = {
    ("type-kategori-scale-unordered", "lkjip-2024/document.toml"),
    ("type-number-nan", "lkjip-2024/kinerja.yaml"),
    ("type-number-too-many-decimals", "lkjip-2024/kinerja.yaml"),
    ("type-rupiah-thousands-dot-reads-as-decimal", "lkjip-2024/program.yaml"),
}


def files_of(agency: Path):
    for doc in sorted(p.parent for p in agency.rglob("document.toml")):
        try:
            jenis = tomllib.loads((doc / "document.toml").read_text(encoding="utf-8")).get("jenis")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
            continue
        for path in sorted(doc.glob("*.*")):
            name = file_schema(jenis, path.stem) if isinstance(jenis, str) else None
            if name:
                yield path, name
    if (agency / "agency.yaml").is_file():
        yield agency / "agency.yaml", "agency"


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(name))


@functools.cache
def _model(name: str):
    return schemas()[name][0]


def verdicts(path: Path, name: str) -> tuple[bool, bool] | None:
    """(loader accepts, schema accepts); None when the file is no readable YAML/TOML at all
    (a syntax or encoding error: the editor reports those itself)."""
    try:
        data, source = read_data(path)
        text = path.read_text(encoding="utf-8-sig")
        edited = (
            tomllib.loads(text) if path.suffix == ".toml" else yaml.load(text, Loader=EditorLoader)
        )
    except (
        LaporgenError,
        UnicodeDecodeError,
        yaml.YAMLError,
        tomllib.TOMLDecodeError,
        ValueError,
        RecursionError,
    ):
        return None
    try:
        validate(_model(name), data, source)
        loader = True
    except LaporgenError:
        loader = False
    schema = _validator(name).is_valid(as_json(edited))
    return loader, schema


def disagreements(agency: Path, changed_only: bool = False) -> list[tuple[str, bool, bool]]:
    """The files of `agency` the two judge differently; with `changed_only`, of the files that
    differ from the bundled example's (the unchanged ones are judged by the first test)."""
    out = []
    for path, name in files_of(agency):
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 1_000_000:
            continue  # the limit cases (a link to /dev/zero, a huge file): the loader refuses them unread
        original = CONTENT / agency.name / path.relative_to(agency)
        if changed_only and original.is_file() and original.read_bytes() == path.read_bytes():
            continue
        v = verdicts(path, name)
        if v is not None and v[0] != v[1]:
            out.append((path.relative_to(agency).as_posix(), *v))
    return out


def test_every_example_file_both_accept():
    for agency in sorted(p for p in CONTENT.iterdir() if p.is_dir()):
        assert disagreements(agency) == [], agency.name


def test_the_bad_input_corpus_is_judged_alike(tmp_path):
    looser, stricter = set(), []
    for folder in case_folders():
        root = tmp_path / folder.name
        root.mkdir()
        try:
            make_input(read_case(folder), folder, root)
        except (OSError, LookupError):
            continue  # a case that removes the folder or writes bytes no reader takes
        for rel, _loader, schema in disagreements(root / "magetan-dinsos", changed_only=True):
            (looser.add((folder.name, rel)) if schema else stricter.append((folder.name, rel)))
    assert stricter == []  # the editor must never refuse what the build accepts
    assert looser == LOOSER
