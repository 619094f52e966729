"""招商与园区 as .xlsx tables: parks, enterprises, projects and their yearly figures, exported and imported.

Each :class:`Table` names its columns in Chinese, as the back office names the
fields, and the export writes exactly the columns the import reads, so a file
exported and imported again changes nothing. An import is all or nothing:

1. **check** — every row is read and checked (required cells, numbers, negative
   amounts, years out of range, unknown parks, industries, departments,
   enterprises, projects and indicators, 统一社会信用代码 with the check character
   it should have, rows repeated in the file, the model's own rules through
   ``full_clean``, and whether the importing user's department may change the
   record). Errors are :class:`~zoneportal.core.tabular.RowError` (row, column).
2. **write** — only when nothing is wrong, in one transaction; each record
   created or changed gets a Wagtail log entry (``zoneportal.import``), so the
   import shows in the record's 历史 as an edit does.

Re-importing updates by the natural key: a park by its name, an enterprise by
its credit code (else its name), a project by name and investor, a yearly row
by its record and year.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from io import BytesIO
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from zoneportal.core.department_scope import managed_departments
from zoneportal.core.models import Department
from zoneportal.core.ownership import is_office
from zoneportal.core.tabular import (
    IMPORT_ACTION,
    ImportFile,
    ImportFileError,
    Read,
    RowError,
    check_header,
    write_xlsx,
    xlsx_records,
)

from . import credit_code, figures, party
from .models import (
    YEAR_VALIDATORS,
    Enterprise,
    EnterpriseYear,
    Indicator,
    IndicatorYear,
    Industry,
    Park,
    Project,
    ProjectInvestment,
    Stage,
)

FORMATS = ("xlsx",)
#: Rows shown in the back office's preview.
PREVIEW_ROWS = 20
#: The log action of a record written by an import (registered in ``core/wagtail_hooks.py``).
FIRST_YEAR = YEAR_VALIDATORS[0].limit_value
LAST_YEAR = YEAR_VALIDATORS[1].limit_value
LIST_SEPARATOR = "、"


class CellError(Exception):
    """What is wrong with one cell, in Chinese."""


# ---- cells -----------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 1001 as 1001.0
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _decimal(value: Any) -> Decimal | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, bool):
        raise CellError(_("应为数字"))
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise CellError(_("“%(value)s”不是数字") % {"value": _text(value)}) from None
    if not number.is_finite():
        raise CellError(_("“%(value)s”不是数字") % {"value": _text(value)})
    return number


def _amount(value: Any) -> Decimal | None:
    number = _decimal(value)
    if number is not None and number < 0:
        raise CellError(_("不能为负数（现为 %(value)s）") % {"value": number})
    return number


def _count(value: Any) -> int | None:
    number = _amount(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(_("应为整数（现为 %(value)s）") % {"value": number})
    return int(number)


def _year(value: Any) -> int | None:
    year = _count(value)
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise CellError(
            _("年份应在 %(first)d 至 %(last)d 之间（现为 %(year)d）")
            % {"first": FIRST_YEAR, "last": LAST_YEAR, "year": year}
        )
    return year


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(_("日期“%(value)s”不对，应为 YYYY-MM-DD（如 2015-03-01）") % {"value": text}) from None


def _labels(choices: Sequence[tuple[str, Any]]) -> dict[str, str]:
    return {str(label): key for key, label in choices}


def _choice(choices: Sequence[tuple[str, Any]]) -> Callable[[Any], str | None]:
    by_label = _labels(choices)

    def parse(value: Any) -> str | None:
        text = _text(value)
        if not text:
            return None
        if text not in by_label:
            raise CellError(_("“%(value)s”应为 %(labels)s 之一") % {"value": text, "labels": "、".join(by_label)})
        return by_label[text]

    return parse


def _checklist(choices: Sequence[tuple[str, Any]]) -> Callable[[Any], list[str]]:
    by_label = _labels(choices)

    def parse(value: Any) -> list[str]:
        names = [name.strip() for name in _text(value).replace("，", LIST_SEPARATOR).split(LIST_SEPARATOR)]
        unknown = [name for name in names if name and name not in by_label]
        if unknown:
            raise CellError(
                _("“%(names)s”不是可选项，可选：%(labels)s")
                % {"names": "、".join(unknown), "labels": "、".join(by_label)}
            )
        keys = {by_label[name] for name in names if name}
        return [key for key, _label in choices if key in keys]  # in the checklist's order, as the form stores it

    return parse


def _named(model: type[models.Model], what: str, many: bool = False) -> Callable[[Any], Any]:
    """A record by its name (``what`` says of which kind, for the error); ``many``: names separated by 、."""

    def find(name: str) -> models.Model:
        found = model._default_manager.filter(name=name).first()
        if found is None:
            raise CellError(_("%(what)s“%(name)s”不存在，请先在后台添加") % {"what": what, "name": name})
        return found

    def parse(value: Any) -> Any:
        text = _text(value)
        if many:
            names = dict.fromkeys(name.strip() for name in text.split(LIST_SEPARATOR) if name.strip())
            return [find(name) for name in names]
        return find(text) if text else None

    return parse


def _credit_code(value: Any) -> str:
    code = credit_code.normalise(_text(value))
    if code:
        message = credit_code.problem(code)
        if message:
            raise CellError(message)
    return code


# ---- tables ----------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column: its heading, the attribute it fills, how a cell is read and how a value is written."""

    header: str
    attr: str
    parse: Callable[[Any], Any] = _text
    required: bool = False
    #: The value as the file shows it, from the record (its attribute ``attr`` by default).
    show: Callable[[Any], Any] | None = None
    #: False for a column shown for people and not read back (a yearly row's enterprise name).
    imported: bool = True

    def cell(self, record: models.Model) -> Any:
        if self.show is not None:
            return self.show(record)
        value = getattr(record, self.attr)
        if isinstance(value, models.Model):
            return str(value)
        return "" if value is None else value


def _show_names(attr: str) -> Callable[[Any], str]:
    return lambda record: LIST_SEPARATOR.join(str(item) for item in getattr(record, attr).all())


def _show_choices(attr: str, choices: Sequence[tuple[str, Any]]) -> Callable[[Any], str]:
    labels = dict(choices)
    return lambda record: LIST_SEPARATOR.join(str(labels[key]) for key in getattr(record, attr) or [] if key in labels)


def _show_choice(attr: str, choices: type[models.TextChoices]) -> Callable[[Any], str]:
    return lambda record: str(choices(getattr(record, attr)).label) if getattr(record, attr) else ""


def _department_column() -> Column:
    return Column("负责部门", "department", _named(Department, gettext_lazy("部门")))


@dataclass
class Prepared:
    """A checked row: the record to save (new or existing), what it needs after saving, its key."""

    line: int
    record: models.Model
    key: tuple
    is_new: bool
    after_save: dict[str, Any] = field(default_factory=dict)
    #: The record whose history shows the change (the record itself, or a yearly row's parent).
    logged: models.Model | None = None


@dataclass(frozen=True)
class Table:
    """One kind of table: its name (``parks`` …), label, model, columns and natural key."""

    name: str
    label: Any  # a lazy translation
    model: type[models.Model]
    columns: tuple[Column, ...]
    #: The columns that make the natural key.
    key: tuple[str, ...]
    #: For yearly tables: the parent column and the parent's model; the parent's department owns the row.
    parent: str = ""
    #: Many-to-many attributes, set after saving.
    many: tuple[str, ...] = ()

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def column(self, attr: str) -> Column:
        return next(column for column in self.columns if column.attr == attr)

    def header_of(self, attr: str) -> str:
        for column in self.columns:
            if column.attr == attr:
                return column.header
        return ""

    def rows(self, queryset: QuerySet) -> Iterator[list[Any]]:
        """The export's rows for ``queryset`` (this table's records, or for a yearly table its parents)."""
        records = queryset
        if self.parent:
            parents = queryset.values("pk")
            records = self.model._default_manager.filter(**{f"{self.parent}__in": parents}).select_related(self.parent)
            records = records.order_by(f"{self.parent}__name", "year")
        for record in records:
            yield [column.cell(record) for column in self.columns]

    def existing(self, values: dict[str, Any]) -> models.Model | None:
        """The stored record with this row's natural key."""
        manager = self.model._default_manager
        if self.model is Enterprise:
            # By credit code first: a renamed enterprise keeps its code.
            if values.get("credit_code"):
                found = manager.filter(credit_code=values["credit_code"]).first()
                if found is not None:
                    return found
            return manager.filter(name=values["name"]).first()
        return manager.filter(**{attr: values.get(attr) or "" for attr in self.key}).first()


TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            "parks",
            gettext_lazy("园区"),
            Park,
            (
                Column("园区名称", "name", required=True),
                Column("位置", "address"),
                Column("建园时间", "founded"),
                Column("规划面积（平方公里）", "planned_area_km2", _amount),
                Column("已征用土地（亩）", "land_acquired_mu", _amount),
                Column("征地资金（万元）", "land_cost", _amount),
                Column(
                    "基础设施",
                    "infrastructure",
                    _checklist(figures.INFRASTRUCTURE),
                    show=_show_choices("infrastructure", figures.INFRASTRUCTURE),
                ),
                Column(
                    "主导产业",
                    "industries",
                    _named(Industry, gettext_lazy("产业集群"), many=True),
                    show=_show_names("industries"),
                ),
                _department_column(),
                Column("备注", "remarks"),
            ),
            key=("name",),
            many=("industries",),
        ),
        Table(
            "enterprises",
            gettext_lazy("企业"),
            Enterprise,
            (
                Column("企业名称", "name", required=True),
                Column("统一社会信用代码", "credit_code", _credit_code, required=True),
                Column("所在园区", "park", _named(Park, gettext_lazy("园区"))),
                Column("产业集群", "industry", _named(Industry, gettext_lazy("产业集群"))),
                Column("入园日期", "settled_on", _date),
                Column("从业人数", "employees", _count),
                Column("高新技术企业证书发证日期", "high_tech_certified_on", _date),
                Column("高新技术企业证书有效期至", "high_tech_expires_on", _date),
                Column("正式党员人数", "party_full_members", _count),
                Column("预备党员人数", "party_probationary_members", _count),
                Column(
                    "党组织组建形式",
                    "organisation_form",
                    _choice(party.OrganisationForm.choices),
                    show=_show_choice("organisation_form", party.OrganisationForm),
                ),
                Column("联系人", "contact_person"),
                Column("联系电话", "contact_phone"),
                _department_column(),
                Column("备注", "remarks"),
            ),
            key=("credit_code",),
        ),
        Table(
            "projects",
            gettext_lazy("招商项目"),
            Project,
            (
                Column("项目名称", "name", required=True),
                Column("投资方", "investor"),
                Column("产业集群", "industry", _named(Industry, gettext_lazy("产业集群"))),
                Column("所在园区", "park", _named(Park, gettext_lazy("园区"))),
                Column("建设性质", "kind"),
                Column("计划总投资（万元）", "planned_investment", _amount),
                Column("用地（亩）", "land_mu", _amount),
                Column("项目阶段", "stage", _choice(Stage.choices), show=_show_choice("stage", Stage)),
                Column("洽谈日期", "negotiated_on", _date),
                Column("签约日期", "signed_on", _date),
                Column("待建日期", "pending_on", _date),
                Column("开工日期", "building_on", _date),
                Column("投产日期", "producing_on", _date),
                Column("中止日期", "halted_on", _date),
                Column("责任人", "responsible_person"),
                Column("服务专班", "service_team"),
                _department_column(),
                Column("备注", "remarks"),
            ),
            key=("name", "investor"),
        ),
        Table(
            "enterprise_years",
            gettext_lazy("企业年度数据"),
            EnterpriseYear,
            (
                Column("统一社会信用代码", "enterprise", show=lambda row: row.enterprise.credit_code, required=True),
                Column("企业名称", "enterprise_name", show=lambda row: row.enterprise.name, imported=False),
                Column("年份", "year", _year, required=True),
                Column("工业总产值（万元）", "output", _amount),
                Column("工业增加值（万元）", "value_added", _amount),
                Column("主营业务收入（万元）", "main_revenue", _amount),
                Column("纳税额（万元）", "tax", _amount),
                Column("出口额（万元）", "export", _amount),
            ),
            key=("enterprise", "year"),
            parent="enterprise",
        ),
        Table(
            "project_investments",
            gettext_lazy("项目年度到位资金"),
            ProjectInvestment,
            (
                Column("项目名称", "project", show=lambda row: row.project.name, required=True),
                Column("投资方", "project_investor", show=lambda row: row.project.investor, imported=False),
                Column("年份", "year", _year, required=True),
                Column("到位资金（万元）", "amount", _amount, required=True),
            ),
            key=("project", "year"),
            parent="project",
        ),
        Table(
            "indicator_years",
            gettext_lazy("经济指标年度数据"),
            IndicatorYear,
            (
                Column("指标名称", "indicator", show=lambda row: row.indicator.name, required=True),
                Column("年份", "year", _year, required=True),
                Column("目标", "target", _decimal),
                Column("实绩", "actual", _decimal),
            ),
            key=("indicator", "year"),
            parent="indicator",
        ),
    )
}


# ---- reports ---------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import found and did; ``errors`` empty means it was (or, dry, would be) written."""

    table: Table | None = None
    total: int = 0
    new: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    #: The first rows as read (cells as text), each with 新增 or 更新.
    preview: list[tuple[int, list[str], bool]] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


#: ``progress(stage, done, total)``: stage ``CHECK`` (total unknown, 0) or ``WRITE``.
Progress = Callable[[str, int, int], None]
CHECK, WRITE = "check", "write"


# ---- checking --------------------------------------------------------------


class _Checker:
    """Checks the rows of one file for one table, as one user (None: every department, as the command)."""

    def __init__(self, table: Table, user, report: ImportReport) -> None:
        self.table = table
        self.report = report
        self.allowed: set[int] | None = None
        if user is not None and not is_office(user):
            self.allowed = set(managed_departments(user).values_list("pk", flat=True))
        self.seen: dict[tuple, int] = {}

    def may_change(self, department_id: int | None) -> bool:
        return self.allowed is None or department_id in self.allowed

    def error(self, line: int, attr_or_header: str, message: str) -> None:
        header = self.table.header_of(attr_or_header) or attr_or_header
        self.report.errors.append(RowError(line, header, message))

    def parse(self, line: int, record: dict[str, Any]) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        ok = True
        for column in self.table.columns:
            if not column.imported:
                continue
            raw = record.get(column.header)
            try:
                if self.table.parent and column.attr == self.table.parent:
                    value = self.parent(record)
                else:
                    value = column.parse(raw)
            except CellError as problem:
                self.error(line, column.attr, str(problem))
                ok = False
                continue
            if column.required and value in (None, "", []):
                self.error(line, column.attr, _("不能为空"))
                ok = False
            values[column.attr] = value
        return values if ok else None

    def parent(self, record: dict[str, Any]) -> models.Model | None:
        """The yearly row's record: an enterprise by credit code, a project by name and investor, an indicator."""
        table = self.table
        header = table.column(table.parent).header
        if table.parent == "enterprise":
            code = _credit_code(record.get(header))
            if not code:
                return None
            found = Enterprise.objects.filter(credit_code=code).first()
            what = _("统一社会信用代码为“%(code)s”的企业") % {"code": code}
        elif table.parent == "project":
            name, investor = _text(record.get(header)), _text(record.get(table.column("project_investor").header))
            if not name:
                return None
            found = Project.objects.filter(name=name, investor=investor).first()
            what = _("项目“%(name)s”（投资方“%(investor)s”）") % {"name": name, "investor": investor or "—"}
        else:
            name = _text(record.get(header))
            if not name:
                return None
            found = Indicator.objects.filter(name=name).first()
            what = _("指标“%(name)s”") % {"name": name}
        if found is None:
            raise CellError(_("%(what)s不存在，请先在后台添加或先导入") % {"what": what})
        return found

    def prepare(self, line: int, record: Read) -> Prepared | None:
        """The row as a record to save, or None (its errors reported)."""
        if isinstance(record, str):
            self.error(line, "", record)
            return None
        values = self.parse(line, record)
        if values is None:
            return None
        table = self.table
        key = tuple(
            values[attr].pk if isinstance(values[attr], models.Model) else values[attr] or "" for attr in table.key
        )
        if key in self.seen:
            self.error(
                line, table.key[0], _("与第 %(line)d 行重复（同一条记录只能出现一次）") % {"line": self.seen[key]}
            )
            return None
        self.seen[key] = line
        if table.parent:
            parent = values[table.parent]
            if not self.may_change(parent.department_id):
                self.error(
                    line,
                    table.parent,
                    _("“%(name)s”属于%(department)s，你所在的部门不能修改它的数据")
                    % {"name": parent, "department": parent.department},
                )
                return None
            existing = table.model._default_manager.filter(**{table.parent: parent, "year": values["year"]}).first()
        else:
            existing = table.existing(values)
            department = values.get("department")
            if department is None and self.allowed is not None and len(self.allowed) == 1:
                values["department"] = department = Department.objects.get(pk=next(iter(self.allowed)))
            if department is None:
                self.error(line, "department", _("不能为空"))
                return None
            if existing is not None and not self.may_change(existing.department_id):
                self.error(
                    line,
                    table.key[0],
                    _("“%(name)s”属于%(department)s，你所在的部门不能修改它")
                    % {"name": existing, "department": existing.department},
                )
                return None
            if not self.may_change(department.pk):
                self.error(
                    line, "department", _("你所在的部门不能导入属于%(department)s的记录") % {"department": department}
                )
                return None
        instance = existing or table.model()
        after = {attr: values.pop(attr) for attr in table.many if attr in values}
        for attr, value in values.items():
            setattr(instance, attr, value)
        if table.model is Enterprise and not instance.organisation_form:
            instance.organisation_form = party.OrganisationForm.NONE
        for attr in ("party_full_members", "party_probationary_members"):
            if getattr(instance, attr, 0) is None:
                setattr(instance, attr, 0)
        if table.model is Project and not instance.stage:
            instance.stage = Stage.NEGOTIATING
        try:
            # The model's own rules (lengths, the credit code, dates in order, a name another record holds).
            instance.full_clean(exclude=[table.parent] if table.parent else None, validate_constraints=False)
        except ValidationError as invalid:
            for attr, messages in invalid.message_dict.items():
                for message in messages:
                    self.error(line, "" if attr == NON_FIELD_ERRORS else attr, message)
            return None
        logged = values[table.parent] if table.parent else instance
        return Prepared(line, instance, key, existing is None, after, logged)


def _cells(table: Table, record: Read) -> list[str]:
    if isinstance(record, str):
        return []
    return [_text(record.get(header)) for header in table.headers]


def _records(table: Table, file: ImportFile) -> Iterator[tuple[int, Read]]:
    if file.format != "xlsx":
        raise ImportFileError(_("只能导入 .xlsx 文件。"))
    return xlsx_records(file, lambda names: check_header(names, table.headers))


def import_file(
    table: Table,
    file: ImportFile,
    *,
    user=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every row of ``file`` as ``table``; unless ``dry_run`` or anything is wrong, write them all.

    ``user`` (None for the command) decides which departments' records may be
    written and is named in the log entries.
    """
    started = time.monotonic()
    report = ImportReport(table=table, dry_run=dry_run)
    checker = _Checker(table, user, report)
    prepared: list[Prepared] = []
    try:
        for line, record in _records(table, file):
            report.total += 1
            row = checker.prepare(line, record)
            if row is not None:
                prepared.append(row)
                if len(report.preview) < PREVIEW_ROWS:
                    report.preview.append((line, _cells(table, record), row.is_new))
            if progress is not None:
                progress(CHECK, report.total, 0)
    except ImportFileError as error:
        report.errors = [RowError(0, "", str(error))]
        report.preview = []
        return report
    if report.total == 0 and not report.errors:
        report.errors.append(RowError(0, "", _("文件中没有任何数据行。")))
    report.errors.sort(key=lambda error: error.line)
    report.new = sum(1 for row in prepared if row.is_new)
    report.updated = len(prepared) - report.new
    if report.errors or dry_run:
        report.seconds = time.monotonic() - started
        return report
    _write(table, prepared, file.name, user, progress)
    report.written = True
    report.seconds = time.monotonic() - started
    return report


def _write(table: Table, prepared: list[Prepared], name: str, user, progress: Progress | None) -> None:
    """Save every row and log the change on each record (a yearly row's on its parent, once per parent)."""
    logged: dict[tuple[type, int], tuple[models.Model, list[str], bool]] = {}
    with transaction.atomic():
        for done, row in enumerate(prepared, start=1):
            row.record.save()
            for attr, value in row.after_save.items():
                getattr(row.record, attr).set(value)
                row.record.save()  # a ParentalManyToManyField is committed with the record
            target = row.logged or row.record
            entry = logged.setdefault((type(target), target.pk), (target, [], row.is_new and not table.parent))
            if table.parent:
                entry[1].append(str(row.record.year))
            if progress is not None:
                progress(WRITE, done, len(prepared))
        for target, years, created in logged.values():
            data = {"file": name, "table": table.name}
            if years:
                data["years"] = years
            data["created"] = created
            log(target, IMPORT_ACTION, user=user, data=data)


def export_xlsx(table: Table, queryset: QuerySet) -> bytes:
    """The .xlsx of ``queryset`` as ``table`` (a yearly table: the rows of the records in ``queryset``)."""
    output = BytesIO()
    write_xlsx(table.headers, table.rows(queryset), output, title=str(table.label))
    return output.getvalue()


def tables_for(model: type[models.Model]) -> list[Table]:
    """The tables exported from ``model``'s listing: its own, then its yearly rows'."""
    parent_of = {Enterprise: "enterprise_years", Project: "project_investments", Indicator: "indicator_years"}
    own = [table for table in TABLES.values() if table.model is model and not table.parent]
    return own + ([TABLES[parent_of[model]]] if model in parent_of else [])


def table_choices() -> Iterable[tuple[str, str]]:
    return [(table.name, table.label) for table in TABLES.values()]
