"""Event role names and attribute values in the interface language.

The schema names each label in Arabic and English but its roles only once (the ACE
names, "Attacker", "Place"). The bundled schema's roles get their Arabic names here,
not in the translation catalogue: "Position" (a job) would clash there with the
annotation list's "Position" (an offset). A role of a project's own schema that is
not listed shows as the schema names it; stored data always keeps the schema's name.
"""

from __future__ import annotations

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


def value_name(value: str) -> str:
    """An attribute value as shown (stored data keeps the schema's value)."""
    if ui_language() == "ar":
        return ARABIC_ATTRIBUTE_VALUES.get(value, value)
    return value


def role_name(role: str) -> str:
    if ui_language() == "ar":
        return ARABIC_ACE_ROLES.get(role, role)
    return role
