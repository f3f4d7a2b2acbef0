"""Conditions: the C++ leaf conditions, combined at run time with ``&``, ``|`` and ``~``.

Each factory here wraps the same C++ condition type that compile-time rules use, so a rule built in
Python is evaluated, and explained, by the very same code as one written in C++.

- ``age_at_least(60)``: age ≥ 60 周岁 on the date ("60周岁以上" includes 60);
- ``age_under(80)``: age < 80 周岁 ("不满80周岁");
- ``age_at_least_by_year(80)``: age ≥ 80 周岁 by 1 January (or 31 December) of the year;
- ``hukou_in(regions)``: 户籍 in the set (a legacy code reads as its successor by default);
- ``lives_in(regions)``: 居住地 in the set;
- ``lives_rural()``: lives in a village (by residence, not by hukou type);
- ``in_category("dibao", "tekun")``: holds at least one of the categories;
- ``ability_at_least(3)``: an assessment valid on the date with GB/T 42195 level ≥ 3;
- ``disability_at_least("physical", 2)``: a certificate showing the category at 二级 or worse;
- ``has_mental_illness()``, ``has_infectious_disease()``: health facts (exclude with ``~``);
- ``continuous_stay_at_least(months=3, regions=...)``: in a qualifying facility continuously
  for the period ("入住满三个月");
- ``in_facility(regions)``: in a qualifying facility on the date;
- ``lives_at_home()``: not in any facility on the date;
- ``enrolled_in("weihai.virtual_platform")``: enrolled in the programme;
- ``always()``: always;
- ``a & b``, ``a | b``, ``~a``: all / any / not (nested ``&`` and ``|`` flatten, as in C++).

A condition can be taken apart: :attr:`Condition.kind` and :attr:`Condition.parts` walk it down to
its leaves (also through the groups of a catalog rule compiled in C++), :attr:`Condition.parameters`
reads a leaf's parameters and :meth:`Condition.replace` makes a copy of a leaf with some of them
changed; :func:`eldercare.reform` uses them to derive policies.

Conditions are immutable. Python's ``and``, ``or`` and ``not`` cannot be overloaded: using a
condition as a truth value raises :class:`TypeError` instead of silently misbehaving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._values import FACILITY_KINDS, AbilityLevel, Facility, FacilityRegistry, Person, _facilities_arg
from .regions import RegionLike, RegionSet

if TYPE_CHECKING:
    from ._decision import Reason

__all__ = [
    "Condition",
    "ability_at_least",
    "age_at_least",
    "age_at_least_by_year",
    "age_under",
    "all_of",
    "always",
    "any_of",
    "continuous_stay_at_least",
    "disability_at_least",
    "enrolled_in",
    "has_infectious_disease",
    "has_mental_illness",
    "hukou_in",
    "in_category",
    "in_facility",
    "lives_at_home",
    "lives_in",
    "lives_rural",
    "not_",
]

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
        """A leaf's parameters (a new dict each time; region sets as :class:`~eldercare.RegionSet`)."""
        out: Dict[str, Any] = {}
        for name, value in self._unfolded().parameters().items():
            if isinstance(value, _core.region_set):
                value = RegionSet._wrap(value)
            elif isinstance(value, list):
                value = tuple(value)
            out[name] = value
        if self.kind == "continuous_stay_at_least":
            out[out.pop("unit")] = out.pop("count")  # months=3, as the factory takes it
        return out

    def replace(self, **changes: Any) -> Condition:
        """A copy of this leaf with some parameters changed; the others are kept.

        Parameters
        ----------
        **changes
            Parameters by name, as :attr:`parameters` lists them (``years=65``,
            ``regions=RegionSet(...)``, ``months=6`` for a stay).

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
        values: Dict[str, Any] = {}
        for name, value in changes.items():
            if isinstance(value, RegionSet):
                value = value._impl
            elif isinstance(value, AbilityLevel):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            values[name] = value
        if self.kind == "continuous_stay_at_least":
            units = [u for u in ("days", "months", "years") if u in values]
            if len(units) > 1:
                invalid(ErrorId.INVALID_PARAMETER, "continuous_stay_at_least", ", ".join(units), "give one length")
            if units:
                values["count"] = values.pop(units[0])
                values["unit"] = units[0]
        return Condition(impl.with_parameters(values))

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
        from ._decision import Reason

        return [Reason._from_core(r) for r in self._impl.trace(_person_arg(person), on, _facilities_arg(facilities))]

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
        invalid_type(ErrorId.INVALID_PERSON, "person", person, "expected a Person")
    return person._impl


def _conditions(parts: Tuple[Any, ...], field: str) -> List[Condition]:
    if not parts:
        invalid(ErrorId.INVALID_PARAMETER, field, "[]", "a group needs at least one condition")
    for i, p in enumerate(parts):
        if not isinstance(p, Condition):
            invalid_type(ErrorId.INVALID_PARAMETER, f"{field}[{i}]", p, "expected a Condition")
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


_REACHED = ("on_birthday", "day_after_birthday")
_LEAP_DAY = ("february_28", "march_1")


def age_at_least(years: int, *, reached: str = "on_birthday", leap_day: str = "february_28") -> Condition:
    """Age ≥ `years` 周岁 on the evaluation date ("X周岁以上" includes X, art. 1259).

    Parameters
    ----------
    years : int
        0-150.
    reached : {"on_birthday", "day_after_birthday"}
        The day a year is gained (default: on the birthday).
    leap_day : {"february_28", "march_1"}
        Where a 29 February birthday falls in a common year (default: 28 February).

    Notes
    -----
    When it fails, the reason carries ``met_on``, the birthday on which it will hold.
    """
    return Condition(
        _core.age_at_least(
            _check.integer(years, "age_at_least.years"),
            _check.word(reached, "age_at_least.reached", _REACHED),
            _check.word(leap_day, "age_at_least.leap_day", _LEAP_DAY),
        )
    )


def age_under(years: int, *, reached: str = "on_birthday", leap_day: str = "february_28") -> Condition:
    """Age < `years` 周岁 ("不满X周岁"); see :func:`age_at_least` for the options."""
    return Condition(
        _core.age_under(
            _check.integer(years, "age_under.years"),
            _check.word(reached, "age_under.reached", _REACHED),
            _check.word(leap_day, "age_under.leap_day", _LEAP_DAY),
        )
    )


def age_at_least_by_year(
    years: int, *, mark: str = "january_1", reached: str = "on_birthday", leap_day: str = "february_28"
) -> Condition:
    """Age ≥ `years` 周岁 on a fixed day of the evaluation date's year, decided once a year.

    Parameters
    ----------
    years : int
        0-150.
    mark : {"january_1", "december_31"}
        Reached by 1 January (eligible for the whole year) or by 31 December (eligible from 1 January
        of the year in which the age is reached).
    reached, leap_day
        As for :func:`age_at_least`.
    """
    return Condition(
        _core.age_at_least_by_year(
            _check.integer(years, "age_at_least_by_year.years"),
            _check.word(mark, "age_at_least_by_year.mark", ("january_1", "december_31")),
            _check.word(reached, "age_at_least_by_year.reached", _REACHED),
            _check.word(leap_day, "age_at_least_by_year.leap_day", _LEAP_DAY),
        )
    )


def hukou_in(regions: Union[RegionSet, RegionLike], *, legacy: str = "as_successor") -> Condition:
    """户籍 in `regions` ("西城户籍老年人").

    Parameters
    ----------
    regions : RegionSet or RegionLike
        A set, or one region (a set of one named after it).
    legacy : {"as_successor", "as_recorded"}
        How an abolished code on the record reads: by default 110104 宣武 counts as 110102 西城 (the
        area is Xicheng today); ``"as_recorded"`` counts only the code as recorded.
    """
    rs = RegionSet.of(regions, _field="hukou_in.regions")
    return Condition(_core.hukou_in(rs._impl, _check.word(legacy, "hukou_in.legacy", ("as_successor", "as_recorded"))))


def lives_in(regions: Union[RegionSet, RegionLike]) -> Condition:
    """Lives (居住地) in `regions` (a set, or one region)."""
    return Condition(_core.lives_in(RegionSet.of(regions, _field="lives_in.regions")._impl))


def lives_rural() -> Condition:
    """Lives in a rural area (a village), decided by residence, not by hukou type."""
    return Condition(_core.lives_rural())


def in_category(*categories: str) -> Condition:
    """Holds at least one of `categories` (words such as ``"dibao"``, ``"tekun"``, ``"youfu"``)."""
    if len(categories) == 1 and not isinstance(categories[0], str):
        categories = tuple(categories[0])  # in_category(["dibao", "tekun"]) reads the same
    words = _check.texts(categories, "in_category.categories", error_id=ErrorId.INVALID_CATEGORY)
    if not words:
        invalid(ErrorId.INVALID_PARAMETER, "in_category.categories", "[]", "needs at least one category")
    return Condition(_core.in_category(list(words)))


def ability_at_least(level: Union[AbilityLevel, int]) -> Condition:
    """An ability assessment valid on the date with a GB/T 42195-2022 level ≥ `level`.

    Levels grow with need: ``ability_at_least(AbilityLevel.SEVERE)`` is "重度失能及以上". An int is
    read as the GB/T 42195 level (0-4).
    """
    return Condition(_core.ability_at_least(AbilityLevel.of(level, "ability_at_least.level").value))


def disability_at_least(categories: Union[str, Iterable[str]], grade: int) -> Condition:
    """A disability certificate showing one of `categories` at `grade` or more severe.

    Parameters
    ----------
    categories : str or iterable of str
        ``"physical"``, ``"intellectual"``, ... (or the Chinese labels).
    grade : int
        1 (一级, most severe) to 4: ``disability_at_least("intellectual", 2)`` holds for 一级 and 二级.
    """
    words = (categories,) if isinstance(categories, str) else _check.texts(categories, "disability_at_least.categories")
    if not words:
        invalid(ErrorId.INVALID_PARAMETER, "disability_at_least.categories", "[]", "needs a category")
    return Condition(
        _core.disability_at_least(
            list(words), _check.integer(grade, "disability_at_least.grade", error_id=ErrorId.INVALID_ABILITY)
        )
    )


def has_mental_illness() -> Condition:
    """Has a severe mental illness (严重精神障碍). "无精神病" is ``~has_mental_illness()``."""
    return Condition(_core.has_mental_illness())


def has_infectious_disease() -> Condition:
    """Has an active notifiable infectious disease (法定传染病)."""
    return Condition(_core.has_infectious_disease())


def lives_at_home() -> Condition:
    """Not in any facility on the date (居家)."""
    return Condition(_core.lives_at_home())


def always(what: str = "always") -> Condition:
    """Always holds; `what` is how explanations word it."""
    return Condition(_core.always(_check.text(what, "always.what", allow_empty=False)))


def enrolled_in(programme: str, label: str = "") -> Condition:
    """Enrolled in `programme` (an id such as ``"weihai.virtual_platform"``); `label` words it."""
    return Condition(
        _core.enrolled_in(
            _check.text(programme, "enrolled_in.programme", allow_empty=False),
            _check.text(label, "enrolled_in.label"),
        )
    )


def _kinds(kinds: Union[str, Iterable[str]], field: str) -> List[str]:
    words = (kinds,) if isinstance(kinds, str) else _check.texts(kinds, field, error_id=ErrorId.INVALID_FACILITY)
    for i, k in enumerate(words):
        _check.word(k, f"{field}[{i}]", FACILITY_KINDS)
    return list(words)


def continuous_stay_at_least(
    months: Optional[int] = None,
    *,
    days: Optional[int] = None,
    years: Optional[int] = None,
    regions: Union[RegionSet, RegionLike],
    kinds: Union[str, Iterable[str]] = ("institution",),
    require_filing: bool = True,
    max_gap_days: int = 0,
    transfers: str = "continues",
    before_filing: str = "not_counted",
    counting: str = "civil_code",
    checked: str = "end_of_day",
) -> Condition:
    """In a qualifying facility on the date, continuously for at least the period ("入住满三个月").

    Give exactly one of `months`, `days` or `years`. The period starts with the continuous stay and
    is counted as the Civil Code says (the start day is not counted; art. 202 for months).

    Parameters
    ----------
    months, days, years : int
        The length of the period.
    regions : RegionSet or RegionLike
        The facility's premises must lie here.
    kinds : str or iterable of str
        Accepted facility kinds (default: institutions, 养老机构).
    require_filing : bool
        Only days on which the facility's filing (备案) is in force count (default True).
    max_gap_days : int
        Uncovered days allowed between two stays without breaking continuity (default 0, assumed).
    transfers : {"continues", "restarts"}
        A move between qualifying facilities keeps the clock running (default, assumed) or restarts it.
    before_filing : {"not_counted", "counted"}
        Whether days in a facility before its filing count once it is filed (default: not).
    counting : {"civil_code", "natural_month"}
        How months are counted (see :func:`eldercare.period_complete_on`).
    checked : {"end_of_day", "start_of_day"}
        When on the evaluation date the check is made (default: at 24:00, art. 203).

    Notes
    -----
    When it fails for a person in a qualifying facility, the reason's ``met_on`` is the day the
    period completes.
    """
    given = [(u, n) for u, n in (("months", months), ("days", days), ("years", years)) if n is not None]
    if len(given) != 1:
        invalid(
            ErrorId.INVALID_PARAMETER,
            "continuous_stay_at_least",
            ", ".join(f"{u}={n}" for u, n in given) or "none",
            "give exactly one of months, days or years",
        )
    unit, count = given[0]
    field = "continuous_stay_at_least"
    return Condition(
        _core.continuous_stay_at_least(
            _check.integer(count, f"{field}.{unit}", error_id=ErrorId.INVALID_PERIOD),
            unit,
            RegionSet.of(regions, _field=f"{field}.regions")._impl,
            _kinds(kinds, f"{field}.kinds"),
            _check.boolean(require_filing, f"{field}.require_filing"),
            _check.integer(max_gap_days, f"{field}.max_gap_days", minimum=0),
            _check.word(transfers, f"{field}.transfers", ("continues", "restarts")),
            _check.word(before_filing, f"{field}.before_filing", ("not_counted", "counted")),
            _check.word(counting, f"{field}.counting", ("civil_code", "natural_month")),
            _check.word(checked, f"{field}.checked", ("end_of_day", "start_of_day")),
        )
    )


def in_facility(
    regions: Union[RegionSet, RegionLike],
    *,
    kinds: Union[str, Iterable[str]] = ("institution",),
    require_filing: bool = True,
) -> Condition:
    """In a facility of `kinds` in `regions` on the date (filed that day, when required)."""
    field = "in_facility"
    return Condition(
        _core.in_facility(
            RegionSet.of(regions, _field=f"{field}.regions")._impl,
            _kinds(kinds, f"{field}.kinds"),
            _check.boolean(require_filing, f"{field}.require_filing"),
        )
    )
