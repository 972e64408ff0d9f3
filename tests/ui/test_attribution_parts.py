"""Attribution parts attach to the attribution the annotator has selected, whether by
its row or by one of its spans (issue 11, item 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers import at
from tests.ui.conftest import drag_select, panels_follow, stored
from tests.ui.test_pointer import centre, click, show


def _label(qtbot, view, start, end, key):
    drag_select(qtbot, view, start, end)
    qtbot.keyClick(view, key)


def _click_span(qtbot, view, start, end):
    show(qtbot, view, start, end)
    click(qtbot, view, centre(view, start + 1))


def test_attribution_content_marked_with_the_cue_span_selected_joins_its_attribution(qtbot, window, seed_project):
    view = window.view
    cue = at(view.text, "أعلنت")
    _label(qtbot, view, *cue, Qt.Key.Key_C)  # opens an attribution
    window.workspace.set_current(None)
    _click_span(qtbot, view, *cue)  # the cue span, not the attribution
    assert window.workspace.current.label == "CUE"
    content = (view.text.index("استهداف"), view.text.index("خسائر ضخمة") + len("خسائر ضخمة"))
    _label(qtbot, view, *content, Qt.Key.Key_Q)
    work = stored(seed_project)
    (attribution,) = work.attributions
    spans = work.span_map()
    assert (spans[attribution.content].start, spans[attribution.content].end) == content


def test_attribution_part_that_cannot_be_attached_says_why(qtbot, window, seed_project):
    view = window.view
    content = (view.text.index("استهداف"), view.text.index("خسائر ضخمة") + len("خسائر ضخمة"))
    _label(qtbot, view, *content, Qt.Key.Key_Q)  # no attribution to attach it to
    work = stored(seed_project)
    assert [s.label for s in work.spans] == ["CONTENT"] and not work.attributions
    assert "attached to no attribution" in window.statusBar().currentMessage()


def test_attribution_clicking_the_highlighted_row_selects_it(qtbot, window):
    view = window.view
    cue = at(view.text, "أعلنت")
    _label(qtbot, view, *cue, Qt.Key.Key_C)
    organisation = at(view.text, "الجبهة الوطنية للتحرير")
    _label(qtbot, view, *organisation, Qt.Key.Key_O)
    panels_follow(qtbot, window)
    tree = window.attributions_panel.tree
    row = tree.topLevelItem(0)
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert type(window.workspace.current).__name__ == "Attribution"
    _click_span(qtbot, view, *organisation)  # another item selected; the row stays highlighted
    assert window.workspace.current.label == "ORG"
    panels_follow(qtbot, window)
    assert tree.currentItem() is row
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert type(window.workspace.current).__name__ == "Attribution"


def test_a_second_attribution_stays_selected_while_its_parts_are_marked(qtbot, window, seed_project):
    """With one attribution in the article, a second one (its cue marked) gets its
    source and then its content by hotkeys: the first never takes the selection back."""
    view = window.view
    _label(qtbot, view, *at(view.text, "أعلنت"), Qt.Key.Key_C)  # A1
    _label(qtbot, view, *at(view.text, "الجبهة الوطنية للتحرير"), Qt.Key.Key_S)
    panels_follow(qtbot, window)
    _label(qtbot, view, *at(view.text, "وأفاد"), Qt.Key.Key_C)  # A2
    panels_follow(qtbot, window)
    _label(qtbot, view, *at(view.text, "مصدر في الفصائل"), Qt.Key.Key_S)
    panels_follow(qtbot, window)
    current = window.workspace.current
    assert (type(current).__name__, current.id) == ("Attribution", "A2"), current
    _label(qtbot, view, *at(view.text, "الهجوم أسفر عن"), Qt.Key.Key_Q)
    panels_follow(qtbot, window)
    work = stored(seed_project)
    spans = work.span_map()
    parts = {a.id: {part: view.text[spans[s].start:spans[s].end] for part in ("cue", "source", "content")
                    if (s := getattr(a, part))} for a in work.attributions}
    assert parts == {"A1": {"cue": "أعلنت", "source": "الجبهة الوطنية للتحرير"},
                     "A2": {"cue": "وأفاد", "source": "مصدر في الفصائل", "content": "الهجوم أسفر عن"}}


def test_a_second_event_stays_selected_once_made(qtbot, window):
    """A trigger marked while another event exists selects its own new event, so the
    argument added next (Ctrl+R) is its own, not the first event's."""
    view = window.view
    alt = Qt.KeyboardModifier.AltModifier
    for word in ("مقتل", "قتلوا"):  # Life.Die twice: E1, then E2
        drag_select(qtbot, view, *at(view.text, word))
        qtbot.keyClick(view, Qt.Key.Key_D, alt)
        panels_follow(qtbot, window)
    current = window.workspace.current
    assert (type(current).__name__, current.id) == ("Event", "E2"), current
    assert window.events_panel.tree.currentItem().data(0, Qt.ItemDataRole.UserRole).id == "E2"
