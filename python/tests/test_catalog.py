"""The catalog from Python: entries, readings, policies under readings, evaluation by id (bundles,
households, workers), stacking, planning norms, ranking and interpretation sensitivity. Expected
values come from the seeds as the C++ catalog tests state them (tests/cpp/catalog_*_test.cpp)."""

from __future__ import annotations

import pathlib

import pytest

import eldercare as ec
from conftest import d
from eldercare import catalog


def elder(stays, hukou="110102", birth="1945-06-15", pid="x1", **kw) -> ec.Person:
    return ec.Person(pid, birth, hukou=hukou, residence="131082", stays=stays, **kw)


@pytest.fixture
def xicheng_facilities() -> ec.FacilityRegistry:
    """tests/cpp/catalog_xicheng_test.cpp's facilities()."""
    return ec.FacilityRegistry(
        [
            ec.Facility("HB", "131082", beds=300, filing=ec.Filing("131082", "2019-03-01")),
            ec.Facility("TJ", "120116", beds=80, filing=ec.Filing("120116", "2021-01-04")),
            ec.Facility("HR", "110116", beds=200, filing=ec.Filing("110116", "2018-05-01")),
        ]
    )


def test_entries_ids_and_lookup() -> None:
    ids = catalog.ids()
    assert "cn.beijing.xicheng.cross_region_care" in ids and "cn.shaanxi.xian.public_home_waitlist" in ids
    assert [e.id for e in catalog.entries()] == ids
    e = catalog.entry("cn.beijing.xicheng.cross_region_care")
    assert e.title == "西城区户籍老年人赴津冀蒙异地康养扶持办法"
    assert e.subject == "person" and e.kind == "policy" and e.status == "computable"
    assert [v.label for v in e.versions] == ["2020", "2023"]
    assert "xicheng.back_pay" in e.readings
    assert catalog.entry("cn.beijing.elderly_allowances").kind == "bundle"
    assert catalog.entry("cn.beijing.xicheng.travel_stay").status == "announced"
    assert catalog.entry("cn.beijing.xicheng.travel_stay").missing


def test_an_unknown_id_raises_a_lookup_error_naming_it() -> None:
    with pytest.raises(ec.PolicyLookupError, match=r"no catalog entry 'cn.nowhere'") as e:
        catalog.entry("cn.nowhere")
    assert e.value.error_id == ec.ErrorId.UNKNOWN_POLICY
    with pytest.raises(ec.PolicyLookupError, match=r"cn.nowhere"):
        catalog.policy("cn.nowhere")
    with pytest.raises(ec.PolicyLookupError, match="worker entry"):
        catalog.policy("cn.shandong.weihai.caregiver_post_subsidy")


def test_parameters_carry_provenance_and_notes() -> None:
    params = catalog.entry("cn.beijing.xicheng.cross_region_care").parameters()
    assert list(params.columns) == ["policy", "version", "rule", "name", "value", "provenance", "note", "quote"]
    amount = params[(params.rule == "jin_ji_meng") & (params.name == "amount")]
    assert set(amount.value) == {"600.00 yuan per month"} and set(amount.provenance) == {"stated"}
    assert set(amount.quote) == {"每人每月补贴600元"}
    assert set(params.provenance) <= set(ec.PROVENANCES)
    assert "assumed" in set(params[params.name == "effective_from"].provenance)


ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ROOT / "docs" / "sources"
# Full-width punctuation read as half-width, spaces dropped: the only differences the quote test forgives.
_WIDTH = str.maketrans(
    {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "\u3000": None, " ": None, "\t": None}
)


def _normalised(text: str) -> str:
    return text.translate(_WIDTH)


def _quoted_in(quote: str, seed: str) -> bool:
    """Every fragment of `quote` (the seed's words, several joined by …) is in `seed`."""
    parts = [_normalised(x) for x in quote.split("…") if _normalised(x)]
    text = _normalised(seed)
    return bool(parts) and all(part in text for part in parts)


def test_the_quote_comparison_forgives_punctuation_width_and_spaces_only() -> None:
    assert _quoted_in("满三个月的，每人每月", "满三个月的,每人每月") and _quoted_in(
        "满三个月的,每人每月", "满三个月的， 每人每月"
    )
    assert _quoted_in("入住…满三个月", "对西城户籍老年人入住津冀蒙…满三个月的")
    assert not _quoted_in("每人每月补贴800元", "每人每月补贴600元")
    assert not _quoted_in("入住…满四个月", "入住津冀蒙…满三个月的")
    assert not _quoted_in("", "anything") and not _quoted_in("…", "anything")


# Free inputs without which some entries are not computable: values to build them with.
_FREE_INPUTS = {
    "guangdong.visits.region": "442000",
    "weihai.caregiver.amount_yuan": "10000",
    "xixian.difficult_elder.amount_yuan": "100",
    "xixian.pension_premium.amount_yuan": "200",
}


def _every_reading(e: catalog.Entry) -> list:
    """The entry's readings as chosen by default, and with each enumerable reading changed once,
    without and with the free inputs."""
    out = []
    for base in ({}, _FREE_INPUTS):
        out.append(dict(base))
        for name in e.reading_details():
            for value in name.values[1:]:
                out.append({**base, name.name: value})
    return out


def test_quotes_are_the_words_of_the_cited_seed() -> None:
    # Every stated parameter of every entry, under every reading, quotes the seed its rule or version
    # cites, from the copy kept in docs/sources/; every quote is in it; a parameter without a quote has
    # a note.
    quoted = stated = 0
    for e in catalog.entries():
        if e.is_bundle or e.kind == "norms":
            continue
        for readings in _every_reading(e):
            for pol in e._built(readings):
                for v in pol.versions:
                    for cite, params in [(v.citation, v.parameters), *((r.citation, r.parameters) for r in v.rules)]:
                        for p in params:
                            assert p.note or p.quote, (e.id, p.name)
                            stated += p.provenance == "stated"
                            if p.provenance == "stated":
                                assert p.quote, (e.id, readings, p.name, "stated without the seed's words")
                            if not p.quote:
                                continue
                            assert cite.source.startswith("seeds/"), (e.id, p.name, cite.source)
                            seed = (SOURCES / cite.source.removeprefix("seeds/")).read_text(encoding="utf-8")
                            assert _quoted_in(p.quote, seed), (e.id, p.name, p.quote)
                            quoted += 1
    assert stated > 100 and quoted >= stated


def test_readings_that_follow_the_text_quote_it() -> None:
    for r in catalog.readings().values():
        if r.provenance == "stated":
            assert r.quote, r.name
        if r.quote:
            assert any(_quoted_in(r.quote, f.read_text(encoding="utf-8")) for f in SOURCES.glob("*.txt")), r.name


def test_a_report_date_is_never_a_stated_start() -> None:
    for e in catalog.entries():
        for pol in e._built():
            for v in pol.versions:
                for p in (*v.parameters, *(q for r in v.rules for q in r.parameters)):
                    if p.name == "effective_from":
                        assert p.provenance != "stated" or p.quote, (e.id, p.value)


def test_the_seed_copies_equal_the_shared_seeds_when_they_are_there() -> None:
    # ../shared/seeds beside the repository, or ELDERCARE_SHARED_DIR for a tree kept elsewhere; the
    # comparison is skipped only when neither exists.
    import os

    shared = pathlib.Path(os.environ.get("ELDERCARE_SHARED_DIR") or ROOT.parent / "shared") / "seeds"
    if not shared.is_dir():
        pytest.skip(f"{shared} not found: the copies in docs/sources/ are not compared with it")
    seeds = sorted(shared.glob("*.txt"))
    assert len(seeds) == 5
    for f in seeds:
        assert (SOURCES / f.name).read_bytes() == f.read_bytes(), f.name


def test_a_parameter_carries_a_quote() -> None:
    p = ec.Parameter("amount", "600.00 yuan per month", "stated", quote="每人每月补贴600元")
    assert (p.note, p.quote) == ("", "每人每月补贴600元")
    assert p == ec.Parameter("amount", "600.00 yuan per month", "stated", "", "每人每月补贴600元")
    assert p != ec.Parameter("amount", "600.00 yuan per month", "stated")
    assert ec.Parameter("amount", "1").quote == ""
    with pytest.raises(TypeError, match=r"parameter.quote"):
        ec.Parameter("amount", "1", quote=3)  # type: ignore[arg-type]


def test_citations_and_rules() -> None:
    e = catalog.entry("cn.beijing.xicheng.cross_region_care")
    cites = e.citations()
    assert any("每人每月补贴600元" in c.key_phrase for c in cites)
    assert all(isinstance(c, ec.Citation) for c in cites)
    assert {r.id for r in e.rules()} == {"jin_ji_meng", "ecological_area"}


def test_readings_describe_the_open_questions() -> None:
    r = catalog.reading("xicheng.back_pay")
    assert r.default == "none" and r.values == ("none", "first_three_months")
    assert r.provenance == "assumed" and r.question
    towns = catalog.reading("beijing.mountain_towns")
    assert not towns.enumerable and towns.values == ()
    assert set(catalog.readings()) >= {"stay.counting", "xicheng.min_age"}
    with pytest.raises(ec.InvalidValue, match="no such reading"):
        catalog.reading("no.such")


def test_a_policy_under_readings(xicheng_facilities: ec.FacilityRegistry) -> None:
    p = catalog.policy("cn.beijing.xicheng.cross_region_care", readings={"xicheng.back_pay": "first_three_months"})
    assert isinstance(p, ec.Policy) and p.versions[0].arrears_months == 3
    assert catalog.policy("cn.beijing.xicheng.cross_region_care").versions[0].arrears_months == 0
    # Usable with evaluate and schedule.
    elder_hb = elder([ec.Stay("HB", "2023-02-28")])
    assert ec.evaluate(p, elder_hb, "2023-05-28", xicheng_facilities).amount_fen == 60000
    sched = ec.schedule(p, elder_hb, "2023-04-01", "2023-06-30", xicheng_facilities)
    assert [line.amount_fen for line in sched] == [0, 60000 * 4, 60000]  # first paid month with 3 of arrears
    with pytest.raises(ec.InvalidValue) as e:
        catalog.policy("cn.beijing.xicheng.cross_region_care", readings={"xicheng.back_pay": "always"})
    assert e.value.field == "readings.xicheng.back_pay" and e.value.value == "always"
    with pytest.raises(ec.InvalidValue, match="no such reading"):
        catalog.policy("cn.beijing.xicheng.cross_region_care", readings={"nope": "x"})


def test_a_catalog_policy_is_built_once_per_id_and_readings(xicheng_facilities: ec.FacilityRegistry) -> None:
    # A Policy is immutable, so one object serves every call with the same id and readings (building
    # one costs more than a decision); other readings build another, and errors are not kept.
    cross = "cn.beijing.xicheng.cross_region_care"
    arrears = {"xicheng.back_pay": "first_three_months"}
    assert catalog.policy(cross) is catalog.policy(cross) is catalog.policy(cross, readings={})
    assert catalog.policy(cross, readings=arrears) is catalog.policy(cross, readings=dict(arrears))
    assert catalog.policy(cross, readings=arrears) is not catalog.policy(cross)
    assert catalog.policy(cross, readings=arrears).versions[0].arrears_months == 3
    for _ in range(2):
        with pytest.raises(ec.InvalidValue, match="no such reading"):
            catalog.policy(cross, readings={"nope": "x"})
        with pytest.raises(ec.PolicyLookupError):
            catalog.policy("cn.nowhere.no_such_policy")
    # By id, the same decision as with the Policy object.
    p = elder([ec.Stay("HB", "2023-02-28")])
    by_id = ec.evaluate(cross, p, "2023-05-28", xicheng_facilities, readings=arrears)
    by_policy = ec.evaluate(catalog.policy(cross, readings=arrears), p, "2023-05-28", xicheng_facilities)
    assert by_id.amount_fen == by_policy.amount_fen == 60000
    assert str(by_id) == str(by_policy)


def test_evaluate_by_id_as_the_cpp_catalog(xicheng_facilities: ec.FacilityRegistry) -> None:
    p = elder([ec.Stay("HB", "2023-02-28")])
    before = catalog.evaluate("cn.beijing.xicheng.cross_region_care", p, "2023-05-27", xicheng_facilities)
    assert not before.eligible and before.would_be_eligible_on == d("2023-05-28")
    assert (
        catalog.evaluate("cn.beijing.xicheng.cross_region_care", p, "2023-05-28", xicheng_facilities).amount_fen
        == 60000
    )
    eco = elder([ec.Stay("HR", "2023-03-15")])
    assert (
        catalog.evaluate("cn.beijing.xicheng.cross_region_care", eco, "2023-06-15", xicheng_facilities).amount_fen
        == 20000
    )
    assert not catalog.evaluate("cn.beijing.xicheng.cross_region_care", eco, "2022-10-01", xicheng_facilities).eligible


def test_a_bundle_adds_its_components() -> None:
    old = ec.Person(
        "b1",
        "1930-03-01",
        hukou="110105",
        residence="110105",
        categories=["dibao"],
        ability=ec.Assessment(4, "2020-01-01"),
    )
    on = "2024-06-01"
    bundle = catalog.evaluate("cn.beijing.elderly_allowances", old, on)
    parts = catalog.evaluate_components("cn.beijing.elderly_allowances", old, on)
    assert [x.policy_id for x in parts] == list(catalog.entry("cn.beijing.elderly_allowances").components)
    assert bundle.amount_fen == sum(x.amount_fen for x in parts) > 0
    assert all("/" in g for g in bundle.granting_rules)


def test_households_and_workers() -> None:
    enrolled = [
        ec.Person(
            f"w{i}",
            "1950-01-01",
            hukou="371002",
            residence="371002",
            household_id="H1",
            programmes=["weihai.virtual_platform"],
        )
        for i in range(2)
    ]
    d_hh = catalog.evaluate("cn.shandong.weihai.platform_phone_subsidy", ec.Household("H1", enrolled), "2024-01-31")
    assert d_hh.eligible and d_hh.amount_fen == 1000  # 10 yuan once per household
    worker = ec.Worker("t1", "E1", "110102", "2024-03-01", skill_level=2)
    policy = catalog.worker_policy("cn.beijing.xicheng.high_skill_talent.hiring")
    assert isinstance(policy, ec.WorkerPolicy) and policy.rules[0].id == "hiring"
    assert not catalog.evaluate(policy.id, worker, "2025-02-28").eligible
    assert catalog.evaluate(policy.id, worker, "2025-03-01").amount_fen == 1_000_000
    both = catalog.evaluate_components("cn.beijing.xicheng.high_skill_talent", worker, "2025-03-01")
    assert [x.policy_id for x in both] == list(catalog.entry("cn.beijing.xicheng.high_skill_talent").components)
    with pytest.raises(ec.PolicyLookupError, match="evaluate_components"):
        catalog.evaluate("cn.beijing.xicheng.high_skill_talent", worker, "2025-03-01")
    assert policy.schedule(worker, "2025-01-01", "2025-04-30").total_fen == 1_000_000
    with pytest.raises(ec.InvalidValue, match=r"workers\[t2\].skill_level"):
        ec.Worker("t2", "E1", "110102", "2024-03-01", skill_level=9)


def test_planning_norms_over_a_service_area() -> None:
    area = ec.ServiceArea("xicheng", "110102", resident_elders=320_000, meal_points=296, care_workers=3000)
    results = {r.norm_id: r for r in catalog.assess("cn.beijing.xicheng.planning_norms", area)}
    assert results["meal_points_per_1000_elders"].required == 320
    assert results["meal_points_target_2024"].gap == 24  # seed: 296 points, target 320
    assert results["care_workers_per_10000_elders"].required == 3200
    assert not results["care_workers_per_10000_elders"].met
    norms = catalog.norms("cn.beijing.xicheng.planning_norms")
    assert norms[0].provenance == "stated" and norms[0].citation.key_phrase
    assert catalog.entry("cn.beijing.xicheng.planning_norms").kind == "norms"
    with pytest.raises(ec.InvalidValue, match=r"areas\[a\].nursing_beds"):
        ec.ServiceArea("a", "110102", institution_beds=10, nursing_beds=20)


def test_stacking_resolves_a_persons_grants() -> None:
    table = catalog.stacking()
    assert (
        table.mode_for("cn.beijing.elderly_allowances.hardship", "cn.national.disabled_two_subsidies")
        == "exclusive_choice"
    )
    strict = catalog.stacking({"xicheng.stacking_with_beijing_allowances": "choose_higher"})
    assert (
        strict.mode_for("cn.beijing.xicheng.cross_region_care", "cn.beijing.elderly_allowances.advanced_age")
        == "choose_higher"
    )
    person = ec.Person(
        "s1",
        "1940-01-01",
        hukou="110105",
        residence="110105",
        categories=["dibao"],
        disability=ec.DisabilityCertificate("physical", 1),
        ability=ec.Assessment(4, "2020-01-01"),
    )
    res = catalog.resolve(person, "2024-06-01")
    by_id = {dd.policy_id: g for dd, g in zip(res.decisions, res.grants)}
    assert by_id["cn.beijing.elderly_allowances.advanced_age"].paid
    frame = res.to_frame()
    assert set(frame.columns) >= {"policy", "paid", "reason"}
    assert res.total_fen.get("per_month", 0) > 0


def test_rank_the_xian_waiting_list() -> None:
    # tests/cpp/catalog_xian_test.cpp: a 特困 applicant of 73 ranks before a 低保 applicant of 92.
    tekun = ec.Person("a", "1950-06-01", hukou="610102", residence="610102", categories=["tekun"])
    dibao = ec.Person(
        "b",
        "1931-06-01",
        hukou="610102",
        residence="610102",
        categories=["dibao", "living_alone"],
        ability=ec.Assessment(4, "2020-01-01"),
    )
    ranking = catalog.rank("cn.shaanxi.xian.public_home_waitlist", [dibao, tekun], "2024-01-01")
    assert [e.subject_id for e in ranking] == ["a", "b"]
    assert ranking[0].position == 1 and ranking[0].points > ranking[1].points
    assert "1. a" in str(ranking)
    assert list(ranking.to_frame().id) == ["a", "b"]


def test_sensitivity_reports_combinations_and_effects(xicheng_facilities: ec.FacilityRegistry) -> None:
    people = [elder([ec.Stay("HB", "2023-02-28")]), elder([ec.Stay("TJ", "2022-01-01")], pid="x2")]
    rep = catalog.sensitivity(
        "cn.beijing.xicheng.cross_region_care",
        people,
        "2023-06-30",
        xicheng_facilities,
        period=("2023-05-01", "2023-07-31"),
        fixed={"stay.gaps": "none"},
    )
    frame = rep.to_frame()
    assert "xicheng.back_pay" in frame.columns and "stay.gaps" not in frame.columns
    assert frame.is_default.sum() == 1 and len(frame) == len(rep._impl.combinations)
    effects = rep.to_frame("effects").set_index("reading")
    assert effects.loc["xicheng.back_pay", "max_total_change_fen"] == 3 * 60000
    assert rep.min_total_fen <= rep.default_total_fen <= rep.max_total_fen
    assert "interpretation sensitivity" in str(rep)
    with pytest.raises(ec.InvalidValue, match=r"fixed.stay.gaps"):
        catalog.sensitivity("cn.beijing.xicheng.cross_region_care", people, "2023-06-30", fixed={"stay.gaps": "x"})


def test_catalog_rules_can_be_taken_apart_without_changing_them(xicheng_facilities: ec.FacilityRegistry) -> None:
    """Every catalog rule's condition, opened down to its leaves and rebuilt, gives the same verdict
    and the same explanation as the rule compiled in C++."""
    people = [
        elder([ec.Stay("HB", "2023-02-28")]),
        elder([ec.Stay("HR", "2023-03-15")], birth="1965-06-15", pid="x2"),
        ec.Person(
            "x3",
            "1930-01-01",
            hukou="610112002",
            residence="610112002",
            categories=["dibao"],
            ability=ec.Assessment(3, "2020-01-01"),
            disability=ec.DisabilityCertificate("intellectual", 2),
        ),
    ]
    checked = 0
    for e in catalog.entries():
        if e.kind != "policy":
            continue
        for rule in e.rules():
            cond = rule.condition
            opened = ec.Rule(
                rule.id, rule.title, ec.Condition(cond._unfolded().unfolded()), rule.grant, citation=rule.citation
            )
            assert opened.condition.describe() == cond.describe()
            for p in people:
                for on in ("2022-06-30", "2023-06-15", "2024-12-31"):
                    assert (
                        opened.evaluate(p, on, xicheng_facilities).explain()
                        == rule.evaluate(p, on, xicheng_facilities).explain()
                    )
            kinds = [x.kind for x in _leaves(cond)]
            assert "leaf" not in kinds and "" not in kinds, (e.id, rule.id, kinds)
            checked += 1
    assert checked > 40


def _leaves(c: ec.Condition):
    if c.kind in ("all", "any", "not"):
        return [x for p in c.parts for x in _leaves(p)]
    return [c]


def test_leaf_parameters_and_replace() -> None:
    from eldercare.conditions import age_at_least_by_year, continuous_stay_at_least, hukou_in, lives_rural

    stay = continuous_stay_at_least(months=3, regions=ec.regions.jin_ji_meng())
    assert stay.parameters["months"] == 3 and stay.parameters["regions"] == ec.regions.jin_ji_meng()
    assert stay.replace(months=6).describe().startswith("continuous stay of 6 months")
    assert stay.replace(days=90).parameters["days"] == 90
    assert hukou_in("110102").replace(legacy="as_recorded").parameters["legacy"] == "as_recorded"
    y = age_at_least_by_year(80, mark="december_31")
    assert y.kind == "age_at_least_by_year" and y.parameters["mark"] == "december_31"
    with pytest.raises(ec.InvalidValue, match="no such parameter") as e:
        stay.replace(weeks=2)
    assert e.value.field == "continuous_stay_at_least.weeks"
    with pytest.raises(ec.InvalidValue, match="no parameters"):
        lives_rural().replace(x=1)
    with pytest.raises(ec.InvalidValue, match="only a leaf"):
        (lives_rural() & stay).replace(months=2)
