"""网站自查: the national inspection's indicators (国办秘函〔2019〕19号) that the site can check itself.

Each indicator passes or fails and names the offending pages; a 单项否决 (veto) item failing fails
the whole inspection (the command's exit status). :func:`run_inspection` runs them all and stores an
:class:`InspectionRun`.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from zoneportal.core.dashboard import column_freshness
from zoneportal.core.notifications import admin_address
from zoneportal.core.progress import Progress

from .alerts import notify_office_on_commit
from .content import Rules, inspect_page, inspect_policy
from .external import check_urls
from .links import LinkChecker, page_link_problems
from .models import ColumnThreshold, InspectionRun
from .reachability import key_paths, measure

#: 首页 not updated for this many days fails (a veto item).
HOME_STALE_DAYS = 14
#: This many stale columns, or this many empty ones, fail (each a veto item).
STALE_COLUMNS_LIMIT = 5
EMPTY_COLUMNS_LIMIT = 5

#: Pages read per query while walking the whole site.
BATCH = 200


@dataclass
class Offender:
    """A page (or letter) that makes an indicator fail, with what is wrong."""

    title: str
    url: str
    detail: str = ""


@dataclass
class IndicatorResult:
    """One indicator's outcome."""

    code: str
    label: str
    veto: bool
    passed: bool
    summary: str
    offenders: list[Offender] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """Every indicator of one run."""

    results: list[IndicatorResult]

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results)

    @property
    def veto_failed(self) -> bool:
        return any(result.veto and not result.passed for result in self.results)


def page_url(page: Page, cache_object: object | None = None) -> str:
    """The page's public address, absolute where its site is known.

    ``cache_object`` keeps the sites' root paths between calls (Wagtail reads them per page otherwise).
    """
    return page.get_full_url(cache_object) or page.get_url() or ""


def _admin_url(name: str, *args) -> str:
    return admin_address(reverse(name, args=args))


def home_pages(now: datetime.datetime) -> IndicatorResult:
    """首页更新: each site's home page or its newest article within :data:`HOME_STALE_DAYS` days."""
    from zoneportal.portal.models import ArticlePage

    offenders = []
    for site in Site.objects.select_related("root_page"):
        home = site.root_page
        newest = (
            ArticlePage.objects.live()
            .descendant_of(home)
            .filter(publish_at__isnull=False)
            .order_by("-publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        moments = [moment for moment in (home.last_published_at, newest) if moment is not None]
        updated = max(moments, default=None)
        days = (timezone.localdate(now) - timezone.localtime(updated).date()).days if updated else None
        if days is None or days > HOME_STALE_DAYS:
            detail = _("%(days)s 天未更新") % {"days": days} if days is not None else _("从未更新")
            offenders.append(Offender(site.site_name or home.title, page_url(home), detail))
    return IndicatorResult(
        "home_updated",
        _("首页更新（%(days)d 天内）") % {"days": HOME_STALE_DAYS},
        veto=True,
        passed=not offenders,
        summary=_("%(count)d 个站点首页超过 %(days)d 天未更新") % {"count": len(offenders), "days": HOME_STALE_DAYS}
        if offenders
        else _("各站点首页均在 %(days)d 天内更新") % {"days": HOME_STALE_DAYS},
        offenders=offenders,
    )


def list_columns() -> list:
    """The published information-list columns (信息列表) the public can see."""
    from zoneportal.portal.models import ColumnPage

    return list(ColumnPage.objects.live().public().filter(column_type=ColumnPage.ColumnType.LIST).order_by("path"))


def column_indicators(now: datetime.datetime) -> list[IndicatorResult]:
    """栏目不更新 (past its limit) and 空白栏目 (nothing published in it at all): each fails at five."""
    columns = list_columns()
    limits = dict(ColumnThreshold.objects.values_list("column_id", "days"))
    has_child = set(
        Page.objects.filter(pk__in=[column.pk for column in columns])
        .filter(
            Exists(Page.objects.live().public().filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1))
        )
        .values_list("pk", flat=True)
    )
    stale, empty = [], []
    for row in column_freshness(columns, now, limits):
        if row.column.pk not in has_child:
            empty.append(Offender(row.column.title, page_url(row.column), _("栏目无任何内容")))
        elif row.days is not None and row.limit is not None and row.days > row.limit:
            stale.append(
                Offender(
                    row.column.title,
                    page_url(row.column),
                    _("%(days)d 天未更新（期限 %(limit)d 天）") % {"days": row.days, "limit": row.limit},
                )
            )
    return [
        IndicatorResult(
            "stale_columns",
            _("栏目更新（超期未更新栏目少于 %(limit)d 个）") % {"limit": STALE_COLUMNS_LIMIT},
            veto=True,
            passed=len(stale) < STALE_COLUMNS_LIMIT,
            summary=_("%(count)d 个栏目超期未更新") % {"count": len(stale)},
            offenders=stale,
        ),
        IndicatorResult(
            "empty_columns",
            _("空白栏目（少于 %(limit)d 个）") % {"limit": EMPTY_COLUMNS_LIMIT},
            veto=True,
            passed=len(empty) < EMPTY_COLUMNS_LIMIT,
            summary=_("%(count)d 个空白栏目") % {"count": len(empty)},
            offenders=empty,
        ),
    ]


def letter_indicators(today: datetime.date) -> list[IndicatorResult]:
    """领导信箱: letters past their deadline, and any unanswered for three months (a veto item)."""
    from zoneportal.letters.oversight import overdue_letters, three_month_letters

    def offenders(letters) -> list[Offender]:
        return [
            Offender(
                f"{letter.tracking_number} {letter.subject}",
                _admin_url("letters_oversight:letter", letter.pk),
                _("答复期限 %(due)s，收信 %(received)s")
                % {"due": letter.due_on, "received": timezone.localtime(letter.received_at).date()},
            )
            for letter in letters
        ]

    overdue = offenders(overdue_letters(today=today).order_by("due_on", "received_at"))
    old = offenders(three_month_letters(today=today).order_by("received_at"))
    return [
        IndicatorResult(
            "letters_overdue",
            _("来信按期答复"),
            veto=False,
            passed=not overdue,
            summary=_("%(count)d 件来信超过答复期限未答复") % {"count": len(overdue)},
            offenders=overdue,
        ),
        IndicatorResult(
            "letters_three_months",
            _("来信三个月内回应"),
            veto=True,
            passed=not old,
            summary=_("%(count)d 件来信超过三个月未答复") % {"count": len(old)},
            offenders=old,
        ),
    ]


def child_rows_lookups(model: type[Page]) -> list[str]:
    """The inline rows the checks read on a ``model`` page (attachments with their document, links…)."""
    from modelcluster.models import get_all_child_relations

    lookups = []
    for relation in get_all_child_relations(model):
        lookups.append(relation.get_accessor_name())
        if any(f.name == "document" for f in relation.related_model._meta.concrete_fields):
            lookups.append(f"{relation.get_accessor_name()}__document")
    return lookups


def reachability_indicator(base_url: str) -> IndicatorResult:
    """网站可访问: every key page answers within ``INSPECTION_DOWN_SECONDS`` (a veto item)."""
    columns = list_columns()
    column_path = urlsplit(page_url(columns[0])).path if columns else None
    measurements = measure(base_url, key_paths(column_path))
    down = [Offender(item.url, item.url, item.problem) for item in measurements if item.problem]
    slowest = max((item.seconds for item in measurements), default=0.0)
    return IndicatorResult(
        "reachable",
        _("网站可访问（关键页面 %(seconds)g 秒内响应）") % {"seconds": settings.INSPECTION_DOWN_SECONDS},
        veto=True,
        passed=not down,
        summary=_("%(count)d 个关键页面无法访问") % {"count": len(down)}
        if down
        else _("关键页面均可访问，最慢 %(seconds).1f 秒") % {"seconds": slowest},
        offenders=down,
    )


def published_pages(progress: Progress | None = None):
    """Every live, public page (specific), in batches so a large site is not held in memory at once.

    Each batch's inline rows are read with it, a few queries per page type and batch, so the checks
    ask nothing per page: the number of queries grows with the batches, not with each page.
    """
    ids = list(Page.objects.live().public().filter(depth__gt=1).order_by("path").values_list("pk", flat=True))
    if progress is not None:
        progress.step(_("检查已发布页面"), len(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        pages = list(Page.objects.filter(pk__in=batch).order_by("path").specific())
        by_model: dict[type, list[Page]] = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, group in by_model.items():
            prefetch_related_objects(group, *child_rows_lookups(model))
        yield from pages
        if progress is not None:
            progress.tick(len(batch))


def page_indicators(progress: Progress | None = None, external_links: bool = False) -> list[IndicatorResult]:
    """Over every published page and policy: dead links and missing images; blocking findings; warnings.

    ``external_links``: external addresses are asked over the network too (each once, see ``external``).
    """
    from zoneportal.policies.models import Policy

    rules = Rules.load()
    checker = LinkChecker.for_site()
    dead, serious, warnings = [], [], []

    def record(title: str, url: str, findings) -> None:
        for finding in findings:
            where = f"{finding.where}：" if finding.where else ""
            offender = Offender(
                title,
                url,
                f"{where}{finding.message}（{finding.excerpt}）" if finding.excerpt else where + finding.message,
            )
            (serious if finding.blocking else warnings).append(offender)

    sites = SimpleNamespace()
    linked: dict[str, list[tuple[str, str, str]]] = {}
    for page in published_pages(progress):
        url = page_url(page, sites)
        found: list[tuple[str, str]] | None = [] if external_links else None
        for problem in page_link_problems(page, checker, found):
            dead.append(Offender(page.title, url, problem))
        for href, text in found or []:
            linked.setdefault(href, []).append((page.title, url, text))
        record(page.title, url, inspect_page(page, rules))
    for href, problem in check_urls(linked).items() if linked else ():
        for title, url, text in linked[href]:
            detail = _("外部链接“%(text)s”（%(href)s）无法打开：%(problem)s")
            dead.append(Offender(title, url, detail % {"text": text, "href": href, "problem": problem}))
    policies = Policy.objects.public().prefetch_related("issuers", "attachments__document")
    if progress is not None:
        progress.step(_("检查政策文件"), policies.count())
    for policy in policies.iterator(chunk_size=BATCH):
        record(
            policy.title, _admin_url("wagtailsnippets_policies_policy:edit", policy.pk), inspect_policy(policy, rules)
        )
        if progress is not None:
            progress.tick()
    return [
        IndicatorResult(
            "dead_links",
            _("链接与图片可用"),
            veto=False,
            passed=not dead,
            summary=_("%(count)d 处链接或图片失效") % {"count": len(dead)},
            offenders=dead,
        ),
        IndicatorResult(
            "serious_errors",
            _("无严重错误（敏感词、领导姓名、个人信息）"),
            veto=True,
            passed=not serious,
            summary=_("%(count)d 处严重错误") % {"count": len(serious)},
            offenders=serious,
        ),
        IndicatorResult(
            "content_warnings",
            _("内容规范（错别字、替代文字、元数据等）"),
            veto=False,
            passed=not warnings,
            summary=_("%(count)d 处提示") % {"count": len(warnings)},
            offenders=warnings,
        ),
    ]


def inspect_site(
    now: datetime.datetime | None = None, progress: Progress | None = None, external_links: bool | None = None
) -> Report:
    """Every indicator, as of ``now``; external links checked when ``external_links`` (default: the setting)."""
    if external_links is None:
        external_links = settings.INSPECTION_EXTERNAL_LINKS
    now = now or timezone.now()
    if progress is not None:
        progress.step(_("首页、栏目与来信"), 3)
    results = [home_pages(now)]
    if progress is not None:
        progress.tick()
    results += column_indicators(now)
    if progress is not None:
        progress.tick()
    results += letter_indicators(timezone.localdate(now))
    if settings.INSPECTION_SITE_URL:
        results.append(reachability_indicator(settings.INSPECTION_SITE_URL))
    if progress is not None:
        progress.tick()
    results += page_indicators(progress, external_links)
    if progress is not None:
        progress.finish()
    return Report(results)


#: How many steps :func:`inspect_site` reports to a :class:`Progress`.
PROGRESS_STEPS = 3


def run_inspection(
    trigger: str = InspectionRun.Trigger.COMMAND,
    now: datetime.datetime | None = None,
    progress: Progress | None = None,
    external_links: bool | None = None,
) -> tuple[InspectionRun, Report]:
    """Run the inspection and store it as an :class:`InspectionRun`; the office is told of a failed veto item."""
    started = timezone.now()
    report = inspect_site(now, progress, external_links)
    run = InspectionRun.objects.create(
        started_at=started,
        trigger=trigger,
        finished_at=timezone.now(),
        passed=report.passed,
        veto_failed=report.veto_failed,
        failed_count=sum(not result.passed for result in report.results),
        results=[result.as_dict() for result in report.results],
    )
    notify_office_on_commit(run)
    return run, report
