"""Checks of a project file before anything writes to it, and of the sessions that have it open.

Nothing here writes to the file: it is read through a read-only connection (see
``project_store``'s docstring for what is refused and how a missing WAL is noticed).

A process that holds a connection to a project must never open that file outside
SQLite: on POSIX, closing *any* descriptor of a file drops every lock the process holds
on it, after which another program takes the project for unused and deletes its
write-ahead log under the open connection ("How To Corrupt An SQLite Database File",
2.2). So the raw header read and immutable connections are skipped for files this
process holds (``held_here``); stores register their files with ``hold``/``release``.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from ..errors import Phrase, ProjectError
from .migrations import APPLICATION_ID, latest_version, migrations, step_names

SQLITE_MAGIC = b"SQLite format 3\x00"
SESSION_PREFIX = "session:"
_WAL_HEADER = 32  # bytes: a -wal file this short holds no transactions

_held: dict[tuple[int, int], int] = {}  # (device, inode) -> connections of this process
_held_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def hold(path: Path) -> tuple[int, int] | None:
    """Record that this process has a connection to ``path``; the key for ``release``."""
    key = _file_key(path)
    if key is not None:
        with _held_lock:
            _held[key] = _held.get(key, 0) + 1
    return key


def release(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _held_lock:
        left = _held.get(key, 0) - 1
        if left > 0:
            _held[key] = left
        else:
            _held.pop(key, None)


def held_here(path: Path) -> bool:
    key = _file_key(path)
    with _held_lock:
        return key is not None and key in _held


def refused(path: Path, problem: Phrase) -> ProjectError:
    """The error for a file that cannot be opened, offering a backup when there is one
    (looked up only now: listing backups opens each of them)."""
    return ProjectError("{problem}{hint}", params={"problem": problem, "hint": backup_hint_for(path)}, file=str(path))


def check_header(path: Path) -> None:
    """Refuse, from the first 100 bytes and the size, what cannot be a sound project.

    Skipped for a file this process holds open (see the module docstring): it was
    checked when first opened, and SQLite reads it through the open connection."""
    if held_here(path):
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ProjectError("cannot read the file ({reason})", params={"reason": error.strerror or error}, file=str(path))
    if len(header) == 0:
        raise refused(path, Phrase("the file is empty; it is not a project"))
    if not header.startswith(SQLITE_MAGIC):
        raise refused(path, Phrase("not a project file (not a SQLite database)"))
    if len(header) < 100:
        raise refused(path, Phrase("the file is truncated (shorter than a SQLite header)"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise refused(path, Phrase("the file is damaged: its header is not valid"))
    if _wal_size(path) > _WAL_HEADER:
        return  # the newest pages may be in the WAL; SQLite checks the rest
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # SQLite's rule for trusting the page count
    if size % page_size or (counted and size < pages * page_size):
        raise refused(path, Phrase("the file is truncated: it holds {size:,} bytes of the "
                                   "{announced:,} its header announces, so part of the project is missing",
                                   {"size": size, "announced": pages * page_size}))


def check_file(path: Path, accept_missing_wal: bool) -> str | None:
    """Read-only checks: a project of a version we know, whose WAL is where it should be.

    Returns a warning for a project that opens but may lack its last changes."""
    try:
        conn = read_only(path)
    except sqlite3.Error as error:
        raise refused(path, Phrase("cannot open the file ({reason})", {"reason": error}))
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise refused(path, Phrase("this SQLite database is not an annotation project"))
        if version > latest_version():
            raise ProjectError(
                "this project was written by a newer version of the app (file format "
                "{version}, this app knows up to {latest}); update the app",
                params={"version": version, "latest": latest_version()},
                file=str(path),
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "settings" not in tables or not conn.execute(
            "SELECT 1 FROM settings WHERE key = 'schema'"
        ).fetchone():
            raise refused(path, Phrase("the project is incomplete (it has no schema): it was never "
                                       "finished being created, or is damaged"))
        check_schema(conn, version, path)
        sessions = [r[0] for r in conn.execute(
            "SELECT key FROM settings WHERE key LIKE ?", [SESSION_PREFIX + "%"]
        )]
        if sessions and not accept_missing_wal and not Path(f"{path}-wal").exists():
            if not (_all_gone_here(sessions) and _consistent(conn)):
                raise _missing_wal(path, sessions, backup_hint_for(path))
            return _unclosed_warning(path, sessions)
    except sqlite3.DatabaseError as error:
        raise refused(path, Phrase("the file is damaged or not a project ({reason})", {"reason": error}))
    finally:
        conn.close()
    return None


def _unclosed_warning(path: Path, sessions: list[str]) -> str:
    """A process of this host ended without clearing its session row, and no log is
    left: a close on a full disk (which saved everything), or a crash whose log was
    then deleted (which lost its last changes). The file alone cannot tell, and it is
    sound: open it, and say so, rather than lock the user out of saved work."""
    pid = sessions[0][len(SESSION_PREFIX) :].split(":")[1]
    return Phrase(
        "{name} was not closed properly by process {pid}, which no longer runs, and "
        "it has no write-ahead log ({log}): everything in the file is sound; "
        "if that process crashed and its log was deleted, its last changes are not here",
        {"name": path.name, "pid": pid, "log": f"{path.name}-wal"},
    )


def _all_gone_here(sessions: list[str]) -> bool:
    """Whether every session row is of a process of this host that no longer runs.

    Such a process closed (or crashed) and SQLite removed or checkpointed its log, as
    on a close that could not delete the row (a full disk): not a lost log."""
    here = socket.gethostname()
    for key in sessions:
        host, _, rest = key[len(SESSION_PREFIX) :].partition(":")
        pid = rest.partition(":")[0]
        if host != here or not pid.isdigit() or alive(int(pid)):
            return False
    return True


def _consistent(conn: sqlite3.Connection) -> bool:
    return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]


# --- the schema: only what the app created ---------------------------------------------
_MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of the steps applied
_SQLITE_OWN = ("sqlite_autoindex_", "sqlite_stat", "sqlite_sequence")


def check_schema(conn: sqlite3.Connection, version: int, path: Path) -> None:
    """Refuse a file whose schema holds anything the app did not create.

    A file from someone else can carry triggers and views that run their own SQL on
    the app's writes (relabel or delete rows, swallow new ones, recurse forever), or a
    table in place of the app's. The file's objects must be exactly those the app's
    migrations create for its version: no more, no fewer, with the same definitions.
    """
    expected = expected_schema(version)
    found = {
        (kind, name): _normalised(sql)
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
    }
    for (kind, name), sql in sorted(found.items()):
        if name.startswith(_SQLITE_OWN) or name == _MIGRATIONS_TABLE:
            continue
        if (kind, name) not in expected:
            raise ProjectError(
                "the project file holds a {kind} {name!r} that the app did not create; "
                "a project's file may only hold the app's own tables (a trigger or a view "
                "would run its own SQL on every change), so it is not opened",
                params={"kind": kind, "name": name},
                file=str(path),
            )
        if expected[(kind, name)] != sql:
            raise ProjectError(
                "the {kind} {name!r} in the project file is not the one the app creates "
                "(its definition differs: {sql}), so it is not opened",
                params={"kind": kind, "name": name, "sql": sql or "?"},
                file=str(path),
            )
    for kind, name in sorted(set(expected) - set(found)):
        if not name.startswith(_SQLITE_OWN):
            raise ProjectError(
                "the project file lacks the {kind} {name!r} that every project of file "
                "format {version} has; it is damaged or was made by another program",
                params={"kind": kind, "name": name, "version": version},
                file=str(path),
            )
    if found.get(("table", _MIGRATIONS_TABLE), "") and not _migrations_table_sound(conn):
        raise ProjectError(
            "the table {name!r} in the project file is not the one the app creates, so it is not opened",
            params={"name": _MIGRATIONS_TABLE},
            file=str(path),
        )


def _migrations_table_sound(conn: sqlite3.Connection) -> bool:
    columns = {row[1] for row in conn.execute(f"PRAGMA table_xinfo({_MIGRATIONS_TABLE})")}
    return {"migration_set", "name", "applied_at"} <= columns


@cache
def expected_schema(version: int) -> dict[tuple[str, str], str]:
    """The objects (type, name) -> definition that the first ``version`` steps create."""
    from sqlite_utils import Database

    db = Database(memory=True)
    names = step_names()
    later = names[version:] if version < len(names) else None
    migrations.apply(db, stop_before=later[0] if later else None)
    rows = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    db.close()
    return {
        (kind, name): _normalised(sql)
        for kind, name, sql in rows
        if name != _MIGRATIONS_TABLE
    }


def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").split())


# --- read-only media ---------------------------------------------------------------------
def unwritable_reason(path: Path) -> str | None:
    """Why the project cannot be written here (None when it can): the file, its log
    files or its folder (where SQLite creates the logs) is read-only."""
    path = Path(path)
    folder = path.resolve().parent
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists() and not os.access(name, os.W_OK):
            return Phrase("{name} is read-only", {"name": name.name})
    if not os.access(folder, os.W_OK):
        return Phrase("its folder {folder} is read-only", {"folder": folder})
    return None


def _missing_wal(path: Path, sessions: list[str], hint: str) -> ProjectError:
    host, pid = (sessions[0][len(SESSION_PREFIX) :].split(":") + ["?", "?"])[:2]
    return ProjectError(
        "the project was not closed properly (it was open in process {pid} on {host}) "
        "and its write-ahead log {log} is missing, so its last changes may be "
        "lost. If you have that file (a copy of a project must include it), put it beside "
        "the project and open it again{hint}; to open it as it is, accept the missing log "
        "(ProjectStore.open(..., accept_missing_wal=True))",
        params={"pid": pid, "host": host, "log": f"{path.name}-wal", "hint": hint or ""},
        file=str(path),
    )


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


def read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that cannot change the file, with its schema's SQL untrusted.

    Without a ``-wal`` beside it (nobody has it open in WAL mode), the file is opened
    immutable, so SQLite creates no ``-wal``/``-shm`` files (on read-only media it
    could not, and beside a read-only file they would be left read-only). Never
    immutable for a file this process holds: an immutable file's descriptor is closed
    outside SQLite's lock bookkeeping (see the module docstring) -- unless it has no
    ``-wal`` either: then what holds it here is itself an immutable reader (a writable
    store always has its log), which holds no lock to lose."""
    uri = Path(path).resolve().as_uri()
    if Path(f"{path}-wal").exists():
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA schema_version").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            if held_here(path) or _wal_size(path) > 0:
                raise
            # An empty log left beside the file (a disk that filled up while SQLite
            # created it) holds nothing: the file alone is the whole project.
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def stale_sessions(db: Database, everyone: bool = False) -> list[str]:
    """Session rows of connections that are gone: another host (a WAL database cannot
    be shared between hosts) or a process of this host that no longer runs."""
    rows = db.execute("SELECT key FROM settings WHERE key LIKE ?", [SESSION_PREFIX + "%"])
    here = socket.gethostname()
    stale = []
    for (key,) in rows.fetchall():
        host, _, rest = key[len(SESSION_PREFIX) :].partition(":")
        pid = rest.partition(":")[0]
        if everyone or host != here or not pid.isdigit() or not alive(int(pid)):
            stale.append(key)
    return stale


def alive(pid: int) -> bool:
    """Whether a process of this host runs with ``pid`` (a reused pid counts as alive)."""
    if os.name == "nt":  # os.kill(pid, 0) would terminate it on Windows
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def backup_hint_for(path: Path | None) -> str:
    if path is None:
        return ""
    from .backup import backup_hint

    return backup_hint(path)
