"""Documents and the annotations made on them.

Offsets are Unicode code points into the unchanged document text, end exclusive
(``text[start:end]``). Everything here is plain data; validation lives in
``validation.py`` and persistence in ``annotator.storage``.
"""

from __future__ import annotations

import hashlib
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


@dataclass(frozen=True)
class Attribution:
    id: str
    source: str | None = None
    cue: str | None = None
    content: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    def span_ids(self) -> set[str]:
        return {s for s in (self.source, self.cue, self.content) if s is not None}


@dataclass
class Annotations:
    """One annotator's work on one document."""

    document_id: str
    annotator: str
    status: Status = Status.NEW
    spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    def span(self, span_id: str) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

    def span_map(self) -> dict[str, Span]:
        return {s.id: s for s in self.spans}

    def users_of(self, span_id: str) -> list[Event | Attribution]:
        """Events and attributions that reference ``span_id``."""
        users: list[Event | Attribution] = []
        users.extend(e for e in self.events if span_id in e.span_ids())
        users.extend(a for a in self.attributions if span_id in a.span_ids())
        return users

    def is_empty(self) -> bool:
        return not (self.spans or self.events or self.attributions)


def next_id(prefix: str, used: set[str] | list[str]) -> str:
    """The next free ``PREFIXn`` id, one past the highest in use (brat style)."""
    size = len(prefix)
    numbers = [item[size:] for item in used if item.startswith(prefix)]
    highest = max((int(n) for n in numbers if n.isdigit()), default=0)
    return f"{prefix}{highest + 1}"


@dataclass(frozen=True)
class ImportRecord:
    """One document read from a file, with any annotations it carried."""

    document: Document
    annotations: list[Annotations] = field(default_factory=list)
    file: str | None = None
    line: int | None = None
