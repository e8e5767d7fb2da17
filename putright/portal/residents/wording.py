"""Case statuses in plain words for residents."""

from putright.domain.lifecycle import Status

PLAIN: dict[str, str] = {
    Status.STAGE1_RECEIVED.value: "We have received your complaint",
    Status.STAGE1_INVESTIGATING.value: "We are looking into your complaint",
    Status.STAGE1_RESPONDED.value: "We have sent our response: you can ask for stage 2 if you are unhappy",
    Status.STAGE2_REQUESTED.value: "You have asked for stage 2: we will confirm who is reviewing it",
    Status.STAGE2_INVESTIGATING.value: "We are reviewing your complaint at stage 2",
    Status.STAGE2_RESPONDED.value: "We have sent our final response: you can contact the Housing Ombudsman",
    Status.NOT_ACCEPTED.value: "We could not accept this complaint: our letter explains why",
    Status.WITHDRAWN.value: "Withdrawn",
    Status.CLOSED_NO_CONTACT.value: "Closed",
    Status.OPEN.value: "We have received it",
    Status.ACKNOWLEDGED.value: "We have received it and are dealing with it",
    Status.PASSED_ON.value: "Passed on to the people it was about",
    Status.RESOLVED.value: "Resolved",
    Status.CONVERTED.value: "We are handling it as a complaint",
    Status.CLOSED.value: "Closed",
}
SCORES: tuple[tuple[int, str], ...] = (
    (5, "Very satisfied"),
    (4, "Satisfied"),
    (3, "Neither satisfied nor dissatisfied"),
    (2, "Dissatisfied"),
    (1, "Very dissatisfied"),
)
"""The survey's scale, best first, as the survey letter words it."""
NEXT_DUE: dict[str, str] = {"acknowledge": "We will acknowledge it by", "respond": "We will respond by"}


def plain_status(status: str) -> str:
    return PLAIN.get(status, status.replace("_", " ").capitalize())


DETAIL_LABELS: dict[str, str] = {
    "interpreter": "Which language?",
    "named_contact": "Who would you like as your named contact?",
    "avoid_times": "Which times should we avoid?",
    "other": "What help do you need?",
}
"""The question under each kind of help that needs a detail."""
