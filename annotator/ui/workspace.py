"""The open project as the window sees it: the Qt adapter of ``core.session.Session``.

Every change goes through the session (``push``, ``undo``, ``redo``, ``catch_up``,
``open_document``); each ``Change`` it returns is broadcast once, as ``changed``, to
whoever subscribed (the text view, the side panels, suggestions, adjudication). The
selection (``current``) is the window's, so it lives here, not in the session.

Qt's undo stack mirrors the session's history for the Edit menu (names, enabled
state): one stack entry per session step, moved only after the session has done the
work in the file. Qt's own calls to an entry's ``undo``/``redo`` (from code that drives
the stack directly) go to the session too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.commands import Command, StepName, as_step
from ..core.model import Annotations, Attribution, Document, Event, Span
from ..core.schema import Schema
from ..core.session import Change, Session
from ..errors import AnnotatorError
from ..storage import ProjectStore
from .i18n import tr
from .step_names import step_name

Item = Span | Event | Attribution


class MirrorStep(QUndoCommand):
    """One session step on Qt's stack: named for the Edit menu, its work done by the
    session (nothing while the workspace moves the stack after the fact)."""

    def __init__(self, workspace: Workspace, name: StepName) -> None:
        super().__init__(step_name(name))
        self.workspace = workspace

    def redo(self) -> None:
        if not self.workspace.stack_only:
            self.workspace.step_in_session(undo=False)

    def undo(self) -> None:
        if not self.workspace.stack_only:
            self.workspace.step_in_session(undo=True)


class Workspace(QObject):
    changed = Signal(object)  # a core.session.Change: what the last step did
    currentChanged = Signal(object)  # the selected Span, Event, Attribution or None
    refused = Signal(object)  # an AnnotatorError: an edit, undo or redo that changed nothing

    def __init__(self, store: ProjectStore, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = Session(store, annotator)
        self.undo_stack = QUndoStack(self)
        self.current: Item | None = None
        self.stack_only = False  # True while the stack follows work already in the file

    # --- what is open (the session's) ---------------------------------------------------
    @property
    def store(self) -> ProjectStore:
        return self.session.store

    @property
    def annotator(self) -> str:
        return self.session.annotator

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def annotations(self) -> Annotations | None:
        return self.session.annotations

    @property
    def schema(self) -> Schema:
        return self.store.schema

    def editor(self):
        self.catch_up()
        return self.session.editor()

    # --- every way in -------------------------------------------------------------------
    def open_document(self, document_id: str) -> None:
        self._broadcast(self.session.open(document_id))
        self.set_current(None)

    def set_annotator(self, name: str, document_id: str | None = None) -> None:
        """Work as another annotator (``gold`` while adjudicating) on ``document_id``, or
        on the open document again; raises (and stays as before) on a damaged one."""
        change = self.session.set_annotator(name, document_id)
        if change is not None:
            self.set_current(None)
        self._broadcast(change or Change(None, reloaded=True))

    def push(self, command: Command) -> None:
        """Do ``command`` and keep it for undo; raises ``AnnotatorError``, leaving the
        history and the stack as they were, if it could not be saved."""
        steps = len(self.session.done)
        change = self.session.apply(command)
        if len(self.session.done) > steps:  # a new step (not a later part of a gesture)
            with self._stack_follows():
                self.undo_stack.push(MirrorStep(self, self.session.undo_name()))
        self._broadcast(change)

    @contextmanager
    def macro(self, name: StepName | str) -> Iterator[None]:
        """The pushes inside as one undo step named ``name`` (see ``Session.gesture``)."""
        with self.session.gesture(as_step(name)):
            yield

    def undo(self) -> bool:
        """Edit > Undo: undo the step in the file, then move the stack. A refused undo
        is reported through ``refused`` and leaves the file and the stack as they were."""
        return self._move(undo=True)

    def redo(self) -> bool:
        return self._move(undo=False)

    def _move(self, undo: bool) -> bool:
        if not self.step_in_session(undo):
            return False
        with self._stack_follows():
            self.undo_stack.undo() if undo else self.undo_stack.redo()
        return True

    def step_in_session(self, undo: bool) -> bool:
        try:
            change = self.session.undo() if undo else self.session.redo()
        except AnnotatorError as error:
            self.refused.emit(error)
            self.catch_up()  # show what the file holds now (another window's label)
            return False
        if change is None:
            return False
        self._broadcast(change)
        return True

    def catch_up(self) -> None:
        """Reload if another connection (a second window, the CLI) wrote meanwhile."""
        change = self.session.catch_up()
        if change is not None:
            self._broadcast(change)

    @contextmanager
    def _stack_follows(self) -> Iterator[None]:
        self.stack_only = True
        try:
            yield
        finally:
            self.stack_only = False

    def _broadcast(self, change: Change) -> None:
        if change.opened or change.reloaded:
            self._refresh_current()
        elif self.current is not None and any(
                type(i) is type(self.current) and i.id == self.current.id for i in change.removed):
            self._refresh_current()  # else the selected item is untouched
        self.changed.emit(change)

    # --- the selection ------------------------------------------------------------------
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
        found = next((i for i in pool if i.id == self.current.id), None)
        if found is not self.current:  # an unchanged item needs no redraw of its panels
            self.current = found
            self.currentChanged.emit(found)

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
                role = tr("trigger") if user.trigger == span.id else ", ".join(roles)
                lines.append(f"{user.id} {user.type}: {role}")
            else:
                part = user.part_of(span.id)
                lines.append(tr("{id} attribution: {part}").format(id=user.id, part=tr(part)))
        created = span.created or ""
        lines.append(tr("annotator: {name}").format(name=self.annotator) + (f", {created[:16]}" if created else ""))
        return lines
