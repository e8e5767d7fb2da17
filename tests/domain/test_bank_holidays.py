"""GOV.UK bank-holiday data kept in the repository: coverage, shape, and the merge a refresh does."""

import json
from datetime import date

import pytest

from putright.domain import bank_holidays
from putright.domain.calendar import NATIONS
from putright.domain.errors import CalendarError

D = date.fromisoformat


@pytest.mark.parametrize("nation", NATIONS)
def test_bank_holiday_data_covers_2018_to_2028(nation):
    holidays = bank_holidays.stored()[nation]
    assert set(bank_holidays.years(holidays)) >= set(range(2018, 2029))
    per_year = {y: sum(1 for h in holidays if h.day.year == y) for y in range(2018, 2029)}
    assert min(per_year.values()) >= 8


@pytest.mark.parametrize(
    ("nation", "day", "title"),
    [
        ("england-and-wales", "2026-12-28", "Boxing Day (substitute day)"),
        ("england-and-wales", "2027-12-27", "Christmas Day (substitute day)"),
        ("england-and-wales", "2027-12-28", "Boxing Day (substitute day)"),
        ("england-and-wales", "2028-01-03", "New Year’s Day (substitute day)"),
        ("scotland", "2026-06-15", "World Cup bank holiday"),
        ("scotland", "2027-01-04", "2nd January (substitute day)"),
        ("england-and-wales", "2023-05-08", "Bank holiday for the coronation of King Charles III"),
        ("northern-ireland", "2026-03-17", "St Patrick’s Day"),
    ],
)
def test_bank_holiday_data_includes_substitute_and_one_off_days(nation, day, title):
    names = {h.day: h.name for h in bank_holidays.stored()[nation]}
    assert names[D(day)] == title


def _govuk(events_by_nation):
    return {
        nation: {
            "division": nation,
            "events": [
                {"title": t, "date": d, "notes": n, "bunting": True}
                for d, t, n in events_by_nation.get(nation, [])
            ],
        }
        for nation in NATIONS
    }


def test_merge_replaces_the_years_a_download_covers_and_keeps_older_years():
    current = bank_holidays.parse(
        _govuk(
            {n: [("2018-12-25", "Christmas Day", ""), ("2029-12-25", "Christmas Day", "")] for n in NATIONS}
        ),
        "current",
    )
    downloaded = bank_holidays.parse(
        _govuk({n: [("2029-12-25", "Christmas Day", ""), ("2029-12-26", "Boxing Day", "")] for n in NATIONS}),
        "new",
    )
    merged, changes = bank_holidays.merge(current, downloaded)
    assert [h.day for h in merged["scotland"]] == [D("2018-12-25"), D("2029-12-25"), D("2029-12-26")]
    assert [(c.nation, c.year, [h.title for h in c.added]) for c in changes] == [
        (n, 2029, ["Boxing Day"]) for n in NATIONS
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object keyed by division"),
        ({"england-and-wales": {"division": "england-and-wales", "events": []}}, "missing division"),
        (
            _govuk({n: [("2026-02-30", "Bad", "")] for n in NATIONS}),
            r"events\[0\]: 'date' '2026-02-30' is not a real",
        ),
        (_govuk({n: [("2026-12-25", "", "")] for n in NATIONS}), "'title' must be a non-empty string"),
        (_govuk({n: [("2026-12-25", "A", ""), ("2026-12-25", "B", "")] for n in NATIONS}), "appears twice"),
        (_govuk({"scotland": [("2026-12-25", "A", "")]}), "england-and-wales: no events"),
    ],
)
def test_malformed_bank_holiday_file_is_rejected_with_where_and_why(data, message):
    with pytest.raises(CalendarError, match=message):
        bank_holidays.parse(data, "download.json")


def test_stored_file_round_trips_in_govuk_shape():
    text = bank_holidays.DATA_FILE.read_text(encoding="utf-8")
    assert bank_holidays.to_govuk_json(bank_holidays.parse(json.loads(text), "stored")) == text
