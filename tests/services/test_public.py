"""The public side: the list and its browsing, an item, the checklist, the print view, downloads, journeys."""

from __future__ import annotations

import pytest

from tests.utils import soup, text_of

pytestmark = pytest.mark.django_db


def url(services, rest: str = "") -> str:
    return f"/banshi/zhinan/{rest}"


def test_list_shows_published_items_only(client, services):
    response = client.get(url(services))
    assert response.status_code == 200
    text = text_of(response)
    assert services.filing.name in text and services.land.name in text
    assert services.draft.name not in text
    assert "共 2 个事项" in text


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("department=invest", "企业投资项目备案", "土地出让金缴纳"),
        ("department=finance", "土地出让金缴纳", "企业投资项目备案"),
        ("topic=kaiban", "企业投资项目备案", "土地出让金缴纳"),
        ("event=sheli", "企业投资项目备案", "土地出让金缴纳"),
        ("kind=filing", "企业投资项目备案", "土地出让金缴纳"),
        ("q=出让金", "土地出让金缴纳", "企业投资项目备案"),
    ],
)
def test_browse_and_filter(client, services, query, shown, hidden):
    names = {a.get_text(strip=True) for a in soup(client.get(f"{url(services)}?{query}")).select(".services-list h3 a")}
    assert shown in names and hidden not in names


def test_unknown_filter_values_are_dropped(client, services):
    response = client.get(f"{url(services)}?department=nowhere&kind=bogus&topic=<script>")
    assert response.status_code == 200
    assert "共 2 个事项" in text_of(response)


def test_browse_lists_count_items(client, services):
    page = soup(client.get(url(services)))
    departments = [a.get_text(strip=True) for a in page.select("[aria-labelledby=browse-department] a")]
    assert departments == ["招商发展分局（1）", "财政分局（1）"]
    assert [a.get_text(strip=True) for a in page.select("[aria-labelledby=browse-topic] a")] == ["企业开办（1）"]


def test_item_page_shows_every_part(client, services):
    response = client.get(url(services, f"{services.filing.pk}/"))
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "企业投资项目备案"
    text = text_of(response)
    for part in ("设定依据", "受理条件", "申请材料", "办理流程", "不收费", "5 个工作日", "20 个工作日", "备案要多久？"):
        assert part in text
    # the department's address and phone stand in for the item's own
    assert "来凤县翔凤镇开发区大道2号" in text and "0718-6280001" in text
    svg = page.select_one("svg.flow-chart")
    assert svg["role"] == "img" and svg.title.get_text() == "企业投资项目备案办理流程图"
    assert [li.strong.get_text() for li in page.select(".services-steps li")] == ["受理", "审核", "办结"]
    links = [a["href"] for a in page.select(".services-downloads a")]
    assert links == [
        url(services, f"{services.filing.pk}/xiazai/{services.material.pk}/blank/"),
        url(services, f"{services.filing.pk}/xiazai/{services.material.pk}/sample/"),
    ]


def test_fee_and_its_basis_are_shown(client, services):
    text = text_of(client.get(url(services, f"{services.land.pk}/")))
    assert "按出让合同约定的金额缴纳" in text and "城镇国有土地使用权出让和转让暂行条例" in text
    assert "不收费" not in text


def test_unpublished_or_unknown_item_is_404(client, services):
    assert client.get(url(services, f"{services.draft.pk}/")).status_code == 404
    assert client.get(url(services, f"{services.draft.pk}/checklist/")).status_code == 404
    assert client.get(url(services, "999999/")).status_code == 404


def test_checklist_and_print_view(client, services):
    checklist = client.get(url(services, f"{services.filing.pk}/checklist/"))
    assert checklist.status_code == 200
    text = text_of(checklist)
    assert "一次性告知单" in text and "企业投资项目备案申请表" in text and "原件 1 份" in text
    assert "受理 → 审核 → 办结" in text
    printed = client.get(url(services, f"{services.filing.pk}/print/"))
    assert printed.status_code == 200
    page = soup(printed)
    assert page.html["lang"] == "zh-Hans" and page.h1.get_text() == "企业投资项目备案"
    assert page.select_one("svg.flow-chart") is not None
    assert not page.select(".services-downloads")  # no download column on paper


def test_download_blank_form_and_sample(client, services):
    base = url(services, f"{services.filing.pk}/xiazai/{services.material.pk}/")
    response = client.get(f"{base}blank/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK\x03\x04")
    assert "attachment" in response["Content-Disposition"]
    assert "%E7%94%B3%E8%AF%B7%E8%A1%A8" in response["Content-Disposition"]  # 申请表, the material's name
    assert response["Content-Disposition"].endswith(".docx")
    sample = client.get(f"{base}sample/")
    assert b"".join(sample.streaming_content).startswith(b"%PDF-")


def test_downloads_refused_for_what_is_not_public(client, services):
    base = url(services, f"{services.filing.pk}/xiazai/{services.material.pk}/")
    assert client.get(f"{base}other/").status_code == 404
    other_item = url(services, f"{services.land.pk}/xiazai/{services.material.pk}/blank/")
    assert client.get(other_item).status_code == 404  # the material belongs to another item
    no_file = services.land.materials.first()
    assert client.get(url(services, f"{services.land.pk}/xiazai/{no_file.pk}/blank/")).status_code == 404
    services.filing.published = False
    services.filing.save()
    assert client.get(f"{base}blank/").status_code == 404


def test_journey_list_and_questions(client, services):
    listing = client.get(url(services, "yijianshi/"))
    assert listing.status_code == 200
    assert "项目落地“一件事”" in text_of(listing)
    journey = url(services, "yijianshi/xiangmu/")
    page = soup(client.get(journey))
    form = page.select_one("form.services-questions")
    assert form["method"] == "get"
    field = f"q{services.question.pk}"
    assert {radio["value"] for radio in form.select(f"input[name={field}]")} == {"yes", "no", ""}
    assert [a.get_text() for a in page.select(".services-stages h3 a")] == ["企业投资项目备案", "土地出让金缴纳"]

    answered_no = soup(client.get(f"{journey}?{field}=no"))
    assert [a.get_text() for a in answered_no.select(".services-stages h3 a")] == ["企业投资项目备案"]
    assert "土地出让金缴纳" in answered_no.select_one(".services-not-needed").get_text()
    assert answered_no.select_one(f"input[name={field}][value=no]").has_attr("checked")
    assert "需要办理 1 个事项" in answered_no.get_text()

    answered_yes = soup(client.get(f"{journey}?{field}=yes"))
    assert len(answered_yes.select(".services-stages h3 a")) == 2
    assert answered_yes.select_one(".services-not-needed") is None


def test_unpublished_journey_is_404(client, services):
    services.journey.published = False
    services.journey.save()
    assert client.get(url(services, "yijianshi/xiangmu/")).status_code == 404


def test_sitemap_lists_items_and_journeys(client, services):
    urls = [entry["location"] for entry in services.page.get_sitemap_urls()]
    assert any(location.endswith(f"/banshi/zhinan/{services.filing.pk}/") for location in urls)
    assert any(location.endswith("/banshi/zhinan/yijianshi/xiangmu/") for location in urls)
    assert not any(location.endswith(f"/banshi/zhinan/{services.draft.pk}/") for location in urls)
