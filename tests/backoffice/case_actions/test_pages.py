"""The case action pages: who reaches them (role, landlord, hidden cases, guessed references), the form
on GET, the service on POST with Post/Redirect/Get and a success banner naming the letters, and refused
input shown with the GOV.UK error summary, everything typed kept and nothing changed."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from putright.cases import services
from putright.cases.models import AgreedAction, Case, Decision, Extension, Learning, Remedy, Stage
from putright.domain.lifecycle import Kind

from .conftest import D, acknowledge, date_data, escalate, log, respond, url

TODAY = timezone.localdate()


def banner(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def stage(case, number=1):
    return Stage.objects.get(case=case, number=number)


# -- who reaches the pages -------------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(great, client):
    case = log(great)
    response = client.get(url(case, "acknowledge"))
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"] or "login" in response["Location"]


def test_another_landlords_case_or_a_guessed_reference_is_not_found(great, brighter, signed_in):
    case = log(great)
    client = signed_in(brighter.officer)
    assert client.get(url(case, "acknowledge")).status_code == 404
    assert client.get(f"/landlords/brighter/cases/{case.reference}/acknowledge/").status_code == 404
    client = signed_in(great.officer)
    assert client.get("/landlords/great/cases/GP-2026-999999/acknowledge/").status_code == 404
    assert client.post(url(case, "not-an-action"), {}).status_code == 404


def test_an_action_that_does_not_belong_to_the_case_is_not_found(great, signed_in):
    compliment = log(great, kind=Kind.COMPLIMENT)
    assert signed_in(great.officer).get(url(compliment, "extend")).status_code == 404


def test_a_complaint_about_a_colleague_is_hidden_from_those_who_may_not_see_it(great, signed_in):
    case = log(great, about_colleague=True)
    assert signed_in(great.manager).get(url(case, "acknowledge")).status_code == 404
    assert signed_in(great.officer).get(url(case, "acknowledge")).status_code == 200


def test_an_action_not_allowed_says_why_and_changes_nothing(great, signed_in):
    case = log(great)
    client = signed_in(great.board)
    response = client.get(url(case, "acknowledge"))
    assert response.status_code == 403
    assert "Only a feedback officer, investigating manager or senior leader can acknowledge" in response.text
    response = client.post(url(case, "acknowledge"), {**date_data("acknowledged_on", TODAY)})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "stage1_received"


def test_an_action_allowed_only_later_says_when(great, signed_in):
    response = signed_in(great.officer).get(url(log(great), "extend"))
    assert response.status_code == 403
    assert "becomes possible when the complaint is stage 1 investigating" in response.text


# -- acknowledge with the complaint definition -----------------------------------------------------------


def test_acknowledge_shows_the_definition_editor_with_today_filled_in(great, signed_in):
    response = signed_in(great.officer).get(url(log(great), "acknowledge"))
    assert response.status_code == 200
    html = response.text
    assert 'name="acknowledged_on_day"' in html and f'value="{TODAY.day}"' in html
    assert len(re.findall(r'name="point_\d', html)) == 3
    assert "Add another point" in html
    assert f'<option value="{great.officer.pk}" selected>' in html


def test_acknowledging_records_the_definition_and_says_which_letter_went(great, signed_in):
    case = log(great)
    response = signed_in(great.officer).post(
        url(case, "acknowledge"),
        {
            **date_data("acknowledged_on", D("2026-11-03")),
            "point_rows": "3",
            "point_0": "The leak was not repaired",
            "outcome_sought_0": "A repair",
            "point_1": "Calls were not returned",
            "outcome_sought_1": "",
            "point_2": "",
            "outcome_sought_2": "",
            "responsible_for": "Repairs to the home",
            "not_responsible_for": "",
            "handler": str(great.manager.pk),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/landlords/great/cases/{case.reference}/"
    case.refresh_from_db()
    assert case.status == "stage1_investigating"
    assert case.handler == great.manager
    assert [p["point"] for p in stage(case).definition] == [
        "The leak was not repaired",
        "Calls were not returned",
    ]
    [message] = banner(response)
    assert message.startswith("Stage 1 acknowledged. Letter: ")
    assert "recorded as sent on 3 November 2026" in message


def test_add_another_point_shows_one_more_row_keeping_what_was_typed_and_judging_nothing(great, signed_in):
    case = log(great)
    response = signed_in(great.officer).post(
        url(case, "acknowledge"),
        {
            **date_data("acknowledged_on", D("2026-11-03")),
            "point_rows": "3",
            "point_0": "The leak was not repaired",
            "point_1": "Calls not returned",
            "point_2": "Rude operative",
            "responsible_for": "",
            "add": "point",
        },
    )
    assert response.status_code == 200
    html = response.text
    assert len(re.findall(r'name="point_\d', html)) == 4
    assert "Rude operative" in html and "There is a problem" not in html
    case.refresh_from_db()
    assert case.status == "stage1_received"


def test_a_refused_acknowledgement_shows_the_errors_and_keeps_what_was_typed(great, signed_in):
    case = log(great)
    response = signed_in(great.officer).post(
        url(case, "acknowledge"),
        {
            "acknowledged_on_day": "31",
            "acknowledged_on_month": "2",
            "acknowledged_on_year": "2026",
            "point_rows": "3",
            "point_0": "",
            "outcome_sought_0": "A new kitchen",
            "responsible_for": "",
        },
    )
    assert response.status_code == 200
    html = response.text
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert "The date of the acknowledgement must be a real date" in html
    assert "Enter at least one point of the complaint" in html
    assert "Enter what we are responsible for" in html
    assert 'value="A new kitchen"' in html and 'value="31"' in html
    assert 'href="#id_acknowledged_on_0"' in html and 'id="id_acknowledged_on_0"' in html
    summary = html[html.index("There is a problem") : html.index("</ul>", html.index("There is a problem"))]
    assert (
        summary.index("must be a real date")
        < summary.index("at least one point")
        < summary.index("responsible")
    )
    case.refresh_from_db()
    assert case.status == "stage1_received"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({}, "Enter the date of the acknowledgement"),
        ({"acknowledged_on_day": "3", "acknowledged_on_year": "2026"}, "must include a month"),
        ("tomorrow", "The date of the acknowledgement must be today or in the past"),
    ],
)
def test_dates_are_checked_in_govuk_words(great, signed_in, typed, message):
    if typed == "tomorrow":
        typed = date_data("acknowledged_on", TODAY + timedelta(days=1))
    response = signed_in(great.officer).post(
        url(log(great), "acknowledge"),
        {**typed, "point_0": "Leak", "responsible_for": "Repairs", "point_rows": "3"},
    )
    assert message in response.text


def test_stage_2_acknowledgement_is_by_its_handler_and_starts_from_the_stage_1_definition(great, signed_in):
    case = escalate(great, respond(great, acknowledge(great, log(great), actor=great.director)))
    assert signed_in(great.director).get(url(case, "assign-handler")).status_code == 200
    response = signed_in(great.officer).get(url(case, "assign-handler"))
    assert str(great.director2) in response.text
    assert f'value="{great.director.pk}"' not in response.text  # stage 1's handler is never offered
    response = signed_in(great.officer).post(
        url(case, "assign-handler"), {"handler": str(great.director2.pk)}
    )
    assert response.status_code == 302
    assert banner(response) == [f"Stage 2 assigned to {great.director2}."]
    assert signed_in(great.director).get(url(case, "acknowledge")).status_code == 403
    client = signed_in(great.director2)
    form = client.get(url(case, "acknowledge")).text
    assert "The leak was not repaired" in form and 'name="handler"' not in form
    assert '<h1 class="govuk-heading-l">Acknowledge stage 2</h1>' in form
    response = client.post(
        url(case, "acknowledge"),
        {
            **date_data("acknowledged_on", D("2026-11-13")),
            "point_rows": "3",
            "point_0": "The leak was not repaired",
            "responsible_for": "Repairs",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "stage2_investigating" and case.handler == great.director2


def test_a_handler_who_is_not_a_senior_leader_is_refused_by_the_service(great, signed_in):
    case = escalate(great, respond(great, acknowledge(great, log(great))))
    response = signed_in(great.officer).post(url(case, "assign-handler"), {"handler": str(great.manager.pk)})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert stage(case, 2).handler is None


# -- extend, contact, issues, no contact -----------------------------------------------------------------


def test_an_extension_the_policy_refuses_is_shown_with_the_policys_reason(brighter, signed_in):
    case = acknowledge(brighter, log(brighter))
    response = signed_in(brighter.officer).post(
        url(case, "extend"),
        {
            "days": "10",
            **date_data("notified_on", D("2026-11-05")),
            "reason": "Waiting for a contractor",
            "justification": "none",
        },
    )
    assert response.status_code == 200
    assert "every extension needs a recorded good reason" in response.text
    assert 'value="Waiting for a contractor"' not in response.text  # a textarea keeps it as its content
    assert "Waiting for a contractor</textarea>" in response.text
    assert not Extension.objects.filter(stage__case=case).exists()


def test_an_extension_moves_the_date_and_sends_the_notice(great, signed_in):
    case = acknowledge(great, log(great))
    before = stage(case).respond_by
    response = signed_in(great.officer).post(
        url(case, "extend"),
        {
            "days": "5",
            **date_data("notified_on", D("2026-11-05")),
            "reason": "Waiting",
            "justification": "good-reason",
        },
    )
    assert response.status_code == 302
    assert stage(case).respond_by > before
    assert banner(response)[0].startswith("Response date extended by 5 working days. Letter: ")


def test_extension_days_must_be_a_number(great, signed_in):
    case = acknowledge(great, log(great))
    response = signed_in(great.officer).post(
        url(case, "extend"),
        {"days": "ten", **date_data("notified_on", D("2026-11-05")), "reason": "x", "justification": "none"},
    )
    assert "Enter the number of working days as a whole number, like 10" in response.text


def test_contact_attempts_and_issues_are_recorded(great, signed_in):
    case = acknowledge(great, log(great))
    client = signed_in(great.officer)
    response = client.post(
        url(case, "clarification"),
        {
            **date_data("on", D("2026-11-04")),
            "time": "14:30",
            "channel": "phone",
            "reached": "no",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert banner(response) == ["Attempt to contact the customer recorded."]
    response = client.post(url(case, "add-issue"), {"point": "The gutter leaks too", "related": "yes"})
    assert response.status_code == 302
    assert "Issue added to this complaint" in banner(response)[-1]
    assert stage(case).definition[-1]["point"] == "The gutter leaks too"


def test_no_contact_letter_then_closure_once_the_period_has_passed(brighter, signed_in):
    case = acknowledge(brighter, log(brighter, received="2026-09-01"), on="2026-09-02")
    client = signed_in(brighter.officer)
    response = client.post(url(case, "warn-no-contact"), date_data("letter_on", D("2026-09-03")))
    assert response.status_code == 302
    assert "Letter:" in banner(response)[0]
    response = client.post(url(case, "close-no-contact"), date_data("on", TODAY))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "closed_no_contact"


# -- respond, escalate, decisions, close -----------------------------------------------------------------


def test_respond_with_decisions_a_remedy_and_an_agreed_action(great, signed_in):
    case = acknowledge(great, log(great))
    client = signed_in(great.officer)
    form = client.get(url(case, "respond")).text
    assert "The leak was not repaired" in form and "Calls were not returned" in form
    due = TODAY + timedelta(days=30)
    response = client.post(
        url(case, "respond"),
        {
            **date_data("responded_on", D("2026-11-10")),
            "decision_0": "upheld",
            "reasons_0": "The repair was late",
            "decision_1": "not_upheld",
            "reasons_1": "We called back twice",
            "outcome": "partly_upheld",
            "summary": "We are sorry for the delay.",
            "remedy_rows": "1",
            "remedy_type_0": "financial",
            "remedy_description_0": "For the delay",
            "remedy_amount_0": "150",
            "action_rows": "1",
            "action_description_0": "Replace the worktop",
            "action_owner_0": str(great.housing.pk),
            **date_data("action_due_0", due),
        },
    )
    assert response.status_code == 302, response.text
    case.refresh_from_db()
    assert case.status == "stage1_responded"
    assert Remedy.objects.get(stage__case=case).compensation_offered == Decimal("150")
    assert AgreedAction.objects.get(stage__case=case).due_on == due
    assert banner(response)[0].startswith("Stage 1 response sent. Letter: ")


def test_a_half_filled_agreed_action_is_refused_with_each_missing_part(great, signed_in):
    case = acknowledge(great, log(great))
    response = signed_in(great.officer).post(
        url(case, "respond"),
        {
            **date_data("responded_on", D("2026-11-10")),
            "decision_0": "upheld",
            "reasons_0": "Late",
            "decision_1": "upheld",
            "reasons_1": "",
            "outcome": "upheld",
            "summary": "Sorry",
            "remedy_rows": "1",
            "action_rows": "2",
            "action_description_0": "Replace the worktop",
            "add": "",
        },
    )
    html = response.text
    assert "Enter reasons for the decision on point 2" in html
    assert "Select who will do action 1" in html
    assert "Enter the date action 1 is due" in html
    assert html.count('name="action_description_') == 2
    case.refresh_from_db()
    assert case.status == "stage1_investigating"


def test_add_another_remedy_keeps_the_decisions_typed(great, signed_in):
    case = acknowledge(great, log(great))
    response = signed_in(great.officer).post(
        url(case, "respond"),
        {"reasons_0": "Because", "remedy_rows": "1", "action_rows": "1", "add": "remedy"},
    )
    assert response.text.count('name="remedy_type_') == 2
    assert "Because</textarea>" in response.text


def test_a_late_escalation_request_is_recorded_for_a_decision_never_refused(brighter, signed_in):
    case = log(brighter, received="2026-01-05")
    case = respond(brighter, acknowledge(brighter, case, on="2026-01-06"), on="2026-01-12")
    response = signed_in(brighter.officer).post(
        url(case, "request-escalation"), {**date_data("requested_on", D("2026-11-02")), "reason": ""}
    )
    assert response.status_code == 302
    assert banner(response) == [
        "Stage 2 requested after the window: decide whether to escalate, with reasons."
    ]
    case.refresh_from_db()
    assert case.status == "stage2_requested"


def test_refusing_escalation_takes_a_reason_from_the_policy(great, signed_in):
    case = escalate(great, respond(great, acknowledge(great, log(great))))
    client = signed_in(great.officer)
    form = client.get(url(case, "refuse-escalation")).text
    assert "Legal action on the same issue" in form
    response = client.post(
        url(case, "refuse-escalation"), {"reason_code": "legal-proceedings", "rationale": ""}
    )
    assert "Enter your reasons" in response.text
    response = client.post(
        url(case, "refuse-escalation"),
        {"reason_code": "legal-proceedings", "rationale": "A court claim is under way"},
    )
    assert response.status_code == 302
    assert Decision.objects.get(case=case).type == "not_escalated"


def test_not_accepting_a_repeat_needs_the_earlier_case_at_this_landlord(great, brighter, signed_in):
    earlier = log(great)
    other = log(brighter)
    case = log(great)
    client = signed_in(great.officer)
    response = client.post(
        url(case, "not-accept"),
        {
            "reason_code": "previously-considered",
            "rationale": "Considered before",
            "previous_case": other.reference,
        },
    )
    assert f"There is no case {other.reference} at Great Places" in response.text
    response = client.post(
        url(case, "not-accept"),
        {
            "reason_code": "previously-considered",
            "rationale": "Considered before",
            "previous_case": earlier.reference,
        },
    )
    assert response.status_code == 302
    assert Decision.objects.get(case=case).previous_case == earlier


def test_closing_a_complaint_records_the_learning_and_sends_the_survey(great, signed_in):
    case = respond(great, acknowledge(great, log(great)))
    client = signed_in(great.officer)
    response = client.post(url(case, "close"), {"lesson": "", "improvement": ""})
    assert "Enter what we have learned, or &#x27;none&#x27;" in response.text
    response = client.post(url(case, "close"), {"lesson": "Chase contractors weekly", "improvement": ""})
    assert response.status_code == 302
    assert Learning.objects.get(case=case).lesson == "Chase contractors weekly"
    assert "Letter: " in banner(response)[0]
    response = client.post(url(case, "satisfaction"), {"score": "2", "comment": "Slow"})
    assert response.status_code == 302


def test_withdrawal(great, signed_in):
    case = log(great)
    response = signed_in(great.housing).post(
        url(case, "withdraw"), {**date_data("on", D("2026-11-03")), "reason": "Sorted out"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "withdrawn"


# -- agreed actions, compensation, hazards ---------------------------------------------------------------


def test_completing_an_agreed_action_and_paying_compensation(great, signed_in):
    case = respond(
        great,
        acknowledge(great, log(great)),
        remedies=[services.RemedyInput("financial", "For the delay", Decimal("50.00"))],
        actions=[services.ActionInput("Fix the gutter", great.housing, D("2026-12-01"))],
    )
    client = signed_in(great.housing)
    action = AgreedAction.objects.get(stage__case=case)
    remedy = Remedy.objects.get(stage__case=case)
    assert "Fix the gutter" in client.get(url(case, "complete-action")).text
    response = client.post(
        url(case, "complete-action"), {"action": str(action.pk), **date_data("completed_on", D("2026-11-11"))}
    )
    assert response.status_code == 302
    response = client.post(
        url(case, "pay-remedy"),
        {"remedy": str(remedy.pk), "amount": "0", **date_data("paid_on", D("2026-11-11"))},
    )
    assert "The amount paid must be more than zero" in response.text
    response = client.post(
        url(case, "pay-remedy"),
        {"remedy": str(remedy.pk), "amount": "50", **date_data("paid_on", D("2026-11-11"))},
    )
    assert response.status_code == 302
    assert banner(response) == ["Payment of £50.00 recorded."]


def test_another_cases_agreed_action_cannot_be_completed_through_this_case(great, signed_in):
    first = respond(
        great,
        acknowledge(great, log(great)),
        actions=[services.ActionInput("A", great.housing, D("2026-12-01"))],
    )
    second = respond(
        great,
        acknowledge(great, log(great)),
        actions=[services.ActionInput("B", great.housing, D("2026-12-01"))],
    )
    other = AgreedAction.objects.get(stage__case=second)
    response = signed_in(great.housing).post(
        url(first, "complete-action"), {"action": str(other.pk), **date_data("completed_on", D("2026-11-11"))}
    )
    assert "Select a valid choice" in response.text
    other.refresh_from_db()
    assert other.completed_on is None


def test_hazard_steps(great, signed_in):
    case = log(great, hazard_kind="emergency")
    client = signed_in(great.officer)
    duty = next(iter(case.hazard_due))
    response = client.post(url(case, "hazard-duty"), {"duty": duty, **date_data("done_on", D("2026-11-02"))})
    assert response.status_code == 302
    response = client.post(url(case, "hazard-investigation"), date_data("concluded_on", D("2026-11-03")))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.hazard_investigation_concluded == D("2026-11-03")


# -- the other kinds -------------------------------------------------------------------------------------


def test_a_service_request_becomes_a_complaint_and_the_page_goes_to_the_complaint(great, signed_in):
    request = log(great, kind=Kind.SERVICE_REQUEST)
    response = signed_in(great.officer).post(
        url(request, "convert"), date_data("received_on", D("2026-11-04"))
    )
    assert response.status_code == 302
    complaint = Case.objects.get(linked_case=request)
    assert response["Location"] == f"/landlords/great/cases/{complaint.reference}/"
    assert banner(response) == [f"Complaint {complaint.reference} raised from {request.reference}."]


def test_the_choice_to_complain_is_recorded(great, signed_in):
    request = log(great, kind=Kind.FEEDBACK)
    response = signed_in(great.officer).post(url(request, "complaint-choice"), {"choice": "declined"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.complaint_choice == "declined"


def test_a_service_request_is_resolved_then_closed(great, signed_in):
    request = log(great, kind=Kind.SERVICE_REQUEST)
    client = signed_in(great.officer)
    assert client.post(url(request, "resolve"), {"resolution": ""}).status_code == 200
    assert client.post(url(request, "resolve"), {"resolution": "Repaired"}).status_code == 302
    assert client.post(url(request, "close-case"), {}).status_code == 302
    request.refresh_from_db()
    assert request.status == "closed"


def test_a_compliment_reaches_the_colleague_and_their_line_manager(great, signed_in):
    compliment = log(great, kind=Kind.COMPLIMENT)
    response = signed_in(great.officer).post(
        url(compliment, "pass-on"), {"colleague": str(great.colleague.pk)}
    )
    assert response.status_code == 302
    message = banner(response)[0]
    assert message.startswith(
        f"Compliment passed to {great.colleague} and their line manager {great.manager}. Letters: "
    )


def test_the_compliment_page_names_each_colleagues_line_manager_or_says_none_is_set(great, signed_in):
    html = signed_in(great.officer).get(url(log(great, kind=Kind.COMPLIMENT), "pass-on")).text
    assert f"{great.colleague}, line manager {great.manager}</option>" in html
    assert f"{great.officer}, no line manager set</option>" in html
    assert "a landlord administrator can set one in Staff and roles" in html


def test_a_compliment_for_someone_without_a_line_manager_says_no_copy_went_to_one(great, signed_in):
    compliment = log(great, kind=Kind.COMPLIMENT)
    response = signed_in(great.officer).post(url(compliment, "pass-on"), {"colleague": str(great.housing.pk)})
    assert banner(response)[0].startswith(f"Compliment passed to {great.housing} (no line manager set). ")


def test_a_compliment_sends_no_copy_to_a_line_manager_whose_account_is_disabled(great, signed_in):
    great.manager.is_active = False
    great.manager.save()
    compliment = log(great, kind=Kind.COMPLIMENT)
    client = signed_in(great.officer)
    html = client.get(url(compliment, "pass-on")).text
    assert (
        f"{great.colleague}, no copy to the line manager {great.manager}: their account is disabled</option>"
    ) in html
    response = client.post(url(compliment, "pass-on"), {"colleague": str(great.colleague.pk)})
    assert banner(response)[0].startswith(
        f"Compliment passed to {great.colleague} (no copy to the line manager {great.manager}: "
        "their account is disabled). "
    )


def test_a_comment_is_acknowledged_and_answered(great, signed_in):
    comment = log(great, kind=Kind.COMMENT)
    client = signed_in(great.colleague)
    assert client.post(url(comment, "acknowledge-comment"), {}).status_code == 302
    assert client.post(url(comment, "respond-comment"), {"response": "Thank you; we will"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == "closed"


def test_the_owner_of_an_agreed_action_without_the_role_sees_only_their_own(great, signed_in):
    case = respond(
        great,
        acknowledge(great, log(great)),
        actions=[
            services.ActionInput("Call the customer back", great.colleague, D("2026-12-01")),
            services.ActionInput("Fix the gutter", great.housing, D("2026-12-01")),
        ],
    )
    html = signed_in(great.colleague).get(url(case, "complete-action")).text
    assert "Call the customer back" in html and "Fix the gutter" not in html
    assert "Fix the gutter" in signed_in(great.housing).get(url(case, "complete-action")).text


def test_a_step_that_sends_a_letter_says_so_on_the_form(great, signed_in):
    html = signed_in(great.officer).get(url(log(great), "acknowledge")).text
    assert "The acknowledgement letter, with the complaint definition, goes to the customer" in html


def test_every_action_offered_has_a_page():
    from putright.backoffice.case_actions.pages import PAGES
    from putright.cases.offers import ACTION_NAMES

    assert set(PAGES) == ACTION_NAMES


ROLE_MATRIX = {
    "acknowledge": {"officer", "manager", "director", "director2"},
    "not-accept": {"officer", "director", "director2"},
    "withdraw": {"officer", "manager", "director", "director2", "housing", "colleague"},
}


@pytest.mark.parametrize("action", sorted(ROLE_MATRIX))
@pytest.mark.parametrize(
    "person", ["officer", "manager", "director", "director2", "housing", "board", "colleague"]
)
def test_each_role_reaches_exactly_the_actions_its_role_allows(great, signed_in, action, person):
    case = log(great)
    response = signed_in(getattr(great, person)).get(url(case, action))
    assert response.status_code == (200 if person in ROLE_MATRIX[action] else 403)


def test_an_anonymous_post_changes_nothing(great, client):
    case = log(great)
    response = client.post(url(case, "withdraw"), {**date_data("on", D("2026-11-03")), "reason": "x"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "stage1_received"


@pytest.mark.parametrize(
    ("service_field", "form_field"),
    [
        ("definition[1].point", "point_1"),
        ("answers[0].decision", "decision_0"),
        ("answers[2].reasons", "reasons_2"),
        ("at", "on"),
        ("definition", None),
    ],
)
def test_a_services_field_names_land_on_the_forms_fields(service_field, form_field):
    from putright.backoffice.case_actions.views import _field_for

    class Form:
        fields = {"point_1", "decision_0", "reasons_2", "on"}

    assert _field_for(Form(), service_field) == form_field


def test_add_an_issue_quotes_the_policy_and_asks_about_escalation_only_after_the_response(great, signed_in):
    client = signed_in(great.officer)
    case = acknowledge(great, log(great))
    html = client.get(url(case, "add-issue")).text
    assert "The policy: Incorporate if related and the stage 1 response has not been issued" in html
    assert 'name="at_escalation"' not in html
    respond(great, case)
    assert 'name="at_escalation"' in client.get(url(case, "add-issue")).text
    response = client.post(
        url(case, "add-issue"), {"point": "The fence too", "related": "no", "at_escalation": "on"}
    )
    assert response.status_code == 302
    assert "new complaint" in banner(response)[-1]


def test_the_only_choice_is_chosen_and_the_amount_offered_filled_in(great, signed_in):
    case = respond(
        great,
        acknowledge(great, log(great)),
        remedies=[services.RemedyInput("financial", "For the delay", Decimal("75.50"))],
        actions=[services.ActionInput("Fix the gutter", great.housing, D("2026-12-01"))],
    )
    client = signed_in(great.housing)
    action = AgreedAction.objects.get(stage__case=case)
    assert f'value="{action.pk}" checked' in client.get(url(case, "complete-action")).text
    html = client.get(url(case, "pay-remedy")).text
    assert 'value="75.50"' in html and "checked" in html
    other = acknowledge(great, log(great))
    assert 'value="email" checked' in signed_in(great.officer).get(url(other, "clarification")).text
