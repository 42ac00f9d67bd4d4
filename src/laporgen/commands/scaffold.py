"""`laporgen init`: a new document folder with every file written out and commented, or next
year's LKjIP started from this year's. Returns the files to write; the CLI writes them.

Values the user must fill in carry the marker `[ISI]`; the scaffold builds as it is, and
`laporgen check` lists every marker left (as information, not a finding)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..check.findings import ISI
from ..model.content import LkjipContent
from ..model.lkjip import Kinerja
from ..model.read import read_text
from .content_edit import Append, Delete, Edit, Set, edited_text

AGENCY = """\
# yaml-language-server: $schema={schemas}/agency.schema.json
# The agency (perangkat daerah), shared by all its documents.
pemda: {{jenis: Kabupaten, nama: "[ISI] Nama Kabupaten"}}   # jenis: Kabupaten | Kota | Provinsi
nama: "[ISI] Dinas ..."              # without the region: "Dinas Sosial"
dasar_hukum: "[ISI] Peraturan Bupati ... Nomor ... Tahun ... tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi"
unit:                                # organisational units
  - Sekretariat
  - "[ISI] Bidang ..."
tugas: "[ISI] membantu Bupati melaksanakan urusan pemerintahan ..."
fungsi:
  - "[ISI] perumusan kebijakan di bidang ..."
kepala:                              # who signs: one record for every signature block
  nama: "[ISI] NAMA KEPALA"
  gelar: ""
  pangkat: "[ISI] Pembina Utama Muda"
  golongan: "IV/c"
  nip: "000000000000000000"          # 18 digits, as a string
  jabatan: ["[ISI] KEPALA DINAS ...", "[ISI] KABUPATEN ..."]
"""

LKJIP_DOCUMENT = """\
# Laporan Kinerja (LKjIP) {tahun}: what this document is and the choices that differ between agencies.
jenis = "lkjip"
tahun = {tahun}            # the report year
kertas = "A4"          # or "F4"
{renstra}
[tanda_tangan]
tempat = "[ISI] Kota"
tanggal = {terbit}-02-01
gaya_tanggal = "bulan_tahun"   # "Februari {terbit}"; or "panjang": "1 Februari {terbit}"

[perhitungan]
basis = "tampil"       # efisiensi and rata-rata from the printed 2-decimal percentages ("mentah": unrounded)
efisiensi = "pmk214"   # (1 - serapan/capaian) x 100; "sisa_anggaran": 100 - serapan
batas_capaian = "none" # or "100" / "120"
"""

RENSTRA_DOCUMENT = """\
# Rencana Strategis (Renstra): what this document is and the choices that differ between agencies.
jenis = "renstra"
varian = "awal"        # awal | perubahan | review
periode = "{awal}-{akhir}"
tahun_awal = {awal}      # the baseline year (kondisi awal)
pertumbuhan = "yoy_mean"   # T-C.24 growth: yoy_mean | cagr | relatif_awal | relatif_akhir
"""

RENCANA = """\
# yaml-language-server: $schema={schemas}/rencana.schema.json
# The plan: tujuan -> sasaran -> indikator with a target per year. Ids are stable: the same
# indicator keeps its id in every document and every year.
nama: "[ISI] Rencana Strategis ... Tahun {awal}-{akhir}"
periode: [{pertama}, {akhir}]
isu_strategis:
  - "[ISI] isu strategis"
tujuan:
  - id: T1
    uraian: "[ISI] Meningkatnya ..."
    sasaran:
      - id: S1
        uraian: "[ISI] Meningkatnya ..."
        strategi:
          - uraian: "[ISI] strategi"
            arah_kebijakan: ["[ISI] arah kebijakan"]
        indikator:
          - id: IS1.1
            nama: "[ISI] Persentase ..."
            satuan: persen
            arah: positif            # positif: higher is better; negatif: lower is better
            target: {{{targets}}}
"""

LKJIP_PROGRAM = """\
# yaml-language-server: $schema={schemas}/lkjip-program.schema.json
# The year's programs and kegiatan. Money only on kegiatan (or sub-kegiatan): program totals are computed.
program:
  - id: P1
    nama: "[ISI] PROGRAM ..."
    bidang: Sekretariat
    indikator:
      - {{nama: "[ISI] indikator program", satuan: Persen, target: 100, realisasi: 100}}
    kegiatan:
      - id: K1.1
        nama: "[ISI] Kegiatan ..."
        indikator:
          - {{nama: "[ISI] indikator kegiatan", satuan: Dokumen, target: 1, realisasi: 1}}
        anggaran: {{pagu: 100000000, realisasi: 0}}   # [ISI] pagu and realisasi (Rupiah)
"""

LKJIP_KINERJA = """\
# yaml-language-server: $schema={schemas}/lkjip-kinerja.schema.json
# The year's facts: realisasi per indicator, the Perjanjian Kinerja, which programs support which sasaran.
realisasi:
  IS1.1: {{nilai: null, sumber_data: "[ISI] sumber data"}}   # [ISI] realisasi {tahun}
perjanjian_kinerja:
  - versi: murni
    tanggal: {tahun}-01-02         # [ISI] the date the PK was signed
    indikator: [IS1.1]
dukungan:
  S1: {{program_kegiatan: [P1, K1.1]}}
analisis:
  S1: {{penyebab: ["[ISI] penyebab keberhasilan/kegagalan"], permasalahan: [], solusi: []}}
rencana_aksi:
  IS1.1: ["[ISI] rencana aksi {tahun_depan}"]
"""

LKJIP_SUMBER_DAYA = """\
# yaml-language-server: $schema={schemas}/lkjip-sumber-daya.schema.json
pegawai:
  per_tanggal: {tahun}-12-31
  formasi:
    - {{jabatan: "Kepala Dinas", kebutuhan: 1, realisasi: 1}}   # [ISI] one row per jabatan
aset:
  per_tanggal: {tahun}-12-31
  item:
    - {{nama: Tanah, saldo_awal: 0}}   # [ISI] saldo_awal, bertambah, berkurang (Rupiah)
"""

NARASI = "[ISI] Tulis latar belakang di sini. Angka yang dihitung ditulis dengan placeholder, misalnya {{ opd }}.\n"


def _render(template: str, **values) -> str:
    return template.format(**values)


def new_document(folder: Path, jenis: str, tahun: int, schemas: Path) -> dict[Path, str]:
    """The files of a new `jenis` document in `folder` (and its agency file if missing)."""
    rel = Path(os.path.relpath(schemas.resolve(), folder.resolve())).as_posix()
    files: dict[Path, str] = {}
    agency = folder.parent / "agency.yaml"
    if not agency.exists():
        files[agency] = _render(AGENCY, schemas=Path(os.path.relpath(schemas.resolve(), folder.parent.resolve())).as_posix())
    if jenis == "renstra":
        awal, akhir = tahun - 1, tahun + 4
        files[folder / "document.toml"] = _render(RENSTRA_DOCUMENT, awal=awal, akhir=akhir)
        files[folder / "rencana.yaml"] = _rencana(rel, awal, tahun, akhir)
    else:
        files[folder / "document.toml"] = _render(LKJIP_DOCUMENT, tahun=tahun, terbit=tahun + 1, renstra="")
        files[folder / "rencana.yaml"] = _rencana(rel, tahun - 1, tahun, tahun + 2)
        files[folder / "program.yaml"] = _render(LKJIP_PROGRAM, schemas=rel)
        files[folder / "kinerja.yaml"] = _render(LKJIP_KINERJA, schemas=rel, tahun=tahun, tahun_depan=tahun + 1)
        files[folder / "sumber_daya.yaml"] = _render(LKJIP_SUMBER_DAYA, schemas=rel, tahun=tahun)
    files[folder / "narasi" / "latar-belakang.md"] = NARASI
    return files


def _rencana(schemas: str, awal: int, pertama: int, akhir: int) -> str:
    targets = ", ".join(f"{y}: 100" for y in range(pertama, akhir + 1))
    return _render(RENCANA, schemas=schemas, awal=awal, pertama=pertama, akhir=akhir, targets=targets)


def next_lkjip(previous: Path, folder: Path) -> dict[Path, str]:
    """Next year's LKjIP from this year's: the year moved on, this year's realisasi moved into
    `riwayat` (every earlier year kept) and emptied with an [ISI] marker, printed (`tercetak`)
    values dropped, the PK and the signature re-dated, narrative kept as a marked draft. Every
    data file (YAML or TOML) is changed through the round-trip editor (`content_edit.py`), so
    comments, order and flow style stay. Targets need no rolling when the plan is the agency's
    Renstra (`renstra = ...`): they are read by year."""
    from ..model.folder import load_lkjip
    from ..model.read import read_data

    old = load_lkjip(previous)
    tahun = old.settings.tahun + 1
    files: dict[Path, str] = {}
    for source in sorted(previous.iterdir()):
        if source.is_file() and source.suffix in (".toml", ".yaml", ".yml"):
            data, _ = read_data(source)
            edits = rolled(source.stem, data, old, tahun)
            files[folder / source.name] = edited_text(source, read_text(source), edits)
    for md in sorted((previous / "narasi").rglob("*.md")) if (previous / "narasi").is_dir() else []:
        text = md.read_text(encoding="utf-8")
        files[folder / "narasi" / md.relative_to(previous / "narasi")] = (
            f"<!-- {ISI} draft dari LKjIP {tahun - 1}: perbarui untuk tahun {tahun} -->\n{text}")
    return files


DROPPED = ("tercetak", "target_triwulan", "tahun_lalu")
"""Keys that belonged to this year's signed document: printed values (next year's document
prints its own), the quarterly targets of the year now reported, last year's summary."""


def rolled(stem: str, data: Any, old: LkjipContent, baru: int) -> list[Edit]:
    """The edits that move one data file of `old` (its `stem` and plain `data`) to `baru`."""
    tahun = baru - 1
    edits: list[Edit] = [Delete(path) for path, _ in _walk(data) if path and path[-1] in DROPPED]
    if stem == "document":
        edits.append(Set(("tahun",), baru))
    if stem == "kinerja":
        edits += _kinerja(data, old, baru)
    if stem == "program":
        edits += _program(data, baru)
    for path, value in _walk(data):
        if not isinstance(value, dt.date) or any(p in DROPPED for p in path):
            continue
        if stem == "document" and value.year == baru:  # signed in the year after the report
            edits.append(Set(path, _year(value, baru + 1), mark="tanggal"))
        elif stem == "kinerja" and value.year == tahun:  # the PK of the report year
            edits.append(Set(path, _year(value, baru), mark=f"tanggal perjanjian kinerja {baru}"))
        elif stem == "sumber_daya" and value.year == tahun:  # "per 31 Desember"
            edits.append(Set(path, _year(value, baru)))
    return edits


def _kinerja(data: dict, old: LkjipContent, baru: int) -> list[Edit]:
    from ..compute.lkjip import figures_for

    tahun = baru - 1
    edits: list[Edit] = []
    figures = figures_for(old)
    rows = {row.indikator.id: row for row in (*figures.indikator_tujuan, *figures.indikator)}
    riwayat = data.get("riwayat") or []
    added: list[dict] = []
    for id_, fakta in old.kinerja.realisasi.items():
        if "nilai" in (data["realisasi"].get(id_) or {}) or fakta.nilai is None:
            edits.append(Set(("realisasi", id_, "nilai"), None, mark=f"realisasi {baru}"))
        if fakta.nilai is None or id_ not in rows:
            continue
        row = rows[id_]
        nilai = {"target": row.target, "realisasi": fakta.nilai} if row.target is not None else {"realisasi": fakta.nilai}
        at = next((i for i, r in enumerate(riwayat) if isinstance(r, dict) and r.get("id") == id_), None)
        if at is None:
            induk = row.sasaran.uraian if row.sasaran is not None else row.tujuan.uraian
            added.append({"sasaran": induk, "indikator": row.indikator.nama, "satuan": row.indikator.satuan,
                          "id": id_, "tahun": {tahun: nilai}})
        elif isinstance(riwayat[at].get("tahun"), dict):
            if tahun not in riwayat[at]["tahun"] and str(tahun) not in riwayat[at]["tahun"]:
                edits.append(Set(("riwayat", at, "tahun", tahun), nilai))
        else:
            edits.append(Set(("riwayat", at, "tahun"), {tahun: nilai}))
    if added and "riwayat" in data:
        edits += [Append(("riwayat",), row) for row in added]
    elif added:
        edits.append(Set(("riwayat",), added, order=tuple(Kinerja.model_fields)))
    for sasaran, dukungan in (data.get("dukungan") or {}).items():
        for kegiatan in (dukungan.get("alokasi") or {}) if isinstance(dukungan, dict) else ():
            edits.append(Set(("dukungan", sasaran, "alokasi", kegiatan, "realisasi"), 0, mark=f"realisasi {baru}"))
    return edits


def _program(data: dict, baru: int) -> list[Edit]:
    """Every realisasi of the program tree emptied: anggaran to 0 (it is required), indicator
    realisasi to null; pagu and targets stay as a draft."""
    edits: list[Edit] = []
    for path, value in _walk(data):
        if not path or path[-1] != "realisasi" or any(p in DROPPED for p in path):
            continue
        if len(path) >= 2 and path[-2] == "anggaran":
            edits.append(Set(path, 0, mark=f"realisasi {baru}"))
        elif isinstance(value, int | Decimal):
            edits.append(Set(path, None, mark=f"realisasi {baru}"))
    return edits


def _walk(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every value in plain data, outermost first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*path, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _walk(value, (*path, n))


def _year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)
