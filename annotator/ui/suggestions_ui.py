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


def _within(ordered: list[Suggestion], ranges: list[tuple[int, int]], starts: list[int]) -> list[Suggestion]:
    """Suggestions (sorted by start; ``starts`` are their starts) that start near the ranges."""
    from bisect import bisect_left

    picked: list[Suggestion] = []
    for start, end in ranges:
        low = bisect_left(starts, start - MAX_REACH)
        high = bisect_left(starts, end + MAX_REACH)
        picked.extend(ordered[low:high])
    return picked


class SuggestionsController:
    def __init__(self, window) -> None:  # noqa: ANN001
        self.window = window
        self.index: SuggestionIndex | None = None
        self.rules: set = set()
        self.current: Suggestion | None = None
        self.shown: list[Suggestion] = []  # sorted by (start, end)
        self.starts: list[int] = []
        self._found: tuple[str, list[Suggestion]] | None = None  # (document id, raw matches)
        self._dirty: list[tuple[int, int]] = []  # places of matches of newly learned rules
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
            self._found[1].extend(added)
            self._found[1].sort(key=_start)
            self._found_starts = [x.start for x in self._found[1]]
            self._dirty.extend((s.start, s.end) for s in added)

    def refresh(self, changed: list | None = None) -> None:
        """Recompute what to show; ``changed`` (spans an edit touched) limits the work
        to their neighbourhood, so a keystroke costs little even with thousands of
        suggestions in the document."""
        ws = self.workspace
        if self.index is None or ws.document is None or ws.annotations is None:
            self.shown, self.starts = [], []
        elif changed is not None and self._found is not None and self._found[0] == ws.document.id:
            self._refresh_around([(s.start, s.end) for s in changed] + self._dirty)
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
        self._dirty = []
        if self.current is not None and not self._shows(self.current):
            self.current = None
        self.window.view.set_suggestions(self.shown, self.current, self.starts)

    def _shows(self, suggestion: Suggestion) -> bool:
        from bisect import bisect_left

        index = bisect_left(self.starts, suggestion.start)
        return suggestion in self.shown[index:index + 8]

    def _refresh_around(self, ranges: list[tuple[int, int]]) -> None:
        """Redo visibility only in windows around the edit: shown stays sorted, and
        each window's slice is replaced in place (no pass over every suggestion)."""
        from bisect import bisect_left

        ws = self.workspace
        rejected = rejected_in(ws.store, ws.annotator, ws.document.id)
        for start, end in reversed(_merge_ranges(ranges)):
            def touches(a: int, b: int, s: int = start, e: int = end) -> bool:
                return a < e + MAX_REACH and s - MAX_REACH < b

            candidates = [x for x in _within(self._found[1], [(start, end)], self._found_starts) if touches(x.start, x.end)]
            spans = [sp for sp in ws.annotations.spans if touches(sp.start, sp.end)]
            local = type(ws.annotations)(ws.annotations.document_id, ws.annotator, spans=spans)
            low = bisect_left(self.starts, start - MAX_REACH)
            high = bisect_left(self.starts, end + MAX_REACH)
            kept = [x for x in self.shown[low:high] if not touches(x.start, x.end)]
            fresh = sorted(kept + visible(candidates, local, rejected), key=_start)
            self.shown[low:high] = fresh
            self.starts[low:high] = [x.start for x in fresh]

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
        self.window.view.set_suggestions(self.shown, self.current, self.starts)
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
        self.window.view.set_suggestions(self.shown, self.current, self.starts)

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
