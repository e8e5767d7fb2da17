"""The Ombudsman page, recording compliance, the learning log, publishing a lesson and the public "you said,
we did" page: who may use each, another landlord's objects not found, and the forms without JavaScript."""

from datetime import date

import pytest

from putright.cases.models import Learning
from putright.ombudsman import services
from putright.ombudsman.models import OmbudsmanCase, Order, PublishedLesson
from putright.ombudsman.services import FindingInput, OrderInput

from .conftest import learn
from .conftest import log_complaint as log_complaint_at

D = date.fromisoformat


@pytest.fixture
def order(great, case):
    referral = services.ombudsman_case_refer(
        landlord=great.landlord,
        actor=great.officer,
        case_id=case.pk,
        ombudsman_reference="202512345",
        referred_on=D("2026-04-01"),
    )
    services.ombudsman_case_determine(
        landlord=great.landlord,
        actor=great.officer,
        ombudsman_case_id=referral.pk,
        determined_on=D("2026-06-01"),
        summary="",
        findings=[FindingInput("Handling of the leak", "severe_maladministration")],
        orders=[OrderInput("order", "Apologise in writing", D("2026-06-29"))],
    )
    return Order.objects.get()


@pytest.fixture
def lesson(great, case):
    return learn(great, case)


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_ombudsman_page_shows_cases_overdue_orders_and_findings(client, great, order):
    page = get(client, great.officer, "/landlords/great/ombudsman/").content.decode()
    assert "202512345" in page and "Severe maladministration" in page
    assert "Overdue" in page and "Record compliance" in page
    board = get(client, great.board, "/landlords/great/ombudsman/").content.decode()
    assert "202512345" in board and "Record compliance" not in board


@pytest.mark.parametrize(
    ("who", "path", "status"),
    [
        ("officer", "/landlords/great/ombudsman/", 200),
        ("board", "/landlords/great/ombudsman/", 200),
        ("officer", "/landlords/great/learning/", 200),
        ("board", "/landlords/great/learning/", 200),
        ("manager", "/landlords/great/learning/", 403),
        ("colleague", "/landlords/great/learning/", 403),
    ],
)
def test_pages_by_role(client, great, who, path, status):
    assert get(client, getattr(great, who), path).status_code == status


def test_other_landlord_is_not_found_and_anonymous_signs_in(client, great, brighter, order, lesson):
    for path in (
        "/landlords/great/ombudsman/",
        f"/landlords/great/ombudsman/orders/{order.pk}/complete/",
        "/landlords/great/learning/",
        f"/landlords/great/learning/{lesson.pk}/publish/",
    ):
        assert get(client, brighter.officer, path).status_code == 404
        client.logout()
        response = client.get(path)
        assert response.status_code == 302 and "sign-in" in response["Location"]
    assert (
        get(
            client, brighter.officer, f"/landlords/brighter/ombudsman/orders/{order.pk}/complete/"
        ).status_code
        == 404
    )
    assert (
        get(client, brighter.officer, f"/landlords/brighter/learning/{lesson.pk}/publish/").status_code == 404
    )


def test_order_complete_form_keeps_input_on_error_then_records(client, great, order):
    client.force_login(great.board)
    assert client.get(f"/landlords/great/ombudsman/orders/{order.pk}/complete/").status_code == 403
    client.force_login(great.housing)
    url = f"/landlords/great/ombudsman/orders/{order.pk}/complete/"
    bad = client.post(
        url,
        {"completed_on_day": "2", "completed_on_month": "7", "completed_on_year": "", "evidence": "Letter"},
    )
    assert bad.status_code == 200
    page = bad.content.decode()
    assert "There is a problem" in page and "must include a year" in page and "Letter" in page
    order.refresh_from_db()
    assert order.completed_on is None
    good = client.post(
        url,
        {
            "completed_on_day": "2",
            "completed_on_month": "7",
            "completed_on_year": "2026",
            "evidence": "Letter",
        },
    )
    assert good.status_code == 302
    order.refresh_from_db()
    assert (order.completed_on, order.evidence) == (D("2026-07-02"), "Letter")
    assert client.get(url).status_code == 404  # already complete


def test_learning_log_filters_and_rejects_a_backwards_period(client, great, lesson):
    client.force_login(great.officer)
    page = client.get("/landlords/great/learning/", {"service_area": "Repairs"}).content.decode()
    assert "Repairs were not chased" in page
    page = client.get(
        "/landlords/great/learning/",
        {"start_day": "1", "start_month": "6", "start_year": "2026"},
    ).content.decode()
    assert "Repairs were not chased" not in page and "No lessons match" in page
    page = client.get(
        "/landlords/great/learning/",
        {
            "start_day": "1",
            "start_month": "6",
            "start_year": "2026",
            "end_day": "1",
            "end_month": "5",
            "end_year": "2026",
        },
    ).content.decode()
    assert "There is a problem" in page and "same as or after the start" in page


def test_publish_a_lesson_then_the_public_page_shows_only_its_wording(client, great, brighter, lesson):
    client.force_login(great.manager)
    assert client.get(f"/landlords/great/learning/{lesson.pk}/publish/").status_code == 403
    client.force_login(great.officer)
    url = f"/landlords/great/learning/{lesson.pk}/publish/"
    bad = client.post(url, {"you_said": "Leaks took too long", "we_did": ""})
    assert "Enter what we did" in bad.content.decode() and "Leaks took too long" in bad.content.decode()
    assert PublishedLesson.objects.count() == 0
    dated = {"published_on_day": "10", "published_on_month": "5", "published_on_year": "2026"}
    response = client.post(
        url, {"you_said": "Leaks took too long", "we_did": "We chase repairs weekly", **dated}
    )
    assert response.status_code == 302
    client.logout()
    public = client.get("/feedback/great/you-said-we-did/").content.decode()
    assert "Leaks took too long" in public and "We chase repairs weekly" in public
    assert "Alex Morgan" not in public and Learning.objects.get().lesson not in public
    assert "Leaks took too long" not in client.get("/feedback/brighter/you-said-we-did/").content.decode()
    assert client.get("/feedback/nobody/you-said-we-did/").status_code == 404


def test_refer_by_reference_keeps_input_on_error_then_records(client, great, brighter, case):
    url = "/landlords/great/ombudsman/refer/"
    assert get(client, great.board, url).status_code == 403
    assert get(client, brighter.officer, url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(great.officer)
    dated = {"referred_on_day": "1", "referred_on_month": "4", "referred_on_year": "2026"}
    other = log_complaint_at(brighter)
    bad = client.post(url, {"case_reference": other.reference, "ombudsman_reference": "2025777", **dated})
    page = bad.content.decode()
    assert "There is no complaint" in page and "2025777" in page
    assert not OmbudsmanCase.objects.exists()
    good = client.post(
        url, {"case_reference": case.reference.lower(), "ombudsman_reference": "2025777", **dated}
    )
    assert good.status_code == 302
    assert OmbudsmanCase.objects.get().case == case
    again = client.post(url, {"case_reference": case.reference, "ombudsman_reference": "2025777", **dated})
    assert "already recorded" in again.content.decode()
