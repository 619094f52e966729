"""Raw answers of a survey for the department: .xlsx, .csv (UTF-8 with BOM, opens in Excel/WPS) and JSON.

One row per response, one column per question (a matrix question gets a column
per row). Cells that a spreadsheet would run as a formula (=, +, -, @) are
written with a leading apostrophe in .xlsx and .csv: answers are typed by the
public.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from zoneportal.core.tabular import formula_safe

from .models import Question, ResponseFile, Survey

Kind = Question.Kind


def columns(survey: Survey) -> list[tuple[str, Question | None, str]]:
    """``(heading, question, matrix row)`` for every column after the fixed ones."""
    result: list[tuple[str, Question | None, str]] = []
    for question in survey.ordered_questions():
        if question.kind == Kind.MATRIX:
            for row in question.row_list:
                result.append((f"{question.number}. {question.text} — {row}", question, row))
        else:
            result.append((f"{question.number}. {question.text}", question, ""))
    return result


def cell_text(question: Question, value: Any, row: str, files: dict[int, ResponseFile]) -> str:
    """An answer as the text of one cell."""
    if value in (None, "", [], {}):
        return ""
    if question.kind == Kind.MATRIX:
        return str((value or {}).get(row, ""))
    if question.kind == Kind.MULTIPLE:
        return "；".join(value)
    if question.kind == Kind.RANKING:
        return " > ".join(value)
    if question.kind == Kind.FILE:
        upload = files.get(value)
        return f"{upload.original_name}（{upload.file.name}）" if upload else ""
    return str(value)


def fixed_headings(survey: Survey) -> list[str]:
    headings = [_("答卷编号"), _("提交时间")]
    if survey.identity == Survey.Identity.CONTACT:
        headings += [_("姓名"), _("手机号码"), _("电子邮箱")]
    return headings


def table(survey: Survey) -> tuple[list[str], list[list[str]]]:
    """The headings and one row of text per response."""
    cols = columns(survey)
    files = {upload.pk: upload for upload in ResponseFile.objects.filter(response__survey=survey)}
    rows = []
    for response in survey.responses.order_by("submitted_at", "pk"):
        when = timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M")
        row = [str(response.pk), when]
        if survey.identity == Survey.Identity.CONTACT:
            row += [response.name, response.phone, response.email]
        for _heading, question, matrix_row in cols:
            row.append(cell_text(question, response.answers.get(question.key), matrix_row, files))
        rows.append(row)
    return fixed_headings(survey) + [heading for heading, _q, _r in cols], rows


def as_csv(survey: Survey) -> bytes:
    headings, rows = table(survey)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    for row in rows:
        writer.writerow([formula_safe(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(survey: Survey) -> bytes:
    headings, rows = table(survey)
    book = Workbook()
    sheet = book.active
    sheet.title = _("答卷")
    sheet.append(headings)
    for row in rows:
        sheet.append([formula_safe(cell) for cell in row])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_json(survey: Survey) -> bytes:
    """Questions with their choices, then every response with answers keyed by question number."""
    questions = survey.ordered_questions()
    files = {upload.pk: upload for upload in ResponseFile.objects.filter(response__survey=survey)}
    data = {
        "survey": {"title": survey.title, "slug": survey.slug, "department": survey.department.name},
        "questions": [
            {
                "number": question.number,
                "kind": question.kind,
                "text": question.text,
                "required": question.required,
                "choices": question.choice_list,
                "rows": question.row_list,
            }
            for question in questions
        ],
        "responses": [],
    }
    for response in survey.responses.order_by("submitted_at", "pk"):
        answers = {}
        for question in questions:
            value = response.answers.get(question.key)
            if value in (None, "", [], {}):
                continue
            if question.kind == Kind.FILE:
                upload = files.get(value)
                value = {"name": upload.original_name, "path": upload.file.name} if upload else None
            answers[str(question.number)] = value
        item: dict[str, Any] = {
            "id": response.pk,
            "submitted_at": response.submitted_at.isoformat(),
            "answers": answers,
        }
        if survey.identity == Survey.Identity.CONTACT:
            item.update(name=response.name, phone=response.phone, email=response.email)
        data["responses"].append(item)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


FORMATS = {
    "xlsx": (as_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (as_csv, "text/csv; charset=utf-8"),
    "json": (as_json, "application/json; charset=utf-8"),
}
