"""Rationale: readings are explicit parameters. An open question of a source is a named reading with
documented choices; each evaluation may choose; the sensitivity analysis shows what depends on it.
The checks tie the sensitivity report to plain evaluations of the same population."""

import eldercare as ec

cases = ec.io.load_cases(ec.simulate.sample_population_path())
population = ec.Population(cases.persons, facilities=cases.facilities)
lunch = "cn.shandong.rongcheng.rural_free_lunch"

# [start:definition]
question = ec.catalog.reading("rongcheng.age_reference")
print(question.question)  # Is 80周岁以上 tested on the day, or once a year?
print(question.values, question.default, question.provenance)  # the choices; 'on_the_day' 'assumed'
print(question.rationale)  # why the default
# [end:definition]
assert question.default in question.values and question.provenance == "assumed"

# [start:choose]
# Readings combine: here every Rongcheng village is taken to have a canteen (by default only elders
# registered with one count: the canteens cover 65% of villages), and the age is tested on the day or
# on 1 January.
everywhere = {"rongcheng.canteen_coverage": "assumed_available"}
on_the_day = ec.evaluate_population(lunch, population, "2024-12-31", cases.facilities, readings=everywhere)
by_january_1 = ec.evaluate_population(
    lunch,
    population,
    "2024-12-31",
    cases.facilities,
    readings={**everywhere, "rongcheng.age_reference": "by_january_1"},
)
print(int(on_the_day["eligible"].sum()), int(by_january_1["eligible"].sum()))  # persons given a lunch
# [end:choose]
differ = set(on_the_day.loc[on_the_day["eligible"] != by_january_1["eligible"], "id"])
assert differ, "the sample has a Rongcheng villager who turns 80 in 2024 after 1 January"

# [start:sensitivity]
report = ec.catalog.sensitivity(lunch, population, "2024-12-31", cases.facilities)
print(report)  # every combination of the entry's readings, and which persons' outcomes depend on them
print(report.to_frame("effects")[["reading", "values", "persons_affected"]])
# [end:sensitivity]
assert "rongcheng.age_reference" in report.readings
assert differ <= set(report.undecided_person_ids)
effects = report.to_frame("effects").set_index("reading")
assert effects.loc["rongcheng.age_reference", "persons_affected"] >= len(differ)
