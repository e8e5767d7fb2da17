"""The clarification page offers to write to the customer (Code 5.6, Brighter Places 7.ii.c): choosing to
sends the clarification request letter, named in the banner; choosing to without the questions keeps
what was typed and changes nothing."""

from django.contrib.messages import get_messages
from django.utils import timezone

from putright.cases.models import ContactAttempt
from putright.letters.models import Letter

from .conftest import date_data, log, url

TODAY = timezone.localdate()


def _attempt(**extra):
    return {**date_data("on", TODAY), "time": "", "channel": "phone", "reached": "no", "note": "", **extra}


def test_code_5_6_the_clarification_page_sends_the_letter_when_chosen(brighter, signed_in):
    case = log(brighter)
    client = signed_in(brighter.officer)
    page = client.get(url(case, "clarification")).content.decode()
    assert "Send the customer a letter asking what needs clarifying" in page
    response = client.post(
        url(case, "clarification"), _attempt(letter="on", questions="Which room has the damp?")
    )
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Attempt to contact the customer recorded. Letter: ")
    letter = Letter.objects.get(case=case, kind="clarification_request")
    assert "Which room has the damp?" in letter.body_html


def test_code_5_6_a_letter_without_its_questions_keeps_what_was_typed(brighter, signed_in):
    case = log(brighter)
    response = signed_in(brighter.officer).post(
        url(case, "clarification"), _attempt(letter="on", note="Rang twice, no answer")
    )
    text = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in text
    assert "What the letter asks the customer is required" in text
    assert "Rang twice, no answer" in text
    assert not ContactAttempt.objects.filter(stage__case=case).exists()
    assert not Letter.objects.filter(case=case).exists()
