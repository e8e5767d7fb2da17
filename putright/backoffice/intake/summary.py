"""The check page's summary of the answers, section by section, each row with a link to change it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from putright.backoffice.intake.answers import Answers, received_at
from putright.backoffice.intake.forms import CHOICE_CHOICES, CHOICE_KINDS, KIND_CHOICES, NEW, NOBODY
from putright.customers.models import Channel, Customer, Representative
from putright.domain.hazards import hazard_rules
from putright.organisations.models import Landlord

STEP_URLS = {
    "customer": "backoffice:log-feedback",
    "representative": "backoffice:log-feedback-representative",
    "kind": "backoffice:log-feedback-kind",
    "details": "backoffice:log-feedback-details",
}


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    change_url: str
    change_label: str


def _day(value: str | None) -> str:
    if not value:
        return ""
    day = date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def summary_rows(landlord: Landlord, answers: Answers) -> dict[str, list[Row]]:
    """The answers as summary list rows, by section, each with the link that changes it."""
    slug = landlord.slug
    url = {step: reverse(name, args=[slug]) for step, name in STEP_URLS.items()}
    customer = answers.customer(landlord)
    new = answers.get("new_customer") or {}
    if customer:
        who = [
            Row(
                "Customer",
                f"{customer.name}\n{customer.get_type_display()}"
                + (f"\nReference {customer.tenancy_reference}" if customer.tenancy_reference else "")
                + (f"\n{customer.address}" if customer.address else "")
                + (f"\n{customer.postcode}" if customer.postcode else ""),
                url["customer"],
                "customer",
            ),
        ]
    else:
        types, channels = dict(Customer.Type.choices), dict(Channel.choices)
        contact = "\n".join(
            v for v in (new.get("address"), new.get("postcode"), new.get("email"), new.get("phone")) if v
        )
        who = [
            Row(
                "Customer (new)",
                f"{new.get('name')}\n{types.get(new.get('type', ''), '')}",
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "customer",
            ),
            Row(
                "Property or tenancy reference",
                new.get("tenancy_reference") or "Not given",
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "reference",
            ),
            Row(
                "Contact details",
                contact or "None given",
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "contact details",
            ),
            Row(
                "Preferred channel",
                channels.get(new.get("preferred_channel", ""), ""),
                reverse("backoffice:log-feedback-new-customer", args=[slug]),
                "preferred channel",
            ),
        ]
    acting = answers.get("representative")
    if acting == NEW:
        rep = answers.get("new_representative") or {}
        basis = dict(Representative.Basis.choices).get(rep.get("basis", ""), "")
        on_behalf = (
            f"{rep.get('name')} ({rep.get('relationship')}), new: {basis}. Authority will be requested."
        )
    elif acting and acting != NOBODY:
        existing = Representative.objects.filter(landlord=landlord, customer=customer, pk=int(acting)).first()
        on_behalf = (
            f"{existing.name} ({existing.relationship}; {existing.get_authority_display().lower()})"
            if existing
            else ""
        )
    else:
        on_behalf = "No one: the customer themselves"
    who.append(Row("On behalf of the customer", on_behalf, url["representative"], "who is acting"))
    kind_rows = [Row("Kind", dict(KIND_CHOICES).get(answers.get("kind"), ""), url["kind"], "kind")]
    if answers.get("kind") in CHOICE_KINDS:
        kind_rows.append(
            Row(
                "Choice to complain (Code 1.3)",
                dict(CHOICE_CHOICES).get(answers.get("choice"), ""),
                url["kind"],
                "choice to complain",
            )
        )
    d = answers.get("details") or {}
    received = received_at(d)
    hazards = {h.kind: h.label for h in hazard_rules().hazards}
    yes = "Yes"
    detail_rows = [
        ("How it reached us", dict(Channel.choices).get(d.get("channel", ""), ""), "how it reached us"),
        (
            "Received",
            f"{received.day} {received:%B %Y} at {received:%H:%M}"
            + (f" by {d['received_by']}" if d.get("received_by") else ""),
            "when it was received",
        ),
        ("Summary", d.get("summary", ""), "summary"),
        ("What the customer told us", d.get("description", ""), "what the customer told us"),
        ("Service area", d.get("service_area") or "Not given", "service area"),
        ("Category", d.get("category") or "Not given", "category"),
        ("Contractor", d.get("contractor") or "None", "contractor"),
        ("Colleagues named", d.get("colleagues_named") or "None", "colleagues named"),
        ("About a colleague", yes if d.get("about_colleague") else "No", "about a colleague"),
        ("Date the issue happened", _day(d.get("issue_date")) or "Not given", "date of the issue"),
        (
            "Date the customer became aware",
            _day(d.get("aware_date")) or "Not given",
            "date the customer became aware",
        ),
        (
            "Vulnerability or risk",
            (f"Yes: {d.get('vulnerability_note')}" if d.get("vulnerability_note") else yes)
            if d.get("vulnerability")
            else "No",
            "vulnerability",
        ),
        ("Hazard (Awaab's Law)", hazards.get(d.get("hazard_kind") or "", "None reported"), "hazard"),
    ]
    return {
        "Customer": who,
        "Feedback": kind_rows + [Row(k, v, url["details"], label) for k, v, label in detail_rows],
    }
