"""Edits the file refuses leave no undo step and always reach the user (issue 10, item 6).

A real window works on a project on a real small tmpfs that is then filled with a
file of zeros until writes fail, or on a real read-only mount. Each gesture (a label
by key press, Ctrl+D, Ctrl+Z, Ctrl+Shift+Z, delete, suggestion keys) must say that
nothing was saved, leave the undo stack where it was, print nothing on stderr, and
the file must hold exactly what the window reported saved: a later Redo must not
write a label the user was told was not saved.
"""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Status
from tests.helpers import at
from tests.ui.conftest import drag_select, shown_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _mount(where: Path, options: str) -> None:
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'not permitted'}); "
                    "this test needs root or CAP_SYS_ADMIN")


@pytest.fixture
def disk(tmp_path) -> Iterator[Path]:
    where = tmp_path / "disk"
    where.mkdir()
    _mount(where, "size=8m,mode=0777")
    try:
        yield where
    finally:  # lazy: the window's files may still be closing
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> Path:
    """Write zeros until the file system has not one byte left."""
    filler = folder / "zeros"
    with open(filler, "wb", buffering=0) as out:
        for chunk in (1 << 16, 4096, 1):
            try:
                while True:
                    out.write(b"\0" * chunk)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


def _label(qtbot, window, phrase: str, key: Qt.Key, after: str = "") -> None:
    start, end = at(window.view.text, phrase, after)
    drag_select(qtbot, window.view, start, end)
    qtbot.keyClick(window.view, key)


def _open(qtbot, path: Path):
    return shown_window(qtbot, path)  # active too: keys reach it on an X server with no manager


STORED = """
import json, sys
from annotator.storage import ProjectStore
store = ProjectStore.open(sys.argv[1], backup=False)
document = store.document_ids()[0]
work = store.annotations(document, "amal")
print(json.dumps([sorted([s.id, s.label] for s in work.spans), work.status.value]))
store.close()
"""


def _stored(path: Path) -> tuple[list[tuple[str, str]], Status]:
    """(id, label) of every span and the status, as another process reads the file."""
    result = subprocess.run([sys.executable, "-c", STORED, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    spans, status = json.loads(result.stdout)
    return [tuple(s) for s in spans], Status(status)


class Refusals:
    """Each gesture must show a new refusal box with ``expected`` and keep the stack."""

    def __init__(self, window, expected: str) -> None:
        self.window, self.expected = window, expected
        self.stack = window.workspace.undo_stack
        self.position = (self.stack.count(), self.stack.index(), self.stack.undoText(), self.stack.redoText())

    def check(self, gesture) -> None:
        gesture()
        now = (self.stack.count(), self.stack.index(), self.stack.undoText(), self.stack.redoText())
        assert now == self.position, "a refused step moved the undo stack"
        shown = [box for box in self.window.findChildren(QMessageBox) if box.isVisible()]
        assert [self.expected in box.text() for box in shown] == [True], "the refusal was not shown"
        assert "Not done" in self.window.statusBar().currentMessage()
        shown[0].close()


def test_full_disk_refusals_leave_no_undo_step_and_redo_writes_nothing_unsaved(qtbot, disk, seed_project, capfd):
    project = disk / "seed.sqlite"
    shutil.copy(seed_project, project)
    window = _open(qtbot, project)
    view = window.view
    _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)  # saved: T1
    _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "استهداف")  # saved: T2
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # T2 undone: a Redo is waiting
    # (no second connection until the disk is full: its closing checkpoint would let
    # the next transactions reuse the log's space, and they would need no new byte)
    filler = fill(disk)

    refusals = Refusals(window, "the disk is full")
    refusals.check(lambda: _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة"))
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_D, CTRL))
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL))
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT))
    assert [s.label for s in window.workspace.annotations.spans] == ["ORG"]
    assert window.workspace.annotations.status is Status.IN_PROGRESS
    assert window.actions_by_name["undo"].text() == "&Undo Add ORG span"
    assert window.actions_by_name["redo"].text() == "&Redo Add ORG span"

    filler.unlink()  # space again: the file holds what was reported saved, no more
    assert _stored(project) == ([("T1", "ORG")], Status.IN_PROGRESS)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)  # the one real Redo: T2
    assert _stored(project) == ([("T1", "ORG"), ("T2", "ORG")], Status.IN_PROGRESS)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)  # nothing left to redo: no GPE
    assert _stored(project) == ([("T1", "ORG"), ("T2", "ORG")], Status.IN_PROGRESS)
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert _stored(project)[1] is Status.DONE
    assert "Traceback" not in capfd.readouterr().err


def test_full_disk_refusals_of_delete_relabel_and_suggestions_are_shown(qtbot, disk, seed_project, capfd):
    project = disk / "seed.sqlite"
    shutil.copy(seed_project, project)
    window = _open(qtbot, project)
    view = window.view
    _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "استهداف")  # saved: T1, selected
    fill(disk)
    refusals = Refusals(window, "the disk is full")
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_G))  # relabel the selected span
    window.workspace.set_current(window.workspace.annotations.spans[0])
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_Delete))
    window.suggestions.build()
    qtbot.waitUntil(lambda: bool(window.suggestions.shown), timeout=10000)  # other «قوات النظام»
    qtbot.keyClick(view, Qt.Key.Key_F4)
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_Y))
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_N))
    refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_Y, CTRL | SHIFT))
    assert "Traceback" not in capfd.readouterr().err


def test_read_only_mount_refusals_are_shown_and_leave_no_undo_step(qtbot, tmp_path, seed_project, capfd):
    where = tmp_path / "cd"
    where.mkdir()
    _mount(where, "size=8m,mode=0777")
    try:
        shutil.copy(seed_project, where / "seed.sqlite")
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        window = _open(qtbot, where / "seed.sqlite")
        view = window.view
        refusals = Refusals(window, "read-only")
        refusals.check(lambda: _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة"))
        refusals.check(lambda: qtbot.keyClick(view, Qt.Key.Key_D, CTRL))
        assert window.workspace.undo_stack.count() == 0
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # nothing to undo: nothing happens
        assert _stored(where / "seed.sqlite") == ([], Status.NEW)
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
    assert "Traceback" not in capfd.readouterr().err
