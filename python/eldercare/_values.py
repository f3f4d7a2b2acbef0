"""Domain values: ability, disability certificates, facilities and filings, stays, persons, households.

Every class here is immutable and checks its input on construction, raising
:class:`~eldercare.InvalidValue` with the field and the value. Use ``replace(**changes)`` for a
modified copy.
"""

from __future__ import annotations

import datetime
import enum
import functools
from typing import Any, ClassVar, Dict, Iterable, Iterator, Mapping, Optional, Sequence, Tuple, Union

from . import _check, _core
from ._calendar import DateLike
from ._errors import ErrorId, invalid_type
from .regions import RegionCode, RegionLike

__all__ = [
    "ABILITY_SCALES",
    "CATEGORIES",
    "DISABILITY_CATEGORIES",
    "FACILITY_KINDS",
    "AbilityLevel",
    "Assessment",
    "DisabilityCertificate",
    "Facility",
    "FacilityRegistry",
    "Filing",
    "Health",
    "Household",
    "Hukou",
    "Person",
    "Residence",
    "Stay",
]

#: Category words of the interchange format, with their Chinese terms: ``{"dibao": "低保", ...}``.
CATEGORIES: Mapping[str, str] = dict(_core.category_words())
#: Facility kinds: ``("institution", "community", "regional_centre", "travel_stay_base")``.
FACILITY_KINDS: Tuple[str, ...] = tuple(_core.facility_kinds())
#: Ability assessment scales, with their titles: ``{"gbt_42195_2022": "GB/T 42195-2022《…》", ...}``.
ABILITY_SCALES: Mapping[str, str] = dict(_core.ability_scales())
#: Disability certificate categories, with their Chinese labels: ``{"visual": "视力残疾", ...}``.
DISABILITY_CATEGORIES: Mapping[str, str] = dict(_core.disability_categories())

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
        return self._key() == other._key()  # type: ignore[attr-defined]

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

    _fields = ("level", "assessed_on", "scale", "valid_until", "raw_score", "local_scale_id")
    __slots__ = (*_fields, "_impl")
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
        For a ``"multiple"`` certificate, the component disabilities when known.
    """

    _fields = ("category", "grade", "components")
    __slots__ = (*_fields, "_impl")
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
            if isinstance(c, (str, bytes)) or not isinstance(c, Sequence) or len(c) != 2:
                invalid_type(ErrorId.INVALID_CATEGORY, at, c, "expected a (category, grade) pair")
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

    _fields = ("authority_region", "filed_on", "revoked_on", "receipt_no")
    __slots__ = (*_fields, "_impl")
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

    _fields = ("id", "region", "kind", "beds", "filing")
    __slots__ = (*_fields, "_impl")
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
            invalid_type(ErrorId.INVALID_FACILITY, f"{_field}.filing", filing, "expected a Filing or None")
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
                invalid_type(ErrorId.INVALID_FACILITY, f"facilities[{i}]", f, "expected a Facility")
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

    _fields = ("facility", "admitted", "discharged")
    __slots__ = (*_fields, "_impl")
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

    _fields = ("region", "since")
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

    _fields = ("region", "rural")
    __slots__ = _fields
    region: RegionCode
    rural: bool

    def __init__(self, region: RegionLike, rural: bool = False, *, _field: str = "residence") -> None:
        self._set(region=RegionCode(region, _field=f"{_field}.region"), rural=_check.boolean(rural, f"{_field}.rural"))


class Health(_Frozen):
    """Health facts some rules use as exclusions (无精神病, 无法定传染病)."""

    _fields = ("mental_illness", "infectious_disease")
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
    health : Health, optional
        Default: no mental illness, no infectious disease.
    stays : iterable of Stay
        In any order; they must not overlap (a same-day transfer is fine) nor begin before birth.
    household_id : str
        For benefits paid per household; may be empty.
    programmes : iterable of str
        Programmes the person is enrolled in (e.g. ``"weihai.virtual_platform"``).

    Raises
    ------
    InvalidValue
        Naming the field under ``persons[<id>]``, e.g. ``persons[p1].stays[1].admitted``.
    """

    _fields = (
        "id",
        "birth_date",
        "hukou",
        "residence",
        "ability",
        "disability",
        "categories",
        "health",
        "stays",
        "household_id",
        "programmes",
    )
    __slots__ = (*_fields, "_impl")
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

    def __init__(
        self,
        id: str,
        birth_date: DateLike,
        *,
        hukou: Union[Hukou, RegionLike],
        residence: Union[Residence, RegionLike],
        ability: Optional[Assessment] = None,
        disability: Optional[DisabilityCertificate] = None,
        categories: Iterable[str] = (),
        health: Optional[Health] = None,
        stays: Iterable[Stay] = (),
        household_id: str = "",
        programmes: Iterable[str] = (),
    ) -> None:
        _check.text(id, "persons[].id", allow_empty=False, error_id=ErrorId.INVALID_PERSON)
        at = f"persons[{id}]"
        hk = hukou if isinstance(hukou, Hukou) else Hukou(hukou, _field=f"{at}.hukou")
        res = residence if isinstance(residence, Residence) else Residence(residence, _field=f"{at}.residence")
        hl = Health() if health is None else health
        if not isinstance(hl, Health):
            invalid_type(ErrorId.INVALID_PERSON, f"{at}.health", health, "expected a Health or None")
        if ability is not None and not isinstance(ability, Assessment):
            invalid_type(ErrorId.INVALID_ABILITY, f"{at}.ability", ability, "expected an Assessment or None")
        if disability is not None and not isinstance(disability, DisabilityCertificate):
            invalid_type(
                ErrorId.INVALID_ABILITY, f"{at}.disability", disability, "expected a DisabilityCertificate or None"
            )
        stay_list = _check.sequence(stays, f"{at}.stays", error_id=ErrorId.INVALID_STAY)
        for i, s in enumerate(stay_list):
            if not isinstance(s, Stay):
                invalid_type(ErrorId.INVALID_STAY, f"{at}.stays[{i}]", s, "expected a Stay")
        cats = _check.texts(categories, f"{at}.categories", error_id=ErrorId.INVALID_CATEGORY)
        progs = _check.texts(programmes, f"{at}.programmes")
        impl = _core.person(
            id,
            birth_date,
            hukou_region=hk.region._impl,
            residence_region=res.region._impl,
            hukou_since=hk.since,
            rural=res.rural,
            ability=None if ability is None else ability._impl,
            disability=None if disability is None else disability._impl,
            categories=list(cats),
            mental_illness=hl.mental_illness,
            infectious_disease=hl.infectious_disease,
            stays=[s._impl for s in stay_list],
            household_id=_check.text(household_id, f"{at}.household_id", error_id=ErrorId.INVALID_PERSON),
            programmes=list(progs),
        )
        self._set(
            id=id,
            birth_date=impl.birth_date,
            hukou=hk,
            residence=res,
            ability=ability,
            disability=disability,
            categories=tuple(impl.categories),
            health=hl,
            stays=tuple(stay_list),
            household_id=household_id,
            programmes=progs,
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

    _fields = ("id", "members")
    __slots__ = (*_fields, "_impl")
    id: str
    members: Tuple[Person, ...]

    def __init__(self, id: str, members: Iterable[Person]) -> None:
        _check.text(id, "household.id", allow_empty=False, error_id=ErrorId.INVALID_PERSON)
        people = _check.sequence(members, f"households[{id}].members", error_id=ErrorId.INVALID_PERSON)
        for i, p in enumerate(people):
            if not isinstance(p, Person):
                invalid_type(ErrorId.INVALID_PERSON, f"households[{id}].members[{i}]", p, "expected a Person")
        self._set(id=id, members=tuple(people), _impl=_core.household(id, [p._impl for p in people]))
