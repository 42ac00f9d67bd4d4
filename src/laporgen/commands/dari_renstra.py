"""`laporgen init NEW --from RENSTRA`: a document started from the agency's signed Renstra.

- A Perubahan or Review of it: the Renstra copied whole (narrative and pictures as they are,
  every data file through the round-trip editor), its `varian` set and `perubahan_dari` naming the Renstra, so
  the revision prints the table of what it changed; what belonged to the signed version (the
  decree's number and date, values it printed, `tercetak`) is left for the revision's own.
- A PK or an LKjIP of one of its years: the type's scaffold with `renstra = "../renstra-…"` (the
  plan is read from the Renstra, never copied: one plan per agency) and the year's programs,
  kegiatan, indicator targets and pagu taken from the Renstra's program tree.

Returns the files to write; the CLI writes them (as `scaffold.py`)."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..check.findings import ISI
from ..errors import LaporgenError, Problem, display_path
from ..i18n import _
from ..model.content import RenstraContent
from ..model.nilai import Tertulis, nilai_of, satuan_of
from ..model.read import read_data, read_text
from ..model.rencana_program import IndikatorRencana, KegiatanRencana, ProgramRencana
from .content_edit import Delete, Edit, Set, edited_text
from .scaffold import new_document, walk_data

DATA_SUFFIXES = (".toml", ".yaml", ".yml")
VARIAN_ORDER = ("jenis", "varian", "perubahan_dari", "periode")
"""Where `varian` and `perubahan_dari` go in document.toml: after `jenis`, before `periode`."""


def revision_of(renstra: Path, folder: Path) -> dict[Path, str | bytes]:
    """A Perubahan (or, when the folder's name says reviu/review, a Review) of the Renstra in
    `renstra`, written to `folder`."""
    from ..model.folder import load_renstra

    old = load_renstra(renstra)
    _same_period(old, folder)
    varian = "review" if re.search(r"revi(u|ew)", folder.name.lower()) else "perubahan"
    dari = Path(os.path.relpath(renstra.resolve(), folder.resolve())).as_posix()
    files: dict[Path, str | bytes] = {}
    for source in sorted(p for p in renstra.rglob("*") if p.is_file()):
        target = folder / source.relative_to(renstra)
        if source.parent == renstra and source.suffix.lower() in DATA_SUFFIXES:
            data, _source = read_data(source)
            edits = _revised(source.stem, data, varian, dari)
            files[target] = (
                edited_text(source, read_text(source), edits) if edits else read_text(source)
            )
        else:  # the narrative as signed (the revision's table lists the sections it rewrites),
            # pictures, a logo: as they are
            files[target] = source.read_bytes()
    return files


def _revised(stem: str, data: Any, varian: str, dari: str) -> list[Edit]:
    """The edits that make one data file of the signed Renstra its revision's."""
    edits: list[Edit] = [
        Delete(path) for path, _v in walk_data(data) if path and path[-1] == "tercetak"
    ]
    if stem != "document":
        return edits
    edits += [
        Set(("varian",), varian, order=VARIAN_ORDER),
        Set(("perubahan_dari",), dari, order=VARIAN_ORDER),
    ]
    if "alasan" in data:  # the reasons of the changes the signed version made
        edits.append(Delete(("alasan",)))
    if isinstance(data.get("penetapan"), dict):  # the revision is decreed anew
        edits += [
            # markers are content, in the content's language (as scaffold.py's)
            Set(("penetapan", key), "", mark=f"{key} keputusan {varian}")
            for key in ("nomor", "tanggal")
            if key in data["penetapan"]
        ]
    return edits


def _same_period(old: RenstraContent, folder: Path) -> None:
    """A folder named for another period is a new Renstra, not a revision of this one."""
    named = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", folder.name)]
    periode = [int(y) for y in re.findall(r"\d{4}", old.settings.periode)]
    if named and named[: len(periode)] != periode[: len(named)]:
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _(
                        "the folder is named for another period than the Renstra {periode} it "
                        "would revise"
                    ).format(periode=old.settings.periode),
                    hint=_(
                        "name a Perubahan or Review after the period it revises "
                        "(renstra-{periode}-perubahan); start a new period's Renstra without --from"
                    ).format(periode=old.settings.periode),
                    code="usage",
                )
            ]
        )


def from_renstra(
    renstra: Path, folder: Path, jenis: str, tahun: int | None, schemas: Path
) -> dict[Path, str]:
    """A PK or an LKjIP of year `tahun` (default: the year in the folder's name) reading the
    plan of the Renstra in `renstra`, its programs taken from the Renstra's for that year."""
    from ..model.folder import load_renstra

    old = load_renstra(renstra)
    first, last = old.rencana.periode
    named = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", folder.name)]
    year = tahun or (named[0] if named else None)
    if year is None or not first <= year <= last:
        raise LaporgenError(
            [
                Problem(
                    display_path(folder),
                    _(
                        "the year of the new document is not a year of the Renstra's plan ({first}-{last})"
                    ).format(first=first, last=last),
                    hint=_(
                        "name the folder for a year of the plan ({jenis}-{first}), or pass --tahun"
                    ).format(jenis=jenis, first=first),
                    code="usage",
                )
            ]
        )
    dari = Path(os.path.relpath(renstra.resolve(), folder.resolve())).as_posix()
    files = dict(new_document(folder, jenis, year, schemas))
    del files[folder / "rencana.yaml"]  # the plan is the Renstra's, read where it is
    programs = [p for p in (old.program.program if old.program else []) if _runs(p, year)]
    for path, text in list(files.items()):
        edits = _from_plan(path.name, old, year, dari, programs)
        if edits:
            files[path] = edited_text(path, text, edits)
    return files


def _from_plan(
    name: str, old: RenstraContent, year: int, dari: str, programs: list[ProgramRencana]
) -> list[Edit]:
    order = ("jenis", "tahun", "versi", "renstra", "kertas")
    if name == "document.toml":
        return [Set(("renstra",), dari, order=order)]
    if not programs:
        return []
    if name == "anggaran.yaml":  # the PK's: money on kegiatan
        return [Set(("program",), [_program_pk(p, year) for p in programs])]
    if name == "program.yaml":  # the LKjIP's: the year's DPA, realisasi to fill in
        return [
            Set(
                ("program",),
                [_program_lkjip(p, year) for p in programs],
                mark=_realisasi_note(year),
            )
        ]
    if name == "kinerja.yaml":
        return _kinerja(old, year, programs)
    return []


def _realisasi_note(year: int) -> str:
    return f"pagu dan target {year} dari Renstra: sesuaikan dengan DPA, isi setiap realisasi"


def _runs(node: ProgramRencana | KegiatanRencana, year: int) -> bool:
    """Whether a program or kegiatan has a pagu or a target in `year` (an old program of a
    Perubahan has none after it ended)."""
    if any(ind.target.get(year) is not None for ind in node.indikator):
        return True
    if isinstance(node, KegiatanRencana):
        return node.pagu.get(year) is not None or any(
            s.pagu.get(year) is not None for s in node.sub_kegiatan
        )
    return any(_runs(k, year) for k in node.kegiatan)


def _pagu(k: KegiatanRencana, year: int) -> Decimal:
    """A kegiatan's pagu of the year: its own, or the sum of its sub kegiatan's."""
    values = (
        [k.pagu.get(year)] if not k.sub_kegiatan else [s.pagu.get(year) for s in k.sub_kegiatan]
    )
    return sum((v for v in values if v is not None), Decimal(0))


def _indikator(ind: IndikatorRencana, year: int, numeric: bool) -> dict[str, Any] | None:
    """An indicator with its target of the year ({nilai, satuan} read apart); a text target
    where only a number is taken (`numeric`: the LKjIP's program table) leaves it out."""
    value = ind.target.get(year)
    target: Any = value.teks if isinstance(value, Tertulis) else nilai_of(value)
    if target is None or (numeric and not isinstance(target, Decimal)):
        return None
    return {"nama": ind.nama, "satuan": satuan_of(value, ind.satuan), "target": target}


def _indikator_list(
    node: Any, year: int, numeric: bool = False, **extra: Any
) -> list[dict[str, Any]]:
    out = []
    for ind in node.indikator:
        row = _indikator(ind, year, numeric)
        if row is not None:
            out.append(row | extra)
    return out


def _coded(node: Any) -> dict[str, Any]:
    return {"id": node.id, **({"kode": node.kode} if node.kode else {}), "nama": node.nama}


def _program_pk(p: ProgramRencana, year: int) -> dict[str, Any]:
    return {
        **_coded(p),
        "indikator": _indikator_list(p, year),
        "kegiatan": [
            {**_coded(k), "indikator": _indikator_list(k, year), "pagu": _pagu(k, year)}
            for k in p.kegiatan
            if _runs(k, year)
        ],
    }


def _program_lkjip(p: ProgramRencana, year: int) -> dict[str, Any]:
    return {
        **_coded(p),
        **({"penunjang": True} if p.penunjang else {}),
        "indikator": _indikator_list(p, year, numeric=True, realisasi=None),
        "kegiatan": [
            {
                **_coded(k),
                "indikator": _indikator_list(k, year, numeric=True, realisasi=None),
                "anggaran": {"pagu": _pagu(k, year), "realisasi": Decimal(0)},
            }
            for k in p.kegiatan
            if _runs(k, year)
        ],
    }


def _kinerja(old: RenstraContent, year: int, programs: list[ProgramRencana]) -> list[Edit]:
    """The LKjIP's kinerja.yaml keyed by the plan's ids: a realisasi to fill in per sasaran
    indicator, the PK holding them, each sasaran's programs, its analysis and next year's
    actions."""
    sasaran = [s for t in old.rencana.tujuan for s in t.sasaran]
    indikator = [i.id for s in sasaran for i in s.indikator]
    if not indikator:
        return []
    isi = f"{ISI} "
    return [
        Set(
            ("realisasi",),
            {i: {"nilai": None, "sumber_data": f"{isi}sumber data"} for i in indikator},
            mark=f"realisasi {year}",
        ),
        Set(("perjanjian_kinerja", 0, "indikator"), indikator),
        Set(
            ("dukungan",),
            {
                s.id: {"program_kegiatan": [p.id for p in programs if p.sasaran == s.id]}
                for s in sasaran
                if any(p.sasaran == s.id for p in programs)
            },
        ),
        Set(
            ("analisis",),
            {
                s.id: {
                    "penyebab": [f"{isi}penyebab keberhasilan/kegagalan"],
                    "permasalahan": [],
                    "solusi": [],
                }
                for s in sasaran
            },
        ),
        Set(("rencana_aksi",), {i: [f"{isi}rencana aksi {year + 1}"] for i in indikator}),
    ]
