"""``manage.py prune_search_log``: delete search log entries older than the retention period."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.search.query_log import REPORT_DAYS, prune_query_log


class Command(BaseCommand):
    help = _("删除超过保留期限的搜索记录（默认保留 SEARCH_LOG_DAYS 天）。")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SEARCH_LOG_DAYS,
            help=_("保留最近多少天的记录（至少 %(days)d 天，搜索统计要用）") % {"days": REPORT_DAYS},
        )

    def handle(self, *args, days: int, **options) -> None:
        if days < REPORT_DAYS:
            raise CommandError(
                _("保留天数不能少于 %(days)d 天：搜索统计要用最近 %(days)d 天的记录。") % {"days": REPORT_DAYS}
            )
        deleted = prune_query_log(days)
        self.stdout.write(
            self.style.SUCCESS(_("已删除 %(count)d 条 %(days)d 天以前的搜索记录。") % {"count": deleted, "days": days})
        )
