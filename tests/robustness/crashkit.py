"""Kill the editing path and the import with SIGKILL, then check nothing reported was lost.

Used by ``tests/robustness/test_crash_safety.py`` (a short run) and
``benchmarks/crash_safety.py`` (a long one). Also a child program::

    python -m tests.robustness.crashkit edit PROJECT PLAN START
    python -m tests.robustness.crashkit import PROJECT JSONL
    python -m tests.robustness.crashkit backups PROJECT
    python -m tests.robustness.crashkit hammer PROJECT ANNOTATOR COUNT

``edit`` opens the project as the GUI does (``ProjectStore.open``), applies the plan's
edits from ``START`` with the core commands the GUI uses (``Editor`` + ``do``/``undo``)
and prints ``done N`` after edit N returns. The parent computed the plan, and the
state after every edit, on an in-memory store beforehand; after a kill the project must
hold the state after N or N+1 edits (the kill may land between commit and print).
``import`` runs one JSONL import (``read_paths`` + ``import_records``) printing
``progress N``; a killed import must leave the project exactly as before.
``backups`` writes backups in a loop (``make_backup``); ``hammer`` adds spans as fast
as it can (two of them at once must lose nothing).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core.commands import EditCommand, Editor, StatusCommand
from annotator.core.model import Argument, Attribution, Document, Event, Span, Status
from annotator.core.schema import Schema
from annotator.core.schema_files import load_schema
from annotator.errors import ValidationError
from annotator.formats.jsonl import document_line
from annotator.storage import ProjectStore
from tests.helpers import work_rows

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "aleppo-2020-02-02.txt"
ANNOTATORS = ("amal", "omar")


# --- the project and its plan ---------------------------------------------------------
def documents() -> list[Document]:
    seed = SEED.read_text(encoding="utf-8")
    mixed = (
        "قال 👩🏽‍⚕️ الطبيب إن الهجوم على المستشفى في إدلب e\u0301 وقع صباح الأحد.\n" * 3
    )
    return [
        Document("aleppo", seed, {"title": "حلب"}),
        Document("idlib", mixed, {"title": "إدلب"}),
    ]


def new_project(path: Path) -> None:
    store = ProjectStore.create(path, load_schema("arabic-news"))
    for document in documents():
        store.add_document(document)
    store.close()


def state(store: Any) -> str:
    """A digest of every label, event, attribution and status (timestamps left out)."""
    parts = []
    for document_id in sorted(store.document_ids()):
        for annotator in ANNOTATORS:
            work = store.annotations(document_id, annotator)
            parts.append([document_id, annotator, work.status.value, *work_rows(work)])
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def apply_op(store: Any, op: dict[str, Any]) -> EditCommand | StatusCommand:
    """Run one planned edit through the core commands; the command that ran."""
    if op["op"] == "undo":
        command = _command(op["command"])
        command.undo(store)
        return command
    editor = Editor(store, op["doc"], op["annotator"])
    command = _build(editor, op)
    command.do(store)
    return command


def _build(editor: Editor, op: dict[str, Any]) -> EditCommand | StatusCommand:
    kind = op["op"]
    if kind == "add_span":
        return editor.add_span(op["start"], op["end"], op["label"], op["attributes"])
    if kind == "change_span":
        return editor.change_span(op["span"], **op["changes"])
    if kind == "remove_span":
        return editor.remove_span(op["span"])
    if kind == "add_event":
        return editor.add_event(
            op["trigger"], [tuple(a) for a in op["arguments"]], op["attributes"]
        )
    if kind == "set_argument":
        return editor.set_argument(op["event"], op["role"], op["span"])
    if kind == "remove_argument":
        return editor.remove_argument(op["event"], op["role"], op["span"])
    if kind == "add_attribution":
        return editor.add_attribution(
            op["source"], op["cue"], op["content"], op["attributes"]
        )
    if kind in ("change_item", "remove_item"):
        current = editor.current()
        items = current.events if op["kind"] == "event" else current.attributions
        item = next(i for i in items if i.id == op["id"])
        if kind == "remove_item":
            return editor.remove_item(item)
        return editor.change_item(item, attributes=op["attributes"])
    if kind == "status":
        return editor.set_status(Status(op["status"]))
    raise ValueError(kind)


# --- commands as plain data (for undo across processes) -------------------------------
def _item_json(item: Span | Event | Attribution) -> dict[str, Any]:
    kind = {Span: "span", Event: "event", Attribution: "attribution"}[type(item)]
    data = asdict(item)
    if kind == "event":
        data["arguments"] = [[a.role, a.span] for a in item.arguments]
    return {"kind": kind, **data}


def _item(data: dict[str, Any]) -> Span | Event | Attribution:
    fields = {k: v for k, v in data.items() if k != "kind"}
    if data["kind"] == "span":
        return Span(**fields)
    if data["kind"] == "event":
        fields["arguments"] = tuple(Argument(r, s) for r, s in fields["arguments"])
        return Event(**fields)
    return Attribution(**fields)


def command_json(command: EditCommand | StatusCommand) -> dict[str, Any]:
    if isinstance(command, StatusCommand):
        return {
            "type": "status",
            "text": command.text,
            "document_id": command.document_id,
            "annotator": command.annotator,
            "before": command.before.value,
            "after": command.after.value,
        }
    return {
        "type": "edit",
        "text": command.text,
        "document_id": command.document_id,
        "annotator": command.annotator,
        "removed": [_item_json(i) for i in command.removed],
        "added": [_item_json(i) for i in command.added],
    }


def _command(data: dict[str, Any]) -> EditCommand | StatusCommand:
    if data["type"] == "status":
        return StatusCommand(
            data["text"],
            data["document_id"],
            data["annotator"],
            Status(data["before"]),
            Status(data["after"]),
        )
    return EditCommand(
        data["text"],
        data["document_id"],
        data["annotator"],
        [_item(i) for i in data["removed"]],
        [_item(i) for i in data["added"]],
    )


# --- planning: random edits that pass validation, simulated in memory -----------------
@dataclass
class Plan:
    """Edits chosen at random from ``seed``, and the state digest after each.

    ``digests[n]`` is the state after the first ``n`` edits.
    """

    seed: int
    ops: list[dict[str, Any]] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.schema: Schema = load_schema("arabic-news")
        self.store = ProjectStore.in_memory(self.schema)
        self.texts = {}
        for document in documents():
            self.store.add_document(document)
            self.texts[document.id] = document.text
        self.digests.append(state(self.store))
        self.last: EditCommand | StatusCommand | None = None

    def extend_to(self, count: int) -> None:
        while len(self.ops) < count:
            op = self._next_op()
            self.ops.append(op)
            self.digests.append(state(self.store))

    def write(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            for op in self.ops:
                handle.write(json.dumps(op, ensure_ascii=False) + "\n")

    def _next_op(self) -> dict[str, Any]:
        for _ in range(1000):
            if self.last is not None and self.rng.random() < 0.08:
                op = {"op": "undo", "command": command_json(self.last)}
            else:
                op = self._random_edit()
            if op is None:
                continue
            try:
                command = apply_op(self.store, op)
            except ValidationError:
                continue
            self.last = None if op["op"] == "undo" else command
            return op
        raise RuntimeError("no valid edit found")

    def _random_edit(self) -> dict[str, Any] | None:
        rng = self.rng
        doc = rng.choice(sorted(self.texts))
        annotator = rng.choice(ANNOTATORS)
        current = self.store.annotations(doc, annotator)
        base = {"doc": doc, "annotator": annotator}
        spans, events = current.spans, current.events
        choices = ["add_span"] * (2 if len(spans) > 30 else 6) + ["status"]
        if spans:
            choices += ["change_span"] * 3 + ["remove_span"] * (
                6 if len(spans) > 30 else 2
            )
            choices += ["add_event"] * 2 + ["add_attribution"] * 2
        if events:
            choices += ["set_argument", "set_argument", "remove_argument"]
        if events or current.attributions:
            choices += ["change_item", "remove_item"]
        kind = rng.choice(choices)
        made = getattr(self, f"_{kind}")(current, self.texts[doc])
        return None if made is None else {"op": kind, **base, **made}

    def _label(self, layer: str | None = None) -> str:
        labels = [
            n
            for n, lab in self.schema.labels.items()
            if layer is None or lab.layer == layer
        ]
        return self.rng.choice(labels)

    def _add_span(self, current, text: str) -> dict[str, Any]:
        rng = self.rng
        layer = rng.choice(["entity"] * 4 + ["event", "attribution"])
        label = self._label(layer)
        start = rng.randrange(len(text) - 1)
        length = rng.randint(1, 120 if label == "CONTENT" else 25)
        attributes = (
            {"mention": rng.choice(["NAM", "NOM", "PRO"])}
            if layer == "entity" and rng.random() < 0.5
            else {}
        )
        return {
            "start": start,
            "end": min(len(text), start + length),
            "label": label,
            "attributes": attributes,
        }

    def _change_span(self, current, text: str) -> dict[str, Any]:
        rng = self.rng
        span = rng.choice(current.spans)
        what = rng.choice(["label", "resize", "attributes"])
        if what == "label":
            layer = self.schema.layer_of(span.label)
            changes: dict[str, Any] = {"label": self._label(layer)}
        elif what == "resize":
            start = max(0, span.start + rng.randint(-3, 3))
            changes = {
                "start": start,
                "end": min(len(text), max(start + 1, span.end + rng.randint(-3, 3))),
            }
        else:
            changes = {"attributes": {"mention": rng.choice(["NAM", "NOM", "PRO"])}}
        return {"span": span.id, "changes": changes}

    def _remove_span(self, current, text: str) -> dict[str, Any]:
        return {"span": self.rng.choice(current.spans).id}

    def _fillers(self, current, event_type: str) -> list[tuple[str, str]]:
        return [
            (role, s.id)
            for role, labels in self.schema.roles_of(event_type).items()
            for s in current.spans
            if s.label in labels
        ]

    def _add_event(self, current, text: str) -> dict[str, Any] | None:
        triggers = [
            s for s in current.spans if self.schema.layer_of(s.label) == "event"
        ]
        if not triggers:
            return None
        trigger = self.rng.choice(triggers)
        fillers = self._fillers(current, trigger.label)
        arguments = self.rng.sample(fillers, min(len(fillers), self.rng.randint(0, 2)))
        attributes = (
            {"polarity": self.rng.choice(["Positive", "Negative"])}
            if self.rng.random() < 0.5
            else {}
        )
        return {
            "trigger": trigger.id,
            "arguments": [list(a) for a in arguments],
            "attributes": attributes,
        }

    def _set_argument(self, current, text: str) -> dict[str, Any] | None:
        event = self.rng.choice(current.events)
        fillers = self._fillers(current, event.type)
        if not fillers:
            return None
        role, span = self.rng.choice(fillers)
        return {"event": event.id, "role": role, "span": span}

    def _remove_argument(self, current, text: str) -> dict[str, Any] | None:
        event = self.rng.choice(current.events)
        if not event.arguments:
            return None
        argument = self.rng.choice(event.arguments)
        return {"event": event.id, "role": argument.role, "span": argument.span}

    def _add_attribution(self, current, text: str) -> dict[str, Any] | None:
        def pick(labels: set[str]) -> str | None:
            found = [s.id for s in current.spans if s.label in labels]
            return self.rng.choice(found) if found and self.rng.random() < 0.8 else None

        entities = {
            n for n, lab in self.schema.labels.items() if lab.layer == "entity"
        } | {"SOURCE"}
        parts = {
            "source": pick(entities),
            "cue": pick({"CUE"}),
            "content": pick({"CONTENT"}),
        }
        if not any(parts.values()):
            return None
        attributes = (
            {"quote": self.rng.choice(["direct", "indirect", "mixed"])}
            if self.rng.random() < 0.5
            else {}
        )
        return {**parts, "attributes": attributes}

    def _change_item(self, current, text: str) -> dict[str, Any]:
        items = [("event", e) for e in current.events] + [
            ("attribution", a) for a in current.attributions
        ]
        kind, item = self.rng.choice(items)
        if kind == "event":
            attributes = {"polarity": self.rng.choice(["Positive", "Negative"])}
        else:
            attributes = {"quote": self.rng.choice(["direct", "indirect", "mixed"])}
        return {"kind": kind, "id": item.id, "attributes": attributes}

    def _remove_item(self, current, text: str) -> dict[str, Any]:
        items = [("event", e) for e in current.events] + [
            ("attribution", a) for a in current.attributions
        ]
        kind, item = self.rng.choice(items)
        return {"kind": kind, "id": item.id}

    def _status(self, current, text: str) -> dict[str, Any]:
        return {"status": self.rng.choice([s.value for s in Status])}


# --- the parent's side --------------------------------------------------------------
@dataclass
class KillReport:
    kills: int = 0
    during_start: int = 0
    edits_checked: int = (
        0  # edits reported done (or found applied) and found in the file
    )
    committed_unreported: int = 0  # kills between an edit's commit and its "done" line
    integrity_checks: int = 0
    imports_killed: int = 0
    backup_kills: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def child(args: list[str], stderr: Path) -> subprocess.Popen:
    env = dict(
        os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")
    )
    with stderr.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.crashkit", *args],
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=REPO,
            env=env,
        )


def _kill(process: subprocess.Popen) -> list[str]:
    process.kill()  # SIGKILL: no cleanup, no atexit, no flush
    out = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    process.wait()
    return out.splitlines()


def open_and_check(project: Path) -> ProjectStore:
    """Open as the app does and run ``PRAGMA integrity_check``; the store, open."""
    store = ProjectStore.open(project)
    result = [row[0] for row in store.db.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        store.close()
        raise AssertionError(f"integrity_check after a kill: {result[:5]}")
    return store


def edit_kill_loop(
    work: Path,
    kills: int,
    seed: int,
    report: KillReport | None = None,
    max_wait: float = 0.15,
) -> KillReport:
    """Kill an editing child ``kills`` times; after each, check every reported edit."""
    report = report or KillReport()
    rng = random.Random(seed)
    project, plan_file, errors = (
        work / "edits.sqlite",
        work / "plan.jsonl",
        work / "child-stderr.txt",
    )
    new_project(project)
    plan = Plan(seed)
    applied = 0
    started = time.perf_counter()
    for round_number in range(kills):
        plan.extend_to(applied + 400)
        plan.write(plan_file)
        process = child(["edit", str(project), str(plan_file), str(applied)], errors)
        lines: list[str] = []
        if (
            rng.random() < 0.15
        ):  # now and then, kill it while it starts and opens the file
            time.sleep(rng.uniform(0.0, 0.8))
            report.during_start += 1
        else:
            lines.append(process.stdout.readline().decode().strip())
            time.sleep(rng.uniform(0.0, max_wait))
        if process.poll() is not None and process.returncode != 0:
            raise AssertionError(
                f"the child failed: {errors.read_text(errors='replace')[-2000:]}"
            )
        lines += _kill(process)
        report.kills += 1
        done = [int(line.split()[1]) for line in lines if line.startswith("done ")]
        reported = done[-1] if done else applied
        store = open_and_check(project)
        found = state(store)
        store.close()
        report.integrity_checks += 1
        if found == plan.digests[reported]:
            now_applied = reported
        elif reported + 1 < len(plan.digests) and found == plan.digests[reported + 1]:
            now_applied = reported + 1
            report.committed_unreported += 1
        else:
            raise AssertionError(
                f"kill {round_number + 1}: the child reported {reported} edits done, but the "
                f"project holds neither the state after {reported} nor after {reported + 1} "
                f"(seed {seed})"
            )
        report.edits_checked += now_applied - applied
        applied = now_applied
    report.seconds += time.perf_counter() - started
    return report


def write_import_file(path: Path, count: int, annotator: str = "bulk") -> None:
    """``count`` JSONL documents: the seed article, numbered, with its hand annotations
    (spans and events)."""
    from tests.helpers import seed_annotations

    seed = SEED.read_text(encoding="utf-8")
    work = seed_annotations(seed, "x", annotator)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            work = replace(work, document_id=f"bulk-{number}", status=Status.DONE, attributions=[])
            line = document_line(Document(work.document_id, f"{seed}\n{number}"), work)
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def dump(store: ProjectStore) -> dict[str, list[tuple]]:
    """Every row of every table (session rows of ``settings`` left out)."""
    tables = [
        r[0]
        for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    rows = {}
    for table in tables:
        found = store.db.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        if table == "settings":
            found = [r for r in found if not str(r[0]).startswith("session:")]
        rows[table] = found
    return rows


def import_kill_loop(
    work: Path,
    kills: int,
    seed: int,
    documents_count: int,
    report: KillReport | None = None,
) -> KillReport:
    """Kill an import at random records; each time the project must be as before."""
    report = report or KillReport()
    rng = random.Random(seed)
    project, data, errors = (
        work / "import.sqlite",
        work / "bulk.jsonl",
        work / "import-stderr.txt",
    )
    new_project(project)
    write_import_file(data, documents_count)
    store = ProjectStore.open(project)
    before = dump(store)
    store.close()
    started = time.perf_counter()
    for _ in range(kills):
        target = rng.randrange(1, documents_count)
        process = child(["import", str(project), str(data)], errors)
        lines = []
        while True:
            line = process.stdout.readline().decode().strip()
            if not line:
                break
            lines.append(line)
            if line.startswith("progress ") and int(line.split()[1]) >= target:
                break
        lines += _kill(process)
        if any(line == "end" for line in lines):
            raise AssertionError("the import finished before the kill")
        report.kills += 1
        report.imports_killed += 1
        store = open_and_check(project)
        report.integrity_checks += 1
        after = dump(store)
        store.close()
        if after != before:
            raise AssertionError(
                f"a killed import (at record {target}) changed the project"
            )
    report.seconds += time.perf_counter() - started
    return report


def backup_kill_loop(
    work: Path, kills: int, seed: int, report: KillReport | None = None
) -> KillReport:
    """Kill a child writing backups; listed backups stay whole, the project sound."""
    from annotator.storage.backup import backup_dir, list_backups

    report = report or KillReport()
    rng = random.Random(seed)
    project, errors = work / "backups.sqlite", work / "backup-stderr.txt"
    new_project(project)
    write_import_file(work / "some.jsonl", 300)
    process = child(["import", str(project), str(work / "some.jsonl")], errors)
    process.wait()
    store = open_and_check(project)
    expected = store.count_documents()
    store.close()
    for _ in range(kills):
        process = child(["backups", str(project)], errors)
        process.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.3))
        _kill(process)
        report.kills += 1
        report.backup_kills += 1
        for backup in list_backups(project):
            if backup.documents is None or (
                backup.reason == "manual" and backup.documents != expected
            ):
                raise AssertionError(f"a listed backup is not whole: {backup}")
            conn = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
            try:
                if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise AssertionError(
                        f"a listed backup fails integrity_check: {backup}"
                    )
            finally:
                conn.close()
        store = open_and_check(project)
        report.integrity_checks += 1
        store.close()
    leftovers = [
        p.name for p in backup_dir(project).iterdir() if p.name.startswith(".")
    ]
    report.notes.append(
        f"partial backups left by killed writers (cleared by the next backup): {len(leftovers)}"
    )
    return report


# --- the child's side -----------------------------------------------------------------
def _child_edit(project: str, plan: str, start: str) -> None:
    with open(plan, encoding="utf-8") as handle:
        ops = [json.loads(line) for line in handle]
    store = ProjectStore.open(Path(project))
    print("ready", flush=True)
    for number in range(int(start), len(ops)):
        apply_op(store, ops[number])
        print(f"done {number + 1}", flush=True)
    store.close()
    print("end", flush=True)


def _child_import(project: str, data: str) -> None:
    from annotator.core.importing import import_records
    from annotator.formats.registry import read_paths

    store = ProjectStore.open(Path(project))
    for progress in import_records(store, read_paths([Path(data)], "jsonl")):
        print(f"progress {progress.done}", flush=True)
    store.close()
    print("end", flush=True)
    print(f"peak-rss-kb {_peak_rss_kb()}", flush=True)


def _peak_rss_kb() -> int:
    """This process's own peak resident set. Linux's VmHWM: ``ru_maxrss`` would include
    the parent's memory (it survives fork and exec), and so would RUSAGE_CHILDREN."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def _child_hammer(project: str, annotator: str, count: str) -> None:
    """Add ``count`` spans, one command each, as fast as possible (two at once: no loss)."""
    store = ProjectStore.open(Path(project), backup=False)
    editor = Editor(store, "aleppo", annotator)
    print("ready", flush=True)
    for number in range(int(count)):
        editor.add_span(number, number + 3, "PER").do(store)
    store.close()
    print(f"done {count}", flush=True)


def _child_backups(project: str) -> None:
    from annotator.storage.backup import make_backup

    print("ready", flush=True)
    while True:
        make_backup(Path(project))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    children = {
        "edit": _child_edit,
        "import": _child_import,
        "backups": _child_backups,
        "hammer": _child_hammer,
    }
    children[command](*arguments)
