"""camel-tools' BERT named-entity recogniser: loaded on demand, never downloaded.

The model is camel-tools' data package ``ner-arabert`` (catalogue component
``NamedEntityRecognition``, dataset ``arabert``), installed by the user with
``camel_data -i ner-arabert`` into ``<camel-tools data folder>/data/ner/arabert``
(``config.json``, ``model.safetensors``, ``vocab.txt`` ...). The data folder is
``$CAMELTOOLS_DATA`` if set, else ``~/.camel_tools`` (``%APPDATA%/camel_tools`` on
Windows), as camel-tools computes it.

Hazards (see KNOWN-ISSUES):
* ``import camel_tools.ner`` imports torch, transformers and ``camel_tools.data``,
  whose import downloads the data catalogue when ``catalogue.json`` is missing. So
  nothing here imports camel-tools at module import; ``model_status`` only looks at
  files, and ``load_recognizer`` refuses (with the command to run) unless the model
  files and the catalogue are on disk.
* ``NERecognizer.predict`` silently drops words the BERT tokenizer turns into no
  word-piece (zero-width and control characters): ``predict_labels`` puts ``O`` back in
  their place so labels stay aligned with tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AnnotatorError, Phrase, joined
from .clitics import camel_data_dir, catalogue_ready
from .tags import parse_tag, tags_to_spans

NER_PACKAGE = "ner-arabert"
NER_INSTALL = f"camel_data -i {NER_PACKAGE}"
CATALOGUE_INSTALL = "camel_data -u"
MODEL_LABELS = ("PERS", "LOC", "ORG", "MISC")
_CONFIG_FILES = ("config.json", "vocab.txt")
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
Offsets = tuple[int, int]


class ModelNotInstalled(AnnotatorError):
    """The NER model (or camel-tools' catalogue) is not on disk; the message says what
    to run."""


def default_model_path() -> Path:
    return camel_data_dir() / "data" / "ner" / "arabert"


@dataclass(frozen=True)
class ModelStatus:
    """What is on disk. ``ready``: loading will not miss files and will not download."""

    path: Path
    missing: tuple[str, ...]
    catalogue: bool
    default_model: bool

    @property
    def installed(self) -> bool:
        return not self.missing

    @property
    def ready(self) -> bool:
        return self.installed and self.catalogue

    @property
    def install_command(self) -> str | None:
        if not self.installed:
            return NER_INSTALL if self.default_model else None
        return None if self.catalogue else CATALOGUE_INSTALL

    @property
    def message(self) -> Phrase:
        """What is on disk and, when the model cannot be loaded, what to run (a template,
        so the window says it in its language)."""
        if self.ready:
            return Phrase("the NER model is installed in {path}", {"path": str(self.path)})
        if not self.installed and self.default_model:
            return Phrase("camel-tools' NER model is not installed (looked in {path}); install it with: {command}",
                          {"path": str(self.path), "command": NER_INSTALL})
        if not self.installed:
            return Phrase("no NER model in {path} (missing {missing}); choose a folder saved with save_pretrained",
                          {"path": str(self.path), "missing": joined(list(self.missing))})
        return Phrase("camel-tools' data catalogue is missing ({catalogue}) and loading the model would download "
                      "it; run: {command}",
                      {"catalogue": str(camel_data_dir() / "catalogue.json"), "command": CATALOGUE_INSTALL})


def model_status(model_path: str | Path | None = None) -> ModelStatus:
    """Whether the model at ``model_path`` (default: ``ner-arabert``) is usable."""
    path = Path(model_path) if model_path is not None else default_model_path()
    missing = [name for name in _CONFIG_FILES if not (path / name).is_file()]
    if not any((path / name).is_file() for name in _WEIGHT_FILES):
        missing.append(Phrase("{first} or {second}", {"first": _WEIGHT_FILES[0], "second": _WEIGHT_FILES[1]}))
    return ModelStatus(path, tuple(missing), catalogue_ready(), model_path is None)


def load_recognizer(model_path: str | Path | None = None, use_gpu: bool = False) -> Any:
    """camel-tools' ``NERecognizer`` over the model; ``ModelNotInstalled`` if not ready.

    Imports torch and transformers (seconds): call it off the GUI thread.
    """
    status = model_status(model_path)
    if not status.ready:
        raise ModelNotInstalled(status.message)
    from camel_tools.ner import NERecognizer  # torch, transformers, camel_tools.data

    return NERecognizer(str(status.path), use_gpu=use_gpu)


def predict_labels(
    recognizer: Any, sentences: Sequence[Sequence[str]]
) -> list[list[str]]:
    """One BIO label per word of each sentence (``O`` for words the model can't see)."""
    if not sentences:
        return []
    predicted = recognizer.predict([list(s) for s in sentences])
    return [
        _realign(recognizer, words, labels)
        for words, labels in zip(sentences, predicted)
    ]


def _realign(recognizer: Any, words: Sequence[str], labels: list[str]) -> list[str]:
    if len(labels) == len(words):
        return list(labels)
    remaining = iter(labels)
    tokenize = recognizer.tokenizer.tokenize
    return [next(remaining, "O") if tokenize(word) else "O" for word in words]


def labelled_spans(
    tokens: Sequence[Offsets], labels: Sequence[str]
) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, model label)`` from one sentence's BIO labels.

    Read leniently (an ``I-X`` with no open ``X`` starts one, as models do emit);
    a malformed label counts as ``O``.
    """
    clean = [label if parse_tag(label) is not None else "O" for label in labels]
    return [
        (tokens[first][0], tokens[last - 1][1], label)
        for first, last, label in tags_to_spans(clean)
    ]


