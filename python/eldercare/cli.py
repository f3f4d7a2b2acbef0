"""The ``eldercare`` command line (also ``python -m eldercare``).

Verbs::

    eldercare catalog [--json]                               the policies of the catalog
    eldercare evaluate --policy ID --on DATE FILE            decisions as JSON
    eldercare explain --policy ID --on DATE [FILE] --person ID [--reform FILE]
                                                             one decision in words
    eldercare simulate [--data FILE] [--from YYYY-MM] [--months N] [--out DIR]
                                                             the catalog over a population, month by month
    eldercare compare --policy ID --reform FILE [--from YYYY-MM] [--months N] [--out DIR] [FILE]
                                                             a reform file costed against its baseline
    eldercare validate [--figure ID] [--json] [--write PAGE | --check PAGE]
                                                             the model against the published figures

Without FILE, explain and compare use the bundled sample population, as simulate does.

FILE is the JSON interchange format (POLICIES.md), or CSV / Parquet in the flat schema of
:func:`eldercare.evaluate_population`, or an Excel workbook (``.xlsx``, ``--sheet`` to choose the
sheet) whose Chinese headers (身份证号, 户籍地, 入住日期 ...) the schema declares (with
``--facilities`` and ``--stays`` files where needed). A policy that reads what the input lacks (a
column, the facility registry, a stay's facility) is an error unless ``--missing absent``. Bad input
exits with status 2 and one line on stderr naming the field, the row or person (the sheet's cell for
a spreadsheet), and the value; an internal error (a bug in eldercare) exits with status 3 and one line
asking for a report. No traceback is ever printed, and library warnings never reach stderr. ``--help``
describes each verb.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import sys
import warnings
from typing import Any, Dict, List, NoReturn, Optional, Sequence, Tuple

from . import _core, catalog, charts, validation
from ._errors import ErrorId, InvalidValue, PolicyLookupError, invalid
from ._outcomes import Decision
from ._population import Population, _Target
from ._population import _check_inputs as _check_population_inputs
from ._reform import Comparison, compare, reform
from ._values import FacilityRegistry, Household, Person, _facilities_arg
from .io import load_cases, read_facilities, read_population, read_table
from .simulate import sample_population_path, simulate

__all__ = ["main"]

EXIT_BAD_INPUT = 2
#: A failure that is eldercare's own, not the input's: one line asking for a report.
EXIT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _BadInput(Exception):
    """A bad input found by the command line itself (an unreadable file, an unknown person)."""


# --- inputs ---------------------------------------------------------------------------------------


def _date(text: str, option: str) -> datetime.date:
    return _core.to_date(text, option)


def _month(text: str, option: str) -> datetime.date:
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        invalid(ErrorId.INVALID_DATE, option, text, "expected a month as YYYY-MM")
    return _core.make_date(int(parts[0]), int(parts[1]), 1, option)


def _readings(items: Optional[Sequence[str]]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name:
            invalid(ErrorId.INVALID_PARAMETER, "--reading", item, "expected NAME=VALUE")
        out[name.strip()] = value.strip()
    _core.check_readings(out)  # unknown names and values fail here, naming them
    return out


def _facilities(path: Optional[str]) -> Optional[FacilityRegistry]:
    """Facilities from a JSON interchange file, or a table (CSV, Parquet, .xlsx) with a column per fact
    of a facility (eldercare.io.read_facilities)."""
    if path is None:
        return None
    if not os.path.exists(path):
        raise _BadInput(f"cannot read {path}: no such file")
    return read_facilities(path)


def _load(args: argparse.Namespace, path: str) -> Tuple[Any, Optional[FacilityRegistry]]:
    """The population and facilities of FILE (JSON interchange, CSV, Parquet or .xlsx)."""
    if not os.path.exists(path):
        raise _BadInput(f"cannot read {path}: no such file")
    if pathlib.Path(path).suffix.lower() == ".json":
        if args.stays is not None:
            raise _BadInput("--stays is for table input: JSON persons carry their stays")
        cases = load_cases(path, hukou_from_id=args.hukou_from_id)
        in_file = cases.facilities
        extra = _facilities(args.facilities)
        if extra is not None:
            in_file = in_file.with_facilities(*extra)
            for p in cases.persons:
                p.validate(in_file)
        return Population(cases.persons), in_file
    registry = _facilities(args.facilities)
    if args.stays is not None and not os.path.exists(args.stays):
        raise _BadInput(f"cannot read {args.stays}: no such file")
    stays = read_table(args.stays) if args.stays is not None else None
    population = read_population(
        path, sheet=args.sheet, stays=stays, facilities=registry, hukou_from_id=args.hukou_from_id
    )
    return population, registry


def _check_inputs(
    args: argparse.Namespace,
    population: Any,
    registry: Optional[FacilityRegistry],
    first: datetime.date,
    last: datetime.date,
    readings: Dict[str, str],
) -> None:
    """No silent zeros: what the policy reads and the input lacks is an error unless --missing absent."""
    _check_population_inputs(
        _Target(args.policy, readings), population, _facilities_arg(registry), first, last, args.missing
    )


# --- output ---------------------------------------------------------------------------------------


def _result(d: Decision, members: Optional[List[str]] = None) -> Dict[str, Any]:
    reasons = []
    for rule in d.rules:
        for r in rule.reasons:
            item = {"rule": rule.rule_id, **r.to_dict()}
            reasons.append(item)
    out: Dict[str, Any] = {
        "person": d.subject_id,
        "eligible": d.eligible,
        "amount_fen": d.amount_fen,
        "granted": None
        if d.granted is None
        else {
            "unit": d.granted.unit,
            "period": d.granted.period,
            "quantity": d.granted.quantity,
            "text": str(d.granted),
        },
        "status": d.status,
        "status_note": d.status_note,
        "version": d.version_label,
        "granting_rules": list(d.granting_rules),
        "first_failing_condition": d.first_failing_condition,
        "would_be_eligible_on": None if d.would_be_eligible_on is None else d.would_be_eligible_on.isoformat(),
        "reasons": reasons,
    }
    if members is not None:
        out["members"] = members
    return out


def _decisions(
    policy: str,
    persons: List[Person],
    on: datetime.date,
    registry: Optional[FacilityRegistry],
    readings: Dict[str, str],
) -> List[Tuple[Decision, Optional[List[str]]]]:
    entry = catalog.entry(policy)
    if entry.subject == "household":
        groups: Dict[str, List[Person]] = {}
        for p in persons:
            groups.setdefault(p.household_id or p.id, []).append(p)
        return [
            (catalog.evaluate(policy, Household(hid, members), on, registry, readings), [m.id for m in members])
            for hid, members in groups.items()
        ]
    if entry.subject != "person":
        raise PolicyLookupError(
            f"{policy} is a {entry.subject} entry: the command line evaluates person and household policies",
            error_id=ErrorId.UNKNOWN_POLICY,
        )
    return [(catalog.evaluate(policy, p, on, registry, readings), None) for p in persons]


# --- verbs -----------------------------------------------------------------------------------------


def _cmd_catalog(args: argparse.Namespace) -> int:
    entries = catalog.entries()
    if args.json:
        json.dump([e.to_dict(details=args.details) for e in entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max(len(e.id) for e in entries)
    for e in entries:
        versions = ", ".join(f"{v.label} from {v.effective_from}" for v in e.versions) or "-"
        if e.known_from is not None:
            versions += f" (known from {e.known_from}; earlier dates undetermined)"
        status = "" if e.status == "computable" else f" [{e.status}]"
        print(f"{e.id:<{width}}  {e.subject:<9} {e.title}{status}")
        print(f"{'':<{width}}  {'':<9} versions: {versions}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    on = _date(args.on, "--on")
    readings = _readings(args.reading)
    catalog.entry(args.policy)
    population, registry = _load(args, args.file)
    _check_inputs(args, population, registry, on, on, readings)
    persons = population.persons()
    results = [_result(d, m) for d, m in _decisions(args.policy, persons, on, registry, readings)]
    out = {"policy": args.policy, "on": on.isoformat(), "readings": readings, "results": results}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2 if args.indent else None)
    sys.stdout.write("\n")
    return 0


def _population(args: argparse.Namespace) -> Tuple[Any, Optional[FacilityRegistry], str]:
    """FILE's population and facilities, or the bundled sample's; and where they come from."""
    if args.file is None:
        persons, sample_facilities = _sample()
        return Population(persons), sample_facilities, "the bundled sample population"
    population, registry = _load(args, args.file)
    return population, registry, args.file


def _reformed(args: argparse.Namespace, readings: Dict[str, str]) -> Any:
    """The policy of --reform FILE, reforming --policy (built under --reading)."""
    if not os.path.exists(args.reform):
        raise _BadInput(f"cannot read {args.reform}: no such file")
    return reform(args.policy, file=args.reform, readings=readings or None)


def _cmd_explain(args: argparse.Namespace) -> int:
    on = _date(args.on, "--on")
    readings = _readings(args.reading)
    catalog.entry(args.policy)
    population, registry, source = _population(args)
    _check_inputs(args, population, registry, on, on, readings)
    persons = population.persons()
    chosen = [p for p in persons if p.id == args.person]
    if not chosen:
        raise _BadInput(f"no person '{args.person}' in {source}")
    person = chosen[0]
    entry = catalog.entry(args.policy)
    household = entry.subject == "household" and person.household_id
    subject: Any = person
    if household:
        subject = Household(person.household_id, [p for p in persons if p.household_id == person.household_id])
    if args.reform is not None:
        reformed = _reformed(args, readings)
        print(reformed.evaluate(subject, on, registry).explain().rstrip())
        if not household:  # the change, in words (compare explains persons)
            c = compare(args.policy, reformed, [person], on, registry, readings, missing=args.missing)
            print()
            print(c.explain(person.id))
        return 0
    if household:
        decision = catalog.evaluate(args.policy, subject, on, registry, readings)
    else:
        decision = _decisions(args.policy, [person], on, registry, readings)[0][0]
    print(decision.explain())
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    first = _month(args.from_month, "--from")
    if args.months < 1 or args.months > 600:
        invalid(ErrorId.INVALID_PERIOD, "--months", args.months, "must be 1 to 600")
    readings = _readings(args.reading)
    entry = catalog.entry(args.policy)
    reformed = _reformed(args, readings)
    population, registry, source = _population(args)
    end = first.year * 12 + first.month - 1 + args.months - 1
    last = datetime.date(end // 12, end % 12 + 1, 1)
    c = compare(
        args.policy,
        reformed,
        population,
        facilities=registry,
        readings=readings or None,
        period=(first, last),
        missing=args.missing,
    )
    print(f"eldercare {_core.__version__}: {args.reform} over {source} ({len(population)} persons)")
    print(c)
    by_rule = c.by_rule()
    if len(by_rule):
        print(by_rule.to_string(index=False))
    for pid in args.explain or ():
        print()
        print(c.explain(pid))
    for path in _write_comparison(c, pathlib.Path(args.out), title=entry.title, policy=args.policy):
        print(f"wrote {path}")
    return 0


def _write_comparison(c: Comparison, out: pathlib.Path, *, title: str, policy: str) -> List[pathlib.Path]:
    """persons.csv (one row per person: the money and eligibility under each, the deciding rule),
    by_month.csv, and compare.png (baseline and reform by month, and their difference)."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "persons.csv", out / "by_month.csv", out / "compare.png"]
    by_month = c.by_month()
    c.persons.to_csv(written[0], index=False)
    by_month.to_csv(written[1], index=False)
    charts.comparison_chart(by_month, written[2], title=title, policy=policy)
    return written


def _cmd_simulate(args: argparse.Namespace) -> int:
    first = _month(args.from_month, "--from")
    if args.months < 1 or args.months > 600:
        invalid(ErrorId.INVALID_PERIOD, "--months", args.months, "must be 1 to 600")
    readings = _readings(args.reading)
    registry: Optional[FacilityRegistry]
    if args.data is None:
        persons, registry = _sample()
        population: Any = persons
        source = "the bundled sample population"
    else:
        population, registry = _load(args, args.data)
        source = args.data
    result = simulate(
        population,
        registry,
        first,
        args.months,
        readings=readings,
        progress=None if args.no_progress else sys.stderr,
        missing=args.missing,
    )
    print(
        f"eldercare {_core.__version__}: the catalog over {source} ({len(population)} persons), "
        f"{result.first:%Y-%m} to {result.last:%Y-%m}"
    )
    print(result.table())
    if args.out is not None:
        written = result.write(pathlib.Path(args.out))
        for path in written:
            print(f"wrote {path}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    if args.sample < 1:
        invalid(ErrorId.INVALID_PARAMETER, "--sample", str(args.sample), "must be at least 1")
    if args.write is not None:
        for path in validation.write_page(args.write, sample=args.sample, seed=args.seed):
            print(f"wrote {path}")
        return 0
    if args.check is not None:
        if validation.page_is_current(args.check, sample=args.sample, seed=args.seed):
            print(f"{args.check} is current")
            return 0
        sys.stderr.write(f"eldercare validate: {args.check} is stale: run eldercare validate --write {args.check}\n")
        return 1
    rows = validation.table(args.figure, sample=args.sample, seed=args.seed)
    if args.json:
        json.dump(json.loads(rows.to_json(orient="records")), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(validation.text_table(rows))
    return 0


def _sample() -> Tuple[List[Person], FacilityRegistry]:
    cases = load_cases(sample_population_path())
    return cases.persons, cases.facilities


# --- the parser ------------------------------------------------------------------------------------


_FILE_HELP = (
    "persons: JSON interchange format, CSV/Parquet (flat schema) or an .xlsx workbook (Chinese "
    "headers such as 身份证号, 户籍地, 入住日期 are read as their facts: see docs/schema.md)"
)


def _add_input(p: argparse.ArgumentParser, file_required: bool = True, file_optional: bool = False) -> None:
    if file_required:
        p.add_argument("file", metavar="FILE", help=_FILE_HELP)
    elif file_optional:
        p.add_argument("file", metavar="FILE", nargs="?", help=_FILE_HELP + "; default: the bundled sample")
    p.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx FILE (default: the first)")
    p.add_argument("--facilities", metavar="FILE", help="facilities for table input (JSON, CSV, Parquet or .xlsx)")
    p.add_argument("--stays", metavar="FILE", help="stays for table input: person_id, facility, admitted, discharged")
    p.add_argument(
        "--missing",
        choices=("error", "absent"),
        default="error",
        help="what a policy reads and the input lacks (a column, the facilities, a stay's facility): an error "
        "(default), or taken as absent (no value; a stay in an unknown facility counts for nothing)",
    )
    p.add_argument(
        "--hukou-from-id",
        action="store_true",
        help="let the region that issued an id_number (its first 6 digits, the place of first registration) "
        "stand in for a missing hukou region",
    )
    p.add_argument(
        "--reading",
        metavar="NAME=VALUE",
        action="append",
        help="choose a reading (repeatable); others take their default",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="eldercare",
        description="Chinese eldercare subsidy rules (养老服务补贴): the policy catalog, evaluations with "
        "explanations, and simulations over a population.",
    )
    parser.add_argument("--version", action="version", version=f"eldercare {_core.__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    verbs.required = True

    p = verbs.add_parser("catalog", help="list the catalog's policies", description="List the catalog's policies.")
    p.add_argument("--json", action="store_true", help="a JSON list of objects (id, title, versions, citations, ...)")
    p.add_argument("--details", action="store_true", help="with --json: also parameters and worked examples")
    p.set_defaults(run=_cmd_catalog)

    p = verbs.add_parser(
        "evaluate",
        help="evaluate a policy for every person of a file (JSON out)",
        description='Evaluate a catalog policy for every person in FILE on a date; prints {"results": [...]} with '
        "each person's eligibility, amount in fen and the reasons.",
    )
    p.add_argument("--policy", required=True, metavar="ID", help="a catalog id (see: eldercare catalog)")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the evaluation date")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    _add_input(p)
    p.set_defaults(run=_cmd_evaluate)

    p = verbs.add_parser(
        "explain",
        help="explain one person's decision in words",
        description="Explain, in words, the decision of a catalog policy for one person of FILE: every rule, "
        "every condition with the facts it read, the citation, and when a failing duration would be met.",
    )
    p.add_argument("--policy", required=True, metavar="ID", help="a catalog id")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the evaluation date")
    p.add_argument("--person", required=True, metavar="ID", help="the person's id in FILE")
    p.add_argument(
        "--reform",
        metavar="FILE",
        help="explain the policy as a reform file (TOML or JSON: docs/howto/reform-files.md) changes it, "
        "and what changed for the person",
    )
    _add_input(p, file_required=False, file_optional=True)
    p.set_defaults(run=_cmd_explain)

    p = verbs.add_parser(
        "simulate",
        help="every computable policy over a population, month by month",
        description="Run every computable person and household policy of the catalog over a population "
        "(by default the bundled synthetic sample) month by month; print a summary table (policy, persons "
        "eligible, total yuan) and, with --out, write it as CSV with the monthly totals and a chart (PNG).",
    )
    p.add_argument("--data", metavar="FILE", help="persons (JSON, CSV or Parquet); default: the bundled sample")
    p.add_argument(
        "--from", dest="from_month", default="2024-01", metavar="YYYY-MM", help="first month (default 2024-01)"
    )
    p.add_argument("--months", type=int, default=12, metavar="N", help="number of months (default 12)")
    p.add_argument("--out", metavar="DIR", help="write summary.csv, monthly.csv and simulate.png here")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    _add_input(p, file_required=False)
    p.set_defaults(run=_cmd_simulate)

    p = verbs.add_parser(
        "compare",
        help="cost a reform file against its baseline over a population, month by month",
        description="Cost the reform in a reform file (TOML or JSON: docs/howto/reform-files.md) against the "
        "catalog policy it changes, over FILE (by default the bundled sample) month by month: print the "
        "summary (cost before and after, gainers, losers, newly eligible) and the change by rule, and write "
        "persons.csv (each person's money and eligibility under both) and by_month.csv to --out.",
    )
    p.add_argument("--policy", required=True, metavar="ID", help="the catalog id the reform changes")
    p.add_argument("--reform", required=True, metavar="FILE", help="the reform file (.toml or .json)")
    p.add_argument(
        "--from", dest="from_month", default="2024-01", metavar="YYYY-MM", help="first month (default 2024-01)"
    )
    p.add_argument("--months", type=int, default=12, metavar="N", help="number of months (default 12)")
    p.add_argument("--out", default="compare", metavar="DIR", help="where to write the tables (default ./compare)")
    p.add_argument(
        "--explain", metavar="ID", action="append", help="also say in words what changed for this person (repeatable)"
    )
    _add_input(p, file_required=False, file_optional=True)
    p.set_defaults(run=_cmd_compare)

    p = verbs.add_parser(
        "validate",
        help="the model against the published figures",
        description="Compare the catalog with the figures the seeds publish (recipients, money, supply): "
        "for each figure, the modelled eligible under every combination of the readings it speaks to, the "
        "implied take-up (published ÷ modelled) and the gap; readings the figures contradict are marked. "
        "--write and --check keep docs/validation.md (and its chart) current.",
    )
    p.add_argument("--figure", metavar="ID", help="one figure (default: every modelled figure)")
    p.add_argument(
        "--sample", type=int, default=validation.DEFAULT_SAMPLE, metavar="N", help="persons drawn per figure"
    )
    p.add_argument("--seed", type=int, default=validation.DEFAULT_SEED, metavar="N", help="seed of the samples")
    p.add_argument("--json", action="store_true", help="the rows as a JSON list")
    p.add_argument("--write", metavar="PAGE", help="write the docs page (and validation.png beside it)")
    p.add_argument("--check", metavar="PAGE", help="exit 1 when the docs page is stale")
    p.set_defaults(run=_cmd_validate)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status: 0, 2 for bad input (one line on stderr naming
    the field and the value), 3 for an internal error (one line asking for a report). It never
    prints a traceback, and warnings from libraries (numpy, pandas) never reach stderr."""
    parser = build_parser()
    args = parser.parse_args(argv)
    prog = f"eldercare {args.verb}"
    status = EXIT_BAD_INPUT
    with warnings.catch_warnings():
        # A library's warning is no message for the user: the output, or one line, says it all.
        warnings.simplefilter("ignore")
        try:
            return int(args.run(args))
        except (InvalidValue, PolicyLookupError, _BadInput) as e:
            message = str(e)
        except FileNotFoundError as e:
            message = f"cannot read {e.filename}: no such file"
        except IsADirectoryError as e:
            message = f"cannot read {e.filename}: it is a directory"
        except PermissionError as e:
            message = f"cannot read {e.filename}: permission denied"
        except UnicodeError as e:  # a file that is not UTF-8 text
            message = f"bad input: not UTF-8 text ({e})"
        except RecursionError:
            message = "bad input: nested too deeply to read"
        except BrokenPipeError:  # pragma: no cover - e.g. piped into head
            return 0
        except KeyboardInterrupt:  # pragma: no cover - interrupted by the user
            sys.stderr.write(f"{prog}: interrupted\n")
            return 130
        except Exception as e:  # one line, never a traceback
            if _input_error(e):  # a malformed CSV or Parquet file, raised by pandas or pyarrow
                message = f"bad input: {type(e).__name__}: {e}"
            else:
                status = EXIT_INTERNAL
                message = (
                    f"internal error ({type(e).__name__}: {e}); this is a bug in eldercare {_core.__version__}, "
                    "please report it to the eldercare maintainers with the command and its input"
                )
    text = " ".join(message.split())
    if len(text) > 1000:
        text = text[:1000] + f"… ({len(text)} characters)"
    sys.stderr.write(f"{prog}: error: {text.encode('utf-8', 'backslashreplace').decode('utf-8')}\n")
    return status


def _input_error(e: BaseException) -> bool:
    """Whether `e` says the input is malformed: a CSV or Parquet file the readers refuse, an OS error
    reading it. Anything else is eldercare's own failure."""
    if isinstance(e, OSError):
        return True
    module = type(e).__module__
    if module.startswith(("pandas", "pyarrow")) and isinstance(e, (ValueError, LookupError, TypeError)):
        return True
    return type(e).__name__ in ("ParserError", "EmptyDataError", "ArrowInvalid", "ArrowTypeError")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
