"""Signing residents in by emailed link, and what they may do on their cases through the case services.

The case services take a staff actor; residents act through the landlord's "resident portal" integration
account (never a person, no password), and each timeline event says the customer did it online.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.rate_limits import hourly_limit_reached
from putright.accounts.services import channel_account
from putright.cases.models import Case, Satisfaction
from putright.cases.services.closure import case_withdraw, satisfaction_record
from putright.cases.services.escalation import escalation_request
from putright.cases.services.notes import case_attachment_add, case_note_add
from putright.domain.errors import InvalidInputError, NotFoundError, NotPermittedError
from putright.domain.lifecycle import Kind, Status
from putright.organisations.models import Landlord
from putright.residents.access import Resident, resident_case, resident_for_email
from putright.residents.models import SignInLink

FROM_CUSTOMER = "Sent by the customer online"
PORTAL = "resident portal"
LINK_LIFETIME = timedelta(minutes=30)
PER_ADDRESS_PER_HOUR = 10
PER_EMAIL_PER_HOUR = 3
ESCALATABLE = {Status.STAGE1_RESPONDED.value}
CLOSED = {
    Status.WITHDRAWN.value,
    Status.CLOSED.value,
    Status.CLOSED_NO_CONTACT.value,
    Status.NOT_ACCEPTED.value,
    Status.RESOLVED.value,
    Status.CONVERTED.value,
    Status.PASSED_ON.value,
}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_rate_limited(*, client_address: str, email: str) -> bool:
    """Whether this client address or email address has asked for as many links as an hour allows."""
    return hourly_limit_reached(
        SignInLink.objects.all(),
        at_field="created_at",
        until=timezone.now(),
        client_address=client_address,
        email=email,
        per_address=PER_ADDRESS_PER_HOUR,
        per_email=PER_EMAIL_PER_HOUR,
    )


@transaction.atomic
def sign_in_link_request(*, landlord: Landlord, email: str, client_address: str, site_url: str) -> None:
    """Email a single-use sign-in link if a customer or authorised representative holds the address. The
    caller answers the same either way; nothing here tells whether the address is known."""
    email = email.strip().lower()
    if sign_in_rate_limited(client_address=client_address, email=email):
        raise NotPermittedError("too many sign-in links asked for; try again in an hour")
    moment = timezone.now()
    token = secrets.token_urlsafe(32)
    known = resident_for_email(landlord, email, timezone.localdate(moment)) is not None
    SignInLink.objects.create(
        landlord=landlord,
        email=email,
        token_hash=token_hash(token),
        client_address=client_address,
        known=known,
        created_at=moment,
        expires_at=moment + LINK_LIFETIME,
    )
    if not known:
        return
    link = site_url.rstrip("/") + reverse(
        "portal:sign-in-link", kwargs={"slug": landlord.slug, "token": token}
    )
    message = (
        f"Use this link to see your complaints and feedback with {landlord.name}:\n\n{link}\n\n"
        f"It works once and for {int(LINK_LIFETIME.total_seconds() // 60)} minutes. "
        "If you did not ask for it, you can ignore this email."
    )
    transaction.on_commit(
        lambda: send_mail(f"Sign in to follow your case with {landlord.name}", message, None, [email])
    )


@transaction.atomic
def sign_in_link_redeem(*, landlord: Landlord, token: str) -> Resident:
    """Use a link once, before it expires: the resident it was sent to. Any other link is simply not found."""
    moment = timezone.now()
    link = (
        SignInLink.objects.select_for_update()
        .filter(landlord=landlord, token_hash=token_hash(token), known=True, used_at__isnull=True)
        .filter(expires_at__gt=moment)
        .first()
    )
    if link is None:
        raise NotFoundError("no usable sign-in link")
    link.used_at = moment
    link.save(update_fields=["used_at"])
    resident = resident_for_email(landlord, link.email, timezone.localdate(moment))
    if resident is None:
        raise NotFoundError("the address is no longer held")
    return resident


def resident_portal_user(landlord: Landlord) -> User:
    """The account residents' own actions are recorded as: an integration user of the landlord's."""
    return channel_account(landlord, "resident-portal", "Resident portal")


def may_escalate(case: Case) -> bool:
    return case.status in ESCALATABLE


def may_withdraw(case: Case) -> bool:
    return case.status not in CLOSED and not case.closed_at


def survey_answer(case: Case) -> Satisfaction | None:
    """The customer's answer to the survey on this case, if it has one."""
    return case.satisfaction.order_by("recorded_at").first()


def may_answer_survey(case: Case) -> bool:
    """The survey is sent when a complaint closes (Brighter Places 9.i); it is answered once."""
    return (
        case.kind == Kind.COMPLAINT.value
        and case.status == Status.CLOSED.value
        and not case.satisfaction.exists()
    )


@transaction.atomic
def resident_survey_answer(
    *, landlord: Landlord, resident: Resident, reference: str, score: int, comment: str = ""
) -> Satisfaction:
    """Answer the satisfaction survey on one's own closed complaint, once: recorded as from the customer
    through the resident portal, so reporting counts it like any other answer."""
    case = resident_case(landlord, resident, reference, timezone.localdate())
    # Two answers sent at once: the second waits for the first, then finds it.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    if case.satisfaction.exists():
        raise NotPermittedError(f"the survey on {reference} has already been answered")
    if not may_answer_survey(case):
        raise NotPermittedError(f"{reference} has no survey to answer")
    if score not in range(1, 6):
        raise InvalidInputError("score", "Select how satisfied you are with how we handled your complaint")
    return satisfaction_record(
        landlord=landlord,
        actor=resident_portal_user(landlord),
        case_id=case.pk,
        score=score,
        comment=comment,
        source=Satisfaction.Source.PORTAL,
    )


def resident_escalation_request(
    *, landlord: Landlord, resident: Resident, reference: str, reason: str = ""
) -> Case:
    """Ask for stage 2. No reason is needed; a late request is flagged for a decision, never refused."""
    case = resident_case(landlord, resident, reference, timezone.localdate())
    if not may_escalate(case):
        raise NotPermittedError(f"{reference} cannot go to stage 2 now")
    return escalation_request(
        landlord=landlord,
        actor=resident_portal_user(landlord),
        case_id=case.pk,
        requested_at=timezone.now() - timedelta(seconds=1),
        reason=reason,
    )


def resident_withdraw(*, landlord: Landlord, resident: Resident, reference: str, reason: str = "") -> Case:
    case = resident_case(landlord, resident, reference, timezone.localdate())
    if not may_withdraw(case):
        raise NotPermittedError(f"{reference} is already closed")
    return case_withdraw(
        landlord=landlord,
        actor=resident_portal_user(landlord),
        case_id=case.pk,
        on=timezone.localdate(),
        reason=f"Online, by {resident.email}: {reason.strip() or 'no reason given'}",
    )


@transaction.atomic
def resident_information_add(
    *, landlord: Landlord, resident: Resident, reference: str, text: str, file: File[bytes] | None = None
) -> Case:
    """Add information or evidence to an open case: a note and, if given, a file (type and size checked by
    the case services), both on the case's timeline as from the customer."""
    case = resident_case(landlord, resident, reference, timezone.localdate())
    if not may_withdraw(case):
        raise NotPermittedError(f"{reference} is closed")
    text = text.strip()
    if not text and file is None:
        raise InvalidInputError("text", "Enter the information or choose a file")
    actor = resident_portal_user(landlord)
    if text:
        case_note_add(
            landlord=landlord,
            actor=actor,
            case_id=case.pk,
            text=f"{FROM_CUSTOMER} ({resident.email}):\n{text}",
        )
    if file is not None:
        case_attachment_add(
            landlord=landlord, actor=actor, case_id=case.pk, file=file, description=FROM_CUSTOMER
        )
    return case
