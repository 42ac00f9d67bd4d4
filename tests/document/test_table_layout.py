"""`document/table_layout.py`: columns sized from their widest unbreakable piece plus the cell
margins, text never under 8 pt, empty columns dropped, a table too wide turned landscape or
split by year span with its key columns repeated; and `document/keep.py`'s short tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pytest

from docx.oxml.ns import qn

from laporgen.document.cells import cell, columns, head, num
from laporgen.document.keep import TAIL_ROWS, keep_together
from laporgen.document.nodes import (
    Cell,
    Landscape,
    Paragraph,
    Section,
    Signature,
    Table,
    Text,
    grid_positions,
)
from laporgen.document.table_layout import (
    CELL_MARGIN_PT,
    FONT_PT,
    cell_text,
    drop_empty_columns,
    lay_out_tables,
    min_widths,
    share_widths,
    text_width_of,
)
from laporgen.document.text_width import text_width_pt, unbreakable_pieces


def _table(cols, head_rows, body, **kw) -> Table:
    return Table("t", "", "Uji", cols, head_rows, tuple(body), **kw)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("24.175.862.284", ["24.175.862.284"]),
        ("Laki-laki 2016/2017", ["Laki-", "laki", "2016/2017"]),
        (
            "Pengujian/Verifikasi Keuangan",
            ["Pengujian/Verifikasi", "Keuangan"],
        ),  # LibreOffice keeps a/b whole
        ("-200,00", ["-200,00"]),
        ("2018-2023 2018–2023", ["2018-2023", "2018–2023"]),  # a span of figures joins
        ("Ruas Sukamaju-Cibening", ["Ruas", "Sukamaju-", "Cibening"]),
        ("    Belanja Pegawai", ["    Belanja", "Pegawai"]),
    ],
)
def test_unbreakable_pieces(text, expected):
    assert unbreakable_pieces(text) == expected


def test_text_width_is_arial_advance_widths():
    # Arial/Liberation Sans: digits 1139/2048 em, "." 569/2048 em
    assert text_width_pt("24.175.862.284", 10) == pytest.approx((11 * 1139 + 3 * 569) * 10 / 2048)
    assert text_width_pt("Rp", 10, bold=True) > text_width_pt("Rp", 10)


def test_column_is_at_least_its_widest_piece_plus_margins():
    """LKjIP Tabel 3.9: "24.175.862.284" in a column the builder made 2.4 of 14.4 wide broke
    as "24.175.862.28/4" in LibreOffice."""
    t = _table(
        columns(
            (0.8, "center"),
            (5, "left"),
            (3, "left"),
            (2.4, "right"),
            (2.4, "right"),
            (1.4, "right"),
        ),
        head(("No", "Program/Kegiatan", "Sasaran", "Anggaran", "Realisasi", "%")),
        [
            (
                cell("1"),
                cell("Program"),
                cell("x"),
                num("24.175.862.284"),
                num("23.594.861.370"),
                num("97,60"),
            )
        ],
        font_size="small",
    )
    (laid,) = lay_out_tables((t,), "A4")
    assert isinstance(laid, Table)
    width = text_width_of("A4", False)
    need = text_width_pt("24.175.862.284", FONT_PT[laid.font_size]) + 2 * laid.cell_margin
    for column in laid.columns[3:5]:
        assert column.width * width >= need
        assert column.min_width >= need
    assert sum(c.width for c in laid.columns) == pytest.approx(1)
    assert laid.cell_margin == CELL_MARGIN_PT[laid.font_size]


def test_shares_keep_the_builders_proportions_above_the_minimums():
    assert share_widths([1, 1, 2], [10, 10, 10], 100) == pytest.approx([25, 25, 50])
    assert share_widths([1, 1, 2], [40, 10, 10], 100) == pytest.approx([40, 20, 40])


def test_empty_columns_are_dropped_with_their_head_and_spans():
    t = _table(
        columns((1, "left"), (3, "left"), (1, "left")),
        head((cell("Kode"), cell("Program"), cell("Lokasi")), ("(1)", "(2)", "(3)")),
        [(cell(""), cell("Program A"), cell("")), (cell("TOTAL", colspan=3),)],
    )
    dropped = drop_empty_columns(t)
    assert len(dropped.columns) == 1
    assert [c.blocks[0].inlines[0].text for c in dropped.head[0]] == ["Program"]
    assert dropped.body[1][0].colspan == 1


def _wide(years: int) -> Table:
    """A T-C.24-like table: Uraian, then anggaran, realisasi and rasio per year, then growth."""
    ys = [str(2016 + i) for i in range(years)]
    row = (
        cell("Belanja Langsung"),
        *[num("9.677.403.097")] * (2 * years),
        *[num("100,00")] * years,
        num("0,10"),
        num("0,10"),
    )
    return _table(
        columns(
            (4, "left"),
            *[(2.6, "right")] * (2 * years),
            *[(1.3, "right")] * years,
            (1.4, "right"),
            (1.4, "right"),
        ),
        head(
            (
                cell("Uraian", rowspan=2),
                cell("Anggaran", colspan=years),
                cell("Realisasi", colspan=years),
                cell("Rasio", colspan=years),
                cell("Rata-rata Pertumbuhan", colspan=2),
            ),
            (*ys * 3, "Anggaran", "Realisasi"),
        ),
        [row],
        font_size="small",
    )


def test_a_table_too_wide_for_portrait_turns_landscape():
    (block,) = lay_out_tables((Section("s", 1, "", "S", (_wide(3),)),), "A4")[0].children
    assert isinstance(block, Landscape)
    (table,) = block.children
    assert len(table.columns) == 12 and table.font_size == "small"  # landscape at its own size


def test_a_table_too_wide_for_landscape_splits_by_year_span_repeating_key_columns():
    """Blitar's T-C.24: five years of Rupiah do not fit A4 landscape at 8 pt."""
    (block,) = lay_out_tables((Section("s", 1, "", "S", (_wide(5),)),), "A4")[0].children
    assert isinstance(block, Landscape)
    first, second = block.children
    assert (first.title, first.continued) == ("Uji", False)
    assert (second.title, second.continued) == ("Uji (lanjutan)", True)

    def years(t):
        return [c.blocks[0].inlines[0].text for c in t.head[1]]

    assert years(first) == ["2016", "2017", "2018"] * 3
    assert years(second) == ["2019", "2020"] * 3 + ["Anggaran", "Realisasi"]
    for part in (first, second):
        assert part.head[0][0].blocks[0].inlines[0].text == "Uraian"
        assert FONT_PT[part.font_size] >= 8
        assert sum(c.min_width for c in part.columns) <= text_width_of("A4", True)


def test_table_text_never_below_8_pt():
    t = _wide(3)
    for size in ("normal", "small", "tiny"):
        assert FONT_PT[size] >= 8
    assert min_widths(t, "tiny") < min_widths(t, "small")


def test_short_tables_are_kept_together_and_the_paragraph_before_a_signature_goes_with_it():
    short = _table(
        columns(
            (1, "left"),
        ),
        head(("A",)),
        [(cell("x"),)] * 3,
    )
    long = _table(
        columns(
            (1, "left"),
        ),
        head(("A",)),
        [(cell("x"),)] * 12,
    )
    last = Paragraph((Text("Demikian laporan ini."),))
    signature = Signature("Magetan, 1 Januari 2025", ("KEPALA DINAS",), "NAMA", "Pembina", "1")
    blocks = (Section("a", 1, "", "A", (short, long, last)), Section("t", 2, "", "", (signature,)))
    a, _ = keep_together(lay_out_tables(blocks, "A4"), "A4")
    kept_short, kept_long, kept_last = a.children
    assert kept_short.keep_together and not kept_long.keep_together
    # the head with the first two rows, and the last two, each on one page (1 head + 12 rows)
    assert kept_long.keep_rows == {0, 1, 11}
    assert kept_last.keep_with_next


def test_a_merged_cell_taller_than_half_a_page_is_cut_each_part_printing_its_text():
    """Tabel 3.8 of the LKjIP: a Sasaran over more rows than half a page printed its text
    above the page break only. Cut in parts, each kept on one page, each with the text; a
    merged cell that fits stays whole and is kept."""
    sasaran = Cell((Paragraph((Text("Sasaran A"),)),), rowspan=40)
    short = Cell((Paragraph((Text("Sasaran B"),)),), rowspan=4)
    body = [(sasaran, cell("k0"))] + [(cell(f"k{r}"),) for r in range(1, 40)]
    body += [(short, cell("m0"))] + [(cell(f"m{r}"),) for r in range(1, 4)]
    table = _table(columns((1, "left"), (1, "left")), head(("S", "K")), body)
    (laid,) = keep_together(lay_out_tables((table,), "A4"), "A4")
    parts = [(r, row[0]) for r, row in enumerate(laid.body) if row[0].rowspan > 1]
    texts = [cell_text(c) for _, c in parts]
    # the later parts say they continue the first: two on one page read as one sasaran
    assert texts[0] == "Sasaran A" and len(parts) >= 3
    assert texts[1:-1] == ["Sasaran A (lanjutan)"] * (len(parts) - 2)
    assert texts[-1] == "Sasaran B" and parts[-1] == (40, short)
    assert sum(c.rowspan for _, c in parts[:-1]) == 40
    for r, part in parts:  # every part's rows kept on one page (rows counted with the head)
        assert set(range(r + 1, r + part.rowspan)) <= laid.keep_rows


def test_a_group_row_is_kept_with_the_row_under_it():
    """The review saw T-C.27's "Program baru" alone at the foot of a page, its programs on the
    next. A group row (one cell across the table) goes with the row under it."""
    body = [(cell(f"r{n}"), cell("x")) for n in range(30)]
    body[14] = (cell("Program baru", colspan=2),)
    table = _table(columns((1, "left"), (1, "left")), head(("A", "B")), body)
    (laid,) = keep_together(lay_out_tables((table,), "A4"), "A4")
    assert 1 + 14 in laid.keep_rows  # counted with the head row
    assert not {5, 6, 7} & laid.keep_rows  # ordinary rows in the middle are free


def test_a_cut_row_number_is_not_repeated():
    """The review saw T-C.25's one tujuan cut in two parts on one page, both numbered "1": it
    read as two tujuan. The later part leaves the number out."""
    nomor = Cell((Paragraph((Text("1"),)),), rowspan=40)
    tujuan = Cell((Paragraph((Text("Tujuan A"),)),), rowspan=40)
    capaian = Cell((Paragraph((Text("100,11"),), align="right"),), rowspan=40, align="right")
    body = [(nomor, tujuan, capaian, cell("k0"))] + [(cell(f"k{r}"),) for r in range(1, 40)]
    table = _table(
        columns((0.5, "center"), (1, "left"), (1, "right"), (1, "left")),
        head(("No", "T", "C", "K")),
        body,
    )
    (laid,) = keep_together(lay_out_tables((table,), "A4"), "A4")
    firsts = [[cell_text(c) for c in row[:3]] for row in laid.body if row[0].rowspan > 1]
    assert firsts[0] == ["1", "Tujuan A", "100,11"] and len(firsts) >= 2
    # a figure is not printed twice either: Tabel 3.8 showed "100,11 (lanjutan)"
    assert all(f == ["", "Tujuan A (lanjutan)", ""] for f in firsts[1:])


def test_wide_tables_next_to_each_other_share_one_landscape_run():
    """Blitar's BAB II: T-C.23, a small portrait table and two PMKS tables each on a page of
    their own (three section breaks) printed five pages, four nearly empty. Landscape blocks
    side by side join, and a table alone between two of them is turned with them; a paragraph
    between landscape blocks still keeps them apart."""
    small = _table(columns((1, "left")), head(("A",)), [(cell("x"),)] * 3)
    text = Paragraph((Text("Uraian."),))
    blocks = (Section("s", 1, "", "S", (_wide(3), small, _wide(3), _wide(3), text, _wide(3))),)
    first, paragraph, last = lay_out_tables(blocks, "A4")[0].children
    assert isinstance(first, Landscape) and isinstance(last, Landscape)
    assert paragraph is text
    assert [len(t.columns) for t in first.children] == [12, 1, 12, 12]
    assert len(last.children) == 1
    assert first.children[1].columns[0].min_width > 0  # the small one laid out (landscape)


def _matrix(key: Sequence[str], years: int, unit: str, after: int = 2) -> Table:
    """A T-C.27-like matrix: key columns, Target and Rp per year, a Kondisi Akhir over Target
    and Rp, then `after` single columns (Unit Kerja, Lokasi)."""
    ys = [str(2025 + i) for i in range(years)]
    row = (
        *[cell(text) for text in key],
        *[cell(f"2.250 {unit}"), num("5.400.000.000")] * years,
        cell(f"2.250 {unit}"),
        num("22.800.000.000"),
        *[cell("Bidang Cipta Karya")] * after,
    )
    return _table(
        columns(*[(3, "left")] * len(key), *[(1.5, "right")] * (2 * years + 2 + after)),
        head(
            (
                *[cell(f"Kunci {n}", rowspan=3) for n in range(len(key))],
                cell("Target Kinerja dan Pendanaan", colspan=2 * years),
                cell("Kondisi Akhir", colspan=2, rowspan=2),
                *[cell(f"Sesudah {n}", rowspan=3) for n in range(after)],
            ),
            tuple(cell(y, colspan=2) for y in ys),
            ("Target", "Rp") * (years + 1),
        ),
        [row],
    )


def _fits_and_keeps_every_column(table: Table, parts: Sequence[Table]) -> None:
    width = text_width_of("A4", True)
    for part in parts:
        assert sum(c.min_width for c in part.columns) <= width + 1e-6
        assert FONT_PT[part.font_size] >= 8
    printed = Counter(
        cell_text(c) for part in parts for row in part.head for c in row if cell_text(c)
    )
    for name in (cell_text(c) for row in table.head for c in row):
        assert printed[name] >= 1, name


def test_columns_after_the_years_get_a_part_of_their_own_when_the_last_run_is_too_wide():
    """A Renstra counting in "sambungan": T-C.27's key columns, one year and the Kondisi
    Akhir, Unit Kerja and Lokasi together were wider than A4 landscape at 8 pt, so no count of
    year runs fit and the table was printed whole (past the Typst page, its numbers broken in
    the DOCX). The columns after the years then make a last part of their own; counted in
    "SR" they still go with the last year."""
    key = (
        "Meningkatnya kemantapan",
        "1.03.03.2.01.0006",
        "PENGEMBANGAN",
        "Persentase",
        "84,6%",
        "Kabupaten/Kota",
        "Penyelenggaraan",
    )

    def parts_of(unit: str) -> tuple[Table, ...]:
        (block,) = lay_out_tables((_matrix(key, 5, unit),), "A4")
        assert isinstance(block, Landscape)
        _fits_and_keeps_every_column(_matrix(key, 5, unit), block.children)
        return block.children

    def years(part: Table) -> list[str]:
        return [cell_text(c) for c in part.head[1]]

    parts = parts_of("sambungan")
    assert [years(p) for p in parts] == [["2025", "2026"], ["2027", "2028"], ["2029"], []]
    assert [cell_text(c) for c in parts[-1].head[0]][-3:] == [
        "Kondisi Akhir",
        "Sesudah 0",
        "Sesudah 1",
    ]
    assert [p.continued for p in parts] == [False, True, True, True]
    parts = parts_of("SR")
    assert [years(p) for p in parts] == [["2025", "2026"], ["2027", "2028"], ["2029"]]
    assert cell_text(parts[-1].head[0][-1]) == "Sesudah 1"


@pytest.mark.parametrize(
    "table",
    [
        # key columns so wide no year fits beside them: fewer repeated
        _matrix(["PENGEMBANGANPENGEMBANGAN"] * 8, 5, "orang/bulan"),
        # no year at all, forty columns
        _table(
            columns(*[(1, "left")] * 40),
            head(tuple(f"Kolom{n}" for n in range(40))),
            [tuple(cell("Rekomendasi") for _ in range(40))],
        ),
        # a head cell over more columns than a page holds: cut into its columns
        _table(
            columns(*[(1, "left")] * 13),
            head((cell("Uraian", rowspan=2), cell("Rincian", colspan=12)), tuple("ABCDEFGHIJKL")),
            [(cell("Uraian"), *[cell("Rekomendasi Kabupaten/Kota")] * 12)],
        ),
    ],
)
def test_whatever_a_table_holds_every_part_fits_the_page(table):
    """The layout is total: a table no split by year span fits is split by columns, its key
    columns repeated as far as they leave room, never printed wider than the page."""
    blocks = lay_out_tables((table,), "A4")
    parts = [t for b in blocks for t in (b.children if isinstance(b, Landscape) else (b,))]
    assert len(parts) > 1
    _fits_and_keeps_every_column(table, parts)


def test_a_piece_wider_than_the_page_is_squeezed_to_it():
    """The one thing no layout can print whole: that piece breaks, the table stays on the
    page (Typst draws a column no narrower than its minimum)."""
    url = "https://" + "sukamajukab.go.id/" * 12
    table = _table(columns((1, "left"), (1, "left")), head(("A", "B")), [(cell("x"), cell(url))])
    parts = [
        t
        for b in lay_out_tables((table,), "A4")
        for t in (b.children if isinstance(b, Landscape) else (b,))
    ]
    for part in parts:
        assert sum(c.min_width for c in part.columns) <= text_width_of("A4", True) + 1e-6


def _three_row_head(merged_text: str) -> Table:
    """A T-C.27-like head: a cell over all three header rows beside a group header, its year and
    its Target/Rp columns."""
    return _table(
        columns((2, "left"), (2, "left"), (2, "right")),
        head(
            (cell(merged_text, rowspan=3), cell("Target Kinerja Program", colspan=2)),
            (cell("2029", colspan=2),),
            ("Target", "Rp"),
        ),
        [(cell("isi"), num("1"), num("2"))],
    )


def test_a_tall_header_cell_over_rows_gets_the_height_it_needs_on_its_last_row():
    """LibreOffice does not grow the rows under a header cell spanning three rows: T-C.27's
    continued parts lost "Kegiatan (output)" and "(2024)" off the bottom of their header. The
    layout gives the last row the shortfall, so the rows together hold the cell's lines."""
    tall = "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output) " * 3
    (laid,) = lay_out_tables((_three_row_head(tall),), "A4")
    assert isinstance(laid, Table), laid
    least = laid.head_least_pt
    assert len(least) == 3 and least[0] == least[1] == 0.0
    assert least[2] > 6 * FONT_PT[laid.font_size]  # many lines' worth, not one row's
    (short,) = lay_out_tables((_three_row_head("Tujuan"),), "A4")
    assert isinstance(short, Table) and short.head_least_pt == ()


def test_the_docx_header_row_is_given_that_height(tmp_path):
    """The least height reaches the DOCX as the row's `w:trHeight` (at least, never exactly:
    a longer text still grows the row)."""
    from docx import Document as open_docx

    from laporgen.build import build

    from conftest import ROOT

    built = build(ROOT / "content" / "rekaan-dinsos" / "renstra-2025-2029", tmp_path, ("docx",))
    docx = next(p for p in built.outputs if p.suffix == ".docx")
    heights = [
        tr
        for table in open_docx(str(docx)).tables
        for tr in table._tbl.tr_lst[:3]
        if tr.trPr is not None and tr.trPr.find(qn("w:trHeight")) is not None
    ]
    assert heights and all(
        h.trPr.find(qn("w:trHeight")).get(qn("w:hRule")) == "atLeast" for h in heights
    )


def _grouped_table(groups: int = 8) -> Table:
    """A program table as LKjIP's Tabel 2.9 prints it: each program's bold row over its three
    kegiatan, and a JUMLAH foot."""
    body = []
    for g in range(groups):
        body.append((cell(f"{g}"), cell(f"PROGRAM {g}", strong=True), num("1.000", strong=True)))
        body += [(cell(f"{g}.{k}"), cell(f"Kegiatan {g}.{k}"), num("10")) for k in range(3)]
    foot = ((cell("JUMLAH", colspan=2, strong=True), num("8.000", strong=True)),)
    return _table(
        columns((0.5, "center"), (3, "left"), (1, "right")),
        head(("No.", "Program/Kegiatan", "Anggaran")),
        body,
        foot=foot,
    )


def test_a_table_before_a_page_break_carries_its_last_program_over_with_the_total():
    """Tabel 2.9 of the LKjIP (p.32) and Blitar's Tabel 6.2 (p.78) left their last two rows and
    the total alone on a page, white space under them, before the next BAB. Before a page break
    the tail is a third of a page at least, begun at a program's row; where text follows on the
    page, the two rows and the foot of `kept_rows` as before."""
    table = _grouped_table()
    bab = Section("b", 1, "BAB III", "B", (Paragraph((Text("Teks."),)),), page_break_before=True)
    text = Paragraph((Text("Teks sesudah tabel."),))
    before_break, _ = keep_together(lay_out_tables((table, bab), "A4"), "A4")
    before_text, _ = keep_together(lay_out_tables((table, text), "A4"), "A4")
    last = 1 + len(table.body)  # the foot, counted with the head row
    carried = sorted(r for r in before_break.keep_rows if r > 1 + TAIL_ROWS)
    # a whole program from its bold row on, each row kept with the next down to the foot
    assert carried[-1] == last - 1 and carried == list(range(carried[0], last))
    assert before_break.body[carried[0] - 1][1].strong
    assert last - carried[0] >= 2 * 4  # at least two programs (4 rows each) go over together
    assert sorted(r for r in before_text.keep_rows if r > 1 + TAIL_ROWS) == [last - 2, last - 1]


def test_a_tall_tujuan_over_its_sasaran_is_cut_where_they_are():
    """T-C.27's Tujuan cell spans its Sasaran cells: cut apart, a page break between two parts
    of the one could fall inside a part of the other, whose text then prints on one page only.
    The Tujuan is cut only where a Sasaran part begins."""
    rows = 60
    tujuan = Cell((Paragraph((Text("Tujuan A"),)),), rowspan=rows)
    sasaran = [Cell((Paragraph((Text(f"Sasaran {s}"),)),), rowspan=20) for s in range(3)]
    body = []
    for r in range(rows):
        lead = (tujuan,) if r == 0 else ()
        lead += (sasaran[r // 20],) if r % 20 == 0 else ()
        body.append((*lead, cell(f"kegiatan {r} " * 3)))
    table = _table(columns((1, "left"), (1, "left"), (2, "left")), head(("T", "S", "K")), body)
    (laid,) = keep_together(lay_out_tables((Landscape((table,)),), "A4"), "A4")[0].children
    placed = grid_positions(laid.body, 3)
    tujuan = [r for r, c, x in placed if c == 0]
    sasaran = {r for r, c, x in placed if c == 1}
    assert len(tujuan) >= 4  # cut into parts of a third of a page at most
    assert set(tujuan) <= sasaran
