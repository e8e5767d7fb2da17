"""The not-accept page shows the time-limit check on the reason field and keeps what was typed (Code 2.2)."""

import re

from putright.cases.models import Decision

from .conftest import D, log, url


def test_time_limit_refusal_of_a_complaint_within_the_limit_is_shown_on_the_reason_field(great, signed_in):
    case = log(great, issue_date=D("2026-10-01"))
    response = signed_in(great.officer).post(
        url(case, "not-accept"),
        {"reason_code": "over-time-limit", "rationale": "Raised too long after the repair"},
    )
    assert response.status_code == 200
    on_the_field = r'id="[^"]*reason_code[^"]*-error"[^>]*>.*?within the time limit \(it ends 2027-10-01\)'
    assert re.search(on_the_field, response.text, re.S)
    assert "Raised too long after the repair" in response.text
    assert not Decision.objects.filter(case=case).exists()
