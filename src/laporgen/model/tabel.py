"""`tabel.yaml` of any document: tables an agency prints that laporgen has no form for, declared
in content (issue 14). Each names its columns (grouped under spanning headers), its rows (text,
numbers, ✓, a group row), an optional total row declared as the sum of columns and columns
declared as a formula of others; it is placed in any section of the outline, before or after its
narrative, and captioned and numbered with the rest of the document.

Cross-field rules (a row naming a column that does not exist, a formula naming an unknown column,
a section the outline lacks) are checked by `tabel_problems` against the file's line map, so each
problem names its line."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from graphlib import CycleError, TopologicalSorter
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictBool
from pydantic_core import PydanticCustomError

from ..errors import Problem
from ..i18n import _
from .fields import Angka, Id, Model
from .source import Source
from .rumus import POLA, RumusError, names_in, parse_rumus


def _rumus(text: str) -> str:
    try:
        parse_rumus(text)
    except RumusError as exc:
        raise PydanticCustomError(
            "rumus",
            _("the formula {why}; {hint}"),
            {
                "why": str(exc),
                "hint": _(
                    'write column ids, numbers, + - * / and parentheses, e.g. "realisasi / target '
                    '* 100"'
                ),
            },
        ) from None
    return text


Rumus = Annotated[
    str, AfterValidator(_rumus), Field(json_schema_extra={"pattern": rf"^\s*{POLA[1:-1]}\s*$"})
]

Sel = Annotated[StrictBool | Angka | str | None, Field(union_mode="left_to_right")]
"""A cell as written: true/false (a ✓ column), a number, or text printed as it is ("N.a",
"1.500 KK / 4.500 jiwa"); a formula computes only with numbers."""

FORMAT = Literal["teks", "angka", "rupiah", "persen", "centang", "nomor"]


class KolomTabel(Model):
    """A column, or (with `kolom`) a header spanning the columns under it."""

    id: Id | None = Field(
        None, description="What rows name this column by; a header with `kolom` has none"
    )
    judul: str = Field(description="The header text")
    format: FORMAT = Field(
        "teks",
        description=(
            "teks: as written; angka: a number (`desimal` places, else as typed); rupiah: a figure without "
            "'Rp' (the header says it); persen: two decimals; centang: ✓ for true; nomor: the row's number"
        ),
    )
    desimal: int | None = Field(None, ge=0, le=6, description="Decimal places of angka/persen")
    rumus: Rumus | None = Field(
        None, description='A formula of other columns, e.g. "realisasi / target * 100"'
    )
    gabung: bool = Field(
        False, description="Merge a run of equal cells in this column into one (rowspan)"
    )
    lebar: float = Field(1.0, gt=0, description="Relative width")
    kolom: list[KolomTabel] = Field(
        default_factory=list, description="The columns under this header"
    )

    def leaves(self) -> Iterator[KolomTabel]:
        if self.kolom:
            for k in self.kolom:
                yield from k.leaves()
        else:
            yield self


class JumlahTabel(Model):
    """The total row: the sum of `kolom`; a formula column not listed is recomputed from the
    totals (a capaian of the sums, not a sum of capaian)."""

    judul: str = "Jumlah"
    kolom: list[Id] = Field(description="The columns summed")
    tercetak: dict[Id, Angka] = Field(
        default_factory=dict,
        description=(
            "The totals as the source document printed them: `check` compares them with the sums"
        ),
    )


class Tabel(Model):
    id: Id
    judul: str = Field(description="The caption after 'Tabel N.N'")
    bagian: Id = Field(
        description="The outline section that holds it (`laporgen outline` lists the ids)"
    )
    letak: Literal["awal", "akhir"] = Field(
        "akhir",
        description=(
            "awal: before the section's narrative; akhir: after its narrative and generated tables"
        ),
    )
    nomor: str | None = Field(
        None, description='Its own number, e.g. "T-C.29"; otherwise numbered with the rest'
    )
    keterangan: list[str] = Field(
        default_factory=list,
        description="Caption lines under the title; without them, the agency's name (as the "
        "built tables print it)",
    )
    sumber: str | None = None
    catatan: list[str] = Field(default_factory=list)
    lanskap: bool = Field(False, description="On a landscape page (wide tables)")
    huruf: Literal["normal", "kecil", "sangat_kecil"] = "normal"
    nomor_kolom: bool = Field(
        False, description="A row (1) (2) (3)… under the headers, as many forms print"
    )
    kolom: list[KolomTabel] = Field(min_length=1)
    baris: list[dict[str, Sel]] = Field(
        default_factory=list,
        description=("Rows: column id → value; a row {grup: text} is a group row across the table"),
    )
    jumlah: JumlahTabel | None = None
    rincian: list[Id] = Field(
        default_factory=list,
        description=(
            "Columns where a row equals the sum of the rows under it (rows one `tingkat` deeper "
            "that follow it), as a tujuan's pagu is the sum of its IKU rows': `check` compares them"
        ),
    )

    def leaves(self) -> list[KolomTabel]:
        return [leaf for k in self.kolom for leaf in k.leaves()]


class DeclaredTables(Model):
    """`tabel.yaml`."""

    tabel: list[Tabel] = Field(default_factory=list)


GRUP = "grup"
"""The key of a group row."""

TINGKAT = "tingkat"
"""The key of a row's depth in a hierarchy the table lists: 0 (or left out) a top row, 1 a row
under the one before it (an IKU under its tujuan, a kegiatan under its program), and so on. The
first text cell is indented by it; `rincian` columns are checked against it."""


def tabel_problems(t: DeclaredTables, source: Source) -> list[Problem]:
    """What the schema alone cannot see: every column an id (and only once), every row and formula
    naming existing columns, number columns given numbers or a note, totals of number columns."""
    out: list[Problem] = []
    ids = [x.id for x in t.tabel]
    for i, tabel in enumerate(t.tabel):
        at = ("tabel", i)
        if ids.count(tabel.id) > 1 and ids.index(tabel.id) != i:
            out.append(
                source.problem(
                    (*at, "id"),
                    _('a second table with id "{id}"').format(id=tabel.id),
                    _("give each table its own id"),
                    "ref.tabel",
                )
            )
        leaves = tabel.leaves()
        known = [k.id for k in leaves if k.id]
        for path, k in _leaf_paths(tabel.kolom, (*at, "kolom")):
            if not k.id:
                out.append(
                    source.problem(
                        path,
                        _('the column "{judul}" has no id').format(judul=k.judul),
                        _("give it an id that rows name it by (letters, digits, . _ -)"),
                        "input.value",
                    )
                )
            if k.rumus:
                for name in names_in(k.rumus):
                    if name not in known:
                        out.append(
                            source.problem(
                                (*path, "rumus"),
                                _(
                                    'the formula names "{name}", which is no column of the table'
                                ).format(name=name),
                                _likely(name, known),
                                "ref.tabel",
                            )
                        )
        try:
            rumus_order(tabel)
        except CycleError as exc:
            out.append(
                source.problem(
                    (*at, "kolom"),
                    _("the formulas use each other in a circle ({args})").format(
                        args=" → ".join(exc.args[1])
                    ),
                    _("compute one of these columns from the others only"),
                    "ref.tabel",
                )
            )
        except RumusError:
            pass  # reported by the schema at the formula's line
        dup = sorted({k for k in known if known.count(k) > 1})
        if dup:
            out.append(
                source.problem(
                    (*at, "kolom"),
                    _("column id {dup} used twice").format(dup=", ".join(dup)),
                    _("give each column its own id"),
                    "ref.tabel",
                )
            )
        numeric = {k.id for k in leaves if k.format in ("angka", "rupiah", "persen")}
        for r, row in enumerate(tabel.baris):
            if GRUP in row:
                if len(row) > 1 or not isinstance(row[GRUP], str):
                    out.append(
                        source.problem(
                            (*at, "baris", r),
                            _("a group row holds only `grup: <text>`"),
                            _("move the other values to a row of their own"),
                            "input.value",
                        )
                    )
                continue
            for key, value in row.items():
                if key == TINGKAT:
                    if (
                        isinstance(value, bool)
                        or not isinstance(value, Decimal)
                        or value != int(value)
                        or not 0 <= value <= 5
                    ):
                        out.append(
                            source.problem(
                                (*at, "baris", r, key),
                                _("`tingkat` is a whole number from 0 to 5, got {value}").format(
                                    value=value
                                ),
                                _("0 a top row, 1 a row under the one before it, 2 under that"),
                                "input.value",
                            )
                        )
                    continue
                if key not in known:
                    out.append(
                        source.problem(
                            (*at, "baris", r, key),
                            _('"{key}" is no column of the table').format(key=key),
                            _likely(key, known),
                            "ref.tabel",
                        )
                    )
                elif isinstance(value, bool) and key in numeric:
                    out.append(
                        source.problem(
                            (*at, "baris", r, key),
                            _("expected a number or a note, got {value}").format(
                                value=str(value).lower()
                            ),
                            _("true/false belongs in a column of format centang"),
                            "input.value",
                        )
                    )
        for name in tabel.rincian:
            if name not in numeric:
                out.append(
                    source.problem(
                        (*at, "rincian"),
                        _('"{name}" is no number column of the table').format(name=name),
                        _likely(name, sorted(n for n in numeric if n is not None)),
                        "ref.tabel",
                    )
                )
        if tabel.jumlah:
            for name in [*tabel.jumlah.kolom, *tabel.jumlah.tercetak]:
                if name not in numeric:
                    out.append(
                        source.problem(
                            (*at, "jumlah"),
                            _('"{name}" is no number column of the table').format(name=name),
                            _likely(name, sorted(n for n in numeric if n is not None)),
                            "ref.tabel",
                        )
                    )
    return out


def rumus_order(tabel: Tabel) -> list[str]:
    """The formula columns, each after the formula columns it uses (a circle raises CycleError)."""
    formulas = {k.id: k.rumus for k in tabel.leaves() if k.id and k.rumus}
    graph = {cid: [n for n in names_in(r) if n in formulas] for cid, r in formulas.items()}
    return list(TopologicalSorter(graph).static_order())


def _leaf_paths(kolom: list[KolomTabel], at: tuple) -> Iterator[tuple[tuple, KolomTabel]]:
    for j, k in enumerate(kolom):
        if k.kolom:
            yield from _leaf_paths(k.kolom, (*at, j, "kolom"))
        else:
            yield (*at, j), k


def _likely(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, 1, 0.6)
    if close:
        return _('did you mean "{close}"? columns: {known}').format(
            close=close[0], known=", ".join(known)
        )
    return f"columns: {', '.join(known)}" if known else _("declare the column first")


def numbers(row: dict[str, object]) -> dict[str, Decimal]:
    """The cells of a row that are numbers."""
    return {k: v for k, v in row.items() if isinstance(v, Decimal)}
