"""Reform files (issue 14, item 4): a reform written as TOML or JSON gives the same policy, and the same
Comparison, as the reform built in Python; every key of the format is read; a bad key or value names
the file and the key; the command line's compare and explain --reform use them."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pandas as pd
import pytest

import eldercare as ec
from eldercare import cli
from eldercare._reform_file import FILE_KEYS
from eldercare.conditions import age_at_least, continuous_stay_at_least, hukou_in, in_category

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "snippets" / "howto" / "xicheng_reform.toml"
XICHENG = "cn.beijing.xicheng.cross_region_care"


def same_policy(a: ec.Policy, b: ec.Policy) -> None:
    assert (a.id, a.title) == (b.id, b.title)
    assert [(v.label, v.effective_from, v.effective_to) for v in a.versions] == [
        (v.label, v.effective_from, v.effective_to) for v in b.versions
    ]
    for va, vb in zip(a.versions, b.versions):
        assert [(r.id, r.title, str(r.grant), r.condition.describe()) for r in va.rules] == [
            (r.id, r.title, str(r.grant), r.condition.describe()) for r in vb.rules
        ]


def test_the_documented_example_round_trips() -> None:
    from_file = ec.reform_from_file(EXAMPLE)
    in_python = ec.reform(
        XICHENG,
        id="xicheng.cross_region_care.800_after_2_months",
        title="赴津冀蒙异地康养: 800 yuan after 2 months",
        effective_from="2024-01-01",
        amounts={"jin_ji_meng": 800},
        months={"jin_ji_meng": 2},
        add_conditions={"ecological_area": age_at_least(70)},
    )
    same_policy(from_file, in_python)
    same_policy(ec.reform(file=EXAMPLE), in_python)
    same_policy(ec.reform(XICHENG, file=str(EXAMPLE)), in_python)
    pop = ec.synthetic_population(3000, profile="xicheng", seed=5)
    a = ec.compare(XICHENG, from_file, pop, period=2024)
    b = ec.compare(XICHENG, in_python, pop, period=2024)
    pd.testing.assert_frame_equal(a.persons, b.persons)
    assert a.summary == b.summary and a.summary["gainers"] > 0 and a.summary["losers"] > 0


def test_every_key_as_toml_and_as_json(tmp_path: pathlib.Path) -> None:
    toml = """
base = "cn.beijing.xicheng.cross_region_care"
id = "every.key"
title = "every key"
versions = ["2023"]
effective_from = 2024-03-01
remove_rules = []

[readings]

[amounts]
jin_ji_meng = 812.5

[months]
jin_ji_meng = 4

[parameters.jin_ji_meng]
"age_at_least.years" = 65
"continuous_stay_at_least.regions" = { name = "津冀", members = ["120000", "130000"] }

[add_conditions]
jin_ji_meng = { any_of = [
    { kind = "in_category", categories = ["dibao", "low_income"] },
    { kind = "age_at_least", years = 80 },
] }

[remove_conditions]
ecological_area = "age_at_least"

[replace_conditions.ecological_area]
continuous_stay_at_least = { kind = "continuous_stay_at_least", months = 6, regions = "110116" }

[version_dates]
"2023" = 2022-07-01

[[add_rules]]
id = "flat"
title = "flat 100 yuan from 90"
condition = [{ kind = "hukou_in", regions = "110102" }, { kind = "age_at_least", years = 90 }]
grant = { yuan = 100, period = "per_month" }
"""
    path = tmp_path / "every.toml"
    path.write_text(toml, encoding="utf-8")
    jjm = ec.RegionSet("津冀", ["120000", "130000"])
    in_python = ec.reform(
        XICHENG,
        id="every.key",
        title="every key",
        versions=["2023"],
        effective_from="2024-03-01",
        amounts={"jin_ji_meng": 812.5},
        months={"jin_ji_meng": 4},
        parameters={"jin_ji_meng": {"age_at_least.years": 65, "continuous_stay_at_least.regions": jjm}},
        add_conditions={"jin_ji_meng": in_category("dibao", "low_income") | age_at_least(80)},
        remove_conditions={"ecological_area": "age_at_least"},
        replace_conditions={
            "ecological_area": {"continuous_stay_at_least": continuous_stay_at_least(months=6, regions="110116")}
        },
        version_dates={"2023": "2022-07-01"},
        add_rules=[
            ec.Rule(
                "flat",
                "flat 100 yuan from 90",
                hukou_in("110102") & age_at_least(90),
                ec.money_per_month(yuan=100),
                citation=ec.Citation("added by a reform file"),
                parameters=[ec.Parameter("reform", "added by a reform file", "assumed", "")],
            )
        ],
    )
    from_toml = ec.reform_from_file(path)
    same_policy(from_toml, in_python)
    rules = {r.id: r for r in from_toml.versions[-1].rules}
    assert str(rules["jin_ji_meng"].grant) == "812.50 yuan per month"
    assert "amount 600→812.50, stay 3→4 months, age 60→65" in rules["jin_ji_meng"].title
    # The same keys in JSON (dates as text).
    data: Any = {
        "base": XICHENG,
        "id": "every.key",
        "title": "every key",
        "versions": ["2023"],
        "effective_from": "2024-03-01",
        "amounts": {"jin_ji_meng": 812.5},
        "months": {"jin_ji_meng": 4},
        "parameters": {
            "jin_ji_meng": {
                "age_at_least.years": 65,
                "continuous_stay_at_least.regions": {"name": "津冀", "members": ["120000", "130000"]},
            }
        },
        "add_conditions": {
            "jin_ji_meng": {
                "any_of": [
                    {"kind": "in_category", "categories": ["dibao", "low_income"]},
                    {"kind": "age_at_least", "years": 80},
                ]
            }
        },
        "remove_conditions": {"ecological_area": ["age_at_least"]},
        "replace_conditions": {
            "ecological_area": {
                "continuous_stay_at_least": {"kind": "continuous_stay_at_least", "months": 6, "regions": "110116"}
            }
        },
        "version_dates": {"2023": "2022-07-01"},
        "add_rules": [
            {
                "id": "flat",
                "title": "flat 100 yuan from 90",
                "condition": {
                    "all_of": [{"kind": "hukou_in", "regions": "110102"}, {"kind": "age_at_least", "years": 90}]
                },
                "grant": {"unit": "money", "period": "per_month", "quantity": 10000},
            }
        ],
    }
    (tmp_path / "every.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    same_policy(ec.reform_from_file(tmp_path / "every.json"), in_python)
    # A grant of another unit, and a rule removed.
    (tmp_path / "hours.json").write_text(
        json.dumps(
            {
                "base": XICHENG,
                "grants": {"jin_ji_meng": {"unit": "service_hours", "period": "per_month", "quantity": 40}},
                "remove_rules": ["ecological_area"],
            }
        ),
        encoding="utf-8",
    )
    hours = ec.reform_from_file(tmp_path / "hours.json")
    assert [str(r.grant) for r in hours.versions[-1].rules] == [str(ec.service_hours_per_month(40))]
    assert set(FILE_KEYS) == set(data) | {"readings", "grants", "remove_rules"}  # every key tested


@pytest.mark.parametrize(
    "text, needles",
    [
        ('base = "cn.beijing.xicheng.cross_region_care"\nbudget = 3\n', ["bad.toml", "reform.budget", "unknown key"]),
        ('base = "cn.beijing.xicheng.cross_region_care"\n[amounts]\nno_rule = 800\n', ["bad.toml", "amounts[no_rule]"]),
        ("[amounts]\njin_ji_meng = 800\n", ["bad.toml", "reform.base", "no base policy"]),
        (
            'base = "cn.beijing.xicheng.cross_region_care"\n'
            '[add_conditions]\njin_ji_meng = { kind = "tall", cm = 1 }\n',
            ["bad.toml", "add_conditions.jin_ji_meng.kind", "'tall'"],
        ),
        ("base = ", ["bad.toml", "not TOML"]),
    ],
)
def test_bad_files_name_the_file_and_the_key(tmp_path: pathlib.Path, text: str, needles: list) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ec.InvalidValue) as e:
        ec.reform_from_file(path)
    for needle in needles:
        assert needle in str(e.value), str(e.value)


def test_the_file_and_the_call_must_agree() -> None:
    with pytest.raises(
        ec.InvalidValue, match=r"the file reforms cn\.beijing\.xicheng\.cross_region_care, not other\.id"
    ):
        ec.reform_from_file(EXAMPLE, base="other.id")
    with pytest.raises(ec.InvalidValue, match=r"amounts.*also given by the reform file xicheng_reform\.toml"):
        ec.reform(file=EXAMPLE, amounts={"jin_ji_meng": 900})
    with pytest.raises(ec.InvalidValue, match=r"expected a \.toml or \.json file"):
        ec.reform_from_file(ROOT / "README.md")


def test_the_command_line_compares_and_explains(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    args = ["compare", "--policy", XICHENG, "--reform", str(EXAMPLE), "--from", "2024-01", "--months", "12"]
    assert cli.main([*args, "--out", str(out), "--explain", "xc030"]) == 0
    text = capsys.readouterr().out
    c = ec.compare(XICHENG, ec.reform_from_file(EXAMPLE), ec.sample_population(), period=2024)
    assert str(c) in text and "xc030 loses 1400.00 yuan" in text and f"wrote {out / 'persons.csv'}" in text
    persons = pd.read_csv(out / "persons.csv", keep_default_na=False, dtype={"id": str})
    assert persons["delta_fen"].tolist() == c.persons["delta_fen"].tolist()
    months = pd.read_csv(out / "by_month.csv")
    assert int(months["delta_fen"].sum()) == c.summary["cost_delta_fen"]
    # The chart of the two by month, a PNG file.
    assert f"wrote {out / 'compare.png'}" in text and (out / "compare.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # explain --reform, on the bundled sample by default.
    assert (
        cli.main(["explain", "--policy", XICHENG, "--on", "2024-06-30", "--person", "xc030", "--reform", str(EXAMPLE)])
        == 0
    )
    text = capsys.readouterr().out
    assert "(reform: also age ≥ 70 周岁)" in text and "xc030 loses 200.00 yuan on 2024-06-30" in text
    assert cli.main(["explain", "--policy", XICHENG, "--on", "2024-06-30", "--person", "xc030"]) == 0
    assert "ELIGIBLE for 200.00 yuan per month" in capsys.readouterr().out
    # Bad input: one line naming it, status 2.
    assert cli.main(["compare", "--policy", XICHENG, "--reform", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: no such file" in capsys.readouterr().err
