"""Shared fixtures. Qt runs offscreen; core tests use in-memory projects."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from annotator.core.schema_files import load_schema
from annotator.storage import ProjectStore

DATA = Path(__file__).parent / "data"
SEED = DATA / "aleppo-2020-02-02.txt"


@pytest.fixture
def schema():
    return load_schema("arabic-news")


@pytest.fixture
def store(schema):
    project = ProjectStore.in_memory(schema)
    yield project
    project.close()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def project_path(tmp_path, schema) -> Path:
    path = tmp_path / "project.sqlite"
    ProjectStore.create(path, schema).close()
    return path
