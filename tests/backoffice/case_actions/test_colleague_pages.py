"""Complaints about colleagues in the back office: say which colleague it is about, the acknowledgement
offering the investigator the policy names and showing why another is refused, and disciplinary procedures."""

import pytest

from putright.cases import services
from putright.cases.models import Case, Stage

from .conftest import D, date_data, log, url

pytestmark = pytest.mark.django_db

POINT = {"point_0": "The officer was rude", "responsible_for": "How our staff treat you"}


def identified(org, signed_in):
    case = log(org, about_colleague=True, colleagues_named="Sam")
    client = signed_in(org.officer)
    page = client.get(url(case, "identify-colleague")).text
    assert "Which colleague is the complaint about?" in page and "Named by the customer: Sam" in page
    response = client.post(url(case, "identify-colleague"), {"colleague": str(org.colleague.pk)})
    assert response.status_code == 302
    return Case.objects.get(pk=case.pk), client


def test_great_places_colleague_complaint_acknowledgement_offers_the_line_manager(great, signed_in):
    case, client = identified(great, signed_in)
    assert case.colleague == great.colleague
    page = client.get(url(case, "acknowledge")).text
    assert "investigated by their line manager, manager@great.test" in page
    assert f'value="{great.manager.pk}" selected' in page
    assert f'value="{great.colleague.pk}"' not in page  # never the colleague


def test_great_places_colleague_complaint_refusal_is_shown_on_the_handler(great, signed_in):
    case, client = identified(great, signed_in)
    data = {**date_data("acknowledged_on", D("2026-11-03")), **POINT, "handler": str(great.director.pk)}
    response = client.post(url(case, "acknowledge"), data)
    assert response.status_code == 200
    assert "investigated by their line manager, manager@great.test, not director@great.test" in response.text
    assert Stage.objects.get(case=case, number=1).acknowledged_on is None
    response = client.post(url(case, "acknowledge"), {**data, "handler": str(great.manager.pk)})
    assert response.status_code == 302
    assert Stage.objects.get(case=case, number=1).handler == great.manager


def test_brighter_places_6_ii_disciplinary_procedures_page(brighter, signed_in):
    case, _ = identified(brighter, signed_in)
    services.complaint_acknowledge(
        landlord=brighter.landlord,
        actor=brighter.officer,
        case_id=case.pk,
        acknowledged_on=D("2026-11-03"),
        definition=[{"point": "The officer was rude", "outcome_sought": ""}],
        responsible_for="How our staff treat you",
        handler=brighter.director,
    )
    director = signed_in(brighter.director)
    page = director.get(url(case, "disciplinary")).text
    assert "taken forward through disciplinary procedures, and nothing more" in page
    response = director.post(url(case, "disciplinary"), date_data("on", D("2026-11-05")))
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).colleague_disciplinary_on == D("2026-11-05")
    assert director.get(url(case, "disciplinary")).status_code == 404  # done: no longer offered
