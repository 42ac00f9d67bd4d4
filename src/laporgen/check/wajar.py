"""Plausibility (`wajar.*`): values a reviewer would query although every sum is right:
realisasi above pagu, spending without a pagu, a target of zero or below where a ratio is
computed, a target with no money behind it, dates and years outside the report's period, a unit
that does not fit the indicator's name.

Warnings only. An agency that means one of them lists it in `document.toml`
(`disengaja = ["wajar.pagu_nol@program[1].kegiatan[0].anggaran.realisasi"]`, or the bare code
for every case), and `check` stops reporting it (`findings.unconfirmed`, for every warning).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..i18n import _
from ..model.content import LkjipContent, RenstraContent
from ..model.nilai import angka_of, nilai_of, satuan_of
from ..model.source import FieldPath
from ..numbers import angka, persen, rupiah
from .findings import Finding, pendek

PERSEN = frozenset({"%", "persen", "prosen"})
NAMA_PERSEN = ("persentase", "prosentase", "persen ")
BENDA = frozenset(
    {
        "dokumen",
        "laporan",
        "orang",
        "jiwa",
        "keluarga",
        "kk",
        "lembaga",
        "unit",
        "paket",
        "kegiatan",
        "kali",
        "desa",
        "kecamatan",
        "rumah",
        "jenis",
        "penyelenggara",
        "kampung",
        "kerjasama",
        "bulan",
        "hari",
        "sekolah",
        "titik",
        "buah",
    }
)
"""Count nouns that name a unit: "Jumlah Dokumen …" counts Dokumen, not Orang (the small
dictionary of issue 15; extend it when an agency's units need it). Not "kelompok": "kelompok
rentan" are people, counted in Orang."""
SAMA = ({"laporan", "dokumen"}, {"kegiatan", "kali"}, {"orang", "jiwa"}, {"keluarga", "kk"})
"""Count nouns that may stand for each other: a laporan is counted in Dokumen."""


def satuan_mismatch(nama: str, satuan: str) -> str | None:
    """Why a unit does not fit an indicator's name, or None: a "Persentase …" counted in Orang,
    a "Jumlah Dokumen …" in Orang, a "Jumlah …" in persen."""
    name, unit = nama.strip().lower(), satuan.strip().lower()
    if not unit:
        return None
    if name.startswith(NAMA_PERSEN) and unit not in PERSEN:
        return _("a percentage ('{nama}') in '{satuan}'").format(nama=pendek(nama), satuan=satuan)
    words = re.findall(r"[a-z]+", name)
    if words[:1] == ["jumlah"]:
        if unit in PERSEN:
            return _("a count ('{nama}') in '{satuan}'").format(nama=pendek(nama), satuan=satuan)
        counted = words[1] if len(words) > 1 else ""
        unit_word = (re.findall(r"[a-z]+", unit) or [""])[0]
        if (
            counted in BENDA
            and unit_word in BENDA
            and counted != unit_word
            and {counted, unit_word} not in SAMA
        ):
            return _("'{nama}' counts {counted}, the unit is '{satuan}'").format(
                nama=pendek(nama), counted=counted, satuan=satuan
            )
    return None


UKURAN = frozenset(
    {"persentase", "prosentase", "persen", "angka", "tingkat", "jumlah", "rasio", "indeks", "nilai"}
)
"""Words that say how a thing is measured, not what it is: "Persentase", "Angka", "Jumlah"."""
BURUK = (
    "kemiskinan",
    "penduduk miskin",
    "keluarga miskin",
    "rumah tangga miskin",
    "pengangguran",
    "kematian",
    "kesakitan",
    "prevalensi",
    "putus sekolah",
    "stunting",
    "gizi buruk",
    "buta aksara",
    "pmks",
)
"""Things an agency wants fewer of: an indicator that measures their level ("Angka Kemiskinan",
"Jumlah PMKS") is lower-is-better. Not when the name measures what is done about them
("Persentase PMKS yang ditangani": a `yang` clause) or their decrease ("Persentase penurunan
angka PMKS": a larger decrease is better, as Blitar's IT1 says)."""
MENURUN = ("menurunnya", "berkurangnya", "turunnya")
"""A name stating that something falls ("Menurunnya angka kemiskinan") measures the thing that
falls: lower is better."""
PENURUNAN = ("penurunan", "pengurangan")
"""A name measuring a decrease ("Persentase penurunan angka PMKS"): a larger one is better."""


def arah_mismatch(nama: str, arah: str) -> str | None:
    """Why an indicator's name reads the other way from its `arah`, or None. Conservative: only
    the patterns of `MENURUN`, `BURUK` and `PENURUNAN`, each read after the measuring words."""
    words = re.findall(r"[a-z]+", nama.lower())
    while words and words[0] in UKURAN:
        words = words[1:]
    rest = " ".join(words)
    if arah == "positif":
        if words[:1] and words[0] in MENURUN:
            return _("the name says '{word}': what it measures should fall").format(word=words[0])
        found = next((b for b in BURUK if rest.startswith(b)), None)
        if found and "yang" not in words:
            return _("it measures the level of {thing}, which should fall").format(thing=found)
    elif words[:1] and words[0] in PENURUNAN:
        return _("it measures a {word} (a decrease): a larger one is better").format(word=words[0])
    return None


class _Out:
    def __init__(self, c):
        self.c, self.items = c, []

    def add(
        self, part: str, loc: FieldPath, message: str, code: str, hint: str | None = None
    ) -> None:
        if part in self.c.sources:
            self.items.append(Finding("W", self.c.sources[part].problem(loc, message, hint, code)))

    def arah(self, part: str, loc: FieldPath, label: str, nama: str, arah: str) -> None:
        why = arah_mismatch(nama, arah)
        if why:
            other = "negatif" if arah == "positif" else "positif"
            self.add(
                part,
                loc,
                _("{label}: '{name}' reads the other way from arah: {arah}: {why}").format(
                    label=label, name=pendek(nama), arah=arah, why=why
                ),
                "wajar.arah",
                _(
                    "write arah: {other} if that is how it is measured (capaian uses that "
                    "formula); if arah: {arah} is right, confirm it in document.toml: "
                    'disengaja = ["wajar.arah"]'
                ).format(other=other, arah=arah),
            )

    def anggaran(
        self, part: str, loc: FieldPath, label: str, pagu: Decimal | None, realisasi: Decimal | None
    ) -> None:
        if pagu is None or realisasi is None:
            return
        if pagu == 0 and realisasi > 0:
            self.add(
                part,
                loc,
                _("{label}: realisasi {realisasi} spent with pagu 0").format(
                    label=label, realisasi=rupiah(realisasi, False)
                ),
                "wajar.pagu_nol",
            )
        elif pagu > 0 and realisasi > pagu:
            self.add(
                part,
                loc,
                _("{label}: realisasi {realisasi} is above pagu {pagu} (serapan {value})").format(
                    label=label,
                    realisasi=rupiah(realisasi, False),
                    pagu=rupiah(pagu, False),
                    value=persen(realisasi / pagu * 100),
                ),
                "wajar.serapan",
            )

    def target(
        self,
        part: str,
        loc: FieldPath,
        label: str,
        value: Decimal | None,
        realisasi: Decimal | None = None,
        arah: str = "positif",
    ) -> None:
        """A target a capaian is computed from: below zero, or zero (the ratio has no meaning;
        the case of a realisasi above zero is `capaian.target_nol`). Zero is a fair target of
        a lower-is-better indicator ("no cases of …"): not reported for `arah: negatif`."""
        if value is None:
            return
        if value < 0:
            self.add(
                part,
                loc,
                _("{label}: target {value} is below zero; capaian is a ratio to it").format(
                    label=label, value=angka(value)
                ),
                "wajar.target",
            )
        elif value == 0 and not realisasi and arah != "negatif":
            self.add(
                part,
                loc,
                _(
                    "{label}: target 0; capaian is a ratio to it (shown as 100 only by convention)"
                ).format(label=label),
                "wajar.target",
            )

    def satuan(self, part: str, loc: FieldPath, label: str, nama: str, satuan: str) -> None:
        why = satuan_mismatch(nama, satuan)
        if why:
            self.add(
                part,
                loc,
                _("{label}: the unit does not fit the indicator: {why}").format(
                    label=label, why=why
                ),
                "wajar.satuan",
            )

    def tanggal(
        self, part: str, loc: FieldPath, label: str, value: dt.date | None, years: range
    ) -> None:
        if value is not None and value.year not in years:
            self.add(
                part,
                loc,
                _("{label} {value} is outside {first}-{last}").format(
                    label=label, value=value.isoformat(), first=years[0], last=years[-1]
                ),
                "wajar.tanggal",
            )


# ------------------------------------------------------------------------------------- LKjIP
def wajar_lkjip(c: LkjipContent) -> list[Finding]:
    out = _Out(c)
    tahun = c.settings.tahun
    out.tanggal(
        "document",
        ("tanda_tangan", "tanggal"),
        _("the LKjIP {tahun} is signed on").format(tahun=tahun),
        c.settings.tanda_tangan.tanggal,
        range(tahun, tahun + 2),
    )
    for n, pk in enumerate(c.kinerja.perjanjian_kinerja):
        out.tanggal(
            "kinerja",
            ("perjanjian_kinerja", n, "tanggal"),
            _("the Perjanjian Kinerja {tahun} ({versi}) is dated").format(
                tahun=tahun, versi=pk.versi
            ),
            pk.tanggal,
            range(tahun - 1, tahun + 1),
        )
    out.tanggal(
        "sumber_daya",
        ("pegawai", "per_tanggal"),
        _("the staff figures are as of"),
        c.sumber_daya.pegawai.per_tanggal,
        range(tahun, tahun + 2),
    )
    out.tanggal(
        "sumber_daya",
        ("aset", "per_tanggal"),
        _("the assets are as of"),
        c.sumber_daya.aset.per_tanggal,
        range(tahun, tahun + 2),
    )
    first, last = c.rencana.periode
    for loc, ind in c.rencana.located_indikator():
        out.satuan("rencana", loc + ("satuan",), ind.id, ind.nama, ind.satuan)
        out.arah("rencana", loc + ("arah",), ind.id, ind.nama, ind.arah)
        for year in ind.target:
            if not first <= year <= last:
                out.add(
                    "rencana",
                    loc + ("target", str(year)),
                    _("{id}: a target for {year}, outside the plan's period {first}-{last}").format(
                        id=ind.id, year=year, first=first, last=last
                    ),
                    "wajar.tahun",
                )
        fakta = c.kinerja.realisasi.get(ind.id)
        out.target(
            "rencana",
            loc + ("target", str(tahun)),
            f"{ind.id} {tahun}",
            angka_of(ind.target.get(tahun)),
            angka_of(fakta.nilai) if fakta else None,
            ind.arah,
        )
    for p_no, p in enumerate(c.program.program):
        for loc, node in _program_nodes(p, ("program", p_no)):
            a = getattr(node, "anggaran", None)
            if a is not None:
                out.anggaran(
                    "program", loc + ("anggaran", "realisasi"), node.id, a.pagu, a.realisasi
                )
            for n, ind in enumerate(node.indikator):
                where = loc + ("indikator", n)
                out.satuan("program", where + ("satuan",), node.id, ind.nama, ind.satuan)
                out.arah("program", where + ("arah",), node.id, ind.nama, ind.arah)
                out.target(
                    "program", where + ("target",), node.id, ind.target, ind.realisasi, ind.arah
                )
            if node.indikator and any(i.target for i in node.indikator) and _pagu_lkjip(node) == 0:
                out.add(
                    "program",
                    loc + ("indikator", 0, "target"),
                    _("{id}: a target of {target} {satuan} with pagu 0").format(
                        id=node.id,
                        target=angka(node.indikator[0].target),
                        satuan=node.indikator[0].satuan,
                    ),
                    "wajar.target_tanpa_pagu",
                )
    return out.items  # what the agency confirmed is left out for every check (findings.unconfirmed)


def _program_nodes(p, loc: FieldPath):
    yield loc, p
    for k, keg in enumerate(p.kegiatan):
        yield loc + ("kegiatan", k), keg
        for s, sub in enumerate(keg.sub_kegiatan):
            yield loc + ("kegiatan", k, "sub_kegiatan", s), sub


def _pagu_lkjip(node) -> Decimal:
    a = getattr(node, "anggaran", None)
    if a is not None:
        return a.pagu
    children = getattr(node, "sub_kegiatan", None) or getattr(node, "kegiatan", None) or []
    return sum((_pagu_lkjip(ch) for ch in children), Decimal(0))


# ----------------------------------------------------------------------------------- Renstra
def periode_tahun(periode: str) -> tuple[int, int] | None:
    """ "2021-2026" → (2021, 2026); None when it is not two years joined by a dash."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", periode)
    return (int(m[1]), int(m[2])) if m else None


def wajar_renstra(c: RenstraContent) -> list[Finding]:
    out = _Out(c)
    s = c.settings
    years = periode_tahun(s.periode)
    first, last = c.rencana.periode
    if years is None or years[0] >= years[1]:
        out.add(
            "document",
            ("periode",),
            _("periode '{periode}' is not a start year before an end year").format(
                periode=s.periode
            ),
            "wajar.periode",
        )
    elif not (years[0] <= first and last == years[1]):
        out.add(
            "document",
            ("periode",),
            _(
                "periode {periode} differs from the plan's period {first}-{last} (rencana.yaml)"
            ).format(periode=s.periode, first=first, last=last),
            "wajar.periode",
        )
    if not first - 1 <= s.tahun_awal <= first:
        out.add(
            "document",
            ("tahun_awal",),
            _(
                "tahun_awal {tahun_awal} is not the year before or the first year of the plan "
                "({first}-{last})"
            ).format(tahun_awal=s.tahun_awal, first=first, last=last),
            "wajar.tahun",
        )
    if s.tanda_tangan is not None:
        out.tanggal(
            "document",
            ("tanda_tangan", "tanggal"),
            _("the Renstra is signed on"),
            s.tanda_tangan.tanggal,
            range(first - 2, last + 1),
        )
    for loc, ind in c.rencana.located_indikator():
        out.satuan("rencana", loc + ("satuan",), ind.id, ind.nama, ind.satuan)
        out.arah("rencana", loc + ("arah",), ind.id, ind.nama, ind.arah)
        for year, value in ind.target.items():
            out.target(
                "rencana",
                loc + ("target", str(year)),
                f"{ind.id} {year}",
                angka_of(value),
                None,
                ind.arah,
            )
    ev = c.evaluasi
    if ev.kinerja_pelayanan:
        for n, row in enumerate(ev.kinerja_pelayanan.indikator):
            out.arah(
                "evaluasi",
                ("kinerja_pelayanan", "indikator", n, "arah"),
                "T-C.23",
                row.nama,
                row.arah,
            )
            for year, target in row.target.items():
                out.target(
                    "evaluasi",
                    ("kinerja_pelayanan", "indikator", n, "target", str(year)),
                    f"T-C.23 '{pendek(row.nama)}' {year}",
                    angka_of(target),
                    angka_of(row.realisasi.get(year)),
                    row.arah,
                )
    if ev.anggaran_realisasi:
        for loc, row in _uraian(ev.anggaran_realisasi.uraian, ("anggaran_realisasi", "uraian")):
            for year, pagu in row.anggaran.items():
                out.anggaran(
                    "evaluasi",
                    loc + ("realisasi", str(year)),
                    f"T-C.24 '{pendek(row.nama)}' {year}",
                    pagu,
                    row.realisasi.get(year),
                )
    if c.program:
        for p_no, p in enumerate(c.program.program):
            for loc, node in _program_nodes(p, ("program", p_no)):
                for year in node.pagu if hasattr(node, "pagu") else {}:
                    if not s.tahun_awal <= year <= last:
                        out.add(
                            "program",
                            loc + ("pagu", str(year)),
                            _(
                                "{id}: pagu for {year}, outside the period {tahun_awal}-{last}"
                            ).format(id=node.id, year=year, tahun_awal=s.tahun_awal, last=last),
                            "wajar.tahun",
                        )
                for n, ind in enumerate(node.indikator):
                    where = loc + ("indikator", n)
                    unit = next(
                        (
                            satuan_of(v, ind.satuan)
                            for v in ind.target.values()
                            if satuan_of(v, ind.satuan) != ind.satuan
                        ),
                        ind.satuan,
                    )
                    own = next(
                        (
                            satuan_of(v, ind.satuan)
                            for v in ind.target.values()
                            if _persen(satuan_of(v, ind.satuan)) != _persen(ind.satuan)
                        ),
                        None,
                    )
                    if own is not None:  # M-12: "|| %" over targets of "200 orang"
                        out.add(
                            "program",
                            where + ("satuan",),
                            _("{id}: the indicator is in '{satuan}', a target in '{own}'").format(
                                id=node.id, satuan=ind.satuan, own=own
                            ),
                            "wajar.satuan",
                        )
                    else:
                        out.satuan("program", where + ("satuan",), node.id, ind.nama, unit)
                    for year, value in ind.target.items():
                        number = nilai_of(value)
                        if not s.tahun_awal <= year <= last:
                            out.add(
                                "program",
                                where + ("target", str(year)),
                                _(
                                    "{id}: a target for {year}, outside the period {tahun_awal}-{last}"
                                ).format(id=node.id, year=year, tahun_awal=s.tahun_awal, last=last),
                                "wajar.tahun",
                            )
                        elif number is not None and number < 0:
                            out.add(
                                "program",
                                where + ("target", str(year)),
                                _("{id} {year}: target {number} is below zero").format(
                                    id=node.id, year=year, number=angka(number)
                                ),
                                "wajar.target",
                            )
                        elif number and _pagu_renstra(node, year) == 0:
                            out.add(
                                "program",
                                where + ("target", str(year)),
                                _(
                                    "{id} {year}: a target of {number} {value} with pagu 0 that year"
                                ).format(
                                    id=node.id,
                                    year=year,
                                    number=angka(number),
                                    value=satuan_of(value, ind.satuan),
                                ),
                                "wajar.target_tanpa_pagu",
                            )
    return out.items


def _pagu_renstra(node, year: int) -> Decimal | None:
    """A T-C.27 node's pagu of a year, summed from its leaves; None where no leaf gives one."""
    own = getattr(node, "pagu", None) or {}
    children = getattr(node, "sub_kegiatan", None) or getattr(node, "kegiatan", None) or []
    if not children or own:
        return own.get(year)
    parts = [p for p in (_pagu_renstra(ch, year) for ch in children) if p is not None]
    return sum(parts, Decimal(0)) if parts else None


def _persen(satuan: str) -> bool:
    return satuan.strip().lower() in PERSEN


def _uraian(rows, loc: FieldPath):
    for n, row in enumerate(rows):
        yield loc + (n,), row
        yield from _uraian(row.anak, loc + (n, "anak"))
