"""Event role names and attribute values in the interface language.

A schema may name its roles and attribute values in each language (``role_names``,
``value_names``); those names come first. The bundled schema's ACE roles and values,
which projects made before those fields carry without names, get their Arabic names
here, not in the translation catalogue: "Position" (a job) would clash there with the
annotation list's "Position" (an offset). Anything else shows as the schema names it;
stored data always keeps the schema's name.
"""

from __future__ import annotations

from ..core.schema import Schema
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
    language = ui_language()
    named = schema.value_display(value, language) if schema is not None else None
    if named is None and language == "ar":
        return ARABIC_ATTRIBUTE_VALUES.get(value, value)
    return named or value


def role_name(role: str, schema: Schema | None = None) -> str:
    """An event role as shown (stored data keeps the schema's role)."""
    language = ui_language()
    named = schema.role_display(role, language) if schema is not None else None
    if named is None and language == "ar":
        return ARABIC_ACE_ROLES.get(role, role)
    return named or role
