"""My work, team work and the case list: each worklist section finds the right cases, "mine" and "team"
are decided as documented in putright/cases/worklists.py, landlords never mix, the case list filters,
searches, sorts, pages and exports exactly what it shows, and query counts do not grow with the cases.

Cases are made through the services with past dates (the services refuse future ones); the selectors'
`today` is pinned where a section depends on the day."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Case
from putright.cases.selectors import CaseFilters, case_list, week_ends
from putright.cases.worklists import (
    MINE,
    TEAM,
    adjustment_reviews_due,
    agreed_actions_due,
    restriction_reviews_due,
    section_cases,
    worklist,
    worklist_scope,
)
from putright.customers import services as customer_services
from putright.customers.models import Customer
from putright.domain.lifecycle import Kind
from putright.organisations.selectors import landlord_calendar
from tests.factories import at, make_staff

D = date.fromisoformat
DEFINITION = [{"point": "The leak was not repaired", "outcome_sought": "A repair"}]


def log(org, received="2026-11-02", *, actor=None, kind=Kind.COMPLAINT, customer=None, **extra) -> Case:
    return services.feedback_log(
        landlord=org.landlord,
        actor=actor or org.officer,
        kind=kind,
        channel=extra.pop("channel", "email"),
        received_at=at(received),
        customer=customer or org.customer,
        summary=extra.pop("summary", "Damp in the bedroom"),
        description=extra.pop("description", "Mould has come back in the bedroom"),
        **extra,
    )


def acknowledge(org, case, on="2026-11-03", actor=None) -> Case:
    return services.complaint_acknowledge(
        landlord=org.landlord,
        actor=actor or org.manager,
        case_id=case.pk,
        acknowledged_on=D(on),
        definition=DEFINITION,
        responsible_for="Repairs to the home",
    )


def respond(org, case, on, actor=None, actions=()) -> Case:
    return services.stage_respond(
        landlord=org.landlord,
        actor=actor or org.manager,
        case_id=case.pk,
        responded_on=D(on),
        outcome="upheld",
        summary="We are sorry.",
        answers=[services.PointAnswer(p["point"], "upheld", "It was late.") for p in DEFINITION],
        actions=list(actions),
    )


def refreshed(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def found(org, user, key, *, view=TEAM, today=None) -> list[str]:
    scope = worklist_scope(user=user, landlords=[org.landlord], view=view, today=today or D("2026-11-23"))
    return sorted(c.reference for c in section_cases(scope, key))


def section(work, key):
    return next(s for s in work.sections if s.key == key)


# -- each section -----------------------------------------------------------------------------------------


def test_awaiting_acknowledgement_due_today_this_week_and_overdue(great):
    case = log(great, "2026-11-02")
    log(great, "2026-11-02", kind=Kind.COMPLIMENT)  # no clock runs
    due = refreshed(case).next_due
    assert refreshed(case).next_due_kind == "acknowledge"
    ref = [case.reference]
    calendar = landlord_calendar(great.landlord)

    assert found(great, great.officer, "awaiting_acknowledgement", today=due) == ref
    assert found(great, great.officer, "due_today", today=due) == ref
    assert found(great, great.officer, "due_this_week", today=due) == []
    assert found(great, great.officer, "overdue", today=due) == []

    # The working day before: due this week, not today; far enough back, not this week.
    before = due - timedelta(days=1)
    while not calendar.is_working_day(before):
        before -= timedelta(days=1)
    assert found(great, great.officer, "due_this_week", today=before) == ref
    assert found(great, great.officer, "due_today", today=before) == []
    far = before
    while week_ends(great.landlord, far) >= due:
        far -= timedelta(days=1)
    assert found(great, great.officer, "due_this_week", today=far) == []
    assert found(great, great.officer, "due_this_week", today=far + timedelta(days=1)) == ref

    assert found(great, great.officer, "overdue", today=due + timedelta(days=1)) == ref
    assert found(great, great.officer, "awaiting_acknowledgement", today=due + timedelta(days=1)) == ref

    acknowledge(great, case)
    assert found(great, great.officer, "awaiting_acknowledgement", today=due) == []


def test_due_this_week_counts_working_days_in_the_landlords_calendar(great):
    # Monday 23 November 2026: five working days on is Monday 30 November.
    assert week_ends(great.landlord, D("2026-11-23")) == D("2026-11-30")
    # Thursday 24 December 2026: Christmas Day, Boxing Day's substitute (Monday 28th) and New Year's Day
    # are skipped with the weekends: Tuesday 29, Wednesday 30, Thursday 31, Monday 4 and Tuesday 5 January.
    assert week_ends(great.landlord, D("2026-12-24")) == D("2027-01-05")


def test_extended_cases_with_a_running_clock(great):
    extended, plain = log(great, "2026-11-02"), log(great, "2026-11-02")
    for case in (extended, plain):
        acknowledge(great, case)
    services.stage_extend(
        landlord=great.landlord,
        actor=great.manager,
        case_id=extended.pk,
        days=5,
        notified_on=D("2026-11-10"),
        reason="Waiting for the contractor's report",
    )
    assert found(great, great.officer, "extended") == [extended.reference]
    respond(great, extended, "2026-11-20")
    assert found(great, great.officer, "extended") == []  # the clock has stopped


def test_awaiting_a_stage_2_handler_is_for_those_who_may_assign_one(great):
    case = log(great, "2026-10-01")
    acknowledge(great, case, "2026-10-02")
    respond(great, case, "2026-10-09")
    services.escalation_request(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, requested_at=at("2026-10-12")
    )
    ref = [case.reference]
    assert found(great, great.officer, "awaiting_stage2_handler", view=MINE) == ref
    assert found(great, great.director, "awaiting_stage2_handler", view=MINE) == ref
    assert found(great, great.manager, "awaiting_stage2_handler", view=MINE) == []
    assert found(great, great.manager, "awaiting_stage2_handler", view=TEAM) == ref
    work = worklist(user=great.manager, landlords=[great.landlord], view=MINE, today=D("2026-11-23"))
    assert "awaiting_stage2_handler" not in [s.key for s in work.sections]  # never theirs: left out

    services.stage2_assign_handler(
        landlord=great.landlord, actor=great.officer, case_id=case.pk, handler=great.director
    )
    assert found(great, great.officer, "awaiting_stage2_handler") == []
    assert found(great, great.director, "awaiting_acknowledgement", view=MINE) == ref


def test_agreed_actions_due_this_week_or_overdue_for_their_owner(great):
    case = log(great, "2026-10-01")
    acknowledge(great, case, "2026-10-02")
    respond(
        great,
        case,
        "2026-10-09",
        actions=[
            services.ActionInput("Replace the worktop", great.housing, D("2026-11-20")),
            services.ActionInput("Repaint the ceiling", great.housing, D("2026-11-27")),
            services.ActionInput("Check the gutters", great.manager, D("2027-02-01")),
        ],
    )
    today = D("2026-11-23")

    def due(user, view=MINE):
        scope = worklist_scope(user=user, landlords=[great.landlord], view=view, today=today)
        return sorted(a.description for a in agreed_actions_due(scope))

    assert due(great.housing) == ["Repaint the ceiling", "Replace the worktop"]
    assert due(great.manager) == []  # their action is months away
    assert due(great.officer) == []
    assert due(great.officer, TEAM) == ["Repaint the ceiling", "Replace the worktop"]

    action = case.stages.get(number=1).actions.get(description="Replace the worktop")
    services.action_complete(
        landlord=great.landlord, actor=great.housing, action_id=action.pk, completed_on=D("2026-11-20")
    )
    assert due(great.housing) == ["Repaint the ceiling"]

    work = worklist(user=great.housing, landlords=[great.landlord], view=MINE, today=today)
    items = section(work, "actions_due").items
    assert [(i.reference, i.who) for i in items] == [(case.reference, str(great.housing))]


def test_restriction_and_adjustment_reviews_due(great):
    restriction = customer_services.restriction_apply(
        landlord=great.landlord,
        actor=great.housing,
        customer_id=great.customer.pk,
        type="single-channel",
        reason="Repeated abusive calls",
        how_to_contact="Email the named officer",
        understanding_sought="Housing manager called on 18 August",
        starts_on=D("2026-08-20"),
    )
    adjustment = customer_services.adjustment_record(
        landlord=great.landlord,
        actor=great.officer,
        customer_id=great.customer.pk,
        type="large_print",
        details="Letters in 16 point",
        agreed_on=D("2025-11-24"),
    )
    today = D("2026-11-23")
    assert restriction.review_by <= week_ends(great.landlord, today)
    assert adjustment.review_by <= week_ends(great.landlord, today)

    def reviews(user, view=MINE):
        scope = worklist_scope(user=user, landlords=[great.landlord], view=view, today=today)
        return (len(restriction_reviews_due(scope)), len(adjustment_reviews_due(scope)))

    assert reviews(great.housing) == (1, 1)  # housing managers manage both
    assert reviews(great.director) == (1, 0)  # senior leaders manage restrictions
    assert reviews(great.officer) == (0, 1)  # feedback officers manage adjustments
    assert reviews(great.board) == (0, 0)
    assert reviews(great.board, TEAM) == (0, 0)  # the board does not manage customers
    assert reviews(great.officer, TEAM) == (1, 1)

    # A year ahead of the review: nothing due.
    scope = worklist_scope(user=great.housing, landlords=[great.landlord], view=MINE, today=D("2026-06-01"))
    assert not restriction_reviews_due(scope).exists() and not adjustment_reviews_due(scope).exists()

    work = worklist(user=great.officer, landlords=[great.landlord], view=MINE, today=today)
    assert "restriction_reviews" not in [s.key for s in work.sections]
    (item,) = section(work, "adjustment_reviews").items
    assert (item.customer, item.reference) == ("Alex Morgan", "")


def test_hazard_clocks_running_until_every_duty_is_done(great):
    hazard = log(great, "2026-11-02", hazard_kind="damp-mould", vulnerability=True)
    log(great, "2026-11-02")
    assert found(great, great.officer, "hazards") == [hazard.reference]
    work = worklist(user=great.officer, landlords=[great.landlord], view=TEAM, today=D("2026-11-23"))
    (item,) = section(work, "hazards").items
    assert item.what == "Awaab's Law: Investigate the hazard" and item.due == D("2026-11-16") and item.overdue

    services.hazard_investigation_conclude(
        landlord=great.landlord, actor=great.housing, case_id=hazard.pk, concluded_on=D("2026-11-10")
    )
    for duty in ("summary", "make_safe", "further_work_start"):
        services.hazard_duty_complete(
            landlord=great.landlord,
            actor=great.housing,
            case_id=hazard.pk,
            duty=duty,
            done_on=D("2026-11-12"),
        )
    assert found(great, great.officer, "hazards") == [hazard.reference]  # one duty still runs
    services.hazard_duty_complete(
        landlord=great.landlord,
        actor=great.housing,
        case_id=hazard.pk,
        duty="further_work_physical_start",
        done_on=D("2026-11-12"),
    )
    assert found(great, great.officer, "hazards") == []


def test_an_emergency_hazard_clock_shows_its_time(great):
    log(great, "2026-11-20", hazard_kind="emergency", kind=Kind.SERVICE_REQUEST)
    work = worklist(user=great.officer, landlords=[great.landlord], view=TEAM, today=D("2026-11-23"))
    (item,) = section(work, "hazards").items
    assert item.due == D("2026-11-21") and item.due_time is not None and item.due_time.hour == 10


# -- my work and team work --------------------------------------------------------------------------------


def test_my_work_is_what_i_handle_and_unassigned_cases_fall_to_feedback_officers(great):
    unassigned = log(great, "2026-11-16")
    managers = acknowledge(great, log(great, "2026-11-02"), "2026-11-03", actor=great.manager)
    directors = acknowledge(great, log(great, "2026-11-02"), "2026-11-03", actor=great.director2)
    today = D("2026-11-23")

    def mine(user):
        work = worklist(user=user, landlords=[great.landlord], view=MINE, today=today)
        return sorted({i.reference for s in work.sections for i in s.items})

    assert mine(great.officer) == [unassigned.reference]
    assert mine(great.manager) == [managers.reference]
    assert mine(great.director2) == [directors.reference]
    assert mine(great.board) == []
    team = worklist(user=great.board, landlords=[great.landlord], view=TEAM, today=today)
    assert {i.reference for s in team.sections for i in s.items} == {
        unassigned.reference,
        managers.reference,
        directors.reference,
    }


def test_counts_per_landlord_for_a_person_at_two_landlords(great, brighter):
    both = make_staff(great.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    make_staff(brighter.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    for _ in range(3):
        log(great, "2026-11-02")
    for _ in range(2):
        log(brighter, "2026-11-02")
    work = worklist(
        user=both, landlords=[brighter.landlord, great.landlord], view=MINE, today=D("2026-11-23")
    )
    ack = section(work, "awaiting_acknowledgement")
    assert ack.count == 5
    assert dict(ack.counts) == {great.landlord.pk: 3, brighter.landlord.pk: 2}
    per = {row.landlord.slug: row.counts for row in work.per_landlord}
    keys = [s.key for s in work.sections]
    assert per["great"][keys.index("awaiting_acknowledgement")] == 3
    assert per["brighter"][keys.index("overdue")] == 2
    assert {i.landlord_slug for i in ack.items} == {"great", "brighter"}


def test_a_worklist_never_reaches_a_landlord_where_the_person_has_no_role(great, brighter):
    log(great, "2026-11-02")
    work = worklist(
        user=brighter.officer, landlords=[great.landlord, brighter.landlord], view=TEAM, today=D("2026-11-23")
    )
    assert work.landlords == (brighter.landlord,)
    assert all(s.count == 0 for s in work.sections)


def test_complaints_about_colleagues_stay_hidden_from_other_staff(great):
    hidden = log(great, "2026-11-02", about_colleague=True, colleagues_named="Sam")
    assert found(great, great.officer, "awaiting_acknowledgement") == [hidden.reference]
    assert found(great, great.manager, "awaiting_acknowledgement") == []
    work = worklist(user=great.manager, landlords=[great.landlord], view=TEAM, today=D("2026-11-23"))
    assert all(s.count == 0 for s in work.sections)


def test_worklist_query_count_does_not_grow_with_cases(great):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            work = worklist(user=great.officer, landlords=[great.landlord], view=TEAM, today=D("2026-11-23"))
            [(i.reference, i.customer, i.who) for s in work.sections for i in s.items]
        return len(queries), work

    def add(n):
        for i in range(n):
            case = log(great, "2026-11-02", hazard_kind="damp-mould" if i % 3 == 0 else "")
            if i % 2:
                acknowledge(great, case)

    add(5)
    few, work = measure()
    add(25)
    many, work = measure()
    assert section(work, "awaiting_acknowledgement").count == 3 + 13
    assert few == many
    # The person's roles (1); the landlord's roles for visible_cases and its closure days (2); every case
    # section counted at once (1); the stage 2 handler, action, restriction and adjustment counts (4); the
    # first items of the sections that have any: awaiting acknowledgement, overdue (1 each) and the hazard
    # clocks (2). At most 19 with every section busy.
    assert many == 12


# -- the pages --------------------------------------------------------------------------------------------


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def test_my_work_page_shows_sections_counts_and_links_to_cases(great, signed_in):
    case = log(great, "2026-11-02")
    response = signed_in(great.officer).get("/work/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">My work</h1>' in html
    assert f'href="/landlords/great/cases/{case.reference}/"' in html
    assert "Nothing awaiting acknowledgement." not in html
    assert "No Awaab&#x27;s Law hazard clocks running." in html
    assert 'aria-current="page">My work</a>' in html
    assert 'class="govuk-header__link" href="/work/">My work</a>' in html  # the header's navigation

    team = signed_in(great.officer).get("/work/?view=team").content.decode()
    assert '<h1 class="govuk-heading-xl">Team work</h1>' in team
    assert 'href="/landlords/great/cases/?due=overdue"' in team


def test_my_work_page_with_nothing_to_do_says_so(great, signed_in):
    html = signed_in(great.manager).get("/work/").content.decode()
    for empty in ("Nothing awaiting acknowledgement.", "Nothing due today.", "Nothing overdue."):
        assert empty in html


def test_my_work_page_shows_counts_by_landlord_and_focuses_on_one(great, brighter, signed_in):
    both = make_staff(great.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    make_staff(brighter.landlord, "cover@both.test", Role.FEEDBACK_OFFICER)
    log(great, "2026-11-02")
    log(brighter, "2026-11-02")
    html = signed_in(both).get("/work/").content.decode()
    assert "At a glance, by landlord" in html and "Brighter Places" in html and "Great Places" in html
    focused = signed_in(both).get("/work/?landlord=great").content.decode()
    assert "At a glance, by landlord" not in focused and "/landlords/brighter/cases/BP-" not in focused
    assert signed_in(both).get("/work/?landlord=nowhere").status_code == 404
    assert signed_in(brighter.officer).get("/work/?landlord=great").status_code == 404


def test_my_work_for_someone_with_no_role_anywhere(db, signed_in):
    from putright.accounts.models import User

    nobody = User.objects.create_user("nobody@example.test", "correct horse battery")
    html = signed_in(nobody).get("/work/").content.decode()
    assert "You do not hold a role at any landlord yet" in html
    assert signed_in(nobody).get("/landlords/great/cases/").status_code == 404


def test_pages_need_a_signed_in_person(great, client):
    for url in ("/work/", "/landlords/great/cases/", "/landlords/great/cases.csv"):
        response = client.get(url)
        assert response.status_code == 302, url


def test_pages_send_an_administrator_without_two_factor_to_set_it_up(great, signed_in):
    admin = make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR)
    for url in ("/work/", "/landlords/great/cases/", "/landlords/great/cases.csv"):
        response = signed_in(admin).get(url)
        assert response.status_code == 302 and "next=" in response["Location"], url


def test_another_landlords_case_list_is_404_even_by_guessing_the_slug(great, brighter, signed_in):
    log(great, "2026-11-02")
    client = signed_in(brighter.officer)
    assert client.get("/landlords/great/cases/").status_code == 404
    assert client.get("/landlords/great/cases.csv").status_code == 404
    assert client.get("/landlords/nowhere/cases/").status_code == 404
    assert client.get("/landlords/brighter/cases/").status_code == 200


def _references(html: str) -> list[str]:
    import re

    return re.findall(r'href="/landlords/[a-z-]+/cases/([A-Z]+-\d{4}-\d{6})/"', html)


def test_case_list_filters_and_hides_colleague_complaints(great, signed_in):
    repairs = log(great, "2026-11-02", category="Repairs", contractor="Acme Roofing", channel="phone")
    rent = log(great, "2026-11-03", category="Rent")
    request = log(great, "2026-11-04", kind=Kind.SERVICE_REQUEST, category="Repairs", vulnerability=True)
    hazard = log(great, "2026-11-05", hazard_kind="damp-mould")
    colleague = log(great, "2026-11-06", about_colleague=True, colleagues_named="Sam")
    handled = acknowledge(great, log(great, "2026-11-02"), actor=great.director2)
    officer = signed_in(great.officer)

    def refs(query, client=officer):
        response = client.get(f"/landlords/great/cases/{query}")
        assert response.status_code == 200
        return sorted(_references(response.content.decode()))

    everything = sorted(c.reference for c in (repairs, rent, request, hazard, colleague, handled))
    assert refs("") == everything
    assert refs("?kind=complaint&category=Repairs") == [repairs.reference]
    assert refs("?contractor=Acme+Roofing") == [repairs.reference]
    assert refs("?channel=phone") == [repairs.reference]
    assert refs("?flags=vulnerability") == [request.reference]
    assert refs("?flags=vulnerability&flags=hazard") == sorted([request.reference, hazard.reference])
    assert refs("?flags=about_colleague") == [colleague.reference]
    assert refs(f"?handler={great.director2.pk}") == [handled.reference]
    assert refs("?stage=1&status=stage1_investigating") == [handled.reference]
    assert refs("?due=overdue") == sorted(
        c.reference
        for c in (repairs, rent, hazard, colleague, handled)
        if refreshed(c).next_due < timezone.localdate()
    )

    manager = signed_in(great.manager)
    assert colleague.reference not in refs("", manager)
    html = manager.get("/landlords/great/cases/").content.decode()
    assert 'value="about_colleague"' not in html  # the flag is offered only to those who may see them

    # An unknown choice is shown as an error, and the other filters still apply.
    response = officer.get("/landlords/great/cases/?category=Nope&kind=service_request")
    html = response.content.decode()
    assert "There is a problem with the filters" in html
    assert _references(html) == [request.reference]


def test_case_list_search_by_reference_name_address_postcode_and_words(great, signed_in):
    jo = Customer.objects.create(
        landlord=great.landlord, name="Jo O'Neill", address="4 Mill Lane, Leeds", postcode="LS1 4AB"
    )
    first = log(
        great, "2026-11-02", customer=jo, summary="Broken boiler", description="No heating since Friday"
    )
    second = log(great, "2026-11-03", summary="Noise from next door", description="Loud music every night")
    officer = signed_in(great.officer)

    def refs(q):
        return sorted(_references(officer.get("/landlords/great/cases/", {"q": q}).content.decode()))

    assert refs(first.reference) == [first.reference]
    assert refs(first.reference.lower()) == [first.reference]
    assert refs("o'neill") == [first.reference]
    assert refs("mill lane") == [first.reference]
    assert refs("ls14ab") == [first.reference]
    assert refs("LS1 4AB") == [first.reference]
    assert refs("heating friday") == [first.reference]
    assert refs("music") == [second.reference]
    assert refs("heating music") == []  # every word must match
    assert refs("Alex") == [second.reference]
    # A whole reference finds its own case only, not others that mention it.
    third = log(great, "2026-11-04", summary=f"Follow-up to {first.reference}", description="Still broken")
    assert refs(f"  {first.reference.lower()} ") == [first.reference]
    assert refs("follow-up") == [third.reference]


def test_case_list_sorts_by_whitelisted_columns_with_aria_sort(great, signed_in):
    cases = [log(great, f"2026-11-0{day}") for day in (2, 5, 3)]
    officer = signed_in(great.officer)
    by_reference = sorted(c.reference for c in cases)

    html = officer.get("/landlords/great/cases/?sort=reference").content.decode()
    assert _references(html) == by_reference
    assert 'aria-sort="ascending"' in html and html.count('aria-sort="none"') == 4
    assert (
        _references(officer.get("/landlords/great/cases/?sort=-reference").content.decode())
        == by_reference[::-1]
    )
    received = [c.reference for c in sorted(cases, key=lambda c: c.received_at)]
    assert _references(officer.get("/landlords/great/cases/?sort=received").content.decode()) == received
    assert (
        _references(officer.get("/landlords/great/cases/?sort=-received").content.decode()) == received[::-1]
    )
    # An unknown sort key is ignored: the default order, soonest deadline first.
    default = _references(officer.get("/landlords/great/cases/").content.decode())
    assert (
        _references(officer.get("/landlords/great/cases/?sort=customer__email").content.decode()) == default
    )
    assert default == received  # received earlier, due earlier
    for key in ("status", "-status", "kind", "-kind", "next_due", "-next_due"):
        assert officer.get(f"/landlords/great/cases/?sort={key}").status_code == 200


def test_case_list_pages_25_at_a_time_keeping_filters(great, signed_in):
    for day in range(30):
        log(great, (date(2026, 10, 1) + timedelta(days=day)).isoformat(), category="Repairs")
    log(great, "2026-10-01", category="Rent")
    officer = signed_in(great.officer)
    first = officer.get("/landlords/great/cases/?category=Repairs").content.decode()
    assert len(_references(first)) == 25
    assert "30 cases" in first and 'class="govuk-pagination"' in first
    assert 'href="?category=Repairs&amp;page=2"' in first
    second = officer.get("/landlords/great/cases/?category=Repairs&page=2").content.decode()
    assert len(_references(second)) == 5
    assert 'aria-current="page">2</a>' in second
    assert not set(_references(first)) & set(_references(second))
    assert officer.get("/landlords/great/cases/?category=Repairs&page=99").status_code == 200


def test_a_search_reads_its_page_and_its_count_in_one_query(great, signed_in):
    for day in range(30):
        log(great, (date(2026, 10, 1) + timedelta(days=day)).isoformat(), summary=f"Leaking gutter {day}")
    log(great, "2026-10-01", summary="Noise")
    officer = signed_in(great.officer)

    def case_reads(url):
        with CaptureQueriesContext(connection) as queries:
            html = officer.get(url).content.decode()
        reads = [q["sql"] for q in queries.captured_queries if 'FROM "cases_case"' in q["sql"]]
        return html, reads

    first, reads = case_reads("/landlords/great/cases/?q=gutter")
    assert len(_references(first)) == 25 and "30 cases" in first
    assert not [sql for sql in reads if "COUNT(*) AS" in sql]  # no separate count of the matches
    assert len([sql for sql in reads if "OVER ()" in sql]) == 1
    second, _ = case_reads("/landlords/great/cases/?q=gutter&page=2")
    assert len(_references(second)) == 5 and "30 cases" in second
    assert 'aria-current="page">2</a>' in second
    assert not set(_references(first)) & set(_references(second))
    # Past the last page, or no match at all: counted as before, the last page shown.
    beyond, _ = case_reads("/landlords/great/cases/?q=gutter&page=9")
    assert _references(beyond) == _references(second)
    assert "No cases found" in case_reads("/landlords/great/cases/?q=nothing-like-it")[0]


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_is_exactly_the_filtered_list(great, signed_in):
    for day in range(28):
        log(great, (date(2026, 10, 1) + timedelta(days=day)).isoformat(), category="Repairs")
    log(great, "2026-10-02", category="Rent")
    log(great, "2026-10-03", about_colleague=True, category="Repairs")
    officer = signed_in(great.manager)  # may not see the complaint about a colleague
    query = "?category=Repairs&sort=-received"
    listed = []
    for page in (1, 2):
        listed += _references(officer.get(f"/landlords/great/cases/{query}&page={page}").content.decode())
    rows = _csv(officer.get(f"/landlords/great/cases.csv{query}"))
    assert rows[0] == [
        "Reference",
        "Kind",
        "Status",
        "Stage",
        "Received",
        "Next due",
        "Handler",
        "Customer",
        "Category",
        "Service area",
        "Contractor",
        "Channel",
        "Flags",
    ]
    assert [row[0] for row in rows[1:]] == listed
    assert len(listed) == 28
    expected = case_list(
        landlord=great.landlord, user=great.manager, filters=CaseFilters(category="Repairs", sort="-received")
    )
    assert [row[0] for row in rows[1:]] == [c.reference for c in expected]


def test_csv_export_neutralises_formula_injection(great, signed_in):
    evil = Customer.objects.create(landlord=great.landlord, name='=HYPERLINK("http://x","y")')
    log(
        great,
        "2026-11-02",
        customer=evil,
        category="+1+2",
        service_area="-3",
        contractor="@SUM(A1)",
        vulnerability=True,
        hazard_kind="damp-mould",
    )
    (header, row) = _csv(signed_in(great.officer).get("/landlords/great/cases.csv"))
    cells = dict(zip(header, row, strict=True))
    assert cells["Customer"] == '\'=HYPERLINK("http://x","y")'
    assert cells["Category"] == "'+1+2"
    assert cells["Service area"] == "'-3"
    assert cells["Contractor"] == "'@SUM(A1)"
    assert cells["Flags"] == "Vulnerable customer; Awaab's Law hazard (damp-mould)"
    assert cells["Kind"] == "Complaint" and cells["Status"] == "Stage 1 received" and cells["Stage"] == "1"


def test_page_query_counts_do_not_grow_with_cases(great, signed_in):
    officer = signed_in(great.officer)

    def add(n):
        for i in range(n):
            log(great, "2026-11-02", category=f"Category {i % 3}", contractor=f"Contractor {i % 2}")

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            response = officer.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            assert response.status_code == 200
        return len(queries)

    urls = [
        "/work/",
        "/work/?view=team",
        "/landlords/great/cases/?q=damp&sort=-received",
        "/landlords/great/cases.csv",
    ]
    add(5)
    few = [count(url) for url in urls]
    add(25)
    many = [count(url) for url in urls]
    assert few == many
    print(f"queries per page (5 and 30 cases): {dict(zip(urls, many, strict=True))}")


def test_case_list_money_and_other_kinds_render(great, signed_in):
    """Every kind and a closed complaint render in the list with their status tags."""
    for kind in Kind:
        log(great, "2026-11-02", kind=kind)
    complaint = log(great, "2026-10-01")
    acknowledge(great, complaint, "2026-10-02")
    services.stage_respond(
        landlord=great.landlord,
        actor=great.manager,
        case_id=complaint.pk,
        responded_on=D("2026-10-09"),
        outcome="partly_upheld",
        summary="Sorry",
        answers=[services.PointAnswer(p["point"], "upheld", "Late.") for p in DEFINITION],
        remedies=[services.RemedyInput("financial", "Compensation", Decimal("50.00"))],
    )
    html = signed_in(great.officer).get("/landlords/great/cases/").content.decode()
    assert "Stage 1 responded" in html and "Service request" in html and "No clock running" in html
