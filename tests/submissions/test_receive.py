"""submission_receive: saved first, then logged; a failure to log never loses what was sent."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from putright.cases.models import Case
from putright.customers.models import Customer
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.submissions import services
from putright.submissions.models import PublicSubmission
from putright.submissions.services import (
    submission_file_stage,
    submission_rate_limited,
    submission_receive,
)

pytestmark = pytest.mark.django_db

ANSWERS = {
    "who": "resident",
    "kind": "complaint",
    "what_happened": "Mould in the bathroom",
    "issue_date": "2026-03-02",
    "aware_date": "",
    "outcome": "Treat it",
    "adjustments": ["interpreter"],
    "interpreter_language": "Polish",
    "name": "Sam Taylor",
    "email": "Sam@Example.test",
    "preferred": "email",
}


def _receive(landlord, **kwargs):
    options = {"answers": ANSWERS, "files": [], "authority_files": [], "client_address": "203.0.113.9"}
    return submission_receive(landlord=landlord, **{**options, **kwargs})


def test_a_submission_is_saved_then_logged(great):
    submission = _receive(great.landlord)
    submission.refresh_from_db()
    assert submission.status == PublicSubmission.Status.PROCESSED
    assert submission.answers == ANSWERS and submission.email == "sam@example.test"
    assert submission.reference.startswith("GP-W")
    case = submission.case
    assert case.channel == "web" and case.issue_date.isoformat() == "2026-03-02"
    assert "Adjustments asked for (to agree): An interpreter; language: Polish" in case.description
    assert case.logged_by.email == "online-form@great.putright.invalid"
    assert not case.logged_by.has_usable_password()


def test_when_logging_fails_the_submission_is_kept_for_staff(great, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the letter service is down")

    monkeypatch.setattr(services, "feedback_log", broken)
    submission = _receive(great.landlord)
    kept = PublicSubmission.objects.get(pk=submission.pk)
    assert kept.status == PublicSubmission.Status.FAILED
    assert kept.error == "RuntimeError: the letter service is down"
    assert kept.answers == ANSWERS
    assert not Case.objects.exists()
    assert not Customer.objects.filter(name="Sam Taylor").exists()  # the second step rolled back whole


def test_files_are_kept_even_when_logging_fails(great, monkeypatch):
    staged = submission_file_stage(
        landlord=great.landlord, file=SimpleUploadedFile("p.png", b"\x89PNG\r\n\x1a\n...."), field="file"
    )
    monkeypatch.setattr(services, "feedback_log", lambda **kwargs: 1 / 0)
    submission = _receive(great.landlord, files=[staged])
    assert submission.status == PublicSubmission.Status.FAILED
    assert [f.original_name for f in submission.files.all()] == ["p.png"]


def test_the_honeypot_keeps_it_as_spam_and_never_makes_a_case(great):
    submission = _receive(great.landlord, spam=True)
    assert submission.status == PublicSubmission.Status.SPAM
    assert not Case.objects.exists()


def test_a_file_from_outside_the_landlords_folder_is_not_taken(great, brighter):
    staged = submission_file_stage(
        landlord=brighter.landlord, file=SimpleUploadedFile("p.png", b"\x89PNG\r\n\x1a\n...."), field="file"
    )
    submission = _receive(great.landlord, files=[staged])
    assert not submission.files.exists()


def test_staging_checks_the_file(great):
    with pytest.raises(InvalidInputError) as raised:
        submission_file_stage(
            landlord=great.landlord, file=SimpleUploadedFile("a.txt", b"\x00\x01"), field="file"
        )
    assert raised.value.field == "file"
    assert str(raised.value) == "The selected file is not a plain text (TXT) file, whatever its name says"


class TestRateLimits:
    def test_by_address(self, great):
        for _ in range(services.PER_ADDRESS_PER_HOUR - 1):
            _receive(great.landlord, spam=True, answers={"email": ""})
        assert not submission_rate_limited(client_address="203.0.113.9", email="")
        _receive(great.landlord, spam=True, answers={"email": ""})
        assert submission_rate_limited(client_address="203.0.113.9", email="")
        assert not submission_rate_limited(client_address="198.51.100.1", email="")

    def test_by_email(self, great):
        for n in range(services.PER_EMAIL_PER_HOUR):
            _receive(great.landlord, spam=True, client_address=f"198.51.100.{n}")
        assert submission_rate_limited(client_address="192.0.2.1", email=" SAM@example.test ")
        assert not submission_rate_limited(client_address="192.0.2.1", email="other@example.test")

    def test_only_the_last_hour_counts(self, great):
        for _ in range(services.PER_EMAIL_PER_HOUR):
            _receive(great.landlord, spam=True)
        later = timezone.now() + timedelta(hours=1, minutes=1)
        assert not submission_rate_limited(client_address="203.0.113.9", email="sam@example.test", at=later)


def test_a_failed_submission_can_be_retried_once_the_fault_is_fixed(great, monkeypatch):
    monkeypatch.setattr(services, "feedback_log", lambda **kwargs: 1 / 0)
    submission = _receive(great.landlord)
    monkeypatch.undo()
    retried = services.submission_retry(landlord=great.landlord, reference=submission.reference)
    assert retried.status == PublicSubmission.Status.PROCESSED and retried.error == ""
    assert retried.case.channel == "web"
    with pytest.raises(InvalidInputError):
        services.submission_retry(landlord=great.landlord, reference=submission.reference)


def test_retry_is_per_landlord(great, brighter, monkeypatch):
    monkeypatch.setattr(services, "feedback_log", lambda **kwargs: 1 / 0)
    submission = _receive(great.landlord)
    with pytest.raises(NotFoundError):
        services.submission_retry(landlord=brighter.landlord, reference=submission.reference)


def test_the_command_lists_and_retries(great, monkeypatch):
    monkeypatch.setattr(services, "feedback_log", lambda **kwargs: 1 / 0)
    submission = _receive(great.landlord)
    out = io.StringIO()
    call_command("submissions", "waiting", stdout=out)
    assert submission.reference in out.getvalue() and "ZeroDivisionError" in out.getvalue()
    monkeypatch.undo()
    out = io.StringIO()
    call_command("submissions", "retry", "great", submission.reference, stdout=out)
    assert "logged as GP-" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("submissions", "retry", "nobody", submission.reference)


def test_abandoned_uploads_are_cleared_but_sent_files_kept(great):
    def stage(name):
        return submission_file_stage(
            landlord=great.landlord, file=SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n...."), field="file"
        )

    sent, abandoned = stage("sent.png"), stage("gone.png")
    _receive(great.landlord, files=[sent])
    assert services.staged_files_clean() == 0  # too recent
    assert services.staged_files_clean(older_than=timedelta(0)) == 1
    assert default_storage.exists(sent.path) and not default_storage.exists(abandoned.path)
