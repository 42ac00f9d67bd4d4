"""A declared column's formula evaluated over a row's numbers, in Decimal (the syntax is checked
by `model/rumus.py` when the file is loaded). A value that is not a number (text such as "N.a",
a missing cell) or a division by zero gives None: the table prints "-", and nothing is inferred."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from decimal import Decimal

from ..model.rumus import parse_rumus


def hitung(rumus: str, values: Mapping[str, object]) -> Decimal | None:
    """`rumus` over `values` (column id → cell value); None when it cannot be computed."""
    return _eval(parse_rumus(rumus), values)


def _eval(node: ast.expr, values: Mapping[str, object]) -> Decimal | None:
    if isinstance(node, ast.Constant):
        return (
            Decimal(repr(node.value)) if isinstance(node.value, float) else Decimal(str(node.value))
        )
    if isinstance(node, ast.Name):
        value = values.get(node.id)
        return value if isinstance(value, Decimal) else None
    if isinstance(node, ast.UnaryOp):
        inner = _eval(node.operand, values)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, values), _eval(node.right, values)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        return None if right == 0 else left / right
    raise AssertionError(f"parse_rumus let {ast.dump(node)} through")
