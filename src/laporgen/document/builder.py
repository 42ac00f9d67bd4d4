"""What every document type's tree builder shares: an outline filled section by section.

For each heading of the outline a section holds, in order: the tables `tabel.yaml` places
there with `letak: awal`, `narasi/<id>.md`, the generated blocks of that section
(`generated[id]`), `narasi/<id>.akhir.md`, the blocks that close it (`closing[id]`), the tables
declared with `letak: akhir` (the default), then its sub-sections.
Numbers of BAB, sections and tables are assigned afterwards by `numbering.py`. A document type
subclasses `OutlineBuilder` with its outline, its narrative context and its generated blocks.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import LaporgenError
from ..i18n import _
from ..model.organisasi import Agency
from ..model.source import FieldPath
from ..model.spm import Spm
from ..model.settings import Penandatangan
from ..model.tabel import DeclaredTables
from ..numbers import angka_terbilang, persen, rupiah, tanggal
from .narrative import narrative_env, render_all
from .kalimat import gabung, judul, para
from .nodes import Block, Figure, ListBlock, ListOfTables, Section, Signature, Table, Text
from .numbering import ROMAN, walk
from .outline import Bagian, apply_changes
from .spm import spm_blocks
from .tabel_deklarasi import declared_block


class OutlineBuilder:
    """Fills `outline` from `generated` and the narrative files; `front` names the front-matter
    chapters that take narrative, `extra_narasi` any other narrative keys the type allows."""

    def __init__(
        self,
        folder: Any,
        narasi: Mapping[str, Any],
        outline: tuple[Bagian, ...],
        context: dict[str, Any],
        front: Iterable[str] = (),
        extra_narasi: Iterable[str] = (),
        tabel: DeclaredTables | None = None,
        tabel_source: Any = None,
        spm: Spm | None = None,
        spm_source: Any = None,
        spm_bagian: str = "",
        caption: tuple[str, ...] = (),
    ):
        self.folder = folder
        self.outline = outline
        self.env = narrative_env({"terbilang": angka_terbilang, "rp": rupiah, "persen": persen})
        self.context = context
        self.narasi = self._render_narasi(narasi, front, extra_narasi)
        self.generated: dict[str, Callable[[], list[Block]]] = {}
        # Generated blocks that follow a section's closing narrative (`<id>.akhir.md`), for a
        # table the closing text leads to (the Renstra's T-C.26 after the Kebijakan text).
        self.closing: dict[str, Callable[[], list[Block]]] = {}
        # `caption`: the agency line under the title of every table, built or declared (one
        # that names its own `keterangan` keeps them)
        self.declared = self._place_declared(
            tabel or DeclaredTables.model_construct(tabel=[]), tabel_source, caption
        )
        if spm is not None and spm.jenis:
            self._place_spm(spm, spm_source, spm_bagian, caption)

    def _place_declared(
        self, tabel: DeclaredTables, source: Any, caption: tuple[str, ...]
    ) -> dict[tuple[str, str], list[Block]]:
        """The declared tables by (section id, letak); one naming a section the outline lacks
        is an error at its line, never left out."""
        placed: dict[tuple[str, str], list[Block]] = {}
        problems = []
        for i, t in enumerate(tabel.tabel):
            missing = self._missing_section(t.bagian, source, ("tabel", i, "bagian"), "ref.tabel")
            if missing:
                problems.append(missing)
                continue
            placed.setdefault((t.bagian, t.letak), []).append(declared_block(t, caption))
        if problems:
            raise LaporgenError(problems)
        return placed

    def _missing_section(self, bagian: str, source: Any, loc: FieldPath, code: str) -> Any:
        """The problem of a table placed in a section the outline lacks (None if it has it)."""
        sections = [b.id for top in self.outline for b in top.walk()]
        if bagian in sections:
            return None
        close = difflib.get_close_matches(bagian, sections, 1, 0.6)
        hint = (_('did you mean "{id}"? ').format(id=close[0]) if close else "") + _(
            "`laporgen outline PATH` lists the section ids"
        )
        message = _('no section "{id}" in the outline').format(id=bagian)
        return source.problem(loc, message, hint, code)

    def _place_spm(self, spm: Spm, source: Any, default: str, caption: tuple[str, ...]) -> None:
        """The SPM table and its breakdowns, captioned with `caption` (the agency line the
        other tables carry), in the section `spm.yaml` names, else the type's own (`default`).
        A document whose outline dropped that section must name another: the table is never
        lost."""
        blocks = spm_blocks(spm, caption)
        self.place(spm.bagian or default, spm.letak, blocks, source, ("bagian",), "ref.spm")

    def place(
        self, bagian: str, letak: str, blocks: list[Block], source: Any, loc: FieldPath, code: str
    ) -> None:
        """First-class tables the content places in a section (`bagian`, before or after its
        narrative); a section the outline lacks is an error at the line of `loc`."""
        missing = self._missing_section(bagian, source, loc, code)
        if missing:
            raise LaporgenError([missing])
        self.declared.setdefault((bagian, letak), []).extend(blocks)

    def _render_narasi(
        self, files: Mapping[str, Any], front: Iterable[str], extra: Iterable[str]
    ) -> dict[str, tuple[Block, ...]]:
        """Every narrative file rendered up front, so all their problems are reported at once;
        a file that matches no section is an error, not silently left out."""
        sections = [b.id for top in self.outline for b in top.walk()]
        known = {*sections, *(f"{i}.akhir" for i in sections), *front, *extra}
        return render_all(
            self.env, files, known, self.context, self.folder
        )  # pictures stay inside the folder

    def _narasi(self, key: str) -> list[Block]:
        return list(self.narasi.get(key, ()))

    def _title(self, b: Bagian) -> str:
        return b.title

    def _section(self, b: Bagian, level: int) -> Section:
        title = self._title(b)
        children: list[Block] = [*self.declared.get((b.id, "awal"), []), *self._narasi(b.id)]
        maker = self.generated.get(b.id)
        if maker:
            children += maker()
        children += self._narasi(f"{b.id}.akhir")
        closing = self.closing.get(b.id)
        if closing:
            children += closing()
        children += self.declared.get((b.id, "akhir"), [])
        children += [self._section(child, level + 1) for child in b.children]
        return Section(
            b.id,
            level,
            "",
            title if level > 1 else title.upper(),
            tuple(children),
            page_break_before=level == 1,
        )

    def sistematika_bab(self, pembuka: str) -> list[Block]:
        """BAB I's Sistematika: its opening line and an empty list, which `fill_sistematika`
        fills from the finished chapters."""
        return [para(pembuka), ListBlock((), "-")]

    def _asset(self, name: str | None) -> str | None:
        """The absolute path of a file the content names (logo, picture), if it exists."""
        if not name:
            return None
        path = self.folder / name
        return str(path.resolve()) if path.is_file() else None


def changed_outline(default: tuple[Bagian, ...], settings: Any, source: Any) -> tuple[Bagian, ...]:
    """A type's default outline with document.toml's [outline] changes made; a change that
    cannot be made is an input error at its line."""
    outline, problems = apply_changes(default, settings.outline)
    if problems:
        raise LaporgenError([source.problem(p.loc, p.message, p.hint, p.code) for p in problems])
    return outline


BLANK_DATE = "." * 30
"""The date slot of an unsigned document, filled in by hand when it is signed (as the seed's
decree leaves its number and date blank)."""


def fill_sistematika(
    chapters: tuple[Block, ...], uraian: Mapping[str, str] = {}
) -> tuple[Block, ...]:
    """The chapters with the Sistematika's list (`sistematika_bab`) generated from them, once
    the outline's changes are made and empty sections left out (`bagian_kosong`), so it lists
    exactly the chapters and sections the document has (the seeds' hand-written lists announce
    sections that are absent: M-14, B-24, L-26). Each chapter gets its line: the sections it
    holds, or for a chapter without any, `uraian[id]` (what the type's standard chapter holds),
    else its title."""
    entries = []
    for n, bab in enumerate((b for b in chapters if isinstance(b, Section)), 1):
        parts = [
            ch.title for ch in bab.children if isinstance(ch, Section) and ch.title and ch.in_toc
        ]
        line = (
            f"Bab ini memuat {gabung(parts)}."
            if parts
            else uraian.get(bab.id) or f"Bab ini memuat {judul(bab.title)}."
        )
        entries.append((para(Text(f"BAB {ROMAN[n - 1]} {bab.title}", strong=True)), para(line)))
    listing = ListBlock(tuple(entries), "-")
    return tuple(_with_listing(b, listing) for b in chapters)


def _with_listing(block: Block, listing: ListBlock) -> Block:
    """`block` with the Sistematika section's empty list replaced by `listing`."""
    if not isinstance(block, Section):
        return block
    if block.id == "sistematika":
        return replace(
            block,
            children=tuple(
                listing if isinstance(b, ListBlock) and not b.items else b for b in block.children
            ),
        )
    return replace(block, children=tuple(_with_listing(b, listing) for b in block.children))


def signature(agency: Agency, tt: Penandatangan | None) -> Signature:
    """The head of the agency's signature block (one record for every block: L-14); without a
    signing place and date (an unsigned Renstra), the region's seat and a dotted slot for the
    date, so the block is there to sign."""
    k = agency.kepala
    place_date = (
        f"{tt.tempat}, {tanggal(tt.tanggal, tt.gaya_tanggal)}"
        if tt
        else f"{agency.pemda.nama}, {BLANK_DATE}"
    )
    return Signature(
        place_date, tuple(k.jabatan), k.nama_gelar, f"{k.pangkat} ({k.golongan})", k.nip
    )


def toc_entries(body: tuple[Block, ...]) -> tuple[tuple[int, str], ...]:
    """The Daftar Isi of a numbered body: (level, heading) of every section shown in it."""
    return tuple((b.level, b.heading) for b in walk(body) if isinstance(b, Section) and b.in_toc)


def list_of_tables(body: tuple[Block, ...]) -> ListOfTables:
    """The Daftar Tabel of a numbered body (a table split by year span listed once)."""
    tables = [b for b in walk(body) if isinstance(b, Table) and not b.continued]
    return ListOfTables("DAFTAR TABEL", "Tabel", tuple(f"{t.label} {t.title}" for t in tables))


def list_of_figures(body: tuple[Block, ...]) -> ListOfTables | None:
    """The Daftar Gambar of a numbered body; None when it has no figure."""
    figures = [b for b in walk(body) if isinstance(b, Figure)]
    if not figures:
        return None
    return ListOfTables("DAFTAR GAMBAR", "Gambar", tuple(f"{g.label} {g.title}" for g in figures))
