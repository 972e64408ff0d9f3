"""The agreement package's fast word tokens are camel-tools' ``simple_word_tokenize``'s."""

from __future__ import annotations

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize

from annotator.agreement.tokens import word_token_offsets
from tests.helpers import corpus_texts

TRICKY = [
    "",
    "Hello,    world!!! 🇸🇦👍🏽 a\u200db ١٢٣ 3\u20e3 #\ufe0f\u20e3 ©x «حلب»؟ ...",
    "a\u200d\U0001F468\u200d\U0001F469 x💩y 1*2 ☺️ ‼ 12.5% 🇸🇦🇸",
    "x\x1cy\x1d z\x85w\u2028v\u00a0u\u200bt\u3000s",
    "قال: «إنّ الـــهدنة (المؤقتة) انتهت»، 2024/05/01 - 10:30 ص.",
]


def _camel(text: str) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for token in simple_word_tokenize(text):
        start = text.index(token, position)
        position = start + len(token)
        offsets.append((start, position))
    return offsets


@pytest.mark.parametrize("text", TRICKY)
def test_agreement_word_tokens_match_camel_tools_on_symbols(text: str) -> None:
    assert word_token_offsets(text) == _camel(text)


def test_agreement_word_tokens_match_camel_tools_on_the_corpora() -> None:
    texts = corpus_texts()
    assert texts
    for text in texts:
        assert word_token_offsets(text) == _camel(text)
