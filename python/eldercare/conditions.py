"""Conditions: the C++ leaf conditions, combined at run time with ``&``, ``|`` and ``~``.

Each factory here wraps the same C++ condition type that compile-time rules use, so a rule built in
Python is evaluated, and explained, by the very same code as one written in C++. The factories are
made when the module is imported, from the leaves' own declarations in C++ (the list
``include/eldercare/rules/leaves.hpp``): their names, parameters, defaults and documentation.

{leaves}
- ``a & b``, ``a | b``, ``~a``: all / any / not (nested ``&`` and ``|`` flatten, as in C++).

A condition can be taken apart: :attr:`Condition.kind` and :attr:`Condition.parts` walk it down to
its leaves (also through the groups of a catalog rule compiled in C++), :attr:`Condition.parameters`
reads a leaf's parameters and :meth:`Condition.replace` makes a copy of a leaf with some of them
changed; :func:`eldercare.reform` uses them to derive policies. Conditions pickle (to Dask workers,
say) as their tree of groups and leaves with their parameters.

Parameters follow rules by type, the same for every leaf: a set of regions is given as a
:class:`~eldercare.RegionSet` or one region; a list of words as a list or a single word; an ability
level as an :class:`~eldercare.AbilityLevel` or its number; a period as exactly one of ``months=``,
``days=`` or ``years=``.

Conditions are immutable. Python's ``and``, ``or`` and ``not`` cannot be overloaded: using a
condition as a truth value raises :class:`TypeError` instead of silently misbehaving.
"""

from __future__ import annotations

import inspect
import textwrap
from typing import Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._outcomes import Reason
from ._values import AbilityLevel, Facility, FacilityRegistry, Person, _facilities_arg
from .regions import RegionLike, RegionSet

_SHAPES = {"leaf": "leaf", "all_of": "all", "any_of": "any", "negation": "not"}


class Condition:
    """A condition over a person, evaluated on a date.

    Build one with the factory functions of this module and combine them with ``&`` (all must
    hold), ``|`` (at least one) and ``~`` (must not hold).

    Attributes
    ----------
    kind : str
        ``"all"``, ``"any"`` or ``"not"`` for a group; for a leaf, the name of the factory that
        made it (``"age_at_least"``, ...), or ``"leaf"`` for a leaf type without a factory here.
    parts : tuple of Condition
        The parts of a group; empty for a leaf.

    A leaf's parameters are in :attr:`parameters`.

    Notes
    -----
    A catalog rule written in C++ may hold a whole compile-time group as one value. ``kind`` and
    ``parts`` see through it: they describe the equivalent run-time tree, which gives the same
    verdicts, explanations and descriptions.
    """

    __slots__ = ("_impl", "_open")
    _impl: _core.condition

    def __init__(self, impl: _core.condition) -> None:
        if not isinstance(impl, _core.condition):
            raise TypeError("build conditions with the functions of eldercare.conditions")
        object.__setattr__(self, "_impl", impl)
        object.__setattr__(self, "_open", None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Condition is immutable")

    def _unfolded(self) -> _core.condition:
        """The run-time form: compile-time groups opened down to the leaves (cached)."""
        if self._open is None:
            impl = self._impl
            if impl.shape == "leaf" and impl.kind == "":
                impl = impl.unfolded()
            object.__setattr__(self, "_open", impl)
        return self._open  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        impl = self._unfolded()
        shape = _SHAPES[impl.shape]
        if shape != "leaf":
            return shape
        return impl.kind or "leaf"

    @property
    def parts(self) -> Tuple[Condition, ...]:
        return tuple(Condition(c) for c in self._unfolded().children())

    @property
    def parameters(self) -> Dict[str, Any]:
        """A leaf's parameters by the names its factory takes (a new dict each time).

        Region sets are :class:`~eldercare.RegionSet`, lists of words are tuples, and a period is
        named by its unit (``{"months": 3}``); a group has none (``{}``).
        """
        impl = self._unfolded()
        spec = _LEAVES.get(impl.kind)
        return {} if spec is None else spec.public(impl.parameters())

    def replace(self, **changes: Any) -> Condition:
        """A copy of this leaf with some parameters changed; the others are kept.

        Parameters
        ----------
        **changes
            Parameters by name, as :attr:`parameters` lists them and the leaf's factory takes them
            (``years=65``, ``regions=RegionSet(...)`` or one region, ``months=6`` for a stay).

        Raises
        ------
        InvalidValue
            For a group, or a name the leaf does not have.

        Examples
        --------
        >>> from eldercare.conditions import age_at_least
        >>> age_at_least(60).replace(years=65).describe()
        'age ≥ 65 周岁'
        """
        impl = self._unfolded()
        spec = _LEAVES.get(impl.kind)
        if spec is None:  # a group: the core refuses it, naming it
            return Condition(impl.with_parameters({}))
        return Condition(impl.with_parameters(spec.core(changes, complete=False)))

    def describe(self) -> str:
        """The condition in words, as explanations print it: ``(hukou in 西城区 {110102} and age ≥ 60 周岁)``."""
        return self._impl.describe()

    def holds(
        self, person: Person, on: DateLike, facilities: Union[FacilityRegistry, Iterable[Facility], None] = None
    ) -> bool:
        """Whether the condition holds for `person` on `on` (stay conditions need `facilities`)."""
        return self._impl.holds(_person_arg(person), on, _facilities_arg(facilities))

    def explain(
        self, person: Person, on: DateLike, facilities: Union[FacilityRegistry, Iterable[Facility], None] = None
    ) -> List[Reason]:
        """Every condition checked, with the facts looked at (see :class:`~eldercare.Reason`)."""
        return [Reason._from_core(r) for r in self._impl.trace(_person_arg(person), on, _facilities_arg(facilities))]

    # Pickling: the C++ condition has no serialised form, so a condition travels as its tree (groups
    # with their parts, leaves as kind and parameters) and is rebuilt by the generic factory. A
    # catalog rule's compile-time group comes back as the equivalent run-time tree (design.md: typed
    # and run-time rules agree).

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (_from_tree, (_tree(self, "condition"),))

    def __and__(self, other: Condition) -> Condition:
        if not isinstance(other, Condition):
            return NotImplemented
        return all_of(self, other)

    def __or__(self, other: Condition) -> Condition:
        if not isinstance(other, Condition):
            return NotImplemented
        return any_of(self, other)

    def __invert__(self) -> Condition:
        return not_(self)

    def __bool__(self) -> bool:
        raise TypeError(
            "a Condition has no truth value: combine conditions with & | ~ (not and/or/not), "
            "and test one with .holds(person, on)"
        )

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        return f"<Condition {self.describe()}>"


def _person_arg(person: Any) -> _core.person:
    if not isinstance(person, Person):
        invalid_type("person", person, "expected a Person")
    return person._impl


def _conditions(parts: Tuple[Any, ...], field: str) -> List[Condition]:
    if not parts:
        invalid(ErrorId.INVALID_PARAMETER, field, "[]", "a group needs at least one condition")
    for i, p in enumerate(parts):
        if not isinstance(p, Condition):
            invalid_type(f"{field}[{i}]", p, "expected a Condition")
    return list(parts)


def all_of(*parts: Condition) -> Condition:
    """Every part must hold. Nested all-groups flatten: ``all_of(a & b, c)`` has three parts."""
    flat: List[_core.condition] = []
    for p in _conditions(parts, "all_of"):
        flat.extend(p._impl.children() if p._impl.shape == "all_of" else [p._impl])
    return Condition(_core.all_of(flat))


def any_of(*parts: Condition) -> Condition:
    """At least one part must hold. Nested any-groups flatten."""
    flat: List[_core.condition] = []
    for p in _conditions(parts, "any_of"):
        flat.extend(p._impl.children() if p._impl.shape == "any_of" else [p._impl])
    return Condition(_core.any_of(flat))


def not_(part: Condition) -> Condition:
    """The part must not hold (an exclusion). Same as ``~part``."""
    (p,) = _conditions((part,), "not_")
    return Condition(_core.negate(p._impl))


# --- the leaves, from their C++ declarations --------------------------------------------------------
#
# _core.leaf_specs() describes every leaf of the C++ list: its kind, doc and parameters (name, type
# tag, accepted words, default, required, passed by name or spread, doc). What Python does with a
# parameter depends on its type tag only (_TYPES), never on the leaf.

#: A period is given as exactly one of these, named by its unit (months first: the usual one).
_PERIOD_UNITS = ("months", "days", "years")


def _show(value: Any) -> str:
    """A default as the docstrings print it: ``"institution"``, ``("institution",)``, ``True``."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "(" + ", ".join(map(_show, value)) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


class _TypeRule(NamedTuple):
    """What Python does with a parameter of one type tag."""

    annotation: str  # in the factory's signature (names from this module's imports)
    doc: Callable[[_Parameter], str]  # the type as the docstring names it
    note: str  # appended to the parameter's doc
    to_core: Callable[[_Parameter, Any, str], Any]  # a value as given -> what _core takes (field named)
    from_core: Callable[[Any], Any]  # what _core gives -> the public value


def _words_to_core(p: _Parameter, value: Any, field: str) -> List[str]:
    if isinstance(value, str):
        return [value]
    return list(_check.texts(value, field, error_id=p.error))


def _one_of(p: _Parameter) -> str:
    return "{" + ", ".join(f'"{w}"' for w in p.words) + "}"


_TYPES: Dict[str, _TypeRule] = {
    "int": _TypeRule("int", lambda p: "int", "", lambda p, v, f: _check.integer(v, f, error_id=p.error), lambda v: v),
    "disability_grade": _TypeRule(
        "int", lambda p: "int", "", lambda p, v, f: _check.integer(v, f, error_id=p.error), lambda v: v
    ),
    "bool": _TypeRule("bool", lambda p: "bool", "", lambda p, v, f: _check.boolean(v, f), lambda v: v),
    "text": _TypeRule("str", lambda p: "str", "", lambda p, v, f: _check.text(v, f, error_id=p.error), lambda v: v),
    # The core checks the word against the declared words (the same message as _check.word).
    "word": _TypeRule("str", _one_of, "", lambda p, v, f: v, lambda v: v),
    "words": _TypeRule(
        "Union[str, Iterable[str]]",
        lambda p: "str or iterable of str",
        "",
        _words_to_core,
        tuple,
    ),
    "regions": _TypeRule(
        "Union[RegionSet, RegionLike]",
        lambda p: "RegionSet or RegionLike",
        "A set, or one region (a set of one named after it).",
        lambda p, v, f: RegionSet.of(v, _field=f)._impl,
        RegionSet._wrap,
    ),
    "ability_level": _TypeRule(
        "Union[AbilityLevel, int]",
        lambda p: "AbilityLevel or int",
        "An int is read as the GB/T 42195 level.",
        lambda p, v, f: AbilityLevel.of(v, f).value,
        lambda v: v,
    ),
    # Given as months=, days= or years= (see _LeafSpec.core); the core takes (count, unit).
    "period": _TypeRule(
        "Optional[int]",
        lambda p: "int",
        "Give exactly one of `months`, `days` or `years`.",
        lambda p, v, f: v,
        lambda v: v,
    ),
}
# The names the annotations above use, so that they resolve in this module (typing.get_type_hints).
_ANNOTATION_NAMES = (AbilityLevel, Iterable, Optional, RegionLike, RegionSet, Union)


class _Parameter:
    """One parameter of a leaf, as _core.leaf_specs() declares it."""

    __slots__ = ("default", "doc", "error", "name", "named", "required", "rule", "type", "variadic", "words")

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.name: str = spec["name"]
        self.type: str = spec["type"]
        self.rule = _TYPES[self.type]
        self.words: Tuple[str, ...] = tuple(spec["words"])
        default = spec["default"]
        self.default: Any = tuple(default) if isinstance(default, list) else default
        self.required: bool = spec["required"]
        self.named: bool = spec["named"]
        self.variadic: bool = spec["variadic"]
        self.doc: str = spec["doc"]
        self.error = ErrorId(spec["error"])

    @property
    def names(self) -> Tuple[str, ...]:
        """The names callers give it by: a period's units, else its own name."""
        return _PERIOD_UNITS if self.type == "period" else (self.name,)

    def signature(self) -> List[inspect.Parameter]:
        P = inspect.Parameter
        kind = P.KEYWORD_ONLY if self.named else P.POSITIONAL_OR_KEYWORD
        if self.type == "period":  # the first unit where the parameter is, the others by name
            first, *others = self.names
            return [P(first, kind, default=None, annotation=self.rule.annotation)] + [
                P(u, P.KEYWORD_ONLY, default=None, annotation=self.rule.annotation) for u in others
            ]
        if self.variadic:
            return [P(self.name, P.VAR_POSITIONAL, annotation="str")]
        default = P.empty if self.required else self.default
        return [P(self.name, kind, default=default, annotation=self.rule.annotation)]

    def docstring(self) -> List[str]:
        if self.type == "period":
            name = ", ".join(self.names)
        elif self.variadic:
            name = f"*{self.name}"
        else:
            name = self.name
        kind = "str" if self.variadic else self.rule.doc(self)
        if not self.required and self.type != "period":
            kind += f", default {_show(self.default)}"
        text = " ".join(t for t in (self.doc, self.rule.note) if t)
        if self.type == "words":
            text += " One or more of: " + ", ".join(self.words) + "."
        return [f"{name} : {kind}", textwrap.fill(text, 96, initial_indent="    ", subsequent_indent="    ")]


class _LeafSpec:
    """A leaf kind as _core.leaf_specs() declares it, and what follows from it in Python."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.kind: str = spec["kind"]
        self.doc: str = spec["doc"]
        self.notes: str = spec["notes"]
        # Positional parameters first (a declaration may interleave them), in declared order.
        parameters = [_Parameter(p) for p in spec["parameters"]]
        self.parameters = [p for p in parameters if not p.named] + [p for p in parameters if p.named]
        self.by_name = {n: p for p in self.parameters for n in p.names}
        if sum(p.type == "period" for p in self.parameters) > 1:
            raise TypeError(f"leaf {self.kind}: at most one period parameter (it is named by its unit)")

    def core(self, given: Mapping[str, Any], *, complete: bool) -> Dict[str, Any]:
        """The values `given` by public name as the core takes them, by its names. `complete`: a new
        leaf (a period must be given), else a change of some parameters."""
        out: Dict[str, Any] = {}
        for name, value in given.items():
            p = self.by_name.get(name)
            if p is None:
                known = ", ".join(self.by_name)
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    f"{self.kind}.{name}",
                    repr(value),
                    f"no such parameter; known: {known}" if known else "this leaf has no parameters",
                )
            if p.type == "period":
                continue
            if p.variadic and isinstance(value, tuple) and len(value) == 1 and not isinstance(value[0], str):
                value = value[0]  # in_category(["dibao", "tekun"]) reads as in_category("dibao", "tekun")
            out[p.name] = p.rule.to_core(p, value, f"{self.kind}.{p.name}")
        for p in self.parameters:
            if p.type != "period":
                continue
            lengths = [(u, given[u]) for u in p.names if given.get(u) is not None]
            if len(lengths) > 1 or (complete and not lengths):
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    self.kind,
                    ", ".join(f"{u}={n}" for u, n in lengths) or "none",
                    "give exactly one of " + ", ".join(p.names[:-1]) + " or " + p.names[-1],
                )
            if lengths:
                unit, count = lengths[0]
                out[p.name] = (_check.integer(count, f"{self.kind}.{unit}", error_id=p.error), unit)
        return out

    def public(self, core: Mapping[str, Any]) -> Dict[str, Any]:
        """The core's parameters by public name, as the factory takes them."""
        out: Dict[str, Any] = {}
        for p in self.parameters:
            value = core[p.name]
            if p.type == "period":
                count, unit = value
                out[unit] = count
            else:
                out[p.name] = p.rule.from_core(value)
        return out

    def make(self, given: Mapping[str, Any]) -> Condition:
        return Condition(_core.make_leaf(self.kind, self.core(given, complete=True)))

    def factory(self) -> Callable[..., Condition]:
        """The public factory: its signature, defaults and docstring follow from the declarations."""
        signature = inspect.Signature(
            [q for p in self.parameters for q in p.signature()], return_annotation="Condition"
        )
        spread = [p.name for p in self.parameters if p.variadic]

        def factory(*args: Any, **kwargs: Any) -> Condition:
            given = dict(signature.bind(*args, **kwargs).arguments)
            for name in spread:
                given.setdefault(name, ())
            return self.make(given)

        factory.__name__ = factory.__qualname__ = self.kind
        factory.__module__ = __name__
        factory.__doc__ = self.docstring()
        factory.__signature__ = signature  # type: ignore[attr-defined]
        factory.__annotations__ = {
            **{q.name: q.annotation for q in signature.parameters.values()},
            "return": "Condition",
        }
        return factory

    def docstring(self) -> str:
        lines = [textwrap.fill(self.doc, 100)]
        if self.parameters:
            lines += ["", "Parameters", "----------"]
            for p in self.parameters:
                lines += p.docstring()
        if self.notes:
            lines += ["", "Notes", "-----", textwrap.fill(self.notes, 100)]
        return "\n".join(lines) + "\n"


_LEAVES: Dict[str, _LeafSpec] = {s["kind"]: _LeafSpec(s) for s in _core.leaf_specs()}

for _spec in _LEAVES.values():
    globals()[_spec.kind] = _spec.factory()

__all__ = sorted(["Condition", "all_of", "any_of", "not_", *_LEAVES])

if __doc__:  # the list of leaves in this module's docstring (absent under python -OO)
    __doc__ = __doc__.replace(
        "{leaves}",
        "\n".join(f"- :func:`{k}`: {s.doc}" for k, s in _LEAVES.items()),
    )


# --- pickling: a condition as its tree ------------------------------------------------------------


def _tree(condition: Condition, at: str) -> Tuple[Any, ...]:
    """A condition as nested tuples: ``("all" | "any" | "not", parts)`` or ``("leaf", kind, parameters)``."""
    kind = condition.kind
    if kind in ("all", "any", "not"):
        return (kind, tuple(_tree(p, f"{at}.parts[{i}]") for i, p in enumerate(condition.parts)))
    if kind not in _LEAVES:  # a C++ leaf of a type the list does not have: nothing to rebuild it by
        raise TypeError(f"cannot pickle {at}: the leaf '{condition.describe()}' has no kind to rebuild it by")
    return ("leaf", kind, tuple(sorted(condition.parameters.items())))


def _from_tree(tree: Tuple[Any, ...]) -> Condition:
    """The condition of a tree made by _tree (groups as they were: all_of would flatten nested groups,
    changing explanations)."""
    if tree[0] == "leaf":
        return _LEAVES[tree[1]].make(dict(tree[2]))
    parts = [_from_tree(t)._impl for t in tree[1]]
    if tree[0] == "not":
        return Condition(_core.negate(parts[0]))
    return Condition(_core.all_of(parts) if tree[0] == "all" else _core.any_of(parts))
