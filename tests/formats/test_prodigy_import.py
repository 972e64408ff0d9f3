"""Prodigy's tasks are read without building their token objects (issue 12's import
speed): the records must be those of a whole parse, whatever the tokens' texts hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.formats.jsonl import _without_prodigy_tokens, read_jsonl

TEXT = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
SPAN = {"start": 37, "end": 40, "token_start": 5, "token_end": 5, "label": "GPE"}
TRICKY = ['}]', '"}],"tokens":[{"x":1}]', "\\", "[{", "}", "]}]", "\\u0001", "😀"]


def _task(token_texts: list[str], *, meta: dict | None = None, answer: str = "accept",
          text: str = TEXT) -> dict:
    tokens = [{"text": t, "start": 0, "end": 1, "id": i, "ws": True}
              for i, t in enumerate(token_texts)]
    task = {"text": text, "_input_hash": -1417239, "_task_hash": 98765, "tokens": tokens,
            "_view_id": "spans_manual", "spans": [SPAN], "answer": answer}
    if meta is not None:
        task = {"meta": meta, **task}
    return task


def _written(task: dict, separators: tuple[str, str]) -> str:
    return json.dumps(task, ensure_ascii=False, separators=separators)


def _records(tmp_path: Path, line: str) -> list:
    path = tmp_path / "task.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    return [(r.document.id, r.document.text, r.document.meta, r.document.tokens,
             [(s.start, s.end, s.label) for a in r.annotations for s in a.spans])
            for r in read_jsonl(path)]


WHOLE = (", ", " : ")  # '"tokens" : [' is not looked for: this line is parsed whole
FORMS = [(",", ":"), (", ", ": ")]  # as Prodigy's db-out writes, and Python's json


@pytest.mark.parametrize("separators", FORMS)
def test_prodigy_tasks_are_read_without_their_tokens_as_a_whole_parse_reads_them(
        tmp_path: Path, separators: tuple[str, str]) -> None:
    task = _task(["أعلنت", *TRICKY], meta={"source": "x", "tokens": [{"text": "}]"}]})
    line = _written(task, separators)
    assert _without_prodigy_tokens(line)[1] is None  # meta's tokens come first: whole
    del task["meta"]
    line = _written(task, separators)
    assert _without_prodigy_tokens(line)[1] is not None
    assert _records(tmp_path, line) == _records(tmp_path, _written(task, WHOLE))
    assert _records(tmp_path, line)[0][4] == [(37, 40, "GPE")]


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.one_of(st.sampled_from([*TRICKY, "\x01"]), st.text(max_size=6)),
                      max_size=12),
       separators=st.sampled_from(FORMS), has_meta=st.booleans())
def test_any_token_texts_read_as_a_whole_parse_reads_them(
        tmp_path_factory, texts: list[str], separators: tuple[str, str], has_meta: bool) -> None:
    tmp_path = tmp_path_factory.mktemp("prodigy")
    task = _task(texts, meta={"tokens": texts} if has_meta else None)
    try:
        expected = _records(tmp_path, _written(task, WHOLE))
    except InputError as error:  # a lone surrogate in a token's text: not kept, no harm
        assert "surrogate" in str(error)
        return
    assert _records(tmp_path, _written(task, separators)) == expected


def test_a_prodigy_task_read_so_is_still_checked(tmp_path: Path) -> None:
    """What the importer keeps is checked as before: a lone surrogate in the text, a
    malformed line after the tokens, a rejected task."""
    lone = _written(_task(["a"]), (",", ":")).replace(TEXT[:5], "\\ud800", 1)
    with pytest.raises(InputError, match="lone surrogate"):
        _records(tmp_path, lone)
    broken = _written(_task(["a", "}]"]), (",", ":")).replace('"answer"', '"answer" "', 1)
    with pytest.raises(InputError, match="malformed JSON"):
        _records(tmp_path, broken)
    assert _records(tmp_path, _written(_task(["a"], answer="reject"), (",", ":"))) == []


def test_a_task_with_many_brackets_in_its_tokens_is_parsed_whole(tmp_path: Path) -> None:
    task = _task(["}]"] * 20 + ["حلب"])
    line = _written(task, (",", ":"))
    assert _without_prodigy_tokens(line)[1] is None  # more ends tried than it takes
    assert _records(tmp_path, line) == _records(tmp_path, _written(task, WHOLE))
