"""Logging feedback through the API runs a fixed, known set of queries: the pin shows when a change adds
one (bench/README.md measures what each costs at scale)."""

import pytest

from .conftest import cases_url, complaint_body

# Token, landlord with the caller's roles there, customer, repeat check, idempotency key, policy; then in
# one transaction the reference (read and update), restrictions, the customer's complaints closed for no
# contact (Brighter Places 7.ii.e: new feedback may be the reply), the case, the timeline event and the
# idempotency row.
LOGGED = 15
# A complaint adds its stage: closure days for the calendar, the stage, the case's deadline columns.
COMPLAINT = LOGGED + 3


@pytest.mark.parametrize(("kind", "queries"), [("complaint", COMPLAINT), ("service_request", LOGGED)])
def test_logging_runs_a_fixed_number_of_queries(
    great, hms, as_user, django_assert_num_queries, kind, queries
):
    client = as_user(hms)
    client.post(cases_url(great), complaint_body(great), format="json", HTTP_IDEMPOTENCY_KEY="warm")
    with django_assert_num_queries(queries):
        response = client.post(
            cases_url(great),
            complaint_body(great, kind=kind),
            format="json",
            HTTP_IDEMPOTENCY_KEY=f"k-{kind}",
        )
    assert response.status_code == 201, response.json()
    assert response.json()["kind"] == kind


def test_a_complaint_stage_is_stored_with_its_deadlines_at_once(great, hms, as_user):
    """The stage is inserted with its computed deadlines (no placeholder row updated afterwards)."""
    client = as_user(hms)
    body = client.post(cases_url(great), complaint_body(great), format="json").json()
    detail = client.get(cases_url(great, body["reference"])).json()
    (stage,) = detail["stages"]
    assert body["next_due"] == stage["acknowledge_by"]
    assert stage["acknowledge_by"] < stage["respond_by"]
    assert stage["explanation"]
