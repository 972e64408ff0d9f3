"""camel-tools' NER recogniser, with a tiny random BERT the tests build and save.

Nothing here reaches the network: ``CAMELTOOLS_DATA`` points at a temporary folder
holding a catalogue file written by the test, and models are loaded by path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from annotator.nlp import ner
from annotator.nlp.tokens import tokenize

LABELS = [
    "B-PERS",
    "I-PERS",
    "B-LOC",
    "I-LOC",
    "B-ORG",
    "I-ORG",
    "B-MISC",
    "I-MISC",
    "O",
]
SEED_WORDS = [
    "قوات",
    "النظام",
    "حلب",
    "ريف",
    "الجنوبي",
    "هيئة",
    "تحرير",
    "الشام",
    "مدينة",
    "الجبهة",
    "الوطنية",
    "للتحرير",
    "إدلب",
    "سورية",
    "الروسي",
    "##ات",
    "##ة",
    "،",
    ".",
]


def write_catalogue(data_dir: Path) -> None:
    """The smallest catalogue camel-tools loads: only the NER component."""
    data_dir.mkdir(parents=True, exist_ok=True)
    catalogue = {
        "version": "1.6.0",
        "packages": {},
        "components": {
            "NamedEntityRecognition": {
                "default": "arabert",
                "datasets": {"arabert": {"path": "ner/arabert"}},
            }
        },
    }
    (data_dir / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")


def build_tiny_ner_model(folder: Path, forced: str | None = None) -> Path:
    """A BertForTokenClassification with tiny sizes saved as camel-tools expects.

    Random weights; with ``forced`` the classifier ignores its input and always
    predicts that label (so tests can check spans exactly).
    """
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *SEED_WORDS]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=512,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    if forced is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            model.classifier.bias[LABELS.index(forced)] = 10.0
    model.save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt")).save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str | None, Path]:
    """camel data folder with the random model installed, plus forced-label models."""
    pytest.importorskip("torch")
    root = tmp_path_factory.mktemp("camel_data")
    write_catalogue(root)
    models = {None: build_tiny_ner_model(root / "data" / "ner" / "arabert")}
    for forced in ("B-LOC", "I-PERS", "B-MISC"):
        models[forced] = build_tiny_ner_model(root / "forced" / forced, forced)
    models["root"] = root
    return models


@pytest.fixture
def camel_data(tiny_models, monkeypatch) -> dict[str | None, Path]:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tiny_models["root"]))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    return tiny_models


@pytest.fixture
def empty_camel_data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    monkeypatch.delitem(sys.modules, "camel_tools.data", raising=False)
    return tmp_path


# --- status, without torch ----------------------------------------------------------
def test_model_status_not_installed_gives_the_camel_data_command(empty_camel_data):
    status = ner.model_status()

    assert not status.installed and not status.ready
    assert status.path == empty_camel_data / "data" / "ner" / "arabert"
    assert status.install_command == "camel_data -i ner-arabert"
    assert "camel_data -i ner-arabert" in status.message


def test_model_status_installed_without_catalogue_asks_for_the_catalogue(
    empty_camel_data,
):
    model = empty_camel_data / "data" / "ner" / "arabert"
    model.mkdir(parents=True)
    for name in ("config.json", "vocab.txt", "model.safetensors"):
        (model / name).write_text("{}")

    status = ner.model_status()

    assert status.installed and not status.ready
    assert status.install_command == "camel_data -u"
    write_catalogue(empty_camel_data)
    assert ner.model_status().ready


def test_model_status_of_a_chosen_folder_names_missing_files(empty_camel_data):
    status = ner.model_status(empty_camel_data / "mine")

    assert status.install_command is None
    assert "config.json" in status.message and "save_pretrained" in status.message


def test_load_recognizer_refuses_before_importing_anything(empty_camel_data):
    with pytest.raises(ner.ModelNotInstalled, match="camel_data -i ner-arabert"):
        ner.load_recognizer()


def test_labelled_spans_from_bio_labels_use_token_offsets():
    tokens = [(0, 4), (5, 11), (12, 14), (15, 18), (19, 22), (23, 27)]
    labels = ["B-ORG", "I-ORG", "O", "I-LOC", "B-PERS", "junk"]

    assert ner.labelled_spans(tokens, labels) == [
        (0, 11, "ORG"),
        (15, 18, "LOC"),
        (19, 22, "PERS"),
    ]


class FakeRecognizer:
    """Drops words with no word-piece from its output, as camel-tools' predict does."""

    class tokenizer:
        @staticmethod
        def tokenize(word: str) -> list[str]:
            return [] if word == "\u200f" else [word]

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        return [["B-LOC" for w in s if w != "\u200f"] for s in sentences]


def test_predict_labels_puts_o_back_for_words_the_model_cannot_see():
    labels = ner.predict_labels(FakeRecognizer(), [["حلب", "\u200f", "دمشق"], ["حلب"]])

    assert labels == [["B-LOC", "O", "B-LOC"], ["B-LOC"]]
    assert ner.predict_labels(FakeRecognizer(), []) == []


# --- the real camel-tools recogniser over a tiny model ------------------------------
def test_recognizer_loads_through_camel_tools_and_labels_every_seed_token(
    camel_data, seed_text
):
    recognizer = ner.load_recognizer()
    sentences = tokenize(seed_text)[:6]
    words = [[seed_text[s:e] for s, e in sentence] for sentence in sentences]

    labels = ner.predict_labels(recognizer, words)

    assert type(recognizer).__module__ == "camel_tools.ner"
    assert [len(x) for x in labels] == [len(x) for x in words]
    assert {label for sentence in labels for label in sentence} <= set(LABELS)


def test_recognizer_forced_label_with_an_invisible_token_stays_aligned(camel_data):
    text = "حلب \u200f إدلب"
    tokens = [t for s in tokenize(text) for t in s]
    recognizer = ner.load_recognizer(camel_data["B-LOC"])

    (labels,) = ner.predict_labels(recognizer, [[text[s:e] for s, e in tokens]])

    assert [text[s:e] for s, e in tokens] == ["حلب", "\u200f", "إدلب"]
    assert labels == ["B-LOC", "O", "B-LOC"]
