"""Matching two annotators' spans: exact, and maximum one-to-one by overlap.

Spans are ``(start, end, label)`` tuples (code points, end exclusive). A match pairs
one span of annotator A with one of annotator B, each used at most once.

* exact: same start, end and label;
* overlap: the *maximum* matching in the bipartite graph whose edges join spans that
  share at least one character (and, by default, have the same label). A first-come
  pass is wrong: when one annotator's spans nest, taking the first overlapping partner
  can leave a span unmatched that a different choice would have matched
  (AGREEMENT.md; the "nested trap" in known-answers.json).

The maximum matching is Hopcroft-Karp, started from the exact pairs: an exact pair
is re-paired only on a shortest augmenting path, that is only when that makes the
matching larger and no path around it does so as briefly. Span counts are the same for
every maximum matching; which one is returned decides within which matched triggers or
attributions arguments and parts are compared.

The confusion matrix pairs spans of any labels (:func:`confusion_matching`): first the
same-label overlap matching above, kept as it is (so the matrix's diagonal holds, label
by label, exactly the spans overlap F1 matched); then, among the spans left, a maximum
matching of overlapping spans, started from those at the same offsets and then from the
largest overlaps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

CharSpan = tuple[int, int, str]
Pair = tuple[int, int]
MODES = ("exact", "overlap")
A = TypeVar("A")
B = TypeVar("B")


@dataclass(frozen=True)
class Counts:
    """Matched items and the items each side marked; precision/recall with A as reference."""

    matched: int = 0
    count_a: int = 0
    count_b: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.matched + other.matched,
            self.count_a + other.count_a,
            self.count_b + other.count_b,
        )

    @property
    def precision(self) -> float | None:
        """Matched share of B's items; None when B marked nothing."""
        return self.matched / self.count_b if self.count_b else None

    @property
    def recall(self) -> float | None:
        """Matched share of A's items; None when A marked nothing."""
        return self.matched / self.count_a if self.count_a else None

    @property
    def f1(self) -> float | None:
        """``2 matched / (n_a + n_b)``; None when neither side marked anything."""
        total = self.count_a + self.count_b
        return 2 * self.matched / total if total else None


# --- span matching -------------------------------------------------------------------
def exact_matching(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan]
) -> list[Pair]:
    """Index pairs of identical spans; duplicates pair up in order, once each."""
    waiting: dict[CharSpan, list[int]] = defaultdict(list)
    for j in reversed(range(len(spans_b))):
        waiting[tuple(spans_b[j])].append(j)  # type: ignore[arg-type]
    pairs = []
    for i, span in enumerate(spans_a):
        candidates = waiting.get(tuple(span))  # type: ignore[arg-type]
        if candidates:
            pairs.append((i, candidates.pop()))
    return pairs


def overlap_matching(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan], *, same_label: bool = True
) -> list[Pair]:
    """A maximum one-to-one matching of spans sharing a character (and label, by default).

    With ``same_label=False`` labels are ignored; pairs with the same offsets are then
    preferred, same label first. (The confusion matrix does not use it: a maximum
    matching that ignores labels may trade two same-label pairs for two confusions;
    see :func:`confusion_matching`.)
    """
    if same_label:
        return _per_label(spans_a, spans_b)
    initial = exact_matching(spans_a, spans_b)
    taken_a, taken_b = {i for i, _ in initial}, {j for _, j in initial}
    rest_a = [i for i in range(len(spans_a)) if i not in taken_a]
    rest_b = [j for j in range(len(spans_b)) if j not in taken_b]
    unlabelled = exact_matching(
        [(*spans_a[i][:2], "") for i in rest_a], [(*spans_b[j][:2], "") for j in rest_b]
    )
    initial += [(rest_a[i], rest_b[j]) for i, j in unlabelled]
    return maximum_matching(_overlap_edges(spans_a, spans_b), len(spans_b), initial)


def confusion_matching(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan]
) -> list[Pair]:
    """The pairs the confusion matrix counts: one-to-one, labels compared afterwards.

    1. Same label: the overlap matching of span F1 (exact pairs first), so the
       diagonal holds, label by label, the spans overlap F1 matched; these pairs
       are final.
    2. Different labels, among the spans step 1 left: a maximum matching of those
       sharing a character, started from the pairs at the same offsets and then from
       the largest overlaps; a starting pair is given up only when that pairs more.

    A span paired by neither counts against "none" in the matrix.
    """
    pairs = _per_label(spans_a, spans_b)
    rest_a = _unpaired(len(spans_a), (i for i, _ in pairs))
    rest_b = _unpaired(len(spans_b), (j for _, j in pairs))
    sub_a = [spans_a[i] for i in rest_a]
    sub_b = [spans_b[j] for j in rest_b]
    pairs += [(rest_a[i], rest_b[j]) for i, j in _relabel_matching(sub_a, sub_b)]
    return sorted(pairs)


def _unpaired(size: int, paired: Iterable[int]) -> list[int]:
    taken = set(paired)
    return [index for index in range(size) if index not in taken]


def _relabel_matching(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan]
) -> list[Pair]:
    """Step 2 of :func:`confusion_matching` (no two same-label spans left overlap)."""
    same_offsets = exact_matching(
        [(*s[:2], "") for s in spans_a], [(*s[:2], "") for s in spans_b]
    )
    edges = _overlap_edges(spans_a, spans_b)
    taken_a, taken_b = {i for i, _ in same_offsets}, {j for _, j in same_offsets}
    by_overlap = sorted(
        ((i, j) for i, row in enumerate(edges) for j in row),
        key=lambda p: (-_shared(spans_a[p[0]], spans_b[p[1]]), p),
    )
    start = list(same_offsets)
    for i, j in by_overlap:
        if i not in taken_a and j not in taken_b:
            start.append((i, j))
            taken_a.add(i)
            taken_b.add(j)
    return maximum_matching(edges, len(spans_b), start)


def _shared(one: CharSpan, other: CharSpan) -> int:
    """Characters two spans have in common."""
    return min(one[1], other[1]) - max(one[0], other[0])


def _per_label(spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan]) -> list[Pair]:
    """Label by label (edges never cross labels), mapped back to the input indices."""
    groups_a, groups_b = _by_label(spans_a), _by_label(spans_b)
    pairs: list[Pair] = []
    for label, index_a in groups_a.items():
        index_b = groups_b.get(label)
        if not index_b:
            continue
        sub_a = [spans_a[i] for i in index_a]
        sub_b = [spans_b[j] for j in index_b]
        found = maximum_matching(
            _overlap_edges(sub_a, sub_b), len(sub_b), exact_matching(sub_a, sub_b)
        )
        pairs.extend((index_a[i], index_b[j]) for i, j in found)
    return sorted(pairs)


def _by_label(spans: Sequence[CharSpan]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, span in enumerate(spans):
        groups[span[2]].append(index)
    return groups


def _overlap_edges(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan]
) -> list[list[int]]:
    """For each span of A, the indices of B's spans sharing at least one character.

    A sweep in order of start: B spans enter once they start before an A span ends and
    leave once they end before an A span starts, so each A span looks only at the B
    spans around it, not at all of them.
    """
    order_b = sorted(range(len(spans_b)), key=lambda j: spans_b[j][0])
    edges: list[list[int]] = [[] for _ in spans_a]
    active: list[int] = []
    entered = 0
    for i in sorted(range(len(spans_a)), key=lambda i: spans_a[i][0]):
        start, end, _ = spans_a[i]
        if start >= end:  # an empty span shares no character with anything
            continue
        while entered < len(order_b) and spans_b[order_b[entered]][0] < end:
            active.append(order_b[entered])
            entered += 1
        active = [
            j for j in active if spans_b[j][1] > start
        ]  # later A spans start later
        edges[i] = sorted(
            j for j in active if spans_b[j][0] < end and spans_b[j][0] < spans_b[j][1]
        )
    return edges


def matching(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan], mode: str
) -> list[Pair]:
    """``exact_matching`` or ``overlap_matching`` (same label) by name."""
    if mode == "exact":
        return exact_matching(spans_a, spans_b)
    if mode == "overlap":
        return overlap_matching(spans_a, spans_b)
    raise ValueError(f"unknown matching mode {mode!r}; use one of {MODES}")


def span_counts(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan], mode: str
) -> Counts:
    """Matched spans and both totals under ``mode`` (``exact`` or ``overlap``)."""
    return Counts(len(matching(spans_a, spans_b, mode)), len(spans_a), len(spans_b))


def span_counts_by_label(
    spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan], mode: str
) -> dict[str, Counts]:
    """:func:`span_counts` per label, for every label either side used."""
    groups_a, groups_b = _by_label(spans_a), _by_label(spans_b)
    counts = {}
    for label in sorted(groups_a.keys() | groups_b.keys()):
        sub_a = [spans_a[i] for i in groups_a.get(label, [])]
        sub_b = [spans_b[j] for j in groups_b.get(label, [])]
        counts[label] = span_counts(sub_a, sub_b, mode)
    return counts


def same_place(one: tuple[int, int], other: tuple[int, int], mode: str) -> bool:
    """Two ``(start, end)`` places match: equal (exact) or sharing a character (overlap)."""
    if mode == "exact":
        return one[0] == other[0] and one[1] == other[1]
    return one[0] < other[1] and other[0] < one[1]


def match_items(
    items_a: Sequence[A], items_b: Sequence[B], edge: Callable[[A, B], bool]
) -> list[Pair]:
    """A maximum one-to-one matching under any predicate (small inputs: O(n m) tests)."""
    adjacency = [[j for j, b in enumerate(items_b) if edge(a, b)] for a in items_a]
    return maximum_matching(adjacency, len(items_b))


# --- Hopcroft-Karp -------------------------------------------------------------------
def maximum_matching(
    adjacency: Sequence[Sequence[int]], right: int, initial: Iterable[Pair] = ()
) -> list[Pair]:
    """A maximum matching of a bipartite graph, as sorted ``(left, right)`` index pairs.

    ``adjacency[i]`` lists the right vertices joined to left vertex ``i``; ``initial``
    is a matching to start from (its pairs must be edges and disjoint). Hopcroft-Karp:
    O(E sqrt(V)), with an iterative search, so no recursion limit is reached.
    """
    state = _Matcher(adjacency, right)
    for i, j in initial:
        state.match_left[i], state.match_right[j] = j, i
    while state.layer():
        for root in range(len(adjacency)):
            if state.match_left[root] == -1:
                state.augment(root)
    return [(i, j) for i, j in enumerate(state.match_left) if j != -1]


class _Matcher:
    def __init__(self, adjacency: Sequence[Sequence[int]], right: int) -> None:
        self.adjacency = adjacency
        self.match_left = [-1] * len(adjacency)
        self.match_right = [-1] * right
        self.depth: list[float] = []
        self.next_edge: list[int] = []
        self.limit = float("inf")  # depth of the left vertices next to a free right one

    def layer(self) -> bool:
        """Breadth-first layers from the free left vertices, up to the first layer that
        reaches a free right vertex (its depth is ``limit``); True if one is reached.

        Only the shortest augmenting paths are then taken (as Hopcroft-Karp has it):
        a longer one would re-pair matched spans for nothing, breaking exact pairs
        the matching was started from.
        """
        infinity = float("inf")
        self.depth = [0 if j == -1 else infinity for j in self.match_left]
        self.next_edge = [0] * len(self.adjacency)
        self.limit = infinity
        queue = [i for i, j in enumerate(self.match_left) if j == -1]
        for u in queue:  # the list grows while it is read: a queue without popping
            if self.depth[u] >= self.limit:
                break  # the queue is in order of depth: the rest is deeper still
            for v in self.adjacency[u]:
                w = self.match_right[v]
                if w == -1:
                    self.limit = self.depth[u]
                elif self.depth[w] == infinity:
                    self.depth[w] = self.depth[u] + 1
                    queue.append(w)
        return self.limit != infinity

    def augment(self, root: int) -> bool:
        """Depth-first along the layers from ``root``; flip the path if it ends free."""
        stack, path = [root], []  # path[k]: the right vertex taken from stack[k]
        while stack:
            u = stack[-1]
            edges = self.adjacency[u]
            while self.next_edge[u] < len(edges):
                v = edges[self.next_edge[u]]
                self.next_edge[u] += 1
                w = self.match_right[v]
                if w == -1 and self.depth[u] == self.limit:
                    path.append(v)
                    for left, right in zip(stack, path):
                        self.match_left[left], self.match_right[right] = right, left
                    return True
                if w != -1 and self.depth[w] == self.depth[u] + 1 <= self.limit:
                    path.append(v)
                    stack.append(w)
                    break
            else:
                self.depth[u] = float("inf")  # a dead end for the rest of this phase
                stack.pop()
                if path:
                    path.pop()
        return False
