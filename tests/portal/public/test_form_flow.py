"""The feedback form end to end through Django's test client: pages, routing, saving, confirmation."""

from __future__ import annotations

import pytest

from putright.cases.models import Case
from putright.customers.models import Representative
from putright.submissions.models import PublicSubmission
from tests.portal.public.walk import url, walk

pytestmark = pytest.mark.django_db


def test_a_resident_complains_and_sees_the_real_dates(client, great, answers):
    walk(client, "great", answers)
    check = client.get(url("great", "check"))
    assert check.status_code == 200
    page = check.content.decode()
    assert "The lift has been broken for three weeks." in page
    assert "3 March 2026" in page
    assert 'Change<span class="govuk-visually-hidden"> what happened' in page

    response = client.post(url("great", "check"))
    submission = PublicSubmission.objects.get()
    assert response["Location"] == f"/feedback/great/sent/{submission.reference}/"
    assert submission.status == PublicSubmission.Status.PROCESSED
    case = submission.case
    assert case.kind == "complaint" and case.channel == "web"
    assert case.customer.email == "sam@example.test"
    assert "Large print" in case.description
    stage = case.stages.get(number=1)

    sent = client.get(response["Location"]).content.decode()
    assert case.reference in sent
    assert stage.acknowledge_by.strftime("%-d %B %Y") in sent
    assert stage.respond_by.strftime("%-d %B %Y") in sent
    assert "Housing Ombudsman" in sent


def test_an_existing_customer_is_matched_by_email(client, great, answers):
    answers["contact"]["email"] = "ALEX@example.test"
    walk(client, "great", answers)
    client.post(url("great", "check"))
    assert PublicSubmission.objects.get().case.customer == great.customer


def test_a_first_report_of_a_repair_becomes_a_service_request(client, great, answers):
    answers["kind"] = {"kind": "repair"}
    answers["repair"] = {"repair_reported": "new"}
    walk(client, "great", answers)
    assert "Reporting it for the first time" in client.get(url("great", "check")).content.decode()
    sent = client.get(client.post(url("great", "check"))["Location"]).content.decode()
    case = Case.objects.get()
    assert case.kind == "service_request"
    assert "logged this as a repair request, not a complaint" in sent
    assert "What you would like to happen" not in case.description  # the outcome page is not asked


def test_unhappy_with_a_repair_already_reported_is_a_complaint(client, great, answers):
    answers["kind"] = {"kind": "repair"}
    answers["repair"] = {"repair_reported": "already"}
    walk(client, "great", answers)
    client.post(url("great", "check"))
    assert Case.objects.get().kind == "complaint"


def test_a_compliment_skips_the_dates_and_outcome(client, great, answers):
    answers["kind"] = {"kind": "compliment"}
    del answers["dates"], answers["outcome"]
    walk(client, "great", answers)
    client.post(url("great", "check"))
    case = Case.objects.get()
    assert case.kind == "compliment" and case.issue_date is None


def test_a_representative_with_a_consent_form_request(client, great, answers):
    answers["who"] = {"who": "representative"}
    answers["representative"] = {
        "relationship": "Daughter",
        "person_name": "June Taylor",
        "person_type": "resident",
        "person_email": "june@example.test",
        "authority": "consent_form",
    }
    walk(client, "great", answers)
    page = client.get(url("great", "check")).content.decode()
    assert "June Taylor" in page and "Send them a consent form to sign" in page
    client.post(url("great", "check"))
    case = Case.objects.get()
    assert case.customer.name == "June Taylor"
    representative = Representative.objects.get()
    assert case.representative == representative
    assert representative.name == "Sam Taylor" and representative.relationship == "Daughter"
    assert representative.authority == Representative.Authority.REQUESTED


def test_a_representative_uploads_their_permission(client, great, answers, pdf):
    answers["who"] = {"who": "representative"}
    answers["representative"] = {
        "relationship": "Son",
        "person_name": "June Taylor",
        "person_type": "leaseholder",
        "authority": "evidence",
        "authority_file": pdf("permission.pdf"),
    }
    walk(client, "great", answers)
    client.post(url("great", "check"))
    submission = PublicSubmission.objects.get()
    assert [f.purpose for f in submission.files.all()] == ["authority"]
    assert "permission.pdf" in Representative.objects.get().evidence
    assert submission.case.customer.type == "leaseholder"


def test_files_are_kept_across_pages_and_attached_to_the_case(client, great, answers, pdf):
    client.get(url("great"))
    for step in ("who", "kind", "details", "dates", "outcome", "adjustments", "contact"):
        client.post(url("great", step), answers[step])
    assert (
        client.post(url("great", "attachments"), {"action": "upload", "file": pdf("damp.pdf")}).status_code
        == 302
    )
    page = client.get(url("great", "attachments")).content.decode()
    assert "damp.pdf" in page
    client.get(url("great", "who") + "?change=1")  # going back and forth keeps the file
    client.post(url("great", "attachments"), {"action": "continue"})
    assert "damp.pdf" in client.get(url("great", "check")).content.decode()
    client.post(url("great", "check"))
    case = Case.objects.get()
    assert [a.original_name for a in case.attachments.all()] == ["damp.pdf"]


def test_a_file_can_be_removed_before_sending(client, great, answers, pdf):
    client.get(url("great"))
    for step in ("who", "kind", "details", "dates", "outcome", "adjustments", "contact"):
        client.post(url("great", step), answers[step])
    client.post(url("great", "attachments"), {"action": "upload", "file": pdf("one.pdf")})
    client.post(url("great", "attachments"), {"action": "remove-0"})
    assert "one.pdf" not in client.get(url("great", "attachments")).content.decode()


def test_change_links_come_back_to_check_your_answers(client, great, answers):
    walk(client, "great", answers)
    response = client.post(url("great", "details") + "?change=1", {"what_happened": "Changed my mind."})
    assert response["Location"] == url("great", "check")
    assert "Changed my mind." in client.get(url("great", "check")).content.decode()


def test_changing_to_a_representative_asks_the_new_page_first(client, great, answers):
    walk(client, "great", answers)
    response = client.post(url("great", "who") + "?change=1", {"who": "representative"})
    assert response["Location"] == url("great", "representative") + "?change=1"
    assert client.get(url("great", "check"))["Location"] == url("great", "representative")


def test_back_links(client, great, answers):
    client.post(url("great", "who"), answers["who"])
    page = client.get(url("great", "kind")).content.decode()
    assert f'href="{url("great", "who")}" class="govuk-back-link"' in page
    assert (
        'href="/feedback/great/" class="govuk-back-link"' in client.get(url("great", "who")).content.decode()
    )


def test_skipping_ahead_is_sent_to_the_first_unanswered_page(client, great):
    assert client.get(url("great", "check"))["Location"] == url("great", "who")


def test_an_unknown_landlord_or_page_is_not_found(client, great):
    assert client.get("/feedback/nobody/").status_code == 404
    assert client.get(url("nobody", "who")).status_code == 404
    assert client.get(url("great", "nonsense")).status_code == 404


def test_the_confirmation_only_shows_in_the_browser_that_sent_it(client, great, brighter, answers):
    walk(client, "great", answers)
    location = client.post(url("great", "check"))["Location"]
    reference = location.rstrip("/").split("/")[-1]
    from django.test import Client

    assert Client().get(location).status_code == 404  # a guessed reference
    assert client.get(f"/feedback/brighter/sent/{reference}/").status_code == 404  # another landlord


def test_the_form_is_cleared_after_sending(client, great, answers):
    walk(client, "great", answers)
    client.post(url("great", "check"))
    assert client.get(url("great"))["Location"] == url("great", "who")
