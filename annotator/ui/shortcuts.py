"""Help > Keyboard shortcuts: every key of the menus (the same actions), in a window
that scrolls, filters as one types, and follows the interface's direction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .actions import menu_text
from .i18n import N_, ltr, tr, ui_language

if TYPE_CHECKING:
    from .main_window import MainWindow

# the gestures no menu entry carries: (keys, what they do); words translated when shown
FIXED = [
    (N_("select + label key"), N_("label the selection (snapped to whole words)")),
    (N_("Alt + drag"), N_("select exact characters (no snapping)")),
    (N_("label key, no selection"), N_("relabel the selected span")),
    (N_("Ctrl + click a span"), N_("add it to the selected event (choose its role) or attribution")),
    ("Tab / Shift+Tab", N_("next / previous label")),
    ("[ ]  /  Ctrl+[ Ctrl+]", N_("move the start boundary by a character / a word")),
    ("; '  /  Ctrl+; Ctrl+'", N_("move the end boundary by a character / a word")),
]


def _keys(sequences: list[QKeySequence]) -> str:
    # each key isolated: "Ctrl++" must not read "++Ctrl" in an Arabic line
    return ", ".join(ltr(s.toString(QKeySequence.SequenceFormat.NativeText)) for s in sequences)


def _fixed_keys(keys: str) -> str:
    """A gesture in words is translated; bare keys stay keys, isolated."""
    words = tr(keys)
    return words if words != keys else ltr(keys)


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    rows = [(_fixed_keys(keys), tr(what)) for keys, what in FIXED]
    for action in window.actions_by_name.values():
        keys = _keys(action.shortcuts())
        if keys:
            rows.append((keys, menu_text(action).replace("&", "")))
    language = ui_language()
    for name, action in window.label_actions.items():
        label = window.workspace.schema.labels[name]
        rows.append((_keys([action.shortcut()]),
                     tr("label {label}").format(label=f"{label.display(language)} ({ltr(name)})")))
    return rows


class ShortcutsDialog(QDialog):
    """The rows of ``shortcut_rows`` in a table, with a filter line above."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter by key or action…"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("Action")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self._fit_screen()

    def apply_filter(self, needle: str) -> None:
        needle = needle.strip().casefold()
        for row in range(self.table.rowCount()):
            text = " ".join(self.table.item(row, c).text() for c in (0, 1)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in text.replace("\u2066", "").replace("\u2069", ""))

    def visible_rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def _fit_screen(self) -> None:
        """A size that fits a 1366×768 screen (the table scrolls), smaller screens too."""
        screen = (self.parentWidget().screen() if self.parentWidget() else None) or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen else None
        width = min(720, free.width() - 40) if free else 720
        height = min(560, free.height() - 80) if free else 560
        self.resize(width, height)
