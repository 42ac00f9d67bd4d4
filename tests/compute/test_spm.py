"""The SPM's figures (compute/spm.py) for any input: a breakdown's total is the sum of its
numbers, whatever notes sit among them; a capaian is realisasi / target x 100, 100 where they are
equal, and none where either is a note."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from laporgen.compute.spm import rincian_figures, spm_figures
from laporgen.model.spm import Rincian, Spm

YEARS = st.sampled_from([2022, 2023, 2024])
NUMBERS = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
VALUES = st.one_of(NUMBERS, st.sampled_from(["N.a", {"teks": "belum didata"}]))


@given(st.lists(st.dictionaries(YEARS, VALUES, min_size=1), min_size=1, max_size=8))
def test_a_total_sums_the_numbers_and_never_a_note(rows):
    r = Rincian(
        id="r",
        judul="Rincian",
        baris=[{"kategori": f"K{n}", "nilai": nilai} for n, nilai in enumerate(rows)],
    )
    f = rincian_figures(r)
    assert f.tahun == tuple(sorted({y for row in rows for y in row}))
    for year in f.tahun:
        numbers = [v for row in rows if isinstance(v := row.get(year), Decimal)]
        assert f.jumlah[year] == (sum(numbers, Decimal(0)) if numbers else None)


def _spm(target, realisasi) -> Spm:
    return Spm(
        jenis=[
            {
                "nama": "Jenis",
                "indikator": [
                    {"nama": "I", "tahun": {2024: {"target": target, "realisasi": realisasi}}}
                ],
            }
        ]
    )


@given(st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2))
def test_realisasi_equal_to_target_is_100(value):
    (t,) = spm_figures(_spm(value, value)).jenis[0].indikator[0].tahun.values()
    assert t.capaian == 100


@given(NUMBERS.filter(lambda d: d > 0), NUMBERS)
def test_capaian_is_realisasi_over_target(target, realisasi):
    (t,) = spm_figures(_spm(target, realisasi)).jenis[0].indikator[0].tahun.values()
    assert t.capaian == realisasi / target * 100


@given(
    st.sampled_from([("N.a", "N.a"), ({"teks": "belum ada target"}, "belum ada target")]), NUMBERS
)
def test_a_note_gives_no_capaian_and_is_kept_as_written(note, realisasi):
    written, shown = note
    for target, real in ((written, realisasi), (realisasi, written)):
        (t,) = spm_figures(_spm(target, real)).jenis[0].indikator[0].tahun.values()
        assert t.capaian is None and shown in (str(t.target), str(t.realisasi))
