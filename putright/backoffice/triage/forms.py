"""The three things staff can do with an email awaiting triage, each a small form of its own."""

from __future__ import annotations

from django import forms

from putright.domain.lifecycle import Kind

KIND_CHOICES = [
    (Kind.COMPLAINT.value, "Complaint"),
    (Kind.SERVICE_REQUEST.value, "Service request"),
    (Kind.COMPLIMENT.value, "Compliment"),
    (Kind.COMMENT.value, "Comment or suggestion"),
]


class LogForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of feedback is it?",
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of feedback it is"},
    )


class JoinForm(forms.Form):
    reference = forms.CharField(
        label="Case reference",
        help_text="For example, BP-2026-000042",
        max_length=30,
        error_messages={"required": "Enter the case reference, like BP-2026-000042"},
    )


class IgnoreForm(forms.Form):
    reason = forms.CharField(
        label="Why does this email need no case?",
        help_text="For example, spam, or meant for another organisation",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        error_messages={
            "required": "Enter why this email needs no case",
            "max_length": "Reason must be 500 characters or fewer",
        },
    )
