"""Rows of the project file's tables <-> core objects, and the SQL that reads and writes them.

Reading checks every value's type, because a project file can come from anywhere
(crafted, damaged, edited by hand) and SQLite keeps whatever it is given: text in an
INTEGER column, a NULL where the table says NOT NULL (after ``writable_schema``), JSON
nested 200,000 deep. A value of the wrong type raises ``DamagedRowError`` naming the
table, the row and the field, never a ``TypeError`` from deep inside the app.
Offsets are checked against the text's length when the caller gives it, else against
``0 .. MAX_OFFSET``.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.json_settings import describe, load_json
from ..core.model import (
    Argument,
    Attribution,
    Document,
    Event,
    Span,
    Status,
    text_sha256,
)
from ..errors import DamagedRowError, Phrase

MAX_OFFSET = 2**31  # no text the app can hold is longer; 2**62 is damage, not a position
DAMAGED = Phrase("the project file was changed outside the app or is damaged")


def dumps(value: Any) -> str:
    if value == {}:
        return "{}"  # most attribute sets are empty: skip the encoder (a third of import time)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


SPANS = (
    'SELECT id, start, "end", label, attributes, created, updated FROM spans '
    'WHERE document_id = ? AND annotator = ? ORDER BY start, "end" DESC, id'
)
EVENTS = (
    "SELECT id, type, trigger, arguments, attributes FROM events "
    "WHERE document_id = ? AND annotator = ? ORDER BY rowid"
)
ATTRIBUTIONS = (
    "SELECT id, source, cue, content, attributes FROM attributions "
    "WHERE document_id = ? AND annotator = ? ORDER BY rowid"
)
INSERT_SPAN = (
    'INSERT OR REPLACE INTO spans (document_id, annotator, id, start, "end", label, '
    "attributes, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_EVENT = (
    "INSERT OR REPLACE INTO events (document_id, annotator, id, type, trigger, arguments, "
    "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_ATTRIBUTION = (
    "INSERT OR REPLACE INTO attributions (document_id, annotator, id, source, cue, content, "
    "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


class RowCheck:
    """The checks of one row's fields; each failure names the table, row and field.

    ``key``: the row's primary key, without the document (named on its own, so the
    window can tell which document is damaged); made into text only for a message.
    """

    def __init__(self, table: str, key: dict[str, Any], file: str | None = None, document: Any = None) -> None:
        self.table, self.key, self.file = table, key, file
        self.document = document

    def damaged(self, field: str, problem: str) -> DamagedRowError:
        """``problem``: a ``Phrase`` (or the text of a parser's error)."""
        document = self.document if isinstance(self.document, str) else None
        key = self.key  # a document id that is not text is shown in the key
        if document is None and self.document is not None and self.table != "documents":
            key = {"document": self.document, **key}
        return DamagedRowError(
            "{problem}; {damaged}: restore a backup, or correct or delete this row",
            params={"problem": problem, "damaged": DAMAGED}, table=self.table, row=_shown(key), field=field, file=self.file, document=document,
        )

    def wrong(self, field: str, expected: str, value: Any) -> DamagedRowError:
        return self.damaged(field, Phrase("expected {expected}, found {found}",
                                          {"expected": expected, "found": describe(value)}))

    def name(self, field: str, value: Any) -> str:
        """An id, a label, a type: non-empty text."""
        if type(value) is not str or not value:
            raise self.wrong(field, Phrase("a non-empty text"), value)
        return value

    def optional_text(self, field: str, value: Any) -> str | None:
        if value is not None and type(value) is not str:
            raise self.wrong(field, Phrase("text or NULL"), value)
        return value

    def offset(self, field: str, value: Any) -> int:
        if type(value) is not int or not 0 <= value <= MAX_OFFSET:
            raise self.wrong(field, Phrase("an integer offset (0 to {most})", {"most": MAX_OFFSET}), value)
        return value

    def offsets(self, start: Any, end: Any, size: int | None = None) -> tuple[int, int]:
        """``size``: the text's length, when known (else only the type is checked)."""
        start, end = self.offset("start", start), self.offset("end", end)
        if start >= end:
            raise self.damaged("end", Phrase("the span is empty or reversed ({start}-{end})",
                                             {"start": start, "end": end}))
        if size is not None and end > size:
            raise self.damaged("end", Phrase(  # ids are sound: checked first
                "span {id} of {annotator} has offsets {start}-{end}, outside the text (0-{size})",
                {"id": self.key["id"], "annotator": self.key["annotator"], "start": start, "end": end, "size": size}))
        return start, end

    def json(self, field: str, value: Any) -> Any:
        try:
            return load_json(value)
        except ValueError as error:
            raise self.damaged(field, str(error)) from None

    def json_object(self, field: str, value: Any) -> dict[str, Any]:
        if value == "{}":
            return {}  # nearly every row: skip the parser
        parsed = self.json(field, value)
        if not isinstance(parsed, dict):
            raise self.wrong(field, Phrase("a JSON object"), parsed)
        return parsed

    def status(self, value: Any) -> Status:
        try:
            return Status(value)
        except ValueError:
            known = ", ".join(s.value for s in Status)
            raise self.wrong("status", Phrase("one of {known}", {"known": known}), value) from None


def _shown(key: dict[str, Any]) -> str:
    return ", ".join(f"{name} {value!r}" if isinstance(value, str) else f"{name} {describe(value)}"
                     for name, value in key.items())


def item_check(table: str, row_id: Any, document_id: Any, annotator: Any, file: str | None = None) -> RowCheck:
    return RowCheck(table, {"annotator": annotator, "id": row_id}, file, document_id)


def document_check(document_id: Any, file: str | None = None) -> RowCheck:
    return RowCheck("documents", {"id": document_id}, file, document_id)


def status_check(document_id: Any, annotator: Any, file: str | None = None) -> RowCheck:
    return RowCheck("statuses", {"annotator": annotator}, file, document_id)


def document_of(row: tuple, file: str | None = None) -> Document:
    doc_id, text, meta, tokens = row
    check = document_check(doc_id, file)
    check.name("id", doc_id)
    if type(text) is not str:
        raise check.wrong("text", Phrase("text"), text)
    parsed = None if tokens is None else _tokens(check, check.json("tokens", tokens), len(text))
    return Document(id=doc_id, text=text, meta=check.json_object("meta", meta), tokens=parsed)


def checked_document_of(row: tuple, file: str | None = None, hint: str = "") -> Document:
    """``document_of`` for a row ``(id, text, meta, tokens, sha256)``, its text checked
    against the SHA-256 stored at import: annotating a changed text would misplace
    every label. ``hint``: what to do (the backup to restore), appended to the message."""
    document = document_of(row[:4], file)
    if not _sha256_matches(document.text, row[4]):
        raise DamagedRowError(
            "the stored text no longer matches the SHA-256 recorded when it was imported "
            "({damaged}); labels would land on the wrong words, so it is not used{hint}",
            params={"damaged": DAMAGED, "hint": hint}, table="documents", row=_shown({"id": document.id}), field="text", file=file,
            document=document.id,
        )
    return document


def _sha256_matches(text: str, sha256: Any) -> bool:
    try:
        return text_sha256(text) == sha256
    except UnicodeError:  # lone surrogates: SQLite keeps them, UTF-8 cannot encode them
        return False


def _tokens_expected(size: int) -> Phrase:
    return Phrase("a list of sentences, each a list of [start, end] offsets within the text (0-{size})",
                  {"size": size})


def _tokens(check: RowCheck, sentences: Any, size: int) -> list[list[tuple[int, int]]]:
    if not isinstance(sentences, list):
        raise check.wrong("tokens", _tokens_expected(size), sentences)
    parsed = []
    for sentence in sentences:
        if not isinstance(sentence, list):
            raise check.wrong("tokens", _tokens_expected(size), sentence)
        tokens = []
        for token in sentence:
            if not (isinstance(token, list) and len(token) == 2 and type(token[0]) is int
                    and type(token[1]) is int and 0 <= token[0] <= token[1] <= size):
                expected = _tokens_expected(size)
                found = repr(token)[:300 - len(f"expected {expected}, found ")]  # the message: 300 characters at most
                raise check.damaged("tokens", Phrase("expected {expected}, found {found}",
                                                     {"expected": expected, "found": found}))
            tokens.append((token[0], token[1]))
        parsed.append(tokens)
    return parsed


def span_of(
    row: tuple, document_id: Any = None, annotator: Any = None, file: str | None = None,
    text_length: int | None = None,
) -> Span:
    span_id, start, end, label, attributes, created, updated = row
    check = item_check("spans", span_id, document_id, annotator, file)
    return Span(
        check.name("id", span_id),
        *check.offsets(start, end, text_length),
        check.name("label", label),
        check.json_object("attributes", attributes),
        check.optional_text("created", created),
        check.optional_text("updated", updated),
    )


def span_row(span: Span) -> list[Any]:
    return [span.id, span.start, span.end, span.label, dumps(span.attributes), span.created, span.updated]


def event_of(row: tuple, document_id: Any = None, annotator: Any = None, file: str | None = None) -> Event:
    event_id, event_type, trigger, arguments, attributes = row
    check = item_check("events", event_id, document_id, annotator, file)
    return Event(
        check.name("id", event_id),
        check.name("type", event_type),
        check.name("trigger", trigger),
        _arguments(check, check.json("arguments", arguments)),
        check.json_object("attributes", attributes),
    )


_ARGUMENTS = Phrase("a list of [role, span id] pairs")


def _arguments(check: RowCheck, pairs: Any) -> tuple[Argument, ...]:
    if not isinstance(pairs, list):
        raise check.wrong("arguments", _ARGUMENTS, pairs)
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and all(type(p) is str and p for p in pair)):
            raise check.damaged("arguments", Phrase("expected {expected}, found {found}",
                                                    {"expected": _ARGUMENTS, "found": json.dumps(pair)[:80]}))
    return tuple(Argument(role, span) for role, span in pairs)


def event_row(event: Event) -> list[Any]:
    args = [[a.role, a.span] for a in event.arguments]
    return [event.id, event.type, event.trigger, dumps(args), dumps(event.attributes)]


def attribution_of(
    row: tuple, document_id: Any = None, annotator: Any = None, file: str | None = None
) -> Attribution:
    attribution_id, source, cue, content, attributes = row
    check = item_check("attributions", attribution_id, document_id, annotator, file)
    return Attribution(
        check.name("id", attribution_id),
        check.optional_text("source", source),
        check.optional_text("cue", cue),
        check.optional_text("content", content),
        check.json_object("attributes", attributes),
    )


def attribution_row(a: Attribution) -> list[Any]:
    return [a.id, a.source, a.cue, a.content, dumps(a.attributes)]


def status_of(value: Any, document_id: Any, annotator: Any, file: str | None = None) -> Status:
    return status_check(document_id, annotator, file).status(value)
