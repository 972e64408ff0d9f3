"""What counts as a character of a word, for word boundaries everywhere.

A *word character* is a letter, a digit, a combining mark (Arabic diacritics) or the
tatweel; everything else (spaces, no-break spaces, punctuation, quotes) is an edge
that a span should not start or end on. Here, at the bottom of the packages, so that
the clitic rules (nlp) and the selection and search code (core) share one definition.
"""

from __future__ import annotations

import unicodedata

TATWEEL = "\u0640"


def is_word_char(char: str) -> bool:
    if char == TATWEEL:
        return True
    category = unicodedata.category(char)
    return category[0] in "LNM"
