"""`putright ingest-email --landlord SLUG FILE.eml...`: take in emails saved as files, as the poller would.

One line per file says what became of it. A missing landlord or an unreadable file is refused before any
file is taken in (exit 2, one line); a message that cannot be read is not a refusal: it is stored as
rejected with the reason, like everything the poller reads.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from putright.cli import UsageError, _first_line

if TYPE_CHECKING:
    from putright.triage.models import InboundMessage


def describe(message: InboundMessage) -> str:
    """What became of one message, in one line."""
    from putright.triage.models import InboundMessage

    Status = InboundMessage.Status
    if message.duplicate:
        return f"already stored as message {message.pk} ({message.get_status_display().lower()})"
    if message.status == Status.JOINED_CASE and message.case is not None:
        return f"joined case {message.case.reference} (message {message.pk})"
    if message.status == Status.IGNORED:
        return f"ignored: {message.get_ignored_as_display().lower()}, {message.reason} (message {message.pk})"
    if message.status == Status.REJECTED:
        return f"rejected: {message.reason} (message {message.pk})"
    customer = f", from customer {message.customer.name}" if message.customer else ""
    return f"stored as message {message.pk}, awaiting triage{customer}"


def _read(paths: list[str]) -> list[tuple[str, bytes]]:
    files = []
    for path in paths:
        try:
            files.append((path, Path(path).read_bytes()))
        except OSError as exc:
            raise UsageError(f"{path}: {exc.strerror or exc}") from None
    return files


def cmd_ingest_email(args: argparse.Namespace) -> int:
    files = _read(args.files)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        django.setup()
        from putright.organisations.models import Landlord
        from putright.triage.mailboxes import configured_mailboxes
        from putright.triage.services import email_ingest

        landlord = Landlord.objects.filter(slug=args.landlord).first()
        if landlord is None:
            raise UsageError(f"--landlord: no landlord {args.landlord!r}")
        mailbox = args.mailbox or next(
            (m.address for m in configured_mailboxes() if m.landlord == landlord.slug), ""
        )
        for path, raw in files:
            message = email_ingest(landlord=landlord, mailbox=mailbox or f"file:{Path(path).name}", raw=raw)
            print(f"{path}: {describe(message)}")
    except ImproperlyConfigured as exc:
        raise UsageError(f"settings: {_first_line(exc)}") from None
    except DatabaseError as exc:
        raise UsageError(f"database: {_first_line(exc)}; run `python manage.py migrate` first") from None
    return 0


def add_ingest_email(commands: Any) -> None:
    """Register the subcommand on the `putright` parser's subcommands."""
    p = commands.add_parser(
        "ingest-email", help="take in emails saved as .eml files: new feedback, replies to cases, or ignored"
    )
    p.add_argument("--landlord", required=True, help="the landlord's slug, e.g. brighter")
    p.add_argument(
        "--mailbox", help="the address they were sent to (default: the landlord's configured mailbox)"
    )
    p.add_argument("files", nargs="+", metavar="FILE.eml")
    p.set_defaults(handler=cmd_ingest_email)
