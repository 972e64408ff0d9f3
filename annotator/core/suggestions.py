"""Label suggestions: string matching over the corpus (INCEpTION's string recommender).

When an annotator labels a string, the other places where the same string occurs are
*suggested* with that label. A suggestion is not an annotation: it is never stored as a
span, never exported and never counted; the UI draws it dashed, and the annotator
accepts it (``accept`` -> the core command that adds the span) or rejects it
(``reject`` -> a command that records the place so it stays hidden).

Matching (``Rule`` = normalised string + label):

* strings are compared after ``annotator.nlp.normalize`` (alef forms, diacritics,
  tatweel, digits, whitespace runs ...), and suggestions carry exact original offsets;
* a match (``search.word_matches``) must end at a word end and start at a word start
  or right after a proclitic chain (و ف ب ل ك, وب ول ...): «قوات النظام» is suggested
  inside «لقوات النظام» and «وقوات النظام», never «حلب» inside «كفرحلب». The
  labelled string itself is the evidence that the rest is a word, so no lexicon is
  needed here. A rule starting with ال also matches after ل with the article's alef
  assimilated («التحرير» in «للتحرير» suggests «لتحرير»);
* under the ``exclude`` convention the suggestion covers the matched string only;
  under ``include`` (ANERcorp) it grows to the whole word, proclitics and all.

Hidden: places the annotator rejected, places overlapping a span of the same label,
and places already covered exactly by any span of the annotator.

Persistence (the store's tables, decided in ``storage/``): rejected places per
annotator and document (``rejections``), and a model's suggestions (pre-annotation,
``annotator.core.preannotate``; ``model_suggestions``), shown and accepted/rejected
like string suggestions.

Speed: ``SuggestionIndex`` is a ``search.CorpusIndex``: the corpus normalised once,
with an inverted index from words (and words without their proclitics) to documents,
so one new rule is matched over thousands of articles by looking up its words and
searching only the documents that hold them all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import ProjectError, ValidationError
from ..nlp.clitics import DEFAULT_CONVENTION, LexiconLike, strip_proclitics
from ..nlp.normalize import DEFAULT_SETTINGS, NormalisationSettings
from .commands import EditCommand, Editor, NamedStep, StepName, step
from .model import Annotations, Document, Span
from .schema import Schema
from .search import (
    CorpusIndex,
    NormalisedText,
    collector_paused,
    normalise_query,
    word_matches,
)
from .store import Store

SOURCE_STRING = "string"
SOURCE_MODEL = "model"
LEARNED_MODEL = "learned recommender"  # the model name the learned recommender's stored suggestions carry
MIN_RULE_LENGTH = 2
Place = tuple[int, int, str]  # start, end, label


class Suggestion(NamedTuple):
    """A proposed span (``source``: ``"string"`` or ``"model"``); never stored."""

    document_id: str
    start: int
    end: int
    label: str
    source: str = SOURCE_STRING

    @property
    def place(self) -> Place:
        return self.start, self.end, self.label


class Rule(NamedTuple):
    """A normalised string (see ``rule_for``) and the label it suggests."""

    text: str
    label: str


# --- rules --------------------------------------------------------------------------
def rule_for(
    text: str,
    span: Span,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    lexicon: LexiconLike | None = None,
) -> Rule | None:
    """The rule a labelled span teaches, or ``None`` if it is too short to match.

    The span's proclitics are left out first (an ``include``-convention span
    «لقوات النظام» teaches «قوات النظام»), so every convention learns the same rules;
    ``lexicon`` (e.g. ``SuggestionIndex.lexicon()``) helps that decision, else the
    document's own words do. When camel-tools' morphology database is installed its
    first use loads it (seconds): warm ``clitics.installed_analyser()`` in a worker.
    """
    start, end = strip_proclitics(
        text, span.start, span.end, "exclude", lexicon=lexicon
    )
    needle = normalise_query(text[start:end], settings)
    if len(needle) < MIN_RULE_LENGTH:
        return None
    return Rule(needle, span.label)


def learn_rules(
    store: Store,
    annotator: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    layers: Iterable[str] = ("entity",),
    problems: list[ProjectError] | None = None,
    lexicon: LexiconLike | None = None,
) -> set[Rule]:
    """The rules taught by ``annotator``'s spans on labels of ``layers``, project-wide.

    Reads every document and its annotations: run it once (off the GUI thread) and
    keep them level with ``document_rules`` as the annotator labels. A damaged document
    (changed text, a row of the wrong types) teaches nothing: its error is added to
    ``problems``, and the others still teach (one bad row must not keep the window
    from opening).
    """
    rules: set[Rule] = set()
    for taught in rules_by_document(store, annotator, settings, layers=layers, problems=problems,
                                    lexicon=lexicon).values():
        rules |= taught
    return rules


def rules_by_document(
    store: Store,
    annotator: str,
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    layers: Iterable[str] = ("entity",),
    problems: list[ProjectError] | None = None,
    lexicon: LexiconLike | None = None,
) -> dict[str, set[Rule]]:
    """The rules each document's spans teach (see ``learn_rules``), by document id:
    what a window needs to forget a rule when its last teacher goes."""
    wanted = taught_labels(store.schema, layers)
    found = [] if problems is None else problems
    taught: dict[str, set[Rule]] = {}
    # only the documents where the annotator has spans: reading every text again took a
    # second pass over an archive the index had just read
    labelled = [d for d, _, _, count in store.document_overview(annotator, titles=False) if count]
    for document_id in labelled:
        try:
            document = store.document(document_id)
            spans = store.annotations(document_id, annotator).spans
        except ProjectError as error:
            found.append(error)
            continue
        taught[document_id] = document_rules(document.text, spans, wanted, settings, lexicon=lexicon)
    return taught


def taught_labels(schema: Schema, layers: Iterable[str] = ("entity",)) -> set[str]:
    """The labels whose spans teach rules."""
    return {label.name for layer in layers for label in schema.labels_in(layer)}


def document_rules(
    text: str,
    spans: Iterable[Span],
    labels: set[str],
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    lexicon: LexiconLike | None = None,
) -> set[Rule]:
    """The rules the spans of one document (with one of ``labels``) teach."""
    rules = (rule_for(text, span, settings, lexicon=lexicon) for span in spans if span.label in labels)
    return {rule for rule in rules if rule is not None}


# --- visibility ---------------------------------------------------------------------
def _by_label(spans: Iterable[Span]) -> dict[str, list[Span]]:
    groups: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        groups[span.label].append(span)
    return groups


class _Intervals:
    """Spans sorted by start with running maximum ends: overlap tests in O(log n)
    (a document with thousands of labels and suggestions must not pay n × m)."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.max_ends: list[int] = []
        highest = -1
        for span in ordered:
            highest = max(highest, span.end)
            self.max_ends.append(highest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # spans that start before ``end``
        return before > 0 and self.max_ends[before - 1] > start



class Visibility:
    """What hides a suggestion, gathered once for many checks.

    Hidden: a place in ``rejected``; a place overlapping a span of the same label; a
    place whose offsets a span (of any label) already has.
    """

    def __init__(self, annotations: Annotations | None, rejected: Iterable[Place] = ()) -> None:
        self.hidden = set(rejected)
        spans = annotations.spans if annotations is not None else []
        self.exact = {(s.start, s.end) for s in spans}
        self.covered = {label: _Intervals(group) for label, group in _by_label(spans).items()}

    def shown(self, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
        """The suggestions left to show, without duplicates, by offsets."""
        shown: dict[Place, Suggestion] = {}
        for suggestion in suggestions:
            place = suggestion.place
            if place in self.hidden or place in shown or place[:2] in self.exact:
                continue
            intervals = self.covered.get(suggestion.label)
            if intervals is not None and intervals.overlaps(suggestion.start, suggestion.end):
                continue
            shown[place] = suggestion
        return sorted(shown.values(), key=lambda s: (s.start, -s.end, s.label))


def visible(
    suggestions: Iterable[Suggestion],
    annotations: Annotations | None,
    rejected: Iterable[Place] = (),
) -> list[Suggestion]:
    """Suggestions left to show: not rejected, not already labelled, no duplicates
    (see ``Visibility``). Order: by offsets."""
    return Visibility(annotations, rejected).shown(suggestions)


def suggest_for_document(
    document: Document,
    annotations: Annotations | None,
    rules: Iterable[Rule],
    settings: NormalisationSettings = DEFAULT_SETTINGS,
    *,
    convention: str = DEFAULT_CONVENTION,
    rejected: Iterable[Place] = (),
) -> list[Suggestion]:
    """String-matching suggestions for one document (no index: normalises it here)."""
    normalised = NormalisedText.of(document.text, settings)
    found = [
        Suggestion(document.id, start, end, rule.label)
        for rule in rules
        for start, end in word_matches(normalised, rule.text, convention)
    ]
    return visible(found, annotations, rejected)


# --- the corpus index ---------------------------------------------------------------
class SuggestionIndex(CorpusIndex):
    """The normalised corpus (``search.CorpusIndex``) asked for rules' suggestions.

    Build it once (``from_store``; seconds for thousands of articles: off the GUI
    thread), then ``matches(rule)`` for each new label, ``for_document`` for the text
    view. ``problems``: the documents ``from_store`` left out, as the errors that say
    what is damaged in each (the window shows them; those documents get no suggestions).
    """

    problems: Sequence[ProjectError] = ()  # not a dataclass field: set by from_store

    @classmethod
    def from_store(
        cls,
        store: Store,
        settings: NormalisationSettings = DEFAULT_SETTINGS,
        convention: str = DEFAULT_CONVENTION,
    ) -> SuggestionIndex:
        """The index of every sound document: a damaged one (changed text, a row of the
        wrong types) is left out and its error kept in ``problems``, so one bad row
        does not make the whole project unopenable."""
        problems: list[ProjectError] = []
        index = cls.build(store.documents(problems), settings, convention)
        index.problems = problems
        return index

    def matches(self, rule: Rule) -> list[Suggestion]:
        """Every place ``rule`` is suggested in the corpus (nothing hidden yet)."""
        make, label = tuple.__new__, rule.label  # no keyword-default wrapper: faster
        with collector_paused():
            return [
                make(Suggestion, (document_id, start, end, label, SOURCE_STRING))
                for document_id, start, end in self.occurrences(rule.text)
            ]

    def for_document(
        self,
        document_id: str,
        rules: Iterable[Rule],
        annotations: Annotations | None = None,
        rejected: Iterable[Place] = (),
    ) -> list[Suggestion]:
        """The visible string suggestions of one indexed document."""
        found = [
            Suggestion(document_id, start, end, rule.label)
            for rule in rules
            for start, end in self.occurrences_in(document_id, rule.text)
        ]
        return visible(found, annotations, rejected)


# --- accepting and rejecting --------------------------------------------------------
def accept(editor: Editor, suggestion: Suggestion) -> EditCommand:
    """The command that adds the suggested span (not done yet: push it, or ``do``)."""
    if suggestion.document_id != editor.document_id:
        raise ValidationError(
            "the suggestion belongs to another document",
            document=suggestion.document_id,
        )
    return editor.add_span(suggestion.start, suggestion.end, suggestion.label)


@dataclass
class RejectSuggestionCommand(NamedStep):
    """Hide one suggested place for one annotator; ``undo`` shows it again.

    A ``commands.Command`` like the edit commands, so the session keeps it for undo.
    Recording is idempotent.
    """

    name: StepName
    document_id: str
    annotator: str
    place: Place

    def do(self, store: Store) -> None:
        store.add_rejection(self.annotator, self.document_id, self.place)

    def undo(self, store: Store) -> None:
        store.remove_rejection(self.annotator, self.document_id, self.place)


def reject(annotator: str, suggestion: Suggestion) -> RejectSuggestionCommand:
    """The command that records a rejection (not yet done: apply it or call ``do``)."""
    return RejectSuggestionCommand(
        step("Reject {label} suggestion", label=suggestion.label),
        suggestion.document_id,
        annotator,
        suggestion.place,
    )


def rejected_in(store: Store, annotator: str, document_id: str) -> set[Place]:
    return store.rejections(annotator, document_id)


# --- model suggestions (pre-annotation) ---------------------------------------------
def save_model_suggestions(
    store: Store,
    annotator: str,
    document_id: str,
    places: Iterable[Place],
    model: str,
) -> None:
    """Replace the stored pre-annotation suggestions of one annotator's document."""
    store.replace_model_suggestions(annotator, document_id, places, model)


def model_suggestions(
    store: Store, annotator: str, document_id: str
) -> list[Suggestion]:
    """The stored pre-annotation suggestions (``source == "model"``), nothing hidden."""
    return [Suggestion(document_id, start, end, label, SOURCE_MODEL)
            for start, end, label in store.model_suggestions(annotator, document_id)]


# --- everything the UI shows for one document ---------------------------------------
def document_suggestions(
    store: Store,
    index: SuggestionIndex,
    document_id: str,
    annotator: str,
    rules: Iterable[Rule],
) -> list[Suggestion]:
    """String and model suggestions to draw (dashed) on one document, hidden removed."""
    found = document_matches(store, index, document_id, annotator, rules)
    return visible(found, store.annotations(document_id, annotator), rejected_in(store, annotator, document_id))


def document_matches(
    store: Store,
    index: SuggestionIndex,
    document_id: str,
    annotator: str,
    rules: Iterable[Rule],
) -> list[Suggestion]:
    """Every string and model match on one document, shown or hidden (the window keeps
    them, to decide again what shows after each edit)."""
    return index.for_document(document_id, rules) + model_suggestions(store, annotator, document_id)
