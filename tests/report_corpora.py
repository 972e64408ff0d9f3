"""Projects and files whose check, import and export say something of every kind: a
consistency finding of each kind (a damaged document and damaged labels among them),
brat lines and Prodigy answers an import cannot keep, and work a brat or CoNLL export
leaves out. Made as a user makes them (``annotator init`` and ``import`` in a second
process), then damaged with raw SQL where a finding needs it. Shared by the tests of the
command line's words (unchanged) and of the window's (in the interface language)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.helpers import run_annotator

SCHEMA = Path(__file__).parents[1] / "resources" / "schemas" / "arabic-news.json"


def _span(text: str, word: str, label: str, span_id: str, nth: int = 0, skip: int = 0) -> dict:
    """The ``nth`` occurrence of ``word``, ``skip`` characters left out at its start."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {"id": span_id, "start": start + skip, "end": start + len(word), "label": label}


def _line(doc_id: str, text: str, annotator: str, spans: list[dict], **more: object) -> dict:
    return {"id": doc_id, "text": text, "annotator": annotator, "status": "done", "spans": spans, **more}


def _check_lines() -> list[dict]:
    lines = []
    t1, t2 = "زار الوفد حلب أمس.", "وصل الوفد إلى حلب صباحا."  # one annotator: GPE and LOC
    lines += [_line("d1", t1, "amal", [_span(t1, "حلب", "GPE", "T1")]),
              _line("d2", t2, "amal", [_span(t2, "حلب", "LOC", "T1")])]
    t3 = "قالت الحكومة إن دمشق ردت."  # two annotators: GPE and ORG
    lines += [_line("d3", t3, "amal", [_span(t3, "دمشق", "GPE", "T1")]),
              _line("d3", t3, "omar", [_span(t3, "دمشق", "ORG", "T1")])]
    t4 = "تقع القاهرة على النيل. القاهرة كبيرة."  # the second one left unlabelled
    lines.append(_line("d4", t4, "amal", [_span(t4, "القاهرة", "GPE", "T1")]))
    t5, t6 = "أعلنت الجزيرة الخبر.", "نقلت الجزيرة التقرير."  # with and without «ال»
    lines += [_line("d5", t5, "amal", [_span(t5, "الجزيرة", "ORG", "T1")]),
              _line("d6", t6, "amal", [_span(t6, "الجزيرة", "ORG", "T1", skip=2)])]
    t7 = "زار الوزير بيروت وبيروت جميلة."  # «وبيروت» takes in its conjunction
    lines.append(_line("d7", t7, "amal", [_span(t7, "بيروت", "GPE", "T1"), _span(t7, "وبيروت", "GPE", "T2")]))
    t8 = "هاجم مسلحون قرية نائية."  # an attack without its required roles
    lines.append(_line("d8", t8, "amal", [_span(t8, "هاجم", "Conflict.Attack", "T1")],
                       events=[{"id": "E1", "type": "Conflict.Attack", "trigger": "T1"}]))
    t9 = "توفي رجل في المدينة."  # a death with no argument at all (no required roles said)
    lines.append(_line("d9", t9, "amal", [_span(t9, "توفي", "Life.Die", "T1")],
                       events=[{"id": "E1", "type": "Life.Die", "trigger": "T1"}]))
    t10 = "قال متحدث إن الهدنة صامدة."  # an attribution without its source
    lines.append(_line("d10", t10, "amal", [_span(t10, "قال", "CUE", "T1"),
                                             _span(t10, "الهدنة صامدة", "CONTENT", "T2")],
                       attributions=[{"id": "A1", "cue": "T1", "content": "T2"}]))
    t11 = "صرح الناطق باسم الجيش."  # and one without its content
    lines.append(_line("d11", t11, "amal", [_span(t11, "صرح", "CUE", "T1"), _span(t11, "الناطق", "SOURCE", "T2")],
                       attributions=[{"id": "A1", "cue": "T1", "source": "T2"}]))
    t12 = "خبر قصير عن عمان."  # its text will be changed behind the app's back
    lines.append(_line("d12", t12, "amal", [_span(t12, "عمان", "GPE", "T1")]))
    t13 = "وصل الرئيس إلى تونس."  # rami's labels on it will be damaged
    lines += [_line("d13", t13, "rami", [_span(t13, "تونس", "GPE", "T1")]),
              _line("d13", t13, "amal", [_span(t13, "تونس", "GPE", "T1")])]
    return lines


def _project(folder: Path, lines: list[dict], schema: Path = SCHEMA, name: str = "news.annotator",
             *import_options: str) -> Path:
    corpus = folder / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    path = folder / name
    made = run_annotator("init", path, "--schema", schema)
    assert made.returncode == 0, made.stderr
    imported = run_annotator("import", path, corpus, *import_options)
    assert imported.returncode == 0, imported.stderr
    return path


def _damage(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()


def check_project(folder: Path) -> Path:
    """Every kind of finding, under the 'exclude' clitic convention."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema["required_roles"] = {"Conflict.Attack": ["Attacker", "Target"]}
    schema_file = folder / "schema.json"
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    path = _project(folder, _check_lines(), schema_file)
    _damage(path, "UPDATE documents SET text = replace(text, 'عمان', 'صنعاء') WHERE id = 'd12'",
            "UPDATE spans SET start = 'x' WHERE document_id = 'd13' AND annotator = 'rami'")
    return path


def include_project(folder: Path) -> Path:
    """A span that leaves out the proclitic the 'include' convention takes in."""
    from annotator.core.search import set_clitic_convention
    from annotator.storage import ProjectStore

    text = "زار الوزير وبيروت جميلة."
    path = _project(folder, [_line("d1", text, "amal", [_span(text, "بيروت", "GPE", "T1")])], name="include.annotator")
    store = ProjectStore.open(path, backup=False)
    try:
        set_clitic_convention(store, "include")
    finally:
        store.close()
    return path


# --- files an import cannot keep whole ------------------------------------------------
BRAT_TEXT = "زار الوفد حلب أمس والتقى محافظها."


def brat_folder(folder: Path) -> Path:
    """Two brat documents with normalisations (N) and notes (#) that are not
    AnnotatorNotes: the project has no place for them."""
    out = folder / "brat"
    out.mkdir()
    start = BRAT_TEXT.index("حلب")
    for stem in ("aleppo", "visit"):
        (out / f"{stem}.txt").write_text(BRAT_TEXT, encoding="utf-8")
        (out / f"{stem}.ann").write_text(
            f"T1\tGPE {start} {start + 3}\tحلب\n"
            "N1\tReference T1 Wikipedia:159244\tAleppo\n"
            "#1\tAnnotatorNotes T1\tthe city, not the province\n"
            "#2\tReviewerNotes T1\tchecked\n", encoding="utf-8")
    (out / "visit.ann").write_text((out / "visit.ann").read_text(encoding="utf-8")
                                   + "N2\tReference T1 GeoNames:170063\tHalab\n", encoding="utf-8")
    return out


def prodigy_file(folder: Path) -> Path:
    """Prodigy tasks, two of them rejected or ignored."""
    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
    span = {"start": 37, "end": 40, "token_start": 5, "token_end": 5, "label": "GPE"}
    tasks = [{"text": text, "spans": [span], "answer": answer, "_input_hash": 1, "_task_hash": n}
             for n, answer in enumerate(["accept", "reject", "ignore"])]
    source = folder / "prodigy.jsonl"
    source.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), encoding="utf-8")
    return source


# --- work an export leaves out --------------------------------------------------------
def export_project(folder: Path) -> Path:
    """Work a brat and a CoNLL export cannot hold whole: a note on the document, an
    annotator name that is no file name, a text with CR line breaks, nested spans of one
    layer, an event and an attribution, spans on no (whole) token, attributes the schema
    lacks, items whose spans brat cannot show."""
    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب.\r\nوقال متحدث إن الهدنة صامدة."
    spans = [_span(text, "الجبهة الوطنية للتحرير", "ORG", "T1"), _span(text, "الوطنية", "GPE", "T2"),
             _span(text, "استهداف", "Conflict.Attack", "T3"), _span(text, "حلب", "GPE", "T4"),
             _span(text, "قال", "CUE", "T5"), _span(text, "الهدنة صامدة", "CONTENT", "T6"),
             {**_span(text, "متحدث", "PER", "T7"), "attributes": {"polarity": "Positive"}},
             {"id": "T8", "start": text.index("\r"), "end": text.index("\r") + 2, "label": "Life.Die"},
             {"id": "T9", "start": text.index("\r"), "end": text.index("وقال") + 4, "label": "LOC"},
             {"id": "T10", "start": text.index("\r"), "end": text.index("\r") + 2, "label": "FAC"},
             {"id": "T11", "start": text.index("\r"), "end": text.index("\r") + 2, "label": "SOURCE"},
             _span(text, "هدن", "TIME", "T12")]
    events = [{"id": "E1", "type": "Conflict.Attack", "trigger": "T3",
               "arguments": [{"role": "Attacker", "span": "T1"}, {"role": "Place", "span": "T4"},
                             {"role": "Target", "span": "T10"}]},
              {"id": "E2", "type": "Life.Die", "trigger": "T8"}]
    attributions = [{"id": "A1", "cue": "T5", "content": "T6"}, {"id": "A2", "source": "T11"}]
    lines = [_line("d1", text, "amal/omar", spans, events=events, attributions=attributions,
                   notes=[{"target": "", "text": "to read again"}])]
    # --add-labels: an import refuses an attribute of another layer (polarity on T7) without it
    return _project(folder, lines, SCHEMA, "export.annotator", "--add-labels")


def agreement_project(folder: Path) -> Path:
    """Three annotators with little in common: most agreement figures are undefined, each
    with its reason."""
    lines = [dict(line, status="done") for line in _check_lines()]
    t20, t21 = "استقبل الملك الوفد في عمان.", "هطلت أمطار غزيرة أمس."
    lines += [_line("d20", t20, "omar", []), _line("d20", t20, "rami", [_span(t20, "عمان", "GPE", "T1")]),
              _line("d21", t21, "omar", []), _line("d21", t21, "rami", [])]  # nothing but O
    return _project(folder, lines, name="agreement.annotator")
