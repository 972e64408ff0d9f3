from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.by_place import WIDTH, ByPlace
from annotator.core.suggestions import Suggestion

starts = st.integers(0, 4 * WIDTH)
items = st.builds(lambda s, n, label: Suggestion("d", s, s + n, label), starts, st.integers(1, 3 * WIDTH),
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
    assert places.overlapping(low, high) == [x for x in plain if x.start < high and x.end > low]
    gone = [x for x in plain if low <= x.start < high] + [x for x in fresh if x not in plain]  # not held: ignored
    places.remove(gone)
    kept = [x for x in plain if not low <= x.start < high]
    assert list(places) == kept and len(places) == len(kept)
    assert all(x in places for x in kept)
