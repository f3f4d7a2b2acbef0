"""The leaf conditions come from one C++ list (include/eldercare/rules/leaves.hpp): every declared leaf
has a generated factory (signature, defaults, docstring), and parameters, replace() and pickling take
one generic path for all of them, catalog leaves included."""

from __future__ import annotations

import inspect
import itertools
import pickle
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import eldercare as ec
from eldercare import _core, catalog
from eldercare import conditions as c

JJM = ec.regions.jin_ji_meng()

# One call per leaf kind, with values other than the defaults wherever a parameter has one. A new
# leaf in the C++ list fails test_every_declared_leaf_has_a_factory until it has a line here.
SAMPLES: Dict[str, Tuple[Tuple[Any, ...], Dict[str, Any]]] = {
    "always": (("in scope",), {}),
    "age_at_least": ((65,), {"reached": "day_after_birthday", "leap_day": "march_1"}),
    "age_under": ((80,), {"reached": "day_after_birthday"}),
    "age_at_least_by_year": ((80,), {"mark": "december_31", "leap_day": "march_1"}),
    "hukou_in": ((ec.regions.XICHENG,), {"legacy": "as_recorded"}),
    "lives_in": (("610100",), {}),
    "lives_rural": ((), {}),
    "alive": ((), {}),
    "in_category": (("dibao", "tekun"), {}),
    "has_mental_illness": ((), {}),
    "has_infectious_disease": ((), {}),
    "ability_at_least": ((ec.AbilityLevel.SEVERE,), {}),
    "self_care_rating_at_least": (("partially_lost",), {}),
    "disability_at_least": ((["intellectual", "mental"], 2), {}),
    "multiple_disability_with": (("intellectual", 2), {}),
    "continuous_stay_at_least": (
        (),
        {
            "days": 90,
            "regions": JJM,
            "kinds": ["institution", "community"],
            "require_filing": False,
            "max_gap_days": 3,
            "transfers": "restarts",
            "before_filing": "counted",
            "counting": "natural_month",
            "checked": "start_of_day",
        },
    ),
    "in_facility": (("130000",), {"kinds": "community", "require_filing": False}),
    "lives_at_home": ((), {}),
    "enrolled_in": (("weihai.virtual_platform", "Weihai virtual eldercare platform"), {}),
}

# The public signatures as they were written by hand before the factories were generated.
SIGNATURES = {
    "age_at_least": "years, *, reached='on_birthday', leap_day='february_28'",
    "age_under": "years, *, reached='on_birthday', leap_day='february_28'",
    "age_at_least_by_year": "years, *, mark='january_1', reached='on_birthday', leap_day='february_28'",
    "hukou_in": "regions, *, legacy='as_successor'",
    "lives_in": "regions",
    "lives_rural": "",
    "alive": "",
    "in_category": "*categories",
    "ability_at_least": "level",
    "disability_at_least": "categories, grade",
    "has_mental_illness": "",
    "has_infectious_disease": "",
    "lives_at_home": "",
    "always": "what='always'",
    "enrolled_in": "programme, label=''",
    # filing_authority (当地: where a required filing's department must be) since issue 13.
    "continuous_stay_at_least": (
        "months=None, *, days=None, years=None, regions, kinds=('institution',), require_filing=True, "
        "filing_authority='not_checked', max_gap_days=0, transfers='continues', before_filing='not_counted', "
        "counting='civil_code', checked='end_of_day'"
    ),
    "in_facility": "regions, *, kinds=('institution',), require_filing=True, filing_authority='not_checked'",
    "self_care_rating_at_least": "minimum",
    "multiple_disability_with": "categories, grade",
}

FACILITIES = ec.synthetic_facilities().with_facilities(
    ec.Facility("HB", "131082", beds=300, filing=ec.Filing("131082", "2019-03-01")),
    ec.Facility("HC", "130606", kind="community", beds=20),
    ec.Facility("HR", "110116", beds=200, filing=ec.Filing("110116", "2018-05-01")),
)
DATES = ("2021-06-30", "2023-06-15", "2024-12-31")


def people() -> List[ec.Person]:
    """Persons with every fact a leaf reads, and a synthetic population around them."""
    tekun = ec.Assessment(3, "2023-01-01", scale="tekun_self_care", raw_score=2)
    return [
        ec.Person(
            "many",
            "1940-02-29",
            hukou="110104",
            residence=ec.Residence("610112008", rural=True),
            ability=ec.Assessment(ec.AbilityLevel.SEVERE, "2023-01-01", valid_until="2024-06-30"),
            disability=ec.DisabilityCertificate("多重", 1, components=[("intellectual", 2), ("physical", 3)]),
            categories=["kongchao", "dibao"],
            health=ec.Health(infectious_disease=True, mental_illness=True),
            programmes=["weihai.virtual_platform"],
        ),
        ec.Person("tekun", "1944-12-31", hukou="371002", residence="371002", ability=tekun, categories=["tekun"]),
        ec.Person(
            "stays",
            "1950-01-01",
            hukou="110102",
            residence="131082",
            stays=[
                ec.Stay("HB", "2021-01-10", "2023-03-01"),
                ec.Stay("HC", "2023-03-03", "2023-12-30"),
                ec.Stay("HR", "2024-01-01"),
            ],
        ),
        ec.Person("young", "1990-06-15", hukou="110102", residence="110102"),
        *ec.synthetic_population(120, profile="mixed", seed=5).persons(),
    ]


PEOPLE = people()


def verdicts(cond: ec.Condition) -> List[bool]:
    return [cond.holds(p, on, FACILITIES) for p in PEOPLE for on in DATES]


def same(a: ec.Condition, b: ec.Condition) -> None:
    assert b.kind == a.kind and b.describe() == a.describe()
    assert b.parameters == a.parameters
    assert verdicts(b) == verdicts(a)


def shape(f: Callable[..., Any]) -> str:
    """A signature without its annotations: ``years, *, reached='on_birthday'``."""
    out: List[str] = []
    star = False
    for p in inspect.signature(f).parameters.values():
        if p.kind == p.KEYWORD_ONLY and not star:
            out.append("*")
            star = True
        if p.kind == p.VAR_POSITIONAL:
            out.append(f"*{p.name}")
            star = True
        else:
            out.append(p.name if p.default is p.empty else f"{p.name}={p.default!r}")
    return ", ".join(out)


def make(kind: str) -> ec.Condition:
    args, kwargs = SAMPLES[kind]
    return getattr(c, kind)(*args, **kwargs)


def test_every_declared_leaf_has_a_factory() -> None:
    specs = _core.leaf_specs()
    kinds = [s["kind"] for s in specs]
    assert len(set(kinds)) == len(kinds)
    assert set(kinds) == set(SAMPLES) == set(SIGNATURES)
    assert sorted(c.__all__) == sorted(["Condition", "all_of", "any_of", "not_", *kinds])
    for spec in specs:
        kind = spec["kind"]
        f = getattr(c, kind)
        assert (f.__name__, f.__qualname__, f.__module__) == (kind, kind, "eldercare.conditions")
        assert inspect.signature(f) is f.__signature__
        assert f.__doc__.startswith(spec["doc"][:40])
        for p in spec["parameters"]:
            assert p["doc"][:30] in " ".join(f.__doc__.split()), (kind, p["name"])
        if spec["notes"]:
            assert "Notes\n-----" in f.__doc__
        made = make(kind)
        assert isinstance(made, ec.Condition) and made.kind == kind
        assert f"- :func:`{kind}`" in c.__doc__


@pytest.mark.parametrize("kind", sorted(SIGNATURES))
def test_the_public_signatures_are_kept(kind: str) -> None:
    assert shape(getattr(c, kind)) == SIGNATURES[kind]


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_parameters_replace_and_pickle_round_trip(kind: str) -> None:
    cond = make(kind)
    params = cond.parameters
    same(cond, cond.replace(**params))
    same(cond, pickle.loads(pickle.dumps(cond)))
    rule = ec.Rule("r", "", cond & c.age_at_least(60), ec.money_per_month(yuan=1))
    again = pickle.loads(pickle.dumps(rule))
    same(rule.condition, again.condition)
    # Every declared word of every word parameter can be set, and reads back.
    spec = next(s for s in _core.leaf_specs() if s["kind"] == kind)
    for p in spec["parameters"]:
        if p["type"] == "word":
            for w in p["words"]:
                assert cond.replace(**{p["name"]: w}).parameters[p["name"]] == w
        elif p["type"] == "words":
            assert cond.replace(**{p["name"]: p["words"][-1]}).parameters[p["name"]] == (p["words"][-1],)


def test_leaves_without_parameters_refuse_changes() -> None:
    for kind in ("lives_rural", "has_mental_illness", "has_infectious_disease", "lives_at_home"):
        assert make(kind).parameters == {}
        with pytest.raises(ec.InvalidValue, match="this leaf has no parameters") as e:
            make(kind).replace(x=1)
        assert e.value.field == f"{kind}.x"


def test_multiple_disability_with_reaches_python() -> None:
    cond = c.multiple_disability_with(["intellectual", "mental"], 2)
    assert cond.describe() == "多重残疾 including 智力残疾/精神残疾 grade 二级 or more severe"
    on = "2024-01-01"
    multiple = PEOPLE[0]  # 多重 一级 with 智力 二级 and 肢体 三级
    assert cond.holds(multiple, on)
    assert not cond.replace(categories="physical").holds(multiple, on)  # 肢体 三级 is not 二级 or worse
    assert cond.replace(categories="physical", grade=3).holds(multiple, on)
    assert not c.multiple_disability_with("intellectual", 1).holds(multiple, on)
    single = ec.Person(
        "s", "1940-01-01", hukou="110102", residence="110102", disability=ec.DisabilityCertificate("intellectual", 1)
    )
    assert not cond.holds(single, on) and c.disability_at_least("intellectual", 2).holds(single, on)
    with pytest.raises(ec.InvalidValue) as e:
        c.multiple_disability_with([], 2)
    assert e.value.field == "multiple_disability_with.categories"
    with pytest.raises(ec.InvalidValue) as e:
        c.multiple_disability_with("intellectual", 5)
    assert e.value.field == "multiple_disability_with.grade"


def test_self_care_rating_at_least_reaches_python() -> None:
    on = "2024-01-01"
    two_items = PEOPLE[1]  # tekun_self_care, 2 of 6 items not possible: 部分丧失
    partly = c.self_care_rating_at_least("partially_lost")
    assert partly.holds(two_items, on)
    assert not c.self_care_rating_at_least("fully_lost").holds(two_items, on)
    assert partly.replace(minimum="fully_lost").describe() == "特困 self-care rating 完全丧失生活自理能力 or worse"
    assert not partly.holds(PEOPLE[0], on)  # a GB/T 42195 assessment is not a 特困 rating
    facts = partly.explain(two_items, on)[0].facts
    assert facts["self_care.items_not_possible"] == "2 of 6 (部分丧失生活自理能力)"
    with pytest.raises(ec.InvalidValue) as e:
        c.self_care_rating_at_least("bedridden")
    assert e.value.field == "self_care_rating_at_least.minimum"


def test_parameter_rules_follow_the_type() -> None:
    # A region set: a RegionSet or one region, in factories and in replace().
    assert (
        c.lives_in("610100").parameters["regions"].name
        == c.lives_in(ec.RegionSet.of("610100")).parameters["regions"].name
    )
    assert c.hukou_in("110102").replace(regions="110105").describe().startswith("hukou in 朝阳区")
    # A list of words: a list, a tuple or one word.
    assert c.disability_at_least("physical", 2).parameters["categories"] == ("physical",)
    assert c.in_facility("130000", kinds=("institution", "community")).parameters["kinds"] == (
        "institution",
        "community",
    )
    # An ability level: an AbilityLevel or its number.
    assert c.ability_at_least(3).parameters == c.ability_at_least(ec.AbilityLevel.SEVERE).parameters == {"level": 3}
    assert c.ability_at_least(2).replace(level=ec.AbilityLevel.TOTAL_LOSS).parameters == {"level": 4}
    # A period: exactly one of months, days, years, named by its unit.
    stay = c.continuous_stay_at_least(3, regions=JJM)
    assert stay.parameters["months"] == 3 and "days" not in stay.parameters
    assert stay.replace(years=1).parameters["years"] == 1
    with pytest.raises(ec.InvalidValue, match="give exactly one of months, days or years") as e:
        stay.replace(months=2, days=3)
    assert e.value.field == "continuous_stay_at_least"
    with pytest.raises(ec.InvalidValue) as e:
        stay.replace(days=-1)
    assert e.value.field == "continuous_stay_at_least.days"
    # Types are checked, naming the field.
    with pytest.raises(ec.InvalidType) as e:
        c.age_at_least("60")  # type: ignore[arg-type]
    assert e.value.field == "age_at_least.years"
    with pytest.raises(ec.InvalidType) as e:
        c.in_facility("130000", require_filing=1)  # type: ignore[arg-type]
    assert e.value.field == "in_facility.require_filing"
    with pytest.raises(ec.InvalidValue) as e:
        c.in_facility("130000", kinds=[])
    assert e.value.field == "in_facility.kinds"
    with pytest.raises(ec.InvalidValue) as e:
        c.always("")
    assert e.value.field == "always.what"
    with pytest.raises(TypeError):
        c.age_at_least(60, decades=6)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        c.hukou_in("110102", "as_recorded")  # type: ignore[misc]  # keyword-only stays keyword-only


def test_the_core_makes_every_leaf_by_kind() -> None:
    for kind in SAMPLES:
        cond = make(kind)
        core = _core.make_leaf(kind, cond._impl.parameters())
        same(cond, ec.Condition(core))
    with pytest.raises(ec.InvalidValue, match="no leaf condition of this kind") as e:
        _core.make_leaf("age_at_most", {})
    assert e.value.field == "kind"
    with pytest.raises(ec.InvalidValue, match="is required") as e:
        _core.make_leaf("age_at_least", {})
    assert e.value.field == "age_at_least.years"


def _leaves(cond: ec.Condition) -> Iterator[ec.Condition]:
    if cond.kind in ("all", "any", "not"):
        for p in cond.parts:
            yield from _leaves(p)
    else:
        yield cond


def reading_combinations() -> Iterator[Tuple[str, Dict[str, str]]]:
    """Every catalog policy over persons or households under every combination of its enumerable
    readings (what sensitivity() varies)."""
    for entry in catalog.entries():
        if entry.subject not in ("person", "household") or entry.is_bundle:
            continue
        readings = [r for r in entry.reading_details() if r.enumerable]
        for values in itertools.product(*(r.values for r in readings)):
            yield entry.id, {r.name: v for r, v in zip(readings, values)}


def test_every_catalog_leaf_under_every_reading_combination_pickles() -> None:
    distinct: Dict[Tuple[str, str, str], ec.Condition] = {}
    combinations = 0
    for policy_id, readings in reading_combinations():
        combinations += 1
        for rule in catalog.policy(policy_id, readings).rules:
            for leaf in _leaves(rule.condition):
                assert leaf.kind in SAMPLES, (policy_id, readings, leaf.describe())
                distinct.setdefault((leaf.kind, leaf.describe(), repr(sorted(leaf.parameters.items()))), leaf)
    assert combinations > 4000 and len(distinct) > 100
    for leaf in distinct.values():
        same(leaf, pickle.loads(pickle.dumps(leaf)))
    assert {leaf.kind for leaf in distinct.values()} >= {"self_care_rating_at_least", "multiple_disability_with"}


def test_weihai_under_the_tekun_self_care_reading_unpickles() -> None:
    """Issue 11: built with this reading the policy pickled but did not unpickle (no Python factory
    built self_care_rating_at_least, and the catalog scan that stood in for one found no such leaf
    under the default readings)."""
    readings = {"weihai.dependency_scale": "tekun_self_care"}
    policy = catalog.policy("cn.shandong.weihai.home_care_purchase", readings)
    again = pickle.loads(pickle.dumps(policy))
    assert [r.condition.describe() for r in again.rules] == [r.condition.describe() for r in policy.rules]
    assert any(leaf.kind == "self_care_rating_at_least" for r in again.rules for leaf in _leaves(r.condition))
    for p in PEOPLE:
        for on in DATES:
            assert ec.evaluate(again, p, on, FACILITIES).explain() == ec.evaluate(policy, p, on, FACILITIES).explain()
    assert ec.evaluate(again, PEOPLE[1], "2024-06-01").granted
