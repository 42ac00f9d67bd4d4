"""The realisasi template of an LKjIP: a workbook staff fill with the year's figures, which
`laporgen import` reads back into the content (`realisasi_import.py`).

Sheet "Indikator": one row per plan indicator the document measures (every sasaran indicator,
and a tujuan indicator that has a realisasi), with its target and current realisasi and, for
sasaran indicators, next year's quarterly targets. Sheet "Anggaran": one row per leaf of the
program tree (a kegiatan, or its sub-kegiatan where it has them) with pagu and realisasi.
Sheet "Indikator Program": one row per indicator of a program, kegiatan or sub-kegiatan (its
id "P1/1": the node's id and the indicator's number) with its target and realisasi. Sheet
"Alokasi": one row per share of a kegiatan's budget attributed to a sasaran (`dukungan.alokasi`
in kinerja.yaml; id "S3/K2.1"). So every realisasi the document prints has a cell.
The first column holds the ids `laporgen import` finds the YAML nodes by; the white columns
are the ones read back, the grey ones are for reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ..compute.lkjip import lkjip_figures
from ..model.content import LkjipContent
from ..model.nilai import Tertulis
from .xlsx_cells import HEAD_FILL, READ_ONLY_FILL, workbook_bytes

INDIKATOR = "Indikator"
ANGGARAN = "Anggaran"
INDIKATOR_PROGRAM = "Indikator Program"
ALOKASI = "Alokasi"
HEADER_ROW = 4
"""The row of the column headers; data rows follow."""
TRIWULAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class BarisIndikator:
    """A row of the Indikator sheet."""

    id: str
    nama: str
    satuan: str
    target: Decimal | str | None
    """The report year's target; a predikat or "n.a" as its text (the column is for reference)."""
    realisasi: Decimal | str | None
    """A number, or a predikat or "n.a" as its text."""
    triwulan: tuple[Decimal | None, ...] | None
    """Next year's TW I-IV targets; None when the indicator has none (yet)."""
    sasaran: bool
    """A sasaran indicator: only these carry quarterly targets (Tabel 4.3)."""


@dataclass(frozen=True)
class BarisAnggaran:
    """A row of the Anggaran sheet: a leaf of the program tree and where it sits in
    `program.yaml` (`path` to its `anggaran` mapping)."""

    id: str
    nama: str
    pagu: Decimal
    realisasi: Decimal
    path: tuple[str | int, ...]


def indikator_headers(c: LkjipContent) -> tuple[str, ...]:
    tahun, depan = c.settings.tahun, c.settings.tahun + 1
    return (
        "ID",
        "Indikator",
        "Satuan",
        f"Target {tahun}",
        f"Realisasi {tahun}",
        *(f"Target TW {tw} {depan}" for tw in TRIWULAN),
    )


INDIKATOR_REALISASI = 4
"""0-based column of the Indikator sheet's realisasi; the TW targets follow it."""
INDIKATOR_EDITABLE = (4, 5, 6, 7, 8)


def anggaran_headers(c: LkjipContent) -> tuple[str, ...]:
    return ("ID", "Kegiatan / Sub Kegiatan", "Pagu (Rp)", f"Realisasi {c.settings.tahun} (Rp)")


ANGGARAN_REALISASI = 3
ANGGARAN_EDITABLE = (3,)


def indikator_rows(c: LkjipContent) -> list[BarisIndikator]:
    """The Indikator rows in plan order: each tujuan's measured indicators, then its
    sasaran's indicators."""
    figures = lkjip_figures(c)
    target = {
        row.indikator.id: row.target.teks if isinstance(row.target, Tertulis) else row.target
        for row in figures.semua_indikator
    }
    rows = []
    for tujuan in c.rencana.tujuan:
        for ind in tujuan.indikator:
            if ind.id in c.kinerja.realisasi:
                rows.append(_baris(c, ind, target.get(ind.id), sasaran=False))
        for sasaran in tujuan.sasaran:
            rows.extend(
                _baris(c, ind, target.get(ind.id), sasaran=True) for ind in sasaran.indikator
            )
    return rows


def _baris(c: LkjipContent, ind, target: Decimal | str | None, sasaran: bool) -> BarisIndikator:
    fakta = c.kinerja.realisasi.get(ind.id)
    triwulan = c.kinerja.target_triwulan.get(ind.id)
    return BarisIndikator(
        ind.id,
        ind.nama,
        ind.satuan,
        target,
        as_text(fakta.nilai) if fakta else None,
        tuple(triwulan) if triwulan is not None else None,
        sasaran,
    )


def as_text(value: Decimal | Tertulis | None) -> Decimal | str | None:
    """A value for a cell of the form: text cells as their text."""
    return value.teks if isinstance(value, Tertulis) else value


def anggaran_rows(c: LkjipContent) -> list[BarisAnggaran]:
    """The leaves of the program tree, in order."""
    return list(_leaves(c))


def _leaves(c: LkjipContent) -> Iterator[BarisAnggaran]:
    for p, program in enumerate(c.program.program):
        for k, kegiatan in enumerate(program.kegiatan):
            if kegiatan.sub_kegiatan:
                for s, sub in enumerate(kegiatan.sub_kegiatan):
                    yield BarisAnggaran(
                        sub.id,
                        sub.nama,
                        sub.anggaran.pagu,
                        sub.anggaran.realisasi,
                        ("program", p, "kegiatan", k, "sub_kegiatan", s, "anggaran"),
                    )
            elif kegiatan.anggaran is not None:
                yield BarisAnggaran(
                    kegiatan.id,
                    kegiatan.nama,
                    kegiatan.anggaran.pagu,
                    kegiatan.anggaran.realisasi,
                    ("program", p, "kegiatan", k, "anggaran"),
                )


@dataclass(frozen=True)
class BarisIndikatorProgram:
    """A row of the Indikator Program sheet: an indicator of a program, kegiatan or
    sub-kegiatan, and the `path` to it in `program.yaml`."""

    id: str
    induk: str
    nama: str
    satuan: str
    target: Decimal
    realisasi: Decimal | None
    path: tuple[str | int, ...]


def indikator_program_headers(c: LkjipContent) -> tuple[str, ...]:
    tahun = c.settings.tahun
    return (
        "ID",
        "Program / Kegiatan",
        "Indikator",
        "Satuan",
        f"Target {tahun}",
        f"Realisasi {tahun}",
    )


INDIKATOR_PROGRAM_REALISASI = 5


def indikator_program_rows(c: LkjipContent) -> list[BarisIndikatorProgram]:
    """Every indicator of the program tree whose realisasi is typed (not one taken from a
    computed figure, `realisasi_dari`), in tree order."""
    rows = []
    for node, path in _nodes(c):
        for i, ind in enumerate(node.indikator):
            if ind.realisasi_dari is None:
                rows.append(
                    BarisIndikatorProgram(
                        f"{node.id}/{i + 1}",
                        node.nama,
                        ind.nama,
                        ind.satuan,
                        ind.target,
                        ind.realisasi,
                        (*path, "indikator", i),
                    )
                )
    return rows


def _nodes(c: LkjipContent) -> Iterator[tuple]:
    for p, program in enumerate(c.program.program):
        yield program, ("program", p)
        for k, kegiatan in enumerate(program.kegiatan):
            yield kegiatan, ("program", p, "kegiatan", k)
            for s, sub in enumerate(kegiatan.sub_kegiatan):
                yield sub, ("program", p, "kegiatan", k, "sub_kegiatan", s)


@dataclass(frozen=True)
class BarisAlokasi:
    """A row of the Alokasi sheet: the share of a kegiatan's budget given to a sasaran."""

    id: str
    nama: str
    pagu: Decimal
    realisasi: Decimal
    path: tuple[str | int, ...]


def alokasi_headers(c: LkjipContent) -> tuple[str, ...]:
    return ("ID", "Kegiatan untuk Sasaran", "Pagu (Rp)", f"Realisasi {c.settings.tahun} (Rp)")


ALOKASI_REALISASI = 3


def alokasi_rows(c: LkjipContent) -> list[BarisAlokasi]:
    names = {node.id: node.nama for node, _ in _nodes(c)}
    return [
        BarisAlokasi(
            f"{sasaran}/{kegiatan}",
            f"{names.get(kegiatan, kegiatan)} (sasaran {sasaran})",
            alokasi.pagu,
            alokasi.realisasi,
            ("dukungan", sasaran, "alokasi", kegiatan),
        )
        for sasaran, dukungan in c.kinerja.dukungan.items()
        for kegiatan, alokasi in dukungan.alokasi.items()
    ]


# ---------------------------------------------------------------------------------- workbook
def realisasi_workbook(c: LkjipContent) -> bytes:
    """The realisasi template of the LKjIP `c` as .xlsx bytes, prefilled with the current
    values; the same content always gives the same bytes."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    judul = f"Realisasi Tahun {c.settings.tahun} - {c.agency.nama_lengkap}"
    petunjuk = (
        "Isi kolom putih (angka; desimal dengan koma atau titik). Kolom abu-abu hanya acuan: "
        "jangan diubah, impor menolak sel abu-abu yang berubah. Jangan ubah kolom ID. "
        "Lalu: laporgen import FILE --into FOLDER"
    )
    sheet = workbook.create_sheet(INDIKATOR)
    _head(sheet, judul, petunjuk, indikator_headers(c), (8, 60, 12, 12, 14, 14, 14, 14, 14))
    for r, row in enumerate(indikator_rows(c), start=HEADER_ROW + 1):
        tw = row.triwulan or (None,) * 4
        values = (row.id, row.nama, row.satuan, row.target, row.realisasi, *tw)
        editable = INDIKATOR_EDITABLE if row.sasaran else (INDIKATOR_REALISASI,)
        _row(sheet, r, values, editable, number_format="General")
    sheet = workbook.create_sheet(ANGGARAN)
    _head(sheet, judul, petunjuk, anggaran_headers(c), (8, 70, 18, 18))
    for r, baris in enumerate(anggaran_rows(c), start=HEADER_ROW + 1):
        _row(
            sheet,
            r,
            (baris.id, baris.nama, baris.pagu, baris.realisasi),
            ANGGARAN_EDITABLE,
            number_format="#,##0",
        )
    sheet = workbook.create_sheet(INDIKATOR_PROGRAM)
    _head(sheet, judul, petunjuk, indikator_program_headers(c), (8, 45, 45, 12, 12, 14))
    for r, ip in enumerate(indikator_program_rows(c), start=HEADER_ROW + 1):
        _row(
            sheet,
            r,
            (ip.id, ip.induk, ip.nama, ip.satuan, ip.target, ip.realisasi),
            (INDIKATOR_PROGRAM_REALISASI,),
            number_format="General",
        )
    sheet = workbook.create_sheet(ALOKASI)
    _head(sheet, judul, petunjuk, alokasi_headers(c), (10, 70, 18, 18))
    for r, alokasi in enumerate(alokasi_rows(c), start=HEADER_ROW + 1):
        _row(
            sheet,
            r,
            (alokasi.id, alokasi.nama, alokasi.pagu, alokasi.realisasi),
            (ALOKASI_REALISASI,),
            number_format="#,##0",
        )
    moment = max(
        datetime.combine(c.settings.tanda_tangan.tanggal, datetime.min.time()), datetime(1980, 1, 1)
    )
    workbook.properties.title = judul
    workbook.properties.creator = "laporgen"
    workbook.properties.created = workbook.properties.modified = moment
    return workbook_bytes(workbook, moment)


def _head(
    sheet, judul: str, petunjuk: str, headers: tuple[str, ...], widths: tuple[int, ...]
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.cell(row=1, column=1, value=judul).font = Font(bold=True)
    sheet.cell(row=2, column=1, value=petunjuk).font = Font(italic=True)
    for i, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=i, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEAD_FILL, end_color=HEAD_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 30  # two lines: "Target TW III" / "2025"
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    sheet.page_setup.orientation = "landscape"  # printed for checking: every column on the page
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _row(sheet, r: int, values: tuple, editable: tuple[int, ...], number_format: str) -> None:
    from openpyxl.styles import Alignment, PatternFill

    grey = PatternFill("solid", start_color=READ_ONLY_FILL, end_color=READ_ONLY_FILL)
    for i, value in enumerate(values):
        cell = sheet.cell(row=r, column=i + 1)
        if isinstance(value, Decimal):
            # openpyxl stores numbers as float; a whole amount is kept an int so it prints exactly
            cell.value = int(value) if value == value.to_integral_value() else float(value)
            cell.number_format = number_format
        elif value is not None:
            cell.value = value
            cell.data_type = "s"  # text, never a formula
        if i not in editable:
            cell.fill = grey
        cell.alignment = Alignment(vertical="top", wrap_text=i == 1)
