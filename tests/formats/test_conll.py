from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.model import Annotations, Document, Span
from annotator.errors import InputError
from annotator.formats.conll import read_conll, write_conll
from tests.helpers import seed_annotations

AQMAR = Path(__file__).parents[1] / "data" / "aqmar"
PROCLITIC = "وأصيب تسعة في قصف لقوات النظام في إدلب"


def _sentences(conll: str) -> list[list[tuple[str, ...]]]:
    """Sentences of ``(token, tag, ...)`` rows, ``-DOCSTART-`` lines left out."""
    sentences, current = [], []
    for line in conll.splitlines():
        cells = tuple(line.split())
        if cells and cells[0] != "-DOCSTART-":
            current.append(cells)
        elif current:
            sentences.append(current)
            current = []
    return sentences + ([current] if current else [])


def _export(pairs, **options) -> tuple[str, list[str]]:
    out, warnings = io.StringIO(), []
    options.setdefault("layer_of", lambda label: "entity")
    list(write_conll(pairs, out, warnings=warnings, **options))
    return out.getvalue(), warnings


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _line_of(path: Path, tag: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.split()[1:] == [tag])


def _proclitic_document() -> tuple[Document, Annotations]:
    start = PROCLITIC.index("قوات النظام")
    span = Span("T1", start, start + len("قوات النظام"), "ORG")
    return Document("idlib", PROCLITIC), Annotations("idlib", "amal", spans=[span])


def _one(path: Path, **options):
    (record,) = read_conll(path, **options)
    return record


# --- reading -------------------------------------------------------------------------
def test_read_conll_damascus_keeps_tokens_sentences_and_entities():
    path = AQMAR / "Damascus.conll"
    expected = _sentences(path.read_text(encoding="utf-8"))

    record = _one(path)

    document, annotations = record.document, record.annotations[0]
    assert (document.id, document.meta["source"], record.line) == (
        "Damascus",
        path.name,
        1,
    )
    words = [[document.text[a:b] for a, b in sentence] for sentence in document.tokens]
    assert words == [[row[0] for row in sentence] for sentence in expected]
    assert document.text == "\n".join(" ".join(sentence) for sentence in words)
    begins = Counter(
        row[1][2:] for s in expected for row in s if row[1].startswith("B-")
    )
    assert Counter(span.label for span in annotations.spans) == begins
    assert [span.id for span in annotations.spans][:3] == ["T1", "T2", "T3"]


def test_read_conll_span_text_is_its_tokens():
    record = _one(AQMAR / "Damascus.conll")
    first = record.annotations[0].spans[0]

    assert (first.text_in(record.document.text), first.label) == ("دمشق", "LOC")
    assert record.document.meta["title"].startswith("دمشق هي العاصمة السورية")


def test_read_conll_football_names_the_line_of_a_tag_outside_the_scheme():
    path = AQMAR / "Football.conll"

    with pytest.raises(InputError, match="'OO'") as caught:
        list(read_conll(path))

    assert caught.value.file == str(path)
    assert caught.value.line == _line_of(path, "OO")


def test_read_conll_reads_i_after_o_as_iob1_unless_strict(tmp_path):
    path = _write(tmp_path / "iob1.conll", "في O\nقوات I-ORG\nالنظام I-ORG\n")

    record = _one(path)
    with pytest.raises(InputError, match="I-ORG follows O") as caught:
        list(read_conll(path, strict=True))

    (span,) = record.annotations[0].spans
    assert (span.text_in(record.document.text), span.label) == ("قوات النظام", "ORG")
    assert (caught.value.file, caught.value.line) == (str(path), 2)


def test_read_conll_undecodable_bytes_name_file_line_and_cp1256(tmp_path):
    path = _write(tmp_path / "win.conll", "-DOCSTART- O\n\nدمشق B-LOC\n", "cp1256")

    with pytest.raises(InputError, match="cp1256") as caught:
        list(read_conll(path))
    record = _one(path, encoding="cp1256")

    assert (caught.value.file, caught.value.line) == (str(path), 3)
    assert record.document.text == "دمشق"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_read_conll_accepts_byte_order_marks(tmp_path, encoding):
    content = "-DOCSTART-\tO\n\nمدينة\tO\r\nحلب\tB-GPE\n"
    path = _write(tmp_path / "bom.conll", content, encoding)

    record = _one(path)

    assert record.document.text == "مدينة حلب"
    assert [s.label for s in record.annotations[0].spans] == ["GPE"]


@pytest.mark.parametrize("content", ["", "\n\n", "-DOCSTART- O\n\n-DOCSTART- O\n"])
def test_read_conll_refuses_a_file_without_tokens(tmp_path, content):
    path = _write(tmp_path / "empty.conll", content)

    with pytest.raises(InputError, match="empty file") as caught:
        list(read_conll(path))

    assert caught.value.file == str(path)


def test_read_conll_refuses_a_token_without_tag(tmp_path):
    path = _write(tmp_path / "bad.conll", "مدينة O\nحلب\n")

    with pytest.raises(InputError, match="'حلب' has no tag") as caught:
        list(read_conll(path))

    assert caught.value.line == 2


def test_read_conll_refuses_a_changing_number_of_columns(tmp_path):
    path = _write(tmp_path / "bad.conll", "مدينة\tO\tO\nحلب\tB-GPE\n")

    with pytest.raises(InputError, match="1 tag columns") as caught:
        list(read_conll(path))

    assert caught.value.line == 2


def test_read_conll_numbers_documents_of_a_file_holding_several(tmp_path):
    content = "-DOCSTART- O\n\nحلب B-GPE\n\n-DOCSTART- O\n\nدمشق B-GPE\n"
    path = _write(tmp_path / "news.conll", content)

    records = list(read_conll(path))

    assert [r.document.id for r in records] == ["news-1", "news-2"]
    assert [r.line for r in records] == [3, 7]
    assert [r.document.text for r in records] == ["حلب", "دمشق"]


def test_read_conll_one_document_keeps_the_stem_despite_trailing_docstart(tmp_path):
    path = _write(
        tmp_path / "news.conll", "-DOCSTART- O\n\nحلب B-GPE\n\n-DOCSTART- O\n\n"
    )

    assert [r.document.id for r in read_conll(path)] == ["news"]
    assert [r.document.id for r in read_conll(path, document_id="x")] == ["x"]


# --- writing -------------------------------------------------------------------------
def test_write_conll_damascus_round_trip_gives_same_tokens_and_tags():
    path = AQMAR / "Damascus.conll"
    record = _one(path)

    exported, warnings = _export([(record.document, record.annotations[0])])

    assert exported.startswith("-DOCSTART-\tO\n\n")
    assert _sentences(exported) == _sentences(path.read_text(encoding="utf-8"))
    assert warnings == []


def test_write_conll_splits_a_proclitic_off_an_entity():
    exported, _ = _export([_proclitic_document()])

    rows = [row for sentence in _sentences(exported) for row in sentence]
    assert rows[4:7] == [("ل", "O"), ("قوات", "B-ORG"), ("النظام", "I-ORG")]


@pytest.mark.parametrize(
    ("align", "scheme", "expected"),
    [
        ("expand", "iob2", [("لقوات", "B-ORG"), ("النظام", "I-ORG")]),
        ("expand", "bioes", [("لقوات", "B-ORG"), ("النظام", "E-ORG")]),
        ("contract", "bioes", [("لقوات", "O"), ("النظام", "S-ORG")]),
    ],
)
def test_write_conll_alignment_modes_keep_the_token(align, scheme, expected):
    exported, _ = _export([_proclitic_document()], align=align, scheme=scheme)

    rows = [row for sentence in _sentences(exported) for row in sentence]
    assert rows[4:6] == expected


def test_write_conll_reports_spans_contract_drops():
    document, annotations = _proclitic_document()
    start = PROCLITIC.index("قوات")
    annotations.spans = [Span("T1", start, start + len("قوات"), "ORG")]

    _, warnings = _export([(document, annotations)], align="contract")

    assert warnings == [
        "1 span was dropped for covering no whole token (contract alignment), "
        "in 1 document: idlib (1)"
    ]


def test_write_conll_multi_layer_export_reimports_the_same_spans(
    tmp_path, seed_text, schema
):
    document = Document("aleppo-2020-02-02", seed_text)
    annotations = seed_annotations(seed_text, document.id)
    exported, warnings = _export(
        [(document, annotations)], layers=["entity", "event"], layer_of=schema.layer_of
    )

    record = _one(_write(tmp_path / "aleppo.conll", exported))

    wanted = [
        s for s in annotations.spans if schema.layer_of(s.label) in ("entity", "event")
    ]
    nested = annotations.span(
        "T8"
    )  # ORG inside the PER «حوالي 70 عنصراً من قوات النظام»
    assert _glyphs(record.document.text, record.annotations[0].spans) == _glyphs(
        seed_text, [s for s in wanted if s is not nested]
    )
    assert exported.startswith("-DOCSTART-\tO\tO\n\n")
    rows = [row for sentence in _sentences(exported) for row in sentence]
    assert ("استهداف", "O", "B-Conflict.Attack") in rows
    cut = rows.index(("ل", "O", "O"))  # «لقوات النظام»: split at the ORG's start
    assert rows[cut + 1 : cut + 3] == [("قوات", "B-ORG", "O"), ("النظام", "I-ORG", "O")]
    assert warnings == [
        "CoNLL tags spans only, so these were not exported: 3 event arguments, "
        "1 attributions (source-cue-content links)",
        "2 spans were not exported, being in layers not asked for with --layer: "
        "attribution (2)",
        "1 span was left out because a BIO column cannot hold overlapping spans of one "
        "layer (the outer span was kept), in 1 document: aleppo-2020-02-02 (1)",
    ]
    again, _ = _export(
        [(record.document, record.annotations[0])],
        layers=["entity", "event"],
        layer_of=schema.layer_of,
    )
    assert again == exported


def _glyphs(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    """Each span's label and characters without whitespace, in text order."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    return [(s.label, "".join(s.text_in(text).split())) for s in ordered]


def test_write_conll_keeps_a_span_across_a_sentence_break_in_one_sentence():
    text = "قال المصدر. إن القوات وصلت. ثم انسحبت"
    end = text.index("وصلت") + len("وصلت")
    annotations = Annotations("d", "amal", spans=[Span("T1", 0, end, "CONTENT")])

    exported, _ = _export(
        [(Document("d", text), annotations)],
        layers=["attribution"],
        layer_of=lambda label: "attribution",
    )

    sentences = _sentences(exported)
    assert [len(s) for s in sentences] == [7, 2]
    assert [row[1] for row in sentences[0]][:2] == ["B-CONTENT", "I-CONTENT"]


def test_write_conll_reports_labels_the_schema_does_not_know():
    document, annotations = _proclitic_document()

    _, warnings = _export([(document, annotations)], layer_of=lambda label: None)

    assert warnings == [
        "1 span was not exported, as the schema does not know the label: ORG (1)"
    ]


def test_write_conll_yields_progress_and_writes_unannotated_documents_as_o():
    documents = [(Document("a", "مدينة حلب."), None), (Document("b", "دمشق"), None)]
    out, warnings = io.StringIO(), []

    progress = list(
        write_conll(documents, out, layer_of=lambda label: "entity", warnings=warnings)
    )

    assert [(p.done, p.total, p.message) for p in progress] == [
        (1, 2, "a"),
        (2, 2, "b"),
    ]
    assert out.getvalue() == (
        "-DOCSTART-\tO\n\nمدينة\tO\nحلب\tO\n.\tO\n\n-DOCSTART-\tO\n\nدمشق\tO\n\n"
    )
