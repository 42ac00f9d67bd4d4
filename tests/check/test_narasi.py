"""`narasi.missing`: the one rule for a section with nothing under its heading, shared by `check`
and the build (issue 15 item 2, issue 13 item 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from laporgen.check.narasi import MISSING, empty_sections, is_blank, narasi_missing
from laporgen.document.nodes import Paragraph, Section, Text
from laporgen.model.content import Narasi


@dataclass
class _Content:
    folder: Path
    narasi: dict = field(default_factory=dict)


def test_missing_and_blank_narratives_are_findings(tmp_path):
    c = _Content(
        tmp_path,
        {
            "maksud": Narasi(
                "maksud", "<!-- isi nanti -->\n{# draf #}\n  \n", tmp_path / "narasi" / "maksud.md"
            ),
            "penutup": Narasi("penutup", "Demikian.", tmp_path / "narasi" / "penutup.md"),
        },
    )
    found = narasi_missing(c, ["kata-pengantar", "maksud", "penutup"])
    assert [(f.severity, f.problem.code, Path(f.problem.file).name) for f in found] == [
        ("W", MISSING, "kata-pengantar.md"),
        ("W", MISSING, "maksud.md"),
    ]
    assert (
        found[0].problem.message
        == "section 'kata-pengantar' has no narrative: the document marks it DRAF (or leaves it out: bagian_kosong)"
    )
    assert found[1].problem.message == "section 'maksud': the narrative file is empty"


def test_empty_sections_of_a_tree():
    body = (
        Section(
            "bab",
            1,
            "BAB I",
            "PENDAHULUAN",
            (
                Section("a", 2, "1.1", "A", ()),
                Section("b", 2, "1.2", "B", (Paragraph((Text("x"),)),)),
            ),
        ),
    )
    assert empty_sections(body) == ["a"]
    assert is_blank("<!-- -->") and not is_blank("{{ opd }}")
