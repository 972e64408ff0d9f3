"""`annotator learn` and `annotator suggest` run as other processes, as a user runs them."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3

import pytest

from annotator.core.model import Status
from annotator.core.schema import Schema
from annotator.storage import ProjectStore
from tests.core.test_learning import SCHEMA, add, article
from tests.helpers import run_annotator as annotator


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.sqlite"
    store = ProjectStore.create(path, Schema.from_json(SCHEMA))
    rng = random.Random(4)
    for n in range(8):
        add(store, f"d{n}", *article(rng))
    text, spans = article(rng)
    add(store, "new", text, [], status=Status.IN_PROGRESS)
    store.close()
    return path, spans


def file_sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_learn_then_suggest_writes_model_jsonl(project, tmp_path):
    path, spans = project
    learned = annotator("learn", str(path))
    assert learned.returncode == 0, learned.stderr
    assert "trained on 8 documents" in learned.stdout and "amal" in learned.stdout
    before = file_sha256(path)
    out = tmp_path / "s.jsonl"
    suggested = annotator("suggest", str(path), "-o", str(out), "--documents", "new")
    assert suggested.returncode == 0, suggested.stderr
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["id"] == "new" and line["annotator"] == "model"
    found = {(s["start"], s["end"], s["label"]) for s in line["spans"]}
    assert len(found & set(spans)) >= 8
    assert all(0 < s["attributes"]["confidence"] <= 1 for s in line["spans"])
    assert file_sha256(path) == before  # read-only: the project's labels are untouched
    other = tmp_path / "other.sqlite"  # our JSONL: another project imports it as it is
    assert annotator("init", str(other), "--schema", "anercorp").returncode == 0
    imported = annotator("import", str(other), str(out), "--add-labels")
    assert imported.returncode == 0, imported.stderr


def test_cli_suggest_threshold_leaves_out_unsure_spans(project, tmp_path):
    path, _ = project
    assert annotator("learn", str(path), "--labels", "PER").returncode == 0
    low, high = tmp_path / "low.jsonl", tmp_path / "high.jsonl"
    assert annotator("suggest", str(path), "-o", str(low), "--threshold", "0").returncode == 0

    def places(out):
        return {(line["id"], s["start"], s["end"], s["label"]): s["attributes"]["confidence"]
                for line in map(json.loads, out.read_text(encoding="utf-8").splitlines())
                for s in line["spans"]}

    everything = places(low)
    assert {label for *_, label in everything} == {"PER"}
    middle = sorted(everything.values())[len(everything) // 2]
    assert annotator("suggest", str(path), "-o", str(high), "--threshold", str(middle)).returncode == 0
    sure = places(high)
    assert all(c >= middle for c in sure.values())
    # What was sure stays; a name's other places may join it with its best confidence.
    assert {k: c for k, c in everything.items() if c >= middle}.items() <= sure.items()
    assert len(sure) < len(everything)


def test_cli_suggest_refuses_model_of_another_schema(project, tmp_path):
    path, _ = project
    assert annotator("learn", str(path)).returncode == 0
    with sqlite3.connect(path) as db:  # the schema changed after training (a label added)
        schema = json.loads(db.execute("SELECT value FROM settings WHERE key = 'schema'").fetchone()[0])
        schema["labels"].append({"name": "GPE"})
        db.execute("UPDATE settings SET value = ? WHERE key = 'schema'", [json.dumps(schema)])
    refused = annotator("suggest", str(path), "-o", str(tmp_path / "s.jsonl"))
    assert refused.returncode == 1
    assert (f"the model was trained for another schema; train again: annotator learn {path}"
            in refused.stderr)
    assert "Traceback" not in refused.stderr and not (tmp_path / "s.jsonl").exists()


def test_cli_suggest_refuses_model_of_an_older_version(project, tmp_path):
    path, _ = project
    assert annotator("learn", str(path)).returncode == 0
    with sqlite3.connect(path) as db:  # as an older version of the app left it
        db.execute("UPDATE models SET format = 0")
    refused = annotator("suggest", str(path), "-o", str(tmp_path / "s.jsonl"))
    assert refused.returncode == 1 and "made by an older version of annotator" in refused.stderr
    assert f"train again: annotator learn {path}" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_cli_suggest_without_a_model_and_learn_without_labels(tmp_path):
    path = tmp_path / "p.sqlite"
    store = ProjectStore.create(path, Schema.from_json(SCHEMA))
    add(store, "x", *article(random.Random(1)), status=Status.IN_PROGRESS)
    store.close()
    nothing = annotator("learn", str(path))
    assert nothing.returncode == 1 and "nothing to learn from" in nothing.stderr
    none = annotator("suggest", str(path), "-o", str(tmp_path / "s.jsonl"))
    assert none.returncode == 1 and "no trained model" in none.stderr
    bad = annotator("suggest", str(path), "-o", str(tmp_path / "s.jsonl"), "--threshold", "2")
    assert bad.returncode == 2
