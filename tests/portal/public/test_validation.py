"""Every message the question pages give, shown in the error summary and at the field, nothing typed lost."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.portal.public.walk import url

pytestmark = pytest.mark.django_db

REP = {
    "relationship": "Daughter",
    "person_name": "June Taylor",
    "person_type": "resident",
    "authority": "consent_form",
}


def _errors(client, step, data, before=()):
    for earlier, values in before:
        assert client.post(url("great", earlier), values).status_code == 302
    response = client.post(url("great", step), data)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "There is a problem" in page and "<title>Error: " in response.content.decode()
    return page


def _shows(page, message):
    assert page.count(message) == 2, message  # once in the summary, once at the field


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("who", {}, "Select who you are"),
        ("who", {"who": "landlord"}, "Select who you are"),
        ("kind", {}, "Select what you would like to do"),
        ("details", {"what_happened": "  "}, "Enter what happened"),
        ("details", {"what_happened": "x" * 5001}, "What happened must be 5,000 characters or fewer"),
        (
            "details",
            {"what_happened": "ok", "where": "x" * 301},
            "Where it happened must be 300 characters or fewer",
        ),
        ("adjustments", {"adjustments": ["interpreter"]}, "Enter the language you need an interpreter for"),
        ("adjustments", {"adjustments": ["avoid_times"]}, "Enter the times we should avoid"),
        ("adjustments", {"adjustments": ["teleport"]}, "Select from the list"),
    ],
)
def test_single_page_messages(client, great, step, data, message):
    before = [("who", {"who": "resident"})] if step != "who" else []
    if step in ("details", "adjustments"):
        before.append(("kind", {"kind": "compliment"}))
    page = _errors(client, step, data, before)
    assert message in page


def test_repair_message(client, great):
    page = _errors(client, "repair", {}, [("who", {"who": "resident"}), ("kind", {"kind": "repair"})])
    _shows(page, "Select whether you have already reported this repair")


def test_outcome_message(client, great):
    page = _errors(
        client, "outcome", {"outcome": ""}, [("who", {"who": "resident"}), ("kind", {"kind": "complaint"})]
    )
    _shows(page, "Enter what you would like to happen")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter how you know the person, for example their son or their MP"),
        ({}, "Enter their full name"),
        ({}, "Select who they are"),
        ({}, "Select how you will show that you may act for them"),
        (
            {**REP, "person_email": "june"},
            "Enter an email address in the correct format, like name@example.com",
        ),
        ({**REP, "person_phone": "12"}, "Enter a telephone number, like 01632 960 001 or 07700 900 982"),
        ({**REP, "person_postcode": "NOWHERE"}, "Enter a real postcode, like AA1 1AA"),
        ({**REP, "authority": "evidence"}, "Select a file showing that you may act for them"),
    ],
)
def test_representative_messages(client, great, data, message):
    page = _errors(client, "representative", data, [("who", {"who": "representative"})])
    _shows(page, message)


def test_a_wrong_type_of_permission_file_is_refused(client, great):
    upload = SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    page = _errors(
        client,
        "representative",
        {**REP, "authority": "evidence", "authority_file": upload},
        [("who", {"who": "representative"})],
    )
    assert "The selected file must be a PDF, JPG" in page


def _dates(**values):
    return {
        "issue_day": "",
        "issue_month": "",
        "issue_year": "",
        "aware_day": "",
        "aware_month": "",
        "aware_year": "",
        **values,
    }


BEFORE_DATES = [("who", {"who": "resident"}), ("kind", {"kind": "complaint"})]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_dates(aware_not_sure="on"), "Enter the date it happened, or select that you are not sure"),
        (_dates(issue_not_sure="on"), "Enter the date you found out, or select that you are not sure"),
        (
            _dates(
                issue_day="1", issue_month="2", issue_year="2026", issue_not_sure="on", aware_not_sure="on"
            ),
            "Enter the date it happened or select that you are not sure, not both",
        ),
        (
            _dates(issue_day="1", issue_year="2026", aware_not_sure="on"),
            "The date it happened must include a month",
        ),
        (
            _dates(issue_day="31", issue_month="2", issue_year="2026", aware_not_sure="on"),
            "The date it happened must be a real date",
        ),
        (
            _dates(issue_day="a", issue_month="2", issue_year="2026", aware_not_sure="on"),
            "The date it happened must be a real date",
        ),
        (
            _dates(issue_day="1", issue_month="2", issue_year="3000", aware_not_sure="on"),
            "The date it happened must be today or in the past",
        ),
        (
            _dates(
                issue_day="2",
                issue_month="2",
                issue_year="2026",
                aware_day="1",
                aware_month="2",
                aware_year="2026",
            ),
            "The date you found out must be the same as or after the date it happened",
        ),
    ],
)
def test_date_messages(client, great, data, message):
    page = _errors(client, "dates", data, BEFORE_DATES)
    _shows(page, message)


def test_a_date_keeps_what_was_typed(client, great):
    page = _errors(client, "dates", _dates(issue_day="31", issue_month="2", issue_year="2026"), BEFORE_DATES)
    assert 'value="31"' in page and 'value="2026"' in page


BEFORE_CONTACT = [("who", {"who": "resident"}), ("kind", {"kind": "compliment"})]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"preferred": "email"}, "Enter your full name"),
        ({"name": "Sam"}, "Select how you would like us to contact you"),
        (
            {"name": "Sam", "preferred": "email", "email": "sam@"},
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"name": "Sam", "preferred": "phone", "phone": "call me"},
            "Enter a telephone number, like 01632 960 001 or 07700 900 982",
        ),
        (
            {"name": "Sam", "preferred": "post", "address": "1 Road", "postcode": "XYZ"},
            "Enter a real postcode, like AA1 1AA",
        ),
        (
            {"name": "Sam", "preferred": "email"},
            "Enter an email address, a phone number or a postal address and postcode",
        ),
        (
            {"name": "Sam", "preferred": "email", "phone": "01632 960 001"},
            "Enter your email address, or choose another way for us to contact you",
        ),
        (
            {"name": "Sam", "preferred": "phone", "email": "s@example.test"},
            "Enter your phone number, or choose another way for us to contact you",
        ),
        (
            {"name": "Sam", "preferred": "post", "email": "s@example.test", "address": "1 Road"},
            "Enter your address and postcode, or choose another way for us to contact you",
        ),
    ],
)
def test_contact_messages(client, great, data, message):
    page = _errors(client, "contact", data, BEFORE_CONTACT)
    _shows(page, message)


def test_contact_keeps_what_was_typed(client, great):
    page = _errors(
        client, "contact", {"name": "Sam Taylor", "email": "sam@", "preferred": "email"}, BEFORE_CONTACT
    )
    assert 'value="Sam Taylor"' in page and 'value="sam@"' in page


class TestAttachments:
    def _ready(self, client):
        for step, data in [
            ("who", {"who": "resident"}),
            ("kind", {"kind": "compliment"}),
            ("details", {"what_happened": "Great work"}),
            ("adjustments", {}),
            ("contact", {"name": "Sam", "email": "s@example.test", "preferred": "email"}),
        ]:
            assert client.post(url("great", step), data).status_code == 302

    def _upload(self, client, upload):
        return client.post(url("great", "attachments"), {"action": "upload", "file": upload})

    def test_no_file(self, client, great):
        self._ready(client)
        response = client.post(url("great", "attachments"), {"action": "upload"})
        _shows(html.unescape(response.content.decode()), "Select a file to upload")

    def test_wrong_type(self, client, great):
        self._ready(client)
        page = html.unescape(self._upload(client, SimpleUploadedFile("x.exe", b"MZ")).content.decode())
        _shows(
            page,
            "The selected file must be a PDF, JPG, PNG, HEIC, Word (DOCX), Excel (XLSX), OpenDocument text (ODT) or plain text (TXT)",
        )

    def test_disguised(self, client, great):
        self._ready(client)
        page = html.unescape(
            self._upload(client, SimpleUploadedFile("x.pdf", b"MZ not a pdf")).content.decode()
        )
        _shows(page, "The selected file is not a PDF file, whatever its name says")

    def test_empty(self, client, great):
        self._ready(client)
        page = html.unescape(self._upload(client, SimpleUploadedFile("x.pdf", b"")).content.decode())
        _shows(page, "The selected file is empty")

    def test_too_big(self, client, great, settings):
        settings.PUTRIGHT_ATTACHMENT_MAX_BYTES = 1024
        self._ready(client)
        page = html.unescape(
            self._upload(client, SimpleUploadedFile("x.pdf", b"%PDF-1.4" + b"x" * 2000)).content.decode()
        )
        _shows(page, "The selected file must be smaller than 1KB")

    def test_too_many(self, client, great, pdf):
        self._ready(client)
        for n in range(5):
            assert self._upload(client, pdf(f"{n}.pdf")).status_code == 302
        page = html.unescape(self._upload(client, pdf("6.pdf")).content.decode())
        _shows(page, "You can add up to 5 files")


def test_a_permission_file_is_kept_while_other_answers_are_corrected(client, great, pdf):
    client.post(url("great", "who"), {"who": "representative"})
    data = {**REP, "person_name": "", "authority": "evidence", "authority_file": pdf("permission.pdf")}
    page = html.unescape(client.post(url("great", "representative"), data).content.decode())
    assert "Enter their full name" in page
    assert "Select a file showing that you may act for them" not in page
    page = client.get(url("great", "representative")).content.decode()
    assert "Already uploaded: permission.pdf" in page
    response = client.post(url("great", "representative"), {**REP, "authority": "evidence"})
    assert response.status_code == 302


def test_every_missing_answer_on_the_representative_page_shows_at_once(client, great):
    client.post(url("great", "who"), {"who": "representative"})
    page = html.unescape(
        client.post(url("great", "representative"), {"authority": "evidence"}).content.decode()
    )
    assert "Enter their full name" in page and "Select a file showing that you may act for them" in page
