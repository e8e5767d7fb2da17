"""Issuing letters: choosing the template version, rendering, checking the required sections, choosing
recipients and channels from the customer's record, and queueing the deliveries. Template editing with a
live preview. Every refusal names what is missing and why."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.permissions import require
from putright.cases.models import Case, Stage
from putright.customers.models import Adjustment, Customer, Representative
from putright.domain.errors import DomainError, InvalidInputError
from putright.domain.letters import LetterKind, describe_missing, missing_sections
from putright.domain.profiles import Profile
from putright.letters import rendering
from putright.letters.context import Recipient, letter_context, recipient_for
from putright.letters.models import Delivery, Letter, LetterTemplate
from putright.organisations.models import Landlord
from putright.organisations.selectors import profile_on

DEFAULTS = Path(__file__).parent / "defaults"


class LetterIncompleteError(DomainError):
    """A template or a letter lacks a section the Code or the policy requires."""


# -- templates -------------------------------------------------------------------------------------------


def _default_files(kind: LetterKind, variant: str) -> tuple[str, str] | None:
    suffix = "" if variant == LetterTemplate.Variant.STANDARD else f".{variant}"
    body, subject = DEFAULTS / f"{kind.value}{suffix}.html", DEFAULTS / f"{kind.value}{suffix}.subject.txt"
    if not body.exists():
        return None
    return subject.read_text(encoding="utf-8").strip(), body.read_text(encoding="utf-8")


def current_template(
    landlord: Landlord, kind: LetterKind, variant: str = LetterTemplate.Variant.STANDARD
) -> LetterTemplate | None:
    """The latest version of the landlord's template, installing PutRight's default as version 1 if none."""
    latest = (
        LetterTemplate.objects.filter(landlord=landlord, kind=kind.value, variant=variant)
        .order_by("-version")
        .first()
    )
    if latest is not None:
        return latest
    default = _default_files(kind, variant)
    if default is None:
        return None
    subject, body = default
    template, _ = LetterTemplate.objects.get_or_create(
        landlord=landlord,
        kind=kind.value,
        variant=variant,
        version=1,
        defaults={"subject": subject, "body": body},
    )
    return template


def _check_template(kind: LetterKind, profile: Profile, subject: str, body: str) -> None:
    if not subject.strip():
        raise InvalidInputError("subject", "the subject is required")
    rendering.compile_body(subject, "subject")
    missing = missing_sections(kind, profile, rendering.sections_in_template(body))
    if missing:
        raise LetterIncompleteError(describe_missing(kind, missing))


@transaction.atomic
def letter_template_save(
    *,
    landlord: Landlord,
    actor: User,
    kind: LetterKind,
    subject: str,
    body: str,
    variant: str = LetterTemplate.Variant.STANDARD,
) -> LetterTemplate:
    """Save a new version of a template; refused if it misses a section the Code or the policy requires.
    Letters already sent keep the version they used."""
    require(actor, landlord, "landlord.administer")
    if variant not in LetterTemplate.Variant.values:
        raise InvalidInputError("variant", f"variant is one of {', '.join(LetterTemplate.Variant.values)}")
    _check_template(kind, profile_on(landlord, timezone.localdate()), subject, body)
    current_template(landlord, kind, variant)  # the default becomes version 1, so history starts from it
    latest = LetterTemplate.objects.filter(landlord=landlord, kind=kind.value, variant=variant).aggregate(
        v=Max("version")
    )
    return LetterTemplate.objects.create(
        landlord=landlord,
        kind=kind.value,
        variant=variant,
        version=(latest["v"] or 0) + 1,
        subject=subject.strip(),
        body=body,
        created_by=actor,
    )


def letter_template_preview(
    *, landlord: Landlord, actor: User, kind: LetterKind, subject: str, body: str, case: Case
) -> rendering.Rendered:
    """Render an unsaved template for a real case, to see it before saving (nothing is stored or sent)."""
    require(actor, landlord, "landlord.administer")
    if case.landlord_id != landlord.pk:
        raise InvalidInputError("case", f"no such case at {landlord.name}")
    profile = profile_on(landlord, timezone.localdate())
    _check_template(kind, profile, subject, body)
    stage = case.stages.filter(number=case.stage).first() if case.stage else None
    context = letter_context(
        landlord=landlord,
        profile=profile,
        customer=case.customer,
        recipient=recipient_for(case.customer),
        letter_date=timezone.localdate(),
        case=case,
        stage=stage,
        **_preview_extras(kind, stage),
    )
    return rendering.render(subject, body, context)


def _preview_extras(kind: LetterKind, stage: Stage | None) -> dict[str, Any]:
    """Stand-in words for a preview where the occasion would supply them."""
    today = timezone.localdate()
    return {
        "questions": "(the questions you will ask)",
        "reply_by": today,
        "escalate_by": stage.escalate_by if stage else None,
        "escalation_contact": "(how to contact us)",
        "reason_label": "(the reason)",
        "colleague_name": "(colleague)",
        "line_manager_name": "(line manager)",
        "compliment_text": "(the compliment)",
        "response": "(your response)",
        "restriction_label": "(restriction)",
        "appeal_to": "(a director)",
        "survey_url": "(survey link)",
        "issue": "(the new issue)",
    }


# -- issuing ---------------------------------------------------------------------------------------------


def _active_adjustments(customer: Customer, on: date) -> set[str]:
    return set(
        Adjustment.objects.filter(customer=customer, agreed_on__lte=on, ended_on__isnull=True).values_list(
            "type", flat=True
        )
    )


def _representatives(customer: Customer, on: date) -> list[Representative]:
    """Representatives with authority given and not expired, who receive correspondence."""
    return [
        r
        for r in customer.representatives.filter(authority=Representative.Authority.GIVEN).exclude(
            correspondence="none"
        )
        if r.expires_on is None or r.expires_on >= on
    ]


def _deliveries(
    customer: Customer, representatives: list[Representative]
) -> list[tuple[Recipient, str, str]]:
    """(recipient, channel, address) for each copy: the customer's choice of email, post or both, and each
    authorised representative as well as or instead of the customer."""
    copies: list[tuple[Recipient, str, str]] = []
    if not any(r.correspondence == "instead" for r in representatives):
        recipient = recipient_for(customer)
        wants = {"email": ["email"], "post": ["post"], "both": ["email", "post"]}[customer.letters_by]
        for channel in wants:
            if channel == "email" and customer.email:
                copies.append((recipient, "email", customer.email))
            elif (
                (channel == "post" or not customer.email)
                and recipient.address
                and not any(c[1] == "post" for c in copies)
            ):
                copies.append((recipient, "post", recipient.address))
    for representative in representatives:
        if representative.email:
            copies.append((recipient_for(customer, representative), "email", representative.email))
    return copies


@transaction.atomic
def letter_issue(
    *,
    landlord: Landlord,
    actor: User | None,
    kind: LetterKind,
    customer: Customer,
    case: Case | None = None,
    stage: Stage | None = None,
    sent_on: date | None = None,
    send: bool = True,
    to_staff: list[User] | None = None,
    **extra: Any,
) -> Letter:
    """Write and send a letter (or, with send=False, record one sent outside PutRight on `sent_on`).

    The template is the landlord's current version (plain language where that adjustment is recorded and a
    plain version exists); the letter is refused, naming what is missing, if it lacks a required section.
    Deliveries follow the customer's record (or go to `to_staff`, for notes to colleagues) and go out by
    background task after the transaction commits. A customer with no address gets a letter marked failed
    with the reason, for a person to send another way; the step it belongs to is not held up.
    """
    if customer.landlord_id != landlord.pk:
        raise InvalidInputError("customer", f"no such customer at {landlord.name}")
    today = timezone.localdate()
    sent_on = sent_on or today
    adjustments = _active_adjustments(customer, sent_on)
    variant = (
        LetterTemplate.Variant.PLAIN
        if adjustments & {"plain_language", "easy_read"}
        and current_template(landlord, kind, LetterTemplate.Variant.PLAIN)
        else LetterTemplate.Variant.STANDARD
    )
    template = current_template(landlord, kind, variant)
    if template is None:
        raise InvalidInputError("kind", f"{landlord.name} has no template for the {kind.label}")
    profile = profile_on(landlord, sent_on)
    representatives = _representatives(customer, sent_on)
    lead = representatives[0] if any(r.correspondence == "instead" for r in representatives) else None
    context = letter_context(
        landlord=landlord,
        profile=profile,
        customer=customer,
        recipient=(
            recipient_for(customer, lead)
            if to_staff is None
            else Recipient(" and ".join(str(p) for p in to_staff), "staff", "", "")
        ),
        letter_date=sent_on,
        case=case,
        stage=stage,
        **extra,
    )
    rendered = rendering.render(template.subject, template.body, context)
    missing = missing_sections(kind, profile, rendering.sections_in_letter(rendered.body_html))
    if missing:
        raise LetterIncompleteError(describe_missing(kind, missing))
    letter = Letter.objects.create(
        landlord=landlord,
        case=case,
        customer=customer,
        kind=kind.value,
        template=template,
        subject=rendered.subject,
        body_html=rendered.body_html,
        html=rendered.email_html,
        text=rendered.text,
        large_print="large_print" in adjustments,
        sent_on=sent_on,
        status=Letter.Status.SENDING if send else Letter.Status.RECORDED,
        created_by=actor,
    )
    if send:
        copies = (
            _deliveries(customer, representatives)
            if to_staff is None
            else [(Recipient(str(p), "staff", p.email, ""), "email", p.email) for p in to_staff if p.email]
        )
        if not copies:
            letter.status = Letter.Status.FAILED
            letter.problem = (
                f"{recipient_for(customer).name} has no email address or postal address on record: "
                "send it another way and record how"
            )
            letter.save(update_fields=["status", "problem"])
        for recipient, channel, address in copies:
            delivery = Delivery.objects.create(
                landlord=landlord,
                letter=letter,
                channel=channel,
                recipient_name=recipient.name,
                recipient_role=recipient.role,
                address=address,
            )
            _enqueue_on_commit(delivery.pk)
    return letter


def _enqueue_on_commit(delivery_id: int) -> None:
    from putright.letters.tasks import deliver

    transaction.on_commit(lambda: deliver.enqueue(delivery_id), robust=True)
