"""The case page's action panel: each offer from `putright.cases.offers` with the address of its form.

Which actions are offered, and why not, is decided in the cases app; this only adds the links.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from putright.accounts.models import User
from putright.cases.models import Case
from putright.cases.offers import case_offers


@dataclass(frozen=True)
class PanelOffer:
    """An offer as the panel shows it: allowed ones link to their form, the others say why not."""

    name: str
    label: str
    allowed: bool
    reason: str
    note: str
    url: str


def action_url(case: Case, name: str) -> str:
    return reverse(
        "backoffice:case-action",
        kwargs={"slug": case.landlord.slug, "reference": case.reference, "action": name},
    )


def action_panel(user: User, case: Case) -> list[PanelOffer]:
    """The offers on the case for this person, allowed ones first, for `backoffice/case_actions/_panel.html`
    as `offers`. Actions possible only later in the case are left out: the panel is for what can be done
    now, and what a rule stops now; their own pages still say when they become possible."""
    offers = sorted((o for o in case_offers(user, case) if not o.later), key=lambda o: not o.allowed)
    return [
        PanelOffer(
            o.name, o.label, o.allowed, o.reason, o.note, action_url(case, o.name) if o.allowed else ""
        )
        for o in offers
    ]
