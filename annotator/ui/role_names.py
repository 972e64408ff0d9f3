"""Event role names and attribute values in the interface language.

A schema may name its roles and attribute values in each language (``role_names``,
``value_names``); those names come first. The bundled schema's ACE roles and values,
which projects made before those fields carry without names, get their Arabic names
here, not in the translation catalogue: "Position" (a job) would clash there with the
annotation list's "Position" (an offset). Anything else shows as the schema names it;
stored data always keeps the schema's name.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.schema import Schema
from ..errors import Name
from .i18n import ui_language

ARABIC_ACE_ROLES = {
    "Adjudicator": "الجهة القاضية",
    "Agent": "الفاعل",
    "Artifact": "المنقول",
    "Attacker": "المهاجِم",
    "Beneficiary": "المستفيد",
    "Buyer": "المشتري",
    "Crime": "الجريمة",
    "Defendant": "المتّهم",
    "Destination": "الوجهة",
    "Entity": "الكيان",
    "Giver": "المانح",
    "Instrument": "الأداة",
    "Money": "المال",
    "Org": "المنظمة",
    "Origin": "المنطلق",
    "Person": "الشخص",
    "Place": "المكان",
    "Plaintiff": "المدّعي",
    "Position": "المنصب",
    "Price": "الثمن",
    "Prosecutor": "الادعاء",
    "Recipient": "المتلقّي",
    "Seller": "البائع",
    "Sentence": "الحكم",
    "Target": "الهدف",
    "Time": "الزمن",
    "Vehicle": "المركبة",
    "Victim": "الضحية",
}


# the bundled schema's attribute values (ACE's, the mention levels, PARC's quote types)
ARABIC_ATTRIBUTE_VALUES = {
    "NAM": "اسم علم", "NOM": "اسم عام", "PRO": "ضمير",
    "Positive": "مثبت", "Negative": "منفي", "Asserted": "مؤكَّد", "Other": "غير ذلك",
    "Specific": "محدَّد", "Generic": "عام", "Past": "ماضٍ", "Present": "حاضر", "Future": "مستقبل",
    "Unspecified": "غير محدَّد", "direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط",
}


def value_name(value: str, schema: Schema | None = None) -> str:
    """An attribute value as shown (stored data keeps the schema's value)."""
    return _shown(value, schema.value_display if schema is not None else None, ARABIC_ATTRIBUTE_VALUES)


def role_name(role: str, schema: Schema | None = None) -> str:
    """An event role as shown (stored data keeps the schema's role)."""
    return _shown(role, schema.role_display if schema is not None else None, ARABIC_ACE_ROLES)


def schema_name(text: str, schema: Schema) -> str:
    """A label or role a core message names (``errors.Name``) as the interface shows
    it; any other value as it is."""
    if not isinstance(text, Name):
        return text
    if text.kind == "role":
        return role_name(text, schema)
    return label_name(text, schema)


def label_name(name: str, schema: Schema) -> str:
    """A label code inside a report: the schema's name for it in the interface
    language; in English the code, as the command line's reports print it."""
    label, language = schema.labels.get(name), ui_language()
    return label.display(language) if label is not None and language != "en" else name


def _shown(name: str, schema_names: Callable[[str, str], str | None] | None, arabic: dict[str, str]) -> str:
    """The schema's name in the interface language, else the bundled Arabic one, else
    the name itself."""
    language = ui_language()
    named = schema_names(name, language) if schema_names is not None else None
    if named is None and language == "ar":
        return arabic.get(name, name)
    return named or name
