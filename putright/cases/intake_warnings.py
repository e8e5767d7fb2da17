"""What the person logging feedback must see before saving it: a possible repeat of a matter already
considered, a complaint closed for no contact (this may be the reply), an open case on the same subject,
and any contact restriction in force.

These are warnings, never refusals: the person logging reads them and chooses to carry on. A decision not
to accept a complaint (e.g. "previously considered") is taken later, with reasons, on the case. A contact
restriction never blocks a new, different complaint or an emergency repair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from putright.accounts.models import User
from putright.cases.models import Case
from putright.cases.selectors import closed_for_no_contact
from putright.cases.services._base import profile_of
from putright.customers.models import Customer, Restriction
from putright.customers.search import possible_duplicates
from putright.customers.selectors import customer_cases
from putright.domain.lifecycle import FINISHED, Kind, Status
from putright.organisations.models import Landlord

REPEAT_WINDOW_DAYS = 365
"""How far back a complaint already answered counts as a possible repeat (about 12 months)."""

CONSIDERED = (Status.STAGE1_RESPONDED, Status.STAGE2_RESPONDED, Status.CLOSED)
"""Complaint states in which the matter has been considered and answered."""

NOT_OPEN = FINISHED | {Status.RESOLVED, Status.PASSED_ON, Status.STAGE1_RESPONDED}
"""States in which nothing more is being done on a case (a stage 1 answer is a repeat, not an open case)."""

_STOP_WORDS = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "been",
        "being",
        "both",
        "could",
        "does",
        "done",
        "from",
        "have",
        "into",
        "more",
        "never",
        "only",
        "other",
        "over",
        "same",
        "since",
        "some",
        "still",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "very",
        "were",
        "what",
        "when",
        "which",
        "with",
        "would",
        "your",
    ]
)


@dataclass(frozen=True)
class IntakeWarning:
    code: str
    """"repeat", "no_contact_closed", "open_case", "restriction" or "possible_duplicate"."""
    title: str
    detail: str
    references: tuple[str, ...] = ()
    """The cases it is about, for links."""
    customers: tuple[tuple[int, str], ...] = ()
    """The customers it is about (id, name), for links."""


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def subject_words(text: str) -> frozenset[str]:
    """The words of a summary that say what it is about (four letters or more, common words left out)."""
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in _STOP_WORDS)


def same_subject(
    *,
    category: str,
    service_area: str,
    words: frozenset[str],
    case_category: str,
    case_service_area: str,
    case_summary: str,
) -> bool:
    """Whether a case looks like it is about the same thing: the same category; or the same service area
    and a word of the summary in common; or two words of the summary in common (one, if that is all the
    new summary has)."""
    if category and category.strip().lower() == case_category.strip().lower():
        return True
    shared = words & subject_words(case_summary)
    if service_area and service_area.strip().lower() == case_service_area.strip().lower() and shared:
        return True
    return bool(words) and len(shared) >= min(2, len(words))


def intake_warnings(
    *,
    landlord: Landlord,
    viewer: User,
    customer: Customer | None,
    kind: Kind,
    category: str = "",
    service_area: str = "",
    summary: str = "",
    today: date | None = None,
) -> list[IntakeWarning]:
    """The warnings for new feedback from this customer (none for a customer not yet recorded). Cases are
    named only if the viewer may see them; restrictions always show."""
    if customer is None or customer.pk is None or customer.landlord_id != landlord.pk:
        return []
    today = today or timezone.localdate()
    words = subject_words(summary)
    cases = customer_cases(user=viewer, landlord=landlord, customer=customer)
    warnings: list[IntakeWarning] = []

    def similar(case: Case) -> bool:
        return same_subject(
            category=category,
            service_area=service_area,
            words=words,
            case_category=case.category,
            case_service_area=case.service_area,
            case_summary=case.summary,
        )

    if kind is Kind.COMPLAINT:
        since = today - timedelta(days=REPEAT_WINDOW_DAYS)
        considered = cases.filter(
            kind=Kind.COMPLAINT.value,
            status__in=[s.value for s in CONSIDERED],
        ).filter(Q(received_at__date__gte=since) | Q(closed_at__date__gte=since))
        repeats = [case for case in considered if similar(case)]
        if repeats:
            warnings.append(
                IntakeWarning(
                    "repeat",
                    "This may be a matter already considered",
                    f"{customer.name} had a complaint on a similar subject answered in the last 12 months. "
                    "If it is the same matter, the customer may ask to escalate it, or you may decide not to "
                    "accept it with reasons; if it is new or different, log it.",
                    tuple(case.reference for case in repeats),
                )
            )
    closed = no_contact_closures(landlord=landlord, viewer=viewer, customer=customer, today=today)
    if closed:
        rule = profile_of(closed[0]).no_contact
        warnings.append(
            IntakeWarning(
                "no_contact_closed",
                f"{customer.name} had a complaint closed because we could not make contact",
                f"Closed on {_day(timezone.localdate(closed[0].closed_at))}. If this is their reply, log it as "
                f"a complaint linked to the one closed: {rule.late_reply[:1].lower()}{rule.late_reply[1:]} "
                f"({rule.source}).",
                tuple(case.reference for case in closed),
            )
        )
    open_cases = [case for case in cases.exclude(status__in=[s.value for s in NOT_OPEN]) if similar(case)]
    if open_cases:
        warnings.append(
            IntakeWarning(
                "open_case",
                "There is an open case on the same subject",
                f"{customer.name} already has an open case that looks like the same subject. Consider "
                "adding this to it (as an additional issue) instead of a new case.",
                tuple(case.reference for case in open_cases),
            )
        )
    restrictions = Restriction.objects.filter(
        landlord=landlord, customer=customer, status=Restriction.Status.ACTIVE
    ).order_by("starts_on", "pk")
    for restriction in restrictions:
        warnings.append(
            IntakeWarning(
                "restriction",
                f"{customer.name} has a contact restriction ({restriction.type.replace('-', ' ')})",
                f"In place from {_day(restriction.starts_on)}, review by {_day(restriction.review_by)}. "
                f"How they may contact us meanwhile: {restriction.how_to_contact} A restriction never stops a "
                "new, different complaint or an emergency repair being logged.",
            )
        )
    return warnings


def no_contact_closures(
    *, landlord: Landlord, viewer: User, customer: Customer, today: date | None = None
) -> list[Case]:
    """The customer's complaints closed for no contact in the last 12 months that the viewer may see."""
    cases = customer_cases(user=viewer, landlord=landlord, customer=customer)
    return list(closed_for_no_contact(cases, today or timezone.localdate()))


def new_customer_warnings(
    *, landlord: Landlord, name: str, postcode: str = "", email: str = "", phone: str = ""
) -> list[IntakeWarning]:
    """A warning when the customer about to be added may already have a record (the same name at the same
    postcode, the same email address or the same phone number): feedback belongs on their record."""
    found = list(
        possible_duplicates(landlord=landlord, name=name, postcode=postcode, email=email, phone=phone)[:5]
    )
    if not found:
        return []
    return [
        IntakeWarning(
            "possible_duplicate",
            f"{name} may already have a record",
            "A customer with the same name, email address or phone number is on our records. If it is the "
            "same person, go back and choose their record instead of adding a new one.",
            customers=tuple((customer.pk, customer.name) for customer in found),
        )
    ]
