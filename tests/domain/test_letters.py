"""The sections each letter must contain (complaint-rules.md sections 4 and 5; Code 6.2, 6.5, 6.11, 6.16)."""

import pytest

from putright.domain.letters import LetterKind, Section, describe_missing, missing_sections, required_sections
from putright.domain.profiles import default_registry

L, S = LetterKind, Section


def latest(name):
    return default_registry().latest(name)


def sections(kind, policy="hos-code-2024"):
    return [r.section for r in required_sections(kind, latest(policy))]


@pytest.mark.parametrize("kind", [k for k in LetterKind if k.about_a_complaint])
def test_every_complaint_letter_gives_the_ombudsman_details(kind):
    assert S.OMBUDSMAN in sections(kind)


def test_acknowledgement_sets_out_definition_responsibility_investigator_and_response_date():
    for kind in (L.STAGE1_ACKNOWLEDGEMENT, L.STAGE2_ACKNOWLEDGEMENT):
        assert sections(kind)[:4] == [
            S.COMPLAINT_DEFINITION,
            S.RESPONSIBILITY,
            S.INVESTIGATOR,
            S.RESPONSE_DATE,
        ]


def test_stage1_response_has_a_decision_per_point_and_the_escalation_route():
    required = sections(L.STAGE1_RESPONSE)
    assert {S.STAGE, S.DECISIONS, S.REMEDY, S.ACTIONS, S.ESCALATION_ROUTE} <= set(required)
    assert S.OMBUDSMAN_ROUTE not in required


def test_stage2_response_has_the_ombudsman_route_and_designated_persons():
    required = sections(L.STAGE2_RESPONSE)
    assert {S.OMBUDSMAN_ROUTE, S.DESIGNATED_PERSONS} <= set(required)
    assert S.ESCALATION_ROUTE not in required
    assert S.OTHER_BODIES not in required  # the Code's profile names only the Housing Ombudsman


def test_great_places_stage2_response_names_its_other_referral_bodies():
    other = [
        r for r in required_sections(L.STAGE2_RESPONSE, latest("great-places")) if r.section is S.OTHER_BODIES
    ]
    assert other and "Building Safety Regulator" in other[0].why


def test_decisions_not_to_accept_or_escalate_give_the_reason_and_the_ombudsman_right():
    for kind in (L.NOT_ACCEPTED, L.NOT_ESCALATED):
        assert {S.DECISION, S.OMBUDSMAN_RIGHT, S.OMBUDSMAN} <= set(sections(kind))


def test_extension_notice_gives_the_reason_new_date_and_the_ombudsman():
    assert sections(L.EXTENSION_NOTICE) == [S.EXTENSION, S.OMBUDSMAN]


def test_restriction_letter_says_why_how_to_contact_how_long_and_how_to_review():
    assert S.RESTRICTION_TERMS in sections(L.RESTRICTION, "brighter-places-2022")


def test_missing_sections_are_named_with_why_they_are_required():
    missing = missing_sections(L.EXTENSION_NOTICE, latest("great-places"), {"extension"})
    assert [r.section for r in missing] == [S.OMBUDSMAN]
    assert describe_missing(L.EXTENSION_NOTICE, missing).startswith(
        "the extension notice is missing 1 required section: ombudsman (complaint-rules.md section 5; Code 6.5"
    )
