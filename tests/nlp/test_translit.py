from __future__ import annotations

import pytest
from camel_tools.utils.charmap import CharMapper

from annotator.nlp.translit import (
    SCHEMES,
    buckwalter,
    hsb,
    transliterate,
    transliterate_span,
)


def test_transliterate_span_buckwalter_on_seed(seed_text):
    start = seed_text.index("قوات النظام")

    assert (
        transliterate_span(seed_text, start, start + len("قوات النظام"))
        == "qwAt AlnZAm"
    )


def test_transliterate_span_hsb_on_seed(seed_text):
    start = seed_text.index("هيئة تحرير الشام")

    result = transliterate_span(
        seed_text, start, start + len("هيئة تحرير الشام"), "hsb"
    )

    assert result == "hyŷħ tHryr AlšAm"


def test_transliterate_keeps_diacritics_tatweel_and_unmapped_characters(seed_text):
    start = seed_text.index("مؤكدةً")

    assert buckwalter(seed_text[start : start + 6]) == "m&kdpF"
    assert buckwalter("لـ”هيئة") == "l_”hy}p"
    assert buckwalter("إدلب\u00a0AFP") == "<dlb\u00a0AFP"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_transliterate_is_camel_tools_builtin_map(seed_text, scheme):
    assert transliterate(seed_text, scheme) == CharMapper.builtin_mapper(
        f"ar2{scheme}"
    )(seed_text)


def test_transliterate_hsb_and_buckwalter_differ_on_emphatics():
    assert hsb("ظ ث ش") == "Ď θ š"
    assert buckwalter("ظ ث ش") == "Z v $"


def test_transliterate_refuses_unknown_scheme_and_bad_span():
    with pytest.raises(ValueError, match="scheme"):
        transliterate("حلب", "latin")
    with pytest.raises(ValueError, match="outside"):
        transliterate_span("حلب", 2, 5)
