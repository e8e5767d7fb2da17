"""The stored status rank (sorting the case list by status reads an index): it follows every transition,
whichever way the status is saved, and sorting by status gives the lifecycle order."""

from datetime import date

import pytest

from putright.cases import services
from putright.cases.models import STATUS_RANK, Case
from putright.cases.selectors import CaseFilters, case_list
from putright.cases.services._base import transition
from putright.domain.lifecycle import TRANSITIONS, Kind, Status

from .conftest import at

D = date.fromisoformat
DEFINITION = [{"point": "The kitchen leak was not repaired", "outcome_sought": "Repair it"}]


def log(org, received="2026-03-31", kind=Kind.COMPLAINT):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=kind,
        channel="phone",
        received_at=at(received),
        customer=org.customer,
        summary="Leak not repaired",
        description="The kitchen has leaked since February.",
    )


def stored(case):
    case.refresh_from_db()
    return case.status, case.status_rank


def test_the_rank_is_the_lifecycle_order():
    assert [STATUS_RANK[s.value] for s in Status] == list(range(len(Status)))


@pytest.mark.parametrize(("kind", "status", "command"), sorted(TRANSITIONS, key=str))
def test_every_transition_sets_the_rank_of_the_new_status(kind, status, command):
    case = Case(kind=kind.value, status=status.value, status_rank=STATUS_RANK[status.value])
    _before, after = transition(case, command)
    assert case.status_rank == STATUS_RANK[after.value]


def test_the_stored_rank_follows_a_complaint_from_stage_1_to_closure(great):
    case = log(great)
    assert stored(case) == ("stage1_received", STATUS_RANK["stage1_received"])
    for respond_on, stage_status in ((D("2026-04-10"), "stage1"), (D("2026-05-20"), "stage2")):
        services.complaint_acknowledge(
            landlord=great.landlord,
            actor=great.manager if stage_status == "stage1" else great.director,
            case_id=case.pk,
            acknowledged_on=respond_on.replace(day=respond_on.day - 7),
            definition=DEFINITION,
            responsible_for="Repairs",
        )
        assert stored(case) == (f"{stage_status}_investigating", STATUS_RANK[f"{stage_status}_investigating"])
        services.stage_respond(
            landlord=great.landlord,
            actor=great.manager if stage_status == "stage1" else great.director,
            case_id=case.pk,
            responded_on=respond_on,
            outcome="upheld",
            summary="Sorry",
            answers=[services.PointAnswer(p["point"], "upheld", "Late.") for p in DEFINITION],
        )
        assert stored(case) == (f"{stage_status}_responded", STATUS_RANK[f"{stage_status}_responded"])
        if stage_status == "stage1":
            services.escalation_request(
                landlord=great.landlord, actor=great.officer, case_id=case.pk, requested_at=at("2026-05-01")
            )
            assert stored(case) == ("stage2_requested", STATUS_RANK["stage2_requested"])
            services.stage2_assign_handler(
                landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.director
            )
    services.case_close(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, lesson="Chase", improvement="Chase"
    )
    assert stored(case) == ("closed", STATUS_RANK["closed"])


def test_the_rank_is_saved_when_only_the_status_is_saved(great):
    """Converting general feedback saves just its status (update_fields): the rank goes with it."""
    feedback = log(great, kind=Kind.FEEDBACK)
    assert stored(feedback) == ("open", STATUS_RANK["open"])
    services.case_convert_to_complaint(landlord=great.landlord, actor=great.officer, case_id=feedback.pk)
    assert stored(feedback) == ("converted", STATUS_RANK["converted"])


def test_sorting_by_status_gives_the_lifecycle_order(great):
    closed = log(great, "2026-03-02", kind=Kind.COMMENT)
    services.comment_acknowledge(landlord=great.landlord, actor=great.officer, case_id=closed.pk)
    services.comment_respond(
        landlord=great.landlord, actor=great.officer, case_id=closed.pk, response="Thanks"
    )
    open_comment = log(great, "2026-03-03", kind=Kind.COMMENT)
    investigating = log(great, "2026-03-04")
    services.complaint_acknowledge(
        landlord=great.landlord,
        actor=great.manager,
        case_id=investigating.pk,
        acknowledged_on=D("2026-03-05"),
        definition=DEFINITION,
        responsible_for="Repairs",
    )
    received = log(great, "2026-03-05")
    lifecycle = [received.pk, investigating.pk, open_comment.pk, closed.pk]

    def sorted_by(sort):
        found = case_list(landlord=great.landlord, user=great.manager, filters=CaseFilters(sort=sort))
        return [c.pk for c in found]

    assert sorted_by("status") == lifecycle
    assert sorted_by("-status") == lifecycle[::-1]
