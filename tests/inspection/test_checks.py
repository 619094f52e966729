"""The pure checks: GB 11643 check digit, Luhn, personal data, typos, sensitive words, leaders' names, alt text."""

from __future__ import annotations

import pytest

from zoneportal.inspection.checks import Severity
from zoneportal.inspection.checks.identity import (
    find_personal_data,
    id_check_character,
    is_valid_id_number,
    luhn_valid,
)
from zoneportal.inspection.checks.markup import images_without_alt, rich_text_to_plain
from zoneportal.inspection.checks.metadata import policy_metadata
from zoneportal.inspection.checks.wording import (
    Correction,
    LeaderName,
    Term,
    find_misspelled_leaders,
    find_sensitive_words,
    find_typos,
)

# 11010519491231002X is the standard's own example; the others are computed by hand from the weights.
VALID_IDS = ["11010519491231002X", "440524188001010014", "422827199003150018"]


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_id_numbers(number):
    assert is_valid_id_number(number)
    assert id_check_character(number[:17]) == number[17]


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # the check character should be X
        "440524188001010015",  # one off
        "422827199002300013",  # 30 February
        "42282719900315001",  # 17 characters
        "4228271990031500X8",  # X not last
    ],
)
def test_invalid_id_numbers(number):
    assert not is_valid_id_number(number)


def test_check_character_by_hand():
    # 42282719900315001: Σ digit × weight = 279, 279 mod 11 = 4, "10X98765432"[4] = "8".
    digits = "42282719900315001"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    assert id_check_character(digits) == "10X98765432"[total % 11] == "8"


@pytest.mark.parametrize("number", ["4111111111111111", "6222021234567890128", "79927398713", "6212262201023557228"])
def test_luhn_valid(number):
    assert luhn_valid(number)


@pytest.mark.parametrize("number", ["4111111111111112", "6222021234567890123", "79927398710", "", "12a4", "0"])
def test_luhn_invalid(number):
    assert not luhn_valid(number)


def test_personal_data_in_text_masked_and_graded():
    text = (
        "申请人张三，身份证号422827199003150018，开户行卡号6222 0212 3456 7890 128，"
        "联系电话138-1234-5678，办公电话0718-6281234，项目编号20240315001。"
    )
    findings = find_personal_data(text)
    kinds = {(f.kind, f.severity) for f in findings}
    assert kinds == {("id_number", Severity.BLOCKING), ("bank_card", Severity.BLOCKING), ("mobile", Severity.WARNING)}
    for finding in findings:
        assert "422827199003150018" not in finding.excerpt
        assert "6222 0212 3456 7890 128" not in finding.excerpt
    id_finding = next(f for f in findings if f.kind == "id_number")
    assert "4228**********0018" in id_finding.excerpt
    assert "身份证" in id_finding.message


def test_id_with_a_wrong_check_digit_is_only_a_warning():
    findings = find_personal_data("编号422827199003150014。")
    assert [(f.kind, f.severity) for f in findings] == [("id_number", Severity.WARNING)]


def test_numbers_that_are_no_personal_data():
    text = "2024年招商引资额12.5亿元，面积1234567平方米，电话0718-6281234，文号来开管发〔2015〕3号，4111111111111112。"
    assert find_personal_data(text) == []


def test_typos():
    findings = find_typos(
        "请按装消防设施，并签定合同。安装完成。", [Correction("按装", "安装"), Correction("签定", "签订")]
    )
    assert [f.message for f in findings] == ["疑似错别字：“按装”应为“安装”", "疑似错别字：“签定”应为“签订”"]
    assert all(f.severity == Severity.WARNING for f in findings)
    assert "请按装消防设施" in findings[0].excerpt


def test_sensitive_words_take_the_list_severity():
    terms = [Term("内部资料", Severity.BLOCKING), Term("最高级", Severity.WARNING)]
    findings = find_sensitive_words("本文为内部资料，服务最高级。", terms)
    assert [(f.message, f.severity) for f in findings] == [
        ("含敏感词“内部资料”", Severity.BLOCKING),
        ("含敏感词“最高级”", Severity.WARNING),
    ]
    assert find_sensitive_words("普通文字", terms) == []


LEADERS = [LeaderName("陈建国", "党工委书记、管委会主任"), LeaderName("刘晓红", "管委会副主任")]


@pytest.mark.parametrize(
    "text,written",
    [
        ("管委会主任陈建图主持会议。", "陈建图"),
        ("陈建图主任强调，要抓好招商。", "陈建图"),
        ("党工委书记陈健国出席。", "陈健国"),
        ("管委会副主任刘小红讲话。", "刘小红"),
        ("管委会主任林建国主持会议。", "林建国"),  # the full title: even the surname
    ],
)
def test_misspelled_leader_next_to_title(text, written):
    findings = find_misspelled_leaders(text, LEADERS)
    assert len(findings) == 1
    assert findings[0].severity == Severity.BLOCKING
    assert f"“{written}”" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "管委会主任陈建国主持会议，管委会副主任刘晓红讲话。",
        "陈建国主任强调，刘晓红副主任参加。",
        "村主任王大明介绍情况。",  # not one character from a leader's name
        "村委会主任林建国介绍情况。",  # beside a bare 主任, another surname is another person
        "主任",
    ],
)
def test_leaders_spelled_right_or_strangers(text):
    assert find_misspelled_leaders(text, LEADERS) == []


def test_images_without_alt():
    markup = (
        '<p>图</p><embed embedtype="image" id="3" format="fullwidth" alt=""/>'
        '<embed embedtype="image" id="4" format="left" alt="园区全景"/>'
        '<img src="/media/a.png"><img src="/media/b.png" alt="厂房">'
        '<embed embedtype="media" url="https://example.com/v"/>'
    )
    findings = images_without_alt(markup)
    assert [f.excerpt for f in findings] == ["图片 3", "/media/a.png"]
    assert all(f.kind == "image_alt" for f in findings)


def test_rich_text_to_plain():
    assert rich_text_to_plain("<p>身份证&nbsp;号</p><p>第二段</p>") == "身份证\xa0号\n第二段"


def test_policy_metadata():
    import datetime

    missing = policy_metadata(doc_number=" ", issuers=[], written_on=None, issued_on=None)
    assert [f.message for f in missing] == ["缺少文号", "缺少发文机关", "缺少成文日期和发布日期"]
    assert (
        policy_metadata(
            doc_number="来开管发〔2015〕3号", issuers=["管委会"], written_on=None, issued_on=datetime.date(2015, 3, 1)
        )
        == []
    )
