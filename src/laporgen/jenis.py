"""The registry of document types: one entry per `jenis` naming its loader, figures, tree
builder, checks, output name, content files (and their JSON Schemas) and scaffold. `build`,
`check`, `init`, `schema`, `diff` and `serve` look a type up here; nothing else dispatches on a
type, and an unknown type is an input error, never an else-branch.

Entries name their stages as "module:function" and import them when called: a command pays only
for the modules of the type at hand (`tests/test_layers.py` reads these names as imports, so the
rule of flow holds for them too).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LaporgenError, Problem, display_path
from .i18n import _
from .model.folder import read_jenis

if TYPE_CHECKING:
    from .check.findings import Finding
    from .document.nodes import Document
    from .model.content import Content


def _lazy(target: str) -> Callable[..., Any]:
    """The function "package.module:name", imported on its first call."""
    module, _, name = target.partition(":")

    def call(*args: Any, **kw: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kw)

    call.__qualname__ = call.__name__ = name
    return call


@dataclass(frozen=True)
class Berkas:
    """A content file of a document type: its stem (`kinerja` → kinerja.yaml or .toml), the
    schema that validates it ("module:Model") and what it holds."""

    stem: str
    model: str
    uraian: str


@dataclass(frozen=True)
class Jenis:
    """One document type."""

    nama: str
    """The `jenis` of document.toml: "lkjip"."""
    judul: str
    load: Callable[[Path], Content]
    figures: Callable[[Content], Any]
    tree: Callable[..., Document]
    """(content, figures, charts) → the numbered document tree."""
    context: Callable[[Content, Any], dict[str, Any]]
    """(content, figures) → the placeholders its narrative files may use, with their values."""
    check: Callable[[Content, Any], list[Finding]]
    stem: Callable[[Content | Identitas], str]
    """The type and period part of the output names: "lkjip-2024", "renstra-2021-2026". It reads
    only the settings: a batch names every document's files before building one."""
    berkas: tuple[Berkas, ...]
    """Its content files beside document.toml (agency.yaml is every type's), in schema order."""
    scaffold: str
    """The folder under templates/init/ holding the files `laporgen init --type` writes."""
    rencana_tahun: tuple[int, int] = (-1, 2)
    """The plan years a scaffold writes, as (kondisi awal, last year) offsets from its year."""
    angka: Callable[[Content, Any], list[Any]] | None = None
    """(content, figures) → the computed figures a narrative sentence may state, each with the
    placeholder that prints it (`check` reads typed numbers against them: check/prosa.py)."""

    def model(self, stem: str) -> Any:
        """The pydantic model of one of its files ("document" for document.toml)."""
        module, _, name = next(b.model for b in self.berkas if b.stem == stem).partition(":")
        return getattr(importlib.import_module(module), name)


def _renstra_tree(c: Any, f: Any, charts: bool = True) -> Document:
    """The Renstra's tree; a Perubahan/Review (`perubahan_dari`) with the table of what it changed
    against the version it revises."""
    from .compute.perubahan import perubahan
    from .document.renstra import renstra_document

    changes = None
    if c.settings.perubahan_dari:
        changes = perubahan(load_document((c.folder / c.settings.perubahan_dari).resolve()), c)
    return renstra_document(c, f, changes)


RENCANA = Berkas(
    "rencana",
    "laporgen.model.renstra:Rencana",
    "rencana.yaml: the plan (tujuan, sasaran, indikator, targets)",
)

TABEL = Berkas(
    "tabel",
    "laporgen.model.tabel:DeclaredTables",
    "tabel.yaml (optional, any type): tables declared in content, placed in any section",
)

SPM = Berkas(
    "spm",
    "laporgen.model.spm:Spm",
    "spm.yaml (optional, Renstra and LKjIP): the Standar Pelayanan Minimal, jenis pelayanan dasar x indikator x year",
)

VARIAN_NAMA = {"awal": "", "perubahan": "-perubahan", "review": "-reviu"}
"""The part of a Renstra's output names that tells its varian (document.toml `varian`)."""

JENIS: dict[str, Jenis] = {
    "lkjip": Jenis(
        "lkjip",
        "Laporan Kinerja Instansi Pemerintah (LKjIP)",
        load=_lazy("laporgen.model.folder:load_lkjip"),
        figures=_lazy("laporgen.compute.lkjip:lkjip_figures"),
        tree=_lazy("laporgen.document.lkjip:lkjip_document"),
        context=_lazy("laporgen.document.lkjip:narrative_context"),
        check=_lazy("laporgen.check.lkjip:check_lkjip"),
        angka=_lazy("laporgen.check.prosa:angka_lkjip"),
        stem=lambda c: f"lkjip-{c.settings.tahun}",
        berkas=(
            Berkas(
                "document", "laporgen.model.settings:DocumentSettings", "document.toml of an LKjIP"
            ),
            RENCANA,
            Berkas(
                "program",
                "laporgen.model.anggaran:ProgramTree",
                "program.yaml of an LKjIP: the year's programs, pagu and realisasi",
            ),
            Berkas(
                "kinerja",
                "laporgen.model.lkjip:Kinerja",
                "kinerja.yaml of an LKjIP: realisasi, PK, analysis, next year's plan",
            ),
            Berkas(
                "sumber_daya",
                "laporgen.model.sumber_daya:SumberDaya",
                "sumber_daya.yaml of an LKjIP: pegawai and aset",
            ),
            TABEL,
            SPM,
        ),
        scaffold="lkjip",
    ),
    "renstra": Jenis(
        "renstra",
        "Rencana Strategis Perangkat Daerah (Renstra)",
        load=_lazy("laporgen.model.folder:load_renstra"),
        figures=_lazy("laporgen.compute.renstra:renstra_figures"),
        tree=_renstra_tree,
        context=_lazy("laporgen.document.renstra:narrative_context"),
        check=_lazy("laporgen.check.renstra:check_renstra"),
        angka=_lazy("laporgen.check.prosa:angka_renstra"),
        # a Perubahan/Review beside the Renstra it revises writes its own file, as the PK's
        # perubahan does: "renstra-2025-2029-perubahan", "renstra-2025-2029-reviu"
        stem=lambda c: f"renstra-{c.settings.periode}" + VARIAN_NAMA[c.settings.varian],
        berkas=(
            Berkas(
                "document", "laporgen.model.settings:RenstraSettings", "document.toml of a Renstra"
            ),
            RENCANA,
            Berkas(
                "program",
                "laporgen.model.rencana_program:RencanaProgram",
                "program.yaml of a Renstra: T-C.27 program tree with yearly targets and pagu",
            ),
            Berkas(
                "evaluasi",
                "laporgen.model.evaluasi:Evaluasi",
                "evaluasi.yaml of a Renstra: T-C.23 and T-C.24",
            ),
            Berkas(
                "sumber_daya",
                "laporgen.model.sumber_daya:SumberDayaRenstra",
                "sumber_daya.yaml of a Renstra",
            ),
            Berkas(
                "analisis",
                "laporgen.model.analisis:Analisis",
                "analisis.yaml of a Renstra: SWOT, isu, telaah, T-C.28",
            ),
            TABEL,
            SPM,
        ),
        scaffold="renstra",
        rencana_tahun=(-1, 4),
    ),
    "pk": Jenis(
        "pk",
        "Perjanjian Kinerja (PK)",
        load=_lazy("laporgen.model.pk:load_pk"),
        figures=_lazy("laporgen.compute.pk:pk_figures"),
        tree=_lazy("laporgen.document.pk:pk_document"),
        context=_lazy("laporgen.document.pk:narrative_context"),
        check=_lazy("laporgen.check.pk:check_pk"),
        stem=lambda c: (
            f"pk-{c.settings.tahun}" + ("-perubahan" if c.settings.versi == "perubahan" else "")
        ),
        berkas=(
            Berkas(
                "document", "laporgen.model.pk:PkSettings", "document.toml of a Perjanjian Kinerja"
            ),
            RENCANA,
            Berkas(
                "anggaran",
                "laporgen.model.pk:AnggaranPk",
                "anggaran.yaml of a PK: programs, kegiatan, indicators, targets, pagu (optional "
                "when the Renstra it reads has a program.yaml)",
            ),
            Berkas(
                "perjanjian",
                "laporgen.model.pk:Perjanjian",
                "perjanjian.yaml of a PK: its indicators and agreed targets",
            ),
            TABEL,
        ),
        scaffold="pk",
    ),
}
"""Every document type, by its `jenis`."""


def jenis_named(nama: object, where: Callable[[str, str], Problem] | None = None) -> Jenis:
    """The entry of type `nama`; an unknown name is an input error (reported by `where(message,
    hint)` when given, e.g. at document.toml's `jenis` line)."""
    if isinstance(nama, str) and nama in JENIS:
        return JENIS[nama]
    known = ", ".join(f'"{n}"' for n in JENIS)
    message = _("unknown document type {name}").format(name=repr(nama))
    hint = _("write jenis = one of {known}").format(known=known)
    raise LaporgenError(
        [
            where(message, hint)
            if where
            else Problem(
                _("command line"),
                message,
                hint=_("types: {known}").format(known=known),
                code="usage",
            )
        ]
    )


def jenis_of(folder: Path) -> Jenis:
    """The entry of the document in `folder`, from its document.toml's `jenis`."""
    found = read_jenis(folder)
    if found is None:
        names = [f'"{n}"' for n in JENIS]
        known = _("{names} or {last}").format(names=", ".join(names[:-1]), last=names[-1])
        raise LaporgenError(
            [
                Problem(
                    display_path(folder / "document.toml"),
                    _("file is missing"),
                    hint=_("create document.toml with jenis = {known}").format(known=known),
                    code="input.file",
                )
            ]
        )
    nama, source = found
    return jenis_named(
        nama, lambda message, hint: source.problem(("jenis",), message, hint, "input.value")
    )


def jenis_for(c: Content) -> Jenis:
    """The entry of loaded content (its settings name the type)."""
    return JENIS[c.settings.jenis]


def load_document(folder: Path) -> Content:
    """Load and validate any document folder, by its `jenis`."""
    entry = jenis_of(folder)
    unread = unread_files(folder, entry)
    if unread:
        raise LaporgenError(unread)
    return entry.load(folder)


CONTENT_SUFFIXES = (".yaml", ".yml", ".toml")


def unread_files(folder: Path, entry: Jenis) -> list[Problem]:
    """A content file the type does not read (an `spm.yaml` in a PK folder, a `kinerja-lama.yaml`)
    would vanish from the document without a word: one problem each, naming what the type reads."""
    stems = {b.stem for b in entry.berkas}
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in CONTENT_SUFFIXES)
    except OSError:
        return []  # the loader reports an unreadable folder
    reads = ", ".join(
        "document.toml" if b.stem == "document" else f"{b.stem}.yaml" for b in entry.berkas
    )
    return [
        Problem(
            display_path(path),
            _("a {jenis} document does not read this file: nothing in it would appear").format(
                jenis=entry.nama
            ),
            hint=_(
                "move it out of the folder, or rename it if it is one of the files a {jenis} "
                "reads: {files}"
            ).format(jenis=entry.nama, files=reads),
            code="input.file",
        )
        for path in files
        if path.stem not in stems and path.is_file()
    ]


def output_name(c: Content | Identitas) -> str:
    """ "lkjip-2024-dinas-sosial-kabupaten-magetan", "renstra-2021-2026-dinas-sosial-kabupaten-blitar":
    the stem of every output file. ASCII only: a valid file name on every system."""
    slug = re.sub(r"[^a-z0-9]+", "-", c.agency.nama_lengkap.lower()).strip("-")[:80].rstrip("-")
    return f"{JENIS[c.settings.jenis].stem(c)}-{slug}"


@dataclass(frozen=True)
class Identitas:
    """What names a document's output files (its settings and agency), read without the rest of
    its content."""

    settings: Any
    agency: Any


def output_name_of(folder: Path) -> str:
    """`output_name` of the document in `folder`, from its document.toml and agency.yaml alone:
    a batch learns every document's file names before it builds one. A LaporgenError if either
    file is missing or invalid (the document's own build reports it in full)."""
    from .model.organisasi import Agency
    from .model.read import find_data_file
    from .model.validate import load

    entry = jenis_of(folder)
    found = find_data_file(folder, "document"), find_data_file(folder.parent, "agency")
    if found[0] is None or found[1] is None:
        raise LaporgenError(
            [Problem(display_path(folder), _("file is missing"), code="input.file")]
        )
    settings, _source = load(entry.model("document"), found[0])
    agency, _source = load(Agency, found[1])
    return output_name(Identitas(settings, agency))
