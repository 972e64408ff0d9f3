"""The import pipeline shared by every format: check, then write, all or nothing.

``import_records`` is a generator: it yields ``Progress`` and keeps one transaction
open until the last record is written. Closing it early (a cancel) or an error
rolls everything back, so a failed import leaves the project exactly as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator

from ..errors import AnnotatorError, InputError
from .limits import check_document_size
from .model import Annotations, ImportRecord
from .progress import Progress
from .schema import AttributeDef, Schema
from .store import Store
from .validation import check_text, line_keys, validate_annotations


class FileRecord(ImportRecord):
    """A record a format reader read from a file. It gets the checks a file needs and a
    project's own data has had when it came in (merge and assign copy that as it is, in
    plain ``ImportRecord``s; an attribute may be on another layer there after a relabel):
    no control characters in its text, each attribute on the layer the schema declares
    it for (unless ``add_labels``, which keeps it, as it adds an undeclared one: the
    schema declares a name for one layer only)."""


def import_records(
    store: Store,
    records: Iterable[ImportRecord],
    *,
    add_labels: bool = False,
    total: int | None = None,
) -> Iterator[Progress]:
    schema = copy.deepcopy(store.schema)
    grown = False
    done = 0
    with store.atomic():
        for record in records:
            try:
                grown |= _import_one(store, record, schema, add_labels)
            except AnnotatorError as error:
                raise error.located(file=record.file, line=_line_of(record, error))
            done += 1
            yield Progress(done, total, record.document.id)
        if done == 0:
            raise InputError("nothing to import: no documents found")
        if grown:
            store.save_schema(schema)


def _line_of(record: ImportRecord, error: AnnotatorError) -> int | None:
    """The file line of what the error is about (a span's own line in CoNLL, an
    attribute's in brat), else the record's."""
    found = (record.span_lines.get(key) for key in line_keys(error))
    return next((line for line in found if line is not None), record.line)


def _import_one(store: Store, record: ImportRecord, schema: Schema, add_labels: bool) -> bool:
    document = record.document
    stored = store.document_sha256(document.id)
    if stored is not None and stored != document.sha256:
        raise InputError(
            "a document with this id already exists in the project with a different "
            "text; rename it or remove the old one",
            document=document.id,
        )
    from_file = isinstance(record, FileRecord)
    if stored is None:
        check_document_size(document)  # before validation, which walks the whole text
        if from_file:
            check_text(document)
    grown = False
    for annotations in record.annotations:
        if add_labels:
            grown |= _grow_schema(schema, annotations)
        validate_annotations(document, annotations, schema, attribute_layers=from_file and not add_labels)
    if stored is None:
        store.add_document(document)
    for annotations in record.annotations:
        store.replace_annotations(annotations)
    return grown


def _grow_schema(schema: Schema, annotations: Annotations) -> bool:
    """Add labels and roles the data uses but the schema lacks (``--add-labels``)."""
    grown = False
    event_types = {e.type for e in annotations.events}
    trigger_ids = {e.trigger for e in annotations.events}
    for event in annotations.events:
        if event.type not in schema.labels:
            schema.add_label(event.type, layer="event")
            grown = True
        roles = schema.labels[event.type].roles
        for argument in event.arguments:
            if argument.role not in roles:
                roles[argument.role] = []  # an empty filler list admits any label
                grown = True
    for span in annotations.spans:
        if span.label not in schema.labels:
            layer = "event" if span.id in trigger_ids or span.label in event_types else "entity"
            schema.add_label(span.label, layer=layer)
            grown = True
    return _grow_attributes(schema, annotations) or grown


def _grow_attributes(schema: Schema, annotations: Annotations) -> bool:
    """Declare attribute names the data uses, on the layer of their first user, with
    the values the data gives them (brat needs them listed; a value of ``True`` is a
    binary attribute, which lists none). A value that a grown attribute lacks is added
    too, so one import can bring several values of a new name.
    """
    grown = False
    owners = [(schema.layer_of(s.label) or "entity", s.attributes) for s in annotations.spans]
    owners += [("event", e.attributes) for e in annotations.events]
    owners += [("attribution", a.attributes) for a in annotations.attributions]
    for layer, attributes in owners:
        for name, value in attributes.items() if isinstance(attributes, dict) else ():
            definition = schema.attributes.get(name)
            if definition is None:
                definition = schema.attributes[name] = AttributeDef(name=name, layer=layer)
                definition.en = _GROWN
                grown = True
            if definition.en == _GROWN and value is not True and str(value) not in definition.values:
                definition.values.append(str(value))
                grown = True
    return grown


# Marks an attribute this import declared, whose values it may still extend; shown as
# the attribute's English name, which says where it came from.
_GROWN = "added on import"
