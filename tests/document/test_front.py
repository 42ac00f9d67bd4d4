"""document/front.py: a section with nothing to read is marked as a draft or left out, never an
empty page; the ids of such sections are returned for `check`."""

from __future__ import annotations

from laporgen.document.front import draft_note, settle_empty
from laporgen.document.nodes import Paragraph, Section, Signature, Text

SIGN = Signature(
    "Blitar, 1 Maret 2022", ("KEPALA DINAS SOSIAL",), "NAMA", "Pembina (IV/a)", "1" * 18
)
TEXT = Paragraph((Text("Isi."),))


def tree():
    return (
        Section("kata-pengantar", 1, "", "KATA PENGANTAR", (SIGN,)),  # a signature alone: empty
        Section(
            "bab",
            1,
            "",
            "BAB",
            (
                Section("ada", 2, "", "Ada", (TEXT,)),
                Section("kosong", 2, "", "Kosong", ()),
            ),
        ),
        Section("semua-kosong", 1, "", "SEMUA KOSONG", (Section("a", 2, "", "A", ()),)),
        Section(
            "tanda-tangan", 2, "", "", (SIGN,)
        ),  # the closing signature has no heading: not a section to write
    )


def test_draf_marks_every_empty_section_and_keeps_the_signature():
    blocks, found = settle_empty(tree(), "draf")
    assert found == ("kata-pengantar", "kosong", "a")
    assert blocks[0].children == (draft_note("narasi/kata-pengantar.md"), SIGN)
    assert blocks[1].children[1].children == (draft_note("narasi/kosong.md"),)
    assert blocks[3].children == (SIGN,)


def test_hilangkan_leaves_them_out_and_a_section_left_empty_goes_too():
    blocks, found = settle_empty(tree(), "hilangkan")
    assert [b.id for b in blocks] == ["bab", "tanda-tangan"]
    assert [b.id for b in blocks[0].children] == ["ada"]
    assert found == ("kata-pengantar", "kosong", "a", "semua-kosong")
