"""Chance-corrected agreement coefficients over coded items, in plain Python.

Every measure returns a :class:`Coefficient`: the value, the observed and expected
(dis)agreement it came from, how many items it saw and, when the value is undefined
(no items, one category only), ``value=None`` with the reason. Nothing here returns
NaN, invents a 0 or a 1, or raises on such data; a ``ValueError`` means the caller
passed malformed input (sequences of different lengths, a ragged Fleiss table).

The streaming tallies (:class:`PairTable`, :class:`FleissTally`, :class:`AlphaTally`)
are what the project report uses: they take items in any number of batches, each item
with a weight, so identical items (the thousands of ``O`` tokens) are added once.
Arithmetic is on integers (and one ``Fraction`` for alpha) until the final division,
so results do not depend on the order items arrive in.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..errors import Phrase, joined

LEVELS = ("nominal", "ordinal", "interval", "ratio")


@dataclass(frozen=True)
class Coefficient:
    """A coefficient with what it was computed from.

    ``observed``/``expected`` are agreements (P_o, P_e) for the kappas and
    disagreements (D_o, D_e) for the alphas. ``items`` counts the items that entered
    the figure (pairable units for alpha). ``reason`` is set exactly when ``value`` is
    None.
    """

    value: float | None
    observed: float | None = None
    expected: float | None = None
    items: int = 0
    reason: str | None = None

    @classmethod
    def undefined(
        cls, reason: str, items: int = 0, **parts: float | None
    ) -> Coefficient:
        return cls(None, parts.get("observed"), parts.get("expected"), items, reason)


def _one_category(
    categories: Iterable[Hashable], items: int, what: str = "items"
) -> str:
    """Why chance agreement leaves nothing to correct; ``what``: "items", "subjects"
    or "pairable units"."""
    names = joined(sorted(str(c) for c in categories)) or Phrase("none")
    values = {"names": names, "count": items}
    if what == "subjects":
        return Phrase("only one category ({names}) occurs in {count} subjects: chance agreement is total", values)
    if what == "pairable units":
        return Phrase("only one category ({names}) occurs in {count} pairable units: chance agreement is total",
                      values)
    return Phrase("only one category ({names}) occurs in {count} items: chance agreement is total", values)


# --- Cohen's kappa -------------------------------------------------------------------
class PairTable:
    """Counts of ``(category_a, category_b)`` for two coders over the same items."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[Hashable, Hashable]] = Counter()

    def add(self, labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]) -> None:
        if len(labels_a) != len(labels_b):
            raise ValueError(
                f"the two coders rated different numbers of items "
                f"({len(labels_a)} and {len(labels_b)})"
            )
        self.counts.update(zip(labels_a, labels_b))

    def kappa(self) -> Coefficient:
        return cohen_kappa_from_pairs(self.counts)


def cohen_kappa(
    labels_a: Sequence[Hashable], labels_b: Sequence[Hashable]
) -> Coefficient:
    """Cohen's (1960) kappa of two coders; ``labels_a[i]`` and ``labels_b[i]`` rate item i.

    Equal to scikit-learn's ``cohen_kappa_score`` (unweighted) wherever that is defined.
    """
    table = PairTable()
    table.add(labels_a, labels_b)
    return table.kappa()


def cohen_kappa_from_pairs(
    pairs: Mapping[tuple[Hashable, Hashable], int],
) -> Coefficient:
    """Cohen's kappa from a contingency table ``{(category_a, category_b): count}``."""
    n = sum(pairs.values())
    if n == 0:
        return Coefficient.undefined(Phrase("no items were rated by both coders"))
    rows: Counter[Hashable] = Counter()
    cols: Counter[Hashable] = Counter()
    agree = 0
    for (a, b), count in pairs.items():
        rows[a] += count
        cols[b] += count
        if a == b:
            agree += count
    chance = sum(rows[c] * cols[c] for c in rows)  # P_e * n^2, exact
    p_o, p_e = agree / n, chance / (n * n)
    if chance == n * n:
        return Coefficient.undefined(
            _one_category(rows, n), n, observed=p_o, expected=p_e
        )
    value = (agree * n - chance) / (n * n - chance)
    return Coefficient(value, p_o, p_e, n)


# --- Fleiss' kappa -------------------------------------------------------------------
class FleissTally:
    """Fleiss' (1971) kappa, subject by subject; every subject has the same raters."""

    def __init__(self) -> None:
        self.raters: int | None = None
        self.subjects = 0
        self.sum_squares = 0  # sum over subjects of sum over categories of n_ij^2
        self.totals: Counter[Hashable] = Counter()  # ratings per category

    def add_counts(self, counts: Mapping[Hashable, int], weight: int = 1) -> None:
        """One subject (``weight`` identical ones): ``{category: raters who chose it}``."""
        raters = sum(counts.values())
        if self.raters is None:
            self.raters = raters
        elif raters != self.raters:
            raise ValueError(
                f"Fleiss' kappa needs the same number of ratings for every subject: "
                f"subject {self.subjects + 1} has {raters}, the ones before {self.raters}"
            )
        self.subjects += weight
        self.sum_squares += weight * sum(n * n for n in counts.values())
        for category, n in counts.items():
            if n:
                self.totals[category] += weight * n

    def add_ratings(self, ratings: Iterable[Hashable], weight: int = 1) -> None:
        """One subject given as the category each rater chose."""
        self.add_counts(Counter(ratings), weight)

    def kappa(self) -> Coefficient:
        n, subjects = self.raters or 0, self.subjects
        if subjects == 0:
            return Coefficient.undefined(Phrase("no subjects were rated by every rater"))
        if n < 2:
            return Coefficient.undefined(Phrase("fewer than two ratings per subject"), subjects)
        m = subjects * n  # all ratings
        q = sum(t * t for t in self.totals.values())  # P_e * m^2
        p_bar = (self.sum_squares - m) / (m * (n - 1))
        p_e = q / (m * m)
        if q == m * m:
            return Coefficient.undefined(
                _one_category(self.totals, subjects, "subjects"),
                subjects,
                observed=p_bar,
                expected=p_e,
            )
        # (P - P_e) / (1 - P_e), multiplied out to integers before the one division
        value = ((self.sum_squares - m) * m - q * (n - 1)) / ((m * m - q) * (n - 1))
        return Coefficient(value, p_bar, p_e, subjects)


def fleiss_kappa(table: Sequence[Sequence[int]]) -> Coefficient:
    """Fleiss' kappa from a subjects x categories table of counts (as statsmodels takes).

    Every row must sum to the same number of raters (``ValueError`` otherwise).
    """
    tally = FleissTally()
    for row in table:
        tally.add_counts(dict(enumerate(row)))
    return tally.kappa()


def fleiss_kappa_from_ratings(ratings: Sequence[Sequence[Hashable]]) -> Coefficient:
    """Fleiss' kappa from a subjects x raters table of the categories chosen."""
    tally = FleissTally()
    # identical subjects (most tokens are O for everyone) are added once, with a weight
    for subject, weight in Counter(map(tuple, ratings)).items():
        tally.add_ratings(subject, weight)
    return tally.kappa()


# --- Krippendorff's alpha ------------------------------------------------------------
class AlphaTally:
    """Krippendorff's alpha, nominal, unit by unit; coders may be missing from a unit.

    Units with fewer than two values are not pairable and add nothing (as in
    Krippendorff 2011). Observed disagreement is kept per unit size ``m`` as an integer
    and divided by ``m - 1`` only at the end, so the result is exact until the last
    division.
    """

    def __init__(self) -> None:
        self.values: Counter[Hashable] = Counter()  # n_c over pairable values
        self.units = 0
        self._disagreeing: Counter[int] = Counter()  # m -> sum of (m^2 - sum n_uc^2)

    def add_unit(self, values: Iterable[Hashable], weight: int = 1) -> None:
        """One unit (``weight`` identical ones): the values present, None already dropped."""
        counts = Counter(values)
        m = sum(counts.values())
        if m < 2:
            return
        self.units += weight
        self._disagreeing[m] += weight * (m * m - sum(n * n for n in counts.values()))
        for value, n in counts.items():
            self.values[value] += weight * n

    def alpha(self) -> Coefficient:
        n = sum(self.values.values())
        if n == 0:
            return Coefficient.undefined(Phrase("no unit was coded by two or more coders"))
        observed = sum(
            (Fraction(d, m - 1) for m, d in self._disagreeing.items()), Fraction(0)
        )  # sum over c != k of o_ck
        expected = n * n - sum(
            c * c for c in self.values.values()
        )  # sum c != k n_c n_k
        d_o = float(observed / n)
        if expected == 0:
            return Coefficient.undefined(
                _one_category(self.values, self.units, "pairable units"),
                self.units,
                observed=d_o,
                expected=0.0,
            )
        d_e = expected / (n * (n - 1))
        value = float(1 - (n - 1) * observed / expected)
        return Coefficient(value, d_o, d_e, self.units)


def krippendorff_alpha_nominal(
    reliability_data: Sequence[Sequence[Hashable | None]],
) -> Coefficient:
    """Nominal alpha of a coders x units table; ``None`` marks a missing value.

    The layout is the ``krippendorff`` package's ``reliability_data`` (one row per
    coder), with None where it takes NaN.
    """
    tally = AlphaTally()
    for column, weight in Counter(map(tuple, _units(reliability_data))).items():
        tally.add_unit(column, weight)  # identical units added once, with a weight
    return tally.alpha()


def krippendorff_alpha(
    reliability_data: Sequence[Sequence[Hashable | None]], level: str = "nominal"
) -> Coefficient:
    """Alpha at any level of measurement, from the coincidence matrix (Krippendorff 2011).

    ``ordinal`` needs values that sort; ``interval`` and ``ratio`` need numbers. For
    ``nominal`` this equals :func:`krippendorff_alpha_nominal` (which is faster).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level of measurement {level!r}; use one of {LEVELS}")
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    units = 0
    for column in _units(reliability_data):
        units += _add_coincidences(coincidences, column)
    totals: Counter[Hashable] = Counter()
    for (c, _), o in coincidences.items():
        totals[c] += o
    n = sum(totals.values())
    if n == 0:
        return Coefficient.undefined(Phrase("no unit was coded by two or more coders"))
    delta = _distance(level, totals)
    observed = sum(o * delta(c, k) for (c, k), o in coincidences.items()) / n
    expected = sum(
        totals[c] * totals[k] * delta(c, k) for c in totals for k in totals
    ) / (n * (n - 1))
    if expected == 0:
        return Coefficient.undefined(
            _one_category(totals, units, "pairable units"),
            units,
            observed=float(observed),
            expected=0.0,
        )
    return Coefficient(
        float(1 - observed / expected), float(observed), float(expected), units
    )


def _units(
    reliability_data: Sequence[Sequence[Hashable | None]],
) -> Iterable[list[Hashable]]:
    """Columns of a coders x units table, missing values dropped."""
    widths = {len(row) for row in reliability_data}
    if len(widths) > 1:
        raise ValueError(
            f"every coder's row must have the same length, not {sorted(widths)}"
        )
    for column in zip(*reliability_data):
        yield [v for v in column if v is not None]


def _add_coincidences(coincidences: Counter, values: list[Hashable]) -> int:
    """Add one unit's pairs to the coincidence matrix; 1 if the unit was pairable."""
    m = len(values)
    if m < 2:
        return 0
    counts = Counter(values)
    for c, n_c in counts.items():
        for k, n_k in counts.items():
            pairs = n_c * (n_k - 1) if c == k else n_c * n_k
            if pairs:
                coincidences[c, k] += Fraction(pairs, m - 1)
    return 1


def _distance(
    level: str, totals: Mapping[Hashable, Fraction]
) -> Callable[[Hashable, Hashable], Fraction]:
    """The squared difference function delta^2 of Krippendorff (2011) for ``level``."""
    if level == "nominal":
        return lambda c, k: Fraction(int(c != k))
    if level == "interval":
        return lambda c, k: Fraction(c - k) ** 2  # type: ignore[operator]
    if level == "ratio":
        return lambda c, k: (
            Fraction(c - k) ** 2 / Fraction(c + k) ** 2 if c + k else Fraction(0)
        )  # type: ignore[operator]
    # ordinal: the distance counts the values coded between c and k (their marginals)
    ordered = sorted(totals)
    cumulative = [Fraction(0)]
    for value in ordered:
        cumulative.append(cumulative[-1] + totals[value])

    def ordinal(c: Hashable, k: Hashable) -> Fraction:
        i, j = sorted((bisect_left(ordered, c), bisect_left(ordered, k)))
        between = cumulative[j + 1] - cumulative[i]
        return (between - (totals[c] + totals[k]) / 2) ** 2

    return ordinal
