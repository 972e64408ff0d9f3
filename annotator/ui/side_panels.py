"""The panels beside the text, following every change of the open document.

They subscribe to the workspace's ``changed`` signal themselves. After an edit they
refresh once the text has been painted (``AfterPaint``): the text is what the
annotator watches after a hotkey, and repainting the lists in the same pass cost more
than a frame on a long article. After a reload or a new document they refresh at once
(rows queued before it apply to the rows before it, so those run first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QLabel, QTableView

from ..core.model import Attribution, Event, Span
from ..core.session import Change
from .after_paint import AfterPaint
from .documents_dock import DocumentsDock
from .i18n import tr
from .models import STATUS_TEXT, AnnotationListModel
from .panels import AttributionsPanel, EventsPanel, Inspector
from .workspace import Item, Workspace


class AnnotationPanels:
    """The annotation list, the events and attributions trees and the inspector."""

    def __init__(self, workspace: Workspace, after_paint: AfterPaint, model: AnnotationListModel,
                 table: QTableView, proxy: QSortFilterProxyModel, events: EventsPanel,
                 attributions: AttributionsPanel, inspector: Inspector,
                 status: Callable[[], None]) -> None:
        self.workspace, self.after_paint = workspace, after_paint
        self.model, self.table, self.proxy = model, table, proxy
        self.events, self.attributions, self.inspector = events, attributions, inspector
        self.update_status = status
        self._edits = 0
        self._shown_items: tuple = ()
        workspace.changed.connect(self.follow)
        workspace.currentChanged.connect(
            lambda item: after_paint.add("current", lambda: self.show_current(item), last=True))

    def follow(self, change: Change) -> None:
        ws = self.workspace
        if ws.document is None or ws.annotations is None:
            return
        if change.opened:
            self.after_paint.flush()  # the previous document's pending rows first
            self.refresh(lists=True)
            return
        delta = change.delta
        if delta is None:  # a reload: rows queued before it apply to the rows before it
            self.after_paint.flush()
            self.model.update_spans(ws.annotations.spans)
            self.refresh(lists=False)
            return
        self._edits += 1
        spans = ws.annotations.spans
        self.after_paint.add(("rows", self._edits), lambda: self.model.update_spans(spans, delta))
        self.after_paint.add("panels", lambda: self.refresh(lists=False))

    def refresh(self, lists: bool) -> None:
        ws = self.workspace
        text = ws.document.text
        if lists:
            self.model.set_spans(ws.annotations.spans, text, ws.schema)
        shown = (tuple(ws.annotations.events), tuple(ws.annotations.attributions), ws.document.id)
        if lists or shown != self._shown_items:  # the trees only when events/attributions changed
            self._shown_items = shown
            self.events.show_events(ws.annotations, text, ws.schema)
            self.attributions.show_attributions(ws.annotations, text)
            self._select_in_trees(ws.current)  # the rebuilt rows keep the highlight
        self.update_status()

    def show_current(self, item: Item | None) -> None:
        ws = self.workspace
        self.inspector.show_item(item, ws.schema, ws.document.text if ws.document else "")
        self._select_in_trees(item)
        if isinstance(item, Span):
            row = self.model.row_of(item.id)
            if row >= 0:
                self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def _select_in_trees(self, item: Item | None) -> None:
        if isinstance(item, Event):
            self.events.select(item)
        elif isinstance(item, Attribution):
            self.attributions.select(item)


class DocumentsPanel:
    """The documents list (its open row, statuses and counts) and the status line."""

    def __init__(self, workspace: Workspace, after_paint: AfterPaint, dock: DocumentsDock,
                 status_label: QLabel) -> None:
        self.workspace, self.after_paint, self.dock = workspace, after_paint, dock
        self.model, self.table, self.proxy = dock.model, dock.table, dock.proxy
        self.status_label = status_label
        self._listed: tuple[int, int] | None = None  # store.documents_signature() of the rows listed
        workspace.changed.connect(self.follow)
        dock.annotatorChosen.connect(self._show_work)
        dock.filtered.connect(self._select_open_row)

    def follow(self, change: Change) -> None:
        if change.reloaded:
            self.refresh()  # another program's write, or a step elsewhere
        elif not change.opened:
            self.after_paint.add("touched", self._touched_row)  # only this document's row
        if change.opened:
            self._select_open_row()

    def refresh(self) -> None:
        """After another program's write (or a step elsewhere): the same documents
        (most writes are labels) cost only the statuses and counts; new ones, a new list."""
        ws = self.workspace
        self.dock.set_annotators(ws.annotator, [name for name in ws.store.annotators() if name != ws.annotator])
        signature = ws.store.documents_signature()
        if self.model.rows and signature == self._listed:
            self._show_work()
            return
        read = {row[0]: row[1] for row in self.model.rows if row[1] is not None}  # titles already read
        rows = ws.store.document_overview(self._shown(), titles=False)
        self.model.titles_of = ws.store.document_titles
        self.model.set_rows([(doc, read.get(doc), status, count) for doc, _, status, count in rows]
                            if read else rows)
        self._listed = signature
        self._after_rows()

    def _show_work(self) -> None:
        """Another annotator's work chosen (or one's own again): their statuses and
        counts in the rows already listed."""
        self.model.set_work(*self.workspace.store.annotator_work(self._shown()))
        self._after_rows()

    def _after_rows(self) -> None:
        if self.workspace.document is not None:
            self._select_open_row()
        self.update_status()

    def _shown(self) -> str:
        """Whose work the list shows."""
        return self.dock.shown_annotator() or self.workspace.annotator

    def _touched_row(self) -> None:
        ws = self.workspace
        if ws.document is not None and ws.annotations is not None and self._shown() == ws.annotator:
            self.model.update_row(ws.document.id, ws.annotations.status, len(ws.annotations.spans))
        self.update_status()

    def _select_open_row(self) -> None:
        if self.workspace.document is None:
            return
        row = self.model.row_of(self.workspace.document.id)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def update_status(self) -> None:
        rows, done = self.model.rows, self.model.done
        own = self._shown() == self.workspace.annotator
        corpus = (tr("Corpus: {done}/{total} done ({percent}%)") if own
                  else tr("Corpus, work of {name}: {done}/{total} done ({percent}%)")).format(
            name=self._shown(), done=done, total=len(rows), percent=100 * done // max(1, len(rows)))
        ws = self.workspace
        if ws.document is None or ws.annotations is None:
            self.status_label.setText(corpus)
            return
        position = max(self.model.row_of(ws.document.id), 0) + 1
        self.status_label.setText(
            tr("Document {position}/{total} · labels: {labels} · events: {events} · {status}").format(
                position=position, total=len(rows), labels=len(ws.annotations.spans),
                events=len(ws.annotations.events), status=tr(STATUS_TEXT[ws.annotations.status]))
            + f"   |   {corpus}"
        )
