"""A small OpenFisca country package for one rule: 西城区户籍老年人赴津冀蒙异地康养扶持办法
(eldercare's catalog id ``cn.beijing.xicheng.cross_region_care``), written the way an OpenFisca
developer would, to compare eldercare with OpenFisca on the same population (benchmarks/openfisca_bench.py,
python/tests/test_openfisca_agreement.py). See README.md for where it differs from eldercare.
"""

from __future__ import annotations

import os

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from .entities import entities
from .stay_slots import MAX_STAYS, FacilityKind, stay_slot_variables, stay_variable_name

__all__ = ["MAX_STAYS", "FacilityKind", "XichengTaxBenefitSystem", "stay_variable_name"]

_HERE = os.path.dirname(os.path.abspath(__file__))


class XichengTaxBenefitSystem(TaxBenefitSystem):
    """Entities, the variables of variables/ plus the stay slots, and the parameters of parameters/."""

    def __init__(self) -> None:
        super().__init__(entities)
        self.add_variables_from_directory(os.path.join(_HERE, "variables"))
        self.add_variables(*stay_slot_variables())
        self.load_parameters(os.path.join(_HERE, "parameters"))

    def get_package_metadata(self) -> dict:
        # Not an installed distribution: OpenFisca's lookup would log a warning for every file loaded.
        return {"name": "openfisca_xicheng", "version": "0", "repository_url": "", "location": _HERE}
