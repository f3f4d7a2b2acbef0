"""The stable error ids are documented on one page, docs/errors.md, which agrees with the C++ enum
(include/eldercare/core/error.hpp), Python's ErrorId and the compiled core; and messages read as the
page says: text quoted once, numbers unquoted, a wrong type with its own id and its repr."""

from __future__ import annotations

import re
from typing import Dict

import pytest

import eldercare as ec
from conftest import ROOT
from eldercare import _core
from eldercare.simulate import simulate

PAGE = ROOT / "docs" / "errors.md"
HEADER = ROOT / "include" / "eldercare" / "core" / "error.hpp"


def enum_in_header() -> Dict[str, int]:
    """`name = id` of `enum class error_id` as the header declares it."""
    text = HEADER.read_text(encoding="utf-8")
    body = re.search(r"enum class error_id : int \{(.*?)\};", text, re.S)
    assert body is not None, "error.hpp has no `enum class error_id : int { ... };`"
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\s*(\w+)\s*=\s*(\d+)", body.group(1), re.M)}


def ids_on_the_page() -> Dict[str, int]:
    """`name: id` of the page's tables (rows `| 101 | `invalid_date` | ... |`)."""
    rows = re.findall(r"^\| (\d{3}) \| `(\w+)` \| .+ \|$", PAGE.read_text(encoding="utf-8"), re.M)
    return {name: int(number) for number, name in rows}


def test_the_page_lists_every_id_of_the_header_and_nothing_else() -> None:
    header = enum_in_header()
    assert len(header) >= 17 and header["invalid_type"] == 114
    assert ids_on_the_page() == header


def test_python_and_the_core_have_the_same_ids_as_the_header() -> None:
    header = enum_in_header()
    assert {m.name.lower(): m.value for m in ec.ErrorId} == header
    assert dict(_core.error_ids) == header


def test_the_page_is_in_the_documentation_site() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert re.search(r"^errors$", index, re.M), "docs/errors.md is in no toctree of docs/index.md"


def test_the_pages_examples_are_quoted_from_a_checked_snippet() -> None:
    # docs/snippets/api/error_messages.py raises each error and checks its message (test_doc_snippets
    # runs it); the page quotes its list.
    page = PAGE.read_text(encoding="utf-8")
    assert "{literalinclude} snippets/api/error_messages.py" in page
    snippet = (ROOT / "docs" / "snippets" / "api" / "error_messages.py").read_text(encoding="utf-8")
    assert "[eldercare.invalid_value.114]" in snippet.split("# [end:messages]")[0]


# --- values quoted once, numbers unquoted, InvalidType's own id ------------------------------------------


def test_a_wrong_type_has_its_own_id_and_is_quoted_once() -> None:
    with pytest.raises(ec.InvalidType) as e:
        ec.reform("cn.beijing.xicheng.cross_region_care", months={"jin_ji_meng": "2 months"})  # type: ignore[dict-item]
    assert e.value.error_id == ec.ErrorId.INVALID_TYPE
    assert str(e.value).startswith("[eldercare.invalid_value.114] ")
    assert "'2 months'" in str(e.value) and "''2 months''" not in str(e.value)
    # From Python and from C++ alike.
    with pytest.raises(ec.InvalidType) as e:
        ec.evaluate(42, None, "2024-01-01")  # type: ignore[arg-type]
    assert e.value.error_id == ec.ErrorId.INVALID_TYPE and "policy = 42: expected a Policy" in str(e.value)
    with pytest.raises(ec.InvalidType) as e:
        ec.Stay("F1", 20230101)  # type: ignore[arg-type]
    assert e.value.error_id == ec.ErrorId.INVALID_TYPE
    assert str(e.value).startswith("[eldercare.invalid_value.114] stay.admitted = 20230101: ")


@pytest.mark.parametrize(
    ("make", "shown"),
    [
        (lambda: simulate([], None, "2024-01-01", 0), "months = 0: "),
        (lambda: ec.Facility("F1", "131082", beds=2**40), f"facility.beds = {2**40}: "),
        (lambda: ec.to_fen(float("nan")), "amount = nan: "),
        (lambda: ec.to_fen("600.005"), "amount = '600.005': "),
        (lambda: ec.RegionCode(999999), "region = 999999: "),
        (lambda: ec.RegionCode("999999"), "region = '999999': "),
    ],
    ids=["int", "big int", "nan", "text", "code as a number", "code as text"],
)
def test_numbers_are_unquoted_and_text_quoted_once(make, shown: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ec.InvalidValue) as e:
        make()
    assert shown in str(e.value)
    assert e.value.error_id != ec.ErrorId.INVALID_TYPE
