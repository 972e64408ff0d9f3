"""The Notes panel: the annotator's notes on the open document (on the document itself
and on their spans, events and attributions), to add, edit, delete and go to.

Each change is a ``core.notes.NoteCommand`` pushed through the workspace, so it is one
undo step like a label (Ctrl+Z in the window), and deleting a labelled item takes its
note along in the same step (``core.commands.EditCommand``). A note is written in a
small window-modal dialog: no half-typed draft is left behind when the selection or
the document changes. While adjudicating, the notes of every annotator of the
document are listed too, read-only (the questions addressed to the adjudicator).

Wiring (the window): ``NotesPanel(workspace, show, adjudicating, refuse, later)`` in a
dock; ``note_on_selection`` suits a menu entry with a shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Annotations, Event, Span
from ..core.notes import DOCUMENT, Note, anchor_of, note_target, set_note
from ..core.session import Change
from ..errors import AnnotatorError
from .error_text import error_text, first_strong
from .i18n import N_, ltr, tr
from .plain import plain_label, plain_tooltip
from .text_view import AnnotationTextView
from .workspace import Item, Workspace

HEADERS = (N_("On"), N_("Note"), N_("Annotator"))
ANNOTATOR_COLUMN = 2
NOTE_ROLE = Qt.ItemDataRole.UserRole
SNIPPET = 30
# the undo steps of core.notes.set_note, translated where the Edit menu shows them
STEPS = (N_("Add note"), N_("Edit note"), N_("Delete note"))


class NoteDialog(QDialog):
    """Write one note: its text, OK (Ctrl+Return) or Cancel. Blank text deletes it."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Note"))
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)  # plain text: a note never renders as HTML
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title, wrap=True))
        layout.addWidget(self.editor)
        layout.addWidget(plain_label(tr("Ctrl+Return saves; an empty note is deleted."), wrap=True))
        layout.addWidget(buttons)
        self.resize(420, 220)

    def text(self) -> str:
        return self.editor.toPlainText()


class NotesPanel(QWidget):
    def __init__(self, workspace: Workspace, show: Callable[[int, int], None],
                 adjudicating: Callable[[], bool] = lambda: False,
                 refuse: Callable[[AnnotatorError], None] | None = None,
                 later: Callable[[object, Callable[[], None]], None] | None = None,
                 parent: QWidget | None = None) -> None:
        """``show(start, end)``: scroll the text there and outline it; ``adjudicating()``:
        whether every annotator's notes are listed; ``refuse(error)``: say why a change
        was not saved (default: the panel's own line); ``later(key, call)``: run a
        refresh after the text has painted (``AfterPaint.add``; default: at once)."""
        super().__init__(parent)
        self.workspace, self.show_place, self.adjudicating = workspace, show, adjudicating
        self.refuse = refuse or (lambda error: self.message.setText(error_text(error)))
        self.later = later or (lambda _key, call: call())
        self.dialog: NoteDialog | None = None
        self._others: dict[tuple[str, str], Annotations] = {}  # other annotators' work, per open
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr(h) for h in HEADERS])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.itemActivated.connect(lambda row, _column: self.go_to(row))
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.buttons = {key: QPushButton(tr(text)) for key, text in (
            ("selection", N_("Note on the selection…")), ("document", N_("Note on the document…")),
            ("edit", N_("Edit…")), ("delete", N_("Delete")))}
        self.buttons["selection"].clicked.connect(self.note_on_selection)
        self.buttons["document"].clicked.connect(lambda: self.write(DOCUMENT))
        self.buttons["edit"].clicked.connect(self.edit_chosen)
        self.buttons["delete"].clicked.connect(self.delete_chosen)
        self.message = plain_label(wrap=True)
        grid = QGridLayout()  # two by two: four in a row made the dock wider than its area, clipped
        for place, button in enumerate(self.buttons.values()):
            grid.addWidget(button, place // 2, place % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        workspace.changed.connect(self._follow)
        workspace.currentChanged.connect(lambda _item: self._enable())
        self.refresh()

    # --- listing --------------------------------------------------------------------------
    def _follow(self, change: Change) -> None:
        if change.opened or change.reloaded:
            self._others.clear()  # another document, or another program wrote
            self.refresh()
        else:  # a label edit: target texts may have changed, after the text has painted
            self.later("notes", self.refresh)

    def refresh(self) -> None:
        """List the notes of the open document, the chosen note kept chosen."""
        chosen = self.chosen()
        keep = (chosen.annotator, chosen.target) if chosen is not None else None
        self.tree.clear()
        ws = self.workspace
        if ws.document is None or ws.annotations is None:
            self._enable()
            return
        everyone = self.adjudicating()
        self.tree.setColumnHidden(ANNOTATOR_COLUMN, not everyone)
        notes = ws.store.notes_of(ws.document.id, None if everyone else ws.annotator)
        rows = sorted((self._row(note) for note in notes), key=lambda r: r[0])
        for _order, note, cells in rows:
            item = QTreeWidgetItem([c.replace("\n", " ⏎ ") for c in cells])
            item.setData(0, NOTE_ROLE, note)
            item.setToolTip(1, plain_tooltip(note.text))
            self.tree.addTopLevelItem(item)
            if keep == (note.annotator, note.target):
                self.tree.setCurrentItem(item)
        self.tree.resizeColumnToContents(0)
        self._enable()

    def _row(self, note: Note) -> tuple[tuple, Note, tuple[str, str, str]]:
        """(sort key: own notes first, the document's first, then in text order), the
        note, and its cells."""
        annotations = self._work_of(note.annotator)
        target = note_target(annotations, note.target)
        anchor = anchor_of(annotations, target)
        order = (note.annotator != self.workspace.annotator, note.annotator, anchor is not None,
                 anchor.start if anchor else 0, note.target)
        # a note is read in its own direction («GPE or LOC?» in an Arabic list, not «?GPE or LOC»)
        return order, note, (self._describe(note, target, anchor), first_strong(note.text), note.annotator)

    def _describe(self, note: Note, target: Item | None, anchor: Span | None) -> str:
        if note.target == DOCUMENT:
            return tr("the document")
        if target is None:
            return tr("the document (its item {id} was deleted)").format(id=ltr(note.target))
        words = self._words(anchor)
        if isinstance(target, Span):
            return f"{target.label} {words}"
        if isinstance(target, Event):
            return tr("{type} event {words}").format(type=target.type, words=words)
        return tr("attribution {words}").format(words=words)

    def _words(self, span: Span | None) -> str:
        document = self.workspace.document
        if span is None or document is None:
            return ""
        words = " ".join(document.text[span.start:span.end].split())
        return f"«{words if len(words) <= SNIPPET else words[:SNIPPET] + '…'}»"

    def _work_of(self, annotator: str) -> Annotations:
        ws = self.workspace
        if annotator == ws.annotator:
            return ws.annotations
        key = (ws.document.id, annotator)
        if key not in self._others:
            self._others[key] = ws.store.annotations(*key)
        return self._others[key]

    # --- choosing -------------------------------------------------------------------------
    def chosen(self) -> Note | None:
        row = self.tree.currentItem()
        return row.data(0, NOTE_ROLE) if row is not None else None

    def _own(self, note: Note | None) -> bool:
        return note is not None and note.annotator == self.workspace.annotator

    def _enable(self) -> None:
        ws = self.workspace
        open_ = ws.document is not None and not ws.store.read_only
        self.buttons["selection"].setEnabled(open_ and ws.current is not None)
        self.buttons["document"].setEnabled(open_)
        for key in ("edit", "delete"):
            self.buttons[key].setEnabled(open_ and self._own(self.chosen()))

    def go_to(self, row: QTreeWidgetItem) -> None:
        """Enter or double-click: show the item the note is on (the annotator's own is
        selected too, as a click on it in the text would)."""
        note: Note = row.data(0, NOTE_ROLE)
        annotations = self._work_of(note.annotator)
        target = note_target(annotations, note.target)
        anchor = anchor_of(annotations, target)
        if anchor is None:
            return
        self.show_place(anchor.start, anchor.end)
        if self._own(note):
            self.workspace.set_current(target)

    # --- changing -------------------------------------------------------------------------
    def note_on_selection(self) -> None:
        """A note on the selected item, or with nothing selected on the document."""
        current = self.workspace.current
        self.write(DOCUMENT if current is None else current.id)

    def edit_chosen(self) -> None:
        note = self.chosen()
        if self._own(note):
            self.write(note.target)

    def delete_chosen(self) -> None:
        note = self.chosen()
        if self._own(note):
            self._save(note.target, "")

    def write(self, target: str) -> None:
        """Open the note dialog for ``target`` (an item id, or '' for the document)."""
        ws = self.workspace
        if ws.document is None:
            return
        held = ws.store.note(ws.document.id, ws.annotator, target)
        title = tr("Note on {what}").format(what=self._title_of(target))
        self.dialog = NoteDialog(title, held.text if held else "", self)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.accepted.connect(lambda document_id=ws.document.id, dialog=self.dialog:
                                     self._save(target, dialog.text(), document_id))
        self.dialog.open()

    def _title_of(self, target: str) -> str:
        note = Note(self.workspace.document.id, self.workspace.annotator, target, "")
        item = note_target(self.workspace.annotations, target)
        return self._describe(note, item, anchor_of(self.workspace.annotations, item))

    def _save(self, target: str, text: str, document_id: str | None = None) -> None:
        ws = self.workspace
        document_id = document_id or ws.document.id
        self.message.clear()
        try:
            ws.catch_up()
            command = set_note(ws.store, document_id, ws.annotator, target, text)
            if command is not None:
                ws.push(command)
        except AnnotatorError as error:
            self.refuse(error)
            return
        self._choose(ws.annotator, target)

    def _choose(self, annotator: str, target: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            note: Note = row.data(0, NOTE_ROLE)
            if (note.annotator, note.target) == (annotator, target):
                self.tree.setCurrentItem(row)
                return


def outline_in(view: AnnotationTextView) -> Callable[[int, int], None]:
    """``show`` for the panel in the window: scroll the text view to ``start``-``end``
    and outline it."""

    def show(start: int, end: int) -> None:
        view.select_offsets(start, end)
        view.clear_selection()
        view.outline([Span("note", start, end, "")])

    return show
