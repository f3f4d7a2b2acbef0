"""Domain values: ability, disability certificates, facilities and filings, stays, persons, households.

Every class here is immutable and checks its input on construction, raising
:class:`~eldercare.InvalidValue` with the field and the value. Use ``replace(**changes)`` for a
modified copy. Their attributes are the facts of the schema (:mod:`eldercare._schema`): a fact's name
is its attribute path (``person.hukou.since``), and :func:`_record_of` / :func:`_person_from_record`
turn a value into its facts by column and back, for every format to share.
"""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
from collections.abc import Mapping, Sequence  # isinstance checks (quicker than typing's)
from typing import Any, ClassVar, Dict, Iterable, Iterator, Optional, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid, invalid_type
from ._schema import DISABILITY_COMPONENT, FACILITY, HOUSEHOLD, PERSON, STAY, Field, Subject
from .regions import RegionCode, RegionLike

__all__ = [
    "ABILITY_SCALES",
    "CATEGORIES",
    "DISABILITY_CATEGORIES",
    "FACILITY_KINDS",
    "HEALTH_CONDITIONS",
    "AbilityLevel",
    "Assessment",
    "DisabilityCertificate",
    "Facility",
    "FacilityRegistry",
    "Filing",
    "Health",
    "Household",
    "Hukou",
    "IdNumber",
    "Person",
    "Residence",
    "Stay",
    "id_check_character",
]

#: Category words of the interchange format, with their Chinese terms: ``{"dibao": "低保", ...}``.
CATEGORIES: Mapping[str, str] = dict(_core.category_words())
#: Facility kinds: ``("institution", "community", "regional_centre", "travel_stay_base")``.
FACILITY_KINDS: Tuple[str, ...] = tuple(_core.facility_kinds())
#: Ability assessment scales, with their titles: ``{"gbt_42195_2022": "GB/T 42195-2022《…》", ...}``.
ABILITY_SCALES: Mapping[str, str] = dict(_core.ability_scales())
#: Disability certificate categories, with their Chinese labels: ``{"visual": "视力残疾", ...}``.
DISABILITY_CATEGORIES: Mapping[str, str] = dict(_core.disability_categories())
#: Health conditions, the words of a person's ``health``, with their Chinese terms:
#: ``{"mental_illness": "严重精神障碍", "infectious_disease": "法定传染病"}``.
HEALTH_CONDITIONS: Mapping[str, str] = dict(zip(PERSON.field("health").words, PERSON.field("health").labels))

_ABILITY_LABELS = _core.ability_level_labels()


class _Frozen:
    """Immutable value with equality, hashing, repr and replace() over `_fields`."""

    __slots__ = ()
    _fields: ClassVar[Tuple[str, ...]] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; use replace() for a modified copy")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _key(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        args = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({args})"

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed (checked like a new value)."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field(s) {', '.join(sorted(unknown))}")
        values = {f: getattr(self, f) for f in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (functools.partial(type(self), **{f: getattr(self, f) for f in self._fields}), ())


# --- resident ID numbers --------------------------------------------------------------------------


def id_check_character(first17: str) -> str:
    """The check character of the first 17 digits of a resident ID number (ISO 7064 MOD 11-2).

    Each digit is multiplied by its weight, ``7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2``; with S the sum,
    the character is ``(12 - S mod 11) mod 11``, written ``X`` for 10.

    >>> id_check_character("11010519491231002")
    'X'
    """
    return str(_core.id_check_character(first17))


class IdNumber(_Frozen):
    """A resident ID number (公民身份号码, GB 11643-1999), checked.

    Parameters
    ----------
    text : str
        18 characters (17 digits and a check digit or ``X``; a lower-case ``x`` is accepted), or the
        15 digits of a number issued before 1999 (its 18-character form is computed).

    Attributes
    ----------
    text : str
        The 18-character form.
    as_issued : str
        As it was issued (the 15 digits of a legacy number).
    legacy : bool
    birth_date : datetime.date
        Digits 7-14 (7-12 of a legacy number, in the 1900s).
    region : RegionCode
        Digits 1-6: where the number was first issued, possibly a code since abolished (110104 宣武).
        It never changes when the holder moves: it is not the hukou.
    sex : str
        ``"male"`` (digit 17 odd) or ``"female"``.

    Raises
    ------
    InvalidValue
        ``[eldercare.invalid_value.111]``, naming the field, the number and what is wrong: the
        length, the check character (with the one expected), an impossible date, an unknown region.

    Examples
    --------
    >>> n = IdNumber("11010519491231002X")
    >>> n.birth_date, n.region.code, n.sex
    (datetime.date(1949, 12, 31), '110105', 'female')
    >>> IdNumber("110105491231002").text
    '11010519491231002X'
    """

    _fields = ("as_issued",)
    __slots__ = ("_impl", "as_issued")
    _impl: _core.id_number
    as_issued: str

    def __init__(self, as_issued: Union[str, IdNumber], *, _field: str = "id_number") -> None:
        if isinstance(as_issued, IdNumber):
            as_issued = as_issued.as_issued
        text = _check.text(as_issued, _field, allow_empty=False, error_id=ErrorId.INVALID_ID_NUMBER)
        impl = _core.id_number(text.strip(), _field)
        self._set(as_issued=impl.as_issued, _impl=impl)

    @property
    def text(self) -> str:
        return str(self._impl.text)

    @property
    def legacy(self) -> bool:
        return bool(self._impl.legacy)

    @property
    def birth_date(self) -> datetime.date:
        return self._impl.birth_date

    @property
    def region(self) -> RegionCode:
        return RegionCode._wrap(self._impl.region)

    @property
    def sex(self) -> str:
        return str(self._impl.sex)

    def __str__(self) -> str:
        return self.as_issued

    def __repr__(self) -> str:
        return f"IdNumber({self.as_issued!r})"


# --- ability -------------------------------------------------------------------------------------


@functools.total_ordering
class AbilityLevel(enum.Enum):
    """The GB/T 42195-2022 ability level (老年人能力等级), 0 (能力完好) to 4 (能力完全丧失).

    Higher means more disabled. Levels compare with levels only: ``AbilityLevel.SEVERE == 3`` is
    False (level numbers run the other way on disability certificates, so they are not bare ints).
    Where the API accepts a level it also accepts the int 0-4, read as the GB/T 42195 level.
    """

    INTACT = 0  #: 能力完好
    MILD = 1  #: 能力轻度受损（轻度失能）
    MODERATE = 2  #: 能力中度受损（中度失能）
    SEVERE = 3  #: 能力重度受损（重度失能）
    TOTAL_LOSS = 4  #: 能力完全丧失（完全失能）

    @property
    def label(self) -> str:
        """The standard's label, e.g. ``"能力重度受损（重度失能）"``."""
        return _ABILITY_LABELS[self.value][0]

    @property
    def short_label(self) -> str:
        """The everyday word, e.g. ``"重度失能"``."""
        return _ABILITY_LABELS[self.value][1]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, AbilityLevel):
            return NotImplemented
        return self.value < other.value

    @classmethod
    def of(cls, value: Union[AbilityLevel, int], field: str = "ability_level") -> AbilityLevel:
        """A level from a level or the int 0-4; anything else raises naming `field`."""
        if isinstance(value, AbilityLevel):
            return value
        level = _check.integer(value, field, error_id=ErrorId.INVALID_ABILITY)
        return cls(_core.check_ability_level(level, field))


class Assessment(_Frozen):
    """An ability assessment: the scale used, the level on GB/T 42195, when, and until when.

    Parameters
    ----------
    level : AbilityLevel or int
        The level converted onto GB/T 42195-2022 (0-4).
    assessed_on : datetime.date or str
    scale : str
        One of :data:`ABILITY_SCALES` (default ``"gbt_42195_2022"``).
    valid_until : datetime.date or str, optional
        Last day the assessment holds; without it, it holds from `assessed_on` on (the library never
        invents a validity period).
    raw_score : int, optional
        Checked against the scale's range (GB/T 42195 total 0-90, Barthel 0-100 in steps of 5, ...).
    local_scale_id : str
        Names a ``"local"`` scale (required for it, refused for the others).
    """

    _fields = tuple(f.key for f in PERSON.group_fields("ability"))
    __slots__ = (*_fields, "_impl")
    _impl: _core.assessment
    level: AbilityLevel
    assessed_on: datetime.date
    scale: str
    valid_until: Optional[datetime.date]
    raw_score: Optional[int]
    local_scale_id: str

    def __init__(
        self,
        level: Union[AbilityLevel, int],
        assessed_on: DateLike,
        *,
        scale: str = "gbt_42195_2022",
        valid_until: Optional[DateLike] = None,
        raw_score: Optional[int] = None,
        local_scale_id: str = "",
        _field: str = "assessment",
    ) -> None:
        lvl = AbilityLevel.of(level, f"{_field}.level")
        impl = _core.assessment(
            _check.text(scale, f"{_field}.scale", error_id=ErrorId.INVALID_ABILITY),
            lvl.value,
            assessed_on,
            valid_until,
            _check.optional_integer(raw_score, f"{_field}.raw_score", error_id=ErrorId.INVALID_ABILITY),
            _check.text(local_scale_id, f"{_field}.local_scale_id", error_id=ErrorId.INVALID_ABILITY),
            _field,
        )
        self._set(
            level=lvl,
            assessed_on=impl.assessed_on,
            scale=impl.scale,
            valid_until=impl.valid_until,
            raw_score=impl.raw_score,
            local_scale_id=impl.local_scale_id,
            _impl=impl,
        )

    def holds_on(self, on: DateLike) -> bool:
        """True when `on` lies in [assessed_on, valid_until]."""
        return self._impl.holds_on(on)


class DisabilityCertificate(_Frozen):
    """A disability certificate (残疾人证).

    Parameters
    ----------
    category : str
        ``"visual"``, ``"hearing"``, ``"speech"``, ``"physical"``, ``"intellectual"``, ``"mental"``
        or ``"multiple"``; the Chinese label (``"肢体残疾"``) or its short form (``"肢体"``) is accepted
        and stored as the identifier.
    grade : int
        1 (一级, the MOST severe) to 4 (四级). Beware: the opposite direction to ability levels.
    components : iterable of (category, grade)
        For a ``"multiple"`` certificate, the component disabilities when known (each a pair, or a
        mapping ``{"category": ..., "grade": ...}``).
    """

    _fields = tuple(f.key for f in PERSON.group_fields("disability"))
    __slots__ = (*_fields, "_impl")
    _impl: _core.disability_certificate
    category: str
    grade: int
    components: Tuple[Tuple[str, int], ...]

    def __init__(
        self,
        category: str,
        grade: int,
        *,
        components: Iterable[Tuple[str, int]] = (),
        _field: str = "disability",
    ) -> None:
        parts = []
        for i, c in enumerate(_check.sequence(components, f"{_field}.components", error_id=ErrorId.INVALID_CATEGORY)):
            at = f"{_field}.components[{i}]"
            if isinstance(c, Mapping):  # a component's facts by name: {"category": ..., "grade": ...}
                c = tuple(c.get(f.column) for f in DISABILITY_COMPONENT)
            if isinstance(c, (str, bytes)) or not isinstance(c, Sequence) or len(c) != 2:
                invalid_type(at, c, "expected a (category, grade) pair")
            parts.append(
                (
                    _check.text(c[0], f"{at}.category", error_id=ErrorId.INVALID_CATEGORY),
                    _check.integer(c[1], f"{at}.grade", error_id=ErrorId.INVALID_ABILITY),
                )
            )
        impl = _core.disability_certificate(
            _check.text(category, f"{_field}.category", error_id=ErrorId.INVALID_CATEGORY),
            _check.integer(grade, f"{_field}.grade", error_id=ErrorId.INVALID_ABILITY),
            parts,
            _field,
        )
        self._set(category=impl.category, grade=impl.grade, components=tuple(impl.components), _impl=impl)

    @property
    def category_label(self) -> str:
        """The certificate's wording, e.g. ``"肢体残疾"``."""
        return self._impl.category_label

    @property
    def grade_label(self) -> str:
        """``"一级"`` .. ``"四级"``."""
        return self._impl.grade_label

    def shows(self, category: str, grade: int) -> bool:
        """True when the certificate (or a component) shows `category` at `grade` or more severe."""
        return self._impl.shows(category, _check.integer(grade, "grade", error_id=ErrorId.INVALID_ABILITY))


# --- facilities and stays ------------------------------------------------------------------------


class Filing(_Frozen):
    """A filing (备案) with a civil-affairs department, in force from `filed_on` until `revoked_on`.

    Parameters
    ----------
    authority_region : RegionLike
        Where the civil-affairs department is (备案机关所在地).
    filed_on : datetime.date or str
    revoked_on : datetime.date or str, optional
        The day the filing was cancelled; it is not in force on that day.
    receipt_no : str
        备案回执 number, when known.
    """

    _fields = tuple(f.key for f in FACILITY.group_fields("filing"))
    __slots__ = (*_fields, "_impl")
    _impl: _core.filing
    authority_region: RegionCode
    filed_on: datetime.date
    revoked_on: Optional[datetime.date]
    receipt_no: str

    def __init__(
        self,
        authority_region: RegionLike,
        filed_on: DateLike,
        *,
        revoked_on: Optional[DateLike] = None,
        receipt_no: str = "",
        _field: str = "filing",
    ) -> None:
        region = RegionCode(authority_region, _field=f"{_field}.authority_region")
        impl = _core.filing(
            region._impl,
            filed_on,
            revoked_on,
            _check.text(receipt_no, f"{_field}.receipt_no", error_id=ErrorId.INVALID_FACILITY),
            _field,
        )
        self._set(
            authority_region=region,
            filed_on=impl.filed_on,
            revoked_on=impl.revoked_on,
            receipt_no=impl.receipt_no,
            _impl=impl,
        )

    def in_force_on(self, on: DateLike) -> bool:
        """Filed on or before `on` and not revoked on or before it."""
        return self._impl.in_force_on(on)


class Facility(_Frozen):
    """An eldercare facility.

    Parameters
    ----------
    id : str
        Not empty; stays refer to it.
    region : RegionLike
        Where the service premises are: a county code, or a township code where a rule needs it.
    kind : str
        One of :data:`FACILITY_KINDS` (default ``"institution"``, 养老机构).
    beds : int
        0 or more.
    filing : Filing, optional
        The 备案 record; None when the facility is not filed.
    """

    _fields = FACILITY.attributes
    __slots__ = (*_fields, "_impl")
    _impl: _core.facility
    id: str
    region: RegionCode
    kind: str
    beds: int
    filing: Optional[Filing]

    def __init__(
        self,
        id: str,
        region: RegionLike,
        *,
        kind: str = "institution",
        beds: int = 0,
        filing: Optional[Filing] = None,
        _field: str = "facility",
    ) -> None:
        _check.text(id, f"{_field}.id", allow_empty=False, error_id=ErrorId.INVALID_FACILITY)
        code = RegionCode(region, _field=f"{_field}.region")
        if filing is not None and not isinstance(filing, Filing):
            invalid_type(f"{_field}.filing", filing, "expected a Filing or None")
        impl = _core.facility(
            id,
            _check.text(kind, f"{_field}.kind", error_id=ErrorId.INVALID_FACILITY),
            code._impl,
            _check.integer(beds, f"{_field}.beds", error_id=ErrorId.INVALID_FACILITY),
            None if filing is None else filing._impl,
            _field,
        )
        self._set(id=id, region=code, kind=impl.kind, beds=impl.beds, filing=filing, _impl=impl)

    def filed_on(self, on: DateLike) -> bool:
        """Filed, and the filing in force on `on`."""
        return self._impl.filed_on(on)


class FacilityRegistry:
    """The facilities that persons' stays refer to, by id. Immutable.

    Parameters
    ----------
    facilities : iterable of Facility
        Ids must be unique.

    Examples
    --------
    >>> from eldercare import Facility, FacilityRegistry, Filing
    >>> reg = FacilityRegistry([Facility("F1", "131082", filing=Filing("131082", "2019-03-01"))])
    >>> "F1" in reg, len(reg), reg["F1"].region.name
    (True, 1, '三河市')
    """

    __slots__ = ("_by_id", "_impl")
    _by_id: Dict[str, Facility]
    _impl: _core.facility_registry

    def __init__(self, facilities: Iterable[Facility] = ()) -> None:
        impl = _core.facility_registry()
        by_id: Dict[str, Facility] = {}
        for i, f in enumerate(_check.sequence(facilities, "facilities", error_id=ErrorId.INVALID_FACILITY)):
            if not isinstance(f, Facility):
                invalid_type(f"facilities[{i}]", f, "expected a Facility")
            impl.add(f._impl)
            by_id[f.id] = f
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_impl", impl)

    @classmethod
    def of(cls, value: Union[FacilityRegistry, Iterable[Facility], None]) -> Optional[FacilityRegistry]:
        """`value` if it is a registry, None for None, else a registry of the facilities given."""
        if value is None or isinstance(value, FacilityRegistry):
            return value
        return cls(value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FacilityRegistry is immutable; use with_facilities() for an extended copy")

    def with_facilities(self, *facilities: Facility) -> FacilityRegistry:
        """A new registry with `facilities` added."""
        return FacilityRegistry([*self._by_id.values(), *facilities])

    def __getitem__(self, id: str) -> Facility:
        return self._by_id[id]

    def get(self, id: str, default: Optional[Facility] = None) -> Optional[Facility]:
        return self._by_id.get(id, default)

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    def __iter__(self) -> Iterator[Facility]:
        return iter(sorted(self._by_id.values(), key=lambda f: f.id))

    def __len__(self) -> int:
        return len(self._by_id)

    @property
    def ids(self) -> Tuple[str, ...]:
        """Facility ids, sorted."""
        return tuple(sorted(self._by_id))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FacilityRegistry):
            return NotImplemented
        return self._by_id == other._by_id

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FacilityRegistry([{', '.join(repr(f) for f in self)}])"

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (FacilityRegistry, (list(self),))


def _facilities_arg(facilities: Any) -> Optional[_core.facility_registry]:
    registry = FacilityRegistry.of(facilities)
    return None if registry is None else registry._impl


class Stay(_Frozen):
    """A stay (入住) in a facility: admitted on a day, discharged on a day or ongoing.

    Parameters
    ----------
    facility : str or Facility
        The facility id (or the facility, whose id is taken).
    admitted : datetime.date or str
    discharged : datetime.date or str, optional
        None while the stay is ongoing; not before `admitted`.
    """

    _fields = STAY.columns
    __slots__ = (*_fields, "_impl")
    _impl: _core.stay
    facility: str
    admitted: datetime.date
    discharged: Optional[datetime.date]

    def __init__(
        self,
        facility: Union[str, Facility],
        admitted: DateLike,
        discharged: Optional[DateLike] = None,
        *,
        _field: str = "stay",
    ) -> None:
        fid = facility.id if isinstance(facility, Facility) else facility
        _check.text(fid, f"{_field}.facility", allow_empty=False, error_id=ErrorId.INVALID_STAY)
        impl = _core.stay(fid, admitted, discharged, _field)
        self._set(facility=fid, admitted=impl.admitted, discharged=impl.discharged, _impl=impl)

    @property
    def ongoing(self) -> bool:
        return self.discharged is None

    def covers(self, on: DateLike) -> bool:
        """The person is in the facility on `on` (admission and discharge days included)."""
        return self._impl.covers(on)


# --- persons and households ----------------------------------------------------------------------


class Hukou(_Frozen):
    """户籍: the registered permanent residence, and since when (if known)."""

    _fields = tuple(f.key for f in PERSON.group_fields("hukou"))
    __slots__ = _fields
    region: RegionCode
    since: Optional[datetime.date]

    def __init__(self, region: RegionLike, since: Optional[DateLike] = None, *, _field: str = "hukou") -> None:
        self._set(
            region=RegionCode(region, _field=f"{_field}.region"),
            since=_core.to_optional_date(since, f"{_field}.since"),
        )


class Residence(_Frozen):
    """居住地: where the person lives; `rural` when in a village (decided by residence, not hukou)."""

    _fields = tuple(f.key for f in PERSON.group_fields("residence"))
    __slots__ = _fields
    region: RegionCode
    rural: bool

    def __init__(self, region: RegionLike, rural: bool = False, *, _field: str = "residence") -> None:
        self._set(region=RegionCode(region, _field=f"{_field}.region"), rural=_check.boolean(rural, f"{_field}.rural"))


class Health(_Frozen):
    """Health facts some rules use as exclusions (无精神病, 无法定传染病): the person's ``health``.

    In JSON and in tables the fact is a set of the words of :data:`HEALTH_CONDITIONS`
    (``["mental_illness"]``; a column of comma-separated words, or of bits); each word is an
    attribute here.
    """

    _fields = PERSON.field("health").words
    __slots__ = _fields
    mental_illness: bool
    infectious_disease: bool

    def __init__(
        self, mental_illness: bool = False, infectious_disease: bool = False, *, _field: str = "health"
    ) -> None:
        self._set(
            mental_illness=_check.boolean(mental_illness, f"{_field}.mental_illness"),
            infectious_disease=_check.boolean(infectious_disease, f"{_field}.infectious_disease"),
        )

    @property
    def words(self) -> Tuple[str, ...]:
        """The conditions the person has, as words, in declaration order."""
        return tuple(w for w in self._fields if getattr(self, w))

    @classmethod
    def of(cls, value: Any, field: str = "health") -> Health:
        """A Health from a Health, an iterable of words (``["mental_illness"]``), or a mapping of
        word to True/False (``{"mental_illness": True}``, the form of the JSON key ``conditions``);
        None means none. Anything else raises naming `field`."""
        if value is None:
            return cls(_field=field)
        if isinstance(value, Health):
            return value
        if isinstance(value, Mapping):
            flags: Dict[str, Any] = {}
            for word, flag in value.items():
                if not isinstance(word, str):
                    invalid_type(field, word, "field names must be text")
                if word.startswith("_"):
                    continue
                if word not in cls._fields:
                    invalid(
                        ErrorId.INVALID_PERSON,
                        f"{field}.{word}",
                        str(flag),
                        "unknown field; known: " + ", ".join(cls._fields),
                    )
                if flag is not None:
                    flags[word] = flag
            return cls(**flags, _field=field)
        words = _check.texts(value, field, error_id=ErrorId.INVALID_PERSON)
        for i, word in enumerate(words):
            if word not in cls._fields:
                invalid(ErrorId.INVALID_PERSON, f"{field}[{i}]", word, "expected one of " + ", ".join(cls._fields))
        return cls(**{w: True for w in words}, _field=field)


class Person(_Frozen):
    """A person: the facts eldercare's rules read.

    Parameters
    ----------
    id : str
        Not empty; quoted in errors and decisions.
    birth_date : datetime.date or str
    hukou : Hukou or RegionLike
        户籍; a bare region means "registered there, since unknown".
    residence : Residence or RegionLike
        居住地; a bare region means "lives there, not rural".
    ability : Assessment, optional
        The latest ability assessment.
    disability : DisabilityCertificate, optional
    categories : iterable of str
        Words of :data:`CATEGORIES` (``"dibao"``, ``"tekun"``, ...); kept in declaration order.
    health : Health or iterable of str, optional
        The health conditions some rules exclude: a :class:`Health`, or words of
        :data:`HEALTH_CONDITIONS` (``["mental_illness"]``). Default: none.
    stays : iterable of Stay
        In any order; they must not overlap (a same-day transfer is fine) nor begin before birth.
    household_id : str
        For benefits paid per household; may be empty.
    programmes : iterable of str
        Programmes the person is enrolled in (e.g. ``"weihai.virtual_platform"``).
    id_number : IdNumber or str, optional
        The resident ID number; it gives `birth_date` when that is not given (both given must agree).
    weight : float, int, str or Decimal, optional
        Survey microdata: the persons this record represents (kept to 6 decimals, rounded half to
        even); population totals are weighted by it. Default: none (weighs 1).
    died_on : datetime.date or str, optional
        The date of death (死亡日期), when the records hold one; not before the birth date. The
        ``alive()`` condition reads it.

    Raises
    ------
    InvalidValue
        Naming the field under ``persons[<id>]``, e.g. ``persons[p1].stays[1].admitted``.
    """

    _fields = PERSON.attributes
    __slots__ = (*_fields, "_impl")
    _impl: _core.person
    id: str
    birth_date: datetime.date
    hukou: Hukou
    residence: Residence
    ability: Optional[Assessment]
    disability: Optional[DisabilityCertificate]
    categories: Tuple[str, ...]
    health: Health
    stays: Tuple[Stay, ...]
    household_id: str
    programmes: Tuple[str, ...]
    id_number: Optional[IdNumber]
    weight: Optional[float]
    died_on: Optional[datetime.date]

    def __init__(
        self,
        id: str,
        birth_date: Optional[DateLike] = None,
        *,
        hukou: Union[Hukou, RegionLike],
        residence: Union[Residence, RegionLike],
        ability: Optional[Assessment] = None,
        disability: Optional[DisabilityCertificate] = None,
        categories: Iterable[str] = (),
        health: Union[Health, Iterable[str], None] = None,
        stays: Iterable[Stay] = (),
        household_id: str = "",
        programmes: Iterable[str] = (),
        id_number: Union[IdNumber, str, None] = None,
        weight: Any = None,
        died_on: Optional[DateLike] = None,
    ) -> None:
        _check.text(id, "persons[].id", allow_empty=False, error_id=ErrorId.INVALID_PERSON)
        at = f"persons[{id}]"
        hk = hukou if isinstance(hukou, Hukou) else Hukou(hukou, _field=f"{at}.hukou")
        res = residence if isinstance(residence, Residence) else Residence(residence, _field=f"{at}.residence")
        hl = Health.of(health, f"{at}.health")
        if ability is not None and not isinstance(ability, Assessment):
            invalid_type(f"{at}.ability", ability, "expected an Assessment or None")
        if disability is not None and not isinstance(disability, DisabilityCertificate):
            invalid_type(f"{at}.disability", disability, "expected a DisabilityCertificate or None")
        stay_list = _check.sequence(stays, f"{at}.stays", error_id=ErrorId.INVALID_STAY)
        for i, s in enumerate(stay_list):
            if not isinstance(s, Stay):
                invalid_type(f"{at}.stays[{i}]", s, "expected a Stay")
        cats = _check.texts(categories, f"{at}.categories", error_id=ErrorId.INVALID_CATEGORY)
        progs = _check.texts(programmes, f"{at}.programmes")
        household = _check.text(household_id, f"{at}.household_id", error_id=ErrorId.INVALID_PERSON)
        died = _core.to_optional_date(died_on, f"{at}.died_on")
        number = None if id_number is None or id_number == "" else IdNumber(id_number, _field=f"{at}.id_number")
        # The facts that are one value each cross to C++ by column, read off the values above by
        # their schema paths (a new such fact: its keyword above, and its value here).
        parts = {
            "hukou": hk,
            "residence": res,
            "categories": cats,
            "health": hl,
            "household_id": household,
            "id_number": number,
            "weight": weight,
            "died_on": died,
        }
        facts = {column: _core_cell(_walk(parts[head], tail)) for column, head, tail in _CORE_PATHS}
        impl = _core.person(
            id,
            birth_date,
            ability=None if ability is None else ability._impl,
            disability=None if disability is None else disability._impl,
            stays=[s._impl for s in stay_list],
            programmes=list(progs),
            **facts,
        )
        self._set(
            id=id,
            birth_date=impl.birth_date,
            hukou=hk,
            residence=res,
            ability=ability,
            disability=disability,
            categories=_in_declaration_order(PERSON.field("categories"), cats),
            health=hl,
            stays=tuple(stay_list),
            household_id=household_id,
            programmes=progs,
            id_number=number,
            weight=impl.record()["weight"],
            died_on=died,
            _impl=impl,
        )

    def age_on(self, on: DateLike) -> int:
        """Age in completed years (周岁) on `on`."""
        return _core.age_on(self.birth_date, on, "on_birthday", "february_28")

    def validate(self, facilities: Union[FacilityRegistry, Iterable[Facility]]) -> None:
        """Check that every stay names a facility in `facilities` (raises InvalidValue)."""
        _core.validate_person(self._impl, _facilities_arg(facilities))


class Household(_Frozen):
    """A household (户), for benefits paid once per household.

    Parameters
    ----------
    id : str
    members : iterable of Person
    """

    _fields = HOUSEHOLD.attributes
    __slots__ = (*_fields, "_impl")
    _impl: _core.household
    id: str
    members: Tuple[Person, ...]

    def __init__(self, id: str, members: Iterable[Person]) -> None:
        _check.text(id, "household.id", allow_empty=False, error_id=ErrorId.INVALID_PERSON)
        people = _check.sequence(members, f"households[{id}].members", error_id=ErrorId.INVALID_PERSON)
        for i, p in enumerate(people):
            if not isinstance(p, Person):
                invalid_type(f"households[{id}].members[{i}]", p, "expected a Person")
        self._set(id=id, members=tuple(people), _impl=_core.household(id, [p._impl for p in people]))


# --- values and their facts by column (the schema) -----------------------------------------------

#: The kinds of facts that are one value each.
_CELL_KINDS = frozenset({"text", "date", "region", "flag", "integer", "word", "word_set", "fixed_point"})
#: The person's facts that cross to C++ by column (_core.person's keywords): one value each, not a
#: part of an assessment or a certificate, and not the id and birth date (its arguments).
_CORE_FACTS: Tuple[Field, ...] = tuple(
    f for f in PERSON if f.part_of is None and f.kind in _CELL_KINDS and f.name not in ("id", "birth_date")
)
# Their columns and where each is among a Person's values: (column, attribute, path in it).
_CORE_PATHS = tuple((f.column, f.path[0], f.path[1:]) for f in _CORE_FACTS)


def _walk(value: Any, path: Sequence[str]) -> Any:
    """`value`'s attribute at `path` (``("hukou", "since")``); None past a missing part."""
    for part in path:
        if value is None:
            return None
        value = getattr(value, part)
    return value


_WORD_OF: Dict[str, Mapping[str, str]] = {}


def _in_declaration_order(f: Field, words: Iterable[str]) -> Tuple[str, ...]:
    """Words (or Chinese labels) of a set, already checked, as its words in declaration order."""
    word_of = _WORD_OF.get(f.name)
    if word_of is None:
        word_of = _WORD_OF[f.name] = {
            **{label: w for w, label in zip(f.words, f.labels) if label},
            **{w: w for w in f.words},
        }
    given = {word_of[w] for w in words}
    return tuple(w for w in f.words if w in given)


def _core_cell(value: Any) -> Any:
    """A fact's value as _core.person takes it (regions as their core value, sets as lists)."""
    if isinstance(value, RegionCode):
        return value._impl
    if isinstance(value, IdNumber):
        return value.as_issued
    if isinstance(value, Health):
        return list(value.words)
    if isinstance(value, tuple):
        return list(value)
    return value


def _record_of(value: Any, subject: Subject) -> Dict[str, Any]:
    """The facts of a value (a Person, Facility, Stay, or a C++ value with the same attributes) by
    column, read off its attributes by the schema's paths: an ability level as its number, health as
    its words, a part of a missing value (no assessment) as None."""
    out: Dict[str, Any] = {}
    for f in subject:
        v = _walk(value, f.path)
        if isinstance(v, enum.Enum):
            v = v.value
        elif isinstance(v, IdNumber):
            v = v.as_issued
        elif isinstance(v, Health):
            v = v.words
        out[f.column] = v
    return out


@functools.cache
def _required_keys(cls: type) -> Tuple[str, ...]:
    """The arguments a value class cannot do without (those without a default)."""
    return tuple(
        name
        for name, p in inspect.signature(cls).parameters.items()
        if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    )


def _object_of(
    cls: type, subject: Subject, group: str, rec: Mapping[str, Any], at: str, error_id: ErrorId, **defaults: Any
) -> Any:
    """The value of the object `group` (``"hukou"``: a Hukou) from its facts in `rec`: None when it
    has none (or an error, if the object is required); a missing required fact is an error naming
    its path."""
    fields = subject.group_fields(group)
    values = {f.key: rec[f.column] for f in fields if rec.get(f.column) is not None}
    if not values:
        if any(f.required for f in fields):
            invalid(error_id, f"{at}.{group}", "", "is required")
        return None
    for key, value in defaults.items():
        values.setdefault(key, value)
    for key in _required_keys(cls):
        if key not in values:
            f = subject.field(f"{group}.{key}")
            invalid(f.error_id, f"{at}.{group}.{key}", "null" if f.column in rec else "", "is required")
    return cls(**values, _field=f"{at}.{group}")


def _required_fact(f: Field, rec: Mapping[str, Any], at: str) -> Any:
    if rec.get(f.column) is None:
        invalid(f.error_id, f"{at}.{f.name}", "null" if f.column in rec else "", "is required")
    return rec[f.column]


def _stay_of(value: Any, at: str) -> Stay:
    """A Stay from a Stay, a stay's facts by column, or a C++ stay."""
    if isinstance(value, Stay):
        return value
    if isinstance(value, Mapping):
        for f in STAY:
            if f.required:
                _required_fact(f, value, at)
        return Stay(**{f.key: value[f.column] for f in STAY if value.get(f.column) is not None}, _field=at)
    return Stay(value.facility_id, value.admitted, value.discharged, _field=at)


def _person_from_record(
    rec: Mapping[str, Any], at: str, spelled: Optional[Mapping[str, str]] = None, *, hukou_from_id: bool = False
) -> Person:
    """A Person from its facts by column (read from JSON, from a C++ person, from a row ...).

    Each object (hukou, ability ...) is built from the facts nested in it; stays are Stays or their
    facts by column. `spelled` gives, for errors, the name a fact was given under when it is not its
    own (an alias: ``conditions``, ``ability_level``). An ID number gives the date of birth when the
    record has none (the C++ person decides, and checks that both agree when both are given); with
    `hukou_from_id`, the region that issued it stands in for a missing hukou region (schema:
    ``given_by``).
    """
    spelled = spelled or {}
    number_column = PERSON.field("id_number").column
    if rec.get(number_column) not in (None, ""):  # an empty text cell is none
        number = IdNumber(rec[number_column], _field=f"{at}.{spelled.get(number_column, 'id_number')}")
        hukou = PERSON.field("hukou.region")
        if hukou.given_by_option(hukou_from_id=hukou_from_id) and rec.get(hukou.column) is None:
            rec = {**rec, hukou.column: number.region}
        if rec.get(PERSON.field("birth_date").column) is None:
            rec = {**rec, PERSON.field("birth_date").column: number.birth_date}
    values: Dict[str, Any] = {}
    for attr in PERSON.attributes:
        if attr == "ability":
            ability = _ability_of(rec, at, spelled)
            if ability is not None:
                values[attr] = ability
            continue
        group = PERSON.group_fields(attr)
        if group:
            cls = _PERSON_OBJECTS[attr]
            value = _object_of(cls, PERSON, attr, rec, at, ErrorId.INVALID_PERSON)
            if value is not None:
                values[attr] = value
            continue
        f = PERSON.field(attr)
        v = _required_fact(f, rec, at) if f.required else rec.get(f.column)
        if v is None:
            continue
        if attr == "health":
            v = Health.of(v, f"{at}.{spelled.get(f.column, f.name)}")
        elif attr == "stays":
            v = [_stay_of(s, f"{at}.{spelled.get(f.column, f.name)}[{i}]") for i, s in enumerate(v)]
        values[attr] = v
    return Person(values.pop("id"), values.pop("birth_date", None), **values)


def _ability_of(rec: Mapping[str, Any], at: str, spelled: Mapping[str, str]) -> Optional[Assessment]:
    """The assessment of a person's facts. Given flat (a table's columns, JSON's short form
    ``ability_level``), a level without a date holds from the birth date; the JSON object needs
    ``level`` and ``assessed_on``."""
    level, on = PERSON.field("ability.level"), PERSON.field("ability.assessed_on")
    flat = spelled.get(level.column) == level.column or spelled.get(on.column) == on.column
    if not flat:
        return _object_of(Assessment, PERSON, "ability", rec, at, ErrorId.INVALID_ABILITY)
    if rec.get(level.column) is None:
        if rec.get(on.column) is not None:
            invalid(ErrorId.INVALID_ABILITY, f"{at}.{on.column}", str(rec[on.column]), f"needs {level.column}")
        return None
    value = AbilityLevel.of(rec[level.column], f"{at}.{spelled.get(level.column, level.column)}")
    if rec.get(on.column) is not None:
        day = _core.to_date(rec[on.column], f"{at}.{spelled.get(on.column, on.column)}")
    else:
        # A level without a date holds on every date of the person's life (see eldercare.io).
        day = _core.to_date(rec[PERSON.field("birth_date").column], f"{at}.birth_date")
    return Assessment(value, day, _field=f"{at}.ability")


def _facility_from_record(rec: Mapping[str, Any], at: str) -> Facility:
    """A Facility from its facts by column; a filing's authority defaults to the facility's region."""
    values: Dict[str, Any] = {}
    for attr in FACILITY.attributes:
        group = FACILITY.group_fields(attr)
        if group:
            region = rec.get(FACILITY.field("region").column)
            value = _object_of(
                _FACILITY_OBJECTS[attr], FACILITY, attr, rec, at, ErrorId.INVALID_FACILITY, authority_region=region
            )
            if value is not None:
                values[attr] = value
            continue
        f = FACILITY.field(attr)
        v = _required_fact(f, rec, at) if f.required else rec.get(f.column)
        if v is not None:
            values[attr] = v
    return Facility(values.pop("id"), values.pop("region"), **values, _field=at)


#: The value class of each object nested in a person or a facility.
_PERSON_OBJECTS: Mapping[str, type] = {
    "hukou": Hukou,
    "residence": Residence,
    "ability": Assessment,
    "disability": DisabilityCertificate,
}
_FACILITY_OBJECTS: Mapping[str, type] = {"filing": Filing}
