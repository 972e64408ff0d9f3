"""The shortcut list shown in Help > Keyboard shortcuts (and kept in the README)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow

FIXED = [
    ("select + label key", "label the selection (snapped to whole words)"),
    ("Alt + drag", "select exact characters (no snapping)"),
    ("label key, no selection", "relabel the selected span"),
    ("Tab / Shift+Tab", "next / previous label"),
    ("[ ]  /  Ctrl+[ Ctrl+]", "move the start boundary by a character / a word"),
    ("; '  /  Ctrl+; Ctrl+'", "move the end boundary by a character / a word"),
]


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    rows = list(FIXED)
    for action in window.actions_by_name.values():
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys:
            rows.append((keys, action.text().replace("&", "")))
    for name, action in window.label_actions.items():
        rows.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), f"label {name}"))
    return rows
