"""Our coefficients equal the reference packages' to 1e-9 on seeded random data.

scikit-learn, statsmodels and krippendorff are test dependencies only: the product
computes everything itself. Each reference returns NaN or raises where a measure is
undefined; our functions return None with a reason there instead (tested too).
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from annotator.agreement import (
    cohen_kappa,
    fleiss_kappa,
    fleiss_kappa_from_ratings,
    krippendorff_alpha,
    krippendorff_alpha_nominal,
)

krippendorff = pytest.importorskip("krippendorff")
sklearn_metrics = pytest.importorskip("sklearn.metrics")
inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")

# The references warn (NaN, a single label) on the undefined cases we compare on purpose.
pytestmark = [
    pytest.mark.filterwarnings("ignore::RuntimeWarning"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]

SIZES = [(2, 5), (3, 40), (5, 300), (12, 2000)]  # (categories, items)


def reference(compute, *args, **kwargs) -> float | None:
    """The reference's value, None where it gives NaN or raises (undefined data)."""
    try:
        value = float(compute(*args, **kwargs))
    except ValueError:
        return None
    return None if np.isnan(value) else value


def same(ours, theirs: float | None) -> None:
    """Equal to 1e-9, or both undefined (ours then says why)."""
    if theirs is None:
        assert ours.value is None and ours.reason
    else:
        assert ours.value == pytest.approx(theirs, abs=1e-9)


def skewed(rng: random.Random, categories: list, items: int) -> list:
    """Labels with a skew like tokens' (mostly the first category)."""
    weights = [len(categories) * 3] + [1] * (len(categories) - 1)
    return rng.choices(categories, weights=weights, k=items)


def noisy_copy(
    rng: random.Random, labels: list, categories: list, noise: float
) -> list:
    return [rng.choice(categories) if rng.random() < noise else x for x in labels]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("size", SIZES, ids=[f"{c}cat-{n}" for c, n in SIZES])
def test_agreement_cohen_matches_sklearn(seed, size):
    rng = random.Random(seed * 7919 + size[1])
    categories = [f"L{i}" for i in range(size[0])]
    a = skewed(rng, categories, size[1])
    b = noisy_copy(rng, a, categories, noise=0.1 + 0.2 * seed)
    same(cohen_kappa(a, b), reference(sklearn_metrics.cohen_kappa_score, a, b))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("raters", [2, 3, 7])
@pytest.mark.parametrize("size", SIZES, ids=[f"{c}cat-{n}" for c, n in SIZES])
def test_agreement_fleiss_matches_statsmodels(seed, raters, size):
    rng = random.Random(seed * 104729 + raters * 31 + size[1])
    categories = list(range(size[0]))
    truth = skewed(rng, categories, size[1])
    coders = [
        noisy_copy(rng, truth, categories, noise=0.15 * (r + 1)) for r in range(raters)
    ]
    ratings = [list(subject) for subject in zip(*coders)]
    table, _ = inter_rater.aggregate_raters(np.array(ratings))
    theirs = reference(inter_rater.fleiss_kappa, table, method="fleiss")
    same(fleiss_kappa_from_ratings(ratings), theirs)
    same(fleiss_kappa(table.tolist()), theirs)


def random_reliability(
    rng: random.Random, coders: int, units: int, categories: int, missing: float
):
    truth = skewed(rng, list(range(categories)), units)
    data = []
    for _ in range(coders):
        row = noisy_copy(rng, truth, list(range(categories)), noise=0.25)
        data.append([None if rng.random() < missing else v for v in row])
    return data


def as_array(data: list[list]) -> np.ndarray:
    return np.array(
        [[np.nan if v is None else v for v in row] for row in data], dtype=float
    )


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("missing", [0.0, 0.2, 0.6])
@pytest.mark.parametrize("shape", [(2, 10, 2), (3, 60, 4), (5, 400, 6), (4, 3000, 12)])
def test_agreement_krippendorff_nominal_matches_package(seed, missing, shape):
    rng = random.Random(seed * 1299709 + int(missing * 10) + shape[1])
    data = random_reliability(rng, *shape, missing=missing)
    theirs = reference(
        krippendorff.alpha,
        reliability_data=as_array(data),
        level_of_measurement="nominal",
    )
    same(krippendorff_alpha_nominal(data), theirs)
    same(krippendorff_alpha(data, "nominal"), theirs)


@pytest.mark.parametrize("level", ["ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", range(3))
def test_agreement_krippendorff_other_levels_match_package(level, seed):
    rng = random.Random(seed + 17)
    data = [
        [None if v is None else v + 1 for v in row]  # ratio: no zero values
        for row in random_reliability(rng, 4, 200, 5, missing=0.3)
    ]
    theirs = reference(
        krippendorff.alpha, reliability_data=as_array(data), level_of_measurement=level
    )
    assert theirs is not None
    same(krippendorff_alpha(data, level), theirs)


def test_agreement_krippendorff_missing_coders_change_nothing_when_absent_everywhere():
    """A coder who coded nothing is simply missing: alpha is that of the others."""
    rng = random.Random(5)
    data = random_reliability(rng, 3, 100, 3, missing=0.1)
    with_absent = data + [[None] * 100]
    assert krippendorff_alpha_nominal(with_absent) == krippendorff_alpha_nominal(data)


def test_agreement_references_fail_where_ours_gives_a_reason():
    one = ["O"] * 20
    assert np.isnan(sklearn_metrics.cohen_kappa_score(one, one))
    with pytest.raises(ValueError):
        krippendorff.alpha(
            reliability_data=[[1.0] * 5, [1.0] * 5], level_of_measurement="nominal"
        )
    found = cohen_kappa(one, one)
    assert found.value is None and "only one category (O)" in found.reason
    assert krippendorff_alpha_nominal([[1] * 5, [1] * 5]).value is None
    assert fleiss_kappa_from_ratings([["O", "O", "O"]] * 4).value is None
