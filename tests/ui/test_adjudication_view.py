from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from annotator.cli import run
from tests.helpers import seed_annotations
from tests.ui.conftest import stored


def _three_annotators(window):
    store = window.workspace.store
    doc = window.workspace.document
    for name in ("amal", "badr", "carim"):
        work = seed_annotations(doc.text, doc.id, name)
        if name == "badr":
            work.spans[3] = replace(work.spans[3], label="LOC")
        store.replace_annotations(work)
    window.workspace.open_document(doc.id)


def test_adjudication_accept_agreed_reject_and_undo(qtbot, window, seed_project, tmp_path):
    _three_annotators(window)
    window.actions_by_name["adjudicate"].trigger()
    assert window.workspace.annotator == "gold" and window.docks["adjudication"].isVisible()
    panel = window.adjudication_panel
    agreements = {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())}
    assert agreements == {"all", "conflict"}
    assert window.view.marks  # candidates are marked under the text
    panel.buttons["agreed"].click()
    gold = stored(seed_project, "gold")
    assert len(gold.spans) == 8 and gold.attributions and not gold.events
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 2).text() == "LOC")
    panel.table.setCurrentCell(row, 0)
    panel.buttons["reject"].click()
    assert panel.table.item(row, 5).text() == "rejected"
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 2).text() == "GPE")
    panel.table.setCurrentCell(row, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(seed_project, "gold").spans) == 9
    window.workspace.undo_stack.undo()  # the GPE
    window.workspace.undo_stack.undo()  # the rejection
    window.workspace.undo_stack.undo()  # all agreed, one step
    assert stored(seed_project, "gold").is_empty()
    window.workspace.undo_stack.redo()
    out = tmp_path / "gold.conll"
    assert run(["export", str(seed_project), "-o", str(out), "--format", "conll", "--annotator", "gold"]) == 0
    assert "B-ORG" in out.read_text(encoding="utf-8")
    window.actions_by_name["adjudicate"].trigger()
    assert window.workspace.annotator == "amal"
