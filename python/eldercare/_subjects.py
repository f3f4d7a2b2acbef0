"""The catalog's other subjects: workers (workforce subsidies) and service areas (planning norms).

Persons and households are in :mod:`eldercare._values`; a policy over workers is a
:class:`WorkerPolicy`, and planning norms assess a :class:`ServiceArea`'s aggregates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterable, Optional, Tuple

from . import _check, _core
from ._benefits import Benefit, Citation, Parameter
from ._calendar import DateLike
from ._errors import ErrorId, invalid_type
from ._outcomes import Decision, Schedule
from ._schema import WORKER
from ._values import _Frozen
from .regions import RegionCode, RegionLike

__all__ = [
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
    ) -> None:
        _check.text(id, "workers[].id", allow_empty=False, error_id=ErrorId.INVALID_PERSON)
        at = f"workers[{id}]"
        place = RegionCode(workplace, _field=f"{at}.workplace")
        growth = tuple(
            _check.integer(g, f"{at}.annual_wage_growth_permille[{i}]")
            for i, g in enumerate(_check.sequence(annual_wage_growth_permille, f"{at}.annual_wage_growth_permille"))
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
            _impl=impl,
        )


@dataclass(frozen=True)
class WorkerRule:
    """A rule over workers: its condition in words (worker conditions are built in C++)."""

    id: str
    title: str
    condition: str
    grant: Benefit
    citation: Citation
    parameters: Tuple[Parameter, ...]


@dataclass(frozen=True)
class WorkerPolicyVersion:
    """A version of a worker policy."""

    label: str
    effective_from: datetime.date
    effective_to: Optional[datetime.date]
    citation: Citation
    combine: str
    paid_to: str
    rules: Tuple[WorkerRule, ...]
    parameters: Tuple[Parameter, ...]


class WorkerPolicy:
    """A catalog policy over workers (see :func:`eldercare.catalog.worker_policy`).

    Attributes
    ----------
    id, title, status, missing : str
    versions : tuple of ``WorkerPolicyVersion``
    """

    __slots__ = ("_impl", "id", "missing", "status", "title", "versions")

    def __init__(self, impl: _core.worker_policy) -> None:
        self._impl = impl
        self.id: str = impl.id
        self.title: str = impl.title
        self.status: str = impl.status
        self.missing: str = impl.missing
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

    def evaluate(self, worker: Worker, on: DateLike) -> Decision:
        """The :class:`~eldercare.Decision` for `worker` on `on`."""
        if not isinstance(worker, Worker):
            invalid_type(ErrorId.INVALID_PERSON, "worker", worker, "expected a Worker")
        return Decision._from_core(_core.evaluate_worker(self._impl, worker._impl, on))

    def schedule(self, worker: Worker, first: DateLike, last: DateLike) -> Schedule:
        """Month-by-month payments (a :class:`~eldercare.Schedule`)."""
        if not isinstance(worker, Worker):
            invalid_type(ErrorId.INVALID_PERSON, "worker", worker, "expected a Worker")
        return Schedule._from_core(self.id, worker.id, _core.schedule_worker(self._impl, worker._impl, first, last))

    def __repr__(self) -> str:
        return f"<WorkerPolicy {self.id}: {len(self.versions)} version(s)>"


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
    """

    _fields = (
        "id",
        "region",
        "resident_elders",
        "meal_points",
        "care_workers",
        "institution_beds",
        "nursing_beds",
        "welfare_lottery_funds_fen",
        "welfare_lottery_eldercare_fen",
    )
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
    ) -> None:
        _check.text(id, "areas[].id", allow_empty=False)
        at = f"areas[{id}]"
        code = RegionCode(region, _field=f"{at}.region")
        counts = {
            name: _check.integer(value, f"{at}.{name}", minimum=0, maximum=_check.INT64_MAX)
            for name, value in (
                ("resident_elders", resident_elders),
                ("meal_points", meal_points),
                ("care_workers", care_workers),
                ("institution_beds", institution_beds),
                ("nursing_beds", nursing_beds),
                ("welfare_lottery_funds_fen", welfare_lottery_funds_fen),
                ("welfare_lottery_eldercare_fen", welfare_lottery_eldercare_fen),
            )
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
            invalid_type(ErrorId.INVALID_PARAMETER, "area", area, "expected a ServiceArea")
        r = self._impl.assess(area._impl)
        return NormResult(r.norm_id, r.required, r.actual, r.gap, r.met, r.explanation)

    def __repr__(self) -> str:
        return f"<PlanningNorm {self.id}: {self.actual_name} ≥ {self.numerator}/{self.denominator} × {self.base_name}>"
