"""Searchable sources (搜索来源): each app tells search what it has, search never names the apps.

An app with something to find — pages, FAQ entries, letter replies, surveys — registers
a *source* from its ``AppConfig.ready()``::

    from zoneportal.search.sources import register_source
    from . import search                     # all_entries(), entries_for(obj)
    from .models import FaqEntry

    register_source("faq", "faq", _("问答"), search.all_entries, search.entries_for, model=FaqEntry)

and, when one of its objects changes or goes, calls :func:`changed` or :func:`removed`
(from a ``post_save``/``post_delete`` receiver or after a workflow step). From then on:

- ``rebuild_index`` (``manage.py rebuild_search_index``, ``load_demo``) indexes every source's
  ``all_entries()``;
- :func:`changed` queues ``entries_for(obj)`` for the task worker once the transaction commits
  (an object that ``entries_for`` no longer returns entries for leaves the index);
- the source's result type (``type``, ``label``) is a facet of the results page, a value of the
  API's ``type`` parameter with its label in the OpenAPI help, and a valid ``SearchDocument.type``.

Every entry's ``external_id`` is ``"<prefix>:<key>"`` (``faq:12``), the key being the primary key
unless the source gives its own ``key`` function (the policy library's ``policy:H001`` keeps an imported
document's id); an object may add more entries as ``"<prefix>:<key>:<anything>"``, which go with it.

The built-in types (``models.DocumentType``: the column kinds, 信件回复 and 其他页面) keep their values
and come first, in their order; a source may use one of them (the FAQ app's ``faq``) or add its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction

from .models import DocumentType

if TYPE_CHECKING:
    from .indexers import IndexEntry

#: What ``SearchDocument.type`` and ``external_id`` can hold.
TYPE_MAX_LENGTH = 20
PREFIX = re.compile(r"[a-z][a-z0-9_]{0,19}")


@dataclass(frozen=True)
class Source:
    """A registered source of searchable items."""

    prefix: str
    type: str
    label: str
    all_entries: Callable[[], Iterable[IndexEntry]]
    entries_for: Callable[[Any], Sequence[IndexEntry]] | None = None
    model: type[models.Model] | None = None
    #: How many items ``all_entries`` yields, for the rebuild's progress (else it is counted by listing them).
    count: Callable[[], int] | None = None
    #: Entries of many objects by primary key at once, when that is cheaper than ``entries_for`` one by one.
    entries_for_ids: Callable[[list[Any]], Iterable[IndexEntry]] | None = None
    #: Further result types this source's entries may have (``(value, label)``), besides ``type``.
    other_types: tuple[tuple[str, str], ...] = field(default=())
    #: What the index knows an object by, when not its primary key (then ``entries_for_ids`` takes these keys).
    key: Callable[[Any], Any] | None = None

    def key_of(self, obj: models.Model) -> Any:
        """The key of ``obj`` in this source's external ids."""
        return self.key(obj) if self.key is not None else obj.pk

    def external_id(self, pk: Any) -> str:
        """The identifier of the main entry of the object with key ``pk`` (``faq:12``)."""
        return f"{self.prefix}:{pk}"

    def current_entries(self, pks: list[Any]) -> list[IndexEntry]:
        """The entries the objects ``pks`` have now (none for those gone or not public)."""
        if self.entries_for_ids is not None:
            return list(self.entries_for_ids(pks))
        if self.model is None or self.entries_for is None:
            raise ImproperlyConfigured(f"搜索来源 {self.prefix} 没有提供 entries_for 和 model，无法逐条更新索引")
        objects = self.model._default_manager.filter(pk__in=pks)
        return [entry for obj in objects for entry in self.entries_for(obj)]


_sources: dict[str, Source] = {}
#: Result types added by sources, beyond the built-in ones: value -> label.
_extra_types: dict[str, str] = {}


def register_source(
    prefix: str,
    type: str,
    label: str,
    all_entries: Callable[[], Iterable[IndexEntry]],
    entries_for: Callable[[Any], Sequence[IndexEntry]] | None = None,
    *,
    model: type[models.Model] | None = None,
    count: Callable[[], int] | None = None,
    entries_for_ids: Callable[[list[Any]], Iterable[IndexEntry]] | None = None,
    other_types: Iterable[tuple[str, str]] = (),
    key: Callable[[Any], Any] | None = None,
) -> Source:
    """Make a source searchable; call it from the app's ``AppConfig.ready()``.

    ``prefix`` starts every ``external_id`` of the source; ``type`` and ``label`` are its
    result type (a built-in one such as ``"faq"``, or a new one). Registering the same
    prefix again replaces the source (``ready()`` may run twice in tests).
    """
    if not PREFIX.fullmatch(prefix):
        raise ImproperlyConfigured(f"搜索来源前缀 {prefix!r} 只能由小写字母、数字和下划线组成，以字母开头")
    types = [(type, label), *other_types]
    for value, value_label in types:
        _check_type(prefix, value, value_label)
    source = Source(
        prefix, type, str(label), all_entries, entries_for, model, count, entries_for_ids, tuple(other_types), key
    )
    _sources[prefix] = source
    _rebuild_extra_types()
    return source


def _check_type(prefix: str, value: str, label: str) -> None:
    if not value or len(value) > TYPE_MAX_LENGTH or not PREFIX.fullmatch(value):
        raise ImproperlyConfigured(f"搜索来源 {prefix} 的类别 {value!r} 无效（小写字母、数字和下划线，至多 20 个）")
    known = dict(type_choices())
    if value in known and str(known[value]) != str(label):
        raise ImproperlyConfigured(f"搜索来源 {prefix} 的类别 {value} 已称为“{known[value]}”，不能再称为“{label}”")


def _rebuild_extra_types() -> None:
    builtin = set(DocumentType.values)
    _extra_types.clear()
    for source in _sources.values():
        for value, label in ((source.type, source.label), *source.other_types):
            if value not in builtin:
                _extra_types.setdefault(value, str(label))


def unregister_source(prefix: str) -> None:
    """Take a source away (tests; an app being retired). Its documents stay until the next rebuild."""
    _sources.pop(prefix, None)
    _rebuild_extra_types()


def all_sources() -> list[Source]:
    """Every registered source, in the order they were registered."""
    return list(_sources.values())


def get_source(prefix: str) -> Source:
    """The source registered under ``prefix`` (``KeyError`` if none)."""
    return _sources[prefix]


def type_choices() -> list[tuple[str, str]]:
    """Every result type, ``(value, label)``: the built-in ones in their order, then those sources added.

    ``SearchDocument.type`` takes its choices from here, so this is what the results
    page's facets, the API's ``type`` parameter and the admin offer.
    """
    return [*DocumentType.choices, *_extra_types.items()]


def type_values() -> list[str]:
    """The values of :func:`type_choices`."""
    return [value for value, _label in type_choices()]


def type_label(value: str) -> str:
    """The label of a result type; the value itself for a type no source declares any more."""
    return str(dict(type_choices()).get(value, value))


def _source_of(obj: models.Model) -> Source:
    for source in _sources.values():
        if source.model is not None and isinstance(obj, source.model):
            return source
    raise LookupError(f"没有登记 {type(obj).__name__} 的搜索来源")


def changed(obj: models.Model, prefix: str | None = None) -> None:
    """``obj`` changed: index its entries again once the transaction commits (or drop them if it has none now).

    The work is queued for the task worker (``manage.py db_worker``), as page updates are.
    ``prefix`` is needed only when the source was registered without ``model``.
    """
    source = get_source(prefix) if prefix else _source_of(obj)
    _schedule(source.prefix, [source.key_of(obj)], remove=False)


def removed(prefix: str, pk: Any) -> None:
    """The object with key ``pk`` of source ``prefix`` is gone (deleted, withdrawn): its entries leave the index."""
    get_source(prefix)  # a typo in the prefix fails here, not silently in the worker
    _schedule(prefix, [pk], remove=True)


def _schedule(prefix: str, pks: list[Any], remove: bool) -> None:
    from .tasks import remove_source_items, update_source_items

    task = remove_source_items if remove else update_source_items
    keys = [str(pk) for pk in pks]  # task arguments travel as JSON
    transaction.on_commit(partial(task.enqueue, prefix, keys))
