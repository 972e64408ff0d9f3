"""The concordance: every hit of a search across the corpus, in its context, with the
labels it carries; and one decision applied to many hits as one undoable edit.

``concordance`` is a generator (it yields ``Progress``, returns a ``Concordance``) so a
window can run it off the GUI thread over 100,000 documents. Matching is the find
bar's (``search.find_in``: the project's normalisation, any substring) or, with
``whole_words``, the suggestions' (``search.word_matches``: word edges, proclitics
allowed, the project's clitic convention), so a hit is a span one may label as it is.
Every hit comes back in original code-point offsets. A corpus index
(``search.CorpusIndex``) built with the project's settings answers without reading or
normalising the texts again.

``label_hits`` / ``unlabel_hits`` turn a decision on selected hits into one
``CorpusEdit``: the hits' edits grouped per document, each validated against its own
document like any label, so one push makes one undo step however many documents it
touches (see ``CorpusEdit`` for how the session sees it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from ..errors import AnnotatorError, ProjectError
from ..nlp.normalize import NormalisationSettings
from .commands import EditCommand, Editor, Item, StepName, apply_change, step
from .model import Annotations, Document, Span
from .progress import Progress
from .schema import attribution_part
from .search import (
    CorpusIndex,
    NormalisedText,
    clitic_convention,
    find_in,
    normalisation_settings,
    normalise_query,
    word_matches,
)
from .store import Store

CONTEXT = 60  # characters shown each side of a hit
HIT_LIMIT = 5000  # hits kept (with their labels); the rest are only counted
PROGRESS_EVERY = 500  # documents between progress reports while scanning the store
_SPACES = re.compile(r"\s+")

Offsets = tuple[int, int]


@dataclass(frozen=True)
class Hit:
    """One occurrence: where, its context, and the annotator's spans on it.

    ``spans``: the annotator's spans overlapping ``start:end`` (exactly on it, inside
    it or around it), outermost first. ``before``/``after``: up to ``CONTEXT``
    characters of text on each side, whitespace runs as one space (one line).
    """

    document_id: str
    title: str
    start: int
    end: int
    before: str
    text: str
    after: str
    spans: tuple[Span, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(span.label for span in self.spans)

    def exact(self) -> list[Span]:
        """The spans that cover exactly the hit."""
        return [s for s in self.spans if (s.start, s.end) == (self.start, self.end)]


@dataclass(frozen=True)
class Concordance:
    """A search's answer: the first hits (``HIT_LIMIT``) and how many there are."""

    hits: tuple[Hit, ...]
    total: int
    problems: tuple[ProjectError, ...] = ()

    @property
    def truncated(self) -> bool:
        return self.total > len(self.hits)


# --- searching -------------------------------------------------------------------------
def concordance(
    store: Store,
    query: str,
    annotator: str,
    *,
    whole_words: bool = True,
    index: CorpusIndex | None = None,
    limit: int = HIT_LIMIT,
    context: int = CONTEXT,
) -> Generator[Progress, None, Concordance]:
    """Every hit of ``query`` in the corpus, in document order then text order.

    ``index``: a corpus index to search instead of reading every document; ignored
    unless it was built with the project's normalisation and clitic convention. A
    damaged document is left out and named in ``problems``.
    """
    settings, convention = normalisation_settings(store), clitic_convention(store)
    needle = normalise_query(query, settings)
    if not needle:
        return Concordance((), 0)
    problems: list[ProjectError] = []
    if index is not None and (index.settings, index.convention) == (
        settings,
        convention,
    ):
        found = _indexed(index, needle, query, whole_words)
    else:
        found = _scanned(store, needle, query, whole_words, convention, problems)
    total, kept = 0, []
    for item in found:
        if isinstance(item, Progress):
            yield item
            continue
        document_id, document, offsets = item
        room = limit - total
        total += len(offsets)
        if room > 0:
            kept.append((document_id, document, offsets[:room]))
    hits = list(_hits(store, annotator, kept, context, problems))
    return Concordance(tuple(hits), total, tuple(problems))


def find_hits(store: Store, query: str, annotator: str, **options) -> Concordance:
    """``concordance`` run to the end (scripts, tests, small projects)."""
    steps = concordance(store, query, annotator, **options)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


Found = tuple[str, Document | None, list[Offsets]]


def _find(
    normalised: NormalisedText,
    needle: str,
    query: str,
    whole_words: bool,
    convention: str,
    settings: NormalisationSettings,
) -> list[Offsets]:
    if whole_words:
        return word_matches(normalised, needle, convention)
    return find_in(normalised, query, settings)


def _scanned(
    store: Store,
    needle: str,
    query: str,
    whole_words: bool,
    convention: str,
    problems: list[ProjectError],
) -> Iterator[Found | Progress]:
    """Every document read and normalised (no index): seconds for a large corpus."""
    settings = normalisation_settings(store)
    total = store.count_documents()
    number = 0
    for number, document in enumerate(store.documents(problems), 1):
        normalised = NormalisedText.of(document.text, settings)
        offsets = _find(normalised, needle, query, whole_words, convention, settings)
        if offsets:
            yield document.id, document, offsets
        if number % PROGRESS_EVERY == 0:
            yield Progress(number, total, document.id)
    yield Progress(number, total, "")


def _indexed(
    index: CorpusIndex, needle: str, query: str, whole_words: bool
) -> Iterator[Found | Progress]:
    """The index's normalised texts: milliseconds; documents are read for kept hits."""
    if whole_words:
        by_document: dict[str, list[Offsets]] = {}
        for document_id, start, end in index.occurrences(needle):
            by_document.setdefault(document_id, []).append((start, end))
        for document_id, offsets in by_document.items():
            yield document_id, None, offsets
    else:
        holding = index.documents_matching(query)
        for document_id in (i for i in index.document_ids() if i in holding):
            offsets = find_in(index.text(document_id), query, index.settings)
            if offsets:
                yield document_id, None, offsets
    yield Progress(len(index), len(index), "")


def _hits(
    store: Store,
    annotator: str,
    kept: list[Found],
    context: int,
    problems: list[ProjectError],
) -> Iterator[Hit]:
    for document_id, document, offsets in kept:
        try:
            document = document or store.document(document_id)
            spans = store.annotations(document_id, annotator).spans
        except ProjectError as error:
            problems.append(error)
            continue
        for start, end in offsets:
            yield make_hit(document, start, end, spans, context)


def make_hit(
    document: Document,
    start: int,
    end: int,
    spans: Iterable[Span],
    context: int = CONTEXT,
) -> Hit:
    text = document.text
    return Hit(
        document.id,
        document.title,
        start,
        end,
        _before(text, start, context),
        text[start:end],
        _after(text, end, context),
        spans_on(spans, start, end),
    )


def spans_on(spans: Iterable[Span], start: int, end: int) -> tuple[Span, ...]:
    """The spans overlapping ``start:end``, outermost first."""
    found = [s for s in spans if s.start < end and start < s.end]
    return tuple(sorted(found, key=lambda s: (s.start, -s.end, s.label)))


def with_labels(hits: Iterable[Hit], annotations: Annotations) -> list[Hit]:
    """``hits`` (of one document) with the spans ``annotations`` hold now."""
    return [replace(h, spans=spans_on(annotations.spans, h.start, h.end)) for h in hits]


def _before(text: str, start: int, context: int) -> str:
    """Up to ``context`` characters before ``start``, from a word's start when cut."""
    begin = max(0, start - context)
    if begin > 0 and not text[begin - 1].isspace():
        space = _SPACES.search(text, begin, start)
        begin = space.end() if space and space.end() < start else begin
    return _one_line(text[begin:start])


def _after(text: str, end: int, context: int) -> str:
    """Up to ``context`` characters after ``end``, to a word's end when cut."""
    stop = min(len(text), end + context)
    if stop < len(text) and not text[stop].isspace():
        cut = text.rfind(" ", end + 1, stop)
        stop = cut if cut > end else stop
    return _one_line(text[end:stop])


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


# --- one decision on many hits ---------------------------------------------------------
@dataclass
class CorpusEdit(EditCommand):
    """Edits of several documents as one command, so they are one undo step.

    The session keeps a copy of the open document only: this command *is* the edit of
    ``document_id`` (``removed``/``added``, which the session patches into its copy as
    for any label, so the open document stays open and redraws in place) and carries
    the other documents' edits in ``elsewhere``, written and undone in the same
    transaction. ``document_id`` is the document open when the decision was made
    (its own part may be empty); undoing once another document is open opens it, as
    for any step made elsewhere.
    """

    elsewhere: list[EditCommand] = field(default_factory=list)
    hits: int = 0  # the hits it changes (the others were already as decided)

    def do(self, store: Store) -> None:
        with store.atomic():
            super().do(store)
            for command in self.elsewhere:
                command.do(store)

    def undo(self, store: Store) -> None:
        with store.atomic():
            for command in reversed(self.elsewhere):
                command.undo(store)
            super().undo(store)

    @property
    def document_ids(self) -> list[str]:
        return [self.document_id] + [c.document_id for c in self.elsewhere]


@dataclass(frozen=True)
class Refusal:
    """A hit the decision was not applied to, and why (the validation's message)."""

    hit: Hit
    reason: str


Copy = tuple[Document, Annotations]
Decision = Callable[[Editor, Hit, Callable[[EditCommand], None]], int]


def label_hits(
    store: Store,
    annotator: str,
    hits: Sequence[Hit],
    label: str,
    open_copy: Copy | None = None,
) -> tuple[CorpusEdit | None, list[Refusal]]:
    """Give every hit ``label``: a span of the label's layer exactly on the hit is
    relabelled (an event it triggers follows), else a span is added (a trigger with its
    event, a cue with its attribution, as in the window). ``open_copy``: the open
    document and the session's copy of its labels (it becomes the command's own part).
    Returns the command (None when nothing changes) and the hits refused."""
    layer = store.schema.layer_of(label)

    def decide(editor: Editor, hit: Hit, advance: Callable[[EditCommand], None]) -> int:
        same_layer = [
            s
            for s in editor.current().spans
            if (s.start, s.end) == (hit.start, hit.end)
            and store.schema.layer_of(s.label) == layer
        ]
        if same_layer:
            if same_layer[0].label == label:
                return 0
            advance(editor.change_span(same_layer[0].id, label=label))
            return 1
        command = editor.add_span(hit.start, hit.end, label)
        advance(command)
        span = command.added[0]
        if layer == "event":
            advance(editor.add_event(span.id))
        elif attribution_part(label) == "cue":
            advance(editor.add_attribution(cue=span.id))
        return 1

    return _decide(
        store,
        annotator,
        hits,
        open_copy,
        decide,
        lambda n: step("Label hits {label} ({count})", count=n, label=label),
    )


def unlabel_hits(
    store: Store, annotator: str, hits: Sequence[Hit], open_copy: Copy | None = None
) -> tuple[CorpusEdit | None, list[Refusal]]:
    """Delete the spans exactly on each hit (events and attributions that used them
    lose that part, as a delete in the window). Spans around or inside a hit stay."""

    def decide(editor: Editor, hit: Hit, advance: Callable[[EditCommand], None]) -> int:
        exact = [
            s.id
            for s in editor.current().spans
            if (s.start, s.end) == (hit.start, hit.end)
        ]
        for span_id in exact:
            advance(editor.remove_span(span_id))
        return 1 if exact else 0

    return _decide(
        store,
        annotator,
        hits,
        open_copy,
        decide,
        lambda n: step("Delete the labels of hits ({count})", count=n),
    )


def _decide(
    store: Store,
    annotator: str,
    hits: Sequence[Hit],
    open_copy: Copy | None,
    decide: Decision,
    name: Callable[[int], StepName],
) -> tuple[CorpusEdit | None, list[Refusal]]:
    """Apply ``decide`` hit by hit on each document's labels (each hit all or nothing),
    then make one command of the differences."""
    refusals: list[Refusal] = []
    edits: dict[str, tuple[list[Item], list[Item]]] = {}
    changed = 0
    for document_id, group in _by_document(hits).items():
        try:
            draft = _Draft(*_copy_of(store, document_id, annotator, open_copy))
        except AnnotatorError as error:
            refusals += [Refusal(h, error.message) for h in group]
            continue
        editor = Editor(store, document_id, annotator, draft.snapshot)
        for hit in group:
            kept = draft.work
            try:
                changed += decide(editor, hit, draft.advance)
            except AnnotatorError as error:
                draft.work = kept
                refusals.append(Refusal(hit, error.message))
        if draft.work is not draft.before:
            edits[document_id] = _difference(draft.before, draft.work)
    if not edits:
        return None, refusals
    anchor = open_copy[0].id if open_copy is not None else next(iter(edits))
    removed, added = edits.pop(anchor, ([], []))
    elsewhere = [
        EditCommand(name(changed), d, annotator, removed=r, added=a)
        for d, (r, a) in edits.items()
    ]
    edit = CorpusEdit(
        name(changed),
        anchor,
        annotator,
        removed=removed,
        added=added,
        elsewhere=elsewhere,
        hits=changed,
    )
    return edit, refusals


class _Draft:
    """One document's labels as the decision goes hit by hit, before anything is saved:
    the ``Editor`` builds and validates each command against ``work``."""

    def __init__(self, document: Document, before: Annotations) -> None:
        self.document, self.before, self.work = document, before, before

    def snapshot(self) -> Copy:
        return self.document, self.work

    def advance(self, command: EditCommand) -> None:
        self.work = apply_change(self.work, command.removed, command.added)


def _by_document(hits: Sequence[Hit]) -> dict[str, list[Hit]]:
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.document_id, []).append(hit)
    return groups


def _copy_of(
    store: Store, document_id: str, annotator: str, open_copy: Copy | None
) -> Copy:
    if (
        open_copy is not None
        and open_copy[0].id == document_id
        and open_copy[1].annotator == annotator
    ):
        return open_copy
    return store.document(document_id), store.annotations(document_id, annotator)


def _difference(
    before: Annotations, after: Annotations
) -> tuple[list[Item], list[Item]]:
    """The items ``after`` no longer holds as they were, and those it holds anew (the
    edits keep untouched items as the same objects)."""

    def items(work: Annotations) -> dict[tuple[type, str], Item]:
        return {
            (type(i), i.id): i for i in (*work.spans, *work.events, *work.attributions)
        }

    old, new = items(before), items(after)
    removed = [item for key, item in old.items() if new.get(key) is not item]
    added = [item for key, item in new.items() if old.get(key) is not item]
    return removed, added
