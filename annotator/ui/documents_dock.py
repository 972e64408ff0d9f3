"""The Documents dock: the list of the project's documents, filtered by status and by
text (titles and articles compared after the project's Arabic normalisation), showing
the statuses and label counts of the annotator chosen (your own by default)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ..core.model import Status
from .i18n import tr
from .models import STATUS_TEXT, DocumentFilter, DocumentListModel, MatchingDocuments
from .tables import plain_table

FILTER_PAUSE_MS = 250  # filter once typing pauses, not per letter
MIN_FILTER_LETTERS = 2


class DocumentsDock(QWidget):
    annotatorChosen = Signal()  # another annotator's work to list (or your own again)
    filtered = Signal()  # the rows shown changed: the open document's row is highlighted again

    def __init__(self, matching: Callable[[str], MatchingDocuments | None], parent: QWidget | None = None) -> None:
        """``matching(needle)``: the documents whose title or text holds ``needle``
        (normalised), or None for all."""
        super().__init__(parent)
        self.matching = matching
        self.model = DocumentListModel(self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter by title or text (two letters or more)…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(tr(STATUS_TEXT[status]), status)
        self.annotator_filter = QComboBox()
        self.annotator_filter.setToolTip(tr("Whose statuses and labels the list shows (and the status filter reads)"))
        self.table = plain_table(self.proxy, sortable=False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        # sized from the words they hold, not from the rows: Qt measures every row of a
        # column sized to its contents, and an archive has 100,000
        metrics = self.table.fontMetrics()
        widest_status = max(metrics.horizontalAdvance(tr(text)) for text in STATUS_TEXT.values())
        widths = (widest_status, metrics.horizontalAdvance("0000000"))
        for column, width in zip((1, 2), widths, strict=True):
            header.setSectionResizeMode(column, header.ResizeMode.Interactive)
            header.resizeSection(column, max(width, metrics.horizontalAdvance(tr(DocumentListModel.HEADERS[column])))
                                 + 16)
        self.table.verticalHeader().setSectionResizeMode(header.ResizeMode.Fixed)  # rows of one height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.annotator_filter, 1)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(FILTER_PAUSE_MS)
        self._pause.timeout.connect(self.filter_now)
        self.search.textChanged.connect(self._pause.start)
        self.status_filter.currentIndexChanged.connect(self.filter_now)
        self.annotator_filter.currentIndexChanged.connect(self.annotatorChosen)

    def filter_now(self) -> None:
        # one letter matches nearly every Arabic article: filtering by it would scan
        # the whole archive for a list that hides almost nothing
        needle = self.search.text().strip()
        matching = self.matching(needle) if len(needle) >= MIN_FILTER_LETTERS else None
        self.proxy.set_filter(self.status_filter.currentData(), matching)
        self.filtered.emit()

    def set_annotators(self, own: str, others: list[str]) -> None:
        """Offer your own work first, then each other annotator's; the choice stays
        when it is still offered."""
        chosen = self.shown_annotator()
        combo = self.annotator_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("My work ({name})").format(name=own), own)
        for name in others:
            combo.addItem(tr("Work of {name}").format(name=name), name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def shown_annotator(self) -> str | None:
        return self.annotator_filter.currentData()
