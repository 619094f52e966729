"""Bodies of the single content pages (ContentPage) of the demo.

A body is a list of items: ("heading", text); ("p", text | [items as in
articles.py]); ("image", image key); ("table", caption, headers, rows);
("figures", [(label, value, unit, note)]); ("investment", dataset, year, caption) — a table read from the
investment records (``InvestmentFiguresBlock``), not typed. The facts are those of the zone report (see facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import facts


@dataclass(frozen=True)
class ContentSpec:
    """A content page: where it hangs, who owns it, what it says."""

    key: str
    parent: str  # key of the parent page (column or content page)
    title: str
    slug: str
    department: str
    intro: str
    body: tuple
    updated_note: str = ""
    keywords: str = ""


# 企业入园：(环节, 负责部门, 依据：种子文档中的职能或做法)
ENTRY_STEPS = [
    ("投资咨询与项目洽谈", "招商发展分局", "负责开发区客商投资“一站式”办公服务大厅的日常工作"),
    ("提交入园申请", "招商引资服务中心", "规范企业入园，编制企业入园办事指南和流程图"),
    ("项目审批", "招商发展分局", "按规定权限审批进区的投资项目，项目的立项报告、可行性研究报告和合同章程"),
    ("落实“四个一”", "管委会", "一个项目配一名责任领导，一名责任人，备一套工作方案"),
    ("用地审核报批", "国土建设分局", "会同有关部门办理项目建设和征地审核报批手续"),
    ("办理许可证件", "工作专班", "协助招商引资企业办理各种许可证件"),
    ("开工建设", "国土建设分局", "负责开发区工程质量安全监督和建筑市场管理"),
    ("竣工投产", "招商发展分局", "做好开发区内企业建设发展的协调服务工作"),
]

PARK_GUIHUASHU = facts.PARKS["guihuashu"]
PARK_SIHE = facts.PARKS["sihe"]

CONTENT_PAGES = [
    ContentSpec(
        key="overview",
        parent="disclosure",
        title="开发区概况",
        slug="gaikuang",
        department="bangongshi",
        intro="湖北来凤经济开发区：2001年批准设立，2005年经国家发改委审定更名，重点建设桂花树工业园和四合工业园。",
        body=(
            ("heading", "设立过程"),
            (
                "p",
                "2001年12月28日，省政府体改办、省开发区管理办公室批复，同意设立“来凤三边经贸开发区”，确定为“省管开发区”"
                "（鄂体改[2001]127号），批准开发区规划面积224.2公顷（3363亩），审批面积253.3公顷（3800亩）。"
                "2005年12月8日，经国家发改委审定，更名为“湖北来凤经济开发区”，来凤成为第一批通过核准的省属开发区。",
            ),
            (
                "p",
                "2006年成立来凤经济开发区管理委员会，开发区单位定为县委、县政府派出机构。开发区管委会内设三个正科级职能机构"
                "和1个正科级事业单位，即招商发展分局、财政分局、国土建设分局和招商引资服务中心。",
            ),
            ("image", "org-chart"),
            ("heading", "园区"),
            (
                "p",
                "根据来凤县国民经济和社会发展“十二五”规划和开发区总体布局，开发区现设有4个园区，目前重点建设桂花树工业园和"
                "四合工业园，猴立堡物流园、现代产业园还在规划中。",
            ),
            (
                "figures",
                [
                    ("规划面积", "224.2", "公顷", "3363亩（鄂体改[2001]127号）"),
                    ("园区", "4", "个", "重点建设桂花树、四合工业园"),
                    ("两个园区企业", "53", "家", "2015年"),
                    ("实际在编在岗", "23", "名", "2015年末"),
                ],
            ),
            ("image", "photo-panorama"),
        ),
        updated_note="数据来源：来凤经济开发区工业园区建设专题（2016年9月）",
        keywords="开发区概况,来凤",
    ),
    ContentSpec(
        key="location",
        parent="overview",
        title="地理位置",
        slug="diliweizhi",
        department="bangongshi",
        intro="来凤地处湘、鄂、渝三省市交界处，素有“湖北西大门”之称。",
        body=(
            (
                "p",
                "来凤地处湘、鄂、渝三省市交界处，素有“湖北西大门”之称，历来边贸经济活跃兴盛。2001年，来凤县被纳入国家"
                "西部大开发战略规划范围。",
            ),
            ("heading", "园区位置"),
            (
                "p",
                [
                    (
                        "ul",
                        [
                            f"桂花树工业园：位于{PARK_GUIHUASHU.location}，园区面积{PARK_GUIHUASHU.area_km2}平方公里"
                            f"（{PARK_GUIHUASHU.area_mu}亩）。",
                            f"四合工业园：位于{PARK_SIHE.location}，{PARK_SIHE.since}，园区面积{PARK_SIHE.area_km2}平方公里"
                            f"（{PARK_SIHE.area_mu}亩）。",
                            "龙凤物流园：以利智线、讨橙线以及来革线沿线区域为重点。",
                        ],
                    )
                ],
            ),
            ("heading", "重点区域"),
            (
                "p",
                "规划期内，重点形成“一区三园三线”的建设重点区域，即：来凤经济开发区（一区），桂花树工业园、龙凤产业园和"
                "龙凤物流园（三园），利智线、讨橙线以及来革线（三线）。",
            ),
            ("image", "map-zoning"),
        ),
        updated_note="示意图不按比例",
        keywords="地理位置,湖北西大门,湘鄂渝",
    ),
    ContentSpec(
        key="environment",
        parent="overview",
        title="投资环境",
        slug="touzihuanjing",
        department="zhaoshang",
        intro="“七通一平”的园区、“一站式”的服务和灵活的优惠政策。",
        body=(
            ("heading", "基础设施"),
            (
                "p",
                "桂花树工业园基本实现道路、水、电、天然气、通讯、有线电视、信息宽带和土地平整“七通一平”；"
                "四合工业园实现水、电、通讯、土地平整“三通”一平。",
            ),
            ("heading", "产业基础"),
            (
                "p",
                "形成“金凤”“腾辉”“帅丰”为主体的新型建材产业；“科隆”“明涛”为首选的新材料产业；“凯迪”为代表的新能源产业；"
                "“凤雅”“三丰”为龙头的农副产品加工产业；“宝石花”“巴凤楚韵”为代表的民族旅游产品等五大产业。"
                "电力器材加工、家具建材、电子产业等先进制造企业已向园区集中并投产，产品销售辐射10多个省市。",
            ),
            ("heading", "服务"),
            (
                "p",
                "按照“大政府、小社会、小机构、大服务”的原则，对重点项目行政审批简化程序、缩短时限、提高办事效率，"
                "完善“一站式”办公、“一条龙”服务和一张卡收费办法；实行一个项目配一名责任领导、一名责任人，备一套工作方案的"
                "“四个一”工作机制。",
            ),
            ("heading", "优惠政策"),
            (
                "p",
                [
                    "税收、增值税地方留成部分“以返代免”；企业所得税免收两年后减半征收三年；特殊或较大项目一事一议、特事特办。",
                    ("page", "policies", "查看政策法规"),
                ],
            ),
            ("image", "photo-road"),
        ),
        keywords="投资环境,七通一平,优惠政策",
    ),
    ContentSpec(
        key="development",
        parent="overview",
        title="发展状况",
        slug="fazhanzhuangkuang",
        department="zhaoshang",
        intro="2015年，两个园区企业53家，工业总产值34.35亿元，比上年增长15.1%。",
        body=(
            ("heading", "2015年主要指标"),
            ("investment", "indicators", 2015, "2015年主要经济指标"),
            ("heading", "转型发展"),
            (
                "p",
                "2005年来凤县地区生产总值为14亿元，其中第二产业（工业）仅为2.23亿元，占比15.9%。2006年，是由卷烟经济转向"
                "多元经济重要转型之年。来凤县以国家批准成立“湖北来凤经济开发区”为契机，启动经济开发区建设。",
            ),
            (
                "p",
                "到2015年，来凤县围绕“一区多园”布局，完成“龙凤百亿产业园”24平方公里总体规划和控制性规划，桂花树、四合工业园区"
                "加快建设。年末，全县规模以上工业企业达65户，其中年产值过亿元企业10户。",
            ),
            ("heading", "园区与项目"),
            (
                "p",
                [
                    ("page", "park-guihuashu", "桂花树工业园"),
                    ("page", "park-sihe", "四合工业园"),
                    ("page", "invest-2014", "2014年招商引资项目"),
                    ("page", "results-2015", "2015年运行情况"),
                ],
            ),
        ),
        updated_note="数据来源：来凤经济开发区工业园区建设专题（2016年9月）",
        keywords="发展状况,2015年",
    ),
    ContentSpec(
        key="park-guihuashu",
        parent="development",
        title="桂花树工业园",
        slug="guihuashu",
        department="guotu",
        intro=f"位于{PARK_GUIHUASHU.location}，园区面积{PARK_GUIHUASHU.area_km2}平方公里（{PARK_GUIHUASHU.area_mu}亩）。",
        body=(
            (
                "figures",
                [
                    ("园区面积", PARK_GUIHUASHU.area_km2, "平方公里", f"{PARK_GUIHUASHU.area_mu}亩"),
                    ("征用土地", PARK_GUIHUASHU.land_acquired_mu, "亩", "到2015年"),
                    ("基础设施", "七通一平", "", "路、水、电、气、通讯、电视、宽带和土地平整"),
                    ("入园企业", "48", "户", "到2015年"),
                ],
            ),
            ("image", "map-guihuashu"),
            ("heading", "建设历程"),
            (
                "p",
                "2007年6月，开发区管委会成立工业园区领导小组和工作专班，明确园区具体工作目标和职责。8月8日，开发区管委会与"
                "湖南中大设计院有限公司签订《来凤县城产业布局研究》《桂花树工业园（一期）控制性详细规划》"
                "《生活服务区修建性详细规划设计》3个合同。随后成立“县桂花树工业园重点项目工程建设指挥部”，负责项目征地、拆迁、"
                "工程建设等，实行专班、专账管理。",
            ),
            (
                "p",
                "2001-2006年，基建项目全面开工，5年完成基建投资14801万元，征地1450亩。向省开发银行申请并到位基建专项贷款"
                "3000万元，用于硬化进场道路、建设团结二桥路B段和园区4号路。",
            ),
            ("heading", "产业分区"),
            (
                "table",
                "桂花树工业园产业分区",
                ["分区", "位置", "规划面积（平方公里）"],
                [[name, where, area] for name, park, area, where in facts.ZONING if park == "桂花树工业园"],
            ),
        ),
        updated_note="示意图不按比例；数据来源：来凤经济开发区工业园区建设专题",
        keywords="桂花树工业园,七通一平",
    ),
    ContentSpec(
        key="park-sihe",
        parent="development",
        title="四合工业园",
        slug="sihe",
        department="guotu",
        intro=f"位于{PARK_SIHE.location}，{PARK_SIHE.since}，园区面积{PARK_SIHE.area_km2}平方公里（{PARK_SIHE.area_mu}亩）。",
        body=(
            (
                "figures",
                [
                    ("园区面积", PARK_SIHE.area_km2, "平方公里", f"{PARK_SIHE.area_mu}亩"),
                    ("征用土地", PARK_SIHE.land_acquired_mu, "亩", "至2015年"),
                    ("基础设施", "三通一平", "", "水、电、通讯、土地平整"),
                    ("入园企业", "5", "户", "已建成投产"),
                ],
            ),
            ("image", "map-sihe"),
            (
                "p",
                "四合工业园2008年建园，至2015年先后征用土地1500亩。基础设施全面启动，道路、水、电、通讯、土地平整等基本建成。"
                "入园企业有凯迪绿色能源、腾升香料、明涛钙业、楚城钙业等5户，并建成投产，企业产值、纳税逐年增加。",
            ),
            (
                "p",
                "开发区已完成九龙盘至四合20平方公里工业园区的总体规划，并与华中科技大学签约实施，现已完成新园区的总体规划和"
                "产业发展规划，正待评审。",
            ),
        ),
        updated_note="示意图不按比例；数据来源：来凤经济开发区工业园区建设专题",
        keywords="四合工业园",
    ),
    ContentSpec(
        key="invest-2014",
        parent="development",
        title="2014年招商引资项目",
        slug="zhaoshang-2014",
        department="zhaoshang",
        intro="2014年完成招商引资任务35000万元，实际到位49100万元。",
        body=(
            (
                "figures",
                [("7户新建项目", str(facts.INVESTMENT_2014_NEW_TOTAL), "万元", "占比61%")],
            ),
            # Task, money arrived, 完成率 and the list by company: read from the project records.
            ("investment", "projects", 2014, "2014年招商引资到位资金（按企业）"),
            ("p", [("doc", "xlsx-invest-2014", "下载：2014年招商引资项目到位资金表（xlsx）")]),
            ("heading", "2014年项目建设"),
            ("figures", facts.PROJECTS_2014),
        ),
        updated_note="续建项目原文为“续建约8家”；数据来源：来凤经济开发区工业园区建设专题",
        keywords="招商引资,2014年,到位资金",
    ),
    ContentSpec(
        key="results-2015",
        parent="development",
        title="2015年运行情况",
        slug="yunxing-2015",
        department="zhaoshang",
        intro="2015年，纳入开发区统计范围的工业企业共72户（含城区工业企业）。",
        body=(
            ("investment", "indicators", 2015, "2015年主要经济指标"),
            ("heading", "重点项目"),
            (
                "p",
                "2015年实施重点项目9个。其中继建7个，新建2个，宝石花红木家具项目已建成投产，翔奥农产品加工项目已经建成，"
                "待投入试运行；武陵山家具产业园、钢结构制造加工（承禹钢构）已完成年初所定目标。",
            ),
            ("heading", "五大产业"),
            (
                "table",
                "开发区五大产业",
                ["产业", "代表企业"],
                [
                    ["新型建材产业", "金凤、腾辉、帅丰"],
                    ["新材料产业", "科隆、明涛"],
                    ["新能源产业", "凯迪"],
                    ["农副产品加工产业", "凤雅、三丰"],
                    ["民族旅游产品", "宝石花、巴凤楚韵"],
                ],
            ),
            ("p", [("doc", "xlsx-results-2015", "下载：2015年开发区主要经济指标（xlsx）")]),
        ),
        updated_note="数据来源：来凤经济开发区工业园区建设专题“工业园运行效果”",
        keywords="2015年,运行情况,经济效益",
    ),
    ContentSpec(
        key="outlook",
        parent="overview",
        title="未来展望",
        slug="weilaizhanwang",
        department="zhaoshang",
        intro="构建来凤经济中心，建设武陵山现代化新型工业园区。",
        body=(
            ("heading", "发展定位"),
            (
                "p",
                "构建来凤经济重心，建成三省（市）边区现代化新城区：把来凤经济开发区建成来凤县的经济重心和来凤县实现二次创业"
                "目标的发动机。",
            ),
            ("heading", "三大战略"),
            (
                "p",
                [
                    (
                        "ul",
                        [
                            "工业兴区战略：以工业作为开发区产业建设重点，大力发展新材料、新能源、食品、医药、化工等资源依托型特色工业"
                            "和市场导向型工业。",
                            "科技兴区战略：大力实施校企、院企联姻，提高产业的科技水平和产品的科技含量。",
                            "可持续发展战略：突出本地特色和环境保护，坚持保护性开发原则，园区项目建设必须突出绿色环保、低碳、可循环。",
                        ],
                    )
                ],
            ),
            ("heading", "产业布局"),
            ("image", "map-zoning"),
            (
                "table",
                "区域布局",
                ["功能区", "所在园区", "位置", "规划面积（平方公里）"],
                [[name, park, where, area or "—"] for name, park, area, where in facts.ZONING],
            ),
            ("heading", "六大重点产业"),
            ("investment", "clusters", 2020, "到2020年六大重点产业产值目标"),
        ),
        updated_note="依据：来凤经济开发区工业园区建设专题（2016年9月）",
        keywords="未来展望,十三五,产业布局",
    ),
    ContentSpec(
        key="goals",
        parent="disclosure",
        title="工作目标",
        slug="gongzuomubiao",
        department="zhaoshang",
        intro="到2020年，把来凤经济开发区建设成为武陵地区一流的现代新型产业园区。",
        body=(
            ("heading", "主要经济目标（到2020年）"),
            ("investment", "indicators", 2020, "2020年主要经济目标"),
            ("heading", "产业发展目标"),
            (
                "p",
                "着力打造新能源工业、新材料工业、食品工业、建材工业和文化旅游五大产业集群。培植壮大10家核心企业，"
                "引进新上20个投资过亿元的重大项目。",
            ),
            ("investment", "clusters", 2020, "到2020年六大重点产业产值目标"),
            ("heading", "可持续发展目标"),
            (
                "p",
                "到“十三五”期末，园区绿化覆盖率达标，工业固体废物利用和处置率、工业废水废气处理达标率、节能减排率、"
                "园区污水集中处理率、生活垃圾无害化处理率均达98%以上。",
            ),
            ("p", [("doc", "pdf-targets", "下载：来凤经济开发区2020年发展目标（PDF）")]),
        ),
        updated_note="依据：来凤经济开发区工业园区建设专题（2016年9月）",
        keywords="工作目标,2020年,十三五",
    ),
    ContentSpec(
        key="entry-guide",
        parent="service",
        title="企业入园办事指南",
        slug="ruyuan-zhinan",
        department="fuwu",
        intro="开发区编制企业入园办事指南和流程图，使入园企业有章可循。本页按开发区各部门职能整理办理环节。",
        body=(
            ("heading", "适用范围"),
            ("p", "申请进入桂花树工业园、四合工业园的“三资”企业和国内投资企业。"),
            ("heading", "办理流程"),
            ("image", "flow-entry"),
            (
                "table",
                "办理环节与负责部门",
                ["环节", "负责部门", "依据（部门职能或工作机制）"],
                [[f"{index}. {step}", who, basis] for index, (step, who, basis) in enumerate(ENTRY_STEPS, start=1)],
            ),
            ("heading", "申请材料"),
            (
                "p",
                [
                    (
                        "ul",
                        [
                            "企业入园申请表；",
                            "项目的立项报告、可行性研究报告和合同章程（按规定权限审批进区的投资项目）。",
                        ],
                    ),
                    ("doc", "xlsx-entry-form", "下载：企业入园申请表（xlsx）"),
                    ("doc", "pdf-entry-guide", "下载：企业入园办事指南（PDF）"),
                ],
            ),
            ("heading", "服务承诺"),
            (
                "p",
                "对重点项目行政审批简化程序、缩短时限、提高办事效率；实行“一站式”办公、“一条龙”服务和一张卡收费办法；"
                "一个项目配一名责任领导、一名责任人，备一套工作方案。",
            ),
            ("heading", "办理地点与咨询"),
            ("p", "开发区客商投资“一站式”办公服务大厅（地址、电话见“办公地点”，为演示数据）。"),
        ),
        updated_note="演示：办理环节根据开发区各部门职能整理，不是正式发布的办事指南",
        keywords="企业入园,办事指南,流程图",
    ),
    ContentSpec(
        key="one-stop",
        parent="service",
        title="“一站式”办公服务大厅",
        slug="yizhanshi",
        department="fuwu",
        intro="客商投资“一站式”办公服务大厅：“一站式”办公、“一条龙”服务。",
        body=(
            (
                "p",
                "招商发展分局负责开发区客商投资“一站式”办公服务大厅的日常工作。大厅完善“一站式”办公、“一条龙”服务和"
                "一张卡收费办法，做好企业征地、基础设施、生产加工和产品销售等协调服务。",
            ),
            ("image", "photo-hall"),
            ("p", [("page", "offices", "地址和电话见“办公地点”（演示数据）")]),
        ),
        keywords="一站式,服务大厅",
    ),
    # ---- 招商网 ---------------------------------------------------------------
    ContentSpec(
        key="inv-environment",
        parent="invest-home",
        title="投资环境",
        slug="touzihuanjing",
        department="zhaoshang",
        intro="湖北西大门，湘、鄂、渝三省市交界处；“七通一平”的工业园区。",
        body=(
            (
                "p",
                "来凤地处湘、鄂、渝三省市交界处，素有“湖北西大门”之称，历来边贸经济活跃兴盛。开发区是第一批通过核准的省属开发区。",
            ),
            (
                "figures",
                [
                    ("桂花树工业园", PARK_GUIHUASHU.area_km2, "平方公里", "七通一平，入园企业48户"),
                    ("四合工业园", PARK_SIHE.area_km2, "平方公里", "三通一平"),
                    ("2015年招商引资总额", "9.8", "亿元", "同比增长78.2%"),
                ],
            ),
            ("image", "photo-panorama"),
            ("p", [("page", "environment", "详见主站“投资环境”")]),
        ),
        keywords="投资环境",
    ),
    ContentSpec(
        key="inv-parks",
        parent="invest-home",
        title="园区介绍",
        slug="yuanqu",
        department="zhaoshang",
        intro="“一区三园三线”：桂花树工业园、龙凤产业园和龙凤物流园。",
        body=(
            ("image", "map-zoning"),
            (
                "table",
                "区域布局",
                ["功能区", "所在园区", "规划面积（平方公里）"],
                [[name, park, area or "—"] for name, park, area, _where in facts.ZONING],
            ),
            (
                "p",
                [
                    ("page", "park-guihuashu", "桂花树工业园"),
                    ("page", "park-sihe", "四合工业园"),
                ],
            ),
        ),
        keywords="园区,产业布局",
    ),
    ContentSpec(
        key="inv-service",
        parent="invest-home",
        title="投资服务",
        slug="touzifuwu",
        department="fuwu",
        intro="一个项目配一名责任领导、一名责任人，备一套工作方案。",
        body=(
            (
                "p",
                "开发区为项目建设提供“一站式”办公、“一条龙”服务，成立工作专班协助招商引资企业办理各种许可证件，"
                "管委会领导一名领导联系一个企业。",
            ),
            ("image", "flow-entry"),
            ("p", [("page", "entry-guide", "企业入园办事指南")]),
        ),
        keywords="投资服务,一站式",
    ),
    # ---- 人才网 ---------------------------------------------------------------
    ContentSpec(
        key="tal-startup",
        parent="talent-home",
        title="创业服务",
        slug="chuangye",
        department="fuwu",
        intro="进一步完善人才交流中心，建立创业服务中心。",
        body=(
            (
                "p",
                "完善对企业的服务和管理，探索建立较完善的社会化服务体系。进一步完善人才交流中心，建立创业服务中心，"
                "建立法律、中介等服务机构。",
            ),
            ("p", "大力培育和激发民众强烈的致富欲望和自主创业精神。"),
            ("image", "photo-changfang"),
        ),
        keywords="创业服务",
    ),
]
