"""Exports in the JSONL shapes other annotation tools read (see FORMATS.md).

* ``doccano``: sequence labelling, ``{"text": ..., "label": [[start, end, "LABEL"], ...]}``.
* ``doccano-relations``: relation extraction, ``entities`` ``{id, label, start_offset,
  end_offset}`` and ``relations`` ``{id, from_id, to_id, type}``. An event is relations
  from its trigger to each argument (type = the role); an attribution is relations from
  its cue to its source (``Source``) and content (``Content``), or, with no cue, from its
  content to its source (``Source``). The JSONL reader turns them back.
* ``prodigy``: the task ``spans.manual`` saves: ``tokens`` ``{text, start, end, id, ws}``,
  ``spans`` with ``token_start``/``token_end`` (inclusive, as Prodigy counts) and
  ``"answer": "accept"``. Spans are placed on tokens with the ``--align`` mode.

Each writer says, with counts, what its shape cannot hold.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from ..core.model import Annotations, Document
from ..core.notes import exported_notes
from ..core.progress import Progress
from ..errors import Phrase, counted, joined
from ..nlp import tags as tagging
from .token_columns import TokenColumns, json_string_bytes

SOURCE_ROLE = "Source"
CONTENT_ROLE = "Content"


class _LeftOut:
    """Counts of what a shape could not hold, turned into warnings at the end: ``said``
    words the warning around the list of what was left out (its ``kinds``)."""

    def __init__(self, said: Callable[[str], Phrase]) -> None:
        self.said = said
        self.counts: Counter[str] = Counter()

    def add(self, kind: str, n: int = 1) -> None:
        if n:
            self.counts[kind] += n

    def messages(self) -> list[str]:
        if not self.counts:
            return []
        return [self.said(joined([_KIND_WORDS[kind](n) for kind, n in self.counts.items()]))]


# What a shape leaves out, said with its count ("3 events"; "1 events", as it always said).
_KIND_WORDS: dict[str, Callable[[int], Phrase]] = {
    "events": lambda n: Phrase("{count} events", {"count": n}),
    "attributions": lambda n: Phrase("{count} attributions", {"count": n}),
    "attributes": lambda n: Phrase("{count} attributes", {"count": n}),
    "notes": lambda n: counted(n, "1 note", "{count} notes"),
    "events without arguments": lambda n: Phrase(
        "{count} events without arguments (their trigger span is kept)", {"count": n}),
    "attributions with one part": lambda n: Phrase(
        "{count} attributions with one part only (its span is kept)", {"count": n}),
}


def _attributes_count(annotations: Annotations) -> int:
    items = [*annotations.spans, *annotations.events, *annotations.attributions]
    return sum(len(item.attributes) for item in items)


def _write_lines(
    items: Iterable[tuple[Document, Annotations | None]], out: TextIO, shape: Any,
    total: int | None,
) -> Iterator[Progress]:
    for done, (document, annotations) in enumerate(items, start=1):
        out.write(json.dumps(shape(document, annotations), ensure_ascii=False))
        out.write("\n")
        yield Progress(done, total, document.id)


def _head(document: Document, annotations: Annotations | None) -> dict[str, Any]:
    line: dict[str, Any] = {"id": document.id, "text": document.text}
    if annotations is not None:
        line["annotator"] = annotations.annotator
    return line


# --- doccano sequence labelling -----------------------------------------------------
def write_doccano(
    items: Iterable[tuple[Document, Annotations | None]], out: TextIO, *,
    warnings: list[str], total: int | None = None,
) -> Iterator[Progress]:
    left_out = _LeftOut(lambda kinds: Phrase(
        "doccano sequence labelling has no place for these, which were not exported: {kinds} "
        "(--format doccano-relations keeps events and attributions)", {"kinds": kinds}))

    def shape(document: Document, annotations: Annotations | None) -> dict[str, Any]:
        line = _head(document, annotations)
        work = annotations or Annotations(document.id, "")
        line["label"] = [[s.start, s.end, s.label] for s in work.spans]
        _count_structure(left_out, work)
        return line

    yield from _write_lines(items, out, shape, total)
    warnings.extend(left_out.messages())


# --- doccano relation extraction ----------------------------------------------------
def write_doccano_relations(
    items: Iterable[tuple[Document, Annotations | None]], out: TextIO, *,
    warnings: list[str], total: int | None = None,
) -> Iterator[Progress]:
    left_out = _LeftOut(lambda kinds: Phrase(
        "doccano relation extraction has no place for these, which were not exported: {kinds}", {"kinds": kinds}))

    def shape(document: Document, annotations: Annotations | None) -> dict[str, Any]:
        line = _head(document, annotations)
        work = annotations or Annotations(document.id, "")
        number = {span.id: n for n, span in enumerate(work.spans, start=1)}
        line["entities"] = [
            {"id": number[s.id], "label": s.label, "start_offset": s.start, "end_offset": s.end}
            for s in work.spans
        ]
        line["relations"] = _relations(work, number, left_out)
        left_out.add("attributes", _attributes_count(work))
        left_out.add("notes", notes_count(work))
        return line

    yield from _write_lines(items, out, shape, total)
    warnings.extend(left_out.messages())


def _relations(work: Annotations, number: dict[str, int], left_out: _LeftOut) -> list[dict[str, Any]]:
    links: list[tuple[str, str, str]] = []
    for event in work.events:
        if not event.arguments:
            left_out.add("events without arguments")
        links += [(event.trigger, argument.span, argument.role) for argument in event.arguments]
    for attribution in work.attributions:
        head = attribution.cue or attribution.content
        tails = [(attribution.source, SOURCE_ROLE)]
        if attribution.cue:
            tails.append((attribution.content, CONTENT_ROLE))
        kept = [(head, tail, role) for tail, role in tails if head and tail]
        if not kept:
            left_out.add("attributions with one part")
        links += kept
    return [
        {"id": n, "from_id": number[head], "to_id": number[tail], "type": role}
        for n, (head, tail, role) in enumerate(links, start=1)
    ]


# --- Prodigy ------------------------------------------------------------------------
def write_prodigy(
    items: Iterable[tuple[Document, Annotations | None]], out: TextIO, *,
    align: str = "split", warnings: list[str], total: int | None = None,
) -> Iterator[Progress]:
    if align not in tagging.ALIGN_MODES:
        raise ValueError(f"unknown alignment mode {align!r}; use one of {tagging.ALIGN_MODES}")
    left_out = _LeftOut(lambda kinds: Phrase(
        "Prodigy's span task has no place for these, which were not exported: {kinds}", {"kinds": kinds}))
    moved = Counter[str]()
    write = _utf8_writer(out)
    for done, (document, annotations) in enumerate(items, start=1):
        work = annotations or Annotations(document.id, "")
        write(_prodigy_line(document, annotations, work, align, moved))
        _count_structure(left_out, work)
        yield Progress(done, total, document.id)
    warnings.extend(left_out.messages())
    warnings.extend(alignment_messages(moved, align))


def _utf8_writer(out: TextIO) -> Callable[[bytes], Any]:
    """Write UTF-8 bytes to a text file opened as UTF-8 (the export's), skipping the
    text layer that would decode and encode again (hundreds of MB for Prodigy)."""
    binary = getattr(out, "buffer", None)
    if binary is None or (getattr(out, "encoding", "") or "").lower().replace("-", "") != "utf8":
        return lambda data: out.write(data.decode("utf-8"))
    out.flush()  # what was written as text stays before these bytes
    return binary.write


def _prodigy_line(document: Document, annotations: Annotations | None, work: Annotations,
                  align: str, moved: Counter[str]) -> bytes:
    """UTF-8 of ``json.dumps`` (ensure_ascii=False, no spaces, as Prodigy writes its
    own files) of {id, text, annotator, tokens, spans, answer, _view_id}, in this order,
    and a newline; the tokens' JSON is made apart (``token_columns``), the spans' from
    strings."""
    tokens = TokenColumns.of(document)
    spans = _prodigy_spans(tokens, work, align, moved)
    head = [b'{"id":', _json_bytes(document.id), b',"text":',
            json_string_bytes(document.text, tokens.utf8)]
    if annotations is not None:
        head += [b',"annotator":', _json_bytes(annotations.annotator)]
    return b"".join((*head, b',"tokens":', tokens.json_bytes(), b',"spans":[',
                     spans.encode("utf-8"), _PRODIGY_TAIL))


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


_PRODIGY_TAIL = b'],"answer":"accept","_view_id":"spans_manual"}\n'


def _prodigy_spans(tokens: TokenColumns, work: Annotations, align: str,
                   moved: Counter[str]) -> str:
    """Spans on tokens as ``nlp.tags.align`` places them (``split`` cuts the tokens),
    as the JSON of their ``{start, end, token_start, token_end, label}`` objects without
    the brackets; spans moved to token edges or dropped are counted in ``moved``."""
    starts = [span.start for span in work.spans]
    ends = [span.end for span in work.spans]
    if align == "split":
        tokens.cut_at(starts + ends)
    placed = tokens.place(starts, ends, expand=align == "expand")
    labels = [span.label for span, covers in zip(work.spans, placed.kept) if covers]
    if len(labels) < len(work.spans):
        moved["dropped"] += len(work.spans) - len(labels)
    wanted = [(span.start, span.end) for span, covers in zip(work.spans, placed.kept) if covers]
    shifted = sum(1 for placed_edges, edges in zip(zip(placed.starts, placed.ends), wanted)
                  if placed_edges != edges)
    if shifted:
        moved["moved"] += shifted
    label_json = {label: json.dumps(label, ensure_ascii=False) for label in set(labels)}
    return ",".join([
        f'{{"start":{start},"end":{end},"token_start":{first},"token_end":{last},'
        f'"label":{label_json[label]}}}'
        for start, end, first, last, label in zip(placed.starts, placed.ends, placed.first,
                                                 placed.last, labels)])


def alignment_messages(moved: Counter[str], align: str) -> list[str]:
    """What aligning spans on tokens changed: spans moved to token edges, spans lost."""
    messages = []
    if moved["moved"]:
        messages.append(Phrase("{count} spans were moved to token boundaries ({align} alignment)",
                               {"count": moved["moved"], "align": tagging.align_word(align)}))
    if moved["dropped"]:
        messages.append(Phrase("{count} spans were dropped for covering no token ({align} alignment)",
                               {"count": moved["dropped"], "align": tagging.align_word(align)}))
    return messages


def _count_structure(left_out: _LeftOut, work: Annotations) -> None:
    """What a spans-only shape cannot hold: events, attributions, attributes and notes."""
    left_out.add("events", len(work.events))
    left_out.add("attributions", len(work.attributions))
    left_out.add("attributes", _attributes_count(work))
    left_out.add("notes", notes_count(work))


def notes_count(work: Annotations) -> int:
    """The annotator's notes a shape with no place for notes leaves out: as many as the
    JSONL export writes (notes on one target joined, a note on a gone item on the document)."""
    return len(exported_notes(work))

