"""The demo's 招商网 in seven languages: Chinese guide, industries, success stories and contact page, the six
translated page trees (home page and six pages each) and two investor leads."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from wagtail.models import Locale, Page

from zoneportal.demo.content.invest_site import (
    CONTACT_BODY,
    CONTACT_INTRO,
    CONTACT_SLUG,
    CONTACT_TITLE,
    DEMO_LEADS,
    INVEST_PAGES,
    TRANSLATIONS,
)
from zoneportal.portal.models import ContentPage, HomePage, HomeQuickLink

from .models import InvestContactPage, InvestorLead, LeadFollowUp

if TYPE_CHECKING:
    from zoneportal.demo.builder import DemoBuilder


def steps() -> int:
    """Progress ticks of :func:`build`: the Chinese pages and contact page, one per language, the leads."""
    return len(INVEST_PAGES) + 1 + len(TRANSLATIONS) + 1


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def build(builder: DemoBuilder) -> None:
    """Chinese pages first (their translation keys are what the translations share), then each language."""
    department = builder.departments["zhaoshang"]
    home = builder.pages["invest-home"]
    for spec in INVEST_PAGES:
        page = ContentPage(
            title=spec.title,
            slug=spec.slug,
            department=department,
            intro=_paragraph(spec.intro),
            keywords=spec.keywords,
            show_in_menus=True,
        )
        builder.create_page(home, page, spec.key, department)
        page.body = builder.stream_body(spec)
        builder.publish(page, department)
        builder.progress.tick()
    contact = InvestContactPage(
        title=CONTACT_TITLE,
        slug=CONTACT_SLUG,
        department=department,
        intro=_paragraph(CONTACT_INTRO),
        body=_paragraph(CONTACT_BODY),
        show_in_menus=True,
    )
    builder.create_page(home, contact, "inv-contact", department)
    builder.publish(contact, department)
    builder.progress.tick()

    root = Page.get_first_root_node()
    for translation in TRANSLATIONS:
        locale = Locale.objects.get(language_code=translation.language)
        key = f"invest-home-{translation.language}"
        translated_home = HomePage(
            title=translation.home_title,
            slug=f"invest-home-{translation.language}",
            tagline=translation.tagline,
            intro=_paragraph(translation.tagline),
            banner=home.specific.banner,
            locale=locale,
            translation_key=home.translation_key,
            live=False,
        )
        builder.create_page(root, translated_home, key, department)
        links = []
        for source, title, slug, intro, paragraph in translation.pages:
            page = ContentPage(
                title=title,
                slug=slug,
                department=department,
                intro=_paragraph(intro),
                body=[{"type": "paragraph", "value": _paragraph(paragraph)}],
                show_in_menus=True,
                locale=locale,
                translation_key=builder.pages[source].translation_key,
            )
            builder.create_page(translated_home, page, f"{source}-{translation.language}", department)
            # Saved and published by the administrator, who set up the foreign-language versions: the
            # department's editors work in Chinese, and their dashboards list what they edited themselves.
            builder.publish(page, department, as_admin=True)
            links.append((title, intro, page))
        contact_title, contact_intro, address = translation.contact
        translated_contact = InvestContactPage(
            title=contact_title,
            slug="contact",
            department=department,
            intro=_paragraph(contact_intro),
            body=_paragraph(address),
            show_in_menus=True,
            locale=locale,
            translation_key=contact.translation_key,
        )
        builder.create_page(translated_home, translated_contact, f"inv-contact-{translation.language}", department)
        builder.publish(translated_contact, department, as_admin=True)
        links.append((contact_title, contact_intro, translated_contact))
        translated_home.quick_links = [
            HomeQuickLink(title=title, description=intro, link_page=page, sort_order=index)
            for index, (title, intro, page) in enumerate(links)
        ]
        builder.publish(translated_home, department, as_admin=True)
        builder.progress.tick()

    for language, name, company, country, email, phone, industry, amount, message, status in DEMO_LEADS:
        lead = InvestorLead.objects.create(
            name=name,
            company=company,
            country=country,
            email=email,
            phone=phone,
            industry=industry,
            planned_investment=amount,
            message=message,
            language=language,
            page=builder.pages[f"inv-contact-{language}"],
            status=status,
            department=department,
            owner=builder.editors.get("zhaoshang") if status != InvestorLead.Status.NEW else None,
        )
        if status == InvestorLead.Status.FOLLOWING:
            LeadFollowUp.objects.create(lead=lead, who=lead.owner, note="已电话联系，客商计划下月来区考察。（演示）")
    builder.progress.tick()


def remove(departments) -> None:
    """The demo's leads (they keep their department)."""
    InvestorLead.objects.filter(department__in=departments).delete()
