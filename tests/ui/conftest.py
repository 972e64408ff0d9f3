"""GUI fixtures: isolated settings, a project made from the seed article, the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.storage import ProjectStore
from tests.conftest import SEED


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("AnnotatorTests")
    QCoreApplication.setApplicationName("annotator-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    QSettings().setValue("annotator/name", "amal")
    yield


@pytest.fixture
def arabic(qapp):
    """The Arabic interface (mirrored), English again afterwards."""
    from annotator.ui.app import apply_ui_direction

    QSettings().setValue("ui/language", "ar")
    apply_ui_direction(qapp)
    yield
    QSettings().setValue("ui/language", "en")
    apply_ui_direction(qapp)


@pytest.fixture
def seed_project(tmp_path, schema):
    from annotator.core.importing import import_records
    from annotator.formats.txt import read_txt

    path = tmp_path / "seed.sqlite"
    store = ProjectStore.create(path, schema)
    list(import_records(store, read_txt(SEED)))
    store.close()
    return path


@pytest.fixture
def window(qtbot, seed_project):
    return shown_window(qtbot, seed_project)


def shown_window(qtbot, project):
    """The real window on ``project``, shown, exposed and active."""
    from annotator.ui.app import open_window

    win = open_window(project, "amal")
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    # a real X server gives focus only when asked (offscreen does it by itself); key
    # shortcuts fire only in the active window
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    return win


def _caret(view, offset: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    return view.cursorRect(cursor).center()


def point_of(view, offset: int) -> QPoint:
    """A point that a drag maps to the caret position ``offset``: scanned around the caret,
    the middle of the stretch that lands there (exact whichever way the line runs)."""
    caret = _caret(view, offset)
    hits = [x for x in range(caret.x() - 14, caret.x() + 15)
            if view.caret_at(QPoint(x, caret.y())) == offset]
    return QPoint(hits[len(hits) // 2], caret.y()) if hits else caret


def drag_select(qtbot, view, start: int, end: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view.select_offsets(start, end)  # scroll there first
    view.clear_selection()
    qtbot.wait(5)  # let layout and scrolling settle, as they would between a user's gestures
    viewport = view.viewport()
    a, b = point_of(view, start), point_of(view, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def stored(path, annotator: str = "amal"):
    """What reached the project file, read through a second connection."""
    store = ProjectStore.open(path)
    try:
        doc_id = store.document_ids()[0]
        return store.annotations(doc_id, annotator)
    finally:
        store.close()


def panels_follow(qtbot, window) -> None:
    """Wait for the side panels, which refresh once the text has been painted."""
    qtbot.waitUntil(lambda: not window.after_paint.pending(), timeout=2000)
