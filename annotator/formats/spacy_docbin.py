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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..core.model import Annotations, Document
from ..core.progress import Progress
from ..core.schema import Schema
from ..errors import InputError
from ..nlp import tags as tagging

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
    spacy, DocBin = load_spacy()
    if align not in tagging.ALIGN_MODES:
        raise ValueError(f"unknown alignment {align!r}; use one of {tagging.ALIGN_MODES}")
    nlp = spacy.blank("ar")
    docs = DocBin(store_user_data=True)
    report: Counter[str] = Counter()
    for done, (document, annotations) in enumerate(items, start=1):
        docs.add(_doc(nlp, document, annotations, schema, align, report))
        yield Progress(done, total, document.id)
    save(docs.to_bytes())
    warnings.extend(_messages(report, align))


def _doc(nlp: Any, document: Document, work: Annotations | None, schema: Schema,
         align: str, report: Counter[str]) -> Any:
    work = work or Annotations(document.id, "")
    wanted = [(s.start, s.end, s.label) for s in work.spans]
    doc = nlp.make_doc(document.text)
    if align == "split":
        doc = _split_at(nlp, doc, wanted, report)
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
    return doc


def _split_at(nlp: Any, doc: Any, wanted: list[tagging.CharSpan], report: Counter[str]) -> Any:
    """The same text with spaCy's tokens cut at every span boundary inside one."""
    from spacy.tokens import Doc

    tokens = [(t.idx, t.idx + len(t.text)) for t in doc]
    pieces = tagging.cut_tokens(tokens, wanted)
    if len(pieces) == len(tokens):
        return doc
    starts = {start for start, _ in tokens}
    ends = {end for _, end in tokens}
    report["split"] += sum(1 for s, e, _ in wanted if s not in starts or e not in ends)
    text = doc.text
    spaces = [end < len(text) and (i + 1 == len(pieces) or pieces[i + 1][0] > end)
              for i, (_, end) in enumerate(pieces)]
    return Doc(nlp.vocab, words=[text[s:e] for s, e in pieces], spaces=spaces)


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
