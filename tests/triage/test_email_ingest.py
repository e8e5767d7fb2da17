"""Email intake: each rule of `email_ingest`, on the corpus of awkward real-world shapes in corpus/."""

import os
from email.message import EmailMessage

import pytest
from django.core.files.storage import default_storage

from putright.cases.models import TimelineEvent
from putright.customers.models import Customer
from putright.triage import services
from putright.triage.models import InboundMessage
from putright.triage.services import email_ingest

from .conftest import MAILBOX, corpus

Status = InboundMessage.Status


def ingest(org, raw: bytes) -> InboundMessage:
    return email_ingest(landlord=org.landlord, mailbox=MAILBOX, raw=raw)


def simple(headers: dict[str, str], body: str = "Hello") -> bytes:
    message = EmailMessage()
    message["From"] = "Alex Morgan <alex@example.test>"
    message["To"] = MAILBOX
    message["Subject"] = "A question"
    message["Date"] = "Mon, 16 Nov 2026 09:00:00 +0000"
    message["Message-ID"] = "<simple-1@mail.example.test>"
    for name, value in headers.items():
        del message[name]
        message[name] = value
    message.set_content(body)
    return message.as_bytes()


# -- storing what arrived --------------------------------------------------------------------------------


def test_a_new_email_is_stored_awaiting_triage_with_the_sender_matched_to_the_customer(brighter):
    message = ingest(brighter, corpus("plain.eml"))
    assert message.status == Status.AWAITING_TRIAGE
    assert message.landlord == brighter.landlord
    assert message.mailbox == MAILBOX
    assert message.message_id == "<plain-1@mail.example.test>"
    assert (message.from_address, message.from_name) == ("alex@example.test", "Alex Morgan")
    assert message.to == "complaints@brighter.test"
    assert message.subject == "Broken boiler since Friday"
    assert message.sent_at.isoformat() == "2026-11-16T09:12:00+00:00"
    assert "nobody has come" in message.text_body
    assert message.customer == brighter.customer
    assert message.case is None
    assert not message.duplicate


def test_the_raw_message_is_kept_in_storage_byte_for_byte(brighter):
    raw = corpus("plain.eml")
    message = ingest(brighter, raw)
    assert message.raw.name.startswith(f"triage/brighter/{message.pk}/")
    with default_storage.open(message.raw.name, "rb") as stored:
        assert stored.read() == raw
    assert message.raw_size == len(raw)
    assert len(message.raw_sha256) == 64


def test_the_same_email_ingested_twice_is_stored_once(brighter):
    first = ingest(brighter, corpus("plain.eml"))
    second = ingest(brighter, corpus("plain.eml"))
    assert second.pk == first.pk
    assert second.duplicate
    assert InboundMessage.objects.count() == 1
    folders, files = default_storage.listdir("triage/brighter")
    assert (folders, files) == ([str(first.pk)], [])  # nothing of the second copy was written


def test_the_same_email_sent_to_two_landlords_is_stored_for_each(brighter, great):
    ours = ingest(brighter, corpus("plain.eml"))
    theirs = email_ingest(landlord=great.landlord, mailbox="complaints@great.test", raw=corpus("plain.eml"))
    assert ours.pk != theirs.pk
    assert theirs.landlord == great.landlord
    assert theirs.customer == great.customer  # their own customer with that address, never ours


def test_a_sender_shared_by_two_customers_is_matched_to_nobody(brighter):
    Customer.objects.create(landlord=brighter.landlord, name="Alex Morgan Jr", email="ALEX@example.test")
    message = ingest(brighter, corpus("plain.eml"))
    assert message.customer is None
    assert message.status == Status.AWAITING_TRIAGE


def test_another_landlords_customer_is_never_matched(brighter, great):
    Customer.objects.filter(landlord=brighter.landlord).update(email="someone.else@example.test")
    message = ingest(brighter, corpus("plain.eml"))
    assert message.customer is None


# -- awkward shapes --------------------------------------------------------------------------------------


def test_html_is_kept_as_text_only_without_scripts_styles_or_tags(brighter):
    message = ingest(brighter, corpus("html-with-script.eml"))
    assert message.status == Status.AWAITING_TRIAGE
    assert "There is black mould on the bedroom wall." in message.html_text
    assert message.text_body == message.html_text  # no plain part: the HTML's text stands in
    assert "See photos" in message.html_text  # a link's words, not its address
    for hostile in ("<", "document.cookie", "alert", "javascript:", "color: red", "evil.example"):
        assert hostile not in message.html_text


def test_multipart_alternative_keeps_the_plain_part_and_the_html_as_text(brighter):
    message = ingest(brighter, corpus("multipart-alternative.eml"))
    assert message.text_body == "The bins at Elm Court have not been emptied for three weeks."
    assert message.html_text == "The bins at Elm Court have not been emptied for three weeks."
    assert not message.attachments.exists()


def test_a_forwarded_chain_keeps_the_forwarded_message_whole_as_one_attachment(brighter):
    message = ingest(brighter, corpus("forwarded-chain.eml"))
    assert message.status == Status.AWAITING_TRIAGE
    assert "asked me to help" in message.text_body
    [forwarded] = message.attachments.all()
    assert (forwarded.original_name, forwarded.content_type) == ("Leaking_roof.eml", "message/rfc822")
    with default_storage.open(forwarded.file.name, "rb") as stored:
        kept = stored.read()
    assert b"Subject: Leaking roof at 4 Oak Road" in kept
    assert b'filename="roof.png"' in kept  # the forwarded message's own attachment stays inside it
    assert forwarded.size == len(kept)


def test_inline_images_are_stored_with_their_content_id(brighter):
    message = ingest(brighter, corpus("inline-image.eml"))
    assert message.html_text == "Here is the window:"
    [image] = message.attachments.all()
    assert (image.original_name, image.content_type) == ("image001.png", "image/png")
    assert (image.content_id, image.inline) == ("window.001@mail.example.test", True)
    with default_storage.open(image.file.name, "rb") as stored:
        assert stored.read().startswith(b"\x89PNG\r\n\x1a\n")


def test_winmail_dat_is_stored_as_an_attachment_and_not_parsed(brighter):
    message = ingest(brighter, corpus("winmail-dat.eml"))
    [tnef] = message.attachments.all()
    assert (tnef.original_name, tnef.content_type, tnef.refused_reason) == (
        "winmail.dat",
        "application/ms-tnef",
        "",
    )
    assert tnef.file.name.endswith(".dat")
    with default_storage.open(tnef.file.name, "rb") as stored:
        assert stored.read().startswith(b"\x78\x9f\x3e\x22")  # the TNEF signature, untouched


def test_rfc2047_iso_8859_1_and_windows_1252_headers_are_decoded(brighter):
    message = ingest(brighter, corpus("encoded-headers.eml"))
    assert message.from_name == "Renée François"
    assert message.subject == "\u201cRepairs\u201d not done \u2013 £200 spent"
    assert message.text_body == "J'ai dépensé £200 sur les réparations."
    assert message.problems == []


def test_raw_8bit_headers_and_an_unknown_body_charset_are_read_as_windows_1252_and_noted(brighter):
    message = ingest(brighter, corpus("raw-8bit-headers.eml"))
    assert message.status == Status.AWAITING_TRIAGE
    assert message.from_name == "Zoë Brûlé"
    assert message.subject == "Café next door \u2013 noise every night"
    assert message.text_body == "The café plays music until 2am \u2013 every night."
    assert (
        "The Subject header has unencoded 8-bit characters; read as UTF-8 or Windows-1252" in message.problems
    )
    assert any("unknown charset" in problem for problem in message.problems)


def test_a_missing_date_is_stored_without_one(brighter):
    message = ingest(brighter, corpus("missing-date.eml"))
    assert message.sent_at is None
    assert message.received_at is not None
    assert message.status == Status.AWAITING_TRIAGE


def test_an_unreadable_date_is_stored_without_one_and_noted(brighter):
    message = ingest(brighter, simple({"Date": "the day before yesterday"}))
    assert message.sent_at is None
    assert "The Date header is not a date" in message.problems


def test_a_missing_message_id_is_derived_from_a_hash_of_the_bytes_and_stable(brighter):
    raw = corpus("missing-message-id.eml")
    message = ingest(brighter, raw)
    assert message.message_id.startswith("<sha256-") and message.message_id.endswith("@putright.invalid>")
    assert ingest(brighter, raw).pk == message.pk
    other = ingest(brighter, raw.replace(b"old mail program", b"older mail program"))
    assert other.pk != message.pk


def test_attachments_are_stored_under_safe_names_with_type_and_size(brighter, brighter_case):
    message = ingest(brighter, corpus("reply-with-case-reference.eml"))
    [photo] = message.attachments.all()
    assert photo.original_name == "kitchen_photo.jpg"  # no folders, no spaces
    assert (photo.content_type, photo.size) == ("image/jpeg", 28)
    assert photo.file.name.startswith(f"triage/brighter/{message.pk}/")
    assert "kitchen" not in photo.file.name  # stored under a name PutRight chose
    assert photo.file.name.endswith(".jpg")


def test_an_oversized_attachment_is_refused_with_the_reason_and_the_message_kept(brighter, settings):
    message = EmailMessage()
    message["From"] = "alex@example.test"
    message["Subject"] = "Video of the leak"
    message["Message-ID"] = "<huge-1@mail.example.test>"
    message.set_content("The video is attached.")
    limit = settings.PUTRIGHT_EMAIL_ATTACHMENT_MAX_BYTES
    message.add_attachment(os.urandom(limit + 1), maintype="video", subtype="mp4", filename="leak.mp4")
    message.add_attachment(b"%PDF-1.7 small", maintype="application", subtype="pdf", filename="note.pdf")
    stored = ingest(brighter, message.as_bytes())
    assert stored.status == Status.AWAITING_TRIAGE
    assert stored.text_body == "The video is attached."
    video, note = stored.attachments.order_by("pk")
    assert (video.original_name, video.size, video.file.name) == ("leak.mp4", limit + 1, "")
    assert video.refused_reason == "Not kept: it is 20,971,521 bytes, over the 20MB limit"
    assert note.refused_reason == "" and note.file.name


def test_an_oversized_message_is_rejected_with_the_reason_and_not_kept(brighter, settings):
    settings.PUTRIGHT_EMAIL_MAX_BYTES = 2048
    raw = simple({"Subject": "Too long"}, body="x" * 3000)
    message = ingest(brighter, raw)
    assert message.status == Status.REJECTED
    assert message.reason == f"The message is {len(raw):,} bytes, over the 2KB limit"
    assert (message.subject, message.from_name, message.from_address) == (
        "Too long",
        "Alex Morgan",
        "alex@example.test",
    )
    assert message.raw.name == ""
    assert message.raw_size == len(raw)


def test_an_empty_file_is_rejected_with_the_reason(brighter):
    message = ingest(brighter, b"\r\n  \n")
    assert (message.status, message.reason) == (Status.REJECTED, "The message is empty")


def test_bytes_that_are_not_an_email_are_rejected_with_the_reason(brighter):
    message = ingest(brighter, bytes(range(256)) * 4)
    assert message.status == Status.REJECTED
    assert message.reason == "This is not an email: it has no headers"
    assert message.raw.name  # kept for a person to look at


def test_a_failure_while_reading_is_recorded_as_a_rejection_and_logged_not_raised(
    brighter, monkeypatch, caplog
):
    def broken(raw):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(services, "parse_email", broken)
    message = ingest(brighter, corpus("plain.eml"))
    assert message.status == Status.REJECTED
    assert (
        message.reason == "The message could not be read (RecursionError: maximum recursion depth exceeded)"
    )
    assert message.message_id == "<plain-1@mail.example.test>"
    assert message.subject == "Broken boiler since Friday"
    assert "rejected a message for brighter" in caplog.text


@pytest.mark.parametrize("cut", [10, 200, 500, 900, 1400])
def test_a_truncated_message_is_stored_not_raised(brighter, cut):
    raw = corpus("forwarded-chain.eml")[:cut]
    message = ingest(brighter, raw)
    assert message.pk is not None
    assert message.status in (Status.AWAITING_TRIAGE, Status.REJECTED)


# -- auto-replies, bounces and loops ---------------------------------------------------------------------


def test_an_auto_reply_is_ignored_and_never_joins_a_case(brighter, brighter_case):
    message = ingest(brighter, corpus("auto-reply.eml"))
    assert (message.status, message.ignored_as) == (Status.IGNORED, "auto_reply")
    assert message.reason == "Auto-Submitted: auto-replied"
    assert message.case is None
    assert not TimelineEvent.objects.filter(case=brighter_case, kind="email_received").exists()


def test_an_out_of_office_subject_without_auto_reply_headers_is_not_ignored(brighter):
    message = ingest(brighter, corpus("out-of-office-written-by-hand.eml"))
    assert message.status == Status.AWAITING_TRIAGE


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("Auto-Submitted", "auto-generated", "Auto-Submitted: auto-generated"),
        ("X-Autoreply", "yes", "it carries an X-Autoreply header"),
        ("X-Autorespond", "Out of office", "it carries an X-Autorespond header"),
        ("Precedence", "bulk", "Precedence: bulk"),
        ("Precedence", "junk", "Precedence: junk"),
        ("Precedence", "List", "Precedence: list"),
    ],
)
def test_auto_reply_headers_mark_an_auto_reply(brighter, header, value, reason):
    message = ingest(brighter, simple({header: value}))
    assert (message.status, message.ignored_as, message.reason) == (Status.IGNORED, "auto_reply", reason)


def test_auto_submitted_no_is_a_person_writing(brighter):
    message = ingest(brighter, simple({"Auto-Submitted": "no", "Precedence": "first-class"}))
    assert message.status == Status.AWAITING_TRIAGE


def test_a_dsn_bounce_is_ignored_as_a_bounce(brighter, brighter_case):
    message = ingest(brighter, corpus("dsn-bounce.eml"))
    assert (message.status, message.ignored_as) == (Status.IGNORED, "bounce")
    assert message.reason == "it is a delivery status report (multipart/report)"
    assert message.case is None  # the reference in the report never joins the case
    assert message.attachments.get(content_type="message/delivery-status").size > 0


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"From": "MAILER-DAEMON@mx.example.test"}, "it is from MAILER-DAEMON"),
        ({"From": "Postmaster <postmaster@example.test>"}, "it is from POSTMASTER"),
        ({"Return-Path": "<>"}, "its Return-Path is empty (the null sender of bounces)"),
    ],
)
def test_bounce_senders_and_the_null_return_path_mark_a_bounce(brighter, headers, reason):
    message = ingest(brighter, simple(headers))
    assert (message.status, message.ignored_as, message.reason) == (Status.IGNORED, "bounce", reason)


def test_a_read_receipt_is_an_auto_reply_not_a_bounce(brighter):
    raw = corpus("dsn-bounce.eml").replace(
        b"report-type=delivery-status", b"report-type=disposition-notification"
    )
    raw = raw.replace(b"Return-Path: <>\r\n", b"").replace(b"MAILER-DAEMON@", b"alex@")
    raw = raw.replace(b"Auto-Submitted: auto-replied\r\n", b"")
    message = ingest(brighter, raw)
    assert (message.ignored_as, message.reason) == (
        "auto_reply",
        "it is a read receipt (disposition notification)",
    )


def test_the_loop_header_marks_a_loop(brighter):
    message = ingest(brighter, corpus("loop.eml"))
    assert (message.status, message.ignored_as) == (Status.IGNORED, "loop")
    assert message.reason == "it carries our X-PutRight-Loop header"


def test_one_of_our_own_letters_coming_back_is_a_loop(brighter):
    message = ingest(brighter, simple({"X-PutRight-Delivery": "17"}))
    assert (message.ignored_as, message.reason) == (
        "loop",
        "it is one of our own letters (X-PutRight-Delivery header)",
    )


@pytest.mark.parametrize(
    "sender", ["PutRight <no-reply@putright.invalid>", "Complaints <COMPLAINTS@brighter.test>"]
)
def test_mail_from_our_own_address_or_the_mailbox_itself_is_a_loop(brighter, sender):
    message = ingest(brighter, simple({"From": sender}))
    assert (message.status, message.ignored_as) == (Status.IGNORED, "loop")


# -- replies that join a case ----------------------------------------------------------------------------


def test_a_reply_with_a_case_reference_joins_that_case_timeline(brighter, brighter_case):
    message = ingest(brighter, corpus("reply-with-case-reference.eml"))
    assert (message.status, message.case) == (Status.JOINED_CASE, brighter_case)
    event = TimelineEvent.objects.get(case=brighter_case, kind="email_received")
    assert event.actor is None
    assert event.summary == (
        "Email received from alex@example.test (the customer): "
        "RE: Your complaint BP-2026-000042 - acknowledgement (1 attachment: kitchen_photo.jpg)"
    )
    assert event.after == {
        "inbound_message_id": message.pk,
        "from": "alex@example.test",
        "from_customer": True,
        "subject": "RE: Your complaint BP-2026-000042 - acknowledgement",
        "attachments": ["kitchen_photo.jpg"],
    }


def test_a_reply_joins_the_case_only_once_when_read_twice(brighter, brighter_case):
    ingest(brighter, corpus("reply-with-case-reference.eml"))
    ingest(brighter, corpus("reply-with-case-reference.eml"))
    assert TimelineEvent.objects.filter(case=brighter_case, kind="email_received").count() == 1


def test_a_reference_in_the_body_joins_the_case_and_a_stranger_is_named_as_such(brighter, brighter_case):
    raw = simple({"From": "neighbour@example.test"}, body="About bp-2026-000042: I heard it too.")
    message = ingest(brighter, raw)
    assert message.case == brighter_case
    event = TimelineEvent.objects.get(case=brighter_case, kind="email_received")
    assert event.summary == "Email received from neighbour@example.test: A question"
    assert event.after["from_customer"] is False


def test_a_reply_with_another_landlords_reference_does_not_join_it(brighter, great_case):
    message = ingest(brighter, corpus("reply-with-other-landlords-reference.eml"))
    assert (message.status, message.case) == (Status.AWAITING_TRIAGE, None)
    assert not TimelineEvent.objects.filter(case=great_case, kind="email_received").exists()


def test_an_unknown_reference_leaves_the_email_awaiting_triage(brighter, brighter_case):
    message = ingest(brighter, simple({"Subject": "RE: BP-2026-000043"}))
    assert (message.status, message.case) == (Status.AWAITING_TRIAGE, None)


def test_only_the_first_hundred_attachments_are_taken_and_a_note_says_so(brighter):
    message = EmailMessage()
    message["From"] = "alex@example.test"
    message["Message-ID"] = "<many-1@mail.example.test>"
    message.set_content("Lots of photos.")
    for n in range(103):
        message.add_attachment(b"x", maintype="text", subtype="plain", filename=f"note-{n}.txt")
    stored = ingest(brighter, message.as_bytes())
    assert stored.attachments.count() == 100
    assert stored.problems == ["Only the first 100 attachments were taken; 3 more are in the raw message"]


def test_parts_nested_beyond_any_mail_program_are_left_in_the_raw_message(brighter):
    depth = 60
    head = "".join(
        f'--B{n}\r\nContent-Type: multipart/mixed; boundary="B{n + 1}"\r\n\r\n' for n in range(depth)
    )
    tail = "".join(f"--B{n}--\r\n" for n in reversed(range(depth)))
    raw = (
        'From: alex@example.test\r\nMessage-ID: <deep-1@x.test>\r\nContent-Type: multipart/mixed; boundary="B0"\r\n\r\n'
        + head
        + f"--B{depth}\r\nContent-Type: text/plain\r\n\r\ndeep\r\n--B{depth}--\r\n"
        + tail
    ).encode()
    stored = ingest(brighter, raw)
    assert stored.status == Status.AWAITING_TRIAGE
    assert "Parts nested more than 20 deep were not read (the raw message has them)" in stored.problems


def test_a_reference_whose_prefix_has_digits_joins_its_case(brighter):
    from .conftest import case_with_reference

    case = case_with_reference(brighter, "BP2-2027-000001")
    message = ingest(brighter, simple({"Subject": "Re: your ref bp2-2027-000001"}))
    assert message.case == case
