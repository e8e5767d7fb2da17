"""The case list's filter form: a plain GET form, so filters, search, sorting and paging are all links."""

from __future__ import annotations

from typing import Any

from django import forms

from putright.cases.models import KIND_CHOICES, STATUS_CHOICES
from putright.cases.selectors import SORT_KEYS, CaseFilters
from putright.customers.models import Channel

ANY = [("", "Any")]

DUE_CHOICES = [
    ("overdue", "Overdue"),
    ("today", "Due today"),
    ("week", "Due this week (next 5 working days)"),
]

FLAG_CHOICES = [
    ("vulnerability", "Vulnerable customer"),
    ("hazard", "Awaab's Law hazard"),
    ("about_colleague", "About a colleague"),
]

SORTS = {*SORT_KEYS, *(f"-{key}" for key in SORT_KEYS)}
SORT_CHOICES = [
    ("", "Next due, soonest first"),
    ("-next_due", "Next due, latest first"),
    ("-received", "Received, newest first"),
    ("received", "Received, oldest first"),
    ("reference", "Reference, A to Z"),
    ("-reference", "Reference, Z to A"),
    ("status", "Status, in the order of the process"),
    ("-status", "Status, in reverse order"),
    ("kind", "Kind, A to Z"),
    ("-kind", "Kind, Z to A"),
]
"""The sort orders the "Sort by" list offers (the column headings offer the same); "next_due" is the default."""


class CaseListForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Reference, customer name, address or postcode, or words in the summary or description",
    )
    kind = forms.ChoiceField(label="Kind", required=False, choices=ANY + KIND_CHOICES)
    stage = forms.TypedChoiceField(
        label="Stage",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[*ANY, ("1", "Stage 1"), ("2", "Stage 2")],
    )
    status = forms.ChoiceField(label="Status", required=False, choices=ANY + STATUS_CHOICES)
    due = forms.ChoiceField(label="Next deadline", required=False, choices=ANY + DUE_CHOICES)
    category = forms.ChoiceField(label="Category", required=False)
    service_area = forms.ChoiceField(label="Service area", required=False)
    contractor = forms.ChoiceField(label="Contractor", required=False)
    channel = forms.ChoiceField(label="Channel", required=False, choices=ANY + list(Channel.choices))
    handler = forms.TypedChoiceField(label="Handler", required=False, coerce=int, empty_value=None)
    sort = forms.CharField(label="Sort by", required=False)
    """A whitelisted sort key; anything else is ignored (the default order), never an error."""
    flags = forms.MultipleChoiceField(
        label="Flags",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Shows cases with any of the ticked flags",
    )

    def __init__(
        self,
        data: Any,
        *,
        categories: list[str],
        service_areas: list[str],
        contractors: list[str],
        handlers: list[tuple[int, str]],
        may_see_colleague_cases: bool,
    ) -> None:
        super().__init__(data)
        fields = self.fields
        fields["category"].choices = ANY + [(c, c) for c in categories]  # type: ignore[attr-defined]
        fields["service_area"].choices = ANY + [(s, s) for s in service_areas]  # type: ignore[attr-defined]
        fields["contractor"].choices = ANY + [(c, c) for c in contractors]  # type: ignore[attr-defined]
        fields["handler"].choices = ANY + [(str(pk), name) for pk, name in handlers]  # type: ignore[attr-defined]
        fields["flags"].choices = [  # type: ignore[attr-defined]
            (value, label)
            for value, label in FLAG_CHOICES
            if value != "about_colleague" or may_see_colleague_cases
        ]
        for field in fields.values():
            field.error_messages["invalid_choice"] = (
                "“%(value)s” is not one of the choices: choose from the list"
            )

    def clean_sort(self) -> str:
        sort = self.cleaned_data.get("sort") or ""
        return "" if sort == "next_due" or sort not in SORTS else sort

    def filters(self) -> CaseFilters:
        """The filters from the fields that are valid (an invalid one is shown as an error and ignored)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        flags = set(data.get("flags") or ())
        return CaseFilters(
            kind=data.get("kind") or "",
            stage=data.get("stage"),
            status=data.get("status") or "",
            handler_id=data.get("handler"),
            category=data.get("category") or "",
            service_area=data.get("service_area") or "",
            contractor=data.get("contractor") or "",
            channel=data.get("channel") or "",
            due=data.get("due") or "",
            vulnerability="vulnerability" in flags,
            hazard="hazard" in flags,
            about_colleague="about_colleague" in flags,
            search=(data.get("q") or "").strip(),
            sort=data.get("sort") or "",
        )

    def applied(self) -> list[tuple[str, str]]:
        """(field label, chosen option label) for each filter in force, for the "Selected filters" list."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        chosen = []
        for name in ("kind", "stage", "status", "due", "category", "service_area", "contractor", "channel"):
            value = data.get(name)
            if value in (None, ""):
                continue
            labels = dict(self.fields[name].choices)  # type: ignore[attr-defined]
            chosen.append((str(self.fields[name].label), str(labels.get(str(value), value))))
        if data.get("handler"):
            labels = dict(self.fields["handler"].choices)  # type: ignore[attr-defined]
            chosen.append(("Handler", str(labels.get(str(data["handler"]), ""))))
        flag_labels = dict(FLAG_CHOICES)
        for flag in data.get("flags") or ():
            chosen.append(("Flag", flag_labels[flag]))
        if data.get("q"):
            chosen.append(("Search", data["q"]))
        return chosen
