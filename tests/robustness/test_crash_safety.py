"""SIGKILL at random moments never loses an edit the child reported as done, never
corrupts the file, and never leaves half an import or half a backup behind.

The long version of these loops is ``benchmarks/crash_safety.py``.
"""

from __future__ import annotations

import os
import signal

import pytest

from annotator.storage import ProjectStore
from tests.robustness.crashkit import (
    backup_kill_loop,
    child,
    edit_kill_loop,
    import_kill_loop,
    new_project,
    write_import_file,
)

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"
)
SEED = int(os.environ.get("CRASH_SEED", "20261125"))


def test_crash_killed_editor_loses_no_reported_edit(tmp_path):
    report = edit_kill_loop(tmp_path, kills=30, seed=SEED)
    assert report.kills == 30 and report.integrity_checks == 30
    assert report.edits_checked > 300, (
        report
    )  # the kills landed among edits, not only at start


def test_crash_killed_import_leaves_project_as_before(tmp_path):
    report = import_kill_loop(tmp_path, kills=5, seed=SEED, documents_count=2000)
    assert report.imports_killed == 5


def test_crash_unkilled_import_child_imports_everything(tmp_path):
    project, data = tmp_path / "p.sqlite", tmp_path / "bulk.jsonl"
    new_project(project)
    write_import_file(data, 200)
    process = child(["import", str(project), str(data)], tmp_path / "stderr.txt")
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0 and "end" in out.decode().splitlines()
    store = ProjectStore.open(project)
    assert store.count_documents() == 202
    store.close()


def test_crash_killed_backup_writer_leaves_only_whole_backups(tmp_path):
    report = backup_kill_loop(tmp_path, kills=5, seed=SEED)
    assert report.backup_kills == 5
