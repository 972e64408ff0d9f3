"""Every released file format opens, upgraded to the latest, with its labels intact; an
upgrade is always preceded by a backup and never half-applied."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from annotator.errors import ProjectError
from annotator.storage import ProjectStore
from annotator.storage import migrations as registry
from annotator.storage.backup import backup_dir, list_backups
from annotator.storage.migrations import latest_version
from tests.fixtures.make_fixture import describe

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RELEASED = sorted(
    FIXTURES.glob("project-v*.sqlite"), key=lambda p: int(re.findall(r"\d+", p.stem)[0])
)


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _copy(fixture: Path, tmp_path: Path) -> Path:
    target = tmp_path / fixture.name
    shutil.copyfile(fixture, target)
    return target


def _expected(fixture: Path) -> dict:
    return json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))


def test_upgrades_every_format_has_a_fixture():
    versions = {int(re.findall(r"\d+", p.stem)[0]) for p in RELEASED}
    assert versions == set(range(1, latest_version() + 1)), (
        "see tests/fixtures/README.md"
    )


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_upgrades_fixture_opens_at_latest_version_with_labels_intact(fixture, tmp_path):
    expected = _expected(fixture)
    project = _copy(fixture, tmp_path)
    assert _version(project) == expected["version"]
    store = ProjectStore.open(project)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    found = describe(store)
    store.close()
    assert found["documents"] == expected["documents"]
    assert set(expected["labels"]) <= set(found["labels"])
    if "rejections" in expected:  # written from format 2 on
        assert found["rejections"] == expected["rejections"]
    if expected["version"] < latest_version():
        assert any(b.reason.startswith("before-upgrade") for b in list_backups(project))


@pytest.fixture
def pending_step(monkeypatch):
    """Register a migration for this test only: ``pending_step(function)``."""

    def add(function) -> None:
        steps = [
            *registry.migrations._migrations,
            Migrations._Migration("m999_test", function),
        ]
        monkeypatch.setattr(registry.migrations, "_migrations", steps)
        monkeypatch.setattr(registry, "STEP_NAMES", [*registry.STEP_NAMES, "m999_test"])

    return add


def test_upgrade_backs_up_the_file_as_it_was_first(tmp_path, pending_step):
    fixture = RELEASED[-1]
    project = _copy(fixture, tmp_path)
    pending_step(lambda db: db.execute("ALTER TABLE spans ADD COLUMN note TEXT"))
    store = ProjectStore.open(project)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert "note" in {row[1] for row in store.db.execute("PRAGMA table_info(spans)")}
    assert describe(store)["documents"] == _expected(fixture)["documents"]
    store.close()
    [before] = [
        b for b in list_backups(project) if b.reason.startswith("before-upgrade")
    ]
    assert before.reason == f"before-upgrade-v{latest_version()}"
    assert _version(before.path) == latest_version() - 1
    (tmp_path / "copy").mkdir()
    saved = _copy(before.path, tmp_path / "copy")  # the backup itself is never opened
    reopened = ProjectStore.open(saved, backup=False)  # upgraded again, in the copy
    assert describe(reopened)["documents"] == _expected(fixture)["documents"]
    reopened.close()


def test_failed_upgrade_keeps_the_project_as_it_was(
    tmp_path, pending_step, monkeypatch
):
    fixture = RELEASED[-1]
    project = _copy(fixture, tmp_path)

    def broken(db) -> None:
        db.execute("ALTER TABLE spans ADD COLUMN note TEXT")
        raise RuntimeError("a bug in the migration")

    pending_step(broken)
    with pytest.raises(ProjectError, match="upgrading the project failed") as caught:
        ProjectStore.open(project)
    assert str(backup_dir(project)) in str(caught.value)
    assert _version(project) == _expected(fixture)["version"]
    monkeypatch.undo()  # the app without the broken step opens it as before
    store = ProjectStore.open(project)
    assert "note" not in {
        row[1] for row in store.db.execute("PRAGMA table_info(spans)")
    }
    assert describe(store)["documents"] == _expected(fixture)["documents"]
    store.close()


def test_upgrade_without_a_possible_backup_is_refused_untouched(tmp_path, pending_step):
    project = _copy(RELEASED[-1], tmp_path)
    backup_dir(project).write_text("not a folder")
    before = project.read_bytes()
    pending_step(lambda db: db.execute("ALTER TABLE spans ADD COLUMN note TEXT"))
    with pytest.raises(
        ProjectError, match="backup made before every upgrade could not be written"
    ):
        ProjectStore.open(project)
    assert project.read_bytes() == before


def _v1_with_rejections(tmp_path: Path, value: str) -> Path:
    project = _copy(FIXTURES / "project-v1.sqlite", tmp_path)
    conn = sqlite3.connect(project)
    with conn:
        conn.execute("INSERT INTO settings VALUES ('suggestions/rejected', ?)", [value])
    conn.close()
    return project


def test_upgrade_to_v2_moves_rejected_suggestions_into_their_table(tmp_path):
    old = {"amal": {"aleppo-2020-02-02": [[28, 31, "GPE"], [40, 44, "ORG"]]},
           "omar": {"damascus": [[0, 4, "GPE"]]}}
    project = _v1_with_rejections(tmp_path, json.dumps(old))
    store = ProjectStore.open(project)
    assert store.rejections("amal", "aleppo-2020-02-02") == {(28, 31, "GPE"), (40, 44, "ORG")}
    assert store.rejections("omar", "damascus") == {(0, 4, "GPE")}
    assert store.setting("suggestions/rejected") is None
    store.close()


def test_upgrade_to_v2_keeps_an_unreadable_rejection_setting_aside(tmp_path):
    project = _v1_with_rejections(tmp_path, "{oops")
    store = ProjectStore.open(project)
    assert store.setting("suggestions/rejected (unreadable)") == "{oops"
    assert store.rejections("amal", "aleppo-2020-02-02") == set()
    store.close()
