"""The working day through the CLI: init a document, schemas for the editor, build every
document of a folder at once (one broken one reported, the others built), quiet and verbose."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[1] / "content"


def test_init_then_build_then_check(tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("init", "content/dinsos-contoh/lkjip-2025", "--type", "lkjip")
    assert code == 0, err
    assert (
        "wrote content/dinsos-contoh/agency.yaml" in out
        and "wrote schemas/lkjip-kinerja.schema.json" in out
    )
    first = (
        Path("content/dinsos-contoh/lkjip-2025/kinerja.yaml")
        .read_text(encoding="utf-8")
        .splitlines()[0]
    )
    assert first == "# yaml-language-server: $schema=../../../schemas/lkjip-kinerja.schema.json"
    assert Path("schemas/lkjip-kinerja.schema.json").is_file()
    assert run_cli("build", "content/dinsos-contoh/lkjip-2025", "--out", "out")[0] == 0
    code, out, _ = run_cli("check", "content/dinsos-contoh/lkjip-2025")
    assert code == 0  # only [ISI] notes: they inform, they don't fail
    assert "I content/dinsos-contoh/lkjip-2025/" in out and "still to fill in" in out
    code, _, err = run_cli("init", "content/dinsos-contoh/lkjip-2025")
    assert code == 2 and "the folder exists and is not empty" in err


def test_init_from_this_years_lkjip(example_copy, run_cli):
    new = example_copy.parent / "lkjip-2025"
    code, out, err = run_cli("init", str(new), "--from", str(example_copy))
    assert code == 0, err
    assert "tahun = 2025" in (new / "document.toml").read_text(encoding="utf-8")
    assert run_cli("build", str(new), "--out", str(example_copy.parent / "out"))[0] == 0


def test_schema_command_writes_every_kind(tmp_path, run_cli):
    code, out, _ = run_cli("schema", "--out", str(tmp_path / "schemas"))
    assert (
        code == 0 and out.count("wrote ") == 16
    )  # agency, rencana, 4 LKjIP, 5 Renstra, 3 PK files, tabel, spm
    assert json.loads((tmp_path / "schemas" / "agency.schema.json").read_text())["type"] == "object"


def test_build_a_folder_of_documents_with_one_broken(tmp_path, run_cli):
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "magetan-dinsos", root / "magetan-dinsos")
    kinerja = root / "magetan-dinsos" / "lkjip-2024" / "kinerja.yaml"
    kinerja.write_text(
        kinerja.read_text(encoding="utf-8").replace("nilai: 0.259", 'nilai: "0,259"'),
        encoding="utf-8",
    )
    code, out, err = run_cli("build", str(root), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "3 of 4 document(s) built" in out  # the two Renstra and the PK
    assert out.count("ok  ") == 3 and "FAILED  " in out  # plain lines when not on a terminal
    assert f"failed: {root}/magetan-dinsos/lkjip-2024" in err
    assert 'expected a number, a predikat or n.a, got "0,259"' in err
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3


def test_quiet_and_verbose(example_copy, tmp_path, run_cli):
    code, out, _ = run_cli("-q", "build", str(example_copy), "--out", str(tmp_path / "q"))
    assert code == 0 and out == ""
    code, out, _ = run_cli("--verbose", "build", str(example_copy), "--out", str(tmp_path / "v"))
    assert code == 0 and out.startswith("building ") and " bytes)" in out and "done in " in out


def test_every_command_has_help_with_an_example(run_cli):
    for command in ("build", "check", "init", "serve", "schema", "diff", "export", "import"):
        code, out, _ = run_cli(command, "--help")
        assert code == 0 and "example" in out and "laporgen " + command in out, command
