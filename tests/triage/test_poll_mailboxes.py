"""The IMAP poller, against a fake IMAP server object (no network), and `manage.py poll_mailboxes`."""

import imaplib
import json
import signal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from putright.triage import imap
from putright.triage.imap import mailbox_poll, mailboxes_poll
from putright.triage.mailboxes import configured_mailboxes
from putright.triage.management.commands import poll_mailboxes
from putright.triage.models import InboundMessage

from .conftest import corpus

BRIGHTER_BOX = {
    "address": "complaints@brighter.test",
    "landlord": "brighter",
    "host": "imap.brighter.test",
    "user": "complaints",
    "password": "s3cret",
    "folder": "Complaints inbox",
}


class FakeImap:
    """Just enough of an IMAP server: messages by UID with their flags, and every command recorded."""

    def __init__(self, messages, *, seen=(), login_ok=True, broken_uids=()):
        self.messages = {str(uid).encode(): raw for uid, raw in enumerate(messages, start=1)}
        self.seen = {str(uid).encode() for uid in seen}
        self.login_ok = login_ok
        self.broken_uids = {str(uid).encode() for uid in broken_uids}
        self.calls = []
        self.logged_out = False

    def login(self, user, password):
        self.calls.append(("login", user))
        if not self.login_ok:
            raise imaplib.IMAP4.error(b"[AUTHENTICATIONFAILED] Invalid credentials")
        return "OK", [b"Logged in"]

    def select(self, mailbox="INBOX", readonly=False):
        self.calls.append(("select", mailbox))
        return "OK", [str(len(self.messages)).encode()]

    def uid(self, command, *args):
        self.calls.append((command, *args))
        if command == "SEARCH":
            unseen = [uid for uid in self.messages if uid not in self.seen]
            return "OK", [b" ".join(unseen)]
        if command == "FETCH":
            uid = args[0]
            if uid in self.broken_uids:
                return "NO", [b"Message is being expunged"]
            return "OK", [
                (b"%s (UID %s BODY[] {%d}" % (uid, uid, len(self.messages[uid])), self.messages[uid]),
                b")",
            ]
        if command == "STORE":
            self.seen.add(args[0])
            return "OK", [b"done"]
        raise AssertionError(command)

    def logout(self):
        self.logged_out = True
        return "BYE", [b"Logging out"]


@pytest.fixture
def one_mailbox(settings):
    settings.PUTRIGHT_MAILBOXES = json.dumps([BRIGHTER_BOX])
    return configured_mailboxes()[0]


def test_unseen_messages_are_taken_in_and_marked_seen_after_they_are_stored(
    brighter, brighter_case, one_mailbox
):
    server = FakeImap(
        [corpus("plain.eml"), corpus("reply-with-case-reference.eml"), corpus("auto-reply.eml")]
    )
    result = mailbox_poll(one_mailbox, connect=lambda mailbox: server)
    assert str(result) == (
        "complaints@brighter.test: 1 awaiting triage, 1 joined a case, 1 ignored, 0 rejected, 0 already stored, "
        "0 failed"
    )
    assert server.seen == {b"1", b"2", b"3"}
    assert server.calls[:3] == [
        ("login", "complaints"),
        ("select", '"Complaints inbox"'),
        ("SEARCH", "UNSEEN"),
    ]
    assert ("FETCH", b"1", "(BODY.PEEK[])") in server.calls  # PEEK: fetching does not mark it seen
    assert server.logged_out
    assert set(InboundMessage.objects.values_list("mailbox", flat=True)) == {"complaints@brighter.test"}


def test_messages_already_seen_are_left_alone(brighter, one_mailbox):
    server = FakeImap([corpus("plain.eml"), corpus("missing-date.eml")], seen=[1])
    mailbox_poll(one_mailbox, connect=lambda mailbox: server)
    assert list(InboundMessage.objects.values_list("message_id", flat=True)) == [
        "<nodate-1@mail.example.test>"
    ]


def test_a_failure_on_one_message_never_stops_the_others_and_leaves_it_unseen(brighter, one_mailbox, caplog):
    server = FakeImap(
        [corpus("plain.eml"), corpus("missing-date.eml"), corpus("winmail-dat.eml")], broken_uids=[2]
    )
    result = mailbox_poll(one_mailbox, connect=lambda mailbox: server)
    assert (result.stored, result.failed, result.error) == (2, 1, "")
    assert server.seen == {b"1", b"3"}
    assert "message b'2' could not be taken in; it stays unseen" in caplog.text


def test_a_message_the_database_could_not_store_stays_unseen_for_the_next_poll(
    brighter, one_mailbox, monkeypatch
):
    calls = []
    real_ingest = imap.email_ingest

    def flaky(**kwargs):
        calls.append(kwargs["raw"])
        if len(calls) == 1:
            raise DatabaseError("database is locked")
        return real_ingest(**kwargs)

    monkeypatch.setattr(imap, "email_ingest", flaky)
    server = FakeImap([corpus("plain.eml"), corpus("missing-date.eml")])
    first = mailbox_poll(one_mailbox, connect=lambda mailbox: server)
    assert (first.stored, first.failed, server.seen) == (1, 1, {b"2"})
    second = mailbox_poll(one_mailbox, connect=lambda mailbox: server)
    assert (second.stored, second.failed, server.seen) == (1, 0, {b"1", b"2"})


def test_a_message_read_again_by_another_poll_is_stored_once(brighter, one_mailbox):
    mailbox_poll(one_mailbox, connect=lambda mailbox: FakeImap([corpus("plain.eml")]))
    result = mailbox_poll(one_mailbox, connect=lambda mailbox: FakeImap([corpus("plain.eml")]))
    assert (result.stored, result.already_stored) == (0, 1)
    assert InboundMessage.objects.count() == 1


def test_a_refused_sign_in_is_reported_and_the_next_mailbox_still_polled(brighter, great, settings, caplog):
    great_box = {
        **BRIGHTER_BOX,
        "address": "complaints@great.test",
        "landlord": "great",
        "host": "imap.great.test",
    }
    settings.PUTRIGHT_MAILBOXES = json.dumps([BRIGHTER_BOX, great_box])
    servers = {
        "imap.brighter.test": FakeImap([corpus("plain.eml")], login_ok=False),
        "imap.great.test": FakeImap([corpus("plain.eml")]),
    }
    results = mailboxes_poll(connect=lambda mailbox: servers[mailbox.host])
    assert [str(r) for r in results] == [
        "complaints@brighter.test: not read: b'[AUTHENTICATIONFAILED] Invalid credentials'",
        "complaints@great.test: 1 awaiting triage, 0 joined a case, 0 ignored, 0 rejected, 0 already stored, "
        "0 failed",
    ]
    assert servers["imap.brighter.test"].seen == set()
    assert InboundMessage.objects.get().landlord == great.landlord
    assert "s3cret" not in caplog.text


def test_a_server_that_cannot_be_reached_is_reported_not_raised(brighter, one_mailbox):
    def unreachable(mailbox):
        raise ConnectionRefusedError(111, "Connection refused")

    result = mailbox_poll(one_mailbox, connect=unreachable)
    assert result.error == "could not connect to imap.brighter.test:993: [Errno 111] Connection refused"


def test_a_mailbox_for_an_unknown_landlord_is_reported(db, settings):
    settings.PUTRIGHT_MAILBOXES = json.dumps([{**BRIGHTER_BOX, "landlord": "nobody"}])
    [result] = mailboxes_poll(connect=lambda mailbox: pytest.fail("must not connect"))
    assert str(result) == "complaints@brighter.test: not read: no landlord 'nobody' (PUTRIGHT_MAILBOXES)"


def test_the_real_connection_is_imap_over_tls(one_mailbox, monkeypatch):
    opened = []
    monkeypatch.setattr(imap.imaplib, "IMAP4_SSL", lambda host, port, **kw: opened.append((host, port, kw)))
    imap.imap_connect(one_mailbox)
    [(host, port, options)] = opened
    assert (host, port, options["timeout"]) == ("imap.brighter.test", 993, 60)
    assert options["ssl_context"].verify_mode.name == "CERT_REQUIRED"


# -- settings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{not json", "PUTRIGHT_MAILBOXES is not valid JSON"),
        ('{"address": "a@b.test"}', "PUTRIGHT_MAILBOXES must be a JSON list of mailboxes"),
        ('[{"address": "a@b.test", "landlord": "brighter"}]', "entry 1 has no host, user, password"),
        (
            '[{"address": "nobody", "landlord": "b", "host": "h", "user": "u", "password": "p"}]',
            "not an email",
        ),
        (
            '[{"address": "a@b.test", "landlord": "b", "host": "h", "user": "u", "password": "p", "port": "x"}]',
            "port",
        ),
    ],
)
def test_a_mistake_in_the_mailbox_settings_stops_the_command_with_the_reason(db, settings, value, message):
    settings.PUTRIGHT_MAILBOXES = value
    with pytest.raises(CommandError, match=message):
        call_command("poll_mailboxes")


def test_the_password_never_appears_in_the_mailbox_repr(one_mailbox):
    assert "s3cret" not in repr(one_mailbox)


# -- the command -----------------------------------------------------------------------------------------


def test_with_no_mailbox_configured_the_command_says_so_and_stops_even_with_every(db):
    for argv in ([], ["--every", "2"]):
        out = StringIO()
        call_command("poll_mailboxes", *argv, stdout=out)
        assert out.getvalue() == "No mailboxes configured (PUTRIGHT_MAILBOXES): nothing to poll.\n"


def test_once_polls_now_and_reports_each_mailbox(brighter, one_mailbox, monkeypatch):
    server = FakeImap([corpus("plain.eml")])
    monkeypatch.setattr(imap, "imap_connect", lambda mailbox: server)
    out = StringIO()
    call_command("poll_mailboxes", stdout=out)
    assert out.getvalue() == (
        "complaints@brighter.test: 1 awaiting triage, 0 joined a case, 0 ignored, 0 rejected, 0 already stored, "
        "0 failed\n"
    )


def test_every_enqueues_the_poll_until_sigterm(db, one_mailbox, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 2:
            signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(poll_mailboxes.time, "sleep", sleep)
    before = signal.getsignal(signal.SIGTERM)
    out = StringIO()
    call_command("poll_mailboxes", "--every", "0.05", stdout=out)

    from django_tasks import task_backends

    assert [r.task.name for r in task_backends["default"].results] == ["poll_task"]
    assert "Enqueuing the poll of 1 mailbox(es) every 0.05 minute(s)" in out.getvalue()
    assert out.getvalue().endswith("Mailbox poller stopped.\n")
    assert signal.getsignal(signal.SIGTERM) == before


def test_the_poll_task_polls_every_mailbox(brighter, one_mailbox, monkeypatch):
    from putright.triage.tasks import poll_task

    monkeypatch.setattr(imap, "imap_connect", lambda mailbox: FakeImap([corpus("plain.eml")]))
    assert poll_task.call() == [
        "complaints@brighter.test: 1 awaiting triage, 0 joined a case, 0 ignored, 0 rejected, 0 already stored, "
        "0 failed"
    ]


def test_every_needs_a_sensible_number_of_minutes(db, one_mailbox):
    with pytest.raises(CommandError, match="minutes"):
        call_command("poll_mailboxes", "--every", "0")
