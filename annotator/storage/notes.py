"""The ``notes`` table (file format 5, ``m004_notes``): annotators' notes, as ``core.notes.Note``.

Functions take an open ``ProjectStore`` and write inside ``store.atomic()``;
``NoteRows`` gives ``ProjectStore`` the note methods of ``core.store.Store`` (the undoable
note commands and the edits that carry an item's note use them); ``NoteTable(store)``
is the same as an object, for core code that takes a ``NoteStore``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..core.commands import timestamp
from ..core.notes import Note
from ..errors import DamagedRowError
from .parts import StoreParts

if TYPE_CHECKING:
    from .project_store import ProjectStore

_COLUMNS = "document_id, annotator, target, text, updated"


def _note(row: tuple, file: str) -> Note:
    if not all(isinstance(value, str) for value in row[:4]):
        raise DamagedRowError("a note row holds a value that is not text; the file was changed "
                              "outside the app or is damaged", file=file, table="notes",
                              row=repr(tuple(row[:3])), field="text")
    return Note(*row[:4], row[4] if isinstance(row[4], str) else None)


def _file(store: StoreParts) -> str:
    return str(store.path) if store.path else ":memory:"


def notes(store: StoreParts, document_id: str | None = None, annotator: str | None = None) -> list[Note]:
    """Notes of the project, of one document, or of one annotator's work on it."""
    sql, params = f"SELECT {_COLUMNS} FROM notes WHERE 1", []
    if document_id is not None:
        sql, params = sql + " AND document_id = ?", params + [document_id]
    if annotator is not None:
        sql, params = sql + " AND annotator = ?", params + [annotator]
    rows = store.db.execute(sql + " ORDER BY document_id, annotator, target", params)
    return [_note(row, _file(store)) for row in rows]


def notes_by_work(store: ProjectStore) -> dict[tuple[str, str], list[Note]]:
    """Every note, by (document, annotator): exporters read the table once."""
    found: dict[tuple[str, str], list[Note]] = defaultdict(list)
    for note in notes(store):
        found[(note.document_id, note.annotator)].append(note)
    return dict(found)


def save_note(store: StoreParts, note: Note) -> Note:
    """Add or replace the annotator's note on ``note.target``; returns it as stored."""
    stored = Note(note.document_id, note.annotator, note.target, note.text, note.updated or timestamp())
    with store.atomic():
        store.db.execute(f"INSERT OR REPLACE INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                         [stored.document_id, stored.annotator, stored.target, stored.text, stored.updated])
    return stored


def delete_note(store: StoreParts, document_id: str, annotator: str, target: str) -> None:
    with store.atomic():
        store.db.execute("DELETE FROM notes WHERE document_id = ? AND annotator = ? AND target = ?",
                         [document_id, annotator, target])


def replace_notes(store: ProjectStore, document_id: str, annotator: str, new: list[Note]) -> None:
    """Make one annotator's notes on one document equal ``new`` (one per target)."""
    with store.atomic():
        store.db.execute("DELETE FROM notes WHERE document_id = ? AND annotator = ?", [document_id, annotator])
        store.db.conn.executemany(
            f"INSERT OR REPLACE INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
            [(document_id, annotator, n.target, n.text, n.updated or timestamp()) for n in new],
        )


def note(store: StoreParts, document_id: str, annotator: str, target: str) -> Note | None:
    """The annotator's note on ``target`` ('' for the document), or None."""
    row = store.db.execute(f"SELECT {_COLUMNS} FROM notes WHERE document_id = ? AND annotator = ? "
                           "AND target = ?", [document_id, annotator, target]).fetchone()
    return _note(row, _file(store)) if row is not None else None


class NoteRows(StoreParts):
    """``ProjectStore``'s note methods (``core.store.Store``)."""

    def notes_of(self, document_id: str, annotator: str | None = None) -> list[Note]:
        """The notes on one document: one annotator's, or everyone's (adjudication)."""
        return notes(self, document_id, annotator)

    def note(self, document_id: str, annotator: str, target: str) -> Note | None:
        return note(self, document_id, annotator, target)

    def save_note(self, note: Note) -> Note:
        return save_note(self, note)

    def delete_note(self, document_id: str, annotator: str, target: str) -> None:
        delete_note(self, document_id, annotator, target)


class NoteTable:
    """``core.notes.NoteStore`` over a project's ``notes`` table."""

    def __init__(self, store: ProjectStore) -> None:
        self.store = store

    def notes_of(self, document_id: str, annotator: str) -> list[Note]:
        return notes(self.store, document_id, annotator)

    def replace_notes(self, document_id: str, annotator: str, new: list[Note]) -> None:
        replace_notes(self.store, document_id, annotator, new)
