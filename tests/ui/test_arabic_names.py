"""Labels, event types and items in the Arabic window's panels read as the schema
names them in Arabic (as the annotation list does), not as codes or English words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from tests.helpers import at
from tests.ui.conftest import drag_select, panels_follow


def _label(qtbot, view, words: str, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    drag_select(qtbot, view, *at(view.text, words))
    qtbot.keyClick(view, key, modifier)


def test_events_panel_and_inspector_name_types_and_items_in_arabic(qtbot, arabic, window):
    view = window.view
    _label(qtbot, view, "مقتل", Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # a Life.Die event
    panels_follow(qtbot, window)
    top = window.events_panel.tree.topLevelItem(0)
    assert top.text(0) == "E1 وفاة"
    assert window.inspector._title.text() == "E1 وفاة"
    _label(qtbot, view, "أعلنت", Qt.Key.Key_C)  # a cue: its attribution is selected
    panels_follow(qtbot, window)
    assert window.inspector._title.text() == "الإسناد A1"
    _label(qtbot, view, "حلب", Qt.Key.Key_G)
    panels_follow(qtbot, window)
    title = window.inspector._title.text()
    assert title.startswith("T3 كيان جغرافي سياسي: حلب") and "GPE" not in title, title


def test_menu_shortcuts_ending_in_a_sign_read_left_to_right_in_arabic(qtbot, arabic, window):
    """«Ctrl++» after an entry of a right-to-left menu reads «++Ctrl» unless isolated;
    the entry carries it isolated, keeps its shortcut, and the F1 list its own words."""
    from annotator.ui.actions import menu_text

    actions = {a.shortcut().toString(): a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    zoom_in, undo = actions["Ctrl++"], actions["Ctrl+Z"]
    assert zoom_in.text().endswith("\t\u2066Ctrl++\u2069") and "\t" not in menu_text(zoom_in)
    assert "\t" not in undo.text()  # «Ctrl+Z» reads well as it is: Qt writes it
