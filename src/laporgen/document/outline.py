"""Document outlines as data: which chapters and sections a document type has, in order.

Section ids name the narrative files (`narasi/<id>.md` before the generated content of the
section, `narasi/<id>.akhir.md` after it). Titles may use {tahun}, {tahun_depan}, {periode};
numbers ("BAB I", "A.", "1.") are assigned by `numbering.py`, never typed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import _
from ..model.settings import Outline, Tempat


@dataclass(frozen=True, slots=True)
class Bagian:
    """One heading of an outline and the headings under it."""

    id: str
    title: str
    children: tuple["Bagian", ...] = ()

    def walk(self) -> Iterator[Bagian]:
        """Yield this heading and every heading under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


B = Bagian

LKJIP = (
    B(
        "pendahuluan",
        "PENDAHULUAN",
        (
            B("latar-belakang", "Latar Belakang"),
            B("organisasi", "Kedudukan dan Susunan Organisasi"),
            B("tugas-fungsi", "Tugas dan Fungsi Organisasi"),
            B(
                "sumber-daya",
                "Sumber Daya Organisasi",
                (
                    B("kepegawaian", "Kepegawaian"),
                    B("sarana-prasarana", "Sarana dan Prasarana"),
                    B("anggaran", "Anggaran"),
                ),
            ),
            B("isu-strategis", "Isu Strategis dan Permasalahan Utama Perangkat Daerah"),
            B("landasan-hukum", "Landasan Hukum"),
            B("sistematika", "Sistematika Penyajian"),
        ),
    ),
    B(
        "perencanaan",
        "PERENCANAAN KINERJA",
        (
            B(
                "renstra",
                "Rencana Strategis Tahun {periode}",
                (
                    B("visi-misi", "Visi dan Misi Tahun {periode}"),
                    B(
                        "tujuan-sasaran",
                        "Tujuan, Sasaran, Indikator, dan Target Kinerja Tahun {periode}",
                    ),
                    B("strategi", "Strategi dan Arah Kebijakan Tahun {periode}"),
                    B("iku", "Indikator Kinerja Utama (IKU) Tahun {periode}"),
                ),
            ),
            B("renja", "Rencana Kerja Tahun {tahun}"),
            B("perjanjian-kinerja", "Perjanjian Kinerja Tahun {tahun}"),
        ),
    ),
    B(
        "akuntabilitas",
        "AKUNTABILITAS KINERJA",
        (
            B(
                "capaian",
                "Capaian Kinerja Organisasi Tahun {tahun}",
                (
                    B("target-realisasi", "Target dan Realisasi Kinerja Tahun {tahun}"),
                    B(
                        "perbandingan-tahun",
                        "Perbandingan antara Realisasi Kinerja serta Capaian Kinerja "
                        "Tahun {tahun} dengan Tahun Lalu dan Beberapa Tahun Terakhir",
                    ),
                    B(
                        "perbandingan-renstra",
                        "Perbandingan antara Realisasi Kinerja sampai dengan Tahun "
                        "{tahun} dengan Target Jangka Menengah dalam Dokumen Perencanaan Strategis",
                    ),
                    B(
                        "perbandingan-standar",
                        "Perbandingan antara Realisasi Kinerja Tahun {tahun} dengan "
                        "Standar Nasional, Standar Provinsi atau Capaian Pemerintah Daerah Lain",
                    ),
                    B(
                        "analisis-penyebab",
                        "Analisis Penyebab Keberhasilan/Kegagalan atau "
                        "Peningkatan/Penurunan Kinerja serta Alternatif Solusi yang Telah Dilakukan",
                    ),
                    B(
                        "analisis-program",
                        "Analisis Program/Kegiatan yang Menunjang Keberhasilan ataupun "
                        "Kegagalan Pencapaian Pernyataan Kinerja",
                    ),
                ),
            ),
            B("realisasi-anggaran", "Realisasi Anggaran Tahun {tahun}"),
            B("efisiensi", "Efisiensi Penggunaan Sumber Daya Tahun {tahun}"),
            B("inovasi", "Inovasi Tahun {tahun}"),
            B("prestasi", "Prestasi dan Penghargaan Tahun {tahun}"),
        ),
    ),
    B(
        "penutup",
        "PENUTUP",
        (
            B("simpulan", "Simpulan"),
            B("rencana-aksi", "Rencana Aksi Tahun {tahun_depan}"),
        ),
    ),
)
"""LKjIP BAB I–IV (PermenPAN-RB 53/2014, as the Magetan LKjIP 2024 lays it out: LKJIP-SPEC §1.3)."""

LKJIP_FRONT = ("kata-pengantar", "ikhtisar-eksekutif")
"""Front-matter chapters that take narrative (`narasi/kata-pengantar.md`, ...)."""

RENSTRA = (
    B(
        "pendahuluan",
        "PENDAHULUAN",
        (
            B("latar-belakang", "Latar Belakang"),
            B("landasan-hukum", "Landasan Hukum"),
            B(
                "maksud-tujuan",
                "Maksud dan Tujuan",
                (
                    B("maksud", "Maksud"),
                    B("tujuan-penyusunan", "Tujuan"),
                ),
            ),
            B("sistematika", "Sistematika Penulisan"),
        ),
    ),
    B(
        "gambaran-pelayanan",
        "GAMBARAN PELAYANAN PERANGKAT DAERAH",
        (
            B(
                "tugas-fungsi-struktur",
                "Tugas, Fungsi, dan Struktur Organisasi Perangkat Daerah",
                (
                    B("tugas-fungsi", "Tugas dan Fungsi"),
                    B("struktur-organisasi", "Struktur Organisasi"),
                ),
            ),
            B(
                "sumber-daya",
                "Sumber Daya Perangkat Daerah",
                (
                    B("sdm", "Sumber Daya Manusia"),
                    B("sarana-prasarana", "Sumber Daya Sarana dan Prasarana"),
                ),
            ),
            B("kinerja-pelayanan", "Kinerja Pelayanan Perangkat Daerah"),
            B("tantangan-peluang", "Tantangan dan Peluang Pengembangan Pelayanan Perangkat Daerah"),
        ),
    ),
    B(
        "permasalahan-isu",
        "PERMASALAHAN DAN ISU-ISU STRATEGIS PERANGKAT DAERAH",
        (
            B(
                "identifikasi-permasalahan",
                "Identifikasi Permasalahan Berdasarkan Tugas dan Fungsi Pelayanan Perangkat Daerah",
            ),
            B(
                "telaah-visi-misi",
                "Telaahan Visi, Misi, dan Program Kepala Daerah dan Wakil Kepala Daerah Terpilih",
            ),
            B("telaah-renstra-kl", "Telaahan Renstra Kementerian/Lembaga dan Renstra Provinsi"),
            B(
                "telaah-rtrw-klhs",
                "Telaahan Rencana Tata Ruang Wilayah dan Kajian Lingkungan Hidup Strategis",
            ),
            B("isu-strategis", "Penentuan Isu-Isu Strategis"),
        ),
    ),
    B(
        "tujuan-sasaran",
        "TUJUAN DAN SASARAN",
        (
            B(
                "tujuan-sasaran-jangka-menengah",
                "Tujuan dan Sasaran Jangka Menengah Perangkat Daerah",
            ),
        ),
    ),
    B(
        "strategi-kebijakan",
        "STRATEGI DAN ARAH KEBIJAKAN",
        (
            B("strategi", "Strategi"),
            B("kebijakan", "Arah Kebijakan"),
        ),
    ),
    B("rencana-program", "RENCANA PROGRAM DAN KEGIATAN SERTA PENDANAAN"),
    B("kinerja-urusan", "KINERJA PENYELENGGARAAN BIDANG URUSAN"),
    B("penutup", "PENUTUP"),
)
"""Renstra PD BAB I–VIII (Permendagri 86/2017; the merged outline of RENSTRA-SPEC §1.2).
A content folder renames, drops or adds sections in document.toml's [outline]."""

RENSTRA_FRONT = ("kata-pengantar",)

URAIAN_BAB = {
    "rencana-program": "Bab ini memuat rencana program dan kegiatan, indikator kinerja, target "
    "dan pendanaan indikatif.",
    "kinerja-urusan": "Bab ini memuat indikator kinerja Perangkat Daerah yang secara langsung "
    "menunjukkan kinerja yang akan dicapai Perangkat Daerah dalam periode Renstra sebagai "
    "komitmen untuk mendukung pencapaian tujuan dan sasaran RPJMD.",
    "penutup": "Bab ini merupakan penutup Renstra.",
}
"""What a Renstra chapter without sections holds, for the Sistematika (the Magetan Renstra's own
list, seed 000 lines 340-360, without its "5 (lima) tahun": a period may be shorter). A chapter
added in [outline] without sections is listed by its title."""


@dataclass(frozen=True, slots=True)
class OutlineProblem:
    """A change of document.toml's [outline] that cannot be made: where it is written, why, the fix."""

    loc: tuple[str | int, ...]
    message: str
    hint: str
    code: str = "outline.unknown"


def apply_changes(
    outline: tuple[Bagian, ...], changes: Outline
) -> tuple[tuple[Bagian, ...], list[OutlineProblem]]:
    """The outline with `changes` made in order (drop, move, add, rename), and every change that
    could not be made: an id that names no section, or a dropped one; an added id that exists;
    a section moved under itself. A change that cannot be made is never left out silently."""
    tree = _Tree(outline)
    problems: list[OutlineProblem] = []
    for n, gone in enumerate(changes.hapus):
        if (p := tree.missing(gone, ("outline", "hapus", n))) is None:
            tree.drop(gone)
        else:
            problems.append(p)
    for n, move in enumerate(changes.pindah):
        loc = ("outline", "pindah", n)
        found = tree.missing(move.id, (*loc, "id")) or tree.bad_place(move, loc, moving=move.id)
        if found is None:
            tree.move(move.id, move)
        else:
            problems.append(found)
    for n, new in enumerate(changes.tambah):
        loc = ("outline", "tambah", n)
        if tree.has(new.id) or new.id in tree.dropped:
            problems.append(
                OutlineProblem(
                    (*loc, "id"),
                    _("a section with id {id!r} exists already").format(id=new.id),
                    _("give the new section an id of its own"),
                    "outline.duplicate",
                )
            )
        elif (found := tree.bad_place(new, loc)) is not None:
            problems.append(found)
        else:
            tree.add(Bagian(new.id, new.judul), new)
    for key in changes.judul:
        if (p := tree.missing(key, ("outline", "judul", key))) is not None:
            problems.append(p)
    return tree.result(changes.judul), problems


class _Tree:
    """An outline being changed: each section's children as lists, by id."""

    def __init__(self, outline: tuple[Bagian, ...]) -> None:
        self.titles: dict[str, str] = {}
        self.children: dict[str | None, list[str]] = {None: []}
        self.parent: dict[str, str | None] = {}
        self.dropped: set[str] = set()
        for top in outline:
            self._put(top, None)

    def _put(self, b: Bagian, parent: str | None) -> None:
        self.titles[b.id] = b.title
        self.parent[b.id] = parent
        self.children[parent].append(b.id)
        self.children[b.id] = []
        for child in b.children:
            self._put(child, b.id)

    def has(self, id_: str) -> bool:
        return id_ in self.parent

    def ids(self) -> list[str]:
        return list(self.parent)

    def missing(self, id_: str, loc: tuple[str | int, ...]) -> OutlineProblem | None:
        if self.has(id_):
            return None
        if id_ in self.dropped:
            return OutlineProblem(
                loc,
                _("section {id!r} is dropped (hapus)").format(id=id_),
                _("place it relative to a section the document keeps, or keep the section"),
            )
        near = difflib.get_close_matches(id_, self.ids(), n=3)
        hint = (
            _("did you mean {names}?").format(names=_(" or ").join(repr(x) for x in near))
            if near
            else _("laporgen outline PATH lists the ids")
        )
        return OutlineProblem(loc, _("no section with id {id!r}").format(id=id_), hint)

    def bad_place(
        self, place: Tempat, loc: tuple[str | int, ...], moving: str | None = None
    ) -> OutlineProblem | None:
        key, anchor = _anchor(place)
        if (p := self.missing(anchor, (*loc, key))) is not None:
            return p
        if moving is not None and (anchor == moving or moving in self._ancestors(anchor)):
            return OutlineProblem(
                (*loc, key),
                _("section {moving!r} cannot go {where} itself").format(
                    moving=moving, where=key.replace("_", " ")
                ),
                _("name a section outside the one you move"),
                "outline.place",
            )
        return None

    def _ancestors(self, id_: str) -> list[str]:
        out = []
        while (id_ := self.parent[id_]) is not None:  # type: ignore[assignment]
            out.append(id_)
        return out

    def _detach(self, id_: str) -> None:
        self.children[self.parent[id_]].remove(id_)

    def drop(self, id_: str) -> None:
        self._detach(id_)
        stack = [id_]
        while stack:
            gone = stack.pop()
            stack += self.children.pop(gone)
            del self.parent[gone]
            self.dropped.add(gone)

    def move(self, id_: str, place: Tempat) -> None:
        self._detach(id_)
        self._insert(id_, place)

    def add(self, b: Bagian, place: Tempat) -> None:
        self.titles[b.id] = b.title
        self.children[b.id] = []
        self._insert(b.id, place)

    def _insert(self, id_: str, place: Tempat) -> None:
        key, anchor = _anchor(place)
        if key == "di_bawah":
            self.parent[id_] = anchor
            self.children[anchor].append(id_)
            return
        parent = self.parent[anchor]
        siblings = self.children[parent]
        self.parent[id_] = parent
        siblings.insert(siblings.index(anchor) + (key == "setelah"), id_)

    def result(self, judul: dict[str, str]) -> tuple[Bagian, ...]:
        def build(id_: str) -> Bagian:
            return Bagian(
                id_, judul.get(id_, self.titles[id_]), tuple(build(c) for c in self.children[id_])
            )

        return tuple(build(top) for top in self.children[None])


def _anchor(place: Tempat) -> tuple[str, str]:
    """Which of setelah / sebelum / di_bawah the place gives, and the id it names."""
    for key in ("setelah", "sebelum", "di_bawah"):
        if (anchor := getattr(place, key)) is not None:
            return key, anchor
    raise AssertionError("a Tempat names one place (validated when loaded)")
