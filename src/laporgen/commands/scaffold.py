"""`laporgen init`: a new document folder with every file written out and commented, or next
year's LKjIP started from this year's. Returns the files to write; the CLI writes them.

Values the user must fill in carry the marker `[ISI]`; the scaffold builds as it is, and
`laporgen check` lists every marker left (as information, not a finding)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..check.findings import ISI
from ..jenis import jenis_named

INIT = Path(__file__).resolve().parent.parent / "templates" / "init"
"""The scaffolds: `agency.yaml` and `rencana.yaml` for every type, then one folder per type
(named by its registry entry's `scaffold`) with the files `init --type` writes. Data files are
`str.format` templates ({tahun}, {schemas}, …; literal braces doubled); narrative Markdown is
copied as it is (its {{ }} are Jinja placeholders)."""


def new_document(folder: Path, jenis: str, tahun: int, schemas: Path) -> dict[Path, str]:
    """The files of a new `jenis` document in `folder` (and its agency file if missing)."""
    entry = jenis_named(jenis)
    rel = Path(os.path.relpath(schemas.resolve(), folder.resolve())).as_posix()
    awal, akhir = tahun + entry.rencana_tahun[0], tahun + entry.rencana_tahun[1]
    values = {"schemas": rel, "tahun": tahun, "terbit": tahun + 1, "tahun_depan": tahun + 1, "renstra": "",
              "awal": awal, "pertama": tahun, "akhir": akhir,
              "targets": ", ".join(f"{y}: 100" for y in range(tahun, akhir + 1))}
    files: dict[Path, str] = {}
    agency = folder.parent / "agency.yaml"
    if not agency.exists():
        up = Path(os.path.relpath(schemas.resolve(), folder.parent.resolve())).as_posix()
        files[agency] = _template(INIT / "agency.yaml", values | {"schemas": up})
    own = INIT / entry.scaffold
    for path in sorted(p for p in own.rglob("*") if p.is_file()):
        files[folder / path.relative_to(own)] = _template(path, values)
    if any(b.stem == "rencana" for b in entry.berkas):
        files.setdefault(folder / "rencana.yaml", _template(INIT / "rencana.yaml", values))
    return dict(sorted(files.items(), key=lambda item: _order(folder, item[0])))


def _template(path: Path, values: dict[str, object]) -> str:
    text = path.read_text(encoding="utf-8")
    return text if path.suffix == ".md" else text.format(**values)


def _order(folder: Path, path: Path) -> tuple[int, str]:
    """agency.yaml, document.toml, then the data files, narrative last (the order init prints)."""
    name = path.name
    rank = 0 if name == "agency.yaml" else 1 if name == "document.toml" else 3 if path.suffix == ".md" else 2
    return rank, path.as_posix()


def next_lkjip(previous: Path, folder: Path) -> dict[Path, str]:
    """Next year's LKjIP from this year's: the year moved on, realisasi emptied, printed
    (`tercetak`) values dropped, the PK re-dated, narrative kept as a marked draft. Targets need
    no rolling when the plan is the agency's Renstra (`renstra = ...`): they are read by year."""
    from ..model.folder import load_lkjip

    old = load_lkjip(previous)
    tahun = old.settings.tahun + 1
    files: dict[Path, str] = {}
    for source in previous.iterdir():
        if source.is_file() and source.suffix in (".toml", ".yaml", ".yml"):
            files[folder / source.name] = _roll(source.name, source.read_text(encoding="utf-8"), old.settings.tahun, tahun)
    for md in sorted((previous / "narasi").rglob("*.md")) if (previous / "narasi").is_dir() else []:
        text = md.read_text(encoding="utf-8")
        files[folder / "narasi" / md.relative_to(previous / "narasi")] = (
            f"<!-- {ISI} draft dari LKjIP {tahun - 1}: perbarui untuk tahun {tahun} -->\n{text}")
    return files


def _roll(name: str, text: str, tahun: int, baru: int) -> str:
    """One data file moved to the next year, line by line so comments and order stay."""
    lines = []
    skip_indent: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None and (indent > skip_indent or not line.strip()):
            continue
        skip_indent = None
        stripped = line.strip()
        if stripped.startswith(("tercetak:", "tercetak =", "target_triwulan:", "tahun_lalu:")):
            # printed values belonged to last year's signed document; the quarterly targets were
            # for the year now being reported
            skip_indent = indent
            continue
        line = re.sub(r",?\s*tercetak: \{[^{}]*(\{[^{}]*\}[^{}]*)*\}", "", line)
        if name.startswith("document"):
            line = re.sub(rf"^tahun = {tahun}\b", f"tahun = {baru}", line)
            line = re.sub(rf"\b{tahun + 1}-(\d\d)-(\d\d)", rf"{baru + 1}-\1-\2", line)
        if name.startswith("kinerja"):
            line = re.sub(r"\bnilai: [-\d.]+", f"nilai: null  # {ISI} realisasi {baru}", line, count=1)
            line = re.sub(rf"tanggal: {tahun}-(\d\d)-(\d\d)", rf"tanggal: {baru}-\1-\2  # {ISI}", line)
        if name.startswith(("program", "kinerja")):  # realisasi anggaran, and its allocations to sasaran
            line = re.sub(r"realisasi: \d+(?=[,}])", "realisasi: 0", line)
        if name.startswith("sumber_daya"):
            line = re.sub(rf"\b{tahun}-12-31\b", f"{baru}-12-31", line)
        lines.append(line)
    return "\n".join(lines) + "\n"
