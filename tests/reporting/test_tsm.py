"""CH01 and CH02 against figures worked by hand on the fixtures in conftest.py (see `Year2025`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from putright.accounts.models import AdministrationEvent, Role
from putright.domain.errors import NotPermittedError
from putright.domain.tsm import Blocker, Measure, ReportingYear
from putright.organisations.models import HomesCount
from putright.reporting.selectors import tsm_cases, tsm_report
from putright.reporting.services import reporting_settings_update
from tests.factories import make_staff

Y2025 = ReportingYear(2025)


def refs(queryset) -> set[str]:
    return {case.reference for case in queryset}


def names(fixture, *keys: str) -> set[str]:
    return {fixture.cases[k].reference for k in keys}


def switch_extensions(great, on: bool) -> None:
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    reporting_settings_update(landlord=great.landlord, actor=admin, extensions_count_as_on_time=on)


def test_ch01_part_1_is_stage_1_complaints_received_in_the_year_per_1000_homes(year2025):
    figure = tsm_report(year2025.build.landlord, Y2025).figures[Measure.CH01_STAGE1]
    # B, C, D, E, H, J: 6 complaints over 1,234 homes = 4.8622... per 1,000.
    assert (figure.numerator, figure.denominator) == (6, 1234)
    assert figure.raw == Decimal(6000) / Decimal(1234)
    assert figure.value == Decimal("4.9")
    assert refs(tsm_cases(year2025.build.landlord, Y2025, Measure.CH01_STAGE1)) == names(
        year2025, "B", "C", "D", "E", "H", "J"
    )


def test_ch01_year_runs_1_april_to_31_march_on_uk_dates(year2025):
    landlord = year2025.build.landlord
    this_year = refs(tsm_cases(landlord, Y2025, Measure.CH01_STAGE1))
    next_year = refs(tsm_cases(landlord, ReportingYear(2026), Measure.CH01_STAGE1))
    # H at 23:30 on 31 March 2026 is in 2025/26; I at 00:30 on 1 April 2026 (still 31 March in UTC) is not.
    assert year2025.cases["H"].reference in this_year
    assert year2025.cases["I"].reference not in this_year
    assert next_year == names(year2025, "I")
    # A, received 31 March 2025, belongs to 2024/25.
    assert year2025.cases["A"].reference not in this_year


def test_ch01_counts_an_escalated_complaint_at_both_stages(year2025):
    landlord = year2025.build.landlord
    report = tsm_report(landlord, Y2025)
    assert report.figures[Measure.CH01_STAGE2].numerator == 1
    assert report.figures[Measure.CH01_STAGE2].value == Decimal("0.8")  # 1,000 / 1,234 = 0.81
    assert refs(tsm_cases(landlord, Y2025, Measure.CH01_STAGE2)) == names(year2025, "D")
    assert year2025.cases["D"].reference in refs(tsm_cases(landlord, Y2025, Measure.CH01_STAGE1))


def test_ch01_counts_a_withdrawn_complaint_as_received(year2025):
    assert year2025.cases["E"].reference in refs(
        tsm_cases(year2025.build.landlord, Y2025, Measure.CH01_STAGE1)
    )


def test_ch01_leaves_out_complaints_not_accepted_and_service_requests(year2025):
    counted = refs(tsm_cases(year2025.build.landlord, Y2025, Measure.CH01_STAGE1))
    assert not counted & names(year2025, "F", "G")


def test_ch01_part_2_leaves_out_a_refused_escalation(year2025):
    assert year2025.cases["J"].reference not in refs(
        tsm_cases(year2025.build.landlord, Y2025, Measure.CH01_STAGE2)
    )


def test_ch02_counts_responses_issued_in_the_year_within_code_timescales(year2025):
    report = tsm_report(year2025.build.landlord, Y2025)
    part1, part2 = report.figures[Measure.CH02_STAGE1], report.figures[Measure.CH02_STAGE2]
    # Stage 1 responses in the year: A, B, C, D, J; only B (22 Apr, due 17 Apr) is late.
    assert (part1.numerator, part1.denominator, part1.value) == (4, 5, Decimal("80.0"))
    assert (part2.numerator, part2.denominator, part2.value) == (1, 1, Decimal("100.0"))
    assert report.extensions_count_as_on_time is True


def test_ch02_response_within_a_code_extension_is_late_when_the_setting_is_off(year2025, great):
    switch_extensions(great, on=False)
    report = tsm_report(great.landlord, Y2025)
    part1 = report.figures[Measure.CH02_STAGE1]
    # C, answered 30 June within its extension (due 2 July) but after the Code's 18 June, is now late.
    assert (part1.numerator, part1.denominator, part1.value) == (3, 5, Decimal("60.0"))
    assert report.extensions_count_as_on_time is False
    late = refs(tsm_cases(great.landlord, Y2025, Measure.CH02_STAGE1, within=False))
    assert late == names(year2025, "B", "C")


def test_ch02_cases_behind_the_figure_split_on_time_and_late(year2025):
    landlord = year2025.build.landlord
    assert refs(tsm_cases(landlord, Y2025, Measure.CH02_STAGE1)) == names(year2025, "A", "B", "C", "D", "J")
    assert refs(tsm_cases(landlord, Y2025, Measure.CH02_STAGE1, within=True)) == names(
        year2025, "A", "C", "D", "J"
    )
    assert refs(tsm_cases(landlord, Y2025, Measure.CH02_STAGE1, within=False)) == names(year2025, "B")


def test_ch02_has_no_figure_when_nothing_was_responded_to(great):
    report = tsm_report(great.landlord, Y2025)
    assert report.figures[Measure.CH02_STAGE1].raw is None
    assert report.figures[Measure.CH02_STAGE1].value is None


def test_the_extension_setting_is_changed_by_administrators_only_and_audited(great):
    with pytest.raises(NotPermittedError):
        reporting_settings_update(
            landlord=great.landlord, actor=great.officer, extensions_count_as_on_time=False
        )
    switch_extensions(great, on=False)
    event = AdministrationEvent.objects.get(
        landlord=great.landlord, kind="reporting.extensions_count_as_on_time"
    )
    assert event.summary == "CH02: responses within a Code-compliant extension count as late"
    assert (event.before, event.after) == (
        {"extensions_count_as_on_time": True},
        {"extensions_count_as_on_time": False},
    )


def test_missing_homes_count_blocks_sign_off_and_leaves_ch01_without_a_figure(year2025):
    landlord = year2025.build.landlord
    HomesCount.objects.filter(landlord=landlord).delete()
    report = tsm_report(landlord, Y2025)
    assert report.homes is None
    assert report.figures[Measure.CH01_STAGE1].numerator == 6
    assert report.figures[Measure.CH01_STAGE1].value is None
    assert [b.blocker for b in report.blockers] == [Blocker.MISSING_HOMES_COUNT]


def test_each_landlord_counts_only_its_own_complaints(year2025, brighter):
    report = tsm_report(brighter.landlord, Y2025)
    assert report.figures[Measure.CH01_STAGE1].numerator == 1
    assert report.figures[Measure.CH02_STAGE1].denominator == 1
    assert year2025.cases["B"].reference not in refs(tsm_cases(brighter.landlord, Y2025, Measure.CH01_STAGE1))


def test_the_tsm_report_is_a_handful_of_queries(year2025, django_assert_max_num_queries):
    landlord = year2025.build.landlord
    tsm_report(landlord, Y2025)  # builds the working-day ranks once
    with django_assert_max_num_queries(10):
        tsm_report(landlord, Y2025)
