"""GOV.UK bank-holiday data, kept in the repository and never fetched at run time.

The file has GOV.UK's own shape (www.gov.uk/bank-holidays.json). GOV.UK's file only spans a window of
years, so a refresh merges: the years a downloaded file covers replace ours, older years stay.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from putright.domain.calendar import NATIONS, WorkingCalendar
from putright.domain.errors import CalendarError

DATA_FILE = Path(__file__).parent / "data" / "bank-holidays.json"


@dataclass(frozen=True)
class BankHoliday:
    day: date
    title: str
    notes: str
    bunting: bool

    @property
    def name(self) -> str:
        """The title, marked when GOV.UK notes it is a substitute day."""
        return f"{self.title} (substitute day)" if "substitute" in self.notes.lower() else self.title


BankHolidays = Mapping[str, tuple[BankHoliday, ...]]
"""Nation -> its bank holidays in date order."""


def parse(raw: Any, source: str) -> dict[str, tuple[BankHoliday, ...]]:
    """Validate GOV.UK-shaped data; every fault names `source` and where in it the fault lies."""
    if not isinstance(raw, dict):
        raise CalendarError(f"{source}: expected a JSON object keyed by division, got {type(raw).__name__}")
    missing = [n for n in NATIONS if n not in raw]
    if missing:
        raise CalendarError(f"{source}: missing division(s) {', '.join(missing)}")
    result: dict[str, tuple[BankHoliday, ...]] = {}
    for nation in NATIONS:
        division = raw[nation]
        where = f"{source}: {nation}"
        if not isinstance(division, dict) or not isinstance(division.get("events"), list):
            raise CalendarError(f"{where}: expected an object with an 'events' list")
        if division.get("division", nation) != nation:
            raise CalendarError(f"{where}: 'division' says {division.get('division')!r}")
        events: dict[date, BankHoliday] = {}
        for index, event in enumerate(division["events"]):
            at = f"{where}: events[{index}]"
            if not isinstance(event, dict):
                raise CalendarError(f"{at}: expected an object")
            title, notes, bunting, text = (event.get(k) for k in ("title", "notes", "bunting", "date"))
            if not isinstance(title, str) or not title.strip():
                raise CalendarError(f"{at}: 'title' must be a non-empty string")
            if not isinstance(text, str):
                raise CalendarError(f"{at}: 'date' must be a YYYY-MM-DD string")
            try:
                day = date.fromisoformat(text)
            except ValueError:
                raise CalendarError(f"{at}: 'date' {text!r} is not a real YYYY-MM-DD date") from None
            if len(text) != 10:
                raise CalendarError(f"{at}: 'date' {text!r} is not in YYYY-MM-DD form")
            if day in events:
                raise CalendarError(f"{at}: {text} appears twice")
            events[day] = BankHoliday(
                day, title.strip(), notes if isinstance(notes, str) else "", bunting is True
            )
        if not events:
            raise CalendarError(f"{where}: no events")
        result[nation] = tuple(sorted(events.values(), key=lambda h: h.day))
    return result


def read(path: Path) -> dict[str, tuple[BankHoliday, ...]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CalendarError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CalendarError(f"{path}: not valid JSON ({exc})") from None
    return parse(raw, str(path))


def to_govuk_json(data: BankHolidays) -> str:
    body = {
        nation: {
            "division": nation,
            "events": [
                {"title": h.title, "date": h.day.isoformat(), "notes": h.notes, "bunting": h.bunting}
                for h in data[nation]
            ],
        }
        for nation in NATIONS
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def years(holidays: tuple[BankHoliday, ...]) -> range:
    return range(holidays[0].day.year, holidays[-1].day.year + 1)


@dataclass(frozen=True)
class YearChange:
    nation: str
    year: int
    added: tuple[BankHoliday, ...]
    removed: tuple[BankHoliday, ...]


def merge(
    current: BankHolidays, downloaded: BankHolidays
) -> tuple[dict[str, tuple[BankHoliday, ...]], list[YearChange]]:
    """Replace, nation by nation, the years `downloaded` covers; keep the other years of `current`."""
    merged: dict[str, tuple[BankHoliday, ...]] = {}
    changes: list[YearChange] = []
    for nation in NATIONS:
        new_years = set(years(downloaded[nation]))
        kept = [h for h in current[nation] if h.day.year not in new_years]
        merged[nation] = tuple(sorted([*kept, *downloaded[nation]], key=lambda h: h.day))
        for year in sorted(new_years):
            before = {h for h in current[nation] if h.day.year == year}
            after = {h for h in downloaded[nation] if h.day.year == year}
            if before != after:
                changes.append(
                    YearChange(
                        nation,
                        year,
                        tuple(sorted(after - before, key=lambda h: h.day)),
                        tuple(sorted(before - after, key=lambda h: h.day)),
                    )
                )
    return merged, changes


def calendar_from(nation: str, holidays: tuple[BankHoliday, ...]) -> WorkingCalendar:
    """A calendar covering whole years, from the first to the last year the data lists for `nation`."""
    span = years(holidays)
    return WorkingCalendar(
        nation,
        {h.day: h.name for h in holidays},
        first=date(span.start, 1, 1),
        last=date(span.stop - 1, 12, 31),
    )


@cache
def _stored() -> dict[str, tuple[BankHoliday, ...]]:
    return read(DATA_FILE)


@cache
def calendar_for(nation: str) -> WorkingCalendar:
    """The working-day calendar of `nation` from the data kept in the repository (no closure days)."""
    if nation not in NATIONS:
        raise CalendarError(f"unknown nation {nation!r}; expected one of {', '.join(NATIONS)}")
    return calendar_from(nation, _stored()[nation])


def stored() -> dict[str, tuple[BankHoliday, ...]]:
    return _stored()


def forget_cached() -> None:
    """Drop cached data and calendars, after the data file has been refreshed."""
    _stored.cache_clear()
    calendar_for.cache_clear()
