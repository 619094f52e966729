"""``manage.py load_demo [--reset]``: build the demo zone 来凤经济开发区 from ``demo/content``."""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from zoneportal.demo.builder import BUILT, DEMO_PASSWORD, FOREIGN, demo_accounts, load
from zoneportal.demo.letters import example_lookup
from zoneportal.disclosure.demo import example_lookup as example_disclosure
from zoneportal.letters.pages import MailboxIndexPage


class Command(BaseCommand):
    help = _("加载演示数据（来凤经济开发区）。已加载时只列出演示账号；--reset 删除演示数据后重建。")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reset", action="store_true", help=_("删除已有的演示数据（及其他页面）并重新生成"))

    def handle(self, *args, reset: bool = False, **options) -> None:
        started = time.monotonic()
        try:
            outcome = load(
                reset=reset,
                write=self.stdout.write,
                update=self.update_line if self.stdout.isatty() else None,
                timings=options["verbosity"] >= 2,
            )
        except Exception as error:
            raise CommandError(
                _("演示数据加载失败，数据库已回滚，没有留下任何改动：%(error)s") % {"error": error}
            ) from error
        if outcome == FOREIGN:
            self.stderr.write(
                _(
                    "数据库中已有不是演示数据的页面，为避免覆盖，没有加载演示数据。"
                    "如确需用演示数据替换全部页面，请运行 manage.py load_demo --reset。"
                )
            )
            return
        if outcome == BUILT:
            seconds = time.monotonic() - started
            self.stdout.write(self.style.SUCCESS(_("演示数据已生成，用时 %(seconds).1f 秒。") % {"seconds": seconds}))
        else:
            self.stdout.write(_("演示数据已经加载，无需重复（如需重建：manage.py load_demo --reset）。"))
            if not MailboxIndexPage.objects.exists():
                self.stdout.write(
                    _("这份演示数据早于“领导信箱”（网上写信和公开信件）；要看到它，请运行 make demo-reset。")
                )
        self.print_accounts()

    def update_line(self, text: str) -> None:
        """Rewrite the progress line in place (terminals only)."""
        self.stdout.write(text, ending="")
        self.stdout.flush()

    def print_accounts(self) -> None:
        """The demo logins: username, password, role (and department)."""
        existing = set(get_user_model().objects.values_list("username", flat=True))
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(_("演示账号（仅供演示，切勿用于正式环境）  后台：/admin/")))
        self.stdout.write(f"  {_('用户名'):<19}{_('密码'):<13}{_('角色')}")
        for account in demo_accounts():
            if account.username not in existing:
                continue
            department = f"（{account.department}）" if account.department else ""
            self.stdout.write(f"  {account.username:<22}{DEMO_PASSWORD:<15}{account.role}{department}")
        example = example_lookup()
        if example:
            self.stdout.write("")
            self.stdout.write(
                _("演示信件查询（互动交流 › 领导信箱 › 查询办理进度）：信件编号 %(number)s，查询码 %(code)s")
                % {"number": example[0], "code": example[1]}
            )
        disclosure = example_disclosure()
        if disclosure:
            self.stdout.write(
                _("演示信息公开申请查询（政务公开 › 信息公开 › 申请查询）：申请编号 %(number)s，查询码 %(code)s")
                % {"number": disclosure[0], "code": disclosure[1]}
            )
