"""Opening, reopening, lists, workers, dialogs and the text view's offsets."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.model import Document
from annotator.storage import ProjectStore
from annotator.ui.app import open_window
from tests.helpers import at, seed_annotations
from tests.ui.conftest import drag_select, shown_window, stored


def test_window_emoji_text_selects_in_code_points(qtbot, tmp_path, schema):
    path = tmp_path / "emoji.sqlite"
    text = "خبر 😀😀 عاجل: انسحبت قوات النظام من المدينة 👍🏽 اليوم"
    store = ProjectStore.create(path, schema)
    store.add_document(Document("e", text, {"title": "emoji"}))
    store.close()
    window = shown_window(qtbot, path)  # active: its keys work with no window manager
    start, end = at(text, "قوات النظام")
    drag_select(qtbot, window.view, start, end)
    assert window.view.selection_offsets() == (start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_O)
    (span,) = stored(path).spans
    assert text[span.start : span.end] == "قوات النظام"
    rects = window.view.span_rects(span)
    assert rects and rects[0].width() > 20


def test_window_close_and_reopen_finds_everything(qtbot, seed_project):
    window = open_window(seed_project, "amal")
    qtbot.addWidget(window)
    text = window.workspace.document.text
    store = window.workspace.store
    work = seed_annotations(text, window.workspace.document.id, "amal")
    store.replace_annotations(work)
    window.close()
    again = open_window(seed_project, "amal")
    qtbot.addWidget(again)
    assert len(again.workspace.annotations.spans) == len(work.spans)
    assert again.events_panel.tree.topLevelItemCount() == 1
    assert again.attributions_panel.tree.topLevelItemCount() == 1
    assert again.annotations_model.rowCount() == len(work.spans)


def test_window_models_pass_the_model_tester(qtmodeltester, window):
    store = window.workspace.store
    store.replace_annotations(seed_annotations(window.workspace.document.text, window.workspace.document.id, "amal"))
    window.workspace.open_document(window.workspace.document.id)
    qtmodeltester.check(window.documents_model)
    qtmodeltester.check(window.annotations_model)
    qtmodeltester.check(window.annotations_proxy)


def test_window_document_filter_by_status_and_text(qtbot, window):
    window.document_search.setText("كفرحلب")
    qtbot.waitUntil(lambda: window.documents_filter.rowCount() == 1)
    window.document_search.setText("نص غير موجود")
    qtbot.waitUntil(lambda: window.documents_filter.rowCount() == 0)
    window.document_search.setText("الاسمنت")  # the text has «الإسمنت»: Arabic-aware matching
    qtbot.waitUntil(lambda: window.documents_filter.rowCount() == 1)
    window.document_search.clear()
    window.status_filter.setCurrentIndex(window.status_filter.findData(window.documents_model.rows[0][2]))
    assert window.documents_filter.rowCount() == 1


def test_window_titles_from_files_shown_as_plain_text(qtbot, tmp_path, schema):
    path = tmp_path / "hostile.sqlite"
    store = ProjectStore.create(path, schema)
    title = '<img src="file:///etc/passwd"><b>bold</b>'
    store.add_document(Document("h", "نص قصير", {"title": title}))
    store.close()
    window = open_window(path, "amal")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 1)  # listed after the first paint
    assert window.documents_model.index(0, 0).data() == title
    assert title in window.windowTitle()


def test_window_import_runs_in_worker_with_progress(qtbot, window, tmp_path):
    from annotator.ui.transfer import ImportOptions, start_import

    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(5):
        (folder / f"n{i}.txt").write_text(f"عنوان {i}\nنص الخبر رقم {i}", encoding="utf-8")
    progress = []
    worker = start_import(window, [folder], ImportOptions())
    worker.signals.progress.connect(lambda done, total, message: progress.append(done))
    with qtbot.waitSignal(worker.signals.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 6)
    assert progress and max(progress) == 5


def test_window_import_error_shows_dialog_and_keeps_running(qtbot, window, tmp_path, seed_project):
    from annotator.ui.transfer import ImportOptions, start_import

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "سليم"}\n{"text": "نص", "spans": [{"start": 0, "end": 99, "label": "ORG"}]}\n',
                   encoding="utf-8")
    worker = start_import(window, [bad], ImportOptions())
    with qtbot.waitSignal(worker.signals.failed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: isinstance(getattr(window, "last_error_box", None), QMessageBox))
    box = window.last_error_box
    assert f"{bad}:2" in box.text() and "outside the text" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    assert window.documents_model.rowCount() == 1  # nothing imported, window still working
    store = ProjectStore.open(seed_project)
    assert store.count_documents() == 1
    store.close()


def test_window_export_runs_in_worker(qtbot, window, tmp_path):
    from annotator.formats.registry import ExportOptions
    from annotator.ui.transfer import start_export

    window.workspace.store.replace_annotations(
        seed_annotations(window.workspace.document.text, window.workspace.document.id, "amal"))
    out = tmp_path / "out.jsonl"
    worker = start_export(window, out, ExportOptions("jsonl"))
    with qtbot.waitSignal(worker.signals.finished, timeout=10000):
        pass
    assert '"annotator": "amal"' in out.read_text(encoding="utf-8")


def test_window_statistics_dialog_charts(qtbot, window):
    from annotator.ui.stats_view import StatsDialog

    store = window.workspace.store
    store.replace_annotations(seed_annotations(window.workspace.document.text, window.workspace.document.id, "amal"))
    dialog = StatsDialog(store, "amal", window)
    qtbot.addWidget(dialog)
    heights = list(dialog.charts["labels"].bars.opts["height"])
    assert sum(heights) == store.count("spans")


def test_window_demo_opens_without_a_project(qtbot, tmp_path, monkeypatch):
    from annotator.ui import app

    monkeypatch.setattr(app, "data_dir", lambda: tmp_path / "data")
    window = app.open_window(None, "amal")
    qtbot.addWidget(window)
    assert window.workspace.document.id == "aleppo-2020-02-02"
    assert window.workspace.store.count_documents() == 4
    assert (tmp_path / "data" / "demo.sqlite").exists()


def test_window_demo_shows_a_newcomer_worked_examples_with_named_labels(qtbot, tmp_path, monkeypatch):
    """A newcomer's first look: labels they can see at once (nested entities, an event
    with its roles, an attribution; the AQMAR articles' entities), and every label of
    the palette named in both languages (no raw «MIS1 · MIS1»)."""
    from annotator.core.structure import links_of, nesting_depths
    from annotator.ui import app

    monkeypatch.setattr(app, "data_dir", lambda: tmp_path / "data")
    window = app.open_window(None, "newcomer")
    qtbot.addWidget(window)
    work = window.workspace.annotations
    schema = window.workspace.schema
    assert work.annotator == "newcomer" and work.spans and work.attributions
    (event,) = work.events
    assert {link.role for link in links_of(work, event)} >= {"Attacker", "Target"}
    assert any(depth > 0 for depth in nesting_depths(work.spans, schema.layer_of).values())
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 4)
    assert all(row[3] > 0 for row in window.documents_model.rows)  # every article shows its labels
    assert all(label.en and label.ar for label in schema.labels.values()), [
        name for name, label in schema.labels.items() if not (label.en and label.ar)]
    window.close()
    again = app.open_window(None, "newcomer")  # once: the newcomer's own work is kept as it is
    qtbot.addWidget(again)
    assert len(again.workspace.annotations.spans) == len(work.spans)


def test_window_hover_text_names_label_annotator_and_event(window):
    store = window.workspace.store
    doc = window.workspace.document
    store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))
    window.workspace.open_document(doc.id)
    spans = window.workspace.annotations.span_map()
    html = window.view.tooltip_text([spans["T1"]])
    label = window.workspace.schema.label("ORG")
    assert "ORG" in html and label.en in html and label.ar in html
    assert "E1 Conflict.Attack: Attacker" in html and "A1 attribution: source" in html
    assert "annotator: amal" in html
    from annotator.ui.i18n import install_translators

    install_translators(QApplication.instance(), "ar")
    try:
        arabic = window.view.tooltip_text([spans["T1"]])
    finally:
        install_translators(QApplication.instance(), "en")
    assert "الإسناد A1: المصدر" in arabic and "الموسِّم: amal" in arabic and "بكوالتر:" in arabic


def test_window_selecting_event_outlines_all_parts(window):
    store = window.workspace.store
    doc = window.workspace.document
    store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))
    window.workspace.open_document(doc.id)
    event = window.workspace.annotations.events[0]
    window.events_panel.tree.setCurrentItem(window.events_panel.tree.topLevelItem(0))
    assert window.workspace.current == event
    assert {s.id for s in window.view.outlined} == {"T1", "T2", "T3", "T4"}


def test_window_does_not_import_torch_at_start_up():
    code = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from annotator.ui.app import open_window
        import tempfile, pathlib
        from annotator.ui import app as ui_app
        ui_app.data_dir = lambda: pathlib.Path(tempfile.mkdtemp())
        window = open_window(None, "amal")
        window.show()
        app.processEvents()
        print("torch" in sys.modules, "transformers" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["False", "False"]


def test_pyside_pin_survives_many_void_calls():
    """KNOWN-ISSUES: PySide6 6.12.0 drops None's refcount per void call and aborts 3.11."""
    code = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6 import QtGui, QtWidgets
        app = QtWidgets.QApplication([])
        doc = QtGui.QTextDocument("x" * 100)
        cursor = QtGui.QTextCursor(doc)
        fmt = QtGui.QTextCharFormat()
        before = sys.getrefcount(None)
        for _ in range(20000):
            cursor.setPosition(5)
            fmt.setBackground(QtGui.QColor("red"))
        print(sys.getrefcount(None) - before)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the interpreter aborted: {result.stderr[-500:]}"
    assert abs(int(result.stdout.split()[-1])) < 1000


def test_window_shortcuts_are_unique(window):
    from PySide6.QtGui import QAction

    seen = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} is both {seen[key]!r} and {action.text()!r}"
            seen[key] = action.text()
    assert "Alt+A" in seen and "Ctrl+Z" in seen and "Ctrl+1" in seen


def test_window_panel_shortcut_moves_focus(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.docks["documents"].isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.view


def test_window_find_bar_arabic_aware_with_exact_places(qtbot, window):
    text = window.view.text
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.query.setText("الاسمنت")  # QTest cannot type non-Latin keys
    (match,) = window.find_bar.matches
    assert text[match[0]:match[1]] == "الإسمنت"
    assert window.view.selection_offsets() == match
    assert len(window.view.extraSelections()) == 1
    normalised = window.find_bar._normalised[1]
    window.find_bar.query.setText("قوات النظام")
    assert len(window.find_bar.matches) == text.count("قوات النظام")
    assert window.find_bar._normalised[1] is normalised  # the text is normalised once, not per key
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.extraSelections() == []


def test_window_notices_writes_by_another_program(qtbot, window, seed_project):
    from annotator.core.commands import Editor

    other = ProjectStore.open(seed_project, backup=False)
    doc = window.workspace.document
    Editor(other, doc.id, "amal").add_span(0, 4, "GPE").do(other)
    other.close()
    qtbot.waitUntil(lambda: len(window.workspace.annotations.spans) == 1, timeout=5000)
    assert window.annotations_model.rowCount() == 1
    (span,) = window.workspace.annotations.spans
    window.workspace.set_current(span)
    other = ProjectStore.open(seed_project, backup=False)
    Editor(other, doc.id, "amal").remove_span(span.id).do(other)
    other.close()
    qtbot.waitUntil(lambda: not window.workspace.annotations.spans, timeout=5000)
    assert window.workspace.current is None  # the selection follows the reload


def _answer_restore(qtbot, press: str) -> list[str]:
    """Answer the restore confirmation as a user does: Enter (its default), or a click on
    Restore; returns what the box said."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    said: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        said.append(box.text())
        if press == "enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            restore = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
            qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return said


def test_window_restore_backup_says_what_it_drops_and_enter_keeps_the_work(qtbot, seed_project, monkeypatch):
    """One Enter after choosing the backup used to restore at once; the box now says
    what restoring drops, and its default is Cancel."""
    from PySide6.QtWidgets import QInputDialog

    from annotator.storage.backup import make_backup
    from annotator.ui import app

    make_backup(seed_project, reason="manual")
    window = open_window(seed_project, "amal")
    qtbot.addWidget(window)
    doc = window.workspace.document
    window.workspace.store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    said = _answer_restore(qtbot, "enter")
    app.restore_dialog(window)
    assert said and "restoring it would drop" in said[0] and "spans" in said[0]
    assert app._windows[-1] is window and window.workspace.store.annotations(doc.id, "amal").spans


def test_window_restore_backup_reopens_the_earlier_state(qtbot, seed_project, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from annotator.storage.backup import make_backup
    from annotator.ui import app

    make_backup(seed_project, reason="manual")
    window = open_window(seed_project, "amal")  # closed (and deleted) by the restore itself
    doc = window.workspace.document
    window.workspace.store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))
    window.set_adjudication(True)  # working as gold when the restore is asked for
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    _answer_restore(qtbot, "restore")
    app.restore_dialog(window)
    reopened = app._windows[-1]
    qtbot.addWidget(reopened)
    assert reopened is not window and reopened.workspace.annotations.spans == []
    assert reopened.own_name == reopened.workspace.annotator == "amal"  # not "gold"


def test_window_sets_loaded_data_aside_from_the_cycle_collector(qtbot, seed_project):
    import gc

    from annotator.ui.app import open_window

    gc.unfreeze()
    win = open_window(seed_project, "amal")
    qtbot.addWidget(win)
    assert gc.get_freeze_count() > 0  # a full collection would walk the document's objects
    gc.unfreeze()
    win.workspace.open_document(win.workspace.store.document_ids()[0])
    assert gc.get_freeze_count() > 0  # opening a document sets its data aside again


def test_window_annotation_list_in_text_order_with_text_and_label_first(window):
    store, doc = window.workspace.store, window.workspace.document
    store.replace_annotations(seed_annotations(doc.text, doc.id, "amal"))
    window.workspace.open_document(doc.id)
    table, proxy = window.annotations_table, window.annotations_proxy
    starts = [proxy.index(row, 0).data(Qt.ItemDataRole.EditRole) for row in range(proxy.rowCount())]
    assert starts == sorted(starts) and len(starts) > 3
    header = table.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(3)] == [1, 2, 0]  # text, label, position


def test_window_first_start_fits_the_screen(qtbot, seed_project):
    """On a 1366x768 screen a 1400x900 window hid the File menu and the palette (the
    right side, where a right-to-left window starts)."""
    window = open_window(seed_project, "amal")
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.contains(window.geometry()), (room, window.geometry())


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "doccano", "doccano-relations", "prodigy", "spacy"])
def test_window_export_offers_a_name_the_import_reads_back(window, monkeypatch, fmt):
    """«export.prodigy» was offered, which neither the window's import nor the CLI could
    tell the format of; a JSONL shape is offered as .jsonl."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from annotator.formats.registry import EXPORT_FORMATS, ExportOptions, detect_format
    from annotator.ui import app, transfer

    offered = []
    monkeypatch.setattr(transfer.ExportOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(transfer.ExportOptionsDialog, "options", lambda self: ExportOptions(fmt))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (offered.append(a[2]), ("", ""))[1])
    app.export_dialog(window)
    (name,) = offered
    assert fmt in EXPORT_FORMATS
    if fmt == "spacy":
        assert name.endswith(".spacy")
    else:
        assert detect_format(Path(name)) == ("conll" if fmt == "conll" else "jsonl")


def test_window_half_a_screen_wide_shrinks_the_docks_not_the_text(qtbot, seed_project):
    """At 800 pixels the docks kept their widths and the text was a column of one or two
    letters, its words broken apart."""
    window = shown_window(qtbot, seed_project)
    window.resize(800, 880)
    qtbot.waitUntil(lambda: window.width() <= 800)
    assert window.view.width() >= 250  # a few Arabic words a line
