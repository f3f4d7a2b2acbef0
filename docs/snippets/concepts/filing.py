"""Facilities and filing in Python (docs/concepts/filing.md)."""
import eldercare as ec
from eldercare.conditions import continuous_stay_at_least

# [start:filing]
late = ec.Facility("F2", "131082", kind="institution", beds=60,
                   filing=ec.Filing("131082", "2023-03-01"))          # filed after admitting elders
elder = ec.Person("p1", "1941-05-01", hukou="110102", residence="131082",
                  stays=[ec.Stay("F2", "2023-01-10")])
strict = continuous_stay_at_least(3, regions=ec.regions.jin_ji_meng())  # days before filing not counted
lenient = continuous_stay_at_least(3, regions=ec.regions.jin_ji_meng(), before_filing="counted")
# [end:filing]
assert not late.filed_on("2023-02-01") and late.filed_on("2023-03-01")
assert not strict.holds(elder, "2023-04-30", [late])
assert strict.holds(elder, "2023-06-01", [late])
assert lenient.holds(elder, "2023-04-30", [late])
assert ec.Filing("131082", "2019-03-01", revoked_on="2024-01-01").in_force_on("2023-12-31")

try:
    ec.Filing("131082", "2024-01-01", revoked_on="2023-01-01")
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id == ec.ErrorId.INVALID_FACILITY
