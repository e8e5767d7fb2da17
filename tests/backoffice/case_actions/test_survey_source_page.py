"""The satisfaction page asks how the customer answered (a phone call preselected), and the case page shows it."""

import pytest

from putright.cases import services
from putright.cases.models import Satisfaction

from .conftest import acknowledge, log, respond, url

pytestmark = pytest.mark.django_db


def test_the_satisfaction_page_records_how_the_customer_answered_and_the_case_page_shows_it(great, signed_in):
    case = respond(great, acknowledge(great, log(great)))
    services.case_close(landlord=great.landlord, actor=great.officer, case_id=case.pk, lesson="none")
    client = signed_in(great.officer)
    page = client.get(url(case, "satisfaction")).text
    assert "How did the customer answer?" in page
    assert 'value="phone" checked' in page.replace('checked=""', "checked")
    assert "Resident portal" not in page
    response = client.post(url(case, "satisfaction"), {"score": "4", "source": "paper", "comment": ""})
    assert response.status_code == 302
    assert Satisfaction.objects.get(case=case).source == "paper"
    case_page = client.get(f"/landlords/great/cases/{case.reference}/").text
    assert "4 out of 5 on" in case_page and "(paper form)" in case_page
