"""The bundled Renstra examples (Blitar 2021-2026, Magetan Perubahan 2018-2023), built and read
back: BAB I–VIII, every table captioned and numbered once, the recomputed figures of
RENSTRA-SPEC §3, and `check` reporting exactly the register's data-detectable items (§4)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from docx_reading import docx_headings, docx_tables, table_captions
from laporgen.build import build, check

CONTENT = Path(__file__).resolve().parents[1] / "content"
BLITAR = CONTENT / "blitar-dinsos" / "renstra-2021-2026"
MAGETAN = CONTENT / "magetan-dinsos" / "renstra-2018-2023"
GOLDEN = Path(__file__).parent / "golden"
BAB = [
    "BAB I PENDAHULUAN",
    "BAB II GAMBARAN PELAYANAN PERANGKAT DAERAH",
    "BAB III PERMASALAHAN DAN ISU-ISU STRATEGIS PERANGKAT DAERAH",
    "BAB IV TUJUAN DAN SASARAN",
    "BAB V STRATEGI DAN ARAH KEBIJAKAN",
    "BAB VI RENCANA PROGRAM DAN KEGIATAN SERTA PENDANAAN",
    "BAB VII KINERJA PENYELENGGARAAN BIDANG URUSAN",
    "BAB VIII PENUTUP",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("renstra")
    return {
        name: build(folder, out).outputs[0]
        for name, folder in (("blitar", BLITAR), ("magetan", MAGETAN))
    }


def tables_by_code(path: Path) -> dict[str, list[list[str]]]:
    """Tables keyed by their T-C code ("T-C.24"), or by caption number when they have none."""
    out = {}
    for caption, table in zip(table_captions(path), docx_tables(path)):
        first = caption.split("\n")[0]
        code = (
            first[first.index("(T-C.") + 1 : first.index(")", first.index("(T-C."))]
            if "(T-C." in first
            else first.split()[1]
        )
        out.setdefault(code, table)
    return out


@pytest.mark.parametrize("name", ["blitar", "magetan"])
def test_bab_i_to_viii_as_heading_1(built, name):
    bab = [
        t.replace("\n", " ")
        for s, t in docx_headings(built[name])
        if s == "Heading 1" and t.startswith("BAB")
    ]
    assert bab == BAB


@pytest.mark.parametrize("name", ["blitar", "magetan"])
def test_tables_numbered_once(built, name):
    """Numbers by BAB ("2.5") or, for the standard forms, by code ("T-C.23"); the exact lists are
    in test_renstra_forms.py."""
    # a form printed in parts by year span: the later parts are "(lanjutan)" of its number
    numbers = [
        c.split()[1]
        for c in table_captions(built[name])
        if not c.split("\n")[0].endswith("(lanjutan)")
    ]
    assert len(numbers) == len(
        set(numbers)
    )  # the seeds reuse numbers (B-16); generated ones never do
    for n in numbers:
        bab, _, k = n.removeprefix("T-C.").partition(".")
        assert bab.isdigit() and (k.isdigit() or n.startswith("T-C.") and not k)


@pytest.mark.parametrize(
    "name, codes",
    [
        ("blitar", ["T-C.23", "T-C.24", "T-C.25", "T-C.26", "T-C.27", "T-C.28"]),
        ("magetan", ["T-C.23", "T-C.24", "T-C.25", "T-C.26", "T-C.27", "T-C.28"]),
    ],
)
def test_standard_tables_present(built, name, codes):
    assert set(codes) <= set(tables_by_code(built[name]))


def test_sub_headings_are_numbered_decimally(built):
    headings = [t for s, t in docx_headings(built["blitar"]) if s == "Heading 2"]
    assert headings[:4] == [
        "1.1 Latar Belakang",
        "1.2 Landasan Hukum",
        "1.3 Maksud dan Tujuan",
        "1.4 Sistematika Penulisan",
    ]
    assert "2.3 Kinerja Pelayanan Perangkat Daerah" in headings  # Blitar printed "1.3." here (B-15)


def test_magetan_tc24_all_computed_cells(built):
    """RENSTRA-SPEC F2/F3: 49 rows and the Total × rasio 2019, 2020 and growth of anggaran and
    realisasi (the document's own method, relatif_akhir) equal the signed document's cells."""
    table = tables_by_code(built["magetan"])["T-C.24"]
    lines = [
        line
        for line in (GOLDEN / "magetan-2018-2023-tc24.csv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    golden = list(csv.DictReader(lines))
    body = table[3:]  # two header rows and the column-number row
    assert len(body) == len(golden) == 50
    for row, expected in zip(body, golden):
        assert row[-4:] == [
            expected["rasio_2019"],
            expected["rasio_2020"],
            expected["pertumbuhan_anggaran"],
            expected["pertumbuhan_realisasi"],
        ], expected["uraian"]
    assert body[-1][1:5] == ["5.018.500.000", "5.481.605.000", "4.420.891.870", "4.778.861.769"]


def test_magetan_kinerja_rasio(built):
    """RENSTRA-SPEC F1 (M5): rasio 2019/2020 per indicator; no realisasi gives no rasio."""
    table = tables_by_code(built["magetan"])["T-C.23"]
    values = [row[-2:] for row in table[3:]]
    assert ["99,76", "99,95"] in values  # disabilitas 16,71/16,75 and 43,73/43,75
    assert ["99,22", "99,75"] in values  # lanjut usia 38,2/38,5 and 40,4/40,5
    assert ["-", "-"] in values  # KUBE: no realisasi, no rasio (not 0)


def test_blitar_tc27_total_includes_the_migran_program(built):
    """RENSTRA-SPEC B-14: the printed TOTAL leaves out PROGRAM PENANGANAN WARGA NEGARA MIGRAN
    (550.000.000); laporgen's TOTAL is the sum of every program, checked here against an
    independent summation of the leaves in program.yaml."""
    data = yaml.safe_load((BLITAR / "program.yaml").read_text(encoding="utf-8"))
    years = [2022, 2023, 2024, 2025, 2026]

    def leaves(node):
        subs = [s for k in node.get("kegiatan", []) for s in (k.get("sub_kegiatan") or [k])]
        return subs

    per_year = {
        y: sum(leaf.get("pagu", {}).get(y, 0) for p in data["program"] for leaf in leaves(p))
        for y in years
    }
    migran = next(p for p in data["program"] if "MIGRAN" in p["nama"])
    assert (
        sum(leaf.get("pagu", {}).get(y, 0) for leaf in leaves(migran) for y in years) == 550_000_000
    )
    assert per_year[2022] == 12_206_342_370  # the printed 12.106.342.370 + Migran's 100.000.000
    # Five years of target and pagu do not fit A4 landscape at 8 pt: the matrix is printed in
    # tables by year span, the last with the Kondisi Akhir (document/table_layout.py).
    parts = [
        t
        for c, t in zip(table_captions(built["blitar"]), docx_tables(built["blitar"]))
        if "2022-2026" in c.split("\n")[0] and "T-C.27" in c
    ]
    assert len(parts) >= 2
    totals = [c for table in parts for c in table[-1] if c.replace(".", "").isdigit()]
    expected = [f"{v:,}".replace(",", ".") for v in per_year.values()] + [
        f"{sum(per_year.values()):,}".replace(",", ".")
    ]
    assert totals == expected


def test_blitar_rasio_rounded_half_up(built):
    """RENSTRA-SPEC F1 (B-1): whole-number rasio, rounded half-up (the seed truncated 88,8 to 88);
    F2 (B-2): 8.836.871.162 / 9.677.403.097 = 91,31 (printed 91.1); Tabel 2.7 rounds 28,67 to 29."""
    tables = tables_by_code(built["blitar"])
    first = tables["T-C.23"][3]
    assert first[-5:] == ["89", "144", "51", "97", "118"]
    # T-C.24's five years of Rupiah are printed in two tables by year span (2020 in the second)
    tc24 = [
        t
        for c, t in zip(table_captions(built["blitar"]), docx_tables(built["blitar"]))
        if "(T-C.24)" in c
    ]
    assert "91,31" in [x for t in tc24 for x in t[3]]
    kemajuan = tables["2.6"]  # the seed's Tabel 2.7 (RENSTRA-SPEC §3: F3)
    assert kemajuan[0] == [
        "Indikator Kinerja",
        "Target Akhir Renstra",
        "Realisasi 2020",
        "Tingkat Kemajuan (%)",
    ]
    assert [row[1:] for row in kemajuan[2:]] == [
        ["27 PA", "27 PA", "100"],
        ["22,02 %", "29,14 %", "132"],  # 29,14 / 22,02 x 100 = 132,33
        ["20,58 %", "5,90 %", "29"],  # 5,90 / 20,58 x 100 = 28,67: half-up gives 29, a floor 28
    ]


def test_blitar_prints_na_as_written(built):
    """Seed 003 prints "n/a*" in Tabel 2.8/2.9 (lines 613-642) and "n.a" as the kondisi awal of
    T-C.27 (lines 1119-1138): written so in content (model/nilai.py), printed as written, and the
    totals beside them still computed (T-C.27's TOTAL is tested above)."""
    rincian = {
        c.split("\n")[0]: t
        for c, t in zip(table_captions(built["blitar"]), docx_tables(built["blitar"]))
        if "Rincian Jenis PMKS" in c
    }
    ditangani = rincian["Tabel 2.8 Rincian Jenis PMKS yang Ditangani Tahun 2016-2021"]
    assert ditangani[3] == [
        "Keluarga fakir miskin",
        *["n/a*"] * 4,
        *["800", "650", "850", "850", "134.416", "8.501", "98.000", "n/a*"],
    ]
    assert [row[-1] for row in ditangani[2:]] == ["n/a*"] * 7
    tc27 = next(
        t
        for c, t in zip(table_captions(built["blitar"]), docx_tables(built["blitar"]))
        if "2022-2026 (T-C.27)" in c
    )
    awal = {row[2]: row[3] for row in tc27 if len(row) > 3 and row[3] == "n.a"}
    assert sorted(awal) == sorted(
        [
            "Jumlah Sumber Daya Manusia dan Lembaga Konsultasi Kesejahteraan Keluarga (LK3)",
            "Persentase Warga Negara Migran Korban Tindak Kekerasan yang di fasilitasi",
            "Jumlah Warga Negara Migran Korban Tindak Kekerasan yang di fasilitasi",
            "Persentase penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar dan gepeng yang dijangkau",
            "Persentase Layanan yang Diberikan Kepada Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial sesuai standar teknis",
            "Jumlah Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, Serta Gelandangan Pengemis di Luar Panti Sosial Yang Diberi Bantuan Sandang",
        ]
    )
    tc28 = tables_by_code(built["blitar"])["T-C.28"]
    migran = next(r for r in tc28 if r[1].startswith("Persentase Warga Negara Migran"))
    assert migran[2:10] == ["%", "n.a", "100", "100", "100", "100", "100", "100"]


# The register's data-detectable items (RENSTRA-SPEC §4): (file, code) → (register id, field) of
# each finding, in file order; "" continues the item above (one finding per year).
MAGETAN_REGISTER = {
    ("analisis.yaml", "akhir"): [
        ("M-1", "indikator_urusan.baris[1].tercetak_akhir"),
    ],
    ("program.yaml", "target.sub"): [
        ("M-2", "program[10].kegiatan[1].indikator[0].target.2023"),
    ],
    # M-12: a program's "Persentase TMP" targets 10 / 10 where its kegiatan's same indicator has 100 / 100
    ("program.yaml", "silang.target"): [
        ("M-12 PB3/KB3.1 2021", "program[8].kegiatan[0].indikator[0].target.2021"),
        ("M-12 PB3/KB3.1 2022", "program[8].kegiatan[0].indikator[0].target.2022"),
    ],
    # M-12: "|| %" over targets of "2 unit", "12 bln", "200 orang"; "Jumlah …" counted in %;
    # "Jumlah keluarga" in orang, "Jumlah Orang" in KK
    ("program.yaml", "wajar.satuan"): [
        ("M-12 KL1.1", "program[0].kegiatan[0].indikator[0].satuan"),
        ("KL1.2", "program[0].kegiatan[1].indikator[0].satuan"),
        ("KL1.3", "program[0].kegiatan[2].indikator[0].satuan"),
        ("KL1.5", "program[0].kegiatan[4].indikator[0].satuan"),
        ("KL2.1", "program[1].kegiatan[0].indikator[0].satuan"),
        ("KL2.2", "program[1].kegiatan[1].indikator[0].satuan"),
        ("KL4.1", "program[3].kegiatan[0].indikator[0].satuan"),
        ("KL5.2", "program[5].kegiatan[1].indikator[0].satuan"),
        ("KL7.1", "program[9].kegiatan[0].indikator[0].satuan"),
        ("KL7.2", "program[9].kegiatan[1].indikator[0].satuan"),
        ("KL7.3", "program[9].kegiatan[2].indikator[0].satuan"),
        ("KL7.4", "program[9].kegiatan[3].indikator[0].satuan"),
        ("KL7.5", "program[9].kegiatan[4].indikator[0].satuan"),
        ("KL8.1", "program[11].kegiatan[0].indikator[0].satuan"),
        ("KL8.2", "program[11].kegiatan[1].indikator[0].satuan"),
        ("KL8.3", "program[11].kegiatan[2].indikator[0].satuan"),
        ("KL11.2", "program[15].kegiatan[1].indikator[0].satuan"),
        ("SKB6.1.1", "program[16].kegiatan[0].sub_kegiatan[0].indikator[0].satuan"),
    ],
    ("sumber_daya.yaml", "duplikat"): [
        ("M-16 Mic", "aset[21].nama"),
        ("M-16 Stand Speaker", "aset[25].nama"),
        ("M-16 Printer A3", "aset[38].nama"),
    ],
    # M-6: M18-S2 has no strategi, so T-C.26 leaves it out (as the signed form does): said, not silent
    ("rencana.yaml", "strategi"): [
        ("M-6 M18-S2", "tujuan[0].sasaran[1]"),
    ],
}
BLITAR_REGISTER = {
    ("evaluasi.yaml", "rasio"): [
        ("B-1 2016", "kinerja_pelayanan.indikator[0].tercetak.rasio.2016"),
        ("B-1 2017", "kinerja_pelayanan.indikator[0].tercetak.rasio.2017"),
        ("B-1 2018", "kinerja_pelayanan.indikator[0].tercetak.rasio.2018"),
        ("B-1 2019", "kinerja_pelayanan.indikator[0].tercetak.rasio.2019"),
        ("B-2", "anggaran_realisasi.uraian[0].tercetak.rasio.2019"),
    ],
    ("evaluasi.yaml", "pertumbuhan"): [
        ("B-3 anggaran", "anggaran_realisasi.uraian[0].tercetak.pertumbuhan_anggaran"),
        ("B-3 realisasi", "anggaran_realisasi.uraian[0].tercetak.pertumbuhan_realisasi"),
    ],
    ("program.yaml", "rollup"): [
        ("B-13 ×4", "program[0].tercetak.pagu.2023"),
        ("", "program[0].tercetak.pagu.2024"),
        ("", "program[0].tercetak.pagu.2025"),
        ("", "program[0].tercetak.pagu.2026"),
        ("B-6", "program[0].kegiatan[2].tercetak.pagu.2022"),
        ("B-4", "program[0].kegiatan[4].tercetak.pagu.2021"),
        ("B-7 ×4", "program[1].kegiatan[1].tercetak.pagu.2023"),
        ("", "program[1].kegiatan[1].tercetak.pagu.2024"),
        ("", "program[1].kegiatan[1].tercetak.pagu.2025"),
        ("", "program[1].kegiatan[1].tercetak.pagu.2026"),
        ("B-5", "program[3].tercetak.pagu.2021"),
        ("B-8 P4 ×4", "program[3].tercetak.pagu.2023"),
        ("", "program[3].tercetak.pagu.2024"),
        ("", "program[3].tercetak.pagu.2025"),
        ("", "program[3].tercetak.pagu.2026"),
        ("B-8 K4.1 ×4", "program[3].kegiatan[0].tercetak.pagu.2023"),
        ("", "program[3].kegiatan[0].tercetak.pagu.2024"),
        ("", "program[3].kegiatan[0].tercetak.pagu.2025"),
        ("", "program[3].kegiatan[0].tercetak.pagu.2026"),
    ],
    ("program.yaml", "pagu_akhir"): [
        ("B-13", "program[0].tercetak.pagu_akhir"),
        ("B-8 P4", "program[3].tercetak.pagu_akhir"),
        ("B-8 K4.1", "program[3].kegiatan[0].tercetak.pagu_akhir"),
    ],
    ("program.yaml", "akhir"): [
        ("B-19", "program[4].kegiatan[0].sub_kegiatan[0].indikator[0].tercetak.akhir"),
        ("B-18", "program[5].kegiatan[1].indikator[0].tercetak.akhir"),
    ],
    ("program.yaml", "kondisi_awal"): [
        ("B-20", "program[5].kegiatan[0].sub_kegiatan[0].indikator[0].tercetak.kondisi_awal"),
    ],
    ("program.yaml", "total"): [
        ("B-14 ×5", "matriks[1].tercetak_total.2022"),
        ("", "matriks[1].tercetak_total.2023"),
        ("", "matriks[1].tercetak_total.2024"),
        ("", "matriks[1].tercetak_total.2025"),
        ("", "matriks[1].tercetak_total.2026"),
        ("B-14 akhir", "matriks[1].tercetak_total_akhir"),
    ],
    ("program.yaml", "wajar.satuan"): [
        ("B-27 K2.1 (31 penyelenggara)", "program[1].kegiatan[0].indikator[0].satuan"),
        ("B-27 K2.2 (12 jenis)", "program[1].kegiatan[1].indikator[0].satuan"),
    ],
    ("sumber_daya.yaml", "silang.sdm"): [
        ("B-10", "golongan"),
    ],
}


@pytest.mark.parametrize(
    "folder, register",
    [(MAGETAN, MAGETAN_REGISTER), (BLITAR, BLITAR_REGISTER)],
    ids=["magetan", "blitar"],
)
def test_check_reports_exactly_the_register(folder, register):
    found: dict[tuple[str, str], list[str | None]] = {}
    for f in check(folder):
        found.setdefault((Path(f.problem.file).name, f.problem.code), []).append(f.problem.field)
        assert f.problem.code == "narasi.missing" or f.problem.line is not None
    assert found == {key: [field for _, field in items] for key, items in register.items()}


def test_cross_table_findings_name_both_places():
    (sdm,) = [str(f) for f in check(BLITAR) if f.problem.code == "silang.sdm"]
    assert (
        "sumber_daya.yaml:18: golongan: staff by golongan total 30, by status PNS 39 (sumber_daya.yaml:29)"
        in sdm
    )
    pb3 = [str(f) for f in check(MAGETAN) if f.problem.code == "silang.target"]
    assert "M18-KB3.1 (T-C.27) 100, M18-PB3 (T-C.27) 10 (program.yaml:475)" in pb3[0]


def test_units_that_do_not_fit_are_named():
    """B-27: "Persentase …" counted in penyelenggara and jenis; M-12: "|| %" over "200 orang"."""
    blitar = {
        f.problem.field: f.problem.message
        for f in check(BLITAR)
        if f.problem.code == "wajar.satuan"
    }
    assert blitar == {
        "program[1].kegiatan[0].indikator[0].satuan": "K2.1: the unit does not fit the indicator: a percentage ('Persentase "
        "Penyelenggara Pengelolaan Sumber Dana Sosial …') in 'penyelenggara'",
        "program[1].kegiatan[1].indikator[0].satuan": "K2.2: the unit does not fit the indicator: a percentage ('Persentase "
        "Jenis Potensi Sumber Kesejahteraan Sosial Daerah …') in 'jenis'",
    }
    magetan = {
        f.problem.field: f.problem.message
        for f in check(MAGETAN)
        if f.problem.code == "wajar.satuan"
    }
    assert (
        magetan["program[9].kegiatan[2].indikator[0].satuan"]
        == "M18-KL7.3: the indicator is in '%', a target in 'orang'"
    )


def test_check_names_the_missing_program_in_the_total():
    message = next(
        str(f) for f in check(BLITAR) if f.problem.code == "total" and "2022" in f.problem.field
    )
    assert "printed 12.106.342.370, computed 12.206.342.370" in message
    assert "leaves out PROGRAM PENANGANAN WARGA NEGARA MIGRAN" in message


def _drop_tercetak(node):
    if isinstance(node, dict):
        return {
            k: _drop_tercetak(v)
            for k, v in node.items()
            if k not in ("tercetak", "tercetak_total", "tercetak_total_akhir", "tercetak_akhir")
        }
    if isinstance(node, list):
        return [_drop_tercetak(v) for v in node]
    return node


def _rewrite(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(
        yaml.safe_dump(change(data), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _sum_of_sub_targets(data):
    """Kegiatan whose count target is the sum of their sub kegiatan's get that sum (M-2)."""
    for program in data["program"]:
        for kegiatan in program["kegiatan"]:
            if kegiatan.get("target_dari_sub") == "sum":
                own = kegiatan["indikator"][0]["target"]
                for year in own:
                    own[year] = sum(
                        s["indikator"][0]["target"][year] for s in kegiatan["sub_kegiatan"]
                    )
    return data


UNITS_OFF = {
    f"M18-{x}"
    for x in (
        "KL1.1 KL1.2 KL1.3 KL1.5 KL2.1 KL2.2 KL4.1 KL5.2 KL7.1 KL7.2 KL7.3 KL7.4 KL7.5 KL8.1 "
        "KL8.2 KL8.3 KL11.2 SKB6.1.1"
    ).split()
} | {"K2.1", "K2.2"}
"""The indicators of M-12 and B-27."""


def _fitting_units(data):
    """M-12, B-27: each indicator's unit fits its name, and its targets carry no other unit."""

    def fix(ind):
        name = ind["nama"].lower()
        owned = [
            v["satuan"]
            for v in ind.get("target", {}).values()
            if isinstance(v, dict) and v.get("satuan")
        ]
        ind["target"] = {
            y: (v["nilai"] if isinstance(v, dict) else v) for y, v in ind.get("target", {}).items()
        }
        if name.startswith("persentase"):
            ind["satuan"] = "%"
        elif name.split()[1] in ("keluarga", "orang"):
            ind["satuan"] = name.split()[1]
        else:
            ind["satuan"] = owned[0] if owned else "orang"

    for program in data["program"]:
        for node in [
            program,
            *program["kegiatan"],
            *[s for k in program["kegiatan"] for s in k.get("sub_kegiatan", [])],
        ]:
            if node["id"] in UNITS_OFF:
                fix(node["indikator"][0])
    return data


def _same_target_as_its_kegiatan(data):
    """M-12: the TMP program's 2021-2022 targets are its kegiatan's (100), not 10."""
    program = next(p for p in data["program"] if p["id"] == "M18-PB3")
    program["indikator"][0]["target"].update({2021: 100, 2022: 100})
    return data


def _strategi_for_every_sasaran(data):
    """M-6: M18-S2 given a strategi, so T-C.26 shows it."""
    for t in data["tujuan"]:
        for s in t["sasaran"]:
            s.setdefault(
                "strategi",
                [{"uraian": "Penguatan lembaga sosial", "arah_kebijakan": ["Pembinaan lembaga"]}],
            )
    return data


def _merge_duplicate_assets(data):
    merged: dict[str, dict] = {}
    for item in data["aset"]:
        merged.setdefault(item["nama"].lower(), item)
    data["aset"] = list(merged.values())
    return data


@pytest.mark.parametrize("name", ["magetan", "blitar"])
def test_check_is_clean_on_a_corrected_copy(tmp_path, run_cli, name):
    """The register's slips corrected (printed values dropped, the data fixed where the slip is
    in the data itself): `check` exits 0."""
    folder = MAGETAN if name == "magetan" else BLITAR
    agency = tmp_path / folder.parent.name
    shutil.copytree(folder.parent, agency)
    doc = agency / folder.name
    for stem in ("program", "evaluasi", "analisis"):
        _rewrite(doc / f"{stem}.yaml", _drop_tercetak)
    if name == "magetan":
        _rewrite(doc / "program.yaml", _sum_of_sub_targets)  # M-2
        _rewrite(doc / "sumber_daya.yaml", _merge_duplicate_assets)  # M-16
        _rewrite(doc / "program.yaml", _same_target_as_its_kegiatan)  # M-12
        _rewrite(doc / "rencana.yaml", _strategi_for_every_sasaran)  # M-6
    else:  # B-10: the golongan table missed a III/C row; Σ must be the 39 PNS
        _rewrite(
            doc / "sumber_daya.yaml",
            lambda d: {**d, "golongan": d["golongan"] + [{"uraian": "III/C", "jumlah": 9}]},
        )
        (doc / "narasi" / "kata-pengantar.md").write_text(
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa.\n", encoding="utf-8"
        )
    _rewrite(doc / "program.yaml", _fitting_units)  # M-12, B-27
    assert check(doc) == []
    code, out, _ = run_cli("check", str(doc))
    assert code == 0 and "no findings" in out


def _sdm_copy(tmp_path: Path, jabatan_total: int) -> Path:
    """Blitar's Renstra with a status table of 39 PNS, 10 PPPK and 5 THL (54 people) and a
    jabatan table summing to `jabatan_total`."""
    agency = tmp_path / "blitar"
    shutil.copytree(BLITAR.parent, agency)
    folder = agency / BLITAR.name

    def change(data):
        data["status"] = [
            {"status": "PNS", "laki_laki": 20, "perempuan": 19},
            {"status": "PPPK", "laki_laki": 6, "perempuan": 4},
            {"status": "THL", "laki_laki": 3, "perempuan": 2},
        ]
        data["jabatan"] = [{"uraian": "Pelaksana", "jumlah": jabatan_total}]
        return data

    _rewrite(folder / "sumber_daya.yaml", change)
    return folder


def _sdm_messages(folder: Path) -> list[str]:
    return [f.problem.message for f in check(folder) if f.problem.code == "silang.sdm"]


@pytest.mark.parametrize("jabatan_total", [39, 54], ids=["pns-only", "everyone"])
def test_a_jabatan_table_of_the_pns_or_of_everyone_agrees(tmp_path, jabatan_total):
    """A PUPR prints its jabatan table for the PNS only beside PPPK and THL in the status
    table, Magetan's "Jumlah PNS Berdasarkan Jabatan" likewise: neither is a slip. (B-10, the
    golongan table of 30 against 39 PNS, is still reported.)"""
    messages = _sdm_messages(_sdm_copy(tmp_path, jabatan_total))
    assert not [m for m in messages if "jabatan" in m]
    assert [m for m in messages if m.startswith("staff by golongan total 30, by status PNS 39")]


def test_a_jabatan_table_matching_no_total_is_reported(tmp_path):
    messages = _sdm_messages(_sdm_copy(tmp_path, 45))
    assert [m for m in messages if "staff by jabatan total 45, by status 54" in m]


def test_a_confirmed_warning_of_any_kind_is_not_reported_an_error_is(tmp_path):
    """`disengaja` in document.toml confirms any warning (here B-10's silang.sdm) by code; an
    error stays whatever is listed."""
    folder = _sdm_copy(tmp_path, 39)
    before = check(folder)
    errors = [f for f in before if f.severity == "E"]
    assert errors and any(f.problem.code == "silang.sdm" for f in before)
    toml = folder / "document.toml"
    codes = sorted({f.problem.code for f in errors} | {"silang.sdm"})
    toml.write_text(f"disengaja = {codes!r}\n".replace("'", '"') + toml.read_text())
    after = check(folder)
    assert not any(f.problem.code == "silang.sdm" for f in after)
    assert [f for f in after if f.severity == "E"] == errors


def test_a_t_c24_parent_typed_against_its_rows_is_reported(tmp_path):
    """A parent row's own anggaran is replaced by its rows' sums in T-C.24: where it differs
    (530.000.000 typed for 2020, the rows give 530.105.000) the typed figure would vanish."""
    agency = tmp_path / "magetan"
    shutil.copytree(MAGETAN.parent, agency)
    folder = agency / MAGETAN.name

    def change(data):
        data["anggaran_realisasi"]["uraian"][0]["anggaran"] = {2019: 450000000, 2020: 530000000}
        return data

    _rewrite(folder / "evaluasi.yaml", change)
    found = [
        (f.problem.field, f.problem.message)
        for f in check(folder)
        if f.problem.code == "rollup" and f.problem.file.endswith("evaluasi.yaml")
    ]
    assert found == [
        (
            "anggaran_realisasi.uraian[0].anggaran.2020",
            "T-C.24 Program Pemberdayaan Sosial dan Penanganan Fakir Miskin anggaran 2020: typed "
            "530.000.000, its rows (anak) sum to 530.105.000, which the table prints; correct the "
            "rows, or delete the parent's own anggaran",
        )
    ]
