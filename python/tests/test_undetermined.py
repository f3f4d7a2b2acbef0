"""Issue 13 from Python: the third outcome "undetermined" (before a scheme's first known date) through
decisions, schedules, populations on both paths, simulations, sensitivity and the command line; the
arrears clipped to the scheme's start; the catalog's new entries, readings and subjects. Expected
values are worked out by hand (comments), as the C++ tests state them (tests/cpp/catalog_*_test.cpp,
rules_schedule_test.cpp)."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from test_cli import ENV

import eldercare as ec
from conftest import d
from eldercare import catalog

PHONE = "cn.shandong.weihai.platform_phone_subsidy"
LUNCH = "cn.shandong.rongcheng.rural_free_lunch"
AGE = "cn.shaanxi.xian.advanced_age_allowance"
XICHENG = "cn.beijing.xicheng.cross_region_care"


def enrolled(pid: str = "w1") -> ec.Person:
    return ec.Person(pid, "1950-01-01", hukou="371082", residence="371082", programmes=["weihai.virtual_platform"])


def villager(pid: str = "r1", birth: str = "1936-01-01", canteen: bool = True) -> ec.Person:
    return ec.Person(
        pid,
        birth,
        hukou="371082",
        residence=ec.Residence("371082", rural=True),
        programmes=["rongcheng.warm_canteen"] if canteen else [],
    )


def xian(pid: str, birth: str) -> ec.Person:
    return ec.Person(pid, birth, hukou="610112", residence="610112")


# --- decisions -----------------------------------------------------------------------------------


def test_a_decision_before_the_known_start_is_undetermined() -> None:
    # Weihai's phone subsidy is known from the report of 2022-10-15; the platform had run 十年来.
    before = catalog.evaluate(PHONE, enrolled(), "2022-10-14")
    assert before.status == "undetermined" and not before.eligible and before.granted is None
    assert before.status_note.startswith("scheme known from 2022-10-15; earlier dates undetermined (")
    assert "UNDETERMINED — scheme known from 2022-10-15" in before.explain()
    assert "undetermined" in repr(before) and "UNDETERMINED" in before._repr_html_()
    assert before.to_dict()["status"] == "undetermined"
    on = catalog.evaluate(PHONE, enrolled(), "2022-10-15")
    assert on.status == "decided" and on.amount_fen == 1000
    assert catalog.entry(PHONE).known_from == d("2022-10-15")
    assert catalog.entry(XICHENG).known_from is None  # its start is dated by the source: not in force before
    assert catalog.evaluate(XICHENG, enrolled(), "2020-05-31").status == "not_in_force"


def test_a_policy_carries_its_known_start_and_a_reform_keeps_it() -> None:
    rule = ec.Rule("r", "60+", ec.conditions.age_at_least(60), ec.money_per_month(yuan=10))
    p = ec.Policy(
        "p", "p", [ec.PolicyVersion("v", "2022-10-15", [rule])], known_from="2022-10-15", known_from_reason="why"
    )
    assert p.known_from == d("2022-10-15") and p.known_from_reason == "why"
    assert ec.evaluate(p, enrolled(), "2022-10-14").status == "undetermined"
    assert ec.evaluate(
        ec.Policy("q", "q", [ec.PolicyVersion("v", "2022-10-15", [rule])]), enrolled(), "2022-10-14"
    ).status == ("not_in_force")
    with pytest.raises(ec.InvalidValue, match="first version's start, 2022-10-15") as e:
        ec.Policy("p", "p", [ec.PolicyVersion("v", "2022-10-15", [rule])], known_from="2022-10-01")
    assert e.value.field == "p.known_from"
    reformed = ec.reform(catalog.policy(AGE), amounts={"flat": 800})
    assert reformed.known_from == d("2021-01-01") and "2011" in reformed.known_from_reason
    assert ec.evaluate(reformed, xian("a", "1940-01-01"), "2020-12-31").status == "undetermined"


# --- schedules -----------------------------------------------------------------------------------


def test_undetermined_months_have_no_amount_and_are_left_out_of_the_total() -> None:
    # Rongcheng's lunch is known from 2021-05-11: March and April 2021 (tested on their last days) are
    # undetermined, May decided. Meals are not money: the schedule's money is 0 where known.
    s = catalog.policy(LUNCH).schedule(villager(), "2021-03-01", "2021-05-31")
    assert [x.status for x in s] == ["undetermined", "undetermined", "decided"]
    assert [x.amount_fen for x in s] == [None, None, 0]
    assert s.undetermined_months == 2 and s.total_fen == 0
    frame = s.to_frame()
    assert list(frame["status"]) == ["undetermined", "undetermined", "decided"]
    assert frame["amount_fen"].isna().tolist() == [True, True, False]
    assert "2 undetermined" in repr(s)
    # Xi'an's allowance (777.78 a year, paid in the first month granted): December 2020 undetermined,
    # January 2021 pays 777.78, which is the total.
    y = catalog.policy(AGE).schedule(xian("a", "1940-01-01"), "2020-12-01", "2021-02-28")
    assert [x.amount_fen for x in y] == [None, 77778, 0]
    assert y.total_fen == 77778 and y.undetermined_months == 1


def test_back_paid_arrears_stop_at_the_scheme_start() -> None:
    # The case the review found: admitted 2019-06-01 under xicheng.back_pay = first_three_months. June
    # 2020, the scheme's first month, is the first paid, with no arrears (March–May 2020 were before it):
    # 600, not 2,400.
    facilities = [ec.Facility("HB", "131082", filing=ec.Filing("131082", "2019-03-01"))]
    elder = ec.Person("x", "1945-06-15", hukou="110102", residence="131082", stays=[ec.Stay("HB", "2019-06-01")])
    back = catalog.policy(XICHENG, readings={"xicheng.back_pay": "first_three_months"})
    s = back.schedule(elder, "2020-01-01", "2020-07-31", facilities)
    assert [x.amount_fen for x in s] == [0, 0, 0, 0, 0, 60000, 60000]
    assert [x.arrears_months for x in s] == [0] * 7
    # Admitted 2020-05-31: complete 2020-08-31; of May, June and July only June and July are owed.
    late = ec.Person("y", "1945-06-15", hukou="110102", residence="131082", stays=[ec.Stay("HB", "2020-05-31")])
    s = back.schedule(late, "2020-01-01", "2020-09-30", facilities)
    assert (s[7].month, s[7].arrears_months, s[7].amount_fen) == (8, 2, 180000)
    # The population paths pay the same.
    pop = ec.Population([elder, late], facilities=facilities)
    table = ec.schedule_population(back, pop, "2020-01-01", "2020-09-30", facilities, wide=True)
    assert table.loc["x"].tolist() == [0, 0, 0, 0, 0, 60000, 60000, 60000, 60000]
    assert table.loc["y", "2020-08"] == 180000
    sim = ec.simulate_population(back, pop, "2020-01-01", 9, facilities=facilities)
    assert sim.total_fen == int(table.to_numpy().sum()) == 60000 * 4 + 180000 + 60000


# --- populations: both paths, the same statuses --------------------------------------------------------


def test_population_results_carry_the_status_on_both_paths() -> None:
    people = [xian("a", "1940-01-01"), xian("b", "1953-03-10")]
    for path in ("columns", "persons"):
        before = ec.evaluate_population(AGE, people, "2020-12-31", path=path)
        assert list(before["status"]) == ["undetermined", "undetermined"], path
        assert not before["eligible"].any() and int(before["amount_fen"].sum()) == 0
        after = ec.evaluate_population(AGE, people, "2021-01-01", path=path)
        assert list(after["status"]) == ["decided", "decided"] and list(after["eligible"]) == [True, False], path


def test_schedule_population_marks_undetermined_cells() -> None:
    people = [xian("a", "1940-01-01"), xian("b", "1950-06-01")]
    long = ec.schedule_population(AGE, people, "2020-11-01", "2021-01-31")
    assert long["undetermined"].tolist() == [True, True, False] * 2
    assert long["amount_fen"].isna().tolist() == [True, True, False] * 2
    # Born 1950-06-01 turns 70 on 2020-06-01, before the known start: paid in January 2021 as well.
    assert long.loc[~long["undetermined"], "amount_fen"].tolist() == [77778, 77778]
    wide = ec.schedule_population(AGE, people, "2020-11-01", "2021-01-31", wide=True)
    assert wide.isna().sum().tolist() == [2, 2, 0]
    assert wide["2021-01"].tolist() == [77778, 77778]


def test_simulation_counts_undetermined_months_apart() -> None:
    people = [xian("a", "1940-01-01"), xian("b", "1950-06-01"), xian("c", "1980-01-01")]
    r = ec.simulate_population(AGE, people, "2020-11-01", 4)
    m = r.by_month
    assert list(m["status"]) == ["undetermined", "undetermined", "decided", "decided"]
    assert list(m["undetermined"]) == [3, 3, 0, 0]
    assert m["amount_fen"].isna().tolist() == [True, True, False, False]
    assert m["eligible"].isna().tolist() == [True, True, False, False]
    assert list(m["amount_fen"][2:]) == [155556, 0]  # two 777.78 a year, paid in January
    assert r.undetermined_months == 2 and r.total_fen == 155556
    assert "2 undetermined" in repr(r)


# --- sensitivity ---------------------------------------------------------------------------------


def test_sensitivity_counts_undetermined_persons_apart() -> None:
    early = catalog.sensitivity(LUNCH, [villager()], "2021-05-10")
    assert early.default_undetermined == 1
    frame = early.to_frame()
    assert (frame["undetermined"] == 1).all() and (frame["eligible"] == 0).all()
    later = catalog.sensitivity(LUNCH, [villager(), villager("r2", canteen=False)], "2021-06-01")
    assert later.default_undetermined == 0
    effects = later.to_frame("effects").set_index("reading")
    assert effects.loc["rongcheng.canteen_coverage", "persons_affected"] == 1  # r2: only with assumed_available


# --- the command line ------------------------------------------------------------------------------


def _cli(*args: str, cwd: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eldercare", *args], capture_output=True, text=True, encoding="utf-8", env=ENV, cwd=cwd
    )


def test_the_command_line_says_undetermined(tmp_path: object) -> None:
    cases = tmp_path / "cases.json"  # type: ignore[operator]
    cases.write_text(json.dumps(ec.io.dump_cases([enrolled()])), encoding="utf-8")
    out = _cli("evaluate", "--policy", PHONE, "--on", "2022-10-14", str(cases), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)["results"][0]
    assert (result["status"], result["eligible"]) == ("undetermined", False)
    assert result["status_note"].startswith("scheme known from 2022-10-15")
    explained = _cli("explain", "--policy", PHONE, "--on", "2022-10-14", str(cases), "--person", "w1", cwd=tmp_path)
    assert "UNDETERMINED" in explained.stdout
    listing = _cli("catalog", cwd=tmp_path)
    assert "known from 2022-10-15; earlier dates undetermined" in listing.stdout


def test_the_command_line_simulation_counts_undetermined_months(tmp_path: object) -> None:
    out = _cli("simulate", "--from", "2021-03", "--months", "3", "--no-progress", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith(LUNCH))
    assert "2 months undetermined (not in total)" in line


# --- the catalog's new entries, readings and subjects --------------------------------------------


def test_parameters_show_provenance_and_quotes_for_the_new_readings() -> None:
    params = catalog.entry(XICHENG).parameters()
    eco = params[(params.rule == "ecological_area") & (params.name == "filing_required")]
    assert set(eco.value) == {"not_required"} and set(eco.provenance) == {"stated"}
    assert set(eco.quote) == {"对于入住北京生态涵养区养老机构满3个月的"}
    authority = params[(params.rule == "jin_ji_meng") & (params.name == "filing_authority")]
    assert set(authority.value) == {"same_province"} and set(authority.provenance) == {"assumed"}
    assert catalog.reading("xicheng.eco_filing").quote == "对于入住北京生态涵养区养老机构满3个月的"
    assert catalog.reading("rongcheng.canteen_coverage").default == "registered_only"
    assert catalog.reading("xian.special_hardship").default == "assistance_and_care_needs"
    assert catalog.reading("xixian.rural_scope").default == "dibao_only"
    assert catalog.reading("guangdong.visits.region").default == ""
    assert catalog.reading("guangdong.visits.certificate").default == "none"
    assert catalog.reading("weihai.caregiver.conditions").default == "seed_only"


def test_the_guangdong_city_and_the_weihai_caregiver_amount_are_inputs() -> None:
    alone = ec.Person("g", "1948-05-20", hukou="440104", residence="440104", categories=["living_alone"])
    assert catalog.entry("cn.guangdong.special_hardship_visits").status == "announced"
    assert catalog.evaluate("cn.guangdong.special_hardship_visits", alone, "2023-06-01").status == "not_computable"
    given = catalog.evaluate(
        "cn.guangdong.special_hardship_visits", alone, "2023-06-01", readings={"guangdong.visits.region": "440100"}
    )
    assert given.eligible and str(given.granted) == "1 visit per month"
    worker = ec.Worker("cw", "E1", "371082", "2021-06-01", care_worker=True, programmes=["weihai.caregiver.qualified"])
    caregiver = "cn.shandong.weihai.caregiver_post_subsidy"
    assert catalog.worker_policy(caregiver).status == "announced"
    paid = catalog.evaluate(caregiver, worker, "2023-01-01", readings={"weihai.caregiver.amount_yuan": "6000"})
    assert paid.amount_fen == 600000 and paid.granted.period == "one_off"
    assert catalog.evaluate(
        caregiver, worker, "2022-10-14", readings={"weihai.caregiver.amount_yuan": "6000"}
    ).status == ("undetermined")
    with pytest.raises(ec.InvalidValue, match=r"weihai\.caregiver\.amount_yuan"):
        catalog.worker_policy(caregiver, readings={"weihai.caregiver.amount_yuan": "20000"})


def test_the_competition_subsidy_is_an_event_entry() -> None:
    e = catalog.entry("cn.beijing.xicheng.high_skill_talent.competition")
    assert (e.subject, e.kind) == ("event", "event_policy")
    event = ec.CompetitionEvent("ev1", "org1", "enterprise", "110102", "skill_competition", "2024-05-01", 120)
    # 100-299 participants: 30,000 yuan once (participant bands, the default reading).
    assert catalog.evaluate(e.id, event, "2024-05-01").amount_fen == 3_000_000
    assert catalog.evaluate(
        e.id, event, "2024-05-01", readings={"xicheng.talent.competition_scale": "floor"}
    ).amount_fen == (2_000_000)
    public = ec.CompetitionEvent("ev2", "gov", "other", "110102", "skill_competition", "2024-05-01", 120)
    assert not catalog.evaluate(e.id, public, "2024-05-01").eligible
    params = e.parameters()
    assert set(params[params.name == "range"].quote) == {"给予2万至5万元一次性补贴"}
    with pytest.raises(ec.InvalidValue, match=r"events\[ev3\]\.organiser"):
        ec.CompetitionEvent("ev3", "x", "club", "110102", "skill_competition", "2024-05-01", 1)


def test_competition_winning_graduates_count_as_high_skill() -> None:
    # 「可视为高技能人才」: a graduate with a prize and no certificate, hired 2024-03-01: 10,000 once from
    # 2025-03-01 by default; nothing under xicheng.talent.award_graduates = not_counted.
    graduate = ec.Worker("g", "E", "110102", "2024-03-01", programmes=["xicheng.talent.award_graduate"])
    hiring = "cn.beijing.xicheng.high_skill_talent.hiring"
    assert catalog.evaluate(hiring, graduate, "2025-03-01").amount_fen == 1_000_000
    assert not catalog.evaluate(
        hiring, graduate, "2025-03-01", readings={"xicheng.talent.award_graduates": "not_counted"}
    ).eligible
    assert graduate.programmes == ("xicheng.talent.award_graduate",)


def test_in_kind_grants_and_the_new_norms() -> None:
    phone = catalog.evaluate("cn.shandong.weihai.platform_free_phone", ec.Household("h", [enrolled()]), "2022-10-15")
    assert (phone.granted.unit, phone.granted.period, phone.granted.quantity) == ("device", "one_off", 1)
    assert ec.devices_once(1) == phone.granted
    home = ec.Household(
        "h2",
        [
            ec.Person(
                "c",
                "1950-01-01",
                hukou="610404008",
                residence=ec.Residence("610404008", rural=True),
                categories=["living_alone"],
            )
        ],
    )
    assert str(catalog.evaluate("cn.shaanxi.xixian.rural_call_devices", home, "2023-06-01").granted) == "1 device once"
    area = ec.ServiceArea(
        "xian",
        "610100",
        towns=180,
        towns_with_centre=83,
        urban_communities=1200,
        urban_communities_covered=1055,
        counties=13,
        counties_with_home=13,
    )
    assert [r.gap for r in catalog.assess("cn.shaanxi.xian.planning_norms", area)] == [145, 97, 0]
    with pytest.raises(ec.InvalidValue, match="towns_with_centre"):
        ec.ServiceArea("x", "610100", towns=1, towns_with_centre=2)
    gd = ec.ServiceArea(
        "gd",
        "442000",
        towns=24,
        towns_with_centre=24,
        community_facilities=229,
        urban_communities=10,
        urban_communities_covered=10,
        rural_communities=10,
        rural_communities_covered=9,
    )
    assert [r.gap for r in catalog.assess("cn.guangdong.planning_norms", gd)] == [0, 1, 0, 0]
    frame = catalog.entry("cn.guangdong.planning_norms").parameters()
    assert frame["quote"].str.len().gt(0).all() and set(frame["provenance"]) == {"stated"}
    assert isinstance(pd.DataFrame(frame), pd.DataFrame)
