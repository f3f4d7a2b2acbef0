"""The command line, run as a user would (a subprocess): exit codes, JSON shape, and one line on
stderr for bad input."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys
from typing import Any, Dict, List

import pandas as pd
import pytest

import eldercare

ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        p for p in [str(pathlib.Path(eldercare.__file__).parents[1]), os.environ.get("PYTHONPATH", "")] if p
    ),
}
XICHENG = "cn.beijing.xicheng.cross_region_care"

CASES: Dict[str, Any] = {
    "facilities": [
        {
            "id": "F1",
            "region": "131082",
            "kind": "institution",
            "filing": {"authority_region": "131082", "filed_on": "2019-03-01", "revoked_on": None},
        }
    ],
    "persons": [
        {
            "id": "p1",
            "birth_date": "1941-05-01",
            "hukou": {"region": "110102", "since": "1980-01-01"},
            "residence": {"region": "131082", "rural": False},
            "ability_level": 2,
            "categories": ["dibao"],
            "conditions": {"mental_illness": False, "infectious_disease": False},
            "stays": [{"facility": "F1", "admitted": "2023-02-28", "discharged": None}],
        },
        {"id": "p2", "birth_date": "1950-01-01", "hukou": "110105", "residence": "110105"},
    ],
}


def run(*args: str, cwd: Any = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eldercare", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        cwd=cwd,
        timeout=300,
    )


def one_line_error(r: subprocess.CompletedProcess, *needles: str) -> str:
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def cases_file(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CASES), encoding="utf-8")
    return path


def write_cases(tmp_path: pathlib.Path, mutate: Any) -> pathlib.Path:
    data = json.loads(json.dumps(CASES))
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("verb", [[], ["catalog"], ["evaluate"], ["explain"], ["simulate"]])
def test_help_for_each_verb(verb: List[str]) -> None:
    r = run(*verb, "--help")
    assert r.returncode == 0 and "usage: eldercare" in r.stdout


def test_catalog_lists_the_policies() -> None:
    r = run("catalog")
    assert r.returncode == 0 and XICHENG in r.stdout and "versions: 2020 from 2020-06-01" in r.stdout
    r = run("catalog", "--json")
    assert r.returncode == 0
    entries = json.loads(r.stdout)
    assert isinstance(entries, list) and len(entries) == len(eldercare.catalog.ids())
    for e in entries:
        assert {"id", "title", "versions", "citations"} <= set(e)
    xc = next(e for e in entries if e["id"] == XICHENG)
    assert [v["label"] for v in xc["versions"]] == ["2020", "2023"]
    assert any("600元" in c for c in xc["citations"])
    detailed = json.loads(run("catalog", "--json", "--details").stdout)
    assert any(p["name"] == "amount" for p in next(e for e in detailed if e["id"] == XICHENG)["parameters"])


def test_evaluate_prints_results_as_json(cases_file: pathlib.Path) -> None:
    r = run("evaluate", "--policy", XICHENG, "--on", "2023-05-28", str(cases_file))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [x["person"] for x in out["results"]] == ["p1", "p2"]
    p1, p2 = out["results"]
    assert p1["eligible"] is True and p1["amount_fen"] == 60000 and p1["granting_rules"] == ["jin_ji_meng"]
    assert p2["eligible"] is False and p2["amount_fen"] == 0
    assert all({"rule", "condition", "passed", "facts"} <= set(reason) for reason in p1["reasons"])
    early = json.loads(run("evaluate", "--policy", XICHENG, "--on", "2023-05-27", str(cases_file)).stdout)
    assert early["results"][0]["would_be_eligible_on"] == "2023-05-28"
    r = run("evaluate", "--policy", XICHENG, "--on", "2023-05-28", str(cases_file), "--reading", "xicheng.min_age=none")
    assert json.loads(r.stdout)["readings"] == {"xicheng.min_age": "none"}


def test_evaluate_reads_csv_and_parquet(tmp_path: pathlib.Path, cases_file: pathlib.Path) -> None:
    people = pd.DataFrame(
        {
            "id": ["p1", "p2"],
            "birth_date": ["1941-05-01", "1950-01-01"],
            "hukou_region": [110102, 110105],
            "residence_region": [131082, 110105],
            "ability_level": [2, None],
            "categories": ["dibao", ""],
        }
    )
    stays = pd.DataFrame({"person_id": ["p1"], "facility": ["F1"], "admitted": ["2023-02-28"], "discharged": [None]})
    people.to_csv(tmp_path / "people.csv", index=False)
    stays.to_csv(tmp_path / "stays.csv", index=False)
    expected = json.loads(run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(cases_file)).stdout)
    r = run(
        "evaluate",
        "--policy",
        XICHENG,
        "--on",
        "2023-06-30",
        str(tmp_path / "people.csv"),
        "--stays",
        str(tmp_path / "stays.csv"),
        "--facilities",
        str(cases_file),
    )
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert [(x["person"], x["amount_fen"]) for x in got["results"]] == [
        (x["person"], x["amount_fen"]) for x in expected["results"]
    ]
    pytest.importorskip("pyarrow")
    people.to_parquet(tmp_path / "people.parquet")
    stays.to_parquet(tmp_path / "stays.parquet")
    r = run(
        "evaluate",
        "--policy",
        XICHENG,
        "--on",
        "2023-06-30",
        str(tmp_path / "people.parquet"),
        "--stays",
        str(tmp_path / "stays.parquet"),
        "--facilities",
        str(cases_file),
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["results"][0]["amount_fen"] == 60000
    bad = people.copy()
    bad.loc[1, "birth_date"] = "2023-02-30"
    bad.to_csv(tmp_path / "bad.csv", index=False)
    one_line_error(
        run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(tmp_path / "bad.csv")),
        "population.birth_date[row 1, id 'p2']",
        "2023-02-30",
    )


def test_bad_input_exits_2_with_one_line(tmp_path: pathlib.Path, cases_file: pathlib.Path) -> None:
    one_line_error(run("evaluate", "--policy", XICHENG, "--on", "2023-02-30", str(cases_file)), "--on", "2023-02-30")
    path = write_cases(tmp_path, lambda c: c["persons"][0].__setitem__("birth_date", "2023-02-30"))
    one_line_error(
        run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(path)), "persons[p1].birth_date", "2023-02-30"
    )
    path = write_cases(tmp_path, lambda c: c["persons"][1].__setitem__("hukou", "999999"))
    one_line_error(run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(path)), "persons[p2].hukou", "999999")
    one_line_error(run("evaluate", "--policy", "cn.nowhere", "--on", "2023-06-30", str(cases_file)), "cn.nowhere")
    one_line_error(
        run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(tmp_path / "missing.json")), "missing.json"
    )
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    one_line_error(
        run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(tmp_path / "broken.json")), "not valid JSON"
    )
    one_line_error(
        run("evaluate", "--policy", XICHENG, "--on", "2023-06-30", str(cases_file), "--reading", "x=y"), "readings"
    )
    one_line_error(run("evaluate", "--on", "2023-06-30", str(cases_file)), "--policy")
    one_line_error(run("explain", "--policy", XICHENG, "--on", "2023-06-30", str(cases_file), "--person", "p9"), "p9")
    one_line_error(run("simulate", "--from", "2024-13", "--months", "1"), "--from", "2024-13")
    one_line_error(
        run("evaluate", "--policy", "cn.shandong.weihai.caregiver_post_subsidy", "--on", "2023-06-30", str(cases_file)),
        "worker",
    )


def test_explain_prints_the_decision_in_words(cases_file: pathlib.Path) -> None:
    r = run("explain", "--policy", XICHENG, "--on", "2023-05-27", str(cases_file), "--person", "p1")
    assert r.returncode == 0, r.stderr
    assert "✗ continuous stay of 3 months" in r.stdout and "would be met on 2023-05-28" in r.stdout
    assert "《西城区户籍老年人赴津冀蒙异地康养扶持办法》" in r.stdout


def test_simulate_writes_a_table_and_a_chart(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("matplotlib")
    r = run("simulate", "--from", "2024-01", "--months", "2", "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "policy" in r.stdout and "total yuan" in r.stdout and XICHENG in r.stdout
    assert "[" in r.stderr and "done" in r.stderr  # the progress bar
    png = tmp_path / "out" / "simulate.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = pd.read_csv(tmp_path / "out" / "summary.csv")
    assert {"policy", "persons_eligible", "total_yuan"} <= set(summary.columns)
    assert summary.set_index("policy").loc[XICHENG, "persons_eligible"] > 0
    monthly = pd.read_csv(tmp_path / "out" / "monthly.csv")
    assert sorted(monthly["month"].unique()) == ["2024-01", "2024-02"]


@pytest.mark.skipif(shutil.which("eldercare") is None, reason="the eldercare script is not installed")
def test_the_console_script() -> None:
    r = subprocess.run(
        ["eldercare", "catalog", "--json"], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert r.returncode == 0 and json.loads(r.stdout)
