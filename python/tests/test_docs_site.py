"""Rules of the documentation site (docs/) that Sphinx itself does not check.

- No code is typed into a page: code blocks are `{literalinclude}`s of files the test suite compiles
  or runs, and every quoted file and marker exists.
- Each concept page has a table Expression | Returns | Meaning whose expressions appear verbatim in
  that page's snippet files (docs/snippets/concepts/<page>.cpp or .py).
- Every page of the agreed layout exists and is not a placeholder.

The site itself is built, warnings as errors, by `bash docs/build` (the last stage of tests/run).
"""

from __future__ import annotations

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

CONCEPTS = [
    "money", "regions", "residency", "ability", "filing", "stays", "periods", "conditions", "benefits",
    "policies", "decisions", "reforms",
]  # fmt: skip
HOWTOS = [
    "encode-a-local-policy", "cost-a-reform", "simulate-on-dask", "read-an-explanation", "add-a-leaf-condition",
    "add-a-person-fact",
]  # fmt: skip
REQUIRED_PAGES = [
    "index.md",
    "getting-started/cpp.md",
    "getting-started/python.md",
    "concepts/index.md",
    *(f"concepts/{c}.md" for c in CONCEPTS),
    "howto/index.md",
    *(f"howto/{h}.md" for h in HOWTOS),
    "policies/index.md",
    "api/cpp.md",
    "api/python.md",
    "design.md",
    "batch.md",
    "calibration.md",
    "dask.md",
    "rationale.md",
    "changelog.md",
]

# Pages written by the build (git-ignored): generated from the headers, the package, the notebooks.
GENERATED = [DOCS / "api" / "cpp", DOCS / "api" / "python", DOCS / "notebooks"]


def site_pages() -> list[pathlib.Path]:
    return sorted(
        p for p in DOCS.rglob("*.md") if not any(p.is_relative_to(g) for g in GENERATED) and "snippets" not in p.parts
    )


def is_placeholder(page: pathlib.Path) -> bool:
    """A placeholder is the one-line page docs/build's author wrote until the page's owner writes it."""
    lines = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    return bool(lines) and lines[0].startswith("# ") and lines[0].rstrip().endswith("(placeholder)")


# Directives whose body is not code typed into the page: quotes, generated references, structure,
# admonitions (prose).
ALLOWED_FENCE = re.compile(
    r"^\{(literalinclude|doxygen\w*|eval-rst|toctree|auto\w*|note|tip|warning|important|caution|seealso|"
    r"admonition|figure|image|list-table|glossary|contents)\}"
)
FENCE_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(.*)$")


def fenced_blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """(line number, info string, body lines) of every fenced block, nested ones included."""
    blocks, lines = [], text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info, start = m.group(2), m.group(3).strip(), i
        body = []
        i += 1
        while i < len(lines) and not re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", lines[i]):
            body.append(lines[i])
            i += 1
        blocks.append((start + 1, info, body))
        # An allowed directive may nest other blocks (an admonition around a literalinclude).
        if ALLOWED_FENCE.match(info):
            blocks.extend((start + 1 + n, inf, b) for n, inf, b in fenced_blocks("\n".join(body)))
        i += 1
    return blocks


def test_site_has_pages() -> None:
    assert len(site_pages()) >= len(REQUIRED_PAGES) - 1, [p.name for p in site_pages()]


@pytest.mark.parametrize("page", site_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_code_typed_into_pages(page: pathlib.Path) -> None:
    typed = []
    for line, info, body in fenced_blocks(page.read_text(encoding="utf-8")):
        if ALLOWED_FENCE.match(info):
            continue
        if any(b.strip() for b in body):
            typed.append(f"{page.relative_to(ROOT)}:{line}: ```{info} block with {len(body)} typed line(s)")
    assert not typed, "quote code with {literalinclude} from a tested file instead:\n" + "\n".join(typed)


INCLUDE = re.compile(r"^\s*(`{3,}|~{3,})\s*\{literalinclude\}\s+(\S+)\s*$")
OPTION = re.compile(r'^\s*:(start-after|end-before):\s*"?(.*?)"?\s*$')
# Files a page may quote: the snippets (compiled and run by ctest / pytest, with the outputs they
# check), the examples and tests (run by the suite), the headers and package, and README.md.
QUOTABLE = [DOCS / "snippets", ROOT / "examples", ROOT / "tests", ROOT / "include", ROOT / "python", ROOT / "README.md"]


@pytest.mark.parametrize("page", site_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_quotes_name_tested_files_and_existing_markers(page: pathlib.Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    problems = []
    for n, line in enumerate(lines):
        m = INCLUDE.match(line)
        if not m:
            continue
        quoted = (page.parent / m.group(2)).resolve()
        where = f"{page.relative_to(ROOT)}:{n + 1}"
        if not quoted.is_file():
            problems.append(f"{where}: {m.group(2)} does not exist ({quoted})")
            continue
        if not any(quoted == q or quoted.is_relative_to(q) for q in QUOTABLE):
            problems.append(f"{where}: {quoted.relative_to(ROOT)} is not a file the test suite compiles or runs")
        text = quoted.read_text(encoding="utf-8")
        for option in lines[n + 1 :]:
            o = OPTION.match(option)
            if o and o.group(2) not in text:
                problems.append(f"{where}: marker {o.group(2)!r} is not in {quoted.relative_to(ROOT)}")
            if not option.strip().startswith(":"):
                break
    assert not problems, "\n".join(problems)


def table_rows(text: str, header: list[str]) -> list[list[str]]:
    """Rows of every Markdown table whose header cells are `header` (pipes escaped as \\| kept in cells)."""
    rows, in_table = [], False
    for line in text.splitlines():
        if not line.strip().startswith("|"):
            in_table = False
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if [c.lower() for c in cells] == [h.lower() for h in header]:
            in_table = True
        elif in_table and not set("".join(cells)) <= set("-: "):
            rows.append(cells)
    return rows


@pytest.mark.parametrize("concept", CONCEPTS)
def test_concept_table_expressions_are_in_the_snippets(concept: str) -> None:
    page = DOCS / "concepts" / f"{concept}.md"
    if not page.exists() or is_placeholder(page):
        pytest.skip(f"{page.relative_to(ROOT)} is not written yet (test_no_placeholder_pages_remain fails for it)")
    rows = table_rows(page.read_text(encoding="utf-8"), ["Expression", "Returns", "Meaning"])
    assert rows, f"{page.relative_to(ROOT)} has no table Expression | Returns | Meaning"
    sources = [DOCS / "snippets" / "concepts" / f"{concept}{ext}" for ext in (".cpp", ".py")]
    snippet_text = "\n".join(s.read_text(encoding="utf-8") for s in sources if s.exists())
    assert snippet_text, f"no snippet file {sources[0].relative_to(ROOT)} or {sources[1].name}"
    missing = []
    for row in rows:
        expressions = re.findall(r"`([^`]+)`", row[0])
        if not expressions:
            missing.append(f"{row[0]!r}: the expression is not inline code")
        missing += [f"`{e}`" for e in expressions if e not in snippet_text]
    assert not missing, f"{page.relative_to(ROOT)}: not verbatim in {[s.name for s in sources]}: " + ", ".join(missing)


def test_no_placeholder_pages_remain() -> None:
    """FAILS BY DESIGN while any page of the layout is missing or still a one-line placeholder.

    docs/build's author wrote placeholders so the site builds before every page is written; the
    issue is done when this passes.
    """
    missing = [p for p in REQUIRED_PAGES if not (DOCS / p).exists()]
    placeholders = [p for p in REQUIRED_PAGES if (DOCS / p).exists() and is_placeholder(DOCS / p)]
    assert not missing and not placeholders, f"missing: {missing}; placeholders: {placeholders}"


# --- the "add a leaf" and "add a fact" guides name every file their example touches ------------------

#: A guide, the pattern that finds its example in the tree, and the guides whose tables may list a hit.
WORKED_EXAMPLES = {
    # the leaf that reads the fact is the other guide's example
    "add-a-person-fact": (r"\bdied_on\b|row_fields::death|death = 1U", ["add-a-person-fact", "add-a-leaf-condition"]),
    "add-a-leaf-condition": (
        r"\balive(\.hpp|\{\}|\(\)|>|\",|\"\)|\":|, |;)|type_identity<alive>",
        ["add-a-leaf-condition", "add-a-person-fact"],
    ),
}


def tracked_files() -> list[pathlib.Path]:
    import subprocess

    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:  # not a git checkout (an unpacked sdist): nothing to compare with
        pytest.skip("not a git checkout")
    return [ROOT / line for line in out.stdout.splitlines() if line]


@pytest.mark.parametrize("guide", sorted(WORKED_EXAMPLES))
def test_the_worked_example_touches_only_the_files_its_guide_lists(guide: str) -> None:
    pattern, pages = WORKED_EXAMPLES[guide]
    listed = "\n".join((DOCS / "howto" / f"{p}.md").read_text(encoding="utf-8") for p in pages)
    hits = []
    for path in tracked_files():
        if path.suffix not in (".hpp", ".cpp", ".py", ".pyi", ".md", ".txt", ".cmake") or not path.is_file():
            continue
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("docs/howto/") or rel == "docs/changelog.md":
            continue
        if re.search(pattern, path.read_text(encoding="utf-8", errors="replace")):
            hits.append(rel)
    assert hits, f"the {guide} example is not in the tree any more: rewrite the guide"
    missing = [h for h in hits if f"`{h}`" not in listed]
    assert not missing, f"docs/howto/{guide}.md does not list files its example touches: {missing}"
