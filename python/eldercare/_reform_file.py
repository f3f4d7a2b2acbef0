"""Reform files: a reform (:func:`eldercare.reform`) written as a small TOML or JSON file.

Every key is optional (``base``, a catalog id, unless the caller gives the base) and mirrors an
argument of :func:`eldercare.reform`, which reads the file (``reform(file=...)``,
:func:`eldercare.reform_from_file`); docs/howto/reform-files.md lists them with an example. Conditions are
written by the name of their factory in :mod:`eldercare.conditions` and its parameters
(``{ kind = "age_at_least", years = 70 }``), or as groups (``{ all_of = [...] }``, ``any_of``,
``not``); region sets as one code, a list of codes, or ``{ name = "...", members = [...] }``. A
wrong key or value raises :class:`~eldercare.InvalidValue` naming the file and the key.

TOML is read with :mod:`tomllib` (Python 3.11+) or, before 3.11, with ``tomli`` from PyPI.
"""

from __future__ import annotations

import inspect
import json
import os
import pathlib
import sys
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _core, conditions
from ._benefits import Benefit, Parameter, to_fen
from ._errors import ErrorId, invalid, invalid_type
from ._rules import Citation, Rule
from .conditions import Condition
from .regions import RegionSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.9 and 3.10
    import tomli as tomllib

__all__ = ["FILE_KEYS", "arguments", "read"]

#: The keys of a reform file, each an argument of :func:`eldercare.reform` but ``base``.
FILE_KEYS = (
    "base",
    "id",
    "title",
    "readings",
    "amounts",
    "grants",
    "months",
    "parameters",
    "add_conditions",
    "remove_conditions",
    "replace_conditions",
    "add_rules",
    "remove_rules",
    "versions",
    "effective_from",
    "version_dates",
)
_GROUPS = ("all_of", "any_of", "not")
_LEAF_KINDS = tuple(s["kind"] for s in _core.leaf_specs())

PathLike = Union[str, "os.PathLike[str]"]


def _read(path: PathLike) -> Dict[str, Any]:
    p = pathlib.Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".json"):
        invalid(ErrorId.INVALID_PARAMETER, "reform file", str(path), "expected a .toml or .json file")
    data: Any
    if suffix == ".toml":
        with open(p, "rb") as f:
            try:
                data = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                invalid(ErrorId.INVALID_PARAMETER, "reform file", str(path), f"not TOML: {e}")
    else:
        with open(p, encoding="utf-8") as f:
            try:
                data = json.load(f)
            except json.JSONDecodeError as e:
                invalid(ErrorId.INVALID_PARAMETER, "reform file", str(path), f"not JSON: {e}")
    if not isinstance(data, dict):
        invalid_type("reform file", data, "expected an object of keys")
    return data


def _table(value: Any, field: str) -> Dict[str, Any]:
    if not isinstance(value, Mapping):
        invalid_type(field, value, "expected a table of keys and values")
    return dict(value)


def _regions(value: Any, field: str) -> Any:
    """One code (kept as is), a list of codes, or {name, members}: a RegionSet."""
    if isinstance(value, Mapping):
        extra = set(value) - {"name", "members"}
        if extra or "members" not in value:
            invalid(ErrorId.INVALID_REGION, field, str(dict(value)), "expected { name = ..., members = [codes] }")
        return RegionSet(str(value.get("name", field)), value["members"], _field=field)
    if isinstance(value, list):
        return RegionSet(field, value, _field=field)
    return value


def _parameters(kind: str, values: Mapping[str, Any], field: str) -> Dict[str, Any]:
    """A leaf's parameters as the factory takes them (region sets built, lists of words as tuples)."""
    out: Dict[str, Any] = {}
    for name, value in values.items():
        if name == "regions" or name.endswith("_regions") or name == "region":
            out[name] = _regions(value, f"{field}.{name}")
        elif isinstance(value, list):
            out[name] = tuple(value)
        else:
            out[name] = value
    return out


def condition_of(spec: Any, field: str) -> Condition:
    """A condition from its file form: ``{kind = "<leaf>", <parameter> = ...}``, ``{all_of = [...]}``,
    ``{any_of = [...]}``, ``{not = {...}}``, or a list (all of them must hold)."""
    if isinstance(spec, list):
        parts = [condition_of(s, f"{field}[{i}]") for i, s in enumerate(spec)]
        if not parts:
            invalid(ErrorId.INVALID_PARAMETER, field, "[]", "expected at least one condition")
        return parts[0] if len(parts) == 1 else conditions.all_of(*parts)
    spec = _table(spec, field)
    groups = [g for g in _GROUPS if g in spec]
    if groups:
        if len(spec) != 1:
            invalid(ErrorId.INVALID_PARAMETER, field, ", ".join(spec), "a group has one key: all_of, any_of or not")
        g = groups[0]
        if g == "not":
            return conditions.not_(condition_of(spec[g], f"{field}.not"))
        items = spec[g]
        if not isinstance(items, list) or not items:
            invalid_type(f"{field}.{g}", items, "expected a list of conditions")
        parts = [condition_of(s, f"{field}.{g}[{i}]") for i, s in enumerate(items)]
        return conditions.all_of(*parts) if g == "all_of" else conditions.any_of(*parts)
    kind = spec.pop("kind", None)
    if kind not in _LEAF_KINDS:
        invalid(
            ErrorId.INVALID_PARAMETER,
            f"{field}.kind",
            str(kind),
            "expected a condition of eldercare.conditions: " + ", ".join(_LEAF_KINDS) + " (or all_of, any_of, not)",
        )
    factory = getattr(conditions, kind)
    params = _parameters(kind, spec, field)
    # A variadic parameter (in_category's categories) is given by name in the file, positionally here.
    spread = [
        p.name for p in inspect.signature(factory).parameters.values() if p.kind is inspect.Parameter.VAR_POSITIONAL
    ]
    values = params.pop(spread[0], ()) if spread else ()
    positional = (values,) if isinstance(values, str) else tuple(values)
    try:
        return factory(*positional, **params)
    except TypeError as e:  # a parameter the factory does not take
        invalid(ErrorId.INVALID_PARAMETER, field, str(dict(spec)), f"{kind}: {e}")


def _grant(spec: Any, field: str) -> Benefit:
    """``{ yuan = 300, period = "per_month" }`` for money, or ``{ unit = ..., period = ..., quantity = ... }``."""
    spec = _table(spec, field)
    if "yuan" in spec:
        extra = set(spec) - {"yuan", "period"}
        if extra:
            invalid(ErrorId.INVALID_PARAMETER, field, ", ".join(sorted(extra)), "a money grant has yuan and period")
        return Benefit("money", spec.get("period", "per_month"), to_fen(spec["yuan"], field=f"{field}.yuan"))
    extra = set(spec) - {"unit", "period", "quantity"}
    if extra or not {"unit", "period", "quantity"} <= set(spec):
        invalid(
            ErrorId.INVALID_PARAMETER,
            field,
            str(dict(spec)),
            "expected { yuan = ..., period = ... } or { unit = ..., period = ..., quantity = ... }",
        )
    return Benefit(spec["unit"], spec["period"], spec["quantity"])


def _rule(spec: Any, field: str) -> Rule:
    spec = _table(spec, field)
    extra = set(spec) - {"id", "title", "condition", "grant", "citation"}
    if extra or not {"id", "condition", "grant"} <= set(spec):
        invalid(
            ErrorId.INVALID_PARAMETER,
            field,
            ", ".join(sorted(spec)),
            "a rule has id, condition, grant, and optionally title and citation",
        )
    citation = Citation(str(spec.get("citation", "added by a reform file")))
    return Rule(
        str(spec["id"]),
        str(spec.get("title", spec["id"])),
        condition_of(spec["condition"], f"{field}.condition"),
        _grant(spec["grant"], f"{field}.grant"),
        citation=citation,
        parameters=[Parameter("reform", "added by a reform file", "assumed", "added by eldercare.reform_from_file()")],
    )


def _strings(value: Any, field: str) -> List[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        invalid_type(field, value, "expected text or a list of text")
    return list(items)


def arguments(data: Mapping[str, Any], where: str = "reform") -> Tuple[Optional[str], Dict[str, Any]]:
    """The keys of a reform file as :func:`eldercare.reform`'s arguments: the base it names (or
    None) and the keyword arguments (conditions, rules, grants and region sets built)."""
    data = _table(data, where)
    for key in data:
        if key not in FILE_KEYS:
            invalid(ErrorId.INVALID_PARAMETER, f"{where}.{key}", str(key), "unknown key; keys: " + ", ".join(FILE_KEYS))
    named = data.get("base")
    if named is not None and not isinstance(named, str):
        invalid_type(f"{where}.base", named, "expected a catalog id")
    args: Dict[str, Any] = {}
    for key in ("id", "title", "effective_from"):
        if key in data:
            args[key] = data[key]
    if "readings" in data:
        args["readings"] = {str(k): str(v) for k, v in _table(data["readings"], f"{where}.readings").items()}
    for key in ("amounts", "months"):
        if key in data:
            args[key] = _table(data[key], f"{where}.{key}")
    if "grants" in data:
        args["grants"] = {
            rid: _grant(g, f"{where}.grants.{rid}") for rid, g in _table(data["grants"], f"{where}.grants").items()
        }
    if "parameters" in data:
        params: Dict[str, Dict[str, Any]] = {}
        for rid, values in _table(data["parameters"], f"{where}.parameters").items():
            field = f"{where}.parameters.{rid}"
            params[rid] = {}
            for key, value in _table(values, field).items():
                kind, _, name = key.partition(".")
                params[rid].update(
                    {f"{kind}.{n}": v for n, v in _parameters(kind, {name: value}, f"{field}.{kind}").items()}
                )
        args["parameters"] = params
    if "add_conditions" in data:
        args["add_conditions"] = {
            rid: condition_of(c, f"{where}.add_conditions.{rid}")
            for rid, c in _table(data["add_conditions"], f"{where}.add_conditions").items()
        }
    if "remove_conditions" in data:
        args["remove_conditions"] = {
            rid: _strings(s, f"{where}.remove_conditions.{rid}")
            for rid, s in _table(data["remove_conditions"], f"{where}.remove_conditions").items()
        }
    if "replace_conditions" in data:
        replaced: Dict[str, Any] = {}
        for rid, spec in _table(data["replace_conditions"], f"{where}.replace_conditions").items():
            field = f"{where}.replace_conditions.{rid}"
            if isinstance(spec, Mapping) and not ({"kind", *_GROUPS} & set(spec)):  # {selector: condition}
                replaced[rid] = {sel: condition_of(c, f"{field}.{sel}") for sel, c in spec.items()}
            else:
                replaced[rid] = condition_of(spec, field)
        args["replace_conditions"] = replaced
    if "add_rules" in data:
        rules = data["add_rules"]
        if not isinstance(rules, list):
            invalid_type(f"{where}.add_rules", rules, "expected a list of rules")
        args["add_rules"] = [_rule(r, f"{where}.add_rules[{i}]") for i, r in enumerate(rules)]
    for key in ("remove_rules", "versions"):
        if key in data:
            args[key] = _strings(data[key], f"{where}.{key}")
    if "version_dates" in data:
        args["version_dates"] = {
            label: tuple(when) if isinstance(when, list) else when
            for label, when in _table(data["version_dates"], f"{where}.version_dates").items()
        }
    return named, args


def read(path: PathLike) -> Tuple[Optional[str], Dict[str, Any]]:
    """A reform file's base and :func:`eldercare.reform` arguments (see :func:`arguments`)."""
    return arguments(_read(path))
