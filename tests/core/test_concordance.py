"""The concordance without Qt: corpus-wide hits with context and labels, and one
decision on many hits as one undoable edit (issue 14, item 5)."""

from __future__ import annotations

import pytest

from annotator.core import concordance as concordance_module
from annotator.core.concordance import (
    CorpusEdit,
    concordance,
    find_hits,
    label_hits,
    unlabel_hits,
)
from annotator.core.model import Annotations, Document, Event, Span
from annotator.core.progress import Progress
from annotator.core.search import (
    CorpusIndex,
    normalisation_settings,
    set_clitic_convention,
)
from annotator.core.session import Session
from annotator.errors import AnnotatorError
from tests.helpers import at

A = "قصفت الطائرات مدينة حلب صباح اليوم، ووصل الوفد إلى حلب مساءً."
B = "عاد النازحون لحَلَب بعد أسبوع، ولم يعودوا إلى كفرحلب."
C = "لا ذكر للمدينة في هذا الخبر عن دمشق."
D = "هجوم على حلب أوقع ضحايا."


@pytest.fixture
def corpus(store):
    for doc_id, text in (("a", A), ("b", B), ("c", C), ("d", D)):
        store.add_document(Document(doc_id, text, {"title": f"title {doc_id}"}))
    return store


def places(found):
    return [(h.document_id, h.start, h.end) for h in found.hits]


def test_concordance_lists_every_word_hit_across_documents_in_original_offsets(corpus):
    found = find_hits(corpus, "حلب", "amal")

    diacritised = B.index("حَلَب")
    assert places(found) == [
        ("a", *at(A, "حلب")),
        ("a", *at(A, "حلب", "الوفد")),
        (
            "b",
            diacritised,
            diacritised + len("حَلَب"),
        ),  # after the proclitic ل, marks kept
        ("d", *at(D, "حلب")),
    ]  # not inside «كفرحلب»
    assert found.total == 4 and not found.truncated
    assert {h.title for h in found.hits} == {"title a", "title b", "title d"}


def test_concordance_anywhere_is_the_find_bars_matching(corpus):
    found = find_hits(corpus, "حلب", "amal", whole_words=False)

    inside = B.index("كفرحلب") + len("كفر")
    assert ("b", inside, inside + 3) in places(found)
    assert found.total == 5


def test_concordance_gives_context_on_one_line(corpus):
    corpus.add_document(Document("e", "سطر أول\n\nفيه حلب\nثم سطر"))

    (hit,) = find_hits(corpus, "حلب", "amal", context=9).hits[-1:]

    assert (hit.before, hit.text, hit.after) == (
        "أول فيه ",
        "حلب",
        " ثم سطر",
    )  # the blank line is one space


def test_concordance_shows_the_annotators_own_spans_on_each_hit(corpus):
    start, end = at(A, "مدينة حلب")
    corpus.replace_annotations(
        Annotations(
            "a",
            "amal",
            spans=[Span("T1", start, end, "GPE"), Span("T2", *at(A, "حلب"), "LOC")],
        )
    )
    corpus.replace_annotations(
        Annotations("a", "omar", spans=[Span("T1", *at(A, "حلب"), "PER")])
    )

    first, second, *_ = find_hits(corpus, "حلب", "amal").hits

    assert first.labels == ("GPE", "LOC")  # around it, then exactly on it
    assert [s.id for s in first.exact()] == ["T2"]
    assert second.labels == ()  # omar's labels are not amal's


def test_concordance_under_the_include_convention_takes_the_proclitic(corpus):
    set_clitic_convention(corpus, "include")

    hit = next(h for h in find_hits(corpus, "حلب", "amal").hits if h.document_id == "b")

    assert hit.text == "لحَلَب"


def test_concordance_keeps_the_first_hits_and_counts_them_all(corpus):
    found = find_hits(corpus, "حلب", "amal", limit=2)

    assert found.total == 4 and found.truncated
    assert places(found) == [("a", *at(A, "حلب")), ("a", *at(A, "حلب", "الوفد"))]


def test_concordance_from_an_index_finds_what_a_scan_finds(corpus):
    index = CorpusIndex.build(corpus.documents(), normalisation_settings(corpus))

    for whole_words in (True, False):
        scanned = find_hits(corpus, "حلب", "amal", whole_words=whole_words)
        indexed = find_hits(corpus, "حلب", "amal", whole_words=whole_words, index=index)
        assert indexed == scanned


def test_concordance_reports_progress_while_scanning(corpus, monkeypatch):
    monkeypatch.setattr(concordance_module, "PROGRESS_EVERY", 2)

    reports = list(concordance(corpus, "حلب", "amal"))

    assert all(isinstance(r, Progress) for r in reports)
    assert [(r.done, r.total) for r in reports] == [(2, 4), (4, 4), (4, 4)]


def test_concordance_empty_query_finds_nothing(corpus):
    assert find_hits(corpus, "  ", "amal").total == 0


# --- deciding ----------------------------------------------------------------------------
def test_label_hits_is_one_command_over_every_document(corpus):
    hits = find_hits(corpus, "حلب", "amal").hits

    command, refused = label_hits(corpus, "amal", hits, "GPE")
    corpus_session = Session(corpus, "amal")
    corpus_session.apply(command)

    assert refused == [] and isinstance(command, CorpusEdit)
    assert str(command.name) == "Label hits GPE (4)"
    for hit in hits:
        spans = corpus.annotations(hit.document_id, "amal").spans
        assert (hit.start, hit.end, "GPE") in {(s.start, s.end, s.label) for s in spans}
    corpus_session.undo()
    assert all(corpus.annotations(d, "amal").spans == [] for d in "abd")


def test_label_hits_relabels_a_span_exactly_on_the_hit_and_skips_those_labelled(corpus):
    corpus.replace_annotations(
        Annotations(
            "a",
            "amal",
            spans=[
                Span("T1", *at(A, "حلب"), "LOC"),
                Span("T2", *at(A, "حلب", "الوفد"), "GPE"),
            ],
        )
    )
    hits = [h for h in find_hits(corpus, "حلب", "amal").hits if h.document_id == "a"]

    command, _ = label_hits(corpus, "amal", hits, "GPE")
    command.do(corpus)

    spans = corpus.annotations("a", "amal").spans
    assert sorted((s.id, s.label) for s in spans) == [("T1", "GPE"), ("T2", "GPE")]
    assert str(command.name) == "Label hits GPE (1)"


def test_label_hits_with_an_event_type_makes_the_event(corpus):
    hit = find_hits(corpus, "هجوم", "amal").hits[0]

    command, _ = label_hits(corpus, "amal", [hit], "Conflict.Attack")
    command.do(corpus)

    work = corpus.annotations("d", "amal")
    assert [(e.type, e.trigger) for e in work.events] == [
        ("Conflict.Attack", work.spans[0].id)
    ]


def test_label_hits_refuses_a_hit_the_schema_refuses_and_labels_the_others(corpus):
    corpus.replace_annotations(
        Annotations(
            "d",
            "amal",
            spans=[Span("T1", *at(D, "هجوم على"), "Conflict.Attack")],
            events=[Event("E1", "Conflict.Attack", "T1")],
        )
    )
    corpus.add_document(Document("e", "هجوم جديد"))
    hits = find_hits(corpus, "هجوم", "amal").hits

    command, refused = label_hits(corpus, "amal", hits, "Conflict.Attack")

    assert [r.hit.document_id for r in refused] == ["d"]
    assert "overlap" in refused[0].reason
    assert command.document_id == "e" and command.elsewhere == []


def test_unlabel_hits_deletes_spans_on_the_hits_only(corpus):
    corpus.replace_annotations(
        Annotations(
            "a",
            "amal",
            spans=[
                Span("T1", *at(A, "مدينة حلب"), "GPE"),
                Span("T2", *at(A, "حلب"), "GPE"),
            ],
        )
    )
    hits = find_hits(corpus, "حلب", "amal").hits

    command, _ = unlabel_hits(corpus, "amal", hits)
    command.do(corpus)

    assert [s.id for s in corpus.annotations("a", "amal").spans] == ["T1"]
    assert str(command.name) == "Delete the labels of hits (1)"


def test_label_hits_leaves_nothing_to_do_as_no_command(corpus):
    corpus.replace_annotations(
        Annotations("c", "amal", spans=[Span("T1", *at(C, "دمشق"), "GPE")])
    )
    hits = find_hits(corpus, "دمشق", "amal").hits

    assert label_hits(corpus, "amal", hits, "GPE") == (None, [])


def test_session_keeps_the_open_document_open_through_a_corpus_edit_and_its_undo(
    corpus,
):
    session = Session(corpus, "amal")
    session.open("b")
    hits = find_hits(corpus, "حلب", "amal").hits
    command, _ = label_hits(
        corpus, "amal", hits, "GPE", (session.document, session.annotations)
    )

    change = session.apply(command)

    assert session.document.id == "b" and not change.opened
    assert [s.label for s in change.added] == [
        "GPE"
    ]  # the open document's part, patched
    assert session.annotations.spans == corpus.annotations("b", "amal").spans
    assert len(corpus.annotations("a", "amal").spans) == 2
    undone = session.undo()
    assert session.document.id == "b" and not undone.opened
    assert session.annotations.spans == []
    assert all(corpus.annotations(d, "amal").spans == [] for d in "abd")
    session.redo()
    assert (
        len(corpus.annotations("a", "amal").spans) == 2
        and len(session.annotations.spans) == 1
    )


def test_a_corpus_edit_refused_by_the_file_changes_no_document(corpus):
    hits = find_hits(corpus, "حلب", "amal").hits
    command, _ = label_hits(corpus, "amal", hits, "GPE")
    session = Session(corpus, "amal")
    session.apply(command)
    # another window deletes one of the labels; the undo reaches it last (its documents
    # are undone in reverse), after b and d were undone in the same transaction
    corpus.delete_item(
        "spans", "a", "amal", corpus.annotations("a", "amal").spans[0].id
    )

    with pytest.raises(AnnotatorError, match="changed by another window"):
        session.undo()

    assert [len(corpus.annotations(d, "amal").spans) for d in "abd"] == [1, 1, 1]
    assert session.undo_name() == command.name  # still there to undo
