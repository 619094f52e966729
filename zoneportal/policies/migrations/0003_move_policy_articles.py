"""Policy articles become library documents: nothing lost, the old addresses redirect.

Every ArticlePage below a column whose content kind is 政策文件 becomes a
Policy with its title, 文号, issuers (split on 、), category (by name, created
with a new code when unknown), validity, body with its tables, publish date
(as 发布日期), attachments, department and the page's id (``legacy_page_id``).
The article stays as an unpublished draft (its revisions, comments and log
are kept) and a permanent redirect on its site sends its old address to the
document's permanent one, ``/policies/<id>/``, which follows the library
wherever it is published.

The site search index still holds the old articles until it is rebuilt:
``manage.py rebuild_search_index`` after migrating (docs/operations.md).
"""

from __future__ import annotations

import html
from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations
from wagtail.contrib.redirects.models import Redirect as RedirectModel

from zoneportal.policies.index_numbers import format_index_number

#: The category of an article that named none.
UNNAMED_CATEGORY = "其他政策文件"
ISSUER_SEPARATOR = "、"


def tables_html(raw_tables) -> str:
    """The 附表 StreamField (TableBlock data) as plain HTML tables."""
    parts = []
    for block in raw_tables or []:
        value = block.get("value") or {}
        rows = value.get("data") or []
        header = value.get("first_row_is_table_header")
        caption = value.get("table_caption") or ""
        cells_html = []
        for number, row in enumerate(rows):
            tag = "th" if header and number == 0 else "td"
            cells = "".join(f"<{tag}>{html.escape(str(cell or ''))}</{tag}>" for cell in row)
            cells_html.append(f"<tr>{cells}</tr>")
        caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
        parts.append(f"<table>{caption_html}<tbody>{''.join(cells_html)}</tbody></table>")
    return "".join(parts)


def move_policy_articles(apps, schema_editor) -> None:
    ColumnPage = apps.get_model("portal", "ColumnPage")
    ArticlePage = apps.get_model("portal", "ArticlePage")
    Site = apps.get_model("wagtailcore", "Site")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Policy = apps.get_model("policies", "Policy")
    PolicyCategory = apps.get_model("policies", "PolicyCategory")
    PolicyIssuer = apps.get_model("policies", "PolicyIssuer")
    PolicyAttachment = apps.get_model("policies", "PolicyAttachment")
    Counter = apps.get_model("policies", "IndexNumberCounter")
    zone = ZoneInfo(settings.TIME_ZONE)
    sites = list(Site.objects.select_related("root_page"))

    def category_named(name: str):
        category = PolicyCategory.objects.filter(name=name).first()
        if category is None:
            codes = [int(code) for code in PolicyCategory.objects.values_list("code", flat=True) if code.isdigit()]
            code = f"{max(codes, default=0) + 1:02d}"
            category = PolicyCategory.objects.create(name=name, code=code, sort_order=1000)
        return category

    def index_number(category, year: int) -> str:
        counter, _created = Counter.objects.get_or_create(category=category, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
        return format_index_number(category.code, year, counter.last)

    for column in ColumnPage.objects.filter(content_kind="policy").order_by("path"):
        articles = ArticlePage.objects.filter(path__startswith=column.path, depth__gt=column.depth).order_by("path")
        for article in articles:
            if Policy.objects.filter(legacy_page_id=article.pk).exists():
                continue  # moved already
            category = category_named(article.policy_category.strip() or UNNAMED_CATEGORY)
            issued_on = article.publish_at.astimezone(zone).date() if article.publish_at else None
            body = article.body + tables_html(article.tables.raw_data if article.tables else [])
            doc_number = article.doc_number.strip()
            if doc_number and Policy.objects.filter(doc_number=doc_number).exists():
                # A 文号 is one document's: a second article quoting it keeps the number in its text.
                body = f"<p>{html.escape(doc_number)}</p>" + body
                doc_number = ""
            policy = Policy.objects.create(
                external_id=f"article-{article.pk}",
                title=article.title,
                doc_number=doc_number,
                index_number=index_number(category, (issued_on or date.today()).year),
                category=category,
                department_id=article.source_department_id or column.department_id,
                issued_on=issued_on,
                validity=article.validity or "valid",
                body=body,
                live=article.live,
                legacy_page_id=article.pk,
            )
            names = [name.strip() for name in article.issuer.split(ISSUER_SEPARATOR) if name.strip()]
            # Through the join table: a parental many-to-many field writes only when its owner is saved.
            Policy.issuers.through.objects.bulk_create(
                Policy.issuers.through(policy_id=policy.pk, policyissuer_id=issuer.pk)
                for issuer in (PolicyIssuer.objects.get_or_create(name=name)[0] for name in names)
            )
            for attachment in article.attachments.order_by("sort_order", "pk"):
                PolicyAttachment.objects.create(
                    policy=policy,
                    document_id=attachment.document_id,
                    title=attachment.title,
                    sort_order=attachment.sort_order,
                )
            if article.live:
                for site in sites:
                    root_path = site.root_page.url_path
                    if not article.url_path.startswith(root_path):
                        continue
                    old_path = RedirectModel.normalise_path(article.url_path[len(root_path) - 1 :])
                    Redirect.objects.update_or_create(
                        old_path=old_path,
                        site=site,
                        defaults={
                            "is_permanent": True,
                            "redirect_link": f"/policies/{policy.pk}/",
                            "redirect_page": None,
                        },
                    )
            ArticlePage.objects.filter(pk=article.pk).update(
                live=False, has_unpublished_changes=True, live_revision=None
            )


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0002_default_categories"),
        ("portal", "0004_article_defaults_and_rich_text"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(move_policy_articles, migrations.RunPython.noop)]
