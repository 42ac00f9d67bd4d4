"""Compiled narrative templates kept between runs, as Python keeps its .pyc files: Jinja
compiling the 39 narrative files of an LKjIP took a twentieth of `laporgen check`, and most
runs while editing change one file or none.

One cache file per narrative file (named by its path and the environment), holding the hash
of the text it was compiled from: an edited text is compiled again and replaces it. The cache
is only ever a shortcut — a file that cannot be read or written is compiled as if there were
none. `LAPORGEN_NO_CACHE=1` turns it off; it lives in `$XDG_CACHE_HOME/laporgen` (by default
`~/.cache/laporgen`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import Environment

from ..cache import cache_dir, write_whole

VERSION = 1  # raise when what laporgen compiles changes in a way the fingerprint does not show
MAGIC = (
    importlib.util.MAGIC_NUMBER + f"laporgen-narasi-{VERSION}-jinja-{jinja2.__version__}\n".encode()
)


def compiled(env: Environment, text: str, path: Path) -> CodeType:
    """The code of `text` (the narrative file `path`) compiled by `env`: from the cache when
    this text was compiled by such an environment before. Raises what `env.compile` raises."""
    folder = cache_dir()
    if folder is None:
        return env.compile(text)
    # abspath, not resolve(): no file-system call per narrative file, and a name is all it takes
    entry = folder / (
        hashlib.sha256(f"{os.path.abspath(path)}\0{_fingerprint(env)}".encode()).hexdigest()
        + ".bin"
    )
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    code = _read(entry, digest)
    if code is None:
        code = env.compile(text)
        write_whole(entry, MAGIC + digest + marshal.dumps(code))
    return code


def _fingerprint(env: Environment) -> str:
    """What the compiled code depends on besides the text: the sandbox's class and its
    intercepted operators, escaping, newline handling, the filter names."""
    return "|".join(
        (
            type(env).__module__,
            type(env).__qualname__,
            repr(env.autoescape),
            repr(env.keep_trailing_newline),
            ",".join(sorted(getattr(env, "intercepted_binops", ()))),
            ",".join(sorted(env.filters)),
        )
    )


def _read(entry: Path, digest: bytes) -> CodeType | None:
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    head = MAGIC + digest
    if not data.startswith(head):
        return None
    try:
        code = marshal.loads(data[len(head) :])
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None
