"""The concordance's rows: one hit a row, key word in context, right to left.

The words before a hit stand to its right and those after it to its left, each aligned
against the hit and cut far from it; the labels column names the annotator's labels on
the hit. In the table a label's key labels the selected rows (``HitsTable``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QKeyCombination,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..core.concordance import Hit, with_labels
from ..core.model import Annotations
from ..core.schema import Schema
from .i18n import N_, tr
from .plain import plain_tooltip

DOCUMENT, BEFORE, HIT, AFTER, LABELS = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class HitsModel(QAbstractTableModel):
    """One row per hit; a document's rows are updated in place after an edit."""

    HEADERS = (N_("Document"), N_("Before"), N_("Hit"), N_("After"), N_("Labels"))

    def __init__(self, schema: Schema, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.hits: list[Hit] = []
        self._rows_of: dict[str, list[int]] = {}
        self._rank: dict[str, int] = {}  # document order in the corpus

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self._rows_of = {}
        for row, hit in enumerate(self.hits):
            self._rows_of.setdefault(hit.document_id, []).append(row)
        self._rank = {doc: rank for rank, doc in enumerate(self._rows_of)}
        self.endResetModel()

    def documents(self) -> list[str]:
        return list(self._rows_of)

    def update_document(self, document_id: str, annotations: Annotations) -> None:
        rows = self._rows_of.get(document_id, [])
        fresh = with_labels([self.hits[r] for r in rows], annotations)
        for row, hit in zip(rows, fresh):
            if hit.spans != self.hits[row].spans:
                self.hits[row] = hit
                self.dataChanged.emit(self.index(row, LABELS), self.index(row, LABELS))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit, column = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.title, hit.before, hit.text, hit.after, labels_text(hit))[column]
        if role == SORT_ROLE:
            return self._sort_key(hit, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGNMENT.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column == LABELS and hit.exact():
            found = self.schema.labels.get(hit.exact()[0].label)
            return QColor(found.color) if found else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{hit.title} ({hit.document_id}) {hit.start}–{hit.end}\n"
                                 f"{hit.before}[{hit.text}]{hit.after}")
        return None

    def _sort_key(self, hit: Hit, column: int) -> Any:
        where = f"{self._rank.get(hit.document_id, 0):09d} {hit.start:09d}"
        if column == DOCUMENT:  # in corpus order, then text order
            return where
        if column == BEFORE:  # by the words nearest the hit first
            return hit.before[::-1] + where
        text = (hit.text, hit.after, labels_text(hit))[column - HIT]
        return f"{text}\x00{where}"


def labels_text(hit: Hit) -> str:
    """The labels on a hit: exactly on it by name, those around or inside it marked."""
    parts = []
    for span in hit.spans:
        if (span.start, span.end) == (hit.start, hit.end):
            parts.append(span.label)
        elif span.start <= hit.start and hit.end <= span.end:
            parts.append(tr("{label} around it").format(label=span.label))
        else:
            parts.append(tr("{label} in part").format(label=span.label))
    return ", ".join(parts)


_ABSOLUTE = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
ALIGNMENT = {  # right to left: before | hit | after, each against the hit
    BEFORE: _ABSOLUTE | Qt.AlignmentFlag.AlignLeft,
    HIT: Qt.AlignmentFlag.AlignCenter,
    AFTER: _ABSOLUTE | Qt.AlignmentFlag.AlignRight,
}


class UnlabelledFilter(QSortFilterProxyModel):
    """All hits, or only those no label of the annotator touches."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_unlabelled = False
        self.setSortRole(SORT_ROLE)

    def set_only_unlabelled(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_unlabelled = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        return not self.only_unlabelled or not self.sourceModel().hits[row].spans


class ContextDelegate(QStyledItemDelegate):
    """Context cut where it is far from the hit: the start of the words before it,
    the end of the words after it."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == BEFORE:
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif index.column() == AFTER:
            option.textElideMode = Qt.TextElideMode.ElideRight


class HitsTable(QTableView):
    """The hits; a label's key labels the selected rows, Del unlabels them, Enter shows
    the current one in the main window. Other keys move and select as in any table."""

    labelPressed = Signal(str)
    deletePressed = Signal()
    showPressed = Signal()

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hotkeys = {_portable(QKeySequence(label.hotkey)): label.name
                        for label in schema.labels.values() if label.hotkey}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = _portable(QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key()))))
        if pressed in self.hotkeys:
            self.labelPressed.emit(self.hotkeys[pressed])
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            self.deletePressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.showPressed.emit()
        else:
            super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Letters are label keys here, never a jump to a row starting with them."""


def _portable(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.PortableText)
