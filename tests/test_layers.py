"""The rule of flow (STYLE.md §1): model → compute → document → render, build/cli on top.
A module imports only from stages to its left plus the leaves `errors` and `numbers`; render
imports only `document.nodes` and `errors` from laporgen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "laporgen"

RANK = {"errors": 0, "numbers": 0, "output": 0, "collector": 0, "model": 1, "compute": 2, "document": 3, "check": 3, "check_renstra": 3.5,
        "render": 4, "build": 5, "revisi": 5, "schema": 2, "batch": 5.5, "scaffold": 5.5, "cli": 6,
        "realisasi_template": 4.5, "realisasi_import": 5, "serve": 5.5}


def stage(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__init__"


def imports(path: Path) -> set[str]:
    """The laporgen modules `path` imports, absolute."""
    module = "laporgen." + ".".join(path.relative_to(SRC).with_suffix("").parts)
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
                out |= {f"{name}.{a.name}" if not node.module and node.level else name for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("laporgen")}
    return out


MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_flow_downstream_only(path):
    here = stage("laporgen." + ".".join(path.relative_to(SRC).with_suffix("").parts))
    for target in imports(path):
        there = stage(target)
        if there == here or there == "__init__":
            continue
        assert RANK[there] <= RANK[here] and not (RANK[there] == RANK[here] and RANK[here] > 0), (
            f"{path.relative_to(SRC)} imports {target}: {there} is not upstream of {here}")
        if here == "render":
            assert target in ("laporgen.document.nodes", "laporgen.errors", "laporgen.collector"), f"render imports {target}"
