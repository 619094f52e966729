"""The ten categories a new library starts with (the seed names six; administrators edit the list)."""

#: ``(code, name)`` in display order; the code goes into index numbers.
DEFAULT_CATEGORIES: list[tuple[str, str]] = [
    ("01", "开发区优惠政策"),
    ("02", "税务政策"),
    ("03", "财税政策"),
    ("04", "外商投资企业法规"),
    ("05", "对俄通道政策"),
    ("06", "高新技术政策法规"),
    ("07", "土地规划建设"),
    ("08", "劳动人事与人才"),
    ("09", "工商企业管理"),
    ("10", "环境保护与安全生产"),
]
