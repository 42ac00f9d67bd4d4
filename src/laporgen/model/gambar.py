"""Image files the content names (the agency's logo, a picture in narrative Markdown): where they
may be and what they must be, checked before anything is drawn, so a wrong file is an input
error naming the file, not a renderer's crash or a picture silently left out."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from ..cache import cache_dir, write_whole
from ..i18n import _

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
URL_SCHEMES = ("http:", "https:", "file:", "data:", "ftp:", "//")


def image_problem(name: str, base: Path, root: Path) -> tuple[str, str] | None:
    """What is wrong with the image `name` (relative to `base`, which must stay inside `root`),
    as (message, fix); None when it is a PNG or JPEG file inside `root`.

    A URL, an absolute path or a path leading out of `root` (by "..", or by a link) is refused:
    a document folder is built on other people's machines too, and must carry its pictures."""
    if (
        name.lower().startswith(URL_SCHEMES)
        or PurePosixPath(name).is_absolute()
        or Path(name).is_absolute()
    ):
        return (
            _("image '{name}' is not a path inside the document folder").format(name=name),
            _("copy the picture into the document folder and give its path relative to this file"),
        )
    path = (base / name).resolve()
    if not path.is_relative_to(root.resolve()):
        return (
            _("image '{name}' lies outside the document folder {folder}/").format(
                name=name, folder=root.name
            ),
            _("copy the picture into the document folder and give its path relative to this file"),
        )
    if not path.is_file():
        return (
            _("no image file '{name}' in {base}").format(name=name, base=display(base, root)),
            _("put the picture there, or correct the name (paths are relative to this file)"),
        )
    if image_kind(path) is None:
        return (
            _("'{name}' is not a PNG or JPEG image").format(name=name),
            _("save the picture as .png or .jpg"),
        )
    return None


def image_kind(path: Path) -> str | None:
    """ "png" or "jpeg" when the file is one (by its content, not its name; the picture is then
    read whole by Pillow, so a truncated or corrupt file is refused here, not by Word), else None.

    A picture Pillow found sound is remembered by its bytes (and Pillow's version) in the cache
    (`laporgen.cache`, "gambar"): the same bytes are found sound again without importing Pillow,
    a thirtieth of a `laporgen check` whose only picture is the agency's logo."""
    data = path.read_bytes()
    kind = "png" if data.startswith(PNG) else "jpeg" if data.startswith(JPEG) else None
    if kind is None:
        return None
    from PIL import __version__ as pillow  # PIL's package alone: its version, not Image

    folder = cache_dir("gambar")
    entry = None
    if folder is not None:
        entry = folder / hashlib.sha256(f"{pillow}\0{kind}\0".encode() + data).hexdigest()
        if entry.is_file():
            return kind
    from PIL import Image, UnidentifiedImageError  # only when a document has pictures

    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    if entry is not None:
        write_whole(entry, b"")
    return kind


def display(base: Path, root: Path) -> str:
    """`base` as a folder name relative to the parent of `root`: "lkjip-2024/narasi/"."""
    try:
        return base.resolve().relative_to(root.resolve().parent).as_posix() + "/"
    except ValueError:
        return base.name + "/"
