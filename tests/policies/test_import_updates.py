"""Re-importing, dry runs, new categories, replacing documents, the command, the export read back."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.policies.test_import import jsonl, record, second
from zoneportal.policies.export import COLUMNS, export_response
from zoneportal.policies.importing import ImportFile, import_file
from zoneportal.policies.models import Policy, PolicyCategory
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_reimport_updates_instead_of_duplicating(library_page):
    import_file(jsonl(record(), second()))
    first = Policy.objects.get(external_id="H001")
    changed = record(title="来凤经济开发区招商引资优惠政策实施办法（修订）", topics=["人才引进"], validity="已修订")
    report = import_file(jsonl(changed, record("H003", doc_number="")))
    assert report.ok and (report.new, report.updated) == (1, 1)
    assert Policy.objects.count() == 3
    again = Policy.objects.get(external_id="H001")
    assert again.pk == first.pk and again.index_number == first.index_number  # an index number never changes
    assert Policy.objects.get(external_id="H003").index_number.endswith("-01-2015-00002")  # the next serial
    assert again.title.endswith("（修订）") and again.validity == "amended"
    assert [topic.name for topic in again.topics.all()] == ["人才引进"]
    assert SearchDocument.objects.get(external_id="policy:H001").title == again.title
    assert [hit.external_id for hit in search(SearchRequest(query="人才引进")).results] == ["policy:H001"]


def test_reimport_keeps_columns_the_file_does_not_have(library_page):
    import_file(jsonl(record(written_on="2015-02-20", source_url="https://www.example.org/h001")))
    import_file(jsonl(record(title="新标题")))
    policy = Policy.objects.get(external_id="H001")
    assert policy.title == "新标题"
    assert policy.written_on == date(2015, 2, 20) and policy.source_url == "https://www.example.org/h001"


def test_reimport_of_the_same_document_may_keep_its_doc_number(library_page):
    import_file(jsonl(record()))
    assert import_file(jsonl(record(title="改名"))).ok


def test_dry_run_writes_nothing(library_page):
    report = import_file(jsonl(record(), second()), dry_run=True)
    assert report.ok and report.dry_run and not report.written and report.new == 2
    assert not Policy.objects.exists() and not SearchDocument.objects.filter(type="policy").exists()


def test_unknown_category_is_created_only_when_asked(library_page):
    unknown = record(category="对外经贸合作")
    assert [error.field for error in import_file(jsonl(unknown)).errors] == ["category"]
    report = import_file(jsonl(unknown), create_categories=True)
    assert report.ok and report.created_categories == ["对外经贸合作"]
    category = PolicyCategory.objects.get(name="对外经贸合作")
    assert category.code == "11"  # after the ten default categories' 01–10
    assert Policy.objects.get(external_id="H001").index_number.split("-")[1:3] == ["11", "2015"]


def test_replaced_by_points_at_a_later_row_or_an_existing_document(library_page):
    import_file(jsonl(record("NEW1", doc_number="")))
    report = import_file(
        jsonl(
            record("OLD1", validity="已修订", replaced_by="NEW2"),
            record("NEW2", doc_number="来开管发〔2016〕9号"),
            record("OLD2", doc_number="", validity="已修订", replaced_by="NEW1"),
        )
    )
    assert report.ok, report.errors
    assert Policy.objects.get(external_id="OLD1").replaced_by.external_id == "NEW2"
    assert Policy.objects.get(external_id="OLD2").replaced_by.external_id == "NEW1"
    bad = import_file(jsonl(record("OLD1", replaced_by="NOWHERE"), record("X", doc_number="", replaced_by="X")))
    assert {(error.line, error.field) for error in bad.errors} == {(1, "replaced_by"), (2, "replaced_by")}


def test_is_demo_flag(library_page):
    import_file(jsonl(record()), is_demo=True)
    assert Policy.objects.get().is_demo


# ---- the command ---------------------------------------------------------------------------------


def write(tmp_path, *records: dict, name: str = "policies.jsonl") -> str:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in records), encoding="utf-8")
    return str(path)


def test_command_imports_and_reports(library_page, tmp_path):
    out = io.StringIO()
    call_command("import_policies", write(tmp_path, record(), second()), stdout=out)
    assert "导入完成：共 2 份，新增 2 份，更新 0 份，已建立搜索索引 2 份" in out.getvalue()
    assert Policy.objects.count() == 2


def test_command_dry_run(library_page, tmp_path):
    out = io.StringIO()
    call_command("import_policies", write(tmp_path, record()), "--dry-run", stdout=out)
    assert "检查通过（未写入）：共 1 份，新增 1 份" in out.getvalue()
    assert not Policy.objects.exists()


def test_command_names_every_bad_line_and_field_and_fails(library_page, tmp_path):
    path = write(tmp_path, record(), record("H2", doc_number="", issued_on="2015-13-01"), second(category="无此分类"))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="发现 2 处错误，没有写入任何文件"):
        call_command("import_policies", path, stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("第 2 行「issued_on」：日期“2015-13-01”")
    assert lines[1].startswith("第 3 行「category」：分类“无此分类”不存在")
    assert not Policy.objects.exists()


def test_command_exit_status(library_page, tmp_path):
    """From a shell the command exits with the error's return code (``run_from_argv``: ``sys.exit(returncode)``).

    Not run through ``run_from_argv`` itself here: it closes the database connections afterwards, the test's own.
    """
    with pytest.raises(CommandError) as failed:
        bad = write(tmp_path, record(validity="未知"))
        call_command("import_policies", bad, stdout=io.StringIO(), stderr=io.StringIO())
    assert failed.value.returncode == 1
    call_command("import_policies", write(tmp_path, record()), stdout=io.StringIO())  # no error: status 0
    assert Policy.objects.count() == 1


def test_command_create_categories(library_page, tmp_path):
    path = write(tmp_path, record(category="新分类"))
    with pytest.raises(CommandError):
        call_command("import_policies", path, stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("import_policies", path, "--create-categories", stdout=out)
    assert "新建分类：新分类" in out.getvalue()


def test_command_warns_when_no_library_page_makes_documents_searchable(zone, tmp_path):
    err = io.StringIO()
    call_command("import_policies", write(tmp_path, record()), stdout=io.StringIO(), stderr=err)
    assert "还没有已发布的政策法规库页面" in err.getvalue()
    assert Policy.objects.count() == 1 and not SearchDocument.objects.filter(external_id="policy:H001").exists()


def test_command_missing_file(tmp_path):
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("import_policies", str(tmp_path / "none.jsonl"), stdout=io.StringIO())


# ---- export, then import again -------------------------------------------------------------------


def snapshot() -> list[tuple]:
    """What a document is, independent of its database ids."""
    return [
        (
            p.external_id,
            p.title,
            p.doc_number,
            p.category.name,
            sorted(i.name for i in p.issuers.all()),
            sorted(t.name for t in p.topics.all()),
            p.written_on,
            p.issued_on,
            p.effective_on,
            p.expires_on,
            p.validity,
            p.body,
            p.source_url,
            p.replaced_by.external_id if p.replaced_by else "",
            p.index_number,
        )
        for p in Policy.objects.order_by("external_id")
    ]


def exported(fmt: str) -> bytes:
    response = export_response(Policy.objects.all(), fmt)
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_reimport_gives_the_same_data(library_page, fmt):
    import_file(
        jsonl(
            record(written_on="2015-02-20", source_url="https://www.example.org/h001"),
            second(),
            record("H003", doc_number="", validity="已修订", replaced_by="H001", topics=[], body="<p><b>粗体</b></p>"),
        )
    )
    before = snapshot()
    data = exported(fmt)
    if fmt == "csv":
        assert data.startswith("\ufeffexternal_id,title".encode())
    else:
        sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        assert next(sheet.iter_rows(values_only=True)) == COLUMNS
    report = import_file(ImportFile.from_bytes(f"export.{fmt}", data))
    assert report.ok, report.errors
    assert report.updated == 3 and report.new == 0
    assert snapshot() == before
    # Into an empty library the same file makes the same documents (new index numbers aside).
    Policy.objects.all().delete()
    assert import_file(ImportFile.from_bytes(f"export.{fmt}", data)).ok
    assert [row[:-1] for row in snapshot()] == [row[:-1] for row in before]


def test_export_of_a_filtered_queryset(library_page):
    import_file(jsonl(record(), second()))
    data = exported("csv").decode("utf-8-sig")
    assert "H001" in data and "H002" in data
    response = export_response(Policy.objects.filter(validity="expired"), "csv")
    only = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "H002" in only and "H001" not in only
    with pytest.raises(ValueError):
        export_response(Policy.objects.all(), "pdf")
