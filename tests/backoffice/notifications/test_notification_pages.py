"""/landlords/<slug>/notifications/: a person's own notifications, marking them read, the header count."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from putright.cases.models import Case
from putright.reminders.models import StaffNotification
from putright.reminders.selectors import unread_notification_count
from putright.reminders.services import notifications_mark_all_read
from tests.backoffice.notifications.helpers import case_for, notify, ombudsman_order


def list_url(slug="brighter", page=None):
    url = reverse("backoffice:notifications", args=[slug])
    return f"{url}?page={page}" if page else url


def read_url(notification_id, slug="brighter"):
    return reverse("backoffice:notification-read", args=[slug, notification_id])


def read_all_url(slug="brighter"):
    return reverse("backoffice:notifications-read-all", args=[slug])


def test_anonymous_people_are_sent_to_sign_in(client, brighter):
    notification = notify(brighter, brighter.officer)
    for response in (
        client.get(list_url()),
        client.post(read_url(notification.pk)),
        client.post(read_all_url()),
    ):
        assert response.status_code == 302 and response.url.startswith(reverse("backoffice:sign-in"))
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize("role", ["officer", "manager", "director", "housing", "board", "colleague"])
def test_every_role_sees_their_own_notifications_newest_first_unread_marked(client, brighter, role):
    user = getattr(brighter, role)
    notify(brighter, user, message="Older one", ago=10)
    read = notify(brighter, user, message="Already read", ago=5)
    notify(brighter, user, message="Newest one")
    notify(brighter, brighter.officer if role != "officer" else brighter.manager, message="Someone else's")
    StaffNotification.objects.filter(pk=read.pk).update(read_at=read.created_at)
    client.force_login(user)
    body = client.get(list_url()).content.decode()
    assert body.index("Newest one") < body.index("Already read") < body.index("Older one")
    assert "Someone else&#x27;s" not in body and "Someone else's" not in body
    assert body.count('govuk-tag--blue">Unread') == 2
    assert "Notifications (2" in body


def test_a_notification_links_to_its_case_only_when_the_person_may_see_it(client, brighter):
    case = case_for(brighter)
    notify(brighter, brighter.colleague, case=case, message="About the case")
    client.force_login(brighter.colleague)
    case_url = reverse("backoffice:case", args=["brighter", case.reference])
    assert case_url in client.get(list_url()).content.decode()
    Case.objects.filter(pk=case.pk).update(about_colleague=True)
    body = client.get(list_url()).content.decode()
    assert "About the case" in body and case_url not in body


def test_ombudsman_order_notifications_link_to_the_ombudsman_case(client, brighter):
    case = case_for(brighter)
    order = ombudsman_order(brighter, case)
    notify(
        brighter,
        brighter.officer,
        "ombudsman_order_due_soon",
        case=case,
        subject=f"ombudsman-order:{order.pk}",
    )
    client.force_login(brighter.officer)
    body = client.get(list_url()).content.decode()
    assert reverse("backoffice:ombudsman-case", args=["brighter", order.ombudsman_case_id]) in body


def test_a_customer_asking_for_help_links_to_the_customer_record(client, brighter):
    notify(brighter, brighter.officer, "adjustment_requested", customer=brighter.customer)
    client.force_login(brighter.officer)
    body = client.get(list_url()).content.decode()
    assert reverse("backoffice:customer", args=["brighter", brighter.customer.pk]) in body


def test_a_notification_about_nothing_the_person_may_open_has_no_link(client, brighter):
    notify(brighter, brighter.officer, "ombudsman_submission_due", message="Annual report due")
    client.force_login(brighter.officer)
    body = client.get(list_url()).content.decode()
    assert "Annual report due" in body and ">About<" not in body


def test_mark_as_read_marks_only_that_one_and_comes_back_to_the_page(client, brighter):
    first = notify(brighter, brighter.officer, ago=1)
    second = notify(brighter, brighter.officer)
    client.force_login(brighter.officer)
    response = client.post(read_url(first.pk), {"page": "1"})
    assert response.status_code == 302 and response.url == list_url(page=1)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None
    assert "Notifications (1" in client.get(list_url()).content.decode()


def test_mark_all_as_read_marks_only_this_persons_at_this_landlord(client, brighter, great):
    mine = [notify(brighter, brighter.officer), notify(brighter, brighter.officer)]
    theirs = notify(brighter, brighter.manager)
    client.force_login(brighter.officer)
    response = client.post(read_all_url())
    assert response.status_code == 302 and response.url == list_url()
    assert all(StaffNotification.objects.get(pk=n.pk).read_at for n in mine)
    assert StaffNotification.objects.get(pk=theirs.pk).read_at is None
    assert "2 notifications marked as read" in client.get(list_url()).content.decode()


def test_mark_all_read_service_counts_only_the_unread(brighter):
    notify(brighter, brighter.officer)
    assert notifications_mark_all_read(landlord=brighter.landlord, user=brighter.officer) == 1
    assert notifications_mark_all_read(landlord=brighter.landlord, user=brighter.officer) == 0
    assert unread_notification_count(landlord=brighter.landlord, user=brighter.officer) == 0


def test_another_landlords_or_another_persons_notification_is_not_found(client, brighter, great):
    theirs = notify(great, great.officer)
    colleague = notify(brighter, brighter.manager)
    client.force_login(brighter.officer)
    assert client.post(read_url(theirs.pk)).status_code == 404
    assert client.post(read_url(theirs.pk, "great")).status_code == 404
    assert client.post(read_url(colleague.pk)).status_code == 404
    assert client.get(list_url("great")).status_code == 404
    assert client.post(read_all_url("great")).status_code == 404
    for n in (theirs, colleague):
        n.refresh_from_db()
        assert n.read_at is None


def test_the_page_is_paginated(client, brighter):
    for minutes in range(27):
        notify(brighter, brighter.officer, message=f"Number {minutes}", ago=minutes)
    client.force_login(brighter.officer)
    first = client.get(list_url()).content.decode()
    second = client.get(list_url(page=2)).content.decode()
    assert "Number 0<" in first and "Number 26" not in first and 'rel="next"' in first
    assert "Number 26" in second and "Number 0<" not in second and 'rel="prev"' in second


def test_the_query_count_does_not_grow_with_the_notifications(client, brighter):
    case = case_for(brighter)
    order = ombudsman_order(brighter, case)
    client.force_login(brighter.officer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(list_url()).status_code == 200
        return len(captured)

    notify(brighter, brighter.officer, case=case)
    notify(
        brighter,
        brighter.officer,
        "ombudsman_order_overdue",
        case=case,
        subject=f"ombudsman-order:{order.pk}",
    )
    notify(brighter, brighter.officer, "adjustment_requested", customer=brighter.customer)
    few = queries()
    for day in range(1, 6):
        notify(brighter, brighter.officer, case=case)
        notify(
            brighter,
            brighter.officer,
            "ombudsman_order_overdue",
            case=case,
            subject=f"ombudsman-order:{order.pk}",
            due=date(2026, 12, day),
        )
        notify(brighter, brighter.officer, "adjustment_requested", customer=brighter.customer)
    assert queries() == few


def test_the_header_count_is_one_query_on_any_page(client, brighter):
    client.force_login(brighter.officer)
    my_work = reverse("backoffice:my-work")
    notify(brighter, brighter.officer)
    with CaptureQueriesContext(connection) as one:
        body = client.get(my_work).content.decode()
    assert "Notifications (1" in body
    for _ in range(4):
        notify(brighter, brighter.officer)
    with CaptureQueriesContext(connection) as five:
        body = client.get(my_work).content.decode()
    assert "Notifications (5" in body and len(five) == len(one)
