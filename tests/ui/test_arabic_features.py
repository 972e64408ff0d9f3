"""Suggestions, clitic offers, transliteration and pre-annotation in the window."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from tests.helpers import at
from tests.ui.conftest import drag_select, panels_follow, stored


def _label(qtbot, window, phrase, key, after=""):
    start, end = at(window.view.text, phrase, after)
    drag_select(qtbot, window.view, start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # drop a proclitic if offered
    qtbot.keyClick(window.view, key)


def test_suggestions_follow_a_new_label_and_accept_reject(qtbot, window, seed_project):
    text = window.view.text
    _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "استهداف")
    shown = window.suggestions.shown
    expected = len(re.findall("قوات النظام", text)) - 1
    assert len(shown) == expected and all(text[s.start:s.end] == "قوات النظام" for s in shown)
    inside = text.index("لقوات النظام") + 1
    assert any(s.start == inside for s in shown)  # across the proclitic
    assert window.view.suggestions == shown
    assert stored(seed_project).spans and len(stored(seed_project).spans) == 1  # not labels
    window.suggestions.step(1)
    first = window.suggestions.current
    qtbot.keyClick(window.view, Qt.Key.Key_Y)
    assert len(stored(seed_project).spans) == 2
    window.suggestions.step(1)
    rejected = window.suggestions.current
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert rejected not in window.suggestions.shown and first not in window.suggestions.shown
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(seed_project).spans) == expected  # all but the rejected one
    window.workspace.undo_stack.undo()
    assert len(stored(seed_project).spans) == 2


def test_suggestions_never_inside_a_longer_word(qtbot, window):
    text = window.view.text
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    places = {(s.start, s.end) for s in window.suggestions.shown}
    inside = text.index("كفرحلب") + 3
    assert (inside, inside + 3) not in places
    assert places and all(text[s:e] == "حلب" for s, e in places)


def test_clitic_offer_takes_the_name_without_the_preposition(qtbot, window, seed_project):
    view = window.view
    start, end = at(view.text, "لقوات النظام")
    drag_select(qtbot, view, start, end)
    assert window.clitic.place == (start + 1, end)
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert view.selection_offsets() == (start + 1, end)
    qtbot.keyClick(view, Qt.Key.Key_O)
    (span,) = stored(seed_project).spans
    assert view.text[span.start:span.end] == "قوات النظام"


def test_transliteration_in_list_and_hover(qtbot, window):
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    panels_follow(qtbot, window)
    index = window.annotations_model.index(0, 4)
    assert index.data() == "Hlb"
    span = window.workspace.annotations.spans[0]
    assert "Buckwalter: Hlb" in window.view.tooltip_text([span])


def test_preannotation_without_model_says_how_to_install(qtbot, window, monkeypatch, tmp_path, seed_project):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    shown = {}
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.setdefault("text", box.text()))
    import annotator.nlp.ner as ner
    from annotator.ui import app

    monkeypatch.setattr(ner, "default_model_path", lambda: tmp_path / "camel" / "nope")
    app.preannotate_dialog(window)
    assert "camel_data" in shown["text"]
    assert stored(seed_project).spans == []
