"""The formula of a declared table's column (`rumus: "realisasi / target * 100"`), read with
Python's `ast` and restricted to numbers, column ids, + - * /, unary minus and parentheses:
nothing is ever `eval`ed. Validated here when the file is loaded, so a bad formula is an error at
its line; evaluated by `compute/rumus.py`."""

from __future__ import annotations

import ast
import re

from ..i18n import _

_OPERAND = r"[ \t(+-]*(?:[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?|\.\d+)[ \t)]*"
POLA = rf"^{_OPERAND}(?:[-+*/]{_OPERAND})*$"
"""The tokens of a formula in order (operands, + - * /, parentheses; not their nesting), as a
pattern: the JSON Schema states it, so the editor refuses what the loader refuses, and the loader
refuses what it does not match (a comment, `1e3`, a line break) although Python would parse it."""

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
    if not re.fullmatch(POLA, text.strip()):
        raise RumusError(
            _(
                "is not column ids and numbers joined by + - * / (no exponents, comments or line breaks)"
            )
        )
    return tree


def names_in(text: str) -> list[str]:
    """The column ids a (valid) formula uses, in order of appearance."""
    return [n.id for n in ast.walk(parse_rumus(text)) if isinstance(n, ast.Name)]
