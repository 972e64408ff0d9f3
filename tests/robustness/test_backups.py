"""Rotating backups: made on open (at most once a minute, only when changed), with the
backup API, restorable, and never a reason for opening to fail."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.errors import ProjectError
from annotator.storage import ProjectStore, backup
from annotator.storage.backup import (
    backup_dir,
    backup_hint,
    list_backups,
    make_backup,
    restore_backup,
)
from tests.helpers import seed_annotations, session_rows


def _add(path: Path, *ids: str) -> None:
    store = ProjectStore.open(path, backup=False)
    for document_id in ids:
        store.add_document(Document(document_id, f"نص الوثيقة {document_id}"))
    store.close()


def _ids(path: Path) -> list[str]:
    store = ProjectStore.open(path, backup=False)
    ids = store.document_ids()
    store.close()
    return ids


@pytest.fixture
def later(monkeypatch):
    """Move the backups' clock forward: ``later(minutes)``."""
    real = backup._utcnow

    def move(minutes: float) -> None:
        monkeypatch.setattr(
            backup, "_utcnow", lambda: real() + timedelta(minutes=minutes)
        )

    return move


def test_open_makes_a_backup_with_counts(project_path, seed_text):
    store = ProjectStore.open(project_path, backup=False)
    store.add_document(Document("aleppo", seed_text))
    store.replace_annotations(seed_annotations(seed_text, "aleppo"))
    store.close()
    store = ProjectStore.open(project_path)
    assert store.backup_warning is None
    made = store.backup_path
    store.close()
    [info] = list_backups(project_path)
    assert info.path == made and made.parent == backup_dir(project_path)
    assert made.name.startswith("project-") and made.suffix == ".sqlite"
    assert (info.documents, info.spans, info.reason) == (1, 9, "")


def test_in_memory_stores_and_backup_false_make_none(project_path, schema):
    ProjectStore.in_memory(schema).close()
    ProjectStore.open(project_path, backup=False).close()
    assert list_backups(project_path) == []


def test_second_open_within_a_minute_makes_no_backup(project_path):
    ProjectStore.open(project_path).close()
    _add(project_path, "d1")
    ProjectStore.open(project_path).close()
    assert len(list_backups(project_path)) == 1


def test_open_later_backs_up_only_changed_content(project_path, later):
    ProjectStore.open(project_path).close()
    later(2)
    ProjectStore.open(project_path).close()
    assert len(list_backups(project_path)) == 1  # unchanged: nothing to keep
    _add(project_path, "d1")
    later(4)
    ProjectStore.open(project_path).close()
    assert [b.documents for b in list_backups(project_path)] == [1, 0]


def test_rotation_keeps_the_five_newest_and_every_pre_upgrade_copy(project_path):
    kept = make_backup(project_path, reason="before-upgrade-v2")
    made = [make_backup(project_path) for _ in range(7)]
    names = {b.path for b in list_backups(project_path)}
    assert names == {kept, *made[-5:]}
    assert [b.path for b in list_backups(project_path)][:5] == made[::-1][
        :5
    ]  # newest first


def test_backup_is_one_self_contained_file_without_sessions(project_path):
    store = ProjectStore.open(project_path, backup=False)
    store.add_document(Document("d1", "نص"))
    path = make_backup(project_path)
    store.close()
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: needs no -wal
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert session_rows(path) == 0


def test_backup_holds_changes_still_in_the_wal(project_path, tmp_path):
    store = ProjectStore.open(project_path, backup=False)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    store.add_document(Document("fresh", "في السجل فقط، لم يصل إلى الملف الرئيسي"))
    copied = tmp_path / "copied.sqlite"
    shutil.copyfile(project_path, copied)  # what a plain file copy would keep
    path = make_backup(project_path)
    store.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("SELECT id FROM documents").fetchall() == [("fresh",)]
    conn.close()
    conn = sqlite3.connect(f"file:{copied}?mode=ro&immutable=1", uri=True)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    conn.close()


def test_restore_brings_back_the_backup_and_keeps_the_current_state(project_path):
    _add(project_path, "d1")
    chosen = make_backup(project_path)
    _add(project_path, "d2", "d3")
    saved = restore_backup(project_path, chosen)
    assert _ids(project_path) == ["d1"]
    assert saved is not None and "before-restore" in saved.name
    assert next(b for b in list_backups(project_path) if b.path == saved).documents == 3
    restore_backup(project_path, saved)  # and back again
    assert _ids(project_path) == ["d1", "d2", "d3"]


def test_restore_by_the_caller_s_own_session_is_seen_by_its_store(project_path):
    _add(project_path, "d1")
    chosen = make_backup(project_path)
    _add(project_path, "d2")
    window = ProjectStore.open(project_path, backup=False)
    seen = window.data_version()
    with pytest.raises(ProjectError, match=f"in use: it is open in process {os.getpid()}"):
        restore_backup(project_path, chosen)  # any other open store: refused
    assert window.document_ids() == ["d1", "d2"]
    restore_backup(project_path, chosen, own_session=window._session)
    assert window.data_version() != seen
    assert window.document_ids() == ["d1"]
    window.close()


def test_restoring_the_oldest_of_five_does_not_rotate_it_out(project_path):
    _add(project_path, "first")
    oldest = make_backup(project_path)
    for number in range(4):
        _add(project_path, f"d{number}")
        make_backup(project_path)
    restore_backup(project_path, oldest)
    assert _ids(project_path) == ["first"]
    assert oldest.exists()


def test_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(
    project_path, tmp_path
):
    _add(project_path, "d1")
    before = project_path.read_bytes()
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    good = make_backup(project_path)
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good.read_bytes()[:5000])
    for bad, message in [
        (foreign, "not a backup"),
        (truncated, "truncated"),
        (tmp_path / "missing.sqlite", "no such backup"),
    ]:
        with pytest.raises(ProjectError, match=message):
            restore_backup(project_path, bad)
    assert project_path.read_bytes() == before
    assert len(list_backups(project_path)) == 1


@pytest.mark.parametrize("damage", ["truncate", "noise"])
def test_restore_over_a_damaged_project_keeps_its_bytes_first(project_path, damage):
    _add(project_path, "d1")
    chosen = make_backup(project_path)
    data = project_path.read_bytes()
    damaged = data[: len(data) // 2] if damage == "truncate" else os.urandom(len(data))
    project_path.write_bytes(damaged)
    saved = restore_backup(project_path, chosen)
    assert saved is not None and saved.name.endswith("-damaged.sqlite")
    assert saved.read_bytes() == damaged
    assert _ids(project_path) == ["d1"]


def test_backup_failure_never_stops_opening(project_path):
    backup_dir(project_path).write_text("a file where the backups folder should be")
    store = ProjectStore.open(project_path)
    assert (
        store.backup_warning is not None
        and "no backup was made" in store.backup_warning
    )
    assert store.backup_path is None
    store.add_document(Document("d1", "ما زال المشروع يعمل"))
    store.close()


def test_damaged_page_inside_warns_on_open_and_keeps_older_backups(
    project_path, monkeypatch
):
    store = ProjectStore.open(project_path, backup=False)
    for number in range(40):
        store.add_document(Document(f"d{number}", f"نص طويل {number} " * 300))
    good = make_backup(project_path)
    store.add_document(Document("late", "changed since the backup"))
    store.close()
    data = bytearray(project_path.read_bytes())
    start = len(data) // 2 // 4096 * 4096
    data[start : start + 4096] = os.urandom(4096)  # a page of document text
    project_path.write_bytes(bytes(data))
    monkeypatch.setattr(backup, "MIN_INTERVAL", timedelta(0))
    store = ProjectStore.open(project_path)
    assert store.backup_warning is not None and "damaged" in store.backup_warning
    assert str(good) in store.backup_warning
    store.close()
    assert [b.path for b in list_backups(project_path)] == [good]


def test_restore_while_another_program_writes_is_refused(project_path, monkeypatch):
    _add(project_path, "d1")
    chosen = make_backup(project_path)
    _add(project_path, "d2")
    monkeypatch.setattr(backup, "BUSY_TIMEOUT", 0.2)
    writer = sqlite3.connect(project_path)  # another program: no session row
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE documents SET meta = '{}'")
    with pytest.raises(ProjectError, match="in use: another window or program is writing"):
        restore_backup(project_path, chosen)
    writer.commit()
    assert _ids(project_path) == ["d1", "d2"]


def test_partial_backup_of_a_killed_writer_is_ignored_then_cleared(project_path):
    make_backup(project_path)
    folder = backup_dir(project_path)
    dead = folder / ".project-20200101T000000.sqlite.999999999.partial"
    dead.write_bytes(b"half a backup")
    assert len(list_backups(project_path)) == 1
    make_backup(project_path)
    assert not dead.exists()


def test_backup_hint_names_the_newest_readable_backup(project_path):
    assert backup_hint(project_path) == ""
    make_backup(project_path)
    newest = make_backup(project_path)
    assert str(newest) in backup_hint(project_path)


def test_backups_of_one_second_get_distinct_names(project_path):
    made = [
        make_backup(project_path, reason=reason)
        for reason in ("", "manual", "", "manual")
    ]
    assert len(set(made)) == 4


def test_backup_while_another_thread_writes_is_consistent(project_path):
    stop = threading.Event()

    def write() -> None:
        store = ProjectStore.open(project_path, backup=False)
        number = 0
        while not stop.is_set():
            store.add_document(Document(f"t{number}", f"نص {number}"))
            number += 1
        store.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        made = [make_backup(project_path) for _ in range(5)]
    finally:
        stop.set()
        thread.join()
    for path in made[-5:]:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        count, top = conn.execute("SELECT COUNT(*), MAX(seq) FROM documents").fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert count == (top or 0)  # a snapshot: no gap, no half transaction
        conn.close()


def test_restore_refused_when_the_current_state_cannot_be_saved(project_path, tmp_path):
    _add(project_path, "d1")
    chosen = make_backup(project_path)
    elsewhere = tmp_path / "chosen.sqlite"
    shutil.copyfile(chosen, elsewhere)
    _add(project_path, "d2")
    shutil.rmtree(backup_dir(project_path))
    backup_dir(project_path).write_text("a file where the backups folder should be")
    with pytest.raises(ProjectError, match="nothing was restored"):
        restore_backup(project_path, elsewhere)
    assert _ids(project_path) == ["d1", "d2"]


def test_open_later_backs_up_a_project_whose_only_change_is_a_rejected_suggestion(project_path, later):
    ProjectStore.open(project_path).close()
    store = ProjectStore.open(project_path, backup=False)
    store.add_rejection("amal", "d1", (0, 3, "GPE"))
    store.close()
    later(2)
    ProjectStore.open(project_path).close()
    assert len(list_backups(project_path)) == 2
