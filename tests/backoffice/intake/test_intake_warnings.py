"""The warnings shown before feedback is logged: a possible repeat of a matter already considered, an open
case on the same subject, an active contact restriction. Warnings, never refusals."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from putright.cases.intake_warnings import intake_warnings, new_customer_warnings, same_subject, subject_words
from putright.cases.models import Case
from putright.customers import services as customer_services
from putright.customers.models import Customer
from putright.domain.lifecycle import Kind
from tests.backoffice.intake.conftest import log

D = date.fromisoformat
TODAY = D("2026-11-23")


def close(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(status="closed", closed_at=timezone.now())


def warnings(org, *, kind=Kind.COMPLAINT, customer=None, viewer=None, **extra):
    return intake_warnings(
        landlord=org.landlord,
        viewer=viewer or org.officer,
        customer=customer or org.customer,
        kind=kind,
        today=TODAY,
        **extra,
    )


def codes(found) -> list[str]:
    return [w.code for w in found]


def test_subject_words_leave_out_short_and_common_words():
    assert subject_words("The damp and MOULD in their bedroom") == {"damp", "mould", "bedroom"}


def test_same_subject_by_category_by_area_and_a_word_or_by_two_words():
    words = subject_words("Damp and mould in the bedroom")
    base = {"case_category": "", "case_service_area": "", "case_summary": "Nothing alike"}
    assert same_subject(
        category="Repairs", service_area="", words=words, **{**base, "case_category": "repairs"}
    )
    assert not same_subject(category="Repairs", service_area="", words=words, **base)
    assert same_subject(
        category="",
        service_area="Property",
        words=words,
        **{**base, "case_service_area": "Property", "case_summary": "Mould again"},
    )
    assert not same_subject(
        category="",
        service_area="Property",
        words=words,
        **{**base, "case_service_area": "Property", "case_summary": "Rent statement"},
    )
    assert same_subject(
        category="", service_area="", words=words, **{**base, "case_summary": "Mould and damp"}
    )
    assert not same_subject(
        category="", service_area="", words=words, **{**base, "case_summary": "Mould smell"}
    )
    assert not same_subject(category="", service_area="", words=frozenset(), **base)


def test_a_complaint_answered_in_the_last_year_on_the_same_subject_is_a_possible_repeat(great):
    earlier = log(great, "2026-03-02", category="Repairs")
    close(earlier)
    found = warnings(great, category="Repairs", summary="Leaking roof")
    assert codes(found) == ["repeat"]
    assert found[0].references == (earlier.reference,)


def test_no_repeat_for_a_different_subject_another_customer_an_old_complaint_or_another_kind(great):
    other = Customer.objects.create(landlord=great.landlord, name="Priya Shah")
    close(log(great, "2026-03-02", category="Rent", summary="Rent statement wrong"))
    close(log(great, "2026-03-02", customer=other, category="Repairs"))
    old = log(great, "2025-09-01", category="Repairs")
    Case.objects.filter(pk=old.pk).update(
        status="closed", closed_at=timezone.make_aware(timezone.datetime(2025, 10, 1))
    )
    assert warnings(great, category="Repairs", summary="Leaking roof") == []
    assert warnings(great, kind=Kind.COMPLIMENT, category="Rent", summary="Rent statement wrong") == []


def test_an_open_case_on_the_same_subject_is_named_and_a_closed_one_is_not(great):
    open_case = log(great, "2026-11-02", kind=Kind.SERVICE_REQUEST, summary="Damp and mould in the kitchen")
    found = warnings(great, kind=Kind.COMPLIMENT, summary="Damp and mould in the bedroom")
    assert codes(found) == ["open_case"]
    assert found[0].references == (open_case.reference,)
    close(open_case)
    assert warnings(great, kind=Kind.COMPLIMENT, summary="Damp and mould in the bedroom") == []


def test_cases_the_viewer_may_not_see_are_not_named(great):
    log(great, "2026-11-02", about_colleague=True, colleagues_named="A housing officer")
    assert codes(warnings(great, summary="Damp and mould")) == ["open_case"]
    assert warnings(great, viewer=great.manager, summary="Damp and mould") == []


def test_an_active_restriction_says_what_it_allows_and_that_it_never_blocks_a_new_complaint(great):
    restriction = customer_services.restriction_apply(
        landlord=great.landlord,
        actor=great.housing,
        customer_id=great.customer.pk,
        type="single-channel",
        reason="Many calls a day to several colleagues",
        how_to_contact="By email to the named officer.",
        understanding_sought="The housing manager met them on 1 October",
        starts_on=D("2026-10-05"),
    )
    found = warnings(great, summary="Leaking roof")
    assert codes(found) == ["restriction"]
    assert "single channel" in found[0].title
    assert "By email to the named officer." in found[0].detail
    assert "never stops a new, different complaint or an emergency repair" in found[0].detail
    customer_services.restriction_review(
        landlord=great.landlord,
        actor=great.housing,
        restriction_id=restriction.pk,
        reviewed_on=D("2026-11-02"),
        extend=False,
        reasons="Contact is reasonable now",
    )
    assert warnings(great, summary="Leaking roof") == []


def test_no_warnings_for_a_customer_not_yet_recorded_or_of_another_landlord(great, brighter):
    assert warnings(great, customer=Customer(landlord=great.landlord, name="New")) == []
    close(log(brighter, "2026-03-02", category="Repairs"))
    assert (
        intake_warnings(
            landlord=great.landlord,
            viewer=great.officer,
            customer=brighter.customer,
            kind=Kind.COMPLAINT,
            category="Repairs",
            today=TODAY,
        )
        == []
    )


def test_a_repeat_and_an_open_case_are_both_warned_of(great):
    close(log(great, "2026-05-01", summary="Damp and mould in the bedroom"))
    log(great, "2026-11-02", summary="Damp and mould in the hall")
    assert codes(warnings(great, summary="Damp and mould again")) == ["repeat", "open_case"]


def test_a_new_customer_who_may_already_have_a_record_is_warned_of(great, brighter):
    Customer.objects.filter(pk=great.customer.pk).update(postcode="LS1 4AB", phone="+44 7700 900123")

    def found(**details):
        warned = new_customer_warnings(landlord=great.landlord, **{"name": "Someone Else", **details})
        return [name for w in warned for _, name in w.customers]

    assert found(name="alex  MORGAN") == ["Alex Morgan"]
    assert found(name="Alex Morgan", postcode="ls14ab") == ["Alex Morgan"]
    assert found(name="Alex Morgan", postcode="M1 1AA") == []  # the same name elsewhere: another person
    assert found(email="ALEX@example.test") == ["Alex Morgan"]
    assert found(phone="07700 900123") == ["Alex Morgan"]
    assert found() == []
    assert new_customer_warnings(landlord=brighter.landlord, name="Priya Shah") == []
