"""The HTML of each narrative file's Markdown kept between runs, as its compiled template is
(`template_cache`): importing `markdown` and converting the 36 files of an LKjIP was a
sixteenth of `laporgen check`, and most runs while editing change one file or none.

One cache file per narrative file (named by its path and the converter's fingerprint: the
`markdown` package's own version files and the options narrative.py makes it with), holding a
hash of the Markdown it was made from: an edited file is converted again and replaces it. Only the
conversion is skipped: the HTML is read into nodes, and its pictures checked, on every run.
The cache is only ever a shortcut (`LAPORGEN_NO_CACHE=1` turns it off, as for templates).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

from ..cache import cache_dir, read_entry, write_entry

VERSION = 2  # raise when laporgen converts differently in a way the fingerprint does not show


def cached_html(markdown_text: str, path: Path, options: str, convert: Callable[[str], str]) -> str:
    """`convert(markdown_text)` (the Markdown of the narrative file `path`, placeholders
    filled): from the cache when this text was converted before by this `markdown` made with
    `options` (the converter's settings, as text)."""
    folder = cache_dir("html")
    fingerprint = _fingerprint()
    if folder is None or fingerprint is None:
        return convert(markdown_text)
    entry = folder / (
        hashlib.sha256(f"{os.path.abspath(path)}\0{fingerprint}\0{options}".encode()).hexdigest()
        + ".html"
    )
    head = hashlib.sha256(markdown_text.encode("utf-8", "surrogatepass")).digest()
    body = read_entry(entry, head)
    if body is not None:
        try:
            return body.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            pass
    html = convert(markdown_text)
    write_entry(entry, head, html.encode("utf-8", "surrogatepass"))
    return html


@functools.cache
def _fingerprint() -> str | None:
    """What the HTML depends on besides the text: the installed `markdown` (its version files,
    read, not imported: importing it is what the cache saves). None
    when `markdown` cannot be found that way: then nothing is cached."""
    spec = importlib.util.find_spec("markdown")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    digest = hashlib.sha256(f"laporgen-html-{VERSION}|{package}".encode())
    try:
        for name in ("__init__.py", "__meta__.py"):
            file = package / name
            if file.exists():
                digest.update(file.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()
