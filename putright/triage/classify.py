"""Mail that must never become a case: auto-replies, bounces and loops.

Each rule reads headers that automated senders set (RFC 3834 Auto-Submitted, the de facto X-Autoreply,
X-Autorespond and Precedence, RFC 3464 delivery reports), never the wording of a subject alone: a resident
may well write "Out of office" in a real complaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from putright.triage.parsing import ParsedEmail

LOOP_HEADER = "X-PutRight-Loop"
"""Outgoing mail carries this header, so that anything of ours that comes back is recognised."""
DELIVERY_HEADER = "X-PutRight-Delivery"
"""Letters sent by PutRight carry their delivery id in this header (putright/letters/delivery.py)."""
BULK_PRECEDENCE = ("bulk", "junk", "list")
BOUNCE_SENDERS = ("mailer-daemon", "postmaster")


@dataclass(frozen=True)
class Verdict:
    kind: str
    """"auto_reply", "bounce" or "loop" (InboundMessage.IgnoredAs)."""
    reason: str


def _loop(parsed: ParsedEmail, own_addresses: frozenset[str]) -> Verdict | None:
    if parsed.header(LOOP_HEADER) is not None:
        return Verdict("loop", f"it carries our {LOOP_HEADER} header")
    if parsed.header(DELIVERY_HEADER) is not None:
        return Verdict("loop", f"it is one of our own letters ({DELIVERY_HEADER} header)")
    if parsed.from_address.lower() in own_addresses:
        return Verdict("loop", f"it is from our own address {parsed.from_address}")
    return None


def _bounce(parsed: ParsedEmail) -> Verdict | None:
    report_type = (parsed.header("content-type") or "").lower()
    if parsed.content_type == "multipart/report" and "disposition-notification" not in report_type:
        return Verdict("bounce", "it is a delivery status report (multipart/report)")
    local_part = parsed.from_address.partition("@")[0].lower()
    if local_part in BOUNCE_SENDERS:
        return Verdict("bounce", f"it is from {local_part.upper()}")
    return_path = parsed.header("return-path")
    if return_path is not None and return_path.strip() in ("", "<>"):
        return Verdict("bounce", "its Return-Path is empty (the null sender of bounces)")
    return None


def _auto_reply(parsed: ParsedEmail) -> Verdict | None:
    auto_submitted = parsed.header("auto-submitted")
    if auto_submitted is not None and auto_submitted.strip().lower() not in ("", "no"):
        return Verdict("auto_reply", f"Auto-Submitted: {auto_submitted.strip()}")
    for name in ("X-Autoreply", "X-Autorespond"):
        if parsed.header(name) is not None:
            return Verdict("auto_reply", f"it carries an {name} header")
    precedence = (parsed.header("precedence") or "").strip().lower()
    if precedence in BULK_PRECEDENCE:
        return Verdict("auto_reply", f"Precedence: {precedence}")
    if parsed.content_type == "multipart/report":
        return Verdict("auto_reply", "it is a read receipt (disposition notification)")
    return None


def classify(parsed: ParsedEmail, *, own_addresses: frozenset[str]) -> Verdict | None:
    """Why the message is to be ignored, or None for mail a person wrote. `own_addresses` are ours, in
    lower case: the address letters are sent from and the mailbox itself."""
    return _loop(parsed, own_addresses) or _bounce(parsed) or _auto_reply(parsed)
