"""Conditions in Python (docs/concepts/conditions.md): & | ~ over the same leaves as C++."""
import eldercare as ec
from eldercare.conditions import age_at_least, all_of, hukou_in, in_category

elder = ec.Person("p1", "1944-07-01", hukou="110102", residence="110102", categories=["low_income"])
# [start:conditions]
alternatives = age_at_least(80) | in_category("dibao", "low_income")     # either one
condition = hukou_in(ec.regions.XICHENG) & alternatives & ~in_category("tekun")
verdict = condition.holds(elder, "2024-06-30")          # True: low income, though 79
reasons = condition.explain(elder, "2024-06-30")        # every group and leaf, with facts
text = condition.describe()
stricter = age_at_least(80).replace(years=85)      # leaves are values with parameters
# [end:conditions]
assert verdict
assert any(r.condition == "age ≥ 80 周岁" and not r.passed and str(r.met_on) == "2024-07-01" for r in reasons)
assert "hukou in 西城区" in text
assert condition.kind == "all" and [p.kind for p in condition.parts] == ["hukou_in", "any", "not"]
assert stricter.describe() == "age ≥ 85 周岁"
assert all_of(hukou_in(ec.regions.XICHENG), age_at_least(60)).holds(elder, "2024-06-30")
assert age_at_least(80).parameters["years"] == 80

try:
    bool(age_at_least(80))              # `and`/`or` would silently drop a condition
    rejected = None
except TypeError as e:
    rejected = e
assert rejected is not None
try:
    in_category("poor")
    unknown = None
except ec.InvalidValue as e:
    unknown = e
assert unknown is not None and unknown.error_id == ec.ErrorId.INVALID_CATEGORY
