"""Fuzzing the JSON API: every operation of ``/api/v1/openapi.json``, driven by schemathesis.

The schema is read from the running Django application (WSGI, no server), as a client would read
it; schemathesis then generates requests for every operation — search, suggestions, mailboxes,
writing a letter, a letter's status, the published letters — from valid and deliberately invalid
data, and checks each answer: never a 500, and always the status, content type and body the
schema promises. The test zone has a mailbox with a category, a published letter and a search
index, so valid requests reach the code past "not found". A failure names the operation and prints
the request that reproduces it.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.letters.test_api import publish
from zoneportal.letters.models import LetterCategory, Mailbox
from zoneportal.letters.submission import submit_letter
from zoneportal.search.api import api
from zoneportal.search.index import rebuild_index

pytestmark = pytest.mark.django_db

#: Examples per operation: with 6 operations the fuzzing takes about a minute (the zone's setup aside).
EXAMPLES = 150
LETTER = {
    "subject": "园区道路照明不足",
    "content": "工业园区北路夜间路灯损坏多日，请尽快维修。联系电话 13800001234。",
    "name": "张三",
    "phone": "13800001234",
    "email": "",
    "is_public": True,
    "is_anonymous": False,
}
SCHEMA_URL = "/api/v1/openapi.json"
MAILBOX = "zhuren"  # as in the schema's example letter
#: Not ``positive_data_acceptance``: a letter valid by the schema may still break a rule no JSON Schema states
#: (a name unless anonymous, a phone or an e-mail), and its 400 says which; tests/letters/test_api.py checks those.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def load_schema() -> schemathesis.schemas.BaseSchema:
    """The document ``/api/v1/openapi.json`` serves, made at collection, its requests sent to the WSGI application.

    Collection has no database, and a request through the middleware would want one (the site), so the
    document comes from the API object itself; ``test_the_fuzzed_schema_is_the_served_one`` checks that
    it is exactly what the URL answers. (schemathesis' lazy ``from_fixture`` does not run on pytest 9.)
    """
    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema())
    loaded.app = WSGIHandler()
    loaded.location = SCHEMA_URL
    return loaded


schema = load_schema()


@schema.hook
def map_body(context, body):
    """Half the generated letters name the zone's real mailbox, so writing one gets past "no such mailbox"
    to the form's rules, the number and the transaction (and answers 201); the other half keep their slug."""
    if isinstance(body, dict) and isinstance(body.get("mailbox"), str) and len(body["mailbox"]) % 2 == 0:
        return {**body, "mailbox": MAILBOX}
    return body


@pytest.fixture
def keep_test_connection():
    """Requests sent straight to the WSGI handler keep the test's database connection, as the test client does.

    Django closes a connection at each request's start and end when it is inside a transaction; the
    test's transaction is one, so on PostgreSQL the first request would close it under the test.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_zone(zone, settings, keep_test_connection):
    """The test zone with a mailbox and category, a published letter and the search index built."""
    # Rate limits would turn most generated requests into 429s; the limits have tests of their own.
    settings.LETTER_RATE = settings.LETTER_LOOKUP_RATE = "100000/m"
    settings.SEARCH_RATE = settings.SUGGEST_RATE = "100000/m"
    mailbox = Mailbox.objects.create(
        slug=MAILBOX, name="主任信箱", department=zone.departments["office"], allows_anonymous=True
    )
    LetterCategory.objects.create(mailbox=mailbox, name="投资环境", reply_days=3)
    letter = submit_letter(mailbox, LETTER).letter
    publish(zone, letter, "已安排维修，三日内完成。")  # /letters/public then has a letter to mask and page
    rebuild_index()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run: a CI failure reproduces locally
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_its_schema_says(case, fuzz_zone):
    case.call_and_validate(checks=CHECKS)


def test_the_fuzzed_schema_is_the_served_one(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response.json() == schema.raw_schema
    operations = {(method.upper(), path) for path, item in schema.raw_schema["paths"].items() for method in item}
    assert {("POST", "/api/v1/letters"), ("GET", "/api/v1/search"), ("GET", "/api/v1/letters/{tracking_number}")} <= (
        operations
    )


def test_the_schemas_example_letter_is_accepted(fuzz_zone, client):
    """The fuzzing's one sure way past the form's rules (a name and a phone together) really is one."""
    [example] = schema.raw_schema["paths"]["/api/v1/letters"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]["examples"]
    response = client.post("/api/v1/letters", example, content_type="application/json")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("page", ["42613298204776210432", "10001", "0"])
def test_a_page_number_beyond_the_last_allowed_is_a_422_not_a_500(fuzz_zone, client, page):
    """Found by a random run of the fuzzing: a page number past 64 bits reached the database's OFFSET."""
    response = client.get("/api/v1/letters/public", {"page": page})
    assert response.status_code == 422, response.content
    assert client.get("/api/v1/letters/public", {"page": "10000"}).json()["results"] == []
