"""`laporgen init`: a scaffold builds as it is and `check` flags its placeholders; next year's
LKjIP starts from this year's with the year moved on and the realisasi emptied."""

from __future__ import annotations

from pathlib import Path

import pytest

from docx_reading import docx_headings
from laporgen.build import build, check, document_for
from laporgen.commands.scaffold import new_document, next_lkjip
from laporgen.document.outline import LKJIP, LKJIP_FRONT, RENSTRA, RENSTRA_FRONT
from laporgen.document.pk import PK
from laporgen.jenis import jenis_named, load_document
from laporgen.model.folder import load_lkjip


def write(files: dict[Path, str | bytes]) -> None:
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


HEADINGS = {
    "lkjip": [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I",
        "BAB II",
        "BAB III",
        "BAB IV",
        "LAMPIRAN",
    ],
    "renstra": [
        "KATA PENGANTAR",
        "BAB I",
        "BAB II",
        "BAB III",
        "BAB IV",
        "BAB V",
        "BAB VI",
        "BAB VII",
        "BAB VIII",
    ],
}
"""The Heading 1 paragraphs a scaffold's DOCX has: the whole outline, built from the [ISI] values."""


@pytest.mark.parametrize("jenis", ["lkjip", "renstra"])
def test_scaffold_builds_and_check_flags_placeholders(tmp_path, jenis):
    folder = tmp_path / "content" / "dinas-contoh" / f"{jenis}-2025"
    files = new_document(folder, jenis, 2025, tmp_path / "schemas")
    write(files)
    assert (folder.parent / "agency.yaml") in files
    assert all(
        "# yaml-language-server: $schema=" in text
        for path, text in files.items()
        if path.suffix == ".yaml"
    )
    (docx,) = build(folder, tmp_path / "out").outputs
    assert [h.split("\n")[0] for s, h in docx_headings(docx) if s == "Heading 1"] == HEADINGS[jenis]
    findings = check(folder)
    assert findings and {f.severity for f in findings} == {"I"}  # placeholders only: informational
    assert all(
        f.problem.code == "isi" and f.problem.line for f in findings
    )  # a Kata Pengantar to write too


def test_next_years_lkjip_from_this_years(example_copy):
    new = example_copy.parent / "lkjip-2025"
    write(next_lkjip(example_copy, new))
    c = load_lkjip(new)
    assert c.settings.tahun == 2025 and c.settings.tanda_tangan.tanggal.year == 2026
    assert all(r.nilai is None for r in c.kinerja.realisasi.values())
    assert all(
        r.tercetak.capaian is None and r.tercetak.kategori is None
        for r in c.kinerja.realisasi.values()
    )
    assert c.kinerja.target_triwulan == {}
    assert all(k.anggaran.realisasi == 0 for p in c.program.program for k in p.kegiatan)
    old = load_lkjip(example_copy)  # last year's pagu kept as a draft, kegiatan by kegiatan
    assert [k.anggaran.pagu for p in c.program.program for k in p.kegiatan] == [
        k.anggaran.pagu for p in old.program.program for k in p.kegiatan
    ]
    assert "<!-- [ISI] draft" in (new / "narasi" / "latar-belakang.md").read_text(encoding="utf-8")
    assert (new / "narasi" / "bagan-organisasi.png").read_bytes() == (
        example_copy / "narasi" / "bagan-organisasi.png"
    ).read_bytes()
    # the year's [ISI] markers (information), and the plan's one known gap (LKJIP-SPEC L-21): no
    # finding carried over from last year's printed figures
    assert [
        (f.severity, f.problem.code, f.problem.field) for f in check(new) if f.severity != "I"
    ] == [("W", "strategi", "tujuan[0].sasaran[4].id")]
    build(new, example_copy.parent / "out")


def test_renstra_scaffold_period_starts_at_its_year(tmp_path):
    """`init renstra-2025-2029 --tahun 2025`: the plan runs 2025-2029, kondisi awal is 2024."""
    folder = tmp_path / "content" / "dinas-contoh" / "renstra-2025-2029"
    files = new_document(folder, "renstra", 2025, tmp_path / "schemas")
    document, rencana = files[folder / "document.toml"], files[folder / "rencana.yaml"]
    assert 'periode = "2025-2029"' in document and "tahun_awal = 2024" in document
    assert "periode: [2025, 2029]" in rencana and "Tahun 2025-2029" in rencana
    write(files)
    from laporgen.model.folder import load_renstra

    c = load_renstra(folder)
    assert (c.settings.periode, c.settings.tahun_awal) == ("2025-2029", 2024)


def test_a_renstra_folder_named_for_six_years_scaffolds_six_years(tmp_path, run_cli):
    """`init renstra-2021-2026` (Blitar's period): the plan, T-C.27 and the document run to
    2026, not to the usual fifth year; the scaffold builds and checks with [ISI] notes only."""
    folder = tmp_path / "dinas-contoh" / "renstra-2021-2026"
    code, _, err = run_cli("init", folder, "--schemas", tmp_path / "schemas")
    assert code == 0, err
    assert 'periode = "2021-2026"' in (folder / "document.toml").read_text(encoding="utf-8")
    program = (folder / "program.yaml").read_text(encoding="utf-8")
    assert "tahun: [2021, 2022, 2023, 2024, 2025, 2026]" in program
    c = load_document(folder)
    assert c.rencana.periode == (2021, 2026)
    assert {f.severity for f in check(folder)} == {"I"}


def test_next_years_lkjip_rolls_the_assets_and_marks_last_years_figures(example_copy):
    """Tabel 1.5 of 2025 starts from 2024's saldo akhir with the mutasi to fill in; pagu,
    program/kegiatan targets and pegawai counts are kept as a draft but marked [ISI]."""
    new = example_copy.parent / "lkjip-2025"
    write(next_lkjip(example_copy, new))
    aset = load_lkjip(new).sumber_daya.aset.item
    assert [(a.nama, a.saldo_awal, a.bertambah, a.berkurang) for a in aset] == [
        ("Tanah", 84093652, 0, 0),
        ("Peralatan dan Mesin", 2596107062 + 281832257, 0, 0),
        ("Gedung dan Bangunan", 21487432582, 0, 0),
    ]
    sumber_daya = (new / "sumber_daya.yaml").read_text(encoding="utf-8")
    assert (
        '    - {nama: "Peralatan dan Mesin", saldo_awal: 2877939319, bertambah: 0, berkurang: 0}'
        "  # [ISI] mutasi aset 2025"
    ) in sumber_daya
    assert (
        '    - {jabatan: "Kepala Dinas", kebutuhan: 1, realisasi: 1}  # [ISI] jumlah pegawai 2025'
        in sumber_daya
    )
    program = (new / "program.yaml").read_text(encoding="utf-8")
    assert (
        "        anggaran: {pagu: 39845000, pagu_murni: 50000000, realisasi: 0}  # [ISI] pagu dan realisasi 2025"
        in program
    )
    assert "        target: 84  # [ISI] target dan realisasi 2025" in program
    isi = [f for f in check(new) if f.problem.code == "isi"]
    line = 1 + sumber_daya.split("\n").index(
        '    - {nama: "Peralatan dan Mesin", saldo_awal: 2877939319, bertambah: 0, berkurang: 0}  # [ISI] mutasi aset 2025'
    )
    assert any(f.problem.file.endswith("sumber_daya.yaml") and f.problem.line == line for f in isi)


def test_a_riwayat_row_written_by_name_takes_the_moved_year(example_copy):
    """A riwayat row with no id (sasaran/indikator/satuan, as transcribed) is the indicator of
    that name and satuan: the report year merges into it, in Tabel 3.3 and in `init --from`."""
    kinerja = example_copy / "kinerja.yaml"
    text = kinerja.read_text(encoding="utf-8")
    kinerja.write_text(
        text.replace(
            "    satuan: persen\n    id: IS1.1\n",
            "    satuan: Persen\n    tahun:\n      2023: {target: 80, realisasi: 81}\n",
            1,
        ),
        encoding="utf-8",
    )
    from laporgen.compute.lkjip import lkjip_figures

    rows = [
        r
        for r in lkjip_figures(load_lkjip(example_copy)).riwayat
        if r.indikator == "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial"
    ]
    assert len(rows) == 1 and sorted(rows[0].tahun) == [2023, 2024]
    new = example_copy.parent / "lkjip-2025"
    write(next_lkjip(example_copy, new))
    riwayat = [
        r
        for r in load_lkjip(new).kinerja.riwayat
        if r.indikator == "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial"
    ]
    assert len(riwayat) == 1 and riwayat[0].id is None and sorted(riwayat[0].tahun) == [2023, 2024]
    rows = [
        r
        for r in lkjip_figures(load_lkjip(new)).riwayat
        if r.indikator == "Persentase PPKS yang Mendapatkan Perlindungan dan Jaminan Sosial"
    ]
    assert len(rows) == 1 and sorted(rows[0].tahun) == [2023, 2024, 2025]


SECTIONS = {
    "lkjip": (LKJIP, LKJIP_FRONT),
    "renstra": (RENSTRA, RENSTRA_FRONT),
    "pk": (PK, ()),
}
"""Each type's outline and the front-matter chapters that take narrative."""


@pytest.mark.parametrize("jenis", ["lkjip", "renstra", "pk"])
def test_scaffold_holds_every_file_its_type_reads(tmp_path, jenis):
    folder = tmp_path / "dinas-contoh" / f"{jenis}-2025"
    files = new_document(folder, jenis, 2025, tmp_path / "schemas")
    expected = {
        folder / ("document.toml" if b.stem == "document" else f"{b.stem}.yaml")
        for b in jenis_named(jenis).berkas
    }
    assert expected <= set(files)
    if jenis == "renstra":  # the files the Renstra scaffold lacked (issue 14 item 6)
        assert {"program.yaml", "evaluasi.yaml", "sumber_daya.yaml", "analisis.yaml"} <= {
            p.name for p in files
        }
    for path, text in files.items():  # every data file says what it is in a comment
        if path.suffix in (".yaml", ".toml") and path.name != "agency.yaml":
            assert any(
                line.startswith("# ") and "$schema" not in line for line in text.splitlines()[:3]
            ), path


@pytest.mark.parametrize("jenis", ["lkjip", "renstra", "pk"])
def test_every_section_has_a_narrative_file_with_a_one_line_prompt(tmp_path, jenis):
    folder = tmp_path / "dinas-contoh" / f"{jenis}-2025"
    files = new_document(folder, jenis, 2025, tmp_path / "schemas")
    outline, front = SECTIONS[jenis]
    ids = [*front, *(b.id for top in outline for b in top.walk() if b.id != "sistematika")]
    narasi = {p.stem: t for p, t in files.items() if p.parent == folder / "narasi"}
    assert sorted(narasi) == sorted(ids)  # one file per section, and no file for no section
    for sid, text in narasi.items():
        (line,) = text.splitlines()
        prompt = line.removeprefix("[ISI] ").removeprefix("<!-- Opsional: ").removesuffix(" -->")
        assert line != prompt and len(prompt) > 20, sid  # an [ISI] prompt or a comment


@pytest.mark.parametrize("jenis", ["lkjip", "renstra", "pk"])
def test_a_section_left_empty_without_narrative_is_prompted_with_isi(tmp_path, jenis):
    """The sections the scaffold's document leaves empty when no narrative is written (marked
    DRAF, reported by `check`) are exactly those whose file asks for text with [ISI] — or fewer:
    a few sections laporgen fills are still expected to have text."""
    folder = tmp_path / "dinas-contoh" / f"{jenis}-2025"
    files = new_document(folder, jenis, 2025, tmp_path / "schemas")
    write({p: t for p, t in files.items() if p.suffix != ".md"})
    c = load_document(folder)
    empty = set(document_for(c, charts=False).kosong)
    asks = {p.stem for p, t in files.items() if p.suffix == ".md" and t.startswith("[ISI] ")}
    assert empty <= asks
    assert {"kata-pengantar", "latar-belakang"} <= empty or jenis == "pk"
    write(files)  # with the prompts written, no section is left empty and check lists the prompts
    c = load_document(folder)
    assert document_for(c, charts=False).kosong == ()
    listed = {Path(f.problem.file).stem for f in check(folder) if f.problem.file.endswith(".md")}
    assert listed == asks


@pytest.mark.parametrize(
    ("name", "jenis"),
    [("renstra-2030-2034", "renstra"), ("pk-2026", "pk"), ("lkjip-2026", "lkjip")],
)
def test_init_takes_the_type_from_the_folder_name(tmp_path, run_cli, name, jenis):
    folder = tmp_path / "dinas-contoh" / name
    code, out, err = run_cli("init", folder, "--schemas", tmp_path / "schemas")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"type {jenis}, from the folder name"
    assert f'jenis = "{jenis}"' in (folder / "document.toml").read_text(encoding="utf-8")


def test_init_keeps_an_explicit_type_that_contradicts_the_folder_name_and_warns(tmp_path, run_cli):
    folder = tmp_path / "dinas-contoh" / "renstra-2030-2034"
    code, out, err = run_cli("init", folder, "--type", "pk", "--schemas", tmp_path / "schemas")
    assert code == 0
    assert err.strip() == (
        "warning: the folder name renstra-2030-2034 reads as type renstra, but --type says pk; "
        "--type is kept"
    )
    assert 'jenis = "pk"' in (folder / "document.toml").read_text(encoding="utf-8")
    assert "from the folder name" not in out


def test_init_without_a_type_in_name_or_option_writes_an_lkjip_and_says_so(tmp_path, run_cli):
    folder = tmp_path / "dinas-contoh" / "laporan-2026"
    code, out, _ = run_cli("init", folder, "--schemas", tmp_path / "schemas")
    assert code == 0 and out.startswith("type lkjip (the default)")
    assert 'jenis = "lkjip"' in (folder / "document.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("jenis", ["lkjip", "renstra", "pk"])
def test_no_scaffold_value_assumes_a_dinas_sosial(tmp_path, jenis):
    """Every agency-specific value of a scaffold is a marked placeholder: no value names the
    urusan sosial (spm.yaml's bidang, T-C.28's kelompok, the program codes 1.06.…) unmarked,
    and the SPM's bidang is listed by `check` as a placeholder to fill in."""
    import re

    folder = tmp_path / "content" / "dinas-contoh" / f"{jenis}-2025"
    files = new_document(folder, jenis, 2025, tmp_path / "schemas")
    for path, text in files.items():
        if path.suffix not in (".yaml", ".toml"):
            continue
        for line in text.splitlines():
            value = line.split(" #")[0]
            if line.lstrip().startswith("#") or "[ISI]" in value:
                continue  # a comment's example, or a placeholder that lists the choices
            assert not re.search(r"(?i)sosial|\b1\.06\b", value), (path.name, line)
    if jenis == "pk":
        return
    spm = files[folder / "spm.yaml"]
    bidang = next(n for n, line in enumerate(spm.splitlines(), 1) if line.startswith("bidang:"))
    assert "[ISI]" in spm.splitlines()[bidang - 1]
    write(files)
    marked = {(f.problem.file.rsplit("/", 1)[-1], f.problem.line) for f in check(folder)}
    assert ("spm.yaml", bidang) in marked


@pytest.mark.parametrize("jenis", ["lkjip", "renstra", "pk"])
def test_scaffold_comments_are_in_the_users_language(tmp_path, jenis):
    """The comments `init` writes read in Indonesian by default (English with --lang en), from
    the catalogue; the values, the [ISI] markers and the commented-out content are the same in
    both, so the Indonesian scaffold builds and `check` lists the same placeholders."""
    from laporgen import i18n
    from laporgen.commands.scaffold import comment_messages

    folder = tmp_path / "id" / "dinas-contoh" / f"{jenis}-2025"
    i18n.use("id")
    try:
        indonesian = new_document(folder, jenis, 2025, tmp_path / "schemas")
    finally:
        i18n.use("en")
    english = new_document(folder, jenis, 2025, tmp_path / "schemas")
    assert indonesian.keys() == english.keys()
    agency = folder.parent / "agency.yaml"
    assert indonesian[agency].splitlines()[1] == (
        "# Perangkat daerah, dipakai bersama oleh semua dokumennya."
    )
    assert (
        english[agency].splitlines()[1]
        == "# The agency (perangkat daerah), shared by all its documents."
    )
    for path in english:
        if path.suffix not in (".yaml", ".toml"):
            continue
        id_text, en_text = indonesian[path], english[path]
        assert comment_messages(id_text) != comment_messages(en_text), path
        # the content is the same: only comments differ
        assert [_code(line) for line in id_text.splitlines() if _code(line)] == [
            _code(line) for line in en_text.splitlines() if _code(line)
        ], path
        assert id_text.count("[ISI]") == en_text.count("[ISI]"), path
    write(indonesian)
    findings = check(folder)
    write(english)
    assert len(findings) == len(check(folder))


def _code(line: str) -> str:
    from laporgen.check.findings import comment_start as _comment_start

    at = _comment_start(line)
    return (line if at is None else line[:at]).rstrip()
