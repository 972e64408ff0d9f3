from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.core.adjudication import (
    GOLD,
    RejectCandidateCommand,
    accept,
    agreed,
    candidates,
)
from annotator.core.model import Document
from tests.helpers import seed_annotations

DOC = "aleppo"


@pytest.fixture
def three(store, seed_text):
    store.add_document(Document(DOC, seed_text))
    amal = seed_annotations(seed_text, DOC, "amal")
    badr = seed_annotations(seed_text, DOC, "badr")
    badr.spans[3] = replace(badr.spans[3], label="LOC")  # حلب: GPE vs LOC, but Place allows LOC
    carim = seed_annotations(seed_text, DOC, "carim")
    carim.spans = [s for s in carim.spans if s.id != "T7"]  # no nested PER mention
    for work in (amal, badr, carim):
        store.replace_annotations(work)
    return store


def _by_label(cands, label, kind="span"):
    return [c for c in cands if c.label == label and c.kind == kind]


def test_adjudication_candidates_show_agreement_and_conflict(three):
    cands = candidates(three, DOC)
    (gpe,) = _by_label(cands, "GPE")
    (loc,) = _by_label(cands, "LOC")
    assert gpe.agreement == loc.agreement == "conflict"
    assert gpe.annotators == ("amal", "carim") and loc.annotators == ("badr",)
    (per,) = _by_label(cands, "PER")
    assert per.agreement == "some" and per.annotators == ("amal", "badr")
    (cue,) = _by_label(cands, "CUE")
    assert cue.agreement == "all"
    assert len(_by_label(cands, "Conflict.Attack", "event")) == 2  # the Place argument differs


def test_adjudication_accept_all_agreed_then_undo(three):
    done = []

    def apply(command):
        command.do(three)
        done.append(command)

    for candidate in agreed(candidates(three, DOC)):
        accept(three, candidate, apply)
    gold = three.annotations(DOC, GOLD)
    labels = sorted(s.label for s in gold.spans)
    assert "GPE" not in labels and "LOC" not in labels and "PER" not in labels
    assert labels.count("ORG") == 4 and gold.attributions and not gold.events
    assert not agreed(candidates(three, DOC))  # nothing agreed is left to accept
    for command in reversed(done):
        command.undo(three)
    assert three.annotations(DOC, GOLD).is_empty()


def test_adjudication_accepting_event_copies_its_spans(three):
    event = _by_label(candidates(three, DOC), "Conflict.Attack", "event")[0]
    accept(three, event, lambda command: command.do(three))
    gold = three.annotations(DOC, GOLD)
    (copied,) = gold.events
    assert len(copied.arguments) == 3 and len(gold.spans) == 4
    assert next(c for c in candidates(three, DOC) if c.key == event.key).in_gold


def test_adjudication_reject_is_recorded_and_undoable(three):
    candidate = _by_label(candidates(three, DOC), "LOC")[0]
    command = RejectCandidateCommand(DOC, candidate.key)
    command.do(three)
    assert _by_label(candidates(three, DOC), "LOC")[0].rejected
    command.undo(three)
    assert not _by_label(candidates(three, DOC), "LOC")[0].rejected


def test_adjudication_agreement_matches_a_pass_over_every_pair(store, seed_text):
    import random

    from annotator.core.model import Annotations, Span

    store.add_document(Document(DOC, seed_text))
    rng = random.Random(5)
    for name in ("amal", "badr", "carim"):
        spans = []
        for n in range(60):
            start = rng.randrange(0, 400)
            spans.append(Span(f"T{n + 1}", start, start + rng.randrange(1, 30), rng.choice(["PER", "ORG", "GPE"])))
        store.replace_annotations(Annotations(DOC, name, spans=spans))
    found = candidates(store, DOC)

    def brute(candidate):  # the definition, item by item
        if set(candidate.annotators) == {"amal", "badr", "carim"}:
            return "all"
        for other in found:
            if other is not candidate and other.kind == candidate.kind and other.start < candidate.end \
                    and candidate.start < other.end and not set(candidate.annotators) & set(other.annotators):
                return "conflict"
        return "some"

    assert [c.agreement for c in found] == [brute(c) for c in found]
    assert {"all", "some", "conflict"} >= {c.agreement for c in found} and len(found) > 100
