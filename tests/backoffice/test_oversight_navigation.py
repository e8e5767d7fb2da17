"""The oversight pages link to each other, and only to those the person may open."""

from __future__ import annotations

import re

from django.test import Client

from putright.accounts.models import Role
from tests.backoffice.administration.conftest import verified
from tests.factories import make_staff


def subnav(body: str) -> list[str]:
    nav = body[body.index('aria-label="Oversight"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'class="moj-sub-navigation__link" href="[^"]+"[^>]*>([^<]+)<', nav)


def test_report_readers_see_every_oversight_page_with_the_current_one_marked(client, great):
    body = verified(client, great.officer).get("/landlords/great/reports/tsm/").content.decode()
    assert subnav(body) == [
        "Tenant Satisfaction Measures",
        "Board pack",
        "Learning log",
        "Ombudsman",
        "Self-assessment and annual report",
    ]
    assert re.search(r'href="/landlords/great/reports/tsm/" aria-current="page"', body)


def test_people_who_may_not_read_reports_see_only_the_ombudsman_link(great):
    housing = make_staff(great.landlord, "oversight-housing@great.test", Role.HOUSING_MANAGER)
    body = verified(Client(), housing).get("/landlords/great/ombudsman/").content.decode()
    assert subnav(body) == ["Ombudsman"]
