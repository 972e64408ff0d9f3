"""The window shows what an import read but could not keep (issue 12): the warnings
``read_paths`` gathers reach the status bar, not the terminal the window came from."""

from __future__ import annotations

import json


def test_window_import_shows_its_warnings_in_the_status_bar(qtbot, window, tmp_path, capfd):
    from annotator.ui.transfer import ImportOptions, start_import

    text = "أعلنت الجبهة الوطنية للتحرير استهداف حلب"
    span = {"start": 37, "end": 40, "token_start": 5, "token_end": 5, "label": "GPE"}
    tasks = [{"text": text, "spans": [span], "answer": answer, "_input_hash": 1, "_task_hash": n}
             for n, answer in enumerate(["accept", "reject", "ignore"])]
    source = tmp_path / "prodigy.jsonl"
    source.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks),
                      encoding="utf-8")
    worker = start_import(window, [source], ImportOptions())
    with qtbot.waitSignal(worker.signals.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: "Prodigy" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert "2 Prodigy tasks not accepted were not imported" in message
    assert "1 'ignore', 1 'reject'" in message
    assert "warning" not in capfd.readouterr().err  # said in the window, not on stderr
