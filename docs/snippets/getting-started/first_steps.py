"""Getting started (Python): a catalog decision, a rule of your own, a DataFrame in and out, a
decision's explanation, and the command line, each checked against the others."""

import json
import subprocess
import sys

# [start:import]
import pandas as pd

import eldercare as ec
from eldercare.conditions import age_at_least, enrolled_in, lives_in, lives_rural

# [end:import]

# [start:first_evaluation]
# Rural, and registered with the village's 暖心食堂 (the canteens cover 65% of villages).
elder = ec.Person(
    "rc-1",
    "1942-03-10",
    hukou="371082",
    residence=ec.Residence("371082", rural=True),
    programmes=["rongcheng.warm_canteen"],
)
d = ec.catalog.evaluate("cn.shandong.rongcheng.rural_free_lunch", elder, "2022-03-10")
print(repr(d))  # <Decision cn.shandong.rongcheng.rural_free_lunch for rc-1 on 2022-03-10: eligible for 1 meal per day>
# [end:first_evaluation]
assert d.eligible and d.granted.unit == "meals" and d.granted.quantity == 1, d

# [start:readings]
# Where the text is open, a reading chooses: here, is "80周岁以上" tested once a year on 1 January?
yearly = ec.catalog.evaluate(
    "cn.shandong.rongcheng.rural_free_lunch", elder, "2022-03-10", readings={"rongcheng.age_reference": "by_january_1"}
)
print(yearly.eligible, yearly.would_be_eligible_on)  # False 2023-01-01
# [end:readings]
assert not yearly.eligible and str(yearly.would_be_eligible_on) == "2023-01-01"

# [start:own_rule]
# A rule of your own, from the same conditions the catalog uses, combined with & | ~.
lunch = ec.Rule(
    "free_lunch",
    "a free lunch every day for rural elders aged 80+",
    lives_rural()
    & lives_in(ec.RegionSet("荣成市", ["371082"]))
    & age_at_least(80)
    & enrolled_in("rongcheng.warm_canteen"),
    ec.meals_per_day(1),
)
policy = ec.Policy("example.rongcheng.free_lunch", "荣成市暖心食堂", [ec.PolicyVersion("2021", "2021-05-11", [lunch])])
mine = ec.evaluate(policy, elder, "2022-03-10")
# [end:own_rule]
assert mine.eligible == d.eligible and mine.granted == d.granted

# [start:explanation]
before = ec.catalog.evaluate("cn.shandong.rongcheng.rural_free_lunch", elder, "2022-03-09")
print(before)  # every rule and condition, the facts read, the citation, the date it would be met
print(before.first_failing_condition)  # age ≥ 80 周岁
print(before.would_be_eligible_on)  # 2022-03-10
# [end:explanation]
assert not before.eligible
assert before.first_failing_condition == "age ≥ 80 周岁"
assert str(before.would_be_eligible_on) == "2022-03-10"
assert "为1.5万名80周岁以上农村老人提供免费午餐" in before.explain()

# [start:dataframe]
people = pd.DataFrame(
    {
        "id": ["village-80", "village-79", "town-85", "elsewhere-90"],
        "birth_date": ["1942-03-10", "1943-03-11", "1937-05-01", "1932-01-01"],
        "hukou_region": ["371082", "371082", "371082", "371002"],
        "residence_region": ["371082", "371082", "371082", "371002"],
        "residence_rural": [True, True, False, True],
        "programmes": [["rongcheng.warm_canteen"]] * 4,
    }
)
results = ec.evaluate_population("cn.shandong.rongcheng.rural_free_lunch", people, "2022-06-30")
print(results[["id", "eligible", "quantity", "first_failing_condition"]])
# [end:dataframe]
assert list(results["id"]) == list(people["id"])
assert list(results["eligible"]) == [True, False, False, False]
# Each row agrees with a decision for that person alone.
for row, person in zip(results.itertuples(), ec.Population.of(people).persons()):
    alone = ec.catalog.evaluate("cn.shandong.rongcheng.rural_free_lunch", person, "2022-06-30")
    assert row.eligible == alone.eligible and row.first_failing_condition == alone.first_failing_condition, row

# [start:populations]
sample = ec.sample_population()  # the bundled 324 invented persons, with their facilities
frame = ec.sample_population(as_frame=True)  # the same as a DataFrame: categories as words
synthetic = ec.synthetic_population(200_000, profile="xicheng", seed=1)  # or "beijing", "xian", "weihai", "mixed"
paid = ec.simulate_population("cn.beijing.xicheng.cross_region_care", synthetic, "2024-01-01", 12)
print(len(sample), len(synthetic), ec.format_fen(paid.total_fen), "yuan in 2024")
# A catalog id goes wherever a policy does: evaluate, schedule, populations, compare.
someone = sample.person(0)
print(ec.evaluate("cn.beijing.xicheng.cross_region_care", someone, "2024-06-30", sample.facilities))
# [end:populations]
assert len(frame) == len(sample) == 324 and paid.total_fen > 0
assert all(isinstance(c, list) for c in frame["categories"])

# [start:cli]
# The same population through the command line: write the JSON interchange format, then run
#   eldercare evaluate --policy cn.shandong.rongcheng.rural_free_lunch --on 2022-06-30 cases.json
with open("cases.json", "w", encoding="utf-8") as f:
    json.dump(ec.io.dump_cases(ec.Population.of(people).persons()), f, ensure_ascii=False)
command = ["evaluate", "--policy", "cn.shandong.rongcheng.rural_free_lunch", "--on", "2022-06-30", "cases.json"]
out = subprocess.run([sys.executable, "-m", "eldercare", *command], capture_output=True, text=True, check=True)
# [end:cli]
by_cli = {r["person"]: r["eligible"] for r in json.loads(out.stdout)["results"]}
assert by_cli == dict(zip(results["id"], results["eligible"])), by_cli

# Bad input exits with status 2 and a line naming the field and the value.
bad = subprocess.run(
    [
        sys.executable,
        "-m",
        "eldercare",
        "evaluate",
        "--policy",
        "cn.shandong.rongcheng.rural_free_lunch",
        "--on",
        "2022-02-30",
        "cases.json",
    ],
    capture_output=True,
    text=True,
)
assert bad.returncode == 2 and "2022-02-30" in bad.stderr, bad.stderr
