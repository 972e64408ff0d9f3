"""The undo steps' names in the interface language.

Core commands name themselves in English ("Add ORG span": the CLI and logs read
them too). The Edit menu shows them translated: each English form is listed here
once, recognised by its pattern, and its parts that are words of ours (a status,
an attribution part) are translated too; label and role names stay as the schema
spells them.
"""

from __future__ import annotations

import re
from functools import cache

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
    N_("Set {part}"),
)
WORDS = (N_("new"), N_("in progress"), N_("done"), N_("source"), N_("cue"), N_("content"))


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex)


def step_name(text: str) -> str:
    """``text`` (a core command's English name) in the interface language."""
    for template in STEPS:
        found = _pattern(template).fullmatch(text)
        if found:
            values = {k: tr(v) if v in WORDS else v for k, v in found.groupdict().items()}
            return tr(template).format(**values)
    return text
