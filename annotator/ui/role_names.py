"""Event role names in the interface language.

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


def role_name(role: str) -> str:
    if ui_language() == "ar":
        return ARABIC_ACE_ROLES.get(role, role)
    return role
