"""Import and export throughput on a generated corpus, against bare baselines.

Builds a JSONL file of ``--articles`` generated articles (default 5,000) from the
sample articles in ``corpora/``: the seed article with its body paragraphs shuffled
and the hand annotations of ``tests/helpers.seed_annotations`` moved along with
them (entities, a Conflict.Attack event, an attribution), and rotated windows of
sentences of the AQMAR articles with their PER/LOC/ORG spans. Every text differs.

Then it times, with ``time.perf_counter`` (and ``time.process_time``, whose ratios are
printed for information: they move less when other processes share the machine):

* import: ``import_records(store, read_jsonl(path))`` into a fresh project file, as
  ``annotator import`` does (and the CLI itself, ``annotator.cli.run``);
* the baseline: the same rows, the same JSON parsing, inserted with bare
  sqlite-utils ``insert_all`` in one transaction; target import / baseline <= 3;
* JSONL and CoNLL export of the imported project (``export_project``);
* the baseline: camel-tools ``simple_word_tokenize`` alone over the same texts;
  target CoNLL export / tokenizer <= 2;
* the other tools' shapes: export to doccano, doccano-relations, Prodigy and (when
  spaCy is installed) a spaCy DocBin, and import of the three JSONL shapes into a fresh
  project; target each / the JSONL figure (export or import) <= 2;
* spaCy's own steps, with nothing of ours (printed for information): its tokenizer over
  the texts and ``DocBin.to_bytes`` of the exported file read back. Any writer of these
  Docs through spaCy pays them; they are most of the spaCy export's figure.

Token counts are camel-tools word tokens, counted once before any timing. The size of
each export file is printed beside the JSONL's.

    /work/venv/bin/python benchmarks/import_export.py [--articles N] [--keep DIR] [--rounds R]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from machine_info import machine_lines  # benchmarks/machine_info.py, beside this script
from sqlite_utils import Database

from annotator import cli
from annotator.core.importing import import_records
from annotator.core.model import Annotations, Document, Span, Status
from annotator.core.schema_files import load_schema
from annotator.formats.conll import read_conll
from annotator.formats.jsonl import document_line, read_jsonl
from annotator.formats.registry import ExportOptions, export_project
from annotator.nlp.tokens import tokenize
from annotator.paths import corpora_root
from annotator.storage import ProjectStore

REPO = Path(__file__).resolve().parent.parent
ANNOTATOR = "bench"
SEED = "aleppo-2020-02-02.txt"
AQMAR_LABELS = {"PER", "LOC", "ORG"}  # MIS0-MIS3 are not in the default schema
IMPORT_TARGET = 3.0
CONLL_TARGET = 2.0
TOOL_TARGET = 2.0  # a new format's export (import) / JSONL export (import)
TOOL_FORMATS = ("doccano", "doccano-relations", "prodigy")


# --- the generated corpus -------------------------------------------------------------
def _seed_annotations():  # tests/helpers.py is not in a package: load it by path
    spec = importlib.util.spec_from_file_location("_bench_helpers", REPO / "tests" / "helpers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.seed_annotations


def _units(text: str, spans: list[Span], separator: str) -> list[tuple[str, list[Span]]]:
    """Cut ``text`` at ``separator``; each piece with its spans, offsets made local."""
    units = []
    position = 0
    for piece in text.split(separator):
        end = position + len(piece)
        inside = [s for s in spans if position <= s.start and s.end <= end]
        units.append((piece, [s.with_changes(start=s.start - position, end=s.end - position)
                              for s in inside]))
        position = end + len(separator)
    placed = sum(len(u[1]) for u in units)
    if placed != len(spans):
        raise SystemExit(f"benchmark: {len(spans) - placed} spans cross a '{separator!r}' cut")
    return units


def _join(units: list[tuple[str, list[Span]]], separator: str) -> tuple[str, list[Span]]:
    """Join pieces, moving each piece's spans to their new offsets."""
    spans = []
    position = 0
    for piece, local in units:
        spans.extend(s.with_changes(start=s.start + position, end=s.end + position) for s in local)
        position += len(piece) + len(separator)
    return separator.join(piece for piece, _ in units), spans


class Generator:
    def __init__(self) -> None:
        root = corpora_root()
        text = (root / SEED).read_text(encoding="utf-8").rstrip("\n")
        seed = _seed_annotations()(text, "seed", ANNOTATOR)
        paragraphs = _units(text, seed.spans, "\n\n")
        self.title, self.body = paragraphs[0], paragraphs[1:]
        self.events, self.attributions = seed.events, seed.attributions
        self.aqmar = []  # (source, sentences with their spans)
        for path in sorted((root / "aqmar").glob("*.conll")):
            for record in read_conll(path, annotator=ANNOTATOR):
                spans = [s for s in record.annotations[0].spans if s.label in AQMAR_LABELS]
                self.aqmar.append((path.name, _units(record.document.text, spans, "\n")))

    def article(self, number: int, rng: random.Random) -> tuple[Document, Annotations]:
        doc_id = f"bench-{number:05d}"
        if number % 2 == 0:  # the seed article, body paragraphs shuffled
            body = list(self.body)
            rng.shuffle(body)
            text, spans = _join([self.title, *body], "\n\n")
            source, status = SEED, Status.DONE
            events, attributions = self.events, self.attributions
        else:  # a rotated window of an AQMAR article's sentences
            source, sentences = self.aqmar[(number // 2) % len(self.aqmar)]
            count = len(sentences)
            width = rng.randint(min(12, count), min(40, count))
            start, turn = rng.randrange(count), rng.randrange(width)
            window = [sentences[(start + (turn + j) % width) % count] for j in range(width)]
            text, spans = _join(window, "\n")
            spans.sort(key=lambda s: (s.start, -s.end))
            spans = [s.with_changes(id=f"T{n}") for n, s in enumerate(spans, start=1)]
            status, events, attributions = Status.IN_PROGRESS, [], []
        spans.sort(key=lambda s: (s.start, -s.end, s.id))  # the order export writes
        title = text.split("\n", 1)[0][:60]
        document = Document(doc_id, text, {"title": title, "source": source, "variant": number})
        return document, Annotations(doc_id, ANNOTATOR, status, spans, list(events), list(attributions))


def build_corpus(path: Path, articles: int) -> dict[str, Any]:
    generator = Generator()
    rng = random.Random(20200202)
    seen: set[str] = set()
    texts: list[str] = []
    figures = {"spans": 0, "events": 0, "attributions": 0}
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for number in range(articles):
            document, annotations = generator.article(number, rng)
            while document.sha256 in seen:  # a repeated draw: draw again
                document, annotations = generator.article(number, rng)
            seen.add(document.sha256)
            texts.append(document.text)
            figures["spans"] += len(annotations.spans)
            figures["events"] += len(annotations.events)
            figures["attributions"] += len(annotations.attributions)
            out.write(json.dumps(document_line(document, annotations), ensure_ascii=False) + "\n")
    figures["texts"] = texts
    return figures


# --- the timed steps ------------------------------------------------------------------
def drain(steps: Iterator[Any]) -> None:
    deque(steps, maxlen=0)


def time_import(jsonl: Path, project: Path) -> float:
    schema = load_schema()
    start = time.perf_counter()
    store = ProjectStore.create(project, schema)
    try:
        drain(import_records(store, read_jsonl(jsonl)))
    finally:
        store.close()
    return time.perf_counter() - start


def time_cli_import(jsonl: Path, project: Path) -> float:
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        if cli.run(["init", str(project)]) != 0:
            raise SystemExit(f"benchmark: annotator init failed:\n{quiet.getvalue()}")
        start = time.perf_counter()
        status = cli.run(["import", str(project), str(jsonl)])
        elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark: annotator import failed:\n{quiet.getvalue()}")
    return elapsed


def _dumps(value: Any) -> str:  # as the project store writes JSON columns
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def time_baseline_insert(jsonl: Path, path: Path) -> float:
    """The same rows and columns, the same JSON parsing, bare sqlite-utils."""
    start = time.perf_counter()
    documents, statuses, spans, events, attributions = [], [], [], [], []
    with jsonl.open(encoding="utf-8") as lines:
        for seq, line in enumerate(lines, start=1):
            data = json.loads(line)
            doc_id, text = data["id"], data["text"]
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            documents.append({
                "id": doc_id, "seq": seq, "text": text,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "meta": _dumps(data.get("meta", {})), "tokens": None, "created": stamp,
            })
            key = {"document_id": doc_id, "annotator": data["annotator"]}
            statuses.append({**key, "status": data["status"], "updated": stamp})
            spans.extend({
                **key, "id": s["id"], "start": s["start"], "end": s["end"], "label": s["label"],
                "attributes": _dumps(s.get("attributes", {})),
                "created": s.get("created"), "updated": s.get("updated"),
            } for s in data["spans"])
            events.extend({
                **key, "id": e["id"], "type": e["type"], "trigger": e["trigger"],
                "arguments": _dumps([[a["role"], a["span"]] for a in e["arguments"]]),
                "attributes": _dumps(e.get("attributes", {})),
            } for e in data["events"])
            attributions.extend({
                **key, "id": a["id"], "source": a["source"], "cue": a["cue"],
                "content": a["content"], "attributes": _dumps(a.get("attributes", {})),
            } for a in data["attributions"])
    db = Database(path)
    item_key = ("document_id", "annotator", "id")
    with db.atomic():
        db["documents"].insert_all(documents, pk="id", columns={"tokens": str})
        db["statuses"].insert_all(statuses, pk=("document_id", "annotator"))
        db["spans"].insert_all(spans, pk=item_key, columns={"created": str, "updated": str})
        db["events"].insert_all(events, pk=item_key)
        db["attributions"].insert_all(attributions, pk=item_key)
    db.close()
    return time.perf_counter() - start


def time_export(
    project: Path, out: Path, fmt: str, warnings: list[str] | None = None
) -> tuple[float, list[str]]:
    warnings = [] if warnings is None else warnings
    start = time.perf_counter()
    store = ProjectStore.open(project)
    try:
        drain(export_project(store, out, ExportOptions(fmt), warnings))
    finally:
        store.close()
    return time.perf_counter() - start, warnings


def time_tokenizer(texts: list[str], tokenizer: Callable[[str], Any]) -> float:
    start = time.perf_counter()
    for text in texts:
        tokenizer(text)
    return time.perf_counter() - start


def time_spacy_own_steps(texts: list[str], exported: Path) -> tuple[float, float]:
    """What spaCy itself spends in a spaCy export, with nothing of ours: its tokenizer
    over the texts, and ``DocBin.to_bytes`` of what the export wrote (read back), as
    any writer of these Docs through spaCy pays them."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("ar")
    start = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    tokenized = time.perf_counter() - start
    docs = DocBin().from_bytes(exported.read_bytes())
    start = time.perf_counter()
    docs.to_bytes()
    return tokenized, time.perf_counter() - start


# --- checks and the report ------------------------------------------------------------
def check_project(project: Path, expected: dict[str, int]) -> None:
    with sqlite3.connect(project) as conn:
        for table, wanted in expected.items():
            found = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            if found != wanted:
                raise SystemExit(f"benchmark: {project.name} holds {found} {table}, not {wanted}")
    conn.close()


def same_lines(first: Path, second: Path) -> bool:
    """The two JSONL files hold the same objects, line by line (key order aside)."""
    with first.open(encoding="utf-8") as a, second.open(encoding="utf-8") as b:
        try:
            return all(json.loads(x) == json.loads(y) for x, y in zip(a, b, strict=True))
        except ValueError:  # one file has more lines
            return False


def row(name: str, seconds: float, articles: int, tokens: int) -> str:
    return f"  {name:<48}{seconds:>9.2f}{articles / seconds:>12,.0f}{tokens / seconds:>13,.0f}"


def verdict(name: str, value: float, target: float) -> str:
    result = "PASS" if value <= target else "MISS"
    return f"  {name:<48}{value:>9.2f}{'<= ' + format(target, 'g'):>12}{result:>13}"


def timed_rounds(
    work: Path, corpus: Path, texts: list[str], rounds: int, expected: dict[str, int]
) -> tuple[dict[str, float], list[str]]:
    """Each step ``rounds`` times, interleaved; the fastest time of each step."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    times: dict[str, list[float]] = {}
    warnings: list[str] = []

    def timed(key: str, name: str, step: Callable[..., float], *args: Any) -> None:
        print(f"round {len(times.get(key, [])) + 1}/{rounds}: {name}...", file=sys.stderr)
        cpu = time.process_time()
        times.setdefault(key, []).append(step(*args))
        # CPU time too: on a machine others share, it moves less than the clock does
        times.setdefault(f"cpu {key}", []).append(time.process_time() - cpu)

    def export(fmt: str, found: list[str]) -> float:
        return time_export(work / "project.sqlite", work / f"export.{fmt}", fmt, found)[0]

    for number in range(1, rounds + 1):
        tag = "" if number == 1 else f".{number}"
        project = work / f"project{tag}.sqlite"
        cli_project = work / f"project-cli{tag}.sqlite"
        baseline = work / f"baseline{tag}.sqlite"
        first = number == 1
        timed("import", "import_records", time_import, corpus, project)
        timed("cli", "annotator import", time_cli_import, corpus, cli_project)
        timed("baseline", "sqlite-utils baseline", time_baseline_insert, corpus, baseline)
        timed("jsonl", "JSONL export", export, "jsonl", [])
        timed("conll", "CoNLL export", export, "conll", warnings if first else [])
        for fmt in (*TOOL_FORMATS, "spacy") if _has_spacy() else TOOL_FORMATS:
            timed(f"export {fmt}", f"{fmt} export", export, fmt, [])
        for fmt in TOOL_FORMATS:
            imported = work / f"project-{fmt}{tag}.sqlite"
            timed(f"import {fmt}", f"{fmt} import", time_import, work / f"export.{fmt}", imported)
            imported.unlink()
        if _has_spacy():
            print(f"round {number}/{rounds}: spaCy's own steps...", file=sys.stderr)
            steps = time_spacy_own_steps(texts, work / "export.spacy")
            for key, seconds in zip(("spacy tokenizer", "spacy to_bytes"), steps):
                times.setdefault(key, []).append(seconds)
        timed("camel", "simple_word_tokenize", time_tokenizer, texts, simple_word_tokenize)
        timed("tokenize", "annotator tokenize", time_tokenizer, texts, tokenize)
        check_project(project, expected)
        check_project(baseline, {k: expected[k] for k in ("documents", "spans")})
        if not first:  # keep one copy of each file only
            for path in (project, cli_project, baseline):
                for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
    return {key: min(values) for key, values in times.items()}, warnings


def _has_spacy() -> bool:
    return importlib.util.find_spec("spacy") is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles to generate (5000)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the corpus, projects and exports here and keep them")
    parser.add_argument("--rounds", type=int, default=1,
                        help="time every step this many times and report the fastest (1)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")

    with contextlib.ExitStack() as stack:
        if args.keep:
            work = args.keep
            work.mkdir(parents=True, exist_ok=True)
            taken = sorted(p.name for p in work.iterdir()
                           if p.name.startswith(("corpus", "project", "baseline", "export")))
            if taken:
                parser.error(f"{work} already holds {', '.join(taken)}; choose an empty folder")
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-import-export-")))
        corpus_path = work / "corpus.jsonl"

        print(f"generating {args.articles:,} articles...", file=sys.stderr)
        started = time.perf_counter()
        corpus = build_corpus(corpus_path, args.articles)
        generated = time.perf_counter() - started
        texts = corpus.pop("texts")
        n = len(texts)

        # Warm up: the first tokenisation imports camel-tools (~0.8 s), the first spaCy
        # export imports spaCy (~3 s): once per process, not per export. Count tokens once.
        from camel_tools.tokenizers.word import simple_word_tokenize

        tokenize(texts[0])
        if _has_spacy():
            import spacy

            spacy.blank("ar")
        tokens = sum(len(simple_word_tokenize(text)) for text in texts)

        expected = {"documents": n, "statuses": n, **corpus}
        t, warnings = timed_rounds(work, corpus_path, texts, args.rounds, expected)
        size = corpus_path.stat().st_size
        same = same_lines(corpus_path, work / "export.jsonl")
        sizes = {fmt: (work / f"export.{fmt}").stat().st_size
                 for fmt in ("jsonl", "conll", *TOOL_FORMATS, "spacy")
                 if (work / f"export.{fmt}").exists()}

    print("import/export benchmark (benchmarks/import_export.py)")
    for line in machine_lines(("sqlite-utils", "camel-tools")):
        print(line)
    print(f"corpus   {n:,} articles, {tokens:,} tokens (camel-tools words), "
          f"{sum(map(len, texts)):,} characters, {size / 1e6:.1f} MB JSONL; "
          f"{corpus['spans']:,} spans, {corpus['events']:,} events, "
          f"{corpus['attributions']:,} attributions (generated in {generated:.1f} s)")
    best = f"best of {args.rounds}" if args.rounds > 1 else "one run"
    print()
    print(f"  {'step (' + best + ')':<48}{'seconds':>9}{'articles/s':>12}{'tokens/s':>13}")
    print(row("import: import_records(read_jsonl)", t["import"], n, tokens))
    print(row("import: annotator import (CLI, end to end)", t["cli"], n, tokens))
    print(row("baseline: json.loads + sqlite-utils insert_all", t["baseline"], n, tokens))
    print(row("export: JSONL", t["jsonl"], n, tokens))
    print(row("export: CoNLL (entity layer, iob2, split)", t["conll"], n, tokens))
    print(row("baseline: camel-tools simple_word_tokenize", t["camel"], n, tokens))
    print(row("(info) annotator.nlp.tokens.tokenize", t["tokenize"], n, tokens))
    if "spacy tokenizer" in t:
        print(row("(info) spaCy alone: its tokenizer", t["spacy tokenizer"], n, tokens))
        print(row("(info) spaCy alone: DocBin.to_bytes of the export", t["spacy to_bytes"], n, tokens))
    print()
    print(f"  {'ratio':<48}{'value':>9}{'target':>12}{'result':>13}")
    print(verdict("import / bare sqlite-utils baseline", t["import"] / t["baseline"], IMPORT_TARGET))
    print(verdict("(info) CLI import / baseline", t["cli"] / t["baseline"], IMPORT_TARGET))
    print(verdict("CoNLL export / simple_word_tokenize", t["conll"] / t["camel"], CONLL_TARGET))
    for key in sorted(k for k in t if k.startswith(("export ", "import "))):
        base = t["jsonl"] if key.startswith("export") else t["import"]
        print(verdict(f"{key} ({t[key]:.2f} s) / JSONL {key.split()[0]}", t[key] / base, TOOL_TARGET))
    for key in sorted(k for k in t if k.startswith(("export ", "import "))):
        base = t["cpu jsonl"] if key.startswith("export") else t["cpu import"]
        print(verdict(f"(info) CPU {key} / JSONL",
                      t[f"cpu {key}"] / base, TOOL_TARGET))
    if "spacy tokenizer" in t:  # the part of the spaCy figure no writer through spaCy avoids
        own = t["spacy tokenizer"] + t["spacy to_bytes"]
        print(verdict(f"(info) spaCy's own steps ({own:.2f} s) / JSONL export", own / t["jsonl"],
                      TOOL_TARGET))
    for fmt in ("prodigy", "spacy"):  # these tokenize, as CoNLL does: the fairer yardstick
        if f"export {fmt}" in t:
            print(verdict(f"(info) {fmt} export / simple_word_tokenize",
                          t[f"export {fmt}"] / t["camel"], CONLL_TARGET))
    if not _has_spacy():
        print("  (spaCy is not installed: no spacy export timed; pip install '.[spacy]')")
    print()
    print(f"JSONL export holds what was imported (line by line): {'yes' if same else 'NO'}")
    print("export sizes: " + ", ".join(
        f"{fmt} {n / 1e6:.1f} MB ({n / sizes['jsonl']:.2f}x JSONL)" for fmt, n in sizes.items()))
    if warnings:
        print(f"CoNLL export warnings (expected: nested spans of one layer): {len(warnings)}")
        for warning in warnings:
            print(f"  {warning[:150]}{'...' if len(warning) > 150 else ''}")
    if args.keep:
        print(f"files kept in {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
