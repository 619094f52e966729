"""信息公开 of the demo: the guide of 来凤经济开发区管委会, the 2025 annual report's narrative, and the demo's
requests for information (依申请公开) — written for the demo in our own words; every person and company is made up.

Requests of 2025 have fixed dates (the annual report's table counts them); the recent ones are placed a
number of working days before the day the demo is loaded, so one is always overdue, one near its deadline,
one waiting for a correction and one for a third party's opinion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAGE_TITLE = "信息公开"
PAGE_SLUG = "xinxigongkai"
PAGE_INTRO = "来凤经济开发区管委会政府信息公开指南、公开目录、年度报告和依申请公开。"
PAGE_KEYWORDS = "信息公开,公开指南,依申请公开,年度报告"

#: The guide as (kind, text): "heading" or "paragraph" blocks of the page's body.
GUIDE: tuple[tuple[str, str], ...] = (
    ("heading", "一、主动公开"),
    (
        "paragraph",
        "管委会主动公开机构设置、部门职能、政策文件、政策解读、财政信息、招商引资和项目建设等政府信息，"
        "主要通过本网站“政务公开”各栏目发布，并在管委会办事大厅设置查阅点。信息形成或变更之日起及时公开，"
        "公开目录按类别编排，可在本页“公开目录”中查看。",
    ),
    ("heading", "二、依申请公开"),
    (
        "paragraph",
        "公民、法人或者其他组织可以向管委会申请获取主动公开以外的政府信息。申请请通过本页“依申请公开”在线提交，"
        "也可以填写申请表后邮寄或当面递交至管委会办公室。申请时请写明姓名或名称、身份证明、联系方式，"
        "所需信息的名称、文号或便于查找的其他描述，以及希望的提供形式和获取方式。",
    ),
    (
        "paragraph",
        "管委会自收到申请之日起20个工作日内答复。申请内容不明确的，一次性告知补正，答复期限自收到补正之日起计算；"
        "申请人应在15个工作日内补正，无正当理由逾期不补正的，视为放弃申请。需要征求第三方意见的，征求意见的时间"
        "不计算在答复期限内。确需延长答复期限的，经管委会负责人同意并告知申请人，延长的期限最长不超过20个工作日。",
    ),
    (
        "paragraph",
        "答复分为予以公开、部分公开、不予公开、信息不存在和非本机关负责五类；部分公开和不予公开的写明理由和依据，"
        "非本机关负责的告知负责公开该信息的机关。提交申请后凭申请编号和查询码可随时查询办理进度、提交补正和查看答复。",
    ),
    ("heading", "三、受理机构"),
    (
        "paragraph",
        "管委会办公室负责政府信息公开的日常工作，受理时间为工作日上午8:30至11:30、下午2:30至5:30，"
        "联系电话0718-0000001。申请人认为在政府信息公开工作中合法权益受到侵犯的，可以向上一级机关投诉、举报，"
        "也可以依法申请行政复议或者提起行政诉讼。",
    ),
)

#: The 2025 annual report's narrative: (总体情况, 主动公开情况, 存在的问题及改进情况), one paragraph a line.
REPORT_YEAR = 2025
REPORT_SUMMARY = (
    "2025年，管委会坚持以公开为常态、不公开为例外，围绕园区建设、招商引资和惠企政策做好政府信息公开工作，"
    "依申请公开做到登记、办理、答复全程留痕，按期答复。\n"
    "管委会办公室负责信息公开的日常工作，各分局明确专人报送本部门信息，信息发布实行先审后发。"
)
REPORT_PROACTIVE = (
    "通过门户网站“政务公开”专栏主动公开机构职能、政策文件、政策解读和财政信息，"
    "及时更新开发区动态、招商项目和办事指南，重要政策同步发布解读。"
)
REPORT_PROBLEMS = (
    "部分栏目更新不够及时，政策解读形式较单一。下一步将建立栏目更新提醒，增加图解和问答式解读，"
    "进一步规范依申请公开的登记和答复文书。"
)


@dataclass(frozen=True)
class RequestSpec:
    """One demo request: who asks what, when it came, and the steps taken on it.

    ``received`` is a date ("2025-03-10") or, for recent requests, ``days_ago`` working days before loading.
    ``steps`` are (step, working days after receipt, arguments) — ``workflow.perform``'s.
    """

    kind: str
    name: str
    description: str
    purpose: str = ""
    organisation: str = ""
    medium: str = "electronic"
    delivery: str = "email"
    received: str = ""
    days_ago: int = 0
    steps: tuple[tuple[str, int, dict], ...] = field(default_factory=tuple)


REGISTER = ("register", 1, {})
OFFICE = "管委会办公室"
REFUSED_BASIS = "《中华人民共和国政府信息公开条例》第十五条：公开后可能损害第三方合法权益的商业秘密，第三方不同意公开。"

REQUESTS: tuple[RequestSpec, ...] = (
    RequestSpec(
        kind="citizen",
        name="向明华",
        description="请公开翔凤工业园二期征地的补偿标准和安置方式。",
        purpose="了解本户征地补偿是否按标准执行",
        received="2025-03-10",
        steps=(
            REGISTER,
            (
                "answer",
                6,
                {"answer_kind": "disclosed", "reply": "征地补偿标准和安置方式见附件所列文件，已通过电子邮件发送。"},
            ),
        ),
    ),
    RequestSpec(
        kind="organisation",
        name="田晓燕",
        organisation="来凤县某某生态农业有限公司（演示）",
        description="请提供开发区与入园企业签订投资协议的范本，以及入园企业享受的用地和税费优惠条件。",
        purpose="企业拟申请入园",
        received="2025-05-19",
        medium="paper",
        delivery="pickup",
        steps=(
            REGISTER,
            ("start_consultation", 3, {"consultation_party": "相关入园企业（演示）"}),
            ("finish_consultation", 8, {"note": "相关企业不同意公开其协议中的价格条款。"}),
            (
                "answer",
                12,
                {
                    "answer_kind": "partial",
                    "legal_basis": REFUSED_BASIS,
                    "reply": "协议范本和优惠条件予以公开；具体企业协议中的价格条款不予公开。",
                },
            ),
        ),
    ),
    RequestSpec(
        kind="citizen",
        name="彭志远",
        description="请公开开发区某道路绿化工程的竣工验收报告。",
        received="2025-07-07",
        steps=(
            REGISTER,
            (
                "answer",
                9,
                {
                    "answer_kind": "nonexistent",
                    "reply": "经检索，该工程由县住建部门组织验收，管委会未制作、获取该报告。",
                },
            ),
        ),
    ),
    RequestSpec(
        kind="citizen",
        name="杨丽",
        description="请公开开发区的相关文件。",
        received="2025-09-22",
        steps=(
            REGISTER,
            ("ask_correction", 2, {"note": "请写明所需文件的名称、文号或内容，以便查找。"}),
            ("lapse", 20, {}),
        ),
    ),
    RequestSpec(
        kind="organisation",
        name="冉建军",
        organisation="来凤县某某建材有限公司（演示）",
        description="请公开开发区标准化厂房租赁的申请条件和租金减免政策。",
        received="2025-11-03",
        steps=(
            REGISTER,
            (
                "answer",
                5,
                {
                    "answer_kind": "disclosed",
                    "reply": "申请条件和租金减免政策已在“政策法规”栏目公开，链接和文件已发送至您的邮箱。",
                },
            ),
        ),
    ),
    RequestSpec(
        kind="citizen",
        name="覃海波",
        description="请公开来凤县城区某地块的土地出让合同。",
        received="2025-12-24",
        delivery="post",
        medium="paper",
        steps=(
            REGISTER,
            (
                "answer",
                8,
                {
                    "answer_kind": "not_ours",
                    "referral": "来凤县自然资源和规划局（演示）",
                    "reply": "该地块不在开发区范围内，所申请信息不属于本机关公开职责，请向负责的机关申请。",
                },
            ),
        ),
    ),
    RequestSpec(
        kind="citizen",
        name="张春梅",
        description="请公开开发区公共租赁住房的申请条件和分配结果。",
        purpose="本人拟申请公租房",
        days_ago=16,
        steps=(REGISTER,),
    ),
    RequestSpec(
        kind="organisation",
        name="黄德胜",
        organisation="来凤县某某物流有限公司（演示）",
        description="请提供开发区物流园规划图和道路建设计划。",
        days_ago=24,
        steps=(REGISTER,),
    ),
    RequestSpec(
        kind="citizen",
        name="李小红",
        description="请公开开发区企业稳岗补贴的发放名单和金额。",
        days_ago=10,
        steps=(REGISTER, ("ask_correction", 3, {"note": "请写明所需补贴名单的年度和补贴项目名称。"})),
    ),
    RequestSpec(
        kind="organisation",
        name="谭明",
        organisation="来凤县某某食品有限公司（演示）",
        description="请公开开发区对某食品企业的环境执法检查记录。",
        days_ago=8,
        steps=(REGISTER, ("start_consultation", 2, {"consultation_party": "被检查企业（演示）"})),
    ),
    RequestSpec(
        kind="citizen",
        name="王建华",
        description="请公开开发区管委会招聘工作人员的笔试和面试成绩。",
        days_ago=1,
    ),
)


def demo_texts():
    """Every text shown, as (where, text), for the figure check."""
    yield PAGE_TITLE, PAGE_INTRO + " ".join(text for _kind, text in GUIDE)
    yield "年度报告", f"{REPORT_YEAR}年 " + REPORT_SUMMARY + REPORT_PROACTIVE + REPORT_PROBLEMS
    for spec in REQUESTS:
        notes = " ".join(str(value) for _step, _days, arguments in spec.steps for value in arguments.values())
        yield spec.name, " ".join((spec.description, spec.purpose, spec.organisation, notes))
