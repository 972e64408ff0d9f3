"""Undo reverts only what this window did (issue 10, item 7).

Window A is a real window in this process, driven by key presses; window B is another
process working as the same annotator through the same core commands a window uses.
Ids are reused: once B deleted A's T1 and made a label of its own, that label is T1.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from tests.helpers import at
from tests.ui.conftest import drag_select, stored

CTRL = Qt.KeyboardModifier.ControlModifier

# What window B does: optionally delete a span, then label START..END as PER.
WINDOW_B = textwrap.dedent("""
    import sys
    from annotator.core.commands import Editor
    from annotator.storage import ProjectStore

    path, delete, start, end = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = ProjectStore.open(path, backup=False)
    try:
        document = store.document_ids()[0]
        if delete:
            Editor(store, document, "amal").remove_span(delete).do(store)
        command = Editor(store, document, "amal").add_span(start, end, "PER")
        command.do(store)
        print(command.added[0].id)
    finally:
        store.close()
""")


def window_b(path, delete: str, start: int, end: int) -> str:
    result = subprocess.run([sys.executable, "-c", WINDOW_B, str(path), delete, str(start), str(end)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1]


def _label(qtbot, window, phrase: str, key: Qt.Key, after: str = "") -> None:
    start, end = at(window.view.text, phrase, after)
    drag_select(qtbot, window.view, start, end)
    qtbot.keyClick(window.view, key)


def _refusal_shown(window, text: str) -> None:
    box = window.last_refusal_box
    assert box.isVisible() and text in box.text()
    assert "Not done" in window.statusBar().currentMessage()


def test_undo_leaves_another_windows_label_under_a_reused_id(qtbot, window, seed_project):
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    (mine,) = stored(seed_project).spans
    assert mine.id == "T1"
    start, end = at(window.view.text, "الجبهة الوطنية للتحرير")
    assert window_b(seed_project, "T1", start, end) == "T1"  # B's label takes the freed id
    stack = window.workspace.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)

    (kept,) = stored(seed_project).spans
    assert (kept.id, kept.label, kept.start, kept.end) == ("T1", "PER", start, end)
    assert (stack.count(), stack.index()) == (1, 1)  # nothing undone: the step stays
    _refusal_shown(window, "span T1 was changed by another window or program since; nothing was undone")
    qtbot.waitUntil(lambda: [s.label for s in window.workspace.annotations.spans] == ["PER"], timeout=3000)


def test_undoing_a_delete_keeps_the_label_another_window_made_meanwhile(qtbot, window, seed_project):
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # the new label is selected: delete it
    assert stored(seed_project).spans == []
    start, end = at(window.view.text, "الجبهة الوطنية للتحرير")
    assert window_b(seed_project, "", start, end) == "T1"

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # bring back A's GPE

    spans = {s.label: s for s in stored(seed_project).spans}
    assert set(spans) == {"GPE", "PER"}  # both: A's came back under another id
    assert spans["PER"].id == "T1" and (spans["PER"].start, spans["PER"].end) == (start, end)
    assert spans["GPE"].id != "T1"
    assert window.view.text[spans["GPE"].start:spans["GPE"].end] == "حلب"

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo the delete
    assert [s.label for s in stored(seed_project).spans] == ["PER"]  # A's GPE, under its new id


def test_undo_refuses_when_another_window_put_another_label_in_the_same_place(qtbot, window, seed_project):
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    window_b(seed_project, "T1", *at(window.view.text, "حلب", "غربي مدينة"))  # B: same place, PER, T1
    stack = window.workspace.undo_stack

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)

    (kept,) = stored(seed_project).spans
    assert (kept.id, kept.label) == ("T1", "PER")
    assert stack.index() == 1
    _refusal_shown(window, "nothing was undone")


def test_undo_after_a_merge_replaced_the_label_leaves_the_merged_one(qtbot, tmp_path, seed_project):
    import shutil

    from tests.ui.conftest import shown_window

    other = tmp_path / "colleague.sqlite"
    shutil.copy(seed_project, other)  # the same document, before anyone labelled it
    window = shown_window(qtbot, seed_project)  # active: its keys work with no window manager
    _label(qtbot, window, "حلب", Qt.Key.Key_G, "غربي مدينة")
    start, end = at(window.view.text, "الجبهة الوطنية للتحرير")
    assert window_b(other, "", start, end) == "T1"  # the colleague's copy: T1 is a PER there
    merged = subprocess.run([sys.executable, "-m", "annotator", "merge", str(seed_project), str(other)],
                            capture_output=True, text=True, timeout=120)
    assert merged.returncode == 0, merged.stderr
    assert [(s.id, s.label) for s in stored(seed_project).spans] == [("T1", "PER")]

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)

    assert [(s.id, s.label) for s in stored(seed_project).spans] == [("T1", "PER")]
    assert window.workspace.undo_stack.index() == 1
    _refusal_shown(window, "span T1 was changed by another window or program since")
