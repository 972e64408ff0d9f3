"""Checks that annotations fit their document and the schema.

Every check raises ``ValidationError`` naming the document and the span, event or
attribution at fault; nothing is repaired silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import Any

from ..errors import Phrase, ValidationError
from .model import Annotations, Attribution, Document, Event, Span
from .schema import Schema, layer_word, part_label

# Where in the document a check failed ("span T1 (0-4, PER)"): made only for a message
Place = Callable[[], Phrase]
_PARTS = {"source": Phrase("source"), "cue": Phrase("cue"), "content": Phrase("content")}


def validate_annotations(
    document: Document, annotations: Annotations, schema: Schema, *, attribute_layers: bool = True
) -> None:
    """Everything below; ``attribute_layers=False`` lets an item carry an attribute the
    schema declares for another layer (``--add-labels``: kept, though brat cannot hold it)."""
    spans = annotations.span_map()
    if len(spans) != len(annotations.spans):
        raise _error(document, Phrase("span ids must be unique within an annotator's document"))
    for span in annotations.spans:
        check_span(document, span, schema)
    check_overlaps(document, annotations.spans, schema)
    _check_unique(document, [e.id for e in annotations.events], Phrase("event ids must be unique"))
    _check_unique(document, [a.id for a in annotations.attributions], Phrase("attribution ids must be unique"))
    for event in annotations.events:
        check_event(document, event, spans, schema)
    for attribution in annotations.attributions:
        check_attribution(document, attribution, spans, schema)
    if attribute_layers:
        check_attribute_layers(document, annotations, schema)


def check_structure(document: Document, annotations: Annotations, schema: Schema) -> None:
    """``validate_annotations`` with attributes not judged: what a project's stored work
    must fit (an older version imported undeclared attributes, a relabel can leave one
    on another layer; each export says which it leaves out)."""
    try:
        validate_annotations(document, annotations, schema, attribute_layers=False)
    except ValidationError:  # perhaps an attribute: judge the rest alone
        bare = replace(annotations, spans=[replace(s, attributes={}) for s in annotations.spans],
                       events=[replace(e, attributes={}) for e in annotations.events],
                       attributions=[replace(a, attributes={}) for a in annotations.attributions])
        validate_annotations(document, bare, schema, attribute_layers=False)


def check_span(document: Document, span: Span, schema: Schema) -> None:
    with _naming(span.id):
        _check_span(document, span, schema)


def _span_place(span: Span) -> Phrase:
    return Phrase("span {id} ({start}-{end}, {label})",
                  {"id": span.id, "start": span.start, "end": span.end, "label": span.label})


def _check_span(document: Document, span: Span, schema: Schema) -> None:
    where = partial(_span_place, span)
    if not (isinstance(span.start, int) and isinstance(span.end, int)):
        raise _error(document, Phrase("offsets must be whole numbers"), where)
    if not 0 <= span.start < span.end <= len(document.text):
        raise _error(
            document,
            Phrase("offsets {start}-{end} are outside the text (0-{size}) or empty",
                   {"start": span.start, "end": span.end, "size": len(document.text)}),
            where,
        )
    label = schema.label(span.label)
    if label is None:
        raise _error(
            document,
            Phrase("unknown label {label!r}; the schema {schema!r} has {known} (use --add-labels to add it)",
                   {"label": span.label, "schema": schema.name, "known": _sample(schema.labels)}),
            where,
        )
    check_attributes(document, span.attributes, label.layer, schema, where)


def check_attributes(
    document: Document, attributes: dict[str, Any], layer: str, schema: Schema, where: Place
) -> None:
    if not isinstance(attributes, dict):
        raise _error(document, Phrase("attributes must be an object"), where)
    for name, value in attributes.items():
        definition = schema.attributes.get(name)
        if definition is None:
            # An undeclared name would be stored, then exported where no tool declares it.
            raise _on_attribute(_error(document, _unknown_attribute(name, schema), where), name)
        if definition.values and str(value) not in definition.values:
            raise _on_attribute(_error(
                document,
                Phrase("attribute {name}={value!r} is not one of {values}",
                       {"name": name, "value": value, "values": ", ".join(definition.values)}),
                where,
            ), name)


def check_attribute_layers(document: Document, annotations: Annotations, schema: Schema) -> None:
    """Each attribute on an item of the layer the schema declares it for: brat's
    annotation.conf allows an attribute on its own layer only, so one declared for events
    on an ORG span would be dropped by the brat export. The layers are the brat writer's:
    a span's label's, ``event``, ``attribution``."""
    owners: list[tuple[Span | Event | Attribution, str, Place]] = [
        (span, schema.layer_of(span.label) or "entity", partial(_span_place, span)) for span in annotations.spans]
    owners += [(event, "event", partial(_event_place, event)) for event in annotations.events]
    owners += [(attribution, "attribution", partial(_attribution_place, attribution))
               for attribution in annotations.attributions]
    for item, layer, where in owners:
        for name in item.attributes if isinstance(item.attributes, dict) else ():
            definition = schema.attributes.get(name)
            if definition is not None and definition.layer != layer:
                message = Phrase(
                    "attribute {name!r} is declared for the {declared} layer, not the {layer} layer "
                    "(use --add-labels to import it all the same; brat cannot hold it there)",
                    {"name": name, "declared": layer_word(definition.layer), "layer": layer_word(layer)})
                raise _on_attribute(_about(_error(document, message, where), item.id), name)


def _unknown_attribute(name: str, schema: Schema) -> Phrase:
    if not schema.attributes:
        return Phrase("unknown attribute {name!r}; the schema {schema!r} has no attributes "
                      "(use --add-labels to add it)", {"name": name, "schema": schema.name})
    return Phrase("unknown attribute {name!r}; the schema {schema!r} has {known} (use --add-labels to add it)",
                  {"name": name, "schema": schema.name, "known": _sample(schema.attributes)})


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
                raise _about(_error(document, _overlap(before, after, layer)), after.id)


def _overlap(span: Span, other: Span, layer: str) -> Phrase:
    return Phrase("spans {span} and {other} overlap, and the schema does not let {layer} spans overlap",
                  {"span": span.id, "other": other.id, "layer": layer})


def _event_place(event: Event) -> Phrase:
    return Phrase("event {id} ({type})", {"id": event.id, "type": event.type})


def _attribution_place(attribution: Attribution) -> Phrase:
    return Phrase("attribution {id}", {"id": attribution.id})


def check_event(
    document: Document, event: Event, spans: dict[str, Span], schema: Schema
) -> None:
    with _naming(event.id):
        _check_event(document, event, spans, schema)


def _check_event(
    document: Document, event: Event, spans: dict[str, Span], schema: Schema
) -> None:
    where = partial(_event_place, event)
    label = schema.label(event.type)
    if label is None or label.layer != "event":
        raise _error(document, Phrase("unknown event type {type!r}", {"type": event.type}), where)
    trigger = spans.get(event.trigger)
    if trigger is None:
        raise _error(document, Phrase("trigger {trigger!r} is not a span", {"trigger": event.trigger}), where)
    if trigger.label != event.type:
        raise _error(document, Phrase("trigger {trigger} is labelled {label}, not {type}",
                                      {"trigger": trigger.id, "label": trigger.label, "type": event.type}), where)
    schema_roles = schema.roles_of(event.type)
    for argument in event.arguments:
        fillers = schema_roles.get(argument.role)
        if fillers is None:
            raise _error(document, _not_a_role(argument.role, event.type, list(schema_roles)), where)
        filler = spans.get(argument.span)
        if filler is None:
            raise _error(document, Phrase("argument {role} points at missing span {span!r}",
                                          {"role": argument.role, "span": argument.span}), where)
        if fillers and filler.label not in fillers:
            raise _error(
                document,
                Phrase("a {label} span ({span}) cannot fill {role}; allowed: {allowed}",
                       {"label": filler.label, "span": filler.id, "role": argument.role,
                        "allowed": ", ".join(fillers)}),
                where,
            )
    check_attributes(document, event.attributes, "event", schema, where)


def _not_a_role(role: str, event_type: str, roles: list[str]) -> Phrase:
    if not roles:
        return Phrase("role {role!r} is not a role of {type} (roles: none)", {"role": role, "type": event_type})
    return Phrase("role {role!r} is not a role of {type} (roles: {roles})",
                  {"role": role, "type": event_type, "roles": ", ".join(roles)})


def check_attribution(
    document: Document, attribution: Attribution, spans: dict[str, Span], schema: Schema
) -> None:
    with _naming(attribution.id):
        _check_attribution(document, attribution, spans, schema)


def _check_attribution(
    document: Document, attribution: Attribution, spans: dict[str, Span], schema: Schema
) -> None:
    where = partial(_attribution_place, attribution)
    if not attribution.span_ids():
        raise _error(document, Phrase("an attribution needs at least one of source, cue, content"), where)
    for part, span_id in attribution.parts().items():
        if span_id is None:
            continue
        span = spans.get(span_id)
        if span is None:
            raise _error(document, Phrase("{part} {span!r} is not a span", {"part": _PARTS[part], "span": span_id}),
                         where)
        expected = part_label(part)
        if part != "source" and span.label != expected:  # a source may also be any entity
            raise _error(document, Phrase("the {part} must be a {expected} span, not {label}",
                                          {"part": _PARTS[part], "expected": expected, "label": span.label}), where)
        if part == "source" and span.label != expected and schema.layer_of(span.label) != "entity":
            raise _error(document, Phrase("the source must be an entity or {expected} span, not {label}",
                                          {"expected": expected, "label": span.label}), where)
    check_attributes(document, attribution.attributes, "attribution", schema, where)


def _check_unique(document: Document, ids: list[str], refusal: Phrase) -> None:
    if len(set(ids)) != len(ids):
        raise _error(document, refusal)


def _sample(labels: Iterable[str]) -> str:
    names = list(labels)
    shown = ", ".join(names[:12])
    if len(names) > 12:
        return Phrase("{shown} and {more} more", {"shown": shown, "more": len(names) - 12})
    return shown


def _error(document: Document, message: Phrase, where: Place | None = None) -> ValidationError:
    return ValidationError(message, document=document.id, item=where() if where else None)


@contextmanager
def _naming(item_id: str) -> Iterator[None]:
    """A check's refusal names the span, event or attribution at fault (``_about``)."""
    try:
        yield
    except ValidationError as error:
        raise _about(error, item_id)


def _about(error: ValidationError, item_id: str) -> ValidationError:
    """Name the span, event or attribution at fault, so an importer that knows its line
    can name the line."""
    error.item_id = item_id  # type: ignore[attr-defined]
    return error


def _on_attribute(error: ValidationError, name: str) -> ValidationError:
    """Name the attribute at fault too: brat gives each its own line."""
    error.attribute = name  # type: ignore[attr-defined]
    return error


def line_key(item_id: str, attribute: str | None = None) -> str:
    """Where an importer records the line of an item (``T1``) or of one of its
    attributes (``T1 polarity``) in ``ImportRecord.span_lines``."""
    return item_id if attribute is None else f"{item_id} {attribute}"


def line_keys(error: Exception) -> list[str]:
    """The ``line_key``s an error is about, the most precise first (none: the document)."""
    item_id, attribute = getattr(error, "item_id", None), getattr(error, "attribute", None)
    if item_id is None:
        return []
    return [line_key(item_id, attribute), item_id] if attribute else [item_id]


# Characters no text may hold: C0 controls but tab, line feed and carriage return. A NUL
# above all is what text read in the wrong encoding (UTF-16 as UTF-8) is full of.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def check_text(document: Document) -> None:
    """Refuse a text holding a control character (other than tab and line breaks)."""
    found = CONTROL_CHARACTER.search(document.text)
    if found is not None:
        raise _error(document, Phrase(
            "the text holds the control character {code} at character {offset}; a text may hold "
            "tabs and line breaks but no other control characters",
            {"code": f"U+{ord(found.group()):04X}", "offset": found.start()}))


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
        raise _error(document, Phrase("span ids must be unique within an annotator's document"))
    for kind, items in ((Event, after.events), (Attribution, after.attributions)):
        new_ids = {i.id for i in added if isinstance(i, kind)}
        if new_ids and sum(1 for i in items if i.id in new_ids) > len(new_ids):
            twice = {"id": sorted(new_ids)[0]}
            raise _error(document, Phrase("event id {id} is used twice", twice) if kind is Event
                         else Phrase("attribution id {id} is used twice", twice))


def _check_neighbours(document: Document, spans: list[Span], added: list[Span], schema: Schema) -> None:
    for span in added:
        layer = schema.layer_of(span.label) or "entity"
        if schema.overlap_allowed(layer):
            continue
        for other in spans:
            if other.id != span.id and other.overlaps(span) and (schema.layer_of(other.label) or "entity") == layer:
                raise _error(document, _overlap(span, other, layer))
