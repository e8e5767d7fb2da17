"""Letters over HTTP: the case shows its letters and their deliveries; a letter downloads as a PDF only for
those who may see it; the back office's failures and print queue, resending and marking posted; templates
with the sections they must contain, refused when incomplete, saved as a new version by administrators
only, and previewed for a real case without storing anything; query counts that do not grow."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.customers import services as customer_services
from putright.domain.lifecycle import Kind
from putright.letters import delivery as delivery_module
from putright.letters.delivery import delivery_attempt
from putright.letters.models import Delivery, Letter, LetterTemplate
from tests.factories import make_staff

from .conftest import DEFINITION, cases_url, client_for, complaint_body
from .test_errors_and_access import problem

COMPLETE_EXTENSION = '<p>Dear {{ recipient.name }}</p>{% section "extension" %}{% section "ombudsman" %}'


def url(org, *parts) -> str:
    tail = "".join(f"{p}/" for p in parts)
    return f"/api/v1/landlords/{org.landlord.slug}/{tail}"


def set_customer(org, **fields):
    for field, value in fields.items():
        setattr(org.customer, field, value)
    org.customer.save()


def acknowledged_today(org, client=None) -> str:
    """A complaint received yesterday and acknowledged today over HTTP, so its letter is sent."""
    client = client or client_for(org.officer)
    received = (timezone.localtime() - timedelta(days=1)).isoformat()
    r = client.post(cases_url(org), complaint_body(org, received_at=received))
    assert r.status_code == 201, r.json()
    ref = r.json()["reference"]
    r = client.post(
        cases_url(org, ref, "acknowledge"),
        {
            "acknowledged_on": timezone.localdate().isoformat(),
            "definition": DEFINITION,
            "responsible_for": "Repairs to the home",
        },
    )
    assert r.status_code == 200, r.json()
    return ref


def the_letter(client, org, ref) -> dict:
    letters = client.get(cases_url(org, ref)).json()["letters"]
    assert len(letters) == 1, letters
    return letters[0]


def listed(client, org, status) -> list[dict]:
    r = client.get(url(org, "deliveries"), {"status": status})
    assert r.status_code == 200, r.json()
    return r.json()["results"]


@pytest.fixture
def admin(great):
    return make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)


# ---------------------------------------------------------------- the case's letters


def test_the_case_shows_the_acknowledgement_and_its_delivery(great):
    officer = client_for(great.officer)
    ref = acknowledged_today(great, officer)

    letter = the_letter(officer, great, ref)
    assert letter["kind"] == "stage1_acknowledgement"
    assert (letter["sent_on"], letter["status"], letter["problem"]) == (
        timezone.localdate().isoformat(),
        "sending",
        "",
    )
    assert letter["large_print"] is False and ref in letter["subject"]
    assert letter["template"] == {"kind": "stage1_acknowledgement", "variant": "standard", "version": 1}
    (delivery,) = letter["deliveries"]
    assert {k: v for k, v in delivery.items() if k != "id"} == {
        "channel": "email",
        "recipient_name": "Alex Morgan",
        "recipient_role": "customer",
        "address": "alex@example.test",
        "status": "queued",
        "attempts": 0,
        "last_error": "",
        "sent_at": None,
    }

    assert delivery_attempt(delivery["id"]) == "sent"
    letter = the_letter(officer, great, ref)
    assert letter["status"] == "sent"
    assert (letter["deliveries"][0]["status"], letter["deliveries"][0]["attempts"]) == ("sent", 1)
    assert letter["deliveries"][0]["sent_at"]

    full = officer.get(url(great, "letters", letter["id"])).json()
    assert (full["case"], full["customer"]["name"]) == (ref, "Alex Morgan")
    assert "Alex Morgan" in full["html"] and "Alex Morgan" in full["text"]
    assert "0300 111 3000" in full["text"]  # the Ombudsman's phone


def test_the_case_detail_costs_the_same_queries_however_many_letters(great):
    officer = client_for(great.officer)
    set_customer(great, letters_by="both", address="1 High Street, Leeds", postcode="LS1 1AA")
    ref = acknowledged_today(great, officer)
    with CaptureQueriesContext(connection) as one:
        assert len(officer.get(cases_url(great, ref)).json()["letters"]) == 1
    r = officer.post(
        cases_url(great, ref, "extensions"),
        {"days": 5, "notified_on": timezone.localdate().isoformat(), "reason": "Waiting for a report"},
    )
    assert r.status_code == 201, r.json()
    with CaptureQueriesContext(connection) as more:
        letters = officer.get(cases_url(great, ref)).json()["letters"]
    assert [x["kind"] for x in letters] == ["stage1_acknowledgement", "extension_notice"]
    assert [len(x["deliveries"]) for x in letters] == [2, 2]
    assert len(one) == len(more), (len(one), len(more))
    print(f"\nqueries per case detail ({connection.vendor}): {len(more)}")


# ---------------------------------------------------------------- one letter, and its PDF


def test_the_pdf_downloads_and_another_landlords_letter_is_404(great, brighter):
    officer = client_for(great.officer)
    ref = acknowledged_today(great, officer)
    letter_id = the_letter(officer, great, ref)["id"]

    r = officer.get(url(great, "letters", letter_id, "pdf"))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].startswith("attachment;")
    assert f"{ref}-stage1-acknowledgement-" in r["Content-Disposition"]
    assert r.content.startswith(b"%PDF")
    again = officer.get(url(great, "letters", letter_id, "pdf"), HTTP_ACCEPT="application/pdf")
    assert again.content == r.content  # made once and kept

    other_id = the_letter(client_for(brighter.officer), brighter, acknowledged_today(brighter))["id"]
    problem(officer.get(url(great, "letters", other_id, "pdf")), 404, "not-found")
    problem(officer.get(url(great, "letters", other_id)), 404, "not-found")
    problem(officer.get(url(brighter, "letters", other_id, "pdf")), 404, "not-found")
    r = officer.get(url(great, "letters", 999999, "pdf"), HTTP_ACCEPT="application/pdf")
    problem(r, 404, "not-found")  # a problem document, even to a caller asking for a PDF


def test_a_letter_follows_its_cases_visibility_and_one_without_a_case_needs_a_customer_role(great):
    about_colleague = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=timezone.localtime() - timedelta(days=1),
        customer=great.customer,
        summary="Rude",
        description="The colleague was rude",
        about_colleague=True,
    )
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.officer,
        case_id=about_colleague.pk,
        acknowledged_on=timezone.localdate(),
        definition=DEFINITION,
        responsible_for="Staff conduct",
    )
    hidden = Letter.objects.get(case=about_colleague)
    assert client_for(great.officer).get(url(great, "letters", hidden.pk)).status_code == 200
    problem(client_for(great.manager).get(url(great, "letters", hidden.pk, "pdf")), 404, "not-found")

    customer_services.representative_add(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
        email="jo@example.test",
    )
    authority = Letter.objects.get(kind="authority_request")
    assert authority.case is None
    r = client_for(great.housing).get(url(great, "letters", authority.pk))
    assert (r.status_code, r.json()["case"]) == (200, None)
    problem(client_for(great.manager).get(url(great, "letters", authority.pk)), 404, "not-found")


# ---------------------------------------------------------------- the back office's lists


def test_a_failed_delivery_is_listed_and_can_be_resent(great):
    officer = client_for(great.officer)
    ref = acknowledged_today(great, officer)
    delivery_id = the_letter(officer, great, ref)["deliveries"][0]["id"]
    with mock.patch("putright.letters.delivery._send_email", side_effect=OSError("SMTP refused")):
        for attempt in range(1, delivery_module.MAX_ATTEMPTS + 1):
            delivery_attempt(delivery_id)
            if attempt == 1:
                assert [d["id"] for d in listed(officer, great, "retrying")] == [delivery_id]

    (failed,) = listed(officer, great, "failed")
    assert (failed["id"], failed["status"], failed["attempts"]) == (delivery_id, "failed", 5)
    assert "SMTP refused" in failed["last_error"] and failed["next_attempt_at"] is None
    assert (failed["letter"]["case"], failed["letter"]["kind"]) == (ref, "stage1_acknowledgement")
    assert failed["letter"]["customer"]["name"] == "Alex Morgan"
    assert the_letter(officer, great, ref)["status"] == "failed"
    assert listed(officer, great, "retrying") == []

    problem(
        client_for(great.board).post(url(great, "deliveries", delivery_id, "resend")), 403, "not-permitted"
    )
    r = officer.post(url(great, "deliveries", delivery_id, "resend"))
    assert r.status_code == 200, r.json()
    assert (r.json()["status"], r.json()["last_error"]) == ("queued", "")
    assert listed(officer, great, "failed") == []
    assert delivery_attempt(delivery_id) == "sent"
    assert the_letter(officer, great, ref)["status"] == "sent"
    problem(officer.post(url(great, "deliveries", delivery_id, "resend")), 400, "invalid-input")


def test_post_goes_to_the_print_queue_and_is_marked_printed(great):
    officer = client_for(great.officer)
    set_customer(great, email="", letters_by="post", address="1 High Street, Leeds", postcode="LS1 1AA")
    ref = acknowledged_today(great, officer)
    delivery_id = the_letter(officer, great, ref)["deliveries"][0]["id"]
    assert delivery_attempt(delivery_id) == "to_print"

    (queued,) = listed(officer, great, "to_print")
    assert (queued["id"], queued["channel"], queued["letter"]["case"]) == (delivery_id, "post", ref)
    assert "LS1 1AA" in queued["address"]

    r = officer.post(url(great, "deliveries", delivery_id, "printed"))
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == "printed"
    assert listed(officer, great, "to_print") == []
    assert the_letter(officer, great, ref)["status"] == "sent"
    problem(officer.post(url(great, "deliveries", delivery_id, "printed")), 400, "invalid-input")


def test_the_deliveries_list_needs_a_status_and_hides_other_landlords(great, brighter):
    officer = client_for(great.officer)
    problem(officer.get(url(great, "deliveries")), 400, "invalid-input")
    problem(officer.get(url(great, "deliveries"), {"status": "sent"}), 400, "invalid-input")
    ref = acknowledged_today(brighter)
    delivery = Delivery.objects.get(letter__case__reference=ref)
    Delivery.objects.filter(pk=delivery.pk).update(status="failed")
    assert listed(officer, great, "failed") == []
    problem(officer.post(url(great, "deliveries", delivery.pk, "resend")), 404, "not-found")


def test_deliveries_list_queries_do_not_grow_with_the_page_size(great, django_assert_max_num_queries):
    set_customer(great, letters_by="both", address="1 High Street, Leeds", postcode="LS1 1AA")
    yesterday = timezone.localtime() - timedelta(days=1)
    for _ in range(30):
        case = services.feedback_log(
            landlord=great.landlord,
            actor=great.officer,
            kind=Kind.COMPLAINT,
            channel="phone",
            received_at=yesterday,
            customer=great.customer,
            summary="Leak",
            description="Again",
        )
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=great.officer,
            case_id=case.pk,
            acknowledged_on=timezone.localdate(),
            definition=DEFINITION,
            responsible_for="Repairs",
        )
    assert Delivery.objects.filter(landlord=great.landlord).update(status="failed") == 60
    officer = client_for(great.officer)
    counts = {}
    for size in (5, 50):
        with CaptureQueriesContext(connection) as queries:
            r = officer.get(url(great, "deliveries"), {"status": "failed", "page_size": size})
        assert len(r.json()["results"]) == size
        counts[size] = len(queries)
    assert counts[5] == counts[50], counts
    seen = [d["id"] for d in r.json()["results"]]
    assert seen == sorted(seen, reverse=True)  # newest first
    with django_assert_max_num_queries(counts[5]):
        rest = officer.get(r.json()["next"]).json()["results"]
    assert len(rest) == 10 and max(d["id"] for d in rest) < min(seen)
    print(f"\nqueries per deliveries list request ({connection.vendor}): {counts}")


# ---------------------------------------------------------------- templates


def test_templates_list_the_current_versions_and_the_sections_each_kind_needs(great, admin):
    officer = client_for(great.officer)
    with CaptureQueriesContext(connection) as first:
        r = officer.get(url(great, "letter-templates"))
    assert r.status_code == 200, r.json()
    with CaptureQueriesContext(connection) as second:
        assert officer.get(url(great, "letter-templates")).json() == r.json()
    assert not any("INSERT" in q["sql"] for q in second)  # the defaults were installed once, as version 1
    print(f"\nqueries per templates list ({connection.vendor}): first {len(first)}, then {len(second)}")
    kinds = {row["kind"]: row for row in r.json()}
    ack = kinds["stage1_acknowledgement"]
    assert [(t["variant"], t["version"]) for t in ack["current"]] == [("standard", 1), ("plain", 1)]
    assert ack["current"][0]["created_by"] is None
    sections = {s["section"]: s["why"] for s in ack["required_sections"]}
    assert {"complaint_definition", "investigator", "response_date", "ombudsman"} <= set(sections)
    assert "Code 6.2" in sections["complaint_definition"]
    assert [t["variant"] for t in kinds["authority_request"]["current"]] == ["standard"]


def test_a_template_missing_a_section_is_refused_and_a_complete_one_saved(great, admin):
    client = client_for(admin)
    r = client.post(
        url(great, "letter-templates", "extension_notice"),
        {"subject": "More time", "body": '<p>Sorry.</p>{% section "extension" %}'},
    )
    body = problem(r, 400, "letter-incomplete")
    assert "missing 1 required section: ombudsman" in body["detail"]
    assert (
        not LetterTemplate.objects.filter(landlord=great.landlord, kind="extension_notice")
        .exclude(version=1)
        .exists()
    )

    r = client.post(
        url(great, "letter-templates", "extension_notice"),
        {"subject": "More time: {{ case.reference }}", "body": COMPLETE_EXTENSION},
    )
    assert r.status_code == 201, r.json()
    assert (r.json()["version"], r.json()["variant"], r.json()["body"]) == (2, "standard", COMPLETE_EXTENSION)
    assert r.json()["created_by"]["email"] == "admin@great.test"

    history = client.get(url(great, "letter-templates", "extension_notice")).json()
    assert [(v["variant"], v["version"]) for v in history["versions"]] == [
        ("standard", 2),
        ("standard", 1),
        ("plain", 1),
    ]
    assert {s["section"] for s in history["required_sections"]} == {"extension", "ombudsman"}
    listing = {row["kind"]: row for row in client.get(url(great, "letter-templates")).json()}
    assert listing["extension_notice"]["current"][0]["version"] == 2

    problem(client.get(url(great, "letter-templates", "no_such_letter")), 404, "not-found")
    r = client.post(url(great, "letter-templates", "extension_notice"), {"subject": "x", "body": "{% if %}"})
    problem(r, 400, "invalid-input")


def test_only_administrators_save_or_preview_templates(great):
    officer = client_for(great.officer)
    ref = acknowledged_today(great, officer)
    before = LetterTemplate.objects.count()
    r = officer.post(
        url(great, "letter-templates", "extension_notice"),
        {"subject": "More time", "body": COMPLETE_EXTENSION},
    )
    problem(r, 403, "not-permitted")
    r = officer.post(
        url(great, "letter-templates", "extension_notice", "preview"),
        {"subject": "More time", "body": COMPLETE_EXTENSION, "case_reference": ref},
    )
    problem(r, 403, "not-permitted")
    assert LetterTemplate.objects.count() == before


def test_preview_writes_the_letter_for_a_real_case_and_stores_nothing(great, admin):
    ref = acknowledged_today(great)
    letters, templates = Letter.objects.count(), LetterTemplate.objects.count()
    r = client_for(admin).post(
        url(great, "letter-templates", "extension_notice", "preview"),
        {"subject": "More time: {{ case.reference }}", "body": COMPLETE_EXTENSION, "case_reference": ref},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["subject"] == f"More time: {ref}"
    assert "Dear Alex Morgan" in r.json()["html"] and "Dear Alex Morgan" in r.json()["body_html"]
    assert "Housing Ombudsman" in r.json()["text"]
    assert (Letter.objects.count(), LetterTemplate.objects.count()) == (letters, templates)

    r = client_for(admin).post(
        url(great, "letter-templates", "extension_notice", "preview"),
        {"subject": "More time", "body": '{% section "extension" %}', "case_reference": ref},
    )
    problem(r, 400, "letter-incomplete")
    r = client_for(admin).post(
        url(great, "letter-templates", "extension_notice", "preview"),
        {"subject": "More time", "body": COMPLETE_EXTENSION, "case_reference": "GP-2026-999999"},
    )
    assert problem(r, 400, "invalid-input")["errors"][0]["field"] == "case_reference"
