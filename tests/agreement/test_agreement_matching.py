"""Span matching: exact, maximum one-to-one overlap, Hopcroft-Karp, counts."""

from __future__ import annotations

import itertools
import random

import pytest

from annotator.agreement import (
    Counts,
    exact_matching,
    maximum_matching,
    overlap_matching,
    span_counts,
    span_counts_by_label,
)


def brute_force_size(adjacency: list[list[int]], right: int) -> int:
    """The largest matching by trying every assignment (tiny graphs only)."""
    best = 0
    options = [[None, *edges] for edges in adjacency]
    for choice in itertools.product(*options):
        taken = [j for j in choice if j is not None]
        if len(taken) == len(set(taken)):
            best = max(best, len(taken))
    return best


@pytest.mark.parametrize("seed", range(60))
def test_matching_hopcroft_karp_is_maximum(seed):
    rng = random.Random(seed)
    left, right = rng.randint(0, 6), rng.randint(0, 6)
    adjacency = [
        sorted(rng.sample(range(right), rng.randint(0, right))) for _ in range(left)
    ]
    pairs = maximum_matching(adjacency, right)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert all(j in adjacency[i] for i, j in pairs)
    assert len(pairs) == brute_force_size(adjacency, right)


def test_matching_starts_from_the_initial_pairs_and_stays_maximum():
    # 0-0 given first; the maximum (2) must reroute it: 0-1, 1-0
    pairs = maximum_matching([[0, 1], [0]], 2, initial=[(0, 0)])
    assert pairs == [(0, 1), (1, 0)]


def test_matching_long_augmenting_path_needs_no_recursion():
    # a chain of 3000 spans, each overlapping the next: the augmenting path is long
    n = 3000
    a = [(10 * i, 10 * i + 15, "X") for i in range(n)]
    b = [(10 * i + 5, 10 * i + 12, "X") for i in range(n)]
    assert len(overlap_matching(a, b)) == n


def test_matching_nested_trap_in_any_order():
    a = [(0, 20, "GPE"), (25, 30, "GPE")]
    b = [(15, 28, "GPE"), (16, 18, "GPE")]
    for order_a in itertools.permutations(a):
        for order_b in itertools.permutations(b):
            assert span_counts(list(order_a), list(order_b), "overlap").f1 == 1.0


def test_matching_partial_overlap_matches_each_span_once():
    # one long span of A overlaps three of B: only one of them may match it
    a = [(0, 30, "ORG")]
    b = [(0, 5, "ORG"), (10, 15, "ORG"), (25, 40, "ORG")]
    pairs = overlap_matching(a, b)
    assert len(pairs) == 1
    counts = span_counts(a, b, "overlap")
    assert (counts.matched, counts.count_a, counts.count_b) == (1, 1, 3)
    assert counts.precision == pytest.approx(1 / 3) and counts.recall == 1.0
    assert counts.f1 == pytest.approx(2 / 4)


def test_matching_overlap_prefers_the_exact_partner():
    a = [(0, 10, "ORG")]
    b = [(2, 8, "ORG"), (0, 10, "ORG")]
    assert overlap_matching(a, b) == [(0, 1)]


def test_matching_needs_one_shared_character_and_the_same_label():
    a = [(0, 5, "ORG"), (10, 15, "PER")]
    b = [(5, 9, "ORG"), (14, 20, "ORG")]  # touching is not overlapping; label differs
    assert overlap_matching(a, b) == []
    assert overlap_matching(a, b, same_label=False) == [(1, 1)]


def test_matching_exact_pairs_duplicates_once_each():
    a = [(0, 5, "ORG"), (0, 5, "ORG"), (7, 9, "GPE")]
    b = [(0, 5, "ORG"), (7, 9, "LOC")]
    assert exact_matching(a, b) == [(0, 0)]


def test_matching_label_never_used_by_one_annotator_scores_zero_not_none():
    a = [(0, 5, "ORG"), (10, 15, "TIME")]
    b = [(0, 5, "ORG")]
    by_label = span_counts_by_label(a, b, "exact")
    assert by_label["TIME"] == Counts(0, 1, 0)
    assert by_label["TIME"].f1 == 0.0  # a real disagreement: A marked it, B never did
    assert by_label["TIME"].precision is None and by_label["TIME"].recall == 0.0
    assert by_label["ORG"].f1 == 1.0


def test_matching_counts_undefined_when_nothing_marked():
    counts = span_counts([], [], "overlap")
    assert counts.f1 is None and counts.precision is None and counts.recall is None


def test_matching_counts_add_up():
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_matching_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="unknown matching mode"):
        span_counts([], [], "fuzzy")


@pytest.mark.parametrize("seed", range(40))
def test_matching_overlap_equals_matching_over_every_overlapping_pair(seed):
    """The sweep that finds overlapping spans misses no edge and adds none."""
    rng = random.Random(seed)

    def spans(n: int) -> list[tuple[int, int, str]]:
        found = []
        for _ in range(n):
            start = rng.randint(0, 60)
            found.append((start, start + rng.randint(0, 15), rng.choice("AB")))
        return found

    a, b = spans(rng.randint(0, 12)), spans(rng.randint(0, 12))
    adjacency = [
        [
            j
            for j, (s, e, lab) in enumerate(b)
            if lab == label and max(start, s) < min(end, e)
        ]
        for start, end, label in a
    ]
    assert len(overlap_matching(a, b)) == len(maximum_matching(adjacency, len(b)))
    for i, j in overlap_matching(a, b):
        assert j in adjacency[i]
