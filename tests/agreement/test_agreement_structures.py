"""Events and attributions: triggers, arguments, parts within matched attributions."""

from __future__ import annotations

from annotator.agreement.matching import Counts
from annotator.agreement.structures import (
    AttributionItem,
    EventItem,
    attribution_counts,
    attribution_items,
    event_counts,
    event_items,
)
from tests.helpers import at, seed_annotations


def test_structures_seed_events_and_attributions_as_offsets(seed_text):
    work = seed_annotations(seed_text, "d")
    (event,) = event_items(work)
    assert event.trigger == (*at(seed_text, "استهداف"), "Conflict.Attack")
    assert [role for _, _, role in event.arguments] == ["Attacker", "Target", "Place"]
    (attribution,) = attribution_items(work)
    assert attribution.cue == at(seed_text, "أعلنت")
    assert attribution.source == at(seed_text, "الجبهة الوطنية للتحرير")


def test_structures_arguments_count_only_within_matched_triggers():
    a = [EventItem((0, 5, "Attack"), ((10, 15, "Attacker"), (20, 25, "Place")))]
    b = [
        EventItem((0, 5, "Attack"), ((10, 15, "Attacker"), (20, 25, "Target"))),
        EventItem((30, 35, "Die"), ((10, 15, "Victim"),)),
    ]
    counts = event_counts(a, b, "exact")
    assert counts["trigger"] == Counts(1, 1, 2)
    assert counts["argument"] == Counts(1, 2, 3)  # the role differs on the second


def test_structures_a_trigger_of_another_type_matches_nothing():
    a = [EventItem((0, 5, "Attack"), ((10, 15, "Attacker"),))]
    b = [EventItem((0, 5, "Die"), ((10, 15, "Attacker"),))]
    counts = event_counts(a, b, "overlap")
    assert counts["trigger"].matched == 0 and counts["argument"].matched == 0


def test_structures_overlap_mode_matches_shifted_triggers_and_arguments():
    a = [EventItem((0, 5, "Attack"), ((10, 15, "Target"),))]
    b = [EventItem((1, 5, "Attack"), ((12, 18, "Target"),))]
    assert event_counts(a, b, "exact")["trigger"].matched == 0
    overlap = event_counts(a, b, "overlap")
    assert overlap["trigger"].f1 == 1.0 and overlap["argument"].f1 == 1.0


def test_structures_attributions_match_by_cue_else_by_content():
    a = [
        AttributionItem(source=(0, 5), cue=(6, 9), content=(10, 30)),
        AttributionItem(source=(40, 45), cue=None, content=(50, 70)),
    ]
    b = [
        AttributionItem(source=(0, 4), cue=(6, 9), content=(10, 25)),
        AttributionItem(source=None, cue=None, content=(50, 70)),
    ]
    exact = attribution_counts(a, b, "exact")
    assert exact["attribution"] == Counts(2, 2, 2)
    assert exact["cue"] == Counts(1, 1, 1)
    assert exact["content"] == Counts(1, 2, 2)  # the first content differs
    assert exact["source"] == Counts(0, 2, 1)
    overlap = attribution_counts(a, b, "overlap")
    assert overlap["source"] == Counts(1, 2, 1) and overlap["content"] == Counts(
        2, 2, 2
    )


def test_structures_parts_do_not_match_across_unmatched_attributions():
    # same content, different cues: not the same attribution, so the content is not matched
    a = [AttributionItem(cue=(0, 3), content=(10, 20))]
    b = [AttributionItem(cue=(5, 8), content=(10, 20))]
    counts = attribution_counts(a, b, "exact")
    assert counts["attribution"].matched == 0 and counts["content"] == Counts(0, 1, 1)


def test_structures_dangling_span_ids_are_skipped(seed_text):
    work = seed_annotations(seed_text, "d")
    work.spans = [s for s in work.spans if s.id != "T2"]  # the trigger is gone
    assert event_items(work) == []
