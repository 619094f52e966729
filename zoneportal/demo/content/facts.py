"""The numbers of the demo zone, and the table of facts every number the demo shows is checked against.

The structured figures (2014 investment, 2015 results, 2020 targets, parks,
zoning) are those of the zone's report 来凤经济开发区工业园区建设; charts,
tables and spreadsheets read them from here. ``FACTS`` lists every figure any
demo text shows, each with where the zone's material states it, and
``DEMO_VALUES`` the numbers that are the demo's own. ``zoneportal.demo.figures``
checks every article, page, organisation text, transcript, chart and
spreadsheet against them before the loader builds anything.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = "来凤经济开发区工业园区建设专题（来凤经济开发区管委会，2016年9月10日）"


@dataclass(frozen=True)
class Investment:
    """2014 招商引资到位资金 of one company (万元)."""

    company: str
    amount: int
    kind: str  # 新建 or 续建


INVESTMENT_2014_TASK = 35000
INVESTMENT_2014_ACTUAL = 49100
INVESTMENT_2014_NEW_TOTAL = 29750
INVESTMENT_2014 = [
    Investment("帅丰建材", 16500, "新建"),
    Investment("承禹钢构", 100, "新建"),
    Investment("荆来建材", 400, "新建"),
    Investment("宝石花红木家具", 4400, "新建"),
    Investment("翔奥农产品加工", 800, "新建"),
    Investment("新佰佳家具", 1850, "新建"),
    Investment("海玉农林", 5700, "新建"),
    Investment("凤雅藤茶", 400, "续建"),
    Investment("翔奥电力", 7000, "续建"),
    Investment("蓖麻油加工", 1500, "续建"),
    Investment("卓励电子", 2000, "续建"),
    Investment("三丰淀粉", 1300, "续建"),
    Investment("明涛钙业", 3270, "续建"),
    Investment("腾升香料", 1560, "续建"),
    Investment("晟达实业", 2320, "续建"),
]

#: 2015 运行效果: (指标, 数值, 单位, 说明)
RESULTS_2015 = [
    ("纳入统计的工业企业", "72", "户", "含城区工业企业"),
    ("两个园区企业", "53", "家", ""),
    ("规模企业", "43", "户", "年主营业务收入2000万元以上"),
    ("税收总额", "4963", "万元", ""),
    ("工业总产值", "34.35", "亿元", "比上年增长15.1%"),
    ("工业增加值", "10.67", "亿元", "比上年增长15.2%"),
    ("固定资产投资累计", "22.24", "亿元", "同比增长59.1%"),
    ("基础设施建设投资", "13.3", "亿元", "占59.8%，同比增长58.5%"),
    ("招商引资总额", "9.8", "亿元", "同比增长78.2%"),
]
#: The 亿元 results of 2015 as a chart.
RESULTS_2015_CHART = [
    ("工业总产值", 34.35),
    ("固定资产投资累计", 22.24),
    ("基础设施建设投资", 13.3),
    ("工业增加值", 10.67),
    ("招商引资总额", 9.8),
]

#: 2014 项目建设 (万元 unless noted)
PROJECTS_2014 = [
    ("园内项目工程", "12", "个", "其中8个相继开工建成"),
    ("完成固定资产投资", "31600", "万元", ""),
    ("其中基础设施建设投资", "18900", "万元", "占比59.8%"),
    ("年纳税", "1506", "万元", ""),
    ("万元投资创税额", "476.58", "元", ""),
]

#: 2020 主要经济目标: (指标, 目标, 单位, 说明)
TARGETS_2020 = [
    ("开发区生产总值", "24", "亿元", "年均增长21%"),
    ("其中：工业", "19.8", "亿元", "占比82.5%"),
    ("其中：商贸业", "3.24", "亿元", "占比13.5%"),
    ("其中：旅游业", "0.96", "亿元", "占比4%"),
    ("税收收入", "3.43", "亿元", "增幅达到28%"),
    ("规模以上工业企业", "80", "户", "每年新培植6家"),
    ("规模以上工业增加值", "19.2", "亿元", "年均增长28%"),
    ("外贸出口", "2000", "万美元", "年均增长40%"),
    ("实际利用外资", "2000", "万美元", ""),
]
#: 2020 产业集群产值目标 (亿元)
CLUSTERS_2020 = [
    ("新型建材产业集群", 20),
    ("原材料产业集群", 15),
    ("农副产品加工业集群", 15),
    ("商贸流通", 10),
    ("新能源产业集群", 6),
    ("旅游产业", 2),
]


@dataclass(frozen=True)
class Park:
    """一个园区."""

    name: str
    location: str
    area_km2: str
    area_mu: str
    since: str
    land_acquired_mu: str
    infrastructure: str
    enterprises: str


PARKS = {
    "guihuashu": Park(
        "桂花树工业园", "县城翔凤镇桂花树村、黄茅坪村", "1.23", "1845", "", "2000", "七通一平", "入园企业48户"
    ),
    "sihe": Park(
        "四合工业园",
        "绿水镇四合村、梅子树村",
        "2.1",
        "3150",
        "2008年建园",
        "1500",
        "三通一平",
        "凯迪绿色能源、腾升香料、明涛钙业、楚城钙业等5户",
    ),
}

#: 产业布局 (区, 所在园区, 面积 km² or "", 位置)
ZONING = [
    ("新材料产业区", "桂花树工业园", "0.8", "四号路（现科隆公司厂址）西面靠南延伸"),
    ("新型建材工业园", "桂花树工业园", "0.25", "桂花树工业园33号以南，以金凤建材为代表"),
    ("农副产品加工区", "桂花树工业园", "0.45", "团结二桥路南面沿利智线向东南方向延伸"),
    ("化工产业区", "龙凤产业园", "0.5", "张贵路以北靠利智线东侧，以腾升香料为代表"),
    ("新能源、低碳工业区", "龙凤产业园", "1.5", "张贵路以北靠利智线西侧"),
    ("其他功能区", "龙凤物流园", "", "利智线、讨橙线以及来革线沿线区域"),
]

#: 安置与失地保障, from the 大冶 study report (做法 and 民生): the zone's relocation, its resettlement housing
#: (还建楼: sites by stage, floor area in 万平方米, households moved in) and the landless farmers' insurance.
RELOCATION = {
    "households": 4200,  # 4200多户
    "administrative_villages": 25,
    "natural_villages": 42,
    "whole_villages_moved": 25,
    "people": 15000,  # 1.5万余人
}
#: (stage, sites, floor area in 万平方米, households moved in)
HOUSING_SITES = [("completed", 7, "30", 1860), ("building", 6, "53", None), ("planned", 6, "27", None)]
HOUSING_PLANNED_SITES = 19
HOUSING_PLANNED_AREA = "110"  # 万平方米
HOUSING_INVESTMENT = "15亿元"
HOUSING_MOVING_IN_BY_YEAR_END = 3000  # 户
INSURANCE_SHARES = "5:2:3"  # 市政府、村集体、个人
INSURED = 2400  # 人
MONTHLY_BENEFIT = 252  # 元，人平基本生活保障金
TRAINED = 8600  # 8600余人
EMPLOYED = 8000  # 8000余人

#: 人员编制
STAFFING_TOTAL = "核定行政事业人员编制共34名"
STAFFING_ON_DUTY = "2015年末，实际在编在岗23名"


@dataclass(frozen=True)
class Fact:
    """A figure of the zone as shown (number and unit) and where the zone's material states it."""

    figure: str
    where: str


def _stated(where: str, figures: str) -> list[Fact]:
    """The space-separated ``figures`` (number and unit, as shown), all stated in ``where``."""
    return [Fact(figure, where) for figure in figures.split()]


#: Every figure the demo shows, with where the zone's material states it. A date such as 2001年12月28日
#: is listed whole; the check reads it as 2001年, 12月 and 28日. A number shown without a unit
#: (a document number's year, a spreadsheet cell) must be the number of a figure listed here.
FACTS: tuple[Fact, ...] = (
    # 来凤经济开发区工业园区建设（专题，2016年9月10日）
    *_stated("专题·落款", "2016年9月10日"),
    *_stated(
        "专题·一、设立过程",
        "2000-2001年 2001年12月28日 鄂体改[2001]127号 224.2公顷 3363亩 253.3公顷 3800亩 2002年 2005年12月8日",
    ),
    *_stated(
        "专题·一、设立过程（筹建管委会）",
        "2006年4月20日 州机编发[2006]35号 1名 3人 5月30日 第24次 来编纪要[2006]3号 3项 2007年2月 3名 11月 1人 2人",
    ),
    *_stated("专题·二、机构与职能", "3个 1个 34名 2名 6名 16名 2015年 23名 20个"),
    *_stated("专题·三、运行情况", "4个 2007年10月17日 5年"),
    *_stated(
        "专题·三、运行情况（征地与基建投入）",
        "2001-2006年 14801万元 1450亩 10.21万元 1500万元 441亩 3.4万元 3000万元 120万元 300米 180万元 250万元 4号 "
        "18500万元 3500亩 5.29万元",
    ),
    *_stated("专题·三、（一）桂花树工业园", "1.23平方公里 1845亩 2007年6月 6月11日 8月8日 2000亩 48户"),
    *_stated("专题·三、（二）四合工业园", "2008年 2.1平方公里 3150亩 1500亩 5户"),
    *_stated(
        "专题·三、（三）1、经济效益（2015年）",
        "72户 53家 2000万元 43户 4963万元 34.35亿元 10.67亿元 15.1% 15.2% 22.24亿元 59.1% 13.3亿元 59.8% 58.5% "
        "9.8亿元 78.2% 10",
    ),
    *_stated(
        "专题·三、（三）2、项目建设",
        "2014年 12个 8个 31600万元 18900万元 1506万元 476.58元 3000亩 4万亩 9个 7个 2个 20平方公里",
    ),
    *_stated(
        "专题·三、（三）3、招商引资（2014年到位资金）",
        "35000万元 49100万元 7户 29750万元 61% 16500万元 100万元 400万元 4400万元 800万元 1850万元 5700万元 8家 "
        "7000万元 1300万元 3270万元 1560万元 2320万元 6个 2.5亿元 100亩",
    ),
    *_stated("专题·三、（三）4、园区管理（“6.16”对口帮扶）", "6.16 2015年5月"),
    *_stated(
        "专题·四、工业园区建设的重要意义",
        "2003年8月 30 14亿元 2.23亿元 15.9% 1.59亿元 7600元 1600 604亩 14个 8000平方米 7年 24平方公里 65户 10户 10 "
        "60亿元 10年 25.9倍 13% 42亿元 25.3倍 14亿元 6.8倍 7.35亿元 3.6倍 14.6% 21338元 10% 8108元 15%",
    ),
    *_stated(
        "专题·五、（一）目标任务（到2020年）",
        "2020年 24亿元 21% 19.8亿元 82.5% 3.24亿元 13.5% 0.96亿元 4% 3.43亿元 28% 80户 6家 19.2亿元 2000万美元 40% "
        "10家 98%",
    ),
    *_stated(
        "专题·五、产业布局",
        "0.8平方公里 33号 0.25平方公里 0.45平方公里 0.5平方公里 1.5平方公里",
    ),
    *_stated("专题·五、（三）工作重点（产业集群产值）", "20亿元 15亿元 6亿元 10亿元 2亿元 100%"),
    *_stated("专题·五、（四）工作措施", "1-2年 10万平方米"),
    # 赴大冶学习考察报告
    *_stated(
        "大冶考察报告·概况",
        "1月14日 1994年 2005年 17家 76.32平方公里 33个 8个 2010年 91.5亿元 10.9亿元",
    ),
    *_stated(
        "大冶考察报告·做法",
        "19.67平方公里 9.1平方公里 18亿元 500 129个 107个 22个 48个 21个 6个 15个 29个 12个 108亿元 26个 "
        "80万平方米 25万平方米 4200 25个 42个 1.5万余人",
    ),
    *_stated(
        "大冶考察报告·民生",
        "15亿元 19个 110万平方米 7处 30万平方米 1860户 6处 53万平方米 27万平方米 3000户 5:2:3 2400名 252元 8600 8000",
    ),
    *_stated(
        "大冶考察报告·经验与建议",
        "19 潜建总〔2009〕3号 潜政发〔2008〕18号 潜政办发〔2010〕150号",
    ),
    # 永吉经济开发区“覆盖工程”经验材料
    *_stated(
        "覆盖工程经验材料",
        "96户 69户 6206人 151人 15个 6个 34人 3名 1个 6户 6名 3个 2户 8月20日 24名 2名 9月 9名 12名 26",
    ),
    # 大冶十中治庸问责经验材料
    *_stated("治庸问责经验材料", "9月 630 5条 10月23日"),
    # 哈尔滨开发区网站建设经验交流材料
    *_stated("网站建设经验交流材料", "4次 9个 10 1300条 300条 500"),
)

#: Numbers that are the demo's own, not the zone's figures: publication years of demo notices and
#: their zone-internal document numbers (来开管发〔2015〕3号 …), placeholder phone numbers (0718-000000n),
#: and the row and step numbers of spreadsheets, lists and flow charts.
DEMO_VALUES: tuple[str, ...] = (
    "2015 2016 1号 2号 3号 4号 5号 6号",
    "0718 0000001 0000002 0000003 0000004 0000005",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15",
    "4户",  # the 四合 map marks 4 of the park's 5 companies
    "2025年",  # 信息公开: the year of the demo's annual report
)


def chart_values() -> list[float | int | str]:
    """Every number the charts and tables above hold, for the figure check."""
    values: list[float | int | str] = [INVESTMENT_2014_TASK, INVESTMENT_2014_ACTUAL, INVESTMENT_2014_NEW_TOTAL]
    values += [item.amount for item in INVESTMENT_2014]
    values += [value for _label, value in RESULTS_2015_CHART + CLUSTERS_2020]
    for rows in (RESULTS_2015, PROJECTS_2014, TARGETS_2020):
        values += [f"{value}{unit} {note}" for _label, value, unit, note in rows]
    for park in PARKS.values():
        values += [f"{park.area_km2}平方公里 {park.area_mu}亩 {park.since} {park.land_acquired_mu}亩"]
        values += [park.enterprises]
    values += [f"{area}平方公里" for _name, _park, area, _where in ZONING if area]
    values += [STAFFING_TOTAL, STAFFING_ON_DUTY]
    return values
