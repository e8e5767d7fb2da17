"""Accepting a complaint outside the time limit over HTTP (Code 2.3): the reasons, the timeline, the errors."""

from putright.cases.models import TimelineEvent

from .conftest import cases_url, client_for, complaint_body


def test_code_2_3_a_complaint_outside_the_time_limit_is_accepted_with_reasons_over_http(brighter):
    officer = client_for(brighter.officer)
    created = officer.post(cases_url(brighter), complaint_body(brighter, issue_date="2024-12-01"))
    assert created.status_code == 201, created.json()
    reference = created.json()["reference"]
    url = cases_url(brighter, reference, "late-acceptance")
    r = officer.post(url, {"rationale": " "})
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "rationale"
    r = client_for(brighter.board).post(url, {"rationale": "Still down"})
    assert r.status_code == 403
    r = officer.post(url, {"rationale": "The fence is still down"})
    assert r.status_code == 200, r.json()
    assert not any("after the time limit" in w for w in r.json()["warnings"])
    event = TimelineEvent.objects.get(case__reference=reference, kind="outside_time_limit_accepted")
    assert event.summary.endswith("Reasons: The fence is still down")
