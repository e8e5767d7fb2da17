"""Every provision of the Housing Ombudsman's Complaint Handling Code 2024 (sections 1 to 9), as the rows of
the Ombudsman's self-assessment form, each worded briefly in our own words and marked must or should.

Section 1's opening paragraph (1.1) sets the scene and asks nothing, so the Ombudsman's form, like this one,
starts at 1.2. A row may be checked against the policy in force (`domain.code_check`), measured from the year's
records (`evidence.MEASURES`), both, or neither (staff answer it with their evidence).
"""

from __future__ import annotations

from dataclasses import dataclass

from putright.domain.code_check import PROVISIONS, Provision

SECTIONS = {
    1: "Definition of a complaint",
    2: "Exclusions",
    3: "Accessibility and awareness",
    4: "Complaint handling staff",
    5: "The complaint handling process",
    6: "Complaint stages",
    7: "Putting things right",
    8: "Self-assessment, reporting and compliance",
    9: "Scrutiny and oversight: continuous learning and improvement",
}


@dataclass(frozen=True)
class Entry:
    section: int
    provision: str
    requirement: str
    """Begins 'Must' or 'Should', as the Code puts it."""
    policies: tuple[Provision, ...] = ()
    """The policy checks that test it, if any."""
    measure: str | None = None
    """The name of the measure in `evidence.MEASURES` that evidences it, if any."""


MEASURED = {
    "2.4": "not_accepted",
    "3.7": "ombudsman_details",
    "5.11": "not_escalated",
    "6.2": "stage1_acknowledged",
    "6.3": "stage1_responded",
    "6.11": "stage2_acknowledged",
    "6.13": "stage2_handler",
    "6.14": "stage2_responded",
    "7.3": "actions",
    "8.5": "non_compliance",
    "9.1": "learning",
}
"""The provisions the year's records evidence, by number."""

_WORDING = (
    # 1 Definition of a complaint
    (
        "1.2",
        "Must define a complaint as 'an expression of dissatisfaction, however made, about the standard of "
        "service, actions or lack of action by the landlord, its own staff, or those acting on its behalf, "
        "affecting a resident or group of residents'",
    ),
    (
        "1.3",
        "Must offer the choice to complain whenever a resident is dissatisfied, whether or not they say "
        "'complaint', and handle complaints made through a representative under the policy",
    ),
    (
        "1.4",
        "Must tell service requests apart from complaints in the policy, and record, monitor and review "
        "service requests",
    ),
    (
        "1.5",
        "Must raise a complaint when a resident is unhappy with how a service request is answered, and carry "
        "on with the request meanwhile",
    ),
    (
        "1.6",
        "Should tell people who are dissatisfied in a survey how to complain; must say how to complain "
        "wherever wider feedback is asked for",
    ),
    # 2 Exclusions
    (
        "2.1",
        "Must accept a complaint unless there is a valid reason not to, evidence that reason and consider "
        "each complaint on its merits",
    ),
    (
        "2.2",
        "Must set out in the policy, fairly and reasonably, when a matter will not be taken or escalated as "
        "a complaint",
    ),
    (
        "2.3",
        "Must accept complaints made within 12 months of the issue or of the resident becoming aware of it, "
        "and consider discretion beyond that where there are good reasons",
    ),
    (
        "2.4",
        "Must explain a decision not to accept a complaint to the resident, with the reasons and the right to "
        "take it to the Ombudsman",
    ),
    ("2.5", "Must not exclude complaints by a blanket approach: consider each one's circumstances"),
    # 3 Accessibility and awareness
    (
        "3.1",
        "Must make complaining easy through more than one channel, with regard to the Equality Act 2010 and "
        "residents' likely needs for reasonable adjustments",
    ),
    (
        "3.2",
        "Must let residents complain in any way and to any member of staff; all staff must know the process "
        "and pass complaints on",
    ),
    (
        "3.3",
        "Must not treat a high number of complaints as a bad sign: a low number may mean residents cannot "
        "complain",
    ),
    (
        "3.4",
        "Must publish the complaints policy on the website in a clear, accessible format, with its two "
        "stages, what happens at each and the timescales",
    ),
    ("3.5", "Must say in the policy how the policy, the Ombudsman and the Code are publicised"),
    (
        "3.6",
        "Must let residents have a representative deal with their complaint and accompany them at meetings",
    ),
    ("3.7", "Must tell residents of their right to go to the Ombudsman and how to engage with it"),
    # 4 Complaint handling staff
    (
        "4.1",
        "Must give a person or team (the complaints officer) responsibility for complaint handling, "
        "including liaison with the Ombudsman and reporting to the governing body",
    ),
    (
        "4.2",
        "Must give the complaints officer access to staff at all levels and the authority and autonomy to "
        "resolve complaints promptly and fairly",
    ),
    ("4.3", "Must resource complaint handling as a core service and train relevant staff in it"),
    # 5 The complaint handling process
    (
        "5.1",
        "Must have a single complaints policy for complaints the Code covers, and not treat residents "
        "differently for complaining",
    ),
    ("5.2", "Must not add extra named stages, such as 'stage 0' or an 'informal complaint'"),
    ("5.3", "Must not have a process of more than two stages"),
    ("5.4", "Must keep complaints handled by a third party within the two-stage process"),
    ("5.5", "Must make sure third parties handle complaints in line with the Code"),
    (
        "5.6",
        "Must set out the complaint definition (the complaint and the outcome sought) when logging at stage 1 "
        "or escalating to stage 2, asking the resident where anything is unclear",
    ),
    (
        "5.7",
        "Must say on acknowledgement which parts of the complaint the landlord is and is not responsible for",
    ),
    (
        "5.8",
        "Must have handlers at each stage act independently with an open mind, hear the resident, address "
        "conflicts of interest and weigh all the evidence",
    ),
    (
        "5.9",
        "Must agree with the resident how often to update them where a response will fall outside the Code's "
        "timescales",
    ),
    (
        "5.10",
        "Must make reasonable adjustments under the Equality Act 2010, record those agreed and disabilities "
        "disclosed, and keep agreed adjustments under review",
    ),
    (
        "5.11",
        "Must not refuse to escalate a complaint without a valid reason, set out clearly and in line with "
        "section 2",
    ),
    (
        "5.12",
        "Must keep a full record of each complaint and its outcome at each stage, with all correspondence "
        "and supporting documents",
    ),
    ("5.13", "Must be able to put a complaint right at any stage, without escalation"),
    (
        "5.14",
        "Must have policies and procedures for managing unacceptable behaviour by residents or their "
        "representatives when complaining",
    ),
    (
        "5.15",
        "Must keep any restriction on contact for unacceptable behaviour proportionate and mindful of the "
        "Equality Act 2010",
    ),
    # 6 Complaint stages
    (
        "6.1",
        "Must decide which complaints can be answered early and which need investigation, considering "
        "complexity and the resident's vulnerability or risk",
    ),
    ("6.2", "Must acknowledge, define and log stage 1 complaints within 5 working days of receipt"),
    ("6.3", "Must respond fully at stage 1 within 10 working days of the acknowledgement"),
    (
        "6.4",
        "Must decide on and explain any stage 1 extension, of no more than 10 working days without good "
        "reason",
    ),
    ("6.5", "Must give the Ombudsman's contact details when telling a resident of a stage 1 extension"),
    (
        "6.6",
        "Must respond at stage 1 when the answer is known, not when outstanding actions are done, and track "
        "those actions with updates",
    ),
    (
        "6.7",
        "Must address every point of the complaint definition at stage 1, with reasons citing policy, law "
        "and good practice",
    ),
    (
        "6.8",
        "Must include related new complaints in the stage 1 response before it is issued, and log others as "
        "new complaints",
    ),
    (
        "6.9",
        "Must confirm in writing at the end of stage 1, in plain language: the stage, the complaint "
        "definition, the decision and reasons, any remedy, outstanding actions and how to escalate to stage 2",
    ),
    (
        "6.10",
        "Must progress a complaint not resolved to the resident's satisfaction at stage 1 to stage 2, the "
        "landlord's final response",
    ),
    (
        "6.11",
        "Must acknowledge, define and log stage 2 requests within 5 working days of the escalation request",
    ),
    (
        "6.12",
        "Must not require residents to give reasons for escalating to stage 2, while making reasonable "
        "efforts to understand why they are unhappy",
    ),
    ("6.13", "Must have stage 2 considered by someone other than the stage 1 handler"),
    ("6.14", "Must issue the stage 2 final response within 20 working days of the acknowledgement"),
    (
        "6.15",
        "Must decide on and explain any stage 2 extension, of no more than 20 working days without good "
        "reason",
    ),
    ("6.16", "Must give the Ombudsman's contact details when telling a resident of a stage 2 extension"),
    (
        "6.17",
        "Must respond at stage 2 when the answer is known, not when outstanding actions are done, and track "
        "those actions with updates",
    ),
    (
        "6.18",
        "Must address every point of the complaint definition at stage 2, with reasons citing policy, law "
        "and good practice",
    ),
    (
        "6.19",
        "Must confirm in writing at the end of stage 2, in plain language: the stage, the complaint "
        "definition, the decision and reasons, any remedy, outstanding actions and how to go to the Ombudsman",
    ),
    ("6.20", "Must involve every suitable member of staff needed in the stage 2 final response"),
    # 7 Putting things right
    (
        "7.1",
        "Must acknowledge where something went wrong and set out what has been or will be done to put it "
        "right",
    ),
    ("7.2", "Must offer a remedy that reflects the impact of the fault on the resident"),
    (
        "7.3",
        "Must say what the remedy is and by when, agreed with the resident where appropriate, and follow it "
        "through to completion",
    ),
    ("7.4", "Must take account of the Ombudsman's remedies guidance"),
    # 8 Self-assessment, reporting and compliance
    (
        "8.1",
        "Must produce an annual complaints performance and service improvement report for scrutiny and "
        "challenge: this self-assessment, the performance analysis with the complaints refused, Ombudsman "
        "findings of non-compliance, improvements from learning, and the Ombudsman's reports on the landlord",
    ),
    (
        "8.2",
        "Must report the annual report to the governing body and publish it on the website with the "
        "governing body's response",
    ),
    (
        "8.3",
        "Must carry out a self-assessment after a significant restructure, merger or change in procedures",
    ),
    ("8.4", "Should review and update the self-assessment after an Ombudsman investigation when asked to"),
    (
        "8.5",
        "Must tell the Ombudsman and affected residents where exceptional circumstances prevent compliance, "
        "publish it and give a timescale for returning to compliance",
    ),
    # 9 Scrutiny and oversight: continuous learning and improvement
    ("9.1", "Must look beyond each complaint for service improvements the learning from it can bring"),
    ("9.2", "Must use complaints as intelligence to find issues and improve services"),
    (
        "9.3",
        "Must report wider learning and improvements from complaints to residents' panels, staff and "
        "committees",
    ),
    (
        "9.4",
        "Must make a suitably senior lead accountable for complaint handling, assessing themes and trends "
        "for systemic issues and risks",
    ),
    ("9.5", "Must appoint a member of the governing body as the Member Responsible for Complaints (MRC)"),
    (
        "9.6",
        "Must have the MRC make sure the governing body gets regular insight into complaint handling, with "
        "the information and staff to do so",
    ),
    (
        "9.7",
        "Must give the MRC and governing body regular updates on volumes, categories, outcomes, trends and "
        "Ombudsman investigations and orders, and the annual report",
    ),
    (
        "9.8",
        "Must set all relevant staff and third parties a standard objective on complaint handling: "
        "collaborative, collectively responsible and professional",
    ),
)


def _number(provision: str) -> tuple[int, ...]:
    return tuple(int(part) for part in provision.split("."))


def entries() -> list[Entry]:
    """Every provision, by Code section and number, with its policy checks and measure."""
    return [
        Entry(
            _number(number)[0],
            number,
            requirement,
            tuple(p for p in PROVISIONS if p.number == number),
            MEASURED.get(number),
        )
        for number, requirement in sorted(_WORDING, key=lambda w: _number(w[0]))
    ]


FORMERLY = {
    (
        "2.5",
        "A decision not to accept a complaint is explained to the resident, with the reason and the right to "
        "take it to the Ombudsman",
    ): "2.4",
    (
        "6.5, 6.16",
        "Every letter about a complaint, at every stage, gives the Housing Ombudsman's details",
    ): "3.7",
    (
        "7.1",
        "Put things right where something has gone wrong, and follow every remedy through to completion",
    ): "7.3",
    (
        "8.4",
        "Where exceptional circumstances prevent compliance, record it, tell the Ombudsman and residents, and "
        "return to compliance",
    ): "8.5",
}
"""Rows of the first catalogue (before every provision was listed) whose numbers were wrong, by their number
and wording, to the provision they answered; their answers carry over to it. Keyed by the wording too, since
2.5, 7.1 and 8.4 are real provisions of their own in the catalogue now."""
