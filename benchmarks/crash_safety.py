"""Never lose a label: the long kill loops, hostile input counts, streaming and costs.

Runs, with the machinery of ``tests/robustness`` (``crashkit``, ``fuzzkit``):

* the editing path (``Editor`` commands on a file-backed ``ProjectStore``, in a child
  process) killed with SIGKILL ``--kills`` times at random moments; after each kill the
  project must open, pass ``PRAGMA integrity_check`` and hold every edit the child
  reported done;
* a JSONL import of ``--import-docs`` articles killed ``--import-kills`` times at random
  records: the project must be exactly as before each time;
* a child writing backups killed ``--backup-kills`` times: every listed backup whole;
* ``--fuzz`` hostile inputs (random bytes, damaged valid files, hostile fields) through
  every importer: counts of accepted, refused (our error) and crashed (anything else);
* a generated JSONL of about ``--big-mb`` MB imported with ``tracemalloc`` on (Python
  peak) and again in a child (its maximum resident set size);
* the cost of the SHA-256 check in ``ProjectStore.document()`` and of a backup on open.

    /work/venv/bin/python benchmarks/crash_safety.py [--kills 300] [--import-kills 20]
        [--backup-kills 20] [--fuzz 5000] [--big-mb 200] [--seed N] [--keep DIR]

About 6-8 minutes with the defaults on 2 cores; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
import timeit
import traceback
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from annotator.core.importing import import_records
from annotator.core.model import Document
from annotator.core.schema_files import load_schema
from annotator.errors import AnnotatorError
from annotator.formats.registry import read_paths
from annotator.storage import ProjectStore
from annotator.storage.backup import make_backup
from tests.robustness.crashkit import (
    KillReport,
    backup_kill_loop,
    child,
    edit_kill_loop,
    import_kill_loop,
    new_project,
    write_import_file,
)
from tests.robustness.fuzzkit import random_case, try_import


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def kills(work: Path, args: argparse.Namespace) -> None:
    say(f"editing path: {args.kills} kills...")
    edits = edit_kill_loop(_fresh(work, "edits"), args.kills, args.seed)
    print(
        f"editing path   {edits.kills} kills survived ({edits.during_start} while starting), "
        f"{edits.edits_checked:,} edits checked, {edits.committed_unreported} kills between a "
        f"commit and its 'done' line, {edits.integrity_checks} integrity checks ok, "
        f"{edits.seconds:.0f} s"
    )
    say(f"import: {args.import_kills} kills...")
    imports = import_kill_loop(
        _fresh(work, "import"), args.import_kills, args.seed, args.import_docs
    )
    print(
        f"import         {imports.imports_killed} imports of {args.import_docs:,} articles killed "
        f"mid-way, project exactly as before each time, {imports.seconds:.0f} s"
    )
    say(f"backups: {args.backup_kills} kills...")
    backups = backup_kill_loop(
        _fresh(work, "backups"), args.backup_kills, args.seed, KillReport()
    )
    print(
        f"backups        {backups.backup_kills} backup writers killed; every listed backup "
        f"whole; {'; '.join(backups.notes)}"
    )
    total = edits.kills + imports.kills + backups.kills
    print(
        f"total          {total} kills survived, {edits.edits_checked:,} edits checked"
    )


def fuzz(count: int, seed: int) -> None:
    say(f"hostile input: {count} cases...")
    schema = load_schema("arabic-news")
    rng = random.Random(seed)
    outcomes: collections.Counter = collections.Counter()
    crashes: dict[str, str] = {}
    started = time.perf_counter()
    for _ in range(count):
        case = random_case(rng)
        try:
            outcome = "accepted" if try_import(schema, case) is None else "refused"
        except Exception as error:
            outcome = "crashed"
            crashes.setdefault(
                f"{type(error).__name__}: {error}"[:160], traceback.format_exc(limit=-2)
            )
        outcomes[(case.fmt, outcome)] += 1
    seconds = time.perf_counter() - started
    for fmt in ("txt", "jsonl", "conll", "brat"):
        tried = sum(n for (f, _), n in outcomes.items() if f == fmt)
        print(
            f"hostile {fmt:<6} {tried:5} tried: {outcomes[(fmt, 'accepted')]:5} accepted, "
            f"{outcomes[(fmt, 'refused')]:5} refused with our error, "
            f"{outcomes[(fmt, 'crashed')]} crashed"
        )
    print(
        f"hostile input  {count} cases in {seconds:.0f} s; crashes: {len(crashes)} kinds"
    )
    for message, trace in crashes.items():
        print(f"  CRASH {message}\n{trace}")


def streaming(work: Path, megabytes: int) -> Path:
    folder = _fresh(work, "big")
    data = folder / "big.jsonl"
    per_article = 6_750  # bytes per generated line
    count = max(100, megabytes * 1_000_000 // per_article)
    say(f"streaming: writing {count:,} articles...")
    write_import_file(data, count)
    size = data.stat().st_size
    project = folder / "big.sqlite"
    new_project(project)
    store = ProjectStore.open(project, backup=False)
    say("streaming: importing with tracemalloc...")
    started = time.perf_counter()
    tracemalloc.start()
    for _ in import_records(store, read_paths([data], "jsonl")):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    seconds = time.perf_counter() - started
    wal = Path(f"{project}-wal").stat().st_size
    store.close()
    print(
        f"streaming      {size / 1e6:,.0f} MB JSONL ({count:,} articles): Python peak "
        f"{peak / 1e6:.1f} MB ({peak / size:.2%} of the file), {seconds:.0f} s with tracemalloc; "
        f"WAL after the import {wal / 1e6:,.0f} MB (one transaction holds the whole import)"
    )
    second = folder / "again.sqlite"
    new_project(second)
    say("streaming: importing in a child for its resident set size...")
    process = child(["import", str(second), str(data)], folder / "stderr.txt")
    lines = [line.decode().strip() for line in process.stdout]
    process.wait()
    peak = next((int(x.split()[1]) for x in lines if x.startswith("peak-rss-kb")), -1)
    print(
        f"streaming      child import: exit {process.returncode}, its peak resident set "
        f"{peak / 1e3:,.0f} MB (a child that only imports the modules: about 74 MB)"
    )
    return project


def costs(work: Path, big: Path | None) -> None:
    store = ProjectStore.in_memory(load_schema("arabic-news"))
    seed = (REPO / "tests" / "data" / "aleppo-2020-02-02.txt").read_text(
        encoding="utf-8"
    )
    store.add_document(Document("seed", seed))
    store.add_document(Document("long", seed * 40))
    for document_id in ("seed", "long"):
        size = len(
            store.db.execute(
                "SELECT text FROM documents WHERE id = ?", [document_id]
            ).fetchone()[0]
        )

        def opened(name: str = document_id) -> None:
            store.document(name)

        def queried(name: str = document_id) -> None:
            sql = "SELECT id, text, meta, tokens FROM documents WHERE id = ?"
            store.db.execute(sql, [name]).fetchone()

        checked = min(timeit.repeat(opened, number=2000, repeat=3)) / 2000
        plain = min(timeit.repeat(queried, number=2000, repeat=3)) / 2000
        print(
            f"sha256 check   document() of {size:,} characters: {checked * 1e6:.0f} µs; the bare "
            f"query {plain * 1e6:.0f} µs, so the SHA-256 check and building the Document "
            f"{(checked - plain) * 1e6:.0f} µs"
        )
    store.close()
    if big is not None and big.exists():
        started = time.perf_counter()
        path = make_backup(big)
        seconds = time.perf_counter() - started
        print(
            f"backup cost    {big.stat().st_size / 1e6:,.0f} MB project: make_backup "
            f"(backup API + quick_check + fsync) {seconds:.1f} s -> {path.stat().st_size / 1e6:,.0f} MB"
        )
        started = time.perf_counter()
        ProjectStore.open(big).close()
        print(
            f"open cost      the same project opened when its newest backup is recent: "
            f"{time.perf_counter() - started:.2f} s"
        )


def _fresh(work: Path, name: str) -> Path:
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--import-kills", type=int, default=20)
    parser.add_argument("--import-docs", type=int, default=5000)
    parser.add_argument("--backup-kills", type=int, default=20)
    parser.add_argument("--fuzz", type=int, default=5000)
    parser.add_argument("--big-mb", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", type=Path, help="keep the projects and files in DIR")
    args = parser.parse_args(argv)
    print(
        f"machine        {platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}; seed {args.seed}"
    )
    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or Path(temp)
        try:
            kills(work, args)
            fuzz(args.fuzz, args.seed)
            big = streaming(work, args.big_mb) if args.big_mb else None
            costs(work, big)
        except (AssertionError, AnnotatorError) as error:
            print(f"FAILED: {error}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
