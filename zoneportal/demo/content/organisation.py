"""The committee's departments and leaders (seed 4, 二、机构与职能).

Functions are quoted from the seed; where the seed is silent (office
addresses and phones) the values are placeholders marked 演示. Leaders are
named only where the seed names them (卢红鹂); other posts show a masked
name and say which post it is.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_ADDRESS = "湖北省恩施州来凤县翔凤镇，开发区管委会办公楼{floor}（演示地址）"
DEMO_PHONE = "0718-000000{n}（演示号码）"
DEMO_HOURS = "法定工作日办公（演示）"


@dataclass(frozen=True)
class DepartmentSpec:
    """A department of the committee as the demo creates it."""

    slug: str
    name: str
    kind: str
    summary: str
    functions_from: str  # the seed paragraph label, e.g. "（二）招商发展分局。"
    staffing: str
    floor: str
    functions_note: str = ""


DEPARTMENTS = [
    DepartmentSpec(
        slug="bangongshi",
        name="管委会办公室",
        kind="office",
        summary="管委会日常事务、综合协调与信息公开；网站内容终审",
        functions_from="（一）开发区管委会。",
        staffing="管委会主任1名、副主任2名（正科级，其中1名兼纪委书记）；"
        "全区核定行政事业人员编制共34名，2015年末实际在编在岗23名",
        floor="一楼",
        functions_note="按开发区机构设置，管委会办公室职能由招商发展分局履行；以下为管委会的工作职能。",
    ),
    DepartmentSpec(
        slug="zhaoshang",
        name="招商发展分局",
        kind="bureau",
        summary="发展计划、经贸科技和招商引资；履行管委会办公室职能",
        functions_from="（二）招商发展分局。",
        staffing="正科级职能机构；招商发展分局、财政分局和国土建设分局正副局长共6名",
        floor="二楼",
    ),
    DepartmentSpec(
        slug="caizheng",
        name="财政分局",
        kind="bureau",
        summary="行使县财政局的管理职能，管理开发区财政收支、财务管理和财政改革",
        functions_from="（三）财政分局。",
        staffing="正科级职能机构；招商发展分局、财政分局和国土建设分局正副局长共6名",
        floor="三楼",
    ),
    DepartmentSpec(
        slug="guotu",
        name="国土建设分局",
        kind="bureau",
        summary="国土资源、基础设施建设、环境保护",
        functions_from="（四）国土建设分局。",
        staffing="正科级职能机构；招商发展分局、财政分局和国土建设分局正副局长共6名",
        floor="三楼",
    ),
    DepartmentSpec(
        slug="fuwu",
        name="招商引资服务中心",
        kind="institution",
        summary="正科级事业单位：一站式办公、一条龙服务，协助入园企业办理手续",
        functions_from="",
        staffing="主任1名、副主任2名，其他行政编制6名；服务中心事业编制16名",
        floor="一楼服务大厅",
        functions_note="该中心的职能未单独公布，以下根据开发区项目服务与园区管理工作整理。",
    ),
]

#: Duties of the service centre, sentences taken from seed 4 (项目建设, 园区管理).
SERVICE_CENTRE_FUNCTIONS = [
    "完善“一站式”办公、“一条龙”服务和一张卡收费办法",
    "做好企业征地、基础设施、生产加工和产品销售等协调服务，为投资者营造投资好环境",
    "规范企业入园，编制企业入园办事指南和流程图，使入园企业有章可循",
    "成立工作专班，协助招商引资企业办理各种许可证件",
]


@dataclass(frozen=True)
class LeaderSpec:
    """A leader: ``name`` is real only where the seed gives it, otherwise masked."""

    name: str
    title: str
    department: str  # department slug
    duties: str
    biography: str = ""


LEADERS = [
    LeaderSpec(
        name="卢红鹂",
        title="管委会主任、中共来凤经济开发区工委书记",
        department="bangongshi",
        duties="主持管委会全面工作。",
        biography="2007年11月，恩施州委决定卢红鹂任开发区管委会主任（副县级，后兼任中共来凤经济开发区工委书记）。",
    ),
    LeaderSpec(
        name="王××",
        title="管委会副主任（兼纪委书记）",
        department="bangongshi",
        duties="此为按编制设置的“副主任（兼纪委书记）”岗位，演示数据不公开姓名。协助主任工作。",
    ),
    LeaderSpec(
        name="李××",
        title="管委会副主任",
        department="bangongshi",
        duties="此为按编制设置的“副主任”岗位，演示数据不公开姓名。协助主任工作。",
    ),
    LeaderSpec(
        name="陈××",
        title="工委副书记",
        department="bangongshi",
        duties="此为2007年11月恩施州委任命的“工委副书记”岗位，演示数据不公开姓名。",
    ),
    LeaderSpec(
        name="刘××",
        title="招商发展分局局长",
        department="zhaoshang",
        duties="此为“招商发展分局局长”岗位，演示数据不公开姓名。主持分局工作，职能见部门职能。",
    ),
    LeaderSpec(
        name="杨××",
        title="财政分局局长",
        department="caizheng",
        duties="此为“财政分局局长”岗位，演示数据不公开姓名。主持分局工作，职能见部门职能。",
    ),
    LeaderSpec(
        name="赵××",
        title="国土建设分局局长",
        department="guotu",
        duties="此为“国土建设分局局长”岗位，演示数据不公开姓名。主持分局工作，职能见部门职能。",
    ),
    LeaderSpec(
        name="周××",
        title="招商引资服务中心主任",
        department="fuwu",
        duties="此为“招商引资服务中心主任”岗位，演示数据不公开姓名。主持中心工作。",
    ),
]
