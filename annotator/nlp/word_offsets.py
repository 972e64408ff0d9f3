"""Where camel-tools' ``simple_word_tokenize`` tokens are, found without running it.

The tokens and offsets are exactly camel-tools' (``tests/nlp/test_word_offsets.py``
compares them on the corpora, on tricky strings and on generated text), found many
times faster: exports that tokenise every document (Prodigy, agreement) use this.

camel-tools splits text at whitespace, then tries its symbol pattern at each character
of each word: a match that is one of its symbols becomes a token, anything else stays
in the word. Two paths give the same tokens:

* most text: the symbol pattern can match more than one character only when an emoji
  joiner, variation selector, keycap, modifier, tag or flag letter follows (U+200D,
  U+FE0F, U+20E3, the rest above U+FFFF). Without any of them, whether a character
  is a token of its own depends on that character alone: each character is a word
  character, a space or a symbol, looked up in a table over the text at once (numpy),
  and a token is a symbol alone or a run of word characters.
* any other text: one search of camel-tools' own pattern from each position.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import numpy as np

Offsets = tuple[int, int]

_WORD_CHARACTER, _SPACE, _SYMBOL = 0, 1, 2
_WORD = re.compile(r"\S+")  # str.split()'s words: the same whitespace
# After these (and after characters above U+FFFF) camel-tools' symbol pattern may match
# several characters: text holding any is tokenised by search (``_offsets_by_search``).
_JOINING = "\u200d\ufe0f\u20e3"


def word_token_offsets(text: str) -> list[Offsets]:
    """``(start, end)`` of each token ``simple_word_tokenize(text)`` returns, in order."""
    units = _units_if_simple(text)
    if units is None:
        return _offsets_by_search(text)
    starts, ends = _bounds_by_character_kind(units)
    return list(zip(starts.tolist(), ends.tolist()))


def word_token_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The same tokens as two integer arrays: their starts, and their ends."""
    units = _units_if_simple(text)
    if units is not None:
        return _bounds_by_character_kind(units)
    offsets = _offsets_by_search(text)
    return (np.array([start for start, _ in offsets], dtype=np.int64),
            np.array([end for _, end in offsets], dtype=np.int64))


def _units_if_simple(text: str) -> np.ndarray | None:
    """The text's UTF-16 code units, one per character, if it holds none of ``_JOINING``
    and nothing above U+FFFF (which takes two units); else ``None``."""
    if any(char in text for char in _JOINING):
        return None
    encoded = text.encode("utf-16-le", "surrogatepass")  # lone surrogates: one unit each
    if len(encoded) != 2 * len(text):
        return None
    return np.frombuffer(encoded, dtype=np.uint16)


@cache
def _kinds() -> np.ndarray:
    """Each code point below U+10000: a word character, a space or a symbol."""
    from camel_tools.tokenizers.word import (  # imported when needed
        _SYMBOLS_ALL,
        _SYMBOLS_RE,
    )

    symbols = [
        char for char in _SYMBOLS_ALL
        if len(char) == 1 and ord(char) <= 0xFFFF
        and (match := _SYMBOLS_RE.match(char)) is not None and match[0] == char
    ]
    kind = np.full(0x10000, _WORD_CHARACTER, dtype=np.uint8)
    kind[[point for point in range(0x10000) if chr(point).isspace()]] = _SPACE
    kind[[ord(char) for char in symbols]] = _SYMBOL
    return kind


def _bounds_by_character_kind(units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Token bounds in simple text (``_units_if_simple``): a symbol alone, or a run of
    word characters (two neighbours share a token only if both are word characters)."""
    if not len(units):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    kind = _kinds()[units]
    in_token = kind != _SPACE
    word = kind == _WORD_CHARACTER
    joined = word[:-1] & word[1:]  # character i and i + 1 are in one token
    starts = np.flatnonzero(in_token & ~np.concatenate(([False], joined)))
    ends = np.flatnonzero(in_token & ~np.concatenate((joined, [False]))) + 1
    return starts.astype(np.int64, copy=False), ends.astype(np.int64, copy=False)


def _offsets_by_search(text: str) -> list[Offsets]:
    """The general path: one search of camel-tools' pattern from each position finds
    the matches it tries at every character (a search returns the match at the first
    position where one exists, and no match holds whitespace, so words need not be cut
    first). A match that is not one whole symbol moves on by one character, as in
    camel-tools. Only the words holding a symbol are cut."""
    words = [word.span() for word in _WORD.finditer(text)]
    symbols = _symbols(text)
    if not symbols:
        return words
    starts = [start for start, _ in words]
    offsets: list[Offsets] = []
    append, copied, index, count = offsets.append, 0, 0, len(symbols)
    while index < count:
        number = bisect_right(starts, symbols[index][0]) - 1
        offsets.extend(words[copied:number])
        position, end = words[number]
        while index < count and symbols[index][0] < end:
            start, stop = symbols[index]
            if start > position:
                append((position, start))
            append((start, stop))
            position = stop
            index += 1
        if position < end:
            append((position, end))
        copied = number + 1
    offsets.extend(words[copied:])
    return offsets


def _symbols(text: str) -> list[Offsets]:
    from camel_tools.tokenizers.word import (  # imported when needed
        _SYMBOLS_ALL,
        _SYMBOLS_RE,
    )

    search, found, position = _SYMBOLS_RE.search, [], 0
    while (match := search(text, position)) is not None:
        if match[0] in _SYMBOLS_ALL:
            found.append(match.span())
            position = match.end()
        else:
            position = match.start() + 1
    return found
