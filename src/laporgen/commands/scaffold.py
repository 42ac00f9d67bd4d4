"""`laporgen init`: a new document folder with every file written out and commented, or next
year's LKjIP started from this year's. Returns the files to write; the CLI writes them.

Values the user must fill in carry the marker `[ISI]`; the scaffold builds as it is, and
`laporgen check` lists every marker left (as information, not a finding)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..check.findings import ISI
from ..i18n import _
from ..jenis import JENIS, jenis_named
from ..model.content import LkjipContent
from ..model.lkjip import Kinerja
from ..model.nilai import Tertulis
from ..model.read import read_text
from .content_edit import Append, Delete, Edit, Set, edited_text

INIT = Path(__file__).resolve().parent.parent / "templates" / "init"
"""The scaffolds: `agency.yaml` and `rencana.yaml` for every type, then one folder per type
(named by its registry entry's `scaffold`) with the data files `init --type` writes, as
`str.format` templates ({tahun}, {schemas}, …; literal braces doubled), and `narasi/<type>.yaml`:
the one-line prompt of each narrative file (their {{ }} are Jinja placeholders, kept as they are)."""


def type_for(folder: Path, given: str | None) -> tuple[str, str | None, str | None]:
    """The type `init` writes for `folder`, with the line that says where it came from and a
    warning: `--type` when given (warned when the folder's name says another type), else the
    type the name starts with (`renstra-2025-2029` → renstra), else an LKjIP."""
    named = next((n for n in JENIS if folder.name.lower().startswith(f"{n}-")), None)
    if given is not None:
        if named is not None and named != given:
            return (
                given,
                None,
                _(
                    "the folder name {folder} reads as type {named}, but --type says {given}; "
                    "--type is kept"
                ).format(folder=folder.name, named=named, given=given),
            )
        return given, None, None
    if named is not None:
        return named, _("type {jenis}, from the folder name").format(jenis=named), None
    return (
        "lkjip",
        _("type lkjip (the default): name the folder lkjip-/renstra-/pk-…, or pass --type"),
        None,
    )


def new_document(
    folder: Path, jenis: str, tahun: int, schemas: Path, akhir: int | None = None
) -> dict[Path, str]:
    """The files of a new `jenis` document in `folder` (and its agency file if missing); the
    plan runs from `tahun` to `akhir` (default: the type's usual span, `rencana_tahun`)."""
    entry = jenis_named(jenis)
    rel = Path(os.path.relpath(schemas.resolve(), folder.resolve())).as_posix()
    awal = tahun + entry.rencana_tahun[0]
    akhir = akhir if akhir is not None else tahun + entry.rencana_tahun[1]
    values = {
        "schemas": rel,
        "tahun": tahun,
        "terbit": tahun + 1,
        "tahun_depan": tahun + 1,
        "tahun_lalu": tahun - 1,
        "renstra": "",
        "awal": awal,
        "pertama": tahun,
        "akhir": akhir,
        "targets": _per_year(range(tahun, akhir + 1), 100),
        "satu": _per_year(range(tahun, akhir + 1), 1),
        "pagu": _per_year(range(tahun, akhir + 1), 100_000_000),
        "daftar_tahun": ", ".join(str(y) for y in range(tahun, akhir + 1)),
        # a Renstra's evaluasi: the five years of the previous period, ending at kondisi awal
        "lalu_awal": awal - 4,
        "daftar_lalu": ", ".join(str(y) for y in range(awal - 4, awal + 1)),
        "target_lalu": _per_year(range(awal - 4, awal + 1), 100),
        "realisasi_lalu": _per_year(range(awal - 4, awal + 1), "null"),
        "pagu_lalu": _per_year(range(awal - 4, awal + 1), 100_000_000),
    }
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
    if any(b.stem == "tabel" for b in entry.berkas):  # every type may declare tables
        files.setdefault(folder / "tabel.yaml", _template(INIT / "tabel.yaml", values))
    files |= {folder / "narasi" / f"{sid}.md": text for sid, text in narasi(entry.scaffold).items()}
    if any(b.stem == "spm" for b in entry.berkas):  # the Renstra and the LKjIP may print one
        files.setdefault(folder / "spm.yaml", _template(INIT / "spm.yaml", values))
    return dict(sorted(files.items(), key=lambda item: _order(folder, item[0])))


def new_file(jenis: str, stem: str, tahun: int) -> str | None:
    """The text `init` writes for the file `stem` of a `jenis` document (its comments and empty
    values), without the editor's schema line (where the schemas are is not known here): what
    `laporgen import` starts an optional file from (a PK's perjanjian.yaml). None when the
    scaffold has no such file."""
    path = INIT / jenis_named(jenis).scaffold / f"{stem}.yaml"
    if not path.is_file():
        return None
    lines = _template(path, {"schemas": "", "tahun": tahun}).splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("# yaml-language-server:"))


def narasi(scaffold: str) -> dict[str, str]:
    """The narrative files of a new document, by section id: a section a reader expects text in
    holds its prompt after the [ISI] marker (printed, and listed by `check`, until replaced); a
    section laporgen fills from the data holds its prompt as a comment (never printed)."""
    prompts = yaml.safe_load((INIT / "narasi" / f"{scaffold}.yaml").read_text(encoding="utf-8"))
    files = {sid: f"{ISI} {prompt}\n" for sid, prompt in prompts["isi"].items()}
    files |= {sid: f"<!-- Opsional: {prompt} -->\n" for sid, prompt in prompts["opsional"].items()}
    return files


def _per_year(years: range, value: object) -> str:
    """ "2025: 100, 2026: 100": a YAML mapping's inside, one value per year."""
    return ", ".join(f"{y}: {value}" for y in years)


def _template(path: Path, values: dict[str, object]) -> str:
    return translated_comments(path.read_text(encoding="utf-8")).format(**values)


# ------------------------------------------------------------------ comments in the language
# The scaffolds' comments are written in English, like every message, and read in the user's
# language: each run of comment text (a paragraph of full-line comments, or an end-of-line
# comment with the lines that continue it) is one catalogue message (`comment_messages`, which
# scripts/catalogue.py extracts), put back in the same place, line for line. Commented-out
# content (`# alamat: "Jl. ..."`, `#   - {{…}}`) is the file's own words and stays.
_CODE = re.compile(r"""^(-\s|[\w.\-"{{}}]+\s*[:=](\s|$))""")
"""The text of a comment that is commented-out content: a key and its value, a list item."""
_SCHEMA_LINE = "yaml-language-server:"


@dataclass
class _Run:
    """One message: its lines, each as (line number, where its text starts)."""

    lines: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    eol: int | None = None
    """The column of the `#` of an end-of-line comment (its continuation lines' indent)."""


def _runs(text: str) -> tuple[list[str], list[_Run]]:
    from ..check.findings import comment_start as _comment_start

    lines = text.split("\n")
    runs: list[_Run] = []
    open_run: _Run | None = None
    for n, line in enumerate(lines):
        hash_at = _comment_start(line)
        if hash_at is None:
            open_run = None
            continue
        full = not line[:hash_at].strip()
        after = line[hash_at + 1 :]
        if full and after.lstrip().startswith("#"):  # "#      # more": the inner comment
            hash_at += 1 + len(after) - len(after.lstrip())
            after = line[hash_at + 1 :]
        body = after.strip()
        start = hash_at + 1 + len(after) - len(after.lstrip())
        if not body or body.startswith(_SCHEMA_LINE):
            open_run = None
            continue
        if (
            full
            and open_run is not None
            and open_run.eol is not None
            and (hash_at == open_run.eol or after.startswith("  ") and not _CODE.match(body))
        ):  # "#   may hold ...": the end-of-line comment goes on
            open_run.lines.append((n, start))
            continue
        if full and _CODE.match(body):
            inner = _comment_start(line[start:])
            if inner is None:
                open_run = None
                continue
            hash_at = start + inner
            after = line[hash_at + 1 :]
            start = hash_at + 1 + len(after) - len(after.lstrip())
            full = False
        if full and open_run is not None and open_run.eol is None:
            first = lines[open_run.lines[0][0]]
            if first[: open_run.lines[0][1]] == line[:start]:
                open_run.lines.append((n, start))
                continue
        open_run = _Run([(n, start)], None if full else hash_at)
        runs.append(open_run)
    return lines, runs


def _message(lines: list[str], run: _Run) -> str:
    return "\n".join(lines[n][start:].rstrip() for n, start in run.lines)


def comment_messages(text: str) -> list[str]:
    """The comment runs of a scaffold file, as written (English)."""
    lines, runs = _runs(text)
    return [_message(lines, run) for run in runs]


def translated_comments(text: str) -> str:
    """`text` with each comment run in the chosen language; the same text in English."""
    lines, runs = _runs(text)
    for run in reversed(runs):
        message = _message(lines, run)
        shown = _(message).split("\n")
        if shown == message.split("\n"):
            continue
        n_last, start_last = run.lines[-1]
        continued = (
            " " * run.eol + "#   "
            if run.eol is not None and len(run.lines) == 1
            else lines[n_last][:start_last]
        )
        new = [lines[n][:start] + part for (n, start), part in zip(run.lines, shown, strict=False)]
        new += [continued + part for part in shown[len(run.lines) :]]
        first = run.lines[0][0]
        lines[first : n_last + 1] = new
    return "\n".join(lines)


def template_messages() -> dict[str, list[str]]:
    """Every comment run of every scaffold file, with the files it is in: the catalogue's
    messages for `laporgen init`."""
    out: dict[str, list[str]] = {}
    for path in sorted(p for p in INIT.rglob("*") if p.is_file() and p.parent.name != "narasi"):
        for message in comment_messages(path.read_text(encoding="utf-8")):
            out.setdefault(message, []).append(path.relative_to(INIT).as_posix())
    return out


def _order(folder: Path, path: Path) -> tuple[int, str]:
    """agency.yaml, document.toml, then the data files, narrative last (the order init prints)."""
    name = path.name
    rank = (
        0
        if name == "agency.yaml"
        else 1
        if name == "document.toml"
        else 3
        if path.suffix == ".md"
        else 2
    )
    return rank, path.as_posix()


def next_lkjip(previous: Path, folder: Path) -> dict[Path, str | bytes]:
    """Next year's LKjIP from this year's: the year moved on, this year's realisasi moved into
    `riwayat` (every earlier year kept) and emptied with an [ISI] marker, printed (`tercetak`)
    values dropped, the PK and the signature re-dated, narrative kept as a marked draft with its
    pictures (the bagan a narrative shows, copied as they are). Every data file (YAML or TOML)
    is changed through the round-trip editor (`content_edit.py`), so comments, order and flow
    style stay. Targets need no rolling when the plan is the agency's Renstra (`renstra = ...`):
    they are read by year."""
    from ..model.folder import load_lkjip
    from ..model.read import read_data

    old = load_lkjip(previous)
    tahun = old.settings.tahun + 1
    files: dict[Path, str | bytes] = {}
    for source in sorted(previous.iterdir()):
        if source.is_file() and source.suffix in (".toml", ".yaml", ".yml"):
            data, _ = read_data(source)
            edits = rolled(source.stem, data, old, tahun)
            files[folder / source.name] = edited_text(source, read_text(source), edits)
    for md in sorted((previous / "narasi").rglob("*.md")) if (previous / "narasi").is_dir() else []:
        text = md.read_text(encoding="utf-8")
        files[folder / "narasi" / md.relative_to(previous / "narasi")] = (
            f"<!-- {ISI} draft dari LKjIP {tahun - 1}: perbarui untuk tahun {tahun} -->\n{text}"
        )
    for picture in sorted(
        p for p in previous.rglob("*") if p.is_file() and p.suffix.lower() in PICTURES
    ):
        files[folder / picture.relative_to(previous)] = picture.read_bytes()
    return files


PICTURES = (".png", ".jpg", ".jpeg")


DROPPED = ("tercetak", "target_triwulan", "tahun_lalu")
"""Keys that belonged to this year's signed document: printed values (next year's document
prints its own), the quarterly targets of the year now reported, last year's summary."""


def _as_written(value: object) -> object:
    """A value for the round-trip editor as the user writes it: a predikat or "n.a" as its text,
    a note as {teks: …}, a number as it is."""
    if isinstance(value, Tertulis):
        return {"teks": value.teks} if value.jenis == "catatan" else value.teks
    return value


def rolled(stem: str, data: Any, old: LkjipContent, baru: int) -> list[Edit]:
    """The edits that move one data file of `old` (its `stem` and plain `data`) to `baru`."""
    tahun = baru - 1
    edits: list[Edit] = [
        Delete(path) for path, _ in walk_data(data) if path and path[-1] in DROPPED
    ]
    if stem == "document":
        edits.append(Set(("tahun",), baru))
    if stem == "kinerja":
        edits += _kinerja(data, old, baru)
    if stem == "program":
        edits += _program(data, baru)
    if stem == "sumber_daya":
        edits += _sumber_daya(data, old, baru)
    for path, value in walk_data(data):
        if not isinstance(value, dt.date) or any(p in DROPPED for p in path):
            continue
        if stem == "document" and value.year == baru:  # signed in the year after the report
            edits.append(Set(path, _year(value, baru + 1), mark="tanggal"))
        elif stem == "kinerja" and value.year == tahun:  # the PK of the report year
            edits.append(Set(path, _year(value, baru), mark=f"tanggal perjanjian kinerja {baru}"))
        elif stem == "sumber_daya" and value.year == tahun:  # "per 31 Desember"
            edits.append(Set(path, _year(value, baru)))
    return edits


def _kinerja(data: dict, old: LkjipContent, baru: int) -> list[Edit]:
    from ..compute.lkjip import lkjip_figures

    tahun = baru - 1
    edits: list[Edit] = []
    figures = lkjip_figures(old)
    rows = {row.indikator.id: row for row in figures.semua_indikator}
    riwayat = data.get("riwayat") or []
    added: list[dict] = []
    for id_, fakta in old.kinerja.realisasi.items():
        if "nilai" in (data["realisasi"].get(id_) or {}) or fakta.nilai is None:
            edits.append(Set(("realisasi", id_, "nilai"), None, mark=f"realisasi {baru}"))
        if fakta.nilai is None or id_ not in rows:
            continue
        row = rows[id_]
        nilai = (
            {"target": _as_written(row.target), "realisasi": fakta.nilai}
            if row.target is not None
            else {"realisasi": fakta.nilai}
        )
        # a row written by name (no id) is the same indicator: its year merges into it
        at = next(
            (
                i
                for i, r in enumerate(old.kinerja.riwayat)
                if r.tentang(id_, row.indikator.nama, row.indikator.satuan)
            ),
            None,
        )
        if at is None:
            induk = row.sasaran.uraian if row.sasaran is not None else row.tujuan.uraian
            added.append(
                {
                    "sasaran": induk,
                    "indikator": row.indikator.nama,
                    "satuan": row.indikator.satuan,
                    "id": id_,
                    "tahun": {tahun: nilai},
                }
            )
        elif isinstance(riwayat[at].get("tahun"), dict):
            if tahun not in riwayat[at]["tahun"] and str(tahun) not in riwayat[at]["tahun"]:
                edits.append(Set(("riwayat", at, "tahun", tahun), nilai))
        else:
            edits.append(Set(("riwayat", at, "tahun"), {tahun: nilai}))
    if added and "riwayat" in data:
        edits += [Append(("riwayat",), row) for row in added]
    elif added:
        edits.append(Set(("riwayat",), added, order=tuple(Kinerja.model_fields)))
    for sasaran, dukungan in (data.get("dukungan") or {}).items():
        for kegiatan in (dukungan.get("alokasi") or {}) if isinstance(dukungan, dict) else ():
            edits.append(
                Set(
                    ("dukungan", sasaran, "alokasi", kegiatan, "realisasi"),
                    0,
                    mark=f"realisasi {baru}",
                )
            )
    return edits


def _program(data: dict, baru: int) -> list[Edit]:
    """Every realisasi of the program tree emptied: anggaran to 0 (it is required), indicator
    realisasi to null. Pagu and indicator targets keep last year's value as a starting point
    (pagu is required, and a kept figure lets the draft build) but are marked [ISI]: the new
    DPA sets them, and an unmarked old figure would pass for this year's."""
    edits: list[Edit] = []
    for path, value in walk_data(data):
        if not isinstance(value, dict) or any(p in DROPPED for p in path):
            continue
        anggaran = bool(path) and path[-1] == "anggaran"
        keys = (
            ("pagu", "pagu_murni", "realisasi")
            if anggaran
            else ("target", "target_murni", "realisasi")
        )
        mark = (
            f"pagu dan realisasi {baru}"
            if anggaran
            else (
                f"target dan realisasi {baru}"
                if "target" in value or "target_murni" in value
                else f"realisasi {baru}"
            )
        )
        for key in keys:
            if not _is_number(value.get(key)):
                continue
            if key != "realisasi":
                edits.append(Set((*path, key), value[key], mark=mark))
            else:
                edits.append(Set((*path, key), 0 if anggaran else None, mark=mark))
    return edits


PEGAWAI = {
    "formasi": ("kebutuhan", "realisasi"),
    "golongan": ("jumlah",),
    "pendidikan": ("jumlah",),
    "jenis_kelamin": ("jumlah",),
}
"""The staff counts of sumber_daya.yaml, by list: kept as a starting point, marked [ISI]."""


def _sumber_daya(data: dict, old: LkjipContent, baru: int) -> list[Edit]:
    """Last year's closing asset balance (saldo akhir, computed) becomes the new saldo awal and
    the year's mutasi are emptied to be filled in; the staff counts are marked to be updated."""
    from ..compute.sumber_daya import saldo_akhir

    edits: list[Edit] = []
    aset: dict = data["aset"] if isinstance(data.get("aset"), dict) else {}
    for n, (raw, item) in enumerate(
        zip(aset.get("item") or [], old.sumber_daya.aset.item, strict=False)
    ):
        if not isinstance(raw, dict):
            continue
        akhir = saldo_akhir(item.saldo_awal, item.bertambah, item.berkurang)
        edits.append(
            Set(
                ("aset", "item", n, "saldo_awal"),
                int(akhir) if akhir == akhir.to_integral_value() else akhir,
            )
        )
        for mutasi in ("bertambah", "berkurang"):
            edits.append(
                Set(
                    ("aset", "item", n, mutasi),
                    0,
                    mark=f"mutasi aset {baru}",
                    order=("nama", "saldo_awal", "bertambah", "berkurang"),
                )
            )
    pegawai: dict = data["pegawai"] if isinstance(data.get("pegawai"), dict) else {}
    for daftar, fields in PEGAWAI.items():
        for n, row in enumerate(pegawai.get(daftar) or []):
            for field in fields:
                if isinstance(row, dict) and _is_number(row.get(field)):
                    edits.append(
                        Set(
                            ("pegawai", daftar, n, field), row[field], mark=f"jumlah pegawai {baru}"
                        )
                    )
    return edits


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal | float) and not isinstance(value, bool)


def walk_data(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every value in plain data, outermost first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk_data(value, (*path, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from walk_data(value, (*path, n))


def _year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)
