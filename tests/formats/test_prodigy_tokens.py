"""The Prodigy export, made column-wise for speed (issue 12: at most twice the JSONL
export's time), writes byte for byte what ``json.dumps`` writes of its dicts (with no
spaces after separators, as Prodigy's own files are written).

``_reference_line`` is the writer as it was: tokens from ``nlp.tokens``, spans placed
with ``nlp.tags.align``, the whole task through ``json.dumps``. The new one is compared
with it on the seed, on every corpus text, on CoNLL documents that bring their own
tokens, and on generated text full of what JSON escapes, with spans anywhere, in the
three alignment modes; and once end to end, from ``annotator export`` in a second process.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotations, Document, Span, Status
from annotator.formats.conll import read_conll
from annotator.formats.jsonl import document_line, read_jsonl
from annotator.formats.token_columns import (
    TokenColumns,
    json_string_bytes,
    tokens_json_by_dicts,
)
from annotator.formats.tools import _prodigy_line
from annotator.nlp import tags
from annotator.nlp.tokens import document_sentences
from tests.helpers import run_annotator, seed_annotations

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
MODES = ("split", "expand", "contract")
ALPHABET = ("ابتثجحخدذرزسشلمنهويءأةـَُِّ0123456789٠١٢"
            ".,:!؟،«»()\"'\\/-%*#©“”…"
            " \n\t\r\x0b\x1c\x85\u00a0\u2028\x01\x1b\x7f"
            "\u200d\ufe0f\u20e3👍🏽𝒜")


def _reference_line(document: Document, annotations: Annotations | None,
                    align: str) -> tuple[bytes, Counter[str]]:
    """The task line and the alignment counts, as the dict-by-dict writer made them."""
    text = document.text
    work = annotations or Annotations(document.id, "")
    words = [token for sentence in document_sentences(document) for token in sentence]
    char_spans = [(s.start, s.end, s.label) for s in work.spans]
    words, token_spans, dropped = tags.align(words, char_spans, align)
    tokens = [{"text": text[start:end], "start": start, "end": end, "id": n,
               "ws": end < len(text) and text[end] == " "}
              for n, (start, end) in enumerate(words)]
    counts: Counter[str] = Counter(dropped=len(dropped))
    spans = []
    for (first, last, label), original in zip(token_spans,
                                              [c for c in char_spans if c not in dropped]):
        start, end = words[first][0], words[last - 1][1]
        counts["moved"] += (start, end) != original[:2]
        spans.append({"start": start, "end": end, "token_start": first,
                      "token_end": last - 1, "label": label})
    line: dict = {"id": document.id, "text": text}
    if annotations is not None:
        line["annotator"] = annotations.annotator
    line.update(tokens=tokens, spans=spans, answer="accept", _view_id="spans_manual")
    compact = json.dumps(line, ensure_ascii=False, separators=(",", ":"))
    return compact.encode("utf-8") + b"\n", counts


def _assert_same(document: Document, annotations: Annotations | None) -> None:
    for align in MODES:
        expected, counts = _reference_line(document, annotations, align)
        moved: Counter[str] = Counter()
        work = annotations or Annotations(document.id, "")
        assert _prodigy_line(document, annotations, work, align, moved) == expected, align
        assert +moved == +counts, align


def _random_spans(text: str, count: int, rng: random.Random) -> list[Span]:
    """Spans anywhere: inside words, across them, on whitespace, nested."""
    spans = []
    for n in range(count):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randint(1, 40))
        spans.append(Span(f"R{n}", start, end, rng.choice(["PER", "ORG", "GPE"])))
    return spans


def _corpus_documents() -> list[Document]:
    paths = sorted(p for p in CORPORA.rglob("*") if p.suffix in (".txt", ".jsonl", ".md"))
    return [Document(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def test_prodigy_tokens_are_written_as_before_on_the_seed(seed_text: str) -> None:
    work = seed_annotations(seed_text, "seed")
    _assert_same(Document("seed", seed_text), work)
    moved = Counter[str]()
    _prodigy_line(Document("seed", seed_text), work, work, "split", moved)
    assert not moved  # «لقوات النظام»: the cut keeps every offset


def test_prodigy_tokens_are_written_as_before_on_every_corpus_text() -> None:
    rng = random.Random(12)
    documents = _corpus_documents()
    assert len(documents) >= 3
    for document in documents:
        spans = _random_spans(document.text, 60, rng)
        _assert_same(document, Annotations(document.id, "amal", Status.DONE, spans))
        _assert_same(document, None)


def test_prodigy_tokens_are_written_as_before_for_conll_documents_with_own_tokens() -> None:
    rng = random.Random(5)
    records = [record for path in sorted((CORPORA / "aqmar").glob("*.conll"))
               for record in read_conll(path, annotator="amal")]
    assert records and all(record.document.tokens for record in records)
    for record in records:
        document, [work] = record.document, record.annotations
        spans = [*work.spans, *_random_spans(document.text, 20, rng)]
        _assert_same(document, Annotations(document.id, "amal", Status.DONE, spans))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80), st.randoms(use_true_random=False))
def test_prodigy_tokens_are_written_as_before_on_generated_text(text: str, rng) -> None:
    spans = _random_spans(text, rng.randint(0, 6), rng)
    _assert_same(Document("d", text), Annotations("d", "amal", Status.DONE, spans))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60), st.randoms(use_true_random=False))
def test_prodigy_tokens_json_matches_json_dumps_for_any_own_tokens(text: str, rng) -> None:
    """CoNLL tokens may hold anything, a quote inside a word or whitespace included."""
    edges = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(8))})
    pairs = [(a, b) for a, b in zip(edges, edges[1:]) if rng.random() < 0.8]
    columns = TokenColumns.of(Document("d", text, tokens=[pairs]))
    assert columns.json_bytes() == tokens_json_by_dicts(text, *zip(*pairs) if pairs else ((), ())
                                                        ).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "\x08\x0c\x1f", max_size=80))
def test_prodigy_text_json_matches_json_dumps(text: str) -> None:
    """The task's text is escaped as json.dumps escapes it (quotes, backslashes, line
    breaks, other control characters as \\u00XX)."""
    utf8 = text.encode("utf-8", "surrogatepass")
    assert json_string_bytes(text, utf8) == json.dumps(text, ensure_ascii=False).encode(
        "utf-8", "surrogatepass")


@pytest.mark.parametrize("align", MODES)
def test_prodigy_export_from_the_cli_is_byte_for_byte_the_reference(tmp_path: Path,
                                                                     seed_text: str,
                                                                     align: str) -> None:
    rng = random.Random(7)
    documents = [Document("seed", seed_text), *_corpus_documents()]
    works = [seed_annotations(seed_text, "seed"),
             *(Annotations(d.id, "amal", Status.IN_PROGRESS,
                           _non_overlapping(_random_spans(d.text, 40, rng)))
               for d in documents[1:])]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(document_line(d, w), ensure_ascii=False) + "\n"
                              for d, w in zip(documents, works)), encoding="utf-8")
    project, out, stored = tmp_path / "p.sqlite", tmp_path / "out.jsonl", tmp_path / "s.jsonl"
    assert run_annotator("init", str(project)).returncode == 0
    done = run_annotator("import", str(project), str(source))
    assert done.returncode == 0, done.stderr
    for fmt, path in (("prodigy", out), ("jsonl", stored)):
        done = run_annotator("export", str(project), "-o", str(path), "--format", fmt,
                             "--align", align)
        assert done.returncode == 0, done.stderr
    lines = out.read_bytes().splitlines(keepends=True)
    records = list(read_jsonl(stored))  # what the project holds, in the export's order
    assert len(lines) == len(records) == len(documents)
    for line, record in zip(lines, records):
        assert line == _reference_line(record.document, record.annotations[0], align)[0]


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """What the project accepts for one layer: no two spans cross."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if all(span.end <= other.start or other.end <= span.start
               or (other.start <= span.start and span.end <= other.end) for other in kept):
            kept.append(span)
    return kept
