"""Receiving the public feedback form: save first, then log.

`submission_receive` stores the raw answers and files in a transaction of their own and only then tries to
find or create the customer and log the case. Whatever fails in that second step (a letter, a check, the
database), the submission is already saved: it is marked for staff with the error, and the person still gets
their reference. A filled honeypot is stored as spam and never becomes a case.
"""

from __future__ import annotations

import logging
import posixpath
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from putright.accounts.models import User
from putright.accounts.rate_limits import hourly_limit_reached
from putright.accounts.services import channel_account
from putright.cases.models import Case
from putright.cases.services.intake import feedback_log
from putright.cases.services.notes import _checked_type, case_attachment_add, clean_name
from putright.customers.models import Channel, Customer, Representative
from putright.customers.services import customer_create, representative_add
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.domain.lifecycle import Kind
from putright.organisations.models import Landlord
from putright.submissions.models import PublicSubmission, PublicSubmissionFile

log = logging.getLogger(__name__)

MAX_FILES = 5
"""Photos or documents one submission may carry (evidence of authority comes on top)."""
PER_ADDRESS_PER_HOUR = 10
PER_EMAIL_PER_HOUR = 5
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on the phone

CUSTOMER_TYPES = {
    "resident": Customer.Type.RESIDENT,
    "leaseholder": Customer.Type.LEASEHOLDER,
    "shared_owner": Customer.Type.SHARED_OWNER,
    "applicant": Customer.Type.APPLICANT,
    "non_resident": Customer.Type.NON_RESIDENT,
}
KINDS = {"complaint": Kind.COMPLAINT, "compliment": Kind.COMPLIMENT, "comment": Kind.COMMENT}
ADJUSTMENT_LABELS = {
    "large_print": "Large print",
    "easy_read": "Easy read",
    "phone_call": "A phone call instead of writing",
    "interpreter": "An interpreter",
    "bsl": "British Sign Language",
    "named_contact": "A named contact",
    "avoid_times": "Times to avoid contacting them",
}


@dataclass(frozen=True)
class StagedFile:
    """A checked file kept in storage while the person finishes the form (its details live in the session)."""

    path: str
    name: str
    content_type: str
    size: int

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "name": self.name, "content_type": self.content_type, "size": self.size}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StagedFile:
        return cls(str(data["path"]), str(data["name"]), str(data["content_type"]), int(data["size"]))


def _staging(landlord: Landlord) -> str:
    return f"submissions/landlord-{landlord.pk}/"


def submission_file_stage(*, landlord: Landlord, file: File[bytes] | None, field: str) -> StagedFile:
    """Check an uploaded file as a case attachment is checked (type allow-list by name and first bytes,
    size limit) and keep it under a random name until the form is sent."""
    if file is None:
        raise InvalidInputError(field, "Select a file")
    name = clean_name(file.name or "")
    try:
        file_type = _checked_type(file, name)
    except InvalidInputError as error:
        raise InvalidInputError(field, str(error)) from None
    extension = posixpath.splitext(name)[1].lower()
    stored = default_storage.save(f"{_staging(landlord)}{uuid.uuid4().hex}{extension}", file)
    return StagedFile(stored, name, file_type.content_type, int(file.size or 0))


def submission_file_discard(*, landlord: Landlord, staged: StagedFile) -> None:
    """Forget a staged file the person removed before sending."""
    if staged.path.startswith(_staging(landlord)):
        default_storage.delete(staged.path)


def submission_rate_limited(*, client_address: str, email: str, at: datetime | None = None) -> bool:
    """Whether this address or email address has sent as many submissions as an hour allows."""
    return hourly_limit_reached(
        PublicSubmission.objects.all(),
        at_field="received_at",
        until=at or timezone.now(),
        client_address=client_address,
        email=email,
        per_address=PER_ADDRESS_PER_HOUR,
        per_email=PER_EMAIL_PER_HOUR,
    )


def _reference(landlord: Landlord) -> str:
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        reference = f"{landlord.reference_prefix}-W{code}"
        if not PublicSubmission.objects.filter(reference=reference).exists():
            return reference


def submission_receive(
    *,
    landlord: Landlord,
    answers: dict[str, Any],
    files: list[StagedFile],
    authority_files: list[StagedFile],
    client_address: str,
    spam: bool = False,
) -> PublicSubmission:
    """Save what was sent, then (unless it is spam) log it; a failure to log leaves it saved for staff."""
    with transaction.atomic():
        submission = PublicSubmission.objects.create(
            landlord=landlord,
            reference=_reference(landlord),
            received_at=timezone.now(),
            answers=answers,
            email=str(answers.get("email", "")).strip().lower(),
            client_address=client_address,
            status=PublicSubmission.Status.SPAM if spam else PublicSubmission.Status.RECEIVED,
        )
        prefix = _staging(landlord)
        for purpose, staged_files in (
            (PublicSubmissionFile.Purpose.ATTACHMENT, files),
            (PublicSubmissionFile.Purpose.AUTHORITY, authority_files),
        ):
            for staged in staged_files:
                if staged.path.startswith(prefix):
                    PublicSubmissionFile.objects.create(
                        submission=submission,
                        purpose=purpose,
                        file=staged.path,
                        original_name=staged.name,
                        content_type=staged.content_type,
                        size=staged.size,
                    )
    if spam:
        return submission
    return _process(submission)


def _process(submission: PublicSubmission) -> PublicSubmission:
    try:
        with transaction.atomic():
            _log(submission)
    except Exception as error:  # saved already: whatever went wrong, staff process it by hand
        log.exception("submission %s could not be logged", submission.reference)
        submission.status = PublicSubmission.Status.FAILED
        submission.error = f"{type(error).__name__}: {error}"
        submission.save(update_fields=["status", "error"])
    return submission


def submission_retry(*, landlord: Landlord, reference: str) -> PublicSubmission:
    """Try again to log a submission that failed (or was interrupted) after it was saved."""
    submission = PublicSubmission.objects.filter(landlord=landlord, reference=reference).first()
    if submission is None:
        raise NotFoundError(f"no submission {reference} at {landlord.name}")
    waiting = (PublicSubmission.Status.FAILED, PublicSubmission.Status.RECEIVED)
    if submission.status not in waiting:
        raise InvalidInputError("reference", f"{reference} is {submission.get_status_display().lower()}")
    submission.error = ""
    return _process(submission)


def staged_files_clean(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Delete files people uploaded but never sent (abandoned forms); those sent are never touched."""
    cutoff = timezone.now() - older_than
    kept = set(PublicSubmissionFile.objects.values_list("file", flat=True))
    removed = 0
    if not default_storage.exists("submissions"):
        return removed
    for landlord_folder in default_storage.listdir("submissions")[0]:
        folder = f"submissions/{landlord_folder}"
        for name in default_storage.listdir(folder)[1]:
            path = f"{folder}/{name}"
            if path not in kept and default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
    return removed


def online_form_user(landlord: Landlord) -> User:
    """The account the online form logs cases as: an integration user of the landlord's, never a person."""
    return channel_account(landlord, "online-form", "Online form")


def _kind(answers: dict[str, Any]) -> Kind:
    if answers.get("kind") == "repair":
        return Kind.COMPLAINT if answers.get("repair_reported") == "already" else Kind.SERVICE_REQUEST
    return KINDS[str(answers["kind"])]


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _customer(landlord: Landlord, actor: User, answers: dict[str, Any]) -> Customer:
    acting = answers.get("who") == "representative"
    prefix = "person_" if acting else ""
    email = str(answers.get(f"{prefix}email", "")).strip()
    if email:
        matches = list(Customer.objects.filter(landlord=landlord, email__iexact=email)[:2])
        if len(matches) == 1:
            return matches[0]
    preferred = str(answers.get("preferred", "")) if not acting else ""
    return customer_create(
        landlord=landlord,
        actor=actor,
        name=str(answers.get(f"{prefix}name", "")),
        type=CUSTOMER_TYPES[str(answers.get("person_type" if acting else "who"))],
        address=str(answers.get(f"{prefix}address", "")),
        postcode=str(answers.get(f"{prefix}postcode", "")),
        email=email,
        phone=str(answers.get(f"{prefix}phone", "")),
        preferred_channel=preferred if preferred in Channel.values else Channel.EMAIL,
    )


def _matter(answers: dict[str, Any]) -> str:
    """A representative from the form acts on the matter they complained about (the case they are recorded
    on), not every case of the customer, until staff widen it on the customer record."""
    return f"The matter raised through the online form: {_summary(answers)}"[:200]


def _representative(
    landlord: Landlord, actor: User, customer: Customer, answers: dict[str, Any], evidence: list[str]
) -> Representative:
    if answers.get("authority") == "evidence" and evidence:
        note = "Evidence uploaded with the online form: " + ", ".join(evidence)
    else:
        note = "Asked us to send the customer a consent form"
    return representative_add(
        landlord=landlord,
        actor=actor,
        customer_id=customer.pk,
        name=str(answers.get("name", "")),
        relationship=str(answers.get("relationship", "")),
        basis=Representative.Basis.ASKED_BY_CUSTOMER,
        evidence=note,
        scope=_matter(answers),
        email=str(answers.get("email", "")),
        phone=str(answers.get("phone", "")),
    )


def description_of(answers: dict[str, Any]) -> str:
    """The case description: what happened, in the person's words, then what they asked for."""
    parts = [str(answers.get("what_happened", "")).strip()]
    if answers.get("where"):
        parts.append(f"Where: {answers['where']}")
    if answers.get("outcome"):
        parts.append(f"What they would like to happen: {answers['outcome']}")
    asked = [ADJUSTMENT_LABELS[code] for code in answers.get("adjustments", []) if code in ADJUSTMENT_LABELS]
    if asked:
        details = [
            f"{label}: {answers[key]}"
            for key, label in (
                ("interpreter_language", "language"),
                ("named_contact_name", "named contact"),
                ("avoid_times", "times to avoid"),
            )
            if answers.get(key)
        ]
        parts.append("Adjustments asked for (to agree): " + "; ".join(asked + details))
    if answers.get("preferred"):
        parts.append(f"Prefers contact by {answers['preferred']}")
    return "\n\n".join(part for part in parts if part)


def _summary(answers: dict[str, Any]) -> str:
    """The start of what happened, in the person's words: the portal shows it back to them as the case's
    title (the kind and the channel are the case's own fields)."""
    first = " ".join(str(answers.get("what_happened", "")).split())
    if len(first) > 80:
        first = first[:77].rstrip() + "..."
    return first


def _log(submission: PublicSubmission) -> Case:
    landlord = submission.landlord
    answers = submission.answers
    actor = online_form_user(landlord)
    customer = _customer(landlord, actor, answers)
    files = list(submission.files.all())
    representative = None
    if answers.get("who") == "representative":
        evidence = [f.original_name for f in files if f.purpose == PublicSubmissionFile.Purpose.AUTHORITY]
        representative = _representative(landlord, actor, customer, answers, evidence)
    kind = _kind(answers)
    case = feedback_log(
        landlord=landlord,
        actor=actor,
        kind=kind,
        channel=Channel.WEB,
        received_at=submission.received_at,
        customer=customer,
        representative=representative,
        summary=_summary(answers),
        description=description_of(answers),
        received_by="Online form",
        issue_date=_day(answers.get("issue_date")) if kind is not Kind.COMPLIMENT else None,
        aware_date=_day(answers.get("aware_date")) if kind is not Kind.COMPLIMENT else None,
    )
    for stored in files:
        with default_storage.open(stored.file.name, "rb") as handle:
            upload = File(handle, name=stored.original_name)
            case_attachment_add(
                landlord=landlord,
                actor=actor,
                case_id=case.pk,
                file=upload,
                description=stored.get_purpose_display(),
            )
    submission.status = PublicSubmission.Status.PROCESSED
    submission.customer = customer
    submission.case = case
    submission.processed_at = timezone.now()
    submission.save(update_fields=["status", "customer", "case", "processed_at"])
    return case
