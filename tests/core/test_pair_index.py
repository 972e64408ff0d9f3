"""The character-pair bits behind the documents filter, against a plain search."""

from __future__ import annotations

import random

from annotator.core.pair_index import PairIndex, numbers_in_both


def _joined(pieces: list[bytes]) -> tuple[bytes, list[int]]:
    starts, position = [], 0
    for piece in pieces:
        starts.append(position)
        position += len(piece) + 1
    return b"".join(piece + b"\x00" for piece in pieces), starts


def _pieces(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    alphabet = bytes(range(0x80, 0x88)) + b" ab"
    return [bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 12))) for _ in range(count)]


def test_a_pair_finds_exactly_the_documents_holding_it_across_blocks():
    pieces = _pieces(4101, seed=1)  # two full blocks of 2,048 and a last one not a whole byte
    index = PairIndex.of(*_joined(pieces))

    for key in (b"\x80\x81", b"ab", b" a", b"\x87\x87", b"zz", b"a\x80"):
        expected = [number for number, piece in enumerate(pieces) if key in piece]
        assert index.holding_pairs(key).tolist() == expected, key


def test_a_longer_key_gives_every_document_holding_it_and_only_documents_with_all_its_pairs():
    pieces = _pieces(3000, seed=2)
    index = PairIndex.of(*_joined(pieces))

    for key in (b"\x80\x81\x82", b"ab ", b"\x83 \x83\x84"):
        found = set(index.holding_pairs(key).tolist())
        assert {n for n, piece in enumerate(pieces) if key in piece} <= found
        pairs = {key[i:i + 2] for i in range(len(key) - 1)}
        assert found == {n for n, piece in enumerate(pieces) if all(p in piece for p in pairs)}


def test_pairs_never_cross_from_one_document_into_the_next():
    index = PairIndex.of(*_joined([b"xa", b"bx", b""]))

    assert index.holding_pairs(b"ab").tolist() == []
    assert index.holding_pairs(b"xa").tolist() == [0]
    assert index.holding_pairs(b"bx").tolist() == [1]


def test_numbers_in_both_keeps_the_common_ones_in_order():
    import numpy as np

    assert numbers_in_both(np.array([1, 4, 7, 9]), np.array([0, 4, 9, 12])).tolist() == [4, 9]
    assert numbers_in_both(np.array([], dtype=np.int64), np.array([1])).tolist() == []


def test_one_byte_keeps_offsets_and_maps_ascii_and_the_arabic_block_one_to_one():
    from annotator.core.pair_index import one_byte

    text = "Aleppo حلب\x00é😀\ud800\u067f\u0600\u0640\u06ff"  # an emoji and a lone surrogate are one character each

    encoded = one_byte(text)

    assert len(encoded) == len(text)
    assert encoded[:7] == b"Aleppo " and encoded[10] == 0
    assert list(encoded[7:10]) == [0x80 + ord(c) - 0x600 for c in "حلب"]
    assert encoded[11:14] == b"\x1a\x1a\x1a"  # é, the emoji, the surrogate share a byte
    assert list(encoded[14:]) == [0xFF, 0x80, 0x80 + 0x40, 0x1A]  # U+06FF is past the block
