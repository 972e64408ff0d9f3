"""Every published worked example in known-answers.json, against our measures.

Each case is one test, named by its id. A case whose measure has no checker here
fails, so a case added to the file cannot be skipped silently. Expected keys we do
not compute (Scott's pi, Bennett's S) are listed in ``NOT_COMPUTED`` and skipped by
name; every other expected key is checked.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.agreement import (
    cohen_kappa,
    cohen_kappa_from_pairs,
    fleiss_kappa,
    fleiss_kappa_from_ratings,
    krippendorff_alpha,
    krippendorff_alpha_nominal,
    span_counts,
    unitizing_alpha,
)
from annotator.nlp.tags import tags_to_spans

KNOWN = Path("/work/shared/data/agreement/known-answers.json")
CASES = json.loads(KNOWN.read_text(encoding="utf-8"))["cases"] if KNOWN.exists() else []
NOT_COMPUTED = {"scott_pi", "bennett_S"}  # coefficients this package does not offer
pytestmark = pytest.mark.skipif(not CASES, reason=f"{KNOWN} is not here")


def close(found: float | None, expected: float, tolerance: float) -> None:
    assert found is not None
    # published figures are rounded or truncated to the tolerance: allow float noise on top
    assert abs(found - expected) <= tolerance + 1e-12, (found, expected, tolerance)


def check_krippendorff_alpha(case: dict) -> set[str]:
    data, expected, tol = case["reliability_data"], case["expected"], case["tolerance"]
    checked = set()
    for level in ("nominal", "ordinal", "interval", "ratio"):
        if level in expected:
            close(krippendorff_alpha(data, level).value, expected[level], tol)
            checked.add(level)
    if "nominal" in expected:
        nominal = krippendorff_alpha_nominal(data)
        close(nominal.value, expected["nominal"], tol)
        for key, part in (
            ("nominal_D_o", nominal.observed),
            ("nominal_D_e", nominal.expected),
        ):
            if key in expected:
                close(part, expected[key], tol)
                checked.add(key)
        if "percent_agreement" in expected:  # two coders, nothing missing: 1 - D_o
            close(1 - nominal.observed, expected["percent_agreement"], tol)
            checked.add("percent_agreement")
    return checked


def check_fleiss_kappa(case: dict) -> set[str]:
    if "subjects_by_raters" in case:
        found = fleiss_kappa_from_ratings(case["subjects_by_raters"])
    else:
        found = fleiss_kappa(case["subjects_by_categories"])
    expected, tol = case["expected"], case["tolerance"]
    close(found.value, expected["kappa"], tol)
    # P_o/P_e are published rounded to 3-4 decimals (Fleiss' P_e 0.2201 is 0.21994):
    # DKPro asserts them to 0.001 whatever the kappa's tolerance, and so do we
    parts = {
        "P_o": found.observed,
        "P_bar": found.observed,
        "P_e": found.expected,
        "P_e_bar": found.expected,
    }
    for key in parts.keys() & expected.keys():
        close(parts[key], expected[key], max(tol, 0.001))
    return {"kappa"} | (parts.keys() & expected.keys())


def check_cohen_kappa(case: dict) -> set[str]:
    expected, tol = case["expected"], case["tolerance"]
    if "sequences" in case:
        first, second = case["sequences"]
        close(cohen_kappa(first, second).value, expected["kappa"], tol)
        close(
            krippendorff_alpha_nominal([first, second]).value,
            expected["kripp_alpha_nominal"],
            tol,
        )
        return {"kappa", "kripp_alpha_nominal"}
    categories = case["categories"]
    pairs = Counter()
    for i, row in enumerate(case["table"]):
        for j, count in enumerate(row):
            pairs[categories[i], categories[j]] += count
    found = cohen_kappa_from_pairs(pairs)
    parts = {
        "kappa": found.value,
        "kappa_derived": found.value,
        "P_o": found.observed,
        "percent_agreement": found.observed,
        "P_e": found.expected,
    }
    for key in parts.keys() & expected.keys():
        close(parts[key], expected[key], tol)
    return parts.keys() & expected.keys()


def check_seqeval_f1(case: dict) -> set[str]:
    """Our exact span F1 on seqeval's README example (sentences kept apart by offsets)."""

    def spans(sentences: list[list[str]]) -> list[tuple[int, int, str]]:
        return [
            (1000 * n + start, 1000 * n + end, label)
            for n, tags in enumerate(sentences)
            for start, end, label in tags_to_spans(tags)
        ]

    counts = span_counts(spans(case["y_true"]), spans(case["y_pred"]), "exact")
    close(counts.f1, case["expected"]["f1"], case["tolerance"])
    return {"f1"}


def check_alpha_u(case: dict) -> set[str]:
    if case["id"] == "alpha_u_krippendorff_1995_p57":
        return check_alpha_u_1995(case)
    begin, end = case["begin"], case["begin"] + case["length"]
    units = [
        (start, start + length, rater, cat)
        for start, length, rater, cat in case["units"]
    ]
    result = unitizing_alpha(units, range(case["raters"]), begin, end)
    expected, tol = case["expected"], case["tolerance"]
    close(result.overall.value, expected["alpha_u"], expected["alpha_u_tolerance"])
    for category in ("c", "k"):
        found = result.categories[category]
        close(found.observed, expected[category]["D_o"], tol)
        close(found.expected, expected[category]["D_e"], tol)
        close(found.value, expected[category]["alpha"], tol)
    return {"alpha_u", "alpha_u_tolerance", "c", "k"}


def check_alpha_u_1995(case: dict) -> set[str]:
    expected, tolerances = case["expected"], case["expected"]["tolerances"]

    def study(stretch: int):
        units = [(s * stretch, (s + n) * stretch, r, c) for s, n, r, c in case["units"]]
        return unitizing_alpha(
            units, range(case["raters"]), 0, case["length"] * stretch
        )

    exact, stretched = study(1), study(50000)
    for category, figures in expected["stretch_1"].items():
        close(exact.categories[category].observed, figures["D_o"], tolerances["D_o"])
    for category, figures in expected["stretch_50000"].items():
        close(
            stretched.categories[category].expected, figures["D_e"], tolerances["D_e"]
        )
        close(
            stretched.categories[category].value, figures["alpha"], tolerances["alpha"]
        )
    return {"stretch_1", "stretch_50000", "tolerances"}


def check_span_f1(case: dict) -> set[str]:
    a = [tuple(s) for s in case["a"]]
    b = [tuple(s) for s in case["b"]]
    expected = case["expected"]
    assert span_counts(a, b, "exact").f1 == expected["exact_f1"]
    assert span_counts(a, b, "overlap").f1 == expected["overlap_f1"]
    assert (
        greedy_overlap_f1(a, b) == expected["greedy_overlap_f1_wrong"]
    )  # the trap is real
    return {"exact_f1", "overlap_f1", "greedy_overlap_f1_wrong"}


def greedy_overlap_f1(a: list[tuple], b: list[tuple]) -> float:
    """The wrong first-come pass AGREEMENT.md warns about, to show the case bites."""
    used: set[int] = set()
    for start, end, label in a:
        for j, (s, e, lab) in enumerate(b):
            if j not in used and lab == label and start < e and s < end:
                used.add(j)
                break
    return 2 * len(used) / (len(a) + len(b))


CHECKERS = {
    "krippendorff_alpha": check_krippendorff_alpha,
    "fleiss_kappa": check_fleiss_kappa,
    "cohen_kappa": check_cohen_kappa,
    "seqeval_f1": check_seqeval_f1,
    "alpha_u": check_alpha_u,
    "span_f1": check_span_f1,
}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_agreement_known_answer(case):
    assert case["measure"] in CHECKERS, f"no checker for measure {case['measure']!r}"
    checked = CHECKERS[case["measure"]](case)
    unchecked = set(case["expected"]) - checked - NOT_COMPUTED
    assert not unchecked, f"expected values not checked: {sorted(unchecked)}"


def test_agreement_known_answers_cover_every_measure():
    assert {c["measure"] for c in CASES} <= CHECKERS.keys()
