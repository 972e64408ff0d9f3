"""Agreement on events (triggers, arguments) and attributions (source, cue, content).

Per AGREEMENT.md, under a mode (``exact`` or ``overlap``, as for spans):

* a trigger matches when its span matches and the event type is the same (maximum
  one-to-one matching in overlap mode);
* an argument matches when its event's trigger matched, the role is the same and the
  argument spans match; arguments of unmatched events count in the totals only;
* attributions match by their cue, or by their content when either has no cue
  (maximum one-to-one); source, cue and content are then each scored like spans, a
  part matching only within a matched attribution. An attribution with neither cue
  nor content cannot match and counts in the totals only.

Items whose span ids point at no span (a damaged project) are skipped, not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.model import ATTRIBUTION_PARTS, Annotations, Span
from .matching import CharSpan, Counts, match_items, matching, same_place, span_counts

Place = tuple[int, int]
PARTS = ATTRIBUTION_PARTS


@dataclass(frozen=True)
class EventItem:
    """An event as offsets: the trigger ``(start, end, type)``, arguments ``(start, end, role)``."""

    trigger: CharSpan
    arguments: tuple[CharSpan, ...] = ()


@dataclass(frozen=True)
class AttributionItem:
    """An attribution as offsets; a part is None when the annotator did not mark it."""

    source: Place | None = None
    cue: Place | None = None
    content: Place | None = None

    def part(self, name: str) -> Place | None:
        return getattr(self, name)


def event_items(annotations: Annotations) -> list[EventItem]:
    spans = annotations.span_map()
    items = []
    for event in annotations.events:
        trigger = spans.get(event.trigger)
        if trigger is None:
            continue
        arguments = tuple(
            (spans[a.span].start, spans[a.span].end, a.role)
            for a in event.arguments
            if a.span in spans
        )
        items.append(EventItem((trigger.start, trigger.end, event.type), arguments))
    return items


def attribution_items(annotations: Annotations) -> list[AttributionItem]:
    spans = annotations.span_map()
    return [
        AttributionItem(*(_place(spans, getattr(a, part)) for part in PARTS))
        for a in annotations.attributions
    ]


def _place(spans: dict[str, Span], span_id: str | None) -> Place | None:
    span = spans.get(span_id) if span_id is not None else None
    return (span.start, span.end) if span is not None else None


def event_counts(
    events_a: Sequence[EventItem], events_b: Sequence[EventItem], mode: str
) -> dict[str, Counts]:
    """``{"trigger": Counts, "argument": Counts}`` for two annotators' events."""
    pairs = matching([e.trigger for e in events_a], [e.trigger for e in events_b], mode)
    matched_arguments = sum(
        span_counts(events_a[i].arguments, events_b[j].arguments, mode).matched
        for i, j in pairs
    )
    return {
        "trigger": Counts(len(pairs), len(events_a), len(events_b)),
        "argument": Counts(
            matched_arguments,
            sum(len(e.arguments) for e in events_a),
            sum(len(e.arguments) for e in events_b),
        ),
    }


def attribution_counts(
    items_a: Sequence[AttributionItem], items_b: Sequence[AttributionItem], mode: str
) -> dict[str, Counts]:
    """``{"attribution": ..., "source": ..., "cue": ..., "content": ...}`` Counts."""

    def edge(a: AttributionItem, b: AttributionItem) -> bool:
        if a.cue is not None and b.cue is not None:
            return same_place(a.cue, b.cue, mode)
        if a.content is not None and b.content is not None:
            return same_place(a.content, b.content, mode)
        return False

    pairs = match_items(items_a, items_b, edge)
    counts = {"attribution": Counts(len(pairs), len(items_a), len(items_b))}
    for part in PARTS:
        matched = 0
        for i, j in pairs:
            one, other = items_a[i].part(part), items_b[j].part(part)
            matched += (
                one is not None and other is not None and same_place(one, other, mode)
            )
        counts[part] = Counts(
            matched,
            sum(item.part(part) is not None for item in items_a),
            sum(item.part(part) is not None for item in items_b),
        )
    return counts
