"""Every undo step a core command names is shown in the interface language."""

from __future__ import annotations

from annotator.core.adjudication import RejectCommand
from annotator.core.commands import Editor
from annotator.core.model import Document, Status
from annotator.core.suggestions import Suggestion, reject
from annotator.ui.i18n import install_translators
from annotator.ui.step_names import STEPS, _pattern, step_name
from tests.helpers import at


def _every_step_text(store, seed_text) -> list[str]:
    store.add_document(Document("d", seed_text))
    editor = Editor(store, "d", "amal")
    texts = []

    def run(command):  # noqa: ANN001, ANN202
        texts.append(command.text)
        command.do(store)
        return command

    org = run(editor.add_span(*at(seed_text, "الجبهة الوطنية للتحرير"), "ORG")).added[0]
    trigger = run(editor.add_span(*at(seed_text, "استهداف"), "Conflict.Attack")).added[0]
    event = run(editor.add_event(trigger.id)).added[0]
    event = run(editor.set_argument(event.id, "Attacker", org.id)).added[0]
    event = run(editor.remove_argument(event.id, "Attacker", org.id)).added[0]
    run(editor.change_span(org.id, label="PER"))
    run(editor.change_span(org.id, start=org.start + 1))
    run(editor.change_span(org.id, attributes={"level": "NAM"}))
    cue = run(editor.add_span(*at(seed_text, "أعلنت"), "CUE")).added[0]
    attribution = run(editor.add_attribution(cue=cue.id)).added[0]
    attribution = run(editor.change_item(attribution, source=org.id)).added[0]
    run(editor.remove_item(attribution))
    run(editor.remove_item(event))
    run(editor.remove_span(org.id))
    texts += [editor.set_status(status).text for status in Status]
    texts.append(reject("amal", Suggestion("d", 0, 4, "GPE")).text)
    texts.append(RejectCommand("d", "key").text)
    texts += ["Set source", "Set content"]  # the attribution dialogs' macros
    return texts


def test_step_names_cover_every_core_command(store, seed_text):
    for text in _every_step_text(store, seed_text):
        assert any(_pattern(t).fullmatch(text) for t in STEPS), text


def test_step_names_in_arabic_keep_label_names(qapp, store, seed_text):
    texts = _every_step_text(store, seed_text)
    install_translators(qapp, "ar")
    try:
        shown = {text: step_name(text) for text in texts}
    finally:
        install_translators(qapp, "en")
    assert shown["Add ORG span"] == "إضافة وسم ORG"
    assert shown["Mark in progress"] == "وضع الحالة: قيد العمل"
    assert shown["Set source"] == "تعيين المصدر"
    assert all(a != b for a, b in shown.items())  # every one translated
    assert step_name("Add ORG span") == "Add ORG span"  # English again
