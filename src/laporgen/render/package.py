"""Deterministic OOXML packages (DOCX, XLSX): the same content gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime


def stable_zip(data: bytes, moment: datetime) -> bytes:
    """The zip package `data` re-written with every entry dated `moment` (not the clock), in
    the same order, with fixed permissions."""
    when = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
