"""The test zone plus a 招商网 (invest.localhost) in Chinese and English, with its contact pages."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import Zone, add_page, make_user
from zoneportal.core.models import Department
from zoneportal.investsite.models import InvestContactPage
from zoneportal.portal.models import ContentPage, HomePage, PortalSettings

INVEST_HOST = "invest.localhost"


@dataclass
class InvestSite:
    zone: Zone
    home: HomePage
    guide: ContentPage
    contact: InvestContactPage
    home_en: HomePage
    guide_en: ContentPage
    contact_en: InvestContactPage
    contact_ru: InvestContactPage


def translated(page: Page, parent: Page, language: str, **fields) -> Page:
    """A published page of ``language`` sharing ``page``'s translation key, under ``parent``."""
    specific = page.specific
    copy = type(specific)(
        locale=Locale.objects.get(language_code=language), translation_key=page.translation_key, **fields
    )
    return add_page(parent, copy)


@pytest.fixture
def invest(zone: Zone, settings) -> InvestSite:
    settings.INVESTOR_LEAD_DEPARTMENT = "invest"
    department = zone.departments["invest"]
    home = add_page(Page.get_first_root_node(), HomePage(title="招商网", slug="invest-home", tagline="投资来凤"))
    site = Site.objects.create(hostname=INVEST_HOST, port=80, root_page=home, site_name="招商网")
    PortalSettings.objects.create(site=site, site_name="招商网")
    guide = add_page(home, ContentPage(title="投资指南", slug="touzizhinan", show_in_menus=True))
    contact = add_page(
        home, InvestContactPage(title="联系我们", slug="lianxiwomen", department=department, show_in_menus=True)
    )
    root = Page.get_first_root_node()
    home_en = translated(home, root, "en", title="Invest in Laifeng", slug="invest-home-en")
    guide_en = translated(guide, home_en, "en", title="Investment guide", slug="guide", show_in_menus=True)
    contact_en = translated(contact, home_en, "en", title="Contact us", slug="contact", department=department)
    home_ru = translated(home, root, "ru", title="Инвестиции в Лайфэн", slug="invest-home-ru")
    contact_ru = translated(contact, home_ru, "ru", title="Контакты", slug="contact", department=department)
    land = Department.objects.create(name="国土建设分局", slug="guotu", kind=Department.Kind.BUREAU, sort_order=3)
    zone.users["guotu_editor"] = make_user("guotu_editor", land.editors_group)
    return InvestSite(zone, home, guide, contact, home_en, guide_en, contact_en, contact_ru)
