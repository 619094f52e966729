"""Django's ModelBackend, reading a user's own and their groups' permissions in one query.

Every back-office page asks ``has_perm`` (Wagtail's ``access_admin`` first); Django's
backend then reads the user's own permissions and their groups' in two queries. Here
one UNION ALL answers both, kept on the user object for the rest of the request
under the same names Django uses, so ``get_user_permissions`` and
``get_group_permissions`` answer from it too.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Value


class PermissionBackend(ModelBackend):
    """``ModelBackend`` with ``get_all_permissions`` in one query (two for Django's own)."""

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        """The user's permissions as ``"app_label.codename"``, read once (the same answer as ModelBackend's)."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            fields = ("content_type__app_label", "codename")
            if user_obj.is_superuser:
                everything = {f"{app}.{codename}" for app, codename in Permission.objects.values_list(*fields)}
                own, from_groups = everything, everything
            else:
                rows = (
                    Permission.objects.filter(user=user_obj)
                    .order_by()
                    .values_list(Value("user"), *fields)
                    .union(
                        Permission.objects.filter(group__user=user_obj).order_by().values_list(Value("group"), *fields),
                        all=True,
                    )
                )
                own, from_groups = set(), set()
                for source, app, codename in rows:
                    (own if source == "user" else from_groups).add(f"{app}.{codename}")
            user_obj._user_perm_cache = own
            user_obj._group_perm_cache = from_groups
            user_obj._perm_cache = own | from_groups
        return user_obj._perm_cache
