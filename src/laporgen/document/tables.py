"""What every document type's table set shares: an unnumbered `Table` with the type's caption."""

from __future__ import annotations

from typing import Any, TypeVar

from .nodes import Table


T = TypeVar("T")


def present(value: T | None, what: str) -> T:
    """`value`, an optional part of the content that a table needs: the builder asks for the
    table only when the content has it, so None here is a bug."""
    if value is None:
        raise ValueError(f"{what} is not in the content: its table should not have been asked for")
    return value


class TableSet:
    """Base of `LkjipTables`, `RenstraTables`, `PkTables`: a subclass sets `caption`, the lines
    under every title unless a table gives its own (`lines`)."""

    caption: tuple[str, ...] = ()

    def _table(
        self,
        id: str,
        title: str,
        cols: Any,
        head_rows: Any,
        body: Any,
        foot: Any = (),
        lines: tuple[str, ...] | None = None,
        **kw: Any,
    ) -> Table:
        caption = self.caption if lines is None else lines
        return Table(id, "", title, cols, head_rows, tuple(body), tuple(foot), caption, **kw)
