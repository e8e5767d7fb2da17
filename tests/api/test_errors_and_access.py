"""Errors are application/problem+json with field-level messages; bad input changes nothing; an
Idempotency-Key never makes a duplicate; an integration token sees only its landlord; roles decide."""

import pytest

from putright.accounts.models import Role
from putright.cases.models import Case, Stage, TimelineEvent
from tests.factories import make_staff

from .conftest import DEFINITION, cases_url, client_for, complaint_body

PROBLEM = "urn:putright:problem:"


def problem(response, status, slug):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == PROBLEM + slug
    assert body["status"] == status and body["title"] and body["detail"]
    assert body["instance"] == response.wsgi_request.path
    return body


@pytest.fixture
def complaint(great):
    r = client_for(great.officer).post(cases_url(great), complaint_body(great))
    return r.json()["reference"]


def acknowledge(client, org, ref, **extra):
    body = {"acknowledged_on": "2026-04-02", "definition": DEFINITION, "responsible_for": "Repairs", **extra}
    return client.post(cases_url(org, ref, "acknowledge"), body)


# ---------------------------------------------------------------- 401


def test_no_token_is_401(great, complaint):
    from rest_framework.test import APIClient

    r = APIClient().get(cases_url(great))
    problem(r, 401, "not-authenticated")
    assert r["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_401(great):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    problem(client.post(cases_url(great), complaint_body(great)), 401, "not-authenticated")
    assert Case.objects.count() == 0


def test_an_inactive_users_token_is_401(great):
    client = client_for(great.officer)
    great.officer.is_active = False
    great.officer.save()
    problem(client.get(cases_url(great)), 401, "not-authenticated")


# ---------------------------------------------------------------- 400


def test_missing_and_malformed_fields_are_named_one_by_one(great):
    r = client_for(great.officer).post(
        cases_url(great),
        {
            "kind": "grumble",
            "channel": "phone",
            "received_at": "yesterday",
            "customer": 999999,
            "summary": "x",
        },
    )
    body = problem(r, 400, "invalid-input")
    fields = {e["field"]: e["message"] for e in body["errors"]}
    assert set(fields) == {"kind", "received_at", "customer", "description"}
    assert "No such record at this landlord" in fields["customer"]
    assert Case.objects.count() == 0


def test_a_domain_refusal_names_its_field(great):
    r = client_for(great.officer).post(
        cases_url(great), complaint_body(great, received_at="2099-01-01T10:00:00Z")
    )
    body = problem(r, 400, "invalid-input")
    assert body["errors"] == [{"field": "received_at", "message": body["detail"]}]
    assert "cannot be in the future" in body["detail"]


def test_nested_fields_are_named_by_path(great, complaint):
    r = acknowledge(client_for(great.officer), great, complaint, definition=[DEFINITION[0], {"point": ""}])
    body = problem(r, 400, "invalid-input")
    assert body["errors"][0]["field"] == "definition[1].point"

    r = client_for(great.officer).post(
        cases_url(great, complaint, "response"),
        {
            "responded_on": "2026-04-10",
            "outcome": "upheld",
            "summary": "x",
            "answers": [{"point": "p", "decision": "maybe"}],
        },
    )
    body = problem(r, 400, "invalid-input")
    assert {e["field"] for e in body["errors"]} == {"answers[0].decision", "answers[0].reasons"}


def test_bad_input_changes_nothing(great, complaint):
    events = TimelineEvent.objects.count()
    r = acknowledge(client_for(great.officer), great, complaint, definition=[])
    problem(r, 400, "invalid-input")
    case = Case.objects.get(reference=complaint)
    assert case.status == "stage1_received"
    assert Stage.objects.get(case=case).acknowledged_on is None
    assert TimelineEvent.objects.count() == events


# ---------------------------------------------------------------- 403 and roles


def test_a_board_member_cannot_acknowledge(great, complaint):
    body = problem(acknowledge(client_for(great.board), great, complaint), 403, "not-permitted")
    assert "may not" in body["detail"]
    assert Case.objects.get(reference=complaint).status == "stage1_received"


def test_a_board_member_may_read(great, complaint):
    assert client_for(great.board).get(cases_url(great, complaint)).status_code == 200


def test_only_a_senior_leader_handles_stage_2(great, complaint):
    officer = client_for(great.officer)
    acknowledge(officer, great, complaint)
    officer.post(
        cases_url(great, complaint, "response"),
        {
            "responded_on": "2026-04-10",
            "outcome": "upheld",
            "summary": "Sorry",
            "answers": [{"point": p["point"], "decision": "upheld", "reasons": "Late"} for p in DEFINITION],
        },
    )
    officer.post(cases_url(great, complaint, "escalation"), {"requested_at": "2026-04-20T10:00:00+01:00"})
    body = problem(
        officer.post(cases_url(great, complaint, "stage2-handler"), {"handler": "manager@great.test"}),
        400,
        "invalid-input",
    )
    assert body["errors"][0]["field"] == "handler"


# ---------------------------------------------------------------- 404


def test_unknown_reference_and_unknown_landlord_are_404(great):
    officer = client_for(great.officer)
    problem(officer.get(cases_url(great, "GP-2026-999999")), 404, "not-found")
    problem(officer.get("/api/v1/landlords/nowhere/cases/"), 404, "not-found")
    problem(
        officer.post("/api/v1/landlords/great/actions/999999/complete/", {"completed_on": "2026-05-01"}),
        404,
        "not-found",
    )


def test_another_landlords_slug_and_case_are_404(great, brighter):
    theirs = (
        client_for(brighter.officer).post(cases_url(brighter), complaint_body(brighter)).json()["reference"]
    )
    officer = client_for(great.officer)
    problem(officer.get(cases_url(brighter)), 404, "not-found")
    problem(officer.get(cases_url(brighter, theirs)), 404, "not-found")
    problem(officer.get(cases_url(great, theirs)), 404, "not-found")
    problem(acknowledge(officer, great, theirs), 404, "not-found")


def test_a_complaint_about_a_colleague_is_404_to_those_who_may_not_see_it(great):
    r = client_for(great.officer).post(
        cases_url(great), complaint_body(great, about_colleague=True, colleagues_named="Sam")
    )
    ref = r.json()["reference"]
    manager = client_for(great.manager)
    body = problem(manager.get(cases_url(great, ref)), 404, "not-found")
    assert body["detail"] == f"no case {ref} at Great Places"
    problem(acknowledge(manager, great, ref), 404, "not-found")
    assert ref not in [c["reference"] for c in manager.get(cases_url(great)).json()["results"]]
    assert client_for(great.officer).get(cases_url(great, ref)).status_code == 200


def test_another_landlords_customer_is_not_found(great, brighter):
    r = client_for(great.officer).post(cases_url(great), complaint_body(great, customer=brighter.customer.pk))
    body = problem(r, 400, "invalid-input")
    assert body["errors"][0]["field"] == "customer"


# ---------------------------------------------------------------- 409


def test_a_command_out_of_order_is_409(great, complaint):
    r = client_for(great.officer).post(
        cases_url(great, complaint, "response"),
        {"responded_on": "2026-04-10", "outcome": "upheld", "summary": "x", "answers": []},
    )
    body = problem(r, 409, "transition-not-allowed")
    assert "cannot respond a complaint that is stage 1 received" in body["detail"]


def test_an_extension_the_policy_refuses_is_409_and_changes_nothing(brighter):
    officer = client_for(brighter.officer)
    ref = officer.post(cases_url(brighter), complaint_body(brighter)).json()["reference"]
    acknowledge(officer, brighter, ref, acknowledged_on="2026-04-01")
    before = officer.get(cases_url(brighter, ref)).json()["stages"][0]
    r = officer.post(
        cases_url(brighter, ref, "extensions"), {"days": 5, "notified_on": "2026-04-10", "reason": "Busy"}
    )
    body = problem(r, 409, "extension-refused")
    assert "good reason" in body["detail"]
    after = officer.get(cases_url(brighter, ref)).json()["stages"][0]
    assert after == before


def test_the_stage_1_handler_cannot_handle_stage_2_409(great, complaint):
    director2 = client_for(great.director2)
    acknowledge(director2, great, complaint)
    director2.post(
        cases_url(great, complaint, "response"),
        {
            "responded_on": "2026-04-10",
            "outcome": "not_upheld",
            "summary": "No fault",
            "answers": [
                {"point": p["point"], "decision": "not_upheld", "reasons": "Visits"} for p in DEFINITION
            ],
        },
    )
    officer = client_for(great.officer)
    officer.post(cases_url(great, complaint, "escalation"), {"requested_at": "2026-04-20T10:00:00+01:00"})
    r = officer.post(cases_url(great, complaint, "stage2-handler"), {"handler": "director2@great.test"})
    problem(r, 409, "handler-conflict")


# ---------------------------------------------------------------- Idempotency-Key


def test_the_same_idempotency_key_never_makes_a_second_case(great):
    officer = client_for(great.officer)
    first = officer.post(cases_url(great), complaint_body(great), headers={"Idempotency-Key": "abc-123"})
    again = officer.post(cases_url(great), complaint_body(great), headers={"Idempotency-Key": "abc-123"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["reference"] == again.json()["reference"]
    assert again["Location"] == first["Location"]
    assert Case.objects.count() == 1

    other = officer.post(cases_url(great), complaint_body(great), headers={"Idempotency-Key": "abc-124"})
    assert other.status_code == 201 and other.json()["reference"] != first.json()["reference"]
    unkeyed = officer.post(cases_url(great), complaint_body(great))
    assert unkeyed.status_code == 201
    assert Case.objects.count() == 3


def test_idempotency_keys_belong_to_their_client(great):
    first = client_for(great.officer).post(
        cases_url(great), complaint_body(great), headers={"Idempotency-Key": "k1"}
    )
    second = client_for(great.manager).post(
        cases_url(great), complaint_body(great), headers={"Idempotency-Key": "k1"}
    )
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["reference"] != second.json()["reference"]


def test_an_overlong_idempotency_key_is_a_400(great):
    r = client_for(great.officer).post(
        cases_url(great), complaint_body(great), headers={"Idempotency-Key": "k" * 101}
    )
    assert problem(r, 400, "invalid-input")["errors"][0]["field"] == "Idempotency-Key"
    assert Case.objects.count() == 0


# ---------------------------------------------------------------- integration tokens


def test_an_integration_token_sees_only_its_landlord(great, brighter, hms):
    theirs = (
        client_for(brighter.officer).post(cases_url(brighter), complaint_body(brighter)).json()["reference"]
    )
    integration = client_for(hms)

    logged = integration.post(cases_url(great), complaint_body(great))
    assert logged.status_code == 201
    ours = logged.json()["reference"]
    assert integration.get(cases_url(great, ours)).status_code == 200
    assert [c["reference"] for c in integration.get(cases_url(great)).json()["results"]] == [ours]

    problem(integration.get(cases_url(brighter)), 404, "not-found")
    problem(integration.post(cases_url(brighter), complaint_body(brighter)), 404, "not-found")
    problem(integration.get(cases_url(brighter, theirs)), 404, "not-found")
    problem(integration.get(cases_url(great, theirs)), 404, "not-found")  # a guessed reference
    problem(integration.get(cases_url(great, "GP-2026-000002")), 404, "not-found")
    assert integration.get("/api/v1/overdue/").json() == [
        {"slug": "great", "name": "Great Places", "overdue": 1}
    ]


def test_an_integration_token_logs_but_does_not_work_cases(great, hms):
    integration = client_for(hms)
    ref = integration.post(cases_url(great), complaint_body(great)).json()["reference"]
    problem(acknowledge(integration, great, ref), 403, "not-permitted")
    problem(integration.post(cases_url(great, ref, "close"), {"lesson": "none"}), 403, "not-permitted")


def test_a_person_with_roles_at_two_landlords_reaches_both(great, brighter):
    both = make_staff(great.landlord, "both@example.test", Role.FEEDBACK_OFFICER)
    make_staff(brighter.landlord, "both@example.test", Role.FEEDBACK_OFFICER)
    client = client_for(both)
    assert client.get(cases_url(great)).status_code == 200
    assert client.get(cases_url(brighter)).status_code == 200


def test_an_unknown_api_path_is_a_problem_document(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["detail"] == "no API endpoint at /api/v1/no-such-thing/"
