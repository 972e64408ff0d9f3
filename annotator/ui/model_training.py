"""The learned recommender in the window (issue 15): it trains in the background after
every ``TRAIN_EVERY`` new labels, or on demand (Annotate > Train suggestions now), and
its suggestions for the open document are stored with their confidence and drawn
dashed like the others (Y accepts, N rejects; a rejection is negative evidence at the
next training). Nothing it suggests is a label, exported or counted, until accepted.

Training and suggesting run as ``annotator learn`` and ``annotator suggest`` in
processes of their own, waited for by a worker thread that then stores the
suggestions; the window keeps labelling meanwhile and reads them when it is done.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from ..core.model import Span, Status
from ..core.progress import Progress
from ..core.session import Change
from ..core.suggestions import LEARNED_MODEL
from ..errors import ERROR_FILE, ProjectError, phrase_from_data
from ..storage import ProjectStore
from ..storage.models import load_model
from .busy import BusyIndicator
from .i18n import tr
from .suggestions_ui import SuggestionsController
from .workspace import Workspace

TRAIN_EVERY = 20  # new entity labels in the window between two trainings
THRESHOLD_KEY = "suggestions/model_threshold"  # unset: the model's own (Settings.threshold)


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
    """Train on the project's labels and keep the model (``annotator learn``), then
    store its suggestions for ``document_ids``; returns how many were stored."""
    yield Progress(0, 2, "training")
    _run_cli(["learn", str(store.path)])
    yield Progress(1, 2, "trained")
    return (yield from suggest(store, annotator, document_ids, threshold))


def suggest(store: ProjectStore, annotator: str, document_ids: list[str],
            threshold: float | None) -> Generator[Progress, None, int]:
    """The kept model's suggestions for ``document_ids`` (``annotator suggest``), stored
    with their confidence as the learned recommender's."""
    with tempfile.TemporaryDirectory(prefix="annotator-suggest-") as folder:
        found = Path(folder) / "suggestions.jsonl"
        limit = [] if threshold is None else ["--threshold", str(threshold)]
        _run_cli(["suggest", str(store.path), "-o", str(found), "--documents", ",".join(document_ids), *limit])
        count = 0
        with store.atomic():
            for line in found.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                places = {(s["start"], s["end"], s["label"]): s.get("attributes", {}).get("confidence")
                          for s in record.get("spans", [])}
                store.replace_model_suggestions(annotator, record["id"], places, LEARNED_MODEL, places)
                count += len(places)
    yield Progress(2, 2, "suggested")
    return count


def _run_cli(arguments: list[str]) -> None:
    """``annotator ARGUMENTS`` in a process of its own: the CRF's feature extraction is
    Python, and in a thread of the window it held Python's lock for long enough to
    delay keystrokes by tens of milliseconds, for as long as it trained."""
    # at a lower priority: on a laptop's two cores the window's keystrokes come first
    lower = ["nice", "-n", "10"] if shutil.which("nice") else []
    with tempfile.TemporaryDirectory(prefix="annotator-run-") as folder:
        told = Path(folder) / "error.json"  # the command's error as data, to show in our language
        done = subprocess.run([*lower, sys.executable, "-m", "annotator", *arguments], capture_output=True,
                              text=True, encoding="utf-8", errors="replace",
                              env={**os.environ, ERROR_FILE: str(told)})
        if done.returncode == 0:
            return
        if told.exists():
            raise ProjectError(phrase_from_data(json.loads(told.read_text(encoding="utf-8"))))
    lines = [line for line in done.stderr.splitlines() if line.strip()]  # it did not get as far
    raise ProjectError(lines[-1] if lines else f"annotator {arguments[0]} failed ({done.returncode})")


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
        schema, before = self.workspace.schema, {old.id for old in change.removed}
        self.new_labels += sum(1 for item in change.added
                               if isinstance(item, Span) and schema.layer_of(item.label) == "entity"
                               and item.id not in before)
        if self.new_labels >= TRAIN_EVERY and not self.running():
            self.train_now(quiet=True)

    def train_now(self, quiet: bool = False) -> None:
        """Annotate > Train suggestions now (and every ``TRAIN_EVERY`` labels, quietly,
        once some document is done: before that there is nothing to learn from)."""
        ws = self.workspace
        if self.project_path is None or ws.document is None or self.running():
            return
        self.new_labels = 0
        if quiet and not any(status is Status.DONE for _, _, status in ws.store.statuses()):
            return
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

        def finished() -> None:
            self.busy.stop()

        worker.signals.result.connect(lambda count: self._done(count, quiet))
        worker.signals.finished.connect(lambda _: finished())
        worker.signals.failed.connect(lambda message: (finished(), self.report(
            tr("No model suggestions: {reason}").format(reason=message))))

    def _done(self, count: int, quiet: bool) -> None:
        self.suggestions.reload_model_suggestions()  # the model's suggestions are in the file now
        if not quiet or count:
            self.report(tr("{count} model suggestions in this document (dashed; Y accepts, N rejects).")
                        .format(count=count))
