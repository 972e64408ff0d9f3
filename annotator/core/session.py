"""One way in for every change: an annotator's session on a project, without Qt.

A gesture becomes a command (``commands.Editor`` builds and validates it); the
session applies it (``apply``): the command writes in one store transaction, the
session brings its copy of the open document's labels level with the file, keeps the
command for undo, and returns a ``Change`` that says what changed. ``undo``/``redo``
and ``catch_up`` (another program wrote) return one too. The window's adapter
(``ui/workspace.py``) turns each ``Change`` into one Qt signal that the text view,
panels, suggestions and adjudication subscribe to; a script or a test drives the same
session directly.

The file leads and the history follows: a command that the store refused (a full
disk, a read-only file, another program's lock, a label changed by another window)
raises ``AnnotatorError`` and leaves the history and the copy as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .commands import (
    Command,
    EditCommand,
    Editor,
    Item,
    StatusCommand,
    StepName,
    apply_change,
)
from .model import Annotations, Document, Status
from .store import Store


@dataclass(frozen=True)
class Change:
    """What one step did to the open document, for whoever shows it.

    ``removed``/``added``: the items, when the copy was patched in place; ``reloaded``:
    anything may have changed, so redraw from the copy (another program wrote and the
    labels were read again, a step in another document, a rejection); ``opened``: a
    document was opened (the one the step changed, for a step in another document);
    ``status``: the document's status after the step, when it changed.
    """

    document_id: str | None
    removed: tuple[Item, ...] = ()
    added: tuple[Item, ...] = ()
    status: Status | None = None
    reloaded: bool = False
    opened: bool = False

    @property
    def delta(self) -> tuple[list[Item], list[Item]] | None:
        """``(removed, added)``, or None when the labels were reloaded."""
        if self.reloaded or self.opened:
            return None
        return list(self.removed), list(self.added)


@dataclass
class Step:
    """One undo step: the commands of one gesture, done in order."""

    name: StepName
    commands: list[Command] = field(default_factory=list)


class Session:
    def __init__(self, store: Store, annotator: str) -> None:
        self.store = store
        self.annotator = annotator
        self.document: Document | None = None
        self.annotations: Annotations | None = None
        self.done: list[Step] = []  # undo takes the last
        self.undone: list[Step] = []  # redo takes the last
        self._seen_version = self._data_version()
        self._gesture: Step | None = None  # the step a multi-command gesture is building

    # --- what is open ---------------------------------------------------------------
    @property
    def schema(self):
        return self.store.schema

    def open(self, document_id: str) -> Change:
        """Open a document; a damaged one raises before anything here changes (labels
        made next must not land on one document's text with another's labels)."""
        document = self.store.document(document_id)
        annotations = self.store.annotations(document_id, self.annotator)
        self.document, self.annotations = document, annotations
        annotations.new_id("T")  # counted now, not on the first label
        self._seen_version = self._data_version()
        return Change(document_id, opened=True)

    def set_annotator(self, name: str, document_id: str | None = None) -> Change | None:
        """Work as another annotator (``gold`` while adjudicating) on ``document_id``,
        or on the open document again; on a refusal, still as before."""
        before, self.annotator = self.annotator, name
        document_id = document_id or (self.document.id if self.document is not None else None)
        if document_id is None:
            return None
        try:
            return self.open(document_id)
        except BaseException:
            self.annotator = before
            raise

    def editor(self) -> Editor:
        """Commands for the open document, validated against this session's copy."""
        assert self.document is not None
        return Editor(self.store, self.document.id, self.annotator, self._snapshot)

    def _snapshot(self) -> tuple[Document, Annotations]:
        return self.document, self.annotations

    # --- changing ---------------------------------------------------------------------
    def apply(self, command: Command) -> Change:
        """Do ``command`` and keep it for undo (in the open gesture's step, if any)."""
        change = self._run([command], undo=False)
        if self._gesture is not None:
            self._gesture.commands.append(command)
            if len(self._gesture.commands) == 1:
                self._record(self._gesture)
        else:
            self._record(Step(command.name, [command]))
        return change

    @contextmanager
    def gesture(self, name: StepName) -> Iterator[None]:
        """The commands applied inside make one undo step named ``name``. It begins
        with the first command that is saved: a gesture refused from its start leaves
        no empty step (and keeps the redo history)."""
        if self._gesture is not None:  # nested: part of the outer step
            yield
            return
        self._gesture = Step(name)
        try:
            yield
        finally:
            self._gesture = None

    def _record(self, step: Step) -> None:
        self.done.append(step)
        self.undone.clear()

    def undo(self) -> Change | None:
        """Undo the last step in the file, or raise and leave everything as it was."""
        if not self.done:
            return None
        step = self.done[-1]
        change = self._run(step.commands[::-1], undo=True)
        self.undone.append(self.done.pop())
        return change

    def redo(self) -> Change | None:
        if not self.undone:
            return None
        step = self.undone[-1]
        change = self._run(step.commands, undo=False)
        self.done.append(self.undone.pop())
        return change

    def catch_up(self) -> Change | None:
        """Read the labels again if another connection (a second window, the CLI)
        wrote since; None when nothing changed."""
        version = self._data_version()
        if version == self._seen_version or self.document is None:
            return None
        self._seen_version = version
        return self._reload(self.document.id)

    # --- applying ---------------------------------------------------------------------
    def _run(self, commands: list[Command], undo: bool) -> Change:
        """Do or undo ``commands`` (one step) in one transaction, then bring the copy
        level with the file.

        The copy is the file's state: the commands have just been written, and applying
        the same items to the copy gives what a reload would, without reading every
        span back (which costs more than a frame). Another connection's write (seen
        through SQLite's data version) or a step in another document or of another
        annotator means a real reload.
        """
        catching_up = self._data_version() != self._seen_version
        with self.store.atomic():  # all of a step or none of it
            for command in commands:
                (command.undo if undo else command.do)(self.store)
        self._seen_version = self._data_version()
        if catching_up or not all(self._patchable(c) for c in commands):
            elsewhere = next((c.document_id for c in commands
                              if self.document is None or c.document_id != self.document.id), None)
            return self._reload(elsewhere or self.document.id)
        if not all(isinstance(c, (EditCommand, StatusCommand)) for c in commands):
            # a rejection: no label changed, but what is suggested or marked did
            return Change(self.document.id, reloaded=True)
        removed: list[Item] = []
        added: list[Item] = []
        status = None
        for command in commands:
            if isinstance(command, EditCommand):
                gone, new = (command.added, command.removed) if undo else (command.removed, command.added)
                self.annotations = apply_change(self.annotations, gone, new)
                removed += gone
                added += new
                # the store moves a new document to "in progress" on its first edit
                status = self.store.status(command.document_id, self.annotator)
            elif isinstance(command, StatusCommand):
                status = command.before if undo else command.after
        if status is not None and status != self.annotations.status:
            self.annotations.status = status
        else:
            status = None
        return Change(self.document.id, tuple(removed), tuple(added), status)

    def _patchable(self, command: Command) -> bool:
        here = self.document is not None and command.document_id == self.document.id
        mine = getattr(command, "annotator", self.annotator) == self.annotator
        return here and mine

    def _reload(self, document_id: str) -> Change:
        if self.document is None or document_id != self.document.id:
            self.open(document_id)  # a step made in another document
            return Change(document_id, reloaded=True, opened=True)
        fresh = self.store.annotations(document_id, self.annotator)
        if fresh != self.annotations:  # else the same copy stays: what follows it has nothing to redo
            self.annotations = fresh
        self._seen_version = self._data_version()
        return Change(document_id, reloaded=True)

    def _data_version(self) -> int | None:
        probe = getattr(self.store, "data_version", None)
        return probe() if probe else None

    # --- the history, as the Edit menu shows it ---------------------------------------
    def undo_name(self) -> StepName | None:
        return self.done[-1].name if self.done else None

    def redo_name(self) -> StepName | None:
        return self.undone[-1].name if self.undone else None
