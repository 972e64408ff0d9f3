"""Turning a rough selection into span boundaries: whole words, no stray edges.

A *word character* is a letter, a digit, a combining mark (Arabic diacritics) or the
tatweel; everything else (spaces, no-break spaces, punctuation, quotes) is an edge
that a span should not start or end on.
"""

from __future__ import annotations

from ..nlp.chars import TATWEEL, is_word_char

__all__ = ["TATWEEL", "is_word_char", "next_word_boundary", "snap_to_words", "word_at"]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Grow ``start:end`` to whole words and trim non-word edges.

    Returns ``None`` when the selection holds no word character at all.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    if start == end:
        return None
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start, end


def word_at(text: str, position: int) -> tuple[int, int] | None:
    """The word around ``position`` (or just before it), if any."""
    for probe in (position, position - 1):
        if 0 <= probe < len(text) and is_word_char(text[probe]):
            return snap_to_words(text, probe, probe + 1)
    return None


def next_word_boundary(text: str, position: int, forward: bool) -> int:
    """The next word start (forward) or previous word end (backward) from ``position``."""
    step = 1 if forward else -1
    i = position
    limit = len(text) if forward else 0
    # skip the rest of the current word, then the gap, landing on the next edge
    while i != limit and is_word_char(text[i if forward else i - 1]):
        i += step
    while i != limit and not is_word_char(text[i if forward else i - 1]):
        i += step
    return i
