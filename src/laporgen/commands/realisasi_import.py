"""`laporgen import`: a filled realisasi template (`realisasi_template.py`) back into the
LKjIP's content files (YAML or TOML), keeping their comments, order and layout.

Every row of every sheet is read and checked first; a cell that cannot be read is reported by
sheet, row and column ("Indikator!E7"), and nothing is written unless the whole workbook is
valid. The files are changed by the content editor (`content_edit.py`): a changed value is
replaced in place, the [ISI] marker on its line removed; adding or removing an entry goes
through the round trip. The new files are validated with the content models and then written
together. Realisasi always go into the LKjIP folder's own `kinerja.yaml` and
`program.yaml`, even when the plan lives in a shared Renstra folder.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import LaporgenError, Problem, display_path
from ..i18n import N_, _
from ..jenis import load_document
from ..model.anggaran import ProgramTree
from ..model.content import LkjipContent
from ..model.fields import Angka, Rupiah
from ..model.lkjip import Kinerja
from ..model.nilai import Isian, Tertulis
from ..model.read import read_text
from ..model.source import format_path
from ..model.validate import load
from ..output import write_all_atomic
from .content_edit import Delete, Edit, Set, edited_text
from .realisasi_template import (
    ALOKASI,
    ALOKASI_REALISASI,
    ANGGARAN,
    ANGGARAN_REALISASI,
    HEADER_ROW,
    INDIKATOR,
    INDIKATOR_PROGRAM,
    INDIKATOR_PROGRAM_REALISASI,
    INDIKATOR_REALISASI,
    TRIWULAN,
    as_text,
    alokasi_headers,
    alokasi_rows,
    anggaran_headers,
    anggaran_rows,
    indikator_headers,
    indikator_program_headers,
    indikator_program_rows,
    indikator_rows,
)
from .xlsx_cells import (
    EMPTY_TEXT,
    HEADER_SEARCH_ROWS,
    CellError,
    cell_order,
    header_text,
    number_of_cell,
    open_workbook,
)

Path_ = tuple[str | int, ...]
"""A path to a YAML node: ("realisasi", "IS2.1", "nilai")."""


# ---------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class _Edit:
    """One value to write: file stem ("kinerja", "program"), YAML path, old and new value.
    `new` is a Decimal, None (null), a tuple (a new TW list) or `_DELETE`."""

    stem: str
    path: Path_
    old: Any
    new: Any
    label: str = ""


_DELETE = object()


class _Reader:
    """Reads and checks the template's sheets, collecting problems and edits."""

    def __init__(self, xlsx: Path, content: LkjipContent, formulas):
        self.file = xlsx.name
        self.content = content
        self.formulas = formulas
        """The workbook read without `data_only`: where a cell holds a formula."""
        self.problems: list[Problem] = []
        self.edits: list[_Edit] = []
        self.predikat = {p for values in content.settings.predikat.values() for p in values}
        """The predikat of the declared scales: text a realisasi cell may hold."""

    def problem(
        self, where: str, message: str, hint: str | None = None, code: str = "import.cell"
    ) -> None:
        self.problems.append(Problem(self.file, message, field=where, hint=hint, code=code))

    def rows(self, sheet, headers: tuple[str, ...]) -> list[tuple[int, tuple]]:
        """(row number, cells) of every non-empty data row, after checking the headers."""
        found = None
        for r, row in enumerate(
            sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=len(headers)), start=1
        ):
            if tuple(header_text(c.value) for c in row) == tuple(h.lower() for h in headers):
                found = r
                break
        if found is None:
            self.problem(
                f"{sheet.title}!A{HEADER_ROW}",
                _("the column headers are not the template's ({headers})").format(
                    headers=", ".join(headers)
                ),
                _("export a new template with laporgen export PATH --template realisasi"),
                "import.sheet",
            )
            return []
        rows = []
        for r, row in enumerate(
            sheet.iter_rows(min_row=found + 1, max_col=len(headers)), start=found + 1
        ):
            if any(c.value not in (None, "") for c in row):
                rows.append((r, row))
        return rows

    def realisasi(self, cell, kind: TypeAdapter) -> Decimal | str | None:
        """A realisasi cell: a number, or a predikat or n.a typed as text (kept as written)."""
        if isinstance(cell.value, str):
            try:
                value: Decimal | Tertulis | None = TypeAdapter(Isian).validate_python(cell.value)
            except ValidationError:
                value = None
            if isinstance(value, Tertulis) and (value.jenis == "na" or value.teks in self.predikat):
                return value.teks
        return self.number(cell, kind)

    def number(self, cell, kind: TypeAdapter) -> Decimal | None:
        """The cell's number, checked as the content model checks it; a problem and None if not."""
        where = f"{cell.parent.title}!{cell.coordinate}"
        if (
            cell.value is None
            and self.formulas[cell.parent.title][cell.coordinate].data_type == "f"
        ):
            self.problem(
                where,
                _("a formula whose result was never computed"),
                _("open and save the file in Excel or LibreOffice, or type the number"),
            )
            return None
        try:
            value = number_of_cell(cell.value, cell.number_format or "General")
            return None if value is None else kind.validate_python(value)
        except CellError as exc:
            self.problem(where, exc.message, exc.hint)
        except ValidationError as exc:
            self.problem(where, exc.errors()[0]["msg"])
        return None

    def reference(
        self, cell, shown: Decimal | str | None, what: str, row_id: str, fix: str
    ) -> None:
        """A grey cell is for reference and never read back: one changed from the value the
        template was exported with is a problem (its new value would otherwise be dropped
        without a word), naming the cell and where the value is changed instead."""
        where = f"{cell.parent.title}!{cell.coordinate}"
        before = len(self.problems)
        value: Decimal | str | None
        if isinstance(shown, str):  # a predikat or n.a target, exported as its text
            value = None if cell.value is None else str(cell.value).strip()
        else:
            value = self.number(cell, TypeAdapter(Angka))
        if len(self.problems) == before and not _same(shown, value):
            self.problem(
                where,
                _(
                    "the {what} of {id} is a grey reference cell, not read back: "
                    "it was changed from {old} to {new}"
                ).format(what=what, id=row_id, old=_shown(shown), new=_shown(value)),
                _("put the value back; {fix}").format(fix=_(fix)),
                "import.reference",
            )

    def ids(
        self, sheet, rows: list[tuple[int, tuple]], known: dict[str, Any]
    ) -> list[tuple[int, tuple, Any]]:
        """Rows whose id is known (each at most once); problems for the others."""
        seen: dict[str, int] = {}
        out = []
        for r, row in rows:
            raw = row[0].value
            key = str(raw).strip() if raw is not None else ""
            if not key:
                self.problem(
                    f"{sheet.title}!A{r}",
                    _("the row has values but no ID"),
                    _("copy the ID from the exported template, or delete the row"),
                    "import.id",
                )
            elif key not in known:
                self.problem(
                    f"{sheet.title}!A{r}",
                    _("unknown ID {value}").format(value=repr(key)),
                    _("{sheet} IDs are: {ids}").format(sheet=sheet.title, ids=", ".join(known)),
                    "import.id",
                )
            elif key in seen:
                self.problem(
                    f"{sheet.title}!A{r}",
                    _("ID {value} is also in row {row}").format(value=repr(key), row=seen[key]),
                    _("keep one row per ID"),
                    "import.id",
                )
            else:
                seen[key] = r
                out.append((r, row, known[key]))
        return out

    def indikator(self, sheet) -> None:
        headers = indikator_headers(self.content)
        known = {row.id: row for row in indikator_rows(self.content)}
        angka = TypeAdapter(Angka)
        for _row, cells, baris in self.ids(sheet, self.rows(sheet, headers), known):
            self.reference(cells[INDIKATOR_TARGET], baris.target, "target", baris.id, PLAN_FIX)
            realisasi = self.realisasi(cells[INDIKATOR_REALISASI], angka)
            tw_cells = cells[INDIKATOR_REALISASI + 1 : INDIKATOR_REALISASI + 1 + len(TRIWULAN)]
            tw = tuple(self.number(c, angka) for c in tw_cells)
            if not baris.sasaran and any(c.value not in (None, "") for c in tw_cells):
                self.problem(
                    f"{sheet.title}!{tw_cells[0].coordinate}",
                    _(
                        "{id} is a tujuan indicator: quarterly targets are set for sasaran "
                        "indicators only"
                    ).format(id=baris.id),
                    _("leave these cells empty"),
                )
                continue
            self._realisasi(baris, realisasi)
            if baris.sasaran:
                self._triwulan(baris, tw)

    def indikator_program(self, sheet) -> None:
        known = {row.id: row for row in indikator_program_rows(self.content)}
        angka = TypeAdapter(Angka)
        for _row, cells, baris in self.ids(
            sheet, self.rows(sheet, indikator_program_headers(self.content)), known
        ):
            self.reference(
                cells[INDIKATOR_PROGRAM_REALISASI - 1],
                baris.target,
                "target",
                baris.id,
                PROGRAM_FIX,
            )
            new = self.number(cells[INDIKATOR_PROGRAM_REALISASI], angka)
            if not self.problems_in(cells) and not _same(baris.realisasi, new):
                self.edits.append(
                    _Edit("program", (*baris.path, "realisasi"), baris.realisasi, new, baris.id)
                )

    def alokasi(self, sheet) -> None:
        known = {row.id: row for row in alokasi_rows(self.content)}
        rupiah = TypeAdapter(Rupiah)
        for _row, cells, baris in self.ids(
            sheet, self.rows(sheet, alokasi_headers(self.content)), known
        ):
            self.reference(cells[ALOKASI_REALISASI - 1], baris.pagu, "pagu", baris.id, ALOKASI_FIX)
            cell = cells[ALOKASI_REALISASI]
            if cell.value in (None, "") or (
                isinstance(cell.value, str) and cell.value.strip() in EMPTY_TEXT
            ):
                self.problem(
                    f"{sheet.title}!{cell.coordinate}",
                    _("the realisasi of {id} is empty").format(id=baris.id),
                    _("type the amount spent (0 if nothing)"),
                )
                continue
            new = self.number(cell, rupiah)
            if new is not None and not _same(baris.realisasi, new):
                self.edits.append(
                    _Edit("kinerja", (*baris.path, "realisasi"), baris.realisasi, new, baris.id)
                )

    def problems_in(self, cells) -> bool:
        """A problem was reported on one of `cells` (their value must not be written)."""
        where = {f"{c.parent.title}!{c.coordinate}" for c in cells}
        return any(p.field in where for p in self.problems)

    def _realisasi(self, baris, new: Decimal | str | None) -> None:
        fakta = self.content.kinerja.realisasi.get(baris.id)
        if fakta is None:
            if new is not None:
                self.edits.append(_Edit("kinerja", ("realisasi", baris.id), None, {"nilai": new}))
        elif not _same(as_text(fakta.nilai), new):
            self.edits.append(_Edit("kinerja", ("realisasi", baris.id, "nilai"), fakta.nilai, new))

    def _triwulan(self, baris, new: tuple[Decimal | None, ...]) -> None:
        old = self.content.kinerja.target_triwulan.get(baris.id)
        if old is None:
            if any(v is not None for v in new):
                self.edits.append(_Edit("kinerja", ("target_triwulan", baris.id), None, new))
        elif all(v is None for v in new):
            self.edits.append(_Edit("kinerja", ("target_triwulan", baris.id), tuple(old), _DELETE))
        else:
            for i, (before, after) in enumerate(zip(old, new, strict=True)):
                if not _same(before, after):
                    self.edits.append(
                        _Edit("kinerja", ("target_triwulan", baris.id, i), before, after)
                    )

    def anggaran(self, sheet) -> None:
        headers = anggaran_headers(self.content)
        known = {row.id: row for row in anggaran_rows(self.content)}
        rupiah = TypeAdapter(Rupiah)
        for _row, cells, baris in self.ids(sheet, self.rows(sheet, headers), known):
            self.reference(cells[ANGGARAN_REALISASI - 1], baris.pagu, "pagu", baris.id, PROGRAM_FIX)
            cell = cells[ANGGARAN_REALISASI]
            if cell.value in (None, "") or (
                isinstance(cell.value, str) and cell.value.strip() in EMPTY_TEXT
            ):
                self.problem(
                    f"{sheet.title}!{cell.coordinate}",
                    _("the realisasi anggaran of {id} is empty").format(id=baris.id),
                    _("type the amount spent (0 if nothing)"),
                )
                continue
            new = self.number(cell, rupiah)
            if new is not None and not _same(baris.realisasi, new):
                self.edits.append(
                    _Edit("program", (*baris.path, "realisasi"), baris.realisasi, new, baris.id)
                )


INDIKATOR_TARGET = INDIKATOR_REALISASI - 1
"""The Indikator sheet's target column (grey: the plan's, for reference)."""
PLAN_FIX = N_(
    "a target is changed in rencana.yaml (or the Renstra it names), an agreed one in "
    "kinerja.yaml's perjanjian_kinerja"
)
PROGRAM_FIX = N_(
    "a pagu or a program target is changed in program.yaml, or with the data workbook "
    "(laporgen export PATH --template data)"
)
ALOKASI_FIX = N_("an allocated pagu is changed in kinerja.yaml (dukungan.<sasaran>.alokasi)")


def _shown(value: Decimal | str | None) -> str:
    if isinstance(value, str):
        return value
    return _("(empty)") if value is None else format(value, "f")


def _same(a: Decimal | str | None, b: Decimal | str | None) -> bool:
    return a == b if a is not None and b is not None else a is b


# --------------------------------------------------------------------------------- entry point
def import_realisasi(xlsx: Path, folder: Path) -> list[str]:
    """Write the values of the filled template `xlsx` into the LKjIP in `folder`; return the
    changes made, one line each ("kinerja.yaml realisasi.IS2.1.nilai: 0.259 -> 0.28").
    Raises `LaporgenError` with every unreadable cell, writing nothing."""
    content = load_document(folder)
    if not isinstance(content, LkjipContent):
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _("realisasi are imported into an LKjIP, not a Renstra"),
                    hint=_("give an LKjIP folder, e.g. content/<agency>/lkjip-2024"),
                    code="usage",
                )
            ]
        )
    workbook, formulas = open_workbook(xlsx, data_only=True), open_workbook(xlsx, data_only=False)
    reader = _Reader(xlsx, content, formulas)
    optional = {
        INDIKATOR_PROGRAM,
        ALOKASI,
    }  # a template exported before these sheets existed has none
    for name, read in (
        (INDIKATOR, reader.indikator),
        (ANGGARAN, reader.anggaran),
        (INDIKATOR_PROGRAM, reader.indikator_program),
        (ALOKASI, reader.alokasi),
    ):
        if name not in workbook.sheetnames and name in optional:
            continue
        if name in workbook.sheetnames:
            first = len(reader.problems)
            read(workbook[name])
            reader.problems[first:] = sorted(reader.problems[first:], key=cell_order)
        else:
            reader.problem(
                name,
                _('the sheet "{sheet}" is missing').format(sheet=name),
                _("export a new template with laporgen export PATH --template realisasi"),
                "import.sheet",
            )
    if reader.problems:
        raise LaporgenError(reader.problems)
    models: dict[str, type[BaseModel]] = {"kinerja": Kinerja, "program": ProgramTree}
    order = tuple(row.id for row in indikator_rows(content))
    texts: dict[Path, bytes] = {}
    lines: list[str] = []
    for stem, model in models.items():
        edits = [e for e in reader.edits if e.stem == stem]
        if edits:
            path = content.sources[stem].path
            text = edited_text(path, read_text(path), [_editor_edit(e, order) for e in edits])
            _validate(path, text, model)
            texts[path] = text.encode("utf-8")
            lines.extend(_describe(path, e) for e in edits)
    write_all_atomic(texts)  # kinerja and program together, or neither
    return lines


def _editor_edit(edit: _Edit, order: tuple[str, ...]) -> Edit:
    """The content editor's edit for one imported value: the [ISI] marker on its line goes."""
    if edit.new is _DELETE:
        return Delete(edit.path)
    new = {"nilai": edit.new["nilai"]} if isinstance(edit.new, dict) else edit.new
    return Set(edit.path, new, fill=True, order=order)


def _describe(path: Path, edit: _Edit) -> str:
    where = format_path(edit.path) + (f" ({edit.label})" if edit.label else "")
    added = edit.old is None and isinstance(edit.new, dict | tuple)
    old = _("(none)") if added else _show(edit.old)
    return f"{path.name} {where}: {old} -> {_show(edit.new)}"


def _show(value: Any) -> str:
    if value is _DELETE:
        return _("(removed)")
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return _scalar(value)


def _scalar(value: Decimal | Tertulis | str | None) -> str:
    """A value as YAML text: "0.28", "3301405926", "null", "A"."""
    value = as_text(value) if isinstance(value, Tertulis) else value
    if isinstance(value, str):
        return value
    return "null" if value is None else format(value, "f")


# ---------------------------------------------------------------------------------- writing
def _validate(path: Path, text: str, model: type[BaseModel]) -> None:
    """Load the edited text as laporgen loads content; its problems are reported on `path`."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        copy.write_text(text, encoding="utf-8")
        try:
            load(model, copy, keep=False)  # a temporary file: not kept in the cache
        except LaporgenError as exc:
            raise LaporgenError(
                [
                    Problem(display_path(path), p.message, p.line, p.field, p.hint, p.code)
                    for p in exc.problems
                ]
            ) from None
