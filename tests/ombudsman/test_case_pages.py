"""An Ombudsman case's page and its history, moving it through the investigation stages and recording the
determination with findings and orders: who may use each page, another landlord's case not found, and the
forms keeping what was typed when something is refused."""

from datetime import date

import pytest

from putright.cases.models import Case, Stage
from putright.ombudsman import services
from putright.ombudsman.models import Finding, OmbudsmanCase, Order
from putright.ombudsman.services import FindingInput, OrderInput

D = date.fromisoformat
DETERMINED = {"determined_on_day": "1", "determined_on_month": "6", "determined_on_year": "2026"}


def refer(org, case, reference="202512345", on="2026-04-01"):
    return services.ombudsman_case_refer(
        landlord=org.landlord,
        actor=org.officer,
        case_id=case.pk,
        ombudsman_reference=reference,
        referred_on=D(on),
    )


@pytest.fixture
def referral(great, case):
    return refer(great, case)


def url(referral, page=""):
    return f"/landlords/{referral.landlord.slug}/ombudsman/{referral.pk}/{page}"


def test_case_page_shows_its_stages_findings_orders_and_only_its_own_history(client, great, case, referral):
    other = refer(great, case, reference="2025", on="2026-04-02")  # a second referral of the same complaint
    services.ombudsman_case_advance(
        landlord=great.landlord, actor=great.officer, ombudsman_case_id=referral.pk, on=D("2026-04-10")
    )
    services.ombudsman_case_advance(
        landlord=great.landlord, actor=great.officer, ombudsman_case_id=other.pk, on=D("2026-04-11")
    )
    services.ombudsman_case_determine(
        landlord=great.landlord,
        actor=great.officer,
        ombudsman_case_id=referral.pk,
        determined_on=D("2026-06-01"),
        summary="Delays in repairing a leak",
        findings=[FindingInput("Handling of the leak", "severe_maladministration")],
        orders=[OrderInput("order", "Pay £300 compensation", D("2026-06-29"))],
    )
    order = Order.objects.get()
    services.order_complete(
        landlord=great.landlord,
        actor=great.housing,
        order_id=order.pk,
        completed_on=D("2026-06-20"),
        evidence="Paid by BACS",
    )
    client.force_login(great.board)
    page = client.get(url(referral)).content.decode()
    assert "Severe maladministration" in page and "Pay £300 compensation" in page and "Paid by BACS" in page
    assert "10 April 2026" in page and "Delays in repairing a leak" in page
    history = [line for line in page.splitlines() if "moj-timeline__title" in line]
    assert [h.split(">")[1].split("<")[0] for h in history] == [
        "Referred to the Housing Ombudsman (202512345)",
        "Ombudsman case 202512345: accepted for investigation",
        "Ombudsman determination 202512345: severe maladministration",
        "Ombudsman order complied with",
    ]
    assert "Record the determination" not in page  # the board may look, not decide
    client.force_login(great.officer)
    assert "Record the determination" not in client.get(url(referral)).content.decode()  # determined
    other_page = client.get(url(other)).content.decode()
    assert "Record the determination" in other_page and "Record that it is investigating" in other_page
    assert "Ombudsman case 2025: accepted" in other_page and "202512345" not in other_page


@pytest.mark.parametrize(
    ("who", "page", "status"),
    [
        ("officer", "", 200),
        ("board", "", 200),
        ("manager", "", 200),
        ("officer", "advance/", 200),
        ("director", "determine/", 200),
        ("board", "advance/", 403),
        ("manager", "determine/", 403),
        ("housing", "determine/", 403),
    ],
)
def test_pages_by_role(client, great, referral, who, page, status):
    client.force_login(getattr(great, who))
    assert client.get(url(referral, page)).status_code == status


@pytest.mark.parametrize("page", ["", "advance/", "determine/"])
def test_other_landlord_hidden_complaint_and_signed_out(client, great, brighter, case, referral, page):
    client.force_login(brighter.officer)
    assert client.get(url(referral, page)).status_code == 404
    assert client.get(f"/landlords/brighter/ombudsman/{referral.pk}/{page}").status_code == 404
    Case.objects.filter(pk=case.pk).update(about_colleague=True)  # hidden from all but officers
    client.force_login(great.director)
    assert client.get(url(referral, page)).status_code == 404
    client.logout()
    response = client.get(url(referral, page))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_advance_keeps_input_on_error_then_moves_one_stage_at_a_time(client, great, referral):
    client.force_login(great.officer)
    bad = client.post(url(referral, "advance/"), {"on_day": "31", "on_month": "3", "on_year": "2026"})
    page = bad.content.decode()
    assert bad.status_code == 200 and "There is a problem" in page and "before the referral" in page
    assert 'value="31"' in page
    referral.refresh_from_db()
    assert referral.status == "referred"
    for day, status in (("10", "accepted"), ("20", "investigating")):
        response = client.post(url(referral, "advance/"), {"on_day": day, "on_month": "4", "on_year": "2026"})
        assert response.status_code == 302 and response["Location"] == url(referral)
        referral.refresh_from_db()
        assert referral.status == status
    assert (referral.accepted_on, referral.investigating_on) == (D("2026-04-10"), D("2026-04-20"))
    assert client.get(url(referral, "advance/")).status_code == 404  # no further stage


def test_determine_starts_from_the_complaint_points_and_adds_rows_without_saving(
    client, great, case, referral
):
    Stage.objects.filter(case=case).update(
        definition=[{"point": "The leak was not repaired"}, {"point": "Calls were not returned"}]
    )
    client.force_login(great.officer)
    page = client.get(url(referral, "determine/")).content.decode()
    assert 'value="The leak was not repaired"' in page and 'value="Calls were not returned"' in page
    assert 'name="finding_rows" value="2"' in page
    typed = {
        "finding_rows": "2",
        "order_rows": "1",
        "finding_element_0": "Repairs",
        "finding_kind_0": "maladministration",
        "order_description_0": "Apologise",
        "add": "order",
    }
    more = client.post(url(referral, "determine/"), typed).content.decode()
    assert 'name="order_rows" value="2"' in more and "There is a problem" not in more
    assert 'value="Repairs"' in more and "Apologise" in more
    assert not Finding.objects.exists()


def test_determine_refuses_half_rows_and_the_services_rules_keeping_what_was_typed(client, great, referral):
    client.force_login(great.officer)
    form = {
        **DETERMINED,
        "finding_rows": "2",
        "order_rows": "2",
        "finding_element_0": "Handling of the leak",
        "finding_kind_0": "",
        "order_type_0": "order",
        "order_description_0": "Apologise in writing",
    }
    page = client.post(url(referral, "determine/"), form).content.decode()
    assert "Select the finding on element 1" in page and "Enter the date item 1 is due" in page
    assert 'value="Handling of the leak"' in page and "Apologise in writing" in page
    form |= {
        "finding_kind_0": "service_failure",
        "order_due_0_day": "1",
        "order_due_0_month": "5",
        "order_due_0_year": "2026",
    }
    page = client.post(url(referral, "determine/"), form).content.decode()
    assert "An order cannot be due before the determination" in page and 'href="#id_order_type_0"' in page
    none = {**DETERMINED, "finding_rows": "1", "order_rows": "1"}
    assert "Enter at least one finding" in client.post(url(referral, "determine/"), none).content.decode()
    assert OmbudsmanCase.objects.get().status == "referred" and not Finding.objects.exists()


def test_determine_records_findings_and_orders_on_the_timeline(client, great, case, referral):
    client.force_login(great.director)
    form = {
        **DETERMINED,
        "summary": "Delays in repairs",
        "finding_rows": "2",
        "order_rows": "2",
        "finding_element_0": "Handling of the leak",
        "finding_kind_0": "maladministration",
        "finding_element_1": "Complaint handling",
        "finding_kind_1": "resolved",
        "order_type_0": "order",
        "order_description_0": "Apologise in writing",
        "order_due_0_day": "29",
        "order_due_0_month": "6",
        "order_due_0_year": "2026",
        "order_type_1": "recommendation",
        "order_description_1": "Review repairs chasing",
        "order_due_1_day": "31",
        "order_due_1_month": "8",
        "order_due_1_year": "2026",
    }
    response = client.post(url(referral, "determine/"), form)
    assert response.status_code == 302 and response["Location"] == url(referral)
    referral.refresh_from_db()
    assert (referral.status, referral.determined_on, referral.determination_summary) == (
        "determined",
        D("2026-06-01"),
        "Delays in repairs",
    )
    assert list(referral.findings.values_list("element", "finding")) == [
        ("Handling of the leak", "maladministration"),
        ("Complaint handling", "resolved"),
    ]
    assert list(referral.orders.values_list("type", "description", "due_on")) == [
        ("order", "Apologise in writing", D("2026-06-29")),
        ("recommendation", "Review repairs chasing", D("2026-08-31")),
    ]
    event = case.timeline.get(kind="ombudsman_determined")
    assert event.actor == great.director and event.after["orders"] == 2
    assert client.get(url(referral, "determine/")).status_code == 404  # already determined
