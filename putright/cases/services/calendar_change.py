"""Keeping stored deadlines true when the landlord's calendar changes (a closure day added)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from putright.cases.models import Case, Stage
from putright.cases.services._base import recompute, record
from putright.organisations.models import Landlord


def stages_recompute_after_calendar_change(*, landlord: Landlord, day: date) -> int:
    """Recompute the current stage of every open case whose clock runs across `day`; returns how many.
    Runs inside the caller's transaction."""
    stages = (
        Stage.objects.select_for_update()
        .filter(landlord=landlord, case__next_due__isnull=False, case__next_due__gte=day)
        .filter(Q(number=1, case__stage=1) | Q(number=2, case__stage=2))
        .select_related("case")
    )
    changed = 0
    for stage in stages:
        case: Case = stage.case
        if stage.received_at.date() > day:
            continue
        before = (stage.acknowledge_by, stage.respond_by)
        recompute(stage, case)
        if (stage.acknowledge_by, stage.respond_by) != before:
            case.save()
            record(
                case,
                None,
                "deadlines_recomputed",
                f"Deadlines recomputed: {day} is now a closure day",
                before={"acknowledge_by": before[0], "respond_by": before[1]},
                after={"acknowledge_by": stage.acknowledge_by, "respond_by": stage.respond_by},
            )
            changed += 1
    return changed
