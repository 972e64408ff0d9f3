"""Figures for ``annotator stats`` and the statistics view, as plain data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import Status
from .store import Store


def project_stats(store: Store) -> dict[str, Any]:
    """The figures; a damaged document or row raises its ``ProjectError`` (figures
    that silently leave out or misread a document would be wrong without a word)."""
    from ..nlp.tokens import (
        document_sentences,  # camel-tools' tokenizer: no data, no network
    )

    documents = tokens = 0
    for document in store.documents():  # each text checked against its SHA-256
        documents += 1
        tokens += sum(len(sentence) for sentence in document_sentences(document))
    rows = store.statuses()
    for document_id, annotator, _ in rows:
        # the counts below come from SQL and would take a damaged row as it is: read
        # every row through the checks first, so a damaged one is an error naming it
        store.annotations(document_id, annotator)
    statuses = Counter(status.value for _, _, status in rows)
    touched = {doc for doc, _, _ in rows}
    return {
        "documents": documents,
        "tokens": tokens,
        "annotators": store.annotators(),
        "spans": store.count("spans"),
        "events": store.count("events"),
        "attributions": store.count("attributions"),
        "spans_per_label": store.label_counts(),
        "spans_per_annotator": store.span_counts_by_annotator(),
        "documents_per_status": {
            "untouched": documents - len(touched),
            **{s.value: statuses.get(s.value, 0) for s in Status},
        },
    }


@dataclass
class Progress:
    """Labels made per day by each annotator, oldest day first (from the labels'
    creation times, in UTC). ``undated`` counts labels whose stored day is not a date
    (a hand-edited file): left out of the series, but counted so a chart can say so."""

    days: dict[str, list[tuple[date, int]]] = field(default_factory=dict)
    undated: int = 0

    def running_totals(self) -> dict[str, list[tuple[date, int]]]:
        """Labels made so far by each annotator, at the end of each day with labels."""
        totals = {}
        for annotator, days in self.days.items():
            total, series = 0, []
            for day, count in days:
                total += count
                series.append((day, total))
            totals[annotator] = series
        return totals

    def first_and_last(self) -> tuple[date, date] | None:
        every = [day for days in self.days.values() for day, _ in days]
        return (min(every), max(every)) if every else None


def annotator_progress(store: Store, annotators: list[str] | None = None) -> Progress:
    """Each annotator's labels per day; annotators without dated labels are left out
    (labels imported from files carry no creation time)."""
    progress = Progress()
    for annotator in store.annotators() if annotators is None else annotators:
        days = []
        for text, count in store.span_dates(annotator).items():
            try:
                days.append((date.fromisoformat(text), count))
            except (TypeError, ValueError):
                progress.undated += count
        if days:
            progress.days[annotator] = sorted(days)
    return progress


def render_stats(figures: dict[str, Any]) -> str:
    lines = [
        f"documents     {figures['documents']}",
        f"tokens        {figures['tokens']}",
        f"spans         {figures['spans']}",
        f"events        {figures['events']}",
        f"attributions  {figures['attributions']}",
        f"annotators    {', '.join(figures['annotators']) or '-'}",
        "",
        "spans per label:",
        *_table(figures["spans_per_label"]),
        "spans per annotator:",
        *_table(figures["spans_per_annotator"]),
        "documents per status (per annotator):",
        *_table(figures["documents_per_status"]),
    ]
    return "\n".join(lines)


def _table(counts: dict[str, int]) -> list[str]:
    if not counts:
        return ["  -"]
    width = max(len(k) for k in counts)
    return [f"  {k.ljust(width)}  {v}" for k, v in counts.items()]
