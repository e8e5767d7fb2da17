"""More awkward shapes from real mailboxes: a chain forwarded inline (Outlook's "From: ... Sent: ..." block
rather than an attached message), an embedded image with neither a file name nor a disposition, a winmail.dat
that is the whole email and is labelled application/octet-stream, and headers and file names in non-UTF-8
character sets (windows-1250, KOI8-R, RFC 2231 in ISO-8859-1, an encoded word in an unknown charset)."""

import base64

from django.core.files.storage import default_storage

from putright.cases.models import TimelineEvent
from putright.triage.models import InboundMessage
from putright.triage.parsing import parse_email
from putright.triage.services import email_ingest

from .conftest import MAILBOX, corpus

Status = InboundMessage.Status


def ingest(org, name: str) -> InboundMessage:
    return email_ingest(landlord=org.landlord, mailbox=MAILBOX, raw=corpus(name))


def test_a_chain_forwarded_inline_is_kept_whole_and_joins_the_case_it_quotes(brighter, brighter_case):
    message = ingest(brighter, "forwarded-inline.eml")
    assert (message.status, message.case) == (Status.JOINED_CASE, brighter_case)
    assert message.text_body.startswith("Please look at this again")
    for quoted in ("From: Pat Jones <pat@example.test>", "Still no heating.", "-----Original Message-----"):
        assert quoted in message.text_body
    assert not message.attachments.exists()
    assert message.customer is None  # the councillor forwarding it is not the customer
    event = TimelineEvent.objects.get(case=brighter_case, kind="email_received")
    assert event.after["from_customer"] is False


def test_an_embedded_image_without_a_name_gets_one_from_its_type_and_keeps_its_content_id(brighter):
    message = ingest(brighter, "inline-image-without-a-name.eml")
    assert message.html_text == "The damp is back:"
    [image] = message.attachments.all()
    assert (image.original_name, image.content_type) == ("attachment-1.jpg", "image/jpeg")
    assert (image.content_id, image.inline) == ("part1.3F2A@mail.example.test", True)
    with default_storage.open(image.file.name, "rb") as stored:
        assert stored.read().startswith(b"\xff\xd8\xff")


def test_a_winmail_dat_that_is_the_whole_email_is_stored_for_a_person_to_open(brighter):
    message = ingest(brighter, "winmail-dat-only.eml")
    assert message.status == Status.AWAITING_TRIAGE
    assert (message.text_body, message.html_text) == ("", "")
    [tnef] = message.attachments.all()
    assert (tnef.original_name, tnef.content_type, tnef.refused_reason) == (
        "winmail.dat",
        "application/octet-stream",
        "",
    )
    with default_storage.open(tnef.file.name, "rb") as stored:
        assert stored.read().startswith(b"\x78\x9f\x3e\x22")


def test_windows_1250_koi8_r_and_rfc_2231_iso_8859_1_are_decoded(brighter):
    message = ingest(brighter, "non-utf8-headers-and-filename.eml")
    assert message.from_name == "\u0141ukasz Nowak"
    assert (
        message.subject
        == "\u041f\u043b\u0435\u0441\u0435\u043d\u044c \u0432 \u0432\u0430\u043d\u043d\u043e\u0439"
    )
    assert message.text_body == "Ple\u015b\u0144 w \u0142azience od miesi\u0105ca."
    [quote] = message.attachments.all()
    assert (quote.original_name, quote.content_type) == ("R\u00e9paration_devis.pdf", "application/pdf")
    assert message.problems == []


def test_an_encoded_word_in_an_unknown_charset_is_stored_with_its_readable_words(brighter):
    message = ingest(brighter, "unknown-charset-encoded-word.eml")
    assert message.status == Status.AWAITING_TRIAGE
    assert message.from_address == "cafe@example.test"
    assert message.subject.startswith("Noise from the caf")
    assert message.text_body == "The extractor fan runs all night."


def test_headers_in_an_unknown_charset_are_decoded_alike_with_a_fallback_and_noted(brighter):
    """The subject and the sender's name both keep the "\u00e9" (no U+FFFD), read as Latin-1 after the
    declared charset and UTF-8 fail, and the message's problems say which headers were read that way."""
    message = ingest(brighter, "unknown-charset-encoded-word.eml")
    assert message.subject == "Noise from the caf\u00e9"
    assert message.from_name == "Caf\u00e9 Owner"
    assert message.problems == [
        "The From header is in a character set that could not be read (x-unknown); decoded as Latin-1",
        "The Subject header is in a character set that could not be read (x-unknown); decoded as Latin-1",
    ]


def test_an_unknown_charset_word_that_is_utf8_is_read_as_utf8():
    raw = (
        b"From: a@example.test\r\nSubject: =?x-unknown?B?"
        + base64.b64encode("Moisissure \u00e0 la cuisine".encode())
        + b"?=\r\nMessage-ID: <u@example.test>\r\n\r\nBody\r\n"
    )
    parsed = parse_email(raw)
    assert parsed.subject == "Moisissure \u00e0 la cuisine"
    assert parsed.problems == [
        "The Subject header is in a character set that could not be read (x-unknown); decoded as UTF-8"
    ]
