"""What a revision changed: two versions of one document's content compared (issue 7:
Perubahan / Review Renstra). Pure: the caller loads both versions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from ..model.content import Content, ProgramNodes
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
    kode: str | None = None
    """The program/kegiatan/sub kegiatan's code ("3.27.07"), printed before its name."""


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
            # an indicator added with its targets: each year's target is what the revision adds
            out.append(Perubahan("ditambah", kind, i, _name(item)))
            if kind == "indikator":
                out += _targets(i, _name(item), {}, item.target)  # type: ignore[attr-defined]
            continue
        was = before[key]
        if _name(was) != _name(item):
            out.append(Perubahan("diubah", kind, i, _name(item), None, _name(was), _name(item)))
        if kind == "indikator":
            out += _targets(i, _name(item), was.target, item.target)  # type: ignore[attr-defined]
    for (kind, i), item in before.items():
        if (kind, i) not in after:
            out.append(Perubahan("dihapus", kind, i, _name(item)))
            if kind == "indikator":
                out += _targets(i, _name(item), item.target, {})  # type: ignore[attr-defined]
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
    """Program tree nodes added, removed or renamed, each with its code, and every pagu and
    indicator target changed by year; a node added (removed) with its pagu indikatif over the
    period and each year's pagu and targets as added (removed). Then the total pagu indikatif,
    by year and over the period, where it changed."""
    before, after = old.program_nodes(), new.program_nodes()
    out: list[Perubahan] = []
    for i, (level, node, pagu) in after.items():
        kode = getattr(node, "kode", None)
        if i not in before:
            out += _whole(i, level, node, pagu, _pagu_total(i, after), "ditambah")
            continue
        _, was, was_pagu = before[i]
        if _name(was) != _name(node):
            out.append(
                Perubahan("diubah", level, i, _name(node), None, _name(was), _name(node), kode)
            )
        out += _coded(_targets(i, _name(node), was_pagu, pagu, "pagu"), kode)
        for n, ind in enumerate(getattr(node, "indikator", [])):
            olds = getattr(was, "indikator", [])
            if n < len(olds) and isinstance(getattr(ind, "target", None), dict):
                out += _targets(i, ind.nama, olds[n].target, ind.target)
    for i, (level, node, pagu) in before.items():
        if i not in after:
            out += _whole(i, level, node, pagu, _pagu_total(i, before), "dihapus")
    return out + _total(before, after)


def _whole(
    i: str, level: str, node: Any, pagu: dict[int, Any], total: Decimal | None, jenis: Jenis
) -> list[Perubahan]:
    """A node added (or removed) whole: its row with the pagu indikatif of the period (its
    kegiatan's and sub kegiatan's too), then its own pagu and its indicators' targets by year."""
    added = jenis == "ditambah"
    kode = getattr(node, "kode", None)
    out = [
        Perubahan(
            jenis,
            level,
            i,
            _name(node),
            None,
            None if added else total,
            total if added else None,
            kode,
        )
    ]
    out += _coded(
        _targets(i, _name(node), {} if added else pagu, pagu if added else {}, "pagu"), kode
    )
    for ind in getattr(node, "indikator", []):
        if isinstance(getattr(ind, "target", None), dict):
            target = ind.target
            out += _targets(i, ind.nama, {} if added else target, target if added else {})
    return out


def _coded(changes: list[Perubahan], kode: str | None) -> list[Perubahan]:
    return [replace(ch, kode=kode) for ch in changes]


def _children(node: Any) -> list[Any]:
    return [*getattr(node, "kegiatan", []), *getattr(node, "sub_kegiatan", [])]


def _pagu_total(i: str, nodes: ProgramNodes) -> Decimal | None:
    """The pagu indikatif of node `i` over every year: its own and its descendants'."""
    pending, total, found = [nodes[i][1]], Decimal(0), False
    while pending:
        node = pending.pop()
        entry = nodes.get(getattr(node, "id", ""))
        for value in (entry[2] if entry else {}).values():
            if value is not None:
                total, found = total + value, True
        pending += _children(node)
    return total if found else None


def _pagu_by_year(nodes: ProgramNodes) -> dict[int, Decimal]:
    """The total pagu indikatif of every year: the sum of the leaves' (money is only on them)."""
    out: dict[int, Decimal] = {}
    for _level, _node, pagu in nodes.values():
        for year, value in pagu.items():
            if value is not None:
                out[year] = out.get(year, Decimal(0)) + value
    return out


TOTAL_PAGU = "total_pagu"
"""The id of the total pagu indikatif's changes (an `alasan` may name it)."""


def _total(before: ProgramNodes, after: ProgramNodes) -> list[Perubahan]:
    """The total pagu indikatif by year, then over the whole period, where it changed."""
    was, now = _pagu_by_year(before), _pagu_by_year(after)
    out = _targets(TOTAL_PAGU, "Total pagu indikatif", was, now, "pagu_total")
    years = sorted(set(was) | set(now))
    if out and len(years) > 1:
        a, b = sum(was.values(), Decimal(0)), sum(now.values(), Decimal(0))
        if a != b:
            name = f"Total pagu indikatif {years[0]}-{years[-1]}"
            out.append(Perubahan("diubah", "pagu_total", TOTAL_PAGU, name, None, a, b))
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
