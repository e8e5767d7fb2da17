"""Contact details and reasonable adjustments changed from the portal: through the customers service,
audited as made by the customer online, adjustments asked for go to staff to agree, and a representative
only with authority over everything."""

from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from putright.customers.models import Adjustment, CustomerEvent, Representative
from putright.domain.errors import InvalidInputError, NotFoundError
from putright.reminders.models import Reminder, ReminderKind, StaffNotification
from putright.residents.access import resident_customers, resident_for_email
from putright.residents.details import (
    ContactDetails,
    adjustments_asked,
    adjustments_to_ask_for,
    resident_adjustments_request,
    resident_contact_update,
)
from putright.residents.services import resident_portal_user

pytestmark = pytest.mark.django_db

NEW = ContactDetails(
    email="alex@example.test",
    phone="07700 900 982",
    address="1 Elm Court, Leeds",
    postcode="ls1 1aa",
    preferred_channel="phone",
    letters_by="both",
)


def resident(org, email="alex@example.test"):
    return resident_for_email(org.landlord, email, timezone.localdate())


def update(org, who, details=NEW, customer=None):
    return resident_contact_update(
        landlord=org.landlord, resident=who, customer_id=(customer or org.customer).pk, details=details
    )


def test_contact_details_changed_online_are_audited_as_made_by_the_customer(brighter):
    customer = update(brighter, resident(brighter))
    assert (customer.phone, customer.postcode, customer.preferred_channel, customer.letters_by) == (
        "07700 900 982",
        "LS1 1AA",
        "phone",
        "both",
    )
    event = CustomerEvent.objects.get(customer=customer, kind="contact_details_changed")
    assert event.actor == resident_portal_user(brighter.landlord)
    assert "by the customer through the resident portal (alex@example.test)" in event.summary
    assert event.before["phone"] == "" and event.after["phone"] == "07700 900 982"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"email": "not an address"}, "email", "correct format"),
        ({"phone": "call me"}, "phone", "Enter a phone number"),
        ({"phone": "0770"}, "phone", "Enter a phone number"),
        ({"preferred_channel": "social"}, "preferred_channel", "Select how you would like us"),
        ({"preferred_channel": "phone", "phone": ""}, "phone", "or choose another way"),
        ({"letters_by": "fax"}, "letters_by", "Select how you would like to get letters"),
        ({"letters_by": "email", "email": ""}, "email", "to get letters by email"),
        ({"letters_by": "post", "address": " "}, "address", "to get letters by post"),
    ],
)
def test_contact_details_bad_input_changes_nothing(brighter, change, field, message):
    details = ContactDetails(**{**NEW.__dict__, **change})
    with pytest.raises(InvalidInputError, match=message) as error:
        update(brighter, resident(brighter), details)
    assert error.value.field == field
    brighter.customer.refresh_from_db()
    assert brighter.customer.phone == ""
    assert not CustomerEvent.objects.filter(kind="contact_details_changed").exists()


def test_contact_details_not_of_another_customer_or_landlord(brighter, great, other_customer):
    with pytest.raises(NotFoundError):
        update(brighter, resident(brighter), customer=other_customer)
    with pytest.raises(NotFoundError):
        update(great, resident(great), customer=brighter.customer)
    other_customer.refresh_from_db()
    assert other_customer.phone == ""


def test_contact_details_by_a_representative_only_with_authority_over_everything(brighter, representative):
    jo = resident(brighter, "jo@example.test")
    assert list(resident_customers(brighter.landlord, jo, timezone.localdate())) == []
    with pytest.raises(NotFoundError):
        update(brighter, jo)
    Representative.objects.filter(pk=representative.pk).update(scope="")
    jo = resident(brighter, "jo@example.test")
    update(brighter, jo)
    event = CustomerEvent.objects.get(kind="contact_details_changed")
    assert "(jo@example.test acting for them)" in event.summary


def ask(org, who, types, details=None):
    return resident_adjustments_request(
        landlord=org.landlord, resident=who, customer_id=org.customer.pk, types=types, details=details or {}
    )


def test_adjustments_asked_for_online_go_to_staff_to_agree(brighter):
    event = ask(brighter, resident(brighter), ["large_print", "interpreter"], {"interpreter": " Polish "})
    assert event.kind == "adjustment_requested" and event.actor == resident_portal_user(brighter.landlord)
    assert "Large print; Interpreter: Polish" in event.summary
    assert event.after == {"asked": {"large_print": "", "interpreter": "Polish"}}
    assert not Adjustment.objects.exists()  # staff agree them
    reminder = Reminder.objects.get(subject=f"customer:{brighter.customer.pk}:adjustment-request:{event.pk}")
    assert reminder.recipient_role == "feedback_officer" and "Alex Morgan" in reminder.message


def test_adjustments_asked_for_online_notify_as_a_request_for_help_with_the_customer(brighter):
    """Nothing is due for review: the notice says a customer asked for help, and keeps the customer so it
    takes staff to their record, where the request is agreed."""
    event = ask(brighter, resident(brighter), ["easy_read"])
    reminder = Reminder.objects.get(subject=f"customer:{brighter.customer.pk}:adjustment-request:{event.pk}")
    assert reminder.kind == ReminderKind.ADJUSTMENT_REQUESTED
    assert reminder.get_kind_display() == "Customer asked for help with how we contact them"
    assert reminder.customer == brighter.customer and reminder.case is None
    assert "Easy read" in reminder.message and "customer record" in reminder.message
    assert not Reminder.objects.filter(kind=ReminderKind.ADJUSTMENT_REVIEW_DUE).exists()


def test_the_feedback_team_is_told_in_app_and_by_email_that_a_customer_asked_for_help(
    brighter, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        ask(brighter, resident(brighter), ["phone_call"])
    notification = StaffNotification.objects.get(recipient=brighter.officer)
    assert notification.kind == ReminderKind.ADJUSTMENT_REQUESTED
    assert notification.reminder.customer == brighter.customer
    subjects = [m.subject for m in mail.outbox if brighter.officer.email in m.to]
    assert subjects == ["PutRight (Brighter Places): Customer asked for help with how we contact them"]


@pytest.mark.parametrize(
    ("types", "details", "field", "message"),
    [
        ([], {}, "types", "Select the help you need"),
        (["telepathy"], {}, "types", "Select from the list"),
        (["interpreter"], {}, "interpreter", "the language"),
        (["named_contact"], {}, "named_contact", "named contact"),
        (["avoid_times"], {"avoid_times": "  "}, "avoid_times", "times we should avoid"),
        (["other"], {}, "other", "other help"),
        (["easy_read"], {"easy_read": "x" * 201}, "easy_read", "200 characters"),
    ],
)
def test_adjustments_bad_input_asks_nothing(brighter, types, details, field, message):
    with pytest.raises(InvalidInputError, match=message) as error:
        ask(brighter, resident(brighter), types, details)
    assert error.value.field == field
    assert not CustomerEvent.objects.filter(kind="adjustment_requested").exists()
    assert not Reminder.objects.exists()


def test_adjustments_already_agreed_are_not_asked_for_again(brighter):
    Adjustment.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type="large_print",
        agreed_on=date(2026, 1, 5),
        review_by=date(2026, 7, 5),
    )
    assert "large_print" not in dict(adjustments_to_ask_for(brighter.customer))
    with pytest.raises(InvalidInputError, match="Select from the list"):
        ask(brighter, resident(brighter), ["large_print"])


def test_adjustments_by_a_representative_only_with_authority_over_everything(brighter, representative):
    with pytest.raises(NotFoundError):
        ask(brighter, resident(brighter, "jo@example.test"), ["easy_read"])
    assert not CustomerEvent.objects.filter(kind="adjustment_requested").exists()


def test_adjustments_asked_for_are_shown_until_staff_agree_them(brighter):
    ask(brighter, resident(brighter), ["easy_read", "avoid_times"], {"avoid_times": "Mornings"})
    assert adjustments_asked(brighter.customer) == ["Easy read", "Times to avoid: Mornings"]
    Adjustment.objects.create(
        landlord=brighter.landlord,
        customer=brighter.customer,
        type="easy_read",
        agreed_on=date(2026, 1, 5),
        review_by=date(2026, 7, 5),
    )
    assert adjustments_asked(brighter.customer) == ["Times to avoid: Mornings"]
