"""Tokens and sentences as code-point offsets into unchanged text.

Tokens are camel-tools' ``simple_word_tokenize`` tokens, found where they are by
``nlp.word_offsets`` without running it (the same tokens, several times faster:
``tests/nlp/test_tokenize_offsets.py`` compares the two). camel-tools splits on
whitespace and cuts every punctuation or symbol character off as its own token, so
each token is a substring of the text and only whitespace lies between two tokens:
``locate`` finds the tokens of any tokenizer that works so by a ``str.find`` each.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Protocol

from .word_offsets import word_token_offsets

Offsets = tuple[int, int]

# Sentence-final punctuation: Latin and Arabic question marks, ellipsis, Urdu full stop.
_TERMINALS = ".!?\u061f\u2026\u06d4"
# Closing quotes and brackets glued after a run of them belong to the sentence it ends.
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}"
_SENTENCE_END = re.compile(f"[{re.escape(_TERMINALS)}]+[{re.escape(_CLOSERS)}]*")
# The characters str.splitlines() breaks on: a line break always ends a sentence.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class TokenSource(Protocol):
    """A document as tokenizing needs it (``core.model.Document``): its text, and the
    tokens it came with (CoNLL), if any."""

    text: str
    tokens: list[list[tuple[int, int]]] | None


class TokenizationError(RuntimeError):
    """The tokenizer returned a token that is not in the text: a bug, never bad data."""


def document_sentences(document: TokenSource) -> list[list[Offsets]]:
    """Token offsets by sentence: the document's own tokens (from CoNLL), else ``tokenize``."""
    if document.tokens is not None:
        return [list(sentence) for sentence in document.tokens if sentence]
    return tokenize(document.text)


def tokenize(text: str) -> list[list[Offsets]]:
    """Sentences of ``(start, end)`` token offsets (code points, end exclusive).

    Sentences end at a line break and after a run of ``. ! ? ؟ … ۔`` (with any closing
    quotes glued to it). A run of full stops glued to the next word ("1.30", "U.S.A")
    does not end one. Empty lines give no sentence.
    """
    return split_sentences(text, word_token_offsets(text))


def locate(text: str, tokens: list[str]) -> list[Offsets]:
    """The offsets of ``tokens``, found in order in ``text``."""
    offsets: list[Offsets] = []
    append = offsets.append  # this loop runs once per token: keep it bare
    find = text.find
    position = 0
    for token in tokens:
        start = find(token, position)
        if start < 0:
            raise TokenizationError(
                f"token {token!r} not found in the text after offset {position}"
            )
        position = start + len(token)
        append((start, position))
    return offsets


def split_sentences(text: str, offsets: list[Offsets]) -> list[list[Offsets]]:
    """Group token offsets into sentences (see ``tokenize``).

    Boundaries are found in the text with regular expressions, then mapped to token
    indices by bisection, so the cost per token stays one list comprehension.
    """
    starts = [start for start, _ in offsets]
    cuts = sorted({bisect_left(starts, p) for p in _boundaries(text)})
    sentences: list[list[Offsets]] = []
    previous = 0
    for cut in cuts + [len(offsets)]:
        if cut > previous:
            sentences.append(offsets[previous:cut])
            previous = cut
    return sentences


def _boundaries(text: str) -> list[int]:
    """Offsets at which a sentence ends: the first token at or after one starts anew."""
    found = [m.end() for m in _LINE_BREAK.finditer(text)]
    for match in _SENTENCE_END.finditer(text):
        after = match.end()
        glued = after < len(text) and not text[after].isspace()
        # Full stops glued to a word are decimals, abbreviations, addresses ("1.30").
        if not glued or match.group().rstrip(_CLOSERS).strip(".") != "":
            found.append(after)
    return found
