"""Delivering one copy of a letter, at most once: email through Django's email backend, post as a PDF
in the print queue. Failures retry with backoff and then show on the case and in the back office."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.cases.access import may_see
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.letters import rendering
from putright.letters.context import Recipient
from putright.letters.models import Delivery, Letter
from putright.organisations.models import Landlord

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
UNCERTAIN_AFTER = timedelta(minutes=15)
DONE = (Delivery.Status.SENT, Delivery.Status.TO_PRINT, Delivery.Status.PRINTED)


def letter_pdf(letter: Letter, recipient: Recipient | None = None) -> bytes:
    """The letter as a PDF on the landlord's letterhead (large print where recorded), made once and kept."""
    if letter.pdf:
        return bytes(letter.pdf)
    from putright.letters.context import recipient_for

    context = {
        "landlord": letter.landlord,
        "case": letter.case,
        "letter_date": letter.sent_on,
        "recipient": recipient or recipient_for(letter.customer),
    }
    rendered = rendering.Rendered(letter.subject, letter.body_html, letter.html, letter.text)
    data = rendering.pdf(rendered, context, large_print=letter.large_print)
    Letter.objects.filter(pk=letter.pk).update(pdf=data)
    letter.pdf = data
    return data


def _refresh_letter_status(letter_id: int) -> None:
    statuses = set(Delivery.objects.filter(letter_id=letter_id).values_list("status", flat=True))
    if statuses and statuses <= set(DONE):
        status = Letter.Status.SENT
    elif statuses & {Delivery.Status.FAILED, Delivery.Status.UNCERTAIN}:
        status = Letter.Status.FAILED
    else:
        status = Letter.Status.SENDING
    Letter.objects.filter(pk=letter_id).exclude(status=Letter.Status.RECORDED).update(status=status)


def delivery_attempt(delivery_id: int) -> str:
    """One attempt at one delivery. Returns the delivery's status afterwards.

    The row is marked `sending` and committed before anything goes out, and `sent` after: a crash between
    the two leaves it `sending`, which becomes `uncertain` for a person to check, never re-sent by itself.
    """
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("letter", "letter__landlord")
            .get(pk=delivery_id)
        )
        if delivery.status not in (Delivery.Status.QUEUED, Delivery.Status.RETRYING):
            return delivery.status
        delivery.status = Delivery.Status.SENDING
        delivery.attempts += 1
        delivery.save(update_fields=["status", "attempts", "updated_at"])
    letter = delivery.letter
    try:
        if delivery.channel == Delivery.Channel.EMAIL:
            reference = _send_email(letter, delivery)
            done = Delivery.Status.SENT
        else:
            letter_pdf(
                letter, Recipient(delivery.recipient_name, delivery.recipient_role, "", delivery.address)
            )
            reference, done = "print-queue", Delivery.Status.TO_PRINT
    except Exception as exc:  # any failure of the backend or the renderer is recorded, never lost
        logger.warning("delivery %s failed: %s", delivery_id, exc)
        return _failed(delivery, exc)
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=done,
            provider_reference=reference,
            sent_at=timezone.now(),
            last_error="",
            next_attempt_at=None,
        )
        _refresh_letter_status(letter.pk)
    return done


def _send_email(letter: Letter, delivery: Delivery) -> str:
    landlord = letter.landlord
    message = EmailMultiAlternatives(
        subject=letter.subject,
        body=letter.text,
        to=[delivery.address],
        reply_to=[landlord.email] if landlord.email else None,
        headers={"X-PutRight-Delivery": str(delivery.pk)},
    )
    message.attach_alternative(letter.html, "text/html")
    if letter.large_print:
        message.attach(f"{letter.subject}.pdf", letter_pdf(letter), "application/pdf")
    message.send()
    return str(message.extra_headers.get("Message-ID", f"delivery-{delivery.pk}"))


def _failed(delivery: Delivery, exc: Exception) -> str:
    from putright.letters.tasks import deliver

    retry = delivery.attempts < MAX_ATTEMPTS
    when = timezone.now() + BACKOFF[min(delivery.attempts, len(BACKOFF)) - 1] if retry else None
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.RETRYING if retry else Delivery.Status.FAILED,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            next_attempt_at=when,
        )
        _refresh_letter_status(delivery.letter_id)
        if retry and when is not None:
            transaction.on_commit(lambda: deliver.using(run_after=when).enqueue(delivery.pk), robust=True)
    return Delivery.Status.RETRYING if retry else Delivery.Status.FAILED


def deliveries_recover() -> tuple[int, int]:
    """Run by the reminder sweep: deliveries left mid-send become uncertain, and deliveries whose task was
    lost (a worker stopped, the database was busy) are enqueued again. Returns (uncertain, re-enqueued).
    Enqueuing again is safe: an attempt only ever sends a delivery that is still queued or retrying."""
    uncertain = deliveries_mark_uncertain()
    stale = timezone.now() - UNCERTAIN_AFTER
    lost = list(
        Delivery.objects.filter(status=Delivery.Status.QUEUED, updated_at__lt=stale).values_list(
            "pk", flat=True
        )[:500]
    ) + list(
        Delivery.objects.filter(status=Delivery.Status.RETRYING, next_attempt_at__lt=stale).values_list(
            "pk", flat=True
        )[:500]
    )
    from putright.letters.tasks import deliver

    for delivery_id in lost:
        deliver.enqueue(delivery_id)
    return uncertain, len(lost)


def deliveries_mark_uncertain() -> int:
    """Deliveries left mid-send (a worker died) become `uncertain`: a person checks before resending."""
    stale = timezone.now() - UNCERTAIN_AFTER
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(status=Delivery.Status.SENDING, updated_at__lt=stale)
            .values_list("pk", "letter_id")
        )
        Delivery.objects.filter(pk__in=[pk for pk, _ in rows]).update(
            status=Delivery.Status.UNCERTAIN,
            last_error="The worker stopped mid-send; check before resending.",
        )
        for letter_id in {letter_id for _, letter_id in rows}:
            _refresh_letter_status(letter_id)
    return len(rows)


def _delivery(landlord: Landlord, actor: User, delivery_id: int) -> Delivery:
    """The delivery, if its letter is one the actor may see (a complaint about a colleague may be hidden)."""
    try:
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("letter__case")
            .get(pk=delivery_id, landlord=landlord)
        )
    except Delivery.DoesNotExist:
        raise NotFoundError(f"no delivery {delivery_id} at {landlord.name}") from None
    case = delivery.letter.case
    if case is not None and not may_see(actor, case):
        raise NotFoundError(f"no delivery {delivery_id} at {landlord.name}")
    return delivery


@transaction.atomic
def delivery_resend(*, landlord: Landlord, actor: User, delivery_id: int) -> Delivery:
    """Send a failed (or uncertain, once checked) delivery again."""
    require(actor, landlord, "case.close")
    delivery = _delivery(landlord, actor, delivery_id)
    if delivery.status not in (Delivery.Status.FAILED, Delivery.Status.UNCERTAIN):
        raise InvalidInputError(
            "delivery", f"only a failed or uncertain delivery is resent; this one is {delivery.status}"
        )
    delivery.status = Delivery.Status.QUEUED
    delivery.last_error = ""
    delivery.save(update_fields=["status", "last_error", "updated_at"])
    from putright.letters.services import _enqueue_on_commit

    _enqueue_on_commit(delivery.pk)
    return delivery


@transaction.atomic
def delivery_mark_printed(*, landlord: Landlord, actor: User, delivery_id: int) -> Delivery:
    """The printed letter was posted."""
    require(actor, landlord, "case.close")
    delivery = _delivery(landlord, actor, delivery_id)
    if delivery.status != Delivery.Status.TO_PRINT:
        raise InvalidInputError(
            "delivery", f"only a letter in the print queue is marked posted; this one is {delivery.status}"
        )
    delivery.status = Delivery.Status.PRINTED
    delivery.save(update_fields=["status", "updated_at"])
    _refresh_letter_status(delivery.letter_id)
    return delivery
