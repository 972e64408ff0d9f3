"""Turning a rough selection into span boundaries: whole words, no stray edges.

A *word character* is a letter, a digit, a combining mark (Arabic diacritics) or the
tatweel; everything else (spaces, no-break spaces, punctuation, quotes) is an edge
that a span should not start or end on.
"""

from __future__ import annotations

import unicodedata

from ..nlp.chars import TATWEEL, is_word_char
from ..nlp.clitics import is_proclitic_chain, letters_of, strip_proclitics

__all__ = ["TATWEEL", "is_word_char", "next_word_boundary", "snap_to_words", "word_at"]


def snap_to_words(text: str, start: int, end: int, convention: str | None = None) -> tuple[int, int] | None:
    """Grow ``start:end`` to whole words and trim non-word edges.

    A start right after a proclitic chain («و|جمعية», «وال|ميليشيات») stays: the
    annotator visibly left the proclitic out. A start cut elsewhere in a word grows to
    the word's start, then, under the ``exclude`` clitic ``convention``, loses the
    word's conjunction/preposition proclitics (never past where the selection began).
    Returns ``None`` when the selection holds no word character at all.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    if start == end:
        return None
    start = _word_start(text, start, convention)
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start, end


def _word_start(text: str, start: int, convention: str | None) -> int:
    word_start = start
    while word_start > 0 and is_word_char(text[word_start - 1]):
        word_start -= 1
    if word_start == start or _after_proclitics(text, word_start, start):
        return start
    if convention == "exclude":
        return min(start, strip_proclitics(text, word_start, _word_end(text, start), "exclude")[0])
    return word_start


def _after_proclitics(text: str, word_start: int, start: int) -> bool:
    """Whether ``text[word_start:start]`` is a proclitic chain (with or without the
    article) and at least two letters of the word follow it."""
    head, _ = letters_of(text[word_start:start])
    rest, _ = letters_of(text[start:_word_end(text, start)])
    if len(rest) < 2 or unicodedata.category(text[start])[0] == "M" or text[start] == TATWEEL:
        return False
    chain = head[:-2] if head.endswith("ال") else head
    return head == "ال" or is_proclitic_chain(chain)


def _word_end(text: str, position: int) -> int:
    while position < len(text) and is_word_char(text[position]):
        position += 1
    return position


def word_at(text: str, position: int) -> tuple[int, int] | None:
    """The word around ``position`` (or just before it), if any."""
    for probe in (position, position - 1):
        if 0 <= probe < len(text) and is_word_char(text[probe]):
            return snap_to_words(text, probe, probe + 1)
    return None


def next_word_boundary(text: str, position: int, forward: bool, edge: str = "start") -> int:
    """Where a span's ``edge`` ("start" or "end") moves by a word: a start to the next
    (or previous) word start, an end to the next (or previous) word end. Never onto the
    space beside a word: a start moved back from inside «وبحلب» lands on its «و»."""
    step = 1 if forward else -1
    limit = len(text) if forward else 0

    def skip(i: int, word: bool) -> int:
        while i != limit and is_word_char(text[i if forward else i - 1]) == word:
            i += step
        return i

    # onto a start going forward, or an end going back, the current word is left first;
    # onto a start going back, or an end going forward, the gap is crossed first
    leave_word_first = (edge == "start") == forward
    first = skip(position, word=leave_word_first)
    return skip(first, word=not leave_word_first)
