"""统一社会信用代码: length, alphabet and check character, each refusal saying in Chinese what is wrong."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.investment.conftest import HUAWEI, TENCENT, XIAOMI
from zoneportal.investment import credit_code


@pytest.mark.parametrize("code", [XIAOMI, HUAWEI, TENCENT])
def test_published_codes_are_valid(code):
    assert credit_code.check_character(code[:17]) == code[-1]
    assert credit_code.is_valid(code)
    credit_code.validate_credit_code(code)  # raises nothing


def test_weights_are_powers_of_three_mod_31():
    assert credit_code.WEIGHTS[:6] == (1, 3, 9, 27, 19, 26)
    assert len(credit_code.WEIGHTS) == 17


def test_check_character_zero_when_the_sum_divides():
    # 17 zeros sum to 0: the check is 0, not the 31st character.
    assert credit_code.check_character("0" * 17) == "0"
    assert credit_code.with_check_character("91422827MA0000001") == "91422827MA00000013"


def message(code: str) -> str:
    with pytest.raises(ValidationError) as refused:
        credit_code.validate_credit_code(code)
    return refused.value.messages[0]


def test_wrong_length_named():
    assert message(XIAOMI[:-1]) == "统一社会信用代码应为18位，现为17位。"
    assert "现为19位" in message(XIAOMI + "1")


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V", "a"])
def test_letters_outside_the_alphabet_named_with_their_position(letter):
    code = XIAOMI[:9] + letter + XIAOMI[10:]
    text = message(code)
    assert f"第10位“{letter}”不是允许的字符" in text


def test_wrong_check_character_says_what_it_should_be():
    wrong = XIAOMI[:-1] + "R"
    assert message(wrong) == "统一社会信用代码的校验码（第18位）不对：按前17位应为“Q”，现为“R”。"


def test_a_changed_digit_is_caught():
    changed = XIAOMI[:5] + "9" + XIAOMI[6:]
    assert not credit_code.is_valid(changed)


def test_normalise():
    assert credit_code.normalise(" 9144030071526726xg ") == TENCENT
