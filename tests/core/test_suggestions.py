from __future__ import annotations

import re

import pytest

from annotator.core.commands import Editor
from annotator.core.model import Annotations, Document, Span
from annotator.core.search import NormalisedText, normalise_query, word_matches
from annotator.core.suggestions import (
    Rule,
    Suggestion,
    SuggestionIndex,
    accept,
    document_suggestions,
    learn_rules,
    model_suggestions,
    reject,
    rejected_in,
    rule_for,
    save_model_suggestions,
    suggest_for_document,
    visible,
)
from annotator.errors import ProjectError, ValidationError
from annotator.storage import ProjectStore

FORCES = "قوات النظام"
# Every «قوات النظام» the seed holds, bare or after a proclitic chain (و ل ...).
FORCES_RE = re.compile(
    r"(?<![^\s\u00a0،«“”(])(?:[وف]?[بلك]?)(قوات[\s\u00a0]النظام)(?![^\s\u00a0،.»”)])"
)


def seed_document(text: str) -> Document:
    return Document("seed", text, {"title": "Aleppo"})


def labelled_once(text: str, phrase: str, label: str, after: str = "") -> Annotations:
    start = text.index(phrase, text.index(after) if after else 0)
    return Annotations(
        "seed", "amal", spans=[Span("T1", start, start + len(phrase), label)]
    )


def suggestions_for(text: str, annotations: Annotations, **kw) -> list[Suggestion]:
    document = seed_document(text)
    rules = [rule_for(text, span) for span in annotations.spans]
    return suggest_for_document(document, annotations, rules, **kw)


def test_suggest_labelling_forces_once_suggests_every_other_occurrence(seed_text):
    annotations = labelled_once(seed_text, FORCES, "ORG")
    expected = [m.span(1) for m in FORCES_RE.finditer(seed_text)]

    found = suggestions_for(seed_text, annotations)

    assert len(expected) == 11
    assert [(s.start, s.end) for s in found] == expected[1:]
    assert {seed_text[s.start : s.end] for s in found} == {FORCES}
    assert {(s.label, s.source, s.document_id) for s in found} == {
        ("ORG", "string", "seed")
    }


def test_suggest_covers_the_name_only_inside_proclitic_words(seed_text):
    found = suggestions_for(seed_text, labelled_once(seed_text, FORCES, "ORG"))
    glued = [m.start() + 1 for m in re.finditer("لقوات النظام", seed_text)]
    after_wa = seed_text.index("وقوات النظام") + 1

    starts = {s.start for s in found}
    assert len(glued) == 2 and set(glued) <= starts
    assert after_wa in starts


def test_suggest_never_inside_a_longer_name(seed_text):
    annotations = labelled_once(seed_text, "حلب", "GPE", after="غربي مدينة")
    inside = seed_text.index("كفرحلب")

    found = suggestions_for(seed_text, annotations)

    assert all(not (inside <= s.start < inside + 6) for s in found)
    labelled = (annotations.spans[0].start, annotations.spans[0].end)
    expected = [
        m.span(1) for m in re.finditer(r"(?<!\w)[وفبلك]?(حلب)(?!\w)", seed_text)
    ]
    assert [(s.start, s.end) for s in found] == [
        span for span in expected if span != labelled
    ]


def test_suggest_include_convention_covers_the_proclitic_too(seed_text):
    found = suggestions_for(
        seed_text, labelled_once(seed_text, FORCES, "ORG"), convention="include"
    )

    glued = seed_text.index("لقوات النظام")
    assert (glued, glued + len("لقوات النظام")) in {(s.start, s.end) for s in found}


def test_suggest_matches_diacritics_and_tatweel_with_exact_offsets():
    decorated = "قُوّاتُ النِّـظامِ"
    text = f"قصفت قوات النظام البلدة، ثم انسحبت {decorated} منها."
    annotations = labelled_once(text, FORCES, "ORG")

    (found,) = suggestions_for(text, annotations)

    assert text[found.start : found.end] == decorated


def test_suggest_assimilated_article_after_lam():
    text = "هيئة التحرير تعمل. وأعلنت جبهة للتحرير أمس."
    annotations = labelled_once(text, "التحرير", "ORG")

    (found,) = suggestions_for(text, annotations)

    assert text[found.start : found.end] == "لتحرير"
    assert text[found.start - 1 : found.end] == "للتحرير"


def test_suggest_rule_learned_from_an_include_span_drops_its_proclitic(seed_text):
    start = seed_text.index("لقوات النظام")
    span = Span("T1", start, start + len("لقوات النظام"), "ORG")

    assert rule_for(seed_text, span) == Rule(FORCES, "ORG")


def test_suggest_rule_too_short_is_none():
    assert rule_for("و حلب", Span("T1", 0, 1, "ORG")) is None


def test_suggest_rejected_places_stay_hidden(seed_text):
    annotations = labelled_once(seed_text, FORCES, "ORG")
    first, *rest = suggestions_for(seed_text, annotations)

    found = suggestions_for(seed_text, annotations, rejected={first.place})

    assert found == rest


def test_visible_hides_same_label_overlaps_exact_places_and_duplicates():
    spans = [Span("T1", 0, 10, "ORG"), Span("T2", 20, 25, "PER")]
    annotations = Annotations("d", "amal", spans=spans)
    suggestions = [
        Suggestion("d", 5, 12, "ORG"),  # overlaps an ORG span
        Suggestion("d", 5, 12, "GPE"),  # overlaps, other label: shown
        Suggestion("d", 20, 25, "ORG"),  # exactly a PER span's place
        Suggestion("d", 30, 35, "ORG"),
        Suggestion("d", 30, 35, "ORG", "model"),  # duplicate place
    ]

    assert visible(suggestions, annotations) == [
        Suggestion("d", 5, 12, "GPE"),
        Suggestion("d", 30, 35, "ORG"),
    ]


def test_reject_command_records_undoes_and_persists(project_path, seed_text):
    store = ProjectStore.open(project_path)
    store.add_document(seed_document(seed_text))
    suggestion = Suggestion("seed", 10, 20, "ORG")

    command = reject("amal", suggestion)
    command.do(store)
    command.do(store)  # idempotent
    store.close()

    store = ProjectStore.open(project_path)
    assert rejected_in(store, "amal", "seed") == {(10, 20, "ORG")}
    assert rejected_in(store, "omar", "seed") == set()
    command.undo(store)
    assert rejected_in(store, "amal", "seed") == set()
    store.close()


def test_accept_turns_a_suggestion_into_a_span(store, seed_text):
    store.add_document(seed_document(seed_text))
    editor = Editor(store, "seed", "amal")
    first = labelled_once(seed_text, FORCES, "ORG").spans[0]
    editor.add_span(first.start, first.end, "ORG").do(store)
    rules = learn_rules(store, "amal")
    index = SuggestionIndex.from_store(store)
    suggestion = document_suggestions(store, index, "seed", "amal", rules)[0]

    accept(editor, suggestion).do(store)

    spans = store.annotations("seed", "amal").spans
    assert (suggestion.start, suggestion.end, "ORG") in {
        (s.start, s.end, s.label) for s in spans
    }
    assert suggestion not in document_suggestions(store, index, "seed", "amal", rules)
    assert len(document_suggestions(store, index, "seed", "amal", rules)) == 9


def test_accept_refuses_a_suggestion_of_another_document(store, seed_text):
    store.add_document(seed_document(seed_text))

    with pytest.raises(ValidationError, match="another document"):
        accept(Editor(store, "seed", "amal"), Suggestion("elsewhere", 0, 3, "ORG"))


def test_suggestions_are_never_stored_as_spans(store, seed_text):
    store.add_document(seed_document(seed_text))
    first = labelled_once(seed_text, FORCES, "ORG").spans[0]
    Editor(store, "seed", "amal").add_span(first.start, first.end, "ORG").do(store)
    save_model_suggestions(store, "amal", "seed", [(0, 4, "PER")], "tiny")
    index = SuggestionIndex.from_store(store)

    shown = document_suggestions(
        store, index, "seed", "amal", learn_rules(store, "amal")
    )

    assert len(shown) == 11 and store.count("spans") == 1
    assert Suggestion("seed", 0, 4, "PER", "model") in shown


def test_document_suggestions_hide_rejected_model_suggestions(store, seed_text):
    store.add_document(seed_document(seed_text))
    save_model_suggestions(
        store, "amal", "seed", [(0, 4, "PER"), (5, 10, "ORG")], "tiny"
    )
    reject("amal", Suggestion("seed", 0, 4, "PER", "model")).do(store)

    shown = document_suggestions(
        store, SuggestionIndex.from_store(store), "seed", "amal", []
    )

    assert shown == [Suggestion("seed", 5, 10, "ORG", "model")]


def test_model_suggestions_round_trip_and_damage(store):
    save_model_suggestions(
        store, "amal", "d1", [(5, 9, "GPE"), (0, 4, "PER"), (0, 4, "PER")], "m"
    )

    assert model_suggestions(store, "amal", "d1") == [
        Suggestion("d1", 0, 4, "PER", "model"),
        Suggestion("d1", 5, 9, "GPE", "model"),
    ]
    assert model_suggestions(store, "omar", "d1") == []
    save_model_suggestions(store, "amal", "d1", [(1, 3, "ORG")], "m2")  # replaces
    assert model_suggestions(store, "amal", "d1") == [Suggestion("d1", 1, 3, "ORG", "model")]


def test_learn_rules_reads_entity_spans_of_one_annotator(store, seed_text):
    store.add_document(seed_document(seed_text))
    editor = Editor(store, "seed", "amal")
    for phrase, label in [
        ("لقوات النظام", "ORG"),
        ("أعلنت", "CUE"),
        ("الإسمنت", "FAC"),
    ]:
        start = seed_text.index(phrase)
        editor.add_span(start, start + len(phrase), label).do(store)

    assert learn_rules(store, "amal") == {Rule(FORCES, "ORG"), Rule("الاسمنت", "FAC")}
    assert learn_rules(store, "omar") == set()


def corpus(seed_text: str) -> list[Document]:
    paragraphs = seed_text.split("\n\n")
    documents = [Document("seed", seed_text)]
    for number in range(1, 6):
        body = paragraphs[number:] + paragraphs[:number]
        documents.append(Document(f"d{number}", "\n\n".join(body)))
    documents.append(Document("plain", "لا شيء هنا سوى كفرحلب وقواتنا"))
    return documents


@pytest.mark.parametrize(
    "phrase, label",
    [
        (FORCES, "ORG"),
        ("حلب", "GPE"),
        ("ريف حلب الجنوبي", "LOC"),
        ("الميليشيات", "ORG"),
        ("”هيئة", "ORG"),
        ("٢٠٢٠", "TIME"),
        ("التحرير", "ORG"),
    ],
)
def test_suggestion_index_matches_equal_document_by_document_search(
    seed_text, phrase, label
):
    rule = Rule(normalise_query(phrase), label)
    documents = corpus(seed_text)
    index = SuggestionIndex.build(documents)

    expected = [
        Suggestion(d.id, s, e, rule.label)
        for d in documents
        for s, e in word_matches(NormalisedText.of(d.text), rule.text)
    ]

    assert expected and index.matches(rule) == expected


def test_suggestion_index_for_document_equals_suggest_for_document(seed_text):
    documents = corpus(seed_text)
    index = SuggestionIndex.build(documents)
    annotations = labelled_once(seed_text, FORCES, "ORG")
    rules = [Rule(FORCES, "ORG"), Rule("حلب", "GPE")]

    assert index.for_document("seed", rules, annotations) == suggest_for_document(
        documents[0], annotations, rules
    )
    with pytest.raises(ProjectError, match="not in the search index"):
        index.for_document("nowhere", rules)


def test_suggestion_index_refuses_a_document_twice(seed_text):
    index = SuggestionIndex.build([seed_document(seed_text)])

    with pytest.raises(ValidationError, match="already"):
        index.add_document(seed_document(seed_text))


def test_suggestion_index_documents_matching_and_lexicon(seed_text):
    index = SuggestionIndex.build(corpus(seed_text))

    assert index.documents_matching("الاسمنت") == {"seed", "d1", "d2", "d3", "d4", "d5"}
    assert index.documents_matching("كفرحلب") == set(index._ids)
    assert index.lexicon().count("قوات") == 6
    assert index.lexicon().count("بنان") == 0
