"""The Board pack's trends and hot spots on the page, the cases behind a hot spot and the thresholds page:
what they show against the hand-worked June figures, and who may see or change them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from putright.accounts.models import AdministrationEvent, Role
from putright.reporting.hot_spots import hot_spot_thresholds
from tests.factories import make_staff

from .conftest import Builder
from .test_hot_spots import give_places, set_thresholds

JUNE = "first_0=1&first_1=6&first_2=2025&last_0=30&last_1=6&last_2=2025"


@pytest.fixture
def june_places(june, great, brighter):
    return give_places(great)


def text(response) -> str:
    return " ".join(response.content.decode().split())


def typed(page: str, name: str) -> str | None:
    """The value shown in the form's input called `name`."""
    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    value = re.search(r'value="([^"]*)"', field.group(0)) if field else None
    return value.group(1) if value else None


def board_url(slug="great"):
    return reverse("backoffice:report-board-pack", args=[slug]) + f"?{JUNE}"


def spot_url(breakdown="service_area", value="Property+services", which="received", slug="great"):
    base = reverse("backoffice:report-board-pack-hot-spot", args=[slug, breakdown])
    return f"{base}?which={which}&value={value}&{JUNE}"


def settings_url(slug="great", query=JUNE):
    return reverse("backoffice:report-board-pack-hot-spot-settings", args=[slug]) + f"?{query}"


def test_the_trends_are_charts_each_with_its_table_of_the_june_figures(client, june, great):
    client.force_login(great.board)
    page = text(client.get(board_url()))
    assert "12-month trends" in page and "The 12 months to 30 June 2025" in page
    titles = re.findall(r'<svg class="putright-chart__svg"[^>]*role="img" aria-labelledby="([^"]+)"', page)
    assert titles == [
        "chart-received-title chart-received-desc",
        "chart-on-time-title chart-on-time-desc",
        "chart-open-title chart-open-desc",
    ]
    assert '<title id="chart-received-title">Complaints received each month</title>' in page
    assert "from July 2024 to June 2025" in page
    cell = '<td class="govuk-table__cell govuk-table__cell--numeric">'
    # June: P1 to P3 at stage 1 and P8 at stage 2; 3 responses, all within the Code; 6 open, 2 overdue.
    assert f"June 2025</th> {cell}3</td> {cell}1</td>" in page
    assert f'June 2025</th> {cell}3</td> {cell}3 <span class="govuk-body-s">(100.0%)</span> </td>' in page
    assert f"June 2025</th> {cell}6</td> {cell}2</td>" in page
    assert f"July 2024</th> {cell}0</td> {cell}0 </td> {cell}0 </td>" in page  # no share without responses
    # The landlord's colour (GOV.UK blue by default) draws the first series; the second is hatched.
    assert 'fill="#1d70b8"' in page and 'fill="url(#hatch-received)"' in page


def test_the_charts_take_the_landlords_colour(client, june, great):
    great.landlord.brand_colour = "#6f2c91"
    great.landlord.save()
    client.force_login(great.board)
    page = text(client.get(board_url()))
    assert 'fill="#6f2c91"' in page and 'stroke="#6f2c91"' in page


def test_hot_spots_are_listed_with_why_and_links_to_their_cases(client, june_places, great):
    set_thresholds(great, complaints=2, share=50, responses=2)
    client.force_login(great.board)
    page = text(client.get(board_url()))
    assert "Hot spots: flagged for a service review" in page
    assert (
        "flagged when 2 or more complaints were received in the period, or when 50% or more of at least 2"
        in page
    )
    assert "Property services</th>" in page and "BN1 4</th>" in page
    assert "2 or more complaints and 50% or more upheld of 2 or more responses" in page
    link = spot_url(value="Property%20services").replace("&", "&amp;")
    assert f'href="{link}">2<span class="govuk-visually-hidden"> complaints received: Service area' in page
    estate = spot_url("estate", "BN1%204", "responses").replace("&", "&amp;")
    assert f'href="{estate}">3<' in page
    assert "Change the thresholds" not in page  # the Board member does not administer


def test_no_hot_spots_says_so(client, june, great):
    client.force_login(great.board)
    assert "Nothing crossed the thresholds in the period." in text(client.get(board_url()))


def test_the_cases_behind_a_hot_spot_are_listed_with_links(client, june_places, great):
    client.force_login(great.officer)
    page = text(client.get(spot_url()))
    assert "Service area Property services: complaints received in the period" in page
    assert "2 complaints counted in the hot spot." in page
    for name in ("P1", "P2"):
        reference = june_places[name].reference
        assert f'href="/landlords/great/cases/{reference}/">{reference}</a>' in page
    assert june_places["P3"].reference not in page
    estate = text(client.get(spot_url("estate", "BN1+4", "responses")))
    assert "3 complaints counted" in estate and june_places["P8"].reference in estate


def test_hot_spot_cases_the_person_may_not_open_are_counted_but_not_listed(client, june_places, great):
    hidden = Builder(great).log(
        "2025-06-20", service_area="Property services", about_colleague=True, colleagues_named="A surveyor"
    )
    client.force_login(great.board)
    page = text(client.get(spot_url()))
    assert (
        "3 complaints counted in the hot spot. 1 of them is not listed because your role may not open it."
        in page
    )
    assert hidden.reference not in page


@pytest.mark.parametrize(
    "url",
    [
        spot_url(breakdown="handler"),
        spot_url(which="all"),
        spot_url(value=""),
    ],
)
def test_an_unknown_hot_spot_is_not_found(client, great, url):
    client.force_login(great.officer)
    assert client.get(url).status_code == 404


def test_a_hot_spot_with_a_broken_period_is_an_error_not_a_crash(client, great):
    client.force_login(great.officer)
    url = spot_url().replace("last_0=30", "last_0=31")
    page = text(client.get(url))
    assert "There is a problem" in page and "Choose the period again" in page


@pytest.mark.parametrize(
    ("role", "status"), [("board", 200), ("director", 200), ("manager", 403), ("housing", 403)]
)
def test_the_hot_spot_cases_by_role(client, great, role, status):
    client.force_login(getattr(great, role))
    assert client.get(spot_url()).status_code == status


def test_the_hot_spot_cases_of_another_landlord_are_not_found_and_signed_out_people_sign_in(
    client, great, brighter
):
    client.force_login(brighter.board)
    assert client.get(spot_url()).status_code == 404
    client.logout()
    response = client.get(spot_url())
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


@pytest.fixture
def admin_client(client, great):
    from tests.backoffice.administration.conftest import verified

    return verified(client, make_staff(great.landlord, "admin@great.test", Role.ADMINISTRATOR))


def test_an_administrator_changes_the_thresholds_and_comes_back_to_the_period(
    admin_client, june_places, great
):
    page = text(admin_client.get(board_url()))
    assert f'href="{settings_url().replace("&", "&amp;")}">Change the thresholds' in page
    form = text(admin_client.get(settings_url()))
    assert typed(form, "complaints_at_least") == "10"
    data = {"complaints_at_least": "2", "upheld_share_at_least": "50", "responses_at_least": "2"}
    response = admin_client.post(settings_url(), data)
    assert response.status_code == 302 and response["Location"] == board_url()
    page = text(admin_client.get(response["Location"]))
    assert "The hot-spot thresholds are saved" in page and "BN1 4</th>" in page
    assert AdministrationEvent.objects.filter(kind="reporting.hot_spot_thresholds").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"complaints_at_least": "", "upheld_share_at_least": "50", "responses_at_least": "5"},
            "Enter the number of complaints",
        ),
        (
            {"complaints_at_least": "ten", "upheld_share_at_least": "50", "responses_at_least": "5"},
            "Enter the number of complaints as a whole number, like 10",
        ),
        (
            {"complaints_at_least": "0", "upheld_share_at_least": "50", "responses_at_least": "5"},
            "Enter 1 or more for the number of complaints",
        ),
        (
            {"complaints_at_least": "10", "upheld_share_at_least": "150", "responses_at_least": "5"},
            "Enter 100 or less for the upheld share",
        ),
        (
            {"complaints_at_least": "10", "upheld_share_at_least": "50", "responses_at_least": "0"},
            "Enter 1 or more for the number of responses",
        ),
    ],
)
def test_thresholds_that_will_not_do_are_errors_keeping_what_was_typed(admin_client, great, data, message):
    page = text(admin_client.post(settings_url(), data))
    assert "There is a problem" in page and message in page
    for name, value in data.items():
        assert (typed(page, name) or "") == value
    assert hot_spot_thresholds(great.landlord).complaints_at_least == 10
    assert not AdministrationEvent.objects.filter(kind="reporting.hot_spot_thresholds").exists()


def test_only_administrators_change_the_thresholds(client, great, brighter):
    data = {"complaints_at_least": "2", "upheld_share_at_least": "50", "responses_at_least": "2"}
    client.force_login(great.director)
    assert client.get(settings_url()).status_code == 403
    assert client.post(settings_url(), data).status_code == 403
    client.force_login(brighter.officer)
    assert client.get(settings_url()).status_code == 404
    client.logout()
    assert client.get(settings_url()).status_code == 302
    assert hot_spot_thresholds(great.landlord).complaints_at_least == 10
