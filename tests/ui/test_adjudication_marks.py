"""Adjudication marks under the text (issue 16, item 13): below the letters' descent,
one row per agreement state, thicker at a larger zoom. Read from the pixels Qt draws,
against the line geometry Qt laid out."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor

from annotator.ui.adjudication import AGREEMENT_COLOURS
from tests.helpers import at, seed_annotations


def _three_annotators(window) -> None:
    store, doc = window.workspace.store, window.workspace.document
    for name in ("amal", "badr", "carim"):
        work = seed_annotations(doc.text, doc.id, name)
        if name == "badr":
            work.spans[3] = replace(work.spans[3], label="LOC")  # حلب: a conflict
        if name == "carim":  # the PER only two of three gave: "some"
            work.spans = [s for s in work.spans if s.label != "PER"]
        store.replace_annotations(work)
    window.workspace.open_document(doc.id)


def _line_of(view, offset: int):
    """The QTextLine holding code point ``offset`` and its block's top-left in the
    viewport."""
    position = view.offsets.to_qt(offset)
    block = view.document().findBlock(position)
    line = block.layout().lineForTextPosition(position - block.position())
    origin = view.document().documentLayout().blockBoundingRect(block).topLeft()
    scroll = view.verticalScrollBar().value()
    return line, origin.x(), origin.y() - scroll


def _mark_rows(image, colour: QColor, x: int, top: int, bottom: int) -> list[int]:
    """Rows between ``top`` and ``bottom`` in column ``x`` (and its neighbours) painted
    in ``colour`` (antialiasing blends edges: count near matches)."""

    def near(pixel: QColor) -> bool:
        return all(abs(a - b) <= 40 for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True))

    return sorted({y for y in range(max(0, top), min(image.height(), bottom))
                   for dx in (-2, 0, 2) if near(image.pixelColor(x + dx, y))})


def _scroll_to_middle(qtbot, view, start: int, end: int) -> None:
    """The span's line in the middle of the viewport, the gap under it on screen too."""
    view.select_offsets(start, end)
    view.clear_selection()
    rect = view.span_rects(_span(start, end))[0]
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + int(rect.top() - view.viewport().height() / 2))
    qtbot.wait(10)


def _adjudicating(qtbot, window, point_size: float):
    _three_annotators(window)
    window.view.set_point_size(point_size)
    window.actions_by_name["adjudicate"].trigger()
    view = window.view
    qtbot.waitUntil(lambda: len(view.marks) >= 2, timeout=5000)
    return view


def _column_under(view, start: int, end: int) -> tuple[int, object]:
    """A column inside the span's first line rectangle, and that line's geometry."""
    rect = next(iter(view.span_rects(_span(start, end))))
    return int(rect.center().x()), rect


def _span(start: int, end: int):
    from annotator.core.model import Span

    return Span("probe", start, end, "")


@pytest.mark.parametrize("point_size", [11.0, 15.0, 30.0])
def test_adjudication_marks_lie_below_the_descent_one_row_per_state(qtbot, window, point_size):
    view = _adjudicating(qtbot, window, point_size)
    text = window.workspace.document.text
    states = {"conflict": at(text, "حلب", "غربي مدينة"), "some": at(text, "حوالي 70 عنصراً من قوات النظام")}
    found_rows = {}
    for state, (start, end) in states.items():
        _scroll_to_middle(qtbot, view, start, end)
        image = view.viewport().grab().toImage()
        line, _x0, top = _line_of(view, start)
        descent_bottom = top + line.y() + line.ascent() + line.descent()
        next_line_top = top + line.y() + line.height() * 1.65
        x, _rect = _column_under(view, start, end)
        rows = _mark_rows(image, AGREEMENT_COLOURS[state], x, int(top + line.y()), int(next_line_top) + 2)
        assert rows, f"no {state} mark under the span"
        assert min(rows) >= descent_bottom, (state, rows, descent_bottom)  # under the letters, not through them
        assert max(rows) < next_line_top  # and above the next line
        found_rows[state] = (min(rows) - descent_bottom, len(rows))
    # the conflict row lies below the "some" row; each row grows with the font
    assert found_rows["conflict"][0] > found_rows["some"][0]
    assert found_rows["some"][1] >= (3 if point_size >= 30 else 1)


def test_adjudication_marks_carry_their_state_row(qtbot, window):
    view = _adjudicating(qtbot, window, 15.0)
    rows = {tuple(mark[2].getRgb()): mark[3] for mark in view.marks}
    assert rows[AGREEMENT_COLOURS["conflict"].getRgb()] == 2
    assert rows[AGREEMENT_COLOURS["some"].getRgb()] == 1
