"""Import and export from the File menu, with the command line's options."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ..core.importing import import_records
from ..core.schema import LAYERS
from ..errors import Phrase
from ..formats.registry import (
    EXPORT_FORMATS,
    FORMATS,
    ExportOptions,
    export_project,
    read_paths,
)
from ..nlp.tags import ALIGN_MODES, SCHEMES
from .error_text import phrase_text
from .i18n import N_, ltr, tr
from .models import LAYER_TEXT
from .workers import GeneratorWorker, run_with_progress

ALIGN_TEXT = {"split": N_("cut a token at a span's edge"), "expand": N_("widen spans to whole tokens"),
              "contract": N_("narrow spans to whole tokens")}

if TYPE_CHECKING:
    from ..core.progress import Progress
    from ..storage import ProjectStore
    from .main_window import MainWindow


@dataclass
class ImportOptions:
    fmt: str = "auto"
    annotator: str = "import"
    encoding: str | None = None
    add_labels: bool = False
    strict: bool = False


def _buttons(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


class ImportOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import options"))
        form = QFormLayout(self)
        self.fmt = QComboBox()
        self.fmt.addItem(tr("by the file's name"), "auto")
        for name in FORMATS:
            self.fmt.addItem(name, name)
        self.annotator = QLineEdit("import")
        self.encoding = QComboBox()
        self.encoding.addItem(tr("detected (UTF-8, or UTF-16 with its mark)"), None)
        for name in ("cp1256", "utf-8", "utf-16"):
            self.encoding.addItem(name, name)
        self.add_labels = QCheckBox(tr("Add unknown labels to the schema"))
        self.strict = QCheckBox(tr("CoNLL: refuse I- tags that start an entity"))
        form.addRow(tr("Format"), self.fmt)
        form.addRow(tr("Annotator (when files name none)"), self.annotator)
        form.addRow(tr("Encoding"), self.encoding)
        form.addRow(self.add_labels)
        form.addRow(self.strict)
        _buttons(self, form)

    def options(self) -> ImportOptions:
        return ImportOptions(self.fmt.currentData(), self.annotator.text().strip() or "import",
                             self.encoding.currentData(), self.add_labels.isChecked(), self.strict.isChecked())


class ExportOptionsDialog(QDialog):
    def __init__(self, annotators: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export options"))
        form = QFormLayout(self)
        self.fmt = QComboBox()
        self.fmt.addItems(list(EXPORT_FORMATS))
        self.annotator = QComboBox()
        self.annotator.addItem(tr("every annotator"), None)
        for name in annotators:
            self.annotator.addItem(name, name)
        self.layers = {layer: QCheckBox(tr(LAYER_TEXT[layer])) for layer in LAYERS}
        self.layers["entity"].setChecked(True)
        self.scheme = QComboBox()
        self.scheme.addItems(list(SCHEMES))
        self.align = QComboBox()
        for mode in ALIGN_MODES:  # the CLI's --align names, said in words
            self.align.addItem(tr(ALIGN_TEXT[mode]), mode)
        form.addRow(tr("Format"), self.fmt)
        form.addRow(tr("Annotator"), self.annotator)
        for box in self.layers.values():
            form.addRow(tr("CoNLL layer"), box)
        form.addRow(tr("CoNLL scheme"), self.scheme)
        form.addRow(tr("CoNLL alignment"), self.align)
        _buttons(self, form)

    def options(self) -> ExportOptions:
        layers = [name for name, box in self.layers.items() if box.isChecked()] or ["entity"]
        return ExportOptions(self.fmt.currentText(), self.annotator.currentData(), layers,
                             self.scheme.currentText(), self.align.currentData())


SHOWN_WARNINGS = 20  # in the status bar after an import or export; the command line prints them all


def warnings_note(warnings: list[str]) -> str:
    """" (2 warnings: …; …)" after a report, each warning in the interface language
    (the readers and writers give templates: see ``annotator/errors.py``)."""
    if not warnings:
        return ""
    separator = tr("{before}; {after}").format(before="", after="")  # "; " in the interface's words
    text = separator.join(phrase_text(warning) for warning in warnings[:SHOWN_WARNINGS])
    if len(warnings) > SHOWN_WARNINGS:  # an export can warn of every span: a line, not a page
        text += phrase_text(Phrase(" and {count} more", {"count": len(warnings) - SHOWN_WARNINGS}))
    return tr(" ({count} warnings: {warnings})").format(count=len(warnings), warnings=text)


def start_import(window: MainWindow, paths: list[Path], options: ImportOptions) -> GeneratorWorker:
    from ..storage.backup import backup_before_change

    warning = backup_before_change(window.workspace.store, "before-import")  # an import replaces work
    if warning:
        window.show_message(phrase_text(warning))

    warnings: list[str] = []  # what the files held that the project cannot, with counts

    def job(store: ProjectStore) -> Iterator[Progress]:
        records = read_paths(paths, options.fmt, warnings=warnings, encoding=options.encoding,
                             annotator=options.annotator, strict=options.strict)
        return import_records(store, records, add_labels=options.add_labels)

    def done(count: int) -> None:
        store = window.workspace.store
        store.reload_schema()
        window.refresh_documents()
        window.suggestions.build()  # the corpus index must hold the new documents
        window.show_message(tr("Imported {count} documents.").format(count=count) + warnings_note(warnings))
        if window.workspace.document is None and store.document_ids():
            window.navigator.open_document(store.document_ids()[0])

    return run_with_progress(window, tr("Importing"), window.project_path, job, done)


def start_export(window: MainWindow, target: Path, options: ExportOptions) -> GeneratorWorker:
    warnings: list[str] = []

    def done(count: int) -> None:
        window.show_message(tr("Exported {count} documents to {target}").format(count=count, target=ltr(str(target)))
                            + warnings_note(warnings))

    return run_with_progress(window, tr("Exporting"), window.project_path,
                             lambda store: export_project(store, target, options, warnings), done)
