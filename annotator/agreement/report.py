"""The project's agreement report: which documents count, the job, and the report dict.

Run it as a job (the GUI's workers and tests iterate progress; the report is there
once the generator is exhausted)::

    job = AgreementJob(store, ["amal", "badr"])
    for step in job.run():      # Progress(done, total, document id), one per document
        ...
    job.report                  # the dict described below

``compute_agreement(...)`` is the same generator with the report as its return value
(``report = yield from compute_agreement(store)``), and ``agreement_report(...)``
drains it and returns the report.

**Which documents count.** A pair uses the documents both annotators marked done
(``include_unfinished=True``: every document both have a status row for, i.e.
touched). Per document, the annotators who count on it are the selected annotators
who marked it done (or touched it); a document is read when two or more count.
Fleiss' kappa uses the documents on which every selected annotator counts;
Krippendorff's alpha uses every document, an annotator who does not count on it
being missing; alpha_U is computed per document with the annotators who count on it
as its raters (INCEpTION leaves out annotators without a finished document).

**The report** (JSON-ready; every figure that cannot be computed is ``None`` and a
note says why)::

    {"documents": 20,                        # documents read (two or more annotators count)
     "documents_in_project": 25, "include_unfinished": false,
     "annotators": ["a", "b", "c"],
     "pairs": [{"a": "a", "b": "b", "documents": 20,
                "span_exact": PRF, "span_overlap": PRF,
                "token_cohen_kappa": 0.81, "tokens": 5120,
                "per_label": {"ORG": {"span_exact_f1": 0.8, "span_overlap_f1": 0.9,
                                      "count_a": 10, "count_b": 12}},
                "confusion": {"ORG": {"ORG": 9, "GPE": 1, "(none)": 2}}}],
     "token_fleiss_kappa": 0.79, "token_krippendorff_alpha": 0.8,
     "unitizing_alpha": {"ORG": 0.77}, "unitizing_alpha_overall": 0.8,
     "group": {"fleiss": {"documents", "tokens", "observed", "expected"},
               "krippendorff": {"documents", "units", "observed", "expected"},
               "unitizing": {"documents", "per_label_documents", "overlapping_units_left_out"}},
     "events": {"pairs": [{"a", "b", "documents", "trigger_exact": PRF, "trigger_overlap": PRF,
                           "argument_exact": PRF, "argument_overlap": PRF}]},
     "attributions": {"pairs": [{"a", "b", "documents", "attribution_exact": PRF,
                                 "attribution_overlap": PRF, "source_exact": PRF, ...,
                                 "content_overlap": PRF}]},
     "confusion": {"ORG": {"GPE": 3, ...}},  # all pairs; rows: each pair's first annotator
     "documents_ranked": [{"document", "title", "annotators", "pairs", "span_exact_f1",
                           "span_overlap_f1", "token_cohen_kappa", "unitizing_alpha",
                           "notes": {figure: reason}}],   # lowest span_exact_f1 first
     "notes": [{"where": "/pairs/0/token_cohen_kappa", "reason": "..."}]}

where ``PRF = {"precision", "recall", "f1", "matched", "count_a", "count_b"}``
(precision = matched / count_b, recall = matched / count_a: the first annotator is the
reference). A note's ``where`` is a JSON pointer (RFC 6901) to the null figure or to
the object whose figures are all null for that reason (a pair with no documents).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Generator, Iterator, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..core.model import Document, Status
from ..core.progress import Progress
from ..errors import Phrase, joined
from .matching import MODES, Counts
from .measures import Coefficient, cohen_kappa_from_pairs
from .scoring import (
    NONE,
    GroupTally,
    PairScores,
    Work,
    document_unitizing,
    group_categories,
    mean,
    score_pair,
)
from .structures import PARTS
from .tokens import base_tokens

if TYPE_CHECKING:  # only for the annotations: the store is passed in, never opened here
    from ..storage import ProjectStore

EXCLUDED_BY_DEFAULT = ("gold",)  # the adjudicated copy is not an annotator to compare


class AgreementJob:
    """Computes the report; ``run()`` yields progress, then ``report`` holds the dict.

    ``annotators`` None means every annotator with a status row except ``gold``; the
    order given is the order of pairs (``a`` before ``b``) and of the report.
    ``report`` stays None until ``run()`` has been exhausted (a job closed early, as
    the GUI does on Cancel, has no report). The store is only read.
    """

    def __init__(
        self,
        store: ProjectStore,
        annotators: Sequence[str] | None = None,
        include_unfinished: bool = False,
    ) -> None:
        self.store = store
        self.include_unfinished = include_unfinished
        chosen = (
            annotators
            if annotators is not None
            else [a for a in store.annotators() if a not in EXCLUDED_BY_DEFAULT]
        )
        self.annotators = list(dict.fromkeys(chosen))  # drop repeats, keep the order
        self.report: dict[str, Any] | None = None

    def run(self) -> Iterator[Progress]:
        counted = self._counted()
        documents = [
            d for d in self.store.document_ids() if len(counted.get(d, ())) >= 2
        ]
        tally = _Tally(self.annotators, touched=self.include_unfinished)
        schema = self.store.schema
        yield Progress(0, len(documents), Phrase("agreement"))
        for done, document_id in enumerate(documents, start=1):
            document = self.store.document(document_id)
            work = {
                name: Work.of(self.store.annotations(document_id, name), schema)
                for name in counted[document_id]
            }
            tally.add(document, work)
            yield Progress(done, len(documents), document_id)
        self.report = tally.report(self._scope(len(documents)), self._strangers())

    def _counted(self) -> dict[str, list[str]]:
        """Per document, the selected annotators who count on it, in the selected order."""
        rank = {name: index for index, name in enumerate(self.annotators)}
        counted: dict[str, list[str]] = {}
        for document_id, annotator, status in self.store.statuses():
            if annotator in rank and (self.include_unfinished or status == Status.DONE):
                counted.setdefault(document_id, []).append(annotator)
        return {d: sorted(names, key=rank.__getitem__) for d, names in counted.items()}

    def _strangers(self) -> list[str]:
        """Selected annotators without a single status row (a misspelt name?)."""
        known = set(self.store.annotators())
        return [name for name in self.annotators if name not in known]

    def _scope(self, documents: int) -> dict[str, Any]:
        return {
            "documents": documents,
            "documents_in_project": self.store.count_documents(),
            "include_unfinished": self.include_unfinished,
            "annotators": list(self.annotators),
        }


def compute_agreement(
    store: ProjectStore,
    annotators: Sequence[str] | None = None,
    include_unfinished: bool = False,
) -> Generator[Progress, None, dict[str, Any]]:
    """:class:`AgreementJob` as one generator: yields progress, returns the report."""
    job = AgreementJob(store, annotators, include_unfinished)
    yield from job.run()
    assert job.report is not None
    return job.report


def agreement_report(
    store: ProjectStore,
    annotators: Sequence[str] | None = None,
    include_unfinished: bool = False,
) -> dict[str, Any]:
    """The whole report at once (see the module docstring for its shape)."""
    job = AgreementJob(store, annotators, include_unfinished)
    deque(job.run(), maxlen=0)
    assert job.report is not None
    return job.report


# --- pooling documents ---------------------------------------------------------------
class _Tally:
    def __init__(self, annotators: list[str], touched: bool) -> None:
        self.annotators = annotators
        self.touched = touched  # how a document comes to count, for the notes
        self.pairs = {pair: PairScores() for pair in combinations(annotators, 2)}
        self.group = GroupTally(len(annotators))
        self.rows: list[dict[str, Any]] = []

    def add(self, document: Document, work: dict[str, Work]) -> None:
        tokens = base_tokens(document)
        found = {}
        for a, b in combinations(work, 2):  # ``work`` is in the selected order
            found[a, b] = score_pair(work[a], work[b], tokens)
            self.pairs[a, b].add(found[a, b])
        self.group.add_tokens(group_categories(work, tokens))
        unitizing = document_unitizing(document, work)
        self.group.add_unitizing(unitizing)
        self.rows.append(_document_row(document, list(work), found, unitizing.overall))

    def report(self, scope: dict[str, Any], strangers: list[str]) -> dict[str, Any]:
        """The report dict; ``strangers`` are selected annotators with no work at all."""
        notes = _Notes(self.touched)
        for name in strangers:
            where = f"/annotators/{self.annotators.index(name)}"
            notes.add(where, Phrase("{name} has no work in this project", {"name": name}))
        if len(self.annotators) < 2:
            notes.add("/pairs", Phrase("{count} annotator(s) selected: nothing to compare",
                                       {"count": len(self.annotators)}))
        listed = list(enumerate(self.pairs.items()))
        confusion = sum((s.confusion for s in self.pairs.values()), Counter())
        return {
            **scope,
            "pairs": [
                self._pair(i, pair, scores, notes) for i, (pair, scores) in listed
            ],
            **_group_figures(self.group, self.annotators, notes),
            "events": {"pairs": [_events(i, p, s, notes) for i, (p, s) in listed]},
            "attributions": {
                "pairs": [_attributions(i, p, s, notes) for i, (p, s) in listed]
            },
            "confusion": _matrix(confusion),
            "documents_ranked": sorted(self.rows, key=_rank),
            "notes": notes.items,
        }

    def _pair(
        self, index: int, pair: tuple[str, str], scores: PairScores, notes: _Notes
    ) -> dict[str, Any]:
        where = f"/pairs/{index}"
        entry = _figures(
            where,
            pair,
            scores,
            notes,
            [
                ("span_exact", scores.span_total("exact"), Phrase("entity span")),
                ("span_overlap", scores.span_total("overlap"), Phrase("entity span")),
            ],
        )
        kappa = scores.kappa()
        if kappa.value is None and scores.documents:
            notes.add(
                f"{where}/token_cohen_kappa",
                Phrase("{a}/{b}: {reason}", {"a": pair[0], "b": pair[1], "reason": kappa.reason}),
            )
        entry.update(
            token_cohen_kappa=kappa.value,
            tokens=kappa.items,
            per_label=_per_label(scores),
            confusion=_matrix(scores.confusion),
        )
        return entry


def _events(
    index: int, pair: tuple[str, str], scores: PairScores, notes: _Notes
) -> dict[str, Any]:
    figures = [
        (f"{kind}_{mode}", scores.events[mode][kind],
         Phrase("event trigger") if kind == "trigger" else Phrase("event argument"))
        for kind in ("trigger", "argument")
        for mode in MODES
    ]
    return _figures(f"/events/pairs/{index}", pair, scores, notes, figures)


def _attributions(
    index: int, pair: tuple[str, str], scores: PairScores, notes: _Notes
) -> dict[str, Any]:
    figures = [
        (f"{kind}_{mode}", scores.attributions[mode][kind], _attribution_word(kind))
        for kind in ("attribution", *PARTS)
        for mode in MODES
    ]
    return _figures(f"/attributions/pairs/{index}", pair, scores, notes, figures)


_ATTRIBUTION_WORDS = {"attribution": Phrase("attribution"), "source": Phrase("attribution source"),
                      "cue": Phrase("attribution cue"), "content": Phrase("attribution content")}


def _attribution_word(kind: str) -> str:
    return _ATTRIBUTION_WORDS[kind]


def _figures(
    where: str,
    pair: tuple[str, str],
    scores: PairScores,
    notes: _Notes,
    figures: list[tuple[str, Counts, str]],
) -> dict[str, Any]:
    """A pair's entry: names, documents and one PRF per ``(key, counts, what)``.

    A pair without documents gets one note for the whole entry; otherwise each
    undefined figure gets its own.
    """
    a, b = pair
    if scores.documents == 0:
        values = {"a": a, "b": b}
        notes.add(where, Phrase("{a} and {b} have no document in common that both touched", values)
                  if notes.touched else
                  Phrase("{a} and {b} have no document in common that both marked done", values))
    entry: dict[str, Any] = {"a": a, "b": b, "documents": scores.documents}
    for key, counts, what in figures:
        if scores.documents:
            _note_undefined(counts, f"{where}/{key}", notes, pair, what)
        entry[key] = _prf(counts)
    return entry


def _per_label(scores: PairScores) -> dict[str, dict[str, Any]]:
    exact, overlap = scores.spans["exact"], scores.spans["overlap"]
    return {
        label: {
            "span_exact_f1": exact[label].f1,
            "span_overlap_f1": overlap[label].f1,
            "count_a": exact[label].count_a,
            "count_b": exact[label].count_b,
        }
        for label in sorted(exact.keys() | overlap.keys())
    }


def _prf(counts: Counts) -> dict[str, Any]:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "matched": counts.matched,
        "count_a": counts.count_a,
        "count_b": counts.count_b,
    }


def _note_undefined(
    counts: Counts, where: str, notes: _Notes, pair: tuple[str, str], what: str
) -> None:
    a, b = pair
    values = {"a": a, "b": b, "what": what}
    if counts.f1 is None:
        notes.add(where, Phrase("neither {a} nor {b} marked any {what}", values))
    elif counts.precision is None:
        notes.add(f"{where}/precision", Phrase("{b} marked no {what}: no precision against {a}", values))
    elif counts.recall is None:
        notes.add(f"{where}/recall", Phrase("{a} marked no {what}: no recall for {b}", values))


def _group_figures(
    group: GroupTally, annotators: list[str], notes: _Notes
) -> dict[str, Any]:
    """Fleiss' kappa, Krippendorff's alpha and alpha_U, with their ``group`` details."""
    tokens, token_details = _token_figures(group, annotators, notes)
    unitizing, unitizing_details = _unitizing_figures(group, notes)
    return {**tokens, **unitizing, "group": {**token_details, **unitizing_details}}


def _token_figures(
    group: GroupTally, annotators: list[str], notes: _Notes
) -> tuple[dict[str, Any], dict[str, Any]]:
    fleiss, alpha = group.fleiss.kappa(), group.alpha.alpha()
    if group.fleiss_documents == 0:
        everyone = {"annotators": joined(annotators)}
        fleiss = Coefficient.undefined(
            Phrase("no document that every annotator ({annotators}) touched", everyone) if notes.touched
            else Phrase("no document that every annotator ({annotators}) marked done", everyone)
        )
    if group.alpha_documents == 0:
        alpha = Coefficient.undefined(_no_two(notes))
    for where, coefficient in (
        ("/token_fleiss_kappa", fleiss),
        ("/token_krippendorff_alpha", alpha),
    ):
        if coefficient.value is None:
            notes.add(where, coefficient.reason or Phrase("undefined"))
    figures = {
        "token_fleiss_kappa": fleiss.value,
        "token_krippendorff_alpha": alpha.value,
    }
    details = {
        "fleiss": {"documents": group.fleiss_documents, "tokens": fleiss.items,
                   "observed": fleiss.observed, "expected": fleiss.expected},
        "krippendorff": {"documents": group.alpha_documents, "units": alpha.items,
                         "observed": alpha.observed, "expected": alpha.expected},
    }  # fmt: skip
    return figures, details


def _unitizing_figures(
    group: GroupTally, notes: _Notes
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Per label and overall, the mean over the documents where alpha_U is defined."""
    labels = sorted(group.unitizing_labels.keys() | group.unitizing_reasons.keys())
    per_label = {label: mean(group.unitizing_labels.get(label, [])) for label in labels}
    for label, value in per_label.items():
        if value is None:
            reasons = group.unitizing_reasons[label].items()
            text = joined([Phrase("{reason} (in 1 document)", {"reason": r}) if n == 1 else
                           Phrase("{reason} (in {count} documents)", {"reason": r, "count": n})
                           for r, n in reasons], semicolons=True)
            notes.add(f"/unitizing_alpha/{pointer_token(label)}", text)
    overall = mean(group.unitizing_overall)
    if overall is None:
        reason = (
            Phrase("no annotator marked an entity span in the documents read")
            if group.alpha_documents
            else _no_two(notes)
        )
        notes.add("/unitizing_alpha_overall", reason)
    figures = {"unitizing_alpha": per_label, "unitizing_alpha_overall": overall}
    used = {label: len(group.unitizing_labels.get(label, [])) for label in labels}
    details = {
        "unitizing": {
            "documents": len(group.unitizing_overall),
            "per_label_documents": used,
            "overlapping_units_left_out": group.unitizing_dropped,
        }
    }
    return figures, details


def _no_two(notes: _Notes) -> Phrase:
    if notes.touched:
        return Phrase("no document that two or more annotators touched")
    return Phrase("no document that two or more annotators marked done")


def _matrix(counts: Counter) -> dict[str, dict[str, int]]:
    """``{(row, column): n}`` as nested dicts, rows and columns sorted, ``(none)`` last."""
    order = sorted(
        {key for pair in counts for key in pair}, key=lambda k: (k == NONE, k)
    )
    return {
        row: {col: counts[row, col] for col in order if counts[row, col]}
        for row in order
        if any(counts[row, col] for col in order)
    }


# --- the per-document table ----------------------------------------------------------
def _document_row(
    document: Document,
    names: list[str],
    found: dict[tuple[str, str], PairScores],
    unitizing: Coefficient,
) -> dict[str, Any]:
    """One document's figures, pooled over the pairs that count on it."""
    exact = sum((s.span_total("exact") for s in found.values()), Counts())
    overlap = sum((s.span_total("overlap") for s in found.values()), Counts())
    kappas = [cohen_kappa_from_pairs(s.tokens) for s in found.values()]
    defined = [k.value for k in kappas if k.value is not None]
    row_notes = {}
    if exact.f1 is None:
        row_notes["span_exact_f1"] = row_notes["span_overlap_f1"] = Phrase("no annotator marked an entity span")
    if not defined:
        row_notes["token_cohen_kappa"] = kappas[0].reason if kappas else Phrase("no pair")
    if unitizing.value is None:
        row_notes["unitizing_alpha"] = unitizing.reason
    return {
        "document": document.id,
        "title": document.title,
        "annotators": names,
        "pairs": len(found),
        "span_exact_f1": exact.f1,
        "span_overlap_f1": overlap.f1,
        "token_cohen_kappa": mean(defined),
        "unitizing_alpha": unitizing.value,
        "notes": row_notes,
    }


def _rank(row: dict[str, Any]) -> tuple:
    """Lowest exact-span F1 first, then overlap F1, then kappa; undefined figures last."""
    keys = (row["span_exact_f1"], row["span_overlap_f1"], row["token_cohen_kappa"])
    return tuple((value is None, value or 0.0) for value in keys)


# --- notes ---------------------------------------------------------------------------
class _Notes:
    def __init__(self, touched: bool) -> None:
        self.items: list[dict[str, str]] = []
        self.touched = touched  # a document counts when touched (else when marked done)

    def add(self, where: str, reason: str) -> None:
        self.items.append({"where": where, "reason": reason})


def pointer_token(key: str) -> str:
    """A key as one JSON-pointer reference token (RFC 6901): ``~`` and ``/`` escaped."""
    return key.replace("~", "~0").replace("/", "~1")
