import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_the_health_check_answers_ok_without_the_database_or_a_session(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert queries.captured_queries == []
    assert "sessionid" not in response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_answers_only_get(client):
    assert client.post("/healthz/").status_code == 405
