"""Policies in Python (docs/concepts/policies.md): rules, versions, combination."""
import eldercare as ec
from eldercare.conditions import age_at_least, hukou_in

# [start:policy]
source = ec.Citation("《北京市老年人养老服务补贴津贴管理实施办法》", "高龄老年人津贴",
                     "80-89周岁100元，90-99周岁500元，100周岁及以上800元", effective_from="2019-10-01")
beijing = hukou_in(ec.regions.BEIJING)
tiers = [ec.Rule("age_100", "100 周岁 and over", beijing & age_at_least(100), ec.money_per_month(yuan=800),
                 citation=source),
         ec.Rule("age_90", "90-99 周岁", beijing & age_at_least(90), ec.money_per_month(yuan=500), citation=source),
         ec.Rule("age_80", "80-89 周岁", beijing & age_at_least(80), ec.money_per_month(yuan=100), citation=source)]
policy = ec.Policy("example.beijing.advanced_age", "高龄老年人津贴 (example)",
                   [ec.PolicyVersion("2019", "2019-10-01", tiers, combine="first_match", citation=source)])
# [end:policy]
elder = ec.Person("p1", "1933-08-15", hukou="110101", residence="110101")
d = policy.evaluate(elder, "2024-06-30")
assert d.eligible and d.amount_fen == 50000 and list(d.granting_rules) == ["age_90"]
assert policy.version_on("2019-09-30") is None and policy.version_on("2024-06-30").label == "2019"
summed = ec.Policy("example.sum", "sum", [ec.PolicyVersion("2019", "2019-10-01", tiers, combine="sum")])
assert summed.evaluate(ec.Person("p2", "1920-01-01", hukou="110101", residence="110101"),
                       "2024-06-30").amount_fen == 140000

# The same policy from the catalog, built from its own metadata:
catalog_policy = ec.catalog.policy("cn.beijing.elderly_allowances.advanced_age")
assert ec.evaluate(catalog_policy, elder, "2024-06-30").amount_fen == 50000

try:
    ec.Policy("example.overlap", "overlap", [ec.PolicyVersion("2019", "2019-10-01", tiers),
                                             ec.PolicyVersion("2023", "2023-01-01", tiers)])
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id == ec.ErrorId.INVALID_PARAMETER
assert rejected.field == "example.overlap.versions[2023].effective_from", rejected.field
