"""The demo's policy library: the metadata of the policy documents whose text is in ``articles.py``.

The documents of the columns 政务公开 › 政策法规, 招商网 › 优惠政策 and 人才网 › 人才政策 are
library records (``zoneportal.policies``), not articles: their title, summary, body,
attachments and 文号 stay in ``articles.py`` (checked against the facts table like
every text), and this file adds what a disclosure page shows besides — category,
issuers, topics and the document's own dates. Dates the zone's material names are
kept; the others are plausible demo dates, marked as such by ``is_demo``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The library columns of the demo (keys of ``builder.COLUMNS``) and the categories each shows (empty: all).
LIBRARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "policies": (),
    "inv-policy": ("开发区优惠政策", "税务政策", "土地规划建设"),
    "tal-policy": ("劳动人事与人才",),
}
#: A category the demo adds to the ten defaults (administrators edit the list; its code follows theirs).
EXTRA_CATEGORIES = [("11", "开发区设立与管理体制")]


@dataclass(frozen=True)
class PolicyMeta:
    """What a document of ``articles.py`` carries in the library besides its text."""

    category: str
    issued_on: str  # YYYY-MM-DD
    topics: tuple[str, ...] = ()
    written_on: str = ""
    effective_on: str = ""
    expires_on: str = ""
    replaced_by: str = ""  # key of the document that amended this one
    related: tuple[str, ...] = ()  # keys of other documents
    doc_number: str | None = None  # None: the article's; "" when another document holds it
    lead: str = ""  # a first paragraph the record adds (where the 文号 went)


POLICIES: dict[str, PolicyMeta] = {
    "sheli-pifu": PolicyMeta(
        "开发区设立与管理体制", "2001-12-28", ("开发区设立",), written_on="2001-12-28", replaced_by="gengming-gonggao"
    ),
    "guanweihui-sheli": PolicyMeta(
        "开发区设立与管理体制",
        "2006-05-30",
        ("机构编制", "开发区设立"),
        written_on="2006-05-30",
        related=("choubei-xiaozu",),
    ),
    "guanli-banfa": PolicyMeta(
        "开发区设立与管理体制", "2007-10-17", ("园区管理",), written_on="2007-10-17", effective_on="2007-10-17"
    ),
    "youhui-zhengce": PolicyMeta(
        "开发区优惠政策",
        "2015-03-12",
        ("招商引资", "税收优惠", "免二减三"),
        written_on="2015-03-06",
        effective_on="2015-04-01",
        related=("inv-yishiyiyi", "inv-zhongjie-jiangli"),
    ),
    "tiaoli-zhiquan": PolicyMeta("开发区设立与管理体制", "2015-03-12", ("管理体制",)),
    "choubei-xiaozu": PolicyMeta(
        "开发区设立与管理体制",
        "2006-04-20",
        ("开发区设立",),
        written_on="2006-04-20",
        effective_on="2006-04-20",
        expires_on="2006-05-30",
    ),
    "sanbian-guanli": PolicyMeta(
        "开发区设立与管理体制",
        "2002-01-15",
        ("管理体制",),
        written_on="2002-01-10",
        effective_on="2002-01-15",
        expires_on="2006-05-30",
    ),
    "inv-youhui-zhaibian": PolicyMeta(
        "开发区优惠政策",
        "2015-03-12",
        ("招商引资", "免二减三"),
        related=("youhui-zhengce",),
        doc_number="",
        lead="本文摘编自《来凤经济开发区招商引资优惠政策》（来开管发〔2015〕3号）。",
    ),
    "inv-yishiyiyi": PolicyMeta(
        "开发区优惠政策", "2015-03-13", ("招商引资", "重点项目"), written_on="2015-03-10", effective_on="2015-04-01"
    ),
    "inv-zhongjie-jiangli": PolicyMeta(
        "开发区优惠政策", "2015-03-13", ("招商引资", "招商奖励"), written_on="2015-03-10", effective_on="2015-04-01"
    ),
    "inv-changfang-zhengce": PolicyMeta(
        "土地规划建设", "2016-09-20", ("标准厂房", "招商引资"), written_on="2016-09-12", effective_on="2016-10-01"
    ),
    "tal-rencai-zhengce": PolicyMeta(
        "劳动人事与人才", "2016-03-10", ("人才引进",), written_on="2016-03-01", effective_on="2016-03-10"
    ),
    "tal-pinren-banfa": PolicyMeta(
        "劳动人事与人才", "2016-03-10", ("人事管理",), written_on="2016-03-01", effective_on="2016-03-10"
    ),
    "tal-chuangye-zhongxin": PolicyMeta(
        "劳动人事与人才", "2016-03-11", ("人才引进", "创业服务"), written_on="2016-03-04", effective_on="2016-03-11"
    ),
}


@dataclass(frozen=True)
class ExtraPolicy:
    """A document the library holds that has no article: the one that amended the 2001 approval."""

    key: str
    title: str
    doc_number: str
    issuer: str
    category: str
    issued_on: str
    body: tuple[str, ...]
    topics: tuple[str, ...] = ()


EXTRA_POLICIES = [
    ExtraPolicy(
        key="gengming-gonggao",
        title="关于“来凤三边经贸开发区”更名为“湖北来凤经济开发区”的公告（要点）",
        doc_number="",
        issuer="国家发展和改革委员会",
        category="开发区设立与管理体制",
        issued_on="2005-12-08",
        body=(
            "2005年12月8日，经国家发改委审定，将原名“来凤三边经贸开发区”更名为“湖北来凤经济开发区”，并发布公告，"
            "来凤成为第一批通过核准的省属开发区。",
        ),
        topics=("开发区设立",),
    ),
]


@dataclass(frozen=True)
class InterpretationSpec:
    """政策解读 in the library: the text of an article of the 政策解读 column, linked to its documents."""

    article: str  # key of the 政策解读 article whose title and body it shows
    policies: tuple[str, ...]
    kind: str = "text"  # text | graphic
    image: str = ""  # key of a drawn image (图解)


INTERPRETATIONS = [
    InterpretationSpec("youhui-jiedu", ("youhui-zhengce", "inv-youhui-zhaibian"), "graphic", "graphic-youhui"),
    InterpretationSpec("sanxiang-quanxian-jiedu", ("guanweihui-sheli",)),
    InterpretationSpec("tiaoli-jiedu", ("tiaoli-zhiquan",)),
    InterpretationSpec("pinren-jiedu", ("tal-pinren-banfa",)),
]
