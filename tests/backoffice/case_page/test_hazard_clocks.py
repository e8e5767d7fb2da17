"""An Awaab's Law hazard duty past its due date and not recorded done shows as overdue on the case page."""

from __future__ import annotations

import re

from putright.cases.models import Case
from tests.backoffice.case_page.conftest import log, page_url
from tests.factories import at


def test_awaab_hazard_duty_overdue_shows_on_the_case_page(client, great):
    case = log(great, hazard_kind="damp-mould", hazard_aware_at=at("2026-11-02"))
    Case.objects.filter(pk=case.pk).update(
        hazard_due={"investigate": "2026-01-05", "make_safe": "2026-01-06", "summary": "2999-01-04"},
        hazard_done={"make_safe": "2026-01-06"},
    )
    client.force_login(great.officer)
    text = client.get(page_url(case)).text
    rows = re.findall(r'<tr class="govuk-table__row"><td[^>]*data-label="Duty">(.*?)</tr>', text, re.S)
    states = [re.sub(r"<[^>]+>", " ", row).split()[-1] for row in rows]
    assert states == ["Overdue", "2026", "Running"]
