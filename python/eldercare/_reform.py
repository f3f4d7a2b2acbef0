"""Reforms: a policy derived from another with amounts, durations, parameters, conditions, rules or
effective dates changed, without touching C++; and :func:`compare`, the cost and the winners and
losers of a reform over a population.

A reform rebuilds only the rules it changes, from the same C++ leaves (read through
:attr:`Condition.parts` and :meth:`Condition.replace`), so an unchanged rule is the very rule of
the base policy and a changed one is evaluated and explained by the same code.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import _check, _core, _weights, catalog
from ._benefits import Benefit, Parameter, format_fen, to_fen
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._population import Population, evaluate_population, schedule_population
from ._rules import Policy, PolicyVersion, Rule
from ._values import Facility, FacilityRegistry
from .conditions import Condition, always
from .regions import RegionSet

__all__ = ["Comparison", "compare", "reform"]

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
        notes: List[str] = []
        for field, kind, changes in self.leaf_changes:
            hit = [False]

            def change(
                leaf: _core.condition, kind: str = kind, changes: Dict[str, Any] = changes, hit: List[bool] = hit
            ) -> _core.condition:
                if leaf.kind != kind:
                    return leaf
                hit[0] = True
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
        for field, replacement in self.replacements:
            if isinstance(replacement, Condition):
                node = _open(replacement)
                notes.append(f"condition replaced by {replacement.describe()}")
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
        for extra in self.additions:
            node = _core.all_of([node, extra._impl])
            notes.append(f"added {extra.describe()}")
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
        return Rule(rule.id, rule.title, condition, grant, citation=rule.citation, parameters=parameters)


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
    base: Union[Policy, str],
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


# --- comparing a reform with its baseline ---------------------------------------------------------------


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
        (``"gainer"``, ``"loser"`` or ``"unchanged"``).
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

    def by_rule(self) -> Any:
        """Cost change and persons changed, by the rule that made the difference."""
        changed = self.persons[self.persons["change"] != "unchanged"]
        return (
            changed.groupby("rule", sort=True).agg(persons=("id", "size"), delta_fen=("delta_fen", "sum")).reset_index()
        )

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


def _joined(rules: str) -> str:
    return rules or ""


def compare(
    baseline: Union[Policy, str],
    reform: Union[Policy, str],
    population: Any,
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Optional[Mapping[str, str]] = None,
    *,
    stays: Any = None,
    period: Optional[Tuple[DateLike, DateLike]] = None,
    households: Optional[bool] = None,
    missing: str = "error",
) -> Comparison:
    """Compare a reform with its baseline over a population.

    Parameters
    ----------
    baseline, reform : Policy or str
        Policies or catalog ids (built under `readings`).
    population : Population, DataFrame, Table or dict of arrays
        In the flat schema (see :func:`eldercare.evaluate_population`).
    on : datetime.date or str
        The evaluation date (grants per period on it; also names the rules in the results).
    period : (first, last), optional
        Measure money paid month by month over these months instead (arrears, one-off and yearly
        grants as schedules pay them).
    missing : {"error", "absent"}
        As for :func:`eldercare.evaluate_population`: a facility registry, a stay's facility or a
        column that either policy reads and the population lacks is an error unless ``"absent"``
        (without it a forgotten ``facilities`` would compare two zeros).

    Returns
    -------
    Comparison
    """
    pop = Population.of(population, stays=stays, facilities=facilities)
    reg = facilities if facilities is not None else pop.facilities
    base = evaluate_population(
        baseline, pop, on, reg, readings if isinstance(baseline, str) else None, households=households, missing=missing
    )
    new = evaluate_population(
        reform, pop, on, reg, readings if isinstance(reform, str) else None, households=households, missing=missing
    )
    if period is None:
        base_fen = base["amount_fen"].to_numpy()
        new_fen = new["amount_fen"].to_numpy()
        measure = f"per period on {_core.to_date(on, 'on')}"
    else:
        first, last = period
        b = schedule_population(
            baseline,
            pop,
            first,
            last,
            reg,
            readings if isinstance(baseline, str) else None,
            wide=True,
            households=households,
            missing=missing,
        )
        r = schedule_population(
            reform,
            pop,
            first,
            last,
            reg,
            readings if isinstance(reform, str) else None,
            wide=True,
            households=households,
            missing=missing,
        )
        base_fen = b.sum(axis=1).to_numpy()
        new_fen = r.sum(axis=1).to_numpy()
        measure = f"paid {_core.to_date(first, 'period[0]')} to {_core.to_date(last, 'period[1]')}"
    import pandas as pd

    delta = new_fen - base_fen
    base_rules = base["granting_rules"].astype(str).to_numpy()
    new_rules = new["granting_rules"].astype(str).to_numpy()
    rule = np.where(
        delta > 0,
        np.where(new_rules != "", new_rules, base_rules),
        np.where(delta < 0, np.where(base_rules != "", base_rules, new_rules), ""),
    )
    change = np.where(delta > 0, "gainer", np.where(delta < 0, "loser", "unchanged"))
    frame = pd.DataFrame(
        {
            "id": base["id"],
            "baseline_fen": base_fen.astype(np.int64),
            "reform_fen": new_fen.astype(np.int64),
            "delta_fen": delta.astype(np.int64),
            "baseline_eligible": base["eligible"].to_numpy(),
            "reform_eligible": new["eligible"].to_numpy(),
            "baseline_rules": base_rules,
            "reform_rules": new_rules,
            "rule": rule,
            "change": change,
        }
    )
    weighted = "weight" in base.columns
    if weighted:
        frame["weight"] = base["weight"].to_numpy()
    b_el = frame["baseline_eligible"].to_numpy()
    r_el = frame["reform_eligible"].to_numpy()
    summary = {
        "baseline": baseline if isinstance(baseline, str) else baseline.id,
        "reform": reform if isinstance(reform, str) else reform.id,
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

        def weighted_sum(values: Any) -> Any:
            return _weights.from_micros(_core.weighted_sum(np.ascontiguousarray(values, dtype=np.int64), micros))

        summary.update(
            {
                "weighted_persons": weighted_sum(np.ones(len(frame))),
                "weighted_baseline_cost_fen": weighted_sum(base_fen),
                "weighted_reform_cost_fen": weighted_sum(new_fen),
                "weighted_cost_delta_fen": weighted_sum(delta),
                "weighted_gainers": weighted_sum(delta > 0),
                "weighted_losers": weighted_sum(delta < 0),
                "weighted_unchanged": weighted_sum(delta == 0),
                "weighted_newly_eligible": weighted_sum(~b_el & r_el),
                "weighted_no_longer_eligible": weighted_sum(b_el & ~r_el),
            }
        )
    return Comparison(frame, summary)
