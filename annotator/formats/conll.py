"""CoNLL: one token per line with one tag column per layer (see FORMATS.md, "CoNLL").

Import rebuilds the text by joining tokens with one space and sentences with a newline,
and keeps the file's own tokens on the ``Document``, so re-export gives the same
tokens and tags (camel-tools would split ``العناصر؛`` or ``)،`` further). Export
tokenises documents that have no tokens of their own with camel-tools.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..core.importing import FileRecord
from ..core.model import Annotations, Document, ImportRecord, Span, Status
from ..core.notes import exported_notes
from ..core.progress import Progress
from ..core.schema import layer_word
from ..errors import InputError, Phrase, counted, joined
from ..nlp import tags as tagging
from ..nlp.tokens import document_sentences
from .textio import read_lines

DOCSTART = "-DOCSTART-"
_TITLE_LENGTH = 60


# --- reading -------------------------------------------------------------------------
@dataclass
class _Sentence:
    words: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # the tag columns of each word
    lines: list[int] = field(default_factory=list)


@dataclass
class _RawDocument:
    """One document's lines as read, before its text and spans are built."""

    sentences: list[_Sentence] = field(default_factory=list)
    current: _Sentence = field(default_factory=_Sentence)

    def add(self, number: int, cells: list[str]) -> None:
        self.current.words.append(cells[0])
        self.current.rows.append(cells[1:])
        self.current.lines.append(number)

    def end_sentence(self) -> None:
        if self.current.words:
            self.sentences.append(self.current)
            self.current = _Sentence()

    def is_empty(self) -> bool:
        return not (self.sentences or self.current.words)


def read_conll(
    path: Path | str,
    *,
    encoding: str | None = None,
    annotator: str = "import",
    strict: bool = False,
    document_id: str | None = None,
    **_: object,
) -> Iterator[ImportRecord]:
    """Yield one record per document of a CoNLL file (2 or more columns).

    ``-DOCSTART-`` lines start documents; a file without them is one document, with
    id ``document_id`` or the file's stem; several get ``-1``, ``-2``, ... after it.
    Streams: at most one document is held in memory.
    """
    path = Path(path)
    base = document_id or path.stem
    count = 0
    for raw, more in _raw_documents(path, encoding):
        count += 1
        numbered = more or count > 1
        name = f"{base}-{count}" if numbered else base
        yield _record(raw, name, path, annotator, strict)
    if count == 0:
        raise InputError("empty file: there are no tokens to import", file=str(path))


def _raw_documents(
    path: Path, encoding: str | None
) -> Iterator[tuple[_RawDocument, bool]]:
    """``(document, more_follow)`` for each document that holds tokens.

    A document is handed on only when the next one's first token is read, so that
    ``more_follow`` is known without reading ahead further (a trailing
    ``-DOCSTART-`` with nothing after it does not make a file hold two documents).
    """
    document = _RawDocument()
    boundary = False
    width: int | None = None
    for number, line in read_lines(path, encoding):
        cells = _cells(line.removeprefix("\ufeff") if number == 1 else line)
        if not cells or cells[0] == DOCSTART:
            document.end_sentence()
            boundary = boundary or bool(cells)
            continue
        width = _check_width(cells, width, path, number)
        if boundary and not document.is_empty():
            yield document, True
            document = _RawDocument()
        boundary = False
        document.add(number, cells)
    document.end_sentence()
    if not document.is_empty():
        yield document, False


def _cells(line: str) -> list[str]:
    """The columns of a line: tab-separated if it has a tab, else space-separated."""
    if "\t" in line:
        return [cell for cell in (c.strip(" ") for c in line.split("\t")) if cell]
    return [cell for cell in line.split(" ") if cell]


def _check_width(cells: list[str], width: int | None, path: Path, number: int) -> int:
    if len(cells) < 2:
        raise InputError(
            "token {token!r} has no tag: each line needs a token and a tag, "
            "separated by a tab or spaces",
            params={"token": cells[0]},
            file=str(path),
            line=number,
        )
    if width is not None and len(cells) != width:
        raise InputError(
            "this line has {count} tag columns, the lines before it "
            "{before}; every line needs one tag per layer",
            params={"count": len(cells) - 1, "before": width - 1},
            file=str(path),
            line=number,
        )
    return len(cells)


def _record(
    raw: _RawDocument, name: str, path: Path, annotator: str, strict: bool
) -> ImportRecord:
    text, tokens = _text_and_tokens(raw.sentences)
    spans, span_lines = _spans(raw.sentences, tokens, str(path), strict)
    document = Document(
        id=name,
        text=text,
        meta={"title": _title(raw.sentences[0].words), "source": path.name},
        tokens=tokens,
    )
    annotations = Annotations(name, annotator, status=Status.NEW, spans=spans)
    return FileRecord(  # read from a file: its text is checked as any file's is
        document, [annotations], file=str(path), line=raw.sentences[0].lines[0],
        span_lines=span_lines,
    )


def _text_and_tokens(
    sentences: list[_Sentence],
) -> tuple[str, list[list[tagging.Offsets]]]:
    """Words joined by one space, sentences by a newline; each word's offsets."""
    tokens: list[list[tagging.Offsets]] = []
    position = 0
    for sentence in sentences:
        offsets = []
        for word in sentence.words:
            offsets.append((position, position + len(word)))
            position += len(word) + 1  # the space or newline after it
        tokens.append(offsets)
    text = "\n".join(" ".join(sentence.words) for sentence in sentences)
    return text, tokens


def _spans(
    sentences: list[_Sentence],
    tokens: list[list[tagging.Offsets]],
    file: str,
    strict: bool,
) -> tuple[list[Span], dict[str, int]]:
    """Each column's spans on the text; ids T1, T2, ... in text order (outer first);
    and the file line of each span's first tag."""
    found: list[tuple[int, int, int, str, int]] = []
    for sentence, offsets in zip(sentences, tokens):
        for column, tags in enumerate(zip(*sentence.rows)):
            decoded = tagging.tags_to_spans(
                tags, strict=strict, file=file, lines=sentence.lines
            )
            found.extend(
                (offsets[start][0], offsets[end - 1][1], column, label, sentence.lines[start])
                for start, end, label in decoded
            )
    found.sort(key=lambda s: (s[0], -s[1], s[2]))
    spans, lines = [], {}
    for number, (start, end, _, label, line) in enumerate(found, start=1):
        spans.append(Span(id=f"T{number}", start=start, end=end, label=label))
        lines[f"T{number}"] = line
    return spans, lines


def _title(words: list[str]) -> str:
    title = " ".join(words)
    if len(title) <= _TITLE_LENGTH:
        return title
    cut = title.rfind(" ", 0, _TITLE_LENGTH)
    return title[: cut if cut > _TITLE_LENGTH // 2 else _TITLE_LENGTH] + "…"


# --- writing -------------------------------------------------------------------------
@dataclass
class _Report:
    """What the export could not hold, gathered over all documents for ``warnings``."""

    overlapping: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)
    links: Counter[str] = field(default_factory=Counter)  # kind -> how many
    other_layers: Counter[str] = field(default_factory=Counter)  # layer -> spans

    def messages(self, align: str) -> list[str]:
        messages = []
        if self.links:
            kinds = joined([_LINK_WORDS[kind](n) for kind, n in self.links.items()])
            messages.append(Phrase("CoNLL tags spans only, so these were not exported: {kinds}", {"kinds": kinds}))
        if self.other_layers:
            layers = joined([Phrase("{name} ({count})", {"name": layer_word(layer), "count": n})
                             for layer, n in self.other_layers.most_common()])
            messages.append(Phrase("{spans} not exported, being in layers not asked for with --layer: {layers}",
                                   {"spans": _spans_count(self.other_layers), "layers": layers}))
        if self.overlapping:
            messages.append(Phrase(
                "{spans} left out because a BIO column cannot hold overlapping spans of one layer "
                "(the outer span was kept), in {documents}",
                {"spans": _spans_count(self.overlapping), "documents": _documents(self.overlapping)}))
        if self.dropped:
            values = {"spans": _spans_count(self.dropped), "align": tagging.align_word(align),
                      "documents": _documents(self.dropped)}
            messages.append(
                Phrase("{spans} dropped for covering no whole token ({align} alignment), in {documents}", values)
                if align == "contract" else
                Phrase("{spans} dropped for covering no token ({align} alignment), in {documents}", values))
        if self.unknown:
            labels = joined([Phrase("{name} ({count})", {"name": label, "count": n})
                             for label, n in self.unknown.most_common()])
            messages.append(Phrase("{spans} not exported, as the schema does not know the label: {labels}",
                                   {"spans": _spans_count(self.unknown), "labels": labels}))
        return messages


# What a tag column cannot hold, said with its count ("3 event arguments").
_LINK_WORDS = {
    "event arguments": lambda n: Phrase("{count} event arguments", {"count": n}),
    "attributions (source-cue-content links)":
        lambda n: Phrase("{count} attributions (source-cue-content links)", {"count": n}),
    "notes": lambda n: counted(n, "1 note", "{count} notes"),
}


def _spans_count(counts: Counter[str]) -> Phrase:
    """"1 span was", "3 spans were": the subject of a sentence the caller ends."""
    return counted(sum(counts.values()), "1 span was", "{count} spans were")


def _documents(counts: Counter[str], shown: int = 20) -> Phrase:
    names = [Phrase("{name} ({count})", {"name": name, "count": n}) for name, n in counts.items()]
    more = Phrase(" and {count} more", {"count": len(names) - shown}) if len(names) > shown else ""
    values = {"count": len(names), "names": joined(names[:shown]), "more": more}
    return (Phrase("1 document: {names}{more}", values) if len(names) == 1
            else Phrase("{count} documents: {names}{more}", values))


@dataclass(frozen=True)
class _Options:
    layers: Sequence[str]
    layer_of: Callable[[str], str | None]
    scheme: str
    align: str


def write_conll(
    items: Iterable[tuple[Document, Annotations | None]],
    out: TextIO,
    *,
    layers: Sequence[str] = ("entity",),
    layer_of: Callable[[str], str | None],
    scheme: str = "iob2",
    align: str = "split",
    warnings: list[str],
    total: int | None = None,
) -> Iterator[Progress]:
    """Write each document as a ``-DOCSTART-`` block; yield ``Progress`` after each.

    One tag column per layer in ``layers`` (``layer_of`` maps a label to its layer).
    Within a layer, overlapping spans are resolved with ``tags.outermost``; spans are
    placed on tokens with ``tags.align`` in mode ``align``. Sentence breaks that a
    span crosses are removed, so every exported span stays whole. What could not be
    exported is described in ``warnings`` once all documents are written.
    """
    options = _check_options(layers, layer_of, scheme, align)
    if total is None and isinstance(items, Sequence):
        total = len(items)
    report = _Report()
    for done, (document, work) in enumerate(items, start=1):
        out.write(_document_block(document, work, options, report))
        yield Progress(done, total, document.id)
    warnings.extend(report.messages(align))


def _check_options(
    layers: Sequence[str],
    layer_of: Callable[[str], str | None],
    scheme: str,
    align: str,
) -> _Options:
    if not layers:
        raise ValueError("export needs at least one layer")
    if scheme not in tagging.SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; use one of {tagging.SCHEMES}")
    if align not in tagging.ALIGN_MODES:
        raise ValueError(
            f"unknown alignment {align!r}; use one of {tagging.ALIGN_MODES}"
        )
    return _Options(tuple(layers), layer_of, scheme, align)


def _document_block(
    document: Document,
    annotations: Annotations | None,
    options: _Options,
    report: _Report,
) -> str:
    sentences = document_sentences(document)
    columns = _layer_spans(document.id, annotations, options, report)
    tokens = [token for sentence in sentences for token in sentence]
    tokens, token_columns = _place(document.id, tokens, columns, options, report)
    breaks = _sentence_breaks(sentences, tokens, token_columns)
    tag_columns = [
        tagging.spans_to_tags(len(tokens), spans, options.scheme)
        for spans in token_columns
    ]
    words = [document.text[start:end] for start, end in tokens]
    rows = list(map("\t".join, zip(words, *tag_columns)))
    header = "\t".join([DOCSTART] + ["O"] * len(options.layers)) + "\n\n"
    bounds = zip([0, *breaks], [*breaks, len(rows)])
    return header + "".join("\n".join(rows[a:b]) + "\n\n" for a, b in bounds if b > a)


def _layer_spans(
    document_id: str,
    annotations: Annotations | None,
    options: _Options,
    report: _Report,
) -> list[list[tagging.CharSpan]]:
    """Per exported layer, the character spans one BIO column can hold."""
    columns: list[list[tagging.CharSpan]] = [[] for _ in options.layers]
    index = {layer: number for number, layer in enumerate(options.layers)}
    for span in annotations.spans if annotations else []:
        layer = options.layer_of(span.label)
        if layer is None:
            report.unknown[span.label] += 1
        elif layer in index:
            columns[index[layer]].append((span.start, span.end, span.label))
        else:
            report.other_layers[layer] += 1
    if annotations:
        _count_links(annotations, report)
    kept = []
    for spans in columns:
        held, left_out = tagging.outermost(spans)
        if left_out:
            report.overlapping[document_id] += len(left_out)
        kept.append(held)
    return kept


def _count_links(annotations: Annotations, report: _Report) -> None:
    """Event arguments and attributions link spans: a tag column has no place for them."""
    arguments = sum(len(event.arguments) for event in annotations.events)
    if arguments:
        report.links["event arguments"] += arguments
    if annotations.attributions:
        report.links["attributions (source-cue-content links)"] += len(
            annotations.attributions
        )
    notes = len(exported_notes(annotations))  # nor for the annotator's notes
    if notes:
        report.links["notes"] += notes


def _place(
    document_id: str,
    tokens: list[tagging.Offsets],
    columns: list[list[tagging.CharSpan]],
    options: _Options,
    report: _Report,
) -> tuple[list[tagging.Offsets], list[list[tagging.TokenSpan]]]:
    """Align each column's spans on the tokens; columns share one token sequence."""
    if options.align == "split" and len(columns) > 1:
        # Cut at every column's boundaries first, so all columns see the same pieces.
        tokens = tagging.cut_tokens(
            tokens, [span for spans in columns for span in spans]
        )
    token_columns = []
    new_tokens = tokens
    for spans in columns:
        new_tokens, token_spans, dropped = tagging.align(tokens, spans, options.align)
        # Expanded spans can meet on a token they both touch: keep the outer again.
        token_spans, left_out = tagging.outermost(token_spans)
        if dropped:
            report.dropped[document_id] += len(dropped)
        if left_out:
            report.overlapping[document_id] += len(left_out)
        token_columns.append(token_spans)
    return new_tokens, token_columns


def _sentence_breaks(
    sentences: list[list[tagging.Offsets]],
    tokens: list[tagging.Offsets],
    token_columns: list[list[tagging.TokenSpan]],
) -> list[int]:
    """Token indices where a new sentence starts, except inside an exported span."""
    starts = [start for start, _ in tokens]
    breaks = sorted(
        {bisect_left(starts, sentence[0][0]) for sentence in sentences[1:] if sentence}
    )
    crossed: set[int] = set()
    for spans in token_columns:
        for start, end, _ in spans:
            index = bisect_right(breaks, start)
            while index < len(breaks) and breaks[index] < end:
                crossed.add(breaks[index])
                index += 1
    return [b for b in breaks if b not in crossed and 0 < b < len(tokens)]
