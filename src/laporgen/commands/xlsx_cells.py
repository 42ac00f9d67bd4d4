"""Cells of the workbooks laporgen writes and reads back (the data workbook, the realisasi
form): numbers typed either way ("92,5" or "92.5", thousands grouped Indonesian or English
style), problems located as Sheet!A1, opening a workbook with errors a user can act on, and
bytes that are the same for the same content."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import LaporgenError, Problem, display_path
from ..i18n import _

READ_ONLY_FILL = "E7E6E6"
"""Grey: a cell that is computed or for reference, not read back."""
HEAD_FILL = "D9D9D9"

HEADER_SEARCH_ROWS = 20
"""The header row is looked for in the first rows (staff may insert a line above it)."""


class CellError(ValueError):
    """A cell that is not a number: `message` and `hint` for the Problem."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


_PLAIN = re.compile(r"-?\d+")
_ONE_SEPARATOR = re.compile(r"(-?)(\d+)([.,])(\d+)")
_GROUPED = {  # thousands grouped, optional decimals: Indonesian and English conventions
    ".": re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?"),
    ",": re.compile(r"-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?"),
}
EMPTY_TEXT = ("", "-", "–")


def number_of_text(text: str) -> Decimal | None:
    """The number a cell's text means, in either convention: "92,5" and "92.5" → 92.5;
    "1.234.567,89" and "1,234,567.89" → 1234567.89; "" or "-" → None. Raises `CellError` for
    text that is not a number, or is ambiguous ("1.234": one thousand or one point two?)."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t in EMPTY_TEXT:
        return None
    if _PLAIN.fullmatch(t):
        return Decimal(t)
    one = _ONE_SEPARATOR.fullmatch(t)
    if one:
        sign, whole, sep, frac = one.groups()
        if len(frac) == 3 and whole != "0" and len(whole) <= 3:
            hint = (
                _(
                    "write {thousands} if the dot separates thousands, {decimal} if it is the "
                    "decimal point (or type it in a number cell)"
                )
                if sep == "."
                else _(
                    "write {thousands} if the comma separates thousands, {decimal} if it is the "
                    "decimal point (or type it in a number cell)"
                )
            )
            raise CellError(
                _('"{text}" is ambiguous: thousands or decimals?').format(text=text.strip()),
                hint.format(thousands=f"{whole}{frac}", decimal=_as_decimal(whole, sep, frac)),
            )
        return Decimal(f"{sign}{whole}.{frac}")
    for thousands, pattern in _GROUPED.items():
        if pattern.fullmatch(t):
            decimal = "," if thousands == "." else "."
            return Decimal(t.replace(thousands, "").replace(decimal, "."))
    if t.endswith("%"):
        raise CellError(
            _('expected a number, got "{text}"').format(text=text.strip()),
            _("write the number without %"),
        )
    raise CellError(
        _('expected a number, got "{text}"').format(text=text.strip()),
        _('type a number, e.g. 92,5 or 92.5 ("-" or an empty cell for no value)'),
    )


def _as_decimal(whole: str, sep: str, frac: str) -> str:
    """The decimal reading of "85.000" written so it reads one way: "85"; "1.230" → "1.23"; a
    third digit that counts stays, with a zero after it ("1.2340")."""
    digits = frac.rstrip("0")
    if not digits:
        return whole
    return f"{whole}{sep}{digits}" if len(digits) < 3 else f"{whole}{sep}{frac}0"


def number_of_cell(value: Any, number_format: str = "General") -> Decimal | None:
    """The number in a cell (as openpyxl reads it), or None for an empty cell. A float keeps
    the 15 significant digits a spreadsheet shows (0.28, not 0.28000000000000003); a
    percentage-formatted cell (Excel stores "92,5%" as 0.925) gives the figure it shows, 92.5."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(
            _("expected a number, got {value}").format(value=str(value).upper()),
            _("type a number"),
        )
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(format(value, ".15g"))
    elif isinstance(value, str):
        return number_of_text(value)
    else:
        raise CellError(
            _("expected a number, got a {kind}").format(kind=type(value).__name__),
            _("format the cell as a number (not a date) and type the figure"),
        )
    if "%" in number_format:
        number = (number * 100).normalize()
        number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number
    return number


def cell_order(problem: Problem) -> tuple[int, int]:
    """A problem's (row, column) in its sheet, so a sheet's problems read top to bottom."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    column, row = coordinate_from_string((problem.field or "!A1").split("!")[-1])
    return row, column_index_from_string(column)


def header_text(value: Any) -> str:
    """A header cell's text as compared: spaces collapsed, lower case."""
    return " ".join(str(value).split()).lower() if value is not None else ""


def sheet_names(xlsx: Path) -> list[str]:
    """The sheets of the workbook `xlsx` (what `laporgen import` tells its kinds apart by)."""
    workbook = open_workbook(xlsx, data_only=True, read_only=True)
    names = list(workbook.sheetnames)
    workbook.close()
    return names


def open_workbook(xlsx: Path, data_only: bool, read_only: bool = False):
    """The workbook; with `data_only`, formulas read as their cached results."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if xlsx.is_dir() or xlsx.suffix.lower() not in (".xlsx", ".xlsm"):
        if xlsx.is_dir():
            what = _("a folder")
        elif not xlsx.suffix:
            what = _("a file without extension")
        elif xlsx.suffix in (".yaml", ".yml", ".toml"):
            what = _("a {suffix} content file").format(suffix=xlsx.suffix)
        else:
            what = _("a {suffix}").format(suffix=xlsx.suffix)
        raise LaporgenError(
            [
                Problem(
                    display_path(xlsx),
                    _("laporgen import reads a filled .xlsx template, not {what}").format(
                        what=what
                    ),
                    hint=_(
                        "make the template with laporgen export PATH --template realisasi, "
                        "fill it in and import that .xlsx file"
                    ),
                    code="usage",
                )
            ]
        )
    try:
        return load_workbook(xlsx, data_only=data_only, read_only=read_only)
    except FileNotFoundError:
        raise LaporgenError(
            [
                Problem(
                    display_path(xlsx),
                    _("file not found"),
                    hint=_("check the path of the filled template"),
                    code="input.file",
                )
            ]
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, InvalidFileException) as exc:
        raise LaporgenError(
            [
                Problem(
                    display_path(xlsx),
                    _("not an .xlsx workbook ({error})").format(error=exc),
                    hint=_("save the file as Excel Workbook (.xlsx)"),
                    code="input.file",
                )
            ]
        ) from None


def workbook_bytes(workbook, moment: datetime) -> bytes:
    """The workbook's bytes, every zip entry dated `moment` (openpyxl stamps the current time)."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    when = (moment.year, moment.month, moment.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
