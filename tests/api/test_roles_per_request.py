"""An API request reads the caller's roles once, with the landlord; the next request reads them afresh, so
a role taken away counts at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from putright.accounts.models import Membership, Role
from putright.accounts.permissions import remember_roles, roles_at, roles_remembered

from .conftest import cases_url, complaint_body


def test_a_role_taken_away_counts_from_the_next_request(great, as_user):
    client = as_user(great.manager)
    assert client.get(cases_url(great)).status_code == 200
    Membership.objects.filter(user=great.manager, landlord=great.landlord).update(role=Role.BOARD)
    # The board may see cases but not log them: the new role is read, not the one the last request saw.
    response = client.post(cases_url(great), complaint_body(great), format="json")
    assert response.status_code == 403, response.json()
    Membership.objects.filter(user=great.manager, landlord=great.landlord).delete()
    assert client.get(cases_url(great)).status_code == 404


def test_roles_are_read_once_inside_the_block_and_every_time_outside(great):
    with CaptureQueriesContext(connection) as outside:
        roles_at(great.officer, great.landlord)
        roles_at(great.officer, great.landlord)
    assert len(outside) == 2
    with roles_remembered():
        with CaptureQueriesContext(connection) as inside:
            assert roles_at(great.officer, great.landlord) == {Role.FEEDBACK_OFFICER}
            assert roles_at(great.officer, great.landlord) == {Role.FEEDBACK_OFFICER}
            assert roles_at(great.manager, great.landlord) == {Role.INVESTIGATING_MANAGER}
        assert len(inside) == 2  # once per person
    with CaptureQueriesContext(connection) as after:
        roles_at(great.officer, great.landlord)
    assert len(after) == 1


def test_roles_remembered_with_the_landlord_are_used_and_forgotten_after(great):
    remember_roles(great.officer, great.landlord, [Role.BOARD])  # outside any block: ignored
    assert roles_at(great.officer, great.landlord) == {Role.FEEDBACK_OFFICER}
    with roles_remembered():
        remember_roles(great.officer, great.landlord, [Role.BOARD])
        with CaptureQueriesContext(connection) as inside:
            assert roles_at(great.officer, great.landlord) == {Role.BOARD}
        assert len(inside) == 0
    assert roles_at(great.officer, great.landlord) == {Role.FEEDBACK_OFFICER}


def test_an_inactive_person_holds_no_role_even_when_remembered(great):
    great.officer.is_active = False
    with roles_remembered():
        remember_roles(great.officer, great.landlord, [Role.FEEDBACK_OFFICER])
        assert roles_at(great.officer, great.landlord) == set()
