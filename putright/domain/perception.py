"""TSM TP09 from a perception survey: the answers a survey file may hold, how a file is checked, and what
the measure counts. Pure Python, so the rule is tested without a database and the database's count is
tested against it.

TP09 is "the proportion of respondents who report making a complaint in the last 12 months who are satisfied
with their landlord's approach to complaints handling" (complaint-rules.md section 7). The Regulator's TSM
technical requirements ask the complaints-handling question only of respondents who say they complained in
the last 12 months; "very" and "fairly satisfied" are satisfied; "don't know" (or no answer) is left out of
the denominator. `docs/domain/perception-surveys.md` records these choices.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from putright.domain.errors import InvalidInputError
from putright.domain.tsm import percentage

COLUMNS = ("respondent_id", "complained_last_12_months", "complaints_handling_satisfaction")
"""The survey file's columns, in the order of the downloadable template (any order is read)."""

MAX_RESPONSES = 100_000
"""More rows than any landlord's survey has: a bigger file is refused as the wrong file."""

MAX_FILE_BYTES = 20_000_000
"""Bigger than a survey file of `MAX_RESPONSES` rows needs to be."""

MAX_RESPONDENT_ID = 100


class Method(Enum):
    """How the survey was carried out, as the TSM return asks for it."""

    TELEPHONE = "telephone"
    ONLINE = "online"
    POSTAL = "postal"
    FACE_TO_FACE = "face_to_face"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    Method.TELEPHONE: "Telephone",
    Method.ONLINE: "Online",
    Method.POSTAL: "Postal",
    Method.FACE_TO_FACE: "Face to face",
    Method.MIXED: "More than one of these",
}


class Complained(Enum):
    """The answer to "Have you made a complaint to your landlord in the last 12 months?"."""

    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"

    @property
    def label(self) -> str:
        return next(word for word, answer in COMPLAINED_WORDS.items() if answer is self).capitalize()


class Handling(Enum):
    """The answer to "How satisfied or dissatisfied are you with your landlord's approach to complaints
    handling?": the 5-point scale or don't know."""

    VERY_SATISFIED = "very_satisfied"
    FAIRLY_SATISFIED = "fairly_satisfied"
    NEITHER = "neither"
    FAIRLY_DISSATISFIED = "fairly_dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied"
    DONT_KNOW = "dont_know"

    @property
    def satisfied(self) -> bool:
        return self in SATISFIED

    @property
    def label(self) -> str:
        return next(word for word, answer in HANDLING_WORDS.items() if answer is self).capitalize()


SATISFIED = frozenset({Handling.VERY_SATISFIED, Handling.FAIRLY_SATISFIED})

COMPLAINED_WORDS = {"yes": Complained.YES, "no": Complained.NO, "don't know": Complained.DONT_KNOW}
HANDLING_WORDS = {
    "very satisfied": Handling.VERY_SATISFIED,
    "fairly satisfied": Handling.FAIRLY_SATISFIED,
    "neither satisfied nor dissatisfied": Handling.NEITHER,
    "fairly dissatisfied": Handling.FAIRLY_DISSATISFIED,
    "very dissatisfied": Handling.VERY_DISSATISFIED,
    "don't know": Handling.DONT_KNOW,
}
"""The words a file may use (in any case; "dont know" and "neither" are read too)."""

_ALSO = {"dont know": "don't know", "neither": "neither satisfied nor dissatisfied"}


def _word(text: str) -> str:
    """An answer as typed, compared without case, extra spaces, underscores or a curly apostrophe."""
    plain = " ".join(text.replace("_", " ").replace("\N{RIGHT SINGLE QUOTATION MARK}", "'").lower().split())
    return _ALSO.get(plain, plain)


# -- the rule ---------------------------------------------------------------------------------------------


def counts_in_tp09(complained: Complained, handling: Handling | None) -> bool:
    """TP09's denominator: respondents who complained in the last 12 months and gave an answer on the
    5-point scale ("don't know" and no answer are left out)."""
    return complained is Complained.YES and handling is not None and handling is not Handling.DONT_KNOW


def satisfied_in_tp09(complained: Complained, handling: Handling | None) -> bool:
    """TP09's numerator: those counted who are very or fairly satisfied."""
    return counts_in_tp09(complained, handling) and handling in SATISFIED


def tp09_percentage(satisfied: int, respondents: int) -> Decimal | None:
    """The share satisfied as a percentage, unrounded; None when nobody counts (no figure, not 0%)."""
    if not 0 <= satisfied <= respondents:
        raise InvalidInputError("satisfied", f"{satisfied} satisfied of {respondents} respondents")
    return percentage(satisfied, respondents)


SATISFIED_SCORES = (4, 5)
"""A case's satisfaction record (1 very dissatisfied to 5 very satisfied) counts as satisfied at 4 or 5: the
same top two of five points as the perception survey's "very" and "fairly satisfied"."""


def score_satisfied(score: int) -> bool:
    """The case-survey stand-in for TP09 (never the TSM itself): a score of 4 or 5 is satisfied."""
    return score in SATISFIED_SCORES


# -- reading a survey file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    line: int
    respondent: str
    complained: Complained
    handling: Handling | None


@dataclass(frozen=True)
class RowError:
    """One thing wrong with the file: the line (1 is the header row; 0 the file as a whole), the column
    and what is wrong, in words for the person who made the file."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "the file"
        return f"{where}{', ' + self.column if self.column else ''}: {self.message}"


class SurveyFileError(InvalidInputError):
    """A survey file with at least one fault: nothing from it is kept."""

    def __init__(self, errors: list[RowError]) -> None:
        count = len(errors)
        super().__init__(
            "file", f"The file has {count} problem{'s' if count != 1 else ''}; nothing was imported"
        )
        self.errors = errors


def _complained(value: str) -> Complained:
    found = COMPLAINED_WORDS.get(_word(value))
    if found is None:
        given = f"“{value.strip()}” is not an answer" if value.strip() else "the answer is blank"
        raise ValueError(f"{given}: use yes, no or don't know")
    return found


def _handling(value: str, complained: Complained) -> Handling | None:
    if not value.strip():
        return None
    found = HANDLING_WORDS.get(_word(value))
    if found is None:
        raise ValueError(
            f"“{value.strip()}” is not an answer: use very satisfied, fairly satisfied, neither satisfied nor "
            "dissatisfied, fairly dissatisfied, very dissatisfied or don't know, or leave it blank"
        )
    if complained is not Complained.YES:
        raise ValueError(
            "answered by a respondent who did not say yes to complaining in the last 12 months: the question "
            "is asked only of those who did, so leave it blank or correct the complaint answer"
        )
    return found


def _header(rows: Iterator[list[str]]) -> list[str]:
    try:
        header = [name.strip().lower() for name in next(rows)]
    except StopIteration:
        raise SurveyFileError([RowError(0, "", "the file is empty")]) from None
    missing = [c for c in COLUMNS if c not in header]
    unknown = [h for h in header if h not in COLUMNS]
    twice = sorted({h for h in header if h and header.count(h) > 1})
    problems = [RowError(1, c, "the column is missing") for c in missing]
    problems += [
        RowError(1, h or "(blank)", f"unknown column: the columns are {', '.join(COLUMNS)}") for h in unknown
    ]
    problems += [RowError(1, h, "the column appears more than once") for h in twice]
    if problems:
        raise SurveyFileError(problems)
    return header


def read_survey(content: bytes) -> list[Response]:
    """Every response in a survey CSV (UTF-8, a header row naming `COLUMNS`), or SurveyFileError listing
    every fault found, each with its line and column."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SurveyFileError(
            [RowError(0, "", f"it is not UTF-8 text (byte {exc.start + 1}): save it as CSV UTF-8")]
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    errors: list[RowError] = []
    responses: list[Response] = []
    seen: dict[str, int] = {}
    rows = 0
    try:
        header = _header(reader)
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            rows += 1
            if rows > MAX_RESPONSES:
                raise SurveyFileError(
                    [RowError(line, "", f"more than {MAX_RESPONSES:,} responses in one file")]
                )
            if len(fields) != len(header):
                errors.append(RowError(line, "", f"{len(fields)} values where the header has {len(header)}"))
                continue
            row = dict(zip(header, fields, strict=True))
            row_errors, response = _row(line, row, seen)
            errors += row_errors
            if response is not None:
                responses.append(response)
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, "", f"the CSV cannot be read: {exc}"))
    if not errors and not responses:
        errors.append(RowError(0, "", "the file has a header row but no responses"))
    if errors:
        raise SurveyFileError(errors)
    return responses


def _row(line: int, row: dict[str, str], seen: dict[str, int]) -> tuple[list[RowError], Response | None]:
    errors: list[RowError] = []
    respondent = row["respondent_id"].strip()
    if not respondent:
        errors.append(RowError(line, "respondent_id", "the respondent id is blank"))
    elif len(respondent) > MAX_RESPONDENT_ID:
        errors.append(RowError(line, "respondent_id", f"longer than {MAX_RESPONDENT_ID} characters"))
    elif respondent in seen:
        errors.append(RowError(line, "respondent_id", f"“{respondent}” is also on line {seen[respondent]}"))
    else:
        seen[respondent] = line
    complained: Complained | None = None
    try:
        complained = _complained(row["complained_last_12_months"])
    except ValueError as exc:
        errors.append(RowError(line, "complained_last_12_months", str(exc)))
    handling: Handling | None = None
    if complained is not None:
        try:
            handling = _handling(row["complaints_handling_satisfaction"], complained)
        except ValueError as exc:
            errors.append(RowError(line, "complaints_handling_satisfaction", str(exc)))
    if errors or complained is None:
        return errors, None
    return [], Response(line, respondent, complained, handling)
