"""Options the command line cannot honour are refused, never silently ignored: --layer
given to an export that has no tag columns (usage, exit 2), and an annotator name the
project does not have (exit 1, naming the project's annotators). Run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats.registry import EXPORT_FORMATS
from tests.helpers import run_annotator, seed_jsonl_project

DOC = "aleppo-2020-02-02"
NOT_CONLL = [fmt for fmt in EXPORT_FORMATS if fmt != "conll"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The seed article annotated by amal, the project's one annotator."""
    return seed_jsonl_project(tmp_path_factory.mktemp("refusals"), DOC)


def _output(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / (f"out-{fmt}" if fmt == "brat" else f"out.{fmt}")


def test_layer_given_to_an_export_without_tag_columns_is_a_usage_error(project, tmp_path):
    """Even ``--layer entity``, the value CoNLL takes when none is given (another layer
    was refused already)."""
    layer = "entity"
    for fmt in NOT_CONLL:
        out = _output(tmp_path, fmt)
        done = run_annotator("export", project, "-o", out, "--format", fmt, "--layer", layer)
        assert done.returncode == 2, (fmt, done.stderr)
        assert done.stderr == f"annotator export: error: --layer is for CoNLL only; {fmt} exports every layer\n"
        assert not out.exists()
    for given in (None, layer, "event,entity"):  # CoNLL takes it, or its default
        out = tmp_path / "out.conll"
        done = run_annotator("export", project, "-o", out, "--format", "conll", *(["--layer", given] if given else []))
        assert done.returncode == 0, done.stderr
        columns = {len(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines() if line}
        assert columns == {1 + len((given or "entity").split(","))}


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "doccano", "brat"])
def test_export_of_an_annotator_the_project_does_not_have_is_refused(project, tmp_path, fmt):
    out = _output(tmp_path, fmt)
    done = run_annotator("export", project, "-o", out, "--format", fmt, "--annotator", "Amal")
    assert done.returncode == 1, done.stderr
    assert done.stderr == (f"annotator export: error: {project}: no such annotator in the project: Amal; "
                           "its annotators are: amal\n")
    assert not out.exists()
    done = run_annotator("export", project, "-o", out, "--format", fmt, "--annotator", "amal")
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_agreement_with_an_unknown_annotator_is_refused(project):
    done = run_annotator("agreement", project, "--annotators", "amal,Badr,nobody", "--json")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (f"annotator agreement: error: {project}: no such annotator in the project: "
                           "Badr, nobody; its annotators are: amal\n")


def test_check_of_an_unknown_annotator_is_refused(project):
    done = run_annotator("check", project, "--annotator", "nobody")
    assert done.returncode == 1
    assert "no inconsistencies" not in done.stdout
    assert done.stderr == (f"annotator check: error: {project}: no such annotator in the project: nobody; "
                           "its annotators are: amal\n")


def test_learning_from_an_unknown_annotator_is_refused(project):
    done = run_annotator("learn", project, "--from", "amal,Gold")
    assert done.returncode == 1
    assert done.stderr.endswith(f"annotator learn: error: {project}: no such annotator in the project: Gold; "
                                "its annotators are: amal\n")


def test_a_project_with_no_annotator_yet_says_so(tmp_path):
    project = tmp_path / "empty.sqlite"
    assert run_annotator("init", project).returncode == 0
    done = run_annotator("check", project, "--annotator", "amal")
    assert done.returncode == 1
    assert done.stderr == (f"annotator check: error: {project}: no such annotator in the project: amal; "
                           "it has no annotators yet\n")
