"""`laporgen diff`: what a revision changed, between two folders or two git revisions, and the
table a Perubahan Renstra prints of it."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest

from laporgen.build import document_for
from laporgen.compute.perubahan import Perubahan, perubahan
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.jenis import load_document

MAGETAN = Path(__file__).resolve().parents[1] / "content" / "magetan-dinsos"
DOC = "renstra-2018-2023"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def versions(tmp_path) -> tuple[Path, Path]:
    """The Magetan Perubahan Renstra as `old`, and a `new` revision of it with five edits."""
    old, new = tmp_path / "old" / "magetan-dinsos", tmp_path / "new" / "magetan-dinsos"
    shutil.copytree(MAGETAN, old)
    shutil.copytree(MAGETAN, new)
    doc = new / DOC
    edit(
        doc / "rencana.yaml",
        "target: {2019: 38.5, 2020: 40.5, 2021: 40.75, 2022: 41.25, 2023: 41.75}",
        "target: {2019: 38.5, 2020: 40.5, 2021: 40.75, 2022: 42.00, 2023: 43.00}",
    )
    text = (doc / "narasi" / "latar-belakang.md").read_text(encoding="utf-8")
    (doc / "narasi" / "latar-belakang.md").write_text(
        text + "\nParagraf baru hasil reviu.\n", encoding="utf-8"
    )
    return old / DOC, doc


def test_diff_lists_exactly_the_changed_rows(versions):
    old, new = versions
    changes = perubahan(load_document(old), load_document(new))
    lansia = next(c for c in changes if c.bagian == "target").id
    assert changes == [
        Perubahan("diubah", "target", lansia, changes[0].uraian, 2022, D("41.25"), D("42.00")),
        Perubahan("diubah", "target", lansia, changes[0].uraian, 2023, D("41.75"), D("43.00")),
        Perubahan("diubah", "narasi", "latar-belakang", "latar-belakang"),
    ]
    assert "lanjut usia" in changes[0].uraian.lower()


def test_added_removed_and_pagu_changes(versions):
    old, new = versions
    program = new / "program.yaml"
    text = program.read_text(encoding="utf-8")
    first_pagu = next(line for line in text.splitlines() if "pagu: {2021:" in line)
    changed = first_pagu.replace("pagu: {2021: ", "pagu: {2021: 1")
    edit(program, first_pagu, changed)
    was = D(re.search(r"pagu: \{2021: (\d+)", first_pagu).group(1))
    changes = perubahan(load_document(old), load_document(new))
    pagu = [c for c in changes if c.bagian == "pagu"]
    assert [(c.jenis, c.tahun, c.sebelum, c.sesudah) for c in pagu] == [
        ("diubah", 2021, was, D(f"1{was}"))
    ]


def test_cli_diff_between_folders(versions, run_cli):
    old, new = versions
    code, out, err = run_cli("diff", str(old), str(new))
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("diubah   target") and "2022: 41,25 -> 42,00" in lines[0]
    assert lines[2].startswith("diubah   narasi")


def test_cli_diff_against_a_git_revision(tmp_path, run_cli, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(MAGETAN, repo / "content" / "magetan-dinsos")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "awal"], check=True)
    doc = repo / "content" / "magetan-dinsos" / DOC
    edit(doc / "rencana.yaml", "2022: 41.25", "2022: 42.00")
    monkeypatch.chdir(repo)
    code, out, _ = run_cli(
        "diff", f"HEAD:content/magetan-dinsos/{DOC}", f"content/magetan-dinsos/{DOC}"
    )
    assert code == 1 and "2022: 41,25 -> 42,00" in out
    code, out, err = run_cli(
        "diff", f"nosuchrev:content/magetan-dinsos/{DOC}", f"content/magetan-dinsos/{DOC}"
    )
    assert code == 2 and "[diff.git]" in err


def test_a_perubahan_renstra_prints_the_changes_table(versions):
    old, new = versions
    edit(
        new / "document.toml",
        'varian = "perubahan"',
        f'varian = "perubahan"\nperubahan_dari = "../../../old/magetan-dinsos/{DOC}"',
    )
    tables = [
        b
        for b in walk(document_for(load_document(new)).body)
        if isinstance(b, Table) and b.id == "perubahan"
    ]
    (table,) = tables
    assert table.number == "1.1"
    rows = [
        ["".join(i.text for i in c.blocks[0].inlines if hasattr(i, "text")) for c in row]
        for row in table.body
    ]
    assert rows[0][1:] == ["Diubah", "Target", rows[0][3], "2022", "41,25", "42,00"]
    assert len(rows) == 3


def test_lkjip_diff_lists_realisasi_of_indicators_and_budget(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MAGETAN, old)
    shutil.copytree(MAGETAN, new)
    doc = new / "lkjip-2024"
    edit(doc / "kinerja.yaml", "nilai: 0.259", "nilai: 0.261")
    program = (doc / "program.yaml").read_text(encoding="utf-8")
    line = next(x for x in program.splitlines() if "realisasi: " in x and "anggaran" in x)
    amount = line.split("realisasi: ")[1].split("}")[0].strip()
    edit(
        doc / "program.yaml",
        line,
        line.replace(f"realisasi: {amount}", f"realisasi: {int(amount) + 1000}"),
    )
    changes = perubahan(load_document(old / "lkjip-2024"), load_document(doc))
    assert [(c.jenis, c.bagian, c.id, c.tahun, c.sebelum, c.sesudah) for c in changes] == [
        ("diubah", "realisasi", "IS2.1", 2024, D("0.259"), D("0.261")),
        ("diubah", "realisasi_anggaran", changes[1].id, 2024, D(amount), D(amount) + 1000),
    ]


def test_renstra_diff_lists_a_realisasi_year_typed_differently(versions):
    old, new = versions
    edit(
        new / "evaluasi.yaml",
        "realisasi: {2019: 16.71, 2020: 43.73}",
        "realisasi: {2019: 16.71, 2020: 43.37}",
    )
    realisasi = [
        c for c in perubahan(load_document(old), load_document(new)) if c.bagian == "realisasi"
    ]
    assert [(c.jenis, c.tahun, c.sebelum, c.sesudah) for c in realisasi] == [
        ("diubah", 2020, D("43.73"), D("43.37"))
    ]


REKAAN = Path(__file__).resolve().parents[1] / "content" / "rekaan-dinsos"


def test_a_revision_of_the_spm_lists_its_values(tmp_path, run_cli):
    """A jumlah terlayani corrected, a sasaran counted where it was "N.a", a breakdown's count
    corrected and an indicator dropped: each listed with its year, before and after; the
    capaian (computed) is not a change of its own."""
    old, new = tmp_path / "old" / "rekaan-dinsos", tmp_path / "new" / "rekaan-dinsos"
    shutil.copytree(REKAAN, old)
    shutil.copytree(REKAAN, new)
    spm = new / "renstra-2025-2029" / "spm.yaml"
    edit(
        spm,
        "2023: {target: 100, sasaran: 125, terlayani: 118}",
        "2023: {target: 100, sasaran: 125, terlayani: 119}",
    )
    edit(
        spm,
        "2022: {target: 100, sasaran: N.a, terlayani: 52}",
        "2022: {target: 100, sasaran: 55, terlayani: 52}",
    )
    edit(spm, "{kategori: Banjir, nilai: {2022: 210,", "{kategori: Banjir, nilai: {2022: 211,")
    text = spm.read_text(encoding="utf-8")
    start = text.index("      - id: SPM1.4")
    end = text.index("    # A breakdown of one indicator")
    spm.write_text(text[:start] + text[end:], encoding="utf-8")
    changes = perubahan(
        load_document(old / "renstra-2025-2029"), load_document(new / "renstra-2025-2029")
    )
    assert [(c.jenis, c.bagian, c.id, c.tahun, c.sebelum, c.sesudah) for c in changes] == [
        ("diubah", "spm_sasaran", "SPM1.2", 2022, "N.a", D(55)),
        ("diubah", "spm_terlayani", "SPM1.3", 2023, D(118), D(119)),
        ("diubah", "spm_rincian", "spm-bencana/Banjir", 2022, D(210), D(211)),
        ("dihapus", "spm", "SPM1.4", None, None, None),
    ]
    code, out, _ = run_cli("diff", old / "renstra-2025-2029", new / "renstra-2025-2029")
    assert code == 1
    assert out.splitlines()[:2] == [
        "diubah   spm_sasaran   SPM1.2 2022: N.a -> 55  "
        "(Anak terlantar yang memperoleh rehabilitasi sosial dasar di luar panti)",
        "diubah   spm_terlayani SPM1.3 2023: 118 -> 119  "
        "(Lanjut usia terlantar yang memperoleh rehabilitasi sosial dasar di luar panti)",
    ]


NEW_PROGRAM = """
  - id: M18-PB9
    kode: "1.06.09"
    nama: Program Baru Hasil Perubahan
    indikator:
      - nama: Persentase keluarga terlayani
        satuan: "%"
        target: {2022: 50, 2023: 60}
    kegiatan:
      - id: M18-KB9.1
        kode: "1.06.09.2.01"
        nama: Kegiatan Baru
        indikator:
          - nama: Jumlah keluarga terlayani
            satuan: keluarga
            target: {2022: 100, 2023: 120}
        pagu: {2022: 300000000, 2023: 400000000}
"""


def _perubahan_of(old: Path, new: Path, extra: str = "") -> Path:
    edit(
        new / "document.toml",
        'varian = "perubahan"',
        f'varian = "perubahan"\nperubahan_dari = "../../../old/magetan-dinsos/{DOC}"{extra}',
    )
    return new


def _rows(table: Table) -> list[list[str]]:
    return [
        ["".join(i.text for i in c.blocks[0].inlines if hasattr(i, "text")) for c in row]
        for row in table.body
    ]


def _changes_table(folder: Path) -> Table:
    (table,) = [
        b
        for b in walk(document_for(load_document(folder)).body)
        if isinstance(b, Table) and b.id == "perubahan"
    ]
    return table


def _add_program(new: Path) -> None:
    program = new / "program.yaml"
    text = program.read_text(encoding="utf-8")
    at = text.index("\n# ONE matrix")
    program.write_text(text[:at] + NEW_PROGRAM + text[at:], encoding="utf-8")


def test_an_added_program_is_listed_with_its_kode_pagu_targets_and_the_new_total(versions):
    """A program added by the revision: its row with its code and the pagu indikatif of the
    period (its kegiatan's), each year's pagu and target as added, then the total pagu
    indikatif by year and over the period."""
    old, new = versions
    _add_program(new)
    changes = perubahan(load_document(old), load_document(new))
    program = [c for c in changes if c.id.startswith(("M18-PB9", "M18-KB9"))]
    assert [(c.jenis, c.bagian, c.id, c.tahun, c.sebelum, c.sesudah, c.kode) for c in program] == [
        ("ditambah", "program", "M18-PB9", None, None, D(700000000), "1.06.09"),
        ("ditambah", "target", "M18-PB9", 2022, None, D(50), None),
        ("ditambah", "target", "M18-PB9", 2023, None, D(60), None),
        ("ditambah", "kegiatan", "M18-KB9.1", None, None, D(700000000), "1.06.09.2.01"),
        ("ditambah", "pagu", "M18-KB9.1", 2022, None, D(300000000), "1.06.09.2.01"),
        ("ditambah", "pagu", "M18-KB9.1", 2023, None, D(400000000), "1.06.09.2.01"),
        ("ditambah", "target", "M18-KB9.1", 2022, None, D(100), None),
        ("ditambah", "target", "M18-KB9.1", 2023, None, D(120), None),
    ]
    total = [c for c in changes if c.bagian == "pagu_total"]
    years = [c for c in total if c.tahun]
    assert [(c.tahun, c.sesudah - c.sebelum) for c in years] == [
        (2022, D(300000000)),
        (2023, D(400000000)),
    ]
    (period,) = [c for c in total if c.tahun is None]
    assert period.uraian == "Total pagu indikatif 2019-2023"
    assert period.sesudah - period.sebelum == D(700000000)


def test_the_changes_table_names_sections_codes_and_pagu_as_the_reader_finds_them(versions):
    old, new = versions
    _add_program(new)
    rows = _rows(_changes_table(_perubahan_of(old, new)))
    by_uraian = {r[3]: r for r in rows if not r[4]}
    # the section by its number and title, not its id
    assert by_uraian["1.1 Latar Belakang"][1:] == [
        "Diubah",
        "Narasi",
        "1.1 Latar Belakang",
        "",
        "",
        "",
    ]
    assert by_uraian["1.06.09 Program Baru Hasil Perubahan"][1:] == [
        "Ditambah",
        "Program",
        "1.06.09 Program Baru Hasil Perubahan",
        "",
        "-",
        "700.000.000",
    ]
    pagu = next(
        r for r in rows if r[2] == "Pagu (Rp)" and r[4] == "2022" and "Kegiatan Baru" in r[3]
    )
    assert pagu[3:] == ["1.06.09.2.01 Kegiatan Baru", "2022", "-", "300.000.000"]
    period = next(r for r in rows if r[3] == "Total pagu indikatif 2019-2023")
    assert period[2] == "Pagu (Rp)"
    was, now = (D(x.replace(".", "")) for x in period[5:7])
    assert now - was == D(700000000)
    assert len(rows[0]) == 7  # no Alasan column without a reason given


def test_reasons_of_changes_fill_an_alasan_column(versions):
    old, new = versions
    reasons = (
        '\n[alasan]\n"latar-belakang" = "Menyesuaikan Perubahan RPJMD"\ntotal_pagu = "Program baru"'
    )
    _perubahan_of(old, new)
    with (new / "document.toml").open("a", encoding="utf-8") as f:
        f.write(reasons)
    table = _changes_table(new)
    head = [
        "".join(i.text for i in c.blocks[0].inlines if hasattr(i, "text")) for c in table.head[0]
    ]
    assert head[-1] == "Alasan"
    rows = _rows(table)
    assert rows[-1][3:] == ["1.1 Latar Belakang", "", "", "", "Menyesuaikan Perubahan RPJMD"]
    assert rows[0][-1] == ""  # a target changed without a reason given


def test_alasan_without_a_revised_version_is_refused(tmp_path, run_cli):
    folder = tmp_path / "magetan-dinsos"
    shutil.copytree(MAGETAN, folder)
    with (folder / DOC / "document.toml").open("a", encoding="utf-8") as f:
        f.write('\n[alasan]\nP1 = "x"\n')
    code, _, err = run_cli("check", folder / DOC)
    assert code == 2 and "perubahan_dari" in err
