"""A complaint is refused as over the time limit only where the time limit says so (Code 2.2, 2.3): not when
it is within the limit, not when the date of the issue is missing, and not once it was accepted late."""

from datetime import date

import pytest

from putright.cases import services
from putright.cases.models import Case, Decision, TimelineEvent
from putright.domain.errors import TimeLimitReasonError
from putright.domain.lifecycle import Kind

from .conftest import at

D = date.fromisoformat


def _log(org, **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=org.customer,
        summary="Fence not repaired",
        description="The fence fell.",
        **extra,
    )


def _refuse(org, case):
    return services.complaint_not_accept(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        reason_code="over-time-limit",
        rationale="Made too long after the issue",
    )


def _unchanged(case):
    after = Case.objects.get(pk=case.pk)
    assert (after.status, after.closed_at) == (case.status, None)
    assert not Decision.objects.filter(case=case).exists()
    assert not TimelineEvent.objects.filter(case=case, kind="not_accepted").exists()


def test_time_limit_refusal_needs_the_complaint_to_be_outside_the_limit(brighter):
    within = _log(brighter, issue_date=D("2026-03-01"))
    with pytest.raises(
        TimeLimitReasonError, match=r"within the time limit \(it ends 2027-03-01\)"
    ) as refused:
        _refuse(brighter, within)
    assert refused.value.field == "reason_code"
    _unchanged(within)
    outside = _log(brighter, issue_date=D("2024-12-01"))
    decision = _refuse(brighter, outside)
    assert decision.reason_code == "over-time-limit" and decision.type == Decision.Type.NOT_ACCEPTED


def test_time_limit_refusal_needs_the_date_of_the_issue(great):
    case = _log(great)
    with pytest.raises(TimeLimitReasonError, match="date of the issue is not recorded"):
        _refuse(great, case)
    _unchanged(case)


def test_time_limit_refusal_of_a_complaint_accepted_late_with_reasons_is_refused(brighter):
    case = _log(brighter, issue_date=D("2024-12-01"))
    case = services.late_acceptance_record(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=case.pk,
        rationale="The fence is still down",
    )
    with pytest.raises(TimeLimitReasonError, match="already accepted outside the time limit"):
        _refuse(brighter, case)
    _unchanged(case)
