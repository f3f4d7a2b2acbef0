"""Decisions in Python (docs/concepts/decisions.md)."""
import datetime

import eldercare as ec

facilities = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01"))]
elder = ec.Person("p1", "1941-05-01", hukou="110104", residence="131082", stays=[ec.Stay("F1", "2023-02-28")])
# [start:decision]
d = ec.catalog.evaluate("cn.beijing.xicheng.cross_region_care", elder, "2023-05-27", facilities)
eligible = d.eligible                       # False: one day short of 3 months
when = d.would_be_eligible_on               # datetime.date(2023, 5, 28)
text = d.explain()                          # the same text as C++ explain(d); print(d) shows it too
row = d.to_dict()                           # for JSON and DataFrames
# [end:decision]
assert not eligible and when == datetime.date(2023, 5, 28)
assert d.first_failing_condition.startswith("continuous stay of 3 months")
assert "would be met on 2023-05-28" in text and "legacy code read as 110102 西城区" in text
assert row["eligible"] is False
later = ec.catalog.evaluate("cn.beijing.xicheng.cross_region_care", elder, "2023-05-28", facilities)
assert later.eligible and later.amount_fen == 60000 and list(later.granting_rules) == ["jin_ji_meng"]
assert str(later) == later.explain()

enrolled = ec.Person("w1", "1950-01-01", hukou="371082", residence="371082", programmes=["weihai.virtual_platform"])
early = ec.catalog.evaluate("cn.shandong.weihai.platform_phone_subsidy", enrolled, "2022-10-14")
assert early.status == "undetermined" and not early.eligible
assert early.status_note.startswith("scheme known from 2022-10-15; earlier dates undetermined")

try:
    ec.catalog.evaluate("cn.beijing.nowhere", elder, "2023-05-28", facilities)
    missing = None
except ec.PolicyLookupError as e:
    missing = e
assert missing is not None and missing.error_id == ec.ErrorId.UNKNOWN_POLICY
