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

Nor does a copy that brings no work replace work: ``assign`` hands an annotator their
current work (rows and times as they are) and records in the new file what it handed
out (``ASSIGNMENT``); a pair still as it was handed out is left out of a merge into a
project that holds it, and so is a pair marked new with nothing in it (an assignment
written by an older version, or never opened). ``merge_projects`` says what it kept.
The target's schema keeps its order: only what a source adds is appended, so merging an
identical schema leaves it byte for byte (a trained model, brat's annotation.conf).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from ..errors import InputError, Phrase, joined
from .commands import timestamp
from .importing import import_records
from .json_settings import load_json
from .model import Annotations, ImportRecord, Status
from .notes import Note, NoteStore, import_with_notes, with_notes
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
                # the target's order stays (a trained model and annotation.conf depend
                # on it); fillers only the other schema has come after it
                held = mine.roles.get(role, [])
                mine.roles[role] = [*held, *(f for f in dict.fromkeys(fillers) if f not in held)]
    for name, attribute in other.attributes.items():
        target.attributes.setdefault(name, copy.deepcopy(attribute))
    return added


def merge_projects(
    target: Any, sources: Iterable[tuple[str, Any]], *, force_older: bool = False,
    note_table: Callable[[Store], NoteStore] | None = None, kept: list[Phrase] | None = None,
) -> Iterator[Progress]:
    """Merge ``(name, store)`` sources into ``target`` in one transaction.

    ``force_older``: let older work replace newer work (else the merge is refused).
    ``note_table``: a store -> its notes (``storage.notes.NoteTable``); with it each
    merged pair's notes replace the target's notes on that pair, like its spans.
    ``kept``: receives a sentence per source and reason for the target's work a copy
    bringing nothing left in place (see ``left_out``).
    """
    sources = list(sources)
    schema = copy.deepcopy(target.schema)
    for name, source in sources:
        try:
            merge_schema(schema, source.schema)
        except InputError as error:
            raise error.located(file=name)
    plan = left_out(target, sources)
    older = older_work(target, sources, plan.pairs)
    if older and not force_older:
        raise InputError(
            "this merge would replace newer work with older work, so nothing was merged: "
            "{older}; to replace it anyway, merge again with --force-older",
            params={"older": joined(older, semicolons=True)},
        )
    total = sum(source.count_documents() for _, source in sources)

    def all_records() -> Iterator[ImportRecord]:
        for name, source in sources:
            leave = plan.pairs.get(name, set())
            for record in records_of(source, name, note_table(source) if note_table else None):
                if leave:
                    record = replace(record, annotations=[a for a in record.annotations
                                                          if (a.document_id, a.annotator) not in leave])
                yield record

    with target.atomic():  # a rollback drops the schema saved here (the store re-reads it)
        if schema.to_json() != target.schema.to_json():  # the same schema is not rewritten
            target.save_schema(schema)
        if note_table is None:
            yield from import_records(target, all_records(), total=total)
        else:
            yield from import_with_notes(target, all_records(), note_table(target), total=total)
        for (document_id, annotator), updated in _status_times(sources, plan.pairs).items():
            target.set_status_time(document_id, annotator, updated)
    if kept is not None:
        kept.extend(plan.said())


# --- copies that bring nothing -------------------------------------------------------
Pair = tuple[str, str]


@dataclass
class LeftOut:
    """Per source: the (document, annotator) pairs the merge leaves as the target holds
    them, and why, grouped for the report."""

    pairs: dict[str, set[Pair]] = field(default_factory=dict)
    reasons: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)  # (source, why, annotator) -> documents

    def add(self, source: str, pair: Pair, why: str) -> None:
        self.pairs.setdefault(source, set()).add(pair)
        self.reasons.setdefault((source, why, pair[1]), []).append(pair[0])

    def said(self) -> list[Phrase]:
        return [_kept_phrase(source, why, annotator, documents)
                for (source, why, annotator), documents in self.reasons.items()]


_UNTOUCHED, _BLANK = "untouched", "blank"


def left_out(target: Any, sources: list[tuple[str, Any]]) -> LeftOut:
    """The pairs of each source that bring nothing to a target holding them: still as
    ``assign`` handed them out (the source's ``ASSIGNMENT``), or marked new with nothing
    in them where the target (or an earlier source) has work. Sources in merge order."""
    plan = LeftOut()
    held = {pair: not blank for pair, blank in _blank_pairs(target).items()}  # pair -> has work
    for name, source in sources:
        handed_out = assignment_of(source)
        blanks = _blank_pairs(source)
        for pair, blank in blanks.items():
            if pair not in held:
                held[pair] = not blank
            elif handed_out.get(pair) is not None and handed_out[pair] == work_fingerprint(source, pair):
                plan.add(name, pair, _UNTOUCHED)
            elif blank and held[pair]:
                plan.add(name, pair, _BLANK)
            else:
                held[pair] = not blank
    return plan


def _blank_pairs(store: Any) -> dict[Pair, bool]:
    """Every pair of ``store`` -> whether it is blank: marked new, no spans, events,
    attributions or notes (read only for pairs new and without spans: few)."""
    spanless = {pair for pair, (_, created, _) in store.work_times().items() if created is None}
    blanks = {}
    for document_id, annotator, status in store.statuses():
        pair = (document_id, annotator)
        blanks[pair] = status is Status.NEW and pair in spanless and _holds_nothing(store, pair)
    return blanks


def _holds_nothing(store: Any, pair: Pair) -> bool:
    work = store.annotations(*pair)
    return not (work.spans or work.events or work.attributions or store.notes_of(*pair))


def _kept_phrase(source: str, why: str, annotator: str, documents: list[str]) -> Phrase:
    shown = joined([repr(d) for d in documents[:10]])
    if len(documents) > 10:
        shown = Phrase("{shown} and {more} more", {"shown": shown, "more": len(documents) - 10})
    values = {"source": source, "annotator": annotator, "documents": shown, "count": len(documents)}
    if why == _UNTOUCHED and len(documents) == 1:
        return Phrase("kept the project's work of {annotator} on document {documents}: "
                      "{source} has it as it was assigned, never edited", values)
    if why == _UNTOUCHED:
        return Phrase("kept the project's work of {annotator} on {count} documents ({documents}): "
                      "{source} has them as they were assigned, never edited", values)
    if len(documents) == 1:
        return Phrase("kept the project's work of {annotator} on document {documents}: "
                      "{source} has nothing there (marked new, nothing labelled)", values)
    return Phrase("kept the project's work of {annotator} on {count} documents ({documents}): "
                  "{source} has nothing there (marked new, nothing labelled)", values)


# --- older work --------------------------------------------------------------------
@dataclass
class _Holder:
    """Where one annotator's work on one document would come from, at a point of the merge."""

    name: str
    store: Store
    latest: datetime | None


def older_work(target: Any, sources: list[tuple[str, Any]],
               leave: dict[str, set[Pair]] | None = None) -> list[str]:
    """Each (document, annotator) pair the merge would set back to older, different
    work, described with both times; sources are taken in order, as they are merged,
    without the pairs in ``leave`` (per source: pairs the merge leaves out)."""
    leave = leave or {}
    holders = {pair: _Holder("the project", target, _latest(times))
               for pair, times in target.work_times().items()}
    found = []
    for name, source in sources:
        for pair, times in source.work_times().items():
            if pair in leave.get(name, ()):
                continue
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


def _status_times(sources: list[tuple[str, Any]], leave: dict[str, set[Pair]]) -> dict[Pair, str]:
    """The merged pairs' status times in their own projects (a later source wins, as its rows do)."""
    times = {}
    for name, source in sources:
        times.update({pair: row_times[0] for pair, row_times in source.work_times().items()
                      if pair not in leave.get(name, ())})
    return times


# --- handing work out ----------------------------------------------------------------
ASSIGNMENT = "assignment"  # the setting where ``assign`` records what it handed out


def assign_work(source: Store, target: Store, annotator: str, document_ids: list[str] | None,
                note_table: Callable[[Store], NoteStore]) -> Iterator[Progress]:
    """Write into the new project ``target`` the documents for one annotator, each with
    their current work in ``source`` (rows, notes and times as they are: a copy never
    edited is as old as the work it holds), and record what was handed out, so that a
    merge of the copy never edited brings nothing back (``left_out``)."""
    times = source.work_times()
    handed: list[str] = []

    def records() -> Iterator[ImportRecord]:
        for record in assignment_records(source, annotator, document_ids, note_table(source)):
            handed.append(record.document.id)
            yield record

    total = len(set(document_ids)) if document_ids is not None else source.count_documents()
    with target.atomic():
        yield from import_with_notes(target, records(), note_table(target), total=total)
        handed_out = {}
        for document_id in handed:
            pair = (document_id, annotator)
            if times.get(pair, (None,))[0] is not None:
                target.set_status_time(*pair, times[pair][0])
            handed_out[document_id] = work_fingerprint(target, pair)
        target.set_setting(ASSIGNMENT, json.dumps(
            {"annotator": annotator, "assigned": timestamp(), "documents": handed_out}, ensure_ascii=False))


def assignment_records(store: Store, annotator: str, document_ids: list[str] | None,
                       notes: NoteStore | None = None) -> Iterator[ImportRecord]:
    """Documents for one annotator's own project file: the texts, with the annotator's
    work on them (and their notes, from ``notes``), or marked new for them."""
    wanted = None if document_ids is None else set(document_ids)
    found = set()
    held = {pair for pair in store.work_times() if pair[1] == annotator}
    for document in store.documents():
        if wanted is not None and document.id not in wanted:
            continue
        found.add(document.id)
        if (document.id, annotator) in held:
            work = store.annotations(document.id, annotator)
            if notes is not None:
                work = with_notes(work, notes.notes_of(document.id, annotator))
        else:
            work = Annotations(document.id, annotator, Status.NEW)
        yield ImportRecord(document, [work])
    missing = (wanted or set()) - found
    if missing:
        raise InputError("no such documents in the project: {documents}",
                         params={"documents": ", ".join(sorted(missing))})


def assignment_of(store: Any) -> dict[Pair, str]:
    """What ``assign`` handed out in ``store``: (document, annotator) -> fingerprint of
    the work then. Empty for a project ``assign`` did not write, or whose record is not
    readable (a file from elsewhere: then nothing counts as handed out)."""
    try:
        record = load_json(store.setting(ASSIGNMENT) or "{}")
    except ValueError:
        return {}
    if not isinstance(record, dict) or not isinstance(record.get("annotator"), str):
        return {}
    documents = record.get("documents")
    if not isinstance(documents, dict):
        return {}
    return {(document, record["annotator"]): print_ for document, print_ in documents.items()
            if isinstance(print_, str)}


def work_fingerprint(store: Any, pair: Pair) -> str:
    """A digest of one annotator's work on one document as it reads: status, items and
    notes, not their times (rows put back as they were are the same work)."""
    work = store.annotations(*pair)

    def content(items: list) -> list:
        rows = [{k: v for k, v in asdict(item).items() if k not in ("created", "updated")} for item in items]
        return sorted(rows, key=lambda row: str(row["id"]))

    notes: list[Note] = store.notes_of(*pair)
    value = {"status": Status(work.status).value, "spans": content(work.spans), "events": content(work.events),
             "attributions": content(work.attributions),
             "notes": sorted([note.target, note.text] for note in notes)}
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
