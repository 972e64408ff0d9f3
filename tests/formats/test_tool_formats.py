"""Other tools' shapes, both ways (issue 12, items 8-10): doccano's sequence labelling
and relation extraction, Prodigy's span task, spaCy's ``ents``. Run as the user runs
them: ``annotator export`` / ``import`` in a second process, files read back as the
tools' own readers would."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import Attribution, Document, Span
from annotator.formats.jsonl import document_line
from tests.conftest import SEED
from tests.helpers import at, seed_annotations
from tests.helpers import run_annotator as _cli

DOC = "aleppo-2020-02-02"


def _work(text: str):
    """The seed (nested entities, an event with three roles, an attribution with a cue)
    and an attribution with no cue."""
    work = seed_annotations(text, DOC, "amal")
    work.spans.append(Span("T10", *at(text, "مؤكدةً وقوع خسائر ضخمة"), "CONTENT"))
    work.attributions.append(Attribution("A2", source="T1", content="T10"))
    return work


def _project(tmp_path: Path, name: str = "p") -> Path:
    text = SEED.read_text(encoding="utf-8")
    source = tmp_path / f"{name}-in.jsonl"
    line = document_line(Document(DOC, text), _work(text))
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / f"{name}.sqlite"
    assert _cli("init", str(project)).returncode == 0
    done = _cli("import", str(project), str(source))
    assert done.returncode == 0, done.stderr
    return project


def _empty(tmp_path: Path, name: str) -> Path:
    project = tmp_path / f"{name}.sqlite"
    assert _cli("init", str(project)).returncode == 0
    return project


def _jsonl(project: Path, tmp_path: Path, name: str) -> dict:
    out = tmp_path / f"{name}.jsonl"
    done = _cli("export", str(project), "-o", str(out), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _spans(line: dict) -> list[tuple[int, int, str]]:
    return sorted((s["start"], s["end"], s["label"]) for s in line["spans"])


def _links(line: dict) -> set:
    """Events and attributions by the offsets of their spans, not their ids."""
    where = {s["id"]: (s["start"], s["end"], s["label"]) for s in line["spans"]}
    events = {(e["type"], where[e["trigger"]],
               frozenset((a["role"], where[a["span"]]) for a in e["arguments"]))
              for e in line["events"]}
    attributions = {tuple(where.get(a[part]) for part in ("source", "cue", "content"))
                    for a in line["attributions"]}
    return events | attributions


def _export(project: Path, tmp_path: Path, fmt: str, *extra: str) -> tuple[Path, str]:
    out = tmp_path / f"out-{fmt}.jsonl"
    done = _cli("export", str(project), "-o", str(out), "--format", fmt, *extra)
    assert done.returncode == 0, done.stderr
    return out, done.stderr


def test_doccano_export_is_its_sequence_labelling_shape_and_says_what_it_drops(tmp_path):
    project = _project(tmp_path)
    out, stderr = _export(project, tmp_path, "doccano")
    line = json.loads(out.read_text(encoding="utf-8"))
    original = _jsonl(project, tmp_path, "orig")
    assert line["text"] == original["text"]
    assert sorted(map(tuple, line["label"])) == _spans(original)
    assert "1 events, 2 attributions, 4 attributes" in stderr
    back = _empty(tmp_path, "back")
    assert _cli("import", str(back), str(out), "--format", "jsonl").returncode == 0
    assert _spans(_jsonl(back, tmp_path, "back")) == _spans(original)


def test_doccano_relations_keep_events_and_attributions_through_a_round_trip(tmp_path):
    project = _project(tmp_path)
    out, stderr = _export(project, tmp_path, "doccano-relations")
    line = json.loads(out.read_text(encoding="utf-8"))
    assert set(line) >= {"text", "entities", "relations"}
    assert all(set(e) == {"id", "label", "start_offset", "end_offset"} for e in line["entities"])
    assert all(set(r) == {"id", "from_id", "to_id", "type"} for r in line["relations"])
    # 3 arguments; a cue's Source and Content; a cue-less content's Source
    assert sorted(r["type"] for r in line["relations"]) == [
        "Attacker", "Content", "Place", "Source", "Source", "Target"]
    assert "4 attributes" in stderr
    back = _empty(tmp_path, "back")
    done = _cli("import", str(back), str(out))
    assert done.returncode == 0, done.stderr
    original, returned = _jsonl(project, tmp_path, "orig"), _jsonl(back, tmp_path, "back")
    assert _spans(returned) == _spans(original)
    assert _links(returned) == _links(original)


def test_doccano_relation_from_a_span_that_is_no_event_type_is_refused(tmp_path):
    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
    line = {"text": text, "entities": [
        {"id": 7, "label": "ORG", "start_offset": 6, "end_offset": 28},
        {"id": 9, "label": "GPE", "start_offset": 37, "end_offset": 40}],
        "relations": [{"id": 1, "from_id": 7, "to_id": 9, "type": "Located"}]}
    source = tmp_path / "rel.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    done = _cli("import", str(_empty(tmp_path, "p")), str(source))
    assert done.returncode == 1
    assert f"{source}:1" in done.stderr and "ORG" in done.stderr


def test_prodigy_export_is_what_spans_manual_saves(tmp_path):
    project = _project(tmp_path)
    out, stderr = _export(project, tmp_path, "prodigy")
    task = json.loads(out.read_text(encoding="utf-8"))
    assert task["answer"] == "accept"
    text, tokens = task["text"], task["tokens"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert all(text[t["start"]:t["end"]] == t["text"] for t in tokens)
    assert all(t["ws"] == (text[t["end"]:t["end"] + 1] == " ") for t in tokens)
    for span in task["spans"]:  # token_end is inclusive, as Prodigy counts
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]
    assert sorted((s["start"], s["end"], s["label"]) for s in task["spans"]) == _spans(
        _jsonl(project, tmp_path, "orig"))
    # «لقوات النظام»: split alignment cuts the proclitic off, so no offset moved
    assert "moved" not in stderr and "1 events, 2 attributions" in stderr


def test_real_prodigy_output_imports_accepted_tasks_only_and_counts_the_rest(tmp_path):
    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
    words = text.split(" ")
    starts = [text.index(w) for w in words]
    tokens = [{"text": w, "start": s, "end": s + len(w), "id": i, "ws": i < len(words) - 1}
              for i, (w, s) in enumerate(zip(words, starts))]
    span = {"start": 37, "end": 40, "token_start": 5, "token_end": 5, "label": "GPE"}

    def task(answer: str, n: int) -> str:
        return json.dumps({"text": text, "_input_hash": -1417239, "_task_hash": 98765 + n,
                           "tokens": tokens, "_view_id": "spans_manual", "spans": [span],
                           "answer": answer, "_timestamp": 1700000000, "_annotator_id": "x"},
                          ensure_ascii=False)

    source = tmp_path / "prodigy.jsonl"
    lines = [task("accept", 0), task("reject", 1), task("ignore", 2), task("reject", 3)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = _empty(tmp_path, "p")
    done = _cli("import", str(project), str(source))
    assert done.returncode == 0, done.stderr
    assert "annotator import: warning: 3 Prodigy tasks not accepted were not imported " \
           "(answers: 1 'ignore', 2 'reject')" in done.stderr
    assert "imported 1 documents" in done.stdout
    assert _spans(_jsonl(project, tmp_path, "back")) == [(37, 40, "GPE")]


def test_spacy_ents_in_jsonl_are_imported_not_dropped(tmp_path):
    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
    source = tmp_path / "ents.jsonl"
    source.write_text(json.dumps({"text": text, "ents": [{"start": 37, "end": 40, "label": "GPE"}]},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    project = _empty(tmp_path, "p")
    assert _cli("import", str(project), str(source)).returncode == 0
    assert _spans(_jsonl(project, tmp_path, "back")) == [(37, 40, "GPE")]
