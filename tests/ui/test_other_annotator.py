"""View > Show annotator and File > Change my name (issue 11, item 10)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.core.model import Annotations, Span, Status
from annotator.storage import ProjectStore
from tests.helpers import at
from tests.ui.conftest import drag_select, shown_window, stored
from tests.ui.test_structure_display import _line_rect

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _write_as(path, annotator: str, spans: list[tuple[int, int, str]]) -> None:
    """Another annotator's work, written through a connection of its own."""
    store = ProjectStore.open(path)
    try:
        doc_id = store.document_ids()[0]
        made = [Span(f"T{i}", start, end, label) for i, (start, end, label) in enumerate(spans, start=1)]
        store.replace_annotations(Annotations(doc_id, annotator, Status.IN_PROGRESS, spans=made))
    finally:
        store.close()


def _painted_in(view, rect, colour: str) -> int:
    view.viewport().repaint()
    image = view.viewport().grab(rect).toImage()
    wanted = QColor(colour).rgb()
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) == wanted)


def _seed_text(path) -> str:
    store = ProjectStore.open(path)
    try:
        return store.document(store.document_ids()[0]).text
    finally:
        store.close()


def test_show_annotator_draws_their_labels_read_only_and_follows_their_writes(qtbot, seed_project, schema):
    text = _seed_text(seed_project)
    regime, front = at(text, "قوات النظام"), at(text, "الجبهة الوطنية للتحرير")
    _write_as(seed_project, "bilal", [(*regime, "ORG")])
    window = shown_window(qtbot, seed_project)
    qtbot.keyClick(window.view, Qt.Key.Key_U, CTRL_SHIFT)
    viewer = window.open_dialogs["annotator"]
    qtbot.waitExposed(viewer)
    assert viewer.annotator() == "bilal" and "bilal" in viewer.windowTitle()
    org = schema.label("ORG").color
    viewer.view.select_offsets(*regime)
    viewer.view.clear_selection()
    assert _painted_in(viewer.view, _line_rect(viewer.view, *regime), org) > 50
    assert _painted_in(window.view, _line_rect(window.view, *regime), org) == 0  # amal's own: nothing there
    # read-only: a selection and a label key there change nothing
    drag_select(qtbot, viewer.view, *front)
    qtbot.keyClick(viewer.view, Qt.Key.Key_O)
    assert stored(seed_project, "bilal").spans == [stored(seed_project, "bilal").spans[0]]
    assert stored(seed_project, "amal").spans == []
    # bilal labels more from elsewhere: the viewer shows it once the window notices
    _write_as(seed_project, "bilal", [(*regime, "ORG"), (*front, "ORG")])
    qtbot.waitUntil(lambda: len(viewer.view.spans) == 2, timeout=6000)


def test_show_annotator_with_nobody_else_says_so(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_U, CTRL_SHIFT)
    assert "annotator" not in window.open_dialogs
    assert "No other annotator" in window.statusBar().currentMessage()


def test_change_my_name_records_new_labels_under_it(qtbot, window, seed_project):
    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog) and dialog.textValue() == "amal"
        dialog.setTextValue("amal.k")
        dialog.accept()

    QTimer.singleShot(100, answer)
    window.actions_by_name["rename"].trigger()
    assert window.workspace.annotator == "amal.k" and "[amal.k]" in window.windowTitle()
    assert QSettings().value("annotator/name") == "amal.k"
    window.activateWindow()  # offscreen, closing the dialog gives activation back to no one
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    view = window.view
    drag_select(qtbot, view, *at(view.text, "قوات النظام"))
    qtbot.keyClick(view, Qt.Key.Key_O)
    assert [s.label for s in stored(seed_project, "amal.k").spans] == ["ORG"]
    assert stored(seed_project, "amal").spans == []

