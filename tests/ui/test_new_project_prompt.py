"""``annotator Pdb.sqlite`` (a typo) asks before creating a project (issue 10, item 19)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.ui import app


def answer_next_box(qtbot, key: Qt.Key, seen: list[str], tries: int = 150) -> None:
    """Press ``key`` in the next message box, as the user would, once it is up; any other
    dialog is cancelled, and an app that never asks is stopped (not left waiting)."""

    def press(left: int = tries) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            qtbot.keyClick(box, key)
        elif box is not None:
            box.reject()
        elif left:
            QTimer.singleShot(20, lambda: press(left - 1))
        else:
            QApplication.exit(3)

    QTimer.singleShot(0, press)


def test_new_project_prompt_no_creates_nothing_and_exits_0(qtbot, tmp_path):
    typo = tmp_path / "Pdb.sqlite"
    seen: list[str] = []
    answer_next_box(qtbot, Qt.Key.Key_N, seen)
    assert app.run([str(typo)]) == 0
    assert seen == [f"Create a new project {typo.absolute()}?"]
    assert not typo.exists() and not typo.with_name("Pdb.sqlite-wal").exists()


def test_new_project_prompt_yes_creates_and_opens_it(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seen: list[str] = []
    answer_next_box(qtbot, Qt.Key.Key_Y, seen)
    assert app.may_open(app.Path("new.sqlite"), app.ask_to_create)
    assert seen == [f"Create a new project {tmp_path / 'new.sqlite'}?"]  # the full path, not the typed one
    window = app.open_window(app.Path("new.sqlite"), "amal")
    qtbot.addWidget(window)
    assert (tmp_path / "new.sqlite").exists() and window.workspace.store.count_documents() == 0


def test_new_project_prompt_not_asked_for_a_project_or_the_demo(project_path):
    def never(path) -> bool:
        raise AssertionError(f"asked about {path}")

    assert app.may_open(project_path, never)
    assert app.may_open(None, never)  # no project given: the bundled demo


def test_new_project_prompt_answered_no_in_a_second_process(tmp_path):
    """The real entry point, ``python -m annotator Pdb.sqlite``, in its own process."""
    projects = tmp_path / "projects"
    projects.mkdir()
    typo = projects / "Pdb.sqlite"
    child = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QSettings, Qt, QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QMessageBox
        QSettings("ArabicAnnotator", "annotator").setValue("annotator/name", "amal")  # a returning user
        app = QApplication(sys.argv[:1])
        def press(left=150):
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                print(box.text(), flush=True)
                QTest.keyClick(box, Qt.Key.Key_N)
            elif left:
                QTimer.singleShot(20, lambda: press(left - 1))
            else:
                QApplication.exit(3)  # never asked: the window is open
        QTimer.singleShot(0, press)
        from annotator.__main__ import main
        sys.exit(main([{str(typo)!r}]))
    """)
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local")}
    done = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"Create a new project {typo}?" in done.stdout
    assert list(projects.iterdir()) == []  # nothing created: no project, no -wal, no backups
