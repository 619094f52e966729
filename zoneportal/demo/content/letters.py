"""The demo's mailboxes and letters (来信): generated demo data, written for the demo in our own words.

Every letter, name and phone number here is invented. Letters carry no figures
(the facts table does not list any for them); dates are set relative to the day
the demo is loaded, so the open letters have sensible deadlines and a few are overdue.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_NOTE = "演示：本信箱中的来信和答复都是生成的演示数据，来信人姓名和联系方式均为虚构。"


@dataclass(frozen=True)
class MailboxSpec:
    slug: str
    name: str
    department: str
    description: str
    categories: tuple[str, ...]
    allows_anonymous: bool = False
    reply_days: int = 5


MAILBOXES = (
    MailboxSpec(
        "zhuren", "主任信箱", "bangongshi",
        "给管委会主任写信：对开发区建设和管理的意见、需要协调解决的问题。",
        ("投资环境", "园区建设", "其他"), reply_days=10,
    ),
    MailboxSpec(
        "tousu", "投诉信箱", "bangongshi",
        "对办事效率、服务态度、乱收费等问题的投诉，由管委会办公室登记后交有关部门办理。",
        ("办事效率", "服务态度", "收费问题"),
    ),
    MailboxSpec(
        "zixun", "咨询", "fuwu",
        "政策、办事流程和招聘用工方面的咨询，由招商引资服务中心答复。",
        ("政策咨询", "办事咨询", "招聘用工"),
    ),
    MailboxSpec(
        "jianyi", "建议", "zhaoshang",
        "对园区规划、公共服务和本网站的建议。",
        ("园区规划", "公共服务", "网站建设"), allows_anonymous=True, reply_days=10,
    ),
    MailboxSpec(
        "jubao", "工作纪律举报", "bangongshi",
        "举报工作人员违反工作纪律、作风不实、吃拿卡要等问题。可以匿名，但署名举报便于核实和反馈。",
        ("工作作风", "廉洁纪律"), allows_anonymous=True, reply_days=15,
    ),
)  # fmt: skip

#: A word that holds a letter for manual review (the demo's one sensitive word).
SENSITIVE_WORDS = ("赌博",)

#: Invented writers; phone numbers are generated from the letter's position (generated demo data).
WRITERS = (
    "王建国", "刘芳", "陈明", "杨丽华", "赵强", "黄晓燕", "周海", "吴静", "徐志刚", "孙莉",
    "马超", "朱红梅", "胡斌", "郭敏", "何勇", "林小琴", "罗军", "高洁", "梁伟", "宋春兰",
)  # fmt: skip


@dataclass(frozen=True)
class LetterSpec:
    """One demo letter and how far it has got.

    ``state`` is one of: published (answered, public; ``rating`` optional, ``archived``
    optional), private (answered, the writer did not agree to publish), reopened,
    pending, held, accepted, processing, overdue, reviewing, rejected, merged.
    """

    mailbox: str
    category: str
    subject: str
    content: str
    state: str
    reply: str = ""
    department: str = ""  # assigned (交办) to another department than the mailbox's
    forwarded_to: str = ""  # forwarded (转办) outside the zone
    rating: str = ""
    archived: bool = False
    anonymous: bool = False
    days_ago: int = 1
    note: str = ""


LETTERS = (
    # ---- answered and published ------------------------------------------------
    LetterSpec(
        "zhuren", "园区建设", "工业园北路夜间路灯不亮",
        "工业园北路靠近标准化厂房一段的路灯已经坏了一段时间，晚上下班的职工骑车经过很不安全，希望尽快修好。",
        "published",
        reply="收到来信后，国土建设分局当天派人到现场查看，确认是线路老化导致整段路灯不亮。施工单位已更换线路和损坏的灯具，"
        "目前北路路灯全部恢复照明。今后我们将把园区路灯纳入每周巡查，发现问题及时维修。感谢您的监督。",
        department="guotu", rating="satisfied", days_ago=58,
    ),
    LetterSpec(
        "zhuren", "投资环境", "外地企业来园区考察，希望有专人对接",
        "我们是一家准备在外地设立加工厂的企业，想到开发区考察选址。请问是否有专人负责接待和介绍园区情况？",
        "published",
        reply="欢迎贵企业来开发区考察。招商发展分局实行项目专人负责制，从考察接待、选址到项目落地，由一名工作人员全程跟踪服务。"
        "请您通过本网站公布的招商发展分局电话预约考察时间，我们将安排专人陪同查看工业园区并介绍有关政策。",
        department="zhaoshang", rating="satisfied", days_ago=96,
    ),
    LetterSpec(
        "tousu", "办事效率", "办理入园手续时材料被多次退回",
        "我公司办理入园登记时，前后几次被告知材料不全，每次只说缺一样，来回跑了好几趟，希望能一次说清楚。",
        "published",
        reply="对给您带来的不便，我们深表歉意。经核查，窗口工作人员没有一次性告知所需材料，已对其批评教育。"
        "服务大厅已把入园登记的材料清单印成告知单放在窗口，并在网站“办事服务”栏目公布，做到一次告知。"
        "您公司的登记手续已于来信次日办结。",
        department="fuwu", rating="basically", days_ago=74,
    ),
    LetterSpec(
        "zixun", "政策咨询", "新入园企业可以享受哪些优惠政策",
        "我们计划在园区新建一个食品加工项目，想了解开发区对新入园企业有哪些优惠政策，需要满足什么条件。",
        "published",
        reply="开发区对新入园企业执行国家、省、州已出台的各项招商引资优惠政策，并对重点项目实行“一事一议”。"
        "具体政策条款和适用条件，请查阅本网站“政策法规”栏目；项目情况不同，适用的政策也不同，"
        "建议携带项目资料到招商引资服务中心当面咨询，我们会帮助您逐项对照。",
        rating="satisfied", days_ago=41,
    ),
    LetterSpec(
        "zixun", "招聘用工", "园区企业招聘信息在哪里可以看到",
        "我刚从外地回乡，想在开发区的企业找一份工作，请问园区企业的招聘信息在哪里发布？",
        "published",
        reply="园区企业的招聘信息统一发布在人才网的“招聘信息”栏目，也会在开发区服务大厅的公告栏张贴。"
        "您也可以到招商引资服务中心登记求职意向，有合适岗位时我们会通知您。欢迎回乡就业。",
        days_ago=33,
    ),
    LetterSpec(
        "jianyi", "公共服务", "建议开通县城到工业园区的公交线路",
        "每天有很多职工从县城到工业园区上班，目前没有公交车，只能自己骑车或拼车，建议开通一条公交线路。",
        "published",
        reply="感谢您的建议。开发区已就开通县城至工业园区公交线路的事项与县交通运输部门协商，"
        "对方已同意将此事纳入公交线路调整方案，目前正在测算线路和班次。线路开通后将在本网站发布通知。",
        forwarded_to="来凤县交通运输局", rating="basically", days_ago=88,
    ),
    LetterSpec(
        "jianyi", "网站建设", "网站的办事指南希望能提供表格下载",
        "在网站上看了入园办事指南，写得很清楚，但是需要填的表格找不到下载的地方，建议加上。",
        "published",
        reply="谢谢您对网站的关注。我们已在“办事服务”栏目的各项办事指南下附上相关表格，可以直接下载填写。"
        "如发现表格缺失或内容有误，欢迎继续来信告诉我们。",
        rating="satisfied", days_ago=27,
    ),
    LetterSpec(
        "zhuren", "园区建设", "施工车辆带泥上路，道路扬尘严重",
        "最近园区东侧有工地在施工，进出的渣土车轮胎带泥，路面全是泥土，晴天扬尘很大，附近企业意见很大。",
        "published",
        reply="接到来信后，国土建设分局会同施工单位进行了现场检查。施工单位已在工地出口设置车辆冲洗设施，"
        "并安排专人清扫路面、定时洒水。我们将加强巡查，对不落实防尘措施的施工单位依规处理。",
        department="guotu", archived=True, rating="satisfied", days_ago=112,
    ),
    LetterSpec(
        "tousu", "服务态度", "窗口工作人员午休时间无人值守",
        "中午去服务大厅办事，窗口没有人，等了很久才有人来，希望中午能安排人员值班。",
        "published",
        reply="您反映的情况属实。服务大厅已实行午间轮流值班制度，工作日中午至少保留一个综合窗口办理业务，"
        "值班安排在大厅门口公示。欢迎您继续监督。",
        department="fuwu", days_ago=19,
    ),
    LetterSpec(
        "zixun", "办事咨询", "企业变更法定代表人需要到哪里办理",
        "我公司注册在开发区，现在需要变更法定代表人，请问需要准备什么材料，到哪个窗口办理？",
        "published",
        reply="企业变更登记由市场监管部门办理，开发区服务大厅设有代办窗口，可以帮助您准备材料并代为递交。"
        "一般需要变更登记申请书、股东会决议和新任法定代表人的身份证明等材料，具体以登记机关的要求为准。"
        "建议您先电话联系服务大厅，我们会把完整的材料清单告诉您。",
        rating="satisfied", days_ago=52,
    ),
    LetterSpec(
        "jianyi", "园区规划", "希望园区规划建设职工生活配套设施",
        "园区企业越来越多，但附近吃饭、购物都不方便，建议在规划中考虑职工食堂、便利店等生活配套。",
        "published",
        reply="您的建议很有价值。开发区在工业园区规划中已预留生活服务用地，下一步将结合企业入驻情况，"
        "引进餐饮、便利店等服务项目，逐步完善职工生活配套。",
        days_ago=67,
    ),
    LetterSpec(
        "zhuren", "投资环境", "企业用电报装时间太长",
        "我公司厂房已经建好，申请新装用电已经很久了还没有通电，影响设备调试，希望管委会帮助协调。",
        "published",
        reply="接到来信后，管委会办公室当即与供电部门进行了协调。供电部门已派人现场查勘，确定了接电方案，"
        "贵公司已经通电。开发区将把企业用电报装纳入“一站式”服务的协调事项，帮助企业缩短等待时间。",
        days_ago=45, archived=True,
    ),
    LetterSpec(
        "tousu", "收费问题", "办理手续时被要求购买指定的资料",
        "在办理一项手续时，工作人员说要买一本指定的资料才能办理，请问这是不是规定的？",
        "published",
        reply="经调查，办理该项手续不需要购买任何资料，工作人员的做法不符合规定。管委会办公室已责令其改正，"
        "并在全区通报批评。开发区严禁在办事过程中搭车收费、指定购买，如再遇到类似情况，请继续举报。",
        rating="satisfied", days_ago=80,
    ),
    LetterSpec(
        "zixun", "政策咨询", "返乡创业有没有扶持政策",
        "我在外地打工多年，想回来在园区附近开一个小型加工厂，请问返乡创业有没有扶持政策？",
        "published",
        reply="县里对返乡创业人员有创业培训、场地支持和贷款贴息等扶持措施，开发区也欢迎小微企业入驻标准化厂房。"
        "具体条件和申请方法，请到人才网“创业服务”栏目查看，或到招商引资服务中心咨询。",
        days_ago=15,
    ),
    LetterSpec(
        "jianyi", "公共服务", "园区主干道路口建议增设交通信号灯",
        "园区主干道和进厂道路交叉的路口车辆多，上下班时间经常堵车，也有安全隐患，建议增设信号灯。",
        "published",
        reply="经与县公安交警部门共同查看，该路口确有增设信号灯的必要。交警部门已将其列入计划，"
        "在信号灯安装前，上下班高峰时段将安排人员疏导交通。",
        forwarded_to="来凤县公安局交通警察大队", days_ago=38,
    ),
    LetterSpec(
        "zhuren", "其他", "希望公开园区企业名录",
        "想了解开发区现在有哪些企业入驻，方便我们开展业务合作，能否在网站上公开企业名录？",
        "published",
        reply="感谢您的建议。招商发展分局正在整理已入驻企业的公开信息，整理完成后将在招商网公布企业名录，"
        "包括企业名称、主营业务和联系方式（经企业同意）。",
        department="zhaoshang", days_ago=23,
    ),
    LetterSpec(
        "tousu", "办事效率", "征地补偿款发放进度慢",
        "我家的承包地被征收用于园区建设，补偿协议早就签了，但补偿款还有一部分没有到账，请帮助查一下。",
        "published",
        reply="财政分局已对您反映的情况进行了核查：您家的补偿款已分批拨付，最后一批因银行账户信息有误被退回。"
        "工作人员已与您电话联系并更正了账户信息，款项已重新拨付到账。给您带来不便，敬请谅解。",
        department="caizheng", rating="basically", days_ago=64,
    ),
    LetterSpec(
        "zixun", "办事咨询", "在园区建厂房需要办理哪些规划手续",
        "我们已经在园区拿到了土地，准备建设厂房，请问需要办理哪些规划和建设手续？",
        "published",
        reply="企业建设厂房一般需要依次办理建设用地规划许可、建设工程规划许可和施工许可等手续。"
        "开发区服务大厅提供全程代办服务，国土建设分局会对设计方案提前给予指导。请您携带土地和项目资料到服务大厅登记，"
        "我们会为您制定办理计划。",
        department="guotu", days_ago=30,
    ),
    LetterSpec(
        "jubao", "工作作风", "工作人员上班时间玩手机游戏",
        "多次在工作时间去办事，看到窗口有工作人员在玩手机游戏，对群众不理不睬。",
        "published",
        reply="经核实，您反映的问题属实。管委会办公室已对相关工作人员进行诫勉谈话并在全区通报，"
        "服务大厅已加强上班纪律检查。感谢您对开发区作风建设的监督。",
        anonymous=True, days_ago=49,
    ),
    LetterSpec(
        "jianyi", "网站建设", "建议网站增加繁体字版本",
        "有港澳台的客商朋友想了解开发区，建议网站提供繁体字浏览。",
        "published",
        reply="谢谢您的建议。本网站已提供繁体字浏览：点击页面顶部的“繁體”即可切换，所有栏目和文章都可以用繁体字阅读。",
        rating="satisfied", days_ago=12,
    ),
    # ---- answered, the writer did not agree to publish --------------------------
    LetterSpec(
        "tousu", "服务态度", "对企业服务专员的服务不满意",
        "我公司的服务专员联系不上，打电话经常不接，有问题不知道找谁。",
        "private",
        reply="已为贵公司调整服务专员，新专员已与您联系并上门了解企业需求。",
        department="zhaoshang", days_ago=20,
    ),
    LetterSpec(
        "zixun", "招聘用工", "企业招聘需要办理什么手续",
        "我们企业准备招一批工人，请问需要到哪里备案，开发区能否帮助组织招聘会？",
        "private",
        reply="企业招聘可以通过人才网免费发布信息；开发区每季度组织一次园区企业招聘会，请到服务中心报名参加。",
        days_ago=9,
    ),
    LetterSpec(
        "zhuren", "其他", "反映厂区周边排水不畅",
        "雨天厂区周边道路积水严重，影响车辆进出，希望疏通排水沟。",
        "private",
        reply="国土建设分局已组织对该路段排水沟进行清淤疏通，并将在雨季前再次检查。",
        department="guotu", days_ago=16,
    ),
    # ---- rated 不满意 and reopened ---------------------------------------------------
    LetterSpec(
        "tousu", "办事效率", "企业投诉夜间施工噪音扰民",
        "园区西侧一家企业晚上加班生产，机器声音很大，附近居民晚上休息不好。",
        "reopened",
        reply="已要求该企业夜间减少高噪声作业。",
        department="guotu", rating="dissatisfied", days_ago=26,
    ),
    # ---- still open ---------------------------------------------------------------
    LetterSpec(
        "zhuren", "投资环境", "希望简化小额项目的审批流程",
        "我们的项目投资不大，但审批流程和大项目一样复杂，建议对小项目简化流程。",
        "pending", days_ago=0,
    ),
    LetterSpec(
        "zixun", "政策咨询", "高新技术企业认定有什么帮助",
        "我公司准备申报高新技术企业，开发区能否在申报材料准备上提供指导？",
        "pending", days_ago=1,
    ),
    LetterSpec(
        "jianyi", "园区规划", "建议在园区设置快递收发点",
        "园区企业和职工收寄快递都要跑到县城，建议在园区设一个快递收发点。",
        "pending", anonymous=True, days_ago=1,
    ),
    LetterSpec(
        "jubao", "廉洁纪律", "反映职工宿舍有人聚众赌博",
        "园区职工宿舍晚上经常有人聚在一起打牌赌博，影响其他职工休息，请有关部门管一管。",
        "held", anonymous=True, days_ago=0,
    ),
    LetterSpec(
        "tousu", "收费问题", "物业管理费收取标准不清楚",
        "标准化厂房的物业费每次收取的金额都不一样，也没有明细，请公开收费标准。",
        "accepted", days_ago=2,
    ),
    LetterSpec(
        "zhuren", "园区建设", "园区绿化带杂草丛生",
        "园区主干道两侧的绿化带很久没有修剪，杂草很高，影响园区形象。",
        "accepted", days_ago=3,
    ),
    LetterSpec(
        "zixun", "办事咨询", "外地员工子女入学怎么办理",
        "我是园区企业的外地员工，孩子想在县城上学，请问需要办理什么手续？",
        "accepted", days_ago=2,
    ),
    LetterSpec(
        "zhuren", "投资环境", "企业融资困难，希望搭建银企对接平台",
        "小企业向银行贷款很难，希望开发区能组织银行和企业对接。",
        "processing", department="caizheng", days_ago=6,
    ),
    LetterSpec(
        "tousu", "办事效率", "不动产登记办理时间长",
        "厂房的不动产登记申请已经交了很久，还没有拿到证书。",
        "processing", department="guotu", days_ago=5,
    ),
    LetterSpec(
        "jianyi", "公共服务", "建议在园区设置职工文体活动场地",
        "园区职工下班后没有活动的地方，建议建设篮球场等文体设施。",
        "processing", days_ago=4,
    ),
    LetterSpec(
        "zhuren", "园区建设", "园区道路破损需要维修",
        "园区南路有几处路面塌陷，大货车经过很危险，请尽快维修。",
        "overdue", department="guotu", days_ago=24,
    ),
    LetterSpec(
        "zixun", "政策咨询", "技能培训补贴如何申请",
        "我们企业组织员工参加技能培训，请问能否申请培训补贴，怎么申请？",
        "reviewing",
        reply="企业组织职工参加技能培训的，可以按规定申请职业培训补贴。请在培训结束后，持培训合格证明和花名册"
        "到县人力资源和社会保障部门申请，开发区服务中心可以帮助准备材料。",
        days_ago=7,
    ),
    LetterSpec(
        "tousu", "服务态度", "咨询电话长期无人接听",
        "服务大厅公布的咨询电话打了很多次都没人接。",
        "reviewing",
        reply="经查，该电话线路出现故障，已经修复。今后将每天检查咨询电话是否畅通。",
        department="fuwu", days_ago=8,
    ),
    LetterSpec(
        "zhuren", "其他", "反映邻里纠纷",
        "我和邻居因为宅基地边界有纠纷，请开发区帮忙处理。",
        "rejected",
        note="您反映的宅基地边界纠纷不属于开发区管委会的职责范围，请向所在乡镇人民政府或人民调解委员会反映。",
        days_ago=11,
    ),
    LetterSpec(
        "jianyi", "网站建设", "测试",
        "测试一下网站的写信功能是否可以使用。",
        "rejected", note="来信内容不是具体的建议，不予受理。欢迎您提出对网站的具体意见。",
        anonymous=True, days_ago=13,
    ),
    LetterSpec(
        "zhuren", "园区建设", "北路路灯又坏了几盏",
        "工业园北路的路灯晚上又有几盏不亮了，请再检查一下。",
        "merged", days_ago=2,
    ),
)  # fmt: skip


def letter_texts() -> list[tuple[str, str]]:
    """Every text of the demo letters, for the figures check (``demo.figures.check``)."""
    texts = [(f"信箱“{m.name}”", f"{m.description} {' '.join(m.categories)}") for m in MAILBOXES]
    texts.append(("信箱说明", DEMO_NOTE))
    for spec in LETTERS:
        texts.append((f"来信“{spec.subject}”", f"{spec.subject} {spec.content} {spec.reply} {spec.note}"))
    return texts
