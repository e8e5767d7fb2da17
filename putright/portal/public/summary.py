"""What the check-your-answers and confirmation pages show: the answers in words, and the real dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse

from putright.organisations.models import Landlord
from putright.portal.public import steps
from putright.submissions.models import PublicSubmission


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    change_url: str
    change_what: str


def _label(choices: list[tuple[str, str]], value: object) -> str:
    return dict(choices).get(str(value), str(value or ""))


def _date(answers: dict[str, Any], key: str) -> str:
    value = answers.get(key)
    return date.fromisoformat(value).strftime("%-d %B %Y") if value else "Not sure"


def _lines(*parts: object) -> str:
    return "\n".join(str(part) for part in parts if part)


def summary_rows(landlord: Landlord, answers: dict[str, Any], state: dict[str, Any]) -> list[Row]:
    """One row per answer of the pages that apply, each with its change link."""

    def url(slug: str) -> str:
        return reverse("portal:step", kwargs={"slug": landlord.slug, "step": slug}) + "?change=1"

    rows = [Row("Who you are", _label(steps.WHO, answers.get("who")), url("who"), "who you are")]
    if steps.applies("representative", answers):
        person = _lines(
            answers.get("person_name"),
            _label(steps.PERSON_TYPES, answers.get("person_type")),
            answers.get("person_address"),
            answers.get("person_postcode"),
            answers.get("person_email"),
            answers.get("person_phone"),
        )
        rows.append(
            Row("The person you are contacting us for", person, url("representative"), "their details")
        )
        rows.append(
            Row(
                "How you know them",
                answers.get("relationship", ""),
                url("representative"),
                "how you know them",
            )
        )
        authority = (
            "Uploaded: " + ", ".join(f["name"] for f in state.get("authority_files", []))
            if answers.get("authority") == "evidence"
            else "Send them a consent form to sign"
        )
        rows.append(Row("Their permission", authority, url("representative"), "their permission"))
    rows.append(
        Row(
            "What you would like to do",
            _label(steps.KINDS, answers.get("kind")),
            url("kind"),
            "what you would like to do",
        )
    )
    if steps.applies("repair", answers):
        reported = (
            "Already reported: I am unhappy with how it is being dealt with"
            if answers.get("repair_reported") == "already"
            else "Reporting it for the first time"
        )
        rows.append(Row("The repair", reported, url("repair"), "whether you have reported the repair"))
    rows.append(Row("What happened", answers.get("what_happened", ""), url("details"), "what happened"))
    if answers.get("where"):
        rows.append(Row("Where", answers["where"], url("details"), "where it happened"))
    if steps.applies("dates", answers):
        rows.append(Row("When it happened", _date(answers, "issue_date"), url("dates"), "when it happened"))
        rows.append(
            Row("When you found out", _date(answers, "aware_date"), url("dates"), "when you found out")
        )
    if steps.applies("outcome", answers):
        rows.append(
            Row(
                "What you would like to happen",
                answers.get("outcome", ""),
                url("outcome"),
                "what you would like to happen",
            )
        )
    chosen = [dict(steps.ADJUSTMENTS).get(code, code) for code in answers.get("adjustments", [])]
    details = [
        f"{label}: {answers[key]}"
        for key, label in (
            ("interpreter_language", "Language"),
            ("named_contact_name", "Named contact"),
            ("avoid_times", "Times to avoid"),
        )
        if answers.get(key)
    ]
    rows.append(
        Row("Help you need", _lines(*chosen, *details) or "None", url("adjustments"), "the help you need")
    )
    contact = _lines(
        answers.get("name"),
        answers.get("email"),
        answers.get("phone"),
        answers.get("address"),
        answers.get("postcode"),
    )
    rows.append(Row("Your contact details", contact, url("contact"), "your contact details"))
    rows.append(
        Row(
            "Preferred contact",
            _label(steps.PREFERRED, answers.get("preferred")),
            url("contact"),
            "how we contact you",
        )
    )
    files = ", ".join(f["name"] for f in state.get("files", [])) or "None"
    rows.append(Row("Photos and documents", files, url("attachments"), "your photos and documents"))
    return rows


@dataclass(frozen=True)
class ConfirmationDates:
    case_reference: str
    kind: str
    acknowledge_by: date | None
    respond_by: date | None


def confirmation_dates(submission: PublicSubmission) -> ConfirmationDates | None:
    """The stage 1 deadlines stored on the complaint logged from the submission, when there is one."""
    case = submission.case
    if case is None:
        return None
    stage = case.stages.filter(number=1).first()
    return ConfirmationDates(
        case_reference=case.reference,
        kind=case.kind,
        acknowledge_by=stage.acknowledge_by if stage else None,
        respond_by=stage.respond_by if stage else None,
    )
