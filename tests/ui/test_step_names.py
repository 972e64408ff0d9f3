"""Every undo step a core command names is shown in the interface language."""

from __future__ import annotations

from annotator.core.adjudication import RejectCandidateCommand
from annotator.core.commands import Editor, StepName, step
from annotator.core.model import Document, Status
from annotator.core.suggestions import Suggestion, reject
from annotator.ui.i18n import install_translators
from annotator.ui.step_names import STEPS, step_name
from tests.helpers import at


def _every_step_text(store, seed_text) -> list[StepName]:
    store.add_document(Document("d", seed_text))
    editor = Editor(store, "d", "amal")
    texts = []

    def run(command):
        texts.append(command.name)
        command.do(store)
        return command

    org = run(editor.add_span(*at(seed_text, "الجبهة الوطنية للتحرير"), "ORG")).added[0]
    trigger = run(editor.add_span(*at(seed_text, "استهداف"), "Conflict.Attack")).added[0]
    event = run(editor.add_event(trigger.id)).added[0]
    event = run(editor.set_argument(event.id, "Attacker", org.id)).added[0]
    event = run(editor.remove_argument(event.id, "Attacker", org.id)).added[0]
    run(editor.change_span(org.id, label="PER"))
    run(editor.change_span(org.id, start=org.start + 1))
    run(editor.change_span(org.id, attributes={"mention": "NAM"}))
    cue = run(editor.add_span(*at(seed_text, "أعلنت"), "CUE")).added[0]
    attribution = run(editor.add_attribution(cue=cue.id)).added[0]
    attribution = run(editor.change_item(attribution, source=org.id)).added[0]
    run(editor.remove_item(attribution))
    run(editor.remove_item(event))
    run(editor.remove_span(org.id))
    texts += [editor.set_status(status).name for status in Status]
    texts.append(reject("amal", Suggestion("d", 0, 4, "GPE")).name)
    texts.append(RejectCandidateCommand("d", "key").name)
    texts += [step("Set {part}", words=("part",), part=part) for part in ("source", "content")]
    return texts


def test_step_names_cover_every_core_command(store, seed_text):
    for name in _every_step_text(store, seed_text):
        assert name.template in STEPS, name


def test_step_names_in_arabic_keep_label_names(qapp, store, seed_text):
    texts = _every_step_text(store, seed_text)
    install_translators(qapp, "ar")
    try:
        shown = {str(name): step_name(name) for name in texts}
    finally:
        install_translators(qapp, "en")
    assert shown["Add ORG span"] == "إضافة وسم ORG"
    assert shown["Mark in progress"] == "وضع الحالة: قيد العمل"
    assert shown["Set source"] == "تعيين المصدر"
    assert all(a != b for a, b in shown.items())  # every one translated
    assert step_name(step("Add {label} span", label="ORG")) == "Add ORG span"  # English again
