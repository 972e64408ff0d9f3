"""The main window: the text in the middle, dockable panels around it, menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QPoint,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Attribution, Span
from ..core.session import Change
from ..errors import AnnotatorError, ProjectError
from .busy import BusyIndicator
from .clitic_offer import CliticOffer
from .documents_dock import DocumentsDock
from .error_text import error_text
from .heap import settle_loaded_data
from .i18n import N_, tr
from .labelling import LabelController
from .models import AnnotationListModel, MatchingDocuments
from .navigation import Navigator
from .palette import LabelPalette
from .panels import AttributionsPanel, EventsPanel, Inspector
from .side_panels import AnnotationPanels, DocumentsPanel
from .tables import annotation_list_table
from .text_view import AnnotationTextView, tooltip_html
from .workspace import Workspace

APP_TITLE = N_("Arabic News Annotator")


TEXT_MIN_WIDTH = 280  # pixels: a few words a line, whatever the docks take (half of 1600 fits)

class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, project_path: Path | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.project_path = project_path
        self.open_dialogs: dict[str, QWidget] = {}  # kept alive while shown, by kind
        self.last_error_box: QMessageBox | None = None  # the last refusal of a background job
        self.running_worker = None  # the background job running now (kept alive)
        self.background_jobs: list = []  # quiet jobs (the backup on opening), kept alive while they run
        self.setObjectName("MainWindow")
        # Qt sends hover text only to the active window; with no window manager (kiosks,
        # remote X sessions) nothing makes ours active under the pointer
        self.setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)
        self.view = AnnotationTextView()
        self.view.follow(workspace)  # first: the text repaints before anything else moves
        self.view.tooltip_text = lambda spans: tooltip_html(
            spans, workspace.schema, workspace.describe, lambda span: self.view.text[span.start:span.end])
        from .find_bar import FindBar

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.find_bar = FindBar(workspace, self.view, self)
        column.addWidget(self.find_bar)
        column.addWidget(self.view)
        # a narrow window (half a screen) shrinks the docks, not the text: it was left a
        # column of one or two letters, its words broken apart
        centre.setMinimumWidth(TEXT_MIN_WIDTH)
        self.setCentralWidget(centre)
        self.controller = LabelController(workspace, self.view, self, self.show_message)
        from .after_paint import AfterPaint

        self.after_paint = AfterPaint(self)  # side panels follow an edit after the text
        self.view.painted.connect(self.after_paint.painted)
        from .suggestions_ui import SuggestionsController

        self.suggestions = SuggestionsController(workspace, self.view, self.show_message, self, project_path)
        self.clitic = CliticOffer(workspace, self.view, self.statusBar())
        self._build_docks()
        self.navigator = Navigator(workspace, self.view, self.documents_model, self.show_refusal, self.show_message)
        self._build_corpus_docks()
        self._build_actions()
        self._connect()
        self._restore_layout()
        self._update_title()
        self.navigator.open_first_document()
        # the list of every document grows with the corpus: it follows the first paint
        self.after_paint.add("documents", self.refresh_documents)
        self.suggestions.busy = BusyIndicator(self.statusBar())
        self.suggestions.build()
        from .model_training import ModelSuggestions

        self.model_suggestions = ModelSuggestions(workspace, self.suggestions, self.suggestions.busy,
                                                  project_path, self.show_message, self)
        self._watch = QTimer(self)  # notice writes by another window or the CLI
        self._watch.setInterval(2000)
        self._watch.timeout.connect(self.workspace.catch_up)
        self._watch.start()

    # --- building ----------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.palette = LabelPalette()
        from .i18n import ui_language

        self.palette.set_schema(self.workspace.schema, ui_language())
        self.documents_panel = DocumentsDock(self._documents_matching)
        self.documents_model, self.documents_filter = self.documents_panel.model, self.documents_panel.proxy
        self.documents_table = self.documents_panel.table
        self.document_search, self.status_filter = self.documents_panel.search, self.documents_panel.status_filter
        self.annotations_model = AnnotationListModel(self)
        self.annotations_proxy = QSortFilterProxyModel(self)
        self.annotations_proxy.setSourceModel(self.annotations_model)
        self.annotations_proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.annotations_table = annotation_list_table(self.annotations_proxy)
        self.events_panel = EventsPanel()
        self.attributions_panel = AttributionsPanel()
        self.inspector = Inspector()
        from .adjudication import AdjudicationPanel

        self.adjudication_panel = AdjudicationPanel(self.workspace, self.show_message)
        self.own_name = self.workspace.annotator
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.docks = {
            "documents": self._dock(tr("Documents"), "documents", self.documents_panel, left),
            "annotations": self._dock(tr("Annotation list"), "annotations", self.annotations_table, left),
            "labels": self._dock(tr("Label palette"), "labels", self.palette, right),
            "inspector": self._dock(tr("Inspector"), "inspector", self.inspector, right),
            "events": self._dock(tr("Events"), "events", self.events_panel, right),
            "attributions": self._dock(tr("Attributions"), "attributions", self.attributions_panel, right),
        }
        self.docks["adjudication"] = self._dock(
            tr("Adjudication"), "adjudication", self.adjudication_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.docks["adjudication"].hide()
        self.tabifyDockWidget(self.docks["events"], self.docks["attributions"])
        self.docks["events"].raise_()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status_label)

    def _build_corpus_docks(self) -> None:
        """The consistency check (bottom, shown from its menu entry) and the notes
        (beside events and attributions)."""
        from .check_panel import CheckPanel, jump_to_place
        from .notes_panel import NotesPanel, outline_in

        self.check_panel = CheckPanel(self.workspace, jump_to_place(
            self.workspace, self.view, self.navigator.open_document))
        self.notes_panel = NotesPanel(self.workspace, outline_in(self.view), self.adjudicating,
                                      self.show_refusal, self.after_paint.add)
        self.docks["notes"] = self._dock(tr("Notes"), "notes", self.notes_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["attributions"], self.docks["notes"])
        self.docks["events"].raise_()
        self.docks["check"] = self._dock(tr("Consistency check"), "check", self.check_panel,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.docks["check"].hide()

    def check_consistency(self) -> None:
        """Document > Check consistency: the check's dock, run on the whole corpus."""
        self.docks["check"].show()
        self.docks["check"].raise_()
        self.check_panel.run()

    def _build_actions(self) -> None:
        from .actions import build_menus

        build_menus(self)
        self.label_actions: dict[str, QAction] = {}
        for label in self.workspace.schema.labels.values():
            if not label.hotkey:
                continue
            action = QAction(f"Label {label.name}", self)
            action.setShortcut(QKeySequence(label.hotkey))
            action.triggered.connect(lambda _=False, name=label.name: self.controller.apply_label(name))
            self.addAction(action)
            self.label_actions[label.name] = action

    def _connect(self) -> None:
        ws = self.workspace
        self.annotation_panels = AnnotationPanels(
            ws, self.after_paint, self.annotations_model, self.annotations_table,
            self.annotations_proxy, self.events_panel, self.attributions_panel, self.inspector,
            status=lambda: self.documents.update_status())
        self.documents = DocumentsPanel(ws, self.after_paint, self.documents_panel, self.status_label)
        self.adjudication_panel.follow(self.adjudicating, self.view.set_marks, self.after_paint)
        ws.changed.connect(self._changed)
        ws.refused.connect(self.show_refusal)
        self.palette.labelChosen.connect(self.controller.apply_label)
        self.view.spanActivated.connect(self.navigator.span_clicked)
        self.view.spanLinked.connect(self.controller.link_span)
        self.view.navigateSpans.connect(self.navigator.step_span)
        self.view.placeClicked.connect(lambda offset: self.suggestions.choose_at(offset))
        self.view.menuRequested.connect(self._show_context_menu)
        self.documents_table.activated.connect(self.navigator.document_chosen)
        self.documents_table.clicked.connect(self.navigator.document_chosen)
        self.annotations_table.clicked.connect(self.navigator.span_chosen)
        self.annotations_table.activated.connect(self.navigator.span_chosen)
        self.events_panel.itemChosen.connect(ws.set_current)
        self.attributions_panel.itemChosen.connect(ws.set_current)
        self.events_panel.buttons["argument"].clicked.connect(lambda: self.controller.add_argument())
        self.events_panel.buttons["remove"].clicked.connect(self._remove_in_events)
        self.attributions_panel.buttons["source"].clicked.connect(lambda: self.controller.set_attribution_part("source"))
        self.attributions_panel.buttons["content"].clicked.connect(lambda: self.controller.set_attribution_part("content"))
        self.attributions_panel.buttons["remove"].clicked.connect(self.controller.delete_current)
        self.inspector.attributesEdited.connect(self.controller.set_attributes)
        self.adjudication_panel.candidateChosen.connect(self._candidate_chosen)

    # --- reacting to the workspace ------------------------------------------------------
    def _changed(self, change: Change) -> None:
        """The window's own part of a change (the text, panels, suggestions and
        adjudication follow by themselves): its title, and the loaded data set aside."""
        if change.opened:
            settle_loaded_data()
            self._update_title()
        if change.added:
            self.clitic.drop()  # a label was made: the offer was for the old selection
            if _new_attribution(change):  # a cue was marked: show where its parts are filled
                self.docks["attributions"].raise_()

    def _show_context_menu(self, offset: int, where: QPoint) -> None:
        from .context_menu import context_menu

        context_menu(self, offset).exec(where)

    def refresh_documents(self) -> None:
        self.documents.refresh()

    # --- adjudication ------------------------------------------------------------------
    def adjudicating(self) -> bool:
        return self.workspace.annotator != self.own_name

    def set_adjudication(self, on: bool, gold: str = "gold", document_id: str | None = None) -> None:
        """Work as the gold annotator, with every annotator's labels as candidates (on
        ``document_id``, else on the open document)."""
        self.view.set_marks([])
        try:
            self.workspace.set_annotator(gold if on else self.own_name, document_id)
            self.refresh_documents()  # statuses and counts are the other annotator's
        except AnnotatorError as error:
            self.show_refusal(error)
            action = self.actions_by_name["adjudicate"]
            action.blockSignals(True)
            action.setChecked(self.workspace.annotator != self.own_name)
            action.blockSignals(False)
            return
        self.docks["adjudication"].setVisible(on)
        self._update_title()

    def adjudicate_document(self, document_id: str) -> None:
        """Open ``document_id`` for adjudication, switching to gold (one load, not two)."""
        action = self.actions_by_name["adjudicate"]
        if not action.isChecked():
            action.blockSignals(True)
            action.setChecked(True)
            action.blockSignals(False)
            self.set_adjudication(True, document_id=document_id)
        elif self.workspace.document is None or self.workspace.document.id != document_id:
            self.navigator.open_document(document_id)

    def _candidate_chosen(self, start: int, end: int) -> None:
        self.view.select_offsets(start, end)
        self.view.clear_selection()
        self.view.outline([Span("candidate", start, end, "")])

    # --- user gestures -----------------------------------------------------------------
    def _remove_in_events(self) -> None:
        chosen = self.events_panel.selected_argument()
        if chosen is not None:
            event, argument = chosen
            self.controller.remove_argument(event, argument.role, argument.span)
        else:
            self.controller.delete_current()

    def _documents_matching(self, needle: str) -> MatchingDocuments | None:
        """Arabic-aware: titles and texts compared after the project's normalisation."""
        from ..core.search import documents_matching, normalisation_settings

        index = self.suggestions.index  # the corpus, normalised once: milliseconds
        if index is not None:
            return MatchingDocuments(index.ids_in_order, index.matching_numbers(needle))
        if self.suggestions.indexing():  # normalising every text now would freeze the window
            self.show_message(tr("The text filter applies once the corpus is indexed (see the status bar)."))
            self.suggestions.when_ready(self.documents_panel.filter_now)
            return None
        store = self.workspace.store
        return MatchingDocuments.of_ids(documents_matching(store, needle, normalisation_settings(store)))

    def escape(self) -> None:
        """Esc: close the find bar if it is open, else drop the selection."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        self.view.clear_selection()
        self.workspace.set_current(None)

    def zoom(self, step: int) -> None:
        if step == 0:
            from .text_view import DEFAULT_POINT_SIZE

            self.view.set_point_size(DEFAULT_POINT_SIZE)
        else:
            self.view.set_point_size(self.view.font().pointSizeF() + step)
        QSettings().setValue("view/point_size", self.view.font().pointSizeF())

    # --- status ------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def show_refusal(self, error: AnnotatorError) -> None:
        """An edit, undo or redo that changed nothing: the reason in the status bar, and
        a box too when the file refused it (full disk, read-only, in use, changed by
        another window), as the user must not think the work was saved."""
        self.show_message(tr("Not done: {reason}").format(reason=error_text(error, located=False)))
        if isinstance(error, ProjectError):
            box = QMessageBox(QMessageBox.Icon.Warning, tr(APP_TITLE), error_text(error),
                              QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file content
            box.open()
            self.last_refusal_box = box

    def _update_title(self) -> None:
        project = self.project_path.name if self.project_path else "demo"
        doc = f" — {self.workspace.document.title}" if self.workspace.document else ""
        read_only = f" ({tr('read-only: nothing can be saved')})" if self.workspace.store.read_only else ""
        self.setWindowTitle(f"{tr(APP_TITLE)} — {project}{doc} [{self.workspace.annotator}]{read_only}")

    # --- layout ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            # within the screen: on 1366x768 a 1400x900 window hid the File menu and the
            # palette (the right side, where a right-to-left window starts)
            room = self.screen().availableGeometry()
            self.resize(min(1400, room.width()), min(900, room.height()))
            self.move(room.topLeft())
            # wide enough for the annotation list's text, label and position side by side
            self.resizeDocks([self.docks["documents"]], [340], Qt.Orientation.Horizontal)
        if state is not None:
            self.restoreState(state)
        size = settings.value("view/point_size")
        if size is not None:
            self.view.set_point_size(float(size))
        family = settings.value("view/font_family")
        if family:
            self.view.set_family(str(family))

    def closeEvent(self, event: QCloseEvent) -> None:
        # the project file may be closed next: nothing may reach for it afterwards
        self._watch.stop()
        self.after_paint.flush()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        super().closeEvent(event)


def _new_attribution(change: Change) -> bool:
    """Whether the step made an attribution (not one changed: its id was there before)."""
    before = {item.id for item in change.removed if isinstance(item, Attribution)}
    return any(isinstance(item, Attribution) and item.id not in before for item in change.added)
