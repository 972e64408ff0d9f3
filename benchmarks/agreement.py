"""The agreement report on three annotators, against the reference packages' token figures.

Builds a project of ``--articles`` generated articles (default 5,000) with the
generator of ``benchmarks/import_export.py`` (the seed article with its hand
annotations, paragraphs shuffled, and rotated windows of the AQMAR articles), then
three annotators: ``amal`` keeps the generated annotation; ``badr`` and ``carim`` get
seeded perturbed copies (boundaries shifted by 1-3 characters, entity labels changed,
unreferenced spans dropped, triggers and attribution parts shifted). Every annotator
marks every document done, except that ``carim`` leaves ``--unfinished`` of them (5 %)
in progress, so Fleiss' kappa has fewer documents than Krippendorff's alpha, which has
carim missing there.

Then it times, with ``time.perf_counter``:

* the full report, ``agreement_report(store)`` (tokenising included) and, for scale,
  the tokenisation alone (``base_tokens`` over every document);
* the token data the token figures are computed on, gathered once with the agreement
  package's own token functions (not counted below);
* on that same token data: scikit-learn ``cohen_kappa_score`` per pair, statsmodels
  ``aggregate_raters`` + ``fleiss_kappa``, ``krippendorff.alpha`` (nominal, NaN for
  missing), and our ``cohen_kappa``, ``fleiss_kappa_from_ratings`` and
  ``krippendorff_alpha_nominal``; and checks that all three agree with the report.

    /work/venv/bin/python benchmarks/agreement.py [--articles N] [--unfinished F] [--keep DIR]

With ``--annotators N`` it measures scale instead (issue 14, item 2): ``--documents``
articles (10,000), each done by ``--per-document`` (2) of N annotators (20) taking
turns, and it times ``annotator agreement PROJECT --json`` against ``annotator export
PROJECT --format jsonl`` on the same project, each a separate process, and prints the
ratio against the target (agreement <= 3x the export) with PASS or MISS.

    /work/venv/bin/python benchmarks/agreement.py --annotators 20 --documents 10000 --per-document 2
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

from machine_info import machine_lines  # benchmarks/machine_info.py, beside this script

from annotator.agreement import (
    agreement_report,
    base_tokens,
    cohen_kappa,
    fleiss_kappa_from_ratings,
    krippendorff_alpha_nominal,
    split_tokens,
    token_categories,
)
from annotator.agreement.scoring import Work
from annotator.core.model import Annotations, Span, Status
from annotator.core.schema_files import load_schema
from annotator.storage import ProjectStore

REPO = Path(__file__).resolve().parent.parent
NAMES = ("amal", "badr", "carim")
ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC")
SHIFT, RELABEL, DROP = 0.10, 0.05, 0.05  # per span, for badr and carim


# --- the generated project ------------------------------------------------------------
def _import_export_module() -> Any:
    """benchmarks/ is not a package: load the corpus generator by path."""
    path = REPO / "benchmarks" / "import_export.py"
    spec = importlib.util.spec_from_file_location("_bench_import_export", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def perturb(work: Annotations, name: str, text: str, rng: random.Random) -> Annotations:
    """A seeded copy of ``work`` as another annotator might have made it."""
    used = {i for e in work.events for i in e.span_ids()}
    used |= {i for a in work.attributions for i in a.span_ids()}
    spans = []
    for span in work.spans:
        if span.id not in used and rng.random() < DROP:
            continue
        if rng.random() < SHIFT:
            span = _shifted(span, len(text), rng)
        if span.label in ENTITY_LABELS and rng.random() < RELABEL:
            span = replace(
                span, label=rng.choice([x for x in ENTITY_LABELS if x != span.label])
            )
        spans.append(span)
    return Annotations(
        work.document_id,
        name,
        work.status,
        spans,
        list(work.events),
        list(work.attributions),
    )


def _shifted(span: Span, length: int, rng: random.Random) -> Span:
    start, end = span.start, span.end
    if rng.random() < 0.5:
        start = min(max(0, start + rng.choice((-3, -2, -1, 1, 2, 3))), end - 1)
    else:
        end = max(min(length, end + rng.choice((-3, -2, -1, 1, 2, 3))), start + 1)
    return replace(span, start=start, end=end)


def build_project(path: Path, articles: int, unfinished: float) -> dict[str, int]:
    generator = _import_export_module().Generator()
    rng = random.Random(20200202)
    figures = {
        "documents": 0,
        "spans": 0,
        "events": 0,
        "attributions": 0,
        "characters": 0,
    }
    store = ProjectStore.create(path, load_schema())
    seen: set[str] = set()
    try:
        with store.atomic():
            for number in range(articles):
                document, work = generator.article(number, rng)
                while document.sha256 in seen:  # a repeated draw: draw again
                    document, work = generator.article(number, rng)
                seen.add(document.sha256)
                store.add_document(document)
                for name in NAMES:
                    copy = (
                        work
                        if name == "amal"
                        else perturb(work, name, document.text, rng)
                    )
                    late = name == "carim" and rng.random() < unfinished
                    copy = replace(
                        copy,
                        annotator=name,
                        status=Status.IN_PROGRESS if late else Status.DONE,
                    )
                    store.replace_annotations(copy)
                    figures["spans"] += len(copy.spans)
                    figures["events"] += len(copy.events)
                    figures["attributions"] += len(copy.attributions)
                figures["documents"] += 1
                figures["characters"] += len(document.text)
    finally:
        store.close()
    return figures


def build_scale_project(path: Path, documents: int, annotators: int, per_document: int) -> dict[str, int]:
    """``documents`` articles, each done by ``per_document`` of ``annotators`` in turn
    (the first keeps the generated work, the others get perturbed copies)."""
    generator = _import_export_module().Generator()
    rng = random.Random(20200202)
    names = [f"annotator{n:02d}" for n in range(1, annotators + 1)]
    figures = {"documents": 0, "spans": 0, "pairs": 0}
    store = ProjectStore.create(path, load_schema())
    seen: set[str] = set()
    try:
        with store.atomic():
            for number in range(documents):
                document, work = generator.article(number, rng)
                while document.sha256 in seen:
                    document, work = generator.article(number, rng)
                seen.add(document.sha256)
                store.add_document(document)
                for turn in range(per_document):
                    name = names[(number * per_document + turn) % annotators]
                    copy = work if turn == 0 else perturb(work, name, document.text, rng)
                    store.replace_annotations(replace(copy, annotator=name, status=Status.DONE))
                    figures["spans"] += len(copy.spans)
                    figures["pairs"] += 1
                figures["documents"] += 1
    finally:
        store.close()
    return figures


def _cli_seconds(*args: str | Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def scale_main(args: argparse.Namespace, work: Path) -> int:
    path = work / "scale.sqlite"
    print(f"building {args.documents:,} articles, {args.annotators} annotators, "
          f"{args.per_document} per article...", file=sys.stderr)
    built, figures = timed(lambda: build_scale_project(path, args.documents, args.annotators,
                                                       args.per_document))
    export = min(_cli_seconds("export", path, "-o", work / "out.jsonl", "--format", "jsonl")
                 for _ in range(2))
    agreement = min(_cli_seconds("agreement", path, "--json") for _ in range(2))
    ratio = agreement / export
    print("\n".join(machine_lines()))
    print(f"project: {figures['documents']:,} articles, {args.annotators} annotators, "
          f"{figures['pairs']:,} (article, annotator) pairs, {figures['spans']:,} spans "
          f"(built in {built:.1f} s)")
    print(f"annotator export --format jsonl   {export:8.2f} s")
    print(f"annotator agreement --json        {agreement:8.2f} s")
    print(f"agreement / export = {ratio:.2f}x (target <= 3x): {'PASS' if ratio <= 3 else 'MISS'}")
    return 0


# --- the token data, as the report sees it --------------------------------------------
def token_data(store: ProjectStore) -> dict[str, Any]:
    """Per pair the two category lists; the Fleiss ratings; the alpha table with None."""
    schema = store.schema
    done: dict[str, set[str]] = {}
    for document_id, annotator, status in store.statuses():
        if status == Status.DONE:
            done.setdefault(document_id, set()).add(annotator)
    pairs = {pair: ([], []) for pair in combinations(NAMES, 2)}
    ratings: list[tuple[str, ...]] = []
    table: list[list[str | None]] = [[] for _ in NAMES]
    for document in store.documents():
        present = [n for n in NAMES if n in done.get(document.id, set())]
        if len(present) < 2:
            continue
        tokens = base_tokens(document)
        spans = {
            n: Work.of(store.annotations(document.id, n), schema).spans for n in present
        }
        for a, b in combinations(present, 2):
            cut = split_tokens(tokens, (spans[a], spans[b]))
            pairs[a, b][0].extend(token_categories(cut, spans[a]))
            pairs[a, b][1].extend(token_categories(cut, spans[b]))
        cut = split_tokens(tokens, spans.values())
        rows = {n: token_categories(cut, spans[n]) for n in present}
        if len(present) == len(NAMES):
            ratings.extend(zip(*(rows[n] for n in NAMES)))
        for i, name in enumerate(NAMES):
            table[i].extend(rows.get(name, [None] * len(cut)))
    return {"pairs": pairs, "ratings": ratings, "table": table}


# --- timing ---------------------------------------------------------------------------
def timed(step: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def references(data: dict[str, Any]) -> dict[str, tuple[float, Any]]:
    """The reference packages on the token data: seconds and values."""
    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

    codes: dict[str, int] = {}
    for row in data["table"]:
        for value in row:
            if value is not None:
                codes.setdefault(value, len(codes))

    def alpha() -> float:
        # the numeric table is the package's input format: building it is part of its cost
        matrix = np.array(
            [[np.nan if v is None else codes[v] for v in row] for row in data["table"]]
        )
        return krippendorff.alpha(
            reliability_data=matrix, level_of_measurement="nominal"
        )

    def fleiss() -> float:
        ratings = np.array([[codes[v] for v in subject] for subject in data["ratings"]])
        return fleiss_kappa(aggregate_raters(ratings)[0], method="fleiss")

    return {
        "cohen": timed(
            lambda: {p: cohen_kappa_score(a, b) for p, (a, b) in data["pairs"].items()}
        ),
        "fleiss": timed(fleiss),
        "alpha": timed(alpha),
    }


def ours(data: dict[str, Any]) -> dict[str, tuple[float, Any]]:
    return {
        "cohen": timed(
            lambda: {p: cohen_kappa(a, b).value for p, (a, b) in data["pairs"].items()}
        ),
        "fleiss": timed(lambda: fleiss_kappa_from_ratings(data["ratings"]).value),
        "alpha": timed(lambda: krippendorff_alpha_nominal(data["table"]).value),
    }


def largest_difference(
    report: dict[str, Any], values: dict[str, tuple[float, Any]]
) -> float:
    """How far a set of token figures is from the report's."""
    by_pair = {(p["a"], p["b"]): p["token_cohen_kappa"] for p in report["pairs"]}
    cohen = values["cohen"][1]
    gaps = [abs(by_pair[p] - cohen[p]) for p in by_pair]
    gaps.append(abs(report["token_fleiss_kappa"] - values["fleiss"][1]))
    gaps.append(abs(report["token_krippendorff_alpha"] - values["alpha"][1]))
    return max(gaps)


# --- the report -----------------------------------------------------------------------
def row(name: str, seconds: float, note: str = "") -> str:
    return f"  {name:<58}{seconds:>9.2f}  {note}"


def print_report(
    figures: dict[str, int], generated: float, timings: dict[str, Any]
) -> None:
    report, data = timings["report"][1], timings["data"]
    tokens = sum(len(a) for a, _ in data["pairs"].values())
    print("agreement benchmark (benchmarks/agreement.py)")
    for line in machine_lines(("scikit-learn", "statsmodels", "krippendorff", "numpy", "camel-tools")):
        print(line)
    print(
        f"project  {figures['documents']:,} articles, {figures['characters']:,} characters, "
        f"3 annotators: {figures['spans']:,} spans, {figures['events']:,} events, "
        f"{figures['attributions']:,} attributions (built in {generated:.1f} s)"
    )
    group = report["group"]
    print(
        f"figures  {report['documents']:,} documents read; Fleiss over "
        f"{group['fleiss']['documents']:,} documents / {group['fleiss']['tokens']:,} tokens; "
        f"alpha over {group['krippendorff']['documents']:,} documents / "
        f"{group['krippendorff']['units']:,} tokens; {tokens:,} pair tokens"
    )
    print()
    print(f"  {'step':<58}{'seconds':>9}")
    print(
        row(
            "agreement_report: the full report",
            timings["report"][0],
            "(spans, tokens, kappas, alphas, alpha_U, events, attributions, ranking)",
        )
    )
    print(
        row(
            "(info) tokenising alone: base_tokens over every document",
            timings["tokenize"][0],
        )
    )
    print(row("(info) gathering the token data for the rows below", timings["gather"]))
    ref, own = timings["references"], timings["ours"]
    print(
        row(
            "references, token figures only: all three", sum(t for t, _ in ref.values())
        )
    )
    print(row("  sklearn cohen_kappa_score, 3 pairs", ref["cohen"][0]))
    print(row("  statsmodels aggregate_raters + fleiss_kappa", ref["fleiss"][0]))
    print(row("  krippendorff.alpha, nominal", ref["alpha"][0]))
    print(
        row("ours on the same token data: all three", sum(t for t, _ in own.values()))
    )
    print(row("  cohen_kappa, 3 pairs", own["cohen"][0]))
    print(row("  fleiss_kappa_from_ratings", own["fleiss"][0]))
    print(row("  krippendorff_alpha_nominal", own["alpha"][0]))
    print()
    print(
        f"  largest difference from the report's token figures: references "
        f"{largest_difference(report, ref):.1e}, ours {largest_difference(report, own):.1e}"
    )
    pairs = ", ".join(
        f"{p['a']}/{p['b']} {p['token_cohen_kappa']:.4f}" for p in report["pairs"]
    )
    print(
        f"  report: Cohen {pairs}; Fleiss {report['token_fleiss_kappa']:.4f}; "
        f"Krippendorff {report['token_krippendorff_alpha']:.4f}; "
        f"alpha_U overall {report['unitizing_alpha_overall']:.4f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=5000, help="articles to generate (5000)"
    )
    parser.add_argument(
        "--unfinished",
        type=float,
        default=0.05,
        help="share of documents carim leaves in progress (0.05)",
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="write the project here and keep it"
    )
    parser.add_argument("--annotators", type=int, help="scale mode: this many annotators")
    parser.add_argument("--documents", type=int, default=10000, help="scale mode: articles (10000)")
    parser.add_argument("--per-document", type=int, default=2, help="scale mode: annotators per article (2)")
    args = parser.parse_args(argv)
    if args.annotators is not None:
        if not 2 <= args.per_document <= args.annotators or args.documents < 1:
            parser.error("--per-document must be between 2 and --annotators, --documents at least 1")
        with tempfile.TemporaryDirectory(prefix="bench-agreement-") as temporary:
            work = args.keep or Path(temporary)
            work.mkdir(parents=True, exist_ok=True)
            return scale_main(args, work)
    if args.articles < 1 or not 0 <= args.unfinished <= 1:
        parser.error("--articles must be at least 1 and --unfinished between 0 and 1")

    with contextlib.ExitStack() as stack:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            work = args.keep
        else:
            work = Path(
                stack.enter_context(
                    tempfile.TemporaryDirectory(prefix="bench-agreement-")
                )
            )
        path = work / "agreement.sqlite"
        if path.exists():
            parser.error(f"{path} exists already; choose an empty folder")
        print(f"building {args.articles:,} articles x 3 annotators...", file=sys.stderr)
        generated, figures = timed(
            lambda: build_project(path, args.articles, args.unfinished)
        )
        store = ProjectStore.open(path)
        stack.callback(store.close)
        base_tokens(next(store.documents()))  # import camel-tools before timing
        timings: dict[str, Any] = {}
        print("timing the report...", file=sys.stderr)
        timings["report"] = timed(lambda: agreement_report(store))
        timings["tokenize"] = timed(lambda: [base_tokens(d) for d in store.documents()])
        print("gathering token data, timing the references...", file=sys.stderr)
        timings["gather"], timings["data"] = timed(lambda: token_data(store))
        timings["references"] = references(timings["data"])
        timings["ours"] = ours(timings["data"])
        print_report(figures, generated, timings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
