"""model/gambar.py: a picture named by the content must be a PNG or JPEG file inside its folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from laporgen.model.gambar import image_kind, image_problem


def png(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    doc = tmp_path / "lkjip-2024"
    (doc / "narasi").mkdir(parents=True)
    png(doc / "narasi" / "bagan.png")
    png(tmp_path / "logo.png")  # beside the document folder: outside it
    return doc


def test_a_png_inside_the_folder_is_accepted(folder):
    assert image_problem("bagan.png", folder / "narasi", folder) is None
    assert image_kind(folder / "narasi" / "bagan.png") == "png"


@pytest.mark.parametrize(
    "name, message",
    [
        ("../../logo.png", "image '../../logo.png' lies outside the document folder lkjip-2024/"),
        ("/etc/passwd", "image '/etc/passwd' is not a path inside the document folder"),
        (
            "https://example.com/a.png",
            "image 'https://example.com/a.png' is not a path inside the document folder",
        ),
        (
            "data:image/png;base64,AAAA",
            "image 'data:image/png;base64,AAAA' is not a path inside the document folder",
        ),
        ("tidak-ada.png", "no image file 'tidak-ada.png' in lkjip-2024/narasi/"),
    ],
)
def test_a_path_out_of_the_folder_or_away_is_refused(folder, name, message):
    assert image_problem(name, folder / "narasi", folder)[0] == message


def test_a_link_leading_out_of_the_folder_is_refused(folder):
    (folder / "narasi" / "tautan.png").symlink_to(folder.parent / "logo.png")
    assert (
        image_problem("tautan.png", folder / "narasi", folder)[0]
        == "image 'tautan.png' lies outside the document folder lkjip-2024/"
    )


def test_a_truncated_or_disguised_file_is_not_a_picture(folder):
    whole = (folder / "narasi" / "bagan.png").read_bytes()
    (folder / "narasi" / "potong.png").write_bytes(whole[:20])
    (folder / "narasi" / "teks.jpg").write_text("bukan gambar", encoding="utf-8")
    assert (
        image_problem("potong.png", folder / "narasi", folder)[0]
        == "'potong.png' is not a PNG or JPEG image"
    )
    assert (
        image_problem("teks.jpg", folder / "narasi", folder)[0]
        == "'teks.jpg' is not a PNG or JPEG image"
    )


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LAPORGEN_NO_CACHE", raising=False)
    return tmp_path / "cache" / "laporgen" / "gambar"


@pytest.fixture
def verified(monkeypatch) -> list[str]:
    """The PNG pictures Pillow read whole (`verify`)."""
    seen: list[str] = []
    verify = PngImagePlugin.PngImageFile.verify

    def counting(image):
        seen.append(str(image.filename))
        return verify(image)

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "verify", counting)
    return seen


def test_a_sound_picture_is_read_by_pillow_once(folder, cache, verified):
    bagan = folder / "narasi" / "bagan.png"
    assert [image_kind(bagan) for _ in range(3)] == ["png"] * 3
    assert verified == [str(bagan)] and len(list(cache.iterdir())) == 1


def test_a_picture_damaged_after_it_was_found_sound_is_refused(folder, cache, verified):
    """The cache knows bytes, not names: the same file, cut short, is read by Pillow again."""
    bagan = folder / "narasi" / "bagan.png"
    assert image_kind(bagan) == "png"
    bagan.write_bytes(bagan.read_bytes()[:-30])
    assert image_kind(bagan) is None
    assert image_problem("bagan.png", folder / "narasi", folder)[0] == (
        "'bagan.png' is not a PNG or JPEG image"
    )
    assert len(verified) == 3 and len(list(cache.iterdir())) == 1


def test_a_refused_picture_is_not_remembered(folder, cache, verified):
    whole = (folder / "narasi" / "bagan.png").read_bytes()
    (folder / "narasi" / "potong.png").write_bytes(whole[:-30])  # its end cut off
    for _ in range(2):
        assert image_kind(folder / "narasi" / "potong.png") is None
    assert len(verified) == 2 and not cache.exists()


def test_without_the_cache_pillow_reads_every_time(folder, cache, verified, monkeypatch):
    monkeypatch.setenv("LAPORGEN_NO_CACHE", "1")
    for _ in range(2):
        assert image_kind(folder / "narasi" / "bagan.png") == "png"
    assert len(verified) == 2 and not cache.exists()
