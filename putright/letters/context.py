"""The facts a letter is written from, gathered once: the landlord, the recipient, the case and its
current stage, the policy profile's referral bodies, and whatever the occasion adds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from putright.cases.models import Case, Stage
from putright.customers.models import Customer, Representative
from putright.domain.profiles import Profile, ReferralBody
from putright.organisations.models import Landlord


@dataclass(frozen=True)
class Recipient:
    name: str
    role: str
    """customer or representative"""
    email: str
    address: str


def recipient_for(customer: Customer, representative: Representative | None = None) -> Recipient:
    if representative is not None:
        return Recipient(representative.name, "representative", representative.email, "")
    address = "\n".join(p for p in (customer.address, customer.postcode) if p)
    return Recipient(customer.name, "customer", customer.email, address)


def letter_context(
    *,
    landlord: Landlord,
    profile: Profile,
    customer: Customer,
    recipient: Recipient,
    letter_date: date,
    case: Case | None = None,
    stage: Stage | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Everything a template and its sections may use. Keys are documented in docs/letters.md."""
    bodies = list(profile.referral_bodies)
    ombudsman: ReferralBody = next(b for b in bodies if b.code == "housing-ombudsman")
    context: dict[str, Any] = {
        "landlord": landlord,
        "profile": profile,
        "customer": customer,
        "recipient": recipient,
        "letter_date": letter_date,
        "ombudsman": ombudsman,
        "other_bodies": [b for b in bodies if b.code != "housing-ombudsman"],
        "case": case,
        "stage": stage,
    }
    if stage is not None:
        context.update(
            points=stage.definition,
            decisions=list(stage.decisions.all()),
            remedies=list(stage.remedies.all()),
            actions=[a for a in stage.actions.all() if a.completed_on is None],
            extension=stage.extensions.filter(applied=True).order_by("-notified_on", "-id").first(),
        )
    context.update(extra)
    return context
