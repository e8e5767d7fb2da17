"""The profile in plain words (putright/organisations/public_policy.py), for both landlords' profiles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from putright.domain.profiles import LateEscalation, default_registry
from putright.organisations.public_policy import public_policy


def _policy(name):
    return public_policy(default_registry().latest(name))


def test_great_places():
    policy = _policy("great-places")
    first, second = policy.stages
    assert first.acknowledge == "We will acknowledge your complaint within 5 working days."
    assert second.acknowledge == "We will acknowledge your request for stage 2 within 5 working days."
    assert "We will not take more than 20 extra working days without a good reason." in second.extension
    assert policy.time_limit.endswith("There is no time limit for safeguarding or health and safety matters.")
    assert (
        policy.escalation[0] == "If you are unhappy with our stage 1 reply, you can ask for stage 2."
    )  # no window set
    assert policy.ombudsman.name == "Housing Ombudsman Service" and policy.ombudsman.when == "at any stage"
    assert [b.when for b in policy.other_bodies] == [
        "for property services matters",
        "for new homes matters",
        "for building safety matters",
    ]
    assert {item.instead for item in policy.not_complaints} >= {
        "Our housing or anti-social behaviour team deals with it under the tenancy agreement."
    }


def test_brighter_places():
    policy = _policy("brighter-places-2022")
    first, second = policy.stages
    assert first.respond == "We will reply in full within 10 working days of recording it."
    assert second.respond == "We will reply in full within 20 working days of receiving your request."
    assert first.extension[1] == "We only take longer for a good reason, which we will explain."
    assert "An extension is usually no more than 10 working days." in first.extension
    assert "Anything beyond 10 extra working days needs your agreement." in second.extension
    assert policy.escalation[0] == (
        "If you are unhappy with our stage 1 reply, ask for stage 2 within 15 working days of our reply, "
        "or 15 working days of the agreed work being finished."
    )
    assert policy.time_limit.startswith("Please complain within 6 months of the problem happening.")
    assert policy.other_bodies == ()


def test_the_code_counts_from_awareness_and_decides_late_requests():
    policy = _policy("hos-code-2024")
    assert "or of when you found out about it" in policy.time_limit


def test_a_window_with_late_requests_decided():
    brighter = default_registry().latest("brighter-places-2022")
    escalation = replace(brighter.escalation, late_request=LateEscalation.DECIDE, window_from_works=None)
    policy = public_policy(replace(brighter, escalation=escalation))
    assert policy.escalation[0].endswith("within 15 working days of our reply.")
    assert (
        "If you ask later than that, we will still consider it and explain our decision." in policy.escalation
    )


STAFF_SIDE = ("the customer", "Unreasonable Complainant", "is told", "Brighter Places", "Great Places")


@pytest.mark.parametrize("name", ["great-places", "brighter-places-2022", "hos-code-2024"])
def test_exclusions_on_public_pages_are_addressed_to_the_resident(name):
    """Every exclusion and what happens instead is in the resident's words, never the staff's label."""
    profile = default_registry().latest(name)
    policy = public_policy(profile)
    assert [item.what for item in policy.not_complaints] == [e.resident_label for e in profile.exclusions]
    for item, exclusion in zip(policy.not_complaints, profile.exclusions, strict=True):
        assert item.what != exclusion.label
        assert not any(words in item.what + item.instead for words in STAFF_SIDE), item


def test_staff_keep_their_own_wording_of_the_exclusions():
    profile = default_registry().latest("great-places")
    survey = next(e for e in profile.exclusions if e.code == "survey-dissatisfaction")
    assert survey.label == "Dissatisfaction expressed through a survey (the customer is told how to complain)"
    assert survey.resident_instead.startswith("We will tell you how to complain")
