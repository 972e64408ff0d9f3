from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from annotator.core.model import Status
from tests.helpers import seed_annotations


def computed_agreement(qtbot, window, names, relabel: dict[str, str] | None = None, unfinished: bool = False):
    """The agreement dialog over the seed labels of ``names`` on the open document
    (done; ``relabel``: an annotator whose fourth span takes another label), computed."""
    from annotator.ui.agreement_view import AgreementDialog

    store, doc = window.workspace.store, window.workspace.document
    for name in names:
        work = seed_annotations(doc.text, doc.id, name)
        work.status = Status.DONE
        if name in (relabel or {}):
            work.spans[3] = replace(work.spans[3], label=relabel[name])
        store.replace_annotations(work)
    dialog = AgreementDialog(window.project_path, window.adjudicate_document, window)
    qtbot.addWidget(dialog)
    dialog.unfinished.setChecked(unfinished)
    with qtbot.waitSignal(dialog.compute().signals.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: dialog.report is not None)
    return dialog


def test_agreement_view_computes_off_thread_and_opens_documents(qtbot, window):
    dialog = computed_agreement(qtbot, window, ("amal", "badr", "carim"), relabel={"badr": "LOC"})
    assert dialog.pair_box.count() == 3
    assert dialog.kappa_matrix.shape == (3, 3)
    assert dialog.confusion_matrix.sum() > 0
    assert dialog.documents.rowCount() == 1
    assert "amal" in dialog.summary.toPlainText()
    opened = []
    window.workspace.changed.connect(lambda change: change.opened and opened.append(window.workspace.annotator))
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.documents
    table.scrollToItem(table.item(0, 0))
    where = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click's press
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # activating it again opens nothing more
    assert window.workspace.annotator == "gold" and window.docks["adjudication"].isVisible()
    assert opened == ["gold"]  # one load, already as gold


def test_agreement_documents_headers_are_shown_whole_in_arabic(qtbot, window, arabic):
    """Each figure's column is as wide as its header («F1 للمقاطع (تطابق تام)» was cut
    in the middle), and the title column takes the room left."""
    from PySide6.QtGui import QFontMetrics

    dialog = computed_agreement(qtbot, window, ("amal", "badr"))
    dialog.resize(900, 500)
    dialog.tabs.setCurrentWidget(dialog.documents)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, header = dialog.documents, dialog.documents.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for column in range(1, table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text
    used = sum(header.sectionSize(c) for c in range(table.columnCount()))
    assert used >= table.viewport().width() - 2  # no empty half
