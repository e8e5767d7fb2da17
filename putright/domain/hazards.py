"""Awaab's Law hazard clocks, from the hazard list kept as data (`putright/domain/data/awaabs-law.toml`).

They run in parallel with the complaint clocks and independently of them, from the moment any member of
staff became aware of the hazard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from putright.domain.bank_holidays import calendar_for
from putright.domain.calendar import DayZero, WorkingCalendar
from putright.domain.deadlines import LONDON, hours_after, local_date, reckon
from putright.domain.errors import DomainError, ImpossibleDatesError
from putright.domain.periods import Base, Period, Unit
from putright.domain.profiles import DayCounting
from putright.domain.strict_toml import StrictTable, read_toml

HAZARDS_FILE = Path(__file__).parent / "data" / "awaabs-law.toml"
_COUNTING = DayCounting(DayZero.EVENT_DATE, None, "Day 0 is the day the landlord became aware.")


@dataclass(frozen=True)
class Duty:
    code: str
    label: str
    within: Period


@dataclass(frozen=True)
class Hazard:
    kind: str
    label: str
    applies_from: date
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class HazardRules:
    title: str
    in_force_from: date
    calendar: str
    hazards: tuple[Hazard, ...]

    def hazard(self, kind: str) -> Hazard:
        for hazard in self.hazards:
            if hazard.kind == kind:
                return hazard
        known = ", ".join(h.kind for h in self.hazards)
        raise DomainError(f"unknown hazard kind {kind!r}; known kinds: {known}")


def parse_hazard_rules(data: dict[str, Any], file: Path) -> HazardRules:
    top = StrictTable(data, "", file)
    hazards = []
    for table in top.tables("hazards"):
        duties = []
        for duty in table.tables("duties"):
            within = duty.period("within", bases=(Base.AWARE, Base.INVESTIGATION_CONCLUDED))
            assert within is not None
            if within.unit is Unit.HOURS and within.base is not Base.AWARE:
                raise duty.fail("within", "an allowance in hours can only run from 'aware'")
            duties.append(Duty(duty.text("code"), duty.text("label"), within))
            duty.done()
        if not duties:
            raise table.fail("duties", "list at least one duty")
        hazards.append(
            Hazard(table.text("kind"), table.text("label"), table.get("applies_from", date), tuple(duties))
        )
        table.done()
    if not hazards:
        raise top.fail("hazards", "list at least one hazard")
    rules = HazardRules(
        top.text("title"), top.get("in_force_from", date), top.text("calendar"), tuple(hazards)
    )
    top.done()
    return rules


@cache
def hazard_rules() -> HazardRules:
    return parse_hazard_rules(read_toml(HAZARDS_FILE), HAZARDS_FILE)


@dataclass(frozen=True)
class HazardClock:
    code: str
    label: str
    due: date | datetime
    explanation: str


@dataclass(frozen=True)
class HazardClocks:
    hazard: Hazard
    aware: datetime
    clocks: tuple[HazardClock, ...]
    explanation: tuple[str, ...]
    warnings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"kind": self.hazard.kind, "aware": self.aware.isoformat()}
        for clock in self.clocks:
            result[f"{clock.code}_by"] = clock.due.isoformat()
        result["warnings"] = list(self.warnings)
        result["explanation"] = list(self.explanation)
        return result


def hazard_clocks(
    kind: str,
    aware: date | datetime,
    investigation_concluded: date | None = None,
    *,
    rules: HazardRules | None = None,
    calendar: WorkingCalendar | None = None,
) -> HazardClocks:
    """The hazard's deadlines from the moment of awareness (and the investigation's conclusion, if known).

    A date without a time is read as the start of that day, the earliest the landlord could have been
    aware, so a 24-hour clock is never later than the true one.
    """
    rules = rules or hazard_rules()
    hazard = rules.hazard(kind)
    calendar = calendar or calendar_for(rules.calendar)
    if isinstance(aware, datetime):
        instant = aware if aware.tzinfo else aware.replace(tzinfo=LONDON)
    else:
        instant = datetime.combine(aware, time(0, 0), tzinfo=LONDON)
    aware_day = local_date(instant)
    if investigation_concluded is not None and investigation_concluded < aware_day:
        raise ImpossibleDatesError(
            f"investigation concluded on {investigation_concluded}, before the landlord became aware on {aware_day}"
        )
    explanation = [
        f"{hazard.label}: {rules.title}. Clocks run from {instant.isoformat()}, when the landlord became aware, "
        "in parallel with any complaint clocks."
    ]
    if not isinstance(aware, datetime):
        explanation.append("No time of awareness given: taken as the start of that day (00:00 UK time).")
    warnings = []
    if aware_day < hazard.applies_from:
        warnings.append(f"Awareness on {aware_day} is before these duties applied ({hazard.applies_from}).")
    clocks = []
    for duty in hazard.duties:
        period = duty.within
        if period.unit is Unit.HOURS:
            due_at = hours_after(instant, period.amount)
            text = f"{period.amount} hours from {instant.isoformat()}"
            clocks.append(
                HazardClock(duty.code, duty.label, due_at, f"{duty.label} by {due_at.isoformat()}: {text}.")
            )
            continue
        if period.base is Base.INVESTIGATION_CONCLUDED:
            if investigation_concluded is None:
                continue
            event: date = investigation_concluded
        else:
            event = aware_day
        how = reckon(calendar, _COUNTING, period, event)
        clocks.append(
            HazardClock(duty.code, duty.label, how.end, f"{duty.label} by {how.end}: {how.describe()}.")
        )
    if investigation_concluded is None and any(
        d.within.base is Base.INVESTIGATION_CONCLUDED for d in hazard.duties
    ):
        explanation.append("Give the date the investigation concluded for the clocks that run from it.")
    explanation.extend(c.explanation for c in clocks)
    return HazardClocks(hazard, instant, tuple(clocks), tuple(explanation), tuple(warnings))
