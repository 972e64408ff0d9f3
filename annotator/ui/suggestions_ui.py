"""Suggestions in the window: learned from the annotator's labels, drawn dashed.

The corpus index is built once when the window opens (off the GUI thread for big
projects); each new label teaches a rule at once. A suggestion is never a label until
accepted (Y); rejecting it (N) hides it for good in that place. Both are undoable.
"""

from __future__ import annotations

from ..core.errors import AnnotatorError
from ..core.search import clitic_convention, normalisation_settings
from ..core.suggestions import (
    Suggestion,
    SuggestionIndex,
    accept,
    learn_rules,
    model_suggestions,
    reject,
    rejected_in,
    rule_for,
    visible,
)
from .i18n import tr

SYNC_LIMIT = 300  # documents: index in the GUI thread below this, in a worker above


class SuggestionsController:
    def __init__(self, window) -> None:  # noqa: ANN001
        self.window = window
        self.index: SuggestionIndex | None = None
        self.rules: set = set()
        self.current: Suggestion | None = None
        self.shown: list[Suggestion] = []

    @property
    def workspace(self):  # noqa: ANN201
        return self.window.workspace

    def build(self) -> None:
        store = self.workspace.store
        if store.count_documents() <= SYNC_LIMIT:
            self._ready(_build(store, self.workspace.annotator))
            return
        from .workers import run_with_progress

        annotator = self.workspace.annotator
        worker = run_with_progress(self.window, tr("Indexing the corpus for suggestions"),
                                   self.window.project_path, lambda s: _build_steps(s, annotator),
                                   lambda done: None)
        worker.signals.result.connect(self._ready)

    def _ready(self, built: tuple) -> None:
        self.index, self.rules = built
        self.refresh()

    def learn(self, spans: list) -> None:
        """New labels teach rules for the whole corpus at once."""
        ws = self.workspace
        if self.index is None or ws.document is None:
            return
        for span in spans:
            if (ws.schema.layer_of(span.label) or "entity") == "entity":
                rule = rule_for(ws.document.text, span, self.index.settings, lexicon=self.index.lexicon())
                if rule is not None:
                    self.rules.add(rule)

    def refresh(self) -> None:
        ws = self.workspace
        if self.index is None or ws.document is None or ws.annotations is None:
            self.shown = []
        else:
            found = self.index.for_document(ws.document.id, self.rules)
            found += model_suggestions(ws.store, ws.annotator, ws.document.id)
            rejected = rejected_in(ws.store, ws.annotator, ws.document.id)
            self.shown = sorted(visible(found, ws.annotations, rejected), key=lambda s: (s.start, s.end))
        if self.current not in self.shown:
            self.current = None
        self.window.view.set_suggestions(self.shown, self.current)

    def choose_at(self, offset: int) -> bool:
        """Make the suggestion under ``offset`` current; whether there was one."""
        here = [s for s in self.shown if s.start <= offset < s.end]
        self.current = here[0] if here else None
        self.window.view.set_suggestions(self.shown, self.current)
        return self.current is not None

    def step(self, direction: int) -> None:
        if not self.shown:
            self.window.show_message(tr("No suggestions in this document."))
            return
        index = self.shown.index(self.current) + direction if self.current in self.shown else (
            0 if direction > 0 else -1)
        self.current = self.shown[index % len(self.shown)]
        self.window.view.select_offsets(self.current.start, self.current.end)
        self.window.view.clear_selection()
        self.window.view.set_suggestions(self.shown, self.current)

    def accept_current(self) -> None:
        if self.current is not None:
            self._push(accept(self.workspace.editor(), self.current))

    def reject_current(self) -> None:
        if self.current is not None:
            self._push(reject(self.workspace.annotator, self.current))

    def accept_all(self) -> None:
        todo = list(self.shown)
        if not todo:
            return
        stack = self.workspace.undo_stack
        stack.beginMacro(tr("Accept {count} suggestions").format(count=len(todo)))
        try:
            for suggestion in todo:
                self._push(accept(self.workspace.editor(), suggestion))
        finally:
            stack.endMacro()

    def _push(self, command) -> None:  # noqa: ANN001
        try:
            self.workspace.push(command)
        except AnnotatorError as error:
            self.window.show_message(tr("Not done: {reason}").format(reason=error.message))


def _build(store, annotator: str) -> tuple:  # noqa: ANN001
    settings = normalisation_settings(store)
    index = SuggestionIndex.from_store(store, settings, clitic_convention(store))
    return index, learn_rules(store, annotator, settings)


def _build_steps(store, annotator: str):  # noqa: ANN001, ANN202 - a job for the worker
    from ..core.progress import Progress

    yield Progress(0, None, "index")
    return _build(store, annotator)
