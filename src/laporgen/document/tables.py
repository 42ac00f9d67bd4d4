"""What every document type's table set shares: an unnumbered `Table` with the type's caption."""

from __future__ import annotations

from typing import Any

from .nodes import Table


class TableSet:
    """Base of `LkjipTables`, `RenstraTables`, `PkTables`: a subclass sets `caption`, the lines
    under every title unless a table gives its own (`lines`)."""

    caption: tuple[str, ...] = ()

    def _table(self, id: str, title: str, cols: Any, head_rows: Any, body: Any, foot: Any = (),
               lines: tuple[str, ...] | None = None, **kw: Any) -> Table:
        caption = self.caption if lines is None else lines
        return Table(id, "", title, cols, head_rows, tuple(body), tuple(foot), caption, **kw)
