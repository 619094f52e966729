"""Reading the seed documents (../shared/seed) the demo zone is built from.

The seed file holds five documents, each starting with a line like
``第四篇:来凤经济开发区工业园区建设专题``. Its text came out of a PDF: lines
break in the middle of sentences, punctuation is half-width and a few
characters were garbled by an encoding round trip. ``clean_text`` repairs what
is obvious (and only that: a lost digit stays visibly lost as □), ``parse_body``
turns the lines into headings and paragraphs.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

SEED_FILE_NAME = "development-zone-seed.zh-hans.txt"

#: Garbled spans in the seed and what the surrounding sentence makes obvious.
GARBLED: tuple[tuple[str, str], ...] = (
    ("辖区总?cè)丝?2.4万人", "辖区总人口□2.4万人"),  # one digit is lost for good
    ("在坟?zāi)惯w移上", "在坟墓迁移上"),
    ("潜建总?2009?3号", "潜建总〔2009〕3号"),
    ("潜政发?2008?18号", "潜政发〔2008〕18号"),
    ("潜政办发?2010?150号", "潜政办发〔2010〕150号"),
    ("有利于我们?nèi)媾挪?、整改问题", "有利于我们全面排查、整改问题"),
    ("确?;颙?dòng)开展到位", "确保活动开展到位"),
    ("负责审批或?qū)徍嗽陂_发区范围内", "负责审批或审核在开发区范围内"),
    ("1500亩?；A设施", "1500亩。基础设施"),
    ("1500亩?;A设施", "1500亩。基础设施"),
    ("为重点??h委", "为重点。县委"),
    ("三?。ㄊ校┻厖^", "三省（市）边区"),
    ("区域?yàn)橹攸c", "区域为重点"),
    ("适当?shù)慕?jīng)济手段", "适当的经济手段"),
    ("遵照?qǐng)?zhí)行", "遵照执行"),
    ("参照?qǐng)?zhí)行", "参照执行"),
    ("因?yàn)樗苯雨P系到", "因为它直接关系到"),
    ("发展?fàn)顩r", "发展状况"),
    ("设臵", "设置"),
    ("布臵", "布置"),
    ("安臵", "安置"),
    ("处臵", "处置"),
    # A page number of the PDF ("1") landed inside a word.
    ("及时接\n1转组织关系", "及时接转组织关系"),
)

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—"
HEADING_L1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING_L2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
HEADING_NUM = re.compile(r"^\d+、")
HEADING_SHI = re.compile(r"^[一二三四五六七八九十]是")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
TERMINAL = tuple("。！？；：!?;:”」）)…")


class SeedMissing(FileNotFoundError):
    """The seed documents are not where the demo expects them."""


def seed_dir() -> Path:
    """Where the seed lives: $ZONEPORTAL_SEED_DIR, else ../shared/seed beside the project."""
    override = os.environ.get("ZONEPORTAL_SEED_DIR")
    if override:
        return Path(override)
    return Path(settings.BASE_DIR).parent / "shared" / "seed"


def clean_text(raw: str) -> str:
    """Repair the garbled spans and use full-width punctuation inside Chinese text."""
    text = raw.replace("\r\n", "\n")
    for garbled, repaired in GARBLED:
        text = text.replace(garbled, repaired)
    text = "\n".join(piece for line in text.split("\n") for piece in _split_heading_run(line.strip()))
    # Spaces the PDF put between Chinese characters ("新型 建材").
    text = re.sub(rf"(?<=[{CJK}]) +| +(?=[{CJK}])", "", text)
    text = re.sub(r"(?<!\d),|,(?!\d)", "，", text)
    text = re.sub(r"(?<!\d):|:(?!\d)", "：", text)
    text = text.replace(";", "；").replace("(", "（").replace(")", "）")
    return text


@dataclass
class Block:
    """One piece of a seed document body: a heading (level 2-4) or a paragraph."""

    kind: str  # "h2", "h3", "h4" or "p"
    text: str

    def html(self) -> str:
        return f"<{self.kind}>{html.escape(self.text, quote=False)}</{self.kind}>"


@dataclass
class SeedDocument:
    """One of the five seed documents: its label line and its body lines."""

    number: int
    label: str
    lines: list[str] = field(default_factory=list)

    def blocks(self, skip_lines: int = 0, stop_at: str | None = None) -> list[Block]:
        """The body from line ``skip_lines`` up to (not including) the line starting with ``stop_at``."""
        lines = self.lines[skip_lines:]
        if stop_at is not None:
            for index, line in enumerate(lines):
                if line.startswith(stop_at):
                    lines = lines[:index]
                    break
        return parse_body(lines)


@dataclass
class Seed:
    """The cleaned seed text and its five documents."""

    path: Path
    text: str
    documents: dict[int, SeedDocument]

    def require(self, *snippets: str) -> None:
        """Fail loudly when a figure the demo shows is not in the seed (any more)."""
        flat = self.text.replace("\n", "")
        missing = [snippet for snippet in snippets if snippet not in flat]
        if missing:
            raise ValueError(
                _("种子文档中找不到以下内容，演示数据不能凭空生成：%(items)s") % {"items": "；".join(missing)}
            )

    def check_numbers(self, text: str, where: str) -> None:
        """Every number shown in demo text must occur in the seed: the demo never invents figures."""
        flat = self.text.replace("\n", "")
        unknown = sorted({number for number in NUMBER.findall(text) if number not in flat})
        if unknown:
            raise ValueError(
                _("演示内容“%(where)s”中的数字在种子文档中找不到：%(numbers)s")
                % {"where": where, "numbers": "、".join(unknown)}
            )


def load_seed(directory: Path | None = None) -> Seed:
    """Read and clean the seed; raise ``SeedMissing`` with a Chinese message if absent."""
    path = (directory or seed_dir()) / SEED_FILE_NAME
    if not path.is_file():
        raise SeedMissing(
            _(
                "找不到种子文档 %(path)s。演示数据由它生成：请把 shared/seed 目录放在项目目录旁边，"
                "或用环境变量 ZONEPORTAL_SEED_DIR 指定种子目录。"
            )
            % {"path": path}
        )
    text = clean_text(path.read_text(encoding="utf-8"))
    documents: dict[int, SeedDocument] = {}
    current: SeedDocument | None = None
    numerals = "一二三四五六七八九十"
    for line in text.split("\n"):
        line = line.strip()
        match = re.match(rf"^第([{numerals}])篇：(.*)$", line)
        if match:
            number = numerals.index(match.group(1)) + 1
            current = documents[number] = SeedDocument(number=number, label=match.group(2))
        elif current is not None and line:
            current.lines.append(line)
    if len(documents) < 5:
        raise SeedMissing(
            _("种子文档 %(path)s 不完整：应有五篇，只找到 %(count)d 篇。") % {"path": path, "count": len(documents)}
        )
    return Seed(path=path, text=text, documents=documents)


def _split_heading_run(line: str) -> list[str]:
    """Split "（三）工作重点 一是产业发展 未来五年……" into its headings and the text after them."""
    parts = line.split(" ")
    pieces: list[str] = []
    while len(parts) > 1 and _is_marker(parts[0]) and "。" not in parts[0] and len(parts[0]) <= 36:
        pieces.append(parts.pop(0))
    pieces.append(" ".join(parts))
    return pieces


def _heading_level(line: str, has_l2: bool) -> str | None:
    """The heading tag a line stands for, or None for body text."""
    bare = line.rstrip("。")
    if HEADING_L1.match(line) and len(line) <= 36 and "。" not in bare:
        return "h2"
    if HEADING_L2.match(line) and len(line) <= 30 and "。" not in line:
        return "h3"
    if HEADING_NUM.match(line) and len(line) <= 30 and not line.endswith("。") and "。" not in line:
        return "h4" if has_l2 else "h3"
    if HEADING_SHI.match(line) and len(line) <= 12 and not re.search("[，。；]", line):
        return "h4"
    if line.endswith("。") and len(bare) <= 5 and "，" not in bare:
        return "h3"  # a bare label such as "工作职能。"
    return None


def _is_marker(line: str) -> bool:
    return any(p.match(line) for p in (HEADING_L1, HEADING_L2, HEADING_NUM, HEADING_SHI))


def parse_body(lines: list[str]) -> list[Block]:
    """Join the PDF's broken lines into paragraphs and recognise section headings."""
    has_l2 = any(HEADING_L2.match(line) and len(line) <= 30 for line in lines)
    blocks: list[Block] = []
    for line in lines:
        level = _heading_level(line, has_l2)
        if level is not None:
            blocks.append(Block(level, line.rstrip("。")))
            continue
        previous = blocks[-1] if blocks else None
        if (
            previous is not None
            and previous.kind == "p"
            and not previous.text.endswith(TERMINAL)
            and not _is_marker(line)
        ):
            previous.text += line
        else:
            blocks.append(Block("p", line))
    return blocks


def blocks_to_html(blocks: list[Block]) -> str:
    """Rich-text HTML for a list of blocks."""
    return "".join(block.html() for block in blocks)
