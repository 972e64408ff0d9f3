from __future__ import annotations

from annotator.demo import demo_sources, ensure_demo
from annotator.storage import ProjectStore


def test_demo_builds_from_corpora_without_touching_them(tmp_path):
    before = {path: path.read_bytes() for path in demo_sources()}
    path = ensure_demo(tmp_path / "data")
    store = ProjectStore.open(path)
    assert store.count_documents() == 4
    demo = store.annotations("aleppo-2020-02-02", "demo")
    assert demo.events and demo.attributions and len(demo.spans) >= 8
    assert store.document("aleppo-2020-02-02").title.startswith("توقف المعارك")
    store.close()
    assert {path: path.read_bytes() for path in demo_sources()} == before
    assert not list((tmp_path / "data").glob("*.partial"))


def test_demo_is_built_once(tmp_path):
    path = ensure_demo(tmp_path)
    stamp = path.stat().st_mtime_ns
    assert ensure_demo(tmp_path) == path and path.stat().st_mtime_ns == stamp
