"""A worklist's first page from SQL compiled once (issue 3): exactly the worklist's rows for every person, the
role check inside its one query, complaints about colleagues still hidden from those who may not see them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.accounts.models import Membership
from putright.cases import services
from putright.cases.models import Case
from putright.cases.selectors import open_cases_soonest_first
from putright.cases.selectors_worklist_first_page import first_open_cases
from putright.domain.lifecycle import Kind

from .conftest import at

PEOPLE = ("officer", "manager", "director", "director2", "housing", "board", "colleague")


def log(org, received, **extra):
    return services.feedback_log(
        landlord=org.landlord,
        actor=org.officer,
        kind=Kind.COMPLAINT,
        channel="email",
        received_at=at(received),
        customer=org.customer,
        summary="Damp in the bedroom",
        description="Mould again",
        **extra,
    )


@pytest.fixture
def worklist(great, brighter):
    """Open complaints at two landlords: plain ones, and about colleagues, one handled by the manager."""
    log(great, "2026-05-01")
    theirs = log(great, "2026-05-02", about_colleague=True, colleagues_named="Sam")
    log(great, "2026-05-03", about_colleague=True, colleagues_named="Jo")
    log(great, "2026-05-04")
    log(brighter, "2026-05-01")
    Case.objects.filter(pk=theirs.pk).update(handler=great.manager)
    return great


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("size", [1, 3, 50])
def test_complaints_about_colleagues_stay_hidden_on_a_worklist_first_page(worklist, person, size):
    """The same rows as the worklist's queryset, for every role, the team's and one handler's."""
    user = getattr(worklist, person)
    for handler in (None, worklist.manager):
        expected = list(
            open_cases_soonest_first(landlord=worklist.landlord, user=user, handler=handler)[:size]
        )
        first = first_open_cases(landlord=worklist.landlord, user=user, handler=handler, size=size)
        assert first == expected
        assert type(first[0]) is type(expected[0]) if expected else first == []


def test_a_worklist_first_page_shows_colleague_complaints_to_the_feedback_team_and_their_handler(worklist):
    def shown(user):
        rows = first_open_cases(landlord=worklist.landlord, user=user, size=50)
        return sum(1 for row in rows if Case.objects.get(pk=row.id).about_colleague)

    assert shown(worklist.officer) == 2
    assert shown(worklist.manager) == 1  # the one they handle
    assert shown(worklist.director) == 0


def test_a_worklist_first_page_is_empty_without_a_role_there_or_when_inactive(worklist, brighter):
    assert first_open_cases(landlord=worklist.landlord, user=brighter.officer, size=50) == []
    Membership.objects.filter(user=worklist.board).delete()
    assert first_open_cases(landlord=worklist.landlord, user=worklist.board, size=50) == []
    worklist.officer.is_active = False
    worklist.officer.save()
    assert first_open_cases(landlord=worklist.landlord, user=worklist.officer, size=50) == []


def test_a_worklist_first_page_is_one_query_whatever_its_size(worklist):
    for size in (1, 2, 50):
        with CaptureQueriesContext(connection) as captured:
            first_open_cases(landlord=worklist.landlord, user=worklist.manager, size=size)
        assert len(captured) == 1
