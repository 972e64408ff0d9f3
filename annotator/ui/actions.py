"""Menus and shortcuts of the main window. Everything is reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .i18n import N_, tr
from .plain import no_mnemonic

StandardKey = QKeySequence.StandardKey

# (menu, text, shortcut(s), handler name or callable on the window) — shown in Help too
BOUNDARY_KEYS = [
    (N_("Start one character earlier"), "[", ("start", False, False)),
    (N_("Start one character later"), "]", ("start", True, False)),
    (N_("Start one word earlier"), "Ctrl+[", ("start", False, True)),
    (N_("Start one word later"), "Ctrl+]", ("start", True, True)),
    (N_("End one character earlier"), ";", ("end", False, False)),
    (N_("End one character later"), "'", ("end", True, False)),
    (N_("End one word earlier"), "Ctrl+;", ("end", False, True)),
    (N_("End one word later"), "Ctrl+'", ("end", True, True)),
]


def _action(window: QMainWindow, menu: QMenu, text: str, shortcut, handler: Callable) -> QAction:  # noqa: ANN001
    action = QAction(text, window)
    if isinstance(shortcut, (list, tuple)):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _=False: handler())
    menu.addAction(action)
    return action


class _StepAction(QAction):
    """Undo or Redo, enabled and named as Qt's own ("&Undo Add PER span"); its slots
    are methods, so Qt disconnects them when either side goes away."""

    def __init__(self, window: QMainWindow, prefix: str, can: bool, step: str) -> None:
        super().__init__(prefix, window)
        self.prefix = prefix
        self.setEnabled(can)
        self.name_step(step)

    def name_step(self, step: str) -> None:
        # a label named "R&D" must show its "&", not make Alt+D undo
        self.setText(f"{self.prefix} {no_mnemonic(step)}" if step else self.prefix)


def _step_action(window, menu: QMenu, prefix: str, shortcuts: list, handler: Callable,  # noqa: ANN001
                 can: bool, step: str, can_changed, step_changed) -> QAction:  # noqa: ANN001
    action = _StepAction(window, prefix, can, step)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(lambda _=False: handler())
    can_changed.connect(action.setEnabled)
    step_changed.connect(action.name_step)
    menu.addAction(action)
    return action


def _focus(window, widget) -> None:  # noqa: ANN001
    """Show a panel (it may be closed or tabbed away) and put the keyboard focus in it."""
    for dock in window.docks.values():
        if dock.widget() is widget:
            dock.show()
            dock.raise_()
    target = widget.focusProxy() or widget
    target.setFocus()
    if not target.hasFocus():
        widget.nextInFocusChain().setFocus()


def _set_convention(window, action: QAction, on: bool) -> None:  # noqa: ANN001
    from ..core.errors import AnnotatorError
    from ..core.search import set_clitic_convention

    try:
        set_clitic_convention(window.workspace.store, "include" if on else "exclude")
    except AnnotatorError as error:  # not saved (read-only, full disk): say so, untick
        window.workspace.refused.emit(error)
        action.blockSignals(True)
        action.setChecked(not on)
        action.blockSignals(False)


def build_menus(window) -> None:  # noqa: ANN001
    from . import app

    bar = window.menuBar()
    c = window.controller
    file = bar.addMenu(tr("&File"))
    window.actions_by_name = {}
    add = window.actions_by_name.__setitem__
    add("new", _action(window, file, tr("&New project…"), StandardKey.New, lambda: app.new_project_dialog(window)))
    add("open", _action(window, file, tr("&Open project…"), StandardKey.Open, lambda: app.open_project_dialog(window)))
    window.recent_menu = file.addMenu(tr("Open &recent"))
    window.recent_menu.aboutToShow.connect(lambda: app.fill_recent_menu(window))
    file.addSeparator()
    add("import", _action(window, file, tr("&Import…"), "Ctrl+I", lambda: app.import_dialog(window)))
    add("export", _action(window, file, tr("&Export…"), "Ctrl+Shift+E", lambda: app.export_dialog(window)))
    add("stats", _action(window, file, tr("&Statistics…"), "Ctrl+Shift+T", lambda: app.stats_dialog(window)))
    add("agreement", _action(window, file, tr("&Agreement…"), "Ctrl+Shift+G", lambda: app.agreement_dialog(window)))
    add("restore", _action(window, file, tr("&Restore backup…"), None, lambda: app.restore_dialog(window)))
    file.addSeparator()
    add("quit", _action(window, file, tr("&Quit"), StandardKey.Quit, window.close))

    edit = bar.addMenu(tr("&Edit"))
    ws, stack = window.workspace, window.workspace.undo_stack
    # not the stack's own actions: those move the stack even when the file refused the
    # undo; the workspace undoes in the file first and moves the stack only then
    undo = _step_action(window, edit, tr("&Undo"), [QKeySequence(StandardKey.Undo)], ws.undo,
                        stack.canUndo(), stack.undoText(), stack.canUndoChanged, stack.undoTextChanged)
    redo = _step_action(window, edit, tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], ws.redo,
                        stack.canRedo(), stack.redoText(), stack.canRedoChanged, stack.redoTextChanged)
    add("undo", undo)
    add("redo", redo)
    edit.addSeparator()
    add("find", _action(window, edit, tr("&Find…"), StandardKey.Find, window.find_bar.open))
    add("find_next", _action(window, edit, tr("Find next"), "F3", lambda: window.find_bar.step(1)))
    add("find_previous", _action(window, edit, tr("Find previous"), "Shift+F3", lambda: window.find_bar.step(-1)))
    add("delete", _action(window, edit, tr("&Delete selected label"), ["Del", "Backspace"], c.delete_current))
    exact = _action(window, edit, tr("E&xact characters (no word snapping)"), "Ctrl+E", lambda: None)
    exact.setCheckable(True)
    exact.toggled.connect(lambda on: setattr(c, "exact_mode", on))
    add("exact", exact)
    boundaries = edit.addMenu(tr("Move &boundary"))
    for text, key, (which, forward, by_word) in BOUNDARY_KEYS:
        _action(window, boundaries, tr(text), key, lambda w=which, f=forward, b=by_word: c.move_boundary(w, f, b))

    annotate = bar.addMenu(tr("Annotate"))  # no mnemonic: Alt+letters are event hotkeys
    add("argument", _action(window, annotate, tr("Add event &argument…"), "Ctrl+R", c.add_argument))
    add("source", _action(window, annotate, tr("Set attribution &source…"), "Ctrl+Shift+S",
                          lambda: c.set_attribution_part("source")))
    add("content", _action(window, annotate, tr("Set attribution &content…"), "Ctrl+Shift+C",
                           lambda: c.set_attribution_part("content")))
    adjudicate = _action(window, annotate, tr("Ad&judication mode (work as gold)"), "Ctrl+Shift+J", lambda: None)
    adjudicate.setCheckable(True)
    adjudicate.toggled.connect(window.set_adjudication)
    add("adjudicate", adjudicate)
    add("accept", _action(window, annotate, tr("Accept candidate"), "Ctrl+Return",
                          window.adjudication_panel.accept_current))
    add("reject", _action(window, annotate, tr("Reject candidate"), "Ctrl+Shift+Backspace",
                          window.adjudication_panel.reject_current))
    add("accept_agreed", _action(window, annotate, tr("Accept all agreed"), "Ctrl+Shift+Return",
                                 window.adjudication_panel.accept_agreed))
    annotate.addSeparator()
    add("clitic", _action(window, annotate, tr("Take the selection without its proclitic"), "Ctrl+K",
                          window.take_clitic_offer))
    convention = _action(window, annotate, tr("Entity spans include proclitics (ANERcorp convention)"),
                         None, lambda: None)
    convention.setCheckable(True)
    from ..core.search import clitic_convention

    convention.setChecked(clitic_convention(window.workspace.store) == "include")
    convention.toggled.connect(lambda on: _set_convention(window, convention, on))
    add("convention", convention)
    s_ = window.suggestions
    add("suggestion_accept", _action(window, annotate, tr("Accept suggestion"), "Y", s_.accept_current))
    add("suggestion_reject", _action(window, annotate, tr("Reject suggestion"), "N", s_.reject_current))
    add("suggestion_all", _action(window, annotate, tr("Accept all suggestions in the document"), "Ctrl+Shift+Y",
                                  s_.accept_all))
    add("suggestion_next", _action(window, annotate, tr("Next suggestion"), "F4", lambda: s_.step(1)))
    add("suggestion_previous", _action(window, annotate, tr("Previous suggestion"), "Shift+F4", lambda: s_.step(-1)))
    add("preannotate", _action(window, annotate, tr("Pre-annotate with the NER model…"), None,
                               lambda: app.preannotate_dialog(window)))
    annotate.addSeparator()
    _action(window, annotate, tr("Next label"), None, lambda: window.step_span(1)).setText(tr("Next label") + "\tTab")
    _action(window, annotate, tr("Previous label"), None, lambda: window.step_span(-1)).setText(tr("Previous label") + "\tShift+Tab")
    add("clear", _action(window, annotate, tr("Clear selection"), "Esc", window.escape))

    document = bar.addMenu(tr("Document"))
    add("next", _action(window, document, tr("&Next document"), "Ctrl+PgDown", lambda: window.step_document(1)))
    add("previous", _action(window, document, tr("&Previous document"), "Ctrl+PgUp", lambda: window.step_document(-1)))
    add("next_todo", _action(window, document, tr("Next &not done"), "Ctrl+Shift+PgDown",
                             lambda: window.step_document(1, not_done=True)))
    add("done", _action(window, document, tr("Mark &done / not done"), "Ctrl+D", c.toggle_done))

    view = bar.addMenu(tr("&View"))
    add("zoom_in", _action(window, view, tr("Zoom &in"), ["Ctrl++", "Ctrl+="], lambda: window.zoom(1)))
    add("zoom_out", _action(window, view, tr("Zoom &out"), "Ctrl+-", lambda: window.zoom(-1)))
    add("zoom_reset", _action(window, view, tr("&Reset zoom"), "Ctrl+0", lambda: window.zoom(0)))
    add("font", _action(window, view, tr("&Font…"), None, lambda: app.font_dialog(window)))
    add("language", _action(window, view, tr("Interface &language…"), None, lambda: app.language_dialog(window)))
    view.addSeparator()
    focus = view.addMenu(tr("&Go to panel"))
    targets = [(tr("Text"), window.view), *((d.windowTitle(), d.widget()) for d in window.docks.values())]
    for number, (title, widget) in enumerate(targets, start=1):
        _action(window, focus, title, f"Ctrl+{number}", lambda w=widget: _focus(window, w))
    view.addSeparator()
    for dock in window.docks.values():
        view.addAction(dock.toggleViewAction())

    help_menu = bar.addMenu(tr("&Help"))
    _action(window, help_menu, tr("&Keyboard shortcuts"), "F1", lambda: app.shortcuts_dialog(window))
