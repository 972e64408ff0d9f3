"""Annotators' notes: a question for the adjudicator, a doubt about a boundary.

A note belongs to one annotator's work on one document, like their spans: it is on the
document (``target`` '') or on one of their spans, events or attributions (its id).
One note per target; storage is ``annotator.storage.notes``.

Notes travel with the work they belong to: ``NotedAnnotations`` is an ``Annotations``
carrying its notes, which readers (JSONL ``"notes"``, brat ``AnnotatorNotes``) produce
and exporters write; importing or merging a (document, annotator) pair that carries
notes replaces that pair's notes, as its spans are replaced.

In the window a note is written, changed and deleted by a ``NoteCommand`` (``set_note``
builds it), undone like any label. Deleting an item deletes its note in the same step
and an undo brings both back (``commands.EditCommand`` carries it). A note whose
target is gone all the same (a project written by an older version, a merge that
replaced the item) is kept, and shown and exported as a note on the document
(``exported_notes``), so no note is lost silently. A file's note on an item the file
does not hold is refused at import (``refuse_dangling_notes``), as a reference to a
missing span is: it was never on anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..errors import InputError, Phrase, ProjectError, ValidationError
from .commands import NamedStep, StepName, step, timestamp
from .importing import import_records
from .model import Annotations, Attribution, Event, ImportRecord, Span
from .progress import Progress
from .store import Store

DOCUMENT = ""  # the target of a note on the document itself


@dataclass(frozen=True)
class Note:
    document_id: str
    annotator: str
    target: str  # '' = the document, else a span/event/attribution id
    text: str
    updated: str | None = None


@dataclass
class NotedAnnotations(Annotations):
    """One annotator's work on one document, with their notes on it."""

    notes: list[Note] = field(default_factory=list)


class NoteStore(Protocol):
    def notes_of(self, document_id: str, annotator: str) -> list[Note]: ...
    def replace_notes(self, document_id: str, annotator: str, notes: list[Note]) -> None: ...


def with_notes(annotations: Annotations, notes: Iterable[Note]) -> NotedAnnotations:
    """``annotations`` carrying ``notes`` (the lists are shared, not copied)."""
    noted = NotedAnnotations(annotations.document_id, annotations.annotator, annotations.status,
                             annotations.spans, annotations.events, annotations.attributions)
    noted.notes = list(notes)
    return noted


def notes_in(annotations: Annotations | None) -> list[Note]:
    return list(getattr(annotations, "notes", ()) or ())


def item_ids(annotations: Annotations) -> set[str]:
    return {item.id for items in (annotations.spans, annotations.events, annotations.attributions)
            for item in items}


def exported_notes(annotations: Annotations | None) -> list[Note]:
    """The notes to write for ``annotations``: a note on an item that is gone becomes a
    note on the document; notes on one target are joined (one per target on import)."""
    if annotations is None:
        return []
    present = item_ids(annotations)
    joined: dict[str, list[Note]] = {}
    for note in notes_in(annotations):
        target = note.target if note.target in present else DOCUMENT
        joined.setdefault(target, []).append(note)
    return [
        Note(annotations.document_id, annotations.annotator, target,
             "\n".join(n.text for n in group), max(n.updated or "" for n in group) or None)
        for target, group in joined.items()
    ]


def notes_json(annotations: Annotations | None) -> list[dict[str, str]]:
    return [{"target": n.target, "text": n.text} for n in exported_notes(annotations)]


def notes_from_json(raw: Any, document_id: str, annotator: str) -> list[Note]:
    """Notes read from a JSONL line's ``"notes"`` list (``InputError`` if malformed)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError("'notes' must be a list of {\"target\": ..., \"text\": ...}")
    notes = []
    for item in raw:
        if not (isinstance(item, dict) and isinstance(item.get("text"), str)
                and isinstance(item.get("target", ""), str)):
            raise InputError("each note needs a string 'text' (and 'target': an item id or '')")
        notes.append(Note(document_id, annotator, item.get("target", ""), item["text"]))
    return joined_by_target(notes)


def refuse_dangling_notes(notes: Iterable[Note], annotations: Annotations) -> None:
    """``InputError`` for a note read from a file on an item the file does not hold: it
    would be kept as a note on the document, silently, as a cue on a missing span is not."""
    present = item_ids(annotations)
    for note in notes:
        if note.target != DOCUMENT and note.target not in present:
            raise InputError("a note is on {target!r}, but no span, event or attribution of this "
                             "work has that id (a note on the document has the target \"\")",
                             params={"target": note.target})


def joined_by_target(notes: Iterable[Note]) -> list[Note]:
    """One note per target (the store keeps one): texts of a repeated target joined."""
    by_target: dict[str, Note] = {}
    for note in notes:
        held = by_target.get(note.target)
        by_target[note.target] = note if held is None else Note(
            note.document_id, note.annotator, note.target, f"{held.text}\n{note.text}", note.updated)
    return list(by_target.values())


def import_with_notes(
    store: Store, records: Iterable[ImportRecord], note_store: NoteStore, **options: Any
) -> Iterator[Progress]:
    """``importing.import_records``, also writing the notes the records' work carries,
    in the same transaction (all or nothing). Work without notes keeps its notes."""
    arrived: list[tuple[str, str, list[Note]]] = []

    def watched() -> Iterator[ImportRecord]:
        for record in records:
            for work in record.annotations:
                if isinstance(work, NotedAnnotations):
                    arrived.append((work.document_id, work.annotator, work.notes))
            yield record

    with store.atomic():
        yield from import_records(store, watched(), **options)
        for document_id, annotator, notes in arrived:
            note_store.replace_notes(document_id, annotator, joined_by_target(notes))


# --- writing one note, undoably ------------------------------------------------------
_ITEM_TABLES = ("spans", "events", "attributions")


@dataclass
class NoteCommand(NamedStep):
    """Write, change or delete one annotator's note on one target: ``before`` and
    ``after`` are the whole notes (None: no note), so undo puts ``before`` back.

    Each direction refuses (nothing written) if the note in the file is no longer the
    one it replaces: another window or program changed it since."""

    name: StepName
    document_id: str
    annotator: str
    target: str
    before: Note | None
    after: Note | None

    def do(self, store: Store) -> None:
        self._write(store, expected=self.before, new=self.after, refused=Phrase("nothing was changed"))

    def undo(self, store: Store) -> None:
        self._write(store, expected=self.after, new=self.before, refused=Phrase("nothing was undone"))

    def _write(self, store: Store, expected: Note | None, new: Note | None, refused: str) -> None:
        with store.atomic():
            held = store.note(self.document_id, self.annotator, self.target)
            if _text(held) != _text(expected):
                raise ProjectError("the note on {target} was changed by another window or program since; {refused}",
                                   params={"target": describe_target(self.target), "refused": refused},
                                   file=str(store.path) if store.path else None, document=self.document_id)
            if new is None:
                store.delete_note(self.document_id, self.annotator, self.target)
            else:
                store.save_note(new)


def _text(note: Note | None) -> str | None:
    return None if note is None else note.text


def describe_target(target: str) -> str:
    return Phrase("the document") if target == DOCUMENT else target


def set_note(store: Store, document_id: str, annotator: str, target: str, text: str) -> NoteCommand | None:
    """The command that makes the annotator's note on ``target`` (an item id, or
    ``DOCUMENT``) say ``text``; blank ``text`` deletes it. None: nothing would change.

    ``ValidationError`` if ``target`` is no item of this annotator's work on the
    document (a note must hang on something the adjudicator can find)."""
    if target != DOCUMENT and not any(store.has_item(table, document_id, annotator, target)
                                      for table in _ITEM_TABLES):
        raise ValidationError("no such item {target!r} to put a note on", params={"target": target},
                              document=document_id)
    before = store.note(document_id, annotator, target)
    text = text.strip()
    if text == _text(before) or (not text and before is None):
        return None
    after = Note(document_id, annotator, target, text, timestamp()) if text else None
    name = step("Add note") if before is None else step("Delete note") if after is None else step("Edit note")
    return NoteCommand(name, document_id, annotator, target, before, after)


# --- where a note hangs ------------------------------------------------------------------
def note_target(annotations: Annotations, target: str) -> Span | Event | Attribution | None:
    """The span, event or attribution ``target`` names in ``annotations`` (None: the
    document, or an item that is gone: the note then counts as one on the document)."""
    if target == DOCUMENT:
        return None
    for pool in (annotations.spans, annotations.events, annotations.attributions):
        found = next((item for item in pool if item.id == target), None)
        if found is not None:
            return found
    return None


def anchor_of(annotations: Annotations, item: Span | Event | Attribution | None) -> Span | None:
    """The span that shows where ``item`` is: itself, an event's trigger, an attribution's
    cue (else its source, else its content)."""
    if item is None or isinstance(item, Span):
        return item
    spans = annotations.span_map()
    if isinstance(item, Event):
        return spans.get(item.trigger)
    return next((spans[i] for i in (item.cue, item.source, item.content) if i in spans), None)
