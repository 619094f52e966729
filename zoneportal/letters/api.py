"""来信 in the JSON API (``/api/v1/``): the mailboxes, sending a letter, its status, the published replies.

A :class:`ninja.Router` mounted on the project's ``NinjaAPI`` (``zoneportal/search/api.py``); errors
have the project's one shape, ``core.api.ErrorOut``.

``POST /letters`` reads its JSON body itself instead of through a ninja schema, so that a wrong type
is answered like every other mistake — 400, one Chinese message per field — and the rules are the
form's (:class:`~zoneportal.letters.forms.LetterForm`), not a second copy. docs/api.md has examples.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import BaseModel, ConfigDict
from pydantic import Field as PydanticField

from zoneportal.core.api import ErrorOut
from zoneportal.core.network import over_limit

from . import numbers
from .forms import CONTENT_MAX, LetterForm
from .masking import mask_name, mask_phone
from .models import Letter, LetterCategory, LetterEvent, Mailbox
from .rates import LOOKUP_GROUP, SEND_GROUP
from .submission import query_code_for, submit_letter
from .workflow import ACTIONS

router = Router(tags=["来信"])

RETRY_AFTER_SECONDS = 60
PUBLIC_PER_PAGE = 10
#: The last page number accepted: far beyond any list's end, and an offset every database can take.
MAX_PUBLIC_PAGE = 10_000
#: What an ``Idempotency-Key`` may be: long enough not to be guessed, short enough for the column
#: (it is stored with the ``api:`` prefix, which keeps the API's keys apart from the form page's tokens).
IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_.:\-]{16,60}$")
KEY_PREFIX = "api:"
TEXT_FIELDS = ("subject", "content", "name", "phone", "email")
FLAG_FIELDS = ("is_public", "is_anonymous")
KNOWN_FIELDS = {"mailbox", "category", *TEXT_FIELDS, *FLAG_FIELDS}
PRIVATE = "private, no-store"


# --------------------------------------------------------------------------- schemas


class CategoryOut(Schema):
    id: int = Field(description="类别编号，写信时可作为 category 的取值")
    name: str = Field(description="类别名称，写信时也可作为 category 的取值")
    reply_days: int = Field(description="答复期限（工作日）")


class MailboxOut(Schema):
    slug: str = Field(description="信箱标识，写信时作为 mailbox 的取值")
    name: str = Field(description="信箱名称")
    description: str = Field(description="说明")
    department: str = Field(description="默认承办部门")
    allows_anonymous: bool = Field(description="是否接受匿名来信")
    reply_days: int = Field(description="答复期限（工作日，按国家法定工作日计算）")
    categories: list[CategoryOut] = Field(description="信件类别")


class LetterIn(BaseModel):
    """The body of ``POST /letters`` as the schema documents it (the view checks it itself)."""

    # A letter the demo's 主任信箱 accepts: for readers of the schema, and the API fuzz test's valid case.
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "mailbox": "zhuren",
                    "subject": "园区北路路灯损坏",
                    "content": "北路夜间路灯损坏多日，职工下班出行不便，请尽快维修。",
                    "name": "张三",
                    "phone": "13800001234",
                    "is_public": True,
                }
            ]
        }
    )

    mailbox: str = PydanticField(description="信箱标识（见 GET /api/v1/mailboxes 的 slug）")
    subject: str = PydanticField(description="标题，最多 100 字", max_length=100)
    content: str = PydanticField(description="内容，10–5000 字", min_length=10, max_length=5000)
    category: int | str | None = PydanticField(
        None, description="类别：类别编号（整数）或类别名称（文本），须是该信箱的类别；可省略"
    )
    name: str = PydanticField("", description="姓名；匿名来信时不填（填了也不保存）", max_length=50)
    phone: str = PydanticField("", description="联系电话：11 位手机号或固定电话（如 0718-6281234）", max_length=20)
    email: str = PydanticField("", description="电子邮箱；实名来信须填写联系电话或电子邮箱之一")
    is_public: bool = PydanticField(False, description="同意答复后在网站公开（姓名、电话隐去）")
    is_anonymous: bool = PydanticField(False, description="匿名来信，仅限 allows_anonymous 为 true 的信箱")


class ReceiptOut(Schema):
    tracking_number: str = Field(description="信件编号，如 LF20261206-0001")
    query_code: str = Field(description="查询码（8 位），只在此显示一次，与信件编号一起用于查询办理进度")
    due_on: date = Field(description="答复期限（日期）")


class TimelineEntryOut(Schema):
    at: datetime = Field(description="时间")
    action: str = Field(description="步骤代码，如 receive、accept、approve_reply")
    label: str = Field(description="步骤名称，如“收到来信”“受理”“答复”")
    status: str = Field(description="此后的状态代码")
    status_label: str = Field(description="此后的状态名称")
    department: str = Field(description="办理部门")
    note: str = Field(description="说明（如不予受理的理由）")


class LetterStatusOut(Schema):
    tracking_number: str = Field(description="信件编号")
    mailbox: str = Field(description="信箱名称")
    category: str = Field(description="类别名称；未选类别时为空")
    subject: str = Field(description="标题")
    received_at: datetime = Field(description="收信时间")
    status: str = Field(
        description="状态代码：pending=待受理，accepted=已受理，rejected=不予受理，processing=办理中，"
        "reviewing=待审核，replied=已答复，rated=已评价，archived=已归档"
    )
    status_label: str = Field(description="状态名称")
    department: str = Field(description="承办部门")
    due_on: date = Field(description="答复期限（日期）")
    working_days_left: int | None = Field(description="距答复期限的工作日数（已超期为负数）；已答复或办结时为 null")
    timeline: list[TimelineEntryOut] = Field(description="向来信人公开的办理记录，按时间先后")
    reply: str = Field(description="答复内容；尚未答复时为空")
    replied_at: datetime | None = Field(description="答复时间")
    reply_department: str = Field(description="答复部门")
    satisfaction: str = Field(description="满意度代码：satisfied、basically、dissatisfied；未评价时为空")
    merged_into: str | None = Field(description="已并入的信件编号；未合并时为 null")


class PublicLetterOut(Schema):
    tracking_number: str = Field(description="信件编号")
    mailbox: str = Field(description="信箱名称")
    mailbox_slug: str = Field(description="信箱标识")
    category: str = Field(description="类别名称")
    subject: str = Field(description="标题")
    content: str = Field(description="来信内容")
    writer: str = Field(description="来信人（隐去，如 张**；匿名来信为“匿名”）")
    phone: str = Field(description="联系电话（隐去，如 138****1234）")
    received_at: datetime = Field(description="收信时间")
    replied_at: datetime | None = Field(description="答复时间")
    reply_department: str = Field(description="答复部门")
    reply: str = Field(description="答复内容")


class PublicLettersOut(Schema):
    total: int = Field(description="符合条件的公开信件数")
    page: int
    per_page: int
    num_pages: int
    results: list[PublicLetterOut]


class PublicParams(Schema):
    mailbox: str = Field("", description="按信箱筛选：信箱标识（slug）")
    department: str = Field("", description="按答复部门筛选：部门标识（slug）")
    page: int = Field(
        1, ge=1, le=MAX_PUBLIC_PAGE, description=f"页码，从 1 开始，最大 {MAX_PUBLIC_PAGE}；每页 {PUBLIC_PER_PAGE} 条"
    )


# --------------------------------------------------------------------------- helpers


def error(detail: str, errors: list[dict[str, str]] | None = None) -> dict:
    """The body of an error answer (the same shape as the search API's)."""
    return {"detail": detail, "errors": errors or []}


def field_error(param: str, message: str) -> dict[str, str]:
    return {"param": param, "message": str(message)}


def not_found() -> dict:
    # One answer for an unknown number and a wrong code: the API must not confirm that a number exists.
    return error(_("没有找到这封信，请核对信件编号和查询码。"))


def read_body(request: HttpRequest) -> tuple[dict | None, list[dict[str, str]]]:
    """The JSON object sent, or the reasons it cannot be read."""
    try:
        body = json.loads(request.body or b"null")
    except RequestDataTooBig:
        return None, [field_error("body", _("请求内容过大，来信内容最多 %(limit)d 字。") % {"limit": CONTENT_MAX})]
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, [field_error("body", _("请求内容不是有效的 JSON（须为 UTF-8 编码的 JSON 对象）。"))]
    if not isinstance(body, dict):
        return None, [field_error("body", _('请求内容须为 JSON 对象，如 {"mailbox": "zhuren", ...}。'))]
    return body, []


def type_errors(body: dict) -> list[dict[str, str]]:
    """Fields of the wrong JSON type, and fields this endpoint does not know."""
    errors = []
    for name in sorted(set(body) - KNOWN_FIELDS)[:10]:
        name = name[:40]  # echoed back: what a client sent is never repeated at length
        errors.append(field_error(name, _("未知字段 %(name)s。") % {"name": name}))
    for name in ("mailbox", *TEXT_FIELDS):
        if body.get(name) is not None and not isinstance(body[name], str):
            errors.append(field_error(name, _("%(name)s 应为文本（字符串）。") % {"name": name}))
    for name in FLAG_FIELDS:
        if body.get(name) is not None and not isinstance(body[name], bool):
            errors.append(field_error(name, _("%(name)s 应为 true 或 false。") % {"name": name}))
    category = body.get("category")
    if category is not None and (isinstance(category, bool) or not isinstance(category, int | str)):
        errors.append(field_error("category", _("category 应为类别编号（整数）或类别名称（文本）。")))
    return errors


def category_choice(mailbox: Mailbox, value: int | str | None) -> tuple[str, list[dict[str, str]]]:
    """The form's value for ``category`` (a primary key, or empty) from an id or a name."""
    if value is None or value == "":
        return "", []
    categories = mailbox.categories.all()
    try:
        if not storable(value):
            raise LetterCategory.DoesNotExist
        found = categories.get(pk=value) if isinstance(value, int) else categories.get(name=value)
    except LetterCategory.DoesNotExist:
        names = "、".join(categories.values_list("name", flat=True)) or _("（该信箱没有类别）")
        message = _("信箱“%(mailbox)s”没有这个类别。可选：%(names)s") % {"mailbox": mailbox.name, "names": names}
        return "", [field_error("category", message)]
    return str(found.pk), []


def storable(value: int | str) -> bool:
    """Whether the database can compare ``value`` at all: a NUL character or an integer beyond 64 bits
    would be a database error (a 500), where the answer is simply "no such thing"."""
    if isinstance(value, int):
        return 0 < value < 2**63
    return "\x00" not in value


def form_errors(form: LetterForm) -> list[dict[str, str]]:
    return [
        field_error(name if name != "__all__" else "body", message)
        for name, messages in form.errors.items()
        for message in messages
    ]


def same_letter(letter: Letter, mailbox: Mailbox, cleaned: dict) -> bool:
    """Whether a resent request carries the letter stored under its key (not another letter reusing the key)."""
    return (
        letter.mailbox_id == mailbox.pk
        and letter.subject == cleaned["subject"]
        and letter.content == cleaned["content"]
    )


def receipt_body(letter: Letter, code: str) -> dict:
    return {"tracking_number": letter.tracking_number, "query_code": code, "due_on": letter.due_on}


# --------------------------------------------------------------------------- endpoints


@router.get(
    "/mailboxes",
    response=list[MailboxOut],
    url_name="mailboxes",
    summary="信箱列表",
    description="开放的信箱及其类别、默认承办部门、答复期限和是否接受匿名来信。写信前先取此列表。",
)
def mailboxes(request: HttpRequest, response: HttpResponse) -> list[dict]:
    boxes = (
        Mailbox.objects.filter(is_active=True)
        .select_related("department")
        .prefetch_related(Prefetch("categories", queryset=LetterCategory.objects.order_by("sort_order", "id")))
    )
    response["Cache-Control"] = "public, max-age=60"
    return [
        {
            "slug": box.slug,
            "name": box.name,
            "description": box.description,
            "department": box.department.name,
            "allows_anonymous": box.allows_anonymous,
            "reply_days": box.reply_days,
            "categories": [
                {"id": c.pk, "name": c.name, "reply_days": c.reply_days or box.reply_days} for c in box.categories.all()
            ],
        }
        for box in boxes
    ]


@router.post(
    "/letters",
    response={200: ReceiptOut, 201: ReceiptOut, 400: ErrorOut, 429: ErrorOut},
    url_name="letters",
    summary="写信",
    description=(
        "向一个信箱写信，请求体为 JSON 对象，校验规则与网站上的写信表单相同。信件保存（提交事务）后才返回 201，"
        "附信件编号和查询码（查询码只返回这一次，并通过短信或邮件告知来信人）。"
        "任一字段有误时返回 400，errors 中逐个字段给出中文说明；信箱不存在或未开放也返回 400。"
        "可在请求头 Idempotency-Key 中给出 16–60 位的随机串（字母、数字、- _ . :）：网络中断后用同一个键重发，"
        "不会产生第二封信，返回的仍是第一次的编号和查询码（状态码 200，响应头 Idempotent-Replayed: true）。"
        "同一访客写信过于频繁时返回 429，并在 Retry-After 头中给出等待秒数。"
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": LetterIn.model_json_schema()}},
        },
        "parameters": [
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "description": "幂等键：16–60 位随机串；同一个键重发同一封信，只保存一次",
                "schema": {"type": "string", "minLength": 16, "maxLength": 60},
            }
        ],
    },
)
def send_letter(request: HttpRequest, response: HttpResponse) -> Status:
    body, errors = read_body(request)
    if body is None:
        return Status(400, error(_("请求内容有误"), errors))
    errors = type_errors(body)
    key = request.headers.get("Idempotency-Key", "").strip()
    if key and not IDEMPOTENCY_KEY.match(key):
        errors.append(field_error("Idempotency-Key", _("幂等键须为 16–60 位的字母、数字或 - _ . : 组成的随机串。")))
    slug = body.get("mailbox")
    mailbox = None
    if not slug:
        errors.append(field_error("mailbox", _("请指定信箱（信箱标识见 GET /api/v1/mailboxes）。")))
    elif isinstance(slug, str):
        try:
            if not storable(slug):
                raise Mailbox.DoesNotExist
            mailbox = Mailbox.objects.select_related("department").get(slug=slug, is_active=True)
        except Mailbox.DoesNotExist:
            errors.append(field_error("mailbox", _("没有名为“%(slug)s”的开放信箱。") % {"slug": slug[:40]}))
    if errors or mailbox is None:
        return Status(400, error(_("来信内容有误，请按说明修改后重新提交"), errors))

    if body.get("is_anonymous") and not mailbox.allows_anonymous:
        errors.append(
            field_error("is_anonymous", _("信箱“%(name)s”不接受匿名来信，请填写姓名。") % {"name": mailbox.name})
        )
    category, category_errors = category_choice(mailbox, body.get("category"))
    errors += category_errors
    data = {name: body.get(name) or "" for name in TEXT_FIELDS}
    data.update({name: bool(body.get(name)) for name in FLAG_FIELDS if body.get(name)})
    data["category"] = category
    form = LetterForm(data, mailbox=mailbox)
    if not form.is_valid() or errors:
        return Status(400, error(_("来信内容有误，请按说明修改后重新提交"), errors + form_errors(form)))

    submission_key = f"{KEY_PREFIX}{key}" if key else None
    if over_limit(request, SEND_GROUP, settings.LETTER_RATE):
        # A resent request (its answer was lost on the way) is not a new letter: it is answered even now.
        existing = Letter.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return Status(429, error(_("写信太频繁，请稍后再试")))
        return replay(response, existing, mailbox, form.cleaned_data, submission_key)
    receipt = submit_letter(mailbox, form.cleaned_data, submission_key=submission_key)
    if receipt.duplicate:
        # The same request was being stored by another worker at this moment, and that one committed first.
        return replay(response, receipt.letter, mailbox, form.cleaned_data, submission_key)
    return Status(201, receipt_body(receipt.letter, receipt.query_code))


def replay(response: HttpResponse, letter: Letter, mailbox: Mailbox, cleaned: dict, key: str) -> Status:
    """The answer to a resent request: the stored letter's receipt, unless the key was used for another letter."""
    if not same_letter(letter, mailbox, cleaned):
        message = _("这个幂等键已用于另一封信，请为每封新信生成新的随机串。")
        return Status(400, error(_("来信内容有误，请按说明修改后重新提交"), [field_error("Idempotency-Key", message)]))
    response["Idempotent-Replayed"] = "true"
    return Status(200, receipt_body(letter, query_code_for(key)))


@router.get(
    "/letters/public",
    response={200: PublicLettersOut, 422: ErrorOut},
    url_name="letters_public",
    summary="公开信件",
    description=(
        f"已答复、来信人同意公开并经工作人员选择公开的信件，按答复时间从新到旧，每页 {PUBLIC_PER_PAGE} 条。"
        "来信人姓名和电话已隐去。可按信箱或答复部门筛选。"
    ),
)
def public_letters(request: HttpRequest, response: HttpResponse, params: Query[PublicParams]) -> dict:
    letters = Letter.objects.published().select_related("mailbox", "category", "reply_department")
    for lookup, value in (("mailbox__slug", params.mailbox), ("reply_department__slug", params.department)):
        if value:
            letters = letters.filter(**{lookup: value}) if storable(value) else letters.none()
    total = letters.count()
    start = (params.page - 1) * PUBLIC_PER_PAGE
    page = letters.order_by("-replied_at", "-pk")[start : start + PUBLIC_PER_PAGE]
    # Published letters change when staff publish one; a minute's delay is acceptable, as for suggestions.
    response["Cache-Control"] = "public, max-age=60"
    return {
        "total": total,
        "page": params.page,
        "per_page": PUBLIC_PER_PAGE,
        "num_pages": max(1, math.ceil(total / PUBLIC_PER_PAGE)),
        "results": [
            {
                "tracking_number": letter.tracking_number,
                "mailbox": letter.mailbox.name,
                "mailbox_slug": letter.mailbox.slug,
                "category": letter.category.name if letter.category else "",
                "subject": letter.subject,
                "content": letter.content,
                "writer": mask_name("" if letter.is_anonymous else letter.name),
                "phone": mask_phone(letter.phone) if letter.phone and not letter.is_anonymous else "",
                "received_at": letter.received_at,
                "replied_at": letter.replied_at,
                "reply_department": letter.reply_department.name if letter.reply_department else "",
                "reply": letter.reply,
            }
            for letter in page
        ],
    }


@router.get(
    "/letters/{tracking_number}",
    response={200: LetterStatusOut, 404: ErrorOut, 429: ErrorOut},
    url_name="letter_status",
    summary="查询信件办理进度",
    description=(
        "凭信件编号和查询码查询办理状态、公开的办理记录、答复期限和答复内容。"
        "编号不存在或查询码不对，都返回同样的 404。同一访客查询过于频繁时返回 429。"
    ),
)
def letter_status(
    request: HttpRequest,
    response: HttpResponse,
    tracking_number: str,
    code: str = Query("", description="查询码（8 位，不区分大小写，可含空格）"),
) -> Status:
    # Never kept by the page cache or a proxy: the answer is the writer's alone and changes with every step.
    response["Cache-Control"] = PRIVATE
    if over_limit(request, LOOKUP_GROUP, settings.LETTER_LOOKUP_RATE):
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return Status(429, error(_("查询太频繁，请稍后再试")))
    number = tracking_number.strip().upper()[:20]
    letter = (
        Letter.objects.filter(tracking_number=number if storable(number) else "")
        .select_related("mailbox", "category", "department", "reply_department", "merged_into")
        .first()
    )
    if letter is None:
        numbers.hash_query_code(number, code)  # the same work as a wrong code, so timing tells nothing
        return Status(404, not_found())
    if not code.strip() or not numbers.query_code_matches(letter.tracking_number, code, letter.query_code_hash):
        return Status(404, not_found())
    return Status(200, status_body(letter))


def status_body(letter: Letter) -> dict[str, Any]:
    """What the writer may see of their letter."""
    statuses = dict(Letter.Status.choices)
    events: list[LetterEvent] = list(letter.public_timeline())
    return {
        "tracking_number": letter.tracking_number,
        "mailbox": letter.mailbox.name,
        "category": letter.category.name if letter.category else "",
        "subject": letter.subject,
        "received_at": letter.received_at,
        "status": letter.status,
        "status_label": str(letter.get_status_display()),
        "department": letter.department.name,
        "due_on": letter.due_on,
        "working_days_left": letter.working_days_left() if letter.is_open else None,
        "timeline": [
            {
                "at": event.at,
                "action": event.action,
                "label": str(ACTIONS[event.action].label) if event.action in ACTIONS else event.action,
                "status": event.to_status,
                "status_label": str(statuses.get(event.to_status, "")),
                "department": event.department.name if event.department else "",
                "note": event.note,
            }
            for event in events
        ],
        "reply": letter.reply if letter.replied_at else "",
        "replied_at": letter.replied_at,
        "reply_department": letter.reply_department.name if letter.reply_department else "",
        "satisfaction": letter.satisfaction,
        "merged_into": letter.merged_into.tracking_number if letter.merged_into else None,
    }
