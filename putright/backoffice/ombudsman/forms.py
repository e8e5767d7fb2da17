"""Forms for the Ombudsman pages (referral, stages, determination, compliance with an order, Code
non-compliance), filtering the learning log and publishing a lesson: they only check what was typed; the
services decide."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms

from putright.backoffice.case_actions.fields import GovukDateField
from putright.ombudsman.models import Finding, Order
from putright.ombudsman.services import FindingInput, OrderInput

DATE_HINT = "For example, 27 3 2026"


class OrderCompleteForm(forms.Form):
    completed_on = GovukDateField(
        what="the date it was complied with", label="Date complied with", help_text=DATE_HINT
    )
    evidence = forms.CharField(
        label="Evidence of compliance",
        help_text="What shows it was done, for example the letter sent or the payment made",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the evidence of compliance"},
    )


class LearningFilterForm(forms.Form):
    service_area = forms.ChoiceField(label="Service area", required=False)
    start = GovukDateField(
        what="the start of the period", label="Recorded from", required=False, help_text=DATE_HINT
    )
    end = GovukDateField(
        what="the end of the period", label="Recorded to", required=False, help_text=DATE_HINT
    )

    def __init__(self, *args: object, areas: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["service_area"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "All service areas"), *((a, a) for a in areas)]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be the same as or after the start")
        return data


class LessonPublishForm(forms.Form):
    you_said = forms.CharField(
        label="You said",
        help_text="What residents told us, in general words: no names, addresses or case details",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what residents said"},
    )
    we_did = forms.CharField(
        label="We did",
        help_text="What we changed as a result",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what we did"},
    )
    published_on = GovukDateField(what="the publication date", label="Publication date", help_text=DATE_HINT)


class ReferForm(forms.Form):
    case_reference = forms.CharField(
        label="Complaint reference",
        help_text="Our reference, for example GP-2026-000001",
        error_messages={"required": "Enter the complaint reference"},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    ombudsman_reference = forms.CharField(
        label="Ombudsman's reference",
        error_messages={"required": "Enter the Ombudsman's reference"},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    referred_on = GovukDateField(what="the referral date", label="Date referred", help_text=DATE_HINT)


class AdvanceForm(forms.Form):
    on = GovukDateField(what="the date", label="Date", help_text=DATE_HINT)


FINDING_CHOICES = [("", "Choose a finding"), *Finding.Kind.choices]
ORDER_CHOICES = [("", "Choose order or recommendation"), *Order.Type.choices]


class DetermineForm(forms.Form):
    """The determination: its date and summary, a finding per element of the complaint, and the orders and
    recommendations with their due dates, in rows ("Add another" shows one more, without JavaScript)."""

    determined_on = GovukDateField(
        what="the determination date", label="Date of the determination", help_text=DATE_HINT
    )
    summary = forms.CharField(
        label="Summary (optional)",
        help_text="What the Ombudsman decided, in a sentence or two",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, rows: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for i in range(rows["finding"]):
            self.fields[f"finding_element_{i}"] = forms.CharField(
                label="Element of the complaint", required=False, max_length=300
            )
            self.fields[f"finding_kind_{i}"] = forms.ChoiceField(
                label="Finding", choices=FINDING_CHOICES, required=False
            )
        for i in range(rows["order"]):
            self.fields[f"order_type_{i}"] = forms.ChoiceField(
                label="Order or recommendation", choices=ORDER_CHOICES, required=False
            )
            self.fields[f"order_description_{i}"] = forms.CharField(
                label="What the landlord must do", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"order_due_{i}"] = GovukDateField(
                what="the date it is due",
                past_only=False,
                label="Due by",
                required=False,
                help_text=DATE_HINT,
            )

    def finding_rows(self) -> Iterator[tuple[int, forms.BoundField, forms.BoundField]]:
        for i in range(self.rows["finding"]):
            yield i + 1, self[f"finding_element_{i}"], self[f"finding_kind_{i}"]

    def order_rows(self) -> Iterator[tuple[int, forms.BoundField, forms.BoundField, forms.BoundField]]:
        for i in range(self.rows["order"]):
            yield i + 1, self[f"order_type_{i}"], self[f"order_description_{i}"], self[f"order_due_{i}"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        findings: list[FindingInput] = []
        for i in range(self.rows["finding"]):
            element, kind = data.get(f"finding_element_{i}"), data.get(f"finding_kind_{i}")
            if element and not kind:
                self.add_error(f"finding_kind_{i}", f"Select the finding on element {i + 1}")
            if kind and not element:
                self.add_error(
                    f"finding_element_{i}", f"Enter the element of the complaint for finding {i + 1}"
                )
            if element and kind:
                findings.append(FindingInput(element, kind))
        orders: list[OrderInput] = []
        for i in range(self.rows["order"]):
            kind, words = data.get(f"order_type_{i}"), data.get(f"order_description_{i}")
            due = data.get(f"order_due_{i}")
            if not (kind or words or due) and f"order_due_{i}" not in self.errors:
                continue
            if not kind:
                self.add_error(
                    f"order_type_{i}", f"Select whether item {i + 1} is an order or a recommendation"
                )
            if not words:
                self.add_error(f"order_description_{i}", f"Enter what the landlord must do for item {i + 1}")
            if due is None and f"order_due_{i}" not in self.errors:
                self.add_error(f"order_due_{i}", f"Enter the date item {i + 1} is due")
            if kind and words and due:
                orders.append(OrderInput(kind, words, due))
        data["findings"], data["orders"] = findings, orders
        return data


class NonComplianceForm(forms.Form):
    provision = forms.CharField(
        label="Code provision",
        help_text="The provision of the Complaint Handling Code, for example 5.8",
        max_length=100,
        error_messages={"required": "Enter the Code provision"},
    )
    from_date = GovukDateField(
        what="the date non-compliance began", label="Not complied with from", help_text=DATE_HINT
    )
    reason = forms.CharField(
        label="The exceptional circumstances",
        help_text="Why the landlord could not comply",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the exceptional circumstances"},
    )
    residents_told_on = GovukDateField(
        what="the date residents were told",
        label="Residents told on (optional)",
        required=False,
        help_text=DATE_HINT,
    )
    ombudsman_told_on = GovukDateField(
        what="the date the Ombudsman was told",
        label="Ombudsman told on (optional)",
        required=False,
        help_text=DATE_HINT,
    )
    regulator_told_on = GovukDateField(
        what="the date the Regulator was told",
        label="Regulator told on (optional)",
        required=False,
        help_text=DATE_HINT,
    )
    returned_on = GovukDateField(
        what="the date of return to compliance",
        label="Returned to compliance on (optional)",
        required=False,
        help_text="Leave empty while the provision is still not complied with",
    )
