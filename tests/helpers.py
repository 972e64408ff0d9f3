"""Test helpers: hand annotation of the seed article (offsets taken from the text itself),
rows of a project file, and the command line run as another process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core.model import Annotations, Argument, Attribution, Event, Span, Status

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def corpus_texts() -> list[str]:
    """Every text file the product ships in ``corpora/`` (articles, their annotations,
    READMEs), read whole: real text for the tokenizers to agree on."""
    return [p.read_text(encoding="utf-8") for p in sorted(CORPORA.rglob("*"))
            if p.is_file() and p.suffix in (".txt", ".jsonl", ".conll", ".ann", ".md")]


def at(text: str, phrase: str, after: str = "") -> tuple[int, int]:
    """Offsets of ``phrase``, searching from the first occurrence of ``after``."""
    start = text.index(phrase, text.index(after) if after else 0)
    return start, start + len(phrase)


def seed_annotations(text: str, document_id: str, annotator: str = "amal") -> Annotations:
    claim = "استهداف قوات النظام في محور الكلارية"
    content_start = text.index(claim)
    content_end = text.index("خسائر ضخمة", content_start) + len("خسائر ضخمة")
    spans = [
        Span("T1", *at(text, "الجبهة الوطنية للتحرير"), "ORG", {"mention": "NAM"}),
        Span("T2", *at(text, "استهداف"), "Conflict.Attack"),
        Span("T3", *at(text, "قوات النظام", claim), "ORG"),
        Span("T4", *at(text, "حلب", "غربي مدينة"), "GPE"),
        Span("T5", *at(text, "أعلنت"), "CUE"),
        Span("T6", content_start, content_end, "CONTENT"),
        Span("T7", *at(text, "حوالي 70 عنصراً من قوات النظام"), "PER", {"mention": "NOM"}),
        Span("T8", *at(text, "قوات النظام", "حوالي 70"), "ORG"),
        Span("T9", *at(text, "قوات النظام", "في قصف ل"), "ORG"),
    ]
    events = [
        Event("E1", "Conflict.Attack", "T2",
              (Argument("Attacker", "T1"), Argument("Target", "T3"), Argument("Place", "T4")),
              {"polarity": "Positive"}),
    ]
    attributions = [Attribution("A1", "T1", "T5", "T6", {"quote": "indirect"})]
    return Annotations(document_id, annotator, Status.DONE, spans, events, attributions)


def work_rows(work: Annotations, timestamps: bool = False) -> tuple[list, list, list]:
    """Spans, events and attributions as plain lists sorted by id (for digests and the
    upgrade fixtures); ``timestamps`` keeps the spans' created/updated."""

    def by_id(rows: object) -> list:
        return sorted(rows, key=lambda row: row[0])

    spans = by_id([s.id, s.start, s.end, s.label, s.attributes, *((s.created, s.updated) if timestamps else ())]
                  for s in work.spans)
    events = by_id([e.id, e.type, e.trigger, [[a.role, a.span] for a in e.arguments], e.attributes]
                   for e in work.events)
    attributions = by_id([a.id, a.source, a.cue, a.content, a.attributes] for a in work.attributions)
    return spans, events, attributions


def session_rows(path: Path) -> int:
    """How many open-store session rows a project file holds, read without writing to it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM settings WHERE key LIKE 'session:%'").fetchone()[0]
    finally:
        conn.close()


def run_annotator(*args: object, cwd: Path | None = None, timeout: float = 300,
                  prefix: Sequence[str] = (), **options: Any) -> subprocess.CompletedProcess:
    """``python -m annotator ARGS`` in a process of its own, as a user runs it (``prefix``:
    a command to run it under, e.g. ``setpriv``; ``options``: more for ``subprocess.run``)."""
    return subprocess.run([*prefix, sys.executable, "-m", "annotator", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, **options)


def seed_jsonl_project(folder: Path, document_id: str) -> Path:
    """A project made as a user makes one: ``annotator init``, then ``import`` of a JSONL
    line holding the seed article and its hand annotation by amal."""
    import json

    from annotator.core.model import Document
    from annotator.formats.jsonl import document_line

    text = (Path(__file__).parent / "data" / "aleppo-2020-02-02.txt").read_text(encoding="utf-8")
    line = document_line(Document(document_id, text), seed_annotations(text, document_id, "amal"))
    source = folder / "in.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    path = folder / "p.sqlite"
    assert run_annotator("init", path).returncode == 0
    assert run_annotator("import", path, source).returncode == 0
    return path



def project_from_jsonl(folder: Path, schema, lines: list[dict], name: str = "corpus") -> Path:
    """A project holding ``lines`` (JSONL records), imported as the window's importer does."""
    import json

    from annotator.core.importing import import_records
    from annotator.formats.jsonl import read_jsonl
    from annotator.storage import ProjectStore

    source = folder / f"{name}.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    path = folder / f"{name}.sqlite"
    store = ProjectStore.create(path, schema)
    list(import_records(store, read_jsonl(source)))
    store.close()
    return path
