from __future__ import annotations

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize

from annotator.nlp.tokens import TokenizationError, locate, tokenize


def _sentence_texts(text: str) -> list[str]:
    return [text[sentence[0][0] : sentence[-1][1]] for sentence in tokenize(text)]


def _token_at(text: str, phrase: str) -> tuple[int, int]:
    """The token that starts where ``phrase`` first starts."""
    start = text.index(phrase)
    return next(t for s in tokenize(text) for t in s if t[0] == start)


def test_tokenize_offsets_give_back_camel_tokens_on_seed(seed_text):
    offsets = [token for sentence in tokenize(seed_text) for token in sentence]

    assert [seed_text[start:end] for start, end in offsets] == simple_word_tokenize(
        seed_text
    )


def test_tokenize_seed_sentences_follow_lines_and_full_stops(seed_text):
    sentences = _sentence_texts(seed_text)
    first_line = seed_text.split("\n")[0]

    assert sentences[0] == first_line
    assert "الأيام السورية؛ قسم الأخبار" in sentences
    assert all("\n" not in sentence for sentence in sentences)
    ends = "أعلنت الجبهة الوطنية للتحرير، استهداف قوات النظام"
    claim = next(s for s in sentences if s.startswith(ends))
    assert claim.endswith("مؤكدةً وقوع خسائر ضخمة.")


def test_tokenize_decimal_time_stays_in_one_sentence(seed_text):
    sentence = next(s for s in _sentence_texts(seed_text) if "1.30" in s)

    assert sentence.startswith("وبحسب مركز رصد الطيران")
    assert sentence.endswith("بالتوقيت المحلي السوري.")


def test_tokenize_glued_full_stop_does_not_end_sentence():
    text = "نشر الموقع example.com الخبر. ثم حذفه"

    assert _sentence_texts(text) == ["نشر الموقع example.com الخبر.", "ثم حذفه"]


def test_tokenize_punctuation_runs_and_closing_quotes_end_one_sentence():
    text = "هل انتهت المعارك؟! قال المصدر: «انتهت.» ثم غادر… وعاد"

    assert _sentence_texts(text) == [
        "هل انتهت المعارك؟!",
        "قال المصدر: «انتهت.»",
        "ثم غادر…",
        "وعاد",
    ]


def test_tokenize_windows_line_breaks_end_sentences():
    text = "سطر أول\r\nسطر ثان\n\nسطر ثالث"

    assert _sentence_texts(text) == ["سطر أول", "سطر ثان", "سطر ثالث"]


def test_tokenize_no_break_spaces_separate_tokens(seed_text):
    assert "\xa0إدلب\xa0" in seed_text
    start = seed_text.index("\xa0إدلب\xa0") + 1
    tokens = [t for s in tokenize(seed_text) for t in s]

    assert (start, start + len("إدلب")) in tokens
    assert not any("\xa0" in seed_text[a:b] for a, b in tokens)


def test_tokenize_tatweel_after_proclitic(seed_text):
    start = seed_text.index("لـ”هيئة")
    tokens = [t for s in tokenize(seed_text) for t in s]
    index = tokens.index(_token_at(seed_text, "لـ”هيئة"))

    assert [seed_text[a:b] for a, b in tokens[index : index + 3]] == ["لـ", "”", "هيئة"]
    assert tokens[index] == (start, start + len("لـ"))


def test_tokenize_offsets_count_code_points_around_emoji():
    text = "أحسنتم 👍🏽 يا شباب. 🇸🇾 سوريا"
    tokens = [text[a:b] for s in tokenize(text) for a, b in s]

    assert "👍🏽" in tokens
    assert _token_at(text, "يا") == (text.index("يا"), text.index("يا") + 2)
    assert _token_at(text, "سوريا")[0] == text.index("سوريا")
    assert len(tokenize(text)) == 2


def test_tokenize_blank_text_has_no_sentences():
    assert tokenize("") == []
    assert tokenize(" \n\xa0\n ") == []


def test_locate_refuses_a_token_missing_from_the_text():
    with pytest.raises(TokenizationError, match="'حلب'"):
        locate("مدينة دمشق", ["مدينة", "حلب"])
