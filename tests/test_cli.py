from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from annotator.cli import run
from annotator.storage import ProjectStore
from tests.conftest import SEED


def test_cli_init_import_stats(tmp_path, capsys):
    project = tmp_path / "p.sqlite"
    assert run(["init", str(project)]) == 0
    assert run(["import", str(project), str(SEED)]) == 0
    capsys.readouterr()
    assert run(["stats", str(project), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    from camel_tools.tokenizers.word import simple_word_tokenize

    expected = len(simple_word_tokenize(SEED.read_text(encoding="utf-8")))
    assert figures["documents"] == 1 and figures["tokens"] == expected


def test_cli_init_with_anercorp_schema(tmp_path):
    project = tmp_path / "p.sqlite"
    assert run(["init", str(project), "--schema", "anercorp"]) == 0
    store = ProjectStore.open(project)
    assert store.schema.name == "anercorp"
    store.close()


def test_cli_bad_data_exits_1_with_file_and_line(tmp_path, capsys):
    project = tmp_path / "p.sqlite"
    run(["init", str(project)])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{"text": "x", "spans": [{"start": 0, "end": 9, "label": "ORG"}]}\n', encoding="utf-8")
    capsys.readouterr()
    assert run(["import", str(project), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2" in err and "outside the text" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    store = ProjectStore.open(project)
    assert store.count_documents() == 0
    store.close()


def test_cli_import_of_several_paths_is_all_or_nothing(tmp_path, capsys):
    project = tmp_path / "p.sqlite"
    run(["init", str(project)])
    good = tmp_path / "good.txt"
    good.write_text("عنوان\nنص جيد", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert run(["import", str(project), str(good), str(empty)]) == 1
    assert "empty file" in capsys.readouterr().err
    store = ProjectStore.open(project)
    assert store.count_documents() == 0
    store.close()


def test_cli_missing_project_is_a_clear_error(tmp_path, capsys):
    assert run(["stats", str(tmp_path / "nope.sqlite")]) == 1
    assert "no such project file" in capsys.readouterr().err


def test_cli_bad_usage_exits_2(tmp_path):
    with pytest.raises(SystemExit) as caught:
        run(["export", str(tmp_path / "p.sqlite")])  # no -o, no --format
    assert caught.value.code == 2


def test_cli_unknown_encoding_is_refused(tmp_path, capsys):
    project = tmp_path / "p.sqlite"
    run(["init", str(project)])
    assert run(["import", str(project), str(SEED), "--encoding", "klingon"]) == 1
    assert "unknown encoding" in capsys.readouterr().err


def test_cli_python_dash_m_entry_point_runs(tmp_path):
    project = tmp_path / "p.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "init", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert project.exists()


def test_cli_backup_list_and_restore(tmp_path, capsys):
    project = tmp_path / "p.sqlite"
    run(["init", str(project)])
    run(["import", str(project), str(SEED)])
    assert run(["backup", str(project)]) == 0
    store = ProjectStore.open(project, backup=False)
    with store.atomic():
        store.db.execute("DELETE FROM statuses")
    store.add_document(__import__("annotator.core.model", fromlist=["Document"]).Document("x", "نص آخر"))
    store.close()
    capsys.readouterr()
    assert run(["backups", str(project)]) == 0
    listing = capsys.readouterr().out
    assert "manual" in listing and "before-import" in listing
    assert run(["restore", str(project)]) == 0
    store = ProjectStore.open(project, backup=False)
    assert store.document_ids() == ["aleppo-2020-02-02"]
    store.close()


def test_cli_output_cut_by_its_reader_ends_quietly(tmp_path, project_path):
    """``annotator stats P | head -1``: the reader closes the pipe before all is written."""
    reader, writer = os.pipe()
    os.close(reader)  # a reader that has had enough before the first line
    try:
        result = subprocess.run([sys.executable, "-m", "annotator", "stats", str(project_path)],
                                stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(writer)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode == 141


def test_cli_mistyped_command_is_a_usage_error_naming_the_closest(tmp_path, project_path):
    result = subprocess.run([sys.executable, "-m", "annotator", "exprot", str(project_path)],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "'export'" in result.stderr
    assert not (tmp_path / "exprot").exists()
