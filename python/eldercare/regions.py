"""Administrative division codes and named sets of regions (C++ eldercare/region/).

A :class:`RegionCode` is a checked GB/T 2260 / MCA division code (6 digits: province, prefecture or
county) or a 9-digit township code under a county in force. A :class:`RegionSet` is a named set of
codes; a code belongs to it when some member contains it (listing ``130000`` covers all of Hebei).

The bundled table has every county-level-and-above code of the Ministry of Civil Affairs' lists
from 1980-12 to 2021-12, current or abolished (:data:`TABLE_COVERAGE`), with its history: the names
it had, when it was in force (:meth:`RegionCode.in_force_on`, :meth:`RegionCode.name_on`,
:meth:`RegionCode.history`) and, for an abolished code such as 110104 宣武区, the codes its area went
to (:meth:`RegionCode.successors`, :meth:`RegionCode.current_codes_on`, :meth:`RegionCode.current`).
A code that no list ever had is refused.

The constants (``XICHENG``, ``HEBEI``, ...) and set functions (:func:`jin_ji_meng`,
:func:`beijing_ecological_conservation_area`, :func:`xixian_new_area`) are the regions the source
documents name.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from typing import Any, Iterable, Iterator, List, Optional, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId

__all__ = [
    "TABLE_COVERAGE",
    "TABLE_SOURCE",
    "RegionCode",
    "RegionLike",
    "RegionPeriod",
    "RegionSet",
    "beijing_ecological_conservation_area",
    "jin_ji_meng",
    "search",
    "xixian_new_area",
    "xixian_new_area_towns",
]

#: What the bundled code table covers.
TABLE_COVERAGE: str = _core.region_table_coverage
#: Where the bundled code table comes from.
TABLE_SOURCE: str = _core.region_table_source


@functools.total_ordering
class RegionCode:
    """A checked administrative division code.

    Parameters
    ----------
    code : str or int or RegionCode
        6 digits (``"110102"``, ``110102``) or a 9-digit township code (``"610112008"``).

    Raises
    ------
    InvalidValue
        For malformed text, a code that no MCA list ever had (``"999999"``), an NBS development-zone
        code (``"371071"``), or a township under an unknown or abolished county.

    Notes
    -----
    Equality is on the code as recorded (110104 宣武 is not 110102 西城). Ordering is hierarchical: a
    parent sorts before its children. A code never equals a str or an int: compare codes with codes.

    Examples
    --------
    >>> from eldercare import RegionCode
    >>> c = RegionCode("110102")
    >>> c.name, c.level, str(c.province)
    ('西城区', 'county', '110000')
    >>> RegionCode("110104").current() == c
    True
    >>> RegionCode("320103").in_force_on("2012-12-31"), RegionCode("320103").successors()
    (True, (RegionCode('320104'),))
    """

    __slots__ = ("_impl",)
    _impl: _core.region_code

    def __init__(self, code: RegionLike, *, _field: str = "region") -> None:
        object.__setattr__(self, "_impl", to_core_region(code, _field))

    @classmethod
    def _wrap(cls, impl: _core.region_code) -> RegionCode:
        obj = cls.__new__(cls)
        object.__setattr__(obj, "_impl", impl)
        return obj

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("RegionCode is immutable")

    @property
    def value(self) -> int:
        """The code as a number, as recorded (110104 stays 110104)."""
        return self._impl.value

    @property
    def code(self) -> str:
        """The code as text, ``"110102"``."""
        return str(self._impl)

    @property
    def level(self) -> str:
        """``"province"``, ``"prefecture"``, ``"county"`` or ``"township"``."""
        return self._impl.level

    @property
    def name(self) -> str:
        """The latest name in the bundled table (``"西城区"``; an abolished code's last name,
        ``"宣武区"``); ``""`` for an unnamed township."""
        return self._impl.name

    @property
    def is_legacy(self) -> bool:
        """True for an abolished code: not in the newest MCA list (110103, 110104, 320103 ...)."""
        return self._impl.is_legacy

    @property
    def province(self) -> RegionCode:
        """The province (110102 -> 110000); a province is its own province."""
        return RegionCode._wrap(self._impl.province())

    @property
    def has_prefecture(self) -> bool:
        """Whether the code sits under a prefecture: False for a province and for Hainan's 4600xx
        counties of 1988-2002, coded directly under the province."""
        return bool(self._impl.has_prefecture)

    @property
    def prefecture(self) -> RegionCode:
        """The prefecture (131082 -> 131000, 110102 -> 110100). Raises for a province and for a
        county coded directly under its province (460001); see :attr:`has_prefecture`."""
        return RegionCode._wrap(self._impl.prefecture())

    @property
    def county(self) -> RegionCode:
        """The county (610112008 -> 610112). Raises for a province or prefecture."""
        return RegionCode._wrap(self._impl.county())

    def current(self) -> RegionCode:
        """The one current code an abolished code's area went to (110104 -> 110102); otherwise the
        code itself, also when the area was split or its successor is unknown (see
        :meth:`current_codes`)."""
        return RegionCode._wrap(self._impl.current())

    def in_force_on(self, on: DateLike) -> bool:
        """True when the MCA list of `on`'s month shows the code (a township: its county).

        Changes are dated by the first list that shows them (the lists are yearly before 2015);
        nothing is in force before the first list, 1980-12.
        """
        return self._impl.in_force_on(on)

    def name_on(self, on: DateLike) -> str:
        """The name the code had on `on` (``"襄樊市"`` for 420600 in 2009); ``""`` when not in force."""
        return self._impl.name_on(on)

    def successors(self) -> Tuple[RegionCode, ...]:
        """The codes that took over the area when the code was last abolished (one after a merger,
        several after a split); empty for a current code or an unknown successor."""
        return tuple(RegionCode._wrap(c) for c in self._impl.successors())

    def current_codes_on(self, on: DateLike) -> Tuple[RegionCode, ...]:
        """The codes in force on `on` that stand for this code: itself while in force, else its
        successors followed to that date; empty when a successor on the way is unknown."""
        return tuple(RegionCode._wrap(c) for c in self._impl.current_codes_on(on))

    def current_codes(self) -> Tuple[RegionCode, ...]:
        """:meth:`current_codes_on` for the newest list (2021-12): the codes in force today."""
        return tuple(RegionCode._wrap(c) for c in self._impl.current_codes())

    def history(self) -> Tuple[RegionPeriod, ...]:
        """The code's periods in the MCA lists, oldest first (a township: its county's)."""
        return tuple(
            RegionPeriod(
                start=p["start"],
                until=p["until"],
                name=p["name"],
                end=p["end"],
                successors=tuple(RegionCode._wrap(c) for c in p["successors"]),
            )
            for p in self._impl.history()
        )

    def contains(self, other: RegionLike) -> bool:
        """Ancestor-or-self, by digits: 130000 contains 131082; every code contains itself."""
        return self._impl.contains(to_core_region(other, "other"))

    def __str__(self) -> str:
        return str(self._impl)

    def __repr__(self) -> str:
        return f"RegionCode('{self._impl}')"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RegionCode):
            return NotImplemented
        return self._impl == other._impl

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RegionCode):
            return NotImplemented
        return self._impl < other._impl

    def __hash__(self) -> int:
        return hash(self._impl)

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        return (RegionCode, (str(self._impl),))


#: A region code, or anything :class:`RegionCode` accepts: 6 or 9 digits as text or an int.
RegionLike = Union[RegionCode, str, int]


@dataclasses.dataclass(frozen=True)
class RegionPeriod:
    """One span of consecutive MCA lists in which a code appears under one name.

    Attributes
    ----------
    start : datetime.date
        First day of the month of the first list that has it.
    until : datetime.date or None
        First day of the month of the first list without it (or renaming it); None while in force.
    name : str
        Its name in those lists.
    end : str
        How the period ended: ``"in_force"``, ``"renamed"``, or abolished with its successors
        ``"inferred"`` from the lists, listed ``"by_hand"`` (with a source) or ``"unknown"``.
    successors : tuple of RegionCode
        Where its area went, when abolished and known.
    """

    start: datetime.date
    until: Optional[datetime.date]
    name: str
    end: str
    successors: Tuple[RegionCode, ...]


def to_core_region(value: Any, field: str) -> _core.region_code:
    """The C++ code for a region-like value; errors name `field`."""
    return _core.to_region(value._impl if isinstance(value, RegionCode) else value, field)


class RegionSet:
    """A named set of regions, such as 津冀蒙 or 西咸新区.

    Parameters
    ----------
    name : str
        Not empty: it is quoted in explanations ("hukou in 西城区 {110102}").
    members : iterable of RegionLike
        Kept sorted (parents first) without duplicates.

    Examples
    --------
    >>> from eldercare import RegionSet
    >>> jjm = RegionSet("津冀蒙", ["120000", "130000", "150000"])
    >>> "131082" in jjm, str(jjm.find_member("131082"))
    (True, '130000')
    """

    __slots__ = ("_impl",)
    _impl: _core.region_set

    def __init__(self, name: str, members: Iterable[RegionLike], *, _field: str = "region_set") -> None:
        _check.text(name, f"{_field}.name", error_id=ErrorId.INVALID_REGION)
        items = _check.sequence(members, f"{_field}.members", error_id=ErrorId.INVALID_REGION)
        impl = _core.region_set(name, [m._impl if isinstance(m, RegionCode) else m for m in items], _field)
        object.__setattr__(self, "_impl", impl)

    @classmethod
    def _wrap(cls, impl: _core.region_set) -> RegionSet:
        obj = cls.__new__(cls)
        object.__setattr__(obj, "_impl", impl)
        return obj

    @classmethod
    def of(cls, value: Union[RegionSet, RegionLike], *, _field: str = "regions") -> RegionSet:
        """`value` if it is a set; a single region as a set of one, named after the region."""
        if isinstance(value, RegionSet):
            return value
        code = RegionCode(value, _field=_field)
        return cls(code.name or code.code, [code], _field=_field)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("RegionSet is immutable")

    @property
    def name(self) -> str:
        return self._impl.name

    @property
    def members(self) -> Tuple[RegionCode, ...]:
        """The members as given, sorted and without duplicates."""
        return tuple(RegionCode._wrap(m) for m in self._impl.members)

    def contains(self, code: RegionLike) -> bool:
        """True when some member contains `code`. Legacy codes are taken as recorded."""
        return self._impl.contains(to_core_region(code, "code"))

    def __contains__(self, code: object) -> bool:
        return self.contains(code)  # type: ignore[arg-type]

    def find_member(self, code: RegionLike) -> Optional[RegionCode]:
        """The most specific member that contains `code`, or None."""
        m = self._impl.find_member(to_core_region(code, "code"))
        return None if m is None else RegionCode._wrap(m)

    def __or__(self, other: RegionSet) -> RegionSet:
        """The union, named ``"A|B"``."""
        if not isinstance(other, RegionSet):
            return NotImplemented
        return RegionSet._wrap(self._impl | other._impl)

    def __iter__(self) -> Iterator[RegionCode]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self._impl.members)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RegionSet):
            return NotImplemented
        return self._impl == other._impl

    def __hash__(self) -> int:
        return hash((self.name, tuple(m.value for m in self._impl.members)))

    def __str__(self) -> str:
        return self._impl.to_string()

    def __repr__(self) -> str:
        members = ", ".join(f"'{m}'" for m in self._impl.members)
        return f"RegionSet('{self.name}', [{members}])"

    def __reduce__(self) -> Tuple[Any, Tuple[str, List[str]]]:
        return (RegionSet, (self.name, [str(m) for m in self._impl.members]))


def _named(key: str) -> RegionCode:
    return RegionCode._wrap(_core.named_regions[key])


# Provinces in scope.
BEIJING = _named("BEIJING")  #: 北京市 110000
TIANJIN = _named("TIANJIN")  #: 天津市 120000
HEBEI = _named("HEBEI")  #: 河北省 130000
INNER_MONGOLIA = _named("INNER_MONGOLIA")  #: 内蒙古自治区 150000
SHANDONG = _named("SHANDONG")  #: 山东省 370000
GUANGDONG = _named("GUANGDONG")  #: 广东省 440000
SHAANXI = _named("SHAANXI")  #: 陕西省 610000
# Beijing districts named by the rules.
DONGCHENG = _named("DONGCHENG")  #: 东城区 110101
XICHENG = _named("XICHENG")  #: 西城区 110102
CHONGWEN = _named("CHONGWEN")  #: 崇文区 110103 (legacy, now 东城)
XUANWU = _named("XUANWU")  #: 宣武区 110104 (legacy, now 西城)
MENTOUGOU = _named("MENTOUGOU")  #: 门头沟区 110109
FANGSHAN = _named("FANGSHAN")  #: 房山区 110111
CHANGPING = _named("CHANGPING")  #: 昌平区 110114
HUAIROU = _named("HUAIROU")  #: 怀柔区 110116
PINGGU = _named("PINGGU")  #: 平谷区 110117
MIYUN = _named("MIYUN")  #: 密云区 110118
YANQING = _named("YANQING")  #: 延庆区 110119
# Weihai and its county-level units.
WEIHAI = _named("WEIHAI")  #: 威海市 371000
HUANCUI = _named("HUANCUI")  #: 环翠区 371002
WENDENG = _named("WENDENG")  #: 文登区 371003
RONGCHENG = _named("RONGCHENG")  #: 荣成市 371082
RUSHAN = _named("RUSHAN")  #: 乳山市 371083
# Xi'an, Xianyang, and the seven county-level units that 西咸新区 spans.
XIAN = _named("XIAN")  #: 西安市 610100
XIANYANG = _named("XIANYANG")  #: 咸阳市 610400
WEIYANG = _named("WEIYANG")  #: 未央区 610112
CHANGAN = _named("CHANGAN")  #: 长安区 610116
HUYI = _named("HUYI")  #: 鄠邑区 610118
QINDU = _named("QINDU")  #: 秦都区 610402
WEICHENG = _named("WEICHENG")  #: 渭城区 610404
JINGYANG = _named("JINGYANG")  #: 泾阳县 610423
XINGPING = _named("XINGPING")  #: 兴平市 610481


def jin_ji_meng() -> RegionSet:
    """津冀蒙: Tianjin, Hebei and Inner Mongolia (Xicheng's cross-region care subsidy)."""
    return RegionSet._wrap(_core.jin_ji_meng())


def beijing_ecological_conservation_area(mountain_towns: Iterable[RegionLike] = ()) -> RegionSet:
    """生态涵养区: 门头沟, 怀柔, 平谷, 密云 and 延庆 whole, plus the listed mountain towns.

    Parameters
    ----------
    mountain_towns : iterable of RegionLike
        9-digit township codes under 昌平 110114 or 房山 110111. No list of those towns was found, so
        they are an input; a plain 110114 or 110111 is not in the set.
    """
    towns = _check.sequence(mountain_towns, "mountain_towns", error_id=ErrorId.INVALID_REGION)
    return RegionSet._wrap(
        _core.beijing_ecological_conservation_area([t._impl if isinstance(t, RegionCode) else t for t in towns])
    )


def xixian_new_area_towns() -> Tuple[RegionCode, ...]:
    """The 西咸新区 towns the library can name (21 of its 23; see the C++ documentation)."""
    return tuple(RegionCode._wrap(t) for t in _core.xixian_new_area_towns())


def xixian_new_area(extra_towns: Iterable[RegionLike] = ()) -> RegionSet:
    """西咸新区 as a set of township codes, plus `extra_towns` (townships in its seven counties)."""
    towns = _check.sequence(extra_towns, "extra_towns", error_id=ErrorId.INVALID_REGION)
    return RegionSet._wrap(_core.xixian_new_area([t._impl if isinstance(t, RegionCode) else t for t in towns]))


def search(name: str, *, include_abolished: bool = False) -> List[RegionCode]:
    """Codes whose Chinese name contains `name` (``search("西城")``), in code order.

    By default only codes in force today, by their current names; with ``include_abolished=True``
    every code of the table whose name, at any time, contained `name` (``search("宣武",
    include_abolished=True)``).
    """
    _check.text(name, "name", allow_empty=False, error_id=ErrorId.INVALID_REGION)
    codes = sorted(
        {
            code
            for code, row_name, current in _core.region_table_names()
            if name in row_name and (current or include_abolished)
        }
    )
    found = [RegionCode(code) for code in codes]
    return found if include_abolished else [c for c in found if name in c.name]
