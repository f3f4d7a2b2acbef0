"""The population both engines run on, in eldercare's flat schema, and its OpenFisca input columns.

``generate`` draws Xicheng elders with numpy (the kinds of cases of eldercare's synthetic Xicheng
profile, docs/calibration.md: 5% on the legacy 宣武 code, stays in filed, late-filed, revoked,
unfiled and community facilities in 津冀蒙, in the 生态涵养区 and elsewhere in Beijing, transfers,
gaps and tier changes). ``openfisca_inputs`` turns any flat-schema population (a persons table and a
stays table, or a ``stays`` list column) into the denormalised slot columns the OpenFisca system reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

import numpy as np

from .civil_calendar import FAR_FUTURE, NEVER
from .stay_slots import MAX_STAYS, FacilityKind, stay_variable_name

#: id, region, kind, filed on, revoked on. Dates and places are invented; the kinds of facility are
#: those of eldercare's synthetic_facilities() (docs/calibration.md, "Stays in facilities").
FACILITIES: Tuple[Tuple[str, int, str, Optional[str], Optional[str]], ...] = (
    ("TJ-hexi", 120103, "institution", "2018-05-01", None),
    ("HB-sanhe", 131082, "institution", "2019-03-01", None),
    ("HB-zhuozhou", 130681, "institution", "2020-09-15", None),
    ("NM-huimin", 150102, "institution", "2021-04-01", None),
    ("HB-filed-2023-06", 130184, "institution", "2023-06-15", None),  # filed after most admissions
    ("HB-filed-2024-03", 130203, "institution", "2024-03-10", None),  # filed inside the simulated year
    ("TJ-revoked-2024-05", 120116, "institution", "2019-01-01", "2024-05-01"),
    ("HB-unfiled", 131002, "institution", None, None),
    ("TJ-community", 120104, "community", "2019-01-01", None),  # not an institution
    ("HB-regional-centre", 130702, "regional_centre", "2019-01-01", None),
    ("BJ-huairou", 110116, "institution", "2020-01-01", None),
    ("BJ-mentougou-2023-09", 110109, "institution", "2023-09-01", None),
    ("BJ-yanqing-unfiled", 110119, "institution", None, None),
    ("BJ-changping-town", 110114110, "institution", "2019-01-01", None),  # a mountain town: not listed by default
    ("BJ-chaoyang", 110105, "institution", "2015-01-01", None),
    ("BJ-haidian", 110108, "institution", "2016-01-01", None),
    ("WH-huancui", 371002, "institution", "2017-01-01", None),
)
_JIN_JI_MENG_FILED = (0, 1, 2, 3)
_JIN_JI_MENG_OTHER = (4, 5, 6, 7, 8, 9)  # late, revoked or never filed; community; regional centre
_ECOLOGICAL_AREA = (10, 11, 12, 13)
_OTHER_BEIJING = (14, 15, 16)

#: Shares of the elders with stays, by the tier of their first stay: docs/calibration.md
#: (津冀蒙 0.27%, 生态涵养区 0.2%, other institutions 2%).
CALIBRATED_STAY_SHARES = {"jin_ji_meng": 0.0027, "ecological_area": 0.002, "other": 0.02}

AS_OF = np.datetime64("2024-01-01", "D")


def eldercare_facilities() -> list:
    """FACILITIES as eldercare Facility objects."""
    import eldercare as ec

    out = []
    for fid, region, kind, filed, revoked in FACILITIES:
        filing = ec.Filing(str(region)[:6], filed, revoked_on=revoked) if filed else None
        out.append(ec.Facility(fid, str(region), kind=kind, filing=filing))
    return out


def facility_table(facilities: Sequence[Any]) -> Dict[str, np.ndarray]:
    """Columns of facts per facility (id, region, kind index, filed_on, revoked_on) from eldercare
    Facility objects, far-future dates standing for "never"."""
    kinds = [k.name for k in FacilityKind]

    def day(value: Any) -> np.datetime64:
        return np.datetime64(str(value), "D") if value is not None else FAR_FUTURE

    return {
        "id": np.asarray([f.id for f in facilities], dtype=object),
        "region": np.asarray([int(str(f.region)) for f in facilities], dtype=np.int64),
        "kind": np.asarray([kinds.index(f.kind) for f in facilities], dtype=np.int64),
        "filed_on": np.asarray([day(f.filing.filed_on) if f.filing else NEVER for f in facilities]),
        "revoked_on": np.asarray([day(f.filing.revoked_on) if f.filing else FAR_FUTURE for f in facilities]),
    }


@dataclass
class Cases:
    """A population in eldercare's flat schema: persons and a separate stays table (dicts of numpy columns)."""

    persons: Dict[str, np.ndarray]
    stays: Dict[str, np.ndarray]
    facilities: list  # eldercare Facility objects

    def __len__(self) -> int:
        return len(self.persons["id"])


def _uniform_days(rng: np.random.Generator, first: np.datetime64, last: np.datetime64, n: int) -> np.ndarray:
    span = int((last - first).astype(np.int64)) + 1
    return first + rng.integers(0, span, n).astype("timedelta64[D]")


def generate(rows: int, seed: int = 0, shares: Optional[Mapping[str, float]] = None) -> Cases:
    """`rows` Xicheng elders drawn with numpy (reproducible for a seed)."""
    shares = dict(CALIBRATED_STAY_SHARES if shares is None else shares)
    rng = np.random.default_rng(seed)
    ids = np.arange(rows, dtype=np.int64)
    # Ages 55-100 on AS_OF, 3% under 60 so that the age test is crossed during the year.
    young = rng.random(rows) < 0.03
    age_years = np.where(young, rng.integers(55, 60, rows), rng.integers(60, 101, rows))
    birth = (
        AS_OF - (age_years * 365.2425).astype("timedelta64[D]") - rng.integers(0, 365, rows).astype("timedelta64[D]")
    )
    draw = rng.random(rows)
    hukou = np.where(draw < 0.05, 110104, np.where(draw < 0.98, 110102, np.where(draw < 0.99, 110101, 110105)))

    tier_draw = rng.random(rows)
    jjm_cut = shares["jin_ji_meng"]
    eco_cut = jjm_cut + shares["ecological_area"]
    other_cut = eco_cut + shares["other"]
    with_stays = np.flatnonzero(tier_draw < other_cut)
    first_tier = np.where(tier_draw[with_stays] < jjm_cut, 0, np.where(tier_draw[with_stays] < eco_cut, 1, 2))
    count_draw = rng.random(len(with_stays))
    stay_count = np.where(count_draw < 0.8, 1, np.where(count_draw < 0.9, 2, 3))

    def pick_facility(tier: np.ndarray) -> np.ndarray:
        n = len(tier)
        jjm = np.where(rng.random(n) < 0.8, rng.choice(_JIN_JI_MENG_FILED, n), rng.choice(_JIN_JI_MENG_OTHER, n))
        return np.where(
            tier == 0, jjm, np.where(tier == 1, rng.choice(_ECOLOGICAL_AREA, n), rng.choice(_OTHER_BEIJING, n))
        )

    person_rows, facility, admitted, discharged = [], [], [], []
    tier = first_tier
    admit = _uniform_days(rng, AS_OF - np.timedelta64(5 * 365, "D"), AS_OF + np.timedelta64(182, "D"), len(with_stays))
    active = np.ones(len(with_stays), dtype=bool)
    for k in range(3):  # stay k of each person who has at least k + 1 stays
        active = stay_count > k
        last = stay_count == k + 1
        ongoing = last & (rng.random(len(with_stays)) < 0.7)
        length = rng.integers(30, 750, len(with_stays)).astype("timedelta64[D]")
        out = np.where(ongoing, np.datetime64("NaT"), admit + length)
        person_rows.append(with_stays[active])
        facility.append(pick_facility(tier)[active])
        admitted.append(admit[active])
        discharged.append(out[active])
        # The next stay: the discharge day itself (a transfer) 40%, after 1-30 days 30%, after 31-330 days 30%.
        gap_draw = rng.random(len(with_stays))
        gap = np.where(
            gap_draw < 0.4,
            0,
            np.where(gap_draw < 0.7, rng.integers(1, 31, len(with_stays)), rng.integers(31, 331, len(with_stays))),
        )
        admit = np.where(ongoing, admit, admit + length + gap.astype("timedelta64[D]"))
        # 30% of later stays are in the other tier (津冀蒙 <-> 生态涵养区).
        switch = (tier < 2) & (rng.random(len(with_stays)) < 0.3)
        tier = np.where(switch, 1 - tier, tier)

    stay_person = np.concatenate(person_rows)
    order = np.argsort(stay_person, kind="stable")
    ids_text = np.asarray([f[0] for f in FACILITIES], dtype=object)
    stays = {
        "person_id": ids[stay_person[order]],
        "facility": ids_text[np.concatenate(facility)[order]],
        "admitted": np.concatenate(admitted)[order].astype("datetime64[D]"),
        "discharged": np.concatenate(discharged)[order].astype("datetime64[D]"),
    }
    # Half of those in a facility at the start of the year live where it is; the others at home.
    residence = hukou.copy()
    persons = {
        "id": ids,
        "birth_date": birth.astype("datetime64[D]"),
        "hukou_region": hukou.astype(np.int64),
        "residence_region": residence.astype(np.int64),
    }
    return Cases(persons, stays, eldercare_facilities())


def openfisca_inputs(
    persons: Mapping[str, Any], stays: Mapping[str, Any], facilities: Sequence[Any]
) -> Dict[str, np.ndarray]:
    """The OpenFisca input variables (name -> array, one value per person) of a flat-schema
    population: persons (id, birth_date, hukou_region) and a stays table (person_id, facility,
    admitted, discharged with NaT while ongoing). Each person's stays go into slots 1, 2, ... in the
    table's order, with their facility's facts copied in. Vectorised: a join and a scatter."""
    ids = np.asarray(persons["id"])
    n = len(ids)
    out: Dict[str, np.ndarray] = {
        "birth_date": np.asarray(persons["birth_date"], dtype="datetime64[D]"),
        "hukou_region": np.asarray(persons["hukou_region"], dtype=np.int64).astype(np.int32),
    }
    table = facility_table(facilities)
    person_of_stay = np.asarray(stays["person_id"])
    sorter = np.argsort(ids, kind="stable")
    row = sorter[np.searchsorted(ids, person_of_stay, sorter=sorter)]
    if len(row) and not np.array_equal(ids[row], person_of_stay):
        bad = int(np.flatnonzero(ids[row] != person_of_stay)[0])
        raise ValueError(f"stays.person_id[row {bad}] = {person_of_stay[bad]!r}: no person with this id")
    fac_ids = table["id"]
    fac_sorter = np.argsort(fac_ids)
    stay_facility = np.asarray(stays["facility"], dtype=object)
    fac = fac_sorter[np.searchsorted(fac_ids, stay_facility, sorter=fac_sorter).clip(0, len(fac_ids) - 1)]
    if len(fac) and not np.array_equal(fac_ids[fac], stay_facility):
        bad = int(np.flatnonzero(fac_ids[fac] != stay_facility)[0])
        raise ValueError(f"stays.facility[row {bad}] = {stay_facility[bad]!r}: not a known facility")
    # The slot of each stay: its rank among the same person's stays, in table order.
    order = np.argsort(row, kind="stable")
    sorted_rows = row[order]
    first_of_person = np.searchsorted(sorted_rows, sorted_rows, side="left")
    slot = np.empty(len(row), dtype=np.int64)
    slot[order] = np.arange(len(row)) - first_of_person
    if len(slot) and slot.max() >= MAX_STAYS:
        bad = int(np.flatnonzero(slot >= MAX_STAYS)[0])
        raise ValueError(
            f"stays.person_id[row {bad}] = {person_of_stay[bad]!r}: "
            f"more than MAX_STAYS = {MAX_STAYS} stays for one person"
        )
    discharged = np.asarray(stays["discharged"], dtype="datetime64[D]")
    stay_columns = {
        "admitted": np.asarray(stays["admitted"], dtype="datetime64[D]"),
        "discharged": np.where(np.isnat(discharged), FAR_FUTURE, discharged),
        "facility_region": table["region"][fac].astype(np.int32),
        "facility_kind": table["kind"][fac],
        "facility_filed_on": table["filed_on"][fac],
        "facility_revoked_on": table["revoked_on"][fac],
    }
    defaults = {
        "admitted": FAR_FUTURE,
        "discharged": FAR_FUTURE,
        "facility_region": 0,
        "facility_kind": 0,
        "facility_filed_on": NEVER,
        "facility_revoked_on": FAR_FUTURE,
    }
    for k in range(MAX_STAYS):
        in_slot = slot == k
        for column, values in stay_columns.items():
            array = np.full(n, defaults[column], dtype=values.dtype)
            array[row[in_slot]] = values[in_slot]
            out[stay_variable_name(k + 1, column)] = array
    return out


def cases_from_arrow(table: Any, facilities: Sequence[Any]) -> Cases:
    """A flat-schema pyarrow Table (stays as a list column of {facility, admitted, discharged}, as
    ``Population.to_arrow()`` writes it) as Cases: the person columns the rule reads and a stays
    table, split with pyarrow's vectorised list functions."""
    import pyarrow.compute as pc

    persons = {
        "id": np.asarray(table.column("id").to_numpy(zero_copy_only=False)),
        "birth_date": np.asarray(table.column("birth_date").to_numpy(zero_copy_only=False), dtype="datetime64[D]"),
        "hukou_region": np.asarray(table.column("hukou_region").to_numpy(), dtype=np.int64),
        "residence_region": np.asarray(table.column("residence_region").to_numpy(), dtype=np.int64),
    }
    stays: Dict[str, np.ndarray] = {
        "person_id": persons["id"][:0],
        "facility": np.empty(0, dtype=object),
        "admitted": np.empty(0, dtype="datetime64[D]"),
        "discharged": np.empty(0, dtype="datetime64[D]"),
    }
    if "stays" in table.column_names:
        lists = table.column("stays").combine_chunks()
        parents = np.asarray(pc.list_parent_indices(lists).to_numpy(), dtype=np.int64)
        items = pc.list_flatten(lists)

        def dates(field: str) -> np.ndarray:
            return np.asarray(items.field(field).to_numpy(zero_copy_only=False), dtype="datetime64[D]")

        stays = {
            "person_id": persons["id"][parents],
            "facility": np.asarray(items.field("facility").to_numpy(zero_copy_only=False), dtype=object),
            "admitted": dates("admitted"),
            "discharged": dates("discharged"),
        }
    return Cases(persons, stays, list(facilities))


def synthetic_cases(rows: int, seed: int = 0) -> Optional[Cases]:
    """eldercare's synthetic Xicheng population (the C++ benchmark's, docs/calibration.md) as Cases,
    or None when the installed eldercare has no ``synthetic_population``."""
    import eldercare as ec

    if not hasattr(ec, "synthetic_population"):
        return None
    population = ec.synthetic_population(rows, profile="xicheng", seed=seed)
    return cases_from_arrow(population.to_arrow(), list(population.facilities))
