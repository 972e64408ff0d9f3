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

When each was made: the copy records the time it was made inside itself (the setting
``backup/made``), so a renamed or copied file keeps its age. A backup's time is the
earlier of that (the name's time for backups older than the setting) and the file's
mtime. A time later than now (a clock that ran ahead, a crafted name) never counts as
newest: such backups are listed after every other, are the first rotated out, and are
neither what ``MIN_INTERVAL`` is measured from nor what a default restore picks.

When (decided here): ``ProjectStore.open`` calls ``backup_on_open``, which writes a backup
unless the newest one is less than ``MIN_INTERVAL`` (60 s) old, or holds the same
content as the project (a cheap fingerprint: counts, offset sums, latest timestamps,
settings). So a script that opens a project a hundred times a minute, or a window
opened and closed without edits, does not rotate older backups out. In-memory stores
never back up. The last ``KEPT`` (5) backups are kept; ``before-upgrade-*`` and
``damaged`` copies are not rotated out (delete them by hand). A failure never stops
opening: it becomes ``store.backup_warning``. ``make_backup`` always writes one.

Restore: ``restore_backup`` checks the backup like any file from elsewhere (``quick_check``,
and ``file_checks.check_file``, which refuses SQL the app did not create), refuses while
a live process of this host holds a session in the project (it would write its own
state over the restored one; the caller's own session, if it passes it, excepted),
backs up the current state first (a raw copy if SQLite cannot read it), then copies the
backup into the project with the backup API, in one transaction. A window closes its
store, restores, and opens the project again. Only a project SQLite cannot read at all
is replaced as a file (no connection can be using it then). ``default_backup`` picks
what a restore without a named backup uses: the newest backup that passes those checks
and whose every text still matches its SHA-256.

Advice: ``backup_hint`` (added to messages that refuse a project) and ``list_backups``
say what restoring a backup would drop of the project as it is now (documents, spans,
events, attributions and "done" marks made or changed since), so following the advice
never throws away saved work unannounced.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import text_sha256
from ..errors import Phrase, ProjectError, counted, joined
from .file_checks import SESSION_PREFIX, alive, check_file, check_header, read_only
from .migrations import APPLICATION_ID, latest_version

if TYPE_CHECKING:
    from .project_store import ProjectStore

KEPT = 5
MIN_INTERVAL = timedelta(seconds=60)
CLOCK_SLACK = timedelta(minutes=2)  # a backup dated later than now + this is "from the future"
BUSY_TIMEOUT = 5.0  # seconds a restore waits for another program's write
KEPT_FOREVER = ("before-upgrade", "damaged")  # reason prefixes never rotated out
MADE_KEY = "backup/made"  # setting inside each backup: when it was really made (UTC, ISO)
# How a refused open tells the user to restore; the CLI and the GUI menu it names are
# wired outside storage/ (change the wording here if they change).
RESTORE_HOW = Phrase(
    "restore it from File > Restore backup… or with `annotator restore {project}`"
)
_STAMP = "%Y%m%dT%H%M%S"


class DamagedProject(ProjectError):
    """The project failed ``quick_check`` while being backed up."""


@dataclass(frozen=True)
class Losses:
    """What restoring a backup would drop of the project as it is now: rows made or
    changed since the backup (a changed span counts once, as one dropped)."""

    documents: int
    spans: int
    events: int
    attributions: int
    done: int  # documents an annotator marked done

    def describe(self) -> str:
        parts = [
            counted(self.documents, "1 document", "{count} documents") if self.documents else "",
            counted(self.spans, "1 span", "{count} spans") if self.spans else "",
            counted(self.events, "1 event", "{count} events") if self.events else "",
            counted(self.attributions, "1 attribution", "{count} attributions") if self.attributions else "",
            counted(self.done, '1 "done" mark', '{count} "done" marks') if self.done else "",
        ]
        parts = [part for part in parts if part]
        if not parts:
            return Phrase("restoring it would drop nothing of the project as it is now")
        listed = parts[0] if len(parts) == 1 else Phrase(
            "{listed} and {last}", {"listed": joined(parts[:-1]), "last": parts[-1]})
        return Phrase("restoring it would drop {listed} made or changed since", {"listed": listed})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # UTC: when it was really made (see the module docstring)
    documents: int | None  # None: the backup cannot be read
    spans: int | None
    reason: str = ""  # "" (on open), manual, before-restore, before-upgrade-vN, damaged
    future: bool = False  # dated after now: listed last, never taken for the newest
    losses: Losses | None = None  # what restoring it would drop (None: cannot be told)


@dataclass(frozen=True)
class _Backup:
    path: Path
    made: datetime
    reason: str
    future: bool
    named: datetime
    number: int


def backup_dir(project: Path) -> Path:
    project = Path(project)
    return project.with_name(project.name + ".backups")


def list_backups(project: Path) -> list[BackupInfo]:
    """Every backup of ``project``, newest first (those dated in the future last), with
    its document and span counts and what restoring it would drop."""
    return [_info(project, found) for found in _backups(project)]


def latest_backup(project: Path) -> tuple[Path, datetime] | None:
    """The newest backup that is neither a kept-aside damaged file nor dated in the
    future: its path and when it was made."""
    for found in _backups(project):
        if found.reason != "damaged" and not found.future:
            return found.path, found.made
    return None


def default_backup(project: Path) -> tuple[Path, list[str]]:
    """The backup a restore without a named one uses: the newest that passes every
    check of ``restore_backup`` and whose texts match their SHA-256; with why each
    newer one was passed over. ``ProjectError`` when there is none."""
    passed_over = []
    for found in _backups(project):
        if found.reason == "damaged":
            continue
        problem = _problem(found.path)
        if problem is None:
            return found.path, passed_over
        passed_over.append(Phrase("{name}: {problem}", {"name": found.path.name, "problem": problem}))
    if passed_over:
        raise ProjectError("no sound backup to restore ({reasons})",
                           params={"reasons": joined(passed_over, semicolons=True)}, file=str(project))
    raise ProjectError("no sound backup to restore", file=str(project))


def backup_hint(project: Path) -> str:
    """A message tail offering the newest sound backup ("" if there is none), saying
    what restoring it would drop of the project as it is now."""
    try:
        chosen, _ = default_backup(project)
    except (ProjectError, OSError):
        return ""
    made = next((b.made for b in _backups(project) if b.path == chosen), None)
    when = Phrase(" from {made}", {"made": made.strftime("%Y-%m-%d %H:%M UTC")}) if made else ""
    losses = restore_losses(project, chosen)
    drops = (
        Phrase(" ({losses}; the project as it is now is kept as a backup first)", {"losses": losses.describe()})
        if losses is not None
        else ""
    )
    how = Phrase(RESTORE_HOW, {"project": Path(project).name})
    return Phrase("; a backup{when} is in {backup}{drops}: {how}",
                  {"when": when, "backup": chosen, "drops": drops, "how": how})


def restore_losses(project: Path, backup: Path) -> Losses | None:
    """What restoring ``backup`` would drop of ``project`` as it is now (None when
    either cannot be read)."""
    try:
        conn = read_only(project)
    except sqlite3.Error:
        return None
    try:
        conn.execute("ATTACH DATABASE ? AS backup", [_read_only_uri(backup)])
        return Losses(*(_count_missing(conn, *query) for query in _LOSS_QUERIES))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


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
            "could not back up the project ({reason})", params={"reason": error}, file=str(project)
        )
    finally:
        if own and source is not None:
            source.close()


def backup_before_change(store: ProjectStore, reason: str) -> str | None:
    """A copy of the project before a bulk change (an import or a merge replaces
    annotators' work), through the store's own connection; a warning instead of an
    error (a failed backup must not stop the work, but the user is told)."""
    try:
        make_backup(store.path, reason=reason, source=store.db.conn)
    except (ProjectError, OSError, sqlite3.Error) as error:
        return Phrase("no backup made before the change: {reason}", {"reason": error})
    return None


def restore_backup(
    project: Path, backup: Path, *, own_session: str | None = None
) -> Path | None:
    """Make ``project`` hold what ``backup`` holds; returns the backup of what it held.

    Refused (nothing changed) when the backup fails its checks, or while a process of
    this host has the project open (other than the caller's ``own_session`` row). The
    current state is saved first (``before-restore``; a raw ``damaged`` copy when
    SQLite cannot read it) and nothing is restored if that fails. A readable project
    is restored with the backup API in one transaction; an unreadable one is replaced.
    """
    project, backup = Path(project), Path(backup)
    _check_backup(backup)
    if project.exists():
        _refuse_while_open(project, own_session)
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
                    "the restore failed ({reason})", params={"reason": error}, file=str(project)
                ) from None
            _replace_file(project, backup)
    finally:
        source.close()
    return saved


def open_elsewhere(project: Path, own_session: str | None = None) -> list[tuple[int, str]]:
    """``(pid, command line)`` of each live process of this host with a session row in
    ``project`` (not ``own_session``). Read-only; [] for a file SQLite cannot read."""
    try:
        conn = read_only(project)
        try:
            keys = [row[0] for row in conn.execute(
                "SELECT key FROM settings WHERE key LIKE ?", [SESSION_PREFIX + "%"]
            )]
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    here = socket.gethostname()
    holders = []
    for key in keys:
        host, _, rest = key[len(SESSION_PREFIX) :].partition(":")
        pid = rest.partition(":")[0]
        # another host cannot share a WAL database: its row is a leftover
        if key != own_session and host == here and pid.isdigit() and alive(int(pid)):
            holders.append((int(pid), _command_line(int(pid))))
    return sorted(set(holders))


def backup_on_open(store: ProjectStore) -> str | None:
    """The policy above, for a store just opened; a warning instead of any error."""
    if store.path is None:
        return None
    warning, store.backup_path = _backup_if_due(store.path, store.db.conn)
    return warning


def backup_after_open(project: Path) -> str | None:
    """The same, through a connection of its own: for a window that opened the project
    without waiting for the copy (a 300 MB archive takes a second or more to copy),
    run off its GUI thread once it has painted. The copy is one read transaction: the
    project as it was then, whatever the window writes meanwhile."""
    uri = f"{Path(project).resolve().as_uri()}?mode=ro"
    try:
        source = sqlite3.connect(uri, uri=True, timeout=5.0)
    except sqlite3.Error as error:
        return Phrase("no backup was made when opening the project: {reason}", {"reason": error})
    try:
        return _backup_if_due(Path(project), source)[0]
    finally:
        source.close()


def _backup_if_due(project: Path, source: sqlite3.Connection) -> tuple[str | None, Path | None]:
    """(a warning or None, the backup written or None)."""
    try:
        newest = latest_backup(project)
        if newest is not None:
            path, made = newest
            if _utcnow() - made < MIN_INTERVAL or _same_content(source, path):
                return None, None
        return None, make_backup(project, reason="", source=source)
    except DamagedProject as error:
        return Phrase("{message}{hint}", {"message": error.message, "hint": backup_hint(project)}), None
    except Exception as error:
        return Phrase("no backup was made when opening the project: {reason}", {"reason": error}), None


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
            "cannot write backups to {folder} ({reason})",
            params={"folder": folder, "reason": error.strerror or error},
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
            "cannot write the backup {backup} ({reason})",
            params={"backup": final, "reason": error.strerror or error},
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
        dest.execute(  # its age, whatever its name or mtime becomes
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [MADE_KEY, _utcnow().isoformat()],
        )
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
            "the project file is damaged (SQLite's quick_check: {check}); no backup "
            "was made, so the older backups are kept as they are",
            params={"check": check[0]},
        )


def _free_name(folder: Path, project: Path, reason: str) -> Path:
    """A new name; ``-2``, ``-3``... for further backups within the same second (never
    a number freed by rotation). Names only label backups: their order is ``_backups``'."""
    now = _utcnow().replace(microsecond=0)
    number = 1 + max(
        (n for _, created, n, _ in _named(project) if created == now), default=0
    )
    tail = (f"-{number}" if number > 1 else "") + (f"-{reason}" if reason else "")
    return folder / f"{project.stem}-{now.strftime(_STAMP)}{tail}.sqlite"


def _rotate(project: Path, keep: Iterable[Path]) -> None:
    """Keep the ``KEPT`` newest; those dated in the future are listed last, so they go
    first (a future name never pushes out a backup made since)."""
    protected = {Path(p).resolve() for p in keep}
    rotating = [b for b in _backups(project) if not b.reason.startswith(KEPT_FOREVER)]
    for found in rotating[KEPT:]:
        if found.path.resolve() not in protected:
            found.path.unlink(missing_ok=True)


def _remove_leftovers(folder: Path) -> None:
    """Remove ``.partial`` files of backups whose process died while writing them."""
    for leftover in folder.glob(".*.partial*"):
        pid = leftover.name.split(".partial")[0].rpartition(".")[2]
        if pid.isdigit() and not alive(int(pid)):
            leftover.unlink(missing_ok=True)


# --- restoring ----------------------------------------------------------------------
def _check_backup(backup: Path) -> None:
    """Refuse a backup that is not a sound project of a version this app reads, or that
    holds anything the app did not create: it is checked like any foreign file."""
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
        raise ProjectError("the backup cannot be read ({reason})", params={"reason": error}, file=str(backup))
    if app_id != APPLICATION_ID:
        raise ProjectError("this file is not a backup of a project", file=str(backup))
    if version > latest_version():
        raise ProjectError(
            "this backup was written by a newer version of the app", file=str(backup)
        )
    if check != ["ok"]:
        raise ProjectError("the backup is damaged ({check})", params={"check": check[0]}, file=str(backup))
    check_file(backup, accept_missing_wal=True)  # its schema: only what the app creates


def _problem(backup: Path) -> str | None:
    """Why ``backup`` is no good to restore by default (None: it is)."""
    try:
        _check_backup(backup)
    except ProjectError as error:
        return error.message
    changed = _changed_texts(backup)
    if changed is None:
        return Phrase("its documents cannot be read")
    if len(changed) > 1:
        return Phrase(
            "the text of document {document!r} and {more} more no longer matches its SHA-256 "
            "(it was made after the text was damaged)", {"document": changed[0], "more": len(changed) - 1})
    if changed:
        return Phrase(
            "the text of document {document!r} no longer matches its SHA-256 "
            "(it was made after the text was damaged)", {"document": changed[0]})
    return None


def _changed_texts(backup: Path) -> list[str] | None:
    """Ids of documents whose text differs from their stored SHA-256 (None: unreadable)."""
    try:
        conn = read_only(backup)
        try:
            rows = conn.execute("SELECT id, text, sha256 FROM documents ORDER BY seq")
            return [str(id_) for id_, text, sha256 in rows if not _sha256_matches(text, sha256)]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _sha256_matches(text: object, sha256: object) -> bool:
    try:
        return isinstance(text, str) and text_sha256(text) == sha256
    except UnicodeError:  # lone surrogates
        return False


def _refuse_while_open(project: Path, own_session: str | None) -> None:
    holders = open_elsewhere(project, own_session)
    if not holders:
        return
    named = joined([
        Phrase("process {pid} ({command})", {"pid": pid, "command": command}) if command
        else Phrase("process {pid}", {"pid": pid})
        for pid, command in holders
    ])
    raise ProjectError(
        "the project is in use: it is open in {processes}, which would write its own state "
        "over the restored one; close it there and restore again (nothing was changed)",
        params={"processes": named},
        file=str(project),
    )


def _command_line(pid: int) -> str:
    """What ``pid`` runs, from /proc (Linux); "" where that cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    command = " ".join(part.decode(errors="replace") for part in raw.split(b"\0") if part)
    return command if len(command) <= 200 else command[:199] + "…"


def _save_current(project: Path, keep: list[Path]) -> Path:
    try:
        return make_backup(project, reason="before-restore", keep=keep)
    except ProjectError as error:
        if not (isinstance(error, DamagedProject) or _unreadable(error)):
            raise ProjectError(
                "nothing was restored: the current state could not be saved first ({reason})",
                params={"reason": error.message},
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
            "nothing was restored: the current state could not be saved first ({first}; then {reason})",
            params={"first": first.message, "reason": error.strerror or error},
            file=str(project),
        ) from None


def _restore_into(project: Path, source: sqlite3.Connection) -> None:
    dest = sqlite3.connect(project, timeout=BUSY_TIMEOUT)
    try:
        dest.execute("PRAGMA schema_version").fetchone()  # DatabaseError if unreadable
        source.backup(dest, progress=_deadline(BUSY_TIMEOUT))
        if dest.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            dest.execute("PRAGMA journal_mode = WAL")
        # when the backup was made is no part of the project
        dest.execute("DELETE FROM settings WHERE key = ?", [MADE_KEY])
        dest.commit()
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
            "the restore failed ({reason}); the project's earlier state is kept in {folder}",
            params={"reason": error.strerror or error, "folder": backup_dir(project)},
            file=str(project),
        ) from None


# --- reading ------------------------------------------------------------------------
_NAME = r"-(\d{8}T\d{6})(?:-(\d+))?(?:-([a-z][a-z0-9-]*))?\.sqlite"


def _backups(project: Path) -> list[_Backup]:
    """Each backup, newest first by when it was really made; those dated in the future
    after all others (a clock that ran ahead, or a crafted name, never wins)."""
    now = _utcnow()
    found = []
    for path, named, number, reason in _named(project):
        made = _made(path, named)
        found.append(_Backup(path, made, reason, made > now + CLOCK_SLACK, named, number))
    found.sort(key=lambda b: (not b.future, b.made, b.named, b.number), reverse=True)
    return found


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


def _made(path: Path, named: datetime) -> datetime:
    """When the backup was made: the time recorded inside it (the name's, for backups
    older than that setting), or its mtime when earlier (a copy keeps what it holds;
    a file is never written before it is made)."""
    recorded = _recorded_time(path) or named
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except OSError:
        return recorded
    return min(recorded, modified)


def _recorded_time(path: Path) -> datetime | None:
    try:
        conn = read_only(path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [MADE_KEY]).fetchone()
        finally:
            conn.close()
        made = datetime.fromisoformat(str(row[0])) if row else None
    except (sqlite3.Error, ValueError):
        return None
    if made is None or made.tzinfo is None:
        return None
    return made.astimezone(timezone.utc)


def _info(project: Path, found: _Backup) -> BackupInfo:
    try:
        conn = read_only(found.path)
        try:
            documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            spans = conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        documents = spans = None
    losses = restore_losses(project, found.path) if documents is not None else None
    return BackupInfo(found.path, found.made, documents, spans, found.reason, found.future, losses)


# Rows of the project (main) that the backup does not hold as they are: what a restore
# drops. (table, columns compared, which rows)
_WORK = "document_id, annotator, id"
_LOSS_QUERIES = [
    ("documents", "id, sha256", ""),
    ("spans", f'{_WORK}, start, "end", label, attributes', ""),
    ("events", f"{_WORK}, type, trigger, arguments, attributes", ""),
    ("attributions", f"{_WORK}, source, cue, content, attributes", ""),
    ("statuses", "document_id, annotator", " WHERE status = 'done'"),
]


def _count_missing(conn: sqlite3.Connection, table: str, columns: str, where: str) -> int:
    query = (
        f"SELECT COUNT(*) FROM (SELECT {columns} FROM main.{table}{where} "
        f"EXCEPT SELECT {columns} FROM backup.{table}{where})"
    )
    return conn.execute(query).fetchone()[0]


def _read_only_uri(path: Path) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"


# Tables whose rows are compared in full (quote() of every column) when present: added
# by later migrations, so older files may lack them.
_OPTIONAL_TABLES = ("rejections", "adjudication_rejections", "notes", "models", "model_suggestions")

_FINGERPRINT = f"""SELECT
 (SELECT COUNT(*) || '/' || TOTAL(seq) FROM documents),
 (SELECT COUNT(*) || '/' || TOTAL(start) || '/' || TOTAL("end") || '/' || TOTAL(LENGTH(label))
    || '/' || TOTAL(LENGTH(attributes)) || '/' || MAX(COALESCE(updated, '')) FROM spans),
 (SELECT COUNT(*) || '/' || TOTAL(LENGTH(type)) || '/' || TOTAL(LENGTH(arguments))
    || '/' || TOTAL(LENGTH(attributes)) FROM events),
 (SELECT COUNT(*) || '/' || TOTAL(LENGTH(COALESCE(source, '') || COALESCE(cue, '')
    || COALESCE(content, ''))) || '/' || TOTAL(LENGTH(attributes)) FROM attributions),
 (SELECT COUNT(*) || '/' || MAX(updated) || '/' || TOTAL(LENGTH(status)) FROM statuses),
 (SELECT GROUP_CONCAT(key || '=' || value, ';') FROM
    (SELECT key, value FROM settings WHERE key NOT LIKE '{SESSION_PREFIX}%'
     AND key != '{MADE_KEY}' ORDER BY key))"""


def _fingerprint(conn: sqlite3.Connection) -> tuple:
    """A cheap summary of the content: equal summaries mean (almost surely) equal content."""
    tables = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    optional = [_summary(conn, t) if t in tables else None for t in _OPTIONAL_TABLES]
    return (*conn.execute(_FINGERPRINT).fetchone(), *optional)


def _summary(conn: sqlite3.Connection, table: str) -> str:
    """Row count and the summed length of each column's values."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    sums = " || '/' || ".join(f'TOTAL(LENGTH(quote("{c}")))' for c in columns) or "''"
    return conn.execute(f"SELECT COUNT(*) || '/' || {sums} FROM \"{table}\"").fetchone()[0]


def _same_content(conn: sqlite3.Connection, backup: Path) -> bool:
    """Whether the project seems unchanged since ``backup`` (False when unsure)."""
    try:
        other = read_only(backup)
        try:
            return _fingerprint(conn) == _fingerprint(other)
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
