"""Input columns for a person's stays in facilities: MAX_STAYS numbered slots of the same columns.

An OpenFisca entity has one value per person and variable; a list of stays, each in a facility with
its own region, kind and filing, has no entity of its own to live in. The usual OpenFisca answer is to
flatten it: a fixed number of slots per person, with each stay's facility facts copied into the slot
(denormalised). Empty slots keep the default values, which never count (admission in 2400).
"""

from __future__ import annotations

import datetime

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from .civil_calendar import FAR_FUTURE, NEVER
from .entities import Person

#: The synthetic populations have at most 3 stays a person; one slot more for hand-made cases.
MAX_STAYS = 4


class FacilityKind(Enum):
    institution = "养老机构 (institution)"
    community = "社区养老服务设施 (community facility)"
    regional_centre = "区域性养老服务中心 (regional centre)"
    travel_stay_base = "旅居康养基地 (travel-stay base)"


#: (column, value_type, default, label); one variable per slot and column.
STAY_COLUMNS = (
    ("admitted", "date", FAR_FUTURE, "admission day (入住); 2400-12-31: no stay in this slot"),
    ("discharged", "date", FAR_FUTURE, "discharge day (the person is in the facility that day); 2400-12-31: ongoing"),
    ("facility_region", "int", 0, "GB/T 2260 code of the facility's premises"),
    ("facility_kind", "enum", FacilityKind.institution, "kind of facility"),
    ("facility_filed_on", "date", NEVER, "day the facility's filing (备案) took effect; 2400-12-31: never filed"),
    ("facility_revoked_on", "date", FAR_FUTURE, "day the filing was revoked (no longer in force); 2400-12-31: never"),
)


def stay_variable_name(slot: int, column: str) -> str:
    return f"stay_{slot}_{column}"


def _slot_variable(slot: int, column: str, value_type: str, default, label: str) -> type:
    attributes = {
        "entity": Person,
        "definition_period": DateUnit.ETERNITY,
        "label": f"Stay {slot}: {label}",
        "default_value": default,
        "value_type": {"date": datetime.date, "int": int, "enum": Enum}[value_type],
    }
    if value_type == "enum":
        attributes["possible_values"] = FacilityKind
    elif value_type == "date":
        attributes["default_value"] = default.astype(object)  # a datetime.date, as OpenFisca expects
    return type(stay_variable_name(slot, column), (Variable,), attributes)


def stay_slot_variables() -> list:
    """The input variables of every slot, to add to a tax-benefit system."""
    return [
        _slot_variable(slot, column, value_type, default, label)
        for slot in range(1, MAX_STAYS + 1)
        for column, value_type, default, label in STAY_COLUMNS
    ]
