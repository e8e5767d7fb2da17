"""The rows of the self-assessment: the Code provisions the policy check tests (`domain.code_check`) and
those PutRight can measure from the records or that staff answer, grouped by Code section.

A row may be checked against the policy in force, measured from the year's records, both, or neither (staff
answer it with their evidence). The measures are named here and counted in `evidence.py`.
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
    policy: Provision | None = None
    """The policy check that tests it, if any."""
    measure: str | None = None
    """The name of the measure in `evidence.MEASURES` that evidences it, if any."""


MEASURED = {
    "6.2": "stage1_acknowledged",
    "6.3": "stage1_responded",
    "6.11": "stage2_acknowledged",
    "6.13": "stage2_handler",
    "6.14": "stage2_responded",
}
"""Policy-checked provisions that the records also evidence."""

_ANSWERED = (
    Entry(
        1,
        "1.2",
        "Define a complaint as an expression of dissatisfaction, however made, about the standard of service, "
        "actions or lack of action by the landlord, its staff or those acting for it",
    ),
    Entry(
        1,
        "1.3",
        "Whenever a resident expresses dissatisfaction, give them the choice to make a complaint",
    ),
    Entry(
        2,
        "2.5",
        "A decision not to accept a complaint is explained to the resident, with the reason and the right to "
        "take it to the Ombudsman",
        measure="not_accepted",
    ),
    Entry(3, "3.1", "Make it easy for residents to complain, through more than one route"),
    Entry(
        4,
        "4.1",
        "Have a person or team responsible for handling complaints, with the authority to resolve them",
    ),
    Entry(
        5,
        "5.11",
        "A decision not to escalate is explained to the resident, with the valid reason and the right to take "
        "it to the Ombudsman",
        measure="not_escalated",
    ),
    Entry(
        6,
        "6.5, 6.16",
        "Every letter about a complaint, at every stage, gives the Housing Ombudsman's details",
        measure="ombudsman_details",
    ),
    Entry(
        7,
        "7.1",
        "Put things right where something has gone wrong, and follow every remedy through to completion",
        measure="actions",
    ),
    Entry(
        8,
        "8.1",
        "Produce an annual complaints performance and service improvement report with this self-assessment, "
        "report it to the governing body and publish it with the governing body's response",
    ),
    Entry(
        8,
        "8.4",
        "Where exceptional circumstances prevent compliance, record it, tell the Ombudsman and residents, and "
        "return to compliance",
        measure="non_compliance",
    ),
    Entry(
        9,
        "9.1",
        "Look beyond each complaint for learning, and record the lesson and any service improvement",
        measure="learning",
    ),
)


def _number(provision: str) -> tuple[int, ...]:
    first = provision.split(",")[0].strip()
    return tuple(int(part) for part in first.split("."))


def entries() -> list[Entry]:
    """Every row, by Code section and provision number (the policy checks first where numbers tie)."""
    checked = [
        Entry(int(p.number.split(".")[0]), p.number, p.requirement, p, MEASURED.get(p.number))
        for p in PROVISIONS
    ]
    rows = checked + list(_ANSWERED)
    return sorted(rows, key=lambda e: (e.section, _number(e.provision), e.policy is None))
