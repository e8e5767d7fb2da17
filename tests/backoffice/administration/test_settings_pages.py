"""Policy, closure days and homes owned: what is in force and its history, each change with a clear
message, errors in GOV.UK style with what was typed kept, and every change on the audit log."""

from __future__ import annotations

from datetime import date

from putright.accounts.models import AdministrationEvent
from putright.cases import services as case_services
from putright.cases.models import Stage
from putright.domain.lifecycle import Kind
from putright.organisations.models import ClosureDay, HomesCount, LandlordPolicy
from tests.factories import at

ADMIN = "/landlords/brighter/admin/"


def when(field: str, typed: str) -> dict[str, str]:
    """A GOV.UK date input's three boxes, from "day/month/year" as typed."""
    day, month, year = typed.split("/")
    return {f"{field}_day": day, f"{field}_month": month, f"{field}_year": year}


# -- policy ------------------------------------------------------------------------------------------


def test_the_policy_page_shows_the_profile_in_force_its_history_and_the_code_check_by_provision(admin_client):
    body = admin_client.get(f"{ADMIN}policy/").content.decode()
    assert "<code>brighter-places-2022</code>" in body and "Version 1, in force from" in body
    assert "Falls short on 2 provisions" in body  # 2.3 and 5.11, as `putright policy check` says
    assert body.count('<strong class="govuk-tag govuk-tag--red">Falls short</strong>') == 2
    assert '<strong class="govuk-tag govuk-tag--green">Meets</strong>' in body
    assert "Adoption history" in body and "1 August 2022" in body


def test_adopting_a_policy_from_a_date_says_how_it_measures_up_and_is_audited(admin_client, admin, brighter):
    response = admin_client.post(
        f"{ADMIN}policy/", {"policy_name": "hos-code-2024", **when("adopted_from", "1/4/2026")}, follow=True
    )
    body = response.content.decode()
    assert "hos-code-2024 adopted from 1 April 2026. It meets the Complaint Handling Code 2024." in body
    assert LandlordPolicy.objects.filter(landlord=brighter.landlord, policy_name="hos-code-2024").exists()
    assert "Meets every provision checked" in body  # in force today (23 November 2026 or later)
    event = AdministrationEvent.objects.get(kind="policy.adopted")
    assert event.actor == admin and event.after == {
        "policy_name": "hos-code-2024",
        "adopted_from": "2026-04-01",
    }
    assert f"by {admin}" in body


def test_adopting_a_profile_that_falls_short_names_the_provisions(admin_client):
    body = admin_client.post(
        f"{ADMIN}policy/",
        {"policy_name": "brighter-places-2022", **when("adopted_from", "2/4/2026")},
        follow=True,
    ).content.decode()
    assert "It falls short of the Complaint Handling Code 2024 on provisions 2.3, 5.11." in body


def test_adopting_refuses_bad_input_and_keeps_it(admin_client, brighter):
    body = admin_client.post(
        f"{ADMIN}policy/", {"policy_name": "", **when("adopted_from", "31/2/2026")}
    ).content.decode()
    assert "Choose a policy profile" in body and "The date it takes effect must be a real date" in body
    assert 'value="31"' in body and 'value="2026"' in body
    body = admin_client.post(
        f"{ADMIN}policy/", {"policy_name": "brighter-places-2022", **when("adopted_from", "1/8/2022")}
    ).content.decode()
    assert "A policy is already adopted from 2022-08-01" in body and 'href="#id_adopted_from_0"' in body
    body = admin_client.post(
        f"{ADMIN}policy/", {"policy_name": "hos-code-2024", **when("adopted_from", "1/9/2022")}
    ).content.decode()
    assert "Policy &#x27;hos-code-2024&#x27; has no version in force on 2022-09-01" in body
    assert LandlordPolicy.objects.filter(landlord=brighter.landlord).count() == 1
    assert not AdministrationEvent.objects.exists()


# -- closure days ------------------------------------------------------------------------------------


def test_adding_a_closure_day_recomputes_open_complaints_and_says_how_many(admin_client, brighter):
    case = case_services.feedback_log(
        landlord=brighter.landlord,
        actor=brighter.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at("2026-11-20"),
        customer=brighter.customer,
        summary="Damp in the bedroom",
        description="Mould has come back",
    )
    before = Stage.objects.get(case=case).acknowledge_by
    response = admin_client.post(
        f"{ADMIN}closure-days/", {**when("closed_on", "25/11/2026"), "reason": "Office move"}, follow=True
    )
    body = response.content.decode()
    assert (
        "25 November 2026 is now a closure day. 1 open complaint stage has had its deadlines recomputed."
        in body
    )
    assert Stage.objects.get(case=case).acknowledge_by > before
    assert "Wednesday 25 November 2026" in body and "Office move" in body and "1 stage recomputed" in body
    event = AdministrationEvent.objects.get(kind="closure_day.added")
    assert event.after == {"day": "2026-11-25", "reason": "Office move", "recomputed": 1}


def test_a_closure_day_with_nothing_open_says_so(admin_client):
    body = admin_client.post(
        f"{ADMIN}closure-days/", {**when("closed_on", "24/12/2026"), "reason": "Christmas Eve"}, follow=True
    ).content.decode()
    assert "24 December 2026 is now a closure day. No open complaint&#x27;s deadlines changed." in body


def test_a_closure_day_twice_or_without_a_reason_is_refused(admin_client, brighter):
    ClosureDay.objects.create(landlord=brighter.landlord, day=date(2026, 12, 24), reason="Christmas Eve")
    body = admin_client.post(
        f"{ADMIN}closure-days/", {**when("closed_on", "24/12/2026"), "reason": "Again"}
    ).content.decode()
    assert "2026-12-24 is already a closure day (Christmas Eve)" in body and 'value="Again"' in body
    assert 'href="#id_closed_on_0"' in body
    body = admin_client.post(f"{ADMIN}closure-days/", {"reason": ""}).content.decode()
    assert "Enter the closure date" in body and "Enter why the landlord is closed" in body
    assert ClosureDay.objects.count() == 1


# -- homes owned -------------------------------------------------------------------------------------


def test_homes_owned_per_year_with_the_history_of_corrections(admin_client, brighter):
    admin_client.post(f"{ADMIN}homes/", {"year_starting": "2026", "homes": "21500"})
    response = admin_client.post(f"{ADMIN}homes/", {"year_starting": "2026", "homes": "21650"}, follow=True)
    body = response.content.decode()
    assert "Homes owned in 2026 to 2027 set to 21,650" in body
    assert "1 April 2026 to 31 March 2027" in body and ">21,650<" in body
    assert "Homes owned in 2026 to 2027: 21,650 (was 21,500)" in body
    assert HomesCount.objects.get(landlord=brighter.landlord, year_starting=2026).homes == 21650
    assert AdministrationEvent.objects.filter(kind="homes.set").count() == 2


def test_homes_owned_refuses_bad_numbers(admin_client):
    body = admin_client.post(f"{ADMIN}homes/", {"year_starting": "26", "homes": "0"}).content.decode()
    assert "Enter a year from 2000" in body and "A landlord owns at least one home" not in body
    body = admin_client.post(f"{ADMIN}homes/", {"year_starting": "2026", "homes": "0"}).content.decode()
    assert "A landlord owns at least one home" in body and 'value="0"' in body
    assert not HomesCount.objects.exists()


def test_the_audit_log_lists_every_change_newest_first(admin_client, admin):
    admin_client.post(f"{ADMIN}homes/", {"year_starting": "2025", "homes": "100"})
    admin_client.post(f"{ADMIN}closure-days/", {**when("closed_on", "24/12/2026"), "reason": "Christmas Eve"})
    body = admin_client.get(f"{ADMIN}audit/").content.decode()
    assert body.index("Added 24 December 2026 as a closure day") < body.index(
        "Homes owned in 2025 to 2026: 100"
    )
    assert str(admin) in body
