"""Reading the landlords' mailboxes over IMAP (TLS): every unseen message is taken in by `email_ingest`.

A message is fetched with BODY.PEEK (which leaves it unseen) and marked seen only once it is stored, so a
crash or a database error leaves it to be read again next time; reading it twice stores it once. A failure
on one message is logged and never stops the others; a failure of one mailbox never stops the next.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from putright.organisations.models import Landlord
from putright.triage.mailboxes import Mailbox, configured_mailboxes
from putright.triage.models import InboundMessage
from putright.triage.services import email_ingest

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60
MAX_PER_POLL = 200
"""Messages taken from one mailbox in one poll; the rest wait for the next."""


class ImapConnection(Protocol):
    """The part of imaplib.IMAP4 the poller uses (tests pass a fake)."""

    def login(self, user: str, password: str) -> tuple[str, list[Any]]: ...
    def select(self, mailbox: str = ..., readonly: bool = ...) -> tuple[str, list[Any]]: ...
    def uid(self, command: str, *args: Any) -> tuple[str, list[Any]]: ...
    def logout(self) -> tuple[str, list[Any]]: ...


Connect = Callable[[Mailbox], ImapConnection]


def imap_connect(mailbox: Mailbox) -> ImapConnection:
    return imaplib.IMAP4_SSL(
        mailbox.host, mailbox.port, ssl_context=ssl.create_default_context(), timeout=TIMEOUT_SECONDS
    )


class MailboxError(Exception):
    """The mailbox cannot be read at all (connection, sign-in or folder); nothing was changed."""


@dataclass
class PollResult:
    mailbox: str
    stored: int = 0
    joined: int = 0
    ignored: int = 0
    rejected: int = 0
    already_stored: int = 0
    failed: int = 0
    error: str = ""

    def __str__(self) -> str:
        if self.error:
            return f"{self.mailbox}: not read: {self.error}"
        return (
            f"{self.mailbox}: {self.stored} awaiting triage, {self.joined} joined a case, {self.ignored} ignored, "
            f"{self.rejected} rejected, {self.already_stored} already stored, {self.failed} failed"
        )

    def count(self, message: InboundMessage) -> None:
        Status = InboundMessage.Status
        if message.duplicate:
            self.already_stored += 1
        elif message.status == Status.JOINED_CASE:
            self.joined += 1
        elif message.status == Status.IGNORED:
            self.ignored += 1
        elif message.status == Status.REJECTED:
            self.rejected += 1
        else:
            self.stored += 1


def _ok(response: tuple[str, list[Any]], what: str) -> list[Any]:
    status, data = response
    if status != "OK":
        detail = b" ".join(d for d in data if isinstance(d, bytes)).decode("utf-8", "replace")
        raise MailboxError(f"{what} refused: {detail or status}")
    return data


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fetch(connection: ImapConnection, uid: bytes) -> bytes:
    data = _ok(connection.uid("FETCH", uid, "(BODY.PEEK[])"), f"fetching message {uid!r}")
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    raise ValueError(f"the server sent no body for message {uid!r}")


def _read_unseen(
    connection: ImapConnection, mailbox: Mailbox, landlord: Landlord, result: PollResult
) -> None:
    _ok(connection.login(mailbox.user, mailbox.password), "sign-in")
    _ok(connection.select(_quoted(mailbox.folder)), f"folder {mailbox.folder}")
    data = _ok(connection.uid("SEARCH", "UNSEEN"), "search")
    uids = data[0].split()[:MAX_PER_POLL] if data and isinstance(data[0], bytes) else []
    for uid in uids:
        try:
            message = email_ingest(landlord=landlord, mailbox=mailbox.address, raw=_fetch(connection, uid))
        except (imaplib.IMAP4.abort, OSError):  # the connection is gone: the rest wait for the next poll
            raise
        except Exception:  # this message only: logged, left unseen, and the next one read
            logger.exception("%s: message %r could not be taken in; it stays unseen", mailbox.address, uid)
            result.failed += 1
            continue
        _ok(connection.uid("STORE", uid, "+FLAGS", "(\\Seen)"), f"marking message {uid!r} seen")
        result.count(message)


def mailbox_poll(mailbox: Mailbox, *, connect: Connect | None = None) -> PollResult:
    """Take in the mailbox's unseen messages (over `imap_connect` unless told otherwise). Never raises:
    what went wrong is in the result and the log."""
    result = PollResult(mailbox.address)
    landlord = Landlord.objects.filter(slug=mailbox.landlord).first()
    if landlord is None:
        result.error = f"no landlord {mailbox.landlord!r} (PUTRIGHT_MAILBOXES)"
        logger.error("%s", result)
        return result
    try:
        connection = (connect or imap_connect)(mailbox)
    except (OSError, imaplib.IMAP4.error) as exc:
        result.error = f"could not connect to {mailbox.host}:{mailbox.port}: {exc}"
        logger.error("%s", result)
        return result
    try:
        _read_unseen(connection, mailbox, landlord, result)
    except (MailboxError, imaplib.IMAP4.error, OSError) as exc:
        result.error = str(exc) or type(exc).__name__
        logger.error("%s", result)
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):  # signing out of a broken connection
            connection.logout()
    return result


def mailboxes_poll(*, connect: Connect | None = None) -> list[PollResult]:
    """Poll every configured mailbox in turn (ImproperlyConfigured if the setting is wrong)."""
    return [mailbox_poll(mailbox, connect=connect) for mailbox in configured_mailboxes()]
