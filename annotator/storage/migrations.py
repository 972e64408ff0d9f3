"""Registered schema steps of the project file. A released step is never edited.

Each step runs in a transaction together with the record that it ran
(``sqlite_utils.Migrations``). ``PRAGMA user_version`` mirrors the number of steps, so
a file written by a newer version of the app is recognised before anything is touched.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils import Database, Migrations

APPLICATION_ID = 0x41524E54  # "ARNT": marks a SQLite file as one of our projects

migrations = Migrations("annotator")
STEP_NAMES: list[str] = []  # in order: the file format N has the first N steps


def step(function: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration step (and remember its name: sqlite-utils keeps the list
    private)."""
    STEP_NAMES.append(function.__name__)
    return migrations()(function)


@step
def m001_initial(db: Database) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY, seq INTEGER NOT NULL, text TEXT NOT NULL,
            sha256 TEXT NOT NULL, meta TEXT NOT NULL DEFAULT '{}', tokens TEXT,
            created TEXT NOT NULL)"""
    )
    # add_document reads MAX(seq) on every insert: without this index import is quadratic
    db.execute("CREATE UNIQUE INDEX documents_seq ON documents(seq)")
    db.execute(
        """CREATE TABLE statuses (
            document_id TEXT NOT NULL REFERENCES documents(id), annotator TEXT NOT NULL,
            status TEXT NOT NULL, updated TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator))"""
    )
    db.execute(
        """CREATE TABLE spans (
            document_id TEXT NOT NULL, annotator TEXT NOT NULL, id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}', created TEXT, updated TEXT,
            PRIMARY KEY (document_id, annotator, id))"""
    )
    db.execute(
        """CREATE TABLE events (
            document_id TEXT NOT NULL, annotator TEXT NOT NULL, id TEXT NOT NULL,
            type TEXT NOT NULL, trigger TEXT NOT NULL, arguments TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (document_id, annotator, id))"""
    )
    db.execute(
        """CREATE TABLE attributions (
            document_id TEXT NOT NULL, annotator TEXT NOT NULL, id TEXT NOT NULL,
            source TEXT, cue TEXT, content TEXT, attributes TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (document_id, annotator, id))"""
    )


@step
def m002_rejections(db: Database) -> None:
    """Rejected suggestions get a table: one JSON setting for every annotator and
    document was read whole on each keystroke and rewritten whole on each rejection
    (two windows rejecting at once could lose one)."""
    db.execute(
        """CREATE TABLE rejections (
            annotator TEXT NOT NULL, document_id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
            PRIMARY KEY (annotator, document_id, start, "end", label))"""
    )
    row = db.execute("SELECT value FROM settings WHERE key = 'suggestions/rejected'").fetchone()
    if row is None:
        return
    try:
        rows = [(annotator, document_id, int(start), int(end), str(label))
                for annotator, documents in json.loads(row[0]).items()
                for document_id, places in documents.items()
                for start, end, label in places]
    except (ValueError, TypeError, AttributeError):
        # unreadable: kept aside, untouched, rather than lost
        db.execute("UPDATE settings SET key = 'suggestions/rejected (unreadable)' "
                   "WHERE key = 'suggestions/rejected'")
        return
    db.conn.executemany("INSERT OR IGNORE INTO rejections VALUES (?, ?, ?, ?, ?)", rows)
    db.execute("DELETE FROM settings WHERE key = 'suggestions/rejected'")


@step
def m003_adjudication_rejections(db: Database) -> None:
    """Rejected adjudication candidates get a table: one JSON list setting per document
    was read, changed and rewritten whole, so two windows adjudicating the same
    document lost each other's rejections."""
    db.execute(
        """CREATE TABLE adjudication_rejections (
            document_id TEXT NOT NULL, candidate TEXT NOT NULL,
            PRIMARY KEY (document_id, candidate))"""
    )
    prefix = "adjudication/rejected/"
    settings = db.execute(
        "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", [len(prefix), prefix]
    ).fetchall()
    for key, value in settings:
        document_id = key[len(prefix):]
        try:
            candidates = json.loads(value)
        except (ValueError, TypeError, RecursionError):
            candidates = None
        if not isinstance(candidates, list):
            # unreadable: kept aside, untouched, rather than lost
            db.execute("UPDATE settings SET key = ? WHERE key = ?",
                       [f"adjudication/rejected (unreadable)/{document_id}", key])
            continue
        db.conn.executemany("INSERT OR IGNORE INTO adjudication_rejections VALUES (?, ?)",
                            [(document_id, str(candidate)) for candidate in candidates])
        db.execute("DELETE FROM settings WHERE key = ?", [key])


@step
def m004_notes(db: Database) -> None:
    """Annotators' notes (a question for the adjudicator, a doubt about a boundary) on a
    document (``target`` '') or on one of their spans, events or attributions (its id)."""
    db.execute(
        """CREATE TABLE notes (
            document_id TEXT NOT NULL, annotator TEXT NOT NULL, target TEXT NOT NULL,
            text TEXT NOT NULL, updated TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator, target))"""
    )


@step
def m005_models(db: Database) -> None:
    """Models trained on the project's own labels (the suggestions recommender), kept
    with what they were trained for: a model of another schema is refused, not used."""
    db.execute(
        """CREATE TABLE models (
            name TEXT PRIMARY KEY, format INTEGER NOT NULL, schema_sha256 TEXT NOT NULL,
            trained_on TEXT NOT NULL, created TEXT NOT NULL, data BLOB NOT NULL)"""
    )


@step
def m006_model_suggestions(db: Database) -> None:
    """A model's suggestions (pre-annotation) get a table: one JSON setting per annotator
    and document, with its key and shape decided in core, was rewritten whole."""
    db.execute(
        """CREATE TABLE model_suggestions (
            annotator TEXT NOT NULL, document_id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
            model TEXT NOT NULL, created TEXT NOT NULL,
            PRIMARY KEY (annotator, document_id, start, "end", label))"""
    )
    prefix = "suggestions/model/"
    settings = db.execute(
        "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", [len(prefix), prefix]
    ).fetchall()
    for key, value in settings:
        annotator, _, document_id = key[len(prefix):].partition("/")
        try:
            payload = json.loads(value)
            rows = [(annotator, document_id, int(start), int(end), str(label),
                     str(payload.get("model", "")), str(payload.get("created", "")))
                    for start, end, label in payload["spans"]]
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            # unreadable: kept aside, untouched, rather than lost
            db.execute("UPDATE settings SET key = ? WHERE key = ?", [f"{key} (unreadable)", key])
            continue
        db.conn.executemany("INSERT OR IGNORE INTO model_suggestions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        db.execute("DELETE FROM settings WHERE key = ?", [key])


@step
def m007_document_order_index(db: Database) -> None:
    """The documents in their order, read from an index that holds their ids: listing
    100,000 documents walked the table, texts and all (a quarter of a second or more
    before the window could list them)."""
    db.execute("CREATE INDEX documents_order ON documents(seq, id)")


@step
def m008_model_suggestion_confidence(db: Database) -> None:
    """How sure the learned recommender is of each suggestion (NULL where the model
    says nothing, as camel-tools' NER pre-annotation), shown beside it and compared
    with the annotator's threshold."""
    db.execute("ALTER TABLE model_suggestions ADD COLUMN confidence REAL")


def latest_version() -> int:
    return len(step_names())


def step_names() -> list[str]:
    """The registered steps' names, in order: file format N has the first N."""
    return list(STEP_NAMES)
