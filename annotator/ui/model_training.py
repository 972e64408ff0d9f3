"""The learned recommender in the window (issue 15): it trains in the background after
every ``TRAIN_EVERY`` new labels, or on demand (Annotate > Train suggestions now), and
its suggestions for the open document are stored with their confidence and drawn
dashed like the others (Y accepts, N rejects; a rejection is negative evidence at the
next training). Nothing it suggests is a label, exported or counted, until accepted.

Training and suggesting run on a worker with its own connection; the window keeps
labelling meanwhile, and what the worker stores is read when it is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from ..core.model import Span
from ..core.progress import Progress
from ..core.session import Change
from ..core.suggestions import LEARNED_MODEL
from ..storage import ProjectStore
from ..storage.models import load_model, save_model
from .busy import BusyIndicator
from .i18n import tr
from .suggestions_ui import SuggestionsController
from .workspace import Workspace

TRAIN_EVERY = 20  # new entity labels in the window between two trainings
THRESHOLD_KEY = "suggestions/model_threshold"  # unset: the model's own (Settings.threshold)
TRAINING_SWITCH_INTERVAL = 0.0005  # see suggestions_ui.BUILD_SWITCH_INTERVAL


def model_threshold() -> float | None:
    """The least confidence of a model suggestion shown, as the annotator set it (None:
    the model's default, chosen for precision: see ``nlp/recommender.Settings``)."""
    value = QSettings().value(THRESHOLD_KEY)
    try:
        return None if value is None else min(1.0, max(0.0, float(value)))
    except (TypeError, ValueError):
        return None


def train_and_suggest(store: ProjectStore, annotator: str, document_ids: list[str],
                      threshold: float | None) -> Generator[Progress, None, int]:
    """Train on the project's labels, keep the model, and store its suggestions for
    ``document_ids``; returns how many suggestions were stored."""
    from ..core.learning import stored_form, train  # the CRF: loaded when first trained

    model = yield from train(store)
    save_model(store, stored_form(model, store.schema))
    return (yield from suggest(store, annotator, document_ids, threshold))


def suggest(store: ProjectStore, annotator: str, document_ids: list[str],
            threshold: float | None) -> Generator[Progress, None, int]:
    """The kept model's suggestions for ``document_ids``, stored with their confidence."""
    from ..core.learning import MODEL_NAME, suggest_documents, usable_model

    model = usable_model(load_model(store, MODEL_NAME), store.schema, str(store.path))
    count = 0
    for done, (document, found) in enumerate(suggest_documents(store, model, document_ids, threshold), 1):
        places = {(start, end, label): confidence for start, end, label, confidence in found}
        store.replace_model_suggestions(annotator, document.id, places, LEARNED_MODEL, places)
        count += len(places)
        yield Progress(done, len(document_ids), document.id)
    return count


class ModelSuggestions:
    def __init__(self, workspace: Workspace, suggestions: SuggestionsController, busy: BusyIndicator,
                 project_path: Path | None, report: Callable[[str], None], parent: QWidget) -> None:
        self.workspace, self.suggestions, self.busy = workspace, suggestions, busy
        self.project_path, self.report, self.parent = project_path, report, parent
        self.new_labels = 0
        self.jobs: list = []  # the running worker, kept alive
        workspace.changed.connect(self._follow)

    def running(self) -> bool:
        return bool(self.jobs)

    def _follow(self, change: Change) -> None:
        if change.opened:
            self._suggest_open_document()
            return
        schema = self.workspace.schema
        self.new_labels += sum(1 for item in change.added
                               if isinstance(item, Span) and schema.layer_of(item.label) == "entity"
                               and item.id not in {old.id for old in change.removed})
        if self.new_labels >= TRAIN_EVERY and not self.running():
            self.train_now(quiet=True)

    def train_now(self, quiet: bool = False) -> None:
        """Annotate > Train suggestions now (and every ``TRAIN_EVERY`` labels, quietly)."""
        ws = self.workspace
        if self.project_path is None or ws.document is None or self.running():
            return
        self.new_labels = 0
        annotator, ids = ws.annotator, [ws.document.id]
        self._run(tr("Training suggestions on the project's labels…"),
                  lambda store: train_and_suggest(store, annotator, ids, model_threshold()), quiet)

    def set_threshold(self) -> None:
        from ..nlp.recommender import Settings

        value, accepted = QInputDialog.getDouble(
            self.parent, tr("Model suggestions"), tr("Show model suggestions from this confidence on (0–1):"),
            model_threshold() if model_threshold() is not None else Settings().threshold, 0.0, 1.0, 2)
        if accepted:
            QSettings().setValue(THRESHOLD_KEY, value)
            self._suggest_open_document()

    def _suggest_open_document(self) -> None:
        """The kept model's suggestions for the document just opened (if there is a model)."""
        ws = self.workspace
        if self.project_path is None or ws.document is None or self.running():
            return
        from ..core.learning import MODEL_NAME  # not at start-up: 55 ms of imports

        if load_model(ws.store, MODEL_NAME) is None:
            return
        annotator, ids = ws.annotator, [ws.document.id]
        self._run(tr("Model suggestions for this document…"),
                  lambda store: suggest(store, annotator, ids, model_threshold()), quiet=True)

    def _run(self, title: str, job: Callable, quiet: bool) -> None:
        from .workers import run_in_background

        self.busy.start(title)
        worker = run_in_background(self.project_path, job, self.jobs)
        interval = sys.getswitchinterval()  # keystrokes meanwhile wait less for Python's lock
        sys.setswitchinterval(TRAINING_SWITCH_INTERVAL)

        def finished() -> None:
            sys.setswitchinterval(interval)
            self.busy.stop()

        worker.signals.result.connect(lambda count: self._done(count, quiet))
        worker.signals.finished.connect(lambda _: finished())
        worker.signals.failed.connect(lambda message: (finished(), self.report(
            tr("No model suggestions: {reason}").format(reason=message))))

    def _done(self, count: int, quiet: bool) -> None:
        self.suggestions.forget()  # read again: the model's suggestions are in the file now
        if not quiet or count:
            self.report(tr("{count} model suggestions in this document (dashed; Y accepts, N rejects).")
                        .format(count=count))
