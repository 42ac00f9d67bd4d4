"""Where laporgen keeps what it made between runs (compiled narrative templates, the HTML of
narrative Markdown, chart pictures, images already verified, validated content files), and how
an entry is written. Every cache is only ever a shortcut: an entry that cannot be read or
written is made again. `LAPORGEN_NO_CACHE=1` turns them all off; they live in
`$XDG_CACHE_HOME/laporgen` (by default `~/.cache/laporgen`)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir(kind: str = "narasi") -> Path | None:
    """Where laporgen keeps what it made of `kind` (compiled templates: "narasi",
    document/template_cache.py; the HTML of narrative Markdown: "html", document/markdown_cache.py;
    chart pictures: "grafik", document/picture_cache.py; images found sound: "gambar",
    model/gambar.py; each content file's validated data: "model", model/validated_cache.py);
    None when caching is off."""
    if os.environ.get("LAPORGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "laporgen" / kind


def write_whole(entry: Path, data: bytes) -> None:
    """Written whole or not at all (a temporary file renamed): a reader never sees half."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=entry.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full disk: the next run makes it again


def read_entry(entry: Path, head: bytes) -> bytes | None:
    """The body of a cache file written by `write_entry` with this `head` (a format marker, or
    the hash of what the body was made from); None when there is none, it was made from
    something else, or it is damaged (its body's hash disagrees)."""
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    if not data.startswith(head):
        return None
    digest, body = data[len(head) : len(head) + 32], data[len(head) + 32 :]
    return body if len(digest) == 32 and hashlib.sha256(body).digest() == digest else None


def write_entry(entry: Path, head: bytes, body: bytes) -> None:
    """`head`, the hash of `body`, then `body`, written whole (see `read_entry`)."""
    write_whole(entry, head + hashlib.sha256(body).digest() + body)
