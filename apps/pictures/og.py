"""Link-preview pictures (og:image): a 1200×630 PNG drawn with Pillow and the shipped font.

A card names what the link shows (drafts or parties), its filter, a few headline figures
and a strip with one mark per row. Pictures are cached per content version and address, so
an edit to curated data retires every stored picture at once.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache as memoise
from pathlib import Path

from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

from apps.core import versioning

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
CACHE_SECONDS = 24 * 3600

INK = (29, 35, 43)
MUTED = (91, 101, 115)
PAPER = (255, 255, 255)
WASH = (245, 246, 248)
ACCENT = (31, 78, 140)
# One colour per state of a row or a cell; the strip's legend names them in words.
COLOURS = {
    "changed": (31, 78, 140),
    "same": (190, 198, 208),
    "conflict": (138, 28, 28),
    "unaligned": (234, 236, 240),
    "accepts": (12, 90, 39),
    "rejects": (138, 28, 28),
    "demands": (109, 74, 143),
    "conditional": (176, 124, 0),
    "unclear": (120, 128, 140),
    "none": (234, 236, 240),
}


@dataclass
class Card:
    kicker: str  # e.g. "Comparison · Russia–Ukraine 2025"
    title: str  # the drafts or parties named
    subtitle: str  # the filter, in words
    figures: list[tuple[str, str]] = field(default_factory=list)  # (number, label)
    strip: list[str] = field(default_factory=list)  # one state per row (see COLOURS)
    grid: list[list[str]] = field(default_factory=list)  # rows of cell states (matrix)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (state, word)


@memoise
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def render(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 14], fill=ACCENT)
    draw.text((60, 44), "◧ PeaceTracker", font=font(26, True), fill=ACCENT)
    draw.text((60, 84), card.kicker[:90], font=font(24), fill=MUTED)
    y = 126
    size, lines = _fit(draw, card.title, WIDTH - 120, sizes=(52, 44, 38), bold=True, lines=2)
    for line in lines:
        draw.text((60, y), line, font=font(size, True), fill=INK)
        y += int(size * 1.22)
    if card.subtitle:
        for line in _fit(draw, card.subtitle, WIDTH - 120, sizes=(28,), lines=2)[1]:
            draw.text((60, y + 6), line, font=font(28), fill=MUTED)
            y += 38
    y = max(y + 24, 330)
    x = 60
    for number, label in card.figures[:4]:
        draw.text((x, y), number, font=font(60, True), fill=ACCENT)
        for index, line in enumerate(_fit(draw, label, 250, sizes=(22,), lines=2)[1]):
            draw.text((x, y + 72 + index * 26), line, font=font(22), fill=MUTED)
        x += 270
    top, bottom = 480, 560
    if card.grid:
        _grid(draw, card.grid, top, bottom)
    elif card.strip:
        _strip(draw, card.strip, top, bottom)
    x = 60
    for state, word in card.legend:
        draw.rectangle([x, 580, x + 20, 600], fill=COLOURS[state])
        draw.text((x + 28, 578), word, font=font(20), fill=MUTED)
        x += 40 + int(draw.textlength(word, font=font(20)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _fit(draw, text: str, width: int, *, sizes, lines: int, bold: bool = False):
    """(font size, lines): `text` wrapped to `width` pixels in at most `lines` lines, at the
    largest of `sizes` that holds it all; at the smallest, the last line ends with “…”."""
    words = text.split()
    for size in sizes:
        face = font(size, bold)
        out: list[str] = []
        for word in words:
            if out and draw.textlength(f"{out[-1]} {word}", font=face) <= width:
                out[-1] += f" {word}"
            else:
                out.append(word)
        if len(out) <= lines or size == sizes[-1]:
            break
    if len(out) > lines:
        out = out[:lines]
        while out[-1] and draw.textlength(out[-1] + "…", font=face) > width:
            out[-1] = out[-1][:-1]
        out[-1] = out[-1].rstrip() + "…"
    return size, out


def _strip(draw: ImageDraw.ImageDraw, states: list[str], top: int, bottom: int) -> None:
    left, right = 60, WIDTH - 60
    step = min((right - left) / len(states), 48)
    gap = 2 if step >= 6 else 0
    for index, state in enumerate(states):
        x0 = left + index * step
        draw.rectangle([x0, top, x0 + max(step - gap, 1), bottom], fill=COLOURS[state])


def _grid(draw: ImageDraw.ImageDraw, rows: list[list[str]], top: int, bottom: int) -> None:
    """Matters along the width, parties down the height: one small square per cell."""
    columns = len(rows)
    lines = max(len(r) for r in rows) or 1
    left, right = 60, WIDTH - 60
    step_x = (right - left) / columns
    step_y = (bottom - top) / lines
    for i, row in enumerate(rows):
        for j, state in enumerate(row):
            x0, y0 = left + i * step_x, top + j * step_y
            draw.rectangle(
                [x0, y0, x0 + max(step_x - 2, 1), y0 + max(step_y - 2, 1)], fill=COLOURS[state]
            )


def cached_png(ident: str, make_card, process_ids: Iterable[int]) -> bytes:
    """The picture for `ident` (an address with its canonical filters) at the current content
    version of the processes it shows (an edit elsewhere leaves it cached), drawn by
    `make_card()` only when it is not cached yet."""
    digest = hashlib.sha256(ident.encode("utf-8", "surrogateescape")).hexdigest()
    key = f"og:{versioning.token(process_ids)}:{digest}"
    png = cache.get(key)
    if png is None:
        png = render(make_card())
        cache.set(key, png, timeout=CACHE_SECONDS)
    return png
