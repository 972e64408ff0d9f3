"""The command line says its reports in the same English, word for word, now that the
window shows them translated (issue 16): the consistency check's findings (text and
``--json``), the warnings of an import and of brat and CoNLL exports, and the agreement
report's notes on undefined figures; the warnings of doccano, Prodigy and spaCy exports. ``data/cli_reports.json`` holds what each command
printed before the reports became templates (recorded by running this file as a
script on that code); a second process runs each command again on the same projects.
What changes from run to run (progress lines, which depend on time, and the backup's
date in a damaged document's hint) is masked on both sides."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests import report_corpora as corpora
from tests.helpers import run_annotator

RECORDED = Path(__file__).parent / "data" / "cli_reports.json"

COMMANDS: dict[str, tuple[str, ...]] = {
    "check": ("check", "check/news.annotator"),
    "check --json": ("check", "check/news.annotator", "--json"),
    "check --annotator": ("check", "check/news.annotator", "--annotator", "amal"),
    "check include": ("check", "include/include.annotator"),
    "import": ("import", "import/p.annotator", "import/brat", "import/prodigy.jsonl"),
    "export brat": ("export", "export/export.annotator", "-o", "out/brat", "--format", "brat"),
    "export conll": ("export", "export/export.annotator", "-o", "out/a.conll", "--format", "conll",
                     "--layer", "entity,event"),
    "export conll contract": ("export", "export/export.annotator", "-o", "out/b.conll", "--format", "conll",
                              "--align", "contract"),
    "export doccano": ("export", "export/export.annotator", "-o", "out/d.jsonl", "--format", "doccano"),
    "export doccano-relations": ("export", "export/export.annotator", "-o", "out/r.jsonl",
                                 "--format", "doccano-relations"),
    "export prodigy": ("export", "export/export.annotator", "-o", "out/p.jsonl", "--format", "prodigy"),
    "export prodigy contract": ("export", "export/export.annotator", "-o", "out/pc.jsonl", "--format", "prodigy",
                                "--align", "contract"),
    "export prodigy expand": ("export", "export/export.annotator", "-o", "out/pe.jsonl", "--format", "prodigy",
                              "--align", "expand"),
    "export spacy": ("export", "export/export.annotator", "-o", "out/s.spacy", "--format", "spacy"),
    "export spacy contract": ("export", "export/export.annotator", "-o", "out/sc.spacy", "--format", "spacy",
                              "--align", "contract"),
    "export spacy expand": ("export", "export/export.annotator", "-o", "out/se.spacy", "--format", "spacy",
                            "--align", "expand"),
    "agreement": ("agreement", "agreement/agreement.annotator"),
    "agreement --json": ("agreement", "agreement/agreement.annotator", "--json"),
    "agreement touched": ("agreement", "agreement/agreement.annotator", "--include-unfinished", "--json"),
    "agreement strangers": ("agreement", "agreement/agreement.annotator", "--annotators", "amal,nobody", "--json"),
    "agreement alone": ("agreement", "agreement/agreement.annotator", "--annotators", "omar"),
}

_PROGRESS = re.compile(r"^(checked|imported|exported|compared) \d+(/\d+)? documents\.\.\.\n", re.MULTILINE)


def masked(text: str) -> str:
    text = _PROGRESS.sub("", text)
    text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "<date>", text)
    return re.sub(r"-\d{8}T\d{6}-", "-<stamp>-", text)


def make_projects(folder: Path) -> None:
    for name in ("check", "include", "import", "export", "agreement", "out"):
        (folder / name).mkdir()
    corpora.check_project(folder / "check")
    corpora.include_project(folder / "include")
    corpora.brat_folder(folder / "import")
    corpora.prodigy_file(folder / "import")
    assert run_annotator("init", "import/p.annotator", cwd=folder).returncode == 0
    corpora.export_project(folder / "export")
    corpora.agreement_project(folder / "agreement")


def printed(folder: Path, name: str) -> dict[str, object]:
    result = run_annotator(*COMMANDS[name], cwd=folder)
    return {"returncode": result.returncode, "stdout": masked(result.stdout), "stderr": masked(result.stderr)}


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    make_projects(folder)
    return folder


@pytest.mark.parametrize("name", list(COMMANDS))
def test_cli_reports_print_the_same_english_as_before(projects: Path, name: str) -> None:
    if "spacy" in name:
        pytest.importorskip("spacy")
    expected = json.loads(RECORDED.read_text(encoding="utf-8"))[name]
    assert printed(projects, name) == expected


def test_cli_reports_recorded_every_kind_of_report() -> None:
    """The recording holds what the window now translates: a finding of each kind, each
    import and export warning, the agreement's reasons (so the test above compares them)."""
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    check = recorded["check"]["stdout"]
    for kind in ("damaged", "label", "unlabelled", "boundary", "event", "attribution", "convention"):
        assert f"[{kind}] " in check, kind
    assert "leaves out proclitics" in recorded["check include"]["stdout"]
    assert "brat note (#) lines not imported" in recorded["import"]["stderr"]
    assert "Prodigy tasks not accepted" in recorded["import"]["stderr"]
    assert recorded["export brat"]["stderr"].count("warning:") == 12
    assert "overlapping spans" in recorded["export conll"]["stderr"]
    assert "covering no whole token" in recorded["export conll contract"]["stderr"]
    assert "(--format doccano-relations keeps events and attributions)" in recorded["export doccano"]["stderr"]
    assert "events without arguments" in recorded["export doccano-relations"]["stderr"]
    assert "Prodigy's span task has no place" in recorded["export prodigy"]["stderr"]
    for align in ("", " contract", " expand"):
        assert "were moved to token boundaries" in recorded[f"export prodigy{align}"]["stderr"]
        assert "dropped for covering no token" in recorded[f"export prodigy{align}"]["stderr"]
        assert "doc.ents holds the outermost" in recorded[f"export spacy{align}"]["stderr"]
        assert "a .spacy file has no place" in recorded[f"export spacy{align}"]["stderr"]
    assert "those tokens were cut there" in recorded["export spacy"]["stderr"]
    assert "dropped for covering no whole token" in recorded["export spacy contract"]["stderr"]
    assert "did not fall on spaCy's token boundaries" in recorded["export spacy expand"]["stderr"]
    assert "Notes (why a figure is null)" in recorded["agreement"]["stdout"]


if __name__ == "__main__":  # python -m tests.test_cli_reports FOLDER: record the current words
    target = Path(sys.argv[1])
    target.mkdir(parents=True)
    make_projects(target)
    RECORDED.write_text(json.dumps({name: printed(target, name) for name in COMMANDS},
                                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
