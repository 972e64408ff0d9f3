"""The label confusion matrix: which spans it pairs, seen as a user sees it.

Two annotators' spans are paired one-to-one: same-label overlap matches first (the
matching span F1 uses, exact pairs first, so the diagonal agrees with overlap F1), then
the spans left, across labels; a span left unpaired counts against "(none)". Projects
are made with ``annotator init`` / ``import`` and read back from
``annotator agreement --json`` in processes of their own.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import overlap_matching, span_counts_by_label
from annotator.agreement.matching import confusion_matching
from annotator.agreement.scoring import NONE, confusion
from tests.helpers import run_annotator

TEXT = "كلمة " * 60  # 300 code points
LABELS = ("ORG", "PER", "GPE", "LOC")


def line(document: str, annotator: str, spans: list[tuple[int, int, str]]) -> dict:
    return {
        "id": document,
        "text": TEXT,
        "annotator": annotator,
        "status": "done",
        "spans": [
            {"id": f"T{k}", "start": s, "end": e, "label": label}
            for k, (s, e, label) in enumerate(spans, 1)
        ],
    }


def agreement_json(folder: Path, documents: dict[str, tuple[list, list]]) -> dict:
    """``init``, ``import`` of ua's and ub's spans per document, ``agreement --json``."""
    source = folder / "work.jsonl"
    lines = [
        line(document, name, spans)
        for document, both in documents.items()
        for name, spans in zip(("ua", "ub"), both)
    ]
    source.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
        encoding="utf-8",
    )
    project = folder / "p.sqlite"
    for args in (("init", project), ("import", project, source)):
        done = run_annotator(*args)
        assert done.returncode == 0, done.stderr
    done = run_annotator("agreement", project, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- hand-counted cases, from outside --------------------------------------------------
CASES = {
    # the tester's case: identical ORG spans, PER spans that overlap each other (and the
    # ORG span): ORG with ORG and PER with PER, no confusion
    "cross": (
        [(30, 90, "ORG"), (75, 145, "PER")],
        [(30, 90, "ORG"), (70, 150, "PER")],
    ),
    # a PER nested in an ORG by both; a LOC that ub calls GPE, a little shorter
    "nested": (
        [(0, 40, "ORG"), (0, 15, "PER"), (50, 60, "LOC")],
        [(0, 40, "ORG"), (2, 15, "PER"), (52, 60, "GPE")],
    ),
    # an exact pair and a relabelled span overlapping its partner's neighbour: the exact
    # pair stays, the relabelled spans are the confusion
    "relabelled": (
        [(100, 120, "ORG"), (110, 130, "PER")],
        [(100, 120, "ORG"), (105, 130, "GPE")],
    ),
    # ub's PER at ua's ORG's offsets and ub's ORG overlapping it: the same label wins
    # (as overlap F1 counts it), the PER is ub's alone; ua's LOC has no partner
    "label first": (
        [(160, 170, "ORG"), (200, 210, "LOC")],
        [(160, 170, "PER"), (165, 175, "ORG")],
    ),
}
EXPECTED = {
    "cross": {"ORG": {"ORG": 1}, "PER": {"PER": 1}},
    "nested": {"ORG": {"ORG": 1}, "PER": {"PER": 1}, "LOC": {"GPE": 1}},
    "relabelled": {"ORG": {"ORG": 1}, "PER": {"GPE": 1}},
    "label first": {"ORG": {"ORG": 1}, "LOC": {NONE: 1}, NONE: {"PER": 1}},
}


def merged(*matrices: dict) -> dict:
    total: Counter = Counter()
    for matrix in matrices:
        total.update({(r, c): n for r, row in matrix.items() for c, n in row.items()})
    out: dict = {}
    for (r, c), n in total.items():
        out.setdefault(r, {})[c] = n
    return out


def test_confusion_pairs_identical_spans_with_each_other_in_every_hand_case(tmp_path):
    for name, both in CASES.items():
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        report = agreement_json(folder, {name: both})
        (pair,) = report["pairs"]
        assert pair["confusion"] == EXPECTED[name], name
        assert report["confusion"] == EXPECTED[name], name


def test_confusion_pools_the_hand_cases_over_documents_and_the_text_shows_it(tmp_path):
    report = agreement_json(tmp_path, CASES)
    assert report["confusion"] == merged(*EXPECTED.values())
    (pair,) = report["pairs"]
    diagonal = sum(row.get(label, 0) for label, row in pair["confusion"].items())
    assert diagonal == pair["span_overlap"]["matched"] == 6
    text = run_annotator("agreement", tmp_path / "p.sqlite")
    assert text.returncode == 0, text.stderr
    assert text_matrix(text.stdout) == {
        "LOC": {"GPE": "1", NONE: "1"},
        "ORG": {"ORG": "4"},
        "PER": {"GPE": "1", "PER": "2"},
        NONE: {"PER": "1"},
    }


def text_matrix(stdout: str) -> dict[str, dict[str, str]]:
    """The matrix of the text report, cells read under their (right-aligned) headings."""
    table = stdout.split("Labels of spans matched", 1)[1].split("\n\n", 1)[0]
    header, *rows = table.splitlines()[1:]
    columns = header.split()[3:]  # "a \\ b" takes three words
    ends = {c: header.index(f" {c}") + 1 + len(c) for c in columns}
    return {
        row.split()[0]: {
            c: cell
            for c in columns
            if (cell := row[ends[c] - len(c) : ends[c]].strip())
        }
        for row in rows
        if row.strip()
    }


# --- a property, from outside: the diagonal is the exact same-label matches ------------
def random_corpus(seed: int, documents: int = 25) -> dict[str, tuple[list, list]]:
    """Spans anywhere, nested and crossing; ub copies some of ua's, and otherwise never
    puts a span of ua's label over one of ua's spans unless at the very same offsets,
    so every same-label match is exact."""
    rng = random.Random(seed)

    def span() -> tuple[int, int, str]:
        start = rng.randrange(0, 280)
        return (
            start,
            rng.randrange(start + 1, min(start + 60, 300) + 1),
            rng.choice(LABELS),
        )

    corpus = {}
    for d in range(documents):
        spans_a = list(dict.fromkeys(span() for _ in range(rng.randrange(2, 8))))
        spans_b = [s for s in spans_a if rng.random() < 0.5]
        for _ in range(rng.randrange(2, 8)):
            s, e, label = span()
            clash = any(
                label == la and s < ea and sa < e and (s, e) != (sa, ea)
                for sa, ea, la in spans_a
            )
            if not clash and (s, e, label) not in spans_b:
                spans_b.append((s, e, label))
        corpus[f"r{d}"] = (spans_a, spans_b)
    return corpus


def test_confusion_diagonal_is_the_exact_same_label_matches_on_random_work(tmp_path):
    corpus = random_corpus(seed=20261129)
    report = agreement_json(tmp_path, corpus)
    (pair,) = report["pairs"]
    matrix = pair["confusion"]
    exact = Counter()  # by hand: spans both marked, offsets and label
    spans_a, spans_b = Counter(), Counter()
    for a, b in corpus.values():
        exact.update(label for _, _, label in (Counter(a) & Counter(b)).elements())
        spans_a.update(label for _, _, label in a)
        spans_b.update(label for _, _, label in b)
    diagonal = {label: matrix.get(label, {}).get(label, 0) for label in LABELS}
    assert diagonal == {label: exact[label] for label in LABELS}
    assert sum(diagonal.values()) == pair["span_exact"]["matched"] > 0
    # every span is counted once: in its label's row (ua) or column (ub)
    assert {r: sum(row.values()) for r, row in matrix.items() if r != NONE} == {
        label: n for label, n in spans_a.items()
    }
    columns: Counter = Counter()
    for r, row in matrix.items():
        columns.update({c: n for c, n in row.items()})
    del columns[NONE]
    assert columns == spans_b


# --- the same properties in process, on any spans ------------------------------------
spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(LABELS[:3])).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=9,
)


@settings(max_examples=300, deadline=None)
@given(spans, spans)
def test_confusion_matching_is_one_to_one_and_agrees_with_overlap_f1(a, b):
    pairs = confusion_matching(a, b)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    for i, j in pairs:
        assert a[i][0] < b[j][1] and b[j][0] < a[i][1]  # a pair shares a character
    counts = confusion(a, b)
    overlap = span_counts_by_label(a, b, "overlap")
    exact = span_counts_by_label(a, b, "exact")
    for label in {s[2] for s in a + b}:
        assert counts[label, label] == overlap[label].matched >= exact[label].matched
    assert sum(n for (r, _), n in counts.items() if r != NONE) == len(a)
    assert sum(n for (_, c), n in counts.items() if c != NONE) == len(b)
    # no two spans left out could have been paired with each other
    left_a = [s for i, s in enumerate(a) if i not in {i for i, _ in pairs}]
    left_b = [s for j, s in enumerate(b) if j not in {j for _, j in pairs}]
    assert not [(x, y) for x in left_a for y in left_b if x[0] < y[1] and y[0] < x[1]]


def test_overlap_matching_keeps_an_exact_pair_when_a_direct_partner_is_free():
    """Hopcroft-Karp takes shortest augmenting paths only: the second span pairs with
    the free span it overlaps, not by re-pairing the exact pair around it."""
    a = [(30, 90, "ORG"), (75, 145, "ORG")]
    b = [(30, 90, "ORG"), (70, 150, "ORG")]
    assert overlap_matching(a, b) == [(0, 0), (1, 1)]
    assert overlap_matching(a, b, same_label=False) == [(0, 0), (1, 1)]
