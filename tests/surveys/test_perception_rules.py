"""The TP09 rule and the survey file's rules, without a database: what counts, what is satisfied, and every
fault in a file reported with its line and column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from putright.domain.errors import InvalidInputError
from putright.domain.perception import (
    Complained,
    Handling,
    SurveyFileError,
    counts_in_tp09,
    read_survey,
    satisfied_in_tp09,
    score_satisfied,
    tp09_percentage,
)
from putright.domain.tsm import one_decimal

from .conftest import WAVE_1, csv_of


def faults(content: bytes) -> list[tuple[int, str]]:
    with pytest.raises(SurveyFileError) as caught:
        read_survey(content)
    return [(e.line, e.column) for e in caught.value.errors]


@pytest.mark.parametrize("handling", list(Handling))
def test_tp09_counts_only_respondents_who_complained(handling):
    for complained in (Complained.NO, Complained.DONT_KNOW):
        assert not counts_in_tp09(complained, handling)
        assert not satisfied_in_tp09(complained, handling)


def test_tp09_leaves_out_dont_know_and_no_answer():
    assert not counts_in_tp09(Complained.YES, Handling.DONT_KNOW)
    assert not counts_in_tp09(Complained.YES, None)
    counted = {h for h in Handling if counts_in_tp09(Complained.YES, h)}
    assert counted == set(Handling) - {Handling.DONT_KNOW}


def test_tp09_satisfied_is_very_or_fairly_satisfied():
    satisfied = {h for h in Handling if satisfied_in_tp09(Complained.YES, h)}
    assert satisfied == {Handling.VERY_SATISFIED, Handling.FAIRLY_SATISFIED}


def test_tp09_percentage_hand_worked():
    raw = tp09_percentage(4, 7)
    assert raw is not None and one_decimal(raw) == Decimal("57.1")
    assert tp09_percentage(1, 8) == Decimal("12.5")
    assert tp09_percentage(0, 0) is None
    with pytest.raises(InvalidInputError):
        tp09_percentage(3, 2)


def test_tp09_from_the_hand_worked_file_by_the_rule():
    responses = read_survey(WAVE_1.encode())
    counted = [r for r in responses if counts_in_tp09(r.complained, r.handling)]
    satisfied = [r for r in counted if satisfied_in_tp09(r.complained, r.handling)]
    assert (len(responses), len(counted), len(satisfied)) == (11, 7, 4)
    assert {r.respondent for r in satisfied} == {"R1", "R2", "R10", "R11"}


def test_case_survey_stand_in_satisfied_is_a_score_of_4_or_5():
    assert [s for s in range(1, 6) if score_satisfied(s)] == [4, 5]


def test_survey_file_reads_answers_in_any_case_and_spelling():
    content = csv_of("A,YES,Very_Satisfied", "B,Don\N{RIGHT SINGLE QUOTATION MARK}t know,", "C,yes,neither")
    responses = read_survey(content)
    assert [(r.line, r.complained, r.handling) for r in responses] == [
        (2, Complained.YES, Handling.VERY_SATISFIED),
        (3, Complained.DONT_KNOW, None),
        (4, Complained.YES, Handling.NEITHER),
    ]


def test_survey_file_columns_in_any_order_and_a_byte_order_mark():
    content = "\ufeffcomplaints_handling_satisfaction,respondent_id,complained_last_12_months\r\nfairly satisfied,A,yes\r\n"
    (response,) = read_survey(content.encode())
    assert (response.respondent, response.handling) == ("A", Handling.FAIRLY_SATISFIED)


def test_survey_file_every_bad_row_is_reported_with_its_line_and_column():
    content = csv_of(
        "A,yes,very satisfied",
        "B,maybe,",
        ",no,",
        "A,yes,fairly satisfied",
        "D,yes,delighted",
        "E,no,very satisfied",
        "F,yes",
    )
    assert faults(content) == [
        (3, "complained_last_12_months"),
        (4, "respondent_id"),
        (5, "respondent_id"),
        (6, "complaints_handling_satisfaction"),
        (7, "complaints_handling_satisfaction"),
        (8, ""),
    ]


def test_survey_file_errors_say_what_is_wrong():
    with pytest.raises(SurveyFileError) as caught:
        read_survey(csv_of("A,yes,", "A,maybe,"))
    first, second = caught.value.errors
    assert str(first) == "line 3, respondent_id: “A” is also on line 2"
    assert "“maybe” is not an answer: use yes, no or don't know" in str(second)
    assert str(caught.value) == "The file has 2 problems; nothing was imported"


def test_survey_file_header_faults():
    assert faults(b"respondent_id,complained\r\nA,yes\r\n") == [
        (1, "complained_last_12_months"),
        (1, "complaints_handling_satisfaction"),
        (1, "complained"),
    ]
    assert faults(b"") == [(0, "")]
    assert faults(csv_of()) == [(0, "")]


def test_survey_file_must_be_utf8():
    assert faults("respondent_id\r\nCafé".encode("latin-1")) == [(0, "")]


def test_survey_file_blank_lines_are_skipped():
    assert len(read_survey(csv_of("A,no,", ",,", "B,no,"))) == 2
