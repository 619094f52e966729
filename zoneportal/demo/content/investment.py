"""招商与园区 of the demo: industries, parks and their functional zones, enterprises, projects, tasks, indicators.

From the zone's report 来凤经济开发区工业园区建设 (专题, 2016). Figures the facts
table already holds (parks, zoning, the 2014 investment list, the 2015 results,
the 2020 targets) are read from :mod:`.facts`, never typed again here; the few
the report states and the table lacks (the 2015 signed project) are below, each
with where the report says it. Where the report is silent the demo gives no
figure rather than an invented one, with two exceptions marked as the demo's
own: the enterprises' 统一社会信用代码 (generated, valid in shape and check
character, registered to no one) and the stage of a project whose progress the
report does not describe.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import facts

#: 产业集群: the report's five industries (三、（三）1), the 原材料 cluster of its 2020 plan, and the
#: manufacturing it says has gathered in the parks.
INDUSTRIES: list[tuple[str, str]] = [
    ("新型建材", "以金凤、腾辉、帅丰为主体"),
    ("新材料", "以科隆、明涛为首选"),
    ("新能源", "以凯迪为代表"),
    ("农副产品加工", "以凤雅、三丰为龙头"),
    ("民族旅游产品", "以宝石花、巴凤楚韵为代表"),
    ("原材料", "藤茶、香精香料等精深加工"),
    ("先进制造", "电力器材加工、家具建材、电子产业"),
    ("商贸流通", "以龙凤物流园建设为重点"),
]

#: Which facility keys (``zoneportal.investment.figures.INFRASTRUCTURE``) each stated label means:
#: 桂花树 has road, water, power, gas, telecoms, television, broadband and levelled land (七通一平);
#: 四合 road, water, power, telecoms and levelled land (“三通”一平, 三、运行情况).
INFRASTRUCTURE = {
    "七通一平": ["road", "water", "power", "gas", "telecom", "cable_tv", "broadband", "levelled"],
    "三通一平": ["road", "water", "power", "telecom", "levelled"],
}


@dataclass(frozen=True)
class ParkSpec:
    """A park: ``fact`` is its key in ``facts.PARKS`` when the report describes it there."""

    name: str
    fact: str = ""
    industries: tuple[str, ...] = ()
    remarks: str = ""


PARKS = [
    ParkSpec(facts.PARKS["guihuashu"].name, "guihuashu", ("新型建材", "新材料", "农副产品加工", "先进制造")),
    ParkSpec(facts.PARKS["sihe"].name, "sihe", ("新能源", "新材料", "原材料")),
    ParkSpec("龙凤产业园", "", ("原材料", "新能源"), "“一区三园三线”规划中的产业园，面积以功能分区计。"),
    ParkSpec("龙凤物流园", "", ("商贸流通",), "布局不宜进入工业园区的产业和项目，纳入开发区服务及统计范畴。"),
]


@dataclass(frozen=True)
class EnterpriseSpec:
    """An enterprise the report names, with what it says of its park and industry."""

    name: str
    industry: str
    park: str = ""  # empty where the report does not place it


ENTERPRISES = [
    EnterpriseSpec("金凤建材", "新型建材", facts.PARKS["guihuashu"].name),
    EnterpriseSpec("腾辉", "新型建材"),
    EnterpriseSpec("帅丰建材", "新型建材"),
    EnterpriseSpec("科隆公司", "新材料", facts.PARKS["guihuashu"].name),
    EnterpriseSpec("明涛钙业", "新材料", facts.PARKS["sihe"].name),
    EnterpriseSpec("楚城钙业", "新材料", facts.PARKS["sihe"].name),
    EnterpriseSpec("凯迪绿色能源", "新能源", facts.PARKS["sihe"].name),
    EnterpriseSpec("凤雅藤茶", "农副产品加工"),
    EnterpriseSpec("三丰淀粉", "农副产品加工"),
    EnterpriseSpec("宝石花红木家具", "民族旅游产品"),
    EnterpriseSpec("巴凤楚韵", "民族旅游产品"),
    EnterpriseSpec("腾升香料", "原材料", facts.PARKS["sihe"].name),
]

#: The demo's own registration numbers: 9 (工商) 1 (企业), 来凤县's division code 422827, then "MA" and a
#: running number; the check character is computed. None of them is a real enterprise's code.
CREDIT_CODE_PREFIX = "91422827MA"
GENERATED_NOTE = "演示数据：统一社会信用代码为演示生成，并非真实登记信息。"

#: Industry of each company of the 2014 list, from what it makes.
PROJECT_INDUSTRIES = {
    "帅丰建材": "新型建材",
    "承禹钢构": "先进制造",
    "荆来建材": "新型建材",
    "宝石花红木家具": "民族旅游产品",
    "翔奥农产品加工": "农副产品加工",
    "新佰佳家具": "先进制造",
    "海玉农林": "农副产品加工",
    "凤雅藤茶": "农副产品加工",
    "翔奥电力": "新能源",
    "蓖麻油加工": "原材料",
    "卓励电子": "先进制造",
    "三丰淀粉": "农副产品加工",
    "明涛钙业": "新材料",
    "腾升香料": "原材料",
    "晟达实业": "先进制造",
}

#: Stages the report gives (三、（三）2、项目建设): 宝石花 建成投产 in 2015; the others it describes were
#: being built. For the rest the demo assumes 在建 and says so in the project's remarks.
PROJECT_STAGES = {
    "宝石花红木家具": "producing",
    "翔奥农产品加工": "building",
    "承禹钢构": "building",
    "蓖麻油加工": "building",
    "翔奥电力": "building",
    "三丰淀粉": "building",
    "腾升香料": "building",
    "凤雅藤茶": "building",
    "明涛钙业": "building",
}
DEFAULT_STAGE = "building"
ASSUMED_STAGE_NOTE = "演示数据：报告未述及该项目进度，项目阶段为演示设定。"
INVESTMENT_YEAR = 2014

#: 2015: the signed project (三、（三）3、招商引资): 恩施金泰控股投资有限公司's 地道药材综合开发 of 2.5亿元 on 100亩.
SIGNED_2015 = {
    "name": "地道药材综合开发项目",
    "investor": "恩施金泰控股投资有限公司",
    "industry": "农副产品加工",
    "planned_investment": 25000,  # 万元 (2.5亿元)
    "land_mu": 100,
    "stage": "signed",
}

#: Indicators: 2015's results are actual figures of 2015, the 2020 goals targets of 2020. The report calls
#: the same count 规模企业 in 2015 and 规模以上工业企业 in its goals: one indicator.
RESULT_YEAR = 2015
TARGET_YEAR = 2020
SAME_INDICATOR = {"规模企业": "规模以上工业企业"}
#: The 2020 output goals of the industry clusters become indicators “<cluster>产值” in 亿元, each tied to its
#: industry (the goals name 旅游产业; the zone's cluster of it is 民族旅游产品).
CLUSTER_UNIT = "亿元"
CLUSTER_INDUSTRIES = {
    "新型建材产业集群": "新型建材",
    "原材料产业集群": "原材料",
    "农副产品加工业集群": "农副产品加工",
    "商贸流通": "商贸流通",
    "新能源产业集群": "新能源",
    "旅游产业": "民族旅游产品",
}
