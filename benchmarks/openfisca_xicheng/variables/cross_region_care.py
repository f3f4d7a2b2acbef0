"""The subsidy: 600 yuan a month after a full three months in a filed institution in 津冀蒙 (2020),
and from the 2023 revision 200 yuan a month after three months in an institution of Beijing's
生态涵养区, filed or not (xicheng.eco_filing = not_required); the higher tier is paid (eldercare: the
versions combine by `highest`). The 当地 test of the filing's department (xicheng.filing_authority =
same_province) is not modelled: in the benchmark population every facility files with its own county.

Readings are eldercare's defaults (docs/policies/cn.beijing.xicheng.cross_region_care.md):
the month is tested on its last day and paid that month (xicheng.first_paid_month =
completion_month), no back pay, each tier counts only its own institutions (xicheng.tier_transfer =
separate), no gaps tolerated (stay.gaps = none), transfers keep the clock running (stay.transfers =
continues), days before a filing do not count (stay.before_filing = not_counted), Civil Code
counting (stay.counting = civil_code).
"""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from openfisca_xicheng.civil_calendar import FAR_FUTURE, add_months_civil
from openfisca_xicheng.entities import Person
from openfisca_xicheng.regions import in_ecological_area, in_jin_ji_meng
from openfisca_xicheng.stay_slots import MAX_STAYS, FacilityKind, stay_variable_name

ONE_DAY = np.timedelta64(1, "D")


def continuous_stay_complete(person, period, parameters, in_tier, filed: bool = True) -> np.ndarray:
    """In a (filed, when `filed`) institution of the tier on the month's last day, in a continuous run
    of such stays that began at least `stay_months` months before (Civil Code: the first day is not
    counted, the run is complete on the corresponding day; art. 202 for a month without it).

    When `filed`, each slot's stay counts only while its facility's filing is in force (clipped to
    the filing and revocation days); counted stays, ordered by their first counted day, join into one run when
    the next starts at the latest the day after the run's last day (a transfer, or a same-day
    readmission); any whole day outside care starts a new run. Vectorised over persons; the loops
    run over the MAX_STAYS slots.
    """
    test_day = np.datetime64(period.stop.date, "D")
    months = parameters(period).cross_region_care.eligibility.stay_months
    # Only persons with a stay can pass; computing on them alone (fancy indexing, then a scatter
    # back) keeps the formula vectorised and spares OpenFisca the work on the ~97% without stays.
    slot_value = {}
    for slot in range(1, MAX_STAYS + 1):
        for name in (
            "admitted",
            "discharged",
            "facility_region",
            "facility_kind",
            "facility_filed_on",
            "facility_revoked_on",
        ):
            slot_value[slot, name] = person(stay_variable_name(slot, name), period)
    with_stay = np.flatnonzero(slot_value[1, "admitted"] < FAR_FUTURE)
    starts, ends = [], []
    for slot in range(1, MAX_STAYS + 1):
        admitted = slot_value[slot, "admitted"][with_stay]
        discharged = slot_value[slot, "discharged"][with_stay]
        if filed:
            filed_on = slot_value[slot, "facility_filed_on"][with_stay]
            counted_from = np.maximum(admitted, filed_on)
            counted_to = np.minimum(discharged, slot_value[slot, "facility_revoked_on"][with_stay] - ONE_DAY)
            is_filed = filed_on < FAR_FUTURE
        else:
            counted_from, counted_to, is_filed = admitted, discharged, True
        counts = (
            in_tier(slot_value[slot, "facility_region"][with_stay])
            * (slot_value[slot, "facility_kind"][with_stay] == FacilityKind.institution)
            * is_filed
            * (counted_to >= counted_from)
            * (counted_from <= test_day)
        )
        starts.append(np.where(counts, counted_from, FAR_FUTURE))
        ends.append(np.where(counts, counted_to, FAR_FUTURE))
    starts, ends = np.stack(starts, axis=1), np.stack(ends, axis=1)
    order = np.argsort(starts, axis=1, kind="stable")
    starts = np.take_along_axis(starts, order, axis=1)
    ends = np.take_along_axis(ends, order, axis=1)

    count = len(with_stay)
    in_run = np.zeros(count, dtype=bool)
    run_start = np.full(count, FAR_FUTURE)
    run_end = np.full(count, FAR_FUTURE)
    for k in range(MAX_STAYS):
        counts = starts[:, k] < FAR_FUTURE
        joins = in_run * (starts[:, k] <= run_end + ONE_DAY)
        new_run = counts * ~joins
        run_start = np.where(new_run, starts[:, k], run_start)
        run_end = np.where(new_run, ends[:, k], np.where(counts * joins, np.maximum(run_end, ends[:, k]), run_end))
        in_run = in_run + counts
    in_care_on_test_day = in_run * (run_end >= test_day)
    complete = np.zeros(person.count, dtype=bool)
    complete[with_stay] = in_care_on_test_day * (add_months_civil(run_start, months) <= test_day)
    return complete


class jin_ji_meng_stay_complete(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.MONTH
    label = "满三个月 in a filed institution in 津冀蒙 on the month's last day"
    reference = "seeds/000_c316a80b4f0fd0a0.txt"

    def formula(person, period, parameters):
        return continuous_stay_complete(person, period, parameters, in_jin_ji_meng)


class ecological_area_stay_complete(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.MONTH
    label = "满3个月 in an institution of Beijing's 生态涵养区 on the month's last day (filed or not)"
    reference = "seeds/000_c316a80b4f0fd0a0.txt"

    def formula(person, period, parameters):
        return continuous_stay_complete(person, period, parameters, in_ecological_area, filed=False)


class cross_region_care(Variable):
    value_type = float
    entity = Person
    definition_period = DateUnit.MONTH
    unit = "currency-CNY"
    label = "西城区户籍老年人赴津冀蒙异地康养扶持: yuan paid for the month"
    reference = "seeds/000_c316a80b4f0fd0a0.txt"

    def formula_2020_06_01(person, period, parameters):
        tiers = parameters(period).cross_region_care
        elder = person("xicheng_elder", period)
        return elder * person("jin_ji_meng_stay_complete", period) * tiers.jin_ji_meng.amount

    def formula_2023_01_01(person, period, parameters):
        tiers = parameters(period).cross_region_care
        elder = person("xicheng_elder", period)
        jin_ji_meng = person("jin_ji_meng_stay_complete", period) * tiers.jin_ji_meng.amount
        ecological_area = person("ecological_area_stay_complete", period) * tiers.ecological_area.amount
        return elder * np.maximum(jin_ji_meng, ecological_area)
