"""eldercare: Chinese eldercare subsidy and eligibility rules (养老服务补贴与资格规则), explainable.

The rules engine is C++ (header-only, in ``include/eldercare``); this package is its Python API.
Build rules from conditions with ``&``, ``|`` and ``~``, group them into policies, and evaluate a
person on a date: the :class:`Decision` says whether they are eligible, for what, and why.

>>> import datetime
>>> import eldercare as ec
>>> from eldercare.conditions import age_at_least, continuous_stay_at_least, hukou_in
>>> rule = ec.Rule(
...     "jin_ji_meng", "filed institution in 津冀蒙 for 3 months",
...     hukou_in(ec.regions.XICHENG) & age_at_least(60)
...     & continuous_stay_at_least(months=3, regions=ec.regions.jin_ji_meng()),
...     ec.money_per_month(yuan=600))
>>> policy = ec.Policy("example.xicheng", "赴津冀蒙异地康养", [ec.PolicyVersion("2020", "2020-06-01", [rule])])
>>> facilities = ec.FacilityRegistry([ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01"))])
>>> elder = ec.Person("p1", "1941-05-01", hukou="110102", residence="131082",
...                   stays=[ec.Stay("F1", "2023-02-28")])
>>> d = ec.evaluate(policy, elder, datetime.date(2023, 5, 28), facilities)
>>> d.eligible, d.amount_fen
(True, 60000)

The policy catalog (:mod:`eldercare.catalog`) builds every policy of the source documents by id;
:func:`evaluate_population` evaluates one over a DataFrame of persons; :func:`reform` derives a
policy with amounts, durations, conditions or dates changed, and :func:`compare` costs it.

Dates are :class:`datetime.date` or ISO text; money is a whole number of fen; every invalid input
raises :class:`InvalidValue` (a :class:`ValueError`) naming the field and the value.

The modules form layers, each importing only from those below it, at the top of the module
(``docs/design.md`` says why; ``tests/lint`` checks it)::

    cli
    dask
    io | parquet
    validation                the model against the published figures
    _reform | simulate
    _reform_file | charts     reform files (TOML, JSON) | charts: matplotlib Figures, never a backend switch
    catalog
    _population
    _decision | _subjects     evaluate, schedule, stacking | workers, service areas
    _rules                    rules and policies
    conditions
    _outcomes                 Reason, RuleOutcome, Decision, Schedule: the results
    _benefits                 money, Benefit, Citation, Parameter
    _values                   persons, facilities, stays, households
    regions
    _calendar
    _check | _schema
    _errors
"""

from __future__ import annotations

from . import _core
from ._errors import ErrorId, InvalidType, InvalidValue, PolicyLookupError

_core._set_error_types(InvalidValue, InvalidType, PolicyLookupError)

from . import (  # noqa: E402
    catalog,
    charts,
    conditions,
    io,
    regions,
    simulate,
    validation,
)
from ._calendar import (  # noqa: E402
    DateLike,
    add_months,
    age_on,
    date_reaching_age,
    full_months_between,
    period_complete_on,
    period_last_day,
)
from ._decision import (  # noqa: E402
    Decision,
    Reason,
    RuleOutcome,
    Schedule,
    ScheduleLine,
    StackedGrant,
    StackingTable,
    evaluate,
    resolve_stacking,
    schedule,
)
from ._population import (  # noqa: E402
    FLAT_COLUMNS,
    SYNTHETIC_PROFILES,
    Population,
    SimulationResult,
    SyntheticPopulation,
    evaluate_population,
    schedule_population,
    simulate_population,
    synthetic_facilities,
    synthetic_population,
)
from ._reform import Comparison, compare, reform, reform_from_file  # noqa: E402
from ._rules import (  # noqa: E402
    BENEFIT_PERIODS,
    BENEFIT_UNITS,
    PROVENANCES,
    Benefit,
    Citation,
    Parameter,
    Policy,
    PolicyVersion,
    Rule,
    devices_once,
    format_fen,
    meals_per_day,
    money_once,
    money_per_day,
    money_per_month,
    money_per_year,
    priority_points,
    service_hours_per_month,
    service_places,
    to_fen,
    visits_per_month,
)
from ._subjects import (  # noqa: E402
    CompetitionEvent,
    EventPolicy,
    NormResult,
    PlanningNorm,
    ServiceArea,
    Worker,
    WorkerPolicy,
)
from ._values import (  # noqa: E402
    ABILITY_SCALES,
    CATEGORIES,
    DISABILITY_CATEGORIES,
    FACILITY_KINDS,
    HEALTH_CONDITIONS,
    AbilityLevel,
    Assessment,
    DisabilityCertificate,
    Facility,
    FacilityRegistry,
    Filing,
    Health,
    Household,
    Hukou,
    IdNumber,
    Person,
    Residence,
    Stay,
    id_check_character,
)
from .conditions import Condition  # noqa: E402
from .io import sample_population  # noqa: E402
from .regions import RegionCode, RegionLike, RegionSet  # noqa: E402

__version__: str = _core.__version__

__all__ = [
    "ABILITY_SCALES",
    "BENEFIT_PERIODS",
    "BENEFIT_UNITS",
    "CATEGORIES",
    "DISABILITY_CATEGORIES",
    "FACILITY_KINDS",
    "FLAT_COLUMNS",
    "HEALTH_CONDITIONS",
    "PROVENANCES",
    "SYNTHETIC_PROFILES",
    "AbilityLevel",
    "Assessment",
    "Benefit",
    "Citation",
    "Comparison",
    "CompetitionEvent",
    "Condition",
    "DateLike",
    "Decision",
    "DisabilityCertificate",
    "ErrorId",
    "EventPolicy",
    "Facility",
    "FacilityRegistry",
    "Filing",
    "Health",
    "Household",
    "Hukou",
    "IdNumber",
    "InvalidType",
    "InvalidValue",
    "NormResult",
    "Parameter",
    "Person",
    "PlanningNorm",
    "Policy",
    "PolicyLookupError",
    "PolicyVersion",
    "Population",
    "Reason",
    "RegionCode",
    "RegionLike",
    "RegionSet",
    "Residence",
    "Rule",
    "RuleOutcome",
    "Schedule",
    "ScheduleLine",
    "ServiceArea",
    "SimulationResult",
    "StackedGrant",
    "StackingTable",
    "Stay",
    "SyntheticPopulation",
    "Worker",
    "WorkerPolicy",
    "__version__",
    "add_months",
    "age_on",
    "catalog",
    "charts",
    "compare",
    "conditions",
    "date_reaching_age",
    "devices_once",
    "evaluate",
    "evaluate_population",
    "format_fen",
    "full_months_between",
    "id_check_character",
    "io",
    "meals_per_day",
    "money_once",
    "money_per_day",
    "money_per_month",
    "money_per_year",
    "period_complete_on",
    "period_last_day",
    "priority_points",
    "reform",
    "reform_from_file",
    "regions",
    "resolve_stacking",
    "sample_population",
    "schedule",
    "schedule_population",
    "service_hours_per_month",
    "service_places",
    "simulate",
    "simulate_population",
    "synthetic_facilities",
    "synthetic_population",
    "to_fen",
    "validation",
    "visits_per_month",
]
