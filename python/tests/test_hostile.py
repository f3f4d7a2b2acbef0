"""Hostile input (issue 11): every case of the issue's report, as a regression test.

No crash (the cases that used to segfault run in a subprocess, so a crash fails the test instead of
killing pytest), no silent acceptance, no wrapped money, the right exception kind (InvalidValue, a
ValueError, naming the field, the row, the person and the value as given) and no CLI traceback.
The property-based fuzz suite over every column of every input form is test_fuzz_inputs.py.
"""

from __future__ import annotations

import datetime
import decimal
import io
import os
import pathlib
import pickle
import subprocess
import sys
import textwrap
import threading
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import eldercare as ec
from eldercare import _check, catalog
from eldercare import cli as cli_module
from eldercare.conditions import age_at_least

PACKAGE = str(pathlib.Path(ec.__file__).parents[1])
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [PACKAGE, os.environ.get("PYTHONPATH", "")] if p)}
XICHENG = "cn.beijing.xicheng.cross_region_care"
ADVANCED_AGE = "cn.beijing.elderly_allowances.advanced_age"


def base(n: int = 3) -> Dict[str, Any]:
    """A valid dict of columns of `n` persons."""
    return {
        "id": [f"p{i}" for i in range(n)],
        "birth_date": ["1940-01-01"] * n,
        "hukou_region": [110102] * n,
        "residence_region": [110102] * n,
    }


def run_python(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`code` in a fresh interpreter: a crash is its return code (-11 for SIGSEGV), not pytest's."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=ENV, timeout=timeout
    )


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eldercare", *args], capture_output=True, text=True, env=ENV, timeout=timeout
    )


def refused(call: Any, field: str, value: str, *, quoted: bool = True) -> ec.InvalidValue:
    """Asserts that call() raises InvalidValue naming `field` and showing `value`: quoted once when
    it was given as text, as written when it was a number (or a repr)."""
    with pytest.raises(ec.InvalidValue) as e:
        call()
    assert isinstance(e.value, ValueError)
    assert e.value.field == field, str(e.value)
    assert e.value.value == value, str(e.value)
    assert f"{field} = '{value}': " in str(e.value) if quoted else f"{field} = {value}: " in str(e.value)
    return e.value


# --- a segfault: columns whose length disagrees with the ids, or that are not one value per row --------


class _Lying(list):  # type: ignore[type-arg]
    """A column whose len() says 3 but that yields one value."""

    def __len__(self) -> int:
        return 3


LYING_COLUMNS = {
    "hukou_region": [110102],
    "residence_region": [110102],
    "hukou_since": ["2000-01-01"],
    "ability_assessed_on": ["2000-01-01"],
    "ability_valid_until": ["2030-01-01"],
    "birth_date": ["1940-01-01"],
    "household_id": ["h1"],
    "categories": ["dibao"],
}


@pytest.mark.parametrize("column", sorted(LYING_COLUMNS))
def test_a_column_whose_length_lies_is_refused_not_read_past_its_end(column: str) -> None:
    r = run_python(
        f"""
        import eldercare as ec
        class Lying(list):
            def __len__(self):
                return 3
        data = {{"id": ["a", "b", "c"], "birth_date": ["1940-01-01"] * 3, "hukou_region": [110102] * 3,
                 "residence_region": [110102] * 3}}
        if {column!r} == "ability_assessed_on" or {column!r} == "ability_valid_until":
            data["ability_level"] = [1, 1, 1]
        data[{column!r}] = Lying({LYING_COLUMNS[column]!r})
        try:
            ec.Population(data)
        except ec.InvalidValue as e:
            print("refused", e.field, e.value)
        """
    )
    assert r.returncode == 0, f"crashed ({r.returncode}): {r.stderr[-2000:]}"
    assert r.stdout.split() == ["refused", f"population.{column}", "1", "rows"]


def test_a_two_dimensional_array_is_refused_not_read_as_memory() -> None:
    r = run_python(
        """
        import numpy as np, eldercare as ec
        for shape in [(3, 0), (3, 2), (1, 3)]:
            data = {"id": ["a", "b", "c"], "birth_date": ["1940-01-01"] * 3, "residence_region": [110102] * 3,
                    "hukou_region": np.zeros(shape, dtype=np.int64)}
            try:
                ec.Population(data)
            except ec.InvalidValue as e:
                print(e.field, "|", e.value)
        """
    )
    assert r.returncode == 0, f"crashed ({r.returncode}): {r.stderr[-2000:]}"
    assert r.stdout.splitlines() == [
        "population.hukou_region | an array of shape (3, 0)",
        "population.hukou_region | an array of shape (3, 2)",
        "population.hukou_region | an array of shape (1, 3)",
    ]


# --- silent acceptance ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, shown",
    [
        ([-1, 2, 3], "-1"),
        ([-1.0, 2.0, 3.0], "-1"),
        (np.array([2**64 - 1, 2, 3], dtype=np.uint64), "18446744073709551615"),
        ([2**63, 1, 1], "9223372036854775808"),
        ([float("inf"), 1, 1], "inf"),
        ([1e20, 1, 1], "1e+20"),
        ([2.5, 1, 1], "2.5"),
        ([5, 1, 1], "5"),
    ],
)
def test_a_level_out_of_range_is_refused_as_given_not_read_as_no_assessment(values: Any, shown: str) -> None:
    data = {**base(), "ability_level": values}
    # Numbers are shown as given, unquoted.
    refused(lambda: ec.Population(data), "population.ability_level[row 0, id 'p0']", shown, quoted=False)
    refused(lambda: ec.Population(pd.DataFrame(data)), "population.ability_level[row 0, id 'p0']", shown, quoted=False)
    try:
        table = pa.Table.from_pandas(pd.DataFrame(data), preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return  # no Arrow column holds this value
    refused(lambda: ec.Population(table), "population.ability_level[row 0, id 'p0']", shown, quoted=False)


def test_a_level_of_minus_one_is_refused_from_csv_and_parquet(tmp_path: pathlib.Path) -> None:
    frame = pd.DataFrame({**base(), "ability_level": [-1, 2, None]})
    frame.to_csv(tmp_path / "p.csv", index=False)
    pq.write_table(pa.Table.from_pandas(frame), tmp_path / "p.parquet")
    for path in ("p.csv", "p.parquet"):
        r = cli("evaluate", "--policy", XICHENG, "--on", "2024-06-30", str(tmp_path / path))
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.count("\n") == 1, r.stderr
        assert "population.ability_level[row 0, id 'p0'] = -1: " in r.stderr
    # Missing is NA (or an empty CSV cell), never a number: the third row has no assessment.
    assert ec.Population(pd.read_csv(io.StringIO(frame.iloc[1:].to_csv(index=False)))).persons()[1].ability is None


@pytest.mark.parametrize("value, shown", [(-3.0, "-3"), (1e300, "1e+300"), (0.5, "0.5"), (2.0**14, "16384")])
def test_float_categories_out_of_range_are_refused_not_read_as_none(value: float, shown: str) -> None:
    data = {**base(), "categories": np.array([value, 0.0, np.nan])}
    refused(lambda: ec.Population(data), "population.categories[row 0, id 'p0']", shown, quoted=False)
    ok = ec.Population({**base(), "categories": np.array([1.0, 0.0, np.nan])}).persons()
    assert [p.categories for p in ok] == [("dibao",), (), ()]


def test_repeated_ids_are_refused_in_every_form() -> None:
    p = ec.Person("a", "1940-01-01", hukou="110102", residence="110102")
    refused(lambda: ec.Population([p, p.replace(birth_date="1950-01-01")]), "population.id[row 1, id 'a']", "a")
    refused(lambda: ec.Population({**base(2), "id": ["a", "a"]}), "population.id[row 1, id 'a']", "a")
    cases = {"persons": [{"id": "a", "birth_date": "1940-01-01", "hukou": "110102", "residence": "110102"}] * 2}
    with pytest.raises(ec.InvalidValue, match="duplicate"):
        ec.io.load_cases(cases)


def test_arrow_timestamps_keep_their_time_of_day_and_are_refused_like_a_dataframe() -> None:
    stamps = [pd.Timestamp("1940-01-01 12:00")] * 3
    cols = {k: base()[k] for k in ("id", "hukou_region", "residence_region")}
    from_frame = refused(
        lambda: ec.Population(pd.DataFrame({**cols, "birth_date": stamps})),
        "population.birth_date[row 0, id 'p0']",
        "'1940-01-01T12:00:00.000000'",
        quoted=False,  # a wrong type: its repr, which brings its own quotes
    )
    from_arrow = refused(
        lambda: ec.Population(pa.table({**cols, "birth_date": pa.array(stamps, type=pa.timestamp("us"))})),
        "population.birth_date[row 0, id 'p0']",
        "'1940-01-01T12:00:00.000000'",
        quoted=False,  # a wrong type: its repr, which brings its own quotes
    )
    assert isinstance(from_frame, TypeError) and isinstance(from_arrow, TypeError)
    midnight = pa.array([pd.Timestamp("1940-01-01")] * 3, type=pa.timestamp("s"))
    assert ec.Population(pa.table({**cols, "birth_date": midnight})).persons()[0].birth_date == datetime.date(
        1940, 1, 1
    )


def test_a_repeated_column_name_is_refused(tmp_path: pathlib.Path) -> None:
    (tmp_path / "p.csv").write_text(
        "id,birth_date,hukou_region,residence_region,ability_level,ability_level\np0,1940-01-01,110102,110102,1,4\n"
    )
    r = cli("evaluate", "--policy", XICHENG, "--on", "2024-06-30", str(tmp_path / "p.csv"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "header = 'ability_level': the column name is given twice (columns 5 and 6)" in r.stderr
    frame = pd.DataFrame(
        [["p0", "1940-01-01", 110102, 110102, 1, 4]], columns=[*base(1), "ability_level", "ability_level"]
    )
    refused(lambda: ec.Population(frame), "population.ability_level", "ability_level")
    table = pa.Table.from_arrays([pa.array(v) for v in frame.T.values.tolist()], names=list(frame.columns))
    refused(lambda: ec.Population(table), "population.ability_level", "ability_level")


def test_a_stay_length_beyond_the_supported_years_is_refused_when_the_reform_is_built() -> None:
    with pytest.raises(ec.InvalidValue, match="longer than the supported years 1800-2400 span") as e:
        ec.reform(XICHENG, months={"jin_ji_meng": 10**9})
    assert e.value.value == "1000000000"
    # The longest accepted stay length evaluates (and is never complete) instead of raising later.
    longest = ec.reform(XICHENG, months={"jin_ji_meng": 7211})
    facilities = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "1990-01-01"))]
    elder = ec.Person("a", "1940-01-01", hukou="110102", residence="131082", stays=[ec.Stay("F1", "2000-01-01")])
    assert not ec.evaluate(longest, elder, "2400-12-31", facilities).eligible


# --- money that wraps ---------------------------------------------------------------------------------------


def huge_allowance() -> ec.Policy:
    """The advanced-age allowance with 900 trillion yuan a month: four recipients overflow int64 fen."""
    rules = catalog.policy(ADVANCED_AGE).versions[-1].rules
    return ec.reform(ADVANCED_AGE, amounts={r.id: "90000000000000000" for r in rules})


def test_simulation_totals_overflow_as_an_error_naming_the_policy_and_the_month() -> None:
    people = {**base(4), "birth_date": ["1920-01-01"] * 4}
    with pytest.raises(ec.InvalidValue) as e:
        ec.simulate_population(huge_allowance(), people, "2024-01-01", 2)
    assert e.value.error_id == ec.ErrorId.INVALID_MONEY
    assert e.value.field == f"simulate_months[{ADVANCED_AGE}.reform][2024-01].amount_fen"
    assert "overflows" in str(e.value)
    # evaluate_population refuses the same facts the same way (the population's total overflows) ...
    with pytest.raises(ec.InvalidValue, match="overflows"):
        ec.evaluate_population(huge_allowance(), people, "2024-06-01")
    # ... and one row less fits: the totals are exact, never wrapped.
    r = ec.simulate_population(huge_allowance(), {k: v[:1] for k, v in people.items()}, "2024-01-01", 1)
    assert r.total_fen == 9 * 10**18 and r.by_month["amount_fen"].tolist() == [9 * 10**18]


@pytest.mark.parametrize(
    "given, fen",
    [(600, 60000), ("600.50", 60050), (600.5, 60050), (0.1, 10), (decimal.Decimal("1E+2"), 10000), (-0.0, 0)],
)
def test_to_fen_reads_every_amount_by_one_rule(given: Any, fen: int) -> None:
    assert ec.to_fen(given) == fen
    assert ec.money_per_month(yuan=given).amount_fen == fen  # every amount argument follows it


@pytest.mark.parametrize(
    "given, shown",
    [
        (600.0000004, "600.0000004"),
        (0.3000004, "0.3000004"),
        (0.1 + 0.2, "0.30000000000000004"),
        (0.125, "0.125"),
        (1e-7, "1e-07"),
        (1e20, "1e+20"),
        (float("nan"), "nan"),
        ("600.005", "600.005"),
        (decimal.Decimal("600.005"), "Decimal('600.005')"),
        (2**70, "1180591620717411303424"),
    ],
)
def test_to_fen_never_rounds_and_quotes_the_value_as_given(given: Any, shown: str) -> None:
    refused(lambda: ec.to_fen(given), "amount", shown, quoted=isinstance(given, str))
    with pytest.raises(ec.InvalidValue) as e:
        ec.reform(XICHENG, amounts={"jin_ji_meng": given})
    assert e.value.value == shown


def test_sums_of_amounts_in_python_are_exact_or_refused_never_wrapped() -> None:
    assert _check.exact_sum(np.array([2**62, 2**62 - 1, -5], dtype=np.int64), "x") == 2**63 - 6
    assert _check.exact_sum(np.array([-(2**63), 2**63 - 1], dtype=np.int64), "x") == -1
    with pytest.raises(ec.InvalidValue) as e:
        _check.exact_sum(np.array([2**62, 2**62], dtype=np.int64), "compare.reform_cost_fen")
    assert e.value.field == "compare.reform_cost_fen" and e.value.value == str(2**63)
    assert int(np.array([2**62, 2**62], dtype=np.int64).sum()) < 0  # what numpy would have said
    with pytest.raises(ec.InvalidValue, match="overflows"):
        _check.no_wrapped_sums(pd.Series([1.0, 2.0**63]), "totals")


# --- valid facts that throw -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "born, on", [("2390-06-15", "2400-12-31"), ("2400-12-31", "2400-12-31"), ("1800-01-01", "1800-01-01")]
)
def test_valid_facts_evaluate_over_the_whole_supported_range(born: str, on: str) -> None:
    facilities = [ec.Facility("F1", "131082", filing=ec.Filing("131082", "1800-01-01"))]
    elder = ec.Person(
        "a",
        born,
        hukou=ec.Hukou("110102", born),
        residence="110102",
        ability=ec.Assessment(3, born),
        categories=["dibao", "tekun"],
        stays=[ec.Stay("F1", born)],
    )
    ids = [e.id for e in catalog.entries() if e.subject == "person" and e.status == "computable"]
    for policy in ids:
        d = catalog.evaluate(policy, elder, on, facilities)
        assert not d.eligible or born == "1800-01-01" or policy == "cn.shaanxi.xian.accident_insurance", policy
    other = ec.Person("b", "1940-01-01", hukou="110102", residence="110102")
    people = [elder, other]
    for policy in ids:
        out = ec.evaluate_population(policy, ec.Population(people, facilities=facilities), on, facilities)
        assert (out["error"] == "").all()
    s = ec.schedule_population(XICHENG, ec.Population(people, facilities=facilities), "2400-11-01", "2400-12-31")
    assert s["month"].tolist() == [11, 12, 11, 12]
    sim = ec.simulate_population(XICHENG, ec.Population(people, facilities=facilities), "2400-12-01", 1)
    assert sim.by_month["month"].tolist() == [12]


def overflowing_policy() -> ec.Policy:
    """Two rules whose grants sum past int64 fen for a person aged 80 or more."""
    half = ec.money_per_month(fen=2**62)
    rules = [ec.Rule("sixty", "60+", age_at_least(60), half), ec.Rule("eighty", "80+", age_at_least(80), half)]
    return ec.Policy("test.overflow", "overflow", [ec.PolicyVersion("v", "2000-01-01", rules, combine="sum")])


@pytest.mark.parametrize("path", ["columns", "persons"])
def test_a_row_that_cannot_be_evaluated_is_that_rows_error(path: str) -> None:
    people = {**base(3), "birth_date": ["1930-01-01", "1950-01-01", "1990-01-01"]}
    out = ec.evaluate_population(overflowing_policy(), people, "2024-06-01", path=path, reasons=path == "persons")
    assert out["eligible"].tolist() == [False, True, False]
    assert out["amount_fen"].tolist() == [0, 2**62, 0]
    assert out["error"].iloc[0].startswith("[eldercare.invalid_value.102]") and "overflow" in out["error"].iloc[0]
    assert out["error"].tolist()[1:] == ["", ""]
    schedule = ec.schedule_population(overflowing_policy(), people, "2024-05-01", "2024-06-30")
    assert schedule["error"].tolist()[:2] == [out["error"].iloc[0]] * 2
    assert schedule["amount_fen"].tolist() == [0, 0, 2**62, 2**62, 0, 0]
    with pytest.raises(ec.InvalidValue, match="overflow"):  # no room for an error in the wide form
        ec.schedule_population(overflowing_policy(), people, "2024-05-01", "2024-06-30", wide=True)


# --- pickling ---------------------------------------------------------------------------------------------


def test_every_reading_of_the_weihai_home_care_purchase_pickles_and_unpickles() -> None:
    weihai = "cn.shandong.weihai.home_care_purchase"
    person = ec.Person(
        "w",
        "1940-01-01",
        hukou="371002",
        residence="371002",
        categories=["tekun"],
        ability=ec.Assessment(4, "2020-01-01"),
    )
    for name, reading in catalog.readings().items():
        for value in reading.values:
            try:
                policy = catalog.policy(weihai, {name: value})
            except ec.InvalidValue:
                continue  # a reading this entry does not take
            back = pickle.loads(pickle.dumps(policy))
            assert repr(back) == repr(policy)
            assert decided(back, person) == decided(policy, person)
    policy = catalog.policy(weihai, {"weihai.dependency_scale": "tekun_self_care"})
    assert decided(pickle.loads(pickle.dumps(policy)), person) == decided(policy, person)


def decided(policy: ec.Policy, person: ec.Person) -> Any:
    d = ec.evaluate(policy, person, "2024-06-01")
    return d.eligible, d.granted, d.granting_rules, d.explain()


# --- exception kinds --------------------------------------------------------------------------------------

SURROGATE = "\ud800"


@pytest.mark.parametrize(
    "call",
    [
        lambda: ec.Person(SURROGATE, "1940-01-01", hukou="110102", residence="110102"),
        lambda: ec.Person("a", SURROGATE, hukou="110102", residence="110102"),
        lambda: ec.Person("a", "1940-01-01", hukou=SURROGATE, residence="110102"),
        lambda: ec.Person("a", "1940-01-01", hukou="110102", residence="110102", categories=[SURROGATE]),
        lambda: ec.Stay(SURROGATE, "2020-01-01"),
        lambda: ec.Facility(SURROGATE, "131082"),
        lambda: ec.Assessment(2, SURROGATE),
        lambda: ec.to_fen(SURROGATE),
        lambda: ec.age_on(SURROGATE, "2020-01-01"),
        lambda: catalog.policy(SURROGATE),
        lambda: catalog.policy(XICHENG, {SURROGATE: "x"}),
        lambda: ec.evaluate_population(SURROGATE, base(), "2024-01-01"),
        lambda: ec.Population({**base(), "id": [SURROGATE, "b", "c"]}),
        lambda: ec.Population({**base(), "hukou_region": [SURROGATE, "110102", "110102"]}),
        lambda: ec.Population(
            pd.DataFrame({**base(), "birth_date": pd.Series([SURROGATE, "1940-01-01", "1940-01-01"], dtype=object)})
        ),
        lambda: ec.Population({**base(), "household_id": [SURROGATE, "h", "h"]}),
        lambda: ec.io.load_cases(
            {"persons": [{"id": SURROGATE, "birth_date": "1940-01-01", "hukou": 110102, "residence": 110102}]}
        ),
    ],
)
def test_a_lone_surrogate_is_an_invalid_value_naming_the_field(call: Any) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        call()
    assert "\\ud800" in e.value.value and "lone surrogate" in str(e.value)
    str(e.value).encode("utf-8")  # the message itself can be printed and logged


@pytest.mark.parametrize(
    "call, field",
    [
        (lambda: ec.synthetic_population(2**63), "rows"),
        (lambda: ec.SyntheticPopulation(seed=10**30), "seed"),
        (lambda: ec.SyntheticPopulation(profile=None), "profile"),
        (lambda: catalog.policy(None), "id"),
        (
            lambda: catalog.evaluate(
                None, ec.Person("a", "1940-01-01", hukou="110102", residence="110102"), "2024-01-01"
            ),
            "id",
        ),
        (lambda: ec.synthetic_population(3).person(10**30), "index"),
        (lambda: ec.simulate_population(XICHENG, base(), "2024-01-01", 10**30), "months"),
    ],
)
def test_bad_arguments_are_invalid_values_not_raw_binding_errors(call: Any, field: str) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        call()
    assert e.value.field == field


def test_more_synthetic_rows_than_memory_is_a_memory_error_naming_the_request() -> None:
    # In a subprocess limited to 4 GiB of address space: were the request not refused before any row
    # is drawn, it would fail there (std::bad_alloc), never take this machine's memory.
    r = run_python(
        """
        import os, resource, eldercare as ec
        resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        rows = min(4294967294, 2 * memory // 48)
        try:
            ec.SyntheticPopulation().next(rows)
        except MemoryError as e:
            print(str(rows) in str(e) and "synthetic rows" in str(e), "std::bad_alloc" not in str(e))
        """
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["True", "True"]


def csv_with(tmp_path: pathlib.Path, column: str, cell: str) -> str:
    frame = pd.DataFrame({**base(1), column: [cell]})
    path = tmp_path / "p.csv"
    frame.to_csv(path, index=False)
    return str(path)


SURROGATE_CASES = b"""{"persons": [{"id": "p\\ud800", "birth_date": "1940-01-01", "hukou": "110102",
                                       "residence": "110102"}]}"""


def file_with(tmp_path: pathlib.Path, name: str, content: bytes) -> str:
    (tmp_path / name).write_bytes(content)
    return str(tmp_path / name)


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda t: file_with(t, "s.json", SURROGATE_CASES), "lone surrogate"),
        (lambda t: file_with(t, "n.json", b"[" * 100000 + b"]" * 100000), "nested too deeply"),
        (lambda t: csv_with(t, "stays", "[" * 100000 + "]" * 100000), "nested too deeply"),
        (
            lambda t: csv_with(t, "ability_level", "123456789012345678901234567890"),
            "= 123456789012345678901234567890: ",
        ),
        (lambda t: csv_with(t, "categories", "-3.5"), "categories[row 0, id 'p0'] = -3.5: "),
        (lambda t: csv_with(t, "ability_level", "inf"), "ability_level[row 0, id 'p0'] = inf: "),  # numpy warned
        (lambda t: file_with(t, "b.json", b'{"persons": ["\xff"]}'), "not UTF-8"),
    ],
)
def test_the_cli_refuses_bad_input_in_one_line_without_a_traceback(
    tmp_path: pathlib.Path, make: Any, expected: str
) -> None:
    r = cli("evaluate", "--policy", XICHENG, "--on", "2024-06-30", make(tmp_path))
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr and "Warning" not in r.stderr, r.stderr
    assert r.stderr.startswith("eldercare evaluate: error: ") and expected in r.stderr, r.stderr
    assert len(r.stderr) < 1500


def test_the_cli_reports_an_internal_error_with_its_own_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: Any) -> int:
        raise KeyError("a bug")

    monkeypatch.setattr(cli_module, "_cmd_catalog", broken)
    assert cli_module.main(["catalog"]) == cli_module.EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (KeyError: 'a bug')" in err and "please report" in err


def test_library_warnings_never_reach_the_cli_stderr_on_success(tmp_path: pathlib.Path) -> None:
    frame = pd.DataFrame({**base(3), "ability_level": [1.0, np.nan, 2.0], "categories": [np.nan, 1.0, 3.0]})
    frame.to_csv(tmp_path / "p.csv", index=False)
    # The file has no stays column, which the policy reads: taken as absent on request.
    r = cli("evaluate", "--policy", XICHENG, "--on", "2024-06-30", "--missing", "absent", str(tmp_path / "p.csv"))
    assert r.returncode == 0 and r.stderr == "", r.stderr
    r = run_python(
        """
        import warnings, sys
        from eldercare import cli
        warnings.simplefilter("error")  # a warning would be an exception, caught as an error
        sys.exit(cli.main(["catalog"]))
        """
    )
    assert r.returncode == 0 and r.stderr == ""


# --- messages ---------------------------------------------------------------------------------------------


def test_a_huge_bad_value_makes_a_short_message_stating_its_length() -> None:
    e = refused(
        lambda: ec.Population({**base(), "birth_date": ["x" * 10_000_000, "1940-01-01", "1940-01-01"]}),
        "population.birth_date[row 0, id 'p0']",
        "x" * 200 + "… (10000000 characters)",
    )
    assert len(str(e)) < 400
    e = refused(lambda: ec.to_fen("9" * 1_000_000), "amount", "9" * 200 + "… (1000000 characters)")
    with pytest.raises(ec.InvalidType) as t:
        ec.Person("a", ["x"] * 1_000_000, hukou="110102", residence="110102")  # type: ignore[arg-type]
    assert len(str(t.value)) < 500 and "characters)" in t.value.value


def test_the_value_shown_is_the_value_given() -> None:
    refused(
        lambda: ec.Population({**base(), "ability_level": [1e20, 1, 1]}),
        "population.ability_level[row 0, id 'p0']",
        "1e+20",
        quoted=False,
    )
    refused(
        lambda: ec.Population({**base(), "ability_level": np.array([2**64 - 1, 1, 1], dtype=np.uint64)}),
        "population.ability_level[row 0, id 'p0']",
        "18446744073709551615",
        quoted=False,
    )
    refused(
        lambda: ec.Population({**base(), "hukou_region": np.array([2**64 - 1, 1, 1], dtype=np.uint64)}),
        "population.hukou_region[row 0, id 'p0']",
        "18446744073709551615",
        quoted=False,
    )
    refused(
        lambda: ec.simulate_population(XICHENG, base(), "2024-01-01", 10**6, missing="absent"),
        "simulate_months.n_months",
        "1000000",
        quoted=False,
    )


def test_a_bad_stay_is_named_by_its_person_not_by_a_flattened_index() -> None:
    stays: List[Any] = [
        [{"facility": "F1", "admitted": "2020-01-01"}],
        [{"facility": "F1", "admitted": "2020-01-01"}, {"facility": "F1", "admitted": "2021-02-30"}],
        [],
    ]
    data = {**base(), "stays": stays}
    refused(lambda: ec.Population(data), "population.stays[row 1, id 'p1'][1].admitted", "2021-02-30")
    table = pa.table({**base(), "stays": pa.array(stays)})
    refused(lambda: ec.Population(table), "population.stays[row 1, id 'p1'][1].admitted", "2021-02-30")
    stays[1][1]["admitted"] = datetime.datetime(2020, 5, 1, 8, 30)  # a time of day: the wrong type
    with pytest.raises(ec.InvalidType) as e:
        ec.Population({**base(), "stays": stays})
    assert e.value.field == "population.stays[row 1, id 'p1'][1].admitted"


# --- optional pyarrow, threads ------------------------------------------------------------------------------


def test_a_categorical_text_column_does_not_need_pyarrow() -> None:
    r = run_python(
        """
        import sys
        class NoPyarrow:  # as if pyarrow were not installed
            def find_spec(self, name, path=None, target=None):
                if name == "pyarrow" or name.startswith("pyarrow."):
                    raise ImportError("no pyarrow here")
                return None
        sys.meta_path.insert(0, NoPyarrow())
        import pandas as pd, eldercare as ec
        frame = pd.DataFrame({"id": ["a", "b"], "birth_date": ["1935-01-01", "1960-01-01"],
                              "hukou_region": pd.Categorical(["110102", "110102"]),
                              "residence_region": pd.Categorical(["110102", "110105"]),
                              "categories": pd.Categorical(["dibao", None])})
        out = ec.evaluate_population("cn.beijing.elderly_allowances.advanced_age", frame, "2024-06-01")
        print(out["eligible"].tolist(), "pyarrow" in sys.modules)
        """
    )
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.split() == ["[True,", "False]", "False"]


def test_synthetic_next_from_eight_threads_draws_each_row_once() -> None:
    stream = ec.SyntheticPopulation(seed=5)
    chunks: List[ec.Population] = []
    lock = threading.Lock()

    def draw() -> None:
        for _ in range(5):
            pop = stream.next(400)
            with lock:
                chunks.append(pop)

    threads = [threading.Thread(target=draw) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [i for pop in chunks for i in pop.ids]
    assert len(ids) == len(set(ids)) == 8 * 5 * 400 == stream.rows_drawn
    assert set(ids) == set(ec.synthetic_population(8 * 5 * 400, seed=5).ids)
