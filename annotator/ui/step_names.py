"""The undo steps' names in the interface language.

Core commands name their steps with a template and its values (``core.commands.
StepName``: "Add {label} span", label=ORG). The Edit menu shows the template
translated, with the values that are words of ours (a status, an attribution part)
translated too; label and role names stay as the schema spells them. Every template
is listed here once, so the translation tool finds it.
"""

from __future__ import annotations

from ..core.commands import StepName
from .i18n import N_, tr

STEPS = (
    N_("Add {label} span"),
    N_("Delete {label} span"),
    N_("Relabel span {id}"),
    N_("Resize span {id}"),
    N_("Edit span {id}"),
    N_("Add {label} event"),
    N_("Add {role} argument"),
    N_("Remove {role} argument"),
    N_("Add attribution"),
    N_("Edit {id}"),
    N_("Delete event {id}"),
    N_("Delete attribution {id}"),
    N_("Mark {status}"),
    N_("Reject {label} suggestion"),
    N_("Reject candidate"),
    N_("Reject {label}"),
    N_("Set {part}"),
    N_("Accept {label}"),
    N_("Accept {count} agreed labels"),
    N_("Accept {count} suggestions"),
)
WORDS = (N_("new"), N_("in progress"), N_("done"), N_("source"), N_("cue"), N_("content"))


def step_name(name: StepName) -> str:
    """``name`` in the interface language."""
    values = {key: tr(value) if key in name.words else value for key, value in name.values}
    return tr(name.template).format(**values)
