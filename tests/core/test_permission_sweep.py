"""Who gets in: every back-office URL and every API operation, as each role and as an anonymous visitor.

The URLs are not listed here: they are read from the URLconf (every pattern under ``/admin/``, Wagtail's and
the project's apps', including those added later), their parameters filled with objects of the test zone (the
model a view edits is read from the view itself). The rules:

- an anonymous visitor never gets a 200 under ``/admin/``, except the pages one needs before signing in
  (``ANONYMOUS_PAGES``): every other URL sends them to the login page or refuses (401/403/404/405);
- a signed-in person without back-office access is treated the same way;
- no URL answers 500 to anyone;
- the sensitive screens (``SENSITIVE``) open for exactly the roles the table names, and are refused to the others;
- every API operation answers anonymous visitors without asking them to sign in, never 500s, and answers a
  signed-in administrator exactly as it answers a visitor (a staff session unlocks nothing in the API).

Patterns whose parameters no object of the test zone can fill are skipped and named (``test_skipped_are_few``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.regex_helper import normalize
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Revision, Task, Workflow

from tests.disclosure.conftest import CITIZEN
from tests.factories import make_user
from zoneportal.circulation.models import Distribution, DocumentAttachment, OfficialDocument
from zoneportal.core.models import Holiday
from zoneportal.disclosure.models import AnnualReport
from zoneportal.disclosure.submission import submit_request
from zoneportal.faq.models import FaqEntry, FaqTopic
from zoneportal.inspection.models import ColumnThreshold, SensitiveTerm
from zoneportal.investment.models import Enterprise, Indicator, Industry, InvestmentTask, Park, Project
from zoneportal.investsite.models import InvestorLead
from zoneportal.letters.models import Letter, LetterCategory, Mailbox, SensitiveWord
from zoneportal.letters.submission import submit_letter
from zoneportal.notices import services as notice_services
from zoneportal.notices.models import Notice
from zoneportal.performance.models import PerformanceTarget
from zoneportal.policies.models import Policy, PolicyCategory, PolicyInterpretation, PolicyIssuer, PolicyTopic
from zoneportal.rectification.models import RectificationItem
from zoneportal.resettlement.models import HousingSite, InsuranceBatch, Relocation
from zoneportal.search.api import api
from zoneportal.services.models import Journey, ServiceItem, ServiceTopic
from zoneportal.supervision.models import ProgressReport, SupervisionItem
from zoneportal.surveys.models import Survey

pytestmark = pytest.mark.django_db

ADMIN_PREFIX = "admin/"
LOGIN = reverse("wagtailadmin_login")
#: What an anonymous visitor may open: signing in, resetting a forgotten password, and the admin's
#: JavaScript translations and icon sprite those pages load (no data in any of them).
ANONYMOUS_PAGES = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
#: Not requested in the sweep: signing out would end the sweep's session; ``failwhale`` is Wagtail's page that
#: raises on purpose, so that an administrator can check error reporting (behind the admin login like the rest).
NOT_SWEPT = {"wagtailadmin_logout", "wagtailadmin_error_test"}
REFUSED = {401, 403, 404, 405}

ROLES = ("superuser", "reviewer", "editor", "head", "no_access")
#: Who opens each sensitive screen (GET answers 200); every other role is refused (403, 404, or a redirect).
SENSITIVE: dict[str, set[str]] = {
    "wagtailusers_users:index": {"superuser"},
    "wagtailusers_groups:index": {"superuser"},
    "wagtailsites:index": {"superuser"},
    "wagtailadmin_workflows:index": {"superuser"},
    "wagtailsettings:edit": {"superuser"},
    "holiday_arrangement": {"superuser", "reviewer"},
    "wagtailsnippets_core_holiday:list": {"superuser", "reviewer"},
    "letters_inbox:index": {"superuser", "reviewer", "editor", "head"},
    "letter_mailboxes:index": {"superuser", "reviewer"},
    "letter_sensitive_words:index": {"superuser", "reviewer"},
    "letters_oversight:index": {"superuser", "reviewer", "head"},
    "supervision:index": {"superuser", "reviewer", "editor", "head"},
    "supervision:create": {"superuser", "reviewer"},
    "search_report": {"superuser"},
    "performance_report": {"superuser", "reviewer", "head"},
    "performance_targets:index": {"superuser", "reviewer"},
    "inspection_weekly_report": {"superuser", "reviewer"},
    "wagtailadmin_home": {"superuser", "reviewer", "editor", "head"},
}


@dataclass(frozen=True)
class AdminUrl:
    name: str
    path: str


def admin_patterns(
    patterns=None, prefix: str = "", namespace: str | None = None
) -> Iterator[tuple[str, str, URLPattern]]:
    """Every URL pattern under ``/admin/``: its whole regular expression, its name (namespaced) and itself."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        regex = prefix + pattern.pattern.regex.pattern.lstrip("^")
        if isinstance(pattern, URLResolver):
            if not regex.startswith(ADMIN_PREFIX) and not ADMIN_PREFIX.startswith(regex):
                continue
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
            yield from admin_patterns(pattern.url_patterns, regex, inner or namespace)
        elif regex.startswith(ADMIN_PREFIX):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield regex, name, pattern


class Filler:
    """Values for URL parameters, from the test zone; the model of a ``pk`` is the one its view edits."""

    def __init__(self, zone, letter: Letter) -> None:
        article = zone.articles["news3"]
        revision = Revision.page_revisions.filter(object_id=str(article.pk)).order_by("pk").first()
        self.by_name: dict[str, object] = {
            "page_id": article.pk,
            "parent_page_id": article.get_parent().pk,
            "page_to_move_id": article.pk,
            "page_pk": article.pk,
            "destination_id": zone.columns["notices"].pk,
            "image_id": Image.objects.order_by("pk").first().pk,
            "document_id": Document.objects.order_by("pk").first().pk,
            "doc_id": Document.objects.order_by("pk").first().pk,
            "collection_id": Collection.objects.order_by("pk").last().pk,
            "revision_id": revision.pk,
            "revision_id_a": revision.pk,
            "revision_id_b": revision.pk,
            "task_id": Task.objects.order_by("pk").first().pk,
            "workflow_pk": Workflow.objects.order_by("pk").first().pk,
            "app_label": "portal",
            "app_name": "portal",
            "content_type_app_name": "portal",
            "model_name": "articlepage",
            "content_type_model_name": "articlepage",
            "letter_id": letter.pk,
        }
        #: Where one pattern's parameters mean other objects than the names say.
        self.by_url: dict[str, dict[str, object]] = {
            "wagtailsettings:edit": {"app_name": "portal", "model_name": "portalsettings", "pk": zone.site.pk},
            "wagtailsettings:preview_on_edit": {"app_name": "portal", "model_name": "portalsettings"},
            "department_columns": {"pk": zone.departments["invest"].pk},
            "inspection_weekly_report": {"fmt": "pdf"},
        }

    def values(self, name: str, params: list[str], model: type[Model] | None) -> dict[str, object] | None:
        """Values for ``params`` of the pattern ``name``, or ``None`` when the zone has nothing to put there."""
        values = dict(self.by_url.get(name, {}))
        for param in params:
            if param in values:
                continue
            if param in self.by_name:
                values[param] = self.by_name[param]
            elif param == "pk" and model is not None:
                found = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
                if found is None:
                    return None
                values["pk"] = found
            else:
                return None
        return values


def view_model(pattern: URLPattern) -> type[Model] | None:
    """The model a view works on (a snippet's, a viewset's), as the view itself says."""
    view = pattern.callback
    view_class = getattr(view, "view_class", None)
    model = getattr(view, "view_initkwargs", {}).get("model") or getattr(view_class, "model", None)
    return model if isinstance(model, type) and issubclass(model, Model) else None


def admin_urls(filler: Filler) -> tuple[list[AdminUrl], list[str]]:
    """The concrete URLs to request, and the patterns skipped for want of an object.

    A view that does not name its model (a detail view of a viewset) works on its namespace's.
    """
    found = list(admin_patterns())
    namespace_models: dict[str, type[Model]] = {}
    for _regex, name, pattern in found:
        if ":" in name and (model := view_model(pattern)) is not None:
            namespace_models.setdefault(name.rsplit(":", 1)[0], model)
    urls, skipped = [], []
    for regex, name, pattern in found:
        if name in NOT_SWEPT:
            continue
        path_format, params = normalize(regex)[0]
        model = view_model(pattern) or namespace_models.get(name.rsplit(":", 1)[0])
        values = filler.values(name, params, model)
        if values is None:
            skipped.append(name or regex)
            continue
        urls.append(AdminUrl(name, "/" + path_format % values))
    return urls, skipped


@pytest.fixture
def sweep(zone):
    """The zone, one letter, a person of every role, and the admin URLs to visit."""
    mailbox = Mailbox.objects.create(slug="director", name="主任信箱", department=zone.departments["office"])
    LetterCategory.objects.create(mailbox=mailbox, name="投资环境", reply_days=3)
    letter = submit_letter(
        mailbox,
        {
            "subject": "园区道路照明不足",
            "content": "工业园区北路夜间路灯损坏多日，请尽快维修。",
            "name": "张三",
            "phone": "13800001234",
            "email": "",
            "is_public": False,
            "is_anonymous": False,
            "category": None,
        },
    ).letter
    # One row of the office's and the departments' own tables, so their edit, history and usage views are swept.
    Holiday.objects.create(date=date(2031, 10, 1), name="国庆节")
    topic = FaqTopic.objects.create(name="土地", slug="land")
    FaqEntry.objects.create(
        department=zone.departments["invest"], topic=topic, question="如何办理？", answer="请咨询。"
    )
    invest = zone.departments["invest"]
    SensitiveWord.objects.create(word="测试敏感词")
    RectificationItem.objects.create(
        title="路灯维修",
        description="北路路灯损坏",
        source_kind="letter",
        department=invest,
        responsible_person="李四",
        deadline=date(2031, 1, 10),
    )
    # 公文流转 (issue 12, online office): a document with an attachment and one recipient copy.
    document = OfficialDocument.objects.create(
        title="关于安全检查的通知", department=invest, drafter=zone.users["invest_editor"], body="请自查。"
    )
    DocumentAttachment.objects.create(
        document=document, file=ContentFile(b"%PDF-1.4\n", name="notice.pdf"), original_name="通知.pdf"
    )
    Distribution.objects.create(document=document, department=zone.departments["finance"], deadline=date(2031, 1, 10))
    Survey.objects.create(title="营商环境问卷", slug="yingshang", department=invest)
    policy = Policy.objects.create(title="招商引资优惠办法", category=PolicyCategory.objects.first(), department=invest)
    policy.issuers.add(PolicyIssuer.objects.create(name="来凤经济开发区管委会"))
    PolicyTopic.objects.create(name="招商引资")
    PolicyInterpretation.objects.create(title="招商引资优惠办法解读", department=invest)
    ServiceTopic.objects.create(name="企业开办", slug="kaiban")
    ServiceItem.objects.create(
        name="企业入园登记",
        department=invest,
        legal_basis="有关规定",
        conditions="园区企业",
        statutory_days=20,
        promised_days=10,
    )
    Journey.objects.create(title="企业入园", slug="ruyuan", summary="入园一件事", department=invest)
    AnnualReport.objects.create(year=2030, summary="年度报告")
    # 招商与园区, 安置与失地保障, 投资线索 and 网站自查 (issue 10, issue 12).
    land = zone.departments["finance"]  # the test zone has no 国土建设分局: another department owns the land records
    industry = Industry.objects.create(name="新型建材")
    park = Park.objects.create(name="桂花树工业园", department=land)
    Enterprise.objects.create(name="金凤建材", park=park, industry=industry, department=invest)
    Project.objects.create(name="新型建材项目", park=park, industry=industry, department=invest)
    InvestmentTask.objects.create(year=2030, target=35000, department=invest)
    Indicator.objects.create(name="工业总产值", unit="亿元", department=invest)
    Relocation.objects.create(village="甲村", households=3, people=10, department=land)
    HousingSite.objects.create(name="一号还建点", stage="building", floor_area=5, department=land)
    InsuranceBatch.objects.create(batch="第一批", insured=10, department=land)
    InvestorLead.objects.create(
        name="Anna",
        company="Weber GmbH",
        country="Germany",
        email="anna@example.com",
        message="Site?",
        language="en",
        department=invest,
    )
    SensitiveTerm.objects.create(word="测试阻断词")
    ColumnThreshold.objects.create(column=zone.columns["notices"], days=30)
    PerformanceTarget.objects.create(department=invest, year=2030, items=10)
    submit_request(dict(CITIZEN))
    # 网上办公 › 通知 (issue 12): one notice from the office to 招商发展分局, read and signed, with an attachment.
    notice = Notice(title="关于安全检查的通知", body="<p>请开展检查。</p>", sender=zone.departments["office"])
    sweep_pdf = SimpleUploadedFile("sweep.pdf", b"%PDF-1.4 sweep", content_type="application/pdf")
    notice_services.save_draft(notice, user=zone.users["reviewer"], departments=[invest], files=[sweep_pdf])
    notice = notice_services.publish(notice, user=zone.users["reviewer"])
    notice_services.sign(notice, user=zone.users["invest_editor"])
    notice_services.remind(notice, user=zone.users["reviewer"])
    # 督办事项 (issue 12): an item with a progress report and its file.
    item = SupervisionItem.objects.create(
        title="道路改造",
        source="meeting",
        lead_department=invest,
        requirements="月底前完成设计",
        due_on=date(2031, 1, 10),
    )
    item.departments.add(invest)
    report = ProgressReport(item=item, department=invest, text="设计招标中", attachment_name="进度.pdf")
    report.attachment.save("progress.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    people = {
        "superuser": zone.users["admin"],
        "reviewer": zone.users["reviewer"],
        "editor": zone.users["invest_editor"],
        "head": zone.users["invest_head"],
        "no_access": make_user("no_access", Group.objects.create(name="没有后台权限的组")),
    }
    urls, skipped = admin_urls(Filler(zone, letter))
    return people, urls, skipped


def client_for(person) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def to_login(response) -> bool:
    return response.status_code == 302 and urlsplit(response["Location"]).path == LOGIN


def refused(response) -> bool:
    """Refused: 401/403/404/405, or sent to the login page or the dashboard (Wagtail's "no permission" message)."""
    if response.status_code in REFUSED or to_login(response):
        return True
    return response.status_code == 302 and urlsplit(response["Location"]).path == reverse("wagtailadmin_home")


def visit(client: Client, url: AdminUrl):
    return client.get(url.path, HTTP_ACCEPT="text/html")


def test_anonymous_visitors_get_nothing_under_admin(sweep):
    _people, urls, _skipped = sweep
    client = Client()
    let_in = []
    for url in urls:
        response = visit(client, url)
        if url.name in ANONYMOUS_PAGES:
            assert response.status_code in {200, 302, *REFUSED}, (url, response.status_code)
        elif response.status_code == 302:
            assert to_login(response), (url, response["Location"])
        elif response.status_code not in REFUSED:
            let_in.append((url.path, response.status_code))
    assert not let_in, let_in


def test_a_person_without_back_office_access_gets_nothing(sweep):
    people, urls, _skipped = sweep
    client = client_for(people["no_access"])
    let_in = [
        (url.path, response.status_code)
        for url in urls
        if url.name not in ANONYMOUS_PAGES and not refused(response := visit(client, url))
    ]
    assert not let_in, let_in


def test_no_admin_url_fails_for_the_administrator(sweep):
    """The administrator reaches every view's code (about 40 s; the other roles meet the refusals above and below)."""
    people, urls, _skipped = sweep
    client = client_for(people["superuser"])
    failed = [(url.path, response.status_code) for url in urls if (response := visit(client, url)).status_code >= 500]
    assert not failed, failed


@pytest.mark.parametrize("role", ROLES)
def test_sensitive_screens_open_for_their_roles_only(sweep, role):
    people, urls, _skipped = sweep
    client = client_for(people[role])
    by_name = {url.name: url for url in urls}
    wrong = []
    for name, allowed in SENSITIVE.items():
        response = visit(client, by_name[name])
        if role in allowed and response.status_code != 200:
            wrong.append((name, "should open", response.status_code))
        if role not in allowed and not refused(response):
            wrong.append((name, "should be refused", response.status_code))
    assert not wrong, wrong


def test_every_new_admin_pattern_is_swept(sweep):
    """The sweep reads the URLconf: the project's own admin views are among the URLs visited."""
    _people, urls, skipped = sweep
    names = {url.name for url in urls}
    assert {"holiday_arrangement", "letters_inbox:index", "wagtailadmin_pages:edit", "department_columns"} <= names
    assert len(urls) > 200
    # Skipped: patterns whose objects the zone lacks (uploads in progress, editing sessions, form pages …).
    assert len(skipped) < len(urls) / 5, skipped


# ---------------------------------------------------------------------------- the API


def api_operations() -> Iterator[tuple[str, str]]:
    """(method, path) of every operation in the API's OpenAPI document, path parameters filled."""
    for path, item in api.get_openapi_schema()["paths"].items():
        for method in item:
            yield method.upper(), re.sub(r"\{[^}]+\}", "LF20260101-0001", path)


@pytest.mark.parametrize(("method", "path"), list(api_operations()))
def test_api_operations_are_public_and_the_same_for_staff(sweep, method, path):
    people, _urls, _skipped = sweep
    answers = {}
    for role in (None, "superuser", "no_access"):
        client = client_for(people[role] if role else None)
        response = client.generic(method, path, b"{}", content_type="application/json")
        assert response.status_code < 500, (role, response.status_code)
        assert response.status_code not in {401, 403}, (role, response.status_code)
        answers[role] = (response.status_code, response.content)
    assert answers[None] == answers["superuser"] == answers["no_access"]
