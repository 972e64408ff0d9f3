"""Suggestions in the window: learned from the annotator's labels, drawn dashed.

The corpus index is built once when the window opens (off the GUI thread for big
projects); each new label teaches a rule at once. A suggestion is never a label until
accepted (Y); rejecting it (N) hides it for good in that place. Both are undoable.
"""

from __future__ import annotations

import gc
import sys
from collections import Counter
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from ..core.by_place import ByPlace
from ..core.commands import Command, step
from ..core.model import Annotations, Span
from ..core.progress import Progress
from ..core.search import clitic_convention, collector_paused, normalisation_settings
from ..core.session import Change
from ..core.suggestions import (
    SOURCE_MODEL,
    Rule,
    Suggestion,
    SuggestionIndex,
    Visibility,
    accept,
    document_matches,
    document_rules,
    model_suggestions,
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
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from .busy import BusyIndicator
    from .text_view import AnnotationTextView
    from .workspace import Workspace

SYNC_LIMIT = 300  # documents: index in the GUI thread below this, in a worker above
BUILD_SWITCH_INTERVAL = 0.0001  # seconds (Python's default: 0.005; why: where it is set)


class SuggestionsController:
    """Suggestions for the open document: kept level with every change, drawn in the
    text view, accepted and rejected as undoable steps."""

    def __init__(self, workspace: Workspace, view: AnnotationTextView, show_message: Callable[[str], None],
                 parent: QWidget, project_path: Path | None) -> None:
        self._workspace, self.view, self.show_message = workspace, view, show_message
        self.parent, self.project_path = parent, project_path  # for the indexing job's progress
        self.index: SuggestionIndex | None = None
        self.rules: set[Rule] = set()  # what the annotator's labels teach, corpus-wide
        self._taught: dict[str, set[Rule]] = {}  # the rules each document's labels teach
        self._teachers: Counter[Rule] = Counter()  # how many documents teach each rule
        self._rule_cache: dict[tuple, Rule | None] = {}
        self._seen: dict[str, Counter] = {}  # (start, end, label) of each document's spans, last seen
        self.current: Suggestion | None = None
        self.shown = ByPlace()  # what the view draws
        self._found: tuple[str, ByPlace] | None = None  # (document id, every match, shown or not)
        self._new: list[Suggestion] = []  # matches of newly learned rules, not checked yet
        self._labelled_meanwhile: set[str] = set()  # documents changed while the index was built
        self._refreshed: tuple | None = None  # (document, rejections) the last refresh showed
        self._jobs: list = []  # the indexing worker, kept alive while it runs
        self._when_ready: list[Callable[[], None]] = []
        self.busy: BusyIndicator | None = None  # where background indexing shows its progress
        workspace.changed.connect(self.follow)

    def follow(self, change: Change) -> None:
        """After every change (a label, relabel, delete, undo, redo, another program's
        write) the rules are what the file's labels teach, and the suggestions near
        what changed are checked again; a rule whose last teacher went is forgotten
        with all its matches."""
        gone, differing = self.learn(change)
        delta = change.delta
        if delta is None:
            if not change.opened and differing is not None and self._same_rejections():
                # another program wrote: only around the labels that differ from those
                # last seen (a full refresh costs most of a second on a long article)
                self.refresh(differing, gone)
                return
            self.refresh()
            return
        removed, added = delta
        self.refresh([s for s in (*removed, *added) if isinstance(s, Span)], gone)

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def build(self) -> None:
        """Index the corpus: at once for a small project, else in the background with
        its progress in the status bar (labelling goes on; suggestions appear when the
        index is ready, and what was labelled meanwhile is learned then)."""
        store = self.workspace.store
        if store.count_documents() <= SYNC_LIMIT or self.project_path is None:
            self._ready(_build(store, self.workspace.annotator))
            return
        from .workers import run_in_background

        annotator = self.workspace.annotator
        if self.busy is not None:
            self.busy.start(tr("Indexing the corpus for suggestions…"))
        worker = run_in_background(self.project_path, lambda s: _build_steps(s, annotator), self._jobs)
        # the builder holds Python's lock between switches, and the GUI thread lets go
        # of it at each Qt call: a short interval gives it back within 0.1 ms, not five.
        # At 0.5 ms a repaint of an article with 300 nested labels (a thousand Qt calls)
        # took 0.3-0.8 s while indexing; at 0.1 ms, 35-60 ms, and the index was built
        # as fast (35 s for 100,000 articles)
        interval = sys.getswitchinterval()
        sys.setswitchinterval(BUILD_SWITCH_INTERVAL)
        for signal in (worker.signals.finished, worker.signals.failed):
            signal.connect(lambda *_: sys.setswitchinterval(interval))
        worker.signals.result.connect(self._ready)
        if self.busy is not None:
            worker.signals.progress.connect(lambda done, total, _: self.busy.progress(done, total))
            worker.signals.finished.connect(lambda _: self.busy.stop())
            worker.signals.failed.connect(lambda message: (self.busy.stop(), self.show_message(message)))

    def indexing(self) -> bool:
        return self.index is None and bool(self._jobs)

    def when_ready(self, call: Callable[[], None]) -> None:
        """Run ``call`` once the index is ready (now, if it is)."""
        if self.index is not None:
            call()
        elif call not in self._when_ready:
            self._when_ready.append(call)

    def _ready(self, built: tuple) -> None:
        self.index, self._taught = built
        self._relearn(self._labelled_meanwhile)
        self._labelled_meanwhile = set()
        waiting, self._when_ready = self._when_ready, []
        for call in waiting:
            call()
        self._teachers = Counter(rule for taught in self._taught.values() for rule in taught)
        self.rules = set(self._teachers)
        ws = self.workspace
        if ws.document is not None and ws.annotations is not None:  # what the counts were taken from
            self._seen[ws.document.id] = Counter(_place(s) for s in ws.annotations.spans)
        self._found = None
        self.refresh()
        settle_loaded_data()
        damaged = {getattr(p, "document", None) or str(p) for p in self.index.problems}
        if damaged:  # left out of the suggestions; opening one names its fault
            self.show_message(tr("{count} damaged documents were left out of the suggestions: {names}")
                                     .format(count=len(damaged), names=", ".join(sorted(damaged)[:5])))

    def learn(self, change: Change) -> tuple[list[Suggestion], list[Span] | None]:
        """Keep the rules level with the labels of the open document after ``change``:
        its new spans teach, and a rule whose last teacher (in the corpus) went is
        forgotten. Returns the forgotten rules' matches, taken out of those kept, and
        the spans that differ from those last seen (None when none were compared)."""
        ws = self.workspace
        if self.index is None:  # still being built: learned when it is ready
            if ws.document is not None:
                self._labelled_meanwhile.add(ws.document.id)
            return [], None
        if ws.document is None or ws.annotations is None:
            return [], None
        document = ws.document
        removed, added = self._span_changes(document.id, change)
        labels = taught_labels(ws.schema)
        taught = set(self._taught.get(document.id, set()))
        taught |= {self._rule_of(document.id, document.text, s) for s in added if s.label in labels} - {None}
        for rule in {self._rule_of(document.id, document.text, s) for s in removed if s.label in labels} - {None}:
            if not self._still_taught(rule):
                taught.discard(rule)
        return self._retally(document.id, taught), [*removed, *added]

    def _relearn(self, document_ids: set[str]) -> None:
        """The rules of documents labelled while the index was being built, from their
        stored labels now (the builder read the file before or during those edits)."""
        ws, labels = self.workspace, taught_labels(self.workspace.schema)
        for document_id in document_ids:
            try:
                document = ws.store.document(document_id)
                spans = ws.store.annotations(document_id, ws.annotator).spans
            except AnnotatorError:
                continue  # damaged: left out, as the builder leaves it out
            self._taught[document_id] = document_rules(document.text, spans, labels, self.index.settings,
                                                       lexicon=self.index.lexicon())

    def _span_changes(self, document_id: str, change: Change) -> tuple[list[Span], list[Span]]:
        """(removed, added) spans: the change's, or found by comparing the labels with
        those last seen (after a reload; a rejection changes none)."""
        now = self.workspace.annotations.spans
        seen = self._seen.get(document_id)
        delta = change.delta
        if delta is not None:
            removed = [s for s in delta[0] if isinstance(s, Span)]
            added = [s for s in delta[1] if isinstance(s, Span)]
            if seen is not None:
                seen.subtract(_place(s) for s in removed)
                seen.update(_place(s) for s in added)
            return removed, added
        places = Counter(_place(s) for s in now)
        self._seen[document_id] = places
        if seen is None:  # first seen: the rules counted when the window opened hold
            return [], []
        gone, new = seen - places, places - seen
        return ([Span("gone", a, b, label) for a, b, label in gone],
                [s for s in now if _place(s) in new])

    def _still_taught(self, rule: Rule) -> bool:
        """Whether a span of the open document still teaches ``rule``. Its teachers lie
        on its matches: only the spans there are asked (all of its label, if it has none)."""
        ws = self.workspace
        document = ws.document
        matches = self.index.for_document(document.id, {rule})
        index = self.view.span_index  # level with the edit: the view is updated first
        candidates = ({s.id: s for m in matches for s in index.overlapping(m.start, m.end)}.values() if matches
                      else ws.annotations.spans)
        return any(s.label == rule.label and self._rule_of(document.id, document.text, s) == rule
                   for s in candidates)

    def _retally(self, document_id: str, taught: set[Rule]) -> list[Suggestion]:
        before = self._taught.get(document_id, set())
        self._taught[document_id] = taught
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
        gone: list[Suggestion] = []
        if self._found is not None and self._found[0] == document_id:
            if forgotten:
                gone = self.index.for_document(document_id, forgotten)
                self._found[1].remove(gone)
            if learned:  # only the new rules are matched
                added = self.index.for_document(document_id, learned)
                self._found[1].add(added)
                self._new.extend(added)
        return gone

    def _rule_of(self, document_id: str, text: str, span: Span) -> Rule | None:
        key = (document_id, span.start, span.end, span.label)
        if key not in self._rule_cache:  # the text never changes: a place keeps its rule
            self._rule_cache[key] = rule_for(text, span, self.index.settings, lexicon=self.index.lexicon())
        return self._rule_cache[key]

    def _same_rejections(self) -> bool:
        """Whether the open document's rejections are those the last refresh showed."""
        ws = self.workspace
        if ws.document is None or self._refreshed is None or self._refreshed[0] != ws.document.id:
            return False
        return self._refreshed[1] == frozenset(rejected_in(ws.store, ws.annotator, ws.document.id))

    def refresh(self, changed: list | None = None, gone: list[Suggestion] = ()) -> None:
        """Recompute what to show; ``changed`` (spans an edit touched) limits the work
        to their neighbourhood, so a keystroke costs little even with thousands of
        suggestions in the document. ``gone``: matches of forgotten rules."""
        ws = self.workspace
        self._refreshed = None
        redrawn = None  # everywhere, unless only places around the edit changed
        if self.index is None or ws.document is None or ws.annotations is None:
            self.shown = ByPlace()
        elif changed is not None and self._found is not None and self._found[0] == ws.document.id:
            touched = {x for s in (*changed, *gone) for x in self._found[1].overlapping(s.start, s.end)}
            self.shown.remove(gone)
            redrawn = self._recheck(touched | set(self._new)) + [(x.start, x.end) for x in gone]
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
        self.view.set_suggestions(self.shown, self.current, redrawn)
        if self.index is not None and ws.document is not None and ws.annotations is not None:
            self._refreshed = (ws.document.id, frozenset(rejected_in(ws.store, ws.annotator, ws.document.id)))

    def _shows(self, suggestion: Suggestion) -> bool:
        return suggestion in self.shown

    def _recheck(self, candidates: set[Suggestion]) -> list[tuple[int, int]]:
        """Show or hide each of ``candidates`` again. A suggestion's visibility depends
        only on the spans it overlaps (and the rejections), so an edit can change it only
        for the matches overlapping the edited spans, and a new rule only for its own
        matches. Returns the places of the suggestions that appeared or went."""
        ws = self.workspace
        index = self.view.span_index  # level with the edit: the view is updated first
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

    def reload_model_suggestions(self) -> None:
        """The open document's model suggestions read again (a training stored new
        ones), the string matches kept: matching every rule again cost seconds on a
        long article with thousands of labels."""
        ws = self.workspace
        if self.index is None or ws.document is None or self._found is None or self._found[0] != ws.document.id:
            self.forget()
            return
        found = self._found[1]
        old = [x for x in found if x.source == SOURCE_MODEL]
        new = model_suggestions(ws.store, ws.annotator, ws.document.id)
        found.remove(old)
        self.shown.remove([x for x in old if x in self.shown])
        found.add(new)
        redrawn = self._recheck(set(new)) + [(x.start, x.end) for x in old]
        if self.current is not None and not self._shows(self.current):
            self.current = None
        self.view.set_suggestions(self.shown, self.current, redrawn)

    def forget(self) -> None:
        """Match again from scratch (after pre-annotation stored new model suggestions)."""
        self._found = None
        self.refresh()

    def choose_at(self, offset: int) -> bool:
        """Make the suggestion under ``offset`` current; whether there was one."""
        here = self.shown.overlapping(offset, offset + 1)
        self.current = here[0] if here else None
        self.view.set_suggestions(self.shown, self.current, changed=[])
        if self.current is not None:
            self._announce()
        return self.current is not None

    def step(self, direction: int) -> None:
        if not self.shown:
            self.show_message(tr("No suggestions in this document."))
            return
        ordered = list(self.shown)
        index = ordered.index(self.current) + direction if self.current in self.shown else (
            0 if direction > 0 else -1)
        self.current = ordered[index % len(ordered)]
        self.view.select_offsets(self.current.start, self.current.end)
        self.view.clear_selection()
        self.view.set_suggestions(self.shown, self.current, changed=[])
        self._announce()

    def _announce(self) -> None:
        """Say which label Y will store (the one the outline around the place shows)."""
        current, ws = self.current, self.workspace
        text = " ".join(ws.document.text[current.start:current.end].split())
        # the learned model's confidence, also where a known name's string match came first
        confidence = ws.store.model_confidences(ws.annotator, ws.document.id).get(current.place)
        if confidence is not None:
            self.show_message(tr("Y labels «{text}» {label} (model suggestion, {percent}% sure); N rejects it.")
                              .format(text=text, label=current.label, percent=round(confidence * 100)))
            return
        self.show_message(tr("Y labels «{text}» {label}; N rejects it.").format(text=text, label=current.label))

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


def _place(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.label


def _build(store: ProjectStore, annotator: str) -> tuple:
    settings = normalisation_settings(store)
    index = SuggestionIndex.from_store(store, settings, clitic_convention(store))
    index.prepare_filter()
    problems: list = []
    taught = rules_by_document(store, annotator, settings, problems=problems, lexicon=index.lexicon())
    index.problems.extend(p for p in problems if str(p) not in {str(q) for q in index.problems})
    return index, taught


def _build_steps(store: ProjectStore, annotator: str) -> Generator[Progress, None, tuple]:  # a worker's job
    from ..core.progress import Progress

    yield Progress(0, None, "index")
    # with the collector on, the growing index was walked again and again, each pass
    # holding Python's lock 0.1-0.4 s (the window froze mid-keystroke); frozen when
    # built, it is never walked (settle_loaded_data does the same for a small project)
    with collector_paused():
        built = _build(store, annotator)
        gc.freeze()
    return built
