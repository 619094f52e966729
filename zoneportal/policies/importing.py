"""Importing policy documents from a file: .jsonl, .csv or .xlsx, all or nothing.

The file is read twice, row by row, and never held whole in memory:

1. **check** — every row is parsed and validated (required fields, dates and their
   order, validity labels, categories, duplicate 文号 and external ids within the
   file and against the database). Errors are collected as
   :class:`RowError` ``(line, field, message)``; any error and nothing is written.
2. **write** — one transaction: categories, issuers and topics created by name,
   index numbers reserved in blocks, documents upserted by ``external_id`` in
   bulk batches with their issuer and topic rows, then indexed in site search.
   The page cache is emptied once at the end.

Columns (the export writes the same, plus ``index_number``, which is ignored):
``external_id, title, doc_number, issuer, category, topics, issued_on, effective_on,
expires_on, validity, body`` and optionally ``written_on, source_url, replaced_by``.
``issuer`` and ``topics`` are lists in .jsonl and ``;``-separated text in .csv/.xlsx.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.tabular import ImportFile, ImportFileError, Read, RowError, check_header, xlsx_records
from zoneportal.portal.page_cache import invalidate_page_cache
from zoneportal.portal.templatetags.portal_tags import clean_html

from . import search
from .index_numbers import reserve_index_number_blocks
from .models import Policy, PolicyCategory, PolicyIssuer, PolicyTopic, Validity, date_order_errors

#: Columns every file must have, in the order the export writes them.
REQUIRED_COLUMNS = (
    "external_id", "title", "doc_number", "issuer", "category", "topics",
    "issued_on", "effective_on", "expires_on", "validity", "body",
)  # fmt: skip
#: Columns a file may add; a document keeps its value of a column its row does not have.
OPTIONAL_COLUMNS = ("written_on", "source_url", "replaced_by")
#: Written by the export and ignored here: the library hands out index numbers itself.
IGNORED_COLUMNS = ("index_number",)
DATE_COLUMNS = ("written_on", "issued_on", "effective_on", "expires_on")
FORMATS = ("jsonl", "csv", "xlsx")
#: Documents written (and indexed) per bulk statement.
BATCH_SIZE = 500
#: Rows shown in the back office's preview.
PREVIEW_ROWS = 20
#: The validity labels of a file and the stored values.
VALIDITY_BY_LABEL = {str(label): value for value, label in Validity.choices}
LIST_SEPARATOR = re.compile(r"[;；、]")
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class PolicyRow:
    """One validated row, ready to write."""

    line: int
    external_id: str
    title: str
    doc_number: str
    issuers: list[str]
    category: str
    topics: list[str]
    dates: dict[str, date | None]
    validity: str
    body: str
    #: Optional columns the row has (their values in ``optional``).
    optional: dict[str, str | date | None] = field(default_factory=dict)

    @property
    def validity_label(self) -> str:
        """有效, 失效 … as the file wrote it."""
        return str(Validity(self.validity).label)


@dataclass
class ImportReport:
    """What an import found and did; ``errors`` empty means it was (or, dry, would be) written."""

    total: int = 0
    new: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    preview: list[PolicyRow] = field(default_factory=list)
    #: ``external_id`` of the preview rows that update an existing document.
    existing: set[str] = field(default_factory=set)
    created_categories: list[str] = field(default_factory=list)
    encoding: str = ""
    dry_run: bool = False
    written: bool = False
    indexed: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


#: ``progress(stage, done, total)``: stage ``CHECK`` (total unknown, 0) or ``WRITE``.
Progress = Callable[[str, int, int], None]
CHECK, WRITE = "check", "write"


# ---- reading ---------------------------------------------------------------


def detect_encoding(file: ImportFile) -> str:
    """``utf-8-sig`` (UTF-8 with or without BOM) or ``gb18030`` (GBK, as Excel saves CSV on Chinese Windows).

    The whole file is decoded in chunks, so a GBK character late in the file is found too.
    """
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with file.open() as stream:
                while chunk := stream.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise ImportFileError(_("无法识别文件的编码：请把文件另存为 UTF-8 编码（Excel 中选择“CSV UTF-8”）后再导入。"))


def read_records(file: ImportFile, encoding: str) -> Iterator[tuple[int, Read]]:
    """``(line, record or problem)`` for every row of the file, streamed; the header's column names checked."""
    fmt = file.format
    if fmt == "xlsx":
        yield from _xlsx_records(file)
        return
    with file.open() as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
        if fmt == "csv":
            yield from _csv_records(text)
        else:
            yield from _jsonl_records(text)


def _check_columns(columns: Iterable[str]) -> list[str]:
    return check_header(columns, REQUIRED_COLUMNS, OPTIONAL_COLUMNS + IGNORED_COLUMNS)


def _csv_records(text: IO[str]) -> Iterator[tuple[int, Read]]:
    reader = csv.reader(text)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFileError(_("文件是空的。"))
        columns = _check_columns(name.strip() for name in header)
        # Rows are numbered as Excel numbers them (the header is row 1), whatever line breaks a cell holds.
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                extra = len(row) - len(columns)
                yield number, _("这一行比表头多 %(count)d 列（可能有未加引号的逗号）") % {"count": extra}
                continue
            yield number, dict(zip(columns, row, strict=False))
    except csv.Error as error:
        raise ImportFileError(
            _("CSV 格式错误（第 %(line)d 行）：%(error)s") % {"line": reader.line_num, "error": error}
        ) from error


def _jsonl_records(text: IO[str]) -> Iterator[tuple[int, Read]]:
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, _("不是有效的 JSON：%(error)s") % {"error": error.msg}
            continue
        if not isinstance(record, dict):
            yield number, _("每行应是一个 JSON 对象")
            continue
        yield number, record


def _xlsx_records(file: ImportFile) -> Iterator[tuple[int, Read]]:
    return xlsx_records(file, _check_columns)


# ---- checking one row ------------------------------------------------------


def _text(value: Any) -> str | None:
    """A cell or JSON value as text; None when it is of a kind a text column cannot take."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 1001 as 1001.0
    if isinstance(value, str | int | float):
        return str(value).strip()
    return None


def _names(value: Any) -> list[str] | None:
    """A list of names from a JSON list or ``;``/``、``-separated text; None when it is neither."""
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            return None
        items = value
    else:
        text = _text(value)
        if text is None:
            return None
        items = LIST_SEPARATOR.split(text)
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def _date(value: Any) -> date | str | None:
    """A date, None for empty, or the error message."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if text == "":
        return None
    if text is None or not ISO_DATE.fullmatch(text):
        return _("日期“%(value)s”格式不对，应为 YYYY-MM-DD（如 2015-03-01）") % {"value": value}
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _("日期“%(value)s”不存在") % {"value": text}


def body_html(body: str) -> str:
    """The body as safe rich text: HTML sanitised, plain text turned into paragraphs (one per line)."""
    if HTML_TAG.search(body):
        return clean_html(body)
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in body.splitlines() if line.strip())


def _limit(errors: list[RowError], line: int, name: str, text: str, limit: int) -> None:
    if len(text) > limit:
        errors.append(
            RowError(
                line, name, _("不能超过 %(limit)d 个字（现有 %(length)d 个）") % {"limit": limit, "length": len(text)}
            )
        )


def parse_row(line: int, record: Read) -> tuple[PolicyRow | None, list[RowError]]:
    """Check one record on its own (the file-wide and database checks come later)."""
    if isinstance(record, str):
        return None, [RowError(line, "", record)]
    errors: list[RowError] = []
    unknown = [name for name in record if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS + IGNORED_COLUMNS]
    if unknown:
        errors.append(RowError(line, unknown[0], _("无法识别的字段：%(names)s") % {"names": "、".join(unknown)}))

    def text(name: str, required: bool = False, limit: int | None = None) -> str:
        value = _text(record.get(name))
        if value is None:
            errors.append(RowError(line, name, _("应为文字")))
            return ""
        if required and not value:
            errors.append(RowError(line, name, _("不能为空")))
        if limit is not None:
            _limit(errors, line, name, value, limit)
        return value

    def names(name: str, limit: int) -> list[str]:
        value = _names(record.get(name))
        if value is None:
            errors.append(RowError(line, name, _("应为名称列表（.jsonl 中为列表，表格中用分号“;”分隔）")))
            return []
        for item in value:
            _limit(errors, line, name, item, limit)
        return value

    external_id = text("external_id", required=True, limit=64)
    title = text("title", required=True, limit=255)
    doc_number = text("doc_number", limit=60)
    issuers = names("issuer", 100)
    if not issuers and not any(error.field == "issuer" for error in errors):
        errors.append(RowError(line, "issuer", _("不能为空：至少填写一个发文机关")))
    category = text("category", required=True, limit=40)
    topics = names("topics", 40)
    dates: dict[str, date | None] = {}
    for name in DATE_COLUMNS:
        if name == "written_on" and name not in record:
            dates[name] = None
            continue
        value = _date(record.get(name))
        if isinstance(value, str):
            errors.append(RowError(line, name, value))
            dates[name] = None
        else:
            dates[name] = value
    for name, messages in date_order_errors(*(dates[name] for name in DATE_COLUMNS)).items():
        errors.extend(RowError(line, name, str(message)) for message in messages)
    label = text("validity", required=True)
    validity = VALIDITY_BY_LABEL.get(label, "")
    if label and not validity:
        errors.append(
            RowError(
                line,
                "validity",
                _("“%(value)s”不是有效性：应为 %(labels)s 之一")
                % {"value": label, "labels": "、".join(VALIDITY_BY_LABEL)},
            )
        )
    body = text("body")
    optional: dict[str, str | date | None] = {}
    for name in OPTIONAL_COLUMNS:
        if name in record:
            optional[name] = text(name, limit=500 if name == "source_url" else 64)
    if "written_on" in record:
        optional["written_on"] = dates["written_on"]
    source_url = optional.get("source_url")
    if source_url and not re.match(r"https?://\S+$", str(source_url)):
        errors.append(RowError(line, "source_url", _("应为以 http:// 或 https:// 开头的网址")))
    if optional.get("replaced_by") and optional["replaced_by"] == external_id:
        errors.append(RowError(line, "replaced_by", _("文件不能被自己取代")))
    if errors:
        return None, errors
    row = PolicyRow(line, external_id, title, doc_number, issuers, category, topics, dates, validity, body, optional)
    return row, []


# ---- checking the whole file -----------------------------------------------


@dataclass
class _Plan:
    """What the check learnt that the write needs: existing documents, categories, new rows per block."""

    existing: dict[str, int] = field(default_factory=dict)  # external_id → pk
    index_numbers: dict[str, str] = field(default_factory=dict)  # external_id → index number, of existing documents
    categories: dict[str, PolicyCategory] = field(default_factory=dict)
    new_categories: list[str] = field(default_factory=list)
    new_per_block: Counter[tuple[str, int]] = field(default_factory=Counter)  # (category, year) → new documents
    issuers: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)


def _year(row: PolicyRow) -> int:
    issued = row.dates["issued_on"]
    return issued.year if issued else timezone.localdate().year


def _check(
    records: Callable[[], Iterator[tuple[int, Read]]],
    create_categories: bool,
    report: ImportReport,
    progress: Progress | None,
) -> _Plan:
    """Pass 1: every row checked, file-wide duplicates found, then the database asked in chunks."""
    plan = _Plan(categories={category.name: category for category in PolicyCategory.objects.all()})
    first_line_of_id: dict[str, int] = {}
    first_line_of_number: dict[str, tuple[int, str]] = {}
    replaced_by: list[tuple[int, str]] = []
    unknown_categories: dict[str, int] = {}
    blocks: list[tuple[str, str, int]] = []  # (external_id, category, year) of every row
    for line, record in records():
        report.total += 1
        if progress is not None and report.total % BATCH_SIZE == 0:
            progress(CHECK, report.total, 0)
        row, errors = parse_row(line, record)
        report.errors.extend(errors)
        if row is None:
            continue
        if row.external_id in first_line_of_id:
            report.errors.append(
                RowError(
                    line,
                    "external_id",
                    _("外部编号“%(id)s”与第 %(first)d 行重复")
                    % {"id": row.external_id, "first": first_line_of_id[row.external_id]},
                )
            )
            continue
        first_line_of_id[row.external_id] = line
        if row.doc_number:
            if row.doc_number in first_line_of_number:
                report.errors.append(
                    RowError(
                        line,
                        "doc_number",
                        _("文号“%(number)s”与第 %(first)d 行重复")
                        % {"number": row.doc_number, "first": first_line_of_number[row.doc_number][0]},
                    )
                )
            else:
                first_line_of_number[row.doc_number] = (line, row.external_id)
        if row.category not in plan.categories and row.category not in unknown_categories:
            unknown_categories[row.category] = line
            if not create_categories:
                report.errors.append(
                    RowError(
                        line,
                        "category",
                        _("分类“%(name)s”不存在（请先在后台添加，或使用“自动新建分类”选项）") % {"name": row.category},
                    )
                )
        if row.optional.get("replaced_by"):
            replaced_by.append((line, str(row.optional["replaced_by"])))
        blocks.append((row.external_id, row.category, _year(row)))
        plan.issuers.update(row.issuers)
        plan.topics.update(row.topics)
        if len(report.preview) < PREVIEW_ROWS:
            report.preview.append(row)
    if progress is not None:
        progress(CHECK, report.total, 0)
    if report.total == 0 and not report.errors:
        report.errors.append(RowError(0, "", _("文件中没有任何文件记录。")))
    _check_database(plan, report, first_line_of_id, first_line_of_number, replaced_by)
    if create_categories:
        plan.new_categories = list(unknown_categories)
        report.created_categories = plan.new_categories
    for external_id, category, year in blocks:
        if external_id not in plan.existing:
            plan.new_per_block[(category, year)] += 1
    report.updated = sum(1 for external_id in first_line_of_id if external_id in plan.existing)
    report.new = len(first_line_of_id) - report.updated
    report.existing = {row.external_id for row in report.preview if row.external_id in plan.existing}
    report.errors.sort(key=lambda error: error.line)
    return plan


def _chunks(items: list, size: int = BATCH_SIZE) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_database(
    plan: _Plan,
    report: ImportReport,
    first_line_of_id: dict[str, int],
    first_line_of_number: dict[str, tuple[int, str]],
    replaced_by: list[tuple[int, str]],
) -> None:
    """Which documents exist already; 文号 another document holds; replacing documents that exist nowhere."""
    for chunk in _chunks(list(first_line_of_id)):
        for external_id, pk, index_number in Policy.objects.filter(external_id__in=chunk).values_list(
            "external_id", "pk", "index_number"
        ):
            plan.existing[external_id] = pk
            plan.index_numbers[external_id] = index_number
    for chunk in _chunks(list(first_line_of_number)):
        for number, holder in Policy.objects.filter(doc_number__in=chunk).values_list("doc_number", "external_id"):
            line, external_id = first_line_of_number[number]
            if holder != external_id:
                report.errors.append(
                    RowError(
                        line,
                        "doc_number",
                        _("文号“%(number)s”已被库中另一份文件（外部编号 %(holder)s）使用")
                        % {"number": number, "holder": holder},
                    )
                )
    targets = sorted({target for _line, target in replaced_by if target not in first_line_of_id})
    found: set[str] = set()
    for chunk in _chunks(targets):
        found.update(Policy.objects.filter(external_id__in=chunk).values_list("external_id", flat=True))
    for line, target in replaced_by:
        if target not in first_line_of_id and target not in found:
            report.errors.append(
                RowError(
                    line, "replaced_by", _("找不到外部编号为“%(id)s”的文件（文件中和库中都没有）") % {"id": target}
                )
            )


# ---- writing ---------------------------------------------------------------


def _by_name(model: type, names: set[str]) -> dict[str, int]:
    """The ids of ``model`` rows with these names, creating the missing ones."""
    ids: dict[str, int] = {}
    for chunk in _chunks(sorted(names)):
        ids.update(model.objects.filter(name__in=chunk).values_list("name", "pk"))
    missing = [model(name=name) for name in sorted(names) if name not in ids]
    model.objects.bulk_create(missing, batch_size=BATCH_SIZE)
    if missing:
        for chunk in _chunks([item.name for item in missing]):
            ids.update(model.objects.filter(name__in=chunk).values_list("name", "pk"))
    return ids


def _create_categories(names: list[str]) -> dict[str, PolicyCategory]:
    """New categories with the next free numeric codes (01, 02 … 11 …), placed after the others."""
    codes = [int(code) for code in PolicyCategory.objects.values_list("code", flat=True) if code.isdigit()]
    next_code = max(codes, default=0) + 1
    last_order = PolicyCategory.objects.aggregate(last=Max("sort_order"))["last"] or 0
    created = {}
    for offset, name in enumerate(names, start=1):
        created[name] = PolicyCategory.objects.create(
            name=name, code=f"{next_code:02d}", sort_order=last_order + offset * 10
        )
        next_code += 1
    return created


def _reserve(plan: _Plan) -> dict[tuple[str, int], Iterator[str]]:
    """Index numbers for every new document, one block per category and year, reserved together."""
    blocks = reserve_index_number_blocks(
        {(plan.categories[category], year): count for (category, year), count in plan.new_per_block.items()}
    )
    return {
        (category, year): iter(blocks[(plan.categories[category].pk, year)]) for (category, year) in plan.new_per_block
    }


#: Each issuer's and each topic's place in its model's ordering, by name.
_Ranks = tuple[dict[str, int], dict[str, int]]

UPDATED_FIELDS = [
    "title", "doc_number", "category", "written_on", "issued_on", "effective_on", "expires_on",
    "validity", "body", "source_url", "live", "updated_at",
]  # fmt: skip


def _policy(row: PolicyRow, plan: _Plan, is_demo: bool, now: datetime) -> Policy:
    policy = Policy(
        external_id=row.external_id,
        title=row.title,
        doc_number=row.doc_number,
        category=plan.categories[row.category],
        validity=row.validity,
        body=body_html(row.body),
        live=True,
        updated_at=now,
        **{name: row.dates[name] for name in DATE_COLUMNS if name != "written_on"},
    )
    if "written_on" in row.optional:
        policy.written_on = row.dates["written_on"]
    if "source_url" in row.optional:
        policy.source_url = str(row.optional["source_url"])
    policy.is_demo = is_demo  # new documents only: not among the fields an update sets
    return policy


def _write_batch(
    rows: list[PolicyRow],
    plan: _Plan,
    index_numbers: dict[tuple[str, int], Iterator[str]],
    names: tuple[dict[str, int], dict[str, int]],
    is_demo: bool,
) -> list[Policy]:
    """Upsert one batch of documents with their issuer and topic rows; returns them as written, with their ids.

    One ``INSERT … ON CONFLICT (external_id) DO UPDATE`` per batch (Django's
    ``bulk_update`` builds a CASE expression per row and field: 8 ms a document).
    An existing document keeps its index number, creation time and demo flag.
    """
    now = timezone.now()
    updated = []
    written = []
    # A row updates the optional columns it has, and keeps the stored value of the others.
    groups: dict[tuple[str, ...], list[Policy]] = defaultdict(list)
    for row in rows:
        policy = _policy(row, plan, is_demo, now)
        written.append(policy)
        if row.external_id in plan.existing:
            policy.index_number = plan.index_numbers[row.external_id]
            updated.append(plan.existing[row.external_id])
        else:
            policy.index_number = next(index_numbers[(row.category, _year(row))])
        groups[tuple(sorted(set(row.optional) & {"written_on", "source_url"}))].append(policy)
    for optional, policies in groups.items():
        fields = [name for name in UPDATED_FIELDS if name not in ("written_on", "source_url") or name in optional]
        Policy.objects.bulk_create(policies, update_conflicts=True, unique_fields=["external_id"], update_fields=fields)
    for policy in written:
        if policy.pk is not None:  # returned by the upsert where the database can
            plan.existing[policy.external_id] = policy.pk
    missing = [row.external_id for row in rows if row.external_id not in plan.existing]
    if missing:  # the ids of new documents (not every database returns them from an upsert)
        plan.existing.update(Policy.objects.filter(external_id__in=missing).values_list("external_id", "pk"))
    for policy in written:
        policy.pk = plan.existing[policy.external_id]
    issuer_ids, topic_ids = names
    for through, column, id_of, values in (
        (Policy.issuers.through, "policyissuer_id", issuer_ids, lambda row: row.issuers),
        (Policy.topics.through, "policytopic_id", topic_ids, lambda row: row.topics),
    ):
        if updated:
            through.objects.filter(policy_id__in=updated).delete()
        # Plain rows, not model instances: a document has several issuers and topics, and instantiating them
        # cost more than writing them.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {through._meta.db_table} (policy_id, {column}) VALUES (%s, %s)",
                [(plan.existing[row.external_id], id_of[name]) for row in rows for name in values(row)],
            )
    return written


def _replacements(pending: list[tuple[str, str]], plan: _Plan) -> None:
    """Point documents at the documents replacing them, ``(external_id, replacing external_id or "")``.

    After every batch: the replacing document may come later in the file.
    """
    missing = [target for _external_id, target in pending if target and target not in plan.existing]
    for chunk in _chunks(missing):
        plan.existing.update(Policy.objects.filter(external_id__in=chunk).values_list("external_id", "pk"))
    wanted = {plan.existing[external_id]: plan.existing[target] if target else None for external_id, target in pending}
    current: dict[int, int | None] = {}
    for chunk in _chunks(list(wanted)):
        current.update(Policy.objects.filter(pk__in=chunk).values_list("pk", "replaced_by_id"))
    # Only those that change: a re-imported export changes none.
    policies = [Policy(pk=pk, replaced_by_id=target) for pk, target in wanted.items() if current[pk] != target]
    Policy.objects.bulk_update(policies, ["replaced_by"], batch_size=BATCH_SIZE)


def _ranks(model: type) -> dict[str, int]:
    """Each name's place in the model's ordering, as the database sorts them (the index spells issuers in it)."""
    return {name: place for place, name in enumerate(model.objects.values_list("name", flat=True))}


def _entries(rows: list[PolicyRow], policies: list[Policy], library: tuple[int, str], ranks: _Ranks) -> list:
    """The search entries of documents just written, from their rows: nothing is read back from the database."""
    site_id, library_url = library
    issuer_rank, topic_rank = ranks
    return [
        search.entry_with_names(
            policy,
            sorted(row.issuers, key=issuer_rank.__getitem__),
            sorted(row.topics, key=topic_rank.__getitem__),
            site_id,
            library_url,
        )
        for row, policy in zip(rows, policies, strict=True)
    ]


# ---- the import ------------------------------------------------------------


def import_records(
    records: Callable[[], Iterator[tuple[int, Read]]],
    *,
    create_categories: bool = False,
    dry_run: bool = False,
    is_demo: bool = False,
    index: bool = True,
    progress: Progress | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Check every record, then (unless ``dry_run`` or there are errors) write them all in one transaction.

    ``records`` is called once per pass and yields ``(line, record)``. With ``index``
    the documents are searchable when this returns; the demo leaves it to its final
    rebuild of the index. ``progress`` is called every batch of rows checked and written.
    """
    started = time.monotonic()
    report = report or ImportReport()
    report.dry_run = dry_run
    plan = _check(records, create_categories, report, progress)
    if report.errors or dry_run:
        report.seconds = time.monotonic() - started
        return report
    with transaction.atomic():
        plan.categories.update(_create_categories(plan.new_categories))
        index_numbers = _reserve(plan)
        names = (_by_name(PolicyIssuer, plan.issuers), _by_name(PolicyTopic, plan.topics))
        library = search._library() if index else None
        replacements: list[tuple[str, str]] = []

        def batches() -> Iterator[list[PolicyRow]]:
            batch: list[PolicyRow] = []
            for line, record in records():
                row, _errors = parse_row(line, record)  # checked in the first pass: no errors now
                batch.append(row)
                if "replaced_by" in row.optional:
                    replacements.append((row.external_id, str(row.optional["replaced_by"])))
                if len(batch) == BATCH_SIZE:
                    yield batch
                    batch = []
            if batch:
                yield batch

        def written() -> Iterator[tuple[list[PolicyRow], list[Policy]]]:
            done = 0
            for batch in batches():
                yield batch, _write_batch(batch, plan, index_numbers, names, is_demo)
                done += len(batch)
                if progress is not None:
                    progress(WRITE, done, report.total)

        if library is None:
            for _written in written():
                pass
        else:
            # The index analyses one batch while the next is written (in worker processes for large files).
            from zoneportal.search.index import index_entry_batches

            ranks = (_ranks(PolicyIssuer), _ranks(PolicyTopic))
            report.indexed = index_entry_batches(
                (_entries(rows, policies, library, ranks) for rows, policies in written()), report.total
            )
        _replacements(replacements, plan)
    invalidate_page_cache()
    report.written = True
    report.seconds = time.monotonic() - started
    return report


def import_file(file: ImportFile, **options: Any) -> ImportReport:
    """Import a .jsonl, .csv or .xlsx file (see :func:`import_records` for the options).

    A file that cannot be read at all comes back as a report with one error on line 0.
    """
    report = ImportReport()
    try:
        report.encoding = "" if file.format == "xlsx" else detect_encoding(file)
        return import_records(lambda: read_records(file, report.encoding), report=report, **options)
    except ImportFileError as error:
        report.errors = [RowError(0, "", str(error))]
        report.preview = []
        return report
