"""The unit dictionary of `wajar.satuan` (issue 15 item 3; RENSTRA-SPEC C12: M-12, B-27)."""

from __future__ import annotations

import pytest

from laporgen.check.wajar import arah_mismatch, periode_tahun, satuan_mismatch


@pytest.mark.parametrize(
    "nama, satuan, why",
    [
        (
            "Jumlah Dokumen Perencanaan",
            "Orang",
            "'Jumlah Dokumen Perencanaan' counts dokumen, the unit is 'Orang'",
        ),
        (
            "Persentase Penyelenggara Pengelolaan Sumber",
            "penyelenggara",
            "a percentage ('Persentase Penyelenggara Pengelolaan Sumber') in 'penyelenggara'",
        ),
        (
            "Jumlah PMKS khususnya Korban Bencana",
            "%",
            "a count ('Jumlah PMKS khususnya Korban Bencana') in '%'",
        ),
        (
            "Jumlah keluarga miskin yang mendapatkan bantuan",
            "orang",
            "'Jumlah keluarga miskin yang mendapatkan bantuan' counts keluarga, the unit is 'orang'",
        ),
        ("Jumlah Laporan Evaluasi Kinerja", "dokumen", None),  # a laporan is a dokumen
        ("Jumlah Kegiatan yang Terselenggara", "Kali", None),
        ("Jumlah kelompok rentan yang ditangani", "orang", None),  # kelompok rentan are people
        ("Persentase PPKS yang Mendapatkan Pelayanan", "persen", None),
        ("Nilai SAKIP Dinas Sosial", "Angka", None),
        ("Jumlah PPKS yang mendapat bantuan", "Orang", None),
    ],
)
def test_unit_fits_the_indicator_name(nama, satuan, why):
    assert satuan_mismatch(nama, satuan) == why


@pytest.mark.parametrize(
    "periode, years",
    [
        ("2021-2026", (2021, 2026)),
        ("2023-2018", (2023, 2018)),
        ("2021 – 2026", (2021, 2026)),
        ("tahun 2021", None),
    ],
)
def test_periode_read_as_two_years(periode, years):
    assert periode_tahun(periode) == years


@pytest.mark.parametrize(
    "nama, arah, why",
    [
        ("Angka Kemiskinan", "positif", "it measures the level of kemiskinan, which should fall"),
        (
            "Persentase Penduduk Miskin",
            "positif",
            "it measures the level of penduduk miskin, which should fall",
        ),
        ("Jumlah PMKS", "positif", "it measures the level of pmks, which should fall"),
        (
            "Menurunnya angka PMKS",
            "positif",
            "the name says 'menurunnya': what it measures should fall",
        ),
        (
            "Persentase penurunan angka PMKS",
            "negatif",
            "it measures a penurunan (a decrease): a larger one is better",
        ),
        ("Angka Kemiskinan", "negatif", None),  # Magetan's M18-IT1, rightly negatif
        (
            "Persentase penurunan angka PMKS",
            "positif",
            None,
        ),  # Blitar's IT1: "a larger decrease is better"
        ("Persentase PMKS yang ditangani", "positif", None),  # what is done about them
        ("Jumlah keluarga miskin yang mendapatkan bantuan", "positif", None),
        ("Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial", "positif", None),
        ("Indeks Kedalaman Kemiskinan", "positif", None),  # not one of the patterns: no guess
    ],
)
def test_an_indicator_name_that_reads_the_other_way_from_its_arah(nama, arah, why):
    assert arah_mismatch(nama, arah) == why


def _findings(folder, code: str) -> list[tuple[int | None, str]]:
    from laporgen.build import check

    return [(f.problem.line, f.problem.message) for f in check(folder) if f.problem.code == code]


def test_check_warns_when_a_lower_is_better_name_has_arah_positif(example_copy):
    rencana = example_copy.parent / "renstra-2024-2026" / "rencana.yaml"
    text = rencana.read_text(encoding="utf-8")
    rencana.write_text(
        text.replace(
            "nama: Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial",
            "nama: Angka Kemiskinan",
        ),
        encoding="utf-8",
    )
    assert _findings(example_copy, "wajar.arah") == [
        (
            133,  # the `arah: positif` line
            "IS2.1: 'Angka Kemiskinan' reads the other way from arah: positif: "
            "it measures the level of kemiskinan, which should fall",
        )
    ]
    rencana.write_text(
        text.replace(
            "nama: Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial\n"
            "            satuan: persen\n            arah: positif",
            "nama: Angka Kemiskinan\n            satuan: persen\n            arah: negatif",
        ),
        encoding="utf-8",
    )
    assert _findings(example_copy, "wajar.arah") == []


@pytest.mark.parametrize("arah", ["positif", "negatif"])
def test_a_target_of_zero_is_plausible_for_a_lower_is_better_indicator(example_copy, arah):
    rencana = example_copy.parent / "renstra-2024-2026" / "rencana.yaml"
    rencana.write_text(
        rencana.read_text(encoding="utf-8").replace(
            "            arah: positif\n            iku: true\n            target: {2024: 0.28,",
            f"            arah: {arah}\n            iku: true\n            target: {{2024: 0,",
        ),
        encoding="utf-8",
    )
    kinerja = example_copy / "kinerja.yaml"
    kinerja.write_text(
        kinerja.read_text(encoding="utf-8").replace("nilai: 0.259", "nilai: 0"), encoding="utf-8"
    )
    found = [m for _, m in _findings(example_copy, "wajar.target")]
    if arah == "positif":
        assert found == [
            "IS2.1 2024: target 0; capaian is a ratio to it (shown as 100 only by convention)"
        ]
    else:  # "no cases of …": zero is the target a lower-is-better indicator aims at
        assert found == []


def test_an_lkjip_without_iku_prints_nihil_and_check_notes_it(example_copy):
    from laporgen.build import document_for
    from laporgen.document.nodes import Table
    from laporgen.document.table_layout import cell_text
    from laporgen.document.numbering import walk
    from laporgen.jenis import load_document

    rencana = example_copy.parent / "renstra-2024-2026" / "rencana.yaml"
    rencana.write_text(
        rencana.read_text(encoding="utf-8").replace("iku: true", "iku: false"), encoding="utf-8"
    )
    document = document_for(load_document(example_copy), charts=False)
    iku = [b for b in walk(document.body) if isinstance(b, Table) and b.id == "iku"]
    assert len(iku) == 2  # BAB II and the Lampiran
    for t in iku:  # one row across the table (the empty columns are left out of the print)
        assert [[(c.colspan, cell_text(c)) for c in row] for row in t.body] == [
            [(len(t.columns), "NIHIL")]
        ]
    ((line, message),) = _findings(example_copy, "iku.kosong")
    assert message == "no indicator is marked iku: true: the IKU table prints NIHIL"
