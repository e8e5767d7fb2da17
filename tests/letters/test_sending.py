"""Issuing and delivering letters: recipients from the customer's record, at most once, retries, failures,
the print queue, template versions and their required sections."""

from datetime import date
from unittest import mock

import pytest
from django.core import mail

from putright.accounts.models import Role
from putright.cases import services
from putright.customers import services as customer_services
from putright.customers.models import Representative
from putright.domain.letters import LetterKind
from putright.domain.lifecycle import Kind
from putright.letters import delivery as delivery_module
from putright.letters.delivery import delivery_attempt, delivery_mark_printed, delivery_resend, letter_pdf
from putright.letters.models import Delivery, Letter, LetterTemplate
from putright.letters.services import LetterIncompleteError, letter_template_preview, letter_template_save
from tests.factories import at, make_staff

D = date.fromisoformat
DEFINITION = [{"point": "The repair took six weeks", "outcome_sought": "An apology"}]


@pytest.fixture
def today(monkeypatch):
    """Fix 'today' so that letters dated today are sent, and earlier ones recorded."""
    from django.utils import timezone

    fixed = at("2026-11-23", "09:00")
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    return fixed.date()


def acknowledged(org, today, **customer):
    for field, value in customer.items():
        setattr(org.customer, field, value)
    org.customer.save()
    case = services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-19"),
        customer=org.customer,
        summary="Repair late",
        description="Six weeks",
    )
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=today,
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    return case


def test_acknowledging_sends_the_acknowledgement_by_email_on_the_day(great, today):
    case = acknowledged(great, today)
    letter = Letter.objects.get(case=case)
    assert (letter.kind, letter.sent_on, letter.status) == ("stage1_acknowledgement", today, "sending")
    delivery = letter.deliveries.get()
    assert (delivery.channel, delivery.address) == ("email", "alex@example.test")
    assert delivery_attempt(delivery.pk) == "sent"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alex@example.test"]
    assert "0300 111 3000" in mail.outbox[0].body  # the Ombudsman's phone, in the plain-text part
    letter.refresh_from_db()
    assert letter.status == "sent"


def test_a_delivery_is_never_sent_twice(great, today):
    delivery = Letter.objects.get(case=acknowledged(great, today)).deliveries.get()
    delivery_attempt(delivery.pk)
    assert delivery_attempt(delivery.pk) == "sent"
    assert len(mail.outbox) == 1


def test_a_failed_send_retries_with_backoff_then_fails_and_can_be_resent(great, today):
    delivery = Letter.objects.get(case=acknowledged(great, today)).deliveries.get()
    with mock.patch.object(delivery_module, "_send_email", side_effect=OSError("SMTP refused")):
        assert delivery_attempt(delivery.pk) == "retrying"
        delivery.refresh_from_db()
        assert delivery.next_attempt_at > at("2026-11-23", "09:00") and "SMTP refused" in delivery.last_error
        for _ in range(delivery_module.MAX_ATTEMPTS - 1):
            delivery_attempt(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", delivery_module.MAX_ATTEMPTS)
    assert delivery.letter.status == "failed"
    delivery_resend(landlord=great.landlord, actor=great.officer, delivery_id=delivery.pk)
    assert delivery_attempt(delivery.pk) == "sent"


def test_a_delivery_left_mid_send_becomes_uncertain_not_resent(great, today):
    delivery = Letter.objects.get(case=acknowledged(great, today)).deliveries.get()
    Delivery.objects.filter(pk=delivery.pk).update(status="sending")
    Delivery.objects.filter(pk=delivery.pk).update(updated_at=at("2026-11-23", "08:00"))
    assert delivery_module.deliveries_mark_uncertain() == 1
    assert delivery_attempt(delivery.pk) == "uncertain"
    assert mail.outbox == []


def test_post_goes_to_the_print_queue_as_a_pdf(great, today):
    case = acknowledged(
        great, today, email="", letters_by="post", address="1 High Street, Leeds", postcode="LS1 1AA"
    )
    delivery = Letter.objects.get(case=case).deliveries.get()
    assert delivery.channel == "post"
    assert delivery_attempt(delivery.pk) == "to_print"
    assert bytes(Letter.objects.get(case=case).pdf).startswith(b"%PDF")
    delivery_mark_printed(landlord=great.landlord, actor=great.officer, delivery_id=delivery.pk)
    assert Letter.objects.get(case=case).status == "sent"


def test_email_and_post_when_the_customer_asks_for_both(great, today):
    case = acknowledged(great, today, letters_by="both", address="1 High Street", postcode="LS1 1AA")
    assert sorted(Letter.objects.get(case=case).deliveries.values_list("channel", flat=True)) == [
        "email",
        "post",
    ]


def test_an_authorised_representative_gets_a_copy_or_the_letter_instead(great, today):
    representative = customer_services.representative_add(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
        email="jo@example.test",
    )
    customer_services.representative_set_authority(
        landlord=great.landlord,
        actor=great.officer,
        representative_id=representative.pk,
        authority="given",
        evidence="Signed consent",
    )
    case = acknowledged(great, today)
    to = sorted(Letter.objects.get(case=case).deliveries.values_list("address", flat=True))
    assert to == ["alex@example.test", "jo@example.test"]
    Representative.objects.filter(pk=representative.pk).update(correspondence="instead")
    case2 = acknowledged(great, today)
    letter = Letter.objects.get(case=case2)
    assert list(letter.deliveries.values_list("address", flat=True)) == ["jo@example.test"]
    assert "Dear Jo Morgan" in letter.text


def test_large_print_when_the_customer_needs_it(great, today):
    customer_services.adjustment_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        type="large_print",
        details="18pt",
        agreed_on=D("2026-01-10"),
    )
    case = acknowledged(great, today)
    letter = Letter.objects.get(case=case)
    assert letter.large_print
    delivery_attempt(letter.deliveries.get().pk)
    assert mail.outbox[0].attachments and mail.outbox[0].attachments[0][2] == "application/pdf"


def test_a_step_dated_earlier_records_the_letter_without_sending_it(great, today):
    case = services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-02"),
        customer=great.customer,
        summary="x",
        description="y",
    )
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-11-04"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    letter = Letter.objects.get(case=case)
    assert (letter.status, letter.sent_on) == ("recorded", D("2026-11-04"))
    assert not letter.deliveries.exists()


def test_a_customer_with_no_address_does_not_hold_up_the_acknowledgement(great, today):
    case = acknowledged(great, today, email="", address="", postcode="")
    letter = Letter.objects.get(case=case)
    assert letter.status == "failed" and "no email address or postal address" in letter.problem
    case.refresh_from_db()
    assert case.status == "stage1_investigating"


def test_a_template_missing_a_required_section_cannot_be_saved(great, today):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    with pytest.raises(LetterIncompleteError, match="missing 1 required section: ombudsman"):
        letter_template_save(
            landlord=great.landlord,
            actor=admin,
            kind=LetterKind.EXTENSION_NOTICE,
            subject="Extension",
            body='<p>Sorry.</p>{% section "extension" %}',
        )
    saved = letter_template_save(
        landlord=great.landlord,
        actor=admin,
        kind=LetterKind.EXTENSION_NOTICE,
        subject="More time: {{ case.reference }}",
        body='<p>Dear {{ recipient.name }}</p>{% section "extension" %}{% section "ombudsman" %}',
    )
    assert saved.version == 2  # the default is version 1


def test_a_sent_letter_keeps_the_template_version_it_used(great, today):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    case = acknowledged(great, today)
    first = Letter.objects.get(case=case)
    body = first.template.body.replace("Dear", "Hello")
    letter_template_save(
        landlord=great.landlord,
        actor=admin,
        kind=LetterKind.STAGE1_ACKNOWLEDGEMENT,
        subject=first.template.subject,
        body=body,
    )
    first.refresh_from_db()
    assert first.template.version == 1
    assert LetterTemplate.objects.filter(landlord=great.landlord, kind="stage1_acknowledgement").count() == 2


def test_live_preview_renders_an_unsaved_template_for_a_real_case(great, today):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    case = acknowledged(great, today)
    preview = letter_template_preview(
        landlord=great.landlord,
        actor=admin,
        kind=LetterKind.EXTENSION_NOTICE,
        case=case,
        subject="More time",
        body='<p>Dear {{ recipient.name }}</p>{% section "extension" %}{% section "ombudsman" %}',
    )
    assert "Dear Alex Morgan" in preview.body_html and "Housing Ombudsman" in preview.text
    assert Letter.objects.filter(case=case).count() == 1  # nothing new stored or sent


def test_template_syntax_errors_are_named(great, today):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    with pytest.raises(Exception, match="the template has an error"):
        letter_template_save(
            landlord=great.landlord,
            actor=admin,
            kind=LetterKind.EXTENSION_NOTICE,
            subject="x",
            body='{% section "extension" %}{% if %}',
        )


def test_pdf_letter_has_the_reference_and_the_ombudsman(great, today):
    from io import BytesIO

    from pypdf import PdfReader

    case = acknowledged(great, today)
    text = "".join(
        p.extract_text() for p in PdfReader(BytesIO(letter_pdf(Letter.objects.get(case=case)))).pages
    )
    assert case.reference in text and "0300 111 3000" in text


def test_a_delivery_whose_task_was_lost_is_enqueued_again_and_sent_once(great, today, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    delivery = Letter.objects.get(case=acknowledged(great, today)).deliveries.get()
    Delivery.objects.filter(pk=delivery.pk).update(updated_at=at("2026-11-23", "08:00"))
    assert delivery_module.deliveries_recover() == (0, 1)
    delivery.refresh_from_db()
    assert delivery.status == "sent" and len(mail.outbox) == 1
    assert delivery_module.deliveries_recover() == (0, 0)
