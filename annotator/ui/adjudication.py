"""The adjudication panel: every annotator's labels on the document, to accept into gold.

The window works as the gold annotator meanwhile, so the text shows gold; candidates
are listed and marked under the text, each state in a row of its own: green (first
row) when all annotators agree, amber (second) when only some have them, red (third)
when others chose a different label or boundary there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.adjudication import RejectCandidateCommand, accept, agreed, candidates
from ..core.commands import StepName, step
from ..core.session import Change
from ..errors import AnnotatorError
from .after_paint import AfterPaint
from .error_text import error_text
from .i18n import N_, tr
from .role_names import label_name
from .workspace import Workspace

AGREEMENT_COLOURS = {"all": QColor("#2e7d32"), "some": QColor("#f9a825"), "conflict": QColor("#c62828")}
# one row under the text per state: the same place always means the same thing
MARK_ROWS = {"all": 0, "some": 1, "conflict": 2}
# the words shown for the data values (which stay "all", "span"… in the project and reports)
AGREEMENT_TEXT = {"all": N_("all"), "some": N_("some"), "conflict": N_("conflict")}
KIND_TEXT = {"span": N_("span"), "event": N_("event"), "attribution": N_("attribution")}
HEADERS = (N_("Agreement"), N_("Kind"), N_("Label"), N_("Text"), N_("Annotators"), N_("Decision"))


class AdjudicationPanel(QWidget):
    candidateChosen = Signal(int, int)  # start, end of the chosen candidate

    def __init__(self, workspace: Workspace, report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.report = report
        self.items = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        self.buttons = {key: QPushButton(text) for key, text in (
            ("accept", tr("Accept")), ("reject", tr("Reject")), ("agreed", tr("Accept all agreed")))}
        self.buttons["accept"].clicked.connect(self.accept_current)
        self.buttons["reject"].clicked.connect(self.reject_current)
        self.buttons["agreed"].clicked.connect(self.accept_agreed)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def follow(self, active: Callable[[], bool], set_marks: Callable[[list], None],
               after_paint: AfterPaint) -> None:
        """While ``active`` (adjudicating), list every change's candidates and mark them
        under the text (after an edit, once the text has been painted)."""
        self._active, self._set_marks = active, set_marks

        def changed(change: Change) -> None:
            if not active():
                return
            if change.delta is None:
                self.show_marks()
            else:
                after_paint.add("adjudication", self.show_marks)

        self.workspace.changed.connect(changed)

    def show_marks(self) -> None:
        found = self.refresh()
        self._set_marks([(c.start, c.end, AGREEMENT_COLOURS[c.agreement], MARK_ROWS[c.agreement])
                         for c in found if not c.in_gold and not c.rejected])

    def refresh(self) -> list:
        """Reload candidates; returns them (the window marks them under the text)."""
        ws = self.workspace
        self.items = candidates(ws.store, ws.document.id, gold=ws.annotator) if ws.document else []
        current = self.table.currentRow()
        self.table.setRowCount(len(self.items))
        text = ws.document.text if ws.document else ""
        for row, item in enumerate(self.items):
            decision = tr("in gold") if item.in_gold else tr("rejected") if item.rejected else ""
            cells = (_shown(AGREEMENT_TEXT, item.agreement), _shown(KIND_TEXT, item.kind),
                     label_name(item.label, ws.schema), " ".join(text[item.start:item.end].split())[:50],
                     ", ".join(item.annotators), decision)
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)  # QTableWidgetItem text is plain text
                if column == 0:
                    cell.setForeground(AGREEMENT_COLOURS[item.agreement])
                self.table.setItem(row, column, cell)
        if 0 <= current < len(self.items):
            self.table.blockSignals(True)
            self.table.setCurrentCell(current, 0)
            self.table.blockSignals(False)
        return self.items

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.candidateChosen.emit(self.items[row].start, self.items[row].end)

    def current(self):
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def accept_current(self) -> None:
        candidate = self.current()
        if candidate is not None and not candidate.in_gold:
            self._accept([candidate], step("Accept {label}", label=candidate.label))

    def accept_agreed(self) -> None:
        todo = agreed(self.items)
        if todo:
            self._accept(todo, step("Accept {count} agreed labels", count=len(todo)))
        else:
            self.report(tr("Nothing left that all annotators agree on."))

    def _accept(self, todo: list, name: StepName) -> None:
        ws = self.workspace
        try:
            with ws.macro(name):  # no step at all when the first accept is refused
                editor, sources = ws.editor(), {}  # the window's copy follows each push: no re-reads
                for candidate in todo:
                    accept(ws.store, candidate, ws.push, gold=ws.annotator, editor=editor, sources=sources)
        except AnnotatorError as error:
            self.report(tr("Not done: {reason}").format(reason=error_text(error, located=False)))
            ws.refused.emit(error)

    def reject_current(self) -> None:
        candidate = self.current()
        if candidate is None:
            return
        try:
            self.workspace.push(RejectCandidateCommand(candidate.document_id, candidate.key, not candidate.rejected,
                                                       step("Reject {label}", label=candidate.label)))
        except AnnotatorError as error:  # a full or read-only disk: nothing was rejected
            self.workspace.refused.emit(error)


def _shown(words: dict[str, str], value: str) -> str:
    return tr(words[value]) if value in words else value
