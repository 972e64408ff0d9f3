"""Proclitics on Arabic words, for span boundaries and token splitting.

Arabic writes conjunctions (و ف), prepositions (ب ل ك) and the article (ال) as one word
with what follows: «لقوات» = ل + قوات, «والميليشيات» = و + ال + ميليشيات, «للتحرير» =
ل + (ا)ل + تحرير (the article loses its alef after ل). The grammar of the chain is
``[و|ف]? [ب|ل|ك]? [ال]? stem``.

Boundary conventions (a project setting, ``"exclude"`` or ``"include"``):

* ``exclude`` (this project's default): an entity span leaves out conjunction and
  preposition proclitics but keeps the article, which belongs to the name as in
  «النظام»: «لقوات النظام» -> «قوات النظام», «والميليشيات» -> «الميليشيات». After
  ل the article has only its lam left, which stays with the name: «للتحرير» -> «لتحرير».
* ``include`` (the ANERcorp convention): spans cover whole tokens, proclitics and all.

Deciding whether a word starts with a proclitic. Many names start with the same
letters (لبنان, بغداد, كركوك, فلسطين, ليبيا, والي, وزارة, وكالة, بلدة), so letters
alone never decide. When camel-tools' morphology database is installed (checked on
disk, so nothing is downloaded: ``camel_data -i morphology-db-msa-r13``) the analyser
decides, stripping only what every analysis of the word agrees is a proclitic. When
it is not, or it has no analysis of the word, these rules decide; a split needs one
piece of evidence:

1. the article: the chain ends in ال (or لل after ل) and at least three letters follow
   («والميليشيات», «بالإضافة», «للتحرير»; not «والي», «والدة»);
2. a hamza: one proclitic letter, then a rest of three letters or more that starts
   with أ إ or آ («وأفاد», «وأكد», «لأمريكا»; not «كأس», «فأر», «بأن»);
   or a tatweel written right after the proclitic letters («لـهيئة»);
3. attestation: the rest (3 letters or more, not starting with ال) occurs as a word of
   its own in the ``lexicon`` (by default the words of the text itself), at least a
   quarter as often as the whole form («لقوات» when «قوات» is in the text; «لبنان»
   stays whole unless «بنان» is common).

The longest chain with evidence wins; a word whose rest would be shorter than two
letters is never split.

Limits (documented, tested where they bite): rule 1 splits names that really start
with بال/فال/كال/وال + 3 letters («فالنسيا», «بالتيمور», «كالكوتا»); rule 3 depends on
the lexicon, so a phrase alone («لقوات النظام» with no other «قوات») keeps its
proclitic unless a corpus lexicon is given; enclitics (pronoun suffixes) and the
future/emphatic particles (س, لـ of oath) are not handled.

A proclitic written apart (with a tatweel, «لـ”هيئة”», or as a word of its own, «و
قوات») is stripped together with the quotes and spaces after it when the selection
goes on to another word.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, Protocol

from .chars import is_word_char
from .normalize import TATWEEL, NormalisationSettings, normalise

Convention = Literal["exclude", "include"]
CONVENTIONS: tuple[str, ...] = ("exclude", "include")
DEFAULT_CONVENTION: Convention = "exclude"

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
HAMZA_ALEFS = "أإآ"
MIN_REST = 3  # letters after a chain for rules 1-3
LEXICON_SETTINGS = NormalisationSettings(
    alef=False, alef_maqsura=False, teh_marbuta=False
)


@dataclass(frozen=True)
class Lexicon:
    """Word counts for rule 3; keys are words normalised with ``settings``.

    Build one with ``word_counts`` (from texts) or ``SuggestionIndex.lexicon`` (the
    corpus). The default settings only drop diacritics, tatweel and the like: folding
    alef maqsura would make «إلى» look like the rest of «والي».
    """

    counts: Mapping[str, int]
    settings: NormalisationSettings = LEXICON_SETTINGS

    def count(self, word: str) -> int:
        return self.counts.get(normalise(word, self.settings), 0)


LexiconLike = Lexicon | Mapping[str, int]


def _as_lexicon(lexicon: LexiconLike | None) -> Lexicon | None:
    if lexicon is None or isinstance(lexicon, Lexicon):
        return lexicon
    return Lexicon(lexicon)


class Analyser(Protocol):
    """camel-tools' ``Analyzer``: ``analyze(word)`` -> list of feature dicts."""

    def analyze(self, word: str) -> list[dict[str, Any]]: ...


# --- chains -------------------------------------------------------------------------
def _chains(letters: str) -> list[tuple[int, int]]:
    """Possible ``(proclitic letters, article letters)`` at the start of ``letters``.

    Longest first; the empty chain is not listed.
    """
    found = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            head = conj + prep
            if not letters.startswith(head):
                continue
            rest = letters[len(head) :]
            if prep == "ل" and rest.startswith("ل"):
                found.append((len(head), 1))  # ل + (ا)ل
            if rest.startswith("ال") and prep != "ل":
                found.append((len(head), 2))
            if head:
                found.append((len(head), 0))
    found = [c for c in found if c != (0, 0)]
    return sorted(set(found), key=lambda c: (-(c[0] + c[1]), -c[0]))


def is_proclitic_chain(letters: str) -> bool:
    """True for a conjunction/preposition chain alone: و ف ب ل ك وب ول فك ..."""
    if not 1 <= len(letters) <= 2:
        return False
    if len(letters) == 1:
        return letters in CONJUNCTIONS + PREPOSITIONS
    return letters[0] in CONJUNCTIONS and letters[1] in PREPOSITIONS


def _evidence(letters: str, chain: tuple[int, int], lexicon: Lexicon | None) -> bool:
    clitic, article = chain
    stem = letters[clitic + article :]
    if article:
        return len(stem) >= MIN_REST
    rest = letters[clitic:]
    if rest.startswith("ال"):
        return False  # only rule 1 decides about the article
    if clitic == 1 and len(rest) >= MIN_REST and rest[0] in HAMZA_ALEFS:
        return True
    if lexicon is None or len(rest) < MIN_REST:
        return False
    attested = lexicon.count(rest)
    return attested > 0 and attested * 4 >= lexicon.count(letters)


def rule_split(letters: str, lexicon: LexiconLike | None = None) -> tuple[int, int]:
    """``(proclitic letters, article letters)`` of a word's letters, by the rules."""
    lexicon = _as_lexicon(lexicon)
    for chain in _chains(letters):
        if len(letters) - chain[0] - chain[1] >= 2 and _evidence(
            letters, chain, lexicon
        ):
            return chain
    return 0, 0


# --- the morphological analyser (optional) ------------------------------------------
_PROCLITIC_FEATURES = {
    "prc2": {
        "wa_conj",
        "fa_conj",
        "wa_part",
        "fa_part",
        "wa_sub",
        "fa_sub",
        "fa_rrc",
        "fa_conn",
        "wa_prep",
    },
    "prc1": {"bi_prep", "li_prep", "ka_prep", "bi_part", "ka_part"},
}


def analysis_split(
    letters: str, analyses: list[dict[str, Any]]
) -> tuple[int, int] | None:
    """``(proclitic letters, article letters)`` all analyses agree on (``None``: none).

    An analysis counts one letter per conjunction (``prc2``) and preposition (``prc1``)
    and two for the article (``prc0`` ``Al_det``; one after ل). Other proclitics (the
    future س, the question أ) end the chain. The shortest chain over all analyses wins.
    """
    if not analyses:
        return None
    splits = [_one_analysis(letters, a) for a in analyses]
    return min(splits, key=lambda c: (c[0] + c[1], c[0]))


def _one_analysis(letters: str, analysis: dict[str, Any]) -> tuple[int, int]:
    clitic = 0
    for feature in ("prc2", "prc1"):
        if analysis.get(feature) in _PROCLITIC_FEATURES[feature]:
            clitic += 1
    article = 0
    if analysis.get("prc0") == "Al_det":
        assimilated = clitic > 0 and letters[clitic - 1 : clitic + 1] == "لل"
        article = 1 if assimilated else 2
    fits = all(c in CONJUNCTIONS + PREPOSITIONS for c in letters[:clitic])
    if not fits or letters[clitic : clitic + article] not in ("ال", "ل", ""):
        return 0, 0  # the features do not fit the spelling: trust neither
    return clitic, article


def camel_data_dir() -> Path:
    """camel-tools' data folder, found as camel-tools does, without importing it."""
    configured = os.environ.get("CAMELTOOLS_DATA")
    if configured is not None:
        return Path(configured).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData/Roaming/camel_tools"
    return Path.home() / ".camel_tools"


def catalogue_ready() -> bool:
    """True when importing ``camel_tools.data`` will not download its catalogue."""
    return (
        "camel_tools.data" in sys.modules
        or (camel_data_dir() / "catalogue.json").is_file()
    )


def morphology_db_path() -> Path:
    return (
        camel_data_dir() / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db"
    )


def morphology_available() -> bool:
    """The MSA database and the catalogue are on disk (checked, never downloaded)."""
    return morphology_db_path().is_file() and catalogue_ready()


@cache
def installed_analyser() -> Analyser | None:
    """camel-tools' analyser over the installed MSA database, or ``None``.

    Loading takes seconds and the database is optional: any failure means "rules only".
    """
    if not morphology_available():
        return None
    try:  # imports camel_tools.data: safe only now that the catalogue is on disk
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        return Analyzer(MorphologyDB(str(morphology_db_path()), "a"))
    except Exception:
        return None


def _resolve(analyser: Analyser | None | str) -> Analyser | None:
    return installed_analyser() if analyser == "auto" else analyser  # type: ignore[return-value]


# --- words --------------------------------------------------------------------------
def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def letters_of(word: str) -> tuple[str, list[int]]:
    """The letters of ``word`` (no marks, no tatweel) and each one's offset in it."""
    letters, offsets = [], []
    for index, char in enumerate(word):
        if char != TATWEEL and is_word_char(char) and not _is_mark(char):
            letters.append(char)
            offsets.append(index)
    return "".join(letters), offsets


def split_word(
    word: str,
    lexicon: LexiconLike | None = None,
    analyser: Analyser | None | str = "auto",
) -> tuple[int, int]:
    """``(proclitic letters, article letters)`` at the start of one word."""
    letters, offsets = letters_of(word)
    if len(letters) < 3:
        return 0, 0
    detached = _detached_chain(word, letters, offsets)
    if detached:
        return detached, 0
    found = _resolve(analyser)
    if found is not None:
        decided = analysis_split(letters, found.analyze(letters))
        if decided is not None:
            return decided
    return rule_split(letters, lexicon)


def _detached_chain(word: str, letters: str, offsets: list[int]) -> int:
    """Letters of a proclitic chain followed by a tatweel inside the word («لـهيئة»)."""
    for length in (2, 1):
        if (
            len(letters) - length >= 2
            and is_proclitic_chain(letters[:length])
            and TATWEEL in word[offsets[length - 1] + 1 : offsets[length]]
        ):
            return length
    return 0


def proclitic_split(
    token: str,
    *,
    article: bool = False,
    lexicon: LexiconLike | None = None,
    analyser: Analyser | None | str = "auto",
) -> list[int]:
    """Lengths (code points) of the pieces of ``token``: proclitics, [article,] rest.

    The lengths sum to ``len(token)``; a token with no proclitic gives ``[len(token)]``.
    By default conjunction+preposition letters are one piece each and the article stays
    with the word (the ``exclude`` convention, like the ATB tokenisation); with
    ``article=True`` the article is a piece too («للتحرير» -> ل, ل, تحرير). Diacritics
    and tatweel stay with the letter before them.
    """
    _, offsets = letters_of(token)
    clitic, art = split_word(token, lexicon, analyser)
    cuts = list(range(1, clitic + 1))
    if article and art:
        cuts.append(clitic + art)
    bounds = [0] + [offsets[c] for c in cuts if c < len(offsets)] + [len(token)]
    return [b - a for a, b in pairwise(bounds) if b > a]


# --- lexicons -----------------------------------------------------------------------
def word_counts(texts: Iterable[str]) -> Lexicon:
    """How often each word occurs in ``texts`` (no diacritics, no tatweel): rule 3."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_words(normalise(text, LEXICON_SETTINGS)))
    return Lexicon(counts)


def _words(text: str) -> list[str]:
    words, current = [], []
    for char in text:
        if is_word_char(char):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@lru_cache(maxsize=8)
def _text_lexicon(text: str) -> Lexicon:
    return word_counts([text])


# --- selections ---------------------------------------------------------------------
def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    return start, end


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return end


def strip_proclitics(
    text: str,
    start: int,
    end: int,
    convention: str = DEFAULT_CONVENTION,
    *,
    lexicon: LexiconLike | None = None,
    analyser: Analyser | None | str = "auto",
) -> tuple[int, int]:
    """The boundary ``(start, end)`` a selection should have under ``convention``.

    Non-word edges (spaces, quotes, punctuation) are trimmed first; a selection with
    no word character comes back unchanged. With ``exclude``, when the selection starts
    at the start of a word, that word's conjunction/preposition proclitics are left out
    (the article stays); a proclitic written apart («لـ”هيئة», «و قوات») is left out
    with the marks after it. ``include`` only trims. ``lexicon`` (word -> count, see
    ``word_counts``) defaults to the words of ``text``. ``analyser``: ``"auto"`` (the
    installed camel-tools database, if any; its first use loads it, which takes
    seconds), ``None`` (rules only) or an object with ``analyze``. Never returns an
    empty span.
    """
    if convention not in CONVENTIONS:
        raise ValueError(
            f"unknown clitic convention {convention!r}; use one of {CONVENTIONS}"
        )
    trimmed = _trim(text, start, end)
    if trimmed[0] == trimmed[1]:
        return start, end
    start, end = trimmed
    if convention == "include" or (start > 0 and is_word_char(text[start - 1])):
        return start, end
    word_end = _word_end(text, start)
    letters, offsets = letters_of(text[start:word_end])
    if is_proclitic_chain(letters) and word_end < end:
        return _trim(text, word_end, end)
    if lexicon is None:
        lexicon = _text_lexicon(text)
    clitic, _ = split_word(text[start:word_end], lexicon, analyser)
    if clitic and start + offsets[clitic] < end:
        return start + offsets[clitic], end
    return start, end
