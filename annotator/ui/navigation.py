"""Moving around: opening documents (a damaged one refused, the open one kept), the
next or previous document or label, and a label chosen in the annotation list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt

from ..core.model import Span, Status
from ..errors import AnnotatorError, ProjectError
from .error_text import error_text
from .i18n import tr
from .models import DocumentListModel
from .text_view import AnnotationTextView
from .workspace import Workspace


class Navigator:
    def __init__(self, workspace: Workspace, view: AnnotationTextView, documents: DocumentListModel,
                 refuse: Callable[[AnnotatorError], None], report: Callable[[str], None]) -> None:
        self.workspace, self.view, self.documents = workspace, view, documents
        self.refuse, self.report = refuse, report

    def open_document(self, document_id: str) -> bool:
        """Open a document; a damaged one is refused with its reason, and the document
        that was open stays open (a bad row must not stop work on the others)."""
        try:
            self.workspace.open_document(document_id)
        except AnnotatorError as error:
            self.refuse(error)
            return False
        return True

    def open_first_document(self) -> None:
        """The first document that opens; the damaged ones before it are named."""
        refused: list[str] = []
        for document_id in self.workspace.store.document_ids():
            try:
                self.workspace.open_document(document_id)
            except AnnotatorError as error:
                refused.append(error_text(error))
                continue
            break
        if refused:
            more = len(refused) - 5
            self.refuse(ProjectError("\n\n".join(refused[:5]) + (
                "\n\n" + tr("… and {count} more").format(count=more) if more > 0 else "")))

    def document_chosen(self, index: QModelIndex) -> None:
        doc_id = index.data(Qt.ItemDataRole.UserRole)
        if doc_id and (self.workspace.document is None or doc_id != self.workspace.document.id):
            self.open_document(doc_id)

    def step_document(self, step: int, not_done: bool = False) -> None:
        rows = self.documents.rows
        if not rows:
            return
        ids = [r[0] for r in rows]
        here = ids.index(self.workspace.document.id) if self.workspace.document else -1
        for offset in range(1, len(ids) + 1):
            candidate = rows[(here + step * offset) % len(ids)]
            if not not_done or candidate[2] is not Status.DONE:
                self.open_document(candidate[0])
                return
        self.report(tr("Every document is done."))

    def step_span(self, step: int) -> None:
        """Tab / Shift+Tab: the next or previous span in text order."""
        annotations = self.workspace.annotations
        if not annotations or not annotations.spans:
            return
        ordered = sorted(annotations.spans, key=lambda s: (s.start, -s.end, s.id))
        current = self.workspace.current
        index = next((i for i, s in enumerate(ordered) if isinstance(current, Span) and s.id == current.id), None)
        index = (0 if step > 0 else len(ordered) - 1) if index is None else (index + step) % len(ordered)
        self.show_span(ordered[index])

    def span_chosen(self, index: QModelIndex) -> None:
        """A row of the annotation list: its span, shown and selected."""
        span = self.workspace.annotations.span(index.data(Qt.ItemDataRole.UserRole))
        if span is not None:
            self.show_span(span)

    def span_clicked(self, span_id: str) -> None:
        annotations = self.workspace.annotations
        span = annotations.span(span_id) if annotations else None
        if span is not None:
            self.workspace.set_current(span)

    def show_span(self, span: Span) -> None:
        self.view.select_offsets(span.start, span.end)  # scrolls to it
        self.view.clear_selection()
        self.workspace.set_current(span)
