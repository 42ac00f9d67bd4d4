"""Rules across files: every id resolves, no id is defined twice, years fall in the period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..i18n import _
from .gambar import image_problem
from .source import FieldPath

if TYPE_CHECKING:
    from .content import LkjipContent, RenstraContent
    from .source import Source
    from .renstra import Rencana


def check_references(c: "LkjipContent") -> list[Problem]:
    """Every cross-file problem of an LKjIP content, in file order."""
    problems: list[Problem] = []
    rencana, program, kinerja = c.sources["rencana"], c.sources["program"], c.sources["kinerja"]
    plan_ids, sasaran_ids, plan_problems = _plan(c.rencana, rencana)
    problems += plan_problems

    node_ids = _program_nodes(c.program.program)
    problems += _duplicate_nodes(node_ids, program)

    first, last = c.rencana.periode
    year_ok = first <= c.settings.tahun <= last
    if not year_ok:
        problems.append(
            c.sources["document"].problem(
                ("tahun",),
                _("report year {tahun} is outside the plan period {first}-{last} (rencana)").format(
                    tahun=c.settings.tahun, first=first, last=last
                ),
                _("fix tahun or rencana.periode"),
                "ref.year",
            )
        )
    indikator = _indicator_ids(c.rencana)
    sasaran = {i for i, _ in sasaran_ids}
    nodes = {i for i, _ in node_ids}
    kin = c.kinerja
    problems += _dangling(
        kinerja, _keys("realisasi", kin.realisasi), indikator, _("a plan indicator")
    )
    # a tujuan measured by its own indicators has its analysis and budget too (LAMONGAN-NOTES L1)
    sasaran_tujuan = sasaran | {t.id for t in c.rencana.tujuan}
    problems += _dangling(
        kinerja, _keys("analisis", kin.analisis), sasaran_tujuan, _("a sasaran or tujuan")
    )
    problems += _dangling(
        kinerja, _keys("dukungan", kin.dukungan), sasaran_tujuan, _("a sasaran or tujuan")
    )
    problems += _dangling(
        kinerja, _keys("rencana_aksi", kin.rencana_aksi), indikator, _("a plan indicator")
    )
    problems += _dangling(
        kinerja, _keys("target_triwulan", kin.target_triwulan), indikator, _("a plan indicator")
    )
    problems += _dangling(kinerja, _items(("renja",), kin.renja), indikator, _("a plan indicator"))
    for n, row in enumerate(c.kinerja.riwayat):
        # (a report year outside the plan is the one mistake to report: not every history year as well)
        problems += [
            kinerja.problem(
                ("riwayat", n, "tahun", str(y)),
                _("year {year} is not before the report year {tahun}").format(
                    year=y, tahun=c.settings.tahun
                ),
                _(
                    "history rows hold earlier years; the report year's figures come from "
                    "`realisasi`"
                ),
                "ref.year",
            )
            for y in row.tahun
            if year_ok and y >= c.settings.tahun
        ]
        if row.id is not None and row.id not in indikator:
            problems.append(
                kinerja.problem(
                    ("riwayat", n, "id"),
                    _("'{id}' is not a plan indicator").format(id=row.id),
                    _known(indikator, row.id),
                    "ref.unknown",
                )
            )
    where: FieldPath
    for v, pk in enumerate(c.kinerja.perjanjian_kinerja):
        where = ("perjanjian_kinerja", v)
        problems += _dangling(
            kinerja, _items(where + ("indikator",), pk.indikator), indikator, _("a plan indicator")
        )
        problems += _dangling(
            kinerja,
            _keys(where + ("target",), pk.target),
            set(pk.indikator),
            _("an indicator listed in this version's `indikator`"),
        )
    for sid, dukungan in c.kinerja.dukungan.items():
        where = ("dukungan", sid)
        problems += _dangling(
            kinerja,
            _items(where + ("program_kegiatan",), dukungan.program_kegiatan),
            nodes,
            _("a program or kegiatan in program.yaml"),
        )
        problems += _dangling(
            kinerja,
            _keys(where + ("alokasi",), dukungan.alokasi),
            nodes,
            _("a program or kegiatan in program.yaml"),
        )
    problems += _files(c.folder, c.sources["document"], [(("logo",), c.settings.logo)])
    problems += _files(c.folder.parent, c.sources["agency"], [(("logo",), c.agency.logo)])
    problems += _files(
        c.folder,
        kinerja,
        [(("inovasi", n, "gambar"), x.gambar) for n, x in enumerate(kin.inovasi)]
        + [(("prestasi", n, "gambar"), x.gambar) for n, x in enumerate(kin.prestasi)],
    )
    if not c.kinerja.perjanjian_kinerja or c.kinerja.perjanjian_kinerja[-1].baris:
        problems.append(
            kinerja.problem(
                ("perjanjian_kinerja",),
                _("the last Perjanjian Kinerja version must list plan indicators (`indikator:`)"),
                _("the report measures against its targets"),
                "ref.pk",
            )
        )
    return problems


def _plan(rencana: "Rencana", source: "Source") -> tuple[list, list, list[Problem]]:
    """The plan's indicator (and tujuan) ids and sasaran ids with their locations, and the
    problems of the plan alone: duplicate ids, a period that ends before it starts, targets
    for years outside the period."""
    problems: list[Problem] = []
    plan_ids: list[tuple[str, FieldPath]] = []
    sasaran_ids: list[tuple[str, FieldPath]] = []
    for t, tujuan in enumerate(rencana.tujuan):
        plan_ids.append((tujuan.id, ("tujuan", t, "id")))
        plan_ids += [
            (i.id, ("tujuan", t, "indikator", n, "id")) for n, i in enumerate(tujuan.indikator)
        ]
        for s, sasaran in enumerate(tujuan.sasaran):
            sasaran_ids.append((sasaran.id, ("tujuan", t, "sasaran", s, "id")))
            plan_ids += [
                (i.id, ("tujuan", t, "sasaran", s, "indikator", n, "id"))
                for n, i in enumerate(sasaran.indikator)
            ]
    problems += [
        source.problem(
            loc,
            _("id '{id}' is defined twice").format(id=i),
            _("ids must be unique in the plan"),
            "ref.duplicate",
        )
        for i, loc in _repeats(plan_ids + sasaran_ids)
    ]
    first, last = rencana.periode
    if first > last:  # one mistake, one line: the target years are not judged against it
        problems.append(
            source.problem(
                ("periode",),
                _("the period {first}-{last} ends before it starts").format(first=first, last=last),
                _("write the first year first: [{last}, {first}]").format(last=last, first=first),
                "ref.year",
            )
        )
        return plan_ids, sasaran_ids, problems
    for t, tujuan in enumerate(rencana.tujuan):
        for s, sasaran in enumerate(tujuan.sasaran):
            for n, st in enumerate(sasaran.strategi):
                problems += [
                    source.problem(
                        ("tujuan", t, "sasaran", s, "strategi", n, "tahun"),
                        _("year {year} is outside the plan period {first}-{last}").format(
                            year=y, first=first, last=last
                        ),
                        _("a strategy runs in plan years {first}-{last}").format(
                            first=first, last=last
                        ),
                        "ref.year",
                    )
                    for y in st.tahun
                    if not first <= y <= last
                ]
        for loc, ind in _indicators_with_loc(tujuan, t):
            problems += [
                source.problem(
                    loc + ("target", str(y)),
                    _("year {year} is outside the plan period {first}-{last}").format(
                        year=y, first=first, last=last
                    ),
                    _(
                        "targets are for the plan years {first}-{last}: fix the year or the plan's "
                        "periode"
                    ).format(first=first, last=last),
                    "ref.year",
                )
                for y in ind.target
                if not first <= y <= last
            ]
    return plan_ids, sasaran_ids, problems


def check_renstra_references(c: "RenstraContent") -> list[Problem]:
    """Every cross-file problem of a Renstra content."""
    # a data-only Renstra has no program or analisis file, and then nothing to report in them
    rencana = c.sources["rencana"]
    program = c.sources.get("program") or c.sources["document"]
    analisis = c.sources.get("analisis") or c.sources["document"]
    plan_ids, sasaran_ids, problems = _plan(c.rencana, rencana)
    programs = c.program.program if c.program else []
    problems += _duplicate_nodes(_program_nodes(programs), program)
    tujuan = {t.id for t in c.rencana.tujuan}
    sasaran = {i for i, _ in sasaran_ids}
    for p, prog in enumerate(programs):
        if prog.tujuan is not None and prog.tujuan not in tujuan:
            problems.append(
                program.problem(
                    ("program", p, "tujuan"),
                    _("'{tujuan}' is not a tujuan").format(tujuan=prog.tujuan),
                    _known(tujuan, prog.tujuan),
                    "ref.unknown",
                )
            )
        if prog.sasaran is not None and prog.sasaran not in sasaran:
            problems.append(
                program.problem(
                    ("program", p, "sasaran"),
                    _("'{sasaran}' is not a sasaran").format(sasaran=prog.sasaran),
                    _known(sasaran, prog.sasaran),
                    "ref.unknown",
                )
            )
    first, last = c.settings.tahun_awal, c.rencana.periode[1]
    for m, matriks in enumerate(c.program.matriks if c.program else []):
        problems += [
            program.problem(
                ("matriks", m, "tahun"),
                _("year {year} is outside {first}-{last} (tahun_awal to the plan's end)").format(
                    year=y, first=first, last=last
                ),
                None,
                "ref.year",
            )
            for y in matriks.tahun
            if not first <= y <= last
        ]
    printed = set(range(c.rencana.periode[0], c.rencana.periode[1] + 1))
    printed |= {y for m in (c.program.matriks if c.program else []) for y in m.tahun}
    problems += _pagu_years(programs, program, printed)
    problems += _files(c.folder, c.sources["document"], [(("logo",), c.settings.logo)])
    problems += _files(c.folder.parent, c.sources["agency"], [(("logo",), c.agency.logo)])
    problems += _isu_strategis(c, rencana, analisis)
    urusan = c.analisis.indikator_urusan
    if urusan is not None:
        indikator = _indicator_ids(c.rencana)
        program_ids = {prog.id for prog in programs}
        for n, row in enumerate(urusan.baris):
            loc = ("indikator_urusan", "baris", n)
            if row.indikator is not None and row.indikator not in indikator:
                problems.append(
                    analisis.problem(
                        loc + ("indikator",),
                        _("'{indikator}' is not a plan indicator").format(indikator=row.indikator),
                        _known(indikator, row.indikator),
                        "ref.unknown",
                    )
                )
            if row.program is not None and row.program not in program_ids:
                problems.append(
                    analisis.problem(
                        loc + ("program",),
                        _("'{program}' is not a program in program.yaml").format(
                            program=row.program
                        ),
                        _known(program_ids, row.program),
                        "ref.unknown",
                    )
                )
            elif (
                row.program is not None
                and not next(p for p in programs if p.id == row.program).indikator
            ):
                problems.append(
                    analisis.problem(
                        loc + ("program",),
                        _("program '{program}' has no indikator to show").format(
                            program=row.program
                        ),
                        None,
                        "ref.unknown",
                    )
                )
            problems += _unused_own_values(row, loc, analisis)
    program_ids = {prog.id for prog in programs}
    for n, kebijakan in enumerate(c.analisis.kebijakan):
        for m, ref in enumerate(kebijakan.program):
            # an entry is a program id (printed as the program's name) or a name as printed; one
            # shaped like an id (no space, a digit: "P2") that names no program is a slip
            if (
                ref not in program_ids
                and not any(ch.isspace() for ch in ref)
                and any(ch.isdigit() for ch in ref)
            ):
                problems.append(
                    analisis.problem(
                        ("kebijakan", n, "program", m),
                        _("'{ref}' is not a program in program.yaml").format(ref=ref),
                        _("write a program id or the program's name; {program_ids}").format(
                            program_ids=_known(program_ids, ref)
                        ),
                        "ref.unknown",
                    )
                )
    return problems


def _isu_strategis(c: "RenstraContent", rencana: "Source", analisis: "Source") -> list[Problem]:
    """The Renstra prints one list of isu strategis (`RenstraContent.isu_strategis`): analisis.yaml's,
    else rencana.yaml's. Two different lists would drop one of them without a word."""
    ours, plan = c.analisis.isu_strategis, c.rencana.isu_strategis
    if not ours or not plan or ours == plan:
        return []
    line = rencana.line_of(("isu_strategis",))
    return [
        analisis.problem(
            ("isu_strategis",),
            _(
                "isu strategis are listed here and in {other}, and the lists differ; the "
                "Renstra prints one list"
            ).format(other=f"{rencana.name}:{line}" if line else rencana.name),
            _(
                "keep one list and delete the other: rencana.yaml's (an LKjIP reading this plan "
                "prints it too) or this one"
            ),
            "ref.isu",
        )
    ]


def _unused_own_values(row, loc: FieldPath, source: "Source") -> list[Problem]:
    """A T-C.28 row that names a plan indicator or a program prints that one's name, unit and
    targets: values written on the row itself would not appear, so they are an error, not
    silently dropped."""
    named = (
        "indikator" if row.indikator is not None else "program" if row.program is not None else None
    )
    if named is None:
        return []
    own = [
        f for f in ("nama", "satuan", "kondisi_awal", "target") if getattr(row, f) not in (None, {})
    ]
    if not own:
        return []
    whose = f"{'plan indicator' if named == 'indikator' else 'program'} '{getattr(row, named)}'"
    return [
        source.problem(
            loc + (own[0],),
            _("the row prints the {own} of {whose}; its own {own} would not appear").format(
                own=", ".join(own), whose=whose
            ),
            _(
                "remove {own} from the row, or remove `{named}` to print the row's own values"
            ).format(own=", ".join(own), named=named),
            "ref.unused",
        )
    ]


def _pagu_years(programs, source: "Source | None", printed: set[int]) -> list[Problem]:
    """A pagu or target for a year neither in the plan period nor in a matrix's years appears in
    no column of T-C.27."""
    first, last = min(printed, default=0), max(printed, default=0)
    out: list[Problem] = []
    for p, prog in enumerate(programs):
        nodes: list[tuple[FieldPath, Any]] = [(("program", p), prog)]
        for k, keg in enumerate(prog.kegiatan):
            nodes.append((("program", p, "kegiatan", k), keg))
            nodes += [
                (("program", p, "kegiatan", k, "sub_kegiatan", n), sub)
                for n, sub in enumerate(keg.sub_kegiatan)
            ]
        for at, node in nodes:
            years = [(at + ("pagu", y), y) for y in getattr(node, "pagu", {})]
            years += [
                (at + ("indikator", i, "target", y), y)
                for i, ind in enumerate(node.indikator)
                for y in ind.target
            ]
            out += [
                source.problem(
                    loc,
                    _(
                        "year {year} is in no column of T-C.27 (years {first}-{last}): it would not "
                        "appear"
                    ).format(year=y, first=first, last=last),
                    _("fix the year, or the plan's periode or a matrix's tahun"),
                    "ref.year",
                )
                for loc, y in years
                if y not in printed and source is not None
            ]
    return out


def _files(
    folder: Path, source: Source, named: Sequence[tuple[FieldPath, str | None]]
) -> list[Problem]:
    """Image files the content names must be PNG or JPEG files inside `folder` (a missing logo
    is not silently left out)."""
    problems = []
    for loc, name in named:
        wrong = image_problem(name, folder, folder) if name else None
        if wrong:
            problems.append(source.problem(loc, wrong[0], wrong[1], "ref.file"))
    return problems


def _keys(where: str | FieldPath, mapping: dict) -> list[tuple[str, FieldPath]]:
    """The keys of a mapping, each with its field path."""
    prefix = (where,) if isinstance(where, str) else where
    return [(key, prefix + (key,)) for key in mapping]


def _items(where: FieldPath, ids: list[str]) -> list[tuple[str, FieldPath]]:
    """The entries of a list of ids, each with its field path."""
    return [(i, where + (n,)) for n, i in enumerate(ids)]


def _dangling(
    source, refs: Iterable[tuple[str, FieldPath]], known: set[str], what: str
) -> list[Problem]:
    return [
        source.problem(
            loc,
            _("'{ref}' is not {what}").format(ref=ref, what=what),
            _known(known, ref),
            "ref.unknown",
        )
        for ref, loc in refs
        if ref not in known
    ]


def _known(ids: set[str], ref: str | None = None) -> str:
    """The hint of a reference to an unknown id: the valid ids, led by the one `ref` was
    probably meant to be (a typo or another case of it), when only one is that close."""
    listed = ", ".join(sorted(ids)[:12])
    known = _("known: {listed}").format(listed=listed) + (", …" if len(ids) > 12 else "")
    close = _close_id(ref, ids) if ref else None
    if close is None:
        return known
    return _("did you mean '{id}'? {known}").format(id=close, known=known)


def _close_id(ref: str, ids: set[str]) -> str | None:
    """The one id that `ref` differs from only in case, else by one edit (a character added,
    dropped, changed unless a digit for a digit, or two neighbours swapped: "is1.1", "IS11",
    "IS1,1", "IS.11" for "IS1.1"); None when no id, or more than one ("S9" is one edit from
    S1 … S5 alike), is that close."""
    folded = ref.casefold()
    same = [i for i in ids if i.casefold() == folded]
    if len(same) == 1:
        return same[0]
    near = [i for i in ids if _one_edit(folded, i.casefold())]
    return near[0] if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one insertion, deletion, adjacent swap, or substitution of
    other than a digit by a digit."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    # one digit for another names another number (IS1.7 is not a typo of IS1.1)
    changed = a[i + 1 :] == b[i + 1 :] and not (a[i].isdigit() and b[i].isdigit())
    return changed or swapped


def _program_nodes(programs) -> list[tuple[str, FieldPath]]:
    """Every program, kegiatan and sub-kegiatan id of a program tree (an LKjIP's or a
    Renstra's), with where it is."""
    node_ids: list[tuple[str, FieldPath]] = []
    for p, prog in enumerate(programs):
        node_ids.append((prog.id, ("program", p, "id")))
        for k, keg in enumerate(prog.kegiatan):
            node_ids.append((keg.id, ("program", p, "kegiatan", k, "id")))
            node_ids += [
                (sub.id, ("program", p, "kegiatan", k, "sub_kegiatan", n, "id"))
                for n, sub in enumerate(keg.sub_kegiatan)
            ]
    return node_ids


def _duplicate_nodes(node_ids: list[tuple[str, FieldPath]], source: "Source") -> list[Problem]:
    return [
        source.problem(
            loc,
            _("id '{id}' is defined twice").format(id=i),
            _("program, kegiatan and sub-kegiatan ids must be unique"),
            "ref.duplicate",
        )
        for i, loc in _repeats(node_ids)
    ]


def _repeats(pairs: list[tuple[str, FieldPath]]) -> list[tuple[str, FieldPath]]:
    counts = Counter(i for i, _ in pairs)
    seen: set[str] = set()
    out = []
    for i, loc in pairs:
        if counts[i] > 1:
            if i in seen:
                out.append((i, loc))
            seen.add(i)
    return out


def _indicator_ids(rencana: "Rencana") -> set[str]:
    """The ids of the plan's indicators (of tujuan and of sasaran): what a field that names a
    plan indicator accepts, and lists when it does not find one (never a tujuan's own id)."""
    return {
        ind.id
        for t, tujuan in enumerate(rencana.tujuan)
        for _, ind in _indicators_with_loc(tujuan, t)
    }


def _indicators_with_loc(tujuan, t: int):
    for n, ind in enumerate(tujuan.indikator):
        yield ("tujuan", t, "indikator", n), ind
    for s, sas in enumerate(tujuan.sasaran):
        for n, ind in enumerate(sas.indikator):
            yield ("tujuan", t, "sasaran", s, "indikator", n), ind
