"""The resident portal's pages: sign-in, your cases, a case, its letters, stage 2 and withdrawal."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from putright.cases.models import Case, Stage, TimelineEvent
from putright.customers.models import Restriction
from putright.residents.models import SignInLink
from tests.residents.conftest import acknowledge, log_complaint, responded

pytestmark = pytest.mark.django_db


def url(name, org, *args):
    return reverse(f"portal:{name}", args=[org.landlord.slug, *args])


def test_sign_in_answers_the_same_for_known_and_unknown_addresses(
    client, brighter, django_capture_on_commit_callbacks
):
    answers = []
    for email in ("alex@example.test", "nobody@example.test"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("sign-in", brighter), {"email": email})
        assert response.status_code == 302
        answers.append(client.get(response["Location"]).content)
    assert answers[0] == answers[1]
    assert b"If we hold that address" in answers[0]
    assert len(mail.outbox) == 1


def test_an_invalid_address_is_shown_again_with_an_error(client, brighter):
    response = client.post(url("sign-in", brighter), {"email": "not an address"})
    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content and b'value="not an address"' in response.content
    assert not SignInLink.objects.exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("   ", "Enter your email address"),
        ("not an address", "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_sign_in_says_enter_your_email_when_empty_and_the_format_only_when_malformed(
    client, brighter, email, message
):
    page = client.post(url("sign-in", brighter), {"email": email}).content.decode()
    assert page.count(message) == 2  # the error summary and the field
    other = "correct format" if message == "Enter your email address" else "Enter your email address"
    assert other not in page
    assert not SignInLink.objects.exists()


def test_too_many_requests_get_a_polite_page(client, brighter):
    for _ in range(3):
        client.post(url("sign-in", brighter), {"email": "alex@example.test"})
    assert client.post(url("sign-in", brighter), {"email": "alex@example.test"}).status_code == 429


def test_the_emailed_link_signs_in_once_and_sign_out_ends_it(
    client, brighter, complaint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("sign-in", brighter), {"email": "alex@example.test"})
    path = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    assert client.get(path).status_code == 200  # opening it (as a mail scanner would) does not use it
    assert client.post(path)["Location"] == url("my-cases", brighter)
    page = client.get(url("my-cases", brighter))
    assert complaint.reference.encode() in page.content
    assert "_auth_user_id" not in client.session  # never a staff sign-in
    assert client.post(path).status_code == 404
    client.post(url("sign-out", brighter))
    assert client.get(url("my-cases", brighter))["Location"] == url("sign-in", brighter)


@pytest.mark.parametrize("name", ["my-cases"])
def test_anonymous_is_sent_to_sign_in(client, brighter, name):
    assert client.get(url(name, brighter))["Location"] == url("sign-in", brighter)


def test_anonymous_cannot_reach_a_case(client, brighter, complaint):
    assert client.get(url("my-case", brighter, complaint.reference))["Location"] == url("sign-in", brighter)


def test_the_case_page_shows_status_and_letters_but_never_internal_notes(sign_in_as, brighter, complaint):
    letter = acknowledge(brighter, complaint)
    TimelineEvent.objects.create(
        landlord=brighter.landlord,
        case=complaint,
        at=complaint.received_at,
        kind="note",
        summary="INTERNAL colleague remark",
    )
    page = sign_in_as(brighter).get(url("my-case", brighter, complaint.reference))
    assert page.status_code == 200
    assert b"INTERNAL" not in page.content
    assert letter.subject.encode() in page.content
    pdf = sign_in_as(brighter).get(url("my-letter", brighter, complaint.reference, letter.pk))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_another_customers_case_and_letter_are_not_found(sign_in_as, brighter, complaint, other_customer):
    theirs = log_complaint(brighter, customer=other_customer)
    their_letter = acknowledge(brighter, theirs)
    mine = acknowledge(brighter, complaint)
    client = sign_in_as(brighter)
    assert client.get(url("my-case", brighter, theirs.reference)).status_code == 404
    assert client.get(url("my-letter", brighter, theirs.reference, their_letter.pk)).status_code == 404
    assert client.get(url("my-letter", brighter, complaint.reference, their_letter.pk)).status_code == 404
    assert client.get(url("my-letter", brighter, complaint.reference, mine.pk)).status_code == 200
    assert (
        client.post(url("my-case-withdraw", brighter, theirs.reference), {"confirm": "yes"}).status_code
        == 404
    )


def test_another_landlords_case_is_not_found(sign_in_as, brighter, great, complaint):
    theirs = log_complaint(great)
    assert sign_in_as(brighter).get(url("my-case", brighter, theirs.reference)).status_code == 404
    assert sign_in_as(brighter).get(url("my-case", great, complaint.reference))["Location"] == url(
        "sign-in", great
    )


def test_a_representative_sees_the_case_they_act_on(sign_in_as, brighter, representative):
    acted_on = log_complaint(brighter, representative=representative)
    other = log_complaint(brighter, summary="Noise")
    client = sign_in_as(brighter, "jo@example.test")
    assert acted_on.reference.encode() in client.get(url("my-cases", brighter)).content
    assert client.get(url("my-case", brighter, other.reference)).status_code == 404


def test_asking_for_stage_2_needs_no_reason(sign_in_as, brighter, complaint):
    acknowledge(brighter, complaint)
    responded(complaint)
    client = sign_in_as(brighter)
    assert b"Ask for stage 2" in client.get(url("my-case", brighter, complaint.reference)).content
    response = client.post(url("my-case-escalate", brighter, complaint.reference), {"reason": ""})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.status, complaint.stage) == ("stage2_requested", 2)
    assert Stage.objects.filter(case=complaint, number=2).exists()
    assert TimelineEvent.objects.filter(case=complaint, kind="escalation_requested").exists()


def test_stage_2_cannot_be_asked_for_before_the_stage_1_response(sign_in_as, brighter, complaint):
    client = sign_in_as(brighter)
    client.post(url("my-case-escalate", brighter, complaint.reference))
    complaint.refresh_from_db()
    assert complaint.status == "stage1_received"


def test_withdrawing_needs_confirmation_and_keeps_what_was_typed(sign_in_as, brighter, complaint):
    client = sign_in_as(brighter)
    response = client.post(url("my-case-withdraw", brighter, complaint.reference), {"reason": "Fixed now"})
    assert response.status_code == 400 and b"Fixed now" in response.content
    assert Case.objects.get(pk=complaint.pk).status == "stage1_received"
    client.post(
        url("my-case-withdraw", brighter, complaint.reference), {"reason": "Fixed now", "confirm": "yes"}
    )
    assert Case.objects.get(pk=complaint.pk).status == "withdrawn"
    assert "Fixed now" in TimelineEvent.objects.get(case=complaint, kind="withdrawn").summary


def test_a_restriction_is_explained_and_a_new_complaint_is_still_offered(sign_in_as, brighter, complaint):
    Restriction.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type="single_point",
        reason="Repeated calls",
        how_to_contact="by email only, through Jo Bloggs",
        understanding_sought="",
        starts_on="2026-04-01",
        review_by="2026-10-01",
        decided_by=brighter.housing,
    )
    page = sign_in_as(brighter).get(url("my-cases", brighter)).content.decode()
    assert "by email only, through Jo Bloggs" in page
    assert "Repeated calls" not in page
    assert reverse("portal:start", args=[brighter.landlord.slug]) in page


def test_adding_information_and_a_file_reaches_the_case_as_from_the_customer(
    sign_in_as, brighter, complaint, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client = sign_in_as(brighter)
    photo = SimpleUploadedFile("damp.pdf", b"%PDF-1.4\n% evidence\n", content_type="application/pdf")
    response = client.post(
        url("my-case-add", brighter, complaint.reference), {"text": "It got worse", "file": photo}
    )
    assert response.status_code == 302
    assert complaint.notes.get().text.endswith("It got worse")
    assert complaint.attachments.get().original_name == "damp.pdf"
    page = client.get(url("my-case", brighter, complaint.reference)).content
    assert b"It got worse" in page and b"damp.pdf" in page


def test_a_wrong_file_type_changes_nothing_and_keeps_the_text(
    sign_in_as, brighter, complaint, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    bad = SimpleUploadedFile("run.exe", b"MZ\x90\x00binary", content_type="application/octet-stream")
    response = sign_in_as(brighter).post(
        url("my-case-add", brighter, complaint.reference), {"text": "See file", "file": bad}
    )
    assert response.status_code == 400 and b"See file" in response.content
    assert not complaint.notes.exists() and not complaint.attachments.exists()


def test_staff_notes_are_not_shown_as_the_customers(sign_in_as, brighter, complaint):
    from putright.cases.services.notes import case_note_add

    case_note_add(
        landlord=brighter.landlord, actor=brighter.officer, case_id=complaint.pk, text="Staff only remark"
    )
    assert (
        b"Staff only remark"
        not in sign_in_as(brighter).get(url("my-case", brighter, complaint.reference)).content
    )


def test_nothing_can_be_added_to_a_closed_case(sign_in_as, brighter, complaint):
    Case.objects.filter(pk=complaint.pk).update(status="withdrawn")
    response = sign_in_as(brighter).post(url("my-case-add", brighter, complaint.reference), {"text": "More"})
    assert response.status_code == 302 and not complaint.notes.exists()
