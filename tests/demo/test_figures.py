"""The guard on the demo's numbers: every figure shown is in the table of facts, and a typo is refused."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from zoneportal.demo import figures
from zoneportal.demo.content import facts
from zoneportal.demo.content.media import DOCUMENTS, IMAGES
from zoneportal.demo.content.organisation import DEPARTMENTS
from zoneportal.demo.content.reports import REPORTS

BASE_DIR = Path(__file__).resolve().parents[2]


def report(key: str):
    return next(spec for spec in REPORTS if spec.key == key)


def test_figures_keep_their_units():
    assert figures.figures_in("实际到位49100万元（占比61%），鄂体改[2001]127号，5:2:3，1.5万余人") == [
        "49100万元",
        "61%",
        "2001",
        "127号",
        "5",
        "2",
        "3",
        "1.5万余人",
    ]
    # Digits inside a Latin word are not figures (DEMO000001, a site identifier).
    assert figures.figures_in("DEMO000001") == []


def test_every_text_and_spreadsheet_of_the_demo_passes():
    figures.check_demo()  # what the loader runs before it builds


@pytest.mark.parametrize("spec", [spec for spec in IMAGES if not spec.photo], ids=lambda spec: spec.key)
def test_every_figure_drawn_in_a_chart_or_map_is_a_fact(spec):
    drawn = figures.drawn_texts(spec.key)
    assert drawn
    assert figures.unknown_figures(drawn) == []


def test_a_typo_in_an_article_figure_fails_the_check():
    spec = report("gongyeyuanqu-zhuanti")
    body = tuple(
        item.replace("实际到位49100万元", "实际到位49010万元") if isinstance(item, str) else item for item in spec.body
    )
    assert body != spec.body
    typo = dataclasses.replace(spec, body=body)
    with pytest.raises(ValueError, match="49010万元"):
        figures.check([(typo.title, " ".join(figures.body_texts(typo.body)))])
    # The original passes.
    figures.check([(spec.title, " ".join(figures.body_texts(spec.body)))])


def test_a_known_number_with_the_wrong_unit_fails_the_check():
    # 1500 is a fact (1500万元 invested in 2006, 1500亩 acquired in 四合), 1500平方公里 is not.
    assert figures.unknown_figures("四合工业园征地1500亩") == []
    assert figures.unknown_figures("四合工业园征地1500平方公里") == ["1500平方公里"]


def test_a_typo_in_a_department_or_a_chart_fails_the_check():
    spec = next(spec for spec in DEPARTMENTS if spec.slug == "bangongshi")
    typo = dataclasses.replace(spec, functions_intro=spec.functions_intro.replace("20个单位", "23个单位"))
    with pytest.raises(ValueError, match="23个"):
        figures.check([(typo.name, typo.functions_intro)])
    chart = [(company, amount + 1) for company, amount in facts.RESULTS_2015_CHART]
    with pytest.raises(ValueError, match=r"35\.35"):
        figures.check([("chart", " ".join(str(value) for _label, value in chart))])


def test_a_typo_in_a_spreadsheet_fails_the_check(monkeypatch):
    from zoneportal.demo import documents, files

    figures.check([("xlsx-land", figures.spreadsheet_texts("xlsx-land"))])

    def land_with_typo() -> bytes:
        return documents.xlsx("征地与基建", ["期间", "投入资金（万元）"], [("2001-2006年", 14810)], [])

    monkeypatch.setitem(files.MAKERS, "xlsx-land", land_with_typo)
    with pytest.raises(ValueError, match="14810"):
        figures.check([("xlsx-land", figures.spreadsheet_texts("xlsx-land"))])


def test_every_fact_is_labelled_and_every_listed_figure_is_used():
    assert all(fact.where for fact in facts.FACTS)
    shown = " ".join(text for _where, text in figures.demo_texts())
    shown += " ".join(figures.spreadsheet_texts(spec.key) for spec in DOCUMENTS if spec.kind == "xlsx")
    used = set(figures.figures_in(shown))
    unused = [fact.figure for fact in facts.FACTS if not set(figures.figures_in(fact.figure)) & used]
    assert unused == []


def test_the_reports_are_written_as_articles_with_sections():
    assert [spec.key for spec in REPORTS] == [
        "daye-kaocha",
        "fugai-gongcheng",
        "zhiyong-wenze",
        "gongyeyuanqu-zhuanti",
        "wangzhan-jianshe",
    ]
    for spec in REPORTS:
        headings = [item for item in spec.body if isinstance(item, tuple) and item[0] == "h2"]
        assert len(headings) >= 3, spec.key
        assert len(" ".join(figures.body_texts(spec.body))) > 1000, spec.key


def test_nothing_reads_outside_the_repository():
    """No code, test or document points at the seed documents beside the project any more."""
    pattern = re.compile(r"sh[a]red/seed|SEED[_]DIR")  # a character class, so that a grep of the tree finds nothing
    offenders = []
    for path in [*BASE_DIR.glob("zoneportal/**/*.py"), *BASE_DIR.glob("docs/*.md"), *BASE_DIR.glob("*.md")]:
        if pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(BASE_DIR)))
    assert offenders == []
