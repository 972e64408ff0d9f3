from __future__ import annotations

import pytest

from annotator.errors import InputError
from annotator.nlp.tags import align, outermost, spans_to_tags, tags_to_spans

# No punctuation here, so whitespace tokens are the tokens camel-tools would give.
TEXT = "وأصيب تسعة في قصف لقوات النظام في إدلب"


def _tokens(text: str) -> list[tuple[int, int]]:
    """Whitespace tokens of ``text`` as offsets."""
    tokens, position = [], 0
    for word in text.split(" "):
        tokens.append((position, position + len(word)))
        position += len(word) + 1
    return tokens


def _char_span(text: str, phrase: str, label: str) -> tuple[int, int, str]:
    start = text.index(phrase)
    return start, start + len(phrase), label


def _words(text: str, tokens: list[tuple[int, int]], span: tuple[int, int, str]) -> str:
    return " ".join(text[a:b] for a, b in tokens[span[0] : span[1]])


# --- decoding and encoding -----------------------------------------------------------
def test_tags_to_spans_round_trip_iob2():
    tags = ["B-ORG", "I-ORG", "O", "B-GPE", "B-GPE", "I-GPE", "O", "B-MIS-1"]

    spans = tags_to_spans(tags)

    assert spans == [(0, 2, "ORG"), (3, 4, "GPE"), (4, 6, "GPE"), (7, 8, "MIS-1")]
    assert spans_to_tags(len(tags), spans, "iob2") == tags


def test_tags_to_spans_round_trip_bioes():
    tags = ["B-ORG", "I-ORG", "E-ORG", "O", "S-GPE", "S-GPE", "B-PER", "E-PER"]

    spans = tags_to_spans(tags)

    assert spans == [(0, 3, "ORG"), (4, 5, "GPE"), (5, 6, "GPE"), (6, 8, "PER")]
    assert spans_to_tags(len(tags), spans, "bioes") == tags


def test_tags_to_spans_round_trip_bilou_spacys_letters():
    tags = ["B-ORG", "I-ORG", "L-ORG", "O", "U-GPE", "U-GPE", "B-PER", "L-PER"]

    spans = tags_to_spans(tags)

    assert spans == [(0, 3, "ORG"), (4, 5, "GPE"), (5, 6, "GPE"), (6, 8, "PER")]
    assert spans_to_tags(len(tags), spans, "bilou") == tags


def test_tags_to_spans_reads_iob1_starts():
    tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]

    assert tags_to_spans(tags) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]


def test_tags_to_spans_strict_refuses_i_after_o_with_its_line():
    with pytest.raises(InputError, match="I-ORG follows O") as caught:
        tags_to_spans(
            ["B-PER", "O", "I-ORG"], strict=True, file="a.conll", first_line=10
        )

    assert (caught.value.file, caught.value.line) == ("a.conll", 12)


def test_tags_to_spans_strict_refuses_i_after_another_label():
    with pytest.raises(InputError, match="I-ORG follows B-PER") as caught:
        tags_to_spans(["B-PER", "I-ORG"], strict=True, file="a.conll", lines=[4, 7])

    assert caught.value.line == 7


@pytest.mark.parametrize("bad", ["OO", "IO", "B-", "X-ORG", "b-ORG", "", "ORG"])
def test_tags_to_spans_refuses_tags_outside_the_scheme(bad):
    with pytest.raises(InputError, match="is not O, B-, I-") as caught:
        tags_to_spans(["O", bad], file="f.conll", first_line=1)

    assert str(caught.value).startswith("f.conll:2: ")


def test_spans_to_tags_refuses_unknown_scheme():
    with pytest.raises(ValueError, match="iobes"):
        spans_to_tags(2, [(0, 1, "PER")], "iobes")


# --- alignment -----------------------------------------------------------------------
def test_align_split_cuts_the_proclitic_off():
    tokens = _tokens(TEXT)
    org = _char_span(TEXT, "قوات النظام", "ORG")

    new_tokens, spans, dropped = align(tokens, [org], "split")

    assert [TEXT[a:b] for a, b in new_tokens][4:7] == ["ل", "قوات", "النظام"]
    assert spans_to_tags(len(new_tokens), spans)[4:7] == ["O", "B-ORG", "I-ORG"]
    assert _words(TEXT, new_tokens, spans[0]) == "قوات النظام"
    assert dropped == []


def test_align_expand_grows_to_whole_tokens():
    tokens = _tokens(TEXT)

    new_tokens, spans, dropped = align(
        tokens, [_char_span(TEXT, "قوات النظام", "ORG")], "expand"
    )

    assert new_tokens == tokens
    assert _words(TEXT, tokens, spans[0]) == "لقوات النظام"
    assert dropped == []


def test_align_contract_keeps_whole_tokens_only():
    tokens = _tokens(TEXT)
    org = _char_span(TEXT, "قوات النظام", "ORG")
    clitic_only = _char_span(TEXT, "قوات", "ORG")

    new_tokens, spans, dropped = align(tokens, [org, clitic_only], "contract")

    assert new_tokens == tokens
    assert [_words(TEXT, tokens, s) for s in spans] == ["النظام"]
    assert dropped == [clitic_only]


@pytest.mark.parametrize("mode", ["split", "expand", "contract"])
def test_align_reports_spans_in_whitespace(mode):
    tokens = _tokens(TEXT)
    gap = TEXT.index(" في إدلب")
    blank = (gap, gap + 1, "GPE")

    _, spans, dropped = align(tokens, [blank, (gap, gap, "GPE")], mode)

    assert spans == []
    assert dropped == [blank, (gap, gap, "GPE")]


def test_align_split_keeps_spans_already_on_token_boundaries():
    tokens = _tokens(TEXT)
    gpe = _char_span(TEXT, "إدلب", "GPE")

    new_tokens, spans, _ = align(tokens, [gpe], "split")

    assert new_tokens == tokens
    assert _words(TEXT, tokens, spans[0]) == "إدلب"


def test_align_refuses_unknown_mode():
    with pytest.raises(ValueError, match="strict"):
        align([(0, 1)], [], "strict")


# --- overlaps ------------------------------------------------------------------------
def test_outermost_keeps_the_outer_of_nested_spans():
    text = "مقتل حوالي 70 عنصراً من قوات النظام"
    per = _char_span(text, "حوالي 70 عنصراً من قوات النظام", "PER")
    org = _char_span(text, "قوات النظام", "ORG")

    assert outermost([org, per]) == ([per], [org])


def test_outermost_keeps_the_earlier_of_crossing_spans():
    first, second, later = (0, 5, "A"), (3, 9, "B"), (9, 12, "C")

    assert outermost([second, later, first]) == ([first, later], [second])


def test_outermost_keeps_one_of_two_identical_spans():
    assert outermost([(2, 4, "ORG"), (2, 4, "GPE")]) == (
        [(2, 4, "ORG")],
        [(2, 4, "GPE")],
    )
