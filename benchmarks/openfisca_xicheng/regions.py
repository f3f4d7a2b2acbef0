"""The region sets of the rule, on GB/T 2260 codes held as integers (6-digit counties, 9-digit towns).

OpenFisca parameters hold numbers, booleans and text by date, not sets of codes, so the sets are
constants here (as eldercare's named_regions.hpp holds them in code). A code lies in a set when its
province or county is in it: containment by digits, as eldercare's region_code::contains.
"""

from __future__ import annotations

import numpy as np

XICHENG = 110102
#: 宣武区 (110104) merged into 西城 in 2010; read as its successor (eldercare's default reading
#: hukou.legacy_codes = as_successor).
LEGACY_TO_CURRENT = {110104: XICHENG}
#: 津冀蒙协同发展地区: Tianjin 12, Hebei 13, Inner Mongolia 15 (province prefixes).
JIN_JI_MENG_PROVINCES = (12, 13, 15)
#: 生态涵养区: 门头沟, 怀柔, 平谷, 密云, 延庆 as whole districts. The mountain towns of 昌平 and 房山 count
#: only when eldercare's reading beijing.mountain_towns lists them; its default lists none.
ECOLOGICAL_AREA_COUNTIES = (110109, 110116, 110117, 110118, 110119)


def county_of(code: np.ndarray) -> np.ndarray:
    """The 6-digit county code of 6-digit (county, prefecture, province) and 9-digit (town) codes."""
    code = np.asarray(code, dtype=np.int64)
    return np.where(code >= 100_000_000, code // 1000, code)


def current_county(code: np.ndarray) -> np.ndarray:
    """county_of, with legacy codes replaced by their successors."""
    county = county_of(code)
    for legacy, current in LEGACY_TO_CURRENT.items():
        county = np.where(county == legacy, current, county)
    return county


def in_jin_ji_meng(code: np.ndarray) -> np.ndarray:
    return np.isin(county_of(code) // 10_000, JIN_JI_MENG_PROVINCES)


def in_ecological_area(code: np.ndarray) -> np.ndarray:
    return np.isin(county_of(code), ECOLOGICAL_AREA_COUNTIES)
