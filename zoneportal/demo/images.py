"""Pillow drawings for the demo: banners, charts, schematic maps, diagrams,
stylised "photos" and portrait placeholders. Nothing is downloaded.

Every drawing is built from a few shared pieces (``Canvas.title``, ``box``,
``arrow``, ``landscape``) so that a chart, a map and a flow chart look like
they belong to the same site.
"""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

BLUE = (11, 79, 156)
DARK_BLUE = (7, 45, 99)
RED = (200, 16, 46)
GOLD = (214, 162, 48)
INK = (34, 40, 49)
MUTED = (105, 114, 128)
PAPER = (255, 255, 255)
LIGHT = (238, 243, 250)
GRID = (214, 222, 234)
SERIES = [(11, 79, 156), (46, 134, 193), (23, 165, 137), (214, 162, 48), (200, 16, 46), (125, 60, 152)]
DEMO_MARK = "演示图片"
# Strings drawn while ``recording_text`` is active, so the demo's figure check can read charts and maps.
_recorders: list[list[str]] = []


@lru_cache(maxsize=1)
def font_path() -> Path:
    """The CJK OpenType font shipped by the pinned ``cvttf-notosanscjk-regular`` package."""
    import cvttf_NotoSansCJK_Regular as package

    fonts = sorted(Path(package.__file__).parent.glob("*.otf"))
    if not fonts:
        raise FileNotFoundError("cvttf-notosanscjk-regular: no .otf font in the package")
    return fonts[0]


@lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont:
    """The CJK font at ``size`` pixels (cached: loading the font file is the slow part)."""
    return ImageFont.truetype(str(font_path()), size)


@lru_cache(maxsize=20000)
def _advance(size: int, char: str) -> float:
    return font(size).getlength(char)


def wrap(text: str, typeface: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Break Chinese text into lines no wider than ``width`` (character by character).

    Widths are summed per character (cached): measuring the growing line each
    time would be quadratic, and CJK text has no kerning to lose.
    """
    size = int(typeface.size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for char in paragraph:
            advance = _advance(size, char)
            if line and line_width + advance > width:
                lines.append(line)
                line, line_width = "", 0.0
            line += char
            line_width += advance
        lines.append(line)
    return lines


def to_bytes(image: Image.Image, fmt: str = "PNG") -> bytes:
    """Encode an image (PNG for drawings, JPEG for photo-like pictures)."""
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True)
    else:
        image.save(buffer, "PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


@contextmanager
def recording_text() -> Iterator[list[str]]:
    """Collect every string ``Canvas.text`` draws inside the ``with`` block."""
    drawn: list[str] = []
    _recorders.append(drawn)
    try:
        yield drawn
    finally:
        _recorders.remove(drawn)


class Canvas:
    """A white drawing with the site's title strip and a source line at the bottom."""

    def __init__(self, width: int, height: int, background=PAPER) -> None:
        self.image = Image.new("RGB", (width, height), background)
        self.draw = ImageDraw.Draw(self.image)
        self.width, self.height = width, height

    def text(
        self, xy, text: str, size: int, fill=INK, anchor: str = "la", bold: bool = False, figure: bool = True
    ) -> None:
        """Draw ``text``; ``figure=False`` marks a computed scale mark, which the figure check skips."""
        if figure:
            for drawn in _recorders:
                drawn.append(text)
        self.draw.text(
            xy, text, font=font(size), fill=fill, anchor=anchor, stroke_width=1 if bold else 0, stroke_fill=fill
        )

    def title(self, title: str, subtitle: str = "") -> int:
        """Draw the heading strip; returns the y where the content may start."""
        self.draw.rectangle((0, 0, self.width, 8), fill=BLUE)
        self.text((40, 34), title, 34, fill=DARK_BLUE, bold=True)
        y = 86
        if subtitle:
            self.text((40, 86), subtitle, 20, fill=MUTED)
            y = 122
        self.draw.line((40, y, self.width - 40, y), fill=GRID, width=2)
        return y + 20

    def footer(self, note: str) -> None:
        self.text((40, self.height - 22), f"{note}  ·  {DEMO_MARK}", 16, fill=MUTED, anchor="ls")

    def box(self, rect, text: str, fill=LIGHT, outline=BLUE, size: int = 20, color=INK, radius: int = 10) -> None:
        """A rounded box with centred, wrapped text."""
        self.draw.rounded_rectangle(rect, radius=radius, fill=fill, outline=outline, width=2)
        x0, y0, x1, y1 = rect
        lines = wrap(text, font(size), x1 - x0 - 16)
        line_height = size + 6
        top = (y0 + y1) / 2 - line_height * len(lines) / 2 + line_height / 2
        for index, line in enumerate(lines):
            self.text(((x0 + x1) / 2, top + index * line_height), line, size, fill=color, anchor="mm")

    def arrow(self, start, end, fill=BLUE, width: int = 3) -> None:
        """A straight arrow from ``start`` to ``end``."""
        self.draw.line((start, end), fill=fill, width=width)
        (x0, y0), (x1, y1) = start, end
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        head = [
            (x1, y1),
            (x1 - 14 * ux + 7 * uy, y1 - 14 * uy - 7 * ux),
            (x1 - 14 * ux - 7 * uy, y1 - 14 * uy + 7 * ux),
        ]
        self.draw.polygon(head, fill=fill)


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float]],
    unit: str,
    subtitle: str = "",
    note: str = "",
    width: int = 1200,
    value_format: str = "{:g}",
) -> Image.Image:
    """A titled horizontal bar chart: one bar per (label, value), values printed at the bar ends."""
    row = 44 if len(items) > 8 else 58
    height = 190 + row * len(items) + (40 if subtitle else 0)
    canvas = Canvas(width, height)
    top = canvas.title(title, subtitle)
    label_width = max(font(20).getlength(label) for label, _value in items) + 60
    left, right = label_width, width - 170
    largest = max(value for _label, value in items) or 1
    for step in range(5):
        x = left + (right - left) * step / 4
        canvas.draw.line((x, top, x, top + row * len(items)), fill=GRID, width=1)
        tick = value_format.format(largest * step / 4)
        canvas.text((x, top + row * len(items) + 8), tick, 15, MUTED, "ma", figure=False)
    for index, (label, value) in enumerate(items):
        y = top + index * row + row / 2
        canvas.text((left - 16, y), label, 20, anchor="rm")
        end = left + (right - left) * value / largest
        colour = SERIES[index % len(SERIES)] if len(items) <= 6 else BLUE
        canvas.draw.rounded_rectangle((left, y - row * 0.32, max(end, left + 4), y + row * 0.32), radius=4, fill=colour)
        canvas.text((end + 10, y), f"{value_format.format(value)} {unit}", 19, INK, "lm")
    canvas.footer(note or "数据来源：来凤经济开发区工业园区建设专题（2016年9月）")
    return canvas.image


@dataclass
class Zone:
    """An area on a schematic map: label, box in map units (0-100) and colour."""

    label: str
    rect: tuple[float, float, float, float]
    colour: tuple[int, int, int]
    detail: str = ""


def schematic_map(
    title: str,
    zones: Sequence[Zone],
    roads: Sequence[tuple[str, Sequence[tuple[float, float]]]] = (),
    subtitle: str = "",
    note: str = "",
    width: int = 1200,
    height: int = 800,
) -> Image.Image:
    """A labelled schematic (not to scale) of a park or the zoning: areas, roads and a north arrow."""
    canvas = Canvas(width, height)
    top = canvas.title(title, subtitle)
    box = (40, top, width - 40, height - 50)
    rng = random.Random(title)
    terrain = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), (244, 247, 240))
    terrain_draw = ImageDraw.Draw(terrain)
    for _ in range(18):  # faint contour lines (it is a hilly county), clipped to the map
        x, y = rng.uniform(0, terrain.width), rng.uniform(0, terrain.height)
        r = rng.uniform(40, 140)
        terrain_draw.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), outline=(226, 232, 218), width=2)
    canvas.image.paste(terrain, box[:2])
    canvas.draw.rectangle(box, outline=GRID, width=2)

    def point(px: float, py: float) -> tuple[float, float]:
        return box[0] + (box[2] - box[0]) * px / 100, box[1] + (box[3] - box[1]) * py / 100

    for name, points in roads:
        path = [point(*p) for p in points]
        canvas.draw.line(path, fill=(120, 120, 120), width=9, joint="curve")
        canvas.draw.line(path, fill=(250, 250, 250), width=5, joint="curve")
        mid = path[len(path) // 2]
        canvas.text((mid[0] + 8, mid[1] - 8), name, 17, MUTED, "ld")
    for zone in zones:
        x0, y0 = point(zone.rect[0], zone.rect[1])
        x1, y1 = point(zone.rect[2], zone.rect[3])
        tint = tuple(int(c + (255 - c) * 0.72) for c in zone.colour)
        canvas.draw.rounded_rectangle((x0, y0, x1, y1), radius=12, fill=tint, outline=zone.colour, width=3)
        canvas.text(
            ((x0 + x1) / 2, (y0 + y1) / 2 - (12 if zone.detail else 0)), zone.label, 21, zone.colour, "mm", True
        )
        if zone.detail:
            canvas.text(((x0 + x1) / 2, (y0 + y1) / 2 + 18), zone.detail, 17, INK, "mm")
    nx, ny = box[2] - 50, box[1] + 60
    canvas.draw.polygon([(nx, ny - 34), (nx - 12, ny), (nx + 12, ny)], fill=RED)
    canvas.text((nx, ny + 18), "北", 18, RED, "mm")
    canvas.footer(note or "示意图，不按比例；数据来源：来凤经济开发区工业园区建设专题")
    return canvas.image


def flow_chart(title: str, steps: Sequence[str], subtitle: str = "", note: str = "") -> Image.Image:
    """A top-to-bottom flow chart of numbered steps, two columns when long."""
    per_column = 5 if len(steps) > 5 else len(steps)
    columns = (len(steps) + per_column - 1) // per_column
    width, row = 560 * columns + 120, 118
    canvas = Canvas(width, 200 + row * per_column + (40 if subtitle else 0))
    top = canvas.title(title, subtitle)
    centres = []
    for index, step in enumerate(steps):
        column, position = divmod(index, per_column)
        cx, cy = 60 + 280 + column * 560, top + 20 + position * row + 40
        centres.append((cx, cy))
        canvas.box((cx - 240, cy - 40, cx + 240, cy + 40), f"{index + 1}. {step}", size=19)
    for (x0, y0), (x1, y1) in itertools.pairwise(centres):
        if x0 == x1:
            canvas.arrow((x0, y0 + 42), (x1, y1 - 42))
        else:  # jump to the top of the next column
            canvas.draw.line(((x0 + 240, y0), (x0 + 280, y0), (x0 + 280, y1)), fill=BLUE, width=3)
            canvas.arrow((x0 + 280, y1), (x1 - 242, y1))
    canvas.footer(note or "依据：开发区编制的企业入园办事指南和流程图")
    return canvas.image


def org_chart(title: str, root: str, children: Sequence[str], note: str = "") -> Image.Image:
    """A two-level organisation chart: the committee and its units."""
    width = max(1200, 250 * len(children) + 80)
    canvas = Canvas(width, 520)
    top = canvas.title(title)
    root_box = (width / 2 - 220, top + 10, width / 2 + 220, top + 90)
    canvas.box(root_box, root, fill=BLUE, outline=DARK_BLUE, color=PAPER, size=24)
    bus_y = top + 140
    canvas.draw.line((width / 2, top + 90, width / 2, bus_y), fill=BLUE, width=3)
    slot = (width - 80) / len(children)
    centres = [40 + slot * (index + 0.5) for index in range(len(children))]
    canvas.draw.line((centres[0], bus_y, centres[-1], bus_y), fill=BLUE, width=3)
    for cx, child in zip(centres, children, strict=True):
        canvas.arrow((cx, bus_y), (cx, bus_y + 48))
        canvas.box((cx - slot / 2 + 14, bus_y + 50, cx + slot / 2 - 14, bus_y + 170), child, size=21)
    canvas.footer(note or "依据：来编纪要[2006]3号；来凤经济开发区工业园区建设专题“机构与职能”")
    return canvas.image


def vertical_gradient(width: int, height: int, top, bottom) -> Image.Image:
    """An RGB image fading from ``top`` to ``bottom`` colour."""
    return ImageOps.colorize(Image.linear_gradient("L").resize((width, height)), top, bottom)


def landscape(width: int, height: int, scene: str, seed: str, headline: str = "") -> Image.Image:
    """A stylised, photo-like scene: sky, layered hills and what the scene is about."""
    rng = random.Random(seed)
    night = scene == "night"
    sky_top, sky_bottom = ((16, 28, 64), (60, 70, 120)) if night else ((120, 170, 222), (226, 238, 248))
    image = vertical_gradient(width, height, sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)
    horizon = height * rng.uniform(0.45, 0.6)
    for layer in range(4):  # the Wuling mountains, far to near
        shade = 150 - layer * 28 if not night else 40 - layer * 6
        colour = (shade - 40, shade + 10, shade - 30) if not night else (shade, shade, shade + 20)
        base = horizon + layer * height * 0.08
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            points.append((x, base - rng.uniform(0, height * 0.12) - 30 * (layer == 0)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    ground = horizon + height * 0.2
    if scene in {"factory", "night", "park"}:
        for _ in range(rng.randint(4, 7)):
            w, h = rng.uniform(width * 0.08, width * 0.2), rng.uniform(height * 0.08, height * 0.18)
            x = rng.uniform(0, width - w)
            fill = (230, 233, 238) if not night else (50, 58, 80)
            draw.rectangle((x, ground - h, x + w, ground + 10), fill=fill, outline=(150, 160, 175))
            draw.polygon([(x, ground - h), (x + w / 2, ground - h - h * 0.3), (x + w, ground - h)], fill=(47, 98, 160))
            for wx in range(int(x + 10), int(x + w - 14), 22):
                draw.rectangle(
                    (wx, ground - h * 0.6, wx + 10, ground - h * 0.45),
                    fill=(250, 214, 120) if night else (150, 180, 210),
                )
        if scene == "factory":
            cx = rng.uniform(width * 0.2, width * 0.8)
            draw.rectangle((cx, ground - height * 0.35, cx + 18, ground), fill=(180, 60, 50))
    if scene in {"road", "park"}:
        draw.polygon(
            [(width * 0.42, height), (width * 0.58, height), (width * 0.51, ground), (width * 0.49, ground)],
            fill=(90, 92, 98),
        )
        for step in range(8):
            t = step / 8
            y = ground + (height - ground) * t
            draw.line(
                (width / 2, y, width / 2, y + (height - ground) / 20),
                fill=(250, 250, 250),
                width=max(1, int(1 + 5 * t)),
            )
    if scene == "tea":
        for row in range(12):
            y = ground + row * (height - ground) / 12
            draw.arc((-width * 0.2, y - 30, width * 1.2, y + 40), 180, 360, fill=(60, 130, 60), width=10)
    if scene == "meeting":  # indoors: a wall, the red banner of a signing ceremony, a row of seats
        draw.rectangle((0, 0, width, height), fill=(236, 228, 212))
        draw.rectangle((0, height * 0.62, width, height), fill=(150, 112, 82))
        draw.rectangle((width * 0.08, height * 0.1, width * 0.92, height * 0.3), fill=RED)
        if headline:
            draw.text((width / 2, height * 0.2), headline, font=font(int(height * 0.07)), fill=GOLD, anchor="mm")
        draw.rectangle((width * 0.15, height * 0.5, width * 0.85, height * 0.6), fill=(250, 250, 250))
        for seat in range(8):
            x = width * (0.18 + seat * 0.085)
            draw.ellipse((x, height * 0.38, x + 40, height * 0.45), fill=(60, 60, 68))
            draw.rectangle((x - 8, height * 0.45, x + 48, height * 0.52), fill=(40, 50, 70))
        for pot in (0.04, 0.94):
            draw.ellipse((width * pot - 30, height * 0.4, width * pot + 30, height * 0.6), fill=(46, 110, 60))
        return image
    for _ in range(rng.randint(10, 18)):  # trees along the roads
        x, y = rng.uniform(0, width), rng.uniform(ground, height)
        r = rng.uniform(10, 24) * (0.5 + (y - ground) / (height - ground + 1))
        draw.ellipse((x - r, y - 2 * r, x + r, y), fill=(46, 110, 60) if not night else (20, 40, 30))
    return image


def photo(caption: str, scene: str, headline: str = "", width: int = 1200, height: int = 720) -> Image.Image:
    """A stylised "photo" with a caption strip (``headline``: the text on a meeting's banner)."""
    image = landscape(width, height, scene, caption, headline)
    draw = ImageDraw.Draw(image, "RGBA")
    draw.rectangle((0, height - 64, width, height), fill=(0, 0, 0, 140))
    draw.text((24, height - 32), caption, font=font(26), fill=PAPER, anchor="lm")
    draw.text((width - 24, height - 32), "示意图片", font=font(18), fill=(230, 230, 230), anchor="rm")
    return image


def banner(title: str, subtitle: str, scene: str = "park", width: int = 1600, height: int = 420) -> Image.Image:
    """A wide banner: a landscape, a blue veil on the left and the site's name."""
    image = landscape(width, height, scene, title)
    # A blue veil fading out towards the right, so the white title stays readable.
    fade = Image.linear_gradient("L").rotate(-90, expand=True).resize((int(width * 0.6), height))
    mask = Image.new("L", (width, height), 0)
    mask.paste(fade.point(lambda v: v * 200 // 255), (0, 0))
    image.paste(Image.new("RGB", (width, height), DARK_BLUE), (0, 0), mask)
    draw = ImageDraw.Draw(image)
    draw.text((70, height * 0.42), title, font=font(64), fill=PAPER, anchor="ls", stroke_width=1, stroke_fill=PAPER)
    draw.text((72, height * 0.42 + 56), subtitle, font=font(28), fill=(225, 235, 250), anchor="ls")
    draw.rectangle((70, height * 0.42 + 90, 250, height * 0.42 + 96), fill=GOLD)
    return image


def portrait(label: str, size: tuple[int, int] = (360, 480)) -> Image.Image:
    """A neutral portrait placeholder (silhouette), labelled with the name shown on the site."""
    width, height = size
    canvas = Canvas(width, height)
    canvas.image.paste(vertical_gradient(width, height, (224, 230, 238), (184, 190, 198)))
    cx = width / 2
    canvas.draw.ellipse((cx - 150, height * 0.62, cx + 150, height * 1.25), fill=(52, 64, 84))
    canvas.draw.polygon([(cx - 30, height * 0.62), (cx + 30, height * 0.62), (cx, height * 0.8)], fill=PAPER)
    canvas.draw.rectangle((cx - 30, height * 0.5, cx + 30, height * 0.63), fill=(205, 180, 160))
    canvas.draw.ellipse((cx - 78, height * 0.2, cx + 78, height * 0.56), fill=(215, 190, 170))
    canvas.draw.chord((cx - 82, height * 0.17, cx + 82, height * 0.45), 180, 360, fill=(40, 40, 46))
    canvas.draw.rectangle((0, height - 58, width, height), fill=(255, 255, 255))
    canvas.text((cx, height - 36), label, 24, DARK_BLUE, "mm", True)
    canvas.text((cx, height - 12), "照片占位图", 14, MUTED, "mm")
    return canvas.image
