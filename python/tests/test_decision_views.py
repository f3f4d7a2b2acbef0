"""A Decision is a view of the compiled decision (issue 16): its Python objects (grant, rules, reasons,
citations) are built on first access, and catalog evaluations reuse the entry built once per id and
readings. These tests hold the lazy view to the eager construction it replaced, the cached entry to
a freshly built policy, and the view's validity to nothing but itself."""

from __future__ import annotations

import gc
from typing import Any, Dict, List, Optional

import pytest

import eldercare as ec
from eldercare import _core
from eldercare._benefits import Benefit, Citation
from eldercare._outcomes import Reason

XICHENG = "cn.beijing.xicheng.cross_region_care"
ON = ("2019-06-30", "2021-03-31", "2024-06-30")
PERSON_ENTRIES = [e.id for e in ec.catalog.entries() if e.kind == "policy" and e.subject == "person"]


def _benefit(b: Optional[Benefit]) -> Any:
    return None if b is None else (b.unit, b.period, b.quantity, str(b))


def _citation(c: Citation) -> Any:
    return (c.document, c.clause, c.key_phrase, c.source, c.effective_from, c.effective_to, str(c))


def eager(impl: _core.decision) -> Dict[str, Any]:
    """Every attribute of a decision as the eager construction (before issue 16) read it: all at
    once, straight from the compiled result."""
    return {
        "policy_id": impl.policy_id,
        "policy_title": impl.policy_title,
        "subject_id": impl.subject_id,
        "on": impl.on,
        "status": impl.status,
        "status_note": impl.status_note,
        "version_label": impl.version_label,
        "combine": impl.combine,
        "eligible": impl.eligible,
        "granted": _benefit(None if impl.granted is None else Benefit._wrap(impl.granted)),
        "amount_fen": impl.amount_fen,
        "granting_rules": tuple(impl.granting_rules),
        "first_failing_condition": impl.first_failing_condition(),
        "would_be_eligible_on": impl.would_be_eligible_on(),
        "rules": [
            {
                "rule_id": r.rule_id,
                "title": r.title,
                "citation": _citation(Citation._wrap(r.citation)),
                "grant": _benefit(Benefit._wrap(r.grant)),
                "eligible": r.eligible,
                "reasons": tuple(Reason._from_core(x) for x in r.reasons),
                "would_be_met_on": r.would_be_met_on,
                "explain": r.explain(0),
            }
            for r in impl.rules
        ],
        "explain": impl.explain(),
    }


def lazy(d: ec.Decision) -> Dict[str, Any]:
    """The same attributes read through the Python view."""
    return {
        "policy_id": d.policy_id,
        "policy_title": d.policy_title,
        "subject_id": d.subject_id,
        "on": d.on,
        "status": d.status,
        "status_note": d.status_note,
        "version_label": d.version_label,
        "combine": d.combine,
        "eligible": d.eligible,
        "granted": _benefit(d.granted),
        "amount_fen": d.amount_fen,
        "granting_rules": d.granting_rules,
        "first_failing_condition": d.first_failing_condition,
        "would_be_eligible_on": d.would_be_eligible_on,
        "rules": [
            {
                "rule_id": r.rule_id,
                "title": r.title,
                "citation": _citation(r.citation),
                "grant": _benefit(r.grant),
                "eligible": r.eligible,
                "reasons": r.reasons,
                "would_be_met_on": r.would_be_met_on,
                "explain": r.explain(),
            }
            for r in d.rules
        ],
        "explain": d.explain(),
    }


@pytest.fixture(scope="module")
def people() -> ec.Population:
    return ec.synthetic_population(300, profile="mixed", seed=7)


def _sample(pop: ec.Population) -> List[ec.Person]:
    """Persons with and without stays, eligible and not, across the profiles."""
    with_stays = [pop.person(i) for i in range(len(pop)) if pop.person(i).stays][:4]
    return with_stays + [pop.person(i) for i in range(0, len(pop), 37)]


@pytest.mark.parametrize("entry", PERSON_ENTRIES)
def test_lazy_view_equals_the_eager_construction(entry: str, people: ec.Population) -> None:
    facilities = people.facilities
    for person in _sample(people):
        for on in ON:
            d = ec.catalog.evaluate(entry, person, on, facilities)
            expected = eager(_core.catalog_evaluate(entry, person._impl, on, facilities._impl))
            assert lazy(d) == expected, (entry, person.id, on)
            # Whatever is read first, the same: a second decision read in the other order.
            again = ec.catalog.evaluate(entry, person, on, facilities)
            first_text = str(again)
            assert again.to_dict() == d.to_dict()
            assert first_text == expected["explain"]
            assert again._repr_html_() == d._repr_html_()


def test_the_python_objects_are_built_once_and_kept(people: ec.Population) -> None:
    person = next(p for p in _sample(people) if p.stays)
    d = ec.catalog.evaluate(XICHENG, person, "2024-06-30", people.facilities)
    assert d.rules is d.rules
    assert d.granting_rules is d.granting_rules
    assert d.granted is d.granted
    rule = d.rules[0]
    assert rule.reasons is rule.reasons
    assert rule.citation is rule.citation
    assert rule.grant is rule.grant


def test_views_stay_immutable(people: ec.Population) -> None:
    d = ec.catalog.evaluate(XICHENG, people.person(0), "2024-06-30", people.facilities)
    for name in ("eligible", "rules", "_impl", "_rules", "anything"):
        with pytest.raises(AttributeError, match="Decision is immutable"):
            setattr(d, name, None)
    with pytest.raises(AttributeError, match="RuleOutcome is immutable"):
        d.rules[0].eligible = True  # type: ignore[misc]


@pytest.mark.parametrize("source", ["catalog", "policy"])
def test_a_decision_outlives_its_person_policy_and_facilities(source: str) -> None:
    def decide() -> ec.Decision:
        facility = ec.Facility("HB1", "131082", beds=120, filing=ec.Filing("131082", "2019-03-01"))
        registry = ec.FacilityRegistry([facility])
        person = ec.Person(
            "p1",
            "1940-07-01",
            hukou=ec.Hukou("110102", "1970-01-01"),
            residence=ec.Residence("131082"),
            stays=[ec.Stay("HB1", "2023-01-10")],
        )
        if source == "catalog":
            return ec.catalog.evaluate(XICHENG, person, "2024-06-30", registry)
        return ec.evaluate(ec.catalog.policy(XICHENG), person, "2024-06-30", registry)

    kept = decide()  # nothing read yet: every Python object is made after the inputs are gone
    reference = decide()
    expected = (lazy(reference), reference.to_dict(), reference._repr_html_(), repr(reference))
    del reference
    gc.collect()
    # Other objects take the freed memory before the kept view is first read.
    churn = [decide() for _ in range(20)]
    del churn
    gc.collect()
    assert (lazy(kept), kept.to_dict(), kept._repr_html_(), repr(kept)) == expected
    assert kept.eligible and kept.amount_fen == 60000
    assert kept.rules[0].reasons and kept.rules[0].citation.document


READINGS = [None, {"stay.counting": "natural_month"}, {"stay.transfers": "restarts", "stay.gaps": "tolerate_30_days"}]


@pytest.mark.parametrize("entry", [XICHENG, "cn.beijing.xicheng.travel_stay", "cn.shaanxi.xian.advanced_age_allowance"])
def test_the_cached_entry_decides_as_a_freshly_built_policy(entry: str, people: ec.Population) -> None:
    facilities = people.facilities
    persons = _sample(people)
    # Readings alternate, so that an entry cached under one set is never used for another.
    for _round in range(2):
        for readings in READINGS:
            fresh = ec.catalog.policy(entry, readings)
            for person in persons:
                for on in ON:
                    d = ec.catalog.evaluate(entry, person, on, facilities, readings)
                    e = ec.evaluate(fresh, person, on, facilities)
                    assert d.to_dict() == e.to_dict(), (entry, readings, person.id, on)
                    assert str(d) == str(e)


def test_readings_change_the_cached_decision() -> None:
    # A stay with a 20-day gap: continuous under "tolerate_30_days", broken under the default.
    registry = ec.FacilityRegistry([ec.Facility("HB1", "131082", beds=120, filing=ec.Filing("131082", "2019-03-01"))])
    person = ec.Person(
        "gap",
        "1940-07-01",
        hukou=ec.Hukou("110102", "1970-01-01"),
        residence=ec.Residence("131082"),
        stays=[ec.Stay("HB1", "2024-01-05", "2024-04-20"), ec.Stay("HB1", "2024-05-10")],
    )
    by_readings = {}
    for _ in range(2):
        for gaps in ("none", "tolerate_30_days"):
            d = ec.catalog.evaluate(XICHENG, person, "2024-06-30", registry, {"stay.gaps": gaps})
            by_readings.setdefault(gaps, set()).add(d.eligible)
    assert by_readings == {"none": {False}, "tolerate_30_days": {True}}


def test_a_bundle_through_the_cache_adds_its_components(people: ec.Population) -> None:
    bundle = "cn.beijing.elderly_allowances"
    components = ec.catalog.entry(bundle).components
    for person in _sample(people):
        d = ec.catalog.evaluate(bundle, person, "2024-06-30", people.facilities)
        parts = [ec.catalog.evaluate(c, person, "2024-06-30", people.facilities) for c in components]
        assert d.amount_fen == sum(p.amount_fen for p in parts if p.status == "decided")
        assert lazy(d) == eager(_core.catalog_evaluate(bundle, person._impl, "2024-06-30", people.facilities._impl))


def test_errors_are_those_of_the_catalog(people: ec.Population) -> None:
    person = people.person(0)
    with pytest.raises(ec.PolicyLookupError, match=r"no catalog entry 'cn\.nowhere'"):
        ec.catalog.evaluate("cn.nowhere", person, "2024-06-30")
    with pytest.raises(ec.PolicyLookupError, match=r"no catalog entry 'cn\.nowhere'"):
        ec.catalog.evaluate("cn.nowhere", person, "2024-06-30")  # nothing was kept for it
    with pytest.raises(ec.InvalidValue, match=r"readings\.stay\.gaps"):
        ec.catalog.evaluate(XICHENG, person, "2024-06-30", readings={"stay.gaps": "forever"})
    with pytest.raises(ec.InvalidValue, match="on"):
        ec.catalog.evaluate(XICHENG, person, "2024-02-30")


def test_the_cpp_timing_helper_runs_the_same_decision(people: ec.Population) -> None:
    person = next(p for p in _sample(people) if p.stays)
    us, text_bytes = _core.catalog_decision_us(XICHENG, person._impl, "2024-06-30", people.facilities._impl, 5)
    assert us > 0
    assert text_bytes == len(str(ec.catalog.evaluate(XICHENG, person, "2024-06-30", people.facilities)).encode())
    with pytest.raises(ec.InvalidValue, match="repetitions"):
        _core.catalog_decision_us(XICHENG, person._impl, "2024-06-30", people.facilities._impl, 0)
