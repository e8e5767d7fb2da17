"""The case page's two forms: an internal note, and a file to attach. They only collect the input; the
rules (length, file type, size) are the services' (putright/cases/services/notes.py), whose errors are put
back on these forms' fields."""

from __future__ import annotations

from django import forms

from putright.cases.services.notes import allowed_types_text, max_size_text


class NoteForm(forms.Form):
    prefix = "note"

    text = forms.CharField(
        label="Add an internal note",
        help_text="Only staff see internal notes. A note cannot be changed or deleted once added.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the note"},
        strip=False,
    )


class AttachmentForm(forms.Form):
    prefix = "attachment"

    file = forms.FileField(
        label="Upload a file",
        error_messages={"required": "Select a file"},
        allow_empty_file=True,  # the service says so, with the same words as for every other file check
    )
    description = forms.CharField(
        label="Describe the file (optional)",
        help_text="For example, photographs of the damp in the bedroom, taken by the surveyor",
        required=False,
    )

    @staticmethod
    def hint() -> str:
        return f"A {allowed_types_text()} file, smaller than {max_size_text()}"
