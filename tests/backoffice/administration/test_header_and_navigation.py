"""The staff header wears the landlord's branding and the navigation links to that landlord's pages:
the landlord the page is about, else the person's only landlord; Administration only for its
administrators; nothing landlord-specific for someone at several landlords until they open one."""

from __future__ import annotations

import re

from django.test import Client

from putright.accounts.models import Role
from putright.organisations.models import Landlord
from tests.backoffice.administration.conftest import verified
from tests.factories import make_staff


def nav(body: str) -> list[str]:
    menu = body[body.index('<ul id="navigation"') : body.index("</nav>")]
    return re.findall(r'class="govuk-header__link[^"]*"(?: href="([^"]+)")?>([^<]+)<', menu)


def test_staff_at_one_landlord_get_its_links_and_branding_everywhere(client, brighter):
    Landlord.objects.filter(pk=brighter.landlord.pk).update(brand_colour="#00703c")
    body = verified(client, brighter.officer).get("/work/").content.decode()
    links = nav(body)
    assert ("/landlords/brighter/feedback/new/", "Log feedback") in links
    assert ("/landlords/brighter/customers/", "Customers") in links
    assert not any(text == "Administration" for _, text in links)
    assert 'style="background-color: #00703c;' in body and "at Brighter Places" in body


def test_administrators_get_the_administration_link(admin_client):
    links = nav(admin_client.get("/work/").content.decode())
    assert ("/landlords/brighter/admin/", "Administration") in links


def test_people_at_several_landlords_get_the_landlord_of_the_page(client, brighter, great):
    person = make_staff(great.landlord, brighter.officer.email, Role.ADMINISTRATOR)
    Landlord.objects.filter(pk=great.landlord.pk).update(brand_colour="#6f2c91")
    as_person = verified(client, person)
    work = as_person.get("/work/").content.decode()
    assert [text for _, text in nav(work)] == ["My work", "Sign out"]
    assert "background-color" not in work[: work.index("</header>")]
    great_page = as_person.get("/landlords/great/cases/").content.decode()
    assert ("/landlords/great/admin/", "Administration") in nav(great_page)
    assert "at Great Places" in great_page and 'style="background-color: #6f2c91;' in great_page
    brighter_page = as_person.get("/landlords/brighter/cases/").content.decode()
    assert ("/landlords/brighter/feedback/new/", "Log feedback") in nav(brighter_page)
    assert not any(text == "Administration" for _, text in nav(brighter_page))  # an officer there


def test_signed_out_people_see_no_landlord(client: Client, brighter):
    body = client.get("/").content.decode()
    assert [text for _, text in nav(body)] == ["Sign in"]
    assert "at Brighter Places" not in body


def test_links_follow_the_roles_log_feedback_and_email_for_loggers_reports_for_readers(client, brighter):
    officer = [text for _, text in nav(verified(client, brighter.officer).get("/work/").content.decode())]
    assert officer == [
        "My work",
        "Log feedback",
        "Email",
        "Customers",
        "Reports",
        "Notifications (0)",
        "Sign out",
    ]
    board = make_staff(brighter.landlord, "nav-board@brighter.test", Role.BOARD)
    links = [text for _, text in nav(verified(Client(), board).get("/work/").content.decode())]
    assert links == [
        "My work",
        "Customers",
        "Reports",
        "Notifications (0)",
        "Sign out",
    ]  # read only: nothing to log
    housing = make_staff(brighter.landlord, "nav-housing@brighter.test", Role.HOUSING_MANAGER)
    links = [text for _, text in nav(verified(Client(), housing).get("/work/").content.decode())]
    assert links == ["My work", "Log feedback", "Email", "Customers", "Notifications (0)", "Sign out"]
