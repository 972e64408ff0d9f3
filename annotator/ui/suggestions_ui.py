"""Suggestions in the window: learned from the annotator's labels, drawn dashed.

The corpus index is built once when the window opens (off the GUI thread for big
projects); each new label teaches a rule at once. A suggestion is never a label until
accepted (Y); rejecting it (N) hides it for good in that place. Both are undoable.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from ..core.by_place import ByPlace
from ..core.commands import Command, step
from ..core.model import Annotations, Span
from ..core.progress import Progress
from ..core.search import clitic_convention, normalisation_settings
from ..core.session import Change
from ..core.suggestions import (
    Suggestion,
    SuggestionIndex,
    Visibility,
    accept,
    document_matches,
    learn_rules,
    reject,
    rejected_in,
    rule_for,
    visible,
)
from ..errors import AnnotatorError, ProjectError
from ..storage import ProjectStore
from .heap import settle_loaded_data
from .i18n import tr

if TYPE_CHECKING:
    from .main_window import MainWindow

SYNC_LIMIT = 300  # documents: index in the GUI thread below this, in a worker above


class SuggestionsController:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.index: SuggestionIndex | None = None
        self.rules: set = set()
        self.current: Suggestion | None = None
        self.shown = ByPlace()  # what the view draws
        self._found: tuple[str, ByPlace] | None = None  # (document id, every match, shown or not)
        self._new: list[Suggestion] = []  # matches of newly learned rules, not checked yet
        window.workspace.changed.connect(self.follow)

    def follow(self, change: Change) -> None:
        """New labels teach rules; the suggestions near what changed are checked again."""
        delta = change.delta
        if delta is None:
            self.refresh()
            return
        removed, added = delta
        gone = {(s.id, s.start, s.end, s.label) for s in removed if isinstance(s, Span)}
        self.learn([s for s in added if isinstance(s, Span) and (s.id, s.start, s.end, s.label) not in gone])
        self.refresh([s for s in (*removed, *added) if isinstance(s, Span)])

    @property
    def workspace(self):
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
        self._found = None
        self.refresh()
        settle_loaded_data()
        damaged = {getattr(p, "document", None) or str(p) for p in self.index.problems}
        if damaged:  # left out of the suggestions; opening one names its fault
            self.window.show_message(tr("{count} damaged documents were left out of the suggestions: {names}")
                                     .format(count=len(damaged), names=", ".join(sorted(damaged)[:5])))

    def learn(self, spans: list) -> None:
        """New labels teach rules for the whole corpus at once."""
        ws = self.workspace
        if self.index is None or ws.document is None:
            return
        fresh = set()
        for span in spans:
            if (ws.schema.layer_of(span.label) or "entity") == "entity":
                rule = rule_for(ws.document.text, span, self.index.settings, lexicon=self.index.lexicon())
                if rule is not None and rule not in self.rules:
                    fresh.add(rule)
        self.rules |= fresh
        if fresh and self._found is not None and self._found[0] == ws.document.id:
            added = self.index.for_document(ws.document.id, fresh)  # only the new rules
            self._found[1].add(added)
            self._new.extend(added)

    def refresh(self, changed: list | None = None) -> None:
        """Recompute what to show; ``changed`` (spans an edit touched) limits the work
        to their neighbourhood, so a keystroke costs little even with thousands of
        suggestions in the document."""
        ws = self.workspace
        redrawn = None  # everywhere, unless only places around the edit changed
        if self.index is None or ws.document is None or ws.annotations is None:
            self.shown = ByPlace()
        elif changed is not None and self._found is not None and self._found[0] == ws.document.id:
            touched = {x for s in changed for x in self._found[1].overlapping(s.start, s.end)}
            redrawn = self._recheck(touched | set(self._new))
        else:
            if self._found is None or self._found[0] != ws.document.id:
                # matching every rule is the costly part: once per document, then per new rule
                found = document_matches(ws.store, self.index, ws.document.id, ws.annotator, self.rules)
                self._found = (ws.document.id, ByPlace(found))
            rejected = rejected_in(ws.store, ws.annotator, ws.document.id)
            self.shown = ByPlace(visible(self._found[1], ws.annotations, rejected))
        self._new = []
        if self.current is not None and not self._shows(self.current):
            self.current = None
        self.window.view.set_suggestions(self.shown, self.current, redrawn)

    def _shows(self, suggestion: Suggestion) -> bool:
        return suggestion in self.shown

    def _recheck(self, candidates: set[Suggestion]) -> list[tuple[int, int]]:
        """Show or hide each of ``candidates`` again. A suggestion's visibility depends
        only on the spans it overlaps (and the rejections), so an edit can change it only
        for the matches overlapping the edited spans, and a new rule only for its own
        matches. Returns the places of the suggestions that appeared or went."""
        ws = self.workspace
        index = self.window.view.span_index  # level with the edit: the view is updated first
        near = {s.id: s for x in candidates for s in index.overlapping(x.start, x.end)}
        check = Visibility(Annotations(ws.document.id, ws.annotator, spans=list(near.values())),
                           rejected_in(ws.store, ws.annotator, ws.document.id))
        ordered = sorted(candidates, key=lambda x: (x.start, x.end, x.label, x.source))
        now = set(check.shown(ordered))
        before = {x for x in ordered if x in self.shown}
        self.shown.remove(before - now)
        fresh = [x for x in ordered if x in now and x not in before and not self._place_shown(x)]
        self.shown.add(fresh)
        return [(x.start, x.end) for x in (before - now) | set(fresh)]

    def _place_shown(self, suggestion: Suggestion) -> bool:
        """Whether another suggestion (another rule, the model) already shows this place."""
        same_start = self.shown.between(suggestion.start, suggestion.start + 1)
        return any(x.place == suggestion.place for x in same_start)

    def forget(self) -> None:
        """Match again from scratch (after pre-annotation stored new model suggestions)."""
        self._found = None
        self.refresh()

    def choose_at(self, offset: int) -> bool:
        """Make the suggestion under ``offset`` current; whether there was one."""
        here = self.shown.overlapping(offset, offset + 1)
        self.current = here[0] if here else None
        self.window.view.set_suggestions(self.shown, self.current, changed=[])
        return self.current is not None

    def step(self, direction: int) -> None:
        if not self.shown:
            self.window.show_message(tr("No suggestions in this document."))
            return
        ordered = list(self.shown)
        index = ordered.index(self.current) + direction if self.current in self.shown else (
            0 if direction > 0 else -1)
        self.current = ordered[index % len(ordered)]
        self.window.view.select_offsets(self.current.start, self.current.end)
        self.window.view.clear_selection()
        self.window.view.set_suggestions(self.shown, self.current, changed=[])

    def accept_all(self) -> None:
        todo = list(self.shown)
        if not todo:
            return
        with self.workspace.macro(step("Accept {count} suggestions", count=len(todo))):
            for suggestion in todo:
                refusal = self._push(lambda s=suggestion: accept(self.workspace.editor(), s))
                if isinstance(refusal, ProjectError):
                    break  # the file refused one: the rest would be refused too

    def accept_current(self) -> None:
        if self.current is not None:
            self._push(lambda: accept(self.workspace.editor(), self.current))

    def reject_current(self) -> None:
        if self.current is not None:
            self._push(lambda: reject(self.workspace.annotator, self.current))

    def _push(self, make: Callable[[], Command]) -> AnnotatorError | None:
        """Make and push a command; a refusal is shown, and returned."""
        try:
            self.workspace.push(make())
        except AnnotatorError as error:
            self.workspace.refused.emit(error)
            return error
        return None


def _build(store: ProjectStore, annotator: str) -> tuple:
    settings = normalisation_settings(store)
    index = SuggestionIndex.from_store(store, settings, clitic_convention(store))
    problems: list = []
    rules = learn_rules(store, annotator, settings, problems=problems)
    index.problems.extend(p for p in problems if str(p) not in {str(q) for q in index.problems})
    return index, rules


def _build_steps(store: ProjectStore, annotator: str) -> Generator[Progress, None, tuple]:  # a worker's job
    from ..core.progress import Progress

    yield Progress(0, None, "index")
    return _build(store, annotator)
