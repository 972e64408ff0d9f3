"""A project's own schema names its event roles and attribute values in each language
(``role_names``, ``value_names``): the window shows them in the interface language
(events panel, role tags, the role menu of Ctrl+click, the inspector's values) and
keeps the schema's names in the data; a malformed names field is refused naming the file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from tests.ui.conftest import panels_follow, shown_window
from tests.ui.test_pointer import centre, show

TEXT = "تظاهر الطلاب في بغداد اليوم."
SCHEMA = {
    "name": "protests",
    "labels": [
        {"name": "GROUP", "layer": "entity", "en": "Group", "ar": "جماعة", "hotkey": "G"},
        {"name": "CITY", "layer": "entity", "en": "City", "ar": "مدينة", "hotkey": "C"},
        {"name": "Protest", "layer": "event", "en": "Protest", "ar": "احتجاج", "hotkey": "Alt+P",
         "roles": {"Protester": ["GROUP"], "Where": ["CITY"]}},
    ],
    "attributes": [{"name": "size", "layer": "event", "en": "Size", "ar": "الحجم", "values": ["small", "large"]}],
    "role_names": {"Protester": {"en": "Protester", "ar": "المحتجّ"}, "Where": {"ar": "مكان الاحتجاج"}},
    "value_names": {"small": {"ar": "صغير"}, "large": {"ar": "كبير"}},
}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def protest_project(tmp_path):
    schema = tmp_path / "protests.json"
    schema.write_text(json.dumps(SCHEMA, ensure_ascii=False), encoding="utf-8")
    project = tmp_path / "p.sqlite"
    assert _cli("init", str(project), "--schema", str(schema)).returncode == 0
    spans = [{"id": "T1", "start": 6, "end": 12, "label": "GROUP"}, {"id": "T2", "start": 16, "end": 21, "label": "CITY"},
             {"id": "T3", "start": 0, "end": 5, "label": "Protest"}]
    event = {"id": "E1", "type": "Protest", "trigger": "T3", "arguments": [{"role": "Protester", "span": "T1"}],
             "attributes": {"size": "large"}}
    line = {"id": "d1", "text": TEXT, "annotator": "amal", "spans": spans, "events": [event]}
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    result = _cli("import", str(project), str(jsonl))
    assert result.returncode == 0, result.stderr
    return project


def _window(qtbot, project):
    window = shown_window(qtbot, project)
    panels_follow(qtbot, window)
    return window


def _event_rows(window) -> list[str]:
    top = window.events_panel.tree.topLevelItem(0)
    return [top.child(i).text(0) for i in range(top.childCount())]


def test_schema_role_and_value_names_show_in_arabic_and_the_data_keeps_the_schemas(qtbot, protest_project, arabic):
    window = _window(qtbot, protest_project)
    assert _event_rows(window) == ["المحتجّ"]

    ws, tree = window.workspace, window.events_panel.tree
    top = tree.topLevelItem(0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(top).center())
    assert type(ws.current).__name__ == "Event"
    def value_boxes():
        return [box for box in window.inspector.findChildren(QComboBox) if box.isVisible() and box.count() == 3]

    qtbot.waitUntil(lambda: len(value_boxes()) == 1, timeout=3000)
    (values,) = value_boxes()
    assert [values.itemText(i) for i in range(3)] == ["", "صغير", "كبير"] and values.currentData() == "large"

    view = window.view
    city = TEXT.index("بغداد")
    show(qtbot, view, city, city + 5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     centre(view, city + 2))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions()] == ["مكان الاحتجاج"]  # what the city may fill, named
    action = menu.actions()[0]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: _event_rows(window) == ["المحتجّ", "مكان الاحتجاج"], timeout=3000)
    assert [a.role for a in ws.annotations.events[0].arguments] == ["Protester", "Where"]  # stored as named


def test_schema_role_names_fall_back_to_the_schemas_role_in_english(qtbot, protest_project):
    window = _window(qtbot, protest_project)
    assert _event_rows(window) == ["Protester"]


def test_a_schema_whose_role_names_are_not_names_by_language_is_refused_naming_the_file(tmp_path):
    schema = tmp_path / "bad-names.json"
    schema.write_text(json.dumps({**SCHEMA, "role_names": {"Protester": "المحتج"}}, ensure_ascii=False),
                      encoding="utf-8")

    result = _cli("init", str(tmp_path / "p.sqlite"), "--schema", str(schema))

    assert result.returncode == 1
    assert "bad-names.json" in result.stderr and "role_names" in result.stderr
    assert not (tmp_path / "p.sqlite").exists()
