"""A document's tokens as two integer arrays, spans placed on them, and Prodigy's JSON of them.

Exports that write tokens write millions (issue 12 asks each export to take at most
twice the JSONL export's time). Here a document's tokens are two arrays, starts and
ends; cutting them at span boundaries and placing spans on them (as ``nlp.tags``
``cut_tokens`` and ``align`` do with ``bisect``) is done with ``numpy.searchsorted``;
and Prodigy's ``{"text", "start", "end", "id", "ws"}`` objects, one per token, are
written as UTF-8 bytes by numpy: each piece (a token's text, a number, the fixed parts
between them) is copied from one buffer in a single gather, with no Python object per
token. As dicts through ``json.dumps`` they took ten times the JSONL export.
``tests/formats/test_prodigy_tokens.py`` checks the bytes against ``json.dumps`` of the
dicts (``tokens_json_by_dicts``, also the path when JSON must escape inside a token) and
the placement against ``nlp.tags.align``; the spaCy export uses the cuts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..core.model import Document
from ..nlp.word_offsets import word_token_bounds

# The fixed parts of one token's JSON as json.dumps writes it; a token whose text is a
# quote or a backslash is written escaped (JSON escapes nothing else a token can hold
# but control characters, which take the ``tokens_json_by_dicts`` path).
_PARTS = ('{"text": "', '", "start": ', ', "end": ', ', "id": ', ', "ws": true}',
          ', "ws": false}', ", ", '\\"', "\\\\")
_OPEN, _START, _END, _ID, _WS_TRUE, _WS_FALSE, _COMMA, _QUOTE, _BACKSLASH = range(len(_PARTS))
_PART_BYTES = np.frombuffer("".join(_PARTS).encode("ascii"), dtype=np.uint8)
_PART_LENGTH = np.array([len(part) for part in _PARTS], dtype=np.int64)
_PART_OFFSET = np.cumsum(_PART_LENGTH) - _PART_LENGTH
# Per token ten pieces: open, text, start, s, end, e, id, i, ws, comma; a row with the
# fixed parts in place (the others are set per token).
_ROW = (_OPEN, _OPEN, _START, _OPEN, _END, _OPEN, _ID, _OPEN, _WS_TRUE, _COMMA)
_ROW_OFFSET = _PART_OFFSET[list(_ROW)]
_ROW_LENGTH = _PART_LENGTH[list(_ROW)]
# The control characters JSON escapes but whitespace, which is never inside a word token.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b]")
_NO_TOKENS = np.zeros(0, dtype=np.int64)


class Placed(NamedTuple):
    """Where spans landed: ``kept[i]`` says whether span i covers a token; for the kept
    spans in order, their first and last token (inclusive) and character offsets."""

    kept: list[bool]
    first: list[int]
    last: list[int]
    starts: list[int]
    ends: list[int]


class TokenColumns:
    """A document's tokens, sorted and not overlapping, as start and end arrays."""

    def __init__(self, text: str, starts: np.ndarray, ends: np.ndarray, words: bool) -> None:
        self.text, self.starts, self.ends = text, starts, ends
        self.words = words  # camel-tools' word tokens: whitespace is never inside one

    @classmethod
    def of(cls, document: Document) -> TokenColumns:
        """The document's own tokens (CoNLL), else camel-tools' word tokens."""
        if document.tokens is None:
            return cls(document.text, *word_token_bounds(document.text), words=True)
        offsets = [token for sentence in document.tokens for token in sentence]
        return cls(document.text, np.array([start for start, _ in offsets], dtype=np.int64),
                   np.array([end for _, end in offsets], dtype=np.int64), words=False)

    def cuts(self, boundaries: Sequence[int]) -> dict[int, list[int]]:
        """The boundaries strictly inside a token, by token index (``nlp.tags.cut_tokens``)."""
        if not len(self.starts) or not boundaries:
            return {}
        points = np.array(sorted(set(boundaries)), dtype=np.int64)
        index = np.maximum(np.searchsorted(self.starts, points, side="right") - 1, 0)
        inside = (self.starts[index] < points) & (points < self.ends[index])
        found: dict[int, list[int]] = {}
        for token, point in zip(index[inside].tolist(), points[inside].tolist()):
            found.setdefault(token, []).append(point)
        return found

    def cut_at(self, boundaries: Sequence[int]) -> None:
        """Cut each token at every boundary strictly inside it (``nlp.tags.cut_tokens``)."""
        points = np.array([point for inside in self.cuts(boundaries).values()
                           for point in inside], dtype=np.int64)
        if len(points):  # never a start or an end already: each cut adds one of each
            self.starts = np.sort(np.concatenate((self.starts, points)))
            self.ends = np.sort(np.concatenate((self.ends, points)))

    def place(self, starts: Sequence[int], ends: Sequence[int], expand: bool) -> Placed:
        """Character spans on tokens, as ``nlp.tags.align`` places them: the tokens inside
        each span, or with ``expand`` the tokens it touches at all."""
        span_starts = np.asarray(starts, dtype=np.int64)
        span_ends = np.asarray(ends, dtype=np.int64)
        if expand:
            first = np.searchsorted(self.ends, span_starts, side="right")
            last = np.searchsorted(self.starts, span_ends, side="left")
        else:
            first = np.searchsorted(self.starts, span_starts, side="left")
            last = np.searchsorted(self.ends, span_ends, side="right")
        kept = (first < last) & (span_starts < span_ends)  # else the span covers no token
        first, last = first[kept], last[kept] - 1
        return Placed(kept.tolist(), first.tolist(), last.tolist(),
                      self.starts[first].tolist(), self.ends[last].tolist())

    def json_bytes(self) -> bytes:
        """UTF-8 of ``json.dumps(dicts, ensure_ascii=False)`` for the tokens' ``{text,
        start, end, id, ws}`` dicts (``tokens_json_by_dicts``); ``ws`` is whether a
        plain space follows the token."""
        if not len(self.starts):
            return b"[]"
        padded = np.frombuffer(self.text.encode("utf-8") + b"\0", dtype=np.uint8)
        text = padded[:-1]
        # where each character starts in the bytes (not at a continuation byte), and the
        # end (the padding byte)
        byte_at = np.flatnonzero((padded & 0xC0) != 0x80)
        first, after = byte_at[self.starts], byte_at[self.ends]  # each token's bytes
        alone = self._escaped_alone(padded, first, after)
        if alone is None:
            return tokens_json_by_dicts(self.text, self.starts, self.ends).encode("utf-8")
        # One buffer holds every piece: the text's bytes, the fixed parts, the decimals.
        largest = max(len(self.text), len(self.starts))  # no offset nor id is larger
        numbers = _decimals(largest)
        source = np.concatenate((text, _PART_BYTES, numbers.digits_upto(largest)))
        spaced = padded[after] == ord(" ")
        offsets, lengths = self._pieces(first, after, spaced, alone, numbers, len(text))
        return b"[" + _gather(source, offsets.ravel(), lengths.ravel()) + b"]"

    def _escaped_alone(self, padded: np.ndarray, first: np.ndarray,
                       after: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The tokens that are just a quote, and those just a backslash (JSON escapes
        them), as indices; ``None`` if a token holds another character JSON escapes (a
        control character) or holds one among other characters. ``padded`` is the UTF-8
        text and a zero byte; a byte below 0x80 is always that ASCII character."""
        if self.words and _CONTROL.search(self.text) is None:
            # a quote or a backslash is a word token alone (a camel-tools symbol)
            if '"' not in self.text and "\\" not in self.text:
                return _NO_TOKENS, _NO_TOKENS  # the common case, found at C speed
            lead = padded[first]
            return np.flatnonzero(lead == ord('"')), np.flatnonzero(lead == ord("\\"))
        escaped = (padded < 0x20) | (padded == ord('"')) | (padded == ord("\\"))
        counted = np.concatenate(([0], np.cumsum(escaped)))  # the padding byte is last
        holds_escape = counted[after] > counted[first]
        single = holds_escape & (self.ends - self.starts == 1)
        lead = padded[first]
        quote, backslash = single & (lead == ord('"')), single & (lead == ord("\\"))
        if (holds_escape & ~quote & ~backslash).any():
            return None
        return np.flatnonzero(quote), np.flatnonzero(backslash)

    def _pieces(self, first: np.ndarray, after: np.ndarray, spaced: np.ndarray,
                alone: tuple[np.ndarray, np.ndarray], numbers: _Decimals,
                parts_at: int) -> tuple[np.ndarray, np.ndarray]:
        """Where each of the ten pieces of each token's JSON lies in the gathered buffer
        (the text's bytes, then ``_PARTS`` from ``parts_at``, then the decimals), and its
        length: ``(offsets, lengths)``, one row per token."""
        count = len(first)
        numbers_at = parts_at + len(_PART_BYTES)
        offsets = np.empty((count, len(_ROW)), dtype=np.int64)
        lengths = np.empty((count, len(_ROW)), dtype=np.int64)
        offsets[:], lengths[:] = _ROW_OFFSET + parts_at, _ROW_LENGTH  # the fixed parts, then
        offsets[:, 1], lengths[:, 1] = first, after - first
        for tokens, part in zip(alone, (_QUOTE, _BACKSLASH)):
            offsets[tokens, 1], lengths[tokens, 1] = _PART_OFFSET[part] + parts_at, 2
        for column, values in ((3, self.starts), (5, self.ends), (7, np.arange(count))):
            offsets[:, column] = numbers.offset[values] + numbers_at
            lengths[:, column] = numbers.length[values]
        ws = np.where(spaced, _WS_TRUE, _WS_FALSE)
        offsets[:, 8], lengths[:, 8] = _PART_OFFSET[ws] + parts_at, _PART_LENGTH[ws]
        lengths[-1, 9] = 0  # no comma after the last token
        return offsets, lengths


def tokens_json_by_dicts(text: str, starts: Sequence[int], ends: Sequence[int]) -> str:
    """The tokens' JSON the plain way: a dict per token through ``json.dumps``."""
    tokens = [{"text": text[start:end], "start": start, "end": end, "id": n,
               "ws": end < len(text) and text[end] == " "}
              for n, (start, end) in enumerate(zip(np.asarray(starts).tolist(),
                                                   np.asarray(ends).tolist()))]
    return json.dumps(tokens, ensure_ascii=False)


def _gather(source: np.ndarray, offsets: np.ndarray, lengths: np.ndarray) -> bytes:
    """The pieces ``source[offset:offset + length]``, one after another."""
    total = int(lengths.sum())
    kind = np.int32 if max(total, len(source)) < 2**31 else np.int64  # half the memory
    index = np.repeat((offsets - (np.cumsum(lengths) - lengths)).astype(kind), lengths)
    index += _counting(total, kind)
    return source.take(index, mode="clip").tobytes()  # every index is valid: no checks


_COUNTING: dict[type, np.ndarray] = {}


def _counting(size: int, kind: type) -> np.ndarray:
    """``numpy.arange(size)``, cut from one made once and grown when needed (up to
    64 MB: a larger one is made each time)."""
    if size > 1 << 24:
        return np.arange(size, dtype=kind)
    made = _COUNTING.get(kind)
    if made is None or len(made) < size:
        made = _COUNTING[kind] = np.arange(max(size, 1 << 20), dtype=kind)
    return made[:size]


class _Decimals:
    """``str(n)`` in ASCII for every n below ``len(offset)``, one after another."""

    def __init__(self, size: int) -> None:
        text = "".join(map(str, range(size)))
        self.digits = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        self.length = np.array([len(str(n)) for n in range(size)], dtype=np.int64)
        self.offset = np.cumsum(self.length) - self.length

    def digits_upto(self, largest: int) -> np.ndarray:
        """The digits of the numbers up to ``largest``: all a document needs."""
        return self.digits[:self.offset[largest] + self.length[largest]]


_DECIMALS: list[_Decimals] = []


def _decimals(largest: int) -> _Decimals:
    """The decimals up to ``largest`` at least, made once and grown when needed."""
    if not _DECIMALS or len(_DECIMALS[0].offset) <= largest:
        size = max(largest + 1, 1 << 16, 2 * len(_DECIMALS[0].offset) if _DECIMALS else 0)
        _DECIMALS[:] = [_Decimals(size)]
    return _DECIMALS[0]
