"""Messages told from one process to another as data (``errors.phrase_data``): the
window runs ``annotator learn`` and shows its error in the interface language."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from annotator.errors import (
    ERROR_FILE,
    Name,
    Phrase,
    ProjectError,
    joined,
    phrase_data,
    phrase_from_data,
)


def _again(words):
    return phrase_from_data(json.loads(json.dumps(phrase_data(words))))


def test_a_message_made_again_from_its_data_renders_the_same_in_any_words():
    error = ProjectError("{type} events without a {role} ({count:,}x) in {where!r}",
                         params={"type": Name("Conflict.Attack", "label"), "role": Name("Attacker", "role"),
                                 "count": 12345, "where": joined(["a", Phrase("{n} b", {"n": 2})])},
                         file="p.sqlite", line=7)
    again = _again(error)
    assert again == str(error) == "p.sqlite:7: Conflict.Attack events without a Attacker (12,345x) in 'a, 2 b'"
    seen: list[tuple[str, str]] = []

    def show(text: str) -> str:  # what a window does with the names it is given
        if isinstance(text, Name):
            seen.append((text.kind, str(text)))
        return text.upper()

    def translate(template: str) -> str:
        return f"[{template}]"

    assert again.render(translate, show) == error.render(translate, show)
    assert seen == 2 * [("label", "Conflict.Attack"), ("role", "Attacker")]


def test_a_failed_command_leaves_its_error_as_data_where_the_window_asks(tmp_path):
    told = tmp_path / "error.json"
    missing = tmp_path / "no-such.sqlite"
    done = subprocess.run([sys.executable, "-m", "annotator", "learn", str(missing)], capture_output=True,
                          text=True, env={**os.environ, ERROR_FILE: str(told)})
    assert done.returncode == 1
    said = phrase_from_data(json.loads(told.read_text(encoding="utf-8")))
    assert isinstance(said, Phrase) and done.stderr.strip() == f"annotator learn: error: {said}"
