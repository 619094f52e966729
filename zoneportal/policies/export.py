"""Export of policy documents as .xlsx or .csv, in the columns of the import, so an export imports again.

The library page's ``export/`` route calls :func:`export_response` with the documents
its filters chose. ``index_number`` is added (the import ignores it: the library hands
out index numbers itself). The CSV is UTF-8 with a BOM, which Excel opens as UTF-8.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .importing import IGNORED_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from .models import Policy, Validity

COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *IGNORED_COLUMNS)
FORMATS = ("xlsx", "csv")
#: Documents read from the database at a time.
CHUNK = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def rows(queryset: QuerySet[Policy]) -> Iterator[list[str]]:
    """One row of text per document, in :data:`COLUMNS` order (lists joined with ``;``)."""
    labels = dict(Validity.choices)
    documents = queryset.select_related("category", "replaced_by").prefetch_related("issuers", "topics")
    for policy in documents.iterator(chunk_size=CHUNK):
        values = {
            "external_id": policy.external_id,
            "title": policy.title,
            "doc_number": policy.doc_number,
            "issuer": ";".join(issuer.name for issuer in policy.issuers.all()),
            "category": policy.category.name,
            "topics": ";".join(topic.name for topic in policy.topics.all()),
            "issued_on": _date(policy.issued_on),
            "effective_on": _date(policy.effective_on),
            "expires_on": _date(policy.expires_on),
            "validity": str(labels[policy.validity]),
            "body": policy.body,
            "written_on": _date(policy.written_on),
            "source_url": policy.source_url,
            "replaced_by": policy.replaced_by.external_id if policy.replaced_by else "",
            "index_number": policy.index_number,
        }
        yield [values[column] for column in COLUMNS]


class _Echo:
    """A file-like object whose ``write`` returns the line, for streaming ``csv.writer``."""

    def write(self, value: str) -> str:
        return value


def _csv(lines: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for line in lines:
        yield writer.writerow(line)


def _xlsx(lines: Iterable[list[str]]) -> bytes:
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("政策文件"))
    sheet.append(list(COLUMNS))
    for line in lines:
        # Control characters (pasted from Word) would make openpyxl refuse the whole workbook.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) for value in line])
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_response(queryset: QuerySet[Policy], fmt: str) -> HttpResponse | StreamingHttpResponse:
    """The documents of ``queryset`` as a download: ``fmt`` is ``"xlsx"`` or ``"csv"`` (ValueError otherwise)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    filename = f"policies-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(_csv(rows(queryset)), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(_xlsx(rows(queryset)), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
