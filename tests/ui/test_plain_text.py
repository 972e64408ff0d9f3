"""Text from files and schemas is shown literally everywhere in the window (issue 10, item 11).

A project whose labels, attributes, document ids, titles and annotator names hold markup is
opened in the real window; every widget that shows them must draw the markup as typed, never
render it (Qt guesses rich text for labels, tooltips, form rows and progress labels).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtGui import Qt as RichQt  # mightBeRichText lives in QtGui's Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from annotator.core.model import Annotations, Document, Span, Status
from annotator.core.schema import Schema
from annotator.core.schema_files import load_schema
from annotator.storage import ProjectStore
from annotator.ui.app import open_window
from tests.ui.conftest import panels_follow

MARKUP = '<b>X</b><img src="file:///etc/passwd">'
SPOOF = "<a href=x>spoof</a>"
LABEL = "R&D<b>X</b>"  # label names hold no spaces; the "&" would be a button's Alt+D
ATTRIBUTE = "<i>att</i>"
VALUE = "<b>v</b>"
DOC_ID = "<b>doc</b><img src=x>"
TITLE = f"{SPOOF} {MARKUP}"
ANNOTATOR = f"<b>amal</b>{SPOOF}"
OTHER = "<i>badr</i>"
HOSTILE = (MARKUP, SPOOF, LABEL, ATTRIBUTE, VALUE, DOC_ID, TITLE, ANNOTATOR, OTHER)
TEXT = "قالت المصادر إن القوات انسحبت من المدينة اليوم"


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt draws for ``text`` in a label or tooltip of this format."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and RichQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


def no_markup_rendered(root: QWidget) -> None:
    """Every label and tooltip under ``root`` that carries our markup draws it literally."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and "<" in widget.text():
            assert label_shows(widget) == widget.text(), widget.text()
        tip = widget.toolTip()  # tooltips are rich text whenever they look like it
        assert not any(text in tip for text in HOSTILE) or shown(tip) == tip, tip


def _schema() -> Schema:
    data = load_schema("arabic-news").to_json()
    data["labels"].append({"name": LABEL, "layer": "entity", "en": MARKUP, "ar": SPOOF, "color": "#ffcc00"})
    data["attributes"].append({"name": ATTRIBUTE, "layer": "entity", "en": MARKUP, "ar": SPOOF, "values": [VALUE]})
    return Schema.from_json(data)


def _work(annotator: str, extra: bool) -> Annotations:
    spans = [Span("T1", 0, 4, LABEL, {ATTRIBUTE: VALUE})]
    if extra:
        spans.append(Span("T2", 16, 22, LABEL))
    return Annotations(DOC_ID, annotator, Status.DONE, spans)


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.sqlite"
    store = ProjectStore.create(path, _schema())
    store.add_document(Document(DOC_ID, TEXT, {"title": TITLE, "source": MARKUP}))
    store.replace_annotations(_work(ANNOTATOR, extra=False))
    store.replace_annotations(_work(OTHER, extra=True))
    store.close()
    return path


@pytest.fixture
def window(qtbot, hostile):
    win = open_window(hostile, ANNOTATOR)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.documents_model.rowCount() > 0)  # listed after the first paint
    return win


def _span(window) -> Span:
    return window.workspace.annotations.span_map()["T1"]


def test_plain_text_document_list_tooltip_shows_the_id_literally(window):
    index = window.documents_table.model().index(0, 0)
    assert index.data() == TITLE
    assert shown(index.data(Qt.ItemDataRole.ToolTipRole)) == DOC_ID


def test_plain_text_palette_tooltip_and_button_show_the_label_literally(window):
    button = window.palette.buttons[LABEL]
    tip = shown(button.toolTip())
    assert MARKUP in tip and SPOOF in tip
    assert LABEL in button.text().replace("&&", "&")
    assert QKeySequence.mnemonic(button.text()).isEmpty()  # "R&D" grabs no Alt+D
    no_markup_rendered(window.palette)


def test_plain_text_inspector_attribute_rows_show_names_literally(qtbot, window):
    window.workspace.set_current(_span(window))
    panels_follow(qtbot, window)
    form = window.inspector.form
    rows = [form.itemAt(row, form.ItemRole.LabelRole) for row in range(form.rowCount())]
    texts = [label_shows(item.widget()) for item in rows if item is not None]
    assert MARKUP in texts  # the attribute's English name, drawn as typed
    title = form.itemAt(0, form.ItemRole.FieldRole).widget()
    assert LABEL in label_shows(title)
    box = window.inspector._boxes[ATTRIBUTE]
    assert box.currentText() == VALUE
    no_markup_rendered(window.inspector)


def test_plain_text_import_progress_label_shows_the_document_id_literally(qtbot, window, tmp_path):
    from annotator.ui.transfer import ImportOptions, start_import

    new_id = f"{MARKUP}-2"
    source = tmp_path / "more.jsonl"
    source.write_text(json.dumps({"id": new_id, "text": TEXT, "meta": {"title": SPOOF}}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    seen = []
    worker = start_import(window, [source], ImportOptions())

    def progress(*_) -> None:  # connected after the dialog's own slot: its label is set
        for dialog in window.findChildren(QProgressDialog):
            seen.extend(label_shows(label) for label in dialog.findChildren(QLabel))

    worker.signals.progress.connect(progress)
    with qtbot.waitSignal(worker.signals.finished, timeout=10000):
        pass
    assert any(new_id in text for text in seen), seen


def test_plain_text_annotation_list_and_hover_show_labels_literally(qtbot, window):
    panels_follow(qtbot, window)
    model = window.annotations_model
    assert model.index(0, 2).data() == LABEL
    tip = model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip is None or LABEL in shown(tip)
    hover = shown(window.view.tooltip_text([_span(window)]))
    assert LABEL in hover and MARKUP in hover and SPOOF in hover and f"{ATTRIBUTE}: {VALUE}" in hover
    no_markup_rendered(window)


def test_plain_text_agreement_view_shows_names_and_titles_literally(qtbot, window):
    from annotator.ui.agreement_view import AgreementDialog

    dialog = AgreementDialog(window.project_path, window.adjudicate_document, window)
    qtbot.addWidget(dialog)
    worker = dialog.compute()
    with qtbot.waitSignal(worker.signals.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: dialog.report is not None)
    pair = dialog.pair_box.itemText(0)
    assert ANNOTATOR in pair and OTHER in pair
    assert dialog.documents.item(0, 0).text() == TITLE
    assert ANNOTATOR in dialog.documents.item(0, 1).text()
    dialog.show()
    no_markup_rendered(dialog)


def test_plain_text_stats_view_titles_show_the_annotator_literally(qtbot, window):
    from annotator.ui.stats_view import StatsDialog

    dialog = StatsDialog(window.workspace.store, ANNOTATOR, window)
    qtbot.addWidget(dialog)
    title = dialog.charts["days"].getPlotItem().titleLabel.item.toPlainText()  # pyqtgraph titles are HTML
    assert ANNOTATOR in title
    no_markup_rendered(dialog)


def test_plain_text_adjudication_panel_shows_labels_and_annotators_literally(window):
    window.actions_by_name["adjudicate"].trigger()
    table = window.adjudication_panel.table
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert LABEL in cells
    assert any(ANNOTATOR in cell and OTHER in cell for cell in cells)
    no_markup_rendered(window.adjudication_panel)


def test_plain_text_context_menu_entries_grab_no_mnemonic(window):
    from annotator.ui.context_menu import context_menu

    menu = context_menu(window, 1)
    texts = []
    for action in menu.actions():
        texts += [a.text() for a in action.menu().actions()] if action.menu() else [action.text()]
    ours = [t.split("\t")[0] for t in texts if "R&" in t]
    assert ours and all(QKeySequence.mnemonic(t).isEmpty() and LABEL in t.replace("&&", "&") for t in ours)


def test_plain_text_import_error_box_quotes_the_file_literally(qtbot, window, tmp_path):
    from annotator.ui.transfer import ImportOptions, start_import

    bad = tmp_path / "bad.jsonl"
    record = {"id": "n", "text": TEXT, "spans": [{"start": 0, "end": 99, "label": LABEL}]}
    bad.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    worker = start_import(window, [bad], ImportOptions())
    with qtbot.waitSignal(worker.signals.failed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: isinstance(getattr(window, "last_error_box", None), QMessageBox))
    box = window.last_error_box
    assert box.textFormat() == Qt.TextFormat.PlainText
    no_markup_rendered(box)
    box.close()


def test_plain_text_recent_project_gone_is_named_literally_not_recreated(qtbot, window, tmp_path):
    from annotator.ui import app

    gone = tmp_path / f"{SPOOF.replace('/', '_')}.sqlite"
    seen = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.textFormat()))
            box.reject()

    QTimer.singleShot(50, answer)
    app.switch_project(window, gone)
    assert not gone.exists()
    ((text, text_format),) = seen
    assert str(gone) in shown(text, text_format)
