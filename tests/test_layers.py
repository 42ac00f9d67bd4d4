"""The rule of flow (STYLE.md §1): model → compute → document → check → render, then the registry
of document types, the pipeline (`build`), the commands and `cli` on top. A module imports only
from stages to its left plus the leaves; render imports only `document.nodes` and the leaves from
laporgen; and no import cycle exists anywhere, inside a stage either (imports inside functions
and under TYPE_CHECKING count: a cycle there is a cycle in the design)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "laporgen"

LEAVES = {"errors", "numbers", "output", "collector", "i18n", "cache"}
RANK = {
    "model": 1,
    "compute": 2,
    "document": 3,
    "check": 4,
    "render": 5,
    "jenis": 6,
    "build": 7,
    "commands": 8,
    "cli": 9,
} | dict.fromkeys(LEAVES, 0)


def module_of(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return "laporgen." + ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__init__"


def imports(path: Path) -> set[str]:
    """The laporgen modules `path` imports, absolute (a `from package import name` counts as
    the submodule when `name` is one)."""
    module = module_of(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.startswith("laporgen"):
                for a in node.names:
                    sub = f"{name}.{a.name}"
                    out.add(sub if sub in MODULE_NAMES else name)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("laporgen")}
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_lazy"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            # the registry names its stages as "laporgen.module:function", imported when called
            out.add(str(node.args[0].value).partition(":")[0])
    return out


MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py")
MODULE_NAMES = {module_of(p) for p in SRC.rglob("*.py")}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_flow_downstream_only(path):
    here = stage(module_of(path))
    assert here in RANK, f"{path.relative_to(SRC)}: stage {here} has no rank; give it one in RANK"
    for target in imports(path):
        there = stage(target)
        if there == here or there == "__init__":
            continue
        assert RANK[there] < RANK[here] or RANK[there] == RANK[here] == 0, (
            f"{path.relative_to(SRC)} imports {target}: {there} is not upstream of {here}"
        )
        if here == "render":
            # the messages of its Problems are translated (laporgen.i18n)
            assert target in (
                "laporgen.document.nodes",
                "laporgen.errors",
                "laporgen.collector",
                "laporgen.i18n",
            ), f"render imports {target}"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of `graph`, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return stack[stack.index(n) :] + [n]
            if n not in state and (found := visit(n)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_cycle_anywhere():
    graph = {
        module_of(p): {t for t in imports(p) if t in MODULE_NAMES and t != module_of(p)}
        for p in SRC.rglob("*.py")
    }
    # a package's __init__ is imported with any of its modules, not a module of its own
    graph = {m: {t for t in ts if not (m.startswith(t + "."))} for m, ts in graph.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
