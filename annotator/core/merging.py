"""Bringing annotators' work together, and handing work out.

``merge_projects`` copies other projects' documents, annotators and labels into a
target through the import pipeline, so it is checked and all-or-nothing like any
import: a document matches by id and text hash, and the same id with another text is
refused, naming the document, before anything is written. Each (document, annotator)
pair arriving replaces the target's copy of that annotator's work on that document,
which makes merging twice a no-op.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputError
from .importing import import_records
from .model import Annotations, ImportRecord, Status
from .progress import Progress
from .schema import Schema


def records_of(store: Any, source_name: str) -> Iterator[ImportRecord]:
    """Every document of a project with every annotator's work on it."""
    for document in store.documents():
        work = [a for a in store.all_annotations(document.id)]
        yield ImportRecord(document, work, file=source_name)


def merge_schema(target: Schema, other: Schema) -> list[str]:
    """Add the labels, roles and attributes ``other`` has and ``target`` lacks."""
    added = []
    for name, label in other.labels.items():
        mine = target.labels.get(name)
        if mine is None:
            target.labels[name] = copy.deepcopy(label)
            added.append(name)
        elif mine.layer != label.layer:
            raise InputError(f"label {name!r} is a {label.layer} label there but a {mine.layer} label here")
        else:
            for role, fillers in label.roles.items():
                merged = sorted(set(mine.roles.get(role, [])) | set(fillers))
                mine.roles[role] = merged
    for name, attribute in other.attributes.items():
        target.attributes.setdefault(name, copy.deepcopy(attribute))
    return added


def merge_projects(target: Any, sources: Iterable[tuple[str, Any]]) -> Iterator[Progress]:
    """Merge ``(name, store)`` sources into ``target`` in one transaction."""
    sources = list(sources)
    schema = copy.deepcopy(target.schema)
    for name, source in sources:
        try:
            merge_schema(schema, source.schema)
        except InputError as error:
            raise error.located(file=name)
    total = sum(source.count_documents() for _, source in sources)

    def all_records() -> Iterator[ImportRecord]:
        for name, source in sources:
            yield from records_of(source, name)

    with target.atomic():  # a rollback drops the schema saved here (the store re-reads it)
        target.save_schema(schema)
        yield from import_records(target, all_records(), total=total)


def assignment_records(store: Any, annotator: str, document_ids: list[str] | None) -> Iterator[ImportRecord]:
    """Documents for one annotator's own project file: the texts, marked new for them."""
    wanted = None if document_ids is None else set(document_ids)
    found = set()
    for document in store.documents():
        if wanted is not None and document.id not in wanted:
            continue
        found.add(document.id)
        yield ImportRecord(document, [Annotations(document.id, annotator, Status.NEW)])
    missing = (wanted or set()) - found
    if missing:
        raise InputError(f"no such documents in the project: {', '.join(sorted(missing))}")
