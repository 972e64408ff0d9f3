"""Checks of a project file before anything writes to it, and of the sessions that have it open.

Nothing here writes to the file: it is read through a read-only connection (see
``project_store``'s docstring for what is refused and how a missing WAL is noticed).
"""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..core.errors import ProjectError
from .migrations import APPLICATION_ID, latest_version

SQLITE_MAGIC = b"SQLite format 3\x00"
SESSION_PREFIX = "session:"
_WAL_HEADER = 32  # bytes: a -wal file this short holds no transactions


def refused(path: Path, message: str) -> ProjectError:
    """The error for a file that cannot be opened, offering a backup when there is one
    (looked up only now: listing backups opens each of them)."""
    return ProjectError(message + backup_hint_for(path), file=str(path))


def check_header(path: Path) -> None:
    """Refuse, from the first 100 bytes and the size, what cannot be a sound project."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise ProjectError(f"cannot read the file ({error.strerror or error})", file=str(path))
    if len(header) == 0:
        raise refused(path, "the file is empty; it is not a project")
    if not header.startswith(SQLITE_MAGIC):
        raise refused(path, "not a project file (not a SQLite database)")
    if len(header) < 100:
        raise refused(path, "the file is truncated (shorter than a SQLite header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise refused(path, "the file is damaged: its header is not valid")
    if _wal_size(path) > _WAL_HEADER:
        return  # the newest pages may be in the WAL; SQLite checks the rest
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # SQLite's rule for trusting the page count
    if size % page_size or (counted and size < pages * page_size):
        raise refused(path, f"the file is truncated: it holds {size:,} bytes of the "
                      f"{pages * page_size:,} its header announces, so part of the project is missing")


def check_file(path: Path, accept_missing_wal: bool) -> None:
    """Read-only checks: a project of a version we know, whose WAL is where it should be."""
    try:
        conn = read_only(path)
    except sqlite3.Error as error:
        raise refused(path, f"cannot open the file ({error})")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise refused(path, "this SQLite database is not an annotation project")
        if version > latest_version():
            raise ProjectError(
                f"this project was written by a newer version of the app (file format "
                f"{version}, this app knows up to {latest_version()}); update the app",
                file=str(path),
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "settings" not in tables or not conn.execute(
            "SELECT 1 FROM settings WHERE key = 'schema'"
        ).fetchone():
            raise refused(path, "the project is incomplete (it has no schema): it was never "
                          "finished being created, or is damaged")
        sessions = [r[0] for r in conn.execute(
            "SELECT key FROM settings WHERE key LIKE ?", [SESSION_PREFIX + "%"]
        )]
    except sqlite3.DatabaseError as error:
        raise refused(path, f"the file is damaged or not a project ({error})")
    finally:
        conn.close()
    if sessions and not accept_missing_wal and not Path(f"{path}-wal").exists():
        raise _missing_wal(path, sessions, backup_hint_for(path))


def _missing_wal(path: Path, sessions: list[str], hint: str) -> ProjectError:
    host, pid = (sessions[0][len(SESSION_PREFIX) :].split(":") + ["?", "?"])[:2]
    return ProjectError(
        f"the project was not closed properly (it was open in process {pid} on {host}) "
        f"and its write-ahead log {path.name}-wal is missing, so its last changes may be "
        "lost. If you have that file (a copy of a project must include it), put it beside "
        "the project and open it again" + (hint or "")
        + "; to open it as it is, accept the missing log (ProjectStore.open(..., "
        "accept_missing_wal=True))",
        file=str(path),
    )


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file. Without a ``-wal`` beside it, the file
    is opened immutable, so SQLite does not even create ``-wal``/``-shm`` files."""
    mode = "ro" if Path(f"{path}-wal").exists() else "ro&immutable=1"
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode={mode}", uri=True)


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
