"""``nlp.tokens.tokenize`` finds camel-tools' word tokens with ``nlp.word_offsets``: its
sentences of offsets are exactly those of camel-tools' ``simple_word_tokenize`` located
in the text (what it ran before), on the corpora, on tricky strings and on generated
text."""

from __future__ import annotations

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp.tokens import locate, split_sentences, tokenize
from tests.helpers import corpus_texts

TRICKY = [
    "",
    " ",
    "\n\n",
    "قال: «إنّ الـــهدنة (المؤقتة) انتهت»، 2024/05/01 - 10:30 ص. ثم؟ نعم… «لا».",
    'قال"حلب" \\ و\\ب 12.5% ١٢٣٫٤ ‰ ٪\nU.S.A 1.30 x!?» y',
    "x\x1cy\x1d z\x85w\u2028v\u00a0u\u200bt\u3000s\x01r\x7fq",
    "Hello,    world!!! 🇸🇦👍🏽 a\u200db ١٢٣ 3\u20e3 #\ufe0f\u20e3 ©x «حلب»؟ ...",
    "𝒜𝓇𝒶𝒷𝒾𝒸 text 𐎀 and ©®™ ☺ ♥ ✓\r\nسطر",
]
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةـًٌٍَُِّْ0123456789٠١٢"
    ".,;:!?؟،؛«»()[]\"'\\/-%٪*#©…“”"
    " \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000\u200b"
    "\u200d\ufe0f\u20e3☺👍🏽🇸🇦𝒜"
)


def _with_camel_tools(text: str) -> list[list[tuple[int, int]]]:
    """``tokenize`` as it was: camel-tools' tokens, located in the text."""
    return split_sentences(text, locate(text, simple_word_tokenize(text)))


@pytest.mark.parametrize("text", TRICKY)
def test_tokenize_is_camel_tools_on_tricky_text(text: str) -> None:
    assert tokenize(text) == _with_camel_tools(text)


def test_tokenize_is_camel_tools_on_every_corpus_file() -> None:
    texts = corpus_texts()
    assert len(texts) >= 5
    for text in texts:
        assert tokenize(text) == _with_camel_tools(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_tokenize_is_camel_tools_on_generated_text(text: str) -> None:
    assert tokenize(text) == _with_camel_tools(text)
