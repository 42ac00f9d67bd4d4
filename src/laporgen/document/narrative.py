"""Narrative Markdown with Jinja placeholders → paragraph and list nodes.

Jinja runs sandboxed with autoescape (a "<" or "&" in data cannot inject markup) and strict
undefined (an unknown placeholder is an error naming the file and line, not a blank).
Markdown is converted by the `markdown` package and its small HTML read back into nodes.
A picture (`![Bagan Organisasi](gambar/bagan.png)`, the path relative to the narrative file)
becomes a `Figure` captioned with its alt text, numbered "Gambar x.y" with the charts; the file
must be a PNG or JPEG inside the document folder (`model.gambar`). A Markdown table (`| a | b |`,
as `laporgen import` writes a Word table) becomes a `Table` captioned by the paragraph just above
it ("Tabel: Jumlah Sekolah", or "Tabel 3.1 Jumlah Sekolah": laporgen numbers it with the rest).
"""

from __future__ import annotations

import contextvars
import dataclasses
import difflib
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from decimal import InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..errors import LaporgenError, Problem, display_path
from ..i18n import _
from ..model.gambar import image_problem
from . import markdown_cache, template_cache
from .nodes import (
    Align,
    Block,
    Cell,
    Column,
    Figure,
    Inline,
    LineBreak,
    ListBlock,
    Paragraph,
    Table,
    Text,
)

if TYPE_CHECKING:
    import markdown


class _NarrativeSandbox(SandboxedEnvironment):
    """The sandbox, plus a bound on `*` and `**`: `{{ "a" * 10**10 }}` in a narrative file must be
    an error, not a 10 GB string."""

    intercepted_binops = frozenset({"*", "**"})
    laporgen_filters: tuple[str, ...] = ()

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise SecurityError(_("the power {right} is too large").format(right=right))
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, (str, list, tuple))
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_SIZE
                ):
                    raise SecurityError(
                        _("the result of * would have more than {limit} items").format(
                            limit=MAX_SIZE
                        )
                    )
        if (
            operator == "+"
            and isinstance(left, (str, list, tuple))
            and isinstance(right, (str, list, tuple))
            and len(left) + len(right) > MAX_SIZE
        ):
            raise SecurityError(
                _("the result of + would have more than {limit} items").format(limit=MAX_SIZE)
            )
        return super().call_binop(context, operator, left, right)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's tree with every loop counted against the render's budget and every
        `~` operand bounded: the sandbox caps one range, not loops inside loops, nor a text
        doubled by `~` in a loop."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _STEPS, [], [], None, None, lineno=loop.iter.lineno)
        for concat in tree.find_all(nodes.Concat):
            concat.nodes = [
                nodes.Filter(n, _SIZED, [], [], None, None, lineno=n.lineno) for n in concat.nodes
            ]
        return tree


MAX_EXPONENT = 100
MAX_SIZE = 100_000
MAX_LOOP_STEPS = 200_000
"""Turns of all `{% for %}` loops of one narrative file together: a real file loops over a few
dozen indicators; two nested range(99999) loops would turn 10^10 times and never finish."""
MAX_OUTPUT_CHARS = 2_000_000
"""Text one narrative file may produce: a whole chapter is some 50 000 characters."""
MAX_RENDER_SECONDS = 5.0
"""Time to fill in one narrative file: a real one takes milliseconds. The clock is read only to
stop a runaway template (so `serve` stays alive), never to shape the output."""
_STEPS, _SIZED = "laporgen_loop", "laporgen_sized"


class _Budget:
    """What the narrative file being rendered has spent: loop turns, and time since it began."""

    def __init__(self) -> None:
        self.steps = 0
        self.started = time.monotonic()

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_LOOP_STEPS:
            raise _LimitError(
                _("the loops turn more than {limit} times").format(limit=MAX_LOOP_STEPS)
            )
        if self.steps % 1000 == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() - self.started > MAX_RENDER_SECONDS:
            raise _LimitError(
                _("filling in took more than {limit:g} seconds").format(limit=MAX_RENDER_SECONDS)
            )


class _LimitError(TemplateError):
    """A narrative file past one of the limits above."""

    hint = _("loop over the lists laporgen gives (a few dozen rows), not over long ranges")


class _OutputLimitError(_LimitError):
    hint = _("a loop or * repeats the text too often: write shorter text")


_budget: contextvars.ContextVar[_Budget] = contextvars.ContextVar("laporgen_narrative_budget")


def _counted(iterable: Any) -> Iterator[Any]:
    """`iterable`, each turn counted against the current render's budget."""
    budget = _budget.get(None) or _Budget()
    for item in iterable:
        budget.step()
        yield item


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_SIZE:
        raise _OutputLimitError(
            _("a text joined with ~ would have more than {limit} characters").format(limit=MAX_SIZE)
        )
    return value


def _bounded_render(template: Any, context: Mapping[str, Any]) -> str:
    """The template filled in, stopped as soon as it passes a limit (checked while rendering:
    after the fact would be too late)."""
    budget = _Budget()
    token = _budget.set(budget)
    try:
        parts, size = [], 0
        for part in template.generate(**context):
            size += len(part)
            if size > MAX_OUTPUT_CHARS:
                raise _OutputLimitError(
                    _("the text filled in is longer than {limit} characters").format(
                        limit=MAX_OUTPUT_CHARS
                    )
                )
            budget.check_time()
            parts.append(part)
        return "".join(parts)
    finally:
        _budget.reset(token)


def narrative_env(filters: Mapping[str, Any]) -> SandboxedEnvironment:
    env = _NarrativeSandbox(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(filters)
    env.laporgen_filters = tuple(sorted(filters))  # named in the fix of an unknown filter
    env.filters[_STEPS], env.filters[_SIZED] = _counted, _sized
    return env


def render_markdown(
    env: SandboxedEnvironment,
    text: str,
    path: Path,
    context: Mapping[str, Any],
    root: Path | None = None,
    key: str | None = None,
) -> tuple[Block, ...]:
    """The blocks of one narrative file, its placeholders filled from `context`; its pictures
    must lie inside `root` (the document folder; by default the file's own folder). `key` is
    the file's path under `narasi/` without ".md" ("sasaran/S1"): its tables' and pictures' ids
    start with it (by default the file's name)."""
    name = display_path(path)
    filters = getattr(env, "laporgen_filters", ())
    try:
        code = template_cache.compiled(env, text, path)
        filled = _bounded_render(
            env.template_class.from_code(env, code, env.make_globals(None), None), context
        )
    except TemplateSyntaxError as exc:
        raise LaporgenError([_syntax_problem(name, exc, text, filters)]) from exc
    except UndefinedError as exc:
        raise LaporgenError(
            [
                _attribute_problem(name, exc, text, env, context)
                or Problem(
                    name,
                    _("unknown placeholder: {message}").format(message=_plain(exc.message)),
                    _line_of(exc, text),
                    hint=_("known names: {context}").format(context=", ".join(sorted(context))),
                    code="narrative.placeholder",
                )
            ]
        ) from exc
    except _LimitError as exc:
        # past the output limit, no template line is running: point at the first loop
        line = _line_of(exc, text) or next(
            (n for n, row in enumerate(text.split("\n"), 1) if "{%" in row), 1
        )
        raise LaporgenError(
            [
                Problem(
                    name,
                    _("template error: {message}").format(message=exc.message),
                    line,
                    hint=exc.hint,
                    code="narrative.limit",
                )
            ]
        ) from exc
    except TemplateError as exc:  # includes SecurityError from the sandbox
        raise LaporgenError(
            [
                Problem(
                    name,
                    _("template error: {exc}").format(exc=_plain(str(exc))),
                    _line_of(exc, text),
                    hint=_(
                        "a narrative file may only use the placeholders and filters laporgen lists"
                    ),
                    code="narrative.template",
                )
            ]
        ) from exc
    except TypeError as exc:
        if "no loader" not in str(exc):
            raise LaporgenError([_runtime_problem(name, exc, text, filters)]) from exc
        raise LaporgenError(
            [
                Problem(
                    name,
                    _("{% include %}, {% import %} and {% extends %} are not available"),
                    _line_of(exc, text),
                    hint=_("write the text in this file"),
                    code="narrative.template",
                )
            ]
        ) from exc
    except (
        ArithmeticError,
        AttributeError,
        ValueError,
        LookupError,
        MemoryError,
        RecursionError,
    ) as exc:
        # the template's own expression failed ({{ 1/0 }}, {{ tahun + "x" }}): the user's to fix
        problem = _runtime_problem(name, exc, text, filters)
        raise LaporgenError([_naming_the_placeholder(problem, env, text, context)]) from exc
    pictures = _Pictures(path, root or path.parent, text, _id_base(key, path))
    html = markdown_cache.cached_html(
        filled, path, repr(MARKDOWN_OPTIONS), lambda text: _markdown().convert(text)
    )
    blocks = _HtmlBlocks.parse(html, pictures.figure, pictures.table)
    if pictures.problems:
        raise LaporgenError(pictures.problems)
    return blocks


def _id_base(key: str | None, path: Path) -> str:
    """What the ids of a narrative file's tables and pictures start with: its path under
    `narasi/` ("sasaran/S1" → "sasaran:S1"), so two files of one name in different subfolders
    give different ids, while a file at the top keeps its name ("capaian"), the ids it always
    had. ":" since no file name of a section (an `Id`) holds one, and HTML ids and Typst
    labels take it, where "/" is no label."""
    return key.replace("/", ":") if key else path.stem


class _Pictures:
    """The pictures of one narrative file, checked and made `Figure`s; every bad one is a
    problem naming the line that shows it."""

    def __init__(self, path: Path, root: Path, text: str, id_base: str):
        self.path, self.root, self.text, self.id_base = path, root, text, id_base
        self.problems: list[Problem] = []
        self.count = 0
        self.tables = 0

    def figure(self, src: str, alt: str) -> Figure | None:
        self.count += 1
        wrong = image_problem(src, self.path.parent, self.root)
        if wrong is not None:
            self.problems.append(
                Problem(
                    display_path(self.path),
                    wrong[0],
                    self._line(src),
                    hint=wrong[1],
                    code="narrative.image",
                )
            )
            return None
        if not alt.strip():
            self.problems.append(
                Problem(
                    display_path(self.path),
                    _("the picture '{src}' has no caption").format(src=src),
                    self._line(src),
                    hint=_(
                        "write the caption between the brackets: ![Bagan Organisasi](bagan.png)"
                    ),
                    code="narrative.image",
                )
            )
            return None
        resolved = (self.path.parent / src).resolve()
        return Figure(
            f"{self.id_base}-{self.count}",
            "",
            " ".join(alt.split()),
            str(resolved),
            alt=" ".join(alt.split()),
        )

    def table(
        self, caption: str | None, head: list[list[Cell]], body: list[list[Cell]]
    ) -> Table | None:
        """A Markdown table as a numbered `Table`, captioned by the paragraph above it."""
        self.tables += 1
        if caption is None:
            self.problems.append(
                Problem(
                    display_path(self.path),
                    _("a table has no caption"),
                    self._table_line(self.tables),
                    hint=_(
                        "write its caption on the line above it, then an empty line: "
                        "Tabel: Jumlah Sekolah per Jenjang"
                    ),
                    code="narrative.table",
                )
            )
            return None
        width = max(len(r) for r in (*head, *body))
        aligns: list[Align] = [
            next((r[i].align for r in body if i < len(r)), "left") for i in range(width)
        ]
        return Table(
            f"{self.id_base}-tabel-{self.tables}",
            "",
            caption,
            tuple(Column(1, a) for a in aligns),
            tuple(tuple(r) for r in head),
            tuple(tuple(r) for r in body),
        )

    def _table_line(self, n: int) -> int | None:
        """The first line of the file's `n`-th table (a run of lines starting with "|")."""
        seen, before = 0, ""
        for number, row in enumerate(self.text.split("\n"), start=1):
            if row.lstrip().startswith("|") and not before.lstrip().startswith("|"):
                seen += 1
                if seen == n:
                    return number
            before = row
        return None

    def _line(self, src: str) -> int | None:
        """The line of the file as written that shows the picture (a path is rarely built from
        placeholders; then no line is given)."""
        for number, row in enumerate(self.text.split("\n"), start=1):
            if f"]({src}" in row or f"]( {src}" in row:
                return number
        return None


def _attribute_problem(
    name: str, exc: UndefinedError, text: str, env: SandboxedEnvironment, context: Mapping[str, Any]
) -> Problem | None:
    """`{{ indikator["IS1.1"].capain }}`: Jinja says "'dict object' has no attribute 'capain'";
    this says which object and the names it has (None where the object cannot be found)."""
    missing = re.search(r"has no attribute '([^']+)'", exc.message or "")
    line = _line_of(exc, text)
    if missing is None or line is None:
        return None
    attr = missing.group(1)
    found = re.search(
        r"([A-Za-z_]\w*(?:\[[^\]]*\]|\.\w+)*)\s*\.\s*" + re.escape(attr) + r"\b",
        text.split("\n")[line - 1],
    )
    if found is None:
        return None
    try:
        value = env.compile_expression(found.group(1), undefined_to_none=False)(**context)
    except Exception:  # noqa: BLE001 - only a better message is at stake; Jinja's stands otherwise
        return None
    if isinstance(value, Mapping):
        names = sorted(str(k) for k in value)
    elif dataclasses.is_dataclass(value):
        names = [f.name for f in dataclasses.fields(value)]
    else:
        names = sorted(getattr(type(value), "model_fields", {})) or sorted(
            n for n in dir(value) if not n.startswith("_")
        )
    close = difflib.get_close_matches(attr, names, 1)
    hint = (_("did you mean {close}? ").format(close=close[0]) if close else "") + _(
        "{name} has: {names}"
    ).format(name=found.group(1), names=", ".join(names[:30]))
    return Problem(
        name,
        _("unknown placeholder: {name} has no '{attr}'").format(name=found.group(1), attr=attr),
        line,
        hint=hint,
        code="narrative.placeholder",
    )


_converters = threading.local()
MARKDOWN_OPTIONS: dict[str, Any] = {"output_format": "html", "extensions": ["tables"]}
"""How the converter is made; part of the key of the HTML kept between runs (`markdown_cache`)."""


def _markdown() -> markdown.Markdown:
    """This thread's Markdown converter, reset for the next file (making one per file cost a
    third of the conversion time). Imported here: a run that finds every file's HTML in the
    cache (`markdown_cache`) does not import `markdown` at all."""
    import markdown

    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(**MARKDOWN_OPTIONS)
    return converter.reset()


def _syntax_problem(
    name: str, exc: TemplateSyntaxError, text: str, filters: tuple[str, ...]
) -> Problem:
    """A Jinja syntax error in plain words; an unclosed block is located where it opens."""
    message, line = _plain(exc.message), exc.lineno
    hint = _("check the {{ }} and {% %} on that line; to print {{ as text, write {{ '{{' }}")
    unclosed = re.search(r"The innermost block that needs to be closed is '(\w+)'", message)
    if unclosed:
        tag = unclosed.group(1)
        opened = [
            n
            for n, row in enumerate(text.split("\n"), start=1)
            if re.search(r"\{%-?\s*" + tag + r"\b", row)
        ]
        message, line = (
            _("{{% {tag} %}} is never closed").format(tag=tag),
            opened[-1] if opened else line,
        )
        hint = _("add {{% end{tag} %}} where the block ends").format(tag=tag)
    elif message.startswith("expected token 'end of print statement'"):
        message = _("a {{ placeholder }} is not closed, or holds more than one name")
        hint = _("close it with }} right after the name")
    elif message.startswith("No filter named"):
        known = (
            _("laporgen's filters: {filters}").format(filters=", ".join(filters))
            if filters
            else _("check the filter's name")
        )
        hint = _("{known}; see the README").format(known=known)
    return Problem(
        name,
        _("template syntax error: {message}").format(message=message),
        line,
        hint=hint,
        code="narrative.syntax",
    )


def _plain(message: str | None) -> str:
    """Jinja's message without its closing full stop (a hint follows after "; ")."""
    return (message or "").rstrip().rstrip(".")


def _runtime_problem(name: str, exc: BaseException, text: str, filters: tuple[str, ...]) -> Problem:
    """A placeholder's expression that failed while filling in: {{ 1/0 }}, {{ opd | persen }}."""
    if isinstance(exc, InvalidOperation):  # a number filter given text
        return Problem(
            name,
            _("template error: a number filter was given text"),
            _line_of(exc, text),
            hint=_("use {filters} on numbers only").format(
                filters=", ".join(filters) or _("number filters")
            ),
            code="narrative.template",
        )
    detail = _plain(str(exc)) or type(exc).__name__
    return Problem(
        name,
        _("template error: {detail}").format(detail=detail),
        _line_of(exc, text),
        hint=_("fix the expression inside {{ }} or {% %} on that line"),
        code="narrative.template",
    )


_PLACEHOLDER = re.compile(r"\{\{-?(.*?)-?\}\}")


def _naming_the_placeholder(
    problem: Problem, env: SandboxedEnvironment, text: str, context: Mapping[str, Any]
) -> Problem:
    """`problem` naming the placeholder of its line that fails, and, where a filter was given a
    value that is printed already ({{ anggaran.pagu|rp }}), the placeholder without it."""
    if problem.line is None:
        return problem
    line = text.split("\n")[problem.line - 1]
    for expression in (m.group(1).strip() for m in _PLACEHOLDER.finditer(line)):
        try:
            env.from_string("{{ " + expression + " }}").render(**context)
            continue
        except Exception:  # noqa: BLE001 - any failure marks the placeholder; its kind was reported
            pass
        hint = problem.hint
        bare, _bar, last = (part.strip() for part in expression.rpartition("|"))
        filters = getattr(env, "laporgen_filters", ())
        if bare and last in filters:
            try:
                shown = env.from_string("{{ " + bare + " }}").render(**context)
            except Exception:  # noqa: BLE001 - the value itself fails too: the general hint stands
                shown = None
            if shown is not None and re.search(r"\d", shown):
                hint = _("{bare} is printed already ({shown}): write {{{{ {bare} }}}}").format(
                    bare=bare, shown=shown
                )
            elif shown is not None:
                hint = _(
                    "{bare} is a text ({shown}), and {filters} take numbers: write {{{{ {bare} }}}}"
                ).format(bare=bare, shown=shown[:40], filters=", ".join(filters))
        return Problem(
            problem.file,
            _("{message} in {{{{ {expression} }}}}").format(
                message=problem.message.split(";")[0], expression=expression
            ),
            problem.line,
            problem.field,
            hint,
            problem.code,
        )
    return problem


def _line_of(exc: BaseException, text: str) -> int | None:
    """The line of the failing placeholder: Jinja's traceback line when it has one."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


TableMaker = Callable[[str | None, list[list[Cell]], list[list[Cell]]], Table | None]

_TABLE_CAPTION = re.compile(r"(?i)tabel(?:\s*:\s*|\s+\d+(?:\.\d+)*\.?\s+)(\S.*)")
"""A table's caption paragraph: "Tabel: Judul", or "Tabel 3.1 Judul" as Word captions it."""

_ALIGN: dict[str, Align] = {"left": "left", "center": "center", "right": "right"}
_FIGURE = re.compile(r"[-+]?(Rp\.?\s?)?[\d.,]+\s?%?|-")
"""A cell of a number column: "1.234", "12,5%", "Rp 2.000", "-"."""


def _no_table(caption: str | None, head: list[list[Cell]], body: list[list[Cell]]) -> None:
    return None


class _HtmlBlocks(HTMLParser):
    """Reads the HTML that `markdown` produces (p, ul/ol/li, strong/em, br, table) into nodes."""

    def __init__(
        self, picture: Callable[[str, str], Figure | None], table: TableMaker = _no_table
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.picture, self.table = picture, table
        self.blocks: list[Block] = []
        self.stack: list[dict[str, Any]] = []  # open lists: {"marker", "items": [[blocks]]}
        self.inlines: list[Inline] | None = None
        self.strong = self.emph = 0
        self.grid: dict[str, Any] | None = None  # an open table: caption, head, body, row, cell

    @classmethod
    def parse(
        cls,
        html: str,
        picture: Callable[[str, str], Figure | None],
        table: TableMaker = _no_table,
    ) -> tuple[Block, ...]:
        parser = cls(picture, table)
        parser.feed(html)
        parser.close()
        parser._flush()
        return tuple(parser.blocks)

    def _target(self) -> list[Block]:
        return self.stack[-1]["items"][-1] if self.stack else self.blocks

    def _flush(self) -> None:
        if self.inlines:
            while (
                self.inlines
                and isinstance(self.inlines[-1], Text)
                and not self.inlines[-1].text.strip()
            ):
                self.inlines.pop()
            if self.inlines:
                self._target().append(Paragraph(tuple(self.inlines)))
        self.inlines = None

    def _open_table(self) -> None:
        self._flush()
        target, caption = self._target(), None
        last = target[-1] if target else None
        if isinstance(last, Paragraph):
            text = "".join(i.text for i in last.inlines if isinstance(i, Text)).strip()
            found = _TABLE_CAPTION.fullmatch(text)
            if found:
                target.pop()
                caption = found.group(1).strip()
        self.grid = {"caption": caption, "head": [], "body": [], "row": None, "part": "body"}

    def _close_cell(self, head: bool) -> None:
        grid = self.grid
        if grid is None or grid["row"] is None:
            return
        inlines = tuple(self.inlines or ())
        self.inlines = None
        text = "".join(i.text for i in inlines if isinstance(i, Text)).strip()
        typed: Align | None = grid.pop("align", None)
        align: Align = typed or (
            "right" if not head and text and _FIGURE.fullmatch(text) else "left"
        )
        if head:
            align = "center"
        grid["row"].append(
            Cell((Paragraph(inlines, align=align),), align=align, strong=head, shade=head)
        )

    def _close_table(self) -> None:
        grid, self.grid = self.grid, None
        if grid is None or not (grid["head"] or grid["body"]):
            return
        table = self.table(grid["caption"], grid["head"], grid["body"])
        if table is not None:
            self._target().append(table)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open_table()
            return
        if self.grid is not None:
            if tag == "thead":
                self.grid["part"] = "head"
            elif tag == "tbody":
                self.grid["part"] = "body"
            elif tag == "tr":
                self.grid["row"] = []
            elif tag in ("td", "th"):
                style = dict(attrs).get("style") or ""
                aligned = re.search(r"text-align:\s*(\w+)", style)
                self.grid["align"] = _ALIGN.get(aligned.group(1)) if aligned else None
                self.inlines = []
                return
        if tag in ("ul", "ol"):
            self._flush()
            self.stack.append({"marker": "1." if tag == "ol" else "-", "items": []})
        elif tag == "li" and self.stack:
            self._flush()
            self.stack[-1]["items"].append([])
        elif tag == "p":
            self._flush()
        elif tag in ("strong", "b"):
            self.strong += 1
        elif tag in ("em", "i"):
            self.emph += 1
        elif tag == "br":
            self._inline(LineBreak())
        elif tag == "img":
            # a picture is a block of its own: the text before it ends a paragraph
            found = dict(attrs)
            self._flush()
            figure = self.picture(found.get("src") or "", found.get("alt") or "")
            if figure is not None:
                self._target().append(figure)

    def handle_endtag(self, tag: str) -> None:
        if self.grid is not None:
            if tag in ("td", "th"):
                self._close_cell(tag == "th")
                return
            if tag == "tr" and self.grid["row"] is not None:
                self.grid[self.grid["part"]].append(self.grid["row"])
                self.grid["row"] = None
                return
            if tag == "table":
                self._close_table()
                return
        if tag in ("ul", "ol") and self.stack:
            self._flush()
            done = self.stack.pop()
            items = tuple(tuple(item) for item in done["items"])
            self._target().append(ListBlock(items, done["marker"]))
        elif tag in ("p", "li"):
            self._flush()
        elif tag in ("strong", "b"):
            self.strong -= 1
        elif tag in ("em", "i"):
            self.emph -= 1

    def handle_data(self, data: str) -> None:
        if self.inlines is None and not data.strip():
            return
        text = " ".join(data.split("\n"))
        if self.inlines is None:
            text = text.lstrip()
        self._inline(Text(text, strong=self.strong > 0, emph=self.emph > 0))

    def _inline(self, inline: Inline) -> None:
        if self.inlines is None:
            self.inlines = []
        self.inlines.append(inline)


def render_all(
    env: SandboxedEnvironment,
    files: Mapping[str, Any],
    known: set[str],
    context: Mapping[str, Any],
    root: Path | None = None,
) -> dict[str, tuple[Block, ...]]:
    """Every narrative file (`key → Narasi`) rendered up front, so all their problems are
    reported at once; a file whose key is not `known` (no section of that id) is an error,
    not silently left out. Pictures must lie inside `root` (the document folder)."""
    rendered: dict[str, tuple[Block, ...]] = {}
    problems: list[Problem] = []
    for key, narasi in files.items():
        if key not in known:
            problems.append(
                Problem(
                    display_path(narasi.path),
                    _("this narrative file matches no section"),
                    hint=_("rename it to one of: {known}").format(known=", ".join(sorted(known))),
                    code="narrative.unknown",
                )
            )
            continue
        try:
            rendered[key] = render_markdown(env, narasi.text, narasi.path, context, root, key)
        except LaporgenError as exc:
            problems.extend(exc.problems)
    if problems:
        raise LaporgenError(problems)
    return rendered
