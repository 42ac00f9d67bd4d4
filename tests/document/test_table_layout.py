"""`document/table_layout.py`: columns sized from their widest unbreakable piece plus the cell
margins, text never under 8 pt, empty columns dropped, a table too wide turned landscape or
split by year span with its key columns repeated; and `document/keep.py`'s short tables."""

from __future__ import annotations

import pytest

from laporgen.document.cells import cell, columns, head, num
from laporgen.document.keep import keep_together
from laporgen.document.nodes import Cell, Landscape, Paragraph, Section, Signature, Table, Text
from laporgen.document.table_layout import (
    CELL_MARGIN_PT,
    cell_text,
    FONT_PT,
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
    assert texts[:-1] == ["Sasaran A"] * (len(parts) - 1) and len(parts) >= 3
    assert texts[-1] == "Sasaran B" and parts[-1] == (40, short)
    assert sum(c.rowspan for _, c in parts[:-1]) == 40
    for r, part in parts:  # every part's rows kept on one page (rows counted with the head)
        assert set(range(r + 1, r + part.rowspan)) <= laid.keep_rows


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
