"""The honeypot and the rate limits, through the pages."""

from __future__ import annotations

import pytest

from putright.cases.models import Case
from putright.submissions import services
from putright.submissions.models import PublicSubmission
from tests.portal.public.walk import url, walk

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_pretends_success_but_keeps_it_as_spam(client, great, answers):
    walk(client, "great", answers)
    response = client.post(url("great", "check"), {"website": "http://spam.example"})
    submission = PublicSubmission.objects.get()
    assert submission.status == PublicSubmission.Status.SPAM
    assert not Case.objects.exists()
    assert "Feedback sent" in client.get(response["Location"]).content.decode()


def test_a_honeypot_filled_on_an_earlier_page_counts(client, great, answers):
    answers["details"] = {**answers["details"], "website": "bot"}
    walk(client, "great", answers)
    client.post(url("great", "check"))
    assert PublicSubmission.objects.get().status == PublicSubmission.Status.SPAM


def test_every_page_carries_the_honeypot(client, great, answers):
    assert 'name="website"' in client.get(url("great", "who")).content.decode()
    walk(client, "great", answers)
    assert 'name="website"' in client.get(url("great", "check")).content.decode()


def test_too_many_from_one_address_get_a_polite_page_and_keep_their_answers(
    client, great, answers, monkeypatch
):
    monkeypatch.setattr(services, "PER_ADDRESS_PER_HOUR", 1)
    walk(client, "great", answers)
    client.post(url("great", "check"))
    walk(client, "great", {**answers, "contact": {**answers["contact"], "email": "other@example.test"}})
    response = client.post(url("great", "check"))
    assert response.status_code == 429
    assert "You have sent a lot of feedback recently" in response.content.decode()
    assert PublicSubmission.objects.count() == 1
    assert client.get(url("great", "check")).status_code == 200  # nothing typed is lost


def test_the_address_is_the_client_not_the_proxy(client, great, answers, monkeypatch, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(services, "PER_ADDRESS_PER_HOUR", 1)
    walk(client, "great", answers)
    client.post(url("great", "check"), HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert PublicSubmission.objects.get().client_address == "203.0.113.5"
    other = {**answers, "contact": {**answers["contact"], "email": "two@example.test"}}
    walk(client, "great", other)
    assert client.post(url("great", "check"), HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 302


def test_too_many_from_one_email_address_are_limited(client, great, answers, monkeypatch, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(services, "PER_EMAIL_PER_HOUR", 1)
    walk(client, "great", answers)
    client.post(url("great", "check"), HTTP_X_FORWARDED_FOR="203.0.113.5")
    walk(client, "great", answers)
    assert client.post(url("great", "check"), HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 429


def test_logging_failure_still_confirms_with_the_reference(client, great, answers, monkeypatch):
    monkeypatch.setattr(services, "feedback_log", lambda **kwargs: 1 / 0)
    walk(client, "great", answers)
    response = client.post(url("great", "check"))
    submission = PublicSubmission.objects.get()
    assert submission.status == PublicSubmission.Status.FAILED
    page = client.get(response["Location"]).content.decode()
    assert submission.reference in page and "Feedback sent" in page
