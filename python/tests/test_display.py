"""How results print: the C++ explanation in a terminal, an HTML table in Jupyter, JSON-ready dicts."""

from __future__ import annotations

import json

import eldercare as ec
from conftest import jjm_rule, xicheng_elder


def decision(facilities: ec.FacilityRegistry, on: str, title: str = "赴津冀蒙异地康养") -> ec.Decision:
    policy = ec.Policy("test.xicheng", title, [ec.PolicyVersion("2020", "2020-06-01", [jjm_rule()])])
    return ec.evaluate(policy, xicheng_elder([ec.Stay("HB1", "2023-02-28")]), on, facilities)


def test_str_is_the_cpp_explanation(facilities: ec.FacilityRegistry) -> None:
    d = decision(facilities, "2023-05-27")
    assert str(d) == d.explain() == d._impl.explain()
    assert str(d).splitlines()[0] == "test.xicheng — 赴津冀蒙异地康养"
    assert repr(d) == "<Decision test.xicheng for p1 on 2023-05-27: not eligible>"
    assert repr(decision(facilities, "2023-05-28")) == (
        "<Decision test.xicheng for p1 on 2023-05-28: eligible for 600.00 yuan per month>"
    )


def test_html_table(facilities: ec.FacilityRegistry) -> None:
    html = decision(facilities, "2023-05-27", title="<b>not bold</b>")._repr_html_()
    assert html.startswith('<div class="eldercare-decision">') and html.endswith("</table></div>")
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html  # text is escaped
    assert "NOT ELIGIBLE" in html and "would be eligible on 2023-05-28" in html
    assert html.count("<tr>") == 5  # the header, then a row per condition: the group, hukou, age, stay
    assert "padding-left:2.5em" in html  # the leaves sit under their group
    assert "would be met on 2023-05-28" in html
    assert "continuous_stay.since = 2023-02-28" in html
    assert "ELIGIBLE</b> for 600.00 yuan per month" in decision(facilities, "2023-06-01")._repr_html_()


def test_not_in_force_renders_the_note(facilities: ec.FacilityRegistry) -> None:
    html = decision(facilities, "2019-01-01")._repr_html_()
    assert "not in force on 2019-01-01" in html and "<table>" not in html


def test_to_dict_is_json_ready(facilities: ec.FacilityRegistry) -> None:
    d = decision(facilities, "2023-05-27").to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert (d["person"], d["eligible"], d["amount_fen"], d["would_be_eligible_on"]) == ("p1", False, 0, "2023-05-28")
    assert [r["passed"] for r in d["rules"][0]["reasons"]] == [False, True, True, False]


def test_schedule_display(facilities: ec.FacilityRegistry) -> None:
    policy = ec.Policy("test.xicheng", "t", [ec.PolicyVersion("2020", "2020-06-01", [jjm_rule()])])
    s = policy.schedule(xicheng_elder([ec.Stay("HB1", "2023-02-28")]), "2023-04-01", "2023-06-30", facilities)
    assert repr(s) == "<Schedule test.xicheng for p1: 3 months, total 1200.00 yuan>"
    assert "<td>2023-05</td>" in s._repr_html_()
