"""Text where documents print text (issue 14 item 3), read back from the built DOCX: the invented
Renstra's SAKIP predikat (B → BB → A) and "N.a" in T-C.25, and an LKjIP whose plan sets a
predikat target for the report year: printed as written everywhere, never computed (capaian
"-", left out of the average), and no `check` finding about it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx_reading import docx_tables, table_captions

from laporgen.build import build, check
from laporgen.errors import LaporgenError

ROOT = Path(__file__).resolve().parents[1]
REKAAN = ROOT / "content" / "rekaan-dinsos" / "renstra-2025-2029"
MAGETAN = ROOT / "content" / "magetan-dinsos"
IS11 = "target: {2024: 99.88, 2025: 99.89, 2026: 99.90}"


def tables(path: Path) -> dict[str, list[list[str]]]:
    return {c.split("\n")[0]: t for c, t in zip(table_captions(path), docx_tables(path))}


def test_rekaan_tc25_prints_the_predikat_and_na_as_written(tmp_path):
    docx = build(REKAAN, tmp_path).outputs[0]
    tc25 = tables(docx)["Tabel 4.1 Tujuan dan Sasaran Jangka Menengah Pelayanan (T-C.25)"]
    rows = {r[-8]: r[-7:] for r in tc25 if len(r) >= 8}
    assert rows["Predikat SAKIP Dinas Sosial"] == ["predikat", "B", "BB", "BB", "BB", "A", "A"]
    assert rows["Indeks kepuasan korban bencana atas layanan logistik"] == [
        "indeks",
        "N.a",
        "3,1",
        "3,2",
        "3,3",
        "3,4",
        "3,5",
    ]
    assert rows["Persentase PPKS yang meningkat kesejahteraannya"] == [
        "persen",
        "60",
        "62",
        "64",
        "66",
        "68",
        "70",
    ]


@pytest.fixture
def magetan(tmp_path: Path) -> Path:
    shutil.copytree(MAGETAN, tmp_path / "magetan-dinsos")
    return tmp_path / "magetan-dinsos"


def _plan(agency: Path, targets: str) -> None:
    path = agency / "renstra-2024-2026" / "rencana.yaml"
    text = path.read_text(encoding="utf-8")
    assert IS11 in text
    path.write_text(text.replace(IS11, targets, 1), encoding="utf-8")


def test_lkjip_with_a_predikat_target_prints_it_and_computes_without_it(magetan, tmp_path):
    before = {str(f).split(": ", 1)[1] for f in check(magetan / "lkjip-2024")}
    _plan(magetan, "target: {2024: BB, 2025: A, 2026: A}")
    docx = build(magetan / "lkjip-2024", tmp_path / "out").outputs[0]
    t = tables(docx)
    name = "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial"
    capaian = next(r for r in t["Tabel 3.2 Capaian Kinerja"] if r[1] == name)
    assert capaian[2:6] == ["BB", "99,88", "-", "-"]  # target, realisasi, capaian, kategori
    plan = next(
        r for r in t["Tabel 2.2 Tujuan, Sasaran, Indikator dan Target Kinerja"] if name in r
    )
    assert plan[-3:] == ["BB", "A", "A"]
    after = [str(f).split(": ", 1)[1] for f in check(magetan / "lkjip-2024")]
    # the mean leaves the predikat out: (92,5 + 95 + 100 + 108,62 + 100,11) / 5 = 99,246
    assert (
        "tercetak.rata_rata_capaian: printed 99,54, computed 99,25 (mean of 5 indicators' capaian) "
        "[rata_rata]" in after
    )
    # nothing reported about IS1.1's target: no slip, no kategori it cannot judge
    new = [f for f in after if f not in before]
    assert not [f for f in new if "IS1.1" in f], new


def test_a_predikat_outside_the_declared_scale_names_it(magetan):
    _plan(magetan, "target: {2024: BB, 2025: Sangat Baik, 2026: A}")
    with pytest.raises(LaporgenError) as e:
        build(magetan / "lkjip-2024", magetan / "out")
    assert (
        '"Sangat Baik" is not a predikat of the declared scale (SAKIP: AA, A, BB, B, CC, C, D)'
        in str(e.value)
    )
    # declared by the LKjIP, it is accepted
    doc = magetan / "lkjip-2024" / "document.toml"
    text = doc.read_text(encoding="utf-8")
    head, sep, tail = text.partition("\n[")
    doc.write_text(
        head + '\npredikat = {SAKIP = ["AA", "A", "BB", "B", "CC", "C", "D"], '
        'Pelayanan = ["Sangat Baik", "Baik", "Cukup"]}\n' + sep + tail,
        encoding="utf-8",
    )
    assert build(magetan / "lkjip-2024", magetan / "out").outputs


BLITAR = ROOT / "content" / "blitar-dinsos"
PERSEN = """
# invented for the test: a source that gives education as shares only
pendidikan:
  - {uraian: S2, persen: 7.5}
  - {uraian: S1/D4, persen: 52.5}
  - {uraian: D3, persen: 10}
  - {uraian: SLTA, persen: 30}
"""


def test_education_given_as_percentages_prints_them_with_their_total(tmp_path):
    shutil.copytree(BLITAR, tmp_path / "blitar-dinsos")
    folder = tmp_path / "blitar-dinsos" / "renstra-2021-2026"
    with (folder / "sumber_daya.yaml").open("a", encoding="utf-8") as f:
        f.write(PERSEN)
    docx = build(folder, tmp_path / "out").outputs[0]
    t = next(
        t for c, t in zip(table_captions(docx), docx_tables(docx)) if "Tingkat Pendidikan" in c
    )
    assert t == [
        ["No.", "Tingkat Pendidikan", "Persentase (%)"],
        ["1", "S2", "7,5"],
        ["2", "S1/D4", "52,5"],
        ["3", "D3", "10"],
        ["4", "SLTA", "30"],
        ["Jumlah", "100,0"],
    ]
    # shares count no one: never compared with the counts by golongan or status
    assert not [f for f in check(folder) if "pendidikan" in str(f)]


def test_education_rows_are_all_counts_or_all_shares(tmp_path):
    shutil.copytree(BLITAR, tmp_path / "blitar-dinsos")
    folder = tmp_path / "blitar-dinsos" / "renstra-2021-2026"
    with (folder / "sumber_daya.yaml").open("a", encoding="utf-8") as f:
        f.write(PERSEN.replace("persen: 10}", "jumlah: 4}"))
    with pytest.raises(LaporgenError) as e:
        build(folder, tmp_path / "out")
    assert "write every row of pendidikan as a count (jumlah) or every row as a share" in str(
        e.value
    )


def test_a_predikat_realisasi_goes_through_the_realisasi_form_as_written(
    run_cli, example_copy, tmp_path
):
    from test_excel_roundtrip import IS2_1_ROW, edit, export_template, snapshot

    template = export_template(run_cli, example_copy, tmp_path / "out")
    edit(template, "Indikator", {f"E{IS2_1_ROW}": "A"})
    code, stdout, stderr = run_cli("import", template, "--into", example_copy)
    assert code == 0, stderr
    assert stdout.splitlines()[0] == "kinerja.yaml realisasi.IS2.1.nilai: 0.259 -> A"
    assert "    nilai: A" in (example_copy / "kinerja.yaml").read_text(encoding="utf-8")
    edited = snapshot(example_copy.parent)
    again = export_template(run_cli, example_copy, tmp_path / "again")
    code, stdout, _ = run_cli("import", again, "--into", example_copy)
    assert (code, stdout.strip()) == (0, "no changes")
    assert snapshot(example_copy.parent) == edited
    docx = build(example_copy, tmp_path / "docx").outputs[0]
    row = next(
        r
        for r in tables(docx)["Tabel 3.2 Capaian Kinerja"]
        if r[1] == "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial"
    )
    assert row[2:5] == ["0,28", "A", "-"]


def test_the_agency_declares_the_scale_once_and_a_document_overrides_it(magetan):
    """`predikat` in agency.yaml holds for every document of the agency (the Renstra and the
    LKjIP that reads its plan); a document.toml's own `predikat` replaces it."""
    from laporgen.jenis import load_document

    _plan(magetan, "target: {2024: BB, 2025: Sangat Baik, 2026: A}")
    with (magetan / "agency.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "predikat:\n"
            "  SAKIP: [AA, A, BB, B, CC, C, D]\n"
            "  Pelayanan: [Sangat Baik, Baik, Cukup]\n"
        )
    for document in ("renstra-2024-2026", "lkjip-2024"):
        c = load_document(magetan / document)
        assert c.settings.predikat == {
            "SAKIP": ["AA", "A", "BB", "B", "CC", "C", "D"],
            "Pelayanan": ["Sangat Baik", "Baik", "Cukup"],
        }
    assert build(magetan / "lkjip-2024", magetan / "out").outputs
    # the LKjIP's own scale replaces the agency's: "Sangat Baik" is no predikat of it
    doc = magetan / "lkjip-2024" / "document.toml"
    head, sep, tail = doc.read_text(encoding="utf-8").partition("\n[")
    doc.write_text(head + '\npredikat = {SAKIP = ["AA", "A", "BB"]}\n' + sep + tail, "utf-8")
    with pytest.raises(LaporgenError) as e:
        load_document(magetan / "lkjip-2024")
    assert [p.message for p in e.value.problems] == [
        '"Sangat Baik" is not a predikat of the declared scale (SAKIP: AA, A, BB)'
    ]
    assert load_document(magetan / "renstra-2024-2026").settings.predikat["Pelayanan"]
