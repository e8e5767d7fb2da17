"""The mailboxes PutRight reads, from settings.PUTRIGHT_MAILBOXES (JSON, from the environment).

    [{"address": "complaints@brighter.example", "landlord": "brighter", "host": "imap.brighter.example",
      "port": 993, "user": "complaints", "password": "...", "folder": "INBOX"}]

Read when needed, not at start-up: a mistake here stops the poller with the reason, never the web server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORT = 993
DEFAULT_FOLDER = "INBOX"


@dataclass(frozen=True)
class Mailbox:
    address: str
    landlord: str
    """The landlord's slug."""
    host: str
    port: int
    user: str
    password: str
    folder: str

    def __repr__(self) -> str:  # never print the password in logs or tracebacks
        return f"Mailbox({self.address!r} for {self.landlord!r} at {self.host}:{self.port}/{self.folder})"


def _mailbox(n: int, entry: Any) -> Mailbox:
    where = f"PUTRIGHT_MAILBOXES entry {n}"
    if not isinstance(entry, dict):
        raise ImproperlyConfigured(f"{where} is not an object")
    missing = [key for key in ("address", "landlord", "host", "user", "password") if not entry.get(key)]
    if missing:
        raise ImproperlyConfigured(f"{where} has no {', '.join(missing)}")
    port = entry.get("port", DEFAULT_PORT)
    if not isinstance(port, int) or not 0 < port < 65536:
        raise ImproperlyConfigured(f"{where}: port {port!r} is not a port number")
    if "@" not in parseaddr(str(entry["address"]))[1]:
        raise ImproperlyConfigured(f"{where}: {entry['address']!r} is not an email address")
    return Mailbox(
        address=parseaddr(str(entry["address"]))[1].lower(),
        landlord=str(entry["landlord"]),
        host=str(entry["host"]),
        port=port,
        user=str(entry["user"]),
        password=str(entry["password"]),
        folder=str(entry.get("folder") or DEFAULT_FOLDER),
    )


def configured_mailboxes() -> list[Mailbox]:
    """The configured mailboxes (none when the setting is blank); ImproperlyConfigured naming the mistake."""
    text = str(getattr(settings, "PUTRIGHT_MAILBOXES", "") or "").strip()
    if not text:
        return []
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImproperlyConfigured(f"PUTRIGHT_MAILBOXES is not valid JSON: {exc}") from None
    if not isinstance(entries, list):
        raise ImproperlyConfigured("PUTRIGHT_MAILBOXES must be a JSON list of mailboxes")
    return [_mailbox(n, entry) for n, entry in enumerate(entries, start=1)]


def own_addresses() -> frozenset[str]:
    """Addresses mail from which is our own coming back: the sender of letters and every mailbox."""
    try:
        mailboxes = [m.address for m in configured_mailboxes()]
    except ImproperlyConfigured:
        mailboxes = []
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()
    return frozenset(a for a in (sender, *mailboxes) if a)
