"""Rows of the project file's tables <-> core objects, and the SQL that reads and writes them."""

from __future__ import annotations

import json
from typing import Any

from ..core.model import Argument, Attribution, Document, Event, Span


def dumps(value: Any) -> str:
    if value == {}:
        return "{}"  # most attribute sets are empty: skip the encoder (a third of import time)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


SPANS = (
    'SELECT id, start, "end", label, attributes, created, updated FROM spans '
    'WHERE document_id = ? AND annotator = ? ORDER BY start, "end" DESC, id'
)
EVENTS = (
    "SELECT id, type, trigger, arguments, attributes FROM events "
    "WHERE document_id = ? AND annotator = ? ORDER BY rowid"
)
ATTRIBUTIONS = (
    "SELECT id, source, cue, content, attributes FROM attributions "
    "WHERE document_id = ? AND annotator = ? ORDER BY rowid"
)
INSERT_SPAN = (
    'INSERT OR REPLACE INTO spans (document_id, annotator, id, start, "end", label, '
    "attributes, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_EVENT = (
    "INSERT OR REPLACE INTO events (document_id, annotator, id, type, trigger, arguments, "
    "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_ATTRIBUTION = (
    "INSERT OR REPLACE INTO attributions (document_id, annotator, id, source, cue, content, "
    "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def document_of(row: tuple) -> Document:
    doc_id, text, meta, tokens = row
    parsed = None
    if tokens is not None:
        parsed = [[(s, e) for s, e in sentence] for sentence in json.loads(tokens)]
    return Document(id=doc_id, text=text, meta=json.loads(meta), tokens=parsed)


def span_of(row: tuple) -> Span:
    span_id, start, end, label, attributes, created, updated = row
    return Span(span_id, start, end, label, json.loads(attributes), created, updated)


def span_row(span: Span) -> list[Any]:
    return [span.id, span.start, span.end, span.label, dumps(span.attributes), span.created, span.updated]


def event_of(row: tuple) -> Event:
    event_id, event_type, trigger, arguments, attributes = row
    args = tuple(Argument(role, span) for role, span in json.loads(arguments))
    return Event(event_id, event_type, trigger, args, json.loads(attributes))


def event_row(event: Event) -> list[Any]:
    args = [[a.role, a.span] for a in event.arguments]
    return [event.id, event.type, event.trigger, dumps(args), dumps(event.attributes)]


def attribution_of(row: tuple) -> Attribution:
    attribution_id, source, cue, content, attributes = row
    return Attribution(attribution_id, source, cue, content, json.loads(attributes))


def attribution_row(a: Attribution) -> list[Any]:
    return [a.id, a.source, a.cue, a.content, dumps(a.attributes)]
