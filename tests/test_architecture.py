"""The house's shape: one package per stage, no import cycle between modules of ``etl``
(imports inside functions count too), a worker side that loads no database code
through its whole import closure, and every module opening with a docstring that says
what it owns."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ETL = Path(__file__).resolve().parent.parent / "etl"

# What a worker process imports: the module whose function it runs, the fork server's
# preload, and the transform itself.
WORKER_SIDE = ("etl.run.workers", "etl.run.warm", "etl.transform")
DATABASE_SIDE = ("sqlalchemy", "psycopg", "etl.models", "etl.bulk", "etl.db")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ETL.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in ETL.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_etl_modules() -> None:
    graph = _graph()
    # A package's __init__ re-exporting its modules is not a cycle of logic.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    assert _cycle(graph) is None


def _loaded_by(module: str) -> set[str]:
    """Every module in ``sys.modules`` after importing ``module`` in a fresh interpreter."""
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ETL.parent
    ).stdout
    return set(json.loads(out))


def test_the_worker_side_loads_no_database_code() -> None:
    for module in WORKER_SIDE:
        loaded = _loaded_by(module)
        leaked = sorted(
            name
            for name in loaded
            if any(name == d or name.startswith(d + ".") for d in DATABASE_SIDE)
        )
        assert leaked == [], f"import {module} loads {leaked[:5]}"


def test_the_extraction_side_has_no_arrow_to_the_database_side() -> None:
    graph = _graph()
    database = {
        "etl.models",
        "etl.bulk",
        "etl.db",
        "etl.migrate",
        "etl.views",
        "etl.checks",
        "etl.roles",
    }
    database |= {
        name
        for name in graph
        if name.startswith(("etl.run", "etl.events.copies", "etl.events.linking"))
    }
    extraction = {name for name in graph if name.startswith("etl.extract")}
    extraction |= {"etl.transform", "etl.clean", "etl.resolve", "etl.nlp", "etl.events.minhash"}
    arrows = sorted((a, b) for a in extraction for b in graph[a] if b in database)
    assert arrows == []


def test_every_module_says_what_it_owns() -> None:
    missing = [
        str(path.relative_to(ETL.parent))
        for path in ETL.rglob("*.py")
        if path.name != "__main__.py" and not ast.get_docstring(ast.parse(path.read_text()))
    ]
    assert missing == []
