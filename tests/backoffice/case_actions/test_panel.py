"""The case page's action panel: allowed actions link to their pages, actions a rule stops now say why,
and actions possible only later in the case are left out."""

from django.template.loader import render_to_string

from putright.backoffice.case_actions.panel import action_panel
from putright.cases import services

from .conftest import D, acknowledge, log, respond


def render(user, case):
    return render_to_string("backoffice/case_actions/_panel.html", {"offers": action_panel(user, case)})


def test_allowed_actions_link_to_their_pages_first(great):
    case = log(great)
    offers = action_panel(great.officer, case)
    assert [o.name for o in offers] == ["acknowledge", "clarification", "add-issue", "not-accept", "withdraw"]
    html = render(great.officer, case)
    assert f'href="/landlords/great/cases/{case.reference}/acknowledge/"' in html
    assert "Not available now" not in html


def test_actions_a_rule_stops_say_why_and_later_ones_are_left_out(great):
    case = acknowledge(great, log(great))
    html = render(great.housing, case)
    assert "Not available now" in html
    assert "Only a feedback officer, investigating manager or senior leader can send the response" in html
    assert 'href="/landlords/great/cases/' in html  # the housing manager may still record a withdrawal
    assert "becomes possible" not in html
    assert "Close with learning" not in html


def test_someone_who_may_do_nothing_is_told_so(great):
    html = render(great.board, log(great))
    assert "There is nothing you can do on this case now." in html
    assert "href=" not in html


def test_a_finished_case_has_nothing_more_to_do(great):
    withdrawn = services.case_withdraw(
        landlord=great.landlord,
        actor=great.officer,
        case_id=log(great).pk,
        on=D("2026-11-03"),
        reason="Sorted",
    )
    assert "There is nothing more to do on this case." in render(great.officer, withdrawn)
    case = respond(great, acknowledge(great, log(great)))
    services.case_close(landlord=great.landlord, actor=great.officer, case_id=case.pk, lesson="none")
    case.refresh_from_db()
    assert "There is nothing you can do on this case now." in render(great.board, case)
    services.satisfaction_record(landlord=great.landlord, actor=great.officer, case_id=case.pk, score=4)
    assert "Record satisfaction" in render(great.officer, case)


def test_the_policy_note_is_shown_beside_an_allowed_extension(great):
    html = render(great.officer, acknowledge(great, log(great)))
    assert "should not exceed a further 10 working days without good reason" in html
