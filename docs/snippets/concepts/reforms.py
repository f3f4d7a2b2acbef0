"""Reforms in Python (docs/concepts/reforms.md): reform() derives a policy, compare() costs it."""
import pandas as pd

import eldercare as ec
from eldercare.conditions import in_category

people = pd.DataFrame({"id": ["a", "b"], "birth_date": ["1945-06-15", "1935-01-01"],
                       "hukou_region": [110102, 110102], "residence_region": [131082, 131082],
                       "categories": [["dibao"], []],
                       "stays": [[{"facility": "F1", "admitted": "2023-02-28"}],
                                 [{"facility": "F1", "admitted": "2023-02-28"}]]})
facilities = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01"))]
# [start:reform]
baseline = "cn.beijing.xicheng.cross_region_care"
means_tested = {"jin_ji_meng": in_category("dibao", "low_income")}       # 低保 or 低收入 only
richer = ec.reform(baseline, amounts={"jin_ji_meng": 800}, add_conditions=means_tested)  # and 800 yuan
result = ec.compare(baseline, richer, people, "2024-06-30", facilities)
cost = result.summary["cost_delta_fen"]                                     # +200 − 600 yuan a month
per_person = result.persons                                                 # a DataFrame, one row each
# [end:reform]
assert cost == 80000 - 2 * 60000, cost
assert result.summary["gainers"] == 1 and result.summary["losers"] == 1
assert sorted(per_person["change"]) == ["gainer", "loser"]
# [start:readings]
back_pay = ec.catalog.reading("xicheng.back_pay")                           # an open question, named
lenient = ec.reform(baseline, readings={"stay.before_filing": "counted"})   # the same rules, another reading
# [end:readings]
assert back_pay.default in back_pay.values
assert [v.label for v in lenient.versions] == ["2020", "2023"]

try:
    ec.reform(baseline, amounts={"no_such_rule": 800})
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and "no_such_rule" in str(rejected)
