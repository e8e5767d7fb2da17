"""One page per case action: its form, its words, and the service it calls with what was typed.

Each `perform` turns the cleaned form into the service's keyword arguments and returns the sentence for
the success banner; everything the service refuses comes back as a DomainError for the form to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.selectors import line_manager_copies
from putright.backoffice.case_actions import forms as f
from putright.cases import services
from putright.cases.access import access_case_by_reference
from putright.cases.models import Case, Stage
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.organisations.models import Landlord


@dataclass(frozen=True)
class Done:
    """What happened, for the success banner, and the case to go back to."""

    message: str
    case: Case | None = None
    """Where the work goes on, if not this case (a complaint raised from a service request)."""


Perform = Callable[[Any, Landlord, User, Case], Done]


@dataclass(frozen=True)
class Page:
    form: type[f.ActionForm]
    title: str
    button: str
    perform: Perform
    template: str = "backoffice/case_actions/action.html"
    intro: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    """Repeating groups of the form and how many rows each shows at least."""
    warning: bool = False
    letter: str = ""
    """The letter the step sends, said on the form so nobody is surprised."""
    stage2_title: str = ""
    """The heading at stage 2, where it differs (the final response)."""

    def heading(self, stage: Stage | None) -> str:
        return (
            self.stage2_title if stage is not None and stage.number == 2 and self.stage2_title else self.title
        )


DATED = "sent when you save if the date is today, or recorded as sent on an earlier date"
DECISION_LETTER = (
    "A letter with the decision, the reasons and the right to go to the Housing Ombudsman is sent to the "
    "customer when you save."
)


def _on(day: Any, at: time | None = None) -> datetime:
    """The moment of a step typed as a date (and perhaps a time): now if today and no time was given,
    otherwise the time given or midday, in the landlord's time zone."""
    if at is None and day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, at or time(12, 0)))


def _day(value: Any) -> str:
    return f"{value:%-d %B %Y}"


def _passing(service: Callable[..., Any], message: str, *fields: str) -> Perform:
    """A step whose form's `fields` go to its service under the same names, and whose banner is fixed."""

    def perform(form: f.ActionForm, landlord: Landlord, actor: User, case: Case) -> Done:
        data = form.cleaned_data
        service(landlord=landlord, actor=actor, case_id=case.pk, **{name: data[name] for name in fields})
        return Done(message)

    return perform


def _acknowledge(form: f.AcknowledgeForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    services.complaint_acknowledge(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        acknowledged_on=data["acknowledged_on"],
        definition=form.definition(),
        responsible_for=data["responsible_for"],
        not_responsible_for=data["not_responsible_for"],
        handler=form.user_choice("handler"),
    )
    return Done(f"Stage {case.stage} acknowledged")


def _clarification(form: f.ClarificationForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    reached = data["reached"] == "yes"
    services.stage_record_clarification(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        at=_on(data["on"], data["time"]),
        channel=data["channel"],
        reached=reached,
        note=data["note"],
        letter=data["letter"],
        questions=data["questions"],
    )
    return Done("Contact recorded" if reached else "Attempt to contact the customer recorded")


def _add_issue(form: f.AddIssueForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    outcome = services.complaint_add_issue(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        point=data["point"],
        outcome_sought=data["outcome_sought"],
        related=data["related"] == "yes",
        would_unreasonably_delay=data["would_unreasonably_delay"],
        at_escalation=data["at_escalation"],
    )
    if outcome.incorporated:
        return Done(f"Issue added to this complaint: {outcome.reason}")
    return Done(f"Issue logged as a new complaint, {outcome.case.reference}: {outcome.reason}")


def _extend(form: f.ExtendForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    extension = services.stage_extend(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        days=data["days"],
        notified_on=data["notified_on"],
        reason=data["reason"],
        justification=data["justification"],
    )
    if not extension.applied:
        return Done("Extension recorded, but the customer was told after the deadline, so the date stays")
    return Done(f"Response date extended by {extension.days} working days")


def _respond(form: f.RespondForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    answers = [
        services.PointAnswer(point, data[f"decision_{i}"], data[f"reasons_{i}"])
        for i, point in enumerate(form.points)
    ]
    remedies = [
        services.RemedyInput(
            data[f"remedy_type_{i}"], data[f"remedy_description_{i}"], data.get(f"remedy_amount_{i}")
        )
        for i in range(form.rows["remedy"])
        if data.get(f"remedy_type_{i}")
    ]
    actions = []
    for i in range(form.rows["action"]):
        if data.get(f"action_description_{i}"):
            owner = form.user_choice(f"action_owner_{i}")
            if owner is None:
                raise InvalidInputError(f"action_owner_{i}", f"Select who will do action {i + 1}")
            actions.append(
                services.ActionInput(data[f"action_description_{i}"], owner, data[f"action_due_{i}"])
            )
    services.stage_respond(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        responded_on=data["responded_on"],
        outcome=data["outcome"],
        answers=answers,
        summary=data["summary"],
        remedies=remedies,
        actions=actions,
    )
    return Done(f"Stage {case.stage} response sent")


def _request_escalation(form: f.RequestEscalationForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    updated = services.escalation_request(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        requested_at=_on(data["requested_on"]),
        reason=data["reason"],
    )
    late = len(updated.warnings) > len(case.warnings)
    if late:
        return Done("Stage 2 requested after the window: decide whether to escalate, with reasons")
    return Done("Stage 2 requested: assign a stage 2 handler")


def _assign_handler(form: f.AssignHandlerForm, landlord: Landlord, actor: User, case: Case) -> Done:
    handler = form.user_choice("handler")
    if handler is None:
        raise InvalidInputError("handler", "Select who will handle stage 2")
    services.stage2_assign_handler(landlord=landlord, actor=actor, case_id=case.pk, handler=handler)
    return Done(f"Stage 2 assigned to {handler}")


def _previous(form: f.DecisionForm, landlord: Landlord, actor: User) -> Case | None:
    reference = form.cleaned_data["previous_case"].strip().upper()
    if not reference:
        return None
    try:
        return access_case_by_reference(actor, landlord, reference)
    except NotFoundError:
        raise InvalidInputError("previous_case", f"There is no case {reference} at {landlord.name}") from None


def _decision(service: Callable[..., Any], message: str) -> Perform:
    """Not accepting a complaint and not escalating one: the same facts (reason, rationale, the earlier
    case it repeats), each to its own service."""

    def perform(form: f.DecisionForm, landlord: Landlord, actor: User, case: Case) -> Done:
        data = form.cleaned_data
        service(
            landlord=landlord,
            actor=actor,
            case_id=case.pk,
            reason_code=data["reason_code"],
            rationale=data["rationale"],
            previous_case=_previous(form, landlord, actor),
        )
        return Done(message)

    return perform


def _satisfaction(form: f.SatisfactionForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    services.satisfaction_record(
        landlord=landlord,
        actor=actor,
        case_id=case.pk,
        score=data["score"],
        comment=data["comment"],
        **({"source": data["source"]} if data["source"] else {}),
    )
    return Done(f"Satisfaction recorded: {data['score']} out of 5")


def _complaint_choice(form: f.ComplaintChoiceForm, landlord: Landlord, actor: User, case: Case) -> Done:
    result = services.complaint_choice_record(
        landlord=landlord, actor=actor, case_id=case.pk, choice=form.cleaned_data["choice"]
    )
    if result.pk != case.pk:
        return Done(f"Complaint {result.reference} raised from this case", result)
    return Done("The customer's choice is recorded")


def _convert(form: f.ConvertForm, landlord: Landlord, actor: User, case: Case) -> Done:
    complaint = services.case_convert_to_complaint(
        landlord=landlord, actor=actor, case_id=case.pk, received_at=_on(form.cleaned_data["received_on"])
    )
    return Done(f"Complaint {complaint.reference} raised from {case.reference}", complaint)


def _pass_on(form: f.PassOnForm, landlord: Landlord, actor: User, case: Case) -> Done:
    colleague = form.user_choice("colleague")
    if colleague is None:
        raise InvalidInputError("colleague", "Select who the compliment is for")
    services.compliment_pass_on(landlord=landlord, actor=actor, case_id=case.pk, colleague=colleague)
    copy = line_manager_copies(landlord, [colleague])[colleague.pk]
    if copy.manager is None:
        return Done(f"Compliment passed to {colleague} ({copy.why_not})")
    return Done(f"Compliment passed to {colleague} and their line manager {copy.manager}")


def _identify_colleague(form: f.IdentifyColleagueForm, landlord: Landlord, actor: User, case: Case) -> Done:
    colleague = form.user_choice("colleague")
    if colleague is None:
        raise InvalidInputError("colleague", "Select the colleague the complaint is about")
    services.colleague_complaint_identify(
        landlord=landlord, actor=actor, case_id=case.pk, colleague=colleague
    )
    return Done(f"Complaint about {colleague}: only those who need it can see it")


def _complete_action(form: f.CompleteActionForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    action = services.action_complete(
        landlord=landlord,
        actor=actor,
        action_id=int(data["action"]),
        completed_on=data["completed_on"],
        note=data["note"],
    )
    return Done(f"Agreed action done: {action.description}")


def _pay_remedy(form: f.PayRemedyForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    amount: Decimal = data["amount"]
    services.remedy_pay(
        landlord=landlord, actor=actor, remedy_id=int(data["remedy"]), amount=amount, paid_on=data["paid_on"]
    )
    return Done(f"Payment of £{amount:,.2f} recorded")


def _hazard_duty(form: f.HazardDutyForm, landlord: Landlord, actor: User, case: Case) -> Done:
    data = form.cleaned_data
    services.hazard_duty_complete(
        landlord=landlord, actor=actor, case_id=case.pk, duty=data["duty"], done_on=data["done_on"]
    )
    return Done(f"Awaab's Law duty recorded: {data['duty'].replace('_', ' ')}")


PAGES: dict[str, Page] = {
    "acknowledge": Page(
        f.AcknowledgeForm,
        "Acknowledge the complaint",
        "Acknowledge and send the letter",
        _acknowledge,
        stage2_title="Acknowledge stage 2",
        template="backoffice/case_actions/acknowledge.html",
        rows={"point": 3},
        letter=f"The acknowledgement letter, with the complaint definition, goes to the customer: {DATED}.",
    ),
    "clarification": Page(
        f.ClarificationForm,
        "Record contact with the customer",
        "Save",
        _clarification,
        letter=f"If you choose to write, the clarification request letter goes to the customer: {DATED}.",
    ),
    "add-issue": Page(
        f.AddIssueForm,
        "Add an issue",
        "Add the issue",
        _add_issue,
        intro="The policy decides whether it joins this complaint or becomes a new, linked complaint.",
    ),
    "extend": Page(
        f.ExtendForm,
        "Extend the response date",
        "Extend and send the notice",
        _extend,
        letter=f"The extension notice, with the reason and the new date, goes to the customer: {DATED}.",
    ),
    "warn-no-contact": Page(
        f.LetterDateForm,
        "Send the no-contact letter",
        "Send the letter",
        _passing(services.complaint_warn_no_contact, "No-contact letter recorded", "letter_on"),
        intro="The letter gives the customer the time the policy allows to get in touch before the "
        "complaint is closed.",
        letter=f"The no-contact letter goes to the customer: {DATED}.",
    ),
    "close-no-contact": Page(
        f.CloseNoContactForm,
        "Close the complaint for no contact",
        "Close the complaint",
        _passing(services.complaint_close_no_contact, "Complaint closed for no contact", "on"),
        warning=True,
        letter=f"The closure letter goes to the customer: {DATED}.",
    ),
    "respond": Page(
        f.RespondForm,
        "Send the response",
        "Send the response",
        _respond,
        stage2_title="Send the final response",
        template="backoffice/case_actions/respond.html",
        rows={"remedy": 1, "action": 1},
        letter=f"The response letter goes to the customer: {DATED}.",
    ),
    "request-escalation": Page(
        f.RequestEscalationForm,
        "Record a request for stage 2",
        "Record the request",
        _request_escalation,
        intro="A late request is never refused automatically: it waits for a decision, with reasons.",
    ),
    "assign-handler": Page(f.AssignHandlerForm, "Assign the stage 2 handler", "Assign", _assign_handler),
    "refuse-escalation": Page(
        f.DecisionForm,
        "Decide not to escalate",
        "Record the decision and tell the customer",
        _decision(services.escalation_refuse, "Decided not to escalate"),
        warning=True,
        letter=DECISION_LETTER,
    ),
    "not-accept": Page(
        f.DecisionForm,
        "Decide not to accept the complaint",
        "Record the decision and tell the customer",
        _decision(services.complaint_not_accept, "Decided not to accept the complaint"),
        warning=True,
        letter=DECISION_LETTER,
    ),
    "accept-late": Page(
        f.AcceptLateForm,
        "Accept what came late",
        "Accept it",
        _passing(
            services.late_acceptance_record, "Accepted, with your reasons, on the timeline", "rationale"
        ),
        intro="Coming late is never a reason to refuse on its own: you may accept it, with reasons (Housing "
        "Ombudsman Complaint Handling Code 2.3 and 5.11). To refuse it, decide not to accept or not to "
        "escalate instead, with the reason from the policy.",
    ),
    "withdraw": Page(
        f.WithdrawForm,
        "Record a withdrawal",
        "Record the withdrawal",
        _passing(services.case_withdraw, "Withdrawal recorded", "on", "reason"),
        warning=True,
    ),
    "close": Page(
        f.CloseForm,
        "Close the complaint",
        "Close the complaint",
        _passing(services.case_close, "Complaint closed and the learning recorded", "lesson", "improvement"),
        letter="The satisfaction survey is sent to the customer when you save.",
    ),
    "close-case": Page(
        f.ConfirmForm, "Close the case", "Close the case", _passing(services.case_close, "Case closed")
    ),
    "satisfaction": Page(f.SatisfactionForm, "Record satisfaction", "Save", _satisfaction),
    "complaint-choice": Page(
        f.ComplaintChoiceForm, "Record the choice to complain", "Save", _complaint_choice
    ),
    "convert": Page(
        f.ConvertForm,
        "Make it a complaint",
        "Raise the complaint",
        _convert,
        intro="A new complaint is raised, linked to this case. A service request carries on.",
    ),
    "resolve": Page(
        f.ResolveForm, "Resolve", "Resolve", _passing(services.case_resolve, "Resolved", "resolution")
    ),
    "identify-colleague": Page(
        f.IdentifyColleagueForm,
        "Say which colleague the complaint is about",
        "Save",
        _identify_colleague,
        intro="The complaint is then hidden from other staff, runs the policy's clocks for complaints about "
        "colleagues, and is investigated by whoever the policy says, never the colleague. Do this before "
        "you acknowledge it.",
    ),
    "disciplinary": Page(
        f.DisciplinaryForm,
        "Record disciplinary procedures",
        "Save",
        _passing(
            services.colleague_complaint_disciplinary,
            "Disciplinary procedures recorded: the response will tell the customer",
            "on",
        ),
        intro="The customer is told in the response that the complaint is being taken forward through "
        "disciplinary procedures, and nothing more.",
        warning=True,
    ),
    "pass-on": Page(
        f.PassOnForm,
        "Pass on the compliment",
        "Pass it on",
        _pass_on,
        intro="The colleague is sent the compliment, with a copy to the line manager named beside them, and "
        "the customer is thanked. Where no line manager is set, a landlord administrator can set one in "
        "Staff and roles first.",
    ),
    "acknowledge-comment": Page(
        f.ConfirmForm,
        "Acknowledge the comment or suggestion",
        "Acknowledge and send the letter",
        _passing(services.comment_acknowledge, "Comment acknowledged"),
        letter="The acknowledgement letter is sent to the customer when you save.",
    ),
    "respond-comment": Page(
        f.CommentRespondForm,
        "Respond to the comment or suggestion",
        "Send the response",
        _passing(services.comment_respond, "Response sent", "response"),
        letter="Your response is sent to the customer as a letter when you save.",
    ),
    "complete-action": Page(f.CompleteActionForm, "Record an agreed action done", "Save", _complete_action),
    "pay-remedy": Page(f.PayRemedyForm, "Record compensation paid", "Save", _pay_remedy),
    "hazard-investigation": Page(
        f.HazardConcludeForm,
        "Record the hazard investigation concluded",
        "Save",
        _passing(
            services.hazard_investigation_conclude,
            "Hazard investigation concluded: the Awaab's Law clocks that run from it have started",
            "concluded_on",
        ),
    ),
    "hazard-duty": Page(f.HazardDutyForm, "Record an Awaab's Law duty done", "Save", _hazard_duty),
}
