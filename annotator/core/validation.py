"""Checks that annotations fit their document and the schema.

Every check raises ``ValidationError`` naming the document and the span, event or
attribution at fault; nothing is repaired silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import ValidationError
from .model import Annotations, Attribution, Document, Event, Span
from .schema import Schema, part_label


def validate_annotations(document: Document, annotations: Annotations, schema: Schema) -> None:
    spans = annotations.span_map()
    if len(spans) != len(annotations.spans):
        raise _error(document, "span ids must be unique within an annotator's document")
    for span in annotations.spans:
        check_span(document, span, schema)
    check_overlaps(document, annotations.spans, schema)
    _check_unique(document, [e.id for e in annotations.events], "event")
    _check_unique(document, [a.id for a in annotations.attributions], "attribution")
    for event in annotations.events:
        check_event(document, event, spans, schema)
    for attribution in annotations.attributions:
        check_attribution(document, attribution, spans, schema)


def check_span(document: Document, span: Span, schema: Schema) -> None:
    try:
        _check_span(document, span, schema)
    except ValidationError as error:
        raise _about_span(error, span.id)


def _check_span(document: Document, span: Span, schema: Schema) -> None:
    where = f"span {span.id} ({span.start}-{span.end}, {span.label})"
    if not (isinstance(span.start, int) and isinstance(span.end, int)):
        raise _error(document, "offsets must be whole numbers", where)
    if not 0 <= span.start < span.end <= len(document.text):
        raise _error(
            document,
            f"offsets {span.start}-{span.end} are outside the text "
            f"(0-{len(document.text)}) or empty",
            where,
        )
    label = schema.label(span.label)
    if label is None:
        raise _error(
            document,
            f"unknown label {span.label!r}; the schema {schema.name!r} has "
            f"{_sample(schema.labels)} (use --add-labels to add it)",
            where,
        )
    check_attributes(document, span.attributes, label.layer, schema, where)


def check_attributes(
    document: Document, attributes: dict[str, Any], layer: str, schema: Schema, where: str
) -> None:
    if not isinstance(attributes, dict):
        raise _error(document, "attributes must be an object", where)
    for name, value in attributes.items():
        definition = schema.attributes.get(name)
        if definition is None:
            # An undeclared name would be stored, then exported where no tool declares it.
            raise _error(
                document,
                f"unknown attribute {name!r}; the schema {schema.name!r} has "
                f"{_sample(schema.attributes) or 'no attributes'} (use --add-labels to add it)",
                where,
            )
        if definition.values and str(value) not in definition.values:
            raise _error(
                document,
                f"attribute {name}={value!r} is not one of {', '.join(definition.values)}",
                where,
            )


def check_overlaps(document: Document, spans: Iterable[Span], schema: Schema) -> None:
    by_layer: dict[str, list[Span]] = {}
    for span in spans:
        layer = schema.layer_of(span.label) or "entity"
        if not schema.overlap_allowed(layer):
            by_layer.setdefault(layer, []).append(span)
    for layer, layer_spans in by_layer.items():
        layer_spans.sort(key=lambda s: (s.start, s.end))
        for before, after in zip(layer_spans, layer_spans[1:]):
            if after.start < before.end:
                raise _about_span(_error(
                    document,
                    f"spans {before.id} and {after.id} overlap, and the schema does not "
                    f"let {layer} spans overlap",
                ), after.id)


def check_event(
    document: Document, event: Event, spans: dict[str, Span], schema: Schema
) -> None:
    where = f"event {event.id} ({event.type})"
    label = schema.label(event.type)
    if label is None or label.layer != "event":
        raise _error(document, f"unknown event type {event.type!r}", where)
    trigger = spans.get(event.trigger)
    if trigger is None:
        raise _error(document, f"trigger {event.trigger!r} is not a span", where)
    if trigger.label != event.type:
        raise _error(
            document, f"trigger {trigger.id} is labelled {trigger.label}, not {event.type}", where
        )
    schema_roles = schema.roles_of(event.type)
    for argument in event.arguments:
        fillers = schema_roles.get(argument.role)
        if fillers is None:
            raise _error(
                document,
                f"role {argument.role!r} is not a role of {event.type} "
                f"(roles: {', '.join(schema_roles) or 'none'})",
                where,
            )
        filler = spans.get(argument.span)
        if filler is None:
            raise _error(document, f"argument {argument.role} points at missing span {argument.span!r}", where)
        if fillers and filler.label not in fillers:
            raise _error(
                document,
                f"a {filler.label} span ({filler.id}) cannot fill {argument.role}; "
                f"allowed: {', '.join(fillers)}",
                where,
            )
    check_attributes(document, event.attributes, "event", schema, where)


def check_attribution(
    document: Document, attribution: Attribution, spans: dict[str, Span], schema: Schema
) -> None:
    where = f"attribution {attribution.id}"
    if not attribution.span_ids():
        raise _error(document, "an attribution needs at least one of source, cue, content", where)
    for part, span_id in attribution.parts().items():
        if span_id is None:
            continue
        span = spans.get(span_id)
        if span is None:
            raise _error(document, f"{part} {span_id!r} is not a span", where)
        expected = part_label(part)
        if part != "source" and span.label != expected:  # a source may also be any entity
            raise _error(document, f"the {part} must be a {expected} span, not {span.label}", where)
        if part == "source" and span.label != expected and schema.layer_of(span.label) != "entity":
            raise _error(document, f"the source must be an entity or {expected} span, not {span.label}", where)
    check_attributes(document, attribution.attributes, "attribution", schema, where)


def _check_unique(document: Document, ids: list[str], kind: str) -> None:
    if len(set(ids)) != len(ids):
        raise _error(document, f"{kind} ids must be unique")


def _sample(labels: Iterable[str]) -> str:
    names = list(labels)
    shown = ", ".join(names[:12])
    return shown + (f" and {len(names) - 12} more" if len(names) > 12 else "")


def _error(document: Document, message: str, where: str | None = None) -> ValidationError:
    return ValidationError(message, document=document.id, item=where)


def _about_span(error: ValidationError, span_id: str) -> ValidationError:
    """Name the span at fault, so an importer that knows its line can name the line."""
    error.span_id = span_id  # type: ignore[attr-defined]
    return error


def span_of(error: Exception) -> str | None:
    """The id of the span a ``ValidationError`` is about, if it is about one."""
    return getattr(error, "span_id", None)


def validate_change(
    document: Document,
    after: Annotations,
    removed: list[Span | Event | Attribution],
    added: list[Span | Event | Attribution],
    schema: Schema,
) -> None:
    """Check one edit in time proportional to what it touches, not to the document.

    ``after`` is the whole state once the edit is applied (valid before it); only the
    added items, the same-layer neighbours of added spans, and references to removed
    spans can have become invalid.
    """
    added_spans = [i for i in added if isinstance(i, Span)]
    for span in added_spans:
        check_span(document, span, schema)
    _check_neighbours(document, after.spans, added_spans, schema)
    # Events and attributions valid before can only be broken through a span that was
    # removed or replaced; a span with a new id has no users yet but the added ones.
    touched = {i.id for i in removed if isinstance(i, Span)}
    events = [i for i in added if isinstance(i, Event)]
    attributions = [i for i in added if isinstance(i, Attribution)]
    if touched:
        events += [e for e in after.events if touched & e.span_ids() and e not in events]
        attributions += [a for a in after.attributions if touched & a.span_ids() and a not in attributions]
    spans = after.span_map()
    for event in events:
        check_event(document, event, spans, schema)
    for attribution in attributions:
        check_attribution(document, attribution, spans, schema)
    if len(spans) != len(after.spans):
        raise _error(document, "span ids must be unique within an annotator's document")
    for kind, items in ((Event, after.events), (Attribution, after.attributions)):
        new_ids = {i.id for i in added if isinstance(i, kind)}
        if new_ids and sum(1 for i in items if i.id in new_ids) > len(new_ids):
            raise _error(document, f"{kind.__name__.lower()} id {sorted(new_ids)[0]} is used twice")


def _check_neighbours(document: Document, spans: list[Span], added: list[Span], schema: Schema) -> None:
    for span in added:
        layer = schema.layer_of(span.label) or "entity"
        if schema.overlap_allowed(layer):
            continue
        for other in spans:
            if other.id != span.id and other.overlaps(span) and (schema.layer_of(other.label) or "entity") == layer:
                raise _error(
                    document,
                    f"spans {span.id} and {other.id} overlap, and the schema does not let "
                    f"{layer} spans overlap",
                )
