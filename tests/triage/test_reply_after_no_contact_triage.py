"""An email from a customer whose complaint was closed for no contact (Brighter Places 7.ii.e): the triage
page names the closed complaint before staff log it, and the case logged from it says so."""

from putright.domain.lifecycle import Kind
from putright.triage.services import inbound_message_log
from tests.cases.test_reply_after_no_contact import closed_for_no_contact

from .test_triage_actions import email, page


def test_brighter_places_7_ii_e_triage_shows_the_complaint_closed_for_no_contact(client, brighter):
    brighter.customer.email = "alex@example.test"
    brighter.customer.save(update_fields=["email"])
    closed = closed_for_no_contact(brighter)
    message = email(brighter, attach=False)
    client.force_login(brighter.officer)
    text = client.get(page(brighter.landlord.slug, message)).content.decode()
    assert "had a complaint closed because we could not make contact" in text and closed.reference in text
    _, case = inbound_message_log(
        landlord=brighter.landlord, actor=brighter.officer, message_id=message.pk, kind=Kind.COMPLAINT
    )
    assert any(closed.reference in warning for warning in case.warnings)
