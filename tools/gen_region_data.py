#!/usr/bin/env python3
"""Generate include/eldercare/region/detail/region_data.hpp: every division code of China, with history.

Usage:
    python3 tools/gen_region_data.py GB2260_GIT_DIR > include/eldercare/region/detail/region_data.hpp
    python3 tools/gen_region_data.py GB2260_GIT_DIR --report     # the inference, case by case

GB2260_GIT_DIR is a clone (bare or not) of https://github.com/cn/GB2260 that has commit LISTS_COMMIT.
The script reads, with `git show LISTS_COMMIT:<path>`:
  * mca/198012.tsv ... mca/202112.tsv (78 files): the Ministry of Civil Affairs' lists of county-level
    and above division codes (县级以上行政区划代码), each dated by the month in its file name. Rows are
    "Source<TAB>Revision<TAB>Code<TAB>Name". 202112.tsv's Revision column reads 202012 but the file
    has the 2021 changes (410307 偃师区, 431181 祁阳市): the file name is taken as its date.
  * 200712.tsv (GB/T 2260-2007) and 200212.tsv (GB/T 2260-2002): names of the roll-up codes that the
    MCA lists never print (110100 市辖区, 110200 县, 429000 省直辖县级行政单位, 500300 市 ...).
Why LISTS_COMMIT and not the `develop` branch (DEVELOP_COMMIT, lists up to 201904): the merged pull
request re-scraped the lists from the MCA's own pages (its commit ef5db41 "以民政部行政区划代码数据为准").
Both agree from 2006-12 on except 2011-12, where develop's file already has 2012's changes (320508
姑苏区, 460300 三沙市) and duplicated codes; they disagree on many codes of the 1980s, where the MCA
pages were followed. The lists' own errors are corrected in ERRATA below, each with its reason.

What the generated table holds for every 6-digit code that any list has:
  * its periods: spans of consecutive lists in which it appears under one name. A period starts at
    the month of the first list that has it and ends at the month of the first list that no longer
    has it (or renames it). The lists are yearly (monthly in 2015-2018): a change is dated by the
    first list that shows it, and the real date lies between that list and the one before.
  * for a period that ends because the code left the lists (abolished, merged, renumbered), its
    successors: the codes that took over its area, either inferred from the lists (infer_successors
    below), or listed by hand in HAND_SUCCESSORS with their sources, or unknown.
Codes that no list prints but that the digits need (the prefecture of a county, e.g. 419000 for
419001 济源市, and the municipal roll-ups 110100 ...) are added as synthetic rows (SYNTHETIC_NAMES),
in force while some code below them is. Township (9-digit) names are the hand list TOWNSHIPS.

The encoding is compact on purpose: one string of names and a few integer arrays, no array of
structs, no static_assert walking the table (the umbrella header must compile fast). The checks a
static_assert used to make are made here (check_table) and by tests/cpp/region_region_table_test.cpp.
"""

from __future__ import annotations

import collections
import subprocess
import sys

SOURCE_REPO = "cn/GB2260"
LISTS_COMMIT = "8bd12eee4f2b096f09f855459db317ecfbc5ba21"  # merged PR: mca/198012 ... mca/202112
DEVELOP_COMMIT = "1173e8b57b1ac265f3c79099bfab8f1aea4811a1"  # develop: compared, not read
GB_2007 = "200712.tsv"  # GB/T 2260-2007
GB_2002 = "200212.tsv"  # GB/T 2260-2002

# --- corrections to the lists --------------------------------------------------------------------
# (list month, code, name or None to drop, reason). Applied before anything else.
ERRATA = [
    ("201503", "130103", None,
     "石家庄 桥东区 was abolished in 2014: absent from 201412, 201501, 201502 and from 201504 on; "
     "201503 alone lists it"),
    ("201904", "371200", None, "莱芜市 was abolished in 2019-01 (国务院批复, 新华社 2019-01-09); "
                               "201812 and 201912 both lack it, 201904 alone lists it"),
    ("201904", "371202", None, "as 371200: 201904 alone lists 莱城区 after 2018-12"),
    ("201904", "371203", None, "as 371200: 201904 alone lists 莱芜市 钢城区 after 2018-12"),
    ("201904", "370116", "莱芜区", "201812 and 201912 list 济南市 莱芜区; 201904 alone lacks it"),
    ("201904", "370117", "钢城区", "201812 and 201912 list 济南市 钢城区; 201904 alone lacks it"),
    ("201605", "510181", "都江堰市", "listed 199512-201604 and from 201607 on; 201605 and 201606 "
                                   "print 510180 简阳市 in its place"),
    ("201606", "510181", "都江堰市", "as 201605"),
]

# --- successors listed by hand -------------------------------------------------------------------
# (code, first list without it, successors, source). They settle what the inference cannot (a code
# merged into one that already existed, a new name that does not contain the old one) and override
# it where both speak. A successor must be in force in that list.
HAND_SUCCESSORS = [
    ("110103", "201012", ["110101"], "国函〔2010〕55号: 撤销东城区、崇文区, 设立新的东城区"),
    ("110104", "201012", ["110102"], "国函〔2010〕55号: 撤销西城区、宣武区, 设立新的西城区"),
    ("320103", "201312", ["320104"], "国函〔2013〕24号 (地图函〔2013〕24号): 以原秦淮区、白下区的行政区域为新的秦淮区"),
    ("320107", "201312", ["320106"], "国函〔2013〕24号: 以原鼓楼区、下关区的行政区域为新的鼓楼区"),
    ("440102", "200512", ["440104"], "国函〔2005〕35号: 将原东山区的行政区域划归越秀区管辖"),
    ("440107", "200512", ["440103"], "国函〔2005〕35号: 将原芳村区的行政区域划归荔湾区管辖"),
    ("440116", "201412", ["440112"], "国务院批复 2014-02 (广东省政府转发 2014-02-12): 撤销黄埔区、萝岗区, 设立新的黄埔区"),
    ("310102", "200012", ["310101"], "光明日报 2000-07-02: 经国务院批准, 黄浦、南市二区撤二建一, 新的黄浦区成立"),
    ("310103", "201112", ["310101"], "新华网 2011-06-08: 国务院批复, 撤销黄浦区、卢湾区, 设立新的黄浦区"),
    ("310108", "201512", ["310106"], "上海市政府 2015-11-04 (国务院批复): 撤销闸北区、静安区, 设立新的静安区"),
    ("310119", "200912", ["310115"], "东方早报 2009-05-07: 国务院批复撤销南汇区, 将其行政区域并入浦东新区"),
    ("120107", "200912", ["120116"], "国函〔2009〕125号: 以原塘沽区、汉沽区、大港区的行政区域为滨海新区"),
    ("120108", "200912", ["120116"], "国函〔2009〕125号 (as 120107)"),
    ("120109", "200912", ["120116"], "国函〔2009〕125号 (as 120107)"),
    ("330103", "202112", ["330105"], "浙江省人民政府 2021-03-11 (国务院批复): 以原下城区、拱墅区的行政区域为新的拱墅区"),
    ("330104", "202112", ["330102", "330114"],
     "浙江省人民政府 2021-03-11: 原江干区 (不含下沙、白杨街道) 并入新的上城区; 下沙、白杨街道入钱塘区"),
    ("370205", "201212", ["370203"], "中国青年报 2012-12-03 (国务院批复): 以原市北区、四方区的行政区域为新的市北区"),
    ("370284", "201212", ["370211"], "中国青年报 2012-12-03: 以原黄岛区、县级胶南市的行政区域为新的黄岛区"),
    ("320502", "201212", ["320508"], "国函〔2012〕102号: 以原沧浪区、平江区、金阊区的行政区域为姑苏区"),
    ("320503", "201212", ["320508"], "国函〔2012〕102号 (as 320502)"),
    ("320504", "201212", ["320508"], "国函〔2012〕102号 (as 320502)"),
    ("500222", "201112", ["500110"], "经济日报 2011-12-27: 撤销万盛区、綦江县, 设立綦江区 (500110, formerly 万盛区)"),
    ("500225", "201112", ["500111"], "经济日报 2011-12-27: 撤销双桥区、大足县, 设立大足区 (500111, formerly 双桥区)"),
    ("371202", "201812", ["370116"], "国务院批复 (新华社 2019-01-09): 以原莱芜市莱城区的行政区域为济南市莱芜区"),
    ("610125", "201612", ["610118"], "DOMAIN.md B.2 [V]: 户县 became 鄠邑区 (MCA list of 2016-12)"),
    # Roll-ups (synthetic rows, in no list): a municipality's 县 (or 市) group ends when its last county
    # (or city) becomes a district (GB/T 2260 structure; the MCA lists show no code under it after
    # these months). Other synthetic groupings (省直辖县级行政单位) are not areas: no successor.
    ("110200", "201511", ["110100"], "GB/T 2260 roll-up: 密云县/延庆县 became districts of 110100 (2015-11 list)"),
    ("120200", "201612", ["120100"], "GB/T 2260 roll-up: 蓟县 became 蓟州区 of 120100 (2016-12 list)"),
    ("310200", "201608", ["310100"], "GB/T 2260 roll-up: 崇明县 became 崇明区 of 310100 (2016-08 list)"),
    ("500300", "200612", ["500100"], "GB/T 2260-2002 roll-up 市: its cities 500381-500384 became districts of 500100 (2006-12 list)"),
]

# --- codes no list prints ------------------------------------------------------------------------
# Names for prefecture digits that the lists need but never name. GB/T 2260-2007 and -2002 name
# most (read from the files); the rest are named here.
SYNTHETIC_NAMES = {
    "province_administered": "省直辖县级行政单位",  # the MCA's own term for 429000 and 469000
    "unnamed": "未列名地级单位",  # prefecture digits of codes listed without their prefecture row
}

# --- townships -----------------------------------------------------------------------------------
# Township (乡镇/街道) names: 9-digit NBS statistical codes from
# modood/Administrative-divisions-of-China dist/streets.csv (commit
# 0b7fd75e6bd8fef6c63d7f02cfaf0a39b33fc199; DOMAIN.md B.2 describes it as the NBS 2023 edition). Names
# only: a 9-digit code whose county is in force is accepted whether or not it is listed here.
TOWNSHIPS = [
    # 房山区 110111: every town in the file. Which of them are mountain towns (生态涵养区) is NOT known.
    (110111001, "城关街道"), (110111002, "新镇街道"), (110111004, "向阳街道"), (110111005, "东风街道"),
    (110111006, "迎风街道"), (110111007, "星城街道"), (110111008, "良乡地区"), (110111009, "周口店地区"),
    (110111010, "琉璃河地区"), (110111011, "拱辰街道"), (110111012, "西潞街道"), (110111101, "阎村镇"),
    (110111103, "窦店镇"), (110111104, "石楼镇"), (110111105, "长阳镇"), (110111107, "河北镇"),
    (110111108, "长沟镇"), (110111109, "大石窝镇"), (110111110, "张坊镇"), (110111111, "十渡镇"),
    (110111112, "青龙湖镇"), (110111115, "韩村河镇"), (110111208, "霞云岭乡"), (110111209, "南窖乡"),
    (110111210, "佛子庄乡"), (110111211, "大安山乡"), (110111212, "史家营乡"), (110111213, "蒲洼乡"),
    # 昌平区 110114: every town in the file (same caveat).
    (110114001, "城北街道"), (110114002, "南口地区"), (110114003, "马池口地区"), (110114004, "沙河地区"),
    (110114005, "城南街道"), (110114007, "东小口地区"), (110114008, "天通苑北街道"),
    (110114009, "天通苑南街道"), (110114010, "霍营街道"), (110114011, "回龙观街道"),
    (110114012, "龙泽园街道"), (110114013, "史各庄街道"), (110114104, "阳坊镇"), (110114110, "小汤山镇"),
    (110114111, "南邵镇"), (110114112, "崔村镇"), (110114113, "百善镇"), (110114115, "北七家镇"),
    (110114116, "兴寿镇"), (110114118, "流村镇"), (110114119, "十三陵镇"), (110114120, "延寿镇"),
    # 西咸新区 member towns named in DOMAIN.md B.2 (an older list, tagged [C]), matched by name.
    (610112002, "三桥街道"), (610112008, "六村堡街道"),
    (610116005, "王寺街道"), (610116006, "马王街道"), (610116010, "斗门街道"), (610116020, "高桥街道"),
    (610118005, "大王街道"),
    (610402005, "陈杨寨街道"), (610402008, "钓台街道"), (610402011, "双照街道"),
    (610404005, "渭城街道"), (610404006, "窑店街道"), (610404007, "正阳街道"), (610404008, "周陵街道"),
    (610404009, "底张街道"), (610404010, "北杜街道"),
    (610423001, "泾干街道"), (610423101, "永乐镇"), (610423108, "高庄镇"), (610423111, "太平镇"),
    (610423112, "崇文镇"),
    (610481106, "南位镇"),  # only partly inside 西咸新区
]

# How a period ends (the C++ enum region_table::period_end has the same values).
IN_FORCE, RENAMED, INFERRED, BY_HAND, UNKNOWN = range(5)

# Name endings stripped to compare 文登市 with 文登区, 密云县 with 密云区 (longest first).
SUFFIXES = sorted(["自治县", "自治旗", "自治州", "地区", "特区", "林区", "区", "县", "市", "旗", "盟"],
                  key=len, reverse=True)


# --- reading -------------------------------------------------------------------------------------


def git_show(git_dir: str, path: str) -> str:
    out = subprocess.run(["git", "-C", git_dir, "show", f"{LISTS_COMMIT}:{path}"], check=True,
                         capture_output=True)
    return out.stdout.decode("utf-8")


def parse_tsv(text: str, source: str, path: str) -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.rstrip("\r").split("\t")
        if fields[0] != source:
            continue  # the header
        if len(fields) != 4:
            raise SystemExit(f"{path}: unexpected row {line!r}")
        code, name = fields[2].strip(), fields[3].strip()
        if len(code) != 6 or not code.isdigit() or not name:
            raise SystemExit(f"{path}: bad code or name in {line!r}")
        if code in rows:
            raise SystemExit(f"{path}: code {code} twice")
        rows[code] = name
    return rows


def read_sources(git_dir: str):
    listing = subprocess.run(["git", "-C", git_dir, "ls-tree", "--name-only", LISTS_COMMIT, "mca/"],
                             check=True, capture_output=True, text=True).stdout.split()
    months = sorted(p[len("mca/"):-len(".tsv")] for p in listing if p.endswith(".tsv"))
    lists = {m: parse_tsv(git_show(git_dir, f"mca/{m}.tsv"), "mca", f"mca/{m}.tsv") for m in months}
    gb = {}
    for path in (GB_2002, GB_2007):  # 2007 last: its names win
        gb.update(parse_tsv(git_show(git_dir, path), "gb", path))
    return months, lists, gb


def apply_errata(lists: dict[str, dict[str, str]]) -> None:
    for month, code, name, _reason in ERRATA:
        rows = lists[month]
        if name is None:
            if code not in rows:
                raise SystemExit(f"erratum: {code} is not in {month}")
            del rows[code]
        else:
            if code in rows:
                raise SystemExit(f"erratum: {code} is already in {month}")
            rows[code] = name


# --- history -------------------------------------------------------------------------------------


def level(code: str) -> str:
    return "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"


def stem(name: str) -> str:
    for s in SUFFIXES:
        if name.endswith(s) and len(name) > len(s):
            return name[: -len(s)]
    return name


class Period:
    def __init__(self, start: int, name: str):
        self.start = start  # index of the first list
        self.end: int | None = None  # index of the first list without it (None: in the newest)
        self.name = name
        self.kind = IN_FORCE
        self.successors: list[str] = []
        self.source = ""


def build_periods(months, lists) -> dict[str, list[Period]]:
    periods: dict[str, list[Period]] = {}
    for i, m in enumerate(months):
        previous = lists[months[i - 1]] if i > 0 else {}
        for code, name in lists[m].items():
            ps = periods.setdefault(code, [])
            if code in previous and previous[code] == name:
                continue
            if code in previous:  # same code, new name
                ps[-1].end, ps[-1].kind = i, RENAMED
            ps.append(Period(i, name))
        for code in previous:
            if code not in lists[m]:
                p = periods[code][-1]
                p.end, p.kind = i, UNKNOWN  # abolished; successors inferred below
    return periods


def add_synthetic(months, lists, gb, periods) -> dict[str, str]:
    """Rows for the province and prefecture digits of listed codes that no list prints."""
    added: dict[str, str] = {}
    needed: dict[str, set[int]] = collections.defaultdict(set)  # parent -> lists where a child is
    for i, m in enumerate(months):
        for code in lists[m]:
            for parent in (code[:2] + "0000", code[:4] + "00"):
                if parent != code:
                    needed[parent].add(i)
    for parent, present in sorted(needed.items()):
        if parent in periods:
            continue
        if parent in gb:
            name, why = gb[parent], "GB/T 2260-2007 or -2002"
        elif parent[2:4] == "90":
            name, why = SYNTHETIC_NAMES["province_administered"], "synthetic (the MCA's term)"
        else:
            name, why = SYNTHETIC_NAMES["unnamed"], "synthetic"
        added[parent] = why
        ps: list[Period] = []
        for i in sorted(present):  # in force while a child is listed: one period per run of lists
            if ps and ps[-1].end == i:
                ps[-1].end = i + 1
            else:
                ps.append(Period(i, name))
                ps[-1].end = i + 1
        for p in ps:
            if p.end == len(months):
                p.end = None
            else:
                p.kind = UNKNOWN
        periods[parent] = ps
    return added


def infer_successors(months, lists, periods) -> dict[tuple[str, int], str]:
    """Successors of codes that leave the lists, from the lists alone. Returns the rule used per
    (code, list index).

    Within one change of lists (list i-1 -> list i), `gone` are the codes that leave and `new` the
    codes that arrive. In order, the first rule that gives exactly one candidate decides:
      1. same name, same prefecture digits (a renumbering: 香坊区 230106 -> 230110);
      2. same name, same province, the name unique among the province's gone and new codes and not a
         generic district name (城区, 郊区 ...): a prefecture renumbered (唐山地区's counties, 2003's
         地改市);
      3. the name without its ending (文登市 -> 文登) contained in a new name, same or renumbered
         prefecture, same level, the new code not taken by rules 1-2 (县改市, 县改区: 密云县 -> 密云区);
      4. the same, anywhere in the province, unique both ways and not generic;
      5. a county-level city whose name became a new prefecture-level city: the one new district (a
         name ending in 区) of that prefecture (忻州市 142201 -> 忻府区 140902, 2000);
      6. a prefecture-level code: the prefectures its counties went to (巢湖市 341400 -> 合肥, 芜湖,
         马鞍山 in 2011), after the counties are settled.
    Anything else is unknown unless HAND_SUCCESSORS lists it.
    """
    rules: dict[tuple[str, int], str] = {}
    # Generic names: one list has them in two prefectures of the same province (城区, 郊区, 新华区).
    generic_in: dict[str, set[str]] = collections.defaultdict(set)  # province digits -> names
    for m in months:
        seen: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
        for code, name in lists[m].items():
            if level(code) == "county":
                seen[(code[:2], name)].add(code[:4])
        for (province, name), prefectures in seen.items():
            if len(prefectures) >= 2:
                generic_in[province].add(name)

    def generic(name: str, code: str) -> bool:
        return name in generic_in[code[:2]]

    for i in range(1, len(months)):
        before, after = lists[months[i - 1]], lists[months[i]]
        gone = [c for c in before if c not in after]
        new = [c for c in after if c not in before]
        found: dict[str, tuple[list[str], str]] = {}
        taken: set[str] = set()

        def settle(code, successors, rule):
            found[code] = (successors, rule)
            taken.update(successors)

        # Prefecture digits that renumbered codes moved between (votes from rule 1-2 matches).
        moved: dict[str, set[str]] = collections.defaultdict(set)
        for d in gone:
            for c in new:
                if before[d] == after[c] and c[:2] == d[:2] and not generic(before[d], d):
                    moved[d[:4]].add(c[:4])

        def same_or_moved(d, c):
            return c[:4] == d[:4] or c[:4] in moved[d[:4]]

        order = sorted(gone, key=lambda c: (level(c) != "county", c))  # counties first
        for d in order:
            if level(d) == "province":
                continue
            name = before[d]
            cands = [c for c in new if after[c] == name and c[:4] == d[:4] and level(c) == level(d)]
            if len(cands) == 1:
                settle(d, cands, "same name, same prefecture")
                continue
            if not generic(name, d):
                cands = [c for c in new if after[c] == name and c[:2] == d[:2] and level(c) == level(d)]
                gone_same = [g for g in gone if before[g] == name and g[:2] == d[:2]]
                if len(cands) == 1 and len(gone_same) == 1:
                    settle(d, cands, "same name, same province")
        for d in order:
            if d in found or level(d) == "province":
                continue
            name, s = before[d], stem(before[d])
            if generic(name, d) or not s:
                continue
            cands = [c for c in new if c not in taken and s in after[c] and level(c) == level(d)
                     and same_or_moved(d, c)]
            if len(cands) == 1:
                settle(d, cands, "name contained, same prefecture")
                continue
            cands = [c for c in new if c not in taken and s in after[c] and level(c) == level(d)
                     and c[:2] == d[:2] and not generic(after[c], c)]
            rivals = [g for g in gone if g != d and g not in found and g[:2] == d[:2]
                      and len(cands) == 1 and stem(before[g]) in after[cands[0]]]
            if len(cands) == 1 and not rivals:
                settle(d, cands, "name contained, same province")
                continue
            if level(d) == "county" and d[4:6] != "00":
                city = [c for c in new if level(c) == "prefecture" and after[c] == name and c[:2] == d[:2]]
                if len(city) == 1:
                    districts = [c for c in new if c[:4] == city[0][:4] and 1 <= int(c[4:]) <= 20
                                 and after[c].endswith("区")]
                    if len(districts) == 1 and districts[0] not in taken:
                        settle(d, districts, "city became the district of the new prefecture-level city")
        for d in order:
            if d in found or level(d) != "prefecture":
                continue
            children = [g for g in gone if g[:4] == d[:4] and g != d and g in found]
            targets = sorted({s[:4] + "00" for g in children for s in found[g][0]})
            targets = [t for t in targets if t in after]
            if targets and all(s[:4] + "00" in targets for g in children for s in found[g][0]):
                settle(d, targets, "where its counties went")
        for d, (successors, rule) in found.items():
            p = periods[d][-1] if periods[d][-1].end == i else next(x for x in periods[d] if x.end == i)
            p.kind, p.successors, p.source = INFERRED, successors, rule
            rules[(d, i)] = rule
    return rules


def apply_hand(months, periods) -> list[str]:
    notes = []
    index = {m: i for i, m in enumerate(months)}
    for code, month, successors, source in HAND_SUCCESSORS:
        i = index[month]
        matching = [p for p in periods.get(code, []) if p.end == i and p.kind != RENAMED]
        if len(matching) != 1:
            raise SystemExit(f"hand successor: {code} does not leave the lists in {month}")
        p = matching[0]
        if p.kind == INFERRED:
            agree = "agrees" if p.successors == successors else f"inferred {p.successors}"
            notes.append(f"{code} {month}: hand {successors} ({agree})")
        p.kind, p.successors, p.source = BY_HAND, successors, source
    return notes


def in_force_at(periods, code: str, i: int) -> bool:
    return any(p.start <= i and (p.end is None or i < p.end) for p in periods.get(code, []))


# --- checks --------------------------------------------------------------------------------------


def check_table(months, periods) -> None:
    """What region_table.hpp's static_asserts used to check, and what history adds."""
    codes = sorted(periods)
    for code in codes:
        n = int(code)
        if not 110000 <= n <= 999999:
            raise SystemExit(f"{code}: not 6 digits")
        if 71 <= n % 100 <= 79 and n % 10000 != 0:
            raise SystemExit(f"{code}: NBS development-zone digits")
        if code[:2] + "0000" not in periods:
            raise SystemExit(f"{code}: no province row")
        if level(code) == "county" and code[:4] + "00" not in periods:
            raise SystemExit(f"{code}: no prefecture row")
        ps = periods[code]
        if not ps:
            raise SystemExit(f"{code}: no period")
        for a, b in zip(ps, ps[1:]):
            if a.end is None or a.end > b.start or a.start >= a.end:
                raise SystemExit(f"{code}: periods overlap or are out of order")
            if (a.kind == RENAMED) != (a.end == b.start and a.name != b.name):
                raise SystemExit(f"{code}: a rename must join two periods with different names")
        for p in ps:
            if not p.name or ("\\" in p.name) or ('"' in p.name):
                raise SystemExit(f"{code}: bad name {p.name!r}")
            if (p.end is None) != (p.kind == IN_FORCE):
                raise SystemExit(f"{code}: open period must be in force, and only it")
            if p.kind in (INFERRED, BY_HAND):
                if not p.successors:
                    raise SystemExit(f"{code}: no successors")
                for s in p.successors:
                    if s == code or not in_force_at(periods, s, p.end):
                        raise SystemExit(f"{code}: successor {s} not in force in {months[p.end]}")
            elif p.successors:
                raise SystemExit(f"{code}: successors on a period that was not abolished")
    for town, name in TOWNSHIPS:
        county = str(town // 1000)
        if town % 1000 == 0 or county not in periods or periods[county][-1].end is not None or not name:
            raise SystemExit(f"township {town}: its county must be in force")


# --- output --------------------------------------------------------------------------------------


def month_number(yyyymm: str) -> int:
    return int(yyyymm[:4]) * 12 + int(yyyymm[4:]) - 1


def wrap(values, per_line=16, indent="    "):
    vals = [str(v) for v in values]
    return "\n".join(indent + ", ".join(vals[i : i + per_line]) + "," for i in range(0, len(vals), per_line))


def emit(months, periods, synthetic, stats) -> str:
    codes = sorted(periods)
    names: list[str] = []
    name_index: dict[str, int] = {}
    for code in codes:
        for p in periods[code]:
            if p.name not in name_index:
                name_index[p.name] = len(names)
                names.append(p.name)
    towns = sorted(TOWNSHIPS)
    for _, name in towns:
        if name not in name_index:
            name_index[name] = len(names)
            names.append(name)
    offsets = [0]
    for n in names:
        offsets.append(offsets[-1] + len(n.encode("utf-8")))

    code_periods, p_from, p_until, p_name, p_kind, p_succ, succ_codes = [0], [], [], [], [], [0], []
    for code in codes:
        for p in periods[code]:
            p_from.append(month_number(months[p.start]))
            p_until.append(0 if p.end is None else month_number(months[p.end]))
            p_name.append(name_index[p.name])
            p_kind.append(p.kind)
            succ_codes.extend(int(s) for s in p.successors)
            p_succ.append(len(succ_codes))
        code_periods.append(len(p_from))
    for limit, what in ((len(names), "names"), (offsets[-1], "name bytes"), (len(p_from), "periods"),
                        (len(succ_codes), "successors")):
        if limit >= 65535:
            raise SystemExit(f"too many {what} for 16-bit indices")

    out = []
    w = out.append
    w("#pragma once")
    w("// GENERATED by tools/gen_region_data.py -- do not edit by hand; rerun the script instead.")
    w("// Generated tables, one entry per line: not reformatted.\n// clang-format off")
    w("//")
    w("// Every county-level-and-above division code of China since 1980, with its history: names and")
    w("// periods in force, and successors when it was abolished. Read through region_table.hpp.")
    w("// Sources (data only; the generator is this project's own):")
    w(f"//  * https://github.com/{SOURCE_REPO} at commit {LISTS_COMMIT}: the MCA lists")
    w(f"//    mca/{months[0]}.tsv ... mca/{months[-1]}.tsv, {len(months)} files:")
    for k in range(0, len(months), 12):
        w("//      " + " ".join(months[k : k + 12]))
    w(f"//    The develop branch ({DEVELOP_COMMIT}, lists to 201904) was compared, not used;")
    w("//    see the generator. Corrections to the lists: ERRATA in the generator, with reasons.")
    w(f"//  * the same commit's {GB_2007} (GB/T 2260-2007) and {GB_2002} (GB/T 2260-2002): names of")
    w("//    the roll-up codes the MCA lists never print.")
    w("//  * successors: inferred from the lists (rules in the generator's infer_successors), or listed by")
    w("//    hand with sources (HAND_SUCCESSORS).")
    w("//  * townships: NBS codes from modood/Administrative-divisions-of-China dist/streets.csv (commit")
    w("//    0b7fd75e6bd8fef6c63d7f02cfaf0a39b33fc199); names only, a partial list.")
    w(f"// {len(codes)} codes ({stats['synthetic']} synthetic), {len(p_from)} periods, {len(names)} names.")
    w(f"// {stats['abolished']} abolitions: successors inferred for {stats[INFERRED]}, listed by hand for "
      f"{stats[BY_HAND]}, unknown for {stats[UNKNOWN]}.")
    w("")
    w("#include <cstdint> // std::uint8_t, std::uint16_t, std::uint32_t arrays")
    w("")
    w("namespace eldercare::detail::region_data {")
    w("")
    w("// Months are year * 12 + (month - 1): 1980-12 is 23771.")
    w(f"inline constexpr std::uint16_t list_months[{len(months)}] = {{")
    w(wrap([month_number(m) for m in months]))
    w("};")
    w("")
    w(f"/// All names, UTF-8, one after another; name k is [name_offsets[k], name_offsets[k + 1]).")
    w("inline constexpr char names[] =")
    line = ""
    for n in names:
        if len(line.encode("utf-8")) > 80:
            w(f'    "{line}"')
            line = ""
        line += n
    w(f'    "{line}";')
    w(f"inline constexpr std::uint16_t name_offsets[{len(offsets)}] = {{")
    w(wrap(offsets, 12))
    w("};")
    w("")
    w(f"/// The {len(codes)} codes, ascending; code i has periods [code_periods[i], code_periods[i + 1]).")
    w(f"inline constexpr std::uint32_t codes[{len(codes)}] = {{")
    w(wrap([int(c) for c in codes], 12))
    w("};")
    w(f"inline constexpr std::uint16_t code_periods[{len(code_periods)}] = {{")
    w(wrap(code_periods))
    w("};")
    w("")
    w("/// Per period: first month, end month (0: still in the newest list), name index, how it ended")
    w("/// (region_table::period_end), and its successors [period_successors[k], period_successors[k + 1]).")
    w(f"inline constexpr std::uint16_t period_from[{len(p_from)}] = {{")
    w(wrap(p_from))
    w("};")
    w(f"inline constexpr std::uint16_t period_until[{len(p_until)}] = {{")
    w(wrap(p_until))
    w("};")
    w(f"inline constexpr std::uint16_t period_name[{len(p_name)}] = {{")
    w(wrap(p_name))
    w("};")
    w(f"inline constexpr std::uint8_t period_end[{len(p_kind)}] = {{")
    w(wrap(p_kind, 32))
    w("};")
    w(f"inline constexpr std::uint16_t period_successors[{len(p_succ)}] = {{")
    w(wrap(p_succ))
    w("};")
    w(f"inline constexpr std::uint32_t successor_codes[{len(succ_codes)}] = {{")
    w(wrap(succ_codes, 12))
    w("};")
    w("")
    w(f"/// {len(towns)} township codes (9 digits, ascending) and their name indices.")
    w(f"inline constexpr std::uint32_t township_codes[{len(towns)}] = {{")
    w(wrap([t for t, _ in towns], 10))
    w("};")
    w(f"inline constexpr std::uint16_t township_names[{len(towns)}] = {{")
    w(wrap([name_index[n] for _, n in towns]))
    w("};")
    w("")
    w("} // namespace eldercare::detail::region_data")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--report"):
        raise SystemExit(__doc__)
    months, lists, gb = read_sources(argv[1])
    apply_errata(lists)
    periods = build_periods(months, lists)
    synthetic = add_synthetic(months, lists, gb, periods)
    rules = infer_successors(months, lists, periods)
    notes = apply_hand(months, periods)
    check_table(months, periods)

    stats = collections.Counter()
    stats["synthetic"] = len(synthetic)
    for ps in periods.values():
        for p in ps:
            if p.kind in (INFERRED, BY_HAND, UNKNOWN):
                stats["abolished"] += 1
                stats[p.kind] += 1
    if len(argv) == 3:
        by_rule = collections.Counter(rules.values())
        print(f"{len(periods)} codes, {len(months)} lists, {len(synthetic)} synthetic rows")
        print(f"abolitions {stats['abolished']}: inferred {stats[INFERRED]}, by hand {stats[BY_HAND]}, "
              f"unknown {stats[UNKNOWN]}")
        for rule, n in by_rule.most_common():
            print(f"  {n:5d}  {rule}")
        print("hand entries that the inference also decided:")
        for n in notes:
            print("  " + n)
        print("synthetic rows:", ", ".join(f"{c} ({w})" for c, w in sorted(synthetic.items())))
        print("abolitions, by list (code name -> successors [rule]):")
        for code in sorted(periods):
            for p in periods[code]:
                if p.kind in (INFERRED, BY_HAND, UNKNOWN):
                    succ = ", ".join(f"{s} {periods[s][-1].name}" for s in p.successors) or "?"
                    print(f"  {months[p.end]} {code} {p.name} -> {succ} [{p.source or 'unknown'}]")
        return
    sys.stdout.write(emit(months, periods, synthetic, stats))


if __name__ == "__main__":
    main(sys.argv)
