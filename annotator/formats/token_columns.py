"""A document's tokens as two integer arrays, spans placed on them, and Prodigy's JSON of them.

Exports that write tokens write millions (issue 12 asks each export to take at most
twice the JSONL export's time). Here a document's tokens are two arrays, starts and
ends; cutting them at span boundaries and placing spans on them (as ``nlp.tags``
``cut_tokens`` and ``align`` do with ``bisect``) is done with ``numpy.searchsorted``;
and Prodigy's ``{"text", "start", "end", "id", "ws"}`` objects, one per token, are
written as UTF-8 bytes by numpy with no Python object per token: a token is four
pieces, its text and three fields made once for every number (``","start":17``,
``,"end":21`` and ``,"id":3,"ws":true},{"text":"``), all copied from one buffer in a
single gather. As dicts through ``json.dumps`` they took ten times the JSONL export.
``tests/formats/test_prodigy_tokens.py`` checks the bytes against ``json.dumps`` of the
dicts (``tokens_json_by_dicts``, also the path when JSON must escape inside a token) and
the placement against ``nlp.tags.align``; the spaCy export uses the cuts.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..core.model import Document
from ..nlp.word_offsets import word_token_bounds

# Prodigy's tokens as json.dumps writes them with these separators (no spaces, as
# Prodigy's own files are written: srsly/ujson): {"text":"..","start":0,"end":2,"id":0,"ws":true}
SEPARATORS = (",", ":")
_OPEN = '[{"text":"'
_START, _END, _ID = '","start":', ',"end":', ',"id":'
_WS_TRUE, _WS_FALSE, _NEXT = ',"ws":true}', ',"ws":false}', ',{"text":"'
# The control characters JSON escapes but whitespace, which is never inside a word token.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1C)])
# How json.dumps escapes in a string (ensure_ascii=False): these with a letter, any
# other character below U+0020 as \u00XX.
_SHORT_ESCAPES = ((b"\\", b"\\\\"), (b'"', b'\\"'), (b"\n", b"\\n"), (b"\r", b"\\r"),
                  (b"\t", b"\\t"), (b"\b", b"\\b"), (b"\f", b"\\f"))
_HEX_ESCAPED_BYTES = bytes(sorted(set(range(0x20)) - {ord(c) for c in "\n\r\t\b\f"}))
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
        self._utf8: bytes | None = None

    @property
    def utf8(self) -> bytes:
        """The text in UTF-8, encoded once."""
        if self._utf8 is None:
            self._utf8 = self.text.encode("utf-8")
        return self._utf8

    @classmethod
    def of(cls, document: Document) -> TokenColumns:
        """The document's own tokens (CoNLL), else camel-tools' word tokens."""
        if document.tokens is None:
            return cls(document.text, *word_token_bounds(document.text), words=True)
        offsets = [token for sentence in document.tokens for token in sentence]
        return cls(document.text, np.array([start for start, _ in offsets], dtype=np.int64),
                   np.array([end for _, end in offsets], dtype=np.int64), words=False)

    def cuts(self, boundaries: Sequence[int] | np.ndarray) -> dict[int, list[int]]:
        """The boundaries strictly inside a token, by token index (``nlp.tags.cut_tokens``)."""
        found: dict[int, list[int]] = {}
        for token, point in zip(*(found_inside.tolist() for found_inside in
                                  self._inside(boundaries))):
            found.setdefault(token, []).append(point)
        return found

    def cut_at(self, boundaries: Sequence[int]) -> None:
        """Cut each token at every boundary strictly inside it (``nlp.tags.cut_tokens``)."""
        _, points = self._inside(boundaries)
        if len(points):  # never a start or an end already: each cut adds one of each
            self.starts = np.sort(np.concatenate((self.starts, points)))
            self.ends = np.sort(np.concatenate((self.ends, points)))

    def _inside(self, boundaries: Sequence[int] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The distinct boundaries strictly inside a token, sorted, and their tokens."""
        points = np.unique(np.asarray(boundaries, dtype=np.int64))
        if not len(self.starts) or not len(points):
            return _NO_TOKENS, _NO_TOKENS
        index = np.maximum(np.searchsorted(self.starts, points, side="right") - 1, 0)
        inside = (self.starts[index] < points) & (points < self.ends[index])
        return index[inside], points[inside]

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
        """UTF-8 of ``json.dumps(dicts, ensure_ascii=False, separators=SEPARATORS)`` for
        the tokens' ``{text, start, end, id, ws}`` dicts (``tokens_json_by_dicts``); ``ws``
        is whether a plain space follows the token."""
        if not len(self.starts):
            return b"[]"
        utf8 = self.utf8
        tables = _tables(max(len(self.text), len(self.starts)))
        buffer = _scratch(tables, len(utf8))
        at = len(tables.data)  # the text's bytes, then a zero byte, follow the tables
        padded = buffer[at:at + len(utf8) + 1]
        padded[:-1] = np.frombuffer(utf8, dtype=np.uint8)
        padded[-1] = 0
        if len(utf8) == len(self.text):  # ASCII: a character is a byte
            first, after = self.starts, self.ends
        else:  # where each character starts in the bytes: not at a continuation byte,
            # 0x80-0xBF, which as signed bytes are the ones below -64
            byte_at = np.flatnonzero(padded.view(np.int8) >= -64)
            first, after = byte_at[self.starts], byte_at[self.ends]
        alone = self._escaped_alone(utf8, padded, first, after)
        if alone is None:
            return tokens_json_by_dicts(self.text, self.starts, self.ends).encode("utf-8")
        offsets, lengths = self._pieces(tables, first + at, after - first, padded[after] == 32,
                                        alone)
        return _gather(buffer, offsets, lengths)

    def _escaped_alone(self, utf8: bytes, padded: np.ndarray, first: np.ndarray,
                       after: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The tokens that are just a quote, and those just a backslash (JSON escapes
        them), as indices; ``None`` if a token holds another character JSON escapes (a
        control character) or holds one among other characters. ``padded`` is ``utf8``
        (the text) and a zero byte; a byte below 0x80 is always that ASCII character."""
        if self.words and len(utf8.translate(None, _CONTROL_BYTES)) == len(utf8):
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

    def _pieces(self, tables: _Tables, text_at: np.ndarray, text_length: np.ndarray,
                spaced: np.ndarray, alone: tuple[np.ndarray, np.ndarray]
                ) -> tuple[np.ndarray, np.ndarray]:
        """Where each piece of the tokens' JSON lies in the scratch buffer (the text's
        bytes at ``text_at``; the fields in ``tables``), and its length: ``(offsets,
        lengths)``. The JSON opens with ``[{"text":"``; then each token is four
        pieces: its text, ``","start":S``, ``,"end":E`` and ``,"id":I,"ws":true},{"text":"``
        (the last token's without the next token's opening); then ``]``."""
        count = len(text_at)
        flat_offsets = np.empty(4 * count + 2, dtype=np.int64)
        flat_lengths = np.empty(4 * count + 2, dtype=np.int64)
        flat_offsets[[0, -1]] = tables.open, tables.close
        flat_lengths[[0, -1]] = len(_OPEN), 1
        offsets, lengths = flat_offsets[1:-1].reshape(count, 4), flat_lengths[1:-1].reshape(count, 4)
        offsets[:, 0], lengths[:, 0] = text_at, text_length
        for tokens, escape in zip(alone, (tables.quote, tables.backslash)):
            offsets[tokens, 0], lengths[tokens, 0] = escape, 2
        for column, field, values in ((1, tables.start, self.starts), (2, tables.end, self.ends)):
            offsets[:, column], lengths[:, column] = field.offset[values], field.length[values]
        spaced_ids = tables.id_spaced.offset[:count], tables.id_spaced.length[:count]
        unspaced_ids = tables.id_unspaced.offset[:count], tables.id_unspaced.length[:count]
        offsets[:, 3] = np.where(spaced, spaced_ids[0], unspaced_ids[0])
        lengths[:, 3] = np.where(spaced, spaced_ids[1], unspaced_ids[1])
        lengths[-1, 3] -= len(_NEXT)  # no next token after the last
        return flat_offsets, flat_lengths


def json_string_bytes(text: str, utf8: bytes) -> bytes:
    """UTF-8 of ``json.dumps(text, ensure_ascii=False)``, ``utf8`` being the text's
    UTF-8: the escapes put in by ``bytes.replace`` (each one pass at C speed, no
    second copy of the text as ``str``), unless the text holds a control character
    JSON writes as ``\\u00XX``."""
    if len(utf8.translate(None, _HEX_ESCAPED_BYTES)) != len(utf8):
        return json.dumps(text, ensure_ascii=False).encode("utf-8")
    for char, escape in _SHORT_ESCAPES:  # the backslash first: the others add one
        utf8 = utf8.replace(char, escape)
    return b'"' + utf8 + b'"'


def tokens_json_by_dicts(text: str, starts: Sequence[int], ends: Sequence[int]) -> str:
    """The tokens' JSON the plain way: a dict per token through ``json.dumps``."""
    tokens = [{"text": text[start:end], "start": start, "end": end, "id": n,
               "ws": end < len(text) and text[end] == " "}
              for n, (start, end) in enumerate(zip(np.asarray(starts).tolist(),
                                                   np.asarray(ends).tolist()))]
    return json.dumps(tokens, ensure_ascii=False, separators=SEPARATORS)


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


class _Field:
    """``prefix + str(n) + suffix`` in ASCII for every n below a size, one after
    another, at ``offset[n]`` (from the start of the tables) with ``length[n]`` bytes."""

    def __init__(self, prefix: str, size: int, at: int, suffix: str = "") -> None:
        self.text = "".join([f"{prefix}{n}{suffix}" for n in range(size)])
        self.length = np.array([len(str(n)) for n in range(size)], dtype=np.int64)
        self.length += len(prefix) + len(suffix)
        self.offset = np.cumsum(self.length) - self.length + at


class _Tables:
    """Every fixed piece of the tokens' JSON in one buffer, numbers up to ``size``."""

    def __init__(self, size: int) -> None:
        self.size = size
        fixed = '\\"\\\\]' + _OPEN  # a quote and a backslash escaped, the brackets
        self.quote, self.backslash, self.close, self.open = 0, 2, 4, 5
        fields: list[_Field] = []
        for prefix, suffix in ((_START, ""), (_END, ""), (_ID, _WS_TRUE + _NEXT),
                               (_ID, _WS_FALSE + _NEXT)):
            at = len(fixed) + sum(len(field.text) for field in fields)
            fields.append(_Field(prefix, size, at, suffix))
        self.start, self.end, self.id_spaced, self.id_unspaced = fields
        text = "".join((fixed, *(field.text for field in fields)))
        self.data = np.frombuffer(text.encode("ascii"), dtype=np.uint8)


_TABLES: list[_Tables] = []


def _tables(largest: int) -> _Tables:
    """The tables for numbers up to ``largest`` at least, made once and grown when
    needed (a new object: one already handed out never changes)."""
    if not _TABLES or _TABLES[0].size <= largest:
        size = max(largest + 1, 1 << 16, 2 * _TABLES[0].size if _TABLES else 0)
        _TABLES[:] = [_Tables(size)]
    return _TABLES[0]


_SCRATCH = threading.local()


def _scratch(tables: _Tables, text_bytes: int) -> np.ndarray:
    """This thread's buffer: a copy of ``tables``, then room for a text of
    ``text_bytes`` bytes and a zero byte. Made again only when the tables grow or a
    longer text comes (a buffer is used by one document at a time in a thread)."""
    made = getattr(_SCRATCH, "made", None)
    room = made[1].size - made[0].data.size if made else 0  # for a text, in the last one
    if made is None or made[0] is not tables or room <= text_bytes:
        room = max(text_bytes + 1, 1 << 20, 2 * room)
        buffer = np.empty(tables.data.size + room, dtype=np.uint8)
        buffer[:tables.data.size] = tables.data
        _SCRATCH.made = made = (tables, buffer)
    return made[1]
