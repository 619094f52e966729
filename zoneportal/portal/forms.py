"""The back office's article form: the editor's department, a pinyin address fixed once published."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from zoneportal.core.ownership import user_departments

from .slugs import MAX_SLUG_LENGTH, pinyin_slug, unique_child_slug


class ArticlePageForm(WagtailAdminPageForm):
    """ArticlePage's admin form.

    - A new article's 来源部门 starts as the department of the editor writing it.
    - The address (slug) is short pinyin of the title when the editor leaves it empty or
      Wagtail filled it with Chinese characters, at most 60 characters; until the first
      publish it follows the title unless the editor typed an address of their own.
    - Once the article has been published its address is fixed: the field is read-only
      and a posted change is ignored (Django keeps a disabled field's initial value).
    - A post without the 附表 editor's fields leaves the tables untouched.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        page = self.instance
        if self.is_bound and "tables" in self.fields and "tables-count" not in self.data:
            # The 附表 editor is drawn by JavaScript, and so is its "-count" field: a post from a
            # client without it (a script, an import) leaves the tables as they are.
            del self.fields["tables"]
        if "slug" in self.fields:
            slug_field = self.fields["slug"]
            # Left empty, the address is spelled from the title (clean_slug).
            slug_field.required = False
            if self.was_published:
                slug_field.disabled = True
                slug_field.help_text = _("文章发布后网址不能修改，以免已公开的链接失效。")
            else:
                slug_field.help_text = _("留空或含汉字时自动生成标题的拼音，最多 60 个字符；发布后不能修改。")
        if (
            "source_department" in self.fields
            and page.pk is None
            and page.source_department_id is None
            and self.initial.get("source_department") is None
        ):
            department = user_departments(self.for_user).first()
            if department is not None:
                self.initial["source_department"] = department.pk

    @property
    def was_published(self) -> bool:
        """Whether the article has ever been public (its address may be linked from anywhere)."""
        return self.instance.pk is not None and self.instance.first_published_at is not None

    def follows_old_title(self, slug: str) -> bool:
        """Whether ``slug`` is the one spelled from the draft's previous title (so not the editor's own).

        Wagtail 8 autosaves a new page after the first keystrokes; until the first publish the
        address keeps following the title, unless the editor typed one of their own.
        """
        page = self.instance
        if page.pk is None or not page.title:
            return False
        spelled = pinyin_slug(page.title)
        return bool(spelled) and re.fullmatch(rf"{re.escape(spelled)}(-\d+)?", slug) is not None

    def clean_slug(self) -> str:
        """A short pinyin slug while never published; the published one after."""
        if self.was_published:
            return self.instance.slug
        slug = (self.cleaned_data.get("slug") or "").strip()
        if not slug or not slug.isascii() or self.follows_old_title(slug):
            slug = pinyin_slug(self.cleaned_data.get("title") or self.data.get("title", ""))
            if not slug:
                # A title with nothing to spell (only punctuation): the editor must name the address.
                raise forms.ValidationError(_("请填写网址（英文字母、数字或连字符）。"))
            return unique_child_slug(slug, self.parent_page, self.instance)
        if len(slug) > MAX_SLUG_LENGTH:
            raise forms.ValidationError(
                _("网址最多 %(limit)d 个字符，当前 %(length)d 个。") % {"limit": MAX_SLUG_LENGTH, "length": len(slug)}
            )
        return slug
