"""brat's own rules for a document, applied to an exported folder (a test helper).

Written from brat's documentation (standoff format, configuration) and its loader's
behaviour, not from its code: brat's loader refuses a document whose event trigger
is not a ``T`` of the event's type (``EventWithNonTriggerError``) or refers to an id
that is not defined; its config reader renames names outside ``[A-Za-z0-9_-]``, after
which nothing in the ``.ann`` matches the config; and its checker reports every type,
role, argument type and attribute the ``annotation.conf`` does not allow.
``brat_problems`` lists every breach, so a test can assert the list is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

NAME = re.compile(r"^[a-zA-Z0-9_-]*$")
_ROLE_NUMBER = re.compile(r"(?<=\D)\d+$")


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    # event type -> role -> (allowed types, how many: "", "?", "*", "+")
    events: dict[str, dict[str, tuple[set[str], str]]] = field(default_factory=dict)
    relations: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    attributes: dict[str, tuple[set[str], list[str] | None]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def expand(self, types: str) -> set[str]:
        """A ``A|B|<ENTITY>`` list as the set of type names it allows."""
        found: set[str] = set()
        for name in types.split("|"):
            name = name.strip()
            if name in ("<ANY>",):
                found |= self.entities | set(self.events)
            elif name == "<ENTITY>":
                found |= self.entities
            elif name == "<EVENT>":
                found |= set(self.events)
            elif name == "<RELATION>":
                found |= set(self.relations)
            else:
                found.add(name)
        return found


def read_conf(path: Path) -> Conf:
    conf = Conf()
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = sections.setdefault(stripped[1:-1], [])
        else:
            current.append(line)
    for line in sections.get("entities", []):
        conf.entities.add(_named(conf, line.strip(), "entity type"))
    for line in sections.get("events", []):
        name, _, args = line.partition("\t")
        conf.events[_named(conf, name.strip(), "event type")] = {}
    raw_relations = []
    for line in sections.get("relations", []):
        name, _, args = line.partition("\t")
        if name.startswith("<"):
            continue  # <OVERLAP> and other macros are brat's own
        raw_relations.append((_named(conf, name.strip(), "relation type"), args))
        conf.relations[name.strip()] = {}
    for line in sections.get("events", []):
        name, _, args = line.partition("\t")
        for arg in filter(None, (a.strip() for a in args.split(","))):
            role, _, types = arg.partition(":")
            count = role[-1] if role[-1] in "?*+" else ""
            role = _named(conf, role.rstrip("?*+"), "role")
            conf.events[name.strip()][role] = (conf.expand(types), count)
    for name, args in raw_relations:
        for arg in filter(None, (a.strip() for a in args.split(","))):
            role, _, types = arg.partition(":")
            if not role.startswith("<"):
                conf.relations[name][_named(conf, role, "role")] = conf.expand(types)
    for line in sections.get("attributes", []):
        name, _, args = line.partition("\t")
        allowed: set[str] = set()
        values: list[str] | None = None
        for arg in filter(None, (a.strip() for a in args.split(","))):
            key, _, value = arg.partition(":")
            if key == "Arg":
                allowed = conf.expand(value)
            elif key == "Value":
                values = [v.strip() for v in value.split("|")]
        conf.attributes[_named(conf, name.strip(), "attribute")] = (allowed, values)
    return conf


def _named(conf: Conf, name: str, what: str) -> str:
    if not NAME.match(name):
        conf.problems.append(f"annotation.conf: the {what} {name!r} is renamed by brat")
    return name


@dataclass
class _Ann:
    id: str
    type: str
    line: int
    args: list[tuple[str, str]] = field(default_factory=list)
    trigger: str | None = None


def brat_problems(ann_path: Path, conf_path: Path) -> list[str]:
    """Every breach of brat's rules in ``ann_path`` under ``conf_path``."""
    conf = read_conf(conf_path)
    problems = list(conf.problems)
    text = ann_path.with_suffix(".txt").read_text(encoding="utf-8")
    items: dict[str, _Ann] = {}
    attributes: list[_Ann] = []
    for number, line in enumerate(ann_path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{ann_path.name}:{number}"
        if not line.strip():
            continue
        brat_id, _, rest = line.partition("\t")
        if brat_id in items:
            problems.append(f"{where}: {brat_id} defined twice")
        kind = brat_id[:1]
        if kind == "T":
            head, _, shown = rest.partition("\t")
            type_, _, offsets = head.partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            if " ".join(text[s:e] for s, e in pieces) != shown:
                problems.append(f"{where}: the text field is not the text at its offsets")
            if type_ not in conf.entities and type_ not in conf.events:
                problems.append(f"{where}: {type_!r} is not declared")
            items[brat_id] = _Ann(brat_id, type_, number)
        elif kind == "E":
            words = rest.split()
            type_, _, trigger = words[0].partition(":")
            args = [tuple(w.split(":", 1)) for w in words[1:]]
            items[brat_id] = _Ann(brat_id, type_, number, args, trigger)  # type: ignore[arg-type]
        elif kind == "R":
            words = rest.split()
            args = [tuple(w.split(":", 1)) for w in words[1:]]
            items[brat_id] = _Ann(brat_id, words[0], number, args)  # type: ignore[arg-type]
        elif kind in "AM":
            words = rest.split(" ")
            attributes.append(_Ann(brat_id, words[0], number, [(words[1], " ".join(words[2:]))]))
            items[brat_id] = attributes[-1]
        elif kind in "#N*":
            continue
        else:
            problems.append(f"{where}: brat cannot read this line")
        for name in (items[brat_id].type,) if brat_id in items else ():
            if not NAME.match(name):
                problems.append(f"{where}: the name {name!r} is renamed by brat")
    for item in items.values():
        where = f"{ann_path.name}:{item.line}"
        if item.id[0] == "E":
            problems += _event_problems(item, items, conf, where)
        elif item.id[0] == "R":
            problems += _relation_problems(item, items, conf, where)
    for attribute in attributes:
        problems += _attribute_problems(attribute, items, conf, f"{ann_path.name}:{attribute.line}")
    return problems


def _event_problems(event: _Ann, items: dict[str, _Ann], conf: Conf, where: str) -> list[str]:
    problems = []
    trigger = items.get(event.trigger or "")
    if trigger is None:
        return [f"{where}: EventWithoutTriggerError ({event.trigger} is not defined)"]
    if trigger.id[0] != "T" or trigger.type != event.type:
        problems.append(
            f"{where}: EventWithNonTriggerError: {event.id} of type {event.type} has "
            f"the trigger {trigger.id} of type {trigger.type}"
        )
    roles = conf.events.get(event.type)
    if roles is None:
        return problems + [f"{where}: event type {event.type!r} is not declared"]
    seen: dict[str, int] = {}
    for role, ref in event.args:
        base = _ROLE_NUMBER.sub("", role)
        if not NAME.match(base):
            problems.append(f"{where}: the role {base!r} is renamed by brat")
        seen[base] = seen.get(base, 0) + 1
        target = items.get(ref)
        if target is None:
            problems.append(f"{where}: {ref} is not defined")
        elif base not in roles:
            problems.append(f"{where}: {event.type} has no role {base!r}")
        elif target.type not in roles[base][0]:
            problems.append(f"{where}: a {target.type} cannot fill {event.type}'s {base}")
    for role, (_, count) in roles.items():
        if count in ("", "+") and not seen.get(role):
            problems.append(f"{where}: {event.type} needs a {role}")
        if count in ("", "?") and seen.get(role, 0) > 1:
            problems.append(f"{where}: {event.type} takes one {role}")
    return problems


def _relation_problems(relation: _Ann, items: dict[str, _Ann], conf: Conf, where: str) -> list[str]:
    roles = conf.relations.get(relation.type)
    if roles is None:
        return [f"{where}: relation type {relation.type!r} is not declared"]
    problems = []
    if sorted(role for role, _ in relation.args) != sorted(roles):
        problems.append(f"{where}: {relation.type} takes {', '.join(roles)}")
    for role, ref in relation.args:
        target = items.get(ref)
        if target is None or target.type not in roles.get(role, set()):
            problems.append(f"{where}: {ref} cannot be the {role} of {relation.type}")
    return problems


def _attribute_problems(attribute: _Ann, items: dict[str, _Ann], conf: Conf, where: str) -> list[str]:
    declared = conf.attributes.get(attribute.type)
    if declared is None:
        return [f"{where}: attribute {attribute.type!r} is not declared"]
    allowed, values = declared
    ref, value = attribute.args[0]
    target = items.get(ref)
    problems = []
    if target is None:
        problems.append(f"{where}: the target {ref} is not defined")
    elif target.type not in allowed:
        problems.append(f"{where}: {attribute.type} cannot be set on a {target.type}")
    if values is None and value:
        problems.append(f"{where}: {attribute.type} is binary, not {value!r}")
    elif values is not None and value not in values:
        problems.append(f"{where}: {value!r} is not a value of {attribute.type}")
    return problems


def folder_problems(folder: Path) -> list[str]:
    """brat's rules for every ``.ann`` of an exported annotator folder."""
    conf = folder / "annotation.conf"
    problems = []
    for ann in sorted(folder.glob("*.ann")):
        problems += brat_problems(ann, conf)
    return problems
