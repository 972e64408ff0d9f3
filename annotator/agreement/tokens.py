"""Tokens as coded items: each token's category is the outermost entity label over it.

The tokens are the CoNLL tokens (a document's own tokens when it came with them, else
camel-tools word tokens), cut at every boundary of every span being compared, so that
each token lies wholly inside or wholly outside every span (AGREEMENT.md). The cut
depends on who is compared: a pair's tokens are cut at the two annotators' spans only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from ..core.model import Document
from ..nlp.tags import CharSpan, Offsets, cut_tokens
from ..nlp.word_offsets import word_token_offsets

OUTSIDE = "O"
__all__ = ["base_tokens", "outermost_segments", "split_tokens", "token_categories",
           "word_token_offsets"]


def base_tokens(document: Document) -> list[Offsets]:
    """The document's CoNLL tokens in text order, sentences flattened: its own, else
    the offsets of camel-tools' ``simple_word_tokenize`` tokens (``word_token_offsets``)."""
    if document.tokens is not None:
        return [token for sentence in document.tokens if sentence for token in sentence]
    return word_token_offsets(document.text)


def split_tokens(
    tokens: Sequence[Offsets], span_sets: Iterable[Sequence[CharSpan]]
) -> list[Offsets]:
    """``tokens`` cut at every boundary of every span in ``span_sets``."""
    spans = [span for spans in span_sets for span in spans]
    return cut_tokens(tokens, spans) if spans else list(tokens)


def outermost_segments(spans: Iterable[CharSpan]) -> list[CharSpan]:
    """Disjoint ``(start, end, label)`` pieces: each position labelled by its outermost span.

    The outermost span over a position is the one starting first, the longest of those
    starting together (then the first label in sort order). Crossing spans both show:
    ``[0, 10) A`` and ``[5, 15) B`` give ``[0, 10) A`` and ``[10, 15) B``.
    """
    segments: list[CharSpan] = []
    reach: int | None = None  # where the positions labelled so far end
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if reach is not None and end <= reach:
            continue  # every position of it already has an outer span
        first = start if reach is None else max(start, reach)
        if first < end:
            segments.append((first, end, label))
        reach = end
    return segments


def token_categories(tokens: Sequence[Offsets], spans: Iterable[CharSpan]) -> list[str]:
    """The category of each token: the label of the outermost span over it, or ``O``.

    ``tokens`` must be sorted and already cut at the spans' boundaries
    (:func:`split_tokens`); a token takes the label found at its first character.
    """
    starts = [start for start, _ in tokens]
    categories = [OUTSIDE] * len(starts)
    for start, end, label in outermost_segments(spans):
        # tokens starting inside the segment: whole slices, not a test per token
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        categories[first:last] = [label] * (last - first)
    return categories
