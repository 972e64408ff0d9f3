"""One annotator's labels on one document: read checked, written one row at a time
(the session's commands) or replaced whole (import, merge)."""

from __future__ import annotations

from typing import Any

from ..core.commands import timestamp
from ..core.model import (
    Annotations,
    Attribution,
    Event,
    Span,
    Status,
)
from .parts import StoreParts
from .rows import (
    ATTRIBUTIONS,
    EVENTS,
    INSERT_ATTRIBUTION,
    INSERT_EVENT,
    INSERT_SPAN,
    SPANS,
    attribution_of,
    attribution_row,
    event_of,
    event_row,
    span_of,
    span_row,
)


class LabelRows(StoreParts):
    # --- annotations ---------------------------------------------------------------
    def annotations(self, document_id: str, annotator: str) -> Annotations:
        """One annotator's work on one document, every row checked (``DamagedRowError``
        names a row whose values break the format, or a span past the end of the text)."""
        key, file = [document_id, annotator], self._name()
        spans = self.db.execute(SPANS, key).fetchall()
        size = self._text_length(document_id, spans) if spans else None
        return Annotations(
            document_id=document_id,
            annotator=annotator,
            status=self.status(document_id, annotator),
            spans=[span_of(r, *key, file, size) for r in spans],
            events=[event_of(r, *key, file) for r in self.db.execute(EVENTS, key)],
            attributions=[attribution_of(r, *key, file) for r in self.db.execute(ATTRIBUTIONS, key)],
        )

    def _text_length(self, document_id: str, spans: list[tuple]) -> int | None:
        """The text's length in code points, to check the spans' ends against.

        SQLite's ``length`` counts characters up to the first NUL, so a text holding
        one is read and measured here, only when a span ends past that count."""
        row = self.db.execute(
            "SELECT length(text) FROM documents WHERE id = ? AND typeof(text) = 'text'", [document_id]
        ).fetchone()
        if row is None:
            return None
        if max((end for _, _, end, *_ in spans if type(end) is int), default=0) <= row[0]:
            return row[0]
        text = self.db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
        return len(text)

    def all_annotations(self, document_id: str) -> list[Annotations]:
        return [self.annotations(document_id, a) for a in self.annotators_of(document_id)]

    def replace_annotations(self, annotations: Annotations) -> None:
        """Make the stored work of one annotator on one document equal ``annotations``."""
        key = [annotations.document_id, annotations.annotator]
        with self.atomic():
            for table in ("spans", "events", "attributions"):
                self.db.execute(f"DELETE FROM {table} WHERE document_id = ? AND annotator = ?", key)
            self.db.conn.executemany(INSERT_SPAN, [key + span_row(s) for s in annotations.spans])
            self.db.conn.executemany(INSERT_EVENT, [key + event_row(e) for e in annotations.events])
            self.db.conn.executemany(
                INSERT_ATTRIBUTION, [key + attribution_row(a) for a in annotations.attributions]
            )
            self.set_status(annotations.document_id, annotations.annotator, annotations.status)

    def save_span(self, document_id: str, annotator: str, span: Span) -> None:
        self._write(INSERT_SPAN, [document_id, annotator, *span_row(span)], document_id, annotator)

    def save_event(self, document_id: str, annotator: str, event: Event) -> None:
        self._write(INSERT_EVENT, [document_id, annotator, *event_row(event)], document_id, annotator)

    def save_attribution(self, document_id: str, annotator: str, attribution: Attribution) -> None:
        row = [document_id, annotator, *attribution_row(attribution)]
        self._write(INSERT_ATTRIBUTION, row, document_id, annotator)

    def has_item(self, table: str, document_id: str, annotator: str, item_id: str) -> bool:
        if table not in ("spans", "events", "attributions"):
            raise ValueError(table)
        row = self.db.execute(
            f"SELECT 1 FROM {table} WHERE document_id = ? AND annotator = ? AND id = ?",
            [document_id, annotator, item_id],
        ).fetchone()
        return row is not None

    def item_ids(self, table: str, document_id: str, annotator: str) -> set[str]:
        """The ids in use in one annotator's document (spans, events or attributions)."""
        if table not in ("spans", "events", "attributions"):
            raise ValueError(table)
        rows = self.db.execute(
            f"SELECT id FROM {table} WHERE document_id = ? AND annotator = ?", [document_id, annotator]
        )
        return {r[0] for r in rows}

    def delete_item(self, table: str, document_id: str, annotator: str, item_id: str) -> None:
        if table not in ("spans", "events", "attributions"):
            raise ValueError(table)
        sql = f"DELETE FROM {table} WHERE document_id = ? AND annotator = ? AND id = ?"
        self._write(sql, [document_id, annotator, item_id], document_id, annotator)

    def stored_item(self, table: str, document_id: str, annotator: str, item_id: str) -> Span | Event | Attribution | None:
        """The item stored under ``item_id`` in one annotator's document, or None.

        Undo reads it, inside its transaction, to check that the row still holds what
        this window wrote: ids are reused, so another window, a merge or a restore may
        have put a different label under the same id since."""
        columns, read = {
            "spans": ('id, start, "end", label, attributes, created, updated', span_of),
            "events": ("id, type, trigger, arguments, attributes", event_of),
            "attributions": ("id, source, cue, content, attributes", attribution_of),
        }[table]
        row = self.db.execute(
            f"SELECT {columns} FROM {table} WHERE document_id = ? AND annotator = ? AND id = ?",
            [document_id, annotator, item_id],
        ).fetchone()
        return read(row) if row is not None else None

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
            [document_id, annotator, Status.IN_PROGRESS.value, timestamp()],
        )

