"""Branding: the name shown, a brand colour that keeps white text readable in the header, contact details,
and a PNG or JPEG logo (never SVG), shown in the staff header of the landlord's pages."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from putright.accounts.models import AdministrationEvent
from putright.organisations.models import Landlord, LandlordLogo
from tests.backoffice.administration.conftest import verified

BRANDING = "/landlords/brighter/admin/branding/"
LOGO = "/landlords/brighter/admin/branding/logo/"


def image(fmt: str, size: tuple[int, int] = (120, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 112, 60)).save(out, format=fmt)
    return out.getvalue()


PNG = image("PNG")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def upload(client: Client, content: bytes, name: str = "logo.png", *, follow: bool = False):
    return client.post(LOGO, {"logo": SimpleUploadedFile(name, content), "action": "upload"}, follow=follow)


def details(**changes: str) -> dict[str, str]:
    return {
        "name": "Brighter Places",
        "brand_colour": "#00703c",
        "email": "complaints@brighter.test",
        "phone": "0300 123 4567",
        "address": "1 High Street\nBrighton",
        "website": "https://brighter.test",
        **changes,
    }


def test_saving_branding_changes_the_landlord_says_so_and_is_audited(admin_client, brighter):
    response = admin_client.post(BRANDING, details(name="Brighter Places Housing"), follow=True)
    body = response.content.decode()
    assert "Branding and contact details saved" in body
    landlord = Landlord.objects.get(pk=brighter.landlord.pk)
    assert (landlord.name, landlord.brand_colour, landlord.phone) == (
        "Brighter Places Housing",
        "#00703c",
        "0300 123 4567",
    )
    event = AdministrationEvent.objects.get(kind="branding.changed")
    assert event.before["name"] == "Brighter Places" and event.after["name"] == "Brighter Places Housing"
    # the header now wears the colour, and names the landlord
    assert 'style="background-color: #00703c;' in body
    assert "at Brighter Places Housing" in body


def test_a_colour_too_light_for_white_text_is_refused_and_the_form_keeps_what_was_typed(
    admin_client, brighter
):
    response = admin_client.post(BRANDING, details(brand_colour="#f47738", phone="0111 222 3333"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and "2.8 to 1, below the 4.5 to 1" in body
    assert 'href="#id_brand_colour"' in body
    assert 'value="#f47738"' in body and 'value="0111 222 3333"' in body
    assert body.startswith("<!DOCTYPE html>") and "<title>Error: " in body
    landlord = Landlord.objects.get(pk=brighter.landlord.pk)
    assert landlord.brand_colour == "#1d70b8" and landlord.phone == ""
    assert not AdministrationEvent.objects.exists()


def test_a_colour_that_is_not_hex_is_refused(admin_client):
    body = admin_client.post(BRANDING, details(brand_colour="red")).content.decode()
    assert "Enter the colour as # and six hex digits, like #1d70b8" in body


def test_a_bad_email_or_website_is_refused_in_govuk_style(admin_client):
    body = admin_client.post(BRANDING, details(email="nope", website="not a site")).content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in body
    assert "Enter the website address in the correct format" in body


def test_a_png_logo_is_stored_served_and_shown_in_the_header(admin_client, brighter):
    response = upload(admin_client, PNG, follow=True)
    body = response.content.decode()
    assert "Logo uploaded" in body
    assert 'class="putright-header-logo" src="/landlords/brighter/logo/?v=' in body
    served = admin_client.get("/landlords/brighter/logo/")
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join([served.content]) == PNG
    assert AdministrationEvent.objects.filter(kind="branding.logo").count() == 1


def test_a_jpeg_logo_is_accepted(admin_client):
    upload(admin_client, image("JPEG"), "logo.jpg")
    assert LandlordLogo.objects.get().content_type == "image/jpeg"


def test_svg_gif_and_files_named_png_that_are_not_images_are_refused(admin_client, brighter):
    for content, name in (
        (SVG, "logo.svg"),
        (SVG, "logo.png"),
        (image("GIF"), "logo.gif"),
        (b"hello", "x.png"),
    ):
        body = upload(admin_client, content, name).content.decode()
        assert "The logo must be a PNG or JPEG image" in body, name
    assert not LandlordLogo.objects.exists()
    assert Landlord.objects.get(pk=brighter.landlord.pk).logo_uploaded_at is None


def test_a_logo_too_large_is_refused(admin_client):
    huge = image("PNG", (2100, 10))
    assert "at most 2000 pixels" in upload(admin_client, huge).content.decode()
    noisy = io.BytesIO()
    Image.frombytes("RGB", (600, 600), bytes(range(256)) * 4218 + bytes(192)).save(noisy, format="PNG")
    body = upload(admin_client, noisy.getvalue() + b"\0" * 600_000).content.decode()
    assert "smaller than 500 KB" in body


def test_no_file_chosen_is_an_error(admin_client):
    body = admin_client.post(LOGO, {}).content.decode()
    assert "Select a PNG or JPEG image" in body and 'href="#id_logo"' in body


def test_removing_the_logo(admin_client, brighter):
    upload(admin_client, PNG)
    body = admin_client.post(LOGO, {"action": "remove"}, follow=True).content.decode()
    assert "Logo removed" in body and 'class="putright-header-logo"' not in body
    assert admin_client.get("/landlords/brighter/logo/").status_code == 404


def test_the_header_keeps_the_default_colour_when_a_stored_colour_is_unreadable(client, brighter):
    Landlord.objects.filter(pk=brighter.landlord.pk).update(brand_colour="#f47738")
    body = verified(client, brighter.officer).get("/work/").content.decode()
    assert "background-color: #f47738" not in body
    assert "at Brighter Places" in body
