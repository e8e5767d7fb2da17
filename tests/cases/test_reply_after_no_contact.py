"""A reply after a complaint was closed for no contact (Brighter Places 7.ii.e: "If a response is received
from the customer after this period, a new complaint will be logged"): the intake check finds the closed
complaint, and the new complaint is logged linked to it, the closed one's timeline saying so."""

from datetime import date

import pytest
from django.utils import timezone

from putright.cases import services
from putright.cases.intake_warnings import intake_warnings, no_contact_closures
from putright.cases.models import TimelineEvent
from putright.domain.errors import NotFoundError
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat
POINTS = [{"point": "The fence was not repaired", "outcome_sought": "Repair it"}]


def _log(org, received="2026-09-01", kind=Kind.COMPLAINT, **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=kind,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Fence not repaired",
        description="The fence fell.",
        **extra,
    )


def closed_for_no_contact(org):
    case = _log(org)
    services.complaint_acknowledge(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-09-02"),
        definition=POINTS,
        responsible_for="Repairs",
    )
    services.complaint_warn_no_contact(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, letter_on=D("2026-09-03")
    )
    services.complaint_close_no_contact(
        landlord=org.landlord, actor=org.officer, case_id=case.pk, on=timezone.localdate()
    )
    case.refresh_from_db()
    return case


def test_brighter_places_7_ii_e_a_reply_after_a_no_contact_closure_is_a_new_linked_complaint(brighter):
    closed = closed_for_no_contact(brighter)
    reply = _log(brighter, received=timezone.localdate().isoformat(), linked_case=closed)
    assert reply.pk != closed.pk and reply.linked_case == closed and reply.status == "stage1_received"
    closed.refresh_from_db()
    assert closed.status == "closed_no_contact"  # history is not rewritten: it stays closed
    event = TimelineEvent.objects.get(case=closed, kind="reply_after_no_contact_closure")
    assert event.actor == brighter.officer and event.after == {"complaint": reply.reference}
    assert event.summary.startswith(
        f"The customer replied after this complaint was closed for no contact: logged as a new complaint, "
        f"{reply.reference}, linked to this one (A reply after the period is logged as a new complaint; "
        "Policy 7.ii.e)"
    )


def test_brighter_places_7_ii_e_the_intake_check_finds_the_complaint_closed_for_no_contact(brighter):
    closed = closed_for_no_contact(brighter)
    assert no_contact_closures(
        landlord=brighter.landlord, viewer=brighter.officer, customer=brighter.customer
    ) == [closed]
    for kind in (Kind.COMPLAINT, Kind.SERVICE_REQUEST):
        [warning] = [
            w
            for w in intake_warnings(
                landlord=brighter.landlord, viewer=brighter.officer, customer=brighter.customer, kind=kind
            )
            if w.code == "no_contact_closed"
        ]
        assert warning.references == (closed.reference,)
        assert warning.title == "Alex Morgan had a complaint closed because we could not make contact"
        assert "log it as a complaint linked to the one closed" in warning.detail


def test_a_complaint_closed_over_12_months_ago_or_still_open_is_not_offered(brighter):
    closed = closed_for_no_contact(brighter)
    later = date(timezone.localdate().year + 1, 12, 31)
    assert (
        no_contact_closures(
            landlord=brighter.landlord, viewer=brighter.officer, customer=brighter.customer, today=later
        )
        == []
    )
    open_complaint = _log(brighter)
    assert open_complaint not in no_contact_closures(
        landlord=brighter.landlord, viewer=brighter.officer, customer=brighter.customer
    )
    assert closed in no_contact_closures(
        landlord=brighter.landlord, viewer=brighter.officer, customer=brighter.customer
    )


def test_only_a_complaint_reply_is_noted_on_the_closed_complaint(brighter):
    closed = closed_for_no_contact(brighter)
    _log(brighter, received=timezone.localdate().isoformat(), kind=Kind.SERVICE_REQUEST, linked_case=closed)
    assert not TimelineEvent.objects.filter(case=closed, kind="reply_after_no_contact_closure").exists()


def test_a_case_at_another_landlord_cannot_be_linked(brighter, great):
    closed = closed_for_no_contact(brighter)
    with pytest.raises(NotFoundError):
        services.feedback_log(
            landlord=great.landlord,
            actor=great.officer,
            kind=Kind.COMPLAINT,
            channel="phone",
            received_at=at("2026-11-02"),
            customer=great.customer,
            summary="Fence",
            description="Fence.",
            linked_case=closed,
        )


def test_brighter_places_7_ii_e_feedback_from_any_way_in_names_the_complaint_closed_for_no_contact(brighter):
    closed = closed_for_no_contact(brighter)
    today = timezone.localdate()
    by_email = _log(brighter, received=today.isoformat(), kind=Kind.FEEDBACK)
    assert (
        f"Complaint {closed.reference} was closed for no contact on {today}: if this is the customer's reply, "
        "it is a new complaint about that matter (a reply after the time allowed is logged as a new complaint)."
    ) in by_email.warnings
    linked = _log(brighter, received=today.isoformat(), linked_case=closed)
    assert not any(closed.reference in warning for warning in linked.warnings)
