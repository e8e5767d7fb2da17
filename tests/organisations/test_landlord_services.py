"""Landlord administration: policy history, closure days and homes counts."""

from datetime import date

import pytest

from putright.accounts.models import Role
from putright.cases import services as case_services
from putright.cases.models import Stage
from putright.domain.errors import InvalidInputError, NotPermittedError, UnknownPolicyError
from putright.domain.lifecycle import Kind
from putright.organisations import services
from putright.organisations.selectors import profile_on
from tests.factories import at, make_staff

D = date.fromisoformat


@pytest.fixture
def admin(great):
    return make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)


def test_a_new_policy_governs_cases_received_from_its_date_and_earlier_cases_keep_theirs(great, admin):
    _, shortfalls = services.policy_adopt(
        landlord=great.landlord, actor=admin, policy_name="hos-code-2024", adopted_from=D("2026-06-01")
    )
    assert shortfalls == []
    assert profile_on(great.landlord, D("2026-05-31")).name == "great-places"
    assert profile_on(great.landlord, D("2026-06-01")).name == "hos-code-2024"


def test_adopting_brighter_places_reports_its_code_shortfalls(great, admin):
    _, shortfalls = services.policy_adopt(
        landlord=great.landlord, actor=admin, policy_name="brighter-places-2022", adopted_from=D("2026-07-01")
    )
    assert [s.split(":")[0] for s in shortfalls] == ["2.3", "5.11"]


def test_unknown_policy_is_refused(great, admin):
    with pytest.raises(UnknownPolicyError):
        services.policy_adopt(
            landlord=great.landlord, actor=admin, policy_name="nope", adopted_from=D("2026-07-01")
        )


def test_closure_days_are_skipped_by_new_deadlines(great, admin):
    services.closure_day_add(
        landlord=great.landlord, actor=admin, day=D("2026-12-29"), reason="Office closed"
    )
    with pytest.raises(InvalidInputError, match="already a closure day"):
        services.closure_day_add(landlord=great.landlord, actor=admin, day=D("2026-12-29"), reason="Again")
    # A complaint received the day before a closure day skips it.
    services.closure_day_add(
        landlord=great.landlord, actor=admin, day=D("2026-04-01"), reason="Staff training"
    )
    case = case_services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-03-31"),
        customer=great.customer,
        summary="Leak",
        description="Leak in kitchen",
    )
    # 5 working days from 31 March 2026, skipping 1 April (closure), Good Friday and Easter Monday.
    assert Stage.objects.get(case=case).acknowledge_by == D("2026-04-10")


def test_homes_counts_per_reporting_year(great, admin):
    services.homes_count_set(landlord=great.landlord, actor=admin, year_starting=2026, homes=21500)
    updated = services.homes_count_set(landlord=great.landlord, actor=admin, year_starting=2026, homes=21650)
    assert updated.homes == 21650
    with pytest.raises(InvalidInputError):
        services.homes_count_set(landlord=great.landlord, actor=admin, year_starting=2026, homes=0)


def test_only_administrators_change_landlord_settings(great):
    with pytest.raises(NotPermittedError):
        services.homes_count_set(landlord=great.landlord, actor=great.officer, year_starting=2026, homes=1)


def test_adding_a_closure_day_recomputes_open_deadlines_that_run_across_it(great, admin):
    case = case_services.feedback_log(
        landlord=great.landlord,
        actor=great.officer,
        kind=Kind.COMPLAINT,
        channel="phone",
        received_at=at("2026-11-20"),
        customer=great.customer,
        summary="Leak",
        description="Leak in kitchen",
    )
    assert Stage.objects.get(case=case).acknowledge_by == D("2026-11-27")
    services.closure_day_add(
        landlord=great.landlord, actor=admin, day=D("2026-11-24"), reason="Staff conference"
    )
    case.refresh_from_db()
    assert Stage.objects.get(case=case).acknowledge_by == D("2026-11-30")
    assert case.next_due == D("2026-11-30")
    assert case.timeline.last().kind == "deadlines_recomputed"
