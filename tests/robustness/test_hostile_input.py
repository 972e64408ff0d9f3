"""Every importer, fed anything: it succeeds, or refuses with our error and changes nothing.

The rule itself lives in ``fuzzkit.try_import`` (any exception other than an
``AnnotatorError`` with a printable message fails; a refused import must leave every
table as it was; an accepted one must read back, check and export).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.schema_files import load_schema
from tests.robustness.fuzzkit import (
    FORMATS,
    Case,
    bytes_case,
    mutated_case,
    structured_case,
    try_import,
)

SCHEMA = load_schema("arabic-news")
FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(
    fmt=st.sampled_from(FORMATS),
    data=st.binary(max_size=3000),
    rng=st.randoms(use_true_random=False),
)
def test_import_arbitrary_bytes_refused_or_accepted_cleanly(fmt, data, rng):
    try_import(SCHEMA, bytes_case(rng, fmt, data))


@FUZZ
@given(fmt=st.sampled_from(FORMATS), rng=st.randoms(use_true_random=False))
def test_import_damaged_valid_files_refused_or_accepted_cleanly(fmt, rng):
    try_import(SCHEMA, mutated_case(rng, fmt))


@settings(FUZZ, max_examples=200)
@given(fmt=st.sampled_from(FORMATS), rng=st.randoms(use_true_random=False))
def test_import_hostile_fields_refused_or_accepted_cleanly(fmt, rng):
    try_import(SCHEMA, structured_case(rng, fmt))


# --- JSON of any shape, straight from hypothesis (shrinks well) ------------------------
_ODD_TEXT = st.text() | st.text(
    alphabet=st.characters(categories=["Cs", "Cc", "Mn", "Lo"])
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | _ODD_TEXT
    | st.sampled_from([2**63, -(2**63) - 1, 10**300, "PER", "T1", "E1"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(_ODD_TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)
_OFFSET = st.integers() | st.sampled_from([0, 1, 5, 2**64]) | _JSON
_SPAN = st.fixed_dictionaries(
    {},
    optional={
        "start": _OFFSET,
        "end": _OFFSET,
        "id": _JSON,
        "text": _JSON,
        "attributes": _JSON,
        "label": st.sampled_from(["PER", "ORG", "Conflict.Attack", "CUE"]) | _JSON,
    },
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "text": st.sampled_from(["نص قصير عن حلب", "x"]) | _ODD_TEXT | _JSON,
        "id": _JSON,
        "meta": _JSON,
        "annotator": _JSON,
        "status": _JSON,
        "tokens": _JSON,
        "spans": st.lists(_SPAN, max_size=4) | _JSON,
        "label": _JSON,
        "labels": _JSON,
        "entities": _JSON,
        "events": _JSON,
        "attributions": _JSON,
    },
)


@FUZZ
@given(
    records=st.lists(_RECORD, min_size=1, max_size=3),
    add_labels=st.booleans(),
    ascii_only=st.booleans(),
)
def test_import_json_of_any_shape_refused_or_accepted_cleanly(
    records, add_labels, ascii_only
):
    lines = [
        json.dumps(r, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
        for r in records
    ]
    case = Case(
        "jsonl", {"doc.jsonl": b"\n".join(lines)}, "doc.jsonl", add_labels=add_labels
    )
    try_import(SCHEMA, case)


# --- the classic troublemakers, one by one ---------------------------------------------
GOOD = '{"text": "نص سليم", "spans": [{"start": 0, "end": 2, "label": "PER"}]}'


def _jsonl(*lines: str | bytes) -> Case:
    data = b"\n".join(
        line if isinstance(line, bytes) else line.encode("utf-8") for line in lines
    )
    return Case("jsonl", {"doc.jsonl": data + b"\n"}, "doc.jsonl")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (
            '{"text": "x", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}",
            "nested too deeply",
        ),
        ('{"text": "\\ud800 بداية"}', "lone surrogate escape (\\ud800)"),
        ('{"text": "x", "meta": {"title": "\\udfff"}}', "lone surrogate"),
        ('{"text": "x", "annotator": "\\ud800"}', "lone surrogate"),
        ('{"text": "x", "id": "\\udbff"}', "lone surrogate"),
        (
            '{"text": "xy", "spans": [{"start": 0, "end": 1, "label": "PER", "created": "\\ud800"}]}',
            "lone surrogate",
        ),
        ('{"text": "xy", "meta": {"\\ud800": 1}}', "lone surrogate"),
        ('{"text": "abc", "n": ' + "1" * 5000 + "}", "too many digits"),
        ('{"text": "abc", "tokens": [[[0, Infinity]]]}', "'tokens' must be"),
        ('{"text": "abc", "tokens": [[[NaN, 1]]]}', "'tokens' must be"),
        (
            '{"text": "abc", "events": [{"id": "E1", "type": "x", "trigger": "T1", "arguments": null}]}',
            "'arguments' must be a list",
        ),
        (
            '{"text": "abc", "events": [{"id": "E1", "type": "x", "trigger": "T1", "arguments": 5}]}',
            "'arguments' must be a list",
        ),
        (
            '{"text": "abc", "spans": [{"start": 2, "end": 1, "label": "PER"}]}',
            "outside the text",
        ),
        (
            '{"text": "abc", "spans": [{"start": -1, "end": 1, "label": "PER"}]}',
            "outside the text",
        ),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 18446744073709551616, "label": "PER"}]}',
            "outside the text",
        ),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 1e400, "label": "PER"}]}',
            "whole numbers",
        ),
        ('{"text": "abc", "label": [[0, 2]]}', "[start, end, label]"),
    ],
)
def test_import_jsonl_troublemaker_refused_with_file_and_line(line, expected):
    message = try_import(SCHEMA, _jsonl(GOOD, line))
    assert message is not None and expected in message
    assert "doc.jsonl:2" in message


def test_import_jsonl_surrogate_pair_escape_is_one_character():
    assert (
        try_import(
            SCHEMA,
            _jsonl(
                '{"text": "a\\ud83d\\ude00b", "spans": '
                '[{"start": 1, "end": 2, "label": "PER", "text": "😀"}]}'
            ),
        )
        is None
    )


@pytest.mark.parametrize("text", ["x" * 1_000_000, "ب" * 1_000_000])
def test_import_jsonl_megabyte_lines_accepted(text):
    line = json.dumps({"text": text, "spans": [{"start": 0, "end": 1, "label": "PER"}]})
    assert try_import(SCHEMA, _jsonl(line)) is None


@pytest.mark.parametrize("text", ["قبل\x00بعد", "\x00"])
def test_import_jsonl_nul_in_text_refused_naming_the_line(text):
    """A NUL is no text (what UTF-16 read as UTF-8 is full of): refused, not stored."""
    line = json.dumps({"text": text, "spans": [{"start": 0, "end": 1, "label": "PER"}]})
    message = try_import(SCHEMA, _jsonl(line))
    assert message is not None and "doc.jsonl:1" in message and "U+0000" in message


def test_import_brat_offset_with_thousands_of_digits_refused():
    case = Case(
        "brat",
        {"doc.ann": b"T1\tPER 0 " + b"9" * 5000 + b"\tx\n", "doc.txt": b"abc"},
        "doc.ann",
    )
    message = try_import(SCHEMA, case)
    assert (
        message is not None and "too many digits" in message and "doc.ann:1" in message
    )


def test_import_utf16_file_with_lone_surrogate_refused():
    data = (
        b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le")
    )
    message = try_import(SCHEMA, Case("txt", {"doc.txt": data}, "doc.txt"))
    assert message is not None and "cannot decode" in message


def test_import_conll_megabyte_token_accepted_and_nul_refused():
    data = ("ح" * 500_000 + "\tB-PER\nقبل بعد\tO\n").encode("utf-8")
    assert try_import(SCHEMA, Case("conll", {"doc.conll": data}, "doc.conll")) is None
    message = try_import(SCHEMA, Case("conll", {"doc.conll": data.replace(b" ", b"\x00")}, "doc.conll"))
    assert message is not None and "doc.conll:2" in message and "NUL" in message


def test_import_failure_on_last_line_keeps_nothing_of_the_earlier_lines():
    message = try_import(
        SCHEMA, _jsonl(GOOD, GOOD.replace("سليم", "آخر"), '{"text": 5}')
    )
    assert message is not None and "doc.jsonl:3" in message
