"""The customer's trail cannot be rewritten, and a restriction's decision and review reach the customer by
letter (Code 5.14, 5.15; Brighter Places 17.v, 17.vi)."""

from datetime import date

import pytest
from django.utils import timezone

from putright.customers import services
from putright.customers.models import CustomerEvent
from putright.letters.models import Letter

D = date.fromisoformat


def _restrict(org, starts_on):
    return services.restriction_apply(
        landlord=org.landlord,
        actor=org.housing,
        customer_id=org.customer.pk,
        type="single-channel",
        reason="Repeated abusive calls to the repairs line",
        how_to_contact="Email Sam Patel, your named officer",
        understanding_sought="Housing manager called on 28 August",
        starts_on=starts_on,
    )


def test_customer_events_are_never_changed_or_deleted(brighter):
    _restrict(brighter, D("2026-08-31"))
    event = CustomerEvent.objects.filter(customer=brighter.customer).first()
    assert event is not None
    event.summary = "rewritten"
    with pytest.raises(ValueError, match="never changed"):
        event.save()
    with pytest.raises(ValueError, match="never deleted"):
        event.delete()
    event.refresh_from_db()
    assert event.summary != "rewritten"


def test_brighter_places_17_v_a_restriction_is_explained_by_letter(brighter):
    restriction = _restrict(brighter, timezone.localdate())
    letter = Letter.objects.get(customer=brighter.customer, kind="restriction")
    assert letter.status != Letter.Status.RECORDED  # applied today: sent, not only recorded
    assert [d.address for d in letter.deliveries.all()] == ["alex@example.test"]
    for fact in (
        "Repeated abusive calls to the repairs line",  # why
        "Email Sam Patel, your named officer",  # how to make contact meanwhile
        f"review this decision by {restriction.review_by.day} {restriction.review_by:%B %Y}",  # how long
        "Customer Services Director",  # how to have it reviewed (17.iv: the appeal)
        "Housing Ombudsman",
    ):
        assert fact in letter.text


def test_brighter_places_17_vi_the_review_outcome_is_explained_by_letter(brighter):
    restriction = _restrict(brighter, D("2026-06-01"))
    assert Letter.objects.get(kind="restriction").status == Letter.Status.RECORDED  # dated earlier
    services.restriction_review(
        landlord=brighter.landlord,
        actor=brighter.housing,
        restriction_id=restriction.pk,
        reviewed_on=D("2026-09-01"),
        extend=True,
        reasons="The calls continued in August",
    )
    extended = Letter.objects.get(customer=brighter.customer, kind="restriction_review_outcome")
    assert "The calls continued in August" in extended.text and "1 December 2026" in extended.text
    services.restriction_review(
        landlord=brighter.landlord,
        actor=brighter.housing,
        restriction_id=restriction.pk,
        reviewed_on=timezone.localdate(),
        extend=False,
        reasons="Contact is now reasonable",
    )
    lifted = Letter.objects.filter(kind="restriction_review_outcome").latest("pk")
    assert lifted != extended and "Contact is now reasonable" in lifted.text
