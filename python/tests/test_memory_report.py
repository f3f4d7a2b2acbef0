"""Population.memory_report(): the C++ population's memory, column by column (issue 16)."""

from __future__ import annotations

import pandas as pd
import pytest

import eldercare
from eldercare import InvalidValue, Population


def _plain(n: int, **extra: object) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "id": [f"p{1000 + i}" for i in range(n)],  # 5 characters each
            "birth_date": ["1950-01-01"] * n,
            "hukou_region": [110102] * n,
            "residence_region": [110102] * n,
        }
    )
    for name, values in extra.items():
        frame[name] = values
    return frame


def test_entries_sum_to_the_totals() -> None:
    report = eldercare.synthetic_population(2000, seed=3).memory_report()
    a = report.attrs
    assert a["rows"] == 2000
    assert int(report["bytes"].sum()) == a["total_bytes"]
    assert int(report.loc[~report["ids"], "bytes"].sum()) == a["total_bytes_without_ids"]
    assert int(report["allocated_bytes"].sum()) == a["allocated_bytes"]
    assert a["bytes_per_row"] == pytest.approx(a["total_bytes"] / 2000)
    assert a["bytes_per_row_without_ids"] == pytest.approx(a["total_bytes_without_ids"] / 2000)
    assert (report["bytes"] >= report["entries"] * report["element_bytes"]).all()
    assert (report["allocated_bytes"] >= report["bytes"]).all()
    assert report["bytes_per_row"].tolist() == pytest.approx((report["bytes"] / 2000).tolist())
    assert set(report.loc[report["ids"], "column"]) == {
        "id_offsets",
        "id_chars",
        "household_offsets",
        "household_chars",
        "id_number_offsets",
        "id_number_chars",
    }


def test_bytes_of_a_known_population() -> None:
    report = Population(_plain(1000)).memory_report().set_index("column")
    widths = {
        "birth_day": ("int32", 4),
        "hukou_key": ("uint16", 2),
        "residence_key": ("uint16", 2),
        "ability_level": ("int8", 1),
        "categories": ("uint16", 2),
        "health": ("uint8", 1),
    }
    for column, (element, width) in widths.items():
        assert report.loc[column, "element"] == element, column
        assert report.loc[column, "bytes"] == 1000 * width, column
        assert report.loc[column, "bytes_per_row"] == width, column
    # Not given: no weight column, no household ids, no ID numbers.
    # Nor assessments: their details are held for the assessed rows only.
    for column in ("weight", "died_on", "hukou_since", "household_offsets", "id_number_offsets", "ability_raw"):
        assert report.loc[column, "bytes"] == 0, column
    # The ids: 1,001 offsets of 4 bytes and 5 characters a row.
    assert report.loc["id_offsets", "bytes"] == 4 * 1001
    assert report.loc["id_chars", "bytes"] == 5 * 1000
    assert report.loc["hukou_codes", "entries"] == 1


def test_a_weight_column_is_stored_once_a_row_gives_one() -> None:
    unweighted = Population(_plain(10))
    assert unweighted.memory_report().set_index("column").loc["weight", "bytes"] == 0
    assert unweighted._weight_micros().tolist() == [-1] * 10
    weighted = Population(_plain(10, weight=[1.5] * 10))
    assert weighted.memory_report().set_index("column").loc["weight", "bytes"] == 8 * 10


def test_raw_scores_fit_in_16_bits() -> None:
    # The schema's largest raw score (1000) fits the int16 column; C++ refuses past 32767
    # (tests/cpp/batch_memory_report_test.cpp), which the schema's range never reaches.
    frame = _plain(
        1,
        ability_level=[2],
        ability_scale=["local"],
        ability_assessed_on=["2020-01-01"],
        ability_local_scale_id=["some.scale"],
        ability_raw_score=[1000],
    )
    pop = Population(frame)
    assert pop.person(0).ability.raw_score == 1000
    assert pop.memory_report().set_index("column").loc["ability_raw", "element"] == "int16"
    with pytest.raises(InvalidValue, match=r"ability_raw_score"):
        Population(frame.assign(ability_raw_score=[1001]))
