"""The project report end to end, on stores built in the tests from the seed article."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from annotator.agreement import (
    AgreementJob,
    agreement_report,
    base_tokens,
    compute_agreement,
    render_agreement,
    split_tokens,
    token_categories,
)
from annotator.core.model import Annotations, Document, Status
from annotator.core.progress import Progress
from tests.helpers import seed_annotations

NAMES = ["amal", "badr", "carim"]
ENTITY = {"ORG", "GPE", "PER", "LOC"}


def perturbed(
    text: str, document_id: str, annotator: str, status: Status = Status.DONE
) -> Annotations:
    """The seed annotation, changed per annotator: amal as is; badr shifts the start of
    T1 (ORG) and calls T4 (حلب) LOC; carim drops T7 (PER) and ends T9 (ORG) a letter early."""
    work = seed_annotations(text, document_id, annotator)
    work.status = status
    by_id = {s.id: i for i, s in enumerate(work.spans)}
    if annotator == "badr":
        t1 = work.spans[by_id["T1"]]
        work.spans[by_id["T1"]] = replace(t1, start=t1.start + 1)
        work.spans[by_id["T4"]] = replace(work.spans[by_id["T4"]], label="LOC")
    if annotator == "carim":
        t9 = work.spans[by_id["T9"]]
        work.spans[by_id["T9"]] = replace(t9, end=t9.end - 1)
        work.spans = [s for s in work.spans if s.id != "T7"]
    return work


@pytest.fixture
def three(store, seed_text):
    """d1: all three done. d2: amal and badr done, carim still working."""
    for doc in ("d1", "d2"):
        store.add_document(Document(doc, seed_text, {"title": f"Aleppo {doc}"}))
        for name in NAMES:
            unfinished = doc == "d2" and name == "carim"
            status = Status.IN_PROGRESS if unfinished else Status.DONE
            store.replace_annotations(perturbed(seed_text, doc, name, status))
    return store


def pair(report: dict, a: str, b: str) -> dict:
    return next(p for p in report["pairs"] if (p["a"], p["b"]) == (a, b))


def test_report_end_to_end_shape_and_span_figures(three):
    report = agreement_report(three)
    json.dumps(report)  # plain data all the way down
    assert report["annotators"] == NAMES and report["documents"] == 2
    for key in (
        "pairs",
        "token_fleiss_kappa",
        "token_krippendorff_alpha",
        "unitizing_alpha",
        "events",
        "attributions",
        "confusion",
        "documents_ranked",
        "notes",
    ):
        assert key in report
    ab = pair(report, "amal", "badr")
    assert ab["documents"] == 2
    # six entity spans each per document; T1 shifted and T4 relabelled
    assert ab["span_exact"] == {
        "precision": 4 / 6,
        "recall": 4 / 6,
        "f1": 4 / 6,
        "matched": 8,
        "count_a": 12,
        "count_b": 12,
    }
    assert ab["span_overlap"]["matched"] == 10  # the shifted T1 overlaps; LOC is no GPE
    assert ab["per_label"]["GPE"] == {
        "span_exact_f1": 0.0,
        "span_overlap_f1": 0.0,
        "count_a": 2,
        "count_b": 0,
    }
    assert ab["confusion"]["GPE"] == {"LOC": 2}
    ac = pair(report, "amal", "carim")
    assert ac["documents"] == 1  # carim has not finished d2
    assert (
        ac["span_exact"]["recall"] == 4 / 6 and ac["span_exact"]["precision"] == 4 / 5
    )
    assert ac["span_overlap"]["matched"] == 5  # T9 ends early but overlaps
    assert ac["confusion"]["PER"] == {"(none)": 1}


def test_report_token_figures_pool_documents_like_the_references(three, seed_text):
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    krippendorff = pytest.importorskip("krippendorff")
    report = agreement_report(three)
    tokens = base_tokens(Document("x", seed_text))
    work = {(d, n): perturbed(seed_text, d, n) for d in ("d1", "d2") for n in NAMES}
    spans = {
        k: [(s.start, s.end, s.label) for s in w.spans if s.label in ENTITY]
        for k, w in work.items()
    }

    def categories(doc: str, names: list[str]) -> list[list[str]]:
        cut = split_tokens(tokens, [spans[doc, n] for n in names])
        return [token_categories(cut, spans[doc, n]) for n in names]

    a, b = [], []
    for doc in ("d1", "d2"):
        first, second = categories(doc, ["amal", "badr"])
        a += first
        b += second
    assert pair(report, "amal", "badr")["token_cohen_kappa"] == pytest.approx(
        sklearn_metrics.cohen_kappa_score(a, b), abs=1e-9
    )
    everyone = categories("d1", NAMES)  # only d1 is finished by all three
    table, _ = inter_rater.aggregate_raters(np.array(list(zip(*everyone))))
    assert report["token_fleiss_kappa"] == pytest.approx(
        inter_rater.fleiss_kappa(table), abs=1e-9
    )
    # alpha: d2 counts too, carim missing there
    two = categories("d2", ["amal", "badr"])
    codes = {
        c: i for i, c in enumerate(sorted({c for row in everyone + two for c in row}))
    }
    rows = [
        [codes[c] for c in everyone[i]]
        + ([codes[c] for c in two[i]] if i < 2 else [np.nan] * len(two[0]))
        for i in range(3)
    ]
    reference = krippendorff.alpha(
        reliability_data=np.array(rows, dtype=float), level_of_measurement="nominal"
    )
    assert report["token_krippendorff_alpha"] == pytest.approx(reference, abs=1e-9)
    assert report["group"]["fleiss"]["documents"] == 1
    assert report["group"]["krippendorff"]["documents"] == 2


def test_report_events_attributions_unitizing_and_ranking(three):
    report = agreement_report(three)
    events = report["events"]["pairs"][0]
    assert (events["a"], events["b"]) == ("amal", "badr")
    assert events["trigger_exact"]["f1"] == 1.0
    assert (
        events["argument_exact"]["matched"] == 4
    )  # Attacker (T1) shifted in 2 documents
    assert events["argument_overlap"]["f1"] == 1.0
    attributions = report["attributions"]["pairs"][0]
    assert attributions["cue_exact"]["f1"] == 1.0
    assert (
        attributions["source_exact"]["f1"] == 0.0
        and attributions["source_overlap"]["f1"] == 1.0
    )
    assert report["unitizing_alpha"]["ORG"] is not None
    assert report["unitizing_alpha"]["LOC"] < 0  # only badr marks LOC
    ranked = report["documents_ranked"]
    assert [row["document"] for row in ranked] == [
        "d1",
        "d2",
    ]  # d1 has carim's changes too
    assert ranked[0]["span_exact_f1"] < ranked[1]["span_exact_f1"]
    assert ranked[1]["annotators"] == ["amal", "badr"]


def test_report_pair_with_no_documents_in_common_is_reported(store, seed_text):
    for doc, name in (("d1", "amal"), ("d2", "badr")):
        store.add_document(Document(doc, seed_text))
        store.replace_annotations(perturbed(seed_text, doc, name))
    report = agreement_report(store)
    (only,) = report["pairs"]
    assert only["documents"] == 0 and only["span_exact"]["f1"] is None
    assert only["token_cohen_kappa"] is None
    assert {
        "where": "/pairs/0",
        "reason": "amal and badr have no document in common that both marked done",
    } in report["notes"]
    assert report["documents"] == 0 and report["token_fleiss_kappa"] is None
    text = render_agreement(report)
    assert "null[1]" in text and "no document in common" in text


def test_report_include_unfinished_uses_documents_both_touched(three):
    done = pair(agreement_report(three), "amal", "carim")
    touched = pair(agreement_report(three, include_unfinished=True), "amal", "carim")
    assert (done["documents"], touched["documents"]) == (1, 2)


def test_report_one_category_gives_null_with_a_reason(store, seed_text):
    store.add_document(Document("d1", seed_text))
    for name in ("amal", "badr"):
        store.replace_annotations(Annotations("d1", name, Status.DONE))
    report = agreement_report(store)
    (only,) = report["pairs"]
    assert only["token_cohen_kappa"] is None
    reasons = {n["where"]: n["reason"] for n in report["notes"]}
    assert "only one category (O)" in reasons["/pairs/0/token_cohen_kappa"]
    assert (
        reasons["/pairs/0/span_exact"] == "neither amal nor badr marked any entity span"
    )
    assert report["token_fleiss_kappa"] is None and "/token_fleiss_kappa" in reasons
    assert report["token_krippendorff_alpha"] is None
    assert report["unitizing_alpha_overall"] is None and report["unitizing_alpha"] == {}
    row = report["documents_ranked"][0]
    assert (
        row["token_cohen_kappa"] is None
        and "only one category" in row["notes"]["token_cohen_kappa"]
    )
    text = render_agreement(report)
    assert "only one category (O)" in text and "null[" in text


def test_report_a_missing_annotator_is_missing_not_disagreeing(store, seed_text):
    """carim never finishes: alpha is amal/badr's alone, Fleiss has no document."""
    store.add_document(Document("d1", seed_text))
    for name in NAMES:
        status = Status.IN_PROGRESS if name == "carim" else Status.DONE
        store.replace_annotations(perturbed(seed_text, "d1", name, status))
    three = agreement_report(store)
    two = agreement_report(store, ["amal", "badr"])
    assert three["token_krippendorff_alpha"] == pytest.approx(
        two["token_krippendorff_alpha"]
    )
    assert three["token_fleiss_kappa"] is None and two["token_fleiss_kappa"] is not None


def test_report_job_yields_progress_then_holds_the_report(three):
    job = AgreementJob(three)
    steps = list(job.run())
    assert all(isinstance(s, Progress) for s in steps)
    assert (steps[0].done, steps[-1].done, steps[-1].total) == (0, 2, 2)
    generator = compute_agreement(three)
    with pytest.raises(StopIteration) as stop:
        while True:
            next(generator)
    assert stop.value.value == job.report


def test_report_default_annotators_leave_out_gold(three, seed_text):
    three.replace_annotations(perturbed(seed_text, "d1", "gold"))
    assert agreement_report(three)["annotators"] == NAMES
    assert "gold" in agreement_report(three, ["amal", "gold"])["annotators"]


def test_report_fewer_than_two_annotators_is_no_crash(three):
    report = agreement_report(three, ["amal"])
    assert report["pairs"] == [] and report["documents"] == 0
    assert any(n["where"] == "/pairs" for n in report["notes"])
    assert "no pair of annotators" in render_agreement(report)


def test_report_render_shows_tables(three):
    text = render_agreement(agreement_report(three))
    for heading in (
        "Entity spans per pair",
        "All annotators together",
        "Span F1 per label",
        "Events:",
        "Attributions:",
        "Labels of spans matched by position",
        "Documents with the lowest agreement",
    ):
        assert heading in text
    assert "amal / badr" in text and "0.667" in text


def test_report_through_the_command_line(project_path, seed_text, capsys):
    from annotator import cli
    from annotator.storage import ProjectStore

    store = ProjectStore.open(project_path)
    try:
        store.add_document(Document("d1", seed_text))
        for name in NAMES:
            store.replace_annotations(perturbed(seed_text, "d1", name))
    finally:
        store.close()
    assert cli.run(["agreement", str(project_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["annotators"] == NAMES and len(report["pairs"]) == 3
    assert cli.run(["agreement", str(project_path), "--annotators", "amal,badr"]) == 0
    assert "amal / badr" in capsys.readouterr().out


def test_report_keys_match_the_documented_shape(three):
    report = agreement_report(three)
    prf = {"precision", "recall", "f1", "matched", "count_a", "count_b"}
    (first, *_) = report["pairs"]
    assert {
        "a",
        "b",
        "documents",
        "span_exact",
        "span_overlap",
        "token_cohen_kappa",
        "per_label",
        "tokens",
        "confusion",
    } == set(first)
    assert set(first["span_exact"]) == set(first["span_overlap"]) == prf
    assert set(first["per_label"]["ORG"]) == {
        "span_exact_f1",
        "span_overlap_f1",
        "count_a",
        "count_b",
    }
    events = report["events"]["pairs"][0]
    assert set(events) == {
        "a",
        "b",
        "documents",
        "trigger_exact",
        "trigger_overlap",
        "argument_exact",
        "argument_overlap",
    }
    attributions = report["attributions"]["pairs"][0]
    assert set(attributions) == {"a", "b", "documents"} | {
        f"{kind}_{mode}"
        for kind in ("attribution", "source", "cue", "content")
        for mode in ("exact", "overlap")
    }
    assert all(
        set(events[k]) == prf for k in events if k.endswith(("exact", "overlap"))
    )
    assert set(report["group"]) == {"fleiss", "krippendorff", "unitizing"}
    assert set(report["documents_ranked"][0]) == {
        "document",
        "title",
        "annotators",
        "pairs",
        "span_exact_f1",
        "span_overlap_f1",
        "token_cohen_kappa",
        "unitizing_alpha",
        "notes",
    }
