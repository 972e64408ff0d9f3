"""A project file: one SQLite database in WAL mode, read and written through core objects.

Every public write runs in a transaction (``atomic()``); callers group several writes by
wrapping them in their own ``atomic()`` block, which nests as a savepoint. A transaction
takes the write lock when it begins (``BEGIN IMMEDIATE``), so a second writer waits up to
``busy_timeout`` seconds and then gets a ``ProjectError`` saying the project is in use,
never a half-applied change or a bare ``sqlite3.OperationalError``.

Opening checks the file before anything writes to it (see ``check_header`` and
``check_file``, which read it through a read-only connection): an empty, truncated,
random or foreign file, a project from a newer version of the app, and a project whose
write-ahead log went missing are refused with a ``ProjectError`` and left byte for byte
as they were; the message names a backup when one exists (``storage/backup.py``).

How a missing ``-wal`` file is detected: each open store keeps a row
``session:<host>:<pid>:<token>`` in ``settings`` and checkpoints it into the main file;
closing removes it and checkpoints again (SQLite deletes the WAL when the last
connection closes). A main file that still holds a session row while no ``-wal`` file
lies beside it was copied or left behind while the app had it open, or crashed and lost
its WAL: the last changes may be missing, so opening stops and says so
(``accept_missing_wal=True`` opens it as it is). Rows of sessions that are gone
(another host, or a process that no longer runs) are cleared on the next open.
Not detected: a lost WAL of a session whose row never reached the main file (the row is
skipped when another program holds the write lock at open, and the checkpoint after it
goes only as far as open readers allow). False alarm: a session that crashed with
nothing left in its WAL, whose WAL was then deleted.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..core.commands import timestamp
from ..core.errors import DamagedRowError, ProjectError
from ..core.model import (
    Annotations,
    Attribution,
    Document,
    Event,
    Span,
    Status,
)
from ..core.schema import Schema
from .file_checks import (
    SESSION_PREFIX,
    backup_hint_for,
    check_file,
    check_header,
    hold,
    read_only,
    release,
    stale_sessions,
    unwritable_reason,
)
from .migrations import APPLICATION_ID, latest_version, migrations
from .rows import (
    ATTRIBUTIONS,
    EVENTS,
    INSERT_ATTRIBUTION,
    INSERT_EVENT,
    INSERT_SPAN,
    SPANS,
    attribution_of,
    attribution_row,
    checked_document_of,
    document_check,
    dumps,
    event_of,
    event_row,
    span_of,
    span_row,
    status_of,
)


class ProjectStore:
    def __init__(self, db: Database, path: Path | None, read_only: str | None = None) -> None:
        self.db = db
        self.path = path
        # Why nothing can be saved (None: a writable project): read-only media, a
        # read-only file, or opened for reading only (a merge source, stats, export).
        self.read_only = read_only
        self._held = hold(path) if path is not None else None
        self._schema: Schema | None = None
        self._session: str | None = None
        # Set by open(): why no backup could be written (opening went on), and the
        # backup written on this open, if any (see storage/backup.py for the policy).
        self.backup_warning: str | None = None
        self.backup_path: Path | None = None
        # Set by open(): what the user should know about a project that did open
        # (it was not closed properly; see file_checks.check_file).
        self.open_warning: str | None = None

    # --- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, schema: Schema) -> ProjectStore:
        path = Path(path)
        if path.exists():
            raise ProjectError("a file with this name already exists", file=str(path))
        try:
            store = cls(_connect(path), path)
        except sqlite3.Error as error:
            raise ProjectError(f"cannot create the project file ({error})", file=str(path))
        with store.atomic():  # all or nothing: a crash leaves an empty file, never half a project
            store._initialise(schema)
        store._start_session()
        return store

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        backup: bool = True,
        busy_timeout: float = 5.0,
        accept_missing_wal: bool = False,
        read_only: bool = False,
    ) -> ProjectStore:
        """Open a project file, refusing (unchanged) anything that is not a sound project.

        ``backup``: keep a rotating backup (see ``storage/backup.py``); a failure only
        sets ``backup_warning``. ``busy_timeout``: seconds a write waits for another
        program's write before ``ProjectError`` ("in use"). ``accept_missing_wal``:
        open a project whose write-ahead log is missing as it is (its last changes
        may be lost); without it that is refused. ``read_only``: only read it, leaving
        the file and its folder byte for byte as they were (no session row, no
        backup, no upgrade in place); a project that cannot be written where it lies
        (read-only media or file) is opened so anyway, with ``store.read_only`` saying why.
        """
        path = Path(path)
        if not path.exists():
            raise ProjectError("no such project file", file=str(path))
        check_header(path)
        warning = check_file(path, accept_missing_wal)  # a project of a format this app knows
        reason = "opened for reading only" if read_only else unwritable_reason(path)
        if reason is not None:
            store = cls._open_read_only(path, reason, busy_timeout)
            store.open_warning = warning
            return store
        try:
            store = cls(_connect(path, busy_timeout), path)
        except sqlite3.Error as error:
            raise _open_failed(path, error) from None
        store.open_warning = warning
        try:
            store._upgrade()
            store._start_session(forget_others=accept_missing_wal)
            if backup:
                from .backup import backup_on_open

                store.backup_warning = backup_on_open(store)
        except BaseException:
            store.db.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: Path, reason: str, busy_timeout: float) -> ProjectStore:
        """A store that reads ``path`` without writing a byte of it or beside it.

        A project of an older file format is copied into memory and upgraded there."""
        try:
            conn = read_only(path, timeout=busy_timeout)
            if migrations.pending(Database(conn)):
                memory = sqlite3.connect(":memory:")
                conn.backup(memory)
                conn.close()
                conn = memory
                migrations.apply(Database(conn))
        except sqlite3.Error as error:
            raise _open_failed(path, error) from None
        return cls(Database(conn), path, read_only=reason)

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

    def _upgrade(self) -> None:
        """Apply pending migrations, after a backup of the file as it was (never without)."""
        pending = migrations.pending(self.db)
        if not pending:
            return
        backup = self._backup_before_upgrade()
        try:
            migrations.apply(self.db)
        except Exception as error:
            self.db.conn.rollback()
            raise ProjectError(
                f"upgrading the project failed ({type(error).__name__}: {error}); the steps "
                f"before the failing one are kept, and the file as it was before the "
                f"upgrade is in {backup}",
                file=self._name(),
            ) from error
        self._set_version()

    def _backup_before_upgrade(self) -> Path | None:
        if self.path is None:
            return None
        from .backup import make_backup

        try:
            return make_backup(
                self.path, reason=f"before-upgrade-v{latest_version()}", source=self.db.conn
            )
        except ProjectError as error:
            raise ProjectError(
                f"this project needs an upgrade to file format {latest_version()}, and the "
                f"backup made before every upgrade could not be written ({error.message}); "
                "nothing was changed: free some space or check the folder's permissions",
                file=self._name(),
            ) from None

    def _set_version(self) -> None:
        self.db.execute(f"PRAGMA user_version = {latest_version()}")

    def _name(self) -> str:
        return str(self.path) if self.path else ":memory:"

    def close(self) -> None:
        """Close, first ending this session's row and checkpointing the WAL (PASSIVE:
        never waits), so a cleanly closed project does not depend on its ``-wal``."""
        if self._session is not None:
            try:
                if not self.db.conn.in_transaction:  # else closing abandons that transaction
                    with self._without_waiting(), self.atomic():
                        self.db.execute("DELETE FROM settings WHERE key = ?", [self._session])
                    self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except (sqlite3.Error, ProjectError):
                pass  # another program is writing: the row is cleared by a later open
        self._session = None
        self.db.close()
        release(self._held)
        self._held = None

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction (a savepoint when nested) that holds the write lock from its start.

        Raises ``ProjectError`` when another program keeps the project locked for longer
        than the busy timeout, when the disk is full, or when the file is read-only;
        the transaction is rolled back and nothing of it is kept.
        """
        if self.read_only is not None:
            raise ProjectError(
                f"the project is read-only ({self.read_only}): nothing can be saved",
                file=self._name(),
            )
        conn = self.db.conn
        if conn.in_transaction:
            try:
                with self.db.atomic():
                    yield
            except BaseException:
                self._schema = None  # a schema saved in the rolled-back part is not in the file
                raise
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise self._refused(error) from None
        try:
            yield
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._rollback()
            raise self._refused(error) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self.db.conn.rollback()
        self._schema = None  # read again: a schema saved in the transaction did not stay

    def _refused(self, error: sqlite3.OperationalError) -> Exception:
        """The ``ProjectError`` for a refused write, or the error itself if unforeseen."""
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            message = (
                "the project is in use: another window or program is writing to it; "
                "nothing was changed, try again when it has finished"
            )
        elif "full" in text:
            message = "the disk is full: nothing of this change was saved; free some space"
        elif "readonly" in text or "read-only" in text:
            where = (unwritable_reason(self.path) if self.path else None) or "it is read-only"
            message = f"nothing can be saved to the project: {where}"
        elif "disk i/o" in text:
            message = ("the disk refused the write (a full or failing disk?): nothing of "
                       "this change was saved")
        else:
            return error
        return ProjectError(message, file=self._name())

    @contextmanager
    def _without_waiting(self) -> Iterator[None]:
        """Run best-effort bookkeeping writes without waiting for another writer."""
        timeout = self.db.execute("PRAGMA busy_timeout").fetchone()[0]
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(timeout)}")

    @property
    def session(self) -> str | None:
        """This store's session row key (None for a read-only or in-memory store)."""
        return self._session

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the project.

        Cheap (no table is read): a window can poll it on a timer and reload when it
        moves. This connection's own writes do not change it.
        """
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    # --- sessions (how a missing WAL is noticed; see the module docstring) -----------
    def _start_session(self, forget_others: bool = False) -> None:
        """Record this session; clear rows of dead ones (all others: ``forget_others``,
        once a missing WAL was accepted and those rows can tell nothing more)."""
        if self.path is None:
            return
        key = f"{SESSION_PREFIX}{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        try:
            with self._without_waiting(), self.atomic():
                for old in stale_sessions(self.db, everyone=forget_others):
                    self.db.execute("DELETE FROM settings WHERE key = ?", [old])
                self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, timestamp()])
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except (sqlite3.Error, ProjectError):
            return  # another program holds the write lock: go on without a row
        self._session = key

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
        # Not dumps: sorting keys would reorder labels' roles, which the UI lists in order.
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

    # --- rejected suggestions ---------------------------------------------------------
    def add_rejection(self, annotator: str, document_id: str, place: tuple[int, int, str]) -> None:
        with self.atomic():
            self.db.execute("INSERT OR IGNORE INTO rejections VALUES (?, ?, ?, ?, ?)",
                            [annotator, document_id, *place])

    def remove_rejection(self, annotator: str, document_id: str, place: tuple[int, int, str]) -> None:
        with self.atomic():
            self.db.execute(
                'DELETE FROM rejections WHERE annotator = ? AND document_id = ? AND start = ? '
                'AND "end" = ? AND label = ?', [annotator, document_id, *place])

    def rejections(self, annotator: str, document_id: str) -> set[tuple[int, int, str]]:
        rows = self.db.execute(
            'SELECT start, "end", label FROM rejections WHERE annotator = ? AND document_id = ?',
            [annotator, document_id])
        return {(start, end, label) for start, end, label in rows}

    # --- adjudication rejections (one row each: two windows never overwrite each other) ---
    def add_adjudication_rejection(self, document_id: str, candidate_key: str) -> None:
        with self.atomic():
            self.db.execute("INSERT OR IGNORE INTO adjudication_rejections VALUES (?, ?)",
                            [document_id, candidate_key])

    def remove_adjudication_rejection(self, document_id: str, candidate_key: str) -> None:
        with self.atomic():
            self.db.execute("DELETE FROM adjudication_rejections WHERE document_id = ? AND candidate = ?",
                            [document_id, candidate_key])

    def adjudication_rejections(self, document_id: str) -> set[str]:
        rows = self.db.execute("SELECT candidate FROM adjudication_rejections WHERE document_id = ?",
                               [document_id])
        return {candidate for (candidate,) in rows}

    # --- when work was last changed (merge refuses to put older work over newer) ------
    def work_times(self) -> dict[tuple[str, str], tuple[str, str | None, str | None]]:
        """Per (document, annotator): the status row's time and the latest span
        creation and update times, as stored."""
        rows = self.db.execute(
            "SELECT st.document_id, st.annotator, st.updated, MAX(sp.created), MAX(sp.updated) "
            "FROM statuses st LEFT JOIN spans sp "
            "ON sp.document_id = st.document_id AND sp.annotator = st.annotator "
            "GROUP BY st.document_id, st.annotator")
        return {(d, a): (status, created, updated) for d, a, status, created, updated in rows}

    def set_status_time(self, document_id: str, annotator: str, updated: str) -> None:
        """Keep the time a merged status row had in its own project (not the merge's)."""
        with self.atomic():
            self.db.execute("UPDATE statuses SET updated = ? WHERE document_id = ? AND annotator = ?",
                            [updated, document_id, annotator])

    # --- documents -----------------------------------------------------------------
    def add_document(self, document: Document) -> None:
        tokens = dumps(document.tokens) if document.tokens is not None else None
        with self.atomic():
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
            self.db.execute(
                "INSERT INTO documents (id, seq, text, sha256, meta, tokens, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document.id, seq, document.text, document.sha256, dumps(document.meta), tokens, timestamp()],
            )

    def document_sha256(self, document_id: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM documents WHERE id = ?", [document_id]).fetchone()
        return row[0] if row else None

    def document(self, document_id: str) -> Document:
        """The document, its text checked against the SHA-256 stored at import.

        A mismatch (the file was edited outside the app, or is damaged) raises
        ``ProjectError``: annotating a changed text would misplace every label.
        """
        row = self.db.execute(
            "SELECT id, text, meta, tokens, sha256 FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise ProjectError("no such document", document=document_id)
        return self._checked_document(row)

    def documents(self, problems: list[ProjectError] | None = None) -> Iterator[Document]:
        """Every document, in order, each checked like ``document()``.

        A damaged one (a changed text, a value of the wrong type) raises its
        ``ProjectError``; with a ``problems`` list it is left out and its error added
        there instead, so the other documents can still be used."""
        cursor = self.db.execute("SELECT id, text, meta, tokens, sha256 FROM documents ORDER BY seq")
        for row in cursor:
            try:
                yield self._checked_document(row)
            except ProjectError as error:
                if problems is None:
                    raise
                problems.append(error)

    def _checked_document(self, row: tuple) -> Document:
        try:
            return checked_document_of(row, self._name())
        except DamagedRowError as error:
            if error.field == "text":  # a changed text: say which backup still has it
                error.message += backup_hint_for(self.path)
            raise

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY seq")]

    def count_documents(self) -> int:
        return self.count("documents")

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
        return status_of(row[0], document_id, annotator, self._name()) if row else Status.NEW

    def set_status(self, document_id: str, annotator: str, status: Status) -> None:
        with self.atomic():
            self.db.execute(
                "INSERT OR REPLACE INTO statuses (document_id, annotator, status, updated) "
                "VALUES (?, ?, ?, ?)",
                [document_id, annotator, Status(status).value, timestamp()],
            )

    def statuses(self) -> list[tuple[str, str, Status]]:
        rows = self.db.execute("SELECT document_id, annotator, status FROM statuses")
        file = self._name()
        return [(d, a, status_of(s, d, a, file)) for d, a, s in rows]

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

    def document_overview(
        self, annotator: str, problems: list[ProjectError] | None = None
    ) -> list[tuple[str, str, Status, int]]:
        """Every document's id, title, this annotator's status and span count, in order.

        A document whose title or status row is damaged stays in the list (the user
        can still open the others, and opening it says what is wrong): its title is
        marked "(damaged)" and its status shown as new; the errors go to ``problems``."""
        rows = self.db.execute(
            "SELECT d.id, d.meta, COALESCE(st.status, 'new'), "
            "(SELECT COUNT(*) FROM spans sp WHERE sp.document_id = d.id AND sp.annotator = ?) "
            "FROM documents d LEFT JOIN statuses st ON st.document_id = d.id AND st.annotator = ? "
            "ORDER BY d.seq",
            [annotator, annotator],
        )
        file, overview = self._name(), []
        for doc_id, meta, status, count in rows:
            try:
                title = str(document_check(doc_id, file).json_object("meta", meta).get("title") or doc_id)
                overview.append((doc_id, title, status_of(status, doc_id, annotator, file), count))
            except DamagedRowError as error:
                if problems is not None:
                    problems.append(error)
                if isinstance(doc_id, str):  # else it cannot be opened at all
                    overview.append((doc_id, f"{doc_id} (damaged)", Status.NEW, count))
        return overview

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


def _connect(path: Path, busy_timeout: float = 5.0) -> Database:
    conn = sqlite3.connect(str(path), timeout=busy_timeout)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")  # a file's own SQL never runs with our rights
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return db


def _open_failed(path: Path, error: sqlite3.Error) -> ProjectError:
    """The message for a project that passed the checks but SQLite could not open."""
    text = str(error).lower()
    if "full" in text or "disk i/o" in text:
        why = ("the disk refused to write beside it (full, or failing?): SQLite needs "
               "room for the project's log files; free some space and open it again")
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        why = f"it cannot be written ({unwritable_reason(path) or error})"
    else:
        why = str(error)
    return ProjectError(f"cannot open the project: {why}; the file was not changed", file=str(path))
