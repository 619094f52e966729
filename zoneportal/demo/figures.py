"""The guard on the demo's numbers: every figure shown must be a known fact or a listed demo value.

A figure is a number as it appears in text, with its unit when one follows
("49100万元", "1.23平方公里", "15.1%", "2015年"); a number without a unit
("鄂体改[2001]127号" gives 2001, "5:2:3" gives 5, 2 and 3) is a bare figure.
A figure with a unit must be listed with that unit in ``facts.FACTS`` or
``facts.DEMO_VALUES``; a bare figure must be the number of some listed
figure. ``check`` raises on the first text holding anything else, so a typo
in a number (49100 written 49010) fails the loader and the tests.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from functools import cache

from django.utils.translation import gettext as _

from .content import facts

# Longest units first, so that 万平方米 is not read as 万 + 平方米.
UNITS = (
    "万平方米", "平方公里", "万美元", "万余人", "平方米", "万元", "亿元", "万亩", "万人", "公顷",
    "%", "亩", "元", "户", "家", "个", "名", "人", "年", "月", "日", "号", "米", "条", "倍", "处", "项", "次",
)  # fmt: skip
FIGURE = re.compile(r"(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)(" + "|".join(re.escape(unit) for unit in UNITS) + ")?")


def figures_in(text: str) -> list[str]:
    """The figures of ``text`` in order: "49100万元", "2015年", bare "127"."""
    return [number + (unit or "") for number, unit in FIGURE.findall(text)]


@cache
def _known() -> tuple[frozenset[str], frozenset[str]]:
    """(figures with their units, bare numbers) of every fact and demo value."""
    listed = [fact.figure for fact in facts.FACTS] + list(facts.DEMO_VALUES)
    with_units: set[str] = set()
    numbers: set[str] = set()
    for item in listed:
        for figure in figures_in(item):
            with_units.add(figure)
            numbers.add(FIGURE.match(figure).group(1))
    return frozenset(with_units), frozenset(numbers)


def unknown_figures(text: str) -> list[str]:
    """The figures of ``text`` that are neither a fact nor a listed demo value (each once, in order)."""
    with_units, numbers = _known()
    unknown: list[str] = []
    for number, unit in FIGURE.findall(text):
        figure = number + (unit or "")
        known = figure in with_units if unit else number in numbers
        if not known and figure not in unknown:
            unknown.append(figure)
    return unknown


def check(texts: Iterable[tuple[str, str]]) -> None:
    """Raise ``ValueError`` naming the first text (where, text) that shows an unknown figure."""
    for where, text in texts:
        unknown = unknown_figures(text)
        if unknown:
            raise ValueError(
                _("演示内容“%(where)s”中的数字不在事实表（demo/content/facts.py）中：%(figures)s")
                % {"where": where, "figures": "、".join(unknown)}
            )


def body_texts(items: Iterable) -> Iterator[str]:
    """The visible texts of article or content-page body items (skipping page, document and image keys)."""
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, list):
            yield from body_texts(item)
        elif isinstance(item, tuple):
            kind = item[0]
            if kind in {"page", "doc"}:
                yield item[2]
            elif kind in {"img", "image"}:
                continue
            elif kind == "table":
                yield item[1]
                yield from body_texts([" ".join(map(str, row)) for row in (item[2], *item[3])])
            elif kind == "figures":
                yield from body_texts([" ".join(row) for row in item[1]])
            elif kind == "investment":
                # Its figures are the investment records', which the loader builds from the facts.
                yield item[3]
            else:
                yield from body_texts(item[1:])


def demo_texts() -> Iterator[tuple[str, str]]:
    """Every text the demo shows, as (where, text): articles, pages, columns, organisation, media, chart data."""
    from .builder import COLUMNS
    from .content.articles import ARTICLES
    from .content.media import ALBUMS, DOCUMENTS, IMAGES, VIDEOS
    from .content.organisation import DEMO_ADDRESS, DEMO_PHONE, DEPARTMENTS, LEADERS
    from .content.pages import CONTENT_PAGES, ENTRY_STEPS
    from .content.policies import EXTRA_POLICIES, POLICIES
    from .content.reports import REPORTS
    from .content.surveys import PAGE_INTRO, PAGE_TITLE, SURVEYS

    for spec in [*REPORTS, *ARTICLES]:
        shown = (spec.title, spec.subtitle, spec.summary, spec.source_name, spec.author, spec.doc_number, spec.issuer)
        yield spec.title, " ".join([*shown, spec.keywords, *body_texts(spec.body)])
    from .content.invest_site import CONTACT_BODY, CONTACT_INTRO, DEMO_LEADS, INVEST_PAGES, TRANSLATIONS

    for translation in TRANSLATIONS:
        parts = [translation.home_title, translation.tagline, *translation.contact]
        yield translation.home_title, " ".join(parts + [" ".join(page) for page in translation.pages])
    yield CONTACT_INTRO, f"{CONTACT_INTRO} {CONTACT_BODY} " + " ".join(" ".join(lead) for lead in DEMO_LEADS)
    for spec in [*CONTENT_PAGES, *INVEST_PAGES]:
        yield spec.title, " ".join([spec.title, spec.intro, spec.updated_note, spec.keywords, *body_texts(spec.body)])
    for key, meta in POLICIES.items():
        yield key, meta.lead
    for spec in EXTRA_POLICIES:
        yield spec.title, " ".join([spec.title, spec.doc_number, spec.issuer, *spec.body])
    for spec in COLUMNS:
        yield spec.title, f"{spec.title} {spec.intro}"
    for spec in DEPARTMENTS:
        parts = (spec.name, spec.summary, spec.staffing, spec.functions_note, spec.functions_intro)
        yield spec.name, " ".join([*parts, *spec.functions, spec.functions_closing])
    yield _("办公地点"), " ".join([DEMO_ADDRESS, *(DEMO_PHONE.format(n=n) for n in range(1, len(DEPARTMENTS) + 1))])
    for spec in LEADERS:
        yield spec.title, " ".join((spec.name, spec.title, spec.duties, spec.biography))
    for step, who, basis in ENTRY_STEPS:
        yield step, f"{step} {who} {basis}"
    for spec in IMAGES:
        yield spec.title, f"{spec.title} {spec.description}"
    for spec in DOCUMENTS:
        yield spec.title, f"{spec.title} {spec.filename}"
    for spec in ALBUMS:
        yield spec.title, " ".join([spec.title, spec.intro, *(caption for _key, caption in spec.photos)])
    for spec in VIDEOS:
        yield spec.title, f"{spec.title} {spec.caption} {spec.transcript}"
    yield _("图表数据"), " ".join(str(value) for value in facts.chart_values())
    from .participation import texts as participation_texts

    yield from participation_texts()
    yield PAGE_TITLE, f"{PAGE_TITLE} {PAGE_INTRO}"
    from .content import services as service_content

    yield from service_content.texts()
    for survey in SURVEYS:
        texts = [survey.title, survey.intro, *survey.suggestions]
        for question in survey.questions:
            texts += [question.section, question.text, question.help_text, *question.choices, *question.rows]
        yield survey.title, " ".join(texts)


def drawn_texts(image_key: str) -> str:
    """Every string drawn into the demo image ``image_key`` (chart labels and values, map notes …)."""
    from . import images
    from .content.media import IMAGES

    spec = next(spec for spec in IMAGES if spec.key == image_key)
    with images.recording_text() as drawn:
        spec.make()
    return " ".join(drawn)


def spreadsheet_texts(document_key: str) -> str:
    """Every cell of the demo spreadsheet ``document_key``, as text."""
    from openpyxl import load_workbook

    from .files import document_bytes

    workbook = load_workbook(io.BytesIO(document_bytes(document_key)), read_only=True)
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    workbook.close()
    return " ".join(cells)


def check_demo() -> None:
    """The loader's check before it builds: every shown text and every spreadsheet."""
    from .content.media import DOCUMENTS

    check(demo_texts())
    check((spec.title, spreadsheet_texts(spec.key)) for spec in DOCUMENTS if spec.kind == "xlsx")
