"""``annotator check``: a generated corpus with one planted inconsistency of each kind,
checked by a second process; every planted one is found and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def _span(text: str, word: str, label: str, span_id: str, nth: int = 0, skip: int = 0) -> dict:
    """The ``nth`` occurrence of ``word`` in ``text``, ``skip`` characters left out at its start."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {"id": span_id, "start": start + skip, "end": start + len(word), "label": label}


def _line(doc_id: str, text: str, annotator: str, spans: list[dict], **more: list) -> dict:
    return {"id": doc_id, "text": text, "annotator": annotator, "status": "done", "spans": spans, **more}


def _corpus() -> list[dict]:
    lines = []
    # label: «حلب» GPE here and LOC there, by one annotator
    t1 = "زار الوفد حلب أمس."
    t2 = "وصل الوفد إلى حلب صباحا."
    lines += [_line("d1", t1, "a", [_span(t1, "حلب", "GPE", "T1")]),
              _line("d2", t2, "a", [_span(t2, "حلب", "LOC", "T1")])]
    # label: «دمشق» GPE for a, ORG for b, on the same document
    t3 = "قالت الحكومة إن دمشق ردت."
    lines += [_line("d3", t3, "a", [_span(t3, "دمشق", "GPE", "T1")]),
              _line("d3", t3, "b", [_span(t3, "دمشق", "ORG", "T1")])]
    # unlabelled: the second «القاهرة» left unlabelled
    t4 = "تقع القاهرة على النيل. القاهرة كبيرة."
    lines.append(_line("d4", t4, "a", [_span(t4, "القاهرة", "GPE", "T1")]))
    # boundary: «الجزيرة» with its article in d5, without it in d6
    t5 = "أعلنت الجزيرة الخبر."
    t6 = "نقلت الجزيرة التقرير."
    lines += [_line("d5", t5, "a", [_span(t5, "الجزيرة", "ORG", "T1")]),
              _line("d6", t6, "a", [_span(t6, "الجزيرة", "ORG", "T1", skip=2)])]
    # convention: «وبيروت» takes in its conjunction (the project excludes proclitics)
    t7 = "زار الوزير بيروت وبيروت جميلة."
    lines.append(_line("d7", t7, "a", [_span(t7, "بيروت", "GPE", "T1"),
                                        _span(t7, "وبيروت", "GPE", "T2")]))
    # event: an attack with no argument (d8), and one with its attacker (d9: sound)
    t8 = "هاجم مسلحون قرية نائية."
    lines.append(_line("d8", t8, "a", [_span(t8, "هاجم", "Conflict.Attack", "T1")],
                       events=[{"id": "E1", "type": "Conflict.Attack", "trigger": "T1"}]))
    t9 = "قصف الطيران المدينة."
    lines.append(_line("d9", t9, "a", [_span(t9, "قصف", "Conflict.Attack", "T1"),
                                        _span(t9, "الطيران", "ORG", "T2")],
                       events=[{"id": "E1", "type": "Conflict.Attack", "trigger": "T1",
                                "arguments": [{"role": "Attacker", "span": "T2"}]}]))
    # attribution: no source (d10); with source and content (d11: sound)
    t10 = "قال متحدث إن الهدنة صامدة."
    lines.append(_line("d10", t10, "a", [_span(t10, "قال", "CUE", "T1"),
                                          _span(t10, "الهدنة صامدة", "CONTENT", "T2")],
                       attributions=[{"id": "A1", "cue": "T1", "content": "T2"}]))
    t11 = "صرح الناطق بأن الطقس معتدل."
    lines.append(_line("d11", t11, "a", [_span(t11, "الناطق", "SOURCE", "T1"),
                                          _span(t11, "صرح", "CUE", "T2"),
                                          _span(t11, "الطقس معتدل", "CONTENT", "T3")],
                       attributions=[{"id": "A1", "source": "T1", "cue": "T2", "content": "T3"}]))
    # sound: a slip of the mouse inside a word («ان» of «لبنان») is no name to look for
    t12 = "زار الوفد لبنان وقال إن الوضع هادئ."
    lines.append(_line("d12", t12, "a", [_span(t12, "لبنان", "GPE", "T1", skip=3)]))
    return lines


def _run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          check=False, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in _corpus()) + "\n",
                      encoding="utf-8")
    path = tmp_path / "news.annotator"
    assert _run("init", path, "--schema", "arabic-news").returncode == 0
    result = _run("import", path, corpus)
    assert result.returncode == 0, result.stderr
    return path


def _findings(project: Path, *more: str) -> list[dict]:
    result = _run("check", project, "--json", *more)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["findings"]


def _summary(findings: list[dict]) -> set[tuple]:
    return {
        (f["kind"], f["subject"],
         tuple(sorted((p["document"], p["annotator"], p["start"], p["end"], tuple(p["labels"]))
                      for p in f["places"])))
        for f in findings
    }


def test_consistency_check_finds_every_planted_inconsistency_and_nothing_else(project: Path) -> None:
    expected = {
        ("label", "حلب", (("d1", "a", 10, 13, ("GPE",)), ("d2", "a", 14, 17, ("LOC",)))),
        ("label", "دمشق", (("d3", "a", 16, 20, ("GPE",)), ("d3", "b", 16, 20, ("ORG",)))),
        ("unlabelled", "القاهرة", (("d4", "a", 23, 30, ("GPE",)),)),
        ("boundary", "جزيرة", (("d5", "a", 6, 13, ("ORG",)), ("d6", "a", 7, 12, ("ORG",)))),
        ("convention", "وبيروت", (("d7", "a", 17, 23, ("GPE",)),)),
        ("event", "Conflict.Attack/any argument", (("d8", "a", 0, 4, ("Conflict.Attack",)),)),
        ("attribution", "source", (("d10", "a", 0, 3, ("attribution",)),)),
    }
    assert _summary(_findings(project)) == expected


def test_consistency_check_ranks_by_count_and_names_labels_in_text(project: Path) -> None:
    findings = _findings(project)
    counts = [f["count"] for f in findings]
    assert counts == sorted(counts, reverse=True)
    text = _run("check", project)
    assert text.returncode == 0
    assert "«حلب» is labelled GPE 1x, LOC 1x, by one annotator (a)" in text.stdout
    assert "across annotators (a, b)" in text.stdout
    assert "d2 14-17 (a T1: LOC)" in text.stdout


def test_consistency_check_of_one_annotator_leaves_the_others_out(project: Path) -> None:
    only_b = _findings(project, "--annotator", "b")
    assert only_b == []  # b labelled one string once: nothing to contradict
    only_a = _summary(_findings(project, "--annotator", "a"))
    assert not any(kind == "label" and subject == "دمشق" for kind, subject, _ in only_a)
    assert any(kind == "label" and subject == "حلب" for kind, subject, _ in only_a)


def test_consistency_required_roles_come_from_the_schema(tmp_path: Path) -> None:
    schema = json.loads((Path(__file__).parents[2] / "resources/schemas/arabic-news.json").read_text("utf-8"))
    schema["required_roles"] = {"Conflict.Attack": ["Attacker", "Target"]}
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert _run("init", path, "--schema", schema_file).returncode == 0
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(next(line for line in _corpus() if line["id"] == "d9"), ensure_ascii=False) + "\n",
                      encoding="utf-8")
    assert _run("import", path, corpus).returncode == 0
    summary = _summary(_findings(path))
    assert summary == {("event", "Conflict.Attack/Target", (("d9", "a", 0, 3, ("Conflict.Attack",)),))}


def _damage(project: Path, sql: str) -> None:
    """Change the file behind the app's back, as another program or a bad disk would."""
    import sqlite3

    with sqlite3.connect(project) as conn:
        conn.execute(sql)
    conn.close()


def test_consistency_check_names_a_damaged_document_first_and_checks_the_rest(project: Path) -> None:
    _damage(project, "UPDATE documents SET text = replace(text, 'حلب', 'حمص') WHERE id = 'd2'")
    findings = _findings(project)
    assert findings[0]["kind"] == "damaged" and findings[0]["subject"] == "d2"
    assert "SHA-256" in findings[0]["message"] and "'d2'" in findings[0]["message"]
    assert [p["document"] for p in findings[0]["places"]] == ["d2"]
    assert sum(f["kind"] == "damaged" for f in findings) == 1
    summary = _summary(findings[1:])
    # «حلب» was contradicted only by d2, which is left out; the rest is checked as before
    assert not any(subject == "حلب" for _, subject, _ in summary)
    assert ("label", "دمشق", (("d3", "a", 16, 20, ("GPE",)), ("d3", "b", 16, 20, ("ORG",)))) in summary
    text = _run("check", project)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("[damaged] document 'd2' cannot be read and was not checked")


def test_consistency_check_names_damaged_labels_of_one_annotator_and_checks_the_others(project: Path) -> None:
    _damage(project, "UPDATE spans SET start = 'x' WHERE document_id = 'd3' AND annotator = 'b'")
    findings = _findings(project)
    damaged = [f for f in findings if f["kind"] == "damaged"]
    assert [(f["subject"], [(p["document"], p["annotator"]) for p in f["places"]]) for f in damaged] == [
        ("d3", [("d3", "b")])]
    assert "b's labels on document 'd3'" in damaged[0]["message"]
    assert "table spans" in damaged[0]["message"] and "field start" in damaged[0]["message"]
    summary = _summary(findings)
    assert not any(subject == "دمشق" for _, subject, _ in summary)  # b's ORG was not read
    assert ("label", "حلب", (("d1", "a", 10, 13, ("GPE",)), ("d2", "a", 14, 17, ("LOC",)))) in summary
    # a's work on the same document is still read: only b's is left out
    assert not any(f["kind"] == "damaged" for f in _findings(project, "--annotator", "a"))


def test_consistency_findings_name_a_string_as_it_is_most_often_written(tmp_path: Path) -> None:
    """Strings are grouped normalised (ة as ه, hamza-less alef, no diacritics) but named
    as the articles write them: «المدينة», not the «المدينه» nobody wrote."""
    texts = ["دخل الجيش المدينة أمس.", "غادر الوفد المدينة ليلا.", "حوصرت المدينه طويلا.", "أُغلقت المدينة."]
    labels = ["GPE", "GPE", "LOC", None]
    lines = [_line(f"d{n}", text, "a", [_span(text, word, label, "T1")] if label else [])
             for n, (text, label) in enumerate(zip(texts, labels))
             for word in [next(w for w in text.split() if w.startswith("المدين"))]]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert _run("init", path).returncode == 0 and _run("import", path, corpus).returncode == 0
    findings = {f["kind"]: f for f in _findings(path)}
    assert findings["label"]["subject"] == "المدينة"
    assert findings["label"]["message"].startswith("«المدينة» is labelled GPE 2x, LOC 1x")
    assert findings["unlabelled"]["subject"] == "المدينة"
    assert "«المدينه»" not in _run("check", path).stdout
