"""The results of evaluations: reasons, rule outcomes, decisions, schedules, stacked grants.

A :class:`Decision` says whether a subject is eligible, for what, and why: every rule
(:class:`RuleOutcome`) and condition (:class:`Reason`) behind it, with the facts each condition
looked at. ``print(decision)`` shows the C++ explanation; in Jupyter the decision renders as an HTML
table. A :class:`Schedule` holds month-by-month payments (:class:`ScheduleLine`).

These types are apart from the functions that produce them (:meth:`Condition.explain`,
:meth:`Rule.evaluate`, :func:`eldercare.evaluate`, :func:`eldercare.schedule`, the worker policies
and the catalog), which sit in higher layers; they are built from the compiled results only.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, TypeVar, Union, overload

from . import _core
from ._benefits import Benefit, Citation, format_fen

__all__ = [
    "Decision",
    "Reason",
    "RuleOutcome",
    "Schedule",
    "ScheduleLine",
    "StackedGrant",
]

_KINDS = {"leaf": "leaf", "all_of": "all", "any_of": "any", "negation": "not"}


_T = TypeVar("_T")


def _cached(obj: Any, slot: str, make: Callable[[], _T]) -> _T:
    """`obj`'s value in `slot`, made by `make` and kept there on first access (the views below are
    immutable to their users, so the slot is set past their __setattr__)."""
    try:
        return getattr(obj, slot)
    except AttributeError:
        value = make()
        object.__setattr__(obj, slot, value)
        return value


@dataclass(frozen=True)
class Reason:
    """The verdict of one condition, or of a group of conditions, in an evaluation.

    Attributes
    ----------
    condition : str
        What was asked, e.g. ``"age ≥ 60 周岁"``; ``"all of"``, ``"any of"`` or ``"not"`` for a group.
    passed : bool
    facts : dict[str, str]
        What the condition looked at, e.g. ``{"hukou.region": "110102 西城区"}``.
    met_on : datetime.date or None
        For a failed condition that time will satisfy (an age, a duration), the first date on which
        it would pass if nothing else changed.
    note : str
        Anything else worth saying ("no assessment on file").
    kind : str
        ``"leaf"``, ``"all"``, ``"any"`` or ``"not"``.
    depth : int
        Nesting under groups, for display.
    """

    condition: str
    passed: bool
    facts: Dict[str, str] = field(default_factory=dict, hash=False)
    met_on: Optional[datetime.date] = None
    note: str = ""
    kind: str = "leaf"
    depth: int = 0

    @classmethod
    def _from_core(cls, r: _core.reason) -> Reason:
        return cls(
            condition=r.condition,
            passed=r.passed,
            facts=dict(r.facts),
            met_on=r.met_on,
            note=r.note,
            kind=_KINDS[r.kind],
            depth=r.depth,
        )

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict (dates as ISO text)."""
        return {
            "condition": self.condition,
            "passed": self.passed,
            "facts": dict(self.facts),
            "met_on": None if self.met_on is None else self.met_on.isoformat(),
            "note": self.note,
            "kind": self.kind,
            "depth": self.depth,
        }


class RuleOutcome:
    """The verdict on one rule, with every condition it checked.

    Attributes
    ----------
    rule_id, title : str
    citation : Citation
    grant : Benefit
        What the rule grants when it holds.
    eligible : bool
    reasons : tuple of Reason
        In evaluation order; groups come before their parts.
    would_be_met_on : datetime.date or None
        The first date on which the rule would hold if only time passed.
    """

    # A view of the compiled outcome, which it owns (a copy, valid whatever else is dropped): each
    # attribute is read from it when asked, and the Python objects (citation, grant, reasons) are
    # built on first access and kept. The properties carry no docstrings: the class documents them.
    __slots__ = ("_citation", "_grant", "_impl", "_reasons")
    _impl: _core.rule_outcome

    @classmethod
    def _from_core(cls, impl: _core.rule_outcome) -> RuleOutcome:
        obj = cls.__new__(cls)
        object.__setattr__(obj, "_impl", impl)
        return obj

    @property
    def rule_id(self) -> str:
        return self._impl.rule_id

    @property
    def title(self) -> str:
        return self._impl.title

    @property
    def citation(self) -> Citation:
        return _cached(self, "_citation", lambda: Citation._wrap(self._impl.citation))

    @property
    def grant(self) -> Benefit:
        return _cached(self, "_grant", lambda: Benefit._wrap(self._impl.grant))

    @property
    def eligible(self) -> bool:
        return self._impl.eligible

    @property
    def reasons(self) -> Tuple[Reason, ...]:
        return _cached(self, "_reasons", lambda: tuple(Reason._from_core(r) for r in self._impl.reasons))

    @property
    def would_be_met_on(self) -> Optional[datetime.date]:
        return self._impl.would_be_met_on

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("RuleOutcome is immutable")

    def explain(self) -> str:
        """The outcome in words, as the C++ engine writes it."""
        return self._impl.explain(0)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        verdict = "holds" if self.eligible else "does not hold"
        return f"<RuleOutcome {self.rule_id}: {verdict}>"

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.rule_id,
            "title": self.title,
            "eligible": self.eligible,
            "grant": _benefit_dict(self.grant),
            "citation": str(self.citation),
            "would_be_met_on": None if self.would_be_met_on is None else self.would_be_met_on.isoformat(),
            "reasons": [r.to_dict() for r in self.reasons],
        }


def _benefit_dict(b: Optional[Benefit]) -> Optional[Dict[str, Any]]:
    if b is None:
        return None
    return {"unit": b.unit, "period": b.period, "quantity": b.quantity, "text": str(b)}


class Decision:
    """A policy evaluated for one subject (a person or a household) on one date.

    Attributes
    ----------
    policy_id, policy_title, subject_id : str
    on : datetime.date
    status : str
        ``"decided"``, ``"not_in_force"`` (no version on the date), ``"not_computable"``, or
        ``"undetermined"``: before the scheme's first known date, where a source shows it existed
        earlier — neither eligible nor not eligible (``status_note`` says why).
    status_note : str
        Why no decision could be made, in words.
    version_label : str
        The version applied.
    combine : str
        How the version's rules combined.
    eligible : bool
    granted : Benefit or None
    amount_fen : int
        The money granted per its period, in fen (0 when nothing, or a non-money benefit, is granted).
    granting_rules : tuple of str
        Ids of the rules whose grant was paid.
    rules : tuple of RuleOutcome
        Every rule of the version, in order.
    first_failing_condition : str
        The first leaf condition that failed ("" when eligible), for tables of results.
    would_be_eligible_on : datetime.date or None
        The earliest date on which some rule would hold if only time passed.
    """

    # A view of the compiled decision, which it owns (valid after the person, the policy or the
    # catalog entry are dropped): each attribute is read from it when asked, and the Python objects
    # (the grant, the rules and their reasons) are built on first access and kept, so that a
    # decision printed, or read for its verdict, builds none of them. The properties carry no
    # docstrings: the class documents them.
    __slots__ = ("_granted", "_granting_rules", "_impl", "_rules")
    _impl: _core.decision

    @classmethod
    def _from_core(cls, impl: _core.decision) -> Decision:
        obj = cls.__new__(cls)
        object.__setattr__(obj, "_impl", impl)
        return obj

    @property
    def policy_id(self) -> str:
        return self._impl.policy_id

    @property
    def policy_title(self) -> str:
        return self._impl.policy_title

    @property
    def subject_id(self) -> str:
        return self._impl.subject_id

    @property
    def on(self) -> datetime.date:
        return self._impl.on

    @property
    def status(self) -> str:
        return self._impl.status

    @property
    def status_note(self) -> str:
        return self._impl.status_note

    @property
    def version_label(self) -> str:
        return self._impl.version_label

    @property
    def combine(self) -> str:
        return self._impl.combine

    @property
    def eligible(self) -> bool:
        return self._impl.eligible

    @property
    def granted(self) -> Optional[Benefit]:
        def make() -> Optional[Benefit]:
            g = self._impl.granted
            return None if g is None else Benefit._wrap(g)

        return _cached(self, "_granted", make)

    @property
    def amount_fen(self) -> int:
        return self._impl.amount_fen

    @property
    def granting_rules(self) -> Tuple[str, ...]:
        return _cached(self, "_granting_rules", lambda: tuple(self._impl.granting_rules))

    @property
    def rules(self) -> Tuple[RuleOutcome, ...]:
        return _cached(self, "_rules", lambda: tuple(RuleOutcome._from_core(r) for r in self._impl.rules))

    @property
    def first_failing_condition(self) -> str:
        return self._impl.first_failing_condition()

    @property
    def would_be_eligible_on(self) -> Optional[datetime.date]:
        return self._impl.would_be_eligible_on()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Decision is immutable")

    def explain(self) -> str:
        """The decision in words: every rule, every condition, the facts, the citation, the dates."""
        return self._impl.explain()

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        if self.status == "undetermined":
            verdict = f"undetermined ({self.status_note})"
        elif self.status != "decided":
            verdict = self.status_note
        elif self.eligible:
            verdict = f"eligible for {self.granted}"
        else:
            verdict = "not eligible"
        return f"<Decision {self.policy_id} for {self.subject_id} on {self.on}: {verdict}>"

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict: the verdict, the amount in fen, and every rule with its reasons."""
        return {
            "policy": self.policy_id,
            "person": self.subject_id,
            "on": self.on.isoformat(),
            "status": self.status,
            "status_note": self.status_note,
            "version": self.version_label,
            "eligible": self.eligible,
            "amount_fen": self.amount_fen,
            "granted": _benefit_dict(self.granted),
            "granting_rules": list(self.granting_rules),
            "first_failing_condition": self.first_failing_condition,
            "would_be_eligible_on": None
            if self.would_be_eligible_on is None
            else self.would_be_eligible_on.isoformat(),
            "rules": [r.to_dict() for r in self.rules],
        }

    def _repr_html_(self) -> str:
        e = html.escape
        head = f"<b>{e(self.policy_id)}</b> — {e(self.policy_title)}<br>{e(self.subject_id)} on {self.on}"
        if self.status == "undetermined":
            return (
                f'<div class="eldercare-decision"><p>{head}: <b style="color:#9a6700">UNDETERMINED</b> — '
                f"{e(self.status_note)}</p></div>"
            )
        if self.status != "decided":
            return f'<div class="eldercare-decision"><p>{head}: {e(self.status_note)}</p></div>'
        if self.eligible:
            rules = ", ".join(self.granting_rules)
            verdict = f'<b style="color:#1a7f37">ELIGIBLE</b> for {e(str(self.granted))} (rule {e(rules)})'
        else:
            verdict = '<b style="color:#cf222e">NOT ELIGIBLE</b>'
            if self.would_be_eligible_on is not None:
                verdict += f"; would be eligible on {self.would_be_eligible_on}"
        rows: List[str] = []
        for r in self.rules:
            mark = "✓" if r.eligible else "✗"
            rows.append(
                '<tr style="border-top:1px solid #999"><td colspan="4" style="text-align:left">'
                f"{mark} <b>{e(r.rule_id)}</b>: {e(r.title)} → {e(str(r.grant))}"
                f"<br><small>{e(str(r.citation))}</small></td></tr>"
            )
            for reason in r.reasons:
                colour = "#1a7f37" if reason.passed else "#cf222e"
                label = reason.condition if reason.kind == "leaf" else reason.condition + ":"
                facts = "; ".join(f"{e(k)} = {e(v)}" for k, v in reason.facts.items())
                notes = [e(reason.note)] if reason.note else []
                if not reason.passed and reason.met_on is not None:
                    notes.append(f"would be met on {reason.met_on}")
                rows.append(
                    "<tr>"
                    f'<td style="color:{colour};text-align:center">{"✓" if reason.passed else "✗"}</td>'
                    f'<td style="text-align:left;padding-left:{1 + 1.5 * reason.depth:.1f}em">{e(label)}</td>'
                    f'<td style="text-align:left">{facts}</td>'
                    f'<td style="text-align:left">{"; ".join(notes)}</td>'
                    "</tr>"
                )
        return (
            '<div class="eldercare-decision">'
            f"<p>{head} (version {e(self.version_label)}, rules combine by {e(self.combine)}): {verdict}</p>"
            '<table><thead><tr><th></th><th style="text-align:left">condition</th>'
            '<th style="text-align:left">facts</th><th style="text-align:left">note</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )


@dataclass(frozen=True)
class ScheduleLine:
    """One month of a schedule.

    Attributes
    ----------
    year, month : int
    tested_on : datetime.date
        The day eligibility was tested.
    eligible : bool
    amount_fen : int or None
        Money paid for the month, in fen (with arrears where the version pays them); None for an
        undetermined month, whose amount is unknown (not 0 owed).
    arrears_months : int
        Months of arrears included in `amount_fen`.
    granted : Benefit or None
    status : str
        The month's status on its test day: ``"decided"``, ``"not_in_force"``, ``"not_computable"``
        or ``"undetermined"`` (before the scheme's first known date).
    """

    year: int
    month: int
    tested_on: datetime.date
    eligible: bool
    amount_fen: Optional[int]
    arrears_months: int = 0
    granted: Optional[Benefit] = None
    status: str = "decided"

    @classmethod
    def _from_core(cls, x: _core.schedule_line) -> ScheduleLine:
        known = x.status != "undetermined"
        return cls(
            year=x.year,
            month=x.month,
            tested_on=x.tested_on,
            eligible=x.eligible,
            amount_fen=x.amount_fen if known else None,
            arrears_months=x.arrears_months,
            granted=None if x.granted is None else Benefit._wrap(x.granted),
            status=x.status,
        )


class Schedule(Sequence[ScheduleLine]):
    """Month-by-month payments over a date range: a sequence of :class:`ScheduleLine`."""

    __slots__ = ("_lines", "person_id", "policy_id")

    def __init__(self, policy_id: str, person_id: str, lines: Iterable[ScheduleLine]) -> None:
        self.policy_id = policy_id
        self.person_id = person_id
        self._lines = tuple(lines)

    @classmethod
    def _from_core(cls, policy_id: str, subject_id: str, lines: Iterable[_core.schedule_line]) -> Schedule:
        return cls(policy_id, subject_id, (ScheduleLine._from_core(x) for x in lines))

    @overload
    def __getitem__(self, i: int) -> ScheduleLine: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[ScheduleLine]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[ScheduleLine, Sequence[ScheduleLine]]:
        return self._lines[i]

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[ScheduleLine]:
        return iter(self._lines)

    @property
    def total_fen(self) -> int:
        """The money over the determined months of the schedule, in fen (see :attr:`undetermined_months`)."""
        return sum(line.amount_fen for line in self._lines if line.amount_fen is not None)

    @property
    def undetermined_months(self) -> int:
        """Months before the scheme's first known date, whose amounts are unknown (left out of the total)."""
        return sum(1 for line in self._lines if line.status == "undetermined")

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per month; ``amount_fen`` is missing (``<NA>``) in undetermined months."""
        import pandas as pd

        return pd.DataFrame(
            {
                "year": [x.year for x in self._lines],
                "month": [x.month for x in self._lines],
                "tested_on": [x.tested_on for x in self._lines],
                "status": [x.status for x in self._lines],
                "eligible": [x.eligible for x in self._lines],
                "amount_fen": pd.array([x.amount_fen for x in self._lines], dtype="Int64"),
                "arrears_months": [x.arrears_months for x in self._lines],
            }
        )

    def __repr__(self) -> str:
        unknown = self.undetermined_months
        more = f", {unknown} undetermined" if unknown else ""
        return (
            f"<Schedule {self.policy_id} for {self.person_id}: {len(self)} months{more}, "
            f"total {format_fen(self.total_fen)} yuan>"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{x.year}-{x.month:02d}</td><td>{x.tested_on}</td><td>{'✓' if x.eligible else '✗'}</td>"
            f'<td style="text-align:right">'
            f"{'undetermined' if x.amount_fen is None else format_fen(x.amount_fen)}</td></tr>"
            for x in self._lines
        )
        return (
            f"<p><b>{html.escape(self.policy_id)}</b> for {html.escape(self.person_id)}: total "
            f"{format_fen(self.total_fen)} yuan</p><table><thead><tr><th>month</th><th>tested on</th>"
            f"<th>eligible</th><th>yuan</th></tr></thead><tbody>{rows}</tbody></table>"
        )


@dataclass(frozen=True)
class StackedGrant:
    """What is paid of one decision after stacking: the grant, whether paid, and why."""

    policy_id: str
    granted: Optional[Benefit]
    paid: bool
    reason: str
