"""Right-click in the text: the menu's entries do what their keys do."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from annotator.ui.context_menu import context_menu
from tests.helpers import at
from tests.ui.conftest import drag_select, point_of, stored


def _entries(menu: QMenu) -> dict[str, object]:
    found = {}
    for action in menu.actions():
        if action.menu():
            found.update({f"{action.text()} > {k}": v for k, v in _entries(action.menu()).items()})
        elif action.text():
            found[action.text().split("\t")[0]] = action
    return found


def test_context_menu_labels_a_selection(qtbot, window, seed_project):
    start, end = at(window.view.text, "الجبهة الوطنية للتحرير")
    drag_select(qtbot, window.view, start, end)
    entries = _entries(context_menu(window, start + 1))
    entries["Copy"].trigger()
    assert QApplication.clipboard().text() == "الجبهة الوطنية للتحرير"
    entries["Label the selection as > Entities > ORG · Organization"].trigger()
    assert [(s.start, s.end, s.label) for s in stored(seed_project).spans] == [(start, end, "ORG")]


def test_context_menu_on_a_span_relabels_and_deletes_within_its_layer(qtbot, window, seed_project):
    start, end = at(window.view.text, "حلب", "غربي مدينة")
    drag_select(qtbot, window.view, start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_G)
    entries = _entries(context_menu(window, start + 1))
    assert not any(name.startswith("Relabel as > Conflict") for name in entries)  # entity labels only
    entries["Relabel as > LOC · Location"].trigger()
    assert [s.label for s in stored(seed_project).spans] == ["LOC"]
    _entries(context_menu(window, start + 1))["Delete"].trigger()
    assert stored(seed_project).spans == []


def test_context_menu_opens_on_a_right_click_over_a_suggestion(qtbot, window, seed_project):
    view = window.view
    start, end = at(view.text, "قوات النظام", "استهداف")
    drag_select(qtbot, view, start, end)
    qtbot.keyClick(view, Qt.Key.Key_O)
    other = next(iter(window.suggestions.shown))
    view.select_offsets(other.start, other.end)
    view.clear_selection()
    shown = []

    def pick() -> None:  # the menu is open: note it, then choose Accept as a user would
        menu = QApplication.activePopupWidget()
        shown.append(menu)
        _entries(menu)["Accept"].trigger()
        menu.close()

    QTimer.singleShot(200, pick)
    where = point_of(view, other.start + 1)  # what the window system sends on a right-click there
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(shown))
    assert window.suggestions.current is None or window.suggestions.current != other
    assert (other.start, other.end, "ORG") in {(s.start, s.end, s.label) for s in stored(seed_project).spans}


def test_context_menu_on_a_cue_sets_its_attributions_source(qtbot, window, seed_project):
    from tests.ui.test_labelling import _answer_dialog

    for phrase, key in (("الجبهة الوطنية للتحرير", Qt.Key.Key_O), ("أعلنت", Qt.Key.Key_C)):
        drag_select(qtbot, window.view, *at(window.view.text, phrase))
        qtbot.keyClick(window.view, key)
    cue = at(window.view.text, "أعلنت")
    entries = _entries(context_menu(window, cue[0] + 1))
    _answer_dialog(qtbot, None, "الجبهة الوطنية")
    entries["Set source…"].trigger()
    work = stored(seed_project)
    (attribution,) = work.attributions
    assert work.span_map()[attribution.source].label == "ORG"

