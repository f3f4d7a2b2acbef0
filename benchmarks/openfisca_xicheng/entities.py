"""The one entity of this system: the person (an elder). The subsidy is paid per person
(每人每月), and nothing in the rule reads a household, so no group entity is declared."""

from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="persons",
    label="An elder (老年人)",
    doc="A Xicheng-registered elder, with up to MAX_STAYS stays in facilities.",
    is_person=True,
)

entities = [Person]
