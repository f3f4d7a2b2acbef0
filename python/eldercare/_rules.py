"""Benefits, citations, parameters, rules and policies (C++ eldercare/rules/).

A :class:`Rule` is a :class:`~eldercare.conditions.Condition`, the :class:`Benefit` it grants, the
:class:`Citation` of the clause it encodes, and its :class:`Parameter` list with provenance. A
:class:`PolicyVersion` groups rules in force over a date range and says how they combine; a
:class:`Policy` holds its versions.

Money is always a whole number of fen (分); build amounts with ``yuan=`` or ``fen=`` explicitly.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Optional, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._values import Facility, FacilityRegistry, Household, Person, _Frozen
from .conditions import Condition, _from_tree, _tree

if TYPE_CHECKING:
    from ._decision import Decision, RuleOutcome, Schedule

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

#: What a benefit is counted in.
BENEFIT_UNITS: Tuple[str, ...] = (
    "money",
    "service_hours",
    "visits",
    "meals",
    "priority_points",
    "service_place",
    "device",
)
#: How often a benefit is granted.
BENEFIT_PERIODS: Tuple[str, ...] = ("per_month", "per_year", "per_day", "one_off")
#: Where a parameter's value comes from (POLICIES.md).
PROVENANCES: Tuple[str, ...] = ("stated", "sourced", "derived", "assumed")


def to_fen(yuan: Union[int, float, str, Any], *, field: str = "amount") -> int:
    """Whole fen from a yuan amount: an int, a float with at most two decimals, a Decimal or text.

    Never rounds: ``to_fen(600.5)`` is 60050, ``to_fen("0.005")`` and ``to_fen(float("nan"))`` raise
    :class:`~eldercare.InvalidValue` naming `field`.
    """
    return _core.fen_from_yuan(yuan, field)


def format_fen(fen: int) -> str:
    """``"600.00"``: a fen amount as yuan with two decimals."""
    amount = _check.integer(
        fen, "fen", error_id=ErrorId.INVALID_MONEY, minimum=_check.INT64_MIN, maximum=_check.INT64_MAX
    )
    return _core.money_to_string(amount)


class Benefit(_Frozen):
    """What a rule grants: a unit, a period and a whole quantity (fen for money).

    Parameters
    ----------
    unit : str
        One of :data:`BENEFIT_UNITS`.
    period : str
        One of :data:`BENEFIT_PERIODS`.
    quantity : int
        0 or more; fen for money, hours, visits, meals or points otherwise.

    See Also
    --------
    money_per_month, money_per_year, money_once, service_hours_per_month, visits_per_month,
    meals_per_day, priority_points, service_places, devices_once
    """

    _fields = ("unit", "period", "quantity")
    __slots__ = (*_fields, "_impl")
    unit: str
    period: str
    quantity: int

    def __init__(self, unit: str, period: str, quantity: int) -> None:
        impl = _core.benefit.make(
            _check.word(unit, "benefit.unit", BENEFIT_UNITS),
            _check.word(period, "benefit.period", BENEFIT_PERIODS),
            _check.integer(quantity, "benefit.quantity", minimum=_check.INT64_MIN, maximum=_check.INT64_MAX),
        )
        self._set(unit=impl.unit, period=impl.period, quantity=impl.quantity, _impl=impl)

    @classmethod
    def _wrap(cls, impl: _core.benefit) -> Benefit:
        obj = cls.__new__(cls)
        obj._set(unit=impl.unit, period=impl.period, quantity=impl.quantity, _impl=impl)
        return obj

    @property
    def is_money(self) -> bool:
        return self.unit == "money"

    @property
    def amount_fen(self) -> int:
        """The money per period in fen; 0 for a non-money benefit."""
        return self.quantity if self.is_money else 0

    def __str__(self) -> str:
        return self._impl.to_string()


def _money(period: str, yuan: Any, fen: Optional[int]) -> Benefit:
    if (yuan is None) == (fen is None):
        given = "yuan and fen" if yuan is not None else "none"
        invalid(ErrorId.INVALID_MONEY, "benefit", given, "give exactly one of yuan= or fen=")
    if fen is None:
        amount = to_fen(yuan, field="benefit.yuan")
    else:
        amount = _check.integer(
            fen, "benefit.fen", error_id=ErrorId.INVALID_MONEY, minimum=_check.INT64_MIN, maximum=_check.INT64_MAX
        )
    return Benefit("money", period, amount)


def money_per_month(*, yuan: Any = None, fen: Optional[int] = None) -> Benefit:
    """Money per month: ``money_per_month(yuan=600)`` or ``money_per_month(fen=60000)``."""
    return _money("per_month", yuan, fen)


def money_per_year(*, yuan: Any = None, fen: Optional[int] = None) -> Benefit:
    """Money per year (schedules pay it in the first eligible month, then every 12 months)."""
    return _money("per_year", yuan, fen)


def money_per_day(*, yuan: Any = None, fen: Optional[int] = None) -> Benefit:
    """Money per day (schedules multiply by the days of the month)."""
    return _money("per_day", yuan, fen)


def money_once(*, yuan: Any = None, fen: Optional[int] = None) -> Benefit:
    """A one-off sum (paid once, in the first eligible month, by schedules)."""
    return _money("one_off", yuan, fen)


def service_hours_per_month(hours: int) -> Benefit:
    """Hours of purchased home-care service per month (购买服务时长)."""
    return Benefit("service_hours", "per_month", hours)


def visits_per_month(visits: int) -> Benefit:
    """Visits per month (探访)."""
    return Benefit("visits", "per_month", visits)


def meals_per_day(meals: int) -> Benefit:
    """Meals per day (助餐)."""
    return Benefit("meals", "per_day", meals)


def priority_points(points: int) -> Benefit:
    """Points towards a waiting-list rank (轮候)."""
    return Benefit("priority_points", "one_off", points)


def service_places(places: int = 1) -> Benefit:
    """Places (admissions) in a service facility (入住名额), e.g. a rural regional centre."""
    return Benefit("service_place", "one_off", places)


def devices_once(devices: int = 1) -> Benefit:
    """Devices given in kind, once (实物): a phone (话机), a call device (呼叫器)."""
    return Benefit("device", "one_off", devices)


class Citation(_Frozen):
    """Where a rule comes from: the document, the clause, the words encoded, and where we read it.

    Parameters
    ----------
    document : str
        E.g. ``"《西城区户籍老年人赴津冀蒙异地康养扶持办法》"``.
    clause : str
    key_phrase : str
        The words encoded, e.g. ``"入住…满三个月的，每人每月补贴600元"``.
    source : str
        A seed file name or an address.
    effective_from, effective_to : datetime.date or str, optional
        The text's period in force (``effective_to`` is its last day).
    """

    _fields = ("document", "clause", "key_phrase", "source", "effective_from", "effective_to")
    __slots__ = (*_fields, "_impl")
    document: str
    clause: str
    key_phrase: str
    source: str
    effective_from: Optional[datetime.date]
    effective_to: Optional[datetime.date]

    def __init__(
        self,
        document: str = "",
        clause: str = "",
        key_phrase: str = "",
        source: str = "",
        effective_from: Optional[DateLike] = None,
        effective_to: Optional[DateLike] = None,
        *,
        _field: str = "citation",
    ) -> None:
        impl = _core.citation(
            _check.text(document, f"{_field}.document"),
            _check.text(clause, f"{_field}.clause"),
            _check.text(key_phrase, f"{_field}.key_phrase"),
            _check.text(source, f"{_field}.source"),
            effective_from,
            effective_to,
            _field,
        )
        self._set_from(impl)

    def _set_from(self, impl: _core.citation) -> None:
        self._set(
            document=impl.document,
            clause=impl.clause,
            key_phrase=impl.key_phrase,
            source=impl.source,
            effective_from=impl.effective_from,
            effective_to=impl.effective_to,
            _impl=impl,
        )

    @classmethod
    def _wrap(cls, impl: _core.citation) -> Citation:
        obj = cls.__new__(cls)
        obj._set_from(impl)
        return obj

    def __str__(self) -> str:
        return self._impl.to_string()


class Parameter(_Frozen):
    """A rule parameter as reported: its name, its value as text, provenance, why, and the seed's words.

    Parameters
    ----------
    name : str
        E.g. ``"amount"``, ``"stay_months"``.
    value : str
        E.g. ``"600.00 yuan per month"``.
    provenance : str
        One of :data:`PROVENANCES`: stated (in a seed), sourced (a real policy text), derived
        (computed from stated aggregates), assumed (our documented default; always overridable).
    note : str
        The reasoning, or where else the value comes from; empty when the quote says it all.
    quote : str
        The exact words of the seed the value rests on (原文), e.g. ``"每人每月补贴600元"``; empty
        when none are quoted.
    """

    _fields = ("name", "value", "provenance", "note", "quote")
    __slots__ = (*_fields, "_impl")
    name: str
    value: str
    provenance: str
    note: str
    quote: str

    def __init__(self, name: str, value: str, provenance: str = "assumed", note: str = "", quote: str = "") -> None:
        impl = _core.parameter_info(
            _check.text(name, "parameter.name", allow_empty=False),
            _check.text(value, "parameter.value"),
            _check.word(provenance, "parameter.provenance", PROVENANCES),
            _check.text(note, "parameter.note"),
            _check.text(quote, "parameter.quote"),
        )
        self._set(name=name, value=value, provenance=provenance, note=note, quote=quote, _impl=impl)

    @classmethod
    def _wrap(cls, impl: _core.parameter_info) -> Parameter:
        obj = cls.__new__(cls)
        obj._set(
            name=impl.name, value=impl.value, provenance=impl.provenance, note=impl.note, quote=impl.quote, _impl=impl
        )
        return obj


def _parameters(values: Iterable[Parameter], field: str) -> Tuple[Parameter, ...]:
    out = tuple(_check.sequence(values, field))
    for i, p in enumerate(out):
        if not isinstance(p, Parameter):
            invalid_type(ErrorId.INVALID_PARAMETER, f"{field}[{i}]", p, "expected a Parameter")
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
            invalid_type(ErrorId.INVALID_PARAMETER, f"{at}.condition", condition, "expected a Condition")
        if not isinstance(grant, Benefit):
            invalid_type(ErrorId.INVALID_PARAMETER, f"{at}.grant", grant, "expected a Benefit")
        cite = Citation() if citation is None else citation
        if not isinstance(cite, Citation):
            invalid_type(ErrorId.INVALID_PARAMETER, f"{at}.citation", citation, "expected a Citation")
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
        from ._decision import RuleOutcome
        from ._values import _facilities_arg
        from .conditions import _person_arg

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
                invalid_type(ErrorId.INVALID_PARAMETER, f"{at}.rules[{i}]", r, "expected a Rule")
        ids = [r.id for r in rule_list]
        for i, rid in enumerate(ids):
            if rid in ids[:i]:
                invalid(ErrorId.INVALID_PARAMETER, f"{at}.rules[{i}].id", rid, "duplicate rule id in this version")
        cite = Citation() if citation is None else citation
        if not isinstance(cite, Citation):
            invalid_type(ErrorId.INVALID_PARAMETER, f"{at}.citation", citation, "expected a Citation")
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
                invalid_type(ErrorId.INVALID_PARAMETER, f"{id}.versions[{i}]", v, "expected a PolicyVersion")
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
        from ._decision import evaluate

        return evaluate(self, subject, on, facilities)

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
        from ._decision import schedule

        return schedule(self, person, first, last, facilities, basis=basis)
