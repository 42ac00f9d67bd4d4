"""A Perubahan/Review Renstra beside the Renstra it revises: the decree's date, the title of a
Reviu, and what `check` says of a revision that rewrites a year already over and of a PK dated
before the Renstra it reads took effect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import check, document_for, output_name
from laporgen.document.nodes import LabelBlock
from laporgen.jenis import load_document

MAGETAN = Path(__file__).resolve().parents[1] / "content" / "magetan-dinsos"
DOC = "renstra-2018-2023"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def agency(tmp_path) -> Path:
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    return tmp_path / "magetan-dinsos"


def _decree(folder: Path) -> dict[str, str]:
    (block,) = [b for b in document_for(load_document(folder)).body if isinstance(b, LabelBlock)]
    return dict(block.rows)


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("2022-08-17", "17 Agustus 2022"),  # a TOML date, as [tanda_tangan] tanggal takes
        ('"2022-08-17"', "17 Agustus 2022"),  # the same date quoted
        ('"Agustus 2022"', "Agustus 2022"),  # a text, printed as written (the day to fill in)
        ('""', ""),
    ],
)
def test_the_decree_date_is_printed_the_indonesian_way(agency, written, printed):
    edit(agency / DOC / "document.toml", 'tanggal = ""', f"tanggal = {written}")
    assert _decree(agency / DOC)["TANGGAL"] == printed


def test_a_review_is_titled_reviu_and_named_so(agency):
    edit(agency / DOC / "document.toml", 'varian = "perubahan"', 'varian = "review"')
    content = load_document(agency / DOC)
    document = document_for(content)
    assert document.title.startswith("Reviu Rencana Strategis Dinas Sosial")
    assert document.cover.title_lines[0] == "REVIU RENCANA STRATEGIS"
    assert output_name(content) == "renstra-2018-2023-reviu-dinas-sosial-kabupaten-magetan"


def _revision(agency: Path) -> Path:
    """The Magetan Renstra 2018-2023 as `awal` and a Perubahan of it decreed 17 August 2021."""
    awal = agency / "renstra-2018-2023-awal"
    shutil.copytree(agency / DOC, awal)
    edit(awal / "document.toml", 'varian = "perubahan"', 'varian = "awal"')
    new = agency / DOC
    edit(
        new / "document.toml",
        'varian = "perubahan"',
        'varian = "perubahan"\nperubahan_dari = "../renstra-2018-2023-awal"',
    )
    edit(new / "document.toml", 'tanggal = ""', "tanggal = 2021-08-17")
    return new


def test_a_revision_changing_a_target_of_a_year_already_over_is_a_warning(agency):
    new = _revision(agency)
    edit(
        new / "rencana.yaml",
        "target: {2019: 38.5, 2020: 40.5, 2021: 40.75, 2022: 41.25, 2023: 41.75}",
        "target: {2019: 38.5, 2020: 39.0, 2021: 40.0, 2022: 41.25, 2023: 41.75}",
    )
    found = [f for f in check(new) if f.problem.code == "wajar.perubahan_lalu"]
    # 2020 was over when the Perubahan took effect (17 August 2021); 2021, the year running, not
    assert [(f.severity, f.problem.field) for f in found] == [
        ("W", "tujuan[0].sasaran[0].indikator[3].target[2020]")
    ]
    assert "40,5 -> 39" in found[0].problem.message
    assert "17 Agustus 2021" in found[0].problem.message


def test_an_alasan_for_a_change_not_made_is_a_warning(agency):
    new = _revision(agency)
    with (new / "document.toml").open("a", encoding="utf-8") as f:
        f.write('\n[alasan]\nM18-PB1 = "tidak berubah"\n')
    found = [f for f in check(new) if f.problem.code == "ref.alasan"]
    assert [f.problem.field for f in found] == ["alasan.M18-PB1"]


def test_a_pk_signed_before_the_renstra_it_reads_took_effect_is_a_warning(agency):
    renstra = agency / "renstra-2024-2026" / "document.toml"
    with renstra.open("a", encoding="utf-8") as f:
        f.write('\n[tanda_tangan]\ntempat = "Magetan"\ntanggal = 2024-12-02\n')
    found = [f for f in check(agency / "pk-2024") if f.problem.code == "wajar.tanggal"]
    assert [(f.severity, f.problem.field) for f in found] == [("W", "tanda_tangan.tanggal")]
    assert "4 November 2024" in found[0].problem.message
    assert "2 Desember 2024" in found[0].problem.message
    edit(renstra, "tanggal = 2024-12-02", "tanggal = 2024-01-02")
    assert not [f for f in check(agency / "pk-2024") if f.problem.code == "wajar.tanggal"]
