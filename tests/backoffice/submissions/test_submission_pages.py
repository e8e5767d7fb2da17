"""/landlords/<slug>/submissions/: online-form submissions not yet logged, and trying them again."""

import pytest
from django.urls import reverse
from django.utils import timezone

from putright.cases.models import Case
from putright.submissions.models import PublicSubmission

ANSWERS = {
    "who": "resident",
    "kind": "complaint",
    "what_happened": "Mould in the bathroom",
    "issue_date": "2026-03-02",
    "name": "Sam Taylor",
    "email": "sam@example.test",
    "preferred": "email",
}


def waiting(org, reference, *, answers=None, status=PublicSubmission.Status.FAILED, error=""):
    return PublicSubmission.objects.create(
        landlord=org.landlord,
        reference=reference,
        received_at=timezone.now(),
        answers=answers or ANSWERS,
        email="sam@example.test",
        status=status,
        error=error,
    )


def list_url(slug="brighter"):
    return reverse("backoffice:submissions", args=[slug])


def retry_url(reference, slug="brighter"):
    return reverse("backoffice:submission-retry", args=[slug, reference])


@pytest.fixture
def failed(brighter):
    return waiting(brighter, "BP-WFAILED01", error="InvalidInputError: Enter the customer's name")


def test_anonymous_people_are_sent_to_sign_in(client, brighter, failed):
    for response in (client.get(list_url()), client.post(retry_url(failed.reference))):
        assert response.status_code == 302 and response.url.startswith(reverse("backoffice:sign-in"))
    failed.refresh_from_db()
    assert failed.status == PublicSubmission.Status.FAILED


@pytest.mark.parametrize("role", ["officer", "manager", "housing"])
def test_people_who_log_feedback_see_what_waits_and_why_in_words(client, brighter, failed, role):
    waiting(brighter, "BP-WRECEIVED", status=PublicSubmission.Status.RECEIVED)
    waiting(brighter, "BP-WSPAM0001", status=PublicSubmission.Status.SPAM)
    client.force_login(getattr(brighter, role))
    body = client.get(list_url()).content.decode()
    assert "2 submissions waiting" in body
    assert "PutRight refused it: Enter the customer&#x27;s name" in body
    assert "logging it was interrupted" in body
    assert "BP-WSPAM0001" not in body


def test_read_only_roles_are_refused(client, brighter, failed):
    client.force_login(brighter.board)
    assert client.get(list_url()).status_code == 403
    assert client.post(retry_url(failed.reference)).status_code == 403
    failed.refresh_from_db()
    assert failed.status == PublicSubmission.Status.FAILED


def test_another_landlords_submissions_are_not_found(client, brighter, great, failed):
    client.force_login(great.officer)
    assert client.get(list_url("brighter")).status_code == 404
    assert client.post(retry_url(failed.reference, "great")).status_code == 404
    assert "BP-WFAILED01" not in client.get(list_url("great")).content.decode()
    failed.refresh_from_db()
    assert failed.status == PublicSubmission.Status.FAILED


def test_try_again_logs_it_and_links_to_the_case(client, brighter, failed):
    client.force_login(brighter.officer)
    response = client.post(retry_url(failed.reference), follow=True)
    failed.refresh_from_db()
    assert failed.status == PublicSubmission.Status.PROCESSED
    case = Case.objects.get(landlord=brighter.landlord)
    body = response.content.decode()
    assert f"BP-WFAILED01 is logged as case {case.reference}" in body
    assert f'/cases/{case.reference}/"' in body and "No submissions waiting" in body


def test_try_again_that_fails_again_says_why(client, brighter):
    broken = waiting(brighter, "BP-WBROKEN01", answers={"who": "resident"})
    client.force_login(brighter.officer)
    body = client.post(retry_url(broken.reference), follow=True).content.decode()
    broken.refresh_from_db()
    assert broken.status == PublicSubmission.Status.FAILED and broken.error
    assert "BP-WBROKEN01 still could not be logged" in body


def test_try_again_on_a_logged_submission_changes_nothing(client, brighter, failed):
    client.force_login(brighter.officer)
    client.post(retry_url(failed.reference))
    response = client.post(retry_url(failed.reference), follow=True)
    assert "Nothing to try again" in response.content.decode()
    assert Case.objects.filter(landlord=brighter.landlord).count() == 1


def test_get_is_not_allowed_on_try_again(client, brighter, failed):
    client.force_login(brighter.officer)
    assert client.get(retry_url(failed.reference)).status_code == 405
