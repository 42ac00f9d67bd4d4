"""The outline is data: a document drops, moves, adds (before, after or under any section) and
renames sections; numbering follows; a change that cannot be made is an error, never dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.document.numbering import heading_number
from laporgen.document.outline import LKJIP, RENSTRA, apply_changes
from laporgen.model.settings import Outline

BLITAR = Path(__file__).resolve().parents[2] / "content" / "blitar-dinsos"


def ids(outline) -> list[str]:
    return [b.id for top in outline for b in top.walk()]


def changed(outline=RENSTRA, **changes):
    result, problems = apply_changes(outline, Outline.model_validate(changes))
    return result, [(p.loc, p.message, p.hint, p.code) for p in problems]


def test_rename_drop_and_add():
    outline, problems = changed(
        judul={"telaah-renstra-kl": "Telaahan Renstra K/L dan Renstra Provinsi Jawa Timur"},
        hapus=["struktur-organisasi"],
        tambah=[
            {
                "id": "hubungan-dokumen",
                "judul": "Hubungan Renstra dengan Dokumen Lain",
                "setelah": "maksud-tujuan",
            }
        ],
    )
    assert problems == []
    assert "struktur-organisasi" not in ids(outline)
    bab1 = [b.id for b in outline[0].children]
    assert bab1 == [
        "latar-belakang",
        "landasan-hukum",
        "maksud-tujuan",
        "hubungan-dokumen",
        "sistematika",
    ]
    bab3 = {b.id: b.title for b in outline[2].children}
    assert bab3["telaah-renstra-kl"] == "Telaahan Renstra K/L dan Renstra Provinsi Jawa Timur"


def test_add_before_the_first_section_and_under_one_without_subsections():
    outline, problems = changed(
        tambah=[
            {"id": "gambaran-umum", "judul": "Gambaran Umum", "sebelum": "latar-belakang"},
            {"id": "spm", "judul": "Standar Pelayanan Minimal", "di_bawah": "kinerja-pelayanan"},
            {
                "id": "spm-rincian",
                "judul": "Rincian SPM",
                "di_bawah": "spm",
            },  # under one added just before
            {
                "id": "lampiran",
                "judul": "LAMPIRAN",
                "setelah": "penutup",
            },  # a chapter after the last
        ]
    )
    assert problems == []
    assert [b.id for b in outline[0].children][:2] == ["gambaran-umum", "latar-belakang"]
    kinerja = next(b for b in outline[1].children if b.id == "kinerja-pelayanan")
    assert [b.id for b in kinerja.walk()] == ["kinerja-pelayanan", "spm", "spm-rincian"]
    assert [b.id for b in outline][-2:] == ["penutup", "lampiran"]


def test_move_a_section_with_its_subsections_to_another_chapter():
    outline, problems = changed(pindah=[{"id": "sumber-daya", "di_bawah": "penutup"}])
    assert problems == []
    assert [b.id for b in outline[-1].walk()] == [
        "penutup",
        "sumber-daya",
        "sdm",
        "sarana-prasarana",
    ]
    assert "sumber-daya" not in [b.id for b in outline[1].children]


def test_the_lkjip_outline_takes_the_same_changes():
    outline, problems = changed(
        LKJIP,
        hapus=["prestasi"],
        tambah=[{"id": "spm", "judul": "Capaian SPM", "setelah": "efisiensi"}],
    )
    assert problems == []
    assert [b.id for b in outline[2].children][-3:] == ["efisiensi", "spm", "inovasi"]


@pytest.mark.parametrize(
    "changes, expected",
    [
        (
            {"judul": {"nope": "x"}},
            [
                (
                    ("outline", "judul", "nope"),
                    "no section with id 'nope'",
                    "laporgen outline PATH lists the ids",
                    "outline.unknown",
                )
            ],
        ),
        (
            {"hapus": ["sdn"]},
            [
                (
                    ("outline", "hapus", 0),
                    "no section with id 'sdn'",
                    "did you mean 'sdm'?",
                    "outline.unknown",
                )
            ],
        ),
        (
            {"hapus": ["strategi"], "tambah": [{"id": "x", "judul": "X", "setelah": "strategi"}]},
            [
                (
                    ("outline", "tambah", 0, "setelah"),
                    "section 'strategi' is dropped (hapus)",
                    "place it relative to a section the document keeps, or keep the section",
                    "outline.unknown",
                )
            ],
        ),
        (
            {"tambah": [{"id": "sdm", "judul": "SDM lagi", "setelah": "penutup"}]},
            [
                (
                    ("outline", "tambah", 0, "id"),
                    "a section with id 'sdm' exists already",
                    "give the new section an id of its own",
                    "outline.duplicate",
                )
            ],
        ),
        (
            {"pindah": [{"id": "sumber-daya", "di_bawah": "sdm"}]},
            [
                (
                    ("outline", "pindah", 0, "di_bawah"),
                    "section 'sumber-daya' cannot go di bawah itself",
                    "name a section outside the one you move",
                    "outline.place",
                )
            ],
        ),
    ],
    ids=[
        "rename unknown",
        "drop misspelt",
        "placed after a dropped section",
        "duplicate id",
        "moved under itself",
    ],
)
def test_a_change_that_cannot_be_made_is_reported_where_it_is_written(changes, expected):
    _, problems = changed(**changes)
    assert problems == expected


def test_a_place_names_exactly_one_anchor():
    with pytest.raises(ValueError, match="give exactly one of setelah, sebelum or di_bawah"):
        Outline.model_validate(
            {"tambah": [{"id": "x", "judul": "X", "setelah": "a", "sebelum": "b"}]}
        )


def test_heading_numbers_by_style():
    assert heading_number(1, 3) == "BAB III"
    assert (
        heading_number(2, 1, style="huruf") == "A." and heading_number(3, 2, style="huruf") == "2."
    )
    assert (
        heading_number(2, 4, "2", "desimal") == "2.4"
        and heading_number(3, 1, "2.4", "desimal") == "2.4.1"
    )


def test_an_unknown_section_id_in_document_toml_is_an_error(tmp_path, run_cli):
    agency = tmp_path / "blitar-dinsos"
    shutil.copytree(BLITAR, agency)
    toml = agency / "renstra-2021-2026" / "document.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + '\n[outline]\nhapus = ["tidak-ada"]\n', encoding="utf-8"
    )
    code, out, err = run_cli(
        "build", str(agency / "renstra-2021-2026"), "--out", str(tmp_path / "out")
    )
    assert code == 2
    line = len(toml.read_text(encoding="utf-8").splitlines())
    assert err.splitlines()[0].endswith(
        f"document.toml:{line}: outline.hapus[0]: no section with id 'tidak-ada'; laporgen outline PATH lists the ids [outline.unknown]"
    )
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "out").exists()
