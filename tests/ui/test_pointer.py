"""The pointer lands where the annotator points (issue 11, items 1-4).

Each glyph's on-screen box comes from Qt's own layout of the block (the leading and
trailing edges ``QTextLine.cursorToX`` gives for that character, mapped to viewport
coordinates), never from the view's hit test. Real presses, moves and releases go to
the viewport; what is checked is what reached the project file.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from annotator.core.importing import import_records
from annotator.formats.txt import read_txt
from annotator.nlp.chars import is_word_char
from annotator.storage import ProjectStore
from tests.ui.conftest import shown_window, stored

NUMBER = re.compile(r"(?<![^\W_])[0-9\u0660-\u0669]+(?![^\W_])")  # a whole word of digits
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def glyph_box(view, offset: int) -> tuple[float, float, float]:
    """(leading x, trailing x, middle y) of the glyph drawn for the character at
    ``offset``, in viewport coordinates, read from the glyph runs of its line (where
    each glyph is drawn and its advance); leading is the edge its run starts from."""
    document = view.document()
    position = view.offsets.to_qt(offset)
    block = document.findBlock(position)
    relative = position - block.position()
    line = block.layout().lineForTextPosition(relative)
    origin = document.documentLayout().blockBoundingRect(block).topLeft() - QPointF(
        view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    (run,) = line.glyphRuns(relative, 1)
    (place,) = run.positions()[:1]
    advance = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())[0].x()
    left, right = place.x() + origin.x(), place.x() + advance + origin.x()
    y = line.y() + line.height() / 2 + origin.y()
    return (right, left, y) if run.isRightToLeft() else (left, right, y)


def _last_glyph(text: str, end: int) -> int:
    """The last character of a word that has a glyph of its own (not a mark on it)."""
    last = end - 1
    while unicodedata.category(text[last]).startswith("M"):
        last -= 1
    return last


def inside(view, offset: int, edge: str, by: float = 2.0) -> QPoint:
    """A point just inside the ``edge`` ("leading"/"trailing") of a glyph."""
    leading, trailing, y = glyph_box(view, offset)
    towards = 1 if trailing > leading else -1
    by = min(by, abs(trailing - leading) / 3)
    x = leading + towards * by if edge == "leading" else trailing - towards * by
    return QPoint(round(x), round(y))


def before_start(view, start: int) -> QPoint:
    """Just outside a word's start: on the glyph before it, by the edge they share
    (which, between runs of opposite directions, is not the word's visual side)."""
    if _neighbour(view, start - 1, start):
        return inside(view, start - 1, "trailing", by=1.5)
    return inside(view, start, "leading")


def after_end(view, end: int) -> QPoint:
    """Just outside a word's end: on the glyph after it, by the edge they share."""
    if _neighbour(view, end, end - 1):
        return inside(view, end, "leading", by=1.5)
    return inside(view, _last_glyph(view.text, end), "trailing")


def _neighbour(view, offset: int, of: int) -> bool:
    """Whether ``offset`` has a glyph on the same line as ``of``."""
    if not 0 <= offset < len(view.text) or view.text[offset] == "\n":
        return False
    document = view.document()
    block = document.findBlock(view.offsets.to_qt(of))
    if not block.contains(view.offsets.to_qt(offset)):
        return False
    layout = block.layout()
    here = view.offsets.to_qt(offset) - block.position()
    line = layout.lineForTextPosition(here)
    same_line = line.lineNumber() == layout.lineForTextPosition(view.offsets.to_qt(of) - block.position()).lineNumber()
    return same_line and bool(line.glyphRuns(here, 1))  # a space ending a line is not drawn


def centre(view, offset: int) -> QPoint:
    leading, trailing, y = glyph_box(view, offset)
    return QPoint(round((leading + trailing) / 2), round(y))


def show(qtbot, view, start: int, end: int) -> None:
    view.select_offsets(start, end)  # scroll there, as a user would before pointing
    view.clear_selection()
    qtbot.wait(1)


def drag(qtbot, view, a: QPoint, b: QPoint, modifier=NONE) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def click(qtbot, view, point: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, point)


def label_by_pointer(qtbot, window, words, press, release, modifier=ALT):
    """Drag over each word from ``press(start)`` to ``release(end)`` and press O."""
    view = window.view
    for start, end in words:
        show(qtbot, view, start, end)
        drag(qtbot, view, press(view, start), release(view, _last_glyph(view.text, end)), modifier)
        qtbot.keyClick(view, Qt.Key.Key_O)


def stored_places(path) -> set[tuple[int, int]]:
    return {(s.start, s.end) for s in stored(path).spans}


def assert_same(path, text, expected) -> None:
    got = stored_places(path)
    missing = sorted(set(expected) - got)[:5]
    extra = sorted(got - set(expected))[:5]
    assert not missing and not extra, (
        [text[a:b] for a, b in missing], [text[a:b] for a, b in extra])


def _words(text: str) -> list[tuple[int, int]]:
    """Runs of the project's word characters (letters, digits, marks, tatweel)."""
    found, start = [], None
    for i, char in enumerate(text + " "):
        if is_word_char(char) and start is None:
            start = i
        elif not is_word_char(char) and start is not None:
            found.append((start, i))
            start = None
    return found


def _mixed_line() -> str:
    """A generated line: Arabic and Latin words, Latin and Eastern Arabic numbers,
    punctuation, and a line break."""
    rng = random.Random(11)
    pools = [["قوات", "النظام", "حلب", "وجمعية", "الزهراء", "قال", "مدينة"],
             ["Reuters", "AFP", "John", "PSG"], ["70", "2020", "3", "١٩", "٢٠٢٠", "٧"]]
    pieces = []
    for i in range(28):
        pieces.append(rng.choice(pools[i % 3]))
        pieces.append(rng.choice([" ", " ", "، ", " (", ") ", ": ", " «", "» ", ". "]))
    pieces[27] = "\n"
    return "".join(pieces).strip() + "."


@pytest.fixture
def mixed_project(tmp_path, schema):
    source = tmp_path / "mixed.txt"
    source.write_text(_mixed_line(), encoding="utf-8")
    path = tmp_path / "mixed.sqlite"
    store = ProjectStore.create(path, schema)
    list(import_records(store, read_txt(source)))
    store.close()
    return path


@pytest.fixture
def mixed_window(qtbot, mixed_project):
    return shown_window(qtbot, mixed_project)


def _first_and_last_glyph_inside(qtbot, window, path):
    words = _words(window.view.text)
    label_by_pointer(qtbot, window, words,
                     lambda v, s: inside(v, s, "leading"), lambda v, e: inside(v, e, "trailing"))
    assert_same(path, window.view.text, words)


def _just_outside(qtbot, window, path):
    words = _words(window.view.text)
    view = window.view
    for start, end in words:
        show(qtbot, view, start, end)
        drag(qtbot, view, before_start(view, start), after_end(view, end), ALT)
        qtbot.keyClick(view, Qt.Key.Key_O)
    assert_same(path, window.view.text, words)


def _clicks_on_first_and_last_glyph(qtbot, window):
    """A click on any glyph of a span selects that span (the last, leftmost letter too)."""
    view, workspace = window.view, window.workspace
    words = _words(view.text)
    label_by_pointer(qtbot, window, words,
                     lambda v, s: inside(v, s, "leading"), lambda v, e: inside(v, e, "trailing"))
    spans = {(s.start, s.end): s.id for s in workspace.annotations.spans}
    wrong = []
    for start, end in words:
        for offset in (start, _last_glyph(view.text, end)):
            workspace.set_current(None)
            show(qtbot, view, start, end)
            click(qtbot, view, centre(view, offset))
            current = workspace.current
            if getattr(current, "id", None) != spans[(start, end)]:
                wrong.append((view.text[start:end], offset - start))
    assert not wrong, wrong[:10]


def _gaps_beside_numbers(qtbot, window, path):
    """A drag ending in the space before (or starting in the space after) a number
    takes the word, not the number; one starting in the gap takes the number alone."""
    view, text = window.view, window.view.text
    expected = set()
    for number in NUMBER.finditer(text):
        start, end = number.span()
        word = re.search(r"([^\W\d_]+) $", text[:start])
        if word is None:
            continue
        gap = start - 1
        before = (word.start(1), word.end(1))
        show(qtbot, view, before[0], end)
        if not _neighbour(view, gap, start):  # the line wraps there: no gap on screen to point at
            continue
        drag(qtbot, view, inside(view, before[0], "leading"), centre(view, gap))
        qtbot.keyClick(view, Qt.Key.Key_O)
        assert stored_places(path) == {before}, text[before[0]:end]
        expected.add(before)
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one at a time
        drag(qtbot, view, centre(view, gap), inside(view, end - 1, "trailing"))
        qtbot.keyClick(view, Qt.Key.Key_O)
        assert stored_places(path) == {(start, end)}, text[before[0]:end]
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert expected, "the text has numbers after words"


def test_pointer_drag_from_first_to_last_glyph_stores_each_seed_word(qtbot, window, seed_project):
    _first_and_last_glyph_inside(qtbot, window, seed_project)


def test_pointer_drag_from_just_outside_each_seed_word_stores_the_word(qtbot, window, seed_project):
    _just_outside(qtbot, window, seed_project)


def test_pointer_click_on_first_or_last_glyph_selects_the_seed_span(qtbot, window):
    _clicks_on_first_and_last_glyph(qtbot, window)


def test_pointer_gaps_beside_seed_numbers(qtbot, window, seed_project):
    _gaps_beside_numbers(qtbot, window, seed_project)


def test_pointer_drag_stores_each_word_of_a_mixed_line(qtbot, mixed_window, mixed_project):
    _first_and_last_glyph_inside(qtbot, mixed_window, mixed_project)


def test_pointer_drag_from_just_outside_words_of_a_mixed_line(qtbot, mixed_window, mixed_project):
    _just_outside(qtbot, mixed_window, mixed_project)


def test_pointer_click_selects_spans_of_a_mixed_line(qtbot, mixed_window):
    _clicks_on_first_and_last_glyph(qtbot, mixed_window)


def test_pointer_gaps_beside_numbers_of_a_mixed_line(qtbot, mixed_window, mixed_project):
    _gaps_beside_numbers(qtbot, mixed_window, mixed_project)


def test_pointer_click_just_right_of_a_word_puts_the_caret_before_it(qtbot, window):
    view = window.view
    start = view.text.index("حوالي")
    show(qtbot, view, start, start + 5)
    leading, _, y = glyph_box(view, start)
    click(qtbot, view, QPoint(round(leading + 1.5), round(y)))  # 1-2 px right of «ح»
    assert view.offsets.from_qt(view.textCursor().position()) == start


def test_pointer_drag_that_leaves_out_a_proclitic_stores_it_without(qtbot, window, seed_project):
    view = window.view
    start = view.text.index("وجمعية")
    show(qtbot, view, start, start + 14)
    drag(qtbot, view, inside(view, start + 1, "leading"), inside(view, start + 13, "trailing"))
    assert view.selection_offsets() == (start + 1, start + 14)  # what the highlight shows
    qtbot.keyClick(view, Qt.Key.Key_O)
    assert stored_places(seed_project) == {(start + 1, start + 14)}


def test_pointer_alt_drag_from_right_of_a_word_to_its_left_edge_keeps_exactly_it(qtbot, window, seed_project):
    view = window.view
    start = view.text.index("حوالي")
    show(qtbot, view, start, start + 5)
    leading, _, y = glyph_box(view, start)
    _, trailing, _ = glyph_box(view, start + 4)
    drag(qtbot, view, QPoint(round(leading + 1.5), round(y)), QPoint(round(trailing + 1), round(y)), ALT)
    qtbot.keyClick(view, Qt.Key.Key_O)
    assert stored_places(seed_project) == {(start, start + 5)}
