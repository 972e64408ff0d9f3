"""The annotation schema a project carries: layers, labels, roles and attributes.

A schema is read from JSON (see ``resources/schemas/README.md``) and stored inside the
project, so a project keeps its schema even when the shipped files change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Phrase, SchemaError
from .json_settings import load_json

LAYERS = ("entity", "event", "attribution")
# The label that marks each part of an attribution (core.model.ATTRIBUTION_PARTS): the
# one place that knows them; ask ``part_label`` / ``attribution_part`` instead of
# spelling "SOURCE", "CUE" or "CONTENT".
PART_LABELS = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}
ATTRIBUTION_PARTS = tuple(PART_LABELS.values())  # the labels, in reading order


def part_label(part: str) -> str:
    """The label of an attribution part ("cue" -> "CUE")."""
    return PART_LABELS[part]


def layer_word(layer: str | None) -> str:
    """A layer as a word of a message ("entity"): the same text, which the interface
    shows in its language; anything else as it is."""
    words = {"entity": Phrase("entity"), "event": Phrase("event"), "attribution": Phrase("attribution")}
    return words.get(str(layer), str(layer))


def part_word(part: str) -> str:
    """An attribution part ("source", "cue", "content") as a word of a message."""
    words = {"source": Phrase("source"), "cue": Phrase("cue"), "content": Phrase("content")}
    return words.get(part, part)


def attribution_part(label: str) -> str | None:
    """The attribution part a label marks ("CUE" -> "cue"), or None."""
    return next((part for part, name in PART_LABELS.items() if name == label), None)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DEFAULT_COLOURS = ("#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99")


@dataclass
class Label:
    name: str
    layer: str
    en: str = ""
    ar: str = ""
    color: str = "#cccccc"
    hotkey: str = ""
    group: str = ""
    roles: dict[str, list[str]] = field(default_factory=dict)

    def display(self, language: str = "en") -> str:
        return (self.ar if language == "ar" else self.en) or self.name

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "layer": self.layer}
        for key in ("group", "en", "ar", "color", "hotkey"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.roles:
            data["roles"] = self.roles
        return data


@dataclass
class AttributeDef:
    name: str
    layer: str
    values: list[str] = field(default_factory=list)
    en: str = ""
    ar: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "layer": self.layer}
        for key in ("en", "ar"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data["values"] = self.values
        return data


@dataclass
class Schema:
    name: str
    labels: dict[str, Label]
    attributes: dict[str, AttributeDef] = field(default_factory=dict)
    allow_overlap: dict[str, bool] = field(default_factory=dict)
    version: int = 1
    title: dict[str, str] = field(default_factory=dict)
    # event roles and attribute values as each language shows them ({"Attacker": {"ar":
    # "المهاجِم"}}); stored data keeps the schema's own name
    role_names: dict[str, dict[str, str]] = field(default_factory=dict)
    value_names: dict[str, dict[str, str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    # --- reading -----------------------------------------------------------------
    @classmethod
    def from_json(cls, data: Any, source: str = "schema") -> Schema:
        if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
            raise SchemaError("a schema is a JSON object with a 'labels' list", file=source)
        labels: dict[str, Label] = {}
        for index, raw in enumerate(data["labels"]):
            label = _read_label(raw, index, source)
            if label.name in labels:
                raise SchemaError("label {label!r} is defined twice", params={"label": label.name}, file=source)
            labels[label.name] = label
        schema = cls(
            name=str(data.get("name") or "custom"),
            labels=labels,
            attributes=_read_attributes(data.get("attributes", []), source),
            allow_overlap=_read_layers(data.get("layers", {}), source),
            version=_read_version(data.get("version", 1), source),
            title=_read_title(data.get("title", {}), source),
            role_names=_read_names(data.get("role_names", {}), "role_names", source),
            value_names=_read_names(data.get("value_names", {}), "value_names", source),
            extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        )
        schema._check_roles(source)
        return schema

    @classmethod
    def from_text(cls, text: str, source: str = "schema") -> Schema:
        try:
            data = load_json(text)  # also refuses nesting no schema has (a crafted file)
        except json.JSONDecodeError as error:
            raise SchemaError("not valid JSON: {reason}", params={"reason": error.msg},
                              file=source, line=error.lineno) from None
        except ValueError as error:
            raise SchemaError(str(error), file=source) from None
        return cls.from_json(data, source)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "title": self.title,
            "layers": {
                layer: {"allow_overlap": self.overlap_allowed(layer)} for layer in LAYERS
            },
            "labels": [label.to_json() for label in self.labels.values()],
            "attributes": [attribute.to_json() for attribute in self.attributes.values()],
            **({"role_names": self.role_names} if self.role_names else {}),
            **({"value_names": self.value_names} if self.value_names else {}),
            **self.extra,
        }

    def _check_roles(self, source: str) -> None:
        for label in self.labels.values():
            for role, fillers in label.roles.items():
                for filler in fillers:
                    if filler not in self.labels:
                        raise SchemaError(
                            "role {label}/{role} names unknown filler label {filler!r}",
                            params={"label": label.name, "role": role, "filler": filler},
                            file=source,
                        )

    # --- questions -----------------------------------------------------------------
    def role_display(self, role: str, language: str) -> str | None:
        """The schema's name for an event role in ``language``, if it gives one."""
        return self.role_names.get(role, {}).get(language) or None

    def value_display(self, value: str, language: str) -> str | None:
        """The schema's name for an attribute value in ``language``, if it gives one."""
        return self.value_names.get(value, {}).get(language) or None

    def label(self, name: str) -> Label | None:
        return self.labels.get(name)

    def layer_of(self, label: str) -> str | None:
        found = self.labels.get(label)
        return found.layer if found else None

    def labels_in(self, layer: str) -> list[Label]:
        return [label for label in self.labels.values() if label.layer == layer]

    def overlap_allowed(self, layer: str) -> bool:
        return self.allow_overlap.get(layer, layer != "event")

    def roles_of(self, event_type: str) -> dict[str, list[str]]:
        label = self.labels.get(event_type)
        return label.roles if label else {}

    def attributes_for(self, layer: str) -> list[AttributeDef]:
        return [a for a in self.attributes.values() if a.layer == layer]

    # --- growing -----------------------------------------------------------------
    def add_label(self, name: str, layer: str = "entity") -> Label:
        """Add a label met in imported data (``--add-labels``)."""
        if not name or any(c.isspace() for c in name):
            raise SchemaError("cannot add the label {label!r}: label names hold no spaces", params={"label": name})
        colour = _DEFAULT_COLOURS[len(self.labels) % len(_DEFAULT_COLOURS)]
        label = Label(name=name, layer=layer, en=name, ar=name, color=colour)
        self.labels[name] = label
        return label


_KNOWN_KEYS = {"name", "version", "title", "layers", "labels", "attributes", "role_names", "value_names"}


def _read_label(raw: Any, index: int, source: str) -> Label:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise SchemaError("label #{number} needs a 'name'", params={"number": index + 1}, file=source)
    name = raw["name"]
    if not name or any(c.isspace() for c in name):
        raise SchemaError("label {label!r}: a label name cannot be empty or hold spaces",
                          params={"label": name}, file=source)
    layer = raw.get("layer", "entity")
    if layer not in LAYERS:
        raise SchemaError("label {label!r}: unknown layer {layer!r}", params={"label": name, "layer": layer},
                          file=source)
    colour = raw.get("color", "#cccccc")
    if not _COLOUR.match(str(colour)):
        raise SchemaError("label {label!r}: colour {colour!r} is not #rrggbb",
                          params={"label": name, "colour": colour}, file=source)
    roles = raw.get("roles", {})
    if not isinstance(roles, dict) or not all(isinstance(v, list) for v in roles.values()):
        raise SchemaError("label {label!r}: 'roles' maps role names to lists", params={"label": name},
                          file=source)
    return Label(
        name=name,
        layer=layer,
        en=str(raw.get("en", "")),
        ar=str(raw.get("ar", "")),
        color=str(colour).lower(),
        hotkey=str(raw.get("hotkey", "")),
        group=str(raw.get("group", "")),
        roles={str(k): [str(f) for f in v] for k, v in roles.items()},
    )


def _read_version(raw: Any, source: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
        raise SchemaError("'version' must be a whole number, not {version!r}", params={"version": raw},
                          file=source)
    return int(raw)


def _read_title(raw: Any, source: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise SchemaError("'title' must map languages to titles", file=source)
    return {str(language): str(title) for language, title in raw.items()}


def _read_names(raw: Any, key: str, source: str) -> dict[str, dict[str, str]]:
    """``{"Attacker": {"en": "Attacker", "ar": "المهاجِم"}}``: names by language."""
    if not isinstance(raw, dict) or not all(
        isinstance(names, dict) and all(isinstance(n, str) for n in names.values()) for names in raw.values()
    ):
        raise SchemaError("{key!r} must map each name to an object of names by language "
                          "(such as {{\"ar\": \"…\"}})", params={"key": key}, file=source)
    return {str(name): {str(language): text for language, text in names.items()} for name, names in raw.items()}


def _read_attributes(raw: Any, source: str) -> dict[str, AttributeDef]:
    if not isinstance(raw, list):
        raise SchemaError("'attributes' must be a list", file=source)
    attributes: dict[str, AttributeDef] = {}
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise SchemaError("each attribute needs a 'name'", file=source)
        if not isinstance(item.get("values", []), list):
            raise SchemaError("attribute {name!r}: 'values' must be a list", params={"name": item["name"]},
                              file=source)
        attributes[item["name"]] = AttributeDef(
            name=str(item["name"]),
            layer=str(item.get("layer", "entity")),
            values=[str(v) for v in item.get("values", [])],
            en=str(item.get("en", "")),
            ar=str(item.get("ar", "")),
        )
    return attributes


def _read_layers(raw: Any, source: str) -> dict[str, bool]:
    if not isinstance(raw, dict):
        raise SchemaError("'layers' must be an object", file=source)
    return {
        str(layer): bool(settings.get("allow_overlap", layer != "event"))
        for layer, settings in raw.items()
        if isinstance(settings, dict)
    }
