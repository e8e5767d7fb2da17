"""Awaab's Law hazard clocks (complaint-rules.md section 8)."""

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from putright.domain.errors import DomainError, ImpossibleDatesError, ProfileError
from putright.domain.hazards import hazard_clocks, parse_hazard_rules

D = date.fromisoformat
LONDON = ZoneInfo("Europe/London")


def clocks(kind, aware, concluded=None):
    return hazard_clocks(kind, aware, D(concluded) if concluded else None).to_json()


def test_emergency_hazard_make_safe_within_24_clock_hours_across_the_clock_change():
    # 10:00 GMT on Saturday 28 March 2026; clocks go forward overnight, so 24 hours later is 11:00 BST.
    result = clocks("emergency", datetime(2026, 3, 28, 10, 0, tzinfo=LONDON))
    assert result["make_safe_by"] == "2026-03-29T11:00:00+01:00"


def test_emergency_hazard_with_a_date_only_starts_at_the_beginning_of_that_day():
    assert clocks("emergency", D("2026-12-24"))["make_safe_by"] == "2026-12-25T00:00:00+00:00"


def test_damp_and_mould_investigation_within_10_working_days():
    result = clocks("damp-mould", datetime(2026, 12, 23, 16, 30, tzinfo=LONDON))
    assert result["investigate_by"] == "2027-01-11"
    assert "summary_by" not in result


def test_damp_and_mould_clocks_after_the_investigation_concludes():
    result = clocks("damp-mould", D("2026-12-23"), "2027-01-06")
    assert result["summary_by"] == "2027-01-11"
    assert result["make_safe_by"] == "2027-01-13"
    assert result["further_work_start_by"] == "2027-01-13"
    assert result["further_work_physical_start_by"] == "2027-03-31"


def test_hazard_clocks_before_awaabs_law_carry_a_warning():
    assert clocks("damp-mould", D("2025-10-01"))["warnings"]
    assert clocks("damp-mould", D("2025-10-27"))["warnings"] == []


def test_investigation_concluded_before_awareness_is_refused():
    with pytest.raises(ImpossibleDatesError):
        clocks("damp-mould", D("2026-12-23"), "2026-12-22")


def test_unknown_hazard_kind_is_refused_naming_the_known_kinds():
    with pytest.raises(DomainError, match="known kinds: emergency, damp-mould"):
        clocks("asbestos", D("2026-12-23"))


def test_hazard_list_is_data_and_a_malformed_entry_is_rejected_naming_the_key():
    data = {
        "title": "t",
        "in_force_from": D("2025-10-27"),
        "calendar": "england-and-wales",
        "hazards": [
            {
                "kind": "excess-cold",
                "label": "Excess cold",
                "applies_from": D("2026-10-01"),
                "duties": [
                    {
                        "code": "investigate",
                        "label": "Investigate",
                        "within": {
                            "amount": 2,
                            "unit": "hours",
                            "from": "investigation_concluded",
                            "source": "s",
                        },
                    }
                ],
            }
        ],
    }
    with pytest.raises(ProfileError, match=r"key 'hazards\[0\]\.duties\[0\]\.within'"):
        parse_hazard_rules(data, Path("hazards.toml"))
