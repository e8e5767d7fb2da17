"""The sign-off blockers, and the database's "within the Code's timescale" held to the domain's rule."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from putright.cases.models import Case, Stage
from putright.domain.tsm import (
    Blocker,
    Measure,
    ReportingYear,
    code_extension_allowance,
    response_within_code,
)
from putright.organisations.models import ClosureDay, HomesCount
from putright.organisations.selectors import landlord_calendar
from putright.reporting.quality import tsm_blockers
from putright.reporting.selectors import tsm_cases, tsm_report, tsm_stages
from putright.reporting.timing import code_timescales_on

from .conftest import Builder, stage

Y2025 = ReportingYear(2025)
D = date.fromisoformat


def refs_on_time(org):
    return {c.reference for c in tsm_cases(org.landlord, Y2025, Measure.CH02_STAGE1, within=True)}


def blockers(landlord):
    return [(b.blocker, b.reference) for b in tsm_blockers(landlord, Y2025, homes_recorded=True)]


def test_a_response_with_no_acknowledgement_blocks_sign_off(great):
    case = Builder(great).handled("2025-06-02", "2025-06-03", "2025-06-10")
    assert blockers(great.landlord) == []
    Stage.objects.filter(case=case).update(acknowledged_on=None)
    assert blockers(great.landlord) == [(Blocker.RESPONSE_WITHOUT_ACKNOWLEDGEMENT, case.reference)]


def test_a_stage_the_complaint_moved_past_without_dates_blocks_sign_off(great):
    b = Builder(great)
    case = b.handled("2025-06-02", "2025-06-03", "2025-06-10")
    b.escalate(case, "2025-06-16")
    open_case = b.log("2025-06-02")  # not yet acknowledged: nothing wrong with that
    Stage.objects.filter(case=case, number=1).update(acknowledged_on=None, responded_on=None)
    items = tsm_blockers(great.landlord, Y2025, homes_recorded=True)
    assert [(i.blocker, i.reference) for i in items] == [(Blocker.STAGE_WITHOUT_DATES, case.reference)]
    assert "no acknowledgement or response date" in items[0].detail
    assert open_case.reference not in {i.reference for i in items}


def test_a_complaint_received_before_its_issue_occurred_blocks_sign_off(great):
    case = Builder(great).log("2025-06-02")
    Case.objects.filter(pk=case.pk).update(issue_date=D("2025-06-03"))
    items = tsm_blockers(great.landlord, Y2025, homes_recorded=True)
    assert [(i.blocker, i.reference) for i in items] == [(Blocker.RECEIVED_BEFORE_OCCURRED, case.reference)]
    assert (
        items[0].detail
        == "Received on 2 June 2025, before the issue is recorded as occurring on 3 June 2025."
    )


def test_blockers_of_other_years_and_other_landlords_are_not_listed(great, brighter):
    case = Builder(great).handled("2024-06-03", "2024-06-04", "2024-06-10")
    Stage.objects.filter(case=case).update(acknowledged_on=None)
    other = Builder(brighter).handled("2025-06-02", "2025-06-03", "2025-06-10")
    Stage.objects.filter(case=other).update(acknowledged_on=None)
    assert blockers(great.landlord) == []


def test_the_report_lists_the_blockers_and_the_missing_homes_count_first(great):
    case = Builder(great).log("2025-06-02")
    Case.objects.filter(pk=case.pk).update(issue_date=D("2025-07-01"))
    report = tsm_report(great.landlord, Y2025)
    assert [b.blocker for b in report.blockers] == [
        Blocker.MISSING_HOMES_COUNT,
        Blocker.RECEIVED_BEFORE_OCCURRED,
    ]
    HomesCount.objects.create(landlord=great.landlord, year_starting=2025, homes=500)
    assert [b.blocker for b in tsm_report(great.landlord, Y2025).blockers] == [
        Blocker.RECEIVED_BEFORE_OCCURRED
    ]


SCENARIOS = [
    # received, acknowledged, extension (days, notified, justification), responded, on time with extensions
    # counting, on time without: worked by hand on the England and Wales calendar
    ("2025-04-01", "2025-04-03", None, "2025-04-17", True, True),  # due 17 Apr, past Easter
    ("2025-04-01", "2025-04-03", None, "2025-04-19", False, False),  # the Saturday after
    ("2025-04-01", "2025-04-03", None, "2025-04-22", False, False),  # the Tuesday after Easter
    ("2025-06-02", "2025-06-04", (10, "2025-06-16", "none"), "2025-07-02", True, False),  # extended to 2 Jul
    ("2025-06-02", "2025-06-04", (10, "2025-06-16", "none"), "2025-07-03", False, False),
    ("2025-06-02", "2025-06-04", (15, "2025-06-16", "good-reason"), "2025-07-09", True, False),  # to 9 Jul
    (
        "2025-06-02",
        "2025-06-04",
        (5, "2025-06-20", "none"),
        "2025-06-26",
        False,
        False,
    ),  # notice after 18 Jun
    ("2025-12-19", "2025-12-22", None, "2026-01-08", True, True),  # past Christmas and New Year: due 8 Jan
    ("2025-12-19", "2025-12-22", None, "2026-01-09", False, False),
]


@pytest.mark.parametrize("extensions_count", [True, False])
def test_database_within_code_agrees_with_the_domain_rule_and_the_hand_working(great, extensions_count):
    from putright.reporting.models import ReportingSettings

    ReportingSettings.objects.create(landlord=great.landlord, extensions_count_as_on_time=extensions_count)
    b = Builder(great)
    by_hand, by_rule = {}, {}
    stage1 = code_timescales_on(Y2025.range.first)[0]
    calendar = landlord_calendar(great.landlord)
    for received, acknowledged, extension, responded, with_ext, without_ext in SCENARIOS:
        case = b.log(received)
        b.acknowledge(case, acknowledged)
        applied, reason = 0, False
        if extension:
            b.extend(case, extension[0], extension[1], extension[2])
            row = stage(case).extensions.get()
            applied, reason = (row.days if row.applied else 0), row.justification != "none"
        b.respond(case, responded)
        allowance = code_extension_allowance(stage1, applied, reason, extensions_count=extensions_count)
        by_rule[case.reference] = response_within_code(
            stage1,
            calendar,
            received=timezone.localdate(case.received_at),
            acknowledged=D(acknowledged),
            responded=D(responded),
            allowance=allowance,
        )
        by_hand[case.reference] = with_ext if extensions_count else without_ext
    stages = tsm_stages(great.landlord, Y2025, Measure.CH02_STAGE1)
    by_database = {ref: bool(ok) for ref, ok in stages.values_list("case__reference", "within_code")}
    assert by_database == by_rule == by_hand


def test_a_new_closure_day_rebuilds_the_working_day_ranks(great):
    b = Builder(great)
    case = b.handled("2025-06-02", "2025-06-03", "2025-06-18")  # due 17 June: late
    assert tsm_report(great.landlord, Y2025).figures[Measure.CH02_STAGE1].numerator == 0
    ClosureDay.objects.create(landlord=great.landlord, day=D("2025-06-05"), reason="Office move")
    # With Thursday 5 June closed, the 10th working day after 3 June is 18 June: on time.
    assert tsm_report(great.landlord, Y2025).figures[Measure.CH02_STAGE1].numerator == 1
    assert refs_on_time(great) == {case.reference}
