"""Label suggestions over a generated corpus: index build, then one new label's matches.

Builds ``--articles`` generated articles (default 5,000) from the sample articles in
``corpora/``, in memory: the seed article with its body paragraphs shuffled (even
numbers) and rotated windows of sentences of the AQMAR articles (odd numbers), so every
text differs. Then, with ``time.perf_counter``:

* the ``SuggestionIndex`` build over the whole corpus (normalisation with offset maps,
  word -> documents index), once;
* for each of several labelled strings (from the seed and from AQMAR, frequent and
  rare), "the annotator labels it once": ``rule_for`` (proclitics stripped,
  normalised) plus ``SuggestionIndex.matches`` over the corpus. Each string is timed
  ``--rounds`` times; its median is reported, then the median over all strings, which
  has the target < 100 ms (and the slowest string, for information);
* for comparison, one document's suggestions for all those rules (``for_document``,
  what the text view asks for when a document opens) and the document-list filter
  (``documents_matching`` on the index, and ``search.documents_matching`` over a
  project store, which reads and normalises every text).

    /work/venv/bin/python benchmarks/suggestions.py [--articles N] [--rounds R]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from machine_info import machine_lines  # benchmarks/machine_info.py, beside this script

from annotator.core.model import Document, Span
from annotator.core.schema_files import load_schema
from annotator.core.search import documents_matching
from annotator.core.suggestions import SuggestionIndex, rule_for
from annotator.formats.conll import read_conll
from annotator.paths import corpora_root
from annotator.storage import ProjectStore

SEED = "aleppo-2020-02-02.txt"
TARGET_MS = 100.0
# (string, label, where to take the labelled occurrence from)
LABELLED = [
    ("قوات النظام", "ORG", "seed"),  # 11 a seed copy, 2 of them glued to ل, 1 to و
    ("حلب", "GPE", "seed"),  # 13 a copy, one inside «كفرحلب» (never matched)
    ("ريف حلب الجنوبي", "LOC", "seed"),
    ("الجبهة الوطنية للتحرير", "ORG", "seed"),
    ("إدلب", "GPE", "seed"),
    ("هيئة تحرير الشام", "ORG", "seed"),
    ("دمشق", "LOC", "aqmar"),  # the most frequent AQMAR entity
    ("أحمد بن طولون", "PER", "aqmar"),
    ("القاهرة", "LOC", "aqmar"),
    ("العالم الإسلامي", "LOC", "aqmar"),
]


# --- the generated corpus -----------------------------------------------------------
class Generator:
    def __init__(self) -> None:
        root = corpora_root()
        text = (root / SEED).read_text(encoding="utf-8").rstrip("\n")
        paragraphs = text.split("\n\n")
        self.title, self.body = paragraphs[0], paragraphs[1:]
        self.aqmar: list[tuple[str, list[str]]] = []
        for path in sorted((root / "aqmar").glob("*.conll")):
            for record in read_conll(path, annotator="bench"):
                self.aqmar.append((path.name, record.document.text.split("\n")))

    def article(self, number: int, rng: random.Random) -> Document:
        if number % 2 == 0:
            body = list(self.body)
            rng.shuffle(body)
            text, source = "\n\n".join([self.title, *body]), SEED
        else:
            source, sentences = self.aqmar[(number // 2) % len(self.aqmar)]
            count = len(sentences)
            width = rng.randint(min(12, count), min(40, count))
            start, turn = rng.randrange(count), rng.randrange(width)
            text = "\n".join(
                sentences[(start + (turn + j) % width) % count] for j in range(width)
            )
        return Document(
            f"bench-{number:05d}",
            text,
            {"title": text.split("\n", 1)[0][:60], "source": source},
        )


def build_corpus(articles: int) -> list[Document]:
    generator, rng = Generator(), random.Random(20200202)
    return [generator.article(number, rng) for number in range(articles)]


# --- timing -------------------------------------------------------------------------
def timed(work: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """Median seconds over ``rounds`` runs, and the last result."""
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def labelled_span(
    corpus: list[Document], phrase: str, label: str, source: str
) -> tuple[Document, Span]:
    """The first occurrence of ``phrase`` in an article of ``source``: the new label."""
    for document in corpus:
        if (document.meta["source"] == SEED) == (
            source == "seed"
        ) and phrase in document.text:
            start = document.text.index(phrase)
            return document, Span("T1", start, start + len(phrase), label)
    raise SystemExit(f"benchmark: {phrase!r} is in no {source} article")


def store_filter_time(corpus: list[Document], query: str) -> float:
    store = ProjectStore.in_memory(load_schema("arabic-news"))
    try:
        with store.atomic():
            for document in corpus:
                store.add_document(document)
        seconds, _ = timed(lambda: documents_matching(store, query), 1)
        return seconds
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args(argv)

    for line in machine_lines(("camel-tools",)):
        print(line)
    print("building the corpus ...", file=sys.stderr)
    corpus = build_corpus(options.articles)
    characters = sum(len(d.text) for d in corpus)
    print(f"corpus   {len(corpus):,} articles, {characters:,} characters")

    start = time.perf_counter()
    index = SuggestionIndex.build(corpus)
    build = time.perf_counter() - start
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"index    built in {build:.2f} s ({len(corpus) / build:,.0f} articles/s); "
        f"peak RSS {memory:,.0f} MB"
    )

    rounds = options.rounds
    print(f"\none new label over the corpus (rule_for + matches), median of {rounds}:")
    print(f"  {'string':<28}{'label':<7}{'places':>8}{'articles':>10}{'ms':>9}")
    medians, rules = [], []
    for phrase, label, source in LABELLED:
        document, span = labelled_span(corpus, phrase, label, source)

        def work(document: Document = document, span: Span = span) -> Any:
            rule = rule_for(document.text, span)
            return rule, index.matches(rule)

        seconds, (rule, found) = timed(work, options.rounds)
        rules.append(rule)
        medians.append(seconds * 1000)
        articles = len({s.document_id for s in found})
        cells = f"{len(found):>8,}{articles:>10,}{seconds * 1000:>9.1f}"
        print(f"  {phrase:<28}{label:<7}{cells}")

    overall = statistics.median(medians)
    verdict = "PASS" if overall < TARGET_MS else "MISS"
    print(
        f"\n  median over {len(medians)} strings: {overall:.1f} ms "
        f"(target < {TARGET_MS:g} ms) {verdict}"
    )
    print(f"  slowest string: {max(medians):.1f} ms")

    seed_copy = corpus[0].id
    seconds, shown = timed(lambda: index.for_document(seed_copy, rules), options.rounds)
    print(
        f"\none document, all {len(rules)} rules (for_document): "
        f"{seconds * 1000:.2f} ms, {len(shown)} suggestions"
    )
    seconds, hits = timed(lambda: index.documents_matching("الاسمنت"), options.rounds)
    print(
        f"document filter on the index (documents_matching): {seconds * 1000:.1f} ms, "
        f"{len(hits):,} articles"
    )
    print(
        f"document filter over a project store (search.documents_matching): "
        f"{store_filter_time(corpus, 'الاسمنت') * 1000:.0f} ms"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
