"""Unitizing alpha beyond the published examples: empty raters, overlaps, undefined."""

from __future__ import annotations

import pytest

from annotator.agreement import unitizing_alpha


def test_unitizing_identical_raters_agree_fully():
    units = [(2, 6, r, "ORG") for r in "ab"] + [(10, 12, r, "GPE") for r in "ab"]
    result = unitizing_alpha(units, ["a", "b"], 0, 20)
    assert result.overall.value == 1.0
    assert {c: v.value for c, v in result.categories.items()} == {
        "ORG": 1.0,
        "GPE": 1.0,
    }


def test_unitizing_a_rater_who_marked_nothing_gives_a_negative_alpha():
    result = unitizing_alpha(
        [(2, 6, "a", "ORG"), (10, 12, "a", "ORG")], ["a", "b"], 0, 40
    )
    assert result.overall.value is not None and result.overall.value < 0
    assert result.categories["ORG"].value < 0


def test_unitizing_no_units_is_undefined_with_a_reason():
    result = unitizing_alpha([], ["a", "b"], 0, 40)
    assert result.overall.value is None and "no rater marked" in result.overall.reason


def test_unitizing_overall_is_one_minus_mean_observed_over_mean_expected():
    units = [(0, 5, "a", "X"), (1, 5, "b", "X"), (8, 12, "a", "Y"), (9, 14, "b", "Y")]
    result = unitizing_alpha(units, ["a", "b"], 0, 30)
    x, y = result.categories["X"], result.categories["Y"]
    expected = 1 - ((x.observed + y.observed) / 2) / ((x.expected + y.expected) / 2)
    assert result.overall.value == pytest.approx(expected)


def test_unitizing_overlapping_units_of_one_rater_are_left_out_as_inception_does():
    # b's second ORG overlaps its first: left out; the third overlaps the left-out one
    # (INCEpTION remembers every unit it met), so it goes too
    b_units = [(0, 10, "b", "ORG"), (5, 15, "b", "ORG"), (12, 20, "b", "ORG")]
    with_overlaps = unitizing_alpha([(0, 10, "a", "ORG"), *b_units], ["a", "b"], 0, 40)
    clean = unitizing_alpha(
        [(0, 10, "a", "ORG"), (0, 10, "b", "ORG")], ["a", "b"], 0, 40
    )
    assert with_overlaps.dropped == 2
    assert with_overlaps.overall == clean.overall


def test_unitizing_raters_order_and_third_rater():
    units = [(0, 5, "a", "X"), (0, 5, "b", "X"), (0, 4, "c", "X")]
    forward = unitizing_alpha(units, ["a", "b", "c"], 0, 20)
    backward = unitizing_alpha(units, ["c", "b", "a"], 0, 20)
    assert forward.overall.value == pytest.approx(backward.overall.value)
    assert 0 < forward.overall.value < 1


def test_unitizing_refuses_strangers_and_units_off_the_continuum():
    with pytest.raises(ValueError, match="not in the study"):
        unitizing_alpha([(0, 5, "z", "X")], ["a", "b"], 0, 10)
    with pytest.raises(ValueError, match="outside the continuum"):
        unitizing_alpha([(5, 15, "a", "X")], ["a", "b"], 0, 10)
    with pytest.raises(ValueError, match="two raters"):
        unitizing_alpha([], ["a"], 0, 10)
