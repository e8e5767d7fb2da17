"""Service refusals shown on the form that caused them, in GOV.UK style (error summary and field error)."""

from __future__ import annotations

from django import forms

from putright.domain.errors import DomainError, InvalidInputError


def refusal_on_form(form: forms.Form, error: DomainError, *, field_map: dict[str, str] | None = None) -> None:
    """Put the service's message on the field it names (renamed by `field_map`), else on the whole form."""
    field = getattr(error, "field", None) if isinstance(error, InvalidInputError) else None
    field = (field_map or {}).get(field or "", field)
    message = str(error)
    form.add_error(field if field in form.fields else None, message[:1].upper() + message[1:])
