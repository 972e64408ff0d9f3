"""The consistency check in the window (``core.consistency``): the findings, most frequent
first, each opening onto its places; activating a place opens its document there.

The panel only runs the check and navigates: fixes are the ordinary, undoable edits of
the text (a jump selects the annotator's own span, so a label key relabels it, or the
unlabelled words, so a label key labels them). The check reads the whole corpus, so it
runs on a worker with its own connection (``workers.GeneratorWorker``); labelling goes
on meanwhile, and "Check again" shows what the edits changed.

Wiring (the window): ``CheckPanel(workspace, jump_to_place(workspace, view,
navigator.open_document))`` in a dock; it needs nothing else of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.consistency import Finding, Place, check, run_check
from ..core.model import Attribution, Event, Span
from ..core.schema import Schema
from ..errors import AnnotatorError, joined
from .error_text import phrase_text
from .i18n import N_, ltr, tr
from .plain import plain_label, plain_tooltip
from .role_names import label_name
from .text_view import AnnotationTextView
from .workers import GeneratorWorker
from .workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
HEADERS = (N_("Kind"), N_("String"), N_("Labels"), N_("Count"), N_("Documents"), N_("Annotators"))
KIND_TEXT = {
    "damaged": N_("Damaged document"),
    "label": N_("Different labels"),
    "unlabelled": N_("Left unlabelled"),
    "boundary": N_("Boundary (with or without «ال»)"),
    "event": N_("Event argument missing"),
    "attribution": N_("Attribution part missing"),
    "convention": N_("Against the clitic convention"),
}
ATTRIBUTION = N_("attribution")  # the core's stand-in label of an attribution's place
SHOWN_DOCUMENTS = 3  # a finding row names its first documents; its places list them all
SNIPPET = 40


class FindingsModel(QAbstractItemModel):
    """Findings (top rows) and their places (child rows), read from the list as drawn:
    a finding with 100,000 places costs nothing until it is opened."""

    def __init__(self, text_of: Callable[[str], str | None], schema: Callable[[], Schema],
                 parent: QWidget | None = None) -> None:
        """``text_of(document_id)``: a document's text (None: it cannot be read), for the
        words at each place; ``schema()``: the project's, for what it calls its labels."""
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.text_of, self.schema = text_of, schema
        self._columns: dict[int, tuple[str, ...]] = {}  # a finding row's cells, made once

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self._columns.clear()
        self.endResetModel()

    # --- shape: a place's internal id is its finding's row + 1 (0: a finding row) ---------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.findings)
        if parent.internalId() == 0 and parent.column() == 0:
            return self.findings[parent.row()].count
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    # --- what a row says -------------------------------------------------------------------
    def finding_at(self, index: Index) -> Finding:
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.findings[row]

    def place_at(self, index: Index) -> Place | None:
        """The place of a place row, or a finding row's first place."""
        if not index.isValid():
            return None
        finding = self.finding_at(index)
        return finding.places[0 if index.internalId() == 0 else index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        finding = self.finding_at(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(phrase_text(finding.message, self.schema()))  # quoting file content
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.internalId() == 0:  # its cells read every place: once, not per repaint
            if index.row() not in self._columns:
                self._columns[index.row()] = _finding_columns(finding, self.schema())
            return self._columns[index.row()][index.column()]
        return self._place_columns(finding.places[index.row()])[index.column()]

    def _place_columns(self, place: Place) -> tuple[str, ...]:
        where = place.document_id if place.start is None else f"{place.document_id} {place.start}–{place.end}"
        labels = _labels_shown(place.labels, self.schema())
        return ("", self._words(place), labels, "", ltr(where), place.annotator)

    def _words(self, place: Place) -> str:
        if place.start is None:
            return "—"
        text = self.text_of(place.document_id)
        if text is None:
            return "—"
        words = " ".join(text[place.start:place.end].split())
        return words if len(words) <= SNIPPET else words[:SNIPPET] + "…"


def _finding_columns(finding: Finding, schema: Schema) -> tuple[str, ...]:
    documents = list(dict.fromkeys(place.document_id for place in finding.places))
    shown = ", ".join(documents[:SHOWN_DOCUMENTS])
    if len(documents) > SHOWN_DOCUMENTS:
        shown += " " + tr("(+{count})").format(count=len(documents) - SHOWN_DOCUMENTS)
    labels = sorted({label for place in finding.places for label in place.labels})
    annotators = sorted({place.annotator for place in finding.places if place.annotator})
    return (tr(KIND_TEXT.get(finding.kind, finding.kind)), phrase_text(finding.subject, schema),
            _labels_shown(labels, schema),
            str(finding.count), shown, ", ".join(annotators))


def _labels_shown(labels: list[str] | tuple[str, ...], schema: Schema) -> str:
    """Labels as the schema calls them in the interface language; an attribution's
    place, which has no label, says so."""
    names = [tr(ATTRIBUTION) if label == ATTRIBUTION else label_name(label, schema) for label in labels]
    return phrase_text(joined(names))  # the language's own comma


class CheckPanel(QWidget):
    """Runs the check for the workspace's annotator (or every annotator) and lists it."""

    def __init__(self, workspace: Workspace, jump: Callable[[Place], None], parent: QWidget | None = None) -> None:
        """``jump(place)``: show the place (``jump_to_place`` does it in the window)."""
        super().__init__(parent)
        self.workspace, self.jump = workspace, jump
        self.worker: GeneratorWorker | None = None  # the check whose result will be shown
        self._workers: list[GeneratorWorker] = []  # every worker still running (kept alive)
        self._running_as: str | None = None
        self.checked_as: str | None = None  # whose work the listed findings are about ('' everyone)
        self._texts = lru_cache(maxsize=64)(self._read_text)  # rows ask again on every repaint
        self.model = FindingsModel(self._texts, lambda: self.workspace.store.schema, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # a finding opened onto 100,000 places stays quick
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._size_columns()
        self.tree.activated.connect(self.activate)
        self.tree.doubleClicked.connect(self.activate)  # activated is a single click on some styles
        self.run_button = QPushButton(tr("Check"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.everyone = QCheckBox(tr("Every annotator"))
        self.everyone.setToolTip(plain_tooltip(tr("Compare the work of every annotator, not only yours")))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = plain_label(tr("Not checked yet: press Check."), wrap=True)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.everyone)
        row.addWidget(self.progress, 1)
        row.addStretch()  # the check box as wide as its words while no progress shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.tree)

    def _size_columns(self) -> None:
        """Widths from the words the columns hold, not from the rows: Qt would measure
        every finding of an archive."""
        metrics = self.tree.fontMetrics()
        kinds = max(metrics.horizontalAdvance(tr(text)) for text in KIND_TEXT.values()) + 36
        words = metrics.horizontalAdvance("M" * 14)
        counts = max(metrics.horizontalAdvance("0000000"), metrics.horizontalAdvance(tr(HEADERS[3])))
        for column, width in enumerate((kinds, words, words, counts, words, words)):
            self.tree.setColumnWidth(column, width + 12)

    # --- running --------------------------------------------------------------------------
    def run(self) -> None:
        """Check (again): on a worker with its own connection, or here for a project in
        memory (the demo), which no second connection can read."""
        self.cancel()
        annotator = None if self.everyone.isChecked() else self.workspace.annotator
        self._texts.cache_clear()
        path = self.workspace.store.path
        if path is None:
            self.show_findings(run_check(self.workspace.store, annotator), annotator)
            return
        worker = GeneratorWorker(path, lambda store: check(store, annotator))
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._result)
        worker.signals.failed.connect(self._failed)
        for ended in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            ended.connect(self._ended)
        self.worker, self._running_as = worker, annotator
        self._workers.append(worker)
        self.run_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(tr("Checking…"))
        QThreadPool.globalInstance().start(worker)

    def cancel(self) -> None:
        if self.worker is None:
            return
        self.worker.cancel()  # its late signals are not shown (``_ours``)
        self.worker = None
        self._idle()
        self.status.setText(tr("Check cancelled."))

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.run_button.setText(tr("Check again"))
        self.cancel_button.hide()
        self.progress.hide()

    def _ours(self) -> bool:
        """Whether the signal being handled comes from the check now shown as running."""
        return self.worker is not None and self.sender() is self.worker.signals

    def _ended(self) -> None:
        self._workers = [w for w in self._workers if w.signals is not self.sender()]

    def _progress(self, done: int, total: int, _message: str) -> None:
        if self._ours() and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _result(self, findings: list[Finding]) -> None:
        if self._ours():
            self.worker = None
            self.show_findings(findings, self._running_as)

    def _failed(self, message: str) -> None:
        if self._ours():
            self.worker = None
            self._idle()
            self.status.setText(tr("The check stopped: {reason}").format(reason=message))

    def show_findings(self, findings: list[Finding], annotator: str | None) -> None:
        self._idle()
        self.checked_as = annotator or ""
        self.model.set_findings(findings)
        whose = tr("every annotator") if annotator is None else ltr(annotator)
        if not findings:
            self.status.setText(tr("No inconsistencies found (checked: {whose}).").format(whose=whose))
            return
        places = sum(finding.count for finding in findings)
        self.status.setText(tr("{count} findings at {places} places (checked: {whose}), the most frequent "
                               "first. Enter or double-click a row to go there.").format(
                                   count=len(findings), places=places, whose=whose))

    # --- going there ----------------------------------------------------------------------
    def activate(self, index: QModelIndex) -> None:
        """A finding row opens onto its places and goes to the first; a place row goes there."""
        place = self.model.place_at(index)
        if place is None:
            return
        if index.internalId() == 0:
            self.tree.expand(index.siblingAtColumn(0))
        self.jump(place)

    def _read_text(self, document_id: str) -> str | None:
        try:
            return self.workspace.store.document(document_id).text
        except AnnotatorError:  # damaged: the finding says so
            return None


def jump_to_place(workspace: Workspace, view: AnnotationTextView,
                  open_document: Callable[[str], bool]) -> Callable[[Place], None]:
    """What a place does in the window: open its document (``open_document`` refuses a
    damaged one with its reason and returns False), scroll to it, and make it what the
    label keys act on: the annotator's own span, event or attribution there becomes the
    selected item; an unlabelled occurrence is selected as text; another annotator's
    item is outlined only (it is theirs, not to edit here)."""

    def jump(place: Place) -> None:
        document = workspace.document
        if (document is None or document.id != place.document_id) and not open_document(place.document_id):
            return
        if place.start is None or place.end is None:
            workspace.set_current(None)
            return
        view.select_offsets(place.start, place.end)  # scrolls there
        own = place.annotator == workspace.annotator
        item = _own_item(workspace, place) if own else None
        if item is not None:
            view.clear_selection()
            workspace.set_current(item)  # outlined, and the label keys relabel it
        elif own and not place.item:
            workspace.set_current(None)  # the words stay selected: a label key labels them
        else:
            view.clear_selection()
            workspace.set_current(None)
            view.outline([Span(place.item or "finding", place.start, place.end, "")])

    return jump


def _own_item(workspace: Workspace, place: Place) -> Span | Event | Attribution | None:
    annotations = workspace.annotations
    if annotations is None or not place.item:
        return None
    for pool in (annotations.spans, annotations.events, annotations.attributions):
        found = next((item for item in pool if item.id == place.item), None)
        if found is not None:
            return found
    return None
