"""JSONL interchange: our own shape, doccano's and Prodigy's (see FORMATS.md).

Export writes one line per document per annotator with a fixed key order, so export
-> import -> export gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import repeat
from pathlib import Path
from typing import Any, TextIO

from ..core.importing import FileRecord
from ..core.model import (
    ATTRIBUTION_PARTS,
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    ImportRecord,
    Span,
    Status,
    highest_number,
    next_id,
    stable_document_id,
)
from ..core.notes import notes_from_json, notes_json, refuse_dangling_notes, with_notes
from ..core.progress import Progress
from ..core.schema import attribution_part
from ..errors import InputError, Phrase, joined
from .textio import read_lines

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_ANNOTATION_KEYS = ("annotator", "status", "spans", "ents", "label", "labels", "entities",
                    "relations", "events", "attributions")
# Prodigy's verdict on a task; only accepted tasks are annotations (its own db-out
# keeps rejected and ignored ones too, marked so).
_ACCEPT = "accept"
# doccano relation types that mean attribution parts (as ``--format doccano-relations``
# writes them): from a CUE span to its source and content, or from a CONTENT to its source.


def read_jsonl(
    path: Path, *, encoding: str | None = None, annotator: str = "import",
    warnings: list[str] | None = None, **_: object
) -> Iterator[ImportRecord]:
    seen_any = False
    not_accepted: dict[str, int] = {}
    for number, line in read_lines(path, encoding):
        if not line.strip():
            continue
        seen_any = True
        try:
            data = _parse_line(line)
            answer = data.get("answer", _ACCEPT)
            if answer != _ACCEPT:
                not_accepted[str(answer)] = not_accepted.get(str(answer), 0) + 1
                continue
            yield _record(data, annotator, str(path), number)
        except InputError as error:
            raise error.located(file=str(path), line=number)
    if not seen_any:
        raise InputError("empty file: no JSON lines", file=str(path))
    if not_accepted and warnings is not None:
        answers = joined([Phrase("{count} {answer!r}", {"count": n, "answer": answer})
                          for answer, n in sorted(not_accepted.items())])
        warnings.append(Phrase("{count} Prodigy tasks not accepted were not imported (answers: {answers}); "
                               "only 'accept' tasks become labels",
                               {"count": sum(not_accepted.values()), "answers": answers}))


def _parse_line(line: str) -> dict[str, Any]:
    line, data = _without_prodigy_tokens(line)
    if data is not None:
        return data
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError("malformed JSON: {reason} at column {column}",
                         params={"reason": error.msg, "column": error.colno}) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply") from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise InputError("malformed JSON: a number has too many digits") from None
    return _checked(data, line)


def _checked(data: Any, line: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError("each line must be a JSON object")
    if "\\u" in line and _SURROGATE_ESCAPE.search(line):  # the test first: at C speed
        _refuse_lone_surrogates(data)
    return data


def _without_prodigy_tokens(line: str) -> tuple[str, dict[str, Any] | None]:
    """A Prodigy task parsed with its ``tokens`` array left out, or (line, None).

    Prodigy's token objects are most of its task's bytes and building them most of
    the import's time, and the importer never reads them (it re-tokenizes). Its
    objects are flat, so the array ends at the first ``}]`` after which the rest of
    the line parses (a ``}]`` inside a token's text does not); it is then replaced by
    a marker, kept only if it is the task's own ``tokens``. Anything else, and any
    line that does not parse so, is parsed whole, as any other line. (So a token
    object broken inside goes unnoticed: nothing of it would be kept anyway.)"""
    start = line.find(_PRODIGY_TOKENS)
    if start < 0 or _MARKER in line:
        return line, None
    start += len(_PRODIGY_TOKENS)
    start += line.startswith(" ", start)  # as Python's json writes it
    if not line.startswith("[{", start):
        return line, None
    head = line[:start] + _MARKER
    end = line.find("}]", start)
    for _ in range(_CUTS_TRIED):
        if end < 0:
            break
        cut = head + line[end + 2:]
        try:
            data = json.loads(cut)
        except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
            end = line.find("}]", end + 1)
            continue
        if isinstance(data, dict) and data.get("tokens") == _MARKED:
            data["tokens"] = [{}]  # what _tokens reads as Prodigy's, and leaves
            return cut, _checked(data, cut)
        break
    return line, None


_PRODIGY_TOKENS = '"tokens":'
_MARKER, _MARKED = '"\\u0001"', "\x01"  # JSON has no other way to write U+0001
_CUTS_TRIED = 8  # ends tried (each a parse of the rest) before parsing the line whole


def _refuse_lone_surrogates(data: dict[str, Any]) -> None:
    """``\\ud800`` alone is valid JSON but not text: SQLite and UTF-8 cannot hold it."""
    stack: list[Any] = [data]
    while stack:  # not recursive: the data may be nested hundreds deep
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                code = f"\\u{ord(value[error.start]):04x}"
                raise InputError(
                    "the line holds a lone surrogate escape ({code}), which is not a "
                    "character; the file was written with broken escaping (a pair such "
                    "as \\ud83d\\ude00 is fine)",
                    params={"code": code},
                ) from None


def _record(data: dict[str, Any], default_annotator: str, file: str, line: int) -> ImportRecord:
    text = data.get("text")
    if not isinstance(text, str) or not text:
        raise InputError("'text' must be a non-empty string")
    raw_id = data.get("id")
    doc_id = str(raw_id) if raw_id is not None and str(raw_id) else stable_document_id(text)
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise InputError("'meta' must be an object")
    document = Document(id=doc_id, text=text, meta=meta, tokens=_tokens(data.get("tokens"), text))
    annotations = []
    if any(key in data for key in _ANNOTATION_KEYS):
        annotations.append(_annotations(data, document, default_annotator))
    return FileRecord(document=document, annotations=annotations, file=file, line=line)


def _annotations(data: dict[str, Any], document: Document, default_annotator: str) -> Annotations:
    annotator = data.get("annotator", default_annotator)
    if not isinstance(annotator, str) or not annotator:
        raise InputError("'annotator' must be a non-empty string")
    spans, by_tool_id = _spans(data, document.text)
    status = _status(data.get("status"), bool(spans))
    events = [_event(e) for e in _list(data, "events")]
    attributions = [_attribution(a) for a in _list(data, "attributions")]
    _add_relations(_list(data, "relations"), {s.id: s for s in spans}, by_tool_id, events, attributions)
    work = Annotations(
        document_id=document.id,
        annotator=annotator,
        status=status,
        spans=spans,
        events=events,
        attributions=attributions,
    )
    if "notes" in data:  # a line with notes replaces the annotator's notes on the document
        notes = notes_from_json(data["notes"], document.id, annotator)
        refuse_dangling_notes(notes, work)
        return with_notes(work, notes)
    return work


def _status(value: Any, has_spans: bool) -> Status:
    if value is None:
        return Status.IN_PROGRESS if has_spans else Status.NEW
    try:
        return Status.parse(str(value))
    except ValueError:
        raise InputError("unknown status {status!r}; use new, in_progress or done", params={"status": value}) from None


def _spans(data: dict[str, Any], text: str) -> tuple[list[Span], dict[Any, str]]:
    """The spans of every shape a line may use, and doccano's entity ids -> span ids."""
    raw: list[tuple[Any, Any, Any, dict[str, Any]]] = []
    for item in _list(data, "spans"):  # ours and Prodigy/spaCy
        raw.append((item.get("start"), item.get("end"), item.get("label"), item))
    for key in ("label", "labels"):  # doccano sequence labelling
        raw += _triples(data, key)
    for item in _list(data, "ents"):  # spaCy's Doc.to_json and displaCy
        raw.append((item.get("start"), item.get("end"), item.get("label"), {}))
    tool_ids = []
    for item in _entities(data):  # doccano's relation shape (or spaCy's [s, e, L])
        raw.append((item.get("start_offset"), item.get("end_offset"), item.get("label"), {}))
        tool_ids.append((len(raw) - 1, item.get("id")))
    used = {str(item["id"]) for *_, item in raw if "id" in item}
    number = highest_number("T", used)  # counted on, not searched again per span
    spans = []
    for start, end, label, item in raw:
        if "id" in item:
            span_id = str(item["id"])
        else:
            number += 1
            span_id = f"T{number}"
        spans.append(_span(span_id, start, end, label, item, text))
    return spans, {tool_id: spans[index].id for index, tool_id in tool_ids if tool_id is not None}


def _triples(data: dict[str, Any], key: str) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    if not isinstance(data.get(key), list):
        return []
    for item in data[key]:
        if not (isinstance(item, list) and len(item) == 3):
            raise InputError("each '{key}' item must be [start, end, label]", params={"key": key})
    return [(item[0], item[1], item[2], {}) for item in data[key]]


def _entities(data: dict[str, Any]) -> list[dict[str, Any]]:
    """doccano's ``entities`` objects; spaCy v2's ``entities`` triples as objects."""
    value = data.get("entities", [])
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return [{"start_offset": s, "end_offset": e, "label": label}
                for s, e, label, _ in _triples(data, "entities")]
    return _list(data, "entities")


def _add_relations(
    relations: list[dict[str, Any]], spans: dict[str, Span], by_tool_id: dict[Any, str],
    events: list[Event], attributions: list[Attribution],
) -> None:
    """doccano relations as events (from a trigger; type = the role) and attributions
    (from a CUE to its source and content, or from a CONTENT to its source). Labels
    and roles are checked against the schema on import, like any other."""
    arguments: dict[str, list[Argument]] = {}
    attribution_of: dict[str, dict[str, str]] = {}
    for relation in relations:
        head, tail, kind = _relation_ends(relation, by_tool_id)
        label, part = spans[head].label, kind.lower()
        head_part = attribution_part(label)
        if head_part == "cue" and part in ("source", "content") or head_part == "content" and part == "source":
            parts = attribution_of.setdefault(head, {head_part: head})
            if part in parts:
                raise InputError("relation {relation}: the {label} span has two {kind} relations",
                                 params={"relation": relation.get("id"), "label": label, "kind": kind})
            parts[part] = tail
        else:
            arguments.setdefault(head, []).append(Argument(kind, tail))
    used = [e.id for e in events]
    for trigger, found in arguments.items():
        used.append(next_id("E", used))
        events.append(Event(used[-1], spans[trigger].label, trigger, tuple(found)))
    used = [a.id for a in attributions]
    for parts in attribution_of.values():
        used.append(next_id("A", used))
        attributions.append(Attribution(used[-1], **parts))


def _relation_ends(relation: dict[str, Any], by_tool_id: dict[Any, str]) -> tuple[str, str, str]:
    ends = [by_tool_id.get(relation.get(key)) for key in ("from_id", "to_id")]
    if None in ends:
        raise InputError("relation {relation}: from_id and to_id must be ids of the line's 'entities'",
                         params={"relation": relation.get("id")})
    kind = relation.get("type")
    if not isinstance(kind, str) or not kind:
        raise InputError("relation {relation}: 'type' must be a non-empty string",
                         params={"relation": relation.get("id")})
    return ends[0], ends[1], kind


def _span(span_id: str, start: Any, end: Any, label: Any, item: dict[str, Any], text: str) -> Span:
    if not (_is_int(start) and _is_int(end)):
        raise InputError("span {span}: start and end must be whole numbers", params={"span": span_id})
    if not isinstance(label, str) or not label:
        raise InputError("span {span}: 'label' must be a non-empty string", params={"span": span_id})
    if not 0 <= start < end <= len(text):
        raise InputError("span {span}: offsets {start}-{end} are outside the text (0-{size}) or empty",
                         params={"span": span_id, "start": start, "end": end, "size": len(text)})
    if "text" in item and item["text"] != text[start:end]:
        raise InputError(
            "span {span}: its 'text' {text!r} does not match the document at {start}-{end} ({found!r})",
            params={"span": span_id, "text": item["text"], "start": start, "end": end,
                    "found": text[start:end]},
        )
    attributes = item.get("attributes", {})
    if not isinstance(attributes, dict):
        raise InputError("span {span}: 'attributes' must be an object", params={"span": span_id})
    return Span(span_id, start, end, label, attributes, _opt_str(item, "created"), _opt_str(item, "updated"))


def _event(item: dict[str, Any]) -> Event:
    for key in ("id", "type", "trigger"):
        if not isinstance(item.get(key), str):
            raise InputError("an event needs a string '{key}'", params={"key": key})
    arguments = []
    if not isinstance(item.get("arguments", []), list):
        raise InputError("event {event}: 'arguments' must be a list", params={"event": item["id"]})
    for argument in item.get("arguments", []):
        if not (isinstance(argument, dict) and isinstance(argument.get("role"), str)
                and isinstance(argument.get("span"), str)):
            raise InputError("event {event}: each argument needs 'role' and 'span'", params={"event": item["id"]})
        arguments.append(Argument(argument["role"], argument["span"]))
    return Event(item["id"], item["type"], item["trigger"], tuple(arguments), _attributes(item))


def _attribution(item: dict[str, Any]) -> Attribution:
    if not isinstance(item.get("id"), str):
        raise InputError("an attribution needs a string 'id'")
    parts = {}
    for part in ATTRIBUTION_PARTS:
        value = item.get(part)
        if value is not None and not isinstance(value, str):
            raise InputError("attribution {attribution}: '{part}' must be a span id",
                             params={"attribution": item["id"], "part": part})
        parts[part] = value
    return Attribution(item["id"], attributes=_attributes(item), **parts)


def _tokens(raw: Any, text: str) -> list[list[tuple[int, int]]] | None:
    if raw is None:
        return None
    if isinstance(raw, list) and raw and all(map(isinstance, raw, repeat(dict))):
        return None  # Prodigy's tokens (its tokenizer's, not sentences): re-tokenized here
    try:
        sentences = [[(int(s), int(e)) for s, e in sentence] for sentence in raw]
    except (TypeError, ValueError, OverflowError):
        raise InputError("'tokens' must be a list of sentences of [start, end] pairs") from None
    if any(not 0 <= s < e <= len(text) for sentence in sentences for s, e in sentence):
        raise InputError("'tokens' has offsets outside the text")
    return sentences


def _list(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError("'{key}' must be a list of objects", params={"key": key})
    return value


def _attributes(item: dict[str, Any]) -> dict[str, Any]:
    value = item.get("attributes", {})
    if not isinstance(value, dict):
        raise InputError("'attributes' must be an object")
    return value


def _opt_str(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) else None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- export -----------------------------------------------------------------------
def write_jsonl(
    items: Iterable[tuple[Document, Annotations | None]], out: TextIO, *, total: int | None = None
) -> Iterator[Progress]:
    for done, (document, annotations) in enumerate(items, start=1):
        out.write(json.dumps(document_line(document, annotations), ensure_ascii=False))
        out.write("\n")
        yield Progress(done, total, document.id)


def document_line(document: Document, annotations: Annotations | None) -> dict[str, Any]:
    line: dict[str, Any] = {"id": document.id, "text": document.text, "meta": document.meta}
    if document.tokens is not None:
        line["tokens"] = [[list(t) for t in sentence] for sentence in document.tokens]
    if annotations is not None:
        line["annotator"] = annotations.annotator
        line["status"] = annotations.status.value
        line["spans"] = [_span_json(s) for s in annotations.spans]
        line["events"] = [_event_json(e) for e in annotations.events]
        line["attributions"] = [_attribution_json(a) for a in annotations.attributions]
        if notes := notes_json(annotations):
            line["notes"] = notes
    return line


def _span_json(span: Span) -> dict[str, Any]:
    data: dict[str, Any] = {"id": span.id, "start": span.start, "end": span.end, "label": span.label}
    if span.attributes:
        data["attributes"] = span.attributes
    for key in ("created", "updated"):
        if getattr(span, key):
            data[key] = getattr(span, key)
    return data


def _event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "trigger": event.trigger,
        "arguments": [{"role": a.role, "span": a.span} for a in event.arguments],
        "attributes": event.attributes,
    }


def _attribution_json(attribution: Attribution) -> dict[str, Any]:
    return {
        "id": attribution.id,
        "source": attribution.source,
        "cue": attribution.cue,
        "content": attribution.content,
        "attributes": attribution.attributes,
    }
