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
