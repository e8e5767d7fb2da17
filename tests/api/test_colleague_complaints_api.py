"""Complaints about colleagues over HTTP: the colleague named, the investigator the policy names (others
refused with the reason, 400 on the handler), and Brighter Places 6.ii's disciplinary procedures."""

from .conftest import DEFINITION, cases_url, client_for, complaint_body


def _identified(org):
    officer = client_for(org.officer)
    ref = officer.post(cases_url(org), complaint_body(org, about_colleague=True)).json()["reference"]
    r = officer.post(cases_url(org, ref, "colleague"), {"colleague": org.colleague.email})
    assert r.status_code == 200, r.json()
    return officer, ref


def _acknowledge(client, org, ref, **extra):
    body = {
        "acknowledged_on": "2026-11-03",
        "definition": DEFINITION,
        "responsible_for": "Our staff",
        **extra,
    }
    return client.post(cases_url(org, ref, "acknowledge"), body, format="json")


def test_great_places_colleague_complaint_over_http_goes_to_the_line_manager(great):
    officer, ref = _identified(great)
    detail = officer.get(cases_url(great, ref)).json()
    assert (detail["about_colleague"], detail["colleague"]) == (True, "colleague@great.test")
    r = _acknowledge(officer, great, ref, handler="director@great.test")
    assert r.status_code == 400, r.json()
    assert "investigated by their line manager, manager@great.test" in str(r.json())
    r = _acknowledge(officer, great, ref)
    assert r.status_code == 200, r.json()
    assert r.json()["handler"]["email"] == "manager@great.test"


def test_brighter_places_6_ii_disciplinary_procedures_over_http(brighter):
    officer, ref = _identified(brighter)
    assert _acknowledge(officer, brighter, ref, handler="director@brighter.test").status_code == 200
    director = client_for(brighter.director)
    r = director.post(cases_url(brighter, ref, "disciplinary"), {"on": "2026-11-05"})
    assert r.status_code == 200, r.json()
    assert director.get(cases_url(brighter, ref)).json()["colleague_disciplinary_on"] == "2026-11-05"
    r = director.post(cases_url(brighter, ref, "disciplinary"), {"on": "2026-11-06"})
    assert r.status_code == 400 and "already recorded" in str(r.json())
