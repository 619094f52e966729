"""Chinese names for Django's and Wagtail's permissions.

Django stores each permission's name in English ("Can add group", "Publish any page") when it
creates it, and the group editor shows those names (to screen readers, and in Wagtail's
permission lists). After every ``migrate`` the names still in English are rewritten from the
model's Chinese ``verbose_name``; codenames, which the code checks, never change.
"""

from __future__ import annotations

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q
from django.utils import translation

ACTIONS = {"add": "添加", "change": "修改", "delete": "删除", "view": "查看"}

#: Permissions outside Django's four default actions, by (app label, codename).
CUSTOM = {
    ("wagtailadmin", "access_admin"): "可以进入后台",
    ("wagtailcore", "bulk_delete_page"): "可以删除含子页面的页面",
    ("wagtailcore", "lock_page"): "可以锁定和解锁自己锁定的页面",
    ("wagtailcore", "publish_page"): "可以发布任何页面",
    ("wagtailcore", "unlock_page"): "可以解锁任何页面",
    ("wagtailimages", "choose_image"): "可以选择图片",
    ("wagtaildocs", "choose_document"): "可以选择文档",
    ("simple_translation", "submit_translation"): "可以提交页面翻译",
}


def chinese_name(permission: Permission) -> str | None:
    """The Chinese name of a permission, or None when there is none to give."""
    content_type = permission.content_type
    custom = CUSTOM.get((content_type.app_label, permission.codename))
    if custom:
        return custom
    action, _, model_name = permission.codename.partition("_")
    model = content_type.model_class()
    if action in ACTIONS and model is not None and model_name == model._meta.model_name:
        return f"可以{ACTIONS[action]}{model._meta.verbose_name}"
    return None


def name_permissions_in_chinese(
    app_config: AppConfig | None = None, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs
) -> None:
    """``post_migrate`` receiver: rename the permissions whose names are still Django's English ones.

    Our receiver is connected before django.contrib.auth's, so it first creates the migrated app's
    permissions itself (idempotent, as auth's own receiver then finds them there).
    """
    if app_config is not None:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    custom_codenames = {codename for _, codename in CUSTOM}
    english = Permission.objects.using(using).filter(Q(name__startswith="Can ") | Q(codename__in=custom_codenames))
    renamed = []
    with translation.override(settings.LANGUAGE_CODE):
        for permission in english.select_related("content_type"):
            name = chinese_name(permission)
            if name and name != permission.name:
                permission.name = str(name)[:255]
                renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])
