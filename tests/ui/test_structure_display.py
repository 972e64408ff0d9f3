"""Events and attributions one can see and pick, nesting one can see (issue 11,
items 6, 7 and 9), driven by real presses on glyph positions.

Where something must be drawn, the test compares the pixels of a region taken from
Qt's own layout of the line (``QTextLine``), before and after: code that draws
nothing there leaves them equal.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog

from tests.helpers import at
from tests.ui.conftest import drag_select, stored
from tests.ui.test_pointer import centre, show

CTRL = Qt.KeyboardModifier.ControlModifier


def _label(qtbot, view, start, end, key, modifier=Qt.KeyboardModifier.NoModifier):
    drag_select(qtbot, view, start, end)
    qtbot.keyClick(view, key, modifier)


def _line_rect(view, start: int, end: int, below: bool = False) -> QRect:
    """The part of the line holding ``start..end`` that the words cover, in viewport
    coordinates, from Qt's layout; ``below``: the gap under that line instead (down
    to the next line's top)."""
    document = view.document()
    first, last = view.offsets.to_qt(start), view.offsets.to_qt(end)
    block = document.findBlock(first)
    layout = block.layout()
    line = layout.lineForTextPosition(first - block.position())
    origin = document.documentLayout().blockBoundingRect(block).topLeft() - QPointF(
        view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    x1 = line.cursorToX(first - block.position())[0] + origin.x()
    x2 = line.cursorToX(last - block.position())[0] + origin.x()
    left, right = int(min(x1, x2)), int(max(x1, x2)) + 1
    top = line.y() + origin.y()
    if not below:
        return QRect(left - 3, int(top), right - left + 6, int(line.height()))
    bottom = top + line.height()
    following = layout.lineAt(line.lineNumber() + 1) if line.lineNumber() + 1 < layout.lineCount() else None
    gap_end = following.y() + origin.y() if following else bottom + line.height() * 0.6
    return QRect(left - 30, int(bottom) + 1, right - left + 60, max(4, int(gap_end - bottom) - 1))


def _pixels(view, rect: QRect) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab(rect).toImage()


def _escape(qtbot, view):
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # nothing selected: no outline drawn


def _columns_that_differ(a: QImage, b: QImage) -> set[int]:
    return {x for x in range(a.width()) for y in range(a.height()) if a.pixel(x, y) != b.pixel(x, y)}


@pytest.fixture
def overlapping_triggers_project(tmp_path, schema):
    """The seed article in a project whose schema lets triggers overlap (the default
    one does not), as a team studying nested events would set it."""
    from annotator.core.importing import import_records
    from annotator.formats.txt import read_txt
    from annotator.storage import ProjectStore
    from tests.conftest import SEED

    schema.allow_overlap["event"] = True
    path = tmp_path / "nested-events.sqlite"
    store = ProjectStore.create(path, schema)
    list(import_records(store, read_txt(SEED)))
    store.close()
    return path


@pytest.mark.parametrize(("key", "modifier", "project"), [
    (Qt.Key.Key_G, Qt.KeyboardModifier.NoModifier, "seed_project"),
    (Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier, "overlapping_triggers_project")], ids=["entity", "trigger"])
def test_nesting_a_span_inside_one_of_its_layer_draws_its_edges(qtbot, request, key, modifier, project):
    from tests.ui.conftest import shown_window

    seed_project = request.getfixturevalue(project)
    window = shown_window(qtbot, seed_project)
    view = window.view
    outer = at(view.text, "مدينة حلب")
    inner = (outer[1] - len("حلب"), outer[1])
    _label(qtbot, view, *outer, key, modifier)
    _escape(qtbot, view)
    show(qtbot, view, *outer)
    region = _line_rect(view, *outer)
    alone = _pixels(view, region)
    _label(qtbot, view, *inner, key, modifier)
    assert len(stored(seed_project).spans) == 2
    _escape(qtbot, view)
    show(qtbot, view, *outer)
    assert _line_rect(view, *outer) == region
    nested = _pixels(view, region)
    changed = _columns_that_differ(alone, nested)
    # the inner span's start edge (right, in this right-to-left line) is drawn
    edge = _line_rect(view, *inner).right() - 3 - region.left()
    assert any(abs(x - edge) <= 4 for x in changed), (edge, sorted(changed)[:20])


def _attack_on_the_regime_forces(qtbot, view):
    """ORG «قوات النظام» and a Conflict.Attack trigger «استهداف» before it (the
    event then selected, as after any new trigger)."""
    target = at(view.text, "قوات النظام")
    trigger = at(view.text, "استهداف")
    _label(qtbot, view, *target, Qt.Key.Key_O)
    _label(qtbot, view, *trigger, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    return target, trigger


def _ctrl_click(qtbot, view, offset: int) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL, centre(view, offset))


def _choose_in_menu(qtbot, text: str) -> None:
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    menu = QApplication.activePopupWidget()
    action = next(a for a in menu.actions() if a.text() == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_ctrl_click_on_a_span_adds_it_to_the_selected_event_in_the_role_chosen(qtbot, window, seed_project):
    view = window.view
    target, _ = _attack_on_the_regime_forces(qtbot, view)
    assert type(window.workspace.current).__name__ == "Event"
    show(qtbot, view, *target)
    _ctrl_click(qtbot, view, target[0] + 1)
    menu = QApplication.activePopupWidget()
    assert menu is not None
    # ORG fills Attacker or Target of an attack (the schema's fillers), nothing else
    assert [a.text() for a in menu.actions()] == ["Attacker", "Target"]
    _choose_in_menu(qtbot, "Target")
    (event,) = stored(seed_project).events
    spans = stored(seed_project).span_map()
    assert [(a.role, (spans[a.span].start, spans[a.span].end)) for a in event.arguments] == [("Target", target)]
    assert type(window.workspace.current).__name__ == "Event"  # still the event: the next one joins too


def test_ctrl_click_on_a_span_that_fits_no_role_says_so_and_stores_nothing(qtbot, window, seed_project):
    view = window.view
    _attack_on_the_regime_forces(qtbot, view)
    time = at(view.text, "خسائر ضخمة")
    _label(qtbot, view, *time, Qt.Key.Key_M)  # MONEY: no role of an attack takes it
    trigger = at(view.text, "استهداف")
    show(qtbot, view, *trigger)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, trigger[0] + 1))
    show(qtbot, view, *time)
    _ctrl_click(qtbot, view, time[0])
    assert QApplication.activePopupWidget() is None
    assert "no other role" in window.statusBar().currentMessage()
    assert stored(seed_project).events[0].arguments == ()


def test_ctrl_click_on_a_person_makes_it_the_selected_cues_source(qtbot, window, seed_project):
    view = window.view
    cue = at(view.text, "أعلنت")
    front = at(view.text, "الجبهة الوطنية للتحرير")
    _label(qtbot, view, *front, Qt.Key.Key_O)
    _label(qtbot, view, *cue, Qt.Key.Key_C)  # the attribution is selected
    show(qtbot, view, *front)
    _ctrl_click(qtbot, view, front[0] + 1)
    _choose_in_menu(qtbot, "Source")
    work = stored(seed_project)
    (attribution,) = work.attributions
    assert (work.span_map()[attribution.source].start, work.span_map()[attribution.cue].start) == (front[0], cue[0])


def test_selecting_an_event_tags_each_argument_with_its_role_under_the_text(qtbot, window, seed_project):
    view = window.view
    target, trigger = _attack_on_the_regime_forces(qtbot, view)
    show(qtbot, view, *target)
    _ctrl_click(qtbot, view, target[0] + 1)
    _choose_in_menu(qtbot, "Target")
    _escape(qtbot, view)
    show(qtbot, view, *target)
    gap = _line_rect(view, *target, below=True)
    unselected = _pixels(view, gap)
    assert view.drawn_tags == []
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, trigger[0] + 1))  # the trigger
    assert window.workspace.current.label == "Conflict.Attack"
    selected = _pixels(view, gap)
    assert _columns_that_differ(unselected, selected), "nothing drawn under the argument"
    tags = {tag.role: tag for tag in view.drawn_tags}
    assert set(tags) == {"Conflict.Attack", "Target"}
    drawn = tags["Target"].rect.toAlignedRect()
    assert drawn.top() >= _line_rect(view, *target).bottom() - 1  # under the words, not over them
    assert gap.intersects(drawn) and tags["Target"].text == "Target"


def test_selecting_an_attribution_names_its_parts_in_the_interface_language(qtbot, window):
    view = window.view
    front = at(view.text, "الجبهة الوطنية للتحرير")
    cue = at(view.text, "أعلنت")
    _label(qtbot, view, *front, Qt.Key.Key_O)
    _label(qtbot, view, *cue, Qt.Key.Key_C)
    show(qtbot, view, *front)
    _ctrl_click(qtbot, view, front[0] + 1)
    _choose_in_menu(qtbot, "Source")
    view.viewport().repaint()
    assert {(tag.role, tag.text) for tag in view.drawn_tags} == {("SOURCE", "Source"), ("CUE", "Cue")}


def test_argument_dialog_lists_candidates_nearest_first_with_line_and_context(qtbot, window):
    view, text = window.view, window.view.text
    places = []
    start = -1
    while (start := text.find("قوات النظام", start + 1)) >= 0:
        places.append((start, start + len("قوات النظام")))
    assert len(places) >= 3
    for place in places:
        _label(qtbot, view, *place, Qt.Key.Key_O)
    trigger = (text.rindex("استهداف"), text.rindex("استهداف") + len("استهداف"))
    nearest = min(places, key=lambda p: abs(p[0] - trigger[1]))
    assert nearest != places[0]  # the first in text order is not the nearest
    _label(qtbot, view, *trigger, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    seen = []

    def read_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.role_box.setCurrentIndex(dialog.role_box.findData("Target"))
        seen.extend(dialog.span_box.itemText(i) for i in range(dialog.span_box.count()))
        seen.append(dialog.span_box.currentIndex())
        dialog.reject()

    QTimer.singleShot(200, read_dialog)
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    *items, chosen = seen
    regime = [item for item in items if "«قوات النظام»" in item]
    assert len(regime) == len(places) and len(set(regime)) == len(regime)  # told apart
    line_of = lambda offset: text.count("\n", 0, offset) + 1  # noqa: E731
    assert regime[0].endswith(f"line {line_of(nearest[0])}")  # the nearest to the trigger
    assert chosen == 0 and items[0] == regime[0]
    assert "استهداف «قوات النظام» في" in regime[0]  # a few words around it


def test_role_tags_of_neighbouring_spans_never_cover_each_other_in_arabic(qtbot, arabic, window):
    """«فعل الإسناد» under «أعلنت» is wider than the word: the source's tag next to it
    moves on instead of being hidden under it."""
    view = window.view
    _label(qtbot, view, *at(view.text, "أعلنت"), Qt.Key.Key_C)
    _label(qtbot, view, *at(view.text, "الجبهة الوطنية للتحرير"), Qt.Key.Key_S)
    view.viewport().repaint()
    tags = view.drawn_tags
    assert {tag.role for tag in tags} == {"SOURCE", "CUE"}
    first, second = (tag.rect for tag in tags)
    assert not first.intersects(second), (first, second)
    (attribution,) = window.workspace.annotations.attributions
    for role, span_id in (("SOURCE", attribution.source), ("CUE", attribution.cue)):
        tag = next(tag for tag in tags if tag.role == role).rect
        under = view.span_rects(window.workspace.annotations.span(span_id))[0]
        assert under.left() <= tag.right() <= under.right() + 0.5, role  # begins under its own span
