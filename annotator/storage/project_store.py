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

from sqlite_utils import Database

from ..core.commands import timestamp
from ..core.schema import Schema
from ..errors import Phrase, ProjectError
from .decisions import DecisionRows
from .documents import DocumentRows
from .figures import FigureRows
from .file_checks import (
    SESSION_PREFIX,
    check_file,
    check_header,
    hold,
    read_only,
    release,
    stale_sessions,
    unwritable_reason,
)
from .labels import LabelRows
from .migrations import APPLICATION_ID, latest_version, migrations
from .notes import NoteRows
from .options import OptionRows


class ProjectStore(DocumentRows, LabelRows, DecisionRows, FigureRows, OptionRows, NoteRows):
    """One open project file: its lifecycle, sessions, schema and settings here; the
    rows by concern in ``documents``, ``labels``, ``decisions``, ``figures`` and ``notes``."""

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
            raise ProjectError("cannot create the project file ({reason})", params={"reason": error}, file=str(path))
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
        reason = Phrase("opened for reading only") if read_only else unwritable_reason(path)
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
                "upgrading the project failed ({kind}: {reason}); the steps "
                "before the failing one are kept, and the file as it was before the "
                "upgrade is in {backup}",
                params={"kind": type(error).__name__, "reason": error, "backup": backup},
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
                "this project needs an upgrade to file format {version}, and the "
                "backup made before every upgrade could not be written ({reason}); "
                "nothing was changed: free some space or check the folder's permissions",
                params={"version": latest_version(), "reason": error.message},
                file=self._name(),
            ) from None

    def _set_version(self) -> None:
        self.db.execute(f"PRAGMA user_version = {latest_version()}")

    def _name(self) -> str:
        return str(self.path) if self.path else ":memory:"

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
                "the project is read-only ({reason}): nothing can be saved",
                params={"reason": self.read_only},
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
            message = Phrase(
                "the project is in use: another window or program is writing to it; "
                "nothing was changed, try again when it has finished"
            )
        elif "full" in text:
            message = Phrase("the disk is full: nothing of this change was saved; free some space")
        elif "readonly" in text or "read-only" in text:
            where = (unwritable_reason(self.path) if self.path else None) or Phrase("it is read-only")
            message = Phrase("nothing can be saved to the project: {reason}", {"reason": where})
        elif "disk i/o" in text:
            message = Phrase("the disk refused the write (a full or failing disk?): nothing of "
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
        why = Phrase("the disk refused to write beside it (full, or failing?): SQLite needs "
                     "room for the project's log files; free some space and open it again")
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        why = Phrase("it cannot be written ({reason})", {"reason": unwritable_reason(path) or error})
    else:
        why = str(error)
    return ProjectError("cannot open the project: {reason}; the file was not changed",
                        params={"reason": why}, file=str(path))
