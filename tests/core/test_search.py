from __future__ import annotations

import re

import pytest

from annotator.core.model import Document
from annotator.core.search import (
    CorpusIndex,
    NormalisedText,
    clitic_convention,
    collector_paused,
    documents_matching,
    find_all,
    normalisation_settings,
    normalise_query,
    set_clitic_convention,
    set_normalisation_settings,
    word_matches,
)
from annotator.errors import ProjectError
from annotator.nlp.normalize import NormalisationSettings


def test_find_all_alef_variant_finds_hamza_spelling_at_its_exact_place(seed_text):
    expected = seed_text.index("الإسمنت")

    assert find_all(seed_text, "الاسمنت") == [(expected, expected + len("الإسمنت"))]


def test_find_all_maps_back_over_diacritics_and_tatweel_exactly():
    decorated = "قُوّاتُ النِّـظامِ"
    text = f"أعلنت {decorated} اليوم، ثم قوات النظام."

    found = find_all(text, "قوات النظام")

    start = text.index(decorated)
    plain = text.index("قوات النظام")
    assert found == [
        (start, start + len(decorated)),
        (plain, plain + len("قوات النظام")),
    ]
    assert text[found[0][0] : found[0][1]] == decorated


def test_find_all_eastern_digits_find_ascii_digits(seed_text):
    expected = [(m.start(), m.end()) for m in re.finditer("2020", seed_text)]

    assert expected and find_all(seed_text, "٢٠٢٠") == expected


def test_find_all_ascii_digits_find_persian_digits():
    text = "سنة ۱۳۹۹ هجري شمسي"

    assert find_all(text, "1399") == [(4, 8)]


def test_find_all_space_matches_no_break_space(seed_text):
    ((start, end),) = find_all(seed_text, "إدلب شمال")

    assert seed_text[start:end] == "إدلب\u00a0شمال"


def test_find_all_empty_query_finds_nothing(seed_text):
    assert find_all(seed_text, "") == []
    assert find_all(seed_text, " \u00a0") == []


def test_find_all_whole_words_skips_a_name_inside_another(seed_text):
    inside = seed_text.index("كفرحلب") + len("كفر")

    anywhere = find_all(seed_text, "حلب")
    whole = find_all(seed_text, "حلب", whole_words=True)

    assert (inside, inside + 3) in anywhere
    assert (inside, inside + 3) not in whole
    assert len(whole) == len(re.findall(r"(?<!\w)حلب(?!\w)", seed_text))


def test_find_all_respects_settings_turned_off(seed_text):
    strict = NormalisationSettings(alef=False)

    assert find_all(seed_text, "الاسمنت", strict) == []


def test_documents_matching_looks_at_titles_and_normalised_text(store, seed_text):
    store.add_document(Document("seed", seed_text, {"title": "Aleppo"}))
    store.add_document(Document("other", "زار الوفد بغداد", {"title": "Baghdad visit"}))

    assert documents_matching(store, "الاسمنت") == {"seed"}
    assert documents_matching(store, "baghdad") == {"other"}
    assert documents_matching(store, "٢٠٢٠") == {"seed"}
    assert documents_matching(store, "") == set()


def test_normalisation_settings_are_stored_in_the_project(store):
    assert normalisation_settings(store) == NormalisationSettings()

    set_normalisation_settings(store, NormalisationSettings(digits=False))

    assert normalisation_settings(store) == NormalisationSettings(digits=False)


def test_normalisation_settings_damaged_setting_is_a_project_error(store):
    store.set_setting("search/normalisation", "[not an object")

    with pytest.raises(ProjectError, match="search/normalisation"):
        normalisation_settings(store)


def test_clitic_convention_defaults_to_exclude_and_can_be_changed(store):
    assert clitic_convention(store) == "exclude"

    set_clitic_convention(store, "include")

    assert clitic_convention(store) == "include"
    with pytest.raises(ProjectError, match="unknown clitic convention"):
        set_clitic_convention(store, "sometimes")


def matched(text: str, query: str, convention: str = "exclude") -> list[str]:
    found = word_matches(NormalisedText.of(text), normalise_query(query), convention)
    return [text[s:e] for s, e in found]


def test_word_matches_cross_proclitics_but_not_into_other_words():
    text = "قوات النظام، لقوات النظام، وبقوات النظام، فقوات النظامية، نقوات النظام"

    assert matched(text, "قوات النظام") == ["قوات النظام"] * 3
    assert matched(text, "قوات النظام", "include") == [
        "قوات النظام",
        "لقوات النظام",
        "وبقوات النظام",
    ]


def test_word_matches_never_inside_a_longer_name(seed_text):
    inside = seed_text.index("كفرحلب")
    found = word_matches(NormalisedText.of(seed_text), "حلب")

    assert found and all(not inside <= s < inside + 6 for s, _ in found)


def test_word_matches_needle_with_edge_punctuation_skips_the_edge_check(seed_text):
    assert matched(seed_text, "”هيئة") == ["”هيئة"]


def test_word_matches_empty_needle_finds_nothing():
    assert word_matches(NormalisedText.of("حلب"), "") == []


def test_corpus_index_filters_like_the_store(store, seed_text):
    documents = [
        Document("seed", seed_text, {"title": "Aleppo"}),
        Document("other", "زار الوفد بغداد", {"title": "Baghdad visit"}),
    ]
    for document in documents:
        store.add_document(document)
    index = CorpusIndex.build(documents)

    for query in ["الاسمنت", "baghdad", "٢٠٢٠", "", "لا شيء"]:
        assert index.documents_matching(query) == documents_matching(store, query)


def test_corpus_index_occurrences_in_one_document_and_in_all(seed_text):
    index = CorpusIndex.build([Document("a", seed_text), Document("b", "قوات النظام")])

    in_a = index.occurrences_in("a", "قوات النظام")
    everywhere = index.occurrences("قوات النظام")

    assert len(in_a) == 11 and index.text("a").original is seed_text
    assert everywhere == [("a", s, e) for s, e in in_a] + [("b", 0, 11)]
    assert index.occurrences("غير موجود") == []
    assert len(index) == 2 and index.document_ids() == ["a", "b"]


def test_collector_paused_restores_the_collector():
    import gc

    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


# --- the documents list's filter, typed letter by letter ---------------------------------
_FILTER_DOCS = [
    Document("a", "قصفت قوات النظام مدينة حلب", {"title": "حلب اليوم"}),
    Document("b", "نص فيه\x00صفر ثم حلب", {"title": "صفر"}),  # a NUL byte in the text
    Document("c", "إدلب وريف حلب الغربي", {"title": ""}),
    Document("d", "Reuters: الأمم المتحدة", {"title": "أخبار"}),
    Document("e", "لا شيء هنا", {"title": "قوات"}),
    Document("f", "café و caf€ و cafß", {"title": "ﻻ"}),  # characters outside ASCII and the Arabic block share a byte
]


def _scanned(query: str) -> set[str]:
    """The plain answer: every title and text normalised and searched (the rule)."""
    from annotator.core.search import normalise_query
    from annotator.nlp.normalize import normalise

    needle = normalise_query(query, NormalisationSettings())
    return {d.id for d in _FILTER_DOCS
            if needle and (needle in normalise(d.title, NormalisationSettings())
                           or needle in normalise(d.text, NormalisationSettings()))}


def test_documents_filter_typed_on_and_back_agrees_with_a_full_scan():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    index = CorpusIndex.build(_FILTER_DOCS)
    letters = st.sampled_from(list("حلبقواتنظ إدلمRe\x00caf€éß") + ["ال", "أ"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.one_of(letters.map(lambda c: ("type", c)), st.just(("back", ""))), max_size=12))
    def typing(keys):
        query = ""
        for key, char in keys:
            query = query + char if key == "type" else query[:-1]
            assert index.documents_matching(query) == _scanned(query), query

    typing()


def test_documents_filter_sees_a_document_added_after_a_query():
    index = CorpusIndex.build(_FILTER_DOCS[:2])
    assert index.documents_matching("حلب") == {"a", "b"}
    index.add_document(_FILTER_DOCS[2])
    assert index.documents_matching("حلب") == {"a", "b", "c"}
    assert index.documents_matching("حلب ال") == {"a", "c"}
