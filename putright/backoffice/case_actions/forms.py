"""The forms of the case actions: what the person types, checked for shape only.

Every rule (dates against deadlines, who may be chosen, what the policy allows) is the service's; the
choices offered come from `putright.cases.offers`. Field names follow the services' keyword arguments so
that a service's InvalidInputError lands on the field it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.selectors import line_manager_copies
from putright.backoffice.case_actions.fields import GovukDateField
from putright.cases.models import AgreedAction, Case, Remedy, Satisfaction, Stage
from putright.cases.offers import (
    additional_issue_rule,
    colleague_choices,
    colleague_handler_hint,
    completable_actions,
    decision_reasons,
    may_be_raised_at_escalation,
    open_hazard_duties,
    stage1_handler_choices,
    stage2_handler_choices,
)
from putright.cases.services.closure import STAFF_SURVEY_SOURCES
from putright.customers.models import Channel

YES_NO = [("yes", "Yes"), ("no", "No")]
DECISIONS = Stage.Outcome.choices
ROWS_MAX = 20


def text(label: str, *, required: bool = True, help_text: str = "", rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=widget, max_length=5000
    )


def _people(users: list[User]) -> list[tuple[str, str]]:
    return [(str(u.pk), str(u)) for u in users]


class ActionForm(forms.Form):
    """A case action's form; knows its case and the person, for the choices it offers."""

    def __init__(
        self, *args: Any, case: Case, user: User, stage: Stage | None, rows: dict[str, int], **kwargs: Any
    ):
        self.case, self.user, self.stage, self.rows = case, user, stage, rows
        super().__init__(*args, **kwargs)
        self.error_messages_required()

    REQUIRED: dict[str, str] = {}
    """GOV.UK's message for a required field left empty, where the label is a question."""

    @classmethod
    def initial_for(cls, case: Case, stage: Stage | None) -> dict[str, Any]:
        """What the form starts with: today in every date that is usually today."""
        today = timezone.localdate()
        return {
            name: today
            for name, field in cls.base_fields.items()
            if isinstance(field, GovukDateField) and field.required
        }

    def error_messages_required(self) -> None:
        """GOV.UK's "Enter ..." or "Select ..." message for a required field left empty."""
        for name, field in self.fields.items():
            if isinstance(field, GovukDateField):
                continue
            verb = "Select" if isinstance(field.widget, forms.RadioSelect | forms.Select) else "Enter"
            label = str(field.label or "")
            message = self.REQUIRED.get(name) or f"{verb} {label[:1].lower()}{label[1:]}"
            field.error_messages["required"] = message

    def user_choice(self, name: str) -> User | None:
        value = self.cleaned_data.get(name)
        return User.objects.filter(pk=value).first() if value else None


def _only(name: str, choices: Any) -> dict[str, str]:
    """Choose the only choice there is, so the page needs one click fewer."""
    ids = list(choices.values_list("pk", flat=True)[:2])
    return {name: str(ids[0])} if len(ids) == 1 else {}


def row_count(data: Any, name: str, at_least: int) -> int:
    """How many rows of a repeating group to show: as many as were shown, one more if "add another" was
    pressed, and never fewer than `at_least`."""
    try:
        shown = int(data.get(f"{name}_rows", 0)) if data is not None else 0
    except ValueError:
        shown = 0
    extra = 1 if data is not None and data.get("add") == name else 0
    return min(max(shown, at_least) + extra, ROWS_MAX)


class AcknowledgeForm(ActionForm):
    """Acknowledge a stage with its complaint definition: the points and outcomes sought, what the
    landlord is and is not responsible for, and (at stage 1) who investigates."""

    REQUIRED = {"handler": "Select who will investigate"}

    acknowledged_on = GovukDateField(
        what="the date of the acknowledgement",
        label="Date of the acknowledgement",
        help_text="The date the acknowledgement letter is sent, for example 27 3 2026",
    )
    responsible_for = text(
        "What we are responsible for",
        rows=3,
        help_text="What the investigation will look at, in words the customer will recognise",
    )
    not_responsible_for = text(
        "What we are not responsible for (optional)",
        required=False,
        rows=3,
        help_text="For example, matters for another organisation, with who to contact",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index in range(self.rows["point"]):
            self.fields[f"point_{index}"] = text(
                f"Point {index + 1}",
                required=index == 0,
                rows=2,
                help_text="What the customer is unhappy about",
            )
            self.fields[f"outcome_sought_{index}"] = text(
                f"Outcome sought for point {index + 1} (optional)", required=False
            )
        if self.stage is not None and self.stage.number == 1:
            default, rule = colleague_handler_hint(self.case)
            self.fields["handler"] = forms.ChoiceField(
                label="Who will investigate",
                choices=_people(stage1_handler_choices(self.case)),
                initial=str(self.stage.handler_id or (default or self.user).pk),
                help_text=rule,
            )
        self.order_fields(
            ["acknowledged_on", *(f for f in self.fields if f.startswith(("point_", "outcome_sought_")))]
        )
        self.error_messages_required()
        self.fields["point_0"].error_messages["required"] = "Enter at least one point of the complaint"

    @classmethod
    def initial_for(cls, case: Case, stage: Stage | None) -> dict[str, Any]:
        """Today, and the definition so far; stage 2 starts from stage 1's, for the handler to revise."""
        initial = super().initial_for(case, stage)
        source = stage.definition if stage is not None else []
        if not source and stage is not None and stage.number == 2:
            source = (
                Stage.objects.filter(case=case, number=1).values_list("definition", flat=True).first() or []
            )
        for index, item in enumerate(source):
            initial[f"point_{index}"] = item.get("point", "")
            initial[f"outcome_sought_{index}"] = item.get("outcome_sought", "")
        return initial

    def point_rows(self) -> Iterator[tuple[forms.BoundField, forms.BoundField]]:
        for index in range(self.rows["point"]):
            yield self[f"point_{index}"], self[f"outcome_sought_{index}"]

    def definition(self) -> list[dict[str, str]]:
        return [
            {
                "point": self.cleaned_data[f"point_{i}"],
                "outcome_sought": self.cleaned_data[f"outcome_sought_{i}"],
            }
            for i in range(self.rows["point"])
            if self.cleaned_data.get(f"point_{i}", "").strip()
        ]


class ClarificationForm(ActionForm):
    REQUIRED = {
        "channel": "Select how you tried to contact the customer",
        "reached": "Select yes if you reached the customer",
    }

    on = GovukDateField(what="the date of the contact", label="Date", help_text="For example, 27 3 2026")
    time = forms.TimeField(
        label="Time (optional)",
        required=False,
        help_text="For example, 14:30",
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"invalid": "Enter the time as hours and minutes, for example 14:30"},
    )
    channel = forms.ChoiceField(
        label="How did you try to contact the customer?", choices=Channel.choices, widget=forms.RadioSelect
    )
    reached = forms.ChoiceField(label="Did you reach the customer?", choices=YES_NO, widget=forms.RadioSelect)
    note = text("What was said or agreed (optional)", required=False, rows=4)
    letter = forms.BooleanField(
        label="Send the customer a letter asking what needs clarifying",
        required=False,
        help_text="If you could not reach them, or you would rather write. The letter follows their "
        "reasonable adjustments and goes to an authorised representative where there is one",
    )
    questions = text(
        "What the letter asks (if you send one)",
        required=False,
        rows=4,
        help_text="The questions, in words the customer will recognise",
    )

    @classmethod
    def initial_for(cls, case: Case, stage: Stage | None) -> dict[str, Any]:
        return {**super().initial_for(case, stage), "channel": case.channel}


class AddIssueForm(ActionForm):
    REQUIRED = {"related": "Select yes if the issue is related to the complaint"}

    point = text("The issue", rows=3, help_text="What the customer has raised, in their words where you can")
    outcome_sought = text("Outcome sought (optional)", required=False)
    related = forms.ChoiceField(
        label="Is it related to the complaint being investigated?", choices=YES_NO, widget=forms.RadioSelect
    )
    would_unreasonably_delay = forms.BooleanField(
        label="Adding it would unreasonably delay the response", required=False
    )
    at_escalation = forms.BooleanField(
        label="It was raised when the customer asked for stage 2", required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["related"].help_text = f"The policy: {additional_issue_rule(self.case)}"
        if not may_be_raised_at_escalation(self.case):
            del self.fields["at_escalation"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data.setdefault("at_escalation", False)
        return data


class ExtendForm(ActionForm):
    REQUIRED = {
        "reason": "Enter the reason, as explained to the customer",
        "days": "Enter how many working days",
        "justification": "Select whether there is a good reason or the customer agreed",
    }

    days = forms.IntegerField(
        label="How many working days?",
        min_value=1,
        max_value=60,
        help_text="The working days added to the response date",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the number of working days as a whole number, like 10",
            "min_value": "The extension must be at least 1 working day",
            "max_value": "The extension must be 60 working days or fewer",
        },
    )
    notified_on = GovukDateField(
        what="the date the customer was told",
        label="When was the customer told?",
        help_text="The date you told the customer the reason and the new date, for example 27 3 2026",
    )
    reason = text("Reason, as explained to the customer", rows=4)
    justification = forms.ChoiceField(
        label="Is there a good reason, or did the customer agree?",
        choices=[
            ("good-reason", "There is a good reason"),
            ("agreed", "The customer agreed to the extension"),
            ("none", "Neither"),
        ],
        widget=forms.RadioSelect,
        initial="good-reason",
    )


class LetterDateForm(ActionForm):
    letter_on = GovukDateField(
        what="the date of the letter", label="Date of the letter", help_text="For example, 27 3 2026"
    )


class CloseNoContactForm(ActionForm):
    on = GovukDateField(what="the closure date", label="Closure date", help_text="For example, 27 3 2026")


class RespondForm(ActionForm):
    """The response: a decision and reasons on each point, the outcome, remedies and agreed actions."""

    REQUIRED = {"outcome": "Select the overall outcome", "summary": "Enter the response"}

    responded_on = GovukDateField(
        what="the date of the response",
        label="Date of the response",
        help_text="The date the response letter is sent, for example 27 3 2026",
    )
    outcome = forms.ChoiceField(label="Overall outcome", choices=DECISIONS, widget=forms.RadioSelect)
    summary = text(
        "The response", rows=8, help_text="What the customer will read: what we found and what we will do"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.points = [p["point"] for p in (self.stage.definition if self.stage else [])]
        for index, _point in enumerate(self.points):
            self.fields[f"decision_{index}"] = forms.ChoiceField(
                label=f"Decision on point {index + 1}", choices=DECISIONS, widget=forms.RadioSelect
            )
            self.REQUIRED = {
                **self.REQUIRED,
                f"decision_{index}": f"Select the decision on point {index + 1}",
            }
            self.fields[f"reasons_{index}"] = text(f"Reasons for the decision on point {index + 1}", rows=3)
        owners = [("", "Choose who"), *_people(colleague_choices(self.case))]
        remedy_types = [("", "Choose a remedy"), *list(Remedy.Type.choices)]
        for index in range(self.rows["remedy"]):
            self.fields[f"remedy_type_{index}"] = forms.ChoiceField(
                label="Remedy", choices=remedy_types, required=False
            )
            self.fields[f"remedy_description_{index}"] = text("What we will do", required=False)
            self.fields[f"remedy_amount_{index}"] = forms.DecimalField(
                label="Compensation offered, in pounds (optional)",
                required=False,
                min_value=0,
                max_digits=10,
                decimal_places=2,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
                error_messages={"invalid": "Enter the amount in pounds, like 150 or 150.00"},
            )
        for index in range(self.rows["action"]):
            self.fields[f"action_description_{index}"] = text("What we agreed to do", required=False)
            self.fields[f"action_owner_{index}"] = forms.ChoiceField(
                label="Who will do it", choices=owners, required=False
            )
            self.fields[f"action_due_{index}"] = GovukDateField(
                what="the date it is due",
                past_only=False,
                label="Due by",
                required=False,
                help_text="For example, 27 3 2026",
            )
        self.order_fields(
            ["responded_on", *(f for f in self.fields if f.startswith(("decision_", "reasons_")))]
        )
        self.error_messages_required()

    def point_rows(self) -> Iterator[tuple[int, str, forms.BoundField, forms.BoundField]]:
        for index, point in enumerate(self.points):
            yield index + 1, point, self[f"decision_{index}"], self[f"reasons_{index}"]

    def remedy_rows(self) -> Iterator[tuple[int, forms.BoundField, forms.BoundField, forms.BoundField]]:
        for i in range(self.rows["remedy"]):
            yield i + 1, self[f"remedy_type_{i}"], self[f"remedy_description_{i}"], self[f"remedy_amount_{i}"]

    def action_rows(self) -> Iterator[tuple[int, forms.BoundField, forms.BoundField, forms.BoundField]]:
        for i in range(self.rows["action"]):
            yield i + 1, self[f"action_description_{i}"], self[f"action_owner_{i}"], self[f"action_due_{i}"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(self.rows["remedy"]):
            kind, words = data.get(f"remedy_type_{i}"), data.get(f"remedy_description_{i}")
            amount = data.get(f"remedy_amount_{i}")
            if (words or amount is not None) and not kind:
                self.add_error(f"remedy_type_{i}", f"Select the kind of remedy {i + 1}")
            if kind and not words:
                self.add_error(f"remedy_description_{i}", f"Enter what we will do for remedy {i + 1}")
        for i in range(self.rows["action"]):
            words, owner = data.get(f"action_description_{i}"), data.get(f"action_owner_{i}")
            due = data.get(f"action_due_{i}")
            if not (words or owner or due):
                continue
            if not words:
                self.add_error(f"action_description_{i}", f"Enter what we agreed to do in action {i + 1}")
            if not owner:
                self.add_error(f"action_owner_{i}", f"Select who will do action {i + 1}")
            if due is None and f"action_due_{i}" not in self.errors:
                self.add_error(f"action_due_{i}", f"Enter the date action {i + 1} is due")
        return data


class RequestEscalationForm(ActionForm):
    requested_on = GovukDateField(
        what="the date the customer asked",
        label="When did the customer ask for stage 2?",
        help_text="For example, 27 3 2026",
    )
    reason = text(
        "Why the customer is still unhappy (optional)",
        required=False,
        rows=4,
        help_text="The customer does not have to give a reason",
    )


class AssignHandlerForm(ActionForm):
    REQUIRED = {"handler": "Select who will handle stage 2"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _people(stage2_handler_choices(self.case))
        self.fields["handler"] = forms.ChoiceField(
            label="Who will handle stage 2?",
            choices=choices,
            widget=forms.RadioSelect,
            help_text="Senior leaders; never the person who handled stage 1",
        )
        self.error_messages_required()


class DecisionForm(ActionForm):
    """Not accepting a complaint, or not escalating it: a reason from the policy's list and the reasons."""

    REQUIRED = {"reason_code": "Select the reason, from the policy"}

    rationale = text(
        "Your reasons",
        rows=5,
        help_text="The customer is told these and of their right to go to the Housing Ombudsman",
    )
    previous_case = text(
        "Reference of the earlier case (if the matter was considered before)",
        required=False,
        help_text="For example, GP-2025-000123",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason_code"] = forms.ChoiceField(
            label="Reason, from the policy",
            choices=[(e.code, e.label) for e in decision_reasons(self.case)],
            widget=forms.RadioSelect,
        )
        self.order_fields(["reason_code", "rationale", "previous_case"])
        self.error_messages_required()


class AcceptLateForm(ActionForm):
    """Accepting a complaint made outside the time limit, or a late request for stage 2: the reasons."""

    REQUIRED = {"rationale": "Enter your reasons for accepting it"}

    rationale = text(
        "Your reasons for accepting it",
        rows=5,
        help_text="For example, why the customer could not come to us sooner. They are kept on the timeline",
    )


class WithdrawForm(ActionForm):
    on = GovukDateField(
        what="the date the customer withdrew",
        label="When did the customer withdraw?",
        help_text="For example, 27 3 2026",
    )
    reason = text("What the customer said", rows=4)


class CloseForm(ActionForm):
    REQUIRED = {"lesson": "Enter what we have learned, or 'none'"}

    lesson = text(
        "What have we learned?",
        rows=4,
        help_text="For the learning log. Write 'none' if there is nothing to learn",
    )
    improvement = text(
        "Service improvement (optional)",
        required=False,
        rows=3,
        help_text="What we will change, for 'you said, we did'",
    )


class ConfirmForm(ActionForm):
    """An action with nothing to type: the page asks for confirmation."""


class SatisfactionForm(ActionForm):
    REQUIRED = {"score": "Select how satisfied the customer was"}

    score = forms.TypedChoiceField(
        label="How satisfied was the customer?",
        coerce=int,
        choices=[
            ("5", "5: very satisfied"),
            ("4", "4: satisfied"),
            ("3", "3: neither satisfied nor dissatisfied"),
            ("2", "2: dissatisfied"),
            ("1", "1: very dissatisfied"),
        ],
        widget=forms.RadioSelect,
    )
    source = forms.ChoiceField(
        label="How did the customer answer?",
        choices=[(s.value, s.label) for s in STAFF_SURVEY_SOURCES],
        initial=Satisfaction.Source.PHONE,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = text("What the customer said (optional)", required=False, rows=4)


class ComplaintChoiceForm(ActionForm):
    REQUIRED = {"choice": "Select what the customer chose"}

    choice = forms.ChoiceField(
        label="What did the customer choose?",
        choices=[
            ("complaint", "To make a complaint (a complaint is raised now)"),
            ("service_request", "To carry on with it as a service request"),
            ("declined", "Not to complain"),
        ],
        widget=forms.RadioSelect,
        help_text="When a customer expresses dissatisfaction we offer the choice to complain (Code 1.3)",
    )


class ConvertForm(ActionForm):
    received_on = GovukDateField(
        what="the date the complaint was made",
        label="When did the customer make the complaint?",
        help_text="For example, 27 3 2026",
    )


class ResolveForm(ActionForm):
    REQUIRED = {"resolution": "Enter how it was resolved"}

    resolution = text("How was it resolved?", rows=4)


class IdentifyColleagueForm(ActionForm):
    REQUIRED = {"colleague": "Select the colleague the complaint is about"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["colleague"] = forms.ChoiceField(
            label="Which colleague is the complaint about?",
            choices=[("", "Choose a colleague"), *_people(colleague_choices(self.case))],
            initial=str(self.case.colleague_id or ""),
            help_text=f"Named by the customer: {self.case.colleagues_named}"
            if self.case.colleagues_named
            else "",
        )
        self.error_messages_required()


class DisciplinaryForm(ActionForm):
    on = GovukDateField(
        what="the date",
        label="Date the complaint was taken forward through disciplinary procedures",
        help_text="For example, 27 3 2026",
    )


class PassOnForm(ActionForm):
    REQUIRED = {"colleague": "Select who the compliment is for"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        colleagues = colleague_choices(self.case)
        copies = line_manager_copies(self.case.landlord, colleagues)
        self.fields["colleague"] = forms.ChoiceField(
            label="Who is the compliment for?",
            choices=[
                ("", "Choose a colleague"),
                *(
                    (str(u.pk), f"{u}, line manager {copies[u.pk].manager}")
                    if copies[u.pk].manager
                    else (str(u.pk), f"{u}, {copies[u.pk].why_not}")
                    for u in colleagues
                ),
            ],
            help_text=f"Named by the customer: {self.case.colleagues_named}"
            if self.case.colleagues_named
            else "",
        )
        self.error_messages_required()


class CommentRespondForm(ActionForm):
    response = text("Your response to the customer", rows=6)


class CompleteActionForm(ActionForm):
    REQUIRED = {"action": "Select the agreed action that was done"}

    completed_on = GovukDateField(
        what="the date it was done", label="When was it done?", help_text="For example, 27 3 2026"
    )
    note = text("Note (optional)", required=False, rows=3)

    @classmethod
    def initial_for(cls, case: Case, stage: Stage | None) -> dict[str, Any]:
        return {
            **super().initial_for(case, stage),
            **_only(
                "action",
                AgreedAction.objects.filter(
                    landlord=case.landlord, stage__case=case, completed_on__isnull=True
                ),
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actions = completable_actions(self.user, self.case)
        self.fields["action"] = forms.ChoiceField(
            label="Which agreed action was done?",
            choices=[(str(a.pk), f"{a.description} ({a.owner}, due {a.due_on:%-d %B %Y})") for a in actions],
            widget=forms.RadioSelect,
        )
        self.order_fields(["action", "completed_on", "note"])
        self.error_messages_required()


class PayRemedyForm(ActionForm):
    REQUIRED = {"remedy": "Select the compensation that was paid", "amount": "Enter the amount paid"}

    amount = forms.DecimalField(
        label="Amount paid, in pounds",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={"invalid": "Enter the amount in pounds, like 150 or 150.00"},
    )
    paid_on = GovukDateField(
        what="the date it was paid", label="When was it paid?", help_text="For example, 27 3 2026"
    )

    @classmethod
    def initial_for(cls, case: Case, stage: Stage | None) -> dict[str, Any]:
        """The only compensation waiting, if there is one, with the amount offered."""
        unpaid = Remedy.objects.filter(
            stage__landlord=case.landlord,
            stage__case=case,
            compensation_offered__isnull=False,
            paid_on__isnull=True,
        )
        initial = {**super().initial_for(case, stage), **_only("remedy", unpaid)}
        if "remedy" in initial:
            initial["amount"] = unpaid.get().compensation_offered
        return initial

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        remedies = Remedy.objects.filter(
            stage__landlord=self.case.landlord,
            stage__case=self.case,
            compensation_offered__isnull=False,
            paid_on__isnull=True,
        ).order_by("id")
        self.fields["remedy"] = forms.ChoiceField(
            label="Which compensation was paid?",
            choices=[
                (str(r.pk), f"{r.description}: £{r.compensation_offered:,.2f} offered") for r in remedies
            ],
            widget=forms.RadioSelect,
        )
        self.order_fields(["remedy", "amount", "paid_on"])
        self.error_messages_required()


class HazardConcludeForm(ActionForm):
    concluded_on = GovukDateField(
        what="the date the investigation concluded",
        label="When did the investigation conclude?",
        help_text="For example, 27 3 2026",
    )


class HazardDutyForm(ActionForm):
    REQUIRED = {"duty": "Select the duty that was carried out"}

    done_on = GovukDateField(
        what="the date it was done", label="When was it done?", help_text="For example, 27 3 2026"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["duty"] = forms.ChoiceField(
            label="Which duty was carried out?",
            choices=[(code, f"{label} (due {due})") for code, label, due in open_hazard_duties(self.case)],
            widget=forms.RadioSelect,
        )
        self.order_fields(["duty", "done_on"])
        self.error_messages_required()
