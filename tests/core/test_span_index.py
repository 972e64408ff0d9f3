from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.core.span_index import LONG, SpanIndex


def _brute(spans: list[Span], start: int, end: int) -> list[str]:
    return sorted(s.id for s in spans if s.start < end and s.end > start)


places = st.tuples(st.integers(0, 2_000), st.integers(1, LONG * 3))


@settings(max_examples=150, deadline=None)
@given(st.lists(places, max_size=60), st.lists(st.integers(0, 59), max_size=20),
       st.lists(places, max_size=10), st.tuples(st.integers(0, 2_500), st.integers(0, 600)))
def test_span_index_finds_what_a_full_pass_finds_after_edits(first, removals, later, window):
    spans = [Span(f"T{n}", start, start + length, "GPE") for n, (start, length) in enumerate(first)]
    index = SpanIndex(spans)
    removed = [spans[i] for i in sorted(set(removals)) if i < len(spans)]
    added = [Span(f"N{n}", start, start + length, "ORG") for n, (start, length) in enumerate(later)]
    index.apply(removed, added)
    now = [s for s in spans if s not in removed] + added
    start, width = window
    assert sorted(s.id for s in index.overlapping(start, start + width)) == _brute(now, start, start + width)
    assert len(index) == len(now)


def test_span_index_results_come_by_start_with_long_spans_among_them():
    spans = [Span("T1", 500, 510, "GPE"), Span("T2", 0, 2_000, "CONTENT"), Span("T3", 100, 104, "PER")]
    assert [s.id for s in SpanIndex(spans).overlapping(0, 600)] == ["T2", "T3", "T1"]
    assert SpanIndex(spans).overlapping(2_000, 2_100) == []  # end exclusive
