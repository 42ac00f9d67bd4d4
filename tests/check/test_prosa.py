"""Numbers typed in the narrative, tried on the seeds' own sentences (RENSTRA-SPEC M-3, B-23;
LKJIP-SPEC L-5, L-12, L-31): each is reported with the figure the data give and the placeholder
that prints it, and the placeholder renders that very figure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laporgen.build import check, figures_for
from laporgen.check.prosa import angka_lkjip
from laporgen.document.lkjip import narrative_context
from laporgen.document.narrative import narrative_env
from laporgen.jenis import load_document
from laporgen.numbers import persen, rupiah

ROOT = Path(__file__).resolve().parents[2]
MAGETAN = ROOT / "content" / "magetan-dinsos" / "renstra-2018-2023"
BLITAR = ROOT / "content" / "blitar-dinsos" / "renstra-2021-2026"
LKJIP = ROOT / "content" / "magetan-dinsos" / "lkjip-2024"


def _with_sentence(tmp_path: Path, folder: Path, name: str, sentence: str) -> Path:
    shutil.copytree(folder.parent, tmp_path / folder.parent.name)
    doc = tmp_path / folder.parent.name / folder.name
    path = doc / "narasi" / f"{name}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")
    return doc


def _prose(doc: Path) -> list[str]:
    return [
        f.problem.message + " | " + (f.problem.hint or "")
        for f in check(doc)
        if f.problem.code in ("narasi.angka", "narasi.terbilang")
    ]


@pytest.mark.parametrize(
    "folder, name, sentence, expected",
    [
        pytest.param(
            MAGETAN,
            "kinerja-pelayanan.akhir",
            "Dari data perkembangan pagu dan realisasi anggaran Tahun 2018-2023 diketahui rata-rata dana yang dikelola "
            "oleh Dinas Sosial Kabupaten Magetan setiap tahun sebesar 7 Milyar Rupiah.",
            "the text states 7 Milyar, the data give Rp 5.250.052.500 (T-C.24 mean anggaran a year)",
            id="M-3",
        ),
        pytest.param(
            BLITAR,
            "kinerja-pelayanan.akhir",
            "Realisasi anggaran Dinas Sosial per tahun rata-rata berada di kisaran 80% dari anggaran total.",
            "the text states 80%, the data give 89,95 (T-C.24 mean rasio)",
            id="B-23",
        ),
        pytest.param(
            LKJIP,
            "penutup",
            "Pengukuran mencapai efisiensi kinerja sebesar 1,93%.",
            "the text states 1,93%, the data give 3,31 (efisiensi total)",
            id="L-5",
        ),
        pytest.param(
            LKJIP,
            "penutup",
            "Sasaran ke-3 dan 4 terdiri dari 2 (satu) indikator kinerja.",
            "“2 (satu)”: 2 is “dua”",
            id="L-12",
        ),
    ],
)
def test_a_seed_sentence_is_reported(tmp_path, folder, name, sentence, expected):
    found = _prose(_with_sentence(tmp_path, folder, name, sentence))
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Capaian kinerja rata-rata sebesar 99,37% dengan serapan anggaran 97,60%.",  # as computed
        "Capaian kinerja rata-rata sebesar 99,4%.",  # one decimal, agrees
        "Sesuai Peraturan Presiden Nomor 29 Tahun 2014 terdapat 12 unsur pelayanan.",  # no term: counts anything
        "Realisasi anggaran sebesar Rp 23.594.861.370 dari pagu Rp 24.175.862.284.",
    ],
)
def test_a_true_or_untermed_number_is_not_reported(tmp_path, sentence):
    assert _prose(_with_sentence(tmp_path, LKJIP, "penutup", sentence)) == []


def test_the_suggested_placeholders_print_the_figures_they_name():
    c = load_document(LKJIP)
    f = figures_for(c)
    env = narrative_env({})
    context = narrative_context(c, f)
    checked = 0
    for a in angka_lkjip(c, f):
        if a.placeholder is None or a.ukuran in (
            "target",
            "realisasi",
        ):  # those print with their unit
            continue
        shown = env.from_string("{{ " + a.placeholder + " }}").render(context)
        assert shown == (rupiah(a.nilai) if a.jenis == "rupiah" else persen(a.nilai, tanda=True)), a
        checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "sentence, reported",
    [
        (
            "Rata-rata pertumbuhan anggaran sebesar 8,45% dan rata-rata pertumbuhan realisasi "
            "sebesar 7,49% per tahun.",
            False,
        ),
        (
            "Rata-rata pertumbuhan realisasi anggaran sebesar 5,33% per tahun.",
            "the text states 5,33%, the data give 7,49 (T-C.24 mean growth of realisasi): "
            "“Rata-rata pertumbuhan realisasi anggaran sebesar 5,33% per tahun.” | "
            "write {{ tc24.pertumbuhan_realisasi }} instead of the typed number",
        ),
    ],
    ids=["as-computed", "another-figure"],
)
def test_a_growth_sentence_is_read_against_t_c24s_growth(tmp_path, sentence, reported):
    """T-C.24's Total row prints the mean growth (8,45 / 7,49 in Magetan 2018-2023): a sentence
    quoting it is true; another figure is reported with the placeholder that prints it (a new
    PUPR user's true 5,33 % was once matched against an unrelated T-C.23 cell)."""
    found = _prose(_with_sentence(tmp_path, MAGETAN, "kinerja-pelayanan.akhir", sentence))
    assert found == ([reported] if reported else [])


def test_the_renstra_growth_placeholders_print_t_c24s_total_row():
    from laporgen.document.renstra import narrative_context as renstra_context

    c = load_document(MAGETAN)
    context = renstra_context(c, figures_for(c))
    env = narrative_env({})
    shown = env.from_string(
        "{{ tc24.pertumbuhan_anggaran }} {{ tc24.pertumbuhan_realisasi }}"
    ).render(context)
    assert shown == "8,45% 7,49%"


def _format_findings(doc: Path) -> list[tuple[int | None, str]]:
    return [
        (f.problem.line, f.problem.message)
        for f in check(doc)
        if f.problem.code == "narasi.format" and f.problem.file.endswith("penutup.md")
    ]


@pytest.mark.parametrize(
    "sentence, found",
    [
        (
            'Capaian IS2.1 sebesar {{ indikator["IS2.1"].capaian }}%.',
            '"{{ indikator["IS2.1"].capaian }}%" prints "%" twice',
        ),
        ("Rata-rata {{ rata_rata }} persen.", '"{{ rata_rata }} persen" prints "persen" twice'),
        ("Pagu Rp. {{ anggaran.pagu }}.", '"Rp. {{ anggaran.pagu }}" prints "Rp." twice'),
        ('Realisasi {{ indikator["IS2.1"].realisasi }} %.', 'prints "%" twice'),
        ("Ada {{ n_sasaran }} sasaran (100%).", None),
        ('Realisasi {{ program["P1"].realisasi }} dari pagu.', None),
        ("Sebanyak {{ pegawai.realisasi }} persen pegawai.", None),
    ],
    ids=["capaian-%", "rata-rata-persen", "rp-pagu", "realisasi-unit", "count", "rp-ok", "count-%"],
)
def test_a_unit_typed_beside_a_placeholder_that_prints_its_own(tmp_path, sentence, found):
    """A new user's "{{ indikator[…].capaian }}%" printed "115,00%%" without a word."""
    doc = _with_sentence(tmp_path, LKJIP, "penutup", sentence)
    messages = _format_findings(doc)
    if found is None:
        assert messages == []
    else:
        assert len(messages) == 1 and found in messages[0][1], messages
