"""Narrative Markdown with Jinja placeholders → paragraph and list nodes.

Jinja runs sandboxed with autoescape (a "<" or "&" in data cannot inject markup) and strict
undefined (an unknown placeholder is an error naming the file and line, not a blank).
Markdown is converted by the `markdown` package and its small HTML read back into nodes.
"""

from __future__ import annotations

from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import LaporgenError, Problem, display_path
from .nodes import Block, Inline, LineBreak, ListBlock, Paragraph, Text


def narrative_env(filters: Mapping[str, Any]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(filters)
    return env


def render_markdown(env: SandboxedEnvironment, text: str, path: Path, context: Mapping[str, Any]) -> tuple[Block, ...]:
    """The blocks of one narrative file, its placeholders filled from `context`."""
    try:
        filled = env.from_string(text).render(**context)
    except TemplateSyntaxError as exc:
        raise LaporgenError([Problem(display_path(path), f"template syntax error: {exc.message}", exc.lineno,
                                     hint="check the {{ }} and {% %} on that line", code="narrative.syntax")]) from exc
    except UndefinedError as exc:
        raise LaporgenError([Problem(display_path(path), f"unknown placeholder: {exc.message}", _line_of(exc, text),
                                     hint=f"known names: {', '.join(sorted(context))}", code="narrative.placeholder")]) from exc
    except TemplateError as exc:  # includes SecurityError from the sandbox
        raise LaporgenError([Problem(display_path(path), f"template error: {exc}", _line_of(exc, text),
                                     code="narrative.template")]) from exc
    html = markdown.markdown(filled, output_format="html")
    return _HtmlBlocks.parse(html)


def _line_of(exc: Exception, text: str) -> int | None:
    """The line of the failing placeholder: Jinja's traceback line when it has one."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class _HtmlBlocks(HTMLParser):
    """Reads the HTML that `markdown` produces (p, ul/ol/li, strong/em, br) into nodes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[dict] = []  # open lists: {"marker", "items": [[blocks]]}
        self.inlines: list[Inline] | None = None
        self.strong = self.emph = 0

    @classmethod
    def parse(cls, html: str) -> tuple[Block, ...]:
        parser = cls()
        parser.feed(html)
        parser.close()
        parser._flush()
        return tuple(parser.blocks)

    def _target(self) -> list[Block]:
        return self.stack[-1]["items"][-1] if self.stack else self.blocks

    def _flush(self) -> None:
        if self.inlines:
            while self.inlines and isinstance(self.inlines[-1], Text) and not self.inlines[-1].text.strip():
                self.inlines.pop()
            if self.inlines:
                self._target().append(Paragraph(tuple(self.inlines)))
        self.inlines = None

    def handle_starttag(self, tag: str, attrs) -> None:
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

    def handle_endtag(self, tag: str) -> None:
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
