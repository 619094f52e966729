"""办事指南 of the demo: service items of the five departments, topics, life events and 一件事 journeys.

Written for 来凤经济开发区 in the project's own words from what the departments do
(organisation.py) and the zone's 企业入园 procedure (pages.ENTRY_STEPS). The laws
named are the national ones that govern each kind of matter; time limits, fees and
forms are the demo's own. Texts carry no Arabic numerals except those listed in
``facts.DEMO_VALUES`` (the figure check reads them all: ``texts()``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAGE_KEY = "service-guide"
PAGE_TITLE = "办事指南"
PAGE_SLUG = "zhinan"
PAGE_INTRO = (
    "开发区各部门办理的事项：设定依据、受理条件、申请材料、办理流程、时限、收费和办理地点，表格和样表可直接下载。"
    "可按部门、主题或企业生命周期查找；“一件事一次办”把企业入园、开办企业、项目落地要办的事项按顺序串起来。"
)

#: (slug, name) of the topics, then of the life events.
TOPICS = [
    ("kaiban", "企业开办"),
    ("jianshe", "项目建设"),
    ("tudi", "土地与规划"),
    ("rencai", "人才"),
    ("shuiwu", "税务与财政"),
    ("keji", "科技创新"),
    ("huanbao", "环保与安全"),
]
LIFE_EVENTS = [
    ("sheli", "企业设立"),
    ("touzi", "投资建设"),
    ("jingying", "生产经营"),
    ("yonggong", "招才用工"),
    ("fazhan", "升级发展"),
]

# Material forms (models.Material.Form values).
ORIGINAL, COPY, BOTH, ELECTRONIC = "original", "copy", "both", "electronic"


@dataclass(frozen=True)
class MaterialSpec:
    name: str
    form: str = ORIGINAL
    copies: int = 1
    required: bool = True
    note: str = ""


@dataclass(frozen=True)
class ItemSpec:
    """A service item; its first material is the application form, generated as .docx with a .pdf sample."""

    key: str
    name: str
    department: str  # department slug
    kind: str  # models.ServiceItem.Kind value
    summary: str
    topics: tuple[str, ...]
    events: tuple[str, ...]
    legal_basis: str
    conditions: tuple[str, ...]
    materials: tuple[MaterialSpec, ...]
    steps: tuple[tuple[str, str, int], ...]  # (name, handler, working days)
    statutory_days: int
    promised_days: int
    form_fields: tuple[str, ...] = ()  # the application form's own rows, after the applicant's
    fee: tuple[str, str] | None = None  # (standard, basis); None: 不收费
    faqs: tuple[tuple[str, str], ...] = ()
    place: str = ""
    online_url: str = ""


#: The rows every application form starts with.
APPLICANT_FIELDS = ("申请单位（盖章）", "统一社会信用代码", "法定代表人", "联系人", "联系电话", "通讯地址")
#: What the filled samples write in those rows.
SAMPLE_VALUES = {
    "申请单位（盖章）": "来凤县××建材有限公司（示例）",
    "统一社会信用代码": "按营业执照上的代码填写",
    "法定代表人": "张××",
    "联系人": "李××",
    "联系电话": "0718-0000001（示例）",
    "通讯地址": "来凤经济开发区桂花树工业园（示例）",
}
SAMPLE_FILLER = "按实际情况填写（示例）"

LICENCE = MaterialSpec("营业执照", COPY, note="加盖公章")
ID_CARD = MaterialSpec("法定代表人身份证", COPY)
PROXY = MaterialSpec("授权委托书及经办人身份证", BOTH, required=False, note="委托他人办理时提交")
WINDOW = "招商引资服务中心综合窗口"
HALL = "开发区客商投资“一站式”办公服务大厅综合窗口（演示地址）"


def _apply(name: str, note: str = "") -> MaterialSpec:
    return MaterialSpec(name, ORIGINAL, note=note or "可在本页下载空白表格和填写样表")


def _steps(review: str, reviewer: str, days: int, decide: str = "决定", decider: str = "分局负责人") -> tuple:
    """受理 → 审查 → 决定 → 办结: the usual shape of a procedure."""
    return (("受理", WINDOW, 0), (review, reviewer, days), (decide, decider, 1), ("送达", WINDOW, 0))


ITEMS: list[ItemSpec] = [
    # ---- 招商引资服务中心 ------------------------------------------------------
    ItemSpec(
        key="ruyuan",
        name="企业入园申请",
        department="fuwu",
        kind="public_service",
        summary="拟进入桂花树工业园、四合工业园的企业提出入园申请，服务中心组织审核并安排项目选址。",
        topics=("kaiban", "jianshe"),
        events=("sheli", "touzi"),
        legal_basis="《湖北省经济技术开发区条例》；来凤经济开发区企业入园办事指南和流程图",
        conditions=(
            "项目符合国家产业政策和开发区产业定位",
            "已与开发区达成投资意向",
            "项目用地、能耗和环保条件符合园区规划",
        ),
        materials=(
            _apply("企业入园申请表"),
            LICENCE,
            MaterialSpec("项目立项报告或可行性研究报告", ORIGINAL, copies=2),
            MaterialSpec("投资合同或合作协议及公司章程", COPY),
            PROXY,
        ),
        steps=(
            ("受理", WINDOW, 0),
            ("项目审核", "招商发展分局", 3),
            ("会商选址", "国土建设分局", 2),
            ("签订入园协议", "招商引资服务中心", 1),
        ),
        statutory_days=15,
        promised_days=7,
        form_fields=("项目名称", "投资总额", "拟建设地点", "主要产品及产能", "用地需求", "用工计划"),
        faqs=(
            ("入园申请需要本人到场吗？", "不需要。可委托经办人办理，提交授权委托书和经办人身份证即可。"),
            (
                "入园后谁来跟进项目？",
                "开发区实行“四个一”工作机制：一个项目配一名责任领导、一名责任人，备一套工作方案。",
            ),
        ),
        place=HALL,
    ),
    ItemSpec(
        key="kaiban-bangban",
        name="企业开办帮办代办",
        department="fuwu",
        kind="public_service",
        summary="服务中心工作专班免费帮助新办企业办理设立登记、刻制印章、申领发票和社保登记。",
        topics=("kaiban",),
        events=("sheli",),
        legal_basis="《优化营商环境条例》第十九条；开发区“一站式”办公、“一条龙”服务工作制度",
        conditions=("在开发区内新设立企业", "企业名称已自主申报"),
        materials=(
            _apply("企业开办帮办代办委托书"),
            MaterialSpec("公司章程", ORIGINAL),
            MaterialSpec("全体股东身份证明", COPY),
            MaterialSpec("住所使用证明", COPY, note="租赁厂房的提交租赁合同"),
        ),
        steps=(("受理", WINDOW, 0), ("材料预审", "帮办专员", 1), ("代办登记", "工作专班", 1), ("交付证照", WINDOW, 0)),
        statutory_days=5,
        promised_days=2,
        form_fields=("拟设企业名称", "企业类型", "注册资本", "经营范围", "代办事项"),
        faqs=(("帮办代办收费吗？", "不收费。帮办代办是开发区为企业提供的免费服务。"),),
        place=HALL,
    ),
    ItemSpec(
        key="xukezheng-daiban",
        name="许可证件代办",
        department="fuwu",
        kind="public_service",
        summary="工作专班协助招商引资企业向县直有关部门办理各种许可证件。",
        topics=("kaiban", "jianshe"),
        events=("touzi", "jingying"),
        legal_basis="《优化营商环境条例》；开发区招商引资服务中心工作职能",
        conditions=("开发区招商引资企业", "所办许可证件的申请条件已具备"),
        materials=(_apply("许可证件代办委托书"), LICENCE, MaterialSpec("所办许可证件要求的申请材料", ORIGINAL)),
        steps=(("受理", WINDOW, 0), ("梳理材料", "帮办专员", 1), ("送件跟办", "工作专班", 3), ("交付证件", WINDOW, 0)),
        statutory_days=10,
        promised_days=5,
        form_fields=("代办许可证件名称", "发证部门", "办理期限要求"),
        place=HALL,
    ),
    ItemSpec(
        key="changfang",
        name="标准厂房租赁申请",
        department="fuwu",
        kind="public_service",
        summary="入园企业申请租用开发区标准厂房，拎包入驻、尽快投产。",
        topics=("jianshe",),
        events=("touzi",),
        legal_basis="《中华人民共和国民法典》合同编；开发区标准厂房租赁管理办法（演示）",
        conditions=("已签订入园协议的企业", "生产项目不产生重大污染"),
        materials=(_apply("标准厂房租赁申请表"), LICENCE, MaterialSpec("生产工艺说明", ORIGINAL)),
        steps=(("受理", WINDOW, 0), ("现场踏勘", "招商引资服务中心", 2), ("签订租赁合同", "招商引资服务中心", 1)),
        statutory_days=10,
        promised_days=5,
        form_fields=("拟租厂房位置", "租用面积", "租赁期限", "生产项目简介"),
        fee=("按租赁合同约定的租金标准缴纳", "开发区标准厂房租赁管理办法（演示）"),
        place=HALL,
    ),
    ItemSpec(
        key="rencai-gongyu",
        name="人才公寓入住申请",
        department="fuwu",
        kind="public_service",
        summary="园区企业引进的专业技术人才和管理人才申请入住开发区人才公寓。",
        topics=("rencai",),
        events=("yonggong",),
        legal_basis="开发区人才引进优惠政策（演示）",
        conditions=("与园区企业签订劳动合同", "在来凤县城无自有住房"),
        materials=(
            _apply("人才公寓入住申请表"),
            MaterialSpec("劳动合同", COPY),
            MaterialSpec("学历或职称证书", COPY),
            MaterialSpec("本人身份证", COPY),
        ),
        steps=(
            ("受理", WINDOW, 0),
            ("资格审核", "招商引资服务中心", 3),
            ("公示", "招商引资服务中心", 1),
            ("分配入住", WINDOW, 1),
        ),
        statutory_days=10,
        promised_days=5,
        form_fields=("申请人姓名", "工作单位", "学历或职称", "入住人数"),
        place=HALL,
    ),
    ItemSpec(
        key="yonggong",
        name="企业用工招聘服务",
        department="fuwu",
        kind="public_service",
        summary="发布园区企业招聘信息，组织用工对接会，帮助企业招到工人和技术人员。",
        topics=("rencai",),
        events=("yonggong",),
        legal_basis="《中华人民共和国就业促进法》；《人力资源市场暂行条例》",
        conditions=("园区内依法登记的企业", "招聘信息真实合法，不含歧视性内容"),
        materials=(_apply("企业招聘信息登记表"), LICENCE),
        steps=(("受理", WINDOW, 0), ("审核信息", "招商引资服务中心", 1), ("发布", "招商引资服务中心", 1)),
        statutory_days=5,
        promised_days=2,
        form_fields=("招聘岗位", "招聘人数", "岗位要求", "薪酬待遇"),
        faqs=(("招聘信息在哪里发布？", "在开发区人才网“招聘信息”栏目发布，并在用工对接会上推介。"),),
        place=HALL,
    ),
    ItemSpec(
        key="shesui-bangban",
        name="涉税事项帮办",
        department="fuwu",
        kind="public_service",
        summary="帮助新办企业办理税务信息确认、发票申领和税收优惠备案，讲清楚开发区的财税政策。",
        topics=("kaiban", "shuiwu"),
        events=("sheli", "jingying"),
        legal_basis="《中华人民共和国税收征收管理法》；《优化营商环境条例》",
        conditions=("在开发区内登记的企业",),
        materials=(_apply("涉税事项帮办委托书"), LICENCE, MaterialSpec("财务负责人和办税人员身份证", COPY)),
        steps=(("受理", WINDOW, 0), ("预审材料", "帮办专员", 1), ("陪同办理", "工作专班", 1)),
        statutory_days=5,
        promised_days=2,
        form_fields=("帮办事项", "财务负责人", "办税人员"),
        place=HALL,
    ),
    ItemSpec(
        key="susu",
        name="企业诉求受理",
        department="fuwu",
        kind="public_service",
        summary="园区企业在征地、基础设施、生产加工和产品销售中遇到的困难，由服务中心受理并协调解决。",
        topics=("kaiban", "jianshe"),
        events=("jingying", "fazhan"),
        legal_basis="《优化营商环境条例》第五十七条",
        conditions=("开发区内的企业",),
        materials=(_apply("企业诉求登记表"), MaterialSpec("反映问题的相关证明材料", COPY, required=False)),
        steps=(
            ("登记", WINDOW, 0),
            ("交办", "招商引资服务中心", 1),
            ("协调办理", "责任部门", 5),
            ("回访", "招商引资服务中心", 1),
        ),
        statutory_days=15,
        promised_days=10,
        form_fields=("诉求类别", "诉求内容", "希望解决的时间"),
        faqs=(("诉求办理结果怎么告知？", "办结后由服务中心电话回访，企业可对办理结果作出评价。"),),
        place=HALL,
    ),
    # ---- 招商发展分局 ----------------------------------------------------------
    ItemSpec(
        key="xiangmu-beian",
        name="企业投资项目备案",
        department="zhaoshang",
        kind="filing",
        summary="在开发区内投资建设的、不需核准的企业投资项目，开工建设前通过在线平台备案。",
        topics=("jianshe",),
        events=("touzi",),
        legal_basis="《企业投资项目核准和备案管理条例》第三条、第十三条；《企业投资项目核准和备案管理办法》",
        conditions=("项目不在政府核准的投资项目目录内", "项目符合国家产业政策"),
        materials=(
            _apply("企业投资项目备案信息表"),
            LICENCE,
            MaterialSpec("项目情况说明", ORIGINAL, note="含建设地点、规模、内容和总投资"),
        ),
        steps=(("告知备案信息", WINDOW, 0), ("信息核对", "招商发展分局", 1), ("出具备案证明", "招商发展分局", 0)),
        statutory_days=5,
        promised_days=1,
        form_fields=("项目名称", "建设地点", "建设规模和内容", "项目总投资", "计划开工时间"),
        faqs=(
            (
                "备案后项目内容变了怎么办？",
                "项目法人发生变化，或建设地点、规模、内容发生重大变更的，应及时告知并修改备案信息。",
            ),
        ),
        online_url="https://tzxm.hubei.gov.cn/",
    ),
    ItemSpec(
        key="xiangmu-hezhun",
        name="企业投资项目核准初审转报",
        department="zhaoshang",
        kind="license",
        summary="列入核准目录的企业投资项目，由分局初审后转报有核准权的部门。",
        topics=("jianshe",),
        events=("touzi",),
        legal_basis="《中华人民共和国行政许可法》；《企业投资项目核准和备案管理条例》第六条至第十二条",
        conditions=("项目列入政府核准的投资项目目录", "已取得用地预审和选址意见"),
        materials=(
            _apply("企业投资项目核准申请表"),
            MaterialSpec("项目申请报告", ORIGINAL, copies=3),
            MaterialSpec("用地预审与选址意见书", COPY),
            LICENCE,
        ),
        steps=_steps("初审", "招商发展分局", 5, "转报", "招商发展分局"),
        statutory_days=20,
        promised_days=10,
        form_fields=("项目名称", "建设地点", "建设规模和内容", "项目总投资", "核准机关"),
    ),
    ItemSpec(
        key="waishang",
        name="外商投资企业设立帮办",
        department="zhaoshang",
        kind="public_service",
        summary="外国投资者在开发区设立企业的，分局帮助办理登记和投资信息报告。",
        topics=("kaiban",),
        events=("sheli",),
        legal_basis="《中华人民共和国外商投资法》第三十四条；《外商投资信息报告办法》",
        conditions=("外国投资者拟在开发区投资设立企业",),
        materials=(
            _apply("外商投资企业设立帮办申请表"),
            MaterialSpec("外国投资者主体资格证明", BOTH, note="经公证认证"),
            MaterialSpec("公司章程", ORIGINAL),
        ),
        steps=(("受理", WINDOW, 0), ("材料辅导", "招商发展分局", 2), ("陪同登记与报告", "招商发展分局", 1)),
        statutory_days=10,
        promised_days=3,
        form_fields=("外国投资者名称", "国别或地区", "拟设企业名称", "投资总额"),
    ),
    ItemSpec(
        key="ruqu-shenhe",
        name="进区投资项目准入审核",
        department="zhaoshang",
        kind="other",
        summary="按规定权限审核进区投资项目的立项报告、可行性研究报告和合同章程。",
        topics=("jianshe",),
        events=("touzi",),
        legal_basis="《湖北省经济技术开发区条例》；来凤经济开发区管委会工作职能",
        conditions=("已提出入园申请", "项目投资强度和产出符合园区要求"),
        materials=(
            _apply("进区投资项目审核申请表"),
            MaterialSpec("项目立项报告", ORIGINAL),
            MaterialSpec("可行性研究报告", ORIGINAL, copies=2),
            MaterialSpec("合同章程", COPY),
        ),
        steps=_steps("审查", "招商发展分局", 5),
        statutory_days=20,
        promised_days=7,
        form_fields=("项目名称", "投资方", "项目总投资", "用地面积", "预计年产值"),
    ),
    ItemSpec(
        key="sigeyi",
        name="重点项目“四个一”服务",
        department="zhaoshang",
        kind="public_service",
        summary="重点项目确定一名责任领导、一名责任人，备一套工作方案，全程跟踪服务。",
        topics=("jianshe",),
        events=("touzi",),
        legal_basis="开发区项目服务“四个一”工作机制",
        conditions=("已签约的重点招商项目",),
        materials=(_apply("重点项目服务申请表"), MaterialSpec("投资合同", COPY)),
        steps=(("登记", WINDOW, 0), ("确定责任领导和责任人", "管委会", 2), ("制定工作方案", "招商发展分局", 3)),
        statutory_days=10,
        promised_days=5,
        form_fields=("项目名称", "签约时间", "需协调解决的问题"),
    ),
    ItemSpec(
        key="gaoqi",
        name="高新技术企业认定申报推荐",
        department="zhaoshang",
        kind="public_service",
        summary="组织园区企业申报高新技术企业，审核推荐材料。",
        topics=("keji", "shuiwu"),
        events=("fazhan",),
        legal_basis="《高新技术企业认定管理办法》；《高新技术企业认定管理工作指引》",
        conditions=("在开发区注册满一年的居民企业", "拥有核心自主知识产权"),
        materials=(
            _apply("高新技术企业认定申请书"),
            MaterialSpec("知识产权证书", COPY),
            MaterialSpec("近三个会计年度财务审计报告", ORIGINAL),
            MaterialSpec("研究开发费用专项审计报告", ORIGINAL),
        ),
        steps=(("受理", WINDOW, 0), ("材料审核", "招商发展分局", 5), ("推荐上报", "招商发展分局", 1)),
        statutory_days=15,
        promised_days=10,
        form_fields=("技术领域", "核心知识产权", "研发人员情况", "高新技术产品收入"),
    ),
    ItemSpec(
        key="keji-xiangmu",
        name="科技项目申报",
        department="zhaoshang",
        kind="public_service",
        summary="组织园区企业申报各级科技计划项目，开展评审和推荐。",
        topics=("keji",),
        events=("fazhan",),
        legal_basis="《中华人民共和国科学技术进步法》；开发区科技发展规划",
        conditions=("园区内依法登记的企业", "项目有明确的技术创新内容"),
        materials=(_apply("科技项目申报书"), MaterialSpec("项目可行性研究报告", ORIGINAL), LICENCE),
        steps=(("受理", WINDOW, 0), ("组织评审", "招商发展分局", 5), ("推荐申报", "招商发展分局", 1)),
        statutory_days=20,
        promised_days=10,
        form_fields=("项目名称", "技术领域", "项目内容", "预期成果"),
    ),
    ItemSpec(
        key="xinchanpin",
        name="新产品开发计划申报",
        department="zhaoshang",
        kind="public_service",
        summary="园区企业的新产品开发项目纳入开发区新产品开发计划。",
        topics=("keji",),
        events=("fazhan",),
        legal_basis="来凤经济开发区招商发展分局工作职能",
        conditions=("园区内的工业企业",),
        materials=(_apply("新产品开发计划申报表"), MaterialSpec("新产品技术说明", ORIGINAL)),
        steps=(("受理", WINDOW, 0), ("审核汇总", "招商发展分局", 3), ("列入计划", "招商发展分局", 1)),
        statutory_days=10,
        promised_days=5,
        form_fields=("新产品名称", "技术来源", "计划投产时间"),
    ),
    ItemSpec(
        key="anquan-santongshi",
        name="建设项目安全设施“三同时”备案",
        department="zhaoshang",
        kind="filing",
        summary="生产经营单位新建、改建、扩建项目的安全设施与主体工程同时设计、同时施工、同时投入使用的备案。",
        topics=("huanbao", "jianshe"),
        events=("touzi",),
        legal_basis="《中华人民共和国安全生产法》第三十一条；《建设项目安全设施“三同时”监督管理办法》",
        conditions=("生产经营单位的新建、改建、扩建工程项目",),
        materials=(
            _apply("建设项目安全设施“三同时”备案表"),
            MaterialSpec("安全预评价报告", ORIGINAL),
            MaterialSpec("安全设施设计", ORIGINAL),
        ),
        steps=(("受理", WINDOW, 0), ("审查", "招商发展分局", 3), ("备案", "招商发展分局", 1)),
        statutory_days=10,
        promised_days=5,
        form_fields=("项目名称", "建设性质", "主要危险有害因素", "安全设施投资"),
    ),
    ItemSpec(
        key="tongji",
        name="规模以上企业统计数据报送辅导",
        department="zhaoshang",
        kind="public_service",
        summary="辅导园区规模以上企业按时、如实报送统计数据。",
        topics=("shuiwu",),
        events=("jingying",),
        legal_basis="《中华人民共和国统计法》第七条",
        conditions=("开发区内的规模以上工业企业",),
        materials=(_apply("统计数据报送辅导申请表"), MaterialSpec("统计人员身份证", COPY)),
        steps=(("登记", WINDOW, 0), ("上门辅导", "招商发展分局", 2)),
        statutory_days=5,
        promised_days=3,
        form_fields=("统计人员", "报送内容", "希望辅导时间"),
    ),
    # ---- 国土建设分局 ----------------------------------------------------------
    ItemSpec(
        key="yongdi-yushen",
        name="建设项目用地预审",
        department="guotu",
        kind="license",
        summary="建设项目在审批、核准、备案阶段，对涉及的土地利用事项进行审查。",
        topics=("tudi", "jianshe"),
        events=("touzi",),
        legal_basis="《中华人民共和国土地管理法》第五十二条；《建设项目用地预审管理办法》",
        conditions=("项目符合土地利用总体规划", "用地规模符合土地使用标准"),
        materials=(
            _apply("建设项目用地预审申请表"),
            MaterialSpec("建设项目用地预审申请报告", ORIGINAL),
            MaterialSpec("项目建设依据", COPY, note="备案证明或核准文件"),
            MaterialSpec("标注项目用地范围的土地利用总体规划图", ORIGINAL),
        ),
        steps=_steps("审查", "国土建设分局", 10, "出具预审意见", "国土建设分局"),
        statutory_days=20,
        promised_days=12,
        form_fields=("项目名称", "建设地点", "拟用地面积", "用地类型"),
    ),
    ItemSpec(
        key="tudi-churang",
        name="国有建设用地使用权出让",
        department="guotu",
        kind="other",
        summary="工业用地以招标、拍卖、挂牌方式出让国有建设用地使用权，签订出让合同。",
        topics=("tudi",),
        events=("touzi",),
        legal_basis="《中华人民共和国土地管理法》；《中华人民共和国城镇国有土地使用权出让和转让暂行条例》；"
        "《招标拍卖挂牌出让国有建设用地使用权规定》",
        conditions=("宗地已完成征收和供地准备", "竞买人符合出让公告的条件"),
        materials=(
            _apply("竞买申请书"),
            LICENCE,
            MaterialSpec("竞买保证金缴纳凭证", COPY),
            ID_CARD,
        ),
        steps=(
            ("发布出让公告", "国土建设分局", 0),
            ("受理竞买申请", WINDOW, 0),
            ("组织出让", "国土建设分局", 3),
            ("签订出让合同", "国土建设分局", 2),
        ),
        statutory_days=30,
        promised_days=10,
        form_fields=("宗地编号", "竞买人", "竞买方式"),
        fee=(
            "土地出让价款按成交价和出让合同约定缴纳",
            "《中华人民共和国城镇国有土地使用权出让和转让暂行条例》第十四条",
        ),
        faqs=(("出让价款可以分期缴纳吗？", "按出让合同约定执行。合同约定分期缴纳的，按约定的期限和金额缴纳。"),),
    ),
    ItemSpec(
        key="tudi-zhuanrang",
        name="国有土地使用权转让审核",
        department="guotu",
        kind="other",
        summary="园区企业转让已取得的国有土地使用权前，审核是否符合出让合同约定的条件。",
        topics=("tudi",),
        events=("fazhan",),
        legal_basis="《中华人民共和国城镇国有土地使用权出让和转让暂行条例》第十九条至第二十七条",
        conditions=("已按出让合同支付全部土地使用权出让金", "已按合同约定进行投资开发"),
        materials=(
            _apply("国有土地使用权转让申请表"),
            MaterialSpec("土地使用权证明", COPY),
            MaterialSpec("转让合同", ORIGINAL),
        ),
        steps=_steps("审核", "国土建设分局", 5),
        statutory_days=20,
        promised_days=10,
        form_fields=("宗地位置", "土地面积", "受让方", "转让价格"),
    ),
    ItemSpec(
        key="linshi-yongdi",
        name="临时用地审批",
        department="guotu",
        kind="license",
        summary="建设项目施工和地质勘查需要临时使用土地的审批。",
        topics=("tudi", "jianshe"),
        events=("touzi",),
        legal_basis="《中华人民共和国土地管理法》第五十七条；《中华人民共和国土地管理法实施条例》",
        conditions=("临时使用期限一般不超过两年", "不得修建永久性建筑物"),
        materials=(
            _apply("临时用地申请表"),
            MaterialSpec("临时使用土地合同", ORIGINAL),
            MaterialSpec("土地复垦方案", ORIGINAL),
        ),
        steps=_steps("审查", "国土建设分局", 5),
        statutory_days=20,
        promised_days=8,
        form_fields=("用地位置", "用地面积", "使用期限", "用途"),
    ),
    ItemSpec(
        key="guihua-xuke",
        name="建设工程规划许可初审",
        department="guotu",
        kind="license",
        summary="园区内建设建筑物、构筑物和其他工程，申请建设工程规划许可证前的初审。",
        topics=("tudi", "jianshe"),
        events=("touzi",),
        legal_basis="《中华人民共和国城乡规划法》第四十条",
        conditions=("已取得土地使用权证明", "设计方案符合控制性详细规划和规划条件"),
        materials=(
            _apply("建设工程规划许可申请表"),
            MaterialSpec("土地使用权证明", COPY),
            MaterialSpec("建设工程设计方案", ORIGINAL, copies=2),
        ),
        steps=_steps("审查设计方案", "国土建设分局", 7, "出具初审意见"),
        statutory_days=20,
        promised_days=10,
        form_fields=("工程名称", "建设位置", "建筑面积", "建筑层数"),
    ),
    ItemSpec(
        key="shigong-xuke",
        name="建筑工程施工许可",
        department="guotu",
        kind="license",
        summary="园区内建筑工程开工前，建设单位申请领取施工许可证。",
        topics=("jianshe",),
        events=("touzi",),
        legal_basis="《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》",
        conditions=(
            "已办理用地批准手续",
            "已取得建设工程规划许可证",
            "已确定施工企业",
            "有满足施工需要的资金安排和施工图纸",
        ),
        materials=(
            _apply("建筑工程施工许可申请表"),
            MaterialSpec("建设工程规划许可证", COPY),
            MaterialSpec("中标通知书或直接发包批准文件", COPY),
            MaterialSpec("施工图设计文件审查合格书", COPY),
            MaterialSpec("建设资金落实承诺书", ORIGINAL),
        ),
        steps=(("受理", WINDOW, 0), ("审查", "国土建设分局", 3), ("发证", "国土建设分局", 1)),
        statutory_days=7,
        promised_days=5,
        form_fields=("工程名称", "建设地址", "建设规模", "施工单位", "合同工期"),
        faqs=(("领取施工许可证后多久必须开工？", "应当自领取之日起三个月内开工；不能按期开工的，应当申请延期。"),),
    ),
    ItemSpec(
        key="zhiliang-jiandu",
        name="工程质量安全监督登记",
        department="guotu",
        kind="other",
        summary="建设单位在领取施工许可证前办理工程质量安全监督手续。",
        topics=("jianshe", "huanbao"),
        events=("touzi",),
        legal_basis="《建设工程质量管理条例》第十三条；《建设工程安全生产管理条例》",
        conditions=("施工、监理单位已确定",),
        materials=(
            _apply("工程质量安全监督登记表"),
            MaterialSpec("施工合同和监理合同", COPY),
            MaterialSpec("施工图设计文件审查合格书", COPY),
        ),
        steps=(("受理", WINDOW, 0), ("审核", "国土建设分局", 2), ("登记", "国土建设分局", 1)),
        statutory_days=5,
        promised_days=3,
        form_fields=("工程名称", "施工单位", "监理单位", "项目负责人"),
    ),
    ItemSpec(
        key="jungong-beian",
        name="房屋建筑工程竣工验收备案",
        department="guotu",
        kind="filing",
        summary="建设单位在工程竣工验收合格后办理竣工验收备案。",
        topics=("jianshe",),
        events=("touzi", "jingying"),
        legal_basis="《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》",
        conditions=("工程已竣工验收合格",),
        materials=(
            _apply("竣工验收备案表"),
            MaterialSpec("工程竣工验收报告", ORIGINAL),
            MaterialSpec("规划、消防、环保等部门出具的认可文件", COPY),
            MaterialSpec("施工单位签署的工程质量保修书", ORIGINAL),
        ),
        steps=(("受理", WINDOW, 0), ("核查", "国土建设分局", 3), ("备案", "国土建设分局", 1)),
        statutory_days=15,
        promised_days=5,
        form_fields=("工程名称", "竣工验收日期", "建设单位", "施工单位"),
    ),
    ItemSpec(
        key="huanping",
        name="建设项目环境影响评价文件审批初审",
        department="guotu",
        kind="license",
        summary="编制环境影响报告书、报告表的建设项目，审批前由分局初审并转报。",
        topics=("huanbao", "jianshe"),
        events=("touzi",),
        legal_basis="《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》",
        conditions=("项目符合园区规划和环保规划", "环境影响评价文件已编制完成"),
        materials=(
            _apply("建设项目环境影响评价文件审批申请表"),
            MaterialSpec("环境影响报告书或报告表", ORIGINAL, copies=2),
            MaterialSpec("环评文件公开说明", ORIGINAL),
        ),
        steps=_steps("技术审查", "国土建设分局", 10, "出具初审意见"),
        statutory_days=30,
        promised_days=15,
        form_fields=("项目名称", "建设地点", "环评文件类型", "主要污染物"),
    ),
    ItemSpec(
        key="daolu-wajue",
        name="城市道路挖掘审批",
        department="guotu",
        kind="license",
        summary="因工程建设需要挖掘开发区道路的审批。",
        topics=("jianshe",),
        events=("touzi", "jingying"),
        legal_basis="《城市道路管理条例》第三十三条",
        conditions=("有经批准的施工方案", "承诺按期恢复原状"),
        materials=(_apply("道路挖掘申请表"), MaterialSpec("施工方案和位置图", ORIGINAL)),
        steps=(("受理", WINDOW, 0), ("现场勘查", "国土建设分局", 2), ("审批", "国土建设分局", 1)),
        statutory_days=10,
        promised_days=3,
        form_fields=("挖掘位置", "挖掘面积", "施工期限"),
        fee=("按道路挖掘修复费标准缴纳", "《城市道路管理条例》第三十三条"),
    ),
    ItemSpec(
        key="guanggao",
        name="户外广告设施设置审核",
        department="guotu",
        kind="license",
        summary="在开发区道路两侧和厂区外设置户外广告设施的审核。",
        topics=("jianshe",),
        events=("jingying",),
        legal_basis="《城市市容和环境卫生管理条例》第十一条",
        conditions=("设置位置符合户外广告设置规划", "设施结构安全"),
        materials=(
            _apply("户外广告设施设置申请表"),
            MaterialSpec("设计效果图", ORIGINAL),
            MaterialSpec("场地使用证明", COPY),
        ),
        steps=_steps("审查", "国土建设分局", 3),
        statutory_days=20,
        promised_days=5,
        form_fields=("设置位置", "广告规格", "设置期限"),
    ),
    ItemSpec(
        key="chaiqian",
        name="房屋征收补偿咨询与签约",
        department="guotu",
        kind="payment",
        summary="开发区范围内房屋征收的补偿政策咨询、补偿协议签订和还建安置。",
        topics=("tudi",),
        events=("touzi",),
        legal_basis="《国有土地上房屋征收与补偿条例》；《中华人民共和国土地管理法》第四十八条",
        conditions=("房屋位于已公告的征收范围内",),
        materials=(
            _apply("房屋征收补偿登记表"),
            MaterialSpec("房屋权属证明", COPY),
            MaterialSpec("被征收人身份证和户口簿", COPY),
        ),
        steps=(("登记", "国土建设分局", 0), ("评估核算", "国土建设分局", 10), ("签订补偿协议", "国土建设分局", 1)),
        statutory_days=30,
        promised_days=15,
        form_fields=("被征收人", "房屋位置", "建筑面积", "安置方式"),
    ),
    # ---- 财政分局 --------------------------------------------------------------
    ItemSpec(
        key="youhui-duixian",
        name="招商引资优惠政策兑现",
        department="caizheng",
        kind="payment",
        summary="按投资合同和开发区招商引资优惠政策，对符合条件的企业兑现奖励（以返代免）。",
        topics=("shuiwu",),
        events=("jingying",),
        legal_basis="开发区招商引资优惠政策；投资合同",
        conditions=("已按投资合同完成投资", "依法纳税、无欠税"),
        materials=(
            _apply("优惠政策兑现申请表"),
            MaterialSpec("投资合同", COPY),
            MaterialSpec("完税证明", ORIGINAL),
            MaterialSpec("银行开户许可或基本存款账户信息", COPY),
        ),
        steps=(("受理", WINDOW, 0), ("审核", "财政分局", 5), ("报管委会审定", "管委会", 3), ("拨付", "财政分局", 2)),
        statutory_days=20,
        promised_days=12,
        form_fields=("投资合同名称", "已完成投资", "申请兑现项目", "收款账户"),
        faqs=(("兑现资金多久到账？", "审定后由财政分局拨付到企业基本存款账户。"),),
    ),
    ItemSpec(
        key="zhuanxiang-zijin",
        name="专项资金项目申报",
        department="caizheng",
        kind="payment",
        summary="园区企业和单位申报上级和开发区安排的专项资金。",
        topics=("shuiwu", "keji"),
        events=("fazhan",),
        legal_basis="《中华人民共和国预算法》；专项资金管理办法",
        conditions=("项目符合专项资金的支持方向", "配套资金已落实"),
        materials=(
            _apply("专项资金项目申报表"),
            MaterialSpec("项目可行性研究报告", ORIGINAL),
            MaterialSpec("配套资金落实证明", ORIGINAL),
        ),
        steps=(("受理", WINDOW, 0), ("评审论证", "财政分局", 7), ("公示", "财政分局", 1), ("下达资金", "财政分局", 2)),
        statutory_days=20,
        promised_days=15,
        form_fields=("项目名称", "申请资金", "配套资金", "绩效目标"),
        faqs=(("专项资金使用后要做什么？", "财政分局对专项资金追踪问效，项目单位按要求报送资金使用和绩效情况。"),),
    ),
    ItemSpec(
        key="feishui",
        name="非税收入缴款",
        department="caizheng",
        kind="public_service",
        summary="在开发区办理的各项行政事业性收费，实行一张卡收费办法，统一缴款。",
        topics=("shuiwu",),
        events=("touzi", "jingying"),
        legal_basis="《政府非税收入管理办法》",
        conditions=("已取得缴款通知",),
        materials=(_apply("非税收入缴款通知书", "由开单部门出具，可下载样表核对"),),
        steps=(("核对缴款信息", WINDOW, 0), ("缴款开票", "财政分局", 0)),
        statutory_days=1,
        promised_days=0,
        form_fields=("缴款项目", "执收单位", "缴款金额"),
    ),
    ItemSpec(
        key="caigou-beian",
        name="政府采购计划备案",
        department="caizheng",
        kind="filing",
        summary="开发区各部门和事业单位使用财政资金采购的，采购前备案采购计划。",
        topics=("shuiwu",),
        events=("jingying",),
        legal_basis="《中华人民共和国政府采购法》第三十三条；《中华人民共和国政府采购法实施条例》",
        conditions=("采购资金已列入预算",),
        materials=(_apply("政府采购计划备案表"), MaterialSpec("采购需求说明", ORIGINAL)),
        steps=(("受理", WINDOW, 0), ("审核", "财政分局", 2), ("备案", "财政分局", 0)),
        statutory_days=5,
        promised_days=2,
        form_fields=("采购项目", "预算金额", "采购方式"),
    ),
    ItemSpec(
        key="guozi-chuzhi",
        name="国有资产处置审批",
        department="caizheng",
        kind="other",
        summary="开发区代管的国有资产出售、出让、报废和对外捐赠的审批。",
        topics=("shuiwu",),
        events=("jingying",),
        legal_basis="《行政事业性国有资产管理条例》",
        conditions=("资产权属清晰", "已履行内部决策程序"),
        materials=(
            _apply("国有资产处置申请表"),
            MaterialSpec("资产清单和评估报告", ORIGINAL),
            MaterialSpec("内部决策文件", COPY),
        ),
        steps=_steps("审核", "财政分局", 7, "审批"),
        statutory_days=20,
        promised_days=10,
        form_fields=("资产名称", "账面价值", "处置方式"),
    ),
    # ---- 管委会办公室 ----------------------------------------------------------
    ItemSpec(
        key="yishenqing-gongkai",
        name="政府信息依申请公开",
        department="bangongshi",
        kind="public_service",
        summary="公民、法人和其他组织向开发区管委会申请获取政府信息。",
        topics=("kaiban",),
        events=("jingying",),
        legal_basis="《中华人民共和国政府信息公开条例》第二十七条、第三十三条",
        conditions=("申请的政府信息由开发区管委会制作或保存",),
        materials=(_apply("政府信息公开申请表"), MaterialSpec("申请人身份证明", COPY)),
        steps=(("登记", "管委会办公室", 0), ("办理", "承办部门", 10), ("答复", "管委会办公室", 1)),
        statutory_days=20,
        promised_days=15,
        form_fields=("申请人", "所需信息的名称或描述", "获取方式"),
        faqs=(("依申请公开要交费吗？", "一般不收费。申请数量、频次明显超过合理范围的，按规定收取信息处理费。"),),
    ),
    ItemSpec(
        key="rencai-rending",
        name="高层次人才认定",
        department="bangongshi",
        kind="confirmation",
        summary="园区企业引进的高层次人才申请认定，享受开发区人才引进优惠政策。",
        topics=("rencai",),
        events=("yonggong", "fazhan"),
        legal_basis="开发区人才引进优惠政策（演示）",
        conditions=("在园区企业全职工作", "具有高级专业技术职称或相当水平"),
        materials=(
            _apply("高层次人才认定申请表"),
            MaterialSpec("劳动合同", COPY),
            MaterialSpec("职称证书或业绩证明", COPY),
        ),
        steps=(
            ("受理", WINDOW, 0),
            ("审核", "管委会办公室", 5),
            ("公示", "管委会办公室", 3),
            ("发证", "管委会办公室", 1),
        ),
        statutory_days=20,
        promised_days=10,
        form_fields=("申请人姓名", "工作单位", "职称或资格", "主要业绩"),
    ),
    ItemSpec(
        key="zhaokao",
        name="开发区工作人员公开招聘报名",
        department="bangongshi",
        kind="public_service",
        summary="开发区工作人员实行聘任、聘用制，通过公开招考、竞争上岗、择优录用。",
        topics=("rencai",),
        events=("yonggong",),
        legal_basis="《事业单位人事管理条例》第八条；开发区公开招聘公告",
        conditions=("符合招聘公告规定的资格条件",),
        materials=(
            _apply("公开招聘报名表"),
            MaterialSpec("本人身份证", COPY),
            MaterialSpec("学历学位证书", COPY),
            MaterialSpec("近期免冠照片", ORIGINAL, copies=2),
        ),
        steps=(
            ("报名", "管委会办公室", 0),
            ("资格审查", "管委会办公室", 3),
            ("考试考察", "管委会办公室", 5),
            ("公示聘用", "管委会办公室", 2),
        ),
        statutory_days=15,
        promised_days=10,
        form_fields=("姓名", "报考岗位", "学历", "工作经历"),
        place="开发区管委会办公楼一楼（演示地址）",
    ),
]


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    yes_items: tuple[str, ...]  # keys of the items needed only when the answer is 是
    no_items: tuple[str, ...] = ()  # … only when it is 否
    help_text: str = ""


@dataclass(frozen=True)
class JourneySpec:
    slug: str
    title: str
    summary: str
    department: str
    stages: tuple[tuple[str, str], ...]  # (item key, note)
    questions: tuple[QuestionSpec, ...] = field(default=())


JOURNEYS = [
    JourneySpec(
        slug="qiye-ruyuan",
        title="企业入园“一件事”",
        summary="按开发区企业入园办事指南，从投资咨询到竣工投产：先签入园协议，再办项目、用地和建设手续。"
        "一个项目配一名责任领导、一名责任人，备一套工作方案。",
        department="fuwu",
        stages=(
            ("ruyuan", "投资咨询与项目洽谈后提交入园申请"),
            ("ruqu-shenhe", "按规定权限审批进区的投资项目"),
            ("sigeyi", "落实“四个一”"),
            ("changfang", "租用标准厂房的，不再办理用地手续"),
            ("yongdi-yushen", "会同有关部门办理项目建设和征地审核报批手续"),
            ("tudi-churang", ""),
            ("xukezheng-daiban", "工作专班协助办理各种许可证件"),
            ("shigong-xuke", "开工建设"),
            ("jungong-beian", "竣工投产"),
        ),
        questions=(
            QuestionSpec(
                "是否租用开发区标准厂房？",
                ("changfang",),
                ("yongdi-yushen", "tudi-churang", "shigong-xuke", "jungong-beian"),
                "租用标准厂房的项目不需要新征用地，也不自建厂房。",
            ),
        ),
    ),
    JourneySpec(
        slug="kaiban-qiye",
        title="开办企业“一件事”",
        summary="在开发区开办一家企业：登记、涉税事项、招聘员工，帮办代办一次办好。",
        department="fuwu",
        stages=(
            ("kaiban-bangban", "设立登记、刻制印章、申领发票和社保登记一并代办"),
            ("waishang", ""),
            ("shesui-bangban", ""),
            ("yonggong", "需要招工的，发布招聘信息"),
        ),
        questions=(
            QuestionSpec("是否为外国投资者投资设立的企业？", ("waishang",)),
            QuestionSpec("开办后是否马上需要招聘员工？", ("yonggong",)),
        ),
    ),
    JourneySpec(
        slug="xiangmu-luodi",
        title="项目落地“一件事”",
        summary="企业投资项目从备案到竣工验收：项目、用地、规划、环评和施工手续按顺序办理。",
        department="zhaoshang",
        stages=(
            ("xiangmu-beian", "不在核准目录内的项目办理备案"),
            ("xiangmu-hezhun", "列入核准目录的项目办理核准"),
            ("yongdi-yushen", ""),
            ("tudi-churang", ""),
            ("huanping", ""),
            ("guihua-xuke", ""),
            ("anquan-santongshi", ""),
            ("zhiliang-jiandu", "领取施工许可证前办理"),
            ("shigong-xuke", ""),
            ("jungong-beian", ""),
        ),
        questions=(
            QuestionSpec(
                "项目是否列入政府核准的投资项目目录？",
                ("xiangmu-hezhun",),
                ("xiangmu-beian",),
                "列入目录的办理核准，不在目录内的办理备案。",
            ),
            QuestionSpec("项目是否需要新征用地？", ("yongdi-yushen", "tudi-churang")),
            QuestionSpec(
                "项目是否需要编制环境影响报告书或报告表？",
                ("huanping",),
                (),
                "只需填报环境影响登记表的项目不需要审批。",
            ),
        ),
    ),
    JourneySpec(
        slug="rencai-yinjin",
        title="引进人才“一件事”",
        summary="园区企业招人才、留人才：发布招聘信息，认定高层次人才，安排人才公寓。",
        department="bangongshi",
        stages=(("yonggong", ""), ("rencai-rending", ""), ("rencai-gongyu", "")),
        questions=(
            QuestionSpec("引进的人才是否具有高级专业技术职称或相当水平？", ("rencai-rending",)),
            QuestionSpec("人才在来凤县城是否已有自有住房？", (), ("rencai-gongyu",)),
        ),
    ),
]


def texts() -> list[tuple[str, str]]:
    """Every text the 办事指南 demo shows or writes into a form, as (where, text), for the figure check."""
    shown = [(PAGE_TITLE, f"{PAGE_TITLE} {PAGE_INTRO}")]
    shown.append(("主题", " ".join(name for _slug, name in (*TOPICS, *LIFE_EVENTS))))
    shown.append(("表格", " ".join([*APPLICANT_FIELDS, *SAMPLE_VALUES.values(), SAMPLE_FILLER, WINDOW, HALL])))
    for spec in ITEMS:
        parts = [spec.name, spec.summary, spec.legal_basis, *spec.conditions, *spec.form_fields, spec.place]
        parts += [f"{material.name} {material.note}" for material in spec.materials]
        parts += [f"{name} {handler}" for name, handler, _days in spec.steps]
        parts += [text for pair in spec.faqs for text in pair]
        parts += list(spec.fee or ())
        shown.append((spec.name, " ".join(parts)))
    for journey in JOURNEYS:
        parts = [journey.title, journey.summary, *(note for _key, note in journey.stages)]
        parts += [f"{question.text} {question.help_text}" for question in journey.questions]
        shown.append((journey.title, " ".join(parts)))
    return shown
