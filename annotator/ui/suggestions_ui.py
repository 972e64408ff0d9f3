"""Suggestions in the window: learned from the annotator's labels, drawn dashed.

The corpus index is built once when the window opens (off the GUI thread for big
projects); each new label teaches a rule at once. A suggestion is never a label until
accepted (Y); rejecting it (N) hides it for good in that place. Both are undoable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from ..core.by_place import ByPlace
from ..core.commands import Command, step
from ..core.model import Annotations, Span
from ..core.progress import Progress
from ..core.search import clitic_convention, normalisation_settings
from ..core.session import Change
from ..core.suggestions import (
    Rule,
    Suggestion,
    SuggestionIndex,
    Visibility,
    accept,
    document_matches,
    reject,
    rejected_in,
    rule_for,
    rules_by_document,
    taught_labels,
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
        self.rules: set[Rule] = set()  # what the annotator's labels teach, corpus-wide
        self._taught: dict[str, set[Rule]] = {}  # the rules each document's labels teach
        self._teachers: Counter[Rule] = Counter()  # how many documents teach each rule
        self._rule_cache: dict[tuple, Rule | None] = {}
        self.current: Suggestion | None = None
        self.shown = ByPlace()  # what the view draws
        self._found: tuple[str, ByPlace] | None = None  # (document id, every match, shown or not)
        self._new: list[Suggestion] = []  # matches of newly learned rules, not checked yet
        window.workspace.changed.connect(self.follow)

    def follow(self, change: Change) -> None:
        """After every change (a label, relabel, delete, undo, redo, another program's
        write) the rules are what the file's labels teach, and the suggestions near
        what changed are checked again; a rule whose last teacher went is forgotten
        with all its matches."""
        forgot = self._relearn()
        delta = change.delta
        if delta is None or forgot:
            self.refresh()
            return
        removed, added = delta
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
        self.index, self._taught = built
        self._teachers = Counter(rule for taught in self._taught.values() for rule in taught)
        self.rules = set(self._teachers)
        self._found = None
        self.refresh()
        settle_loaded_data()
        damaged = {getattr(p, "document", None) or str(p) for p in self.index.problems}
        if damaged:  # left out of the suggestions; opening one names its fault
            self.window.show_message(tr("{count} damaged documents were left out of the suggestions: {names}")
                                     .format(count=len(damaged), names=", ".join(sorted(damaged)[:5])))

    def _relearn(self) -> bool:
        """Count again the rules the open document teaches, from the labels it now holds;
        whether a rule was forgotten (no span in the corpus teaches it any more)."""
        ws = self.workspace
        if self.index is None or ws.document is None or ws.annotations is None:
            return False
        document = ws.document
        labels = taught_labels(ws.schema)
        taught = {self._rule_of(document.id, document.text, span) for span in ws.annotations.spans
                  if span.label in labels} - {None}
        before = self._taught.get(document.id, set())
        self._taught[document.id] = taught
        forgotten, learned = set(), set()
        for rule in before - taught:
            self._teachers[rule] -= 1
            if self._teachers[rule] <= 0:
                del self._teachers[rule]
                forgotten.add(rule)
        for rule in taught - before:
            self._teachers[rule] += 1
            if self._teachers[rule] == 1:
                learned.add(rule)
        self.rules = set(self._teachers)
        if self._found is not None and self._found[0] == document.id:
            self._found[1].remove(self.index.for_document(document.id, forgotten) if forgotten else [])
            if learned:  # only the new rules are matched
                added = self.index.for_document(document.id, learned)
                self._found[1].add(added)
                self._new.extend(added)
        return bool(forgotten)

    def _rule_of(self, document_id: str, text: str, span: Span) -> Rule | None:
        key = (document_id, span.start, span.end, span.label)
        if key not in self._rule_cache:  # the text never changes: a place keeps its rule
            self._rule_cache[key] = rule_for(text, span, self.index.settings, lexicon=self.index.lexicon())
        return self._rule_cache[key]

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
        if self.current is not None:
            self._announce()
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
        self._announce()

    def _announce(self) -> None:
        """Say which label Y will store (the one the outline around the place shows)."""
        current, ws = self.current, self.workspace
        text = " ".join(ws.document.text[current.start:current.end].split())
        self.window.show_message(tr("Y labels «{text}» {label}; N rejects it.").format(text=text, label=current.label))

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
    taught = rules_by_document(store, annotator, settings, problems=problems, lexicon=index.lexicon())
    index.problems.extend(p for p in problems if str(p) not in {str(q) for q in index.problems})
    return index, taught


def _build_steps(store: ProjectStore, annotator: str) -> Generator[Progress, None, tuple]:  # a worker's job
    from ..core.progress import Progress

    yield Progress(0, None, "index")
    return _build(store, annotator)
