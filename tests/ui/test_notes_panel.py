"""The Notes panel driven with real clicks and key presses in the window: a note on a
span and on the document, edited, deleted, each undone with Ctrl+Z in the window; a
deleted span takes its note along and brings it back on undo; while adjudicating, the
notes of every annotator are listed read-only (issue 14, item 6). What reached the
project file is read through a second connection."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from annotator.core.model import Document
from annotator.formats.jsonl import document_line
from tests.conftest import SEED
from tests.helpers import at, run_annotator, seed_annotations
from tests.ui.conftest import panels_follow, shown_window
from tests.ui.test_pointer import centre, show

KEY = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TEXT = SEED.read_text(encoding="utf-8")
ALEPPO = at(TEXT, "حلب", "غربي مدينة")  # amal's GPE span T4


@pytest.fixture
def project(tmp_path):
    """The seed article labelled by amal and by omar, who left two questions."""
    lines = [document_line(Document("seed", TEXT), seed_annotations(TEXT, "seed", "amal"))]
    omar = document_line(Document("seed", TEXT), seed_annotations(TEXT, "seed", "omar"))
    omar["notes"] = [{"target": "T4", "text": "مدينة أم محافظة؟"}, {"target": "", "text": "خبر مكرر؟"}]
    lines.append(omar)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    path = tmp_path / "p.sqlite"
    assert run_annotator("init", path).returncode == 0
    imported = run_annotator("import", path, source)
    assert imported.returncode == 0, imported.stderr
    return path


def in_file(path, annotator: str = "amal") -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = set(conn.execute("SELECT target, text FROM notes WHERE annotator = ?", [annotator]))
    conn.close()
    return rows


def spans_in_file(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = {row[0] for row in conn.execute("SELECT id FROM spans WHERE annotator = 'amal'")}
    conn.close()
    return rows


@pytest.fixture
def window_with_panel(qtbot, project):
    from annotator.ui.notes_panel import NotesPanel, outline_in

    window = shown_window(qtbot, project)
    panel = NotesPanel(window.workspace, outline_in(window.view), window.adjudicating, window.show_refusal,
                       window.after_paint.add)
    dock = QDockWidget("Notes", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.raise_()
    qtbot.waitExposed(panel)
    return window, panel


def type_text(widget, text: str) -> None:
    """Type ``text`` as an Arabic keyboard does: a key event per letter (QTest's
    keyClicks takes Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier, char))


def write_in_dialog(qtbot, panel, text: str, replace: bool = False) -> None:
    """Type into the note dialog the panel opened and save with Ctrl+Return."""
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=2000)
    panel.dialog.activateWindow()  # as a window manager does with a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.dialog, timeout=2000)
    editor = panel.dialog.editor
    editor.setFocus()
    if replace:
        qtbot.keyClick(editor, KEY.Key_A, CTRL)
        qtbot.keyClick(editor, KEY.Key_Delete)
    type_text(editor, text)
    qtbot.keyClick(editor, KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not panel.dialog.isVisible(), timeout=2000)
    window = panel.window()
    window.activateWindow()  # as a window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_span(qtbot, window, start: int, end: int) -> None:
    show(qtbot, window.view, start, end)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre(window.view, start + 1))


def rows(panel) -> list[tuple[str, ...]]:
    tree = panel.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(tree.columnCount()) if not tree.isColumnHidden(c))
            for i in range(tree.topLevelItemCount())]


def choose_row(qtbot, panel, index: int) -> None:
    tree = panel.tree
    rect = tree.visualItemRect(tree.topLevelItem(index))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def undo(qtbot, window, redo: bool = False) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.view, KEY.Key_Z, CTRL | SHIFT if redo else CTRL)


def test_notes_panel_adds_edits_and_deletes_notes_each_undone_with_ctrl_z(qtbot, window_with_panel, project):
    window, panel = window_with_panel
    assert rows(panel) == []  # omar's notes are his: not listed for amal
    assert not panel.buttons["selection"].isEnabled()
    click_span(qtbot, window, *ALEPPO)
    assert window.workspace.current.id == "T4"
    click(qtbot, panel.buttons["selection"])
    assert panel.dialog.findChildren(type(panel.message))[0].text() == "Note on GPE «حلب»"
    write_in_dialog(qtbot, panel, "مدينة أم محافظة؟")
    assert in_file(project) == {("T4", "مدينة أم محافظة؟")}
    click(qtbot, panel.buttons["document"])
    write_in_dialog(qtbot, panel, "هل الخبر مكرر؟")
    assert in_file(project) == {("T4", "مدينة أم محافظة؟"), ("", "هل الخبر مكرر؟")}
    assert rows(panel) == [("the document", "هل الخبر مكرر؟"), ("GPE «حلب»", "مدينة أم محافظة؟")]

    choose_row(qtbot, panel, 1)
    click(qtbot, panel.buttons["edit"])
    assert panel.dialog.text() == "مدينة أم محافظة؟"
    write_in_dialog(qtbot, panel, "مدينة", replace=True)
    assert ("T4", "مدينة") in in_file(project)
    assert window.actions_by_name["undo"].text().startswith("&Undo Edit note") or \
        window.workspace.undo_stack.undoText() == "Edit note"

    undo(qtbot, window)
    assert in_file(project) == {("T4", "مدينة أم محافظة؟"), ("", "هل الخبر مكرر؟")}
    assert rows(panel)[1] == ("GPE «حلب»", "مدينة أم محافظة؟")  # the panel follows the undo
    undo(qtbot, window)
    assert in_file(project) == {("T4", "مدينة أم محافظة؟")}
    undo(qtbot, window, redo=True)
    assert in_file(project) == {("T4", "مدينة أم محافظة؟"), ("", "هل الخبر مكرر؟")}

    choose_row(qtbot, panel, 0)
    click(qtbot, panel.buttons["delete"])
    assert in_file(project) == {("T4", "مدينة أم محافظة؟")}
    undo(qtbot, window)
    assert in_file(project) == {("T4", "مدينة أم محافظة؟"), ("", "هل الخبر مكرر؟")}
    panel.grab().save("/tmp/helpers/notes_panel.png")


def test_notes_panel_a_deleted_span_takes_its_note_and_undo_brings_both_back(qtbot, window_with_panel, project):
    window, panel = window_with_panel
    click_span(qtbot, window, *ALEPPO)
    click(qtbot, panel.buttons["selection"])
    write_in_dialog(qtbot, panel, "مدينة أم محافظة؟")
    click_span(qtbot, window, *ALEPPO)
    qtbot.keyClick(window.view, KEY.Key_Delete)  # Edit > Delete selected label
    assert "T4" not in spans_in_file(project)
    assert in_file(project) == set()
    panels_follow(qtbot, window)  # the panels refresh once the text has painted
    assert rows(panel) == []
    undo(qtbot, window)
    assert "T4" in spans_in_file(project)
    assert in_file(project) == {("T4", "مدينة أم محافظة؟")}
    panels_follow(qtbot, window)
    assert rows(panel) == [("GPE «حلب»", "مدينة أم محافظة؟")]
    # a new span takes no deleted span's note: delete again, label again
    undo(qtbot, window, redo=True)
    assert in_file(project) == set()


def test_notes_panel_enter_on_a_note_selects_its_span(qtbot, window_with_panel):
    window, panel = window_with_panel
    click(qtbot, panel.buttons["document"])
    write_in_dialog(qtbot, panel, "سؤال")
    click_span(qtbot, window, *ALEPPO)
    click(qtbot, panel.buttons["selection"])
    write_in_dialog(qtbot, panel, "مدينة؟")
    window.workspace.set_current(None)
    choose_row(qtbot, panel, 1)
    qtbot.keyClick(panel.tree, KEY.Key_Return)
    assert window.workspace.current.id == "T4"
    assert [(s.start, s.end) for s in window.view.outlined] == [ALEPPO]


def test_notes_panel_in_adjudication_lists_every_annotators_notes_read_only(qtbot, window_with_panel, project):
    window, panel = window_with_panel
    qtbot.keyClick(window.view, KEY.Key_J, CTRL | SHIFT)  # Annotate > Adjudication mode
    assert window.workspace.annotator == "gold"
    assert sorted(rows(panel)) == [("GPE «حلب»", "مدينة أم محافظة؟", "omar"), ("the document", "خبر مكرر؟", "omar")]
    choose_row(qtbot, panel, [r[0] for r in rows(panel)].index("GPE «حلب»"))
    assert not panel.buttons["edit"].isEnabled() and not panel.buttons["delete"].isEnabled()
    qtbot.keyClick(panel.tree, KEY.Key_Return)  # goes to omar's span: outlined, not selected
    assert window.workspace.current is None
    assert [(s.start, s.end) for s in window.view.outlined] == [ALEPPO]
    assert in_file(project, "omar") == {("T4", "مدينة أم محافظة؟"), ("", "خبر مكرر؟")}
    panel.grab().save("/tmp/helpers/notes_panel_adjudication.png")


def test_notes_panel_a_latin_note_keeps_its_order_in_the_arabic_list(qtbot, tmp_path, arabic):
    """«GPE or LOC?» in a right-to-left list is isolated in its own direction, so it is
    not shown as «?GPE or LOC»."""
    from annotator.ui.notes_panel import NotesPanel, outline_in

    line = document_line(Document("seed", TEXT), seed_annotations(TEXT, "seed", "amal"))
    line["notes"] = [{"target": "T4", "text": "GPE or LOC?"}, {"target": "", "text": "خبر مكرر؟"}]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.sqlite"
    assert run_annotator("init", path).returncode == 0
    assert run_annotator("import", path, source).returncode == 0
    window = shown_window(qtbot, path)
    panel = NotesPanel(window.workspace, outline_in(window.view), window.adjudicating, window.show_refusal,
                       window.after_paint.add)
    panel.refresh()
    notes = {row[1] for row in rows(panel)}
    assert notes == {"\u2068GPE or LOC?\u2069", "\u2068خبر مكرر؟\u2069"}


def test_notes_panel_ctrl_alt_n_with_nothing_selected_writes_on_the_document(qtbot, project):
    window = shown_window(qtbot, project)
    window.workspace.set_current(None)
    qtbot.keyClick(window.view, KEY.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)
    write_in_dialog(qtbot, window.notes_panel, "راجع التاريخ")
    assert ("", "راجع التاريخ") in in_file(project)


def test_notes_panel_fits_a_narrow_dock_in_arabic(qtbot, project, arabic):
    """Its buttons fit the width the window gives its side docks (they were four in a
    row, wider than the dock, and cut off at the window's edge)."""
    window = shown_window(qtbot, project)
    neighbour = window.docks["attributions"].widget()  # in the same tabbed dock area
    assert window.notes_panel.minimumSizeHint().width() <= neighbour.minimumSizeHint().width()
