"""Residency in Python (docs/concepts/residency.md): hukou and residence are separate fields."""
import eldercare as ec
from eldercare.conditions import hukou_in, lives_in, lives_rural

# [start:person]
elder = ec.Person("p1", "1941-05-01",
                  hukou=ec.Hukou("110104", since="1980-03-01"),       # 户籍 (old Xuanwu code)
                  residence=ec.Residence("131082", rural=True))       # 居住地: a village in Hebei
registered = hukou_in(ec.regions.XICHENG)                              # legacy codes read as successor
as_recorded = hukou_in(ec.regions.XICHENG, legacy="as_recorded")
# [end:person]
assert registered.holds(elder, "2024-06-30")
assert not as_recorded.holds(elder, "2024-06-30")
assert lives_in(ec.regions.jin_ji_meng()).holds(elder, "2024-06-30")
assert lives_rural().holds(elder, "2024-06-30")
moved = ec.Person("p2", "1941-05-01", hukou="110102", residence="110102")
assert registered.holds(moved, "2024-06-30") and not lives_rural().holds(moved, "2024-06-30")

try:
    ec.Person("p3", "1941-05-01", hukou=ec.Hukou("110102", since="1930-01-01"), residence="110102")
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id == ec.ErrorId.INVALID_PERSON, rejected
