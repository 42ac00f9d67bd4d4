"""`laporgen import data.xlsx --into PATH`: the data workbook (`data_workbook.py`) back into
the document's content files, through the content editor (`content_edit.py`).

Every cell of every sheet is read and checked first; a cell that cannot be read is reported by
sheet and cell ("Indikator!E7"). A changed value becomes a `Set` of its field path, a row added
in the workbook an `Append` of a new node (with the new rows under it, a new sasaran with its
indicators), a row no longer there a `Delete`. The edited files are then loaded as a whole
document (in a copy of the folders) and written together only if it loads; nothing is written
otherwise. A workbook imported unchanged changes no byte.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from ..errors import LaporgenError, Problem, display_path
from ..i18n import _
from ..jenis import load_document
from ..model.nilai import NA, Nilai, Tertulis
from ..model.read import read_text
from ..model.source import format_path
from ..output import write_all_atomic
from .content_edit import Append, Delete, Edit, Set, edited_text
from .data_workbook import (
    TANDA,
    TIDAK,
    TINGKAT,
    YA,
    Baris,
    Kolom,
    Lembar,
    is_set,
    layout,
    sheets_of,
    value_at,
)
from .xlsx_cells import (
    HEADER_SEARCH_ROWS,
    CellError,
    cell_order,
    header_text,
    number_of_cell,
    number_of_text,
    open_workbook,
)

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from ..model.content import Content

_WITH_UNIT = re.compile(r"(-?[\d.,]+)\s+(\S.*)")
"""A target with its own unit, as exported: "336 Orang/Bulan"."""


@dataclass
class _Row:
    """A row read from a sheet: its cells' values by column field, and where it is."""

    r: int
    key: str
    induk: str | None
    tingkat: int
    values: dict[tuple[Any, ...], Any]
    shown: str = ""
    """The key as its cell holds it (the row's own part of a "parent/key" key)."""
    at: str = ""
    """The key's cell ("Strategi!B5"): where a problem with the key is reported."""
    baris: Baris | None = None
    children: dict[str, list[_Row]] = field(default_factory=dict)
    """New rows under a new row, by the field of the list that holds them."""
    typed: dict[tuple[Any, ...], tuple[str, Any]] = field(default_factory=dict)
    """The values typed (not a formula) in the cells that are computed where the row has rows
    under it (`Jumlah`), with their cell: what the import checks against the sum."""


class _Reader:
    def __init__(self, xlsx: Path, formulas: Workbook, predikat: tuple[str, ...] = ()):
        self.file = xlsx.name
        self.formulas = formulas
        self.problems: list[Problem] = []
        self.predikat = predikat
        """The predikat of the document's declared scales: text a value cell may hold."""

    def problem(
        self, where: str, message: str, hint: str | None = None, code: str = "import.cell"
    ) -> None:
        self.problems.append(Problem(self.file, message, field=where, hint=hint, code=code))

    def rows(self, sheet: Worksheet, lembar: Lembar) -> list[_Row]:
        heads = tuple(h.lower() for h in layout(lembar))
        found = None
        for r, row in enumerate(
            sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=len(heads)), start=1
        ):
            if tuple(header_text(c.value) for c in row) == heads:
                found = r
                break
        if found is None:
            self.problem(
                f"{sheet.title}!A1",
                _("the column headers are not the exported ones ({headers})").format(
                    headers=", ".join(layout(lembar))
                ),
                _("export the workbook again with laporgen export PATH --template data"),
                "import.sheet",
            )
            return []
        self.unknown_columns(sheet, found, len(heads))
        fixed = int(lembar.tingkat) + int(bool(lembar.induk)) + 1
        width = fixed + (1 if lembar.bentuk == "isian" else len(lembar.columns))
        out = []
        for r, cells in enumerate(
            sheet.iter_rows(min_row=found + 1, max_col=width), start=found + 1
        ):
            if lembar.bentuk == "isian":
                row = self.isian(sheet.title, lembar, r, cells)
            else:
                row = self.row(sheet.title, lembar, r, cells, fixed)
            if row is not None:
                out.append(row)
        return out

    def unknown_columns(self, sheet: Worksheet, header: int, known: int) -> None:
        """A column added right of the exported ones is not read: one that holds a value is an
        error naming its first filled cell, so no typed value is dropped silently."""
        if sheet.max_column <= known:
            return
        for column in sheet.iter_cols(min_col=known + 1, min_row=header):
            cell = next((c for c in column[1:] if header_text(c.value)), None)
            if cell is None:
                continue
            head = header_text(column[0].value)
            self.problem(
                f"{sheet.title}!{cell.coordinate}",
                _(
                    "{value} is in a column that is not exported ({header}): it would be lost"
                ).format(
                    value=repr(str(cell.value).strip()),
                    header=repr(str(column[0].value).strip()) if head else _("no header"),
                ),
                _(
                    "type it in the sheet's own columns, or empty the column; the columns this "
                    "document has come with laporgen export PATH --template data"
                ),
                "import.column",
            )

    def isian(self, title: str, lembar: Lembar, r: int, cells: tuple[Cell, ...]) -> _Row | None:
        """A row of an Isian sheet: a label of the exported ones and its value."""
        label = " ".join(str(cells[0].value or "").split())
        if not label and cells[1].value in (None, ""):
            return None
        kolom = next((k for k in lembar.columns if k.header == label), None)
        if kolom is None:
            self.problem(
                f"{title}!A{r}",
                _("{label} is not one of the exported rows").format(label=repr(label)),
                _("keep the labels of column A as exported"),
                "import.id",
            )
            return None
        value = self.value(f"{title}!B{r}", cells[1], kolom)
        return _Row(r, label, None, 0, {kolom.field: value}, label, f"{title}!A{r}")

    def row(
        self, title: str, lembar: Lembar, r: int, cells: tuple[Cell, ...], fixed: int
    ) -> _Row | None:
        def text(cell: Cell) -> str:
            value = cell.value
            if value is None:
                return ""
            if isinstance(value, float) and value == int(value):
                value = int(value)
            return str(value).strip()

        head = [text(c) for c in cells[:fixed]]
        inputs = cells[fixed:]
        tingkat_text = head[0] if lembar.tingkat else ""
        tingkat = 0
        sums = lembar.jumlah.fields if lembar.jumlah is not None else frozenset()
        # a parent's sums are formulas (`data_only` reads their cached results): not what makes a
        # row "filled", and never read as its values
        formula = {
            k.field
            for c, k in zip(inputs, lembar.columns, strict=True)
            if k.field in sums and self.formulas[title][c.coordinate].data_type == "f"
        }
        filled = any(
            text(c) for c, k in zip(inputs, lembar.columns, strict=True) if k.field not in formula
        )
        if not filled and not any(head):
            return None
        if lembar.tingkat:
            names = [t.lower() for t in TINGKAT]
            if tingkat_text.lower() not in names:
                self.problem(
                    f"{title}!A{r}",
                    _("Tingkat must be one of {choices}, got {value}").format(
                        choices=", ".join(TINGKAT), value=repr(tingkat_text)
                    ),
                    _("pick it from the cell's list"),
                )
                return None
            tingkat = names.index(tingkat_text.lower())
        induk = head[fixed - 2] if lembar.induk else None
        key = head[-1]
        key_cell = cells[fixed - 1]
        if not key and lembar.id_field or not key and lembar.mapping:
            self.problem(
                f"{title}!{key_cell.coordinate}",
                _("the row has values but no {column}").format(column=lembar.key),
                _("give the new row an ID not used yet"),
                "import.id",
            )
            return None
        if key and (lembar.id_field or lembar.mapping):
            try:
                from ..model.fields import Id

                TypeAdapter(Id).validate_python(key)
            except ValidationError:
                self.problem(
                    f"{title}!{key_cell.coordinate}",
                    _("{value} is not an ID").format(value=repr(key)),
                    _("letters, digits, '.', '_' or '-', e.g. K1.2"),
                    "import.id",
                )
                return None
        values: dict[tuple[Any, ...], Any] = {}
        ticks: dict[tuple[Any, ...], Any] = {}
        typed: dict[tuple[Any, ...], tuple[str, Any]] = {}
        for cell, kolom in zip(inputs, lembar.columns, strict=True):
            applies = lembar.applies(kolom, tingkat)
            typed_sum = kolom.field in sums and cell.value not in (None, "")
            if kolom.field in formula:
                continue
            if not applies and not typed_sum:
                if text(cell) and self.formulas[title][cell.coordinate].data_type != "f":
                    self.problem(
                        f"{title}!{cell.coordinate}",
                        _("a {level} has no {column}: {value} would be lost").format(
                            level=TINGKAT[tingkat] if lembar.tingkat else lembar.name,
                            column=kolom.header,
                            value=repr(text(cell)),
                        ),
                        _("empty the cell, or check the row's Tingkat"),
                    )
                continue
            value = self.value(f"{title}!{cell.coordinate}", cell, kolom)
            if typed_sum:
                typed[kolom.field] = (f"{title}!{cell.coordinate}", value)
            if not applies:
                continue
            if kolom.tanda is None:
                values[kolom.field] = value
            elif value is _INVALID or ticks.get(kolom.field) is _INVALID:
                ticks[kolom.field] = _INVALID
            else:  # the ✓ columns of one list of years
                ticks.setdefault(kolom.field, [])
                if value:
                    ticks[kolom.field].append(kolom.tanda)
        values.update({f: years or None for f, years in ticks.items()})
        shown = key
        if lembar.scoped and key:
            key = f"{induk}/{key}"
        return _Row(
            r,
            key,
            induk or None,
            tingkat,
            values,
            shown,
            f"{title}!{key_cell.coordinate}",
            typed=typed,
        )

    def value(self, where: str, cell: Cell, kolom: Kolom) -> Any:
        raw = cell.value
        if isinstance(raw, str) and not raw.strip():
            raw = None
        if raw is None:
            return None
        try:
            if kolom.tanda is not None:
                if str(raw).strip().lower() not in TICKS:
                    raise CellError(
                        _("expected {mark} or an empty cell, got {value}").format(
                            mark=TANDA, value=repr(str(raw).strip())
                        ),
                        _("pick it from the cell's list"),
                    )
                return True
            if kolom.items is not None:
                text = str(number_of_cell(raw)) if isinstance(raw, int | float) else str(raw)
                parts = text.split("\n") if kolom.items == "text" else re.split(r"[,;\n]", text)
                items = [p.strip() for p in parts if p.strip()]
                return TypeAdapter(kolom.annotation).validate_python(items) if items else None
            if kolom.choices and set(kolom.choices) == {YA, TIDAK}:
                word = str(raw).strip().lower()
                if word not in (YA, TIDAK, "true", "false"):
                    raise CellError(
                        _("expected {yes} or {no}, got {value}").format(
                            yes=YA, no=TIDAK, value=repr(str(raw).strip())
                        ),
                        _("pick it from the cell's list"),
                    )
                return word in (YA, "true")
            if kolom.number:
                value = self.number(raw, cell.number_format or "General", kolom)
            elif isinstance(raw, int | float) and not isinstance(raw, bool):
                value = str(number_of_cell(raw))
            elif isinstance(
                raw, dt.date
            ):  # a date cell: pydantic takes a datetime at midnight as a date
                value = raw
            else:
                value = str(raw).strip()
            return TypeAdapter(kolom.annotation).validate_python(value)
        except CellError as exc:
            self.problem(where, exc.message, exc.hint)
        except ValidationError as exc:
            error = exc.errors()[0]
            message = error["msg"]
            if kolom.choices and error.get("type") in ("literal_error", "union_tag_invalid"):
                message = _("expected one of {choices}, got {value}").format(
                    choices=", ".join(kolom.choices), value=repr(str(raw).strip())
                )
            self.problem(
                where, message, _("pick it from the cell's list") if kolom.choices else None
            )
        return _INVALID

    def number(self, raw: Any, number_format: str, kolom: Kolom) -> Any:
        if not isinstance(raw, str):
            return number_of_cell(raw, number_format)
        try:
            return number_of_text(raw)
        except CellError:
            text = raw.strip()
            if text in kolom.choices or kolom.teks_boleh:
                return text
            unit = _WITH_UNIT.fullmatch(text)
            if unit and any(p is Nilai for p in _nilai_parts(kolom)):
                return Nilai(nilai=number_of_text(unit.group(1)), satuan=unit.group(2).strip())
            if any(p is Tertulis for p in _nilai_parts(kolom)):
                return _tertulis(text, self.predikat)
            raise


def _tertulis(text: str, predikat: tuple[str, ...]) -> str | dict[str, str]:
    """Text in a value cell: n.a or a declared predikat as written, a note in double quotes
    (how the workbook writes one) as `{teks: …}`; other text is a number typed wrongly ("sembilan
    puluh") and stays an error."""
    if re.fullmatch(NA, text) or text in predikat:
        return text
    if len(text) > 2 and text[0] == text[-1] == '"':
        return {"teks": text[1:-1]}
    raise CellError(
        _('expected a number, got "{text}"').format(text=text),
        _(
            "type a number, n.a, a predikat of the declared scale ({predikat}), or a note in double quotes"
        ).format(predikat=", ".join(predikat) or "-"),
    )


_INVALID = object()
TICKS = (TANDA, "v", "x", "ya", "1")
"""What a ✓ cell may hold for a ticked year."""


def _nilai_parts(kolom: Kolom) -> list[Any]:
    from .data_workbook import _parts

    return _parts(kolom.annotation)


def _following(row: _Row, existing: dict[str, Baris], scoped: bool) -> str | None:
    """None when the No of a row not exported numbers a new row: a whole number after every
    exported No under the same parent ("S2/1", "P1/2": the part after the parent's ID).
    Otherwise the No the next new row may take, as its cell shows it, for the hint."""
    scope, _sep, number = row.key.rpartition("/")
    numbers = [
        int(n)
        for s, _s, n in (key.rpartition("/") for key in existing)
        if s == scope and n.isdigit()
    ]
    after = max(numbers, default=0)
    if number.isdigit() and int(number) > after and (not scope or scope == row.induk):
        return None
    return str(after + 1) if scoped or not row.induk else f"{row.induk}/{after + 1}"


# --------------------------------------------------------------------------------- edits
@dataclass
class _Plan:
    """The edits of each content file (by stem) and the lines that report them."""

    edits: dict[str, list[Edit]] = field(default_factory=dict)
    deletes: dict[str, list[tuple]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def add(self, stem: str, edit: Edit, line: str) -> None:
        self.edits.setdefault(stem, []).append(edit)
        self.lines.append(line)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, list | tuple) and not isinstance(old, Nilai) or isinstance(new, list):
        return list(old or []) == list(new or [])
    if isinstance(new, Nilai) or isinstance(old, Nilai):
        return isinstance(new, Nilai) and isinstance(old, Nilai) and new == old
    return old == new if old is not None and new is not None else old is new


def _as_typed(old: Any, new: Any) -> bool:
    """Whether a declared table's text cell ("2.421.000.000,000", a malformed figure `check`
    reports) is the number read from it: unchanged, it stays the text the file holds."""
    if not isinstance(old, str) or not isinstance(new, Decimal):
        return False
    try:
        return number_of_text(old) == new
    except CellError:
        return False


def _yaml_value(value: Any) -> Any:
    if isinstance(value, Nilai):
        return {
            k: v for k, v in (("nilai", value.nilai), ("satuan", value.satuan)) if v is not None
        }
    if isinstance(value, Tertulis):  # as the content file writes it: "B", "n.a", {teks: …}
        return {"teks": value.teks} if value.jenis == "catatan" else value.teks
    return value


def _show(value: Any) -> str:
    if value is None:
        return _("(none)")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Nilai):
        return f"{format(value.nilai, 'f')} {value.satuan}"
    return (
        repr(value)
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )


class _Planner:
    """Turns the rows read from every sheet into the content editor's edits."""

    def __init__(self, content: Content, reader: _Reader):
        self.content = content
        self.reader = reader
        self.plan = _Plan()
        self.keys: dict[str, dict[str, _Row]] = {}
        """The rows read, by sheet and key: where a child row finds its parent."""
        self.made: dict[tuple[str, tuple[Any, ...]], list[_Row]] = {}
        """The lists this import writes anew (by file and path), with their rows."""
        self.read: dict[str, list[_Row]] = {}
        """Every sheet's rows as read, before any is planned (a sheet's sums are another's)."""

    def sheet(self, lembar: Lembar, rows: list[_Row]) -> None:
        existing = {b.key: b for b in lembar.rows if not b.ditawarkan}
        offered = {b.key for b in lembar.rows if b.ditawarkan}
        seen: dict[str, _Row] = {}
        for row in rows:
            if row.key in offered and all(v is None for v in row.values.values()):
                continue  # an offered row left empty
            if row.key and row.key in seen:
                self.reader.problem(
                    row.at,
                    _("{column} {value} is also in row {row}").format(
                        column=lembar.key, value=repr(row.shown), row=seen[row.key].r
                    ),
                    _("keep one row per ID"),
                    "import.id",
                )
                continue
            numbered = not (lembar.id_field or lembar.mapping)
            if row.key and row.key not in existing and numbered:
                following = _following(row, existing, lembar.scoped)
                if following is not None:
                    self.reader.problem(
                        row.at,
                        _("No {value} is not an exported row").format(value=repr(row.shown)),
                        _("number a new row after the last one ({next}) or leave No empty").format(
                            next=following
                        ),
                        "import.id",
                    )
                    continue
                # a new row numbered after the last: a new row, as with No left empty
            if row.key:
                seen[row.key] = row
            row.baris = existing.get(row.key)
        self.keys[lembar.name] = seen
        for row in rows:
            if row.key and seen.get(row.key) is not row:
                continue
            if row.baris is not None:
                self.changed(lembar, row)
            else:
                self.added(lembar, row)
        # a row of an Isian sheet is a field of the file: a missing row is no edit
        gone = [b for key, b in existing.items() if key not in seen and lembar.bentuk != "isian"]
        for baris in gone:
            self.plan.deletes.setdefault(lembar.stem, []).append(baris.path)
            self.plan.lines.append(
                _("{file} {path}: {sheet} {id} removed").format(
                    file=self._file(lembar),
                    path=format_path(baris.path),
                    sheet=lembar.name,
                    id=baris.key,
                )
            )

    def under(self, lembar: Lembar, key: str) -> list[_Row]:
        """The rows read under the row `key` whose sums `lembar` computes (none without)."""
        if lembar.jumlah is None or not key:
            return []
        return [r for r in self.read.get(lembar.jumlah.anak, []) if r.induk == key]

    def sums(self, sheets: list[Lembar]) -> None:
        """Each value typed over a computed cell (a parent's pagu, a T-C.24 program's anggaran)
        against the sum of the rows under it, as they are in the workbook: a disagreeing one is
        a problem naming its cell; an agreeing one is no value of the row (the file keeps the
        parent's money as its rows' sum, never its own)."""
        by_name = {lembar.name: lembar for lembar in sheets}
        for lembar in sheets:
            if lembar.jumlah is None:
                continue
            exported = {b.key: b for b in lembar.rows}
            for row in self.read.get(lembar.name, []):
                under = self.under(lembar, row.key)
                if not under:
                    continue
                for kolom in lembar.columns:
                    if kolom.field not in row.typed:
                        continue
                    where, value = row.typed[kolom.field]
                    row.values.pop(kolom.field, None)
                    if value is _INVALID:
                        continue
                    total = self.total(by_name, by_name[lembar.jumlah.anak], under, kolom.field)
                    baris = exported.get(row.key)
                    if total is None or _same(value, total):
                        continue
                    if (
                        baris is not None
                        and baris.key not in lembar.jumlah.induk
                        and _same(value_at(baris.node, kolom.field), value)
                    ):
                        continue  # a leaf's old money, moved to its new rows (`changed`)
                    self.reader.problem(
                        where,
                        _(
                            "{value} is typed over the sum of the rows under {id}, {total}: "
                            "this cell is computed"
                        ).format(value=_show(value), id=row.shown or row.key, total=_show(total)),
                        _(
                            "change the rows under {id} on the sheet {sheet} (the cell sums "
                            "them), or empty this cell"
                        ).format(id=row.shown or row.key, sheet=lembar.jumlah.anak),
                        "import.jumlah",
                    )

    def total(
        self,
        by_name: dict[str, Lembar],
        lembar: Lembar,
        rows: list[_Row],
        path: tuple[Any, ...],
    ) -> Decimal | None:
        """The sum of the column `path` over `rows` of the sheet `lembar`, a row with rows under
        it counting as their sum, an empty cell as 0 (as the spreadsheet's SUMIF does); None
        when a cell is unreadable."""
        out = Decimal(0)
        for row in rows:
            under = self.under(lembar, row.key)
            if under:
                assert lembar.jumlah is not None
                part = self.total(by_name, by_name[lembar.jumlah.anak], under, path)
            else:
                part = row.values.get(path)
            if part is _INVALID or part is not None and not isinstance(part, Decimal | int):
                return None
            out += part or 0
        return out

    def _file(self, lembar: Lembar) -> str:
        return _path_of(self.content, lembar.stem).name

    def parent(self, lembar: Lembar, row: _Row) -> tuple[Baris | None, _Row | None] | None:
        """The parent of a row: an exported one (Baris) or a new row; None if not found."""
        if not lembar.induk:
            return None, None
        where = f"{lembar.name}!{'B' if lembar.tingkat else 'A'}{row.r}"
        if not row.induk:
            if lembar.tingkat and row.tingkat == 0:
                return None, None
            self.reader.problem(
                where,
                _("the row has no {parent}").format(parent=lembar.induk),
                _("give the ID of its {parent}").format(parent=lembar.induk.lower()),
                "import.id",
            )
            return None
        for name in lembar.induk_dari:
            found = self.keys.get(name, {}).get(row.induk)
            if found is not None:
                if lembar.tingkat and found.tingkat != row.tingkat - 1:
                    self.reader.problem(
                        where,
                        _("{id} is a {level}: a {child} goes under a {parent}").format(
                            id=row.induk,
                            level=TINGKAT[found.tingkat],
                            child=TINGKAT[row.tingkat],
                            parent=TINGKAT[row.tingkat - 1],
                        ),
                        code="import.id",
                    )
                    return None
                return found.baris, found
        self.reader.problem(
            where,
            _("unknown {parent} {value}").format(parent=lembar.induk, value=repr(row.induk)),
            _("an ID of the sheet {sheets}").format(sheets=_(" or ").join(lembar.induk_dari)),
            "import.id",
        )
        return None

    def changed(self, lembar: Lembar, row: _Row) -> None:
        baris = row.baris
        assert baris is not None
        where = f"{lembar.name}!A{row.r}"
        if lembar.tingkat and row.tingkat != baris.tingkat:
            self.reader.problem(
                where,
                _("{id} is a {level}; its Tingkat cannot change").format(
                    id=baris.key, level=TINGKAT[baris.tingkat]
                ),
                _("add a new row for the new node and clear this one"),
                "import.id",
            )
            return
        if (baris.induk or None) != row.induk and lembar.induk:
            self.reader.problem(
                f"{lembar.name}!{'B' if lembar.tingkat else 'A'}{row.r}",  # the parent's cell
                _("{id} is under {parent}; a row cannot move to {new}").format(
                    id=baris.key, parent=baris.induk, new=row.induk
                ),
                _("clear this row and add the node again under its new parent"),
                "import.id",
            )
            return
        node = baris.node
        has_children = bool(self.under(lembar, baris.key))
        nested_cleared: set[str] = set()
        for kolom in lembar.fields():
            if kolom.field not in row.values:
                continue
            new = row.values[kolom.field]
            if new is _INVALID:
                continue
            if has_children and lembar.jumlah is not None and kolom.field in lembar.jumlah.fields:
                continue
            old = value_at(node, kolom.field)
            if new is None and old == "":  # an empty text the file writes as ""
                continue
            if new is None and kolom.required:
                self.reader.problem(
                    f"{lembar.name}!{_letter(lembar, kolom)}{row.r}",
                    _("{column} of {id} is empty").format(column=kolom.header, id=baris.key),
                    _("type the value"),
                    "import.cell",
                )
                continue
            if new is None and kolom.default is not None:
                new = kolom.default
            if _same(old, new) or kolom.teks_boleh and _as_typed(old, new):
                continue
            path = (*baris.path, *kolom.field)
            line = f"{self._file(lembar)} {format_path(path)} ({baris.key}): {_show(old)} -> {_show(new)}"
            if new is None and lembar.bentuk == "nilai" and kolom.field:
                self.plan.add(
                    lembar.stem, Set(path, None), line
                )  # a quarter of four: stays in place
                continue
            if new is None or new == kolom.default and not is_set(node, kolom.field):
                if (
                    len(kolom.field) > 1
                    and isinstance(kolom.field[0], str)
                    and not isinstance(kolom.field[1], int)
                ):
                    nested_cleared.add(kolom.field[0])
                if is_set(node, kolom.field):
                    self.plan.add(lembar.stem, Delete(path), line)
                continue
            # a value typed over its placeholder is filled: its [ISI] marker goes
            self.plan.add(lembar.stem, Set(path, _yaml_value(new), fill=True), line)
        values = row.values
        if lembar.bentuk == "isian":  # one field a row: the nested model's cells are all rows'
            values = {f: v for r in self.keys[lembar.name].values() for f, v in r.values.items()}
        for name in nested_cleared:  # every cell of a nested model emptied: the model goes
            if all(values.get(k.field) is None for k in lembar.columns if k.field[0] == name):
                edits = self.plan.edits.get(lembar.stem, [])
                edits[:] = [
                    e
                    for e in edits
                    if not (
                        isinstance(e, Delete)
                        and e.path[: len(baris.path) + 1] == (*baris.path, name)
                    )
                ]
                edits.append(Delete((*baris.path, name)))
        if has_children and lembar.jumlah is not None:
            # a leaf that gains rows under it: its money is theirs now
            for name in dict.fromkeys(str(f[0]) for f in lembar.jumlah.fields):
                if is_set(node, (name,)) and value_at(node, (name,)):
                    self.plan.add(
                        lembar.stem,
                        Delete((*baris.path, name)),
                        _("{file} {path}: moved to the rows under {id}").format(
                            file=self._file(lembar),
                            path=format_path((*baris.path, name)),
                            id=baris.key,
                        ),
                    )

    def added(self, lembar: Lembar, row: _Row) -> None:
        found = self.parent(lembar, row)
        if found is None:
            return
        parent, parent_row = found
        if any(v is _INVALID for v in row.values.values()):
            return
        for kolom in lembar.columns:
            if kolom.required and kolom.field in row.values and row.values[kolom.field] is None:
                self.reader.problem(
                    f"{lembar.name}!{_letter(lembar, kolom)}{row.r}",
                    _("{column} of the new row is empty").format(column=kolom.header),
                    _("type the value"),
                    "import.cell",
                )
                return
        key = row.key or _("(row {row})").format(row=row.r)
        label = f"{TINGKAT[row.tingkat] if lembar.tingkat else lembar.name} {key}"
        if parent_row is not None and parent_row.baris is None:  # under a new row: part of its node
            list_field = lembar.container(
                Baris(parent_row.key, None, parent_row.tingkat, (), None), row.tingkat
            )[-1]
            parent_row.children.setdefault(str(list_field), []).append(row)
            row.values[("__lembar__",)] = lembar
            self.plan.lines.append(
                _("{file}: new {label} under the new {parent}").format(
                    file=self._file(lembar), label=label, parent=parent_row.key
                )
            )
            return
        container = lembar.container(parent, row.tingkat)
        row.values[("__lembar__",)] = lembar
        stem = lembar.stem
        line = _("{file} {path}: new {label}").format(
            file=self._file(lembar), path=format_path(container), label=label
        )
        if lembar.mapping:
            self.plan.add(stem, Set((*container, row.shown), _Lazy(row)), line)
            return
        made = self.made.get((stem, container))
        if made is not None:  # a list this import makes: the row joins its first
            made.append(row)
            self.plan.lines.append(line)
        elif self._exists(lembar, parent, container):
            self.plan.add(stem, Append(container, _Lazy(row)), line)
        else:  # no list there yet (a sasaran without strategi): the list is written with it
            self.made[(stem, container)] = [row]
            self.plan.add(stem, Set(container, _LazyList(self.made[(stem, container)])), line)

    def _exists(self, lembar: Lembar, parent: Baris | None, container: tuple[Any, ...]) -> bool:
        """Whether the list a new row goes into is in the file already."""
        if parent is not None:
            return is_set(parent.node, container[len(parent.path) :])
        return is_set(getattr(self.content, lembar.stem, None), container)


class _Lazy:
    """A new node's value, made when the edits are applied (rows under it may come later)."""

    def __init__(self, row: _Row):
        self.row = row


class _LazyList:
    """A new list of new nodes, made when the edits are applied."""

    def __init__(self, rows: list[_Row]):
        self.rows = rows


def _node_of(row: _Row) -> Any:
    """A new row as the mapping its node is written as: fields in the model's order, the
    model's defaults and empty cells left out."""
    lembar: Lembar = row.values[("__lembar__",)]
    if lembar.bentuk == "id":
        return row.key
    if lembar.bentuk == "sel":  # a declared table's row: its cells in column order
        cells = {k.field[0]: row.values.get(k.field) for k in lembar.columns}
        return {k: _yaml_value(v) for k, v in cells.items() if v is not None}
    if lembar.bentuk == "nilai":
        if lembar.columns and lembar.columns[0].field:  # the four quarters, null where none
            return tuple(_yaml_value(row.values.get(k.field)) for k in lembar.columns)
        return _yaml_value(row.values.get(()))
    model = lembar.levels[row.tingkat]
    flat: dict[Any, Any] = {}  # a per-year model's keys are years: {tahun: {2020: {…}}}
    if lembar.id_field:
        flat["id"] = row.key
    for kolom in lembar.fields():
        value = row.values.get(kolom.field)
        if value is None or value is _INVALID or (len(kolom.field) == 1 and value == kolom.default):
            continue
        target = flat
        for part in kolom.field[:-1]:
            target = target.setdefault(part, {})
        target[kolom.field[-1]] = _yaml_value(value)
    for name, children in row.children.items():
        if children and children[0].values[("__lembar__",)].mapping:
            flat[name] = {child.shown: _node_of(child) for child in children}
        else:
            flat[name] = [_node_of(child) for child in children]
    order = list(model.model_fields)
    return {
        k: flat[k] for k in sorted(flat, key=lambda k: order.index(k) if k in order else len(order))
    }


def _resolved(edit: Edit) -> Edit:
    if isinstance(edit, Append) and isinstance(edit.value, _Lazy):
        return Append(edit.path, _node_of(edit.value.row))
    if isinstance(edit, Set) and isinstance(edit.value, _Lazy):
        return Set(edit.path, _node_of(edit.value.row))
    if isinstance(edit, Set) and isinstance(edit.value, _LazyList):
        return Set(edit.path, [_node_of(r) for r in edit.value.rows])
    return edit


def _letter(lembar: Lembar, kolom: Kolom) -> str:
    from openpyxl.utils import get_column_letter

    fixed = int(lembar.tingkat) + int(bool(lembar.induk)) + 1
    return get_column_letter(fixed + lembar.columns.index(kolom) + 1)


def _path_order(path: tuple) -> tuple:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


# --------------------------------------------------------------------------------- entry point
def is_data_workbook(sheetnames: list[str]) -> bool:
    """Whether a workbook with these sheets is a data workbook (not a realisasi template)."""
    return "Tujuan" in sheetnames and "Indikator" in sheetnames


def import_data(xlsx: Path, folder: Path) -> list[str]:
    """Write the data workbook `xlsx` into the document in `folder`; return the changes made,
    one line each. Raises `LaporgenError` with every unreadable cell, writing nothing."""
    content = load_document(folder)
    workbook, formulas = open_workbook(xlsx, data_only=True), open_workbook(xlsx, data_only=False)
    scales = getattr(content.settings, "predikat", {})
    reader = _Reader(
        xlsx, formulas, tuple(dict.fromkeys(p for values in scales.values() for p in values))
    )
    planner = _Planner(content, reader)
    sheets = list(sheets_of(content))
    for lembar in sheets:
        if lembar.name not in workbook.sheetnames:
            reader.problem(
                lembar.name,
                _('the sheet "{sheet}" is missing').format(sheet=lembar.name),
                _("export the workbook again with laporgen export PATH --template data"),
                "import.sheet",
            )
            continue
        planner.read[lembar.name] = reader.rows(workbook[lembar.name], lembar)
    planner.sums(sheets)
    for lembar in sheets:
        if lembar.name in planner.read:
            planner.sheet(lembar, planner.read[lembar.name])
    reader.problems.sort(key=lambda p: _problem_order(sheets, p))
    if reader.problems:
        raise LaporgenError(reader.problems)
    texts = _edited(content, planner.plan)
    if texts:
        _validate(content, folder, texts)
        write_all_atomic({path: text.encode("utf-8") for path, text in texts.items()})
    return planner.plan.lines if texts else []


def _problem_order(sheets: list[Lembar], problem: Problem) -> tuple[int, int, int]:
    """A problem's sheet's place in the workbook, then its cell's: the problems read sheet by
    sheet, top to bottom (a missing sheet first)."""
    name, cell = (problem.field or "").partition("!")[::2]
    n = next((n for n, lembar in enumerate(sheets) if lembar.name == name), len(sheets))
    return (n, *cell_order(problem)) if cell else (n, 0, 0)


def _edited(content: Content, plan: _Plan) -> dict[Path, str]:
    texts: dict[Path, str] = {}
    for stem in sorted(set(plan.edits) | set(plan.deletes)):
        deletes = sorted(plan.deletes.get(stem, []), key=_path_order, reverse=True)
        deletes = [d for d in deletes if not any(o != d and d[: len(o)] == o for o in deletes)]
        edits = [_resolved(e) for e in plan.edits.get(stem, [])]
        sets = [e for e in edits if not isinstance(e, Delete)]
        field_deletes = [e for e in edits if isinstance(e, Delete)]
        ordered = (
            sets + field_deletes + [Delete(p) for p in deletes]
        )  # appends before any index moves
        if not ordered:
            continue
        path = _path_of(content, stem)
        before = read_text(path) if stem in content.sources else _new_file(content, stem)
        after = edited_text(path, before, ordered)
        if after != before or stem not in content.sources:
            texts[path] = after
    return texts


def _path_of(content: Content, stem: str) -> Path:
    """The content file `stem` of the document; an optional one the folder lacks (a PK's
    perjanjian.yaml) is made in the document's folder."""
    source = content.sources.get(stem)
    return source.path if source is not None else Path(content.folder) / f"{stem}.yaml"


def _new_file(content: Content, stem: str) -> str:
    """The text an optional file is started from: what `laporgen init` writes for it (its
    comments, its empty values), else nothing."""
    from .scaffold import new_file

    jenis = getattr(content.settings, "jenis", "")
    tahun = getattr(content.settings, "tahun", None) or 0
    return new_file(jenis, stem, tahun) or "{}\n"


def _validate(content: Content, folder: Path, texts: dict[Path, str]) -> None:
    """Load the document with the edited files, in a copy of the folders that hold them;
    its problems are reported on the real files."""
    paths = [Path(folder).resolve(), *(Path(s.path).resolve() for s in content.sources.values())]
    import os

    root = Path(os.path.commonpath([str(p) for p in paths]))
    if root.is_file():
        root = root.parent
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp) / "content"
        # the document folder whole (its narasi/ too); of the folders it reads from (the agency's,
        # its Renstra's) only their files, so a far-away shared plan never copies a whole tree
        shutil.copytree(
            Path(folder).resolve(),
            copy / Path(folder).resolve().relative_to(root),
            ignore=shutil.ignore_patterns(".git", "output", "*.docx", "*.pdf", "*.xlsx"),
        )
        for source in {Path(s.path).resolve().parent for s in content.sources.values()} - {
            Path(folder).resolve()
        }:
            (copy / source.relative_to(root)).mkdir(parents=True, exist_ok=True)
            for item in source.iterdir():
                if item.is_file() and item.suffix.lower() not in (
                    ".xlsx",
                    ".docx",
                    ".pdf",
                ):  # content, the logo
                    shutil.copy2(item, copy / item.relative_to(root))
        for path, text in texts.items():
            (copy / Path(path).resolve().relative_to(root)).write_text(text, encoding="utf-8")
        try:
            load_document(copy / Path(folder).resolve().relative_to(root))
        except LaporgenError as exc:

            def real(name: str) -> str:
                for path in texts:
                    if name.endswith("/" + Path(path).resolve().relative_to(root).as_posix()):
                        return display_path(path)
                return name

            raise LaporgenError(
                [
                    Problem(real(p.file), p.message, p.line, p.field, p.hint, p.code)
                    for p in exc.problems
                ]
            ) from None
