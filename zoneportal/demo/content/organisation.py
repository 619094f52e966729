"""The committee's departments and leaders (the zone report, 二、机构与职能).

Functions are the demo's own summary of each department's published duties;
where the material is silent (office addresses and phones) the values are
placeholders marked 演示. Leaders are named only where the material names
them (卢红鹂); other posts show a masked name and say which post it is.
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
    functions: tuple[str, ...]  # one duty per item, shown as a list
    staffing: str
    floor: str
    functions_note: str = ""
    functions_intro: str = ""  # a paragraph before the list
    functions_closing: str = ""  # a paragraph after it


#: Duties of the service centre, drawn from the zone's project service and park management.
SERVICE_CENTRE_FUNCTIONS = (
    "完善“一站式”办公、“一条龙”服务和一张卡收费办法",
    "为企业征地、基础设施、生产加工和产品销售做好协调服务，为投资者营造良好的投资环境",
    "规范企业入园，编制企业入园办事指南和流程图，使入园企业有章可循",
    "组织工作专班，协助招商引资企业办理各种许可证件",
)


DEPARTMENTS = [
    DepartmentSpec(
        slug="bangongshi",
        name="管委会办公室",
        kind="office",
        summary="管委会日常事务、综合协调与信息公开；网站内容终审",
        functions_intro="管委会由正、副主任和开发区各部门主要负责人组成，县发改局、商务局、科技局、公安局、财政局、人社局、"
        "国土局、建设局、交运局、农业局、水利水产局、林业局、工商局、国税局、地税局、环保局、招商局、房地产管理局、"
        "安监局和翔凤镇政府等20个单位参加。管委会的主要职能：",
        functions=(
            "贯彻国家、省、州、县关于开发区的方针政策，制定开发区的发展战略、发展规划、管理办法和规章，并组织实施",
            "组织编制开发区土地利用总体规划，协助编制建设总体规划和详细规划，依审批权限报批后实施",
            "编制开发区经济社会发展计划，纳入全州国民经济计划，依审批权限报批后实施",
            "审批或审核开发区范围内的投资项目",
            "依照《湖北省经济技术开发区条例》和州、县政府的授权，统一管理辖区内的土地、建设、环保、财政、国有资产和矿产资源",
            "与州、县主管部门共同管理开发区内的劳动、人事、安全和生产事务，协调各部门在开发区的派出机构和分支机构",
            "引进资金、技术和人才，建设和管理区内基础设施与公共设施",
            "经州、县政府授权对开发区实行封闭式管理，保障区内企业依法自主经营",
            "在规定权限内管理开发区的进出口业务和对外经济技术合作",
        ),
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
        functions=(
            "负责开发区发展计划、经贸科技和招商引资，研究制定国民经济与社会发展的中长期规划，组织实施产业发展规划",
            "为区内企业的建设和发展做好协调服务，分析开发区经济运行，抓好企业安全生产管理",
            "编制开发区科技发展规划，组织科技项目的评审、申报和实施",
            "协调开发区工商管理工作，研究拟订开发区招商引资政策",
            "承担直接利用外资、州外引资和出口创汇任务及其统计上报",
            "在规定权限内审批进区投资项目及其立项报告、可行性研究报告和合同章程",
            "组织申报高新技术企业，统一编制开发区新产品开发计划",
            "建立招商引资信息库，拓展招商渠道",
            "负责客商投资“一站式”办公服务大厅的日常工作",
            "履行开发区管委会办公室职能",
        ),
        staffing="正科级职能机构；招商发展分局、财政分局和国土建设分局正副局长共6名",
        floor="二楼",
    ),
    DepartmentSpec(
        slug="caizheng",
        name="财政分局",
        kind="bureau",
        summary="行使县财政局的管理职能，管理开发区财政收支、财务管理和财政改革",
        functions=(
            "行使县财政局的管理职能，管理开发区的财政收支、财务和财政改革，制定并执行财政收支计划",
            "征收财政收入，监督管理预算外资金",
            "实行预决算制度：编制开发区财政预决算草案，审定各部门人员经费、公用经费的标准和定额",
            "提出增收节支、平衡收支的措施，调度财政资金，跟踪预决算执行",
            "配合财政审计，监督社会集团购买力，指导和监督政府采购",
            "管理专项资金，监督项目资金的使用和配套到位，对专项资金追踪问效",
            "编制社会保障预算草案，论证财政支持的项目，执行社会保障经费开支标准和定额",
            "对所辖单位财务统一核算，监督执行财务会计制度，开展会计业务培训",
            "做好财产和统计评价工作，代管开发区国有资产",
        ),
        staffing="正科级职能机构；招商发展分局、财政分局和国土建设分局正副局长共6名",
        floor="三楼",
    ),
    DepartmentSpec(
        slug="guotu",
        name="国土建设分局",
        kind="bureau",
        summary="国土资源、基础设施建设、环境保护",
        functions=(
            "依据县城总体规划和土地利用规划，经授权行使县级国土资源管理职能：开发区土地的规划、征用、开发和土地使用权有偿出让、转让",
            "控制土地一级市场，建立土地收储中心，负责土地开发利用、小区开发建设和土地市场管理",
            "管理开发区矿产资源，负责土地资源与矿管执法",
            "编制并实施基础设施开发建设的中长期规划和计划，组织管理“五通一平”，审批上报施工项目",
            "监督工程质量安全，管理建筑市场",
            "会同有关部门办理项目建设和征地的审核报批手续",
            "负责区内房屋拆迁、还建和城管监察执法",
            "编制开发区环境保护规划，实施污染治理计划，开展环保执法监察",
        ),
        functions_closing="开发区的房地产管理由县房地产管理局承担，分局与之协调配合。",
        staffing="正科级职能机构；招商发展分局、财政分局和国土建设分局正副局长共6名",
        floor="三楼",
    ),
    DepartmentSpec(
        slug="fuwu",
        name="招商引资服务中心",
        kind="institution",
        summary="正科级事业单位：一站式办公、一条龙服务，协助入园企业办理手续",
        functions=SERVICE_CENTRE_FUNCTIONS,
        staffing="主任1名、副主任2名，其他行政编制6名；服务中心事业编制16名",
        floor="一楼服务大厅",
        functions_note="该中心的职能未单独公布，以下根据开发区项目服务与园区管理工作整理。",
    ),
]


@dataclass(frozen=True)
class LeaderSpec:
    """A leader: ``name`` is real only where the zone's material gives it, otherwise masked."""

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
