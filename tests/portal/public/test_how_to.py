"""The how-to page and the public logo, per landlord, from each landlord's own policy profile."""

from __future__ import annotations

import html

import pytest
from django.utils import timezone

from putright.organisations.models import LandlordLogo

pytestmark = pytest.mark.django_db


def _page(client, slug):
    response = client.get(f"/feedback/{slug}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_great_places_page_says_what_its_policy_says(client, great):
    great.landlord.phone = "0300 123 1234"
    great.landlord.save()
    page = _page(client, "great")
    assert "Great Places" in page and "0300 123 1234" in page
    assert "Please complain within 12 months of the problem happening." in page
    assert "We will not take more than 10 extra working days without a good reason." in page
    assert "A dispute with a neighbour" in page
    assert "Our housing or anti-social behaviour team deals with it under the tenancy agreement." in page
    staff_words = "dealt with under the tenancy agreement or the Anti-Social Behaviour policy"
    assert staff_words not in page
    assert "The New Homes Ombudsman" in page
    assert "0300 111 3000" in page
    assert "An interpreter in your language, or British Sign Language" in page
    assert 'href="/feedback/great/give-feedback/"' in page


def test_brighter_places_page_says_what_its_policy_says(client, brighter):
    page = _page(client, "brighter")
    assert "Please complain within 6 months of the problem happening." in page
    assert "We will reply in full within 10 working days of recording it." in page
    assert "Anything beyond 20 extra working days needs your agreement." in page
    assert "ask for stage 2 within 15 working days of our reply" in page
    assert "After that time we may not be able to take it to stage 2." in page
    assert "The New Homes Ombudsman" not in page
    assert "Brighter Places Customer Feedback and Complaints Policy (August 2022)" in page


def test_the_page_is_branded_with_the_landlords_colour_and_contact_details(client, great):
    great.landlord.brand_colour = "#6f2c91"
    great.landlord.email = "feedback@great.test"
    great.landlord.save()
    page = _page(client, "great")
    assert "background-color: #6f2c91" in page
    assert 'href="mailto:feedback@great.test"' in page
    assert 'href="https://www.housing-ombudsman.org.uk/"' in page


def test_the_logo_is_public_per_landlord(client, great, brighter):
    LandlordLogo.objects.create(
        landlord=great.landlord,
        image=b"\x89PNG....",
        content_type="image/png",
        width=1,
        height=1,
        uploaded_at=timezone.now(),
    )
    great.landlord.logo_uploaded_at = timezone.now()
    great.landlord.save()
    assert 'src="/feedback/great/logo/?v=' in _page(client, "great")
    response = client.get("/feedback/great/logo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert client.get("/feedback/brighter/logo/").status_code == 404
    assert "/logo/" not in _page(client, "brighter")


def test_an_unknown_landlord_is_not_found(client, great):
    assert client.get("/feedback/nobody/").status_code == 404
    assert client.get("/feedback/nobody/logo/").status_code == 404
