"""The catalog's other subjects: workers (workforce subsidies), events (competition subsidies) and
service areas (planning norms).

Persons and households are in :mod:`eldercare._values`; a policy over workers is a
:class:`WorkerPolicy`, one over events an :class:`EventPolicy`, and planning norms assess a
:class:`ServiceArea`'s aggregates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Tuple

from . import _check, _core
from ._benefits import Benefit, Citation, Parameter
from ._calendar import DateLike
from ._errors import ErrorId, invalid_type
from ._outcomes import Decision, Schedule
from ._schema import WORKER
from ._values import _Frozen
from .regions import RegionCode, RegionLike

__all__ = [
    "CompetitionEvent",
    "EventPolicy",
    "NormResult",
    "PlanningNorm",
    "ServiceArea",
    "Worker",
    "WorkerPolicy",
    "WorkerPolicyVersion",
    "WorkerRule",
]


class Worker(_Frozen):
    """A worker, the subject of workforce subsidies (Xicheng's high-skill talent, Weihai's care workers).

    Parameters
    ----------
    id : str
    employer_id : str
    workplace : RegionLike
        Where the job is.
    hired_on : datetime.date or str
        Start of the current employment.
    left_on : datetime.date or str, optional
        Last day employed; None while employed.
    skill_level : int, optional
        National vocational skill level: 1 高级技师, 2 技师, 3 高级工, 4 中级工, 5 初级工; None without a
        certificate.
    care_worker : bool
        Works as a 养老护理员.
    annual_wage_growth_permille : iterable of int
        Year-on-year wage growth for each completed employment year, in per mille (50 = 5.0%).
    programmes : iterable of str
        Statuses an authority recorded for the worker, as ids: ``"weihai.caregiver.qualified"``
        (meets the conditions of Weihai's care-worker post subsidy), ``"xicheng.talent.award_graduate"``
        (a vocational-college graduate with a Beijing or national skill-competition prize).
    """

    _fields = WORKER.attributes
    __slots__ = (*_fields, "_impl")
    _impl: _core.worker
    id: str
    employer_id: str
    workplace: RegionCode
    hired_on: datetime.date
    left_on: Optional[datetime.date]
    skill_level: Optional[int]
    care_worker: bool
    annual_wage_growth_permille: Tuple[int, ...]
    programmes: Tuple[str, ...]

    def __init__(
        self,
        id: str,
        employer_id: str,
        workplace: RegionLike,
        hired_on: DateLike,
        *,
        left_on: Optional[DateLike] = None,
        skill_level: Optional[int] = None,
        care_worker: bool = False,
        annual_wage_growth_permille: Iterable[int] = (),
        programmes: Iterable[str] = (),
    ) -> None:
        _check.text(id, "workers[].id", allow_empty=False, error_id=ErrorId.INVALID_PERSON)
        at = f"workers[{id}]"
        place = RegionCode(workplace, _field=f"{at}.workplace")
        growth = tuple(
            _check.integer(g, f"{at}.annual_wage_growth_permille[{i}]")
            for i, g in enumerate(_check.sequence(annual_wage_growth_permille, f"{at}.annual_wage_growth_permille"))
        )
        enrolled = tuple(
            _check.text(x, f"{at}.programmes[{i}]", allow_empty=False)
            for i, x in enumerate(_check.sequence(programmes, f"{at}.programmes"))
        )
        impl = _core.worker(
            id,
            _check.text(employer_id, f"{at}.employer_id"),
            place._impl,
            hired_on,
            left_on,
            _check.optional_integer(skill_level, f"{at}.skill_level", error_id=ErrorId.INVALID_PERSON),
            _check.boolean(care_worker, f"{at}.care_worker"),
            list(growth),
            list(enrolled),
        )
        self._set(
            id=id,
            employer_id=employer_id,
            workplace=place,
            hired_on=impl.hired_on,
            left_on=impl.left_on,
            skill_level=impl.skill_level,
            care_worker=impl.care_worker,
            annual_wage_growth_permille=growth,
            programmes=enrolled,
            _impl=impl,
        )


@dataclass(frozen=True)
class WorkerRule:
    """A rule over workers (or events): its condition in words (these conditions are built in C++)."""

    id: str
    title: str
    condition: str
    grant: Benefit
    citation: Citation
    parameters: Tuple[Parameter, ...]


@dataclass(frozen=True)
class WorkerPolicyVersion:
    """A version of a worker (or event) policy."""

    label: str
    effective_from: datetime.date
    effective_to: Optional[datetime.date]
    citation: Citation
    combine: str
    paid_to: str
    rules: Tuple[WorkerRule, ...]
    parameters: Tuple[Parameter, ...]


class _CatalogSubjectPolicy:
    """A catalog policy over a subject built in C++ (workers, events): its versions as read-only data.

    Attributes
    ----------
    id, title, status, missing : str
    versions : tuple of ``WorkerPolicyVersion``
    known_from : datetime.date or None
        Set when a source shows the scheme existed before its first version: earlier dates are
        undetermined (``known_from_reason`` says why).
    known_from_reason : str
    """

    __slots__ = ("_impl", "id", "known_from", "known_from_reason", "missing", "status", "title", "versions")

    def __init__(self, impl: Any) -> None:
        self._impl = impl
        self.id: str = impl.id
        self.title: str = impl.title
        self.status: str = impl.status
        self.missing: str = impl.missing
        self.known_from: Optional[datetime.date] = impl.known_from
        self.known_from_reason: str = impl.known_from_reason
        self.versions: Tuple[WorkerPolicyVersion, ...] = tuple(
            WorkerPolicyVersion(
                v.label,
                v.effective_from,
                v.effective_to,
                Citation._wrap(v.citation),
                v.combine,
                v.paid_to,
                tuple(
                    WorkerRule(
                        r.id,
                        r.title,
                        r.condition,
                        Benefit._wrap(r.grant),
                        Citation._wrap(r.citation),
                        tuple(Parameter._wrap(p) for p in r.parameters),
                    )
                    for r in v.rules
                ),
                tuple(Parameter._wrap(p) for p in v.parameters),
            )
            for v in impl.versions
        )

    @property
    def rules(self) -> Tuple[WorkerRule, ...]:
        return tuple(r for v in self.versions for r in v.rules)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}: {len(self.versions)} version(s)>"


class WorkerPolicy(_CatalogSubjectPolicy):
    """A catalog policy over workers (see :func:`eldercare.catalog.worker_policy`).

    Attributes
    ----------
    id, title, status, missing : str
    versions : tuple of ``WorkerPolicyVersion``
    known_from : datetime.date or None
    known_from_reason : str
    """

    __slots__ = ()

    def evaluate(self, worker: Worker, on: DateLike) -> Decision:
        """The :class:`~eldercare.Decision` for `worker` on `on`."""
        if not isinstance(worker, Worker):
            invalid_type("worker", worker, "expected a Worker")
        return Decision._from_core(_core.evaluate_worker(self._impl, worker._impl, on))

    def schedule(self, worker: Worker, first: DateLike, last: DateLike) -> Schedule:
        """Month-by-month payments (a :class:`~eldercare.Schedule`)."""
        if not isinstance(worker, Worker):
            invalid_type("worker", worker, "expected a Worker")
        return Schedule._from_core(self.id, worker.id, _core.schedule_worker(self._impl, worker._impl, first, last))


#: Who may organise an event (企业, 行业协会, 商会组织, or other): the C++ enum's words.
EVENT_ORGANISERS: Tuple[str, ...] = _core.words["event_organiser"]
#: What an event is (技能竞赛, 高技能人才成果展示活动, or other): the C++ enum's words.
EVENT_KINDS: Tuple[str, ...] = _core.words["event_kind"]


class CompetitionEvent(_Frozen):
    """A skill competition or achievement exhibition, the subject of Xicheng's event subsidy.

    Parameters
    ----------
    id, organiser_id : str
    organiser : {"enterprise", "industry_association", "chamber_of_commerce", "other"}
    organiser_region : RegionLike
        Where the organiser is registered.
    kind : {"skill_competition", "achievement_show", "other"}
    held_on : datetime.date or str
        The (first) day of the event.
    participants : int
        Competitors or exhibitors: the measure of its scale (活动规模).
    """

    _fields = ("id", "organiser_id", "organiser", "organiser_region", "kind", "held_on", "participants")
    __slots__ = (*_fields, "_impl")
    _impl: _core.competition_event
    id: str
    organiser_id: str
    organiser: str
    organiser_region: RegionCode
    kind: str
    held_on: datetime.date
    participants: int

    def __init__(
        self,
        id: str,
        organiser_id: str,
        organiser: str,
        organiser_region: RegionLike,
        kind: str,
        held_on: DateLike,
        participants: int,
    ) -> None:
        _check.text(id, "events[].id", allow_empty=False)
        at = f"events[{id}]"
        place = RegionCode(organiser_region, _field=f"{at}.organiser_region")
        impl = _core.competition_event(
            id,
            _check.text(organiser_id, f"{at}.organiser_id"),
            _check.word(organiser, f"{at}.organiser", EVENT_ORGANISERS),
            place._impl,
            _check.word(kind, f"{at}.kind", EVENT_KINDS),
            held_on,
            _check.integer(participants, f"{at}.participants", minimum=0, maximum=_check.INT64_MAX),
        )
        self._set(
            id=id,
            organiser_id=organiser_id,
            organiser=organiser,
            organiser_region=place,
            kind=kind,
            held_on=impl.held_on,
            participants=impl.participants,
            _impl=impl,
        )


class EventPolicy(_CatalogSubjectPolicy):
    """A catalog policy over events (see :func:`eldercare.catalog.event_policy`).

    Attributes
    ----------
    id, title, status, missing : str
    versions : tuple of ``WorkerPolicyVersion``
    known_from : datetime.date or None
    known_from_reason : str
    """

    __slots__ = ()

    def evaluate(self, event: CompetitionEvent, on: DateLike) -> Decision:
        """The :class:`~eldercare.Decision` for `event` on `on`."""
        if not isinstance(event, CompetitionEvent):
            invalid_type("event", event, "expected a CompetitionEvent")
        return Decision._from_core(_core.evaluate_event(self._impl, event._impl, on))


class ServiceArea(_Frozen):
    """A service area (a district, a new area) described by aggregates, for planning norms.

    Parameters
    ----------
    id : str
    region : RegionLike
    resident_elders : int
        常住老年人 (60+).
    meal_points, care_workers, institution_beds, nursing_beds : int
        Current supply: 助餐点, 养老护理员, institution beds and of them 护理型 beds.
    welfare_lottery_funds_fen, welfare_lottery_eldercare_fen : int
        福彩公益金 available, and of it spent on eldercare, in fen.
    towns, towns_with_centre : int
        Township-level units (镇街), and of them those with a comprehensive eldercare centre.
    counties, counties_with_home : int
        County-level units (区县), and of them those with an eldercare home.
    urban_communities, urban_communities_covered : int
        Urban communities (城市社区), and of them those with an eldercare facility (站点).
    rural_communities, rural_communities_covered : int
        Rural communities (农村社区, villages), and of them those with an eldercare facility.
    community_facilities : int
        Village and community eldercare facilities (村(社区)居家养老设施).
    """

    _counts = (
        "resident_elders",
        "meal_points",
        "care_workers",
        "institution_beds",
        "nursing_beds",
        "welfare_lottery_funds_fen",
        "welfare_lottery_eldercare_fen",
        "towns",
        "towns_with_centre",
        "counties",
        "counties_with_home",
        "urban_communities",
        "urban_communities_covered",
        "rural_communities",
        "rural_communities_covered",
        "community_facilities",
    )
    _fields = ("id", "region", *_counts)
    __slots__ = (*_fields, "_impl")
    _impl: _core.service_area
    id: str
    region: RegionCode
    resident_elders: int
    meal_points: int
    care_workers: int
    institution_beds: int
    nursing_beds: int
    welfare_lottery_funds_fen: int
    welfare_lottery_eldercare_fen: int
    towns: int
    towns_with_centre: int
    counties: int
    counties_with_home: int
    urban_communities: int
    urban_communities_covered: int
    rural_communities: int
    rural_communities_covered: int
    community_facilities: int

    def __init__(
        self,
        id: str,
        region: RegionLike,
        *,
        resident_elders: int = 0,
        meal_points: int = 0,
        care_workers: int = 0,
        institution_beds: int = 0,
        nursing_beds: int = 0,
        welfare_lottery_funds_fen: int = 0,
        welfare_lottery_eldercare_fen: int = 0,
        towns: int = 0,
        towns_with_centre: int = 0,
        counties: int = 0,
        counties_with_home: int = 0,
        urban_communities: int = 0,
        urban_communities_covered: int = 0,
        rural_communities: int = 0,
        rural_communities_covered: int = 0,
        community_facilities: int = 0,
    ) -> None:
        _check.text(id, "areas[].id", allow_empty=False)
        at = f"areas[{id}]"
        code = RegionCode(region, _field=f"{at}.region")
        values = (
            resident_elders,
            meal_points,
            care_workers,
            institution_beds,
            nursing_beds,
            welfare_lottery_funds_fen,
            welfare_lottery_eldercare_fen,
            towns,
            towns_with_centre,
            counties,
            counties_with_home,
            urban_communities,
            urban_communities_covered,
            rural_communities,
            rural_communities_covered,
            community_facilities,
        )
        counts = {
            name: _check.integer(value, f"{at}.{name}", minimum=0, maximum=_check.INT64_MAX)
            for name, value in zip(self._counts, values)
        }
        impl = _core.service_area(id, code._impl, *counts.values())
        self._set(id=id, region=code, _impl=impl, **counts)


@dataclass(frozen=True)
class NormResult:
    """A planning norm assessed for an area: what is required, what there is, and the gap."""

    norm_id: str
    required: int
    actual: int
    gap: int
    met: bool
    explanation: str

    def __str__(self) -> str:
        return self.explanation


class PlanningNorm:
    """A capacity or budget norm: ``actual ≥ ceil(numerator / denominator × base)``.

    Attributes
    ----------
    id, title, provenance, actual_name, base_name : str
    numerator, denominator : int
    citation : Citation
    """

    __slots__ = (
        "_impl",
        "actual_name",
        "base_name",
        "citation",
        "denominator",
        "id",
        "numerator",
        "provenance",
        "title",
    )

    def __init__(self, impl: _core.planning_norm) -> None:
        self._impl = impl
        self.id: str = impl.id
        self.title: str = impl.title
        self.citation = Citation._wrap(impl.citation)
        self.provenance: str = impl.provenance
        self.actual_name: str = impl.actual_name
        self.base_name: str = impl.base_name
        self.numerator: int = impl.numerator
        self.denominator: int = impl.denominator

    def assess(self, area: ServiceArea) -> NormResult:
        """The requirement for `area`, its current supply and the gap."""
        if not isinstance(area, ServiceArea):
            invalid_type("area", area, "expected a ServiceArea")
        r = self._impl.assess(area._impl)
        return NormResult(r.norm_id, r.required, r.actual, r.gap, r.met, r.explanation)

    def __repr__(self) -> str:
        return f"<PlanningNorm {self.id}: {self.actual_name} ≥ {self.numerator}/{self.denominator} × {self.base_name}>"
