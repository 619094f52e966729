"""The policy import: good files in every format, each kind of bad row, all or nothing, re-import, search."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from zoneportal.policies import search as policy_search
from zoneportal.policies.importing import (
    REQUIRED_COLUMNS,
    ImportFile,
    import_file,
)
from zoneportal.policies.models import IndexNumberCounter, Policy, PolicyCategory, PolicyIssuer, PolicyTopic
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.index import DOCUMENT_FIELDS
from zoneportal.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def record(external_id: str = "H001", **changes) -> dict:
    """One good .jsonl record; ``changes`` replace fields."""
    values = {
        "external_id": external_id,
        "title": "来凤经济开发区招商引资优惠政策实施办法",
        "doc_number": "来开管发〔2015〕3号",
        "issuer": ["来凤经济开发区管理委员会", "来凤县人民政府"],
        "category": "开发区优惠政策",
        "topics": ["招商引资", "税收优惠"],
        "issued_on": "2015-03-01",
        "effective_on": "2015-04-01",
        "expires_on": None,
        "validity": "有效",
        "body": "第一条　为加快开发区建设，制定本办法。\n第二条　入园企业享受本办法规定的优惠。",
    }
    values.update(changes)
    return values


def second(**changes) -> dict:
    values = {
        "external_id": "H002",
        "title": "关于做好2016年企业安全生产检查工作的通知",
        "doc_number": "来开管办发〔2016〕5号",
        "issuer": ["来凤经济开发区管委会办公室"],
        "category": "环境保护与安全生产",
        "topics": ["安全生产"],
        "issued_on": "2016-05-10",
        "effective_on": "2016-05-10",
        "expires_on": "2018-05-10",
        "validity": "失效",
        "body": "<p>各有关单位：</p><p onclick='x()'>请做好检查工作。<script>alert(1)</script></p>",
    }
    values.update(changes)
    return values


def jsonl(*records: dict) -> ImportFile:
    data = "\n".join(json.dumps(item, ensure_ascii=False) for item in records).encode()
    return ImportFile.from_bytes("policies.jsonl", data)


def table_rows(records: tuple[dict, ...]) -> list[list[str]]:
    """The records as table rows: lists joined with ``;``, None as empty."""
    rows = [list(REQUIRED_COLUMNS)]
    for item in records:
        row = []
        for column in REQUIRED_COLUMNS:
            value = item.get(column)
            row.append(";".join(value) if isinstance(value, list) else ("" if value is None else value))
        rows.append(row)
    return rows


def csv_bytes(*records: dict, encoding: str = "utf-8-sig") -> bytes:
    import csv

    text = io.StringIO()
    csv.writer(text).writerows(table_rows(records))
    return text.getvalue().encode(encoding)


def xlsx_bytes(*records: dict) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in table_rows(records):
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def errors_of(report) -> set[tuple[int, str]]:
    return {(error.line, error.field) for error in report.errors}


def assert_first_document(policy: Policy) -> None:
    assert policy.title == "来凤经济开发区招商引资优惠政策实施办法"
    assert policy.doc_number == "来开管发〔2015〕3号"
    assert policy.category.name == "开发区优惠政策"
    assert sorted(issuer.name for issuer in policy.issuers.all()) == ["来凤县人民政府", "来凤经济开发区管理委员会"]
    assert sorted(topic.name for topic in policy.topics.all()) == ["招商引资", "税收优惠"]
    assert (policy.issued_on, policy.effective_on, policy.expires_on) == (date(2015, 3, 1), date(2015, 4, 1), None)
    assert policy.validity == "valid" and policy.live and not policy.is_demo
    assert policy.body == "<p>第一条　为加快开发区建设，制定本办法。</p><p>第二条　入园企业享受本办法规定的优惠。</p>"


# ---- good files ----------------------------------------------------------------------------------


def test_jsonl_is_imported_indexed_and_searchable(library_page):
    report = import_file(jsonl(record(), second()))
    assert report.ok and report.written and (report.new, report.updated, report.indexed) == (2, 0, 2)
    first = Policy.objects.get(external_id="H001")
    assert_first_document(first)
    assert first.index_number.endswith("-01-2015-00001")
    failed = Policy.objects.get(external_id="H002")
    assert failed.validity == "expired" and failed.expires_on == date(2018, 5, 10)
    assert failed.body == "<p>各有关单位：</p><p>请做好检查工作。</p>"  # handlers and scripts removed
    # Searchable as soon as the import returns, under the file's id, with the library's address.
    hits = search(SearchRequest(query="招商引资优惠政策实施办法")).results
    assert hits and hits[0].external_id == "policy:H001"
    assert hits[0].url.endswith(f"/zhengce/{first.pk}/") and hits[0].type_label == "政策文件"
    assert SearchDocument.objects.filter(external_id="policy:H002", validity="expired").exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_with_or_without_bom_and_gbk(library_page, encoding):
    report = import_file(ImportFile.from_bytes("p.csv", csv_bytes(record(), second(), encoding=encoding)))
    assert report.ok, report.errors
    assert report.encoding == ("gb18030" if encoding == "gbk" else "utf-8-sig")
    assert_first_document(Policy.objects.get(external_id="H001"))


def test_xlsx(library_page):
    report = import_file(ImportFile.from_bytes("p.xlsx", xlsx_bytes(record(), second())))
    assert report.ok, report.errors
    assert_first_document(Policy.objects.get(external_id="H001"))


def test_xlsx_cells_of_excel_types(library_page):
    """Excel keeps dates as dates and numbers as numbers: 1001 is the id “1001”, a date cell a date."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(REQUIRED_COLUMNS))
    values = record(external_id=1001, issued_on=date(2015, 3, 1), effective_on=None)
    sheet.append([";".join(v) if isinstance(v, list) else v for v in (values[c] for c in REQUIRED_COLUMNS)])
    output = io.BytesIO()
    workbook.save(output)
    assert import_file(ImportFile.from_bytes("p.xlsx", output.getvalue())).ok
    assert Policy.objects.get(external_id="1001").issued_on == date(2015, 3, 1)


# ---- bad rows ------------------------------------------------------------------------------------


def test_every_kind_of_bad_row_is_reported_and_nothing_is_written(library_page):
    Policy.objects.create(
        external_id="OLD", title="旧文件", doc_number="来开管发〔2010〕1号", category=PolicyCategory.objects.first()
    )
    before = (Policy.objects.count(), PolicyIssuer.objects.count(), PolicyTopic.objects.count())
    counters = list(IndexNumberCounter.objects.values_list("pk", "last"))
    report = import_file(
        jsonl(
            record("A1"),  # line 1: good
            record("", doc_number="文号1"),  # 2: no external id
            record("A3", title="", doc_number="文号3"),  # 3: no title
            record("A4", title="长" * 256, doc_number="文号4"),  # 4: title too long
            record("A5", issued_on="2015/03/01", doc_number="文号5"),  # 5: date format
            record("A6", issued_on="2015-02-30", doc_number="文号6"),  # 6: no such day
            record("A7", effective_on="2015-01-01", doc_number="文号7"),  # 7: effective before issued
            record("A8", validity="作废", doc_number="文号8"),  # 8: unknown validity
            record("A9", category="不存在的分类", doc_number="文号9"),  # 9: unknown category
            record("A10"),  # 10: 文号 of line 1 again
            record("A1", doc_number="文号11"),  # 11: external id of line 1 again
            record("A12", doc_number="来开管发〔2010〕1号"),  # 12: 文号 of a document in the database
            record("A13", issuer=[], doc_number="文号13"),  # 13: no issuer
            record("A14", topics="招商;人才", doc_number="文号14", extra="?"),  # 14: unknown field
            record("A15", validity="", doc_number="文号15"),  # 15: no validity
            record("A16", issuer=[1, 2], doc_number="文号16"),  # 16: issuer of numbers
        ),
    )
    assert not report.ok and not report.written
    assert errors_of(report) == {
        (2, "external_id"),
        (3, "title"),
        (4, "title"),
        (5, "issued_on"),
        (6, "issued_on"),
        (7, "effective_on"),
        (8, "validity"),
        (9, "category"),
        (10, "doc_number"),
        (11, "external_id"),
        (12, "doc_number"),
        (13, "issuer"),
        (14, "extra"),
        (15, "validity"),
        (16, "issuer"),
    }
    messages = {(error.line, error.field): error.message for error in report.errors}
    assert messages[(5, "issued_on")] == "日期“2015/03/01”格式不对，应为 YYYY-MM-DD（如 2015-03-01）"
    assert messages[(7, "effective_on")] == "生效日期（2015-01-01）不能早于发布日期（2015-03-01）"
    assert messages[(10, "doc_number")] == "文号“来开管发〔2015〕3号”与第 1 行重复"
    assert "外部编号 OLD" in messages[(12, "doc_number")]
    assert "不存在的分类" in messages[(9, "category")]
    assert str(report.errors[0]) == "第 2 行「external_id」：不能为空"
    assert (Policy.objects.count(), PolicyIssuer.objects.count(), PolicyTopic.objects.count()) == before
    assert list(IndexNumberCounter.objects.values_list("pk", "last")) == counters
    assert not SearchDocument.objects.filter(external_id__startswith="policy:A").exists()


def test_bad_csv_rows_name_their_row(library_page):
    data = csv_bytes(record(), second(expires_on="2016-01-01"), record("H003", doc_number="", validity="有效期内"))
    report = import_file(ImportFile.from_bytes("p.csv", data))
    assert errors_of(report) == {(3, "expires_on"), (4, "validity")}  # the header is row 1
    assert not Policy.objects.exists()


def test_bad_json_line_and_wrong_shapes(library_page):
    data = json.dumps(record(), ensure_ascii=False).encode() + b"\n{not json\n[1, 2]\n\n"
    report = import_file(ImportFile.from_bytes("p.jsonl", data))
    assert errors_of(report) == {(2, ""), (3, "")}
    assert report.errors[0].message.startswith("不是有效的 JSON")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("p.xlsx", b"PK\x03\x04 this is not really a workbook", "无法读取 .xlsx 工作簿"),
        ("p.xlsx", b"MZ\x90\x00 an executable renamed", "无法读取 .xlsx 工作簿"),
        ("p.xls", b"\xd0\xcf\x11\xe0", "不支持旧版 Excel"),
        ("p.txt", b"external_id", "只能导入 .jsonl、.csv 或 .xlsx"),
        ("p.csv", b"", "文件是空的"),
        ("p.csv", "编号,标题\n1,2\n".encode(), "缺少列"),
        ("p.csv", b"\xff\xfe\x00\x00\x81\x30", "无法识别文件的编码"),
    ],
)
def test_files_that_cannot_be_read_at_all(library_page, name, data, expected):
    report = import_file(ImportFile.from_bytes(name, data))
    assert len(report.errors) == 1 and report.errors[0].line == 0
    assert expected in report.errors[0].message
    assert not Policy.objects.exists()


def test_xlsx_broken_inside(library_page):
    """A real workbook whose sheet part is cut off: an error in Chinese, not a traceback."""
    good = xlsx_bytes(record())
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                content = content[: len(content) // 2]
            target.writestr(item, content)
    report = import_file(ImportFile.from_bytes("p.xlsx", broken.getvalue()))
    assert report.errors and "xlsx" in report.errors[0].message
    assert not Policy.objects.exists()


def test_unknown_column_in_header(library_page):
    rows = table_rows((record(),))
    rows[0][1] = "titel"
    import csv

    text = io.StringIO()
    csv.writer(text).writerows(rows)
    report = import_file(ImportFile.from_bytes("p.csv", text.getvalue().encode()))
    assert "缺少列：title" in report.errors[0].message and "无法识别的列：titel" in report.errors[0].message


FAIL_MARK = "#REFUSED-BY-TEST-TRIGGER#"
SQLITE_TRIGGER = f"""
CREATE TRIGGER test_refuse_marked_policies BEFORE INSERT ON policies_policy WHEN NEW.title LIKE '%{FAIL_MARK}%'
BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END
"""
POSTGRES_TRIGGER = [
    f"""
    CREATE FUNCTION test_refuse_marked_policies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.title LIKE '%{FAIL_MARK}%' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER test_refuse_marked_policies BEFORE INSERT ON policies_policy
    FOR EACH ROW EXECUTE FUNCTION test_refuse_marked_policies()
    """,
]


def test_a_failure_while_writing_leaves_nothing(library_page):
    """All or nothing: the database refusing a row of the second batch takes the first batch back with it."""
    from django.db import DatabaseError, connection

    from zoneportal.policies.importing import BATCH_SIZE

    with connection.cursor() as cursor:  # undone with the test's transaction
        for statement in [SQLITE_TRIGGER] if connection.vendor == "sqlite" else POSTGRES_TRIGGER:
            cursor.execute(statement)
    records = [record(f"B{n}", doc_number=f"来开管发〔2020〕{n}号") for n in range(BATCH_SIZE + 5)]
    records[-1]["title"] += FAIL_MARK
    counters = list(IndexNumberCounter.objects.values_list("category_id", "year", "last"))
    with pytest.raises(DatabaseError):
        import_file(jsonl(*records))
    assert not Policy.objects.exists() and not PolicyIssuer.objects.exists()
    assert not SearchDocument.objects.filter(external_id__startswith="policy:").exists()
    assert list(IndexNumberCounter.objects.values_list("category_id", "year", "last")) == counters


def test_index_entries_built_from_the_rows_match_the_documents_read_back(library_page):
    """The import builds entries from its rows; they must be what the search source reads from the database."""
    # The file lists the issuers and topics otherwise than the models order them (by name here).
    import_file(jsonl(record(topics=["税收优惠", "招商引资"]), second()))
    site_id, library_url = policy_search._library()
    for policy in Policy.objects.select_related("category").prefetch_related("issuers", "topics"):
        expected = policy_search.entry(policy, site_id, library_url)
        stored = SearchDocument.objects.get(external_id=expected.external_id)
        assert [getattr(stored, name) for name in DOCUMENT_FIELDS] == [
            getattr(expected, name) for name in DOCUMENT_FIELDS
        ]
    assert SearchDocument.objects.get(external_id="policy:H001").issuer == "来凤县人民政府、来凤经济开发区管理委员会"
