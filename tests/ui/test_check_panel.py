"""The consistency check panel driven with real key presses and clicks in the window: run
the check (on a worker), go to a finding, fix it with a label key, undo with Ctrl+Z,
check again; a damaged document is named, not a crash (issue 14, item 4). What
reached the project file is read through a second connection."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.helpers import project_from_jsonl
from tests.ui.conftest import shown_window

KEY = Qt.Key
FIRST = "زار الوفد حلب أمس."
SECOND = "وصل الوفد إلى حلب صباحا، ثم غادر حلب مساء."
THIRD = "خبر قصير عن دمشق."


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _span(text: str, word: str, label: str, nth: int = 0) -> dict:
    start, end = _at(text, word, nth)
    return {"start": start, "end": end, "label": label}


@pytest.fixture
def corpus(tmp_path, schema):
    """amal labelled «حلب» GPE in d1, LOC in d2 and left its second «حلب» in d2
    unlabelled; omar labelled it ORG in d1; d3's text was changed outside the app."""
    lines = [
        {"id": "d1", "text": FIRST, "annotator": "amal", "spans": [_span(FIRST, "حلب", "GPE")]},
        {"id": "d1", "text": FIRST, "annotator": "omar", "spans": [_span(FIRST, "حلب", "ORG")]},
        {"id": "d2", "text": SECOND, "annotator": "amal", "spans": [_span(SECOND, "حلب", "LOC")]},
        {"id": "d3", "text": THIRD, "annotator": "amal", "spans": [_span(THIRD, "دمشق", "GPE")]},
    ]
    path = project_from_jsonl(tmp_path, schema, lines)
    with sqlite3.connect(path) as conn:  # another program changed d3's text
        conn.execute("UPDATE documents SET text = replace(text, 'دمشق', 'بيروت') WHERE id = 'd3'")
    conn.close()
    return path


def in_file(path, document_id: str, annotator: str = "amal") -> set[tuple[int, int, str]]:
    with sqlite3.connect(path) as conn:
        rows = set(conn.execute('SELECT start, "end", label FROM spans WHERE document_id = ? AND annotator = ?',
                                [document_id, annotator]))
    conn.close()
    return rows


@pytest.fixture
def window_with_panel(qtbot, corpus):
    from annotator.ui.check_panel import CheckPanel, jump_to_place

    window = shown_window(qtbot, corpus)
    panel = CheckPanel(window.workspace, jump_to_place(window.workspace, window.view,
                                                       window.navigator.open_document))
    dock = QDockWidget("Consistency", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    qtbot.waitExposed(panel)
    return window, panel


def checked(qtbot, panel) -> list[tuple[str, str, str]]:
    """Click Check (again) and wait for the worker's findings: (kind, string, count)."""
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is None and panel.run_button.isEnabled(), timeout=20000)
    return [(f.kind, f.subject, str(f.count)) for f in panel.model.findings]


def row_texts(panel, row: int) -> list[str]:
    model = panel.model
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def test_check_panel_goes_to_each_finding_and_the_fix_is_an_undoable_edit(qtbot, window_with_panel, corpus):
    window, panel = window_with_panel
    assert window.workspace.document.id == "d1"
    findings = checked(qtbot, panel)
    # the damaged document first, then by count: one annotator's work only (amal's)
    assert findings == [("damaged", "d3", "1"), ("label", "حلب", "2"), ("unlabelled", "حلب", "1")]
    assert row_texts(panel, 1) == ["Different labels", "حلب", "GPE, LOC", "2", "d1, d2", "amal"]
    assert "3 findings at 4 places" in panel.status.text()

    tree = panel.tree
    tree.setFocus()
    press(qtbot, tree, KEY.Key_Home)
    press(qtbot, tree, KEY.Key_Return)  # the damaged document: refused with its reason
    assert window.workspace.document.id == "d1"
    assert "SHA-256" in window.statusBar().currentMessage()
    window.last_refusal_box.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tree.setFocus()

    press(qtbot, tree, KEY.Key_Down)  # the damaged document's one place (it opened onto it)
    press(qtbot, tree, KEY.Key_Down)
    press(qtbot, tree, KEY.Key_Return)  # «حلب» GPE/LOC: opens onto its places, goes to the first
    assert tree.isExpanded(panel.model.index(1, 0))
    current = window.workspace.current
    assert (window.workspace.document.id, current.label, (current.start, current.end)) == (
        "d1", "GPE", _at(FIRST, "حلب"))
    press(qtbot, tree, KEY.Key_Down)
    press(qtbot, tree, KEY.Key_Down)  # its second place: d2's LOC
    assert row_texts(panel, 1)[:1] == ["Different labels"]
    place = panel.model.index(1, 0, panel.model.index(1, 0))
    assert panel.model.data(place.siblingAtColumn(1)) == "حلب"
    assert panel.model.data(place.siblingAtColumn(4)) == "d2 {}–{}".format(*_at(SECOND, "حلب"))
    press(qtbot, tree, KEY.Key_Return)
    assert window.workspace.document.id == "d2"
    assert window.workspace.current.label == "LOC"

    press(qtbot, tree, KEY.Key_G)  # the label key relabels the span gone to
    assert in_file(corpus, "d2") == {(*_at(SECOND, "حلب"), "GPE")}
    press(qtbot, window.view, KEY.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert in_file(corpus, "d2") == {(*_at(SECOND, "حلب"), "LOC")}

    tree.setFocus()
    press(qtbot, tree, KEY.Key_Down)  # the unlabelled «حلب»: its words are selected
    press(qtbot, tree, KEY.Key_Return)
    assert window.view.selection_offsets() == _at(SECOND, "حلب", 1)
    press(qtbot, tree, KEY.Key_L)
    assert in_file(corpus, "d2") == {(*_at(SECOND, "حلب"), "LOC"), (*_at(SECOND, "حلب", 1), "LOC")}

    findings = checked(qtbot, panel)  # again: the unlabelled one is gone
    assert panel.run_button.text() == "Check again"
    assert findings == [("damaged", "d3", "1"), ("label", "حلب", "3")]


def test_check_panel_every_annotator_outlines_another_annotators_label(qtbot, qtmodeltester, window_with_panel):
    window, panel = window_with_panel
    qtbot.mouseClick(panel.everyone, Qt.MouseButton.LeftButton)
    assert panel.everyone.isChecked()
    findings = checked(qtbot, panel)
    qtmodeltester.check(panel.model)
    assert ("label", "حلب", "3") in findings
    label_row = [kind for kind, _, _ in findings].index("label")
    assert row_texts(panel, label_row)[2:] == ["GPE, LOC, ORG", "3", "d1, d2", "amal, omar"]
    tree = panel.tree
    parent = panel.model.index(label_row, 0)
    tree.expand(parent)
    omar = next(row for row in range(panel.model.rowCount(parent))
                if panel.model.data(panel.model.index(row, 5, parent)) == "omar")
    rect = tree.visualRect(panel.model.index(omar, 0, parent))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's press
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.document.id == "d1"
    assert window.workspace.current is None  # omar's label is not amal's to edit
    assert [(s.start, s.end) for s in window.view.outlined] == [_at(FIRST, "حلب")]
    panel.grab().save("/tmp/helpers/check_panel.png")


def test_check_and_notes_are_docks_of_the_window_reached_by_their_keys(qtbot, window):
    """Document > Check consistency (Ctrl+Alt+K) shows the check's dock and runs it;
    the Notes dock sits beside Events and Attributions, Ctrl+Alt+N writes a note."""
    from PySide6.QtCore import Qt

    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    assert not window.docks["check"].isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_K, ctrl_alt)
    assert window.docks["check"].isVisible()
    assert "notes" in window.docks and window.notes_panel.parent() is window.docks["notes"]
    assert window.actions_by_name["note"].shortcut().toString() == "Ctrl+Alt+N"
