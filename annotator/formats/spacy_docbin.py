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

The bytes are those of spaCy's own ``DocBin``, made faster where spaCy spends time on
our kind of input: tokens are cut in place, each token's strings are collected from
arrays, and srsly's msgpack registries are read once per export, not three times per Doc.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from ..core.model import Annotations, Document
from ..core.progress import Progress
from ..core.schema import Schema
from ..errors import InputError
from ..nlp import tags as tagging
from .token_columns import TokenColumns

SPAN_KEY = "sc"
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
    nlp = spacy.blank("ar")
    docs = _docbin_class()(store_user_data=True)
    report: Counter[str] = Counter()
    with _msgpack_registries_read_once():
        for done, (document, annotations) in enumerate(items, start=1):
            doc, spans = _doc(nlp, document, annotations, schema, align, report)
            docs.add(doc, groups=[spans])
            yield Progress(done, total, document.id)
        data = docs.to_bytes()
    save(data)
    warnings.extend(_messages(report, align))


def _doc(nlp: Any, document: Document, work: Annotations | None, schema: Schema,
         align: str, report: Counter[str]) -> tuple[Any, list[Any]]:
    """The Doc, and the spans of its one span group (``doc.spans[SPAN_KEY]``)."""
    work = work or Annotations(document.id, "")
    wanted = [(s.start, s.end, s.label) for s in work.spans]
    doc = nlp.make_doc(document.text)
    if align == "split":
        doc = _split_at(doc, document.text, wanted, report)
    mode = "strict" if align == "split" else align
    spans = []
    for start, end, label in wanted:
        span = doc.char_span(start, end, label=label, alignment_mode=mode)
        if span is None and mode == "strict":  # an edge on a space that follows a token
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None:
            report["dropped"] += 1
        else:
            report["moved"] += (span.start_char, span.end_char) != (start, end)
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    entities = [s for s in spans if schema.layer_of(s.label_) == "entity"]
    kept, nested = tagging.outermost([(s.start, s.end, s) for s in entities])
    doc.ents = [span for _, _, span in kept]
    report["nested"] += len(nested)
    report["events"] += len(work.events)
    report["attributions"] += len(work.attributions)
    items = [*work.spans, *work.events, *work.attributions]
    report["attributes"] += sum(len(item.attributes) for item in items)
    doc.user_data.update({"id": document.id, "annotator": work.annotator, "status": work.status.value})
    return doc, spans


def _split_at(doc: Any, text: str, wanted: list[tagging.CharSpan], report: Counter[str]) -> Any:
    """The same text with spaCy's tokens cut at every span boundary inside one.

    A cut Doc holds what ``Doc(vocab, words, spaces)`` of its pieces would: the same
    tokens and spaces, and no norm from spaCy's tokenizer exceptions («أنا» -> «أنبأنا»).
    It is cut in place (``Doc.retokenize``), which costs only the tokens cut."""
    from spacy.attrs import IDX, LENGTH, NORM

    bounds = doc.to_array([IDX, LENGTH]).astype(np.int64)
    tokens = TokenColumns(text, bounds[:, 0], bounds[:, 0] + bounds[:, 1], words=False)
    cuts = tokens.cuts([edge for start, end, _ in wanted for edge in (start, end)])
    if not cuts:
        return doc
    starts, ends = set(tokens.starts.tolist()), set(tokens.ends.tolist())
    report["split"] += sum(1 for s, e, _ in wanted if s not in starts or e not in ends)
    with doc.retokenize() as retokenizer:
        for index, points in cuts.items():
            token = doc[index]
            edges = [token.idx, *points, token.idx + len(token)]
            pieces = [text[a:b] for a, b in zip(edges, edges[1:])]
            retokenizer.split(token, pieces, heads=[(token, n) for n in range(len(pieces))])
    doc.from_array([NORM], np.zeros((len(doc), 1), dtype=np.uint64))
    return doc


def _docbin_class() -> type:
    """spaCy's ``DocBin`` whose ``add`` collects each token's strings from arrays, not
    from a ``Token`` object per token and nine properties each (most of its time)."""
    from spacy.attrs import (
        DEP,
        ENT_ID,
        ENT_KB_ID,
        ENT_TYPE,
        LEMMA,
        MORPH,
        NORM,
        ORTH,
        SPACY,
        TAG,
    )
    from spacy.tokens import DocBin
    from srsly import msgpack_dumps

    string_attrs = [ORTH, TAG, LEMMA, NORM, MORPH, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID]

    class FastDocBin(DocBin):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.string_keys: dict[Any, set[int]] = {}  # by string store
            super().__init__(*args, **kwargs)

        def to_bytes(self) -> bytes:
            for store, keys in self.string_keys.items():
                self.strings.update(store[key] for key in keys)
            self.string_keys.clear()
            return super().to_bytes()

        def add(self, doc: Any, groups: list[list[Any]] | None = None) -> None:
            """``DocBin.add`` (spaCy 3.7-3.8), the token loop done on arrays, and the
            spans read from ``groups`` (the lists the Doc's span groups were set from)
            when given, as iterating a span group makes each Span anew:
            ``test_spacy_docbin_is_byte_for_byte_what_spacy_itself_writes`` keeps the
            two the same."""
            array = doc.to_array(self.attrs)
            if len(array.shape) == 1:
                array = array.reshape((array.shape[0], 1))
            self.tokens.append(array)
            spaces = doc.to_array(SPACY)
            spaces = spaces.reshape((spaces.shape[0], 1))
            self.spaces.append(np.asarray(spaces, dtype=bool))
            self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
            # text, tag_, lemma_, norm_, str(morph), dep_, ent_type_, ent_kb_id_, ent_id_:
            # their keys, turned into strings once (``to_bytes``)
            if len(doc):
                keys = (array[:, [self.attrs.index(a) for a in string_attrs]]
                        if all(a in self.attrs for a in string_attrs)
                        else doc.to_array(string_attrs))
                self.string_keys.setdefault(doc.vocab.strings, set()).update(_distinct(keys))
            self.cats.append(doc.cats)
            if self.store_user_data:
                self.user_data.append(msgpack_dumps(doc.user_data))
            self.span_groups.append(doc.spans.to_bytes())
            for group in doc.spans.values() if groups is None else groups:
                for span in group:
                    self.strings.add(span.label_)
                    if span.kb_id in span.doc.vocab.strings:
                        self.strings.add(span.kb_id_)
                    if span.id in span.doc.vocab.strings:
                        self.strings.add(span.id_)

    return FastDocBin


def _distinct(keys: np.ndarray) -> list[int]:
    """The distinct values of a 2-D array most of whose columns hold one value (a Doc's
    tag, lemma, dep... keys: all 0 here), faster than ``numpy.unique`` of it all."""
    same = (keys == keys[0]).all(axis=0)
    varied = np.sort(keys[:, ~same], axis=None)
    if len(varied):
        varied = varied[np.concatenate(([True], varied[1:] != varied[:-1]))]
    return [*keys[0, same].tolist(), *varied.tolist()]


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
    messages = []
    if report["split"]:
        messages.append(f"{report['split']} spans start or end inside one of spaCy's tokens; "
                        "those tokens were cut there (split alignment), offsets unchanged")
    if report["moved"]:
        messages.append(f"{report['moved']} spans did not fall on spaCy's token boundaries and "
                        f"were moved to them ({align} alignment)")
    if report["dropped"]:
        messages.append(f"{report['dropped']} spans were dropped for covering no whole token "
                        f"({align} alignment)")
    if report["nested"]:
        messages.append(f"{report['nested']} entity spans inside or across others are in "
                        f"doc.spans[{SPAN_KEY!r}] only: doc.ents holds the outermost")
    lost = [f"{report[k]} {k}" for k in ("events", "attributions", "attributes") if report[k]]
    if lost:
        messages.append("a .spacy file has no place for these, which were not exported: "
                        + ", ".join(lost))
    return messages
