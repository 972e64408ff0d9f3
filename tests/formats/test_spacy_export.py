"""``--format spacy`` and CoNLL ``--scheme bilou`` checked with spaCy's own readers
(issue 12, items 4 and 5). spaCy is an optional extra: without it these skip, except
the test of the message a user without spaCy gets."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp.tags import cut_tokens, outermost
from tests.helpers import run_annotator as _cli
from tests.helpers import seed_jsonl_project

DOC = "aleppo-2020-02-02"
CORPORA = Path(__file__).resolve().parents[2] / "corpora"
ENTITY_LABELS = {"ORG", "PER", "GPE", "LOC", "FAC", "WEA", "VEH"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return seed_jsonl_project(tmp_path, DOC)


def _project_spans(project: Path, tmp_path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    out = tmp_path / "orig.jsonl"
    assert _cli("export", str(project), "-o", str(out), "--format", "jsonl").returncode == 0
    line = json.loads(out.read_text(encoding="utf-8"))
    return line["text"], sorted((s["start"], s["end"], s["label"]) for s in line["spans"])


def _docs(path: Path) -> list:
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("ar").vocab))


def test_spacy_export_holds_every_span_nested_and_the_outermost_entities(project, tmp_path):
    pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    out = tmp_path / "train.spacy"
    done = _cli("export", str(project), "-o", str(out), "--format", "spacy")
    assert done.returncode == 0, done.stderr
    [doc] = _docs(out)
    text, spans = _project_spans(project, tmp_path)
    assert doc.text == text
    assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == spans
    entities = [s for s in spans if s[2] in ENTITY_LABELS]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == outermost(entities)[0]
    assert len(outermost(entities)[1]) >= 1  # the seed nests «قوات النظام» in a PER
    assert doc.user_data["id"] == DOC and doc.user_data["annotator"] == "amal"
    # «لقوات النظام»: spaCy keeps «لقوات» whole; split alignment cut it, and says so
    assert "inside one of spaCy's tokens" in done.stderr
    assert "1 events, 1 attributions" in done.stderr


def test_spacy_export_expand_moves_spans_to_spacys_tokens_and_counts_them(project, tmp_path):
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    out = tmp_path / "train.spacy"
    done = _cli("export", str(project), "-o", str(out), "--format", "spacy", "--align", "expand")
    assert done.returncode == 0, done.stderr
    [doc] = _docs(out)
    text, spans = _project_spans(project, tmp_path)
    plain = spacy.blank("ar").make_doc(text)
    off_token = [s for s in spans if plain.char_span(s[0], s[1]) is None]
    assert off_token  # «قوات النظام» inside «لقوات النظام»
    assert f"{len(off_token)} spans did not fall on spaCy's token boundaries" in done.stderr
    for start, end, label in off_token:
        grown = plain.char_span(start, end, alignment_mode="expand")
        assert (grown.start_char, grown.end_char, label) in {
            (s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]}


def test_spacy_export_without_spacy_says_how_to_install_it(project, tmp_path):
    out = tmp_path / "train.spacy"
    hide_spacy = ("import runpy, sys; sys.modules['spacy'] = None; "
                  "sys.argv = ['annotator', *sys.argv[1:]]; "
                  "runpy.run_module('annotator', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", hide_spacy, "export", str(project), "-o",
                           str(out), "--format", "spacy"], capture_output=True, text=True)
    assert done.returncode == 1
    assert 'pip install ".[spacy]"' in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_conll_bilou_reads_in_spacy_as_the_projects_entities(project, tmp_path):
    pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    from spacy.tokens import Doc
    from spacy.training.iob_utils import biluo_tags_to_offsets
    from spacy.vocab import Vocab

    out = tmp_path / "train.conll"
    done = _cli("export", str(project), "-o", str(out), "--format", "conll", "--scheme", "bilou")
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("-DOCSTART-")]
    words, tags = [w for w, _ in rows], [t for _, t in rows]
    assert {t[0] for t in tags} <= set("BILUO")
    doc = Doc(Vocab(), words=words)
    found = [(doc.text[s:e], label) for s, e, label in biluo_tags_to_offsets(doc, tags)]
    text, spans = _project_spans(project, tmp_path)
    kept = outermost([s for s in spans if s[2] in ENTITY_LABELS])[0]
    assert found == [(text[s:e], label) for s, e, label in kept]



# --- the fast writer gives the Docs the plain one gave -----------------------------------
def _reference_doc(nlp, document, work, schema, align: str, counts):
    """A Doc as the writer made it before it was made fast, with plain spaCy calls: cut
    by rebuilding it with ``Doc(vocab, words, spaces)``, spans placed with
    ``Doc.char_span``, entities set with ``doc.ents``; what it moved or left out counted
    in ``counts`` as the writer reports it."""
    from spacy.tokens import Doc

    wanted = [(s.start, s.end, s.label) for s in work.spans]
    doc = nlp.make_doc(document.text)
    if align == "split":
        tokens = [(t.idx, t.idx + len(t.text)) for t in doc]
        pieces = cut_tokens(tokens, wanted)
        if len(pieces) != len(tokens):
            starts, ends = {s for s, _ in tokens}, {e for _, e in tokens}
            counts["split"] += sum(1 for s, e, _ in wanted if s not in starts or e not in ends)
            text = doc.text
            spaces = [end < len(text) and (i + 1 == len(pieces) or pieces[i + 1][0] > end)
                      for i, (_, end) in enumerate(pieces)]
            doc = Doc(nlp.vocab, words=[text[s:e] for s, e in pieces], spaces=spaces)
    mode = "strict" if align == "split" else align
    spans = []
    for start, end, label in wanted:
        span = doc.char_span(start, end, label=label, alignment_mode=mode)
        if span is None and mode == "strict":
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None:
            counts["dropped"] += 1
        else:
            counts["moved"] += (span.start_char, span.end_char) != (start, end)
            spans.append(span)
    doc.spans["sc"] = spans
    entities = [s for s in spans if schema.layer_of(s.label_) == "entity"]
    kept, nested = outermost([(s.start, s.end, s) for s in entities])
    doc.ents = [span for _, _, span in kept]
    counts["nested"] += len(nested)
    counts["events"] += len(work.events)
    counts["attributions"] += len(work.attributions)
    counts["attributes"] += sum(len(i.attributes)
                                for i in (*work.spans, *work.events, *work.attributions))
    doc.user_data.update({"id": document.id, "annotator": work.annotator,
                          "status": work.status.value})
    return doc


def _annotated_documents(seed_text: str) -> list:
    """The seed with its annotations, and every corpus text with spans anywhere (inside
    spaCy's tokens, across them, on whitespace), nested ones included."""
    import random

    from annotator.core.model import Annotations, Document, Status
    from tests.helpers import seed_annotations

    rng = random.Random(4)
    pairs = [(Document(DOC, seed_text), seed_annotations(seed_text, DOC))]
    for path in sorted(CORPORA.rglob("*")):
        if path.suffix in (".txt", ".jsonl", ".md"):
            text = path.read_text(encoding="utf-8")
            pairs.append((Document(path.stem, text),
                          Annotations(path.stem, "amal", Status.DONE, _random_spans(text, 80, rng))))
    return pairs


def _random_spans(text: str, count: int, rng) -> list:
    from annotator.core.model import Span

    spans = []
    for n in range(count):
        start = rng.randrange(len(text))
        spans.append(Span(f"R{n}", start, min(len(text), start + rng.randint(1, 30)),
                          rng.choice(["PER", "ORG", "GPE", "VEH", "CUE"])))
    return spans


def _loaded(data: bytes) -> list:
    """The Docs of a .spacy file as spaCy loads them, each as plain data: its text,
    every token attribute ``Doc.to_dict`` holds (text, norm, spaces, entity IOB and
    type, tags, heads...), its span groups, entities and user data."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    loaded = []
    for doc in DocBin().from_bytes(data).get_docs(spacy.blank("ar").vocab):
        state = {key: value.tolist() if hasattr(value, "tolist") else value
                 for key, value in doc.to_dict().items() if key != "strings"}
        state["spans"] = {key: [(s.start, s.end, s.start_char, s.end_char, s.label_, s.kb_id_,
                                 s.id_) for s in group] for key, group in doc.spans.items()}
        state["ents"] = [(e.start, e.end, e.label_) for e in doc.ents]
        state["norms"] = [t.norm_ for t in doc]
        state["user_data"] = dict(doc.user_data)
        loaded.append(state)
    return loaded


def _reference_file(pairs: list, align: str) -> tuple[bytes, list[str]]:
    """The .spacy bytes and warnings of the plain writer: spaCy's own ``DocBin`` (every
    attribute it stores by default) of the reference Docs."""
    import spacy
    from spacy.tokens import DocBin

    from annotator.core.schema_files import load_schema
    from annotator.formats.spacy_docbin import _messages

    schema, nlp, counts = load_schema(), spacy.blank("ar"), Counter()
    docs = DocBin(store_user_data=True)
    for document, work in pairs:
        docs.add(_reference_doc(nlp, document, work, schema, align, counts))
    return docs.to_bytes(), _messages(counts, align)


def _written(pairs: list, align: str) -> tuple[bytes, list[str]]:
    from annotator.core.schema_files import load_schema
    from annotator.formats.spacy_docbin import write_docbin

    written: list[bytes] = []
    warnings: list[str] = []
    list(write_docbin(pairs, written.append, load_schema(), align=align, warnings=warnings))
    [data] = written
    return data, warnings


@pytest.mark.parametrize("align", ["split", "expand", "contract"])
def test_spacy_docs_load_as_the_plain_writers_did(seed_text, align):
    """The fast writer (spaCy's tokens cut in place, spans placed on arrays, entities
    set from an array, only the attributes it sets stored) gives the Docs, loaded by
    spaCy, and the warnings that the plain one gave."""
    pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    import srsly

    pairs = _annotated_documents(seed_text)
    data, warnings = _written(pairs, align)
    reference, expected = _reference_file(pairs, align)
    assert _loaded(data) == _loaded(reference)
    assert warnings == expected
    if align == "split":
        assert any("inside one of spaCy's tokens" in w for w in warnings)
    # srsly is left as it was found
    assert "get_all" not in vars(srsly.msgpack_encoders)
    assert "get_all" not in vars(srsly.msgpack_decoders)


WORDS = ["أنا", "في", "حلب", "لقوات", "النظام", "ق.م", "أ.د", "إلخ", "(", ")", "«", "»", "،",
         ".", "!", "http://example.com/a", "3.5", "U.S.", "don't", "\xa0", "-", "—", "..."]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "", "\xa0", " \n "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), min_size=1,
                max_size=40), st.randoms(use_true_random=False),
       st.sampled_from(["split", "expand", "contract"]))
def test_spacy_docs_load_as_the_plain_writers_did_on_generated_text(words, rng, align):
    """Text made of spaCy's tokenizer exceptions (norms), affixes, URLs, runs of spaces
    and line breaks; spans anywhere, on whitespace and at the text's edges."""
    pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    from annotator.core.model import Annotations, Document, Status

    text = "".join(word + space for word, space in words)
    if not text.strip():
        text = "حلب"
    pairs = [(Document("g", text),
              Annotations("g", "amal", Status.DONE, _random_spans(text, rng.randint(0, 8), rng)))]
    data, warnings = _written(pairs, align)
    reference, expected = _reference_file(pairs, align)
    assert _loaded(data) == _loaded(reference)
    assert warnings == expected


def test_spacy_file_stores_only_the_token_attributes_the_export_sets(seed_text):
    """Text, spaces, norms, entities and sentence starts: the columns spaCy would fill
    with zeros (tags, lemmas, heads...) are left out, which a Doc loaded without them
    has anyway (a third of the data to pack and compress)."""
    pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    from spacy.attrs import ENT_IOB, ENT_TYPE, NORM, ORTH, SENT_START
    from spacy.tokens import DocBin

    data, _ = _written(_annotated_documents(seed_text)[:1], "split")
    assert DocBin().from_bytes(data).attrs == [ORTH, NORM, ENT_IOB, ENT_TYPE, SENT_START]


def test_spacy_docbin_is_what_spacys_own_docbin_writes(seed_text):
    """The writer's DocBin reads each token's strings from arrays: for the Docs it
    makes, its bytes are those of spaCy's own ``DocBin.add`` with the same attributes."""
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    from spacy.tokens import DocBin

    from annotator.core.schema_files import load_schema
    from annotator.formats.spacy_docbin import DOCBIN_ATTRS, _docbin_class, _DocMaker

    for align in ("split", "expand"):
        maker = _DocMaker(spacy.blank("ar"), load_schema(), align)
        plain = DocBin(attrs=DOCBIN_ATTRS, store_user_data=True)
        fast, no_groups = (_docbin_class()(attrs=DOCBIN_ATTRS, store_user_data=True)
                           for _ in range(2))
        for document, work in _annotated_documents(seed_text):
            doc, spans = maker.doc(document, work)
            plain.add(doc)
            fast.add(doc, groups=[spans])
            no_groups.add(doc)
        assert fast.to_bytes() == plain.to_bytes() == no_groups.to_bytes()


def test_spacy_exports_that_overlap_leave_srsly_as_it_was(seed_text):
    """The registries are read once while any export runs (the GUI may run two); the
    last export to end, whichever it is, puts srsly back."""
    pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install '.[spacy]'")
    import srsly

    from annotator.core.schema_files import load_schema
    from annotator.formats.spacy_docbin import write_docbin

    pairs = _annotated_documents(seed_text)[:2]
    first = write_docbin(pairs, lambda _: None, load_schema(), warnings=[])
    second = write_docbin(pairs, lambda _: None, load_schema(), warnings=[])
    next(first), next(second)
    assert "get_all" in vars(srsly.msgpack_encoders)
    list(first)  # the first to start ends first
    assert "get_all" in vars(srsly.msgpack_encoders)  # the second still runs
    assert srsly.msgpack_loads(srsly.msgpack_dumps({"a": 1})) == {"a": 1}
    list(second)
    assert "get_all" not in vars(srsly.msgpack_encoders)
    assert "get_all" not in vars(srsly.msgpack_decoders)
