"""The open project as the window sees it: store, annotator, current document, undo.

Every change goes through ``push`` as a core command wrapped in a ``QUndoCommand``;
after each do or undo the workspace reloads from the store and broadcasts, so views
redraw from the file's state and never patch themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.commands import EditCommand, Editor, StatusCommand
from ..core.model import Annotations, Attribution, Document, Event, Span
from ..storage import ProjectStore

Item = Span | Event | Attribution


class CoreUndoCommand(QUndoCommand):
    """The one adapter between core commands and Qt's undo stack."""

    def __init__(self, workspace: Workspace, command: EditCommand | StatusCommand) -> None:
        super().__init__(command.text)
        self.workspace = workspace
        self.command = command

    def redo(self) -> None:
        self.command.do(self.workspace.store)
        self.workspace.after_change(self.command.document_id)

    def undo(self) -> None:
        self.command.undo(self.workspace.store)
        self.workspace.after_change(self.command.document_id)


class Workspace(QObject):
    documentOpened = Signal()
    annotationsChanged = Signal()
    currentChanged = Signal(object)  # the selected Span, Event, Attribution or None
    projectChanged = Signal()  # documents or statuses changed

    def __init__(self, store: ProjectStore, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.annotations: Annotations | None = None
        self.current: Item | None = None

    @property
    def schema(self):  # noqa: ANN201
        return self.store.schema

    def editor(self) -> Editor:
        assert self.document is not None
        return Editor(self.store, self.document.id, self.annotator)

    def open_document(self, document_id: str) -> None:
        self.document = self.store.document(document_id)
        self.annotations = self.store.annotations(document_id, self.annotator)
        self.current = None
        self.documentOpened.emit()
        self.currentChanged.emit(None)

    def set_annotator(self, name: str) -> None:
        """Work as another annotator (``gold`` while adjudicating); reloads the document."""
        self.annotator = name
        if self.document is not None:
            self.open_document(self.document.id)
        self.projectChanged.emit()

    def push(self, command) -> None:  # noqa: ANN001 - any core command with do/undo
        self.undo_stack.push(CoreUndoCommand(self, command))

    def after_change(self, document_id: str) -> None:
        if self.document is None or document_id != self.document.id:
            self.open_document(document_id)  # undo of a step made in another document
        else:
            self.annotations = self.store.annotations(document_id, self.annotator)
            self._refresh_current()
            self.annotationsChanged.emit()
        self.projectChanged.emit()

    def set_current(self, item: Item | None) -> None:
        self.current = item
        self.currentChanged.emit(item)

    def _refresh_current(self) -> None:
        """Keep the selection on the same item (by id) after a change, if it still exists."""
        if self.current is None or self.annotations is None:
            return
        kind = type(self.current)
        pool = {Span: self.annotations.spans, Event: self.annotations.events,
                Attribution: self.annotations.attributions}[kind]
        self.current = next((i for i in pool if i.id == self.current.id), None)
        self.currentChanged.emit(self.current)

    def parts_of(self, item: Item | None) -> list[Span]:
        """The spans that make up an item: itself, or an event's/attribution's parts."""
        if item is None or self.annotations is None:
            return []
        if isinstance(item, Span):
            return [item]
        spans = self.annotations.span_map()
        return [spans[i] for i in sorted(item.span_ids()) if i in spans]

    def describe(self, span: Span) -> list[str]:
        """What a span belongs to, for hover text."""
        if self.annotations is None:
            return []
        lines = []
        for user in self.annotations.users_of(span.id):
            if isinstance(user, Event):
                roles = [a.role for a in user.arguments if a.span == span.id]
                role = "trigger" if user.trigger == span.id else ", ".join(roles)
                lines.append(f"{user.id} {user.type}: {role}")
            else:
                part = next(p for p in ("source", "cue", "content") if getattr(user, p) == span.id)
                lines.append(f"{user.id} attribution: {part}")
        created = span.created or ""
        lines.append(f"annotator: {self.annotator}" + (f", {created[:16]}" if created else ""))
        return lines
