"""The unit dictionary of `wajar.satuan` (issue 15 item 3; RENSTRA-SPEC C12: M-12, B-27)."""

from __future__ import annotations

import pytest

from laporgen.check.wajar import periode_tahun, satuan_mismatch


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
