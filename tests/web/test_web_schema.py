"""schemathesis against the OpenAPI schema: no generated request gets a server error."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402  (after the skip)


@pytest.fixture(scope="module")
def schema_app(demo_db_path, tmp_path_factory):
    """The read-only dashboard, told that it is served as ``testserver`` (the host name
    schemathesis's ASGI client sends)."""
    import shutil

    from evlens.web import create_app

    db = tmp_path_factory.mktemp("web-schema") / "web.duckdb"
    shutil.copy(demo_db_path, db)
    app = create_app(db, read_only=True, host="testserver")
    yield app
    app.state.service.close()


@pytest.fixture(scope="module")
def schema(schema_app):
    return schemathesis.openapi.from_asgi("/openapi.json", schema_app)


def test_schema_lists_the_api(schema, client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/report",
        "/api/headline",
        "/api/forecast",
        "/api/facts",
        "/api/prices/{ticker}",
        "/api/extract",
        "/api/articles",
        "/api/entities",
    } <= paths


def test_no_server_error(schema):
    failures = []
    for op in schema.get_all_operations():
        operation = op.ok()
        strategy = operation.as_strategy()

        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            if case.path_parameters is None and "{" in case.path:
                return
            if case.operation.path == "/api/forecast" and isinstance(case.query, dict):
                case.query["paths"] = (
                    min(int(case.query.get("paths") or 100), 300)
                    if str(case.query.get("paths", "")).lstrip("-").isdigit()
                    else case.query.get("paths")
                )
            response = case.call()
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: "
                    f"{response.text[:200]}"
                )

        from hypothesis import given

        given(strategy)(check)()
    assert failures == []
