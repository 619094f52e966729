"""互动交流 of the demo: 便民问答 entries and two 意见征集 drafts, written for the demo in our own words.

No figures: deadlines and amounts depend on the case and are given by the
department when asked, so the answers say where and how, not how much.
The comments on the drafts are generated demo data.
"""

from __future__ import annotations

from dataclasses import dataclass

#: (slug, name) of the topics, in their order.
FAQ_TOPICS: tuple[tuple[str, str], ...] = (
    ("registration", "企业登记"),
    ("approval", "项目审批"),
    ("land", "土地与规划"),
    ("environment", "环境保护"),
    ("insurance", "失地农民社保"),
    ("jobs", "招聘与用工"),
    ("policy", "优惠政策"),
)


@dataclass(frozen=True)
class FaqSpec:
    department: str  # slug of the answering department
    topic: str
    question: str
    answer: str  # paragraphs separated by blank lines


FAQ_ENTRIES: tuple[FaqSpec, ...] = (
    FaqSpec(
        "fuwu",
        "registration",
        "想在开发区新办一家企业，营业执照在哪里办？",
        "到开发区客商投资服务大厅的企业登记窗口办理。服务中心实行“一站式”办公，名称申报、设立登记可以在同一个窗口提出。"
        "\n\n材料不清楚的，可以先打电话咨询服务中心，工作人员会告知需要准备的材料清单。",
    ),
    FaqSpec(
        "fuwu",
        "registration",
        "企业变更法定代表人或经营范围，需要回原登记地办理吗？",
        "在开发区登记的企业，变更事项同样到服务大厅的登记窗口办理，不需要另跑其他地方。"
        "\n\n变更经营范围涉及许可事项的，窗口会一并告知还需办理的许可。",
    ),
    FaqSpec(
        "fuwu",
        "registration",
        "外地客商来开发区考察，有人专门对接吗？",
        "有。招商引资服务中心为来访客商安排专人对接，陪同考察园区、介绍用地和配套条件，并协调后续的落户手续。"
        "\n\n来访前可以先与服务中心联系，约定考察时间和想看的地块。",
    ),
    FaqSpec(
        "zhaoshang",
        "approval",
        "工业项目入园要经过哪些环节？",
        "一般先与招商发展分局洽谈，提交项目建议和企业基本情况；项目经评审同意入园后签订投资协议，"
        "再依次办理立项备案、用地、规划、环评和施工许可等手续。"
        "\n\n服务中心为入园项目提供代办服务，企业可以委托工作人员跑手续。",
    ),
    FaqSpec(
        "zhaoshang",
        "approval",
        "项目备案和核准有什么区别？我的项目属于哪一种？",
        "政府投资项目和列入核准目录的企业投资项目实行核准，其他企业投资项目实行备案。"
        "多数一般工业项目属于备案类。"
        "\n\n具体属于哪一类，以项目的行业和内容为准，可以带上项目简介到招商发展分局咨询。",
    ),
    FaqSpec(
        "zhaoshang",
        "policy",
        "开发区对新引进的企业有哪些优惠政策？",
        "国家、省、州、县已经出台的与招商引资有关的优惠政策，开发区都遵照执行。"
        "\n\n每个项目适用哪些政策，与项目的行业、投资规模和建设进度有关，签订投资协议时逐项明确。"
        "政策原文可以在本网站“政策法规”栏目查阅。",
    ),
    FaqSpec(
        "zhaoshang",
        "policy",
        "投资协议签订后，政策兑现找哪个部门？",
        "由招商发展分局牵头，会同财政分局按协议约定的条件和程序办理。企业达到约定条件后提出申请，并附上相应的证明材料。",
    ),
    FaqSpec(
        "guotu",
        "land",
        "企业想在园区用地，怎样了解有哪些地块可以选？",
        "国土建设分局掌握各园区的规划和可供地块情况。企业可以先说明项目的行业和用地需求，"
        "分局会推荐符合规划的地块，并安排实地查看。"
        "\n\n工业用地按规定以招标、拍卖或挂牌方式出让。",
    ),
    FaqSpec(
        "guotu",
        "land",
        "厂房设计方案需要哪个部门审查？",
        "建设工程的规划方案由国土建设分局按园区控制性详细规划审查，审查通过后办理建设工程规划许可。"
        "\n\n建议在方案设计阶段就与分局沟通，避免反复修改。",
    ),
    FaqSpec(
        "guotu",
        "land",
        "厂房建好后可以自己改变用途或分割出租吗？",
        "不可以擅自改变。改变规划用途或分割转让、出租，须事先向国土建设分局提出申请，经批准后按规定办理。",
    ),
    FaqSpec(
        "guotu",
        "environment",
        "新建工业项目必须先做环评吗？",
        "是的。需要进行环境影响评价的项目，应当在开工建设前完成环评审批或备案；未依法完成的，不得开工建设。"
        "\n\n项目应编制报告书、报告表还是填报登记表，按国家的分类管理名录确定。",
    ),
    FaqSpec(
        "guotu",
        "environment",
        "园区对企业排污有什么要求？",
        "入园企业的生产废水须经处理达到园区接管要求后排入污水管网，废气、噪声和固体废物按环评批复的措施处置。"
        "\n\n开发区不引进不符合产业政策和环保要求的项目。",
    ),
    FaqSpec(
        "caizheng",
        "insurance",
        "土地被征收后，失地农民可以参加哪些社会保险？",
        "被征地农民可以按规定参加城乡居民养老保险或企业职工养老保险，符合条件的可以享受被征地农民社会保障补贴。"
        "\n\n补贴的对象、标准和办理程序以县里公布的政策为准，可以向所在村或财政分局咨询。",
    ),
    FaqSpec(
        "caizheng",
        "insurance",
        "征地补偿款什么时候发放，怎样查询？",
        "征地补偿安置方案公告并落实后，补偿款通过专户直接发放到被征地农户。"
        "\n\n财政分局在本网站“财政信息”栏目公开征地资金的拨付情况，农户也可以带身份证到村委会或财政分局查询。",
    ),
    FaqSpec(
        "caizheng",
        "insurance",
        "失地农民找工作，开发区有帮助吗？",
        "开发区组织园区企业定期开展用工对接，优先招用本地被征地农民，并配合有关部门开展职业技能培训。"
        "招聘信息在本网站“人才网”发布。",
    ),
    FaqSpec(
        "bangongshi",
        "jobs",
        "园区企业招工的信息在哪里看？",
        "开发区在“人才网”的“招聘信息”栏目集中发布园区企业的招聘信息，也会在用工对接会现场发布。",
    ),
    FaqSpec(
        "bangongshi",
        "jobs",
        "企业招聘员工，开发区能提供哪些服务？",
        "企业可以把招聘需求交给管委会办公室，由开发区统一在网站发布，并在组织用工对接会时邀请企业参加。"
        "\n\n需要开展岗前培训的，开发区协调有关部门和培训机构提供帮助。",
    ),
    FaqSpec(
        "bangongshi",
        "jobs",
        "在园区企业上班，工资被拖欠怎么办？",
        "可以先与企业协商；协商不成的，可以向县劳动保障监察部门投诉，也可以通过本网站“互动交流”向开发区反映，"
        "开发区会协调企业依法处理。",
    ),
    FaqSpec(
        "bangongshi",
        "policy",
        "对开发区工作人员的作风有意见，向哪里反映？",
        "可以通过本网站“互动交流”写信反映，也可以到管委会办公室当面反映。开发区对反映的问题逐件登记、按时答复。",
    ),
    FaqSpec(
        "fuwu",
        "approval",
        "企业办事可以委托服务中心代办吗？",
        "可以。招商引资服务中心为入园企业提供“一条龙”代办服务，企业签署委托书并提供材料后，由工作人员代为办理有关手续，"
        "办理进度随时告知企业。",
    ),
)


@dataclass(frozen=True)
class CommentSpec:
    status: str  # ConsultationComment.Status value
    text: str
    response: str = ""


@dataclass(frozen=True)
class ConsultationSpec:
    key: str
    title: str
    slug: str
    department: str
    summary: str
    body: tuple[str, ...]
    opens_in_days: int  # relative to the day the demo is loaded
    closes_in_days: int
    feedback_summary: tuple[str, ...] = ()
    comments: tuple[CommentSpec, ...] = ()


#: The column the drafts live in, below 互动交流.
CONSULTATION_COLUMN = ("意见征集", "yijianzhengji", "fuwu", "开发区各部门起草的政策措施在这里公开征求意见。")
FAQ_PAGE = ("便民问答", "wenda", "bangongshi", "各部门对企业和群众常问问题的答复，可按部门和主题筛选。")

CONSULTATIONS: tuple[ConsultationSpec, ...] = (
    ConsultationSpec(
        key="small-firms",
        title="关于征求《开发区支持小微企业发展的若干措施（征求意见稿）》意见的公告",
        slug="xiaowei-qiye",
        department="fuwu",
        summary="为帮助园区小微企业降低办事成本、解决用工和融资难题，招商引资服务中心起草了本措施，现公开征求意见。",
        body=(
            "第一条　开发区在客商投资服务大厅设立小微企业服务专窗，集中受理小微企业的登记、备案和政策咨询。",
            "第二条　小微企业办理入园手续，可以委托服务中心全程代办，代办不收取费用。",
            "第三条　开发区定期组织银行与小微企业对接，推荐符合条件的企业申请贷款。",
            "第四条　开发区在用工对接会上为小微企业设置专区，帮助企业招用本地劳动力。",
            "第五条　本措施由招商引资服务中心负责解释。",
        ),
        opens_in_days=-10,
        closes_in_days=20,
        comments=(
            CommentSpec("pending", "建议专窗也能办理税务方面的咨询，小企业最怕跑错部门。（演示数据）"),
            CommentSpec("pending", "第三条能否写明多久组织一次对接，方便企业提前准备材料？（演示数据）"),
        ),
    ),
    ConsultationSpec(
        key="services",
        title="关于征求《开发区企业服务“一站式”办理规程（征求意见稿）》意见的公告",
        slug="yizhanshi-guicheng",
        department="fuwu",
        summary="为规范客商投资服务大厅的“一站式”办公、“一条龙”服务，招商引资服务中心起草了本规程。征集已经结束，采纳情况见下文。",
        body=(
            "第一条　服务大厅实行首问负责：第一个接待企业的工作人员负责解答或引导到位。",
            "第二条　企业办事材料齐全的当场受理；材料不全的一次性告知需要补正的内容。",
            "第三条　服务中心建立代办台账，企业可以随时查询委托事项的办理进度。",
        ),
        opens_in_days=-60,
        closes_in_days=-30,
        feedback_summary=(
            "征集期间共收到意见如下表（演示数据）。服务中心逐条研究后：关于一次性告知的书面形式、代办进度的查询方式等意见"
            "已经采纳，写入正式规程；关于延长大厅办公时间的意见部分采纳，在重点项目集中办理期间安排预约服务；"
            "个别意见超出本规程的范围，已转交有关部门研究。",
            "正式规程已按程序印发，可在“政策法规”栏目查阅。",
        ),
        comments=(
            CommentSpec(
                "adopted", "一次性告知最好给书面清单，口头说容易记漏。", "已采纳：第二条改为出具书面补正清单。"
            ),
            CommentSpec("adopted", "代办进度能不能在网上查？", "已采纳：代办台账的进度可电话或在网站上查询。"),
            CommentSpec("partly", "建议大厅周末也开门。", "部分采纳：重点项目集中办理期间可预约周末服务。"),
            CommentSpec("not_adopted", "建议取消所有收费。", "未采纳：收费项目由国家规定，不属于本规程的范围。"),
            CommentSpec("hidden", "（涉及个人信息，不予公开）"),
        ),
    ),
)
