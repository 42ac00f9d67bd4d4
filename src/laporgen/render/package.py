"""Deterministic OOXML packages (DOCX, XLSX): the same content gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime
from typing import BinaryIO


class StableZipWriter:
    """A zip package whose entries are all dated `moment` (not the clock), with fixed
    permissions, in the order written. Its `write(name, data)` and `close()` are what
    python-docx's package writer calls on its zip writer, so a DOCX is written straight into it
    (one compression, not a second pass over a finished package)."""

    def __init__(self, out: BinaryIO, moment: datetime):
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
        self._when = (
            moment.year,
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
        )

    def write(self, name: str, data: bytes) -> None:
        """Add the entry `name` (a leading "/" of an OPC part name is dropped)."""
        self._zip.writestr(self._entry(name), data)

    def write_pieces(self, name: str, pieces: Iterable[bytes]) -> None:
        """Add the entry `name` made of `pieces`, one after the other, never joined in memory."""
        with self._zip.open(self._entry(name), "w") as entry:
            for piece in pieces:
                entry.write(piece)

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(str(name).lstrip("/"), date_time=self._when)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.create_system = 3
        entry.external_attr = 0o644 << 16
        return entry

    def close(self) -> None:
        self._zip.close()


def stable_zip(data: bytes, moment: datetime) -> bytes:
    """The zip package `data` re-written as by `StableZipWriter`, in the same order."""
    out = io.BytesIO()
    writer = StableZipWriter(out, moment)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for info in src.infolist():
            writer.write(info.filename, src.read(info.filename))
    writer.close()
    return out.getvalue()


def replace_entries(data: bytes, replacements: dict[str, bytes]) -> bytes:
    """The zip package `data` with the entries named in `replacements` given new contents;
    every entry keeps its place and the package its date (`StableZipWriter`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        writer = StableZipWriter(
            out, datetime(*infos[0].date_time) if infos else datetime(1980, 1, 1)
        )
        for info in infos:
            new = replacements.get(info.filename)
            writer.write(info.filename, src.read(info.filename) if new is None else new)
    writer.close()
    return out.getvalue()
