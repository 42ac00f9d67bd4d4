"""The whole content of a document as one workbook (`laporgen export PATH --template data`), and
the shape `laporgen import` reads it back by (`data_import.py`).

Each data table is a sheet a planning officer knows: Tujuan, Sasaran, Indikator (targets per
year as columns), Strategi (arah kebijakan, a ✓ per plan year), Realisasi (an LKjIP's), Program
(program → kegiatan → sub-kegiatan, pagu per year or pagu and realisasi; a PK's DPA), Indikator
Program; then one sheet per collection of every other content file (`content_sheets`): a list
of rows (riwayat, T-C.23, SDM), a mapping by id (target triwulan, dukungan, rencana aksi), a
list of ids (renja), and the collections inside their rows as sheets whose first column names
the owning row (alokasi under dukungan, PK targets under their PK); one sheet per declared
table (tabel.yaml); and per file an Isian sheet of its own values outside the tables (visi,
misi, SWOT lists). An LKjIP's or PK's plan sheets are its Renstra's (`renstra = "../…"`).

The columns come from the content models (`model/`): every field of a row's model that holds a
value (text, number, a closed choice, yes/no), a field of a nested model (`formula.pembilang`),
a per-year mapping (one column per year, or per year and field: "Target 2022", "Realisasi
2022") and a list of text or ids (one cell, an item a line or comma-separated) is a column;
`tercetak…` (what a signed document printed, for `check`) is not. So a field added to a model
shows up here and is read back without this module changing. A closed value (a `Literal`,
yes/no, an id of a row of another sheet, a satuan already used) gets a drop-down list; computed
columns (sums of a parent's pagu, serapan, capaian) are grey and protected, the input cells
unlocked.
"""

from __future__ import annotations

import functools
import operator
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

if TYPE_CHECKING:
    import datetime as dt

    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..model.content import Content
    from openpyxl.worksheet.worksheet import Worksheet

from ..errors import display_path
from ..model.nilai import Nilai, Tertulis
from .xlsx_cells import HEAD_FILL, READ_ONLY_FILL, workbook_bytes

PETUNJUK = "Petunjuk"
DAFTAR = "Daftar"
"""The hidden sheet of drop-down lists (satuan, yes/no)."""
HEADER_ROW = 3
SPARE_ROWS = 200
"""Empty input rows under the data, unlocked and with the drop-downs, for new rows."""
LAST_ROW = 5000
"""How far the formulas and drop-downs that refer to a whole column reach."""
YA, TIDAK = "ya", "tidak"
SKIPPED_PREFIX = "tercetak"
"""Fields not shown: what a signed document printed (`tercetak`, `tercetak_total`), kept for
`laporgen check`."""
TANDA = "✓"
"""A ticked year (a strategy that runs that year)."""
MONEY_FIELDS = ("pagu", "anggaran")
"""A program-tree node's money fields: on a leaf only; a parent's are computed."""
TINGKAT = ("Program", "Kegiatan", "Sub Kegiatan")
TAHUN_RIWAYAT = (2, 1)
"""The years before the report year an LKjIP's Riwayat sheet always has columns for: Tabel 3.3
compares the report year with the two before it (LKjIP Magetan 2024: 2022, 2023 and 2024)."""
HEADERS = {
    "iku": "IKU",
    "laki_laki": "Laki-laki",
    "id": "ID",
    "program_kegiatan": "Program / Kegiatan",
}
"""Headers that are not the field name capitalised."""


# ------------------------------------------------------------------------------- columns
@dataclass(frozen=True)
class Kolom:
    """A column of values: `field` is the path inside a row's node (("target", 2024),
    ("formula", "pembilang")); `annotation` the type a cell is checked as."""

    header: str
    field: tuple[str | int, ...]
    annotation: Any
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    number: bool = False
    rupiah: bool = False
    note: str | None = None
    width: int = 14
    items: Literal["text", "ids"] | None = None
    """A list of values in one cell: text one item a line, ids or years separated by commas."""
    tanda: int | None = None
    """A ✓ column: whether the year `tanda` is in the list of years at `field`."""
    teks_boleh: bool = False
    """A number column that may hold text too (a declared table's "N.a")."""


@dataclass(frozen=True)
class Hitung:
    """A computed column: `formula(row, letters)` gives the cell's formula (letters: the
    column letter of each input column by field path), or `value(baris)` a value."""

    header: str
    formula: Callable[[int, dict[Any, str], Baris], str | None] | None = None
    value: Callable[[Baris], Any] | None = None
    number_format: str = "General"
    width: int = 14
    lookup: Callable[[int], str] | None = None
    """A formula of the row alone, written in the empty rows under the data too: a lookup of
    the id typed in a new row."""


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without `| None`, whether None was allowed)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        return functools.reduce(operator.or_, args), optional
    return annotation, False


def _base(annotation: Any) -> Any:
    return (
        typing.get_args(annotation)[0]
        if typing.get_origin(annotation) is typing.Annotated
        else annotation
    )


def _parts(annotation: Any) -> list[Any]:
    """The alternatives of a field's type, unions inside an Annotated alias (`Isian | None`)
    flattened."""
    inner, _ = _unwrap(annotation)
    out: list[Any] = []
    for part in (
        typing.get_args(inner)
        if typing.get_origin(inner) in (typing.Union, types.UnionType)
        else (inner,)
    ):
        base = _base(part)
        if typing.get_origin(base) in (typing.Union, types.UnionType):
            out.extend(_base(a) for a in typing.get_args(base))
        else:
            out.append(base)
    return out


def _literals(annotation: Any) -> tuple[str, ...]:
    out: list[str] = []
    for part in _parts(annotation):
        if typing.get_origin(part) is Literal:
            out.extend(str(v) for v in typing.get_args(part))
    return tuple(out)


def is_number(annotation: Any) -> bool:
    return any(p in (Decimal, int) or p is Nilai for p in _parts(annotation))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    parts = [
        p
        for p in _parts(annotation)
        if isinstance(p, type) and issubclass(p, BaseModel) and p is not Nilai
    ]
    return parts[0] if len(parts) == 1 and len(_parts(annotation)) == 1 else None


def _full(info: FieldInfo) -> Any:
    return typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def header_of(path: tuple[str | int, ...], rupiah: bool) -> str:
    words = [p for p in path if isinstance(p, str)]
    if not words:
        return "Nilai"
    name = words[-1] if len(words) == 1 or words[-1] not in ("nilai",) else words[-2]
    text = HEADERS.get(name) or name.replace("_", " ").title()
    if words[0] == "formula" and len(words) > 1:
        text = f"Formula {text}"
    years = [str(p) for p in path if isinstance(p, int)]
    text = " ".join([text, *years])
    return f"{text} (Rp)" if rupiah else text


def columns_of(
    model: type[BaseModel],
    years: list[int],
    skip: tuple[str, ...] = (),
    prefix: tuple[str | int, ...] = (),
    tahun_tanda: list[int] | None = None,
) -> list[Kolom]:
    """The value columns of `model`'s rows, in field order (a per-year mapping as one column
    per year of `years`; a list of text or ids as one cell; a list of years as a ✓ column per
    year of `tahun_tanda` when given)."""
    out: list[Kolom] = []
    for name, info in model.model_fields.items():
        if name in skip or name.startswith(SKIPPED_PREFIX):
            continue
        annotation = _full(info)
        inner, optional = _unwrap(info.annotation)
        path = (*prefix, name)
        nested = _model_of(info.annotation)
        if nested is not None:  # its fields are required only where the nested model is given
            out.extend(replace(k, required=False) for k in columns_of(nested, years, (), path))
            continue
        origin = typing.get_origin(inner)
        if origin is dict:
            key, value = typing.get_args(inner)
            per_year = _model_of(value)
            if _base(key) is int and per_year is not None:  # {2020: {target: 1, realisasi: 2}}
                out.extend(
                    replace(k, required=False)
                    for y in years
                    for k in columns_of(per_year, [], (), (*path, y))
                )
            elif _base(key) is int:  # a per-year mapping: {2024: 99.88}
                out.extend(
                    _kolom(f"{name}", (*path, y), value, False, None, info.description)
                    for y in years
                )
            continue
        if origin is list and _scalar_items(inner) is not None:
            out.extend(_list_columns(name, path, info, years, tahun_tanda))
            continue
        if origin in (list, tuple) or inner is typing.Any:
            continue
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            continue
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        out.append(
            _kolom(
                name,
                path,
                annotation,
                info.is_required() and not optional,
                default,
                info.description,
            )
        )
    return out


def _scalar_items(inner: Any) -> Literal["text", "ids"] | None:
    """How a list of plain values is written in one cell, or None for a list of models."""
    from ..model.fields import Id

    (item,) = typing.get_args(inner) or (Any,)
    if item == Id or _base(item) is int:
        return "ids"
    if _base(item) is str:
        return "text"
    return None


def _list_columns(
    name: str,
    path: tuple[str | int, ...],
    info: FieldInfo,
    years: list[int],
    tahun_tanda: list[int] | None,
) -> list[Kolom]:
    inner, _ = _unwrap(info.annotation)
    items = _scalar_items(inner)
    if items == "ids" and _base(typing.get_args(inner)[0]) is int and tahun_tanda is not None:
        return [
            Kolom(str(y), path, info.annotation, choices=(TANDA,), note=info.description, tanda=y)
            for y in tahun_tanda
        ]
    kolom = _kolom(name, path, info.annotation, info.is_required(), None, info.description)
    return [replace(kolom, items=items, width=40 if items == "text" else 16)]


def _kolom(
    name: str,
    path: tuple[str | int, ...],
    annotation: Any,
    required: bool,
    default: Any,
    note: str | None,
) -> Kolom:
    from ..model.fields import is_rupiah

    rupiah = _base(_unwrap(annotation)[0]) is Decimal and is_rupiah(_unwrap(annotation)[0])
    choices = (YA, TIDAK) if _base(_unwrap(annotation)[0]) is bool else _literals(annotation)
    number = is_number(annotation)
    width = (
        60
        if name in ("nama", "uraian", "jabatan")
        else 50
        if name == "definisi"
        else 30
        if name in ("sumber_data", "pembilang", "penyebut")
        else 24
        if name in ("bidang", "unit_kerja", "lokasi")
        else 18
        if rupiah
        else 14
    )
    return Kolom(
        header_of(path, rupiah),
        path,
        annotation,
        required,
        default,
        choices,
        number,
        rupiah,
        note,
        width,
    )


def value_at(node: Any, path: tuple[str | int, ...]) -> Any:
    """The value of a loaded node at `path`, None where there is none."""
    for part in path:
        if node is None:
            return None
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list | tuple) and isinstance(part, int):
            node = node[part] if -len(node) <= part < len(node) else None
        else:
            node = getattr(node, str(part), None)
    return node


def is_set(node: Any, path: tuple[str | int, ...]) -> bool:
    """Whether the content file writes the value at `path` (not a default)."""
    for part in path:
        if isinstance(node, list | tuple) and isinstance(part, int):
            if not -len(node) <= part < len(node):
                return False
            node = node[part]
        elif isinstance(node, dict):
            if part not in node:
                return False
            node = node[part]
        elif isinstance(node, BaseModel):
            if part not in node.model_fields_set:
                return False
            node = getattr(node, str(part))
        else:
            return False
    return True


# ---------------------------------------------------------------------------------- sheets
@dataclass(frozen=True)
class Jumlah:
    """The money columns of a row with rows under it are their sum (a program's pagu its
    kegiatan's, a T-C.24 program's anggaran and realisasi its rincian's: compute/renstra.py
    `_uraian`): in the workbook a formula, grey, locked and noted; a value typed over one is
    checked by the import against the sum of the rows under it.

    `anak` is the sheet of the rows under (the sheet itself for the program tree, whose rows
    name their parent in the Induk column; else a child sheet whose column A names the owner),
    `fields` the summed columns, `letters` their column letters on the child sheet, `induk` the
    keys of the rows that have rows under them in the content file."""

    anak: str
    fields: frozenset[tuple[str | int, ...]]
    catatan: str
    induk: frozenset[str] = frozenset()
    letters: dict[tuple[str | int, ...], str] = field(default_factory=dict)


@dataclass
class Baris:
    """A row: its key (ID, or "P1/1" for an indicator of a program-tree node, or the item's
    number in a plain list), its parent's key, level, the node's path in the file and the
    loaded node (None for a row added in the workbook)."""

    key: str
    induk: str | None
    tingkat: int
    path: tuple[str | int, ...]
    node: Any
    shown: str | None = None
    """The key as its cell shows it, when the key is the parent's and the row's together
    ("S1.1/P1": the alokasi of P1 to sasaran S1.1 shows "P1")."""
    ditawarkan: bool = False
    """A row offered for a value the file does not hold yet (an indicator of the year without
    its realisasi): node None; filled, it is read back as a new row, left empty it is no edit."""

    @property
    def cell(self) -> str:
        return self.key if self.shown is None else self.shown


@dataclass
class Lembar:
    """A sheet: the rows of one kind of node of the content file `stem`.

    `key` names the key column ("ID", or "No" for rows identified by position); `induk` the
    parent column's header and the sheets whose keys it takes; `levels` the models of the
    rows by level (a program tree has three); `container(parent, tingkat)` the path of the list
    (or mapping, `mapping=True`) a new row goes into."""

    name: str
    stem: str
    judul: str
    key: str
    levels: tuple[type[BaseModel], ...]
    columns: list[Kolom]
    rows: list[Baris]
    container: Callable[[Baris | None, int], tuple[str | int, ...]]
    induk: str | None = None
    induk_dari: tuple[str, ...] = ()
    tingkat: bool = False
    mapping: bool = False
    id_field: bool = True
    hitung: list[Hitung] = field(default_factory=list)
    child_list: dict[int, str] = field(default_factory=dict)
    """The field of a level's node that holds the next level's rows (program → "kegiatan")."""
    bentuk: Literal["model", "nilai", "id", "isian", "sel"] = "model"
    """What a row's node is: a model (its fields the columns), one value (a mapping's `{IS1.1:
    12}`, a tuple of four quarterly targets, a list of actions), an id in a list of ids; or
    "isian": a file's own values, one row each (`key` the label, the one value in column B);
    "sel": a declared table's row, a mapping of column id to cell."""
    scoped: bool = False
    """The key is unique under its parent only: the row's key is "parent/key"."""
    induk_kolom: str = "A"
    """The key column's letter on the parent sheet (for the parent column's drop-down)."""
    pilihan: tuple[str, str] | None = None
    """(sheet, column letter) whose ids the key column's drop-down offers."""
    jumlah: Jumlah | None = None
    """The columns that are the sum of the rows under a row, where it has some."""

    def computed(self, kolom: Kolom, baris: Baris | None) -> bool:
        """Whether the cell of `kolom` in the row `baris` is the sum of the rows under it (or
        a money field its level has not: a PK program's pagu is its kegiatan's)."""
        if baris is None or self.jumlah is None or kolom.field not in self.jumlah.fields:
            return False
        return baris.key in self.jumlah.induk or not self.applies(kolom, baris.tingkat)

    def applies(self, kolom: Kolom, tingkat: int) -> bool:
        if self.bentuk != "model" or not kolom.field or not isinstance(kolom.field[0], str):
            return True
        return kolom.field[0] in self.levels[tingkat].model_fields

    def fields(self) -> list[Kolom]:
        """The columns by the value they hold: the first of a field's ✓ columns stands for all."""
        out: dict[tuple[str | int, ...], Kolom] = {}
        for kolom in self.columns:
            out.setdefault(kolom.field, kolom)
        return list(out.values())


def _item(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The model of the items of `model`'s list or mapping field `name`."""
    inner, _ = _unwrap(model.model_fields[name].annotation)
    args = typing.get_args(inner)
    return args[-1]


def _years(*maps: Any) -> list[int]:
    return sorted({y for m in maps for y in m if isinstance(y, int)})


def plan_sheets(c: Any) -> list[Lembar]:
    from ..model.renstra import Rencana

    rencana = c.rencana
    tujuan_m = _item(Rencana, "tujuan")
    sasaran_m = _item(tujuan_m, "sasaran")
    indikator_m = _item(sasaran_m, "indikator")
    tujuan_rows = [Baris(t.id, None, 0, ("tujuan", i), t) for i, t in enumerate(rencana.tujuan)]
    sasaran_rows = [
        Baris(s.id, t.id, 0, ("tujuan", i, "sasaran", j), s)
        for i, t in enumerate(rencana.tujuan)
        for j, s in enumerate(t.sasaran)
    ]
    indikator_rows: list[Baris] = []
    for i, t in enumerate(rencana.tujuan):
        indikator_rows += [
            Baris(d.id, t.id, 0, ("tujuan", i, "indikator", k), d)
            for k, d in enumerate(t.indikator)
        ]
        for j, s in enumerate(t.sasaran):
            indikator_rows += [
                Baris(d.id, s.id, 0, ("tujuan", i, "sasaran", j, "indikator", k), d)
                for k, d in enumerate(s.indikator)
            ]
    years = _years(rencana.tahun, *(b.node.target for b in indikator_rows))
    sheets = [
        Lembar(
            "Tujuan",
            "rencana",
            "Tujuan Renstra",
            "ID",
            (tujuan_m,),
            columns_of(tujuan_m, years, ("id",)),
            tujuan_rows,
            lambda parent, _: ("tujuan",),
        ),
        Lembar(
            "Sasaran",
            "rencana",
            "Sasaran Renstra",
            "ID",
            (sasaran_m,),
            columns_of(sasaran_m, years, ("id",)),
            sasaran_rows,
            _container((), "sasaran"),
            induk="Tujuan",
            induk_dari=("Tujuan",),
        ),
        Lembar(
            "Indikator",
            "rencana",
            "Indikator tujuan dan sasaran, target per tahun",
            "ID",
            (indikator_m,),
            columns_of(indikator_m, years, ("id",)),
            indikator_rows,
            _container((), "indikator"),
            induk="Tujuan / Sasaran",
            induk_dari=("Tujuan", "Sasaran"),
        ),
    ]
    # a sasaran's strategies (arah kebijakan, a ✓ per plan year), then the cascade table
    sheets += content_sheets(
        "rencana",
        sasaran_m,
        None,
        ("id", "indikator"),
        (),
        Induk("Sasaran", "B", sasaran_rows, "Sasaran"),
        ("tujuan", "sasaran"),
        rencana.tahun,
    )
    sheets += content_sheets("rencana", Rencana, rencana, ("tujuan",))
    return sheets


def program_sheets(
    c: Any, tree: Any, tree_model: type[BaseModel], lkjip: bool, stem: str = "program"
) -> list[Lembar]:
    """The program tree (program → kegiatan → sub kegiatan; a PK's DPA has two levels) and
    the indicators of its nodes."""
    program_m = _item(tree_model, "program")
    kegiatan_m = _item(program_m, "kegiatan")
    levels: tuple[type[BaseModel], ...] = (program_m, kegiatan_m)
    children = {0: "kegiatan"}
    if "sub_kegiatan" in kegiatan_m.model_fields:
        levels, children = (
            (*levels, _item(kegiatan_m, "sub_kegiatan")),
            {**children, 1: "sub_kegiatan"},
        )
    rows: list[Baris] = []
    for p, program in enumerate(tree.program):
        rows.append(Baris(program.id, None, 0, ("program", p), program))
        for k, kegiatan in enumerate(program.kegiatan):
            rows.append(Baris(kegiatan.id, program.id, 1, ("program", p, "kegiatan", k), kegiatan))
            rows += [
                Baris(s.id, kegiatan.id, 2, ("program", p, "kegiatan", k, "sub_kegiatan", j), s)
                for j, s in enumerate(getattr(kegiatan, "sub_kegiatan", []))
            ]
    years = _years(
        getattr(c.settings, "tahun_list", []),
        *(b.node.pagu for b in rows if isinstance(getattr(b.node, "pagu", None), dict)),
    )
    if not lkjip:
        years = _years(years, c.rencana.tahun)
    columns: list[Kolom] = []
    for model in levels:
        for kolom in columns_of(model, years, ("id", *children.values())):
            if kolom.field not in [k.field for k in columns]:
                columns.append(kolom)
    money = [k for k in columns if k.field[0] in MONEY_FIELDS]
    columns = [k for k in columns if k not in money] + money  # money last, as the matrices print it
    # a total beside the pagu of each year; a PK's one pagu needs none
    hitung = [_serapan()] if lkjip else [_total_pagu(money)] if len(money) > 1 else []
    jumlah = Jumlah(
        "Program",
        frozenset(k.field for k in money),
        "Dihitung: jumlah baris di bawahnya (yang kolom Induk-nya ID baris ini). Ubah angka "
        "kegiatan atau sub kegiatannya; sel ini dikunci.",
        frozenset(b.induk for b in rows if b.induk),
    )
    program = Lembar(
        "Program",
        stem,
        "Program, kegiatan dan sub kegiatan",
        "ID",
        levels,
        columns,
        rows,
        lambda parent, tingkat: (
            ("program",) if parent is None else (*parent.path, children[tingkat - 1])
        ),
        induk="Induk",
        induk_dari=("Program",),
        tingkat=True,
        hitung=hitung,
        child_list=children,
        jumlah=jumlah,
    )
    ind_m = _item(program_m, "indikator")
    ind_rows = [
        Baris(f"{b.key}/{n + 1}", b.key, 0, (*b.path, "indikator", n), ind)
        for b in rows
        for n, ind in enumerate(b.node.indikator)
    ]
    ind_years = _years(
        *(
            getattr(b.node, "target", {})
            if isinstance(getattr(b.node, "target", None), dict)
            else {}
            for b in ind_rows
        ),
        [] if lkjip else c.rencana.tahun,
    )
    indikator = Lembar(
        "Indikator Program",
        stem,
        "Indikator program, kegiatan dan sub kegiatan",
        "No",
        (ind_m,),
        columns_of(ind_m, ind_years),
        ind_rows,
        _container((), "indikator"),
        induk="Program / Kegiatan",
        induk_dari=("Program",),
        id_field=False,
    )
    return [program, indikator]


def _serapan(at: tuple[str, ...] = ("anggaran",)) -> Hitung:
    def formula(r: int, letters: dict[Any, str], _b: Baris) -> str | None:
        pagu, realisasi = letters.get((*at, "pagu")), letters.get((*at, "realisasi"))
        if not pagu or not realisasi:
            return None
        return f'=IF(N({pagu}{r})=0,"",{realisasi}{r}/{pagu}{r})'

    return Hitung("Serapan (%)", formula, number_format="0.00%")


def _total_pagu(money: list[Kolom]) -> Hitung:
    def formula(r: int, letters: dict, _b: Baris) -> str | None:
        cells = [f"{letters[k.field]}{r}" for k in money if k.field[0] == "pagu"]
        return f"=SUM({','.join(cells)})" if cells else None

    return Hitung("Total Pagu (Rp)", formula, number_format="#,##0", width=18)


def realisasi_sheet(c: Any) -> Lembar:
    """An LKjIP's realisasi of the plan indicators (kinerja.yaml `realisasi`), with the
    year's target and capaian computed beside it."""
    from ..compute.lkjip import lkjip_figures
    from ..model.lkjip import Kinerja

    model = _item(Kinerja, "realisasi")
    figures = {row.indikator.id: row for row in lkjip_figures(c).semua_indikator}
    realisasi = c.kinerja.realisasi
    # as the realisasi form lists them: each tujuan's indicators measured this year, then
    # every sasaran indicator, filled or not; an entry of no plan indicator last
    keys = [
        key
        for tujuan in c.rencana.tujuan
        for key in (
            *(i.id for i in tujuan.indikator if i.id in realisasi),
            *(i.id for s in tujuan.sasaran for i in s.indikator),
        )
    ]
    keys = list(dict.fromkeys([*keys, *realisasi]))
    rows = [
        Baris(key, None, 0, ("realisasi", key), realisasi.get(key), ditawarkan=key not in realisasi)
        for key in keys
    ]
    tahun = c.settings.tahun

    def figure(name: str) -> Callable[[Baris], Any]:
        return lambda b: getattr(figures.get(b.key), name, None)

    hitung = [
        Hitung(
            "Indikator",
            value=lambda b: figures[b.key].indikator.nama if b.key in figures else None,
            width=60,
        ),
        Hitung(f"Target {tahun}", value=figure("target")),
        Hitung(f"Capaian {tahun} (%)", value=figure("capaian"), number_format="0.00"),
    ]
    columns = columns_of(model, [tahun])
    columns = [
        Kolom(
            f"Realisasi {tahun}",
            k.field,
            k.annotation,
            k.required,
            k.default,
            k.choices,
            k.number,
            k.rupiah,
            k.note,
        )
        if k.field == ("nilai",)
        else k
        for k in columns
    ]
    return Lembar(
        "Realisasi",
        "kinerja",
        f"Realisasi indikator tahun {tahun}",
        "ID",
        (model,),
        columns,
        rows,
        lambda parent, _: ("realisasi",),
        mapping=True,
        id_field=False,
        hitung=hitung,
        pilihan=("Indikator", "B"),
    )


SHEET_TITLES = {
    "jenis": "Standar Pelayanan Minimal: jenis pelayanan dasar (spm.yaml)",
    "jenis.indikator": "Indikator SPM: target, jumlah sasaran, terlayani (atau realisasi) per tahun",
    "jenis.rincian": "Tabel rincian SPM, dicetak setelah tabel SPM",
    "jenis.rincian.baris": "Baris tabel rincian SPM: nilai per tahun",
    "riwayat": "Perbandingan realisasi dengan tahun-tahun sebelumnya",
    "perjanjian_kinerja": "Perjanjian Kinerja (murni dan perubahan)",
    "perjanjian_kinerja.target": "Target PK yang berbeda dari Renstra",
    "perjanjian_kinerja.baris": "Baris PK di luar indikator Renstra",
    "renja": "Indikator Rencana Kerja",
    "dukungan": "Program/kegiatan yang menunjang sasaran",
    "dukungan.alokasi": "Alokasi anggaran program/kegiatan per sasaran",
    "analisis": "Analisis capaian per sasaran",
    "rencana_aksi": "Rencana aksi tahun berikutnya per indikator",
    "target_triwulan": "Target triwulan tahun berikutnya per indikator",
    "kinerja_pelayanan.indikator": "Kinerja pelayanan (T-C.23)",
    "akhir_periode.indikator": "Realisasi terhadap target akhir periode lalu",
    "anggaran_realisasi.uraian": "Anggaran dan realisasi (T-C.24)",
    "anggaran_realisasi.uraian.anak": "Rincian anggaran dan realisasi (T-C.24)",
    "swot.strategi": "Strategi SWOT",
    "permasalahan": "Permasalahan (pokok masalah)",
    "permasalahan.masalah": "Masalah dan akar masalah",
    "telaah_provinsi": "Telaah Renstra provinsi",
    "kebijakan": "Strategi dan kebijakan per perspektif",
    "indikator_urusan.baris": "Indikator kinerja penyelenggaraan urusan (T-C.28)",
    "matriks": "Matriks T-C.27 yang dicetak",
    "keterkaitan": "Keterkaitan RPJPD - RPD - Perangkat Daerah",
    "indikator": "Indikator Perjanjian Kinerja (kosong: semua indikator sasaran)",
    "target": "Target PK yang berbeda dari Renstra",
    "formasi": "Kebutuhan dan realisasi pegawai per jabatan",
    "golongan": "Pegawai menurut pangkat/golongan",
    "pendidikan": "Pegawai menurut tingkat pendidikan",
    "jenis_kelamin": "Pegawai menurut jenis kelamin",
    "jabatan": "Pegawai menurut jabatan",
    "status": "Pegawai menurut status dan jenis kelamin",
    "aset": "Aset",
    "item": "Aset tetap",
}
SHEET_NAMES = {
    "jenis": "SPM",
    "jenis.indikator": "SPM Indikator",
    "jenis.rincian": "SPM Rincian",
    "jenis.rincian.baris": "SPM Rincian Baris",
    "riwayat": "Riwayat",
    "perjanjian_kinerja": "PK",
    "perjanjian_kinerja.target": "PK Target",
    "perjanjian_kinerja.baris": "PK Baris Lain",
    "renja": "Renja",
    "dukungan": "Dukungan",
    "dukungan.alokasi": "Alokasi",
    "analisis": "Analisis Sasaran",
    "rencana_aksi": "Rencana Aksi",
    "target_triwulan": "Target Triwulan",
    "kinerja_pelayanan.indikator": "T-C.23",
    "akhir_periode.indikator": "Akhir Periode",
    "rincian.baris": "Rincian Baris",
    "anggaran_realisasi.uraian": "T-C.24",
    "anggaran_realisasi.uraian.anak": "T-C.24 Rincian",
    "swot.strategi": "Strategi SWOT",
    "permasalahan.masalah": "Masalah",
    "telaah_provinsi": "Telaah Provinsi",
    "indikator_urusan.baris": "T-C.28",
    "matriks": "Matriks T-C.27",
    "indikator": "PK Indikator",
    "target": "PK Target",
    "formasi": "SDM Formasi",
    "golongan": "SDM Golongan",
    "pendidikan": "SDM Pendidikan",
    "jenis_kelamin": "SDM Jenis Kelamin",
    "jabatan": "SDM Jabatan",
    "status": "SDM Status",
    "aset": "Aset",
    "item": "Aset",
}


KEY_HEADERS = {
    "dukungan": "Sasaran",
    "analisis": "Sasaran",
    "target_triwulan": "Indikator",
    "rencana_aksi": "Indikator",
    "renja": "Indikator",
    "indikator": "Indikator",
    "target": "Indikator",
    "perjanjian_kinerja.target": "Indikator",
    "dukungan.alokasi": "Program / Kegiatan",
}
"""The key column of a sheet keyed by id, where the id is not the row's own."""
INDUK_HEADERS = {"dukungan": "Sasaran", "perjanjian_kinerja": "PK No"}
"""The owner column of a child sheet, where the owner sheet's name does not say it."""
COLUMN_HEADERS = {"target": "Target"}
"""The value column of a mapping of plain values ({IS1.1: 12})."""
PILIHAN = {
    "dukungan": ("Sasaran", "B"),
    "analisis": ("Sasaran", "B"),
    "target_triwulan": ("Indikator", "B"),
    "rencana_aksi": ("Indikator", "B"),
    "renja": ("Indikator", "B"),
    "indikator": ("Indikator", "B"),
    "target": ("Indikator", "B"),
    "perjanjian_kinerja.target": ("Indikator", "B"),
    "dukungan.alokasi": ("Program", "C"),
}
"""The drop-down of a key column: the ids of another sheet's key column."""


def _name_of(dotted: str) -> str:
    last = dotted.rsplit(".", 1)[-1]
    return SHEET_NAMES.get(dotted) or SHEET_NAMES.get(last) or last.replace("_", " ").title()


def _data_years(nodes: list[Any]) -> list[int]:
    """The years the per-year mappings of these rows name (T-C.23's, a history's), and of the
    rows under them of the same kind (a T-C.24 program's years are its rincian's)."""
    years: set[int] = set()
    for node in nodes:
        if not isinstance(node, BaseModel):
            continue
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, dict):
                years.update(y for y in value if isinstance(y, int))
            elif isinstance(value, list) and value and type(value[0]) is type(node):
                years.update(_data_years(value))
    return sorted(years)


@dataclass(frozen=True)
class Induk:
    """The sheet whose rows own a child sheet's rows: its name, the letter of its key column,
    its rows, and the header of the child's column that names the owner."""

    sheet: str
    letter: str
    rows: list[Baris]
    header: str


def content_sheets(
    stem: str,
    model: type[BaseModel],
    data: Any,
    skip: tuple[str, ...] = (),
    prefix: tuple[str | int, ...] = (),
    induk: Induk | None = None,
    chain: tuple[str, ...] = (),
    tahun_tanda: list[int] | None = None,
    tahun_baris: dict[str, tuple[int, ...]] | None = None,
) -> Iterator[Lembar]:
    """One sheet per collection of a content file: a list of models (SDM, riwayat, T-C.23 rows),
    a mapping by id (target_triwulan, dukungan), a list of ids (renja); and the collections
    inside their rows as sheets whose rows name their owner (alokasi under dukungan). A single
    nested model is walked into; single values and lists of text are the Isian sheet's.
    `tahun_baris`: by a list's dotted name, the years its per-year columns show besides those its
    rows hold (an LKjIP's riwayat: the earlier years Tabel 3.3 compares)."""
    from ..model.fields import Id

    owners = induk.rows if induk is not None else [Baris("", None, 0, prefix, data)]
    for name, info in model.model_fields.items():
        if name in skip or name.startswith(SKIPPED_PREFIX):
            continue
        inner, _ = _unwrap(info.annotation)
        origin = typing.get_origin(inner)
        dotted = ".".join((*chain, name))
        nested = _model_of(info.annotation)
        if nested is not None:
            value = getattr(data, name, None)
            if induk is None and value is not None:
                yield from content_sheets(
                    stem,
                    nested,
                    value,
                    (),
                    (*prefix, name),
                    None,
                    (*chain, name),
                    tahun_tanda,
                    tahun_baris,
                )
            continue
        if origin is list:
            (item,) = typing.get_args(inner)
            if isinstance(item, type) and issubclass(item, BaseModel):
                if name not in chain:  # T-C.24's rows hold rows: the first level under them
                    yield from _list_sheet(
                        stem, name, dotted, item, owners, induk, info, tahun_tanda, tahun_baris
                    )
            elif induk is None and item == Id:  # renja: [IS1.1, IS2.1]
                yield _id_sheet(stem, name, dotted, owners[0], info)
        elif origin is dict and _base(typing.get_args(inner)[0]) is not int:
            yield from _mapping_sheet(stem, name, dotted, typing.get_args(inner)[1], owners, induk)


def _rows_of(
    owners: list[Baris], name: str, keys: Callable[[Any], list[tuple[str, Any, str | int]]]
) -> list[Baris]:
    """The rows of the collection `name` of each owner: (key shown, node, index in the file)."""
    rows = []
    for owner in owners:
        collection = value_at(owner.node, (name,)) if owner.key else getattr(owner.node, name)
        for shown, node, at in keys(collection):
            key = f"{owner.key}/{shown}" if owner.key else shown
            rows.append(
                Baris(
                    key,
                    owner.key or None,
                    0,
                    (*owner.path, name, at),
                    node,
                    shown if owner.key else None,
                )
            )
    return rows


def _container(owner_path: tuple[str | int, ...], name: str) -> Callable[..., Any]:
    return lambda parent, _: (*(parent.path if parent is not None else owner_path), name)


def _list_sheet(
    stem: str,
    name: str,
    dotted: str,
    item: type[BaseModel],
    owners: list[Baris],
    induk: Induk | None,
    info: FieldInfo,
    tahun_tanda: list[int] | None,
    tahun_baris: dict[str, tuple[int, ...]] | None = None,
) -> Iterator[Lembar]:
    rows = _rows_of(
        owners, name, lambda items: [(str(n + 1), v, n) for n, v in enumerate(items or [])]
    )
    years = sorted(
        set(_data_years([b.node for b in rows])) | set((tahun_baris or {}).get(dotted, ()))
    )
    columns = columns_of(item, years, tahun_tanda=tahun_tanda)
    sheet = _name_of(dotted)
    lembar = Lembar(
        sheet,
        stem,
        SHEET_TITLES.get(dotted) or SHEET_TITLES.get(name) or info.description or sheet,
        "No",
        (item,),
        columns,
        rows,
        _container(owners[0].path if induk is None else (), name),
        induk=induk.header if induk else None,
        induk_dari=(induk.sheet,) if induk else (),
        induk_kolom=induk.letter if induk else "A",
        id_field=False,
        hitung=_list_hitung(columns),
        scoped=induk is not None,
    )
    children = Induk(sheet, "B" if induk else "A", rows, INDUK_HEADERS.get(dotted, sheet))
    below = list(
        content_sheets(
            stem,
            item,
            None,
            ("id",),
            (),
            children,
            (*dotted.split("."),),
            tahun_tanda,
            tahun_baris,
        )
    )
    yield _summed(lembar, item, below)
    yield from below


def _summed(lembar: Lembar, item: type[BaseModel], below: list[Lembar]) -> Lembar:
    """A sheet of rows that hold rows of their own kind (T-C.24's `anak`): a row's money is
    the sum of its rows on the child sheet, whose column A names it."""
    own = [
        name
        for name, info in item.model_fields.items()
        if typing.get_origin(_unwrap(info.annotation)[0]) is list
        and typing.get_args(_unwrap(info.annotation)[0]) == (item,)
    ]
    anak = next((b for b in below if own and b.container(None, 0)[-1] == own[0]), None)
    if anak is None or lembar.induk or anak.tingkat:
        return lembar
    from openpyxl.utils import get_column_letter

    money = frozenset(k.field for k in lembar.columns if k.rupiah)
    letters = {k.field: get_column_letter(i) for i, k in enumerate(anak.columns, start=3)}
    jumlah = Jumlah(
        anak.name,
        frozenset(f for f in money if f in letters),
        f"Dihitung: jumlah rincian baris ini di lembar {anak.name}. Ubah angka di sana; sel "
        "ini dikunci.",
        frozenset(b.key for b in lembar.rows if value_at(b.node, (own[0],))),
        letters,
    )
    return replace(lembar, jumlah=jumlah)


def _id_sheet(stem: str, name: str, dotted: str, owner: Baris, info: FieldInfo) -> Lembar:
    ids = getattr(owner.node, name)
    rows = [Baris(i, None, 0, (*owner.path, name, n), i) for n, i in enumerate(ids)]
    sheet = _name_of(dotted)
    return Lembar(
        sheet,
        stem,
        SHEET_TITLES.get(dotted) or info.description or sheet,
        KEY_HEADERS.get(dotted, "ID"),
        (),
        [],
        rows,
        _container(owner.path, name),
        bentuk="id",
        pilihan=PILIHAN.get(dotted),
    )


TRIWULAN = ("TW I", "TW II", "TW III", "TW IV")


def _mapping_sheet(
    stem: str,
    name: str,
    dotted: str,
    value: Any,
    owners: list[Baris],
    induk: Induk | None,
) -> Iterator[Lembar]:
    rows = _rows_of(owners, name, lambda items: [(str(k), v, k) for k, v in (items or {}).items()])
    item = _model_of(value)
    inner, _ = _unwrap(value)
    bentuk: Literal["model", "nilai"] = "model" if item is not None else "nilai"
    columns: list[Kolom]
    if item is not None:
        columns = columns_of(item, _data_years([b.node for b in rows]))
    elif typing.get_origin(inner) is tuple:
        columns = [
            replace(_kolom("nilai", (n,), a, False, None, None), header=TRIWULAN[n])
            for n, a in enumerate(typing.get_args(inner))
        ]
        if len(columns) != len(TRIWULAN):
            return
    elif typing.get_origin(inner) is list:
        kolom = _kolom(name, (), value, False, None, None)
        columns = [replace(kolom, header=_name_of(dotted), items=_scalar_items(inner), width=60)]
    else:
        columns = [replace(_kolom(name, (), value, True, None, None), header=COLUMN_HEADERS[name])]
    sheet = _name_of(dotted)
    yield Lembar(
        sheet,
        stem,
        SHEET_TITLES.get(dotted) or sheet,
        KEY_HEADERS.get(dotted, "ID"),
        (item,) if item is not None else (),
        columns,
        rows,
        _container(owners[0].path if induk is None else (), name),
        induk=induk.header if induk else None,
        induk_dari=(induk.sheet,) if induk else (),
        induk_kolom=induk.letter if induk else "A",
        mapping=True,
        id_field=False,
        bentuk=bentuk,
        scoped=induk is not None,
        pilihan=PILIHAN.get(dotted),
    )
    if item is not None:
        children = Induk(sheet, "B" if induk else "A", rows, INDUK_HEADERS.get(dotted, sheet))
        yield from content_sheets(stem, item, None, (), (), children, (*dotted.split("."),))


def _list_hitung(columns: list[Kolom]) -> list[Hitung]:
    """Computed columns of a plain list: a formasi's kekurangan, an aset's saldo akhir."""
    fields = {k.field for k in columns}
    if {("kebutuhan",), ("realisasi",)} <= fields:
        return [
            Hitung(
                "Kekurangan / Kelebihan",
                lambda r, L, _b: f"={L[('realisasi',)]}{r}-{L[('kebutuhan',)]}{r}",
            )
        ]
    if {("saldo_awal",), ("bertambah",), ("berkurang",)} <= fields:
        return [
            Hitung(
                "Saldo Akhir (Rp)",
                lambda r, L, _b: (
                    f"={L[('saldo_awal',)]}{r}+{L[('bertambah',)]}{r}-{L[('berkurang',)]}{r}"
                ),
                number_format="#,##0",
                width=18,
            )
        ]
    return []


def tabel_sheets(tables: Any) -> list[Lembar]:
    """One sheet per table declared in tabel.yaml: its columns (a spanning header's name
    before its own), a row per row, a row's depth in the table's hierarchy in Tingkat Baris, a
    group row's text in Baris Grup; formula and number columns are computed, not shown."""
    from ..model.tabel import GRUP, TINGKAT, Sel

    out = []
    for i, tabel in enumerate(tables.tabel):
        columns = []
        for top in tabel.kolom:
            for leaf in top.leaves():
                if leaf.id is None or leaf.rumus is not None or leaf.format == "nomor":
                    continue
                header = f"{top.judul} {leaf.judul}" if leaf is not top else leaf.judul
                number = leaf.format in ("angka", "rupiah", "persen")
                if leaf.format == "centang":
                    kolom = Kolom(header, (leaf.id,), bool | None, choices=(YA, TIDAK))
                else:
                    kolom = Kolom(
                        header,
                        (leaf.id,),
                        Sel,
                        number=number,
                        rupiah=leaf.format == "rupiah",
                        teks_boleh=number,
                        width=14 if number else 30,
                    )
                columns.append(kolom)
        columns.append(Kolom("Tingkat Baris", (TINGKAT,), Sel, number=True))
        columns.append(Kolom("Baris Grup", (GRUP,), Sel, width=30))
        out.append(
            Lembar(
                f"Tabel {tabel.id}"[:31],
                "tabel",
                tabel.judul,
                "No",
                (),
                columns,
                [
                    Baris(str(n + 1), None, 0, ("tabel", i, "baris", n), row)
                    for n, row in enumerate(tabel.baris)
                ],
                _container(("tabel", i), "baris"),
                id_field=False,
                bentuk="sel",
            )
        )
    return out


ISIAN_STEMS = (
    "document",
    "agency",
    "rencana",
    "kinerja",
    "evaluasi",
    "analisis",
    "anggaran",
    "sumber_daya",
    "spm",
)
"""The files whose own values (outside their tables) get an Isian sheet; of document.toml only
`DOKUMEN`, tabel.yaml holds table definitions."""
DOKUMEN = (
    "tahun",
    "versi",
    "varian",
    "renstra",
    "lkjip",
    "perubahan_dari",
    "kertas",
    "huruf",
    "tanda_tangan",
    "pihak_kedua",
    "penetapan",
)
"""The settings of document.toml a planning officer changes from one document to the next:
the year, which Renstra (and LKjIP) it reads, paper and typeface, the signing place and date,
the Bupati who signs a PK, a Renstra's decree. The one who signs for the agency (name, NIP,
jabatan) is agency.yaml's `kepala`, on the Isian Perangkat Daerah sheet; the rest of
document.toml (outline, kategori scale, methods) is set up once and stays in the file."""
ISIAN_NAMES = {
    "document": "Dokumen",
    "agency": "Perangkat Daerah",
    "sumber_daya": "Sumber Daya",
    "spm": "SPM",
}
NILAI = "Nilai"
WORDS = {"swot": "SWOT", "pemda": "Pemda", "url": "URL", "nip": "NIP", "lkjip": "LKjIP"}


def _label(path: tuple[str | int, ...]) -> str:
    return " / ".join(
        WORDS.get(str(p), str(p).replace("_", " ").capitalize()) for p in path if isinstance(p, str)
    )


def isian_sheet(stem: str, data: BaseModel) -> Lembar | None:
    """A file's own values outside its tables, one row each: an agency's name and address, a
    plan's visi and misi, SWOT lists, T-C.23's years; document.toml's `DOKUMEN` settings (an
    optional part, a Renstra's signature or decree, shown empty to be filled in). None when it
    has none."""
    from ..model.fields import Id

    settings = stem == "document"
    columns = []
    for kolom in columns_of(type(data), []):
        inner, _ = _unwrap(kolom.annotation)
        if settings and kolom.field[0] not in DOKUMEN:
            continue
        if kolom.items == "ids" and typing.get_args(inner)[0] == Id:
            continue  # a list of ids has its own sheet (Renja)
        if len(kolom.field) > 1 and getattr(data, str(kolom.field[0])) is None and not settings:
            continue  # an optional part the file does not have (akhir_periode)
        columns.append(replace(kolom, header=_label(kolom.field), width=80))
    if not columns:
        return None
    title = ISIAN_NAMES.get(stem, stem.replace("_", " ").title())
    return Lembar(
        f"Isian {title}",
        stem,
        "Pengaturan dokumen (document.toml) yang berubah tiap dokumen"
        if settings
        else f"Isian {title} di luar tabel",
        "Isian",
        (type(data),),
        columns,
        [Baris(k.header, None, 0, (), data) for k in columns],
        lambda parent, _: (),
        id_field=False,
        bentuk="isian",
    )


def _computed(c: Any, lembar: Lembar) -> Lembar:
    """A sheet of the LKjIP's with a column computed from its own: an alokasi's serapan, the
    year's target the quarters make (by the indicator's `agregasi_triwulan`)."""
    if lembar.stem == "kinerja" and lembar.name == "Alokasi":
        return replace(lembar, hitung=[_serapan(())])
    if lembar.stem == "kinerja" and lembar.name == "Target Triwulan":
        agregasi = {i.id: i.agregasi_triwulan for _, i in c.rencana.located_indikator()}

        def formula(r: int, letters: dict[Any, str], baris: Baris) -> str | None:
            cells = f"{letters[(0,)]}{r}:{letters[(3,)]}{r}"
            rule = agregasi.get(baris.key)
            if rule == "akhir":
                return f'=IF(ISBLANK({letters[(3,)]}{r}),"",{letters[(3,)]}{r})'
            if rule in ("jumlah", "rata"):
                total = "SUM" if rule == "jumlah" else "AVERAGE"
                return f'=IF(COUNT({cells})=0,"",{total}({cells}))'
            return None

        return replace(lembar, hitung=[Hitung("Target Tahunan", formula)])
    return lembar


def _pk_lookups(c: Any, lembar: Lembar, sheets: list[Lembar]) -> Lembar:
    """A PK's indicator sheets (PK Indikator, PK Target) show beside each id the indicator's
    name, satuan and the Renstra's target of the year, looked up on the Indikator sheet, so
    the agreed target is typed against the plan's."""
    from openpyxl.utils import get_column_letter

    if lembar.stem != "perjanjian":
        return lembar
    plan = next(s for s in sheets if s.name == "Indikator")
    heads = layout(plan)
    tahun = c.settings.tahun
    wanted = (
        ("Nama", "Nama Indikator", 60),
        ("Satuan", "Satuan", 14),
        (f"Target {tahun}", f"Target Renstra {tahun}", 16),
    )
    hitung = []
    for header, shown, width in wanted:
        if header not in heads:
            continue
        last = get_column_letter(len(heads))
        index = heads.index(header) - heads.index(plan.key) + 1
        key = get_column_letter(heads.index(plan.key) + 1)

        table = f"Indikator!${key}$4:${last}${LAST_ROW}"

        def lookup(r: int, table: str = table, index: int = index) -> str:
            return f'=IFERROR(VLOOKUP($A{r},{table},{index},0),"")'

        hitung.append(Hitung(shown, lookup=lookup, width=width))
    return replace(lembar, hitung=[*lembar.hitung, *hitung])


def sheets_of(c: Any) -> list[Lembar]:
    """Every sheet of the document `c`'s data workbook, in the order a planner reads them."""
    from ..model.anggaran import ProgramTree
    from ..model.content import LkjipContent
    from ..model.pk import PkContent
    from ..model.rencana_program import RencanaProgram

    out = plan_sheets(c)
    lkjip = isinstance(c, LkjipContent)
    if lkjip:
        out.append(realisasi_sheet(c))
    if "kinerja" in c.sources:
        riwayat = {"riwayat": tuple(c.settings.tahun - n for n in TAHUN_RIWAYAT)} if lkjip else {}
        out += content_sheets(
            "kinerja", type(c.kinerja), c.kinerja, ("realisasi",), tahun_baris=riwayat
        )
    if lkjip:
        out += program_sheets(c, c.program, ProgramTree, True)
    elif isinstance(c, PkContent):
        out += program_sheets(c, c.anggaran, type(c.anggaran), False, "anggaran")
        # optional (without it the PK holds every sasaran indicator): its sheets are there empty,
        # and the import writes the file when they are filled
        out += content_sheets("perjanjian", type(c.perjanjian), c.perjanjian)
    elif getattr(c, "program", None) is not None and "program" in c.sources:
        out += program_sheets(c, c.program, RencanaProgram, False)
        out += content_sheets("program", RencanaProgram, c.program, ("program",))
    for stem in ("evaluasi", "analisis", "sumber_daya", "spm"):
        if stem in c.sources and getattr(c, stem, None) is not None:
            data = getattr(c, stem)
            out += content_sheets(stem, type(data), data)
    if "tabel" in c.sources and getattr(c, "tabel", None) is not None:
        out += tabel_sheets(c.tabel)
    for stem in ISIAN_STEMS:
        data = c.settings if stem == "document" else getattr(c, stem, None)
        if stem in c.sources and isinstance(data, BaseModel):
            isian = isian_sheet(stem, data)
            out += [isian] if isian is not None else []
    out = [_computed(c, lembar) for lembar in out]
    if isinstance(c, PkContent):
        out = [_pk_lookups(c, lembar, out) for lembar in out]
    names: set[str] = set()
    for n, lembar in enumerate(out):  # a sheet name is unique in a workbook
        name, k = lembar.name, 2
        while name in names:
            name, k = f"{lembar.name[:28]} {k}", k + 1
        names.add(name)
        out[n] = replace(lembar, name=name)
    return out


# -------------------------------------------------------------------------------- workbook
def cell_value(value: Any, kolom: Kolom) -> Any:
    """A node's value as a cell holds it."""
    if kolom.tanda is not None:
        return TANDA if value and kolom.tanda in value else None
    if kolom.items is not None:
        if not value:
            return None
        return ("\n" if kolom.items == "text" else ", ").join(str(v) for v in value)
    if isinstance(value, Nilai):
        return (
            None
            if value.nilai is None
            else f"{format(value.nilai, 'f')} {value.satuan or ''}".strip()
        )
    if isinstance(value, Tertulis):  # a predikat or n.a as written; a note in double quotes
        return f'"{value.teks}"' if value.jenis == "catatan" else value.teks
    if isinstance(value, bool):
        return YA if value else TIDAK
    if isinstance(value, Decimal):
        # openpyxl stores numbers as float; a whole amount is kept an int so it prints exactly
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def data_workbook(c: Content) -> bytes:
    """The data workbook of the document `c` as .xlsx bytes; the same content always gives
    the same bytes."""
    from openpyxl import Workbook

    sheets = sheets_of(c)
    workbook = Workbook()
    petunjuk = workbook.active
    petunjuk.title = PETUNJUK
    daftar = workbook.create_sheet(DAFTAR)
    lists = _lists(daftar, sheets)
    for lembar in sheets:
        if lembar.bentuk == "isian":
            _isian(workbook.create_sheet(lembar.name), lembar, lists)
        else:
            _sheet(workbook.create_sheet(lembar.name), lembar, lists)
    _petunjuk(petunjuk, c, sheets)
    workbook.move_sheet(DAFTAR, offset=len(workbook.sheetnames))
    daftar.sheet_state = "hidden"
    moment = max(datetime.combine(_tanggal(c), datetime.min.time()), datetime(1980, 1, 1))
    workbook.properties.title = f"Data {c.settings.jenis} - {c.agency.nama_lengkap}"
    workbook.properties.creator = "laporgen"
    workbook.properties.created = workbook.properties.modified = moment
    # openpyxl writes formulas without their results: the spreadsheet computes them on opening
    workbook.calculation.fullCalcOnLoad = True
    return workbook_bytes(workbook, moment)


def _tanggal(c: Any) -> dt.date:
    import datetime as dt

    tanda_tangan = getattr(c.settings, "tanda_tangan", None)
    return getattr(tanda_tangan, "tanggal", None) or dt.date(int(str(c.rencana.periode[0])), 1, 1)


def _lists(daftar: Worksheet, sheets: list[Lembar]) -> dict[str, str]:
    """Write the drop-down lists that are not a sheet's own column (satuan in use, yes/no)
    into the hidden sheet; their ranges by name."""
    satuan = sorted(
        {
            str(value_at(b.node, ("satuan",)))
            for s in sheets
            for b in s.rows
            if value_at(b.node, ("satuan",))
        }
    )
    out = {}
    for col, (name, values) in enumerate((("satuan", satuan), ("ya_tidak", [YA, TIDAK])), start=1):
        letter = chr(ord("A") + col - 1)
        daftar.cell(row=1, column=col, value=name)
        for r, value in enumerate(values, start=2):
            daftar.cell(row=r, column=col, value=value).data_type = "s"
        out[name] = f"{DAFTAR}!${letter}$2:${letter}${max(2, len(values) + 1)}"
    return out


def layout(lembar: Lembar) -> list[str]:
    """The headers of a sheet, left to right."""
    if lembar.bentuk == "isian":
        return [lembar.key, NILAI]
    heads = []
    if lembar.tingkat:
        heads.append("Tingkat")
    if lembar.induk:
        heads.append(lembar.induk)
    heads.append(lembar.key)
    heads += [k.header for k in lembar.columns]
    heads += [h.header for h in lembar.hitung]
    return heads


def _sheet(sheet: Worksheet, lembar: Lembar, lists: dict[str, str]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    heads = layout(lembar)
    fixed = len(heads) - len(lembar.columns) - len(lembar.hitung)
    letters = {k.field: get_column_letter(fixed + i + 1) for i, k in enumerate(lembar.columns)}
    grey = PatternFill("solid", start_color=READ_ONLY_FILL, end_color=READ_ONLY_FILL)
    head = PatternFill("solid", start_color=HEAD_FILL, end_color=HEAD_FILL)
    sheet.cell(row=1, column=1, value=lembar.judul).font = Font(bold=True)
    sheet.cell(
        row=2,
        column=1,
        value="Kolom putih diisi; kolom abu-abu dihitung atau tidak berlaku. Baca lembar Petunjuk.",
    ).font = Font(italic=True)
    widths = (
        ([12] if lembar.tingkat else [])
        + ([12] if lembar.induk else [])
        + [10]
        + [k.width for k in lembar.columns]
        + [h.width for h in lembar.hitung]
    )
    for i, (text, width) in enumerate(zip(heads, widths, strict=True), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=i, value=text)
        cell.font = Font(bold=True)
        cell.fill = head
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(i)].width = width
        kolom = lembar.columns[i - fixed - 1] if fixed < i <= fixed + len(lembar.columns) else None
        if kolom is not None and kolom.note:
            cell.comment = Comment(kolom.note, "laporgen")
    sheet.row_dimensions[HEADER_ROW].height = 30  # two lines: "Capaian 2024" / "(%)"
    first = HEADER_ROW + 1
    last_data = first + len(lembar.rows) - 1
    unlocked = Protection(locked=False)
    for r in range(first, last_data + 1 + SPARE_ROWS):
        baris = lembar.rows[r - first] if r <= last_data else None
        values: list[Any] = []
        if lembar.tingkat:
            values.append(TINGKAT[baris.tingkat] if baris else None)
        if lembar.induk:
            values.append(baris.induk if baris else None)
        values.append(baris.cell if baris else None)
        for i, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=i, value=value)
            if value is not None:
                cell.data_type = "s"
            cell.protection = unlocked
            cell.alignment = Alignment(vertical="top")
        for i, kolom in enumerate(lembar.columns, start=fixed + 1):
            cell = sheet.cell(row=r, column=i)
            if lembar.computed(kolom, baris):
                cell.value = _sum_formula(lembar, kolom, r, first, letters, fixed)
                cell.fill = grey
                cell.comment = _note(lembar)
            elif baris is not None and not lembar.applies(kolom, baris.tingkat):
                cell.fill = grey
            else:
                value = cell_value(value_at(baris.node, kolom.field), kolom) if baris else None
                if value is not None:
                    cell.value = value
                    if isinstance(value, str):
                        cell.data_type = "s"  # text, never a formula
                cell.protection = unlocked
            if kolom.number:
                cell.number_format = "#,##0" if kolom.rupiah else "General"
            cell.alignment = Alignment(vertical="top", wrap_text=kolom.width >= 30)
        if baris is not None:
            _fit_height(sheet, r, baris, lembar)
        for i, hitung in enumerate(lembar.hitung, start=fixed + len(lembar.columns) + 1):
            cell = sheet.cell(row=r, column=i)
            cell.fill = grey
            cell.number_format = hitung.number_format
            cell.alignment = Alignment(vertical="top", wrap_text=hitung.width >= 30)
            if hitung.lookup is not None:
                cell.value = hitung.lookup(r)
            if baris is None:
                continue
            if hitung.formula is not None:
                cell.value = hitung.formula(r, letters, baris)
            elif hitung.value is not None:
                cell.value = cell_value(hitung.value(baris), lembar.columns[0])
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    end = last_data + SPARE_ROWS
    _validations(sheet, lembar, lists, fixed, first, end)
    sheet.freeze_panes = sheet.cell(row=first, column=fixed + 1)
    sheet.protection.sheet = True
    for allowed in (
        "formatColumns",
        "formatRows",
        "formatCells",
        "insertRows",
        "deleteRows",
        "sort",
        "autoFilter",
    ):
        setattr(sheet.protection, allowed, False)
    sheet.page_setup.orientation = "landscape"  # printed for checking: every column on the page
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _sum_formula(
    lembar: Lembar, kolom: Kolom, r: int, first: int, letters: dict[Any, str], fixed: int
) -> str:
    """The SUMIF of a computed cell: the column over the rows whose Induk (or, on a child
    sheet, column A) is this row's key."""
    from openpyxl.utils import get_column_letter

    assert lembar.jumlah is not None
    key = f"${get_column_letter(fixed)}{r}"
    if not lembar.jumlah.letters:  # the rows under are on this sheet, named in the Induk column
        induk, column = get_column_letter(fixed - 1), letters[kolom.field]
        return f"=SUMIF(${induk}${first}:${induk}${LAST_ROW},{key},{column}${first}:{column}${LAST_ROW})"
    sheet, column = lembar.jumlah.anak, lembar.jumlah.letters[kolom.field]
    return (
        f"=SUMIF('{sheet}'!$A${first}:$A${LAST_ROW},{key},"
        f"'{sheet}'!{column}${first}:{column}${LAST_ROW})"
    )


def _note(lembar: Lembar) -> Comment:
    """The note of a computed cell: what it sums and where to change it."""
    from openpyxl.comments import Comment

    assert lembar.jumlah is not None
    note = Comment(lembar.jumlah.catatan, "laporgen")
    note.width, note.height = 260, 80
    return note


def _isian(sheet: Worksheet, lembar: Lembar, lists: dict[str, str]) -> None:
    """An Isian sheet: a label and its value per row; the labels locked, the values not."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    grey = PatternFill("solid", start_color=READ_ONLY_FILL, end_color=READ_ONLY_FILL)
    head = PatternFill("solid", start_color=HEAD_FILL, end_color=HEAD_FILL)
    sheet.cell(row=1, column=1, value=lembar.judul).font = Font(bold=True)
    sheet.cell(
        row=2,
        column=1,
        value="Kolom Nilai diisi; daftar ditulis satu butir per baris sel (Alt+Enter).",
    ).font = Font(italic=True)
    for i, (text, width) in enumerate(zip(layout(lembar), (34, 90), strict=True), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=i, value=text)
        cell.font, cell.fill = Font(bold=True), head
        sheet.column_dimensions["AB"[i - 1]].width = width
    first = HEADER_ROW + 1
    for r, (baris, kolom) in enumerate(zip(lembar.rows, lembar.columns, strict=True), start=first):
        label = sheet.cell(row=r, column=1, value=baris.key)
        label.data_type, label.fill = "s", grey
        label.alignment = Alignment(vertical="top", wrap_text=True)
        cell = sheet.cell(row=r, column=2)
        value = cell_value(value_at(baris.node, kolom.field), kolom)
        if value is not None:
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
        cell.protection = Protection(locked=False)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if kolom.number:
            cell.number_format = "#,##0" if kolom.rupiah else "General"
        if isinstance(value, str):  # a list of isu strategis is read whole here: up to 40 lines
            sheet.row_dimensions[r].height = 15 * min(_lines(value, 110), 40)
        dv = _rule(kolom, lists, first)
        if dv is not None:
            dv.add(f"B{r}")
            sheet.add_data_validation(dv)
    sheet.freeze_panes = sheet.cell(row=first, column=2)
    sheet.protection.sheet = True
    for allowed in ("formatColumns", "formatRows", "formatCells"):
        setattr(sheet.protection, allowed, False)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _fit_height(sheet: Worksheet, r: int, baris: Baris, lembar: Lembar) -> None:
    """Give a row with wrapped long text the lines it needs: a spreadsheet opening the file
    keeps the default height of a row written without one, and the text would overlap."""
    lines = 1
    for kolom in lembar.columns:
        value = cell_value(value_at(baris.node, kolom.field), kolom)
        if (kolom.width >= 30 or kolom.items) and isinstance(value, str):
            lines = max(lines, _lines(value, kolom.width))
    if lines > 1:  # at most 8 lines: a long definisi is read in the cell, not on the sheet
        sheet.row_dimensions[r].height = 15 * min(lines, 8)


def _lines(text: str, width: int) -> int:
    """The lines `text` wraps to in a column `width` characters wide (capitals are wide)."""
    per_line = max(int(width * 0.85), 1)
    return sum(-(-max(len(line), 1) // per_line) for line in text.split("\n"))


def _drop_down(formula: str, strict: bool = True) -> DataValidation:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    dv.errorStyle = "stop" if strict else "warning"
    dv.error = (
        "Pilih nilai dari daftar." if strict else "Nilai ini belum ada di daftar; periksa ejaannya."
    )
    dv.errorTitle = "laporgen"
    return dv


ID_SOURCES = {
    ("tujuan",): ("Tujuan", "A"),
    ("sasaran",): ("Sasaran", "B"),
    ("indikator",): ("Indikator", "B"),
    ("program",): ("Program", "C"),
}
"""A column holding an id of another sheet's rows: that sheet and its key column."""


def _rule(kolom: Kolom, lists: dict[str, str], first: int) -> DataValidation | None:
    """The data validation of a value column: a drop-down of its closed values or ids, or
    a number check; None for free text."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..model.fields import Id

    if kolom.tanda is not None:
        return _drop_down(f'"{TANDA}"')
    if kolom.items is not None:
        return None
    if kolom.choices and set(kolom.choices) == {YA, TIDAK}:
        return _drop_down(lists["ya_tidak"])
    if kolom.choices:  # `akhir` takes "last"/"sum"/"max" or a number: a warning only
        return _drop_down('"' + ",".join(kolom.choices) + '"', strict=not kolom.number)
    if kolom.field == ("satuan",):
        return _drop_down(lists["satuan"], strict=False)
    if kolom.field in ID_SOURCES and _unwrap(kolom.annotation)[0] == Id:
        source, where = ID_SOURCES[kolom.field]
        return _drop_down(f"'{source}'!${where}${first}:${where}${LAST_ROW}", strict=False)
    if kolom.number and not kolom.teks_boleh and Nilai not in _parts(kolom.annotation):
        # not "336 Orang/Bulan" (a target with its unit) nor a declared table's "N.a": text
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1E+15",
            formula2="1E+16",
            allow_blank=True,
        )
        dv.error, dv.errorTitle = "Ketik angka (desimal dengan koma atau titik).", "laporgen"
        return dv
    return None


def _validations(
    sheet: Worksheet, lembar: Lembar, lists: dict[str, str], fixed: int, first: int, end: int
) -> None:
    from openpyxl.utils import get_column_letter

    def add(letter: str, dv: DataValidation | None) -> None:
        if dv is not None:
            dv.add(f"{letter}{first}:{letter}{end}")
            sheet.add_data_validation(dv)

    column = 1
    if lembar.tingkat:
        add("A", _drop_down('"' + ",".join(TINGKAT) + '"'))
        column += 1
    if lembar.induk:
        sources = list(lembar.induk_dari)
        if len(sources) == 1:
            where = "C" if sources[0] == "Program" else lembar.induk_kolom
            formula = f"'{sources[0]}'!${where}${first}:${where}${LAST_ROW}"
            add(get_column_letter(column), _drop_down(formula, strict=False))
        column += 1
    if lembar.pilihan is not None:
        source, where = lembar.pilihan
        formula = f"'{source}'!${where}${first}:${where}${LAST_ROW}"
        add(get_column_letter(column), _drop_down(formula, strict=not lembar.scoped))
    for i, kolom in enumerate(lembar.columns, start=fixed + 1):
        add(get_column_letter(i), _rule(kolom, lists, first))


def _petunjuk(sheet: Worksheet, c: Any, sheets: list[Lembar]) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        (f"Data {c.settings.jenis.upper()} - {c.agency.nama_lengkap}", True),
        (
            "Buku kerja ini berisi semua tabel data dokumen. Ubah di sini, lalu baca kembali dengan:",
            False,
        ),
        (f"    laporgen import FILE.xlsx --into {display_path(c.folder)}", False),
        ("", False),
        ("Cara mengisi", True),
        (
            (
                "1. Isi hanya sel putih. Sel abu-abu dihitung otomatis (jumlah pagu, serapan, capaian) atau tidak "
                "berlaku untuk baris itu, dan dikunci. Sel jumlah (pagu program, anggaran program T-C.24) "
                "memberi catatan dari mana jumlahnya; angka yang diketik di atasnya dan tidak sama dengan "
                "jumlah baris di bawahnya ditolak saat impor."
            ),
            False,
        ),
        (
            (
                '2. Angka boleh dengan koma atau titik desimal (92,5 atau 92.5). Rupiah tanpa "Rp" dan tanpa desimal '
                "bila bulat."
            ),
            False,
        ),
        (
            (
                "3. Kolom ID: pengenal baris (T1, S1.1, IS1.1, P1, K1.1). Jangan ubah ID baris yang sudah ada; "
                "untuk baris baru, isi ID baru yang belum dipakai."
            ),
            False,
        ),
        (
            (
                "4. Baris baru: isi pada baris kosong di bawah tabel. Kolom Induk menunjuk ID baris induknya "
                "(sasaran → tujuan, indikator → tujuan/sasaran, kegiatan → program, sub kegiatan → kegiatan)."
            ),
            False,
        ),
        (
            (
                "   Lembar dengan kolom No (Strategi, Indikator Program, T-C.23, T-C.24, SDM, Aset, ...): No baris "
                "baru boleh dikosongkan atau diisi nomor sesudah nomor terakhir di bawah induk yang sama (Indikator "
                "Program: P1/2). Jangan ubah No baris yang sudah ada."
            ),
            False,
        ),
        (
            (
                "5. Menghapus baris: kosongkan seluruh isian baris itu, atau buka proteksi lembar "
                "(Review > Unprotect Sheet, tanpa kata sandi) lalu hapus barisnya."
            ),
            False,
        ),
        (
            "6. Pilihan tertutup (arah, tingkat, ya/tidak, ID induk, satuan) memakai daftar pilihan sel.",
            False,
        ),
        (
            (
                "7. Sel berisi daftar (Arah Kebijakan, Akar Masalah, Rencana Aksi, Misi): satu butir per baris "
                "di dalam sel (Alt+Enter). Daftar ID atau tahun dipisah koma (P4, K4.1)."
            ),
            False,
        ),
        (
            (
                "8. Kolom tahun pada lembar Strategi: isi ✓ pada tahun berlakunya strategi dan arah "
                "kebijakannya, kosongkan bila tidak."
            ),
            False,
        ),
        (
            (
                "9. Lembar anak (Alokasi, PK Target, PK Baris Lain, Masalah, Strategi): kolom pertama menunjuk "
                "baris induknya (ID sasaran, No PK, No permasalahan). Lembar Isian: satu isian per baris "
                "(nama, visi, misi, SWOT, ...); ubah hanya kolom Nilai."
            ),
            False,
        ),
        (
            (
                "10. Lembar Isian Dokumen: pengaturan document.toml yang berubah tiap dokumen (tahun, "
                "Renstra yang dibaca, kertas, huruf, tempat dan tanggal tanda tangan, pihak kedua PK). "
                "Nama, NIP dan jabatan penandatangan ada di lembar Isian Perangkat Daerah (Kepala). "
                "Perjanjian Kinerja: lembar PK Indikator (kosong: semua indikator sasaran) dan PK Target "
                "(target yang disepakati berbeda dari Renstra) membuat perjanjian.yaml bila diisi."
            ),
            False,
        ),
        (
            (
                "11. laporgen import memeriksa setiap sel dulu; bila ada yang salah, pesannya menyebut lembar dan sel "
                "(mis. Indikator!E7) dan tidak ada file yang diubah."
            ),
            False,
        ),
        ("", False),
        ("Lembar", True),
    ]
    lines += [(f"{s.name}: {s.judul} ({len(s.rows)} baris)", False) for s in sheets]
    for r, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=r, column=1, value=text)
        cell.data_type = "s"
        cell.font = Font(bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if len(text) > 60:
            sheet.row_dimensions[r].height = 15 * -(-len(text) // 60)
    sheet.column_dimensions[
        "A"
    ].width = 72  # the page's width: the text wraps on screen and on paper
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
