"""Stays in Python (docs/concepts/stays.md)."""
import eldercare as ec
from eldercare.conditions import continuous_stay_at_least, in_facility, lives_at_home

facilities = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01"))]
# [start:stays]
hospital = [ec.Stay("F1", "2023-02-28", "2023-04-01"), ec.Stay("F1", "2023-04-09")]  # a week away
elder = ec.Person("p1", "1941-05-01", hukou="110102", residence="131082", stays=hospital)
strict = continuous_stay_at_least(3, regions=ec.regions.jin_ji_meng())               # any gap breaks
tolerant = continuous_stay_at_least(3, regions=ec.regions.jin_ji_meng(), max_gap_days=7)
# [end:stays]
assert not strict.holds(elder, "2023-06-30", facilities)       # the clock restarted on 2023-04-09
assert strict.holds(elder, "2023-07-09", facilities)
assert tolerant.holds(elder, "2023-06-30", facilities)
assert in_facility(ec.regions.jin_ji_meng()).holds(elder, "2023-06-30", facilities)
assert lives_at_home().holds(elder, "2023-04-05", facilities)
reasons = strict.explain(elder, "2023-06-30", facilities)
assert reasons[0].met_on is not None and reasons[0].met_on.isoformat() == "2023-07-09"

try:
    ec.Stay("F1", "2023-05-01", "2023-04-01")
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id == ec.ErrorId.INVALID_STAY
