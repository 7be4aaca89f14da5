"""Imports run one way: from the tests and the project down through the content apps to core.

The rules, checked by reading the source with ``ast`` (nothing here is imported or run):

1. Every import sits at the top level of its module (under a module-level ``if``, ``try`` or
   ``with`` is still the top level, ``if TYPE_CHECKING:`` and ``if settings.DEBUG:`` included).
   An import inside a function or class is how an import cycle gets hidden, not solved.
   ``ALLOWED_NESTED_IMPORTS`` lists the few places where Django or the script needs one.
2. No ``django.apps.apps.get_model(...)`` (nor ``apps.get_app_config(...).get_model(...)``):
   looking a model up by name is the other way to hide a cycle. Import the class.
3. The module import graph has no cycle.
4. The apps are layered: ``pagecache`` (infrastructure) imports no other app of the project,
   ``core`` imports no content app, ``topics`` imports neither
   ``updates`` nor ``stories``, no two apps import each other (directly or round a loop),
   and nothing but the tests imports the tests.

When one of these fails, the fix is almost never to move the import back into a function.
The dependency points the wrong way; turn it round:

* Move the shared piece down to the module (or app) that both sides may import: a helper, a
  block, a constant, often into ``core``.
* Let the lower module offer a hook and the higher one fill it in: a Wagtail hook, a signal,
  a method the higher model overrides, a template tag that takes what it needs as arguments,
  or a setting naming a dotted path.
* Refer to a model of another app by its label where Django accepts one
  (``ForeignKey("updates.UpdatePage")``, ``ParentalManyToManyField("topics.TopicPage")``):
  that is not an import.

What is scanned, and how:

* Every ``.py`` file of the repository, except in ``.venv``, ``node_modules`` and hidden
  folders. The first-party packages are the top-level folders with an ``__init__.py`` (so a new
  app, such as ``demo``, is covered as soon as it exists); its apps are those packages but
  ``tests`` (the test suite) and ``ishr_site`` (the project: settings and URLs). Files outside
  any package (``manage.py``, ``gunicorn.conf.py``, ``docs/screenshots.py``) are scripts: they
  import the apps, nothing imports them.
* Migrations keep their own conventions: their ``RunPython`` functions must use the historical
  models of the ``apps`` they are given, and their imports are frozen history, written by
  ``makemigrations`` (editing them would rewrite history). Rules 1, 2 and 4 leave them out; they
  are still nodes of the module graph, so a cycle through one would be found.
* ``import a.b`` is an import of ``a.b``; ``from a import b`` is an import of ``a.b`` if that is a
  module, else of ``a``. Relative imports are resolved. Only first-party modules are graphed.
  The packages' ``__init__.py`` that Python runs on the way are not counted: keep them empty.
* An import under ``if TYPE_CHECKING:`` is a dependency like any other: the layering holds for
  annotations too.
* A ``get_model`` on anything other than the global registry is fine: in a test, the models of a
  migration state (``executor.loader.project_state(...).apps.get_model(...)``) are historical
  models, not a way round an import.
"""

import ast
import fnmatch
import itertools
import os
import textwrap
from collections import defaultdict, deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_FOLDERS = {".venv", "node_modules", "__pycache__"}  # and every hidden folder

PROJECT_PACKAGE = "ishr_site"
TEST_PACKAGE = "tests"
FOUNDATION_APP = "core"
# Below core: apps that know nothing of the site's content (the page cache's keys, middleware
# and purges). They import no other first-party app; core and the content apps may use them.
INFRASTRUCTURE_APPS = {"pagecache"}


@dataclass(frozen=True)
class Allowed:
    """A place where an import may sit inside a function: ``path`` and ``scope`` are globs on
    the file (relative to the repository root) and on the enclosing ``Class.method``."""

    path: str
    scope: str
    reason: str


ALLOWED_NESTED_IMPORTS = [
    Allowed(
        "*/apps.py",
        "*.ready",
        "AppConfig.ready() is where Django lets an app connect its signal handlers: the app "
        "registry is ready there, and the handlers' modules import models, which apps.py, "
        "loaded while the registry is being built, cannot.",
    ),
    Allowed(
        "docs/screenshots.py",
        "page_ids",
        "A standalone script: it points Django at the throw-away database it has just made "
        "and calls django.setup(); no model can be imported before that.",
    ),
]
# manage.py needs no entry: its imports sit under ``if __name__ == "__main__":`` at the top
# level. Written as Django's template does, with a main(), it would need
# Allowed("manage.py", "main", "Django's entry point sets DJANGO_SETTINGS_MODULE first").

# App -> the apps it must not import. Content apps are all apps but core.
FORBIDDEN_DEPENDENCIES = {
    **dict.fromkeys(INFRASTRUCTURE_APPS, "every other app"),
    FOUNDATION_APP: "every content app",
    "topics": {"updates", "stories"},
}

APP_REGISTRY = {"django.apps.apps", "django.apps.registry.apps"}

HOW_TO_FIX = (
    "Turn the dependency round instead: move what both sides need down into a module they "
    "may both import (often in core), or let the lower module offer a hook (a Wagtail hook, a "
    "signal, a method to override, a template tag argument) that the higher one fills in. "
    "The docstring of tests/ishr_site/test_imports.py says more."
)


# -- Reading one file --------------------------------------------------------------------------


@dataclass
class Found:
    """What one file holds: its imports and its get_model calls, each with where it sits."""

    imports: list = field(default_factory=list)  # (node, scope): scope "" is the top level
    registry_lookups: list = field(default_factory=list)  # (node, scope)


class _Reader(ast.NodeVisitor):
    def __init__(self):
        self.found = Found()
        self.scope = []
        self.parameters = []  # the parameter names of each enclosing function
        self.names = {}  # a name bound by an import -> the dotted path it stands for
        self.get_model_calls = []  # (node, scope, parameter names in scope)

    def _enter(self, node, name, parameters=()):
        self.scope.append(name)
        self.parameters.append(set(parameters))
        self.generic_visit(node)
        self.parameters.pop()
        self.scope.pop()

    def visit_FunctionDef(self, node):
        self._enter(node, node.name, _parameter_names(node.args))

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._enter(node, "<lambda>", _parameter_names(node.args))

    def visit_ClassDef(self, node):
        self._enter(node, node.name)

    def visit_Import(self, node):
        self.found.imports.append((node, ".".join(self.scope)))
        for alias in node.names:
            if alias.asname:
                self.names[alias.asname] = alias.name
            else:
                top = alias.name.split(".")[0]
                self.names[top] = top

    def visit_ImportFrom(self, node):
        self.found.imports.append((node, ".".join(self.scope)))
        if not node.level and node.module:
            for alias in node.names:
                self.names[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def visit_Call(self, node):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get_model":
            shadowed = set().union(*self.parameters) if self.parameters else set()
            self.get_model_calls.append((node, ".".join(self.scope), shadowed))
        self.generic_visit(node)

    def finish(self):
        # Imports anywhere in the file count, even below the call: names are resolved last.
        for node, scope, shadowed in self.get_model_calls:
            receiver = node.func.value
            if (
                isinstance(receiver, ast.Call)
                and isinstance(receiver.func, ast.Attribute)
                and receiver.func.attr == "get_app_config"
            ):
                receiver = receiver.func.value
            if self._dotted(receiver, shadowed) in APP_REGISTRY:
                self.found.registry_lookups.append((node, scope))
        return self.found

    def _dotted(self, expression, shadowed):
        if isinstance(expression, ast.Name):
            return None if expression.id in shadowed else self.names.get(expression.id)
        if isinstance(expression, ast.Attribute):
            base = self._dotted(expression.value, shadowed)
            return base and f"{base}.{expression.attr}"
        return None


def _parameter_names(arguments):
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg]
    return {arg.arg for arg in every}


def read_source(source, filename="<source>"):
    reader = _Reader()
    reader.visit(ast.parse(source, filename))
    return reader.finish()


# -- Resolving an import to first-party modules ------------------------------------------------


def known_prefix(dotted, modules):
    """The longest leading part of ``dotted`` that is one of ``modules``, or None."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def imported_modules(node, importer, is_package, modules):
    """The first-party modules an import statement in module ``importer`` imports."""
    if isinstance(node, ast.Import):
        targets = [known_prefix(alias.name, modules) for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = importer.split(".") if is_package else importer.split(".")[:-1]
            if node.level > len(package):
                raise ValueError(f"relative import beyond the top-level package in {importer}")
            base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
        targets = [
            f"{base}.{alias.name}"
            if f"{base}.{alias.name}" in modules
            else known_prefix(base, modules)
            for alias in node.names
        ]
    return list(dict.fromkeys(target for target in targets if target))


# -- The whole project -------------------------------------------------------------------------


@dataclass
class Module:
    name: str  # dotted, or the file's path for a script
    path: str  # relative to the repository root, with forward slashes
    package: str | None  # the top-level package; None for a script
    is_package: bool
    is_migration: bool
    found: Found


@dataclass(frozen=True)
class Import:
    importer: Module
    target: str
    line: int
    statement: str
    top_level: bool

    @property
    def where(self):
        return f"{self.importer.path}:{self.line}"

    def describe(self):
        return f"{self.where}: {self.statement}"


@dataclass
class Project:
    modules: dict  # name -> Module
    imports: list  # of Import

    @property
    def packages(self):
        return {module.package for module in self.modules.values() if module.package}

    @property
    def apps(self):
        return self.packages - {PROJECT_PACKAGE, TEST_PACKAGE}

    @property
    def content_apps(self):
        return self.apps - {FOUNDATION_APP} - INFRASTRUCTURE_APPS

    def module_graph(self):
        """Importer -> imported module -> the first top-level import statement that does it."""
        graph = defaultdict(dict)
        for imp in self.imports:
            if imp.top_level:
                graph[imp.importer.name].setdefault(imp.target, imp)
        return graph

    def app_imports(self):
        """Every import, at the top level or not, from one package into another."""
        return [
            imp
            for imp in self.imports
            if imp.importer.package
            and not imp.importer.is_migration
            and imp.importer.package != self.modules[imp.target].package
        ]


def python_files(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if name not in SKIPPED_FOLDERS and name[0] != "."
        )
        for name in sorted(files):
            if name.endswith(".py"):
                yield Path(folder, name)


def module_of(path, root):
    """(dotted name, is a package) of a file in a first-party package, or (None, False)."""
    parts = path.relative_to(root).parts
    folders = parts[:-1]
    if not folders or not all(
        root.joinpath(*folders[: depth + 1], "__init__.py").exists()
        for depth in range(len(folders))
    ):
        return None, False
    stem = path.stem
    return ".".join(folders if stem == "__init__" else (*folders, stem)), stem == "__init__"


def scan(root):
    modules = {}
    for path in python_files(root):
        relative = path.relative_to(root).as_posix()
        name, is_package = module_of(path, root)
        modules[name or relative] = Module(
            name=name or relative,
            path=relative,
            package=name.split(".")[0] if name else None,
            is_package=is_package,
            is_migration="migrations" in path.relative_to(root).parts[:-1],
            found=read_source(path.read_text(encoding="utf-8"), relative),
        )
    dotted = {name for name, module in modules.items() if module.package}
    imports = [
        Import(module, target, node.lineno, ast.unparse(node), not scope)
        for module in modules.values()
        for node, scope in module.found.imports
        for target in imported_modules(node, module.name, module.is_package, dotted)
    ]
    return Project(modules, imports)


@cache
def project():
    return scan(ROOT)


# -- Graphs ------------------------------------------------------------------------------------


def tangles(graph):
    """The strongly connected components of ``graph`` that hold a cycle (Tarjan)."""
    counter = itertools.count()
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = next(counter)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def shortest_cycle(graph, component):
    """The shortest cycle through the first node of ``component``, as [a, b, ..., a]."""
    start, members = component[0], set(component)
    previous = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for successor in sorted(graph.get(node, ())):
            if successor == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if successor in members and successor not in previous:
                previous[successor] = node
                queue.append(successor)
    raise AssertionError(f"no cycle in {component}")


def describe_cycles(graph, examples):
    """A readable account of every cycle of ``graph``; ``examples(a, b)`` lists why a -> b."""
    report = []
    for number, component in enumerate(tangles(graph), start=1):
        cycle = shortest_cycle(graph, component)
        lines = [f"Cycle {number}: {' -> '.join(cycle)}"]
        if len(component) > len(cycle) - 1:
            lines.append(f"  (part of a tangle of {len(component)}: {', '.join(component)})")
        for importer, imported in itertools.pairwise(cycle):
            lines.append(f"  {importer} imports {imported}:")
            lines += [f"      {example}" for example in examples(importer, imported)]
        report.append("\n".join(lines))
    return report


# -- The rules ---------------------------------------------------------------------------------


def explain(*advice, findings, separator="\n  "):
    """A failure message: what is wrong and what to do, then each finding on its own line."""
    return " ".join(advice) + separator + separator.join(findings)


def nested_imports():
    """(import node, module, scope) of every import inside a def or class outside migrations."""
    return [
        (node, module, scope)
        for module in project().modules.values()
        if not module.is_migration
        for node, scope in module.found.imports
        if scope
    ]


def allowance(module, scope):
    for allowed in ALLOWED_NESTED_IMPORTS:
        if fnmatch.fnmatch(module.path, allowed.path) and fnmatch.fnmatch(scope, allowed.scope):
            return allowed
    return None


def test_imports_sit_at_the_top_of_their_module():
    offending = [
        f"{module.path}:{node.lineno} (in {scope}): {ast.unparse(node)}"
        for node, module, scope in nested_imports()
        if not allowance(module, scope)
    ]
    assert not offending, explain(
        "These imports sit inside a function or class. Move each to the top of its module, "
        "with the others. If that makes an import cycle (test_the_module_import_graph_has_no"
        "_cycle then names it), the dependency points the wrong way.",
        HOW_TO_FIX,
        "Only where Django or a script needs it may an import stay inside: then add the place "
        "to ALLOWED_NESTED_IMPORTS, with the reason.",
        findings=offending,
    )


def test_every_allowed_nested_import_is_still_needed():
    used = {allowance(module, scope) for _, module, scope in nested_imports()}
    stale = [allowed for allowed in ALLOWED_NESTED_IMPORTS if allowed not in used]
    assert not stale, explain(
        "Nothing needs these entries of ALLOWED_NESTED_IMPORTS any more: remove them, so the "
        "list stays as short as it is honest.",
        findings=map(str, stale),
    )


def test_models_are_imported_not_looked_up_in_the_app_registry():
    lookups = [
        f"{module.path}:{node.lineno} (in {scope or 'the module'}): {ast.unparse(node)}"
        for module in project().modules.values()
        if not module.is_migration
        for node, scope in module.found.registry_lookups
    ]
    assert not lookups, explain(
        "These look a model up by name in Django's app registry. Import the model class "
        "instead (from updates.models import UpdatePage). If the import would make a cycle "
        "or break the apps' layering, the dependency points the wrong way.",
        HOW_TO_FIX,
        "(Migrations use the historical models their apps argument gives them; that is fine, "
        "and so is a test's migration state's apps.get_model.)",
        findings=lookups,
    )


def test_the_module_import_graph_has_no_cycle():
    graph = project().module_graph()
    cycles = describe_cycles(graph, lambda a, b: [graph[a][b].describe()])
    assert not cycles, explain(
        "These modules import each other, round a loop: which one Python finishes first "
        "depends on which is imported first, and the other sees it half-built.",
        HOW_TO_FIX,
        findings=cycles,
        separator="\n\n",
    )


def test_the_app_graph_is_scanned():
    """Guards the checks below against passing because the scan found nothing."""
    p = project()
    expected = {"core", "home", "topics", "updates", "stories", "newsletter", "editorial"}
    assert expected | {"sharing", "search"} <= p.apps
    assert {PROJECT_PACKAGE, TEST_PACKAGE} <= p.packages
    assert "core.models" in p.module_graph()["tests.conftest"]
    assert p.modules["tests.ishr_site.test_imports"].package == TEST_PACKAGE
    assert p.modules["docs/screenshots.py"].package is None
    assert any(module.is_migration for module in p.modules.values())


def app_examples(imports, importer, imported, limit=3):
    found = [
        imp.describe()
        for imp in imports
        if imp.importer.package == importer and project().modules[imp.target].package == imported
    ]
    more = [f"... and {len(found) - limit} more"] if len(found) > limit else []
    return found[:limit] + more


@pytest.mark.parametrize("app", sorted(FORBIDDEN_DEPENDENCIES))
def test_the_lower_apps_import_no_higher_app(app):
    p = project()
    forbidden = FORBIDDEN_DEPENDENCIES[app]
    if forbidden == "every content app":
        forbidden = p.content_apps
    elif forbidden == "every other app":
        forbidden = p.apps - {app}
    offending = [
        imp.describe()
        for imp in p.app_imports()
        if imp.importer.package == app and p.modules[imp.target].package in forbidden
    ]
    assert not offending, explain(
        f"{app} must not import {', '.join(sorted(forbidden))}: they build on {app}, so "
        f"{app} cannot know them.",
        HOW_TO_FIX,
        "Where Django takes one, a model label is no import: ForeignKey('updates.UpdatePage').",
        findings=offending,
    )


def test_no_two_apps_import_each_other():
    p = project()
    imports = [imp for imp in p.app_imports() if imp.importer.package != TEST_PACKAGE]
    graph = defaultdict(set)
    for imp in imports:
        graph[imp.importer.package].add(p.modules[imp.target].package)
    cycles = describe_cycles(graph, lambda a, b: app_examples(imports, a, b))
    assert not cycles, explain(
        "These apps depend on each other, round a loop (imports inside functions count too): "
        "decide which one is lower and let only the higher one import it.",
        HOW_TO_FIX,
        findings=cycles,
        separator="\n\n",
    )


def test_nothing_but_the_tests_imports_the_tests():
    p = project()
    offending = [
        imp.describe()
        for imp in p.imports
        if imp.importer.package != TEST_PACKAGE
        and not imp.importer.is_migration
        and p.modules[imp.target].package == TEST_PACKAGE
    ]
    assert not offending, explain(
        "The site's code must not import the tests: move what it needs out of tests/ into "
        "the app it belongs to, and let the tests import it from there.",
        findings=offending,
    )


# -- The scan itself ---------------------------------------------------------------------------


def read(source):
    return read_source(textwrap.dedent(source))


def test_the_scan_counts_imports_under_a_module_level_if_or_try_as_top_level():
    found = read(
        """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from updates.models import UpdatePage
        try:
            import redis
        except ImportError:
            redis = None

        class Page:
            from core import blocks

            def method(self):
                import json
        """
    )
    assert [scope for _, scope in found.imports] == ["", "", "", "Page", "Page.method"]


@pytest.mark.parametrize(
    ("statement", "importer", "is_package", "expected"),
    [
        ("from .models import SiteSettings", "core.seo", False, ["core.models"]),
        ("from ..models import X", "core.templatetags.site_tags", False, ["core.models"]),
        ("from . import site_tags", "core.templatetags", True, ["core.templatetags.site_tags"]),
        ("from . import models, seo", "core.listing", False, ["core.models", "core.seo"]),
        ("from core import models, CONSTANT", "home.models", False, ["core.models", "core"]),
        ("from core.templatetags import site_tags", "x", False, ["core.templatetags.site_tags"]),
        ("import core.models", "home.models", False, ["core.models"]),
        ("import core.models.Thing", "home.models", False, ["core.models"]),
        ("from django.db import models", "core.models", False, []),
        ("from core.models import *", "home.models", False, ["core.models"]),
    ],
)
def test_the_scan_resolves_imports_to_modules(statement, importer, is_package, expected):
    modules = {
        "core",
        "core.models",
        "core.seo",
        "core.listing",
        "core.templatetags",
        "core.templatetags.site_tags",
        "home",
        "home.models",
    }
    node = ast.parse(statement).body[0]
    assert imported_modules(node, importer, is_package, modules) == expected


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("from django.apps import apps\napps.get_model('updates', 'UpdatePage')", True),
        ("from django.apps import apps as registry\nregistry.get_model('a.B')", True),
        ("import django.apps\ndjango.apps.apps.get_model('a.B')", True),
        ("from django.apps import apps\napps.get_app_config('a').get_model('B')", True),
        ("from django.apps import apps\ndef f():\n    return apps.get_model('a.B')", True),
        ("from django.apps import apps\ndef f(apps, editor):\n    apps.get_model('a.B')", False),
        ("state = loader.project_state(BEFORE)\nstate.apps.get_model('a', 'B')", False),
        ("from django.apps import apps\nloader.project_state().apps.get_model('a', 'B')", False),
    ],
)
def test_the_scan_tells_the_app_registry_from_a_migration_states_apps(source, flagged):
    assert bool(read_source(source).registry_lookups) is flagged


def test_the_scan_names_a_shortest_cycle_through_each_tangle():
    graph = {"a": {"b"}, "b": {"c", "a"}, "c": {"a"}, "d": {"d"}, "e": {"a"}}
    assert tangles(graph) == [["a", "b", "c"], ["d"]]
    assert shortest_cycle(graph, ["a", "b", "c"]) == ["a", "b", "a"]
    assert shortest_cycle(graph, ["d"]) == ["d", "d"]


def test_the_scan_reads_a_project_and_names_the_lines_of_a_cycle(tmp_path):
    files = {
        "core/__init__.py": "",
        "core/models.py": "import json\n\nfrom updates import models\n",
        "updates/__init__.py": "",
        "updates/models.py": "from core.models import Base\nfrom . import feeds\n",
        "updates/feeds.py": "def items():\n    from .models import UpdatePage\n",
        "updates/migrations/__init__.py": "",
        "updates/migrations/0001_initial.py": "def forwards(apps, editor):\n    import x\n",
        "docs/script.py": "import core.models\n",
        ".venv/lib/site.py": "import core\n",
    }
    for name, source in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source)

    scanned = scan(tmp_path)

    assert set(scanned.modules) == {
        "core",
        "core.models",
        "updates",
        "updates.models",
        "updates.feeds",
        "updates.migrations",
        "updates.migrations.0001_initial",
        "docs/script.py",
    }
    assert scanned.modules["updates.migrations.0001_initial"].is_migration
    graph = scanned.module_graph()
    assert set(graph["updates.models"]) == {"core.models", "updates.feeds"}
    assert "updates.models" not in graph["updates.feeds"], "only top-level imports are graphed"
    [cycle] = describe_cycles(graph, lambda a, b: [graph[a][b].describe()])
    assert cycle == (
        "Cycle 1: core.models -> updates.models -> core.models\n"
        "  core.models imports updates.models:\n"
        "      core/models.py:3: from updates import models\n"
        "  updates.models imports core.models:\n"
        "      updates/models.py:1: from core.models import Base"
    )
