"""A learned recommender: a CRF sequence labeller over Arabic token features.

Why a CRF (python-crfsuite): at a project's data size (a few thousand to a few tens of
thousands of labelled tokens) a linear-chain CRF over rich token features is the proven
choice; it trains 30,000 tokens in seconds on one CPU core, needs no download and no
torch, and its model is a small file of bytes (stored as it is: no pickle).

Pure Python plus ``pycrfsuite``; no store, no Qt. Spans are plain ``(start, end, label)``
tuples of code-point offsets; documents are anything with ``text`` and ``tokens`` (see
``tokens.document_sentences``).

Features (``token_features``): the token, its normalised form (camel-tools foldings,
``normalize.py``), the stem without conjunction/preposition proclitics and the core
without the article too (``clitics.py``'s rules, with the document's own words as their
lexicon: no analyser, deterministic and fast), the proclitic letters, prefixes and
suffixes of 1-4 letters, letter trigrams, the article, how the document uses the article
with this core (always, never or both: Arabic's stand-in for capital letters), digits
(Latin and Eastern Arabic), the script, the same for the neighbours (±2), and the
gazetteer: whether the tokens from here are a name labelled somewhere in the training
data (the string matcher's knowledge as a feature). What needs the whole document is in
``Context``. Tags are BIO over the entity labels.

Hazard: a gazetteer built from the training labels fires on every training entity, so a
CRF trained with it would trust it blindly and miss every unseen name. Training therefore
computes each document's gazetteer feature from the *other* folds' names (``FOLDS``).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .clitics import Lexicon, split_word
from .normalize import normalise
from .tokens import document_sentences

# Bump when features or the stored form change: older models are then refused.
FORMAT = 2  # 2: document features (Context)
OUTSIDE = "O"
FOLDS = 4
EASTERN_DIGITS = set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
MAX_NAME_TOKENS = 6

SpanTuple = tuple[int, int, str]
Keyer = Callable[[str], str]
Suggestion = tuple[int, int, str, float]


@dataclass(frozen=True)
class Settings:
    """Training and decoding settings (see ``benchmarks/recommender.py`` for how they
    were chosen and ``--inner`` for the threshold's inner cross-validation check)."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 60
    min_frequency: int = 2  # features seen once are dropped: a smaller, faster model
    # Least confidence (marginal) of a suggested span: high, because annotators forgive
    # missing suggestions, not wrong ones. 0.8 since the first version; on AQMAR a nested
    # leave-one-out now picks 0.75 to 0.95 per article, median 0.85
    # (benchmarks/recommender.py --inner, which also scores those choices).
    threshold: float = 0.8

    def to_json(self) -> dict[str, float]:
        return {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                "min_frequency": self.min_frequency, "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        known = cls().to_json()
        return cls(**{k: type(known[k])(v) for k, v in data.items() if k in known})


# --- sentences ---------------------------------------------------------------------
@dataclass
class Sentence:
    """Token strings of one sentence, their offsets, and (for training) BIO tags."""

    words: list[str]
    offsets: list[tuple[int, int]]
    tags: list[str] | None = None


def document_sentences_of(document: Any) -> list[Sentence]:
    """The document's sentences, untagged."""
    text = document.text
    return [
        Sentence([text[s:e] for s, e in offsets], list(offsets))
        for offsets in document_sentences(document)
    ]


def tag_sentences(
    sentences: list[Sentence],
    spans: Iterable[SpanTuple],
    labels: Iterable[str],
    negatives: Iterable[SpanTuple] = (),
) -> list[Sentence]:
    """Tag ``sentences`` with BIO tags of ``spans`` (only those of ``labels``).

    A token belongs to a span when it overlaps it (a span that cuts a token still
    marks it: proclitics make spans start inside tokens). Where spans overlap, the
    longer wins. ``negatives`` (rejected suggestions) turn the tokens they cover back
    to O for their label: negative evidence.
    """
    wanted = set(labels)
    chosen = sorted((s for s in spans if s[2] in wanted), key=lambda s: s[0] - s[1])
    blocked = [(s, e, label) for s, e, label in negatives]
    tagged = []
    for sentence in sentences:
        tags = [OUTSIDE] * len(sentence.words)
        owner: list[SpanTuple | None] = [None] * len(tags)
        for span in chosen:
            _mark(sentence.offsets, tags, owner, span)
        for start, end, label in blocked:
            for i, (s, e) in enumerate(sentence.offsets):
                if s < end and start < e and tags[i][2:] == label:
                    tags[i], owner[i] = OUTSIDE, None
        tagged.append(Sentence(sentence.words, sentence.offsets, _repair(tags)))
    return tagged


def _mark(offsets: list[tuple[int, int]], tags: list[str], owner: list[object],
          span: tuple[int, int, str]) -> None:
    start, end, label = span
    covered = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    if not covered or any(owner[i] is not None for i in covered):
        return
    for n, i in enumerate(covered):
        tags[i] = ("B-" if n == 0 else "I-") + label
        owner[i] = span


def _repair(tags: list[str]) -> list[str]:
    """IOB2: an I- after O or another label becomes B-."""
    fixed, previous = [], OUTSIDE
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first token, last token + 1, label)`` of each IOB2 entity in ``tags``."""
    found, start, label = [], None, None
    for i, tag in enumerate([*tags, OUTSIDE]):
        continues = tag.startswith("I-") and tag[2:] == label
        if start is not None and not continues:
            found.append((start, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return found


# --- the gazetteer -----------------------------------------------------------------
@dataclass
class Gazetteer:
    """Names labelled in the training data: normalised token sequences -> label."""

    names: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sentence], key: Keyer | None = None) -> Gazetteer:
        """The names tagged in ``sentences``, each word compared as ``key`` gives it
        (default ``_key``; a document's ``Context.key`` knows its proclitics better)."""
        return cls._voted((s, key or _key) for s in sentences)

    @classmethod
    def from_documents(cls, documents: Sequence[list[Sentence]],
                       contexts: Sequence[Context]) -> Gazetteer:
        """The names tagged in ``documents``, compared as each one's context says."""
        return cls._voted((s, c.key) for doc, c in zip(documents, contexts, strict=True) for s in doc)

    @classmethod
    def _voted(cls, sentences: Iterable[tuple[Sentence, Keyer]]) -> Gazetteer:
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for sentence, key in sentences:
            keys = [key(w) for w in sentence.words]
            for first, end, label in chunks(sentence.tags or []):
                if end - first <= MAX_NAME_TOKENS:
                    votes[tuple(keys[first:end])][label] += 1
        return cls({name: c.most_common(1)[0][0] for name, c in votes.items()})

    def tags(self, words: Sequence[str], key: Keyer | None = None) -> list[str | None]:
        """Greedy longest match over ``words``: B-/I- of the name's label or None."""
        keys = [(key or _key)(w) for w in words]
        found: list[str | None] = [None] * len(keys)
        i = 0
        while i < len(keys):
            for size in range(min(MAX_NAME_TOKENS, len(keys) - i), 0, -1):
                label = self.names.get(tuple(keys[i : i + size]))
                if label is not None:
                    found[i : i + size] = ["B-" + label] + ["I-" + label] * (size - 1)
                    i += size
                    break
            else:
                i += 1
        return found

    def to_json(self) -> list[list[Any]]:
        return [[list(name), label] for name, label in sorted(self.names.items())]

    @classmethod
    def from_json(cls, data: list[list[Any]]) -> Gazetteer:
        return cls({tuple(name): str(label) for name, label in data})


def _key(word: str) -> str:
    """A word as the gazetteer compares it: normalised, without its proclitics."""
    return _shape(word)[2]


# --- features ----------------------------------------------------------------------
Shape = tuple[str, str, str, str, int]
# How a word's core takes the article across its document (``Context.article_use``).
ALWAYS, NEVER, BOTH = "always", "never", "both"


@lru_cache(maxsize=200_000)
def _shape(word: str) -> Shape:
    """``(normalised, stem, core, proclitics, article letters)`` of a word, by the rules
    alone (no lexicon): the same answer in every document, and fast.

    The stem keeps the article («والجيش» -> «الجيش»); the core drops it («جيش»).
    """
    return _split(normalise(word), None)


def _split(norm: str, lexicon: Lexicon | None) -> Shape:
    clitic, article = split_word(norm, lexicon, None) if len(norm) > 3 else (0, 0)
    stem = norm[clitic:]
    return norm, stem, stem[article:], norm[:clitic], article


@dataclass
class Context:
    """What a whole document says about its words (the same for every sentence in it).

    * ``shapes``: each word's ``_shape``, with the document's own words as the lexicon
      of the clitic rules (rule 3 of ``clitics.py``): «لجنو» is ل + «جنو» where «جنو»
      also stands alone, and names match behind such proclitics.
    * ``article_use``: whether a core takes the article at every one of its
      occurrences, at none, or at both kinds. Names mostly keep one form throughout
      (دمشق, لينكس; القاهرة, اليورانيوم) where common nouns come both ways (حرب,
      الحرب): a cue Arabic gives in place of capital letters.
    """

    shapes: dict[str, Shape]
    article_use: dict[str, str]

    @classmethod
    def of(cls, sentences: Iterable[Sequence[str]]) -> Context:
        norms = {w: normalise(w) for words in sentences for w in words}
        lexicon = Lexicon(Counter(norms.values()))
        by_norm = {norm: _split(norm, lexicon) for norm in set(norms.values())}
        with_article: dict[str, set[bool]] = defaultdict(set)
        for _, _, core, _, article in by_norm.values():
            with_article[core].add(bool(article))
        use = {core: BOTH if len(kinds) == 2 else ALWAYS if True in kinds else NEVER
               for core, kinds in with_article.items()}
        return cls({w: by_norm[norm] for w, norm in norms.items()}, use)

    def shape(self, word: str) -> Shape:
        found = self.shapes.get(word)
        return found if found is not None else _shape(word)

    def key(self, word: str) -> str:
        """``word`` as names are compared in this document (see ``Gazetteer``)."""
        return self.shape(word)[2]

    def article_use_of(self, core: str) -> str:
        return self.article_use.get(core, NEVER)


def _word_features(shape: Shape, context: Context, prefix: str) -> dict[str, Any]:
    norm, stem, core, _, article = shape
    return {f"{prefix}norm": norm, f"{prefix}stem": stem, f"{prefix}core": core,
            f"{prefix}art": bool(article), f"{prefix}artuse": context.article_use_of(core)}


def token_features(words: Sequence[str], i: int, gazetteer_tags: Sequence[str | None],
                   context: Context | None = None) -> dict[str, Any]:
    """The features of ``words[i]`` in its sentence (``context``: its document's;
    without one, the sentence alone is the document)."""
    context = context or Context.of([words])
    return _features(words, [context.shape(w) for w in words], i, gazetteer_tags, context)


def _features(words: Sequence[str], shapes: Sequence[Shape], i: int,
              gazetteer_tags: Sequence[str | None], context: Context) -> dict[str, Any]:
    word = words[i]
    norm, stem, core, clitics, article = shapes[i]
    features: dict[str, Any] = {
        "bias": 1.0,
        "word": word,
        "norm": norm,
        "stem": stem,
        "core": core,
        "clitics": clitics,
        "art": bool(article),
        "artuse": context.article_use_of(core),
        "len": min(len(core), 8),
        "digit": any(c.isdigit() for c in word),
        "eastern": any(c in EASTERN_DIGITS for c in word),
        "latin": any("a" <= c.lower() <= "z" for c in word),
        "punct": not any(c.isalnum() for c in word),
        "gaz": gazetteer_tags[i] or "none",
    }
    for n in (1, 2, 3, 4):
        features[f"p{n}"] = core[:n]
        features[f"s{n}"] = core[-n:]
    # Letter trigrams: transliterated foreign names share shapes no affix shows.
    for k in range(len(core) - 2):
        features[f"g:{core[k:k + 3]}"] = 1.0
    for offset in (-2, -1, 1, 2):
        j = i + offset
        prefix = f"{offset:+d}:"
        if 0 <= j < len(words):
            features.update(_word_features(shapes[j], context, prefix))
            features[prefix + "gaz"] = gazetteer_tags[j] or "none"
        else:
            features[prefix + "edge"] = True
    features["-1:+0"] = f"{features.get('-1:core', '^')}|{core}"
    features["+0:+1"] = f"{core}|{features.get('+1:core', '$')}"
    return features


def sentence_features(words: Sequence[str], gazetteer: Gazetteer,
                      context: Context | None = None) -> list[dict[str, Any]]:
    context = context or Context.of([words])
    shapes = [context.shape(w) for w in words]
    tags = gazetteer.tags(words, context.key)
    return [_features(words, shapes, i, tags, context) for i in range(len(words))]


# --- training ----------------------------------------------------------------------
def train(
    documents: Sequence[list[Sentence]],
    settings: Settings = Settings(),
) -> Iterator[tuple[int, int, str] | Model]:
    """Train on tagged sentences grouped by document; yields ``(done, total, message)``
    steps and, last, the ``Model``.

    Each document's gazetteer features come from the names of the documents in the
    other folds (see the module docstring); the model keeps the gazetteer of all names.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": settings.c1, "c2": settings.c2,
                        "max_iterations": settings.max_iterations,
                        "feature.minfreq": settings.min_frequency,
                        "feature.possible_transitions": True})
    contexts = [Context.of([s.words for s in doc]) for doc in documents]
    folds = _fold_gazetteers(documents, contexts)
    total = len(documents) + 1
    for n, (sentences, gazetteer, context) in enumerate(
            zip(documents, folds, contexts, strict=True)):
        for sentence in sentences:
            if sentence.words:
                trainer.append(sentence_features(sentence.words, gazetteer, context), sentence.tags)
        yield (n + 1, total, "features")
    labels = sorted({t[2:] for doc in documents for s in doc for t in s.tags or [] if t != OUTSIDE})
    data = _train_to_bytes(trainer)
    yield (total, total, "trained")
    everything = Gazetteer.from_documents(documents, contexts)
    yield Model(data, everything, labels, settings)


def _fold_gazetteers(documents: Sequence[list[Sentence]],
                     contexts: list[Context]) -> list[Gazetteer]:
    folds = min(FOLDS, len(documents))
    if folds < 2:  # one document: no other names to learn the feature's worth from
        return [Gazetteer() for _ in documents]
    others = [[k for k in range(len(documents)) if k % folds != n] for n in range(folds)]
    per_fold = [Gazetteer.from_documents([documents[k] for k in ks], [contexts[k] for k in ks])
                for ks in others]
    return [per_fold[n % folds] for n in range(len(documents))]


def _train_to_bytes(trainer: Any) -> bytes:
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as file:
            return file.read()
    finally:
        os.unlink(path)


def _tags_of(length: int, entities: Iterable[tuple[int, int, str, float]]) -> list[str]:
    tags = [OUTSIDE] * length
    for first, end, label, _ in entities:
        tags[first:end] = ["B-" + label] + ["I-" + label] * (end - first - 1)
    return tags


def _best_confidence(sentences: Sequence[Sequence[str]],
                     tagged: list[list[tuple[int, int, str, float]]],
                     key: Keyer) -> dict[tuple[str, ...], float]:
    best: dict[tuple[str, ...], float] = defaultdict(float)
    for words, entities in zip(sentences, tagged, strict=True):
        for first, end, _, confidence in entities:
            name = tuple(key(w) for w in words[first:end])
            best[name] = max(best[name], confidence)
    return best


# --- the model ---------------------------------------------------------------------
@dataclass
class Model:
    """A trained model: crfsuite's model file bytes, the gazetteer, the labels."""

    data: bytes
    gazetteer: Gazetteer
    labels: list[str]
    settings: Settings = Settings()
    trained_on: dict[str, Any] = field(default_factory=dict)  # set by core/learning.py
    _tagger: Any = field(default=None, init=False, repr=False, compare=False)

    def tagger(self) -> Any:
        if self._tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            if not self.data:
                raise ValueError("an empty model")
            tagger.open_inmemory(self.data)
            self._tagger = tagger
        return self._tagger

    def tag(self, words: Sequence[str], threshold: float | None = None,
            context: Context | None = None) -> list[tuple[int, int, str, float]]:
        """Entities in one sentence: ``(first token, end token, label, confidence)``.

        Confidence is the least marginal probability of the tags of its tokens; spans
        below ``threshold`` (default: the model's) are left out. ``context``: the
        sentence's document (``tag_document`` passes it); without one, the sentence
        alone is its document.
        """
        if not words:
            return []
        limit = self.settings.threshold if threshold is None else threshold
        tagger = self.tagger()
        tags = tagger.tag(sentence_features(words, self.gazetteer, context))
        found = []
        for first, end, label in chunks(tags):
            # Rounded before the comparison: the threshold applies to the figure shown.
            confidence = round(min(tagger.marginal(tags[i], i) for i in range(first, end)), 4)
            if confidence >= limit:
                found.append((first, end, label, confidence))
        return found

    def tag_document(self, sentences: Sequence[Sequence[str]], threshold: float | None = None
                     ) -> list[list[tuple[int, int, str, float]]]:
        """``tag`` for each sentence of one document, then the document's own names.

        A name found with enough confidence in one sentence is suggested again wherever
        the same words stand elsewhere in the document (normalised, without proclitics,
        as ``Context.key`` compares them),
        with the confidence it was found with: articles repeat their names, and the
        model is surer of some occurrences than of others.
        """
        context = Context.of(sentences)
        tagged = [self.tag(words, threshold, context) for words in sentences]
        found = Gazetteer.from_sentences(
            (Sentence(list(words), [], _tags_of(len(words), entities))
             for words, entities in zip(sentences, tagged, strict=True)), context.key
        )
        if not found.names:
            return tagged
        best = _best_confidence(sentences, tagged, context.key)
        for words, entities in zip(sentences, tagged, strict=True):
            taken = {i for first, end, *_ in entities for i in range(first, end)}
            again = found.tags(words, context.key)
            for first, end, label in chunks([t or OUTSIDE for t in again]):
                if taken.isdisjoint(range(first, end)):
                    key = tuple(context.key(w) for w in words[first:end])
                    entities.append((first, end, label, best[key]))
            entities.sort()
        return tagged

    def suggest(self, document: Any, threshold: float | None = None) -> list[Suggestion]:
        """``(start, end, label, confidence)`` in code points of ``document.text``."""
        sentences = document_sentences_of(document)
        tagged = self.tag_document([s.words for s in sentences], threshold)
        found = []
        for sentence, entities in zip(sentences, tagged, strict=True):
            for first, end, label, confidence in entities:
                start = sentence.offsets[first][0]
                found.append((start, sentence.offsets[end - 1][1], label, confidence))
        return found

    def meta(self) -> dict[str, Any]:
        """What goes beside the model bytes (JSON): labels, settings, gazetteer."""
        return {"labels": self.labels, "settings": self.settings.to_json(),
                "gazetteer": self.gazetteer.to_json()}

    @classmethod
    def from_stored(cls, data: bytes, meta: dict[str, Any]) -> Model:
        return cls(bytes(data), Gazetteer.from_json(meta.get("gazetteer", [])),
                   list(meta.get("labels", [])), Settings.from_json(meta.get("settings", {})))

