"""Edit > Concordance: every hit of a search across the corpus, key word in context,
with the labels each carries; label, relabel or unlabel many hits with one key press.

The window takes the workspace and two callbacks (show a hit in the main window, the
corpus index if one is ready), not the main window. The search is the core's
(``core/concordance.py``), run on the thread pool with its own connection, so a
search over 100,000 documents never freezes the window; the first ``HIT_LIMIT`` hits
are listed and all are counted. A decision on the selected hits is one
``CorpusEdit`` pushed on the workspace: one undo step in the Edit menu however many
documents it touches, and the document open in the main window stays open (see the
command). Rows follow every change the workspace broadcasts (an undo in the main
window too).

The rows (the model, the right-to-left table and its keys) are in ``concordance_rows``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QThreadPool
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.concordance import (
    HIT_LIMIT,
    Concordance,
    CorpusEdit,
    Hit,
    Refusal,
    concordance,
    find_hits,
    label_hits,
    unlabel_hits,
)
from ..core.search import CorpusIndex
from ..core.session import Change
from ..errors import AnnotatorError
from .concordance_rows import (
    AFTER,
    BEFORE,
    DOCUMENT,
    HIT,
    LABELS,
    ContextDelegate,
    HitsModel,
    HitsTable,
    UnlabelledFilter,
)
from .error_text import error_text, phrase_text
from .i18n import N_, ltr, tr
from .plain import plain_label
from .workers import GeneratorWorker
from .workspace import Workspace

if TYPE_CHECKING:
    from .main_window import MainWindow

MENU_TEXT = N_("&Concordance…")  # the Edit menu entry (Ctrl+Shift+F)
STEPS = (N_("Label hits {label} ({count})"), N_("Delete the labels of hits ({count})"))  # undo names


# --- the window ----------------------------------------------------------------------------
class ConcordanceWindow(QWidget):
    """The concordance of the project open in ``workspace``.

    ``show_hit(document_id, start, end)`` shows a hit in the main window;
    ``corpus_index()`` gives the corpus index when one is ready (else the search reads
    the documents). ``limit``: hits listed (all are counted).
    """

    def __init__(self, workspace: Workspace, show_hit: Callable[[str, int, int], None],
                 corpus_index: Callable[[], CorpusIndex | None] = lambda: None,
                 parent: QWidget | None = None, limit: int = HIT_LIMIT) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace, self.show_hit, self.corpus_index = workspace, show_hit, corpus_index
        self.limit = limit
        self.worker: GeneratorWorker | None = None
        self._searches = 0  # a result of an older search is dropped
        self._searched_as: str | None = None  # the annotator whose labels the rows show
        self.setWindowTitle(tr("Concordance"))
        self._build()
        workspace.changed.connect(self._follow)
        self.resize(1100, 600)

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("Search the whole corpus (ignores diacritics, tatweel and alef forms)…"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        self.whole_words = QCheckBox(tr("Whole words (after proclitics)"))
        self.whole_words.setChecked(True)
        self.whole_words.toggled.connect(lambda _: self.search())
        self.unlabelled = QCheckBox(tr("Only unlabelled hits"))
        self.model = HitsModel(self.workspace.schema, self)
        self.proxy = UnlabelledFilter(self)
        self.proxy.setSourceModel(self.model)
        self.unlabelled.toggled.connect(self.proxy.set_only_unlabelled)
        self.table = self._table()
        self.status = plain_label()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.label_choice = QComboBox()
        for label in self.workspace.schema.labels.values():
            key = f" ({ltr(label.hotkey)})" if label.hotkey else ""
            self.label_choice.addItem(f"{label.name}{key}", label.name)
        apply, remove, show = (QPushButton(tr("Label selected hits")), QPushButton(tr("Delete their labels")),
                               QPushButton(tr("Show in the text")))
        apply.clicked.connect(lambda: self.label_selected(self.label_choice.currentData()))
        remove.clicked.connect(self.unlabel_selected)
        show.clicked.connect(self.show_current)
        self.message = plain_label(wrap=True)
        top = QHBoxLayout()
        for widget in (self.query, self.whole_words, self.unlabelled):
            top.addWidget(widget)
        state = QHBoxLayout()
        state.addWidget(self.status, 1)
        state.addWidget(self.progress)
        actions = QHBoxLayout()
        for widget in (self.label_choice, apply, remove, show):
            actions.addWidget(widget)
        actions.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(state)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        column.addWidget(self.message)
        for keys, run in ((QKeySequence.StandardKey.Undo, self.workspace.undo),
                          (QKeySequence.StandardKey.Redo, self.workspace.redo),
                          (QKeySequence("Ctrl+L"), self.focus_query)):
            QShortcut(keys, self).activated.connect(run)

    def _table(self) -> HitsTable:
        table = HitsTable(self.workspace.schema)
        table.setModel(self.proxy)
        table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the text's direction
        table.setItemDelegate(ContextDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(DOCUMENT, Qt.SortOrder.AscendingOrder)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for section, mode in ((DOCUMENT, QHeaderView.ResizeMode.Interactive),
                              (BEFORE, QHeaderView.ResizeMode.Stretch),
                              (HIT, QHeaderView.ResizeMode.ResizeToContents),
                              (AFTER, QHeaderView.ResizeMode.Stretch),
                              (LABELS, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(section, mode)
        header.resizeSection(DOCUMENT, 160)
        table.labelPressed.connect(self.label_selected)
        table.deletePressed.connect(self.unlabel_selected)
        table.showPressed.connect(self.show_current)
        table.doubleClicked.connect(lambda _: self.show_current())
        return table

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    # --- searching -------------------------------------------------------------------------
    def search(self) -> None:
        """Search again for the query (a search still running is cancelled)."""
        self._searches += 1
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
        query, ws = self.query.text(), self.workspace
        self._searched_as = ws.annotator
        self.message.clear()
        if not query.strip():
            self._show(Concordance((), 0))
            return
        options = {"whole_words": self.whole_words.isChecked(), "index": self.corpus_index(),
                   "limit": self.limit}
        if ws.store.path is None:  # a project in memory: no second connection to search with
            self._show(find_hits(ws.store, query, ws.annotator, **options))
            return
        self._start(query, ws.annotator, options)

    def _start(self, query: str, annotator: str, options: dict) -> None:
        search = self._searches
        worker = GeneratorWorker(self.workspace.store.path,
                                 lambda store: concordance(store, query, annotator, **options))
        worker.signals.progress.connect(lambda done, total, _: self._progress(search, done, total))
        worker.signals.result.connect(lambda found: self._show(found) if search == self._searches else None)
        worker.signals.failed.connect(lambda message: self._failed(search, message))
        self.worker = worker
        self.status.setText(tr("Searching…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        QThreadPool.globalInstance().start(worker)

    def _progress(self, search: int, done: int, total: int) -> None:
        if search == self._searches and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(tr("Searching… {done} of {total} documents").format(done=done, total=total))

    def _failed(self, search: int, message: str) -> None:
        if search == self._searches:
            self.worker = None
            self.progress.hide()
            self.status.setText(message)

    def _show(self, found: Concordance) -> None:
        self.worker = None
        self.progress.hide()
        self.model.set_hits(list(found.hits))
        self.status.setText(self._summary(found))
        if found.hits:  # (selectRow misses in a right-to-left table: Qt looks past its edge)
            self.table.setCurrentIndex(self.proxy.index(0, 0))
            self.table.setFocus()

    def _summary(self, found: Concordance) -> str:
        if not self.query.text().strip():
            return ""
        if not found.total:
            text = tr("No hit.")
        elif found.truncated:
            text = tr("Hits: {total}; the first {shown} are listed.").format(total=found.total, shown=len(found.hits))
        else:
            text = tr("Hits: {total} (documents: {documents}).").format(
                total=found.total, documents=len(self.model.documents()))
        if found.problems:
            text += " " + tr("Damaged documents left out: {count}.").format(count=len(found.problems))
        return text

    # --- deciding --------------------------------------------------------------------------
    def selected_hits(self) -> list[Hit]:
        rows = sorted(self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows())
        return [self.model.hits[r] for r in rows]

    def label_selected(self, label: str) -> None:
        self._decide(lambda store, annotator, hits, copy: label_hits(store, annotator, hits, label, copy),
                     lambda count: tr("Hits labelled {label}: {count}.").format(count=count, label=ltr(label)))

    def unlabel_selected(self) -> None:
        self._decide(unlabel_hits, lambda count: tr("Hits whose labels were deleted: {count}.").format(count=count))

    def _decide(self, plan: Callable, done: Callable[[int], str]) -> None:
        hits, ws = self.selected_hits(), self.workspace
        if not hits:
            self.message.setText(tr("Select hits first (Shift+arrows, Ctrl+A), then press a label's key."))
            return
        if ws.annotator != self._searched_as:
            self.message.setText(tr("You now work as another annotator: search again first."))
            return
        kept = [QPersistentModelIndex(i) for i in self.table.selectionModel().selectedRows()]
        try:
            ws.catch_up()  # what another window wrote meanwhile is what the decision sees
            copy = (ws.document, ws.annotations) if ws.document is not None else None
            command, refused = plan(ws.store, ws.annotator, hits, copy)
            if command is not None:
                ws.push(command)
        except AnnotatorError as error:
            self.message.setText(tr("Not done: {reason}").format(reason=error_text(error, located=False)))
            return
        self.message.setText(self._outcome(command, refused, done))
        self._reselect(kept)

    def _outcome(self, command: CorpusEdit | None, refused: list[Refusal], done: Callable[[int], str]) -> str:
        count = command.hits if command is not None else 0
        text = done(count) if count else tr("Nothing to change.")
        if refused:
            text += " " + tr("Hits left as they were: {count} ({reason})").format(
                count=len(refused), reason=phrase_text(refused[0].reason))
        return text

    def _reselect(self, kept: list[QPersistentModelIndex]) -> None:
        """The same hits stay selected (rows may have moved when sorted by label)."""
        selection = self.table.selectionModel()
        for index in kept:
            if index.isValid():
                selection.select(QModelIndex(index), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def show_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            hit = self.model.hits[self.proxy.mapToSource(index).row()]
            self.show_hit(hit.document_id, hit.start, hit.end)

    # --- following the project -------------------------------------------------------------
    def _follow(self, change: Change) -> None:
        """Rows show the labels as they are now, after an edit here, in the main window,
        an undo or redo (of a step in many documents too)."""
        ws = self.workspace
        if not self.model.hits:
            return
        if ws.annotator != self._searched_as:
            self.search()  # the rows showed another annotator's labels
            return
        for document_id in self._touched(change):
            try:
                if ws.document is not None and document_id == ws.document.id:
                    annotations = ws.annotations
                else:
                    annotations = ws.store.annotations(document_id, ws.annotator)
            except AnnotatorError:
                continue
            self.model.update_document(document_id, annotations)

    def _touched(self, change: Change) -> set[str]:
        """The documents ``change`` may have touched: its own, and those of the step
        last done or undone when it was a corpus-wide one."""
        session = self.workspace.session
        touched = {change.document_id} if change.document_id else set()
        for step in (*session.done[-1:], *session.undone[-1:]):
            for command in step.commands:
                touched.update(getattr(command, "document_ids", [command.document_id]))
        return touched & set(self.model.documents())


def open_concordance(window: MainWindow) -> ConcordanceWindow:
    """Edit > Concordance… (Ctrl+Shift+F): one window per main window, raised when open
    again; the main window's selected text, if any, is the query."""
    found = window.open_dialogs.get("concordance")
    if not isinstance(found, ConcordanceWindow):
        found = ConcordanceWindow(window.workspace, lambda doc, start, end: _show_hit(window, doc, start, end),
                                  lambda: getattr(window.suggestions, "index", None), window)
        window.open_dialogs["concordance"] = found
    selection = window.view.selection_offsets()
    if selection is not None:
        found.query.setText(window.view.text[selection[0]:selection[1]].strip())
    found.show()
    found.raise_()
    found.activateWindow()
    found.focus_query()
    if selection is not None:
        found.search()
    return found


def _show_hit(window: MainWindow, document_id: str, start: int, end: int) -> None:
    """Open the hit's document in the main window with the hit selected."""
    document = window.workspace.document
    if (document is None or document.id != document_id) and not window.navigator.open_document(document_id):
        return
    window.view.select_offsets(start, end)
    window.raise_()
    window.activateWindow()
