"""The labelling gestures, driven through real widget events."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from annotator.core.model import Status
from tests.helpers import at
from tests.ui.conftest import drag_select, panels_follow, stored


def _label(qtbot, window, phrase, key, after="", modifier=Qt.KeyboardModifier.NoModifier):
    view = window.view
    start, end = at(view.text, phrase, after)
    drag_select(qtbot, view, start, end)
    assert view.selection_offsets() is not None
    qtbot.keyClick(view, key, modifier)
    return start, end


def test_window_shows_article_right_to_left(window):
    view = window.view
    shown = view.document().toRawText().replace("\u2029", "\n")  # NBSPs kept
    assert shown == window.workspace.document.text
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert "amal" in window.windowTitle()


def test_labelling_select_and_hotkey_writes_to_file(qtbot, window, seed_project):
    start, end = _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)
    (span,) = stored(seed_project).spans
    assert (span.start, span.end, span.label) == (start, end, "ORG")
    panels_follow(qtbot, window)
    assert window.documents_model.rows[0][2:] == (Status.IN_PROGRESS, 1)  # the list follows


def test_labelling_text_first_then_the_panels(qtbot, window):
    """The hotkey formats the text at once; the list and inspector follow its paint."""
    start, end = _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)
    assert _background(window.view, start + 2) is not None  # the text shows the label now
    assert window.after_paint.pending() and window.annotations_model.rowCount() == 0
    window.view.viewport().repaint()
    panels_follow(qtbot, window)
    assert window.annotations_model.rowCount() == 1
    assert window.annotations_table.currentIndex().row() == 0  # the new label selected there
    assert window.inspector.item == window.workspace.annotations.spans[0]


def test_labelling_snaps_half_words_to_whole_words(qtbot, window, seed_project):
    view = window.view
    start, end = at(view.text, "قوات النظام", "استهداف")
    drag_select(qtbot, view, start + 2, end - 2)  # half of «قوات» to half of «النظام»
    qtbot.keyClick(view, Qt.Key.Key_O)
    (span,) = stored(seed_project).spans
    assert (span.start, span.end) == (start, end)


def test_labelling_alt_drag_keeps_exact_characters(qtbot, window, seed_project):
    view = window.view
    start, end = at(view.text, "لقوات النظام")
    drag_select(qtbot, view, start + 1, end, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_O)
    (span,) = stored(seed_project).spans
    assert view.text[span.start : span.end] == "قوات النظام"


def test_labelling_undo_redo_reach_the_file(qtbot, window, seed_project):
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    assert len(stored(seed_project).spans) == 1
    undo = window.actions_by_name["undo"]
    assert undo.text() == "&Undo Add GPE span"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(seed_project).spans == []
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(seed_project).spans) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(seed_project).spans) == 1


def test_labelling_nested_spans_both_visible(qtbot, window, seed_project):
    outer = _label(qtbot, window, "حوالي 70 عنصراً من قوات النظام", Qt.Key.Key_P)
    inner = _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "حوالي 70")
    spans = stored(seed_project).spans
    assert {(s.start, s.end, s.label) for s in spans} == {(*outer, "PER"), (*inner, "ORG")}
    view = window.view
    colour_at = lambda offset: view.document().characterAt(0) and _background(view, offset)  # noqa: E731
    schema = window.workspace.schema
    assert colour_at(outer[0] + 1) == schema.label("PER").color
    assert colour_at(inner[0] + 1) == schema.label("ORG").color


def _background(view, offset):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset) + 1)
    return cursor.charFormat().background().color().name()


def test_labelling_relabel_delete_and_tab(qtbot, window, seed_project):
    _label(qtbot, window, "إدلب", Qt.Key.Key_L)
    _label(qtbot, window, "أنقرة", Qt.Key.Key_G)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # first label in text order: إدلب
    assert window.workspace.current.label == "LOC"
    qtbot.keyClick(view, Qt.Key.Key_G)  # no selection: relabel
    assert sorted(s.label for s in stored(seed_project).spans) == ["GPE", "GPE"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    (left,) = stored(seed_project).spans
    assert view.text[left.start : left.end] == "أنقرة"


def test_labelling_boundary_keys_move_by_char_and_word(qtbot, window, seed_project):
    _label(qtbot, window, "لقوات النظام", Qt.Key.Key_O, "في قصف ")
    text = window.view.text
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "لقوات النظام"
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_BracketRight)  # start one character later
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "قوات النظام"
    qtbot.keyClick(window.view, Qt.Key.Key_Semicolon, Qt.KeyboardModifier.ControlModifier)  # end a word earlier
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "قوات"
    qtbot.keyClick(window.view, Qt.Key.Key_Apostrophe)  # end one character later
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "قوات "


def test_labelling_word_moves_land_on_word_edges_not_beside_spaces(qtbot, window, seed_project):
    """Ctrl+[ took a start onto the space before the word, Ctrl+' an end onto the space
    after it: a span with a stray space. A start goes to word starts, an end to word ends."""
    ctrl = Qt.KeyboardModifier.ControlModifier
    _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "في قصف ل")  # inside «لقوات»
    text = window.view.text
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_BracketLeft, ctrl)  # start a word earlier: «ل» first
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "لقوات النظام"
    qtbot.keyClick(window.view, Qt.Key.Key_BracketLeft, ctrl)  # and the word before
    qtbot.keyClick(window.view, Qt.Key.Key_Apostrophe, ctrl)  # end a word later
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "قصف لقوات النظام في"


def _answer_dialog(qtbot, pick_role, pick_text):
    """Fill in the next span-picking dialog through its widgets and press OK."""
    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        if pick_role:
            dialog.role_box.setCurrentText(pick_role)
        index = next(i for i in range(dialog.span_box.count()) if pick_text in dialog.span_box.itemText(i))
        dialog.span_box.setCurrentIndex(index)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    QTimer.singleShot(50, answer)


def _reactivate(qtbot, window):
    """What the window manager does when a dialog closes (offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def test_labelling_event_with_two_arguments(qtbot, window, seed_project):
    _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)
    _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "استهداف")
    _label(qtbot, window, "استهداف", Qt.Key.Key_A, modifier=Qt.KeyboardModifier.AltModifier)
    (event,) = stored(seed_project).events
    assert event.type == "Conflict.Attack"
    _answer_dialog(qtbot, "Attacker", "الجبهة الوطنية")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    _reactivate(qtbot, window)
    _answer_dialog(qtbot, "Target", "قوات النظام")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    work = stored(seed_project)
    spans = work.span_map()
    (event,) = work.events
    roles = {(a.role, window.view.text[spans[a.span].start:spans[a.span].end]) for a in event.arguments}
    assert roles == {("Attacker", "الجبهة الوطنية للتحرير"), ("Target", "قوات النظام")}
    panels_follow(qtbot, window)
    assert window.events_panel.tree.topLevelItem(0).childCount() == 2


def test_labelling_attribution_cue_content_source(qtbot, window, seed_project):
    _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)
    _label(qtbot, window, "أعلنت", Qt.Key.Key_C)  # a cue opens an attribution
    view = window.view
    start = view.text.index("استهداف")
    end = view.text.index("خسائر ضخمة") + len("خسائر ضخمة")
    drag_select(qtbot, view, start, end)
    qtbot.keyClick(view, Qt.Key.Key_Q)  # content, filled into the selected attribution
    _answer_dialog(qtbot, None, "الجبهة الوطنية")
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    work = stored(seed_project)
    (attribution,) = work.attributions
    spans = work.span_map()
    assert view.text[spans[attribution.cue].start:spans[attribution.cue].end] == "أعلنت"
    assert spans[attribution.content].start == start and spans[attribution.content].end == end
    assert spans[attribution.source].label == "ORG"


def test_labelling_mark_done_and_document_navigation(qtbot, window, seed_project):
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert stored(seed_project).status.value == "done"
    assert "done" in window.status_label.text()


def test_labelling_inspector_edits_attributes_of_the_selected_span(qtbot, window, seed_project):
    _label(qtbot, window, "الجبهة الوطنية للتحرير", Qt.Key.Key_O)
    panels_follow(qtbot, window)
    mention = window.inspector._boxes["mention"]
    assert mention.currentText() == ""
    mention.setFocus()
    qtbot.keyClick(mention, Qt.Key.Key_Down)  # the next value, as a user picks it with the keyboard
    (first,) = stored(seed_project).spans
    assert first.attributes == {"mention": "NAM"}
    panels_follow(qtbot, window)
    _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "استهداف")
    panels_follow(qtbot, window)
    second = window.workspace.current
    assert window.inspector.item == second and second.id != first.id
    assert window.inspector._boxes["mention"].currentText() == ""  # this span's value, not the last one's
    assert {s.id: s.attributes for s in stored(seed_project).spans} == {first.id: {"mention": "NAM"}, second.id: {}}
    window.workspace.undo_stack.undo()
    window.workspace.undo_stack.undo()  # the second label, then the attribute
    assert stored(seed_project).spans[0].attributes == {}


def test_labelling_quick_succession_leaves_the_panels_level_with_the_file(qtbot, window, seed_project):
    """Keys faster than paints: each edit's row change is queued, none is lost or doubled."""
    view, text = window.view, window.view.text
    for phrase, after in (("الجبهة الوطنية للتحرير", ""), ("قوات النظام", "استهداف"), ("حلب", "غربي مدينة")):
        view.select_offsets(*at(text, phrase, after))
        window.controller.apply_label("ORG")  # no event processed in between
    window.workspace.undo_stack.undo()
    panels_follow(qtbot, window)
    stored_ids = {s.id for s in stored(seed_project).spans}
    assert len(stored_ids) == 2
    assert {s.id for s in window.annotations_model.spans} == stored_ids
    assert window.documents_model.rows[0][3] == 2


def test_labelling_the_outline_of_a_span_glued_to_a_clitic_leaves_the_clitic_in_sight(qtbot, window, seed_project):
    """The selected span's outline stood 3 pixels outside its glyphs, over the «ل» of
    «لقوات» when the span is «قوات»; glued to letters outside, it is drawn inside."""
    text = window.view.text
    start = text.index("لقوات النظام") + 1  # «قوات»: its «ل» left out
    drag_select(qtbot, window.view, start, start + len("قوات"))
    qtbot.keyClick(window.view, Qt.Key.Key_O)
    (span,) = stored(seed_project).spans
    assert text[span.start : span.end] == "قوات"
    window.workspace.set_current(window.workspace.annotations.spans[0])
    window.view.viewport().repaint()
    (glyphs,) = window.view.span_rects(span)
    (outline,) = window.view.drawn_outlines
    assert glyphs.left() <= outline.left() - 1 and outline.right() + 1 <= glyphs.right()  # the pen's half too
    free = text.index(" النظام") + 1  # «النظام», spaces on both sides
    drag_select(qtbot, window.view, free, free + len("النظام"))
    qtbot.keyClick(window.view, Qt.Key.Key_O)
    window.workspace.set_current(next(s for s in window.workspace.annotations.spans if s.start == free))
    window.view.viewport().repaint()
    (outline,) = window.view.drawn_outlines
    (glyphs,) = window.view.span_rects(window.workspace.current)
    assert outline.left() < glyphs.left() and glyphs.right() < outline.right()  # room around a free word
