"""Forms for recording compliance with an Ombudsman order, filtering the learning log and publishing a
lesson: they only check what was typed; the services decide."""

from __future__ import annotations

from django import forms

from putright.backoffice.case_actions.fields import GovukDateField

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
