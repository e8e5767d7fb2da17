"""Reads about landlords: the calendar and the policy profile that govern a date."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from putright.accounts.models import Membership, User
from putright.accounts.permissions import remember_roles
from putright.domain.bank_holidays import calendar_for
from putright.domain.calendar import WorkingCalendar
from putright.domain.errors import NotFoundError, UnknownPolicyError
from putright.domain.profiles import Profile, default_registry
from putright.organisations.models import Landlord


@lru_cache(maxsize=256)
def _calendar(nation: str, closures: frozenset[tuple[date, str]]) -> WorkingCalendar:
    calendar = calendar_for(nation)
    return calendar.with_closures(dict(closures)) if closures else calendar


def landlord_calendar(landlord: Landlord) -> WorkingCalendar:
    """The landlord's nation's working days less its closure days (cached per distinct set of closures)."""
    closures = frozenset(landlord.closure_days.values_list("day", "reason"))
    return _calendar(landlord.nation, closures)


def policy_name_on(landlord: Landlord, day: date) -> str:
    adopted = landlord.policies.filter(adopted_from__lte=day).order_by("-adopted_from").first()
    if adopted is None:
        first = landlord.policies.order_by("adopted_from").first()
        if first is None:
            return "hos-code-2024"
        raise UnknownPolicyError(
            f"{landlord.name} had adopted no policy by {day.isoformat()}; its first takes effect on "
            f"{first.adopted_from.isoformat()}"
        )
    return adopted.policy_name


def profile_on(landlord: Landlord, day: date) -> Profile:
    """The profile version governing a case received on `day`: the landlord's policy then, its version then."""
    return default_registry().in_force(policy_name_on(landlord, day), day)


def landlord_for_user(user: User, slug: str) -> Landlord:
    """The landlord with this slug, if the person holds any role there (else the same NotFound as absent).
    The roles come with it in the same query, for `roles_at` within `roles_remembered()`."""
    held = list(Membership.objects.filter(user=user, landlord__slug=slug).select_related("landlord"))
    if not held:
        raise NotFoundError(f"no landlord {slug!r} among yours")
    landlord = held[0].landlord
    remember_roles(user, landlord, (membership.role for membership in held))
    return landlord
