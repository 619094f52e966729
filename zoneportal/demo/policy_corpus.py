"""A deterministic generator of policy-like documents: the search benchmarks' corpus and the demo's library.

Document ``i`` of seed ``s`` is always the same, whatever the corpus size, so
the 10k corpus is the first tenth of the 100k one. Titles follow the forms of
Chinese government documents (关于印发《…管理办法》的通知, …的意见, …的批复);
document numbers use every bracket style the analysis folds (〔2015〕, [2015],
(2015), （2015）, 2015年); bodies of 800–3,000 characters are composed from
sentence templates over a vocabulary drawn from the seed documents (park,
company and place names, the departments and their duties). Word frequencies
are skewed like real text: a few words are everywhere, company names are rare.

    from policy_corpus import generate
    for document in generate(10_000): ...
    .venv/bin/python bench/policy_corpus.py --count 3        # print three documents

:func:`library_records` composes documents of the same kinds for the policy library's
ten categories, as rows of the import format (``policies/importing.py``): the demo's
generated documents and the import benchmark's file. It draws from its own random
streams, so the search corpus stays what it was.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass

SEED = 2016
MIN_BODY, MAX_BODY = 800, 3000
FIRST_DAY, LAST_DAY = datetime.date(2006, 1, 1), datetime.date(2026, 12, 31)

#: (issuing body, document-number prefix, share of documents)
ISSUERS = [
    ("来凤经济开发区管理委员会", "来开管发", 30),
    ("来凤经济开发区管委会办公室", "来开管办发", 14),
    ("来凤经济开发区招商发展分局", "来开招发", 8),
    ("来凤经济开发区财政分局", "来开财发", 6),
    ("来凤经济开发区国土建设分局", "来开国土发", 6),
    ("来凤经济开发区招商引资服务中心", "来开服发", 4),
    ("来凤县人民政府", "来政发", 10),
    ("来凤县人民政府办公室", "来政办发", 8),
    ("恩施州人民政府", "恩施州政发", 4),
    ("恩施州人民政府办公室", "州政办发", 3),
    ("恩施州机构编制委员会", "州机编发", 1),
    ("湖北省人民政府", "鄂政发", 2),
    ("湖北省人民政府办公厅", "鄂政办发", 2),
    ("湖北省发展和改革委员会", "鄂发改", 1),
    ("湖北省财政厅", "鄂财", 1),
]
NUMBER_STYLES = [("〔", "〕"), ("〔", "〕"), ("〔", "〕"), ("[", "]"), ("(", ")"), ("（", "）"), ("", "年")]

#: (category, subjects of documents in it)
CATEGORIES = {
    "优惠政策": ["招商引资优惠政策", "税收优惠", "企业所得税减免", "以返代免", "一事一议特事特办", "中介招商奖励"],
    "财税": ["财政预决算", "专项资金管理", "政府采购", "预算外资金", "财务统一核算", "社会保障预算"],
    "土地管理": ["工业园区用地", "土地收储", "征地审核报批", "土地使用权出让", "标准化厂房出租和出售", "矿产资源管理"],
    "规划建设": ["基础设施建设", "七通一平", "工程质量安全监督", "建筑市场管理", "园区道路建设", "天然气供气网络"],
    "人才政策": ["人才引进", "挂职锻炼", "聘任聘用", "激励性薪酬分配", "创业服务中心", "人才交流中心"],
    "安全生产": ["企业安全生产", "安全生产检查", "危险化学品管理", "消防安全"],
    "环境保护": ["环境保护规划", "污染治理", "节能减排", "工业固体废物利用", "园区绿化"],
    "园区管理": ["企业入园", "园区封闭式管理", "领导联系企业", "无绩效退出", "三公开", "治庸问责"],
    "项目服务": ["重点项目四个一工作机制", "一站式办公", "一条龙服务", "许可证件协办", "行政审批简化"],
    "统计": ["经济运行统计", "规上企业统计", "招商引资统计", "固定资产投资统计"],
    "社会保障": ["被征地农民基本养老保险", "被征地农民社会保障", "拆迁还建", "失地农民技能培训"],
    "科技创新": ["高新技术企业认定", "科技项目评审", "校企合作", "新产品开发计划", "电子商务"],
    "产业发展": ["新型建材产业", "新能源产业", "农副产品加工", "地道药材开发", "藤茶产业", "民族旅游产品"],
    "党建": ["非公企业党建", "覆盖工程", "党风廉政建设", "三会一课"],
}
CATEGORY_WEIGHTS = [14, 10, 10, 9, 7, 5, 5, 9, 8, 4, 5, 5, 6, 3]

TITLE_FORMS = [
    ("notice", "关于印发《{area}{subject}管理办法》的通知", 18),
    ("notice", "关于印发《{area}{subject}实施细则》的通知", 8),
    ("notice", "关于做好{year}年{subject}工作的通知", 12),
    ("notice", "关于开展{subject}专项检查的通知", 6),
    ("policy", "关于进一步加强{subject}工作的意见", 12),
    ("policy", "关于加快{subject}的若干意见", 8),
    ("policy", "{area}{subject}管理办法", 10),
    ("policy", "{area}{subject}暂行规定", 6),
    ("policy", "关于{subject}有关问题的批复", 5),
    ("notice", "关于{subject}有关事项的公告", 5),
    ("interpretation", "《{area}{subject}管理办法》政策解读", 6),
    ("interpretation", "图解：{year}年{subject}政策", 4),
]
AREAS = ["来凤经济开发区", "开发区", "桂花树工业园", "四合工业园", "龙凤产业园", "来凤县", "恩施州"]

PARKS = ["桂花树工业园", "四合工业园", "龙凤产业园", "龙凤物流园", "猴立堡物流园", "现代产业园"]
PLACES = ["翔凤镇", "绿水镇", "桂花树村", "黄茅坪村", "四合村", "梅子树村", "九龙盘", "利智线", "讨橙线", "来革线"]
COMPANIES = [  # rare words: company names, roughly Zipf-distributed
    "金凤建材",
    "腾辉建材",
    "帅丰建材",
    "科隆公司",
    "明涛钙业",
    "凯迪绿色能源",
    "凤雅藤茶",
    "三丰淀粉",
    "宝石花红木家具",
    "巴凤楚韵",
    "腾升香料",
    "楚城钙业",
    "翔奥电力",
    "翔奥农产品加工",
    "承禹钢构",
    "荆来建材",
    "新佰佳家具",
    "海玉农林",
    "卓励电子",
    "晟达实业",
    "恩施金泰控股",
    "武陵山家具产业园",
]
DEPARTMENTS = [
    "管委会办公室",
    "招商发展分局",
    "财政分局",
    "国土建设分局",
    "招商引资服务中心",
    "县发改局",
    "县商务局",
    "县科技局",
    "县人社局",
    "县环保局",
    "县安监局",
    "县房地产管理局",
    "县国税局",
    "县地税局",
]
DUTIES = [
    "研究制定开发区国民经济与社会发展的中长期规划和计划",
    "做好开发区内企业建设发展的协调服务工作",
    "按规定权限审批进区的投资项目，项目的立项报告、可行性研究报告和合同章程",
    "负责开发区财政资金的调度，跟踪管理财政预决算执行情况",
    "依法进行开发区土地的规划、征用、开发管理和土地使用权的有偿出让及转让",
    "负责开发区工程质量安全监督和建筑市场管理",
    "会同有关部门办理项目建设和征地审核报批手续",
    "负责组织和编制开发区环境保护规划，实施污染治理计划和环保执法监察工作",
    "负责专项资金的使用、管理，监督项目实施中资金的管理、使用和配套到位情况",
    "负责组织申报高新技术型企业，统一管理开发区新产品开发计划编制工作",
    "负责开发区客商投资“一站式”办公服务大厅的日常工作",
    "抓好企业安全生产管理工作",
]
BASES = [
    "《湖北省经济技术开发区条例》",
    "《中华人民共和国土地管理法》",
    "《中华人民共和国安全生产法》",
    "《中华人民共和国环境保护法》",
    "《中华人民共和国预算法》",
    "《中华人民共和国政府采购法》",
    "国家和省、州、县有关开发区工作的方针政策",
    "县委、县政府关于加快工业园区建设的决定",
]
GOALS = [
    "把来凤经济开发区建设成为武陵地区一流的现代新型产业园区",
    "构建来凤经济中心，建设武陵山现代化新型工业园区",
    "打造“招商”“亲商”“稳商”“富商”的良好软环境",
    "提高项目落地率，形成良好的项目跟踪机制",
    "提高土地集约节约利用水平",
    "为投资者营造投资好环境",
    "实现规模扩张和结构优化",
]
MEASURES = [
    "对重点项目行政审批简化程序、缩短时限、提高办事效率",
    "实行一个项目配一名责任领导、一名责任人，备一套工作方案",
    "完善“一站式”办公、“一条龙”服务和一张卡收费办法",
    "税收、增值税地方留成部分“以返代免”",
    "企业所得税免收两年后减半征收三年",
    "投资额度大、科技含量高的特殊或较大项目，采取一事一议特事特办的做法给予更多优惠",
    "对引进投资项目成功的中介机构和中介人按实现投资额予以一次性奖励",
    "成立工作专班，协助招商引资企业办理各种许可证件",
    "有效制止乱摊派、乱收费、乱检查，做到办事公开、收费公开、管理公开",
    "遵照“布局集中、用地集约、产业集聚”的原则，实行统一规划、设计、招标、施工和管理",
    "建立健全被征地农民和拆迁户的保障体系，使拆迁户居住有其屋，生活有其源，生存有保障",
    "通过企业招聘、订单培训的方式，对失地农民进行全方位、对口的技能培训",
    "严格执行无绩效退出机制",
    "派出去挂职锻炼，培养复合型人才，采取多种优惠政策招贤引能",
]
SENTENCES = [
    "为{goal}，根据{basis}，结合开发区实际，制定本{form}。",
    "本{form}适用于{park}及开发区范围内的{subject}工作。",
    "{subject}工作由{dept}负责，{dept2}配合，{duty}。",
    "{dept}应当{duty}，每年{month}月底前将{subject}情况报管委会。",
    "{measure}。",
    "对{company}等重点企业，{measure}。",
    "{year}年，开发区{subject}工作取得明显成效，完成投资{amount}万元，同比增长{percent}%。",
    "位于{place}的{park}，{subject}项目计划用地{acres}亩，总投资{amount}万元。",
    "各有关单位要高度重视{subject}工作，明确责任，加强协调，确保各项措施落到实处。",
    "对在{subject}工作中成绩突出的单位和个人，给予通报表扬；对工作不力的，严肃追究责任。",
    "凡国家、省、州已经颁发与{subject}有关的政策，开发区都遵照执行。",
    "{dept}要会同有关部门加强对{subject}的监督检查，发现问题及时整改。",
    "申请享受{subject}政策的企业，应当向{dept}提交申请表、营业执照和项目可行性研究报告。",
    "本{form}由{dept}负责解释，自{year}年{month}月{day}日起施行。",
    "原{issuer}有关{subject}的规定与本{form}不一致的，以本{form}为准。",
    "开发区将{measure}，{goal}。",
]
FORMS = ["办法", "规定", "细则", "通知", "意见"]
CHINESE_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class PolicyDocument:
    """One generated document with the properties site search indexes."""

    key: str
    kind: str  # policy | notice | interpretation
    title: str
    doc_number: str
    issuer: str
    category: str
    validity: str  # valid | amended | expired | repealed
    date: datetime.date
    body: str
    keywords: str


def _weighted(rng: random.Random, items: list, weights: list[int]):
    return rng.choices(items, weights=weights, k=1)[0]


def _zipf(rng: random.Random, items: list[str]) -> str:
    return rng.choices(items, weights=[1 / (rank + 1) for rank in range(len(items))], k=1)[0]


def _ordinal(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (up to 99)."""
    tens, ones = divmod(number, 10)
    text = (CHINESE_ORDINALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
    return text + (CHINESE_ORDINALS[ones - 1] if ones else "")


def _validity(rng: random.Random, date: datetime.date) -> str:
    """Older documents are more often expired, amended or repealed."""
    age = (LAST_DAY - date).days / (LAST_DAY - FIRST_DAY).days  # 0 (newest) … 1 (oldest)
    roll = rng.random()
    if roll < 0.45 * age:
        return "expired"
    if roll < 0.60 * age:
        return "amended"
    if roll < 0.70 * age:
        return "repealed"
    return "valid"


@dataclass(frozen=True)
class Vocabulary:
    """The words bodies are composed of."""

    sentences: list[str]
    departments: list[str]
    goals: list[str]
    bases: list[str]
    parks: list[str]
    places: list[str]
    duties: list[str]
    measures: list[str]
    companies: list[str]


#: The search benchmarks' vocabulary, drawn from the demo's own documents (so they compete with them).
CORPUS = Vocabulary(SENTENCES, DEPARTMENTS, GOALS, BASES, PARKS, PLACES, DUTIES, MEASURES, COMPANIES)


def _sentence(rng: random.Random, subject: str, issuer: str, form: str, year: int, words: Vocabulary = CORPUS) -> str:
    template = rng.choice(words.sentences)
    dept, dept2 = rng.sample(words.departments, 2)
    return template.format(
        goal=rng.choice(words.goals),
        basis=rng.choice(words.bases),
        form=form,
        park=rng.choice(words.parks),
        place=rng.choice(words.places),
        subject=subject,
        dept=dept,
        dept2=dept2,
        duty=rng.choice(words.duties),
        measure=rng.choice(words.measures),
        company=_zipf(rng, words.companies),
        issuer=issuer,
        year=year,
        month=rng.randint(1, 12),
        day=rng.randint(1, 28),
        amount=rng.randrange(100, 50000, 10),
        percent=round(rng.uniform(1, 80), 1),
        acres=rng.randrange(20, 3000, 10),
    )


def _body(rng: random.Random, kind: str, subject: str, issuer: str, year: int, words: Vocabulary = CORPUS) -> str:
    """800–3,000 characters: numbered articles for rules, paragraphs for notices and interpretations."""
    form = "办法" if kind == "policy" else rng.choice(FORMS)
    target = rng.randint(MIN_BODY, MAX_BODY)
    parts: list[str] = ["各有关单位："] if kind == "notice" else []
    length, article = sum(map(len, parts)), 1
    while length < target:
        sentences = "".join(_sentence(rng, subject, issuer, form, year, words) for _ in range(rng.randint(2, 4)))
        paragraph = f"第{_ordinal(article)}条　{sentences}" if kind == "policy" and article < 100 else sentences
        parts.append(paragraph)
        length += len(paragraph)
        article += 1
    if kind == "notice":
        parts.append("特此通知。")
    return "\n".join(parts)[:MAX_BODY]


def document(index: int, seed: int = SEED) -> PolicyDocument:
    """Document number ``index`` of the corpus ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    date = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    issuer, prefix, _share = _weighted(rng, ISSUERS, [share for *_rest, share in ISSUERS])
    category = _weighted(rng, list(CATEGORIES), CATEGORY_WEIGHTS)
    subject = rng.choice(CATEGORIES[category])
    kind, form, _weight = _weighted(rng, TITLE_FORMS, [weight for *_rest, weight in TITLE_FORMS])
    title = form.format(area=rng.choice(AREAS), subject=subject, year=date.year)
    opening, closing = rng.choice(NUMBER_STYLES)
    doc_number = f"{prefix}{opening}{date.year}{closing}{rng.randint(1, 200)}号" if kind != "interpretation" else ""
    return PolicyDocument(
        key=f"policy-{seed}-{index}",
        kind=kind,
        title=title,
        doc_number=doc_number,
        issuer=issuer,
        category=category,
        validity=_validity(rng, date),
        date=date,
        body=_body(rng, kind, subject, issuer, date.year),
        keywords=",".join(dict.fromkeys([subject, category, *rng.sample(CATEGORIES[category], 2)])),
    )


def generate(count: int, seed: int = SEED, start: int = 0) -> Iterator[PolicyDocument]:
    """Documents ``start`` … ``start + count - 1`` of the corpus ``seed``."""
    for index in range(start, start + count):
        yield document(index, seed)


#: The library's ten default categories (``policies/categories.py``) and the subjects of their documents.
#: The library's words are its own, not the demo's: its 1,300 documents sit beside the demo's pages in site
#: search, and the demo's labelled queries (tests/search/queries.json: 许可证件, 挂职, 七通一平 …) must still
#: find the demo's pages first (the issue: search quality must hold with them loaded).
LIBRARY_CATEGORIES = {
    "开发区优惠政策": ["总部经济扶持", "楼宇经济发展", "首台套装备推广应用", "企业上市培育", "外贸稳增长"],
    "税务政策": ["留抵退还办理", "年度汇算清缴服务", "出口退（免）核准", "申报缴纳便利化", "电子发票推广"],
    "财税政策": ["政府性基金管理", "国有资产管理", "财政资金直达", "预算绩效评价", "政府债务风险防控"],
    "外商投资企业法规": [
        "外商投资信息报告",
        "外资准入前国民待遇",
        "跨境人民币结算",
        "外资研发中心认定",
        "外籍人员来华工作管理",
    ],
    "对俄通道政策": ["中俄经贸合作", "国际班列运营", "边境口岸通关", "对俄果蔬出口", "跨境电商海外仓"],
    "高新技术政策法规": ["研发费用归集", "科技成果转化", "专精特新培育", "知识产权质押融资", "工程技术研究中心建设"],
    "土地规划建设": ["城镇开发边界管控", "容积率指标管理", "海绵城市建设", "地下管线普查", "建筑节能改造"],
    "劳动人事与人才": ["职业技能等级认定", "劳动关系协调", "工伤保险经办", "技工院校招生", "博士后工作站建设"],
    "工商企业管理": ["经营异常名录管理", "个体工商户年报", "商事登记确认制", "网络交易监管", "广告发布审查"],
    "环境保护与安全生产": ["排污权交易", "土壤污染防治", "应急预案管理", "特种设备检验", "危险废物转移"],
}
LIBRARY_WORDS = Vocabulary(
    sentences=[
        "为{goal}，依据{basis}，结合开发区实际，制定本{form}。",
        "本{form}适用于开发区范围内的{subject}工作。",
        "{subject}工作由{dept}牵头，{dept2}配合，{duty}。",
        "{dept}应当{duty}，每年{month}月底前将{subject}进展情况书面报送。",
        "{measure}。",
        "{year}年，开发区{subject}工作有序推进，累计完成{amount}万元，较上年提高{percent}%。",
        "各单位要把{subject}列入年度工作要点，细化分工，按期完成。",
        "对{subject}工作中表现突出的单位，予以通报；对推进迟缓的，限期改正。",
        "上级对{subject}另有规定的，从其规定。",
        "{dept}要会同{dept2}开展{subject}情况抽查，发现问题及时督促纠正。",
        "符合条件的市场主体可向{dept}提出{subject}申请，并提交相关证明材料。",
        "本{form}由{dept}负责解释，自{year}年{month}月{day}日起施行。",
        "此前发布的{subject}文件与本{form}不一致的，以本{form}为准。",
    ],
    departments=[
        "经济发展局",
        "财政局",
        "市场监管所",
        "生态环境分局",
        "应急管理局",
        "人社局",
        "自然资源所",
        "科技局",
        "商务局",
        "政务服务中心",
    ],
    goals=["推动经济高质量发展", "持续优化营商环境", "提升公共服务效能", "规范行政执法行为", "防范化解重大风险"],
    bases=["有关法律法规", "上级人民政府的有关规定", "国家和省的相关政策"],
    parks=[""],
    places=[""],
    duties=[
        "建立工作台账并定期通报",
        "做好政策宣传和业务指导",
        "加强事中事后监管",
        "做好数据汇总和分析研判",
        "及时回应市场主体诉求",
    ],
    measures=[
        "推行“网上办、掌上办”，压缩办理时限",
        "建立首问负责和限时办结制度",
        "实行清单化管理，做到底数清、情况明",
        "完善告知承诺制度，强化违诺约束",
        "加强部门协同，实现数据共享、结果互认",
    ],
    companies=[""],
)
LIBRARY_FORMS = [(kind, form, weight) for kind, form, weight in TITLE_FORMS if kind != "interpretation"]
LIBRARY_AREAS = ["来凤经济开发区", "开发区", "来凤县"]
VALIDITY_LABELS = {"valid": "有效", "amended": "已修订", "expired": "失效", "repealed": "废止"}
#: Generated 文号 count from here in each prefix and year, clear of the demo's own documents (〔2015〕1号 …).
FIRST_SERIAL = 101
LIBRARY_LAST_DAY = datetime.date(2026, 6, 30)


def library_records(count: int, seed: int = SEED, prefix: str = "gen") -> Iterator[dict]:
    """``count`` documents across the ten categories as import rows (external ids ``<prefix>-<seed>-<n>``).

    The 文号 are counted per issuer and year, so they never repeat within a corpus.
    """
    categories = list(LIBRARY_CATEGORIES)
    serials: dict[tuple[str, int], int] = {}
    span = (LIBRARY_LAST_DAY - FIRST_DAY).days
    for index in range(count):
        rng = random.Random(f"library:{seed}:{index}")
        issued = FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 1))
        issuer, number_prefix, _share = _weighted(rng, ISSUERS, [share for *_rest, share in ISSUERS])
        category = categories[index % len(categories)] if index < len(categories) else rng.choice(categories)
        subject = rng.choice(LIBRARY_CATEGORIES[category])
        kind, form, _weight = _weighted(rng, LIBRARY_FORMS, [weight for *_rest, weight in LIBRARY_FORMS])
        serial = serials.get((number_prefix, issued.year), FIRST_SERIAL - 1) + 1
        serials[(number_prefix, issued.year)] = serial
        validity = _validity(rng, issued)
        effective = issued + datetime.timedelta(days=rng.choice([0, 0, 10, 30]))
        expires = None
        if validity != "valid":
            expires = min(LIBRARY_LAST_DAY, effective + datetime.timedelta(days=rng.randrange(365, 365 * 6)))
        # An amended document names the one that replaced it, as the library requires (another of the corpus).
        replacement = index + 1 if index + 1 < count else index - 1
        yield {
            "external_id": f"{prefix}-{seed}-{index}",
            "replaced_by": f"{prefix}-{seed}-{replacement}" if validity == "amended" and replacement >= 0 else None,
            "title": form.format(area=rng.choice(LIBRARY_AREAS), subject=subject, year=issued.year),
            "doc_number": f"{number_prefix}〔{issued.year}〕{serial}号",
            "issuer": [issuer],
            "category": category,
            "topics": list(dict.fromkeys([subject, *rng.sample(LIBRARY_CATEGORIES[category], 2)])),
            "written_on": (issued - datetime.timedelta(days=rng.randrange(0, 15))).isoformat(),
            "issued_on": issued.isoformat(),
            "effective_on": effective.isoformat(),
            "expires_on": expires.isoformat() if expires else None,
            "validity": VALIDITY_LABELS[validity],
            "body": _body(rng, kind, subject, issuer, issued.year, LIBRARY_WORDS),
        }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3, help="how many documents to print (default 3)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    for item in generate(args.count, args.seed):
        print(f"{item.title}\n{item.doc_number}  {item.issuer}  {item.category}  {item.validity}  {item.date}")
        print(f"{item.body[:300]}… ({len(item.body)} 字)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
