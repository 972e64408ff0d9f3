"""Hover text shows on a real pointer's rest, whether or not the window is the active
one (issue 11, item 11): kiosks and remote sessions run X servers with no window
manager, where nothing activates the window under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from tests.helpers import at
from tests.ui.conftest import drag_select
from tests.ui.test_pointer import centre, show


def _rest_on(qtbot, view, point: QPoint) -> None:
    """Move the pointer in from beside the point and let it rest there (real mouse
    moves: Qt's own tooltip timer, not a ToolTip event made by the test)."""
    viewport = view.viewport()
    qtbot.mouseMove(viewport, point + QPoint(12, 0))
    qtbot.mouseMove(viewport, point)


def _another_window_active(qtbot) -> QWidget:
    other = QWidget()
    qtbot.addWidget(other)
    other.resize(200, 100)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=3000)
    return other


def test_hover_on_a_label_shows_its_names_in_an_inactive_window(qtbot, window):
    view = window.view
    place = at(view.text, "قوات النظام")
    drag_select(qtbot, view, *place)
    qtbot.keyClick(view, Qt.Key.Key_O)
    _another_window_active(qtbot)
    assert QApplication.activeWindow() is not window
    show(qtbot, view, *place)
    _rest_on(qtbot, view, centre(view, place[0] + 1))
    qtbot.waitUntil(QToolTip.isVisible, timeout=4000)
    assert "ORG" in QToolTip.text() and "Buckwalter: qwAt AlnZAm" in QToolTip.text()


def test_hover_off_every_label_shows_nothing(qtbot, window):
    view = window.view
    _another_window_active(qtbot)
    word = at(view.text, "المعارك")
    show(qtbot, view, *word)
    _rest_on(qtbot, view, centre(view, word[0] + 1))
    qtbot.wait(1500)
    assert not QToolTip.isVisible()
