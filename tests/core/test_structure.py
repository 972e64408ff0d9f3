"""Role links and nesting depths: what the text view draws, worked out without Qt."""

from __future__ import annotations

from annotator.core.model import Annotations, Argument, Attribution, Event, Span
from annotator.core.structure import links_of, nearest_first, nesting_depths, place_of

TEXT = "قصفت قوات النظام مدينة حلب وقال مصدر إن الهجوم عنيف"


def _annotations() -> Annotations:
    spans = [Span("T1", 0, 4, "Conflict.Attack"), Span("T2", 5, 16, "ORG"), Span("T3", 17, 26, "GPE"),
             Span("T4", 23, 26, "GPE"), Span("T5", 27, 31, "CUE"), Span("T6", 32, 36, "SOURCE"),
             Span("T7", 37, 51, "CONTENT")]
    event = Event("E1", "Conflict.Attack", "T1", (Argument("Attacker", "T2"), Argument("Place", "T3")))
    attribution = Attribution("A1", source="T6", cue="T5", content="T7")
    return Annotations("d", "amal", spans=spans, events=[event], attributions=[attribution])


def _roles(links) -> set[tuple[str, str, str | None]]:
    return {(link.span.id, link.role, link.head.id if link.head else None) for link in links}


def test_an_event_links_its_trigger_and_each_argument_to_its_role():
    annotations = _annotations()
    assert _roles(links_of(annotations, annotations.events[0])) == {
        ("T1", "Conflict.Attack", None), ("T2", "Attacker", "T1"), ("T3", "Place", "T1")}


def test_a_trigger_or_an_argument_span_shows_its_whole_event():
    annotations = _annotations()
    event_links = _roles(links_of(annotations, annotations.events[0]))
    assert _roles(links_of(annotations, annotations.span("T1"))) == event_links
    assert _roles(links_of(annotations, annotations.span("T3"))) == event_links


def test_an_attribution_links_source_and_content_to_its_cue():
    annotations = _annotations()
    links = links_of(annotations, annotations.attributions[0])
    assert _roles(links) == {("T6", "SOURCE", "T5"), ("T5", "CUE", None), ("T7", "CONTENT", "T5")}
    assert {link.part for link in links} == {"source", "cue", "content"}
    assert not any(link.is_trigger for link in links)


def test_an_attribution_without_a_cue_has_parts_with_no_head():
    annotations = _annotations()
    annotations.attributions = [Attribution("A2", source="T6", content="T7")]
    assert _roles(links_of(annotations, annotations.attributions[0])) == {
        ("T6", "SOURCE", None), ("T7", "CONTENT", None)}


def test_a_span_of_nothing_and_no_selection_link_nothing():
    annotations = _annotations()
    annotations.spans.append(Span("T9", 40, 45, "PER"))
    assert links_of(annotations, annotations.span("T9")) == []
    assert links_of(annotations, None) == []
    assert links_of(None, annotations.span("T1")) == []


def _layers(label: str) -> str | None:
    return {"Conflict.Attack": "event", "CUE": "attribution", "SOURCE": "attribution",
            "CONTENT": "attribution"}.get(label, "entity")


def test_nesting_depth_counts_the_spans_of_the_same_layer_around_a_span():
    spans = [Span("outer", 0, 20, "GPE"), Span("middle", 5, 15, "GPE"), Span("inner", 8, 12, "ORG"),
             Span("alone", 30, 35, "GPE")]
    assert nesting_depths(spans, _layers) == {"outer": 0, "middle": 1, "inner": 2}


def test_crossing_spans_and_same_range_spans_are_told_apart():
    crossing = [Span("a", 0, 10, "GPE"), Span("b", 5, 15, "GPE")]
    assert nesting_depths(crossing, _layers) == {"a": 0, "b": 0}
    same = [Span("T2", 3, 9, "GPE"), Span("T1", 3, 9, "ORG")]
    assert nesting_depths(same, _layers) == {"T1": 0, "T2": 1}


def test_nesting_stays_within_a_layer():
    spans = [Span("content", 0, 40, "CONTENT"), Span("per", 5, 10, "PER"), Span("src", 5, 10, "SOURCE")]
    assert nesting_depths(spans, _layers) == {}
    spans.append(Span("inner", 12, 20, "CONTENT"))
    assert nesting_depths(spans, _layers) == {"content": 0, "inner": 1}


def test_place_of_names_the_line_and_the_words_around():
    text = "سطر أول\nقصفت قوات النظام مدينة حلب الغربية اليوم"
    start = text.index("مدينة")
    place = place_of(text, start, start + len("مدينة حلب"), context_words=2)
    assert (place.line, place.before, place.words, place.after) == (2, "قوات النظام", "مدينة حلب", "الغربية اليوم")


def test_nearest_first_orders_by_distance_from_the_anchor():
    anchor = Span("T0", 50, 55, "Conflict.Attack")
    spans = [Span("far", 0, 5, "ORG"), Span("after", 60, 70, "ORG"), Span("before", 40, 48, "ORG")]
    assert [s.id for s in nearest_first(spans, anchor)] == ["before", "after", "far"]
    assert [s.id for s in nearest_first(spans, None)] == ["far", "before", "after"]
