"""Full disks and read-only media, made real (issue 10, cases 3, 13, 14, 15).

A small tmpfs is a disk that fills up; remounting it read-only is a CD or a read-only
share. File modes are checked by a child without root's CAP_DAC_OVERRIDE (``setpriv``),
since root writes through 0444. Each test skips, saying why, where the machine does not
allow mounts or ``setpriv``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.helpers import run_annotator as cli
from tests.robustness.test_window_beside_cli import Window, file_state, words_of

NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs mounted at a fresh folder; unmounted afterwards."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}): no real small disk")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def remount(mount: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount)], check=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk up to ``leave`` bytes free; the filler file, to delete later."""
    filler = folder / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                free = shutil.disk_usage(folder).free - leave
                if free <= 0:
                    break
                handle.write(b"\0" * min(free, 1 << 16))
                handle.flush()
        except OSError:
            pass
    return filler


def seed_project(folder: Path) -> Path:
    project = folder / "p.sqlite"
    assert cli("init", project, cwd=folder).returncode == 0
    result = cli("import", project, SEED, cwd=folder)
    assert result.returncode == 0, result.stderr
    shutil.rmtree(f"{project}.backups", ignore_errors=True)  # room on the small disk
    return project


def side_files(project: Path) -> set[str]:
    return {p.name for p in project.parent.iterdir() if p.name.startswith(project.name + "-")}


def test_project_on_read_only_media_is_read_and_refuses_writes_clearly(tmp_path, small_disk):
    project = seed_project(small_disk)
    remount(small_disk, "ro")
    out = tmp_path / "out"
    out.mkdir()
    for args in (["stats", project], ["agreement", project, "--include-unfinished"],
                 ["export", project, "-o", out / "p.jsonl", "--format", "jsonl"],
                 ["backups", project]):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    assert (out / "p.jsonl").stat().st_size > 0
    refused = cli("import", project, SEED, cwd=tmp_path)
    assert refused.returncode == 1
    assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert side_files(project) == set()


def test_read_only_file_leaves_no_read_only_logs_behind(tmp_path):
    """Case 15: reading a 0444 project must not leave 0444 -wal/-shm files that keep it
    read-only once the user makes it writable; a read-only log is named."""
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed: cannot drop root's override of file modes")
    project = seed_project(tmp_path)
    os.chmod(project, 0o444)
    as_user = NO_OVERRIDE
    read = cli("stats", project, cwd=tmp_path, prefix=as_user)
    assert read.returncode == 0, read.stderr
    refused = cli("import", project, SEED, cwd=tmp_path, prefix=as_user)
    assert refused.returncode == 1 and "p.sqlite is read-only" in refused.stderr
    assert side_files(project) == set()
    os.chmod(project, 0o644)
    extra = tmp_path / "more.txt"
    extra.write_text("خبر آخر\n", encoding="utf-8")
    assert cli("import", project, extra, cwd=tmp_path, prefix=as_user).returncode == 0


def test_a_read_only_log_file_is_named(tmp_path):
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed: cannot drop root's override of file modes")
    project = seed_project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('INSERT INTO settings VALUES (\"x\", \"y\")'); c.commit(); print(1, flush=True); time.sleep(60)"),
        str(project)], stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    holder.kill()  # a crash leaves -wal and -shm
    holder.wait()
    os.chmod(f"{project}-shm", 0o444)
    refused = cli("import", project, SEED, cwd=tmp_path, prefix=NO_OVERRIDE)
    assert refused.returncode == 1
    assert "p.sqlite-shm is read-only" in refused.stderr, refused.stderr


def test_full_disk_before_the_first_command_is_a_clear_error_and_leaves_no_trap(tmp_path, small_disk):
    """Case 13: no traceback, and no stray log files that make the next command call
    the sound file damaged."""
    project = seed_project(small_disk)
    filler = fill(small_disk)
    extra = tmp_path / "more.txt"
    extra.write_text("خبر آخر عن حلب\n", encoding="utf-8")
    for args in (["import", project, extra], ["stats", project], ["backup", project]):
        result = cli(*args, cwd=tmp_path)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        if result.returncode:
            assert "error:" in result.stderr and str(project.name) in result.stderr
    filler.unlink()
    for args in (["stats", project], ["import", project, extra], ["stats", project]):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        assert "damaged" not in result.stderr


def test_closing_a_window_on_a_full_disk_locks_nobody_out(tmp_path, small_disk):
    """Case 3: label until the disk is full, close normally, free space: every command
    opens the project again, and every label reported saved is there."""
    project = seed_project(small_disk)
    text = SEED.read_text(encoding="utf-8")
    window = Window(project, "none", tmp_path / "home")
    reported = set()
    filler = None
    try:
        places = iter(words_of(text))
        for _ in range(3):
            start, end = next(places)
            answer = window.ask(f"label {start} {end}").split()
            assert answer[0] == "saved"
            reported.add((answer[1], answer[2], int(answer[3]), int(answer[4])))
        filler = fill(small_disk, leave=4096)
        refused = 0
        for start, end in places:
            answer = window.ask(f"label {start} {end}").split()
            if answer[0] == "saved":
                reported.add((answer[1], answer[2], int(answer[3]), int(answer[4])))
            else:
                refused += 1
                if refused == 3:
                    break
        assert refused == 3, "the disk never filled up"
        assert window.ask("quit") == "bye"
        window.process.wait(30)
    finally:
        window.kill()
    if filler is not None:
        filler.unlink()
    for args in (["stats", project], ["export", project, "-o", tmp_path / "x.jsonl", "--format", "jsonl"]):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    spans, check = file_state(project)
    assert check == "ok"
    assert reported <= spans
    conn = sqlite3.connect(project)
    assert conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0] == len(spans)
    conn.close()


def test_window_on_read_only_media_reads_and_says_nothing_can_be_saved(tmp_path, small_disk, qtbot):
    from PySide6.QtCore import Qt

    from annotator.storage import ProjectStore
    from tests.ui.conftest import shown_window

    project = seed_project(small_disk)
    remount(small_disk, "ro")
    window = shown_window(qtbot, project)
    assert "read-only" in window.windowTitle()
    start, end = words_of(window.workspace.document.text)[0]
    window.view.select_offsets(start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_O)
    assert "read-only" in window.last_refusal_box.text()
    assert window.workspace.annotations.spans == []
    assert window.workspace.undo_stack.count() == 0
    worker_store = ProjectStore.open(project)  # what a dialog's background job opens
    assert worker_store.read_only and worker_store.count_documents() == 1
    worker_store.close()
    assert side_files(project) == set()
