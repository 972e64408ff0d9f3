"""Merging annotators' projects against importing the same labels from JSONL (issue 14, item 3).

Builds ``--documents`` generated articles (10,000; the generator of
``benchmarks/import_export.py``), each done by ``--per-document`` (2) of
``--annotators`` (20) annotators taking turns, so each annotator's own project (as
``annotator assign`` writes it) holds about 1,000 articles, all marked done. The same
work is also written as one JSONL file (one line per article per annotator). Then it
times, each as a separate process into a fresh project:

* ``annotator merge TARGET P1 ... P20``;
* ``annotator import TARGET ALL.jsonl``;

and prints the ratio against the target (merge <= 1.5x the import) with PASS or MISS.

    /work/venv/bin/python benchmarks/merge.py [--documents N] [--annotators N] [--per-document N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from machine_info import machine_lines  # benchmarks/machine_info.py, beside this script

from annotator.core.model import Status
from annotator.core.schema_files import load_schema
from annotator.formats.jsonl import document_line
from annotator.storage import ProjectStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreement import _import_export_module, perturb


def build(work: Path, documents: int, annotators: int, per_document: int) -> tuple[list[Path], Path, int]:
    """The annotators' projects and the JSONL of the same work; returns the span count."""
    generator = _import_export_module().Generator()
    rng = random.Random(20200202)
    names = [f"annotator{n:02d}" for n in range(1, annotators + 1)]
    paths = [work / f"{name}.sqlite" for name in names]
    stores = [ProjectStore.create(path, load_schema()) for path in paths]
    jsonl = work / "all.jsonl"
    spans, seen = 0, set()
    try:
        with jsonl.open("w", encoding="utf-8") as out:
            transactions = [store.atomic() for store in stores]
            for transaction in transactions:
                transaction.__enter__()
            for number in range(documents):
                document, generated = generator.article(number, rng)
                while document.sha256 in seen:
                    document, generated = generator.article(number, rng)
                seen.add(document.sha256)
                for turn in range(per_document):
                    who = (number * per_document + turn) % annotators
                    work_of = generated if turn == 0 else _valid(perturb(generated, names[who], document.text, rng), generated)
                    work_of = replace(work_of, annotator=names[who], status=Status.DONE)
                    stores[who].add_document(document)
                    stores[who].replace_annotations(work_of)
                    out.write(json.dumps(document_line(document, work_of), ensure_ascii=False) + "\n")
                    spans += len(work_of.spans)
            for transaction in transactions:
                transaction.__exit__(None, None, None)
    finally:
        for store in stores:
            store.close()
    return paths, jsonl, spans


def _valid(copy, original):
    """``copy`` with the labels of spans that events and attributions use put back (a
    relabelled argument may not fill its role, and an import checks that)."""
    used = {i for e in copy.events for i in e.span_ids()} | {i for a in copy.attributions for i in a.span_ids()}
    labels = {s.id: s.label for s in original.spans}
    return replace(copy, spans=[replace(s, label=labels[s.id]) if s.id in used else s for s in copy.spans])


def _cli_seconds(*args: str | Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _fresh(work: Path, name: str) -> Path:
    path = work / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "annotator", "init", str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--annotators", type=int, default=20)
    parser.add_argument("--per-document", type=int, default=2)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        print("building the projects...", file=sys.stderr)
        started = time.perf_counter()
        projects, jsonl, spans = build(work, args.documents, args.annotators, args.per_document)
        built = time.perf_counter() - started
        merge = min(_cli_seconds("merge", _fresh(work, "merged.sqlite"), *projects) for _ in range(2))
        imported = min(_cli_seconds("import", _fresh(work, "imported.sqlite"), jsonl) for _ in range(2))
    ratio = merge / imported
    print("\n".join(machine_lines()))
    print(f"work: {args.documents:,} articles x {args.per_document} of {args.annotators} annotators "
          f"({args.documents * args.per_document // args.annotators:,} articles per project), "
          f"{spans:,} spans (built in {built:.1f} s)")
    print(f"annotator import ALL.jsonl          {imported:8.2f} s")
    print(f"annotator merge of {args.annotators} projects      {merge:8.2f} s")
    print(f"merge / import = {ratio:.2f}x (target <= 1.5x): {'PASS' if ratio <= 1.5 else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
