"""The program penunjang: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", the
agency's own administration, which BAB VI does not count among the programs that reach its
sasaran. Permendagri 90/2019 gives it program number 01 in every bidang (REGULATIONS §6.1:
"X.XX.01"), so it is known by its code or its name; `penunjang: true|false` in the content
says so where neither does, or overrides both.
"""

from __future__ import annotations

import re
from typing import Literal

KODE = re.compile(r"^\s*\d[.\s]\d{2}[.\s]01\s*$")
"""A program code U.BB.PP whose program number PP is 01 ("1.06.01", "1 06 01"); the scaffold's
placeholder "X.XX.01" is no code yet."""

NAMA = "program penunjang urusan pemerintahan daerah"
"""How the program penunjang's name begins, whatever follows (PROVINSI, KABUPATEN/KOTA)."""

Dasar = Literal["penunjang", "kode", "nama"]


def dasar_penunjang(
    penunjang: bool | None, kode: str | None, nama: str, baru: bool = True
) -> Dasar | None:
    """Why a program is the program penunjang: "penunjang" (its flag), "kode" (a 90/2019 code
    ending in .01), "nama" (its name); None when it is not. A `penunjang: false` flag wins over
    code and name. `baru`: the program is of the 90/2019 nomenclature, whose codes the rule
    reads (a Permendagri 13/2006 program's 01 is another program)."""
    if penunjang is not None:
        return "penunjang" if penunjang else None
    if baru and kode and KODE.match(kode):
        return "kode"
    if " ".join(nama.lower().split()).startswith(NAMA):
        return "nama"
    return None
