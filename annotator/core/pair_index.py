"""Which documents hold each pair of adjacent characters: one bit per document.

The documents filter must answer within a keystroke on an archive. A scan of every
text, even ``bytes.find`` over 100 MB, takes about 90 ms; the bits of the needle's
character pairs, ANDed, give in a millisecond every document that can hold it, and
for a two-letter needle exactly the documents that do. Built from the one-byte
joined texts of ``search.CorpusIndex`` (one byte per character, documents separated by
a zero byte), off the GUI thread, in a few seconds for 100,000 articles.
"""

from __future__ import annotations

import numpy as np

SEPARATOR_BYTE = 0
_DOCUMENTS_PER_BLOCK = 2048  # a multiple of 8: each block fills whole bytes of every row
_BYTES_PER_COUNT = 1 << 22


def one_byte(text: str) -> bytes:
    """``text`` as one byte per character, so offsets do not move: ASCII as it is, the
    Arabic block U+0600-U+067F as 0x80-0xFF, anything else 0x1A. Array work, so a
    background thread building it for a whole archive leaves the GUI thread its turns
    (``str.translate`` with a table held the interpreter for 4.6 s on 100 MB)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    arabic = (codes >= 0x600) & (codes < 0x680)
    return np.where(codes < 0x80, codes, np.where(arabic, codes - 0x580, 0x1A)).astype(np.uint8).tobytes()


class PairIndex:
    def __init__(self, documents: int, rows: dict[int, np.ndarray]) -> None:
        self.documents = documents
        self._rows = rows  # pair code (first byte << 8 | second) -> packed bits, one per document

    @classmethod
    def of(cls, joined: bytes | bytearray, starts: list[int]) -> PairIndex:
        """``joined``: every document's bytes, each followed by SEPARATOR_BYTE, the
        first at ``starts[0]``, the next at ``starts[1]``…"""
        data = np.frombuffer(joined, dtype=np.uint8)
        count = len(starts)
        rank, byte_of = _byte_ranks(data)
        alphabet = len(byte_of)
        bounds = np.append(np.asarray(starts, dtype=np.int64), len(data))
        width = (count + 7) // 8
        rows: dict[int, np.ndarray] = {}
        for first in range(0, count, _DOCUMENTS_PER_BLOCK):
            last = min(first + _DOCUMENTS_PER_BLOCK, count)
            _add_block(rows, data, rank, alphabet, bounds[first:last + 1], first, width)
        return cls(count, {int(byte_of[pair // alphabet]) << 8 | int(byte_of[pair % alphabet]): bits
                           for pair, bits in rows.items()})

    def holding_pairs(self, key: bytes) -> np.ndarray:
        """Numbers (ascending) of the documents holding every adjacent pair of ``key``
        (somewhere, not necessarily together): a superset of those holding ``key``, and
        for two bytes exactly them. ``key`` has two bytes or more."""
        bits = None
        for first, second in set(zip(key, key[1:])):
            row = self._rows.get(first << 8 | second)
            if row is None:
                return np.empty(0, dtype=np.int64)
            bits = row.copy() if bits is None else np.bitwise_and(bits, row, out=bits)
        if bits is None:
            raise ValueError("a pair index is asked for two bytes or more")
        return np.flatnonzero(np.unpackbits(bits, count=self.documents))


def _byte_ranks(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Byte -> a small number among the bytes present (the block's rows are pairs of
    them: 256 x 256 rows would take 128 MB a block), and back."""
    counts = np.zeros(256, dtype=np.int64)
    for first in range(0, len(data), _BYTES_PER_COUNT):  # in pieces: short calls, between which other threads run
        counts += np.bincount(data[first:first + _BYTES_PER_COUNT], minlength=256)
    present = np.flatnonzero(counts)
    rank = np.zeros(256, dtype=np.int32)
    rank[present] = np.arange(len(present), dtype=np.int32)
    return rank, present


def _add_block(rows: dict[int, np.ndarray], data: np.ndarray, rank: np.ndarray, alphabet: int,
               bounds: np.ndarray, first: int, width: int) -> None:
    """Set the bits of documents ``first``… (their byte ranges between ``bounds``)."""
    chunk = data[bounds[0]:bounds[-1]]
    if len(chunk) < 2:
        return
    lengths = np.diff(bounds)
    document = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)[:-1]
    left, right = chunk[:-1], chunk[1:]
    inside = (left != SEPARATOR_BYTE) & (right != SEPARATOR_BYTE)
    pair = rank[left[inside]] * alphabet + rank[right[inside]]
    present = np.zeros((alphabet * alphabet, _DOCUMENTS_PER_BLOCK), dtype=bool)
    present[pair, document[inside]] = True
    packed = np.packbits(present, axis=1)
    byte = first // 8
    for code in np.flatnonzero(packed.any(axis=1)).tolist():
        row = rows.get(code)
        if row is None:
            row = rows[code] = np.zeros(width, dtype=np.uint8)
        piece = packed[code]
        row[byte:byte + len(piece)] = piece[:width - byte]


def numbers_in_both(numbers: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The numbers (ascending, no repeats) in both."""
    return np.intersect1d(numbers, others, assume_unique=True)
