"""Department ownership of columns, media collections and the three-step review.

Everything here uses Wagtail's own permission and workflow models, so the admin
enforces it server-side: an editor of one department cannot open, edit or
publish another department's columns, images or documents.

A column belongs to one department, and that department alone writes in it,
including when it is a sub-column of another department's column: Wagtail's
page permissions reach down the whole tree, so ``may_write_in`` (checked by the
admin hooks of ``zoneportal.core.column_guard``) stops a parent column's
department at a sub-column handed to someone else. The office acts on other
departments' pages through review only.

The review (先审后发, 三审): the editor submits, the department's head approves
(a ``ReviewTask``, Wagtail's group approval with a required comment on
退回修改, for the department's heads group), then the committee office
(管委会办公室) approves, which publishes the page.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import Department, ReviewTask

#: Members of this group give the final approval (管委会办公室终审) and publish.
OFFICE_REVIEWERS_GROUP = "管委会办公室审核"

COLUMN_PERMISSIONS = ("add_page", "change_page", "lock_page")
REVIEWER_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_group(name: str) -> Group:
    """A group whose members may log in to the back office (/admin/)."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


#: The committee office keeps the holiday table (节假日安排) that every deadline counts with.
HOLIDAY_PERMISSIONS = ("add_holiday", "change_holiday", "delete_holiday")


def office_reviewers() -> Group:
    """The committee office's reviewers: final approval on every site, and the holiday table."""
    group = _admin_group(OFFICE_REVIEWERS_GROUP)
    group.permissions.add(*(_permission("core", codename) for codename in HOLIDAY_PERMISSIONS))
    for site_root in Page.get_first_root_node().get_children():
        grant_page_permissions(group, site_root, REVIEWER_PERMISSIONS)
    return group


def grant_office_holiday_permissions(**kwargs) -> None:
    """After ``migrate``: an office group created before the holiday table existed gets to keep it too."""
    group = Group.objects.filter(name=OFFICE_REVIEWERS_GROUP).first()
    permissions = Permission.objects.filter(content_type__app_label="core", codename__in=HOLIDAY_PERMISSIONS)
    if group is not None:
        group.permissions.add(*permissions)


def grant_reviewers_new_site(site) -> None:
    """A site added after the departments: the office reviewers get their permissions on its root too.

    Only once the group exists (a department created it); until then
    ``office_reviewers()`` covers every site root when it is first called.
    """
    group = Group.objects.filter(name=OFFICE_REVIEWERS_GROUP).first()
    if group is not None and site.root_page_id is not None:
        grant_page_permissions(group, site.root_page, REVIEWER_PERMISSIONS)


def final_review_task() -> ReviewTask:
    """The shared last step of every department's workflow."""
    task = ReviewTask.objects.filter(name=_("管委会办公室终审")).first()
    if task is None:
        task = ReviewTask.objects.create(name=_("管委会办公室终审"))
    task.groups.add(office_reviewers())
    return task


def grant_page_permissions(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    """Give ``group`` the page permissions ``codenames`` on ``page`` and its subtree."""
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


@transaction.atomic
def provision_department(department) -> None:
    """Create (once) the groups, collection and workflow a department needs.

    Idempotent: called on every save of a ``Department``. Groups, collection and
    workflow keep the names they were created with when a department is renamed.
    """
    updates = {}
    if department.editors_group is None:
        updates["editors_group"] = _admin_group(_("%(name)s编辑") % {"name": department.name})
    if department.heads_group is None:
        updates["heads_group"] = _admin_group(_("%(name)s负责人") % {"name": department.name})
    if department.collection is None:
        updates["collection"] = Collection.get_first_root_node().add_child(name=department.name)
    if department.workflow is None:
        updates["workflow"] = Workflow.objects.create(name=_("%(name)s三审") % {"name": department.name})
    if updates:
        type(department).objects.filter(pk=department.pk).update(**{k: v for k, v in updates.items()})
        for field, value in updates.items():
            setattr(department, field, value)

    heads_task_name = _("%(name)s负责人审核") % {"name": department.name}
    steps = list(department.workflow.workflow_tasks.order_by("sort_order"))
    if not steps:
        head_task = ReviewTask.objects.create(name=heads_task_name)
        head_task.groups.add(department.heads_group)
        WorkflowTask.objects.create(workflow=department.workflow, task=head_task, sort_order=0)
        WorkflowTask.objects.create(workflow=department.workflow, task=final_review_task(), sort_order=1)

    for group in (department.editors_group, department.heads_group):
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=department.collection, permission=_permission(app_label, codename)
                )


@transaction.atomic
def assign_column(department, column: Page) -> None:
    """Make ``department`` the owner of ``column``: its groups may add and edit
    pages under it (never publish), and its workflow reviews them. A previous
    owner department loses the column."""
    previous = column_owners([column.pk]).get(column.pk)
    if previous is not None and previous != department:
        release_column(previous, column)
    for group in (department.editors_group, department.heads_group):
        grant_page_permissions(group, column, COLUMN_PERMISSIONS)
    WorkflowPage.objects.update_or_create(page=column, defaults={"workflow": department.workflow})


@transaction.atomic
def release_column(department, column: Page) -> None:
    """Take ``column`` away from ``department``: its groups' permissions on it and its review of it."""
    GroupPagePermission.objects.filter(
        group__in=[department.editors_group, department.heads_group], page=column
    ).delete()
    WorkflowPage.objects.filter(page=column, workflow=department.workflow).delete()


def column_owners(page_ids) -> dict:
    """``{page id: Department}`` for those of ``page_ids`` that a department owns (its workflow reviews them)."""
    owners = Department.objects.filter(workflow__workflow_pages__page_id__in=list(page_ids)).annotate(
        column_id=F("workflow__workflow_pages__page_id")
    )
    return {department.column_id: department for department in owners}


def owning_department(page: Page) -> Department | None:
    """The department of the nearest column at or above ``page`` that a department owns."""
    step = Page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    owners = Department.objects.filter(workflow__workflow_pages__page__path__in=paths).annotate(
        column_path=F("workflow__workflow_pages__page__path")
    )
    return owners.order_by("-column_path").first()  # an ancestor's path is a prefix: the longest is the nearest


def may_write_in(user, page: Page) -> bool:
    """Whether the columns' ownership lets ``user`` add, edit, delete or move pages at ``page``.

    Wagtail's own permissions still decide everything else; this only takes
    away what a department's grant on a parent column would give it inside a
    sub-column owned by another department. Administrators and the office
    reviewers (who act through review on every site) are not limited.
    """
    if user.is_superuser:
        return True
    owner = owning_department(page)
    if owner is None:
        return True
    groups = set(user.groups.values_list("pk", flat=True))
    if groups & {owner.editors_group_id, owner.heads_group_id}:
        return True
    if Group.objects.filter(pk__in=groups, name=OFFICE_REVIEWERS_GROUP).exists():
        return True
    in_a_department = Q(editors_group__in=groups) | Q(heads_group__in=groups)
    return not Department.objects.filter(in_a_department).exists()


def office_condition(superusers: bool = True) -> Q:
    """Users who act for the committee office (:func:`is_office`), as a filter on users.

    ``superusers=False`` leaves out administrators who are not office staff too (reminders go to people
    who do the work, as Wagtail's own notifications do).
    """
    office = Department.objects.filter(kind=Department.Kind.OFFICE)
    groups = [pk for pair in office.values_list("editors_group", "heads_group") for pk in pair if pk]
    condition = Q(groups__name=OFFICE_REVIEWERS_GROUP) | Q(groups__in=groups)
    return condition | Q(is_superuser=True) if superusers else condition


def office_people():
    """Active users of the office (administrators who are not office staff are left out), for reminders."""
    return get_user_model().objects.filter(is_active=True).filter(office_condition(superusers=False)).distinct()


@dataclass(frozen=True)
class Roles:
    """What a user is in the back office: office staff, editor or head of which departments, reviewer."""

    office: bool
    editor_of: frozenset[int]
    head_of: frozenset[int]
    slugs: frozenset[str]  # of the departments they work for
    reviewer: bool  # a member of a group that takes part in an active review step

    @property
    def departments(self) -> frozenset[int]:
        """The departments they work for, as an editor or as a head."""
        return self.editor_of | self.head_of


NO_ROLES = Roles(False, frozenset(), frozenset(), frozenset(), False)


def roles(user) -> Roles:
    """The roles of ``user`` in one query, kept on the user object for the rest of the request.

    Every menu item, banner and permission policy of a back-office page asks who the
    user is; asked one by one that was a dozen queries per page (issue 10's dashboard).
    Administrators get their departments and review steps like anyone; :func:`is_office`
    adds that they act for the office.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_ROLES
    cached = getattr(user, "_backoffice_roles", None)
    if cached is not None:
        return cached
    as_editor = Department.objects.filter(editors_group=OuterRef("group_id"))
    as_head = Department.objects.filter(heads_group=OuterRef("group_id"))
    reviews = Task.objects.filter(active=True).filter(
        Q(reviewtask__groups=OuterRef("group_id")) | Q(groupapprovaltask__groups=OuterRef("group_id"))
    )
    rows = (
        get_user_model()
        .groups.through.objects.filter(user_id=user.pk)
        .values_list(
            "group__name",
            Subquery(as_editor.values("pk")[:1]),
            Subquery(as_editor.values("kind")[:1]),
            Subquery(as_editor.values("slug")[:1]),
            Subquery(as_head.values("pk")[:1]),
            Subquery(as_head.values("kind")[:1]),
            Subquery(as_head.values("slug")[:1]),
            Exists(reviews),
        )
    )
    office, reviewer = False, False
    editor_of, head_of, slugs = set(), set(), set()
    for name, editor, editor_kind, editor_slug, head, head_kind, head_slug, reviews_in_group in rows:
        office |= name == OFFICE_REVIEWERS_GROUP or Department.Kind.OFFICE in (editor_kind, head_kind)
        reviewer |= reviews_in_group
        for department, slug, ids in ((editor, editor_slug, editor_of), (head, head_slug, head_of)):
            if department is not None:
                ids.add(department)
                slugs.add(slug)
    cached = Roles(office, frozenset(editor_of), frozenset(head_of), frozenset(slugs), reviewer)
    user._backoffice_roles = cached
    return cached


def is_office(user) -> bool:
    """Whether ``user`` acts for the committee office (管委会办公室) and so sees every department's records.

    Administrators, the office reviewers and the editors and heads of an office-kind
    department: the office registers, dispatches and oversees letters, the ledger,
    the FAQ and surveys of all departments. One rule for every app, read with the
    user's other :func:`roles` once per request.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or roles(user).office


def user_departments(user, editors_only: bool = False):
    """The departments ``user`` works for, as an editor or as a head (only as an editor with ``editors_only``).

    A queryset, in the departments' order.
    """
    if not getattr(user, "is_authenticated", False):
        return Department.objects.none()
    condition = Q(editors_group__user=user)
    if not editors_only:
        condition |= Q(heads_group__user=user)
    return Department.objects.filter(condition).distinct()
