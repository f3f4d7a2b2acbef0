"""Generates sample_population.json: a synthetic population covering the catalog's jurisdictions.

Run from the repository root (the output is committed; the seed makes it reproducible)::

    python3 python/eldercare/data/make_sample.py

Everything here is invented: no real person is described. The population mixes the cases the
catalog's rules are about, in proportions chosen to exercise them, not to match any statistic:

- Xicheng-registered elders (a few with the legacy 宣武 code) in filed and unfiled institutions of
  Tianjin, Hebei and Inner Mongolia and of Beijing's ecological conservation area, with stays that
  complete their three months before, during and after the simulated months, and transfers;
- Beijing-registered elders for the city's allowances: ages 60-104, 低保/特困, ability levels,
  disability certificates;
- Weihai elders (低保, 特困, 优抚, 计生特扶) at home, some enrolled on the virtual platform and grouped
  into households; rural Rongcheng elders around 80;
- rural elders in 西咸新区 townships, some with a mental illness or an infectious disease;
- Guangdong elders living alone, empty-nest, left-behind, disabled or in special families;
- Xi'an elders with disability certificates, hardship categories and ages around the age bands.
"""

from __future__ import annotations

import datetime
import json
import pathlib
import random
from typing import Any, Dict, List, Optional

SEED = 20240112
OUT = pathlib.Path(__file__).with_name("sample_population.json")

FACILITIES: List[Dict[str, Any]] = [
    # 津冀蒙: filed, late-filed, revoked and unfiled institutions.
    {"id": "HB-sanhe", "region": "131082", "kind": "institution", "beds": 300, "filed_on": "2019-03-01"},
    {"id": "HB-baoding", "region": "130606", "kind": "institution", "beds": 120, "filed_on": "2020-01-01"},
    {"id": "HB-late", "region": "130102", "kind": "institution", "beds": 80, "filed_on": "2024-03-01"},
    {
        "id": "HB-revoked",
        "region": "130105",
        "kind": "institution",
        "beds": 60,
        "filed_on": "2019-01-01",
        "revoked_on": "2024-06-01",
    },
    {"id": "TJ-binhai", "region": "120116", "kind": "institution", "beds": 200, "filed_on": "2021-01-04"},
    {"id": "TJ-unfiled", "region": "120116", "kind": "institution", "beds": 50},
    {"id": "NM-hohhot", "region": "150102", "kind": "institution", "beds": 90, "filed_on": "2022-05-01"},
    # Beijing: ecological conservation area and elsewhere.
    {"id": "BJ-huairou", "region": "110116", "kind": "institution", "beds": 200, "filed_on": "2018-05-01"},
    {"id": "BJ-miyun", "region": "110118", "kind": "institution", "beds": 150, "filed_on": "2020-09-01"},
    {"id": "BJ-chaoyang", "region": "110105", "kind": "institution", "beds": 220, "filed_on": "2018-05-01"},
    {"id": "BJ-community", "region": "110102", "kind": "community", "beds": 8, "filed_on": "2019-01-01"},
    # Weihai, Xixian, Guangdong, Xi'an.
    {"id": "WH-huancui", "region": "371002", "kind": "institution", "beds": 180, "filed_on": "2017-06-01"},
    {"id": "XX-centre", "region": "610402005", "kind": "regional_centre", "beds": 60, "filed_on": "2021-03-01"},
    {"id": "GD-tianhe", "region": "440106", "kind": "institution", "beds": 260, "filed_on": "2016-01-01"},
    {"id": "XA-qujiang", "region": "610113", "kind": "institution", "beds": 400, "filed_on": "2015-01-01"},
]

XIXIAN_TOWNS = ["610112002", "610112008", "610116005", "610116006", "610116010", "610116020", "610118005", "610402005"]
GUANGDONG = ["440103", "440106", "440111", "440305", "440605", "441302"]
XIAN = ["610102", "610103", "610104", "610112", "610113", "610116"]
WEIHAI = ["371002", "371003", "371083"]
DISABILITY = ["physical", "visual", "hearing", "intellectual", "mental", "speech"]


class Maker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.persons: List[Dict[str, Any]] = []

    def birth(self, age_low: int, age_high: int, on: datetime.date = datetime.date(2024, 6, 30)) -> str:
        age = self.rng.randint(age_low, age_high)
        day = self.rng.randint(0, 364)
        return (datetime.date(on.year - age - 1, 7, 1) + datetime.timedelta(days=day)).isoformat()

    def day(self, first: str, last: str) -> str:
        a = datetime.date.fromisoformat(first)
        b = datetime.date.fromisoformat(last)
        return (a + datetime.timedelta(days=self.rng.randint(0, (b - a).days))).isoformat()

    def maybe(self, p: float) -> bool:
        return self.rng.random() < p

    def add(
        self,
        prefix: str,
        birth: str,
        hukou: str,
        residence: str,
        *,
        rural: bool = False,
        level: Optional[int] = None,
        categories: Optional[List[str]] = None,
        disability: Optional[Dict[str, Any]] = None,
        stays: Optional[List[Dict[str, Any]]] = None,
        mental: bool = False,
        infectious: bool = False,
        household: str = "",
        programmes: Optional[List[str]] = None,
    ) -> str:
        pid = f"{prefix}{len(self.persons) + 1:03d}"
        person: Dict[str, Any] = {
            "id": pid,
            "birth_date": birth,
            "hukou": {"region": hukou, "since": None},
            "residence": {"region": residence, "rural": rural},
        }
        if level is not None:
            person["ability_level"] = level
        person["categories"] = categories or []
        if disability:
            person["disability"] = disability
        person["health"] = [w for w, has in (("mental_illness", mental), ("infectious_disease", infectious)) if has]
        person["stays"] = stays or []
        if household:
            person["household_id"] = household
        if programmes:
            person["programmes"] = programmes
        self.persons.append(person)
        return pid


def make() -> Dict[str, Any]:
    rng = random.Random(SEED)
    m = Maker(rng)
    level = lambda: rng.choice([None, 0, 0, 1, 2, 3, 4])  # noqa: E731
    # Xicheng elders in 津冀蒙 and the ecological area (the cross-region care subsidy).
    jjm = ["HB-sanhe", "HB-baoding", "HB-late", "HB-revoked", "TJ-binhai", "TJ-unfiled", "NM-hohhot"]
    eco = ["BJ-huairou", "BJ-miyun"]
    for _ in range(70):
        where = rng.choice(jjm + eco + ["BJ-chaoyang"])
        admitted = m.day("2022-06-01", "2025-03-31")
        stays = [{"facility": where, "admitted": admitted, "discharged": None}]
        if m.maybe(0.15):  # discharged again, or moved on
            out = datetime.date.fromisoformat(admitted) + datetime.timedelta(days=rng.randint(20, 200))
            stays[0]["discharged"] = out.isoformat()
            if m.maybe(0.6):
                stays.append({"facility": rng.choice(jjm + eco), "admitted": out.isoformat(), "discharged": None})
        hukou = "110104" if m.maybe(0.08) else ("110105" if m.maybe(0.1) else "110102")
        region = next(f["region"] for f in FACILITIES if f["id"] == stays[-1]["facility"])
        m.add("xc", m.birth(58, 96), hukou, region[:6], level=level(), stays=stays)
    # Beijing allowances: hardship, disability care, advanced age.
    for _ in range(60):
        hukou = rng.choice(["110101", "110102", "110105", "110108", "110116"])
        cats = rng.choice([[], [], [], ["dibao"], ["tekun"], ["low_income"], ["dibao", "kongchao"]])
        disability = None
        if m.maybe(0.2):
            disability = {"category": rng.choice(DISABILITY), "grade": rng.randint(1, 4)}
        m.add("bj", m.birth(60, 104), hukou, hukou, level=level(), categories=cats, disability=disability)
    # Weihai: purchased home care, the virtual platform (households), and Rongcheng's free lunch.
    for h in range(25):
        members = 2 if m.maybe(0.4) else 1
        enrolled = m.maybe(0.6)
        region = rng.choice(WEIHAI)
        for _ in range(members):
            cats = rng.choice([[], ["dibao"], ["tekun"], ["youfu"], ["jisheng_tefu"], ["model_worker"]])
            m.add(
                "wh",
                m.birth(60, 95),
                region,
                region,
                level=rng.choice([0, 1, 2, 3, 3, 4]),
                categories=cats,
                household=f"WH-H{h + 1:02d}",
                programmes=["weihai.virtual_platform"] if enrolled else [],
            )
    for _ in range(30):
        m.add(
            "rc",
            m.birth(74, 92),
            "371082",
            "371082",
            rural=m.maybe(0.8),
            programmes=["rongcheng.warm_canteen"] if m.maybe(0.7) else [],
        )
    # Xixian New Area: rural elders in its townships.
    for _ in range(35):
        town = rng.choice(XIXIAN_TOWNS)
        cats = rng.choice([[], ["dibao"], ["tekun"], ["kongchao"], ["shidu"], ["dibao", "living_alone"]])
        stays = (
            [{"facility": "XX-centre", "admitted": m.day("2022-01-01", "2024-06-30"), "discharged": None}]
            if m.maybe(0.2)
            else []
        )
        m.add(
            "xx",
            m.birth(60, 95),
            town if m.maybe(0.85) else town[:6],
            town,
            rural=m.maybe(0.85),
            level=level(),
            categories=cats,
            mental=m.maybe(0.06),
            infectious=m.maybe(0.04),
            stays=stays,
        )
    # Guangdong: special-hardship visits.
    for _ in range(40):
        region = rng.choice(GUANGDONG)
        cats = rng.choice([["living_alone"], ["kongchao"], ["left_behind"], ["special_family"], [], ["dibao"]])
        disability = {"category": rng.choice(DISABILITY), "grade": rng.randint(1, 4)} if m.maybe(0.2) else None
        m.add(
            "gd",
            m.birth(58, 98),
            region,
            region,
            rural=m.maybe(0.3),
            level=level(),
            categories=cats,
            disability=disability,
        )
    # Xi'an: hardship subsidies, advanced-age allowance, the waiting list.
    for _ in range(50):
        region = rng.choice(XIAN)
        cats = rng.choice([[], [], ["dibao"], ["tekun"], ["low_income"], ["poor_household"], ["youfu"]])
        disability = {"category": rng.choice(DISABILITY), "grade": rng.randint(1, 4)} if m.maybe(0.35) else None
        m.add(
            "xa",
            m.birth(60, 103),
            region,
            region,
            rural=m.maybe(0.4),
            level=level(),
            categories=cats,
            disability=disability,
        )

    facilities = []
    for f in FACILITIES:
        entry: Dict[str, Any] = {"id": f["id"], "region": f["region"], "kind": f["kind"], "beds": f["beds"]}
        entry["filing"] = (
            None
            if "filed_on" not in f
            else {
                "authority_region": f["region"][:6],
                "filed_on": f["filed_on"],
                "revoked_on": f.get("revoked_on"),
            }
        )
        facilities.append(entry)
    return {
        "_comment": "Synthetic sample population (python/eldercare/data/make_sample.py, seed "
        f"{SEED}); invented persons, for demonstrations and tests.",
        "facilities": facilities,
        "persons": m.persons,
    }


def main() -> None:
    data = make()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    try:  # check it loads, when the package is importable
        import eldercare

        cases = eldercare.io.load_cases(OUT)
        print(f"{OUT}: {len(cases.persons)} persons, {len(cases.facilities)} facilities")
    except ImportError:
        print(f"{OUT}: written (eldercare not importable, not checked)")


if __name__ == "__main__":
    main()
