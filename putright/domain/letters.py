"""What each letter to a customer must contain, by the Code and the landlord's policy profile.

A letter is a template made of named sections. The sections a kind of letter must contain are rules, kept
here with the provision that requires them, so that a template missing one cannot be saved and a letter
missing one cannot be sent; the message names what is missing and why it is required.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from putright.domain.profiles import Profile


class Section(Enum):
    OMBUDSMAN = "ombudsman"
    """How to contact the Housing Ombudsman, at any stage."""
    COMPLAINT_DEFINITION = "complaint_definition"
    RESPONSIBILITY = "responsibility"
    """What the landlord is, and is not, responsible for."""
    INVESTIGATOR = "investigator"
    RESPONSE_DATE = "response_date"
    CLARIFICATION = "clarification"
    EXTENSION = "extension"
    """The reason for the extension and the new date."""
    REPLY_PERIOD = "reply_period"
    CLOSURE_REASON = "closure_reason"
    STAGE = "stage"
    DECISIONS = "decisions"
    """A decision and its reasons on every point of the complaint definition."""
    REMEDY = "remedy"
    ACTIONS = "actions"
    """Outstanding actions, with the dates agreed."""
    ESCALATION_ROUTE = "escalation_route"
    """How to ask for stage 2, and by when."""
    OMBUDSMAN_ROUTE = "ombudsman_route"
    """How to refer the complaint to the Ombudsman now the landlord's process has ended."""
    OTHER_BODIES = "other_bodies"
    """The other referral bodies the profile names (Property Ombudsman, New Homes Ombudsman, Building Safety
    Regulator)."""
    DESIGNATED_PERSONS = "designated_persons"
    DECISION = "decision"
    """Why the landlord decided as it did (not to accept, not to escalate)."""
    OMBUDSMAN_RIGHT = "ombudsman_right"
    """The right to take the decision to the Ombudsman."""
    THANKS = "thanks"
    COLLEAGUE_NOTE = "colleague_note"
    ACKNOWLEDGEMENT = "acknowledgement"
    RESPONSE = "response"
    RESTRICTION_TERMS = "restriction_terms"
    """Why, how to contact meanwhile, how long, and how to have it reviewed."""
    REVIEW_OUTCOME = "review_outcome"
    AUTHORITY_REQUEST = "authority_request"
    SURVEY = "survey"
    NEW_COMPLAINT = "new_complaint"
    """An issue logged as a new complaint: its reference and what happens next."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class LetterKind(Enum):
    STAGE1_ACKNOWLEDGEMENT = "stage1_acknowledgement"
    STAGE2_ACKNOWLEDGEMENT = "stage2_acknowledgement"
    """The escalation acknowledgement."""
    CLARIFICATION_REQUEST = "clarification_request"
    EXTENSION_NOTICE = "extension_notice"
    NO_CONTACT_WARNING = "no_contact_warning"
    NO_CONTACT_CLOSURE = "no_contact_closure"
    STAGE1_RESPONSE = "stage1_response"
    STAGE2_RESPONSE = "stage2_response"
    NOT_ACCEPTED = "not_accepted"
    NOT_ESCALATED = "not_escalated"
    COMPLIMENT_THANKS = "compliment_thanks"
    COMPLIMENT_COLLEAGUE_NOTE = "compliment_colleague_note"
    COMMENT_ACKNOWLEDGEMENT = "comment_acknowledgement"
    COMMENT_RESPONSE = "comment_response"
    RESTRICTION = "restriction"
    RESTRICTION_REVIEW_OUTCOME = "restriction_review_outcome"
    AUTHORITY_REQUEST = "authority_request"
    SATISFACTION_SURVEY = "satisfaction_survey"
    NEW_COMPLAINT_NOTICE = "new_complaint_notice"
    """An issue raised during a complaint was logged as a new complaint (Brighter Places 7.iii.a)."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").replace("stage1", "stage 1").replace("stage2", "stage 2")

    @property
    def about_a_complaint(self) -> bool:
        """Every letter about a complaint gives the Ombudsman's details (complaint-rules.md section 5)."""
        return self not in _NOT_ABOUT_A_COMPLAINT


_NOT_ABOUT_A_COMPLAINT = frozenset(
    {
        LetterKind.COMPLIMENT_THANKS,
        LetterKind.COMPLIMENT_COLLEAGUE_NOTE,
        LetterKind.COMMENT_ACKNOWLEDGEMENT,
        LetterKind.COMMENT_RESPONSE,
        LetterKind.AUTHORITY_REQUEST,
        LetterKind.SATISFACTION_SURVEY,
    }
)


@dataclass(frozen=True)
class Requirement:
    section: Section
    why: str
    """The provision or clause that requires it."""


S, L = Section, LetterKind

_ACKNOWLEDGEMENT = (
    Requirement(
        S.COMPLAINT_DEFINITION, "Code 6.2, 6.11: the complaint definition (points and outcomes sought)"
    ),
    Requirement(
        S.RESPONSIBILITY, "complaint-rules.md section 5: what the landlord is and is not responsible for"
    ),
    Requirement(S.INVESTIGATOR, "Brighter Places 7.ii.b; complaint-rules.md section 5: who is investigating"),
    Requirement(S.RESPONSE_DATE, "complaint-rules.md section 5: the date the response is due"),
)
_RESPONSE = (
    Requirement(S.STAGE, "complaint-rules.md section 5: the complaint stage"),
    Requirement(S.COMPLAINT_DEFINITION, "complaint-rules.md section 5: the complaint definition"),
    Requirement(S.DECISIONS, "complaint-rules.md section 5: the decision on each point, with reasons"),
    Requirement(S.REMEDY, "complaint-rules.md section 5; Code section 7: the remedy offered"),
    Requirement(S.ACTIONS, "complaint-rules.md section 5: outstanding actions, with dates"),
)

REQUIREMENTS: dict[LetterKind, tuple[Requirement, ...]] = {
    L.STAGE1_ACKNOWLEDGEMENT: _ACKNOWLEDGEMENT,
    L.STAGE2_ACKNOWLEDGEMENT: _ACKNOWLEDGEMENT,
    L.CLARIFICATION_REQUEST: (
        Requirement(S.CLARIFICATION, "Code 5.6: what needs clarifying, and how to reply"),
    ),
    L.EXTENSION_NOTICE: (Requirement(S.EXTENSION, "Code 6.4, 6.15: the reason and the new response date"),),
    L.NO_CONTACT_WARNING: (Requirement(S.REPLY_PERIOD, "Brighter Places 7.ii.e: the time allowed to reply"),),
    L.NO_CONTACT_CLOSURE: (
        Requirement(
            S.CLOSURE_REASON, "Brighter Places 7.ii.e: why it closed; a later reply is a new complaint"
        ),
    ),
    L.STAGE1_RESPONSE: (
        *_RESPONSE,
        Requirement(
            S.ESCALATION_ROUTE, "complaint-rules.md section 5: how to escalate to stage 2, and by when"
        ),
    ),
    L.STAGE2_RESPONSE: (
        *_RESPONSE,
        Requirement(
            S.OMBUDSMAN_ROUTE, "complaint-rules.md section 5: how to refer the complaint to the Ombudsman"
        ),
        Requirement(S.DESIGNATED_PERSONS, "Brighter Places 7.iv.g: designated persons may help"),
    ),
    L.NOT_ACCEPTED: (
        Requirement(
            S.DECISION,
            "complaint-rules.md section 4: why the matter is not suitable for the complaints process",
        ),
        Requirement(
            S.OMBUDSMAN_RIGHT, "complaint-rules.md section 4: the right to take the decision to the Ombudsman"
        ),
    ),
    L.NOT_ESCALATED: (
        Requirement(S.DECISION, "Code 5.11: the valid reason for not escalating"),
        Requirement(
            S.OMBUDSMAN_RIGHT, "complaint-rules.md section 4: the right to take the decision to the Ombudsman"
        ),
    ),
    L.COMPLIMENT_THANKS: (Requirement(S.THANKS, "Policies: every compliment is acknowledged"),),
    L.COMPLIMENT_COLLEAGUE_NOTE: (
        Requirement(
            S.COLLEAGUE_NOTE, "Great Places: compliments are passed to the colleague and line manager"
        ),
    ),
    L.COMMENT_ACKNOWLEDGEMENT: (
        Requirement(S.ACKNOWLEDGEMENT, "Brighter Places 11.i: comments are acknowledged"),
    ),
    L.COMMENT_RESPONSE: (Requirement(S.RESPONSE, "Brighter Places 11.i: we always respond"),),
    L.RESTRICTION: (
        Requirement(
            S.RESTRICTION_TERMS,
            "Brighter Places 17.v: why, how to contact meanwhile, how long, and how to have it reviewed",
        ),
    ),
    L.RESTRICTION_REVIEW_OUTCOME: (
        Requirement(
            S.REVIEW_OUTCOME, "Brighter Places 17.vi: lifted, or continued with reasons and a review date"
        ),
    ),
    L.AUTHORITY_REQUEST: (
        Requirement(
            S.AUTHORITY_REQUEST, "Great Places, Representatives: authority is sought before engaging"
        ),
    ),
    L.SATISFACTION_SURVEY: (Requirement(S.SURVEY, "Brighter Places 9.i; Great Places: a survey at the end"),),
    L.NEW_COMPLAINT_NOTICE: (
        Requirement(
            S.NEW_COMPLAINT,
            "Brighter Places 7.iii.a: the issue was logged as a new complaint; its reference and what happens next",
        ),
    ),
}

_OMBUDSMAN = Requirement(
    S.OMBUDSMAN,
    "complaint-rules.md section 5; Code 6.5, 6.16: every complaint letter gives the Ombudsman's details",
)


def required_sections(kind: LetterKind, profile: Profile) -> tuple[Requirement, ...]:
    """The sections a letter of `kind` must contain under `profile` and the Code, with why each is needed."""
    required = list(REQUIREMENTS[kind])
    if kind.about_a_complaint:
        required.append(_OMBUDSMAN)
    if kind is L.STAGE2_RESPONSE and any(b.code != "housing-ombudsman" for b in profile.referral_bodies):
        names = ", ".join(b.name for b in profile.referral_bodies if b.code != "housing-ombudsman")
        required.append(Requirement(S.OTHER_BODIES, f"{profile.name} names other referral bodies: {names}"))
    return tuple(required)


def missing_sections(kind: LetterKind, profile: Profile, present: set[str]) -> list[Requirement]:
    """The required sections not among `present` (section names), in the order they are required."""
    return [r for r in required_sections(kind, profile) if r.section.value not in present]


def describe_missing(kind: LetterKind, missing: list[Requirement]) -> str:
    """One sentence naming what a template or letter lacks and why each is required."""
    parts = "; ".join(f"{r.section.label} ({r.why})" for r in missing)
    return f"the {kind.label} is missing {len(missing)} required section{'s' if len(missing) != 1 else ''}: {parts}"
