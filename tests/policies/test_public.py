"""The library's public pages: filters and their counts, sorting, the document page and its banner, interpretations,
PDF, RSS, sitemap, the permanent address, the 繁體 view and the page cache."""

from __future__ import annotations

import base64
import re
import zlib
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.policies.conftest import make_policy
from zoneportal.policies.models import Policy, PolicyLibraryPage, Validity

pytestmark = pytest.mark.django_db
URL = "/zwgk/zhengce/"


def options_of(response, name: str) -> dict[str, int]:
    return {option.label: option.count for option in response.context["options"][name]}


def titles(response) -> list[str]:
    return [policy.title for policy in response.context["documents"]]


def test_library_lists_published_documents_with_counts_per_filter(library, client):
    response = client.get(URL)
    assert response.status_code == 200
    assert set(titles(response)) == {library.current.title, library.old.title, library.repealed.title}
    assert "尚未发布的草稿文件" not in response.content.decode()
    assert options_of(response, "category") == {"开发区优惠政策": 2, "税务政策": 1}
    assert options_of(response, "issuer") == {"来凤经济开发区管理委员会": 3, "湖北省人民政府": 1}
    assert options_of(response, "year") == {"2016": 1, "2015": 2}
    assert options_of(response, "validity") == {"有效": 1, "已修订": 1, "废止": 1}
    assert options_of(response, "topic") == {"招商引资": 2}
    html = response.content.decode()
    assert "开发区优惠政策（2）" in html and "共 3 份文件" in html


def test_a_filter_narrows_the_list_and_the_other_filters_counts_but_not_its_own(library, client):
    response = client.get(URL, {"year": "2015"})
    assert set(titles(response)) == {library.old.title, library.repealed.title}
    assert options_of(response, "year") == {"2016": 1, "2015": 2}  # its own options keep their counts
    assert options_of(response, "category") == {"开发区优惠政策": 1, "税务政策": 1}
    response = client.get(URL, {"year": "2015", "issuer": library.province.pk})
    assert titles(response) == [library.repealed.title]
    response = client.get(URL, {"topic": library.investment.pk, "validity": "valid"})
    assert titles(response) == [library.current.title]
    response = client.get(URL, {"category": "02", "validity": "repealed"})
    assert titles(response) == [library.repealed.title]


def test_malformed_filters_are_dropped_not_errors(library, client):
    response = client.get(URL, {"year": "abc", "issuer": "-1", "validity": "bogus", "sort": "x", "topic": "9" * 20})
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert client.get(URL, {"page": "99"}).status_code == 404


def test_sorting_by_date_number_and_title(library, client):
    assert titles(client.get(URL)) == [library.current.title, library.repealed.title, library.old.title]
    by_number = [policy.doc_number for policy in client.get(URL, {"sort": "number"}).context["documents"]]
    assert by_number == sorted(by_number)
    by_title = titles(client.get(URL, {"sort": "title"}))
    assert by_title == sorted(by_title)


def test_category_and_issuer_lists(library, client):
    response = client.get(f"{URL}fenlei/01/")
    assert response.status_code == 200
    assert set(titles(response)) == {library.current.title, library.old.title}
    assert '<h1 class="page-title">开发区优惠政策</h1>' in response.content.decode()
    assert client.get(f"{URL}fenlei/99/").status_code == 404
    response = client.get(f"{URL}jiguan/{library.province.pk}/")
    assert titles(response) == [library.repealed.title]
    assert client.get(f"{URL}jiguan/999999/").status_code == 404


def test_a_library_limited_to_categories_shows_only_them(library, client):
    library.page.categories.set([library.tax])
    library.page.save_revision().publish()
    response = client.get(URL)
    assert titles(response) == [library.repealed.title]
    assert client.get(f"{URL}{library.current.pk}/").status_code == 404
    assert client.get(f"{URL}fenlei/01/").status_code == 404


def test_the_library_page_needs_few_queries_uncached(library, client, django_assert_max_num_queries):
    for n in range(25):
        make_policy(
            title=f"批量文件{n}", category=library.tax, issued_on=date(2014, 1, 1 + n), issuers=[library.province]
        )
    client.get(URL)  # warm the per-process caches (site, settings) as a running server has them
    for params in ({}, {"category": "02", "year": "2014", "issuer": library.province.pk, "sort": "title"}):
        with django_assert_max_num_queries(20):
            assert client.get(URL, {**params, "nocache": "1"}).status_code == 200


def test_document_page_shows_the_metadata_table(library, client):
    response = client.get(f"{URL}{library.current.pk}/")
    html = response.content.decode()
    for label in (
        "索引号",
        "分类",
        "发文机关",
        "成文日期",
        "发布日期",
        "文号",
        "生效日期",
        "失效日期",
        "有效性",
        "主题",
    ):
        assert f'<th scope="row">{label}</th>' in html
    assert library.current.index_number in html
    assert "来开管发〔2016〕1号" in html and "2016-01-05" in html and "2016-02-01" in html
    assert f'href="{URL}jiguan/{library.committee.pk}/"' in html
    assert "policy-banner" not in html  # in force: no banner
    assert f'href="{URL}jiedu/{library.interpretation.pk}/"' in html  # its interpretation
    assert f'href="{URL}{library.repealed.pk}/"' in html  # related
    assert f'href="{URL}{library.old.pk}/"' in html  # the document it replaced
    assert client.get(f"{URL}{library.draft.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("which", "words"),
    [
        ("old", "本文件已修订，请以修订后的《来凤经济开发区招商引资优惠政策（2016年修订）》为准。"),
        ("repealed", "本文件已废止"),
    ],
)
def test_banner_on_documents_no_longer_in_force(library, client, which, words):
    html = client.get(f"{URL}{getattr(library, which).pk}/").content.decode()
    assert 'class="policy-banner' in html and words in html
    if which == "old":
        assert f'<a href="{URL}{library.current.pk}/">查看修订后的文件' in html


def test_expired_banner_without_a_replacement(library, client):
    Policy.objects.filter(pk=library.current.pk).update(validity=Validity.EXPIRED, expires_on=date(2020, 1, 1))
    html = client.get(f"{URL}{library.current.pk}/").content.decode()
    assert "本文件已失效" in html and "查看修订后的文件" not in html


def test_interpretation_page_links_back(library, client):
    response = client.get(f"{URL}jiedu/{library.interpretation.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "以返代免，即先征收" in html
    assert f'href="{URL}{library.current.pk}/"' in html
    library.interpretation.live = False
    library.interpretation.save()
    assert client.get(f"{URL}jiedu/{library.interpretation.pk}/").status_code == 404


def _unescape(literal: bytes) -> bytes:
    """A PDF literal string's bytes (octal and backslash escapes undone)."""
    return re.sub(
        rb"\\([0-7]{1,3}|.)",
        lambda m: (
            bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit() else {b"n": b"\n"}.get(m.group(1), m.group(1))
        ),
        literal,
        flags=re.S,
    )


def pdf_text(data: bytes) -> str:
    """The text drawn in a ReportLab PDF: content streams decoded (ASCII85, Flate), CID strings read as UCS-2."""
    text = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        content = zlib.decompress(base64.a85decode(stream.strip().removesuffix(b"~>")))
        for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", content, re.S):
            raw = _unescape(literal)
            if len(raw) % 2 == 0:
                text.append(raw.decode("utf-16-be", "replace"))
    return "".join(text)


def test_pdf_download_is_a_text_pdf_with_the_metadata(library, client):
    response = client.get(f"{URL}{library.old.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    assert b"STSong-Light" in response.content  # a real font: text, not a picture
    text = pdf_text(response.content)
    for words in (
        "来凤经济开发区招商引资优惠政策",
        "索引号",
        library.old.index_number,
        "来开管发〔2015〕3号",
        "本文件已修订",
    ):
        assert words in text, words
    assert "企业所得税免二减三" in text
    assert client.get(f"{URL}{library.draft.pk}/pdf/").status_code == 404


def test_rss_of_new_documents_and_per_category(library, client):
    response = client.get(f"{URL}rss/")
    assert response.status_code == 200 and "rss+xml" in response["Content-Type"]
    xml = response.content.decode()
    links = re.findall(r"<link>http://testserver/zwgk/zhengce/(\d+)/</link>", xml)
    assert links == [str(library.current.pk), str(library.repealed.pk), str(library.old.pk)]  # newest first
    assert "尚未发布的草稿文件" not in xml
    assert f"http://testserver{URL}{library.current.pk}/" in xml
    xml = client.get(f"{URL}fenlei/02/rss/").content.decode()
    assert library.repealed.title in xml and library.current.title not in xml
    assert client.get(f"{URL}fenlei/99/rss/").status_code == 404


def test_sitemap_lists_documents_and_interpretations(library, client):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{URL}{library.current.pk}/</loc>" in xml
    assert f"{URL}jiedu/{library.interpretation.pk}/</loc>" in xml
    assert f"{URL}{library.draft.pk}/</loc>" not in xml


def test_permanent_address_follows_the_library(library, client):
    url = reverse("policies:permanent", args=[library.current.pk])
    assert url == f"/policies/{library.current.pk}/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"{URL}{library.current.pk}/"
    page = PolicyLibraryPage.objects.get(pk=library.page.pk)
    page.slug = "wenjian"
    page.save_revision().publish()
    assert client.get(url)["Location"] == f"/zwgk/wenjian/{library.current.pk}/"
    assert client.get(f"/policies/{library.draft.pk}/").status_code == 404


def test_traditional_view_keeps_its_prefix(library, client):
    html = client.get(f"/zh-hant{URL}{library.old.pk}/").content.decode()
    assert "來鳳經濟開發區招商引資優惠政策" in html
    assert f'href="/zh-hant{URL}{library.current.pk}/"' in html
    assert f'href="/zh-hant{URL}{library.old.pk}/pdf/"' in html


def test_page_cache_is_emptied_when_a_document_changes(library, client, settings):
    assert library.current.title in client.get(URL).content.decode()
    policy = Policy.objects.get(pk=library.current.pk)
    policy.title = "改过标题的文件"
    policy.save()
    html = client.get(URL).content.decode()
    assert "改过标题的文件" in html


def test_export_of_the_filtered_library_in_both_formats(library, client):
    """The list links to an export of what the visitor filtered; the download holds exactly those documents."""
    page = client.get(f"{URL}fenlei/01/?validity=amended").content.decode()
    assert "daochu/?category=01&amp;validity=amended&amp;sort=date&amp;format=csv" in page
    response = client.get(f"{URL}daochu/?category=01&validity=amended&format=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="policies-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert library.old.doc_number in text
    assert library.current.doc_number not in text and library.repealed.doc_number not in text
    workbook = client.get(f"{URL}daochu/?category=02&format=xlsx")
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    cells = [cell.value for row in load_workbook(BytesIO(workbook.content)).active.iter_rows() for cell in row]
    assert library.repealed.doc_number in cells and library.draft.title not in cells
    assert client.get(f"{URL}daochu/?format=exe").status_code == 404
