"""Short articles on the zone's news, notices, policies and answers (the five long ones are in ``reports.py``).

They restate the facts of the zone's report (来凤经济开发区工业园区建设);
publication dates are plausible dates in 2015-2016, the period it describes.
The loader checks that every number in these texts is a figure of
``facts.FACTS`` or a listed demo value. Body items: a string is a paragraph; ("h2"|"h3"|"h4", text) a heading;
("ul", [items]) a list; ("page", key, text) a paragraph linking to a demo page;
("doc", key, text) a paragraph linking to a demo document; ("img", key) an image.
"""

from __future__ import annotations

from dataclasses import dataclass

VALID, AMENDED, EXPIRED, REPEALED = "valid", "amended", "expired", "repealed"  # ArticlePage.Validity


@dataclass(frozen=True)
class ArticleSpec:
    """One article of the demo."""

    key: str
    column: str
    title: str
    date: str  # "YYYY-MM-DD HH:MM", Asia/Shanghai
    department: str | None  # slug of the source department; None for material from elsewhere
    summary: str
    body: tuple = ()
    cover: str | None = None
    attachments: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    subtitle: str = ""
    source_name: str = ""
    author: str = ""
    keywords: str = ""
    # 文件属性 of policies and notices. Numbers quoted by the zone's material are kept as it writes them;
    # the others are zone-internal demo numbers (来开管发〔2015〕3号 …), listed in facts.DEMO_VALUES.
    doc_number: str = ""
    issuer: str = ""
    policy_category: str = ""
    validity: str = ""  # ArticlePage.Validity value


ARTICLES = [
    # ---- 新闻快递 -------------------------------------------------------------
    ArticleSpec(
        key="baoshihua-touchan",
        column="news",
        title="宝石花红木家具项目建成投产",
        date="2015-11-18 10:20",
        department="zhaoshang",
        summary="2015年开发区实施重点项目9个，宝石花红木家具项目已建成投产。",
        cover="photo-baoshihua",
        body=(
            "2015年，开发区实施重点项目9个，其中继建7个，新建2个。宝石花红木家具项目已建成投产。",
            "2014年，宝石花红木家具作为新建项目实际到位资金4400万元。",
            "开发区已形成“金凤”“腾辉”“帅丰”为主体的新型建材产业，“科隆”“明涛”为首选的新材料产业，"
            "“凯迪”为代表的新能源产业，“凤雅”“三丰”为龙头的农副产品加工产业，"
            "“宝石花”“巴凤楚韵”为代表的民族旅游产品等五大产业。",
        ),
        related=("invest-2014",),
        keywords="宝石花,红木家具,重点项目",
    ),
    ArticleSpec(
        key="jintai-qianyue",
        column="news",
        title="恩施金泰控股地道药材综合开发项目签约",
        date="2015-09-22 16:00",
        department="zhaoshang",
        summary="拟投资2.5亿元、计划用地100亩的地道药材综合开发项目已签约。",
        cover="photo-signing",
        body=(
            "2015年，开发区依托高校、科研院所拟定6个招商引资项目，后确定引进2个重点项目入园。",
            "其中，恩施金泰控股投资有限公司拟投资2.5亿元、计划用地100亩的地道药材综合开发项目已签约。",
            "按照开发区未来五年的工作重点，将以现有来凤本地技术改造、资源整合、提档升级为重心，"
            "著力推进特色农产品、地道药材以及竹木产品精深加工等项目，力争在2020年农副产品加工业集群产值实现15亿元。",
        ),
        keywords="恩施金泰,地道药材,签约",
    ),
    ArticleSpec(
        key="huake-diaoyan",
        column="news",
        title="华中科技大学来开发区调研 对口帮扶助力新园区规划",
        date="2015-05-26 11:00",
        department="zhaoshang",
        summary="华中科技大学统战部副部长一行到工业园区实地调研考察，并主动承担20平方公里的新工业园区规划设计。",
        cover="photo-huake",
        body=(
            "5月，华中科技大学统战部副部长一行到工业园区实地调研考察，为开发区的新一轮发展、新区规划、"
            "招商引资等工作出谋划策，并主动承担20平方公里的新工业园区规划设计。",
            "2015年，华中科技大学以“6.16”工程为载体，继续加大对来凤经济开发区的帮扶支持。",
            "开发区贯彻落实省政府关于“6.16”对口帮扶的各项要求，继续做好武汉市对口帮扶工作，争取项目资金、技术和人才。",
        ),
        related=("xinyuanqu-guihua",),
        keywords="华中科技大学,对口帮扶,6.16工程",
    ),
    ArticleSpec(
        key="yunxing-2015",
        column="news",
        title="2015年开发区工业总产值34.35亿元 同比增长15.1%",
        date="2016-02-03 09:00",
        department="zhaoshang",
        summary="纳入统计的工业企业72户，规模企业43户，全年税收总额4963万元，招商引资总额9.8亿元。",
        cover="photo-night",
        body=(
            "2015年，纳入开发区统计范围的工业企业共72户（含城区工业企业）。其中两个园区企业53家，"
            "年主营业务收入2000万元以上的规模企业43户，高新技术产业1个。",
            "全年实现税收总额4963万元，年创工业总产值和工业增加值分别为34.35亿元和10.67亿元，比上年增长15.1%、15.2%。",
            "固定资产投资累计22.24亿元，同比增长59.1%。其中基础设施建设投资13.3亿元，占59.8%，同比增长58.5%。"
            "招商引资总额9.8亿元，同比增长78.2%。",
            ("img", "chart-results-2015"),
            "电力器材加工、家具建材、电子产业等先进制造企业已向园区集中并投产，产品销售辐射10多个省市。",
        ),
        attachments=("pdf-results-2015", "xlsx-results-2015"),
        related=("results-2015",),
        keywords="经济运行,工业总产值,2015年",
    ),
    ArticleSpec(
        key="zhaoshang-2014",
        column="news",
        title="2014年开发区招商引资实际到位49100万元",
        date="2015-01-20 10:00",
        department="zhaoshang",
        summary="完成招商引资任务35000万元，实际到位49100万元，其中7户新建项目29750万元，占比61%。",
        cover="photo-factory",
        body=(
            "2014年，开发区完成招商引资任务35000万元，实际到位49100万元（总额中有7户新建项目为29750万元，占比61%）。",
            "新建项目中，帅丰建材16500万元、承禹钢构100万元、荆来建材400万元、宝石花红木家具4400万元、"
            "翔奥农产品加工800万元、新佰佳家具1850万元、海玉农林5700万元。",
            "续建约8家：凤雅藤茶400万元、翔奥电力7000万元、蓖麻油加工1500万元、卓励电子2000万元、"
            "三丰淀粉1300万元、明涛钙业3270万元、腾升香料1560万元、晟达实业2320万元。",
            ("img", "chart-invest-2014"),
        ),
        attachments=("xlsx-invest-2014",),
        related=("invest-2014",),
        keywords="招商引资,到位资金,2014年",
    ),
    ArticleSpec(
        key="xiangao-jiancheng",
        column="news",
        title="翔奥农产品加工项目建成 待投入试运行",
        date="2015-12-15 15:30",
        department="zhaoshang",
        summary="2015年重点项目进展：翔奥农产品加工项目已经建成，武陵山家具产业园、承禹钢构已完成年初所定目标。",
        cover="photo-xiangao",
        body=(
            "2015年，开发区实施重点项目9个。其中，宝石花红木家具项目已建成投产，翔奥农产品加工项目已经建成，待投入试运行；"
            "武陵山家具产业园、钢结构制造加工（承禹钢构）已完成年初所定目标。",
            "2014年，翔奥农产品加工作为新建项目实际到位资金800万元。",
        ),
        keywords="翔奥,农产品加工,重点项目",
    ),
    ArticleSpec(
        key="xinyuanqu-guihua",
        column="news",
        title="九龙盘至四合20平方公里工业园区总体规划完成 正待评审",
        date="2016-03-08 10:00",
        department="guotu",
        summary="开发区与华中科技大学签约实施新园区规划，现已完成总体规划和产业发展规划。",
        cover="photo-sihe",
        body=(
            "在推进项目建设的同时，开发区完成了2015年及今后几年九龙盘至四合20平方公里工业园区的总体规划，"
            "并与华中科技大学签约实施，现已完成新园区的总体规划和产业发展规划，正待评审。",
            ("page", "outlook", "查看开发区产业布局"),
        ),
        attachments=("pdf-zoning",),
        related=("huake-diaoyan",),
        keywords="总体规划,九龙盘,四合,华中科技大学",
    ),
    ArticleSpec(
        key="mubiao-2020",
        column="news",
        title="到2020年把开发区建设成为武陵地区一流的现代新型产业园区",
        date="2016-09-12 09:30",
        department="bangongshi",
        summary="开发区明确未来五年目标任务：生产总值达到24亿元，规模以上工业企业达到80户。",
        cover="photo-hills",
        body=(
            "总体目标：构建来凤经济中心，建设武陵山现代化新型工业园区。把来凤经济开发区建成来凤县的经济中心和"
            "来凤县实现二次创业目标的发动机。到2020年，把来凤经济开发区建设成为武陵地区一流的现代新型产业园区。",
            "主要经济目标：到2020年，开发区生产总值达到24亿元，年均增长21%；全区税收收入实现3.43亿元；"
            "规模以上工业企业总数达到80户，每年新培植6家。",
            "未来五年实施工业兴区、科技兴区和可持续发展三大战略。",
            ("page", "goals", "查看2020年工作目标"),
        ),
        attachments=("pdf-targets", "xlsx-targets-2020"),
        related=("gongyeyuanqu-zhuanti",),
        keywords="十三五,2020年,目标任务",
    ),
    ArticleSpec(
        key="qitong-yiping",
        column="news",
        title="桂花树工业园基本实现“七通一平”",
        date="2015-06-18 09:00",
        department="guotu",
        summary="桂花树工业园先后征用土地2000亩，基本实现路、水、电、气、通讯、电视、宽带和土地平整“七通一平”。",
        cover="photo-road",
        body=(
            "到2015年，桂花树工业园先后征用土地2000亩，基本实现路、水、电、气、通讯、电视、宽带和土地平整“七通一平”，"
            "入园企业48户。",
            "桂花树工业园位于县城翔凤镇桂花树村、黄茅坪村，园区面积1.23平方公里（1845亩）。",
            ("page", "park-guihuashu", "查看桂花树工业园介绍"),
        ),
        keywords="桂花树工业园,七通一平,基础设施",
    ),
    ArticleSpec(
        key="wangzhan-kaitong",
        column="news",
        title="来凤经济开发区门户网站开通试运行",
        date="2016-10-08 09:00",
        department="bangongshi",
        summary="网站设政务公开、开发区动态、办事服务、多媒体展厅等栏目，开设招商网、人才网两个子网站。",
        cover="photo-hall",
        body=(
            "按照“建立健全支撑服务体系”的要求，开发区积极筹建开发区信息服务中心和中心网站。",
            "网站坚持“政务公开、面向企业，服务公众”，设政务公开专栏（开发区概况、机构设置、部门职能、政策法规、"
            "办公地点、领导班子、政策解读、工作目标、便民问答），公告与通知、新闻快递、信息精选、热点专题，"
            "开发区动态（招商引资、企业服务、高新发展、劳动人事、规划建设、党群生活），办事服务和多媒体展厅，"
            "并开设招商网、人才网两个子网站，形成一个主网站、多个子网站的网站体系。",
            "各部门既是栏目的信息发布者，也是栏目的管理者；信息实行先审后发。",
            "（演示站点：网站内容根据开发区公开资料生成，仅供演示。）",
        ),
        related=("sanshen-tongzhi",),
        keywords="门户网站,政务公开",
    ),
    # ---- 公告与通知 -----------------------------------------------------------
    ArticleSpec(
        key="ruyuan-zhinan-tongzhi",
        column="notices",
        title="关于印发企业入园办事指南和流程图的通知",
        date="2015-04-10 09:00",
        department="fuwu",
        summary="编制企业入园办事指南和流程图，使入园企业有章可循。",
        body=(
            "各入园企业、各有关单位：",
            "为规范企业入园，改进工业园用地供地方式，统一规范收费政策，开发区编制了企业入园办事指南和流程图，"
            "使入园企业有章可循。现予印发，请遵照执行。",
            ("page", "entry-guide", "在线查看企业入园办事指南"),
            "来凤经济开发区招商引资服务中心",
        ),
        attachments=("pdf-entry-guide", "xlsx-entry-form"),
        doc_number="来开服发〔2015〕2号",
        issuer="来凤经济开发区招商引资服务中心",
        policy_category="企业服务",
        validity=VALID,
        keywords="企业入园,办事指南,流程图",
    ),
    ArticleSpec(
        key="sigeyi-tongzhi",
        column="notices",
        title="关于实行重点项目“四个一”工作机制的通知",
        date="2015-03-02 10:00",
        department="zhaoshang",
        summary="一个项目配一名责任领导、一名责任人，备一套工作方案。",
        body=(
            "按照“大政府、小社会、小机构、大服务”的原则，进一步完善重点项目服务机制，现就有关事项通知如下：",
            (
                "ul",
                [
                    "实行一个项目配一名责任领导、一名责任人，备一套工作方案的“四个一”工作机制；",
                    "对重点项目行政审批简化程序、缩短时限、提高办事效率；",
                    "完善“一站式”办公、“一条龙”服务和一张卡收费办法；",
                    "做好企业征地、基础设施、生产加工和产品销售等协调服务，为投资者营造投资好环境。",
                ],
            ),
            "来凤经济开发区管委会",
        ),
        related=("sigeyi-jiedu",),
        doc_number="来开管发〔2015〕1号",
        issuer="来凤经济开发区管理委员会",
        policy_category="项目服务",
        validity=VALID,
        keywords="四个一,重点项目,服务机制",
    ),
    ArticleSpec(
        key="lianxi-qiye-tongzhi",
        column="notices",
        title="关于管委会领导联系企业的通知",
        date="2015-02-16 09:00",
        department="bangongshi",
        summary="管委会领导明确分工，一名领导联系一个企业，帮助加强管理、解决难题。",
        body=(
            "为加强园区管理，管委会领导明确分工，一名领导联系一个企业，帮助加强管理、解决难题。",
            "各联系领导要认真贯彻执行国家和省、州、县有关工业园区发展工作的方针政策，积极抓好园区基础设施项目建设，"
            "搞好招商引资，规范企业入园。",
            "来凤经济开发区管委会办公室",
        ),
        doc_number="来开管办发〔2015〕1号",
        issuer="来凤经济开发区管委会办公室",
        policy_category="园区管理",
        validity=VALID,
        keywords="联系企业,园区管理",
    ),
    ArticleSpec(
        key="gongdi-gonggao",
        column="notices",
        title="关于改进工业园用地供地方式和统一规范收费政策的公告",
        date="2015-07-06 09:00",
        department="guotu",
        summary="改进工业园用地供地方式，统一规范收费政策；开发区土地依法规划、征用、开发管理和有偿出让。",
        body=(
            "根据授权，国土建设分局行使县级国土资源管理职能，依法进行开发区土地的规划、征用、开发管理和"
            "土地使用权的有偿出让及转让；控制土地一级市场，建立土地收储中心。",
            "开发区将改进工业园用地供地方式，统一规范收费政策。项目建设和征地审核报批手续由国土建设分局会同有关部门办理。",
            "来凤经济开发区国土建设分局",
        ),
        doc_number="来开国土发〔2015〕4号",
        issuer="来凤经济开发区国土建设分局",
        policy_category="土地管理",
        validity=VALID,
        keywords="用地,供地,收费",
    ),
    ArticleSpec(
        key="xukezheng-tongzhi",
        column="notices",
        title="关于成立工作专班协助招商引资企业办理许可证件的通知",
        date="2015-05-08 10:00",
        department="fuwu",
        summary="成立工作专班，协助招商引资企业办理各种许可证件。",
        body=(
            "为提高办事效率，开发区成立工作专班，协助招商引资企业办理各种许可证件。",
            "需要协助的企业请到开发区客商投资“一站式”办公服务大厅联系。",
            ("page", "one-stop", "查看“一站式”办公服务大厅"),
            "来凤经济开发区招商引资服务中心",
        ),
        doc_number="来开服发〔2015〕3号",
        issuer="来凤经济开发区招商引资服务中心",
        policy_category="企业服务",
        validity=VALID,
        keywords="许可证件,工作专班,一站式",
    ),
    ArticleSpec(
        key="tongji-tongzhi",
        column="notices",
        title="关于做好开发区经济运行统计工作的通知",
        date="2016-01-05 09:00",
        department="zhaoshang",
        summary="纳入开发区统计范围的工业企业（含城区工业企业）请按时报送主要经济指标。",
        body=(
            "招商发展分局负责做好开发区经济运行分析和统计上报工作。纳入开发区统计范围的工业企业（含城区工业企业）"
            "请使用附件中的统计表报送主要经济指标。",
            "不宜进入开发区工业园区的产业和项目，纳入开发区服务及统计范畴，享受开发区政策。",
            "来凤经济开发区招商发展分局",
        ),
        attachments=("xlsx-stats-form",),
        doc_number="来开招发〔2016〕1号",
        issuer="来凤经济开发区招商发展分局",
        policy_category="统计",
        validity=EXPIRED,
        keywords="统计,经济运行",
    ),
    ArticleSpec(
        key="sanshen-tongzhi",
        column="notices",
        title="关于门户网站信息发布实行先审后发的通知",
        date="2016-09-26 09:00",
        department="bangongshi",
        summary="各部门既是栏目的信息发布者也是管理者；信息经部门负责人审核、管委会办公室终审后发布。",
        body=(
            "开发区门户网站由管委会各部门共同建设、共同管理。各部门既是栏目的信息发布者，也是栏目的管理者。",
            (
                "ul",
                [
                    "部门编辑在本部门栏目中撰写信息并提交审核；",
                    "部门负责人审核通过后，由管委会办公室终审发布；",
                    "审核未通过的信息退回编辑，并附审核意见。",
                ],
            ),
            "来凤经济开发区管委会办公室",
        ),
        doc_number="来开管办发〔2016〕5号",
        issuer="来凤经济开发区管委会办公室",
        policy_category="网站管理",
        validity=VALID,
        keywords="信息发布,审核,网站管理",
    ),
    # ---- 政策法规 -------------------------------------------------------------
    ArticleSpec(
        key="sheli-pifu",
        column="policies",
        title="来凤三边经贸开发区设立批复（鄂体改[2001]127号）要点",
        date="2015-03-10 09:00",
        department="zhaoshang",
        summary="2001年12月28日批复同意设立“来凤三边经贸开发区”，确定为“省管开发区”。",
        body=(
            "2001年12月28日，省政府体改办、省开发区管理办公室批复，同意设立“来凤三边经贸开发区”，确定为“省管开发区”"
            "（鄂体改[2001]127号），批准开发区规划面积224.2公顷（3363亩），审批面积253.3公顷（3800亩）。",
            "2005年12月8日，经国家发改委审定，将原名“来凤三边经贸开发区”更名为“湖北来凤经济开发区”，并发布公告，"
            "来凤成为第一批通过核准的省属开发区。",
            "（本栏目摘录文件要点，文件全文以发文机关公布的为准。）",
        ),
        doc_number="鄂体改[2001]127号",
        issuer="湖北省人民政府体改办、省开发区管理办公室",
        policy_category="开发区设立",
        validity=AMENDED,
        keywords="鄂体改[2001]127号,设立,批复",
    ),
    ArticleSpec(
        key="guanweihui-sheli",
        column="policies",
        title="开发区管委会设立及内设机构（州机编发[2006]35号、来编纪要[2006]3号）要点",
        date="2015-03-10 09:30",
        department="zhaoshang",
        summary="成立来凤经济开发区管理委员会，内设三个正科级职能机构和1个正科级事业单位。",
        body=(
            "2006年，来凤县按照《湖北省经济技术开发区条例》和州机编发[2006]35号文件要求，于4月20日成立来凤经济开发区"
            "筹备领导小组。5月30日，县委常委会议决定成立来凤经济开发区管理委员会，开发区单位定为县委、县政府派出机构。",
            "来编纪要[2006]3号文件对管委会内设机构、人员编制、领导职数、工作经费等作出3项规定，即对工业园区项目工程具有"
            "决策权；有行政服务和招商引资任务下达权；有项目实施督办检查及奖惩权。",
            "开发区管委会内设三个正科级职能机构和1个正科级事业单位，即招商发展分局、财政分局、国土建设分局和招商引资服务中心。",
            ("img", "org-chart"),
            ("page", "structure", "查看机构设置"),
            "（本栏目摘录文件要点，文件全文以发文机关公布的为准。）",
        ),
        doc_number="州机编发[2006]35号",
        issuer="恩施州机构编制委员会",
        policy_category="机构编制",
        validity=VALID,
        keywords="州机编发[2006]35号,来编纪要[2006]3号,管委会",
    ),
    ArticleSpec(
        key="guanli-banfa",
        column="policies",
        title="《来凤经济开发区工业园管理执行办法》",
        date="2015-03-11 09:00",
        department="zhaoshang",
        summary="2007年10月17日经县政府研究同意正式发布实施。",
        body=(
            "2007年10月17日，《来凤经济开发区工业园管理执行办法》经县政府研究同意正式发布实施，旨在深入实施"
            "“工业兴县”战略，全面推进园区建设，对入园企业提供全程服务，促进全县经济跨越式发展。",
            "（演示站点未收录该办法全文。）",
        ),
        issuer="来凤县人民政府",
        policy_category="园区管理",
        validity=VALID,
        keywords="工业园管理,执行办法",
    ),
    ArticleSpec(
        key="youhui-zhengce",
        column="policies",
        title="来凤经济开发区招商引资优惠政策",
        date="2015-03-12 09:00",
        department="zhaoshang",
        summary="“以返代免”、企业所得税免二减三、一事一议，对成功引进投资的中介给予一次性奖励。",
        body=(
            "为了吸引更多的项目入园，凡进入工业园的“三资”企业和国内投资企业，开发区将依法保护投资者的合法权益；"
            "凡国家、省、地已经颁发与招商引资有关的优惠政策，我们都遵照执行；凡各地已经实行的优惠政策，我们都参照执行。",
            (
                "ul",
                [
                    "税收、增值税地方留成部分“以返代免”；",
                    "企业所得税免收两年后减半征收三年；",
                    "符合国家产业政策，投资额度大、科技含量高的特殊或较大项目，采取一事一议特事特办的做法给予更多优惠；",
                    "对于引进国内外资金及投资项目成功的中介机构和中介人将按实现投资额予以一次性奖励。",
                ],
            ),
        ),
        attachments=("pdf-policy",),
        related=("youhui-jiedu",),
        doc_number="来开管发〔2015〕3号",
        issuer="来凤经济开发区管理委员会",
        policy_category="优惠政策",
        validity=VALID,
        keywords="优惠政策,招商引资,以返代免",
    ),
    ArticleSpec(
        key="tiaoli-zhiquan",
        column="policies",
        title="《湖北省经济技术开发区条例》赋予管委会的职权",
        date="2015-03-12 10:00",
        department="zhaoshang",
        summary="对辖区范围土地、建设、环保、财政、国有资产和矿产资源实施统一管理。",
        body=(
            "根据《湖北省经济技术开发区条例》赋予管委会的职权和州、县政府的授权，管委会对辖区范围土地、建设、环保、财政、"
            "国有资产和矿产资源实施统一管理；协助或会同州、县有关主管部门对开发区内劳动、人事、安全和生产等事务实施管理。",
            "根据州、县政府授权，对开发区实施封闭式管理，保障开发区企业依法自主经营。按规定权限管理开发区的进出口业务和"
            "对外经济技术合作。",
            ("page", "functions", "查看部门职能"),
        ),
        issuer="湖北省人民代表大会常务委员会",
        policy_category="管理体制",
        validity=VALID,
        keywords="湖北省经济技术开发区条例,职权",
    ),
    ArticleSpec(
        key="choubei-xiaozu",
        column="policies",
        title="关于成立来凤经济开发区筹备领导小组的通知（要点）",
        date="2015-03-09 09:00",
        department="zhaoshang",
        summary="2006年4月20日成立来凤经济开发区筹备领导小组，全面负责经济开发区前期筹备工作。",
        body=(
            "2006年，来凤县按照《湖北省经济技术开发区条例》和州机编发[2006]35号文件要求，于4月20日成立来凤经济开发区"
            "筹备领导小组，由县政府1名副县长任组长，另有3人任副组长，全面负责经济开发区前期筹备工作。",
            "5月30日，县委常委会议决定成立来凤经济开发区管理委员会。筹备领导小组完成前期筹备工作，本通知已失效。",
            ("page", "guanweihui-sheli", "查看开发区管委会设立及内设机构要点"),
            "（本栏目摘录文件要点，文件全文以发文机关公布的为准。）",
        ),
        issuer="来凤县人民政府",
        policy_category="机构编制",
        validity=EXPIRED,
        keywords="筹备领导小组,开发区设立",
    ),
    ArticleSpec(
        key="sanbian-guanli",
        column="policies",
        title="来凤三边经贸开发区日常工作由县发改局牵头管理（要点）",
        date="2015-03-09 10:00",
        department="zhaoshang",
        summary="开发区设立之初，日常项目规划、申报、组织实施、招商引资及相关服务事宜由发改局牵头管理。",
        body=(
            "“来凤三边经贸开发区”设立后，开发区的工作主要由发改局牵头管理，负责日常项目规划、申报、组织实施、"
            "招商引资及相关服务事宜。",
            "随着西部大开发和扶贫攻坚形势的发展，“来凤三边经贸开发区”已不适应形势发展的需要。2006年成立来凤经济开发区"
            "管理委员会，开发区单位定为县委、县政府派出机构，原由发改局牵头管理的做法废止。",
            "（本栏目摘录文件要点，文件全文以发文机关公布的为准。）",
        ),
        issuer="来凤县人民政府",
        policy_category="管理体制",
        validity=REPEALED,
        keywords="三边经贸开发区,发改局,管理体制",
    ),
    # ---- 政策解读 -------------------------------------------------------------
    ArticleSpec(
        key="youhui-jiedu",
        column="interpretation",
        title="一图读懂：入园企业可以享受哪些优惠",
        date="2015-03-20 09:00",
        department="zhaoshang",
        summary="“以返代免”是什么意思？企业所得税怎样减免？哪些项目可以一事一议？",
        body=(
            ("h2", "谁能享受"),
            "凡进入工业园的“三资”企业和国内投资企业。开发区依法保护投资者的合法权益。",
            ("h2", "享受什么"),
            "一是税收、增值税地方留成部分“以返代免”，即先征收、再按政策返还；二是企业所得税免收两年后减半征收三年；"
            "三是符合国家产业政策，投资额度大、科技含量高的特殊或较大项目，一事一议、特事特办。",
            ("h2", "引荐有奖"),
            "引进国内外资金及投资项目成功的中介机构和中介人，按实现投资额予以一次性奖励。",
            ("page", "entry-guide", "办理咨询：见企业入园办事指南"),
        ),
        related=("youhui-zhengce",),
        policy_category="优惠政策",
        keywords="优惠政策,解读",
    ),
    ArticleSpec(
        key="sanxiang-quanxian-jiedu",
        column="interpretation",
        title="解读：开发区管委会的三项权限",
        date="2015-04-02 09:00",
        department="zhaoshang",
        summary="来编纪要[2006]3号规定的决策权、任务下达权和督办检查及奖惩权。",
        body=(
            "来编纪要[2006]3号文件对管委会内设机构、人员编制、领导职数、工作经费等作出3项规定：",
            (
                "ul",
                [
                    "对工业园区项目工程具有决策权；",
                    "有行政服务和招商引资任务下达权；",
                    "有项目实施督办检查及奖惩权。",
                ],
            ),
            "开发区单位定为县委、县政府派出机构，拟定行政级别为副县级。",
        ),
        related=("guanweihui-sheli",),
        policy_category="机构编制",
        keywords="来编纪要[2006]3号,管委会,权限",
    ),
    ArticleSpec(
        key="sigeyi-jiedu",
        column="interpretation",
        title="解读：重点项目“四个一”工作机制",
        date="2015-03-05 15:00",
        department="zhaoshang",
        summary="一个项目、一名责任领导、一名责任人、一套工作方案。",
        body=(
            "“四个一”即一个项目配一名责任领导，一名责任人，备一套工作方案。",
            "配套措施：对重点项目行政审批简化程序、缩短时限、提高办事效率，完善“一站式”办公、“一条龙”服务和一张卡收费办法。",
            "以2014年为例，园内项目工程共12个，其中有8个相继开工建成。",
        ),
        related=("sigeyi-tongzhi",),
        policy_category="项目服务",
        keywords="四个一,解读",
    ),
    ArticleSpec(
        key="tiaoli-jiedu",
        column="interpretation",
        title="图解：《湖北省经济技术开发区条例》下的管委会职权",
        date="2015-04-15 09:00",
        department="zhaoshang",
        summary="统一管理土地、建设、环保、财政、国有资产和矿产资源；封闭式管理；进出口业务和对外经济技术合作。",
        body=(
            ("h2", "统一管理什么"),
            "根据《湖北省经济技术开发区条例》赋予管委会的职权和州、县政府的授权，管委会对辖区范围土地、建设、环保、财政、"
            "国有资产和矿产资源实施统一管理。",
            ("h2", "协助管理什么"),
            "协助或会同州、县有关主管部门对开发区内劳动、人事、安全和生产等事务实施管理，协调有关部门设在开发区的派出机构"
            "和分支机构工作。",
            ("h2", "对企业意味着什么"),
            "对开发区实施封闭式管理，保障开发区企业依法自主经营；按规定权限管理开发区的进出口业务和对外经济技术合作。",
        ),
        related=("tiaoli-zhiquan",),
        policy_category="管理体制",
        keywords="湖北省经济技术开发区条例,职权,解读",
    ),
    ArticleSpec(
        key="pinren-jiedu",
        column="interpretation",
        title="解读：开发区工作人员聘任制与无绩效退出机制",
        date="2016-03-18 09:00",
        department="bangongshi",
        summary="全部工作人员实行聘任、聘用制，公开招考、竞争上岗、择优录用，实行激励性薪酬分配制和无绩效退出机制。",
        body=(
            ("h2", "怎么进"),
            "开发区全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用。",
            ("h2", "怎么管"),
            "实行激励性薪酬分配制；严格执行无绩效退出机制。",
            ("h2", "编制有多少"),
            "核定行政事业人员编制共34名，2015年末实际在编在岗23名。",
        ),
        related=("tal-pinren-banfa",),
        policy_category="人事管理",
        keywords="聘任制,聘用制,无绩效退出,解读",
    ),
    ArticleSpec(
        key="wuliuyuan-jiedu",
        column="interpretation",
        title="解读：不进工业园区的项目能否享受开发区政策",
        date="2016-01-12 09:00",
        department="zhaoshang",
        summary="布局在龙凤物流园等其他功能区、不宜进入工业园区的产业和项目，纳入开发区服务及统计范畴，享受开发区政策。",
        body=(
            "以利智线、讨橙线以及来革线沿线区域为重点的其他功能区（龙凤物流园），布局不宜进入开发区工业园区的产业和项目。",
            "这些产业和项目纳入开发区服务及统计范畴，享受开发区政策。",
            ("page", "tongji-tongzhi", "统计报送见《关于做好开发区经济运行统计工作的通知》"),
        ),
        policy_category="优惠政策",
        keywords="龙凤物流园,开发区政策,解读",
    ),
    # ---- 财政信息 -------------------------------------------------------------
    ArticleSpec(
        key="shuishou-2015",
        column="finance",
        title="2015年开发区实现税收总额4963万元",
        date="2016-01-28 10:00",
        department="caizheng",
        summary="纳入开发区统计范围的工业企业全年实现税收总额4963万元。",
        body=(
            "2015年，纳入开发区统计范围的工业企业共72户（含城区工业企业），全年实现税收总额4963万元。",
            "按照未来五年目标，到2020年全区税收收入实现3.43亿元，增幅达到28%。",
        ),
        related=("yunxing-2015",),
        keywords="税收,财政收入",
    ),
    ArticleSpec(
        key="zhuanxiang-daikuan",
        column="finance",
        title="桂花树工业园基建专项贷款3000万元到位",
        date="2015-04-22 10:00",
        department="caizheng",
        summary="向省开发银行申请并到位基建专项贷款3000万元，用于进场道路、团结二桥路B段和园区4号路。",
        body=(
            "开发区向省开发银行申请并到位基建专项贷款3000万元。其中：",
            (
                "ul",
                [
                    "120万元用于硬化进场道路300米；",
                    "180万元建设团结二桥路B段；",
                    "250万元建设园区4号路。",
                ],
            ),
            "财政分局负责专项资金的使用、管理，监督项目实施中资金的管理、使用和配套到位情况，对专项资金进行追踪问效。",
        ),
        keywords="专项贷款,基础设施,专项资金",
    ),
    ArticleSpec(
        key="zhengdi-zijin",
        column="finance",
        title="开发区征地与基础设施资金投入情况",
        date="2015-12-28 10:00",
        department="caizheng",
        summary="到2015年，投入桂花树工业园和四合工业园的征地资金达18500万元，共征收土地3500亩。",
        body=(
            "2001-2006年，基建项目全面开工，5年完成基建投资14801万元，征地1450亩（亩均价10.21万元），"
            "其中2006年建设最快，投入资金1500万元，征收土地441亩（亩均价3.4万元）。",
            "到2015年，开发区先后投入桂花树工业园和四合工业园的征地资金达18500万元，共征收土地3500亩（亩均价5.29万元）。",
        ),
        attachments=("xlsx-land",),
        keywords="征地资金,基建投资",
    ),
    ArticleSpec(
        key="yujuesuan",
        column="finance",
        title="开发区实行财政预决算制度",
        date="2015-02-10 10:00",
        department="caizheng",
        summary="编制开发区财政预决算草案，跟踪管理财政预决算执行情况。",
        body=(
            "财政分局行使县财政局的管理职能，实行预决算制度，编制开发区财政预决算草案，汇总审定各部门人员经费和"
            "公用经费支出标准和定额；负责开发区财政资金的调度，跟踪管理财政预决算执行情况。",
            "对政府采购工作进行指导和监督；对开发区所辖单位的财务实行统一核算管理。",
        ),
        keywords="预决算,财政管理",
    ),
    # ---- 开发区动态：招商引资 ------------------------------------------------
    ArticleSpec(
        key="shuaifeng",
        column="dyn_invest",
        title="帅丰建材2014年到位资金16500万元",
        date="2015-02-05 10:00",
        department="zhaoshang",
        summary="2014年新建项目中到位资金最多的项目。",
        cover="photo-factory",
        body=(
            "2014年，开发区7户新建项目到位资金29750万元，占实际到位资金的61%。其中，帅丰建材16500万元。",
            "“金凤”“腾辉”“帅丰”是开发区新型建材产业的主体企业。",
        ),
        related=("zhaoshang-2014",),
        keywords="帅丰建材,新型建材",
    ),
    ArticleSpec(
        key="haiyu",
        column="dyn_invest",
        title="海玉农林项目2014年到位资金5700万元",
        date="2015-03-18 10:00",
        department="zhaoshang",
        summary="农林类新建项目加快建设。",
        body=("2014年新建项目中，海玉农林到位资金5700万元，新佰佳家具1850万元，翔奥农产品加工800万元。",),
        related=("zhaoshang-2014",),
        keywords="海玉农林",
    ),
    ArticleSpec(
        key="gaoxiao-zhaoshang",
        column="dyn_invest",
        title="开发区依托高校、科研院所拟定6个招商引资项目",
        date="2015-10-12 10:00",
        department="zhaoshang",
        summary="确定引进2个重点项目入园。",
        body=(
            "2015年，开发区依托高校、科研院所拟定6个招商引资项目，后确定引进2个重点项目入园。",
            "其中恩施金泰控股投资有限公司拟投资2.5亿元、计划用地100亩的地道药材综合开发项目已签约。",
        ),
        related=("jintai-qianyue",),
        keywords="招商引资,高校,科研院所",
    ),
    ArticleSpec(
        key="zhaoshang-2015",
        column="dyn_invest",
        title="2015年开发区招商引资总额9.8亿元 同比增长78.2%",
        date="2016-01-18 10:00",
        department="zhaoshang",
        summary="招商引资总额9.8亿元，同比增长78.2%。",
        body=(
            "2015年，开发区招商引资总额9.8亿元，同比增长78.2%。固定资产投资累计22.24亿元，同比增长59.1%。",
            "未来五年，开发区将重点抓好原材料产业、建材产业、新能源产业等五大产业项目库项目的招商工作，"
            "培植壮大10家核心企业，引进新上20个投资过亿元的重大项目。",
        ),
        related=("yunxing-2015",),
        keywords="招商引资,2015年",
    ),
    # ---- 开发区动态：企业服务 ------------------------------------------------
    ArticleSpec(
        key="yizhanshi",
        column="dyn_service",
        title="开发区完善“一站式”办公、“一条龙”服务",
        date="2015-04-15 10:00",
        department="fuwu",
        summary="对重点项目行政审批简化程序、缩短时限、提高办事效率。",
        cover="photo-hall",
        body=(
            "开发区进一步完善重点项目服务机制，对重点项目行政审批简化程序、缩短时限、提高办事效率，"
            "完善“一站式”办公、“一条龙”服务和一张卡收费办法。",
            "同时做好企业征地、基础设施、生产加工和产品销售等协调服务，为投资者营造投资好环境。",
        ),
        related=("sigeyi-tongzhi",),
        keywords="一站式,一条龙,企业服务",
    ),
    ArticleSpec(
        key="zhuanban-xieban",
        column="dyn_service",
        title="工作专班协助企业办理各种许可证件",
        date="2015-06-09 10:00",
        department="fuwu",
        summary="成立工作专班，协助招商引资企业办理各种许可证件。",
        body=("开发区成立工作专班，协助招商引资企业办理各种许可证件，使入园企业有章可循、办事少跑路。",),
        related=("xukezheng-tongzhi",),
        keywords="许可证件,工作专班",
    ),
    ArticleSpec(
        key="lingdao-lianxi",
        column="dyn_service",
        title="管委会领导一对一联系企业 帮助解决难题",
        date="2015-08-20 10:00",
        department="fuwu",
        summary="一名领导联系一个企业，帮助加强管理、解决难题。",
        body=("管委会领导明确分工，一名领导联系一个企业，帮助加强管理、解决难题。",),
        related=("lianxi-qiye-tongzhi",),
        keywords="联系企业",
    ),
    ArticleSpec(
        key="sihe-qiye",
        column="dyn_service",
        title="四合工业园入园企业建成投产",
        date="2015-12-02 10:00",
        department="fuwu",
        summary="凯迪绿色能源、腾升香料、明涛钙业、楚城钙业等5户企业建成投产。",
        cover="photo-sihe",
        body=(
            "四合工业园位于绿水镇四合村、梅子树村，2008年建园，园区面积2.1平方公里（3150亩）。",
            "入园企业有凯迪绿色能源、腾升香料、明涛钙业、楚城钙业等5户，并建成投产，企业产值、纳税逐年增加。",
            ("page", "park-sihe", "查看四合工业园介绍"),
        ),
        keywords="四合工业园,入园企业",
    ),
    # ---- 开发区动态：高新发展 ------------------------------------------------
    ArticleSpec(
        key="keji-xingqu",
        column="dyn_hitech",
        title="实施科技兴区战略 推进校企、院企联姻",
        date="2016-09-20 10:00",
        department="zhaoshang",
        summary="提高产业的科技水平和产品的科技含量，增强企业和开发区的核心竞争力。",
        body=(
            "开发区的发展壮大，必须紧紧依靠科技进步。开发区将充分发挥科学技术第一生产力的作用，大力实施校企、院企联姻，"
            "提高产业的科技水平和产品的科技含量，增强企业和开发区的核心竞争力。",
            "积极扶持新兴产业，大力发展科技型中小企业，努力构筑以高新技术产业为先导和先进制造业为支撑的产业格局。",
        ),
        keywords="科技兴区,校企合作",
    ),
    ArticleSpec(
        key="gaoxin-shenbao",
        column="dyn_hitech",
        title="开发区组织申报高新技术企业",
        date="2016-04-12 10:00",
        department="zhaoshang",
        summary="招商发展分局负责组织申报高新技术型企业和科技项目评审、申报。",
        body=(
            "2015年，开发区有高新技术产业1个。",
            "招商发展分局负责开发区内科技发展规划编制，科技项目评审、申报、组织实施；负责组织申报高新技术型企业，"
            "统一管理开发区新产品开发计划编制工作。",
        ),
        keywords="高新技术企业,申报",
    ),
    ArticleSpec(
        key="xinnengyuan",
        column="dyn_hitech",
        title="新能源产业集群：力争2020年实现产值6亿元",
        date="2016-06-15 10:00",
        department="zhaoshang",
        summary="著力推进凯迪生物质能源发电、生物柴油开发、生物肥料开发等项目。",
        cover="photo-kaidi",
        body=(
            "开发区以生物质能源开发、新能源项目建设为重点，大力发展新能源产业集群。著力推进凯迪生物质能源发电、"
            "生物柴油开发、生物肥料开发等项目。力争在2020年，新能源产业集群实现产值6亿元。",
            "“凯迪”是开发区新能源产业的代表企业。",
        ),
        keywords="新能源,凯迪,生物质能源",
    ),
    # ---- 开发区动态：劳动人事 ------------------------------------------------
    ArticleSpec(
        key="pinren-zhi",
        column="dyn_labour",
        title="开发区工作人员全部实行聘任、聘用制",
        date="2015-03-25 10:00",
        department="bangongshi",
        summary="核定行政事业人员编制共34名，2015年末实际在编在岗23名。",
        body=(
            "开发区核定行政事业人员编制共34名。全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用，"
            "实行激励性薪酬分配制。",
            "2015年末，实际在编在岗23名。",
        ),
        attachments=("xlsx-staffing",),
        keywords="人员编制,聘任制",
    ),
    ArticleSpec(
        key="rencai-yinjin",
        column="dyn_labour",
        title="开发区加强人才的培育与引进",
        date="2016-09-18 10:00",
        department="bangongshi",
        summary="积极开拓人才市场，采取多种优惠政策招贤引能。",
        body=(
            "积极开拓人才市场，挖掘内部潜力，派出去挂职锻炼，培养复合型人才。",
            "采取多种优惠政策招贤引能，提高开发区的人才实力，为开发区的发展积蓄雄厚的人才资源。",
            "进一步完善人才交流中心，建立创业服务中心，建立法律、中介等服务机构。",
        ),
        keywords="人才,引进",
    ),
    ArticleSpec(
        key="jixiao-tuichu",
        column="dyn_labour",
        title="开发区严格执行无绩效退出机制",
        date="2016-09-22 10:00",
        department="bangongshi",
        summary="完善开发区内部运行机制，严格执行无绩效退出机制。",
        body=(
            "进一步完善开发区财政运作、投融资机制、招商机制、规划运行机制、征用地体制以及开发区内部运行机制等体制机制，"
            "进一步下放开发区相关职能。同时，严格执行无绩效退出机制。",
        ),
        keywords="绩效,运行机制",
    ),
    # ---- 开发区动态：规划建设 ------------------------------------------------
    ArticleSpec(
        key="jichu-sheshi-2014",
        column="dyn_planning",
        title="桂花树、四合两个园区基础设施建设全面铺开",
        date="2015-01-12 10:00",
        department="guotu",
        summary="团结二桥路C段完成招投标，33号道路延伸段完成路基碾压。",
        cover="photo-road",
        body=(
            "桂花树、四合两个园区基础设施建设全面铺开：团结二桥路C段完成招投标，33号道路延伸段完成路基碾压，"
            "四合滨河路延伸段、凯迪大门场地平整开工，腾升香料二期场平完工，绿、美、亮及安置小区等工程完成规划设计，"
            "现已动工。",
        ),
        keywords="基础设施,团结二桥路",
    ),
    ArticleSpec(
        key="sihe-santong",
        column="dyn_planning",
        title="四合工业园实现水、电、通讯、土地平整“三通”一平",
        date="2015-09-10 10:00",
        department="guotu",
        summary="四合工业园至2015年先后征用土地1500亩。",
        body=(
            "四合工业园2008年建园，至2015年，先后征用土地1500亩。基础设施全面启动，实现水、电、通讯、土地平整“三通”一平。",
        ),
        keywords="四合工业园,三通一平",
    ),
    ArticleSpec(
        key="jichu-sheshi-2020",
        column="dyn_planning",
        title="未来五年园区基础设施建设重点",
        date="2016-09-14 10:00",
        department="guotu",
        summary="建成园区天然气供气网络，覆盖率100%；建成龙凤产业园污水处理厂一座。",
        body=(
            "桂花树工业园完成团结二桥路C段延伸段建设，建成园区天然气供气网络，覆盖率100%。",
            "龙凤产业园完成滨河路延伸段建设，完成园区“绿化、美化、亮化”工程，建成园区排水系统，"
            "建成龙凤产业园污水处理厂一座，建成园区天然气供气网络，覆盖率100%。",
            "龙凤物流园完成园区规划，按照规划加大基础设施建设投入力度，完成道路、水、电、气、通讯、网络等基础设施建设。",
        ),
        related=("xinyuanqu-guihua",),
        keywords="基础设施,天然气,污水处理",
    ),
    ArticleSpec(
        key="biaozhun-changfang",
        column="dyn_planning",
        title="开发区将新建标准化厂房10万平方米",
        date="2016-09-28 10:00",
        department="guotu",
        summary="遵照“布局集中、用地集约、产业集聚”的原则，统一规划、设计、招标、施工和管理。",
        cover="photo-changfang",
        body=(
            "在标准厂房的规划和建设上，遵照“布局集中、用地集约、产业集聚”的原则，实行统一规划、设计、招标、施工和管理。",
            "新建标准化厂房10万平方米，由开发区管委会统一组织施工建设，面向市场公开招标。标准厂房建成后，统一管理，"
            "制定关于标准厂房出租和出售的政策规定和优惠条件。",
        ),
        keywords="标准化厂房",
    ),
    # ---- 开发区动态：党群生活 ------------------------------------------------
    ArticleSpec(
        key="gongwei-licheng",
        column="dyn_party",
        title="中共来凤经济开发区工委组建历程",
        date="2015-06-30 10:00",
        department="bangongshi",
        summary="2007年11月，恩施州委决定卢红鹂任开发区管委会主任，另任命1人为副书记，2人为工委委员。",
        body=(
            "2007年2月，县政府决定3名干部分别任开发区管委会常务副主任或副主任。",
            "11月，恩施州委决定卢红鹂任开发区管委会主任（副县级，后兼任中共来凤经济开发区工委书记），"
            "另任命1人为副书记，2人为工委委员。",
            "通过一年多的筹建，开发区的机构设置、行政级别、管理体制等均得到落实。",
        ),
        keywords="工委,党建",
    ),
    ArticleSpec(
        key="sangongkai",
        column="dyn_party",
        title="狠刹不正之风 做到“三公开”",
        date="2016-09-30 10:00",
        department="bangongshi",
        summary="有效制止乱摊派、乱收费、乱检查，做到办事公开、收费公开、管理公开。",
        body=(
            "致力软环境建设，树立“招商”“亲商”“稳商”“富商”的意识。狠刹部门和行业不正之风，有效制止“三乱”"
            "即乱摊派、乱收费、乱检查，真正做到“三公开”即办事公开、收费公开、管理公开。",
        ),
        keywords="作风建设,三公开",
    ),
    # ---- 办事服务 -------------------------------------------------------------
    ArticleSpec(
        key="ruyuan-shenqingbiao",
        column="service",
        title="企业入园申请表（下载）",
        date="2015-04-10 10:00",
        department="fuwu",
        summary="申请入园的企业请下载填写，并按企业入园办事指南办理。",
        body=(
            "申请入园的企业请下载附件中的《企业入园申请表》，填写后交开发区客商投资“一站式”办公服务大厅。",
            ("page", "entry-guide", "办理流程见企业入园办事指南"),
        ),
        attachments=("xlsx-entry-form", "pdf-entry-guide"),
        keywords="入园申请表,下载",
    ),
    ArticleSpec(
        key="guide-xiangmu-shenpi",
        column="service",
        title="投资项目审批办事指南",
        date="2015-04-12 09:00",
        department="fuwu",
        summary="进区投资项目的立项报告、可行性研究报告和合同章程，由招商发展分局按规定权限审批。",
        body=(
            ("h2", "办理部门"),
            "招商发展分局（开发区客商投资“一站式”办公服务大厅）。",
            ("h2", "申请材料"),
            ("ul", ["项目的立项报告；", "可行性研究报告；", "合同章程。"]),
            ("h2", "办理时限"),
            "对重点项目行政审批简化程序、缩短时限、提高办事效率；一个项目配一名责任领导、一名责任人，备一套工作方案。",
            ("page", "entry-guide", "企业入园办事指南"),
        ),
        keywords="项目审批,立项报告,可行性研究报告,办事指南",
    ),
    ArticleSpec(
        key="guide-yongdi",
        column="service",
        title="项目建设和征地审核报批办事指南",
        date="2015-04-12 10:00",
        department="guotu",
        summary="项目建设和征地审核报批手续由国土建设分局会同有关部门办理。",
        body=(
            ("h2", "办理部门"),
            "国土建设分局。根据授权行使县级国土资源管理职能，依法进行开发区土地的规划、征用、开发管理和土地使用权的"
            "有偿出让及转让。",
            ("h2", "办理事项"),
            ("ul", ["项目建设审核报批；", "征地审核报批；", "施工项目的审批上报。"]),
            ("h2", "说明"),
            "开发区改进工业园用地供地方式，统一规范收费政策。",
            ("page", "gongdi-gonggao", "关于改进工业园用地供地方式和统一规范收费政策的公告"),
        ),
        keywords="征地,用地审批,报批手续,办事指南",
    ),
    ArticleSpec(
        key="guide-xukezheng",
        column="service",
        title="许可证件协办服务指南",
        date="2015-05-08 11:30",
        department="fuwu",
        summary="工作专班协助招商引资企业办理各种许可证件；“一站式”办公、“一条龙”服务。",
        body=(
            ("h2", "服务对象"),
            "招商引资企业、入园企业。",
            ("h2", "服务内容"),
            "开发区成立工作专班，协助招商引资企业办理各种许可证件；完善“一站式”办公、“一条龙”服务和一张卡收费办法。",
            ("h2", "办理地点"),
            "开发区客商投资“一站式”办公服务大厅。",
            ("page", "one-stop", "“一站式”办公服务大厅"),
        ),
        keywords="许可证件,协办,一站式,一条龙",
    ),
    ArticleSpec(
        key="guide-gaoxin",
        column="service",
        title="高新技术企业申报指南",
        date="2016-03-01 09:00",
        department="zhaoshang",
        summary="招商发展分局负责组织申报高新技术型企业；科技项目评审、申报、组织实施。",
        body=(
            ("h2", "办理部门"),
            "招商发展分局负责组织申报高新技术型企业，统一管理开发区新产品开发计划编制工作。",
            ("h2", "相关服务"),
            "负责开发区内科技发展规划编制，科技项目评审、申报、组织实施；大力实施校企、院企联姻，提高产业的科技水平和"
            "产品的科技含量。",
            ("page", "gaoxin-shenbao", "开发区组织申报高新技术企业"),
        ),
        keywords="高新技术企业,申报,科技项目",
    ),
    # ---- 便民问答 -------------------------------------------------------------
    ArticleSpec(
        key="faq-yuanqu",
        column="faq",
        title="开发区有哪几个园区？",
        date="2015-04-20 09:00",
        department="fuwu",
        summary="开发区现设有4个园区，重点建设桂花树工业园和四合工业园。",
        body=(
            "答：开发区现设有4个园区，目前重点建设桂花树工业园（翔凤镇，1.23平方公里）和四合工业园（绿水镇，2.1平方公里），"
            "猴立堡物流园、现代产业园还在规划中。",
            ("page", "inv-parks", "查看园区介绍"),
        ),
        keywords="园区,桂花树工业园,四合工业园",
    ),
    ArticleSpec(
        key="faq-ruyuan",
        column="faq",
        title="企业入园到哪里办理？",
        date="2015-04-20 09:10",
        department="fuwu",
        summary="到开发区客商投资“一站式”办公服务大厅办理，按企业入园办事指南和流程图准备材料。",
        body=(
            "答：到开发区客商投资“一站式”办公服务大厅。开发区编制了企业入园办事指南和流程图，使入园企业有章可循。",
            ("page", "entry-guide", "企业入园办事指南"),
        ),
        keywords="企业入园,一站式,办事指南",
    ),
    ArticleSpec(
        key="faq-youhui",
        column="faq",
        title="入园企业能享受哪些优惠？",
        date="2015-04-20 09:20",
        department="fuwu",
        summary="“以返代免”，企业所得税免收两年后减半征收三年，较大项目一事一议、特事特办。",
        body=(
            "答：税收、增值税地方留成部分“以返代免”；企业所得税免收两年后减半征收三年；投资额度大、科技含量高的特殊或"
            "较大项目一事一议、特事特办。",
            ("page", "youhui-zhengce", "来凤经济开发区招商引资优惠政策"),
        ),
        keywords="优惠政策,以返代免,企业所得税",
    ),
    ArticleSpec(
        key="faq-xukezheng",
        column="faq",
        title="办理各种许可证件有人帮忙吗？",
        date="2015-05-08 11:00",
        department="fuwu",
        summary="有。开发区成立了工作专班，协助招商引资企业办理各种许可证件。",
        body=(
            "答：有。开发区成立了工作专班，协助招商引资企业办理各种许可证件。",
            ("page", "xukezheng-tongzhi", "关于成立工作专班协助招商引资企业办理许可证件的通知"),
        ),
        keywords="许可证件,工作专班",
    ),
    ArticleSpec(
        key="faq-guotu",
        column="faq",
        title="开发区的土地和规划建设由哪个部门负责？",
        date="2015-04-20 09:40",
        department="fuwu",
        summary="国土建设分局。开发区的房地产管理由县房地产管理局承担。",
        body=(
            "答：国土建设分局。它负责开发区国土资源、基础设施建设、环境保护等工作，会同有关部门办理项目建设和征地审核报批手续。"
            "开发区的房地产管理由县房地产管理局承担。",
        ),
        keywords="国土建设分局,土地,规划建设",
    ),
    ArticleSpec(
        key="faq-jiangli",
        column="faq",
        title="引荐投资项目有奖励吗？",
        date="2015-04-20 09:50",
        department="fuwu",
        summary="引进投资项目成功的中介机构和中介人，按实现投资额予以一次性奖励。",
        body=("答：对于引进国内外资金及投资项目成功的中介机构和中介人，按实现投资额予以一次性奖励。",),
        keywords="中介奖励,招商引资",
    ),
    ArticleSpec(
        key="faq-xiexin",
        column="faq",
        title="怎样给管委会主任写信？",
        date="2015-04-20 10:00",
        department="fuwu",
        summary="目前请通过邮寄、电话或电子邮件；网上写信系统将在后续版本开通。",
        body=(("page", "mailbox", "答：见“主任信箱”页面的说明"),),
        keywords="主任信箱,写信",
    ),
    ArticleSpec(
        key="faq-shenpi",
        column="faq",
        title="投资项目由哪个部门审批？",
        date="2015-06-03 09:00",
        department="fuwu",
        summary="招商发展分局按规定权限审批进区的投资项目，项目的立项报告、可行性研究报告和合同章程。",
        body=(
            "答：招商发展分局按规定权限审批进区的投资项目，项目的立项报告、可行性研究报告和合同章程。",
            "对重点项目行政审批简化程序、缩短时限、提高办事效率。",
            ("page", "guide-xiangmu-shenpi", "投资项目审批办事指南"),
        ),
        keywords="项目审批,立项报告,可行性研究报告",
    ),
    ArticleSpec(
        key="faq-fangdichan",
        column="faq",
        title="开发区内的房地产由谁管理？",
        date="2015-06-03 09:30",
        department="fuwu",
        summary="开发区的房地产管理由县房地产管理局承担，双方协调服务。",
        body=("答：开发区的房地产管理由县房地产管理局承担，双方协调服务。",),
        keywords="房地产管理",
    ),
    # ---- 招商网 ---------------------------------------------------------------
    ArticleSpec(
        key="inv-wuda-chanye",
        column="inv_projects",
        title="五大产业招商方向",
        date="2016-09-15 10:00",
        department="zhaoshang",
        summary="新能源、新材料、食品、建材和文化旅游五大产业集群。",
        cover="map-zoning",
        body=(
            "“十三五”时期，开发区将用足用活动边区优势资源，通过建设大基地和扶持大企业，着力打造新能源工业、新材料工业、"
            "食品工业、建材工业和文化旅游五大产业集群。",
            ("img", "map-zoning"),
            "重点抓好原材料产业、建材产业、新能源产业等五大产业项目库项目的招商工作。",
        ),
        keywords="产业集群,招商方向",
    ),
    ArticleSpec(
        key="inv-changfang",
        column="inv_projects",
        title="标准化厂房出租和出售",
        date="2016-09-29 10:00",
        department="zhaoshang",
        summary="标准厂房建成后统一管理，制定出租和出售的政策规定和优惠条件。",
        body=(
            "开发区新建标准化厂房10万平方米。标准厂房建成后，统一管理，制定一系列关于标准厂房出租和出售的政策规定和优惠条件，"
            "负责项目引进、招商引资的各项协调、服务工作。",
        ),
        related=("biaozhun-changfang",),
        keywords="标准化厂房,招商",
    ),
    ArticleSpec(
        key="inv-yaocai",
        column="inv_projects",
        title="地道药材与农副产品精深加工",
        date="2015-10-15 10:00",
        department="zhaoshang",
        summary="特色农产品、地道药材以及竹木产品精深加工项目。",
        body=(
            "开发区以现有来凤本地技术改造、资源整合、提档升级为重心，著力推进特色农产品、地道药材以及竹木产品精深加工等项目，"
            "形成农副产品加工产业高效产业集群。",
        ),
        keywords="地道药材,农副产品加工",
    ),
    ArticleSpec(
        key="inv-news-2014",
        column="inv_news",
        title="2014年7户新建项目到位资金29750万元",
        date="2015-01-22 10:00",
        department="zhaoshang",
        summary="新建项目资金占实际到位资金的61%。",
        cover="photo-factory",
        body=(
            "2014年，开发区实际到位招商引资资金49100万元，总额中有7户新建项目为29750万元，占比61%。",
            ("page", "invest-2014", "查看2014年招商引资项目到位资金表"),
        ),
        attachments=("xlsx-invest-2014",),
        keywords="新建项目,到位资金",
    ),
    ArticleSpec(
        key="inv-news-jintai",
        column="inv_news",
        title="地道药材综合开发项目签约落户",
        date="2015-09-23 10:00",
        department="zhaoshang",
        summary="恩施金泰控股投资有限公司拟投资2.5亿元、计划用地100亩。",
        cover="photo-signing",
        body=("恩施金泰控股投资有限公司拟投资2.5亿元、计划用地100亩的地道药材综合开发项目已签约。",),
        related=("jintai-qianyue",),
        keywords="签约,地道药材",
    ),
    ArticleSpec(
        key="inv-news-2015",
        column="inv_news",
        title="2015年开发区招商引资总额同比增长78.2%",
        date="2016-01-19 10:00",
        department="zhaoshang",
        summary="招商引资总额9.8亿元。",
        cover="photo-night",
        body=("2015年，开发区招商引资总额9.8亿元，同比增长78.2%。",),
        related=("zhaoshang-2015",),
        keywords="招商引资",
    ),
    ArticleSpec(
        key="inv-youhui-zhaibian",
        column="inv-policy",
        title="招商引资优惠政策摘编",
        date="2015-03-12 10:30",
        department="zhaoshang",
        summary="“以返代免”、企业所得税免二减三、一事一议、特事特办，中介引资一次性奖励。",
        body=(
            "凡国家、省、地已经颁发与招商引资有关的优惠政策，开发区都遵照执行；凡各地已经实行的优惠政策，开发区都参照执行。",
            (
                "ul",
                [
                    "税收、增值税地方留成部分“以返代免”；",
                    "企业所得税免收两年后减半征收三年；",
                    "投资额度大、科技含量高的特殊或较大项目，一事一议、特事特办；",
                    "对引进投资项目成功的中介机构和中介人，按实现投资额予以一次性奖励。",
                ],
            ),
            ("doc", "pdf-policy", "下载：招商引资优惠政策摘编（PDF）"),
        ),
        related=("youhui-zhengce",),
        doc_number="来开管发〔2015〕3号",
        issuer="来凤经济开发区管理委员会",
        policy_category="优惠政策",
        validity=VALID,
        keywords="优惠政策,以返代免,招商引资",
    ),
    ArticleSpec(
        key="inv-yishiyiyi",
        column="inv-policy",
        title="关于重大项目实行“一事一议、特事特办”的规定",
        date="2015-03-13 09:00",
        department="zhaoshang",
        summary="符合国家产业政策，投资额度大、科技含量高的特殊或较大项目，一事一议、特事特办，给予更多优惠。",
        body=(
            "符合国家产业政策，投资额度大、科技含量高的特殊或较大项目，采取一事一议特事特办的做法给予更多优惠。",
            "对重点项目行政审批简化程序、缩短时限、提高办事效率，实行一个项目配一名责任领导，一名责任人，"
            "备一套工作方案的“四个一”工作机制。",
        ),
        doc_number="来开管发〔2015〕4号",
        issuer="来凤经济开发区管理委员会",
        policy_category="优惠政策",
        validity=VALID,
        keywords="一事一议,特事特办,重大项目",
    ),
    ArticleSpec(
        key="inv-zhongjie-jiangli",
        column="inv-policy",
        title="引进投资项目中介奖励办法",
        date="2015-03-13 10:00",
        department="zhaoshang",
        summary="引进国内外资金及投资项目成功的中介机构和中介人，按实现投资额予以一次性奖励。",
        body=(
            "树立全员招商引资的意识，利用适当的经济手段，充分调动社会各界的招商积极性。",
            "对于引进国内外资金及投资项目成功的中介机构和中介人，按实现投资额予以一次性奖励。",
        ),
        doc_number="来开管发〔2015〕5号",
        issuer="来凤经济开发区管理委员会",
        policy_category="优惠政策",
        validity=VALID,
        keywords="中介奖励,招商奖励,全员招商",
    ),
    ArticleSpec(
        key="inv-changfang-zhengce",
        column="inv-policy",
        title="标准厂房出租和出售的政策规定",
        date="2016-09-20 09:00",
        department="zhaoshang",
        summary="标准厂房建成后统一管理，制定出租和出售的政策规定和优惠条件。",
        body=(
            "在标准厂房的规划和建设上，遵照“布局集中、用地集约、产业集聚”的原则，实行统一规划、设计、招标、施工和管理。",
            "标准厂房建成后，统一管理，制定一系列关于标准厂房出租和出售的政策规定和优惠条件，负责项目引进、"
            "招商引资的各项协调、服务工作。",
            ("page", "inv-changfang", "标准化厂房出租和出售"),
        ),
        doc_number="来开管发〔2016〕2号",
        issuer="来凤经济开发区管理委员会",
        policy_category="土地管理",
        validity=VALID,
        keywords="标准厂房,出租,出售",
    ),
    # ---- 人才网 ---------------------------------------------------------------
    ArticleSpec(
        key="tal-zhaopin-banfa",
        column="tal_jobs",
        title="开发区工作人员招聘办法",
        date="2015-03-26 10:00",
        department="bangongshi",
        summary="全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用。",
        body=(
            "开发区全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用，实行激励性薪酬分配制。",
            "招聘公告将在本栏目发布。（演示站点：目前没有正在进行的招聘。）",
        ),
        keywords="招聘,聘用制",
    ),
    ArticleSpec(
        key="tal-qiye-yonggong",
        column="tal_jobs",
        title="园区企业用工信息发布说明",
        date="2016-09-19 10:00",
        department="fuwu",
        summary="园区企业可通过招商引资服务中心在本栏目发布用工信息。",
        body=(
            "桂花树工业园和四合工业园的入园企业需要发布用工信息的，请与招商引资服务中心联系，经审核后在本栏目发布。",
            "（演示站点：目前没有收录企业用工信息。）",
        ),
        keywords="用工,企业招聘",
    ),
    ArticleSpec(
        key="tal-huake",
        column="tal_news",
        title="华中科技大学对口帮扶 带来技术和人才",
        date="2015-05-27 10:00",
        department="bangongshi",
        summary="以“6.16”工程为载体，争取项目资金、技术和人才。",
        cover="photo-huake",
        body=(
            "开发区贯彻落实省政府关于“6.16”对口帮扶的各项要求，继续做好武汉市对口帮扶工作，争取项目资金、技术和人才。",
            "2015年，华中科技大学以“6.16”工程为载体，继续加大对来凤经济开发区的帮扶支持。",
        ),
        related=("huake-diaoyan",),
        keywords="对口帮扶,人才",
    ),
    ArticleSpec(
        key="tal-guazhi",
        column="tal_news",
        title="开发区将选派干部挂职锻炼",
        date="2016-09-21 10:00",
        department="bangongshi",
        summary="挖掘内部潜力，派出去挂职锻炼，培养复合型人才。",
        body=("积极开拓人才市场，挖掘内部潜力，派出去挂职锻炼，培养复合型人才。",),
        related=("rencai-yinjin",),
        keywords="挂职锻炼,人才培养",
    ),
    ArticleSpec(
        key="tal-rencai-zhengce",
        column="tal-policy",
        title="开发区人才培育与引进政策",
        date="2016-03-10 09:00",
        department="bangongshi",
        summary="积极开拓人才市场，挖掘内部潜力，派出去挂职锻炼，采取多种优惠政策招贤引能。",
        body=(
            "加强人才的培育与引进。积极开拓人才市场，挖掘内部潜力，派出去挂职锻炼，培养复合型人才。采取多种优惠政策招贤引能，"
            "提高开发区的人才实力，为开发区的发展积蓄雄厚的人才资源。",
        ),
        doc_number="来开管发〔2016〕3号",
        issuer="来凤经济开发区管理委员会",
        policy_category="人才政策",
        validity=VALID,
        keywords="人才政策,人才引进,招贤引能",
    ),
    ArticleSpec(
        key="tal-pinren-banfa",
        column="tal-policy",
        title="开发区工作人员聘任聘用和激励性薪酬分配办法",
        date="2016-03-10 10:00",
        department="bangongshi",
        summary="全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用，实行激励性薪酬分配制。",
        body=(
            "开发区全部工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用，实行激励性薪酬分配制。",
            "严格执行无绩效退出机制。",
        ),
        doc_number="来开管发〔2016〕4号",
        issuer="来凤经济开发区管理委员会",
        policy_category="人事管理",
        validity=VALID,
        keywords="聘任制,聘用制,薪酬分配,无绩效退出",
    ),
    ArticleSpec(
        key="tal-chuangye-zhongxin",
        column="tal-policy",
        title="关于完善人才交流中心和建立创业服务中心的意见",
        date="2016-03-11 09:00",
        department="fuwu",
        summary="进一步完善人才交流中心，建立创业服务中心，建立法律、中介等服务机构。",
        body=(
            "完善对企业的服务和管理，探索建立较完善的社会化服务体系，为企业提供良好的社会化服务。",
            "进一步完善人才交流中心，建立创业服务中心，建立法律、中介等服务机构。",
            "大力培育和激发民众强烈的致富欲望和自主创业精神。",
            ("page", "tal-startup", "创业服务"),
        ),
        doc_number="来开管发〔2016〕6号",
        issuer="来凤经济开发区管理委员会",
        policy_category="人才政策",
        validity=VALID,
        keywords="人才交流中心,创业服务中心,自主创业",
    ),
]
