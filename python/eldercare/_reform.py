"""Reforms: a policy derived from another with amounts, durations, parameters, conditions, rules or
effective dates changed, without touching C++; and :func:`compare`, the cost and the winners and
losers of a reform over a population.

A reform rebuilds only the rules it changes, from the same C++ leaves (read through
:attr:`Condition.parts` and :meth:`Condition.replace`), so an unchanged rule is the very rule of
the base policy and a changed one is evaluated and explained by the same code.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import html
import os
import pathlib
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _check, _core, _reform_file, _weights, catalog
from ._benefits import Benefit, Parameter, format_fen, to_fen
from ._calendar import DateLike
from ._errors import ErrorId, InvalidValue, invalid, invalid_type
from ._population import (
    Population,
    _check_inputs,
    _households_flag,
    _Target,
    _weight_column,
    evaluate_population,
    schedule_population,
)
from ._rules import Policy, PolicyVersion, Rule
from ._schema import PERSON
from ._values import Facility, FacilityRegistry, Person, _facilities_arg
from .conditions import Condition, always
from .regions import RegionCode, RegionSet

__all__ = ["Comparison", "compare", "reform", "reform_from_file"]

PathLike = Union[str, "os.PathLike[str]"]

Selector = Union[str, Condition]
_Leaf = Callable[[_core.condition], Optional[_core.condition]]


def _base_policy(base: Any, readings: Optional[Mapping[str, str]]) -> Policy:
    if isinstance(base, Policy):
        if readings:
            invalid(
                ErrorId.INVALID_PARAMETER,
                "readings",
                str(dict(readings)),
                "readings apply to a catalog id, not a Policy",
            )
        return base
    if isinstance(base, str):
        return catalog.policy(base, readings)
    invalid_type("base", base, "expected a Policy or a catalog id")


def _open(c: Condition) -> _core.condition:
    """The condition as a run-time tree down to its leaves (compile-time groups opened)."""
    return c._impl.unfolded()


def _transform(node: _core.condition, leaf: _Leaf) -> Optional[_core.condition]:
    """Rebuilds an unfolded condition, replacing (or dropping, on None) each leaf with `leaf(leaf)`;
    groups keep their nesting (no flattening), so explanations keep their shape."""
    if node.shape == "leaf":
        return leaf(node)
    parts = [p for p in (_transform(c, leaf) for c in node.children()) if p is not None]
    if not parts:
        return None
    if node.shape == "negation":
        return _core.negate(parts[0])
    return _core.all_of(parts) if node.shape == "all_of" else _core.any_of(parts)


def _leaves(node: _core.condition) -> List[_core.condition]:
    if node.shape == "leaf":
        return [node]
    return [x for c in node.children() for x in _leaves(c)]


def _matches(leaf: _core.condition, selector: Selector) -> bool:
    if isinstance(selector, Condition):
        return leaf.describe() == selector.describe()
    return leaf.kind == selector or leaf.describe() == selector


def _selectors(value: Any, field: str) -> List[Selector]:
    items = [value] if isinstance(value, (str, Condition)) else list(value)
    for i, s in enumerate(items):
        if not isinstance(s, (str, Condition)):
            invalid_type(f"{field}[{i}]", s, "expected a leaf kind, a description or a Condition")
    return items


class _RuleChange:
    """The changes asked for one rule id, applied to each version's copy of the rule."""

    def __init__(self, rule_id: str) -> None:
        self.rule_id = rule_id
        self.grant: Optional[Tuple[str, Any]] = None  # ("amount", yuan) or ("grant", Benefit)
        self.leaf_changes: List[Tuple[str, str, Dict[str, Any]]] = []  # (field, leaf kind, changes)
        self.removals: List[Tuple[str, List[Selector]]] = []
        self.replacements: List[Tuple[str, Any]] = []
        self.additions: List[Condition] = []
        self.notes: List[str] = []

    def apply(self, rule: Rule) -> Rule:
        node = _open(rule.condition)
        notes: List[str] = []  # each change in full, for the rule's "reform" parameter
        short: List[str] = []  # the same in a few words, for its title
        for field, kind, changes in self.leaf_changes:
            hit = [False]

            before: Dict[str, Any] = {}

            def change(
                leaf: _core.condition,
                kind: str = kind,
                changes: Dict[str, Any] = changes,
                hit: List[bool] = hit,
                before: Dict[str, Any] = before,
            ) -> _core.condition:
                if leaf.kind != kind:
                    return leaf
                hit[0] = True
                old = Condition(leaf).parameters
                for k in changes:
                    before.setdefault(k, old.get(k))
                return Condition(leaf).replace(**changes)._impl

            node = _transform(node, change) or node
            if not hit[0]:
                kinds = sorted({x.kind or "leaf" for x in _leaves(node)})
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    field,
                    kind,
                    f"rule {rule.id} has no {kind} condition; its leaves: {', '.join(kinds)}",
                )
            notes.append(f"{kind}: " + ", ".join(f"{k}={_show(v)}" for k, v in changes.items()))
            short.extend(_short_change(kind, k, before.get(k), v) for k, v in changes.items())
        for field, selectors in self.removals:
            hit = [False]

            def drop(
                leaf: _core.condition, selectors: List[Selector] = selectors, hit: List[bool] = hit
            ) -> Optional[_core.condition]:
                if any(_matches(leaf, s) for s in selectors):
                    hit[0] = True
                    return None
                return leaf

            reduced = _transform(node, drop)
            if not hit[0]:
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    field,
                    ", ".join(map(str, selectors)),
                    f"matches no condition of rule {rule.id}",
                )
            node = reduced if reduced is not None else always("no condition (removed by a reform)")._impl
            notes.append("removed " + ", ".join(map(str, selectors)))
            short.append("without " + ", ".join(map(str, selectors)))
        for field, replacement in self.replacements:
            if isinstance(replacement, Condition):
                node = _open(replacement)
                notes.append(f"condition replaced by {replacement.describe()}")
                short.append(f"condition: {replacement.describe()}")
                continue
            for selector, new in replacement.items():
                if not isinstance(new, Condition):
                    invalid_type(f"{field}[{selector}]", new, "expected a Condition")
                hit = [False]

                def swap(
                    leaf: _core.condition, selector: Selector = selector, new: Condition = new, hit: List[bool] = hit
                ) -> _core.condition:
                    if _matches(leaf, selector):
                        hit[0] = True
                        return new._impl
                    return leaf

                node = _transform(node, swap) or node
                if not hit[0]:
                    invalid(
                        ErrorId.INVALID_PARAMETER,
                        f"{field}[{selector}]",
                        str(selector),
                        f"matches no condition of rule {rule.id}",
                    )
                notes.append(f"{selector} replaced by {new.describe()}")
                short.append(f"{selector} → {new.describe()}")
        for extra in self.additions:
            node = _core.all_of([node, extra._impl])
            notes.append(f"added {extra.describe()}")
            short.append(f"also {extra.describe()}")
        grant = rule.grant
        if self.grant is not None:
            how, value = self.grant
            if how == "amount":
                if not rule.grant.is_money:
                    invalid(
                        ErrorId.INVALID_PARAMETER,
                        f"amounts[{rule.id}]",
                        str(value),
                        f"rule {rule.id} grants {rule.grant}, not money: give grants={{'{rule.id}': Benefit(...)}}",
                    )
                grant = Benefit("money", rule.grant.period, to_fen(value, field=f"amounts[{rule.id}]"))
            else:
                grant = value
            notes.append(f"grant {rule.grant} → {grant}")
            if rule.grant.is_money and grant.is_money and rule.grant.period == grant.period:
                short.insert(0, f"amount {_plain_yuan(rule.grant.amount_fen)}→{_plain_yuan(grant.amount_fen)}")
            else:
                short.insert(0, f"grant {rule.grant} → {grant}")
        changed_condition = bool(self.leaf_changes or self.removals or self.replacements or self.additions)
        if not changed_condition and grant == rule.grant:
            return rule
        condition = Condition(node) if changed_condition else rule.condition
        parameters = []
        for p in rule.parameters:
            if p.name == "amount" and grant != rule.grant and grant.is_money:
                base = "; ".join(x for x in (p.value, p.note, p.quote and f"「{p.quote}」") if x)
                p = Parameter("amount", f"{grant}", "assumed", f"changed by a reform (base: {base})")
            parameters.append(p)
        parameters.append(Parameter("reform", "; ".join(notes), "assumed", "changed by eldercare.reform()"))
        # The rule says what the reform changed: its title keeps the base's words and adds the change.
        title = f"{rule.title} (reform: {', '.join(short)})"
        return Rule(rule.id, title, condition, grant, citation=rule.citation, parameters=parameters)


#: Leaf parameters as a reform's title names them: (leaf kind, parameter) -> (word, unit).
_SHORT_NAMES: Dict[Tuple[str, str], Tuple[str, str]] = {
    ("continuous_stay_at_least", "months"): ("stay", " months"),
    ("age_at_least", "years"): ("age", ""),
}


def _short_change(kind: str, name: str, old: Any, new: Any) -> str:
    """``stay 3→2 months``, ``age 60→65``, ``<kind>.<parameter> old→new``."""
    word, unit = _SHORT_NAMES.get((kind, name), (f"{kind}.{name}", ""))
    return f"{word} {'?' if old is None else _plain(old)}→{_plain(new)}{unit}"


def _plain(v: Any) -> str:
    return str(v) if isinstance(v, (int, str, RegionSet)) else repr(v)


def _plain_yuan(fen: int) -> str:
    """Yuan without ``.00`` when whole: ``600``, ``612.50``."""
    text = format_fen(fen)
    return text[:-3] if text.endswith(".00") else text


def _show(v: Any) -> str:
    return str(v) if isinstance(v, RegionSet) else repr(v)


def _per_rule(values: Optional[Mapping[str, Any]], field: str) -> Dict[str, Any]:
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        invalid_type(field, values, "expected a mapping of rule ids to values")
    return dict(values)


def _day_before(d: datetime.date) -> datetime.date:
    return d - datetime.timedelta(days=1)


def _version(v: PolicyVersion, **changes: Any) -> PolicyVersion:
    values = {f: getattr(v, f) for f in PolicyVersion._fields}
    values.update(changes)
    label = values.pop("label")
    effective_from = values.pop("effective_from")
    rules = values.pop("rules")
    return PolicyVersion(label, effective_from, rules, **values)


def reform(
    base: Union[Policy, str, None] = None,
    *,
    id: Optional[str] = None,
    title: Optional[str] = None,
    readings: Optional[Mapping[str, str]] = None,
    amounts: Optional[Mapping[str, Any]] = None,
    grants: Optional[Mapping[str, Benefit]] = None,
    months: Optional[Mapping[str, int]] = None,
    parameters: Optional[Mapping[str, Mapping[str, Any]]] = None,
    add_conditions: Optional[Mapping[str, Condition]] = None,
    remove_conditions: Optional[Mapping[str, Any]] = None,
    replace_conditions: Optional[Mapping[str, Any]] = None,
    add_rules: Sequence[Rule] = (),
    remove_rules: Sequence[str] = (),
    versions: Optional[Sequence[str]] = None,
    effective_from: Optional[DateLike] = None,
    version_dates: Optional[Mapping[str, Any]] = None,
    file: Optional[PathLike] = None,
) -> Policy:
    """Derive a policy from `base` with some things changed.

    Rule changes are keyed by rule id and apply to that rule in every version (or in `versions`).

    Parameters
    ----------
    base : Policy or str
        A policy, or a catalog id built under `readings`.
    id, title : str, optional
        Of the new policy (default: the base's with ``.reform`` / `` (reform)`` added).
    amounts : dict of rule id to yuan
        New money amount per the grant's own period: ``{"jin_ji_meng": 800}``.
    grants : dict of rule id to Benefit
        A new grant of any unit (``service_hours_per_month(40)``).
    months : dict of rule id to int
        New length, in months, of the rule's continuous-stay conditions.
    parameters : dict of rule id to {"<leaf kind>.<parameter>": value}
        Any leaf parameter, e.g. ``{"jin_ji_meng": {"age_at_least.years": 65,
        "continuous_stay_at_least.regions": RegionSet(...)}}``; every leaf of that kind in the rule
        changes.
    add_conditions : dict of rule id to Condition
        Must also hold (the rule's condition becomes ``old & new``).
    remove_conditions : dict of rule id to selector(s)
        Leaves to drop, each given by its kind (``"age_at_least"``), its description, or an equal
        Condition.
    replace_conditions : dict of rule id to Condition or {selector: Condition}
        A whole new condition, or replacements for matching leaves.
    add_rules : sequence of Rule
        Appended to the changed versions.
    remove_rules : sequence of rule ids
    versions : sequence of version labels, optional
        Which versions the rule changes apply to (default: all).
    effective_from : datetime.date or str, optional
        The reform applies from this date: before it the base's rules apply unchanged (a version
        in force on that date is split in two).
    version_dates : dict of version label to date (or (from, to))
        Move a version's dates; the version before it is closed the day before (or extended to it).
    file : str or path, optional
        A reform file (TOML or JSON, docs/howto/reform-files.md) giving any of the above by the same
        names; its ``base`` stands for `base` when that is not given. An argument given both in the
        file and here is an error.

    Returns
    -------
    Policy

    Raises
    ------
    InvalidValue
        For a rule id, version label, leaf kind or parameter that the base does not have, naming it.

    Examples
    --------
    >>> import eldercare as ec
    >>> p = ec.reform("cn.beijing.xicheng.cross_region_care", amounts={"jin_ji_meng": 800})
    >>> [str(r.grant) for r in p.versions[-1].rules]
    ['800.00 yuan per month', '200.00 yuan per month']
    """
    if file is not None:
        given = {
            "id": id,
            "title": title,
            "readings": readings,
            "amounts": amounts,
            "grants": grants,
            "months": months,
            "parameters": parameters,
            "add_conditions": add_conditions,
            "remove_conditions": remove_conditions,
            "replace_conditions": replace_conditions,
            "add_rules": add_rules or None,
            "remove_rules": remove_rules or None,
            "versions": versions,
            "effective_from": effective_from,
            "version_dates": version_dates,
        }
        return _from_file(file, base, {k: v for k, v in given.items() if v is not None})
    if base is None:
        invalid(ErrorId.INVALID_PARAMETER, "base", "None", "expected a Policy or a catalog id (or file=)")
    pol = _base_policy(base, readings)
    labels = [v.label for v in pol.versions]
    chosen = list(labels if versions is None else versions)
    for i, label in enumerate(chosen):
        if label not in labels:
            invalid(
                ErrorId.INVALID_PARAMETER, f"versions[{i}]", label, "no such version; versions: " + ", ".join(labels)
            )
    rule_ids = {r.id for v in pol.versions if v.label in chosen for r in v.rules}
    changes: Dict[str, _RuleChange] = {}

    def change(field: str, rid: Any) -> _RuleChange:
        if not isinstance(rid, str) or rid not in rule_ids:
            invalid(
                ErrorId.INVALID_PARAMETER,
                f"{field}[{rid}]",
                str(rid),
                f"no rule with this id in {pol.id} (versions {', '.join(chosen)}); "
                f"rules: {', '.join(sorted(rule_ids))}",
            )
        return changes.setdefault(rid, _RuleChange(rid))

    for rid, yuan in _per_rule(amounts, "amounts").items():
        change("amounts", rid).grant = ("amount", yuan)
    for rid, benefit in _per_rule(grants, "grants").items():
        if not isinstance(benefit, Benefit):
            invalid_type(f"grants[{rid}]", benefit, "expected a Benefit")
        change("grants", rid).grant = ("grant", benefit)
    for rid, n in _per_rule(months, "months").items():
        change("months", rid).leaf_changes.append((f"months[{rid}]", "continuous_stay_at_least", {"months": n}))
    for rid, params in _per_rule(parameters, "parameters").items():
        c = change("parameters", rid)
        if not isinstance(params, Mapping):
            invalid_type(f"parameters[{rid}]", params, "expected {'<leaf kind>.<parameter>': value}")
        by_kind: Dict[str, Dict[str, Any]] = {}
        for key, value in params.items():
            if not isinstance(key, str) or "." not in key:
                invalid(ErrorId.INVALID_PARAMETER, f"parameters[{rid}]", str(key), "expected '<leaf kind>.<parameter>'")
            kind, name = key.split(".", 1)
            by_kind.setdefault(kind, {})[name] = value
        for kind, values in by_kind.items():
            c.leaf_changes.append((f"parameters[{rid}]", kind, values))
    for rid, extra in _per_rule(add_conditions, "add_conditions").items():
        if not isinstance(extra, Condition):
            invalid_type(f"add_conditions[{rid}]", extra, "expected a Condition")
        change("add_conditions", rid).additions.append(extra)
    for rid, sel in _per_rule(remove_conditions, "remove_conditions").items():
        change("remove_conditions", rid).removals.append(
            (f"remove_conditions[{rid}]", _selectors(sel, f"remove_conditions[{rid}]"))
        )
    for rid, repl in _per_rule(replace_conditions, "replace_conditions").items():
        if not isinstance(repl, (Condition, Mapping)):
            invalid_type(
                f"replace_conditions[{rid}]",
                repl,
                "expected a Condition or {selector: Condition}",
            )
        change("replace_conditions", rid).replacements.append((f"replace_conditions[{rid}]", repl))
    removed = list(remove_rules)
    for i, rid in enumerate(removed):
        if rid not in rule_ids:
            invalid(
                ErrorId.INVALID_PARAMETER,
                f"remove_rules[{i}]",
                str(rid),
                "no such rule; rules: " + ", ".join(sorted(rule_ids)),
            )
    added = list(add_rules)
    for i, r in enumerate(added):
        if not isinstance(r, Rule):
            invalid_type(f"add_rules[{i}]", r, "expected a Rule")

    def reformed_rules(v: PolicyVersion) -> Tuple[Rule, ...]:
        if v.label not in chosen:
            return v.rules
        rules = [changes[r.id].apply(r) if r.id in changes else r for r in v.rules if r.id not in removed]
        rules.extend(added)
        if not rules:
            invalid(
                ErrorId.INVALID_PARAMETER, f"versions[{v.label}].rules", "[]", "the reform leaves this version no rule"
            )
        return tuple(rules)

    # Dates first: moved versions, then the split at effective_from.
    base_versions = list(pol.versions)
    for label, when in (version_dates or {}).items():
        if label not in labels:
            invalid(
                ErrorId.INVALID_PARAMETER,
                f"version_dates[{label}]",
                str(label),
                "no such version; versions: " + ", ".join(labels),
            )
        start, end = when if isinstance(when, tuple) else (when, base_versions[labels.index(label)].effective_to)
        k = labels.index(label)
        base_versions[k] = _version(base_versions[k], effective_from=start, effective_to=end)
        new_from = base_versions[k].effective_from
        if k > 0:
            prev = base_versions[k - 1]
            if new_from <= prev.effective_from:
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    f"version_dates[{label}]",
                    new_from.isoformat(),
                    f"is not after the start of version {prev.label} ({prev.effective_from})",
                )
            base_versions[k - 1] = _version(prev, effective_to=_day_before(new_from))
    out: List[PolicyVersion] = []
    split = None if effective_from is None else _core.to_date(effective_from, "effective_from")
    for v in base_versions:
        new_rules = reformed_rules(v)
        if split is None or v.effective_from >= split:
            out.append(_version(v, rules=new_rules))
        elif v.effective_to is not None and v.effective_to < split:
            out.append(v)
        else:  # in force on the reform date: base rules before it, reformed from it
            out.append(_version(v, effective_to=_day_before(split)))
            out.append(_version(v, label=f"{v.label} reform", effective_from=split, rules=new_rules))
    if split is not None and not any(v.in_force_on(split) for v in out):
        invalid(
            ErrorId.INVALID_PARAMETER, "effective_from", split.isoformat(), f"no version of {pol.id} is in force then"
        )
    # A scheme known only from its first version stays so: dates before the reform's first version
    # are as undetermined as they were before it.
    return Policy(
        id if id is not None else f"{pol.id}.reform",
        title if title is not None else f"{pol.title} (reform)",
        out,
        status=pol.status,
        missing=pol.missing,
        known_from=None if pol.known_from is None or not out else min(v.effective_from for v in out),
        known_from_reason=pol.known_from_reason,
    )


def _from_file(path: PathLike, base: Union[Policy, str, None], given: Dict[str, Any]) -> Policy:
    name = pathlib.Path(path).name
    try:
        named, args = _reform_file.read(path)
        if base is None:
            if named is None:
                invalid(ErrorId.INVALID_PARAMETER, "reform.base", "", 'no base policy: give base = "<catalog id>"')
            base = named
        elif named is not None and named != (base if isinstance(base, str) else base.id):
            given_id = base if isinstance(base, str) else base.id
            invalid(ErrorId.INVALID_PARAMETER, "reform.base", named, f"the file reforms {named}, not {given_id}")
        for key in sorted(set(args) & set(given)):
            invalid(ErrorId.INVALID_PARAMETER, key, str(given[key]), f"also given by the reform file {name}")
        return reform(base, **args, **given)
    except InvalidValue as e:  # the file named in front: which file the key or value is in
        raise type(e)(f"{name}: {e}", field=e.field, value=e.value, error_id=e.error_id) from None


def reform_from_file(path: PathLike, base: Union[Policy, str, None] = None) -> Policy:
    """A reform written as a TOML or JSON file: ``reform(base, file=path)``.

    Parameters
    ----------
    path : str or path
        A ``.toml`` or ``.json`` file (its keys: docs/howto/reform-files.md).
    base : Policy or str, optional
        The policy reformed; by default the file's ``base`` (a catalog id). When both are given they
        must agree.

    Returns
    -------
    Policy
        What :func:`reform` builds from the same values.

    Raises
    ------
    InvalidValue
        For an unknown key, or a rule, leaf or parameter the base does not have: the message begins
        with the file's name and names the key.
    """
    return reform(base, file=path)


# --- comparing a reform with its baseline ---------------------------------------------------------------

#: What :meth:`Comparison.by_group` derives from the population besides its own columns.
DERIVED_GROUPS: Tuple[str, ...] = ("age_band", "district", "prefecture", "category")

_AGE_BANDS: Tuple[int, ...] = (60, 65, 70, 75, 80, 85, 90)


@dataclass(frozen=True)
class _Period:
    """The months a comparison pays over: `first` is the first day of the first month, `last` the
    last day of the last."""

    first: datetime.date
    last: datetime.date

    @property
    def months(self) -> int:
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1

    def labels(self) -> List[str]:
        y, m = self.first.year, self.first.month
        out = []
        for _ in range(self.months):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def __str__(self) -> str:
        return f"{self.first:%Y-%m} to {self.last:%Y-%m}"


def _month_day(value: Any, field: str, end: bool) -> datetime.date:
    """A date, or ``"YYYY-MM"`` (its first day, or with `end` its last)."""
    if isinstance(value, str) and len(value) == 7 and value[4] == "-":
        day = _core.to_date(value + "-01", field)
    else:
        day = _core.to_date(value, field)
    if not end:
        return day.replace(day=1)
    following = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _period_of(period: Any) -> _Period:
    """`period=`: a year (2024, "2024"), a month ("2024-05"), or (first, last) dates or months."""
    if isinstance(period, (int, np.integer)) and not isinstance(period, bool):
        year = int(period)
        if not 1900 <= year <= 2400:
            invalid(ErrorId.INVALID_PERIOD, "period", str(year), "expected a year from 1900 to 2400")
        return _Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    if isinstance(period, str):
        if len(period) == 4 and period.isdigit():
            return _period_of(int(period))
        return _Period(_month_day(period, "period", False), _month_day(period, "period", True))
    if isinstance(period, (tuple, list)) and len(period) == 2:
        first = _month_day(period[0], "period[0]", False)
        last = _month_day(period[1], "period[1]", True)
        if last < first:
            invalid(ErrorId.INVALID_PERIOD, "period", f"{period[0]} to {period[1]}", "ends before it begins")
        return _Period(first, last)
    invalid_type("period", period, "expected a year, 'YYYY-MM' or (first, last)")


class _Side:
    """One policy paid over a period. Per person: the money paid each month (`amounts`, persons ×
    months), in all (`total`), the first month paid (`first_paid`, -1 for none), the months granted
    something (`granted_months`) and the rules that granted in some month (`rules`, a Categorical of
    comma-separated ids); per month: persons granted something, persons paid, money paid."""

    __slots__ = (
        "amounts",
        "first_paid",
        "granted_months",
        "month_amount",
        "month_eligible",
        "month_paid",
        "rules",
        "total",
    )

    def __init__(self, amounts: Optional[np.ndarray], rules: Any, **per: np.ndarray) -> None:
        self.amounts = amounts
        self.rules = rules
        self.total: np.ndarray = per["total"]
        self.first_paid: np.ndarray = per["first_paid"]
        self.granted_months: np.ndarray = per["granted_months"]
        self.month_eligible: np.ndarray = per["month_eligible"]
        self.month_paid: np.ndarray = per["month_paid"]
        self.month_amount: np.ndarray = per["month_amount"]


def _codes(codes: Any, categories: Sequence[str]) -> Any:
    """A pandas Categorical of `categories` from valid codes (int, one per row)."""
    import pandas as pd

    return pd.Categorical.from_codes(np.asarray(codes), dtype=pd.CategoricalDtype(list(categories)))


def _rule_text(mask: np.ndarray, ids: Sequence[str]) -> Any:
    """Per row, the ids whose column of `mask` is set, comma-separated: a pandas Categorical (a code
    per row, each distinct set of rules written once)."""
    import pandas as pd

    n, k = mask.shape
    if k == 0:
        return _codes(np.zeros(n, dtype=np.int64), [""])
    if k > 62:  # pragma: no cover - no policy has that many rules; joined row by row
        return pd.Categorical([",".join(i for i, on in zip(ids, row) if on) for row in mask])
    codes = mask.astype(np.int64) @ (np.int64(1) << np.arange(k, dtype=np.int64))
    if k <= 10:  # every set of rules a category: the codes are the bit masks themselves
        unique = np.arange(1 << k, dtype=np.int64)
    else:
        unique, codes = np.unique(codes, return_inverse=True)
    texts = [",".join(ids[j] for j in range(k) if int(c) >> j & 1) for c in unique.tolist()]
    return _codes(codes.reshape(-1), texts)


def _simulated_side(
    target: Any, pop: Population, registry: Any, period: _Period, missing: str, per_month: bool = False
) -> _Side:
    """On the columnar engine (simulate_months): what simulate_population pays, per row (and with
    `per_month`, per row and month: 8 bytes a row and month, only by_month needs them)."""
    core = _facilities_arg(registry)
    _check_inputs(target, pop, core, period.first, period.last, missing)
    r = _core.simulate_columns(target.impl, pop._impl, period.first, period.months, core, "hukou", per_month, True)
    return _Side(
        r.get("amounts_fen"),
        _rule_text(r["person_rules"], r["person_rule_ids"]),
        total=r["person_total_fen"],
        first_paid=r["person_first_paid"],
        granted_months=r["person_granted_months"],
        month_eligible=np.asarray(r["eligible"], dtype=np.int64),
        month_paid=np.asarray(r["paid"], dtype=np.int64),
        month_amount=np.asarray(r["amount_fen"], dtype=np.int64),
    )


def _scheduled_side(
    policy: Any,
    readings: Optional[Mapping[str, str]],
    pop: Population,
    registry: Any,
    period: _Period,
    households: bool,
    missing: str,
) -> Tuple[_Side, Any]:
    """Households and bundles: schedules (schedule_population), and the granting rules of each
    month's last day (evaluate_population); returns the side and the rows' ids."""
    long = schedule_population(
        policy, pop, period.first, period.last, registry, readings, households=households, missing=missing
    )
    m = period.months
    amounts = long["amount_fen"].fillna(0).to_numpy(dtype=np.int64).reshape(-1, m)
    granted = long["eligible"].to_numpy(dtype=bool).reshape(-1, m)
    ids = long["id"].to_numpy()[::m]
    rules: List[set] = [set() for _ in range(len(ids))]
    for k, label in enumerate(period.labels()):
        rows = np.flatnonzero(granted[:, k])
        if not len(rows):
            continue
        day = _month_day(label, "period", True)
        out = evaluate_population(policy, pop, day, registry, readings, households=households, missing=missing)
        text = out["granting_rules"].astype(str).to_numpy()
        for i in rows:  # a household's rules are "<member>: <rule>": the rule is what counts here
            rules[i].update(x.rpartition(": ")[2] if households else x for x in text[i].split(",") if x)
    import pandas as pd

    paid = amounts != 0
    side = _Side(
        amounts,
        pd.Categorical([",".join(sorted(r)) for r in rules]),
        total=amounts.sum(axis=1, dtype=np.int64),
        first_paid=np.where(paid.any(axis=1), paid.argmax(axis=1), -1),
        granted_months=granted.sum(axis=1),
        month_eligible=granted.sum(axis=0),
        month_paid=paid.sum(axis=0),
        month_amount=amounts.sum(axis=0, dtype=np.int64),
    )
    return side, ids


@dataclass(frozen=True)
class _Inputs:
    """What a comparison was made from, kept for by_month, by_group and explain."""

    baseline: Any  # Policy or catalog id
    reform: Any
    readings: Optional[Mapping[str, str]]
    population: Population
    facilities: Any
    on: Optional[datetime.date]
    period: Optional[_Period]
    households: bool
    base: Optional[_Side] = None
    new: Optional[_Side] = None
    targets: Tuple[Any, ...] = ()  # the two policies as the engine takes them, to pay month by month
    missing: str = "error"
    #: The persons × months payments of both, made when first asked for (by_month).
    months: Dict[str, np.ndarray] = dataclasses.field(default_factory=dict)

    def per_month(self) -> Tuple[np.ndarray, np.ndarray]:
        """Both policies' payments per person and month (persons × months)."""
        assert self.base is not None and self.new is not None and self.period is not None
        if self.base.amounts is not None and self.new.amounts is not None:
            return self.base.amounts, self.new.amounts
        if not self.months:
            for name, target in zip(("base", "new"), self.targets):
                side = _simulated_side(target, self.population, self.facilities, self.period, self.missing, True)
                assert side.amounts is not None
                self.months[name] = side.amounts
        return self.months["base"], self.months["new"]


@dataclass(frozen=True)
class Comparison:
    """A baseline and a reform over one population.

    Attributes
    ----------
    persons : pandas.DataFrame
        One row per person (or household): ``id``, ``baseline_fen``, ``reform_fen``, ``delta_fen``,
        ``baseline_eligible``, ``reform_eligible``, ``baseline_rules``, ``reform_rules``, ``rule``
        (the rule that made the difference: the one now paying for a gainer, the one that paid
        before for a loser, the one whose amount changed when both pay) and ``change``
        (``"gainer"``, ``"loser"`` or ``"unchanged"``). Over a period (``period=``) every column
        is judged over the whole period: the money paid in all its months, eligible when granted
        something in some month, the rules that granted in some month; ``baseline_first_month``
        and ``reform_first_month`` (``"YYYY-MM"``, ``""`` when never paid) say when payments start.
    summary : dict
        ``persons``, ``baseline_cost_fen``, ``reform_cost_fen``, ``cost_delta_fen``, ``gainers``,
        ``losers``, ``unchanged``, ``newly_eligible``, ``no_longer_eligible``, and what the money
        measures (``"per period on <date>"`` or ``"paid <first> to <last>"``). For a weighted
        population (a ``weight`` column) also the same counts and costs weighted by the rows'
        weights, ``weighted_persons`` ... ``weighted_cost_delta_fen``: exact Decimals
        (:mod:`eldercare._weights`), shown rounded half to even to the fen; ``persons`` then has a
        ``weight`` column.
    """

    persons: Any
    summary: Dict[str, Any]
    _inputs: Optional[_Inputs] = dataclasses.field(default=None, repr=False, compare=False)

    def by_rule(self) -> Any:
        """Cost change and persons changed, by the rule that made the difference."""
        changed = self.persons[self.persons["change"] != "unchanged"]
        return (
            changed.groupby("rule", sort=True, observed=True)
            .agg(persons=("id", "size"), delta_fen=("delta_fen", "sum"))
            .reset_index()
        )

    # -- by month and by group --------------------------------------------------------------------------

    def _sides(self, what: str) -> Tuple[_Inputs, _Side, _Side]:
        i = self._inputs
        if i is None or i.period is None or i.base is None or i.new is None:
            invalid(ErrorId.INVALID_PARAMETER, what, "no period", "compare(..., period=...) measures months")
        return i, i.base, i.new

    def by_month(self) -> Any:
        """Month by month over the period: ``month`` (``"YYYY-MM"``), ``baseline_fen``,
        ``reform_fen``, ``delta_fen`` (money paid that month), ``baseline_paid``, ``reform_paid``
        (persons paid that month), ``baseline_eligible``, ``reform_eligible`` (persons granted
        something), ``gainers`` and ``losers`` (paid more, less that month); for a weighted
        population also ``weighted_baseline_fen``, ``weighted_reform_fen``,
        ``weighted_delta_fen`` (exact Decimals). The months add up to the summary's costs.

        Raises
        ------
        InvalidValue
            For a comparison on a date (without ``period=``).
        """
        import pandas as pd

        i, base, new = self._sides("by_month")
        base_amounts, new_amounts = i.per_month()
        delta = new_amounts - base_amounts
        frame = pd.DataFrame(
            {
                "month": i.period.labels() if i.period else [],
                "baseline_fen": base.month_amount,
                "reform_fen": new.month_amount,
                "delta_fen": new.month_amount - base.month_amount,
                "baseline_paid": base.month_paid,
                "reform_paid": new.month_paid,
                "baseline_eligible": base.month_eligible,
                "reform_eligible": new.month_eligible,
                "gainers": (delta > 0).sum(axis=0),
                "losers": (delta < 0).sum(axis=0),
            }
        )
        if "weight" in self.persons.columns:
            micros = i.population._weight_micros()
            for name, values in (("baseline", base_amounts), ("reform", new_amounts), ("delta", delta)):
                frame[f"weighted_{name}_fen"] = [_weighted(values[:, k], micros) for k in range(values.shape[1])]
        return frame

    def by_group(self, column: str, *, on: Optional[DateLike] = None) -> Any:
        """Costs and persons by a column of the population, or by what is derived from it.

        Parameters
        ----------
        column : str
            A column of :attr:`persons` or of the population (``ability_level``, ``gender``,
            ``hukou_region``, ...), or ``"age_band"`` (whole years of age — 周岁 — on `on`:
            ``"under 60"``, ``"60-64"`` ... ``"90+"``), ``"district"`` (the hukou's county,
            ``"110102 西城区"``), ``"prefecture"`` (the hukou's prefecture) or ``"category"`` (each
            category a person is in; ``"none"`` for none: a person in two categories is counted in
            both, so these rows do not add up to the whole).
        on : date, optional
            The day ages are taken on (default: the comparison's date, or the period's last day).

        Returns
        -------
        pandas.DataFrame
            One row per group, sorted: the group's value (under `column`), ``persons``,
            ``baseline_fen``, ``reform_fen``, ``delta_fen``, ``gainers``, ``losers``,
            ``newly_eligible``, ``no_longer_eligible``; for a weighted population also
            ``weighted_persons``, ``weighted_baseline_fen``, ``weighted_reform_fen``,
            ``weighted_delta_fen`` (exact Decimals). Except by category, the rows add up to the
            summary.
        """
        import pandas as pd

        if not isinstance(column, str):
            invalid_type("column", column, "expected a column name")
        i = self._inputs
        frame = self.persons
        if column in frame.columns and column not in ("id",):
            keys = frame[column].to_numpy()
        else:
            if i is None or i.households:
                invalid(ErrorId.INVALID_PARAMETER, "column", column, "not a column of the comparison's rows")
            day = on if on is not None else (i.period.last if i.period is not None else i.on)
            keys = _group_keys(i.population, column, _core.to_date(day, "on"))
        rows = np.arange(len(frame))
        if column == "category":  # a person under each of their categories
            lists = keys
            rows = np.repeat(rows, [len(x) for x in lists])
            keys = np.asarray([k for x in lists for k in x], dtype=object)
        delta = frame["delta_fen"].to_numpy()
        b_el = frame["baseline_eligible"].to_numpy()
        r_el = frame["reform_eligible"].to_numpy()
        parts = pd.DataFrame(
            {
                column: keys,
                "persons": 1,
                "baseline_fen": frame["baseline_fen"].to_numpy()[rows],
                "reform_fen": frame["reform_fen"].to_numpy()[rows],
                "delta_fen": delta[rows],
                "gainers": (delta > 0)[rows].astype(np.int64),
                "losers": (delta < 0)[rows].astype(np.int64),
                "newly_eligible": (~b_el & r_el)[rows].astype(np.int64),
                "no_longer_eligible": (b_el & ~r_el)[rows].astype(np.int64),
            }
        )
        out = parts.groupby(column, sort=True, dropna=False, observed=True).sum().reset_index()
        if "weight" in frame.columns and i is not None:
            micros = i.population._weight_micros()[rows]
            codes = parts.groupby(column, sort=True, dropna=False, observed=True).ngroup().to_numpy()
            for name in ("persons", "baseline_fen", "reform_fen", "delta_fen"):
                values = parts[name].to_numpy()
                out[f"weighted_{name}"] = [_weighted(values[codes == g], micros[codes == g]) for g in range(len(out))]
        return out

    # -- in words -----------------------------------------------------------------------------------------

    def explain(self, person: Union[str, int]) -> str:
        """What the reform changed for one person, and why, in words.

        Over a period: the months paid and the amounts under each policy, when payments start and
        the condition that decides it (its description and the date it is met on, e.g. "paid from
        2024-05 instead of 2024-06: continuous stay ≥ 2 months … is met on 2024-05-11, continuous
        stay ≥ 3 months … on 2024-06-11"), the grant per period before and after, and the rule
        that made the difference with what the reform changed in it. On a date: both decisions and
        the condition that fails. The months are those of :func:`eldercare.schedule` for the person,
        the same as the comparison's row.

        Parameters
        ----------
        person : str or int
            The person's id, or their row in :attr:`persons`.
        """
        i = self._inputs
        if i is None:
            invalid(ErrorId.INVALID_PARAMETER, "person", str(person), "this comparison keeps no inputs")
        if i.households:
            invalid(ErrorId.INVALID_PARAMETER, "person", str(person), "explain() explains persons, not households")
        subject = i.population.person(person)
        row = (
            self.persons.iloc[int(person)]
            if isinstance(person, (int, np.integer))
            else (self.persons.loc[self.persons["id"] == subject.id].iloc[0])
        )
        base = _as_policy(i.baseline, i.readings)
        new = _as_policy(i.reform, i.readings)
        if i.period is None:
            assert i.on is not None
            return _explain_on(subject, base, new, i.on, i.facilities, row)
        return _explain_period(subject, base, new, i.period, i.facilities, row)

    # -- display ------------------------------------------------------------------------------------------

    def __str__(self) -> str:
        s = self.summary
        text = (
            f"{s['reform']} against {s['baseline']} ({s['measure']}), {s['persons']} persons:\n"
            f"  cost {format_fen(s['baseline_cost_fen'])} → {format_fen(s['reform_cost_fen'])} yuan "
            f"(Δ {format_fen(s['cost_delta_fen'])})\n"
            f"  gainers {s['gainers']}, losers {s['losers']}, unchanged {s['unchanged']}; newly eligible "
            f"{s['newly_eligible']}, no longer eligible {s['no_longer_eligible']}"
        )
        if "weighted_persons" in s:
            fen = _weights.round_fen
            before, after = fen(s["weighted_baseline_cost_fen"]), fen(s["weighted_reform_cost_fen"])
            text += (
                f"\n  weighted ({s['weighted_persons']} persons represented): cost "
                f"{format_fen(before)} → {format_fen(after)} yuan (Δ {format_fen(fen(s['weighted_cost_delta_fen']))}); "
                f"gainers {s['weighted_gainers']}, losers {s['weighted_losers']}"
            )
        return text

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>" for k, v in self.summary.items()
        )
        return f"<table>{rows}</table>"


def _weighted(values: Any, micros: np.ndarray) -> Any:
    """Σ value × weight, exact (a Decimal: see :mod:`eldercare._weights`)."""
    return _weights.from_micros(
        _core.weighted_sum(np.ascontiguousarray(values, dtype=np.int64), np.ascontiguousarray(micros))
    )


def _group_keys(pop: Population, column: str, on: datetime.date) -> Any:
    """Per person, the value `column` groups them by (see :meth:`Comparison.by_group`)."""
    if column == "age_band":
        born = pop._impl.columns()["birth_date"].view("datetime64[D]")
        known = ~np.isnat(born)
        safe = np.where(known, born, np.datetime64("1900-01-01"))
        years = safe.astype("datetime64[Y]").astype(np.int64) + 1970
        months = (safe.astype("datetime64[M]") - safe.astype("datetime64[Y]")).astype(np.int64) + 1
        days = (safe - safe.astype("datetime64[M]")).astype(np.int64) + 1
        # 周岁 as age_on counts them by default: the year is gained on the birthday, a 29 February
        # birthday falling on 28 February in a common year.
        birthday = months * 100 + days
        if not calendar.isleap(on.year):
            birthday = np.where(birthday == 229, 228, birthday)
        ages = on.year - years - (birthday > on.month * 100 + on.day).astype(np.int64)
        labels: np.ndarray = np.full(len(ages), "unknown", dtype=object)
        labels[known & (ages < _AGE_BANDS[0])] = f"under {_AGE_BANDS[0]}"
        for lo, hi in zip(_AGE_BANDS, _AGE_BANDS[1:]):
            labels[known & (ages >= lo) & (ages < hi)] = f"{lo}-{hi - 1}"
        labels[known & (ages >= _AGE_BANDS[-1])] = f"{_AGE_BANDS[-1]}+"
        return labels
    if column in ("district", "prefecture"):
        codes = pop._impl.columns()["hukou_region"]
        names: Dict[int, str] = {}
        for c in np.unique(codes).tolist():
            try:
                code = RegionCode(c)
                code = code.county if column == "district" and code.level == "township" else code
                code = code.prefecture if column == "prefecture" and code.level != "province" else code
                # A municipality's prefecture is its 市辖区: named by the municipality.
                name = code.province.name if code.name == "市辖区" else code.name
                names[c] = f"{code.code} {name}"
            except ValueError:  # no hukou region given
                names[c] = "unknown"
        return np.asarray([names[c] for c in codes.tolist()], dtype=object)
    name = "categories" if column == "category" else column
    if name not in PERSON.columns:
        invalid(
            ErrorId.INVALID_PARAMETER,
            "column",
            column,
            "no such column; columns: " + ", ".join(list(PERSON.columns) + list(DERIVED_GROUPS)),
        )
    f = PERSON.by_column(name)
    if f.kind == "word_set":  # bits: one list of words per row
        bits = pop._impl.columns()[name]
        unique, inverse = np.unique(bits, return_inverse=True)
        words = [[w for j, w in enumerate(f.words) if int(b) >> j & 1] or ["none"] for b in unique.tolist()]
        lists = [words[k] for k in inverse.reshape(-1).tolist()]
        return lists if column == "category" else np.asarray([",".join(x) for x in lists], dtype=object)
    return pop.to_frame()[column].array


# -- explanations in words ----------------------------------------------------------------------------------


def _as_policy(target: Any, readings: Optional[Mapping[str, str]]) -> Policy:
    if isinstance(target, Policy):
        return target
    return catalog.policy(target, readings)


def _yuan(fen: int) -> str:
    return f"{format_fen(fen)} yuan"


def _rule_titles(policy: Policy, rule_ids: Iterable[str]) -> str:
    """``rule <id> (<title>)`` for each id, with the reform's changes where a reform made the rule."""
    out = []
    for rid in rule_ids:
        rule = next((r for v in reversed(policy.versions) for r in v.rules if r.id == rid), None)
        out.append(f"rule {rid}" if rule is None else f"rule {rid} ({rule.title})")
    return "; ".join(out)


def _conditions_met(decision: Any, rule_ids: Iterable[str]) -> List[Tuple[str, Optional[datetime.date]]]:
    """The failing leaf conditions of these rules in `decision`, with the date each is met on."""
    wanted = set(rule_ids)
    out: List[Tuple[str, Optional[datetime.date]]] = []
    for outcome in decision.rules:
        if wanted and outcome.rule_id not in wanted:
            continue
        for reason in outcome.reasons:
            if reason.kind == "leaf" and not reason.passed and (reason.condition, reason.met_on) not in out:
                out.append((reason.condition, reason.met_on))
    return out


def _why_not(decision: Any, rule_ids: Iterable[str]) -> str:
    parts = []
    for condition, met_on in _conditions_met(decision, rule_ids):
        parts.append(f"{condition} is met on {met_on}" if met_on is not None else f"{condition} fails")
    return "; ".join(parts) if parts else decision.status_note or "no rule holds"


def _grants(lines: Sequence[Any]) -> List[str]:
    seen: List[str] = []
    for line in lines:
        if line.eligible and line.granted is not None and str(line.granted) not in seen:
            seen.append(str(line.granted))
    return seen


def _side_words(
    name: str, policy: Policy, person: Person, lines: Sequence[Any], facilities: Any, period: _Period
) -> Tuple[str, Optional[int], List[str]]:
    """One policy's months for the person in words; the index of the first month paid, and the
    rules that grant in some month."""
    paid = [k for k, line in enumerate(lines) if line.amount_fen]
    granted = [k for k, line in enumerate(lines) if line.eligible]
    rules: List[str] = []
    for k in granted:
        for rid in policy.evaluate(person, lines[k].tested_on, facilities).granting_rules:
            if rid not in rules:
                rules.append(rid)
    total = sum(line.amount_fen or 0 for line in lines)
    if not granted:
        last = policy.evaluate(person, lines[-1].tested_on, facilities)
        return f"{name}: nothing paid over {period} ({_why_not(last, ())})", None, rules
    labels = period.labels()
    first = paid[0] if paid else granted[0]
    text = (
        f"{name}: {_yuan(total)} over {len(paid)} month{'s' if len(paid) != 1 else ''} from {labels[first]} "
        f"({', '.join(_grants(lines))}; {_rule_titles(policy, rules)})"
    )
    return text, first, rules


def _start_reason(
    policy: Policy, person: Person, lines: Sequence[Any], first: Optional[int], rules: List[str], facilities: Any
) -> str:
    """Why payments start in month `first` and not before: the conditions that held only then."""
    if first is None or first == 0:
        return ""
    before = policy.evaluate(person, lines[first - 1].tested_on, facilities)
    return _why_not(before, rules)


def _explain_period(person: Person, base: Policy, new: Policy, period: _Period, facilities: Any, row: Any) -> str:
    b_lines = list(base.schedule(person, period.first, period.last, facilities))
    r_lines = list(new.schedule(person, period.first, period.last, facilities))
    delta = int(row["delta_fen"])
    verb = "gains" if delta > 0 else "loses" if delta < 0 else "is paid the same"
    amount = f" {_yuan(abs(delta))}" if delta else ""
    head = (
        f"{person.id} {verb}{amount} over {period}: {_yuan(int(row['baseline_fen']))} under {base.id}, "
        f"{_yuan(int(row['reform_fen']))} under {new.id}."
    )
    b_text, b_first, b_rules = _side_words("baseline", base, person, b_lines, facilities, period)
    r_text, r_first, r_rules = _side_words("reform", new, person, r_lines, facilities, period)
    out = [head, "  " + b_text, "  " + r_text]
    labels = period.labels()
    b_why = _start_reason(base, person, b_lines, b_first, b_rules, facilities)
    r_why = _start_reason(new, person, r_lines, r_first, r_rules, facilities)
    if b_first != r_first:
        if r_first is None:
            assert b_first is not None
            last = new.evaluate(person, r_lines[-1].tested_on, facilities)
            out.append(f"  no longer paid (was from {labels[b_first]}): under the reform {_why_not(last, ())}")
        elif b_first is None:
            last = base.evaluate(person, b_lines[-1].tested_on, facilities)
            why = f"; under the baseline {_why_not(last, ())}"
            out.append(f"  newly paid from {labels[r_first]}" + (f": under the reform {r_why}" if r_why else "") + why)
        else:
            start = f"  paid from {labels[r_first]} instead of {labels[b_first]}"
            whys = [f"under the reform {r_why}" if r_why else "", f"under the baseline {b_why}" if b_why else ""]
            whys = [w for w in whys if w]
            out.append(start + (": " + "; ".join(whys) if whys else ""))
    b_grants, r_grants = _grants(b_lines), _grants(r_lines)
    if b_grants and r_grants and b_grants != r_grants:
        out.append(f"  {', '.join(r_grants)} instead of {', '.join(b_grants)}")
    reformed = [
        p.value
        for rid in r_rules
        for v in new.versions
        for r in v.rules
        if r.id == rid
        for p in r.parameters
        if p.name == "reform"
    ]
    if reformed:
        out.append(f"  the reform changed {', '.join(dict.fromkeys(r_rules))}: {'; '.join(dict.fromkeys(reformed))}")
    return "\n".join(out)


def _explain_on(person: Person, base: Policy, new: Policy, on: datetime.date, facilities: Any, row: Any) -> str:
    b = base.evaluate(person, on, facilities)
    r = new.evaluate(person, on, facilities)
    delta = int(row["delta_fen"])
    verb = "gains" if delta > 0 else "loses" if delta < 0 else "is granted the same"
    amount = f" {_yuan(abs(delta))}" if delta else ""
    out = [f"{person.id} {verb}{amount} on {on}:"]
    for name, policy, d in (("baseline", base, b), ("reform", new, r)):
        if d.eligible:
            out.append(f"  {name}: {d.granted} ({_rule_titles(policy, d.granting_rules)})")
        else:
            out.append(f"  {name}: nothing ({_why_not(d, ())})")
    return "\n".join(out)


# -- compare -------------------------------------------------------------------------------------------------


def compare(
    baseline: Union[Policy, str],
    reform: Union[Policy, str],
    population: Any,
    on: Optional[DateLike] = None,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    *,
    stays: Any = None,
    period: Any = None,
    households: Optional[bool] = None,
    missing: str = "error",
) -> Comparison:
    """Compare a reform with its baseline over a population, on a date or over a period.

    Parameters
    ----------
    baseline, reform : Policy or str
        Policies or catalog ids (built under `readings`).
    population : Population, DataFrame, Table or dict of arrays
        In the flat schema (see :func:`eldercare.evaluate_population`).
    on : datetime.date or str, optional
        The evaluation date: grants per period on it. Ignored when `period` is given.
    period : int, str or (first, last), optional
        Months to pay over instead: a year (``2024``), a month (``"2024-05"``), or the first and last
        dates or months (``("2024-01", "2024-12")``). Everything is then judged over the whole
        period: the money paid month by month (arrears, one-off and yearly grants as schedules pay
        them), eligible when granted something in some month, the granting rules of every month,
        gainers, losers and the newly eligible from those. Per person it is what
        :func:`eldercare.schedule` pays, computed on the columnar engine of
        :func:`eldercare.simulate_population` (households and bundles: by schedules).
    missing : {"error", "absent"}
        As for :func:`eldercare.evaluate_population`: a facility registry, a stay's facility or a
        column that either policy reads and the population lacks is an error unless ``"absent"``
        (without it a forgotten ``facilities`` would compare two zeros).

    Returns
    -------
    Comparison
        With :meth:`~Comparison.by_rule`, :meth:`~Comparison.by_group`, :meth:`~Comparison.explain`,
        and over a period :meth:`~Comparison.by_month`.

    Examples
    --------
    >>> import eldercare as ec
    >>> pop = ec.synthetic_population(2000, seed=3)
    >>> richer = ec.reform("cn.beijing.xicheng.cross_region_care", amounts={"jin_ji_meng": 800})
    >>> c = ec.compare("cn.beijing.xicheng.cross_region_care", richer, pop, period=2024,
    ...                facilities=pop.facilities)
    >>> int(c.by_month()["delta_fen"].sum()) == c.summary["cost_delta_fen"]
    True
    """
    import pandas as pd

    if on is None and period is None:
        invalid(ErrorId.INVALID_PARAMETER, "on", "None", "give a date (on=) or a period (period=)")
    pop = Population.of(population, stays=stays, facilities=facilities)
    reg = facilities if facilities is not None else pop.facilities
    given = [(p, readings if isinstance(p, str) else None) for p in (baseline, reform)]
    targets = [_Target(p, r) for p, r in given]
    per_household = any(_households_flag(t, households) for t in targets)
    names = [t.id for t in targets]
    base_side = new_side = None
    window: Optional[_Period] = None
    day: Optional[datetime.date] = None
    if period is None:
        day = _core.to_date(on, "on")
        base, new = (
            evaluate_population(p, pop, day, reg, r, households=per_household, missing=missing) for p, r in given
        )
        ids = base["id"]
        base_fen = base["amount_fen"].to_numpy()
        new_fen = new["amount_fen"].to_numpy()
        b_el = base["eligible"].to_numpy()
        r_el = new["eligible"].to_numpy()
        base_rules: Any = pd.Categorical(base["granting_rules"].astype(str))
        new_rules: Any = pd.Categorical(new["granting_rules"].astype(str))
        measure = f"per period on {day}"
    else:
        window = _period_of(period)
        if per_household or any(t.bundle for t in targets):
            (base_side, ids), (new_side, _) = (
                _scheduled_side(p, r, pop, reg, window, per_household, missing) for p, r in given
            )
        else:
            base_side, new_side = (_simulated_side(t, pop, reg, window, missing) for t in targets)
            ids = pop._id_column()
        base_fen = base_side.total
        new_fen = new_side.total
        b_el = base_side.granted_months > 0
        r_el = new_side.granted_months > 0
        base_rules = base_side.rules
        new_rules = new_side.rules
        measure = f"paid {window.first} to {window.last}"

    delta = new_fen - base_fen
    rule = _deciding_rule(delta, base_rules, new_rules)
    change = _codes(np.sign(delta).astype(np.int8) + 1, ["loser", "unchanged", "gainer"])
    columns: Dict[str, Any] = {
        "id": ids,
        "baseline_fen": base_fen.astype(np.int64),
        "reform_fen": new_fen.astype(np.int64),
        "delta_fen": delta.astype(np.int64),
        "baseline_eligible": b_el.astype(bool),
        "reform_eligible": r_el.astype(bool),
        "baseline_rules": base_rules,
        "reform_rules": new_rules,
        "rule": rule,
        "change": change,
    }
    if window is not None and base_side is not None and new_side is not None:
        labels = ["", *window.labels()]
        for name, side in (("baseline", base_side), ("reform", new_side)):
            columns[f"{name}_first_month"] = _codes(side.first_paid + 1, labels)
    # copy=False: fresh arrays taken as they are, the integer columns not consolidated (a copy each).
    frame = pd.DataFrame(columns, copy=False)
    weighted = pop.weighted and not per_household
    if weighted:
        frame["weight"] = _weight_column(pop)
    summary = {
        "baseline": names[0],
        "reform": names[1],
        "measure": measure,
        "persons": len(frame),
        "baseline_cost_fen": _check.exact_sum(base_fen, "compare.baseline_cost_fen"),  # checked: never wrapped
        "reform_cost_fen": _check.exact_sum(new_fen, "compare.reform_cost_fen"),
        "cost_delta_fen": _check.exact_sum(delta, "compare.cost_delta_fen"),
        "gainers": int((delta > 0).sum()),
        "losers": int((delta < 0).sum()),
        "unchanged": int((delta == 0).sum()),
        "newly_eligible": int((~b_el & r_el).sum()),
        "no_longer_eligible": int((b_el & ~r_el).sum()),
    }
    if weighted:
        micros = pop._weight_micros()
        summary.update(
            {
                "weighted_persons": _weighted(np.ones(len(frame)), micros),
                "weighted_baseline_cost_fen": _weighted(base_fen, micros),
                "weighted_reform_cost_fen": _weighted(new_fen, micros),
                "weighted_cost_delta_fen": _weighted(delta, micros),
                "weighted_gainers": _weighted(delta > 0, micros),
                "weighted_losers": _weighted(delta < 0, micros),
                "weighted_unchanged": _weighted(delta == 0, micros),
                "weighted_newly_eligible": _weighted(~b_el & r_el, micros),
                "weighted_no_longer_eligible": _weighted(b_el & ~r_el, micros),
            }
        )
    inputs = _Inputs(
        baseline, reform, readings, pop, reg, day, window, per_household, base_side, new_side, tuple(targets), missing
    )
    return Comparison(frame, summary, inputs)


def _deciding_rule(delta: np.ndarray, base_rules: Any, new_rules: Any) -> Any:
    """The rule that made the difference (a Categorical): for a gainer the rules now paying that did
    not before (or, when the same rules pay more, those), for a loser the rules that paid before and
    no longer do (or those paying less); "" when unchanged. Worked out once per distinct case."""

    changed = np.flatnonzero(delta != 0)
    b_codes = np.asarray(base_rules.codes, dtype=np.int64)[changed]
    n_codes = np.asarray(new_rules.codes, dtype=np.int64)[changed]
    gains = (delta[changed] > 0).astype(np.int64)
    width = len(new_rules.categories) + 1
    keys = (b_codes * width + n_codes) * 2 + gains
    unique, inverse = np.unique(keys, return_inverse=True)
    before_texts, after_texts = list(base_rules.categories), list(new_rules.categories)
    texts = [""]
    for key in unique.tolist():
        pair, gain = divmod(key, 2)
        b, a = divmod(pair, width)
        before = [x for x in str(before_texts[b]).split(",") if x]
        after = [x for x in str(after_texts[a]).split(",") if x]
        paying, other = (after, before) if gain else (before, after)
        fresh = [x for x in paying if x not in other]
        texts.append(",".join(fresh or paying or other))
    # Cases worked out alike share a category: the categories are the distinct texts.
    categories = list(dict.fromkeys(texts))
    lookup = np.asarray([categories.index(t) for t in texts], dtype=np.int64)
    codes: np.ndarray = np.zeros(len(delta), dtype=np.int64)
    codes[changed] = lookup[inverse.reshape(-1) + 1]
    return _codes(codes, categories)
