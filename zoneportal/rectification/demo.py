"""The demo ledger: what the zone's 治庸问责 campaign found, with its measures (``load_demo``).

The problems follow the accountability campaign of the zone's material (seed 3:
a self-check, an opinion box, 630 questionnaires and a telephone and mailbox for
complaints, then a meeting that named three causes and four measures), retold in
our own words for the management committee's departments. Deadlines are the
demo's own, generated relative to the day the demo is loaded (so one item is
always overdue and one near its deadline); every figure in the texts is checked
against ``demo/content/facts.py``.

Items are made through ``services`` as staff would make them, so each has its
history: opened by the office, reported rectified by the department's editor,
closed by the office reviewer.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.workdays import add_working_days

from . import services
from .models import LedgerPage, RectificationItem

State = RectificationItem.State
Source = RectificationItem.SourceKind

LEDGER_KEY = "ledger"
LEDGER_TITLE = "整改台账"
LEDGER_SLUG = "zhenggaitaizhang"
LEDGER_INTRO = (
    "治庸问责活动中通过自查、意见箱、问卷调查和举报投诉电话、信箱查找出的问题，以及各部门的整改措施和进展。"
    "事项按整改中、已整改、已销号公开，可按状态和责任部门筛选。"
)


@dataclass(frozen=True)
class ItemSpec:
    """One demo item. ``due`` is in working days from the day the demo is loaded (negative: already past)."""

    title: str
    description: str
    source: str
    department: str
    person: str
    due: int
    measures: tuple[str, ...]
    state: str = State.IN_PROGRESS
    public: bool = True
    reference: str = ""
    evidence: str = ""
    close_note: str = ""
    extra: dict = field(default_factory=dict)


ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec(
        title="干部理论和业务学习流于形式",
        description="自查发现，集中学习有时只读文件、不作讨论，学习笔记应付检查，学用脱节，干部对新出台的招商和用地政策掌握不够。",
        source=Source.SELF_CHECK,
        department="bangongshi",
        person="办公室负责人（演示）",
        due=10,
        measures=(
            "每月安排一次集中学习，确定专题并由分管领导领学，学后交流发言。",
            "把招商、用地、财政等业务政策列入学习内容，学后组织测试。",
            "学习笔记每季度抽查一次，结果纳入年度考核。",
        ),
        state=State.CLOSED,
        evidence="已制定学习制度并按月组织集中学习，学习记录、测试情况已归档备查。",
        close_note="学习制度已建立并落实，资料齐全，同意销号。",
    ),
    ItemSpec(
        title="少数干部服务企业意识不强，办事推诿拖延",
        description="问卷调查中有企业反映，到管委会办事时个别工作人员不一次说清所需材料，让企业多次往返。",
        source=Source.SURVEY,
        department="fuwu",
        person="服务中心负责人（演示）",
        due=10,
        reference="治庸问责问卷调查（发放问卷630份）",
        measures=(
            "实行首问负责制和一次性告知制，首位接待人员负责解答或引导到位。",
            "在服务大厅公开办事流程、所需材料和承诺时限。",
            "每季度回访入园企业，听取对服务的意见。",
        ),
        state=State.RECTIFIED,
        evidence="首问负责制、一次性告知制已在服务大厅公示并执行；办事指南已在网站“办事服务”栏目更新。",
    ),
    ItemSpec(
        title="深入园区企业现场少，问题解决不及时",
        description="意见箱收到意见，反映部分干部习惯在办公室等企业上门，对园区项目建设中遇到的困难掌握不及时。",
        source=Source.OPINION_BOX,
        department="zhaoshang",
        person="招商发展分局负责人（演示）",
        due=-5,
        measures=(
            "领导班子成员带头，每人联系若干园区企业和在建项目。",
            "干部走访企业实行登记，问题建立清单、限时办结。",
            "走访和办结情况每月通报一次。",
        ),
    ),
    ItemSpec(
        title="岗位职责不够清晰，考核奖惩不到位",
        description="督查发现，部分岗位职责交叉，工作干好干坏差别不大，考核结果运用不充分。",
        source=Source.INSPECTION,
        department="bangongshi",
        person="办公室负责人（演示）",
        due=2,
        measures=(
            "修订干部岗位责任制，逐岗明确职责和工作标准。",
            "完善考核评价办法，平时考核与年度考核相结合。",
            "建立奖勤罚懒机制，考核结果与评先评优挂钩。",
        ),
    ),
    ItemSpec(
        title="举报投诉电话和信箱办理不及时",
        description="来信反映，治庸问责电话和电子信箱收到的意见一度没有及时回复，办理结果未告知反映人。",
        source=Source.LETTER,
        department="bangongshi",
        person="办公室负责人（演示）",
        due=10,
        reference="治庸问责意见建议汇总（共5条）",
        measures=(
            "举报投诉电话、信箱由专人管理，收到的意见当日登记。",
            "按直办、转办、交办、督办分类办理，并把结果告知反映人。",
            "办理情况每月汇总，在管委会办公会上通报。",
        ),
        state=State.CLOSED,
        evidence="已指定专人管理电话和信箱，建立登记台账，征集到的意见均已办结并答复。",
        close_note="办理台账完整，反映人已收到答复，同意销号。",
    ),
    ItemSpec(
        title="明查暗访发现个别工作人员上班时间离岗",
        description="督查组在工作日明查暗访时，发现个别工作人员上班时间不在岗且未请假。（涉及具体人员，不向社会公开）",
        source=Source.INSPECTION,
        department="caizheng",
        person="财政分局负责人（演示）",
        due=15,
        public=False,
        measures=(
            "对当事人进行提醒谈话，按考勤制度处理。",
            "严格执行请销假制度，外出登记去向。",
        ),
    ),
)


def demo_texts() -> Iterator[tuple[str, str]]:
    """Every text the demo ledger shows, as (where, text), for the figure check."""
    yield LEDGER_TITLE, f"{LEDGER_TITLE} {LEDGER_INTRO}"
    for spec in ITEMS:
        parts = (spec.title, spec.description, spec.person, spec.reference, spec.evidence, spec.close_note)
        yield spec.title, " ".join([*parts, *spec.measures])


def build(builder) -> None:
    """Create the public ledger page under 互动交流 and the demo items (those not there yet).

    ``builder`` is the demo's ``DemoBuilder`` (pages, departments, editors, reviewer,
    progress); called inside its transaction.
    """
    from zoneportal.demo.figures import check

    check(demo_texts())
    office = builder.departments["bangongshi"]
    if not LedgerPage.objects.filter(slug=LEDGER_SLUG).exists():
        page = LedgerPage(
            title=LEDGER_TITLE,
            slug=LEDGER_SLUG,
            department=office,
            intro=f"<p>{html.escape(LEDGER_INTRO)}</p>",
            keywords="整改台账,治庸问责,整改",
            show_in_menus=True,
        )
        builder.create_page(builder.pages["interaction"], page, LEDGER_KEY, office)
        builder.publish(page, office)
    builder.progress.tick()
    today = timezone.localdate()
    for spec in ITEMS:
        if not RectificationItem.objects.filter(title=spec.title).exists():
            make_item(spec, builder, today)
        builder.progress.tick()


def make_item(spec: ItemSpec, builder, today: datetime.date) -> RectificationItem:
    """One demo item, taken through its states by the people who would take it."""
    department = builder.departments[spec.department]
    item = services.open_item(
        title=spec.title,
        description=spec.description,
        source_kind=spec.source,
        source_reference=spec.reference,
        department=department,
        user=builder.reviewer,
        measures=spec.measures,
        responsible_person=spec.person,
        deadline=add_working_days(today, spec.due),
        is_public=spec.public,
    )
    if spec.state in (State.RECTIFIED, State.CLOSED):
        services.report_rectified(item, user=builder.editors[spec.department], evidence_text=spec.evidence)
    if spec.state == State.CLOSED:
        services.close_item(item, user=builder.reviewer, note=spec.close_note or _("整改到位，同意销号。"))
    return item


def remove(departments) -> None:
    """Delete the items of the demo's departments (``load_demo --reset``); their pages go with the tree."""
    RectificationItem.objects.filter(department__in=departments).delete()
