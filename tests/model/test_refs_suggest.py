"""The id a wrong reference was probably meant to be (model/refs.py `ref.unknown`): only one id
that close, else none, so the hint never guesses between several."""

import pytest

from laporgen.model.refs import _close_id

IDS = {"IS1.1", "IS2.1", "IS3.1", "IS4.1", "IS5.1", "IS5.2", "IT1"}


@pytest.mark.parametrize(
    "ref, expected",
    [
        ("is5.2", "IS5.2"),  # another case
        ("IS52", "IS5.2"),  # a character dropped
        ("IS5.22", "IS5.2"),  # one added
        ("IS.52", "IS5.2"),  # two neighbours swapped
        ("IS5,2", "IS5.2"),  # a comma for the dot
        ("T1", "IT1"),  # a tujuan's id for its indicator's
        ("IS1.7", None),  # a digit for a digit: another number, not a typo
        ("IS9.9", None),  # two edits
        ("IS6.1", None),  # one edit from IS1.1, IS2.1, IS3.1, IS4.1 and IS5.1 alike
        ("Indeks Kepuasan", None),
    ],
)
def test_close_id(ref, expected):
    assert _close_id(ref, IDS) == expected
