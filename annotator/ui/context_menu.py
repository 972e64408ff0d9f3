"""Right-click in the text: what can be done there, as brat and INCEpTION users expect.

On a selection: label it, or copy it (Qt's own menu offered only that). On a span: relabel it within its layer, delete it, and for a
trigger or a cue, fill its event or attribution. On a suggestion: accept or reject.
Every entry runs the same controller method as its key, so it is one undo step too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ..core.model import Attribution, Span
from .i18n import N_, ltr, tr, ui_language
from .plain import no_mnemonic

if TYPE_CHECKING:
    from .main_window import MainWindow

LAYERS = (("entity", N_("Entities")), ("event", N_("Events")), ("attribution", N_("Attributions")))


def context_menu(window: MainWindow, offset: int) -> QMenu:
    """The menu for a right-click at code-point ``offset`` of the text."""
    menu = QMenu(window.view)
    if window.view.selection_offsets() is not None:
        _label_entries(menu.addMenu(tr("Label the selection as")), window, None)
        copy = menu.addAction(tr("Copy") + "\t" + QKeySequence(QKeySequence.StandardKey.Copy).toString(
            QKeySequence.SequenceFormat.NativeText))
        copy.triggered.connect(window.view.copy)
    found = window.view.spans_at(offset)
    if found:
        _span_entries(menu, window, found[0])
    if window.suggestions.choose_at(offset):
        chosen = window.suggestions.current
        menu.addSection(tr("Suggestion: {label}").format(label=no_mnemonic(chosen.label)))
        menu.addAction(_with_key(window, tr("Accept"), "suggestion_accept"), window.suggestions.accept_current)
        menu.addAction(_with_key(window, tr("Reject"), "suggestion_reject"), window.suggestions.reject_current)
    return menu


def _span_entries(menu: QMenu, window: MainWindow, span: Span) -> None:
    ws, controller = window.workspace, window.controller
    ws.set_current(span)  # the entries below act on the current item
    layer = ws.schema.layer_of(span.label) or "entity"
    menu.addSection(no_mnemonic(f"{span.id} {span.label}"))
    _label_entries(menu.addMenu(tr("Relabel as")), window, layer)
    menu.addAction(_with_key(window, tr("Delete"), "delete"), controller.delete_current)
    if layer == "event" and controller.current_event() is not None:
        menu.addAction(_with_key(window, tr("Add argument…"), "argument"), lambda: controller.add_argument())
    attribution = next((a for a in ws.annotations.users_of(span.id)
                        if isinstance(a, Attribution) and a.cue == span.id), None)
    if attribution is not None:  # the cue's attribution: the current item is the span
        menu.addAction(_with_key(window, tr("Set source…"), "source"), lambda: controller.set_attribution_part("source", attribution))
        menu.addAction(_with_key(window, tr("Set content…"), "content"), lambda: controller.set_attribution_part("content", attribution))


def _with_key(window: MainWindow, text: str, action: str) -> str:
    """An entry's text with the key of the menu action that does the same, as a hint."""
    shortcut = window.actions_by_name[action].shortcut()
    return f"{text}\t{ltr(shortcut.toString(QKeySequence.SequenceFormat.NativeText))}" if not shortcut.isEmpty() else text


def _label_entries(menu: QMenu, window: MainWindow, layer: str | None) -> None:
    """One entry per label (grouped by layer when ``layer`` is None)."""
    schema, language = window.workspace.schema, ui_language()
    for name, title in LAYERS:
        if layer is not None and name != layer:
            continue
        target = menu if layer is not None else menu.addMenu(tr(title))
        for label in schema.labels_in(name):
            key = QKeySequence(label.hotkey).toString(QKeySequence.SequenceFormat.NativeText) if label.hotkey else ""
            action = target.addAction(no_mnemonic(f"{ltr(label.name)} · {label.display(language)}") + f"\t{ltr(key)}")  # the key, as a hint
            action.triggered.connect(lambda _=False, chosen=label.name: window.controller.apply_label(chosen))
