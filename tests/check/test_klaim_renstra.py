"""Claims in words read in a Renstra's narrative (`check/klaim_renstra.py`; RENSTRA-SPEC M-4, M-5,
M-6, B-23): the seeds' own sentences about T-C.23 and T-C.24, placed in a copy of the example
built from that seed, are reported with their code, file:line, the figures and a true wording;
the true variant of each, and the seeds' true sentences, are not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import check

ROOT = Path(__file__).resolve().parents[2]
MAGETAN = ROOT / "content" / "magetan-dinsos" / "renstra-2018-2023"
BLITAR = ROOT / "content" / "blitar-dinsos" / "renstra-2021-2026"
CODES = (
    "narasi.tren",
    "narasi.kenaikan",
    "narasi.nilai",
    "narasi.target",
    "narasi.kisaran",
    "narasi.jumlah",
    "narasi.keseluruhan",
    "narasi.banding",
    "narasi.tercapai",
    "narasi.angka",  # a change's amount is not read as a level too (M-4: once, not twice)
)

# 000 lines 1757-1777: the indicator named in the item's first line, its change after (M-4)
M4 = (
    "2. Persentase penyandang disabilitas terlantar yang mendapat rehabilitasi sosial dasar di "
    "luar panti.\n"
    "Penyandang disabilitas merupakan salah satu penyandang masalah kesejahteraan sosial. Pada "
    "tahun 2019 dan 2020 terdapat kenaikan persentase realisasi sebesar {amount} hal ini "
    "diakibatkan adanya bantuan dari pusat maupun propinsi."
)
# 000 lines 3005-3013 (M-5)
M5 = (
    "Persentase lanjut usia terlantar yang mendapat rehabilitasi sosial dasar di luar panti di "
    "Kabupaten Magetan cenderung rendah. Pada tahun 2020, jumlah lanjut usia terlantar yang "
    "mendapat rehabilitasi sosial dasar di luar panti meningkat menjadi {value}."
)
# 000 lines 3007-3009 (M-5, its 2019 half)
M5_2019 = "Pada tahun 2019 lanjut usia terlantar yang mendapat rehabilitasi hanya sebesar {value}."
# 000 lines 6161-6164 (M-6)
M6 = (
    "Dalam RPJMD Kabupaten Magetan Tahun 2018-2023 telah ditetapkan 1 tujuan dan {n} sasaran "
    "yang harus diwujudkan oleh semua SKPD sesuai dengan tugas pokok dan fungsi masing-masing."
)
# 003 line 660 (B-23)
B23 = (
    "Berdasarkan tabel tersebut di atas diketahui bahwa anggaran Dinas Sosial Kab.Blitar berada "
    "dalam kisaran {range}."
)
# 003 lines 580 and 585: the indicator named, then the reason in a list item
B585 = (
    "Untuk perbandingan realisasi kinerja sasaran strategis yang kedua diketahui bahwa untuk "
    "sasaran strategis meningkatnya kesejahteraan PMKS (Penyandang Masalah Kesejahteraan Sosial) "
    "yang dapat diukur keberhasilannya dengan menggunakan indikator kinerja yaitu {indikator}, "
    "ditargetkan sebesar {target}.\n"
    "- b) Seluruh PSKS terlibat dalam mensukseskan penyelenggaraan program-program kesejahteraan "
    "sosial sesuai dengan tupoksi masing-masing sehingga capaian kinerja mencapai 100% setiap "
    "tahunnya."
)
PSKS = "persentase PSKS yang berpartisipasi dalam program kesejahteraan sosial"
PMKS = "persentase PMKS yang dibantu dan ditangani"


def _claims(tmp_path: Path, folder: Path, text: str) -> list:
    """The claim findings of `text` appended to the example's BAB II narrative, each on the
    text's last line and quoting its last sentence."""
    shutil.copytree(folder.parent, tmp_path / folder.parent.name)
    doc = tmp_path / folder.parent.name / folder.name
    path = doc / "narasi" / "kinerja-pelayanan.akhir.md"
    before = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(before + text + "\n", encoding="utf-8")
    line = (before + text).count("\n") + 1
    found = [f for f in check(doc) if f.problem.code in CODES]
    last = text.rsplit("\n", 1)[-1].rsplit(". ", 1)[-1]
    for f in found:
        assert f.problem.file.endswith("narasi/kinerja-pelayanan.akhir.md")
        assert f.problem.line == line
        assert last[:50] in f.problem.message  # the sentence is quoted
    return found


@pytest.mark.parametrize(
    "folder, text, code, message, hint",
    [
        pytest.param(
            MAGETAN,
            M4.format(amount="24,30%"),
            "narasi.kenaikan",
            "the text says the realisasi of Persentase penyandang disabilitas terlantar yang … rose "
            "from 2019 to 2020, but realisasi rose by 27,02 points (16,71 \u2192 43,73), 161,70% "
            "of the 2019 value, not 24,30",
            "Realisasi Persentase penyandang disabilitas terlantar yang mendapat rehabilitasi "
            "sosial dasar di luar panti naik 27,02 poin dari 16,71 pada tahun 2019 menjadi 43,73 "
            "pada tahun 2020",
            id="M-4",
        ),
        pytest.param(
            MAGETAN,
            M5.format(value="71,7%"),
            "narasi.kenaikan",
            "the text says the realisasi of Persentase lanjut usia terlantar yang mendapat … rose "
            "from 2019 to 2020, but realisasi 2020 is 40,40, not 71,7",
            "naik 2,20 poin dari 38,20 pada tahun 2019 menjadi 40,40 pada tahun 2020",
            id="M-5",
        ),
        pytest.param(
            MAGETAN,
            M5_2019.format(value="32%"),
            "narasi.nilai",
            "the text says Persentase lanjut usia terlantar yang mendapat … was 32% in 2019, but "
            "its T-C.23 realisasi is 38,20",
            "pada tahun 2019 realisasi Persentase lanjut usia terlantar yang mendapat rehabilitasi "
            "sosial dasar di luar panti sebesar 38,20%",
            id="M-5 2019",
        ),
        pytest.param(
            MAGETAN,
            M6.format(n=1),
            "narasi.jumlah",
            "the text counts 1 sasaran, the plan has 2",
            "{{ n_sasaran|terbilang }} sasaran",
            id="M-6",
        ),
        pytest.param(
            BLITAR,
            B23.format(range="6M hingga 8M"),
            "narasi.kisaran",
            "the text says the anggaran lies between 6M and 8M, but T-C.24 gives "
            "Rp 8.857.944.300 (2017); Rp 8.949.839.250 (2018); Rp 9.677.403.097 (2019)",
            "berada dalam kisaran 6,58 M (2020) hingga 9,68 M (2019)",
            id="B-23",
        ),
    ],
)
def test_a_seed_claim_is_reported(tmp_path, folder, text, code, message, hint):
    found = _claims(tmp_path, folder, text)
    assert [f.problem.code for f in found] == [code]
    assert found[0].severity == "W"
    assert found[0].problem.message.startswith(message), found[0].problem.message
    assert hint in (found[0].problem.hint or ""), found[0].problem.hint


@pytest.mark.parametrize(
    "folder, text, code, message",
    [
        pytest.param(
            BLITAR,
            B585.format(indikator=PMKS, target="5%"),
            "narasi.tren",
            "the text says capaian is 100% every year, but Persentase PMKS yang dibantu dan "
            "ditangani 2016: 88,80; Persentase PMKS yang dibantu dan ditangani 2017: 143,60",
            id="100% every year, said of PMKS",
        ),
        pytest.param(
            BLITAR,
            f"Indikator pertama, {PMKS}, selalu mencapai targetnya setiap tahun.",
            "narasi.target",
            "the text says the target was reached, but the rasio 2016 of Persentase PMKS yang "
            "dibantu dan ditangani is 88,80; the rasio 2018 of",
            id="target every year, said of PMKS",
        ),
        pytest.param(
            BLITAR,
            f"Realisasi {PMKS} meningkat setiap tahun.",
            "narasi.tren",
            "the text says realisasi rises every year, but realisasi of Persentase PMKS yang "
            "dibantu dan ditangani falls 7,18 (2017) \u2192 2,54 (2018)",
            id="rises every year",
        ),
        pytest.param(
            MAGETAN,
            "3. **Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti.** "
            "Realisasi indikator ini meningkat dari 2019 ke 2020.",
            "narasi.kenaikan",
            "the text says the realisasi of Persentase anak terlantar yang mendapat … rose "
            "from 2019 to 2020, but realisasi stays 100,00 (2019) \u2192 100,00 (2020)",
            id="a flat step called a rise",
        ),
        pytest.param(
            MAGETAN,
            "2. **Persentase penyandang disabilitas terlantar yang mendapat rehabilitasi sosial "
            "dasar di luar panti.** Realisasi indikator ini menurun dari 2019 ke 2020.",
            "narasi.kenaikan",
            "the text says the realisasi of Persentase penyandang disabilitas terlantar yang … fell "
            "from 2019 to 2020, but realisasi rises 16,71 (2019) \u2192 43,73 (2020)",
            id="a rise called a fall",
        ),
    ],
)
def test_a_variant_claim_is_reported(tmp_path, folder, text, code, message):
    found = _claims(tmp_path, folder, text)
    assert [f.problem.code for f in found] == [code]
    assert found[0].problem.message.startswith(message), found[0].problem.message


@pytest.mark.parametrize(
    "folder, text",
    [
        # the true variants of the slips
        pytest.param(MAGETAN, M4.format(amount="27,02 poin"), id="M-4 in points"),
        pytest.param(MAGETAN, M4.format(amount="161,7%"), id="M-4 relative"),
        pytest.param(MAGETAN, M5.format(value="40,4%"), id="M-5"),
        pytest.param(MAGETAN, M5_2019.format(value="38,2%"), id="M-5 2019"),
        pytest.param(MAGETAN, M6.format(n=2), id="M-6"),
        pytest.param(BLITAR, B23.format(range="6,5M hingga 9,7M"), id="B-23"),
        # the seeds' true sentences (003 lines 574, 585, 825, 850)
        pytest.param(
            BLITAR,
            f"Indikator kinerja yaitu {PMKS}, ditargetkan sebesar 5 %.\n"
            "- b) Meningkatnya capaian realisasi kinerja di tahun 2020 (sebesar 5.90%) dari tahun "
            "2019 (sebesar 4.83%) dikarenakan adanya perbaikan sistem pencatatan hasil kinerja.",
            id="003:574",
        ),
        pytest.param(BLITAR, B585.format(indikator=PSKS, target="20%"), id="003:585"),
        pytest.param(
            BLITAR,
            "Dinas Sosial memiliki 1 tujuan yaitu Menurunnya angka PMKS, yang ditopang oleh 2 "
            "sasaran. Berdasarkan tabel di atas dapat diketahui bahwa Dinas Sosial memiliki 1 "
            "tujuan yang dicapai melalui 2 sasaran.",
            id="003:825,850",
        ),
        # a true trend, a true constant target
        pytest.param(BLITAR, f"Indikator kedua, {PSKS}, selalu mencapai targetnya setiap tahun."),
        pytest.param(
            BLITAR,
            f"Realisasi {PMKS} berfluktuasi selama 2016-2020 dan meningkat dari 4,83% pada 2019 "
            "menjadi 5,90% pada 2020.",
        ),
        # a sasaran's name in other words than the plan's says nothing rose (003 line 571)
        pytest.param(
            BLITAR,
            f"Sasaran strategis meningkatnya kesejahteraan PMKS diukur dengan {PMKS}, yang "
            "realisasinya 7,18% pada 2017 dan 2,54% pada 2018.",
            id="sasaran named meningkatnya",
        ),
        # a paragraph that names no indicator speaks of none
        pytest.param(MAGETAN, "Realisasi indikator ini meningkat setiap tahun."),
    ],
)
def test_a_true_claim_is_not_reported(tmp_path, folder, text):
    assert _claims(tmp_path, folder, text) == []


@pytest.mark.parametrize("folder", [MAGETAN, BLITAR])
def test_the_examples_narrative_makes_no_false_claim(folder):
    assert [f for f in check(folder) if f.problem.code in CODES] == []
