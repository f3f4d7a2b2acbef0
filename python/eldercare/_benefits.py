"""What rules grant and what they rest on: money in fen, benefits, citations, parameters.

A :class:`Benefit` is what a rule grants (a unit, a period, a whole quantity); a :class:`Citation`
names the clause a rule or a version encodes; a :class:`Parameter` reports a value with its
provenance. These are values without conditions, so the result types (:mod:`eldercare._outcomes`)
hold them without depending on rules. :mod:`eldercare._rules` builds rules from them (and re-exports
them, where they were first declared).

Money is always a whole number of fen (分); build amounts with ``yuan=`` or ``fen=`` explicitly.
"""

from __future__ import annotations

import datetime
from typing import Any, Optional, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid
from ._values import _Frozen

__all__ = [
    "BENEFIT_PERIODS",
    "BENEFIT_UNITS",
    "PROVENANCES",
    "Benefit",
    "Citation",
    "Parameter",
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

# The words are the C++ enums' own (eldercare::enum_words, exported as _core.words).
#: What a benefit is counted in.
BENEFIT_UNITS: Tuple[str, ...] = _core.words["benefit_unit"]
#: How often a benefit is granted.
BENEFIT_PERIODS: Tuple[str, ...] = _core.words["benefit_period"]
#: Where a parameter's value comes from (POLICIES.md).
PROVENANCES: Tuple[str, ...] = _core.words["provenance"]


def to_fen(yuan: Union[int, float, str, Any], *, field: str = "amount") -> int:
    """Whole fen from a yuan amount: an int, a float with at most two decimals, a Decimal or text.

    One rule for every amount (docs/concepts/money.md), and never a rounding: text and a Decimal are
    read by their digits, a float by its shortest decimal (its ``repr``), and either must have two
    decimals at most. ``to_fen(600.5)`` is 60050 and ``to_fen(0.1)`` is 10; ``to_fen("0.005")``,
    ``to_fen(600.0000004)``, ``to_fen(0.1 + 0.2)`` (``0.30000000000000004``) and
    ``to_fen(float("nan"))`` raise :class:`~eldercare.InvalidValue` naming `field` and quoting the
    value as given.
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
    _impl: _core.benefit
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
    _impl: _core.citation
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
    _impl: _core.parameter_info
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
