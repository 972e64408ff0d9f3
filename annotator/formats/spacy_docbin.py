"""Export to spaCy's binary ``.spacy`` format (a ``DocBin``), written by spaCy itself.

spaCy is an optional extra (``pip install ".[spacy]"``). Each document becomes a
``Doc`` made by ``spacy.blank("ar")``: every span goes to ``doc.spans["sc"]`` (nesting
kept, for spaCy's span categorizer), and the outermost non-overlapping entity spans to
``doc.ents`` (for its NER). spaCy's tokenizer splits Arabic differently from ours
(«لقوات» stays one token), so spans are placed with the ``--align`` mode:

* ``split``: a token is cut where a span starts or ends inside it; offsets never move;
* ``expand`` / ``contract``: ``Doc.char_span(alignment_mode=...)`` on spaCy's tokens.

Spans that needed it are counted and reported. The document id and annotator go in
``doc.user_data``; events, attributions and attributes have no place and are counted.

The file is spaCy's own ``DocBin`` of those Docs, keeping the token attributes they
carry (``DOCBIN_ATTRS``). It is made faster where spaCy spends time on our kind of
input: tokens are cut in place, spans placed on the token arrays as ``Doc.char_span``
places them, entities set from an array as ``doc.ents`` sets them, each token's strings
collected from arrays, and srsly's msgpack registries read once per export, not three
times per Doc. Tests compare the Docs spaCy loads with those of the plain writer.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import numpy as np

from ..core.model import Annotations, Document
from ..core.progress import Progress
from ..core.schema import Schema
from ..errors import InputError, Phrase, joined
from ..nlp import tags as tagging
from .token_columns import TokenColumns
from .tools import _KIND_WORDS, _attributes_count, notes_count

SPAN_KEY = "sc"
# The token attributes our Docs set (DocBin always keeps ORTH and SPACY); SENT_START
# too, as spaCy's tokenizer leaves it unset (0) on a first token that is one of its
# exceptions («—»), where a Doc loaded without it would say 1. The others spaCy would
# store (tags, lemmas, heads...) are all zero: a Doc loaded without them has the same.
# (``test_spacy_docs_load_as_the_plain_writers_did``.)
DOCBIN_ATTRS = ("ORTH", "NORM", "ENT_IOB", "ENT_TYPE", "SENT_START")
MISSING = ('--format spacy needs spaCy, which is not installed; install it with '
           'pip install ".[spacy]" (or pip install "spacy>=3.7")')


def load_spacy() -> Any:
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise InputError(MISSING) from None
    return spacy, DocBin


def write_docbin(
    items: Iterable[tuple[Document, Annotations | None]],
    save: Callable[[bytes], None],
    schema: Schema,
    *,
    align: str = "split",
    warnings: list[str],
    total: int | None = None,
) -> Iterator[Progress]:
    """Build one ``Doc`` per (document, annotator) and hand the DocBin's bytes to ``save``."""
    spacy, _ = load_spacy()
    if align not in tagging.ALIGN_MODES:
        raise ValueError(f"unknown alignment {align!r}; use one of {tagging.ALIGN_MODES}")
    maker = _DocMaker(spacy.blank("ar"), schema, align)
    docs = _docbin_class()(attrs=DOCBIN_ATTRS, store_user_data=True)
    with _msgpack_registries_read_once():
        for done, (document, annotations) in enumerate(items, start=1):
            doc, spans = maker.doc(document, annotations)
            docs.add(doc, groups=[spans])
            yield Progress(done, total, document.id)
        data = docs.to_bytes()
    save(data)
    warnings.extend(_messages(maker.report, align))


class _DocMaker:
    """Docs of one export: spaCy's tokens, our spans on them, counts of what moved."""

    def __init__(self, nlp: Any, schema: Schema, align: str) -> None:
        self.nlp, self.schema, self.align = nlp, schema, align
        self.report: Counter[str] = Counter()
        self.labels: dict[str, tuple[int, bool]] = {}  # label -> (its hash, is an entity)

    def doc(self, document: Document, work: Annotations | None) -> tuple[Any, list[Any]]:
        """The Doc, and the spans of its one span group (``doc.spans[SPAN_KEY]``)."""
        work = work or Annotations(document.id, "")
        doc = self.nlp.make_doc(document.text)
        tokens = _TokenEdges.of(doc, len(document.text))
        starts = np.array([span.start for span in work.spans], dtype=np.int64)
        ends = np.array([span.end for span in work.spans], dtype=np.int64)
        if self.align == "split" and len(starts) and _split_at(doc, tokens, document.text,
                                                                starts, ends, self.report):
            tokens = _TokenEdges.of(doc, len(document.text))
        spans, entity = self._spans(doc, tokens, work, starts, ends, len(document.text))
        doc.spans[SPAN_KEY] = spans
        entities = [span for span, is_entity in zip(spans, entity) if is_entity]
        kept, nested = tagging.outermost([(s.start, s.end, s) for s in entities])
        _set_entities(doc, [(start, end, span.label) for start, end, span in kept])
        self.report["nested"] += len(nested)
        self._count_left_out(work)
        doc.user_data.update({"id": document.id, "annotator": work.annotator,
                              "status": work.status.value})
        return doc, spans

    def _spans(self, doc: Any, tokens: _TokenEdges, work: Annotations, starts: np.ndarray,
               ends: np.ndarray, length: int) -> tuple[list[Any], list[bool]]:
        """``Doc.char_span`` of each span with the alignment mode (strict, then contract,
        for ``split``), found for all spans at once on the token arrays; and whether
        each is an entity."""
        from spacy.tokens import Span

        if not len(starts):
            return [], []
        first, after, kept = tokens.char_spans(starts, ends, self.align)
        self.report["dropped"] += len(starts) - len(first)
        start_chars, end_chars = tokens.char_offsets(first, after, length)
        moved = (start_chars != starts[kept]) | (end_chars != ends[kept])
        self.report["moved"] += int(moved.sum())
        labels = [self._label(span.label) for span, covers in zip(work.spans, kept.tolist())
                  if covers]
        spans = [Span(doc, start, end, label=label)
                 for start, end, (label, _) in zip(first.tolist(), after.tolist(), labels)]
        return spans, [is_entity for _, is_entity in labels]

    def _label(self, label: str) -> tuple[int, bool]:
        """The label's hash in the vocab's strings, and whether it is an entity label."""
        found = self.labels.get(label)
        if found is None:
            found = self.labels[label] = (self.nlp.vocab.strings.add(label),
                                          self.schema.layer_of(label) == "entity")
        return found

    def _count_left_out(self, work: Annotations) -> None:
        self.report["events"] += len(work.events)
        self.report["attributions"] += len(work.attributions)
        self.report["attributes"] += _attributes_count(work)
        self.report["notes"] += notes_count(work)


class _TokenEdges(NamedTuple):
    """A Doc's tokens: where each starts, ends, and ends with its trailing space."""

    starts: np.ndarray
    ends: np.ndarray
    reach: np.ndarray

    @classmethod
    def of(cls, doc: Any, length: int) -> _TokenEdges:
        """The edges of ``doc``'s tokens, ``length`` being its text's: a token ends where
        the next starts, less its trailing space (spaCy's tokens cover the text)."""
        from spacy.attrs import IDX, SPACY

        columns = doc.to_array([IDX, SPACY]).astype(np.int64).reshape((len(doc), 2))
        starts, spaced = columns[:, 0], columns[:, 1]
        reach = np.append(starts[1:], length) if len(doc) else starts
        return cls(starts, reach - spaced, reach)

    def at(self, chars: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The token each character is in (with its trailing space), as spaCy's
        ``token_by_char`` finds it, and whether there is one."""
        index = np.searchsorted(self.starts, chars, side="right") - 1
        found = (index >= 0) & (chars < self.reach[np.maximum(index, 0)])
        return np.maximum(index, 0), found

    def char_spans(self, starts: np.ndarray, ends: np.ndarray,
                   align: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``Doc.char_span(start, end, alignment_mode=...)`` for each span, as the
        token range ``first:after`` of the spans it gives, and which spans give one.
        ``split`` asks ``strict``, then ``contract`` where that gives none: the same as
        ``contract`` alone, which changes nothing in a span ``strict`` accepts."""
        first, found_first = self.at(starts)
        last, found_last = self.at(ends - 1)
        found = found_first & found_last
        if align == "expand":  # an edge on the space after a token is not in it
            first = first + (starts == self.ends[first])
            return first[found], last[found] + 1, found
        first = first + (self.starts[first] < starts)
        last = last - (ends < self.ends[last])
        kept = found & (last >= first)
        return first[kept], last[kept] + 1, kept

    def char_offsets(self, first: np.ndarray, after: np.ndarray,
                     length: int) -> tuple[np.ndarray, np.ndarray]:
        """``Span.start_char`` and ``end_char`` of the token ranges (an empty one at
        its first token's start, or at the text's end after the last token)."""
        count = len(self.starts)
        start_chars = np.where(first < count, self.starts[np.minimum(first, count - 1)], length)
        end_chars = np.where(after > first, self.ends[np.maximum(after - 1, 0)], start_chars)
        return start_chars, end_chars


def _split_at(doc: Any, tokens: _TokenEdges, text: str, starts: np.ndarray,
              ends: np.ndarray, report: Counter[str]) -> bool:
    """Cut spaCy's tokens at every span boundary inside one; whether any was cut.

    A cut Doc holds what ``Doc(vocab, words, spaces)`` of its pieces would: the same
    tokens and spaces, no norm from spaCy's tokenizer exceptions («أنا» -> «أنبأنا»),
    and a sentence start on its first token only. It is cut in place
    (``Doc.retokenize``), which costs only the tokens cut."""
    from spacy.attrs import NORM, SENT_START

    cuts = TokenColumns(text, tokens.starts, tokens.ends, words=False).cuts(
        np.concatenate((starts, ends)))
    if not cuts:
        return False
    inside = ~(_among(starts, tokens.starts) & _among(ends, tokens.ends))
    report["split"] += int(inside.sum())
    with doc.retokenize() as retokenizer:
        for index, points in cuts.items():
            token = doc[index]
            edges = [token.idx, *points, token.idx + len(token)]
            pieces = [text[a:b] for a, b in zip(edges, edges[1:])]
            retokenizer.split(token, pieces, heads=[(token, n) for n in range(len(pieces))])
    columns = np.zeros((len(doc), 2), dtype=np.uint64)
    columns[0, 1] = 1
    doc.from_array([NORM, SENT_START], columns)
    return True


def _among(values: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """Whether each value is in ``sorted_values`` (``numpy.isin``, for a sorted array)."""
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[at] == values


def _set_entities(doc: Any, entities: list[tuple[int, int, int]]) -> None:
    """``doc.ents`` set to these (token start, token end, label) spans, which do not
    overlap, as ``Doc.set_ents`` sets them: B on the first token, I on the others,
    O on every token outside them; written with ``Doc.from_array``."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    columns = np.zeros((len(doc), 2), dtype=np.uint64)
    columns[:, 0] = _OUTSIDE
    if entities:
        starts = np.array([start for start, _, _ in entities], dtype=np.int64)
        lengths = np.array([end for _, end, _ in entities], dtype=np.int64) - starts
        labels = np.array([label for _, _, label in entities], dtype=np.uint64)  # hashes
        inside = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        inside += np.arange(len(inside))  # every token of every entity
        columns[inside, 0] = _INSIDE
        columns[inside, 1] = np.repeat(labels, lengths)
        columns[starts[lengths > 0], 0] = _BEGIN
    doc.from_array([ENT_IOB, ENT_TYPE], columns)


_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3  # Token.iob_strings(): "", "I", "O", "B"


def _docbin_class() -> type:
    """spaCy's ``DocBin`` for the Docs made here, whose ``add`` reads each token's
    strings from the arrays it stores, not from a ``Token`` object per token and nine
    properties each (most of its time)."""
    from spacy.attrs import ENT_TYPE, NORM, ORTH, SPACY
    from spacy.tokens import DocBin
    from srsly import msgpack_dumps

    class FastDocBin(DocBin):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.string_keys: dict[Any, set[int]] = {}  # by string store
            super().__init__(*args, **kwargs)
            self.string_columns = [self.attrs.index(a) for a in (ORTH, NORM, ENT_TYPE)]

        def to_bytes(self) -> bytes:
            for store, keys in self.string_keys.items():
                self.strings.update(store[key] for key in keys)
            self.string_keys.clear()
            return super().to_bytes()

        def add(self, doc: Any, groups: list[list[Any]] | None = None) -> None:
            """``DocBin.add`` (spaCy 3.7-3.8) of a Doc made here, with one ``to_array``
            and the spans read from ``groups`` (the lists the Doc's span groups were set
            from) when given, as iterating a span group makes each Span anew.

            ``DocBin.add`` keeps as strings every token's text, norm, entity type, tag,
            lemma, morph, dependency, KB id and entity id, and every span's label, KB id
            and id: the Docs made here have none of the tags... ids (their string is the
            empty one, key 0), so the keys are read from the ORTH, NORM and ENT_TYPE
            columns it stores and the spans' labels.
            ``test_spacy_docbin_is_what_spacys_own_docbin_writes`` keeps the two the same."""
            columns = doc.to_array([*self.attrs, SPACY]).reshape((len(doc), len(self.attrs) + 1))
            self.tokens.append(np.ascontiguousarray(columns[:, :-1]))
            self.spaces.append(columns[:, -1:].astype(bool))
            self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
            keys = self.string_keys.setdefault(doc.vocab.strings, set())
            if len(doc):
                keys.add(0)
                orth, norm, entity = (columns[:, column] for column in self.string_columns)
                # a norm is its text's but after a tokenizer exception; most tokens are O
                for found in (orth, norm[norm != orth], entity[entity != 0]):
                    keys.update(found.tolist())
            self.cats.append(doc.cats)
            if self.store_user_data:
                self.user_data.append(msgpack_dumps(doc.user_data))
            self.span_groups.append(doc.spans.to_bytes())
            for group in doc.spans.values() if groups is None else groups:
                keys.update({span.label for span in group})
                keys.update([0] if len(group) else [])  # their KB ids and ids

    return FastDocBin


_READ_ONCE = threading.Lock()
_READING_ONCE = [0]  # exports inside _msgpack_registries_read_once, in any thread


@contextmanager
def _msgpack_registries_read_once() -> Iterator[None]:
    """srsly looks its msgpack encoders and decoders up (every installed package's entry
    points, and its whole registry) each time it packs, three times per Doc: most of the
    rest of a DocBin's time. They do not change during an export: read them once (the
    first export to start reads them, the last to end puts srsly back as it was)."""
    import srsly

    registries = [srsly.msgpack_encoders, srsly.msgpack_decoders]
    with _READ_ONCE:
        if not _READING_ONCE[0]:
            for registry in registries:
                found = registry.get_all()
                registry.get_all = lambda found=found: found
        _READING_ONCE[0] += 1
    try:
        yield
    finally:
        with _READ_ONCE:
            _READING_ONCE[0] -= 1
            if not _READING_ONCE[0]:
                for registry in registries:
                    del registry.get_all  # the class's method shows again


def _messages(report: Counter[str], align: str) -> list[str]:
    messages: list[str] = []
    said = tagging.align_word(align)
    if report["split"]:
        messages.append(Phrase("{count} spans start or end inside one of spaCy's tokens; those tokens were cut "
                               "there ({align} alignment), offsets unchanged",
                               {"count": report["split"], "align": tagging.align_word("split")}))
    if report["moved"]:
        messages.append(Phrase("{count} spans did not fall on spaCy's token boundaries and were moved to them "
                               "({align} alignment)", {"count": report["moved"], "align": said}))
    if report["dropped"]:
        messages.append(Phrase("{count} spans were dropped for covering no whole token ({align} alignment)",
                               {"count": report["dropped"], "align": said}))
    if report["nested"]:  # spaCy's own names, as code
        messages.append(Phrase("{count} entity spans inside or across others are in {group} only: "
                               "{entities} holds the outermost",
                               {"count": report["nested"], "group": f"doc.spans[{SPAN_KEY!r}]",
                                "entities": "doc.ents"}))
    lost = [_KIND_WORDS[kind](report[kind]) for kind in _LEFT_OUT if report[kind]]
    if lost:
        messages.append(Phrase("a .spacy file has no place for these, which were not exported: {kinds}",
                               {"kinds": joined(lost)}))
    return messages


_LEFT_OUT = ("events", "attributions", "attributes", "notes")  # what a .spacy file has no place for
