"""The profile in plain words (putright/organisations/public_policy.py), for both landlords' profiles."""

from __future__ import annotations

from dataclasses import replace

from putright.domain.profiles import LateEscalation, default_registry
from putright.organisations.public_policy import OTHERWISE, public_policy


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


def test_an_exclusion_without_a_known_alternative_gets_the_general_words():
    profile = default_registry().latest("great-places")
    odd = replace(profile.exclusions[0], code="something-new")
    policy = public_policy(replace(profile, exclusions=(odd,)))
    assert policy.not_complaints[0].instead == OTHERWISE
