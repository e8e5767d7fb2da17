"""The staff triage list, /landlords/<slug>/triage/: who may see it, and what it shows."""

import pytest
from django.urls import reverse

from putright.cases.models import Case
from putright.triage.models import InboundAttachment
from putright.triage.services import email_ingest

from .conftest import MAILBOX, corpus


def url(slug="brighter", **query):
    base = reverse("backoffice:triage", args=[slug])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def take_in(org, *names):
    return [email_ingest(landlord=org.landlord, mailbox=MAILBOX, raw=corpus(name)) for name in names]


def test_anonymous_people_are_sent_to_sign_in(client, brighter):
    response = client.get(url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("backoffice:sign-in"))


@pytest.mark.parametrize("role", ["officer", "manager", "director", "housing", "colleague"])
def test_people_who_log_feedback_may_see_it(client, brighter, role):
    client.force_login(getattr(brighter, role))
    assert client.get(url()).status_code == 200


@pytest.mark.parametrize("role", ["board"])
def test_read_only_roles_are_refused(client, brighter, role):
    client.force_login(getattr(brighter, role))
    assert client.get(url()).status_code == 403


def test_another_landlords_page_is_not_found(client, brighter, great):
    client.force_login(great.officer)
    assert client.get(url("brighter")).status_code == 404
    assert client.get(url("no-such-landlord")).status_code == 404


def test_an_unknown_status_is_not_found(client, brighter):
    client.force_login(brighter.officer)
    assert client.get(url(status="deleted")).status_code == 404


def test_lists_the_landlords_email_awaiting_triage_with_counts_by_status(client, brighter, great):
    take_in(brighter, "plain.eml", "html-with-script.eml", "auto-reply.eml", "dsn-bounce.eml")
    take_in(great, "encoded-headers.eml")
    client.force_login(brighter.officer)
    response = client.get(url())
    page = response.content.decode()
    assert "2 emails awaiting triage" in page
    assert "Broken boiler since Friday" in page and "Damp in the bedroom" in page
    assert "Customer: Alex Morgan" in page
    assert "Repairs" not in page  # another landlord's email
    assert "Awaiting triage (2)" in page and "Ignored (2)" in page and "Rejected (0)" in page
    assert "<script>" not in page.split("<main", 1)[1].split("</main>")[0]


def test_ignored_email_shows_why(client, brighter):
    take_in(brighter, "auto-reply.eml", "dsn-bounce.eml")
    client.force_login(brighter.officer)
    page = client.get(url(status="ignored")).content.decode()
    assert "Auto-reply: Auto-Submitted: auto-replied" in page
    assert "Bounce: it is a delivery status report (multipart/report)" in page


def test_a_joined_case_is_linked_and_hidden_with_the_case_from_those_who_may_not_see_it(
    client, brighter, brighter_case
):
    take_in(brighter, "reply-with-case-reference.eml")
    client.force_login(brighter.colleague)
    page = client.get(url(status="joined_case")).content.decode()
    assert f'href="/landlords/brighter/cases/{brighter_case.reference}/"' in page
    assert "Joined a case (1)" in page
    Case.objects.filter(pk=brighter_case.pk).update(about_colleague=True)  # a complaint about a colleague
    page = client.get(url(status="joined_case")).content.decode()
    assert brighter_case.reference not in page
    assert "Joined a case (0)" in page and "No email joined a case" in page
    client.force_login(brighter.officer)  # the feedback team sees complaints about colleagues
    assert brighter_case.reference in client.get(url(status="joined_case")).content.decode()


def test_text_from_email_is_escaped_never_rendered(client, brighter):
    raw = corpus("plain.eml").replace(b"Broken boiler since Friday", b"<img src=x onerror=alert(1)>")
    take_in_raw = email_ingest(landlord=brighter.landlord, mailbox=MAILBOX, raw=raw)
    assert take_in_raw.subject == "<img src=x onerror=alert(1)>"
    client.force_login(brighter.officer)
    page = client.get(url()).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page


def test_rejected_email_shows_the_reason(client, brighter):
    email_ingest(landlord=brighter.landlord, mailbox=MAILBOX, raw=b"")
    client.force_login(brighter.officer)
    page = client.get(url(status="rejected")).content.decode()
    assert "1 email rejected" in page and "The message is empty" in page


def test_attachments_are_listed_with_type_and_size_and_refusals(client, brighter, settings):
    settings.PUTRIGHT_EMAIL_ATTACHMENT_MAX_BYTES = 50
    take_in(brighter, "forwarded-chain.eml", "inline-image.eml")
    client.force_login(brighter.officer)
    page = client.get(url()).content.decode()
    assert 'Leaking_roof.eml <span class="govuk-body-s">(message/rfc822, ' in page
    forwarded = InboundAttachment.objects.get(original_name="Leaking_roof.eml")
    assert f"Not kept: it is {forwarded.size:,} bytes, over the 50 bytes limit" in page
    assert 'image001.png <span class="govuk-body-s">(image/png, 70\xa0bytes, in the text)' in page
    settings.PUTRIGHT_EMAIL_ATTACHMENT_MAX_BYTES = 100
    take_in(brighter, "winmail-dat.eml")
    page = client.get(url()).content.decode()
    assert page.count("Not kept") == 2  # the winmail.dat of 100 bytes is kept


def test_the_number_of_queries_does_not_grow_with_the_email(client, brighter, django_assert_max_num_queries):
    client.force_login(brighter.officer)
    take_in(brighter, "plain.eml")
    with django_assert_max_num_queries(13) as few:  # with the header's unread-notification count
        client.get(url())
    take_in(
        brighter, "forwarded-chain.eml", "inline-image.eml", "winmail-dat.eml", "multipart-alternative.eml"
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url())
