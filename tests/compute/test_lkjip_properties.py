"""Properties of `lkjip_figures`, the real pipeline from content to figures (issue 6): budget totals
equal the sum of the leaves for any program tree, a sasaran's budget counts each listed node
once, and the kategori of an indicator is exact at the boundaries of any scale.

The example's content is loaded once, on first use; each example swaps in a random program tree, scale or
realisasi with `dataclasses.replace` / `model_copy`, so only compute runs per example.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from decimal import Decimal

from conftest import EXAMPLE_AGENCY, EXAMPLE_DOCUMENT
from hypothesis import given, settings
from hypothesis import strategies as st

from laporgen.compute.lkjip import LkjipFigures, lkjip_figures
from laporgen.model.anggaran import ProgramTree
from laporgen.model.content import LkjipContent
from laporgen.model.folder import load_lkjip
from laporgen.model.lkjip import Dukungan, Realisasi
from laporgen.model.settings import Kategori


@functools.cache
def example() -> LkjipContent:
    """The example's content, loaded on first use (not at import: a broken example then fails
    these tests, not the collection of every test), once for all examples."""
    return load_lkjip(EXAMPLE_AGENCY / EXAMPLE_DOCUMENT)


RUPIAH = st.integers(min_value=0, max_value=10**15).map(Decimal)


# --------------------------------------------------------------------------- program trees
@st.composite
def anggaran(draw) -> dict:
    out = {"pagu": draw(RUPIAH), "realisasi": draw(RUPIAH)}
    if draw(st.booleans()):
        out["pagu_murni"] = draw(RUPIAH)
    return out


@st.composite
def program_trees(draw) -> ProgramTree:
    """1-4 programs of 1-4 kegiatan; a kegiatan holds money itself or has 1-3 sub-kegiatan."""
    program = []
    for p in range(1, draw(st.integers(1, 4)) + 1):
        kegiatan = []
        for k in range(1, draw(st.integers(1, 4)) + 1):
            node = {"id": f"K{p}.{k}", "nama": f"Kegiatan {p}.{k}"}
            if draw(st.booleans()):
                node["anggaran"] = draw(anggaran())
            else:
                node["sub_kegiatan"] = [
                    {"id": f"S{p}.{k}.{s}", "nama": "Sub", "anggaran": draw(anggaran())}
                    for s in range(1, draw(st.integers(1, 3)) + 1)
                ]
            kegiatan.append(node)
        program.append({"id": f"P{p}", "nama": f"Program {p}", "kegiatan": kegiatan})
    return ProgramTree.model_validate({"program": program})


def leaves(tree: ProgramTree):
    """(pagu, pagu_murni as printed, realisasi) of every node that carries money."""
    for p in tree.program:
        for k in p.kegiatan:
            for node in k.sub_kegiatan or [k]:
                a = node.anggaran
                yield a.pagu, a.pagu if a.pagu_murni is None else a.pagu_murni, a.realisasi


def figures(tree: ProgramTree, dukungan: dict[str, Dukungan] | None = None) -> LkjipFigures:
    kinerja = example().kinerja.model_copy(update={"dukungan": dukungan or {}})
    return lkjip_figures(replace(example(), program=tree, kinerja=kinerja))


@settings(max_examples=60, deadline=None)
@given(program_trees())
def test_totals_equal_the_sum_of_the_leaves_for_any_program_tree(tree):
    f = figures(tree)
    pagu, murni, realisasi = (sum(column, Decimal(0)) for column in zip(*leaves(tree)))
    assert (f.pagu, f.pagu_murni, f.realisasi_anggaran) == (pagu, murni, realisasi)
    assert f.serapan == (realisasi / pagu * 100 if pagu else None)


@settings(max_examples=60, deadline=None)
@given(program_trees())
def test_every_parent_is_the_sum_of_its_children(tree):
    for program in figures(tree).program:
        for node in program.walk():
            if node.children:
                assert node.pagu == sum((c.pagu for c in node.children), Decimal(0))
                assert node.pagu_murni == sum((c.pagu_murni for c in node.children), Decimal(0))
                assert node.realisasi == sum((c.realisasi for c in node.children), Decimal(0))


@st.composite
def trees_and_listings(draw) -> tuple[ProgramTree, list[str]]:
    """A tree and some of its program/kegiatan ids, in tree order (a program before its kegiatan)."""
    tree = draw(program_trees())
    ids = [i for p in tree.program for i in [p.id, *(k.id for k in p.kegiatan)]]
    listed = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    return tree, sorted(listed, key=ids.index)


@settings(max_examples=60, deadline=None)
@given(trees_and_listings())
def test_a_sasaran_budget_counts_each_listed_node_once(tree_and_listed):
    """A program listed with some of its kegiatan (Tabel 3.8 lists both) is counted once."""
    tree, listed = tree_and_listed
    f = figures(tree, {"S1": Dukungan(program_kegiatan=listed)})
    s1 = next(s for s in f.sasaran if s.sasaran.id == "S1")
    programs = {p.id for p in tree.program}
    top = [i for i in listed if i in programs or i.split(".")[0].replace("K", "P") not in listed]
    assert s1.pagu == sum((f.node(i).pagu for i in top), Decimal(0))
    assert s1.realisasi_anggaran == sum((f.node(i).realisasi for i in top), Decimal(0))


def test_a_kegiatan_listed_before_its_program_is_counted_once():
    listed = example().kinerja.dukungan["S1"].program_kegiatan
    reordered = ["K4.1", "P4", *(i for i in listed if i not in ("K4.1", "P4"))]

    def s1(order):
        dukungan = {**example().kinerja.dukungan, "S1": Dukungan(program_kegiatan=order)}
        f = lkjip_figures(
            replace(example(), kinerja=example().kinerja.model_copy(update={"dukungan": dukungan}))
        )
        return next(s for s in f.sasaran if s.sasaran.id == "S1").pagu

    assert s1(reordered) == s1(listed) == Decimal(6093000000)


# -------------------------------------------------------------------------------- kategori
@st.composite
def scales(draw) -> Kategori:
    """2-6 levels, highest first, each min with at most 2 decimals (as capaian is printed)."""
    mins = draw(
        st.lists(st.integers(min_value=2, max_value=20000), min_size=1, max_size=5, unique=True)
    )
    levels = [
        {"min": Decimal(m).scaleb(-2), "label": f"Level {n}"}
        for n, m in enumerate(sorted(mins, reverse=True))
    ]
    return Kategori.model_validate({"skala": levels + [{"label": "Terendah"}]})


def kategori_of_is11(scale: Kategori, capaian: Decimal) -> str | None:
    """IS1.1's kategori when its realisasi gives exactly `capaian` against the plan target."""
    target = example().rencana.tujuan[0].sasaran[0].indikator[0].target[example().settings.tahun]
    realisasi = {**example().kinerja.realisasi, "IS1.1": Realisasi(nilai=target * capaian / 100)}
    content = replace(
        example(),
        settings=example().settings.model_copy(update={"kategori": scale}),
        kinerja=example().kinerja.model_copy(update={"realisasi": realisasi}),
    )
    row = next(i for i in lkjip_figures(content).indikator if i.indikator.id == "IS1.1")
    assert row.capaian == capaian
    return row.kategori


@settings(max_examples=60, deadline=None)
@given(scales(), st.data())
def test_kategori_is_exact_at_the_boundaries_of_any_scale(scale, data):
    """Capaian equal to a level's min gets that level; 0,01 less gets the next one down."""
    levels = scale.skala
    n = data.draw(st.integers(0, len(levels) - 2))
    boundary = levels[n].min
    assert kategori_of_is11(scale, boundary) == levels[n].label
    assert kategori_of_is11(scale, boundary - Decimal("0.01")) == levels[n + 1].label
