"""A project file: one SQLite database in WAL mode, read and written through core objects.

Every public write runs in a transaction (``atomic()``); callers group several writes by
wrapping them in their own ``atomic()`` block, which nests as a savepoint.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..core.errors import ProjectError
from ..core.model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    Span,
    Status,
)
from ..core.schema import Schema
from .migrations import APPLICATION_ID, latest_version, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    if value == {}:
        return "{}"  # most attribute sets are empty: skip the encoder (a third of import time)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class ProjectStore:
    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._schema: Schema | None = None

    # --- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, schema: Schema) -> ProjectStore:
        path = Path(path)
        if path.exists():
            raise ProjectError("a file with this name already exists", file=str(path))
        store = cls(_connect(path), path)
        store._initialise(schema)
        return store

    @classmethod
    def open(cls, path: Path) -> ProjectStore:
        path = Path(path)
        if not path.exists():
            raise ProjectError("no such project file", file=str(path))
        _check_header(path)
        store = cls(_connect(path), path)
        store._check_is_project()
        store._upgrade()
        return store

    @classmethod
    def in_memory(cls, schema: Schema) -> ProjectStore:
        store = cls(Database(memory=True), None)
        store._initialise(schema)
        return store

    def _initialise(self, schema: Schema) -> None:
        self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(self.db)
        self._set_version()
        self.save_schema(schema)

    def _check_is_project(self) -> None:
        try:
            app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            self.close()
            raise ProjectError(f"not a readable SQLite database ({error})", file=self._name())
        if app_id != APPLICATION_ID:
            self.close()
            raise ProjectError(
                "this SQLite database is not an annotation project", file=self._name()
            )
        if version > latest_version():
            self.close()
            raise ProjectError(
                f"this project was written by a newer version of the app (file format "
                f"{version}, this app knows up to {latest_version()}); update the app",
                file=self._name(),
            )

    def _upgrade(self) -> None:
        if migrations.pending(self.db):
            migrations.apply(self.db)
            self._set_version()

    def _set_version(self) -> None:
        self.db.execute(f"PRAGMA user_version = {latest_version()}")

    def _name(self) -> str:
        return str(self.path) if self.path else ":memory:"

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self.db.atomic():
            yield

    # --- schema --------------------------------------------------------------------
    @property
    def schema(self) -> Schema:
        if self._schema is None:
            row = self.db.execute("SELECT value FROM settings WHERE key = 'schema'").fetchone()
            self._schema = Schema.from_text(row[0], source=f"{self._name()} (schema)")
        return self._schema

    def reload_schema(self) -> Schema:
        """Forget the cached schema (another connection may have grown it)."""
        self._schema = None
        return self.schema

    def save_schema(self, schema: Schema) -> None:
        # Not _dumps: sorting keys would reorder labels' roles, which the UI lists in order.
        self.set_setting("schema", json.dumps(schema.to_json(), ensure_ascii=False))
        self._schema = schema

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value]
            )

    # --- documents -----------------------------------------------------------------
    def add_document(self, document: Document) -> None:
        tokens = _dumps(document.tokens) if document.tokens is not None else None
        with self.atomic():
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
            self.db.execute(
                "INSERT INTO documents (id, seq, text, sha256, meta, tokens, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document.id, seq, document.text, document.sha256, _dumps(document.meta), tokens, now()],
            )

    def document_sha256(self, document_id: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM documents WHERE id = ?", [document_id]).fetchone()
        return row[0] if row else None

    def document(self, document_id: str) -> Document:
        row = self.db.execute(
            "SELECT id, text, meta, tokens FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise ProjectError("no such document", document=document_id)
        return _document(row)

    def documents(self) -> Iterator[Document]:
        cursor = self.db.execute("SELECT id, text, meta, tokens FROM documents ORDER BY seq")
        for row in cursor:
            yield _document(row)

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY seq")]

    def count_documents(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    # --- annotators and status -----------------------------------------------------
    def annotators(self) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT annotator FROM statuses ORDER BY annotator")
        return [r[0] for r in rows]

    def annotators_of(self, document_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT annotator FROM statuses WHERE document_id = ? ORDER BY annotator",
            [document_id],
        )
        return [r[0] for r in rows]

    def status(self, document_id: str, annotator: str) -> Status:
        row = self.db.execute(
            "SELECT status FROM statuses WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return Status(row[0]) if row else Status.NEW

    def set_status(self, document_id: str, annotator: str, status: Status) -> None:
        with self.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO statuses (document_id, annotator, status, updated) "
                "VALUES (?, ?, ?, ?)",
                [document_id, annotator, Status(status).value, now()],
            )

    def statuses(self) -> list[tuple[str, str, Status]]:
        rows = self.db.execute("SELECT document_id, annotator, status FROM statuses")
        return [(d, a, Status(s)) for d, a, s in rows]

    # --- annotations ---------------------------------------------------------------
    def annotations(self, document_id: str, annotator: str) -> Annotations:
        key = [document_id, annotator]
        return Annotations(
            document_id=document_id,
            annotator=annotator,
            status=self.status(document_id, annotator),
            spans=[_span(r) for r in self.db.execute(_SPANS, key)],
            events=[_event(r) for r in self.db.execute(_EVENTS, key)],
            attributions=[_attribution(r) for r in self.db.execute(_ATTRIBUTIONS, key)],
        )

    def all_annotations(self, document_id: str) -> list[Annotations]:
        return [self.annotations(document_id, a) for a in self.annotators_of(document_id)]

    def replace_annotations(self, annotations: Annotations) -> None:
        """Make the stored work of one annotator on one document equal ``annotations``."""
        key = [annotations.document_id, annotations.annotator]
        with self.atomic():
            for table in ("spans", "events", "attributions"):
                self.db.execute(f"DELETE FROM {table} WHERE document_id = ? AND annotator = ?", key)
            self.db.conn.executemany(_INSERT_SPAN, [key + _span_row(s) for s in annotations.spans])
            self.db.conn.executemany(_INSERT_EVENT, [key + _event_row(e) for e in annotations.events])
            self.db.conn.executemany(
                _INSERT_ATTRIBUTION, [key + _attribution_row(a) for a in annotations.attributions]
            )
            self.set_status(annotations.document_id, annotations.annotator, annotations.status)

    def save_span(self, document_id: str, annotator: str, span: Span) -> None:
        self._write(_INSERT_SPAN, [document_id, annotator, *_span_row(span)], document_id, annotator)

    def save_event(self, document_id: str, annotator: str, event: Event) -> None:
        self._write(_INSERT_EVENT, [document_id, annotator, *_event_row(event)], document_id, annotator)

    def save_attribution(self, document_id: str, annotator: str, attribution: Attribution) -> None:
        row = [document_id, annotator, *_attribution_row(attribution)]
        self._write(_INSERT_ATTRIBUTION, row, document_id, annotator)

    def delete_item(self, table: str, document_id: str, annotator: str, item_id: str) -> None:
        if table not in ("spans", "events", "attributions"):
            raise ValueError(table)
        sql = f"DELETE FROM {table} WHERE document_id = ? AND annotator = ? AND id = ?"
        self._write(sql, [document_id, annotator, item_id], document_id, annotator)

    def _write(self, sql: str, params: list[Any], document_id: str, annotator: str) -> None:
        with self.atomic():
            self.db.execute(sql, params)
            self._touch(document_id, annotator)

    def _touch(self, document_id: str, annotator: str) -> None:
        """Record that the annotator has worked on the document (new -> in progress)."""
        self.db.execute(
            "INSERT INTO statuses (document_id, annotator, status, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (document_id, annotator) DO UPDATE SET updated = excluded.updated, "
            "status = CASE WHEN status = 'new' THEN 'in_progress' ELSE status END",
            [document_id, annotator, Status.IN_PROGRESS.value, now()],
        )

    def document_overview(self, annotator: str) -> list[tuple[str, str, Status, int]]:
        """Every document's id, title, this annotator's status and span count, in order."""
        rows = self.db.execute(
            "SELECT d.id, d.meta, COALESCE(st.status, 'new'), "
            "(SELECT COUNT(*) FROM spans sp WHERE sp.document_id = d.id AND sp.annotator = ?) "
            "FROM documents d LEFT JOIN statuses st ON st.document_id = d.id AND st.annotator = ? "
            "ORDER BY d.seq",
            [annotator, annotator],
        )
        return [(i, str(json.loads(m).get("title") or i), Status(s), n) for i, m, s, n in rows]

    def documents_containing(self, needle: str) -> set[str]:
        rows = self.db.execute("SELECT id FROM documents WHERE instr(text, ?) > 0", [needle])
        return {r[0] for r in rows}

    def span_dates(self, annotator: str | None = None) -> dict[str, int]:
        """Labels made per day (from their creation time), for progress charts."""
        sql = "SELECT substr(created, 1, 10) AS day, COUNT(*) FROM spans WHERE created IS NOT NULL"
        params: list[Any] = []
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return dict(self.db.execute(sql + " GROUP BY day ORDER BY day", params).fetchall())

    # --- figures -------------------------------------------------------------------
    def label_counts(self, annotator: str | None = None) -> dict[str, int]:
        sql = "SELECT label, COUNT(*) FROM spans"
        params: list[Any] = []
        if annotator is not None:
            sql += " WHERE annotator = ?"
            params.append(annotator)
        rows = self.db.execute(sql + " GROUP BY label ORDER BY label", params)
        return dict(rows.fetchall())

    def span_counts_by_annotator(self) -> dict[str, int]:
        rows = self.db.execute("SELECT annotator, COUNT(*) FROM spans GROUP BY annotator ORDER BY annotator")
        return dict(rows.fetchall())

    def count(self, table: str) -> int:
        if table not in ("spans", "events", "attributions", "documents"):
            raise ValueError(table)
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


# --- rows <-> objects -------------------------------------------------------------
_SPANS = (
    'SELECT id, start, "end", label, attributes, created, updated FROM spans '
    'WHERE document_id = ? AND annotator = ? ORDER BY start, "end" DESC, id'
)
_EVENTS = (
    "SELECT id, type, trigger, arguments, attributes FROM events "
    "WHERE document_id = ? AND annotator = ? ORDER BY rowid"
)
_ATTRIBUTIONS = (
    "SELECT id, source, cue, content, attributes FROM attributions "
    "WHERE document_id = ? AND annotator = ? ORDER BY rowid"
)
_INSERT_SPAN = (
    'INSERT OR REPLACE INTO spans (document_id, annotator, id, start, "end", label, '
    "attributes, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EVENT = (
    "INSERT OR REPLACE INTO events (document_id, annotator, id, type, trigger, arguments, "
    "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ATTRIBUTION = (
    "INSERT OR REPLACE INTO attributions (document_id, annotator, id, source, cue, content, "
    "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _document(row: tuple) -> Document:
    doc_id, text, meta, tokens = row
    parsed = None
    if tokens is not None:
        parsed = [[(s, e) for s, e in sentence] for sentence in json.loads(tokens)]
    return Document(id=doc_id, text=text, meta=json.loads(meta), tokens=parsed)


def _span(row: tuple) -> Span:
    span_id, start, end, label, attributes, created, updated = row
    return Span(span_id, start, end, label, json.loads(attributes), created, updated)


def _span_row(span: Span) -> list[Any]:
    return [span.id, span.start, span.end, span.label, _dumps(span.attributes), span.created, span.updated]


def _event(row: tuple) -> Event:
    event_id, event_type, trigger, arguments, attributes = row
    args = tuple(Argument(role, span) for role, span in json.loads(arguments))
    return Event(event_id, event_type, trigger, args, json.loads(attributes))


def _event_row(event: Event) -> list[Any]:
    args = [[a.role, a.span] for a in event.arguments]
    return [event.id, event.type, event.trigger, _dumps(args), _dumps(event.attributes)]


def _attribution(row: tuple) -> Attribution:
    attribution_id, source, cue, content, attributes = row
    return Attribution(attribution_id, source, cue, content, json.loads(attributes))


def _attribution_row(a: Attribution) -> list[Any]:
    return [a.id, a.source, a.cue, a.content, _dumps(a.attributes)]


# --- file checks --------------------------------------------------------------------
def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) == 0:
        raise ProjectError("the file is empty; it is not a project", file=str(path))
    if not header.startswith(SQLITE_MAGIC):
        raise ProjectError("not a project file (not a SQLite database)", file=str(path))
    if len(header) < 100:
        raise ProjectError("the file is truncated (shorter than a SQLite header)", file=str(path))


def _connect(path: Path) -> Database:
    conn = sqlite3.connect(str(path), timeout=5.0)
    db = Database(conn)
    db.execute("PRAGMA busy_timeout = 5000")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    return db
