"""The outline is data: a document renames, drops and adds sections; numbering follows."""

from __future__ import annotations

import shutil
from pathlib import Path

from laporgen.document.numbering import heading_number
from laporgen.document.outline import RENSTRA, apply_changes

BLITAR = Path(__file__).resolve().parents[2] / "content" / "blitar-dinsos"


def ids(outline) -> list[str]:
    return [b.id for top in outline for b in top.walk()]


def test_rename_drop_and_add():
    outline, unknown = apply_changes(
        RENSTRA, {"telaah-renstra-kl": "Telaahan Renstra K/L dan Renstra Provinsi Jawa Timur"}, ["struktur-organisasi"],
        [("hubungan-dokumen", "Hubungan Renstra dengan Dokumen Lain", "maksud-tujuan")])
    assert unknown == []
    assert "struktur-organisasi" not in ids(outline)
    bab1 = [b.id for b in outline[0].children]
    assert bab1 == ["latar-belakang", "landasan-hukum", "maksud-tujuan", "hubungan-dokumen", "sistematika"]
    bab3 = {b.id: b.title for b in outline[2].children}
    assert bab3["telaah-renstra-kl"] == "Telaahan Renstra K/L dan Renstra Provinsi Jawa Timur"


def test_unknown_ids_are_returned():
    _, unknown = apply_changes(RENSTRA, {"nope": "x"}, ["gone"], [("new", "New", "missing")])
    assert unknown == ["nope", "gone", "missing"]


def test_heading_numbers_by_style():
    assert heading_number(1, 3) == "BAB III"
    assert heading_number(2, 1, style="huruf") == "A." and heading_number(3, 2, style="huruf") == "2."
    assert heading_number(2, 4, "2", "desimal") == "2.4" and heading_number(3, 1, "2.4", "desimal") == "2.4.1"


def test_an_unknown_section_id_in_document_toml_is_an_error(tmp_path, run_cli):
    agency = tmp_path / "blitar-dinsos"
    shutil.copytree(BLITAR, agency)
    toml = agency / "renstra-2021-2026" / "document.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[outline]\nhapus = ["tidak-ada"]\n', encoding="utf-8")
    code, out, err = run_cli("build", str(agency / "renstra-2021-2026"), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "no section with id 'tidak-ada'" in err and "[outline.unknown]" in err
    assert not (tmp_path / "out").exists()
