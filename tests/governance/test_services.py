"""The self-assessment's and the annual report's services: answers prefilled from the evidence, a reason
where an answer differs, approval freezes a version, a new version to change it, roles and audit."""

from datetime import date

import pytest
from django.utils import timezone

from putright.accounts.models import AdministrationEvent, Role
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.tsm import ReportingYear
from putright.governance import annual, services
from putright.governance.models import AssessmentRow
from putright.governance.provisions import entries
from tests.factories import make_staff

YEAR = ReportingYear.of(timezone.localdate()).starting - 1


@pytest.fixture
def mrc(great):
    return make_staff(great.landlord, "mrc@great.test", Role.MEMBER_RESPONSIBLE)


def start(org):
    return services.self_assessment_start(landlord=org.landlord, actor=org.officer, year_starting=YEAR)


def answer_all(org, assessment):
    for r in assessment.rows.filter(comply__isnull=True):
        services.assessment_row_answer(landlord=org.landlord, actor=org.officer, row_id=r.pk, comply=True)


def approve(org, who, assessment, on=None):
    return services.self_assessment_approve(
        landlord=org.landlord,
        actor=who,
        assessment_id=assessment.pk,
        approved_on=on or timezone.localdate(),
        approved_by="The Board",
        minute="B/2026/41",
    )


def test_code_8_1_self_assessment_has_a_row_per_provision_by_section(great):
    assessment = start(great)
    rows = list(assessment.rows.all())
    assert len(rows) == len(entries())
    assert [r.section for r in rows] == sorted(r.section for r in rows)
    assert {r.section for r in rows} == set(range(1, 10))
    assert (assessment.policy_name, assessment.version) == ("great-places", 1)


def test_code_6_13_policy_check_prefills_the_answer(great):
    """Great Places' profile keeps the stage 1 handler off stage 2; with no stage 2 in the year the policy
    check alone answers yes."""
    found = start(great).rows.get(provision="6.13")
    assert found.evidence.startswith("Policy check (")
    assert "meets it." in found.evidence
    assert "No stage 2 complaints with a handler in the year." in found.evidence
    assert (found.measured, found.comply) == (True, True)


def test_an_answer_against_the_evidence_needs_a_reason(great):
    assessment = start(great)
    found = assessment.rows.get(provision="6.13")
    with pytest.raises(InvalidInputError) as error:
        services.assessment_row_answer(
            landlord=great.landlord, actor=great.officer, row_id=found.pk, comply=False
        )
    assert error.value.field == "comply_reason"
    found.refresh_from_db()
    assert found.comply is True
    services.assessment_row_answer(
        landlord=great.landlord,
        actor=great.officer,
        row_id=found.pk,
        comply=False,
        comply_reason="Two stage 2 cases were reassigned by hand",
        commentary="Training by June",
    )
    found.refresh_from_db()
    assert (found.comply, found.commentary) == (False, "Training by June")
    # Counting again keeps an answer that gave a reason.
    services.self_assessment_recount(
        landlord=great.landlord, actor=great.officer, assessment_id=assessment.pk
    )
    found.refresh_from_db()
    assert found.comply is False


def test_a_no_without_evidence_says_what_will_be_done(great):
    found = start(great).rows.get(provision="3.1")
    assert found.measured is None and found.comply is None
    with pytest.raises(InvalidInputError) as error:
        services.assessment_row_answer(
            landlord=great.landlord, actor=great.officer, row_id=found.pk, comply=False
        )
    assert error.value.field == "commentary"


def test_approval_needs_every_answer_then_freezes_the_version(great, mrc):
    assessment = start(great)
    with pytest.raises(InvalidInputError, match="Answer every provision before approval"):
        approve(great, mrc, assessment)
    answer_all(great, assessment)
    with pytest.raises(NotPermittedError):
        approve(great, great.officer, assessment)
    approved = approve(great, mrc, assessment)
    assert (approved.approved_by, approved.approval_minute, approved.approval_recorded_by) == (
        "The Board",
        "B/2026/41",
        mrc,
    )
    first = assessment.rows.first()
    with pytest.raises(InvalidInputError, match="make a new version"):
        services.assessment_row_answer(
            landlord=great.landlord, actor=great.officer, row_id=first.pk, comply=True
        )
    with pytest.raises(InvalidInputError, match="make a new version"):
        services.self_assessment_recount(
            landlord=great.landlord, actor=great.officer, assessment_id=assessment.pk
        )
    kinds = list(AdministrationEvent.objects.filter(landlord=great.landlord).values_list("kind", flat=True))
    assert "self_assessment_approved" in kinds and "self_assessment_started" in kinds


def test_a_new_version_carries_the_answers_and_only_one_draft_at_a_time(great, mrc):
    assessment = start(great)
    with pytest.raises(InvalidInputError, match="already has a draft"):
        start(great)
    answer_all(great, assessment)
    AssessmentRow.objects.filter(assessment=assessment, provision="4.1").update(
        commentary="The Feedback Team"
    )
    approve(great, mrc, assessment)
    second = services.self_assessment_new_version(
        landlord=great.landlord, actor=great.officer, assessment_id=assessment.pk
    )
    assert (second.version, second.approved) == (2, False)
    assert second.rows.get(provision="4.1").commentary == "The Feedback Team"
    assert not second.rows.filter(comply__isnull=True).exists()


def test_approval_date_cannot_be_in_the_future(great, mrc):
    assessment = start(great)
    answer_all(great, assessment)
    with pytest.raises(InvalidInputError) as error:
        approve(great, mrc, assessment, on=date(2099, 1, 1))
    assert error.value.field == "approved_on"


def test_another_landlords_assessment_is_not_found_and_roles_are_checked(great, brighter):
    assessment = start(great)
    with pytest.raises(NotFoundError):
        services.self_assessment_recount(
            landlord=brighter.landlord, actor=brighter.officer, assessment_id=assessment.pk
        )
    with pytest.raises(NotPermittedError):
        services.self_assessment_start(landlord=great.landlord, actor=great.board, year_starting=YEAR)
    with pytest.raises(InvalidInputError):
        services.self_assessment_start(landlord=great.landlord, actor=great.officer, year_starting=2019)


def test_code_8_1_annual_report_publication_and_response(great, mrc):
    report = annual.annual_report_start(landlord=great.landlord, actor=great.officer, year_starting=YEAR)
    with pytest.raises(InvalidInputError, match="already has an annual report"):
        annual.annual_report_start(landlord=great.landlord, actor=great.officer, year_starting=YEAR)
    with pytest.raises(InvalidInputError) as error:
        annual.annual_report_update(
            landlord=great.landlord,
            actor=great.officer,
            report_id=report.pk,
            analysis="",
            published_url="https://x.test/r",
        )
    assert error.value.field == "published_on"
    today = timezone.localdate()
    annual.annual_report_update(
        landlord=great.landlord,
        actor=great.officer,
        report_id=report.pk,
        analysis="Fewer complaints about repairs",
        published_url="https://great.test/complaints-report",
        published_on=today,
        submitted_on=today,
    )
    with pytest.raises(NotPermittedError):
        annual.annual_report_respond(
            landlord=great.landlord,
            actor=great.officer,
            report_id=report.pk,
            scrutiny="s",
            response="r",
            response_by="Chair",
            response_on=today,
        )
    annual.annual_report_respond(
        landlord=great.landlord,
        actor=mrc,
        report_id=report.pk,
        scrutiny="Quarterly reviews",
        response="The Board accepts the report",
        response_by="Chair of the Board",
        response_on=today,
    )
    report.refresh_from_db()
    assert (report.published_on, report.submitted_on, report.response_by) == (
        today,
        today,
        "Chair of the Board",
    )
    assert AdministrationEvent.objects.filter(landlord=great.landlord, kind="annual_report_response").exists()


FIRST_CATALOGUE = (
    # (section, provision, requirement, answers) as the first catalogue wrote them, some numbers wrong.
    (1, "1.2", "Define a complaint as an expression of dissatisfaction", {"commentary": "Policy 2023"}),
    (2, "2.3", "Accept complaints made within 12 months", {}),
    (2, "2.3", "Consider discretion beyond the time limit", {}),
    (
        2,
        "2.5",
        "A decision not to accept a complaint is explained to the resident, with the reason and the right to "
        "take it to the Ombudsman",
        {"comply_reason": "A letter failed", "comply": False},
    ),
    (
        6,
        "6.5, 6.16",
        "Every letter about a complaint, at every stage, gives the Housing Ombudsman's details",
        {"commentary": "Letter templates"},
    ),
    (
        7,
        "7.1",
        "Put things right where something has gone wrong, and follow every remedy through to completion",
        {"commentary": "Tracked weekly"},
    ),
    (
        8,
        "8.4",
        "Where exceptional circumstances prevent compliance, record it, tell the Ombudsman and residents, and "
        "return to compliance",
        {"evidence_note": "Cyber incident log"},
    ),
)


def first_catalogue(assessment):
    """Make the assessment's rows the first catalogue's, every one answered yes unless said otherwise."""
    assessment.rows.all().delete()
    for position, (section, provision, requirement, answers) in enumerate(FIRST_CATALOGUE, start=1):
        AssessmentRow.objects.create(
            assessment=assessment,
            position=position,
            section=section,
            provision=provision,
            requirement=requirement,
            **{"comply": True, **answers},
        )


def assert_carried(rows):
    """The first catalogue's answers are on the provisions they answered, and every provision is listed."""
    assert [r.provision for r in rows] == [e.provision for e in entries()]
    assert [r.requirement for r in rows] == [e.requirement for e in entries()]
    by_number = {r.provision: r for r in rows}
    assert by_number["1.2"].commentary == "Policy 2023"
    assert (by_number["2.4"].comply, by_number["2.4"].comply_reason) == (False, "A letter failed")
    assert by_number["2.5"].comply is None  # 2.5 is now the Code's own 2.5 (no blanket exclusions)
    assert by_number["3.7"].commentary == "Letter templates"
    assert by_number["7.3"].commentary == "Tracked weekly"
    assert by_number["7.1"].commentary == ""
    assert by_number["8.5"].evidence_note == "Cyber incident log"
    # New rows that no policy check or measure evidences are left for staff to answer.
    assert by_number["5.12"].comply is None and by_number["9.8"].comply is None


def test_code_2024_a_draft_counted_again_gains_every_provision_keeping_its_answers(great):
    assessment = start(great)
    first_catalogue(assessment)
    services.self_assessment_recount(
        landlord=great.landlord, actor=great.officer, assessment_id=assessment.pk
    )
    rows = list(assessment.rows.all())
    assert_carried(rows)
    assert [r.position for r in rows] == list(range(1, len(entries()) + 1))
    assert all(r.evidence for r in rows if r.provision in {"6.2", "7.3", "2.3"})


def test_code_2024_an_approved_version_stays_as_it_was_and_its_new_version_lists_every_provision(great, mrc):
    assessment = start(great)
    first_catalogue(assessment)
    approve(great, mrc, assessment)
    frozen = list(assessment.rows.values_list("provision", "requirement", "comply", "commentary"))
    second = services.self_assessment_new_version(
        landlord=great.landlord, actor=great.officer, assessment_id=assessment.pk
    )
    assert_carried(list(second.rows.all()))
    assert list(assessment.rows.values_list("provision", "requirement", "comply", "commentary")) == frozen
    assert len(frozen) == len(FIRST_CATALOGUE)


def test_code_2024_a_current_row_numbered_as_a_former_one_keeps_its_own_answer(great):
    """2.5, 7.1 and 8.4 were wrong numbers in the first catalogue and are real provisions now: a row of the
    current catalogue with one of those numbers, worded differently since, keeps its answer on its number."""
    assessment = start(great)
    row = assessment.rows.get(provision="2.5")
    AssessmentRow.objects.filter(pk=row.pk).update(
        requirement="An earlier wording of 2.5", commentary="No blanket exclusions", comply=True
    )
    services.self_assessment_recount(
        landlord=great.landlord, actor=great.officer, assessment_id=assessment.pk
    )
    rows = {r.provision: r for r in assessment.rows.all()}
    assert rows["2.5"].commentary == "No blanket exclusions"
    assert rows["2.4"].commentary != "No blanket exclusions"
