"""brat standoff: write then read gives the same annotations; bad files name their line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.core.importing import import_records
from annotator.core.model import (
    Annotations,
    Argument,
    Attribution,
    Document,
    Event,
    ImportRecord,
    Span,
)
from annotator.core.schema import Schema
from annotator.errors import InputError
from annotator.formats.brat import read_brat
from annotator.formats.brat_write import (
    annotation_conf,
    write_annotation_conf,
    write_brat,
)
from tests.helpers import at, seed_annotations

DOC_ID = "aleppo-2020-02-02"


def _export(
    tmp_path: Path, schema: Schema, *pairs: tuple[Document, Annotations]
) -> list[str]:
    warnings: list[str] = []
    list(write_brat(list(pairs), tmp_path / "out", schema, warnings=warnings))
    return warnings


def _read_one(path: Path, **options: object) -> ImportRecord:
    records = list(read_brat(path, **options))
    assert len(records) == 1
    return records[0]


def _round_trip(
    tmp_path: Path, schema: Schema, annotations: Annotations, text: str
) -> Annotations:
    document = Document(annotations.document_id, text)
    _export(tmp_path, schema, (document, annotations))
    record = _read_one(tmp_path / "out" / annotations.annotator / f"{document.id}.txt")
    assert record.document.text == text
    return record.annotations[0]


def _same_work(read: Annotations, written: Annotations) -> None:
    """Same annotations; spans in any order (files and stores keep text order)."""
    assert sorted(read.spans, key=_by_id) == sorted(written.spans, key=_by_id)
    assert read.events == written.events
    assert read.attributions == written.attributions


def _by_id(span: Span) -> str:
    return span.id


def _brat_files(folder: Path, text: str, ann: str, name: str = "doc") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    path = folder / f"{name}.ann"
    path.write_text(ann, encoding="utf-8", newline="")
    return path


def _t(text: str, brat_id: str, label: str, phrase: str, after: str = "") -> str:
    start, end = at(text, phrase, after)
    return f"{brat_id}\t{label} {start} {end}\t{phrase}\n"


# --- writing and reading back -------------------------------------------------------
def test_brat_write_then_read_keeps_spans_events_attributions_attributes(
    tmp_path, schema, seed_text
):
    written = seed_annotations(seed_text, DOC_ID)
    read = _round_trip(tmp_path, schema, written, seed_text)
    _same_work(read, written)
    assert read.annotator == "import"
    assert read.span("T1").attributes == {"mention": "NAM"}
    assert read.events[0].attributes == {"polarity": "Positive"}
    assert read.attributions[0].attributes == {"quote": "indirect"}


def test_brat_ann_lines_have_the_formats_md_shape(tmp_path, schema, seed_text):
    _export(
        tmp_path,
        schema,
        (Document(DOC_ID, seed_text), seed_annotations(seed_text, DOC_ID)),
    )
    lines = (
        (tmp_path / "out" / "amal" / f"{DOC_ID}.ann")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    start, end = at(seed_text, "الجبهة الوطنية للتحرير")
    assert f"T1\tORG {start} {end}\tالجبهة الوطنية للتحرير" in lines
    assert "E1\tConflict_Attack:T2 Attacker:T1 Target:T3 Place:T4" in lines
    assert "T5\tAttribution 75 80\tأعلنت" in lines  # the cue is the trigger
    assert "E2\tAttribution:T5 Source:T1 Content:T6" in lines
    assert {
        "A1\tMention T1 NAM",
        "A3\tPolarity E1 Positive",
        "A4\tQuote E2 indirect",
    } <= set(lines)


def test_brat_export_read_export_gives_the_same_files(tmp_path, schema, seed_text):
    _export(
        tmp_path,
        schema,
        (Document(DOC_ID, seed_text), seed_annotations(seed_text, DOC_ID)),
    )
    record = _read_one(tmp_path / "out" / "amal", annotator="amal")
    annotations = record.annotations[0]
    annotations.spans.reverse()  # a store may hand spans back in another order
    _export(tmp_path / "again", schema, (record.document, annotations))
    for name in (f"{DOC_ID}.txt", f"{DOC_ID}.ann", "annotation.conf"):
        first = (tmp_path / "out" / "amal" / name).read_bytes()
        assert (tmp_path / "again" / "out" / "amal" / name).read_bytes() == first


def test_brat_text_is_written_exactly(tmp_path, schema):
    text = "سطر أول\r\nسطر ثان\u00a0مع مسافة\n"
    warnings = _export(
        tmp_path, schema, (Document("crlf", text), Annotations("crlf", "amal"))
    )
    assert (tmp_path / "out" / "amal" / "crlf.txt").read_bytes() == text.encode("utf-8")
    assert any("brat#853" in warning for warning in warnings)


def test_brat_span_across_lines_is_written_in_fragments_and_read_whole(
    tmp_path, schema, seed_text
):
    start = seed_text.index("الأرياف")
    end = seed_text.index("أعلنت") + len("أعلنت")
    assert "\n\n" in seed_text[start:end]
    written = Annotations(DOC_ID, "amal", spans=[Span("T1", start, end, "CONTENT")])
    warnings = _export(tmp_path, schema, (Document(DOC_ID, seed_text), written))
    line = (tmp_path / "out" / "amal" / f"{DOC_ID}.ann").read_text(encoding="utf-8")
    first_end = start + len("الأرياف")
    second_start = end - len("أعلنت")
    assert (
        line == f"T1\tCONTENT {start} {first_end};{second_start} {end}\tالأرياف أعلنت\n"
    )
    assert warnings == []
    assert (
        _round_trip(tmp_path / "again", schema, written, seed_text).spans
        == written.spans
    )


def test_brat_repeated_roles_are_numbered_and_read_back_plain(
    tmp_path, schema, seed_text
):
    spans = [
        Span("T1", *at(seed_text, "استهداف"), "Conflict.Attack"),
        Span("T2", *at(seed_text, "قوات النظام"), "ORG"),
        Span("T3", *at(seed_text, "قوات النظام", "حوالي 70"), "ORG"),
        Span("T4", *at(seed_text, "قوات النظام", "في قصف ل"), "ORG"),
    ]
    targets = tuple(Argument("Target", span_id) for span_id in ("T2", "T3", "T4"))
    event = Event("E1", "Conflict.Attack", "T1", targets)
    written = Annotations(DOC_ID, "amal", spans=spans, events=[event])
    _export(tmp_path, schema, (Document(DOC_ID, seed_text), written))
    ann = (tmp_path / "out" / "amal" / f"{DOC_ID}.ann").read_text(encoding="utf-8")
    assert "E1\tConflict_Attack:T1 Target:T2 Target2:T3 Target3:T4\n" in ann
    assert _round_trip(tmp_path / "again", schema, written, seed_text).events == [event]


@pytest.mark.parametrize(
    "parts",
    [
        {
            "source": "T1"
        },  # an ORG source alone: its label does not say it is the source
        {"source": "T1", "content": "T2"},
        {"content": "T2"},
        {"cue": "T3"},
        {"source": "T1", "cue": "T3"},
    ],
)
def test_brat_attribution_without_some_parts_round_trips(
    tmp_path, schema, seed_text, parts
):
    claim = "استهداف قوات النظام في محور الكلارية"
    spans = [
        Span("T1", *at(seed_text, "الجبهة الوطنية للتحرير"), "ORG"),
        Span("T2", *at(seed_text, claim), "CONTENT"),
        Span("T3", *at(seed_text, "أعلنت"), "CUE"),
    ]
    written = Annotations(
        DOC_ID, "amal", spans=spans, attributions=[Attribution("A1", **parts)]
    )
    _same_work(_round_trip(tmp_path, schema, written, seed_text), written)


def test_brat_ids_brat_cannot_read_are_renumbered(tmp_path, schema, seed_text):
    spans = [
        Span("T4", *at(seed_text, "استهداف"), "Conflict.Attack"),
        Span("span-a", *at(seed_text, "قوات النظام"), "ORG"),
    ]
    event = Event("ev1", "Conflict.Attack", "T4", (Argument("Target", "span-a"),))
    written = Annotations(DOC_ID, "amal", spans=spans, events=[event])
    read = _round_trip(tmp_path, schema, written, seed_text)
    assert [s.id for s in read.spans] == ["T4", "T5"]
    assert read.events == [
        Event("E1", "Conflict.Attack", "T4", (Argument("Target", "T5"),))
    ]


def test_brat_span_of_line_breaks_only_is_left_out_with_a_warning(
    tmp_path, schema, seed_text
):
    start = seed_text.index("\n\n")
    written = Annotations(DOC_ID, "amal", spans=[Span("T1", start, start + 2, "ORG")])
    warnings = _export(tmp_path, schema, (Document(DOC_ID, seed_text), written))
    assert (tmp_path / "out" / "amal" / f"{DOC_ID}.ann").read_text(
        encoding="utf-8"
    ) == ""
    assert len(warnings) == 1 and "only line breaks" in warnings[0]


def test_brat_each_annotator_gets_a_subfolder_with_annotation_conf(
    tmp_path, schema, seed_text
):
    document = Document(DOC_ID, seed_text)
    pairs = [
        (document, seed_annotations(seed_text, DOC_ID, "amal")),
        (document, seed_annotations(seed_text, DOC_ID, "badr")),
    ]
    warnings: list[str] = []
    progress = list(write_brat(pairs, tmp_path / "out", schema, warnings=warnings))
    assert [(p.done, p.total) for p in progress] == [(1, 2), (2, 2)]
    for name in ("amal", "badr"):
        folder = tmp_path / "out" / name
        assert sorted(p.name for p in folder.iterdir()) == [
            f"{DOC_ID}.ann",
            f"{DOC_ID}.status",
            f"{DOC_ID}.txt",
            "annotation.conf",
            "visual.conf",
        ]
    assert warnings == []


def test_brat_unsafe_annotator_and_document_names_become_file_names(tmp_path, schema):
    pairs = [
        (Document("news/1", "نص"), Annotations("news/1", "../amal")),
        (Document("news:1", "نص آخر"), Annotations("news:1", "../amal")),
    ]
    warnings = _export(tmp_path, schema, *pairs)
    folder = tmp_path / "out" / "_amal"
    assert sorted(p.name for p in folder.glob("*.txt")) == [
        "news_1-2.txt",
        "news_1.txt",
    ]
    assert len(warnings) == 3


def test_brat_export_imports_into_a_project_with_the_shipped_schema(
    tmp_path, schema, store, seed_text
):
    written = seed_annotations(seed_text, DOC_ID)
    _export(tmp_path, schema, (Document(DOC_ID, seed_text), written))
    records = read_brat(tmp_path / "out" / "amal", annotator="amal")
    list(import_records(store, records))
    _same_work(store.annotations(DOC_ID, "amal"), written)


# --- annotation.conf ----------------------------------------------------------------
def test_brat_annotation_conf_lists_labels_roles_and_attributes(schema):
    conf = annotation_conf(schema)
    sections = _conf_sections(conf)
    entities = [label.name for label in schema.labels_in("entity")]
    assert sections["entities"] == entities + ["SOURCE", "CUE", "CONTENT"]
    assert sections["relations"] == [
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"
    ]
    attack = next(
        line for line in sections["events"] if line.startswith("Conflict_Attack\t")
    )
    assert "Attacker*:PER|ORG|GPE" in attack and "Place*:GPE|LOC|FAC" in attack
    events = [line.split("\t")[0] for line in sections["events"]]
    assert events == [
        label.name.replace(".", "_") for label in schema.labels_in("event")
    ] + ["Attribution"]
    assert sections["events"][-1].startswith("Attribution\tSource?:PER|ORG|")
    assert sections["events"][-1].endswith("|SOURCE, Content?:CONTENT")
    assert "Mention\tArg:<ENTITY>, Value:NAM|NOM|PRO" in sections["attributes"]
    assert "Polarity\tArg:<EVENT>, Value:Positive|Negative" in sections["attributes"]
    assert (
        "Quote\tArg:Attribution|SOURCE|CONTENT, Value:direct|indirect|mixed"
        in sections["attributes"]
    )


def test_brat_annotation_conf_of_a_small_schema(tmp_path):
    small = Schema.from_json(
        {
            "labels": [
                {"name": "PER"},
                {
                    "name": "Life.Die",
                    "layer": "event",
                    "roles": {"Victim": ["PER"], "Place": []},
                },
            ],
            "attributes": [{"name": "negated", "layer": "event"}],
        }
    )
    path = write_annotation_conf(small, tmp_path / "conf")
    sections = _conf_sections(path.read_text(encoding="utf-8"))
    assert sections["entities"] == ["PER", "SOURCE", "CUE", "CONTENT"]
    assert sections["events"][0] == "Life_Die\tVictim*:PER, Place*:PER"
    assert sections["attributes"] == ["Negated\tArg:<EVENT>", "NoCue\tArg:Attribution"]


def _conf_sections(conf: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in conf.splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line and not line.startswith("#"):
            current.append(line)
    return sections


# --- reading files brat and others made ----------------------------------------------
def test_brat_reads_a_folder_sorted_with_missing_ann_as_no_annotations(
    tmp_path, seed_text
):
    _brat_files(tmp_path, seed_text, _t(seed_text, "T1", "GPE", "حلب"), name="b")
    (tmp_path / "a.txt").write_text("\n  عنوان الخبر  \nنص", encoding="utf-8")
    records = list(read_brat(tmp_path, annotator="dana"))
    assert [r.document.id for r in records] == ["a", "b"]
    assert records[0].annotations == []
    assert records[0].document.meta == {"title": "عنوان الخبر", "source": "a.txt"}
    assert records[1].document.meta["title"] == seed_text.splitlines()[0]
    assert records[1].annotations[0].annotator == "dana"
    assert records[1].file == str(tmp_path / "b.ann")


def test_brat_reads_from_the_ann_or_the_txt_path(tmp_path, seed_text):
    path = _brat_files(tmp_path, seed_text, _t(seed_text, "T1", "GPE", "حلب"))
    from_ann = _read_one(path)
    assert from_ann == _read_one(path.with_suffix(".txt"))
    assert from_ann.annotations[0].spans == [Span("T1", *at(seed_text, "حلب"), "GPE")]


def test_brat_reads_relations_notes_normalisations_and_attributes(tmp_path, seed_text):
    ann = (
        _t(seed_text, "T1", "ORG", "الجبهة الوطنية للتحرير")
        + _t(seed_text, "T2", "CONTENT", "استهداف قوات النظام")
        + "R1\tAttribution Arg1:T1 Arg2:T2\n"
        + "#1\tAnnotatorNotes T1\tملاحظة\n"
        + "N1\tReference T1 Wikidata:Q123\tالجبهة\n"
        + "\n"
        + "A1\tMention T1 NAM\n"
        + "A2\tQuote R1 indirect\n"
        + "A3\tGeneric T2\n"
    )
    read = _read_one(_brat_files(tmp_path, seed_text, ann)).annotations[0]
    assert read.attributions == [
        Attribution("A1", source="T1", content="T2", attributes={"quote": "indirect"})
    ]
    assert read.span("T1").attributes == {"mention": "NAM"}
    assert read.span("T2").attributes == {"generic": True}


def test_brat_attribution_trigger_made_in_brat_becomes_the_cue(tmp_path, seed_text):
    ann = (
        _t(seed_text, "T1", "ORG", "الجبهة الوطنية للتحرير")
        + _t(seed_text, "T2", "Attribution", "أعلنت")
        + _t(seed_text, "T3", "CONTENT", "استهداف قوات النظام")
        + "E1\tattribution:T2 Source:T1 Content:T3\n"
    )
    read = _read_one(_brat_files(tmp_path, seed_text, ann)).annotations[0]
    assert read.span("T2").label == "CUE"
    assert read.attributions == [Attribution("A1", source="T1", cue="T2", content="T3")]


def test_brat_reads_utf8_bom_on_both_files(tmp_path, seed_text):
    ann = _t(seed_text, "T1", "GPE", "حلب")
    (tmp_path / "doc.txt").write_bytes(codecs.BOM_UTF8 + seed_text.encode("utf-8"))
    (tmp_path / "doc.ann").write_bytes(codecs.BOM_UTF8 + ann.encode("utf-8"))
    record = _read_one(tmp_path / "doc.ann")
    assert record.document.text == seed_text
    assert record.annotations[0].spans == [Span("T1", *at(seed_text, "حلب"), "GPE")]


def test_brat_reads_offsets_counted_the_way_brat_counts(tmp_path):
    # brat's server keeps a BOM as a character and reads CR LF as one (nlplab/brat#853).
    text = "العنوان\r\n\r\nأعلنت الجبهة الوطنية للتحرير"
    counted = "\ufeff" + text.replace("\r\n", "\n")
    start, end = at(counted, "الجبهة الوطنية")
    (tmp_path / "doc.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "doc.ann").write_text(
        f"T1\tORG {start} {end}\tالجبهة الوطنية\n", encoding="utf-8"
    )
    record = _read_one(tmp_path / "doc.ann")
    assert record.document.text == text
    assert record.annotations[0].spans == [
        Span("T1", *at(text, "الجبهة الوطنية"), "ORG")
    ]


def test_brat_allow_discontinuous_keeps_the_outer_range(tmp_path, seed_text):
    first = at(seed_text, "الجبهة")
    second = at(seed_text, "للتحرير")
    ann = f"T1\tORG {first[0]} {first[1]};{second[0]} {second[1]}\tالجبهة للتحرير\n"
    path = _brat_files(tmp_path, seed_text, ann)
    span = _read_one(path, allow_discontinuous=True).annotations[0].spans[0]
    assert (span.start, span.end) == (first[0], second[1])


BAD_INPUTS = (
    "spaces instead of tabs",
    "unknown line kind",
    "event without trigger",
    "text mismatch",
    "offsets outside the text",
    "discontinuous span",
    "unknown reference",
    "attribute on unknown id",
    "unsupported relation type",
    "id defined twice",
    "equivalence line",
)


def _bad_input(text: str, kind: str) -> tuple[str, int, str]:
    """(ann file, line at fault, message) for one kind of bad input."""
    org = _t(text, "T1", "ORG", "الجبهة الوطنية للتحرير")
    trigger = _t(text, "T2", "Conflict.Attack", "استهداف")
    start, end = at(text, "حلب")
    (s1, e1), (s2, e2) = at(text, "الجبهة"), at(text, "للتحرير")
    cases = {
        "spaces instead of tabs": (org + "T2 GPE 5 8 حلب\n", 2, "a T line is"),
        "unknown line kind": (org + "hello world\n", 2, "cannot read this line"),
        "event without trigger": (
            org + trigger + "E1\tConflict.Attack T2\n",
            3,
            "an E line is",
        ),
        "text mismatch": (f"T1\tGPE {start} {end}\tدمشق\n", 1, "not the text at"),
        "offsets outside the text": (
            org + f"T2\tGPE {len(text)} {len(text) + 3}\tحلب\n",
            2,
            "outside the text",
        ),
        "discontinuous span": (
            f"T1\tORG {s1} {e1};{s2} {e2}\tالجبهة للتحرير\n",
            1,
            "discontinuous",
        ),
        "unknown reference": (
            org + trigger + "E1\tConflict.Attack:T2 Attacker:T9\n",
            3,
            "T9, which is not defined",
        ),
        "attribute on unknown id": (
            org + "A1\tMention T7 NAM\n",
            2,
            "T7 is not defined",
        ),
        "unsupported relation type": (
            org + trigger + "R1\tCoref Arg1:T1 Arg2:T2\n",
            3,
            "relations of type 'Coref' are not supported",
        ),
        "id defined twice": (org + org, 2, "T1 is defined twice"),
        "equivalence line": (org + "*\tEquiv T1 T1\n", 2, "equivalence lines"),
    }
    return cases[kind]


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_brat_bad_input_names_the_file_and_line(tmp_path, seed_text, kind):
    ann, line, message = _bad_input(seed_text, kind)
    path = _brat_files(tmp_path, seed_text, ann)
    with pytest.raises(InputError, match=message) as caught:
        list(read_brat(path))
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert f"{path}:{line}" in str(caught.value)


def test_brat_folder_without_txt_files_says_what_to_import(tmp_path):
    (tmp_path / "amal").mkdir()
    with pytest.raises(InputError, match="subfolder"):
        list(read_brat(tmp_path))
