"""`laporgen init`: a new document folder with every file written out and commented, or next
year's LKjIP started from this year's. Returns the files to write; the CLI writes them.

Values the user must fill in carry the marker `[ISI]`; the scaffold builds as it is, and
`laporgen check` lists every marker left (as information, not a finding)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..check.findings import ISI

AGENCY = """\
# yaml-language-server: $schema={schemas}/agency.schema.json
# The agency (perangkat daerah), shared by all its documents.
pemda: {{jenis: Kabupaten, nama: "[ISI] Nama Kabupaten"}}   # jenis: Kabupaten | Kota | Provinsi
nama: "[ISI] Dinas ..."              # without the region: "Dinas Sosial"
# The cover's contact lines and logo (each optional; uncomment and fill in):
# alamat: "Jl. ..."
# telepon: "(0342) ..."
# email: "dinas@...go.id"
# website: "www.dinas...go.id"
# logo: logo.png                     # a PNG or JPEG beside this file
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


def next_lkjip(previous: Path, folder: Path) -> dict[Path, str | bytes]:
    """Next year's LKjIP from this year's: the year moved on, realisasi emptied, printed
    (`tercetak`) values dropped, the PK re-dated, narrative kept as a marked draft with its
    pictures (the bagan a narrative shows, copied as they are). Targets need no rolling when the
    plan is the agency's Renstra (`renstra = ...`): they are read by year."""
    from ..model.folder import load_lkjip

    old = load_lkjip(previous)
    tahun = old.settings.tahun + 1
    files: dict[Path, str | bytes] = {}
    for source in previous.iterdir():
        if source.is_file() and source.suffix in (".toml", ".yaml", ".yml"):
            files[folder / source.name] = _roll(source.name, source.read_text(encoding="utf-8"), old.settings.tahun, tahun)
    for md in sorted((previous / "narasi").rglob("*.md")) if (previous / "narasi").is_dir() else []:
        text = md.read_text(encoding="utf-8")
        files[folder / "narasi" / md.relative_to(previous / "narasi")] = (
            f"<!-- {ISI} draft dari LKjIP {tahun - 1}: perbarui untuk tahun {tahun} -->\n{text}")
    for picture in sorted(p for p in previous.rglob("*") if p.is_file() and p.suffix.lower() in PICTURES):
        files[folder / picture.relative_to(previous)] = picture.read_bytes()
    return files


PICTURES = (".png", ".jpg", ".jpeg")


def _roll(name: str, text: str, tahun: int, baru: int) -> str:
    """One data file moved to the next year, line by line so comments and order stay."""
    lines = []
    skip_indent: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None and (indent > skip_indent or not line.strip()):
            continue
        skip_indent = None
        stripped = line.strip()
        if stripped.startswith(("tercetak:", "tercetak =", "target_triwulan:", "tahun_lalu:")):
            # printed values belonged to last year's signed document; the quarterly targets were
            # for the year now being reported
            skip_indent = indent
            continue
        line = re.sub(r",?\s*tercetak: \{[^{}]*(\{[^{}]*\}[^{}]*)*\}", "", line)
        if name.startswith("document"):
            line = re.sub(rf"^tahun = {tahun}\b", f"tahun = {baru}", line)
            line = re.sub(rf"\b{tahun + 1}-(\d\d)-(\d\d)", rf"{baru + 1}-\1-\2", line)
        if name.startswith("kinerja"):
            line = re.sub(r"\bnilai: [-\d.]+", f"nilai: null  # {ISI} realisasi {baru}", line, count=1)
            line = re.sub(rf"tanggal: {tahun}-(\d\d)-(\d\d)", rf"tanggal: {baru}-\1-\2  # {ISI}", line)
        if name.startswith(("program", "kinerja")):  # realisasi anggaran, and its allocations to sasaran
            line = re.sub(r"realisasi: \d+(?=[,}])", "realisasi: 0", line)
        if name.startswith("sumber_daya"):
            line = re.sub(rf"\b{tahun}-12-31\b", f"{baru}-12-31", line)
        lines.append(line)
    return "\n".join(lines) + "\n"
