"""Item models for the document list and the annotation list."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)

from ..core.model import Span, Status
from ..core.schema import Schema
from .i18n import N_, ltr, tr
from .plain import plain_tooltip

STATUS_TEXT = {Status.NEW: N_("new"), Status.IN_PROGRESS: N_("in progress"), Status.DONE: N_("done")}
_STATUS_CODE = {status: code for code, status in enumerate(Status)}
# the layer a label belongs to, as the annotation list shows it (the data keeps the code)
LAYER_TEXT = {"entity": N_("entity"), "event": N_("event"), "attribution": N_("attribution")}


def status_text(value: str) -> str:
    """A stored status ("in_progress") in the interface language."""
    try:
        return tr(STATUS_TEXT[Status(value)])
    except ValueError:  # a status this version does not know: shown as stored
        return value


class DocumentListModel(QAbstractTableModel):
    """Every document's row; what a label changes (one row, the done count) costs the
    same on 100,000 documents as on ten."""

    HEADERS = (N_("Title"), N_("Status"), N_("Labels"))
    TITLE_PAGE = 200  # titles read at a time, around the rows shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str | None, Status, int]] = []
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self.status_codes = np.zeros(0, dtype=np.int8)  # each row's status, for filters by array
        self._rows_in_order: tuple[Sequence[str], int, np.ndarray] | None = None
        self._worked: set[int] = set()  # rows not new or with labels
        # ids -> titles, for rows listed without one (an archive lists ids first)
        self.titles_of: Callable[[list[str]], dict[str, str]] | None = None

    def set_rows(self, rows: list[tuple[str, str | None, Status, int]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._ids = [row[0] for row in rows]
        self._row_of = {doc: number for number, doc in enumerate(self._ids)}
        self.status_codes = np.fromiter((_STATUS_CODE[row[2]] for row in rows), dtype=np.int8, count=len(rows))
        self._rows_in_order = None
        self._worked = {number for number, row in enumerate(rows) if row[2] is not Status.NEW or row[3]}
        self.endResetModel()

    @property
    def done(self) -> int:
        """Rows whose status is done."""
        return int(np.count_nonzero(self.status_flags(Status.DONE)))

    def set_work(self, statuses: dict[str, Status], counts: dict[str, int]) -> None:
        """Statuses and label counts (another annotator's, or news of one's own) in
        place of those shown, titles and order kept: it costs what was done, not the
        corpus, and changes nothing on screen when nothing differs."""
        rows, wanted = self.rows, {}
        for doc in statuses.keys() | counts.keys():
            number = self._row_of.get(doc)
            if number is not None:
                wanted[number] = (statuses.get(doc, Status.NEW), counts.get(doc, 0))
        changed = [number for number in self._worked | wanted.keys()
                   if rows[number][2:] != wanted.get(number, (Status.NEW, 0))]
        if not changed:
            return
        self.beginResetModel()  # statuses may change which rows a status filter shows
        for number in changed:
            status, count = wanted.get(number, (Status.NEW, 0))
            rows[number] = (rows[number][0], rows[number][1], status, count)
            self.status_codes[number] = _STATUS_CODE[status]
        self._worked = set(wanted)
        self.endResetModel()

    def update_row(self, doc_id: str, status: Status, count: int) -> None:
        """One document's status and label count, without re-reading the project."""
        row = self.row_of(doc_id)
        if row < 0:
            return
        doc, title, old_status, old_count = self.rows[row]
        if (old_status, old_count) != (status, count):
            self.rows[row] = (doc, title, status, count)
            self.status_codes[row] = _STATUS_CODE[status]
            self._worked.add(row)
            self.dataChanged.emit(self.index(row, 1), self.index(row, 2))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc_id, title, status, count = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if title is None and index.column() == 0:
                title = self._read_titles(index.row())
            return (title, tr(STATUS_TEXT[status]), count)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(doc_id)
        if role == Qt.ItemDataRole.UserRole:
            return doc_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def row_of(self, doc_id: str) -> int:
        return self._row_of.get(doc_id, -1)

    def rows_matched(self, matches: MatchingDocuments) -> np.ndarray:
        """One flag per row: is its document among ``matches``? The map from the
        matcher's order to rows is made once per order and list of rows, so a keystroke
        costs array operations, not a Python step per document."""
        order = matches.order
        cached = self._rows_in_order
        if cached is None or cached[0] is not order or cached[1] != len(order):
            if order == self._ids:
                rows = np.arange(len(order))  # the index lists the documents in the list's order
            else:
                rows = np.fromiter((self._row_of.get(doc, -1) for doc in order), dtype=np.int64, count=len(order))
            cached = self._rows_in_order = (order, len(order), rows)
        rows = cached[2][matches.numbers]
        flags = np.zeros(len(self.rows), dtype=bool)
        flags[rows[rows >= 0]] = True
        return flags

    def status_flags(self, status: Status) -> np.ndarray:
        return self.status_codes == _STATUS_CODE[status]

    def _read_titles(self, row: int) -> str:
        """The titles of a page of rows from ``row`` on (those still without one)."""
        if self.titles_of is None:
            return self.rows[row][0]
        page = range(row, min(len(self.rows), row + self.TITLE_PAGE))
        missing = [self.rows[r][0] for r in page if self.rows[r][1] is None]
        found = self.titles_of(missing)
        for r in page:
            doc_id, title, status, count = self.rows[r]
            if title is None:
                self.rows[r] = (doc_id, found.get(doc_id, doc_id), status, count)
        return self.rows[row][1]


@dataclass(frozen=True)
class MatchingDocuments:
    """The documents a text filter matched: their ``numbers`` (ascending) in ``order``,
    a list of ids kept by whoever matched (the corpus index's own)."""

    order: Sequence[str]
    numbers: np.ndarray

    @classmethod
    def of_ids(cls, ids: Iterable[str]) -> MatchingDocuments:
        order = list(ids)
        return cls(order, np.arange(len(order)))


class DocumentFilter(QAbstractProxyModel):
    """The documents list filtered by status and by the documents a text filter
    matched. The rows that pass are worked out with arrays, once per filter change: a
    ``QSortFilterProxyModel`` asks Python about every row, which on 100,000 documents
    took longer than a keystroke may."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self.matching: MatchingDocuments | None = None
        self._shown = np.zeros(0, dtype=np.int64)  # source rows, ascending

    def setSourceModel(self, model: DocumentListModel) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._refilter)
        model.dataChanged.connect(self._source_changed)
        self._refilter()

    def set_filter(self, status: Status | None, matching: MatchingDocuments | None) -> None:
        self.status, self.matching = status, matching
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        model = self.sourceModel()
        passing = np.ones(len(model.rows), dtype=bool)
        if self.status is not None:
            passing &= model.status_flags(self.status)
        if self.matching is not None:
            passing &= model.rows_matched(self.matching)
        self._shown = np.flatnonzero(passing)
        self.endResetModel()

    def _source_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        for row in range(first.row(), last.row() + 1):
            shown = self.mapFromSource(self.sourceModel().index(row, 0))
            if shown.isValid():
                self.dataChanged.emit(shown, self.index(shown.row(), self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(DocumentListModel.HEADERS)

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._shown) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: QModelIndex = QModelIndex()) -> QModelIndex:  # a flat list
        return QModelIndex()

    def mapToSource(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._shown):
            return QModelIndex()
        return self.sourceModel().index(int(self._shown[index.row()]), index.column())

    def mapFromSource(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        shown = int(np.searchsorted(self._shown, index.row()))
        if shown >= len(self._shown) or self._shown[shown] != index.row():
            return QModelIndex()
        return self.createIndex(shown, index.column())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.sourceModel().headerData(section, orientation, role)


class AnnotationListModel(QAbstractTableModel):
    HEADERS = (N_("Position"), N_("Text"), N_("Label"), N_("Layer"), N_("Transliteration"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spans: list[Span] = []
        self.text = ""
        self.schema: Schema | None = None
        self.language = "en"  # label names are the schema's, in the interface language

    def set_spans(self, spans: list[Span], text: str, schema: Schema) -> None:
        self.beginResetModel()
        self.spans, self.text, self.schema = list(spans), text, schema
        from .i18n import ui_language

        self.language = ui_language()
        self.endResetModel()

    def update_spans(self, spans: list[Span], delta: tuple[list, list] | None = None) -> None:
        """Follow an edit row by row: a reset would make the sorting proxy re-sort
        every row in Python (~200 ms for 5,000 spans); one row costs a few ms.
        ``delta`` (removed, added items) says which rows, when the caller knows."""
        if delta is not None:
            self._apply_delta(delta)
            return
        new = {s.id: s for s in spans}
        for row in range(len(self.spans) - 1, -1, -1):
            old = self.spans[row]
            if old.id not in new:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.spans[row]
                self.endRemoveRows()
            elif new[old.id] is not old:
                self.spans[row] = new[old.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        known = {s.id for s in self.spans}
        for span in spans:
            if span.id not in known:
                row = len(self.spans)
                self.beginInsertRows(QModelIndex(), row, row)
                self.spans.append(span)
                self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self.spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(span, index.column())
        if role == Qt.ItemDataRole.EditRole:  # sorting key
            return span.start if index.column() == 0 else self._display(span, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return plain_tooltip(span.label)  # the code, as formats and the CLI spell it
        return None

    def _display(self, span: Span, column: int) -> Any:
        if column == 0:  # isolated: an Arabic line would show "75–80" as "80–75"
            return ltr(f"{span.start}–{span.end}")
        if column == 1:
            return " ".join(self.text[span.start : span.end].split())[:60]
        if column == 2:  # English keeps the code (what formats and the CLI spell); Arabic, the name
            label = self.schema.labels.get(span.label) if self.schema and self.language != "en" else None
            return label.display(self.language) if label else span.label
        if column == 4:  # for reviewers who do not read Arabic script
            from ..nlp.translit import buckwalter

            return buckwalter(" ".join(self.text[span.start : span.end].split())[:60])
        layer = self.schema.layer_of(span.label) if self.schema else None
        return tr(LAYER_TEXT[layer]) if layer in LAYER_TEXT else layer or "?"

    def _apply_delta(self, delta: tuple[list, list]) -> None:
        removed = {s.id for s in delta[0] if isinstance(s, Span)}
        added = {s.id: s for s in delta[1] if isinstance(s, Span)}
        for span_id in removed - added.keys():
            row = self.row_of(span_id)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.spans[row]
            self.endRemoveRows()
        for span_id, span in added.items():
            row = self.row_of(span_id) if span_id in removed else -1
            if row >= 0:
                self.spans[row] = span
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            else:
                self.beginInsertRows(QModelIndex(), len(self.spans), len(self.spans))
                self.spans.append(span)
                self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def row_of(self, span_id: str) -> int:
        return next((i for i, s in enumerate(self.spans) if s.id == span_id), -1)
