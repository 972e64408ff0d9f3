"""View > Show annotator: another annotator's labels on the open document, read-only,
in a window of its own that can stand beside the main one; and File > Change my name.

The viewer holds no session: it reads the other annotator's stored labels each time
the main window opens a document or notices a write (its own, another window's, the
CLI's), so it never offers an edit and never holds anything back from the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..core.session import Change
from ..errors import AnnotatorError
from .error_text import error_text
from .i18n import ltr, tr
from .text_view import AnnotationTextView, tooltip_html
from .workspace import Workspace

if TYPE_CHECKING:
    from .main_window import MainWindow


class AnnotatorViewer(QWidget):
    """Another annotator's labels on the document open in ``workspace``."""

    def __init__(self, workspace: Workspace, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)
        self.chooser = QComboBox()
        self.chooser.addItems(names)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.view = AnnotationTextView()
        self.view.tooltip_text = lambda spans: tooltip_html(
            spans, workspace.schema, lambda span: [],
            lambda span: self.view.text[span.start:span.end])
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Annotator:")))
        top.addWidget(self.chooser, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.note)
        column.addWidget(self.view, 1)
        self.chooser.currentTextChanged.connect(lambda _: self.reload())
        workspace.changed.connect(self._follow)
        self.resize(700, 800)
        self.reload()

    def annotator(self) -> str:
        return self.chooser.currentText()

    def _follow(self, change: Change) -> None:
        if change.opened or change.reloaded or change.document is None:
            self.reload()

    def reload(self) -> None:
        """Read the chosen annotator's labels on the main window's document again."""
        document, name = self.workspace.document, self.annotator()
        if document is None or not name:
            return
        try:
            annotations = self.workspace.store.annotations(document.id, name)
        except AnnotatorError as error:
            self.note.setText(error_text(error))
            return
        self.view.show_document(document, annotations, self.workspace.schema)
        self.view.finish_formatting()
        self.setWindowTitle(tr("{annotator}'s labels (read-only) — {document}").format(
            annotator=name, document=document.title))
        self.note.setText(tr("{count} labels, status: {status}").format(
            count=len(annotations.spans), status=tr(annotations.status.value.replace("_", " "))))


def show_annotator(window: MainWindow) -> AnnotatorViewer | None:
    """View > Show annotator…: a read-only window on another annotator's labels."""
    workspace = window.workspace
    names = [n for n in workspace.store.annotators() if n != workspace.annotator]
    if not names:
        window.show_message(tr("No other annotator has labels in this project."))
        return None
    viewer = AnnotatorViewer(workspace, names, window)
    window.open_dialogs["annotator"] = viewer
    viewer.show()
    return viewer


def change_name(window: MainWindow) -> None:
    """File > Change my name…: labels from now on are recorded under the new name;
    those already made keep the name they were made with (View > Show annotator)."""
    old = window.own_name
    name, accepted = QInputDialog.getText(window, tr("Change my name"),
                                          tr("Your name (recorded with every label you make):"), text=old)
    name = name.strip()
    if not accepted or not name or name == old:
        return
    QSettings().setValue("annotator/name", name)
    working_as_self = not window.adjudicating()
    window.own_name = name
    if working_as_self:
        window.set_adjudication(False)  # work as oneself: now the new name
    window.show_message(tr("From now on your labels are recorded as {new}; those made as {old} keep that "
                           "name (View > Show annotator shows them).").format(new=ltr(name), old=ltr(old)))
