"""How-to: read an explanation. A Xicheng elder three months less a day into a stay in a filed
Hebei institution: the decision's text, then the same content as data, piece by piece; the first
failing condition; the date a duration would be met (checked by evaluating on that date); HTML and
JSON. The text must equal read_an_explanation.txt beside this file, which the page shows."""

import json
import pathlib

# [start:decide]
import eldercare as ec

facilities = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01"))]  # 三河市, Hebei
elder = ec.Person("p1", "1941-05-01", hukou="110102", residence="131082", stays=[ec.Stay("F1", "2023-02-28")])
d = ec.catalog.evaluate("cn.beijing.xicheng.cross_region_care", elder, "2023-05-27", facilities)
print(d)  # the same text as d.explain()
# [end:decide]
expected = pathlib.Path(__file__).with_name("read_an_explanation.txt").read_text(encoding="utf-8")
assert d.explain() == expected, "the explanation changed: update read_an_explanation.txt and the page\n" + d.explain()

# [start:headline]
print(d.policy_id, d.version_label, d.combine)  # cn.beijing.xicheng.cross_region_care 2023 highest
print(d.eligible, d.granted, d.amount_fen)  # False None 0
# [end:headline]
assert (d.version_label, d.combine, d.eligible, d.granted, d.amount_fen) == ("2023", "highest", False, None, 0)

# [start:rules]
for r in d.rules:
    print(r.rule_id, r.eligible, r.grant, r.would_be_met_on)
    print("   ", r.citation.document, r.citation.key_phrase)
# jin_ji_meng False 600.00 yuan per month 2023-05-28
# ecological_area False 200.00 yuan per month None
# [end:rules]
assert [(r.rule_id, r.eligible) for r in d.rules] == [("jin_ji_meng", False), ("ecological_area", False)]
assert str(d.rules[0].would_be_met_on) == "2023-05-28" and d.rules[1].would_be_met_on is None

# [start:reasons]
for reason in d.rules[0].reasons:
    print("  " * reason.depth, "✓" if reason.passed else "✗", reason.condition, reason.facts, reason.met_on or "")
# [end:reasons]
stay_reason = d.rules[0].reasons[-1]
assert stay_reason.kind == "leaf" and not stay_reason.passed
assert stay_reason.facts["continuous_stay.since"] == "2023-02-28"
assert stay_reason.facts["complete_on"] == str(stay_reason.met_on) == "2023-05-28"
# Groups come before their parts, and every reason in the data is a line of the text.
assert [r.kind for r in d.rules[0].reasons] == ["all", "all", "leaf", "leaf", "leaf"]
assert all(r.condition in d.explain() for rule in d.rules for r in rule.reasons)

# [start:first_failing]
print(d.first_failing_condition)  # the first leaf that failed, in rule order: what a table shows
# [end:first_failing]
assert d.first_failing_condition == stay_reason.condition

# [start:met_on]
print(d.would_be_eligible_on)  # 2023-05-28: the earliest date some rule would hold if nothing else changes
then = ec.catalog.evaluate("cn.beijing.xicheng.cross_region_care", elder, d.would_be_eligible_on, facilities)
print(then.eligible, then.granted, then.granting_rules)  # True 600.00 yuan per month ('jin_ji_meng',)
# [end:met_on]
assert then.eligible and then.amount_fen == 60000 and then.granting_rules == ("jin_ji_meng",)
# The rule whose failing condition has no date (not in an ecological-area institution) never holds by time.
assert "would be met" not in d.explain().split("rule ecological_area")[1]

# [start:html]
html = d._repr_html_()  # what Jupyter displays: a header row, then one row per condition
pathlib.Path("explanation.html").write_text(html, encoding="utf-8")
# [end:html]
assert html.count("<tr>") == 1 + sum(len(r.reasons) for r in d.rules) and "would be met on 2023-05-28" in html

# [start:json]
record = d.to_dict()  # JSON-ready: what `eldercare evaluate` prints for each person
print(json.dumps(record["rules"][0]["reasons"][-1], ensure_ascii=False, indent=1))
# [end:json]
assert record["would_be_eligible_on"] == "2023-05-28" and record["first_failing_condition"] == d.first_failing_condition

# The page says that under natural-month counting the same stay completes at the end of May.
natural = ec.catalog.evaluate(
    "cn.beijing.xicheng.cross_region_care", elder, "2023-05-27", facilities, readings={"stay.counting": "natural_month"}
)
assert str(natural.would_be_eligible_on) == "2023-05-31", natural.would_be_eligible_on
reading_used = ec.catalog.policy("cn.beijing.xicheng.cross_region_care", {"stay.counting": "natural_month"})
assert ("stay.counting", "natural_month") in [(p.name, p.value) for p in reading_used.versions[-1].rules[0].parameters]
