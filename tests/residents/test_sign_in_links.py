"""Sign-in links: single use, expiring, stored hashed, the same answer for any address, rate-limited."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from putright.domain.errors import NotFoundError, NotPermittedError
from putright.residents.models import SignInLink
from putright.residents.services import (
    PER_ADDRESS_PER_HOUR,
    PER_EMAIL_PER_HOUR,
    sign_in_link_redeem,
    sign_in_link_request,
    token_hash,
)

SITE = "https://putright.test/"


def ask(org, email="alex@example.test", address="203.0.113.5"):
    sign_in_link_request(landlord=org.landlord, email=email, client_address=address, site_url=SITE)


def sent_token():
    return re.search(r"/sign-in/link/([^/]+)/", mail.outbox[-1].body).group(1)


def test_a_known_address_gets_a_link_whose_token_is_stored_only_hashed(
    brighter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(brighter, email="Alex@Example.test")
    assert mail.outbox[-1].to == ["alex@example.test"]
    token = sent_token()
    link = SignInLink.objects.get()
    assert link.token_hash == token_hash(token) != token
    assert token not in str(SignInLink.objects.values_list())


def test_an_unknown_address_gets_no_email_but_the_request_is_counted(
    brighter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(brighter, email="nobody@example.test")
    assert mail.outbox == []
    assert SignInLink.objects.get().known is False


def test_a_link_works_once(brighter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(brighter)
    token = sent_token()
    resident = sign_in_link_redeem(landlord=brighter.landlord, token=token)
    assert resident.customer_ids == (brighter.customer.pk,)
    with pytest.raises(NotFoundError):
        sign_in_link_redeem(landlord=brighter.landlord, token=token)


def test_an_expired_link_does_not_work(brighter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(brighter)
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(NotFoundError):
        sign_in_link_redeem(landlord=brighter.landlord, token=sent_token())


def test_a_link_works_only_at_its_landlord(brighter, great, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(brighter)
    with pytest.raises(NotFoundError):
        sign_in_link_redeem(landlord=great.landlord, token=sent_token())


def test_a_guessed_token_does_not_work(brighter):
    ask(brighter)
    with pytest.raises(NotFoundError):
        sign_in_link_redeem(landlord=brighter.landlord, token="guess")


def test_requests_are_limited_per_email_address_known_or_not(brighter):
    for email in ("alex@example.test", "nobody@example.test"):
        for number in range(PER_EMAIL_PER_HOUR):
            ask(brighter, email=email, address=f"198.51.100.{number}")
        with pytest.raises(NotPermittedError):
            ask(brighter, email=email, address="198.51.100.200")


def test_requests_are_limited_per_client_address(brighter):
    for number in range(PER_ADDRESS_PER_HOUR):
        ask(brighter, email=f"person{number}@example.test")
    with pytest.raises(NotPermittedError):
        ask(brighter, email="another@example.test")
    ask(brighter, email="another@example.test", address="192.0.2.1")
