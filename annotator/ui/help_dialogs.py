"""Help > About and Help > Getting started: plain text, in the interface language."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .i18n import N_, ltr, tr

if TYPE_CHECKING:
    from .main_window import MainWindow

LIBRARIES = ("PySide6", "camel-tools", "sqlite-utils", "pyqtgraph")

# the first minute, step by step: one label, one event, one attribution
GETTING_STARTED = (
    N_("Getting started: your first label, event and attribution."),
    N_("1. Pick a document in the Documents panel; its text opens in the middle."),
    N_("2. A label: select a word or a name with the mouse, then press the label's key shown in the "
       "label palette (or click the label there). The label is saved at once; Ctrl+Z undoes it."),
    N_("3. An event: select the word that names what happened (the trigger) and press an event label's "
       "key. The event appears in the Events panel. With the event selected, Ctrl+click a labelled "
       "participant, place or time in the text and choose its role (or press «Add argument…», Ctrl+R); "
       "each argument shows its role under it."),
    N_("4. An attribution: select the reporting words (the cue, such as «said») and press the cue's key. "
       "The Attributions panel comes forward: set its source (Ctrl+Shift+S) and its content "
       "(Ctrl+Shift+C) from a selection or from labels already made."),
    N_("5. When a document is finished, mark it done (Ctrl+D) and go to the next one not done "
       "(Ctrl+Shift+PgDown). Every key is listed in Help > Keyboard shortcuts (F1)."),
)


def library_versions() -> list[tuple[str, str]]:
    found = []
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, tr("not installed")))
    return found


def about_text(window: MainWindow) -> str:
    from .. import __version__
    from ..storage.backup import backup_dir
    from ..storage.migrations import latest_version

    store = window.workspace.store
    libraries = [*library_versions(), ("SQLite", store.db.execute("SELECT sqlite_version()").fetchone()[0])]
    lines = [
        tr("Arabic News Annotator, version {version}").format(version=ltr(__version__)),
        tr("Project file format version {version}").format(version=latest_version()),
        "",
        tr("Libraries:"),
        *(f"  {ltr(name)} {ltr(version)}" for name, version in libraries),
        "",
        tr("Settings are kept in: {path}").format(path=ltr(QSettings().fileName())),
    ]
    if window.project_path is not None:
        lines.append(tr("Backups of this project are kept in: {path}").format(
            path=ltr(str(backup_dir(window.project_path)))))
    return "\n".join(lines)


def getting_started_text() -> str:
    return "\n\n".join(tr(paragraph) for paragraph in GETTING_STARTED)


class TextDialog(QDialog):
    """A read-only text that scrolls and fits a small screen, with Close."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 440)


def about_dialog(window: MainWindow) -> None:
    dialog = TextDialog(tr("About"), about_text(window), window)
    dialog.show()
    window.open_dialogs["about"] = dialog


def getting_started_dialog(window: MainWindow) -> None:
    dialog = TextDialog(tr("Getting started"), getting_started_text(), window)
    dialog.show()
    window.open_dialogs["getting_started"] = dialog
