"""The columnar engine behind the Python API: evaluate_population on both paths gives the same frame,
simulate_population equals schedule_population summed, synthetic populations stream reproducibly,
and a population exported to Arrow/Parquet reads back the same."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_population import FACILITIES, POLICIES, frame, random_population, stays

import eldercare as ec

XICHENG = "cn.beijing.xicheng.cross_region_care"


def both_paths(policy: Any, pop: Any, on: Any, **kw: Any) -> pd.DataFrame:
    columns = ec.evaluate_population(policy, pop, on, path="columns", **kw)
    persons = ec.evaluate_population(policy, pop, on, path="persons", **kw)
    pd.testing.assert_frame_equal(columns, persons)
    return columns


@pytest.mark.parametrize("policy", POLICIES[:1] + POLICIES[2:])  # [1] is a bundle: persons only
@pytest.mark.parametrize("reasons", [True, False])
def test_both_paths_give_the_same_frame_on_a_small_frame(policy: str, reasons: bool) -> None:
    pop = ec.Population(frame(), stays=stays(), facilities=FACILITIES)
    for on in ("2023-05-28", "2024-06-30"):
        out = both_paths(policy, pop, on, reasons=reasons)
        assert list(out.columns) == [
            "id",
            "eligible",
            "amount_fen",
            "unit",
            "period",
            "quantity",
            "first_failing_condition",
            "granting_rules",
            "status",
            "error",
        ]
        # pandas 3 gives text columns its "str" dtype, pandas 2 object: whatever the persons path gives.
        kinds = {c: str(t) for c, t in out.dtypes.items()}
        assert kinds["eligible"] == "bool" and kinds["amount_fen"] == kinds["quantity"] == "int64"
        assert kinds["unit"] == kinds["period"] == kinds["status"] == "category"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=random_population(),
    policy=st.sampled_from(POLICIES[:1] + POLICIES[2:]),
    on=st.dates(datetime.date(2021, 1, 1), datetime.date(2025, 12, 31)),
    reasons=st.booleans(),
)
def test_both_paths_agree_on_random_persons(
    rows: List[Dict[str, Any]], policy: str, on: datetime.date, reasons: bool
) -> None:
    f = pd.DataFrame(rows)
    f["ability_level"] = pd.array(f["ability_level"].tolist(), dtype="Int64")
    f["disability_grade"] = pd.array(f["disability_grade"].tolist(), dtype="Int64")
    try:
        pop = ec.Population(f, facilities=FACILITIES)
    except ec.InvalidValue:
        return  # an invalid combination (e.g. overlapping stays) is refused on both paths alike
    both_paths(policy, pop, on, reasons=reasons)


@pytest.fixture(scope="module")
def synthetic() -> ec.Population:
    return ec.synthetic_population(3000, profile="mixed", seed=11)


@pytest.mark.parametrize("policy", [p for p in POLICIES if p != "cn.beijing.elderly_allowances"])
def test_both_paths_agree_on_a_synthetic_population(synthetic: ec.Population, policy: str) -> None:
    for on in ("2023-01-31", "2024-06-30"):
        out = both_paths(policy, synthetic, on, reasons=False)
        assert len(out) == len(synthetic)
    # A reform composed at run time runs on the columnar engine too.
    reform = ec.reform(XICHENG, amounts={"jin_ji_meng": 800})
    xicheng = ec.synthetic_population(3000, profile="xicheng", seed=5)
    out = both_paths(reform, xicheng, "2024-06-30", reasons=False)
    base = ec.evaluate_population(XICHENG, xicheng, "2024-06-30", reasons=False)
    changed = out["amount_fen"] != base["amount_fen"]
    assert changed.any()
    assert set(base.loc[changed, "amount_fen"]) == {60000} and set(out.loc[changed, "amount_fen"]) == {80000}


def test_reasons_on_the_columns_path_match_one_by_one_evaluation(synthetic: ec.Population) -> None:
    out = ec.evaluate_population(POLICIES[2], synthetic, "2024-06-30", path="columns")
    for i in (0, 17, 1234, 2999):
        d = ec.catalog.evaluate(POLICIES[2], synthetic.person(i), "2024-06-30", synthetic.facilities)
        row = out.iloc[i]
        assert (row["eligible"], row["amount_fen"]) == (d.eligible, d.amount_fen)
        assert row["first_failing_condition"] == d.first_failing_condition
        assert row["granting_rules"] == ",".join(d.granting_rules)


def test_simulation_equals_schedules_summed() -> None:
    pop = ec.synthetic_population(1500, profile="xicheng", seed=2)
    pol = ec.catalog.policy(XICHENG, {"xicheng.back_pay": "first_three_months"})
    r = ec.simulate_population(pol, pop, "2023-07-15", 12)
    wide = ec.schedule_population(pol, pop, "2023-07-01", "2024-06-30", wide=True)
    assert r.by_month["amount_fen"].tolist() == wide.sum(axis=0).tolist()
    assert r.by_month["paid"].tolist() == (wide > 0).sum(axis=0).tolist()
    assert r.total_fen == int(wide.to_numpy().sum()) > 0
    long = ec.schedule_population(pol, pop, "2023-07-01", "2024-06-30")
    assert r.by_month["eligible"].tolist() == long.groupby(["year", "month"])["eligible"].sum().tolist()
    # By prefecture: the hukou's (110104 宣武 is its own code's prefecture, Beijing 1101).
    hukou = pop.to_frame().set_index("id")["hukou_region"]
    long["prefecture"] = (long["id"].map(hukou) // 100 * 100).to_numpy()
    expected = long[long["amount_fen"] > 0].groupby(["year", "month", "prefecture"])["amount_fen"].agg(["sum", "size"])
    got = r.by_prefecture.set_index(["year", "month", "prefecture"])
    assert got["amount_fen"].tolist() == expected["sum"].tolist()
    assert got["paid"].tolist() == expected["size"].tolist()
    assert r.by_rule.groupby(["year", "month"])["amount_fen"].sum().tolist() == [
        a for a in r.by_month["amount_fen"].tolist() if a
    ]


def test_simulation_refuses_what_it_cannot_serve() -> None:
    pop = ec.synthetic_population(10, seed=1)
    with pytest.raises(ec.InvalidValue, match=r"policy = 'cn.beijing.elderly_allowances': is a catalog bundle"):
        ec.simulate_population("cn.beijing.elderly_allowances", pop, "2024-01-01")
    with pytest.raises(ec.InvalidValue, match="regions = 'village'"):
        ec.simulate_population(XICHENG, pop, "2024-01-01", regions="village")
    with pytest.raises(ec.InvalidValue, match="n_months = 0: "):
        ec.simulate_population(XICHENG, pop, "2024-01-01", 0)
    with pytest.raises(ec.InvalidValue, match=r"path = 'columns'.*households"):
        ec.evaluate_population("cn.shandong.weihai.platform_phone_subsidy", pop, "2024-01-31", path="columns")


def test_the_synthetic_stream_is_reproducible_and_resumable() -> None:
    stream = ec.SyntheticPopulation(profile="weihai", seed=4)
    a, b = stream.next(300), stream.next(200)
    assert stream.rows_drawn == 500 and b.ids[0] == "p300"
    again = ec.synthetic_population(200, profile="weihai", seed=4, start=300)
    assert again.persons() == b.persons()
    assert ec.synthetic_population(300, profile="weihai", seed=5).persons() != a.persons()
    with pytest.raises(ec.InvalidValue, match="profile = 'atlantis'"):
        ec.synthetic_population(1, profile="atlantis")
    assert set(ec.synthetic_facilities().ids) >= {s.facility for p in a.persons() for s in p.stays}


def test_arrow_parquet_and_frame_round_trips(tmp_path: Any) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pop = ec.synthetic_population(4000, profile="mixed", seed=9)
    people = pop.persons()
    # The sample exercises what the flat schema's extra columns carry.
    assert any(p.ability is not None and p.ability.scale != "gbt_42195_2022" for p in people)
    assert any(p.ability is not None and p.ability.valid_until is not None for p in people)
    assert any(p.disability is not None and p.disability.components for p in people)
    assert any(p.stays for p in people) and any(p.programmes for p in people)
    table = pop.to_arrow()
    assert tuple(table.column_names) == ec.FLAT_COLUMNS
    pq.write_table(table, tmp_path / "pop.parquet")
    back = ec.Population(pq.read_table(tmp_path / "pop.parquet"), facilities=pop.facilities)
    assert back.persons() == people
    assert back.to_arrow().equals(table)
    from_frame = ec.Population(pop.to_frame(), facilities=pop.facilities)
    assert from_frame.persons() == people
    on = "2024-03-31"
    pd.testing.assert_frame_equal(
        ec.evaluate_population(XICHENG, back, on, reasons=False),
        ec.evaluate_population(XICHENG, pop, on, reasons=False),
    )


def test_extra_columns_are_checked_naming_the_cell() -> None:
    f = frame()
    f["ability_scale"] = [None, "gbt_42195_2022", "nope", "mzt_039_2013"]
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(f)
    assert e.value.field == "population.ability_scale[row 2, id 'p3']" and e.value.value == "nope"
    f = frame()
    f["disability_components"] = [None, "visual:1,hearing:9", None, None]
    with pytest.raises(ec.InvalidValue, match=r"population.disability_components\[row 1, id 'p2'\]"):
        ec.Population(f)


def test_ids_are_made_once_and_shared_by_results() -> None:
    pop = ec.synthetic_population(50, seed=1)
    a = ec.evaluate_population(XICHENG, pop, "2024-01-31", reasons=False)
    b = ec.evaluate_population(XICHENG, pop, "2024-02-29", reasons=False)
    assert a["id"].tolist() == b["id"].tolist() == list(pop.ids) == [f"p{i}" for i in range(50)]
    assert np.all(a["first_failing_condition"] == "")


# --- building from Arrow buffers and numpy columns; per-person months --------------------------------


def arrow_variants(table: Any) -> Dict[str, Any]:
    """The same rows as Arrow gives them in other layouts: a RecordBatch, several chunks, text as
    large_string or dictionary-encoded (one dictionary per chunk), numpy columns and pandas."""
    import pyarrow as pa

    def cast_text(t: Any, to: Any) -> Any:
        fields = [pa.field(f.name, to if pa.types.is_string(f.type) else f.type) for f in t.schema]
        return t.cast(pa.schema(fields))

    def encoded(t: Any) -> Any:
        return pa.table(
            {
                n: (c.combine_chunks().dictionary_encode() if pa.types.is_string(c.type) else c)
                for n, c in zip(t.column_names, t.columns)
            }
        )

    return {
        "record_batch": table.combine_chunks().to_batches()[0],
        "chunks": pa.concat_tables([table.slice(0, 5), table.slice(5, 300), table.slice(305)]),
        "large_string": cast_text(table, pa.large_string()),
        "dictionary": pa.concat_tables([encoded(table.slice(0, 400)), encoded(table.slice(400))]),
        "numpy": {
            n: (c if n == "stays" else c.to_numpy(zero_copy_only=False))
            for n, c in zip(table.column_names, table.columns)
        },
        "frame": table.to_pandas(),
    }


def test_every_arrow_and_numpy_layout_builds_the_same_population() -> None:
    pop = ec.synthetic_population(1200, seed=11, profile="mixed")
    table = pop.to_arrow()
    people = pop.persons()
    for name, data in arrow_variants(table).items():
        back = ec.Population(data, facilities=pop.facilities)
        assert back.persons() == people, name
    # Arrays that start inside their buffers (a slice: every column's offset is 3).
    sliced = table.slice(3)
    assert sliced.column("id").chunk(0).offset == 3
    assert ec.Population(sliced, facilities=pop.facilities).persons() == people[3:]
    # Text with missing cells, read from Arrow as from lists.
    f = frame()
    f["household_id"] = ["h1", None, "h1", ""]
    f["categories"] = ["dibao", None, "dibao,kongchao", ""]
    import pyarrow as pa

    from_arrow = ec.Population(pa.Table.from_pandas(f, preserve_index=False), stays=stays())
    from_lists = ec.Population({c: f[c].astype(object).tolist() for c in f.columns}, stays=stays())
    assert from_arrow.persons() == from_lists.persons() == ec.Population(f, stays=stays()).persons()
    assert from_arrow.person(2).categories == from_lists.person(2).categories and from_arrow.person(2).categories


def test_arrow_errors_are_those_of_the_cell_path() -> None:
    import pyarrow as pa

    def message(data: Any) -> str:
        with pytest.raises(ec.InvalidValue) as e:
            ec.Population(data)
        return str(e.value)

    cases = {
        "duplicate id": ("id", ["p1", "p2", "p1", "p4"]),
        "missing id": ("id", ["p1", None, "p3", "p4"]),
        "unknown category": ("categories", ["dibao", "dibao,rich", None, None]),
        "unknown region": ("hukou_region", ["110102", "110102", "999999", "110102"]),
        "scale": ("ability_scale", [None, "nope", None, None]),
    }
    for what, (column, values) in cases.items():
        f = frame()
        f[column] = pd.Series(values, dtype=object)
        cell_path = message({c: f[c].astype(object).tolist() for c in f.columns})
        assert message(pa.Table.from_pandas(f, preserve_index=False)) == cell_path, what
        assert message(pa.Table.from_pandas(f, preserve_index=False).to_batches()[0]) == cell_path, what
        assert message(f) == cell_path, what
    # A row refused by the columns' checks is reported as the person path reports it.
    f = frame()
    f["hukou_since"] = pd.to_datetime(["1930-01-01", None, None, None])
    assert "persons[p1].hukou.since" in message(pa.Table.from_pandas(f, preserve_index=False))


@pytest.mark.parametrize(
    "policy, profile, readings, first, months",
    [
        (XICHENG, "xicheng", None, "2024-01-01", 6),
        (XICHENG, "xicheng", {"xicheng.back_pay": "first_three_months"}, "2022-07-15", 9),  # arrears, a revision
        ("cn.shaanxi.xian.advanced_age_allowance", "xian", None, "2022-06-01", 14),  # per-year money
    ],
)
def test_per_person_months_equal_schedule_population(
    policy: str, profile: str, readings: Any, first: str, months: int
) -> None:
    pop = ec.synthetic_population(1500, seed=4, profile=profile)
    r = ec.simulate_population(policy, pop, first, months, readings=readings, per_person=True)
    assert r.amounts_fen.shape == (len(pop), months) and r.amounts_fen.dtype == np.int64
    assert list(r.ids) == list(pop.ids)
    last = pd.Timestamp(first) + pd.offsets.MonthEnd(0) + pd.DateOffset(months=months - 1)
    wide = ec.schedule_population(policy, pop, first, last.date(), readings=readings, wide=True)
    assert wide.shape == r.amounts_fen.shape
    np.testing.assert_array_equal(r.amounts_fen, wide.to_numpy())
    assert int(r.amounts_fen.sum()) == r.total_fen > 0
    np.testing.assert_array_equal(r.amounts_fen.sum(axis=0), r.by_month["amount_fen"].to_numpy())
    assert ec.simulate_population(policy, pop, first, months, readings=readings).amounts_fen is None
