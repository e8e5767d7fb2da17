"""Demo data: every state of every kind, made through the services, deterministic, idempotent, per landlord;
a perception survey for the reporting year in progress."""

from datetime import date, datetime, time
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction

from putright.accounts.models import AdministrationEvent, Membership, Role, User
from putright.accounts.permissions import can
from putright.cases.models import AgreedAction, Case, CaseCustomer, Extension, Remedy, Stage, TimelineEvent
from putright.cli import main
from putright.customers.models import Customer, Restriction
from putright.demo.generate import DEMO_PASSWORD, generate, landlord_specs, summary
from putright.domain.lifecycle import Kind, Status
from putright.domain.perception import Handling
from putright.domain.tsm import ReportingYear
from putright.surveys.models import PerceptionSurvey, SurveyResponse
from putright.surveys.selectors import Source, tp09

TODAY = date(2026, 11, 23)  # a Monday; the demo's newest events fall on the Friday before
LONDON = ZoneInfo("Europe/London")
S = Status

COMPLAINT_STATES = {
    S.STAGE1_RECEIVED,
    S.STAGE1_INVESTIGATING,
    S.STAGE1_RESPONDED,
    S.STAGE2_REQUESTED,
    S.STAGE2_INVESTIGATING,
    S.STAGE2_RESPONDED,
    S.NOT_ACCEPTED,
    S.WITHDRAWN,
    S.CLOSED_NO_CONTACT,
    S.CLOSED,
}
OTHER_STATES = {
    Kind.SERVICE_REQUEST: {S.OPEN, S.RESOLVED, S.CLOSED},
    Kind.COMPLIMENT: {S.PASSED_ON, S.CLOSED},
    Kind.COMMENT: {S.ACKNOWLEDGED, S.CLOSED},
    Kind.FEEDBACK: {S.OPEN, S.RESOLVED, S.CONVERTED},
}


def statuses(landlord, kind):
    return {
        Status(s)
        for s in Case.objects.filter(landlord=landlord, kind=kind.value).values_list("status", flat=True)
    }


def members(landlord):
    return set(Membership.objects.filter(landlord=landlord).values_list("user_id", flat=True))


@pytest.fixture
def demo(db):
    return {r.landlord.slug: r.landlord for r in generate(landlords=2, cases=40, seed=7, today=TODAY)}


def test_every_state_of_every_kind_at_both_landlords(demo):
    brighter, great = demo["brighter-places"], demo["great-places"]
    assert statuses(brighter, Kind.COMPLAINT) == COMPLAINT_STATES
    # Great Places' policy sets no closure for lack of contact.
    assert statuses(great, Kind.COMPLAINT) == COMPLAINT_STATES - {S.CLOSED_NO_CONTACT}
    for landlord in (brighter, great):
        assert 40 <= Case.objects.filter(landlord=landlord).count() <= 41
        for kind, expected in OTHER_STATES.items():
            assert expected <= statuses(landlord, kind), (landlord.slug, kind)
        cases = Case.objects.filter(landlord=landlord)
        # A service request the customer chose to complain about carries on, linked to its complaint.
        request = cases.get(kind="service_request", complaint_choice="complaint")
        assert request.linked_from.get().kind == "complaint"
        assert cases.filter(kind="complaint", linked_case__kind="feedback").exists()
        # Extensions while investigating, a damp and mould hazard, vulnerability, remedies and actions.
        assert Extension.objects.filter(stage__case__in=cases.filter(status="stage1_investigating")).exists()
        assert cases.filter(hazard_kind="damp-mould").exclude(hazard_due={}).exists()
        assert cases.filter(vulnerability=True).exclude(vulnerability_note="").exists()
        responded = Stage.objects.filter(case__in=cases.filter(status="stage1_responded"), number=1)
        assert Remedy.objects.filter(stage__in=responded).exists()
        assert AgreedAction.objects.filter(stage__in=responded, completed_on__isnull=False).exists()
        stage2 = Stage.objects.filter(case__in=cases.filter(status="stage2_requested"), number=2)
        assert stage2.filter(handler__isnull=False).exists()
        closed = cases.filter(kind="complaint", status="closed")
        assert all(hasattr(c, "learning") for c in closed)
        assert closed.filter(satisfaction__isnull=False).exists()


def test_each_demo_landlord_has_a_perception_survey_for_the_year_in_progress(demo):
    year = ReportingYear.of(TODAY)
    for landlord in demo.values():
        survey = PerceptionSurvey.objects.get(landlord=landlord)
        assert survey.reporting_year == year.starting and not survey.withdrawn
        assert can(survey.imported_by, landlord, "surveys.import") and survey.imported_via == "upload"
        assert survey.imported_at.date() < TODAY
        assert AdministrationEvent.objects.filter(landlord=landlord, kind="surveys.import").count() == 1
        figure = tp09(landlord, year)
        assert figure.source is Source.PERCEPTION_SURVEY and 550 <= figure.responses <= 750
        # About one in five complained; about a third of those counted are satisfied.
        assert 0.15 < figure.complained / figure.responses < 0.28
        assert figure.value is not None and 20 < figure.value < 50
        handling = set(SurveyResponse.objects.filter(survey=survey).values_list("handling", flat=True))
        assert handling == {"", *(h.value for h in Handling)}


def test_staff_in_every_role_with_line_managers_and_customers_of_every_type(demo):
    for landlord in demo.values():
        roles = set(Membership.objects.filter(landlord=landlord).values_list("role", flat=True))
        assert roles == set(Role.values)
        integration = Membership.objects.get(landlord=landlord, role=Role.INTEGRATION).user
        assert not integration.has_usable_password()
        officer = Membership.objects.filter(landlord=landlord, role=Role.FEEDBACK_OFFICER).first().user
        assert officer.check_password(DEMO_PASSWORD)
        managed = Membership.objects.filter(
            landlord=landlord,
            role__in=[
                Role.FEEDBACK_OFFICER,
                Role.HOUSING_MANAGER,
                Role.LINE_MANAGER,
                Role.INVESTIGATING_MANAGER,
            ],
        ).exclude(user__memberships__role=Role.SENIOR_LEADER)
        assert managed.exists() and not managed.filter(line_manager__isnull=True).exists()
        types = set(Customer.objects.filter(landlord=landlord).values_list("type", flat=True))
        assert types == set(Customer.Type.values)
        assert Restriction.objects.filter(landlord=landlord, status="active").count() == 1


def test_no_case_crosses_landlords_and_every_timeline_is_in_the_past(demo):
    newest = datetime.combine(TODAY, time(0, 0), tzinfo=LONDON)
    for landlord in demo.values():
        staff = members(landlord)
        cases = Case.objects.filter(landlord=landlord).select_related("customer", "representative")
        for case in cases:
            assert case.customer.landlord_id == landlord.pk
            assert case.representative is None or case.representative.customer_id == case.customer_id
            assert case.logged_by_id in staff
            assert case.received_at <= case.logged_at < newest
        assert not CaseCustomer.objects.filter(case__in=cases).exclude(customer__landlord=landlord).exists()
        stages = Stage.objects.filter(case__in=cases)
        assert set(stages.exclude(handler=None).values_list("handler_id", flat=True)) <= staff
        assert set(AgreedAction.objects.filter(stage__in=stages).values_list("owner_id", flat=True)) <= staff
        events = TimelineEvent.objects.filter(case__in=cases)
        assert set(events.exclude(actor=None).values_list("actor_id", flat=True)) <= staff
        assert not events.filter(at__gte=newest).exists()
        first = events.filter(kind="logged").count()
        assert first == cases.count()  # every case starts its timeline when it was logged


@pytest.mark.django_db
def test_the_same_seed_makes_the_same_demo():
    def run(seed):
        with transaction.atomic():
            generate(landlords=2, cases=25, seed=seed, today=TODAY)
            made = summary()
            deadlines = list(
                Stage.objects.order_by("case__landlord__slug", "case__reference", "number").values_list(
                    "acknowledge_by", "respond_by", "responded_on"
                )
            )
            transaction.set_rollback(True)
        return made, deadlines

    first, second, other = run(3), run(3), run(4)
    assert first == second
    assert first != other
    assert {row[3] for row in first[0] if row[2] == "complaint"} >= {"stage1_received", "closed"}


@pytest.mark.django_db
def test_a_second_run_adds_nothing():
    generate(landlords=1, cases=15, seed=1, today=TODAY)
    counts = (
        Case.objects.count(),
        User.objects.count(),
        Customer.objects.count(),
        TimelineEvent.objects.count(),
    )
    lines = []
    results = generate(landlords=1, cases=15, seed=2, today=TODAY, log=lines.append)
    assert [r.created for r in results] == [False]
    assert "already exists: skipped" in lines[0]
    assert (
        Case.objects.count(),
        User.objects.count(),
        Customer.objects.count(),
        TimelineEvent.objects.count(),
    ) == counts


def test_extra_landlords_vary_nation_and_policy():
    specs = landlord_specs(6)
    assert [s.slug for s in specs[:2]] == ["brighter-places", "great-places"]
    assert {s.nation for s in specs[2:]} == {"england-and-wales", "scotland", "northern-ireland"}
    assert {s.policy for s in specs[2:]} == {"hos-code-2024", "brighter-places-2022", "great-places"}
    assert len({s.slug for s in specs}) == len({s.prefix for s in specs}) == 6
    assert [s.slug for s in landlord_specs(4)] == [s.slug for s in specs[:4]]


@pytest.mark.django_db
def test_putright_demo_command_loads_and_prints_how_to_sign_in(capsys):
    assert main(["demo", "--landlords", "3", "--cases", "12", "--seed", "5", "--force"]) == 0
    out = capsys.readouterr().out
    assert "already exists" not in out
    assert DEMO_PASSWORD in out and "demo" in out.lower()
    assert "Brighter Places" in out and "Great Places" in out
    third = landlord_specs(3)[2]
    assert third.name in out
    for role in Role:
        if role != Role.INTEGRATION:
            assert role.label in out
    assert "Cases per state" in out and "stage 1 received" in out

    assert main(["demo", "--landlords", "3", "--cases", "12", "--force"]) == 0
    assert capsys.readouterr().out.count("already exists: skipped") == 3

    assert main(["demo", "--landlords", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("putright: --landlords") and err.count("\n") == 1
    assert main(["demo", "--cases", "many"]) == 2


@pytest.mark.django_db
def test_load_demo_management_command():
    out = StringIO()
    call_command("load_demo", "--landlords", "1", "--cases", "10", "--seed", "9", "--force", stdout=out)
    text = out.getvalue()
    assert "Brighter Places (brighter-places): " in text and DEMO_PASSWORD in text
    assert Case.objects.filter(landlord__slug="brighter-places").count() >= 10


@pytest.mark.django_db
def test_demo_data_is_refused_outside_development_without_force(capsys):
    assert main(["demo", "--landlords", "1", "--cases", "1"]) == 2
    assert "published password" in capsys.readouterr().err


def test_every_demo_brand_colour_keeps_the_header_text_readable() -> None:
    from putright.demo.generate import _EXTRA_COLOURS
    from putright.domain.colour import readable_behind_white_text

    assert [c for c in _EXTRA_COLOURS if not readable_behind_white_text(c)] == []
