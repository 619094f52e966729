"""The bytes of each demo document (see ``content.media.DOCUMENTS``)."""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from . import documents
from .content import facts
from .content.articles import ARTICLES
from .content.media import IMAGES
from .content.pages import ENTRY_STEPS
from .content.reports import REPORTS

NOTE_SOURCE = f"数据来源：{facts.SOURCE}"
NOTE_DEMO = "演示文件：由门户网站演示数据生成，仅供演示。"


def _image(key: str) -> Image.Image:
    return next(spec for spec in IMAGES if spec.key == key).make()


def _article_blocks(key: str) -> list[tuple[str, str]]:
    article = next(item for item in (*REPORTS, *ARTICLES) if item.key == key)
    blocks: list[tuple[str, str]] = []
    for item in article.body:
        if isinstance(item, str):
            blocks.append(("p", item))
        elif item[0] == "ul":
            blocks.extend(("p", line) for line in item[1])
        elif item[0] in {"h2", "h3", "h4"}:
            blocks.append(("h", item[1]))
        elif item[0] == "right":
            blocks.append(("p", item[1]))
    return blocks


def _pdf_zhuanti() -> bytes:
    return documents.pdf("来凤经济开发区工业园区建设", _article_blocks("gongyeyuanqu-zhuanti"))


def _pdf_daye() -> bytes:
    return documents.pdf("借鉴先进地区经验加快工业园区建设——赴大冶学习考察报告", _article_blocks("daye-kaocha"))


def _pdf_entry_guide() -> bytes:
    blocks = [
        ("h", "一、适用范围"),
        ("p", "申请进入桂花树工业园、四合工业园的“三资”企业和国内投资企业。"),
        ("h", "二、办理环节"),
        *[("p", f"{index}. {step}（{who}）：{basis}。") for index, (step, who, basis) in enumerate(ENTRY_STEPS, 1)],
        ("h", "三、申请材料"),
        ("p", "企业入园申请表；项目的立项报告、可行性研究报告和合同章程。"),
        ("h", "四、服务承诺"),
        ("p", "对重点项目行政审批简化程序、缩短时限、提高办事效率；实行“一站式”办公、“一条龙”服务和一张卡收费办法。"),
        ("p", "说明：本指南为演示文件，办理环节根据开发区各部门职能整理。"),
    ]
    return documents.pdf("来凤经济开发区企业入园办事指南", blocks, [_image("flow-entry")])


def _pdf_policy() -> bytes:
    return documents.pdf("来凤经济开发区招商引资优惠政策摘编", _article_blocks("youhui-zhengce"))


def _pdf_targets() -> bytes:
    blocks = [("h", "主要经济目标（到2020年）")]
    blocks += [
        ("p", f"{label}：{value}{unit}{'，' + note if note else ''}。")
        for label, value, unit, note in facts.TARGETS_2020
    ]
    blocks.append(("h", "产业集群产值目标（到2020年）"))
    blocks += [("p", f"{label}：{value}亿元。") for label, value in facts.CLUSTERS_2020]
    return documents.pdf(
        "来凤经济开发区2020年发展目标", blocks, [_image("chart-targets-2020"), _image("chart-clusters-2020")]
    )


def _pdf_zoning() -> bytes:
    blocks = [
        ("p", f"{name}（{park}）：{where}{'，规划面积' + area + '平方公里' if area else ''}。")
        for name, park, area, where in facts.ZONING
    ]
    return documents.pdf("来凤经济开发区产业布局", blocks, [_image("map-zoning")])


def _pdf_results() -> bytes:
    blocks = [
        ("p", f"{label}：{value}{unit}{'（' + note + '）' if note else ''}。")
        for label, value, unit, note in facts.RESULTS_2015
    ]
    return documents.pdf("2015年开发区运行情况", blocks, [_image("chart-results-2015")])


def _xlsx_invest() -> bytes:
    rows = [(index, item.company, item.kind, item.amount) for index, item in enumerate(facts.INVESTMENT_2014, 1)]
    return documents.xlsx(
        "2014年招商引资项目到位资金表",
        ["序号", "企业（项目）", "类别", "到位资金（万元）"],
        rows,
        [
            f"任务{facts.INVESTMENT_2014_TASK}万元，实际到位{facts.INVESTMENT_2014_ACTUAL}万元；"
            f"7户新建项目{facts.INVESTMENT_2014_NEW_TOTAL}万元，占比61%；续建原文为“续建约8家”。",
            NOTE_SOURCE,
            NOTE_DEMO,
        ],
        sheet_name="2014年到位资金",
        widths=(8, 22, 10, 18),
    )


def _xlsx_entry_form() -> bytes:
    fields = [
        "企业名称",
        "统一社会信用代码",
        "法定代表人",
        "联系人及电话",
        "项目名称",
        "拟入驻园区（桂花树工业园 / 四合工业园）",
        "所属产业",
        "计划投资（万元）",
        "计划用地（亩）",
        "建设内容",
        "立项报告、可行性研究报告和合同章程（附后）",
        "申请单位（盖章）及日期",
    ]
    return documents.xlsx(
        "来凤经济开发区企业入园申请表",
        ["项目", "填写内容"],
        [(name, "") for name in fields],
        ["填好后交开发区客商投资“一站式”办公服务大厅。", NOTE_DEMO],
        sheet_name="入园申请表",
        widths=(40, 60),
    )


def _xlsx_results() -> bytes:
    return documents.xlsx(
        "2015年开发区主要经济指标",
        ["指标", "数值", "单位", "说明"],
        facts.RESULTS_2015,
        [NOTE_SOURCE, NOTE_DEMO],
        sheet_name="2015年",
        widths=(24, 12, 8, 36),
    )


def _xlsx_targets() -> bytes:
    return documents.xlsx(
        "来凤经济开发区2020年主要经济目标",
        ["指标", "目标", "单位", "说明"],
        facts.TARGETS_2020,
        [NOTE_SOURCE, NOTE_DEMO],
        sheet_name="2020年目标",
        widths=(24, 12, 10, 24),
    )


def _xlsx_land() -> bytes:
    return documents.xlsx(
        "开发区征地与基建投入情况表",
        ["期间", "投入资金（万元）", "征收土地（亩）", "亩均价（万元）", "说明"],
        [
            ("2001-2006年", 14801, 1450, 10.21, "基建投资"),
            ("2006年", 1500, 441, 3.4, "当年建设最快"),
            ("截至2015年", 18500, 3500, 5.29, "桂花树工业园和四合工业园征地资金"),
        ],
        [NOTE_SOURCE, NOTE_DEMO],
        sheet_name="征地与基建",
        widths=(16, 18, 16, 16, 36),
    )


def _xlsx_stats_form() -> bytes:
    return documents.xlsx(
        "开发区工业企业主要经济指标统计表",
        [
            "企业名称",
            "所在园区",
            "工业总产值（万元）",
            "工业增加值（万元）",
            "主营业务收入（万元）",
            "税收（万元）",
            "从业人员（人）",
        ],
        [("", "", "", "", "", "", "")] * 10,
        ["纳入开发区统计范围的工业企业（含城区工业企业）填报。", NOTE_DEMO],
        sheet_name="统计表",
        widths=(24, 14, 16, 16, 18, 12, 14),
    )


def _xlsx_staffing() -> bytes:
    return documents.xlsx(
        "来凤经济开发区人员编制情况表",
        ["机构", "编制与职数（来编纪要[2006]3号等）"],
        [
            ("开发区管委会", "管委会主任1名、副主任2名（正科级，其中1名兼纪委书记）"),
            ("招商发展分局、财政分局、国土建设分局", "正副局长共6名"),
            ("招商引资服务中心", "主任1名、副主任2名，其他行政编制6名；服务中心事业编制16名"),
            ("合计", "核定行政事业人员编制共34名；2015年末，实际在编在岗23名"),
        ],
        [NOTE_SOURCE, NOTE_DEMO],
        sheet_name="人员编制",
        widths=(36, 70),
    )


MAKERS: dict[str, Callable[[], bytes]] = {
    "pdf-zhuanti": _pdf_zhuanti,
    "pdf-daye": _pdf_daye,
    "pdf-entry-guide": _pdf_entry_guide,
    "pdf-policy": _pdf_policy,
    "pdf-targets": _pdf_targets,
    "pdf-zoning": _pdf_zoning,
    "pdf-results-2015": _pdf_results,
    "xlsx-invest-2014": _xlsx_invest,
    "xlsx-entry-form": _xlsx_entry_form,
    "xlsx-results-2015": _xlsx_results,
    "xlsx-targets-2020": _xlsx_targets,
    "xlsx-land": _xlsx_land,
    "xlsx-stats-form": _xlsx_stats_form,
    "xlsx-staffing": _xlsx_staffing,
}


def document_bytes(key: str) -> bytes:
    """The file content of the demo document ``key``."""
    return MAKERS[key]()
