"""What every document type puts around its chapters, from the agency and the document's
settings: the cover, the decree block of a Renstra that is a decree's
attachment, and what becomes of a section with nothing in it.

The seeds (000, 001, 003) fix the layout: the cover names the regional government
("PEMERINTAH KABUPATEN BLITAR"), the agency, its address, telephone, e-mail and website, and the
year; one record (agency.yaml's `kepala`) signs every block (LKJIP-SPEC L-14).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..model.organisasi import Agency
from .nodes import Block, Cover, LabelBlock, Paragraph, Section, Signature, Text


def cover(
    agency: Agency,
    folder: Path,
    logo: str | None,
    sampul: str,
    title_lines: tuple[str, ...],
    year_line: str,
) -> Cover:
    """The cover: `title_lines`, the logo (the document's own `logo`, relative to `folder`, else
    the agency's, relative to the agency folder), "PEMERINTAH <PEMDA>" and the agency's name,
    its contact lines and `year_line`; `sampul` "kop" puts the agency's lines at the top."""
    return Cover(
        title_lines,
        (f"PEMERINTAH {agency.pemda.lengkap.upper()}", agency.nama.upper()),
        logo_path(agency, folder, logo),
        agency.kontak,
        year_line,
        kop=sampul == "kop",
    )


def logo_path(agency: Agency, folder: Path, own: str | None) -> str | None:
    """The logo file's absolute path (its existence and type are checked when loading)."""
    if own:
        return str((folder / own).resolve())
    if agency.logo:
        return str((folder.parent / agency.logo).resolve())
    return None


def decree_block(judul: str, nomor: str, tanggal_: str, tentang: str) -> LabelBlock:
    """ "Lampiran : KEPUTUSAN …", "NOMOR : …", "TANGGAL : …", "TENTANG : …" (seed 000, above BAB I)."""
    return LabelBlock(
        (("Lampiran", judul), ("NOMOR", nomor), ("TANGGAL", tanggal_), ("TENTANG", tentang))
    )


# ------------------------------------------------------------------------ empty sections
def is_empty(section: Section) -> bool:
    """A section with nothing to read: no child but signature blocks (a Kata Pengantar whose
    narrative is missing still has its signature, and is still empty)."""
    return all(isinstance(child, Signature) for child in section.children)


def draft_note(narasi_file: str) -> Paragraph:
    """The visible mark of a section still to write."""
    return Paragraph(
        (
            Text(
                f"DRAF \u2014 narasi bagian ini belum ditulis: tulis berkas {narasi_file}.",
                strong=True,
            ),
        ),
        align="left",
        style="note",
    )


def settle_empty(blocks: tuple[Block, ...], mode: str) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """`blocks` with every empty section (see `is_empty`) marked as a draft (`mode` "draf") or
    left out ("hilangkan"), depth first; and the ids of those sections, in document order.
    A section whose sub-sections were all left out becomes empty in turn."""
    out: list[Block] = []
    found: list[str] = []
    for block in blocks:
        if not isinstance(block, Section):
            out.append(block)
            continue
        children, inner = settle_empty(block.children, mode)
        found += inner
        section = replace(block, children=children)
        if section.title and is_empty(section):
            found.append(section.id)
            if mode == "hilangkan":
                continue
            section = replace(
                section, children=(draft_note(f"narasi/{section.id}.md"), *section.children)
            )
        out.append(section)
    return tuple(out), tuple(found)
