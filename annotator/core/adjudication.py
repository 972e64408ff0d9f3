"""Adjudication: every annotator's labels on one document as candidates for gold.

A candidate is one distinct labelled item (a span, an event with its arguments, an
attribution with its parts) described by offsets and labels, so the same label made by
two annotators is one candidate. Its agreement is ``all`` (every compared annotator
has it), ``conflict`` (others made an overlapping item that differs in label or
boundary instead) or ``some``. Accepting copies it into the gold annotator's work through
ordinary commands (so it is undoable and saved at once); rejecting records the
decision, also as a command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .by_place import ByPlace
from .commands import Command, Editor, NamedStep, StepName, step
from .model import ATTRIBUTION_PARTS, Annotations, Attribution, Event, Span
from .store import Store

GOLD = "gold"


@dataclass(frozen=True)
class Candidate:
    document_id: str
    key: str
    kind: str  # "span", "event" or "attribution"
    label: str
    start: int
    end: int
    annotators: tuple[str, ...]
    agreement: str = "some"
    in_gold: bool = False
    rejected: bool = False
    source: tuple[str, str] = ("", "")  # (annotator, item id) to copy from


@dataclass
class _Found:
    kind: str
    label: str
    start: int
    end: int
    owners: list[tuple[str, str]] = field(default_factory=list)


def span_key(span: Span) -> str:
    return f"span:{span.start}:{span.end}:{span.label}"


def _event_key(event: Event, spans: dict[str, Span]) -> str:
    trigger = spans[event.trigger]
    args = sorted(f"{a.role}={span_key(spans[a.span])}" for a in event.arguments if a.span in spans)
    return f"event:{event.type}:{trigger.start}:{trigger.end}:" + "|".join(args)


def _attribution_key(attribution: Attribution, spans: dict[str, Span]) -> str:
    parts = [f"{p}={span_key(spans[getattr(attribution, p)])}" if getattr(attribution, p) in spans else f"{p}=-"
             for p in ATTRIBUTION_PARTS]
    return "attribution:" + "|".join(parts)


def _extent(spans: list[Span]) -> tuple[int, int]:
    return min(s.start for s in spans), max(s.end for s in spans)


def _collect(work: list[Annotations]) -> dict[str, _Found]:
    found: dict[str, _Found] = {}
    for annotations in work:
        spans = annotations.span_map()
        for span in annotations.spans:
            entry = found.setdefault(span_key(span), _Found("span", span.label, span.start, span.end))
            entry.owners.append((annotations.annotator, span.id))
        for event in annotations.events:
            trigger = spans.get(event.trigger)
            if trigger is None:
                continue
            key = _event_key(event, spans)
            entry = found.setdefault(key, _Found("event", event.type, trigger.start, trigger.end))
            entry.owners.append((annotations.annotator, event.id))
        for attribution in annotations.attributions:
            parts = [spans[i] for i in attribution.span_ids() if i in spans]
            if not parts:
                continue
            key = _attribution_key(attribution, spans)
            entry = found.setdefault(key, _Found("attribution", "Attribution", *_extent(parts)))
            entry.owners.append((annotations.annotator, attribution.id))
    return found


def candidates(store: Store, document_id: str, annotators: list[str] | None = None,
               gold: str = GOLD) -> list[Candidate]:
    """Every distinct item the compared annotators made on a document, in text order."""
    names = [a for a in (annotators or store.annotators_of(document_id)) if a != gold]
    work = [store.annotations(document_id, name) for name in names]
    gold_keys = set(_collect([store.annotations(document_id, gold)]))
    rejected = store.adjudication_rejections(document_id)
    found = _collect(work)
    by_kind: dict[str, ByPlace] = {}
    for entry in found.values():
        by_kind.setdefault(entry.kind, ByPlace()).add([entry])
    result = []
    for key, entry in found.items():
        owners = tuple(sorted({owner for owner, _ in entry.owners}))
        result.append(Candidate(
            document_id, key, entry.kind, entry.label, entry.start, entry.end, owners,
            _agreement(entry, owners, names, by_kind[entry.kind]), key in gold_keys, key in rejected,
            entry.owners[0],
        ))
    return sorted(result, key=lambda c: (c.start, -c.end, c.kind, c.label))


def _agreement(entry: _Found, owners: tuple[str, ...], names: list[str], same_kind: ByPlace) -> str:
    """``conflict`` when annotators who lack this item made an overlapping one of the
    same kind instead (a different label or boundary); nesting within one annotator's
    work, like a mention inside a longer mention, is not a conflict."""
    if set(owners) >= set(names):
        return "all"
    mine = set(owners)
    for other in same_kind.overlapping(entry.start, entry.end):  # not a pass over all items
        if other is not entry and not mine & {owner for owner, _ in other.owners}:
            return "conflict"
    return "some"


# --- decisions ----------------------------------------------------------------------
@dataclass
class RejectCandidateCommand(NamedStep):
    """Record (or, undone, forget) that the adjudicator rejected a candidate.

    One row per rejection (``adjudication_rejections``), added or removed alone: a
    read-change-rewrite of the whole list lost what another window rejected meanwhile.
    """

    document_id: str
    candidate_key: str
    reject: bool = True
    name: StepName = field(default_factory=lambda: step("Reject candidate"))

    def do(self, store: Store) -> None:
        self._set(store, self.reject)

    def undo(self, store: Store) -> None:
        self._set(store, not self.reject)

    def _set(self, store: Store, rejected: bool) -> None:
        if rejected:
            store.add_adjudication_rejection(self.document_id, self.candidate_key)
        else:
            store.remove_adjudication_rejection(self.document_id, self.candidate_key)


def accept(
    store: Store,
    candidate: Candidate,
    apply: Callable[[Command], None],
    gold: str = GOLD,
    *,
    editor: Editor | None = None,
    sources: dict[str, Annotations] | None = None,
) -> None:
    """Copy a candidate into gold, one command at a time (each built on the last).

    For a batch, pass the gold ``editor`` (one that sees each applied command, like the
    window's) and a ``sources`` dict to keep each owner's work read once.
    """
    owner, item_id = candidate.source
    sources = {} if sources is None else sources
    if owner not in sources:
        sources[owner] = store.annotations(candidate.document_id, owner)
    source = sources[owner]
    editor = editor or Editor(store, source.document_id, gold)
    spans = source.span_map()
    if candidate.kind == "span":
        _gold_span(editor, spans[item_id], apply)
    elif candidate.kind == "event":
        event = next(e for e in source.events if e.id == item_id)
        trigger = _gold_span(editor, spans[event.trigger], apply)
        arguments = [(a.role, _gold_span(editor, spans[a.span], apply)) for a in event.arguments]
        apply(editor.add_event(trigger, arguments, dict(event.attributes)))
    else:
        attribution = next(a for a in source.attributions if a.id == item_id)
        parts = {p: _gold_span(editor, spans[getattr(attribution, p)], apply)
                 for p in ATTRIBUTION_PARTS if getattr(attribution, p) in spans}
        apply(editor.add_attribution(attributes=dict(attribution.attributes), **parts))


def _gold_span(editor: Editor, span: Span, apply: Callable[[Command], None]) -> str:
    """The gold span with these offsets and label, made if gold lacks it."""
    existing = next((s for s in editor.current().spans if span_key(s) == span_key(span)), None)
    if existing is not None:
        return existing.id
    command = editor.add_span(span.start, span.end, span.label, dict(span.attributes))
    apply(command)
    return command.added[0].id


def agreed(cands: list[Candidate]) -> list[Candidate]:
    """What "accept everything all annotators agree on" accepts."""
    return [c for c in cands if c.agreement == "all" and not c.in_gold and not c.rejected]
