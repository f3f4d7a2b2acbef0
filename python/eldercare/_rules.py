"""Rules and policies (C++ eldercare/rules/), with the benefits and citations they hold.

A :class:`Rule` is a :class:`~eldercare.conditions.Condition`, the :class:`Benefit` it grants, the
:class:`Citation` of the clause it encodes, and its :class:`Parameter` list with provenance. A
:class:`PolicyVersion` groups rules in force over a date range and says how they combine; a
:class:`Policy` holds its versions. A rule and a policy evaluate themselves (:meth:`Rule.evaluate`,
:meth:`Policy.evaluate`, :meth:`Policy.schedule`) into the result types of
:mod:`eldercare._outcomes`; :func:`eldercare.evaluate` and :func:`eldercare.schedule` call them.

Benefits, citations, parameters and money are declared in :mod:`eldercare._benefits` (the result
types hold them too) and exported here as well.

Money is always a whole number of fen (分); build amounts with ``yuan=`` or ``fen=`` explicitly.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterable, Optional, Tuple, Union

from . import _check, _core
from ._benefits import (
    BENEFIT_PERIODS,
    BENEFIT_UNITS,
    PROVENANCES,
    Benefit,
    Citation,
    Parameter,
    devices_once,
    format_fen,
    meals_per_day,
    money_once,
    money_per_day,
    money_per_month,
    money_per_year,
    priority_points,
    service_hours_per_month,
    service_places,
    to_fen,
    visits_per_month,
)
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._outcomes import Decision, RuleOutcome, Schedule
from ._values import Facility, FacilityRegistry, Household, Person, _facilities_arg, _Frozen
from .conditions import Condition, _from_tree, _person_arg, _tree

__all__ = [
    "BENEFIT_PERIODS",
    "BENEFIT_UNITS",
    "PROVENANCES",
    "Benefit",
    "Citation",
    "Parameter",
    "Policy",
    "PolicyVersion",
    "Rule",
    "devices_once",
    "format_fen",
    "meals_per_day",
    "money_once",
    "money_per_day",
    "money_per_month",
    "money_per_year",
    "priority_points",
    "service_hours_per_month",
    "service_places",
    "to_fen",
    "visits_per_month",
]


def _parameters(values: Iterable[Parameter], field: str) -> Tuple[Parameter, ...]:
    out = tuple(_check.sequence(values, field))
    for i, p in enumerate(out):
        if not isinstance(p, Parameter):
            invalid_type(f"{field}[{i}]", p, "expected a Parameter")
    return out


class Rule(_Frozen):
    """A rule: a condition, the benefit it grants, the clause it encodes, and its parameters.

    Parameters
    ----------
    id : str
        Stable within its policy, e.g. ``"jin_ji_meng"``.
    title : str
    condition : Condition
    grant : Benefit
    citation : Citation, optional
    parameters : iterable of Parameter

    Examples
    --------
    >>> from eldercare import Rule, money_per_month, regions
    >>> from eldercare.conditions import hukou_in, age_at_least, continuous_stay_at_least
    >>> rule = Rule(
    ...     "jin_ji_meng", "filed institution in 津冀蒙 for 3 months",
    ...     hukou_in(regions.XICHENG) & age_at_least(60)
    ...     & continuous_stay_at_least(months=3, regions=regions.jin_ji_meng()),
    ...     money_per_month(yuan=600))
    """

    _fields = ("id", "title", "condition", "grant", "citation", "parameters")
    __slots__ = (*_fields, "_impl")
    _impl: _core.rule
    id: str
    title: str
    condition: Condition
    grant: Benefit
    citation: Citation
    parameters: Tuple[Parameter, ...]

    def __init__(
        self,
        id: str,
        title: str,
        condition: Condition,
        grant: Benefit,
        *,
        citation: Optional[Citation] = None,
        parameters: Iterable[Parameter] = (),
    ) -> None:
        _check.text(id, "rule.id", allow_empty=False)
        at = f"rules[{id}]"
        _check.text(title, f"{at}.title")
        if not isinstance(condition, Condition):
            invalid_type(f"{at}.condition", condition, "expected a Condition")
        if not isinstance(grant, Benefit):
            invalid_type(f"{at}.grant", grant, "expected a Benefit")
        cite = Citation() if citation is None else citation
        if not isinstance(cite, Citation):
            invalid_type(f"{at}.citation", citation, "expected a Citation")
        params = _parameters(parameters, f"{at}.parameters")
        impl = _core.rule(id, title, cite._impl, condition._impl, grant._impl, [p._impl for p in params])
        self._set(id=id, title=title, condition=condition, grant=grant, citation=cite, parameters=params, _impl=impl)

    @classmethod
    def _wrap(cls, impl: _core.rule) -> Rule:
        obj = cls.__new__(cls)
        obj._set(
            id=impl.id,
            title=impl.title,
            condition=Condition(impl.condition),
            grant=Benefit._wrap(impl.grant),
            citation=Citation._wrap(impl.citation),
            parameters=tuple(Parameter._wrap(p) for p in impl.parameters),
            _impl=impl,
        )
        return obj

    def evaluate(
        self, person: Person, on: DateLike, facilities: Union[FacilityRegistry, Iterable[Facility], None] = None
    ) -> RuleOutcome:
        """The rule's verdict for `person` on `on`, with every condition it checked."""
        return RuleOutcome._from_core(
            _core.evaluate_rule(self._impl, _person_arg(person), on, _facilities_arg(facilities))
        )

    # Pickling (Dask workers, multiprocessing). The C++ condition has no serialised form, so a rule
    # travels as its condition's tree (eldercare.conditions: groups with their parts, leaves by kind
    # and parameters, rebuilt by the generic factory); the rule itself is then rebuilt through its
    # constructor, so a catalog rule comes back as a run-time rule with the same verdicts and
    # explanations (design.md: typed and run-time rules agree).

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        tree = _tree(self.condition, f"rules[{self.id}].condition")
        return (Rule._unpickle, (self.id, self.title, tree, self.grant, self.citation, self.parameters))

    @classmethod
    def _unpickle(
        cls, id: str, title: str, tree: Tuple[Any, ...], grant: Benefit, citation: Citation, parameters: Any
    ) -> Rule:
        return cls(id, title, _from_tree(tree), grant, citation=citation, parameters=parameters)


_COMBINE = ("first_match", "highest", "sum")
_PAYEES = ("person", "household")
_BASES = ("end_of_month", "start_of_month")


class PolicyVersion(_Frozen):
    """Rules in force over a date range, and how they combine into one grant.

    Parameters
    ----------
    label : str
        E.g. ``"2020"``, ``"2023 revision"``.
    effective_from : datetime.date or str
    rules : iterable of Rule
        At least one for a computable policy.
    effective_to : datetime.date or str, optional
        Last day in force; None while in force.
    citation : Citation, optional
    combine : {"first_match", "highest", "sum"}
        Tiers in order (default), the highest grant among the rules that hold, or all of them added.
    paid_to : {"person", "household"}
        每人 (default) or 每户.
    parameters : iterable of Parameter
        Version-level parameters (effective dates and the like).
    paid_month : {"end_of_month", "start_of_month"}
        For schedules: the day a month's eligibility is tested (default: its last day, assumed).
    arrears_months : int
        For schedules: months of arrears paid with the first payment after ineligibility (default 0).
    """

    _fields = (
        "label",
        "effective_from",
        "rules",
        "effective_to",
        "citation",
        "combine",
        "paid_to",
        "parameters",
        "paid_month",
        "arrears_months",
    )
    __slots__ = (*_fields, "_impl")
    _impl: _core.policy_version
    label: str
    effective_from: datetime.date
    rules: Tuple[Rule, ...]
    effective_to: Optional[datetime.date]
    citation: Citation
    combine: str
    paid_to: str
    parameters: Tuple[Parameter, ...]
    paid_month: str
    arrears_months: int

    def __init__(
        self,
        label: str,
        effective_from: DateLike,
        rules: Iterable[Rule],
        *,
        effective_to: Optional[DateLike] = None,
        citation: Optional[Citation] = None,
        combine: str = "first_match",
        paid_to: str = "person",
        parameters: Iterable[Parameter] = (),
        paid_month: str = "end_of_month",
        arrears_months: int = 0,
    ) -> None:
        _check.text(label, "versions[].label", allow_empty=False)
        at = f"versions[{label}]"
        rule_list = tuple(_check.sequence(rules, f"{at}.rules"))
        for i, r in enumerate(rule_list):
            if not isinstance(r, Rule):
                invalid_type(f"{at}.rules[{i}]", r, "expected a Rule")
        ids = [r.id for r in rule_list]
        for i, rid in enumerate(ids):
            if rid in ids[:i]:
                invalid(ErrorId.INVALID_PARAMETER, f"{at}.rules[{i}].id", rid, "duplicate rule id in this version")
        cite = Citation() if citation is None else citation
        if not isinstance(cite, Citation):
            invalid_type(f"{at}.citation", citation, "expected a Citation")
        params = _parameters(parameters, f"{at}.parameters")
        impl = _core.policy_version(
            label,
            effective_from,
            effective_to,
            cite._impl,
            _check.word(combine, f"{at}.combine", _COMBINE),
            _check.word(paid_to, f"{at}.paid_to", _PAYEES),
            [r._impl for r in rule_list],
            [p._impl for p in params],
            _check.word(paid_month, f"{at}.paid_month", _BASES),
            _check.integer(arrears_months, f"{at}.arrears_months", minimum=0),
        )
        self._set(
            label=label,
            effective_from=impl.effective_from,
            rules=rule_list,
            effective_to=impl.effective_to,
            citation=cite,
            combine=combine,
            paid_to=paid_to,
            parameters=params,
            paid_month=paid_month,
            arrears_months=impl.arrears_months,
            _impl=impl,
        )

    @classmethod
    def _wrap(cls, impl: _core.policy_version) -> PolicyVersion:
        obj = cls.__new__(cls)
        obj._set(
            label=impl.label,
            effective_from=impl.effective_from,
            rules=tuple(Rule._wrap(r) for r in impl.rules),
            effective_to=impl.effective_to,
            citation=Citation._wrap(impl.citation),
            combine=impl.combine,
            paid_to=impl.paid_to,
            parameters=tuple(Parameter._wrap(p) for p in impl.parameters),
            paid_month=impl.paid_month,
            arrears_months=impl.arrears_months,
            _impl=impl,
        )
        return obj

    def in_force_on(self, on: DateLike) -> bool:
        """``effective_from <= on <= effective_to``."""
        return self._impl.in_force_on(on)


class Policy(_Frozen):
    """A policy: its versions by effective date.

    Parameters
    ----------
    id : str
        A catalog id such as ``"cn.beijing.xicheng.cross_region_care"``.
    title : str
    versions : iterable of PolicyVersion
        Sorted by ``effective_from``; they must not overlap (close one with ``effective_to`` first).
    status : {"computable", "announced"}
        ``"announced"``: catalogued so users see it, but the sources do not give what is needed.
    missing : str
        For an announced policy: what the sources leave out.
    known_from : datetime.date or str, optional
        When a source shows the scheme existed before its first version (but not how): the first
        version's start. Evaluations before it are ``"undetermined"``, not ``"not_in_force"``.
    known_from_reason : str
        Why earlier dates are undetermined.
    """

    _fields = ("id", "title", "versions", "status", "missing", "known_from", "known_from_reason")
    __slots__ = (*_fields, "_impl")
    _impl: _core.policy
    id: str
    title: str
    versions: Tuple[PolicyVersion, ...]
    status: str
    missing: str
    known_from: Optional[datetime.date]
    known_from_reason: str

    def __init__(
        self,
        id: str,
        title: str,
        versions: Iterable[PolicyVersion],
        *,
        status: str = "computable",
        missing: str = "",
        known_from: Optional[DateLike] = None,
        known_from_reason: str = "",
    ) -> None:
        _check.text(id, "policy.id", allow_empty=False)
        vs = list(_check.sequence(versions, f"{id}.versions"))
        for i, v in enumerate(vs):
            if not isinstance(v, PolicyVersion):
                invalid_type(f"{id}.versions[{i}]", v, "expected a PolicyVersion")
        ordered = tuple(sorted(vs, key=lambda v: v.effective_from))  # the order C++ keeps them in
        impl = _core.policy(
            id,
            _check.text(title, f"{id}.title"),
            [v._impl for v in ordered],
            _check.word(status, f"{id}.status", ("computable", "announced")),
            _check.text(missing, f"{id}.missing"),
            known_from,
            _check.text(known_from_reason, f"{id}.known_from_reason"),
        )
        self._set(
            id=id,
            title=title,
            versions=ordered,
            status=status,
            missing=missing,
            known_from=impl.known_from,
            known_from_reason=impl.known_from_reason,
            _impl=impl,
        )

    @classmethod
    def _wrap(cls, impl: _core.policy) -> Policy:
        obj = cls.__new__(cls)
        obj._set(
            id=impl.id,
            title=impl.title,
            versions=tuple(PolicyVersion._wrap(v) for v in impl.versions),
            status=impl.status,
            missing=impl.missing,
            known_from=impl.known_from,
            known_from_reason=impl.known_from_reason,
            _impl=impl,
        )
        return obj

    @property
    def rules(self) -> Tuple[Rule, ...]:
        """Every rule of every version, in version order (a rule id may appear in several versions)."""
        return tuple(r for v in self.versions for r in v.rules)

    def version_on(self, on: DateLike) -> Optional[PolicyVersion]:
        """The version in force on `on`, or None."""
        i = self._impl.version_index_on(on)
        return None if i is None else self.versions[i]

    def evaluate(
        self,
        subject: Union[Person, Household],
        on: DateLike,
        facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    ) -> Decision:
        """Same as :func:`eldercare.evaluate` (self, subject, on, facilities)."""
        registry = _facilities_arg(facilities)
        if isinstance(subject, Person):
            return Decision._from_core(_core.evaluate(self._impl, subject._impl, on, registry))
        if isinstance(subject, Household):
            return Decision._from_core(_core.evaluate_household(self._impl, subject._impl, on, registry))
        invalid_type("subject", subject, "expected a Person or a Household")

    def schedule(
        self,
        person: Person,
        first: DateLike,
        last: DateLike,
        facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
        *,
        basis: Optional[str] = None,
    ) -> Schedule:
        """Same as :func:`eldercare.schedule` (self, person, first, last, facilities)."""
        _schedule_args(person, basis)
        lines = _core.schedule(self._impl, person._impl, first, last, _facilities_arg(facilities), basis)
        return Schedule._from_core(self.id, person.id, lines)


def _schedule_args(person: Any, basis: Optional[str]) -> None:
    """The checks of a schedule's person and basis (eldercare.schedule makes them before it checks
    the policy, so that a bad call names the same argument whichever way it is made)."""
    if not isinstance(person, Person):
        invalid_type("person", person, "expected a Person")
    if basis is not None:
        _check.word(basis, "basis", _BASES)
