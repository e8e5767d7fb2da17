"""Asking for clarification in writing over HTTP (Code 5.6): `letter` sends the clarification request with
the questions; without the questions it is refused naming the field and nothing is recorded."""

from django.utils import timezone

from putright.cases.models import ContactAttempt
from putright.letters.models import Letter

from .conftest import cases_url, client_for, complaint_body


def test_code_5_6_the_clarification_request_letter_over_http(brighter):
    officer = client_for(brighter.officer)
    reference = officer.post(cases_url(brighter), complaint_body(brighter)).json()["reference"]
    url = cases_url(brighter, reference, "clarification-attempts")
    attempt = {"at": timezone.now().isoformat(), "channel": "phone", "reached": False, "letter": True}
    r = officer.post(url, {**attempt, "questions": " "})
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "questions"
    assert not ContactAttempt.objects.exists()
    r = officer.post(url, {**attempt, "questions": "Which room is damp?"})
    assert r.status_code == 201, r.json()
    letter = Letter.objects.get(case__reference=reference, kind="clarification_request")
    assert "Which room is damp?" in letter.body_html
