"""manage.py reset_two_factor USERNAME: for a person who lost the phone with the authenticator.

Deletes the person's authenticator and recovery codes. A session verified with them stops counting
as verified at its next request (the device it names is gone), so nothing else needs ending. Someone
who must use two-factor login sets up a new authenticator at the next login; anyone else signs in
with the password alone (docs/operations.md, "两步验证：手机丢失").
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from zoneportal.twofactor import devices


class Command(BaseCommand):
    help = "删除一个用户的两步验证（验证器和恢复码），用于手机丢失后重新设置。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help=_("用户名"))

    def handle(self, *args, username: str, **options) -> None:
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(_("没有用户名为“%(name)s”的用户。") % {"name": username}) from None
        if not devices.remove_two_factor(user):
            self.stdout.write(_("用户“%(name)s”没有设置两步验证，无需重置。") % {"name": username})
            return
        if devices.must_use_two_factor(user):
            message = _("已删除用户“%(name)s”的两步验证；其下次登录时须重新设置验证器。")
        else:
            message = _("已删除用户“%(name)s”的两步验证；其下次登录只需密码。")
        self.stdout.write(self.style.SUCCESS(message % {"name": username}))
