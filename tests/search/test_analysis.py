"""Chinese analysis and query planning: folding, doc numbers, segmentation, pinyin, typos, synonyms, bad input.

Pure functions, except one test that feeds the tokens to the database's own full-text parser. The planner runs
against MemoryLexicon, a small implementation of the Lexicon interface built from a handful of documents through
index_terms, as the real vocabulary table is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from zoneportal.search.analysis import (
    MAX_TOKEN_LENGTH,
    dictionary_lines,
    doc_number_key,
    fold,
    index_terms,
    index_text,
    query_words,
)
from zoneportal.search.index import VOCABULARY_WORD
from zoneportal.search.pinyin import syllabifications, word_pinyin
from zoneportal.search.query import (
    MAX_ALTERNATIVES,
    MAX_CONTAINING_WORDS,
    MAX_GROUPS,
    QueryPlan,
    default_synonyms,
    parse_synonym_rules,
    plan_query,
)

TOKEN = re.compile(r"[^\W_]+")

DOCUMENTS = [
    "关于加快招商引资工作的意见：落实招商引资优惠政策，支持高新技术企业和规上企业发展。",
    "潜江市被征地农民基本养老保险办法（试行）潜政发〔2008〕18号：被征地农民参加养老保险。",
    "关于进一步做好被征地农民社会保障工作的意见 潜政办发〔2010〕150号",
    "办理营业执照：企业设立登记办事指南，到政务服务中心窗口办理。",
    "桂花树工业园实现七通一平，标准厂房出租，西安客商入驻，县城翔凤镇。",
    "开发区公共场所免费WiFi覆盖；减税降费、税收优惠政策解读。",
    "高新技术企业认定办法；以返代免；一事一议财政奖补；州机编发[2006]35号。",
    "开发区管委会招商引资服务中心联系电话。",
]

DOC_NUMBER_FORMS = [
    "潜政办发〔2010〕150号",
    "潜政办发[2010]150号",
    "潜政办发(2010)150号",
    "潜政办发（2010）150号",
    "潜政办发［2010］150号",
    "潜政办发【2010】150号",
    "潜政办发2010年150号",
    "潜政办发〔2010〕第150号",
    "潜政办发〔2010〕0150号",
    "潛政辦發〔2010〕150號",
]

BAD_QUERIES = [
    "",
    "   ",
    "\x00\x1f",
    "😀🏭🎉",
    "\"*NEAR OR' --",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "%_%",
    "a" * 1000,
    "x" * 1000,
    "的吗呢",
    None,
]


class MemoryLexicon:
    """The Lexicon interface over documents run through index_terms, word frequency = document frequency.

    Like the vocabulary table it keeps words of two or more Chinese characters and latin words, not lone characters.
    """

    def __init__(self, documents: list[str]):
        self.counts = Counter(
            term for document in documents for term in set(index_terms(document)) if VOCABULARY_WORD.fullmatch(term)
        )
        self.pinyin: dict[str, list[str]] = defaultdict(list)
        self.initials: dict[str, list[str]] = defaultdict(list)
        self.readings: list[tuple[str, str]] = []
        for word, _count in self.counts.most_common():
            reading = word_pinyin(word)
            if reading:
                self.pinyin[reading[0]].append(word)
                self.initials[reading[1]].append(word)
                self.readings.append((reading[0], word))

    def frequency(self, word: str) -> int:
        return self.counts.get(word, 0)

    def by_pinyin(self, pinyin: str) -> list[str]:
        return list(self.pinyin.get(pinyin, []))

    def by_initials(self, initials: str) -> list[str]:
        return list(self.initials.get(initials, []))

    def pinyin_prefix(self, prefix: str, limit: int) -> list[str]:
        return [word for reading, word in self.readings if reading.startswith(prefix)][:limit]

    def containing(self, fragment: str, limit: int) -> list[str]:
        return [word for word, _count in self.counts.most_common() if fragment in word][:limit]


@pytest.fixture(scope="module")
def lexicon() -> MemoryLexicon:
    return MemoryLexicon(DOCUMENTS)


def plan(text, lexicon, correct: bool = True) -> QueryPlan:
    return plan_query(text, lexicon, default_synonyms(), correct=correct)


def finds(group: list[tuple[str, ...]], text: str) -> bool:
    """Whether a group of the plan matches a document with this text."""
    terms = set(index_terms(text))
    return any(set(alternative) <= terms for alternative in group)


def alternatives(group: list[tuple[str, ...]]) -> set[str]:
    """A group's alternatives written as text, to compare easily: ('设立', '登记') → '设立+登记'."""
    return {"+".join(alternative) for alternative in group}


# —— folding ——


def test_fold_width_case_traditional_and_diacritics():
    assert fold("ＷｉＦｉ　ＡＢＣ１２３") == "wifi abc123"
    assert fold("開發區招商引資優惠政策") == "开发区招商引资优惠政策"
    assert fold("Zhāo Shāng Lǜ café") == "zhao shang lv cafe"
    assert fold("根据潜政办发〔2010〕150号文件") == "根据潜政办发2010年150号文件"


@pytest.mark.parametrize("form", DOC_NUMBER_FORMS)
def test_doc_number_forms_share_one_key(form):
    assert doc_number_key(form) == "潜政办发2010年150号"
    assert fold(form) == "潜政办发2010年150号"


def test_doc_number_key_reads_the_issuer_not_the_lead_in():
    assert doc_number_key("州机编发[2006]35号") == "州机编发2006年35号"
    assert doc_number_key("根据潜政办发〔2010〕150号文件") == "潜政办发2010年150号"
    assert doc_number_key("按照《意见》(潜政发〔2008〕18号)执行") == "潜政发2008年18号"
    assert doc_number_key("落实国发〔2015〕6号精神") == "国发2015年6号"


@pytest.mark.parametrize("text", ["", "2010年150号", "招商引资", "第150号", "潜政办发〔10〕150号"])
def test_doc_number_key_none_without_a_doc_number(text):
    assert doc_number_key(text) is None


# —— index terms ——


def test_index_terms_hold_words_and_sub_words():
    terms = index_terms("加快招商引资工作")
    assert {"招商引资", "招商", "引资", "加快", "工作"} <= set(terms)


@pytest.mark.parametrize("word", ["七通一平", "规上企业", "以返代免", "一事一议", "标准厂房", "桂花树工业园"])
def test_user_dictionary_words_stay_whole(word):
    assert word in index_terms(f"园区实现{word}目标")
    assert word in query_words(f"园区实现{word}目标")


def test_index_terms_keep_doc_numbers_whole_and_in_parts():
    terms = index_terms("根据潜政办发〔2010〕150号文件")
    assert {"潜政办发2010年150号", "潜政办发", "2010", "150", "根据", "文件"} <= set(terms)
    assert index_terms("潜政办发[2010]150号")[0] == index_terms("潜政办发2010年150号")[0] == "潜政办发2010年150号"


def test_index_terms_fold_traditional_width_and_case():
    assert index_terms("開發區ＷｉＦｉ覆蓋") == index_terms("开发区wifi覆盖")
    assert "wifi" in index_terms("開發區ＷｉＦｉ覆蓋")


@pytest.mark.parametrize(
    "text",
    [
        "招商引资，优惠政策！“七通一平”（试行）……2.5亿元 a_b c++ user@example.com http://x.cn/a?b=1",
        "😀 ❶❷ ৴ ① ½ ² ㈱ 𠀀𠀁 Ωμέγα русский ١٢٣ İstanbul ß ﬁ \t\n\x00",
        "x" * 200 + " " + "招" * 200,
        "\"*NEAR OR' -- <script>alert(1)</script>",
    ],
)
def test_every_token_is_a_bare_word_of_limited_length(text):
    terms = index_terms(text)
    assert terms
    assert all(TOKEN.fullmatch(term) and len(term) <= MAX_TOKEN_LENGTH for term in terms), terms
    assert index_text(text) == " ".join(terms)


def test_punctuation_and_spaces_are_dropped():
    assert index_terms("“招商”，　（引资）！") == ["招商", "引资"]


def test_the_user_dictionary_loads_once_under_concurrent_first_use():
    texts = [f"第{n}批规上企业实现七通一平" for n in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(index_terms, texts))
    assert all({"规上企业", "七通一平"} <= set(terms) for terms in results)


@pytest.mark.django_db
def test_the_database_full_text_parser_reads_back_the_same_tokens():
    """Space-joined tokens go through FTS5 unicode61 (SQLite) or to_tsvector('simple') (PostgreSQL) unchanged."""
    text = (
        "關於潜政办发〔2010〕150号：招商引資、七通一平！ＷｉＦｉ zhāo shāng 2.5亿元 c++ a_b ❶ ৴ ½ 𠀀 "
        "Ωμέγα русский İstanbul café ς " + "y" * 90
    )
    terms = index_terms(text)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT lexeme, positions FROM unnest(to_tsvector('simple', %s))", [" ".join(terms)])
            by_position = {position: lexeme for lexeme, positions in cursor.fetchall() for position in positions}
            parsed = [by_position[position] for position in sorted(by_position)]
        else:
            cursor.execute("CREATE VIRTUAL TABLE temp.analysis_check USING fts5(body, tokenize='unicode61')")
            cursor.execute("CREATE VIRTUAL TABLE temp.analysis_terms USING fts5vocab(analysis_check, 'instance')")
            cursor.execute("INSERT INTO temp.analysis_check(rowid, body) VALUES (1, %s)", [" ".join(terms)])
            cursor.execute("SELECT term FROM temp.analysis_terms ORDER BY offset")
            parsed = [row[0] for row in cursor.fetchall()]
            cursor.execute("DROP TABLE temp.analysis_terms")
            cursor.execute("DROP TABLE temp.analysis_check")
    assert parsed == terms


# —— query words ——


def test_query_words_drop_stop_and_question_words():
    assert query_words("被征地的农民怎么参加养老保险") == ["被", "征地", "农民", "参加", "养老保险"]
    assert query_words("请问办执照去哪里？") == ["办", "执照"]


def test_query_words_keep_latin_lower_case_and_doc_number_keys():
    assert query_words("招商YinZi") == ["招商", "yinzi"]
    assert query_words("潜政办发（2010）150号") == ["潜政办发2010年150号"]


# —— pinyin ——


def test_word_pinyin_is_toneless_context_aware_with_v():
    assert word_pinyin("招商引资") == ("zhaoshangyinzi", "zsyz")
    assert word_pinyin("银行") == ("yinhang", "yh")
    assert word_pinyin("绿色") == ("lvse", "ls")
    assert word_pinyin("wifi") is None
    assert word_pinyin("") is None


def test_syllabifications_prefer_fewer_syllables_and_keep_alternatives():
    assert syllabifications("zhaoshangyinzi")[0] == ("zhao", "shang", "yin", "zi")
    assert syllabifications("xian")[:2] == (("xian",), ("xi", "an"))
    assert syllabifications("zsyz") == ()
    assert syllabifications("wifi") == ()


# —— synonym rules ——


def test_parse_synonym_rules_both_ways_one_way_and_comments():
    rules = parse_synonym_rules(
        "# 注释\n失地农民 = 被征地农民\n办执照 => 营业执照， 设立登记  # 单向\n減稅 -> 稅收優惠、减免\n\n=\n无效 =>\n"
    )
    assert rules["失地农民"] == ["被征地农民"]
    assert rules["被征地农民"] == ["失地农民"]
    assert rules["办执照"] == ["营业执照", "设立登记"]
    assert "营业执照" not in rules
    assert rules["减税"] == ["税收优惠", "减免"]
    assert "无效" not in rules


def test_seed_synonyms_cover_the_domain():
    rules = [line for line in dictionary_lines("synonyms.txt") if "=" in line]
    assert len(rules) >= 120
    synonyms = default_synonyms()
    for word, expected in [
        ("失地农民", "被征地农民"),
        ("被征地农民", "失地农民"),
        ("办执照", "营业执照"),
        ("办执照", "设立登记"),
        ("减税", "税收优惠"),
        ("减税", "减免"),
        ("高新企业", "高新技术企业"),
        ("规上企业", "规模以上企业"),
    ]:
        assert expected in synonyms[word]
    assert "办执照" not in synonyms.get("营业执照", [])


# —— query plans ——


def test_plain_words_are_and_of_groups(lexicon):
    result = plan("招商引资 标准厂房", lexicon)
    assert result.groups[0] == [("招商引资",)]
    assert ("标准厂房",) in result.groups[1]
    assert result.corrected is None
    assert {"招商引资", "标准厂房"} <= set(result.highlight)


def test_short_word_finds_longer_words_through_sub_words(lexicon):
    result = plan("招商", lexicon)
    assert result.groups == [[("招商",)]]
    assert "招商" in index_terms(DOCUMENTS[0])


@pytest.mark.parametrize("query", ["zhaoshang yinzi", "zhaoshangyinzi", "ZhaoShangYinZi", "zsyz", "zhāo shāng yǐn zī"])
def test_pinyin_and_initials_find_the_word(lexicon, query):
    assert plan(query, lexicon).groups == [[("招商引资",)]]


def test_mixed_chinese_and_pinyin(lexicon):
    groups = plan("招商yinzi", lexicon).groups
    assert groups[0] == [("招商",)]
    assert ("引资",) in groups[1]


def test_the_plan_says_what_latin_input_was_read_as(lexicon):
    assert plan("zhaoshangyinzi", lexicon).reading == "招商引资"
    assert plan("gaoxinjishuqiye youhuizhengce", lexicon).reading == "高新技术企业优惠政策"
    assert plan("招商引资", lexicon).reading is None
    assert plan("招商yinzi", lexicon).reading is None  # part Chinese: shown as typed


def test_pinyin_split_into_several_words(lexicon):
    groups = plan("gaoxinjishuqiye youhuizhengce", lexicon).groups
    assert [("高新技术企业",)] in groups
    assert [("优惠政策",)] in groups


def test_ambiguous_pinyin_tries_the_lexicon(lexicon):
    assert ("西安",) in plan("xian", lexicon).groups[0]
    assert plan("xiangfengzhen", lexicon).groups == [[("翔凤镇",)]]


def test_initials_of_several_words():
    lexicon = MemoryLexicon(["桂花树工业园基建专项贷款到位", "招商引资优惠政策"])
    assert lexicon.by_initials("zxdk") == []
    assert plan("zxdk", lexicon).groups == [[("专项",)], [("贷款",)]]
    assert plan("zsyzyhzc", lexicon).groups == [[("招商引资",)], [("优惠政策",)]]


def test_initials_may_leave_out_one_letter_of_a_one_character_word():
    lexicon = MemoryLexicon(["开发区严格执行无绩效退出机制"])
    assert plan("wjxtc", lexicon).groups == [[("绩效",)], [("退出",)]]
    assert plan("wjx", lexicon).groups == []  # three letters: both must be read


def test_initials_that_read_as_nothing(lexicon):
    for query in ["qqqq", "xyzxyz", "bcdfg"]:
        assert plan(query, lexicon).groups == []


def test_one_character_query_finds_the_words_holding_it(lexicon):
    group = plan("税", lexicon).groups[0]
    assert group[0] == ("税",)
    assert {"税收", "减税"} <= alternatives(group)
    assert len(group) <= 1 + MAX_CONTAINING_WORDS
    assert finds(group, "税收优惠政策解读")


def test_two_character_fragment_finds_the_words_holding_it(lexicon):
    assert lexicon.frequency("翔凤") == 0
    result = plan("翔凤", lexicon)
    assert result.corrected is None
    assert ("翔凤镇",) in result.groups[0]


def test_one_character_words_beside_content_words_are_left_out(lexicon):
    result = plan("高新技术企业归谁管", lexicon)
    assert len(result.groups) == 1
    assert "高新技术企业" in alternatives(result.groups[0])
    assert not {"归", "谁", "管"} & set(result.terms)
    assert plan("党 税", lexicon).groups == [[("党",)], [("税",)]]  # nothing else to search for: kept


def test_alternatives_that_find_nothing_new_are_left_out(lexicon):
    group = plan("工业园", lexicon).groups[0]
    assert group[0] == ("工业园",)
    assert "工业园区" not in alternatives(group)  # indexed with its sub-word 工业园
    assert "产业园" in alternatives(group)  # a real widening
    assert finds(group, "工业园区建设")


def test_latin_word_known_to_the_index_is_not_read_as_pinyin(lexicon):
    assert lexicon.frequency("wifi") > 0
    assert plan("WiFi", lexicon).groups == [[("wifi",)]]


@pytest.mark.parametrize(
    ("query", "corrected", "term"),
    [
        ("招商引资忧惠政策", "招商引资优惠政策", "优惠政策"),
        ("高薪技术企业", "高新技术企业", "高新技术企业"),
        ("招商引姿", "招商引资", "招商引资"),
    ],
)
def test_typos_are_corrected(lexicon, query, corrected, term):
    assert lexicon.frequency(query) == 0
    result = plan(query, lexicon)
    assert result.corrected == corrected
    assert result.original == query
    assert any((term,) in group for group in result.groups)


def test_known_jieba_word_unknown_to_the_index_counts_as_a_typo(lexicon):
    assert lexicon.frequency("高薪") == 0
    assert plan("高薪", lexicon).corrected == "高新"


def test_correction_keeps_known_and_one_character_words():
    lexicon = MemoryLexicon(["完善一门式服务", "十二五规划", "国土建设局", "部门"])
    # Within pinyin edit distance 2 (shifuwu ~ shierwu, jianshegui ~ jiansheju), but 服务 is a known word and 归 an
    # ordinary one-character word: neither is a typo.
    for query in ["一门式服务", "建设归哪个部门管"]:
        assert plan_query(query, lexicon, {}).corrected is None
    assert plan_query("国土建设句", lexicon, {}).corrected == "国土建设局"  # 句 sounds like 局


def test_correct_false_searches_as_typed(lexicon):
    result = plan("高薪技术企业", lexicon, correct=False)
    assert result.corrected is None
    assert not any(("高新技术企业",) in group for group in result.groups)


def test_correct_words_are_left_alone(lexicon):
    for query in ["招商引资优惠政策", "高新技术企业", "翔凤镇", "失地农民"]:
        assert plan(query, lexicon).corrected is None


def test_synonyms_both_ways(lexicon):
    assert "失地农民" in alternatives(plan("失地农民", lexicon).groups[0])
    assert finds(plan("失地农民", lexicon).groups[0], "被征地农民参加养老保险")
    assert alternatives(plan("被征地农民", lexicon).groups[0]) >= {"失地农民", "被征地农民"}


def test_one_way_synonym_with_multi_word_expansion(lexicon):
    result = plan("办执照", lexicon)
    assert len(result.groups) == 1
    assert alternatives(result.groups[0]) >= {"办+执照", "营业执照", "设立登记"}
    assert "办执照" not in alternatives(plan("营业执照", lexicon).groups[0])


def test_synonym_phrase_the_index_splits_becomes_an_and_alternative():
    lexicon = MemoryLexicon(["企业开办指南"])
    assert lexicon.frequency("企业开办") == 0
    assert ("企业", "开办") in plan("开公司", lexicon).groups[0]


def test_question_in_plain_language(lexicon):
    result = plan("被征地的农民怎么参加养老保险", lexicon)
    assert len(result.groups) == 2
    assert {"被征地农民", "失地农民"} <= alternatives(result.groups[0])
    assert "参加+养老保险" in alternatives(result.groups[1])
    assert not {"的", "怎么"} & set(result.terms)
    for document in DOCUMENTS[1:2]:
        terms = set(index_terms(document))
        assert all(any(set(alternative) <= terms for alternative in group) for group in result.groups)


def test_question_where_to(lexicon):
    result = plan("办执照去哪里", lexicon)
    assert "营业执照" in alternatives(result.groups[0])
    assert not {"去", "哪里"} & set(result.terms)


QUESTION_WORDS = {"怎么", "多少", "哪些", "能", "吗", "有没有", "多长时间", "多久", "需要", "可以", "什么时候", "哪里"}


@pytest.mark.parametrize(
    "question",
    [
        "环评审批要多长时间",
        "有没有关于环评的规定",
        "企业怎么办理环评，需要多久",
        "环评能在哪里办吗",
        "哪些企业可以做环评",
        "办环评多少钱，什么时候能批",
    ],
)
def test_question_words_never_decide_a_match(question):
    """Whatever question words surround it, the plan of a question about 环评 is made of content words only."""
    lexicon = MemoryLexicon([*DOCUMENTS, "建设项目环评审批办理指南"])
    result = plan(question, lexicon)
    assert any(group[0] == ("环评",) for group in result.groups)  # with its synonym 环境影响评价
    assert not QUESTION_WORDS & set(result.terms)
    assert not {"时间", "多长", "钱"} & set(result.terms)


def test_question_words_glued_to_a_neighbour_are_dropped():
    """The segmenter's 能交 / 要交 (能 + 交) are neither searched nor "corrected" into some known word."""
    lexicon = MemoryLexicon([*DOCUMENTS, "外来务工人员社保缴纳办法"])
    result = plan("外地人在这里上班能交社保吗", lexicon)
    assert not {"能交", "这里", "吗"} & set(result.terms)
    assert result.corrected is None
    assert not [term for term in plan("申请补贴要交哪些材料", lexicon).terms if "交" in term]


def test_a_question_made_of_question_words_only_searches_nothing(lexicon):
    assert plan("有没有？怎么办？要多久？", lexicon).groups == []


@pytest.mark.parametrize("form", DOC_NUMBER_FORMS)
def test_doc_numbers_in_queries(lexicon, form):
    assert plan(form, lexicon).groups == [[("潜政办发2010年150号",)]]


def test_traditional_query(lexicon):
    assert plan("招商引資優惠政策", lexicon).groups == plan("招商引资优惠政策", lexicon).groups


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gives_an_empty_plan(lexicon, query):
    result = plan(query, lexicon)
    assert result.groups == []
    assert result.terms == []


def test_search_syntax_is_plain_text(lexicon):
    assert plan('"招商" AND (引资 OR', lexicon).groups == [[("招商",)], [("引资",)]]


def test_markup_leaves_its_text(lexicon):
    assert plan("<b>招商</b>", lexicon).groups == [[("招商",)]]


def test_long_input_is_capped(lexicon):
    words = ["招商", "引资", "优惠", "政策", "高新", "技术", "企业", "标准", "厂房", "出租", "七通一平", "翔凤镇"]
    result = plan(" ".join(words) * 50, lexicon)
    assert 0 < len(result.groups) <= MAX_GROUPS
    assert len(result.original) <= 100
    assert all(len(group) <= MAX_ALTERNATIVES for group in plan("开发区", lexicon).groups)
