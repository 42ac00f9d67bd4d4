"""Claims in words tested against the figures (`check/klaim.py`; LKJIP-SPEC L-11, L-18, L-31,
L-32): each seed sentence, placed in a copy of the LKjIP example's narrative, is reported with its
code, file:line, the figures and a true wording; the true variant of each is not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import check

LKJIP = Path(__file__).resolve().parents[2] / "content" / "magetan-dinsos" / "lkjip-2024"
CODES = (
    "narasi.keseluruhan",
    "narasi.tren",
    "narasi.target",
    "narasi.tercapai",
    "narasi.banding",
)

# the seed's own sentences (001 lines 1054, 729, 1070, 753)
L11 = (
    "- Sasaran ke-5 didukung oleh 7 (tujuh) Kegiatan yang terdiri dari 7 (tujuh) indikator kinerja "
    "dengan capaian kinerja keseluruhan indikator sebesar 100% (kategori berhasil)."
)
L18 = (
    "Capaian Indeks Kepuasan Masyarakat dan Nilai SAKIP mengalami kenaikan setiap tahun dan dapat "
    "dilihat pada diagram berikut:"
)
L31 = (
    "Dari hasil pengukuran terhadap pencapaian kinerja 5 (lima) sasaran tersebut, secara umum telah "
    "mencapai target capaian kinerja dengan capaian kinerja rata-rata sebesar 99,54%"
)
L32 = (
    "Hal ini dikarenakan terjadi kenaikan yang cukup signifikan terhadap Nilai SAKIP Dinas Sosial "
    "pada tahun 2023 ke tahun 2024, sehingga penargetan di tahun 2026 lebih rendah dibandingkan "
    "tahun 2024."
)


def _claims(tmp_path: Path, sentence: str, *more: str) -> list:
    shutil.copytree(LKJIP.parent, tmp_path / LKJIP.parent.name)
    doc = tmp_path / LKJIP.parent.name / LKJIP.name
    path = doc / "narasi" / "simpulan.akhir.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + sentence + "\n"
    path.write_text(text, encoding="utf-8")
    line = text.count("\n")
    found = [f for f in check(doc) if f.problem.code in (*CODES, *more)]
    for f in found:
        assert f.problem.file.endswith("narasi/simpulan.akhir.md") and f.problem.line == line
        assert sentence[:60] in f.problem.message  # the sentence is quoted
    return found


@pytest.mark.parametrize(
    "sentence, code, message",
    [
        pytest.param(
            "Capaian kinerja keseluruhan indikator sebesar 100%.",
            "narasi.keseluruhan",
            "the text says every indicator of the LKjIP is 100%, but Persentase PPKS yang "
            "Mendapatkan Pelayanan … 92,50; Persentase PPKS yang Mendapatkan Pemberdayaan "
            "… 95,00; Nilai SAKIP Dinas Sosial 108,62",  # IS5.2's 100,11 prints as 100
            id="every indicator",
        ),
        pytest.param(
            "Pada tahun 2024 dari 5 sasaran Dinas Sosial, terdapat 4 sasaran mencapai target yang "
            "telah ditentukan dan 1 sasaran belum bisa mencapai target yang telah ditentukan.",
            "narasi.tercapai",
            "the text counts 4 sasaran reached the target, the data give 3 (S1, S4, S5); "
            "1 sasaran missed the target, the data give 2 (S2, S3)",
            id="F14.3 miscounted",
        ),
        pytest.param(
            "Realisasi Indeks Kepuasan Masyarakat tahun 2024 lebih rendah dibandingkan tahun 2023.",
            "narasi.banding",
            "the text says the realisasi 2024 of Indeks Kepuasan Masyarakat Dinas Sosial (87,45) is "
            "lower than 2023, but the realisasi 2023 is 87,33:",  # and no other figure makes it true
            id="realisasi against history",
        ),
    ],
)
def test_a_variant_claim_is_reported(tmp_path, sentence, code, message):
    found = _claims(tmp_path, sentence)
    assert [f.problem.code for f in found] == [code]
    assert found[0].problem.message.startswith(message), found[0].problem.message


@pytest.mark.parametrize(
    "sentence, code, message, hint",
    [
        pytest.param(
            L11,
            "narasi.keseluruhan",
            "the text says every indicator of the kegiatan of sasaran S5 is 100%, but "
            "K1.2 Persentase Serapan Anggaran Perangkat Daerah 108,44",
            "capaian 6 indikator sebesar 100% dan K1.2",
            id="L-11",
        ),
        pytest.param(
            L18,
            "narasi.tren",
            "the text says capaian rises every year, but capaian of Indeks Kepuasan Masyarakat "
            "Dinas Sosial falls 103,96 (2023) \u2192 100,11 (2024) (its realisasi does rise every "
            "year); Nilai SAKIP Dinas Sosial has capaian for 2024 only",
            "Realisasi Indeks Kepuasan Masyarakat Dinas Sosial naik setiap tahun (84,47; 87,33; "
            "87,45), sedangkan capaiannya berfluktuasi (100,56; 103,96; 100,11). Realisasi Nilai "
            "SAKIP Dinas Sosial naik setiap tahun (77,70; 82,40; 92,33), sedangkan capaiannya "
            "hanya tersedia untuk tahun 2024.",
            id="L-18",
        ),
        pytest.param(
            L31,
            "narasi.target",
            "the text says the target was reached, but the capaian rata-rata is 99,37; 2 of 5 "
            "sasaran missed it (S2 IS2.1 92,50, S3 IS3.1 95,00)",
            "3 dari 5 sasaran mencapai target, capaian kinerja rata-rata sebesar {{ rata_rata }}",
            id="L-31",
        ),
        pytest.param(
            L32,
            "narasi.banding",
            "the text says the target 2026 of Nilai SAKIP Dinas Sosial (90,50) is lower than 2024, "
            "but the target 2024 is 85; it holds only against the realisasi 2024 (92,33)",
            "target tahun 2026 (90,50) lebih rendah dari realisasi tahun 2024 (92,33)",
            id="L-32",
        ),
    ],
)
def test_a_seed_claim_is_reported(tmp_path, sentence, code, message, hint):
    found = _claims(tmp_path, sentence)
    assert [f.problem.code for f in found] == [code]
    assert found[0].severity == "W"
    assert found[0].problem.message.startswith(message), found[0].problem.message
    assert hint in (found[0].problem.hint or "")


@pytest.mark.parametrize(
    "sentence",
    [
        # L-11: sasaran 4's one kegiatan is 100; sasaran 1's indicator is 100
        "- Sasaran ke-4 didukung oleh 1 (satu) Kegiatan yang terdiri dari 1 (satu) indikator "
        "kinerja dengan capaian kinerja keseluruhan indikator sebesar 100% (kategori berhasil).",
        "Sasaran ke-1 dengan capaian kinerja keseluruhan indikator sebesar 100%.",
        # L-18: the realisasi do rise every year
        "Realisasi Indeks Kepuasan Masyarakat dan Nilai SAKIP mengalami kenaikan setiap tahun.",
        # L-31: a count, a denial, a sasaran that did reach it
        "Sebanyak 1 (satu) indikator kinerja telah mencapai target.",
        "Terdapat 3 sasaran yang telah mencapai target.",
        "Sasaran ke-2 belum mencapai target.",
        "Sasaran ke-1 telah mencapai target.",
        # a count of some out of all, as the L-31 hint words it and the Ikhtisar/Simpulan say it
        "3 dari 5 sasaran mencapai target, capaian kinerja rata-rata sebesar 99,37%.",
        "Capaian kinerja rata-rata 6 (enam) indikator sebesar 99,37% (kategori berhasil) dan "
        "3 (tiga) dari 5 (lima) sasaran telah mencapai target.",
        # one figure over all indicators, not each indicator's capaian (L-11 reads capaian only)
        "Rata-rata tingkat efisiensi seluruh indikator sasaran (efisiensi total) sebesar 3,31%.",
        # F14.3 as the seed says it (001 line 784): S1, S4, S5 reached it, S2, S3 did not
        "Pada tahun 2024 dari 5 sasaran Dinas Sosial, terdapat 3 sasaran mencapai target yang "
        "telah ditentukan dan 2 sasaran belum bisa mencapai target yang telah ditentukan.",
        # L-32: both sides named, or the comparison as the targets give it
        "Realisasi Nilai SAKIP Dinas Sosial tahun 2024 lebih tinggi dibandingkan tahun 2023.",
        "Target Nilai SAKIP Dinas Sosial tahun 2026 lebih rendah dibandingkan realisasi tahun 2024.",
        "Penargetan Nilai SAKIP Dinas Sosial di tahun 2026 lebih tinggi dibandingkan tahun 2024.",
    ],
)
def test_a_true_claim_is_not_reported(tmp_path, sentence):
    assert _claims(tmp_path, sentence) == []


def test_a_count_of_all_out_of_all_is_a_claim_about_all(tmp_path):
    found = _claims(
        tmp_path,
        "Capaian kinerja rata-rata 6 (enam) indikator sebesar 99,37% dan 5 (lima) dari 5 (lima) "
        "sasaran telah mencapai target.",
    )
    assert [f.problem.code for f in found] == ["narasi.target", "narasi.tercapai"]
    assert found[1].problem.message.startswith(
        "the text counts 5 sasaran reached the target, the data give 3 (S1, S4, S5)"
    )


def test_the_mean_of_5_sasaran_is_of_6_indicators(tmp_path):
    """L-31's second point: "5 (lima) sasaran … capaian kinerja rata-rata" while the mean runs
    over the 6 indicators of those sasaran; the mean of the sasaran's own capaian is another."""
    found = [
        f for f in _claims(tmp_path, L31, "narasi.jumlah") if f.problem.code == "narasi.jumlah"
    ]
    assert [f.problem.message.split(": \u201c")[0] for f in found] == [
        "the text gives the capaian rata-rata of 5 sasaran, but it is the mean of 6 indicators "
        "(the mean of the 5 sasaran's capaian is 98,37)"
    ]
    assert "rata-rata 6 indikator dari 5 sasaran sebesar {{ rata_rata }}" in found[0].problem.hint


@pytest.mark.parametrize(
    "sentence",
    [
        "Dari hasil pengukuran terhadap 6 (enam) indikator kinerja dari 5 (lima) sasaran, capaian "
        "kinerja rata-rata sebesar 99,37%.",
        "Dari hasil pengukuran terhadap pencapaian kinerja 5 (lima) sasaran, sebanyak 3 sasaran "
        "mencapai target.",
        "Dinas Sosial telah menetapkan 1 tujuan dan memiliki 5 sasaran.",
    ],
)
def test_a_true_count_is_not_reported(tmp_path, sentence):
    assert _claims(tmp_path, sentence, "narasi.jumlah") == []


def test_a_wrong_count_is_reported(tmp_path):
    found = _claims(tmp_path, "Dinas Sosial memiliki 4 (empat) sasaran.", "narasi.jumlah")
    assert [f.problem.message.split(": \u201c")[0] for f in found] == [
        "the text counts 4 sasaran, the plan has 5"
    ]


def test_the_examples_narrative_makes_no_false_claim():
    assert [f for f in check(LKJIP) if f.problem.code in (*CODES, "narasi.jumlah")] == []
