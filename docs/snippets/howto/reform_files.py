"""How-to: reform files (docs/howto/reform-files.md). The example file gives the same reform, and the
same comparison, as the reform built in Python; the command line takes it too."""

import pathlib
import subprocess
import sys

import pandas as pd

# [start:load]
import eldercare as ec
from eldercare.conditions import age_at_least

here = pathlib.Path(__file__).parent
from_file = ec.reform_from_file(here / "xicheng_reform.toml")
print(from_file.id, [str(r.grant) for r in from_file.versions[-1].rules])
print(from_file.versions[-1].rules[0].title)  # the rule says what the reform changed
# [end:load]

# [start:same_in_python]
in_python = ec.reform(
    "cn.beijing.xicheng.cross_region_care",
    id="xicheng.cross_region_care.800_after_2_months",
    title="赴津冀蒙异地康养: 800 yuan after 2 months",
    effective_from="2024-01-01",
    amounts={"jin_ji_meng": 800},
    months={"jin_ji_meng": 2},
    add_conditions={"ecological_area": age_at_least(70)},
)
# [end:same_in_python]
assert [v.label for v in from_file.versions] == [v.label for v in in_python.versions]
assert [r.title for r in from_file.versions[-1].rules] == [r.title for r in in_python.versions[-1].rules]
assert "(reform: amount 600→800, stay 3→2 months)" in from_file.versions[-1].rules[0].title

# [start:compare]
population = ec.sample_population()
base_id = "cn.beijing.xicheng.cross_region_care"
by_file = ec.compare(base_id, from_file, population, period=2024)
print(by_file)
# [end:compare]
by_python = ec.compare(base_id, in_python, population, period=2024)
pd.testing.assert_frame_equal(by_file.persons, by_python.persons)
assert by_file.summary["gainers"] > 0

# The command line: `eldercare compare --policy ID --reform FILE --from 2024-01 --months 12 [FILE]`
# (the bundled sample when no FILE is given), with the per-person differences written as CSV.
out = subprocess.run(
    [
        sys.executable,
        "-m",
        "eldercare",
        "compare",
        "--policy",
        base_id,
        "--reform",
        str(here / "xicheng_reform.toml"),
        "--from",
        "2024-01",
        "--months",
        "12",
        "--out",
        "compare_out",
    ],
    capture_output=True,
    text=True,
    check=True,
)
print(out.stdout)
persons = pd.read_csv("compare_out/persons.csv", keep_default_na=False)
assert int(persons["delta_fen"].sum()) == by_file.summary["cost_delta_fen"]
