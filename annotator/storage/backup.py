"""Rotating backups of a project file, made and restored with SQLite's backup API.

Where: a folder beside the project, ``<project>.backups/`` (``annot.sqlite`` ->
``annot.sqlite.backups/``), one self-contained SQLite file per backup, named
``<stem>-<UTC time>[-<n>][-<reason>].sqlite`` (``annot-20261125T153000.sqlite``; ``n``
tells apart backups made in the same second). Reasons: none (made on opening),
``manual``, ``before-restore``, ``before-upgrade-vN`` and ``damaged`` (a raw copy of a
project that SQLite could no longer read, kept before a restore replaced it).

How: ``sqlite3.Connection.backup`` copies a consistent snapshot even while other
connections write (never a file copy of a live WAL database). The copy is written to a
hidden ``.partial`` file, switched to a rollback journal (so it needs no ``-wal``),
stripped of session rows, checked with ``PRAGMA quick_check`` and only then renamed into
place: a crash or a full disk leaves no half backup in the list, and a damaged project
never pushes good backups out of the rotation.

When (decided here): ``ProjectStore.open`` calls ``backup_on_open``, which writes a backup
unless the newest one is less than ``MIN_INTERVAL`` (60 s) old, or holds the same
content as the project (a cheap fingerprint: counts, offset sums, latest timestamps,
settings). So a script that opens a project a hundred times a minute, or a window
opened and closed without edits, does not rotate older backups out. In-memory stores
never back up. The last ``KEPT`` (5) backups are kept; ``before-upgrade-*`` and
``damaged`` copies are not rotated out (delete them by hand). A failure never stops
opening: it becomes ``store.backup_warning``. ``make_backup`` always writes one.

Restore: ``restore_backup`` checks the backup, backs up the current state first (a raw
copy if SQLite cannot read it), then copies the backup into the project with the backup
API, in one transaction. Connections left open see the restored content (their
``data_version()`` changes) and should reload; a window should rather close its store,
restore, and open the project again. Only a project SQLite cannot read at all is
replaced as a file (no connection can be using it then).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import ProjectError
from .file_checks import SESSION_PREFIX, alive, check_header, read_only
from .migrations import APPLICATION_ID, latest_version

if TYPE_CHECKING:
    from .project_store import ProjectStore

KEPT = 5
MIN_INTERVAL = timedelta(seconds=60)
BUSY_TIMEOUT = 5.0  # seconds a restore waits for another program's write
KEPT_FOREVER = ("before-upgrade", "damaged")  # reason prefixes never rotated out
# How a refused open tells the user to restore; the CLI and the GUI menu it names are
# wired outside storage/ (change the wording here if they change).
RESTORE_HOW = (
    "restore it from File > Restore backup… or with `annotator restore {project}`"
)
_STAMP = "%Y%m%dT%H%M%S"


class DamagedProject(ProjectError):
    """The project failed ``quick_check`` while being backed up."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # UTC, from the file name
    documents: int | None  # None: the backup cannot be read
    spans: int | None
    reason: str = ""  # "" (on open), manual, before-restore, before-upgrade-vN, damaged


def backup_dir(project: Path) -> Path:
    project = Path(project)
    return project.with_name(project.name + ".backups")


def list_backups(project: Path) -> list[BackupInfo]:
    """Every backup of ``project``, newest first, with its document and span counts."""
    return [_info(path, created, reason) for path, created, reason in _backups(project)]


def latest_backup(project: Path) -> tuple[Path, datetime] | None:
    """The newest backup that is not a kept-aside damaged file: its path and time."""
    found = [(path, created) for path, created, reason in _backups(project) if reason != "damaged"]
    return found[0] if found else None


def backup_hint(project: Path) -> str:
    """A message tail offering the newest readable backup ("" if there is none)."""
    try:
        for path, created, reason in _backups(project):  # opened one by one, newest first
            if reason != "damaged" and _info(path, created, reason).documents is not None:
                when = created.strftime("%Y-%m-%d %H:%M UTC")
                how = RESTORE_HOW.format(project=Path(project).name)
                return f"; a backup from {when} is in {path}: {how}"
    except OSError:
        pass
    return ""


def make_backup(
    project: Path,
    *,
    reason: str = "manual",
    source: sqlite3.Connection | None = None,
    keep: Iterable[Path] = (),
) -> Path:
    """Write a backup of ``project`` (through ``source`` if given) and rotate; its path.

    Raises ``ProjectError`` when the backup cannot be written or the project is
    damaged (the older backups are then left as they were).
    """
    project = Path(project)
    own = source is None
    try:
        if own:  # read-only but locking: it sees the WAL, and a consistent snapshot
            uri = f"{project.resolve().as_uri()}?mode=ro"
            source = sqlite3.connect(uri, uri=True, timeout=5.0)
        return _write_backup(source, project, reason, keep)
    except sqlite3.Error as error:
        raise ProjectError(
            f"could not back up the project ({error})", file=str(project)
        )
    finally:
        if own and source is not None:
            source.close()


def restore_backup(project: Path, backup: Path) -> Path | None:
    """Make ``project`` hold what ``backup`` holds; returns the backup of what it held.

    The current state is saved first (``before-restore``; a raw ``damaged`` copy when
    SQLite cannot read it) and nothing is restored if that fails. A readable project
    is restored with the backup API in one transaction; an unreadable one is replaced.
    """
    project, backup = Path(project), Path(backup)
    _check_backup(backup)
    saved = _save_current(project, keep=[backup]) if project.exists() else None
    source = read_only(backup)
    try:
        try:
            _restore_into(project, source)
        except sqlite3.DatabaseError as error:
            if _is_busy(error):
                raise ProjectError(
                    "the project is in use: another window or program is writing to it; "
                    "close it and restore again (nothing was changed)",
                    file=str(project),
                ) from None
            if not _unreadable(error):
                raise ProjectError(
                    f"the restore failed ({error})", file=str(project)
                ) from None
            _replace_file(project, backup)
    finally:
        source.close()
    return saved


def backup_on_open(store: ProjectStore) -> str | None:
    """The policy above, for a store just opened; a warning instead of any error."""
    if store.path is None:
        return None
    try:
        newest = latest_backup(store.path)
        if newest is not None:
            path, created = newest
            if _utcnow() - created < MIN_INTERVAL or _same_content(store.db.conn, path):
                return None
        store.backup_path = make_backup(store.path, reason="", source=store.db.conn)
    except DamagedProject as error:
        return f"{error.message}{backup_hint(store.path)}"
    except Exception as error:  # noqa: BLE001 - a backup failure must not stop opening
        return f"no backup was made when opening the project: {error}"
    return None


# --- writing ------------------------------------------------------------------------
def _write_backup(
    source: sqlite3.Connection, project: Path, reason: str, keep: Iterable[Path]
) -> Path:
    folder = backup_dir(project)
    try:
        folder.mkdir(exist_ok=True)
        _remove_leftovers(folder)
    except OSError as error:
        raise ProjectError(
            f"cannot write backups to {folder} ({error.strerror or error})"
        )
    final = _free_name(folder, project, reason)
    partial = folder / f".{final.name}.{os.getpid()}.partial"
    try:
        _copy(source, partial)
        _fsync(partial)
        os.replace(partial, final)
        _fsync(folder)
    except OSError as error:
        raise ProjectError(
            f"cannot write the backup {final} ({error.strerror or error})"
        )
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    _rotate(project, keep=[final, *keep])
    return final


def _copy(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(target)
    try:
        source.backup(dest, progress=_deadline(BUSY_TIMEOUT))
        dest.execute("PRAGMA journal_mode = DELETE")  # self-contained: no -wal to lose
        dest.execute("DELETE FROM settings WHERE key LIKE ?", [SESSION_PREFIX + "%"])
        dest.commit()
        check = [row[0] for row in dest.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if not _unreadable(error):
            raise
        check = [str(error)]
    finally:
        dest.close()
    if check != ["ok"]:
        raise DamagedProject(
            f"the project file is damaged (SQLite's quick_check: {check[0]}); no backup "
            "was made, so the older backups are kept as they are"
        )


def _free_name(folder: Path, project: Path, reason: str) -> Path:
    """A new name; ``-2``, ``-3``... for further backups within the same second (never
    a number freed by rotation, so names sort in the order the backups were made)."""
    now = _utcnow().replace(microsecond=0)
    number = 1 + max(
        (n for _, created, n, _ in _named(project) if created == now), default=0
    )
    tail = (f"-{number}" if number > 1 else "") + (f"-{reason}" if reason else "")
    return folder / f"{project.stem}-{now.strftime(_STAMP)}{tail}.sqlite"


def _rotate(project: Path, keep: Iterable[Path]) -> None:
    protected = {Path(p).resolve() for p in keep}
    rotating = [b for b in _backups(project) if not b[2].startswith(KEPT_FOREVER)]
    for path, _, _ in rotating[KEPT:]:
        if path.resolve() not in protected:
            path.unlink(missing_ok=True)


def _remove_leftovers(folder: Path) -> None:
    """Remove ``.partial`` files of backups whose process died while writing them."""
    for leftover in folder.glob(".*.partial*"):
        pid = leftover.name.split(".partial")[0].rpartition(".")[2]
        if pid.isdigit() and not alive(int(pid)):
            leftover.unlink(missing_ok=True)


# --- restoring ----------------------------------------------------------------------
def _check_backup(backup: Path) -> None:
    if not backup.is_file():
        raise ProjectError("no such backup", file=str(backup))
    check_header(backup)
    try:
        conn = read_only(backup)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"the backup cannot be read ({error})", file=str(backup))
    if app_id != APPLICATION_ID:
        raise ProjectError("this file is not a backup of a project", file=str(backup))
    if version > latest_version():
        raise ProjectError(
            "this backup was written by a newer version of the app", file=str(backup)
        )
    if check != ["ok"]:
        raise ProjectError(f"the backup is damaged ({check[0]})", file=str(backup))


def _save_current(project: Path, keep: list[Path]) -> Path:
    try:
        return make_backup(project, reason="before-restore", keep=keep)
    except ProjectError as error:
        if not (isinstance(error, DamagedProject) or _unreadable(error)):
            raise ProjectError(
                f"nothing was restored: the current state could not be saved first "
                f"({error.message})",
                file=str(project),
            ) from None
        first = error
    try:  # SQLite cannot read it: keep its bytes, and those of its WAL, as they are
        final = _free_name(backup_dir(project), project, "damaged")
        shutil.copyfile(project, final)
        for side in ("-wal", "-shm"):
            if Path(f"{project}{side}").exists():
                shutil.copyfile(f"{project}{side}", f"{final}{side}")
        return final
    except OSError as error:
        raise ProjectError(
            f"nothing was restored: the current state could not be saved first ({first.message}; "
            f"then {error.strerror or error})",
            file=str(project),
        ) from None


def _restore_into(project: Path, source: sqlite3.Connection) -> None:
    dest = sqlite3.connect(project, timeout=BUSY_TIMEOUT)
    try:
        dest.execute("PRAGMA schema_version").fetchone()  # DatabaseError if unreadable
        source.backup(dest, progress=_deadline(BUSY_TIMEOUT))
        if dest.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            dest.execute("PRAGMA journal_mode = WAL")
        check = [row[0] for row in dest.execute("PRAGMA quick_check")]
    finally:
        dest.close()
    if check != ["ok"]:
        raise sqlite3.DatabaseError(f"restored file fails quick_check: {check[0]}")


def _replace_file(project: Path, backup: Path) -> None:
    """For a project SQLite cannot read (already saved as ``damaged``): swap the file."""
    temp = project.with_name(f".{project.name}.restoring")
    try:
        shutil.copyfile(backup, temp)
        _fsync(temp)
        for side in (
            "-wal",
            "-shm",
            "-journal",
        ):  # a stale log would be replayed onto it
            Path(f"{project}{side}").unlink(missing_ok=True)
        os.replace(temp, project)
        _fsync(project.parent)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ProjectError(
            f"the restore failed ({error.strerror or error}); the project's earlier state "
            f"is kept in {backup_dir(project)}",
            file=str(project),
        ) from None


# --- reading ------------------------------------------------------------------------
_NAME = r"-(\d{8}T\d{6})(?:-(\d+))?(?:-([a-z][a-z0-9-]*))?\.sqlite"


def _backups(project: Path) -> list[tuple[Path, datetime, str]]:
    """``(path, created, reason)`` of each backup, newest first."""
    found = sorted(_named(project), key=lambda item: item[1:3], reverse=True)
    return [(path, created, reason) for path, created, _, reason in found]


def _named(project: Path) -> list[tuple[Path, datetime, int, str]]:
    """``(path, created, number, reason)`` of each file named like a backup."""
    project = Path(project)
    folder = backup_dir(project)
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(project.stem) + _NAME)
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            created = datetime.strptime(match[1], _STAMP).replace(tzinfo=timezone.utc)
            found.append((path, created, int(match[2] or 1), match[3] or ""))
    return found


def _info(path: Path, created: datetime, reason: str) -> BackupInfo:
    try:
        conn = read_only(path)
        try:
            documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            spans = conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        documents = spans = None
    return BackupInfo(path, created, documents, spans, reason)


_FINGERPRINT = f"""SELECT
 (SELECT COUNT(*) || '/' || TOTAL(seq) FROM documents),
 (SELECT COUNT(*) || '/' || TOTAL(start) || '/' || TOTAL("end") || '/' || TOTAL(LENGTH(label))
    || '/' || TOTAL(LENGTH(attributes)) || '/' || MAX(COALESCE(updated, '')) FROM spans),
 (SELECT COUNT(*) || '/' || TOTAL(LENGTH(type)) || '/' || TOTAL(LENGTH(arguments))
    || '/' || TOTAL(LENGTH(attributes)) FROM events),
 (SELECT COUNT(*) || '/' || TOTAL(LENGTH(COALESCE(source, '') || COALESCE(cue, '')
    || COALESCE(content, ''))) || '/' || TOTAL(LENGTH(attributes)) FROM attributions),
 (SELECT COUNT(*) || '/' || MAX(updated) || '/' || TOTAL(LENGTH(status)) FROM statuses),
 (SELECT COUNT(*) || '/' || TOTAL(start) || '/' || TOTAL("end") FROM rejections),
 (SELECT GROUP_CONCAT(key || '=' || value, ';') FROM
    (SELECT key, value FROM settings WHERE key NOT LIKE '{SESSION_PREFIX}%' ORDER BY key))"""


def _same_content(conn: sqlite3.Connection, backup: Path) -> bool:
    """Whether the project seems unchanged since ``backup`` (False when unsure)."""
    try:
        other = read_only(backup)
        try:
            return (
                conn.execute(_FINGERPRINT).fetchone()
                == other.execute(_FINGERPRINT).fetchone()
            )
        finally:
            other.close()
    except sqlite3.Error:
        return False


# --- small helpers ------------------------------------------------------------------
def _deadline(seconds: float) -> Callable[[int, int, int], None]:
    """Give up a backup that stays blocked: ``Connection.backup`` itself retries a busy
    step forever (sleeping between tries), which deadlocks against a writer that is
    waiting for us, e.g. a store of this very thread inside ``atomic()``."""
    start = time.monotonic()

    def progress(status: int, remaining: int, total: int) -> None:
        blocked = status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        if blocked and time.monotonic() - start > seconds:
            raise sqlite3.OperationalError(
                "database is locked (backup gave up waiting)"
            )

    return progress


def _unreadable(error: Exception) -> bool:
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "quick_check" in text


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk; folders cannot be opened on Windows."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
