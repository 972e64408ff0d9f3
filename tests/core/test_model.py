from __future__ import annotations

from annotator.core.commands import apply_change
from annotator.core.model import Annotations, Span, next_id


def _spans(*ids: str) -> list[Span]:
    return [Span(i, n, n + 1, "GPE") for n, i in enumerate(ids)]


def test_model_next_id_is_one_past_the_highest():
    assert next_id("T", ["T1", "T9", "T10", "E40", "Tx"]) == "T11"
    assert next_id("T", []) == "T1"


def test_model_new_id_follows_additions_through_apply_change():
    before = Annotations("d", "a", spans=_spans("T3", "T12", "T5"))
    assert before.new_id("T") == "T13"
    after = apply_change(before, [], [Span("T13", 9, 10, "ORG")])
    assert after.new_id("T") == "T14"
    assert after._highest["T"][0] is after.spans  # carried over, not recounted


def test_model_new_id_counts_again_after_a_removal_or_a_change_in_place():
    before = Annotations("d", "a", spans=_spans("T3", "T12"))
    assert before.new_id("T") == "T13"
    after = apply_change(before, [before.spans[1]], [])
    assert after.new_id("T") == "T4"  # brat style: one past the highest in use
    after.spans.append(Span("T40", 20, 21, "PER"))  # someone appended to the list itself
    assert after.new_id("T") == "T41"
