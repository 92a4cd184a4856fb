"""The import rules of docs/architecture.md, checked on the source itself.

Data flows one way: sources and articles, then the store, then reconcile, then the
analyses, then the views, then the shells. A module may import from its own layer and the
layers before it, never from a later one; the analyses do not reach into the store at all
(they take what it read as arguments); and no shell imports another, except that the CLI,
the outermost entry point, starts the report writer and the web server.
Every import counts, also one made inside a function.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "evlens"

#: The layers in the order data flows through them; a top-level module is its own unit.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "errors",
            "values",
            "periods",
            "calendars",
            "gazetteer",
            "tickers",
            "facts",
            "validate",
            "demo",
            "data",
            "defaults",
            "results",
        }
    ),
    frozenset({"sources", "extract"}),
    frozenset({"store"}),
    frozenset({"reconcile"}),
    frozenset({"market", "events", "ops"}),
    frozenset({"views"}),
    frozenset({"report", "web"}),
    frozenset({"cli"}),
)
ANALYSES = frozenset({"market", "events", "ops"})
SHELLS = frozenset({"cli", "report", "web"})
#: What the CLI may start in another shell: the report writer, its PNG export and the server.
CLI_MAY_START = frozenset({"evlens.report", "evlens.report.png", "evlens.web", "evlens.web.server"})


def layer_of(unit: str) -> int:
    for i, units in enumerate(LAYERS):
        if unit in units:
            return i
    raise AssertionError(
        f"{unit!r} is in no layer of LAYERS: add it to the table and to docs/architecture.md"
    )


def unit_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def evlens_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of an evlens module in ``path``, relative ones made
    absolute; imports inside functions included."""
    rel = path.relative_to(SRC)
    package = ["evlens", *rel.parts[:-1]]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
                # `from . import x` names a module x of the package as well
                out += [(node.lineno, f"{module}.{a.name}") for a in node.names] if not node.module else []
                out.append((node.lineno, module))
            else:
                out.append((node.lineno, node.module or ""))
    return [(line, m) for line, m in out if m == "evlens" or m.startswith("evlens.")]


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


def violations() -> list[str]:
    found = []
    for path in modules():
        unit = unit_of(path)
        for line, module in evlens_imports(path):
            parts = module.split(".")
            if len(parts) < 2:
                continue
            target = parts[1]
            if not (SRC / target).is_dir() and not (SRC / f"{target}.py").is_file():
                continue  # a name imported from a package's __init__, checked through that package
            if target == unit:
                continue
            where = f"{path.relative_to(SRC.parent)}:{line} imports {module}"
            if unit in ANALYSES and target == "store":
                found.append(f"{where}: an analysis reads nothing from the store itself")
            elif unit in SHELLS and target in SHELLS:
                if not (unit == "cli" and ".".join(parts[:3]) in CLI_MAY_START | {"evlens." + target}):
                    found.append(f"{where}: a shell imports another shell")
            elif layer_of(target) > layer_of(unit):
                found.append(f"{where}: {target}/ comes after {unit}/ in the flow")
    return found


def test_every_unit_has_a_layer():
    units = {unit_of(p) for p in modules()}
    for unit in units:
        layer_of(unit)


def test_imports_follow_the_flow():
    assert violations() == []


@pytest.mark.parametrize(
    ("unit", "source", "expected"),
    [
        ("market", "from ..store.shares import share_rows", "reads nothing from the store"),
        ("ops", "def f():\n    from ..views import build_report\n", "comes after ops/"),
        ("web", "from ..report.render import render_html", "a shell imports another shell"),
        ("reconcile", "from ..ops import intervals", "comes after reconcile/"),
        ("store", "import evlens.cli.common", "comes after store/"),
    ],
)
def test_the_check_finds_a_wrong_import(tmp_path, monkeypatch, unit, source, expected):
    """The rule catches each kind of wrong arrow when one is written into a copy of a unit."""
    fake = tmp_path / "evlens"
    for p in SRC.iterdir():
        if p.is_dir() and p.name != "__pycache__":
            (fake / p.name).mkdir(parents=True)
        elif p.suffix == ".py":
            (fake / p.name).parent.mkdir(parents=True, exist_ok=True)
            (fake / p.name).write_text("")
    (fake / unit / "bad.py").write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "SRC", fake)
    found = violations()
    assert len(found) == 1 and expected in found[0] and f"{unit}/bad.py:" in found[0]


def test_every_result_shares_one_base():
    """A class that gives both ``to_dict()`` and ``summary()`` is a result: it subclasses
    :class:`evlens.results.Result`, so that ``str()`` of it is its summary."""
    loose = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                methods = {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
                bases = {ast.unparse(b) for b in node.bases}
                if {"to_dict", "summary"} <= methods and "Result" not in bases and node.name != "Result":
                    loose.append(f"{path.relative_to(SRC.parent)}:{node.lineno} {node.name}")
    assert loose == []


def test_str_of_a_result_is_its_summary():
    from evlens.gazetteer import reported_metric
    from evlens.results import Result

    m = reported_metric("byd")
    assert isinstance(m, Result) and str(m) == m.summary() and "byd" in str(m).lower()


MAX_FUNCTION_LINES = 60


def _own_lines(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from ``def`` to the function's end, less the functions and classes nested in it
    (each of those is measured on its own)."""
    nested: list[ast.AST] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                nested.append(child)
            else:
                visit(child)

    visit(fn)
    inner = sum(n.end_lineno - n.lineno + 1 + len(n.decorator_list) for n in nested)
    return fn.end_lineno - fn.lineno + 1 - inner


def test_no_function_over_60_lines_unless_its_docstring_says_why():
    long = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = _own_lines(node)
                if n > MAX_FUNCTION_LINES and "long because" not in (ast.get_docstring(node) or "").lower():
                    long.append(f"{path.relative_to(SRC.parent)}:{node.lineno} {node.name} ({n} lines)")
    assert long == []


def test_no_module_binds_a_constant_twice():
    # a second binding of a module's constant silently replaces the first for every use of it
    twice = []
    for path in modules():
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for t in targets:
                if isinstance(t, ast.Name) and t.id.lstrip("_").isupper():
                    if t.id in seen:
                        twice.append(f"{path.relative_to(SRC.parent)}:{node.lineno} {t.id}")
                    seen.add(t.id)
    assert twice == []
