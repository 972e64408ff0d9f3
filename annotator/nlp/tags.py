"""Token tags (IOB1, IOB2, BIOES, BILOU) to spans and back, and character spans onto tokens.

Pure functions over plain tuples, shared by the CoNLL reader and writer:

* ``tags_to_spans`` / ``spans_to_tags`` convert between a tag sequence and
  ``(start, end, label)`` spans over token indices (end exclusive);
* ``align`` places character-offset spans on tokens (split, expand or contract);
* ``outermost`` drops the spans a BIO column cannot hold (overlaps within a layer).

A tag is ``O`` or ``P-LABEL`` where ``P`` is one of ``B I E S``; only the part before
the first ``-`` is the scheme part, so ``B-MIS-1`` is label ``MIS-1``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from ..errors import InputError, Phrase

TokenSpan = tuple[int, int, str]
CharSpan = tuple[int, int, str]
Offsets = tuple[int, int]

# ``bilou`` is spaCy's name and letters for BIOES (L = E, U = S): ``spacy convert`` and
# ``spacy.training.iob_utils`` read B/I/L/U/O, and take E- and S- for labels of their own.
SCHEMES = ("iob2", "bioes", "bilou")
ALIGN_MODES = ("split", "expand", "contract")
_PREFIXES = frozenset("BIESLU")
_BILOU_AS_BIOES = {"L": "E", "U": "S"}


def align_word(mode: str) -> str:
    """An alignment mode as a word of a message ("split alignment"): the option's own
    name in English, which the interface says in its language."""
    words = {"split": Phrase("split"), "expand": Phrase("expand"), "contract": Phrase("contract")}
    return words.get(mode, mode)


@lru_cache(maxsize=4096)
def parse_tag(tag: str) -> tuple[str, str] | None:
    """``(prefix, label)`` of a tag, ``("O", "")`` for ``O``; ``None`` if malformed."""
    if tag == "O":
        return "O", ""
    prefix, dash, label = tag.partition("-")
    if dash and prefix in _PREFIXES and label:
        return _BILOU_AS_BIOES.get(prefix, prefix), label
    return None


class _Decoder:
    """Walks one tag sequence, opening and closing spans (see ``tags_to_spans``)."""

    def __init__(self, strict: bool, file: str | None, lines: Sequence[int] | None):
        self.strict, self.file, self.lines = strict, file, lines
        self.spans: list[TokenSpan] = []
        self.open: tuple[int, str] | None = None  # (start, label) of the open span

    def close(self, end: int) -> None:
        if self.open is not None:
            self.spans.append((self.open[0], end, self.open[1]))
            self.open = None

    def step(self, index: int, tag: str, previous: str) -> None:
        parsed = parse_tag(tag)
        if parsed is None:
            raise self.error(
                index, Phrase("tag {tag!r} is not O, B-, I-, E-, S-, L- or U- and a label", {"tag": tag})
            )
        prefix, label = parsed
        continues = self.open is not None and self.open[1] == label
        if prefix in "IE" and not continues and self.strict:
            values = {"tag": tag, "previous": previous}
            raise self.error(index, Phrase(
                "{tag} follows {previous}: an entity must start with B- (or S-); without --strict this reads as IOB1",
                values) if previous else Phrase(
                "{tag} follows the sentence start: an entity must start with B- (or S-); without --strict "
                "this reads as IOB1", values))
        if prefix == "O" or prefix in "BS" or not continues:
            self.close(index)
            if prefix != "O":
                self.open = (index, label)
        if prefix in "ES":
            self.close(index + 1)

    def error(self, index: int, message: Phrase) -> InputError:
        line = self.lines[index] if self.lines is not None else None
        return InputError(message, file=self.file, line=line)


def tags_to_spans(
    tags: Sequence[str],
    *,
    strict: bool = False,
    file: str | None = None,
    first_line: int | None = None,
    lines: Sequence[int] | None = None,
) -> list[TokenSpan]:
    """Spans ``(start, end, label)`` over token indices, end exclusive, in order.

    IOB1, IOB2 and BIOES are read alike: ``B-X`` and ``S-X`` start a span, ``I-X`` and
    ``E-X`` continue an open ``X`` span (``E``/``S`` close it), ``O`` closes. An ``I-X``
    or ``E-X`` with no open ``X`` span starts one (IOB1), unless ``strict``. Errors are
    ``InputError`` naming ``file`` and the tag's line: ``lines[i]`` if given, else
    ``first_line + i``.
    """
    if lines is None and first_line is not None:
        lines = range(first_line, first_line + len(tags))
    decoder = _Decoder(strict, file, lines)
    previous = ""
    for index, tag in enumerate(tags):
        decoder.step(index, tag, previous)
        previous = tag
    decoder.close(len(tags))
    return decoder.spans


def spans_to_tags(
    n_tokens: int, spans: Sequence[TokenSpan], scheme: str = "iob2"
) -> list[str]:
    """Tags for ``n_tokens`` tokens; the caller guarantees the spans do not overlap."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; use one of {SCHEMES}")
    tags = ["O"] * n_tokens
    for start, end, label in spans:
        if not 0 <= start < end <= n_tokens:
            raise ValueError(f"span {(start, end, label)} is outside {n_tokens} tokens")
        tags[start:end] = _span_tags(end - start, label, scheme)
    return tags


def _span_tags(length: int, label: str, scheme: str) -> list[str]:
    if scheme in ("bioes", "bilou"):
        single, last = ("S-", "E-") if scheme == "bioes" else ("U-", "L-")
        if length == 1:
            return [single + label]
        return ["B-" + label] + ["I-" + label] * (length - 2) + [last + label]
    return ["B-" + label] + ["I-" + label] * (length - 1)


def outermost(spans: Sequence[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """``(kept, left_out)``: the spans one BIO column can hold, and the rest.

    A span inside another is left out (the outer, longer one stays); of two crossing
    spans the one starting first stays. Works on token or character offsets alike;
    ``kept`` comes back in text order, ``left_out`` in the order it was met.
    """
    kept: list[TokenSpan] = []
    left_out: list[TokenSpan] = []
    reach = None  # end of the last kept span
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if reach is not None and span[0] < reach:
            left_out.append(span)
        else:
            kept.append(span)
            reach = span[1]
    return kept, left_out


def align(
    tokens: Sequence[Offsets], spans: Sequence[CharSpan], mode: str = "split"
) -> tuple[list[Offsets], list[TokenSpan], list[CharSpan]]:
    """Place character spans on tokens: ``(new_tokens, token_spans, dropped)``.

    ``tokens`` are sorted, non-overlapping ``(start, end)`` character offsets.

    * ``split``: a token is cut at every span boundary inside it, so «لقوات النظام» with
      ORG on «قوات النظام» gives «ل» + «قوات» + «النظام»; nothing is lost.
    * ``expand``: a span grows to the whole tokens it touches (ANERcorp convention).
    * ``contract``: a span shrinks to the tokens wholly inside it.

    ``token_spans`` keeps the input order; a span that ends up on no token (it holds
    only whitespace, or in ``contract`` mode no whole token) is in ``dropped``.
    Expanded spans may overlap each other: run ``outermost`` on the result.
    """
    if mode not in ALIGN_MODES:
        raise ValueError(f"unknown alignment mode {mode!r}; use one of {ALIGN_MODES}")
    new_tokens = cut_tokens(tokens, spans) if mode == "split" else list(tokens)
    starts = [start for start, _ in new_tokens]
    ends = [end for _, end in new_tokens]
    token_spans: list[TokenSpan] = []
    dropped: list[CharSpan] = []
    for span in spans:
        first, last = _token_range(starts, ends, span, mode == "expand")
        if first < last:
            token_spans.append((first, last, span[2]))
        else:
            dropped.append(span)
    return new_tokens, token_spans, dropped


def _token_range(
    starts: list[int], ends: list[int], span: CharSpan, expand: bool
) -> tuple[int, int]:
    start, end, _ = span
    if start >= end:
        return 0, 0
    if expand:  # tokens that overlap the span at all
        return bisect_right(ends, start), bisect_left(starts, end)
    return bisect_left(starts, start), bisect_right(ends, end)  # tokens inside it


def cut_tokens(tokens: Sequence[Offsets], spans: Sequence[CharSpan]) -> list[Offsets]:
    """``tokens`` with each one cut at every span boundary that falls inside it."""
    starts = [start for start, _ in tokens]
    cuts: dict[int, set[int]] = {}
    for span in spans:
        for boundary in span[:2]:
            index = bisect_right(starts, boundary) - 1
            if index >= 0 and tokens[index][0] < boundary < tokens[index][1]:
                cuts.setdefault(index, set()).add(boundary)
    if not cuts:
        return list(tokens)
    result: list[Offsets] = []
    previous = 0
    for index in sorted(cuts):
        result.extend(tokens[previous:index])
        points = [tokens[index][0], *sorted(cuts[index]), tokens[index][1]]
        result.extend(zip(points, points[1:]))
        previous = index + 1
    result.extend(tokens[previous:])
    return result
