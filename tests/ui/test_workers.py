"""A background job whose window went away while it ran: it stops as if cancelled
(its transaction rolled back) instead of raising into Qt's thread pool."""

from __future__ import annotations

import threading

import shiboken6

from annotator.core.model import Document
from annotator.core.progress import Progress
from annotator.storage import ProjectStore
from annotator.ui.workers import GeneratorWorker


def test_a_job_whose_listener_was_deleted_stops_and_rolls_back(tmp_path, schema, capfd):
    project = tmp_path / "p.sqlite"
    ProjectStore.create(project, schema).close()
    first_step_told, go_on = threading.Event(), threading.Event()

    def job(store):
        with store.atomic():
            store.add_document(Document("d1", "نص أول"))
            yield Progress(1, 2, "one")
            first_step_told.set()
            go_on.wait(10)
            store.add_document(Document("d2", "نص ثان"))
            yield Progress(2, 2, "two")

    worker = GeneratorWorker(project, job)
    cancelled = []
    worker.signals.cancelled.connect(lambda: cancelled.append(True))
    thread = threading.Thread(target=worker.run)
    thread.start()
    assert first_step_told.wait(10)
    shiboken6.delete(worker.signals)  # the window and what listened to the job are gone
    go_on.set()
    thread.join(10)

    assert not thread.is_alive()
    assert "Signal source has been deleted" not in capfd.readouterr().err
    store = ProjectStore.open(project)
    try:
        assert store.count_documents() == 0  # nothing of the stopped job stayed
    finally:
        store.close()
