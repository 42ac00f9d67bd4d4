"""The formula of a declared table's column (`rumus: "realisasi / target * 100"`), read with
Python's `ast` and restricted to numbers, column ids, + - * /, unary minus and parentheses:
nothing is ever `eval`ed. Validated here when the file is loaded, so a bad formula is an error at
its line; evaluated by `compute/rumus.py`."""

from __future__ import annotations

import ast

from ..i18n import _

OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div)


class RumusError(ValueError):
    """A formula that is not numbers, column ids, + - * / and parentheses."""


def parse_rumus(text: str) -> ast.expr:
    """The formula's expression tree; `RumusError` with a fix when it holds anything else."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise RumusError(_("is not a formula ({reason})").format(reason=exc.msg)) from None
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            if not isinstance(node.op, OPERATORS):
                raise RumusError(
                    _("uses an operator other than + - * / ({part})").format(part=ast.unparse(node))
                )
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                raise RumusError(
                    _("uses an operator other than + - * / ({part})").format(part=ast.unparse(node))
                )
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
                raise RumusError(
                    _("holds {value}, which is not a number").format(value=repr(node.value))
                )
        elif isinstance(node, ast.Name):
            pass
        elif not isinstance(node, (ast.operator, ast.unaryop, ast.Load)):
            raise RumusError(
                _("uses {part}, which is not a number, a column id, + - * / or parentheses").format(
                    part=ast.unparse(node)
                )
            )
    return tree


def names_in(text: str) -> list[str]:
    """The column ids a (valid) formula uses, in order of appearance."""
    return [n.id for n in ast.walk(parse_rumus(text)) if isinstance(n, ast.Name)]
