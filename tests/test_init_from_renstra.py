"""`laporgen init NEW --from RENSTRA`: a Perubahan/Review copied from the signed Renstra, and a
PK or an LKjIP of one of its years reading its plan, with the year's programs taken from it."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from laporgen.compute.perubahan import perubahan
from laporgen.jenis import load_document
from laporgen.model.read import read_data

REKAAN = Path(__file__).resolve().parents[1] / "content" / "rekaan-dinsos"
RENSTRA = "renstra-2025-2029"


@pytest.fixture
def agency(tmp_path) -> Path:
    shutil.copytree(REKAAN, tmp_path / "rekaan-dinsos")
    return tmp_path / "rekaan-dinsos"


def _init(run_cli, agency: Path, name: str, *extra: str) -> tuple[int, str, str]:
    schemas = agency.parent / "schemas"
    return run_cli("init", agency / name, "--from", agency / RENSTRA, "--schemas", schemas, *extra)


def test_a_perubahan_starts_as_a_copy_of_the_signed_renstra_that_names_it(agency, run_cli):
    code, _, err = _init(run_cli, agency, f"{RENSTRA}-perubahan")
    assert code == 0, err
    new = agency / f"{RENSTRA}-perubahan"
    settings, _source = read_data(new / "document.toml")
    assert settings["varian"] == "perubahan"
    assert settings["perubahan_dari"] == f"../{RENSTRA}"
    lines = (new / "document.toml").read_text(encoding="utf-8").splitlines()
    # beside varian, not after the comments that head the next table
    assert (
        lines.index('perubahan_dari = "../renstra-2025-2029"')
        == next(n for n, line in enumerate(lines) if line.startswith("varian")) + 1
    )
    assert sorted(p.name for p in (new / "narasi").iterdir()) == sorted(
        p.name for p in (agency / RENSTRA / "narasi").iterdir()
    )
    # nothing changed yet: the revision lists no change, and it builds
    assert perubahan(load_document(agency / RENSTRA), load_document(new)) == []


def test_a_folder_named_reviu_starts_a_review(agency, run_cli):
    code, _, err = _init(run_cli, agency, f"{RENSTRA}-reviu")
    assert code == 0, err
    settings, _source = read_data(agency / f"{RENSTRA}-reviu" / "document.toml")
    assert settings["varian"] == "review"


def test_a_folder_of_another_period_is_not_a_revision(agency, run_cli):
    code, _, err = _init(run_cli, agency, "renstra-2030-2034")
    assert code == 2 and "[usage]" in err and "renstra-2025-2029-perubahan" in err
    assert not (agency / "renstra-2030-2034").exists()


def test_a_pk_reads_the_plan_and_takes_the_years_programs_from_it(agency, run_cli):
    code, _, err = _init(run_cli, agency, "pk-2026")
    assert code == 0, err
    pk = agency / "pk-2026"
    assert not (pk / "rencana.yaml").exists()  # the plan is read from the Renstra, not copied
    settings, _source = read_data(pk / "document.toml")
    assert settings["renstra"] == f"../{RENSTRA}"
    content = load_document(pk)
    plan = load_document(agency / RENSTRA)
    assert content.rencana == plan.rencana
    first = content.anggaran.program[0]
    assert (first.id, first.kode) == ("P1", "1.06.01")
    assert first.indikator[0].target == D(100)
    (k11,) = [k for k in first.kegiatan if k.id == "K1.1"]
    # a kegiatan's pagu of 2026: its sub kegiatan's, summed
    sub = [
        s
        for p in plan.program.program
        for k in p.kegiatan
        if k.id == "K1.1"
        for s in k.sub_kegiatan
    ]
    assert k11.pagu == sum(s.pagu[2026] for s in sub)
    assert [p.id for p in content.anggaran.program] == [p.id for p in plan.program.program]


def test_an_lkjip_reads_the_plan_with_a_realisasi_to_fill_in_for_each_indicator(agency, run_cli):
    code, _, err = _init(run_cli, agency, "lkjip-2025")
    assert code == 0, err
    content = load_document(agency / "lkjip-2025")
    plan = load_document(agency / RENSTRA)
    indikator = [i.id for t in plan.rencana.tujuan for s in t.sasaran for i in s.indikator]
    assert list(content.kinerja.realisasi) == indikator
    assert all(r.nilai is None for r in content.kinerja.realisasi.values())
    assert [p.id for p in content.program.program] == [p.id for p in plan.program.program]
    k = content.program.program[0].kegiatan[0]
    assert k.anggaran is not None and k.anggaran.realisasi == 0


def test_a_year_outside_the_plan_is_refused(agency, run_cli):
    code, _, err = _init(run_cli, agency, "pk-2031")
    assert code == 2 and "2025-2029" in err
    assert not (agency / "pk-2031").exists()


def test_a_pk_cannot_start_from_a_pk(agency, run_cli):
    assert _init(run_cli, agency, "pk-2026")[0] == 0
    code, _, err = run_cli("init", agency / "pk-2027", "--from", agency / "pk-2026")
    assert code == 2 and "--from" in err and "renstra" in err
