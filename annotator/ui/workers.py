"""Running core generators off the GUI thread, with progress, cancel and errors.

A job is a function ``(store) -> generator of Progress``; the worker opens its own
connection to the project (SQLite connections belong to their thread), iterates, and
closes the generator if cancelled, which rolls its transaction back.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..core.progress import Progress
from ..errors import AnnotatorError
from ..storage import ProjectStore
from .error_text import error_text, phrase_text
from .i18n import tr
from .plain import plain_box, plain_label

Job = Callable[[ProjectStore], Iterator[Progress]]


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total (0 when unknown), message
    finished = Signal(int)  # items done
    result = Signal(object)  # what the job's generator returned, emitted before finished
    failed = Signal(str)
    cancelled = Signal()


class GeneratorWorker(QRunnable):
    def __init__(self, project: Path, job: Job) -> None:
        super().__init__()
        self.project = project
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = False
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        done = 0
        try:
            store = ProjectStore.open(self.project, backup=False)  # the window keeps the backups
            try:
                steps = self.job(store)
                while True:
                    try:
                        step = next(steps)
                    except StopIteration as stop:  # a job may return a result
                        outcome = stop.value
                        break
                    done = step.done
                    # a core template ("Pre-annotated {title}") in the interface language
                    told = _tell(self.signals.progress, step.done, step.total or 0, phrase_text(step.message))
                    if self._cancel or not told:
                        steps.close()  # rolls back: nothing of a cancelled job stays
                        _tell(self.signals.cancelled)
                        return
            finally:
                store.close()
        except AnnotatorError as error:
            _tell(self.signals.failed, error_text(error))
            return
        except Exception as error:
            _tell(self.signals.failed, tr("Unexpected error: {error}").format(error=error) + "\n\n"
                  + traceback.format_exc(limit=3))
            return
        if outcome is not None:
            _tell(self.signals.result, outcome)
        _tell(self.signals.finished, done)


def _tell(signal: SignalInstance, *values: object) -> bool:
    """Emit, unless the window that was to hear it has gone (closed while the job ran):
    then False, and the job stops as if cancelled."""
    try:
        signal.emit(*values)
    except RuntimeError:  # "Signal source has been deleted"
        return False
    return True


class CallWorker(QRunnable):
    """One plain call off the GUI thread; its return value comes back as ``result``."""

    def __init__(self, call: Callable[[], object]) -> None:
        super().__init__()
        self.call = call
        self.signals = WorkerSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            outcome = self.call()
        except Exception as error:  # reported, never raised into Qt's thread pool
            _tell(self.signals.failed, error_text(error) if isinstance(error, AnnotatorError) else str(error))
            return
        if _tell(self.signals.result, outcome):
            _tell(self.signals.finished, 1)


def call_in_background(call: Callable[[], object], on_result: Callable[[object], None],
                       keep: list) -> CallWorker:
    worker = CallWorker(call)
    keep.append(worker)
    worker.signals.result.connect(on_result)
    for signal in (worker.signals.finished, worker.signals.failed):
        signal.connect(lambda *_: keep.remove(worker) if worker in keep else None)
    QThreadPool.globalInstance().start(worker)
    return worker


def run_in_background(project: Path, job: Job, keep: list) -> GeneratorWorker:
    """Start ``job`` on the thread pool with no dialog: the caller follows its signals.
    ``keep`` holds the worker (and its signals) while it runs."""
    worker = GeneratorWorker(project, job)
    keep.append(worker)
    worker.signals.finished.connect(lambda _: keep.remove(worker) if worker in keep else None)
    worker.signals.failed.connect(lambda _: keep.remove(worker) if worker in keep else None)
    QThreadPool.globalInstance().start(worker)
    return worker


def run_with_progress(parent: QWidget, title: str, project: Path, job: Job,
                      on_done: Callable[[int], None]) -> GeneratorWorker:
    """Start ``job`` on the thread pool with a progress dialog and a Cancel button."""
    worker = GeneratorWorker(project, job)
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setLabel(plain_label(title))  # its own label would render a message quoting a file as HTML
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(worker.cancel)

    def progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done if total else 0)
        dialog.setLabelText(f"{title}: {done}{f'/{total}' if total else ''} — {message}")

    def failed(message: str) -> None:
        dialog.reset()
        box = plain_box(QMessageBox.Icon.Warning, title, message, parent)  # messages quote file content
        box.open()
        parent.last_error_box = box

    worker.signals.progress.connect(progress)
    worker.signals.failed.connect(failed)
    worker.signals.cancelled.connect(dialog.reset)
    worker.signals.finished.connect(lambda done: (dialog.reset(), on_done(done)))
    parent.running_worker = worker  # keep it alive while it runs
    QThreadPool.globalInstance().start(worker)
    return worker
