"""Menus and shortcuts of the main window. Everything is reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

StandardKey = QKeySequence.StandardKey

# (menu, text, shortcut(s), handler name or callable on the window) — shown in Help too
BOUNDARY_KEYS = [
    ("Start one character earlier", "[", ("start", False, False)),
    ("Start one character later", "]", ("start", True, False)),
    ("Start one word earlier", "Ctrl+[", ("start", False, True)),
    ("Start one word later", "Ctrl+]", ("start", True, True)),
    ("End one character earlier", ";", ("end", False, False)),
    ("End one character later", "'", ("end", True, False)),
    ("End one word earlier", "Ctrl+;", ("end", False, True)),
    ("End one word later", "Ctrl+'", ("end", True, True)),
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


def build_menus(window) -> None:  # noqa: ANN001
    from . import app

    bar = window.menuBar()
    c = window.controller
    file = bar.addMenu("&File")
    window.actions_by_name = {}
    add = window.actions_by_name.__setitem__
    add("new", _action(window, file, "&New project…", StandardKey.New, lambda: app.new_project_dialog(window)))
    add("open", _action(window, file, "&Open project…", StandardKey.Open, lambda: app.open_project_dialog(window)))
    window.recent_menu = file.addMenu("Open &recent")
    window.recent_menu.aboutToShow.connect(lambda: app.fill_recent_menu(window))
    file.addSeparator()
    add("import", _action(window, file, "&Import…", "Ctrl+I", lambda: app.import_dialog(window)))
    add("export", _action(window, file, "&Export…", "Ctrl+Shift+E", lambda: app.export_dialog(window)))
    add("stats", _action(window, file, "&Statistics…", "Ctrl+Shift+T", lambda: app.stats_dialog(window)))
    add("agreement", _action(window, file, "&Agreement…", "Ctrl+Shift+G", lambda: app.agreement_dialog(window)))
    file.addSeparator()
    add("quit", _action(window, file, "&Quit", StandardKey.Quit, window.close))

    edit = bar.addMenu("&Edit")
    stack = window.workspace.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts([QKeySequence(StandardKey.Undo)])
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addAction(undo)
    edit.addAction(redo)
    add("undo", undo)
    add("redo", redo)
    edit.addSeparator()
    add("delete", _action(window, edit, "&Delete selected label", ["Del", "Backspace"], c.delete_current))
    exact = _action(window, edit, "E&xact characters (no word snapping)", "Ctrl+E", lambda: None)
    exact.setCheckable(True)
    exact.toggled.connect(lambda on: setattr(c, "exact_mode", on))
    add("exact", exact)
    boundaries = edit.addMenu("Move &boundary")
    for text, key, (which, forward, by_word) in BOUNDARY_KEYS:
        _action(window, boundaries, text, key, lambda w=which, f=forward, b=by_word: c.move_boundary(w, f, b))

    annotate = bar.addMenu("Annotate")  # no mnemonic: Alt+letters are event hotkeys
    add("argument", _action(window, annotate, "Add event &argument…", "Ctrl+R", c.add_argument))
    add("source", _action(window, annotate, "Set attribution &source…", "Ctrl+Shift+S",
                          lambda: c.set_attribution_part("source")))
    add("content", _action(window, annotate, "Set attribution &content…", "Ctrl+Shift+C",
                           lambda: c.set_attribution_part("content")))
    adjudicate = _action(window, annotate, "Ad&judication mode (work as gold)", "Ctrl+Shift+J", lambda: None)
    adjudicate.setCheckable(True)
    adjudicate.toggled.connect(window.set_adjudication)
    add("adjudicate", adjudicate)
    add("accept", _action(window, annotate, "Accept candidate", "Ctrl+Return",
                          window.adjudication_panel.accept_current))
    add("reject", _action(window, annotate, "Reject candidate", "Ctrl+Shift+Backspace",
                          window.adjudication_panel.reject_current))
    add("accept_agreed", _action(window, annotate, "Accept all agreed", "Ctrl+Shift+Return",
                                 window.adjudication_panel.accept_agreed))
    annotate.addSeparator()
    _action(window, annotate, "Next label", None, lambda: window.step_span(1)).setText("Next label\tTab")
    _action(window, annotate, "Previous label", None, lambda: window.step_span(-1)).setText("Previous label\tShift+Tab")
    add("clear", _action(window, annotate, "Clear selection", "Esc", lambda: (window.view.clear_selection(),
                                                                             window.workspace.set_current(None))))

    document = bar.addMenu("Document")
    add("next", _action(window, document, "&Next document", "Ctrl+PgDown", lambda: window.step_document(1)))
    add("previous", _action(window, document, "&Previous document", "Ctrl+PgUp", lambda: window.step_document(-1)))
    add("next_todo", _action(window, document, "Next &not done", "Ctrl+Shift+PgDown",
                             lambda: window.step_document(1, not_done=True)))
    add("done", _action(window, document, "Mark &done / not done", "Ctrl+D", c.toggle_done))

    view = bar.addMenu("&View")
    add("zoom_in", _action(window, view, "Zoom &in", ["Ctrl++", "Ctrl+="], lambda: window.zoom(1)))
    add("zoom_out", _action(window, view, "Zoom &out", "Ctrl+-", lambda: window.zoom(-1)))
    add("zoom_reset", _action(window, view, "&Reset zoom", "Ctrl+0", lambda: window.zoom(0)))
    add("font", _action(window, view, "&Font…", None, lambda: app.font_dialog(window)))
    view.addSeparator()
    focus = view.addMenu("&Go to panel")
    targets = [("Text", window.view), *((d.windowTitle(), d.widget()) for d in window.docks.values())]
    for number, (title, widget) in enumerate(targets, start=1):
        _action(window, focus, title, f"Ctrl+{number}", lambda w=widget: _focus(window, w))
    view.addSeparator()
    for dock in window.docks.values():
        view.addAction(dock.toggleViewAction())

    help_menu = bar.addMenu("&Help")
    _action(window, help_menu, "&Keyboard shortcuts", "F1", lambda: app.shortcuts_dialog(window))
