from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.selection import (
    is_word_char,
    next_word_boundary,
    snap_to_words,
    word_at,
)


def test_selection_half_letters_grow_to_whole_words():
    text = "استهداف قوات النظام في محور"
    start = text.index("وات")
    assert snap_to_words(text, start, start + 5) == (text.index("قوات"), text.index("النظام") + 6)


def test_selection_trims_spaces_and_punctuation():
    text = "مع “العربي الجديد” إلى"
    start = text.index("“") - 1
    end = text.index("”") + 2
    snapped = snap_to_words(text, start, end)
    assert text[snapped[0] : snapped[1]] == "العربي الجديد"


def test_selection_keeps_diacritics_and_tatweel_and_nbsp_edges():
    text = "مؤكدةً\u00a0وقوع لـ”هيئة"
    snapped = snap_to_words(text, 1, 3)
    assert text[snapped[0] : snapped[1]] == "مؤكدةً"
    assert word_at(text, text.index("ـ")) == (text.index("لـ"), text.index("لـ") + 2)


def test_selection_of_only_punctuation_is_nothing():
    assert snap_to_words("، . «»", 0, 6) is None


def test_selection_word_boundaries_move_by_words():
    text = "قوات النظام في"
    assert next_word_boundary(text, 0, True) == text.index("النظام")
    assert next_word_boundary(text, len(text), False, "end") == text.index("في") - 1


def test_selection_a_start_moves_to_word_starts_and_an_end_to_word_ends():
    """Ctrl+[ from «حلب» inside «وبحلب» took the span onto the space before the word."""
    text = "قصفت الطائرات وبحلب مواقع"
    inside = text.index("حلب")
    assert next_word_boundary(text, inside, False, "start") == text.index("وبحلب")
    assert next_word_boundary(text, text.index("وبحلب"), False, "start") == text.index("الطائرات")
    assert next_word_boundary(text, len("قصفت"), True, "end") == text.index(" وبحلب")
    assert next_word_boundary(text, text.index(" وبحلب"), False, "end") == len("قصفت")


@given(st.text(alphabet="قصف حلب،.\n", max_size=30), st.integers(0, 30), st.booleans(),
       st.sampled_from(["start", "end"]))
def test_selection_a_word_move_never_lands_beside_a_space(text, position, forward, edge):
    position = min(position, len(text))
    moved = next_word_boundary(text, position, forward, edge)
    assert (moved >= position) if forward else (moved <= position)
    if 0 < moved < len(text):
        assert is_word_char(text[moved] if edge == "start" else text[moved - 1]), (text, moved)


def test_selection_snap_keeps_a_proclitic_the_selection_left_out():
    text = "في محور الكلارية وجمعية الزهراء غربي المدينة"
    start = text.index("وجمعية")
    assert snap_to_words(text, start + 1, start + 14) == (start + 1, start + 14)
    article = text.index("المدينة")
    assert snap_to_words(text, article + 2, len(text)) == (article + 2, len(text))


def test_selection_snap_completes_a_cut_word_by_the_clitic_convention():
    text = "قصفت قوات النظام ثم انسحبت لقوات النظام"
    start = text.index("لقوات")
    end = start + len("لقوات النظام")
    assert snap_to_words(text, start + 3, end - 2) == (start, end)  # no convention: whole words
    assert snap_to_words(text, start + 3, end - 2, "include") == (start, end)
    assert snap_to_words(text, start + 3, end - 2, "exclude") == (start + 1, end)
    assert snap_to_words(text, start, end, "exclude") == (start, end)  # not cut: as selected
