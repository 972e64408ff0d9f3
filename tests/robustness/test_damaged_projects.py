"""Damaged and foreign files: a clear ProjectError, the file left byte for byte as it was.

Each file is built here: truncated projects, random bytes, a SQLite header over noise,
foreign databases (rollback journal and WAL), a project from a newer app, a project
that was never finished, and projects whose write-ahead log is missing. Where a backup
exists, the refusal names it.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.errors import ProjectError
from annotator.storage import ProjectStore
from annotator.storage.backup import list_backups, make_backup
from annotator.storage.migrations import APPLICATION_ID, latest_version
from tests.helpers import session_rows
from tests.robustness.crashkit import REPO


def _side_files(path: Path) -> list[str]:
    return sorted(
        p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")
    )


def _assert_refused(path: Path, match: str) -> ProjectError:
    """Refused with ``match``, and nothing written: same bytes, no new side files."""
    before, sides = path.read_bytes(), _side_files(path)
    with pytest.raises(ProjectError, match=match) as caught:
        ProjectStore.open(path)
    assert path.read_bytes() == before
    assert _side_files(path) == sides
    assert str(path) in str(caught.value)
    return caught.value


def _filled_project(path: Path, documents: int = 40) -> Path:
    store = ProjectStore.create(path, _schema())
    for number in range(documents):
        store.add_document(Document(f"d{number}", f"نص رقم {number} " * 200))
    store.close()
    return path


def _schema():
    from annotator.core.schema_files import load_schema

    return load_schema("arabic-news")


# --- truncated, random, foreign ------------------------------------------------------------
@pytest.mark.parametrize("keep", [0, 50, 99, 100, 4096, 4097, "half", "one page short"])
def test_open_refuses_truncated_project(tmp_path, keep):
    path = _filled_project(tmp_path / "p.sqlite")
    data = path.read_bytes()
    size = {"half": len(data) // 2, "one page short": len(data) - 4096}.get(keep, keep)
    path.write_bytes(data[:size])
    expected = "empty" if size == 0 else "truncated"
    error = _assert_refused(path, expected)
    assert "backup" not in str(error)  # none was ever made


def test_open_refuses_random_bytes(tmp_path):
    path = tmp_path / "p.sqlite"
    path.write_bytes(random.Random(1).randbytes(50_000))
    _assert_refused(path, "not a SQLite database")


def test_open_refuses_sqlite_header_over_random_bytes(tmp_path):
    path = tmp_path / "p.sqlite"
    header = bytearray(_filled_project(tmp_path / "real.sqlite").read_bytes()[:100])
    path.write_bytes(bytes(header) + random.Random(2).randbytes(4096 * 8 - 100))
    _assert_refused(path, "damaged|not a project|truncated")


def test_open_refuses_header_with_impossible_page_size(tmp_path):
    path = _filled_project(tmp_path / "p.sqlite")
    data = bytearray(path.read_bytes())
    data[16:18] = (1000).to_bytes(2, "big")
    path.write_bytes(bytes(data))
    _assert_refused(path, "header is not valid")


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_open_refuses_foreign_sqlite_and_leaves_its_journal_mode(tmp_path, journal):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE notes (x)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    _assert_refused(
        path, "not an annotation project"
    )  # once, opening turned it into WAL


def test_open_refuses_project_from_newer_version_unchanged(tmp_path):
    path = _filled_project(tmp_path / "p.sqlite", 2)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    _assert_refused(path, "newer version of the app")


def test_open_refuses_project_never_finished(tmp_path):
    path = tmp_path / "p.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = wal")
    conn.close()
    _assert_refused(path, "incomplete")


def test_open_refuses_a_folder(tmp_path):
    with pytest.raises(ProjectError, match="cannot read"):
        ProjectStore.open(tmp_path)


def test_create_in_missing_folder_is_a_project_error(tmp_path, schema):
    with pytest.raises(ProjectError, match="cannot create"):
        ProjectStore.create(tmp_path / "no" / "such" / "p.sqlite", schema)


# --- a backup is offered ------------------------------------------------------------------
@pytest.mark.parametrize("damage", ["truncate", "zero", "noise"])
def test_refusal_offers_the_newest_backup(tmp_path, damage):
    path = _filled_project(tmp_path / "p.sqlite")
    backup = make_backup(path)
    data = path.read_bytes()
    damaged = {"truncate": data[: len(data) // 3], "zero": b"", "noise": b"x" * 5000}[
        damage
    ]
    path.write_bytes(damaged)
    error = _assert_refused(path, ".")
    assert (
        f"a backup from {list_backups(path)[0].created:%Y-%m-%d %H:%M} UTC is in {backup}"
        in str(error)
    )
    assert "restore it" in str(error)


# --- the write-ahead log ------------------------------------------------------------------
def _kill_while_open(path: Path) -> None:
    """A child opens the project, writes, says so, and is killed: the WAL is left behind."""
    code = (
        "import sys; from pathlib import Path; from annotator.storage import ProjectStore; "
        "from annotator.core.model import Document\n"
        "store = ProjectStore.open(Path(sys.argv[1]), backup=False)\n"
        "store.add_document(Document('late', 'كتب قبل أن يتوقف البرنامج'))\n"
        "print('written', flush=True); sys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert child.stdout.readline().strip() == b"written"
    child.kill()
    child.wait()


def test_project_whose_wal_was_lost_after_a_crash_opens_with_a_warning(tmp_path):
    """The dead process's log is gone and the file is sound: the same state as a close
    that could not clear its session row (a full disk). Refusing would lock the user
    out of saved work, so it opens and says what may be missing (issue 10, case 3)."""
    path = _filled_project(tmp_path / "p.sqlite", 3)
    _kill_while_open(path)
    assert Path(f"{path}-wal").exists()
    os.remove(f"{path}-wal")
    Path(f"{path}-shm").unlink(missing_ok=True)
    store = ProjectStore.open(path, backup=False)
    assert "not closed properly" in store.open_warning
    assert "last changes" in store.open_warning
    store.close()
    again = ProjectStore.open(path, backup=False)  # the dead row is gone now
    assert again.open_warning is None
    again.close()


def test_open_refuses_copy_taken_without_its_wal_while_open(tmp_path):
    path = _filled_project(tmp_path / "p.sqlite", 3)
    store = ProjectStore.open(path, backup=False)
    store.add_document(Document("new", "نص جديد لم يصل إلى الملف الرئيسي بعد"))
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)  # what a file manager or a sync tool does
    store.close()
    _assert_refused(copy, "missing")
    accepted = ProjectStore.open(copy, accept_missing_wal=True)
    assert "d0" in accepted.document_ids()
    accepted.close()
    ProjectStore.open(copy).close()  # accepted once: no longer refused


def test_open_after_a_crash_with_its_wal_recovers_everything(tmp_path):
    path = _filled_project(tmp_path / "p.sqlite", 3)
    _kill_while_open(path)
    store = ProjectStore.open(path)
    assert "late" in store.document_ids()
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    sessions = store.db.execute(
        "SELECT COUNT(*) FROM settings WHERE key LIKE 'session:%'"
    ).fetchone()[0]
    assert sessions == 1  # the dead child's row is cleared; this store's own remains
    store.close()


def test_closed_project_does_not_need_its_wal(tmp_path):
    path = _filled_project(tmp_path / "p.sqlite", 3)
    store = ProjectStore.open(path)
    store.add_document(Document("last", "آخر نص قبل الإغلاق"))
    store.close()
    assert not Path(f"{path}-wal").exists()
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    store = ProjectStore.open(copy)
    assert "last" in store.document_ids()
    store.close()


def test_closing_one_of_two_stores_keeps_the_other_session(tmp_path):
    path = _filled_project(tmp_path / "p.sqlite", 3)
    first, second = ProjectStore.open(path), ProjectStore.open(path)
    second.close()
    rows = first.db.execute(
        "SELECT key FROM settings WHERE key LIKE 'session:%'"
    ).fetchall()
    assert len(rows) == 1
    first.close()
    assert session_rows(path) == 0
