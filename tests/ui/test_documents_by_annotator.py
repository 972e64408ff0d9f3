"""The Documents list shows the statuses and label counts of the annotator chosen in
its dock (your own by default), so a lead can list another annotator's done articles;
the status filter reads the annotator shown, and your labels never change their rows."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from annotator.core.model import Status
from tests.helpers import project_from_jsonl
from tests.ui.conftest import drag_select, shown_window

TEXT = "قصفت قوات النظام مدينة حلب اليوم."


def _write_as_bilal(project) -> None:
    """Another annotator's work, written by another process while the window is open."""
    script = textwrap.dedent(f"""
        from pathlib import Path
        from annotator.core.model import Span, Status
        from annotator.storage import ProjectStore
        store = ProjectStore.open(Path({str(project)!r}))
        with store.atomic():
            store.save_span("d1", "bilal", Span("b1", 0, 4, "PER"))
            store.save_span("d1", "bilal", Span("b2", 23, 26, "GPE"))
            store.set_status("d1", "bilal", Status.DONE)
            store.set_status("d3", "bilal", Status.IN_PROGRESS)
        store.close()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def _listed(window) -> list[tuple[str, str, int]]:
    proxy = window.documents_filter
    rows = []
    for row in range(proxy.rowCount()):
        doc = proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
        rows.append((doc, proxy.index(row, 1).data(), proxy.index(row, 2).data()))
    return rows


def _choose(qtbot, combo, text_part: str) -> None:
    """Pick an entry the way a keyboard user does: focus the box, arrow down to it."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while text_part not in combo.currentText():
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text_part!r} not offered: {combo.currentText()!r}"


def test_the_list_shows_another_annotators_work_and_filters_by_their_status(qtbot, tmp_path, schema):
    lines = [{"id": f"d{n}", "text": TEXT, "meta": {"title": f"خبر {n}"}} for n in (1, 2, 3)]
    project = project_from_jsonl(tmp_path, schema, lines)
    window = shown_window(qtbot, project)
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 3, timeout=5000)
    combo = window.documents_panel.annotator_filter
    assert combo.count() == 1 and "amal" in combo.currentText()

    _write_as_bilal(project)
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=10_000)  # the window caught up
    _choose(qtbot, combo, "bilal")

    new, going, done = (window.status_filter.itemText(window.status_filter.findData(s))
                        for s in (Status.NEW, Status.IN_PROGRESS, Status.DONE))
    assert _listed(window) == [("d1", done, 2), ("d2", new, 0), ("d3", going, 0)]
    assert "bilal" in window.status_label.text()
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.DONE))
    assert [doc for doc, *_ in _listed(window)] == ["d1"]

    window.status_filter.setCurrentIndex(0)
    view = window.view
    start = view.text.index("حلب")
    drag_select(qtbot, view, start, start + 3)
    qtbot.keyClick(view, Qt.Key.Key_G)  # amal labels d1 while bilal's work is listed
    qtbot.waitUntil(lambda: not window.after_paint.pending(), timeout=2000)
    assert _listed(window)[0] == ("d1", done, 2)  # still bilal's row

    _choose(qtbot, combo, "amal")
    assert _listed(window) == [("d1", going, 1), ("d2", new, 0), ("d3", new, 0)]
    assert "bilal" not in window.status_label.text()


def _in_another_process(project, body: str) -> None:
    script = textwrap.dedent(f"""
        from pathlib import Path
        from annotator.core.model import Document, Span, Status
        from annotator.storage import ProjectStore
        store = ProjectStore.open(Path({str(project)!r}))
        with store.atomic():
    """) + textwrap.indent(textwrap.dedent(body), "    ") + "\nstore.close()\n"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_the_list_follows_another_programs_labels_and_new_documents(qtbot, tmp_path, schema):
    lines = [{"id": f"d{n}", "text": TEXT, "meta": {"title": f"خبر {n}"}} for n in (1, 2, 3)]
    project = project_from_jsonl(tmp_path, schema, lines)
    window = shown_window(qtbot, project)
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 3, timeout=5000)
    view = window.view
    start = view.text.index("حلب")

    _in_another_process(project, """
        store.save_span("d2", "amal", Span("x1", 0, 4, "PER"))
        store.set_status("d2", "amal", Status.DONE)
    """)
    drag_select(qtbot, view, start, start + 3)
    qtbot.keyClick(view, Qt.Key.Key_G)  # the window catches up before its own write
    qtbot.waitUntil(lambda: [row[2:] for row in window.documents_model.rows][1] == (Status.DONE, 1), timeout=5000)
    qtbot.waitUntil(lambda: window.documents_model.rows[0][2:] == (Status.IN_PROGRESS, 1), timeout=5000)

    _in_another_process(project, """
        store.add_document(Document("d4", "نص جديد", {"title": "خبر 4"}))
    """)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 4, timeout=5000)
    assert [row[0] for row in window.documents_model.rows] == ["d1", "d2", "d3", "d4"]
    qtbot.waitUntil(lambda: window.documents_model.rows[0][3] == 0, timeout=5000)  # the label deleted
    assert [row[2:] for row in window.documents_model.rows][1:] == [(Status.DONE, 1), (Status.NEW, 0), (Status.NEW, 0)]


def test_the_open_documents_row_is_highlighted_again_when_a_filter_shows_it_again(qtbot, tmp_path, schema):
    lines = [{"id": f"d{n}", "text": TEXT if n != 2 else "وصل الوفد إلى دمشق.", "meta": {"title": f"خبر {n}"}}
             for n in (1, 2, 3)]
    window = shown_window(qtbot, project_from_jsonl(tmp_path, schema, lines))
    table, dock = window.documents_table, window.documents_panel

    def highlighted() -> str | None:
        index = table.currentIndex()
        return index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    assert highlighted() == window.workspace.document.id == "d1"
    dock.search.setText("دمشق")  # d1 is hidden
    qtbot.waitUntil(lambda: [row[0] for row in _listed(window)] == ["d2"])
    dock.search.clear()
    qtbot.waitUntil(lambda: len(_listed(window)) == 3)
    assert highlighted() == "d1"
    _choose(qtbot, dock.status_filter, "done")  # none is done: every row hidden
    assert _listed(window) == []
    _choose(qtbot, dock.status_filter, "All")
    assert len(_listed(window)) == 3 and highlighted() == "d1"
