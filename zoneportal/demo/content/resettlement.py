"""安置与失地保障 of the demo: the relocation, the resettlement housing and the landless farmers' insurance.

The figures are those the 大冶 study report gives for the zone it visited
(``facts.RELOCATION`` … — read from there, never typed again here); the words
are the demo's own. The report gives totals, not villages or years: the demo
keeps one total row and one insurance batch without a year rather than
inventing a breakdown.
"""

from __future__ import annotations

from . import facts

#: The record's name for a total over every village.
ZONE_TOTAL = "全区合计"

RELOCATION_NOTE = (
    "工业园区和城市重点工程建设拆迁，户数和人数为约数；整体搬迁的自然湾村民转入还建楼，坟墓集中迁移、统一安葬。"
)

#: Each stage's row: its name and a note.
HOUSING_NAMES = {
    "completed": ("已竣工还建点", "“取消还建点，实施还建楼”改革后建成的还建楼，已入住。"),
    "building": ("在建还建点", "正在建设。"),
    "planned": ("即将开工还建点", "即将开工建设。"),
}

HOUSING_NOTE = (
    f"还建楼建设总投入{facts.HOUSING_INVESTMENT}，规划{facts.HOUSING_PLANNED_SITES}个还建点，"
    f"预计年底约{facts.HOUSING_MOVING_IN_BY_YEAR_END}户拆迁户入住新房。"
)

INSURANCE_BATCH = "截至考察时累计"
INSURANCE_NOTE = (
    f"被征地农民基本生活保障制度：一次性缴费按市政府、村集体、个人{facts.INSURANCE_SHARES}分担；"
    f"另经企业招聘、订单培训，培训失地农民{facts.TRAINED}余人，安置就业{facts.EMPLOYED}余人。"
)
