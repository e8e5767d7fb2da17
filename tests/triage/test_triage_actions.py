"""An email's page in triage and what staff do with it: log it as feedback, add it to a case, set it aside."""

from email.message import EmailMessage

import pytest
from django.urls import reverse

from putright.accounts.models import AdministrationEvent
from putright.cases.models import Case, CaseAttachment, TimelineEvent
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind
from putright.triage.models import InboundMessage
from putright.triage.services import (
    email_ingest,
    inbound_message_ignore,
    inbound_message_join,
    inbound_message_log,
)

from .conftest import MAILBOX

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def email(org, *, sender="alex@example.test", subject="Mould in the bathroom", attach=True) -> InboundMessage:
    message = EmailMessage()
    message["From"] = f"Alex Morgan <{sender}>"
    message["To"] = MAILBOX
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Nov 2026 09:30:00 +0000"
    message["Message-ID"] = f"<{subject.replace(' ', '.')}.{sender}@example.test>"
    message.set_content("There is <b>mould</b> again.\n<script>alert(1)</script>")
    if attach:
        message.add_attachment(PNG, maintype="image", subtype="png", filename="mould.png")
        message.add_attachment(b"\x00\x01", maintype="application", subtype="ms-tnef", filename="winmail.dat")
    return email_ingest(landlord=org.landlord, mailbox=MAILBOX, raw=message.as_bytes())


@pytest.fixture
def matched(brighter):
    brighter.customer.email = "alex@example.test"
    brighter.customer.save(update_fields=["email"])
    return email(brighter)


def page(slug, message, action=""):
    return reverse("backoffice:triage-message", args=[slug, message.pk]) + (f"{action}/" if action else "")


# --- services ---------------------------------------------------------------------------------------------


def test_logging_makes_a_case_for_the_customer_with_the_email_and_copies_its_files(brighter, matched):
    message, case = inbound_message_log(
        landlord=brighter.landlord, actor=brighter.officer, message_id=matched.pk, kind=Kind.COMPLAINT
    )
    assert case.customer == brighter.customer and case.channel == "email"
    assert case.summary == "Mould in the bathroom" and "mould" in case.description
    assert case.received_at == matched.sent_at
    assert [a.original_name for a in CaseAttachment.objects.filter(case=case)] == ["mould.png"]
    assert message.status == InboundMessage.Status.JOINED_CASE and message.case == case
    event = TimelineEvent.objects.get(case=case, kind="email_received")
    assert "winmail.dat" in event.summary and event.actor == brighter.officer


def test_an_unmatched_email_cannot_be_logged_directly(brighter):
    message = email(brighter, sender="stranger@example.test")
    with pytest.raises(InvalidInputError, match="not matched"):
        inbound_message_log(
            landlord=brighter.landlord, actor=brighter.officer, message_id=message.pk, kind=Kind.COMPLAINT
        )
    assert not Case.objects.exists()


def test_joining_adds_the_email_to_the_case_timeline(brighter, brighter_case, matched):
    joined = inbound_message_join(
        landlord=brighter.landlord,
        actor=brighter.officer,
        message_id=matched.pk,
        reference=" bp-2026-000042 ",
    )
    assert joined.case == brighter_case and joined.status == InboundMessage.Status.JOINED_CASE
    assert TimelineEvent.objects.filter(
        case=brighter_case, kind="email_received", actor=brighter.officer
    ).exists()


def test_joining_another_landlords_case_is_refused(brighter, great_case, matched):
    with pytest.raises(InvalidInputError, match="no case GP-2026-000007"):
        inbound_message_join(
            landlord=brighter.landlord,
            actor=brighter.officer,
            message_id=matched.pk,
            reference="GP-2026-000007",
        )
    matched.refresh_from_db()
    assert matched.status == InboundMessage.Status.AWAITING_TRIAGE


def test_ignoring_needs_a_reason_and_is_audited(brighter, matched):
    with pytest.raises(InvalidInputError, match="Enter why"):
        inbound_message_ignore(
            landlord=brighter.landlord, actor=brighter.officer, message_id=matched.pk, reason="  "
        )
    inbound_message_ignore(
        landlord=brighter.landlord, actor=brighter.officer, message_id=matched.pk, reason="Spam"
    )
    matched.refresh_from_db()
    assert matched.status == InboundMessage.Status.IGNORED and matched.reason == "Spam"
    audit = AdministrationEvent.objects.get(landlord=brighter.landlord, kind="email_ignored")
    assert audit.actor == brighter.officer and "Spam" in audit.summary


def test_an_email_already_triaged_cannot_be_triaged_again(brighter, matched):
    inbound_message_ignore(
        landlord=brighter.landlord, actor=brighter.officer, message_id=matched.pk, reason="Spam"
    )
    with pytest.raises(InvalidInputError, match="already ignored"):
        inbound_message_log(
            landlord=brighter.landlord, actor=brighter.officer, message_id=matched.pk, kind=Kind.COMPLAINT
        )


def test_another_landlords_email_is_not_found_and_read_only_roles_are_refused(brighter, great, matched):
    with pytest.raises(NotFoundError):
        inbound_message_ignore(
            landlord=great.landlord, actor=great.officer, message_id=matched.pk, reason="x"
        )
    with pytest.raises(NotPermittedError):
        inbound_message_ignore(
            landlord=brighter.landlord, actor=brighter.board, message_id=matched.pk, reason="x"
        )


# --- pages ------------------------------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, brighter, matched):
    attachment = matched.attachments.get(original_name="mould.png")
    urls = [
        page("brighter", matched),
        reverse("backoffice:triage-attachment", args=["brighter", matched.pk, attachment.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("backoffice:sign-in"))
    for action in ("log", "join", "ignore"):
        response = client.post(page("brighter", matched, action), {"reason": "x"})
        assert response.status_code == 302 and response.url.startswith(reverse("backoffice:sign-in"))
    matched.refresh_from_db()
    assert matched.status == InboundMessage.Status.AWAITING_TRIAGE


@pytest.mark.parametrize("role", ["officer", "manager", "housing"])
def test_people_who_log_feedback_see_the_page_and_download_attachments(client, brighter, matched, role):
    client.force_login(getattr(brighter, role))
    body = client.get(page("brighter", matched)).content.decode()
    assert "Mould in the bathroom" in body and "Alex Morgan" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)" not in body
    attachment = matched.attachments.get(original_name="mould.png")
    response = client.get(
        reverse("backoffice:triage-attachment", args=["brighter", matched.pk, attachment.pk])
    )
    assert response.status_code == 200
    assert (
        response["Content-Disposition"].startswith("attachment")
        and b"".join(response.streaming_content) == PNG
    )


def test_read_only_roles_are_refused_every_page_and_post(client, brighter, matched):
    client.force_login(brighter.board)
    assert client.get(page("brighter", matched)).status_code == 403
    for action in ("log", "join", "ignore"):
        assert (
            client.post(page("brighter", matched, action), {"reason": "x", "kind": "complaint"}).status_code
            == 403
        )
    matched.refresh_from_db()
    assert matched.status == InboundMessage.Status.AWAITING_TRIAGE


def test_another_landlords_email_and_attachment_are_not_found(client, brighter, great, matched):
    theirs = email(great, subject="Noise")
    attachment = theirs.attachments.get(original_name="mould.png")
    client.force_login(brighter.officer)
    assert client.get(page("brighter", theirs)).status_code == 404
    assert (
        client.get(
            reverse("backoffice:triage-attachment", args=["brighter", theirs.pk, attachment.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("backoffice:triage-attachment", args=["brighter", matched.pk, attachment.pk])
        ).status_code
        == 404
    )
    for action in ("log", "join", "ignore"):
        assert (
            client.post(page("brighter", theirs, action), {"reason": "x", "kind": "complaint"}).status_code
            == 404
        )
    client.force_login(great.officer)
    assert client.get(page("great", matched)).status_code == 404


def test_log_as_feedback_goes_to_the_new_case(client, brighter, matched):
    client.force_login(brighter.officer)
    response = client.post(page("brighter", matched, "log"), {"kind": "complaint"})
    case = Case.objects.get(landlord=brighter.landlord)
    assert response.status_code == 302 and response.url.endswith(f"/cases/{case.reference}/")


def test_log_without_a_kind_shows_the_error_and_changes_nothing(client, brighter, matched):
    client.force_login(brighter.officer)
    response = client.post(page("brighter", matched, "log"), {})
    assert response.status_code == 400
    assert (
        "There is a problem" in response.content.decode()
        and "Select what kind of feedback it is" in response.content.decode()
    )
    assert not Case.objects.exists()


def test_join_with_an_unknown_reference_keeps_what_was_typed(client, brighter, matched):
    client.force_login(brighter.officer)
    response = client.post(page("brighter", matched, "join"), {"reference": "BP-2026-999999"})
    body = response.content.decode()
    assert response.status_code == 400 and "There is no case BP-2026-999999" in body
    assert 'value="BP-2026-999999"' in body


def test_join_then_ignore_through_the_pages(client, brighter, brighter_case, matched):
    client.force_login(brighter.officer)
    response = client.post(page("brighter", matched, "join"), {"reference": "BP-2026-000042"})
    assert response.status_code == 302 and response.url == page("brighter", matched)
    other = email(brighter, subject="Free prizes", attach=False)
    assert client.post(page("brighter", other, "ignore"), {"reason": ""}).status_code == 400
    assert client.post(page("brighter", other, "ignore"), {"reason": "Spam"}).status_code == 302
    other.refresh_from_db()
    assert other.status == InboundMessage.Status.IGNORED
    body = client.get(page("brighter", other)).content.decode()
    assert "Set aside because" in body and "Spam" in body and "Log as feedback" not in body


def test_the_list_opens_each_email_and_points_to_waiting_submissions(client, brighter, matched):
    client.force_login(brighter.officer)
    body = client.get(reverse("backoffice:triage", args=["brighter"])).content.decode()
    assert f'href="{page("brighter", matched)}"' in body
    assert f'href="{reverse("backoffice:submissions", args=["brighter"])}"' in body
