"""Pre-annotation through camel-tools' NERecognizer, on tiny models the tests build."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from annotator.core.model import Document
from annotator.core.preannotate import (
    default_mapping,
    preannotate,
    save_mapping,
    stored_mapping,
)
from annotator.core.progress import Progress
from annotator.core.schema_files import load_schema
from annotator.core.suggestions import Suggestion, model_suggestions
from annotator.errors import ProjectError, ValidationError
from annotator.nlp.ner import ModelNotInstalled
from annotator.nlp.tokens import tokenize
from annotator.storage.options import MAPPING_KEY
from tests.nlp import test_ner

# The tiny models and camel-tools data folders of the NER tests, shared as fixtures.
tiny_models = test_ner.tiny_models
camel_data = test_ner.camel_data
empty_camel_data = test_ner.empty_camel_data

NEWS = {"PERS": "PER", "LOC": "GPE", "ORG": "ORG", "MISC": None}


def run(steps: Iterator[Progress]) -> tuple[list[Progress], Any]:
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            return seen, stop.value


@pytest.fixture
def seeded(store, seed_text):
    store.add_document(Document("seed", seed_text, {"title": "Aleppo"}))
    store.add_document(Document("short", "زار الوفد حلب \u200f ثم إدلب.\nوعاد أمس."))
    return store


def token_edges(text: str) -> tuple[set[int], set[int]]:
    tokens = [t for sentence in tokenize(text) for t in sentence]
    return {s for s, _ in tokens}, {e for _, e in tokens}


def test_importing_preannotate_loads_neither_torch_nor_camel_data(tmp_path):
    code = textwrap.dedent("""
        import sys
        import annotator.core.preannotate, annotator.core.suggestions
        import annotator.core.search, annotator.nlp.ner, annotator.nlp.clitics
        import annotator.nlp.normalize, annotator.nlp.translit
        heavy = ("torch", "transformers", "camel_tools.data")
        print(*(name in sys.modules for name in heavy))
    """)
    env = {
        "CAMELTOOLS_DATA": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=str(_repository()),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False"]
    assert list(tmp_path.iterdir()) == []  # nothing created in camel-tools' data folder


def _repository():
    from pathlib import Path

    return Path(__file__).resolve().parents[2]


def test_default_mapping_news_schema_sends_loc_to_gpe_and_drops_misc(schema):
    assert default_mapping(schema) == NEWS


def test_default_mapping_anercorp_schema_keeps_model_labels():
    assert default_mapping(load_schema("anercorp")) == {
        "PERS": "PERS",
        "LOC": "LOC",
        "ORG": "ORG",
        "MISC": "MISC",
    }


def test_mapping_is_stored_and_checked(seeded):
    assert stored_mapping(seeded) == NEWS

    save_mapping(seeded, {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": ""})

    assert stored_mapping(seeded) == {
        "PERS": "PER",
        "LOC": "LOC",
        "ORG": "ORG",
        "MISC": None,
    }
    with pytest.raises(ValidationError, match="'PERSON'"):
        save_mapping(seeded, {"PERS": "PERSON"})
    seeded.set_setting(MAPPING_KEY, "[1, 2]")
    with pytest.raises(ProjectError, match="not a JSON object"):
        stored_mapping(seeded)


def test_preannotate_without_model_names_the_install_command_and_changes_nothing(
    seeded, empty_camel_data
):
    with pytest.raises(ModelNotInstalled, match="camel_data -i ner-arabert"):
        run(preannotate(seeded, ["seed"], "amal", NEWS))

    assert seeded.model_suggestions("amal", "seed") == []
    assert seeded.count("spans") == 0


def test_preannotate_refuses_a_mapping_to_unknown_labels(seeded, camel_data):
    with pytest.raises(ValidationError, match="does not have"):
        run(preannotate(seeded, ["seed"], "amal", {"PERS": "NOPE"}))


def test_preannotate_random_model_stores_suggestions_on_token_edges(
    seeded, camel_data, seed_text
):
    progress, counts = run(preannotate(seeded, ["seed", "short"], "amal"))

    assert [p.done for p in progress] == [0, 1, 2] and progress[-1].total == 2
    stored = model_suggestions(seeded, "amal", "seed")
    assert counts == {
        "seed": len(stored),
        "short": len(model_suggestions(seeded, "amal", "short")),
    }
    assert stored, "a random model labels something in 500 tokens"
    starts, ends = token_edges(seed_text)
    for suggestion in stored:
        assert suggestion.source == "model" and suggestion.label in {
            "PER",
            "GPE",
            "ORG",
        }
        assert suggestion.start in starts and suggestion.end in ends
        assert (
            seed_text[suggestion.start : suggestion.end].strip()
            == seed_text[suggestion.start : suggestion.end]
        )
    assert seeded.count("spans") == 0


def test_preannotate_each_token_labelled_b_loc_becomes_one_gpe_suggestion(
    seeded, camel_data
):
    text = seeded.document("short").text

    run(preannotate(seeded, ["short"], "amal", model_path=camel_data["B-LOC"]))

    found = model_suggestions(seeded, "amal", "short")
    expected = [
        (s, e)
        for sentence in tokenize(text)
        for s, e in sentence
        if text[s:e] != "\u200f"
    ]
    assert [(s.start, s.end) for s in found] == expected
    assert {s.label for s in found} == {"GPE"}
    assert [text[s.start : s.end] for s in found][:3] == ["زار", "الوفد", "حلب"]


def test_preannotate_inside_labels_join_tokens_up_to_an_o_or_a_sentence_end(
    seeded, camel_data
):
    text = seeded.document("short").text

    run(preannotate(seeded, ["short"], "amal", NEWS, model_path=camel_data["I-PERS"]))

    found = model_suggestions(seeded, "amal", "short")
    # the invisible token has no word-piece: the model cannot see it and it reads as O
    assert [text[s.start : s.end] for s in found] == [
        "زار الوفد حلب",
        "ثم إدلب.",
        "وعاد أمس.",
    ]
    assert {s.label for s in found} == {"PER"}


def test_preannotate_dropped_labels_store_nothing_and_rerun_replaces(
    seeded, camel_data
):
    run(preannotate(seeded, ["short"], "amal", NEWS, model_path=camel_data["B-LOC"]))
    assert model_suggestions(seeded, "amal", "short")

    run(preannotate(seeded, ["short"], "amal", NEWS, model_path=camel_data["B-MISC"]))

    assert model_suggestions(seeded, "amal", "short") == []


def test_preannotate_cancelled_stores_nothing(seeded, camel_data):
    steps = preannotate(
        seeded, ["seed", "short"], "amal", NEWS, model_path=camel_data["B-LOC"]
    )
    next(steps), next(steps)

    steps.close()

    assert seeded.model_suggestions("amal", "seed") == []


def test_preannotate_uses_a_document_own_tokens(store, camel_data):
    text = "لقوات النظام"
    store.add_document(Document("conll", text, tokens=[[(0, 1), (1, 5), (6, 12)]]))

    run(preannotate(store, ["conll"], "amal", NEWS, model_path=camel_data["B-LOC"]))

    assert model_suggestions(store, "amal", "conll") == [
        Suggestion("conll", 0, 1, "GPE", "model"),
        Suggestion("conll", 1, 5, "GPE", "model"),
        Suggestion("conll", 6, 12, "GPE", "model"),
    ]


def test_preannotate_unknown_document_is_refused_before_loading(seeded, camel_data):
    with pytest.raises(Exception, match="no such document"):
        run(preannotate(seeded, ["missing"], "amal", NEWS))
    assert seeded.setting(MAPPING_KEY) is None
