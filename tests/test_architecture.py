"""The house's shape: no import cycle between modules of ``etl`` (imports inside
functions count too), and every module opens with a docstring that says what it owns."""

from __future__ import annotations

import ast
from pathlib import Path

ETL = Path(__file__).resolve().parent.parent / "etl"


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


def test_workers_do_not_import_the_database_side() -> None:
    graph = _graph()
    assert not {"etl.pipeline", "etl.load", "etl.models"} & graph["etl.workers"]
    assert not {"etl.pipeline", "etl.load", "etl.models"} & graph["etl.transform"]


def test_every_module_says_what_it_owns() -> None:
    missing = [
        str(path.relative_to(ETL.parent))
        for path in ETL.rglob("*.py")
        if path.name != "__main__.py" and not ast.get_docstring(ast.parse(path.read_text()))
    ]
    assert missing == []
