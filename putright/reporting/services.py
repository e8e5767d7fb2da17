"""Changing the landlord's reporting settings (the CH02 setting, the Board pack's hot-spot thresholds),
recorded on the administration audit trail."""

from __future__ import annotations

from django.db import transaction

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.domain.errors import InvalidInputError
from putright.organisations.models import Landlord
from putright.reporting.models import HotSpotThresholds, ReportingSettings


@transaction.atomic
def reporting_settings_update(
    *, landlord: Landlord, actor: User, extensions_count_as_on_time: bool
) -> ReportingSettings:
    """Set whether CH02 counts a response within a Code-compliant extension as on time; administrators only."""
    require(actor, landlord, "landlord.administer")
    settings, _ = ReportingSettings.objects.select_for_update().get_or_create(landlord=landlord)
    before = settings.extensions_count_as_on_time
    settings.extensions_count_as_on_time = extensions_count_as_on_time
    settings.save()
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="reporting.extensions_count_as_on_time",
        summary="CH02: responses within a Code-compliant extension "
        + ("count as on time" if extensions_count_as_on_time else "count as late")
        + ("" if before != extensions_count_as_on_time else " (unchanged)"),
        before={"extensions_count_as_on_time": before},
        after={"extensions_count_as_on_time": extensions_count_as_on_time},
    )
    return settings


@transaction.atomic
def hot_spot_thresholds_update(
    *,
    landlord: Landlord,
    actor: User,
    complaints_at_least: int,
    upheld_share_at_least: int,
    responses_at_least: int,
) -> HotSpotThresholds:
    """Set when the Board pack flags a service area, contractor or estate for a service review; administrators
    only. Each limit is checked here, so no caller can store one the pack cannot use."""
    require(actor, landlord, "landlord.administer")
    if complaints_at_least < 1:
        raise InvalidInputError("complaints_at_least", "The number of complaints must be 1 or more")
    if not 0 <= upheld_share_at_least <= 100:
        raise InvalidInputError("upheld_share_at_least", "The upheld share must be between 0% and 100%")
    if responses_at_least < 1:
        raise InvalidInputError("responses_at_least", "The number of responses must be 1 or more")
    thresholds, _ = HotSpotThresholds.objects.select_for_update().get_or_create(landlord=landlord)
    fields = ("complaints_at_least", "upheld_share_at_least", "responses_at_least")
    before = {name: getattr(thresholds, name) for name in fields}
    after = {
        "complaints_at_least": complaints_at_least,
        "upheld_share_at_least": upheld_share_at_least,
        "responses_at_least": responses_at_least,
    }
    for name, value in after.items():
        setattr(thresholds, name, value)
    thresholds.save()
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="reporting.hot_spot_thresholds",
        summary=(
            f"Board pack hot spots: {complaints_at_least} or more complaints, or {upheld_share_at_least}% or more "
            f"upheld of at least {responses_at_least} responses" + ("" if before != after else " (unchanged)")
        ),
        before=before,
        after=after,
    )
    return thresholds
