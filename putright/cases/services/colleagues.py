"""Complaints about colleagues: which member of staff one is about, who may investigate it (never them), and
telling the customer only that disciplinary procedures follow (Brighter Places 6.ii)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from putright.accounts.models import Membership, Role, User
from putright.accounts.permissions import can, roles_at
from putright.accounts.selectors import line_manager_copies
from putright.cases.models import Case
from putright.cases.services._base import (
    authorise,
    handle_action,
    locked_case,
    profile_of,
    recompute,
    record,
    require_past,
    stage_of,
)
from putright.domain.colleague_complaints import Person, handler_refusal
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord


def acting_line_manager(landlord: Landlord, colleague: User) -> User | None:
    """The colleague's line manager if they can act on a complaint: an active account working here with a
    role that may investigate one."""
    manager = line_manager_copies(landlord, [colleague])[colleague.pk].manager
    return manager if manager is not None and can(manager, landlord, "stage1.handle") else None


def _person(user: User, landlord: Landlord) -> Person:
    return Person(user.pk, str(user), Role.SENIOR_LEADER in roles_at(user, landlord))


def colleague_complaint_handler(case: Case, chosen: User | None, actor: User) -> User:
    """Who investigates stage 1: `chosen`, or by default the colleague's acting line manager where the policy
    passes it to them, else the actor; refused (InvalidInputError on `handler`) where the policy says
    someone else investigates a complaint about this colleague."""
    if not (case.about_colleague and case.colleague_id):
        return chosen or actor
    landlord, colleague = case.landlord, case.colleague
    assert colleague is not None
    manager = acting_line_manager(landlord, colleague)
    handler = chosen or manager or actor
    why = handler_refusal(
        profile_of(case),
        colleague=_person(colleague, landlord),
        line_manager=_person(manager, landlord) if manager else None,
        handler=_person(handler, landlord),
    )
    if why:
        raise InvalidInputError("handler", why[:1].upper() + why[1:])
    return handler


@transaction.atomic
def colleague_complaint_identify(*, landlord: Landlord, actor: User, case_id: int, colleague: User) -> Case:
    """Record which member of staff a complaint is about, before stage 1 is acknowledged (its handler is
    chosen then): the complaint is hidden from other staff and runs the colleague complaint clocks."""
    case = locked_case(landlord, case_id)
    authorise(actor, case, "case.feedback")
    if case.kind != Kind.COMPLAINT.value:
        raise InvalidInputError("colleague", f"{case.reference} is not a complaint")
    stage = stage_of(case, 1)
    if stage.acknowledged_on is not None:
        raise InvalidInputError(
            "colleague",
            f"Stage 1 of {case.reference} is already acknowledged: the colleague is identified before the "
            "investigator is chosen",
        )
    if (
        not Membership.objects.filter(user=colleague, landlord=landlord)
        .exclude(role=Role.INTEGRATION)
        .exists()
    ):
        raise NotFoundError(f"{colleague} does not work for {landlord.name}")
    before = {"about_colleague": case.about_colleague, "colleague": case.colleague_id}
    case.about_colleague, case.colleague = True, colleague
    recompute(stage, case)
    case.save()
    record(
        case,
        actor,
        "colleague_identified",
        f"Complaint about a colleague: {colleague}; "
        f"{profile_of(case).colleague_complaints.responder.lower()} investigates it, never {colleague}",
        before=before,
        after={"about_colleague": True, "colleague": colleague.pk, "acknowledge_by": stage.acknowledge_by},
    )
    return case


@transaction.atomic
def colleague_complaint_disciplinary(*, landlord: Landlord, actor: User, case_id: int, on: date) -> Case:
    """Record that a complaint about a colleague is progressed via disciplinary procedures (Brighter Places
    6.ii). The customer is told that and nothing more, in the response letter of the open stage."""
    case = locked_case(landlord, case_id)
    stage = stage_of(case)
    authorise(actor, case, handle_action(stage.number))
    require_past("on", on, "The date")
    if not case.about_colleague:
        raise InvalidInputError("on", f"{case.reference} is not a complaint about a colleague")
    if case.colleague_disciplinary_on is not None:
        raise InvalidInputError(
            "on", f"Disciplinary procedures were already recorded on {case.colleague_disciplinary_on}"
        )
    if stage.responded_on is not None or stage.acknowledged_on is None:
        raise InvalidInputError(
            "on",
            f"Record it while stage {stage.number} is being investigated, so that its response tells the "
            "customer",
        )
    case.colleague_disciplinary_on = on
    case.save(update_fields=["colleague_disciplinary_on", "updated_at"])
    record(
        case,
        actor,
        "colleague_disciplinary",
        f"Complaint progressed via disciplinary procedures from {on}: the stage {stage.number} response tells "
        "the customer that, and nothing more",
        after={"colleague_disciplinary_on": on},
    )
    return case
