"""Draw the pictures of the bundled examples: each agency's logo and the bagan organisasi the
narratives show, so the cover logo and numbered "Gambar" figures are part of the examples.

    PYTHONPATH=src python scripts/make_example_images.py

The logos are invented emblems (a shield, hills, a rising sun and the word CONTOH), not any real
coat of arms; the charts are drawn from the units listed in each agency.yaml. The same Pillow
gives the same bytes: no date or software stamp is written into the PNGs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from laporgen.document.plot import font

ROOT = Path(__file__).resolve().parents[1]
SCALE = 2  # drawn at twice the size, then reduced: smooth edges
INK, PAPER = "#1a202c", "white"


def logo(colour: str, accent: str) -> Image.Image:
    """An invented emblem: a shield in `colour`, hills and a rising sun in `accent`, "CONTOH"."""
    size = 400 * SCALE
    image = Image.new("RGB", (size, size), PAPER)
    d = ImageDraw.Draw(image)
    s = SCALE
    shield = [
        (60 * s, 40 * s),
        (340 * s, 40 * s),
        (340 * s, 210 * s),
        (200 * s, 370 * s),
        (60 * s, 210 * s),
    ]
    d.polygon(shield, fill=colour, outline=INK, width=6 * s)
    d.pieslice([130 * s, 110 * s, 270 * s, 250 * s], 180, 360, fill=accent)  # the sun
    for n in range(7):  # its rays
        angle = 180 + 15 + n * 25
        d.pieslice([110 * s, 90 * s, 290 * s, 270 * s], angle - 3, angle + 3, fill=accent)
    d.pieslice([130 * s, 110 * s, 270 * s, 250 * s], 180, 360, fill=accent)
    d.polygon([(70 * s, 215 * s), (150 * s, 160 * s), (230 * s, 215 * s)], fill="#2f855a")  # hills
    d.polygon([(170 * s, 215 * s), (260 * s, 150 * s), (330 * s, 215 * s)], fill="#276749")
    d.rectangle([70 * s, 180 * s, 330 * s, 182 * s], fill=colour)
    for n in range(3):  # water
        y = (232 + n * 22) * s
        d.line([((100 + 14 * n) * s, y), ((300 - 14 * n) * s, y)], fill=PAPER, width=6 * s)
    d.text((200 * s, 292 * s), "CONTOH", font=font(10), fill=PAPER, anchor="mm")
    return image.reduce(SCALE)


def bagan(kepala: str, units: list[str]) -> Image.Image:
    """The organisation chart: the Kepala Dinas at the top, the Sekretariat on a staff line to
    the right, the Bidang in a row below, other units (UPT, Kelompok Jabatan Fungsional) under
    them, linked by lines."""
    sekretariat = [u for u in units if u.lower().startswith("sekretariat")]
    bidang = [u for u in units if u.lower().startswith("bidang")]
    other = [u for u in units if u not in sekretariat and u not in bidang]
    s = SCALE
    box_w, box_h, gap = 230 * s, 90 * s, 30 * s
    columns = max(len(bidang), 2)
    width = columns * box_w + (columns + 1) * gap
    height = 5 * box_h + 6 * gap
    image = Image.new("RGB", (width, height), PAPER)
    d = ImageDraw.Draw(image)
    text_font = font(9)

    def box(x: float, y: float, text: str, fill: str) -> tuple[float, float, float, float]:
        rect = (x, y, x + box_w, y + box_h)
        d.rectangle(rect, fill=fill, outline=INK, width=2 * s)
        d.multiline_text(
            (x + box_w / 2, y + box_h / 2),
            wrap(text, 22),
            font=text_font,
            fill=INK,
            anchor="mm",
            align="center",
        )
        return rect

    centre = width / 2
    top = box(centre - box_w / 2, gap, kepala, "#bee3f8")
    spine_x = centre
    row_y = gap + 2 * box_h + 3 * gap
    d.line([(spine_x, top[3]), (spine_x, row_y - gap)], fill=INK, width=2 * s)
    if sekretariat:
        sy = gap + box_h + gap
        sx = centre + box_w / 2 + gap
        d.line([(spine_x, sy + box_h / 2), (sx, sy + box_h / 2)], fill=INK, width=2 * s)
        box(sx, sy, sekretariat[0], "#e2e8f0")
    xs = [gap + n * (box_w + gap) for n in range(len(bidang))]
    offset = (width - (len(bidang) * box_w + (len(bidang) - 1) * gap)) / 2 - gap
    xs = [x + offset for x in xs]
    if bidang:
        d.line(
            [(xs[0] + box_w / 2, row_y - gap), (xs[-1] + box_w / 2, row_y - gap)],
            fill=INK,
            width=2 * s,
        )
    for x, name in zip(xs, bidang):
        d.line([(x + box_w / 2, row_y - gap), (x + box_w / 2, row_y)], fill=INK, width=2 * s)
        box(x, row_y, name, "#f7fafc")
    low_y = row_y + box_h + 2 * gap
    for n, name in enumerate(other):
        x = gap + n * (box_w + gap) if len(other) > 1 else centre - box_w / 2
        d.line([(x + box_w / 2, low_y - gap), (x + box_w / 2, low_y)], fill=INK, width=2 * s)
        box(x, low_y, name, "#fefcbf")
    if other:
        first, last = (
            (gap + box_w / 2, gap + (len(other) - 1) * (box_w + gap) + box_w / 2)
            if len(other) > 1
            else (centre, centre)
        )
        d.line(
            [(min(first, spine_x), low_y - gap), (max(last, spine_x), low_y - gap)],
            fill=INK,
            width=2 * s,
        )
        d.line([(spine_x, row_y - gap), (spine_x, low_y - gap)], fill=INK, width=1 * s)
        height = int(low_y + box_h + gap)
    else:
        height = int(row_y + box_h + gap)
    return image.crop((0, 0, width, height)).reduce(SCALE)


def wrap(text: str, width: int) -> str:
    """Words on lines of at most `width` characters."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def save(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=False, compress_level=9)
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    examples = {  # agency folder: (shield colour, sun colour, document folders that show the bagan)
        "magetan-dinsos": ("#2b6cb0", "#ecc94b", ["lkjip-2024"]),
        "blitar-dinsos": ("#9b2c2c", "#f6e05e", ["renstra-2021-2026"]),
    }
    for agency, (colour, accent, documents) in examples.items():
        folder = ROOT / "content" / agency
        data = yaml.safe_load((folder / "agency.yaml").read_text(encoding="utf-8"))
        save(logo(colour, accent), folder / "logo.png")
        chart = bagan(f"Kepala {data['nama']}", data["unit"])
        for document in documents:
            save(chart, folder / document / "narasi" / "bagan-organisasi.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
