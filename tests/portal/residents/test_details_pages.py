"""Your details: contact details and help asked for from the portal, errors keep what was typed, and only
the people the resident may change (their own record, or whom they act for in everything)."""

import pytest
from django.urls import reverse

from putright.customers.models import CustomerEvent, Representative, Restriction
from putright.portal.residents.wording import DETAIL_LABELS
from putright.residents.details import DETAILS_NEEDED

pytestmark = pytest.mark.django_db

CONTACT = {
    "email": "alex@example.test",
    "phone": "07700 900 982",
    "address": "1 Elm Court",
    "postcode": "ls1 1aa",
    "preferred_channel": "phone",
    "letters_by": "email",
}


def url(name, org, *args):
    return reverse(f"portal:{name}", args=[org.landlord.slug, *args])


def test_your_details_shows_the_residents_record_with_links(sign_in_as, brighter):
    page = sign_in_as(brighter).get(url("my-details", brighter))
    assert page.status_code == 200 and b"Alex Morgan" in page.content
    assert url("my-contact", brighter, brighter.customer.pk).encode() in page.content
    assert url("my-adjustments", brighter, brighter.customer.pk).encode() in page.content


def test_contact_details_page_saves_and_audits(sign_in_as, brighter):
    client = sign_in_as(brighter)
    form = client.get(url("my-contact", brighter, brighter.customer.pk))
    assert b'value="alex@example.test"' in form.content
    response = client.post(url("my-contact", brighter, brighter.customer.pk), CONTACT)
    assert response["Location"] == url("my-details", brighter) + "?done=contact"
    brighter.customer.refresh_from_db()
    assert (brighter.customer.phone, brighter.customer.postcode) == ("07700 900 982", "LS1 1AA")
    assert "resident portal" in CustomerEvent.objects.get(kind="contact_details_changed").summary


def test_contact_details_page_error_keeps_what_was_typed(sign_in_as, brighter):
    response = sign_in_as(brighter).post(
        url("my-contact", brighter, brighter.customer.pk), {**CONTACT, "phone": "ring me"}
    )
    assert response.status_code == 400
    assert b'href="#phone"' in response.content and b"Enter a phone number" in response.content
    assert b'value="ring me"' in response.content and b"1 Elm Court" in response.content
    brighter.customer.refresh_from_db()
    assert brighter.customer.phone == ""


def test_adjustments_page_asks_and_tells_staff(sign_in_as, brighter):
    client = sign_in_as(brighter)
    assert (
        b"British Sign Language" in client.get(url("my-adjustments", brighter, brighter.customer.pk)).content
    )
    response = client.post(
        url("my-adjustments", brighter, brighter.customer.pk),
        {"types": ["bsl", "avoid_times"], "detail-avoid_times": "Mornings before 10"},
    )
    assert response["Location"] == url("my-details", brighter) + "?done=help"
    event = CustomerEvent.objects.get(kind="adjustment_requested")
    assert "British Sign Language; Times to avoid: Mornings before 10" in event.summary
    page = client.get(response["Location"])
    assert b"Help asked for" in page.content and b"Times to avoid: Mornings before 10" in page.content


def test_adjustments_page_error_keeps_what_was_chosen(sign_in_as, brighter):
    response = sign_in_as(brighter).post(
        url("my-adjustments", brighter, brighter.customer.pk),
        {"types": ["interpreter", "large_print"], "detail-interpreter": ""},
    )
    assert response.status_code == 400
    assert b'href="#detail-interpreter"' in response.content
    assert b"Enter the language you need an interpreter for" in response.content
    assert response.content.count(b" checked") == 2
    assert not CustomerEvent.objects.filter(kind="adjustment_requested").exists()


def test_adjustments_page_with_nothing_chosen(sign_in_as, brighter):
    response = sign_in_as(brighter).post(url("my-adjustments", brighter, brighter.customer.pk), {})
    assert response.status_code == 400 and b'href="#types"' in response.content


def test_every_detail_the_rules_need_has_a_question():
    assert set(DETAIL_LABELS) == set(DETAILS_NEEDED)


@pytest.mark.parametrize("name", ["my-contact", "my-adjustments"])
def test_another_customers_or_landlords_details_are_not_found(
    sign_in_as, brighter, great, other_customer, name
):
    client = sign_in_as(brighter)
    assert client.get(url(name, brighter, other_customer.pk)).status_code == 404
    assert client.post(url(name, brighter, other_customer.pk), CONTACT).status_code == 404
    assert client.get(url(name, brighter, great.customer.pk)).status_code == 404
    assert client.get(url(name, great, brighter.customer.pk))["Location"] == url("sign-in", great)
    assert not CustomerEvent.objects.exists()


@pytest.mark.parametrize("name", ["my-details"])
def test_details_need_sign_in(client, brighter, name):
    assert client.get(url(name, brighter))["Location"] == url("sign-in", brighter)


def test_details_need_sign_in_to_change(client, brighter):
    response = client.post(url("my-contact", brighter, brighter.customer.pk), CONTACT)
    assert response["Location"] == url("sign-in", brighter)
    brighter.customer.refresh_from_db()
    assert brighter.customer.phone == ""


def test_a_representative_changes_details_only_with_authority_over_everything(
    sign_in_as, brighter, representative
):
    client = sign_in_as(brighter, "jo@example.test")
    page = client.get(url("my-details", brighter))
    assert b"one matter only" in page.content
    assert client.post(url("my-contact", brighter, brighter.customer.pk), CONTACT).status_code == 404
    Representative.objects.filter(pk=representative.pk).update(scope="")
    client = sign_in_as(brighter, "jo@example.test")
    assert b"(you act for them)" in client.get(url("my-details", brighter)).content
    assert client.post(url("my-contact", brighter, brighter.customer.pk), CONTACT).status_code == 302
    assert "acting for them" in CustomerEvent.objects.get(kind="contact_details_changed").summary


def test_contact_details_page_explains_a_restriction_politely(sign_in_as, brighter):
    Restriction.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type="single_channel",
        reason="Many calls a day",
        how_to_contact="by email to Sam, your named contact",
        understanding_sought="Spoke on the phone",
        starts_on="2026-01-05",
        review_by="2026-04-05",
        decided_by=brighter.housing,
    )
    page = sign_in_as(brighter).get(url("my-contact", brighter, brighter.customer.pk))
    assert b"by email to Sam, your named contact" in page.content
    assert b"we will keep to it when we contact you" in page.content
    assert b"make a new, different complaint" in page.content
