"""The content editor (commands/content_edit.py) and the commands that write through it
(`init --from`, `import`): for every example and for random valid content, the result parses,
validates, and differs from the input exactly in the intended values; comments stay."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import tomlkit
from conftest import EXAMPLE_AGENCY, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laporgen.build import check
from laporgen.commands.content_edit import Append, Delete, Set, edited_text
from laporgen.commands.realisasi_import import import_realisasi
from laporgen.commands.realisasi_template import realisasi_workbook
from laporgen.commands.scaffold import new_document, next_lkjip, rolled
from laporgen.model.folder import load_lkjip
from laporgen.model.read import read_data
from laporgen.model.validate import load

EXAMPLES = sorted(p for p in (ROOT / "content").rglob("*") if p.suffix in (".yaml", ".toml"))


# ------------------------------------------------------------------------------------ helpers
def applied(data, edits):
    """What the plain data of a file must become: `data` with `edits` applied."""
    out = copy.deepcopy(data)
    for edit in edits:
        parent = out
        for part in edit.path[:-1]:
            parent = parent.setdefault(part, {}) if isinstance(parent, dict) else parent[part]
        key = edit.path[-1]
        if isinstance(edit, Delete):
            del parent[key]
        elif isinstance(edit, Append):
            parent[key].append(edit.value)
        else:
            parent[key] = edit.value
    return out


def plain(value):
    """Tuples as lists, as a file reads back."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def as_toml(value):
    """Plain data as tomlkit takes it: no null (TOML has none: the key is left out), keys as
    text, decimals as floats (tomlkit writes their shortest form: 0.259)."""
    if isinstance(value, dict):
        return {str(k): as_toml(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [as_toml(v) for v in value]
    return float(value) if isinstance(value, Decimal) else value


def written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip().startswith("#")]


def scalar_paths(data, path=()):
    """Paths of every number in `data`."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from scalar_paths(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from scalar_paths(v, (*path, i))
    elif isinstance(data, int | Decimal) and not isinstance(data, bool):
        yield path


def model_for(path: Path):
    if path.stem == "document":
        return None
    if path.stem == "agency":
        from laporgen.model.organisasi import Agency

        return Agency
    from laporgen.jenis import jenis_of

    return jenis_of(path.parent).model(
        path.stem
    )  # the model the document's type reads the file with


# ------------------------------------------------------------------------------ the editor
numbers = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=lambda p: p.relative_to(ROOT / "content").as_posix()
)
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_changing_numbers_of_an_example_changes_only_them(example, tmp_path, data):
    """Numbers replaced anywhere in an example: the file reads back as the example with those
    numbers changed, every other line byte for byte (so every comment), and still validates."""
    before, _ = read_data(example)
    paths = sorted(set(scalar_paths(before)), key=str)
    if not paths:
        return
    chosen = data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=5, unique=True))
    edits = [Set(p, new_number(data, value_at(before, p), p)) for p in chosen]
    text = example.read_text(encoding="utf-8")
    out = edited_text(example, text, edits)
    copy_ = written(tmp_path / example.name, out)
    after, _ = read_data(copy_)
    assert after == applied(before, edits)
    changed = [
        n for n, (a, b) in enumerate(zip(text.split("\n"), out.split("\n"), strict=True)) if a != b
    ]
    assert len(changed) <= len(edits)
    model = model_for(example)
    if model is not None:
        load(model, copy_)


def value_at(data, path):
    for part in path:
        data = data[part]
    return data


def new_number(data, old, path):
    """A number valid where `old` was: any decimal for a decimal; an amount (Rupiah) grows; a
    small whole number stays (a year, a setting such as `desimal`: ranges of their own)."""
    if isinstance(old, Decimal):
        if path[-1] == "lebar":  # a column's width: more than 0
            return data.draw(numbers.filter(lambda d: d > 0))
        return data.draw(numbers)
    if old < 10_000 or any("tahun" in str(p) or "periode" in str(p) for p in path):
        return old
    return old + data.draw(st.integers(0, 1000))


def test_a_marker_goes_after_a_flow_mapping_never_inside_it(tmp_path):
    text = "realisasi:\n  IS1.1: {nilai: 5, sumber_data: Dinas}   # note\n  IS1.2: {nilai: 1,\n          sumber_data: x}\n"
    out = edited_text(
        Path("k.yaml"),
        text,
        [
            Set(("realisasi", "IS1.1", "nilai"), None, mark="realisasi 2025"),
            Set(("realisasi", "IS1.2", "nilai"), None, mark="realisasi 2025"),
        ],
    )
    assert out.split("\n")[1:4] == [
        "  IS1.1: {nilai: null, sumber_data: Dinas}   # note ([ISI] realisasi 2025)",
        "  IS1.2: {nilai: null,",
        "          sumber_data: x}  # [ISI] realisasi 2025",
    ]
    data, _ = read_data(written(tmp_path / "k.yaml", out))
    assert data == {
        "realisasi": {
            "IS1.1": {"nilai": None, "sumber_data": "Dinas"},
            "IS1.2": {"nilai": None, "sumber_data": "x"},
        }
    }


def test_filling_a_value_removes_the_marker_of_its_line_only():
    text = (
        'a: 1   # [ISI] isi a\nb: {x: 1, y: "[ISI] teks"}   # [ISI] isi b\nc: 2   # [ISI] isi c\n'
    )
    out = edited_text(
        Path("k.yaml"), text, [Set(("a",), 5, fill=True), Set(("b", "x"), 7, fill=True)]
    )
    assert out == 'a: 5\nb: {x: 7, y: "[ISI] teks"}\nc: 2   # [ISI] isi c\n'


def test_an_entry_added_or_removed_after_the_last_leaves_its_own_comment_in_place():
    """ruamel.yaml holds the last entry's end-of-line comment and the comment lines after it as
    one token: the lines move after a new last entry, the entry's own comment stays with it."""
    text = (
        "l:\n  - {a: 1}   # [ISI] one row per item\n# b:\n#   - {c: 1}\n"
        "m:\n  x: 1\n  y: 2   # eol y\n  # after m\nn: 1\n"
    )
    out = edited_text(Path("k.yaml"), text, [Append(("l",), {"a": 2}), Delete(("m", "y"))])
    assert out == (
        "l:\n  - {a: 1}   # [ISI] one row per item\n  - {a: 2}\n# b:\n#   - {c: 1}\n"
        "m:\n  x: 1\n  # after m\nn: 1\n"
    )


@st.composite
def contents(draw):
    """Random content-shaped YAML: mappings of rows, each written block or flow, with comments."""
    rows = draw(
        st.dictionaries(
            st.from_regex(r"[A-Z]{1,2}[0-9]\.[0-9]", fullmatch=True),
            st.fixed_dictionaries({"target": numbers, "realisasi": st.one_of(st.none(), numbers)}),
            min_size=1,
            max_size=6,
        )
    )
    lines = ["# random content", "realisasi:"]
    for key, row in rows.items():
        values = {k: ("null" if v is None else format(v, "f")) for k, v in row.items()}
        comment = draw(st.sampled_from(["", "   # a comment", "  # [ISI] isi"]))
        if draw(st.booleans()):
            lines.append(
                f"  {key}: {{target: {values['target']}, realisasi: {values['realisasi']}}}{comment}"
            )
        else:
            lines += [
                f"  {key}:{comment}",
                f"    target: {values['target']}",
                f"    realisasi: {values['realisasi']}",
            ]
    lines.append("# the end")
    return rows, "\n".join(lines) + "\n"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=contents(), data=st.data())
def test_random_content_changes_exactly_in_the_edited_values(tmp_path, content, data):
    rows, text = content
    before, _ = read_data(written(tmp_path / "before.yaml", text))
    keys = sorted(rows)
    edits = []
    for key in data.draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys))):
        edits.append(
            data.draw(
                st.sampled_from(
                    [
                        Set(("realisasi", key, "realisasi"), data.draw(numbers), fill=True),
                        Set(("realisasi", key, "realisasi"), None, mark="realisasi 2025"),
                        Delete(("realisasi", key))
                        if len(keys) > 1
                        else Set(("realisasi", key, "target"), Decimal(1)),
                        Set(
                            ("realisasi", key, "baru"),
                            {"target": Decimal("1.5"), "realisasi": None},
                        ),
                    ]
                )
            )
        )
    deleted = [e for e in edits if isinstance(e, Delete)][: len(keys) - 1]
    edits = [e for e in edits if not isinstance(e, Delete)] + deleted
    out = edited_text(Path("x.yaml"), text, edits)
    after, _ = read_data(written(tmp_path / "after.yaml", out))
    assert after == plain(applied(before, edits))
    assert {"# random content", "# the end"} <= set(comments(out))


def test_toml_edit_keeps_comments_and_leaves_null_out(tmp_path):
    text = (
        '# dokumen\njenis = "lkjip"\ntahun = 2024   # the report year\n\n[realisasi.IS1]\nnilai = 99.88   # [ISI] x\n'
        'sumber_data = "Dinas"\n'
    )
    edits = [Set(("tahun",), 2025), Set(("realisasi", "IS1", "nilai"), None, mark="realisasi 2025")]
    out = edited_text(Path("k.toml"), text, edits)
    assert out.startswith('# dokumen\njenis = "lkjip"\ntahun = 2025   # the report year\n')
    data, _ = read_data(written(tmp_path / "k.toml", out))
    assert data == {"jenis": "lkjip", "tahun": 2025, "realisasi": {"IS1": {"sumber_data": "Dinas"}}}


# ------------------------------------------------------------------------------ init --from
def lkjip_examples() -> list[Path]:
    return sorted(
        p.parent
        for p in (ROOT / "content").rglob("document.toml")
        if 'jenis = "lkjip"' in p.read_text(encoding="utf-8")
    )


def copied(tmp_path: Path, folder: Path) -> Path:
    agency = tmp_path / folder.parent.name
    shutil.copytree(folder.parent, agency)
    return agency / folder.name


@pytest.mark.parametrize("example", lkjip_examples(), ids=lambda p: p.name)
def test_init_from_changes_exactly_the_realisasi_and_keeps_every_earlier_value(tmp_path, example):
    previous = copied(tmp_path, example)
    new = previous.parent / "lkjip-next"
    files = next_lkjip(previous, new)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(
            text if isinstance(text, bytes) else text.encode("utf-8")
        )  # pictures are bytes
    old = load_lkjip(previous)
    content = load_lkjip(new)  # parses and validates
    for source in previous.iterdir():
        if source.suffix in (".yaml", ".toml"):
            data, _ = read_data(source)
            expected = plain(applied(data, rolled(source.stem, data, old, old.settings.tahun + 1)))
            assert read_data(new / source.name)[0] == expected, source.name
            kept = set(comments(source.read_text(encoding="utf-8")))
            lost = kept - set(comments((new / source.name).read_text(encoding="utf-8")))
            assert len(lost) <= 2, (
                lost
            )  # the comment above a dropped `tercetak`/`target_triwulan` block goes with it
    # this year's realisasi moved into riwayat; earlier years untouched (whole numbers too)
    tahun = old.settings.tahun
    by_id = {r.id: r for r in content.kinerja.riwayat if r.id}
    for id_, fakta in old.kinerja.realisasi.items():
        if fakta.nilai is not None:
            assert by_id[id_].tahun[tahun].realisasi == fakta.nilai
    for before, after in zip(old.kinerja.riwayat, content.kinerja.riwayat, strict=False):
        for year, nilai in before.tahun.items():
            assert after.tahun[year] == nilai
    assert all(r.nilai is None for r in content.kinerja.realisasi.values())
    assert all(
        a.realisasi == 0 for d in content.kinerja.dukungan.values() for a in d.alokasi.values()
    )
    assert all(
        i.realisasi is None
        for p in content.program.program
        for i in p.indikator
        if i.realisasi_dari is None
    )


def test_init_from_a_scaffold_keeps_every_file_parseable(tmp_path):
    """The flow mappings `laporgen init` writes: the [ISI] marker goes after them."""
    first = tmp_path / "contoh" / "lkjip-2024"
    for path, text in new_document(first, "lkjip", 2024, tmp_path / "schemas").items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    second = first.parent / "lkjip-2025"
    for path, text in next_lkjip(first, second).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(
            text if isinstance(text, bytes) else text.encode("utf-8")
        )  # pictures are bytes
    content = load_lkjip(second)
    assert content.settings.tahun == 2025
    program = (second / "program.yaml").read_text(encoding="utf-8")
    assert (
        '      - {nama: "[ISI] indikator program", satuan: Persen, target: 100, realisasi: null}  '
        "# [ISI] target dan realisasi 2025"
    ) in program


def test_init_from_rolls_a_kinerja_toml(tmp_path):
    previous = copied(tmp_path, EXAMPLE_AGENCY / "lkjip-2024")
    data, _ = read_data(previous / "kinerja.yaml")
    del data["target_triwulan"]  # nulls inside a list: no TOML for them
    (previous / "kinerja.yaml").unlink()
    (previous / "kinerja.toml").write_text(
        "# kinerja as TOML\n" + tomlkit.dumps(as_toml(data)), encoding="utf-8"
    )
    new = previous.parent / "lkjip-2025"
    for path, text in next_lkjip(previous, new).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(
            text if isinstance(text, bytes) else text.encode("utf-8")
        )  # pictures are bytes
    content = load_lkjip(new)
    assert all(
        r.nilai is None for r in content.kinerja.realisasi.values()
    )  # not carried over silently
    assert {
        r.id: r.tahun[2024].realisasi for r in content.kinerja.riwayat if r.id and 2024 in r.tahun
    }["IS2.1"] == Decimal("0.259")
    assert content.kinerja.perjanjian_kinerja[0].tanggal == dt.date(2025, 1, 4)
    assert (new / "kinerja.toml").read_text(encoding="utf-8").startswith("# kinerja as TOML\n")


# ----------------------------------------------------------------------------------- import
def test_import_fills_every_realisasi_and_removes_their_markers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "contoh" / "lkjip-2024"
    for path, text in new_document(folder, "lkjip", 2024, tmp_path / "schemas").items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    before = {f.problem.line for f in check(folder) if f.problem.file.endswith("kinerja.yaml")}
    xlsx = tmp_path / "realisasi.xlsx"
    xlsx.write_bytes(realisasi_workbook(load_lkjip(folder)))
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Indikator", "Anggaran", "Indikator Program", "Alokasi"]
    wb["Indikator"]["E5"] = 97.5
    wb["Anggaran"]["D5"] = 90000000
    program_rows = {
        wb["Indikator Program"].cell(r, 1).value: r
        for r in range(5, wb["Indikator Program"].max_row + 1)
    }
    assert set(program_rows) == {"P1/1", "K1.1/1"}
    wb["Indikator Program"][f"F{program_rows['P1/1']}"] = 95
    wb["Indikator Program"][f"F{program_rows['K1.1/1']}"] = 2
    wb.save(xlsx)
    changes = import_realisasi(xlsx, folder)
    assert len(changes) == 4, changes
    content = load_lkjip(folder)
    assert content.kinerja.realisasi["IS1.1"].nilai == Decimal("97.5")
    kegiatan = content.program.program[0].kegiatan[0]
    assert (kegiatan.anggaran.realisasi, kegiatan.indikator[0].realisasi) == (90000000, 2)
    assert content.program.program[0].indikator[0].realisasi == 95
    kinerja = (folder / "kinerja.yaml").read_text(encoding="utf-8").split("\n")
    assert (
        '  IS1.1: {nilai: 97.5, sumber_data: "[ISI] sumber data"}' in kinerja
    )  # its "to fill in" comment gone
    program = (folder / "program.yaml").read_text(encoding="utf-8")
    assert "anggaran: {pagu: 100000000, realisasi: 90000000}\n" in program
    after = {f.problem.line for f in check(folder) if f.problem.file.endswith("kinerja.yaml")}
    assert after <= before


def test_import_reads_the_allocation_realisasi(tmp_path, monkeypatch):
    folder = copied(tmp_path, EXAMPLE_AGENCY / "lkjip-2024")
    monkeypatch.chdir(tmp_path)
    xlsx = tmp_path / "realisasi.xlsx"
    xlsx.write_bytes(realisasi_workbook(load_lkjip(folder)))
    wb = openpyxl.load_workbook(xlsx)
    sheet = wb["Alokasi"]
    rows = {sheet.cell(r, 1).value: r for r in range(5, sheet.max_row + 1)}
    assert set(rows) == {"S3/K2.1", "S4/K2.1"}
    sheet[f"D{rows['S3/K2.1']}"] = 140000000
    wb.save(xlsx)
    assert import_realisasi(xlsx, folder) == [
        "kinerja.yaml dukungan.S3.alokasi.K2.1.realisasi (S3/K2.1): 138280100 -> 140000000"
    ]
    assert load_lkjip(folder).kinerja.dukungan["S3"].alokasi["K2.1"].realisasi == 140000000
