"""The TSM page and the cases behind each figure: what they show, against the hand-worked `Year2025`
figures, and who may see them (by role, another landlord's slug, signed out)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from putright.cases.models import Case
from putright.organisations.models import HomesCount

from .conftest import Builder


def tsm_url(slug="great", year=2025):
    return reverse("backoffice:report-tsm", args=[slug]) + f"?year={year}"


def cases_url(measure, slug="great", year=2025, on_time=""):
    query = f"?year={year}" + (f"&on_time={on_time}" if on_time else "")
    return reverse("backoffice:report-tsm-cases", args=[slug, measure]) + query


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_page_shows_each_figure_with_its_workings_and_the_setting(client, year2025, great):
    client.force_login(great.officer)
    page = text(client.get(tsm_url()))
    assert "2025/26: 1 April 2025 to 31 March 2026" in page
    assert (
        "6 complaints \N{MULTIPLICATION SIGN} 1,000 ÷ 1,234 homes" in page
        and ">4.9<" in page
        and "Unrounded: 4.8622" in page
    )
    assert "1 complaint \N{MULTIPLICATION SIGN} 1,000 ÷ 1,234 homes" in page and ">0.8<" in page
    assert "4 of 5 responses within the Code's timescales" in page and ">80.0%<" in page
    assert "1 of 1 response within the Code's timescales" in page and ">100.0%<" in page
    assert "Count as on time" in page
    assert "nothing blocks sign-off" in page
    assert f'href="{cases_url("CH02-1", on_time="no").replace("&", "&amp;")}">1 late' in page


def test_the_page_lists_what_blocks_sign_off_with_links_to_the_cases(client, year2025, great):
    HomesCount.objects.filter(landlord=great.landlord).delete()
    case = year2025.cases["B"]
    Case.objects.filter(pk=case.pk).update(issue_date="2025-05-01")
    client.force_login(great.officer)
    page = text(client.get(tsm_url()))
    assert "2 problems in the records must be put right" in page
    assert "No homes count is recorded for the year" in page
    assert f'href="/landlords/great/cases/{case.reference}/">{case.reference}</a>' in page
    assert "The complaint was received before the date its issue occurred" in page
    assert "no homes count recorded" in page and "No figure" in page


def test_the_cases_behind_a_figure_are_listed_with_links(client, year2025, great):
    client.force_login(great.officer)
    late = text(client.get(cases_url("CH02-1", on_time="no")))
    b = year2025.cases["B"].reference
    assert "1 response counted." in late and f">{b}</a>" in late and "Late" in late
    assert year2025.cases["A"].reference not in late
    volume = text(client.get(cases_url("CH01-1")))
    assert "6 complaints counted." in volume
    for key in ("B", "C", "D", "E", "H", "J"):
        assert f">{year2025.cases[key].reference}</a>" in volume


def test_cases_the_person_may_not_open_are_counted_but_not_listed(client, year2025, great):
    hidden = Builder(great).log("2025-07-01", about_colleague=True, colleagues_named="A housing officer")
    client.force_login(great.board)
    page = text(client.get(cases_url("CH01-1")))
    assert "7 complaints counted. 1 of them is not listed because your role may not open it." in page
    assert hidden.reference not in page
    client.force_login(great.officer)
    assert hidden.reference in text(client.get(cases_url("CH01-1")))


def test_an_unknown_year_is_an_error_on_the_page_and_an_unknown_measure_404(client, great):
    client.force_login(great.officer)
    response = client.get(tsm_url(year=1999))
    assert response.status_code == 200
    assert "There is a problem" in text(response) and "Choose a reporting year from the list" in text(
        response
    )
    assert client.get(cases_url("CH09-1")).status_code == 404


def test_the_current_year_is_shown_when_none_is_chosen(client, great):
    from django.utils import timezone

    from putright.domain.tsm import ReportingYear

    client.force_login(great.officer)
    page = text(client.get(reverse("backoffice:report-tsm", args=["great"])))
    assert f"{ReportingYear.of(timezone.localdate()).label}: 1 April" in page


@pytest.mark.parametrize("role", ["officer", "director", "board"])
def test_roles_with_reports_view_may_see_the_pages(client, great, role):
    client.force_login(getattr(great, role))
    assert client.get(tsm_url()).status_code == 200
    assert client.get(cases_url("CH01-1")).status_code == 200


@pytest.mark.parametrize("role", ["manager", "housing", "colleague"])
def test_roles_without_reports_view_are_forbidden(client, great, role):
    client.force_login(getattr(great, role))
    assert client.get(tsm_url()).status_code == 403
    assert client.get(cases_url("CH01-1")).status_code == 403


def test_another_landlords_reports_are_not_found(client, great, brighter):
    client.force_login(brighter.officer)
    assert client.get(tsm_url("great")).status_code == 404
    assert client.get(cases_url("CH01-1", slug="great")).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, great):
    for url in (tsm_url(), cases_url("CH02-2")):
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


def board_url(slug="great", first="1-6-2025", last="30-6-2025"):
    query = ""
    if first:
        d, m, y = first.split("-")
        query += f"first_0={d}&first_1={m}&first_2={y}&"
    if last:
        d, m, y = last.split("-")
        query += f"last_0={d}&last_1={m}&last_2={y}"
    return reverse("backoffice:report-board-pack", args=[slug]) + (f"?{query}" if query else "")


def test_the_board_pack_page_shows_the_hand_worked_june_figures(client, june, great):
    client.force_login(great.board)
    page = text(client.get(board_url()))
    assert "1 June 2025 to 30 June 2025" in page
    assert 'Complaint</th> <td class="govuk-table__cell govuk-table__cell--numeric">3<' in page
    assert 'Stage 1 acknowledgements</th> <td class="govuk-table__cell govuk-table__cell--numeric">3<' in page
    assert (
        '2 <span class="govuk-body-s">(66.7%)</span>' in page
    )  # acknowledged within the policy and the Code
    assert "£150.00" in page and "£25.00" in page
    assert (
        'Complaints past an acknowledgement or response date</dt><dd class="govuk-summary-list__value">2<'
        in page.replace("</dt> <dd", "</dt><dd")
    )
    assert "Waiting for the contractor&#x27;s report" in page


def test_the_board_pack_shows_last_month_when_no_period_is_chosen(client, great):
    from django.utils import timezone

    from putright.backoffice.reports.forms import last_month

    client.force_login(great.officer)
    period = last_month(timezone.localdate())
    page = text(client.get(reverse("backoffice:report-board-pack", args=["great"])))
    assert f"{period.first.day} {period.first:%B %Y} to {period.last.day} {period.last:%B %Y}" in page
    assert f'name="first_2" type="text" inputmode="numeric" value="{period.first.year}"' in page


def test_the_board_pack_refuses_a_period_that_ends_before_it_starts_keeping_what_was_typed(client, great):
    client.force_login(great.officer)
    page = text(client.get(board_url(first="30-6-2025", last="1-6-2025")))
    assert "There is a problem" in page and "The last day must be the same as or after the first day" in page
    assert 'name="first_0" type="text" inputmode="numeric" value="30"' in page
    assert "Volumes" not in page
    missing = text(client.get(board_url(last="")))
    assert "Enter the last day" in missing


def test_the_board_pack_before_the_2024_code_is_an_error_not_a_crash(client, great):
    client.force_login(great.officer)
    page = text(client.get(board_url(first="1-1-2024", last="31-1-2024")))
    assert "There is a problem" in page and "no Complaint Handling Code profile is held" in page


@pytest.mark.parametrize(
    ("role", "status"), [("board", 200), ("director", 200), ("manager", 403), ("housing", 403)]
)
def test_the_board_pack_by_role(client, great, role, status):
    client.force_login(getattr(great, role))
    assert client.get(board_url()).status_code == status


def test_the_board_pack_of_another_landlord_is_not_found_and_signed_out_people_sign_in(
    client, great, brighter
):
    client.force_login(brighter.board)
    assert client.get(board_url("great")).status_code == 404
    client.logout()
    response = client.get(board_url())
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def setting_url(slug="great"):
    return reverse("backoffice:report-tsm-setting", args=[slug]) + "?year=2025"


@pytest.fixture
def admin_client(client, great):
    from putright.accounts.models import Role
    from tests.backoffice.administration.conftest import verified
    from tests.factories import make_staff

    return verified(client, make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR))


def test_an_administrator_changes_the_extensions_setting_and_comes_back_to_the_measures(
    admin_client, year2025, great
):
    page = text(admin_client.get(tsm_url()))
    assert f'href="{setting_url()}">Change' in page
    form = text(admin_client.get(setting_url()))
    assert 'value="yes" checked' in form
    response = admin_client.post(setting_url(), {"extensions_count": "no"})
    assert response.status_code == 302 and response["Location"] == tsm_url()
    page = text(admin_client.get(response["Location"]))
    assert (
        "now count as late for CH02" in page
        and "3 of 5 responses within the Code" in page
        and ">60.0%<" in page
    )


def test_the_extensions_setting_needs_an_answer_and_changes_nothing_without_one(admin_client, great):
    page = text(admin_client.post(setting_url(), {}))
    assert (
        "There is a problem" in page
        and "Choose whether responses within an extension count as on time" in page
    )
    from putright.reporting.selectors import extensions_count_as_on_time

    assert extensions_count_as_on_time(great.landlord) is True


def test_only_administrators_change_the_extensions_setting(client, great, brighter):
    client.force_login(great.officer)
    assert "/reports/tsm/setting/" not in text(client.get(tsm_url()))
    assert client.get(setting_url()).status_code == 403
    assert client.post(setting_url(), {"extensions_count": "no"}).status_code == 403
    client.force_login(brighter.officer)
    assert client.get(setting_url()).status_code == 404
    client.logout()
    assert client.get(setting_url()).status_code == 302
