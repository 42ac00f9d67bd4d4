"""What a revision changed: two versions of one document's content compared (issue 7:
Perubahan / Review Renstra). Pure: the caller loads both versions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..model.content import Content
from ..model.nilai import nilai_of
from ..model.renstra import Rencana
from ..model.spm import Spm

Jenis = Literal["ditambah", "dihapus", "diubah"]


@dataclass(frozen=True)
class Perubahan:
    """One change: what kind, to what (`bagian`: tujuan, sasaran, indikator, target, program,
    kegiatan, sub_kegiatan, pagu, realisasi, the SPM's spm / spm_target / spm_sasaran /
    spm_terlayani / spm_realisasi / spm_rincian, narasi), which id and name, which year, before
    and after."""

    jenis: Jenis
    bagian: str
    id: str
    uraian: str
    tahun: int | None = None
    sebelum: Decimal | str | None = None
    sesudah: Decimal | str | None = None


def perubahan(old: Content, new: Content) -> list[Perubahan]:
    """Every addition, removal and change from `old` to `new`, plan first, then the program
    tree, the realisasi recorded, the SPM, then narrative sections."""
    return [
        *_plan(old.rencana, new.rencana),
        *_program(old, new),
        *_realisasi(old, new),
        *_spm(getattr(old, "spm", None), getattr(new, "spm", None)),
        *_narasi(old, new),
    ]


def _plan_items(r: Rencana) -> Iterator[tuple[str, str, object]]:
    for t in r.tujuan:
        yield "tujuan", t.id, t
        for i in t.indikator:
            yield "indikator", i.id, i
        for s in t.sasaran:
            yield "sasaran", s.id, s
            for i in s.indikator:
                yield "indikator", i.id, i


def _name(item: object) -> str:
    return str(getattr(item, "uraian", None) or getattr(item, "nama", ""))


def _plan(old: Rencana, new: Rencana) -> list[Perubahan]:
    before = {(kind, i): item for kind, i, item in _plan_items(old)}
    after = {(kind, i): item for kind, i, item in _plan_items(new)}
    out: list[Perubahan] = []
    for key, item in after.items():
        kind, i = key
        if key not in before:
            out.append(Perubahan("ditambah", kind, i, _name(item)))
            continue
        was = before[key]
        if _name(was) != _name(item):
            out.append(Perubahan("diubah", kind, i, _name(item), None, _name(was), _name(item)))
        if kind == "indikator":
            out += _targets(i, _name(item), was.target, item.target)  # type: ignore[attr-defined]
    out += [
        Perubahan("dihapus", kind, i, _name(item))
        for (kind, i), item in before.items()
        if (kind, i) not in after
    ]
    return out


def _targets(
    i: str, name: str, before: dict[int, Any], after: dict[int, Any], bagian: str = "target"
) -> list[Perubahan]:
    return _by_year(i, name, before, after, bagian, nilai_of)


def _by_year(
    i: str,
    name: str,
    before: dict[int, Any],
    after: dict[int, Any],
    bagian: str,
    shown: Callable[[Any], Any],
) -> list[Perubahan]:
    """One change per year whose value, as `shown` reads it, differs."""
    out = []
    for year in sorted(set(before) | set(after)):
        a, b = shown(before.get(year)), shown(after.get(year))
        if a != b:
            jenis: Jenis = "ditambah" if a is None else "dihapus" if b is None else "diubah"
            out.append(Perubahan(jenis, bagian, i, name, year, a, b))
    return out


def _program(old: Content, new: Content) -> list[Perubahan]:
    before, after = old.program_nodes(), new.program_nodes()
    out: list[Perubahan] = []
    for i, (level, node, pagu) in after.items():
        if i not in before:
            out.append(Perubahan("ditambah", level, i, _name(node)))
            continue
        _, was, was_pagu = before[i]
        if _name(was) != _name(node):
            out.append(Perubahan("diubah", level, i, _name(node), None, _name(was), _name(node)))
        out += _targets(i, _name(node), was_pagu, pagu, "pagu")
        for n, ind in enumerate(getattr(node, "indikator", [])):
            olds = getattr(was, "indikator", [])
            if n < len(olds) and isinstance(getattr(ind, "target", None), dict):
                out += _targets(i, ind.nama, olds[n].target, ind.target)
    out += [
        Perubahan("dihapus", level, i, _name(node))
        for i, (level, node, _) in before.items()
        if i not in after
    ]
    return out


def _realisasi(old: Content, new: Content) -> list[Perubahan]:
    """Realisasi per year, wherever either version records them (an LKjIP's year and its
    history, the Renstra's evaluasi): next year's report adds its year, and a past year's value
    typed differently is a change."""
    before, after = old.realisasi_values(), new.realisasi_values()
    out: list[Perubahan] = []
    for key in [*after, *(k for k in before if k not in after)]:
        bagian, i, name = key
        out += _targets(i, name, before.get(key, {}), after.get(key, {}), bagian)
    return out


SPM_NILAI = ("target", "sasaran", "terlayani", "realisasi")
"""The values of an SPM indicator's year a revision may change (its capaian is computed)."""

SpmItems = dict[tuple[str, str], tuple[str, dict[str, dict[int, Any]]]]
"""(bagian, key) → (name, values per field per year) of every SPM row."""


def _spm_items(spm: Spm | None) -> SpmItems:
    """The SPM's indicators (by id, else by name) and its breakdowns' rows (by table id and
    kategori), each with its values per year."""
    out: SpmItems = {}
    for j in spm.jenis if spm is not None else []:
        for i in j.indikator:
            values = {f: {y: getattr(t, f) for y, t in i.tahun.items()} for f in SPM_NILAI}
            out[("spm", i.id or i.nama)] = (i.nama, values)
        for r in j.rincian:
            for b in r.baris:
                out[("spm_rincian", f"{r.id}/{b.kategori}")] = (b.kategori, {"nilai": b.nilai})
    return out


def _spm(old: Spm | None, new: Spm | None) -> list[Perubahan]:
    """Indicators and breakdown rows added, removed or renamed, and every value changed, by
    year: `spm_sasaran` for a jumlah sasaran, `spm_rincian` for a breakdown's count."""
    before, after = _spm_items(old), _spm_items(new)
    out: list[Perubahan] = []
    for key, (name, values) in after.items():
        kind, i = key
        if key not in before:
            out.append(Perubahan("ditambah", kind, i, name))
            continue
        was_name, was_values = before[key]
        if was_name != name:
            out.append(Perubahan("diubah", kind, i, name, None, was_name, name))
        for field, years in values.items():
            bagian = "spm_rincian" if kind == "spm_rincian" else f"spm_{field}"
            out += _values(i, name, was_values[field], years, bagian)
    out += [
        Perubahan("dihapus", kind, i, name)
        for (kind, i), (name, _) in before.items()
        if (kind, i) not in after
    ]
    return out


def _values(
    i: str, name: str, before: dict[int, Any], after: dict[int, Any], bagian: str
) -> list[Perubahan]:
    """Like `_targets`, but a value written as text ("N.a", a note) is a value too: a note
    replaced by a number is a change, not an addition."""
    return _by_year(i, name, before, after, bagian, _as_shown)


def _as_shown(value: Any) -> Decimal | str | None:
    return value if value is None or isinstance(value, Decimal) else str(value)


def _narasi(old: Content, new: Content) -> list[Perubahan]:
    out = []
    for key in sorted(set(old.narasi) | set(new.narasi)):
        a, b = old.narasi.get(key), new.narasi.get(key)
        if a is None:
            out.append(Perubahan("ditambah", "narasi", key, key))
        elif b is None:
            out.append(Perubahan("dihapus", "narasi", key, key))
        elif a.text.strip() != b.text.strip():
            out.append(Perubahan("diubah", "narasi", key, key))
    return out
