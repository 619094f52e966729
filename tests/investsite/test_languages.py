"""Every content language of the 招商网 has the inquiry form and the page frame in its own words."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from zoneportal.investsite.forms import InquiryForm

FOREIGN = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != "zh-hans"]
FRAME = ["跳到主要内容", "首页", "主导航", "站内搜索", "语言", "提交咨询", "投资咨询"]


@pytest.mark.parametrize("language", FOREIGN)
def test_the_inquiry_form_is_labelled_in_the_page_language(language):
    with translation.override(language):
        form = InquiryForm()
        labels = [str(field.label) for field in form.fields.values()]
        frame = [translation.gettext(text) for text in FRAME]
    chinese = [str(field.label) for field in InquiryForm().fields.values()]
    assert all(label != source for label, source in zip(labels, chinese, strict=True)), labels
    assert all(text != source for text, source in zip(frame, FRAME, strict=True)), frame


def test_every_foreign_language_is_covered():
    assert sorted(FOREIGN) == ["de", "en", "fr", "ja", "ko", "ru"]


def test_the_switcher_names_every_language_in_itself():
    from zoneportal.investsite.translations import LANGUAGE_NAMES

    assert list(LANGUAGE_NAMES) == ["zh-hans", *FOREIGN]
    assert LANGUAGE_NAMES["de"] == "Deutsch" and dict(settings.WAGTAIL_CONTENT_LANGUAGES)["de"] == "德语"
