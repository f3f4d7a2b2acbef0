"""Ability levels in Python (docs/concepts/ability.md)."""
import eldercare as ec
from eldercare.conditions import ability_at_least, disability_at_least

# [start:ability]
assessed = ec.Assessment(ec.AbilityLevel.SEVERE, "2024-03-01", valid_until="2025-02-28", raw_score=40)
card = ec.DisabilityCertificate("multiple", 1, components=[("intellectual", 2)])   # 多重残疾 一级
elder = ec.Person("p1", "1940-01-01", hukou="110102", residence="110102", ability=assessed, disability=card)
needs_care = ability_at_least(ec.AbilityLevel.SEVERE)                              # 重度失能及以上
grade_two = disability_at_least(["intellectual", "mental"], 2)                     # 二级智力/精神及以上
# [end:ability]
assert ec.AbilityLevel.SEVERE.short_label == "重度失能"
assert needs_care.holds(elder, "2024-06-30")
assert not needs_care.holds(elder, "2025-03-01")      # the assessment has expired
assert grade_two.holds(elder, "2024-06-30")
assert card.shows("intellectual", 2) and not card.shows("physical", 4)

try:
    ec.Assessment(5, "2024-03-01")
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id == ec.ErrorId.INVALID_ABILITY
