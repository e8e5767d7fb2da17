"""The landlord's working-day ranks in the database, rebuilt only when its calendar has changed."""

from __future__ import annotations

import hashlib

from django.db import transaction

from putright.domain.calendar import WorkingCalendar
from putright.domain.tsm import day_ranks
from putright.organisations.models import Landlord
from putright.organisations.selectors import landlord_calendar
from putright.reporting.models import WorkingDayRank, WorkingDayRanksVersion


def _digest(calendar: WorkingCalendar) -> str:
    closed = calendar.non_working_days(calendar.first, calendar.last)
    text = f"{calendar.nation}|{calendar.first}|{calendar.last}|" + ",".join(
        d.day.isoformat() for d in closed
    )
    return hashlib.sha256(text.encode()).hexdigest()


def working_day_ranks_sync(*, landlord: Landlord) -> WorkingCalendar:
    """Make the stored ranks match the landlord's calendar (bank holidays and closure days); returns it.

    A few thousand rows per landlord, rewritten only when a closure day or the bank-holiday data changed.
    """
    calendar = landlord_calendar(landlord)
    digest = _digest(calendar)
    if not WorkingDayRanksVersion.objects.filter(landlord=landlord, digest=digest).exists():
        _rebuild(landlord, calendar, digest)
    return calendar


@transaction.atomic
def _rebuild(landlord: Landlord, calendar: WorkingCalendar, digest: str) -> None:
    # Two reports building at once: the second waits here, then finds the ranks built.
    Landlord.objects.select_for_update().filter(pk=landlord.pk).first()
    if WorkingDayRanksVersion.objects.filter(landlord=landlord, digest=digest).exists():
        return
    WorkingDayRank.objects.filter(landlord=landlord).delete()
    WorkingDayRank.objects.bulk_create(
        WorkingDayRank(landlord=landlord, day=r.day, through=r.through, before=r.before)
        for r in day_ranks(calendar)
    )
    WorkingDayRanksVersion.objects.update_or_create(landlord=landlord, defaults={"digest": digest})
