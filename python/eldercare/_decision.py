"""Evaluation: :func:`evaluate` and :func:`schedule` (a policy for a subject), and stacking
between policies (:class:`StackingTable`, :func:`resolve_stacking`).

:func:`evaluate` gives a :class:`Decision`: eligible or not, what is granted, and every rule and
condition behind it, with the facts each condition looked at. ``print(decision)`` shows the C++
explanation; in Jupyter the decision renders as an HTML table. The result types are declared in
:mod:`eldercare._outcomes` and exported here as well.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _check, _core
from ._benefits import Benefit, Citation
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._outcomes import Decision, Reason, RuleOutcome, Schedule, ScheduleLine, StackedGrant
from ._rules import Policy, _schedule_args
from ._values import Facility, FacilityRegistry, Household, Person

__all__ = [
    "Decision",
    "Reason",
    "RuleOutcome",
    "Schedule",
    "ScheduleLine",
    "StackedGrant",
    "StackingTable",
    "evaluate",
    "resolve_stacking",
    "schedule",
]


# Catalog policies already built, by (id, readings): building one (C++, then its Python mirror) costs
# ten times a decision, and a Policy is immutable, so one object serves every call. The catalog is
# fixed for the life of the process; the cache is emptied past a few hundred keys (a readings sweep).
_BUILT: Dict[Tuple[str, Tuple[Tuple[Any, Any], ...]], Policy] = {}
_BUILT_MAX = 256


def _catalog_policy(id: str, readings: Optional[Mapping[str, str]], field_name: str = "id") -> Policy:
    """The catalog's policy `id` under `readings`, built once (what :func:`eldercare.catalog.policy`
    returns: the catalog sits above this module, the core builds it)."""
    id = _check.text(id, field_name)
    try:
        key = (id, tuple(sorted(dict(readings or {}).items())))
        hash(key)
    except (TypeError, ValueError):  # readings the core refuses, with its message
        return Policy._wrap(_core.catalog_policy(id, readings))
    built = _BUILT.get(key)
    if built is None:
        built = Policy._wrap(_core.catalog_policy(id, readings))  # errors are not kept
        if len(_BUILT) >= _BUILT_MAX:
            _BUILT.clear()
        _BUILT[key] = built
    return built


def _policy_arg(policy: Any, readings: Optional[Mapping[str, str]] = None) -> Policy:
    """A Policy, or a catalog id built under `readings`."""
    if isinstance(policy, str):
        return _catalog_policy(policy, readings, "policy")
    if not isinstance(policy, Policy):
        invalid_type("policy", policy, "expected a Policy or a catalog id")
    if readings:
        invalid(
            ErrorId.INVALID_PARAMETER, "readings", str(dict(readings)), "readings apply to a catalog id, not a Policy"
        )
    return policy


def evaluate(
    policy: Union[Policy, str],
    subject: Union[Person, Household],
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    *,
    readings: Optional[Mapping[str, str]] = None,
) -> Decision:
    """Evaluate `policy` for a person or a household on a date, with a full explanation.

    Parameters
    ----------
    policy : Policy or str
        A policy, or a catalog id (built under `readings`; a bundle: :func:`eldercare.catalog.evaluate`).
    subject : Person or Household
        For a household, a version paid per household grants once when any member is eligible; a
        version paid per person adds up the members' grants.
    on : datetime.date or str
        The state at 24:00 on this day is decided (art. 203).
    facilities : FacilityRegistry or iterable of Facility, optional
        The facilities that stays refer to (needed by stay conditions).
    readings : dict of str to str, optional
        For a catalog id: the readings to build it under (defaults otherwise).

    Returns
    -------
    Decision
        Evaluating valid facts never raises: a person missing facts gets a decision with reasons.

    Examples
    --------
    >>> d = eldercare.evaluate(policy, person, datetime.date(2023, 5, 28), facilities)  # doctest: +SKIP
    >>> d.eligible, d.amount_fen  # doctest: +SKIP
    (True, 60000)
    >>> print(d)  # doctest: +SKIP
    """
    return _policy_arg(policy, readings).evaluate(subject, on, facilities)


def schedule(
    policy: Union[Policy, str],
    person: Person,
    first: DateLike,
    last: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    *,
    basis: Optional[str] = None,
    readings: Optional[Mapping[str, str]] = None,
) -> Schedule:
    """Month-by-month payments from `first`'s month to `last`'s month inclusive.

    Parameters
    ----------
    policy : Policy or str
        A policy, or a catalog id (built under `readings`).
    person : Person
    first, last : datetime.date or str
    facilities : FacilityRegistry or iterable of Facility, optional
    basis : {"end_of_month", "start_of_month"}, optional
        The day each month is tested; by default the policy version's own ``paid_month``.
    readings : dict of str to str, optional
        For a catalog id: the readings to build it under.

    Notes
    -----
    Uses the fast path (no explanations); evaluate a line's ``tested_on`` to see why.
    """
    _schedule_args(person, basis)
    return _policy_arg(policy, readings).schedule(person, first, last, facilities, basis=basis)


_STACKING_MODES = ("stack", "choose_higher", "exclusive_choice")


class StackingTable:
    """How pairs of policies combine (叠加 / 择高 / 不得同时享受), declared per pair.

    Parameters
    ----------
    fallback : {"stack", "choose_higher", "exclusive_choice"}
        For pairs nobody declared (default ``"stack"``: both are paid).
    """

    __slots__ = ("_impl",)

    def __init__(self, fallback: str = "stack") -> None:
        self._impl: _core.stacking_table = _core.stacking_table(_check.word(fallback, "fallback", _STACKING_MODES))

    def declare(
        self,
        first: str,
        second: str,
        mode: str,
        *,
        citation: Optional[Citation] = None,
        provenance: str = "assumed",
    ) -> StackingTable:
        """Declare how two policies combine; returns the table, so declarations can chain."""
        cite = Citation() if citation is None else citation
        if not isinstance(cite, Citation):
            invalid_type("citation", citation, "expected a Citation")
        self._impl.declare(
            _check.text(first, "first", allow_empty=False),
            _check.text(second, "second", allow_empty=False),
            _check.word(mode, "mode", _STACKING_MODES),
            cite._impl,
            _check.word(provenance, "provenance", ("stated", "sourced", "derived", "assumed")),
        )
        return self

    def mode_for(self, first: str, second: str) -> str:
        """The mode declared for the pair (in either order), or the fallback."""
        return self._impl.mode_for(first, second)

    @property
    def fallback(self) -> str:
        return self._impl.fallback

    def __repr__(self) -> str:
        pairs = ", ".join(f"{r.first}/{r.second}: {r.mode}" for r in self._impl.rules())
        return f"<StackingTable fallback={self.fallback} {{{pairs}}}>"


def resolve_stacking(decisions: Iterable[Decision], table: StackingTable) -> List[StackedGrant]:
    """What is paid of each of a subject's decisions on one date after applying `table`.

    Higher grants are considered first, so under ``choose_higher`` the higher is kept (ties: the
    earlier in `decisions`). Returns one :class:`StackedGrant` per decision, in the same order.
    """
    ds = _check.sequence(decisions, "decisions")
    for i, d in enumerate(ds):
        if not isinstance(d, Decision):
            invalid_type(f"decisions[{i}]", d, "expected a Decision")
    if not isinstance(table, StackingTable):
        invalid_type("table", table, "expected a StackingTable")
    return [
        StackedGrant(g.policy_id, None if g.granted is None else Benefit._wrap(g.granted), g.paid, g.reason)
        for g in _core.resolve_stacking([d._impl for d in ds], table._impl)
    ]
