"""Sphinx configuration of eldercare's documentation site; `bash docs/build` is the one command.

Markdown (MyST) pages; notebooks rendered from their stored outputs by MyST-NB (never executed
here: the test suite runs them); the C++ API from Doxygen's XML through Breathe; the Python API by
autodoc from the *installed* package (docs/build runs after `pip install .`).
"""

from __future__ import annotations

import os
import pathlib
import shutil

DOCS = pathlib.Path(__file__).resolve().parent
ROOT = DOCS.parent

project = "eldercare"
author = "eldercare contributors"
copyright = "eldercare contributors"
release = "0.1.0"
language = "en"

extensions = [
    "myst_nb",  # MyST Markdown pages and .ipynb notebooks (includes myst_parser)
    "breathe",  # C++ API reference from Doxygen XML
    "sphinx.ext.autodoc",  # Python API reference from docstrings
    "sphinx.ext.napoleon",  # numpy-style docstrings
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = [
    "generate/**",  # the policy-page generator's source
    "snippets/**",  # quoted by literalinclude, not pages of their own
    "Doxyfile*",
    "**/.ipynb_checkpoints",
]
templates_path = ["_templates"]
html_static_path = ["_static"] if (DOCS / "_static").is_dir() and any((DOCS / "_static").iterdir()) else []

# -- MyST -----------------------------------------------------------------------------------------
# Slugs for headings down to ###, so links such as design.md#batches resolve (and are checked).
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]

# -- Notebooks --------------------------------------------------------------------------------------
# Rendered from the outputs stored in examples/notebooks (the test suite executes them); executing
# them here would double the CI time and need a kernel on the docs machine.
nb_execution_mode = "off"

NOTEBOOKS_SOURCE = ROOT / "examples" / "notebooks"
NOTEBOOKS_STAGED = DOCS / "notebooks"  # git-ignored: copies, refreshed on every build


def _stage_notebooks() -> None:
    """Copy examples/notebooks/*.ipynb into docs/notebooks/, so they are pages of the site.

    A copy, not a symlink: Sphinx resolves symlinks and would refuse sources outside docs/.
    Stale copies (a notebook renamed or removed) are deleted so they never render.
    """
    NOTEBOOKS_STAGED.mkdir(exist_ok=True)
    wanted = {p.name for p in NOTEBOOKS_SOURCE.glob("*.ipynb")}
    for old in NOTEBOOKS_STAGED.glob("*.ipynb"):
        if old.name not in wanted:
            old.unlink()
    for name in sorted(wanted):
        src, dst = NOTEBOOKS_SOURCE / name, NOTEBOOKS_STAGED / name
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)


_stage_notebooks()

# -- C++ API (Breathe) ------------------------------------------------------------------------------
DOXYGEN_XML = pathlib.Path(os.environ.get("ELDERCARE_DOXYGEN_XML", ROOT / "build" / "docs" / "doxygen" / "xml"))
breathe_projects = {"eldercare": str(DOXYGEN_XML)}
breathe_default_project = "eldercare"
breathe_domain_by_extension = {"hpp": "cpp"}
breathe_show_include = True
breathe_default_members = ("members",)
cpp_index_common_prefix = ["eldercare::"]
# Breathe declares a namespace as `cpp:type:: eldercare` wherever a header's members are rendered, so
# every header page after the first "redeclares" namespace eldercare (breathe-doc/breathe: namespaces
# spread over files). Each header is rendered exactly once (the pages are generated below), so the
# only duplicates are these namespace stubs; the warning type is silenced for that reason alone.
suppress_warnings = ["duplicate_declaration.cpp"]


def _find_doxygen_files_by_path() -> None:
    """Let ``{doxygenfile} eldercare/calendar/age.hpp`` find that header and no other.

    Doxygen names a file compound by its base name only (``age.hpp``), and Breathe 4.35–5.x finds
    the file of a ``doxygenfile`` directive by that name, so a path never matches and a bare name
    matches several headers (calendar/age.hpp and rules/conditions/age.hpp). Breathe's own member
    filter already compares the compound's *location* (the path under include/); this makes the
    finder compare the same thing. Only the finder is replaced, with Breathe's own path matcher.
    """
    from breathe import parser as dox
    from breathe import renderer
    from breathe.directives import file as file_directive

    def file_finder_filter(filename, d_parser, project_info, index, matches) -> None:
        base = filename.rsplit("/", 1)[-1]
        for c in index.file_compounds:
            if c.name != base:
                continue
            for cd in d_parser.parse_compound(c.refid, project_info).root.compounddef:
                if cd.kind == dox.DoxCompoundKind.file and file_directive.location_matches(cd.location, filename):
                    matches.append([renderer.TaggedNode(None, cd)])

    file_directive.file_finder_filter = file_finder_filter


_find_doxygen_files_by_path()

# One page per area of include/eldercare/, written from Doxygen's XML index on every build (git-ignored,
# like the Python pages), so a new header appears without touching the docs. A header in a folder
# with no entry here stops the build: give the new area a title and a sentence.
CPP_AREAS = {
    "core": (
        "Core: errors and the umbrella header",
        "Exceptions with stable ids, and `<eldercare/eldercare.hpp>`, which includes every header but the batch "
        "engine's.",
    ),
    "calendar": (
        "Calendar: dates, ages and Civil Code periods",
        "Dates, ages in 周岁, month arithmetic and periods by the Civil Code (民法典 arts. 200–204, 1259), holiday "
        "calendars.",
    ),
    "money": ("Money", "Exact amounts in fen, yuan literals, checked arithmetic and strict parsing."),
    "region": (
        "Regions",
        "GB/T 2260 region codes, the bundled table, containment, legacy aliases and named region sets.",
    ),
    "ability": (
        "Ability levels",
        "GB/T 42195-2022 ability levels and the documented conversions from MZ/T 039-2013, Barthel and the "
        "特困 self-care rating; disability certificates.",
    ),
    "facility": (
        "Facilities and filing",
        "Facilities, their 备案 filing, registries and the criteria a rule sets on them.",
    ),
    "stay": (
        "Stays",
        "Stays in facilities and the continuous-stay computation with its named treatments of gaps, "
        "transfers and pre-filing days.",
    ),
    "person": (
        "Persons",
        "A person's facts: residency (户籍 and residence), categories, health, resident ID numbers, survey weights.",
    ),
    "household": ("Households", "Households, for benefits paid to a household."),
    "subjects": (
        "Other subjects",
        "Workers, service areas and competition events: subjects of rules other than elders.",
    ),
    "rules": (
        "Rules engine",
        "Conditions, rules, benefits, policies, decisions and their explanations, schedules, stacking and ranking.",
    ),
    "rules/conditions": (
        "Rule conditions",
        "The leaf conditions rules are built from, and the concepts that say which facts each reads.",
    ),
    "catalog": (
        "Policy catalog",
        "The catalog, readings, the interpretation-sensitivity analysis and the encoded policies.",
    ),
    "batch": (
        "Batch engine",
        "Populations in columns, batch evaluation, monthly simulations and synthetic elders (`<eldercare/batch.hpp>`).",
    ),
    "schema": (
        "Schema",
        "The subjects' facts declared once: names, kinds, columns, words and aliases (`<eldercare/schema.hpp>`).",
    ),
}
# The umbrella headers sit at the top of include/eldercare/; each belongs with an area.
CPP_TOP_LEVEL = {"eldercare/eldercare.hpp": "core", "eldercare/batch.hpp": "batch", "eldercare/schema.hpp": "schema"}
API_CPP = DOCS / "api" / "cpp"  # git-ignored


def _cpp_area(header: str) -> str:
    if header in CPP_TOP_LEVEL:
        return CPP_TOP_LEVEL[header]
    parts = header.split("/")[1:-1]  # eldercare/<area>[/<sub>...]/<name>.hpp
    for depth in range(len(parts), 0, -1):
        if "/".join(parts[:depth]) in CPP_AREAS:
            return "/".join(parts[:depth])
    raise RuntimeError(f"docs/conf.py: header {header} is in no area of CPP_AREAS; add its folder there")


def _write_cpp_api_pages() -> None:
    import xml.etree.ElementTree as ET

    index = DOXYGEN_XML / "index.xml"
    if not index.exists():
        raise RuntimeError(f"{index} is missing: run `doxygen docs/Doxyfile` first (bash docs/build does)")
    headers: dict[str, str] = {}  # path under include/ -> Doxygen refid (also the page label)
    concepts: dict[str, list[str]] = {}  # path under include/ -> concept names declared there
    for compound in ET.parse(index).getroot().iter("compound"):
        kind, refid = compound.get("kind"), compound.get("refid")
        if kind not in ("file", "concept"):
            continue
        location = ET.parse(DOXYGEN_XML / f"{refid}.xml").getroot().find("./compounddef/location")
        path = location.get("file")
        if kind == "file":
            headers[path] = refid
        else:
            concepts.setdefault(path, []).append(compound.findtext("name"))
    pages: dict[str, list[str]] = {area: [] for area in CPP_AREAS}
    for header in sorted(headers, key=lambda h: (h not in CPP_TOP_LEVEL, h)):
        section = [f"({headers[header]})=", f"## `<{header}>`", "", f"```{{doxygenfile}} {header}", "```", ""]
        for concept in sorted(concepts.get(header, [])):
            section += [f"```{{doxygenconcept}} {concept}", "```", ""]
        pages[_cpp_area(header)].append("\n".join(section))
    API_CPP.mkdir(exist_ok=True)
    wanted = {}
    for area, (title, blurb) in CPP_AREAS.items():
        wanted[area.replace("/", "-") + ".md"] = f"# {title}\n\n{blurb}\n\n" + "\n".join(pages[area])
    for old in API_CPP.glob("*.md"):
        if old.name not in wanted:
            old.unlink()
    for name, text in wanted.items():
        page = API_CPP / name
        if not page.exists() or page.read_text(encoding="utf-8") != text:
            page.write_text(text, encoding="utf-8")


_write_cpp_api_pages()

# -- Python API (autodoc) ---------------------------------------------------------------------------
API_PYTHON = DOCS / "api" / "python"  # git-ignored: one page per public module, written below


def _public_modules() -> list[str]:
    """The installed package's public modules: `eldercare` and each submodule not starting with `_`.

    Read from the installed package, not a list, so a module added later (eldercare.parquet,
    eldercare.dask) gets its page without touching the docs.
    """
    import pkgutil

    import eldercare

    return [
        "eldercare",
        *sorted(f"eldercare.{m.name}" for m in pkgutil.iter_modules(eldercare.__path__) if not m.name.startswith("_")),
    ]


# eldercare.RegionSet -> eldercare.regions.RegionSet: the names under which a re-exported object is
# reachable but not described (it is described once, on its home page). Filled while writing pages.
PYTHON_ALIASES: dict[str, str] = {}


def _is_api_object(obj) -> bool:
    import inspect

    return inspect.isclass(obj) or inspect.isroutine(obj) or inspect.ismodule(obj)


def _home_page(name: str, obj, modules: list[str]) -> str:
    """The public module whose page documents `obj` (exported as `name` by one or more modules)."""
    import importlib

    defined_in = getattr(obj, "__module__", None) if _is_api_object(obj) else None
    if defined_in in modules:
        return defined_in
    exporters = [
        m
        for m in modules
        if name in getattr(importlib.import_module(m), "__all__", ())
        and getattr(importlib.import_module(m), name) is obj
    ]
    return "eldercare" if "eldercare" in exporters else exporters[0]


def _write_python_api_pages() -> None:
    import importlib

    API_PYTHON.mkdir(exist_ok=True)
    wanted = {}
    modules = _public_modules()
    for module in modules:
        mod = importlib.import_module(module)
        public = list(getattr(mod, "__all__", ()))
        # A name exported by several public modules (eldercare.RegionCode is eldercare.regions.RegionCode)
        # is documented once: on the page of the public module that defines it, else on the eldercare
        # page. A second copy would be a duplicate description, and the defining module's own
        # docstrings refer to it by its short name (:meth:`RegionCode.current`).
        shared = {n for n in public if _home_page(n, getattr(mod, n), modules) != module}
        for n in shared:
            PYTHON_ALIASES[f"{module}.{n}"] = f"{_home_page(n, getattr(mod, n), modules)}.{n}"
        # Constants and type aliases (CATEGORIES, DateLike) are listed with autodata: automodule skips
        # data whose __module__ is not the module's own (a dict's is "builtins").
        data = [n for n in public if n not in shared and not _is_api_object(getattr(mod, n))]
        options = ["   :members:", "   :show-inheritance:"]
        if public:
            # Names in __all__ imported from private modules (eldercare.Person from eldercare._values)
            # are the module's API too.
            options.append("   :imported-members:")
        if shared or data:
            options.append(f"   :exclude-members: {', '.join(sorted(shared | set(data)))}")
        body = [f".. automodule:: {module}", *options, ""]
        body += [f".. autodata:: {module}.{n}\n" for n in data]
        wanted[f"{module}.md"] = f"# `{module}`\n\n```{{eval-rst}}\n" + "\n".join(body) + "```\n"
    for old in API_PYTHON.glob("*.md"):
        if old.name not in wanted:
            old.unlink()
    for name, text in wanted.items():
        page = API_PYTHON / name
        # Rewriting an unchanged page would make Sphinx rebuild it every time.
        if not page.exists() or page.read_text(encoding="utf-8") != text:
            page.write_text(text, encoding="utf-8")


_write_python_api_pages()

autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
# Types in the signature; the numpy "Parameters" section says the same in words (a second,
# generated parameter list would repeat it).
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
# numpy "Parameters" types are prose ("int, optional", "{'civil_code', 'natural_month'}", "mapping of
# rule id to Condition"): rendered as text, not as cross-references that nitpicky mode cannot resolve.
napoleon_use_param = False
napoleon_use_keyword = False
napoleon_use_ivar = False

# Nitpicky mode (-n): every cross-reference must resolve. Intersphinx is not available offline, so
# third-party and standard-library types are accepted by name here; our own names must resolve.
nitpick_ignore_regex = [
    ("py:.*", r"(pandas|pd|numpy|np|pyarrow|pa|dask|distributed|matplotlib)(\..*)?"),
    ("py:.*", r"(datetime|decimal|fractions|pathlib|os|typing|collections\.abc|enum|io|argparse)\..*"),
    ("py:.*", r"(date|datetime|Path|Any|Callable|Iterable|Iterator|Mapping|Sequence|Optional|Union)"),
    ("py:.*", r"(DataFrame|Series|ndarray|Figure|Axes|Enum|IntEnum)"),
    ("py:class", r"(int|str|float|bool|bytes|dict|list|tuple|set|frozenset|object|None|type)"),
    ("py:.*", r"(ValueError|TypeError|LookupError|KeyError|Exception)"),
    # The compiled core is private (eldercare._core); signatures that mention its types name them.
    ("py:.*", r"(eldercare\.)?_core\..*"),
    ("py:mod", r"eldercare\._\w+"),
    # Private classes (a leading underscore) show in dataclass signatures (Comparison's _inputs);
    # they are not part of the documented API.
    ("py:class", r"eldercare\.\w+\._[A-Za-z]\w*"),
    # Type aliases (DateLike = Union[date, str], ...): autodoc documents them as data, not classes.
    ("py:class", r"(eldercare\.)?(DateLike|RegionLike|Tabular)"),
    # C++: the detail namespaces are excluded from the reference on purpose, Boost is third-party,
    # and literal operators (operator""_yuan) are not names Sphinx's C++ domain can link.
    ("cpp:identifier", r"(detail|boost)(::.*)?"),
    ("cpp:identifier", r"_(yuan|fen)"),
]


def _public_bases(app, name, obj, options, bases: list) -> None:
    """Show only public base classes: eldercare._values._Frozen is an implementation detail."""
    bases[:] = [b for b in bases if not getattr(b, "__name__", "").startswith("_")]


def _no_type_docstring_for_data(app, what, name, obj, options, lines: list) -> None:
    """A constant's "docstring" that is only its type's (dict.__doc__ for CATEGORIES) says nothing."""
    if what in ("data", "attribute") and not _is_api_object(obj) and lines:
        type_doc = type(obj).__doc__
        if isinstance(type_doc, str) and "\n".join(lines).strip() == type_doc.strip():
            lines.clear()


def _resolve_python_alias(app, env, node, contnode):
    """Resolve a reference to a re-exported name (eldercare.RegionSet, or RegionSet written in a
    module that imports it) to the one place the object is described."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip("~.")
    py = env.get_domain("py")
    for candidate in (target, f"{node.get('py:module') or 'eldercare'}.{target}", f"eldercare.{target}"):
        for alias, home in PYTHON_ALIASES.items():
            if candidate == alias or candidate.startswith(alias + "."):
                candidate = home + candidate[len(alias) :]
                break
        if candidate == target:
            continue  # the domain has already failed to find it as written
        found = py.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode)
        if found is not None:
            return found
    return None


def _numpy_docstrings_except_attributes(app) -> None:
    """Napoleon reads an attribute's or property's first line as "type: description", so the prose
    "The row ids, in row order (made on first use: ...)" became a type named "The row ids". Our
    attribute and property docstrings are sentences; napoleon keeps handling everything else."""
    from sphinx.ext.napoleon import _process_docstring

    listeners = app.events.listeners["autodoc-process-docstring"]
    for listener in [li for li in listeners if li.handler is _process_docstring]:
        app.disconnect(listener.id)

    def process(app, what, name, obj, options, lines) -> None:
        if what not in ("attribute", "property", "data"):
            _process_docstring(app, what, name, obj, options, lines)

    app.connect("autodoc-process-docstring", process)


def setup(app) -> None:
    app.connect("builder-inited", _numpy_docstrings_except_attributes)
    app.connect("missing-reference", _resolve_python_alias)
    app.connect("autodoc-process-bases", _public_bases)
    app.connect("autodoc-process-docstring", _no_type_docstring_for_data)


# -- HTML -----------------------------------------------------------------------------------------
html_theme = "furo"
html_title = "eldercare"
html_show_sourcelink = False
