"""How-to: cost a reform. Xicheng's cross-region care subsidy (600 yuan a month after three months in
a filed 津冀蒙 institution) is raised to 800 yuan and limited to elders aged 70 and over; the reform is
costed over the bundled sample population on one date and over a year of payments, and every figure
is checked against another path (per-person decisions, schedules, the simulation)."""

import datetime

# [start:population]
import eldercare as ec
from eldercare.conditions import age_at_least

population = ec.sample_population()  # 324 invented persons, with the 15 facilities of their stays
frame = ec.sample_population(as_frame=True)  # the same as a DataFrame: categories as words, [] for no stays
# [end:population]
assert len(population) == len(frame) == 324
facilities = population.facilities

# [start:reform]
base_id = "cn.beijing.xicheng.cross_region_care"
reform = ec.reform(
    base_id,
    amounts={"jin_ji_meng": 800},  # yuan per the grant's own period (a month)
    add_conditions={"jin_ji_meng": age_at_least(70)},  # the rule asks 60 周岁; the reform 70
    effective_from="2024-07-01",  # before it, the base rules apply unchanged
)
for version in reform.versions:
    print(version.label, version.effective_from, [str(r.grant) for r in version.rules])
# [end:reform]
assert [v.label for v in reform.versions][-1] == "2023 reform"
assert str(reform.versions[-1].rules[0].grant) == "800.00 yuan per month"

# [start:compare_on_a_date]
on_a_date = ec.compare(base_id, reform, population, "2024-07-31", facilities)
print(on_a_date)  # cost per month before and after, gainers, losers
print(on_a_date.by_rule())  # the cost change by the rule that made the difference
changed = on_a_date.persons[on_a_date.persons["change"] != "unchanged"]
print(changed[["id", "baseline_fen", "reform_fen", "delta_fen", "rule", "change"]].head())
# [end:compare_on_a_date]
summary = on_a_date.summary
assert summary["cost_delta_fen"] == int(on_a_date.persons["delta_fen"].sum())
assert summary["gainers"] + summary["losers"] + summary["unchanged"] == len(population)
assert summary["gainers"] > 0 and summary["losers"] > 0, summary  # the sample has both kinds
# Every row agrees with evaluating the two policies for that person alone.
base_policy = ec.catalog.policy(base_id)
for row in on_a_date.persons.itertuples():
    person = population.person(row.id)
    on = datetime.date(2024, 7, 31)
    assert row.baseline_fen == ec.evaluate(base_policy, person, on, facilities).amount_fen, row.id
    assert row.reform_fen == ec.evaluate(reform, person, on, facilities).amount_fen, row.id

# [start:compare_over_a_year]
# Money actually paid month by month (schedules: the test day, arrears, the reform date); eligibility,
# the granting rules, gainers and losers judged over the whole year.
year = ec.compare(base_id, reform, population, period=2024)
print(year)
print(year.by_month())  # baseline and reform paid, month by month
print(year.by_group("age_band"))  # or "district", "prefecture", "category", any population column
# [end:compare_over_a_year]
months = year.by_month()
assert int(months["delta_fen"].sum()) == year.summary["cost_delta_fen"]
assert int(months.loc[months["month"] < "2024-07", "delta_fen"].abs().sum()) == 0  # the reform starts in July
assert int(year.by_group("age_band")["delta_fen"].sum()) == year.summary["cost_delta_fen"]

# [start:schedule_one_person]
gainer = year.persons.loc[year.persons["change"] == "gainer", "id"].iloc[0]
print(year.explain(gainer))  # in words: the months, the amounts, the rule and what the reform changed
paid = ec.schedule(reform, population.person(gainer), "2024-01-01", "2024-12-31", facilities)
print(paid.to_frame())  # one line per month: the day tested, eligible, amount, arrears
# [end:schedule_one_person]
assert paid.total_fen == int(year.persons.set_index("id").loc[gainer, "reform_fen"])
assert "800.00 yuan per month instead of 600.00 yuan per month" in year.explain(gainer)

# [start:simulate]
# The baseline as `eldercare simulate` runs it, month by month over the same year.
baseline_run = ec.simulate.simulate(population.persons(), facilities, "2024-01-01", 12, ids=[base_id])
print(baseline_run.table())
# [end:simulate]
simulated_fen = int(baseline_run.summary.set_index("policy").loc[base_id, "total_fen"])
assert simulated_fen == year.summary["baseline_cost_fen"], (simulated_fen, year.summary)
# Before 2024-07-01 the reform pays exactly what the base pays, month by month.
base_months = ec.schedule_population(base_id, population, "2024-01-01", "2024-06-30", facilities, wide=True)
reform_months = ec.schedule_population(reform, population, "2024-01-01", "2024-06-30", facilities, wide=True)
assert (base_months.to_numpy() == reform_months.to_numpy()).all()

# [start:synthetic]
# The analyst's question of issue 14 on 200,000 synthetic Xicheng elders: 600 → 800 yuan and a stay of
# 2 months instead of 3, over 2024.
synthetic = ec.synthetic_population(200_000, profile="xicheng", seed=1)  # carries its facilities
analyst = ec.reform(base_id, amounts={"jin_ji_meng": 800}, months={"jin_ji_meng": 2})
big = ec.compare(base_id, analyst, synthetic, period=2024)
print(big)
print(big.by_month()[["month", "baseline_fen", "reform_fen", "delta_fen", "gainers"]])
earlier = big.persons[big.persons["baseline_first_month"] != big.persons["reform_first_month"]]
print(big.explain(earlier["id"].iloc[0]))  # "paid from 2024-05 instead of 2024-06: ..."
# [end:synthetic]
simulated = ec.simulate_population(base_id, synthetic, "2024-01-01", 12)
assert simulated.total_fen == big.summary["baseline_cost_fen"]
assert (simulated.by_month["amount_fen"].to_numpy() == big.by_month()["baseline_fen"].to_numpy()).all()
assert "instead of" in big.explain(earlier["id"].iloc[0]) and big.summary["newly_eligible"] > 0
