"""The committed OpenAPI document matches the code: regenerate it in-process and compare."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command

COMMITTED = Path(settings.BASE_DIR) / "docs" / "openapi.yaml"


def test_docs_openapi_yaml_matches_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")
    assert COMMITTED.exists(), "docs/openapi.yaml is missing; run: make openapi"
    assert generated.read_text() == COMMITTED.read_text(), (
        "docs/openapi.yaml differs from the API the code serves; run: make openapi (and commit the result)"
    )


def test_the_schema_is_served(client):
    r = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert r.status_code == 200
    assert b"title: PutRight API" in r.content
