"""The rest of the question pages' messages, one test each: every limit on a text box, the choices that are
not on the list, the second date's own checks, and the permission file's type, size and emptiness. Each is
shown in the error summary and at the field, and nothing typed is lost (test_validation.py has the others)."""

from __future__ import annotations

import html
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.portal.public.steps import AttachmentsForm
from tests.portal.public.test_validation import (
    BEFORE_CONTACT,
    BEFORE_DATES,
    REP,
    _dates,
    _errors,
    _shows,
)
from tests.portal.public.walk import url

pytestmark = pytest.mark.django_db

AS_REPRESENTATIVE = [("who", {"who": "representative"})]
BEFORE_ADJUSTMENTS = [("who", {"who": "resident"}), ("kind", {"kind": "compliment"})]
CONTACT = {"name": "Sam", "email": "sam@example.test", "preferred": "email"}
EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
TOO_LONG_EMAIL = "a" * 250 + "@example.test"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**REP, "relationship": "x" * 101}, "How you know them must be 100 characters or fewer"),
        ({**REP, "person_name": "x" * 201}, "Their full name must be 200 characters or fewer"),
        ({**REP, "person_type": "landlord"}, "Select who they are"),
        ({**REP, "person_address": "x" * 501}, "Their address must be 500 characters or fewer"),
        ({**REP, "person_postcode": "M21 7QPXXXXX"}, "Their postcode must be 10 characters or fewer"),
        ({**REP, "person_email": TOO_LONG_EMAIL}, EMAIL_FORMAT),
        ({**REP, "person_phone": "0" * 21}, "Their phone number must be 20 characters or fewer"),
        ({**REP, "authority": "trust_me"}, "Select how you will show that you may act for them"),
    ],
)
def test_representative_limits(client, great, data, message):
    page = _errors(client, "representative", data, AS_REPRESENTATIVE)
    _shows(page, message)


def _permission(client, upload):
    data = {**REP, "authority": "evidence", "authority_file": upload}
    return _errors(client, "representative", data, AS_REPRESENTATIVE)


def test_an_empty_permission_file_is_refused(client, great):
    page = _permission(client, SimpleUploadedFile("permission.pdf", b""))
    _shows(page, "The selected file is empty")


def test_a_permission_file_over_the_size_limit_is_refused(client, great, settings):
    settings.PUTRIGHT_ATTACHMENT_MAX_BYTES = 1024
    page = _permission(client, SimpleUploadedFile("permission.pdf", b"%PDF-1.4" + b"x" * 2000))
    _shows(page, "The selected file must be smaller than 1KB")


def test_a_permission_file_that_is_not_what_its_name_says_is_refused(client, great):
    page = _permission(client, SimpleUploadedFile("permission.pdf", b"MZ a program"))
    _shows(page, "The selected file is not a PDF file, whatever its name says")
    assert 'value="June Taylor"' in page  # what was typed is kept


def test_kind_not_on_the_list(client, great):
    page = _errors(client, "kind", {"kind": "refund"}, [("who", {"who": "resident"})])
    _shows(page, "Select what you would like to do")


def test_repair_answer_not_on_the_list(client, great):
    before = [("who", {"who": "resident"}), ("kind", {"kind": "repair"})]
    page = _errors(client, "repair", {"repair_reported": "maybe"}, before)
    _shows(page, "Select whether you have already reported this repair")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _dates(issue_month="2", aware_not_sure="on"),
            "The date it happened must include a day and a year",
        ),
        (
            _dates(issue_day="1", issue_month="2", issue_year="26", aware_not_sure="on"),
            "The date it happened must be a real date",
        ),
        (
            _dates(issue_not_sure="on", aware_day="1", aware_year="2026"),
            "The date you found out must include a month",
        ),
        (
            _dates(issue_not_sure="on", aware_day="30", aware_month="13", aware_year="2026"),
            "The date you found out must be a real date",
        ),
        (
            _dates(issue_not_sure="on", aware_day="1", aware_month="1", aware_year="3000"),
            "The date you found out must be today or in the past",
        ),
        (
            _dates(
                issue_not_sure="on",
                aware_day="1",
                aware_month="1",
                aware_year="2026",
                aware_not_sure="on",
            ),
            "Enter the date you found out or select that you are not sure, not both",
        ),
    ],
)
def test_more_date_messages(client, great, data, message):
    page = _errors(client, "dates", data, BEFORE_DATES)
    _shows(page, message)


def test_both_dates_wrong_show_both_messages(client, great):
    data = _dates(issue_day="1", issue_month="1", issue_year="3000", aware_day="40", aware_month="1")
    page = _errors(client, "dates", {**data, "aware_year": "2026"}, BEFORE_DATES)
    _shows(page, "The date it happened must be today or in the past")
    _shows(page, "The date you found out must be a real date")


def test_outcome_too_long(client, great):
    page = _errors(client, "outcome", {"outcome": "x" * 2001}, BEFORE_DATES)
    _shows(page, "What you would like to happen must be 2,000 characters or fewer")
    assert "x" * 2001 in page  # kept to correct


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"adjustments": ["interpreter"], "interpreter_language": "x" * 61},
            "The language must be 60 characters or fewer",
        ),
        (
            {"adjustments": ["named_contact"], "named_contact_name": "x" * 101},
            "The name must be 100 characters or fewer",
        ),
        (
            {"adjustments": ["avoid_times"], "avoid_times": "x" * 201},
            "The times to avoid must be 200 characters or fewer",
        ),
    ],
)
def test_adjustment_limits(client, great, data, message):
    page = _errors(client, "adjustments", data, BEFORE_ADJUSTMENTS)
    _shows(page, message)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**CONTACT, "name": "x" * 201}, "Your full name must be 200 characters or fewer"),
        ({**CONTACT, "email": TOO_LONG_EMAIL}, EMAIL_FORMAT),
        ({**CONTACT, "phone": "0" * 21}, "Phone number must be 20 characters or fewer"),
        (
            {**CONTACT, "phone": "0163 296"},
            "Enter a telephone number, like 01632 960 001 or 07700 900 982",
        ),
        ({**CONTACT, "address": "x" * 501}, "Postal address must be 500 characters or fewer"),
        ({**CONTACT, "postcode": "M21 7QPXXXXX"}, "Postcode must be 10 characters or fewer"),
        ({**CONTACT, "preferred": "pigeon"}, "Select how you would like us to contact you"),
    ],
)
def test_contact_limits(client, great, data, message):
    page = _errors(client, "contact", data, BEFORE_CONTACT)
    _shows(page, message)


def test_a_file_that_arrives_without_a_name_could_not_be_uploaded():
    form = AttachmentsForm({}, {"file": SimpleNamespace(name="", size=8)})
    assert not form.is_valid()
    assert form.errors["file"] == ["The selected file could not be uploaded: try again"]


def test_a_very_long_file_name_is_shortened_not_refused(client, great, pdf):
    for step, data in [
        ("who", {"who": "resident"}),
        ("kind", {"kind": "compliment"}),
        ("details", {"what_happened": "Great work"}),
        ("adjustments", {}),
        ("contact", CONTACT),
    ]:
        assert client.post(url("great", step), data).status_code == 302
    response = client.post(url("great", "attachments"), {"action": "upload", "file": pdf("x" * 300 + ".pdf")})
    assert response.status_code == 302
    page = html.unescape(client.get(url("great", "attachments")).content.decode())
    kept = client.session[f"portal-feedback-{great.landlord.pk}"]["files"]
    assert len(kept) == 1 and kept[0]["name"].endswith(".pdf") and len(kept[0]["name"]) <= 200
    assert kept[0]["name"] in page
