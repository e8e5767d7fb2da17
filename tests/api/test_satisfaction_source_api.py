"""The satisfaction answer's source over HTTP: chosen by staff, a phone call unless said, shown on the case."""

from putright.cases.models import Case

from .conftest import cases_url, client_for, complaint_body


def _closed(org):
    logged = client_for(org.officer).post(cases_url(org), complaint_body(org))
    Case.objects.filter(reference=logged.json()["reference"]).update(status="closed")
    return logged.json()["reference"]


def test_satisfaction_source_over_http(great):
    officer = client_for(great.officer)
    ref = _closed(great)
    r = officer.post(cases_url(great, ref, "satisfaction"), {"score": 4, "source": "email"})
    assert r.status_code == 201, r.json()
    assert r.json()["source"] == "email"
    assert officer.get(cases_url(great, ref)).json()["satisfaction"][0]["source"] == "email"


def test_satisfaction_source_defaults_to_a_phone_call_and_refuses_the_portals(great):
    officer = client_for(great.officer)
    ref = _closed(great)
    r = officer.post(cases_url(great, ref, "satisfaction"), {"score": 4, "source": "portal"})
    assert r.status_code == 400 and "source" in str(r.json())
    r = officer.post(cases_url(great, ref, "satisfaction"), {"score": 2})
    assert r.status_code == 201 and r.json()["source"] == "phone"
