"""Changing the landlord's reporting settings, recorded on the administration audit trail."""

from __future__ import annotations

from django.db import transaction

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.organisations.models import Landlord
from putright.reporting.models import ReportingSettings


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
