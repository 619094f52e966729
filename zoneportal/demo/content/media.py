"""What the demo draws and writes: images, documents, photo albums and videos.

Each image or document is a spec with a ``make`` function, so the loader can
count them for its progress display and build them one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from .. import images as draw
from . import facts
from .organisation import LEADERS
from .pages import ENTRY_STEPS


@dataclass(frozen=True)
class ImageSpec:
    """A drawn image: Wagtail title, owning department, description (alt text) and how to draw it."""

    key: str
    title: str
    department: str
    description: str
    make: Callable[[], Image.Image]
    photo: bool = False  # stored as JPEG


def _photo(key: str, caption: str, scene: str, department: str, headline: str = "") -> ImageSpec:
    return ImageSpec(
        key,
        caption,
        department,
        f"示意图片：{caption}",
        lambda: draw.photo(caption, scene, headline=headline),
        photo=True,
    )


def _zoning_map() -> Image.Image:
    zones = [
        draw.Zone("新材料产业区", (4, 8, 34, 46), draw.SERIES[0], "桂花树工业园 · 0.8平方公里"),
        draw.Zone("新型建材工业园", (38, 8, 62, 34), draw.SERIES[3], "桂花树工业园 · 0.25平方公里"),
        draw.Zone("农副产品加工区", (38, 40, 64, 62), draw.SERIES[2], "桂花树工业园 · 0.45平方公里"),
        draw.Zone("化工产业区", (70, 8, 96, 34), draw.SERIES[4], "龙凤产业园 · 0.5平方公里"),
        draw.Zone("新能源、低碳工业区", (70, 40, 96, 74), draw.SERIES[5], "龙凤产业园 · 1.5平方公里"),
        draw.Zone("其他功能区", (4, 70, 60, 94), draw.SERIES[1], "龙凤物流园 · 利智线、讨橙线、来革线沿线"),
    ]
    roads = [("利智线", [(66, 0), (67, 50), (64, 100)]), ("团结二桥路", [(0, 55), (36, 66), (66, 64)])]
    return draw.schematic_map(
        "来凤经济开发区产业布局示意图", zones, roads, subtitle="“一区三园三线”：桂花树工业园、龙凤产业园、龙凤物流园"
    )


def _guihuashu_map() -> Image.Image:
    park = facts.PARKS["guihuashu"]
    zones = [
        draw.Zone("新材料产业区", (6, 10, 44, 58), draw.SERIES[0], "四号路西面靠南 · 0.8平方公里"),
        draw.Zone("新型建材工业园", (52, 8, 94, 36), draw.SERIES[3], "33号以南 · 0.25平方公里"),
        draw.Zone("农副产品加工区", (52, 60, 96, 92), draw.SERIES[2], "团结二桥路南面 · 0.45平方公里"),
    ]
    roads = [
        ("团结二桥路", [(0, 50), (48, 56), (100, 48)]),
        ("利智线", [(70, 100), (60, 60), (48, 0)]),
        ("四号路", [(46, 0), (46, 100)]),
    ]
    return draw.schematic_map(
        f"{park.name}示意图",
        zones,
        roads,
        subtitle=f"{park.location} · {park.area_km2}平方公里（{park.area_mu}亩） · {park.infrastructure}",
    )


def _sihe_map() -> Image.Image:
    park = facts.PARKS["sihe"]
    zones = [
        draw.Zone("凯迪绿色能源", (8, 12, 40, 44), draw.SERIES[5]),
        draw.Zone("腾升香料", (56, 12, 92, 40), draw.SERIES[4]),
        draw.Zone("明涛钙业", (8, 56, 40, 88), draw.SERIES[0]),
        draw.Zone("楚城钙业", (56, 56, 92, 88), draw.SERIES[3]),
    ]
    roads = [("滨河路", [(0, 50), (50, 48), (100, 52)]), ("园区道路", [(48, 0), (48, 100)])]
    return draw.schematic_map(
        f"{park.name}示意图",
        zones,
        roads,
        subtitle=f"{park.location} · {park.since} · {park.area_km2}平方公里（{park.area_mu}亩）· {park.infrastructure}",
        note="示意图，企业位置不按实际；入园企业5户，图中标出其中4户",
    )


IMAGES: list[ImageSpec] = [
    ImageSpec(
        "banner-main",
        "首页横幅：来凤经济开发区",
        "bangongshi",
        "来凤经济开发区：湖北西大门，湘鄂渝三省市交界处",
        lambda: draw.banner("来凤经济开发区", "湖北西大门 · 湘、鄂、渝三省市交界处"),
        photo=True,
    ),
    ImageSpec(
        "banner-invest",
        "招商网横幅",
        "zhaoshang",
        "来凤经济开发区招商网：招商、亲商、稳商、富商",
        lambda: draw.banner("来凤经济开发区招商网", "“招商”“亲商”“稳商”“富商”", scene="factory"),
        photo=True,
    ),
    ImageSpec(
        "banner-talent",
        "人才网横幅",
        "bangongshi",
        "来凤经济开发区人才网：招贤引能",
        lambda: draw.banner("来凤经济开发区人才网", "积极开拓人才市场 · 招贤引能", scene="hills"),
        photo=True,
    ),
    ImageSpec(
        "chart-invest-2014",
        "2014年招商引资到位资金（按企业）",
        "zhaoshang",
        "条形图：2014年各企业招商引资到位资金，帅丰建材16500万元最多",
        lambda: draw.bar_chart(
            "2014年招商引资实际到位资金（按企业）",
            [(f"{item.company}（{item.kind}）", item.amount) for item in facts.INVESTMENT_2014],
            "万元",
            subtitle=f"任务{facts.INVESTMENT_2014_TASK}万元，实际到位{facts.INVESTMENT_2014_ACTUAL}万元；"
            f"7户新建项目{facts.INVESTMENT_2014_NEW_TOTAL}万元，占比61%",
        ),
    ),
    ImageSpec(
        "chart-results-2015",
        "2015年开发区主要经济指标",
        "zhaoshang",
        "条形图：2015年工业总产值34.35亿元、固定资产投资22.24亿元等",
        lambda: draw.bar_chart(
            "2015年开发区主要经济指标",
            facts.RESULTS_2015_CHART,
            "亿元",
            subtitle="工业总产值比上年增长15.1%，招商引资总额同比增长78.2%",
        ),
    ),
    ImageSpec(
        "chart-targets-2020",
        "2020年开发区生产总值构成目标",
        "zhaoshang",
        "条形图：到2020年生产总值24亿元，其中工业19.8亿元、商贸业3.24亿元、旅游业0.96亿元",
        lambda: draw.bar_chart(
            "到2020年开发区生产总值目标：24亿元",
            [("工业（占比82.5%）", 19.8), ("商贸业（占比13.5%）", 3.24), ("旅游业（占比4%）", 0.96)],
            "亿元",
            subtitle="年均增长21%",
        ),
    ),
    ImageSpec(
        "chart-clusters-2020",
        "2020年产业集群产值目标",
        "zhaoshang",
        "条形图：2020年新型建材产业集群20亿元等六大产业产值目标",
        lambda: draw.bar_chart("到2020年六大重点产业产值目标", facts.CLUSTERS_2020, "亿元", subtitle="力争实现"),
    ),
    ImageSpec(
        "map-zoning",
        "来凤经济开发区产业布局示意图",
        "guotu",
        "示意图：新材料产业区、新型建材工业园、农副产品加工区、化工产业区、新能源低碳工业区和其他功能区",
        _zoning_map,
    ),
    ImageSpec(
        "map-guihuashu",
        "桂花树工业园示意图",
        "guotu",
        "示意图：桂花树工业园的新材料产业区、新型建材工业园和农副产品加工区",
        _guihuashu_map,
    ),
    ImageSpec("map-sihe", "四合工业园示意图", "guotu", "示意图：四合工业园及入园企业", _sihe_map),
    ImageSpec(
        "org-chart",
        "来凤经济开发区管委会机构设置图",
        "bangongshi",
        "机构图：管委会下设招商发展分局、财政分局、国土建设分局和招商引资服务中心",
        lambda: draw.org_chart(
            "来凤经济开发区管理委员会机构设置",
            "来凤经济开发区管理委员会",
            ["招商发展分局（履行管委会办公室职能）", "财政分局", "国土建设分局", "招商引资服务中心（事业单位）"],
        ),
    ),
    ImageSpec(
        "graphic-youhui",
        "一图读懂：入园企业可以享受哪些优惠",
        "zhaoshang",
        "图解：入园企业享受税收“以返代免”、企业所得税免二减三、重大项目一事一议、中介引资一次性奖励",
        lambda: draw.org_chart(
            "一图读懂：入园企业可以享受哪些优惠",
            "进入工业园的“三资”企业和国内投资企业",
            ["税收地方留成“以返代免”", "企业所得税免二减三", "重大项目一事一议", "中介引资一次性奖励"],
            note="依据：来凤经济开发区招商引资优惠政策",
        ),
    ),
    ImageSpec(
        "flow-entry",
        "企业入园办事流程图",
        "fuwu",
        "流程图：" + "、".join(step for step, _who, _basis in ENTRY_STEPS),
        lambda: draw.flow_chart(
            "企业入园办事流程图",
            [f"{step}（{who}）" for step, who, _basis in ENTRY_STEPS],
            subtitle="演示：根据开发区各部门职能整理",
        ),
    ),
    _photo("photo-panorama", "桂花树工业园全景", "park", "bangongshi"),
    _photo("photo-sihe", "四合工业园", "factory", "guotu"),
    _photo("photo-night", "开发区夜景", "night", "bangongshi"),
    _photo("photo-road", "团结二桥路", "road", "guotu"),
    _photo("photo-factory", "园区企业厂房", "factory", "zhaoshang"),
    _photo("photo-changfang", "标准化厂房", "factory", "guotu"),
    _photo("photo-tea", "凤雅藤茶基地", "tea", "zhaoshang"),
    _photo("photo-baoshihua", "宝石花红木家具项目建成投产", "factory", "zhaoshang"),
    _photo("photo-xiangao", "翔奥农产品加工项目", "factory", "zhaoshang"),
    _photo("photo-kaidi", "凯迪绿色能源", "park", "zhaoshang"),
    _photo("photo-signing", "地道药材综合开发项目签约", "meeting", "zhaoshang", headline="地道药材综合开发项目签约"),
    _photo("photo-huake", "华中科技大学来开发区调研", "meeting", "zhaoshang", headline="对口帮扶调研座谈"),
    _photo("photo-hall", "“一站式”办公服务大厅", "meeting", "fuwu", headline="“一站式”办公服务大厅"),
    _photo("photo-hills", "武陵山区", "hills", "bangongshi"),
    _photo("poster-promo", "来凤经济开发区宣传片", "park", "bangongshi"),
    _photo("poster-qitong", "桂花树工业园“七通一平”", "road", "guotu"),
    *[
        ImageSpec(
            f"portrait-{index}",
            f"{leader.name}（{leader.title}）照片",
            leader.department,
            f"照片占位图：{leader.name}",
            (lambda name=leader.name: draw.portrait(name)),
        )
        for index, leader in enumerate(LEADERS)
    ],
]


@dataclass(frozen=True)
class DocumentSpec:
    """A demo document: title, file name, owning department and how to make its bytes."""

    key: str
    title: str
    filename: str
    department: str
    kind: str  # "pdf" or "xlsx"


DOCUMENTS = [
    DocumentSpec(
        "pdf-zhuanti", "来凤经济开发区工业园区建设（专题材料）", "来凤经济开发区工业园区建设.pdf", "bangongshi", "pdf"
    ),
    DocumentSpec("pdf-daye", "赴大冶学习考察报告", "赴大冶学习考察报告.pdf", "bangongshi", "pdf"),
    DocumentSpec("pdf-entry-guide", "企业入园办事指南", "企业入园办事指南.pdf", "fuwu", "pdf"),
    DocumentSpec("pdf-policy", "来凤经济开发区招商引资优惠政策摘编", "招商引资优惠政策摘编.pdf", "zhaoshang", "pdf"),
    DocumentSpec("pdf-targets", "来凤经济开发区2020年发展目标", "2020年发展目标.pdf", "zhaoshang", "pdf"),
    DocumentSpec("pdf-zoning", "来凤经济开发区产业布局示意图", "产业布局示意图.pdf", "guotu", "pdf"),
    DocumentSpec("pdf-results-2015", "2015年开发区运行情况", "2015年开发区运行情况.pdf", "zhaoshang", "pdf"),
    DocumentSpec(
        "xlsx-invest-2014", "2014年招商引资项目到位资金表", "2014年招商引资项目到位资金表.xlsx", "zhaoshang", "xlsx"
    ),
    DocumentSpec("xlsx-entry-form", "企业入园申请表", "企业入园申请表.xlsx", "fuwu", "xlsx"),
    DocumentSpec("xlsx-results-2015", "2015年开发区主要经济指标", "2015年开发区主要经济指标.xlsx", "zhaoshang", "xlsx"),
    DocumentSpec("xlsx-targets-2020", "2020年主要经济目标", "2020年主要经济目标.xlsx", "zhaoshang", "xlsx"),
    DocumentSpec("xlsx-land", "开发区征地与基建投入情况表", "征地与基建投入情况表.xlsx", "caizheng", "xlsx"),
    DocumentSpec(
        "xlsx-stats-form",
        "开发区工业企业主要经济指标统计表（空表）",
        "工业企业主要经济指标统计表.xlsx",
        "zhaoshang",
        "xlsx",
    ),
    DocumentSpec("xlsx-staffing", "开发区人员编制情况表", "人员编制情况表.xlsx", "bangongshi", "xlsx"),
]


@dataclass(frozen=True)
class AlbumSpec:
    """A photo album of the multimedia hall: (image key, caption) pairs."""

    key: str
    title: str
    slug: str
    intro: str
    photos: tuple[tuple[str, str], ...]
    date: str


ALBUMS = [
    AlbumSpec(
        "album-scenery",
        "开发区美景",
        "meijing",
        "武陵山区的开发区。",
        (
            ("photo-panorama", "桂花树工业园全景"),
            ("photo-night", "开发区夜景"),
            ("photo-hills", "武陵山区"),
            ("photo-tea", "凤雅藤茶基地"),
        ),
        "2016-05-10 10:00",
    ),
    AlbumSpec(
        "album-construction",
        "园区建设",
        "yuanqujianshe",
        "桂花树工业园基本实现“七通一平”，四合工业园实现“三通”一平。",
        (
            ("photo-road", "团结二桥路"),
            ("photo-changfang", "标准化厂房"),
            ("photo-sihe", "四合工业园"),
            ("photo-factory", "园区企业厂房"),
        ),
        "2016-06-20 10:00",
    ),
    AlbumSpec(
        "album-projects",
        "项目建设",
        "xiangmujianshe",
        "2015年实施重点项目9个，其中继建7个，新建2个。",
        (
            ("photo-baoshihua", "宝石花红木家具项目已建成投产"),
            ("photo-xiangao", "翔奥农产品加工项目已经建成，待投入试运行"),
            ("photo-signing", "地道药材综合开发项目签约"),
            ("photo-huake", "华中科技大学来开发区调研"),
        ),
        "2016-01-15 10:00",
    ),
]


@dataclass(frozen=True)
class VideoSpec:
    """A video page without a video file: poster, caption and transcript."""

    key: str
    title: str
    slug: str
    poster: str
    caption: str
    transcript: str
    date: str


VIDEOS = [
    VideoSpec(
        "video-promo",
        "来凤经济开发区宣传片",
        "xuanchuanpian",
        "poster-promo",
        "湖北西大门的经济开发区",
        "来凤地处湘、鄂、渝三省市交界处，素有“湖北西大门”之称。\n"
        "2005年12月8日，经国家发改委审定，“来凤三边经贸开发区”更名为“湖北来凤经济开发区”。\n"
        "开发区现设有4个园区，重点建设桂花树工业园和四合工业园。\n"
        "2015年，两个园区企业53家，年创工业总产值34.35亿元，比上年增长15.1%。\n"
        "开发区已形成新型建材、新材料、新能源、农副产品加工和民族旅游产品五大产业。\n"
        "到2020年，把来凤经济开发区建设成为武陵地区一流的现代新型产业园区。",
        "2016-09-30 10:00",
    ),
    VideoSpec(
        "video-qitong",
        "桂花树工业园“七通一平”",
        "qitongyiping",
        "poster-qitong",
        "路、水、电、气、通讯、电视、宽带和土地平整",
        "桂花树工业园位于县城翔凤镇桂花树村、黄茅坪村，园区面积1.23平方公里（1845亩）。\n"
        "到2015年，桂花树工业园先后征用土地2000亩，基本实现路、水、电、气、通讯、电视、宽带和土地平整“七通一平”。\n"
        "入园企业48户。",
        "2015-07-20 10:00",
    ),
]
