"""``nlp.word_offsets`` finds camel-tools' ``simple_word_tokenize`` tokens, exactly.

Its fast path decides token edges from a per-character table; text holding emoji
joiners, keycaps, variation selectors or anything above U+FFFF takes the search path.
Both are compared with camel-tools itself on the corpora, on tricky strings and on
generated text that mixes Arabic, digits, punctuation, symbols, emoji and whitespace.
"""

from __future__ import annotations

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp import word_offsets
from annotator.nlp.word_offsets import word_token_bounds, word_token_offsets
from tests.helpers import corpus_texts

TRICKY = [
    "",
    " ",
    "\n\n",
    "«",
    " a« b»c ",
    "قال: «إنّ الـــهدنة (المؤقتة) انتهت»، 2024/05/01 - 10:30 ص.",
    'قال"حلب" \\ و\\ب 12.5% ١٢٣٫٤ ‰ ٪',
    "x\x1cy\x1d z\x85w\u2028v\u00a0u\u200bt\u3000s\x01r\x7fq",
    "Hello,    world!!! 🇸🇦👍🏽 a\u200db ١٢٣ 3\u20e3 #\ufe0f\u20e3 ©x «حلب»؟ ...",
    "a\u200d\U0001F468\u200d\U0001F469 x💩y 1*2 ☺️ ‼ 12.5% 🇸🇦🇸",
    "𝒜𝓇𝒶𝒷𝒾𝒸 text 𐎀 and ©®™ ☺ ♥ ✓",
]
# Characters to build text from: the kinds the tokenizer tells apart, and the
# characters that make camel-tools' symbol pattern match more than one character.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةـًٌٍَُِّْ"  # Arabic letters, marks, tatweel
    "0123456789٠١٢٣٤٥٦٧٨٩"  # digits: \p{Emoji} matches the ASCII ones
    ".,;:!?؟،؛«»()[]{}\"'\\/-_%٪*#@&+=<>|~^`$€£©®™‰•…–—“”‘’"  # punctuation, symbols
    " \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000\u200b"  # whitespace, and one that is not
    "\u200d\ufe0f\u20e3"  # joiner, variation selector, keycap
    "☺✓♥👍🏽🇸🇦💩𝒜"  # emoji, a modifier, flag letters, a letter above U+FFFF
)


def _camel(text: str) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for token in simple_word_tokenize(text):
        start = text.index(token, position)
        position = start + len(token)
        offsets.append((start, position))
    return offsets


def _check(text: str) -> None:
    expected = _camel(text)
    assert word_token_offsets(text) == expected
    starts, ends = word_token_bounds(text)
    assert list(zip(starts.tolist(), ends.tolist())) == expected


@pytest.mark.parametrize("text", TRICKY)
def test_word_offsets_match_camel_tools_on_tricky_text(text: str) -> None:
    _check(text)


def test_word_offsets_match_camel_tools_on_every_corpus_file() -> None:
    texts = corpus_texts()
    assert len(texts) >= 5
    for text in texts:
        _check(text)


def test_word_offsets_match_camel_tools_on_the_seed_text(seed_text: str) -> None:
    assert word_offsets._units_if_simple(seed_text) is not None  # the fast path
    _check(seed_text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_word_offsets_match_camel_tools_on_generated_text(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]),
               max_size=40))
def test_word_offsets_match_camel_tools_on_any_bmp_character(text: str) -> None:
    _check(text)


def test_word_offsets_take_the_search_path_only_for_joiners_and_astral_text() -> None:
    assert word_offsets._units_if_simple("قال: «حلب» ١٢٣ ©") is not None
    for odd in ("a\u200db", "x\ufe0f", "3\u20e3", "👍", "𝒜"):
        assert word_offsets._units_if_simple(f"قال {odd}") is None
