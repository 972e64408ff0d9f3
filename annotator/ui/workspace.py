"""The open project as the window sees it: store, annotator, current document, undo.

Every change goes through ``push`` as a core command wrapped in a ``QUndoCommand``;
after each do or undo the workspace reloads from the store and broadcasts, so views
redraw from the file's state and never patch themselves.

The file leads and the undo stack follows: a command is done (or undone, or redone)
first, and the stack moves only once that is in the file. Qt's ``QUndoStack.push``
calls ``redo`` and keeps the command even when ``redo`` raised, so a refused save
(full disk, read-only file, another program's lock) would leave an undo step for a
label that does not exist, and a later Redo would write it after all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.commands import EditCommand, Editor, StatusCommand, apply_change
from ..core.errors import AnnotatorError
from ..core.model import Annotations, Attribution, Document, Event, Span
from ..storage import ProjectStore
from .i18n import tr
from .step_names import step_name

Item = Span | Event | Attribution


class CoreUndoCommand(QUndoCommand):
    """The one adapter between core commands and Qt's undo stack.

    While the workspace moves the stack after doing the work itself, Qt's calls to
    ``redo``/``undo`` do nothing; otherwise (someone calling the stack directly) they
    run the command as before.
    """

    def __init__(self, workspace: Workspace, command: EditCommand | StatusCommand) -> None:
        super().__init__(step_name(command.text))
        self.workspace = workspace
        self.command = command

    def redo(self) -> None:
        if not self.workspace.stack_only:
            self.workspace.run(self.command, undo=False)

    def undo(self) -> None:
        if not self.workspace.stack_only:
            self.workspace.run(self.command, undo=True)


class Workspace(QObject):
    documentOpened = Signal()
    annotationsChanged = Signal()
    currentChanged = Signal(object)  # the selected Span, Event, Attribution or None
    projectChanged = Signal()  # documents or statuses changed
    documentTouched = Signal()  # the open document's status or label count changed
    refused = Signal(object)  # an AnnotatorError: an edit, undo or redo that changed nothing

    def __init__(self, store: ProjectStore, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.annotations: Annotations | None = None
        self.current: Item | None = None
        self._seen_version = self._data_version()
        self.last_delta: tuple[list, list] | None = None
        self.stack_only = False  # True while the stack follows work already in the file
        self._macro_text: str | None = None  # a gesture's step name, until its first push
        self._macro_open = False

    @property
    def schema(self):  # noqa: ANN201
        return self.store.schema

    def editor(self) -> Editor:
        assert self.document is not None
        self.catch_up()
        return Editor(self.store, self.document.id, self.annotator, self._snapshot)

    def _snapshot(self) -> tuple[Document, Annotations]:
        return self.document, self.annotations

    def _data_version(self) -> int | None:
        probe = getattr(self.store, "data_version", None)
        return probe() if probe else None

    def catch_up(self) -> None:
        """Reload if another connection (a second window, the CLI) wrote meanwhile."""
        version = self._data_version()
        if version != self._seen_version and self.document is not None:
            self._seen_version = version
            self.after_change(self.document.id)

    def open_document(self, document_id: str) -> None:
        """Open a document; a damaged one raises before anything here changes (labels
        made next must not land on one document's text with another's labels)."""
        document = self.store.document(document_id)
        annotations = self.store.annotations(document_id, self.annotator)
        self.document, self.annotations = document, annotations
        self.annotations.new_id("T")  # counted now, not on the first label
        self._seen_version = self._data_version()
        self.current = None
        self.documentOpened.emit()
        self.currentChanged.emit(None)

    def set_annotator(self, name: str, document_id: str | None = None) -> None:
        """Work as another annotator (``gold`` while adjudicating) on ``document_id``, or
        on the open document again."""
        before, self.annotator = self.annotator, name
        document_id = document_id or (self.document.id if self.document is not None else None)
        if document_id is not None:
            try:
                self.open_document(document_id)
            except BaseException:
                self.annotator = before  # still working as before, on the open document
                raise
        self.projectChanged.emit()

    def push(self, command) -> None:  # noqa: ANN001 - any core command with do/undo
        """Do ``command``, then put it on the undo stack; raises ``AnnotatorError``,
        leaving the stack as it was, if it could not be saved."""
        self.run(command, undo=False)
        with self._stack_follows():
            if self._macro_text is not None and not self._macro_open:
                self.undo_stack.beginMacro(self._macro_text)
                self._macro_open = True
            self.undo_stack.push(CoreUndoCommand(self, command))

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """The pushes inside as one undo step named ``text``. The step begins with the
        first push that is saved: a gesture refused from its start leaves no empty step
        (and keeps the Redo history, which beginning a macro would drop)."""
        if self._macro_text is not None:  # nested: part of the outer step
            yield
            return
        self._macro_text, self._macro_open = text, False
        try:
            yield
        finally:
            if self._macro_open:
                self.undo_stack.endMacro()
            self._macro_text, self._macro_open = None, False

    def undo(self) -> bool:
        """Edit > Undo: undo the step in the file, then move the stack. A refused undo
        is reported through ``refused`` and leaves the file and the stack as they were."""
        return self._step(undo=True)

    def redo(self) -> bool:
        return self._step(undo=False)

    def _step(self, undo: bool) -> bool:
        stack = self.undo_stack
        index = stack.index() - 1 if undo else stack.index()
        if not 0 <= index < stack.count():
            return False
        commands = _core_commands(stack.command(index))
        try:
            self._run_all(commands[::-1] if undo else commands, undo)
        except AnnotatorError as error:
            self.refused.emit(error)
            self.catch_up()  # show what the file holds now (another window's label)
            return False
        with self._stack_follows():
            stack.undo() if undo else stack.redo()
        return True

    @contextmanager
    def _stack_follows(self) -> Iterator[None]:
        self.stack_only = True
        try:
            yield
        finally:
            self.stack_only = False

    def run(self, command, undo: bool) -> None:  # noqa: ANN001
        self._run_all([command], undo)

    def _run_all(self, commands: list, undo: bool) -> None:
        """Do or undo commands (one undo step) in one transaction, then bring the
        in-memory copy level with the file.

        The copy is the file's state: the commands have just been written, and applying
        the same items to the copy gives what a reload would, without reading every span
        back (which costs more than a frame). Another connection's write (seen through
        SQLite's data version) or a step in another document means a real reload.
        """
        catching_up = self._data_version() != self._seen_version
        with self.store.atomic():  # all of a step or none of it
            for command in commands:
                (command.undo if undo else command.do)(self.store)
        self._seen_version = self._data_version()
        for command in commands:
            self._follow(command, undo, catching_up)

    def _follow(self, command, undo: bool, catching_up: bool) -> None:  # noqa: ANN001
        here = self.document is not None and command.document_id == self.document.id
        if not here or catching_up or getattr(command, "annotator", self.annotator) != self.annotator:
            self.after_change(command.document_id)
            return
        if isinstance(command, EditCommand):
            removed, added = (command.added, command.removed) if undo else (command.removed, command.added)
            self.annotations = apply_change(self.annotations, removed, added)
            # the store moves a new document to "in progress" on its first edit
            self.annotations.status = self.store.status(command.document_id, self.annotator)
            self.last_delta = (removed, added)
            current = self.current
            if any(type(i) is type(current) and i.id == current.id for i in removed):
                self._refresh_current()  # else the selected item is untouched
        elif isinstance(command, StatusCommand):
            self.annotations.status = command.before if undo else command.after
        self.annotationsChanged.emit()
        self.documentTouched.emit()  # only this document's row changed: no project reload

    def take_delta(self) -> tuple[list, list] | None:
        """What the last in-memory step removed and added (None after a reload)."""
        delta, self.last_delta = self.last_delta, None
        return delta

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
                part = next(p for p in ("source", "cue", "content") if getattr(user, p) == span.id)
                lines.append(tr("{id} attribution: {part}").format(id=user.id, part=tr(part)))
        created = span.created or ""
        lines.append(tr("annotator: {name}").format(name=self.annotator) + (f", {created[:16]}" if created else ""))
        return lines


def _core_commands(step: QUndoCommand) -> list:
    """The core commands of one undo step: its own, or its children's (a macro)."""
    if isinstance(step, CoreUndoCommand):
        return [step.command]
    return [c for i in range(step.childCount()) for c in _core_commands(step.child(i))]
