"""Suggestions in the window: learned from the annotator's labels, drawn dashed.

The corpus index is built once when the window opens (off the GUI thread for big
projects); each new label teaches a rule at once. A suggestion is never a label until
accepted (Y); rejecting it (N) hides it for good in that place. Both are undoable.
"""

from __future__ import annotations

from ..core.errors import AnnotatorError
from ..core.model import Annotations
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
    Visibility,
)
from .i18n import tr

SYNC_LIMIT = 300  # documents: index in the GUI thread below this, in a worker above
MAX_REACH = 200  # characters: no suggestion or span that matters to an edit starts farther off


def _start(suggestion: Suggestion) -> tuple[int, int]:
    return suggestion.start, suggestion.end


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _insert_sorted(ordered: list[Suggestion], starts: list[int], new: list[Suggestion]) -> None:
    """Add ``new`` to ``ordered`` (sorted by place; ``starts`` its starts) in place:
    one insertion each when few (re-sorting 90,000 suggestions took 100 ms)."""
    from bisect import bisect_right

    if len(new) > 2_000:
        ordered.extend(new)
        ordered.sort(key=_start)
        starts[:] = [x.start for x in ordered]
        return
    for suggestion in new:
        index = bisect_right(starts, suggestion.start)
        ordered.insert(index, suggestion)
        starts.insert(index, suggestion.start)


class SuggestionsController:
    def __init__(self, window) -> None:  # noqa: ANN001
        self.window = window
        self.index: SuggestionIndex | None = None
        self.rules: set = set()
        self.current: Suggestion | None = None
        self.shown: list[Suggestion] = []  # sorted by (start, end)
        self.starts: list[int] = []
        self._found: tuple[str, list[Suggestion]] | None = None  # (document id, raw matches)
        self._new: list[Suggestion] = []  # matches of newly learned rules, not checked yet
        self._found_starts: list[int] = []

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
        self._found = None
        self.refresh()

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
            _insert_sorted(self._found[1], self._found_starts, added)
            self._new.extend(added)

    def refresh(self, changed: list | None = None) -> None:
        """Recompute what to show; ``changed`` (spans an edit touched) limits the work
        to their neighbourhood, so a keystroke costs little even with thousands of
        suggestions in the document."""
        ws = self.workspace
        redrawn = None  # everywhere, unless only places around the edit changed
        if self.index is None or ws.document is None or ws.annotations is None:
            self.shown, self.starts = [], []
        elif changed is not None and self._found is not None and self._found[0] == ws.document.id:
            redrawn = self._show_new()
            redrawn += self._refresh_around(_merge_ranges([(s.start, s.end) for s in changed]))
        else:
            if self._found is None or self._found[0] != ws.document.id:
                # matching every rule is the costly part: once per document, then per new rule
                found = self.index.for_document(ws.document.id, self.rules)
                found += model_suggestions(ws.store, ws.annotator, ws.document.id)
                self._found = (ws.document.id, sorted(found, key=_start))
                self._found_starts = [x.start for x in self._found[1]]
            rejected = rejected_in(ws.store, ws.annotator, ws.document.id)
            self.shown = sorted(visible(self._found[1], ws.annotations, rejected), key=_start)
            self.starts = [x.start for x in self.shown]
        self._new = []
        if self.current is not None and not self._shows(self.current):
            self.current = None
        self.window.view.set_suggestions(self.shown, self.current, self.starts, redrawn)

    def _shows(self, suggestion: Suggestion) -> bool:
        from bisect import bisect_left

        index = bisect_left(self.starts, suggestion.start)
        return suggestion in self.shown[index:index + 8]

    def _show_new(self) -> list[tuple[int, int]]:
        """Add the new rules' matches that are visible: nothing else can change by a
        new rule, so each is checked alone against the spans it overlaps."""
        from bisect import bisect_left

        ws = self.workspace
        index = self.window.view.span_index
        near = {s.id: s for x in self._new for s in index.overlapping(x.start, x.end)}
        check = Visibility(Annotations(ws.document.id, ws.annotator, spans=list(near.values())),
                           rejected_in(ws.store, ws.annotator, ws.document.id))
        fresh = [x for x in check.shown(self._new) if x.place not in {
            y.place for y in self.shown[bisect_left(self.starts, x.start):bisect_left(self.starts, x.start + 1)]}]
        _insert_sorted(self.shown, self.starts, fresh)
        return [(x.start, x.end) for x in fresh]

    def _refresh_around(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Redo visibility only in windows around ``ranges`` (sorted): the suggestions
        starting there are matched again against the spans there, and ``shown`` is
        rebuilt from slices in one pass (a new rule can touch hundreds of places).
        Returns the places of the suggestions that appeared or went."""
        from bisect import bisect_left

        ws = self.workspace
        windows = _merge_ranges([(start - MAX_REACH, end + MAX_REACH) for start, end in ranges])
        index = self.window.view.span_index  # level with the edit: the view is updated first
        near = {s.id: s for a, b in windows for s in index.overlapping(a - MAX_REACH, b + MAX_REACH)}
        check = Visibility(Annotations(ws.document.id, ws.annotator, spans=list(near.values())),
                           rejected_in(ws.store, ws.annotator, ws.document.id))
        found, found_starts = self._found[1], self._found_starts
        redrawn: list[tuple[int, int]] = []
        replaced = []  # (low, high, fresh) per window, in order; the windows are disjoint
        for first, last in windows:
            low, high = bisect_left(self.starts, first), bisect_left(self.starts, last)
            fresh = sorted(check.shown(found[bisect_left(found_starts, first):bisect_left(found_starts, last)]),
                           key=_start)
            redrawn.extend((x.start, x.end) for x in set(self.shown[low:high]).symmetric_difference(fresh))
            replaced.append((low, high, fresh))
        if len(replaced) <= 8:  # in place, from the end: cheapest for the usual one or two
            for low, high, fresh in reversed(replaced):
                self.shown[low:high] = fresh
                self.starts[low:high] = [x.start for x in fresh]
        else:  # one pass rather than hundreds of shifts of a long list
            shown, starts, done = [], [], 0
            for low, high, fresh in replaced:
                shown += self.shown[done:low] + fresh
                starts += self.starts[done:low] + [x.start for x in fresh]
                done = high
            self.shown[:] = shown + self.shown[done:]  # the view holds this very list
            self.starts[:] = starts + self.starts[done:]
        return redrawn

    def forget(self) -> None:
        """Match again from scratch (after pre-annotation stored new model suggestions)."""
        self._found = None
        self.refresh()

    def choose_at(self, offset: int) -> bool:
        """Make the suggestion under ``offset`` current; whether there was one."""
        from bisect import bisect_right

        nearby = self.shown[max(0, bisect_right(self.starts, offset) - 50):bisect_right(self.starts, offset)]
        here = [s for s in nearby if s.start <= offset < s.end]
        self.current = here[0] if here else None
        self.window.view.set_suggestions(self.shown, self.current, self.starts, changed=[])
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
        self.window.view.set_suggestions(self.shown, self.current, self.starts, changed=[])

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
