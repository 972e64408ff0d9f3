"""Documents and the annotations made on them.

Offsets are Unicode code points into the unchanged document text, end exclusive
(``text[start:end]``). Everything here is plain data; validation lives in
``validation.py`` and persistence in ``annotator.storage``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stable_document_id(text: str) -> str:
    """The id a document gets when its file names none: derived from the text."""
    return "doc-" + text_sha256(text)[:12]


class Status(str, Enum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @classmethod
    def parse(cls, value: str) -> Status:
        normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
        return cls(normalised)


@dataclass(frozen=True)
class Document:
    """An article. ``text`` never changes after import.

    ``tokens`` holds the document's own tokenisation when it came with one (CoNLL):
    a list of sentences, each a list of ``(start, end)`` offsets. ``None`` means
    "tokenise with camel-tools".
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    tokens: list[list[tuple[int, int]]] | None = None

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)


@dataclass(frozen=True)
class Span:
    id: str
    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    created: str | None = None
    updated: str | None = None

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def with_changes(self, **changes: Any) -> Span:
        return replace(self, **changes)


@dataclass(frozen=True)
class Argument:
    role: str
    span: str


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    trigger: str
    arguments: tuple[Argument, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)

    def span_ids(self) -> set[str]:
        return {self.trigger, *(argument.span for argument in self.arguments)}


# The parts of an attribution, in reading order (PARC: who said it, the saying verb,
# what was said); the schema's SOURCE/CUE/CONTENT labels mark spans for them.
ATTRIBUTION_PARTS = ("source", "cue", "content")


@dataclass(frozen=True)
class Attribution:
    id: str
    source: str | None = None
    cue: str | None = None
    content: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    def span_ids(self) -> set[str]:
        return {s for s in (self.source, self.cue, self.content) if s is not None}

    def parts(self) -> dict[str, str | None]:
        """``{"source": id, "cue": id, "content": id}`` (None where missing)."""
        return {part: getattr(self, part) for part in ATTRIBUTION_PARTS}

    def part_of(self, span_id: str) -> str | None:
        """Which part ``span_id`` plays here ("source", "cue" or "content"), if any."""
        return next((part for part in ATTRIBUTION_PARTS if getattr(self, part) == span_id), None)


@dataclass
class Annotations:
    """One annotator's work on one document."""

    document_id: str
    annotator: str
    status: Status = Status.NEW
    spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    # what new_id remembers: prefix -> (the list, its length, highest number in it)
    _highest: dict[str, tuple[list, int, int]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def span(self, span_id: str) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

    def span_map(self) -> dict[str, Span]:
        return {s.id: s for s in self.spans}

    def users_of(self, span_id: str) -> list[Event | Attribution]:
        """Events and attributions that reference ``span_id`` (compared in place, no set
        per item: the text view asks after every edit of a document with a thousand events)."""
        events = [e for e in self.events
                  if e.trigger == span_id or any(a.span == span_id for a in e.arguments)]
        return events + [a for a in self.attributions if span_id in (a.source, a.cue, a.content)]

    def is_empty(self) -> bool:
        return not (self.spans or self.events or self.attributions)

    def _items(self, prefix: str) -> list:
        return {"T": self.spans, "E": self.events, "A": self.attributions}[prefix]

    def new_id(self, prefix: str) -> str:
        """The next free span (``T``), event (``E``) or attribution (``A``) id, as
        ``next_id`` gives it; remembered while that list stays the same list with the
        same length (a window adds labels to 5,000-span documents)."""
        items = self._items(prefix)
        known = self._highest.get(prefix)
        if known is None or known[0] is not items or known[1] != len(items):
            known = (items, len(items), highest_number(prefix, [i.id for i in items]))
            self._highest[prefix] = known
        return f"{prefix}{known[2] + 1}"

    def inherit_ids(self, before: Annotations) -> None:
        """After items were only added to ``before`` (each list is ``before``'s plus the
        new ones at its end), keep what ``new_id`` remembered, moved on past them."""
        for prefix, (items, length, highest) in before._highest.items():
            if items is not before._items(prefix) or length != len(items):
                continue  # ``before``'s list changed since it was counted
            mine = self._items(prefix)
            added = [i.id for i in mine[length:]]
            self._highest[prefix] = (mine, len(mine), max(highest, highest_number(prefix, added)))


def next_id(prefix: str, used: set[str] | list[str]) -> str:
    """The next free ``PREFIXn`` id, one past the highest in use (brat style)."""
    return f"{prefix}{highest_number(prefix, used) + 1}"


def highest_number(prefix: str, used: Iterable[str]) -> int:
    """The highest n of the ``PREFIXn`` ids in ``used`` (0 when none)."""
    size = len(prefix)
    numbers = [item[size:] for item in used if item.startswith(prefix)]
    return max((int(n) for n in numbers if n.isdigit()), default=0)


@dataclass(frozen=True)
class ImportRecord:
    """One document read from a file, with any annotations it carried."""

    document: Document
    annotations: list[Annotations] = field(default_factory=list)
    file: str | None = None
    line: int | None = None
    # The file line of each item, where a format has one per item or token (CoNLL, brat):
    # keyed by span, event or attribution id, and "T1 polarity" for an attribute, so an
    # error about it names its own line, not the document's first.
    span_lines: dict[str, int] = field(default_factory=dict)
