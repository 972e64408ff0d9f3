from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.by_place import WIDTH, ByPlace
from annotator.core.suggestions import Suggestion

starts = st.integers(0, 4 * WIDTH)
items = st.builds(lambda s, n, label: Suggestion("d", s, s + n, label), starts, st.integers(1, 30),
                  st.sampled_from(["GPE", "ORG"]))


def _order(x):
    return x.start, x.end, x.label


@settings(max_examples=200, deadline=None)
@given(st.lists(items, max_size=80), st.lists(items, max_size=20), starts, st.integers(0, 2 * WIDTH),
       st.lists(items, max_size=10))
def test_by_place_agrees_with_a_sorted_list(first, added, low, width, fresh):
    places = ByPlace(first)
    places.add(added)
    plain = sorted(first + added, key=_order)
    assert list(places) == plain and len(places) == len(plain)
    high = low + width
    assert places.between(low, high) == [x for x in plain if low <= x.start < high]
    fresh = [x for x in fresh if low <= x.start < high]
    gone = places.replace(low, high, fresh)
    assert sorted(gone, key=_order) == [x for x in plain if low <= x.start < high]
    kept = [x for x in plain if not low <= x.start < high]
    assert list(places) == sorted(kept + fresh, key=_order) and len(places) == len(kept) + len(fresh)
    assert all(x in places for x in kept + fresh)
