"""Tokens as coded items: cut at span boundaries, labelled by the outermost span."""

from __future__ import annotations

from annotator.agreement import base_tokens, split_tokens, token_categories
from annotator.agreement.tokens import outermost_segments
from annotator.core.model import Document


def test_tokens_cut_at_every_compared_boundary():
    text = "لقوات النظام"
    tokens = [(0, 5), (6, 12)]
    org = (1, 12, "ORG")  # the proclitic ل stays outside
    cut = split_tokens(tokens, [[org], [(8, 12, "GPE")]])
    assert cut == [(0, 1), (1, 5), (6, 8), (8, 12)]
    assert [text[s:e] for s, e in cut] == ["ل", "قوات", "ال", "نظام"]
    assert token_categories(cut, [org]) == ["O", "ORG", "ORG", "ORG"]


def test_tokens_outermost_label_wins_over_nested_ones():
    tokens = [(0, 5), (6, 10), (11, 15)]
    spans = [(6, 10, "ORG"), (0, 15, "PER")]  # PER holds ORG (a nominal mention)
    assert token_categories(tokens, spans) == ["PER", "PER", "PER"]


def test_tokens_crossing_spans_keep_the_first_and_the_rest_of_the_second():
    assert outermost_segments([(0, 10, "A"), (5, 15, "B")]) == [
        (0, 10, "A"),
        (10, 15, "B"),
    ]
    assert token_categories(
        [(0, 5), (5, 10), (10, 15)], [(0, 10, "A"), (5, 15, "B")]
    ) == ["A", "A", "B"]


def test_tokens_outside_every_span_are_o_and_whitespace_spans_add_nothing():
    tokens = [(0, 3), (4, 7)]
    assert token_categories(tokens, [(3, 4, "GPE")]) == ["O", "O"]
    assert token_categories(tokens, []) == ["O", "O"]


def test_tokens_keep_a_documents_own_tokens():
    document = Document("d", "a b c", tokens=[[(0, 1), (2, 3)], [(4, 5)]])
    assert base_tokens(document) == [(0, 1), (2, 3), (4, 5)]


def test_tokens_camel_tools_words_when_the_document_has_none():
    text = "قال الرئيس: نعم."
    tokens = base_tokens(Document("d", text))
    assert [text[s:e] for s, e in tokens] == ["قال", "الرئيس", ":", "نعم", "."]
