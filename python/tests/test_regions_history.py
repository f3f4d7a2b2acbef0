"""The whole country, with history: RegionCode's history methods, hukou read through the history,
and a case file that mixes provinces (issue 12). Expected values are read off the MCA lists
(cn/GB2260 mca/*.tsv) and mirror tests/cpp/region_region_table_test.cpp."""

from __future__ import annotations

import datetime
import json
import pathlib
import subprocess
import sys
from typing import Any, Dict

import pytest
from test_cli import ENV, XICHENG

import eldercare as ec
from eldercare import io
from eldercare.conditions import hukou_in

# Codes from every province: (province, a county of its capital, their names).
PROVINCES = [
    ("110000", "110101", "北京市", "东城区"),
    ("120000", "120101", "天津市", "和平区"),
    ("130000", "130102", "河北省", "长安区"),
    ("140000", "140105", "山西省", "小店区"),
    ("150000", "150102", "内蒙古自治区", "新城区"),
    ("210000", "210102", "辽宁省", "和平区"),
    ("220000", "220102", "吉林省", "南关区"),
    ("230000", "230102", "黑龙江省", "道里区"),
    ("310000", "310104", "上海市", "徐汇区"),
    ("320000", "320102", "江苏省", "玄武区"),
    ("330000", "330102", "浙江省", "上城区"),
    ("340000", "340102", "安徽省", "瑶海区"),
    ("350000", "350102", "福建省", "鼓楼区"),
    ("360000", "360102", "江西省", "东湖区"),
    ("370000", "370102", "山东省", "历下区"),
    ("410000", "410102", "河南省", "中原区"),
    ("420000", "420102", "湖北省", "江岸区"),
    ("430000", "430102", "湖南省", "芙蓉区"),
    ("440000", "440103", "广东省", "荔湾区"),
    ("450000", "450102", "广西壮族自治区", "兴宁区"),
    ("460000", "460105", "海南省", "秀英区"),
    ("500000", "500101", "重庆市", "万州区"),
    ("510000", "510104", "四川省", "锦江区"),
    ("520000", "520102", "贵州省", "南明区"),
    ("530000", "530102", "云南省", "五华区"),
    ("540000", "540102", "西藏自治区", "城关区"),
    ("610000", "610102", "陕西省", "新城区"),
    ("620000", "620102", "甘肃省", "城关区"),
    ("630000", "630102", "青海省", "城东区"),
    ("640000", "640104", "宁夏回族自治区", "兴庆区"),
    ("650000", "650102", "新疆维吾尔自治区", "天山区"),
]


@pytest.mark.parametrize("province,county,province_name,county_name", PROVINCES)
def test_every_province(province: str, county: str, province_name: str, county_name: str) -> None:
    p, c = ec.RegionCode(province), ec.RegionCode(county)
    assert (p.name, c.name) == (province_name, county_name)
    assert p.contains(c) and c.province == p and not c.is_legacy
    assert c.in_force_on("2024-06-30")


def test_roll_ups_and_the_cities_of_issue_12() -> None:
    assert len(PROVINCES) == 31
    for code in ("110100", "120100", "310100", "500100"):
        assert ec.RegionCode(code).name == "市辖区"
    assert ec.RegionCode("310200").is_legacy and ec.RegionCode("310200").current() == ec.RegionCode("310100")
    names = {c: ec.RegionCode(c).name for c in ("370100", "510100", "420100", "650100")}
    assert names == {"370100": "济南市", "510100": "成都市", "420100": "武汉市", "650100": "乌鲁木齐市"}


@pytest.mark.parametrize(
    "old,successor,last_in,first_out,end",
    [
        ("320103", "320104", "2012-12-31", "2013-12-01", "by_hand"),  # 白下区 -> 秦淮区
        ("440102", "440104", "2004-12-31", "2005-12-01", "by_hand"),  # 东山区 -> 越秀区
        ("110103", "110101", "2009-12-31", "2010-12-01", "by_hand"),  # 崇文区 -> 东城区
        ("110104", "110102", "2009-12-31", "2010-12-01", "by_hand"),  # 宣武区 -> 西城区
        ("110228", "110118", "2015-10-31", "2015-11-01", "inferred"),  # 密云县 -> 密云区
        ("371202", "370116", "2018-01-31", "2018-12-01", "by_hand"),  # 莱城区 -> 济南 莱芜区
    ],
)
def test_abolished_codes_resolve_to_their_successors(
    old: str, successor: str, last_in: str, first_out: str, end: str
) -> None:
    c, s = ec.RegionCode(old), ec.RegionCode(successor)
    assert c.is_legacy and c.successors() == (s,) and c.current() == s and c.current_codes() == (s,)
    assert c.in_force_on(last_in) and not c.in_force_on(first_out) and s.in_force_on(first_out)
    assert c.current_codes_on(last_in) == (c,) and c.current_codes_on(first_out) == (s,)
    assert c.history()[-1].end == end and c.history()[-1].successors == (s,)
    assert c.province.contains(c) and c.code == old


def test_names_over_time_splits_and_unknowns() -> None:
    xiangyang = ec.RegionCode("420600")
    assert xiangyang.name == "襄阳市"
    assert xiangyang.name_on("2009-12-31") == "襄樊市" and xiangyang.name_on(datetime.date(2011, 1, 1)) == "襄阳市"
    first, second = xiangyang.history()
    assert (first.name, first.end, first.until) == ("襄樊市", "renamed", second.start)
    assert second.until is None and second.end == "in_force"
    assert isinstance(first.start, datetime.date)

    jianggan = ec.RegionCode("330104")  # 江干区, split in 2021
    assert jianggan.successors() == (ec.RegionCode("330102"), ec.RegionCode("330114"))
    assert jianggan.current() == jianggan and len(jianggan.current_codes()) == 2

    yanshan = ec.RegionCode("110110")  # 燕山区, 1980-1986: successor unknown
    assert yanshan.is_legacy and yanshan.successors() == () and yanshan.current_codes() == ()
    assert yanshan.history()[-1].end == "unknown"
    assert ec._core.words["period_end"] == ("in_force", "renamed", "inferred", "by_hand", "unknown")

    with pytest.raises(ec.InvalidType):
        xiangyang.in_force_on(datetime.datetime(2020, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ec.InvalidValue):
        xiangyang.name_on("2020-02-30")


@pytest.mark.parametrize("code", ["119999", "990000", "110199"])
def test_codes_that_never_existed_are_refused(code: str) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.RegionCode(code)
    assert e.value.error_id == ec.ErrorId.INVALID_REGION and e.value.value == code
    assert "not a division code in the bundled table" in str(e.value)


def test_containment_and_search() -> None:
    assert "320103" in ec.RegionSet("江苏", ["320000"])  # an abolished county is still in its province
    assert not ec.RegionCode("320104").contains("320103")  # as recorded
    assert ec.regions.search("西城") == [ec.regions.XICHENG]  # current names by default
    assert ec.regions.search("宣武") == []
    assert ec.regions.search("宣武", include_abolished=True) == [ec.regions.XUANWU]
    assert ec.RegionCode("420600") in ec.regions.search("襄樊", include_abolished=True)


def test_hukou_in_follows_the_history() -> None:
    xicheng = ec.RegionSet("西城区", [ec.regions.XICHENG])

    def person(hukou: str) -> ec.Person:
        return ec.Person("p", "1940-01-01", hukou=hukou, residence="110102")

    rule = hukou_in(xicheng)
    assert rule.holds(person("110104"), "2023-01-01")  # 宣武 counts as 西城 after 2010
    assert not rule.holds(person("110104"), "2009-06-01")  # but not before
    assert not hukou_in(xicheng, legacy="as_recorded").holds(person("110104"), "2023-01-01")
    split = hukou_in(ec.RegionSet("上城区", ["330102"]))
    assert not split.holds(person("330104"), "2022-01-01")  # 江干: only part of it became 上城
    assert hukou_in(ec.RegionSet("杭州市", ["330100"])).holds(person("330104"), "2022-01-01")


MIXED: Dict[str, Any] = {
    "_": "Two Xicheng elders, three full months in filed institutions: one in Hebei, one in Shanghai.",
    "facilities": [
        {
            "id": "HB",
            "region": "131082",
            "kind": "institution",
            "filing": {"authority_region": "131082", "filed_on": "2019-03-01"},
        },
        {
            "id": "SH",
            "region": "310104",
            "kind": "institution",
            "filing": {"authority_region": "310104", "filed_on": "2019-03-01"},
        },
    ],
    "persons": [
        {
            "id": "in-shanghai",
            "birth_date": "1941-05-01",
            "hukou": "110102",
            "residence": "310104",
            "stays": [{"facility": "SH", "admitted": "2023-02-28"}],
        },
        {
            "id": "in-hebei",
            "birth_date": "1941-05-01",
            "hukou": "110102",
            "residence": "131082",
            "stays": [{"facility": "HB", "admitted": "2023-02-28"}],
        },
    ],
}


def test_a_file_mixing_provinces_is_evaluated_person_by_person(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(MIXED, ensure_ascii=False), encoding="utf-8")
    persons, facilities = io.load_cases(path)
    amounts = {p.id: ec.catalog.evaluate(XICHENG, p, "2023-05-28", facilities).amount_fen for p in persons}
    assert amounts == {"in-shanghai": 0, "in-hebei": 60000}  # 0 and 600 yuan

    r = subprocess.run(
        [sys.executable, "-m", "eldercare", "evaluate", "--policy", XICHENG, "--on", "2023-05-28", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    results = {x["person"]: x for x in json.loads(r.stdout)["results"]}
    assert {k: (v["eligible"], v["amount_fen"]) for k, v in results.items()} == {
        "in-shanghai": (False, 0),
        "in-hebei": (True, 60000),
    }
