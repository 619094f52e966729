"""Every page type renders with its content (Django test client, real database)."""

from __future__ import annotations

import pytest

from tests.utils import CJK, soup, text_of

pytestmark = pytest.mark.django_db


def hrefs(response) -> set[str]:
    return {a["href"] for a in soup(response).find_all("a", href=True)}


def test_home_page_shows_its_blocks(zone, client):
    response = client.get("/")
    assert response.status_code == 200
    text = text_of(response)
    page = soup(response)
    links = hrefs(response)

    assert "来凤经济开发区" in text
    # Headline news with images, and the 通知公告 list.
    for key in ("news1", "news2", "news3", "notice1"):
        assert zone.articles[key].title in text, key
        assert zone.articles[key].url in links, key
    cover_sources = {img.get("src", "") for img in page.find_all("img")}
    assert any("/media/" in src or "/images/" in src for src in cover_sources), cover_sources
    # 开发区动态 tabs: one per sub-column, with its newest articles.
    for column_key, article_key in (("investment", "invest1"), ("services", "service1")):
        assert zone.columns[column_key].title in text
        assert zone.articles[article_key].title in text
    # Quick links, the director's mailbox, the multimedia strip.
    assert "办事服务" in text and zone.columns["services"].url in links
    assert "政策查询" in text and "/zwgk/" in links
    assert "主任信箱" in text and "/mailbox/" in links
    assert "园区风貌" in text and "开发区宣传片" in text
    # Sub-sites and related government sites from the site settings.
    assert "http://invest.localhost/" in links
    assert "http://www.laifeng.gov.cn/" in links


def test_every_page_has_footer_and_search_box(zone, client):
    for url in ("/", zone.columns["news"].url, zone.articles["news1"].url, zone.pages["location"].url):
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        # Footer: host unit, 网站标识码, ICP and 公安 record numbers.
        assert "来凤经济开发区管理委员会" in text, url
        assert "4228270001" in text, url
        assert "鄂ICP备12345678号" in text, url
        assert "鄂公网安备42282702000001号" in text, url
        # A search box on every page, sending q to the search page.
        search_inputs = soup(response).select('form input[name="q"]')
        assert search_inputs, f"no search box on {url}"
        form = search_inputs[0].find_parent("form")
        assert form.get("action", "").rstrip("/").endswith("/search"), form.get("action")


def test_column_lists_newest_articles_with_pagination(zone, client):
    news = zone.columns["news"]  # per_page = 2, three articles
    first = client.get(news.url)
    assert first.status_code == 200
    text = text_of(first)
    assert zone.articles["news3"].title in text
    assert zone.articles["news2"].title in text
    assert zone.articles["news1"].title not in text
    assert any("page=2" in href for href in hrefs(first)), "no link to the second page"

    second = client.get(news.url + "?page=2")
    assert second.status_code == 200
    assert zone.articles["news1"].title in text_of(second)
    assert zone.articles["news3"].title not in text_of(second)


def test_column_page_out_of_range_is_a_chinese_404(zone, client):
    response = client.get(zone.columns["news"].url + "?page=999")
    assert response.status_code == 404
    assert CJK.search(text_of(response))
    assert "Not Found" not in response.content.decode()


def test_column_page_number_that_is_not_a_number_never_fails(zone, client):
    response = client.get(zone.columns["news"].url + "?page=abc")
    # Either the first page or a Chinese 404 — never a 500.
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert zone.articles["news3"].title in text_of(response)
    else:
        assert CJK.search(text_of(response))


def test_column_shows_sub_columns_and_their_articles(zone, client):
    response = client.get(zone.columns["dynamics"].url)
    assert response.status_code == 200
    links = hrefs(response)
    text = text_of(response)
    for key in ("investment", "services"):
        assert zone.columns[key].url in links
    for key in ("invest1", "invest2", "service1"):
        assert zone.articles[key].title in text


def test_article_shows_all_its_parts(zone, client):
    article = zone.articles["news2"]
    response = client.get(article.url)
    assert response.status_code == 200
    text = text_of(response)
    links = hrefs(response)
    assert article.title in text
    assert "三大园区同步建设" in text  # subtitle
    assert "招商发展分局" in text  # source department
    assert "王芳" in text  # author
    assert "2024-04-02 10:05" in text or "2024年04月02日" in text or "2024年4月2日" in text
    assert "开发区坚持工业强县战略。" in text  # body
    # Previous (older) and next (newer) article of the same column.
    assert zone.articles["news1"].url in links
    assert zone.articles["news3"].url in links
    # Breadcrumbs lead back to the column and home.
    assert zone.columns["news"].url in links
    assert "/" in links


def test_article_lists_its_attachments(zone, client):
    article = zone.articles["news3"]
    response = client.get(article.url)
    assert response.status_code == 200
    document = zone.documents["notice_pdf"]
    assert "对接会企业名单" in text_of(response)
    assert any(href.startswith(document.url) for href in hrefs(response)), document.url
    # The attachment itself is served.
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_article_from_outside_source_names_it(zone, client):
    response = client.get(zone.articles["news3"].url)
    assert "恩施州人民政府网" in text_of(response)


def test_content_page_renders_streamfield_blocks(zone, client):
    response = client.get(zone.pages["location"].url)
    assert response.status_code == 200
    text = text_of(response)
    page = soup(response)
    assert "地理位置" in text
    assert "来凤县地处湘鄂渝三省交界。" in text  # intro
    assert "区位优势" in text  # heading block
    assert "开发区位于来凤县城东部，交通便利。" in text  # paragraph block
    assert "12.5平方公里" in [cell.get_text(strip=True) for cell in page.find_all(["td", "th"])]  # table block
    assert "入园企业" in text and "86" in text and "45.6" in text and "亿元" in text  # key figures
    assert page.find("img", alt="园区全景") is not None  # image block
    assert "数据来源于开发区2015年统计" in text


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("structure", ["管委会办公室", "招商发展分局", "财政分局"]),
        ("functions", ["管委会办公室的工作职能：统筹协调。", "财政分局的工作职能：统筹协调。"]),
        ("leaders", ["陈建国", "党工委书记、管委会主任", "主持管委会全面工作", "刘晓红", "分管招商引资工作"]),
        ("offices", ["来凤县翔凤镇开发区大道1号", "0718-6280002", "工作日 8:30-12:00"]),
    ],
)
def test_organisation_pages_show_their_section(zone, client, slug, expected):
    response = client.get(zone.pages[slug].url)
    assert response.status_code == 200
    text = text_of(response)
    for item in expected:
        assert item in text, item


def test_leaders_page_shows_photos(zone, client):
    response = client.get(zone.pages["leaders"].url)
    images = soup(response).find_all("img")
    assert images, "no leader photo"
    assert all(img.has_attr("alt") for img in images)


def test_media_hall_lists_albums_and_videos(zone, client):
    response = client.get(zone.pages["media"].url)
    assert response.status_code == 200
    links = hrefs(response)
    assert zone.pages["album"].url in links
    assert zone.pages["video"].url in links


def test_photo_album_shows_photos_with_captions(zone, client):
    response = client.get(zone.pages["album"].url)
    assert response.status_code == 200
    text = text_of(response)
    assert "标准化厂房" in text and "园区道路" in text
    assert len(soup(response).find_all("img")) >= 2


def test_video_page_has_player_caption_and_transcript(zone, client):
    response = client.get(zone.pages["video"].url)
    assert response.status_code == 200
    text = text_of(response)
    page = soup(response)
    video = page.find("video")
    assert video is not None
    sources = [video.get("src", "")] + [source.get("src", "") for source in video.find_all("source")]
    assert any(src.startswith(zone.documents["video"].url) for src in sources), sources
    assert "来凤经济开发区形象宣传片" in text
    assert "这里是来凤经济开发区，一座正在崛起的新城。" in text


def test_sitemap_page_shows_the_column_tree(zone, client):
    response = client.get(zone.pages["sitemap"].url)
    assert response.status_code == 200
    links = hrefs(response)
    for key in ("disclosure", "notices", "news", "dynamics", "investment", "services", "finance"):
        assert zone.columns[key].url in links, key
    # Articles are not part of the site map page.
    assert zone.articles["news1"].url not in links


def test_draft_pages_are_not_public(zone, client):
    from tests.factories import add_page
    from zoneportal.portal.models import ArticlePage

    draft = add_page(
        zone.columns["news"], ArticlePage(title="尚未发布的稿件", slug="draft", body="<p>草稿</p>"), publish=False
    )
    assert client.get("/news/draft/").status_code == 404
    assert draft.title not in text_of(client.get(zone.columns["news"].url))
