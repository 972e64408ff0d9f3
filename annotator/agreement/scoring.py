"""One document's contribution to the agreement figures, and the tallies that pool them.

Everything is counted per document and pooled (micro) over the documents that count
for a pair or for the group; only alpha_U is averaged over documents (AGREEMENT.md).
This module holds no store and no report format: :mod:`.report` feeds it annotations
and turns the tallies into the report dict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core.model import Annotations, Document
from ..core.schema import Schema
from ..errors import Phrase
from ..nlp.tags import Offsets
from .matching import MODES, CharSpan, Counts, confusion_matching, span_counts_by_label
from .measures import AlphaTally, Coefficient, FleissTally, cohen_kappa_from_pairs
from .structures import (
    AttributionItem,
    EventItem,
    attribution_counts,
    attribution_items,
    event_counts,
    event_items,
)
from .tokens import split_tokens, token_categories
from .unitizing import UnitizingResult, unitizing_alpha

NONE = "(none)"  # the confusion matrix's row/column for a span the other side lacks


@dataclass(frozen=True)
class Work:
    """One annotator's work on one document, as the figures need it."""

    spans: list[CharSpan]  # entity layer only
    events: list[EventItem]
    attributions: list[AttributionItem]

    @classmethod
    def of(cls, annotations: Annotations, schema: Schema) -> Work:
        """Keep the entity layer's spans, the events and the attributions.

        Entity-layer spans are those whose label the schema puts in the entity layer
        or does not know: an imported label missing from the schema is still an
        entity, since triggers and attribution parts always have schema labels.
        Empty spans (start >= end) are left out.
        """
        spans = [
            (s.start, s.end, s.label)
            for s in annotations.spans
            if s.start < s.end and schema.layer_of(s.label) in ("entity", None)
        ]
        return cls(spans, event_items(annotations), attribution_items(annotations))


@dataclass
class PairScores:
    """The figures of one pair on one document (or, added up, on all of theirs)."""

    documents: int = 0
    spans: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {mode: defaultdict(Counts) for mode in MODES}
    )  # mode -> label -> Counts
    # (category_a, category_b) -> count, over the pair's tokens
    tokens: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)  # (label_a, label_b) -> count
    events: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {mode: defaultdict(Counts) for mode in MODES}
    )  # mode -> "trigger"/"argument" -> Counts
    attributions: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {mode: defaultdict(Counts) for mode in MODES}
    )  # mode -> "attribution"/"source"/"cue"/"content" -> Counts

    def add(self, other: PairScores) -> None:
        self.documents += other.documents
        for mine, theirs in (
            (self.spans, other.spans),
            (self.events, other.events),
            (self.attributions, other.attributions),
        ):
            for mode, counts in theirs.items():
                for key, value in counts.items():
                    mine[mode][key] += value
        self.tokens.update(other.tokens)
        self.confusion.update(other.confusion)

    def span_total(self, mode: str) -> Counts:
        return sum(self.spans[mode].values(), Counts())

    def kappa(self) -> Coefficient:
        return cohen_kappa_from_pairs(self.tokens)


def score_pair(work_a: Work, work_b: Work, tokens: Sequence[Offsets]) -> PairScores:
    """Spans, tokens, confusion, events and attributions of two annotators on one document."""
    scores = PairScores(documents=1)
    for mode in MODES:
        scores.spans[mode].update(
            span_counts_by_label(work_a.spans, work_b.spans, mode)
        )
        scores.events[mode].update(event_counts(work_a.events, work_b.events, mode))
        scores.attributions[mode].update(
            attribution_counts(work_a.attributions, work_b.attributions, mode)
        )
    cut = split_tokens(tokens, (work_a.spans, work_b.spans))
    categories_a = token_categories(cut, work_a.spans)
    scores.tokens.update(zip(categories_a, token_categories(cut, work_b.spans)))
    scores.confusion.update(confusion(work_a.spans, work_b.spans))
    return scores


def confusion(spans_a: Sequence[CharSpan], spans_b: Sequence[CharSpan]) -> Counter:
    """``(label_a, label_b)`` counts over the pairs of :func:`confusion_matching`
    (same-label overlap matches first, so the diagonal agrees with overlap F1); a span
    left unpaired counts against :data:`NONE`."""
    pairs = confusion_matching(spans_a, spans_b)
    counts: Counter = Counter((spans_a[i][2], spans_b[j][2]) for i, j in pairs)
    matched_a, matched_b = {i for i, _ in pairs}, {j for _, j in pairs}
    counts.update((s[2], NONE) for i, s in enumerate(spans_a) if i not in matched_a)
    counts.update((NONE, s[2]) for j, s in enumerate(spans_b) if j not in matched_b)
    return counts


@dataclass
class GroupTally:
    """Fleiss' kappa, Krippendorff's alpha and alpha_U over all compared annotators."""

    raters: int
    fleiss: FleissTally = field(default_factory=FleissTally)
    alpha: AlphaTally = field(default_factory=AlphaTally)
    fleiss_documents: int = 0
    alpha_documents: int = 0
    unitizing_overall: list[float] = field(default_factory=list)
    unitizing_labels: dict[str, list[float]] = field(
        default_factory=lambda: defaultdict(list)
    )
    unitizing_reasons: dict[str, Counter] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    unitizing_dropped: int = 0

    def add_tokens(self, categories: Sequence[Sequence[str]]) -> None:
        """One document's token categories, one row per annotator who counts on it."""
        # most tokens repeat one pattern (O for everyone): add each pattern once
        patterns = Counter(zip(*categories))
        complete = len(categories) == self.raters
        for pattern, weight in patterns.items():
            self.alpha.add_unit(pattern, weight)
            if complete:
                self.fleiss.add_ratings(pattern, weight)
        self.alpha_documents += 1
        self.fleiss_documents += complete

    def add_unitizing(self, result: UnitizingResult) -> None:
        self.unitizing_dropped += result.dropped
        if result.overall.value is not None:
            self.unitizing_overall.append(result.overall.value)
        for label, coefficient in result.categories.items():
            if coefficient.value is not None:
                self.unitizing_labels[str(label)].append(coefficient.value)
            else:
                reason = coefficient.reason or Phrase("undefined")
                self.unitizing_reasons[str(label)][reason] += 1


def group_categories(
    work: dict[str, Work], tokens: Sequence[Offsets]
) -> list[list[str]]:
    """Token categories of every annotator in ``work``, tokens cut at all their spans."""
    cut = split_tokens(tokens, (w.spans for w in work.values()))
    return [token_categories(cut, w.spans) for w in work.values()]


def document_unitizing(document: Document, work: dict[str, Work]) -> UnitizingResult:
    """alpha_U of one document: its characters, the annotators in ``work`` as raters."""
    if not document.text:
        return UnitizingResult(Coefficient.undefined(Phrase("the document has no text")))
    units = [(s, e, name, label) for name, w in work.items() for s, e, label in w.spans]
    return unitizing_alpha(units, list(work), 0, len(document.text))


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
