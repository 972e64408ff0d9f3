"""The suggestions' bookkeeping after each edit equals a fresh computation, and they
are drawn under their words."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from annotator.core.suggestions import rejected_in, visible
from tests.helpers import at
from tests.ui.conftest import drag_select


def _from_scratch(window) -> list:
    ws = window.workspace
    found = window.suggestions.index.for_document(ws.document.id, window.suggestions.rules)
    rejected = rejected_in(ws.store, ws.annotator, ws.document.id)
    return sorted(visible(found, ws.annotations, rejected), key=lambda s: (s.start, s.end, s.label))


def _shown(window) -> list:
    shown = list(window.suggestions.shown)
    assert shown == sorted(shown, key=lambda s: (s.start, s.end, s.label)) and len(shown) == len(set(shown))
    return shown


def _label(qtbot, window, phrase, key, after=""):
    start, end = at(window.view.text, phrase, after)
    drag_select(qtbot, window.view, start, end)
    qtbot.keyClick(window.view, key)


def test_suggestions_kept_level_with_edits_equal_a_fresh_match(qtbot, window):
    ws = window.workspace
    steps = [
        lambda: _label(qtbot, window, "قوات النظام", Qt.Key.Key_O, "استهداف"),  # a new rule, 3 places
        lambda: _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة"),
        lambda: _label(qtbot, window, "قوات النظام", Qt.Key.Key_P, "مقتل"),  # same words, other label
        lambda: (window.suggestions.step(1), qtbot.keyClick(window.view, Qt.Key.Key_N)),  # reject one
        lambda: (window.suggestions.step(1), qtbot.keyClick(window.view, Qt.Key.Key_Y)),  # accept one
        ws.undo_stack.undo,
        ws.undo_stack.undo,
        ws.undo_stack.redo,
    ]
    for step in steps:
        step()
        assert _shown(window) == _from_scratch(window)
    assert window.view.suggestions is window.suggestions.shown


def test_suggestions_drawn_dashed_under_their_words(qtbot, window):
    view = window.view
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    suggestion = next(iter(window.suggestions.shown))
    view.select_offsets(suggestion.start, suggestion.end)
    view.clear_selection()
    with_lines = view.viewport().grab().toImage()
    view.set_suggestions([])
    without = view.viewport().grab().toImage()
    view.set_suggestions(window.suggestions.shown)
    changed = {(x, y) for x in range(with_lines.width()) for y in range(with_lines.height())
               if with_lines.pixel(x, y) != without.pixel(x, y)}
    rects = [view.span_rects(s) for s in window.suggestions.shown]
    under = [r for found in rects for r in found if r.intersects(view.viewport().rect().toRectF())]
    assert changed and under
    for x, y in changed:  # every changed pixel lies just under a suggested word
        assert any(r.left() - 2 <= x <= r.right() + 2 and r.bottom() - 5 <= y <= r.bottom() for r in under)
    (word,) = view.span_rects(suggestion)
    columns = {x for x, y in changed if word.left() <= x <= word.right()}
    assert word.width() * 0.3 < len(columns) < word.width()  # dashed, not solid
    colour = QColor(window.workspace.schema.label("GPE").color).darker(130)
    darkest = min((with_lines.pixelColor(x, y) for x, y in changed), key=lambda c: c.lightness())
    assert abs(darkest.hue() - colour.hue()) < 20  # in the label's colour


def test_suggestions_painted_only_for_paragraphs_on_screen(qtbot, window):
    view = window.view
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    view.verticalScrollBar().setValue(0)
    first, last = view.visible_range()
    assert first == 0 and last < len(view.text)  # the top margin does not stretch it
    blocks = list(view._visible_blocks())
    top = view.document().documentLayout().blockBoundingRect(blocks[0])
    assert top.top() <= view.viewport().height() and blocks[-1].isValid()
    point = QPoint(view.viewport().width() // 2, view.viewport().height() - 5)
    assert first <= view.offset_at(point) <= last

