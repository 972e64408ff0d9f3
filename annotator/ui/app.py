"""Starting the app, and the File-menu dialogs around the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from ..core.schema_files import load_schema
from ..errors import AnnotatorError
from ..storage import ProjectStore
from .error_text import error_text, phrase_text
from .i18n import tr
from .plain import no_mnemonic, plain_box

if TYPE_CHECKING:
    from ..storage.backup import Losses
    from .main_window import MainWindow

ORGANISATION, APPLICATION = "ArabicAnnotator", "annotator"
RECENT_LIMIT = 8
_windows: list = []  # top-level windows kept alive


def run(args: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    apply_ui_direction(app)
    project = Path(args[0]) if args else None
    if not may_open(project, ask_to_create):
        return 0  # a mistyped name: nothing was created, nothing went wrong
    name = annotator_name(ask=True)
    if not name:
        return 1
    try:
        window = open_window(project, name)
    except AnnotatorError as error:
        _error_box(None, tr("Cannot open the project"), error_text(error)).exec()
        return 1
    window.show()
    return app.exec()


def may_open(project: Path | None, confirm: Callable[[Path], bool]) -> bool:
    """Whether to go on: the demo, an existing project, or a new one the user confirmed
    (``annotator Pdb.sqlite`` for ``P.db`` must not quietly make an empty project)."""
    return project is None or project.exists() or confirm(project.absolute())


def ask_to_create(path: Path) -> bool:
    box = plain_box(QMessageBox.Icon.Question, tr("New project"),
                    tr("Create a new project {path}?").format(path=path), None,
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def apply_ui_direction(app: QApplication) -> None:
    """The interface language (translations) and its direction: right to left in Arabic."""
    from .i18n import install_translators, ui_language

    language = ui_language()
    install_translators(app, language)
    direction = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)


def annotator_name(ask: bool) -> str:
    """The annotator's name, asked once and kept in the settings; every label records it."""
    settings = QSettings()
    name = str(settings.value("annotator/name", "") or "")
    if name or not ask:
        return name
    name, accepted = QInputDialog.getText(None, tr("Welcome"), tr("Your name (recorded with every label you make):"))
    name = name.strip()
    if accepted and name:
        settings.setValue("annotator/name", name)
    return name if accepted else ""


def data_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".annotator")


def open_store(project: Path | None, annotator: str = "") -> tuple[ProjectStore, Path]:
    """Open a project (creating it if missing: the caller has asked), or the demo when
    none is given (with its worked examples as ``annotator``'s own, the first time)."""
    if project is None:
        from ..demo import ensure_demo, share_examples

        project = ensure_demo(data_dir())
        store = ProjectStore.open(project, backup=False)
        try:
            share_examples(store, annotator)
        except BaseException:
            store.close()
            raise
        return store, project
    # absolute: the backup after the first paint and the recent list must not
    # follow a later change of the working folder
    project = project.absolute()
    if not project.exists():
        ProjectStore.create(project, load_schema()).close()
    # the backup on opening is copied once the window has painted (backup_in_background)
    return ProjectStore.open(project, backup=False), project


def open_window(project: Path | None, annotator: str):
    from .main_window import APP_TITLE, MainWindow
    from .workspace import Workspace

    store, path = open_store(project, annotator)
    window = MainWindow(Workspace(store, annotator), path)
    if not store.read_only:
        window.after_paint.add("backup", lambda: backup_in_background(window, path))
    if store.read_only:
        window.show_message(tr("Read-only ({reason}): nothing can be saved.").format(reason=phrase_text(store.read_only)))
    if store.open_warning:  # opened, but the user should know what may be missing
        window.open_warning_box = plain_box(QMessageBox.Icon.Warning, tr(APP_TITLE), phrase_text(store.open_warning),
                                            window)
        window.open_warning_box.open()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda: store.close())
    _windows.append(window)
    remember_recent(path)
    return window


def backup_in_background(window: MainWindow, path: Path) -> None:
    """The backup on opening (``storage/backup.py``), copied off the GUI thread: an
    archive's file is hundreds of megabytes, and nothing else waits for the copy."""
    import shiboken6

    from ..storage.backup import backup_after_open
    from .workers import call_in_background

    def done(warning: object) -> None:
        if warning and shiboken6.isValid(window):  # the window may have closed meanwhile
            window.show_message(tr("No backup was made on opening: {reason}").format(reason=phrase_text(warning)))

    call_in_background(lambda: backup_after_open(path), done, window.background_jobs)


def switch_project(window: MainWindow, path: Path, create: bool = False) -> MainWindow | None:
    if not create and not path.exists():  # a recent project moved away: never recreate it empty
        _error_box(window, tr("Cannot open the project"), tr("There is no project {path}.").format(path=path)).exec()
        return None
    try:
        new = open_window(path, window.own_name)  # not "gold" when adjudicating
    except AnnotatorError as error:
        _error_box(window, tr("Cannot open the project"), error_text(error)).exec()
        return None
    new.show()
    window.close()
    return new


# --- File menu ----------------------------------------------------------------------
def new_project_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, tr("New project"), "",
                                          tr("Projects ({patterns})").format(patterns="*.sqlite"))
    if path:
        target = Path(path if path.endswith(".sqlite") else path + ".sqlite")
        if target.exists():
            _error_box(window, tr("New project"), tr("{path} exists already.").format(path=target)).exec()
            return
        switch_project(window, target, create=True)


def open_project_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, tr("Open project"), "", project_filter())
    if path:
        switch_project(window, Path(path))


# `annotator init` takes any file name; these are the ones it and this app make or suggest
PROJECT_PATTERNS = "*.sqlite *.db *.annotator"


def project_filter() -> str:
    """File > Open's choices: the project suffixes, then every file."""
    return ";;".join((tr("Projects ({patterns})").format(patterns=PROJECT_PATTERNS),
                      tr("All files ({patterns})").format(patterns="*")))


def remember_recent(path: Path) -> None:
    settings = QSettings()
    recent = [p for p in _list(settings.value("recent/projects")) if p != str(path)]
    settings.setValue("recent/projects", [str(path), *recent][:RECENT_LIMIT])


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for entry in _list(QSettings().value("recent/projects")):
        action = QAction(no_mnemonic(entry), menu)
        action.triggered.connect(lambda _=False, p=entry: switch_project(window, Path(p)))
        menu.addAction(action)
    if menu.isEmpty():
        menu.addAction(tr("(none)")).setEnabled(False)


def _list(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def import_dialog(window: MainWindow) -> None:
    from .transfer import ImportOptionsDialog, start_import

    paths, _ = QFileDialog.getOpenFileNames(
        window, tr("Import"), "", ";;".join((
            tr("All supported ({patterns})").format(patterns="*.txt *.jsonl *.json *.conll *.iob *.bio *.tsv *.ann"),
            tr("All files ({patterns})").format(patterns="*"))))
    if not paths:
        return
    dialog = ImportOptionsDialog(window)
    if dialog.exec():
        start_import(window, [Path(p) for p in paths], dialog.options())


def export_dialog(window: MainWindow) -> None:
    from .transfer import ExportOptionsDialog, start_export

    dialog = ExportOptionsDialog(window.workspace.store.annotators(), window)
    if not dialog.exec():
        return
    options = dialog.options()
    if options.fmt == "brat":
        target = QFileDialog.getExistingDirectory(window, tr("Export into an empty folder"))
    else:
        target, _ = QFileDialog.getSaveFileName(window, tr("Export"), export_file_name(options.fmt))
    if target:
        start_export(window, Path(target), options)


def export_file_name(fmt: str) -> str:
    """The name offered for an export: the file ending its readers (and our import) know
    («export.prodigy» could not be imported back: no format has that ending)."""
    ending = {"conll": "conll", "spacy": "spacy"}.get(fmt, "jsonl")  # the rest are JSONL shapes
    return f"export.{ending}" if fmt in ("jsonl", "conll", "spacy") else f"export-{fmt}.{ending}"


def stats_dialog(window: MainWindow) -> None:
    from .stats_view import StatsDialog

    dialog = StatsDialog(window.workspace.store, window.workspace.annotator, window)
    dialog.show()
    window.open_dialogs["stats"] = dialog


def agreement_dialog(window: MainWindow) -> None:
    from .agreement_view import AgreementDialog

    dialog = AgreementDialog(window.project_path, window.adjudicate_document, window)
    dialog.show()
    dialog.compute()
    window.open_dialogs["agreement"] = dialog


def restore_dialog(window: MainWindow) -> None:
    """File > Restore backup…: pick a backup; the window closes, restores, reopens."""
    from ..storage.backup import list_backups, open_elsewhere, restore_backup

    project = window.project_path
    found = [b for b in list_backups(project) if b.documents is not None]
    if not found:
        window.show_message(tr("There is no backup of this project yet."))
        return
    names = [tr("{when} — {documents} documents, {labels} labels {reason}").format(
        when=b.created.astimezone().strftime("%Y-%m-%d %H:%M"), documents=b.documents,
        labels=b.spans, reason=f"({b.reason})" if b.reason else "") for b in found]
    choice, accepted = QInputDialog.getItem(window, tr("Restore backup"), tr("Backup:"), names, 0, False)
    if not accepted:
        return
    chosen = found[names.index(choice)]
    if not _restore_confirmed(window, choice, chosen.losses):
        return
    holders = open_elsewhere(project, own_session=window.workspace.store.session)
    if holders:  # restoring under another window would be overwritten by it
        processes = ", ".join(f"{pid} ({command})" for pid, command in holders)
        _error_box(window, tr("Restore backup"), tr(
            "The project is open in other processes: {processes}. Close them, then restore.")
            .format(processes=processes)).exec()
        return
    annotator = window.own_name  # not "gold" when adjudicating
    window.close()
    window.workspace.store.close()
    try:
        saved = restore_backup(project, chosen.path)
    except AnnotatorError as error:  # nothing was restored: back to the project as it is
        saved, refusal = None, error
    else:
        refusal = None
    new = open_window(project, annotator)
    new.show()
    if refusal is not None:
        _error_box(new, tr("Restore backup"), error_text(refusal)).exec()
    elif saved:
        new.show_message(tr("Restored. The state before the restore is kept in {path}").format(path=saved))


def _restore_confirmed(window: MainWindow, backup: str, losses: Losses | None) -> bool:
    """Say what restoring ``backup`` would drop, and restore only if asked to again
    (Cancel is the default: one more Enter after the list must not lose work)."""
    drops = phrase_text(losses.describe()) if losses is not None else tr(
        "What restoring it would drop cannot be told.")
    box = plain_box(QMessageBox.Icon.Warning, tr("Restore backup"),
                    tr("Restore the backup of {backup}? {drops}. The project as it is now is kept as a "
                       "backup first.").format(backup=backup, drops=drops), window,
                    QMessageBox.StandardButton.Cancel)
    restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is restore


def language_dialog(window: MainWindow) -> MainWindow | None:
    """Choose the interface language; it applies at once: the window is built again in
    it (menus, docks, dialogs, direction), on the same project and document. Returns
    the new window."""
    from .i18n import LANGUAGES, ui_language

    names = list(LANGUAGES.values())
    current = names.index(LANGUAGES[ui_language()])
    choice, accepted = QInputDialog.getItem(window, tr("Interface language"), tr("Language:"), names, current, False)
    code = next((k for k, v in LANGUAGES.items() if v == choice), None)
    if not accepted or code is None or code == ui_language():
        return None
    QSettings().setValue("ui/language", code)
    apply_ui_direction(QApplication.instance())
    document = window.workspace.document.id if window.workspace.document else None
    new = switch_project(window, window.project_path)
    if new is not None and document is not None:
        new.navigator.open_document(document)
    return new


def preannotate_dialog(window: MainWindow) -> None:
    """Run camel-tools' NER over the corpus as suggestions, or say how to install it."""
    from ..nlp.ner import model_status

    status = model_status()
    if not status.installed:
        _error_box(window, tr("The NER model is not installed"), phrase_text(status.message)).exec()
        return
    from ..core.preannotate import preannotate
    from .workers import run_with_progress

    ids = window.workspace.store.document_ids()
    annotator = window.workspace.annotator

    def done(count: int) -> None:
        window.suggestions.forget()
        window.show_message(tr("Pre-annotated {count} documents: see the dashed suggestions.").format(count=count))

    run_with_progress(window, tr("Pre-annotating"), window.project_path,
                      lambda store: preannotate(store, ids, annotator), done)


def font_dialog(window: MainWindow) -> None:
    accepted, font = QFontDialog.getFont(window.view.font(), window, tr("Text font"))
    if accepted:
        window.view.set_family(font.family())
        window.view.set_point_size(font.pointSizeF())
        QSettings().setValue("view/font_family", font.family())
        QSettings().setValue("view/point_size", font.pointSizeF())


def shortcuts_dialog(window: MainWindow) -> None:
    from .shortcuts import ShortcutsDialog, shortcut_rows

    dialog = ShortcutsDialog(shortcut_rows(window), window)
    dialog.show()
    window.open_dialogs["shortcuts"] = dialog


def _error_box(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    return plain_box(QMessageBox.Icon.Warning, title, message, parent)
