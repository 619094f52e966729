"""``manage.py rebuild_search_index``: index every registered source (pages and the apps' own) again, with progress."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from zoneportal.search.index import rebuild_index


class Command(BaseCommand):
    help = _("重建站内搜索索引（分词、拼音词表、全文索引）。")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        interactive = self.stdout.isatty()

        def progress(done: int, total: int) -> None:
            line = _("已索引 %(done)d / %(total)d 条") % {"done": done, "total": total}
            if interactive:
                self.stdout.write("\r" + line, ending="")
                self.stdout.flush()
            elif done == total or done % 1000 == 0:
                self.stdout.write(line)

        count = rebuild_index(progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _("站内搜索索引已重建：%(count)d 条，用时 %(seconds).1f 秒。")
                % {"count": count, "seconds": time.monotonic() - started}
            )
        )
