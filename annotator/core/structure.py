"""What the text view draws besides highlights: who plays which role, and what nests.

Both are questions about the stored labels only (no geometry), so they live here and
are tested without Qt; the view turns the answers into tags, connectors and boxes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Annotations, Attribution, Event, Span


@dataclass(frozen=True)
class RoleLink:
    """One part of an event or attribution: ``span`` plays ``role`` for ``head`` (the
    trigger, or the cue). An event's trigger is a link too, with no head and the
    event type as its role. ``part`` is set for attribution parts ("source", "cue",
    "content"), so the view can name them with the schema's label names."""

    item: str
    head: Span | None
    span: Span
    role: str
    part: str | None = None

    @property
    def is_trigger(self) -> bool:
        return self.head is None and self.part is None


def links_of(annotations: Annotations | None, selected: Span | Event | Attribution | None) -> list[RoleLink]:
    """The role links to draw for the selected item: an event's or an attribution's
    own, or, for a span, those of every event and attribution it takes part in (a
    trigger shows its event, an argument the events it fills)."""
    if annotations is None or selected is None:
        return []
    spans = annotations.span_map()
    if isinstance(selected, Span):
        items = annotations.users_of(selected.id)
    else:
        items = [selected]
    links: list[RoleLink] = []
    for item in items:
        if isinstance(item, Event):
            links += _event_links(item, spans)
        elif isinstance(item, Attribution):
            links += _attribution_links(item, spans)
    return links


def _event_links(event: Event, spans: dict[str, Span]) -> list[RoleLink]:
    trigger = spans.get(event.trigger)
    own = [RoleLink(event.id, None, trigger, event.type)] if trigger else []
    return own + [RoleLink(event.id, trigger, spans[a.span], a.role)
                  for a in event.arguments if a.span in spans]


def _attribution_links(attribution: Attribution, spans: dict[str, Span]) -> list[RoleLink]:
    cue = spans.get(attribution.cue) if attribution.cue else None
    return [RoleLink(attribution.id, cue if part != "cue" else None, spans[span_id], part.upper(), part)
            for part, span_id in attribution.parts().items() if span_id in spans]


def nesting_depths(spans: Iterable[Span], layer_of: Callable[[str], str | None]) -> dict[str, int]:
    """For every span that shares characters with another span of its own layer (one
    inside another, or crossing): how many of those enclose it. Spans that touch no
    other span of their layer are left out: they need no box to be told apart. An
    attribution's parts are drawn each their own way (a source inside its content
    is plain to see): there, only spans of one label count as nested."""
    by_layer: dict[str, list[Span]] = {}
    for span in spans:
        layer = layer_of(span.label) or "entity"
        by_layer.setdefault(span.label if layer == "attribution" else layer, []).append(span)
    depths: dict[str, int] = {}
    for members in by_layer.values():
        depths.update(_depths_in_layer(members))
    return depths


def _depths_in_layer(spans: list[Span]) -> dict[str, int]:
    """A sweep in text order (outer before inner at one start): each span's enclosers
    are the spans still open that reach at least as far."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
    open_spans: list[Span] = []
    depths: dict[str, int] = {}
    for span in ordered:
        open_spans = [s for s in open_spans if s.end > span.start]
        if open_spans:
            depths[span.id] = sum(1 for s in open_spans if s.end >= span.end)
            for other in open_spans:
                depths.setdefault(other.id, 0)
        open_spans.append(span)
    return depths


@dataclass(frozen=True)
class Place:
    """Where a span sits, for a reader choosing among spans with the same words."""

    line: int  # 1-based, counting the text's line breaks
    before: str  # up to a few words of context on each side, on the same line
    words: str
    after: str


def place_of(text: str, start: int, end: int, context_words: int = 3) -> Place:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start].split()[-context_words:]
    after = text[end:line_end].split()[:context_words]
    return Place(text.count("\n", 0, start) + 1, " ".join(before), " ".join(text[start:end].split()),
                 " ".join(after))


def nearest_first(spans: Iterable[Span], anchor: Span | None) -> list[Span]:
    """``spans`` by distance from ``anchor`` (the trigger), in text order when none."""
    if anchor is None:
        return sorted(spans, key=lambda s: (s.start, s.end))

    def distance(span: Span) -> int:
        return max(span.start - anchor.end, anchor.start - span.end, 0)

    return sorted(spans, key=lambda s: (distance(s), s.start, s.end))
