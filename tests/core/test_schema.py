from __future__ import annotations

import pytest

from annotator.core.schema import Schema
from annotator.core.schema_files import load_schema
from annotator.errors import SchemaError
from annotator.paths import shipped_schema_names

ACE_EVENT_TYPES = 33


def test_schema_default_has_ace_entities_events_and_attribution():
    schema = load_schema()
    assert schema.name == "arabic-news"
    entity = {label.name for label in schema.labels_in("entity")}
    assert {"PER", "ORG", "GPE", "LOC", "FAC", "VEH", "WEA", "TIME"} <= entity
    assert len(schema.labels_in("event")) == ACE_EVENT_TYPES
    assert {label.name for label in schema.labels_in("attribution")} == {"SOURCE", "CUE", "CONTENT"}
    assert schema.roles_of("Conflict.Attack")["Place"] == ["GPE", "LOC", "FAC"]
    assert schema.overlap_allowed("entity")


def test_schema_every_label_has_names_colour_and_unique_hotkey():
    for name in shipped_schema_names():
        schema = load_schema(name)
        hotkeys = [label.hotkey for label in schema.labels.values()]
        assert all(hotkeys) and len(set(hotkeys)) == len(hotkeys), name
        for label in schema.labels.values():
            assert label.en and label.ar and label.color.startswith("#"), label.name


def test_schema_anercorp_labels():
    assert set(load_schema("anercorp").labels) == {"PERS", "ORG", "LOC", "MISC"}


def test_schema_round_trips_through_json():
    schema = load_schema()
    again = Schema.from_json(schema.to_json())
    assert again.to_json() == schema.to_json()


def test_schema_user_file_with_unknown_filler_is_refused(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text('{"labels": [{"name": "Hit", "layer": "event", "roles": {"Who": ["NOPE"]}}]}')
    with pytest.raises(SchemaError, match="unknown filler label 'NOPE'"):
        load_schema(path)


def test_schema_broken_json_names_file_and_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n "labels": [\n oops ]}')
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert f"{path}:3" in str(caught.value)


def test_schema_missing_file_lists_shipped_schemas():
    with pytest.raises(SchemaError, match="arabic-news"):
        load_schema("no-such-schema")
