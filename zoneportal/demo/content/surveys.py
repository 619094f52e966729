"""The demo's surveys (民意调查): the accountability questionnaire and an open poll.

The questionnaire follows the 大冶十中 material's campaign (治庸问责): it handed out
630 questionnaires and set up an opinion box for the public to "pick faults"; the
demo zone runs the same kind of questionnaire on its own offices. Its 630 responses
are generated (``zoneportal.surveys.demo``, a fixed random seed) and marked as such
on the results page; the five written suggestions stand for the 5条 opinions the
material reports. The wording of every question is the demo's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: How many responses the questionnaire gets (治庸问责经验材料: 发放630份问卷调查表).
ACCOUNTABILITY_RESPONSES = 630
#: Seed of the generated answers: the same demo every time.
ANSWER_SEED = 630


@dataclass(frozen=True)
class QuestionSpec:
    kind: str
    text: str
    choices: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    required: bool = True
    section: str = ""
    help_text: str = ""
    min_choices: int | None = None
    max_choices: int | None = None
    show_if: tuple[int, str] | None = None  # (question number, choice)
    #: Relative weights of the choices (or of the scores 1..5, or of the matrix columns) for generated answers.
    weights: tuple[int, ...] = ()


@dataclass(frozen=True)
class SurveySpec:
    slug: str
    title: str
    department: str
    intro: str
    questions: list[QuestionSpec] = field(default_factory=list)
    opens: str = ""  # "2015-09-21 08:00"; empty: opened when the demo is loaded
    closes: str = ""
    responses: int = 0
    suggestions: tuple[str, ...] = ()  # the written answers among the generated responses


DEPARTMENTS_ROWS = ("管委会办公室", "招商发展分局", "财政分局", "国土建设分局", "招商引资服务中心")

ACCOUNTABILITY = SurveySpec(
    slug="zhiyong-wenze-wenjuan",
    title="治庸问责“挑毛病”问卷调查",
    department="bangongshi",
    intro=(
        "为改进机关作风，管委会借鉴大冶十中治庸问责中发放问卷、设置意见箱、请群众“挑毛病”的做法，"
        "请园区企业和群众对管委会及各分局的工作作风提出意见。问卷匿名填写，结果向社会公开。"
    ),
    opens="2015-09-21 08:00",
    closes="2015-10-20 18:00",
    responses=ACCOUNTABILITY_RESPONSES,
    questions=[
        QuestionSpec(
            "single",
            "您的身份是",
            ("园区企业负责人", "园区企业职工", "周边居民", "其他"),
            section="一、基本情况",
            weights=(3, 8, 4, 1),
        ),
        QuestionSpec("single", "最近一年，您是否到管委会或各分局办过事？", ("是", "否"), weights=(3, 2)),
        QuestionSpec(
            "multiple",
            "办事时，您遇到过下列哪些情况？",
            ("来回跑了好几趟", "找不到经办人", "办理时间拖得太长", "说话态度生硬", "没有遇到这些情况"),
            show_if=(2, "是"),
            min_choices=1,
            max_choices=3,
            weights=(5, 3, 4, 2, 6),
        ),
        QuestionSpec(
            "rating",
            "您对机关工作作风的总体评价",
            section="二、作风评价",
            help_text="1分为很不满意，5分为很满意",
            weights=(1, 2, 5, 8, 5),
        ),
        QuestionSpec(
            "matrix", "请分别评价各部门的服务", ("满意", "基本满意", "不满意"), rows=DEPARTMENTS_ROWS, weights=(6, 4, 1)
        ),
        QuestionSpec(
            "ranking",
            "您认为最需要整治的作风问题，请按轻重排序",
            ("庸：本领不够、办事不专业", "懒：推诿拖拉、不愿多办事", "散：纪律松散、迟到早退", "软：遇事不敢担当"),
            weights=(3, 5, 2, 4),
        ),
        QuestionSpec("long_text", "您对治庸问责工作还有哪些意见和建议？", required=False, section="三、意见建议"),
    ],
    suggestions=(
        "企业报件时希望一次说清要带哪些材料，免得跑第二趟。",
        "建议在分局门口公示每位经办人的职责和电话。",
        "审批的办理进度能否在网站上查到？",
        "午间时段也希望有人值班接待办事群众。",
        "对推诿扯皮的人和事要点名通报，说到做到。",
    ),
)

WEBSITE_POLL = SurveySpec(
    slug="wangzhan-yijian",
    title="门户网站使用体验征集",
    department="bangongshi",
    intro="网站正在持续改进。请花一分钟告诉我们您用网站办了什么、是否顺利，您的意见将用于下一步改版。匿名填写。",
    questions=[
        QuestionSpec("single", "您最常看哪个栏目？", ("政务公开", "开发区动态", "办事服务", "互动交流", "招商网")),
        QuestionSpec("single", "这次在网站上找到您要的信息了吗？", ("找到了", "没找到")),
        QuestionSpec(
            "short_text", "没找到的是什么信息？", show_if=(2, "没找到"), help_text="例如某项政策或办事指南的名称"
        ),
        QuestionSpec(
            "multiple",
            "您希望网站增加哪些功能？",
            ("办事进度查询", "政策问答", "手机版页面", "在线预约"),
            max_choices=2,
            required=False,
        ),
        QuestionSpec("rating", "您对网站的总体满意度"),
        QuestionSpec("long_text", "其他意见和建议", required=False),
    ],
)

SURVEYS = [ACCOUNTABILITY, WEBSITE_POLL]
