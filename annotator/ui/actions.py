"""Menus and shortcuts of the main window. Everything is reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from .i18n import N_, ltr, tr
from .plain import no_mnemonic

if TYPE_CHECKING:
    from .main_window import MainWindow

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


def _action(window: QMainWindow, menu: QMenu, text: str, shortcut: object, handler: Callable) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, (list, tuple)):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _=False: handler())
    _hint_isolated(action)
    menu.addAction(action)
    return action


def _hint_isolated(action: QAction) -> None:
    """Qt writes a menu entry's shortcut after its text, where a right-to-left menu
    reads «Ctrl++» as «++Ctrl»; such an entry carries its shortcut isolated after a tab
    (Qt then adds none). ``menu_text`` gives the text without it."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if keys and ltr(keys) != keys:
        action.setText(f"{action.text()}\t{ltr(keys)}")


def menu_text(action: QAction) -> str:
    """An entry's text without the shortcut ``_hint_isolated`` put after it."""
    return action.text().partition("\t")[0]


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


def _step_action(window: MainWindow, menu: QMenu, prefix: str, shortcuts: list, handler: Callable,
                 can: bool, step: str, can_changed: SignalInstance, step_changed: SignalInstance) -> QAction:
    action = _StepAction(window, prefix, can, step)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(lambda _=False: handler())
    can_changed.connect(action.setEnabled)
    step_changed.connect(action.name_step)
    menu.addAction(action)
    return action


def _focus(window: MainWindow, widget: QWidget) -> None:
    """Show a panel (it may be closed or tabbed away) and put the keyboard focus in it."""
    for dock in window.docks.values():
        if dock.widget() is widget:
            dock.show()
            dock.raise_()
    target = widget.focusProxy() or widget
    target.setFocus()
    if not target.hasFocus():
        widget.nextInFocusChain().setFocus()


def _set_convention(window: MainWindow, action: QAction, on: bool) -> None:
    from ..core.search import set_clitic_convention
    from ..errors import AnnotatorError

    try:
        set_clitic_convention(window.workspace.store, "include" if on else "exclude")
    except AnnotatorError as error:  # not saved (read-only, full disk): say so, untick
        window.workspace.refused.emit(error)
        action.blockSignals(True)
        action.setChecked(not on)
        action.blockSignals(False)


@dataclass(frozen=True)
class Entry:
    """One menu entry: where it goes, what it says, its keys and what it runs.

    ``run`` takes the window and returns the slot; ``checked`` makes the entry a
    toggle, called with the new state. The same table builds the menus and lists the
    shortcuts in Help > Keyboard shortcuts, so the two cannot disagree."""

    menu: str
    text: str
    keys: tuple = ()
    name: str | None = None
    run: Callable | None = None
    checked: Callable | None = None


SEPARATOR = Entry("", "")
MENUS = {"file": N_("&File"), "edit": N_("&Edit"), "annotate": N_("Annotate"),  # no mnemonic: Alt+letters are event hotkeys
         "document": N_("Document"), "view": N_("&View"), "help": N_("&Help")}


def _app():
    from . import app

    return app


def _concordance():
    from . import concordance

    return concordance


def _others():
    from . import other_annotator

    return other_annotator


def _help():
    from . import help_dialogs

    return help_dialogs


ENTRIES = [
    Entry("file", N_("&New project…"), (StandardKey.New,), "new", lambda w: lambda: _app().new_project_dialog(w)),
    Entry("file", N_("&Open project…"), (StandardKey.Open,), "open", lambda w: lambda: _app().open_project_dialog(w)),
    Entry("file", N_("Open &recent")),  # a submenu, filled when shown
    Entry("file", ""),
    Entry("file", N_("&Import…"), ("Ctrl+I",), "import", lambda w: lambda: _app().import_dialog(w)),
    Entry("file", N_("&Export…"), ("Ctrl+Shift+E",), "export", lambda w: lambda: _app().export_dialog(w)),
    Entry("file", N_("&Statistics…"), ("Ctrl+Shift+T",), "stats", lambda w: lambda: _app().stats_dialog(w)),
    Entry("file", N_("&Agreement…"), ("Ctrl+Shift+G",), "agreement", lambda w: lambda: _app().agreement_dialog(w)),
    Entry("file", N_("&Restore backup…"), (), "restore", lambda w: lambda: _app().restore_dialog(w)),
    Entry("file", N_("Change my &name…"), (), "rename", lambda w: lambda: _others().change_name(w)),
    Entry("file", ""),
    Entry("file", N_("&Quit"), (StandardKey.Quit,), "quit", lambda w: w.close),
    # Undo and Redo are built apart (_step_action): they follow the undo stack's names
    Entry("edit", N_("&Undo"), (StandardKey.Undo,), "undo"),
    Entry("edit", N_("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "redo"),
    Entry("edit", ""),
    Entry("edit", N_("&Find…"), (StandardKey.Find,), "find", lambda w: w.find_bar.open),
    Entry("edit", N_("Find next"), ("F3",), "find_next", lambda w: lambda: w.find_bar.step(1)),
    Entry("edit", N_("Find previous"), ("Shift+F3",), "find_previous", lambda w: lambda: w.find_bar.step(-1)),
    Entry("edit", N_("&Concordance…"), ("Ctrl+Shift+F",), "concordance",
          lambda w: lambda: _concordance().open_concordance(w)),
    Entry("edit", N_("&Delete selected label"), ("Del", "Backspace"), "delete", lambda w: w.controller.delete_current),
    Entry("edit", N_("E&xact characters (no word snapping)"), ("Ctrl+E",), "exact",
          checked=lambda w: lambda on: setattr(w.controller, "exact_mode", on)),
    Entry("annotate", N_("Add event &argument…"), ("Ctrl+R",), "argument", lambda w: w.controller.add_argument),
    Entry("annotate", N_("Set attribution &source…"), ("Ctrl+Shift+S",), "source",
          lambda w: lambda: w.controller.set_attribution_part("source")),
    Entry("annotate", N_("Set attribution &content…"), ("Ctrl+Shift+C",), "content",
          lambda w: lambda: w.controller.set_attribution_part("content")),
    Entry("annotate", N_("Ad&judication mode (work as gold)"), ("Ctrl+Shift+J",), "adjudicate",
          checked=lambda w: w.set_adjudication),
    Entry("annotate", N_("Accept candidate"), ("Ctrl+Return",), "accept", lambda w: w.adjudication_panel.accept_current),
    Entry("annotate", N_("Reject candidate"), ("Ctrl+Shift+Backspace",), "reject",
          lambda w: w.adjudication_panel.reject_current),
    Entry("annotate", N_("Accept all agreed"), ("Ctrl+Shift+Return",), "accept_agreed",
          lambda w: w.adjudication_panel.accept_agreed),
    Entry("annotate", ""),
    Entry("annotate", N_("Take the selection without its proclitic"), ("Ctrl+K",), "clitic", lambda w: w.clitic.take),
    Entry("annotate", N_("Entity spans include proclitics (ANERcorp convention)"), (), "convention",
          checked=lambda w: lambda on: _set_convention(w, w.actions_by_name["convention"], on)),
    Entry("annotate", N_("Accept suggestion"), ("Y",), "suggestion_accept", lambda w: w.suggestions.accept_current),
    Entry("annotate", N_("Reject suggestion"), ("N",), "suggestion_reject", lambda w: w.suggestions.reject_current),
    Entry("annotate", N_("Accept all suggestions in the document"), ("Ctrl+Shift+Y",), "suggestion_all",
          lambda w: w.suggestions.accept_all),
    Entry("annotate", N_("Next suggestion"), ("F4",), "suggestion_next", lambda w: lambda: w.suggestions.step(1)),
    Entry("annotate", N_("Previous suggestion"), ("Shift+F4",), "suggestion_previous",
          lambda w: lambda: w.suggestions.step(-1)),
    Entry("annotate", N_("&Train suggestions now"), ("Ctrl+Shift+L",), "train",
          lambda w: lambda: w.model_suggestions.train_now()),
    Entry("annotate", N_("Model suggestion threshold…"), (), "threshold",
          lambda w: lambda: w.model_suggestions.set_threshold()),
    Entry("annotate", N_("Pre-annotate with the NER model…"), (), "preannotate",
          lambda w: lambda: _app().preannotate_dialog(w)),
    Entry("annotate", ""),
    Entry("annotate", N_("Clear selection"), ("Esc",), "clear", lambda w: w.escape),
    Entry("document", N_("&Next document"), ("Ctrl+PgDown",), "next", lambda w: lambda: w.navigator.step_document(1)),
    Entry("document", N_("&Previous document"), ("Ctrl+PgUp",), "previous", lambda w: lambda: w.navigator.step_document(-1)),
    Entry("document", N_("Next &not done"), ("Ctrl+Shift+PgDown",), "next_todo",
          lambda w: lambda: w.navigator.step_document(1, not_done=True)),
    Entry("document", N_("Mark &done / not done"), ("Ctrl+D",), "done", lambda w: w.controller.toggle_done),
    Entry("document", N_("Check &consistency across the corpus"), ("Ctrl+Alt+K",), "check",
          lambda w: w.check_consistency),
    Entry("document", N_("&Note on the selection…"), ("Ctrl+Alt+N",), "note",
          lambda w: w.notes_panel.note_on_selection),
    Entry("view", N_("Zoom &in"), ("Ctrl++", "Ctrl+="), "zoom_in", lambda w: lambda: w.zoom(1)),
    Entry("view", N_("Zoom &out"), ("Ctrl+-",), "zoom_out", lambda w: lambda: w.zoom(-1)),
    Entry("view", N_("&Reset zoom"), ("Ctrl+0",), "zoom_reset", lambda w: lambda: w.zoom(0)),
    Entry("view", N_("&Font…"), (), "font", lambda w: lambda: _app().font_dialog(w)),
    Entry("view", N_("Show &annotator…"), ("Ctrl+Shift+U",), "show_annotator",
          lambda w: lambda: _others().show_annotator(w)),
    Entry("view", N_("Interface &language…"), (), "language", lambda w: lambda: _app().language_dialog(w)),
    Entry("help", N_("&Keyboard shortcuts"), ("F1",), "shortcuts", lambda w: lambda: _app().shortcuts_dialog(w)),
    Entry("help", N_("&Getting started"), (), "getting_started", lambda w: lambda: _help().getting_started_dialog(w)),
    Entry("help", N_("&About"), (), "about", lambda w: lambda: _help().about_dialog(w)),
]


def build_menus(window: MainWindow) -> None:
    """The menu bar, from ``ENTRIES`` (plus the boundary keys, the panels' focus keys
    and the docks' toggles, which are made from what the window holds)."""
    from ..core.search import clitic_convention

    bar = window.menuBar()
    menus = {key: bar.addMenu(tr(title)) for key, title in MENUS.items()}
    window.actions_by_name = {}
    for entry in ENTRIES:
        menu = menus[entry.menu]
        if not entry.text:
            menu.addSeparator()
        elif entry.name is None:
            window.recent_menu = menu.addMenu(tr(entry.text))
            window.recent_menu.aboutToShow.connect(lambda: _app().fill_recent_menu(window))
        elif entry.name in ("undo", "redo"):
            window.actions_by_name[entry.name] = _step_entry(window, menu, entry)
        else:
            window.actions_by_name[entry.name] = _entry_action(window, menu, entry)
            if entry.name == "exact":
                menu.addMenu(_boundary_menu(window))
            elif entry.name == "preannotate":
                menu.addSeparator()
                _action(window, menu, tr("Next label"), None, lambda: window.navigator.step_span(1)).setText(
                    tr("Next label") + "\tTab")
                _action(window, menu, tr("Previous label"), None, lambda: window.navigator.step_span(-1)).setText(
                    tr("Previous label") + "\tShift+Tab")
    window.actions_by_name["convention"].blockSignals(True)
    window.actions_by_name["convention"].setChecked(clitic_convention(window.workspace.store) == "include")
    window.actions_by_name["convention"].blockSignals(False)
    _panel_entries(window, menus["view"])


def _entry_action(window: MainWindow, menu: QMenu, entry: Entry) -> QAction:
    action = _action(window, menu, tr(entry.text), list(entry.keys) or None,
                     entry.run(window) if entry.run else (lambda: None))
    if entry.checked is not None:
        action.setCheckable(True)
        action.toggled.connect(entry.checked(window))
    return action


def _step_entry(window: MainWindow, menu: QMenu, entry: Entry) -> QAction:
    """Undo or Redo: not the stack's own actions, which move the stack even when the file
    refused the undo; the workspace undoes in the file first and moves the stack then."""
    ws, stack = window.workspace, window.workspace.undo_stack
    keys = [QKeySequence(k) for k in entry.keys]
    if entry.name == "undo":
        return _step_action(window, menu, tr(entry.text), keys, ws.undo, stack.canUndo(), stack.undoText(),
                            stack.canUndoChanged, stack.undoTextChanged)
    return _step_action(window, menu, tr(entry.text), keys, ws.redo, stack.canRedo(), stack.redoText(),
                        stack.canRedoChanged, stack.redoTextChanged)


def _boundary_menu(window: MainWindow) -> QMenu:
    boundaries = QMenu(tr("Move &boundary"), window)
    for text, key, (which, forward, by_word) in BOUNDARY_KEYS:
        _action(window, boundaries, tr(text), key,
                lambda w=which, f=forward, b=by_word: window.controller.move_boundary(w, f, b))
    return boundaries


def _panel_entries(window: MainWindow, view: QMenu) -> None:
    view.addSeparator()
    focus = view.addMenu(tr("&Go to panel"))
    targets = [(tr("Text"), window.view), *((d.windowTitle(), d.widget()) for d in window.docks.values())]
    for number, (title, widget) in enumerate(targets, start=1):
        key = f"Ctrl+{number}" if number <= 9 else None  # one digit each
        _action(window, focus, title, key, lambda w=widget: _focus(window, w))
    view.addSeparator()
    for dock in window.docks.values():
        view.addAction(dock.toggleViewAction())
