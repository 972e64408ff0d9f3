from __future__ import annotations

import pytest

from annotator.core.model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    Span,
)
from annotator.core.schema import Schema
from annotator.core.validation import validate_annotations
from annotator.errors import ValidationError
from tests.helpers import at, seed_annotations


@pytest.fixture
def seed_doc(seed_text):
    return Document("aleppo", seed_text)


def test_validation_accepts_seed_annotations(seed_doc, schema):
    validate_annotations(seed_doc, seed_annotations(seed_doc.text, seed_doc.id), schema)


def test_validation_accepts_nested_entities_by_default(seed_doc, schema):
    text = seed_doc.text
    outer = Span("T1", *at(text, "حوالي 70 عنصراً من قوات النظام"), "PER")
    inner = Span("T2", *at(text, "قوات النظام", "حوالي 70"), "ORG")
    assert outer.start < inner.start and inner.end == outer.end
    validate_annotations(seed_doc, Annotations("aleppo", "a", spans=[outer, inner]), schema)


def test_validation_refuses_overlap_when_schema_forbids(seed_doc):
    schema = Schema.from_json({"labels": [{"name": "ORG"}], "layers": {"entity": {"allow_overlap": False}}})
    spans = [Span("T1", 0, 10, "ORG"), Span("T2", 5, 12, "ORG")]
    with pytest.raises(ValidationError, match="T1 and T2 overlap"):
        validate_annotations(seed_doc, Annotations("aleppo", "a", spans=spans), schema)


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (0, 10**9), (7, 3)])
def test_validation_refuses_offsets_outside_text(seed_doc, schema, start, end):
    with pytest.raises(ValidationError, match="outside the text") as caught:
        validate_annotations(seed_doc, Annotations("aleppo", "a", spans=[Span("T1", start, end, "ORG")]), schema)
    assert "aleppo" in str(caught.value) and "T1" in str(caught.value)


def test_validation_names_unknown_label(seed_doc, schema):
    with pytest.raises(ValidationError, match="unknown label 'BANANA'.*--add-labels"):
        validate_annotations(seed_doc, Annotations("aleppo", "a", spans=[Span("T1", 0, 4, "BANANA")]), schema)


def test_validation_refuses_role_not_in_event_type(seed_doc, schema):
    annotations = seed_annotations(seed_doc.text, "aleppo")
    event = annotations.events[0]
    annotations.events[0] = Event("E1", event.type, event.trigger, (Argument("Victim", "T1"),))
    with pytest.raises(ValidationError, match="role 'Victim' is not a role of Conflict.Attack"):
        validate_annotations(seed_doc, annotations, schema)


def test_validation_refuses_filler_type_not_allowed(seed_doc, schema):
    annotations = seed_annotations(seed_doc.text, "aleppo")
    event = annotations.events[0]
    annotations.events[0] = Event("E1", event.type, event.trigger, (Argument("Place", "T1"),))
    with pytest.raises(ValidationError, match="ORG span .* cannot fill Place"):
        validate_annotations(seed_doc, annotations, schema)


def test_validation_refuses_dangling_references(seed_doc, schema):
    annotations = seed_annotations(seed_doc.text, "aleppo")
    annotations.attributions[0] = Attribution("A1", "T99", "T5", "T6")
    with pytest.raises(ValidationError, match="source 'T99' is not a span"):
        validate_annotations(seed_doc, annotations, schema)


def test_validation_refuses_cue_of_wrong_label(seed_doc, schema):
    annotations = seed_annotations(seed_doc.text, "aleppo")
    annotations.attributions[0] = Attribution("A1", "T1", "T3", "T6")
    with pytest.raises(ValidationError, match="cue must be a CUE span"):
        validate_annotations(seed_doc, annotations, schema)


def test_validation_refuses_attribute_value_outside_schema(seed_doc, schema):
    span = Span("T1", 0, 4, "ORG", {"mention": "LOUD"})
    with pytest.raises(ValidationError, match="mention='LOUD' is not one of NAM, NOM, PRO"):
        validate_annotations(seed_doc, Annotations("aleppo", "a", spans=[span]), schema)


def _edits(text):
    """(removed, added) pairs on the seed annotations: valid ones and broken ones."""
    base = seed_annotations(text, "aleppo")
    spans = base.span_map()
    event, attribution = base.events[0], base.attributions[0]
    return base, [
        ([], [Span("T20", *at(text, "إدلب"), "GPE")]),
        ([], [Span("T20", 0, len(text) + 1, "GPE")]),
        ([], [Span("T1", 0, 4, "GPE")]),  # duplicate id
        ([spans["T1"]], []),  # leaves the event's Attacker and the source dangling
        ([spans["T4"]], [Span("T4", spans["T4"].start, spans["T4"].end, "PER")]),  # bad filler
        ([spans["T5"]], [Span("T5", spans["T5"].start, spans["T5"].end, "ORG")]),  # cue not CUE
        ([event], [Event("E1", event.type, event.trigger, event.arguments[:1])]),
        ([], [Event("E1", event.type, event.trigger)]),  # duplicate event id
        ([attribution], [Attribution("A1", None, "T5", None)]),
        ([], [Attribution("A2", "T2", None, None)]),  # a trigger cannot be a source
        ([], [Span("T20", 5, 9, "NOPE")]),
    ]


def test_validation_of_a_change_agrees_with_whole_validation(seed_doc, schema):
    from annotator.core.commands import apply_change
    from annotator.core.validation import validate_change

    base, edits = _edits(seed_doc.text)
    for removed, added in edits:
        after = apply_change(base, removed, added)
        outcomes = []
        for check in (lambda: validate_annotations(seed_doc, after, schema),
                      lambda: validate_change(seed_doc, after, removed, added, schema)):
            try:
                check()
                outcomes.append("ok")
            except ValidationError:
                outcomes.append("refused")
        assert outcomes[0] == outcomes[1], (removed, added, outcomes)
    assert sum(1 for r, a in edits) == 11
