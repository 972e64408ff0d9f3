"""Krippendorff's unitizing alpha (alpha_U), as DKPro Agreement and INCEpTION compute it.

A study is one continuum ``[begin, end)`` (for us: a document's characters, code
points), the raters who worked on it, and their units ``(start, end, rater, category)``.
Per category (Krippendorff 1995, 2004; DKPro's ``KrippendorffAlphaUnitizingAgreement``):

* each rater's continuum is cut into that rater's units and the gaps between them;
* observed disagreement D_o sums, over every pair of raters and every pair of
  intersecting segments, the squared differences of the two beginnings and the two
  ends when both are units, or the unit's squared length when a unit lies wholly
  inside the other rater's gap; then ``D_o = 2 * sum / (R (R - 1) L^2)``;
* expected disagreement D_e considers every unitization with the observed units and
  gaps (DKPro's formula, with the sum over gaps at least as long as a unit);
* ``alpha_c = 1 - D_o / D_e``.

The study's alpha is ``1 - mean_c D_o / mean_c D_e`` over the categories that occur
(the same as ``1 - sum D_o / sum D_e``). A rater who marked nothing is a rater with
one gap as long as the continuum: that gives a negative alpha, not 0. Undefined
cases (no units at all; D_e = 0) give ``value=None`` with a reason.

DKPro requires that one rater's units of one category do not overlap. Like INCEpTION
before it calls DKPro, units are taken in document order (start ascending, longer
first) and a unit is left out when it overlaps an earlier unit of the same rater and
category, kept or left out (INCEpTION's "active annotations"). Sums are Python
integers, divided once at the end.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from ..errors import Phrase
from .measures import Coefficient

Unit = tuple[int, int, Hashable, Hashable]  # (start, end, rater, category)
Segment = tuple[int, int, bool]  # (start, end, is_unit)


@dataclass(frozen=True)
class UnitizingResult:
    """alpha_U of one study: ``overall`` and ``categories[c]`` (value, D_o, D_e)."""

    overall: Coefficient
    categories: dict[Hashable, Coefficient] = field(default_factory=dict)
    dropped: int = 0  # overlapping units left out (see the module docstring)


def unitizing_alpha(
    units: Iterable[Unit], raters: Sequence[Hashable], begin: int, end: int
) -> UnitizingResult:
    """alpha_U of the units on the continuum ``[begin, end)``, per category and overall.

    ``raters`` lists every rater of the study, including those who marked nothing.
    A unit of an unknown rater, or outside the continuum, is a ``ValueError``; empty
    units (``start >= end``) are ignored.
    """
    if len(set(raters)) < 2:
        raise ValueError("unitizing alpha needs at least two raters")
    grouped, dropped = _group(units, set(raters), begin, end)
    if not grouped:
        return UnitizingResult(Coefficient.undefined(Phrase("no rater marked any unit")))
    categories = {
        category: _category_alpha(by_rater, raters, begin, end)
        for category, by_rater in grouped.items()
    }
    return UnitizingResult(_overall(categories), categories, dropped)


def _group(
    units: Iterable[Unit], raters: set[Hashable], begin: int, end: int
) -> tuple[dict[Hashable, dict[Hashable, list[tuple[int, int]]]], int]:
    """``{category: {rater: sorted non-overlapping (start, end)}}`` and the count left out."""
    collected: dict[Hashable, dict[Hashable, list[tuple[int, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for start, stop, rater, category in units:
        if rater not in raters:
            raise ValueError(
                f"unit ({start}, {stop}) names rater {rater!r}, not in the study"
            )
        if start < begin or stop > end:
            raise ValueError(
                f"unit ({start}, {stop}) lies outside the continuum [{begin}, {end})"
            )
        if start < stop:
            collected[category][rater].append((start, stop))
    dropped = 0
    for by_rater in collected.values():
        for rater, spans in by_rater.items():
            by_rater[rater] = kept = _without_overlaps(spans)
            dropped += len(spans) - len(kept)
    return collected, dropped


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """INCEpTION's rule: in document order, skip a unit overlapping any earlier one."""
    kept = []
    reach = None  # the furthest end of every unit seen, kept or not
    for start, stop in sorted(spans, key=lambda s: (s[0], -s[1])):
        if reach is None or start >= reach:
            kept.append((start, stop))
        reach = stop if reach is None else max(reach, stop)
    return kept


def _overall(categories: dict[Hashable, Coefficient]) -> Coefficient:
    observed = sum(c.observed or 0.0 for c in categories.values()) / len(categories)
    expected = sum(c.expected or 0.0 for c in categories.values()) / len(categories)
    if expected == 0:
        return Coefficient.undefined(
            Phrase("expected disagreement is 0 in every category"),
            observed=observed,
            expected=0.0,
        )
    return Coefficient(1 - observed / expected, observed, expected, len(categories))


def _category_alpha(
    by_rater: dict[Hashable, list[tuple[int, int]]],
    raters: Sequence[Hashable],
    begin: int,
    end: int,
) -> Coefficient:
    segments = [_segments(by_rater.get(r, []), begin, end) for r in raters]
    length, count = end - begin, len(raters)
    disagreement = sum(
        _pair_disagreement(segments[i], segments[j])
        for i in range(count)
        for j in range(i + 1, count)
    )
    d_o = 2 * disagreement / (count * (count - 1) * length * length)
    units = [u for spans in by_rater.values() for u in spans]
    gaps = [s[1] - s[0] for rater in segments for s in rater if not s[2]]
    d_e = _expected(units, gaps, count, length)
    if d_e == 0:
        return Coefficient.undefined(
            Phrase("expected disagreement is 0 (no unitization could differ)"),
            len(units),
            observed=d_o,
            expected=0.0,
        )
    return Coefficient(1 - d_o / d_e, d_o, d_e, len(units))


def _segments(units: list[tuple[int, int]], begin: int, end: int) -> list[Segment]:
    """One rater's continuum as alternating gaps and units, covering ``[begin, end)``."""
    segments: list[Segment] = []
    position = begin
    for start, stop in units:
        if start > position:
            segments.append((position, start, False))
        segments.append((start, stop, True))
        position = stop
    if position < end:
        segments.append((position, end, False))
    return segments


def _pair_disagreement(first: list[Segment], second: list[Segment]) -> int:
    """Sum of DKPro's distance over every pair of intersecting segments of two raters."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        total += _distance(first[i], second[j])
        if first[i][1] < second[j][1]:
            i += 1
        elif first[i][1] > second[j][1]:
            j += 1
        else:
            i, j = i + 1, j + 1
    return total


def _distance(one: Segment, other: Segment) -> int:
    (start1, end1, unit1), (start2, end2, unit2) = one, other
    if unit1 and unit2:  # the walk only meets intersecting segments
        return (start1 - start2) ** 2 + (end1 - end2) ** 2
    if unit1 and not unit2 and start2 <= start1 and end1 <= end2:
        return (end1 - start1) ** 2
    if unit2 and not unit1 and start1 <= start2 and end2 <= end1:
        return (end2 - start2) ** 2
    return 0


def _expected(
    units: list[tuple[int, int]], gaps: list[int], raters: int, length: int
) -> float:
    """DKPro's D_e for one category: ``units`` of every rater, ``gaps`` of every rater."""
    count = len(units)
    gaps = sorted(gaps)
    tail = list(accumulate(reversed(gaps)))[::-1] + [0]  # tail[i] = sum(gaps[i:])
    squared_lengths = 0
    total = 0
    for start, stop in units:
        size = stop - start
        squared_lengths += size * (size - 1)
        # (N_c - 1) (2l^3 - 3l^2 + l) / 3 = (N_c - 1) l (l - 1) (2l - 1) / 3, an integer
        total += (count - 1) * size * (size - 1) * (2 * size - 1) // 3
        first = bisect_left(gaps, size)  # gaps at least as long as the unit
        total += size * size * (tail[first] - (len(gaps) - first) * (size - 1))
    denominator = length * (raters * length * (raters * length - 1) - squared_lengths)
    return 2 * total / denominator
