"""Importing tables from files, shared by every import (政策文件, 招商与园区 …).

What each import has in common and nothing of what it imports: the file to read
(:class:`ImportFile`, opened again for every pass), a whole-file problem
(:class:`ImportFileError`), one problem of one row and column (:class:`RowError`,
said in Chinese as 第 3 行「年份」：…), the header check, the rows of an .xlsx
workbook read safely (a broken or disguised workbook is an error, not a crash),
writing an .xlsx workbook, and the upload waiting in private storage between the
back office's checked preview and its confirmation (:class:`PendingUpload`).
"""

from __future__ import annotations

import io
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import IO, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from .storage import private_storage

Record = dict[str, Any]
#: What a reader yields per row: the record, or a message saying why the row cannot be read.
Read = Record | str

#: The log action of a record written by an import: shown in the record's 历史 like an edit.
IMPORT_ACTION = "zoneportal.import"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, encoding, broken workbook, missing columns)."""


@dataclass(frozen=True)
class RowError:
    """One problem: the line (.jsonl) or row (.csv/.xlsx, the header being row 1), the column, what is wrong."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = _("第 %(line)d 行") % {"line": self.line} if self.line else _("文件")
        column = f"「{self.field}」" if self.field else ""
        return f"{where}{column}：{self.message}"


def formats_text(formats: Sequence[str]) -> str:
    """``.jsonl、.csv 或 .xlsx`` for ``("jsonl", "csv", "xlsx")``."""
    names = [f".{name}" for name in formats]
    if len(names) == 1:
        return names[0]
    return _("%(first)s 或 %(last)s") % {"first": "、".join(names[:-1]), "last": names[-1]}


@dataclass(frozen=True)
class ImportFile:
    """A file to import: its name (the extension decides the format) and a way to open it again.

    ``formats`` are the extensions the import reads.
    """

    name: str
    open: Callable[[], IO[bytes]]
    formats: tuple[str, ...] = ("jsonl", "csv", "xlsx")

    @classmethod
    def from_path(cls, path: str | Path, formats: tuple[str, ...] | None = None) -> ImportFile:
        path = Path(path)
        if formats is None:
            return cls(path.name, lambda: path.open("rb"))
        return cls(path.name, lambda: path.open("rb"), formats)

    @classmethod
    def from_bytes(cls, name: str, data: bytes, formats: tuple[str, ...] | None = None) -> ImportFile:
        if formats is None:
            return cls(name, lambda: io.BytesIO(data))
        return cls(name, lambda: io.BytesIO(data), formats)

    @property
    def format(self) -> str:
        """The file's format (its extension), or :class:`ImportFileError` saying which ones are read."""
        extension = PurePath(self.name).suffix.lower().lstrip(".")
        if extension in ("xls", "et"):
            raise ImportFileError(_("不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 工作簿后再导入。"))
        if extension not in self.formats:
            raise ImportFileError(
                _("不支持的文件类型“%(name)s”：只能导入 %(formats)s 文件。")
                % {"name": self.name, "formats": formats_text(self.formats)}
            )
        return extension


def check_header(columns: Iterable[str], required: Sequence[str], optional: Sequence[str] = ()) -> list[str]:
    """The header's column names, or :class:`ImportFileError` naming the missing, unknown and repeated ones."""
    columns = list(columns)
    missing = [name for name in required if name not in columns]
    known = set(required) | set(optional)
    unknown = [name for name in columns if name and name not in known]
    repeated = [name for name, count in Counter(c for c in columns if c).items() if count > 1]
    problems = []
    if missing:
        problems.append(_("缺少列：%(columns)s") % {"columns": "、".join(missing)})
    if unknown:
        problems.append(_("无法识别的列：%(columns)s") % {"columns": "、".join(unknown)})
    if repeated:
        problems.append(_("重复的列：%(columns)s") % {"columns": "、".join(repeated)})
    if problems:
        raise ImportFileError(
            _("表头不正确（%(problems)s）。第一行应为：%(expected)s")
            % {"problems": "；".join(problems), "expected": ", ".join(required)}
        )
    return columns


def xlsx_records(file: ImportFile, header: Callable[[Iterable[str]], list[str]]) -> Iterator[tuple[int, Read]]:
    """``(row, record)`` for every non-empty row of the first worksheet, streamed; ``header`` checks the names.

    Cells keep Excel's types (numbers, dates); formulas give their cached value.
    Rows are numbered as Excel numbers them, the header being row 1.
    """
    from openpyxl import load_workbook

    stream = file.open()
    try:
        try:
            workbook = load_workbook(stream, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            rows = sheet.iter_rows(values_only=True)
            first = next(rows, None)
        except Exception as error:  # openpyxl and zipfile raise many kinds on a broken or disguised file
            raise ImportFileError(
                _("无法读取 .xlsx 工作簿（文件已损坏，或不是真正的 Excel 文件）：%(error)s")
                % {"error": type(error).__name__}
            ) from error
        if first is None:
            raise ImportFileError(_("工作簿的第一个工作表是空的。"))
        columns = header("" if cell is None else str(cell).strip() for cell in first)
        number = 1
        while True:
            try:
                row = next(rows, None)
            except Exception as error:
                raise ImportFileError(
                    _("无法读取 .xlsx 工作簿第 %(line)d 行之后的内容（文件已损坏）。") % {"line": number}
                ) from error
            if row is None:
                break
            number += 1
            if all(cell is None or str(cell).strip() == "" for cell in row):
                continue
            yield number, {name: value for name, value in zip(columns, row, strict=False) if name}
        workbook.close()
    finally:
        stream.close()


#: What a spreadsheet would run as a formula at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: str) -> str:
    """A cell (of a CSV above all) that a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_xlsx(header: Sequence[str], rows: Iterable[Sequence[Any]], output: IO[bytes], title: str = "") -> None:
    """One worksheet: ``header`` then ``rows``; text that looks like a formula stays text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=title[:31] or "Sheet1")
    sheet.append(list(header))
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            if cell.data_type == "f":  # “=1+1” typed into a name is a name, never a formula Excel would run
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(output)


@dataclass(frozen=True)
class PendingUpload:
    """An uploaded file kept in private storage (no URL) between the checked preview and the confirmation.

    It is stored under a random name that only the uploading user's session
    knows (``session_key``), in ``folder``; a new upload replaces one never
    confirmed, and confirming or cancelling deletes it.
    """

    session_key: str
    folder: str

    def store(self, request: HttpRequest, upload, **extra: Any) -> dict:
        """Keep ``upload`` for this session (replacing an earlier one); ``extra`` is remembered with it."""
        self.forget(request)
        extension = PurePath(upload.name).suffix.lower()
        path = private_storage().save(f"{self.folder}/{secrets.token_hex(16)}{extension}", upload)
        pending = {"path": path, "name": upload.name, **extra}
        request.session[self.session_key] = pending
        return pending

    def get(self, request: HttpRequest) -> dict | None:
        """The file this session uploaded for the preview, if it is still there."""
        pending = request.session.get(self.session_key)
        if not pending or not private_storage().exists(pending["path"]):
            return None
        return pending

    def forget(self, request: HttpRequest) -> None:
        """Delete the session's pending file, if any."""
        pending = request.session.pop(self.session_key, None)
        if pending and private_storage().exists(pending["path"]):
            private_storage().delete(pending["path"])

    @staticmethod
    def file(pending: dict, formats: tuple[str, ...] | None = None) -> ImportFile:
        """The pending file, to import."""
        opener = lambda: private_storage().open(pending["path"], "rb")  # noqa: E731
        return ImportFile(pending["name"], opener) if formats is None else ImportFile(pending["name"], opener, formats)


class ImportedFormatter(LogFormatter):
    """从表格导入 in a record's history, with the file's name (and the years of yearly rows)."""

    label = gettext_lazy("从表格导入")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        message = (_("从表格“%(file)s”新建") if data.get("created") else _("从表格“%(file)s”导入更新")) % {
            "file": data.get("file", "")
        }
        if data.get("years"):
            message += _("（年份：%(years)s）") % {"years": "、".join(data["years"])}
        return message
