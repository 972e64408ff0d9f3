from __future__ import annotations

import unicodedata

import pytest
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from annotator.nlp.normalize import (
    DEFAULT_SETTINGS,
    NormalisationSettings,
    OffsetMap,
    character_table,
    normalise,
    normalise_with_map,
    original_span,
)

CAMEL_ONLY = NormalisationSettings(
    tatweel=False, digits=False, whitespace=False, invisible=False, case=False
)
NOTHING = NormalisationSettings(**{name: False for name in DEFAULT_SETTINGS.to_json()})
# Letters, alef forms, maqsura, teh marbuta, diacritics, tatweel, digits, spaces, marks.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "أإآٱاىيةه"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "\u0640"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789"
    " \u00a0\n\t"
    "\u200c\u200f\u061c"
    "AbZ«»”“.,،"
)


def camel_pipeline(text: str) -> str:
    return normalize_teh_marbuta_ar(
        normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text)))
    )


def naive_with_map(text: str, settings: NormalisationSettings) -> tuple[str, list[int]]:
    """Character by character, straight from the table: the reference implementation."""
    table = character_table(settings)
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        replaced = table.get(char, char)
        if not replaced:
            continue
        if settings.whitespace and replaced == " " and out and out[-1] == " ":
            continue
        out.append(replaced)
        offsets.append(index)
    return "".join(out), offsets


def test_normalise_equals_camel_tools_functions_on_seed(seed_text):
    assert normalise(seed_text, CAMEL_ONLY) == camel_pipeline(seed_text)


def test_normalise_defaults_add_tatweel_digits_and_spaces_on_seed(seed_text):
    expected = camel_pipeline(seed_text).replace("\u0640", "")
    expected = " ".join(expected.split())

    assert normalise(seed_text) == expected


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_normalise_equals_camel_tools_functions_on_any_arabic(text):
    assert normalise(text, CAMEL_ONLY) == camel_pipeline(text)


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=ALPHABET, max_size=60),
    st.sampled_from([DEFAULT_SETTINGS, CAMEL_ONLY, NOTHING]),
)
def test_normalise_with_map_agrees_with_a_character_by_character_reference(
    text, settings
):
    normalised, index_map = normalise_with_map(text, settings)

    assert (normalised, list(index_map)) == naive_with_map(text, settings)
    assert normalised == normalise(text, settings)


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
def test_normalise_with_map_positions_are_increasing_and_in_the_text(text):
    normalised, index_map = normalise_with_map(text)

    positions = list(index_map)
    assert positions == sorted(set(positions))
    assert all(0 <= p < len(text) for p in positions)
    assert len(index_map) == len(normalised)


def test_character_table_is_what_camel_tools_does_per_character():
    table = character_table(CAMEL_ONLY)

    for char in "أإآٱ":
        assert table[char] == "ا" == normalize_alef_ar(char)
    assert table["ى"] == "ي"
    assert table["ة"] == "ه"
    for mark in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670":
        assert table[mark] == "" == dediac_ar(mark)
    assert "\u0640" not in table and "٢" not in table


def test_normalise_digits_eastern_and_persian_become_ascii():
    assert normalise("٢٠٢٠ و۱۳۹۹") == "2020 و1399"


def test_normalise_drops_tatweel_diacritics_and_invisible_marks():
    assert normalise("قـوّاتُ\u200f النِّظام") == "قوات النظام"


def test_normalise_collapses_whitespace_runs_and_no_break_spaces():
    assert normalise("إدلب\u00a0 \n شمال") == "ادلب شمال"


def test_normalise_lowers_latin_case():
    assert normalise("AFP Reuters") == "afp reuters"


@pytest.mark.parametrize(
    "setting, text",
    [
        ("alef", "أ"),
        ("alef_maqsura", "ى"),
        ("teh_marbuta", "ة"),
        ("diacritics", "\u064e"),
        ("tatweel", "\u0640"),
        ("digits", "٢"),
        ("whitespace", "\u00a0"),
        ("invisible", "\u200f"),
        ("case", "A"),
    ],
)
def test_normalise_each_setting_off_keeps_its_characters(setting, text):
    settings = NormalisationSettings(**{setting: False})

    assert normalise(text, settings) == text
    assert normalise(text) != text


def test_settings_json_round_trip_ignores_unknown_keys():
    settings = NormalisationSettings(alef=False, digits=False)

    assert NormalisationSettings.from_json(settings.to_json()) == settings
    assert NormalisationSettings.from_json(
        {"alef": False, "future": True}
    ) == NormalisationSettings(alef=False)
    assert NormalisationSettings.from_json(None) == DEFAULT_SETTINGS


def test_offset_map_is_a_sequence_of_original_offsets():
    text = "قُوّات  ال\u0640نظام"
    normalised, index_map = normalise_with_map(text)

    assert normalised == "قوات النظام"
    assert isinstance(index_map, OffsetMap)
    assert "".join(normalise(text[i]) or " " for i in index_map) == normalised
    assert index_map[-1] == len(text) - 1
    assert index_map[0:3] == [0, 2, 4]
    with pytest.raises(IndexError):
        index_map[len(normalised)]


def test_original_span_keeps_final_diacritics_with_their_letter():
    text = "في حلبٍ الشهباء"
    normalised, index_map = normalise_with_map(text)
    start = normalised.index("حلب")

    first, last = original_span(text, index_map, start, start + 3)

    assert text[first:last] == "حلبٍ"


def test_original_span_keeps_a_removed_tatweel_but_not_the_following_space():
    text = "لـ ثم"
    _, index_map = normalise_with_map(text)

    assert text[slice(*original_span(text, index_map, 0, 1))] == "لـ"


def test_original_span_grows_over_marks_even_when_diacritics_are_kept():
    text = "حلبٌ"
    settings = NormalisationSettings(diacritics=False)
    _, index_map = normalise_with_map(text, settings)

    assert original_span(text, index_map, 0, 3) == (0, 4)
    assert unicodedata.category(text[3]) == "Mn"
