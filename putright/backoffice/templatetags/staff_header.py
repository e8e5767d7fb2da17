"""The staff header's landlord: the one the page is about (its `landlord` context), else the signed-in
person's only landlord. It brands the header (colour, logo, name) and gives the navigation its links to
that landlord's pages, each only for the roles that may use it, and the person's unread notifications
there (one COUNT). A couple of queries per page, cached."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from putright.accounts.models import Membership
from putright.accounts.permissions import can
from putright.domain.colour import readable_behind_white_text
from putright.organisations.models import Landlord
from putright.reminders.selectors import unread_notification_count

register = template.Library()

_CACHE = "_putright_staff_header"


@dataclass(frozen=True)
class StaffHeader:
    landlord: Landlord | None = None
    administers: bool = False
    logs_feedback: bool = False
    """May log feedback, and so also read the email awaiting triage."""
    sees_reports: bool = False
    unread_notifications: int = 0

    @property
    def brand_colour(self) -> str:
        """The landlord's colour for the header background, only if white text stays readable on it."""
        colour = self.landlord.brand_colour if self.landlord else ""
        return colour if readable_behind_white_text(colour) else ""


def _header(request: Any, page_landlord: Any) -> StaffHeader:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return StaffHeader()
    memberships = list(Membership.objects.filter(user=user).select_related("landlord"))
    landlords = {m.landlord_id: m.landlord for m in memberships}
    if isinstance(page_landlord, Landlord) and page_landlord.pk in landlords:
        landlord = page_landlord
    elif len(landlords) == 1:
        landlord = next(iter(landlords.values()))
    else:
        return StaffHeader()
    roles = {m.role for m in memberships if m.landlord_id == landlord.pk}
    return StaffHeader(
        landlord,
        administers=can(user, landlord, "landlord.administer", roles),
        logs_feedback=can(user, landlord, "case.log", roles),
        sees_reports=can(user, landlord, "reports.view", roles),
        unread_notifications=unread_notification_count(landlord=landlord, user=user),
    )


@register.simple_tag(takes_context=True)
def staff_header(context: template.Context) -> StaffHeader:
    request = context.get("request")
    if request is None:
        return StaffHeader()
    cached = getattr(request, _CACHE, None)
    if cached is None:
        cached = _header(request, context.get("landlord"))
        setattr(request, _CACHE, cached)
    return cached
