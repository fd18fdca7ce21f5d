"""The diff's one classification rule and its doubt rule, by brute force over small days."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from consolidate.changes import uncertain_within

days = st.integers(min_value=0, max_value=40)


@given(days, days, days, days)
def test_may_have_changed_iff_some_but_not_every_possible_day_is_in_the_span(a: int, b: int, c: int,
                                                                            d: int) -> None:
    earliest, latest = sorted((a, b))
    lo, hi = sorted((c, d))
    possible = range(earliest, latest + 1)
    inside = [day for day in possible if lo < day <= hi]
    expected = earliest < latest and bool(inside) and len(inside) < len(possible)
    assert uncertain_within(earliest, latest, lo, hi) is expected
