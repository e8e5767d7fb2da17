"""Email intake: one raw message in, one stored InboundMessage out, whatever the message is like.

`email_ingest` never raises on malformed or hostile input: it stores what it can, or records a rejection
with the reason, and logs it. The same email read twice (by the poller and by hand, say) is stored once.
A reply that carries one of the landlord's case references joins that case's timeline instead of becoming
new feedback; auto-replies, bounces and loops are stored as ignored, never turned into cases.

Staff then triage what awaits them: log it as feedback, add it to a case, or set it aside with a reason.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import re
import uuid
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from email.utils import parseaddr

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.accounts.services import administration_event_record
from putright.cases.access import visible_cases
from putright.cases.models import Case
from putright.cases.services._base import record
from putright.cases.services.intake import feedback_log
from putright.cases.services.notes import case_attachment_add
from putright.customers.models import Channel, Customer
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord
from putright.triage.classify import classify
from putright.triage.mailboxes import own_addresses
from putright.triage.models import InboundAttachment, InboundMessage
from putright.triage.parsing import ParsedEmail, clean_text, derived_message_id, header_text, parse_email
from putright.triage.selectors import visible_inbound_messages

logger = logging.getLogger(__name__)

REFERENCE = re.compile(r"\b[A-Z0-9]{1,6}-\d{4}-\d{6}\b", re.IGNORECASE)
"""A case reference as `next_reference` makes them, e.g. BP-2026-000042."""
MAX_ATTACHMENTS = 100
"""Attachments taken from one message; any more stay only in the raw message, and a note says so."""
HEAD_BYTES = 256 * 1024
"""How much of an oversized message is read for its headers."""


def _limit_text(limit: int) -> str:
    """A size limit as people say it, e.g. "20MB"."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g}MB"
    return f"{limit / 1024:g}KB" if limit >= 1024 else f"{limit} bytes"


def _folder(landlord: Landlord, message: InboundMessage) -> str:
    return f"triage/{landlord.slug}/{message.pk}"


def _matching_customer(landlord: Landlord, address: str) -> Customer | None:
    """The landlord's one customer with this email address; none when nobody or several have it."""
    if not address:
        return None
    matches = list(Customer.objects.filter(landlord=landlord, email__iexact=address)[:2])
    return matches[0] if len(matches) == 1 else None


def _referenced_case(landlord: Landlord, parsed: ParsedEmail) -> Case | None:
    """The first of the landlord's own cases named in the subject, then the body; another landlord's
    reference is simply not found."""
    found = REFERENCE.findall(" ".join((parsed.subject, parsed.text_body, parsed.html_text)))
    candidates = list(dict.fromkeys(ref.upper() for ref in found))[:20]
    if not candidates:
        return None
    cases = {c.reference: c for c in Case.objects.filter(landlord=landlord, reference__in=candidates)}
    return next((cases[ref] for ref in candidates if ref in cases), None)


def _store_attachments(landlord: Landlord, message: InboundMessage, parsed: ParsedEmail) -> None:
    limit = settings.PUTRIGHT_EMAIL_ATTACHMENT_MAX_BYTES
    for part in parsed.attachments[:MAX_ATTACHMENTS]:
        size = len(part.data)
        attachment = InboundAttachment(
            message=message,
            original_name=part.name,
            content_type=part.content_type,
            size=size,
            content_id=part.content_id,
            inline=part.inline,
        )
        if size > limit:
            attachment.refused_reason = f"Not kept: it is {size:,} bytes, over the {_limit_text(limit)} limit"
            logger.warning(
                "inbound message %s: attachment %r refused (%d bytes)", message.pk, part.name, size
            )
        else:
            extension = posixpath.splitext(part.name)[1].lower()
            extension = extension if re.fullmatch(r"\.[a-z0-9]{1,10}", extension) else ".bin"
            name = f"{_folder(landlord, message)}/{uuid.uuid4().hex}{extension}"
            attachment.file.name = default_storage.save(name, ContentFile(part.data))
        attachment.save()


def _join_case(case: Case, message: InboundMessage, parsed: ParsedEmail) -> None:
    sender = parsed.from_address or "an unknown sender"
    on_case = bool(parsed.from_address) and message.customer_id == case.customer_id
    names = [a.name for a in parsed.attachments[:MAX_ATTACHMENTS]]
    summary = f"Email received from {sender}" + (" (the customer)" if on_case else "")
    summary += f": {parsed.subject or '(no subject)'}"
    if names:
        summary += f" ({len(names)} attachment{'s' if len(names) != 1 else ''}: {', '.join(names)})"
    record(
        case,
        None,
        "email_received",
        summary,
        after={
            "inbound_message_id": message.pk,
            "from": parsed.from_address,
            "from_customer": on_case,
            "subject": parsed.subject,
            "attachments": names,
        },
    )


def _rejected(
    *, landlord: Landlord, mailbox: str, raw: bytes, reason: str, head: bytes, keep_raw: bool
) -> InboundMessage:
    """A message that could not be taken in: what its headers say, and why (with the raw bytes, unless
    they are too large to keep)."""
    problems: list[str] = []
    fields: dict[str, str] = {}
    try:
        headers = BytesHeaderParser(policy=default_policy).parsebytes(head)
        fields = {
            name: header_text(headers, name, problems) or "" for name in ("Message-ID", "From", "Subject")
        }
    except Exception:  # not even headers: the reason says enough
        pass
    message_id = fields.get("Message-ID") or derived_message_id(raw)
    from_name, from_address = parseaddr(fields.get("From", ""))
    return _save(
        landlord=landlord,
        mailbox=mailbox,
        raw=raw,
        keep_raw=keep_raw,
        message=InboundMessage(
            message_id=message_id[:255],
            from_address=from_address[:254],
            from_name=from_name[:200],
            subject=fields.get("Subject", "")[:500],
            status=InboundMessage.Status.REJECTED,
            reason=reason,
            problems=problems,
        ),
        parsed=None,
    )


def _save(
    *,
    landlord: Landlord,
    mailbox: str,
    raw: bytes,
    keep_raw: bool,
    message: InboundMessage,
    parsed: ParsedEmail | None,
) -> InboundMessage:
    """Store the message once per landlord and Message-ID: a second copy (read again, or by another
    poller at the same moment) returns the first, and nothing of it is written."""
    message.landlord = landlord
    message.mailbox = mailbox[:254]
    message.received_at = timezone.now()
    message.raw_size = len(raw)
    message.raw_sha256 = hashlib.sha256(raw).hexdigest()
    try:
        with transaction.atomic():
            message.save()
            if keep_raw:
                message.raw.name = default_storage.save(
                    f"{_folder(landlord, message)}/message.eml", ContentFile(raw)
                )
                message.save(update_fields=["raw"])
            if parsed is not None:
                _store_attachments(landlord, message, parsed)
                if message.case is not None:
                    _join_case(message.case, message, parsed)
    except IntegrityError:  # stored before: the unique constraint decides, even between two pollers
        existing = InboundMessage.objects.filter(landlord=landlord, message_id=message.message_id).first()
        if existing is None:
            raise
        existing.duplicate = True
        return existing
    return message


def email_ingest(*, landlord: Landlord, mailbox: str, raw: bytes) -> InboundMessage:
    """Store one raw email for the landlord: as feedback awaiting triage, joined to the case it names,
    ignored (auto-reply, bounce, loop) or rejected with the reason. Returns the stored message; when it
    had been stored before, that message, with `duplicate` set."""
    limit = settings.PUTRIGHT_EMAIL_MAX_BYTES
    if not raw.strip():
        logger.warning("rejected an empty message for %s from %s", landlord.slug, mailbox)
        return _rejected(
            landlord=landlord,
            mailbox=mailbox,
            raw=raw,
            reason="The message is empty",
            head=b"",
            keep_raw=False,
        )
    if len(raw) > limit:
        reason = f"The message is {len(raw):,} bytes, over the {_limit_text(limit)} limit"
        logger.warning("rejected a message for %s from %s: %s", landlord.slug, mailbox, reason)
        return _rejected(
            landlord=landlord, mailbox=mailbox, raw=raw, reason=reason, head=raw[:HEAD_BYTES], keep_raw=False
        )
    try:
        parsed = parse_email(raw)
    except Exception as exc:  # a parser bug must not lose the message or stop the poller
        reason = clean_text(f"The message could not be read ({type(exc).__name__}: {exc})")[:1000]
        logger.exception("rejected a message for %s from %s", landlord.slug, mailbox)
        return _rejected(
            landlord=landlord, mailbox=mailbox, raw=raw, reason=reason, head=raw[:HEAD_BYTES], keep_raw=True
        )
    if not parsed.headers:
        reason = "This is not an email: it has no headers"
        logger.warning("rejected a message for %s from %s: %s", landlord.slug, mailbox, reason)
        return _rejected(landlord=landlord, mailbox=mailbox, raw=raw, reason=reason, head=b"", keep_raw=True)

    message = InboundMessage(
        message_id=parsed.message_id,
        from_address=parsed.from_address[:254],
        from_name=parsed.from_name[:200],
        to=parsed.to,
        subject=parsed.subject,
        sent_at=parsed.sent_at,
        text_body=parsed.text_body,
        html_text=parsed.html_text,
        problems=parsed.problems[:50],
        customer=_matching_customer(landlord, parsed.from_address),
        status=InboundMessage.Status.AWAITING_TRIAGE,
    )
    verdict = classify(parsed, own_addresses=own_addresses() | {mailbox.lower()})
    if verdict is not None:
        message.status = InboundMessage.Status.IGNORED
        message.ignored_as = verdict.kind
        message.reason = verdict.reason
        logger.info("ignored a message for %s from %s: %s", landlord.slug, mailbox, verdict.reason)
    elif (case := _referenced_case(landlord, parsed)) is not None:
        message.status = InboundMessage.Status.JOINED_CASE
        message.case = case
    if len(parsed.attachments) > MAX_ATTACHMENTS:
        extra = len(parsed.attachments) - MAX_ATTACHMENTS
        message.problems.append(
            f"Only the first {MAX_ATTACHMENTS} attachments were taken; {extra} more are in the raw message"
        )
    if message.problems:
        logger.warning("message %s for %s: %s", parsed.message_id, landlord.slug, "; ".join(message.problems))
    return _save(landlord=landlord, mailbox=mailbox, raw=raw, keep_raw=True, message=message, parsed=parsed)


def _awaiting(*, actor: User, landlord: Landlord, message_id: int) -> InboundMessage:
    """The message, row-locked, if this person may log feedback here and it is still awaiting triage;
    another landlord's message, or one they may not see, is not found."""
    require(actor, landlord, "case.log")
    message = (
        visible_inbound_messages(user=actor, landlord=landlord)
        .select_for_update()
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        raise NotFoundError(f"no email {message_id} at {landlord.name}")
    if message.status != InboundMessage.Status.AWAITING_TRIAGE:
        raise InvalidInputError("message", f"This email is already {message.get_status_display().lower()}")
    return message


def _attachment_names(message: InboundMessage) -> list[str]:
    return [a.original_name for a in message.attachments.order_by("id")]


@transaction.atomic
def inbound_message_ignore(
    *, landlord: Landlord, actor: User, message_id: int, reason: str
) -> InboundMessage:
    """Set an email aside without making a case (spam, sent to the wrong landlord, nothing to act on),
    saying why; the landlord's audit trail keeps who did it."""
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInputError("reason", "Enter why this email needs no case")
    if len(reason) > 500:
        raise InvalidInputError("reason", "Reason must be 500 characters or fewer")
    message = _awaiting(actor=actor, landlord=landlord, message_id=message_id)
    message.status = InboundMessage.Status.IGNORED
    message.reason = reason
    message.save(update_fields=["status", "reason"])
    administration_event_record(
        landlord=landlord,
        actor=actor,
        kind="email_ignored",
        summary=f"Email from {message.from_address or 'an unknown sender'} set aside: {reason}",
        before={"inbound_message_id": message.pk, "status": InboundMessage.Status.AWAITING_TRIAGE},
        after={"status": InboundMessage.Status.IGNORED, "reason": reason},
    )
    return message


@transaction.atomic
def inbound_message_join(
    *, landlord: Landlord, actor: User, message_id: int, reference: str
) -> InboundMessage:
    """Add an email to a case named by its reference: it joins the case's timeline. Only the landlord's
    own cases that this person may see are found."""
    reference = reference.strip().upper()
    if not reference:
        raise InvalidInputError("reference", "Enter the case reference, like BP-2026-000042")
    message = _awaiting(actor=actor, landlord=landlord, message_id=message_id)
    case = visible_cases(actor, landlord).filter(reference=reference).first()
    if case is None:
        raise InvalidInputError("reference", f"There is no case {reference} that you can see")
    message.status = InboundMessage.Status.JOINED_CASE
    message.case = case
    message.save(update_fields=["status", "case"])
    names = _attachment_names(message)
    summary = f"Email from {message.from_address or 'an unknown sender'} added to the case"
    summary += f": {message.subject or '(no subject)'}"
    if names:
        summary += f" ({len(names)} attachment{'s' if len(names) != 1 else ''}: {', '.join(names)})"
    record(
        case,
        actor,
        "email_received",
        summary,
        after={"inbound_message_id": message.pk, "from": message.from_address, "attachments": names},
    )
    return message


def _copy_attachments(landlord: Landlord, actor: User, message: InboundMessage, case: Case) -> list[str]:
    """Copy the email's kept attachments onto the case; return the names of those a case may not hold
    (a type or size case files refuse), which stay with the email."""
    left: list[str] = []
    for attachment in message.attachments.order_by("id"):
        if not attachment.file:
            left.append(attachment.original_name)
            continue
        try:
            with transaction.atomic(), default_storage.open(attachment.file.name, "rb") as handle:
                case_attachment_add(
                    landlord=landlord,
                    actor=actor,
                    case_id=case.pk,
                    file=File(handle, name=attachment.original_name),
                    description="Sent with the email",
                )
        except InvalidInputError:
            left.append(attachment.original_name)
    return left


@transaction.atomic
def inbound_message_log(
    *, landlord: Landlord, actor: User, message_id: int, kind: Kind
) -> tuple[InboundMessage, Case]:
    """Log an email from a matched customer as new feedback: channel email, received when it was sent,
    the subject as summary and the text as description; its attachments are copied onto the case."""
    message = _awaiting(actor=actor, landlord=landlord, message_id=message_id)
    if message.customer is None:
        raise InvalidInputError(
            "kind", "This email is not matched to a customer: log it through Log feedback instead"
        )
    received = (
        message.sent_at if message.sent_at and message.sent_at <= timezone.now() else message.received_at
    )
    case = feedback_log(
        landlord=landlord,
        actor=actor,
        kind=kind,
        channel=Channel.EMAIL,
        received_at=received,
        customer=message.customer,
        summary=(message.subject or "Email with no subject")[:200],
        description=message.text_body or message.html_text or "(The email had no text)",
        received_by=message.mailbox,
    )
    left = _copy_attachments(landlord, actor, message, case)
    message.status = InboundMessage.Status.JOINED_CASE
    message.case = case
    message.save(update_fields=["status", "case"])
    summary = f"Logged from the email from {message.from_address}"
    if left:
        summary += f"; not copied to the case files (kept with the email): {', '.join(left)}"
    record(
        case, actor, "email_received", summary, after={"inbound_message_id": message.pk, "not_copied": left}
    )
    return message, case
