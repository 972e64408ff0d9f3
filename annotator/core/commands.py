"""Every user-visible change as a command with ``do`` and ``undo``.

A command stores plain data: the items it removes and the items it writes, each a
whole ``Span``, ``Event`` or ``Attribution``. ``do`` deletes ``removed`` and writes
``added``; ``undo`` does the reverse. Both run in one store transaction, so the file
is always as current as the screen. Factories below build commands from the current
state and validate them first, so an invalid edit never reaches the store.

Every command (these, the suggestion and adjudication rejections) has the shape of
``Command``: a ``name`` for its undo step, the document it changes, ``do``/``undo``.
A ``StepName`` is a template and its values, so the interface translates it without
parsing English back (``ui/step_names.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Protocol

from ..errors import Phrase, ProjectError, ValidationError
from .model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    Span,
    Status,
    next_id,
)
from .store import Store
from .validation import validate_change

Item = Span | Event | Attribution
_TABLES = {Span: "spans", Event: "events", Attribution: "attributions"}
_KINDS = {Span: Phrase("span"), Event: Phrase("event"), Attribution: Phrase("attribution")}


@dataclass(frozen=True)
class StepName:
    """An undo step's name: ``template`` ("Add {label} span") and its ``values``.

    ``words`` names the values that are the app's own words (a status, an attribution
    part), which the interface translates too; labels and roles stay as the schema
    spells them. ``str()`` gives the English name (the CLI, logs, tests)."""

    template: str
    values: tuple[tuple[str, str], ...] = ()
    words: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return self.template.format(**dict(self.values))


def step(template: str, words: tuple[str, ...] = (), **values: object) -> StepName:
    return StepName(template, tuple((k, str(v)) for k, v in values.items()), frozenset(words))


def as_step(name: StepName | str) -> StepName:
    """A step name given as plain text: shown as it is."""
    if isinstance(name, StepName):
        return name
    return StepName(name.replace("{", "{{").replace("}", "}}"))


class NamedStep:
    """A command's undo step name; ``text`` is its English form (the CLI, logs, tests)."""

    name: StepName

    def __post_init__(self) -> None:
        self.name = as_step(self.name)  # plain text is shown as it is

    @property
    def text(self) -> str:
        return str(self.name)


class Command(Protocol):
    """What the session applies and keeps for undo: one change of one document."""

    name: StepName
    document_id: str

    def do(self, store: Store) -> None: ...
    def undo(self, store: Store) -> None: ...


@dataclass
class EditCommand(NamedStep):
    name: StepName
    document_id: str
    annotator: str
    removed: list[Item] = field(default_factory=list)
    added: list[Item] = field(default_factory=list)
    # the notes (core/notes.py) on items this step deleted, by the direction that took
    # them ("do", "undo"): a note goes with its item and comes back with it
    carried_notes: dict[str, list[Any]] = field(default_factory=dict, repr=False, compare=False)

    def do(self, store: Store) -> None:
        """Delete ``removed`` and write ``added``; a redo runs this again."""
        with store.atomic():
            added = self._claim_ids(store, self.added, replacing=self.removed)
            self._apply(store, remove=self.removed, write=added, refused=Phrase("nothing was changed"))
            carried = self._carry_notes(store, "do", self.removed, self.added, added)
        self.added, self.carried_notes = added, carried  # only once the transaction is in the file

    def undo(self, store: Store) -> None:
        """Delete ``added`` and write ``removed`` back, if ``added`` is still as written."""
        with store.atomic():
            removed = self._claim_ids(store, self.removed, replacing=self.added)
            self._apply(store, remove=self.added, write=removed, refused=Phrase("nothing was undone"))
            carried = self._carry_notes(store, "undo", self.added, self.removed, removed)
        self.removed, self.carried_notes = removed, carried

    def _carry_notes(self, store: Store, taking: str, gone: list[Item], held: list[Item],
                     written: list[Item]) -> dict[str, list[Any]]:
        """Put back the notes the other direction took (on the items just ``written``,
        which ``_claim_ids`` may have renamed from ``held``), and take out the notes on
        the ``gone`` items that no item of the document carries now. Left behind, a
        note would land on the next item given the same id (ids are reused)."""
        renames = {old.id: new.id for old, new in zip(held, written)}
        for note in self.carried_notes.get("undo" if taking == "do" else "do", []):
            store.save_note(replace(note, target=renames.get(note.target, note.target)))
        kept = {item.id for item in written}
        taken = []
        for item_id in dict.fromkeys(item.id for item in gone if item.id not in kept):
            note = store.note(self.document_id, self.annotator, item_id)
            if note is not None and not any(
                    store.has_item(table, self.document_id, self.annotator, item_id) for table in _TABLES.values()):
                store.delete_note(self.document_id, self.annotator, item_id)
                taken.append(note)
        return {taking: taken} if taken else {}

    def _claim_ids(self, store: Store, items: list[Item], replacing: list[Item]) -> list[Item]:
        """``items`` with ids free *in the file*, decided inside the transaction.

        The id was chosen from the caller's copy (or, for an undo or redo, held
        before); another window working as the same annotator may have used it since,
        and a silent overwrite would lose its label. Renaming here (and in the
        references among ``items``) keeps both.
        """
        replaced = {(type(i), i.id) for i in replacing}
        renames: dict[str, str] = {}
        claimed: list[Item] = []
        for item in items:
            kind = type(item)
            taken_here = any(type(i) is kind and i.id == item.id for i in claimed)
            if (kind, item.id) not in replaced and (
                taken_here or store.has_item(_TABLES[kind], self.document_id, self.annotator, item.id)
            ):
                used = store.item_ids(_TABLES[kind], self.document_id, self.annotator)  # rare: a clash
                used |= {i.id for i in claimed if type(i) is kind}
                fresh = next_id(item.id.rstrip("0123456789"), used)
                if kind is Span:
                    renames[item.id] = fresh
                item = replace(item, id=fresh)
            claimed.append(item)
        return [_renamed(i, renames) for i in claimed] if renames else claimed

    def _apply(self, store: Store, remove: list[Item], write: list[Item], refused: str) -> None:
        with store.atomic():
            for item in remove:
                self._remove(store, item, refused)
            for item in write:
                _save(store, self.document_id, self.annotator, item)

    def _remove(self, store: Store, item: Item, refused: str) -> None:
        """Delete ``item``, refusing (the whole transaction) if its row no longer holds it.

        Ids are reused: once another window deleted this item and made a new one, or a
        merge or restore replaced it, its id names someone else's work, which an undo
        must never delete.
        """
        table = _TABLES[type(item)]
        stored = store.stored_item(table, self.document_id, self.annotator, item.id)
        if stored is None or _content(stored) != _content(item):
            raise ProjectError(
                "{kind} {id} was changed by another window or program since; {refused}",
                params={"kind": _KINDS[type(item)], "id": item.id, "refused": refused},
                file=_file_of(store),
                document=self.document_id,
            )
        store.delete_item(table, self.document_id, self.annotator, item.id)


@dataclass
class StatusCommand(NamedStep):
    name: StepName
    document_id: str
    annotator: str
    before: Status
    after: Status

    def do(self, store: Store) -> None:
        store.set_status(self.document_id, self.annotator, self.after)

    def undo(self, store: Store) -> None:
        store.set_status(self.document_id, self.annotator, self.before)


def _save(store: Store, document_id: str, annotator: str, item: Item) -> None:
    if isinstance(item, Span):
        store.save_span(document_id, annotator, item)
    elif isinstance(item, Event):
        store.save_event(document_id, annotator, item)
    else:
        store.save_attribution(document_id, annotator, item)


def _content(item: Item) -> Any:
    """What an item says, as stored: its times aside, and lists and tuples alike
    (a JSON round trip), so the window's copy and the file's row compare equal."""
    if isinstance(item, Span):
        fields = [item.start, item.end, item.label, item.attributes]
    elif isinstance(item, Event):
        fields = [item.type, item.trigger, [[a.role, a.span] for a in item.arguments], item.attributes]
    else:
        fields = [item.source, item.cue, item.content, item.attributes]
    return json.loads(json.dumps(fields, sort_keys=True))


def _file_of(store: Store) -> str | None:
    path = getattr(store, "path", None)
    return str(path) if path is not None else None


def _renamed(item: Item, renames: dict[str, str]) -> Item:
    """``item`` with span references renamed (a span that had to take another id)."""
    if isinstance(item, Event):
        arguments = tuple(Argument(a.role, renames.get(a.span, a.span)) for a in item.arguments)
        return replace(item, trigger=renames.get(item.trigger, item.trigger), arguments=arguments)
    if isinstance(item, Attribution):
        parts = {p: renames.get(span, span) for p, span in item.parts().items()}
        return replace(item, **parts)
    return item


def timestamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- factories ----------------------------------------------------------------------
class Editor:
    """Builds validated commands for one annotator's work on one document."""

    def __init__(
        self,
        store: Store,
        document_id: str,
        annotator: str,
        snapshot: Callable[[], tuple[Document, Annotations]] | None = None,
    ) -> None:
        """``snapshot`` lends the caller's up-to-date copy of the document and this
        annotator's work (the window keeps one), saving a read of the whole set."""
        self.store = store
        self.document_id = document_id
        self.annotator = annotator
        self._snapshot = snapshot

    def current(self) -> Annotations:
        if self._snapshot is not None:
            return self._snapshot()[1]
        return self.store.annotations(self.document_id, self.annotator)

    def _document(self) -> Document:
        if self._snapshot is not None:
            return self._snapshot()[0]
        return self.store.document(self.document_id)

    def _command(self, name: StepName, before: Annotations, removed: list[Item], added: list[Item]) -> EditCommand:
        after = apply_change(before, removed, added)
        validate_change(self._document(), after, removed, added, self.store.schema)
        return EditCommand(name, self.document_id, self.annotator, removed, added)

    def add_span(self, start: int, end: int, label: str, attributes: dict[str, Any] | None = None) -> EditCommand:
        current = self.current()
        stamp = timestamp()
        span = Span(current.new_id("T"), start, end, label,
                    dict(attributes or {}), stamp, stamp)
        return self._command(step("Add {label} span", label=label), current, [], [span])

    def change_span(self, span_id: str, **changes: Any) -> EditCommand:
        """Relabel, resize or set attributes (``label=``, ``start=``, ``end=``, ``attributes=``)."""
        current = self.current()
        old = _require(current.span(span_id), span_id)
        new = replace(old, **changes, updated=timestamp())
        removed, added = [old], [new]
        if "label" in changes and changes["label"] != old.label:
            for event in current.events:  # a relabelled trigger carries its event along
                if event.trigger == span_id and old.label == event.type:
                    removed.append(event)
                    added.append(replace(event, type=changes["label"]))
        verb = "Relabel" if "label" in changes else "Resize" if {"start", "end"} & changes.keys() else "Edit"
        return self._command(step(verb + " span {id}", id=span_id), current, removed, added)

    def remove_span(self, span_id: str) -> EditCommand:
        """Remove a span and, in the same step, everything that would dangle without it."""
        current = self.current()
        span = _require(current.span(span_id), span_id)
        removed: list[Item] = [span]
        added: list[Item] = []
        for event in current.events:
            if event.trigger == span_id:
                removed.append(event)
            elif any(a.span == span_id for a in event.arguments):
                removed.append(event)
                added.append(replace(event, arguments=tuple(a for a in event.arguments if a.span != span_id)))
        for attribution in current.attributions:
            if span_id in attribution.span_ids():
                removed.append(attribution)
                kept = _without_part(attribution, span_id)
                if kept.span_ids():
                    added.append(kept)
        return self._command(step("Delete {label} span", label=span.label), current, removed, added)

    def add_event(self, trigger_id: str, arguments: list[tuple[str, str]] = (), attributes: dict | None = None) -> EditCommand:
        current = self.current()
        trigger = _require(current.span(trigger_id), trigger_id)
        event = Event(current.new_id("E"), trigger.label, trigger_id,
                      tuple(Argument(r, s) for r, s in arguments), dict(attributes or {}))
        return self._command(step("Add {label} event", label=trigger.label), current, [], [event])

    def set_argument(self, event_id: str, role: str, span_id: str) -> EditCommand:
        current = self.current()
        event = _require(next((e for e in current.events if e.id == event_id), None), event_id)
        new = replace(event, arguments=event.arguments + (Argument(role, span_id),))
        return self._command(step("Add {role} argument", role=role), current, [event], [new])

    def remove_argument(self, event_id: str, role: str, span_id: str) -> EditCommand:
        current = self.current()
        event = _require(next((e for e in current.events if e.id == event_id), None), event_id)
        kept = tuple(a for a in event.arguments if (a.role, a.span) != (role, span_id))
        return self._command(step("Remove {role} argument", role=role), current, [event],
                             [replace(event, arguments=kept)])

    def add_attribution(self, source: str | None = None, cue: str | None = None,
                        content: str | None = None, attributes: dict | None = None) -> EditCommand:
        current = self.current()
        attribution = Attribution(current.new_id("A"),
                                  source, cue, content, dict(attributes or {}))
        return self._command(step("Add attribution"), current, [], [attribution])

    def change_item(self, old: Event | Attribution, **changes: Any) -> EditCommand:
        current = self.current()
        return self._command(step("Edit {id}", id=old.id), current, [old], [replace(old, **changes)])

    def remove_item(self, item: Event | Attribution) -> EditCommand:
        template = "Delete event {id}" if isinstance(item, Event) else "Delete attribution {id}"
        return self._command(step(template, id=item.id), self.current(), [item], [])

    def set_status(self, status: Status) -> StatusCommand:
        before = self.current().status
        name = step("Mark {status}", words=("status",), status=status.value.replace("_", " "))
        return StatusCommand(name, self.document_id,
                             self.annotator, before, status)


def apply_change(before: Annotations, removed: list[Item], added: list[Item]) -> Annotations:
    """The annotations once an edit's removed and added items are applied."""

    def follow(items: list, kind: type) -> list:
        gone = {i.id for i in removed if isinstance(i, kind)}
        kept = [i for i in items if i.id not in gone] if gone else list(items)
        return kept + [i for i in added if isinstance(i, kind)]

    after = Annotations(
        before.document_id, before.annotator, before.status,
        follow(before.spans, Span), follow(before.events, Event), follow(before.attributions, Attribution),
    )
    if not removed:
        after.inherit_ids(before)
    return after


def _without_part(attribution: Attribution, span_id: str) -> Attribution:
    parts = {p: None for p, span in attribution.parts().items() if span == span_id}
    return replace(attribution, **parts)


def _require(item: Any, item_id: str) -> Any:
    if item is None:
        raise ValidationError("no such item {id!r}", params={"id": item_id})
    return item
