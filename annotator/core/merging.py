"""Bringing annotators' work together, and handing work out.

``merge_projects`` copies other projects' documents, annotators and labels into a
target through the import pipeline, so it is checked and all-or-nothing like any
import: a document matches by id and text hash, and the same id with another text is
refused, naming the document, before anything is written. Each (document, annotator)
pair arriving replaces the target's copy of that annotator's work on that document,
which makes merging twice a no-op.

Older work never replaces newer work silently: a pair whose arriving work is older
(by its rows' times: the status row's, the spans' created/updated) than the work it
would replace, and differs from it, refuses the whole merge, naming every such pair,
unless ``force_older`` is set. The merged status rows keep their own project's time,
not the time of the merge, so a later merge can still tell which copy is newer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import InputError, Phrase, joined
from .importing import import_records
from .model import Annotations, ImportRecord, Status
from .notes import NoteStore, import_with_notes, with_notes
from .progress import Progress
from .schema import Schema
from .store import Store


def records_of(store: Store, source_name: str, notes: NoteStore | None = None) -> Iterator[ImportRecord]:
    """Every document of a project with every annotator's work on it (and their notes
    on it, from ``notes``: they travel with the work)."""
    for document in store.documents():
        work = [a for a in store.all_annotations(document.id)]
        if notes is not None:
            work = [with_notes(a, notes.notes_of(a.document_id, a.annotator)) for a in work]
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
            raise InputError("label {label!r} is a {there} label there but a {here} label here",
                             params={"label": name, "there": label.layer, "here": mine.layer})
        else:
            for role, fillers in label.roles.items():
                merged = sorted(set(mine.roles.get(role, [])) | set(fillers))
                mine.roles[role] = merged
    for name, attribute in other.attributes.items():
        target.attributes.setdefault(name, copy.deepcopy(attribute))
    return added


def merge_projects(
    target: Any, sources: Iterable[tuple[str, Any]], *, force_older: bool = False,
    note_table: Callable[[Store], NoteStore] | None = None,
) -> Iterator[Progress]:
    """Merge ``(name, store)`` sources into ``target`` in one transaction.

    ``force_older``: let older work replace newer work (else the merge is refused).
    ``note_table``: a store -> its notes (``storage.notes.NoteTable``); with it each
    merged pair's notes replace the target's notes on that pair, like its spans.
    """
    sources = list(sources)
    schema = copy.deepcopy(target.schema)
    for name, source in sources:
        try:
            merge_schema(schema, source.schema)
        except InputError as error:
            raise error.located(file=name)
    older = older_work(target, sources)
    if older and not force_older:
        raise InputError(
            "this merge would replace newer work with older work, so nothing was merged: "
            "{older}; to replace it anyway, merge again with --force-older",
            params={"older": joined(older, semicolons=True)},
        )
    total = sum(source.count_documents() for _, source in sources)

    def all_records() -> Iterator[ImportRecord]:
        for name, source in sources:
            yield from records_of(source, name, note_table(source) if note_table else None)

    with target.atomic():  # a rollback drops the schema saved here (the store re-reads it)
        target.save_schema(schema)
        if note_table is None:
            yield from import_records(target, all_records(), total=total)
        else:
            yield from import_with_notes(target, all_records(), note_table(target), total=total)
        for (document_id, annotator), updated in _status_times(sources).items():
            target.set_status_time(document_id, annotator, updated)


# --- older work --------------------------------------------------------------------
@dataclass
class _Holder:
    """Where one annotator's work on one document would come from, at a point of the merge."""

    name: str
    store: Store
    latest: datetime | None


def older_work(target: Any, sources: list[tuple[str, Any]]) -> list[str]:
    """Each (document, annotator) pair the merge would set back to older, different
    work, described with both times; sources are taken in order, as they are merged."""
    holders = {pair: _Holder("the project", target, _latest(times))
               for pair, times in target.work_times().items()}
    found = []
    for name, source in sources:
        for pair, times in source.work_times().items():
            arriving = _Holder(name, source, _latest(times))
            held = holders.get(pair)
            if held is not None and _is_older(arriving, held) and not _same_work(held, arriving, pair):
                found.append(Phrase(
                    "document {document!r}, annotator {annotator!r}: {held} has work from "
                    "{held_from}, {arriving} only from {arriving_from}",
                    {"document": pair[0], "annotator": pair[1], "held": held.name,
                     "held_from": held.latest.isoformat(), "arriving": name,
                     "arriving_from": arriving.latest.isoformat()}))
            holders[pair] = arriving
    return found


def _latest(times: Iterable[str | None]) -> datetime | None:
    """The latest of a pair's row times; times that are missing or unreadable count for nothing."""
    moments = []
    for text in times:
        try:
            moment = datetime.fromisoformat(str(text))
        except ValueError:
            continue
        moments.append(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc))
    return max(moments, default=None)


def _is_older(arriving: _Holder, held: _Holder) -> bool:
    return arriving.latest is not None and held.latest is not None and arriving.latest < held.latest


def _same_work(first: _Holder, second: _Holder, pair: tuple[str, str]) -> bool:
    """Equal rows (merging a copy twice is not a conflict), whatever order they were stored in."""
    return _rows(first.store.annotations(*pair)) == _rows(second.store.annotations(*pair))


def _rows(work: Annotations) -> tuple:
    def by_id(items: list) -> list:
        return sorted(items, key=lambda item: item.id)

    return work.status, by_id(work.spans), by_id(work.events), by_id(work.attributions)


def _status_times(sources: list[tuple[str, Any]]) -> dict[tuple[str, str], str]:
    """The merged pairs' status times in their own projects (a later source wins, as its rows do)."""
    times = {}
    for _, source in sources:
        times.update({pair: row_times[0] for pair, row_times in source.work_times().items()})
    return times


def assignment_records(store: Store, annotator: str, document_ids: list[str] | None) -> Iterator[ImportRecord]:
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
        raise InputError("no such documents in the project: {documents}",
                         params={"documents": ", ".join(sorted(missing))})
