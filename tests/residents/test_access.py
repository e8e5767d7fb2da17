"""Who sees which case: their own, or the ones they act on with authority given, in scope, not expired."""

from datetime import date

import pytest

from putright.customers.models import Representative
from putright.domain.errors import NotFoundError
from putright.residents.access import resident_case, resident_cases, resident_for_email, resident_letter

from .conftest import acknowledge, log_complaint

TODAY = date(2026, 6, 1)


def test_a_customer_sees_only_their_own_cases(brighter, complaint, other_customer):
    theirs = log_complaint(brighter, customer=other_customer)
    resident = resident_for_email(brighter.landlord, "ALEX@example.test", TODAY)
    assert list(resident_cases(brighter.landlord, resident, TODAY)) == [complaint]
    with pytest.raises(NotFoundError):
        resident_case(brighter.landlord, resident, theirs.reference, TODAY)


def test_another_landlords_customer_with_the_same_email_sees_nothing_here(brighter, great, complaint):
    log_complaint(great)
    resident = resident_for_email(great.landlord, "alex@example.test", TODAY)
    assert list(resident_cases(brighter.landlord, resident, TODAY)) == []
    with pytest.raises(NotFoundError):
        resident_case(brighter.landlord, resident, complaint.reference, TODAY)


def test_an_unknown_address_is_no_resident(brighter):
    assert resident_for_email(brighter.landlord, "nobody@example.test", TODAY) is None


def test_a_representative_sees_the_case_they_act_on_only(brighter, representative):
    acted_on = log_complaint(brighter, representative=representative)
    log_complaint(brighter, summary="Noise")
    resident = resident_for_email(brighter.landlord, "jo@example.test", TODAY)
    assert list(resident_cases(brighter.landlord, resident, TODAY)) == [acted_on]


def test_a_representative_with_blank_scope_sees_every_case_of_the_customer(brighter, representative):
    Representative.objects.filter(pk=representative.pk).update(scope="")
    log_complaint(brighter, summary="Noise")
    resident = resident_for_email(brighter.landlord, "jo@example.test", TODAY)
    assert resident_cases(brighter.landlord, resident, TODAY).count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"authority": Representative.Authority.REQUESTED},
        {"authority": Representative.Authority.REFUSED},
        {"expires_on": date(2026, 5, 31)},
    ],
)
def test_a_representative_without_authority_or_expired_sees_nothing(brighter, representative, change):
    log_complaint(brighter, representative=representative)
    Representative.objects.filter(pk=representative.pk).update(**change)
    assert resident_for_email(brighter.landlord, "jo@example.test", TODAY) is None


def test_authority_is_checked_again_for_a_session_already_signed_in(brighter, representative):
    log_complaint(brighter, representative=representative)
    resident = resident_for_email(brighter.landlord, "jo@example.test", TODAY)
    Representative.objects.filter(pk=representative.pk).update(expires_on=date(2026, 5, 31))
    assert list(resident_cases(brighter.landlord, resident, TODAY)) == []


def test_only_sent_letters_of_the_case_are_reachable(brighter, complaint, other_customer):
    letter = acknowledge(brighter, complaint)
    other = log_complaint(brighter, customer=other_customer)
    other_letter = acknowledge(brighter, other)
    assert resident_letter(complaint, letter.pk) == letter
    with pytest.raises(NotFoundError):
        resident_letter(complaint, other_letter.pk)
