"""Over HTTP, refusing a complaint within the time limit as over it is a 400 on the reason and changes nothing."""

from .conftest import cases_url, client_for, complaint_body


def test_time_limit_refusal_of_a_complaint_within_the_limit_is_refused_over_http(brighter):
    officer = client_for(brighter.officer)
    ref = officer.post(cases_url(brighter), complaint_body(brighter, issue_date="2026-03-01")).json()[
        "reference"
    ]
    r = officer.post(
        cases_url(brighter, ref, "not-accepted"),
        {"reason_code": "over-time-limit", "rationale": "Too long ago"},
    )
    assert r.status_code == 400
    (error,) = r.json()["errors"]
    assert (
        error["field"] == "reason_code" and "within the time limit (it ends 2027-03-01)" in error["message"]
    )
    assert officer.get(cases_url(brighter, ref)).json()["status"] == "stage1_received"
