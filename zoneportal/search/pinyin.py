"""Toneless pinyin of words, and reading a visitor's latin input as pinyin syllables or initials."""

import re
from functools import lru_cache

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@lru_cache(maxsize=65536)
def word_pinyin(word: str) -> tuple[str, str] | None:
    """Toneless joined pinyin and initials of a word: '招商引资' → ('zhaoshangyinzi', 'zsyz').

    Context-aware (银行 → yinhang); ü is written v (绿 → lv); latin letters and digits in the word are kept as they are.
    Returns None when the word holds no Chinese character.
    """
    if not _HAN.search(word):
        return None
    # Imported on first use, not with the module: pypinyin's dictionaries take about 55 MB per process, and only
    # indexing and typo correction (query._twin) read pinyin of words; a gunicorn worker serving pages and ordinary
    # searches never loads them.
    from pypinyin import Style, lazy_pinyin

    syllables = [part for part in lazy_pinyin(word, style=Style.NORMAL) if part.isalnum()]
    return "".join(syllables).lower(), "".join(part[0] for part in syllables).lower()


# Toneless syllables of Hanyu Pinyin as pypinyin writes them (ü as v), without the interjections m, n, hm, whose
# single consonants would make every string of initials look like pinyin.
SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai can cang cao ce
    cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci
    cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dian diao die din ding diu dong dou du duan dui dun
    duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai
    guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian
    jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang
    kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv
    lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng
    ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian
    piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng
    ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi
    shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian
    tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin
    xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze
    zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi
    zong zou zu zuan zui zun zuo
    """.split()
)
_LONGEST_SYLLABLE = max(map(len, SYLLABLES))
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=4096)
def syllabifications(text: str, limit: int = 4) -> tuple[tuple[str, ...], ...]:
    """Ways to read a lower-case latin string as pinyin syllables, most likely first, at most ``limit``.

    'zhaoshangyinzi' → (('zhao', 'shang', 'yin', 'zi'), ('zha', 'o', 'shang', 'yin', 'zi'), …). Readings with fewer
    syllables come first, then those with fewer syllables starting with a vowel after the first ('xian' before
    'xi an'), since typed pinyin without apostrophes usually means the longer syllable. Empty when there is none.
    """

    def cost(reading: tuple[str, ...]) -> tuple[int, int]:
        return len(reading), sum(syllable[0] in _VOWELS for syllable in reading[1:])

    # best[i]: the best readings of text[i:], kept short so that long ambiguous strings stay cheap.
    best: list[list[tuple[str, ...]]] = [[] for _ in range(len(text))] + [[()]]
    for start in range(len(text) - 1, -1, -1):
        readings = [
            (text[start:end], *rest)
            for end in range(start + 1, min(len(text), start + _LONGEST_SYLLABLE) + 1)
            if text[start:end] in SYLLABLES
            for rest in best[end]
        ]
        best[start] = sorted(readings, key=cost)[:limit]
    return tuple(best[0])


def is_pinyin(text: str) -> bool:
    """True when the whole lower-case latin string reads as pinyin syllables."""
    return bool(syllabifications(text, 1))
