"""Customers, representatives, reasonable adjustments and contact restrictions (complaint-rules.md section 6)."""

from datetime import date

import pytest

from putright.customers import services
from putright.customers.models import CustomerEvent, Representative, Restriction
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError

D = date.fromisoformat


def test_restriction_review_date_is_three_months_on_and_the_type_comes_from_the_policy(brighter):
    with pytest.raises(InvalidInputError, match="choose a restriction the policy lists"):
        services.restriction_apply(
            landlord=brighter.landlord,
            actor=brighter.housing,
            customer_id=brighter.customer.pk,
            type="ban",
            reason="x",
            how_to_contact="x",
            understanding_sought="x",
            starts_on=D("2026-08-31"),
        )
    restriction = services.restriction_apply(
        landlord=brighter.landlord,
        actor=brighter.housing,
        customer_id=brighter.customer.pk,
        type="single-channel",
        reason="Repeated abusive calls",
        how_to_contact="Email the named officer",
        understanding_sought="Housing manager called on 28 August",
        starts_on=D("2026-08-31"),
    )
    assert restriction.review_by == D("2026-11-30")


def test_restriction_is_lifted_unless_extended_with_reasons_and_a_new_review_date(brighter):
    restriction = services.restriction_apply(
        landlord=brighter.landlord,
        actor=brighter.housing,
        customer_id=brighter.customer.pk,
        type="time-slot",
        reason="Calls all day",
        how_to_contact="Tuesdays 10-12",
        understanding_sought="Meeting on 1 June",
        starts_on=D("2026-06-01"),
    )
    extended = services.restriction_review(
        landlord=brighter.landlord,
        actor=brighter.housing,
        restriction_id=restriction.pk,
        reviewed_on=D("2026-09-01"),
        extend=True,
        reasons="Calls continued",
    )
    assert extended.review_by == D("2026-12-01") and extended.status == Restriction.Status.ACTIVE
    lifted = services.restriction_review(
        landlord=brighter.landlord,
        actor=brighter.housing,
        restriction_id=restriction.pk,
        reviewed_on=D("2026-11-02"),
        extend=False,
        reasons="Contact is now reasonable",
    )
    assert lifted.status == Restriction.Status.LIFTED and lifted.lifted_on == D("2026-11-02")
    assert lifted.reviews.count() == 2


def test_restriction_appeal_goes_to_a_director(brighter):
    restriction = services.restriction_apply(
        landlord=brighter.landlord,
        actor=brighter.housing,
        customer_id=brighter.customer.pk,
        type="named-colleague",
        reason="x",
        how_to_contact="y",
        understanding_sought="z",
        starts_on=D("2026-06-01"),
    )
    services.restriction_appeal(
        landlord=brighter.landlord,
        actor=brighter.director,
        restriction_id=restriction.pk,
        requested_on=D("2026-06-10"),
    )
    event = CustomerEvent.objects.filter(kind="restriction_appeal").get()
    assert "Customer Services Director" in event.summary


def test_only_housing_managers_and_senior_leaders_apply_restrictions(brighter):
    with pytest.raises(NotPermittedError):
        services.restriction_apply(
            landlord=brighter.landlord,
            actor=brighter.officer,
            customer_id=brighter.customer.pk,
            type="time-slot",
            reason="x",
            how_to_contact="y",
            understanding_sought="z",
            starts_on=D("2026-06-01"),
        )


def test_adjustments_are_kept_under_review(great):
    adjustment = services.adjustment_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        type="large_print",
        details="18pt",
        agreed_on=D("2026-02-28"),
    )
    assert adjustment.review_by == D("2027-02-28")
    reviewed = services.adjustment_review(
        landlord=great.landlord,
        actor=great.officer,
        adjustment_id=adjustment.pk,
        reviewed_on=D("2026-11-02"),
        note="Still needed",
    )
    assert reviewed.review_by == D("2027-11-02")
    ended = services.adjustment_end(
        landlord=great.landlord,
        actor=great.officer,
        adjustment_id=adjustment.pk,
        ended_on=D("2026-11-03"),
        reason="Customer moved to email",
    )
    assert ended.ended_on == D("2026-11-03")
    with pytest.raises(InvalidInputError, match="ended on"):
        services.adjustment_review(
            landlord=great.landlord,
            actor=great.officer,
            adjustment_id=adjustment.pk,
            reviewed_on=D("2026-11-04"),
            note="x",
        )


def test_representative_authority_needs_evidence(great):
    representative = services.representative_add(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        name="Jo Morgan",
        relationship="Daughter",
        basis="asked_by_customer",
    )
    assert representative.authority == Representative.Authority.REQUESTED
    with pytest.raises(InvalidInputError, match="Evidence of authority is required"):
        services.representative_set_authority(
            landlord=great.landlord,
            actor=great.officer,
            representative_id=representative.pk,
            authority="given",
        )
    given = services.representative_set_authority(
        landlord=great.landlord,
        actor=great.officer,
        representative_id=representative.pk,
        authority="given",
        evidence="Signed consent form received 3 March",
    )
    assert given.authority == Representative.Authority.GIVEN


def test_customer_records_never_cross_landlords(great, brighter):
    with pytest.raises(NotFoundError):
        services.adjustment_record(
            landlord=brighter.landlord,
            actor=brighter.officer,
            customer_id=great.customer.pk,
            type="large_print",
            details="",
            agreed_on=D("2026-02-28"),
        )


def test_disclosed_disabilities_are_recorded_only_by_roles_that_need_them(great):
    with pytest.raises(NotPermittedError):
        services.disability_record(
            landlord=great.landlord,
            actor=great.manager,
            customer_id=great.customer.pk,
            description="Partially sighted",
            disclosed_on=D("2026-03-01"),
        )
    services.disability_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        description="Partially sighted",
        disclosed_on=D("2026-03-01"),
    )
    event = CustomerEvent.objects.filter(kind="disability_disclosed").get()
    assert "Partially sighted" not in event.summary  # special category data stays out of the audit text
