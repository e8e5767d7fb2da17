"""Landlord administration: adopting a policy profile, closure days and homes counts. History is kept."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.cases.services.calendar_change import stages_recompute_after_calendar_change
from putright.domain.code_check import check_profile
from putright.domain.errors import InvalidInputError
from putright.domain.profiles import default_registry
from putright.organisations.models import ClosureDay, HomesCount, Landlord, LandlordPolicy


@transaction.atomic
def policy_adopt(
    *, landlord: Landlord, actor: User, policy_name: str, adopted_from: date
) -> tuple[LandlordPolicy, list[str]]:
    """Adopt a policy profile from a date; cases received before then keep the one they started under.
    Returns the Code 2024 shortfalls of the profile, so the administrator sees them at once."""
    require(actor, landlord, "landlord.administer")
    profile = default_registry().in_force(policy_name, adopted_from)  # raises for an unknown policy or date
    if LandlordPolicy.objects.filter(landlord=landlord, adopted_from=adopted_from).exists():
        raise InvalidInputError("adopted_from", f"a policy is already adopted from {adopted_from}")
    adopted = LandlordPolicy.objects.create(
        landlord=landlord, policy_name=policy_name, adopted_from=adopted_from
    )
    return adopted, [f"{s.provision}: {s.why}" for s in check_profile(profile)]


@transaction.atomic
def closure_day_add(*, landlord: Landlord, actor: User, day: date, reason: str) -> ClosureDay:
    """A day the landlord is closed, skipped in every working-day count from now on. The stored deadlines
    of open complaints whose clock runs across that day are recomputed at once."""
    require(actor, landlord, "landlord.administer")
    if not reason.strip():
        raise InvalidInputError("reason", "say why the landlord is closed")
    closure, created = ClosureDay.objects.get_or_create(
        landlord=landlord, day=day, defaults={"reason": reason.strip()}
    )
    if not created:
        raise InvalidInputError("day", f"{day} is already a closure day ({closure.reason})")
    stages_recompute_after_calendar_change(landlord=landlord, day=day)
    return closure


@transaction.atomic
def homes_count_set(*, landlord: Landlord, actor: User, year_starting: int, homes: int) -> HomesCount:
    """Homes owned in the reporting year starting 1 April `year_starting`, for the TSM figures per 1,000 homes."""
    require(actor, landlord, "landlord.administer")
    if homes < 1:
        raise InvalidInputError("homes", "a landlord owns at least one home")
    count, _ = HomesCount.objects.update_or_create(
        landlord=landlord, year_starting=year_starting, defaults={"homes": homes}
    )
    return count
